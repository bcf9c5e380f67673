#!/bin/sh
# tests/ui/bidi.sh: right-to-left text on the full screen (issue 19). An
# Arabic name, an Arabic name with a Latin acronym and digits, a Hebrew
# title and a Hebrew newsletter, at 80x24 and 40x12: every screen is
# compared cell by cell with one made from a template in which each
# right-to-left text is put in visual order by GNU FriBidi's own tool
# (`fribidi`, Debian's libfribidi-bin), padded to its cell. A search
# marks the cells of the word it matched. Every byte globe writes is
# recorded (tmux pipe-pane): the terminal is told not to reorder (BDSM
# explicit mode, CSI 8 l) before the first line and told again to do so
# (CSI 8 h) on quitting, on ^Z and on SIGTERM. bidi = off: logical order
# and no sequence. The command line: logical order into a pipe and on a
# terminal (bidi = auto), visual order on a terminal under bidi = on. And
# with the interface in a right-to-left language (a test catalogue that
# says "default:RTL", under a language po/LINGUAS does not hold) the
# screens are laid out right to left.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

if ! command -v fribidi >/dev/null 2>&1; then
	echo "# SKIP the fribidi tool is not installed (Debian: libfribidi-bin)"
	done_testing
	exit 0
fi

# The texts, by the names the screen templates use.
cat >"$T/texts.json" <<'EOS'
{
 "aca": "هيئة الرقابة الإدارية",
 "apa": "النيابة الإدارية (APA) 1954",
 "ahmed": "أحمد البنا",
 "albanna": "البنا",
 "inp": "משטרת ישראל",
 "dana_title": "חוקרת בכירה",
 "nl_title": "עלון הרשת 2025",
 "nl_summary": "שלום לכולם",
 "mudir": "مدير",
 "aca_cut": "هيئة الرقابة…",
 "apa_cut": "النيابة الإد…",
 "detail_cut": "Senior Investigator · ه…",
 "aca_acr": "هيئة الرقابة الإدارية (ACA)",
 "inp_acr": "משטרת ישראל (INP)",
 "nl_body": "הרשת נפגשה ב-2025 בווינה: 126 מדינות, ACA ו-INP שיתפו מידע על השבת נכסים.",
 "body40_1": "הרשת נפגשה ב-2025 בווינה: 126 מדינות,",
 "body40_2": "ACA ו-INP שיתפו מידע על השבת נכסים."
}
EOS
text() {
	python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' \
	    "$T/texts.json" "$1"
}

# A directory of its own: the shared ui_source's screens stay as they are.
AR_ACA=$(text aca) AR_APA=$(text apa) AR_AHMED=$(text ahmed)
HE_INP=$(text inp) HE_TITLE=$(text dana_title) HE_NL=$(text nl_title)
HE_SUMMARY=$(text nl_summary) AR_MUDIR=$(text mudir) HE_BODY=$(text nl_body)
cat >"$T/source.jsonl" <<EOS
{"type":"country","code":"EG","name":"Egypt","region":"Africa"}
{"type":"country","code":"IL","name":"Israel","region":"Asia"}
{"type":"authority","id":"eg-aca","country":"EG","name":"$AR_ACA","name_en":"Administrative Control Authority","acronym":"ACA","kind":"anti-corruption","email":"aca@example.org","languages":["ar","en"]}
{"type":"authority","id":"eg-apa","country":"EG","name":"$AR_APA","acronym":"APA","kind":"prosecution","email":"apa@example.org","languages":["ar"]}
{"type":"authority","id":"il-inp","country":"IL","name":"$HE_INP","acronym":"INP","kind":"police","email":"inp@example.org","languages":["he","en"]}
{"type":"contact","id":"c-ar1","authority":"eg-aca","name":"$AR_AHMED","title":"Senior Investigator","role":"focal-point","email":"ahmed.albanna@example.org","languages":["ar","en"]}
{"type":"contact","id":"c-ar2","authority":"eg-aca","name":"Mona Said","title":"$AR_MUDIR","role":"case-officer","email":"mona.said@example.org","languages":["ar"]}
{"type":"contact","id":"c-he1","authority":"il-inp","name":"Dana Levi","title":"$HE_TITLE","role":"focal-point","email":"dana.levi@example.org","languages":["he","en"]}
{"type":"newsletter","id":"nl-he","issue":"2025/1","published":"2025-01-30","lang":"he","title":"$HE_NL","summary":"$HE_SUMMARY","body":"$HE_BODY","url":"https://example.org/nl/2025-1"}
EOS
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet

