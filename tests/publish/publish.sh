#!/bin/sh
# tests/publish/publish.sh: globe-publish as the secretariat uses it. Keys,
# the first serial, an unchanged republish, a delta with exactly the
# changed, added and deleted records, byte-for-byte reproducible feeds,
# content-addressed objects, refused sources that leave the feed as it
# was, minisign interoperability, delta pruning and the grace period of
# old objects, and an index always newer than the one it replaces.
# Sources are written here, small, in $T.
. "${srcdir:-.}/tests/lib.sh"

if [ ! -x "$PUBLISH" ]; then
	echo "# SKIP globe-publish not built"
	done_testing
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "# SKIP python3 is needed to read index.json"
	done_testing
	exit 0
fi

export SOURCE_DATE_EPOCH=1790000000	# 2026-09-21T14:13:20Z

# ix DIR EXPR: evaluates a Python expression over DIR/index.json (as i).
ix() {
	python3 -c 'import json, sys
i = json.load(open(sys.argv[1] + "/index.json"))
print(eval(sys.argv[2]))' "$1" "$2"
}

# tree DIR: one line per file (name and sha256): equal trees, equal text.
tree() {
	(cd "$1" && find . -type f | LC_ALL=C sort | while read -r f; do
		printf '%s %s\n' "$f" "$(sha256sum <"$f" | cut -c1-64)"
	done)
}

# obj DIR EXPR: the text of the object whose path the index gives by EXPR.
obj() {
	cat "$1/$(ix "$1" "$2")"
}

# publish SOURCE DIR [OPTION...]: publish with the test key, quietly.
publish() {
	psrc=$1 pdir=$2; shift 2
	"$PUBLISH" --source "$psrc" --out "$pdir" --sign "$T/k.key" \
	    --feed-id test-feed --quiet "$@"
}

# --- keys -------------------------------------------------------------------

check_exit "keygen" 0 "$PUBLISH" --keygen "$T/k"
check_eq "keygen: the secret key is 0600" "$(stat -c %a "$T/k.key")" 600
check_contains "keygen: the public key file" "$(head -n 1 "$T/k.pub")" \
    "untrusted comment: minisign public key"
check_contains "keygen prints the public key" "$out" "$(tail -n 1 "$T/k.pub")"
cp "$T/k.key" "$T/k.key.orig"
check_exit "keygen refuses to overwrite a key" 1 "$PUBLISH" --keygen "$T/k"
check_contains "keygen: says why" "$err" "exists"
ok "keygen: the old key is untouched" cmp "$T/k.key" "$T/k.key.orig"

# --- usage ------------------------------------------------------------------

check_exit "no options" 2 "$PUBLISH"
check_contains "no options: says what is needed" "$err" "--source"
check_exit "unknown option" 2 "$PUBLISH" --frobnicate
check_exit "--expires-days 0" 2 "$PUBLISH" --source x --out y --expires-days 0
check_exit "--keep-days abc" 2 "$PUBLISH" --source x --out y --keep-days abc
check_exit "--feed-id with a space" 2 "$PUBLISH" --source x --out y \
    --feed-id 'a b'
check_exit "--sign-file without --sign" 2 "$PUBLISH" --sign-file "$T/k.pub"
check_exit "--keygen with --source" 2 "$PUBLISH" --keygen "$T/z" --source x
check_exit "--help" 0 "$PUBLISH" --help
check_contains "--help lists --keep-days" "$out" "--keep-days"
check_exit "--version" 0 "$PUBLISH" --version
check_contains "--version" "$out" "globe-publish "
check_exit "a missing source" 1 "$PUBLISH" --source "$T/nope.jsonl" \
    --out "$T/nope"
check_contains "a missing source: names it" "$err" "$T/nope.jsonl"

# --- serial 1 ---------------------------------------------------------------

