#!/bin/sh
# tests/ui/mirror.sh: with the interface in Arabic (the real catalogue,
# po/ar.po, compiled into the build tree: it says "default:RTL") every
# screen is mirrored (issue 19). Each line of the interface's own words
# is compared with what GNU FriBidi's own tool (`fribidi --rtl`, Debian's
# libfribidi-bin) gives for the catalogue's text, at the right of the
# screen: the countries' top line and filter (label at the right, what
# is typed and the cursor to its left, then the note), a country's
# summary (a right-to-left paragraph though it starts with a Latin
# region), the search's query and filter lines and its rows (columns
# from the right, as their titles), a status-line prompt, the key table
# of the help screen (the keys a column at the right) and its
# paragraphs (a wrapped line that starts with a Latin word keeps its
# paragraph's direction), the newsletters' and routes' top lines, a
# route question's answers (the cursor mirrored), what changed, the
# messages (continuation lines under the text, not the time) and the
# demo badge.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

MO="$builddir/po/locale/ar/LC_MESSAGES/globe.mo"
if ! command -v fribidi >/dev/null 2>&1; then
	echo "# SKIP the fribidi tool is not installed (Debian: libfribidi-bin)"
	done_testing
	exit 0
fi
if ! grep -q '^#define ENABLE_NLS 1' "$builddir/config.h" ||
    [ ! -f "$MO" ]; then
	echo "# SKIP no Arabic catalogue in this build (--disable-nls or no msgfmt)"
	done_testing
	exit 0
fi

ui_source "$T/source.jsonl"
cat >>"$T/source.jsonl" <<'EOS'
{"type":"route","id":"r-br-1","country":"BR","measure":"asset-tracing","authority":"br-pf","contact":"c-1","channel":"direct","formality":"informal","urgency":"urgent","languages":["pt"],"verified":"2099-01-01"}
{"type":"route","id":"r-br-2","country":"BR","measure":"asset-tracing","authority":"br-mpf","channel":"central-authority","formality":"formal","urgency":"normal","languages":["pt"],"verified":"2099-01-01"}
EOS
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet

# The checks, in Python: tr() and ntr() read the catalogue globe reads,
# vis() is fribidi's visual order, R(text, w) a right-to-left paragraph
# at the right of w cells, cut() cuts as globe does (in logical order,
# "…" where it goes on), wrap() wraps as layout_wrap does.
cat >"$T/m.py" <<'EOF'
import gettext, re, subprocess, sys, unicodedata
mo = gettext.GNUTranslations(open(sys.argv[1], 'rb'))
screen = open(sys.argv[2], encoding='utf-8').read().split('\n')
what, expr = sys.argv[3], sys.argv[4]
def tr(s):
    return mo.gettext(s)
def ntr(s, p, n):
    return mo.ngettext(s, p, n)
def fmt(f, *a):
    it = iter(a)
    return re.sub(r'%s', lambda m: next(it), f)
def cw(c):
    if unicodedata.category(c) in ('Mn', 'Me', 'Cf') or c == '\ufeff':
        return 0
    return 2 if unicodedata.east_asian_width(c) in 'WF' else 1
def width(t):
    return sum(cw(c) for c in t)
def vis(t, rtl=True):
    r = subprocess.run(['fribidi', '--nopad', '--nobreak', '--reordernsm'] +
                       (['--rtl'] if rtl else []), input=t + '\n',
                       capture_output=True, text=True, encoding='utf-8',
                       check=True)
    return r.stdout.rstrip('\n').replace('\ufeff', '')
def R(t, w, rtl=True):
    v = vis(t, rtl)
    return ' ' * (w - width(v)) + v
def cut(t, w):
    if width(t) <= w:
        return t
    k, used = 0, 0
    while k < len(t):
        n = cw(t[k])
        if used + n > w - 1:
            break
        used += n
        k += 1
    while k < len(t) and cw(t[k]) == 0:
        k += 1
    return t[:k] + '\u2026'
def wrap(s, w):
    out, start, n = [], 0, len(s)
    while start < n:
        i, used, brk, here = start, 0, 0, False
        while i < n:
            here = i > start and s[i] == ' '
            if used + cw(s[i]) > w:
                break
            if here:
                brk = i
            used += cw(s[i])
            i += 1
        if i < n and not here and brk > start:
            i = brk
        if i == start:
            i = start + 1
        out.append(s[start:i])
        start = i
        while start < n and s[start] == ' ':
            start += 1
    return out
