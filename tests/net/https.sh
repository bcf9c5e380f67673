#!/bin/sh
# tests/net/https.sh: globe sync against a real nginx on 127.0.0.1 with TLS
# (a CA, server and client certificates made here with openssl) serving
# feeds that globe-publish wrote: a first sync (snapshot), a delta, the
# no-op that costs one request answered 304, a serial published after the
# publisher's clock went back, gzip in transit, mutual TLS,
# a bearer token (right, wrong, missing, a token file others can read),
# an unknown CA and a wrong host name, proxies and --no-proxy. Every
# failing case proves the cache unchanged (status --checksum).
. "$srcdir/tests/lib.sh"

. "$srcdir/tests/net/tls.sh"
tls_suite_ready

# --- the feed and the server -------------------------------------------
"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
mkdir -p "$T/www"
publish() {
	"$PUBLISH" --source "$1" --out "$T/www/feed" --sign "$T/k.key" \
		--feed-id https-test --quiet
}
# ixpath DIR [FROM]: the snapshot's path in DIR/index.json, or the delta's from FROM.
ixpath() {
	python3 -c 'import json, sys
ix = json.load(open(sys.argv[1] + "/index.json"))
if len(sys.argv) > 2:
	print([d["path"] for d in ix["deltas"] if d["from"] == int(sys.argv[2])][0])
else:
	print(ix["snapshot"]["path"])' "$@"
}
base='{"type":"country","code":"BR","name":"Brazil","region":"Americas"}
{"type":"country","code":"FR","name":"France","region":"Europe"}
{"type":"authority","id":"br-pf","country":"BR","name":"Polícia Federal","acronym":"PF","kind":"police"}
{"type":"authority","id":"fr-pnf","country":"FR","name":"Parquet national financier","acronym":"PNF","kind":"prosecution"}'
# Enough contacts that the snapshot is worth compressing.
contacts() {
	awk -v v="$1" 'BEGIN { for (i = 1; i <= 400; i++)
		printf "{\"type\":\"contact\",\"id\":\"c-%d\",\"authority\":\"br-pf\",\"name\":\"Officer %d\",\"title\":\"Delegado %s\",\"email\":\"o%d@pf.example\"}\n", i, i, (i == 7 ? v : "A"), i }'
}
{ printf '%s\n' "$base"; contacts A; } >"$T/v1.jsonl"
{ printf '%s\n' "$base"; contacts B
  echo '{"type":"contact","id":"c-new","authority":"fr-pnf","name":"Marie Lefèvre","title":"Magistrate"}'; } >"$T/v2.jsonl"
publish "$T/v1.jsonl"

TOKEN="tok-9f2c41d7e0a8b3"
# The password-like token must never be shown; nginx checks it.
NGINX_HTTP="gzip on; gzip_min_length 64; gzip_types application/json application/x-ndjson text/plain;"
export NGINX_HTTP
server_extra="etag on;
	ssl_client_certificate $T/pki/ca.crt;
	ssl_verify_client optional;
	location /mtls/ {
		alias $T/www/feed/;
		if (\$ssl_client_verify != SUCCESS) { return 403; }
	}
	location /token/ {
		alias $T/www/feed/;
		if (\$http_authorization != \"Bearer $TOKEN\") { return 401; }
	}
	location /later/ {
		etag off;
		if_modified_since before;
	}"
if ! nginx_start "$T/www" "$server_extra"; then
	fail "nginx starts"
	done_testing
	exit 1
fi
URL="https://127.0.0.1:$NGINX_PORT"

# conf NAME KEY=VALUE...: a config file for case NAME: the public key,
# the test CA (unless ca_file is given; "ca_file=" for none), then KEY=VALUE.
conf() {
	name=$1; shift
	{
		echo "pubkey = $T/k.pub"
		case " $* " in
		*" ca_file="*) ;;
		*) echo "ca_file = $T/pki/ca.crt" ;;
		esac
		for kv in "$@"; do
			[ -n "${kv#*=}" ] && printf '%s = %s\n' "${kv%%=*}" "${kv#*=}"
		done
	} >"$T/conf-$name"
}
# g NAME ARGS...: globe with case NAME's database and config.
g() {
	name=$1; shift
	"$GLOBE" --db "$T/db-$name" --config "$T/conf-$name" "$@"
}
requests() { wc -l <"$T/nginx/access.log" | tr -d ' '; }
# A failing case: the exit status, the message, and the same checksum after.
fails_unchanged() {
	what=$1; want=$2; text=$3; name=$4; shift 4
	before=$(g "$name" status --checksum)
	check_exit "$what" "$want" g "$name" sync "$@"
	check_contains "$what: the message says why" "$err" "$text"
	printf '#   %s\n' "$err" | head -n 3
	after=$(g "$name" status --checksum)
	check_eq "$what: the cache is unchanged" "$after" "$before"
}

