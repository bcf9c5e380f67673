/*
 * test-migrate.c: a cache written by every earlier schema version opens
 * with this build: the missing steps run, the data, user state and sync
 * state are kept, search works on the old data, and a sync can follow.
 * A step that fails leaves the old file as it was; a newer file is
 * refused.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache/cache.h"
#include "cache/private.h"
#include "harness.h"

static char	tmpdir[256];

/* Data as a version-1 cache holds it (user state and sync state too). */
static const char v1_data[] =
    "INSERT INTO countries VALUES ('PL', 'Poland', 'Europe', 'poland', 1);"
    "INSERT INTO authorities(id, country, name, acronym, kind, sort_key,"
    " hash) VALUES ('pl-cba', 'PL', 'Centralne Biuro Antykorupcyjne',"
    " 'CBA', 'anti-corruption', 'centralne biuro antykorupcyjne', 2);"
    "INSERT INTO authority_expertise VALUES ('pl-cba', 0, 'asset-recovery');"
    "INSERT INTO contacts(id, authority, name, role, email, sort_key, hash)"
    " VALUES ('c-1', 'pl-cba', 'Lech Wałęsa', 'focal-point',"
    " 'lech@example.pl', 'lech walesa', 3);"
    "INSERT INTO contact_languages VALUES ('c-1', 0, 'pl'), ('c-1', 1, 'en');"
    "INSERT INTO newsletters(id, published, title, sort_key, hash)"
    " VALUES ('nl-1', '2026-01-01', 'One', 'one', 4);"
    "INSERT INTO stars VALUES ('contact', 'c-1');"
    "INSERT INTO read_marks VALUES ('nl-1');"
    "INSERT INTO sync_state(one, feed_id, serial, last_success)"
    " VALUES (1, 'globe-network', 41, 1234);";

/* From version 3 on, apply keeps the counts with the data. */
static const char v3_counts[] =
    "INSERT OR REPLACE INTO country_stats(code, authorities, contacts)"
    " VALUES ('PL', 1, 1);"
    "INSERT OR REPLACE INTO totals VALUES (1, 1, 1, 1, 1);";

/*
 * The search index a version-4 cache holds (apply keeps it whole); step 5
 * makes the FTS tables again and rebuilds it with the vocabulary.
 */
static const char v4_search[] =
    "INSERT INTO search_entry(rowid, type, ref, country, akind, role,"
    " sort_key, acronym, auth, name, text) VALUES"
    " (32, 1, 'pl-cba', 'PL', 'anti-corruption', NULL,"
    " 'centralne biuro antykorupcyjne', 'cba', 'pl-cba',"
    " 'centralne biuro antykorupcyjne', 'centralne biuro antykorupcyjne"
    " cba anti corruption asset recovery poland pl'),"
    " (64, 2, 'c-1', 'PL', 'anti-corruption', 'focal-point',"
    " 'lech walesa', NULL, 'pl-cba', 'lech walesa', 'lech walesa focal"
    " point lech@example.pl pl en centralne biuro antykorupcyjne cba"
    " poland pl');"
    "INSERT INTO search_word(search_word) VALUES ('rebuild');"
    "INSERT INTO search_name(search_name) VALUES ('rebuild');"
    "INSERT INTO search_tri(search_tri) VALUES ('rebuild');";

/*
 * The search index of a version-5 or 6 cache: what a hit shows is in its
 * entry, and the vocabulary is filled. Steps 6 and 7 leave it alone (6
 * only changes how the FTS indexes are written), so the upgrade keeps it
 * as it is.
 */
static const char v5_search[] =
    "INSERT INTO search_entry(rowid, type, ref, country, akind, role,"
    " sort_key, acronym, auth, name, text, shown, sub, email) VALUES"
    " (32, 1, 'pl-cba', 'PL', 'anti-corruption', NULL,"
    " 'centralne biuro antykorupcyjne', 'cba', 'pl-cba',"
    " 'centralne biuro antykorupcyjne', 'centralne biuro antykorupcyjne"
    " cba anti corruption asset recovery poland pl',"
    " 'Centralne Biuro Antykorupcyjne', 'CBA', NULL),"
    " (64, 2, 'c-1', 'PL', 'anti-corruption', 'focal-point',"
    " 'lech walesa', NULL, 'pl-cba', 'lech walesa', 'lech walesa focal"
    " point lech@example.pl pl en centralne biuro antykorupcyjne cba"
    " poland pl', 'Lech Wałęsa', NULL, 'lech@example.pl');"
    "INSERT INTO search_word(search_word) VALUES ('rebuild');"
    "INSERT INTO search_name(search_name) VALUES ('rebuild');"
    "INSERT INTO search_tri(search_tri) VALUES ('rebuild');"
    "INSERT INTO search_term(term) SELECT term FROM search_word_terms"
    " WHERE length(term) >= 3 AND term GLOB '*[^0-9]*';"
    "INSERT INTO search_term_tri(search_term_tri) VALUES ('rebuild');";

