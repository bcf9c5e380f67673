#!/bin/sh
# tests/ui/sync.sh: s syncs in the background while keys are answered.
# The slow feed is an honest stand-in: a big generated directory (the
# test data plus 100,000 contacts) published to a local feed, so applying
# it takes seconds; meanwhile the test opens the search, types and reads
# the results, and checks the status line still says "syncing". When the
# sync ends the views reload in place and keep their selection by id,
# though 26 new countries now sort before it. Then idle CPU is near zero.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync the small feed" 0 "$GLOBE" sync --quiet

cp "$T/source.jsonl" "$T/big.jsonl"
awk 'BEGIN {
	for (c = 0; c < 26; c++)
		printf "{\"type\":\"country\",\"code\":\"Q%c\",\"name\":\"Atlantis %02d\",\"region\":\"Sea\"}\n", 65 + c, c
	for (a = 0; a < 520; a++)
		printf "{\"type\":\"authority\",\"id\":\"q-a%d\",\"country\":\"Q%c\",\"name\":\"Authority %d\",\"acronym\":\"A%d\",\"kind\":\"police\",\"languages\":[\"en\"]}\n", a, 65 + a % 26, a, a
	for (i = 0; i < 100000; i++)
		printf "{\"type\":\"contact\",\"id\":\"q-c%d\",\"authority\":\"q-a%d\",\"name\":\"Person %d Generated\",\"title\":\"Officer\",\"role\":\"case-officer\",\"email\":\"p%d@example.org\",\"languages\":[\"en\",\"fr\"],\"timezone\":\"Europe/Vienna\"}\n", i, i % 520, i, i
}' >>"$T/big.jsonl"
ui_feed "$T/big.jsonl"

ui_start 80x24
ui_expect_text "the interface opens" "Countries"
ui_keys j j j
ui_keys F5 / j o s e
if ui_wait_for "José Núñez"; then
	screen=$(ui_capture)
	pass "the search answers during the sync"
	check_contains "the status line still says syncing" \
	    "$(printf '%s\n' "$screen" | tail -n 1)" "syncing"
else
	fail "the search answers during the sync"
	ui_capture | sed 's/^/#   | /'
fi
# A resize in the middle of the sync redraws at once.
ui_resize 40x12
ui_expect_text "resized during the sync" "Search: jose"
check_contains "the status line fits 40 columns and says syncing" \
    "$(ui_capture | tail -n 1)" "syncing"
ui_resize 80x24
ui_keys Escape
ui_expect_text "the sync ends with what it changed" \
    "synced +100546 ~0 -0" 120
ui_keys C-l	# the summary is a one-time message: the next key shows the line
ui_expect_text "the counts in the status line are the new ones" \
    "100,005 contacts"
ui_keys Enter
ui_expect_text "the selection was kept by id (Spain)" "Countries › Spain"
ui_keys Escape

# Idle: no polling. The loop wakes every 2 s to look for commits of
# other processes, so over 4 s it goes to sleep two or three times; a loop
# polling every 10 ms would do so hundreds of times. Its CPU, counted in
# 10 ms clock ticks, stays near zero: a tick is charged whole to a wake
# that meets it, and under AddressSanitizer a wake costs a few ms, so up
# to 5 ticks are allowed where a loop that never sleeps would take 400.
ui_settle
sleeps=$(ui_sleeps)
ticks=$(ui_cpu_ticks)
sleep 4
sleeps=$(( $(ui_sleeps) - sleeps ))
ticks=$(( $(ui_cpu_ticks) - ticks ))
echo "#   over 4 s idle: $sleeps waits, $ticks clock ticks of CPU"
check_eq "idle, the loop waits at most 4 times in 4 seconds" \
    "$(( sleeps <= 4 ))" 1
check_eq "idle CPU is at most 5 clock ticks over 4 seconds" \
    "$(( ticks <= 5 ))" 1

ui_keys q
ui_expect_text "quit" "[globe exited 0]"

done_testing
