#!/bin/sh
# tests/feed/conformance.sh: the client against feed format v1. Publishes a
# small signed feed with globe-publish, syncs it (serial 1), then for each
# rule of the contract syncs a copy of the next serial broken in exactly
# that one way (crafted by mkfeed.py) and checks what a user sees: the
# documented exit code, an error naming the cause, and a cache whose
# checksum did not move. Then the forward-compatible cases are accepted, a
# good delta sync still works, an equal serial is a no-op, a replayed old
# index is a rollback, and a missing feed is a fetch error.
. "${srcdir:-.}/tests/lib.sh"

MKFEED="python3 $srcdir/tests/feed/mkfeed.py"

if [ ! -x "$GLOBE" ] || [ ! -x "$PUBLISH" ]; then
	echo "# SKIP globe or globe-publish not built"
	echo "1..0"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "# SKIP python3 not found"
	echo "1..0"
	exit 0
fi
unset SOURCE_DATE_EPOCH

# --- helpers --------------------------------------------------------------

# check_err WHAT ERE...: every extended regex matches $err (ignoring case).
check_err() {
	ewhat=$1; shift
	missing=
	for re in "$@"; do
		printf '%s\n' "$err" | grep -Eiq -- "$re" || missing="$missing [$re]"
	done
	if [ -z "$missing" ]; then pass "$ewhat"; else
		fail "$ewhat"
		printf '#   stderr lacks:%s\n#   stderr: %s\n' "$missing" \
		    "$(printf '%s' "$err" | head -c 600)"
	fi
}

checksum() { "$GLOBE" status --checksum 2>&1; }

# The main database (default path) is at serial 1 for every broken case;
# if a case wrongly changed it, it is put back so the next case is judged
# on its own.
DBDIR="$XDG_DATA_HOME/globe"
save_db() {
	rm -rf "$T/db-saved"
	cp -Rp "$DBDIR" "$T/db-saved"
}
restore_db() {
	rm -rf "$DBDIR"
	cp -Rp "$T/db-saved" "$DBDIR"
}

# copy NAME [FROM]: a fresh copy of a feed directory (default $F2).
copy() {
	rm -rf "$T/case/$1"
	mkdir -p "$T/case"
	cp -R "${2:-$F2}" "$T/case/$1"
	echo "$T/case/$1"
}

# resign DIR [KEY]: signs DIR/index.json again (with our key by default).
resign() {
	rm -f "$1/index.json.minisig"
	"$PUBLISH" --sign-file "$1/index.json" --sign "${2:-$KEY}" >/dev/null ||
	    echo "# resign failed: $1"
}

# ms_sign prehashed|legacy FILE: signs FILE with minisign and its own key.
ms_sign() {
	if [ "$1" = legacy ]; then
		minisign -S -l -s "$T/keys/ms.key" -m "$2" -t conformance </dev/null
	else
		minisign -S -s "$T/keys/ms.key" -m "$2" -t conformance </dev/null
	fi
}

# reject WHAT DIR ERE...: sync of DIR is refused with exit 4, stderr
# matches every ERE, and the cache checksum is the one before.
reject() {
	rcase=$1; rdir=$2; shift 2
	check_exit "$rcase: refused" 4 "$GLOBE" sync --feed "$rdir"
	check_err "$rcase: error names the cause" '^globe: ' "$@"
	after=$(checksum)
	check_eq "$rcase: cache unchanged" "$after" "$C1"
	[ "$after" = "$C1" ] || restore_db
}

# data_case WHAT CASE ERE...: a snapshot with the line of CASE inserted;
# the error must also name the object file and the line.
data_case() {
	dcase=$1; c=$2; shift 2
	d=$(copy "$c")
	set -- $($MKFEED line "$d" "$c") "$@"
	obj=$(basename "$1"); line=$2; shift 2
	resign "$d"
	reject "$dcase" "$d" "$obj" "line $line([^0-9]|\$)" "$@"
}

