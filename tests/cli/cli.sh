#!/bin/sh
# tests/cli/cli.sh: the globe command line as a user and a script see it,
# on a small feed published and signed here and on the bundled demo:
# every command, every output format, search input that looks like FTS
# syntax, hostile strings that must never reach a terminal raw, wide
# characters aligned, usage errors, exit codes and --help.
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"
	done_testing
	exit 0
fi

# Checks that a file has no raw ESC, BEL, bidi override, C1 CSI, and no CR
# except in CRLF line ends.
clean_bytes() {
	python3 - "$1" <<'EOF'
import sys
b = open(sys.argv[1], 'rb').read()
bad = [x for x in (b'\x1b', b'\x07', b'\xe2\x80\xae', b'\xc2\x9b') if x in b]
if b.replace(b'\r\n', b'').find(b'\r') >= 0:
    bad.append(b'\r')
if bad:
    print('raw bytes:', bad)
    sys.exit(1)
EOF
}

# The display column (east-asian width) where needle starts on the line
# that contains it.
col_of() {
	python3 - "$1" "$2" <<'EOF'
import sys, unicodedata
text = open(sys.argv[1], encoding='utf-8').read()
needle = sys.argv[2]
def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in 'WF' else 1
    return w
for line in text.split('\n'):
    i = line.find(needle)
    if i >= 0:
        print(width(line[:i]))
        break
EOF
}

"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
mkdir -p "$XDG_CONFIG_HOME/globe"
cat >"$XDG_CONFIG_HOME/globe/config" <<EOF
# test feed
feed = $T/feed
pubkey = $T/k.pub
EOF

cat >"$T/src.jsonl" <<'EOF'
{"type":"country","code":"BR","name":"Brazil","region":"Americas"}
{"type":"country","code":"CN","name":"China","region":"Asia"}
{"type":"country","code":"FR","name":"France","region":"Europe"}
{"type":"authority","id":"br-pf","country":"BR","name":"Polícia Federal","name_en":"Federal Police","acronym":"PF","kind":"police","website":"https://www.gov.br/pf","address":"SAS Quadra 6, Brasília","phone":"+55 61 2024 8000","email":"coop@pf.gov.br","languages":["pt","en","es"],"expertise":["asset-recovery","money-laundering"],"designations":["mla-central"],"joined":"2021-06-03"}
{"type":"authority","id":"br-cgu","country":"BR","name":"Controladoria-Geral da União","acronym":"CGU","kind":"anti-corruption","languages":["pt"]}
{"type":"authority","id":"cn-ccdi","country":"CN","name":"中央纪律检查委员会","name_en":"Central Commission for Discipline Inspection","acronym":"CCDI","kind":"anti-corruption","languages":["zh","en"]}
{"type":"authority","id":"fr-pnf","country":"FR","name":"Parquet national financier","acronym":"PNF","kind":"prosecution","languages":["fr","en"]}
{"type":"contact","id":"c-1","authority":"br-pf","name":"José Silva","title":"Delegado, Chief","role":"focal-point","email":"jose.silva@pf.gov.br","phone":"+55 61 2024 8001","mobile":"+55 61 99999 0001","languages":["pt","en"],"timezone":"America/Sao_Paulo","hours":"Mon-Fri 09:00-18:00"}
{"type":"contact","id":"c-2","authority":"cn-ccdi","name":"王秀英","title":"处长","role":"focal-point","email":"wang.xiuying@ccdi.example","languages":["zh","en"]}
{"type":"contact","id":"c-3","authority":"fr-pnf","name":"Marie Dupont","title":"Magistrate","role":"case-officer","email":"marie.dupont@pnf.example","languages":["fr"]}
{"type":"contact","id":"c-4","authority":"br-cgu","name":"=HYPERLINK(\"http://evil.example\",\"click\")","title":"Auditor","role":"case-officer","email":"auditor@cgu.example"}
{"type":"contact","id":"c-5","authority":"fr-pnf","name":"\u001b]0;pwned\u0007 Evil\rName\u202eliveE","title":"\u001b[31mred\u001b[0m \u009b1m","role":"case-officer","email":"evil@pnf.example","hours":"\u001b[2J"}
{"type":"newsletter","id":"nl-2026-1","issue":"2026/1","published":"2026-03-31","lang":"en","title":"First issue","summary":"What the network did in the first quarter.","body":"The network met in Vienna.\n\nSecond paragraph with enough words to be wrapped somewhere before the eightieth column of the terminal.","url":"https://example.org/nl/1"}
{"type":"newsletter","id":"nl-2026-2","issue":"2026/2","published":"2026-06-30","lang":"en","title":"Second issue","body":"Short."}
EOF
"$PUBLISH" --source "$T/src.jsonl" --out "$T/feed" --sign "$T/k.key" \
	--feed-id test-feed --quiet

