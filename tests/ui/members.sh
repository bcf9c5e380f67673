#!/bin/sh
# tests/ui/members.sh: `s` on a feed encrypted to its members when the
# device key has a passphrase. The background sync asks for it in a
# status-line prompt that shows nothing typed; a wrong one is asked
# again; Esc gives up and says so; the right one syncs. The passphrase is
# never on the screen, in the search history or in any file of the data
# directory.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

PASS="Tulip-Oboe-5577"
ui_source "$T/source.jsonl"
"$PUBLISH" --keygen "$T/key" >/dev/null 2>&1
python3 "$srcdir/tests/pty-answer.py" "new device key:" "$PASS" "again:" "$PASS" -- \
    "$GLOBE" device init --passphrase >"$T/init.out" 2>&1
check_eq "a device key with a passphrase" "$?" 0
printf '%s my laptop\n' "$("$GLOBE" device show)" >"$T/recipients"
"$PUBLISH" --source "$T/source.jsonl" --out "$T/feed" --sign "$T/key.key" \
    --recipients "$T/recipients" --feed-id globe-ui-test --expires-days 36500 --quiet
mkdir -p "$XDG_CONFIG_HOME/globe"
printf 'feed = %s\npubkey = %s\nmax_valid_days = 36500\n' "$T/feed" \
    "$T/key.pub" >"$XDG_CONFIG_HOME/globe/config"

ui_start 80x24
ui_expect_text "the interface opens" "Welcome"
ui_keys s
ui_expect_text "s asks for the device key's passphrase" \
    "passphrase for this device's key:"
ui_keys Escape
ui_expect_text "Esc gives up: the sync says it had none" \
    "cannot use the device key: no passphrase"
ui_keys C-l
ui_keys s
ui_expect_text "s asks again" "passphrase for this device's key:"
ui_type "not the one"
ui_settle
check_not_contains "what is typed is not shown" "$(ui_capture)" "not the one"
ui_keys Enter
ui_expect_text "a wrong one is asked again" \
    "wrong passphrase; passphrase for this device's key:"
ui_type "$PASS"
ui_settle
check_not_contains "the passphrase is not shown" "$(ui_capture)" "$PASS"
ui_keys Enter
ui_expect_text "the right one: the sync ends with what it changed" "synced +" 60
ui_keys C-l
ui_keys /
ui_keys Up
ui_settle
check_not_contains "Up in the search recalls no passphrase" "$(ui_capture)" "$PASS"
ui_keys Escape q
sleep 0.5
found=$(grep -rlaF "$PASS" "$XDG_DATA_HOME" 2>/dev/null)
check_eq "the passphrase is in no file of the data directory" "$found" ""
found=$(grep -rlaF "not the one" "$XDG_DATA_HOME" 2>/dev/null)
check_eq "nor the wrong one" "$found" ""

# A device that is not among the recipients: the status line says what
# to send, and the messages screen (M) has the whole line with its key.
printf 'feed = %s\npubkey = %s\nmax_valid_days = 36500\ndevice_key = %s\n' \
    "$T/feed" "$T/key.pub" "$T/other.key" >"$T/conf-other"
"$GLOBE" --config "$T/conf-other" device init >/dev/null 2>&1 </dev/null
check_eq "a second device key, not a recipient" "$?" 0
OTHER=$("$GLOBE" --config "$T/conf-other" device show)
ui_start 80x24 --config "$T/conf-other" --db "$T/other.db"
ui_expect_text "the second device's interface opens" "Welcome"
ui_keys s
ui_expect_text "s on a feed for others: the status line says so" \
    "this feed is encrypted to its members and this device is not"
ui_keys M
ui_settle
check_contains "M: the whole line, with the key to send" \
    "$(ui_capture | tr -d '\n ')" "secretariat:$OTHER"
check_not_contains "no 'sync failed: ...: globe1' wording" \
    "$(ui_capture)" "sync failed"
ui_keys q q

done_testing
