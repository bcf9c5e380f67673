#!/bin/sh
# tests/net/members.sh: a feed encrypted to its members' devices, served
# by a real nginx over TLS. Three devices (one key protected by a
# passphrase, made and used on a terminal) sync it; a distinctive name
# from the source is in no served file and no transfer, gzip on or off;
# a device removed at serial 2 keeps serial 1 and is told what to send to
# the secretariat, its cache unchanged, while the others take the new
# snapshot; a device added at serial 3 syncs from nothing and the others
# by delta; each sync fetches one key slot of 604 bytes, under a name
# that changes every serial. Then a mirror's attacks, each refused with
# exit 4 and the cache unchanged: a slot from another serial, one
# dropped, one added, another feed's, an object cut or flipped, an index
# from before a removal replayed to the removed device. Last, a cut
# download of an encrypted object resumes with Range (the fault server).
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"; done_testing; exit 0
fi
PATH="$PATH:/usr/sbin"
if ! command -v nginx >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1 ||
    ! command -v python3 >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
	echo "# SKIP nginx, openssl, curl or python3 not installed"
	done_testing; exit 0
fi
. "$srcdir/tests/net/tls.sh"
unset https_proxy HTTPS_PROXY http_proxy HTTP_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY
trap 'nginx_stop; [ -n "${FPID:-}" ] && kill "$FPID" 2>/dev/null' EXIT
if ! tls_make_pki; then
	echo "# SKIP cannot make test certificates"; done_testing; exit 0
fi
PTY="python3 $srcdir/tests/pty-answer.py"

# --- the directory: a distinctive name, and enough people to compress --
NAME="Wiesława Żmudzka-Qorvath"
source_of() {	# VARIANT: every contact's title says it
	printf '%s\n' '{"type":"country","code":"PL","name":"Poland","region":"Europe"}' \
	    '{"type":"authority","id":"pl-cba","country":"PL","name":"Centralne Biuro Antykorupcyjne","acronym":"CBA"}' \
	    "{\"type\":\"contact\",\"id\":\"c-w\",\"authority\":\"pl-cba\",\"name\":\"$NAME\",\"email\":\"wzq@cba.example\"}"
	awk -v v="$1" 'BEGIN { for (i = 1; i <= 400; i++)
		printf "{\"type\":\"contact\",\"id\":\"c-%d\",\"authority\":\"pl-cba\",\"name\":\"Officer %d\",\"title\":\"Inspector %s\"}\n", i, i, (i <= 4 ? v : "A") }'
}
for v in 1 2 3 4 5; do source_of "v$v" >"$T/v$v.jsonl"; done
"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
FEED="$T/www/feed"
mkdir -p "$T/www"
publish() {	# SOURCE RECIPIENTS [DIR]
	"$PUBLISH" --source "$1" --out "${3:-$FEED}" --sign "$T/k.key" \
	    --recipients "$2" --feed-id members-test --quiet
}

# As docs/hosting.md serves a feed: gzip for the plain files, and the
# encrypted objects and key slots as application/octet-stream, not gzipped.
NGINX_HTTP="gzip on; gzip_min_length 64; gzip_types application/json application/x-ndjson text/plain;"
export NGINX_HTTP
if ! nginx_start "$T/www" "etag on;
	types { application/json json; application/x-ndjson jsonl;
		text/plain minisig; application/octet-stream enc; }
	default_type application/octet-stream;"; then
	fail "nginx starts"; done_testing; exit 1
fi
URL="https://127.0.0.1:$NGINX_PORT"