# --- the base feed ----------------------------------------------------------

cat >"$T/source1.jsonl" <<'EOF'
{"type":"country","code":"BR","name":"Brazil","region":"Americas"}
{"type":"country","code":"FR","name":"France","region":"Europe"}
{"type":"country","code":"JP","name":"Japan","region":"Asia-Pacific"}
{"type":"country","code":"UA","name":"Ukraine","region":"Europe"}
{"type":"authority","id":"br-pf","country":"BR","name":"Polícia Federal","name_en":"Federal Police","acronym":"PF","kind":"police","email":"pf@example.org","languages":["pt","en","es"],"expertise":["asset-recovery","money-laundering"],"designations":["mla-central"]}
{"type":"authority","id":"br-cgu","country":"BR","name":"Controladoria-Geral da União","acronym":"CGU","kind":"anti-corruption","languages":["pt"]}
{"type":"authority","id":"fr-afa","country":"FR","name":"Agence française anticorruption","acronym":"AFA","kind":"anti-corruption","languages":["fr","en"]}
{"type":"authority","id":"jp-ppo","country":"JP","name":"最高検察庁","name_en":"Supreme Public Prosecutors Office","kind":"prosecution","languages":["ja","en"]}
{"type":"authority","id":"ua-nabu","country":"UA","name":"Національне антикорупційне бюро України","acronym":"NABU","kind":"anti-corruption","languages":["uk","en"]}
{"type":"authority","id":"jp-moj","country":"JP","name":"法務省","name_en":"Ministry of Justice","kind":"ministry"}
{"type":"contact","id":"c-br-1","authority":"br-pf","name":"José da Silva","title":"Delegado","role":"focal-point","email":"jose@example.org","languages":["pt","en"],"timezone":"America/Sao_Paulo"}
{"type":"contact","id":"c-br-2","authority":"br-cgu","name":"Ana Souza","title":"Auditora","role":"case-officer","email":"ana@example.org"}
{"type":"contact","id":"c-fr-1","authority":"fr-afa","name":"Élodie Martin","title":"Cheffe de bureau","role":"focal-point","email":"elodie@example.org","languages":["fr","en"]}
{"type":"contact","id":"c-jp-1","authority":"jp-ppo","name":"山田 太郎","title":"検事","role":"focal-point","email":"yamada@example.org","languages":["ja","en"]}
{"type":"contact","id":"c-ua-1","authority":"ua-nabu","name":"Олена Коваль","title":"Detective","role":"focal-point","email":"olena@example.org","languages":["uk","en"]}
{"type":"contact","id":"c-ua-2","authority":"ua-nabu","name":"Ivan Petrenko","title":"Analyst","role":"case-officer","email":"ivan@example.org"}
{"type":"route","id":"r-jp-mla","country":"JP","measure":"mla","authority":"jp-moj","channel":"central-authority","formality":"formal","languages":["ja"],"requirements":["translation"]}
{"type":"route","id":"r-jp-info","country":"JP","measure":"informal-information","authority":"jp-ppo","contact":"c-jp-1","channel":"globe-scp","formality":"informal","languages":["ja","en:urgent-only"]}
{"type":"newsletter","id":"nl-2026-1","issue":"2026/1","published":"2026-03-31","lang":"en","title":"First quarter","summary":"News of the network.","body":"The network met in Vienna.\n\nNew members joined from three regions."}
{"type":"newsletter","id":"nl-2026-2","issue":"2026/2","published":"2026-06-30","lang":"en","title":"Second quarter","summary":"Asset recovery.","body":"Officers shared cases of asset recovery across borders.\n\nThe next meeting is in the autumn."}
EOF
# serial 2: one contact added, one changed, one removed, a newsletter added
grep -v '"c-ua-2"' "$T/source1.jsonl" |
    sed 's/"title":"Auditora"/"title":"Auditora-chefe"/' >"$T/source2.jsonl"
