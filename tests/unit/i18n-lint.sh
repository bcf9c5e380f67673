#!/bin/sh
# tests/unit/i18n-lint.sh: no message reaches a person untranslated by
# mistake. A function that shows a message (the screens' status line,
# prompts and text, the command line's errors, stderr in the commands and
# the publisher) must be handed _("...") or P_(...), or text built from
# them, never a bare string literal with words in it: the literal would
# escape xgettext and stay English under every LANGUAGE. A literal of
# conversions and punctuation alone ("%s", "%s: %s") carries no words and
# passes; so do the few literals below that must stay as they are.
#
# Usage: tests/unit/i18n-lint.sh [FILE...]   (paths relative to the top of
# the tree; none: every .c file of tui/ and publish/, as make check runs it)
. "$srcdir/tests/lib.sh"

lint() {
	python3 - "$srcdir" "$@" <<'EOF'
import os, re, sys

top = sys.argv[1]

# The message argument (counted from 1) of each function that shows one.
MESSAGE_ARG = {
    "app_message": 3,		# (app, warn, fmt, ...)
    "app_message_brief": 3,	# (app, warn, text, seconds)
    "app_confirm": 2,		# (app, question, ...)
    "app_prompt": 2,		# (app, label, initial, ...)
    "app_prompt_choose": 2,	# (app, label, ...)
    "view_add_text": 2,		# (view, text, flags)
    "view_add_header": 2,	# (view, text)
    "view_add_para": 2,		# (view, text, flags)
    "cli_error": 2,		# (code, fmt, ...)
    "cli_usage_error": 2,	# (cli, fmt, ...)
    "cli_cache_error": 2,	# (status, what, cause)
}
# The publisher's own (publish/publish.c).
PUBLISH_MESSAGE_ARG = {
    "publish_error": 1,		# (fmt, ...)
    "usage_error": 1,		# (fmt, ...)
}
# stderr, where only the command line and the publisher write.
def stderr_scope(rel):
    base = os.path.basename(rel)
    return (rel.startswith("tui/") and (base.startswith("cmd") or
            base == "main.c")) or rel.startswith("publish/")

# Literals that must stay as they are, each with the reason.
EXCEPTIONS = {
    # The program's name, before every message on stderr (cmd.c
    # cli_error, cli_usage_error; --verbose lines in cmd-sync.c): a
    # name, the same in every language.
    "globe: ",
    "globe: %s\n",
    # The publisher's name before each line of its messages.
    "globe-publish: %s\n",
}

LITERAL = re.compile(r'"(?:\\.|[^"\\\n])*"')
COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)
CONVERSION = re.compile(r'%[-+ #0-9.*]*(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn%]')
TRANSLATED = re.compile(r'(?<![A-Za-z0-9_])(?:_|P_)\s*\($')

def strip_comments(text):
    # Comments out, string and character literals kept (with their
    # lengths), so offsets still point into the file.
    out, i = [], 0
    for m in re.finditer(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
                         text, re.S):
        out.append(text[i:m.start()])
        tok = m.group(0)
        if tok.startswith("/"):
            out.append(re.sub(r'[^\n]', ' ', tok))
        else:
            out.append(tok)
        i = m.end()
    out.append(text[i:])
    return "".join(out)

def split_args(text, start):
    """The arguments of the call whose '(' is at start: [(begin, end)]."""
    depth, i, args, begin = 0, start, [], start + 1
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            m = re.compile(r'%s(?:\\.|[^%s\\\n])*%s' % (c, c, c)).match(text, i)
            i = m.end() if m else i + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append((begin, i))
                return args
        elif c == "," and depth == 1:
            args.append((begin, i))
            begin = i + 1
        i += 1
    return None

def has_words(lit):
    body = bytes(lit[1:-1], "utf-8").decode("unicode_escape", "ignore")
    body = CONVERSION.sub("", body)
    return re.search(r'[A-Za-z]', body) is not None

def bare_literals(text, begin, end):
    """Literals with words in text[begin:end] that no _( or P_( holds."""
    bad = []
    arg = text[begin:end]
    # Adjacent literals are one string: judge them together.
    for m in re.finditer(r'(?:"(?:\\.|[^"\\\n])*"\s*)+', arg):
        lits = LITERAL.findall(m.group(0))
        joined = '"' + "".join(l[1:-1] for l in lits) + '"'
        if not has_words(joined):
            continue
        if bytes(joined[1:-1], "utf-8").decode("unicode_escape",
                                                  "ignore") in EXCEPTIONS:
            continue
        # Inside _( or P_( when an unclosed one opens before it.
        before = arg[:m.start()]
        inside = False
        depth = 0
        for k in range(len(before) - 1, -1, -1):
            ch = before[k]
            if ch == ")":
                depth += 1
            elif ch == "(":
                if depth == 0:
                    if TRANSLATED.search(before[:k + 1]):
                        inside = True
                        break
                else:
                    depth -= 1
        if not inside:
            bad.append(joined)
    return bad

