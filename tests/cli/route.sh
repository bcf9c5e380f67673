#!/bin/sh
# tests/cli/route.sh: `globe route` and `globe measures` as an officer
# uses them: a country's measures with their counts (one not possible
# says why and what instead), a measure's routes ranked and shown as
# cards (local time, languages with their conditions, the checklist),
# only those that apply to the request (--urgent, --normal, --stage,
# --from, and `country =` in the config as the requesting State), the
# questions left that would change the answer, codes and names folded
# with the closest named when unknown (exit 2), a country or measure
# without routes offering the country's authorities (exit 1), JSON and
# CSV with the codes, their labels, the applicability and the local
# time; `show` of a route, an authority's routes, search.
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"
	done_testing
	exit 0
fi

"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
mkdir -p "$XDG_CONFIG_HOME/globe"
CONFIG="$XDG_CONFIG_HOME/globe/config"
printf 'feed = %s\npubkey = %s\n' "$T/feed" "$T/k.pub" >"$CONFIG"

cat >"$T/src.jsonl" <<'EOF'
{"type":"country","code":"BR","name":"Brazil","region":"Americas"}
{"type":"country","code":"PT","name":"Portugal","region":"Europe"}
{"type":"country","code":"ES","name":"Spain","region":"Europe"}
{"type":"country","code":"RO","name":"Romania","region":"Europe"}
{"type":"authority","id":"br-pf","country":"BR","name":"Polícia Federal","acronym":"PF","kind":"police","email":"pf@example.org","designations":["mla-central"]}
{"type":"authority","id":"br-mj","country":"BR","name":"Ministério da Justiça","acronym":"DRCI","kind":"ministry","email":"drci@example.org"}
{"type":"authority","id":"pt-pj","country":"PT","name":"Polícia Judiciária","acronym":"PJ","kind":"police","designations":["globe-focal-point"]}
{"type":"authority","id":"ro-pg","country":"RO","name":"Parchetul General","kind":"prosecution"}
{"type":"authority","id":"ro-mj","country":"RO","name":"Ministerul Justiției","kind":"ministry"}
{"type":"contact","id":"c-1","authority":"br-pf","name":"Ana Souza","role":"focal-point","email":"ana@example.org","languages":["pt","en"],"timezone":"America/Sao_Paulo","hours":"Mon-Fri 09:00-18:00"}
{"type":"route","id":"r-br-trace-1","country":"BR","measure":"asset-tracing","authority":"br-pf","contact":"c-1","channel":"direct","formality":"informal","urgency":"urgent","from_countries":["PT","ES"],"languages":["pt","en:urgent-only","es:reciprocity"],"requirements":["dual-criminality","translation"],"requirements_text":"Give the case number.","legal_basis":["uncac-46","bilateral-treaty"],"hours":"24/7","timezone":"America/Sao_Paulo","rank":"1","verified":"2026-10-01","source":"https://example.org/br","notes":"Duty officer first."}
{"type":"route","id":"r-br-trace-2","country":"BR","measure":"asset-tracing","authority":"br-mj","channel":"central-authority","formality":"formal","languages":["pt"],"requirements":["translation"],"legal_basis":["uncac-46"],"rank":"2"}
{"type":"route","id":"r-br-jit","country":"BR","measure":"joint-investigation","authority":"br-mj","not_possible":"no legal basis for joint teams","alternative":"informal-information"}
{"type":"route","id":"r-ro-mla-1","country":"RO","measure":"mla","authority":"ro-pg","stage":"investigation","formality":"formal"}
{"type":"route","id":"r-ro-mla-2","country":"RO","measure":"mla","authority":"ro-mj","stage":"trial","formality":"formal"}
EOF
"$PUBLISH" --source "$T/src.jsonl" --out "$T/feed" --sign "$T/k.key" \
    --feed-id route-test --quiet
check_exit "sync" 0 "$GLOBE" sync
check_contains "sync: routes counted" "$out" "routes +5 ~0 -0"

# --- a country's measures ---------------------------------------------------
check_exit "route BR: its measures" 0 "$GLOBE" route BR
check_contains "route BR: asset tracing and its count" "$out" \
    "Asset tracing             asset-tracing        2 routes"
check_contains "route BR: not possible, why and what instead" "$out" \
    "not possible: no legal basis for joint teams · instead: Informal information exchange"
check_exit "route brazil (a name, lower case)" 0 "$GLOBE" route brazil
check_contains "route brazil: the same measures" "$out" "asset-tracing"
check_exit "route Brasil: an unknown country" 2 "$GLOBE" route Brasil
check_contains "route Brasil: the closest named" "$err" "did you mean Brazil (BR)?"
check_exit "route BR --json" 0 "$GLOBE" route BR --json
ok "route BR --json: codes, labels, counts, why not" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d[0] == {"measure": "asset-tracing", "label": "Asset tracing",
    "routes": 2}, d[0]
