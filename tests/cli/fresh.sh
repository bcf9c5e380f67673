#!/bin/sh
# tests/cli/fresh.sh: freshness and the officer's own, on the command line.
# `globe changes` says what each sync added, changed (which fields) and
# removed (with the last name), by sync and type, in every format, and
# --sync, --since, --type choose; stale records are listed by --stale and
# say "stale" in JSON; `globe flag`, `flags`, `unflag` keep flags (never
# sent without a reports URL: --export writes them); `globe note` keeps
# a note that survives the record's deletion and return and is searched.
# Hostile text in a note or a flag reaches no terminal raw, in no format.
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"
	done_testing
	exit 0
fi

"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
mkdir -p "$XDG_CONFIG_HOME/globe"
printf 'feed = %s\npubkey = %s\n' "$T/feed" "$T/k.pub" \
    >"$XDG_CONFIG_HOME/globe/config"
publish() {
	"$PUBLISH" --source "$1" --out "$T/feed" --sign "$T/k.key" \
		--feed-id fresh-test --quiet
}
# No raw ESC, BEL, C1 CSI or bidi override in a file.
clean_file() {
	python3 - "$1" <<'EOF'
import sys
d = open(sys.argv[1], "rb").read()
bad = [b"\x1b", b"\x07", b"\xc2\x9b", "\u202e".encode()]
sys.exit(1 if any(b in d for b in bad) else 0)
EOF
}

common='{"type":"country","code":"BR","name":"Brazil","region":"Americas"}
{"type":"country","code":"FR","name":"France","region":"Europe"}
{"type":"authority","id":"br-pf","country":"BR","name":"Polícia Federal","acronym":"PF","verified":"2019-01-01"}
{"type":"authority","id":"fr-pnf","country":"FR","name":"Parquet national financier","acronym":"PNF","verified":"2099-01-01"}
{"type":"route","id":"r-br-1","country":"BR","measure":"asset-tracing","authority":"br-pf","channel":"direct","verified":"2018-06-01"}'
v1="$common"'
{"type":"contact","id":"c-1","authority":"br-pf","name":"José Silva","title":"Delegado","email":"jose@pf.example","verified":"2020-01-01"}
{"type":"contact","id":"c-2","authority":"br-pf","name":"Ana Costa","title":"Agente","verified":"2099-01-01"}
{"type":"contact","id":"c-3","authority":"fr-pnf","name":"Marie Dupont","title":"Magistrate"}
{"type":"newsletter","id":"nl-1","published":"2026-03-31","title":"First issue"}'
# v2: c-1's title and e-mail change, c-3 goes, c-4 comes.
v2="$common"'
{"type":"contact","id":"c-1","authority":"br-pf","name":"José Silva","title":"Superintendente","email":"jose.silva@pf.example","verified":"2020-01-01"}
{"type":"contact","id":"c-2","authority":"br-pf","name":"Ana Costa","title":"Agente","verified":"2099-01-01"}
{"type":"contact","id":"c-4","authority":"fr-pnf","name":"Paul Martin","title":"Prosecutor"}
{"type":"newsletter","id":"nl-1","published":"2026-03-31","title":"First issue"}'
# v3: c-3 is back; the route changes.
v3=$(printf '%s\n' "$v2" | sed 's/"channel":"direct"/"channel":"egmont"/')'
{"type":"contact","id":"c-3","authority":"fr-pnf","name":"Marie Dupont","title":"Magistrate"}'
printf '%s\n' "$v1" >"$T/v1.jsonl"
printf '%s\n' "$v2" >"$T/v2.jsonl"
printf '%s\n' "$v3" >"$T/v3.jsonl"

# --- changes ------------------------------------------------------------
check_exit "changes with nothing synced" 0 "$GLOBE" changes
check_contains "says nothing changed yet" "$err" "no sync has changed anything yet"
check_eq "and prints nothing" "$out" ""
publish "$T/v1.jsonl"
ok "first sync" "$GLOBE" sync --quiet
check_exit "changes after the first sync" 0 "$GLOBE" changes
check_contains "the first fill: its counts" "$out" \
    "serial 1 · the first sync, every record new: countries +2 ~0 -0"