# --- first sync, gzip, no-op, delta ------------------------------------
conf main "feed=$URL/feed/"
: >"$T/nginx/access.log"
check_exit "first sync over https" 0 g main sync
check_contains "first sync: a snapshot, serial 1" "$out" "synced serial 1 (was empty)"
check_contains "first sync: contacts added" "$out" "contacts +400 ~0 -0"
log=$(nginx_requests)
check_contains "nginx served index.json" "$log" "GET /feed/index.json HTTP/1.1 200"
check_contains "nginx served the signature" "$log" "GET /feed/index.json.minisig HTTP/1.1 200"
snap=$(ixpath "$T/www/feed")
objline=$(grep "GET /feed/$snap " "$T/nginx/access.log")
check_contains "nginx served the snapshot object" "$objline" " 200 "
ratio=$(echo "$objline" | sed -n 's/.* gz=\([0-9.]*\) .*/\1/p')
if [ -n "$ratio" ]; then pass "the snapshot travelled gzipped (ratio $ratio)"; else
	fail "the snapshot travelled gzipped"; echo "#   $objline"; fi
size=$(wc -c <"$T/www/feed/$snap" | tr -d ' ')
sent=$(echo "$objline" | awk '{print $5}')
if [ -n "$sent" ] && [ "$sent" -lt "$size" ]; then
	pass "gzip: $sent bytes on the wire for $size bytes of object"
else
	fail "gzip: $sent bytes on the wire for $size bytes of object"
fi
check_exit "the gzipped data is there" 0 g main show c-7
check_contains "gzip: the data is intact" "$out" "Delegado A"

: >"$T/nginx/access.log"
check_exit "no-op sync" 0 g main sync
check_contains "no-op: already up to date" "$out" "already up to date (serial 1)"
check_eq "no-op: exactly one request" "$(requests)" 1
check_contains "no-op: answered 304" "$(nginx_requests)" "GET /feed/index.json HTTP/1.1 304"

publish "$T/v2.jsonl"
: >"$T/nginx/access.log"
check_exit "delta sync" 0 g main sync
check_contains "delta: serial 2 (was 1)" "$out" "synced serial 2 (was 1)"
check_contains "delta: +1 ~1 contacts" "$out" "contacts +1 ~1 -0"
delta=$(ixpath "$T/www/feed" 1)
log=$(nginx_requests)
check_contains "delta: the delta object was fetched" "$log" "GET /feed/$delta HTTP/1.1 200"
check_not_contains "delta: the new snapshot was not" "$log" "$(ixpath "$T/www/feed")"
check_exit "the delta's data is there" 0 g main show c-7
check_contains "delta: c-7 changed" "$out" "Delegado B"

: >"$T/nginx/access.log"
check_exit "no-op after the delta" 0 g main sync --verbose
check_eq "no-op after the delta: one request (validators stored)" "$(requests)" 1
check_contains "no-op after the delta: 304" "$(nginx_requests)" " 304 "
check_contains "--verbose shows the request and its status" "$err" "index.json (conditional) -> 304"

