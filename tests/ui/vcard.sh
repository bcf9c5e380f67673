#!/bin/sh
# tests/ui/vcard.sh: v saves a vCard to a file named from a safe set of
# characters (ASCII letters, digits, - _ and ., no leading dot) in the
# current directory, and asks before it overwrites a file (no is the
# default): n keeps the old file, y replaces it. A hostile id (U+202E, a
# C1 control, DEL, / and ..) still gives a safe name in that directory.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
cat >>"$T/source.jsonl" <<'EOS'
{"type":"contact","id":"../\u202eevil\u0085/x\u007f","authority":"es-fcc","name":"Hostile Id","title":"Clerk","email":"h@example.org"}
EOS
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet

ui_start 80x24
ui_expect_text "the interface opens" "Countries"
ui_keys Enter j Enter Tab j Enter
ui_expect_text "on José Conceição" "› José Conceição"
ui_keys v
ui_expect_text "v offers the id as the file name" "save vCard to: c-1.vcf"
ui_keys Enter
ui_expect_text "the first time it writes at once" "vCard written to c-1.vcf"
check_contains "the file holds the contact" "$(cat "$T/c-1.vcf")" \
    "FN:José Conceição"

echo "an officer's own file" >"$T/c-1.vcf"
ui_keys v Enter
ui_expect_text "an existing file: it asks first" \
    "c-1.vcf exists: overwrite? (y/N)"
ui_keys n
ui_expect_text "n: not overwritten" "not overwritten: c-1.vcf"
check_eq "n kept the old file" "$(cat "$T/c-1.vcf")" "an officer's own file"

ui_keys v Enter
ui_expect_text "asked again" "c-1.vcf exists: overwrite? (y/N)"
ui_keys Enter
ui_expect_text "Enter is no too (the default)" "not overwritten: c-1.vcf"
check_eq "the default kept the old file" "$(cat "$T/c-1.vcf")" \
    "an officer's own file"

ui_keys v Enter
ui_expect_text "and again" "c-1.vcf exists: overwrite? (y/N)"
ui_keys y
ui_expect_text "y replaces it" "vCard written to c-1.vcf"
check_contains "the file now holds the vCard" "$(cat "$T/c-1.vcf")" \
    "FN:José Conceição"

# A hostile id: each unsafe character is one "_", the dots stay but not first.
ui_keys Escape Escape Escape End Enter Enter Tab
ui_expect_text "on the Spanish authority's contacts" "Hostile Id"
ui_keys Enter
ui_expect_text "on the hostile contact" "› Hostile Id"
ui_keys v
ui_expect_text "the offered name is made safe" \
    "save vCard to: _.__evil__x_.vcf"
ui_keys Enter
ui_expect_text "written under the safe name" "vCard written to _.__evil__x_.vcf"
check_eq "the file is in the current directory" \
    "$(ls "$T" | grep -c 'evil')" 1
check_contains "it holds the contact" "$(cat "$T/_.__evil__x_.vcf")" \
    "FN:Hostile Id"
check_eq "nothing was written outside" "$(ls "$T/.." | grep -c evil)" 0
ui_keys q q q q q
ui_expect_text "quit" "[globe exited 0]"

done_testing
