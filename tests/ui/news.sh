#!/bin/sh
# tests/ui/news.sh: the newsletter list (unread marked), the reader
# (wrapped by display width, scrolls), and read marks that survive
# quitting, a sync from the command line and a sync with s in the
# interface.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet

ui_start 60x16
ui_expect_text "the interface opens" "Countries"
ui_keys 2
ui_expect_text "2 shows the newsletters" "2 newsletters, 2 unread"
ui_expect news-list "both unread, newest first"
ui_keys j Enter
ui_expect_text "Enter opens the reader" "Madrid 2022: the network grows"
ui_expect news-reader "the issue wrapped to 60 columns"
ui_keys Escape
ui_expect_text "back in the list, one read" "2 newsletters, 1 unread"
ui_expect news-list-read "the read one lost its mark"
ui_keys q q
ui_expect_text "quit" "[globe exited 0]"

# A new serial that changes the newsletter's text keeps the read mark.
sed 's/Next year the network meets again./Next year the network meets in Beijing./' \
    "$T/source.jsonl" >"$T/source2.jsonl"
ui_feed "$T/source2.jsonl"
check_exit "sync the changed feed" 0 "$GLOBE" sync --quiet

ui_start 60x16
ui_expect_text "reopened" "Countries"
ui_keys 2
ui_expect_text "the read mark survived the sync" "2 newsletters, 1 unread"
ui_expect news-list-read2 "the same marks after the sync"

# And a sync from inside the interface (s) keeps it too.
sed 's/219 authorities from 121 States./219 authorities, 121 States./' \
    "$T/source2.jsonl" >"$T/source3.jsonl"
ui_feed "$T/source3.jsonl"
ui_keys s
ui_expect_text "s syncs in the background and says what changed" \
    "synced serial 3: newsletters +0 ~1 -0"
ui_expect_text "the mark is still there after s" "2 newsletters, 1 unread"

# A forged index (one byte more than what was signed) is refused; the
# status line says so in the command line's words and nothing changes.
printf ' ' >>"$T/feed/index.json"
ui_keys s
ui_expect_text "a refused sync says why, as the CLI does" \
    "sync failed: signature check failed"
ui_expect_text "the data and marks stay" "2 newsletters, 1 unread"
ui_keys j Enter
ui_expect_text "the reader shows the new text" "Next year the network meets in Beijing."
ui_keys q q q
ui_expect_text "quit" "[globe exited 0]"

done_testing
