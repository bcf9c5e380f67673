#!/bin/sh
# tests/ui/hostile.sh: a feed whose strings carry terminal escapes (a
# title-setting OSC, a colour CSI), carriage returns and a bidi override.
# The interface shows them as visible symbols: the tmux pane title stays
# what it was and no line is overwritten.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

cat >"$T/source.jsonl" <<'EOS'
{"type":"country","code":"XE","name":"Evil\u001b]0;pwned\u0007land","region":"\u001b[31mRed"}
{"type":"country","code":"XR","name":"Returnia","region":"Nowhere"}
{"type":"authority","id":"xe-a","country":"XE","name":"Overwritten?\rGOTCHA","acronym":"\u202eFCP","kind":"police","email":"a@example.org\u001b]52;c;cHduZWQ=\u0007","languages":["en"]}
{"type":"contact","id":"c-x","authority":"xe-a","name":"\u202eAlice\u202c Bidi","title":"Line one\nline two","email":"alice@example.org","timezone":"../../etc/passwd"}
{"type":"newsletter","id":"nl-x","issue":"X","published":"2025-01-01","title":"Title\u001b]0;pwned\u0007","body":"Body with \u001b[2J a clear-screen and\ra carriage return."}
EOS
ui_feed "$T/source.jsonl"
check_exit "sync the hostile feed" 0 "$GLOBE" sync --quiet

ui_start 80x24
ui_expect_text "the interface opens" "Countries"
$TM select-pane -t ui -T globe-test
ui_expect hostile-countries "escapes shown as symbols in the countries"
ui_keys Enter
ui_expect_text "the country opens" "Overwritten"
ui_keys Enter
ui_expect_text "the authority opens" "Contacts (1)"
ui_expect hostile-authority "\\r and bidi overrides do not move anything"
ui_keys Tab Enter
ui_expect_text "the contact opens" "Alice"
ui_expect hostile-contact "a bad time zone is refused, not read from a path"
ui_keys 2 Enter
ui_expect_text "the newsletter opens" "a clear-screen"
ui_expect hostile-reader "the body's escapes are visible"
check_eq "the pane title was not changed" \
    "$($TM display -p -t ui '#{pane_title}')" "globe-test"
check_eq "no OSC 52 from the feed reached the clipboard" \
    "$($TM show-buffer 2>/dev/null)" ""
ui_keys 1 q
ui_expect_text "quit" "[globe exited 0]"

done_testing
