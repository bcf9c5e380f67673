# tests/ui/lib-ui.sh: helpers for the curses interface suites. Source it
# after tests/lib.sh. The real globe runs in a private tmux server at a
# fixed size; keys go in with send-keys and the screen comes back with
# capture-pane, compared with tests/ui/screens/NAME.txt so a failure shows
# a diff of exactly what changed. UI_UPDATE=1 rewrites the expected files.
#
# Lines that depend on the clock are masked before comparing: the
# contact's local time, how many days a stale date is old, how long ago
# the last sync was, when a logged sync ran and the day a flag was made
# (tests that check it read the raw pane).

if ! command -v tmux >/dev/null 2>&1; then
	echo "# SKIP tmux not installed"
	echo "1..0"
	exit 0
fi

SCREENS="$srcdir/tests/ui/screens"
TMUX_SOCK="globe-test-$$"
TM="tmux -L $TMUX_SOCK -f /dev/null"
# A fixed publication time: "data as of 2026-11-20" on every run.
export SOURCE_DATE_EPOCH=1763632800
unset TMUX NO_COLOR

ui_cleanup() {
	$TM kill-server >/dev/null 2>&1
}
trap ui_cleanup EXIT

# ui_feed SOURCE: publishes SOURCE (JSON Lines) into $T/feed (the next
# serial after what is there), signed with a key made once per suite, and
# writes a config that points at it.
ui_feed() {
	if [ ! -f "$T/key.key" ]; then
		"$PUBLISH" --keygen "$T/key" >/dev/null 2>&1 || {
			echo "Bail out! globe-publish --keygen failed"; exit 1; }
	fi
	"$PUBLISH" --source "$1" --out "$T/feed" --sign "$T/key.key" \
	    --feed-id globe-ui-test --expires-days 36500 --quiet ||
		{ echo "Bail out! globe-publish failed"; exit 1; }
	mkdir -p "$XDG_CONFIG_HOME/globe"
	# Issued at the fixed SOURCE_DATE_EPOCH, so valid for a century:
	# allowed here, where no mirror can freeze it.
	printf 'feed = %s\npubkey = %s\nmax_valid_days = 36500\n' "$T/feed" \
	    "$T/key.pub" >"$XDG_CONFIG_HOME/globe/config"
}

# ui_start WxH [globe args...]: starts globe in a new tmux session "ui"
# (replacing the one there).
# When globe exits the pane says "[globe exited N]" and stays.
# UI_RAW=FILE appends every byte globe writes to FILE (tmux pipe-pane),
# from its very first one: globe starts once the pipe is there.
ui_start() {
	size=$1; shift
	: >"$T/args"
	[ $# -gt 0 ] && printf '%s\n' "$@" >"$T/args"
	rm -f "$T/run.go"
	[ -z "$UI_RAW" ] && : >"$T/run.go"
	cat >"$T/run.sh" <<EOS
cd "$T"
while [ ! -f "$T/run.go" ]; do sleep 0.05; done
set --
while IFS= read -r a; do set -- "\$@" "\$a"; done <"$T/args"
sh -c 'echo \$\$ >"\$0"; exec "\$@"' "$T/globe.pid" env ${UI_ENV} "$GLOBE" "\$@"
echo "[globe exited \$?]"
exec sleep 3600
EOS
	# One session per server: the old server is gone before the next
	# starts (a client reaching a server that is shutting down fails,
	# and tmux 3.3 crashes making a second sized session with
	# window-size manual). UI_ENV=VAR=VALUE adds to globe's environment.
	$TM kill-server >/dev/null 2>&1
	i=0
	while $TM ls >/dev/null 2>&1 && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	$TM new-session -d -s ui -x "${size%x*}" -y "${size#*x}" \
	    "sh $T/run.sh"
	$TM set-option -g status off >/dev/null
	$TM set-option -g set-clipboard on >/dev/null
	# Make the tmux window follow resize-window exactly.
	$TM set-option -g window-size manual >/dev/null 2>&1
	if [ -n "$UI_RAW" ]; then
		$TM pipe-pane -o -t ui "cat >>'$UI_RAW'"
		: >"$T/run.go"
	fi
}

# CPU ticks (user + system) globe has used so far.
ui_cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/$(cat "$T/globe.pid")/stat"
}

