#!/bin/sh
# tests/cli/language.sh: the config's `language =` and the locale's
# dates and counts on the command line. language = fr gives French
# --help, usage errors and messages under LANG=C.UTF-8, over LANGUAGE;
# en or C gives English; --config names the file it is read from; a file
# with an error sets none; under a locale that is not UTF-8 messages stay
# English; config check accepts a language list and refuses anything
# else with FILE:LINE. Dates a person reads follow LC_TIME (fr_FR.UTF-8:
# 07/12/2026; a column too narrow for a date leaves it out, never cuts
# it), counts LC_NUMERIC's digit groups, while --json and --csv keep ISO
# dates and plain numbers, and C.UTF-8 writes what it always did.
# The locales are compiled here (localedef, Debian's locales) into
# LOCPATH; without them those cases say SKIP.
. "$srcdir/tests/lib.sh"

if [ ! -x "$GLOBE" ] || [ ! -x "$PUBLISH" ]; then
	echo "# SKIP globe or globe-publish not built"
	done_testing
	exit 0
fi
nls=no
grep -q '^#define ENABLE_NLS 1' "$builddir/config.h" && nls=yes
CONF=$XDG_CONFIG_HOME/globe/config
mkdir -p "$XDG_CONFIG_HOME/globe"

# --- language = for the messages ------------------------------------------
# set_language VALUE: the config holds language = VALUE (and the feed).
set_language() {
	{
		[ -f "$T/feed.conf" ] && cat "$T/feed.conf"
		printf 'language = %s\n' "$1"
	} >"$CONF"
}
c_utf8() { env -u LC_ALL -u LANGUAGE LANG=C.UTF-8 "$@"; }
# French puts a no-break space before a colon and inside « ».
nbsp=$(printf '\302\240')

check_exit "no language =: --help" 0 c_utf8 "$GLOBE" --help
check_line "no language =: English" "$out" '^usage: globe '
set_language fr
check_exit "config check accepts language = fr" 0 "$GLOBE" config check
check_eq "config check: ok" "$out" "ok"
if [ "$nls" = yes ]; then
	check_exit "language = fr, LANG=C.UTF-8: --help" 0 c_utf8 "$GLOBE" --help
	check_line "  French --help" "$out" "^usage${nbsp}: globe "
	check_contains "  its commands in French" "$out" \
		"Mettre le cache à jour à partir du flux."
	check_exit "language = fr, LC_ALL=C.UTF-8: --help" 0 "$GLOBE" --help
	check_line "  French under LC_ALL=C.UTF-8 too" "$out" "^usage${nbsp}: globe "
	check_exit "language = fr: a command's --help" 0 c_utf8 "$GLOBE" \
		status --help
	check_contains "  French" "$out" "Afficher le flux, la dernière"
	check_exit "language = fr over LANGUAGE=es: --help" 0 env \
		LANGUAGE=es "$GLOBE" --help
	check_line "  French, not Spanish" "$out" "^usage${nbsp}: globe "
	check_not_contains "  no Spanish" "$out" "uso: globe"
	# A usage error, said while the arguments are being read.
	check_exit "language = fr: an unknown command" 2 env LANGUAGE=es \
		"$GLOBE" sta
	check_contains "  the usage error in French" "$err" \
		"globe: commande «${nbsp}sta${nbsp}» inconnue"
	check_exit "language = fr: two formats" 2 c_utf8 "$GLOBE" --json \
		--csv status
	check_not_contains "  not in English" "$err" "choose one of"
	# A command's own message, and the C library's (strerror).
	check_exit "language = fr: a search that finds nothing" 1 c_utf8 \
		"$GLOBE" --demo search zzzqqq
	check_eq "  said in French" "$err" "globe: aucun résultat"
	# --config names the file the language comes from.
	printf 'language = es\n' >"$T/es.conf"
	check_exit "--config FILE with language = es: --help" 0 c_utf8 \
		"$GLOBE" --config "$T/es.conf" --help
	check_line "  Spanish" "$out" '^uso: globe '
	check_exit "--config=FILE after the command: an unknown command" 2 \
		c_utf8 "$GLOBE" sta --config="$T/es.conf"
	check_not_contains "  not French" "$err" "inconnue"
	check_not_contains "  not English" "$err" "unknown command"
	check_exit "--config FILE: a search in Spanish" 1 c_utf8 "$GLOBE" \
		--config "$T/es.conf" --demo search zzzqqq
	check_not_contains "  not French" "$err" "aucun résultat"
	check_not_contains "  not English" "$err" "no matches"
	# A list: the first language globe has, in turn.
	set_language "xx:fr:es"
	check_exit "language = xx:fr:es: --help" 0 c_utf8 "$GLOBE" --help
	check_line "  the first one translated: French" "$out" "^usage${nbsp}: globe "
else
	check_exit "--disable-nls, language = fr: --help" 0 c_utf8 "$GLOBE" \
		--help
	check_line "  English" "$out" '^usage: globe '
