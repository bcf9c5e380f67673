#!/bin/sh
# tests/reliability/invisible.sh: characters that draw nothing must not
# let one address pass for another. A zero-width space, word joiner, BOM
# or tag character is shown as <U+XXXX> wherever a person reads it (human
# output, vCard); in e-mails, phones, web addresses and ids the zero-width
# joiners are shown too, while names keep the ZWNJ and ZWJ their scripts
# need.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/reliability/lib-rel.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"; done_testing; exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "# SKIP python3 not found"; done_testing; exit 0
fi
rel_setup
python3 - >"$T/src.jsonl" <<'PY'
import json
recs = [
 {"type": "country", "code": "IR", "name": "Iran"},
 {"type": "authority", "id": "ir-x", "country": "IR", "name": "Inspection",
  "website": "https://exam\u2060ple.org", "email": "info\ufeff@example.org"},
 {"type": "contact", "id": "c-zwsp", "authority": "ir-x", "name": "Ana Zwsp",
  "email": "ana\u200b@example.org", "phone": "+98 21\u200d 555"},
 {"type": "contact", "id": "c-zwj", "authority": "ir-x", "name": "Bahram Zwj",
  "email": "bahram\u200d@example.org"},
 {"type": "contact", "id": "c-tag", "authority": "ir-x",
  "name": "Tag\U000E0041\U000E0042 Person", "email": "tag@example.org"},
 {"type": "contact", "id": "c-fa", "authority": "ir-x",
  "name": "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 Farsi",
  "email": "fa@example.org"},
]
for r in recs:
    print(json.dumps(r, ensure_ascii=False))
PY
rel_publish "$T/src.jsonl"
check_exit "sync" 0 "$GLOBE" sync

check_exit "show a contact with a zero-width space in its e-mail" 0 "$GLOBE" show c-zwsp
check_contains "zero-width space in an e-mail: shown" "$out" "ana<U+200B>@example.org"
check_not_contains "zero-width space: not hidden" "$out" "$(printf 'ana\342\200\213@')"
check_contains "ZWJ in a phone: shown" "$out" "+98 21<U+200D> 555"
check_exit "show a contact with ZWJ in its e-mail" 0 "$GLOBE" show c-zwj
check_contains "ZWJ in an e-mail: shown" "$out" "bahram<U+200D>@example.org"
check_exit "show the authority" 0 "$GLOBE" show ir-x
check_contains "word joiner in a website: shown" "$out" "exam<U+2060>ple.org"
check_contains "BOM in an e-mail: shown" "$out" "info<U+FEFF>@example.org"
check_exit "search the tagged name" 0 "$GLOBE" search tag
check_contains "tag characters in a name: shown" "$out" "Tag<U+E0041><U+E0042>"
check_exit "show a Persian name with ZWNJ" 0 "$GLOBE" show c-fa
check_contains "ZWNJ in a name: kept, as the script needs" "$out" \
    "$(printf '\331\205\333\214\342\200\214\330\256')"
check_not_contains "ZWNJ in a name: not shown as a code" "$out" "<U+200C>"
check_exit "search lists the address" 0 "$GLOBE" contacts ir-x
check_contains "a list shows it too" "$out" "ana<U+200B>@example.org"

check_exit "vCard of the contact" 0 "$GLOBE" show c-zwsp --vcard
check_contains "vCard: the e-mail shows its zero-width space" "$out" "EMAIL:ana<U+200B>@example.org"
check_exit "vCard of the ZWJ contact" 0 "$GLOBE" show c-zwj --vcard
check_contains "vCard: ZWJ in the e-mail shown" "$out" "EMAIL:bahram<U+200D>@example.org"
check_exit "vCard of the Persian name" 0 "$GLOBE" show c-fa --vcard
check_contains "vCard: the name keeps its ZWNJ" "$out" \
    "FN:$(printf '\331\205\333\214\342\200\214\330\256')"

done_testing