# --- sync and status -----------------------------------------------------
check_exit "sync" 0 "$GLOBE" sync
check_contains "sync summary" "$out" "synced serial 1"
check_exit "sync again" 0 "$GLOBE" sync
check_contains "sync again is a no-op" "$out" "already up to date (serial 1)"
check_exit "status" 0 "$GLOBE" status
check_contains "status: feed" "$out" "$T/feed"
check_contains "status: feed id" "$out" "test-feed"
check_contains "status: serial" "$out" "serial:        1"
check_contains "status: contacts" "$out" "contacts:      5"
check_contains "status: newsletters" "$out" "newsletters:   2 (2 unread)"
check_contains "status: data as of" "$out" "data as of 20"
check_contains "status: last success" "$out" "last success:  20"
check_exit "status --json" 0 "$GLOBE" status --json
ok "status --json is JSON with serial and counts" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["serial"] == 1 and d["feed_id"] == "test-feed", d
assert d["counts"]["contacts"] == 5 and d["counts"]["countries"] == 3, d
' "$T/out"
check_exit "status --checksum" 0 "$GLOBE" status --checksum
case "$out" in
*[!0-9a-f]* | "") fail "status --checksum is hex ($out)" ;;
*) pass "status --checksum is hex" ;;
esac

# --- browsing ------------------------------------------------------------
check_exit "countries" 0 "$GLOBE" countries
check_contains "countries: header, the columns' labels" "$out" "Code"
check_contains "countries: Brazil" "$out" "Brazil"
check_eq "countries: one line each plus header" \
	"$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 4
brline=$(printf '%s\n' "$out" | grep '^Brazil ')
check_eq "countries: Brazil has 2 authorities, 2 contacts" \
	"$(echo "$brline" | awk '{print $(NF-1), $NF}')" "2 2"
check_exit "countries --json" 0 "$GLOBE" countries --json
ok "countries --json: code, name, region, counts" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
br = [c for c in d if c["code"] == "BR"][0]
assert br == {"type": "country", "code": "BR", "name": "Brazil",
    "region": "Americas", "authorities": 2, "contacts": 2, "routes": 0}, br
' "$T/out"

check_exit "members br (lower case)" 0 "$GLOBE" members br
check_contains "members: PF" "$out" "br-pf"
check_contains "members: CGU" "$out" "Controladoria-Geral da União"
check_not_contains "members: only Brazil" "$out" "fr-pnf"
check_contains "members: designations by their labels" "$out" "MLA central authority"
check_exit "members of an unknown country (a usage error)" 2 "$GLOBE" members ZZ
check_contains "members: message" "$err" "no such country"

# A country is its code or its name, case and accents folded; an
# unknown one names the closest, exit 2, never an empty list.
for c in BR br Brazil brazil BRAZIL; do
	check_exit "members $c" 0 "$GLOBE" members "$c"
	check_contains "members $c: Brazil's authorities" "$out" "br-pf"
	check_not_contains "members $c: only Brazil's" "$out" "fr-pnf"
done
check_exit "members by name --json" 0 "$GLOBE" members france --json
ok "members france --json: France's" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [a["id"] for a in d] == ["fr-pnf"], d
' "$T/out"
check_exit "members with a misspelt name" 2 "$GLOBE" members Brasil
check_eq "misspelt country: names the closest" "$err" \
	"globe: no such country 'Brasil'; did you mean Brazil (BR)?"
check_eq "misspelt country: nothing on stdout" "$out" ""
check_exit "members with a misspelt name --json" 2 "$GLOBE" members Frnace --json
check_eq "misspelt country --json: stdout empty, not []" "$out" ""
check_contains "misspelt country --json: suggests" "$err" \
	"did you mean France (FR)?"
check_exit "members with a misspelt name --csv" 2 "$GLOBE" members chna --csv
check_contains "misspelt country --csv: suggests" "$err" \
	"did you mean China (CN)?"
check_exit "members with nothing close" 2 "$GLOBE" members Atlantis
check_eq "nothing close: where the list is" "$err" \
	"globe: no such country 'Atlantis'; 'globe countries' lists them"
check_exit "members on an empty cache" 2 "$GLOBE" --db "$T/empty2/globe.db" members BR
check_eq "members on an empty cache: says how to fill it" "$err" \
	"globe: no such country 'BR'; the cache holds none yet ('globe sync' fills it)"
"$GLOBE" members "$(printf 'Bra\033]0;x\007zil')" >/dev/null 2>"$T/cc.err"
ok "an unknown country is sanitized in the message" clean_bytes "$T/cc.err"

check_exit "authority br-pf" 0 "$GLOBE" authority br-pf
check_contains "authority: every field, labelled" "$out" "English name"
check_contains "authority: expertise in words" "$out" "asset recovery, money laundering"
check_contains "authority: its contacts" "$out" "José Silva"
check_exit "authority unknown" 1 "$GLOBE" authority nope
check_exit "authority given a contact id" 1 "$GLOBE" authority c-1

check_exit "contacts" 0 "$GLOBE" contacts
check_eq "contacts: five and a header" \
	"$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 6
check_exit "contacts br-pf" 0 "$GLOBE" contacts br-pf
check_contains "contacts of an authority" "$out" "José Silva"
check_not_contains "contacts of an authority only" "$out" "Marie"
check_exit "contacts of an unknown authority" 1 "$GLOBE" contacts nope

