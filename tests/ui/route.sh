#!/bin/sh
# tests/ui/route.sh: who handles a request, w from anywhere. The
# countries with their routes (the officer's own State said as the
# requesting one, the country of the screen w was pressed on selected),
# a country's measures (one not possible dim, with why and what
# instead; typing a name goes to it; Enter on it opens the other), only
# the questions that change the answer (the own State proposed), the
# cards ranked with a breadcrumb that says the request; Enter opens the
# authority or the contact, y copies the e-mail, v saves the vCard, Esc
# takes back an answer; a country or a measure without routes shows
# the country's authorities and their designations. Hostile notes and
# requirements move no line. At 80x24 and at 40x12.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
cat >>"$T/source.jsonl" <<'EOS'
{"type":"country","code":"PT","name":"Portugal","region":"Europe"}
{"type":"route","id":"r-br-trace-1","country":"BR","measure":"asset-tracing","authority":"br-pf","contact":"c-1","channel":"direct","formality":"informal","urgency":"urgent","languages":["pt","en:urgent-only","es:reciprocity"],"requirements":["dual-criminality","translation"],"requirements_text":"Cite the case number.","legal_basis":["uncac-46"],"hours":"24/7","timezone":"America/Sao_Paulo","rank":"1","verified":"2099-01-01","source":"https://example.org/r1","notes":"Call the duty officer first."}
{"type":"route","id":"r-br-trace-2","country":"BR","measure":"asset-tracing","authority":"br-mpf","channel":"central-authority","formality":"formal","urgency":"normal","languages":["pt"],"requirements":["translation"],"legal_basis":["bilateral-treaty"],"verified":"2099-01-01"}
{"type":"route","id":"r-br-jit","country":"BR","measure":"joint-investigation","authority":"br-mpf","not_possible":"no joint teams in Brazilian law","alternative":"asset-tracing"}
{"type":"route","id":"r-es-mla","country":"ES","measure":"mla","authority":"es-fcc","contact":"c-5","formality":"formal","from_countries":["BR"],"languages":["es"],"requirements":["translation"],"requirements_text":"Text\r\u001b[Hover\u0007\u202eZ","notes":"Evil\r\n\u001b[2J\u001b[31mRED\u202eX","verified":"2099-01-01"}
{"type":"route","id":"r-es-mla-2","country":"ES","measure":"mla","authority":"es-fcc","formality":"formal","verified":"2099-01-01"}
{"type":"route","id":"r-es-jit","country":"ES","measure":"joint-investigation","authority":"es-fcc","not_possible":"not in Spanish law","alternative":"extradition"}
EOS
ui_feed "$T/source.jsonl"
printf 'country = br\n' >>"$XDG_CONFIG_HOME/globe/config"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet

clipboard() {
	$TM show-buffer 2>/dev/null
}

ui_start 80x24
ui_expect_text "the interface opens" "Countries"
ui_keys w
ui_expect_text "w opens the routes" "Who handles a request?"
ui_expect route-countries "the countries with their routes, the own State said"
ui_type br
ui_keys Enter
ui_expect_text "Brazil's measures" "2 measures, 2 routes"
ui_expect route-measures "the measures, one not possible dim with why and instead"
# The screen files hold text only: the attributes come from tmux itself.
esc=$(printf '\033')
check_contains "the measure that cannot be had is drawn dim" \
    "$($TM capture-pane -e -p -t ui | grep 'Joint investigation team')" "$esc[2m"
check_not_contains "the one that can be had is not" \
    "$($TM capture-pane -e -p -t ui | grep 'Asset tracing  ')" "$esc[2m"
ui_type tr
ui_expect_text "typing goes to a measure" "Find: tr"
ui_keys Enter
ui_expect_text "a question that changes the answer" "Is the request urgent?"
ui_expect route-question "urgency asked: the routes differ by it"
ui_keys Enter
ui_expect_text "the breadcrumb says the request" "Brazil › Asset tracing › urgent"
ui_expect route-card "the card of the route that applies"
check_not_contains "only the route that applies" "$(ui_capture)" "Route 2"
ui_keys y
ui_expect_text "y copies the e-mail" "copied jose.conceicao@example.org"
check_eq "the e-mail is on the clipboard" "$(clipboard)" \
    "jose.conceicao@example.org"
ui_keys v
ui_expect_text "v saves the contact's vCard" "save vCard to: c-1.vcf"
ui_keys Enter
ui_expect_text "the vCard is written" "vCard written to c-1.vcf"
check_contains "the vCard is the contact's" "$(cat "$T/c-1.vcf")" \
    "FN:José Conceição"
# Enter on the authority opens it, and it lists the routes it serves.
ui_keys Up Up Up Up Up
ui_expect_text "the cursor on the authority" "›Authority"
ui_keys Enter
ui_expect_text "the authority's screen" "Contacts (2)"
ui_expect_text "it lists the routes it serves" \
    "Routes       Asset tracing: informal · direct · urgent requests only"
ui_keys Escape
ui_expect_text "back on the card" "Brazil › Asset tracing › urgent"
# Esc takes back the answer, then leaves.
ui_keys Escape
ui_expect_text "Esc takes the answer back" "Is the request urgent?"
ui_keys Down Enter
ui_expect_text "not urgent: the other route" "Route 1: formal · central authority"
ui_keys Escape Escape
ui_expect_text "and then leaves" "2 measures, 2 routes"
# Enter on a measure that is not possible opens the one to ask instead.
ui_keys End Enter
ui_expect_text "not possible: its alternative opens" "Is the request urgent?"
ui_keys Escape Escape

