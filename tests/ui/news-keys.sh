#!/bin/sh
# tests/ui/news-keys.sh: reading newsletters as in newsboat. n opens the
# next unread issue and p the previous one (in the list and from the
# reader), N toggles read/unread, A marks all read; / in the newsletters
# finds issues by the words of their title, summary and body (folded:
# case and accents do not matter), Esc clears it. The marks live in the
# cache: they survive quitting and a sync. Elsewhere n still shows the
# newsletters, except on a record's own screen, where it is the note.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
cat >>"$T/source.jsonl" <<'EOS'
{"type":"newsletter","id":"nl-3","issue":"2025/1","published":"2025-06-30","lang":"en","title":"Doha 2025: asset return","summary":"The network meets in Doha.","body":"Officers compared registers of beneficial ownership and the Régime of asset return."}
EOS
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet

ui_start 80x24
ui_expect_text "the interface opens" "Countries"
ui_keys Enter j Enter n
ui_expect_text "n on a record's own screen asks for its note instead" \
    "your note on Polícia Federal"
ui_keys Escape
ui_expect_text "Esc leaves the note as it was" "note unchanged"
ui_keys Escape n
ui_expect_text "n elsewhere still shows the newsletters" \
    "3 newsletters, 3 unread"
ui_keys n
ui_expect_text "n in the list opens the first unread issue" "Doha 2025: asset return"
ui_keys n
ui_expect_text "n in the reader goes on to the next unread" "Beijing 2024"
ui_keys p
ui_expect_text "p: none before it is unread any more" \
    "no previous unread newsletter"
ui_keys n
ui_expect_text "n again: the last unread" "Madrid 2022"
ui_keys N
ui_expect_text "N in the reader marks it unread again" "marked 2022/1 unread"
ui_keys p
ui_expect_text "p goes back to nothing unread before" \
    "no previous unread newsletter"
ui_keys Escape
ui_expect_text "back in the list: one unread" "3 newsletters, 1 unread"
ui_expect news-keys-list "the 2022 issue is unread again, the list follows the reader"

ui_keys Home N
ui_expect_text "N in the list marks the selected unread" "marked 2025/1 unread"
ui_expect_text "two unread now" "3 newsletters, 2 unread"
ui_keys A
ui_expect_text "A marks every issue read" "marked every newsletter read"
ui_expect_text "none unread" "3 newsletters, 0 unread"
ui_keys N
ui_expect_text "N again: the top one unread" "3 newsletters, 1 unread"
ui_keys q q q q
ui_expect_text "quit" "[globe exited 0]"

# The marks are in the cache: a new serial that changes the issues keeps them.
sed 's/The network meets in Doha./The network met in Doha./' \
    "$T/source.jsonl" >"$T/source2.jsonl"
ui_feed "$T/source2.jsonl"
check_exit "sync the changed feed" 0 "$GLOBE" sync --quiet
ui_start 80x24
ui_expect_text "reopened" "Countries"
ui_keys 2
ui_expect_text "the marks survived quitting and the sync" \
    "3 newsletters, 1 unread"
ui_expect news-keys-synced "only the issue marked unread is unread"

# / finds in the newsletters' text; case and accents do not matter.
ui_keys /
ui_expect_text "/ asks what to find in the newsletters" "find in newsletters:"
ui_type "BENEFICIAL regime"
ui_keys Enter
ui_expect_text "it finds none with both as one string" "0 of 3 newsletters"
ui_keys /
ui_keys C-u
ui_type "regime"
ui_keys Enter
ui_expect_text "one issue holds it (Régime, in its body)" \
    "/regime: 1 of 3 newsletters"
ui_expect news-keys-find "only the Doha issue is listed"
ui_keys Enter
ui_expect_text "Enter reads the issue found" "beneficial ownership"
ui_keys Escape /
ui_keys C-u
ui_type "madrid"
ui_keys Enter
ui_expect_text "the title is searched too" "/madrid: 1 of 3 newsletters"
ui_keys Escape
ui_expect_text "Esc clears the filter (the issue read is read now)" \
    "3 newsletters, 0 unread"
ui_keys q q
ui_expect_text "quit" "[globe exited 0]"

done_testing
