#!/bin/sh
# tests/reliability/local-files.sh: files on the officer's machine that
# others may have placed or can change. A cache file (--db) that is a
# symbolic link, has a second name (hard link) or belongs to another user
# is refused, untouched; the user's own cache readable by others is made
# 0600; a hard link planted at the predictable name of a partial download
# is never appended to or truncated. A config, public key or CA that is a
# FIFO or device (which would block) or that others can write is refused,
# as is a client key others can read; globe's own data directory is made
# 0700, a --db's directory left alone.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/reliability/lib-rel.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"; done_testing; exit 0
fi

rel_setup
rel_gen A 50 >"$T/a.jsonl"
rel_publish "$T/a.jsonl"
DIR="$XDG_DATA_HOME/globe"
DB="$DIR/globe.db"
check_exit "a first sync" 0 "$GLOBE" sync
fsum() { sha256sum <"$1" | cut -c1-64; }

# --- a cache file that is not the user's own --------------------------------
S="$T/shared"
mkdir -p "$S"
cp "$DB" "$S/copy.db"
ln -s "$S/copy.db" "$S/link.db"
check_exit "--db a symbolic link: refused" 5 "$GLOBE" --db "$S/link.db" status
check_contains "symbolic link: says so" "$err" "symbolic link"
ln "$S/copy.db" "$S/second-name.db"
before=$(fsum "$S/copy.db")
check_exit "--db with a second name (hard link): refused" 5 "$GLOBE" --db "$S/second-name.db" status
check_contains "hard link: says so" "$err" "hard link"
check_eq "hard link: the file is untouched" "$(fsum "$S/copy.db")" "$before"
rm -f "$S/second-name.db" "$S/link.db"
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	cp "$DB" "$S/theirs.db"
	chmod 666 "$S/theirs.db"
	chown nobody "$S/theirs.db"
	before=$(fsum "$S/theirs.db")
	check_exit "--db owned by another user (0666): refused" 5 "$GLOBE" --db "$S/theirs.db" search person
	check_contains "another user's file: says so" "$err" "owned by another user"
	check_eq "another user's file: untouched" "$(fsum "$S/theirs.db")" "$before"
	check_eq "another user's file: its mode untouched" "$(stat -c %a "$S/theirs.db")" 666
else
	echo "# not root: the another-user case needs chown (not counted)"
fi

# --- the user's own cache, readable by others ------------------------------
chmod 644 "$DB"
check_exit "own cache 0644: still opens" 0 "$GLOBE" status
check_eq "own cache 0644: made 0600" "$(stat -c %a "$DB")" 600
check_contains "own cache 0644: says so once" "$err" "now yours alone"
check_exit "own cache: opened again" 0 "$GLOBE" status
check_not_contains "own cache: said only once" "$err" "now yours alone"

# --- a hard link at the partial download's name -----------------------------
rel_gen B 50 >"$T/b.jsonl"
rel_publish "$T/b.jsonl"
snap=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]+"/index.json"))["snapshot"]["sha256"])' "$T/feed")
delta=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]+"/index.json"))["deltas"]; print(d[-1]["sha256"] if d else "")' "$T/feed")
printf 'the officer'"'"'s own file\n' >"$T/victim"
for sha in $snap $delta; do
	ln -f "$T/victim" "$DIR/download-$sha.part"
done
before=$(fsum "$T/victim")
check_exit "a hard link at download-<sha>.part: the sync works" 0 "$GLOBE" sync
check_eq "hard-linked partial: the other file is untouched" "$(fsum "$T/victim")" "$before"
check_eq "hard-linked partial: its mode untouched" "$(stat -c %a "$T/victim")" "$(umask_mode=$(umask); printf '%o' $((0666 & ~0$umask_mode)))"

# --- files that decide what globe trusts, and secrets --------------------
CONF="$XDG_CONFIG_HOME/globe/config"
cp "$CONF" "$T/config.good"
# A FIFO or a device would block the read for ever: refused at once.
mkfifo "$T/fifo"
check_exit "config is a FIFO: refused, not waited on" 2 timeout 20 "$GLOBE" --config "$T/fifo" status
check_contains "config FIFO: says why" "$err" "not a regular file (a FIFO)"
printf 'feed = %s\npubkey = %s\n' "$T/feed" "$T/fifo" >"$CONF"
check_exit "pubkey is a FIFO: refused, not waited on" 2 timeout 20 "$GLOBE" status
check_contains "pubkey FIFO: says why" "$err" "not a regular file (a FIFO)"
for ca in "$T/fifo" /dev/zero; do
	printf 'feed = https://127.0.0.1:9/\npubkey = %s\nca_file = %s\n' "$T/k.pub" "$ca" >"$CONF"
	check_exit "ca_file $ca: refused before any request" 2 timeout 20 "$GLOBE" sync
	check_contains "ca_file $ca: says why" "$err" "not a regular file"
done
cp "$T/config.good" "$CONF"
# Others may not write what decides which key and feed are trusted.
chmod 666 "$CONF"
check_exit "a world-writable config: refused" 2 "$GLOBE" status
check_contains "world-writable config: says why" "$err" "writable by others (mode 0666)"
chmod 600 "$CONF"
cp "$T/k.pub" "$T/k-open.pub"; chmod 666 "$T/k-open.pub"
printf 'feed = %s\npubkey = %s\n' "$T/feed" "$T/k-open.pub" >"$CONF"
check_exit "a world-writable .pub: refused" 2 "$GLOBE" status
check_contains "world-writable .pub: says why" "$err" "writable by others"
# A client key others can read is no secret (as for token_file).
touch "$T/client.crt" "$T/client.key"; chmod 644 "$T/client.key"
printf 'feed = https://127.0.0.1:9/\npubkey = %s\nclient_cert = %s\nclient_key = %s\n' \
    "$T/k.pub" "$T/client.crt" "$T/client.key" >"$CONF"
check_exit "a client_key of mode 0644: refused" 2 "$GLOBE" sync
check_contains "client_key 0644: says why" "$err" "readable by others (mode 0644)"
chmod 600 "$T/client.key"
check_exit "a client_key of mode 0600: passes the check (then no server)" 3 "$GLOBE" sync
cp "$T/config.good" "$CONF"

# --- the data directory ---------------------------------------------------
chmod 755 "$DIR"
check_exit "data directory 0755: the sync works" 0 "$GLOBE" sync
check_eq "data directory 0755: made 0700" "$(stat -c %a "$DIR")" 700
check_contains "data directory: says so" "$err" "yours alone (0700)"
chmod 755 "$S"
cp "$DB" "$S/mine.db"
check_exit "--db in a directory of its own: works" 0 "$GLOBE" --db "$S/mine.db" sync
check_eq "--db: its directory is left as it was" "$(stat -c %a "$S")" 755

done_testing