check_not_contains "no record listed" "$out" "José"
publish "$T/v2.jsonl"
check_exit "delta sync" 0 "$GLOBE" sync
check_contains "the sync summary" "$out" "contacts +1 ~1 -1"
check_exit "changes" 0 "$GLOBE" changes
check_contains "the last sync by default: sync 2" "$out" "Sync 2 · "
check_contains "from serial 1" "$out" "serial 2 (was 1) · contacts +1 ~1 -1"
check_contains "grouped by type" "$out" "  Contacts"
check_contains "added" "$out" "    + Paul Martin (c-4)"
check_contains "changed, with the fields by their labels" "$out" \
    "    ~ José Silva (c-1): Title, E-mail"
check_contains "removed, with the name it had" "$out" \
    "    - Marie Dupont (c-3): removed"
check_not_contains "unchanged records are not listed" "$out" "Ana Costa"
check_not_contains "nor the first sync" "$out" "Sync 1"
check_exit "changes --json" 0 "$GLOBE" changes --json
ok "JSON: the sync, its counts and its records" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d) == 1 and d[0]["sync"] == 2 and d[0]["serial"] == 2, d
assert d[0]["old_serial"] == 1 and d[0]["first"] is False, d
assert d[0]["counts"]["contacts"] == {"added": 1, "changed": 1, "removed": 1}, d
c = {(e["id"], e["change"]): e for e in d[0]["changes"]}
assert c[("c-1", "changed")]["fields"] == ["title", "email"], c
assert c[("c-3", "removed")]["name"] == "Marie Dupont", c
assert c[("c-4", "added")]["fields"] == [], c
assert len(c) == 3, c
' "$T/out"
check_exit "changes --csv" 0 "$GLOBE" changes --csv
check_contains "CSV header" "$(head -n 1 "$T/out")" \
    "sync,at,serial,type,id,name,change,fields"
check_contains "CSV: the changed record and its fields" "$out" \
    ',contact,c-1,José Silva,changed,"title,email"'
publish "$T/v3.jsonl"
ok "another sync" "$GLOBE" sync --quiet
check_exit "changes --sync 2" 0 "$GLOBE" changes --sync 2
check_contains "--sync N: that sync" "$out" "Sync 2 · "
check_not_contains "and no other" "$out" "Sync 3"
check_exit "changes --since" 0 "$GLOBE" changes --since 2000-01-01
check_eq "--since: every sync since, oldest first" \
    "$(printf '%s\n' "$out" | grep -o '^Sync [0-9]*' | tr '\n' ' ')" \
    "Sync 1 Sync 2 Sync 3 "
check_exit "changes --since the future" 0 "$GLOBE" changes --since 2999-01-01
check_contains "--since later: none" "$err" "no sync changed anything since then"
check_exit "changes --type route" 0 "$GLOBE" changes --type routes
check_contains "a route, by its measure, with its field" "$out" \
    "~ Asset tracing (r-br-1): Channel"
check_not_contains "--type: no other type" "$out" "Contacts"
check_exit "changes --type bad" 2 "$GLOBE" changes --type people
check_contains "an unknown type is a usage error" "$err" "--type wants"
check_exit "changes --sync 99" 1 "$GLOBE" changes --sync 99
check_contains "a sync not in the log" "$err" "no sync 99 in the change log"
check_exit "changes --sync x" 2 "$GLOBE" changes --sync x
check_exit "changes --sync and --since" 2 "$GLOBE" changes --sync 1 --since 2020-01-01

