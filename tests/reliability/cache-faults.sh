#!/bin/sh
# tests/reliability/cache-faults.sh: a sync that cannot finish must change
# nothing and say why; the cache must survive what happens to its file.
#   - disk full (RLIMIT_FSIZE, and a small tmpfs when mount works): while
#     downloading and while applying: exit 5, a clear message, old data
#     intact, the next sync with room succeeds
#   - read-only data directory (a read-only tmpfs; chmod when not root)
#   - a database locked by another writer (python3 holding BEGIN
#     IMMEDIATE): a short lock is waited for, a long one is a clear error;
#     a reader while a first sync holds the file (rollback mode) is told so
#   - two syncs at once: both succeed or one says the cache is locked
#   - a corrupt cache file (truncated, random bytes, a damaged page):
#     exit 5 naming how to rebuild, never a crash; the rebuild works
# After every case: PRAGMA integrity_check ok (where the file is not
# deliberately broken) and status --checksum as before.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/reliability/lib-rel.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"; done_testing; exit 0
fi
if ! python3 -c 'import sqlite3, resource' 2>/dev/null; then
	echo "# SKIP python3 with sqlite3 not found"; done_testing; exit 0
fi

rel_setup
rel_gen A 200 >"$T/a.jsonl"
rel_gen B 8000 >"$T/b.jsonl"
DIR="$XDG_DATA_HOME/globe"
DB="$DIR/globe.db"

# crashed STATUS: 1 if the status is a signal or a sanitizer's exit.
not_crashed() {
	what=$1
	if [ "$status" -lt 128 ] && ! grep -q 'Sanitizer\|runtime error' "$T/err"
	then pass "$what: no crash"; else
		fail "$what: no crash (exit $status)"; head -n 5 "$T/err" | sed 's/^/#   /'
	fi
}

# unchanged WHAT: integrity ok and the checksum of serial 1.
unchanged() {
	check_eq "$1: integrity_check" "$(integrity "$DB")" ok
	check_eq "$1: old data intact" "$(checksum)" "$C1"
}

# fsize BYTES CMD...: runs CMD with RLIMIT_FSIZE (SIGXFSZ ignored, so a
# write past the limit fails with EFBIG as on a full disk).
fsize() {
	lim=$1; shift
	python3 -c 'import os, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
n = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (n, n))
os.execv(sys.argv[2], sys.argv[2:])' "$lim" "$@"
}

rel_publish "$T/a.jsonl"
check_exit "sync serial 1" 0 "$GLOBE" sync
C1=$(checksum)
cp -Rp "$DIR" "$T/serial1"
rel_publish "$T/b.jsonl"
# serial 2's checksum, from a copy
cp -Rp "$DIR" "$T/probe"
"$GLOBE" --db "$T/probe/globe.db" sync --quiet >/dev/null 2>&1
C2=$(checksum "$T/probe/globe.db")
size2=$(stat -c %s "$T/probe/globe.db")
obj=$(ls -S "$T/feed/objects" | head -n 1)
objsize=$(stat -c %s "$T/feed/objects/$obj")
echo "# serial 2: object $objsize bytes, database $size2 bytes"

# --- disk full: RLIMIT_FSIZE -------------------------------------------
check_exit "file size limit below the download" 5 \
    fsize $((objsize / 2)) "$GLOBE" sync
not_crashed "file size limit below the download"
check_contains "file size limit below the download: message" "$err" "download-"
check_not_contains "file size limit below the download: said once" "$err" \
    "sync failed: sync failed"
unchanged "file size limit below the download"
check_eq "file size limit below the download: no partial download kept" \
    "$(ls "$DIR" | grep -c '^download-')" 0

check_exit "file size limit while applying" 5 \
    fsize $((objsize + 65536)) "$GLOBE" sync
not_crashed "file size limit while applying"
check_contains "file size limit while applying: names the cache" "$err" \
    "cannot write the cache"
unchanged "file size limit while applying"
check_exit "the next sync with room" 0 "$GLOBE" sync
check_eq "the next sync with room: serial 2" "$(checksum)" "$C2"
rm -rf "$DIR" && cp -Rp "$T/serial1" "$DIR"

