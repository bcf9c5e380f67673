#!/bin/sh
# tests/ui/nav.sh: the keys a new officer meets in the first hour. A key
# bound to an action does it on every screen (s syncs on the countries
# too), the filter has its own key (f) and ranks names that start with
# what was typed first, and is gone after leaving the screen. Run on the
# real globe in tmux at 80x24.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

# The usual directory and a few countries whose names test the ranking:
# Uganda, Ukraine and United Kingdom start with "u", Australia and
# Russia only hold one.
ui_source "$T/source.jsonl"
cat >>"$T/source.jsonl" <<'EOS'
{"type":"country","code":"AU","name":"Australia","region":"Oceania"}
{"type":"country","code":"GB","name":"United Kingdom","region":"Europe"}
{"type":"country","code":"RU","name":"Russia","region":"Europe"}
{"type":"country","code":"UA","name":"Ukraine","region":"Europe"}
{"type":"country","code":"UG","name":"Uganda","region":"Africa"}
{"type":"authority","id":"au-afp","country":"AU","name":"Australian Federal Police","acronym":"AFP","kind":"police","languages":["en"],"expertise":["bribery"]}
{"type":"authority","id":"gb-sfo","country":"GB","name":"Serious Fraud Office","acronym":"SFO","kind":"prosecution","languages":["en"],"expertise":["asset-recovery"]}
{"type":"authority","id":"ua-nabu","country":"UA","name":"National Anti-Corruption Bureau","acronym":"NABU","kind":"anti-corruption","languages":["uk","en"]}
{"type":"authority","id":"ug-ig","country":"UG","name":"Inspectorate of Government","acronym":"IG","kind":"anti-corruption","languages":["en"]}
{"type":"authority","id":"ru-gp","country":"RU","name":"General Prosecutor's Office","acronym":"GP","kind":"prosecution","languages":["ru"]}
EOS
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet
conf="$XDG_CONFIG_HOME/globe/config"

# ---- 1. a bound key acts on the countries screen too -----------------

# The next serial adds Kenya; s on the countries syncs it (the file feed
# configured above), it does not start a filter.
cp "$T/source.jsonl" "$T/next.jsonl"
echo '{"type":"country","code":"KE","name":"Kenya","region":"Africa"}' \
    >>"$T/next.jsonl"
ui_feed "$T/next.jsonl"
printf 'bind = x help\n' >>"$conf"

ui_start 80x24
ui_expect_text "the interface opens on the countries" "Countries"
ui_expect_text "the hint line says which key filters" \
    "Type a country name after f to filter"
ui_keys s
ui_expect_text "s on the countries syncs (the status line says so)" \
    "synced +1 ~0 -0"
check_not_contains "s did not start a filter" "$(ui_capture)" "Filter:"
ui_expect_text "the synced country is listed" "Kenya"
ui_expect nav-synced "the countries after s: Kenya, synced +1"

# A key bound in the config (bind = x help) works here as well.
ui_keys x
ui_expect_text "a rebound key (x help) acts on the countries" \
    "Keys (and the action names for bind lines)"
check_contains "help lists the filter key and its action name" \
    "$(ui_capture)" "filter the list by name (filter)"
ui_keys Escape
ui_expect_text "back from help" "Type a country name after f"

# ---- 1, 2. the filter key; ranked matches ------------------------------

ui_keys f
ui_expect_text "f opens the filter line" "Filter:    (Esc clears)"
ui_keys u
ui_expect_text "u filters" "Filter: u"
ui_expect nav-filter-u "names starting with u first, then those holding one"

# While the filter has focus a bound letter (k) is text, not a move.
ui_keys k
ui_expect_text "k goes to the filter while it has focus" "Filter: uk"
check_not_contains "uk: Uganda is gone" "$(ui_capture)" "Uganda"
ui_keys BSpace BSpace
ui_keys z z
ui_expect_text "no country matches: it says so" "Filter: zz   (no match)"
ui_expect nav-filter-none "an empty result says (no match)"
ui_keys Escape
ui_expect_text "Esc clears the filter" "Type a country name after f"

# "k": Kenya starts with it, United Kingdom has a word that does,
# Ukraine only holds one. Enter opens the selected match; back, the full
# list (the filter was for finding, it does not outlive the screen).
ui_keys f k
ui_expect nav-filter-k "k: the start of the name, of a word, then inside"
ui_keys Down Enter
ui_expect_text "Enter opens the second match" "Countries › United Kingdom"
ui_keys Escape
ui_expect_text "back at the countries" "Type a country name after f"
ui_expect nav-filter-cleared "back from a country: the full list, its row selected"

# A letter no key uses starts the filter at once ("B" for Brazil).
ui_keys B r
ui_expect_text "an unbound letter starts the filter" "Filter: Br"
ui_keys Escape

# The filter key can be rebound like any other.
printf 'bind = F6 filter\nbind = f none\n' >>"$conf"
ui_start 80x24
ui_expect_text "rebound: the hint names the new key" \
    "Type a country name after F6 to filter"
ui_keys F6 e g
ui_expect_text "F6 opens the filter" "Filter: eg"
ui_keys Escape q
ui_expect_text "q quits" "[globe exited 0]"

done_testing
