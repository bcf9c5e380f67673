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
# Two hundred officers of one authority: many screens, so the search
# loads them as it scrolls.
awk 'BEGIN { for (i = 1; i <= 200; i++)
	printf "{\"type\":\"contact\",\"id\":\"au-%03d\",\"authority\":\"au-afp\",\"name\":\"Officer %03d Tester\",\"title\":\"Investigator\",\"email\":\"o%03d@example.org\"}\n", i, i, i }' \
    >>"$T/source.jsonl"
# And 1,001 clerks: more than the search counts on each keystroke.
awk 'BEGIN { for (i = 1; i <= 1001; i++)
	printf "{\"type\":\"contact\",\"id\":\"gb-%04d\",\"authority\":\"gb-sfo\",\"name\":\"Clerk %04d\",\"title\":\"Clerk\"}\n", i, i }' \
    >>"$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet
conf="$XDG_CONFIG_HOME/globe/config"

# The breadcrumb: the title line without the position at its right.
ui_trail() {
	ui_capture | head -n 1 | sed 's/  *[-0-9,]*\/[0-9,]*+*$//'
}

# ---- 1. a bound key acts on the countries screen too -----------------

# The next serial adds Kenya; s on the countries syncs it (the file feed
# configured above), it does not start a filter.
cp "$T/source.jsonl" "$T/next.jsonl"
echo '{"type":"country","code":"KE","name":"Kenya","region":"Africa"}' \
    >>"$T/next.jsonl"
ui_feed "$T/next.jsonl"
sed "s|^feed = .*|feed = file://$T/feed|" "$conf" >"$conf.new" &&
    mv "$conf.new" "$conf"
check_contains "the feed is a file:// URL" "$(cat "$conf")" "feed = file:///"
printf 'bind = x help\n' >>"$conf"

ui_start 80x24
ui_expect_text "the interface opens on the countries" "Countries"
ui_expect_text "the hint line says which key filters" \
    "Type a country name after f to filter"
ui_keys s
ui_expect_text "s on the countries syncs (the status line says so)" \
    "countries +1 ~0 -0"
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

# ---- 3. End goes to the real last entry ------------------------------

# The search loads a screenful per keystroke and more as you scroll; End
# (and G where keys are not text) go to the last of all 200, not of
# those loaded so far. In the search the query has the focus: End and
# Home move in it first, and go to the last or first result when there
# is nothing left to do there (End with the cursor at the query's end).
ui_keys /
ui_type tester
ui_expect_text "the search finds the officers" "Officer 001 Tester"
ui_keys End
ui_expect_text "End shows the last officer" "Officer 200 Tester"
ui_expect nav-search-end "End: the last of the 200 results at the bottom"
ui_keys Home
ui_settle
check_eq "Home first moves the query's cursor to its start" \
    "$($TM display-message -p -t ui '#{cursor_x} #{cursor_y}')" "8 1"
check_contains "  and stays on the last result" "$(ui_capture)" \
    "Officer 200 Tester"
ui_keys Home
ui_expect_text "Home again goes back to the first" "Officer 001 Tester"
ui_keys Escape
# An authority's 200 contacts: G goes to the last one there.
ui_keys f a u Enter Enter
ui_expect_text "the AFP opens" "Australian Federal Police"
ui_keys Tab G Enter
ui_expect_text "G then Enter opens the authority's last contact" \
    "› Officer 200 Tester"
ui_keys Escape Escape Escape
ui_expect_text "back at the countries" "Type a country name after f"

# ---- 4. every list shows the cursor's place and the count ------------