def line(n):
    return screen[n - 1].rstrip() if n <= len(screen) else ''
def lines_in_order(want):
    """The lines want, one after another, somewhere on the screen."""
    want = [l.rstrip() for l in want]
    got = [l.rstrip() for l in screen]
    for i in range(len(got) - len(want) + 1):
        if got[i:i + len(want)] == want:
            return True
    print('# want, in order:')
    for l in want:
        print('#   |' + l + '|')
    return False
def cols_ok(w):
    """Messages at w columns: each time at the right after two spaces,
    every line of its text (continuation lines too) at the right of the
    w - 10 columns left of it."""
    ok, seen = True, 0
    for n in range(2, len(screen)):
        l = line(n)
        if not l.strip() or n == len(screen) - 1:
            continue
        if re.search(r'  [0-2][0-9]:[0-5][0-9]:[0-5][0-9]$', l):
            seen += 1
            ok = ok and width(l) == w and width(l[:-10]) == w - 10 and \
                l[-11] != ' '
        else:
            seen += 1
            ok = ok and width(l) == w - 10
    return ok and seen >= 3
r = eval(expr)
if isinstance(r, str):
    # The screen's line N (the first word of expr) is that text.
    n = int(sys.argv[5])
    if line(n) == r.rstrip():
        sys.exit(0)
    print('# line %d:' % n)
    print('#   got  |%s|' % line(n))
    print('#   want |%s|' % r.rstrip())
    sys.exit(1)
if not r:
    for l in screen:
        print('#   | ' + l)
sys.exit(0 if r else 1)
EOF

# mcheck "what" EXPR [LINE]: on the settled screen, line LINE is the text
# EXPR gives (Python, m.py's helpers), or EXPR is true.
mcheck() {
	ui_settle
	$TM capture-pane -p -t ui >"$T/screen"
	if python3 "$T/m.py" "$MO" "$T/screen" "$1" "$2" "${3:-0}" \
	    >"$T/mcheck.out" 2>&1; then
		pass "$1"
	else
		fail "$1"
		cat "$T/mcheck.out"
	fi
}
cursor_x() {
	$TM display-message -p -t ui '#{cursor_x}'
}

UI_ENV="-u LC_ALL LANG=C.UTF-8 LANGUAGE=ar"
ui_start 80x24
ui_expect_text "Arabic: the countries" "Brazil"

# The countries' top line, then the filter: label, typed text, note.
mcheck "the countries' hint: right to left, at the right" \
	'R(fmt(tr("Type a country name after %s to filter %s / search %s ? help"), "f", "\u00b7", "\u00b7"), 80)' 2
ui_keys f
ui_type zzz
ui_expect_text "the filter" "zzz"
mcheck "the filter: label at the right, what is typed, then the note" \
	'R("(" + tr("no match") + ")", 80 - width(tr("Filter: ")) - 6) + "  zzz " + R(tr("Filter: "), width(tr("Filter: ")))' 2
mcheck "the filter's cursor is after what is typed (to its left)" \
	"$(cursor_x) == 80 - width(tr('Filter: ')) - 1"
ui_keys Escape Escape

# A country's summary starts with its region (Latin): still the interface's direction.
ui_keys j j Enter
ui_expect_text "Egypt opens" "Egypt"
mcheck "the country's summary: a right-to-left paragraph at the right" \
	'R("Africa \u00b7 " + fmt(ntr("%s member authority", "%s member authorities", 1), "1") + " \u00b7 " + fmt(ntr("%s contact", "%s contacts", 1), "1"), 80)' 2
ui_keys Escape

# The search: query line, filter line, rows under their titles.
ui_keys /
ui_type "البنا"
ui_expect_text "the search finds the Arabic name" "@example.org"
mcheck "the query: label at the right, the query to its left" \
	'R("البنا ", 80 - width(tr("Search: "))) + R(tr("Search: "), width(tr("Search: ")))' 2
mcheck "the query's cursor is at the end of the Arabic query (its left)" \
	"$(cursor_x) == 80 - width(tr('Search: ')) - 6"
mcheck "the filter line: right to left, at the right" \
	'R(" \u00b7 ".join(fmt(tr(f), tr("any")) for f in ("country: %s", "expertise: %s", "language: %s")) + "   " + tr("(F2, F3, F4 set them)"), 80)' 3