# Canonical lines (keys in the contract's table order).
CO_BR='{"type":"country","code":"BR","name":"Brazil","region":"Americas"}'
CO_FR='{"type":"country","code":"FR","name":"France","region":"Europe"}'
AU_BR='{"type":"authority","id":"br-pf","country":"BR","name":"Polícia Federal","acronym":"PF","kind":"police","languages":["pt","en"]}'
AU_FR='{"type":"authority","id":"fr-pnf","country":"FR","name":"Parquet national financier","acronym":"PNF"}'
AU_FR2='{"type":"authority","id":"fr-pnf","country":"FR","name":"Parquet national financier","acronym":"PNF","kind":"prosecution"}'
C1='{"type":"contact","id":"c-1","authority":"br-pf","name":"José Silva","title":"Delegado"}'
C1B='{"type":"contact","id":"c-1","authority":"br-pf","name":"José Silva","title":"Superintendente"}'
C2='{"type":"contact","id":"c-2","authority":"br-pf","name":"Ana Costa","email":"ana@pf.example"}'
C3='{"type":"contact","id":"c-3","authority":"fr-pnf","name":"Marie Dupont"}'
C4='{"type":"contact","id":"c-4","authority":"fr-pnf","name":"Inês Falcão","role":"case-officer"}'
C10='{"type":"contact","id":"c-10","authority":"fr-pnf","name":"Paul Martin","languages":["fr"]}'
NL1='{"type":"newsletter","id":"nl-1","published":"2026-03-31","title":"First issue","body":"One.\n\nTwo."}'
NL1B='{"type":"newsletter","id":"nl-1","published":"2026-03-31","title":"First issue (corrected)","body":"One.\n\nTwo."}'

# The source in no particular order, one line with its keys shuffled and
# a field the format does not know, and blank lines.
{
	printf '%s\n' "$NL1" "$C2" "$C10" ""
	printf '%s\n' '{"name":"Marie Dupont","id":"c-3","type":"contact","authority":"fr-pnf","nickname":"M"}'
	printf '%s\n' "$AU_FR" "$CO_FR" "$C1" "$AU_BR" "$CO_BR" "  "
} >"$T/a.jsonl"

F="$T/feed"
check_exit "publish serial 1" 0 "$PUBLISH" --source "$T/a.jsonl" --out "$F" \
    --sign "$T/k.key" --feed-id test-feed
check_contains "summary: serial and records" "$out" "serial 1: snapshot objects/"
check_contains "summary: record count" "$out" "9 records"
check_eq "serial 1" "$(ix "$F" 'i["serial"]')" 1
check_eq "serial 1: feed id" "$(ix "$F" 'i["feed_id"]')" test-feed
check_eq "serial 1: snapshot serial" "$(ix "$F" 'i["snapshot"]["serial"]')" 1
check_eq "serial 1: no deltas" "$(ix "$F" 'len(i["deltas"])')" 0
check_eq "issued is SOURCE_DATE_EPOCH" "$(ix "$F" 'i["issued"]')" \
    2026-09-21T14:13:20Z
check_eq "expires 30 days later" "$(ix "$F" 'i["expires"]')" \
    2026-10-21T14:13:20Z
check_eq "serial 1: the snapshot, sorted and canonical" \
    "$(obj "$F" 'i["snapshot"]["path"]')" \
    "$(printf '%s\n' \
	'{"format":"globe-feed/1","feed_id":"test-feed","kind":"snapshot","serial":1}' \
	"$CO_BR" "$CO_FR" "$AU_BR" "$AU_FR" "$C1" "$C10" "$C2" "$C3" "$NL1")"
check_eq "serial 1: one object" "$(ls "$F/objects" | wc -l)" 1
check_eq "objects are readable by the web server" \
    "$(stat -c %a "$F/objects/"*.jsonl "$F/index.json" | sort -u)" 644

# --- serial 2: nothing changed --------------------------------------------

check_exit "republish the same source" 0 "$PUBLISH" --source "$T/a.jsonl" \
    --out "$F" --sign "$T/k.key"
check_contains "summary: an empty delta" "$out" " +0 ~0 -0)"
check_eq "serial 2" "$(ix "$F" 'i["serial"]')" 2
check_eq "serial 2: the feed keeps its id" "$(ix "$F" 'i["feed_id"]')" test-feed
check_eq "serial 2: one delta 1→2" \
    "$(ix "$F" '[(d["from"], d["to"]) for d in i["deltas"]]')" "[(1, 2)]"
check_eq "serial 2: the delta is its header only" \
    "$(obj "$F" 'i["deltas"][0]["path"]')" \
    '{"format":"globe-feed/1","feed_id":"test-feed","kind":"delta","from":1,"serial":2}'

# --- serial 3: three changed, one deleted, one added ----------------------

printf '%s\n' "$CO_BR" "$CO_FR" "$AU_BR" "$AU_FR2" "$C1B" "$C3" "$C4" "$C10" \
    "$NL1B" >"$T/b.jsonl"