# --- disk full: a real full file system (tmpfs) ------------------------
MNT="$T/mnt"
mkdir -p "$MNT"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=$((objsize + 1024 * 1024)) \
    tmpfs "$MNT" 2>/dev/null; then
	trap 'umount "$MNT" 2>/dev/null' EXIT
	cp -Rp "$T/serial1" "$MNT/globe"
	MDB="$MNT/globe/globe.db"
	check_exit "tmpfs full while applying" 5 "$GLOBE" --db "$MDB" sync
	not_crashed "tmpfs full while applying"
	check_contains "tmpfs full while applying: says full" "$err" "full"
	check_eq "tmpfs full while applying: integrity_check" \
	    "$(integrity "$MDB")" ok
	check_eq "tmpfs full while applying: old data intact" \
	    "$(checksum "$MDB")" "$C1"
	free=$(df -k --output=avail "$MNT" | tail -n 1)
	dd if=/dev/zero of="$MNT/fill" bs=1k count=$((free - 100)) 2>/dev/null
	check_exit "tmpfs full while downloading" 5 "$GLOBE" --db "$MDB" sync
	not_crashed "tmpfs full while downloading"
	check_contains "tmpfs full while downloading: says no space" "$err" \
	    "No space left"
	check_eq "tmpfs full while downloading: old data intact" \
	    "$(checksum "$MDB")" "$C1"
	rm -f "$MNT/fill"
	mount -o remount,size=$((size2 * 4 + objsize * 2)) "$MNT"
	check_exit "tmpfs with room again: sync" 0 "$GLOBE" --db "$MDB" sync
	check_eq "tmpfs with room again: serial 2" "$(checksum "$MDB")" "$C2"
	check_eq "tmpfs with room again: integrity_check" "$(integrity "$MDB")" ok

	# --- read-only data directory (a read-only mount) ---------------
	rm -rf "$MNT/globe" && cp -Rp "$T/serial1" "$MNT/globe"
	mount -o remount,ro "$MNT"
	check_exit "read-only file system: sync" 5 "$GLOBE" --db "$MDB" sync
	not_crashed "read-only file system: sync"
	check_contains "read-only file system: says read-only" "$err" "read-only"
	"$GLOBE" --db "$MDB" countries >"$T/out" 2>"$T/err"; status=$?
	if [ "$status" -eq 0 ] || { [ "$status" -eq 5 ] && grep -q '^globe: ' "$T/err"; }; then
		pass "read-only file system: reading works or says why"
	else fail "read-only file system: reading works or says why (exit $status)"
		head -n 3 "$T/err" | sed 's/^/#   /'
	fi
	mount -o remount,rw "$MNT"
	check_eq "read-only file system: old data intact" "$(checksum "$MDB")" "$C1"
	umount "$MNT"
	trap - EXIT
else
	echo "# tmpfs cases skipped: cannot mount here (not root?)"
	if [ "$(id -u)" -ne 0 ]; then
		# --- read-only data directory (permissions) -------------
		chmod 500 "$DIR"; chmod 400 "$DB"
		check_exit "read-only data directory: sync" 5 "$GLOBE" sync
		not_crashed "read-only data directory: sync"
		chmod 700 "$DIR"; chmod 600 "$DB"
		unchanged "read-only data directory"
	fi
fi

# --- locked by another writer ------------------------------------------
# hold LOCKSECONDS: a python3 sqlite3 writer holds BEGIN IMMEDIATE.
hold() {
	rm -f "$T/locked"
	python3 - "$DB" "$1" "$T/locked" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[3], "w").close()
time.sleep(float(sys.argv[2]))
db.execute("ROLLBACK")
PY
	holder=$!
	i=0; while [ ! -f "$T/locked" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}
hold 30
t0=$(date +%s)
check_exit "locked by another writer (30 s)" 5 "$GLOBE" sync
t1=$(date +%s)
not_crashed "locked by another writer"
check_contains "locked by another writer: says locked" "$err" "locked"
if [ $((t1 - t0)) -lt 25 ]; then pass "locked: gives up after the busy timeout ($((t1 - t0)) s)"
else fail "locked: gives up after the busy timeout ($((t1 - t0)) s)"; fi
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
unchanged "locked by another writer"
check_exit "reading while another writer holds the lock" 0 sh -c '
	"$1" countries' sh "$GLOBE"
hold 1
check_exit "a short lock is waited for" 0 "$GLOBE" sync
wait "$holder" 2>/dev/null
check_eq "a short lock is waited for: serial 2" "$(checksum)" "$C2"

