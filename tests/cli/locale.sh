#!/bin/sh
# tests/cli/locale.sh: under a locale whose codeset is not UTF-8
# (LC_ALL=C), globe writes only ASCII to the terminal: its own symbols in
# their ASCII form, feed text transliterated with its case kept (Wałęsa →
# Walesa, Søren → Soren, Straße → Strasse) and one ? for a character with
# no spelling (a CJK name). JSON, CSV and vCard stay UTF-8; under
# C.UTF-8 nothing changes.
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"
	done_testing
	exit 0
fi

"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
cat >"$T/source.jsonl" <<'EOF'
{"type":"country","code":"PL","name":"Poland","region":"Europe"}
{"type":"country","code":"DK","name":"Denmark","region":"Europe"}
{"type":"country","code":"DE","name":"Germany","region":"Europe"}
{"type":"country","code":"CN","name":"China","region":"Asia"}
{"type":"authority","id":"pl-cba","country":"PL","name":"Centralne Biuro Antykorupcyjne","acronym":"CBA","kind":"anti-corruption"}
{"type":"authority","id":"dk-sk","country":"DK","name":"Særlig Økonomisk Kriminalitet","acronym":"SØIK","kind":"prosecution"}
{"type":"authority","id":"de-bka","country":"DE","name":"Bundeskriminalamt","acronym":"BKA","kind":"police"}
{"type":"authority","id":"cn-ccdi","country":"CN","name":"中央纪律检查委员会","acronym":"CCDI","kind":"anti-corruption"}
{"type":"contact","id":"c-1","authority":"pl-cba","name":"Lech Wałęsa","title":"Główny Specjalista","email":"lech.walesa@example.org"}
{"type":"contact","id":"c-2","authority":"dk-sk","name":"Søren Kjær","title":"Anklager","email":"soren.kjaer@example.org"}
{"type":"contact","id":"c-3","authority":"de-bka","name":"Jana Straße","title":"Kriminalhauptkommissarin für internationale Vermögensabschöpfung","email":"jana.strasse@example.org"}
{"type":"contact","id":"c-4","authority":"cn-ccdi","name":"王伟","title":"处长","email":"wang.wei@example.org"}
{"type":"newsletter","id":"nl-1","issue":"2026/1","published":"2026-03-31","title":"“Gdańsk” – the plenary…","body":"Wałęsa and Søren met in Gdańsk.\n\n王伟 sent greetings."}
EOF
"$PUBLISH" --source "$T/source.jsonl" --out "$T/feed" --sign "$T/k.key" \
	--feed-id locale-test --quiet
mkdir -p "$XDG_CONFIG_HOME/globe"
printf 'feed = %s\npubkey = %s\n' "$T/feed" "$T/k.pub" \
	>"$XDG_CONFIG_HOME/globe/config"
check_exit "sync" 0 "$GLOBE" sync --quiet

# Passes if the file holds no byte outside ASCII.
ascii_only() {
	python3 - "$1" <<'EOF'
import sys
b = open(sys.argv[1], 'rb').read()
bad = sorted({x for x in b if x >= 0x80})
if bad:
    print('non-ASCII bytes:', [hex(x) for x in bad][:10])
    sys.exit(1)
EOF
}

# --- LC_ALL=C: transliterated, case kept --------------------------------------
check_exit "C: search walesa" 0 env LC_ALL=C "$GLOBE" search walesa
check_contains "C: Wałęsa is shown as Walesa" "$out" "Lech Walesa"
check_contains "C: its detail" "$out" "Glowny Specjalista - Centralne Biuro"
ok "C: search output is ASCII" ascii_only "$T/out"
check_exit "C: search soren" 0 env LC_ALL=C "$GLOBE" search soren
check_contains "C: Søren Kjær is Soren Kjaer" "$out" "Soren Kjaer"
check_exit "C: search strasse" 0 env LC_ALL=C COLUMNS=80 "$GLOBE" search strasse
check_contains "C: Straße is Strasse" "$out" "Jana Strasse"
# Laid out for 80 columns, the detail column is cut: "..." instead of "…".
check_contains "C: a cut cell ends in ..." "$out" "..."
ok "C: strasse output is ASCII" ascii_only "$T/out"
check_exit "C: show a CJK contact" 0 env LC_ALL=C "$GLOBE" show c-4
check_eq "C: a two-character CJK name is ??" \
	"$(printf '%s\n' "$out" | sed -n 's/^Name  *//p')" "??"
