#!/bin/sh
# tests/cli/nls.sh: the translation machinery. po/POTFILES.in names
# exactly the source files that mark strings; `make` wrote the template
# without a warning from xgettext; a catalogue compiled here for Ukrainian
# (three plural forms) into the build tree changes what the globe built
# there prints under LANGUAGE=uk, plural forms included, and nothing else:
# not without LANGUAGE, not under LC_ALL=C, not under a Latin-1 locale
# (where globe writes only ASCII, so its messages stay English). A globe
# configured with --disable-nls (.ci/run builds one) prints English with
# that catalogue in place.
. "$srcdir/tests/lib.sh"

if [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe not built"
	done_testing
	exit 0
fi
if grep -q '^#define ENABLE_NLS 1' "$builddir/config.h"; then
	nls=yes
else
	nls=no
	echo "# globe built with --disable-nls: it must print English"
fi

# --- po/POTFILES.in: exactly the files that use _( N_( P_( ---------------
# A use is the macro outside comments and string literals; common/i18n.h
# defines them and is not a use. Prints what to add or remove.
potfiles_check() {
	python3 - "$srcdir" "$1" <<'EOF'
import os, re, sys
top, want = sys.argv[1], sys.argv[2]
listed = []
with open(os.path.join(top, "po/POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.append(line)
code = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
                  re.S)
use = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|P_)\s*\(')
using = []
for d in ("common", "cache", "net", "tui", "publish"):
    for name in sorted(os.listdir(os.path.join(top, d))):
        rel = d + "/" + name
        if not name.endswith((".c", ".h")) or rel == "common/i18n.h":
            continue
        with open(os.path.join(top, rel), encoding="utf-8") as f:
            text = code.sub(lambda m: " " if m.group(0)[0] == "/" else '""',
                            f.read())
        if use.search(text):
            using.append(rel)
bad = 0
if want == "missing":
    for rel in using:
        if rel not in listed:
            print("# %s marks strings: add it to po/POTFILES.in" % rel)
            bad = 1
else:
    for rel in listed:
        if not os.path.exists(os.path.join(top, rel)):
            print("# %s is gone: remove it from po/POTFILES.in" % rel)
            bad = 1
        elif rel not in using:
            print("# %s marks no string: remove it from po/POTFILES.in" % rel)
            bad = 1
    if len(set(listed)) != len(listed):
        print("# po/POTFILES.in names a file twice")
        bad = 1
sys.exit(bad)
EOF
}
ok "POTFILES.in names every file that marks strings" potfiles_check missing
ok "POTFILES.in names only files that exist and mark strings" \
	potfiles_check extra

# --- the template make wrote ----------------------------------------------
POT="$builddir/po/globe.pot"
if [ "$nls" = yes ]; then
	ok "make wrote po/globe.pot" test -s "$POT"
	ok "xgettext printed no warning" test -f "$builddir/po/xgettext.log" -a \
		! -s "$builddir/po/xgettext.log"
	[ -f "$builddir/po/xgettext.log" ] &&
		sed 's/^/#   xgettext: /' "$builddir/po/xgettext.log" | head -n 10
	pot=$(cat "$POT" 2>/dev/null)
	version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' \
		"$builddir/config.h")
	check_contains "template: package and version" "$pot" \
		"\"Project-Id-Version: globe $version\\n\""
	case "$pot" in
	*'"Report-Msgid-Bugs-To: \n"'*) fail "template: a msgid-bugs address" ;;
	*'"Report-Msgid-Bugs-To: '*) pass "template: a msgid-bugs address" ;;
	*) fail "template: a msgid-bugs address" ;;
	esac
	check_contains "template: a _() string" "$pot" 'msgid "no matches"'
	check_contains "template: a P_() string with its plural" "$pot" \
		"msgid \"showing %zu of %zu; --limit N or --all\"
msgid_plural \"showing %zu of %zu; --limit N or --all\""
	check_contains "template: the TRANSLATORS: comment" "$pot" \
		"#. TRANSLATORS: on stderr under a list cut at its limit"
	# What po/README tells a translator to run for a new language, here
	# from a shell under LC_ALL=C: the catalogue must still be UTF-8.
	ok "template: msginit starts a catalogue from it" env LC_ALL=C \
		msginit --input="$POT" --locale=uk_UA.UTF-8 --no-translator \
		--output-file="$T/new.po"
	check_contains "template: that catalogue is UTF-8" \
		"$(cat "$T/new.po" 2>/dev/null)" '"Content-Type: text/plain; charset=UTF-8\n"'
	ok "template: msgfmt --check accepts that catalogue" \
		msgfmt --check -o /dev/null "$T/new.po"
fi

# --- a catalogue for Ukrainian, where the build-tree globe reads it -------
if ! command -v msgfmt >/dev/null 2>&1; then
	echo "# SKIP msgfmt not installed (Debian: gettext)"
	done_testing
	exit
