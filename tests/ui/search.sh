#!/bin/sh
# tests/ui/search.sh: / from anywhere; results on every keystroke, people
# and authorities marked by type; accents and CJK; the country filter
# (F2); Enter opens a result and Esc comes back.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet

ui_start 80x24
ui_expect_text "the interface opens" "Countries"
ui_keys Enter
ui_expect_text "in Brazil" "Countries › Brazil"
ui_keys /
ui_expect_text "/ opens the search from a country" "Search:"

# "jose" (no accent) finds both José, as you type.
ui_type "jo"
ui_expect_text "results after two letters" "José Núñez"
ui_type "se"
ui_expect search-jose "accent-insensitive: jose finds José"
# The matched part is drawn with another attribute: an escape sequence
# comes right after "José" (and not after "Núñez") on the second result.
line=$($TM capture-pane -e -p -t ui | grep 'Núñez')
esc=$(printf '\033')
check_contains "the match is highlighted" "$line" "José$esc["
check_not_contains "only the match" "$line" "Núñez$esc["

# Accents typed are folded the same way: "conceição" and "conceicao".
ui_keys C-u
ui_type "conceicao"
ui_expect_text "conceicao finds Conceição" "José Conceição"
ui_keys C-u
ui_type "Polícia"
ui_expect_text "an authority, marked as such" "authority  Polícia Federal"

# CJK: the middle of a name written without spaces.
ui_keys C-u
ui_type "王秀"
ui_expect search-cjk "CJK prefix finds 王秀英, aligned by width"

# F2 sets the country filter; an empty answer clears it.
ui_keys C-u
ui_type "jose"
ui_expect_text "both José again" "José Núñez"
ui_keys F2
ui_expect_text "F2 asks for a country" "country filter"
ui_keys C-u
ui_type "ES"
ui_keys Enter
ui_expect_text "the filter is shown" "country: ES"
ui_expect search-filter "only the Spanish José is left"
ui_keys F2 C-u Enter
ui_expect_text "an empty answer clears the filter" "country: any"

# Enter opens the selected result; Esc returns to the search, then to
# where the search was opened.
ui_keys Down Enter
ui_expect_text "Enter opens the result" "› José Núñez"
ui_expect_text "the contact's e-mail" "jose.nunez@example.org"
ui_keys Escape
ui_expect_text "Esc returns to the search" "Search: jose"
ui_keys Escape
ui_expect_text "Esc again returns to Brazil" "Designations:"
ui_keys q q
ui_expect_text "q q quits" "[globe exited 0]"

done_testing