/* How many FTS indexes of path keep 8 MiB of terms in memory (step 6). */
static int
fts_hashsize_count(const char *path)
{
	static const char *const tables[] = { "search_word", "search_name",
	    "search_tri", "search_term_tri" };
	sqlite3		*db;
	sqlite3_stmt	*st;
	char		*sql;
	size_t		 i;
	int		 n = 0;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return -1;
	}
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		sql = sqlite3_mprintf("SELECT v FROM %s_config"
		    " WHERE k = 'hashsize'", tables[i]);
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
			if (sqlite3_step(st) == SQLITE_ROW &&
			    sqlite3_column_int(st, 0) == 8388608)
				n++;
			sqlite3_finalize(st);
		}
		sqlite3_free(sql);
	}
	sqlite3_close(db);
	return n;
}

static int
user_version(const char *path)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	int		 v = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st,
	    NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return v;
}

/* Makes a cache at version k, with data when the tables exist. */
static int
make_old(const char *path, int k, const char *extra_sql)
{
	sqlite3	*db;
	int	 rc;

	unlink(path);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	rc = cache_migrate_to(db, k);
	if (rc == SQLITE_OK && k >= 1)
		rc = sqlite3_exec(db, v1_data, NULL, NULL, NULL);
	if (rc == SQLITE_OK && k >= 3)
		rc = sqlite3_exec(db, v3_counts, NULL, NULL, NULL);
	if (rc == SQLITE_OK && k == 4)
		rc = sqlite3_exec(db, v4_search, NULL, NULL, NULL);
	/* From 7 on no step rebuilds it: a cache holds the one apply kept. */
	if (rc == SQLITE_OK && (k == 5 || k >= 7))
		rc = sqlite3_exec(db, v5_search, NULL, NULL, NULL);
	if (rc == SQLITE_OK && extra_sql != NULL)
		rc = sqlite3_exec(db, extra_sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

struct seen {
	int		rows;
	int		starred;
	int		read;
	unsigned	authorities;
	unsigned	contacts;
	char		languages[64];
};

static int
seen_cb(const struct record *r, const struct cache_extra *x, void *arg)
{
	struct seen	*s = arg;
	size_t		 i;

	s->rows++;
	s->starred = x->starred;
	s->read = x->read;
	s->authorities = x->authorities;
	s->contacts = x->contacts;
	if (r->type == REC_CONTACT) {
		for (i = 0; i < r->v[CONTACT_LANGUAGES].n; i++) {
			strncat(s->languages, r->v[CONTACT_LANGUAGES].list[i],
			    sizeof s->languages - strlen(s->languages) - 1);
		}
	}
	return 0;
}

static int
search_finds(struct cache *c, const char *text, const char *id)
{
	struct cache_query	 q;
	struct cache_hits	 hits;
	char			*cause = NULL;
	size_t			 i;
	int			 found = 0;

	memset(&q, 0, sizeof q);
	q.text = text;
	if (cache_search(c, &q, &hits, &cause) != CACHE_OK) {
		free(cause);
		return 0;
	}
	for (i = 0; i < hits.n; i++)
		found |= strcmp(hits.v[i].id, id) == 0;
	cache_hits_free(&hits);
	return found;
}

/* The totals and the country's counts, as the TUI's first screen shows. */
static int
counts_are(struct cache *c, unsigned authorities, unsigned contacts)
{
	struct cache_counts	 n;
	struct cache_filter	 f;
	struct seen		 s;

	if (cache_counts_get(c, &n) != CACHE_OK)
		return 0;
	memset(&f, 0, sizeof f);
	memset(&s, 0, sizeof s);
	f.type = REC_COUNTRY;
	f.id = "PL";
	if (cache_list(c, &f, seen_cb, &s) != CACHE_OK || s.rows != 1)
		return 0;
	return n.countries == 1 && n.authorities == authorities &&
	    n.contacts == contacts && s.authorities == authorities &&
	    s.contacts == contacts;
}

static void
test_upgrade_from(int k)
{
	struct cache		*c = NULL;
	struct cache_filter	 f;
	struct cache_state	 st;
	struct cache_changes	 ch;
	struct cache_signing_key sk, *keys = NULL;
	struct seen		 s;
	struct record		 r;
	struct cache_change	*entries;
	enum cache_status	 status;
	size_t			 nentries;
	int64_t			 flag;
	char			*path, *cause = NULL;
	size_t			 nkeys = 0;

	path = xasprintf("%s/v%d.db", tmpdir, k);
	CHECK_INT(make_old(path, k, NULL), SQLITE_OK,
	    "a cache at version %d is made", k);
	CHECK_INT(user_version(path), k, "it says version %d", k);
	status = cache_open(path, 0, &c, &cause);
	CHECK_INT(status, CACHE_OK, "version %d opens (%s)", k,
	    cause ? cause : "");
	free(cause);
	cause = NULL;
	if (status != CACHE_OK) {
		free(path);
		return;
	}
	cache_close(c);
	CHECK_INT(user_version(path), cache_schema_version(),
	    "version %d is upgraded to %d", k, cache_schema_version());
	CHECK_INT(fts_hashsize_count(path), 4,
	    "v%d: its 4 FTS indexes write 8 MiB segments", k);
	cache_open(path, 0, &c, &cause);
	free(cause);
	cause = NULL;

	if (k >= 1) {
		memset(&f, 0, sizeof f);
		memset(&s, 0, sizeof s);
		f.type = REC_CONTACT;
		f.id = "c-1";
		CHECK_INT(cache_list(c, &f, seen_cb, &s), CACHE_OK,
		    "v%d: the old contact is there", k);
		CHECK(s.rows == 1 && s.starred && strcmp(s.languages, "plen") == 0,
		    "v%d: with its languages and its star", k);
		memset(&s, 0, sizeof s);
		f.type = REC_NEWSLETTER;
		f.id = "nl-1";
		cache_list(c, &f, seen_cb, &s);
		CHECK(s.rows == 1 && s.read, "v%d: the read mark is kept", k);
		cache_state_get(c, &st);
		CHECK(st.serial == 41 && st.feed_id != NULL &&
		    strcmp(st.feed_id, "globe-network") == 0 &&
		    st.last_success == 1234, "v%d: the sync state is kept", k);
		cache_state_clear(&st);
		CHECK(search_finds(c, "walesa", "c-1"),
		    "v%d: search finds old contacts", k);
		CHECK(search_finds(c, "cba", "pl-cba"),
		    "v%d: search finds old authorities by acronym", k);
		CHECK(search_finds(c, "antykorupcyjne", "c-1"),
		    "v%d: contacts by their authority's name", k);
		CHECK(search_finds(c, "lech@example.pl", "c-1"),
		    "v%d: and by a whole e-mail address", k);
		CHECK(counts_are(c, 1, 1),
		    "v%d: the totals and the country's counts are filled", k);
	}

	/* A sync after the upgrade. */
	memset(&r, 0, sizeof r);
	cache_state_get(c, &st);
	CHECK(st.members_epoch == NULL, "v%d: no key epoch before a member-only "
	    "feed", k);
	cache_state_clear(&st);
	status = cache_apply_begin(c, &cause);
	if (status == CACHE_OK && k == 0) {
		r.type = REC_COUNTRY;
		record_set(&r, COUNTRY_CODE, "PL");
		record_set(&r, COUNTRY_NAME, "Poland");
		status = cache_apply_record(c, &r, &cause);
		record_clear(&r);
		r.type = REC_AUTHORITY;
		record_set(&r, AUTH_ID, "pl-cba");
		record_set(&r, AUTH_COUNTRY, "PL");
		record_set(&r, AUTH_NAME, "CBA");
		if (status == CACHE_OK)
			status = cache_apply_record(c, &r, &cause);
		record_clear(&r);
	}
	r.type = REC_CONTACT;
	record_set(&r, CONTACT_ID, "c-2");
	record_set(&r, CONTACT_AUTHORITY, "pl-cba");
	record_set(&r, CONTACT_NAME, "Maria Skłodowska");
	if (status == CACHE_OK)
		status = cache_apply_record(c, &r, &cause);
	record_clear(&r);
	memset(&st, 0, sizeof st);
	st.serial = 42;
	st.feed_id = "globe-network";
	st.members_epoch = "00112233445566778899aabbccddeeff";
	memset(&sk, 0, sizeof sk);
	sk.key = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";
	sk.serial = 42;
	if (status == CACHE_OK)
		status = cache_apply_signing_keys(c, &sk, 1, &cause);
	if (status == CACHE_OK)
		status = cache_apply_commit(c, &st, &ch, &cause);
	if (status != CACHE_OK)
		cache_apply_rollback(c);
	CHECK_INT(status, CACHE_OK, "v%d: a sync applies after the upgrade (%s)",
	    k, cause ? cause : "");
	free(cause);
	CHECK(search_finds(c, "sklodowska", "c-2"),
	    "v%d: the new contact is searchable", k);
	cache_state_get(c, &st);
	CHECK(st.members_epoch != NULL && strcmp(st.members_epoch,
	    "00112233445566778899aabbccddeeff") == 0,
	    "v%d: the key epoch is kept with the sync state", k);
	cache_state_clear(&st);
	CHECK(cache_signing_keys(c, &keys, &nkeys) == CACHE_OK && nkeys == 1 &&
	    keys[0].serial == 42 && !keys[0].retired,
	    "v%d: an announced signing key is kept with the data", k);
	cache_signing_keys_free(keys, nkeys);
	CHECK(counts_are(c, 1, k >= 1 ? 2 : 1),
	    "v%d: the counts follow the sync", k);
	/* Step 8: the change log, notes and flags, the reports URL. */
	CHECK(ch.log_sync == 1, "v%d: the sync is logged", k);
	entries = NULL;
	nentries = 0;
	cache_change_list(c, ch.log_sync, -1, &entries, &nentries);
	CHECK(k == 0 ? nentries == 0 : nentries == 1 &&
	    strcmp(entries[0].id, "c-2") == 0 &&
	    entries[0].what == CACHE_CHANGE_ADDED,
	    "v%d: with its records (none for the first fill)", k);
	cache_changes_free(entries, nentries);
	CHECK_INT(cache_note_set(c, REC_CONTACT, "c-2", "prefers phone", 1),
	    CACHE_OK, "v%d: a note can be written", k);
	CHECK(search_finds(c, "prefers", "c-2"), "v%d: and is searched", k);
	CHECK_INT(cache_flag_add(c, REC_CONTACT, "c-2", NULL, "moved", 1,
	    &flag), CACHE_OK, "v%d: a flag can be written", k);
	cache_state_get(c, &st);
	CHECK(st.reports_url == NULL && st.serial == 42,
	    "v%d: the state has no reports URL yet", k);
	cache_state_clear(&st);
	cache_close(c);
	free(path);
}

static void
test_failed_upgrade(void)
{
	struct cache		*c = NULL;
	enum cache_status	 status;
	char			*path, *cause = NULL;
	sqlite3			*db;
	sqlite3_stmt		*st;
	int			 n = -1;

	/* A table in the way of step 2: the upgrade fails as a whole. */
	path = xasprintf("%s/blocked.db", tmpdir);
	make_old(path, 1, "CREATE TABLE search_word (x);");
	status = cache_open(path, 0, &c, &cause);
	CHECK(status != CACHE_OK, "an upgrade step that fails fails the open");
	CHECK(cause != NULL, "with a cause (%s)", cause ? cause : "");
	free(cause);
	cause = NULL;
	CHECK_INT(user_version(path), 1, "the file stays at its old version");
	sqlite3_open(path, &db);
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "name = 'search_entry'", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	CHECK_INT(n, 0, "no part of the failed upgrade stays");
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM contacts", -1, &st,
	    NULL) == SQLITE_OK) {
		n = -1;
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	CHECK_INT(n, 1, "and the old data is intact");
	sqlite3_close(db);
	free(path);

	path = xasprintf("%s/newer.db", tmpdir);
	make_old(path, cache_schema_version(), "PRAGMA user_version = 1000;");
	status = cache_open(path, 0, &c, &cause);
	CHECK_INT(status, CACHE_ERR_NEWER, "a newer version is refused");
	CHECK(cause != NULL && strstr(cause, "1000") != NULL,
	    "the cause gives the version (%s)", cause ? cause : "");
	free(cause);
	free(path);
}

int
main(void)
{
	char	*cmd;
	sqlite3	*db;
	int	 k;

	snprintf(tmpdir, sizeof tmpdir, "%s/globe-test-migrate.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return 1;

	CHECK(cache_schema_version() >= 2, "there are at least two versions");
	for (k = 0; k < cache_schema_version(); k++)
		test_upgrade_from(k);
	test_failed_upgrade();

	sqlite3_open(":memory:", &db);
	CHECK(cache_migrate_to(db, cache_schema_version() + 1) != SQLITE_OK,
	    "the test hook refuses an unknown version");
	sqlite3_close(db);

	cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
	free(cmd);
	HARNESS_END();
}
