#!/bin/sh
# tests/net/reports.sh: flags go to the reports URL the signed index
# names, one HTTPS POST of a globe-report/1 document each, received by a
# real nginx on 127.0.0.1 with TLS and the test CA, set up as
# docs/hosting.md says (the body kept as a file, then 204). Sent: marked
# sent. Refused (500): kept pending, the summary says why, the data of
# the sync applied all the same, and sent at the next sync (a 304).
# Receiver down: pending, the data applied. Offline: they wait. A token
# is sent with them (nginx checks it) and never printed; so is a client
# certificate (nginx verifies it). A reports URL
# that redirects to another host while a token goes with it, one on
# another host, and an http:// one are refused: nothing reaches them.
. "$srcdir/tests/lib.sh"

. "$srcdir/tests/net/tls.sh"
tls_suite_ready

"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
mkdir -p "$T/www" "$T/received"
# The receiving end, as docs/hosting.md: each POST's body kept as a file
# in $T/received (client_body_in_file_only), passed to a local server
# block that answers 204. While $T/fail-500 exists it answers 500.
TOKEN="rep-7c1e90ab52d4f3"
BACKEND=$(free_port)
NGINX_HTTP="server { listen 127.0.0.1:$BACKEND; location / { return 204; } }"
export NGINX_HTTP
receiver="client_max_body_size 64k;
		client_body_in_file_only on;
		client_body_temp_path $T/received;
		proxy_pass http://127.0.0.1:$BACKEND;"