assert d[1]["measure"] == "joint-investigation" and d[1]["routes"] == 0
assert d[1]["not_possible"] == "no legal basis for joint teams"
assert d[1]["alternative"] == "informal-information"
assert d[1]["alternative_label"] == "Informal information exchange"
' "$T/out"
check_exit "route BR --csv" 0 "$GLOBE" route BR --csv
check_contains "route BR --csv: header" "$out" \
    "measure,label,routes,not_possible,alternative,alternative_label"
check_exit "route PT: a country without routes" 1 "$GLOBE" route PT
check_contains "route PT: says so" "$out" "Portugal has no routes in the directory."
check_contains "route PT: its designations" "$out" \
    "Designations: GlobE focal point"
check_contains "route PT: its authorities" "$out" "pt-pj"
check_exit "route PT --json: an empty list" 1 "$GLOBE" route PT --json
check_eq "route PT --json: []" "$out" "[]"
check_contains "route PT --json: stderr says where to look" "$err" \
    "globe members PT"

# --- a measure's routes -----------------------------------------------------
check_exit "route BR asset-tracing" 0 "$GLOBE" route BR asset-tracing
check_contains "the breadcrumb" "$out" "Brazil › Asset tracing"
check_contains "informal first" "$(printf '%s\n' "$out" | grep '^Route 1')" \
    "informal · direct"
check_contains "then formal" "$(printf '%s\n' "$out" | grep '^Route 2')" \
    "formal · central authority"
check_contains "the authority" "$out" "Authority     Polícia Federal (PF)"
check_contains "where it answers: 24/7" "$out" " local, 24/7"
check_contains "the contact" "$out" "Contact       Ana Souza, focal point"
check_contains "the contact's languages" "$out" "Speaks        Portuguese, English"
check_contains "languages with their conditions" "$out" \
    "Languages     Portuguese; English only if urgent; Spanish on reciprocity"
check_contains "the checklist" "$out" "Requirements  [ ] dual criminality"
check_contains "the checklist's text" "$out" "              Give the case number."
check_contains "the legal basis" "$out" \
    "Legal basis   UNCAC article 46 (mutual legal assistance); bilateral treaty"
check_contains "the States by name" "$out" \
    "Applies to    urgent requests only; requests from Portugal, Spain only"
check_contains "what would change the answer" "$err" \
    "the routes differ by urgency (--urgent or --normal); the requesting State (--from CC)"
check_exit "route BR 'ASSET TRACING' (a label, any case)" 0 \
    "$GLOBE" route BR 'ASSET TRACING'
check_exit "route BR asset_tracing" 0 "$GLOBE" route BR asset_tracing
check_exit "route BR '  Asset   tracing ' (spaces as typed or pasted)" 0 \
    "$GLOBE" route BR '  Asset   tracing '
check_contains "spaces as typed: the same measure" "$out" "Brazil › Asset tracing"
check_exit "route ' brazil ' asset--tracing" 0 "$GLOBE" route ' brazil ' asset--tracing
check_exit "route BR 'bank recrods': unknown" 2 "$GLOBE" route BR 'bank recrods'
check_contains "route BR 'bank recrods': the closest named" "$err" \
    "no such measure 'bank recrods'; did you mean Bank records (bank-records)?"
check_exit "route BR extradition: Brazil has none" 1 "$GLOBE" route BR extradition
check_contains "route BR extradition: says so" "$out" \
    "Brazil has no route for Extradition in the directory."
check_contains "route BR extradition: offers its authorities" "$out" "br-pf"

# The request: only the routes that apply.
check_exit "--urgent --from PT" 0 "$GLOBE" route BR asset-tracing --urgent --from PT
check_contains "--urgent --from PT: the breadcrumb" "$out" \
    "Brazil › Asset tracing › urgent › from Portugal"
check_contains "--urgent --from PT: both routes" "$out" "Route 2"
check_eq "--urgent --from PT: no question left" "$err" ""
check_exit "--normal" 0 "$GLOBE" route BR asset-tracing --normal
check_not_contains "--normal: not the urgent-only route" "$out" "r-br-trace-1"
check_contains "--normal: the other" "$out" "r-br-trace-2"
check_contains "--normal: one left out" "$err" \
    "1 more route does not apply to this request"
check_exit "--urgent --from Romania (a name)" 0 "$GLOBE" route BR \
    asset-tracing --urgent --from Romania
check_not_contains "--from Romania: not the Iberian route" "$out" "r-br-trace-1"
check_exit "--urgent --normal" 2 "$GLOBE" route BR asset-tracing --urgent --normal
check_contains "--urgent --normal: says so" "$err" "choose one of --urgent and --normal"
check_exit "--stage trail: unknown" 2 "$GLOBE" route RO mla --stage trail
check_contains "--stage trail: the closest" "$err" "did you mean trial?"
check_exit "RO mla --stage trial" 0 "$GLOBE" route RO mla --stage trial
check_contains "RO mla --stage trial: the trial route" "$out" "r-ro-mla-2"
check_not_contains "RO mla --stage trial: not the investigation one" "$out" \
    "r-ro-mla-1"
