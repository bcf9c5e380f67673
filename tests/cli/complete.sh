#!/bin/sh
# tests/cli/complete.sh: shell completion as a user at a prompt gets it.
# bash's completion function is driven as bash drives it (COMP_WORDS,
# COMP_CWORD, then COMPREPLY read back) against a real cache synced from
# a feed published here; fish through its own `complete -C`; zsh typed
# into a real zsh in tmux. Also: `globe __complete` offers every command
# and option the help texts name, offers nothing a terminal could not
# show, prints nothing on stderr without a cache, and never waits for a
# locked cache. GLOBE_BASH_COMPLETION, GLOBE_ZSH_COMPLETION and
# GLOBE_FISH_COMPLETION test installed scripts instead of the sources.
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"
	done_testing
	exit 0
fi
if ! command -v bash >/dev/null 2>&1; then
	echo "# SKIP bash not installed"
	done_testing
	exit 0
fi
BASH_COMP=${GLOBE_BASH_COMPLETION:-$srcdir/completions/globe}
ZSH_COMP=${GLOBE_ZSH_COMPLETION:-$srcdir/completions/_globe}
FISH_COMP=${GLOBE_FISH_COMPLETION:-$srcdir/completions/globe.fish}

cat >"$T/src.jsonl" <<'EOF'
{"type":"country","code":"BR","name":"Brazil","region":"Americas"}
{"type":"country","code":"NZ","name":"New Zealand","region":"Oceania"}
{"type":"country","code":"TR","name":"Türkiye","region":"Europe"}
{"type":"country","code":"CI","name":"Côte d'Ivoire","region":"Africa"}
{"type":"authority","id":"br-pf","country":"BR","name":"Polícia Federal","kind":"police","languages":["pt","en"],"expertise":["asset-recovery"]}
{"type":"authority","id":"br-cgu","country":"BR","name":"Controladoria-Geral da União","kind":"anti-corruption"}
{"type":"authority","id":"nz-sfo","country":"NZ","name":"Serious Fraud Office","kind":"anti-fraud"}
{"type":"authority","id":"tr-evil\u001b[2J","country":"TR","name":"Escape \u001b]0;pwned\u0007 in its id"}
{"type":"authority","id":"tr-masak","country":"TR","name":"MASAK \u202eevil","kind":"financial-intelligence"}
{"type":"contact","id":"c-1","authority":"br-pf","name":"José Silva","role":"focal-point"}
{"type":"contact","id":"c-2","authority":"br-pf","name":"Ana Souza","role":"case-officer"}
{"type":"contact","id":"c-10","authority":"nz-sfo","name":"Kiri Walker","role":"focal-point"}
{"type":"route","id":"r-br-trace","country":"BR","measure":"asset-tracing","authority":"br-pf"}
{"type":"route","id":"r-br-bank","country":"BR","measure":"bank-records","authority":"br-cgu"}
{"type":"newsletter","id":"nl-2026-1","title":"First issue","published":"2026-03-31"}
{"type":"newsletter","id":"nl-2026-2","title":"Second issue","published":"2026-06-30"}
EOF
"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
"$PUBLISH" --source "$T/src.jsonl" --out "$T/feed" --sign "$T/k.key" \
	--feed-id test-feed --quiet
mkdir -p "$XDG_CONFIG_HOME/globe"
printf 'feed = %s\npubkey = %s\n' "$T/feed" "$T/k.pub" \
	>"$XDG_CONFIG_HOME/globe/config"

# --- no cache yet: less to offer, and not a word on stderr ----------------
check_exit "__complete with no cache" 0 "$GLOBE" __complete line members ""
check_eq "no cache: only the directive" "$out" ":words"
check_eq "no cache: nothing on stderr" "$err" ""
check_exit "__complete show with no cache" 0 "$GLOBE" __complete line show c
check_eq "no cache: show offers nothing" "$out" ":words"
check_eq "no cache: nothing on stderr (show)" "$err" ""
ok "no cache: still none after completing" test ! -e "$XDG_DATA_HOME/globe/globe.db"

"$GLOBE" sync --quiet || echo "Bail out! sync failed"

