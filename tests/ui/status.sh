#!/bin/sh
# tests/ui/status.sh: the status line says when the last good sync was
# ("synced 5 min ago", "2 h ago", "3 days ago", from the cache's sync
# state), "offline" only after a failed attempt or with no feed
# configured; at 40 columns the serial stays and the counts go. The
# summary after s says what changed per type, in `globe sync`'s words;
# a message too long for the line says where to read it, and M lists
# every message of the session in full.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

DB="$XDG_DATA_HOME/globe/globe.db"

# set_sync AGO_SECONDS [FAILED]: the last good sync was that long ago;
# FAILED=1 adds a later failed attempt (what net_sync records).
set_sync() {
	python3 - "$DB" "$1" "${2:-0}" <<'EOP'
import sqlite3, sys, time
db, ago, failed = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
now = int(time.time())
c = sqlite3.connect(db)
c.execute("UPDATE sync_state SET last_success = ?, last_sync = ?",
          (now - ago, now - 10 if failed else now - ago))
c.commit()
EOP
}

# The bottom line as it is, not masked.
status_line() {
	$TM capture-pane -p -t ui | tail -n 1 | sed 's/ *$//'
}

# expect_status "what" TEXT: the raw status line holds TEXT in time.
expect_status() {
	i=0
	while [ $i -lt 50 ]; do
		if status_line | grep -F -q -- "$2"; then
			pass "$1"
			return
		fi
		sleep 0.1
		i=$((i + 1))
	done
	fail "$1"
	echo "#   missing: $2"
	echo "#   status:  $(status_line)"
}

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet

ui_start 80x24
ui_expect_text "the interface opens" "Countries"
expect_status "right after a sync: synced just now" "· synced just now"
check_not_contains "a configured feed that synced is not offline" \
    "$(status_line)" "offline"
ui_keys q
ui_expect_text "quit" "[globe exited 0]"

set_sync 300
ui_start 80x24
expect_status "five minutes later: synced 5 min ago" \
    "serial 1 · 5 authorities · 5 contacts · synced 5 min ago"
ui_keys q
set_sync 7300
ui_start 80x24
expect_status "two hours later: synced 2 h ago" "· synced 2 h ago"
ui_keys q
set_sync 280000
ui_start 80x24
expect_status "three days later: synced 3 days ago" "· synced 3 days ago"

# 40 columns: the counts give way first, the serial stays.
ui_resize 40x12
expect_status "at 40 columns the serial is still there" \
    "2025-11-20 · serial 1 · synced 3d ago"
check_not_contains "at 40 columns the counts are what went" \
    "$(status_line)" "contacts"
ui_keys q

# A failed attempt after the good one: offline.
set_sync 300 1
ui_start 80x24
expect_status "after a failed attempt: offline" "· offline"
ui_keys q

# No feed configured: offline, whatever the cache says.
mv "$XDG_CONFIG_HOME/globe/config" "$T/config.saved"
set_sync 300
ui_start 80x24
expect_status "no feed configured: offline" "· offline"
ui_keys q
mv "$T/config.saved" "$XDG_CONFIG_HOME/globe/config"

# s: the summary per type, as `globe sync` prints it.
sed -e 's/"title":"Case Officer"/"title":"Senior Case Officer"/' \
    -e '/"id":"c-5"/d' "$T/source.jsonl" >"$T/source2.jsonl"
cat >>"$T/source2.jsonl" <<'EOS'
{"type":"contact","id":"c-6","authority":"es-fcc","name":"Lucía Gómez","title":"Prosecutor","role":"focal-point","email":"lucia.gomez@example.org","languages":["es"]}
EOS
ui_feed "$T/source2.jsonl"
ui_start 80x24
ui_expect_text "reopened" "Countries"
# (F5: on the countries screen letters type into the filter.)
ui_keys F5
ui_expect_text "the summary after s says what changed per type" \
    "synced serial 2: contacts +1 ~1 -1"
ui_keys Down	# the one-time message goes at the next key
expect_status "then the status line says synced just now" \
    "serial 2 · 5 authorities · 5 contacts · synced just now"

# At 40 columns a long message is cut, and says how to see it whole.
sed -e 's/"title":"Focal Point"/"title":"Chief Focal Point"/' \
    -e 's/"name":"Madrid 2022: the network grows"/"name":"Madrid 2022"/' \
    "$T/source2.jsonl" >"$T/source3.jsonl"
cat >>"$T/source3.jsonl" <<'EOS'
{"type":"newsletter","id":"nl-3","issue":"2025/1","published":"2025-06-30","lang":"en","title":"Doha 2025","summary":"The network meets in Doha."}
{"type":"country","code":"FR","name":"France","region":"Europe"}
EOS
ui_feed "$T/source3.jsonl"
ui_resize 40x12
ui_keys F5
expect_status "a summary too long for 40 columns says where to read it" \
    "(M, F9: messages)"
check_contains "the cut one is the brief form with the totals" \
    "$(status_line)" "synced +2 ~1 -0"
ui_resize 80x24
ui_keys F9
ui_expect_text "F9 shows the messages" "Messages"
ui_expect status-messages "every message of the session, in full, newest last"
ui_resize 40x12
ui_expect status-messages-40x12 "at 40 columns the messages wrap, nothing cut"
ui_resize 80x24
ui_keys '?'
ui_expect_text "? lists the key for the messages" \
    "show every message of this session, in full (messages)"
ui_keys q 2 M
ui_expect_text "M shows them from the newsletters too" "Newsletters › Messages"
ui_keys 1 q
ui_expect_text "quit" "[globe exited 0]"

done_testing
