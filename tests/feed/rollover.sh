#!/bin/sh
# tests/feed/rollover.sh: a signing key rolls over without touching
# clients. Serial 1 is signed by key A and announces key B; serial 2 is
# signed by B: a client configured with A only follows, and `globe
# status` says where each key came from. An index signed by an
# unannounced key C is refused; once an index signed by B no longer
# lists A, A is retired, and an index A signs is refused too. The keys
# are recorded in the sync's own transaction: a sync that fails records
# none. Then the same for a feed encrypted to its members' devices,
# where the new key begins a new key epoch.
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"; done_testing; exit 0
fi
for k in A B C; do "$PUBLISH" --keygen "$T/$k" >/dev/null 2>&1; done
src() {	# N: a small directory whose one contact's title says N
	printf '%s\n' '{"type":"country","code":"PT","name":"Portugal"}' \
	    '{"type":"authority","id":"pt-pj","country":"PT","name":"Polícia Judiciária"}' \
	    "{\"type\":\"contact\",\"id\":\"c-1\",\"authority\":\"pt-pj\",\"name\":\"Ana Souza\",\"title\":\"Inspector $1\"}" \
	    >"$T/s$1.jsonl"
}
for i in 1 2 3 4 5; do src "$i"; done
pubkey() { sed -n 2p "$T/$1.pub"; }
mkdir -p "$XDG_CONFIG_HOME/globe"
printf 'feed = %s\npubkey = %s\n' "$T/feed" "$T/A.pub" >"$XDG_CONFIG_HOME/globe/config"
sum() { "$GLOBE" status --checksum; }
# fails_unchanged WHAT TEXT: a sync of $T/feed refused, the cache as it was.
fails_unchanged() {
	before=$(sum)
	check_exit "$1: refused" 4 "$GLOBE" sync
	check_contains "$1: says why" "$err" "$2"
	check_eq "$1: the cache is unchanged" "$(sum)" "$before"
}

# --- serial 1: A signs and announces B ----------------------------------
check_exit "serial 1 signed by A, announcing B" 0 "$PUBLISH" --source \
    "$T/s1.jsonl" --out "$T/feed" --sign "$T/A.key" --announce-key "$T/B.pub"
check_contains "the publisher says the index vouches for 2 keys" "$out" \
    "vouches for 2 signing keys"
# A failed sync of that serial records nothing of B.
cp -R "$T/feed" "$T/feed-good"
obj=$(ls "$T/feed/objects" | head -n 1)
printf 'x' >>"$T/feed/objects/$obj"
check_exit "serial 1 with a damaged object: refused" 4 "$GLOBE" sync
check_exit "status after the failed sync" 0 "$GLOBE" status
check_not_contains "B is not recorded by a failed sync" "$out" "$(pubkey B)"
rm -rf "$T/feed"; mv "$T/feed-good" "$T/feed"
check_exit "a client configured with A syncs serial 1" 0 "$GLOBE" sync
check_exit "status" 0 "$GLOBE" status
check_contains "status: A configured" "$out" "signing key:   $(pubkey A) (configured)"
check_contains "status: B announced at serial 1" "$out" \
    "signing key:   $(pubkey B) (announced at serial 1)"
check_exit "status --json" 0 "$GLOBE" status --json
check_contains "status --json: B's origin" "$out" '"origin": "announced"'

# --- an index signed by C, which nobody announced -------------------------
cp -R "$T/feed" "$T/feed-c"
check_exit "a serial signed by C (over A's feed)" 0 "$PUBLISH" --source \
    "$T/s2.jsonl" --out "$T/feed-c" --sign "$T/C.key" --previous-key "$T/A.pub"
mv "$T/feed" "$T/feed-a"; mv "$T/feed-c" "$T/feed"
fails_unchanged "an index signed by the unannounced key C" "not configured"
rm -rf "$T/feed"; mv "$T/feed-a" "$T/feed"

