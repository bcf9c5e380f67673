#!/bin/sh
# tests/reliability/hostile-feed.sh: a signed feed whose every field is hostile
# (escape sequences, BEL, \r, C1 controls, bidi overrides and isolates,
# CSV formula starts, vCard separators and a newline that would start a
# new vCard property), shown by every command in every format: nothing
# raw reaches the terminal, CSV formula cells are neutralised, vCard
# values are escaped, JSON stays valid. Then the parser limits the
# conformance suite does not cover (tests/feed/conformance.sh has
# duplicate keys, \u0000, invalid UTF-8, trailing garbage, nesting depth,
# the 256 KiB string and 1 MiB line caps, ../ and absolute paths): huge
# numbers in a record, the index and a header, a 10 MB string, and an
# object path on another host. The cap on records per object is proved
# by tests/unit/test-limits.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/reliability/lib-rel.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"; done_testing; exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "# SKIP python3 not found"; done_testing; exit 0
fi
CRAFT="python3 $srcdir/tests/reliability/craft.py"
rel_setup

# --- the hostile directory ----------------------------------------------
python3 - >"$T/evil.jsonl" <<'PY'
import json
bad = ("\x1b]0;pwned\x07\x1b[31mred\x1b[0m\r\u009b2J\u202eliveE\u2066x\u2069"
       "\u0085\x7f,;\\\nTEL:+1-666")
starts = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(1)", "\tcmd", "\rcr"]
def v(i):
    return starts[i % len(starts)] + bad
recs = [
 {"type": "country", "code": "BR", "name": "Brazil " + bad, "region": v(0)},
 {"type": "authority", "id": "br-evil", "country": "BR", "name": "Evil " + bad,
  "name_en": v(1), "acronym": v(2), "kind": v(3), "website": v(4),
  "address": v(5), "phone": v(0), "email": v(1), "languages": [v(2), "pt"],
  "expertise": [v(3)], "designations": [v(4)], "joined": v(5),
  "verified": v(0), "source": v(1), "notes": v(2)},
 {"type": "contact", "id": "c-evil", "authority": "br-evil", "name": "Evil " + bad,
  "title": v(0), "role": v(1), "email": v(2), "phone": v(3), "mobile": v(4),
  "languages": [v(5)], "timezone": v(0), "hours": v(1), "verified": v(2)},
 {"type": "route", "id": "r-evil", "country": "BR", "measure": "evil" + v(0),
  "authority": "br-evil", "contact": "c-evil", "channel": v(1),
  "formality": v(2), "urgency": v(3), "stage": v(4), "from_countries": [v(5)],
  "languages": [v(0) + ":urgent-only", "en:" + v(1)], "requirements": [v(2)],
  "requirements_text": v(3), "legal_basis": [v(4)], "hours": v(5),
  "timezone": v(0), "rank": "1", "verified": v(1), "source": v(2),
  "notes": "Evil " + bad},
 {"type": "newsletter", "id": "nl-evil", "issue": v(0), "published": "2026-01-01",
  "lang": v(1), "title": "Evil " + bad, "summary": v(2),
  "body": "para " + bad + "\n\nsecond " + bad, "url": v(3)},
]
for r in recs:
    print(json.dumps(r, ensure_ascii=False))
PY
rel_publish "$T/evil.jsonl"
check_exit "sync the hostile feed" 0 "$GLOBE" sync
check_exit "star the hostile contact" 0 "$GLOBE" star c-evil

# check FORMAT FILE: what must hold of the bytes of FILE.
cat >"$T/check.py" <<'PY'
import csv, io, json, re, sys
fmt, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
problems = []
if b"\x1b" in data: problems.append("raw ESC")
if b"\x07" in data: problems.append("raw BEL")
if b"\x7f" in data: problems.append("raw DEL")
if re.search(rb"\r(?!\n)", data): problems.append("bare CR")
if fmt != "csv" and fmt != "vcard" and b"\r" in data: problems.append("CR")
if re.search(rb"\xc2[\x80-\x9f]", data): problems.append("C1 control")
if re.search(rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]", data):
    problems.append("bidi override or isolate")
text = data.decode("utf-8", "strict")
if fmt == "json":
    json.loads(text)
elif fmt == "csv":
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                problems.append("formula cell %r" % cell[:20])
elif fmt == "vcard":
    lines = re.sub(r"\r\n[ \t]", "", text).split("\r\n")
    for l in lines:
        if l == "":
            continue
        if not re.match(r"^[A-Z][A-Z0-9-]*(;[^:]*)?:", l):
            problems.append("not a property line %r" % l[:30])
        if l.startswith("TEL:+1-666"):
            problems.append("injected property")
    if "\\,\\;" not in text:
        problems.append("',;' not escaped")
if not any(w in text for w in ("Evil", "evil", "Brazil")):
    problems.append("the record is not shown")
print("; ".join(sorted(set(problems))) or "clean")
PY

