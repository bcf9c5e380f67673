#!/bin/sh
# tests/ui/welcome.sh: the first run with no cache shows the welcome
# screen (never a blank one); with a feed configured, s from there syncs
# and the countries appear. TERM=dumb or no TERM gets the country list
# and one line saying why there is no full screen.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_start 80x24
ui_expect_text "the first run opens the welcome screen" "Welcome to globe"
ui_expect welcome "how to try the demo and configure a feed"
ui_keys q
ui_expect_text "q quits" "[globe exited 0]"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
ui_start 80x24
ui_expect_text "with a feed configured it offers to sync" "press s to sync now"
ui_keys s
ui_expect_text "s syncs and the countries appear" "Type a country name"
ui_expect_text "the status line says what the sync did" "synced +"
ui_keys q
ui_expect_text "quit" "[globe exited 0]"

# A terminal curses cannot drive: the country list, one line why, exit 0.
UI_ENV=TERM=dumb ui_start 80x24
ui_expect_text "TERM=dumb: one line says why" \
	"globe: full screen needs a terminal (TERM=dumb); see globe --help"
ui_expect_text "TERM=dumb: the countries instead" "Brazil"
ui_expect_text "TERM=dumb: exit status 0" "[globe exited 0]"
UI_ENV="-u TERM" ui_start 80x24
ui_expect_text "no TERM: one line says why" \
	"globe: full screen needs a terminal (no TERM); see globe --help"
ui_expect_text "no TERM: exit status 0" "[globe exited 0]"

done_testing