cat >>"$T/source2.jsonl" <<'EOF'
{"type":"contact","id":"c-fr-2","authority":"fr-afa","name":"Luc Bernard","title":"Enquêteur","role":"case-officer","email":"luc@example.org"}
{"type":"newsletter","id":"nl-2026-3","issue":"2026/3","published":"2026-09-30","lang":"en","title":"Third quarter","summary":"Training.","body":"A training on financial investigations took place."}
EOF

KEY="$T/keys/conf.key" PUB="$T/keys/conf.pub"
OTHER_KEY="$T/keys/other.key" OTHER_PUB="$T/keys/other.pub"
mkdir -p "$T/keys"
ok "keygen" "$PUBLISH" --keygen "$T/keys/conf"
ok "keygen (another key)" "$PUBLISH" --keygen "$T/keys/other"

F1="$T/feed1" F2="$T/feed2"
ok "publish serial 1" "$PUBLISH" --source "$T/source1.jsonl" --out "$F1" \
    --sign "$KEY" --feed-id conformance --expires-days 30 --quiet
rm -rf "$F2"
cp -R "$F1" "$F2"
ok "publish serial 2" "$PUBLISH" --source "$T/source2.jsonl" --out "$F2" \
    --sign "$KEY" --feed-id conformance --expires-days 30 --quiet

mkdir -p "$XDG_CONFIG_HOME/globe"
cat >"$XDG_CONFIG_HOME/globe/config" <<EOF
# conformance suite
feed = $F1
pubkey = $PUB
EOF

check_exit "sync serial 1" 0 "$GLOBE" sync
check_contains "sync serial 1: summary" "$out" "synced serial 1"
C1=$(checksum)
case "$C1" in
[0-9a-f][0-9a-f][0-9a-f][0-9a-f]*) pass "status --checksum is hex" ;;
*) fail "status --checksum is hex"; echo "#   got: $C1" ;;
esac
save_db

# --- signature --------------------------------------------------------------

d=$(copy bad-signature)
$MKFEED tamper-index "$d"
reject "index byte changed after signing" "$d" 'signature'

d=$(copy wrong-key)
resign "$d" "$OTHER_KEY"
reject "signed by another key" "$d" 'signature|key'
# control: the same copy is good once that key is configured (rotation)
cat >"$T/two-keys.conf" <<EOF
feed = $F1
pubkey = $OTHER_PUB
pubkey = $PUB
EOF
check_exit "signed by another key: accepted with both keys configured" 0 \
    "$GLOBE" --config "$T/two-keys.conf" --db "$T/two-keys.db" sync --feed "$d"

d=$(copy unsigned)
rm -f "$d/index.json.minisig"
reject "missing signature" "$d" 'signed|signature'
cat >"$T/unsigned.conf" <<EOF
feed = $F1
pubkey = $PUB
allow_unsigned = yes
EOF
check_exit "missing signature: accepted with allow_unsigned = yes" 0 \
    "$GLOBE" --config "$T/unsigned.conf" --db "$T/unsigned.db" sync --feed "$d"
check_exit "missing signature: accepted with --allow-unsigned" 0 \
    "$GLOBE" --db "$T/unsigned2.db" sync --feed "$d" --allow-unsigned

# interoperability with minisign(1): globe-publish signatures verify with
# minisign -V; minisign -S signatures (prehashed and legacy) verify in globe
if command -v minisign >/dev/null 2>&1; then
	ok "globe-publish signature verifies with minisign -V" \
	    minisign -V -p "$PUB" -m "$F2/index.json"
	ok "minisign -G -W" minisign -G -W -p "$T/keys/ms.pub" -s "$T/keys/ms.key"
	cat >"$T/minisign.conf" <<EOF2
feed = $F1
pubkey = $T/keys/ms.pub
EOF2
	for mode in prehashed legacy; do
		d=$(copy "minisign-$mode")
		rm -f "$d/index.json.minisig"
		ok "minisign -S ($mode)" ms_sign "$mode" "$d/index.json"
		check_exit "signed by minisign -S ($mode): accepted" 0 \
		    "$GLOBE" --config "$T/minisign.conf" \
		    --db "$T/minisign-$mode.db" sync --feed "$d"
	done