# --- a serial published after the publisher's clock went back ---------
# Serial 1 was written by a clock an hour ahead (then set right). A
# server or cache that answers 304 when the file is not newer than the
# client's If-Modified-Since (nginx's if_modified_since before, as many
# CDNs do) would keep serial 2 from the client for that hour; each
# serial's index.json is given a time after the one it replaces.
"$PUBLISH" --source "$T/v1.jsonl" --out "$T/www/later" --sign "$T/k.key" \
    --feed-id https-test --quiet
ahead=$(( $(date +%s) + 3600 ))
touch -d "@$ahead" "$T/www/later/index.json" "$T/www/later/index.json.minisig"
conf later "feed=$URL/later/"
check_exit "clock set back: serial 1" 0 g later sync
"$PUBLISH" --source "$T/v2.jsonl" --out "$T/www/later" --sign "$T/k.key" \
    --quiet
: >"$T/nginx/access.log"
check_exit "clock set back: the next sync" 0 g later sync
check_contains "clock set back: the next sync takes serial 2" "$out" \
    "synced serial 2 (was 1)"
check_contains "clock set back: index.json answered 200, not 304" \
    "$(nginx_requests)" "GET /later/index.json HTTP/1.1 200"

# --- an expired cache on a 304 ------------------------------------------
# An index that expires in 2 s, synced, then the server still answers 304.
conf exp "feed=$URL/exp/"
mkdir -p "$T/www/exp"
"$PUBLISH" --source "$T/v1.jsonl" --out "$T/www/exp" --sign "$T/k.key" \
	--feed-id exp-test --quiet
python3 "$srcdir/tests/feed/mkfeed.py" time "$T/www/exp" expires 2
"$PUBLISH" --sign-file "$T/www/exp/index.json" --sign "$T/k.key" >/dev/null 2>&1
check_exit "sync an index about to expire" 0 g exp sync
sleep 3
: >"$T/nginx/access.log"
fails_unchanged "304 with an expired cached index" 4 "expired" exp
check_contains "expired on 304: the server said 304" "$(nginx_requests)" "GET /exp/index.json HTTP/1.1 304"
check_eq "expired on 304: nothing else fetched" "$(requests)" 1

# --- mutual TLS ---------------------------------------------------------
conf mtls "feed=$URL/mtls/" "client_cert=$T/pki/client.crt" "client_key=$T/pki/client.key"
check_exit "mutual TLS with the client certificate" 0 g mtls sync
check_contains "mutual TLS: synced" "$out" "synced serial 2"
check_contains "mutual TLS: nginx verified the certificate" "$(nginx_requests)" "client=SUCCESS"
conf mtlsno "feed=$URL/mtls/"
fails_unchanged "mutual TLS without a client certificate" 3 "HTTP status 403" mtlsno
check_exit "client_cert flag" 0 g mtlsno sync --client-cert "$T/pki/client.crt" --client-key "$T/pki/client.key"

# --- bearer token -------------------------------------------------------
printf '%s\n' "$TOKEN" >"$T/token"
chmod 600 "$T/token"
printf 'tok-wrong-0000\n' >"$T/token-wrong"
chmod 600 "$T/token-wrong"
conf tok "feed=$URL/token/" "token_file=$T/token"
: >"$T/nginx/access.log"
check_exit "the right token" 0 g tok sync --verbose
check_contains "right token: synced" "$out" "synced serial 2"
check_not_contains "right token: not in the verbose output" "$err" "$TOKEN"
conf tokwrong "feed=$URL/token/" "token_file=$T/token-wrong"
fails_unchanged "a wrong token" 3 "HTTP status 401" tokwrong --verbose
check_not_contains "wrong token: never shown" "$err" "tok-wrong"
conf toknone "feed=$URL/token/"
fails_unchanged "no token" 3 "HTTP status 401" toknone
check_exit "token_file flag" 0 g toknone sync --token-file "$T/token"

