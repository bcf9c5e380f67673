#!/bin/sh
# tests/reliability/crash.sh: `kill -9` at random moments of a sync. The
# cache is at serial 1; a sync to serial 2 (every contact changed) is
# started and killed after a random delay within its measured duration,
# GLOBE_KILL_ITERATIONS times (default 12; tests/soak runs 200). After
# each kill: PRAGMA integrity_check is ok, the cache holds exactly the old
# or exactly the new serial's data (status --checksum equals one of the
# two known checksums), and a sync afterwards reaches serial 2.
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

old=0 new=0 bad=0 badint=0 badnext=0 i=0
while [ "$i" -lt "$iterations" ]; do
	i=$((i + 1))
	rm -rf "$DIR" && cp -Rp "$T/saved" "$DIR"
	# a delay in [0, 1.1 * duration): some kills land after the commit
	delay=$(awk -v s="$seed" -v i="$i" -v ms="$ms" 'BEGIN {
		srand(s + i); printf "%.3f", rand() * ms * 1.1 / 1000 }')
	"$GLOBE" sync --quiet >/dev/null 2>"$T/kill.err" &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
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
	if ! "$GLOBE" sync --quiet >/dev/null 2>"$T/next.err" ||
	    [ "$(checksum)" != "$C2" ]; then
		badnext=$((badnext + 1))
		echo "# iteration $i: the next sync: $(cat "$T/next.err")"
	fi
done
echo "# $old kills left serial 1, $new left serial 2"
check_eq "integrity_check ok after every kill" "$badint" 0
check_eq "exactly the old or the new serial after every kill" "$bad" 0
check_eq "the next sync reaches serial 2 after every kill" "$badnext" 0
check_eq "no download-*.part left" "$(ls "$DIR" | grep -c '^download-')" 0

done_testing
