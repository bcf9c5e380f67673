#!/bin/sh
# tests/ui/edit.sh: the one line editor of every prompt and filter, and
# the search history, on the real globe in tmux. In the search, the
# countries filter and the status-line prompts the same keys edit (^A ^E
# ^B ^F, Left Right Home End, ^W ^U ^K, Backspace, Delete), a combining
# mark goes with its letter, and a long query scrolls in its field with
# the cursor where the editor says. Up on the first result recalls
# earlier searches, also after a restart, from a 0600 file beside the
# cache; history = 0 writes none; a hostile history file is read safely;
# each prompt has its own history. Setting-up steps are not counted as
# checks: every check here is about the editor or the history.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
"$GLOBE" sync --quiet || fail "sync the test feed"
conf="$XDG_CONFIG_HOME/globe/config"
cp "$conf" "$T/config.good"
hist="$XDG_DATA_HOME/globe/search-history"

# Waits for text on the screen; a setting-up step, failed only if missing.
ui_ready() {
	ui_wait_for "$1" || { fail "setting up: $1"; ui_capture | sed 's/^/#   | /'; }
}
# A setting-up expectation: fails when wrong, is not counted when right.
must_eq() {
	[ "$2" = "$3" ] || check_eq "setting up: $1" "$2" "$3"
}
# Where the terminal's cursor is, "column line" from 0, once settled.
ui_cursor() {
	ui_settle
	$TM display-message -p -t ui '#{cursor_x} #{cursor_y}'
}
# The first line of the screen that starts with $1 (trailing spaces dropped).
ui_line() {
	ui_settle
	ui_capture | grep -m 1 "^$1"
}
# The title line without the position at its right.
ui_trail() {
	ui_capture | head -n 1 | sed 's/  *[-0-9,]*\/[0-9,]*+*$//'
}

# ---- the search's query ------------------------------------------------

ui_start 80x24
ui_ready "Type a country name after f"
ui_keys /
ui_ready "Search:"
ui_type "conceicao jose"
ui_ready "José Conceição"
must_eq "the cursor is after the query (8 + 14 columns)" "$(ui_cursor)" "22 1"
ui_keys C-w
ui_settle
check_eq "^W deletes the word before the cursor" "$(ui_line Search:)" \
    "Search: conceicao"
check_eq "  the cursor is where the word began" "$(ui_cursor)" "18 1"
ui_keys C-a
check_eq "^A puts the cursor at the start of the query" "$(ui_cursor)" "8 1"
ui_type "ana "
ui_expect_text "text typed at the cursor goes before the rest (no match)" \
    "Search: ana conceicao    (no match)"
ui_keys C-k
ui_expect_text "^K deletes to the end: ana finds Ana Souza" "Ana Souza"
check_eq "  the query is what was before the cursor" "$(ui_line Search:)" \
    "Search: ana"
ui_type "souzza"
ui_ready "Search: ana souzza   (no match)"
ui_keys Left Left
check_eq "Left moves the cursor one character at a time" "$(ui_cursor)" "16 1"
ui_keys Delete
ui_expect_text "Delete deletes the character under the cursor" \
    "Search: ana souza"
ui_expect_text "  and Ana Souza is found again" "Ana Souza"
ui_keys C-a Left
ui_settle
check_eq "Left at the start stays in the query (it does not go back)" \
    "$(ui_trail)" " Countries › Search"
ui_keys Right Right Right C-b
check_eq "Right and ^B move in the query (Right does not open)" \
    "$(ui_cursor)" "10 1"
check_eq "  still the search" "$(ui_trail)" " Countries › Search"
ui_keys C-f C-e
check_eq "^F and ^E move too: at the end" "$(ui_cursor)" "17 1"
ui_expect edit-search "the query edited in place, its results below"

# UTF-8: a combining mark typed goes with its letter.
ui_keys C-u
ui_type "$(printf 'nu\314\201\303\261ez')"
ui_expect_text "nú (u and a combining acute) ñez finds José Núñez" "José Núñez"
ui_keys Home Right Right
check_eq "Right moves over ú (u and its mark) at once" "$(ui_cursor)" "10 1"
ui_keys BSpace
ui_settle
check_eq "Backspace deletes u with its mark" "$(ui_line Search:)" \
    "Search: nñez   (no match)"