fi

# --- objects ----------------------------------------------------------------

d=$(copy bad-hash)
$MKFEED flip-object "$d"
reject "object byte flipped" "$d" 'sha-?256|hash'

d=$(copy wrong-size)
$MKFEED size "$d" 1
resign "$d"
reject "index size off by one" "$d" 'size'

for f in feed_id kind serial from; do
	case $f in
	feed_id) v='"another-feed"' ;;
	kind) v=swap ;;
	serial) v=3 ;;
	from) v=0 ;;
	esac
	d=$(copy "header-$f")
	$MKFEED header "$d" "$f" "$v"
	resign "$d"
	reject "object header $f differs from the index" "$d" 'header'
done

# --- the index --------------------------------------------------------------

d=$(copy expired)
$MKFEED time "$d" issued -172800
$MKFEED time "$d" expires -86400
resign "$d"
reject "expired" "$d" 'expire'

d=$(copy future)
$MKFEED time "$d" issued 3600
resign "$d"
reject "issued an hour in the future" "$d" 'future'
# control: within the allowed skew it is fine
d=$(copy near-future)
$MKFEED time "$d" issued 60
resign "$d"
check_exit "issued 60 s in the future (within skew): accepted" 0 \
    "$GLOBE" --db "$T/near-future.db" sync --feed "$d"

# An index valid for longer than max_valid_days (365 by default) would
# let a frozen copy be served for all that time, as one in the year 9999
# would for ever.
d=$(copy valid-too-long)
$MKFEED time "$d" expires $((366 * 86400))
resign "$d"
reject "valid for 366 days" "$d" 'longer than the 365 days allowed'
d=$(copy valid-9999)
python3 - "$d/index.json" <<'PY'
import json, sys
p = sys.argv[1]; i = json.load(open(p)); i["expires"] = "9999-12-31T23:59:59Z"
open(p, "w").write(json.dumps(i))
PY
resign "$d"
reject "expires in the year 9999" "$d" 'max_valid_days'
# control: within a limit the user raised, and within the default
d=$(copy valid-364)
$MKFEED time "$d" expires $((364 * 86400))
resign "$d"
check_exit "valid for 364 days: accepted" 0 \
    "$GLOBE" --db "$T/valid-364.db" sync --feed "$d"
printf 'feed = %s\npubkey = %s\nmax_valid_days = 400\n' "$F1" "$PUB" >"$T/valid.conf"
check_exit "valid for 366 days with max_valid_days = 400: accepted" 0 \
    "$GLOBE" --config "$T/valid.conf" --db "$T/valid-366.db" sync --feed "$T/case/valid-too-long"

d=$(copy feed-id)
$MKFEED feed-id "$d" another-feed
resign "$d"
reject "another feed_id than the cached one" "$d" 'feed.?id'

d=$(copy big-index)
$MKFEED big-index "$d"
resign "$d"
reject "index.json over 1 MiB" "$d" 'larg|big|size|limit|exceed|long'

d=$(copy path-dotdot)
$MKFEED path "$d" dotdot
resign "$d"
reject "object path with ../" "$d" 'path'

d=$(copy format)
$MKFEED set "$d" format '"globe-feed/2"'
resign "$d"
reject "index format globe-feed/2" "$d" 'format|globe-feed'

d=$(copy path-absolute)
$MKFEED path "$d" absolute
resign "$d"
reject "absolute object path" "$d" 'path'

# --- record lines -----------------------------------------------------------

# control: the snapshot-only rewrite itself is a good feed
d=$(copy snapshot-only)
$MKFEED snapshot-only "$d" >/dev/null
resign "$d"
cp -Rp "$T/db-saved" "$T/control"
check_exit "control: re-signed snapshot-only copy accepted" 0 \
    "$GLOBE" --db "$T/control/globe.db" sync --feed "$d"