# At the right of the title line, one helper for every list: the search
# (a "+" while more load as you scroll), a country's authorities, an
# authority's contacts ("-" while the cursor is on its fields), the
# newsletters, the starred entries.
ui_keys /
ui_type tester
ui_expect_text "the search shows where the cursor is and the count" "1/200"
ui_keys Down Down
ui_expect nav-pos-search "the search: 3/200, counted beyond the rows loaded"
ui_keys End
ui_expect_text "End: the real count" "200/200"
# Past 1,000 matches the count says so ("+"); End loads them all.
ui_keys C-u
ui_type clerk
ui_expect_text "1,001 clerks: counted up to 1,000" "1/1,000+"
ui_keys End
ui_expect_text "End: the last clerk, the exact count" "1,001/1,001"
ui_expect_text "the last clerk is shown" "Clerk 1001"
ui_keys Escape
ui_expect_text "the countries: 1/10" "1/10"
ui_keys f a u Enter
ui_expect_text "Australia: one authority" "1/1"
ui_keys Enter
ui_expect_text "the AFP: on its fields, 200 contacts" "-/200"
ui_keys Tab j j
ui_expect nav-pos-authority "the AFP's contacts: 3/200"
ui_keys Escape Escape 2
ui_expect_text "the newsletters: 1/2" "1/2"
ui_keys f
ui_expect_text "f elsewhere says where filtering is" \
    "only the countries screen has a filter"
ui_keys Escape 3
ui_expect_text "nothing starred: 0/0" "0/0"
ui_keys Escape

# ---- 5. the search's filter prompts know the directory's values -----

# F2 proposes the selected result's country; the first key typed
# replaces it, and the countries that match are listed.
ui_keys /
ui_type jose
ui_expect_text "the search finds both José" "José Núñez"
ui_keys F2
ui_expect_text "F2 proposes the result's country" \
    "country filter (code or name): BR  (typing replaces it; Tab completes)"
ui_keys E
ui_expect_text "E replaces the proposal" "country filter (code or name): E "
ui_expect nav-prompt-matches "the countries matching E are listed"
ui_keys s Enter
ui_expect_text "Es (a code) is accepted" "country: ES"
ui_expect_text "only the Spanish José is left" "1/1"

# A value the directory does not hold is refused, the prompt stays.
ui_keys F2
ui_type MXBR
ui_keys Enter
ui_expect_text "MXBR is refused with a message" \
    "unknown country 'MXBR' (Tab completes)"
ui_expect nav-prompt-refused "the refusal, the prompt still open"
check_contains "the filter is unchanged" "$(ui_capture)" "country: ES"

# A name works too, and Tab completes it: "bra" Tab is Brazil.
ui_keys C-u
ui_type bra
ui_keys Tab
ui_expect_text "Tab completes bra to Brazil" \
    "country filter (code or name): Brazil"
ui_keys Enter
ui_expect_text "the name gives its code" "country: BR"
ui_keys F2 C-u
ui_type "united kingdom"
ui_keys Enter
ui_expect_text "a full name, any case, is accepted" "country: GB"
ui_keys F2 C-u Enter
ui_expect_text "an empty answer clears the filter" "country: any"

# Expertise and languages complete from what the authorities hold.
ui_keys F3
ui_type asset
ui_keys Tab Enter
ui_expect_text "F3: asset Tab is asset-recovery" "expertise: asset-recovery"
ui_keys F4
ui_type xx
ui_keys Enter
ui_expect_text "F4: an unknown language is refused" \
    "unknown language 'xx' (Tab completes)"
ui_keys C-u
ui_type u
ui_expect_text "u lists the languages starting with it" "language filter: u  uk"
ui_keys Escape
ui_expect_text "Esc leaves the filter as it was" "language: any"
ui_keys F3 C-u Enter Escape

# ---- 6. top-level screens are not stacked twice -----------------------

# 2 Enter n Enter: the second 2/n goes back to the newsletters already
# open, it does not stack a second list and reader.
ui_keys 2
ui_expect_text "2 opens the newsletters" "Countries › Newsletters"
ui_keys Enter
ui_expect_text "Enter opens an issue" "Countries › Newsletters › 2024/1"
# (In the reader n is "next unread", as in newsboat; 2 is the screen.)
ui_keys 2
ui_expect_text "2 goes back to the newsletters" "Beijing 2024"
ui_keys Enter
ui_expect_text "and Enter opens the issue again" "Newsletters › 2024/1"
ui_expect nav-news-once "Countries › Newsletters › 2024/1, each once"
ui_keys Escape Escape
ui_expect_text "two Esc: back at the countries" "Type a country name after f"

