#!/bin/sh
# tests/ui/changes.sh: freshness on the screens. After `s` the status line
# names the key of "what changed" (4); the screen lists the sync's records
# by type (+ added, ~ changed with its fields, - removed with its last
# name); Enter opens one that is there, says so for one that is gone; the
# fields a sync changed are marked ~ on the record's screen. n on a
# record's screen keeps the officer's note (shown, and found by search),
# f flags the record (shown with its state); a hostile note shows its
# escapes. The bundled demo has a what-changed screen after s.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet
# Serial 2: Ana Souza's title and e-mail change, José Núñez goes, a new
# contact comes.
sed -e 's/"title":"Case Officer","role":"case-officer","email":"ana.souza@example.org"/"title":"Senior Case Officer","role":"case-officer","email":"ana.souza@pf.example.org"/' \
    -e '/"id":"c-5"/d' "$T/source.jsonl" >"$T/source2.jsonl"
cat >>"$T/source2.jsonl" <<'EOS'
{"type":"contact","id":"c-6","authority":"es-fcc","name":"Lucía Ortega","title":"Prosecutor","role":"focal-point","email":"lucia.ortega@example.org","verified":"2099-01-01"}
EOS

ui_start 80x24
ui_expect_text "the interface opens" "Countries"
ui_keys 4
ui_expect_text "4 before any change: the first sync alone" \
    "the first sync, every record new"
ui_keys Escape
ui_feed "$T/source2.jsonl"
ui_keys F5
ui_expect_text "after the sync the status line names the key" \
    "synced serial 2: contacts +1 ~1 -1 · 4: what changed"
ui_keys 4
ui_expect_text "4 shows what changed" "Countries › What changed"
ui_expect changes-list "the sync's records by type: added, changed with its fields, removed"
ui_keys Down Enter
ui_expect_text "Enter opens the changed contact" "What changed › Ana Souza"
ui_expect changes-contact "its changed fields are marked ~"
ui_keys Escape Down Enter
ui_expect_text "Enter on a removed record says it is gone" \
    "José Núñez (c-5) is no longer in the directory: it was removed"

# n and f on the record's screen.
ui_keys Up Up Enter
ui_expect_text "the added contact opens" "What changed › Lucía Ortega"
ui_keys n
ui_expect_text "n asks for the note" "your note on Lucía Ortega (empty: none):"
ui_type "Prefers phone calls"
ui_keys Enter
ui_expect_text "the note is kept" "note kept on Lucía Ortega (never sent)"
ui_keys f
ui_expect_text "f asks what is outdated" "what is outdated in Lucía Ortega?"
ui_type "Moved to Valencia"
ui_keys Enter
ui_expect_text "the flag is kept" "flag 1 on Lucía Ortega: kept here"
ui_expect fresh-record "the note after the name, the flag before the id"
ui_keys n
ui_expect_text "n again proposes the note" "Prefers phone calls"
ui_keys Escape
ui_expect_text "Esc keeps it" "note unchanged"
check_exit "the CLI sees the note" 0 "$GLOBE" note c-6
check_eq "as typed" "$out" "Prefers phone calls"
check_exit "and the flag" 0 "$GLOBE" flags --pending --json
check_contains "pending" "$out" '"text": "Moved to Valencia"'
ui_keys /
ui_type "prefers phone"
ui_expect_text "search finds the record by its note" "Lucía Ortega"
ui_keys Escape q q q
ui_expect_text "quit" "[globe exited 0]"

# A hostile note and flag (written with the CLI) show their escapes, move
# nothing.
check_exit "a hostile note" 0 "$GLOBE" note c-2 \
    "$(printf 'x\033]2;pwned\007 \033[2J\342\200\256dlrow')"
check_exit "a hostile flag" 0 "$GLOBE" flag c-2 \
    "$(printf 'y\033]2;owned\007 \033[31mred\302\233')"
ui_start 80x24
ui_expect_text "reopened" "Countries"
ui_keys Enter j Enter Tab Enter
ui_expect_text "the contact opens" "Ana Souza"
ui_expect_text "the note's escapes are visible" "x␛]2;pwned␇ ␛[2J"
check_not_contains "the pane's title was not changed" \
    "$($TM display-message -p -t ui '#{pane_title}')" "pwned"
ui_expect_text "the flag's escapes are visible" "y␛]2;owned␇ ␛[31mred"
check_not_contains "nor by the flag" \
    "$($TM display-message -p -t ui '#{pane_title}')" "owned"
check_not_contains "no ESC reached the screen" "$(ui_capture)" "$(printf '\033')"
ui_keys q q q q
ui_expect_text "quit" "[globe exited 0]"

# The demo: s brings its second serial, and 4 shows what it changed.
rm -f "$XDG_CONFIG_HOME/globe/config"
ui_start 100x30 --demo
ui_expect_text "the demo opens" "demo"
ui_keys s
ui_expect_text "the demo's sync names the key" "· 4: what changed"
ui_keys 4
ui_expect_text "the demo's what changed: its second serial" \
    "serial 2 (was 1)"
ui_expect_text "with a changed contact" "(c-0002): Title, Phone"
ui_expect_text "and a removed one" "- Demo Officer (retired) (c-9001): removed"
ui_keys q q q
ui_expect_text "quit" "[globe exited 0]"

done_testing