# A device: its config (the feed, the key, the CA, its key file), its cache.
device_conf() {	# NAME [FEED-PATH]
	cat >"$T/conf-$1" <<EOF
feed = $URL/${2:-feed}/
pubkey = $T/k.pub
ca_file = $T/pki/ca.crt
device_key = $T/dev-$1.key
EOF
}
g() { name=$1; shift; "$GLOBE" --db "$T/db-$name" --config "$T/conf-$name" "$@"; }
sum() { g "$1" status --checksum; }
mark() { wc -l <"$T/nginx/access.log" | tr -d ' '; }
since() { tail -n +"$(( $1 + 1 ))" "$T/nginx/access.log"; }
# The key slots a sync since MARK fetched, "PATH STATUS BYTES" each.
slots_since() { since "$1" | awk '$2 ~ /\/keys\// { print $2, $4, $5 }'; }

# --- device keys -------------------------------------------------------
for d in alice bob dave; do
	device_conf "$d"
	check_exit "$d: globe device init" 0 g "$d" device init
	printf '%s\n' "$out" >"$T/tok-$d"
done
check_eq "device init prints one token, globe1 and 48 characters" \
    "$(grep -cE '^globe1[A-Za-z0-9_-]{48}$' "$T/tok-alice")" 1
check_contains "and says where the key is and what to send" "$err" \
    "send the line above to the secretariat"
check_eq "the key file is 0600" "$(stat -c %a "$T/dev-alice.key")" 600
check_exit "device show prints the same token" 0 g alice device show
check_eq "device show: the same token" "$out" "$(cat "$T/tok-alice")"
check_exit "device init never overwrites a key" 1 g alice device init
check_contains "device init refuses: it says so" "$err" "never overwritten"
check_eq "the key is as it was" "$(g alice device show)" "$(cat "$T/tok-alice")"

# carol's key is protected by a passphrase, typed on a terminal.
PASS="horse staple 93 correct"
device_conf carol
$PTY "new device key:" "$PASS" "again:" "$PASS" -- \
    "$GLOBE" --config "$T/conf-carol" device init --passphrase >"$T/pty.out" 2>&1
check_eq "device init --passphrase on a terminal" "$?" 0
grep -oE 'globe1[A-Za-z0-9_-]{48}' "$T/pty.out" | head -n 1 >"$T/tok-carol"
check_eq "its recipient key is printed" "$(wc -l <"$T/tok-carol" | tr -d ' ')" 1
check_contains "its file says argon2id" "$(cat "$T/dev-carol.key")" "argon2id: t="
check_eq "the passphrase is not in the key file" \
    "$(grep -c "$PASS" "$T/dev-carol.key")" 0
check_eq "the passphrase was not echoed" "$(grep -c "$PASS" "$T/pty.out")" 0
check_eq "device show needs no passphrase" "$(g carol device show)" \
    "$(cat "$T/tok-carol")"
printf '%s\n' "$PASS" >"$T/pass-carol"
chmod 600 "$T/pass-carol"
echo "passphrase_file = $T/pass-carol" >>"$T/conf-carol"

recipients() {	# NAME...: the recipients file with their keys
	for d in "$@"; do printf '%s %s'"'"'s laptop\n' "$(cat "$T/tok-$d")" "$d"; done
}

# --- serial 1: alice, bob, carol ------------------------------------------
recipients alice bob carol >"$T/r1"
check_exit "publish serial 1 encrypted to 3 devices" 0 publish "$T/v1.jsonl" "$T/r1"
check_eq "the index says globe-feed/1+members (older clients refuse it)" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["format"])' "$FEED/index.json")" \
    "globe-feed/1+members"
cp "$FEED/index.json" "$T/index-1.json"
check_eq "three key slots, 604 bytes each" \
    "$(find "$FEED/keys" -type f -size 604c | wc -l | tr -d ' ')" 3
for d in alice bob carol; do
	m=$(mark)
	check_exit "$d syncs serial 1" 0 g "$d" sync
	check_contains "$d: serial 1" "$out" "synced serial 1"
	check_eq "$d: one key slot fetched, 604 bytes (key material per sync)" \
	    "$(slots_since "$m" | awk '{ print $2, $3 }')" "200 604"
	slots_since "$m" | awk '{ print $1 }' >"$T/slot1-$d"
	check_eq "$d: the index, its signature, the slot and the snapshot over one connection" \
	    "$(since "$m" | sed -n 's/.* conn=//p' | sort -u | wc -l | tr -d ' ')" 1
