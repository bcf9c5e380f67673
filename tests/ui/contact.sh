#!/bin/sh
# tests/ui/contact.sh: the contact screen. A cursor shows the field
# selected; Enter on the authority opens it, Enter on the e-mail or a
# phone copies it (as y does) and says so; the authority's expertise and
# designations are on the contact's screen too. What reaches the
# clipboard is the value as the screen shows it: a hostile e-mail's CR,
# LF, ESC [201~ (the end of a bracketed paste) and U+202E never do. The
# contact's local time is shown while a sync runs in the background.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
cat >>"$T/source.jsonl" <<'EOS'
{"type":"contact","id":"c-evil","authority":"es-fcc","name":"Eve Paste","title":"Clerk","role":"case-officer","email":"eve@example.org\r\n\u001b[201~touch /tmp/pwned\u202e","phone":"+34 91 000\u001b[2J 0000"}
{"type":"contact","id":"c-zwj","authority":"es-fcc","name":"Eve Zwj","title":"Clerk","role":"case-officer","email":"eve\u200d@example.org"}
EOS
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet

clipboard() {
	$TM show-buffer 2>/dev/null
}

ui_start 80x24
ui_expect_text "the interface opens" "Countries"
ui_keys Enter j Enter
ui_expect_text "on Polícia Federal" "› Polícia Federal"
ui_keys Tab j Enter
ui_expect_text "on José Conceição" "› José Conceição"
ui_expect contact-fields "the cursor on the e-mail, expertise and designations shown"
check_contains "the authority's designations, as labels" "$(ui_capture)" \
    "Designations central authority for mutual legal assistance; GlobE focal point"

# Enter on the e-mail copies it and says what it copied.
ui_keys Enter
ui_expect_text "Enter on the e-mail says so" \
    "copied e-mail to clipboard: jose.conceicao@example.org"
check_eq "Enter put the e-mail on the clipboard" "$(clipboard)" \
    "jose.conceicao@example.org"
ui_keys Down
ui_expect_text "the cursor moved to the phone" "›Phone"
ui_keys Enter
ui_expect_text "Enter on the phone copies it" \
    "copied phone to clipboard: +55 61 2024 8001"
check_eq "the phone is on the clipboard" "$(clipboard)" "+55 61 2024 8001"

# Enter on the authority opens it.
ui_keys Up Up Up Up Up
ui_expect_text "the cursor on the authority" "›Authority"
ui_keys Enter
ui_expect_text "Enter on the authority opens it" \
    "José Conceição › Polícia Federal"
ui_expect_text "the authority's own screen" "Contacts (2)"
# There the country is a link too, and the website is copied.
ui_keys Up Up
ui_expect_text "the cursor on the website" "›Website"
ui_keys Enter
ui_expect_text "Enter on the website copies it" \
    "copied website to clipboard: https://www.gov.br/pf"
ui_keys Up Enter
ui_expect_text "Enter on the authority's country opens it" \
    "Polícia Federal › Brazil"
ui_keys Escape Escape Escape Escape Escape
ui_expect_text "back at the countries" "Type a country name"

# A hostile e-mail: what is copied is what the screen shows.
ui_keys End Enter Enter
ui_expect_text "on the Spanish authority" "› Fiscalía Contra la Corrupción"
ui_keys Tab Enter
ui_expect_text "on the hostile contact" "› Eve Paste"
ui_expect contact-hostile "the hostile e-mail shown with visible symbols"
ui_keys y
ui_expect_text "y says what it copied, sanitized" "copied eve@example.org"
buf=$(clipboard | od -An -c | tr -s ' \n' ' ')
echo "#   clipboard: $buf"
check_eq "y: the clipboard holds the text as shown" "$(clipboard)" \
    "eve@example.org ␛[201~touch /tmp/pwned"
check_eq "y: no CR, LF or ESC reached the clipboard" \
    "$(clipboard | tr -d -c '\r\n\033' | wc -c)" 0
check_not_contains "y: no U+202E reached the clipboard" "$(clipboard)" \
    "$(printf '\342\200\256')"
$TM delete-buffer 2>/dev/null
ui_keys Enter
ui_expect_text "Enter copies the same" "copied e-mail to clipboard: eve@"
check_eq "Enter: the clipboard holds the text as shown" "$(clipboard)" \
    "eve@example.org ␛[201~touch /tmp/pwned"
ui_keys Down Enter
ui_expect_text "the phone too" "copied phone to clipboard"
check_eq "Enter on a hostile phone: no ESC" "$(clipboard)" \
    "+34 91 000␛[2J 0000"
# A zero-width joiner in an address: shown, and copied as shown.
ui_keys Escape
ui_expect_text "back on the authority" "Eve Zwj"
ui_keys j Enter
ui_expect_text "on the contact with a ZWJ in its e-mail" "› Eve Zwj"
ui_expect_text "the ZWJ in the e-mail is shown" "eve<U+200D>@example.org"
$TM delete-buffer 2>/dev/null
ui_keys y
ui_expect_text "y copies it" "copied eve<U+200D>@"
check_eq "y: the clipboard holds the address as shown" "$(clipboard)" \
    "eve<U+200D>@example.org"
ui_keys q q q q q
ui_expect_text "quit" "[globe exited 0]"

# The local time while a sync runs. The sync thread opens the feed's
# index.json, here a FIFO that nobody writes yet, so it waits there, in
# the middle of the sync, for as long as the test takes; the contact
# screen meanwhile shows the contact's local time (it used to say "shown
# when the sync ends": reading a zone set TZ, which libcurl reads).
mv "$T/feed/index.json" "$T/index.json.real"
mkfifo "$T/feed/index.json"
ui_start 80x24
ui_expect_text "the interface opens again" "Countries"
ui_keys s
ui_expect_text "a sync starts and waits on the index" "syncing: fetching the index"
ui_keys Enter j Enter
ui_expect_text "on Polícia Federal, during the sync" "› Polícia Federal"
ui_keys Tab j Enter
ui_expect_text "on José Conceição, during the sync" "› José Conceição"
before=$(TZ=America/Sao_Paulo date +%H:%M)
screen=$($TM capture-pane -p -t ui)
after=$(TZ=America/Sao_Paulo date +%H:%M)
check_contains "the sync is still running" \
    "$(printf '%s\n' "$screen" | tail -n 1)" "syncing"
shown=$(printf '%s\n' "$screen" | sed -n 's/^.\{0,3\}Local time *\([0-9][0-9]:[0-9][0-9]\) local.*/\1/p')
echo "#   local time shown: '$shown' (São Paulo by date(1): $before .. $after)"
if [ -n "$shown" ] && { [ "$shown" = "$before" ] || [ "$shown" = "$after" ]; }; then
	pass "the local time is shown during the sync, São Paulo's"
else
	fail "the local time is shown during the sync, São Paulo's"
	printf '%s\n' "$screen" | sed 's/^/#   | /'
fi
check_not_contains "no \"when the sync ends\"" "$screen" "sync ends"
# Let the sync go on: it reads the index and finds nothing new.
cat "$T/index.json.real" >"$T/feed/index.json" &
writer=$!
ui_expect_text "the sync ends" "up to date" 30
wait "$writer"
rm -f "$T/feed/index.json"
mv "$T/index.json.real" "$T/feed/index.json"
ui_expect_text "the local time is still shown after it" "HH:MM local (masked)"
ui_keys q q q q q
ui_expect_text "quit after the sync" "[globe exited 0]"

done_testing