check_exit "show c-1" 0 "$GLOBE" show c-1
check_line "show: authority name" "$out" '^Authority  *Polícia Federal (PF)$'
check_line "show: country name" "$out" '^Country  *Brazil (BR)$'
check_line "show: title" "$out" '^Title  *Delegado, Chief$'
check_contains "show: languages in words" "$out" "Portuguese, English"
check_exit "show an authority" 0 "$GLOBE" show cn-ccdi
check_contains "show: CJK name" "$out" "中央纪律检查委员会"
check_exit "show unknown id" 1 "$GLOBE" show nope
check_contains "show unknown id: message" "$err" "globe: no such"

# --- search --------------------------------------------------------------
check_exit "search jose" 0 "$GLOBE" search jose
check_contains "search: accent-insensitive" "$out" "José Silva"
check_exit "search JOSÉ" 0 "$GLOBE" search JOSÉ
check_contains "search: case-insensitive" "$out" "José Silva"
check_exit "search CJK part" 0 "$GLOBE" search 秀英
check_contains "search: CJK part of a name" "$out" "王秀英"
check_exit "search authority acronym" 0 "$GLOBE" search pnf
check_contains "search: authority by acronym" "$out" "Parquet national financier"
check_exit "search --country (nothing there: exit 1)" 1 "$GLOBE" search silva --country fr
check_not_contains "search: country filter" "$out" "José"
check_exit "search --country BR" 0 "$GLOBE" search silva --country BR
check_contains "search: country filter keeps" "$out" "José"
check_exit "search --role" 0 "$GLOBE" search --role case-officer marie
check_contains "search: role filter" "$out" "Marie Dupont"
check_exit "search --role excludes (nothing left: exit 1)" 1 "$GLOBE" search --role focal-point marie
check_not_contains "search: role filter excludes" "$out" "Marie"
check_exit "search --kind" 0 "$GLOBE" search federal --kind police
check_contains "search: kind filter" "$out" "br-pf"
# Filters: a country by name, values as the cache holds them, case,
# accents and the word separator folded; unknown ones name the closest.
for c in brazil Brazil BR br; do
	check_exit "search --country $c" 0 "$GLOBE" search silva --country "$c"
	check_contains "search --country $c: José" "$out" "José Silva"
done
check_exit "search --country by name excludes" 1 "$GLOBE" search silva --country France
check_exit "search --country misspelt" 2 "$GLOBE" search silva --country Frnace
check_eq "search --country misspelt: names the closest" "$err" \
	"globe: no such country 'Frnace'; did you mean France (FR)?"
check_exit "search --country unknown code" 2 "$GLOBE" search silva --country ZZ --json
check_eq "search --country unknown --json: no data on stdout" "$out" ""
check_contains "search --country unknown: says so" "$err" "no such country 'ZZ'"
check_exit "search --country empty" 2 "$GLOBE" search silva --country=
check_contains "search --country empty: needs a value" "$err" "--country needs a value"
for e in asset-recovery "Asset Recovery" ASSET_RECOVERY "asset recovery"; do
	check_exit "search --expertise '$e'" 0 "$GLOBE" search jose --expertise "$e"
	check_contains "search --expertise '$e': José" "$out" "José Silva"
done
check_exit "search --expertise misspelt" 2 "$GLOBE" search jose --expertise "asset recvery"
check_eq "search --expertise misspelt: the closest" "$err" \
	"globe: no such expertise 'asset recvery'; did you mean 'asset-recovery'?"
check_exit "search --expertise far from all" 2 "$GLOBE" search jose --expertise cooking --csv
check_eq "search --expertise far: what the cache holds" "$err" \
	"globe: no such expertise 'cooking'; the cache holds asset-recovery, money-laundering"
check_eq "search --expertise far --csv: stdout empty" "$out" ""
check_exit "search --language PT" 0 "$GLOBE" search jose --language PT
check_contains "search --language PT: José" "$out" "José Silva"
check_exit "search --language unknown" 2 "$GLOBE" search jose --language xx
check_eq "search --language unknown: the languages there are" "$err" \
	"globe: no such language 'xx'; the cache holds en, es, fr, pt, zh"
check_exit "search --language a slip" 2 "$GLOBE" search jose --language pr
check_eq "search --language a slip: the closest" "$err" \
	"globe: no such language 'pr'; did you mean 'fr' or 'pt'?"
check_exit "search --language a name" 2 "$GLOBE" search jose --language portuguese
check_eq "search --language a name: the codes" "$err" \
	"globe: no such language 'portuguese'; the cache holds en, es, fr, pt, zh"
check_exit "search --role 'Case Officer'" 0 "$GLOBE" search marie --role "Case Officer"
check_contains "search --role 'Case Officer': Marie" "$out" "Marie Dupont"
check_exit "search --role misspelt" 2 "$GLOBE" search marie --role case-oficer --json
check_contains "search --role misspelt: the closest" "$err" \
	"no such role 'case-oficer'; did you mean 'case-officer'?"
check_exit "search --kind Police" 0 "$GLOBE" search federal --kind Police
check_contains "search --kind Police: PF" "$out" "br-pf"
check_exit "search --kind misspelt" 2 "$GLOBE" search federal --kind polise
check_eq "search --kind misspelt: the closest" "$err" \
	"globe: no such authority kind 'polise'; did you mean 'police'?"
check_exit "search for several" 0 "$GLOBE" search e --csv
nrows=$(printf '%s\n' "$out" | wc -l | tr -d ' ')
if [ "$nrows" -ge 3 ]; then pass "search: several results ($nrows)"; else
	fail "search: several results ($nrows)"; fi
