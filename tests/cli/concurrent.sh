#!/bin/sh
# tests/cli/concurrent.sh: readers and a writer on one cache. A reader
# process loops `globe search` and `globe countries` while `globe sync`
# applies serial after serial (the publisher alternating two sources) to
# the same database: no reader fails or sees an empty directory, and no
# sync fails (SQLite WAL, busy timeout, one transaction per sync).
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"
	done_testing
	exit 0
fi

"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
mkdir -p "$XDG_CONFIG_HOME/globe"
cat >"$XDG_CONFIG_HOME/globe/config" <<EOF
feed = $T/feed
pubkey = $T/k.pub
EOF

# Two sources of a few thousand contacts, so a sync takes a while; both
# keep José Silva and the three countries, and differ in every other
# contact's title.
gen() {
	awk -v variant="$1" 'BEGIN {
	print "{\"type\":\"country\",\"code\":\"BR\",\"name\":\"Brazil\",\"region\":\"Americas\"}"
	print "{\"type\":\"country\",\"code\":\"FR\",\"name\":\"France\",\"region\":\"Europe\"}"
	print "{\"type\":\"country\",\"code\":\"JP\",\"name\":\"Japan\",\"region\":\"Asia\"}"
	print "{\"type\":\"authority\",\"id\":\"br-pf\",\"country\":\"BR\",\"name\":\"Polícia Federal\",\"acronym\":\"PF\"}"
	print "{\"type\":\"authority\",\"id\":\"fr-pnf\",\"country\":\"FR\",\"name\":\"Parquet national financier\"}"
	print "{\"type\":\"authority\",\"id\":\"jp-ppo\",\"country\":\"JP\",\"name\":\"最高検察庁\"}"
	print "{\"type\":\"contact\",\"id\":\"c-0\",\"authority\":\"br-pf\",\"name\":\"José Silva\",\"title\":\"Delegado\"}"
	split("br-pf fr-pnf jp-ppo", auth, " ")
	for (i = 1; i <= 3000; i++)
		printf "{\"type\":\"contact\",\"id\":\"c-%d\",\"authority\":\"%s\",\"name\":\"Person %d Example\",\"title\":\"Officer %s %d\",\"email\":\"p%d@example.org\"}\n", i, auth[i % 3 + 1], i, variant, i, i
	}'
}
gen A >"$T/a.jsonl"
gen B >"$T/b.jsonl"

publish() {
	"$PUBLISH" --source "$1" --out "$T/feed" --sign "$T/k.key" \
		--feed-id concurrent-test --quiet
}
publish "$T/a.jsonl"
check_exit "first sync" 0 "$GLOBE" sync

# The reader: until told to stop, search and list; count runs and failures.
reader() {
	runs=0
	fails=0
	while [ ! -f "$T/stop" ]; do
		s=$("$GLOBE" search jose 2>>"$T/reader.err"); rs=$?
		c=$("$GLOBE" countries 2>>"$T/reader.err"); rc=$?
		runs=$((runs + 1))
		case "$s" in *"José Silva"*) ;; *) rs=99 ;; esac
		case "$c" in *Japan*) ;; *) rc=99 ;; esac
		if [ "$rs" -ne 0 ] || [ "$rc" -ne 0 ]; then
			fails=$((fails + 1))
			echo "run $runs: search $rs, countries $rc" >>"$T/reader.err"
		fi
	done
	echo "$runs $fails" >"$T/reader.result"
}
rm -f "$T/stop" "$T/reader.result" "$T/reader.err"
: >"$T/reader.err"
reader &
reader_pid=$!

syncs=0
sync_fails=0
i=0
while [ $i -lt 8 ]; do
	if [ $((i % 2)) -eq 0 ]; then publish "$T/b.jsonl"; else
		publish "$T/a.jsonl"; fi
	if "$GLOBE" sync --quiet 2>>"$T/sync.err"; then :; else
		sync_fails=$((sync_fails + 1))
	fi
	syncs=$((syncs + 1))
	i=$((i + 1))
done
touch "$T/stop"
wait "$reader_pid"

check_eq "every sync succeeded" "$sync_fails of $syncs failed" "0 of 8 failed"
sed 's/^/#   sync: /' "$T/sync.err" 2>/dev/null | head -n 5
read -r runs fails <"$T/reader.result"
if [ "$runs" -gt 0 ]; then pass "the reader ran ($runs rounds)"; else
	fail "the reader ran"; fi
check_eq "no reader failed" "$fails" 0
sed 's/^/#   reader: /' "$T/reader.err" | head -n 5

check_exit "status after the storm" 0 "$GLOBE" status --json
ok "serial 9, all contacts there" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["serial"] == 9 and d["counts"]["contacts"] == 3001, d
' "$T/out"
check_exit "the last source is in force" 0 "$GLOBE" show c-7
check_contains "titles of source A" "$out" "Officer A 7"

done_testing