ui_keys Escape
ui_ready "Type a country name after f"

# A long CJK query in a narrow terminal scrolls; the cursor stays on it.
ui_start 40x12
ui_ready "Countries"
ui_keys /
ui_type "中央纪律检查委员会中央纪律检查委员会"
ui_settle
must_eq "a query wider than its field: the cursor in the last column" \
    "$(ui_cursor)" "39 1"
ui_expect edit-search-narrow "the query's end in view, … where it is cut"
ui_keys C-a
check_eq "^A: back at the start of the field" "$(ui_cursor)" "8 1"
ui_keys Right Right Right Right Right Right Right Right Right Right Right \
    Right Right Right Right Right
check_eq "moved on: the field scrolls as little as it must, … at both ends" \
    "$(ui_line Search:)" "Search: …纪律检查委员会中央纪律检查委员…"
check_eq "  the cursor on the 17th character, no half character" \
    "$(ui_cursor)" "37 1"
ui_keys Escape q

# ---- the countries filter ----------------------------------------------

ui_start 80x24
ui_ready "Type a country name after f"
ui_keys f
ui_type Sapin
ui_ready "Filter: Sapin   (no match)"
ui_keys Home Right Delete
ui_expect_text "Home, Right, Delete edit the filter" "Filter: Spin"
ui_keys Right
ui_type a
ui_expect_text "a typed in the middle: Spain" "Filter: Spain"
check_eq "  the cursor after the a" "$(ui_cursor)" "11 1"
ui_expect edit-filter "the filter edited in place: Spain alone"
ui_keys End C-w
ui_expect_text "^W empties it: every country again" "Egypt"
check_eq "  the cursor back at the start of the filter" "$(ui_cursor)" "8 1"
ui_keys Escape
# Left and Right move in the filter; they neither go back nor open.
ui_keys f S p
ui_ready "Filter: Sp"
ui_keys Left Right Left
ui_settle
check_eq "Left and Right in the filter: the cursor moves, Spain not opened" \
    "$(ui_trail) $(ui_cursor)" " Countries 9 1"
ui_keys Escape

# ---- the status-line prompts ----------------------------------------------

# The country filter's prompt (F2): Left, Delete and typing in the middle.
ui_keys /
ui_type jose
ui_ready "José Núñez"
ui_keys F2 C-u
ui_type spian
ui_ready "country filter (code or name): spian"
ui_keys Left Left Left
check_eq "Left moves in the prompt (31 columns of label + 2)" "$(ui_cursor)" \
    "33 23"
ui_keys Delete Right
ui_type i
ui_expect_text "Delete and a letter typed in the middle: spain" \
    "country filter (code or name): spain"
ui_keys Enter
ui_expect_text "the answer edited is taken" "country: ES"

# The vCard path: ^A and ^K on the proposed name.
ui_keys Enter
ui_ready "jose.nunez@example.org"
ui_keys v
ui_ready "save vCard to: c-5.vcf"
ui_keys C-a
ui_type "a-"
ui_keys Enter
ui_expect_text "^A then a-: the vCard is written as a-c-5.vcf" \
    "vCard written to a-c-5.vcf"
check_eq "  the file is there" "$(ls "$T/a-c-5.vcf" 2>/dev/null)" "$T/a-c-5.vcf"
ui_keys v C-a C-k
ui_type b.vcf
ui_keys Enter
ui_expect_text "^A ^K and a new name: b.vcf" "vCard written to b.vcf"

# Each prompt its own history: Up and Down in the vCard prompt.
ui_keys v
ui_ready "save vCard to: c-5.vcf"
ui_keys Up
ui_expect_text "Up in the vCard prompt: the last path given" \
    "save vCard to: b.vcf"
ui_keys Up
ui_expect_text "Up again: the one before" "save vCard to: a-c-5.vcf"
ui_keys Down Down
ui_expect_text "Down twice: back to the proposed name" "save vCard to: c-5.vcf"
ui_keys Escape Escape
ui_ready "country: ES"
ui_keys F3
ui_type asset
ui_keys Tab Enter
ui_ready "expertise: asset-recovery"
ui_keys F3 C-u Enter
ui_ready "expertise: any"
ui_keys F3 Up
ui_expect_text "Up in F3 recalls its last answer" \
    "expertise filter: asset-recovery"
