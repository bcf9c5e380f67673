#!/bin/sh
# tests/net/faults.sh: globe sync against tests/net/faultserver.py, a TLS
# server on 127.0.0.1 that misbehaves on purpose: a connection cut
# mid-object (the next sync resumes with Range and finishes), a damaged
# partial download (discarded, fetched whole), an endless body (stopped at
# the cap), a trickle below the low-speed limit (aborted in time), 503
# with Retry-After (waited for), redirects to http:// and file:// and to
# another host with a token (refused), a replayed older index (rollback),
# an expired index, an object whose bytes do not match, an index pointing
# outside the feed. Every failing case proves the cache unchanged.
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"
	done_testing
	exit 0
fi
if ! command -v openssl >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
	echo "# SKIP openssl or python3 not installed"
	done_testing
	exit 0
fi
. "$srcdir/tests/net/tls.sh"
unset https_proxy HTTPS_PROXY http_proxy HTTP_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY
if ! tls_make_pki; then
	echo "# SKIP cannot make test certificates:"; sed 's/^/#   /' "$T/pki.log" | tail -n 5
	done_testing
	exit 0
fi

"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
FEED="$T/feed"
publish() {
	"$PUBLISH" --source "$1" --out "$FEED" --sign "$T/k.key" \
		--feed-id faults-test --quiet
}
# version N: a source of 300 contacts whose titles say N.
version() {
	awk -v v="$1" 'BEGIN {
	print "{\"type\":\"country\",\"code\":\"BR\",\"name\":\"Brazil\",\"region\":\"Americas\"}"
	print "{\"type\":\"authority\",\"id\":\"br-pf\",\"country\":\"BR\",\"name\":\"Polícia Federal\",\"acronym\":\"PF\"}"
	for (i = 1; i <= 300; i++)
		printf "{\"type\":\"contact\",\"id\":\"c-%d\",\"authority\":\"br-pf\",\"name\":\"Officer %d\",\"title\":\"%s\"}\n", i, i, (i <= 5 ? "Version " v : "Agent")
	}' >"$T/v$1.jsonl"
	publish "$T/v$1.jsonl"
}
version 1

# --- the fault server ---------------------------------------------------
F="$T/fault"
mkdir -p "$F"
: >"$F/rules"
: >"$F/log"
python3 "$srcdir/tests/net/faultserver.py" --root "$FEED" \
	--cert "$T/pki/server.crt" --key "$T/pki/server.key" \
	--port-file "$F/port" --rules "$F/rules" --log "$F/log" \
	--lifetime 300 2>"$F/stderr" &