check_exit "search --limit 1" 0 "$GLOBE" search e --limit 1 --csv
check_eq "search: limit" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 2
# Input that looks like FTS syntax is plain text: results or "no matches"
# (exit 1), never an error.
check_search_plain() {
	what=$1; shift
	"$GLOBE" search "$@" >"$T/out" 2>"$T/err"
	status=$?
	err=$(cat "$T/err")
	if { [ "$status" -eq 0 ] && [ -s "$T/out" ]; } || \
	    { [ "$status" -eq 1 ] && [ "$err" = "globe: no matches" ]; }; then
		pass "$what (exit $status)"
	else
		fail "$what (exit $status)"; sed 's/^/#   stderr: /' "$T/err"
	fi
}
for q in '"' '*' 'NEAR(' '-' '^' 'AND' ':' 'OR NOT' 'a"b' "'" '(' 'jose*'; do
	check_search_plain "search FTS-looking input [$q]" -- "$q"
done
check_exit "search FTS-looking input that matches [jose*]" 0 "$GLOBE" search -- 'jose*'
check_search_plain "search a lone dash" -
check_search_plain "search words that look like FTS syntax" jose AND NEAR\( silva
check_exit "search with no words" 2 "$GLOBE" search
check_exit "search --limit not a number" 2 "$GLOBE" search jose --limit x

# --- newsletters, read ---------------------------------------------------
check_exit "newsletters" 0 "$GLOBE" newsletters
check_contains "newsletters: title" "$out" "First issue"
check_eq "newsletters: both unread (marked •)" \
	"$(printf '%s\n' "$out" | grep -c '^•')" 2
check_exit "read" 0 "$GLOBE" read nl-2026-1
check_contains "read: title" "$out" "First issue"
check_contains "read: body" "$out" "The network met in Vienna."
check_contains "read: url" "$out" "https://example.org/nl/1"
longest=$(printf '%s\n' "$out" | awk '{ if (length($0) > m) m = length($0) } END { print m }')
if [ "$longest" -le 80 ]; then pass "read: wrapped to 80 columns"; else
	fail "read: wrapped to 80 columns (longest $longest)"; fi
COLUMNS=40 "$GLOBE" read nl-2026-1 >"$T/read40"
longest=$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$T/read40")
if [ "$longest" -le 40 ]; then pass "read: wrapped to COLUMNS"; else
	fail "read: wrapped to COLUMNS (longest $longest)"; fi
check_exit "newsletters after read" 0 "$GLOBE" newsletters
check_eq "read marks it read" "$(printf '%s\n' "$out" | grep nl-2026-1 | grep -c '^•')" 0
check_exit "newsletters --json" 0 "$GLOBE" newsletters --json
ok "newsletters --json: read flags" python3 -c '
import json, sys
d = {n["id"]: n for n in json.load(open(sys.argv[1]))}
assert d["nl-2026-1"]["read"] is True and d["nl-2026-2"]["read"] is False, d
assert d["nl-2026-1"]["body"].startswith("The network met"), d
' "$T/out"
check_exit "read an unknown newsletter" 1 "$GLOBE" read nope

# --- stars ---------------------------------------------------------------
check_exit "star a contact" 0 "$GLOBE" star c-1
check_exit "star an authority" 0 "$GLOBE" star br-pf
check_exit "starred" 0 "$GLOBE" starred
check_contains "starred: contact" "$out" "José Silva"
check_contains "starred: authority" "$out" "Polícia Federal"
check_exit "unstar" 0 "$GLOBE" unstar br-pf
check_exit "starred after unstar" 0 "$GLOBE" starred
check_not_contains "unstar removes it" "$out" "br-pf"
check_exit "star unknown" 1 "$GLOBE" star nope
check_exit "status counts stars" 0 "$GLOBE" status
check_contains "status: starred" "$out" "starred:       1"

# --- JSON ----------------------------------------------------------------
check_exit "contacts --json" 0 "$GLOBE" contacts --json
ok "contacts --json is valid JSON" python3 -m json.tool "$T/out"
ok "contacts --json: contract names and extras" python3 -c '
import json, sys
d = {c["id"]: c for c in json.load(open(sys.argv[1]))}
c = d["c-1"]
assert c["type"] == "contact" and c["name"] == "José Silva", c
assert c["authority"] == "br-pf" and c["authority_name"] == "Polícia Federal", c
assert c["country_name"] == "Brazil" and c["languages"] == ["pt", "en"], c
assert c["timezone"] == "America/Sao_Paulo" and c["starred"] is True, c
assert d["c-5"]["name"].startswith("\x1b]0;pwned"), d["c-5"]
' "$T/out"
check_exit "search --json" 0 "$GLOBE" search jose --json
ok "search --json: whole records" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d[0]["id"] == "c-1" and d[0]["email"] == "jose.silva@pf.gov.br", d
assert d[0]["mobile"] == "+55 61 99999 0001", d
' "$T/out"
check_exit "show --json" 0 "$GLOBE" show br-pf --json
ok "show --json: an authority" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d[0]["type"] == "authority" and d[0]["country_name"] == "Brazil", d
assert d[0]["expertise"] == ["asset-recovery", "money-laundering"], d
' "$T/out"

# --- CSV -----------------------------------------------------------------
check_exit "contacts --csv" 0 "$GLOBE" contacts --csv
head -n 1 "$T/out" | tail -c 2 | od -c | grep -q '\\r  \\n' && \
	pass "csv: CRLF line ends" || fail "csv: CRLF line ends"
check_contains "csv: header" "$(head -n 1 "$T/out")" \
	"type,id,authority,name,title,role,email,phone,mobile,languages"
check_contains "csv: formula neutralised" "$out" \
	"\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""
check_contains "csv: comma field quoted" "$out" '"Delegado, Chief"'
check_contains "csv: lists joined" "$out" ",\"pt; en\","
ok "csv: parses with 5 rows of equal width" python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert len(rows) == 6 and all(len(r) == len(rows[0]) for r in rows), rows
' "$T/out"

# --- vCard ---------------------------------------------------------------
check_exit "contacts --vcard" 0 "$GLOBE" contacts br-pf --vcard
check_contains "vcard: BEGIN" "$out" "BEGIN:VCARD"
check_contains "vcard: VERSION" "$out" "VERSION:4.0"
check_contains "vcard: FN" "$out" "FN:José Silva"
check_contains "vcard: ORG" "$out" "ORG:Polícia Federal"
check_contains "vcard: TITLE escaped" "$out" 'TITLE:Delegado\, Chief'
check_contains "vcard: UID" "$out" "UID:urn:globe:c-1"
check_exit "authority --vcard" 0 "$GLOBE" authority br-pf --vcard
check_contains "vcard: authority KIND:org" "$out" "KIND:org"
check_contains "vcard: authority URL" "$out" "URL:https://www.gov.br/pf"
check_exit "search --vcard" 0 "$GLOBE" --vcard search jose
check_contains "vcard: search results as cards" "$out" "KIND:individual"
check_exit "countries --vcard is a usage error" 2 "$GLOBE" countries --vcard
check_exit "newsletters --vcard is a usage error" 2 "$GLOBE" newsletters --vcard

# --- hostile strings never reach stdout raw ---------------------------------
for args in "contacts" "show c-5" "search evil" "contacts fr-pnf" \
	"authority fr-pnf" "contacts --json" "show c-5 --json" \
	"contacts --csv" "show c-5 --csv" "contacts --vcard" "show c-5 --vcard" \
	"search evil --csv" "search evil --vcard"; do
	# shellcheck disable=SC2086
	"$GLOBE" $args >"$T/hostile.out" 2>&1
	if clean_bytes "$T/hostile.out" >"$T/hostile.why" && \
	    grep -q 'pwned' "$T/hostile.out"; then
		pass "hostile record sanitized: $args"
	else
		fail "hostile record sanitized: $args"
		sed 's/^/#   /' "$T/hostile.why"
	fi
done
"$GLOBE" star c-5 >/dev/null
"$GLOBE" starred >"$T/hostile.out"
ok "hostile record sanitized: starred" clean_bytes "$T/hostile.out"

# --- wide characters -------------------------------------------------------
"$GLOBE" contacts >"$T/wide"
c1=$(col_of "$T/wide" "jose.silva@")
c2=$(col_of "$T/wide" "wang.xiuying@")
c3=$(col_of "$T/wide" "marie.dupont@")
check_eq "wide: CJK row aligned with Latin rows" "$c1 $c2" "$c3 $c3"
"$GLOBE" members cn >"$T/wide"
c1=$(col_of "$T/wide" "CCDI")
c2=$(col_of "$T/wide" "Acronym")
check_eq "wide: CJK authority name aligned" "$c1" "$c2"
# LC_ALL=C: ASCII only (王秀英 is ???), still aligned (tests/cli/locale.sh
# checks the transliteration).
LC_ALL=C "$GLOBE" contacts >"$T/wide.c"
ok "contacts under LC_ALL=C: ASCII only" \
	python3 -c 'import sys; sys.exit(max(open(sys.argv[1], "rb").read()) >= 0x80)' \
	"$T/wide.c"
c1=$(col_of "$T/wide.c" "jose.silva@")
c2=$(col_of "$T/wide.c" "wang.xiuying@")
check_eq "contacts under LC_ALL=C: the ??? row aligned" "$c1" "$c2"

# --- a list that stops at its limit says so, in every format -----------------
note2="globe: showing 2 of 5; --limit N or --all"
check_exit "contacts --limit 2" 0 "$GLOBE" contacts --limit 2
check_eq "contacts --limit 2: two rows and the header" \
	"$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 3
check_eq "contacts --limit 2: says so on stderr" "$err" "$note2"
check_exit "contacts --limit 2 --json" 0 "$GLOBE" contacts --limit 2 --json
ok "contacts --limit 2 --json: still one array, of 2" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert isinstance(d, list) and len(d) == 2, d
' "$T/out"
check_eq "contacts --limit 2 --json: the note on stderr" "$err" "$note2"
check_exit "contacts --limit 2 --csv" 0 "$GLOBE" contacts --limit 2 --csv
check_eq "contacts --limit 2 --csv: header and 2 rows" \
	"$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 3
check_eq "contacts --limit 2 --csv: the note" "$err" "$note2"
check_exit "contacts --limit 2 --vcard" 0 "$GLOBE" contacts --limit 2 --vcard
check_eq "contacts --limit 2 --vcard: 2 cards" \
	"$(printf '%s\n' "$out" | grep -c BEGIN:VCARD)" 2
check_eq "contacts --limit 2 --vcard: the note" "$err" "$note2"
check_exit "contacts --limit 5 (all fit)" 0 "$GLOBE" contacts --limit 5
check_eq "contacts --limit 5: no note" "$err" ""
check_exit "contacts --all" 0 "$GLOBE" contacts --all
check_eq "contacts --all: every one" \
	"$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 6
check_eq "contacts --all: no note" "$err" ""
check_exit "contacts br-pf --limit 1 (of one authority)" 0 \
	"$GLOBE" contacts fr-pnf --limit 1
check_eq "contacts of an authority: its own total" "$err" \
	"globe: showing 1 of 2; --limit N or --all"
check_exit "countries --limit 1" 0 "$GLOBE" countries --limit 1
check_eq "countries --limit 1: the note" "$err" \
	"globe: showing 1 of 3; --limit N or --all"
check_exit "members br --limit 1" 0 "$GLOBE" members br --limit 1 --csv
check_eq "members --limit 1: the note" "$err" \
	"globe: showing 1 of 2; --limit N or --all"
check_exit "newsletters --limit 1" 0 "$GLOBE" newsletters --limit 1 --json
check_eq "newsletters --limit 1: the note" "$err" \
	"globe: showing 1 of 2; --limit N or --all"
check_exit "starred --limit 1" 0 "$GLOBE" starred --limit 1
check_eq "starred --limit 1: authorities and contacts counted together" \
	"$err" "globe: showing 1 of 2; --limit N or --all"
check_exit "search e --limit 1" 0 "$GLOBE" search e --limit 1 --csv
nall=$("$GLOBE" search e --all --csv 2>/dev/null | wc -l | tr -d ' ')
check_eq "search --limit 1: the true total" "$err" \
	"globe: showing 1 of $((nall - 1)); --limit N or --all"
for c in countries "members br" contacts newsletters starred "search e"; do
	# shellcheck disable=SC2086
	check_exit "$c --all" 0 "$GLOBE" $c --all
	check_eq "$c --all: no note" "$err" ""
	# shellcheck disable=SC2086
	check_exit "$c: --limit with --all" 2 "$GLOBE" $c --all --limit 3
	check_contains "$c: --limit or --all" "$err" \
		"choose one of --limit and --all"
done
check_exit "--limit 0" 2 "$GLOBE" contacts --limit 0
check_contains "--limit 0: says what it wants" "$err" "--limit wants a number"

# --- no match, nothing starred ---------------------------------------------
check_exit "search with no match" 1 "$GLOBE" search zzqqxx
check_eq "no match: stdout empty" "$out" ""
check_eq "no match: says so on stderr" "$err" "globe: no matches"
check_exit "search with no match --json" 1 "$GLOBE" search zzqqxx --json
check_eq "no match --json: an empty array" "$out" "[]"
check_eq "no match --json: says so on stderr" "$err" "globe: no matches"
check_exit "search with no match --csv" 1 "$GLOBE" search zzqqxx --csv
check_eq "no match --csv: only the header line" \
	"$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 1
check_contains "no match --csv: the header of a search" "$out" \
	"type,id,country,name"
check_contains "no match --csv: contact columns too" "$out" ",title,role,"
check_exit "search with no match --vcard" 1 "$GLOBE" search zzqqxx --vcard
check_eq "no match --vcard: nothing on stdout" "$out" ""
check_exit "search that finds" 0 "$GLOBE" search marie --json
"$GLOBE" unstar c-1 >/dev/null
"$GLOBE" unstar c-5 >/dev/null
nothing="globe: nothing starred; * in the interface or 'globe star ID' stars"
check_exit "starred with nothing starred" 0 "$GLOBE" starred
check_eq "nothing starred: stdout empty" "$out" ""
check_eq "nothing starred: says how to star" "$err" "$nothing"
check_exit "nothing starred --json" 0 "$GLOBE" starred --json
check_eq "nothing starred --json: []" "$out" "[]"
check_eq "nothing starred --json: the hint on stderr" "$err" "$nothing"
check_exit "nothing starred --csv" 0 "$GLOBE" starred --csv
check_eq "nothing starred --csv: the header line" \
	"$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 1
check_contains "nothing starred --csv: its columns" "$out" "type,id,"
"$GLOBE" star c-1 >/dev/null

# --- no command -------------------------------------------------------------
check_exit "no command" 0 "$GLOBE"
check_contains "no command: countries" "$out" "Brazil"
check_eq "no command, not a terminal: one short line on stderr" "$err" \
	"globe: full screen needs a terminal; see globe --help"
check_not_contains "no command: stdout holds only the list" "$out" "full screen"
"$GLOBE" countries >"$T/countries.out" 2>/dev/null
ok "no command: the same list as globe countries" cmp "$T/out" "$T/countries.out"
check_exit "no command --json" 0 "$GLOBE" --json
check_eq "no command --json: no hint line" "$err" ""
# On a real terminal (a pty from script(1)) curses needs a usable TERM;
# without one, the list and one line saying why, exit 0. stdout is the
# pty, stderr a file.
if command -v script >/dev/null 2>&1; then
	for term in dumb "" unset xyzzy-no-such; do
		case $term in
		unset) envs="-u TERM" why="(no TERM)" ;;
		"") envs="TERM=" why="(no TERM)" ;;
		dumb) envs="TERM=dumb" why="(TERM=dumb)" ;;
		*) envs="TERM=$term" why="(unknown TERM)" ;;
		esac
		script -qec "env $envs $GLOBE 2>$T/pty.err" /dev/null \
		    </dev/null >"$T/pty.out" 2>&1
		status=$?
		check_eq "pty, TERM $term: exit 0" "$status" 0
		check_contains "pty, TERM $term: the countries" \
		    "$(cat "$T/pty.out")" "Brazil"
		check_eq "pty, TERM $term: one line on stderr" \
		    "$(cat "$T/pty.err")" \
		    "globe: full screen needs a terminal $why; see globe --help"
	done
