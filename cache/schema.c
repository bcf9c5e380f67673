/*
 * schema.c: the cache's schema as an ordered list of migration steps,
 * applied by PRAGMA user_version. A new file runs them all; an older one
 * runs the missing ones in one transaction; a newer one is refused. Never
 * edit a shipped step: add a new one at the end.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cache/private.h"
#include "common/i18n.h"

struct migration {
	const char	*sql;
	int		 rebuild_search;	/* refill the search index after */
};

static const struct migration migrations[] = {
	/* 1: the directory, its lists, sync state and user state. */
	{
	"CREATE TABLE countries ("
	" code TEXT PRIMARY KEY NOT NULL,"
	" name TEXT NOT NULL,"
	" region TEXT,"
	" sort_key TEXT NOT NULL,"
	" hash INTEGER NOT NULL);"
	"CREATE INDEX countries_sort ON countries(sort_key, code);"

	"CREATE TABLE authorities ("
	" id TEXT PRIMARY KEY NOT NULL,"
	" country TEXT NOT NULL REFERENCES countries(code)"
	"  DEFERRABLE INITIALLY DEFERRED,"
	" name TEXT NOT NULL,"
	" name_en TEXT,"
	" acronym TEXT,"
	" kind TEXT,"
	" website TEXT,"
	" address TEXT,"
	" phone TEXT,"
	" email TEXT,"
	" joined TEXT,"
	" verified TEXT,"
	" source TEXT,"
	" notes TEXT,"
	" sort_key TEXT NOT NULL,"
	" hash INTEGER NOT NULL);"
	"CREATE INDEX authorities_country ON authorities(country, sort_key, id);"
	"CREATE INDEX authorities_sort ON authorities(sort_key, id);"
	"CREATE TABLE authority_languages (id TEXT NOT NULL,"
	" pos INTEGER NOT NULL, value TEXT NOT NULL,"
	" PRIMARY KEY (id, pos)) WITHOUT ROWID;"
	"CREATE TABLE authority_expertise (id TEXT NOT NULL,"
	" pos INTEGER NOT NULL, value TEXT NOT NULL,"
	" PRIMARY KEY (id, pos)) WITHOUT ROWID;"
	"CREATE TABLE authority_designations (id TEXT NOT NULL,"
	" pos INTEGER NOT NULL, value TEXT NOT NULL,"
	" PRIMARY KEY (id, pos)) WITHOUT ROWID;"

	"CREATE TABLE contacts ("
	" id TEXT PRIMARY KEY NOT NULL,"
	" authority TEXT NOT NULL REFERENCES authorities(id)"
	"  DEFERRABLE INITIALLY DEFERRED,"
	" name TEXT NOT NULL,"
	" title TEXT,"
	" role TEXT,"
	" email TEXT,"
	" phone TEXT,"
	" mobile TEXT,"
	" timezone TEXT,"
	" hours TEXT,"
	" verified TEXT,"
	" sort_key TEXT NOT NULL,"
	" hash INTEGER NOT NULL);"
	"CREATE INDEX contacts_authority ON contacts(authority, sort_key, id);"
	"CREATE INDEX contacts_sort ON contacts(sort_key, id);"
	"CREATE TABLE contact_languages (id TEXT NOT NULL,"
	" pos INTEGER NOT NULL, value TEXT NOT NULL,"
	" PRIMARY KEY (id, pos)) WITHOUT ROWID;"

	"CREATE TABLE newsletters ("
	" id TEXT PRIMARY KEY NOT NULL,"
	" issue TEXT,"
	" published TEXT NOT NULL,"
	" lang TEXT,"
	" title TEXT NOT NULL,"
	" summary TEXT,"
	" body TEXT,"
	" url TEXT,"
	" sort_key TEXT NOT NULL,"
	" hash INTEGER NOT NULL);"
	"CREATE INDEX newsletters_published ON newsletters(published DESC, id);"

	"CREATE TABLE sync_state ("
	" one INTEGER PRIMARY KEY CHECK (one = 1),"
	" feed_id TEXT,"
	" serial INTEGER NOT NULL DEFAULT -1,"
	" issued TEXT,"
	" expires TEXT,"
	" etag TEXT,"
	" last_modified TEXT,"
	" feed_url TEXT,"
	" last_sync INTEGER NOT NULL DEFAULT 0,"
	" last_result TEXT,"
	" last_success INTEGER NOT NULL DEFAULT 0);"

	/* User state: no foreign keys, ids may vanish and come back. */
	"CREATE TABLE stars (type TEXT NOT NULL, id TEXT NOT NULL,"
	" PRIMARY KEY (type, id)) WITHOUT ROWID;"
	"CREATE TABLE read_marks (id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;",
	0
	},

	/*
	 * 2: search. One entry per authority and contact; rowid order is
	 * name order; two external-content FTS5 indexes over its text.
	 */
	{
	"CREATE TABLE search_entry ("
	" rowid INTEGER PRIMARY KEY,"
	" type INTEGER NOT NULL,"
	" ref TEXT NOT NULL,"
	" country TEXT,"
	" akind TEXT,"
	" role TEXT,"
	" sort_key TEXT NOT NULL,"
	" acronym TEXT,"
	" auth TEXT,"
	" name TEXT NOT NULL,"
	" text TEXT NOT NULL);"
	"CREATE INDEX search_entry_key ON search_entry(sort_key, type, ref);"
	"CREATE INDEX search_entry_ref ON search_entry(ref, type);"
	"CREATE INDEX search_entry_acronym ON search_entry(acronym)"
	" WHERE acronym IS NOT NULL;"
	"CREATE VIRTUAL TABLE search_word USING fts5(name, text,"
	" content='search_entry', content_rowid='rowid',"
	" tokenize=\"unicode61 remove_diacritics 0 tokenchars ''\","
	" prefix='1 2');"
	"CREATE VIRTUAL TABLE search_tri USING fts5(text,"
	" content='search_entry', content_rowid='rowid',"
	" tokenize='trigram');",
	1
	},

	/*
	 * 3: a smaller, faster trigram index (no positions: a query ANDs a
	 * word's trigrams and checks the text), and the counts the lists
	 * and the status line show, kept by apply instead of counted on
	 * every start. The search index is rebuilt: SEARCH_STEP spacing.
	 */
	{
	"DROP TABLE search_tri;"
	"CREATE VIRTUAL TABLE search_tri USING fts5(text,"
	" content='search_entry', content_rowid='rowid',"
	" tokenize='trigram', detail='none');"
	"CREATE TABLE country_stats ("
	" code TEXT PRIMARY KEY NOT NULL,"
	" authorities INTEGER NOT NULL,"
	" contacts INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE totals ("
	" one INTEGER PRIMARY KEY CHECK (one = 1),"
	" countries INTEGER NOT NULL,"
	" authorities INTEGER NOT NULL,"
	" contacts INTEGER NOT NULL,"
	" newsletters INTEGER NOT NULL);"
	"INSERT INTO country_stats(code, authorities, contacts)"
	" SELECT c.code,"
	" (SELECT count(*) FROM authorities a WHERE a.country = c.code),"
	" (SELECT count(*) FROM authorities a JOIN contacts t"
	" ON t.authority = a.id WHERE a.country = c.code)"
	" FROM countries c;"
	"INSERT INTO totals(one, countries, authorities, contacts,"
	" newsletters) VALUES (1, (SELECT count(*) FROM countries),"
	" (SELECT count(*) FROM authorities), (SELECT count(*) FROM contacts),"
	" (SELECT count(*) FROM newsletters));",
	1
	},

	/*
	 * 4: names in an index of their own. The name tier asked search_word
	 * for 'name : "ex"*', which reads every "ex…" token of every column
	 * and drops the ones outside the name (3 ms for "ex" on 100k
	 * contacts); search_name holds only names. search_word keeps the
	 * text, which holds the name too.
	 */
	{
	"DROP TABLE search_word;"
	"CREATE VIRTUAL TABLE search_word USING fts5(text,"
	" content='search_entry', content_rowid='rowid',"
	" tokenize=\"unicode61 remove_diacritics 0 tokenchars ''\","
	" prefix='1 2');"
	"CREATE VIRTUAL TABLE search_name USING fts5(name,"
	" content='search_entry', content_rowid='rowid',"
	" tokenize=\"unicode61 remove_diacritics 0 tokenchars ''\","
	" prefix='1 2');",
	1
	},

	/*
	 * 5: the vocabulary. search_term holds every token of three or more
	 * characters, not all digits, that search_word indexes, with a
	 * trigram index over it, so a query word becomes the OR of the few
	 * terms that contain it (search-vocab.c). Numbers (a phone number is
	 * one token) are left to the trigrams: they were 99% of the terms.
	 * What a hit shows is kept in its entry, so a search reads no
	 * record. The FTS indexes drop their per-row sizes (columnsize=0:
	 * only ranking functions read them, and globe ranks by name). The
	 * whole index is rebuilt.
	 */
	{
	"DROP TABLE search_word;"
	"DROP TABLE search_name;"
	"DROP TABLE search_tri;"
	"ALTER TABLE search_entry ADD COLUMN shown TEXT;"
	"ALTER TABLE search_entry ADD COLUMN sub TEXT;"
	"ALTER TABLE search_entry ADD COLUMN email TEXT;"
	"CREATE VIRTUAL TABLE search_word USING fts5(text,"
	" content='search_entry', content_rowid='rowid',"
	" tokenize=\"unicode61 remove_diacritics 0 tokenchars ''\","
	" prefix='1 2', columnsize=0);"
	"CREATE VIRTUAL TABLE search_name USING fts5(name,"
	" content='search_entry', content_rowid='rowid',"
	" tokenize=\"unicode61 remove_diacritics 0 tokenchars ''\","
	" prefix='1 2', columnsize=0);"
	"CREATE VIRTUAL TABLE search_tri USING fts5(text,"
	" content='search_entry', content_rowid='rowid',"
	" tokenize='trigram', detail='none', columnsize=0);"
	"CREATE VIRTUAL TABLE search_word_terms USING"
	" fts5vocab(search_word, row);"
	"CREATE TABLE search_term ("
	" id INTEGER PRIMARY KEY,"
	" term TEXT NOT NULL UNIQUE);"
	"CREATE VIRTUAL TABLE search_term_tri USING fts5(term,"
	" content='search_term', content_rowid='id',"
	" tokenize='trigram', detail='none', columnsize=0);",
	1
	},

	/*
	 * 6: each FTS index keeps up to 8 MiB of new terms in memory before
	 * it writes them as a segment, instead of 1 MiB ('hashsize', in the
	 * index's config table). A full sync builds each index with 8 times
	 * fewer segments to merge (100k contacts: search_word 1.7 -> 0.9 s,
	 * search_tri 2.4 -> 1.5 s, bench/README) for about 17 MiB more peak
	 * memory while it runs.
	 */
	{
	"INSERT INTO search_word(search_word, rank)"
	" VALUES ('hashsize', 8388608);"
	"INSERT INTO search_name(search_name, rank)"
	" VALUES ('hashsize', 8388608);"
	"INSERT INTO search_tri(search_tri, rank)"
	" VALUES ('hashsize', 8388608);"
	"INSERT INTO search_term_tri(search_term_tri, rank)"
	" VALUES ('hashsize', 8388608);",
	0
	},

	/*
	 * 7: routes, who handles a request for a measure in a country.
	 * Looked up by (country, measure) and by the authority that serves
	 * them. No foreign keys: a key to contacts would make every
	 * contact deleted look for routes (and a snapshot delete its
	 * contacts row by row); apply checks a route's country, authority
	 * and contact in one pass over the routes at commit instead. The
	 * search index gains an entry per route (the measure's English
	 * label, the country, the authority, the notes): rebuilt.
	 */
	{
	"CREATE TABLE routes ("
	" id TEXT PRIMARY KEY NOT NULL,"
	" country TEXT NOT NULL,"
	" measure TEXT NOT NULL,"
	" authority TEXT NOT NULL,"
	" contact TEXT,"
	" channel TEXT,"
	" formality TEXT,"
	" urgency TEXT,"
	" stage TEXT,"
	" requirements_text TEXT,"
	" hours TEXT,"
	" timezone TEXT,"
	" rank TEXT,"
	" not_possible TEXT,"
	" alternative TEXT,"
	" verified TEXT,"
	" source TEXT,"
	" notes TEXT,"
	" sort_key TEXT NOT NULL,"
	" hash INTEGER NOT NULL);"
	"CREATE INDEX routes_country ON routes(country, measure, id);"
	"CREATE INDEX routes_authority ON routes(authority, id);"
	"CREATE TABLE route_from_countries (id TEXT NOT NULL,"
	" pos INTEGER NOT NULL, value TEXT NOT NULL,"
	" PRIMARY KEY (id, pos)) WITHOUT ROWID;"
	"CREATE TABLE route_languages (id TEXT NOT NULL,"
	" pos INTEGER NOT NULL, value TEXT NOT NULL,"
	" PRIMARY KEY (id, pos)) WITHOUT ROWID;"
	"CREATE TABLE route_requirements (id TEXT NOT NULL,"
	" pos INTEGER NOT NULL, value TEXT NOT NULL,"
	" PRIMARY KEY (id, pos)) WITHOUT ROWID;"
	"CREATE TABLE route_legal_basis (id TEXT NOT NULL,"
	" pos INTEGER NOT NULL, value TEXT NOT NULL,"
	" PRIMARY KEY (id, pos)) WITHOUT ROWID;",
	1
	},

	/*
	 * 8: freshness and the officer's own notes. The reports URL the
	 * index in force names (flags go there at the next sync); the
	 * officer's notes and flags, user state keyed by type and id like
	 * the stars, which no sync touches; and the change log, what each
	 * sync added, changed and removed (apply writes it in the sync's
	 * transaction and keeps the last CACHE_CHANGE_SYNCS syncs).
	 * Nothing to fill: the search entries take a note in when it is
	 * written.
	 */
	{
	"ALTER TABLE sync_state ADD COLUMN reports_url TEXT;"
	"CREATE TABLE notes (type TEXT NOT NULL, id TEXT NOT NULL,"
	" text TEXT NOT NULL, updated INTEGER NOT NULL,"
	" PRIMARY KEY (type, id)) WITHOUT ROWID;"
	"CREATE TABLE flags ("
	" n INTEGER PRIMARY KEY AUTOINCREMENT,"
	" type TEXT NOT NULL,"
	" id TEXT NOT NULL,"
	" name TEXT,"
	" text TEXT NOT NULL,"
	" created INTEGER NOT NULL,"
	" feed_id TEXT,"
	" serial INTEGER NOT NULL DEFAULT -1,"
	" report_id TEXT NOT NULL,"
	" sent INTEGER NOT NULL DEFAULT 0,"
	" attempts INTEGER NOT NULL DEFAULT 0,"
	" last_error TEXT);"
	"CREATE INDEX flags_record ON flags(id, type);"
	"CREATE TABLE change_syncs ("
	" sync INTEGER PRIMARY KEY,"
	" at INTEGER NOT NULL,"
	" old_serial INTEGER NOT NULL,"
	" serial INTEGER NOT NULL,"
	" first INTEGER NOT NULL,"
	" counts TEXT NOT NULL);"
	"CREATE TABLE changes ("
	" sync INTEGER NOT NULL,"
	" type INTEGER NOT NULL,"
	" id TEXT NOT NULL,"
	" what INTEGER NOT NULL,"
	" name TEXT,"
	" fields TEXT,"
	" PRIMARY KEY (sync, type, id)) WITHOUT ROWID;"
	"CREATE INDEX changes_record ON changes(id, type, sync);",
	0
	},

	/*
	 * 9: member-only feeds and signing-key rollovers. The key epoch of
	 * the encrypted index in force (NULL for a plain feed), and the
	 * signing keys the feed announced (trusted besides the configured
	 * ones) or retired (configured, no longer trusted), each with the
	 * serial that said so; written with the data they came with.
	 */
	{
	"ALTER TABLE sync_state ADD COLUMN members_epoch TEXT;"
	"CREATE TABLE signing_keys ("
	" key TEXT PRIMARY KEY NOT NULL,"
	" retired INTEGER NOT NULL,"
	" serial INTEGER NOT NULL) WITHOUT ROWID;",
	0
	},

	/*
	 * 10: a country's routes that can be taken (a record that says a
	 * measure is not possible there is not one), kept with its other
	 * counts by apply (stmt_stats_sql) instead of counted on every
	 * list of countries.
	 */
	{
	"ALTER TABLE country_stats ADD COLUMN routes INTEGER NOT NULL"
	" DEFAULT 0;"
	"UPDATE country_stats SET routes = (SELECT count(*) FROM routes r"
	" WHERE r.country = country_stats.code AND r.not_possible IS NULL);",
	0
	},
};