# / from a contact found by search goes back to that search, query kept.
ui_keys /
ui_type jose
ui_expect_text "the search finds José" "José Núñez"
ui_keys Enter
ui_expect_text "Enter opens the contact" "Countries › Search › José"
ui_keys /
ui_expect_text "/ goes back to the search, the query kept" "Search: jose"
check_not_contains "the search is not stacked twice" \
    "$(ui_capture | head -n 1)" "Search › José Conceição › Search"
check_eq "the trail is Countries › Search" "$(ui_trail)" " Countries › Search"
ui_keys Escape
ui_expect_text "Esc goes back to the countries" "Type a country name after f"
check_eq "the trail is Countries" "$(ui_trail)" " Countries"
ui_keys q
ui_expect_text "q quits" "[globe exited 0]"

# A long trail is cut on the left and the demo badge stays (bundled demo,
# 44 columns: Countries › Brazil › Polícia Federal › a contact; the
# trail without its oldest parts would fit, but not with the badge).
if [ -f "$builddir/data/demo-feed/index.json" ]; then
	ui_start 44x12 --demo
	ui_expect_text "the demo opens" "Argentina"
	ui_keys f b r a Enter
	ui_expect_text "Brazil opens" "Countries › Brazil"
	ui_keys End Enter
	ui_expect_text "its last authority opens" "Polícia Federal"
	ui_keys Tab Enter
	ui_expect_text "a contact opens" "Authority Polícia Federal"
	title=$(ui_capture | head -n 1)
	check_contains "the trail is cut on the left" "$title" " … › "
	check_contains "the demo badge is still shown" "$title" "demo"
	check_not_contains "the oldest parts gave way" "$title" "Countries"
	ui_keys q q q q
else
	fail "the bundled demo feed was not built"
fi

# ---- 7. mouse = no leaves the mouse to the terminal -------------------

# By default globe asks the terminal for mouse reports (tmux's pane
# flags say so) and a click selects; with mouse = no it asks for none, so
# the terminal's own selection works, and a click does nothing.
ui_start 80x24
ui_expect_text "the interface opens" "Type a country name after f"
check_eq "by default the terminal reports the mouse to globe" \
    "$($TM display-message -p -t ui '#{mouse_any_flag}#{mouse_standard_flag}')" \
    "11"
ui_keys q
cp "$conf" "$T/conf.keep"
printf 'mouse = no\n' >>"$conf"
ui_start 80x24
ui_expect_text "mouse = no: the interface opens" "Type a country name after f"
check_eq "mouse = no: the terminal keeps the mouse (no reporting asked)" \
    "$($TM display-message -p -t ui '#{mouse_any_flag}#{mouse_standard_flag}')" \
    "00"
ui_keys '?' End
ui_expect_text "help says how the mouse works" "mouse = no"
ui_expect nav-help-mouse "the help screen's notes: filter, screens, mouse"
ui_keys q q
ui_expect_text "q quits" "[globe exited 0]"
printf 'mouse = perhaps\n' >>"$conf"
check_exit "a mouse value that is not yes or no is refused" 2 \
    "$GLOBE" countries
check_contains "the error names the key" "$err" "mouse"
cp "$T/conf.keep" "$conf"

# The filter key can be rebound like any other.
printf 'bind = F6 filter\nbind = f none\n' >>"$conf"
ui_start 80x24
ui_expect_text "rebound: the hint names the new key" \
    "Type a country name after F6 to filter"
ui_keys F6 e g F6
ui_expect_text "F6 opens the filter" "Filter: eg"
check_not_contains "F6 again keeps filtering" "$(ui_capture)" \
    "only the countries screen has a filter"
ui_keys Escape q
ui_expect_text "q quits after the rebound filter" "[globe exited 0]"

done_testing