# --- stale --------------------------------------------------------------
check_exit "contacts --stale" 0 "$GLOBE" contacts --stale
check_contains "the stale contact" "$out" "! José Silva"
check_not_contains "not the fresh one" "$out" "Ana Costa"
check_not_contains "nor one never verified" "$out" "Paul Martin"
check_exit "members BR --stale" 0 "$GLOBE" members BR --stale
check_contains "the stale authority" "$out" "! Polícia Federal"
check_exit "members FR --stale" 0 "$GLOBE" members FR --stale
check_eq "no stale authority in France: nothing" "$out" ""
check_exit "contacts --json" 0 "$GLOBE" contacts --json
ok "JSON: stale true, false, and false when never verified" python3 -c '
import json, sys
d = {c["id"]: c for c in json.load(open(sys.argv[1]))}
assert d["c-1"]["stale"] is True, d["c-1"]
assert d["c-2"]["stale"] is False, d["c-2"]
assert d["c-4"]["stale"] is False and "verified" not in d["c-4"], d["c-4"]
' "$T/out"
check_exit "contacts --stale --limit 1 --csv" 0 "$GLOBE" contacts --stale --csv --limit 1
check_contains "CSV has the stale column" "$(head -n 1 "$T/out")" ",stale,note"
printf '%s\n' "$out" | grep -q 'c-1,.*,true,' && pass "CSV: stale true" ||
    fail "CSV: stale true"
check_exit "show a contact never verified" 0 "$GLOBE" show c-4
check_contains "says so" "$out" "Verified      never verified"
check_exit "show a stale route" 0 "$GLOBE" show r-br-1
check_contains "a route's card, stale marked" "$out" "(stale:"
check_contains "the route's card" "$out" "Asset tracing"

# --- notes --------------------------------------------------------------
check_exit "note" 0 "$GLOBE" note c-2 "Prefers phone; speaks Italian"
check_contains "kept, never sent" "$out" "note kept on person c-2 (Ana Costa) (never sent)"
check_exit "note ID prints it" 0 "$GLOBE" note c-2
check_eq "the note" "$out" "Prefers phone; speaks Italian"
check_exit "show has the note" 0 "$GLOBE" show c-2
check_contains "after the name" "$(printf '%s\n' "$out" | head -n 2)" \
    "Your note     Prefers phone; speaks Italian"
check_exit "search finds it by the note" 0 "$GLOBE" search prefers phone
check_contains "Ana Costa found" "$out" "c-2"
check_exit "contacts --json has the note" 0 "$GLOBE" contacts --json
ok "JSON: note" python3 -c '
import json, sys
d = {c["id"]: c for c in json.load(open(sys.argv[1]))}
assert d["c-2"]["note"] == "Prefers phone; speaks Italian", d["c-2"]
assert "note" not in d["c-1"], d["c-1"]
' "$T/out"
ok "a note on an authority" "$GLOBE" note br-pf "Call the duty desk first"
ok "a note on a route" "$GLOBE" note r-br-1 "Slow in August"
check_exit "show the route" 0 "$GLOBE" show r-br-1
check_contains "its note" "$out" "Slow in August"
check_exit "a note on nothing" 1 "$GLOBE" note c-99 "x"
check_contains "says so" "$err" "no such contact, authority or route: c-99"
check_exit "note with text and --clear" 2 "$GLOBE" note c-2 x --clear
# Deleted and back: the note stays.
ok "note on c-3" "$GLOBE" note c-3 "Moved to Lyon?"
publish "$T/v2.jsonl"
ok "c-3 is deleted again" "$GLOBE" sync --quiet
check_exit "c-3 is gone" 1 "$GLOBE" show c-3
publish "$T/v3.jsonl"
ok "c-3 comes back" "$GLOBE" sync --quiet
check_exit "note after the return" 0 "$GLOBE" note c-3
check_eq "the note came back with it" "$out" "Moved to Lyon?"
check_exit "note --clear" 0 "$GLOBE" note c-2 --clear
check_contains "cleared" "$out" "note cleared on person c-2"
check_exit "no note now" 1 "$GLOBE" note c-2
check_exit "search by the old note" 1 "$GLOBE" search prefers phone

