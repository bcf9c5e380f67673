#!/bin/sh
# tests/reliability/crash.sh: `kill -9` at random moments of a sync. The
# cache is at serial 1; a sync to serial 2 (every contact changed) is
# started and killed after a random delay within its measured duration,
# GLOBE_KILL_ITERATIONS times (default 12; tests/soak runs 200). After
# each kill: PRAGMA integrity_check is ok, the cache holds exactly the old
# or exactly the new serial's data (status --checksum equals one of the
# two known checksums), and a sync afterwards reaches serial 2. Then the
# same for kills of a first sync into an empty cache.
# GLOBE_KILL_SEED fixes the random delays (the seed is printed).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/reliability/lib-rel.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"; done_testing; exit 0
fi
if ! python3 -c 'import sqlite3' 2>/dev/null; then
	echo "# SKIP python3 with sqlite3 not found"; done_testing; exit 0
fi
iterations=${GLOBE_KILL_ITERATIONS:-12}
seed=${GLOBE_KILL_SEED:-$(date +%s)}
echo "# seed $seed, $iterations iterations"

rel_setup
rel_gen A 4000 >"$T/a.jsonl"
rel_gen B 4000 >"$T/b.jsonl"
DB="$XDG_DATA_HOME/globe/globe.db"
DIR="$XDG_DATA_HOME/globe"

rel_publish "$T/a.jsonl"
check_exit "sync serial 1" 0 "$GLOBE" sync
C1=$(checksum)
rm -rf "$T/saved" && cp -Rp "$DIR" "$T/saved"

# The new serial, once without a kill: its checksum and its duration.
rel_publish "$T/b.jsonl"
t0=$(date +%s%N)
check_exit "sync serial 2 (no kill)" 0 "$GLOBE" sync
t1=$(date +%s%N)
C2=$(checksum)
ms=$(( (t1 - t0) / 1000000 ))
echo "# a sync takes ${ms} ms"
if [ "$C1" != "$C2" ] && [ -n "$C2" ]; then pass "the two serials differ"
else fail "the two serials differ"; fi
check_eq "integrity after a normal sync" "$(integrity "$DB")" ok

# kill_sync N: starts a sync and kills it after $delay, the Nth random
# delay in [0, 1.1 * $ms) of the seed: some kills land after the commit.
kill_sync() {
	delay=$(awk -v s="$seed" -v i="$1" -v ms="$ms" 'BEGIN {
		srand(s + i); printf "%.3f", rand() * ms * 1.1 / 1000 }')
	"$GLOBE" sync --quiet >/dev/null 2>"$T/kill.err" &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}
# next_sync: a sync after a kill reaches serial 2 (its errors in next.err).
next_sync() {
	"$GLOBE" sync --quiet >/dev/null 2>"$T/next.err" &&
	    [ "$(checksum)" = "$C2" ]
}

old=0 new=0 bad=0 badint=0 badnext=0 i=0
while [ "$i" -lt "$iterations" ]; do
	i=$((i + 1))
	rm -rf "$DIR" && cp -Rp "$T/saved" "$DIR"
	kill_sync "$i"
	ic=$(integrity "$DB")
	sum=$(checksum)
	if [ "$ic" != ok ]; then
		badint=$((badint + 1))
		echo "# iteration $i (delay $delay s): integrity: $ic"
	fi
	if [ "$sum" = "$C1" ]; then old=$((old + 1))
	elif [ "$sum" = "$C2" ]; then new=$((new + 1))
	else
		bad=$((bad + 1))
		echo "# iteration $i (delay $delay s): checksum $sum"
		cp -Rp "$DIR" "$T/bad-$i"
	fi
	# and the next sync finishes the job
	if ! next_sync; then
		badnext=$((badnext + 1))
		echo "# iteration $i: the next sync: $(cat "$T/next.err")"
	fi
done
echo "# $old kills left serial 1, $new left serial 2"
check_eq "integrity_check ok after every kill" "$badint" 0
check_eq "exactly the old or the new serial after every kill" "$bad" 0
check_eq "the next sync reaches serial 2 after every kill" "$badnext" 0
check_eq "no download-*.part left" "$(ls "$DIR" | grep -c '^download-')" 0

# The first sync into an empty cache is written with a rollback journal
# instead of WAL (cache/apply.c). Kills during it leave either a cache
# with no data or the whole serial, and WAL mode is back at the next open.
journal_mode() {
	python3 - "$1" <<'PY' 2>&1
import sqlite3, sys
print(sqlite3.connect(sys.argv[1], timeout=30).execute(
    "PRAGMA journal_mode").fetchone()[0])
PY
}
is_empty() {
	"$GLOBE" status --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
sys.exit(0 if d["serial"] is None and d["counts"]["contacts"] == 0 else 1)'
}
rm -rf "$DIR"
t0=$(date +%s%N)
check_exit "a first sync into an empty cache (no kill)" 0 "$GLOBE" sync
t1=$(date +%s%N)
check_eq "it stores serial 2" "$(checksum)" "$C2"
check_eq "and leaves the cache in WAL mode" "$(journal_mode "$DB")" wal
ms=$(( (t1 - t0) / 1000000 ))
echo "# a first sync takes ${ms} ms"
empty=0 whole=0 bad=0 badint=0 badmode=0 badnext=0 i=0
first=$(( (iterations + 1) / 2 ))
while [ "$i" -lt "$first" ]; do
	i=$((i + 1))
	rm -rf "$DIR"
	kill_sync $((1000 + i))
	if [ -f "$DB" ]; then
		ic=$(integrity "$DB")
		if [ "$ic" != ok ]; then
			badint=$((badint + 1))
			echo "# first sync, kill $i (delay $delay s): integrity: $ic"
		fi
	fi
	if is_empty; then empty=$((empty + 1))
	elif [ "$(checksum)" = "$C2" ]; then whole=$((whole + 1))
	else
		bad=$((bad + 1))
		echo "# first sync, kill $i (delay $delay s): $(checksum)"
	fi
	if [ -f "$DB" ] && [ "$(journal_mode "$DB")" != wal ]; then
		badmode=$((badmode + 1))
		echo "# first sync, kill $i: journal mode $(journal_mode "$DB")"
	fi
	if ! next_sync; then
		badnext=$((badnext + 1))
		echo "# first sync, kill $i: the next sync: $(cat "$T/next.err")"
	fi
done
echo "# first sync: $empty kills left no data, $whole the whole serial"
check_eq "integrity_check ok after every kill of a first sync" "$badint" 0
check_eq "no data or the whole serial after every kill of a first sync" \
	"$bad" 0
check_eq "WAL mode again after every kill of a first sync" "$badmode" 0
check_eq "the next sync reaches serial 2 after a killed first sync" \
	"$badnext" 0

done_testing
