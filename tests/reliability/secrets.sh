#!/bin/sh
# tests/reliability/secrets.sh: files and secrets. Under umask 022 the
# data directory is 0700 and the database, its -wal/-shm and the
# temporary downloads 0600 (watched while a throttled HTTPS sync
# runs). The bearer token file is refused when others can read it, when
# it is owned by another user (a file chown'd to nobody: as root we can
# read anything, so this proves the ownership check itself), or when it
# is a symbolic link; and a distinctive token never appears in globe's
# argv or environment (/proc while the sync runs), its output, its error
# messages, the files it wrote (database included) or the server's logs
# (only the test's own nginx.conf, which checks it, and the config that
# names the token file are excluded).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/reliability/lib-rel.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"; done_testing; exit 0
fi
PATH="$PATH:/usr/sbin"
if ! command -v nginx >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1 ||
    ! command -v python3 >/dev/null 2>&1; then
	echo "# SKIP nginx, openssl or python3 not installed"; done_testing; exit 0
fi
. "$srcdir/tests/net/tls.sh"
unset https_proxy HTTPS_PROXY http_proxy HTTP_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY
trap 'nginx_stop' EXIT
if ! tls_make_pki; then
	echo "# SKIP cannot make test certificates"; done_testing; exit 0
fi
umask 022

TOKEN="GLOBEsecretTOKEN-7f3a9c1e5b"
rel_setup
rel_gen A 6000 >"$T/a.jsonl"
mkdir -p "$T/www"
"$PUBLISH" --source "$T/a.jsonl" --out "$T/www/feed" --sign "$T/k.key" \
	--feed-id secrets-test --quiet
if ! nginx_start "$T/www" "location /feed/ {
		limit_rate 150k;
		if (\$http_authorization != \"Bearer $TOKEN\") { return 401; }
	}"; then
	fail "nginx starts"; done_testing; exit 1
fi
URL="https://127.0.0.1:$NGINX_PORT/feed/"
printf '%s\n' "$TOKEN" >"$T/token"
chmod 600 "$T/token"
cat >"$XDG_CONFIG_HOME/globe/config" <<CONF
feed = $URL
pubkey = $T/k.pub
ca_file = $T/pki/ca.crt
token_file = $T/token
CONF
DIR="$XDG_DATA_HOME/globe"

