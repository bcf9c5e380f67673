#!/bin/sh
# tests/cli/config.sh: the config file as a new officer writes it. Public
# keys pasted inline (most contain '/', many '+'), a whole .pub file
# pasted, keys given as relative, absolute and ~/ paths, values that are
# neither; bind lines checked by every command, not only the full-screen
# interface, with the line number and the path.
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"
	done_testing
	exit 0
fi
have_minisign=0
command -v minisign >/dev/null 2>&1 && have_minisign=1

CONF="$XDG_CONFIG_HOME/globe/config"
mkdir -p "$XDG_CONFIG_HOME/globe"

cat >"$T/src.jsonl" <<'EOF'
{"type":"country","code":"BR","name":"Brazil","region":"Americas"}
{"type":"authority","id":"br-pf","country":"BR","name":"Polícia Federal","acronym":"PF"}
{"type":"contact","id":"c-1","authority":"br-pf","name":"José Silva","role":"focal-point"}
EOF
"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
"$PUBLISH" --source "$T/src.jsonl" --out "$T/feed" --sign "$T/k.key" \
	--feed-id test-feed --quiet

# Signs the feed's index.json with key $1 (a minisign or globe-publish
# secret key, unencrypted).
sign_index() {
	if [ "$2" = minisign ]; then
		minisign -S -s "$1" -m "$T/feed/index.json" \
		    -x "$T/feed/index.json.minisig" >/dev/null 2>&1
	else
		"$PUBLISH" --sign-file "$T/feed/index.json" --sign "$1" \
		    >/dev/null 2>&1
	fi
}

# Syncs from the file:// feed into a fresh cache with the config as it is;
# sets $status, $out, $err.
sync_fresh() {
	rm -rf "$XDG_DATA_HOME"
	"$GLOBE" sync --feed "file://$T/feed" >"$T/out" 2>"$T/err"
	status=$?
	out=$(cat "$T/out"); err=$(cat "$T/err")
}

