#!/bin/sh
# tests/ui/languages.sh: the layout holds in every language (issue 19).
# In English and in every language of po/LINGUAS (read here, so a new one
# is tried as it comes), at 80x24 and at 40x12, one globe in tmux goes
# through the screens an officer uses: the countries, a country, an
# authority, a contact, the status line after y, the note and flag
# prompts, a search with results, the routes (w) to a route card, what
# changed, the help, the newsletters and the reader. Each screen is
# checked by tests/ui/languages.py: every line fits the width in cells
# (CJK two) and no character is cut; the breadcrumb is on the top line
# and the status line (or the message, or the prompt) on the last; the
# screen shows the language's own titles and labels, taken from
# po/LL.po by msgid (whole, or cut with "…" where there is no room), and
# no English where the catalogue has a translation; nothing of the screen
# before is left over. A language written right to left is mirrored:
# its texts in FriBidi's visual order (the fribidi tool), the breadcrumb,
# the status line, the labels and a list's first column at the right.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

CHECK="$srcdir/tests/ui/languages.py"
langs="en"
if ! grep -q '^#define ENABLE_NLS 1' "$builddir/config.h"; then
	echo "# globe built with --disable-nls: English only"
elif [ ! -f "$builddir/po/globe.pot" ]; then
	echo "Bail out! no po/globe.pot in the build tree (make writes it)"
	exit 1
else
	langs="en $(sed -e 's/#.*//' "$srcdir/po/LINGUAS")"
fi
# UI_LANGS="fr ar" tries those alone (when looking at one language).
langs=${UI_LANGS:-$langs}
have_fribidi=yes
command -v fribidi >/dev/null 2>&1 || have_fribidi=no

# The directory: the suites' own, with routes, and a second serial so
# that "what changed" has something to say (Ana Souza's title changes,
# Marc Dupont goes, Lucía Ortega comes). A note and a flag on Ana Souza.
ui_source "$T/source.jsonl"
cat >>"$T/source.jsonl" <<'EOS'
{"type":"country","code":"PT","name":"Portugal","region":"Europe"}
{"type":"contact","id":"c-7","authority":"es-fcc","name":"Marc Dupont","title":"Liaison Magistrate","role":"case-officer","email":"marc.dupont@example.org","verified":"2099-01-01"}
{"type":"route","id":"r-br-trace-1","country":"BR","measure":"asset-tracing","authority":"br-pf","contact":"c-1","channel":"direct","formality":"informal","urgency":"urgent","languages":["pt","en:urgent-only","es:reciprocity"],"requirements":["dual-criminality","translation"],"requirements_text":"Cite the case number.","legal_basis":["uncac-46"],"hours":"24/7","timezone":"America/Sao_Paulo","rank":"1","verified":"2099-01-01","source":"https://example.org/r1","notes":"Call the duty officer first."}
{"type":"route","id":"r-br-trace-2","country":"BR","measure":"asset-tracing","authority":"br-mpf","channel":"central-authority","formality":"formal","urgency":"normal","languages":["pt"],"requirements":["translation"],"legal_basis":["bilateral-treaty"],"verified":"2099-01-01"}
{"type":"route","id":"r-br-jit","country":"BR","measure":"joint-investigation","authority":"br-mpf","not_possible":"no joint teams in Brazilian law","alternative":"asset-tracing"}
EOS
ui_feed "$T/source.jsonl"
printf 'country = br\n' >>"$XDG_CONFIG_HOME/globe/config"
"$GLOBE" sync --quiet || { echo "Bail out! the first sync failed"; exit 1; }
sed -e 's/"title":"Case Officer"/"title":"Senior Case Officer"/' \
    -e '/"id":"c-7"/d' "$T/source.jsonl" >"$T/source2.jsonl"
cat >>"$T/source2.jsonl" <<'EOS'
{"type":"contact","id":"c-6","authority":"es-fcc","name":"Lucía Ortega","title":"Prosecutor","role":"focal-point","email":"lucia.ortega@example.org","verified":"2099-01-01"}
EOS
ui_feed "$T/source2.jsonl"
printf 'country = br\n' >>"$XDG_CONFIG_HOME/globe/config"
"$GLOBE" sync --quiet || { echo "Bail out! the second sync failed"; exit 1; }
"$GLOBE" note c-2 "Prefers calls" >/dev/null &&
    "$GLOBE" flag c-2 "Moved to Recife" >/dev/null ||
	{ echo "Bail out! the note or the flag failed"; exit 1; }

