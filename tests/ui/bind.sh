#!/bin/sh
# tests/ui/bind.sh: bind lines as the full-screen interface sees them. A
# bad key or action stops it before the screen is taken, naming the config
# line, as every other command does (exit 2). The help screen (?) shows
# the bind syntax the config parser reads, "bind = KEY ACTION"; the
# example lines it shows, pasted into a config, are accepted, and once
# bound they are what help lists.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
CONF="$XDG_CONFIG_HOME/globe/config"
cp "$CONF" "$T/config.good"
check_exit "sync" 0 "$GLOBE" sync --quiet

# --- a bad bind line stops the interface, with its line number ----------
{ cat "$T/config.good"; echo "# my keys"; echo "bind = Hyper-Q quit"; } \
    >"$CONF"
ui_start 80x24
ui_expect_text "an unknown key in a bind line: the interface exits 2" \
    "[globe exited 2]"
good=$(wc -l <"$T/config.good" | tr -d ' ')
ui_expect_text "  naming the config line and the key" \
    "config:$((good + 2)): unknown key 'Hyper-Q'"
{ cat "$T/config.good"; echo "bind = x explode"; } >"$CONF"
ui_start 80x24
ui_expect_text "an unknown action in a bind line: the interface exits 2" \
    "[globe exited 2]"
ui_expect_text "  naming the config line and the action" \
    "config:$((good + 1)): unknown action 'explode'"

# --- the help screen shows the parser's syntax --------------------------
cp "$T/config.good" "$CONF"
ui_start 100x60
ui_wait_for "Brazil" || fail "the interface starts"
ui_keys '?' End
ui_expect_text "? shows the bind syntax of the config file" \
    "bind = KEY ACTION"
ui_keys End
ui_settle
ui_capture >"$T/help.txt"
check_not_contains "  not the old 'bind KEY ACTION'" "$(cat "$T/help.txt")" \
    "bind KEY ACTION"
grep '^ *bind = ' "$T/help.txt" | grep -v 'bind = KEY ACTION' |
    sed 's/^ *//' >"$T/examples"
nex=$(wc -l <"$T/examples" | tr -d ' ')
check_eq "help shows example bind lines" "$([ "$nex" -ge 1 ] && echo yes)" yes
sed 's/^/# help shows: /' "$T/examples"
# Each example, exactly as shown, pasted into the config.
bad=""
while IFS= read -r line; do
	{ cat "$T/config.good"; printf '%s\n' "$line"; } >"$CONF"
	"$GLOBE" status >/dev/null 2>"$T/err" || bad="$bad [$line: $(cat "$T/err")]"
done <"$T/examples"
check_eq "each example line shown by help is accepted by globe status" \
    "$bad" ""
{ cat "$T/config.good"; cat "$T/examples"; } >"$CONF"
check_exit "  and all of them together" 0 "$GLOBE" status

# Bound, the examples are what help lists: the key next to its action.
ui_start 100x60
ui_wait_for "Brazil" || fail "the interface starts with the examples bound"
ui_keys '?'
ui_wait_for "bind = KEY ACTION" >/dev/null
ui_capture >"$T/help2.txt"
while IFS= read -r line; do
	set -- $line
	key=$3 action=$4
	[ "$action" = none ] && continue
	if grep -q "^  [^ ]*.*\\b$key\\b.*($action)" "$T/help2.txt"; then
		pass "help lists $key for $action once bound"
	else
		fail "help lists $key for $action once bound"
		sed 's/^/#   | /' "$T/help2.txt"
	fi
done <"$T/examples"

done_testing
