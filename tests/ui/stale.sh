#!/bin/sh
# tests/ui/stale.sh: records verified longer ago than stale_days are
# marked "! " in every list (authorities of a country, contacts of an
# authority, search results with routes among them, starred), by the same rule as the detail
# screens; a larger stale_days in the config leaves them unmarked.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
sed -i 's/"expertise":\["asset-recovery"\]}/"expertise":["asset-recovery"],"verified":"2018-05-01"}/' \
    "$T/source.jsonl"
cat >>"$T/source.jsonl" <<'EOS'
{"type":"contact","id":"c-7","authority":"es-fcc","name":"Ángel Ruiz","title":"Analyst","role":"case-officer","email":"angel.ruiz@example.org","verified":"2019-03-01"}
{"type":"contact","id":"c-8","authority":"es-fcc","name":"Beatriz Sanz","title":"Analyst","role":"case-officer","email":"beatriz.sanz@example.org","verified":"2099-01-01"}
{"type":"route","id":"r-es-trace","country":"ES","measure":"asset-tracing","authority":"es-fcc","channel":"direct","verified":"2017-01-01"}
{"type":"route","id":"r-es-freeze","country":"ES","measure":"freezing","authority":"es-fcc","verified":"2099-01-01"}
EOS
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet
check_exit "star the stale contact" 0 "$GLOBE" star c-1

ui_start 80x24
ui_expect_text "the interface opens" "Countries"
ui_keys End Enter
ui_expect_text "Spain opens" "Countries › Spain"
ui_expect stale-country "the stale authority is marked in the country's list"
ui_keys Enter Tab
ui_expect_text "its contacts" "Contacts (3)"
ui_expect stale-authority "the stale contact is marked, the fresh and undated ones not"
ui_keys Escape Escape /
ui_type jose
ui_expect_text "search results" "José Núñez"
ui_expect stale-search "the stale contact is marked in the search results"
ui_keys Escape 3
ui_expect_text "the starred" "Contacts (1)"
ui_expect stale-starred "the stale contact is marked among the starred"
ui_keys /
ui_type "fiscalia"
ui_expect_text "routes in the search results" "Freezing"
ui_expect_text "a stale route is marked too" "! Asset tracing"
check_not_contains "a fresh one is not" "$(ui_capture)" "! Freezing"
ui_keys Escape q q
ui_expect_text "quit" "[globe exited 0]"

# The one rule reads stale_days from the config.
printf 'stale_days = 100000\n' >>"$XDG_CONFIG_HOME/globe/config"
ui_start 80x24
ui_expect_text "reopened" "Countries"
ui_keys End Enter
ui_expect_text "Spain again" "Countries › Spain"
check_not_contains "stale_days 100000: the authority is not marked" \
    "$(ui_capture)" "! Fiscalía"
ui_keys Enter Tab
ui_expect_text "its contacts again" "Contacts (3)"
check_not_contains "stale_days 100000: the contact is not marked" \
    "$(ui_capture)" "! Ángel"
ui_keys q q q
ui_expect_text "quit" "[globe exited 0]"

done_testing