check_exit "RO mla: the stage matters" 0 "$GLOBE" route RO mla
check_contains "RO mla: says the stage would narrow it" "$err" \
    "the stage (--stage STAGE)"
check_exit "BR joint-investigation: not possible" 0 "$GLOBE" route BR \
    joint-investigation
check_contains "not possible: why" "$out" "Not possible  no legal basis for joint teams"
check_contains "not possible: what instead" "$out" \
    "Instead       Informal information exchange"

# country = in the config is the requesting State.
printf 'feed = %s\npubkey = %s\ncountry = es\n' "$T/feed" "$T/k.pub" >"$CONFIG"
check_exit "country = es: urgent" 0 "$GLOBE" route BR asset-tracing --urgent
check_contains "country = es: the requesting State" "$out" "› from Spain"
check_contains "country = es: the Iberian route applies" "$out" "r-br-trace-1"
check_exit "--from overrides the config" 0 "$GLOBE" route BR asset-tracing \
    --urgent --from RO
check_not_contains "--from RO: not the Iberian route" "$out" "r-br-trace-1"
printf 'feed = %s\npubkey = %s\ncountry = Spain\n' "$T/feed" "$T/k.pub" >"$CONFIG"
check_exit "country = Spain: refused" 2 "$GLOBE" route BR
check_contains "country = Spain: names the line" "$err" \
    "config:3: country must be a two-letter ISO 3166 code such as FR, not 'Spain'"
printf 'feed = %s\npubkey = %s\n' "$T/feed" "$T/k.pub" >"$CONFIG"

# JSON and CSV: the codes, their labels, the applicability, the clock.
check_exit "--json" 0 "$GLOBE" route BR asset-tracing --normal --json
ok "--json: codes, labels, applies, local time" python3 -c '
import json, re, sys
d = json.load(open(sys.argv[1]))
assert [r["id"] for r in d] == ["r-br-trace-1", "r-br-trace-2"], d
a = d[0]
assert a["measure"] == "asset-tracing" and a["measure_label"] == "Asset tracing"
assert a["languages"] == ["pt", "en:urgent-only", "es:reciprocity"]
assert a["language_labels"] == ["Portuguese", "English only if urgent",
    "Spanish on reciprocity"]
assert a["requirement_labels"] == ["dual criminality",
    "translation into an accepted language"]
assert a["applies"] is False and d[1]["applies"] is True
assert a["applies_to"] == "urgent requests only; requests from Portugal, Spain only"
assert re.match(r"^[0-2][0-9]:[0-5][0-9]$", a["local_time"]), a["local_time"]
assert a["answering_now"] is True
assert re.match(r"^[0-2][0-9]:[0-5][0-9]$", a["contact_local_time"])
assert a["contact_answering_now"] in (True, False)
assert a["contact_name"] == "Ana Souza" and a["authority_acronym"] == "PF"
assert "local_time" not in d[1] and "contact_local_time" not in d[1]
' "$T/out"
check_exit "--csv" 0 "$GLOBE" route BR asset-tracing --csv
check_contains "--csv: the labels and the applicability in the header" \
    "$(printf '%s\n' "$out" | head -n 1)" "measure_label"
check_contains "--csv: lists joined" "$out" "pt; en:urgent-only; es:reciprocity"

# --- measures, show, an authority's routes, search --------------------------
check_exit "measures" 0 "$GLOBE" measures
check_contains "measures: a label" "$out" "Search and seizure"
check_contains "measures: the routes held" "$out" \
    "Asset tracing                                 asset-tracing            2 routes"
check_exit "measures --json" 0 "$GLOBE" measures --json
check_contains "measures --json: a code" "$out" '"measure": "witness-statement"'
check_exit "show a route" 0 "$GLOBE" show r-br-trace-1
check_contains "show a route: its card" "$out" "Contact       Ana Souza, focal point"
check_exit "show a route --json" 0 "$GLOBE" show r-br-jit --json
check_contains "show a route --json: its type" "$out" '"type": "route"'
check_exit "authority br-mj: the routes it serves" 0 "$GLOBE" authority br-mj
check_contains "authority br-mj: asset tracing" "$out" "r-br-trace-2"
check_contains "authority br-mj: joint investigation" "$out" "r-br-jit"
check_exit "search asset tracing brazil" 0 "$GLOBE" search asset tracing brazil
check_contains "search: the routes" "$out" "r-br-trace-1"
check_exit "route --help" 0 "$GLOBE" route --help
check_contains "route --help: --from" "$out" "--from CC"
check_exit "--help lists route and measures" 0 "$GLOBE" --help
check_contains "--help: route" "$out" "  route "
check_contains "--help: measures" "$out" "  measures "

done_testing
