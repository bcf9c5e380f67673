#!/bin/sh
# tests/cli/delta.sh: a second serial changes exactly what the publisher
# changed (3 contacts changed, 1 deleted, 1 added), the sync summary says
# so, and the user's stars and read marks survive, even the star of a
# contact that was deleted and later published again; a serial that
# changes, adds and deletes routes changes exactly those.
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"
	done_testing
	exit 0
fi

"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
mkdir -p "$XDG_CONFIG_HOME/globe"
cat >"$XDG_CONFIG_HOME/globe/config" <<EOF
feed = $T/feed
pubkey = $T/k.pub
EOF

publish() {
	"$PUBLISH" --source "$1" --out "$T/feed" --sign "$T/k.key" \
		--feed-id delta-test --quiet
}

common='{"type":"country","code":"BR","name":"Brazil","region":"Americas"}
{"type":"country","code":"FR","name":"France","region":"Europe"}
{"type":"authority","id":"br-pf","country":"BR","name":"Polícia Federal","acronym":"PF","kind":"police"}
{"type":"authority","id":"fr-pnf","country":"FR","name":"Parquet national financier","acronym":"PNF","kind":"prosecution"}
{"type":"newsletter","id":"nl-1","issue":"2026/1","published":"2026-03-31","title":"First issue","body":"One."}
{"type":"newsletter","id":"nl-2","issue":"2026/2","published":"2026-06-30","title":"Second issue","body":"Two."}'

c1='{"type":"contact","id":"c-1","authority":"br-pf","name":"José Silva","title":"Delegado","email":"jose@pf.example"}'
c1b='{"type":"contact","id":"c-1","authority":"br-pf","name":"José Silva","title":"Superintendente","email":"jose@pf.example"}'
c2='{"type":"contact","id":"c-2","authority":"br-pf","name":"Ana Costa","title":"Agente","email":"ana@pf.example"}'
c2b='{"type":"contact","id":"c-2","authority":"br-pf","name":"Ana Costa","title":"Agente","email":"ana.costa@pf.example"}'
c3='{"type":"contact","id":"c-3","authority":"fr-pnf","name":"Marie Dupont","title":"Magistrate"}'
c3b='{"type":"contact","id":"c-3","authority":"fr-pnf","name":"Marie Lefèvre","title":"Magistrate"}'
c4='{"type":"contact","id":"c-4","authority":"fr-pnf","name":"Paul Martin","title":"Prosecutor"}'
c5='{"type":"contact","id":"c-5","authority":"fr-pnf","name":"Claire Bernard","title":"Clerk"}'
c6='{"type":"contact","id":"c-6","authority":"br-pf","name":"Rui Lima","title":"Analyst"}'

printf '%s\n' "$common" "$c1" "$c2" "$c3" "$c4" "$c5" >"$T/v1.jsonl"
# v2: c-1, c-2, c-3 changed; c-5 (starred) deleted; c-6 added.
printf '%s\n' "$common" "$c1b" "$c2b" "$c3b" "$c4" "$c6" >"$T/v2.jsonl"
# v3: c-5 is back, unchanged.
printf '%s\n' "$common" "$c1b" "$c2b" "$c3b" "$c4" "$c5" "$c6" >"$T/v3.jsonl"

publish "$T/v1.jsonl"
check_exit "first sync" 0 "$GLOBE" sync
check_contains "first sync: serial 1" "$out" "synced serial 1"
ok "star c-1" "$GLOBE" star c-1
ok "star c-5" "$GLOBE" star c-5
ok "star an authority" "$GLOBE" star fr-pnf
ok "read nl-1" "$GLOBE" read nl-1
"$GLOBE" show c-4 --json >"$T/c4.before"
"$GLOBE" status --json >"$T/status.before"

publish "$T/v2.jsonl"
check_exit "delta sync" 0 "$GLOBE" sync
check_contains "delta: serial 2 (was 1)" "$out" "synced serial 2 (was 1)"
check_contains "delta: contacts +1 ~3 -1" "$out" "contacts +1 ~3 -1"
case "$out" in
*authorities*)
	check_contains "delta: authorities unchanged" "$out" "authorities +0 ~0 -0" ;;
*) pass "delta: authorities unchanged (not mentioned)" ;;
esac

check_exit "show c-1" 0 "$GLOBE" show c-1
check_contains "c-1: new title" "$out" "Superintendente"
check_not_contains "c-1: old title gone" "$out" "Delegado"
check_exit "show c-2" 0 "$GLOBE" show c-2
check_contains "c-2: new email" "$out" "ana.costa@pf.example"
check_exit "search the new name" 0 "$GLOBE" search lefevre
check_contains "c-3: found by the new name (accent-insensitive)" "$out" "Marie Lefèvre"
check_exit "search the old name (no match: exit 1)" 1 "$GLOBE" search dupont
check_not_contains "c-3: old name not found" "$out" "Dupont"
check_exit "deleted contact" 1 "$GLOBE" show c-5
check_exit "search a deleted contact (no match: exit 1)" 1 "$GLOBE" search claire
check_not_contains "deleted contact not found" "$out" "Claire"
check_exit "added contact" 0 "$GLOBE" show c-6
check_contains "c-6 is there" "$out" "Rui Lima"
"$GLOBE" show c-4 --json >"$T/c4.after"
ok "untouched contact identical" cmp "$T/c4.before" "$T/c4.after"
check_exit "contacts" 0 "$GLOBE" contacts --csv
check_eq "five contacts and a header" \
	"$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 6