#define NMIGRATIONS	((int)(sizeof migrations / sizeof migrations[0]))

/*
 * Every object of the schema at NMIGRATIONS, SQLite's automatic indexes
 * and FTS5's shadow tables included. A cache file holding anything else
 * (a trigger, a view, a table of its own) was not made by globe and is
 * refused: its schema would run its own SQL inside globe's transactions.
 * tests/unit/test-migrate checks this list against a fresh cache and
 * against every migrated one.
 */
static const struct schema_object {
	const char	*type;
	const char	*name;
} schema_objects[] = {
	{ "index", "authorities_country" }, { "index", "authorities_sort" },
	{ "index", "changes_record" }, { "index", "flags_record" },
	{ "table", "change_syncs" }, { "table", "changes" },
	{ "table", "flags" }, { "table", "notes" },
	{ "table", "sqlite_sequence" },
	{ "index", "contacts_authority" }, { "index", "contacts_sort" },
	{ "index", "countries_sort" }, { "index", "newsletters_published" },
	{ "index", "routes_authority" }, { "index", "routes_country" },
	{ "index", "sqlite_autoindex_routes_1" },
	{ "index", "search_entry_acronym" }, { "index", "search_entry_key" },
	{ "index", "search_entry_ref" },
	{ "index", "sqlite_autoindex_authorities_1" },
	{ "index", "sqlite_autoindex_contacts_1" },
	{ "index", "sqlite_autoindex_countries_1" },
	{ "index", "sqlite_autoindex_newsletters_1" },
	{ "index", "sqlite_autoindex_search_term_1" },
	{ "table", "authorities" }, { "table", "authority_designations" },
	{ "table", "authority_expertise" }, { "table", "authority_languages" },
	{ "table", "contact_languages" }, { "table", "contacts" },
	{ "table", "countries" }, { "table", "country_stats" },
	{ "table", "newsletters" }, { "table", "read_marks" },
	{ "table", "route_from_countries" }, { "table", "route_languages" },
	{ "table", "route_legal_basis" }, { "table", "route_requirements" },
	{ "table", "routes" },
	{ "table", "search_entry" }, { "table", "search_name" },
	{ "table", "search_name_config" }, { "table", "search_name_data" },
	{ "table", "search_name_idx" }, { "table", "search_term" },
	{ "table", "search_term_tri" }, { "table", "search_term_tri_config" },
	{ "table", "search_term_tri_data" }, { "table", "search_term_tri_idx" },
	{ "table", "search_tri" }, { "table", "search_tri_config" },
	{ "table", "search_tri_data" }, { "table", "search_tri_idx" },
	{ "table", "search_word" }, { "table", "search_word_config" },
	{ "table", "search_word_data" }, { "table", "search_word_idx" },
	{ "table", "search_word_terms" }, { "table", "signing_keys" },
	{ "table", "stars" },
	{ "table", "sync_state" }, { "table", "totals" },
};
#define NSCHEMA_OBJECTS	(sizeof schema_objects / sizeof schema_objects[0])