ui_keys Escape F2 C-u Up
ui_expect_text "Up in F2 recalls its own (ES), not F3's" \
    "country filter (code or name): ES"
ui_keys Escape Escape
ui_ready "Type a country name after f"
ui_keys q
ui_ready "[globe exited 0]"

# ---- the search history ---------------------------------------------------

# Queries used (a result opened, the screen left) are kept, in the file.
check_eq "the searches used so far are in the history file, oldest first" \
    "$(cat "$hist" 2>/dev/null)" "$(printf 'nñez\n中央纪律检查委员会中央纪律检查委员会\njose')"
check_eq "  the file is the user's alone (0600)" \
    "$(stat -c %a "$hist" 2>/dev/null)" "600"
rm -f "$hist"
ui_start 80x24
ui_ready "Type a country name after f"
ui_keys /
must_eq "no history yet: the hint says how to search" "$(ui_line Search:)" \
    "Search:    (type a name, acronym, e-mail, expertise)"
ui_type jose
ui_ready "José Núñez"
ui_keys Enter
ui_ready "José Conceição"
ui_keys Escape Escape /
ui_type "ana"
ui_ready "Ana Souza"
ui_keys Escape q
ui_ready "[globe exited 0]"
check_eq "opened from, or left with: both kept, newest last" \
    "$(cat "$hist" 2>/dev/null)" "$(printf 'jose\nana')"

ui_start 80x24
ui_ready "Type a country name after f"
ui_keys /
ui_expect_text "after a restart the hint says Up recalls" \
    "(type a name, acronym, e-mail, expertise; Up: earlier searches)"
ui_keys Up
ui_expect_text "Up after a restart: the last search" "Search: ana"
ui_expect_text "  and its results" "Ana Souza"
ui_expect edit-history "a recalled search says so, and how to walk on"
ui_keys Up
ui_expect_text "Up again: the one before" "Search: jose"
ui_keys Up
check_eq "  nothing older: it stays" "$(ui_line Search:)" \
    "Search: jose   (an earlier search: Up older, Down newer)"
ui_keys Down
ui_expect_text "Down: the newer one" "Search: ana   (an earlier"
ui_keys Down
ui_settle
check_eq "Down again: the text being typed (none)" "$(ui_line Search:)" \
    "Search:    (type a name, acronym, e-mail, expertise; Up: earlier searches)"
ui_type wang
ui_ready "王秀英"
ui_keys Up
ui_settle
up=$(ui_line Search:)
ui_keys Down
ui_settle
check_eq "Up on the first result recalls; Down gives back the text typed" \
    "$up | $(ui_line Search:)" \
    "Search: ana   (an earlier search: Up older, Down newer) | Search: wang"
ui_keys C-u
ui_type jose
ui_ready "José Núñez"
ui_keys Down
ui_settle
down=$(ui_capture | head -n 1 | sed 's/.* //')
ui_keys Up Up
ui_settle
check_eq "Down on a query typed moves in the results; Up, Up recalls" \
    "$down | $(ui_line Search:)" \
    "2/2 | Search: ana   (an earlier search: Up older, Down newer)"
ui_keys End
check_eq "an editing key makes a recalled search the text typed" \
    "$(ui_line Search:)" "Search: ana"
ui_keys Down
ui_settle
check_eq "  so Down no longer walks the history" "$(ui_line Search:)" \
    "Search: ana"
ui_keys Escape Escape
ui_ready "Type a country name after f"
ui_keys / C-u
ui_type jose
ui_ready "José Núñez"
ui_keys Escape q
ui_ready "[globe exited 0]"
check_eq "a search used again moves to the newest place (no duplicate)" \
    "$(cat "$hist" 2>/dev/null)" "$(printf 'ana\njose')"

# ---- history = 0 ------------------------------------------------------------