# bidi_render NAME: screens/NAME.tmpl into $T/NAME.txt. In a template,
# {r20:key} is the text named key in visual order as fribidi prints it,
# at the right of 20 cells; {l20:key} at the left; {v:key} as wide as
# it is; {R40:key} a line of a right-to-left paragraph (fribidi --rtl),
# at the right. fribidi leaves U+FEFF where a lam-alef ligature took two
# letters: it takes no cell, and globe writes none.
bidi_render() {
	python3 - "$SCREENS/$1.tmpl" "$T/texts.json" "$T/$1.txt" <<'EOF'
import json, re, subprocess, sys
tmpl, texts, out = sys.argv[1:4]
texts = json.load(open(texts, encoding='utf-8'))
def visual(key, rtl=False):
    r = subprocess.run(['fribidi', '--nopad', '--nobreak', '--reordernsm'] +
                       (['--rtl'] if rtl else []),
                       input=texts[key] + '\n', capture_output=True,
                       text=True, encoding='utf-8', check=True)
    return r.stdout.rstrip('\n').replace('\ufeff', '')
def cell(m):
    how, width, key = m.group(1), m.group(2), m.group(3)
    v = visual(key, how == 'R')
    if how == 'v':
        return v
    w = int(width)
    if len(v) > w:
        raise SystemExit('%s: %s is %d cells, more than %d' % (tmpl, key, len(v), w))
    return v.rjust(w) if how in 'rR' else v.ljust(w)
lines = open(tmpl, encoding='utf-8').read().split('\n')
with open(out, 'w', encoding='utf-8') as f:
    f.write('\n'.join(re.sub(r'\{([rlvR])(\d*):(\w+)\}', cell, l).rstrip(' ')
                      for l in lines))
EOF
}

# bidi_expect NAME "what": the screen is the template rendered.
bidi_expect() {
	if bidi_render "$1"; then
		SCREENS=$T ui_expect "$1" "$2"
	else
		fail "$2 (template $1)"
	fi
}

# The bytes globe wrote, from pipe-pane's file, as Python reads them.
bytes_check() {
	python3 - "$1" "$2" <<'EOF'
import sys
raw = open(sys.argv[1], 'rb').read()
explicit, implicit = b'\033[8l', b'\033[8h'
what = sys.argv[2]
def fail(msg):
    print('# ' + msg)
    print('# %d bytes; 8l at %s, 8h at %s' % (len(raw),
          [i for i in range(len(raw)) if raw.startswith(explicit, i)][:5],
          [i for i in range(len(raw)) if raw.startswith(implicit, i)][:5]))
    sys.exit(1)
if what == 'start':
    # Before anything is drawn: the first bytes, ahead of the screen's.
    if not raw.startswith(explicit):
        fail('explicit mode is not the first thing sent')
elif what == 'quit':
    # The implicit mode back after curses gave the terminal back.
    i = raw.rfind(implicit)
    if i < 0 or raw.rfind(explicit) > i or raw.rfind(b'\033[?1049l') > i:
        fail('implicit mode is not sent at the end')
elif what == 'term':
    # ncurses' handler restores the terminal after globe's has sent it.
    i = raw.rfind(implicit)
    if i < 0 or raw.rfind(explicit) > i or raw.find(b'\033[?1049l', i) < 0:
        fail('implicit mode, then the terminal restored: not so')
elif what == 'suspend':
    # ^Z: implicit after endwin, explicit again, then the screen again.
    i = raw.find(implicit)
    j = raw.find(explicit, i + 1) if i >= 0 else -1
    if i < 0 or j < 0 or raw.find(b'\033[?1049l') > i or \
       len(raw) - j < 200:
        fail('no implicit, explicit, repaint after ^Z')
elif what == 'cli':
    # The lines between explicit and implicit mode.
    i = raw.find(explicit)
    j = raw.find(implicit)
    if i != 0 or j < 0 or b'@example.org' not in raw[i:j]:
        fail('the lines are not between explicit and implicit mode')
elif what == 'none':
    if explicit in raw or implicit in raw:
        fail('a bidi mode was sent')
    if not raw:
        fail('nothing recorded')
EOF
}