done
check_exit "alice reads the name" 0 g alice show c-w
check_contains "alice: the distinctive name is there" "$out" "$NAME"
check_exit "carol reads it with her passphrase" 0 g carol show c-w
check_contains "carol: the name is there" "$out" "$NAME"

# The passphrase typed at a terminal, once wrong then right.
cp "$T/conf-carol" "$T/conf-carol2"
sed -i '/^passphrase_file/d' "$T/conf-carol2"
$PTY "device's key:" "not it" "wrong passphrase" "$PASS" -- \
    "$GLOBE" --db "$T/db-carol2" --config "$T/conf-carol2" sync >"$T/pty.out" 2>&1
check_eq "a sync asks the passphrase on the terminal, again after a wrong one" "$?" 0
check_contains "and syncs" "$(cat "$T/pty.out")" "synced serial 1"
check_eq "what was typed was not echoed" "$(grep -c -e "$PASS" -e "not it" "$T/pty.out")" 0
check_exit "no terminal, no passphrase: refused" 2 \
    "$GLOBE" --db "$T/db-carol3" --config "$T/conf-carol2" sync
check_contains "no terminal: says how to give it" "$err" "--passphrase-file"
printf 'wrong one\n' >"$T/pass-wrong"; chmod 600 "$T/pass-wrong"
check_exit "a wrong passphrase file: refused" 2 \
    "$GLOBE" --db "$T/db-carol3" --config "$T/conf-carol2" sync --passphrase-file "$T/pass-wrong"
check_contains "a wrong passphrase: says so" "$err" "wrong passphrase for the device key"
chmod 644 "$T/pass-wrong"
check_exit "a passphrase file others can read: refused" 2 \
    "$GLOBE" --db "$T/db-carol3" --config "$T/conf-carol2" sync --passphrase-file "$T/pass-wrong"
check_contains "a passphrase file others can read: says why" "$err" "chmod 600"
cp "$T/dev-alice.key" "$T/dev-exposed.key"; chmod 640 "$T/dev-exposed.key"
sed "s|dev-alice.key|dev-exposed.key|" "$T/conf-alice" >"$T/conf-exposed"
check_exit "a device key others can read: refused" 2 \
    "$GLOBE" --db "$T/db-exposed" --config "$T/conf-exposed" sync
check_contains "a device key others can read: says why" "$err" "readable by others (mode 0640)"
sed "s|dev-alice.key|no-such.key|" "$T/conf-alice" >"$T/conf-nokey"
check_exit "no device key: refused" 2 "$GLOBE" --db "$T/db-nokey" --config "$T/conf-nokey" sync
check_contains "no device key: says how to make one" "$err" "globe device init"
check_exit "there is no option that takes the passphrase itself" 2 \
    g carol sync --passphrase "$PASS"

# --- no plaintext in any served byte ------------------------------------
found=$(grep -rlaF "$NAME" "$T/www" | sed "s|$T/||")
check_eq "no served file holds the name (index, signature, objects, slots)" "$found" ""
found=$(grep -rlaF "wzq@cba.example" "$T/www" | sed "s|$T/||")
check_eq "nor its e-mail" "$found" ""
: >"$T/transfers"
for f in $(cd "$FEED" && find . -type f | sed 's|^\./||'); do
	curl -sS --cacert "$T/pki/ca.crt" "$URL/feed/$f" >>"$T/transfers"
	curl -sS --cacert "$T/pki/ca.crt" -H 'Accept-Encoding: gzip' \
	    "$URL/feed/$f" >>"$T/transfers"
done
check_eq "no transfer holds it, gzip on or off ($(wc -c <"$T/transfers" | tr -d ' ') bytes)" \
    "$(grep -caF "$NAME" "$T/transfers")" 0