# --- flags --------------------------------------------------------------
check_exit "no flags" 0 "$GLOBE" flags
check_contains "says how to flag" "$err" "no flags"
check_exit "flag" 0 "$GLOBE" flag c-1 Left the unit in 2025
check_contains "flag 1, kept here: no reports URL" "$out" \
    "flag 1 on person c-1 (José Silva): kept here; the feed names no reports URL"
check_exit "flag a route" 0 "$GLOBE" flag r-br-1 "No longer handles tracing"
check_exit "flag nothing" 1 "$GLOBE" flag c-99 "x"
check_exit "flag without text" 2 "$GLOBE" flag c-1
check_exit "flags" 0 "$GLOBE" flags
check_contains "the flag, waiting" "$out" "Left the unit in 2025"
check_contains "its state" "$out" "waiting"
check_exit "flags --json" 0 "$GLOBE" flags --json
ok "JSON: each flag with the serial seen and its state" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [f["n"] for f in d] == [1, 2], d
assert d[0]["type"] == "contact" and d[0]["id"] == "c-1", d
assert d[0]["name"] == "José Silva" and d[0]["serial"] == 5, d
assert d[0]["feed_id"] == "fresh-test" and d[0]["state"] == "pending", d
assert d[0]["sent"] is None and len(d[0]["report_id"]) == 32, d
' "$T/out"
check_exit "a sync with pending flags" 0 "$GLOBE" sync
check_contains "the summary says they wait, and why" "$out" \
    "2 flags wait: the feed names no reports URL"
check_exit "flags --export" 0 "$GLOBE" flags --export
ok "export: the documents a reports URL would receive" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d) == 2, d
r = d[0]
assert r["format"] == "globe-report/1" and r["serial"] == 5, r
assert r["record"] == {"type": "contact", "id": "c-1", "name": "José Silva"}, r
assert r["text"] == "Left the unit in 2025" and r["feed_id"] == "fresh-test", r
assert r["flagged"].endswith("Z") and r["client"].startswith("globe/"), r
' "$T/out"
check_exit "flags --sent" 0 "$GLOBE" flags --sent --json
check_eq "none sent" "$out" "[]"
check_exit "flags --pending --sent" 2 "$GLOBE" flags --pending --sent
check_exit "show has the flag" 0 "$GLOBE" show c-1
check_contains "Flagged, with its state" "$out" "Flagged       Left the unit in 2025"
check_exit "unflag 1" 0 "$GLOBE" unflag 1
check_contains "withdrawn" "$out" "flag 1 withdrawn"
check_exit "unflag 1 again" 1 "$GLOBE" unflag 1
check_contains "no such flag" "$err" "no such flag: 1"
check_exit "unflag x" 2 "$GLOBE" unflag x
check_exit "flags --pending" 0 "$GLOBE" flags --pending --csv
check_contains "the route's flag is left" "$out" "No longer handles tracing"

# --- hostile text in notes and flags -----------------------------------
hostile=$(printf 'x\033]52;c;cHduZWQ=\007 \033[2J\342\200\256dlrow \302\233y')
ok "a hostile note is kept" "$GLOBE" note c-1 "$hostile"
ok "a hostile flag is kept" "$GLOBE" flag c-1 "$hostile"
for cmd in "show c-1" "note c-1" "flags" "flags --json" "flags --csv" \
    "flags --export" "contacts --json" "contacts --csv" "search x"; do
	# shellcheck disable=SC2086
	"$GLOBE" $cmd >"$T/h.out" 2>&1
	ok "hostile text: nothing raw from $cmd" clean_file "$T/h.out"
done
check_exit "the note as shown" 0 "$GLOBE" note c-1
check_contains "its escapes visible" "$out" "␛]52;c;cHduZWQ=␇"
check_exit "an invalid UTF-8 note" 2 "$GLOBE" note c-1 "$(printf 'bad \377')"
check_contains "is refused" "$err" "a note is UTF-8 text"

done_testing