data_case "duplicate key" duplicate-key 'duplicate' 'acronym'
data_case "missing required field" missing-field 'missing|required' 'name'
data_case "number for a string" number-for-string 'string' 'name'
data_case "string for a list" string-for-list 'list|array' 'languages'
data_case "delete line in a snapshot" delete-in-snapshot 'delete'
data_case "invalid UTF-8" bad-utf8 'utf-?8|decode'
data_case "\\u0000 in a string" nul 'nul|u0000|zero'
data_case "line over 1 MiB" long-line 'long|larg|limit|exceed|big|size'
data_case "string over 256 KiB" long-string 'long|larg|limit|exceed|big|size'
data_case "nesting deeper than 4" deep 'depth|deep|nest'
data_case "trailing garbage after the object" trailing-garbage '.'
data_case "route without a measure" route-no-measure 'missing' 'measure'
data_case "route rank not a decimal" route-bad-rank 'rank' 'decimal'
data_case "route rank a number" route-rank-number 'rank' 'string'
data_case "route from_countries a string" route-string-for-list \
    'from_countries' 'list'
data_case "route with a duplicate key" route-duplicate-key 'duplicate' \
    'measure'

# A dangling reference is found once the whole change set is read.
d=$(copy dangling)
$MKFEED line "$d" dangling >/dev/null
resign "$d"
reject "contact of a missing authority" "$d" 'authority' 'xx-missing'

# A route names its country, its authority and maybe a contact of that
# authority: each must be there once the change set is applied.
for c in route-no-authority:xx-missing route-no-country:XX \
    route-no-contact:c-missing route-contact-elsewhere:br-cgu; do
	d=$(copy "${c%%:*}")
	$MKFEED line "$d" "${c%%:*}" >/dev/null
	resign "$d"
	reject "${c%%:*}" "$d" 'route r-bad' "${c#*:}"
done

# Deltas are checked against the cache: a delete must name a known kind,
# and references must resolve once the change set is applied.
d=$(copy delta-delete-referenced)
$MKFEED delta-line "$d" delete-referenced-authority >/dev/null
resign "$d"
reject "delta deletes an authority a contact still uses" "$d" 'br-cgu'

d=$(copy delta-delete-route-authority)
$MKFEED delta-line "$d" delete-route-authority >/dev/null
resign "$d"
reject "delta deletes an authority only a route still names" "$d" \
    "route r-jp-mla: field 'authority': no authority 'jp-moj'"

d=$(copy delta-delete-route-contact)
$MKFEED delta-line "$d" delete-route-contact >/dev/null
resign "$d"
reject "delta deletes the contact a route names" "$d" \
    "route r-jp-info: field 'contact': no contact 'c-jp-1'"

d=$(copy delta-move-route-contact)
$MKFEED delta-line "$d" move-route-contact >/dev/null
resign "$d"
reject "delta moves a route's contact to another authority" "$d" \
    "route r-jp-info: field 'contact': contact 'c-jp-1' works for authority 'fr-afa', not for the route's 'jp-ppo'"

d=$(copy delta-delete-of-delete)
set -- $($MKFEED delta-line "$d" delete-of-delete)
resign "$d"
reject "delta deletes a delete line" "$d" "$(basename "$1")" \
    "line $2([^0-9]|\$)" "field 'of': \"delete\" is not one of"

# Failed downloads leave no temporary files behind.
check_eq "no download-*.part left in the data directory" \
    "$(cd "$DBDIR" && ls | grep -c '^download-')" 0

# --- forward compatible -----------------------------------------------------

d=$(copy delete-route)
$MKFEED delta-line "$d" accepted-delete-route >/dev/null
resign "$d"
cp -Rp "$T/db-saved" "$T/delete-route"
check_exit "delta deletes a route: accepted" 0 \
    "$GLOBE" --db "$T/delete-route/globe.db" sync --feed "$d"