else
	echo "# script(1) not installed: no pty checks"
fi
check_exit "no command on an empty cache" 0 "$GLOBE" --db "$T/empty/globe.db"
check_contains "empty cache: explains --demo" "$out" "globe --demo"
check_contains "empty cache: explains the config" "$out" "feed ="

# --- usage errors -------------------------------------------------------------
check_exit "unknown command" 2 "$GLOBE" bogus
check_contains "unknown command: message" "$err" "globe: unknown command"
check_exit "unknown option" 2 "$GLOBE" --bogus
check_exit "unknown command option" 2 "$GLOBE" countries --bogus
check_exit "missing argument" 2 "$GLOBE" members
check_contains "missing argument: usage" "$err" "usage: globe members CC"
check_exit "too many arguments" 2 "$GLOBE" show a b
check_exit "--db needs a value" 2 "$GLOBE" countries --db
check_exit "two formats" 2 "$GLOBE" countries --json --csv
check_exit "missing explicit --config" 2 "$GLOBE" --config "$T/nope" countries
printf 'feed = x\ncolour = blue\n' >"$T/bad.conf"
check_exit "config with an unknown key" 2 "$GLOBE" --config "$T/bad.conf" countries
check_contains "config error names the line" "$err" "config:2: unknown key 'colour'"
printf 'allow_unsigned = maybe\n' >"$T/bad2.conf"
check_exit "config with a bad value" 2 "$GLOBE" --config "$T/bad2.conf" status
check_exit "global option after the command" 0 "$GLOBE" countries --json
check_exit "sync with a feed that is not there" 3 "$GLOBE" sync --feed "$T/nofeed"
check_contains "sync error: one line" "$err" "globe: sync failed"
check_exit "sync with no feed configured" 2 "$GLOBE" --config /dev/null sync

