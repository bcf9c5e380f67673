#!/bin/sh
# tests/cli/units.sh: the systemd user units. systemd-analyze verify
# passes on the service (naming the globe built here, as make writes it
# for the installed one) and the timer, with their man pages found; the
# timer runs a few times a day with a random delay and catches up on a
# missed run; the service runs `globe sync --quiet` once, sandboxed but
# able to write the data directory and reach the network. Skipped where
# systemd-analyze is not installed.
. "$srcdir/tests/lib.sh"

if ! command -v systemd-analyze >/dev/null 2>&1; then
	echo "# SKIP systemd-analyze not installed"
	done_testing
	exit 0
fi
if [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe not built"
	done_testing
	exit 0
fi

U="$T/units"
mkdir -p "$U" "$T/run" "$T/man/man1" "$T/man/man5"
chmod 700 "$T/run"
# As make writes it, with the globe built here for @bindir@/globe.
sed -e "s|@bindir[@]/globe|$GLOBE|g" \
    "$srcdir/systemd/globe-sync.service.in" >"$U/globe-sync.service"
cp "$srcdir/systemd/globe-sync.timer" "$U/"
# make's own rule substitutes every @bindir@.
if [ -f "$builddir/systemd/globe-sync.service" ]; then
	check_not_contains "make wrote the service with bindir" \
	    "$(cat "$builddir/systemd/globe-sync.service")" "@bindir@"
fi
# Documentation= must name pages man can find.
cp "$srcdir/docs/globe.1" "$T/man/man1/"
cp "$srcdir/docs/globe-config.5" "$T/man/man5/"

(cd "$U" && XDG_RUNTIME_DIR="$T/run" MANPATH="$T/man" \
    systemd-analyze --user verify globe-sync.service globe-sync.timer) \
    >"$T/verify.out" 2>&1
rc=$?
if grep -q "Failed to initialize manager" "$T/verify.out"; then
	echo "# SKIP systemd-analyze cannot start a user manager here: $(head -n 1 "$T/verify.out")"
	done_testing
	exit 0
fi
check_eq "systemd-analyze --user verify: status" "$rc" 0
check_eq "systemd-analyze --user verify: no complaint" "$(cat "$T/verify.out")" ""

unit=$(cat "$U/globe-sync.service")
timer=$(cat "$U/globe-sync.timer")
check_contains "service: one sync, quiet" "$unit" "Type=oneshot"
check_line "service: runs globe sync --quiet" "$unit" '^ExecStart=/.*/globe sync --quiet$'
bin=$(sed -n 's/^ExecStart=\([^ ]*\) .*/\1/p' "$U/globe-sync.service")
check_eq "service: ExecStart names globe" "$bin" "$GLOBE"
check_line "service: the system read-only" "$unit" '^ProtectSystem=strict$'
check_line "service: the data directory writable" "$unit" \
	'^ReadWritePaths=%h/.local/share/globe$'
check_line "service: the network allowed" "$unit" \
	'^RestrictAddressFamilies=.*AF_INET .*AF_INET6'
check_line "service: no new privileges" "$unit" '^NoNewPrivileges=yes$'
check_line "timer: four times a day" "$timer" '^OnCalendar=\*-\*-\* 00/6:00:00$'
check_line "timer: a random delay" "$timer" '^RandomizedDelaySec='
check_line "timer: catches up on a missed run" "$timer" '^Persistent=true$'
check_line "timer: enabled under timers.target" "$timer" '^WantedBy=timers.target$'

# When it would run next: systemd-analyze reads the same calendar.
next=$(systemd-analyze calendar --iterations=4 '*-*-* 00/6:00:00' 2>&1 |
	sed -n 's/.*Next elapse: *[A-Za-z]* *[0-9-]* \([0-9:]*\).*/\1/p;s/.*Iter. #[0-9]*: *[A-Za-z]* *[0-9-]* \([0-9:]*\).*/\1/p' |
	sort | tr '\n' ' ')
check_eq "timer: at 00:00, 06:00, 12:00 and 18:00" "$next" \
	"00:00:00 06:00:00 12:00:00 18:00:00 "

# How exposed the sandbox leaves the service (0 best, 10 worst; the
# threshold counts tenths); the offline analysis needs systemd 252.
if systemd-analyze --help 2>&1 | grep -q -- '--offline'; then
	(cd "$U" && XDG_RUNTIME_DIR="$T/run" systemd-analyze --user security \
	    --offline=true --threshold=30 globe-sync.service) >"$T/sec.out" 2>&1
	rc=$?
	level=$(sed -n 's/.*Overall exposure level for globe-sync.service: \([0-9.]*\).*/\1/p' "$T/sec.out")
	check_eq "service: exposure at most 3 (it is $level)" "$rc" 0
fi

done_testing
