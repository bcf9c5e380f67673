#!/bin/sh
# tests/ui/welcome.sh: the first run with no cache shows the welcome
# screen (never a blank one); with a feed configured, s from there syncs
# and the countries appear. TERM=dumb or no TERM gets the country list
# and one line saying why there is no full screen.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

# The suite's XDG_CONFIG_HOME is $HOME/config: the screen names the file
# globe reads there, not ~/.config/globe/config.
ui_start 80x24
ui_expect_text "the first run opens the welcome screen" "Welcome to globe"
ui_expect welcome "how to try the demo and configure a feed"
ui_keys q
ui_expect_text "q quits" "[globe exited 0]"

# The config file it names is the one globe reads: XDG_CONFIG_HOME unset,
# set outside the home directory, and --config (under home and outside).
UI_ENV="-u XDG_CONFIG_HOME" ui_start 80x24
ui_expect_text "no XDG_CONFIG_HOME: ~/.config/globe/config" \
    "~/.config/globe/config:"
XDG=$(mktemp -d "${TMPDIR:-/tmp}/globe-xdg.XXXXXX")
UI_ENV="XDG_CONFIG_HOME=$XDG" ui_start 80x24
ui_expect_text "XDG_CONFIG_HOME elsewhere: that directory's file" \
    "$XDG/globe/config:"
check_not_contains "  and not ~/.config" "$(ui_capture)" "~/.config"
mkdir -p "$HOME/work"
echo "# mine" >"$HOME/work/my.conf"
ui_start 100x24 --config "$HOME/work/my.conf"
ui_expect_text "--config FILE under home: ~/work/my.conf" "~/work/my.conf:"
check_not_contains "  and not the XDG file" "$(ui_capture)" "globe/config"
ui_keys s
ui_expect_text "s without a feed names the same file" \
    "no feed configured: put \`feed = URL\` in ~/work/my.conf"
echo "# mine" >"$XDG/my.conf"
ui_start 80x24 --config "$XDG/my.conf"
ui_expect_text "--config FILE outside home: its path" "$XDG/my.conf:"
rm -rf "$XDG"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
ui_start 80x24
ui_expect_text "with a feed configured it offers to sync" "press s to sync now"
ui_keys s
ui_expect_text "s syncs and the countries appear" "Type a country name"
ui_expect_text "the status line says what the sync did" "synced +"
ui_keys q
ui_expect_text "quit" "[globe exited 0]"

# A terminal curses cannot drive: the country list, one line why, exit 0.
UI_ENV=TERM=dumb ui_start 80x24
ui_expect_text "TERM=dumb: one line says why" \
	"globe: full screen needs a terminal (TERM=dumb); see globe --help"
ui_expect_text "TERM=dumb: the countries instead" "Brazil"
ui_expect_text "TERM=dumb: exit status 0" "[globe exited 0]"
UI_ENV="-u TERM" ui_start 80x24
ui_expect_text "no TERM: one line says why" \
	"globe: full screen needs a terminal (no TERM); see globe --help"
ui_expect_text "no TERM: exit status 0" "[globe exited 0]"

done_testing