FPID=$!
trap 'kill "$FPID" 2>/dev/null' EXIT
i=0
while [ ! -s "$F/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
if [ ! -s "$F/port" ]; then
	fail "the fault server starts"; sed 's/^/#   /' "$F/stderr"
	done_testing
	exit 1
fi
PORT=$(cat "$F/port")
URL="https://127.0.0.1:$PORT/"

mkdir -p "$XDG_CONFIG_HOME/globe"
CONF="$XDG_CONFIG_HOME/globe/config"
cat >"$CONF" <<EOF
feed = $URL
pubkey = $T/k.pub
ca_file = $T/pki/ca.crt
low_speed_time = 2
low_speed_limit = 1000
timeout = 20
EOF
DATA="$XDG_DATA_HOME/globe"

rules() { printf '%s\n' "$@" >"$F/rules"; }
parts() { ls "$DATA" 2>/dev/null | grep -c '^download-.*\.part$'; }
sum() { "$GLOBE" status --checksum; }
# fails_unchanged WHAT EXIT TEXT [ARGS]: a failing sync leaves the cache as it was.
fails_unchanged() {
	what=$1; want=$2; text=$3; shift 3
	before=$(sum)
	: >"$F/log"
	check_exit "$what" "$want" "$GLOBE" sync "$@"
	check_contains "$what: the message says why" "$err" "$text"
	printf '#   %s\n' "$err" | head -n 3
	check_eq "$what: the cache is unchanged" "$(sum)" "$before"
}
ixpath() {
	python3 -c 'import json, sys
ix = json.load(open(sys.argv[1] + "/index.json"))
print(ix["snapshot"]["path"])' "$1"
}

# --- a connection cut mid-object, resumed -------------------------------
rules "jsonl once-cut 20000"
fails_unchanged "a connection cut mid-object" 3 "objects/"
check_eq "cut: the partial download is kept" "$(parts)" 1
part=$(ls "$DATA"/download-*.part 2>/dev/null | head -n 1)
check_eq "cut: 20000 bytes kept" "$(wc -c <"$part" | tr -d ' ')" 20000
check_eq "cut: the partial file is 0600" "$(stat -c %a "$part")" 600
: >"$F/log"
check_exit "the next sync after a cut" 0 "$GLOBE" sync
check_contains "resumed: serial 1" "$out" "synced serial 1"
check_contains "resumed with a Range request, answered 206" "$(cat "$F/log")" "bytes=20000- -> 206"
check_eq "resumed: no partial file left" "$(parts)" 0
check_exit "resumed: the data is whole" 0 "$GLOBE" show c-300
check_contains "resumed: the last contact is there" "$out" "Officer 300"

# --- a damaged partial download: discarded, fetched whole once -----------
version 2
rules "jsonl once-cut 300"
fails_unchanged "a cut delta" 3 "objects/"
part=$(ls "$DATA"/download-*.part 2>/dev/null | head -n 1)
if [ -n "$part" ]; then
	printf 'XXXXXXXXXX' | dd of="$part" bs=1 seek=20 conv=notrunc 2>/dev/null
fi
: >"$F/log"
check_exit "a damaged partial download" 0 "$GLOBE" sync --verbose
log=$(cat "$F/log")
check_contains "damaged: first resumed with Range" "$log" "bytes=300- -> 206"
check_contains "damaged: then fetched whole" "$(grep '\.jsonl - -> 200' "$F/log")" "200"
check_contains "damaged: synced serial 2" "$out" "synced serial 2 (was 1)"
check_contains "damaged: --verbose says why" "$err" "fetching it whole"
check_eq "damaged: no partial file left" "$(parts)" 0

# --- caps and limits ----------------------------------------------------
version 3
rules "index.json endless"
fails_unchanged "an endless index.json" 4 "larger than 1048576 bytes"
rules "jsonl endless"
fails_unchanged "an endless object" 4 "got more"
check_eq "endless object: nothing kept" "$(parts)" 0
rules "jsonl trickle 200"
start=$(date +%s)
fails_unchanged "a trickle below the low-speed limit" 3 "too slow"
took=$(( $(date +%s) - start ))
if [ "$took" -le 10 ]; then pass "trickle: aborted in time (${took}s)"; else
	fail "trickle: aborted in time (${took}s)"; fi
rules "index.json trickle 200"
fails_unchanged "a trickled index.json" 3 "too slow"

# --- 503 and 429 with Retry-After --------------------------------------
rules "index.json status 503 1"
start=$(date +%s)
: >"$F/log"
check_exit "503 with Retry-After: 1" 0 "$GLOBE" sync
took=$(( $(date +%s) - start ))
check_contains "503: synced after waiting" "$out" "synced serial 3 (was 2)"
check_contains "503: the server said 503 first" "$(head -n 1 "$F/log")" "index.json - -> 503"
if [ "$took" -ge 1 ]; then pass "503: waited (${took}s)"; else fail "503: waited (${took}s)"; fi
version 4
rules "index.json status 429 $(date -u -d "@$(( $(date +%s) + 2 ))" '+%a, %d %b %Y %H:%M:%S GMT')"
check_exit "429 with Retry-After as an HTTP date" 0 "$GLOBE" sync
check_contains "429: synced after waiting" "$out" "synced serial 4 (was 3)"
version 5
rules "index.json status 503 3600"
start=$(date +%s)
fails_unchanged "503 with a Retry-After beyond the time limit" 3 "HTTP status 503"
took=$(( $(date +%s) - start ))
if [ "$took" -le 3 ]; then pass "503 beyond the limit: not waited for"; else
	fail "503 beyond the limit: not waited for (${took}s)"; fi
# A Retry-After no sync can wait for (2^63-1 s, and past any integer):
# refused at once and without an overflow, so no sync sleeps for ever
# holding the sync lock.
for huge in 9223372036854775807 99999999999999999999999999; do
	rules "index.json status 503 $huge"
	start=$(date +%s)
	before=$(sum)
	check_exit "503 with Retry-After: $huge" 3 timeout 60 "$GLOBE" sync
	took=$(( $(date +%s) - start ))
	check_contains "Retry-After $huge: the message says why" "$err" "beyond the time limit"
	check_eq "Retry-After $huge: the cache is unchanged" "$(sum)" "$before"
	if [ "$took" -le 5 ]; then pass "Retry-After $huge: not waited for (${took}s)"; else
		fail "Retry-After $huge: not waited for (${took}s)"; fi
done
rules "index.json status 500"
fails_unchanged "an HTTP error" 3 "index.json: HTTP status 500"
# A 200 KiB response header: libcurl refuses it and calls it "out of
# memory"; globe says what it was.
rules "index.json bigheader 204800"
fails_unchanged "a 200 KiB response header" 3 "response headers are larger than libcurl accepts"
check_not_contains "a 200 KiB response header: not called out of memory" "$err" "Out of memory"

# --- redirects ------------------------------------------------------------
rules "index.json redirect http://127.0.0.1:$PORT/index.json"
fails_unchanged "a redirect to http://" 3 "only https:// redirects"
rules "index.json redirect file:///etc/passwd"
fails_unchanged "a redirect to file:///etc/passwd" 3 "only https:// redirects"
check_not_contains "file redirect: nothing of /etc/passwd shown" "$out$err" "root:"
rules "index.json redirect /elsewhere/ix" "/elsewhere/ix file $FEED/index.json"
check_exit "a redirect on the same host is followed" 0 "$GLOBE" sync
check_contains "same-host redirect: synced" "$out" "synced serial 5 (was 4)"
rules "index.json redirect /a" "/a redirect /b" "/b redirect /c" "/c redirect /d" "/d redirect /e" "/e redirect /f" "/f file $FEED/index.json"
fails_unchanged "more than 5 redirects" 3 "more than 5 redirects"

printf 'tok-41d7e0a8\n' >"$T/token"
chmod 600 "$T/token"
rules "index.json redirect https://localhost:$PORT/index.json"
fails_unchanged "a redirect to another host with a token" 3 "only sent to the feed's own host" --token-file "$T/token"
check_contains "token redirect: the token went to the feed's host" "$(cat "$F/log")" "host=127.0.0.1:$PORT auth=yes"
check_not_contains "token redirect: nothing asked of the other host" "$(cat "$F/log")" "host=localhost"
check_not_contains "token redirect: the token is never shown" "$err" "tok-41d7e0a8"

# --- replayed, expired, damaged and escaping feeds ----------------------
rules
cp -r "$FEED" "$T/old"		# serial 5, validly signed
version 6
check_exit "sync serial 6" 0 "$GLOBE" sync
rules "index.json file $T/old/index.json" "index.json.minisig file $T/old/index.json.minisig"
fails_unchanged "a replayed older signed index" 4 "rollback"

resign() { "$PUBLISH" --sign-file "$1/index.json" --sign "$T/k.key" >/dev/null 2>&1; }
rm -rf "$T/exp" && cp -r "$FEED" "$T/exp"
python3 "$srcdir/tests/feed/mkfeed.py" time "$T/exp" expires -60
resign "$T/exp"
rules "index.json file $T/exp/index.json" "index.json.minisig file $T/exp/index.json.minisig"
fails_unchanged "an expired index" 4 "expired"

version 7
rules "jsonl garbage"
fails_unchanged "an object whose bytes do not match the index" 4 "sha256"
check_eq "garbage: nothing kept" "$(parts)" 0

rm -rf "$T/dd" && cp -r "$FEED" "$T/dd"
python3 "$srcdir/tests/feed/mkfeed.py" path "$T/dd" dotdot
resign "$T/dd"
rules "index.json file $T/dd/index.json" "index.json.minisig file $T/dd/index.json.minisig"
fails_unchanged "an index pointing outside the feed (../)" 4 "objects/"
check_not_contains "../: no object requested" "$(cat "$F/log")" ".jsonl"

rm -rf "$T/host" && cp -r "$FEED" "$T/host"
python3 - "$T/host" "$PORT" <<'EOF'
import json, sys
d, port = sys.argv[1], sys.argv[2]
p = d + "/index.json"
ix = json.load(open(p))
for e in [ix["snapshot"]] + ix["deltas"]:
    e["path"] = "https://localhost:%s/%s" % (port, e["path"])
open(p, "w").write(json.dumps(ix, indent=2) + "\n")
EOF
resign "$T/host"
rules "index.json file $T/host/index.json" "index.json.minisig file $T/host/index.json.minisig"
fails_unchanged "an index pointing to another host" 4 "objects/"
check_not_contains "another host: no object requested" "$(cat "$F/log")" ".jsonl"

rules
check_exit "the feed itself still syncs" 0 "$GLOBE" sync
check_contains "finally serial 7" "$out" "synced serial 7 (was 6)"

kill "$FPID" 2>/dev/null
wait "$FPID" 2>/dev/null
done_testing
