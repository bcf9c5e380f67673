#!/bin/sh
# tests/ui/welcome.sh: the first run with no cache shows the welcome
# screen (never a blank one); with a feed configured, s from there syncs
# and the countries appear. TERM=dumb gets a message pointing to the
# command-line commands instead.
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

UI_ENV=TERM=dumb ui_start 80x24
ui_expect_text "TERM=dumb: a clear message" "use the commands instead"
ui_expect_text "TERM=dumb: exit status 1" "[globe exited 1]"

done_testing