# --- a throttled sync, watched from outside -------------------------------
rm -rf "$XDG_DATA_HOME"
"$GLOBE" sync --verbose >"$T/sync.out" 2>"$T/sync.err" &
pid=$!
: >"$T/modes"
: >"$T/proc"
while kill -0 "$pid" 2>/dev/null; do
	cat "/proc/$pid/cmdline" "/proc/$pid/environ" >>"$T/proc" 2>/dev/null
	for task in /proc/"$pid"/task/*; do
		cat "$task/environ" >>"$T/proc" 2>/dev/null
	done
	for f in "$DIR" "$DIR"/*; do
		[ -e "$f" ] && stat -c '%a %n' "$f" >>"$T/modes" 2>/dev/null
	done
	sleep 0.05
done
wait "$pid"
check_eq "throttled sync with the token" "$?" 0
sort -u "$T/modes" | sed "s|$DIR|DATA|" >"$T/modes.u"
sed 's/^/#   seen: /' "$T/modes.u"
check_contains "the data directory was seen" "$(cat "$T/modes.u")" " DATA"
check_contains "a download was seen" "$(cat "$T/modes.u")" "DATA/download-"
check_contains "the database was seen" "$(cat "$T/modes.u")" "DATA/globe.db"
check_contains "the -wal was seen" "$(cat "$T/modes.u")" "DATA/globe.db-wal"
check_eq "data directory 0700" "$(grep ' DATA$' "$T/modes.u" | cut -d' ' -f1 | sort -u)" 700
check_eq "every file in it 0600 (db, -wal, -shm, downloads)" \
    "$(grep ' DATA/' "$T/modes.u" | cut -d' ' -f1 | sort -u)" 600
check_eq "the dir is 0700 after the sync" "$(stat -c %a "$DIR")" 700
check_eq "the db is 0600 after the sync" "$(stat -c %a "$DIR/globe.db")" 600

check_eq "the token is not in argv or the environment" \
    "$(grep -c "$TOKEN" "$T/proc")" 0
if grep -q "$URL" "$T/sync.err"; then pass "the verbose log was written"
else fail "the verbose log was written"; fi

# --- the token in memory after the sync -----------------------------------
# tests/net/token-probe syncs as `globe sync` does, then reads its own
# memory as a core dump at exit would show it (it holds the token only
# masked, so its own copy is not counted). In the sanitizer build freed
# blocks stay unused, as in a core dump taken before they are reused:
# before libcurl's memory was wiped on free, 3 copies were found there.
PROBE="$builddir/tests/net/token-probe"
if [ -x "$PROBE" ]; then
	masked=$(printf '%s' "$TOKEN" | python3 -c 'import sys; print(bytes(b ^ 0x5a for b in sys.stdin.buffer.read()).hex())')
	rm -rf "$T/probe"; mkdir -p "$T/probe"; chmod 700 "$T/probe"
	"$PROBE" "$URL" "$T/pki/ca.crt" "$T/token" "$T/k.pub" "$T/probe/globe.db" \
	    "$masked" >"$T/probe.out" 2>"$T/probe.err"
	check_eq "the probe's sync with the token worked" "$?" 0
	sed 's/^/#   /' "$T/probe.err" | head -n 3
	check_eq "after the sync no copy of the token is left in memory" \
	    "$(cat "$T/probe.out")" "copies: 0"
else
	fail "tests/net/token-probe is built"
fi

# --- token files that are refused -----------------------------------------
C=$(checksum)
tokcase() {
	twhat=$1 tfile=$2 twant=$3
	check_exit "$twhat: refused" 2 "$GLOBE" sync --token-file "$tfile"
	check_contains "$twhat: says why" "$err" "$twant"
	check_not_contains "$twhat: the token is not shown" "$err$out" "$TOKEN"
	check_eq "$twhat: cache unchanged" "$(checksum)" "$C"
}
cp "$T/token" "$T/token-group"; chmod 640 "$T/token-group"
tokcase "group-readable token file" "$T/token-group" "0640"
cp "$T/token" "$T/token-world"; chmod 604 "$T/token-world"
tokcase "world-readable token file" "$T/token-world" "0604"
ln -s "$T/token" "$T/token-link"
tokcase "token file that is a symbolic link" "$T/token-link" "symbolic link"
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	cp "$T/token" "$T/token-nobody"; chown nobody "$T/token-nobody"
	tokcase "token file owned by another user" "$T/token-nobody" "not owned by you"
else
	echo "# (not root: the ownership case needs chown)"
fi
check_exit "there is no option that takes the token itself" 2 \
    "$GLOBE" sync --token "$TOKEN"
check_not_contains "unknown option: the value is not echoed" "$err" "$TOKEN"

# --- wrong token: the error does not show it ------------------------------
printf 'WRONGsecret-55aa\n' >"$T/token-wrong"; chmod 600 "$T/token-wrong"
check_exit "a wrong token" 3 "$GLOBE" sync --token-file "$T/token-wrong" --verbose
check_not_contains "a wrong token is not shown" "$err$out" "WRONGsecret"

# --- nothing globe wrote or printed holds the token ------------------------
nginx_stop
found=$(grep -rlaF "$TOKEN" "$T" 2>/dev/null | grep -v -e "^$T/token" -e "^$T/proc$" \
    -e "^$T/home/config/globe/config$" -e "^$T/nginx/nginx.conf$" | sed "s|$T/||")
check_eq "the token is in no file but the token file (db, logs, output)" "$found" ""
found=$(grep -rlaF "WRONGsecret" "$T" 2>/dev/null | grep -v "^$T/token-wrong$" | sed "s|$T/||")
check_eq "the wrong token is in no file but its own" "$found" ""

done_testing