fi
# English asked for by name, over LANGUAGE.
for en in en C; do
	set_language $en
	check_exit "language = $en over LANGUAGE=fr: no match" 1 env \
		LANGUAGE=fr "$GLOBE" --demo search zzzqqq
	check_eq "  English" "$err" "globe: no matches"
done
# A file with an error sets no language: the error in the environment's.
printf 'language = fr\ncolour = red\n' >"$CONF"
check_exit "a broken config with language = fr" 2 c_utf8 "$GLOBE" status
check_contains "  the error in English" "$err" "config:2: unknown key 'colour'"
check_exit "  config check on it" 2 c_utf8 "$GLOBE" config check
check_contains "  its errors in English" "$err" "$CONF:2: unknown key 'colour'"
# Under a locale that is not UTF-8 (here C), messages stay English.
set_language fr
check_exit "LC_ALL=C, language = fr: no match" 1 env LC_ALL=C "$GLOBE" \
	--demo search zzzqqq
check_eq "  English" "$err" "globe: no matches"

# config check: a language list, and nothing else (it becomes LANGUAGE).
for good in fr pt_BR zh_CN fr:es sr@latin es_419 fr_FR.UTF-8 C POSIX en; do
	set_language "$good"
	check_exit "config check accepts language = $good" 0 "$GLOBE" \
		config check
done
for bad in "fr es" "fr::es" ":fr" "fr:" "../fr" "fr/x" "1fr" "fr_" "fr." \
    "fr@" "fr;rm" "toolonglanguage" "fr_FRANCE"; do
	set_language "$bad"
	check_exit "config check refuses language = $bad" 2 "$GLOBE" \
		config check
	check_eq "  FILE:LINE and why" "$err" \
		"$CONF:1: language must be a language code such as fr, pt_BR or zh_CN, or a list such as fr:es (en for English), not '$bad'"
done
printf 'language = fr\nlanguage = bad value\n' >"$CONF"
check_exit "every other command refuses it too" 2 "$GLOBE" status
check_contains "  at its line" "$err" "config:2: language must be"

# --- dates and counts ---------------------------------------------------------
# A feed with a date on every kind of place a person reads one, and
# 1,234 contacts (a count with a group) under one authority.
python3 - "$T/source.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], "w") as f:
    w = lambda o: f.write(json.dumps(o, ensure_ascii=False) + "\n")
    w({"type": "country", "code": "FR", "name": "France", "region": "Europe"})
    w({"type": "authority", "id": "fr-pnf", "country": "FR",
       "name": "Parquet national financier", "kind": "prosecution",
       "joined": "2021-06-03", "verified": "2026-12-07"})
    for i in range(1234):
        w({"type": "contact", "id": "c-%d" % i, "authority": "fr-pnf",
           "name": "Agent %04d" % i, "email": "a%d@example.org" % i,
           "verified": "2026-03-31"})
    w({"type": "newsletter", "id": "nl-1", "issue": "2025/1",
       "published": "2025-05-31", "title": "Baku 2025", "body": "Text."})
EOF
"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
# Issued on a fixed day, the 20th (no month has a 20th), and valid for a
# century, as the screen tests' feeds are.
"$PUBLISH" --source "$T/source.jsonl" --out "$T/feed" --sign "$T/k.key" \
	--issued 2025-11-20T10:05:09Z --expires-days 36500 --quiet
printf 'feed = %s\npubkey = %s\nmax_valid_days = 36500\n' "$T/feed" \
	"$T/k.pub" >"$T/feed.conf"
cp "$T/feed.conf" "$CONF"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet

# C.UTF-8: what globe always wrote.
check_exit "C.UTF-8: status" 0 "$GLOBE" status
check_contains "C.UTF-8: the data's date, ISO" "$out" \
	"data as of 2025-11-20T10:05:09Z"
check_contains "C.UTF-8: a count with its comma" "$out" "contacts:      1,234"
check_exit "C.UTF-8: show the authority" 0 "$GLOBE" show fr-pnf
check_line "C.UTF-8: verified, ISO" "$out" '^Verified  *2026-12-07$'
check_exit "C.UTF-8: newsletters" 0 "$GLOBE" newsletters
check_contains "C.UTF-8: published, ISO" "$out" "2025-05-31"

