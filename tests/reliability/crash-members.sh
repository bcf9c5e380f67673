#!/bin/sh
# tests/reliability/crash-members.sh: `kill -9` at random moments of a
# sync of a feed encrypted to its members, as crash.sh does for a plain
# one. The device (its key protected by a passphrase, given in a 0600
# file) is at serial 1; a sync to serial 2 (every contact changed) is
# killed after a random delay within its measured duration,
# GLOBE_KILL_ITERATIONS times (default 8). After each kill the cache
# passes integrity_check and holds exactly the old or the new serial,
# and the next sync reaches serial 2. GLOBE_KILL_SEED fixes the delays.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/reliability/lib-rel.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"; done_testing; exit 0
fi
if ! python3 -c 'import sqlite3' 2>/dev/null; then
	echo "# SKIP python3 with sqlite3 not found"; done_testing; exit 0
fi
iterations=${GLOBE_KILL_ITERATIONS:-8}
seed=${GLOBE_KILL_SEED:-$(date +%s)}
echo "# seed $seed, $iterations iterations"

rel_setup
# A protected key: the passphrase file is how an unattended sync gets it.
cat >"$T/mkkey.py" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], "device", "init", "--passphrase"])
out = b""
for _ in range(2):
    while not out.rstrip().endswith(b":"):
        out += os.read(fd, 1024)
    os.write(fd, b"kill nine times\n")
    out = b""
while True:
    try:
        if not os.read(fd, 1024):
            break
    except OSError:
        break
sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
PY
python3 "$T/mkkey.py" "$GLOBE" >/dev/null 2>&1
check_eq "a device key protected by a passphrase" \
    "$(grep -c '^argon2id:' "$XDG_DATA_HOME/globe/device.key")" 1
printf 'kill nine times\n' >"$T/pass"
chmod 600 "$T/pass"
echo "passphrase_file = $T/pass" >>"$XDG_CONFIG_HOME/globe/config"
printf '%s this laptop\n' "$("$GLOBE" device show)" >"$T/recipients"
publish() {
	"$PUBLISH" --source "$1" --out "$T/feed" --sign "$T/k.key" \
	    --recipients "$T/recipients" --feed-id crash-members --quiet
}
rel_gen A 4000 >"$T/a.jsonl"
rel_gen B 4000 >"$T/b.jsonl"
DB="$XDG_DATA_HOME/globe/globe.db"
DIR="$XDG_DATA_HOME/globe"

publish "$T/a.jsonl"
check_exit "sync encrypted serial 1" 0 "$GLOBE" sync
C1=$(checksum)
rm -rf "$T/saved" && cp -Rp "$DIR" "$T/saved"
publish "$T/b.jsonl"
t0=$(date +%s%N)
check_exit "sync encrypted serial 2 (no kill)" 0 "$GLOBE" sync
t1=$(date +%s%N)
C2=$(checksum)
ms=$(( (t1 - t0) / 1000000 ))
echo "# a sync takes ${ms} ms"
if [ "$C1" != "$C2" ] && [ -n "$C2" ]; then pass "the two serials differ"
else fail "the two serials differ"; fi

old=0 new=0 bad=0 badint=0 badnext=0 i=0
while [ "$i" -lt "$iterations" ]; do
	i=$((i + 1))
	rm -rf "$DIR" && cp -Rp "$T/saved" "$DIR"
	delay=$(awk -v s="$seed" -v i="$i" -v ms="$ms" 'BEGIN {
		srand(s + i); printf "%.3f", rand() * ms * 1.1 / 1000 }')
	"$GLOBE" sync --quiet >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	ic=$(integrity "$DB")
	sum=$(checksum)
	[ "$ic" != ok ] && { badint=$((badint + 1)); echo "# kill $i ($delay s): $ic"; }
	if [ "$sum" = "$C1" ]; then old=$((old + 1))
	elif [ "$sum" = "$C2" ]; then new=$((new + 1))
	else bad=$((bad + 1)); echo "# kill $i ($delay s): checksum $sum"; fi
	if ! "$GLOBE" sync --quiet >/dev/null 2>"$T/next.err" ||
	    [ "$(checksum)" != "$C2" ]; then
		badnext=$((badnext + 1))
		echo "# kill $i: the next sync: $(cat "$T/next.err")"
	fi
done
echo "# $old kills left serial 1, $new left serial 2"
check_eq "integrity_check ok after every kill" "$badint" 0
check_eq "exactly the old or the new serial after every kill" "$bad" 0
check_eq "the next sync reaches serial 2 after every kill" "$badnext" 0
check_eq "no download-*.part left" "$(ls "$DIR" | grep -c '^download-')" 0
check_eq "nothing decrypted was left on disk" \
    "$(grep -rlaF 'Person 17 Example B' "$DIR" | grep -v 'globe.db' | wc -l | tr -d ' ')" 0

done_testing