gz=$(since 0 | awk '$2 ~ /(\.enc|\/keys\/)/ && $6 != "gz=-" { n++ } END { print n + 0 }')
check_eq "served as hosting.md says, objects and slots are not gzipped in transit" \
    "$gz" 0
esnap=$(ls "$FEED/objects"/*.enc)
ok "their ciphertext does not compress: gzip makes it no smaller" \
    test "$(gzip -9 -c "$esnap" | wc -c)" -ge "$(wc -c <"$esnap")"
# Near the plain feed's gzip size: the same source published plain.
"$PUBLISH" --source "$T/v1.jsonl" --out "$T/plain" --sign "$T/k.key" --quiet
psnap=$(ls "$T/plain/objects"/*.jsonl)
gzip -6 -k -n "$psnap"
ok "the encrypted snapshot ($(wc -c <"$esnap") bytes) is at most 1.05x the plain one gzipped ($(wc -c <"$psnap.gz"))" \
    test "$(wc -c <"$esnap")" -le "$(( $(wc -c <"$psnap.gz") * 105 / 100 ))"

# --- serial 2: carol removed ---------------------------------------------
recipients alice bob >"$T/r2"
check_exit "publish serial 2 without carol" 0 "$PUBLISH" --source "$T/v2.jsonl" \
    --out "$FEED" --sign "$T/k.key" --recipients "$T/r2"
check_contains "a removal begins a new key epoch" "$out" "new: a device was removed"
check_eq "serial 2 lists no delta: members take the new snapshot" \
    "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["deltas"]))' "$FEED/index.json")" 0
m=$(mark)
check_exit "alice syncs serial 2" 0 g alice sync
check_contains "alice: serial 2" "$out" "synced serial 2 (was 1)"
check_eq "alice fetched the snapshot" \
    "$(since "$m" | grep -c "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["snapshot"]["path"])' "$FEED/index.json")")" 1
slots_since "$m" | awk '{ print $1 }' >"$T/slot2-alice"
check_exit "bob syncs serial 2" 0 g bob sync
C=$(sum carol)
check_exit "carol, removed at serial 2, is refused" 4 g carol sync
check_eq "carol: the message" "$err" \
    "globe: this feed is encrypted to its members and this device is not one of them; send this line to the secretariat: $(cat "$T/tok-carol")"
check_eq "carol: the cache is unchanged" "$(sum carol)" "$C"
check_exit "carol keeps serial 1" 0 g carol status --json
check_contains "carol: serial 1 in status" "$out" '"serial": 1,'
check_exit "carol still reads serial 1" 0 g carol show c-w
# What carol's old keys open: serial 1's snapshot, not serial 2's.
PROBE="$builddir/tests/net/open-probe"
if [ -x "$PROBE" ]; then
	s1=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["snapshot"]["path"])' "$T/index-1.json")
	s2=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["snapshot"]["path"])' "$FEED/index.json")
	slot1="$FEED/$(sed 's|^/feed/||' "$T/slot1-carol")"
	check_exit "the probe opens serial 1 with carol's old slot" 0 "$PROBE" \
	    "$T/dev-carol.key" "$T/pass-carol" "$T/index-1.json" "$slot1" \
	    "$T/index-1.json" "$FEED/$s1"
	check_contains "carol's old keys open serial 1's snapshot" "$out" "opened"
	check_exit "the probe tries serial 2 with carol's old keys" 0 "$PROBE" \
	    "$T/dev-carol.key" "$T/pass-carol" "$T/index-1.json" "$slot1" \
	    "$FEED/index.json" "$FEED/$s2"
	check_contains "carol's old keys do not open serial 2's snapshot" \
	    "$out" "refused"
else
	fail "tests/net/open-probe is built"
fi

# --- serial 3: dave added ------------------------------------------------
recipients alice bob dave >"$T/r3"
check_exit "publish serial 3 with dave" 0 publish "$T/v3.jsonl" "$T/r3"
cp "$FEED/index.json" "$T/index-3.json"
cp "$FEED/index.json.minisig" "$T/index-3.json.minisig"
check_exit "dave, added at serial 3, syncs from nothing" 0 g dave sync
check_contains "dave: serial 3" "$out" "synced serial 3 (was empty)"
check_exit "dave reads the name" 0 g dave show c-w
m=$(mark)
check_exit "alice syncs serial 3" 0 g alice sync
check_contains "alice: serial 3 (was 2)" "$out" "synced serial 3 (was 2)"
check_eq "alice took the delta, not the snapshot" \
    "$(since "$m" | awk '$2 ~ /objects\// { print $2 }' | grep -c \
    "$(python3 -c 'import json,sys; print([d["path"] for d in json.load(open(sys.argv[1]))["deltas"] if d["from"] == 2][0])' "$FEED/index.json")")" 1
slots_since "$m" | awk '{ print $1 }' >"$T/slot3-alice"
check_exit "bob syncs serial 3" 0 g bob sync
check_exit "carol is refused at serial 3 too" 4 g carol sync
check_eq "alice's slot has another name at each serial (not linkable)" \
    "$(cat "$T/slot1-alice" "$T/slot2-alice" "$T/slot3-alice" | sort -u | wc -l | tr -d ' ')" 3

# --- a mirror's attacks ---------------------------------------------------
# Serial 4 is published; alice (at 3) and carol (removed) sync from a
# mirror, a copy of the feed changed in one way each time.
check_exit "publish serial 4" 0 publish "$T/v4.jsonl" "$T/r3"
cp "$T/db-alice" "$T/alice-3.db"
mirror() { rm -rf "$T/www/mirror"; cp -R "$FEED" "$T/www/mirror"; }
device_conf mirror-alice mirror
sed -i "s|dev-mirror-alice.key|dev-alice.key|" "$T/conf-mirror-alice"
device_conf mirror-carol mirror
sed -i "s|dev-mirror-carol.key|dev-carol.key|" "$T/conf-mirror-carol"
echo "passphrase_file = $T/pass-carol" >>"$T/conf-mirror-carol"
fresh_alice() { rm -f "$T/db-mirror-alice"*; cp "$T/alice-3.db" "$T/db-mirror-alice"; }
fresh_carol() { rm -f "$T/db-mirror-carol"*; cp "$T/db-carol" "$T/db-mirror-carol"; }
# The names of this serial's slots, from a clean sync of each.
mirror
fresh_alice
m=$(mark)
g mirror-alice sync >/dev/null 2>&1
A4=$(slots_since "$m" | awk '{ print $1 }' | sed 's|^/mirror/||')
fresh_carol
m=$(mark)
g mirror-carol sync >/dev/null 2>&1
C4=$(slots_since "$m" | awk '{ print $1 }' | sed 's|^/mirror/||')
check_contains "the mirror serves alice her slot of serial 4" "$A4" "keys/"
check_contains "carol's name at serial 4 is asked for (and not there)" "$C4" "keys/"
A3=$(sed 's|^/feed/||' "$T/slot3-alice")

attack() {	# WHAT WHO TEXT: sync WHO from the mirror as it is now
	what=$1; who=$2; text=$3
	"fresh_$who"
	before=$(sum "mirror-$who")
	check_exit "$what: refused" 4 g "mirror-$who" sync
	check_contains "$what: the message says why" "$err" "$text"
	printf '#   %s\n' "$err" | head -n 2
	check_eq "$what: the cache is unchanged" "$(sum "mirror-$who")" "$before"
}
mirror; cp "$FEED/$A3" "$T/www/mirror/$A4"
attack "alice's slot replaced by her slot of serial 3" alice \
    "does not match the signed index"
mirror; rm "$T/www/mirror/$A4"
attack "alice's slot dropped" alice "withholds it"
mirror; cp "$T/www/mirror/$A4" "$T/www/mirror/$C4"
attack "a slot added for carol, removed at serial 2" carol \
    "does not match the signed index"
check_not_contains "a slot added for carol: not taken for hers" "$err" "not one of them"
recipients alice bob >"$T/r-other"
"$PUBLISH" --source "$T/v4.jsonl" --out "$T/other" --sign "$T/k.key" \
    --recipients "$T/r-other" --feed-id other-feed --quiet
mirror; cp "$(find "$T/other/keys" -type f | head -n 1)" "$T/www/mirror/$A4"
attack "a slot of another feed in alice's place" alice \
    "does not match the signed index"
DELTA4=$(python3 -c 'import json,sys; print([d["path"] for d in json.load(open(sys.argv[1]))["deltas"] if d["from"] == 3][0])' "$FEED/index.json")
mirror; head -c -1 "$FEED/$DELTA4" >"$T/www/mirror/$DELTA4"
attack "an encrypted object cut by one byte" alice "does not match its hash or size"
mirror; python3 -c 'import sys
d = bytearray(open(sys.argv[1], "rb").read()); d[len(d) // 2] ^= 1
open(sys.argv[2], "wb").write(d)' "$FEED/$DELTA4" "$T/www/mirror/$DELTA4"
attack "an encrypted object with one bit flipped" alice "does not match its hash or size"
# bob (at 4) is removed at serial 5; the mirror replays serial 3.
check_exit "bob syncs serial 4" 0 g bob sync
recipients alice dave >"$T/r5"
check_exit "publish serial 5 without bob" 0 publish "$T/v5.jsonl" "$T/r5"
check_exit "bob, removed at serial 5, is refused" 4 g bob sync
check_contains "bob: not one of them" "$err" "not one of them"
mirror; cp "$T/index-3.json" "$T/www/mirror/index.json"
cp "$T/index-3.json.minisig" "$T/www/mirror/index.json.minisig"
device_conf mirror-bob mirror
sed -i "s|dev-mirror-bob.key|dev-bob.key|" "$T/conf-mirror-bob"
fresh_bob() { rm -f "$T/db-mirror-bob"*; cp "$T/db-bob" "$T/db-mirror-bob"; }
attack "serial 3's index (before the removal) replayed to bob" bob "rollback"

# --- a cut download of an encrypted object resumes -------------------------
F="$T/fault"
mkdir -p "$F"
: >"$F/rules"
: >"$F/log"
python3 "$srcdir/tests/net/faultserver.py" --root "$FEED" \
	--cert "$T/pki/server.crt" --key "$T/pki/server.key" \
	--port-file "$F/port" --rules "$F/rules" --log "$F/log" \
	--lifetime 300 2>"$F/stderr" &
FPID=$!
i=0
while [ ! -s "$F/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
SNAP5=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["snapshot"]["path"])' "$FEED/index.json")
printf '%s once-cut 300\n' "$SNAP5" >"$F/rules"
cat >"$T/conf-cut" <<EOF
feed = https://127.0.0.1:$(cat "$F/port")/
pubkey = $T/k.pub
ca_file = $T/pki/ca.crt
device_key = $T/dev-dave.key
low_speed_time = 2
timeout = 20
EOF
check_exit "a download cut mid-object: the first sync fails" 3 \
    "$GLOBE" --db "$T/cut/globe.db" --config "$T/conf-cut" sync
check_contains "it keeps what came to resume it" "$err" "the next sync resumes"
check_eq "a 0600 partial download is kept" \
    "$(stat -c %a "$T"/cut/download-*.part 2>/dev/null)" 600
check_exit "the next sync resumes and finishes" 0 \
    "$GLOBE" --db "$T/cut/globe.db" --config "$T/conf-cut" sync
check_contains "resumed: serial 5" "$out" "synced serial 5"
check_contains "resumed with a Range request, answered 206" "$(cat "$F/log")" \
    "bytes=300- -> 206"
check_exit "resumed: the data is whole" 0 \
    "$GLOBE" --db "$T/cut/globe.db" --config "$T/conf-cut" show c-w
check_contains "resumed: the name is there" "$out" "$NAME"

done_testing