# How many times globe's threads went to sleep (voluntary context
# switches): each wait of the main loop is one.
ui_sleeps() {
	cat "/proc/$(cat "$T/globe.pid")"/task/*/status |
	    awk '/^voluntary_ctxt_switches/ { n += $2 } END { print n }'
}
ui_keys() {
	$TM send-keys -t ui "$@"
}

# Types text literally (no key names).
ui_type() {
	$TM send-keys -t ui -l "$1"
}

# ui_mouse BUTTON X Y [CLICKS]: mouse presses (and releases) at column X,
# line Y (1-based), as an xterm sends them (X10 encoding, which
# tmux-256color's kmous names). BUTTON: 0 left, 64 wheel up, 65 wheel
# down. CLICKS 2 is a double click (both within curses' interval).
ui_mouse() {
	b=$(printf "\\$(printf '%03o' $(($1 + 32)))")
	x=$(printf "\\$(printf '%03o' $(($2 + 32)))")
	y=$(printf "\\$(printf '%03o' $(($3 + 32)))")
	k=0
	while [ $k -lt "${4:-1}" ]; do
		$TM send-keys -t ui -l "$(printf '\033[M')$b$x$y"
		if [ "$1" -lt 64 ]; then
			$TM send-keys -t ui -l "$(printf '\033[M#')$x$y"
		fi
		k=$((k + 1))
	done
	sleep 0.3	# curses assembles the sequence before the next key
}

ui_resize() {
	$TM resize-window -t ui -x "${1%x*}" -y "${1#*x}"
}

ui_mask() {
	sed -e 's/ *$//' \
	    -e 's/^\([^L]\{0,3\}Local ti[^ ]* *\)[0-9][0-9]:[0-9][0-9] local.*/\1HH:MM local (masked)/' \
	    -e 's/stale: [0-9]* days old/stale: N days old/' \
	    -e 's/^[0-2][0-9]:[0-5][0-9]:[0-5][0-9]  /HH:MM:SS  /' \
	    -e 's/synced \(just now\|now\|[0-9][0-9]* \(min\|h\|days\) ago\|[0-9][0-9]*[mhd] ago\)/synced (ago)/' \
	    -e 's/\(Sync [0-9]* · \)[0-9-]* [0-9:]* UTC/\1(time)/' \
	    -e 's/ · 20[0-9][0-9]-[01][0-9]-[0-3][0-9] · \(waiting\|sent\)/ · (date) · \1/'
}

# The screen now (masked, trailing spaces dropped).
ui_capture() {
	$TM capture-pane -p -t ui | ui_mask
}