# wait_line WHERE TEXT [gone]: until the top or bottom line (or any
# line) holds TEXT, or with "gone" no longer does, and the screen is the
# same 0.1 s later; the screen is then in $T/cur.
wait_line() {
	_i=0
	: >"$T/prev"
	while :; do
		$TM capture-pane -p -t ui >"$T/cur" 2>/dev/null
		case $1 in
		top) _l=$(head -n 1 "$T/cur") ;;
		bottom) _l=$(tail -n 1 "$T/cur") ;;
		*) _l=$(cat "$T/cur") ;;
		esac
		case $_l in
		*"$2"*) _hit=yes ;;
		*) _hit=no ;;
		esac
		[ "${3:-}" = gone ] && { [ $_hit = yes ] && _hit=no || _hit=yes; }
		if [ $_hit = yes ] && cmp -s "$T/cur" "$T/prev"; then
			return 0
		fi
		cp "$T/cur" "$T/prev"
		_i=$((_i + 1))
		if [ $_i -ge 150 ]; then
			echo "# waited 15 s for the $1 line ${3:+not }to hold: $2"
			return 1
		fi
		sleep 0.1
	done
}

# shot NAME WHERE TEXT [gone]: waits as wait_line does and keeps the
# screen as the next NN-NAME.txt of this language and size.
shot() {
	wait_line "$2" "$3" "${4:-}"
	nshot=$((nshot + 1))
	cp "$T/cur" "$shots/$(printf '%02d' $nshot)-$1.txt"
}

# The text to wait for on screen NAME, in the language as drawn.
w() {
	cat "$T/waits/$ll/$1"
}

for ll in $langs; do
	po="$srcdir/po/$ll.po"
	env="LANGUAGE=$ll"
	if [ "$ll" = en ]; then
		po=-
		env=
	fi
	case $ll in
	ar|ar_*|fa|fa_*|he|he_*|ur|ur_*|ckb|dv|ps|sd|ug|yi|ks)
		if [ $have_fribidi = no ]; then
			echo "# SKIP $ll: written right to left, and the fribidi tool is not installed (Debian: libfribidi-bin)"
			continue
		fi ;;
	esac
	mkdir -p "$T/waits/$ll"
	python3 "$CHECK" waits "$ll" "$po" "$T/waits/$ll" ||
		{ fail "$ll: the catalogue reads"; continue; }
	for size in 80x24 40x12; do
		shots="$T/shots/$ll-$size"
		nshot=0
		mkdir -p "$shots"
		UI_ENV=$env ui_start "$size"
		shot countries top "$(w countries)"
		ui_keys Enter
		shot country top "Brazil"
		ui_keys j Enter
		shot authority top "Polícia Federal"
		ui_keys Tab Enter
		shot contact top "Ana Souza"
		# The last line, then what an action makes of it.
		ui_keys y
		shot copied bottom "$(tail -n 1 "$T/cur")" gone
		ui_keys n
		shot note bottom "$(tail -n 1 "$T/cur")" gone
		ui_keys Escape
		wait_line bottom "$(tail -n 1 "$T/cur")" gone
		ui_keys f
		shot flag bottom "$(tail -n 1 "$T/cur")" gone
		ui_keys Escape
		wait_line bottom "$(tail -n 1 "$T/cur")" gone
		ui_keys /
		ui_type jose
		shot search any "José Núñez"
		ui_keys Escape
		wait_line top "$(w search)" gone
		ui_keys w
		shot routes top "$(w routes)"
		ui_type br
		ui_keys Enter
		shot measures top "Brazil"
		ui_type tr
		ui_keys Enter
		shot question top "$(w question)"
		ui_keys Enter
		shot card top "$(w card)"
		ui_keys 4
		shot changes top "$(w changes)"
		ui_keys '?'
		shot help top "$(w help)"
		ui_keys 2
		shot news top "$(w news)"
		ui_keys Enter
		shot reader top "2024/1"
		python3 "$CHECK" check "$ll" "$po" "$builddir/po/globe.pot" \
		    "$T/source2.jsonl" "${size%x*}" "${size#*x}" "$shots" \
		    >"$T/check.out" 2>&1 || echo "not ok the checker failed" >>"$T/check.out"
		while IFS= read -r line; do
			case $line in
			"ok "*) pass "${line#ok }" ;;
			"not ok "*) fail "${line#not ok }" ;;
			*) echo "$line" ;;
			esac
		done <"$T/check.out"
	done
done

done_testing
