# tests/reliability/lib-rel.sh: sourced by the reliability suites after
# tests/lib.sh. A signing key and a config for the feed at $T/feed, a
# generator of directory sources of any size, and the two checks every
# fault case ends with.
#
#   rel_setup                    key $T/k.{key,pub}, config feed = $T/feed
#   rel_gen VARIANT N >FILE      3 countries, 3 authorities, N+1 contacts;
#                                VARIANT changes every contact's title
#   rel_publish FILE             the next serial of $T/feed from FILE
#   checksum [DB]                `globe status --checksum` (of DB)
#   integrity DB                 "ok" if PRAGMA integrity_check says so
#                                (python3's sqlite3: not globe's own code)
: "${T:?source tests/lib.sh first}"

rel_setup() {
	"$PUBLISH" --keygen "$T/k" >/dev/null 2>&1
	mkdir -p "$XDG_CONFIG_HOME/globe"
	cat >"$XDG_CONFIG_HOME/globe/config" <<CONF
feed = $T/feed
pubkey = $T/k.pub
CONF
}

rel_gen() {
	awk -v variant="$1" -v n="$2" 'BEGIN {
	print "{\"type\":\"country\",\"code\":\"BR\",\"name\":\"Brazil\",\"region\":\"Americas\"}"
	print "{\"type\":\"country\",\"code\":\"FR\",\"name\":\"France\",\"region\":\"Europe\"}"
	print "{\"type\":\"country\",\"code\":\"JP\",\"name\":\"Japan\",\"region\":\"Asia\"}"
	print "{\"type\":\"authority\",\"id\":\"br-pf\",\"country\":\"BR\",\"name\":\"Polícia Federal\",\"acronym\":\"PF\"}"
	print "{\"type\":\"authority\",\"id\":\"fr-pnf\",\"country\":\"FR\",\"name\":\"Parquet national financier\"}"
	print "{\"type\":\"authority\",\"id\":\"jp-ppo\",\"country\":\"JP\",\"name\":\"最高検察庁\"}"
	print "{\"type\":\"contact\",\"id\":\"c-0\",\"authority\":\"br-pf\",\"name\":\"José Silva\",\"title\":\"Delegado\"}"
	split("br-pf fr-pnf jp-ppo", auth, " ")
	for (i = 1; i <= n; i++)
		printf "{\"type\":\"contact\",\"id\":\"c-%d\",\"authority\":\"%s\",\"name\":\"Person %d Example %s\",\"title\":\"Officer %s %d\",\"email\":\"p%d@example.org\"}\n", i, auth[i % 3 + 1], i, variant, variant, i, i
	}'
}

rel_publish() {
	"$PUBLISH" --source "$1" --out "$T/feed" --sign "$T/k.key" \
		--feed-id reliability-test --quiet
}

checksum() {
	if [ $# -gt 0 ]; then "$GLOBE" --db "$1" status --checksum 2>&1
	else "$GLOBE" status --checksum 2>&1; fi
}

integrity() {
	python3 - "$1" <<'PY' 2>&1
import sqlite3, sys
try:
    db = sqlite3.connect(sys.argv[1], timeout=30)
    print(";".join(r[0] for r in db.execute("PRAGMA integrity_check")))
except Exception as e:
    print("error: %s" % e)
PY
}