# --- help and version -------------------------------------------------------
check_exit "--help" 0 "$GLOBE" --help
for c in sync status countries members authority contacts show search \
	newsletters read star unstar starred help; do
	check_contains "--help lists $c" "$out" "  $c "
done
for c in sync status countries members authority contacts show search \
	newsletters read star unstar starred; do
	check_exit "$c --help" 0 "$GLOBE" $c --help
	check_contains "$c --help: usage" "$out" "usage: globe $c"
done
# globe help [COMMAND]: the same texts as --help, on stdout, exit 0
check_exit "globe help" 0 "$GLOBE" help
check_contains "help: the commands" "$out" "  search "
check_contains "help: itself" "$out" "  help "
helptext=$("$GLOBE" --help)
check_eq "globe help is globe --help" "$out" "$helptext"
for c in sync status countries members authority contacts show search \
	newsletters read star unstar starred help; do
	check_exit "help $c" 0 "$GLOBE" help $c
	check_eq "help $c is $c --help" "$out" "$("$GLOBE" $c --help)"
	check_eq "help $c: nothing on stderr" "$err" ""
done
# Every help fits 80 columns: summaries, options and usage lines wrap.
check_eq "--help: no line over 80 columns" \
    "$("$GLOBE" --help | lines_over 80)" ""