rm -f "$hist"
{ cat "$T/config.good"; echo "history = 0"; } >"$conf"
ui_start 80x24
ui_ready "Type a country name after f"
ui_keys /
ui_type souza
ui_ready "Ana Souza"
ui_keys Enter
ui_ready "ana.souza@example.org"
ui_keys Escape Escape /
ui_keys Up
ui_settle
up=$(ui_line Search:)
ui_keys Escape q
ui_ready "[globe exited 0]"
check_eq "history = 0: Up recalls within the session; no file is written" \
    "$up | $(ls -A "$XDG_DATA_HOME/globe" | grep -c history)" \
    "Search: souza   (an earlier search: Up older, Down newer) | 0"
printf 'kept\n' >"$hist"
chmod 600 "$hist"
ui_start 80x24
ui_ready "Type a country name after f"
ui_keys /
ui_type ana
ui_ready "Ana Souza"
ui_keys Escape /
ui_keys Up Up
ui_settle
up=$(ui_line Search:)
ui_keys Escape q
ui_ready "[globe exited 0]"
check_eq "history = 0: an old file is neither read nor changed nor deleted" \
    "$up | $(cat "$hist")" \
    "Search: ana   (an earlier search: Up older, Down newer) | kept"
cp "$T/config.good" "$conf"
echo "history = 101" >>"$conf"
"$GLOBE" status >/dev/null 2>"$T/err"
check_eq "history above 100 is refused (exit 2), naming the range" \
    "$? $(grep -c 'history must be a number from 0 to 100' "$T/err")" "2 1"
cp "$T/config.good" "$conf"
echo "history = 5" >>"$conf"
check_exit "history = 5 is a valid setting" 0 "$GLOBE" status
cp "$T/config.good" "$conf"

# ---- a hostile or corrupt history file -------------------------------------

# Binary bytes, an escape sequence that would set the terminal's title,
# colours, a bidi override, a line too long, then two good entries.
{
	printf '\000\377\376binary\n'
	printf 'evil\033]0;pwned\007\n'
	printf 'red\033[31mRED\n'
	printf 'abc\342\200\256def\n'
	head -c 700 /dev/zero | tr '\0' x
	printf '\nana\njose\n'
} >"$hist"
ui_start 80x24
ui_ready "Type a country name after f"
ui_keys /
walk=""
for i in 1 2 3 4; do
	ui_keys Up
	ui_settle
	walk="$walk$(ui_line Search: | sed 's/   (.*//')|"
done
check_eq "a corrupt file: Up walks its good entries only, then stops" \
    "$walk" "Search: jose|Search: ana|Search: abcdef|Search: abcdef|"
screen=$(ui_capture)
title=$($TM display-message -p -t ui '#{pane_title}')
check_eq "  recalled, nothing of its controls or bidi override is drawn" \
    "$(echo "$screen" | grep -c 'Search: abcdef') $(echo "$screen" |
    grep -c "evil\|RED\|$(printf '\342\200\256')") $(echo "$title" |
    grep -c pwned)" "1 0 0"
ui_keys Escape q
ui_ready "[globe exited 0]"

# A file larger than any globe writes is ignored as a whole.
{ printf 'ana\n'; head -c 200000 /dev/zero | tr '\0' 'y' | fold -w 60; } >"$hist"
ui_start 80x24
ui_ready "Type a country name after f"
ui_keys /
ui_settle
hint=$(ui_line Search:)
ui_keys Up
ui_settle
up=$(ui_line Search:)
ui_type souza
ui_ready "Ana Souza"
ui_keys Escape q
ui_ready "[globe exited 0]"
check_eq "a huge history file is ignored (no Up hint, Up recalls nothing), then replaced" \
    "$hint | $up | $(cat "$hist")" \
    "Search:    (type a name, acronym, e-mail, expertise) | Search:    (type a name, acronym, e-mail, expertise) | souza"

# A FIFO in its place is never waited on, and is replaced by a file.
rm -f "$hist"
mkfifo "$hist"
ui_start 80x24
ui_ready "Type a country name after f"
ui_keys /
ui_type ana
ui_ready "Ana Souza"
ui_keys Escape q
ui_ready "[globe exited 0]"
check_eq "a FIFO as the history file: never waited on, replaced by a file" \
    "$([ -f "$hist" ] && ! [ -p "$hist" ] && cat "$hist")" "ana"

done_testing
