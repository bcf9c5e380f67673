#!/bin/sh
# tests/ui/resize.sh: the same screen at 80x24, 40x12 (columns dropped by
# priority, still usable) and 120x40, "terminal too small" below the
# minimum, and back to 80x24 with no artifacts.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet

ui_start 80x24
ui_expect_text "the interface opens" "Countries"
ui_keys Enter j Enter
ui_expect_text "on an authority" "› Polícia Federal"
ui_expect resize-80x24 "the authority at 80x24"
ui_resize 40x12
ui_expect resize-40x12 "the authority at 40x12: values wrap, labels shrink"
ui_keys Tab
ui_expect resize-40x12-list "keys still work at 40x12: Tab to the contacts"
ui_keys Tab
ui_resize 120x40
ui_expect resize-120x40 "the authority at 120x40"
ui_resize 20x6
ui_expect_text "below the minimum it says so" "terminal too small"
ui_resize 80x24
# The same screen but for the field cursor, which Tab Tab left on the name.
ui_expect resize-80x24-back "back at 80x24: the same screen as before"
ui_keys 1
ui_resize 40x12
ui_expect resize-countries-40x12 "the countries at 40x12"
ui_keys q
ui_expect_text "quit" "[globe exited 0]"

done_testing
