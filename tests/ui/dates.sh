#!/bin/sh
# tests/ui/dates.sh: the screens in the config's language (language = fr)
# with the dates in the form of LC_TIME (fr_FR.UTF-8, compiled here with
# localedef into LOCPATH): the status line's "data as of", a contact's
# verified date, an authority's joined date and the newsletters' column,
# which is whole or gone, never cut (zh_CN's 14-column date at 30
# columns). The language does not decide the dates: language = fr under
# C.UTF-8 keeps them ISO, and without language = the messages follow the
# environment (English).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

mkdir -p "$T/locales"
if ! localedef -i fr_FR -f UTF-8 "$T/locales/fr_FR.UTF-8" \
    >"$T/localedef.log" 2>&1; then
	sed 's/^/#   localedef: /' "$T/localedef.log" | head -n 3
	echo "# SKIP no fr_FR.UTF-8 locale: localedef failed (Debian: locales)"
	done_testing
	exit 0
fi
nls=no
grep -q '^#define ENABLE_NLS 1' "$builddir/config.h" && nls=yes

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet
cp "$XDG_CONFIG_HOME/globe/config" "$T/config.feed"
# Messages from the config, dates from LC_TIME, the rest C.UTF-8.
FR_TIME="-u LC_ALL -u LANGUAGE LANG=C.UTF-8 LC_TIME=fr_FR.UTF-8 LOCPATH=$T/locales"

# --- language = fr, LC_TIME=fr_FR.UTF-8 -------------------------------------
printf 'language = fr\n' >>"$XDG_CONFIG_HOME/globe/config"
UI_ENV=$FR_TIME ui_start 80x24
if [ "$nls" = yes ]; then
	ui_expect_text "the countries, in French" "Pays"
	# SOURCE_DATE_EPOCH: the data of 2025-11-20.
	ui_expect_text "the status line: data as of, French words and date" \
		"données au 20/11/2025"
else
	ui_expect_text "--disable-nls: the countries, in English" "Countries"
	ui_expect_text "the status line: the French date" \
		"data as of 20/11/2025"
fi
check_not_contains "  no ISO date there" "$(ui_capture)" "2025-11-20"
ui_keys Enter j Enter
ui_expect_text "Polícia Federal" "› Polícia Federal"
ui_expect_text "the authority's joined date in the French form" "03/06/2021"
ui_keys Tab j Enter
ui_expect_text "José Conceição" "› José Conceição"
ui_expect_text "the verified date in the French form" "15/01/2020"
if [ "$nls" = yes ]; then
	check_line "  beside its French label" "$(ui_capture)" \
		'^ Vérifié  *15/01/2020 '
else
	check_line "  beside its label" "$(ui_capture)" \
		'^ Verified  *15/01/2020 '
fi
check_not_contains "  not ISO" "$(ui_capture)" "2020-01-15"
ui_keys 2
ui_expect_text "the newsletters, published in the French form" \
	"30/09/2024"
ui_expect_text "  the other one" "30/11/2022"
ui_keys q q q q q q
ui_expect_text "quit" "[globe exited 0]"

# --- a date wider than its column's minimum: whole or gone ------------------
# 2024年09月30日 is 14 columns; at 30 the newsletters' date column goes
# rather than show "2024年09月3…" (a cut date reads as another one).
if localedef -i zh_CN -f UTF-8 "$T/locales/zh_CN.UTF-8" \
    >"$T/localedef.log" 2>&1; then
	UI_ENV="-u LC_ALL -u LANGUAGE LANG=C.UTF-8 LC_TIME=zh_CN.UTF-8 LOCPATH=$T/locales" \
	    ui_start 40x12
	ui_keys 2
	ui_expect_text "zh_CN: the newsletters, dated in the Chinese form" \
		"2024年09月30日"
	ui_resize 30x12
	ui_settle
	screen=$(ui_capture)
	case "$screen" in
	*2024年09月30日*) pass "30x12: the date column whole" ;;
	*) check_not_contains "30x12: the date column gone, not cut" \
		"$screen" "2024年09" ;;
	esac
	ui_resize 40x12
	ui_expect_text "40x12: the date whole again" "2024年09月30日"
	ui_keys q q q
	ui_expect_text "quit" "[globe exited 0]"
else
	sed 's/^/#   localedef: /' "$T/localedef.log" | head -n 3
	echo "# SKIP no zh_CN.UTF-8 locale: localedef failed (Debian: locales)"
fi

# --- language = fr under C.UTF-8: French words, ISO dates --------------------
UI_ENV="-u LC_ALL -u LANGUAGE LANG=C.UTF-8" ui_start 80x24
ui_expect_text "C.UTF-8: the data's date ISO" "2025-11-20"
if [ "$nls" = yes ]; then
	ui_expect_text "  the words French" "données au 2025-11-20"
fi
ui_keys q
ui_expect_text "quit" "[globe exited 0]"

# --- no language =: the environment's (English), dates still French ----------
cp "$T/config.feed" "$XDG_CONFIG_HOME/globe/config"
UI_ENV=$FR_TIME ui_start 80x24
ui_expect_text "no language =: English" "Countries"
ui_expect_text "  with LC_TIME's date" "data as of 20/11/2025"
ui_keys q
ui_expect_text "quit" "[globe exited 0]"

done_testing