# --- 80x24 -----------------------------------------------------------------
UI_RAW=$T/raw ui_start 80x24
ui_expect_text "the interface opens" "Countries"
ok "explicit mode is sent before the first screen" bytes_check "$T/raw" start
ui_expect_text "a bidi-aware terminal gets the screen as it is" "Egypt"
ui_keys Enter
ui_expect_text "Egypt opens" "Countries › Egypt"
bidi_expect bidi-country "an Arabic name and one with a Latin acronym and digits, each at its column's right"
ui_keys j Enter
ui_expect_text "the authority opens" "English name"
bidi_expect bidi-authority "its fields, the Arabic name at the right; its contacts, an Arabic title"
ui_keys Tab j Enter
ui_expect_text "the Arabic contact opens" "Senior Investigator"
bidi_expect bidi-contact "the breadcrumb keeps its parts in order, each in its own direction"

# A search: the cells of what matched are marked (bold, underlined).
ui_keys /
ui_type "$(text albanna)"
ui_expect_text "the search finds the Arabic name" "person"
marked=$($TM capture-pane -e -p -t ui | python3 -c '
import re, sys
for line in sys.stdin:
    if "person" in line:
        # The text between the match style (1;4) and the next style.
        m = re.search(r"\x1b\[[0-9;]*1;4m([^\x1b]*)", line)
        print(m.group(1) if m else "")
        break
')
want=$(printf '%s\n' "$(text albanna)" | fribidi --nopad --nobreak --reordernsm)
check_eq "the marked cells are the match, in visual order" "$marked" "$want"
bidi_expect bidi-search "the match in its place in the name"

ui_keys Escape Escape 2
ui_expect_text "the newsletters" "Enter reads"
bidi_expect bidi-news "a Hebrew title with digits at its column's right"
ui_keys Enter
ui_expect_text "the reader" "Issue 2025/1"
bidi_expect bidi-reader "a Hebrew page: each line at the right"

# ^Z: the terminal gets its implicit mode back, then explicit again.
# (tmux's session is an orphaned process group here: the kernel does
# not stop it, so globe comes straight back; a shell's fg does the same.)
ui_keys Escape C-z
sleep 0.5
if [ "$(awk '{ print $3 }' "/proc/$(cat "$T/globe.pid")/stat")" = T ]; then
	kill -CONT "$(cat "$T/globe.pid")"
fi
ui_expect_text "back after ^Z" "Enter reads"
ok "^Z: implicit mode, then explicit again and the screen repainted" \
	bytes_check "$T/raw" suspend
ui_keys q q q q q q
ui_expect_text "q quits" "[globe exited 0]"
$TM pipe-pane -t ui
ok "implicit mode is sent when globe ends" bytes_check "$T/raw" quit

# SIGTERM: ncurses restores the terminal; the implicit mode comes too.
UI_RAW=$T/raw-term ui_start 80x24
ui_expect_text "started again" "Countries"
kill -TERM "$(cat "$T/globe.pid")"
ui_expect_text "SIGTERM ends globe" "[globe exited"
$TM pipe-pane -t ui
ok "SIGTERM: the implicit mode is sent, and ncurses restores the terminal" \
	bytes_check "$T/raw-term" term

# --- 40x12 -----------------------------------------------------------------
ui_start 40x12
ui_expect_text "40x12 opens" "Countries"
ui_keys Enter
ui_expect_text "Egypt at 40x12" "Countries › Egypt"
bidi_expect bidi-country-40 "40x12: the names cut in logical order, at their columns' right"
ui_keys j Enter
ui_expect_text "the authority at 40x12" "Administrative Control"
bidi_expect bidi-authority-40 "40x12: the Arabic name at the right of its field"
ui_keys Escape Escape j Enter j Enter Tab Enter
ui_expect_text "the Hebrew title's contact" "Dana Levi"
bidi_expect bidi-hebrew-40 "40x12: a Hebrew title at the right of its field"
ui_keys 2 Enter
ui_expect_text "the reader at 40x12" "Issue 2025/1"
bidi_expect bidi-reader-40 "40x12: a Hebrew paragraph wrapped in logical order, each line in its paragraph's direction"
ui_keys q q q q q q q
ui_expect_text "40x12: q quits" "[globe exited 0]"

# --- bidi = off: logical order, nothing sent --------------------------------
cp "$XDG_CONFIG_HOME/globe/config" "$T/config.saved"
echo "bidi = off" >>"$XDG_CONFIG_HOME/globe/config"
UI_RAW=$T/raw-off ui_start 80x24
ui_expect_text "bidi = off opens" "Countries"
ui_keys Enter
ui_expect_text "bidi = off: the name in logical order, as stored" \
	"$AR_ACA"
ui_keys q q
ui_expect_text "bidi = off: q quits" "[globe exited 0]"
$TM pipe-pane -t ui
ok "bidi = off: no bidi mode is sent" bytes_check "$T/raw-off" none

# --- the command line ---------------------------------------------------------
cp "$T/config.saved" "$XDG_CONFIG_HOME/globe/config"
check_exit "CLI into a pipe" 0 "$GLOBE" contacts eg-aca
check_contains "a pipe gets logical order" "$out" "$AR_AHMED"
# cli_in_tmux FILE: `globe contacts eg-aca` on a terminal (tmux), every
# byte it writes appended to FILE.
cat >"$T/cli.sh" <<EOS
while [ ! -f "$T/cli.go" ]; do sleep 0.05; done
"$GLOBE" contacts eg-aca
echo "[cli exited \$?]"
exec sleep 3600
EOS
cli_in_tmux() {
	rm -f "$T/cli.go"
	: >"$1"
	$TM kill-server >/dev/null 2>&1
	sleep 0.2
	$TM new-session -d -s ui -x 100 -y 10 "sh $T/cli.sh"
	$TM set-option -g status off >/dev/null
	$TM pipe-pane -o -t ui "cat >>'$1'"
	: >"$T/cli.go"
}
ahmed_vis=$(printf '%s\n' "$AR_AHMED" | fribidi --nopad --nobreak --reordernsm)
cli_in_tmux "$T/raw-cli-auto"
ui_expect_text "bidi = auto: the CLI runs in tmux" "[cli exited 0]"
ui_expect_text "CLI on a terminal, bidi = auto: logical order (the terminal's own)" \
	"$AR_AHMED"
ok "CLI, bidi = auto: no bidi mode is sent" bytes_check "$T/raw-cli-auto" none
echo "bidi = on" >>"$XDG_CONFIG_HOME/globe/config"
check_exit "bidi = on, into a pipe" 0 "$GLOBE" contacts eg-aca
check_contains "bidi = on: a pipe still gets logical order" "$out" "$AR_AHMED"
cli_in_tmux "$T/raw-cli-on"
ui_expect_text "bidi = on: the CLI runs in tmux" "[cli exited 0]"
ui_expect_text "bidi = on, on a terminal: visual order" "$ahmed_vis"
ok "bidi = on, on a terminal: explicit mode while it writes" \
	bytes_check "$T/raw-cli-on" cli
cp "$T/config.saved" "$XDG_CONFIG_HOME/globe/config"

# --- the interface in a right-to-left language: laid out right to left ------
# The test catalogue is made under a right-to-left language that
# po/LINGUAS does not hold: the real ones (Arabic among them) are in the
# build tree for any suite to read, maybe at the same time (tests/lib.sh:
# suites that may run together use different languages).
rtl_ll=
for ll in he fa ur yi; do
	if ! sed -e 's/#.*//' "$srcdir/po/LINGUAS" | grep -qw "$ll"; then
		rtl_ll=$ll
		break
	fi
done
if grep -q '^#define ENABLE_NLS 1' "$builddir/config.h" &&
    command -v msgfmt >/dev/null 2>&1 && [ -n "$rtl_ll" ]; then
	trap 'catalogue_restore; ui_cleanup' EXIT
	cat >"$T/rtl.po" <<EOF
msgid ""
msgstr ""
"Project-Id-Version: globe test\n"
"Language: $rtl_ll\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"

msgid "default:LTR"
msgstr "default:RTL"
EOF
	ok "msgfmt compiles a catalogue ($rtl_ll) that says default:RTL" \
		catalogue_install "$rtl_ll" "$T/rtl.po"
	UI_ENV=LANGUAGE=$rtl_ll ui_start 80x24
	ui_expect_text "right to left: opens" "Countries"
	ui_keys Enter j Enter
	ui_expect_text "right to left: the authority" "English name"
	bidi_expect bidi-rtl-authority "right to left: labels at the right, list columns from the right"
	ui_keys q q q q
	ui_expect_text "right to left: q quits" "[globe exited 0]"
	echo "bidi = off" >>"$XDG_CONFIG_HOME/globe/config"
	UI_ENV=LANGUAGE=$rtl_ll ui_start 80x24
	ui_expect_text "right to left, bidi = off: opens" "Countries"
	ui_keys Enter j Enter
	ui_expect_text "right to left, bidi = off: left to right, as before" \
		" Name         $AR_ACA"
	ui_keys q q q q
	cp "$T/config.saved" "$XDG_CONFIG_HOME/globe/config"
else
	echo "# no translations in this build: the right-to-left layout is not tried"
fi

done_testing
