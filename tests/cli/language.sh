#!/bin/sh
# tests/cli/language.sh: the config's `language =` on the command line.
# language = fr gives French --help, usage errors and messages under
# LANG=C.UTF-8, over LANGUAGE; en or C gives English; --config names the
# file it is read from; a file with an error sets none; under a locale
# that is not UTF-8 messages stay English; config check accepts a
# language list and refuses anything else with FILE:LINE.
. "$srcdir/tests/lib.sh"

if [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe not built"
	done_testing
	exit 0
fi
nls=no
grep -q '^#define ENABLE_NLS 1' "$builddir/config.h" && nls=yes
CONF=$XDG_CONFIG_HOME/globe/config
mkdir -p "$XDG_CONFIG_HOME/globe"

# --- language = for the messages ------------------------------------------
# set_language VALUE: the config holds language = VALUE.
set_language() {
	printf 'language = %s\n' "$1" >"$CONF"
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

done_testing
