#!/bin/sh
# tests/publish/recipients.sh: globe-publish --recipients. A malformed,
# mistyped, unlabelled or repeated recipient line is refused with
# FILE:LINE and nothing is written; --recipients needs --sign. An
# encrypted serial writes .enc objects, one key slot per device and an
# index that says globe-feed/1+members; the key epoch goes on while
# devices are only added, a removal begins a new one with no delta, and
# slots no index lists are pruned with the objects. Without
# --recipients the next serial is plain again, and a device follows; when
# it is encrypted again, no plaintext object is left in the web root.
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"; done_testing; exit 0
fi
"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
src() {
	printf '%s\n' '{"type":"country","code":"FR","name":"France"}' \
	    '{"type":"authority","id":"fr-pnf","country":"FR","name":"Parquet national financier"}' \
	    "{\"type\":\"contact\",\"id\":\"c-1\",\"authority\":\"fr-pnf\",\"name\":\"Odile Quémeneur-Vasst\",\"title\":\"$1\"}" \
	    >"$T/s-$1.jsonl"
}
for v in one two three four five; do src "$v"; done
for d in a b c; do
	printf 'device_key = %s/%s.key\n' "$T" "$d" >"$T/conf-$d"
	"$GLOBE" --config "$T/conf-$d" device init >"$T/tok-$d" 2>/dev/null
done
A=$(cat "$T/tok-a") B=$(cat "$T/tok-b") C=$(cat "$T/tok-c")
pub() { "$PUBLISH" --source "$T/s-$1.jsonl" --out "$T/feed" --sign "$T/k.key" "$@"; }
pub1() { v=$1; shift; "$PUBLISH" --source "$T/s-$v.jsonl" --out "$T/feed" --sign "$T/k.key" "$@"; }

# --- the recipients file ----------------------------------------------------
refused() {	# WHAT FILE-TEXT WANT
	printf '%s\n' "$2" >"$T/r-bad"
	check_exit "$1: refused" 2 pub1 one --recipients "$T/r-bad"
	check_contains "$1: names the line" "$err" "$3"
	check_contains "$1: nothing published" "$err" "nothing published"
	check_eq "$1: nothing written" "$(ls "$T/feed" 2>/dev/null)" ""
}
refused "a line that is not a key" "# the members
$A alice
globe1notakey bob" "r-bad:3: 'globe1notakey' is not a recipient key"
typo=$(printf '%s' "$B" | sed 's/^\(.\{20\}\)./\1Q/')
[ "$typo" = "$B" ] && typo=$(printf '%s' "$B" | sed 's/^\(.\{20\}\)./\1R/')
refused "a mistyped key (its checksum)" "$A alice
$typo bob" "r-bad:2: '$typo' is not a recipient key"
refused "a key without a label" "$A alice
$B" "r-bad:2: the key has no label"
refused "the same key twice" "$A alice
$B bob
$A alice again" "r-bad:3: the same recipient key as line 1"
refused "no recipient at all" "# nobody yet" "no recipient"
printf '%s alice\n' "$A" >"$T/r-a"
check_exit "--recipients without --sign: refused" 2 "$PUBLISH" --source \
    "$T/s-one.jsonl" --out "$T/feed" --recipients "$T/r-a"
check_contains "--recipients without --sign: says why" "$err" "needs --sign"

# --- encrypted serials ----------------------------------------------------------
printf '%s alice\n%s bob   # the deputy\n\n' "$A" "$B" >"$T/r-ab"
check_exit "serial 1 to alice and bob" 0 pub1 one --recipients "$T/r-ab"
check_contains "the summary says it" "$out" \
    "encrypted to 2 devices, key epoch from serial 1 (new: the feed's first serial"
check_eq "index.json says globe-feed/1+members" \
    "$(grep -c '"format": "globe-feed/1+members"' "$T/feed/index.json")" 1
