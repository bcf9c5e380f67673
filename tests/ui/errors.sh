#!/bin/sh
# tests/ui/errors.sh: a cache that cannot be read is said, never shown as
# an empty list. The interface is open on a good cache; then the pages of
# the contacts table and its indexes are overwritten under it (as a bad
# disk or a stray write would), and the screens that read contacts say
# the cache is corrupt in the status line and in the view itself.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet
DB="$XDG_DATA_HOME/globe/globe.db"
# Everything the WAL holds goes into the file first, so the pages below
# are the ones SQLite reads.
python3 -c '
import sqlite3, sys
sqlite3.connect(sys.argv[1]).execute("PRAGMA wal_checkpoint(TRUNCATE)")
' "$DB"

ui_start 80x24
ui_expect_text "the interface opens on the countries" "Brazil"

# corrupt_contacts: zeroes every page of the contacts table and its
# indexes, and writes garbage into them.
python3 - "$DB" >"$T/pages" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
size = c.execute("PRAGMA page_size").fetchone()[0]
pages = [r[0] for r in c.execute(
    "SELECT pageno FROM dbstat WHERE name IN "
    "('contacts', 'contacts_authority', 'contacts_sort')")]
c.close()
with open(sys.argv[1], "r+b") as f:
    for p in pages:
        f.seek((p - 1) * size)
        f.write(b"\xde\xad\xbe\xef" * (size // 4))
print(len(pages))
PY
check_eq "pages of the contacts table were overwritten" \
    "$([ "$(cat "$T/pages")" -gt 0 ] && echo yes)" yes

# Brazil's authorities are listed with their contact counts: the
# contacts' index is read, and it is broken.
ui_keys Enter
ui_expect_text "Brazil opens" "Countries › Brazil"
ui_expect_text "the status line says the cache is corrupt" \
    "cannot read the cache: the cache file is corrupt"
ui_capture >"$T/screen"
check_contains "the view says it too, below the summary" \
    "$(sed -n '5p' "$T/screen")" "the cache file is corrupt"
check_not_contains "never an empty list of authorities" "$(cat "$T/screen")" \
    "Authority "
ui_keys M
ui_expect_text "the messages keep it, with what to do" "move it away"
ui_expect_text "and how to rebuild it" "run \`globe sync\` to rebuild it"

done_testing
