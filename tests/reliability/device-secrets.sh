#!/bin/sh
# tests/reliability/device-secrets.sh: a device key and its passphrase
# (property 6 of member-only feeds). Under umask 022 the key file is
# 0600; its passphrase is asked for on the terminal only: never taken
# from argv (no option holds it) or the environment (a distinctive
# passphrase in the environment of an unattended sync is not used, and
# the sync says it needs one), never in a file globe writes, its output
# or its errors. tests/net/device-probe syncs an encrypted feed as
# `globe sync` does and shows that the passphrase is read into memory
# that is locked and kept out of core dumps (sodium_malloc; the lock is
# checked in a build without AddressSanitizer, whose mlock does nothing),
# and that afterwards no copy of the passphrase or of the device's secret
# key is left in the process's memory.
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ] || ! command -v python3 >/dev/null; then
	echo "# SKIP globe, globe-publish or python3 not there"; done_testing; exit 0
fi
umask 022
PASS="Passphrase-XyzzyQuux-271828-long-enough-to-outlive-a-free"
"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
mkdir -p "$XDG_CONFIG_HOME/globe"
printf 'feed = %s\npubkey = %s\n' "$T/feed" "$T/k.pub" >"$XDG_CONFIG_HOME/globe/config"
KEY="$XDG_DATA_HOME/globe/device.key"

python3 "$srcdir/tests/pty-answer.py" "new device key:" "$PASS" "again:" "$PASS" -- \
    "$GLOBE" device init --passphrase >"$T/init.out" 2>&1
check_eq "device init --passphrase" "$?" 0
check_eq "the key file is 0600 under umask 022" "$(stat -c %a "$KEY")" 600
check_eq "its directory is 0700" "$(stat -c %a "$(dirname "$KEY")")" 700
printf '%s mine\n' "$("$GLOBE" device show)" >"$T/r"
"$PUBLISH" --source "$srcdir/data/demo.jsonl" --out "$T/feed" --sign "$T/k.key" \
    --recipients "$T/r" --quiet

# --- never from argv or the environment --------------------------------------
check_exit "there is no option that takes the passphrase" 2 "$GLOBE" sync --passphrase "$PASS"
check_not_contains "the unknown option's value is not echoed" "$err" "$PASS"
for v in GLOBE_PASSPHRASE PASSPHRASE GLOBE_DEVICE_PASSPHRASE; do
	export "$v=$PASS"
done
check_exit "a passphrase in the environment is not used" 2 "$GLOBE" sync
check_contains "without a terminal the sync says how to give it" "$err" "--passphrase-file"
unset GLOBE_PASSPHRASE PASSPHRASE GLOBE_DEVICE_PASSPHRASE
python3 "$srcdir/tests/pty-answer.py" "device's key:" "$PASS" -- \
    "$GLOBE" sync >"$T/sync.out" 2>&1 &
pid=$!
: >"$T/proc"
while kill -0 "$pid" 2>/dev/null; do
	for p in $(pgrep -f "^$GLOBE sync" 2>/dev/null); do
		cat "/proc/$p/cmdline" "/proc/$p/environ" >>"$T/proc" 2>/dev/null
	done
	sleep 0.05
done
wait "$pid"
check_eq "a sync with the passphrase typed at the terminal" "$?" 0
check_contains "it synced" "$(cat "$T/sync.out")" "synced serial 1"
check_eq "the passphrase is not in its argv or environment" \
    "$(grep -c "$PASS" "$T/proc")" 0
check_eq "nor in its output" "$(grep -c "$PASS" "$T/sync.out")" 0
found=$(grep -rlaF "$PASS" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" 2>/dev/null)
check_eq "nor in any file globe wrote (cache, key)" "$found" ""

# --- in memory ------------------------------------------------------------------
PROBE="$builddir/tests/net/device-probe"
if [ -x "$PROBE" ]; then
	masked=$(printf '%s' "$PASS" | python3 -c 'import sys; print(bytes(b ^ 0x5a for b in sys.stdin.buffer.read()).hex())')
	mkdir -p "$T/probe" && chmod 700 "$T/probe"
	"$PROBE" "$T/feed" "$T/k.pub" "$KEY" "$T/probe/globe.db" "$masked" \
	    >"$T/probe.out" 2>"$T/probe.err"
	check_eq "the probe's sync worked" "$?" 0
	sed 's/^/#   /' "$T/probe.out" "$T/probe.err" | head -n 5
	flags=$(sed -n 's/^flags://p' "$T/probe.out")
	check_contains "the passphrase is read into memory kept out of core dumps" \
	    " $flags " " dd "
	if grep -q '^sanitizer: none' "$T/probe.out"; then
		check_contains "and locked (never swapped out)" " $flags " " lo "
	else
		# AddressSanitizer's mlock does nothing.
		echo "# (an ASan build: mlock is a no-op here; a plain build checks \"lo\")"
	fi
	check_contains "after the sync no copy of the passphrase is in memory" \
	    "$(cat "$T/probe.out")" "passphrase copies: 0"
	check_contains "nor of the device's secret key" "$(cat "$T/probe.out")" \
	    "key copies: 0"
else
	fail "tests/net/device-probe is built"
fi

done_testing
