#!/bin/sh
# tests/cli/config-check.sh: `globe config check` and `globe config path`
# as an officer uses them, and the config's documentation kept whole:
# every key the parser accepts (asked from the built globe) is in
# docs/config.example and in globe-config(5), and nothing else is, so a
# key added without its documentation fails here; the example, with every
# setting uncommented, is a valid config.
. "$srcdir/tests/lib.sh"

if [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe not built"
	done_testing
	exit 0
fi
EXAMPLE=${GLOBE_CONFIG_EXAMPLE:-$srcdir/docs/config.example}
MAN5="$srcdir/docs/globe-config.5"
CONF="$XDG_CONFIG_HOME/globe/config"

# --- config path -------------------------------------------------------------
check_exit "config path, no file" 0 "$GLOBE" config path
check_eq "config path: the XDG file" "$out" "$CONF"
check_contains "config path: says it does not exist" "$err" \
	"does not exist: globe uses its defaults"
mkdir -p "$XDG_CONFIG_HOME/globe"
printf '# mine\nmouse = no\n' >"$CONF"
check_exit "config path, a file" 0 "$GLOBE" config path
check_eq "config path: the file" "$out" "$CONF"
check_eq "config path: nothing else to say" "$err" ""
check_exit "config path with --config" 0 "$GLOBE" --config "$T/other" config path
check_eq "config path: --config wins" "$out" "$T/other"
XDG_CONFIG_HOME="$T/xdg2" check_exit "config path follows XDG_CONFIG_HOME" 0 \
	"$GLOBE" config path
check_eq "config path: \$XDG_CONFIG_HOME/globe/config" "$out" "$T/xdg2/globe/config"
check_exit "config path takes no file" 2 "$GLOBE" config path x

# --- config check: a good file, no file, a broken one ---------------------
check_exit "config check, a good file" 0 "$GLOBE" config check
check_eq "config check: ok" "$out" "ok"
check_eq "config check: nothing on stderr" "$err" ""
rm -f "$CONF"
check_exit "config check, no file" 0 "$GLOBE" config check
check_eq "config check, no file: ok" "$out" "ok"
check_contains "config check, no file: the defaults" "$err" "globe uses its defaults"

cat >"$CONF" <<'EOF'
# every error on its line
feed = https://feeds.example.org/globe/
colour = red
mouse = maybe

no equals sign here
bind = ^N down
bind = Q flyaway
timeout = 0
history = 500
EOF
check_exit "config check, a broken file" 2 "$GLOBE" config check
check_eq "config check: every error, FILE:LINE: message" "$err" \
"$CONF:3: unknown key 'colour'
$CONF:4: mouse must be yes or no, not 'maybe'
$CONF:6: expected 'key = value'
$CONF:8: unknown action 'flyaway' (see the help screen, ?, for the names)
$CONF:9: timeout must be a number from 1 to 86400, not '0'
$CONF:10: history must be a number from 0 to 100, not '500'"
check_eq "config check, broken: no ok" "$out" ""
# Every other command refuses it too, at its first error.
check_exit "status refuses the same file" 2 "$GLOBE" status
check_contains "status: the first error" "$err" "config:3: unknown key 'colour'"
# config check and config path still run on it: checking it is the point.
check_exit "config path on a broken file" 0 "$GLOBE" config path

# A named file, the --config file, a missing named file.
printf 'stale_days = 30\n' >"$T/good.conf"
check_exit "config check FILE" 0 "$GLOBE" config check "$T/good.conf"
check_eq "config check FILE: ok" "$out" "ok"
check_exit "config check with --config" 0 "$GLOBE" --config "$T/good.conf" config check
check_exit "config check, a named file that is not there" 2 \
	"$GLOBE" config check "$T/nothere.conf"
check_contains "config check: names it" "$err" "$T/nothere.conf: cannot read it"
check_exit "--config, a file that is not there" 2 \
	"$GLOBE" --config "$T/nothere.conf" config check

# What every command refuses, config check refuses: a file others can write.
chmod 666 "$T/good.conf"
check_exit "config check, a file others can write" 2 "$GLOBE" config check "$T/good.conf"
check_contains "config check: says why" "$err" "writable by others"
chmod 600 "$T/good.conf"

# A hostile key never reaches the terminal raw.
printf 'k\033]0;pwned\007ey = 1\n' >"$T/hostile.conf"
check_exit "config check, a key with ESC" 2 "$GLOBE" config check "$T/hostile.conf"
check_not_contains "config check: no raw ESC" "$err" "$(printf '\033')"
check_exit "config with an unknown subcommand" 2 "$GLOBE" config frob
check_contains "config frob: the choices" "$err" "it is check or path"

# --- the documentation holds every key, and only those ----------------------
# "missing: KEYS; not a key: WORDS" between the parser's keys and a list.
key_diff() {
	printf '%s\n' "$1" >"$T/keys.a"
	printf '%s\n' "$2" >"$T/keys.b"
	printf 'missing: %s; not a key: %s' \
	    "$(comm -23 "$T/keys.a" "$T/keys.b" | tr '\n' ' ')" \
	    "$(comm -13 "$T/keys.a" "$T/keys.b" | tr '\n' ' ')"
}
keys=$("$GLOBE" __complete config-keys | sort)
check_contains "the parser's keys are listed" "$keys" "pubkey"
# Settings in the example: "#key = value" lines.
ex_keys=$(sed -n 's/^#\([a-z_][a-z_]*\) = .*/\1/p' "$EXAMPLE" | sort -u)
check_eq "config.example: every key, and only the parser's" \
	"$(key_diff "$keys" "$ex_keys")" "missing: ; not a key: "
# Keys in globe-config(5): the first line of each entry under KEYS.
man_keys=$(sed -n '/^\.SH KEYS/,/^\.SH /p' "$MAN5" |
	sed -n 's/^\.B[IR]* "\([a-z_][a-z_]*\) = .*/\1/p' | sort -u)
check_eq "globe-config(5): every key, and only the parser's" \
	"$(key_diff "$keys" "$man_keys")" "missing: ; not a key: "
# The example is valid once every setting is uncommented.
sed 's/^#\([a-z_][a-z_]* = \)/\1/' "$EXAMPLE" >"$T/example.conf"
chmod 600 "$T/example.conf"
check_exit "config.example, every setting on, is valid" 0 \
	"$GLOBE" config check "$T/example.conf"
check_eq "config.example: ok" "$out" "ok"
# globe(1) points to globe-config(5), and the man page renders cleanly.
check_contains "globe(1) names globe-config(5)" \
	"$(cat "$srcdir/docs/globe.1")" "globe\\-config (5)"
if command -v man >/dev/null 2>&1; then
	LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$MAN5" \
	    >/dev/null 2>"$T/man.err"
	check_eq "globe-config(5): no warnings from man" "$(cat "$T/man.err")" ""
fi

done_testing