# --- 1. inline keys: many fresh ones, told apart from paths by content ---
# A key is 56 base64 characters; more than half contain '/'. Each one is
# pasted inline (the README's form), then the feed is signed with it and a
# sync must verify against it.
i=0 nslash=0 nplus=0 nbad=0 bad=""
while [ $i -lt 40 ]; do
	i=$((i + 1))
	rm -f "$T/g.key" "$T/g.pub"
	if [ $have_minisign -eq 1 ] && [ $((i % 2)) -eq 0 ]; then
		tool=minisign
		minisign -G -W -f -p "$T/g.pub" -s "$T/g.key" >/dev/null 2>&1
	else
		tool=publish
		"$PUBLISH" --keygen "$T/g" >/dev/null 2>&1
	fi
	key=$(tail -n 1 "$T/g.pub")
	case "$key" in */*) nslash=$((nslash + 1)) ;; esac
	case "$key" in *+*) nplus=$((nplus + 1)) ;; esac
	printf '# a fresh key\npubkey = %s\n' "$key" >"$CONF"
	if ! "$GLOBE" status >"$T/out" 2>"$T/err"; then
		nbad=$((nbad + 1))
		[ $nbad -le 3 ] && bad="$bad status:$key($(cat "$T/err"))"
		continue
	fi
	sign_index "$T/g.key" $tool
	sync_fresh
	if [ "$status" -ne 0 ]; then
		nbad=$((nbad + 1))
		[ $nbad -le 3 ] && bad="$bad sync:$key($err)"
	fi
done
check_eq "40 fresh keys pasted inline: each accepted and verifies a sync" \
    "$nbad$bad" 0
# The loop proves nothing unless keys with '/' were among them.
check_eq "some of the keys contain '/' and '+'" \
    "$([ $nslash -ge 5 ] && [ $nplus -ge 5 ] && echo yes)" yes
echo "# $nslash of 40 keys had '/', $nplus had '+'"

# The inline key is the one that verifies: another key is refused.
"$PUBLISH" --keygen "$T/other" >/dev/null 2>&1
printf 'pubkey = %s\n' "$(tail -n 1 "$T/other.pub")" >"$CONF"
sign_index "$T/k.key" publish
sync_fresh
check_eq "an inline key that did not sign the feed: refused" "$status" 4
check_contains "  with a signature error" "$err" "signature"

# A whole .pub file pasted: the comment line after "pubkey =" and the
# base64 line under it.
{ printf 'feed = file://%s\npubkey = ' "$T/feed"; cat "$T/k.pub"
  echo "stale_days = 30"; } >"$CONF"
sync_fresh
check_eq "a .pub file's two lines pasted after pubkey =: sync verifies" \
    "$status" 0
check_exit "  and the line after it is read as the next setting" 0 \
    "$GLOBE" status
# A value split over two lines keeps the line numbers right.
{ printf 'pubkey = '; cat "$T/k.pub"; echo "colour = red"; } >"$CONF"
check_exit "a bad line after a pasted .pub file" 2 "$GLOBE" status
check_contains "  is named by its own line number" "$err" \
    "config:3: unknown key 'colour'"

# Only the comment line pasted: the next setting is not taken for the key.
{ printf 'pubkey = '; head -n 1 "$T/k.pub"; printf 'feed = %s\n' "$T/feed"; } \
    >"$CONF"
check_exit "a .pub file's comment line without its key" 2 "$GLOBE" status
check_contains "  is an error on its own line" "$err" \
    "config:1: not a minisign public key"
check_not_contains "  that does not swallow the next line" "$err" "feed ="

# --- keys as paths: absolute, relative, ~/ -------------------------------
mkdir -p "$HOME/keys" "$T/rel/sub"
cp "$T/k.pub" "$HOME/keys/feed.pub"
cp "$T/k.pub" "$T/rel/sub/feed.pub"
printf 'pubkey = %s\n' "$T/k.pub" >"$CONF"
sync_fresh
check_eq "a key given as an absolute path" "$status" 0
printf 'pubkey = ~/keys/feed.pub\n' >"$CONF"
sync_fresh
check_eq "a key given as a ~/ path" "$status" 0
printf 'pubkey = sub/feed.pub\n' >"$CONF"
(cd "$T/rel" && sync_fresh && echo "$status" >"$T/rel.status")
check_eq "a key given as a path relative to the working directory" \
    "$(cat "$T/rel.status")" 0
cp "$T/k.pub" "$T/rel/feedkey"
printf 'pubkey = feedkey\n' >"$CONF"
(cd "$T/rel" && sync_fresh && echo "$status" >"$T/rel.status")
check_eq "a key file named without '/' or .pub" "$(cat "$T/rel.status")" 0

# --- neither a key nor a file --------------------------------------------
printf '# keys\npubkey = RWTj1I4fLsXxeXcSXLnGoKsn+dF6kD5oLxyCHHSkvpKL/4NtYtEY\n' \
    >"$CONF"
check_exit "a truncated key" 2 "$GLOBE" status
check_contains "  says it is not a key" "$err" "config:2: not a minisign public key"
check_contains "  and that there is no such file" "$err" \
    "and no file RWTj1I4fLsXxeXcSXLnGoKsn+dF6kD5oLxyCHHSkvpKL/4NtYtEY: No such file or directory"
check_contains "  and names the config file" "$err" "($CONF)"
printf 'pubkey = ~/keys/missing.pub\n' >"$CONF"
check_exit "a ~/ path that does not exist" 2 "$GLOBE" status
check_contains "  names the expanded path" "$err" \
    "and no file $HOME/keys/missing.pub: No such file or directory"
echo "not a key" >"$T/junk.pub"
printf 'pubkey = %s\n' "$T/junk.pub" >"$CONF"
check_exit "a file that is not a public key" 2 "$GLOBE" status
check_contains "  says which file and why" "$err" \
    "config:1: public key file $T/junk.pub: not a minisign public key"

# --- 2. bind lines are checked by every command --------------------------
# With the parser the full-screen interface uses (tui/present-keys.c), before any
# command runs: the line number, what is wrong, the path, exit 2.
good="feed = $T/feed
pubkey = $T/k.pub"
sync_fresh
for cmd in status "search x" "countries"; do
	printf '%s\n# keys\nbind = ^N down\nbind = Hyper-Q quit\n' "$good" \
	    >"$CONF"
	check_exit "globe $cmd with a bind line naming an unknown key" 2 \
	    "$GLOBE" $cmd
	check_contains "  names the line and the key" "$err" \
	    "config:5: unknown key 'Hyper-Q'"
	check_contains "  and the config file" "$err" "($CONF)"
	printf '%s\nbind = x explode\n' "$good" >"$CONF"
	check_exit "globe $cmd with a bind line naming an unknown action" 2 \
	    "$GLOBE" $cmd
	check_contains "  names the line and the action" "$err" \
	    "config:3: unknown action 'explode'"
	check_contains "  and the config file" "$err" "($CONF)"
done
printf '%s\nbind = x\n' "$good" >"$CONF"
check_exit "a bind line without an action" 2 "$GLOBE" status
check_contains "  shows the syntax the parser reads" "$err" \
    "config:3: expected 'bind = KEY ACTION', got 'x'"
printf '%s\nbind = x quit now\n' "$good" >"$CONF"
check_exit "a bind line with two actions" 2 "$GLOBE" status
check_contains "  is refused too" "$err" "config:3: expected 'bind = KEY ACTION'"
printf '%s\nbind = ^N down\nbind = F6 sync\nbind = q none\nbind = PgDn page-down\nbind = = search\n' \
    "$good" >"$CONF"
check_exit "good bind lines (a ctrl key, F6, none, a named key, '=')" 0 \
    "$GLOBE" status

# The errors quote the file, which may hold anything: never raw controls.
printf '%s\nbind = \033]0;pwned\007 quit\n' "$good" >"$CONF"
check_exit "a bind line with escape sequences in its key" 2 "$GLOBE" status
printf '%s' "$err" >"$T/err.raw"
check_eq "  the error has no raw ESC or BEL" \
    "$(tr -d -c '\033\007' <"$T/err.raw" | wc -c | tr -d ' ')" 0
check_contains "  and still names the line" "$err" "config:3: unknown key"

done_testing
