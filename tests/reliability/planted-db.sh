#!/bin/sh
# tests/reliability/planted-db.sh: a cache file globe did not write (a
# --db someone planted, a file restored from elsewhere) must not run SQL
# of its own inside globe, and values its schema forbids must read as
# corruption, never as a crash:
#   - a trigger on sync_state that re-forges a contact after every
#     verified sync, a view, a table of its own, a missing index: refused
#     at open, exit 5, the file untouched, and the rebuild works
#   - NULLs in NOT NULL columns (written behind SQLite's back, as a crafted
#     file can hold them): every command exits 5 "corrupt", no crash
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/reliability/lib-rel.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"; done_testing; exit 0
fi
if ! python3 -c 'import sqlite3' 2>/dev/null; then
	echo "# SKIP python3 with sqlite3 not found"; done_testing; exit 0
fi

rel_setup
rel_gen A 30 >"$T/a.jsonl"
rel_publish "$T/a.jsonl"
DB="$XDG_DATA_HOME/globe/globe.db"
check_exit "a first sync" 0 "$GLOBE" sync
cp "$DB" "$T/good.db"

# sql DB STATEMENTS: python3's sqlite3 (not globe) changes the file.
sql() {
	python3 - "$@" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.executescript(sys.argv[2])
db.close()
PY
}
fsum() { sha256sum <"$1" | cut -c1-64; }
no_crash() {
	if [ "$status" -lt 128 ] && ! grep -q 'Sanitizer\|runtime error' "$T/err"
	then pass "$1: no crash"; else
		fail "$1: no crash (exit $status)"; head -n 5 "$T/err" | sed 's/^/#   /'
	fi
}

# --- objects globe did not create ----------------------------------------
for plant in \
    "trigger|did not create|CREATE TRIGGER reforge AFTER UPDATE ON sync_state BEGIN UPDATE contacts SET email = 'attacker@evil.example'; END;" \
    "trigger calling globe's functions|did not create|CREATE TRIGGER reforge AFTER UPDATE ON sync_state BEGIN UPDATE contacts SET email = globe_fold('ATTACKER@EVIL.EXAMPLE'); END;" \
    "view|did not create|CREATE VIEW v AS SELECT * FROM contacts;" \
    "table|did not create|CREATE TABLE extra (x);" \
    "missing index|tables and indexes is missing|DROP INDEX contacts_sort;"; do
	what=${plant%%|*}; rest=${plant#*|}; needle=${rest%%|*}; stmt=${rest#*|}
	cp "$T/good.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
	sql "$DB" "$stmt"
	before=$(fsum "$DB")
	rel_gen B 30 >"$T/b.jsonl"
	for cmd in sync status "search person" contacts; do
		check_exit "a planted $what: $cmd refused" 5 "$GLOBE" $cmd
		no_crash "a planted $what: $cmd"
		check_contains "a planted $what: $cmd says why" "$err" "$needle"
		check_contains "a planted $what: $cmd says how to rebuild" "$err" "globe sync"
	done
	check_eq "a planted $what: the file is untouched" "$(fsum "$DB")" "$before"
done
# The reviewer's case end to end: without the check, the trigger ran after
# the verified sync and every contact carried the attacker's e-mail.
cp "$T/good.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
sql "$DB" "CREATE TRIGGER reforge AFTER UPDATE ON sync_state BEGIN UPDATE contacts SET email = 'attacker@evil.example'; END;"
rel_publish "$T/b.jsonl"
"$GLOBE" sync >/dev/null 2>&1
email=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from contacts where email = ?", ("attacker@evil.example",)).fetchone()[0])' "$DB")
check_eq "a planted trigger: no contact was re-forged" "$email" 0
mv "$DB" "$T/planted.db"; rm -f "$DB-wal" "$DB-shm"
check_exit "moved away, globe sync rebuilds it" 0 "$GLOBE" sync
check_contains "rebuilt: the newest serial" "$out" "synced serial 2"

# --- NULLs where the schema says NOT NULL --------------------------------
# Written with the constraint lifted (writable_schema), then put back: the
# schema text is globe's own, the rows are not.
cp "$DB" "$T/good2.db"
for spec in contacts:name search_entry:ref search_entry:sort_key \
    authorities:name countries:name newsletters:title; do
	t=${spec%%:*}; col=${spec#*:}
	cp "$T/good2.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
	sql "$DB" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, ' $col TEXT NOT NULL', ' $col TEXT') WHERE name = '$t';"
	sql "$DB" "UPDATE $t SET $col = NULL;"
	sql "$DB" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, ' $col TEXT,', ' $col TEXT NOT NULL,') WHERE name = '$t';"
	for cmd in "search person" "search a" countries "members BR" contacts newsletters "show c-1" "status --checksum"; do
		"$GLOBE" $cmd >"$T/out" 2>"$T/err"; status=$?
		no_crash "NULL $t.$col: $cmd"
		if [ "$status" -eq 0 ] || [ "$status" -eq 1 ]; then
			# A command that never reads that column: fine, but what it
			# printed must hold no empty required field.
			pass "NULL $t.$col: $cmd (not read, exit $status)"
		elif [ "$status" -eq 5 ]; then
			check_contains "NULL $t.$col: $cmd says corrupt" "$(cat "$T/err")" "corrupt"
		else
			fail "NULL $t.$col: $cmd: exit 0, 1 or 5 (got $status)"
			head -n 3 "$T/err" | sed 's/^/#   /'
		fi
	done
done
# At least the reading paths the reviewer hit are refused, not shown.
cp "$T/good2.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
sql "$DB" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, ' ref TEXT NOT NULL', ' ref TEXT') WHERE name = 'search_entry';"
sql "$DB" "UPDATE search_entry SET ref = NULL;"
check_exit "NULL search_entry.ref: globe search says corrupt" 5 "$GLOBE" search person
check_contains "NULL search_entry.ref: how to rebuild" "$err" "globe sync"
cp "$T/good2.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
sql "$DB" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, ' name TEXT NOT NULL,', ' name TEXT,') WHERE name = 'contacts';"
sql "$DB" "UPDATE contacts SET name = NULL;"
check_exit "NULL contacts.name: globe contacts says corrupt" 5 "$GLOBE" contacts
check_exit "NULL contacts.name: globe status --checksum says corrupt" 5 "$GLOBE" status --checksum

done_testing
