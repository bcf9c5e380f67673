#!/bin/sh
# tests/publish/webroot.sh: the publisher's output directory is a web root
# that others may be able to write to. An attacker there without the key
# plants a forged delta in index.json, swaps the bytes of an older object,
# or plants an index at a huge serial; the next routine globe-publish must
# sign none of it, say why, and leave the directory as it found it, and a
# client one serial behind must never apply a forged record. A key
# rollover (--previous-key) still works. Serials above 2^53 - 1 are
# refused by client and publisher alike.
. "${srcdir:-.}/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"
	done_testing
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "# SKIP python3 is needed to craft index.json"
	done_testing
	exit 0
fi

"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
"$PUBLISH" --keygen "$T/k2" >/dev/null 2>&1
FEED="$T/feed"
mkdir -p "$XDG_CONFIG_HOME/globe"
cat >"$XDG_CONFIG_HOME/globe/config" <<EOF
feed = $FEED
pubkey = $T/k.pub
EOF

publish() {	# publish SOURCE [OPTION...]: the routine run of the secretariat
	psrc=$1; shift
	"$PUBLISH" --source "$psrc" --out "$FEED" --feed-id webroot-test \
	    --quiet "$@"
}
version() {	# version N: c-2's title says N; c-1 never changes
	cat >"$T/v$1.jsonl" <<EOF
{"type":"country","code":"BR","name":"Brazil","region":"Americas"}
{"type":"authority","id":"br-pf","country":"BR","name":"Polícia Federal","acronym":"PF"}
{"type":"contact","id":"c-1","authority":"br-pf","name":"José Silva","title":"Delegado","email":"jose@pf.example"}
{"type":"contact","id":"c-2","authority":"br-pf","name":"Ana Costa","title":"Version $1","email":"ana@pf.example"}
EOF
	# Enough others that a client one serial behind takes the deltas.
	awk 'BEGIN { for (i = 3; i <= 60; i++)
		printf "{\"type\":\"contact\",\"id\":\"c-%d\",\"authority\":\"br-pf\",\"name\":\"Officer %d\"}\n", i, i }' >>"$T/v$1.jsonl"
}
tree() {	# one line per file and its sha256
	(cd "$1" && find . -type f | LC_ALL=C sort | while read -r f; do
		printf '%s %s\n' "$f" "$(sha256sum <"$f" | cut -c1-64)"
	done)
}
# forge_delta FROM TO: as the attacker, writes a delta object FROM→TO that
# gives c-1 the attacker's e-mail and lists it in index.json in place of
# the genuine one (or adds it); the signature is left as it was.
forge_delta() {
	python3 - "$FEED" "$1" "$2" <<'EOF'
import hashlib, json, os, sys
feed, f, t = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
body = (json.dumps({"format": "globe-feed/1", "feed_id": "webroot-test",
        "kind": "delta", "from": f, "serial": t}) + "\n" +
        json.dumps({"type": "contact", "id": "c-1", "authority": "br-pf",
        "name": "José Silva", "title": "Delegado",
        "email": "attacker@evil.example"}) + "\n").encode()
h = hashlib.sha256(body).hexdigest()
open(os.path.join(feed, "objects", h + ".jsonl"), "wb").write(body)
ix = json.load(open(os.path.join(feed, "index.json")))
d = [x for x in ix["deltas"] if x["from"] != f]
d.append({"from": f, "to": t, "path": "objects/%s.jsonl" % h,
          "sha256": h, "size": len(body)})
ix["deltas"] = sorted(d, key=lambda x: x["from"])
open(os.path.join(feed, "index.json"), "w").write(json.dumps(ix))
EOF
}
email() { "$GLOBE" show c-1 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["email"])'; }

# --- a forged delta planted in index.json ----------------------------------
version 1; version 2; version 3; version 4
check_exit "serial 1 published" 0 publish "$T/v1.jsonl" --sign "$T/k.key"
check_exit "a client syncs serial 1" 0 "$GLOBE" sync
check_exit "serial 2 published" 0 publish "$T/v2.jsonl" --sign "$T/k.key"
cp -a "$FEED" "$T/feed-good"
forge_delta 1 2
before=$(tree "$FEED")
check_exit "the next publish refuses the forged index" 1 \
    publish "$T/v3.jsonl" --sign "$T/k.key"
check_contains "forged index: says it does not verify" "$err" "index.json does not verify"
check_contains "forged index: says nothing was published" "$err" "Nothing was published"
check_eq "forged index: the directory is as the attacker left it" "$(tree "$FEED")" "$before"
check_exit "forged index: a client one serial behind refuses it" 4 "$GLOBE" sync
check_eq "forged index: the client keeps the genuine e-mail" "$(email)" "jose@pf.example"