mcheck "a result's columns go from the right as their titles: the e-mail at the left" \
	'line(5).startswith("ahmed.albanna@example.org") and line(4).endswith(vis(tr("Type")))'
ui_keys F2
ui_type Eg
ui_expect_text "the country filter's prompt" "Eg"
mcheck "a status-line prompt: label at the right, typed text, hint" \
	'R("Egypt EG", 80 - width(tr("country filter (code or name): ")) - 4) + " Eg " + R(tr("country filter (code or name): "), width(tr("country filter (code or name): ")))' 24
ui_keys Escape Escape Escape

# The help screen: the keys a column at the right.
ui_keys '?'
ui_expect_text "the help screen" "Up, k"
mcheck "help: the keys a column at the right, their help to its left" \
	'R(tr("move up") + " (up)", 54) + "Up, k".rjust(24)' 3
ui_resize 80x200
ui_expect_text "the help, all of it" "ACTION"
mcheck "help: a paragraph's wrapped lines all read right to left, a Latin word first or not" \
	'lines_in_order([R(l, 80) for l in wrap(tr("Mouse: a click selects, a double click opens, the wheel scrolls. While globe has the mouse the terminal'"'"'s own text selection needs Shift (in most terminals); mouse = no in the config leaves the mouse to the terminal."), 79)])'
ui_resize 80x24
ui_keys Escape

# The newsletters' top line.
ui_keys 2
ui_expect_text "the newsletters" "2024/1"
mcheck "the newsletters' top line: right to left, at the right" \
	'R(fmt(tr("%s, %s %s Enter reads, / finds"), fmt(ntr("%s newsletter", "%s newsletters", 2), "2"), fmt(ntr("%s unread", "%s unread", 2), "2"), "\u00b7"), 80)' 2
ui_keys Escape

# Routes: the top line, a measure found by typing, a question's answers.
ui_keys w
ui_expect_text "the routes" "Brazil"
mcheck "the routes' top line: right to left, cut at its end (the left)" \
	'R(cut(tr("Who handles a request? Type the requested State; requesting State: not set (country = CC in the config)"), 80), 80)' 2
ui_keys Enter
ui_expect_text "Brazil's measures" "Brazil"
ui_type as
mcheck "a measure found by typing: label at the right" \
	'R("as ", 80 - width(tr("Find: ")), rtl=False) + R(tr("Find: "), width(tr("Find: ")))' 2
ui_keys Enter
mcheck "a question, right to left at the right" \
	'R(tr("Is the request urgent?"), 80)' 2
mcheck "its answers: at the right, the cursor mirrored" \
	'line(3).endswith(" \u2039") and width(line(3)) == 79 and width(line(4)) == 77'
ui_keys Escape Escape Escape Escape

# A sync that changes a title: what changed, and the messages.
sed 's/"Case Officer"/"Senior Case Officer"/' "$T/source.jsonl" >"$T/source2.jsonl"
ui_feed "$T/source2.jsonl"
ui_resize 40x12
ui_keys F5
ui_expect_text "the sync ends" "M, F9"
ui_keys 4
ui_expect_text "what changed" "Ana Souza"
mcheck "what changed: the entry \"    ~ name: fields\" mirrored, its indent at the right" \
	'width(line(3)) == 38 and line(4).startswith(" ") and line(4).endswith(" ~") and width(line(4)) == 36'
# A message whose second line starts with an address (a Latin word).
ui_keys Escape /
ui_type "البنا"
ui_expect_text "the search at 40 columns" "Senior"
ui_keys Enter
ui_expect_text "the contact" "ahmed.albanna@example.org"
ui_keys y
ui_expect_text "y copies the e-mail" "ahmed.albanna@example.org"
# At 39 columns the address alone is the copy message's second line.
ui_resize 39x12
ui_keys F9
ui_expect_text "the messages" "example.org"
mcheck "the messages at 39 columns: the time at the right, continuation lines (an address) under the text" \
	'cols_ok(39)'

# The demo badge: at the left, in visual order.
ui_start 80x24 --demo
ui_expect_text "the demo" "1/"
mcheck "the demo badge: at the left, right to left" \
	'line(1).startswith(R(tr("demo"), width(tr("demo")) + 2) + " ")'
ui_keys q q
ui_expect_text "the demo: q quits" "[globe exited 0]"

done_testing