cp "$T/token" "$T/token-open"
chmod 644 "$T/token-open"
conf tokopen "feed=$URL/token/" "token_file=$T/token-open"
n0=$(requests)
fails_unchanged "a token file others can read" 2 "0644" tokopen
check_eq "0644 token: refused before any request" "$(requests)" "$n0"
check_not_contains "0644 token: never shown" "$err" "$TOKEN"
ln -s "$T/token" "$T/token-link"
conf toklink "feed=$URL/token/" "token_file=$T/token-link"
fails_unchanged "a token file that is a symbolic link" 2 "symbolic link" toklink
check_eq "symlinked token: refused before any request" "$(requests)" "$n0"
# A byte that is a letter only in a Latin-1 locale (0xE9, é) is no token
# character: refused before any request under such a locale too, where
# isalnum() would take it.
printf 'tok\351n-0000\n' >"$T/token-latin1"
chmod 600 "$T/token-latin1"
conf toklatin "feed=$URL/token/" "token_file=$T/token-latin1"
mkdir -p "$T/locales"
if localedef -i fr_FR -f ISO-8859-1 "$T/locales/fr_FR.ISO-8859-1" \
    >/dev/null 2>&1; then
	check_exit "a Latin-1 letter in the token, under a Latin-1 locale" 2 \
	    env -u LC_ALL -u LANGUAGE LOCPATH="$T/locales" \
	    LANG=fr_FR.ISO-8859-1 "$GLOBE" --db "$T/db-toklatin" \
	    --config "$T/conf-toklatin" sync
	check_contains "Latin-1 token: the message says why" "$err" \
	    "must hold one bearer"
	check_eq "Latin-1 token: refused before any request" "$(requests)" "$n0"
else
	echo "# localedef cannot make fr_FR.ISO-8859-1: the Latin-1 token case is not run"
fi

# --- proxies ------------------------------------------------------------
# A proxy from the environment that refuses connections: honoured, so
# the sync fails; --no-proxy (or use_proxy = no) goes direct.
conf proxy "feed=$URL/feed/"
conf proxy2 "feed=$URL/feed/" "use_proxy=no"
: >"$T/nginx/access.log"
https_proxy="http://127.0.0.1:$(free_port)"
export https_proxy
fails_unchanged "a proxy from the environment is used" 3 "proxy" proxy
check_eq "proxy: nginx saw nothing" "$(requests)" 0
check_exit "--no-proxy goes direct" 0 g proxy sync --no-proxy
check_exit "use_proxy = no goes direct" 0 g proxy2 sync
unset https_proxy

# --- TLS failures -------------------------------------------------------
conf noca "feed=$URL/feed/" "ca_file="
fails_unchanged "a private CA that is not configured" 3 "TLS" noca
check_contains "no CA: names the certificate problem" "$err" "certificate"
conf otherca "feed=$URL/feed/" "ca_file=$T/pki/other-ca.crt"
fails_unchanged "an unknown CA" 3 "TLS" otherca
check_contains "unknown CA: names the certificate problem" "$err" "certificate"
check_exit "--ca-file flag" 0 g otherca sync --ca-file "$T/pki/ca.crt"

nginx_stop
NGINX_CERT=wrong
if nginx_start "$T/www" "etag on;"; then
	conf wrong "feed=https://127.0.0.1:$NGINX_PORT/feed/"
	fails_unchanged "a certificate for another host name" 3 "TLS" wrong
	check_contains "wrong host: names the problem" "$err" "name"
else
	fail "nginx starts with the wrong-name certificate"
fi
unset NGINX_CERT
nginx_stop
NGINX_CERT=expired
if nginx_start "$T/www" "etag on;"; then
	conf expired "feed=https://127.0.0.1:$NGINX_PORT/feed/" "ca_file=$T/pki/ca.crt"
	fails_unchanged "an expired server certificate" 3 "TLS" expired
	check_contains "expired certificate: says it expired" "$err" "has expired, or this computer's clock is wrong"
	check_not_contains "expired certificate: not blamed on ca_file" "$err" "not signed by ca_file"
else
	fail "nginx starts with the expired certificate"
fi
unset NGINX_CERT
nginx_stop

done_testing
