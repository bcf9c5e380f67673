#!/bin/sh
# tests/ui/charset.sh: the full-screen interface under LC_ALL=C (a locale
# whose codeset is not UTF-8) draws only ASCII: the breadcrumb's > and the
# status line's -, feed names transliterated (Polícia → Policia), one ?
# per CJK character, a starred row's *, an unread newsletter's *. Every
# byte globe writes to the terminal is recorded (tmux pipe-pane) and must
# be ASCII. Under C.UTF-8 the same screens keep their symbols.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet
check_exit "star c-1" 0 "$GLOBE" star c-1

# Passes if the file holds no byte outside ASCII.
ascii_only() {
	python3 - "$1" <<'EOF'
import sys
b = open(sys.argv[1], 'rb').read()
bad = sorted({x for x in b if x >= 0x80})
if not b:
    print('nothing recorded')
    sys.exit(1)
if bad:
    print('non-ASCII bytes:', [hex(x) for x in bad][:10])
    sys.exit(1)
EOF
}

UI_ENV=LC_ALL=C ui_start 80x24
$TM pipe-pane -o -t ui "cat >>'$T/raw'"
ui_expect_text "C: the interface opens on the countries" "Countries"
ui_expect locale-countries "C: countries, status line with - between items"
ui_keys Enter
ui_expect_text "C: the breadcrumb uses >" "Countries > Brazil"
ui_keys j Enter
ui_expect_text "C: Polícia Federal is Policia Federal" \
	"Countries > Brazil > Policia Federal"
ui_expect locale-authority "C: an authority, its fields and contacts in ASCII"
ui_keys Escape Escape /
ui_type "wang"
ui_expect_text "C: the CJK contact is found" "person  ???"
ui_expect locale-search "C: 王秀英 is ???, its authority one ? a character"
ui_keys Escape Escape 2
ui_expect_text "C: the newsletters" "Enter reads"
ui_expect locale-news "C: unread newsletters marked *"
ui_keys q
ui_expect_text "C: q goes back" "Type a country name"
ui_keys q
ui_expect_text "C: q quits" "[globe exited 0]"
$TM pipe-pane -t ui
ok "C: every byte sent to the terminal is ASCII" ascii_only "$T/raw"

# The same screens under UTF-8 keep their symbols.
UI_ENV=LC_ALL=C.UTF-8 ui_start 80x24
ui_expect_text "UTF-8: the countries" "Countries"
ui_keys Enter j Enter
ui_expect_text "UTF-8: the breadcrumb uses ›" \
	"Countries › Brazil › Polícia Federal"
ui_expect_text "UTF-8: the status line uses ·" "serial 1 · 5 authorities"
ui_expect_text "UTF-8: the star" "★ José Conceição"
ui_keys q q q
ui_expect_text "UTF-8: q quits" "[globe exited 0]"

done_testing