# --- the protocol, against the help texts --------------------------------
check_exit "__complete spec" 0 "$GLOBE" __complete spec
check_not_contains "every command has a completion row" "$out" " ?"
check_contains "spec: members takes a country" "$out" "members country"
check_contains "spec: config takes a word" "$out" "config word"
# The commands --help lists, and no other.
want=$("$GLOBE" --help | sed -n '/^commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' | sort)
got=$("$GLOBE" __complete line "" | sed 1d | cut -f1 | sort)
check_eq "the commands are those of --help" "$got" "$want"
# Every option --help names (before or after the command) is offered.
opts=$("$GLOBE" __complete line - | sed 1d | cut -f1)
missing=""
for o in $("$GLOBE" --help | sed -n '/^options/,/^$/p' | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	printf '%s\n' "$opts" | grep -qx -- "$o" || missing="$missing $o"
done
check_eq "every global option of --help is offered" "$missing" ""
# And each command's own options, as its --help lists them.
missing=""
for c in $want; do
	copts=$("$GLOBE" __complete line "$c" -- | sed 1d | cut -f1)
	for o in $("$GLOBE" help "$c" | sed -n '/^options:/,/^$/p' | grep -o -- '^  --[a-z][a-z-]*' | tr -d ' '); do
		printf '%s\n' "$copts" | grep -qx -- "$o" || missing="$missing $c:$o"
	done
done
check_eq "every command's own options are offered" "$missing" ""
check_exit "descriptions after a tab" 0 "$GLOBE" __complete line mem
check_eq "members, with its summary" "$out" ":words
members	List the member authorities of a country (code CC or name)."

# --- hostile values never reach the terminal --------------------------------
check_exit "__complete authority ids" 0 "$GLOBE" __complete line authority tr
check_not_contains "an id with ESC is not offered" "$out" "$(printf '\033')"
check_contains "a clean id is" "$out" "tr-masak"
check_not_contains "no bidi override in a description" "$out" "$(printf '\342\200\256')"
"$GLOBE" __complete line --db "$XDG_DATA_HOME/globe/globe.db" authority "" \
	>"$T/all.out" 2>"$T/all.err"
ok "no raw control bytes in any answer" sh -c \
	"! LC_ALL=C grep -q '[[:cntrl:]]' '$T/all.out' || ! LC_ALL=C tr -d '\t\n' <'$T/all.out' | grep -q '[[:cntrl:]]'"

# --- bash: the completion function as bash calls it -----------------------
# bash_complete WORD...: COMP_WORDS as bash splits the line (so
# "--country=B" is "--country" "=" "B"); the last word is the one being
# completed ("" after a space). Prints COMPREPLY, one a line.
bash_complete() {
	bash -c '
		. "$1" || exit 1
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		_globe
		printf "%s\n" "${COMPREPLY[@]}"
	' bash "$BASH_COMP" "$GLOBE" "$@" 2>"$T/bash.err"
}
# Passes if bash offers exactly want (sorted, one a line) for the words.
bash_check() {
	what=$1 want=$2
	shift 2
	got=$(bash_complete "$@" | sort)
	check_eq "bash: $what" "$got" "$(printf '%s\n' "$want" | sort)"
}

ok "bash: the script loads and defines _globe" bash -c \
	". '$BASH_COMP' && complete -p globe | grep -q _globe"
bash_check "a command from its start" "members" mem
bash_check "several commands" "search
show
star
starred
status
sync" s
bash_check "a country by code, and names" "BR
Brazil" members B
bash_check "route: the measures the cache holds routes for" "asset-tracing
bank-records" route BR ""
bash_check "route: a measure by its start" "bank-records" route brazil ba
bash_check "a country by a name's start, case and accents aside" \
	"Türkiye" members turk
bash_check "a name with a space comes quoted" 'New\ Zealand' members new
bash_check "a name with an apostrophe comes quoted" "Côte\\ d\\'Ivoire" members cote
bash_check "every code when nothing is typed" "BR
CI
NZ
TR" members ""
bash_check "--country=, split at = as bash splits it" "Brazil" \
	search x --country = Bra
bash_check "--country value as the next word" "NZ
New\\ Zealand" search x --country N
bash_check "--role values from the cache" "focal-point" search x --role f
bash_check "--kind values" "anti-corruption
anti-fraud" search x --kind anti
bash_check "--language values" "en" search x --language e
bash_check "contact and authority ids for show" "c-1
c-10" show c-1
bash_check "authority ids for contacts" "br-cgu
br-pf" contacts br
bash_check "newsletter ids for read" "nl-2026-1
nl-2026-2" read nl
bash_check "a command's options" "--limit" countries --li
bash_check "global options after the command" "--demo" countries --dem
bash_check "--vcard only where the command writes it" "" status --vc
bash_check "--vcard where it does" "--vcard" members BR --vc
bash_check "config's words" "check" config ch
bash_check "device's words" "init
show" device ""
bash_check "help's argument is a command" "search" help sea
bash_check "after an unknown command, nothing" "" frobnicate ""
bash_check "search words: nothing to offer" "" search ""
mkdir -p "$T/files"
: >"$T/files/globe.conf"
bash_check "config check takes a file" "$T/files/globe.conf" config check "$T/files/glo"
bash_check "--token-file takes a file" "$T/files/globe.conf" sync --token-file "$T/files/glo"
bash_check "--passphrase-file takes a file" "$T/files/globe.conf" sync --passphrase-file "$T/files/glo"
bash_check "--db takes a file, and is used" "BR
Brazil" --db "$XDG_DATA_HOME/globe/globe.db" members B
bash_check "a quoted word is unquoted first" "Türkiye" members "'Tür"
check_eq "bash: nothing on stderr" "$(cat "$T/bash.err")" ""

# --demo completes from the demo cache, which it does not create.
bash_check "--demo without a demo cache: nothing" "" --demo members B
ok "--demo: completing made no demo cache" test ! -e "$XDG_DATA_HOME/globe/demo.db"

# A cache locked by a writer (a first sync holds it whole): completion
# answers at once with less, never waiting the 5 s other commands wait.
cp "$XDG_DATA_HOME/globe/globe.db" "$T/locked.db"
python3 - "$T/locked.db" "$T/lock.ready" <<'EOF' &
import sqlite3, sys, time, os
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA journal_mode=DELETE")
con.execute("BEGIN EXCLUSIVE")
con.execute("UPDATE countries SET name = name")
open(sys.argv[2], "w").close()
time.sleep(8)
EOF
lockpid=$!
i=0
while [ ! -f "$T/lock.ready" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
start=$(date +%s%N)
check_exit "a locked cache: completion still answers" 0 \
	"$GLOBE" __complete line --db "$T/locked.db" members B
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
if [ "$ms" -lt 2000 ]; then pass "a locked cache: no wait (${ms} ms)"
else fail "a locked cache: no wait (${ms} ms)"; fi
check_eq "a locked cache: nothing on stderr" "$err" ""
kill "$lockpid" 2>/dev/null
wait "$lockpid" 2>/dev/null

# --- fish: its own completion engine -----------------------------------------
mkdir -p "$T/bin"
ln -sf "$GLOBE" "$T/bin/globe"
if command -v fish >/dev/null 2>&1; then
	ok "fish -n" fish -n "$FISH_COMP"
	fish_complete() {
		PATH="$T/bin:$PATH" fish --no-config -c "source '$FISH_COMP'; complete -C '$1'" 2>"$T/fish.err"
	}
	got=$(fish_complete "globe mem")
	check_eq "fish: a command, with its summary" "$got" \
		"members	List the member authorities of a country (code CC or name)."
	got=$(fish_complete "globe search x --country=Bra")
	check_eq "fish: --country=" "$got" "--country=Brazil	BR"
	got=$(fish_complete "globe show c-1" | cut -f1 | sort | tr '\n' ' ')
	check_eq "fish: ids" "$got" "c-1 c-10 "
	got=$(fish_complete "globe config check $T/files/glo")
	check_eq "fish: a file" "$got" "$T/files/globe.conf"
	check_eq "fish: nothing on stderr" "$(cat "$T/fish.err")" ""
else
	echo "# fish not installed: fish completion not checked"
fi

# --- zsh: typed into a real zsh --------------------------------------------
if command -v zsh >/dev/null 2>&1; then
	ok "zsh -n" zsh -n "$ZSH_COMP"
fi
if command -v zsh >/dev/null 2>&1 && command -v tmux >/dev/null 2>&1; then
	mkdir -p "$T/zdot" "$T/zfunc"
	cp "$ZSH_COMP" "$T/zfunc/_globe"
	cat >"$T/zdot/.zshrc" <<EOF
fpath=("$T/zfunc" \$fpath)
autoload -Uz compinit && compinit -u -D
zstyle ':completion:*' list-prompt ''
unsetopt list_ambiguous
PS1='%% '
EOF
	TM="tmux -L globe-complete-$$ -f /dev/null"
	trap '$TM kill-server >/dev/null 2>&1' EXIT
	# zsh_type TEXT WANT: types TEXT and a Tab into a fresh zsh and
	# waits (5 s at most) for WANT on the screen; $pane holds the screen.
	zsh_type() {
		$TM kill-server >/dev/null 2>&1
		i=0
		while $TM ls >/dev/null 2>&1 && [ $i -lt 50 ]; do
			sleep 0.1; i=$((i + 1))
		done
		$TM new-session -d -s z -x 150 -y 20 \
		    "env HOME='$T/home' ZDOTDIR='$T/zdot' PATH='$T/bin:$PATH' TERM=screen XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' LC_ALL=C.UTF-8 zsh -i"
		i=0
		until $TM capture-pane -p -t z 2>/dev/null | grep -q '^% '; do
			sleep 0.1; i=$((i + 1)); [ $i -gt 50 ] && break
		done
		$TM send-keys -t z -l "$1"
		$TM send-keys -t z Tab
		i=0
		pane=""
		while [ $i -lt 50 ]; do
			pane=$($TM capture-pane -p -t z 2>/dev/null)
			case "$pane" in *"$2"*) break ;; esac
			sleep 0.1; i=$((i + 1))
		done
	}
	zsh_type "globe members turk" "globe members Türkiye"
	check_contains "zsh: a name, case and accents aside" "$pane" \
		"% globe members Türkiye"
	zsh_type "globe search x --country=Bra" "--country=Brazil"
	check_contains "zsh: --country=" "$pane" "% globe search x --country=Brazil"
	zsh_type "globe read nl" "Second issue"
	check_contains "zsh: ids listed with their titles" "$pane" \
		"nl-2026-2 -- Second issue"
	zsh_type "globe members new" "New\\ Zealand"
	check_contains "zsh: a name with a space, quoted" "$pane" \
		"% globe members New\\ Zealand"
	$TM kill-server >/dev/null 2>&1
else
	echo "# zsh or tmux not installed: zsh completion not driven"
fi

done_testing