for cmd in "countries" "members BR" "authority br-evil" "contacts" \
    "contacts br-evil" "show c-evil" "show br-evil" "search evil" \
    "newsletters" "read nl-evil" "starred" "status" "route BR" \
    "show r-evil" "measures"; do
	for fmt in human json csv vcard; do
		case "$fmt:$cmd" in
		vcard:countries|vcard:newsletters|vcard:read*|vcard:status) continue ;;
		vcard:show\ r-evil|vcard:measures) continue ;;
		csv:status|vcard:*) ;;
		esac
		flag=; [ "$fmt" = human ] || flag="--$fmt"
		# shellcheck disable=SC2086
		COLUMNS=100 "$GLOBE" $flag $cmd >"$T/out.$fmt" 2>"$T/err"
		st=$?
		if [ "$st" -ne 0 ]; then
			# status has no CSV form: a usage error is an answer too
			if [ "$st" -eq 2 ]; then continue; fi
			fail "$cmd ($fmt): exit $st"; head -n 3 "$T/err" | sed 's/^/#   /'
			continue
		fi
		r=$(python3 "$T/check.py" "$fmt" "$T/out.$fmt" 2>&1 | tail -n 1)
		# status and measures name no record: their bytes are checked
		case $cmd in status|measures)
			[ "$r" = "the record is not shown" ] && r=clean ;;
		esac
		check_eq "$cmd ($fmt): nothing raw reaches the terminal" "$r" clean
	done
done
# A route's card, every field of it hostile, through the route command.
"$GLOBE" route BR --json >"$T/out" 2>&1
measure=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["measure"], end="")' "$T/out")
for fmt in human json csv; do
	flag=; [ "$fmt" = human ] || flag="--$fmt"
	# shellcheck disable=SC2086
	COLUMNS=100 "$GLOBE" $flag route BR "$measure" >"$T/out.$fmt" 2>"$T/err"
	r=$(python3 "$T/check.py" "$fmt" "$T/out.$fmt" 2>&1 | tail -n 1)
	check_eq "route BR (a hostile measure, $fmt): nothing raw reaches the terminal" "$r" clean
	r=$(python3 "$T/check.py" human "$T/err" 2>&1 | sed 's/; the record is not shown//; s/^the record is not shown$/clean/')
	check_eq "route BR (a hostile measure, $fmt): its stderr too" "$r" clean
done

# stderr too: an error naming a hostile id
"$GLOBE" show "$(printf 'x\033[2J\r')" >"$T/out" 2>"$T/err"
r=$(python3 "$T/check.py" human "$T/err" 2>&1 | sed 's/; the record is not shown//; s/^the record is not shown$/clean/')
check_eq "an error message with a hostile argument is clean" "$r" clean

# --- parser limits --------------------------------------------------------
rel_gen A 5 >"$T/a.jsonl"
rm -rf "$T/feed" "$XDG_DATA_HOME/globe"
rel_publish "$T/a.jsonl"
check_exit "sync serial 1" 0 "$GLOBE" sync
C1=$(checksum)
rel_publish "$T/a.jsonl"

# refuse WHAT ERE DIR: refused with exit 4, stderr matches ERE, unchanged
refuse() {
	check_exit "$1: refused" 4 "$GLOBE" sync --feed "$3"
	if printf '%s' "$err" | grep -Eiq "$2"; then pass "$1: says why"
	else fail "$1: says why"; printf '#   stderr: %s\n' "$(printf '%s' "$err" | head -c 300)"; fi
	check_eq "$1: cache unchanged" "$(checksum)" "$C1"
}
resign() {
	rm -f "$1/index.json.minisig"
	"$PUBLISH" --sign-file "$1/index.json" --sign "$T/k.key" >/dev/null
}
case_line() {
	d="$T/case-$1"; rm -rf "$d"; cp -R "$T/feed" "$d"
	line=$($CRAFT line "$d" "$T/line")
	resign "$d"
	refuse "$2" "line $line.*$3" "$d"
}
printf '{"type":"country","code":"HN","name":"Huge","population":1e400}\n' >"$T/line"
case_line huge-real "a number too large for a double (1e400)" 'number|overflow|range|large'
printf '{"type":"country","code":"HN","name":"Huge","population":123456789012345678901234567890}\n' >"$T/line"
case_line huge-int "an integer over 2^63" 'number|overflow|range|large|integer'
python3 -c 'print("{\"type\":\"country\",\"code\":\"TM\",\"name\":\"%s\"}" % ("m" * 10485760))' >"$T/line"
case_line ten-mb "a 10 MB string" 'long|larg|limit|exceed|big'

d="$T/case-index-serial"; rm -rf "$d"; cp -R "$T/feed" "$d"
$CRAFT index "$d" serial 123456789012345678901234567890
resign "$d"
refuse "index serial over 2^63" 'serial|number|integer|overflow' "$d"
d="$T/case-header-serial"; rm -rf "$d"; cp -R "$T/feed" "$d"
$CRAFT header "$d" '{"format":"globe-feed/1","feed_id":"reliability-test","kind":"snapshot","serial":1e999}'
resign "$d"
refuse "header serial 1e999" 'header' "$d"
d="$T/case-host"; rm -rf "$d"; cp -R "$T/feed" "$d"
$CRAFT host "$d"
resign "$d"
refuse "object path on another host" 'path' "$d"
check_exit "the good feed still syncs" 0 "$GLOBE" sync

done_testing