check_exit "starred after delta" 0 "$GLOBE" starred
check_contains "star kept on a changed contact" "$out" "c-1"
check_contains "star kept on the authority" "$out" "fr-pnf"
check_not_contains "a deleted contact is not listed" "$out" "c-5"
check_exit "newsletters after delta" 0 "$GLOBE" newsletters --json
ok "read mark kept" python3 -c '
import json, sys
d = {n["id"]: n for n in json.load(open(sys.argv[1]))}
assert d["nl-1"]["read"] is True and d["nl-2"]["read"] is False, d
' "$T/out"

publish "$T/v3.jsonl"
check_exit "third sync" 0 "$GLOBE" sync
check_contains "third: serial 3" "$out" "synced serial 3 (was 2)"
check_contains "third: contacts +1 ~0 -0" "$out" "contacts +1 ~0 -0"
check_exit "re-added contact" 0 "$GLOBE" show c-5 --json
ok "re-added contact keeps its star" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d[0]["id"] == "c-5" and d[0]["starred"] is True, d
' "$T/out"
check_exit "starred after re-add" 0 "$GLOBE" starred
check_contains "starred lists the re-added contact" "$out" "Claire Bernard"
check_exit "status" 0 "$GLOBE" status --json
ok "status: serial 3, 6 contacts, 3 starred, 1 unread" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
c = d["counts"]
assert d["serial"] == 3 and c["contacts"] == 6, d
assert c["starred"] == 3 and c["unread"] == 1, d
' "$T/out"

check_exit "sync with nothing new" 0 "$GLOBE" sync
check_contains "nothing new" "$out" "already up to date (serial 3)"

# Routes: serial 4 adds three; serial 5 changes one, adds one, deletes
# one and leaves one alone: exactly those change.
r1='{"type":"route","id":"r-1","country":"BR","measure":"asset-tracing","authority":"br-pf","contact":"c-1","formality":"informal","languages":["pt","en:urgent-only"]}'
r1b='{"type":"route","id":"r-1","country":"BR","measure":"asset-tracing","authority":"br-pf","contact":"c-1","formality":"informal","languages":["pt","en"]}'
r2='{"type":"route","id":"r-2","country":"BR","measure":"asset-tracing","authority":"br-pf","formality":"formal","rank":"1"}'
r3='{"type":"route","id":"r-3","country":"FR","measure":"mla","authority":"fr-pnf","contact":"c-3"}'
r4='{"type":"route","id":"r-4","country":"FR","measure":"freezing","authority":"fr-pnf"}'
printf '%s\n' "$common" "$c1b" "$c2b" "$c3b" "$c4" "$c5" "$c6" "$r1" "$r2" \
    "$r3" >"$T/v4.jsonl"
printf '%s\n' "$common" "$c1b" "$c2b" "$c3b" "$c4" "$c5" "$c6" "$r1b" "$r2" \
    "$r4" >"$T/v5.jsonl"
publish "$T/v4.jsonl"
check_exit "routes: serial 4" 0 "$GLOBE" sync
check_contains "routes: serial 4 adds three" "$out" "routes +3 ~0 -0"
"$GLOBE" show r-2 --json | grep -v '_time"\|answering_now"' >"$T/r2.before"
"$GLOBE" status --json >"$T/status4"
publish "$T/v5.jsonl"
check_exit "routes: serial 5" 0 "$GLOBE" sync
check_contains "routes: +1 ~1 -1 exactly" "$out" "routes +1 ~1 -1"
check_not_contains "routes: no contact counted" "$out" "contacts"
check_exit "routes: the changed one" 0 "$GLOBE" route BR asset-tracing --json
ok "routes: r-1 changed, r-2 as it was" python3 -c '
import json, sys
d = {r["id"]: r for r in json.load(open(sys.argv[1]))}
assert d["r-1"]["languages"] == ["pt", "en"], d["r-1"]
assert d["r-2"]["rank"] == "1"
' "$T/out"
"$GLOBE" show r-2 --json | grep -v '_time"\|answering_now"' >"$T/r2.after"
ok "routes: the untouched one identical" cmp "$T/r2.before" "$T/r2.after"
check_exit "routes: the deleted one is gone" 1 "$GLOBE" show r-3
check_exit "routes: the added one" 0 "$GLOBE" route FR freezing
check_contains "routes: the added one's authority" "$out" "Parquet national financier"

done_testing
