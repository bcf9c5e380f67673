# tests/lib.sh: helpers for the shell suites. Source it; it sets up a
# private HOME/XDG tree under tests/tmp/<suite>, and gives TAP checks.
#   ok "what" cmd...            passes if cmd exits 0
#   check_eq "what" got want    passes if the strings are equal
#   check_contains "what" haystack needle
#   check_line "what" text regex   passes if a line of text matches regex
#   check_exit "what" want_status cmd...   runs cmd, stores stdout in $out,
#                               stderr in $err, passes on the right status
: "${srcdir:=.}"
: "${builddir:=$(pwd)}"
# GLOBE_BIN and PUBLISH_BIN run the suites against other programs than
# the ones built here (scripts/deb.sh: the Debian package's, unpacked with
# dpkg -x); GLOBE_BIN_DEMO_FEED is then the demo feed that came with
# them, which --demo is pointed at (DEMO_FEED is the one a suite checks).
GLOBE=${GLOBE_BIN:-$builddir/globe}
PUBLISH=${PUBLISH_BIN:-$builddir/globe-publish}
DEMO_FEED=${GLOBE_BIN_DEMO_FEED:-$builddir/data/demo-feed}
n=0
nfailed=0
suite=$(basename "$0" .sh)
T="$builddir/tests/tmp/$suite"
rm -rf "$T"
mkdir -p "$T/home"
export HOME="$T/home"
export XDG_DATA_HOME="$T/home/data" XDG_CONFIG_HOME="$T/home/config"
# LANGUAGE would pick a translation even over LC_ALL: every suite checks
# the English text (tests/cli/nls.sh sets it where it means to).
unset GLOBE_DEMO_FEED NO_COLOR LANGUAGE
[ -n "${GLOBE_BIN_DEMO_FEED:-}" ] && export GLOBE_DEMO_FEED="$GLOBE_BIN_DEMO_FEED"
export LC_ALL=C.UTF-8

# GLOBE_WRAPPER (e.g. "valgrind -q --error-exitcode=99 --leak-check=full"):
# every run of globe in the suites goes through it (.ci/run uses it for the
# CLI suites on a build without ASan).
if [ -n "${GLOBE_WRAPPER:-}" ]; then
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$GLOBE_WRAPPER" "$GLOBE" \
	    >"$T/globe-wrapped"
	chmod 755 "$T/globe-wrapped"
	GLOBE="$T/globe-wrapped"
fi

pass() { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); nfailed=$((nfailed + 1)); echo "not ok $n - $1"; }
ok() {
	what=$1; shift
	if "$@" >"$T/ok.out" 2>&1; then pass "$what"; else
		fail "$what"; sed 's/^/#   /' "$T/ok.out" | head -n 20; fi
}
check_eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else
		fail "$1"; printf '#   got:  %s\n#   want: %s\n' "$2" "$3"; fi
}
check_contains() {
	case "$2" in
	*"$3"*) pass "$1" ;;
	*) fail "$1"; printf '#   missing: %s\n#   in: %s\n' "$3" "$(printf '%s' "$2" | head -c 600)" ;;
	esac
}
check_not_contains() {
	case "$2" in
	*"$3"*) fail "$1"; printf '#   unexpected: %s\n' "$3" ;;
	*) pass "$1" ;;
	esac
}
# The lines of stdin wider than N terminal columns (a CJK character
# takes two, a combining mark none), each as "WIDTH: line".
lines_over() {
	python3 -c '
import sys, unicodedata
n = int(sys.argv[1])
for line in sys.stdin.read().split("\n"):
    w = sum(0 if unicodedata.combining(c) else
            2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if w > n:
        print("%d: %s" % (w, line))
' "$1"
}
# The commands globe --help lists, one a line.
help_commands() {
	"$GLOBE" --help | awk '/^  [a-z]/ && !/^  -/ { print $1 }'
}
# check_line "what" text regex: a line of text matches the basic regex.
check_line() {
	if printf '%s\n' "$2" | grep -q -- "$3"; then pass "$1"; else
		fail "$1"; printf '#   no line matches: %s\n' "$3"; fi
}
check_exit() {
	what=$1; want=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"
	status=$?
	out=$(cat "$T/out"); err=$(cat "$T/err")
	if [ "$status" -eq "$want" ]; then pass "$what (exit $want)"; else
		fail "$what (exit $status, want $want)"
		sed 's/^/#   stderr: /' "$T/err" | head -n 10
	fi
}
done_testing() {
	echo "1..$n"
	[ "$nfailed" -eq 0 ]
}

# catalogue_install LL FILE.po: compiles a test catalogue (msgfmt --check)
# into the build tree's po/locale/LL, where the globe built there reads
# it (common/i18n.c); a real catalogue there (po/LINGUAS) is kept aside
# and catalogue_restore (call it at EXIT) puts it back. Suites that may
# run at the same time use different languages.
catalogue_install() {
	_cat_dir="$builddir/po/locale/$1/LC_MESSAGES"
	_cat_ll=$1
	[ -f "$_cat_dir/globe.mo" ] &&
		cp -p "$_cat_dir/globe.mo" "$T/globe.mo.saved"
	mkdir -p "$_cat_dir" && msgfmt --check -o "$_cat_dir/globe.mo" "$2"
}
catalogue_restore() {
	[ -n "${_cat_dir:-}" ] || return 0
	if [ -f "$T/globe.mo.saved" ]; then
		mv "$T/globe.mo.saved" "$_cat_dir/globe.mo"
	else
		rm -f "$_cat_dir/globe.mo"
		rmdir "$_cat_dir" "$builddir/po/locale/$_cat_ll" 2>/dev/null
	fi
	return 0
}