def check(rel):
    with open(os.path.join(top, rel), encoding="utf-8") as f:
        text = strip_comments(f.read())
    problems = []
    names = list(MESSAGE_ARG)
    args_of = dict(MESSAGE_ARG)
    if rel.startswith("publish/"):
        names += list(PUBLISH_MESSAGE_ARG)
        args_of.update(PUBLISH_MESSAGE_ARG)
    if stderr_scope(rel):
        names += ["fprintf", "fputs"]
    call = re.compile(r'(?<![A-Za-z0-9_])(%s)\s*\(' % "|".join(names))
    for m in call.finditer(text):
        name = m.group(1)
        # A definition or prototype is not a call.
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() == line_start:
            continue
        args = split_args(text, m.end() - 1)
        if args is None:
            continue
        strip = lambda a: text[a[0]:a[1]].strip()
        if name == "fprintf":
            if len(args) < 2 or strip(args[0]) != "stderr":
                continue
            msg = args[1]
        elif name == "fputs":
            if len(args) < 2 or strip(args[1]) != "stderr":
                continue
            msg = args[0]
        else:
            k = args_of[name]
            if len(args) < k:
                continue
            msg = args[k - 1]
        for lit in bare_literals(text, msg[0], msg[1]):
            line = text.count("\n", 0, m.start()) + 1
            problems.append("%s:%d: %s() is handed %s, not _(...)" %
                            (rel, line, name, lit if len(lit) < 60 else
                             lit[:56] + '..."'))
    return problems

files = sys.argv[2:]
bad = 0
for rel in files:
    p = check(rel)
    if p:
        bad = 1
        print("not ok - %s: a message that is not translated" % rel)
        for line in p:
            print("#   " + line)
    else:
        print("ok - %s: every message goes through gettext" % rel)
sys.exit(bad)
EOF
}

# The lint itself: it finds what it must, and passes what it must.
mkdir -p "$T/src/tui" "$T/src/publish"
cat >"$T/src/tui/cmd-bad.c" <<'EOF'
static void
f(struct cli *cli, int on)
{
	cli_error(1, "no such thing: %s", id);
	cli_usage_error(cli, "--%s needs "
	    "a value", name);
	cli_cache_error(st, on ? "cannot star" : _("cannot unstar"), NULL);
	fprintf(stderr, "globe: nothing starred\n");
	fputs("Try 'globe --help'.\n", stderr);
	app_message(app, 0, N_("in a table, not here"));
}
EOF
cat >"$T/src/tui/cmd-good.c" <<'EOF'
/* cli_error(1, "in a comment"); */
static void
f(struct cli *cli)
{
	cli_error(1, "%s", _("no matches"));
	cli_error(1, _("no such %s: %s"), what, id);
	cli_usage_error(cli, P_("%zu thing", "%zu things", n), n);
	cli_cache_error(st, on ? _("cannot star") : _("cannot unstar"), NULL);
	cli_error(1, "%s: %s", a, b);
	fprintf(stderr, "globe: %s\n", clean);
	fprintf(stdout, "data, not a message\n");
	fputs(_("usage: globe\n"), stderr);
	fputs("globe: ", stderr);
	app_message(app, 0, _("saved %s"), name);
}
EOF
cp "$T/src/tui/cmd-bad.c" "$T/src/tui/view-bad.c"
cat >"$T/src/publish/bad.c" <<'EOF'
static void
f(void)
{
	publish_error("%s: too large", path);
	return usage_error(_("unknown option '%s'"), arg);
}
EOF
out=$(srcdir=$T/src lint tui/cmd-bad.c 2>&1)
check_contains "lint: a bare literal" "$out" \
	'cmd-bad.c:4: cli_error() is handed "no such thing: %s"'
check_contains "lint: adjacent literals are one" "$out" \
	'cmd-bad.c:5: cli_usage_error() is handed "--%s needs a value"'
check_contains "lint: a literal in a ternary" "$out" \
	'cmd-bad.c:7: cli_cache_error() is handed "cannot star"'
check_not_contains "lint: a ternary's _() branch" "$out" '"cannot unstar"'
check_contains "lint: fprintf to stderr" "$out" \
	'cmd-bad.c:8: fprintf() is handed "globe: nothing starred\n"'
check_contains "lint: fputs to stderr" "$out" \
	"cmd-bad.c:9: fputs() is handed \"Try 'globe --help'.\\n\""
check_contains "lint: N_ is no translation" "$out" \
	'cmd-bad.c:10: app_message() is handed "in a table, not here"'
out=$(srcdir=$T/src lint tui/view-bad.c 2>&1)
check_not_contains "lint: stderr is checked only in cmd*.c and publish/" \
	"$out" 'fprintf()'
out=$(srcdir=$T/src lint publish/bad.c 2>&1)
check_contains "lint: the publisher's messages" "$out" \
	'publish/bad.c:4: publish_error() is handed "%s: too large"'
check_not_contains "lint: the publisher's _()" "$out" 'unknown option'
srcdir=$T/src lint tui/cmd-good.c >"$T/good.out" 2>&1
check_eq "lint: _(), P_(), \"%s\", stdout and the program's name pass" \
	"$?" 0
grep '^#' "$T/good.out" | head -n 10

# The tree: the files named, or every .c file of tui/ and publish/.
if [ "$#" -gt 0 ]; then
	files="$*"
else
	files=$(cd "$srcdir" && ls tui/*.c publish/*.c)
fi
lint $files >"$T/tree.out" 2>&1
cat "$T/tree.out"
n=$((n + $(grep -c '^ok ' "$T/tree.out")))
nfailed=$((nfailed + $(grep -c '^not ok ' "$T/tree.out")))
done_testing