# A first sync into an empty cache holds the file in rollback-journal
# mode (cache/apply.c), so readers cannot read until it ends. The same
# state: python3 holds BEGIN EXCLUSIVE on the cache in that mode.
rm -f "$T/locked"
python3 - "$DB" "$T/locked" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
db.execute("PRAGMA journal_mode = DELETE")
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(8)
db.execute("ROLLBACK")
PY
holder=$!
i=0; while [ ! -f "$T/locked" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
check_exit "reading while a first sync holds the cache" 5 "$GLOBE" countries
check_contains "it says a sync holds it" "$err" "locked by a sync"
wait "$holder" 2>/dev/null
check_exit "reading once it is done" 0 "$GLOBE" countries
check_eq "and the cache is in WAL mode again" "$(python3 -c '
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode").fetchone()[0])
' "$DB")" wal

# --- two syncs at once (three rounds) -------------------------------------
ok2=1 okint=1 oksum=1 round=0
while [ $round -lt 3 ]; do
	round=$((round + 1))
	rm -rf "$DIR" && cp -Rp "$T/serial1" "$DIR"
	"$GLOBE" sync --quiet >"$T/s1.out" 2>"$T/s1.err" & p1=$!
	"$GLOBE" sync --quiet >"$T/s2.out" 2>"$T/s2.err" & p2=$!
	wait "$p1"; r1=$?
	wait "$p2"; r2=$?
	echo "# two syncs, round $round: exit $r1 and $r2"
	for r in "$r1:$T/s1.err" "$r2:$T/s2.err"; do
		rc=${r%%:*}; e=${r#*:}
		if [ "$rc" -ne 0 ] && { [ "$rc" -ne 5 ] || ! grep -q locked "$e"; }; then
			ok2=0; sed 's/^/#   /' "$e" | head -n 3
		fi
	done
	[ "$(integrity "$DB")" = ok ] || okint=0
	[ "$(checksum)" = "$C2" ] || oksum=0
done
check_eq "two syncs at once: each succeeds or says locked" "$ok2" 1
check_eq "two syncs at once: integrity_check" "$okint" 1
check_eq "two syncs at once: serial 2 in the end" "$oksum" 1

# --- a corrupt cache file -----------------------------------------------
# corrupt HOW: a broken copy of serial 1 in $DIR
corrupt() {
	rm -rf "$DIR" && cp -Rp "$T/serial1" "$DIR"
	rm -f "$DB-wal" "$DB-shm"
	python3 - "$DB" "$1" <<'PY'
import os, random, sys
path, how = sys.argv[1], sys.argv[2]
size = os.path.getsize(path)
random.seed(42)
with open(path, "r+b") as f:
    if how == "truncated":
        f.truncate(size // 3)
    elif how == "random":
        f.write(bytes(random.getrandbits(8) for _ in range(size)))
    elif how == "header":
        f.write(b"this is not a database at all!!!")
    elif how == "pages":
        for off in range(4096, size, 8192):
            f.seek(off + 100)
            f.write(bytes(random.getrandbits(8) for _ in range(512)))
PY
}
for how in truncated random header pages; do
	corrupt "$how"
	for cmd in "status" "countries" "search jose" "sync"; do
		# shellcheck disable=SC2086
		"$GLOBE" $cmd >"$T/out" 2>"$T/err"; status=$?
		not_crashed "$how file: $cmd"
		if [ "$status" -eq 5 ]; then
			check_contains "$how file: $cmd: says corrupt" "$(cat "$T/err")" "corrupt"
			check_contains "$how file: $cmd: says how to rebuild" \
			    "$(cat "$T/err")" "globe sync"
			check_eq "$how file: $cmd: says it once" \
			    "$(grep -o 'the cache file is corrupt' "$T/err" | wc -l)" 1
		elif [ "$status" -eq 0 ] && [ "$how" = pages ]; then
			# damage SQLite did not need to read: fine, if it says nothing
			pass "$how file: $cmd: unread damage (exit 0)"
		else
			fail "$how file: $cmd: exit 5 (got $status)"
			head -n 3 "$T/err" | sed 's/^/#   /'
		fi
	done
	mv "$DB" "$T/corrupt-$how.db"; rm -f "$DB-wal" "$DB-shm"
	check_exit "$how file: moved away, globe sync rebuilds it" 0 "$GLOBE" sync
	check_eq "$how file: rebuilt cache is serial 2" "$(checksum)" "$C2"
done

done_testing
