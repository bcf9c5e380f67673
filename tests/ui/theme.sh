#!/bin/sh
# tests/ui/theme.sh: colours and themes (issue 19). The built-in themes
# and `color = ELEMENT FOREGROUND BACKGROUND [ATTR...]` lines (also
# written without '=', as in tig and mutt) change what reaches the
# terminal: tmux's capture-pane -e gives each cell's colours and
# attributes back as escape sequences. color0-255 where the terminal has
# 256 colours, the nearest of eight where it has eight; NO_COLOR and
# --no-color win (attributes only, those a colour line names kept); a
# terminal without colours gets the attributes. Every command refuses a
# bad colour, theme or bidi line with its number, as bind lines are.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet
CONF="$XDG_CONFIG_HOME/globe/config"
cp "$CONF" "$T/config.base"

# with LINES...: the test config plus these lines.
with() {
	cp "$T/config.base" "$CONF"
	for l in "$@"; do
		printf '%s\n' "$l" >>"$CONF"
	done
}

# style N TEXT: how the first cell of TEXT on screen line N (1-based)
# (N 0: fails on the first cell with a colour)
# is drawn, from tmux's capture-pane -e, whose escape sequences carry
# over from cell to cell and line to line: "fg=37 bg=44 bold" (colours
# 0-255, bright ones 8-15, or "default"; then bold dim underline
# reverse, those that are on).
style() {
	$TM capture-pane -e -p -t ui | python3 -c '
import re, sys
want_line, text = int(sys.argv[1]), sys.argv[2]
st = {"fg": "default", "bg": "default", "attrs": set()}
names = {1: "bold", 2: "dim", 4: "underline", 7: "reverse"}
def sgr(params):
    p = [int(x) if x else 0 for x in params.split(";")] if params else [0]
    i = 0
    while i < len(p):
        c = p[i]
        if c == 0:
            st["fg"] = st["bg"] = "default"; st["attrs"] = set()
        elif c in names: st["attrs"].add(names[c])
        elif c == 22: st["attrs"] -= {"bold", "dim"}
        elif c == 24: st["attrs"].discard("underline")
        elif c == 27: st["attrs"].discard("reverse")
        elif 30 <= c <= 37: st["fg"] = str(c - 30)
        elif 40 <= c <= 47: st["bg"] = str(c - 40)
        elif 90 <= c <= 97: st["fg"] = str(c - 90 + 8)
        elif 100 <= c <= 107: st["bg"] = str(c - 100 + 8)
        elif c == 39: st["fg"] = "default"
        elif c == 49: st["bg"] = "default"
        elif c in (38, 48) and i + 2 < len(p) and p[i + 1] == 5:
            st["fg" if c == 38 else "bg"] = str(p[i + 2]); i += 2
        i += 1
for n, line in enumerate(sys.stdin.read().split("\n"), 1):
    plain, styles, k = "", [], 0
    while k < len(line):
        m = re.match(r"\x1b\[([0-9;]*)m", line[k:])
        if m:
            sgr(m.group(1)); k += m.end(); continue
        plain += line[k]
        styles.append((st["fg"], st["bg"], set(st["attrs"])))
        k += 1
    if want_line == 0:
        for i, (fg, bg, attrs) in enumerate(styles):
            if fg != "default" or bg != "default":
                print("line %d column %d: fg=%s bg=%s" % (n, i + 1, fg, bg))
                sys.exit(1)
        continue
    if n == want_line:
        i = plain.find(text)
        if i < 0:
            print("(no %s on line %d: %s)" % (text, n, plain)); break
        fg, bg, attrs = styles[i]
        print(" ".join(["fg=" + fg, "bg=" + bg] +
            [a for a in ("bold", "dim", "underline", "reverse") if a in attrs]))
        break
' "$1" "$2"
}
# Passes if no cell of the screen has a colour (else names the first).
colourless() {
	style 0 ""
}
# The countries screen: 1 the title, 2 the hint (a label), 3 the column
# titles (a header), 4 the first country (the cursor), 24 the status line.
open_countries() {
	ui_start 80x24 "$@"
	ui_wait_for "Type a country name" ||
		echo "# the countries screen did not come"
	ui_settle
}

# --- the built-in themes -------------------------------------------------
with
open_countries
check_eq "default theme: the title white on blue, bold" \
	"$(style 1 Countries)" "fg=7 bg=4 bold"
check_eq "default theme: a label in cyan" "$(style 2 Type)" "fg=6 bg=default"
check_eq "default theme: the cursor black on cyan" "$(style 4 Brazil)" \
	"fg=0 bg=6"

with "theme = light"
open_countries
check_eq "theme = light: a label in blue" "$(style 2 Type)" "fg=4 bg=default"
check_eq "theme = light: the column titles blue and bold" \
	"$(style 3 Country)" "fg=4 bg=default bold"

