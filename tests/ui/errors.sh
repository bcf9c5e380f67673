#!/bin/sh
# tests/ui/errors.sh: a cache that cannot be read is said, never shown as
# an empty list. The interface is open on a good cache; then the pages of
# the contacts table and its indexes are overwritten under it (as a bad
# disk or a stray write would), and the screens that read contacts say
# the cache is corrupt in the status line and in the view itself. Then,
# on a fresh cache each time, the reads behind a key: n on a record whose
# note cannot be read (the prompt must not open empty: Enter there removes
# the note), n in the reader when the newsletters cannot be read, and F2
# when the countries to choose from cannot be read.
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

# corrupt TABLE-OR-INDEX...: writes garbage over every page of them in
# $DB (as a bad disk or a stray write would); prints how many pages.
corrupt() {
	python3 - "$DB" "$@" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
size = c.execute("PRAGMA page_size").fetchone()[0]
names = sys.argv[2:]
pages = [r[0] for r in c.execute(
    "SELECT pageno FROM dbstat WHERE name IN (%s)" %
    ",".join("?" * len(names)), names)]
c.close()
with open(sys.argv[1], "r+b") as f:
    for p in pages:
        f.seek((p - 1) * size)
        f.write(b"\xde\xad\xbe\xef" * (size // 4))
print(len(pages))
PY
}
# checkpoint: what the WAL holds goes into the file; fresh_cache: the test
# feed synced into a new cache, checkpointed.
checkpoint() {
	python3 -c '
import sqlite3, sys
sqlite3.connect(sys.argv[1]).execute("PRAGMA wal_checkpoint(TRUNCATE)")
' "$DB"
}
fresh_cache() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$GLOBE" sync --quiet
	checkpoint
}

corrupt contacts contacts_authority contacts_sort >"$T/pages"
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

# --- n on a record whose note cannot be read ----------------------------------
# The screens hold what they read in SQLite's page cache, so after the
# pages are overwritten another process commits (a star added and taken
# back): globe sees the commit, reloads the screen and reads the pages.
commit_elsewhere() {
	python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO stars (type, id) VALUES (\"contact\", \"zz\")")
c.execute("DELETE FROM stars WHERE id = \"zz\"")
c.commit()
' "$DB"
}
ui_keys q q q q q
fresh_cache
check_exit "a note on Polícia Federal" 0 "$GLOBE" note br-pf "prefers phone"
checkpoint
ui_start 80x24
ui_expect_text "the interface opens again" "Brazil"
ui_keys Enter j Enter
ui_expect_text "Polícia Federal's screen shows the note" "prefers phone"
check_eq "pages of the notes were overwritten" \
    "$([ "$(corrupt notes)" -gt 0 ] && echo yes)" yes
commit_elsewhere
ui_expect_text "the reload says the cache cannot be read" "cannot read the cache"
# Without the fix n opened an empty prompt and M went into it.
ui_keys n M
ui_expect_text "n opens no prompt: M shows the messages" "Federal › Messages"
check_not_contains "no empty note prompt" "$(ui_capture)" "your note on"

# --- n in the reader, when the newsletters cannot be read ---------------------
ui_keys q q q q q q
fresh_cache
ui_start 80x24
ui_expect_text "the interface opens again" "Brazil"
ui_keys 2 Enter
ui_expect_text "a newsletter opens" "Newsletters ›"
check_eq "pages of the newsletters were overwritten" \
    "$([ "$(corrupt newsletters)" -gt 0 ] && echo yes)" yes
commit_elsewhere
ui_expect_text "the reload says the cache cannot be read" "cannot read the cache"
ui_keys n M
ui_expect_text "M shows the messages" "› Messages"
check_not_contains "n did not say that no newsletter is unread" \
    "$(ui_capture)" "no next unread newsletter"

# --- F2, when the countries to choose from cannot be read ---------------------
ui_keys q q q q q q
fresh_cache
ui_start 80x24
ui_expect_text "the interface opens again" "Brazil"
ui_keys /
ui_type "jose"
ui_expect_text "the search finds José" "José Conceição"
check_eq "pages of the countries were overwritten" \
    "$([ "$(corrupt countries)" -gt 0 ] && echo yes)" yes
commit_elsewhere
sleep 2
ui_keys F2
ui_expect_text "F2 says the cache cannot be read" "cannot read the cache"
check_not_contains "and opens no country prompt without choices" \
    "$(ui_capture)" "country filter (code or name)"

done_testing