# A requesting State: asked when the routes differ by it, own proposed.
ui_expect_text "back at the countries of the routes" "Who handles a request?"
ui_type Spa
ui_keys Enter
ui_expect_text "Spain's measures" "2 measures, 2 routes"
ui_keys End Enter
ui_expect_text "the requesting State is asked" "Which State is asking?"
ui_expect route-from "the own State proposed"
ui_keys Enter
ui_expect_text "from Brazil" "› from Brazil"
ui_expect route-hostile "hostile notes and requirements: sanitized, no line moved"
check_not_contains "no ESC reached the screen" "$(ui_capture)" \
    "$(printf '\033')"
# n on a route's card: the officer's note on that route (issue 18).
ui_keys n
ui_expect_text "n on the card asks for a note on the route" "your note on"
ui_type "ask for Ines"
ui_keys Enter
ui_expect_text "the note is on the card" "ask for Ines"
check_eq "the note is the route's" "$("$GLOBE" note r-es-mla 2>/dev/null)" \
    "ask for Ines"
"$GLOBE" note r-es-mla --clear >/dev/null
# A measure that is not possible and whose alternative Spain lacks.
ui_keys Escape Escape Home Enter
ui_expect_text "a measure without routes says so" \
    "Spain has no route for Extradition in the directory."
ui_expect route-none-measure "and offers the country's authorities"
ui_keys Escape Escape
# A country without routes.
ui_expect_text "back at the countries of the routes" "Who handles a request?"
ui_type Chi
ui_keys Enter
ui_expect_text "a country without routes says so" \
    "China has no routes in the directory."
ui_expect route-none "its authorities and their designations"
ui_keys Enter
ui_expect_text "an authority opens from there" "Contacts (1)"

# w from a country's screen selects that country; ? lists w.
ui_keys 1
ui_expect_text "back at the countries" "Type a country name"
ui_keys End Enter
ui_expect_text "on Spain" "Countries › Spain"
ui_keys w
ui_expect_text "w from Spain" "Who handles a request?"
ui_keys Enter
ui_expect_text "Spain was selected" "Routes › Spain"
ui_keys '?'
ui_expect_text "the help lists w" "who handles a request"

# 40x12: the whole flow again.
ui_start 40x12
ui_expect_text "the interface opens at 40x12" "Countries"
ui_keys w
ui_expect_text "w at 40x12" "Country"
ui_expect route-narrow-countries "the countries of the routes at 40x12"
ui_type br
ui_keys Enter
ui_expect route-narrow-measures "the measures at 40x12"
ui_type tr
ui_keys Enter
ui_expect_text "the question at 40x12" "Is the request urgent?"
ui_keys Enter
ui_expect route-narrow-card "the card at 40x12"
ui_keys y
ui_expect_text "y copies the e-mail at 40x12" "copied jose.conceicao"
ui_keys Escape Escape Escape
ui_type Spa
ui_keys Enter End Enter Enter
ui_expect_text "the hostile card at 40x12" "Mutual legal"
ui_expect route-narrow-hostile "hostile text at 40x12: no line moved"
# Below the fold: the notes and the requirements, hostile too. Down moves
# the field cursor, and the card scrolls with it.
i=0
while [ $i -lt 20 ] && ! ui_capture | grep -q "Notes"; do
	ui_keys Down
	ui_settle
	i=$((i + 1))
done
ui_expect_text "Down brings the notes into view at 40x12" "Notes"
ui_expect route-narrow-hostile-end "the hostile notes at 40x12: no line moved"
check_not_contains "no ESC reached the screen at 40x12" "$(ui_capture)" "$esc"

# The bundled demo: "asset tracing in Brazil, urgent" from the start
# screen in under ten keystrokes, each one sent and counted.
if [ -f "$builddir/data/demo-feed/index.json" ]; then
	ui_start 80x24 --demo
	ui_expect_text "the demo opens" "Argentina"
	keys=0
	for k in w b r Enter t r Enter Enter; do
		ui_keys "$k"
		keys=$((keys + 1))
		sleep 0.2
	done
	ui_expect_text "the demo answers asset tracing in Brazil, urgent" \
	    "Countries › Routes › Brazil › Asset tracing › urgent"
	check_contains "its route: informal, direct, urgent only" \
	    "$(ui_capture)" "Route 1: informal · direct · urgent requests only"
	check_contains "with the languages and their conditions" \
	    "$(ui_capture)" "Portuguese; English only if urgent; Spanish on reciprocity"
	check_contains "the e-mail selected for y" "$(ui_capture)" "›E-mail"
	if [ "$keys" -lt 10 ]; then pass "in $keys keystrokes (under ten)"
	else fail "in $keys keystrokes (under ten)"; fi
	# One measure with one route: both counts in the singular.
	ui_keys Escape Escape Escape
	ui_expect_text "back at the countries of the routes" \
	    "Who handles a request?"
	ui_type Argen
	ui_keys Enter
	ui_expect_text "Argentina: one measure, one route" "1 measure, 1 route"
	check_not_contains "not \"1 routes\"" "$(ui_capture)" "1 routes"
	# q goes back screen by screen, then quits cleanly (a leak would
	# change the exit status under the sanitizers).
	ui_keys q q q q q
	ui_expect_text "q quits from the card, screen by screen" \
	    "[globe exited 0]"
else
	fail "the bundled demo feed was not built"
fi

done_testing