fi
# A real uk catalogue (po/LINGUAS) is put back afterwards.
trap catalogue_restore EXIT
cat >"$T/uk.po" <<'EOF'
msgid ""
msgstr ""
"Project-Id-Version: globe test\n"
"Language: uk\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
"n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "no matches"
msgstr "нічого не знайдено"

#, c-format
msgid "showing %zu of %zu; --limit N or --all"
msgid_plural "showing %zu of %zu; --limit N or --all"
msgstr[0] "показано %zu запис із %zu; --limit N або --all"
msgstr[1] "показано %zu записи із %zu; --limit N або --all"
msgstr[2] "показано %zu записів із %zu; --limit N або --all"
EOF
ok "msgfmt --check compiles the test catalogue" \
	catalogue_install uk "$T/uk.po"

# The demo directory: "a" finds far more than 21 records.
check_exit "demo: search" 0 "$GLOBE" --demo search --all a
# Only stderr's last line: the one the limit or the empty result wrote.
note() { tail -n 1 "$T/err"; }

ukr() { env -u LC_ALL LANG=C.UTF-8 LANGUAGE=uk "$@"; }
if [ "$nls" = yes ]; then
	check_exit "uk: no match" 1 ukr "$GLOBE" --demo search zzzqqq
	check_eq "uk: a _() string is translated" "$err" \
		"globe: нічого не знайдено"
	# Ukrainian: 1 21 → form 0, 2 22 → form 1, 5 11 → form 2.
	for form in 1:запис 2:записи 5:записів 11:записів 21:запис 22:записи; do
		limit=${form%%:*} word=${form#*:}
		check_exit "uk: --limit $limit" 0 ukr "$GLOBE" --demo search \
			--limit "$limit" a
		check_contains "uk: P_ picks the form for $limit" "$(note)" \
			"globe: показано $limit $word із "
	done
	check_exit "uk under LC_ALL=C.UTF-8: no match" 1 env LC_ALL=C.UTF-8 \
		LANGUAGE=uk "$GLOBE" --demo search zzzqqq
	check_eq "uk under LC_ALL=C.UTF-8: translated" "$err" \
		"globe: нічого не знайдено"
else
	check_exit "uk, --disable-nls: no match" 1 ukr "$GLOBE" --demo search \
		zzzqqq
	check_eq "uk, --disable-nls: English" "$err" "globe: no matches"
	for limit in 1 2 5; do
		check_exit "uk, --disable-nls: --limit $limit" 0 ukr "$GLOBE" \
			--demo search --limit "$limit" a
		check_contains "uk, --disable-nls: English for $limit" "$(note)" \
			"globe: showing $limit of "
	done
fi

# --- where the catalogue must not apply -----------------------------------
check_exit "no LANGUAGE: no match" 1 env -u LC_ALL LANG=C.UTF-8 \
	"$GLOBE" --demo search zzzqqq
check_eq "no LANGUAGE: English" "$err" "globe: no matches"
check_exit "LC_ALL=C, LANGUAGE=uk: no match" 1 env LC_ALL=C LANGUAGE=uk \
	"$GLOBE" --demo search zzzqqq
check_eq "LC_ALL=C, LANGUAGE=uk: English" "$err" "globe: no matches"

# Under a Latin-1 locale globe writes only ASCII: a Ukrainian message
# cannot be shown there, so it stays English (common/i18n.c). The locale
# is compiled here (localedef, from Debian's locales) and found by LOCPATH.
mkdir -p "$T/locales"
if localedef -i fr_FR -f ISO-8859-1 "$T/locales/fr_FR.ISO-8859-1" \
    >"$T/localedef.log" 2>&1; then
	latin1() { env -u LC_ALL LOCPATH="$T/locales" \
	    LANG=fr_FR.ISO-8859-1 LANGUAGE=uk "$@"; }
	check_exit "Latin-1, LANGUAGE=uk: no match" 1 latin1 "$GLOBE" --demo \
		search zzzqqq
	check_eq "Latin-1, LANGUAGE=uk: English" "$err" "globe: no matches"
	check_exit "Latin-1, LANGUAGE=uk: --limit 2" 0 latin1 "$GLOBE" --demo \
		search --limit 2 a
	check_contains "Latin-1, LANGUAGE=uk: the note in English" "$(note)" \
		"globe: showing 2 of "
	check_eq "Latin-1, LANGUAGE=uk: stderr is ASCII" \
		"$(LC_ALL=C tr -d '\000-\177' <"$T/err" | wc -c)" 0
else
	sed 's/^/#   localedef: /' "$T/localedef.log" | head -n 5
	echo "# SKIP no Latin-1 locale: localedef failed (Debian: locales)"
fi

done_testing
