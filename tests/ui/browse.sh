#!/bin/sh
# tests/ui/browse.sh: browse countries → country → authority → contact and
# back, the country filter, star, copy (OSC 52 into tmux's buffer) and
# vCard, on the real globe in tmux at 80x24.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet

ui_start 80x24
ui_expect_text "the interface opens on the countries" "Countries"
ui_expect browse-countries "countries with counts, data as of, offline"

ui_keys Enter
ui_expect_text "Enter opens Brazil" "Countries › Brazil"
ui_expect browse-country "Brazil: summary and its authorities"

ui_keys j Enter
ui_expect_text "Enter opens Polícia Federal" "› Polícia Federal"
ui_expect browse-authority "every field of the authority and its contacts"

ui_keys Tab Enter
ui_expect_text "Tab then Enter opens the first contact" "› Ana Souza"
ui_keys Escape j Enter
ui_expect_text "the second contact" "› José Conceição"
ui_expect browse-contact "every field, local time, stale marker"

# y copies the focused value (the e-mail) with OSC 52; tmux keeps it.
ui_keys y
ui_expect_text "y says what it copied" "copied jose.conceicao@example.org"
check_eq "OSC 52 reached the terminal's clipboard" \
    "$($TM show-buffer 2>/dev/null)" "jose.conceicao@example.org"

# * stars; the starred screen lists it.
ui_keys '*'
ui_expect_text "* stars the contact" "starred c-1"

# v asks for a path with a default and writes the vCard there.
ui_keys v
ui_expect_text "v asks where to save" "save vCard to: c-1.vcf"
ui_keys Enter
ui_expect_text "v says where it wrote" "vCard written to c-1.vcf"
check_contains "the vCard file holds the contact" \
    "$(cat "$T/c-1.vcf" 2>/dev/null)" "FN:José Conceição"

ui_keys Escape Escape Escape
ui_expect_text "Esc goes back to the top" "Type a country name"
ui_expect browse-countries "back at the countries, the same screen"

ui_keys 3
ui_expect_text "3 shows the starred" "Contacts (1)"
ui_expect browse-starred "the starred contact"
ui_keys Escape

# Typing filters the countries at once; Esc clears the filter.
ui_keys E g
ui_expect_text "typing filters" "Filter: Eg"
ui_expect browse-filter "only Egypt is left"
ui_keys Escape
ui_expect_text "Esc clears the filter" "Type a country name"

# A name that starts with a bound letter (s syncs) is typed after f,
# the filter key; then every letter goes to the filter.
ui_keys f s p a
ui_expect_text "f then lower-case letters filter" "Filter: spa"
ui_expect_text "Spain is found" "Spain"
ui_keys Escape
ui_expect_text "Esc clears it again" "Type a country name"

# The mouse: a click selects, a double click opens, the wheel scrolls.
# Line 4 is the first country (line 1 the title, 2 the hint, 3 the
# column titles).
ui_mouse 0 5 5
ui_keys Enter
ui_expect_text "a click selects the second country" "Countries › China"
ui_keys Escape
ui_mouse 0 5 6 2
ui_expect_text "a double click opens the third" "Countries › Egypt"
ui_keys Escape
ui_keys Home
ui_mouse 65 5 5
ui_keys Enter
ui_expect_text "the wheel moves the selection three lines down" \
    "Countries › Spain"
ui_keys Escape

ui_keys '?'
ui_expect_text "? shows the help from the key table" "star or unstar the selection (star)"
ui_keys q
ui_expect_text "q goes back from help" "Type a country name"
ui_keys q
ui_expect_text "q quits from the top" "[globe exited 0]"

# NO_COLOR: attributes (reverse, bold) but no colour (30-38, 40-48; 39/49
# are tmux's resets to the default colours).
UI_ENV=NO_COLOR=1 ui_start 80x24
ui_expect_text "NO_COLOR: the interface opens" "Countries"
ui_keys /
ui_type jose
ui_expect_text "NO_COLOR: search results" "José Núñez"
colours=$($TM capture-pane -e -p -t ui | grep -c "$(printf '\033')\[[0-9;]*[34][0-8]m")
check_eq "NO_COLOR: no colour escape sequences on the screen" "$colours" 0
check_contains "NO_COLOR: the cursor line is still shown (reverse)" \
    "$($TM capture-pane -e -p -t ui)" "$(printf '\033')[7m"
ui_keys Escape q

done_testing