mkdir -p "$T/locales"
# in_locale NAME CMD...: CMD under the locale NAME (compiled here), with
# English messages (language = en), so only the dates and counts change.
in_locale() {
	loc=$1
	shift
	env -u LC_ALL -u LANGUAGE LOCPATH="$T/locales" LANG="$loc" "$@"
}
locale_make() {
	localedef -i "${1%%.*}" -f "${1#*.}" "$T/locales/$1" \
	    >"$T/localedef.log" 2>&1 && return 0
	sed 's/^/#   localedef: /' "$T/localedef.log" | head -n 3
	echo "# SKIP no $1 locale: localedef failed (Debian: locales)"
	return 1
}
set_language en
if locale_make fr_FR.UTF-8; then
	nnbsp=$(printf '\342\200\257')
	check_exit "fr_FR.UTF-8: status" 0 in_locale fr_FR.UTF-8 "$GLOBE" status
	check_contains "fr_FR.UTF-8: the data's date in the French form" \
		"$out" "data as of 20/11/2025 10:05 UTC"
	check_contains "fr_FR.UTF-8: a count in French groups" "$out" \
		"contacts:      1${nnbsp}234"
	check_exit "fr_FR.UTF-8: status --json" 0 in_locale fr_FR.UTF-8 \
		"$GLOBE" status --json
	check_contains "  --json: the date ISO" "$out" \
		'"issued": "2025-11-20T10:05:09Z"'
	check_contains "  --json: the count a number" "$out" '"contacts": 1234'
	check_not_contains "  --json: no French date" "$out" "20/11/2025"
	check_exit "fr_FR.UTF-8: show the authority" 0 in_locale fr_FR.UTF-8 \
		"$GLOBE" show fr-pnf
	check_line "  verified in the French form" "$out" '^Verified  *07/12/2026$'
	check_line "  joined too" "$out" '^Joined  *03/06/2021$'
	check_exit "fr_FR.UTF-8: show --json" 0 in_locale fr_FR.UTF-8 \
		"$GLOBE" show fr-pnf --json
	check_contains "  --json: verified ISO" "$out" '"verified": "2026-12-07"'
	check_exit "fr_FR.UTF-8: newsletters" 0 in_locale fr_FR.UTF-8 \
		"$GLOBE" newsletters
	check_contains "  published in the French form" "$out" "31/05/2025"
	check_exit "fr_FR.UTF-8: newsletters --csv" 0 in_locale fr_FR.UTF-8 \
		"$GLOBE" newsletters --csv
	check_contains "  --csv: ISO" "$out" "2025-05-31"
	check_not_contains "  --csv: no French date" "$out" "31/05/2025"
	check_exit "fr_FR.UTF-8: read" 0 in_locale fr_FR.UTF-8 "$GLOBE" read nl-1
	check_contains "  the newsletter's date in the French form" "$out" \
		"Issue 2025/1 · 31/05/2025"
	check_exit "fr_FR.UTF-8: countries" 0 in_locale fr_FR.UTF-8 "$GLOBE" \
		countries
	check_line "  the contacts column in French groups" "$out" \
		"^France  *FR  *Europe  *1  *1${nnbsp}234$"
	check_exit "fr_FR.UTF-8: countries --csv" 0 in_locale fr_FR.UTF-8 \
		"$GLOBE" countries --csv
	check_contains "  --csv: a plain number" "$out" ",1234"
	# Both at once: French messages (language = fr) and French dates.
	set_language fr
	check_exit "fr_FR.UTF-8, language = fr: status" 0 in_locale \
		fr_FR.UTF-8 "$GLOBE" status
	if [ "$nls" = yes ]; then
		check_contains "  French words, French date" "$out" \
			"données au 20/11/2025 10:05 UTC"
	fi
	set_language en
fi
if locale_make de_DE.UTF-8; then
	check_exit "de_DE.UTF-8: status" 0 in_locale de_DE.UTF-8 "$GLOBE" status
	check_contains "de_DE.UTF-8: the date in the German form" "$out" \
		"data as of 20.11.2025 10:05 UTC"
	check_contains "de_DE.UTF-8: a count in German groups" "$out" \
		"contacts:      1.234"
fi
# A date wider than its column's least width (2025年05月31日, 14
# columns): whole, or the column left out, never cut.
if locale_make zh_CN.UTF-8; then
	for cols in 40 30; do
		check_exit "zh_CN.UTF-8: newsletters in $cols columns" 0 \
			in_locale zh_CN.UTF-8 env COLUMNS=$cols "$GLOBE" newsletters
		case "$out" in
		*2025年05月31日*) pass "  $cols columns: the date whole" ;;
		*) check_not_contains "  $cols columns: the date left out, not cut" \
			"$out" "2025年05" ;;
		esac
	done
	check_contains "  40 columns: it is there" \
		"$(in_locale zh_CN.UTF-8 env COLUMNS=40 "$GLOBE" \
		newsletters 2>/dev/null)" "2025年05月31日"
fi
# Under a locale that is not UTF-8, as under C: ISO and "," groups.
if locale_make fr_FR.ISO-8859-1; then
	check_exit "Latin-1: status" 0 in_locale fr_FR.ISO-8859-1 "$GLOBE" status
	check_contains "Latin-1: the date ISO" "$out" \
		"data as of 2025-11-20T10:05:09Z"
	check_contains "Latin-1: a count with a comma" "$out" \
		"contacts:      1,234"
fi

done_testing
