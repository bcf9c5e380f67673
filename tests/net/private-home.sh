#!/bin/sh
# tests/net/private-home.sh: the network suites must not depend on where
# the checkout lives or who runs them. Debian creates home directories
# 0700, and nginx started by root runs its workers as another user, which
# then cannot read a feed under such a home (403, "Permission denied").
# Here the whole test tree (certificates, feed, nginx's files, the cache)
# lies under a fresh 0700 directory, as a checkout in a new officer's home
# would, and a sync over HTTPS through tests/net/tls.sh's nginx must work.
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"
	done_testing
	exit 0
fi
PATH="$PATH:/usr/sbin"
if ! command -v nginx >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1 ||
    ! command -v python3 >/dev/null 2>&1; then
	echo "# SKIP nginx, openssl or python3 not installed"
	done_testing
	exit 0
fi

# The private "home": only its owner may enter it.
PRIV=$(mktemp -d "${TMPDIR:-/tmp}/globe-home.XXXXXX") || exit 1
chmod 700 "$PRIV"
T="$PRIV/checkout/build/tests/tmp/$suite"
mkdir -p "$T/home"
export HOME="$T/home"
export XDG_DATA_HOME="$T/home/data" XDG_CONFIG_HOME="$T/home/config"
. "$srcdir/tests/net/tls.sh"
unset https_proxy HTTPS_PROXY http_proxy HTTP_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY
trap 'nginx_stop; rm -rf "$PRIV"' EXIT

check_eq "the test tree is under a 0700 directory" \
    "$(stat -c %a "$PRIV")" 700
echo "# running as $(id -un) (uid $(id -u))"

if ! tls_make_pki; then
	echo "# SKIP cannot make test certificates:"; sed 's/^/#   /' "$T/pki.log" | tail -n 5
	done_testing
	exit 0
fi
"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
mkdir -p "$T/www"
cat >"$T/src.jsonl" <<'EOF'
{"type":"country","code":"BR","name":"Brazil","region":"Americas"}
{"type":"authority","id":"br-pf","country":"BR","name":"Polícia Federal","acronym":"PF"}
{"type":"contact","id":"c-1","authority":"br-pf","name":"José Silva","role":"focal-point"}
EOF
"$PUBLISH" --source "$T/src.jsonl" --out "$T/www/feed" --sign "$T/k.key" \
	--feed-id private-home --quiet

if ! nginx_start "$T/www"; then
	fail "nginx starts"
	done_testing
	exit 1
fi
pass "nginx starts"
cat >"$T/conf" <<EOF
feed = https://127.0.0.1:$NGINX_PORT/feed/
pubkey = $T/k.pub
ca_file = $T/pki/ca.crt
EOF

check_exit "sync over HTTPS from a feed under the 0700 directory" 0 \
    "$GLOBE" --config "$T/conf" sync
check_contains "  synced the snapshot" "$out" "synced serial 1"
check_exit "  and the data is there" 0 "$GLOBE" --config "$T/conf" \
    search José
check_contains "  (the contact is found)" "$out" "José Silva"
log=$(nginx_requests)
check_contains "nginx served index.json" "$log" "GET /feed/index.json HTTP/1.1 200"
check_not_contains "nginx refused nothing" "$log" " 403 "
errlog=$(cat "$T/nginx/error.log" "$T/nginx/stdout.log")
check_not_contains "nginx's error log has no 'Permission denied'" "$errlog" \
    "Permission denied"
check_not_contains "nginx's error log has no warning" "$errlog" "[warn]"
check_not_contains "  nor an error" "$errlog" "[emerg]"

done_testing