with "theme = high-contrast"
UI_ENV=TERM=tmux-256color open_countries
check_eq "theme = high-contrast: the cursor black on bright yellow, bold" \
	"$(style 4 Brazil)" "fg=0 bg=11 bold"
check_eq "theme = high-contrast: text bright white on black" \
	"$(style 5 China)" "fg=15 bg=0"

with "theme = mono"
open_countries
check_eq "theme = mono: the title reversed and bold" "$(style 1 Countries)" \
	"fg=default bg=default bold reverse"
ok "theme = mono: no colour on the screen" colourless

# --- colour lines -----------------------------------------------------------
with "color = title red green underline" "color label magenta default"
open_countries
check_eq "a colour line changes the title" "$(style 1 Countries)" \
	"fg=1 bg=2 underline"
check_eq "... and another the labels" "$(style 2 Type)" "fg=5 bg=default"
check_eq "... the rest keeps the theme's" "$(style 4 Brazil)" "fg=0 bg=6"

with "color selected color202 color17 bold" "theme = light"
UI_ENV=TERM=tmux-256color open_countries
check_eq "color0-255 on a terminal with 256 colours" "$(style 4 Brazil)" \
	"fg=202 bg=17 bold"
check_eq "over the theme named after it" "$(style 2 Type)" "fg=4 bg=default"
UI_ENV=TERM=screen open_countries
check_eq "with eight colours, the nearest of them (202: red on black)" \
	"$(style 4 Brazil)" "fg=1 bg=0 bold"

with "color title brightred default"
UI_ENV=TERM=screen open_countries
check_eq "a bright colour with eight: the plain one, bold" \
	"$(style 1 Countries)" "fg=1 bg=default bold"
open_countries
check_eq "... with 256, itself" "$(style 1 Countries)" "fg=9 bg=default"

# As tig and mutt write it: no '='.
with "color title yellow black"
open_countries
check_eq "'color title yellow black', without '='" "$(style 1 Countries)" \
	"fg=3 bg=0"

# --- no colour: NO_COLOR, --no-color, a terminal without colours ------------
with "color = title red green underline" "color = label magenta default"
UI_ENV=NO_COLOR=1 open_countries
ok "NO_COLOR: no colour on the screen" colourless
check_eq "NO_COLOR: a colour line's attributes stay" "$(style 1 Countries)" \
	"fg=default bg=default underline"
check_eq "NO_COLOR: the cursor reversed (mono)" "$(style 4 Brazil)" \
	"fg=default bg=default reverse"
open_countries --no-color
ok "--no-color: no colour on the screen" colourless
check_eq "--no-color: the attributes stay" "$(style 1 Countries)" \
	"fg=default bg=default underline"
with
UI_ENV=TERM=vt100 open_countries
check_eq "a terminal without colours: the title reversed and bold" \
	"$(style 1 Countries)" "fg=default bg=default bold reverse"
ok "a terminal without colours: no colour sent" colourless
ui_keys q
ui_expect_text "q quits" "[globe exited 0]"

# --- every command checks the lines -------------------------------------------
for cmd in status "search x" countries; do
	with "color = selcted red blue"
	check_exit "globe $cmd with an unknown element" 2 "$GLOBE" $cmd
	check_contains "  names the line and what it could be" "$err" \
		"config:4: unknown element 'selcted'; did you mean 'selected'?"
	check_contains "  and the config file" "$err" "($CONF)"
	with "color title rde blue"
	check_exit "globe $cmd with an unknown colour" 2 "$GLOBE" $cmd
	check_contains "  names the line and the colour" "$err" \
		"config:4: unknown colour 'rde'; did you mean 'red'?"
done
with "color = title red"
check_exit "a colour line without a background" 2 "$GLOBE" status
check_contains "  shows the syntax" "$err" \
	"config:4: expected 'color = ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE...]', got 'title red'"
with "color = title red blue blink"
check_exit "an unknown attribute" 2 "$GLOBE" status
check_contains "  names it and the choices" "$err" \
	"config:4: unknown attribute 'blink' (one of normal, bold, underline, reverse, dim or standout)"
with "color = title color256 blue"
check_exit "color256" 2 "$GLOBE" status
check_contains "  says the range" "$err" \
	"config:4: unknown colour 'color256' (color0 to color255)"
with "theme = dark"
check_exit "an unknown theme" 2 "$GLOBE" status
check_contains "  names the themes" "$err" \
	"config:4: unknown theme 'dark' (one of default, light, high-contrast or mono)"
with "bidi = yes"
check_exit "a bidi value that is not one" 2 "$GLOBE" status
check_contains "  says the three" "$err" \
	"config:4: bidi must be auto, on or off, not 'yes'"
with "color = title default default normal" "color match color255 color0" \
	"theme = high-contrast" "bidi = off" "color warn brightwhite red bold underline"
check_exit "good colour, theme and bidi lines" 0 "$GLOBE" status

done_testing
