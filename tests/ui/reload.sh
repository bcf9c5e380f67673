#!/bin/sh
# tests/ui/reload.sh: an interface left open while `globe sync` runs in
# another process notices the commit by itself (no key is pressed) and
# reloads in place: the renamed country and the new one appear, the
# status line shows serial 2, and the selection stays on the same country
# though a new one now sorts before it. Afterwards keys still work, the
# search finds the new contact, and the cache is intact.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync serial 1" 0 "$GLOBE" sync --quiet

# Serial 2: China renamed, and a new country (sorting first) with an
# authority and a contact.
sed 's/"name":"China"/"name":"China Renamed Republic"/' "$T/source.jsonl" \
    >"$T/source2.jsonl"
cat >>"$T/source2.jsonl" <<'EOS'
{"type":"country","code":"QX","name":"Atlantis Reloaded","region":"Sea"}
{"type":"authority","id":"qx-tide","country":"QX","name":"Atlantis Tidal Police","acronym":"ATP","kind":"police","email":"tide@example.org","languages":["en"]}
{"type":"contact","id":"qx-c1","authority":"qx-tide","name":"Nemo Reloadson","title":"Liaison Officer","role":"focal-point","email":"nemo@example.org","languages":["en"]}
EOS

# The attributes (escape sequences, text dropped) of the first line that
# shows TEXT: what tells the selected line from the others.
esc=$(printf '\033')
ui_attrs() {
	$TM capture-pane -e -p -t ui | grep -F -- "$1" | head -n 1 |
	    grep -o "$esc\[[0-9;]*m" | tr -d '\n'
}

ui_start 80x24
ui_expect_text "the interface opens at serial 1" "serial 1 ·"
ui_keys j j j
ui_settle
sel_before=$(ui_attrs "Spain")
other=$(ui_attrs "Egypt")
if [ -n "$sel_before" ] && [ "$sel_before" != "$other" ]; then
	pass "Spain is selected (drawn unlike Egypt)"
else
	fail "Spain is selected (drawn unlike Egypt)"
	printf '#   spain: %s\n#   egypt: %s\n' "$sel_before" "$other" | cat -v
fi

# Serial 2 arrives through the command line, in another process.
ui_feed "$T/source2.jsonl"
check_exit "globe sync of serial 2 while the interface is open" 0 \
    "$GLOBE" sync --quiet

# No key from here until the checks below.
ui_expect_text "without a key, the status line shows serial 2" \
    "serial 2 ·" 8
ui_expect_text "without a key, the new country appears" "Atlantis Reloaded"
ui_expect_text "without a key, the renamed country appears" \
    "China Renamed Republic"
ui_settle
screen=$(ui_capture)
check_not_contains "the old name is gone" "$screen" "China  "
check_contains "the counts in the status line are the new ones" \
    "$(printf '%s\n' "$screen" | tail -n 1)" "6 contacts"
sel_after=$(ui_attrs "Spain")
if [ -n "$sel_before" ] && [ "$sel_after" = "$sel_before" ] &&
    [ "$(ui_attrs "Egypt")" = "$other" ]; then
	pass "the selection stayed on Spain (by id, not by place)"
else
	fail "the selection stayed on Spain (by id, not by place)"
	printf '#   spain before: %s\n#   spain now: %s\n#   egypt now: %s\n' \
	    "$sel_before" "$sel_after" "$(ui_attrs "Egypt")" | cat -v
fi

# Keys still work, and on the new data.
ui_keys Enter
ui_expect_text "Enter opens the selected country (Spain)" "Countries › Spain"
ui_keys Escape
ui_expect_text "back to the countries" "Type a country name"
ui_keys / N e m o
ui_expect_text "the search finds the new contact" "Nemo Reloadson"
ui_keys Escape

# Another commit elsewhere while the starred screen is open.
ui_keys 3
ui_expect_text "the starred screen" "Starred"
check_exit "globe star from another process" 0 "$GLOBE" star qx-c1
ui_expect_text "without a key, the star shows in the open interface" \
    "Nemo Reloadson" 8

ui_keys q q
ui_expect_text "quit" "[globe exited 0]"

check_exit "globe status after the reloads" 0 "$GLOBE" status
check_contains "status: serial 2" "$out" "serial:        2"
check_contains "status: contacts" "$out" "contacts:      6"
check_contains "status: authorities" "$out" "authorities:   6"
check_exit "globe show of the new contact" 0 "$GLOBE" show qx-c1
check_contains "the new contact is stored whole" "$out" "nemo@example.org"

done_testing