check_exit "publish serial 3" 0 "$PUBLISH" --source "$T/b.jsonl" --out "$F" \
    --sign "$T/k.key"
check_contains "summary: +1 ~3 -1" "$out" "delta 2→3"
check_contains "summary: counts" "$out" " +1 ~3 -1)"
check_eq "serial 3: the delta has exactly the changes" \
    "$(obj "$F" 'i["deltas"][-1]["path"]')" \
    "$(printf '%s\n' \
	'{"format":"globe-feed/1","feed_id":"test-feed","kind":"delta","from":2,"serial":3}' \
	"$AU_FR2" "$C1B" "$C4" "$NL1B" \
	'{"type":"delete","of":"contact","id":"c-2"}')"
check_eq "serial 3: deltas 1→2 and 2→3" \
    "$(ix "$F" '[(d["from"], d["to"]) for d in i["deltas"]]')" \
    "[(1, 2), (2, 3)]"

# --- serial 4: deletes run from newsletters down to countries -------------

printf '%s\n' "$CO_FR" "$AU_FR2" "$C3" "$C4" "$C10" >"$T/c.jsonl"
ok "publish serial 4" publish "$T/c.jsonl" "$F"
check_eq "serial 4: deletes in reverse type order" \
    "$(obj "$F" 'i["deltas"][-1]["path"]')" \
    "$(printf '%s\n' \
	'{"format":"globe-feed/1","feed_id":"test-feed","kind":"delta","from":3,"serial":4}' \
	'{"type":"delete","of":"newsletter","id":"nl-1"}' \
	'{"type":"delete","of":"contact","id":"c-1"}' \
	'{"type":"delete","of":"authority","id":"br-pf"}' \
	'{"type":"delete","of":"country","id":"BR"}')"

# --- objects are named by their hash, and sized as the index says ---------