for c in $(help_commands); do
	check_eq "help $c: no line over 80 columns" \
	    "$("$GLOBE" help "$c" | lines_over 80)" ""
done
check_exit "help search" 0 "$GLOBE" help search
check_contains "help search: the options" "$out" "--limit N"
check_exit "help works with no cache at all" 0 \
	"$GLOBE" --db "$T/nocache/none.db" help members
test -e "$T/nocache" && fail "help made no cache" || pass "help made no cache"

# A misspelt command or option suggests the closest one.
check_exit "misspelt command" 2 "$GLOBE" serch x
check_contains "misspelt command: suggests" "$err" \
	"globe: unknown command 'serch'; did you mean 'search'?"
check_eq "misspelt command: nothing on stdout" "$out" ""
check_exit "help of a misspelt command" 2 "$GLOBE" help serch
check_contains "help serch: suggests" "$err" "did you mean 'search'?"
check_exit "a command two are close to" 2 "$GLOBE" stat
check_contains "stat: both" "$err" "did you mean 'status' or 'star'?"
check_exit "a swap of two letters" 2 "$GLOBE" contatcs
check_contains "contatcs: contacts" "$err" "did you mean 'contacts'?"
check_exit "nothing close" 2 "$GLOBE" frobnicate
check_contains "nothing close: still says what" "$err" \
	"unknown command 'frobnicate'"