check_eq "objects are .enc" "$(ls "$T/feed/objects" | grep -vc '\.enc$')" 0
check_eq "two key slots" "$(ls "$T/feed/keys" | wc -l | tr -d ' ')" 2
check_eq "no file holds the name" "$(grep -rlaF "Quémeneur" "$T/feed" | wc -l | tr -d ' ')" 0
printf '%s alice\n%s bob\n%s carol\n' "$A" "$B" "$C" >"$T/r-abc"
check_exit "serial 2 adds carol" 0 pub1 two --recipients "$T/r-abc"
check_contains "the epoch goes on, with a delta" "$out" \
    "delta 1→2 objects/"
check_contains "key epoch from serial 1" "$out" "key epoch from serial 1"
check_not_contains "no new epoch" "$out" "(new:"
check_exit "serial 3 removes bob" 0 pub1 three --recipients "$T/r-a"
check_contains "a removal begins a new epoch" "$out" \
    "key epoch from serial 3 (new: a device was removed; no delta)"
check_eq "and the index lists no delta" "$(grep -c '"from"' "$T/feed/index.json")" 0
printf '%s alice\n%s carol\n' "$A" "$C" >"$T/r-ac"
check_exit "serial 4, keep-days 0" 0 pub1 four --recipients "$T/r-ac" --keep-days 0
check_contains "carol added: the epoch of serial 3 goes on" "$out" \
    "key epoch from serial 3; removed"
check_contains "old slots are pruned" "$out" "old key slots"
check_eq "the slots of serial 4 stay" "$(ls "$T/feed/keys" | wc -l | tr -d ' ')" 2
printf 'feed = %s\npubkey = %s\ndevice_key = %s/a.key\n' "$T/feed" "$T/k.pub" \
    "$T" >"$T/conf-sync"
check_exit "alice syncs serial 4" 0 "$GLOBE" --config "$T/conf-sync" \
    --db "$T/a.db" sync

# --- plain again --------------------------------------------------------------
check_exit "serial 5 without --recipients" 0 pub1 five
check_eq "index.json says globe-feed/1 again" \
    "$(grep -c '"format": "globe-feed/1"' "$T/feed/index.json")" 1
check_eq "its objects are plain" \
    "$(python3 -c 'import json,sys; ix=json.load(open(sys.argv[1])); print(" ".join(o["path"][-6:] for o in [ix["snapshot"]] + ix["deltas"]))' "$T/feed/index.json")" \
    ".jsonl .jsonl"
check_exit "alice follows the plain serial by its delta" 0 "$GLOBE" \
    --config "$T/conf-sync" --db "$T/a.db" sync
check_contains "serial 5 (was 4)" "$out" "synced serial 5 (was 4)"
check_exit "she reads it" 0 "$GLOBE" --config "$T/conf-sync" --db "$T/a.db" show c-1
check_contains "serial 5's title" "$out" "five"

# --- encrypted again: no plaintext left behind ---------------------------------
# Serial 5 was plain (and serials 1-4 left no .jsonl). Encrypting serial 6
# must not leave serial 5's plaintext objects in the web root for the grace
# period (--keep-days, 7 days by default): they are deleted at once, with a
# stale temporary file a crashed plain publish could have left.
check_eq "serial 5 left plaintext objects" \
    "$(ls "$T/feed/objects" | grep -c '\.jsonl$')" 2
printf 'x' >"$T/feed/objects/.tmp-stale"
check_exit "serial 6 to alice and carol again" 0 pub1 one --recipients "$T/r-ac"
check_eq "no plaintext object is left" \
    "$(ls -A "$T/feed/objects" | grep -vc '\.enc$')" 0
check_eq "no served file holds the name" \
    "$(grep -rlaF "Quémeneur" "$T/feed" | wc -l | tr -d ' ')" 0
check_exit "alice syncs serial 6" 0 "$GLOBE" --config "$T/conf-sync" \
    --db "$T/a.db" sync
check_exit "she reads it" 0 "$GLOBE" --config "$T/conf-sync" --db "$T/a.db" show c-1
check_contains "serial 6's title" "$out" "one"

done_testing