bad=""
for f in "$F"/objects/*.jsonl; do
	want=$(basename "$f" .jsonl)
	got=$(sha256sum <"$f" | cut -c1-64)
	[ "$got" = "$want" ] || bad="$bad $f"
done
check_eq "every object's sha256 is its name" "$bad" ""
check_eq "index sizes and hashes match the files" "$(python3 -c '
import hashlib, json, sys
d = sys.argv[1]
i = json.load(open(d + "/index.json"))
bad = []
for o in [i["snapshot"]] + i["deltas"]:
    b = open(d + "/" + o["path"], "rb").read()
    if len(b) != o["size"] or hashlib.sha256(b).hexdigest() != o["sha256"]:
        bad.append(o["path"])
print(bad)' "$F")" "[]"
check_eq "old objects stay (grace period)" "$(ls "$F/objects" | wc -l)" 7

# --- reproducible: same source, same time, same bytes ---------------------

for d in r1 r2; do
	publish "$T/a.jsonl" "$T/$d"
	publish "$T/b.jsonl" "$T/$d"
done
check_eq "two fresh feeds are byte-identical" "$(tree "$T/r1")" "$(tree "$T/r2")"
ok "two fresh feeds: diff -r finds nothing" diff -r "$T/r1" "$T/r2"
SOURCE_DATE_EPOCH=1790086400 publish "$T/a.jsonl" "$T/r3"
SOURCE_DATE_EPOCH=1790086400 publish "$T/b.jsonl" "$T/r3"
check_eq "another time: the same objects" "$(ls "$T/r3/objects")" \
    "$(ls "$T/r1/objects")"
if cmp -s "$T/r1/index.json" "$T/r3/index.json"; then
	fail "another time: another index"
else
	pass "another time: another index"
fi
check_exit "--issued sets the time" 0 "$PUBLISH" --source "$T/a.jsonl" \
    --out "$T/r4" --issued 2026-01-02T03:04:05Z --expires-days 2 --quiet
check_eq "--issued: issued" "$(ix "$T/r4" 'i["issued"]')" 2026-01-02T03:04:05Z
check_eq "--expires-days 2" "$(ix "$T/r4" 'i["expires"]')" 2026-01-04T03:04:05Z
check_eq "default feed id" "$(ix "$T/r4" 'i["feed_id"]')" globe-network

printf '\357\273\277%s\r\n%s\r\n' "$CO_FR" "$CO_BR" >"$T/crlf.jsonl"
check_exit "a source with a byte order mark and CRLF" 0 "$PUBLISH" \
    --source "$T/crlf.jsonl" --out "$T/crlf" --quiet
check_eq "BOM and CRLF: canonical lines" "$(obj "$T/crlf" 'i["snapshot"]["path"]')" \
    "$(printf '%s\n' \
	'{"format":"globe-feed/1","feed_id":"globe-network","kind":"snapshot","serial":1}' \
	"$CO_BR" "$CO_FR")"

# --- a bad source is refused and changes nothing --------------------------

before=$(tree "$F")

# refuse NAME LINE ERE... : the source $T/NAME.jsonl is refused with exit 4,
# stderr names FILE:LINE and matches every ERE, and the feed is unchanged.
refuse() {
	rname=$1 rline=$2; shift 2
	check_exit "bad source ($rname): refused" 4 "$PUBLISH" \
	    --source "$T/$rname.jsonl" --out "$F" --sign "$T/k.key"
	check_contains "bad source ($rname): FILE:LINE" "$err" \
	    "$T/$rname.jsonl:$rline: "
	for re in "$@"; do
		if printf '%s\n' "$err" | grep -Eq -- "$re"; then
			pass "bad source ($rname): says '$re'"
		else
			fail "bad source ($rname): says '$re'"
			printf '#   stderr: %s\n' "$err"
		fi
	done
	check_eq "bad source ($rname): feed unchanged" "$(tree "$F")" "$before"
}

printf '%s\n' "$CO_BR" '{"type":"contact","id":"c-7","authority":"br-pf"}' \
    "$AU_BR" >"$T/missing.jsonl"
refuse missing 2 "contact c-7: missing field 'name'"

printf '%s\n' "$CO_BR" "$AU_BR" "$C1" "$C2" "" "$C1B" >"$T/dup.jsonl"
refuse dup 6 "duplicate contact id 'c-1' \(first at line 3\)"

printf '%s\n' "$CO_BR" "$AU_BR" "$C1" \
    '{"type":"contact","id":"c-9","authority":"xx","name":"Nobody"}' \
    >"$T/dangling.jsonl"
refuse dangling 4 "contact c-9: field 'authority': no authority 'xx'"

printf '%s\n' "$CO_BR" "$AU_FR" >"$T/nocountry.jsonl"
refuse nocountry 2 "authority fr-pnf: field 'country': no country 'FR'"

printf '%s\n' "$CO_BR" "$AU_BR" '{"type":"contact","id":"c-1",' >"$T/json.jsonl"
refuse json 3 "invalid JSON"

printf '%s\n' "$CO_BR" "$AU_BR" '{"type":"delete","of":"contact","id":"c-2"}' \
    >"$T/delete.jsonl"
refuse delete 3 "delete lines are not allowed"
# The client's parser skips a delete of a type it does not know; in a
# source it is still a delete line.
printf '%s\n' "$CO_BR" '{"type":"delete","of":"planet","id":"mars"}' \
    >"$T/deleteunknown.jsonl"
refuse deleteunknown 2 "delete lines are not allowed"

printf '%s\n' "$CO_BR" '{"type":"widget","id":"w-1"}' >"$T/unknown.jsonl"
refuse unknown 2 "unknown record type 'widget'"

printf '%s\n' "$CO_BR" \
    '{"type":"authority","id":"br-pf","country":"BR","name":"PF","languages":"pt"}' \
    >"$T/wrongtype.jsonl"
refuse wrongtype 2 "field 'languages'"

# Routes: checked as the client checks them at commit.
RT='{"type":"route","id":"r-1","country":"BR","measure":"asset-tracing",'
printf '%s\n' "$CO_BR" "$AU_BR" "$C1" \
    "$RT"'"authority":"br-xx"}' >"$T/rnoauth.jsonl"
refuse rnoauth 4 "route r-1: field 'authority': no authority 'br-xx'"
printf '%s\n' "$CO_BR" "$AU_BR" "$C1" \
    "$RT"'"authority":"br-pf","contact":"c-404"}' >"$T/rnocontact.jsonl"
refuse rnocontact 4 "route r-1: field 'contact': no contact 'c-404'"
printf '%s\n' '{"type":"route","id":"r-2","country":"FR","measure":"mla","authority":"br-pf"}' \
    "$CO_BR" "$AU_BR" >"$T/rnocountry.jsonl"
refuse rnocountry 1 "route r-2: field 'country': no country 'FR'"
printf '%s\n' "$CO_BR" "$AU_BR" "$C1" \
    '{"type":"authority","id":"br-cgu","country":"BR","name":"CGU"}' \
    '{"type":"contact","id":"c-9","authority":"br-cgu","name":"Nine"}' \
    "$RT"'"authority":"br-pf","contact":"c-9"}' >"$T/relsewhere.jsonl"
refuse relsewhere 6 "route r-1: field 'contact': contact 'c-9' works for authority 'br-cgu', not for the route's 'br-pf'"
printf '%s\n' "$CO_BR" "$AU_BR" "$RT"'"authority":"br-pf","rank":"1st"}' \
    >"$T/rrank.jsonl"
refuse rrank 3 "route r-1: field 'rank': \"1st\" is not a decimal"
printf '%s\n' "$CO_BR" "$AU_BR" "$RT"'"authority":"br-pf"}' \
    "$RT"'"authority":"br-pf"}' >"$T/rdup.jsonl"
refuse rdup 4 "duplicate route id 'r-1' \(first at line 3\)"

printf '%s\n' '{"type":"contact","id":"c-1"}' "$CO_BR" '[1]' >"$T/several.jsonl"
refuse several 1 "several.jsonl:3: "

check_exit "a bad source into a new directory" 4 "$PUBLISH" \
    --source "$T/dup.jsonl" --out "$T/never"
if [ -e "$T/never" ]; then fail "a bad source creates nothing"
else pass "a bad source creates nothing"; fi

# --- the feed in the output directory ------------------------------------

check_exit "another feed id is refused" 1 "$PUBLISH" --source "$T/b.jsonl" \
    --out "$F" --sign "$T/k.key" --feed-id other-feed
check_contains "another feed id: says so" "$err" "holds feed 'test-feed'"
check_eq "another feed id: feed unchanged" "$(tree "$F")" "$before"

rm -rf "$T/damaged"
cp -R "$F" "$T/damaged"
snap=$(ix "$T/damaged" 'i["snapshot"]["path"]')
printf '%s\n' "$C2" >>"$T/damaged/$snap"
dbefore=$(tree "$T/damaged")
check_exit "a damaged previous snapshot is refused" 1 "$PUBLISH" \
    --source "$T/b.jsonl" --out "$T/damaged" --sign "$T/k.key"
check_contains "damaged: says so" "$err" "does not match its size or sha256"
check_eq "damaged: feed unchanged" "$(tree "$T/damaged")" "$dbefore"

# --- signatures: minisign interoperability --------------------------------

if command -v minisign >/dev/null 2>&1; then
	ok "minisign -V accepts our signature of index.json" \
	    minisign -V -p "$T/k.pub" -m "$F/index.json"
	check_contains "trusted comment as minisign writes it" \
	    "$(sed -n 3p "$F/index.json.minisig")" \
	    "$(printf 'trusted comment: timestamp:1790000000\tfile:index.json\thashed')"
	rm -f "$T/ms.key" "$T/ms.pub"
	minisign -G -W -p "$T/ms.pub" -s "$T/ms.key" >/dev/null 2>&1
	check_exit "a key made by minisign -G -W signs" 0 "$PUBLISH" \
	    --source "$T/a.jsonl" --out "$T/ms-feed" --sign "$T/ms.key" --quiet
	ok "minisign -V accepts it" \
	    minisign -V -p "$T/ms.pub" -m "$T/ms-feed/index.json"
	printf 'hello mirror\n' >"$T/file.txt"
	check_exit "--sign-file" 0 "$PUBLISH" --sign-file "$T/file.txt" \
	    --sign "$T/k.key"
	ok "--sign-file: minisign -V accepts FILE.minisig" \
	    minisign -V -p "$T/k.pub" -m "$T/file.txt"
	check_contains "--sign-file: the trusted comment names the file" \
	    "$(sed -n 3p "$T/file.txt.minisig")" "file:file.txt"
	printf 'tampered\n' >>"$T/file.txt"
	if minisign -V -q -p "$T/k.pub" -m "$T/file.txt" >/dev/null 2>&1; then
		fail "minisign -V refuses a changed file"
	else
		pass "minisign -V refuses a changed file"
	fi
	printf 'pw\npw\n' | minisign -G -p "$T/enc.pub" -s "$T/enc.key" \
	    >/dev/null 2>&1
	check_exit "an encrypted minisign key is refused" 1 "$PUBLISH" \
	    --sign-file "$T/k.pub" --sign "$T/enc.key"
	check_contains "encrypted key: says how to make one" "$err" "-W"
else
	echo "# SKIP minisign not installed"
fi

check_exit "--sign with a file that is not a key" 1 "$PUBLISH" \
    --source "$T/a.jsonl" --out "$T/nokey" --sign "$T/a.jsonl"
if [ -e "$T/nokey" ]; then fail "a bad key creates nothing"
else pass "a bad key creates nothing"; fi

rm -rf "$T/unsigned"
cp -R "$T/r1" "$T/unsigned"
check_exit "publish without --sign" 0 "$PUBLISH" --source "$T/a.jsonl" \
    --out "$T/unsigned"
check_contains "without --sign: a warning" "$err" "not signed"
if [ -e "$T/unsigned/index.json.minisig" ]; then
	fail "without --sign: the old signature is removed"
else
	pass "without --sign: the old signature is removed"
fi

# --- pruning: deltas kept while their total stays below the snapshot ------

P="$T/prune"
gen() {	# gen N: 1 country, 1 authority, 20 contacts; c-01's title is vN
	printf '%s\n' "$CO_BR" "$AU_BR"
	for k in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
		t=fixed
		[ "$k" = 01 ] && t="v$1"
		printf '{"type":"contact","id":"c-%s","authority":"br-pf","name":"Person %s","title":"%s"}\n' "$k" "$k" "$t"
	done
}
mkdir -p "$T/pidx"
failed_pub=0
for s in 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29; do
	gen "$s" >"$T/p.jsonl"
	publish "$T/p.jsonl" "$P" || failed_pub=1
	cp "$P/index.json" "$T/pidx/$s.json"
done
check_eq "twenty publications" "$failed_pub/$(ix "$P" 'i["serial"]')" 0/20
check_eq "pruned deltas: a contiguous chain ending at the serial, total below the snapshot, and no room for the next older one" \
    "$(python3 -c '
import glob, json, sys
i = json.load(open(sys.argv[1] + "/index.json"))
d = i["deltas"]
snap = i["snapshot"]["size"]
total = sum(x["size"] for x in d)
ok = [len(d) >= 2, len(d) < 19, d[-1]["to"] == i["serial"],
      all(d[k]["to"] == d[k + 1]["from"] for k in range(len(d) - 1)),
      all(x["to"] == x["from"] + 1 for x in d), total < snap]
older = None
for f in glob.glob(sys.argv[2] + "/*.json"):
    for x in json.load(open(f))["deltas"]:
        if x["to"] == d[0]["from"]:
            older = x
ok.append(older is not None and total + older["size"] >= snap)
print(ok)' "$P" "$T/pidx")" "[True, True, True, True, True, True, True]"
nlisted=$(ix "$P" '1 + len(i["deltas"])')
check_eq "unlisted objects stay during --keep-days" \
    "$(ls "$P/objects" | wc -l)" 39
check_exit "--keep-days 0" 0 "$PUBLISH" --source "$T/p.jsonl" --out "$P" \
    --sign "$T/k.key" --keep-days 0
check_contains "--keep-days 0: summary says what went" "$out" "removed"
check_eq "--keep-days 0: only listed objects remain" \
    "$(ls "$P/objects" | wc -l)" "$(ix "$P" '1 + len(i["deltas"])')"
ok "--keep-days 0: every listed object is there" python3 -c '
import json, os, sys
i = json.load(open(sys.argv[1] + "/index.json"))
for o in [i["snapshot"]] + i["deltas"]:
    assert os.path.exists(sys.argv[1] + "/" + o["path"]), o["path"]' "$P"
old_snap=$(ix "$P" 'i["snapshot"]["path"]')
publish "$T/p.jsonl" "$P"
mid_snap=$(ix "$P" 'i["snapshot"]["path"]')
touch -d '8 days ago' "$P/$old_snap"
publish "$T/p.jsonl" "$P"
if [ -e "$P/$old_snap" ]; then fail "an object unlisted for 8 days goes"
else pass "an object unlisted for 8 days goes"; fi
if [ -e "$P/$mid_snap" ]; then pass "a recently unlisted object stays"
else fail "a recently unlisted object stays"; fi

# Most of the directory removed: the delta (19 delete lines) is larger
# than the new snapshot and not worth listing.
gen 99 | head -n 3 >"$T/p2.jsonl"
check_exit "a delta as big as the snapshot" 0 "$PUBLISH" \
    --source "$T/p2.jsonl" --out "$P" --sign "$T/k.key"
check_contains "big delta: summary says it is not kept" "$out" "not kept"
check_eq "big delta: the index lists no deltas" "$(ix "$P" 'len(i["deltas"])')" 0

# Web servers derive ETag and Last-Modified from the modification time in
# whole seconds: each serial's index and signature are given a time after
# the ones they replace, even when the last serial was written within the
# same second or by a clock that was ahead (here an hour).
ahead=$(( $(date +%s) + 3600 ))
touch -d "@$ahead" "$P/index.json" "$P/index.json.minisig"
publish "$T/p.jsonl" "$P"
check_eq "index.json: one second after the index it replaced" \
    "$(stat -c %Y "$P/index.json")" "$((ahead + 1))"
check_eq "index.json.minisig: one second after the signature it replaced" \
    "$(stat -c %Y "$P/index.json.minisig")" "$((ahead + 1))"
was=$(stat -c %Y "$P/index.json")
publish "$T/p.jsonl" "$P"
publish "$T/p.jsonl" "$P"
check_eq "two serials more at once: each a second later" \
    "$(stat -c %Y "$P/index.json")" "$((was + 2))"

# An index dated more than a day ahead (a publishing clock set to the
# wrong year) is not followed: the next serial is dated now, not in 2400.
touch -d "2400-01-01 00:00:00 UTC" "$P/index.json" "$P/index.json.minisig"
before=$(date +%s)
publish "$T/p.jsonl" "$P"
after=$(date +%s)
now_ok=no
m=$(stat -c %Y "$P/index.json")
[ "$m" -ge "$before" ] && [ "$m" -le "$after" ] && now_ok=yes
check_eq "an index dated 2400 is not followed: the next one is dated now" \
    "$now_ok" yes

# A route's removal is not kept as a delta: clients from before routes skip
# route records but refuse a delete line of a type they do not know, every
# sync; through the snapshot they follow. A route added or changed stays
# in a delta. A client syncs these serials, so they are issued now.
unset SOURCE_DATE_EPOCH
R="$T/rt"
RT1="$RT"'"authority":"br-pf"}'
RT2='{"type":"route","id":"r-2","country":"BR","measure":"freezing","authority":"br-pf"}'
printf '%s\n' "$CO_BR" "$AU_BR" "$C1" "$RT1" "$RT2" >"$T/rt1.jsonl"
publish "$T/rt1.jsonl" "$R"
printf '%s\n' "$CO_BR" "$AU_BR" "$C1" "$RT1" \
    '{"type":"route","id":"r-2","country":"BR","measure":"freezing","authority":"br-pf","notes":"by court order"}' \
    >"$T/rt2.jsonl"
check_exit "a route changed" 0 "$PUBLISH" --source "$T/rt2.jsonl" --out "$R" \
    --sign "$T/k.key" --feed-id test-feed
check_contains "a route changed: its delta is kept" "$out" "delta 1→2 objects/"
check_eq "a route changed: the index lists the delta" \
    "$(ix "$R" 'len(i["deltas"])')" 1
printf '%s\n' 'feed = '"$R" 'pubkey = '"$T/k.pub" >"$T/rt.conf"
check_exit "a client syncs serial 2" 0 "$GLOBE" --config "$T/rt.conf" \
    --db "$T/rt.db" sync
printf '%s\n' "$CO_BR" "$AU_BR" "$C1" "$RT1" >"$T/rt3.jsonl"
check_exit "a route removed" 0 "$PUBLISH" --source "$T/rt3.jsonl" --out "$R" \
    --sign "$T/k.key" --feed-id test-feed
check_contains "a route removed: the summary says why no delta" "$out" \
    "delta 2→3 not kept: it removes a route"
check_eq "a route removed: the index lists no delta" \
    "$(ix "$R" 'len(i["deltas"])')" 0
check_eq "a route removed: no object deletes a route" \
    "$(grep -l '"of"' "$R"/objects/* | xargs -r grep -l '"route"' | wc -l | tr -d ' ')" 0
check_exit "the client follows through the snapshot" 0 "$GLOBE" \
    --config "$T/rt.conf" --db "$T/rt.db" sync
check_contains "and says serial 3" "$out" "synced serial 3 (was 2)"
check_exit "r-2 is gone" 1 "$GLOBE" --config "$T/rt.conf" --db "$T/rt.db" \
    show r-2

done_testing