check_contains "delta deletes a route: counted" "$out" "routes +0 ~0 -1"
check_exit "delta deletes a route: the route is gone" 1 \
    "$GLOBE" --db "$T/delete-route/globe.db" show r-jp-mla
check_exit "delta deletes a route: the other route stays" 0 \
    "$GLOBE" --db "$T/delete-route/globe.db" show r-jp-info

# A delete of a type from a later version of the format is skipped, as
# that type's records are (a client before routes refused a route's).
d=$(copy delta-delete-unknown)
$MKFEED delta-line "$d" delete-unknown-target >/dev/null
resign "$d"
cp -Rp "$T/db-saved" "$T/delete-unknown"
check_exit "delta deletes a record of an unknown type: accepted" 0 \
    "$GLOBE" --db "$T/delete-unknown/globe.db" sync --feed "$d"
check_contains "delta deletes a record of an unknown type: the rest applies" \
    "$out" "synced serial 2"
check_exit "delta deletes a record of an unknown type: the directory stays" 0 \
    "$GLOBE" --db "$T/delete-unknown/globe.db" show c-fr-2

d=$(copy unknown-type)
$MKFEED line "$d" accepted-unknown-type >/dev/null
resign "$d"
check_exit "unknown record type: accepted" 0 \
    "$GLOBE" --db "$T/unknown-type.db" sync --feed "$d"
check_exit "unknown record type: the rest is there" 0 \
    "$GLOBE" --db "$T/unknown-type.db" show c-fr-2
check_contains "unknown record type: the rest is there (name)" "$out" \
    "Luc Bernard"

d=$(copy unknown-field)
$MKFEED line "$d" accepted-unknown-field >/dev/null
resign "$d"
check_exit "unknown fields: accepted" 0 \
    "$GLOBE" --db "$T/unknown-field.db" sync --feed "$d"
check_exit "unknown fields: the record is kept" 0 \
    "$GLOBE" --db "$T/unknown-field.db" show zz-new
check_contains "unknown fields: the record is kept (name)" "$out" "Órgão Novo"

# --- after all that, the good feed still syncs -------------------------------

check_eq "main cache still at serial 1" "$(checksum)" "$C1"
check_exit "good delta sync to serial 2" 0 "$GLOBE" sync --feed "$F2"
check_contains "good delta sync: summary" "$out" "synced serial 2 (was 1)"
C2=$(checksum)
if [ -n "$C2" ] && [ "$C2" != "$C1" ]; then pass "good delta sync: checksum changed"
else fail "good delta sync: checksum changed"; fi
check_exit "good delta sync: the new contact" 0 "$GLOBE" show c-fr-2
check_contains "good delta sync: the new contact (name)" "$out" "Luc Bernard"

check_exit "equal serial" 0 "$GLOBE" sync --feed "$F2"
check_contains "equal serial: already up to date" "$out" "already up to date"
check_eq "equal serial: cache unchanged" "$(checksum)" "$C2"

# from here on the cache is at serial 2
C1=$C2
save_db

# an equal serial is still verified before "nothing to do"
d=$(copy equal-bad-signature)
$MKFEED tamper-index "$d"
reject "equal serial, index changed after signing" "$d" 'signature'

# a replay of the serial-1 index (and its good signature) after serial 2
d=$(copy rollback)
cp "$F1/index.json" "$F1/index.json.minisig" "$d/"
reject "serial-1 index replayed after serial 2" "$d" 'rollback|older'

check_exit "feed directory that does not exist" 3 \
    "$GLOBE" sync --feed "$T/no-such-feed"
check_err "feed directory that does not exist: error" '^globe: '
check_eq "feed directory that does not exist: cache unchanged" \
    "$(checksum)" "$C2"
check_exit "file:// URL that does not exist" 3 \
    "$GLOBE" sync --feed "file://$T/no-such-feed"
check_eq "file:// URL that does not exist: cache unchanged" \
    "$(checksum)" "$C2"

done_testing