server_extra="etag on;
	ssl_client_certificate $T/pki/ca.crt;
	ssl_verify_client optional;
	location /mtls/ {
		alias $T/www/mtls/;
		if (\$ssl_client_verify != SUCCESS) { return 403; }
	}
	location = /mtls-reports {
		if (\$ssl_client_verify != SUCCESS) { return 403; }
		$receiver
	}
	location = /reports {
		if (-f $T/fail-500) { return 500; }
		$receiver
	}
	location = /token-reports {
		if (\$http_authorization != \"Bearer $TOKEN\") { return 401; }
		$receiver
	}
	location /token/ {
		alias $T/www/token/;
		if (\$http_authorization != \"Bearer $TOKEN\") { return 401; }
	}
	location = /away {
		return 307 https://localhost:\$server_port/token-reports;
	}"
if ! nginx_start "$T/www" "$server_extra"; then
	fail "nginx starts"
	done_testing
	exit 1
fi
URL="https://127.0.0.1:$NGINX_PORT"

# publish DIR SOURCE [REPORTS-URL]
publish() {
	"$PUBLISH" --source "$2" --out "$T/www/$1" --sign "$T/k.key" \
		--feed-id reports-test --quiet ${3:+--reports-url "$3"}
}
conf() {
	name=$1; shift
	{
		echo "pubkey = $T/k.pub"
		echo "ca_file = $T/pki/ca.crt"
		for kv in "$@"; do printf '%s = %s\n' "${kv%%=*}" "${kv#*=}"; done
	} >"$T/conf-$name"
}
g() {
	name=$1; shift
	"$GLOBE" --db "$T/db-$name" --config "$T/conf-$name" "$@"
}
received() { find "$T/received" -type f | wc -l | tr -d ' '; }
posts() { grep -c "^POST $1 " "$T/nginx/access.log"; }
# The state of flag N of case NAME: "pending", or "sent".
state() {
	g "$1" flags --json | python3 -c '
import json, sys
for f in json.load(sys.stdin):
    if f["n"] == int(sys.argv[1]):
        print(f["state"])' "$2"
}

cat >"$T/v1.jsonl" <<'EOS'
{"type":"country","code":"BR","name":"Brazil","region":"Americas"}
{"type":"authority","id":"br-pf","country":"BR","name":"Polícia Federal","acronym":"PF"}
{"type":"contact","id":"c-1","authority":"br-pf","name":"José Silva","title":"Delegado"}
{"type":"contact","id":"c-2","authority":"br-pf","name":"Ana Costa","title":"Agente"}
EOS
sed 's/"title":"Agente"/"title":"Agente Especial"/' "$T/v1.jsonl" >"$T/v2.jsonl"

# --- sent ----------------------------------------------------------------
publish feed "$T/v1.jsonl" "$URL/reports"
check_contains "the signed index names the reports URL" \
    "$(cat "$T/www/feed/index.json")" "\"reports\": \"$URL/reports\""
conf main "feed=$URL/feed/"
check_exit "first sync" 0 g main sync
check_exit "a flag" 0 g main flag c-1 "Left the unit in 2025"
check_contains "it will go at the next sync" "$out" \
    "sent to the secretariat at the next sync"
: >"$T/nginx/access.log"
check_exit "a sync sends it" 0 g main sync
check_contains "the summary says so" "$out" "1 flag sent"
check_eq "one POST, answered 204" \
    "$(grep -c '^POST /reports HTTP/1.1 204' "$T/nginx/access.log")" 1
check_eq "the receiver kept one document" "$(received)" 1
doc=$(find "$T/received" -type f | head -n 1)
ok "the document: globe-report/1, the record, the text, the serial seen" \
    python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "globe-report/1", d
assert d["record"] == {"type": "contact", "id": "c-1", "name": "José Silva"}, d
assert d["text"] == "Left the unit in 2025" and d["serial"] == 1, d
assert d["feed_id"] == "reports-test" and len(d["report_id"]) == 32, d
' "$doc"
check_eq "the flag is sent" "$(state main 1)" "sent"
check_exit "flags --sent" 0 g main flags --sent
check_contains "with the time it went" "$out" "sent 20"
check_exit "a sent flag cannot be withdrawn" 1 g main unflag 1
: >"$T/nginx/access.log"
check_exit "the next sync" 0 g main sync
check_not_contains "sends nothing again" "$(cat "$T/nginx/access.log")" "POST"

# --- refused (500), then sent at the next sync -------------------------
: >"$T/fail-500"
ok "a second flag" g main flag c-2 "Wrong phone number"
publish feed "$T/v2.jsonl" "$URL/reports"
check_exit "a sync while the receiver answers 500" 0 g main sync
check_contains "the data is applied" "$out" "synced serial 2 (was 1): contacts +0 ~1 -0"
check_contains "the summary says the flag waits, and why" "$out" \
    "1 flag waits: $URL/reports: HTTP status 500"
check_exit "the changed contact" 0 g main show c-2
check_contains "holds the new title" "$out" "Agente Especial"
check_eq "the flag is still pending" "$(state main 2)" "pending"
check_exit "flags --pending" 0 g main flags --pending
check_contains "says why" "$out" "waiting: $URL/reports: HTTP status 500"
rm -f "$T/fail-500"
n0=$(received)
: >"$T/nginx/access.log"
check_exit "the next sync (the index unchanged: 304)" 0 g main sync
check_contains "the index answered 304" "$(cat "$T/nginx/access.log")" \
    "GET /feed/index.json HTTP/1.1 304"
check_contains "and the flag went" "$out" "1 flag sent"
check_eq "the receiver has it" "$(received)" "$((n0 + 1))"
check_eq "sent" "$(state main 2)" "sent"

# --- receiver down; offline ---------------------------------------------
DEAD=$(free_port)
publish down "$T/v1.jsonl" "https://127.0.0.1:$DEAD/reports"
conf down "feed=$URL/down/"
ok "sync a feed whose receiver is down" g down sync --quiet
ok "a flag" g down flag c-1 "Retired"
check_exit "a sync with the receiver down" 0 g down sync
check_contains "the flag waits: the receiver does not answer" "$out" \
    "1 flag waits: https://127.0.0.1:$DEAD/reports"
check_eq "pending" "$(state down 1)" "pending"
conf offline "feed=https://127.0.0.1:$DEAD/feed/"
cp "$T/db-down" "$T/db-offline"
check_exit "offline: the sync fails" 3 g offline sync
check_eq "offline: the flag waits" "$(state offline 1)" "pending"
check_exit "flags" 0 g offline flags --json
ok "offline: not even tried" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d[0]["attempts"] == 1, d
' "$T/out"

# --- a token: sent with the flags, never printed ------------------------
mkdir -p "$T/www/token"
publish token "$T/v1.jsonl" "$URL/token-reports"
printf '%s\n' "$TOKEN" >"$T/token"
chmod 600 "$T/token"
conf tok "feed=$URL/token/" "token_file=$T/token"
ok "sync with a token" g tok sync --quiet
ok "a flag" g tok flag c-1 "Moved to Brasília"
: >"$T/nginx/access.log"
check_exit "a sync sends it with the token" 0 g tok sync --verbose
check_contains "sent: nginx took the token" "$out" "1 flag sent"
check_eq "one POST to the token's receiver, 204" \
    "$(grep -c '^POST /token-reports HTTP/1.1 204' "$T/nginx/access.log")" 1
check_contains "--verbose shows the POST" "$err" "POST $URL/token-reports -> 204"
check_not_contains "the token is never printed (stdout)" "$out" "$TOKEN"
check_not_contains "the token is never printed (stderr)" "$err" "$TOKEN"
ok "another flag" g tok flag c-2 "Wrong e-mail"

# --- a client certificate: sent with the flags, as with the feed --------
mkdir -p "$T/www/mtls"
publish mtls "$T/v1.jsonl" "$URL/mtls-reports"
conf mtls "feed=$URL/mtls/" "client_cert=$T/pki/client.crt" \
    "client_key=$T/pki/client.key"
ok "sync with a client certificate" g mtls sync --quiet
ok "a flag" g mtls flag c-1 "On leave until March"
: >"$T/nginx/access.log"
check_exit "a sync sends it with the client certificate" 0 g mtls sync
check_contains "sent: nginx verified the certificate" "$out" "1 flag sent"
check_eq "one POST with the certificate verified, 204" \
    "$(grep -c '^POST /mtls-reports HTTP/1.1 204 .*client=SUCCESS' "$T/nginx/access.log")" 1
check_eq "the flag is sent" "$(state mtls 1)" "sent"

# --- redirected to another host, another host, http:// -----------------
# The token's feed names a reports URL that redirects (307) to the same
# server by another name (localhost): another host while the token goes.
n0=$(received)
python3 "$srcdir/tests/feed/mkfeed.py" set "$T/www/token" reports "\"$URL/away\""
"$PUBLISH" --sign-file "$T/www/token/index.json" --sign "$T/k.key" >/dev/null 2>&1
conf redir "feed=$URL/token/" "token_file=$T/token"
cp "$T/db-tok" "$T/db-redir"
: >"$T/nginx/access.log"
check_exit "a reports URL that redirects to another host" 0 g redir sync --verbose
check_contains "the redirect was asked" "$(cat "$T/nginx/access.log")" \
    "POST /away HTTP/1.1 307"
check_contains "not followed: the flag waits, and why" "$out" \
    "a token or client certificate is only sent to the feed's own host"
check_eq "nothing reached the other host" "$(received)" "$n0"
check_not_contains "the token is never printed" "$out$err" "$TOKEN"
check_eq "still pending" "$(state redir 2)" "pending"

python3 "$srcdir/tests/feed/mkfeed.py" set "$T/www/token" reports \
    "\"https://localhost:$NGINX_PORT/token-reports\""
"$PUBLISH" --sign-file "$T/www/token/index.json" --sign "$T/k.key" >/dev/null 2>&1
: >"$T/nginx/access.log"
check_exit "a reports URL on another host, with a token" 0 g redir sync
check_contains "refused before sending" "$out" \
    "is not on the feed's host, and a token or client certificate is only sent"
check_not_contains "no POST" "$(cat "$T/nginx/access.log")" "POST"

python3 "$srcdir/tests/feed/mkfeed.py" set "$T/www/token" reports \
    "\"http://127.0.0.1:$NGINX_PORT/token-reports\""
"$PUBLISH" --sign-file "$T/www/token/index.json" --sign "$T/k.key" >/dev/null 2>&1
: >"$T/nginx/access.log"
check_exit "an http:// reports URL" 0 g redir sync
check_contains "the data applies: the sync succeeds" "$out" "serial"
check_contains "refused: only https" "$out" \
    "refused: only an https:// URL with a host is used"
check_not_contains "no POST" "$(cat "$T/nginx/access.log")" "POST"
check_eq "the receiver got nothing more" "$(received)" "$n0"
# The refusal is said in the officer's language, as every message is.
check_exit "an http:// reports URL, under LANGUAGE=fr" 0 env -u LC_ALL \
    LANG=C.UTF-8 LANGUAGE=fr "$GLOBE" --db "$T/db-redir" \
    --config "$T/conf-redir" sync
check_contains "refused, in French" "$out" \
    "est refusée : seule une URL https:// avec un hôte est utilisée"

check_exit "globe-publish refuses an http:// reports URL" 2 \
    "$PUBLISH" --source "$T/v1.jsonl" --out "$T/www/x" --reports-url \
    "http://127.0.0.1/reports"

done_testing
