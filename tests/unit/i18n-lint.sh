#!/bin/sh
# tests/unit/i18n-lint.sh: no message reaches a person untranslated by
# mistake. A function that shows a message (the screens' status line,
# prompts and text, the command line's errors, stderr in the commands and
# the publisher) must be handed _("...") or P_(...), or text built from
# them, never a bare string literal with words in it: the literal would
# escape xgettext and stay English under every LANGUAGE. A literal of
# conversions and punctuation alone ("%s", "%s: %s") carries no words and
# passes; so do the few literals below that must stay as they are.
# In the libraries (net/, cache/) and the publisher's, a message is also
# a cause: what xasprintf or xstrdup makes for *cause or *why (a
# statement "*cause = ...(...)"), and what net/'s helpers that set one
# are handed (unseal_fail, slot_fail, device_fail). Not seen: a literal
# assigned or returned in another shape (why = "...", return "..."),
# which review has to catch.
#
# Usage: tests/unit/i18n-lint.sh [FILE...]   (paths relative to the top of
# the tree; none: every .c file of tui/, publish/, net/ and cache/, as make
# check runs it)
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
# net/'s helpers that set a cause (members.c, device.c).
NET_MESSAGE_ARG = {
    "unseal_fail": 2,		# (u, why)
    "slot_fail": 2,		# (cause, why)
    "device_fail": 3,		# (cause, path, why)
}
# The functions that make a cause in the libraries.
CAUSE_MAKERS = ("xasprintf", "xstrdup")
def library_scope(rel):
    return rel.split("/")[0] in ("net", "cache", "publish")
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
    # A config key (token_file) or a file name (index.json) before the
    # reason, which is translated (net/fetch.c, net/index.c).
    "token_file %s: %s",
    "index.json: %s",
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

def blank_literals(text):
    """text with the inside of each literal blanked (same offsets)."""
    return re.sub(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
                  lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) +
                  m.group(0)[0], text)

CAUSE_SET = re.compile(r'\*\s*(?:cause|why)\s*=(?!=)')

def check_causes(rel, text):
    """A library's causes: xasprintf or xstrdup in "*cause = ..."."""
    problems = []
    plain = blank_literals(text)
    call = re.compile(r'(?<![A-Za-z0-9_])(%s)\s*\(' % "|".join(CAUSE_MAKERS))
    for m in call.finditer(plain):
        # The statement so far: from the last ; { or } to the call.
        start = max(plain.rfind(c, 0, m.start()) for c in ";{}") + 1
        if not CAUSE_SET.search(plain[start:m.start()]):
            continue
        args = split_args(text, m.end() - 1)
        if not args:
            continue
        for lit in bare_literals(text, args[0][0], args[0][1]):
            line = text.count("\n", 0, m.start()) + 1
            problems.append("%s:%d: a cause is %s, not _(...)" %
                            (rel, line, lit if len(lit) < 60 else
                             lit[:56] + '..."'))
    return problems

def check(rel):
    with open(os.path.join(top, rel), encoding="utf-8") as f:
        text = strip_comments(f.read())
    problems = []
    names = list(MESSAGE_ARG)
    args_of = dict(MESSAGE_ARG)
    if rel.startswith("publish/"):
        names += list(PUBLISH_MESSAGE_ARG)
        args_of.update(PUBLISH_MESSAGE_ARG)
    if rel.startswith("net/"):
        names += list(NET_MESSAGE_ARG)
        args_of.update(NET_MESSAGE_ARG)
    if library_scope(rel):
        problems += check_causes(rel, text)
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
	*cause = xstrdup("the publisher's cause");
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
mkdir -p "$T/src/net"
cat >"$T/src/net/bad.c" <<'EOF'
static int
f(char **cause, char **why, int e)
{
	*cause = xasprintf("cannot read %s: %s", path, strerror(errno));
	if (cause != NULL)
		*cause = e ? xstrdup(_("it exists")) : xstrdup("no such "
		    "key");
	*why = xstrdup("out of memory");
	slot_fail(cause, "not a key slot");
	return device_fail(cause, path, e ? _("too large") : "damaged");
}
EOF
cat >"$T/src/net/good.c" <<'EOF'
static int
f(char **cause, int e)
{
	*cause = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
	*cause = xasprintf("%s: %s", url, why);
	*cause = xasprintf("index.json: %s", why);
	url = xasprintf("%s/keys/%s", base, hex);
	if (*cause == xstrdup("not a cause"))
		return 0;
	*cause = e ? xasprintf(P_("%zu key", "%zu keys", n), n) :
	    xstrdup(_("none; try again"));
	return slot_fail(cause, _("not a key slot"));
}
EOF
out=$(srcdir=$T/src lint net/bad.c 2>&1)
check_contains "lint: a library's cause" "$out" \
	'net/bad.c:4: a cause is "cannot read %s: %s"'
check_contains "lint: a cause under an if, in a ternary" "$out" \
	'net/bad.c:6: a cause is "no such key"'
check_not_contains "lint: the ternary's _() branch" "$out" '"it exists"'
check_contains "lint: *why too" "$out" \
	'net/bad.c:8: a cause is "out of memory"'
check_contains "lint: net/'s helpers" "$out" \
	'net/bad.c:9: slot_fail() is handed "not a key slot"'
check_contains "lint: device_fail's reason" "$out" \
	'net/bad.c:10: device_fail() is handed "damaged"'
srcdir=$T/src lint net/good.c >"$T/good-net.out" 2>&1
check_eq "lint: translated causes, paths and a comparison pass" "$?" 0
grep '^#' "$T/good-net.out" | head -n 10
out=$(srcdir=$T/src lint publish/bad.c 2>&1)
check_contains "lint: the publisher's messages" "$out" \
	'publish/bad.c:4: publish_error() is handed "%s: too large"'
check_contains "lint: the publisher's causes" "$out" \
	"publish/bad.c:5: a cause is \"the publisher's cause\""
check_not_contains "lint: the publisher's _()" "$out" 'unknown option'
srcdir=$T/src lint tui/cmd-good.c >"$T/good.out" 2>&1
check_eq "lint: _(), P_(), \"%s\", stdout and the program's name pass" \
	"$?" 0
grep '^#' "$T/good.out" | head -n 10

# The tree: the files named, or every .c file of tui/ and publish/.
if [ "$#" -gt 0 ]; then
	files="$*"
else
	files=$(cd "$srcdir" && ls tui/*.c publish/*.c net/*.c cache/*.c)
fi
lint $files >"$T/tree.out" 2>&1
cat "$T/tree.out"
n=$((n + $(grep -c '^ok ' "$T/tree.out")))
nfailed=$((nfailed + $(grep -c '^not ok ' "$T/tree.out")))
done_testing