check_eq "C: nine CJK characters are nine ?" \
	"$(printf '%s\n' "$out" | sed -n 's/^Authority  *\([^ ]*\) .*/\1/p')" "?????????"
ok "C: show output is ASCII" ascii_only "$T/out"
check_exit "C: members DK" 0 env LC_ALL=C "$GLOBE" members DK
check_contains "C: Særlig Økonomisk" "$out" "Saerlig Okonomisk Kriminalitet"
check_contains "C: SØIK" "$out" "SOIK"
check_exit "C: contacts" 0 env LC_ALL=C "$GLOBE" contacts
ok "C: contacts output is ASCII" ascii_only "$T/out"
# The ?? row is aligned with the others (one column per ?).
cols=$(python3 - "$T/out" <<'EOF'
import sys
lines = open(sys.argv[1], encoding='ascii').read().splitlines()
print(' '.join(str(l.index('@') - len(l.split('@')[0].split()[-1]))
               for l in lines[1:]))
EOF
)
first=${cols%% *}
check_eq "C: every row's e-mail in one column" "$cols" \
	"$first $first $first $first"
check_exit "C: read nl-1" 0 env LC_ALL=C "$GLOBE" read nl-1
check_contains "C: quotes, dash and ellipsis" "$out" '"Gdansk" - the plenary...'
check_contains "C: the body transliterated" "$out" "Walesa and Soren met in Gdansk."
check_contains "C: the CJK in the body" "$out" "?? sent greetings."
ok "C: reader output is ASCII" ascii_only "$T/out"
check_exit "C: newsletters" 0 env LC_ALL=C "$GLOBE" newsletters
ok "C: newsletter list is ASCII" ascii_only "$T/out"
check_exit "C: status" 0 env LC_ALL=C "$GLOBE" status
ok "C: status is ASCII" ascii_only "$T/out"
# An error message that quotes the user's text is ASCII too.
check_exit "C: show an unknown id" 1 env LC_ALL=C "$GLOBE" show "ż-1"
check_contains "C: the id in the error, transliterated" "$err" "z-1"
ok "C: the error is ASCII" ascii_only "$T/err"
# POSIX is the same locale as C.
check_exit "POSIX: search walesa" 0 env LC_ALL=POSIX "$GLOBE" search walesa
check_contains "POSIX: Walesa" "$out" "Lech Walesa"

# --- data formats stay UTF-8 ----------------------------------------------------
for fmt in --json --csv --vcard; do
	"$GLOBE" contacts $fmt >"$T/utf8$fmt"
	LC_ALL=C "$GLOBE" contacts $fmt >"$T/c$fmt"
	ok "C: contacts $fmt is the same bytes as under UTF-8" \
		cmp "$T/utf8$fmt" "$T/c$fmt"
done
check_contains "C: --json keeps Wałęsa" "$(cat "$T/c--json")" "Lech Wałęsa"
check_contains "C: --vcard keeps 王伟" "$(cat "$T/c--vcard")" "FN:王伟"

# --- UTF-8: unchanged -----------------------------------------------------------
check_exit "UTF-8: search walesa" 0 env LC_ALL=C.UTF-8 "$GLOBE" search walesa
check_contains "UTF-8: Wałęsa as it is" "$out" "Lech Wałęsa"
check_exit "UTF-8: search strasse" 0 env LC_ALL=C.UTF-8 COLUMNS=80 "$GLOBE" search strasse
check_contains "UTF-8: Straße as it is" "$out" "Jana Straße"
check_contains "UTF-8: a cut cell ends in …" "$out" "…"
check_exit "UTF-8: show c-4" 0 env LC_ALL=C.UTF-8 "$GLOBE" show c-4
check_contains "UTF-8: 王伟 as it is" "$out" "王伟"
check_exit "UTF-8: read nl-1" 0 env LC_ALL=C.UTF-8 "$GLOBE" read nl-1
check_contains "UTF-8: the title as it is" "$out" "“Gdańsk” – the plenary…"

done_testing