# The secretariat restores the directory; publishing goes on, and the
# client one serial behind gets the genuine records only.
rm -rf "$FEED"; cp -a "$T/feed-good" "$FEED"
check_exit "restored: the next publish works" 0 publish "$T/v3.jsonl" --sign "$T/k.key"
check_exit "restored: the client syncs" 0 "$GLOBE" sync
check_contains "restored: the client reached serial 3" "$out" "synced serial 3 (was 1)"
check_eq "restored: the genuine e-mail" "$(email)" "jose@pf.example"

# --- an older object's bytes swapped on disk (the signed index intact) -----
# Serial 3's index lists the deltas 1→2 and 2→3 again, outside the chain
# from its snapshot: their bytes must still be what the index signed.
d12=$(python3 -c 'import json,sys; i=json.load(open(sys.argv[1]+"/index.json")); print([d["path"] for d in i["deltas"] if d["from"]==1][0])' "$FEED")
cp "$FEED/$d12" "$T/d12.orig"
sed 's/jose@pf.example/attacker@evil.example/' "$T/d12.orig" >"$FEED/$d12"
if cmp -s "$FEED/$d12" "$T/d12.orig"; then
	# The delta 1→2 does not name c-1's e-mail: change any byte instead.
	printf ' ' >>"$FEED/$d12"
fi
before=$(tree "$FEED")
check_exit "an older delta with other bytes: refused" 1 \
    publish "$T/v4.jsonl" --sign "$T/k.key"
check_contains "swapped object: names the file" "$err" "$d12"
check_contains "swapped object: says it does not match" "$err" "does not match its size or sha256"
check_eq "swapped object: nothing written" "$(tree "$FEED")" "$before"
cp "$T/d12.orig" "$FEED/$d12"
check_exit "put back: the next publish works" 0 publish "$T/v4.jsonl" --sign "$T/k.key"

# --- a signing key rollover ------------------------------------------------
check_exit "a new key over a feed the old key signed: refused" 1 \
    publish "$T/v4.jsonl" --sign "$T/k2.key"
check_contains "rollover: says which option" "$err" "--previous-key"
check_exit "a new key with --previous-key OLD.pub" 0 \
    publish "$T/v4.jsonl" --sign "$T/k2.key" --previous-key "$T/k.pub"
check_exit "the new key alone afterwards" 0 publish "$T/v4.jsonl" --sign "$T/k2.key"
check_exit "--previous-key that is not a key" 1 \
    publish "$T/v4.jsonl" --sign "$T/k2.key" --previous-key "$T/v1.jsonl"

# --- serials ---------------------------------------------------------------
# plant SERIAL: an unsigned index at SERIAL in a fresh directory U.
U="$T/unsigned"
plant() {
	rm -rf "$U"; mkdir -p "$U"
	"$PUBLISH" --source "$T/v1.jsonl" --out "$U" --feed-id webroot-test --quiet 2>/dev/null
	python3 - "$U" "$1" <<'EOF'
import json, sys
p = sys.argv[1] + "/index.json"
i = json.load(open(p))
i["serial"] = int(sys.argv[2]); i["snapshot"]["serial"] = int(sys.argv[2])
open(p, "w").write(json.dumps(i))
EOF
}
plant 9223372036854775806
check_exit "an index at serial 2^63-2: refused" 1 \
    "$PUBLISH" --source "$T/v2.jsonl" --out "$U" --quiet
check_contains "2^63-2: says the bound" "$err" "'serial' must be an integer from 0 to 9007199254740991"
plant 9007199254740991
check_exit "an index at the last serial (2^53-1): no serial after it" 1 \
    "$PUBLISH" --source "$T/v2.jsonl" --out "$U" --quiet
check_contains "2^53-1: says why" "$err" "is the last a feed can have"

# A client refuses a serial above 2^53-1 even when it is signed.
python3 - "$FEED" <<'EOF'
import json, sys
p = sys.argv[1] + "/index.json"
i = json.load(open(p))
i["serial"] = 9007199254740992
open(p, "w").write(json.dumps(i))
EOF
"$PUBLISH" --sign-file "$FEED/index.json" --sign "$T/k2.key" >/dev/null 2>&1
sed -i "s|^pubkey = .*|pubkey = $T/k2.pub|" "$XDG_CONFIG_HOME/globe/config"
sumb=$("$GLOBE" status --checksum)
check_exit "a client: a signed index at serial 2^53: refused" 4 "$GLOBE" sync
check_contains "client 2^53: says the bound" "$err" "9007199254740991"
check_eq "client 2^53: the cache is unchanged" "$("$GLOBE" status --checksum)" "$sumb"

done_testing