# ui_wait_for TEXT [SECONDS]: waits (10 s unless told) until the screen
# holds TEXT; 1 if it never does.
ui_wait_for() {
	i=0
	while [ $i -lt $((${2:-10} * 10)) ]; do
		if ui_capture | grep -F -q -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# Waits until the screen stops changing (two equal captures 0.2 s apart).
ui_settle() {
	prev=""
	i=0
	while [ $i -lt 50 ]; do
		cur=$(ui_capture)
		if [ -n "$cur" ] && [ "$cur" = "$prev" ]; then
			return 0
		fi
		prev=$cur
		sleep 0.2
		i=$((i + 1))
	done
}

# ui_expect NAME "what": the settled screen equals screens/NAME.txt. A
# settled screen that differs is looked at again for up to 10 s: on a
# loaded machine a redraw can come after the 0.2 s that ui_settle calls
# quiet (seen in CI after a resize), and a late frame is not a wrong one.
ui_expect() {
	_try=0
	while :; do
		ui_settle
		ui_capture >"$T/$1.got"
		if [ -n "$UI_UPDATE" ]; then
			cp "$T/$1.got" "$SCREENS/$1.txt"
		fi
		if diff -u "$SCREENS/$1.txt" "$T/$1.got" >"$T/$1.diff" 2>&1; then
			pass "$2 (screen $1)"
			return
		fi
		_try=$((_try + 1))
		[ $_try -lt 20 ] || break
		sleep 0.5
	done
	fail "$2 (screen $1)"
	sed 's/^/#   /' "$T/$1.diff" | head -n 60
}

# ui_expect_text "what" TEXT [SECONDS]: the screen shows TEXT in time.
ui_expect_text() {
	if ui_wait_for "$2" "$3"; then
		pass "$1"
	else
		fail "$1"
		echo "#   missing: $2"
		ui_capture | sed 's/^/#   | /'
	fi
}

# The directory every suite starts from: accents, CJK, Arabic, a stale
# contact, two newsletters. Written by the test, so screens never depend
# on the demo data.
ui_source() {
	cat >"$1" <<'EOS'
{"type":"country","code":"BR","name":"Brazil","region":"Americas"}
{"type":"country","code":"CN","name":"China","region":"Asia"}
{"type":"country","code":"EG","name":"Egypt","region":"Africa"}
{"type":"country","code":"ES","name":"Spain","region":"Europe"}
{"type":"authority","id":"br-pf","country":"BR","name":"Polícia Federal","name_en":"Federal Police","acronym":"PF","kind":"police","website":"https://www.gov.br/pf","phone":"+55 61 2024 8000","email":"coop.pf@example.org","languages":["pt","en","es"],"expertise":["asset-recovery","money-laundering"],"designations":["mla-central","globe-focal-point"],"joined":"2021-06-03","verified":"2099-01-01"}
{"type":"authority","id":"br-mpf","country":"BR","name":"Ministério Público Federal","name_en":"Federal Prosecution Service","acronym":"MPF","kind":"prosecution","email":"mpf@example.org","languages":["pt"],"expertise":["bribery"],"designations":["asset-recovery-focal-point"],"joined":"2021-06-03"}
{"type":"authority","id":"cn-ccdi","country":"CN","name":"中央纪律检查委员会","name_en":"Central Commission for Discipline Inspection","acronym":"CCDI","kind":"anti-corruption","email":"ccdi@example.org","languages":["zh","en"],"designations":["globe-focal-point"]}
{"type":"authority","id":"eg-aca","country":"EG","name":"هيئة الرقابة الإدارية","name_en":"Administrative Control Authority","acronym":"ACA","kind":"anti-corruption","email":"aca@example.org","languages":["ar","en"]}
{"type":"authority","id":"es-fcc","country":"ES","name":"Fiscalía Contra la Corrupción","name_en":"Anti-Corruption Prosecutor's Office","acronym":"FCC","kind":"prosecution","email":"fcc@example.org","languages":["es","en"],"expertise":["asset-recovery"]}
{"type":"contact","id":"c-1","authority":"br-pf","name":"José Conceição","title":"Focal Point","role":"focal-point","email":"jose.conceicao@example.org","phone":"+55 61 2024 8001","languages":["pt","en"],"timezone":"America/Sao_Paulo","hours":"Mon-Fri 09:00-18:00","verified":"2020-01-15"}
{"type":"contact","id":"c-2","authority":"br-pf","name":"Ana Souza","title":"Case Officer","role":"case-officer","email":"ana.souza@example.org","languages":["pt"],"verified":"2099-01-01"}
{"type":"contact","id":"c-3","authority":"cn-ccdi","name":"王秀英","title":"Liaison Officer","role":"focal-point","email":"wang.xiuying@example.org","languages":["zh","en"],"timezone":"Asia/Shanghai"}
{"type":"contact","id":"c-4","authority":"eg-aca","name":"أحمد البنا","title":"Senior Investigator","role":"focal-point","email":"ahmed.albanna@example.org","languages":["ar","en"]}
{"type":"contact","id":"c-5","authority":"es-fcc","name":"José Núñez","title":"Prosecutor","role":"focal-point","email":"jose.nunez@example.org","languages":["es","en"]}
{"type":"newsletter","id":"nl-1","issue":"2022/1","published":"2022-11-30","lang":"en","title":"Madrid 2022: the network grows","summary":"125 authorities from 69 States.","body":"The second plenary met in Madrid. Authorities shared how they trace and return stolen assets across borders, and agreed to keep the directory of focal points current.\n\nNext year the network meets again.","url":"https://example.org/nl/2022-1"}
{"type":"newsletter","id":"nl-2","issue":"2024/1","published":"2024-09-30","lang":"en","title":"Beijing 2024: 219 authorities","summary":"219 authorities from 121 States.","body":"北京会议讨论了资产追回。","url":"https://example.org/nl/2024-1"}
EOS
}