# --- serial 2: B signs ------------------------------------------------------
check_exit "serial 2 signed by B" 0 "$PUBLISH" --source "$T/s2.jsonl" \
    --out "$T/feed" --sign "$T/B.key" --previous-key "$T/A.pub" \
    --announce-key "$T/A.pub"
check_exit "the client configured with A only follows" 0 "$GLOBE" sync
check_contains "serial 2" "$out" "synced serial 2 (was 1)"
check_exit "status" 0 "$GLOBE" status
check_contains "A still trusted while B's index lists it" "$out" \
    "$(pubkey A) (configured)"

# --- serial 3: B signs and lists only B: A is retired ---------------------
check_exit "serial 3 signed by B, listing only B" 0 "$PUBLISH" --source \
    "$T/s3.jsonl" --out "$T/feed" --sign "$T/B.key"
check_contains "it vouches for 1 key" "$out" "vouches for 1 signing key"
check_exit "the client syncs serial 3" 0 "$GLOBE" sync
check_exit "status" 0 "$GLOBE" status
check_contains "status: A retired at serial 3" "$out" \
    "signing key:   $(pubkey A) (configured, retired at serial 3)"
check_contains "status: B still announced at serial 1" "$out" \
    "$(pubkey B) (announced at serial 1)"
cp -R "$T/feed" "$T/feed-b"
check_exit "a serial 4 signed by the retired key A" 0 "$PUBLISH" --source \
    "$T/s4.jsonl" --out "$T/feed" --sign "$T/A.key" --previous-key "$T/B.pub"
fails_unchanged "an index signed by the retired key A" "not configured"
rm -rf "$T/feed"; mv "$T/feed-b" "$T/feed"
check_exit "serial 4 signed by B" 0 "$PUBLISH" --source "$T/s4.jsonl" \
    --out "$T/feed" --sign "$T/B.key"
check_exit "and B's next index is taken" 0 "$GLOBE" sync
# A new cache trusts only what its config says.
check_exit "a new client configured with A only cannot follow B" 4 \
    "$GLOBE" --db "$T/new.db" sync
check_contains "it is told the key is not trusted" "$err" "not configured"

# --- a feed encrypted to its members rolls over too ------------------------
"$GLOBE" device init >/dev/null 2>"$T/init.err" ||
    { fail "device init"; cat "$T/init.err"; }
printf '%s my-laptop\n' "$("$GLOBE" device show)" >"$T/r"
cat >"$T/conf-m" <<EOF
feed = $T/mfeed
pubkey = $T/A.pub
EOF
check_exit "an encrypted serial 1 signed by A, announcing B" 0 "$PUBLISH" \
    --source "$T/s1.jsonl" --out "$T/mfeed" --sign "$T/A.key" \
    --announce-key "$T/B.pub" --recipients "$T/r"
check_exit "the device syncs it" 0 "$GLOBE" --config "$T/conf-m" --db "$T/m.db" sync
check_exit "an encrypted serial 2 signed by B" 0 "$PUBLISH" --source \
    "$T/s2.jsonl" --out "$T/mfeed" --sign "$T/B.key" --previous-key "$T/A.pub" \
    --recipients "$T/r"
check_contains "another signing key begins a new key epoch" "$out" \
    "new: another signing key made the previous serial"
check_exit "the device follows B" 0 "$GLOBE" --config "$T/conf-m" --db "$T/m.db" sync
check_contains "serial 2, by the new snapshot" "$out" "synced serial 2 (was 1)"
check_exit "it reads serial 2" 0 "$GLOBE" --config "$T/conf-m" --db "$T/m.db" show c-1
check_contains "the title of serial 2" "$out" "Inspector 2"
check_exit "an encrypted serial 3 signed by B" 0 "$PUBLISH" --source \
    "$T/s3.jsonl" --out "$T/mfeed" --sign "$T/B.key" --recipients "$T/r"
check_exit "and the next one by delta" 0 "$GLOBE" --config "$T/conf-m" --db "$T/m.db" sync
check_contains "serial 3" "$out" "synced serial 3 (was 2)"

done_testing