static int
schema_object_known(const char *type, const char *name)
{
	size_t	i;

	for (i = 0; i < NSCHEMA_OBJECTS; i++) {
		if (strcmp(schema_objects[i].type, type) == 0 &&
		    strcmp(schema_objects[i].name, name) == 0)
			return 1;
	}
	return 0;
}

enum cache_status
cache_schema_check(struct cache *c, int complete, char **cause)
{
	sqlite3_stmt	*st;
	const char	*type, *name;
	size_t		 known = 0;
	int		 rc;

	rc = sqlite3_prepare_v2(c->db, "SELECT type, name FROM sqlite_schema",
	    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return cache_fail(c, rc, cause, _("reading the schema"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		type = (const char *)sqlite3_column_text(st, 0);
		name = (const char *)sqlite3_column_text(st, 1);
		if (type == NULL || name == NULL)
			break;
		/* Before an upgrade only what no version ever made counts. */
		if (schema_object_known(type, name))
			known++;
		else if (complete || strcmp(type, "trigger") == 0 ||
		    strcmp(type, "view") == 0) {
			if (cause != NULL)
				/*
				 * TRANSLATORS: the cache file, the kind of
				 * object as SQLite names it (table, index,
				 * trigger, view: keep it) and its name.
				 */
				*cause = xasprintf(_("%s: holds a %s '%s' that "
				    "globe did not create; move it away and "
				    "run `globe sync` to rebuild it"), c->path,
				    type, name);
			sqlite3_finalize(st);
			return CACHE_ERR_CORRUPT;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return cache_fail(c, rc == SQLITE_ROW ? SQLITE_CORRUPT : rc,
		    cause, _("reading the schema"));
	if (complete && known != NSCHEMA_OBJECTS) {
		if (cause != NULL)
			/*
			 * TRANSLATORS: the cache file, how many are missing
			 * (the form follows it), how many there should be.
			 */
			*cause = xasprintf(P_("%s: %zu of globe's %zu tables "
			    "and indexes is missing; move it away and run "
			    "`globe sync` to rebuild it", "%s: %zu of globe's "
			    "%zu tables and indexes are missing; move it away "
			    "and run `globe sync` to rebuild it",
			    NSCHEMA_OBJECTS - known), c->path,
			    NSCHEMA_OBJECTS - known, NSCHEMA_OBJECTS);
		return CACHE_ERR_CORRUPT;
	}
	return CACHE_OK;
}

int
cache_schema_version(void)
{
	return NMIGRATIONS;
}

static int
schema_version_get(sqlite3 *db, int *version)
{
	sqlite3_stmt	*st;
	int		 rc;

	*version = 0;
	rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*version = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Runs steps from+1 … to and sets user_version; no transaction here. */
static int
schema_steps(sqlite3 *db, int from, int to, int *rebuild)
{
	char	*sql;
	int	 i, rc;

	for (i = from; i < to; i++) {
		rc = sqlite3_exec(db, migrations[i].sql, NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return rc;
		if (migrations[i].rebuild_search && rebuild != NULL)
			*rebuild = 1;
	}
	sql = sqlite3_mprintf("PRAGMA user_version = %d", to);
	if (sql == NULL)
		return SQLITE_NOMEM;
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	return rc;
}

int
cache_migrate_to(sqlite3 *db, int version)
{
	int	current, rc;

	if (version < 0 || version > NMIGRATIONS)
		return SQLITE_RANGE;
	if ((rc = schema_version_get(db, &current)) != SQLITE_OK)
		return rc;
	if (current > version)
		return SQLITE_RANGE;
	if ((rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL,
	    NULL)) != SQLITE_OK)
		return rc;
	if ((rc = schema_steps(db, current, version, NULL)) != SQLITE_OK) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	return sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
}

enum cache_status
cache_migrate(struct cache *c, char **cause)
{
	enum cache_status	 status;
	int			 version, rc, rebuild = 0;

	if ((rc = schema_version_get(c->db, &version)) != SQLITE_OK)
		return cache_fail(c, rc, cause,
		    _("reading the schema version"));
	if (version == NMIGRATIONS)
		return CACHE_OK;
	if (version > NMIGRATIONS) {
		if (cause != NULL)
			*cause = xasprintf(_("%s: schema version %d, this "
			    "globe knows up to %d; upgrade globe"),
			    c->path, version,
			    NMIGRATIONS);
		return CACHE_ERR_NEWER;
	}
	/* No upgrade runs inside a file with a trigger or view of its own. */
	if ((status = cache_schema_check(c, 0, cause)) != CACHE_OK)
		return status;
	if (c->flags & CACHE_OPEN_READONLY) {
		if (cause != NULL)
			*cause = xasprintf(_("%s: schema version %d needs an "
			    "upgrade to %d; open it once read-write"), c->path,
			    version, NMIGRATIONS);
		return CACHE_ERR_READONLY;
	}

	if ((rc = cache_exec(c, "BEGIN IMMEDIATE")) != SQLITE_OK)
		return cache_fail(c, rc, cause,
		    _("starting the schema upgrade"));
	/* Another process may have upgraded it meanwhile. */
	if ((rc = schema_version_get(c->db, &version)) != SQLITE_OK)
		goto fail;
	if (version > NMIGRATIONS) {
		cache_exec(c, "ROLLBACK");
		if (cause != NULL)
			*cause = xasprintf(_("%s: schema version %d, this "
			    "globe knows up to %d; upgrade globe"),
			    c->path, version,
			    NMIGRATIONS);
		return CACHE_ERR_NEWER;
	}
	if ((rc = schema_steps(c->db, version, NMIGRATIONS,
	    &rebuild)) != SQLITE_OK)
		goto fail;
	/* Tables made by a step start empty: fill them from the data. */
	if (rebuild && version > 0 && (rc = search_rebuild(c)) != SQLITE_OK)
		goto fail;
	if ((rc = cache_exec(c, "COMMIT")) != SQLITE_OK)
		goto fail;
	return CACHE_OK;

fail:
	status = cache_fail(c, rc, cause, _("upgrading the schema"));
	stmt_finalize_all(c);
	cache_exec(c, "ROLLBACK");
	return status;
}