check_not_contains "nothing close: no suggestion" "$err" "did you mean"
check_exit "misspelt option" 2 "$GLOBE" search x --limt 5
check_contains "misspelt option: suggests" "$err" \
	"globe: unknown option '--limt' for search; did you mean '--limit'?"
check_contains "misspelt option: the usage" "$err" "usage: globe search"
check_exit "misspelt option=value" 2 "$GLOBE" search x --contry=BR
check_contains "--contry=BR: suggests" "$err" "did you mean '--country'?"
check_exit "misspelt global option" 2 "$GLOBE" --jsno countries
check_contains "--jsno: suggests" "$err" "did you mean '--json'?"
check_exit "global option misspelt after the command" 2 "$GLOBE" countries --vcrad
check_contains "--vcrad: suggests" "$err" "did you mean '--vcard'?"
check_exit "option far from all" 2 "$GLOBE" countries --frobnicate
check_not_contains "far option: no suggestion" "$err" "did you mean"
"$GLOBE" "$(printf 'se\033]0;x\007rch')" >/dev/null 2>"$T/typo.err"
ok "a typed name is sanitized in the message" clean_bytes "$T/typo.err"

check_exit "search -h" 0 "$GLOBE" search -h
check_contains "search --help: options" "$out" "--country CC"
check_exit "--version" 0 "$GLOBE" --version
check_contains "--version" "$out" "globe 0."

# --- the bundled demo -----------------------------------------------------
if [ -f "$DEMO_FEED/index.json" ]; then
	check_exit "--demo countries" 0 "$GLOBE" --demo countries
	check_contains "--demo: Brazil" "$out" "Brazil"
	# A search stops at 50 and says how many there are.
	check_exit "--demo search a" 0 "$GLOBE" --demo search a --csv
	check_eq "--demo search a: 50 rows" \
		"$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 51
	nall=$("$GLOBE" --demo search a --all --csv | wc -l | tr -d ' ')
	nall=$((nall - 1))
	if [ "$nall" -gt 50 ]; then pass "--demo search a --all: more ($nall)"
	else fail "--demo search a --all: more ($nall)"; fi
	check_eq "--demo search a: showing 50 of all" "$err" \
		"globe: showing 50 of $nall; --limit N or --all"
	check_exit "--demo search a --json" 0 "$GLOBE" --demo search a --json
	ok "--demo search a --json: an array of 50" python3 -c '
import json, sys
assert len(json.load(open(sys.argv[1]))) == 50
' "$T/out"
	check_eq "--demo search a --json: the note" "$err" \
		"globe: showing 50 of $nall; --limit N or --all"
	check_exit "--demo search a --human" 0 "$GLOBE" --demo search a
	check_eq "--demo search a: the note in human form too" "$err" \
		"globe: showing 50 of $nall; --limit N or --all"
	check_exit "--demo search a --limit 1000000" 0 \
		"$GLOBE" --demo search a --limit 1000000 --csv
	check_eq "a large --limit: all, no note" "$err" ""
	check_exit "--demo search jose" 0 "$GLOBE" --demo search jose
	check_contains "--demo: José" "$out" "José"
	# Names the cache holds, folded as search folds: Türkiye.
	check_exit "--demo members turkiye" 0 "$GLOBE" --demo members turkiye
	check_contains "--demo members turkiye: Türkiye's" "$out" "demo-tr-"
	check_exit "--demo members 'new zealand'" 0 "$GLOBE" --demo members "new zealand"
	check_contains "--demo members 'new zealand'" "$out" "demo-nz-"
	check_exit "--demo members united" 2 "$GLOBE" --demo members united
	check_contains "--demo members united: every United" "$err" \
		"did you mean United Arab Emirates (AE), United Kingdom (GB) or United States (US)?"
	check_exit "--demo search --country Türkiye" 0 \
		"$GLOBE" --demo search a --country TÜRKIYE --csv
	check_contains "--demo search --country Türkiye: TR only" "$out" ",TR,"
	check_exit "--demo members BR" 0 "$GLOBE" --demo members BR --json
	ok "--demo members --json" python3 -m json.tool "$T/out"
	check_exit "--demo status" 0 "$GLOBE" --demo status
	check_contains "--demo: its feed id" "$out" "globe-demo"
	check_contains "--demo: its own database" "$out" "demo.db"
	check_exit "--demo newsletters" 0 "$GLOBE" --demo newsletters
	check_exit "--demo contacts --vcard" 0 "$GLOBE" --demo contacts --vcard
	check_contains "--demo vcard" "$out" "BEGIN:VCARD"
	check_exit "the real cache is untouched by --demo" 0 "$GLOBE" status
	check_contains "real cache still on test-feed" "$out" "test-feed"
	check_exit "--demo with no demo feed" 1 \
		env GLOBE_DEMO_FEED="$T/nodemo" "$GLOBE" --demo --db "$T/d2.db" \
		countries
else
	echo "# the demo feed is not built; skipping --demo checks"
fi

done_testing
