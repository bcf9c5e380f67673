/*
 * test-cache.c: the cache as a sync and the screens use it: file modes,
 * snapshots and deltas with exact change counts, references checked at
 * commit with nothing changed on failure, lists with their extras, user
 * state that survives syncs, sync state, a reader during a commit, and
 * corrupt files refused cleanly.
 */
#include "config.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache/cache.h"
#include "cache/private.h"
#include "harness.h"
#include "records.h"

static char	tmpdir[256];

/* The directory of the first snapshot. */
static void
base_set(struct set *s)
{
	set_add(s, rec(REC_COUNTRY, "code", "BR", "name", "Brazil",
	    "region", "Americas", NULL));
	set_add(s, rec(REC_COUNTRY, "code", "AX", "name", "Åland",
	    "region", "Europe", NULL));
	set_add(s, rec(REC_COUNTRY, "code", "AT", "name", "Austria", NULL));
	set_add(s, rec(REC_AUTHORITY, "id", "br-pf", "country", "BR",
	    "name", "Polícia Federal", "name_en", "Federal Police",
	    "acronym", "PF", "kind", "police",
	    "website", "https://www.gov.br/pf/", "languages", "pt,en,es",
	    "expertise", "asset-recovery,money-laundering",
	    "designations", "mla-central", "joined", "2021-06-03", NULL));
	set_add(s, rec(REC_AUTHORITY, "id", "br-cgu", "country", "BR",
	    "name", "Controladoria-Geral da União", "acronym", "CGU",
	    "kind", "anti-corruption", NULL));
	set_add(s, rec(REC_AUTHORITY, "id", "at-bak", "country", "AT",
	    "name", "Bundesamt zur Korruptionsprävention", "acronym", "BAK",
	    NULL));
	set_add(s, rec(REC_CONTACT, "id", "c-1", "authority", "br-pf",
	    "name", "Ana Souza", "title", "Delegada", "role", "focal-point",
	    "email", "ana.souza@example.org", "languages", "pt,en",
	    "timezone", "America/Sao_Paulo", NULL));
	set_add(s, rec(REC_CONTACT, "id", "c-2", "authority", "br-pf",
	    "name", "Bruno Lima", "role", "case-officer", NULL));
	set_add(s, rec(REC_CONTACT, "id", "c-3", "authority", "br-cgu",
	    "name", "Carla Dias", NULL));
	set_add(s, rec(REC_CONTACT, "id", "c-4", "authority", "at-bak",
	    "name", "Dieter Huber", NULL));
	set_add(s, rec(REC_NEWSLETTER, "id", "nl-1", "published",
	    "2026-03-31", "title", "Issue one", "body", "Para 1\n\nPara 2",
	    NULL));
	set_add(s, rec(REC_NEWSLETTER, "id", "nl-2", "published",
	    "2026-09-30", "title", "Issue two", NULL));
}

static enum cache_status
apply_set(struct cache *c, int snapshot, struct set *s, int64_t serial,
    struct cache_changes *ch, char **cause)
{
	struct cache_state	st;
	enum cache_status	status;
	size_t			i;

	*cause = NULL;
	if ((status = cache_apply_begin(c, cause)) != CACHE_OK)
		return status;
	if (snapshot && (status = cache_apply_snapshot(c, cause)) != CACHE_OK)
		goto fail;
	for (i = 0; i < s->n; i++) {
		if ((status = cache_apply_record(c, s->v[i], cause)) != CACHE_OK)
			goto fail;
	}
	memset(&st, 0, sizeof st);
	st.feed_id = "globe-test";
	st.serial = serial;
	st.issued = "2026-11-27T10:00:00Z";
	st.expires = "2026-12-27T10:00:00Z";
	st.etag = "\"abc\"";
	st.feed_url = "https://example.org/feed/";
	st.last_sync = 1000 + serial;
	st.last_result = "ok";
	st.last_success = 1000 + serial;
	if ((status = cache_apply_commit(c, &st, ch, cause)) != CACHE_OK)
		goto fail;
	return CACHE_OK;
fail:
	cache_apply_rollback(c);
	return status;
}

/* Collects rows of cache_list as "key|extra…" lines. */
struct rows {
	char	 out[4096];
	size_t	 n;
};

static int
rows_cb(const struct record *r, const struct cache_extra *x, void *arg)
{
	struct rows	*w = arg;
	size_t		 len = strlen(w->out);
	char		 line[512];

	switch (r->type) {
	case REC_COUNTRY:
		snprintf(line, sizeof line, "%s:%u:%u ", record_key(r),
		    x->authorities, x->contacts);
		break;
	case REC_AUTHORITY:
		snprintf(line, sizeof line, "%s:%s:%u%s ", record_key(r),
		    x->country_name ? x->country_name : "-", x->contacts,
		    x->starred ? "*" : "");
		break;
	case REC_CONTACT:
		snprintf(line, sizeof line, "%s:%s:%s%s ", record_key(r),
		    x->authority_acronym ? x->authority_acronym : "-",
		    x->country_name ? x->country_name : "-",
		    x->starred ? "*" : "");
		break;
	case REC_ROUTE:
		snprintf(line, sizeof line, "%s:%s:%s:%s ", record_key(r),
		    r->v[ROUTE_MEASURE].s,
		    x->authority_acronym ? x->authority_acronym : "-",
		    x->contact_name ? x->contact_name : "-");
		break;
	default:
		snprintf(line, sizeof line, "%s%s ", record_key(r),
		    x->read ? "+" : "");
		break;
	}
	if (len + strlen(line) < sizeof w->out)
		strcat(w->out, line);
	w->n++;
	return 0;
}

static const char *
list(struct cache *c, enum record_type type, const char *country,
    const char *authority, const char *id)
{
	static struct rows	w;
	struct cache_filter	f;
	enum cache_status	status;
	size_t			len;

	memset(&w, 0, sizeof w);
	memset(&f, 0, sizeof f);
	f.type = type;
	f.country = country;
	f.authority = authority;
	f.id = id;
	status = cache_list(c, &f, rows_cb, &w);
	if (status != CACHE_OK)
		snprintf(w.out, sizeof w.out, "error: %s",
		    cache_strerror(status));
	len = strlen(w.out);
	if (len > 0 && w.out[len - 1] == ' ')
		w.out[len - 1] = '\0';
	return w.out;
}

/* Keeps one whole record from a list for a closer look. */
static int
keep_cb(const struct record *r, const struct cache_extra *x, void *arg)
{
	struct record	*out = arg;
	size_t		 i, j;

	(void)x;
	out->type = r->type;
	for (i = 0; i < RECORD_MAX_FIELDS; i++) {
		record_set(out, (int)i, r->v[i].s);
		for (j = 0; j < r->v[i].n; j++)
			record_list_add(out, (int)i, r->v[i].list[j]);
	}
	return 1;
}

static int
stop_cb(const struct record *r, const struct cache_extra *x, void *arg)
{
	(void)r;
	(void)x;
	(*(int *)arg)++;
	return 1;
}

static mode_t
mode_of(const char *path)
{
	struct stat	sb;

	if (stat(path, &sb) != 0)
		return (mode_t)-1;
	return sb.st_mode & 07777;
}

static char *
tmp_path(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

static void
write_file(const char *path, const void *data, size_t len)
{
	FILE	*f = fopen(path, "wb");

	if (f == NULL)
		abort();
	fwrite(data, 1, len, f);
	fclose(f);
}

static void
test_modes(void)
{
	struct cache		*c = NULL;
	struct set		 s = { .n = 0 };
	struct cache_changes	 ch;
	enum cache_status	 status;
	char			*dir, *path, *wal, *shm, *cause = NULL;
	mode_t			 old;

	dir = tmp_path("data/globe");
	path = tmp_path("data/globe/globe.db");
	wal = xasprintf("%s-wal", path);
	shm = xasprintf("%s-shm", path);
	old = umask(022);
	status = cache_open(path, 0, &c, &cause);
	CHECK_INT(status, CACHE_OK, "open creates a new cache (%s)",
	    cause ? cause : "");
	CHECK_INT(mode_of(dir), 0700, "the directory is 0700 under umask 022");
	CHECK_INT(mode_of(path), 0600, "the database is 0600 under umask 022");
	base_set(&s);
	status = apply_set(c, 1, &s, 1, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "a first snapshot applies");
	/* The first one is written without WAL (test_direct); the next is. */
	set_free(&s);
	set_add(&s, rec(REC_CONTACT, "id", "c-9", "authority", "br-pf",
	    "name", "Zé Modo", NULL));
	status = apply_set(c, 0, &s, 2, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "a second sync applies");
	CHECK(access(wal, F_OK) == 0, "a write leaves a -wal file");
	CHECK_INT(mode_of(wal), 0600, "the -wal file is 0600");
	CHECK_INT(mode_of(shm), 0600, "the -shm file is 0600");
	umask(old);
	cache_close(c);
	set_free(&s);
	free(dir);
	free(path);
	free(wal);
	free(shm);
}

static void
test_statements(struct cache *c)
{
	sqlite3_stmt	*st;
	int		 i, bad = -1;

	for (i = 0; i < STMT_COUNT; i++) {
		if ((st = stmt_get(c, (enum stmt_id)i)) == NULL) {
			bad = i;
			printf("# statement %d: %s\n", i, sqlite3_errmsg(c->db));
			break;
		}
		stmt_put(c, (enum stmt_id)i, st);
	}
	CHECK_INT(bad, -1, "every SQL statement of the table prepares");
}

/* Every string field of the record model is a column of its table. */
static void
test_columns(struct cache *c)
{
	static const char *const tables[REC_NDATA] = {
		"countries", "authorities", "contacts", "newsletters", "routes"
	};
	sqlite3_stmt	*st;
	char		*sql;
	const char	*missing = NULL;
	size_t		 i, t;
	int		 found;

	for (t = 0; t < REC_NDATA && missing == NULL; t++) {
		for (i = 0; i < record_types[t].nfields; i++) {
			if (record_types[t].fields[i].kind != RF_STRING)
				continue;
			sql = xasprintf("SELECT 1 FROM pragma_table_info('%s') "
			    "WHERE name = '%s'", tables[t],
			    record_types[t].fields[i].name);
			sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
			found = sqlite3_step(st) == SQLITE_ROW;
			sqlite3_finalize(st);
			free(sql);
			if (!found) {
				missing = record_types[t].fields[i].name;
				break;
			}
		}
	}
	CHECK_STR(missing, NULL, "every record field has its column");
}

static void
test_lists(struct cache *c)
{
	struct cache_filter	 f;
	struct cache_counts	 n;
	struct record		 r;
	size_t			 count;
	int			 calls = 0;

	CHECK_STR(list(c, REC_COUNTRY, NULL, NULL, NULL),
	    "AX:0:0 AT:1:1 BR:2:3",
	    "countries by folded name (Åland first) with counts");
	CHECK_STR(list(c, REC_AUTHORITY, "BR", NULL, NULL),
	    "br-cgu:Brazil:1 br-pf:Brazil:2",
	    "authorities of a country by name, with country and contacts");
	CHECK_STR(list(c, REC_CONTACT, NULL, "br-pf", NULL),
	    "c-1:PF:Brazil c-2:PF:Brazil", "contacts of an authority");
	CHECK_STR(list(c, REC_CONTACT, "BR", NULL, NULL),
	    "c-1:PF:Brazil c-2:PF:Brazil c-3:CGU:Brazil",
	    "contacts of a country by name");
	CHECK_STR(list(c, REC_NEWSLETTER, NULL, NULL, NULL), "nl-2 nl-1",
	    "newsletters newest first");
	CHECK_STR(list(c, REC_CONTACT, NULL, NULL, "c-4"), "c-4:BAK:Austria",
	    "one contact by id");
	CHECK_STR(list(c, REC_CONTACT, NULL, NULL, "c-404"),
	    "error: not found", "a missing id is CACHE_ERR_NOTFOUND");

	memset(&r, 0, sizeof r);
	memset(&f, 0, sizeof f);
	f.type = REC_AUTHORITY;
	f.id = "br-pf";
	cache_list(c, &f, keep_cb, &r);
	CHECK_STR(r.v[AUTH_NAME].s, "Polícia Federal", "name read back");
	CHECK_STR(r.v[AUTH_WEBSITE].s, "https://www.gov.br/pf/",
	    "website read back");
	CHECK_STR(r.v[AUTH_JOINED].s, "2021-06-03", "joined read back");
	CHECK_STR(r.v[AUTH_NOTES].s, NULL, "an absent field stays absent");
	CHECK(r.v[AUTH_LANGUAGES].n == 3 &&
	    strcmp(r.v[AUTH_LANGUAGES].list[0], "pt") == 0 &&
	    strcmp(r.v[AUTH_LANGUAGES].list[2], "es") == 0,
	    "languages read back in order");
	CHECK(r.v[AUTH_EXPERTISE].n == 2 &&
	    strcmp(r.v[AUTH_EXPERTISE].list[1], "money-laundering") == 0,
	    "expertise read back");
	CHECK_INT(r.v[AUTH_DESIGNATIONS].n, 1, "designations read back");
	record_clear(&r);

	f.type = REC_NEWSLETTER;
	f.id = "nl-1";
	cache_list(c, &f, keep_cb, &r);
	CHECK_STR(r.v[NEWS_BODY].s, "Para 1\n\nPara 2",
	    "a body keeps its paragraphs");
	record_clear(&r);

	memset(&f, 0, sizeof f);
	f.type = REC_CONTACT;
	f.offset = 1;
	f.limit = 2;
	CHECK_INT(cache_list(c, &f, stop_cb, &calls), CACHE_OK,
	    "a callback may stop a list");
	CHECK_INT(calls, 1, "stopping ends the list");
	CHECK_INT(cache_list_count(c, &f, &count), CACHE_OK, "count a list");
	CHECK_INT(count, 4, "count ignores offset and limit");
	f.country = "BR";
	cache_list_count(c, &f, &count);
	CHECK_INT(count, 3, "count of the contacts of a country");

	CHECK_INT(cache_counts_get(c, &n), CACHE_OK, "totals");
	CHECK(n.countries == 3 && n.authorities == 3 && n.contacts == 4 &&
	    n.newsletters == 2 && n.unread == 2 && n.starred == 0,
	    "totals count every table");
	CHECK_INT(cache_id_type(c, "br-pf"), REC_AUTHORITY,
	    "an authority id is known");
	CHECK_INT(cache_id_type(c, "c-2"), REC_CONTACT, "a contact id is known");
	CHECK_INT(cache_id_type(c, "zz"), -1, "an unknown id is -1");

}

/* The values of a filter, joined with spaces. */
static const char *
values(struct cache *c, enum cache_value_kind kind)
{
	static char	  out[512];
	char		**v;
	size_t		  n, i;

	out[0] = '\0';
	if (cache_values_list(c, kind, &v, &n) != CACHE_OK)
		return "error";
	for (i = 0; i < n; i++) {
		if (i > 0)
			strncat(out, " ", sizeof out - strlen(out) - 1);
		strncat(out, v[i], sizeof out - strlen(out) - 1);
	}
	cache_values_free(v, n);
	return out;
}

static void
test_values(struct cache *c)
{
	char	**v, *s;
	size_t	  n;

	CHECK_STR(values(c, CACHE_VALUES_KIND), "anti-corruption police",
	    "kinds: distinct, sorted, absent ones left out");
	CHECK_STR(values(c, CACHE_VALUES_ROLE), "case-officer focal-point",
	    "roles of the contacts");
	CHECK_STR(values(c, CACHE_VALUES_EXPERTISE),
	    "asset-recovery money-laundering", "expertise of the authorities");
	CHECK_STR(values(c, CACHE_VALUES_LANGUAGE), "en es pt",
	    "languages of authorities and contacts, each once");
	CHECK_INT(cache_values_list(c, (enum cache_value_kind)99, &v, &n),
	    CACHE_ERR_INVALID, "an unknown kind is invalid");
	CHECK(v == NULL && n == 0, "and gives nothing");
	cache_values_free(NULL, 0);
	CHECK(cache_value_find(c, CACHE_VALUES_ROLE, "Focal-Point", &s) ==
	    CACHE_OK && s != NULL && strcmp(s, "focal-point") == 0,
	    "a value found whatever its ASCII case, as the record spells it");
	free(s);
	CHECK(cache_value_find(c, CACHE_VALUES_LANGUAGE, "es", &s) ==
	    CACHE_OK && s != NULL, "a language only an authority has");
	free(s);
	CHECK(cache_value_find(c, CACHE_VALUES_EXPERTISE, "bribery", &s) ==
	    CACHE_ERR_NOTFOUND && s == NULL, "a value no record holds");
	CHECK(cache_value_find(c, CACHE_VALUES_KIND, "poli", &s) ==
	    CACHE_ERR_NOTFOUND, "the whole value, not a part");
}

static void
test_sync(const char *path)
{
	struct cache		*c = NULL;
	struct set		 s = { .n = 0 };
	struct cache_changes	 ch;
	struct cache_state	 st;
	struct cache_filter	 f;
	struct cache_counts	 n;
	enum cache_status	 status;
	char			*cause = NULL, *sum1 = NULL, *sum2 = NULL;
	size_t			 i;

	status = cache_open(path, 0, &c, &cause);
	CHECK_INT(status, CACHE_OK, "open");
	free(cause);
	test_statements(c);
	test_columns(c);

	base_set(&s);
	status = apply_set(c, 1, &s, 1, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "the first snapshot applies (%s)",
	    cause ? cause : "");
	free(cause);
	CHECK(ch.added[REC_COUNTRY] == 3 && ch.added[REC_AUTHORITY] == 3 &&
	    ch.added[REC_CONTACT] == 4 && ch.added[REC_NEWSLETTER] == 2,
	    "everything of a first snapshot is added");
	CHECK(ch.changed[REC_CONTACT] == 0 && ch.removed[REC_CONTACT] == 0,
	    "nothing changed or removed the first time");
	test_lists(c);
	test_values(c);

	/* User state on records the next snapshot removes. */
	CHECK_INT(cache_star_set(c, REC_CONTACT, "c-2", 1), CACHE_OK,
	    "star a contact");
	CHECK_INT(cache_star_set(c, REC_AUTHORITY, "at-bak", 1), CACHE_OK,
	    "star an authority");
	CHECK_INT(cache_read_set(c, "nl-1", 1), CACHE_OK, "mark read");
	CHECK_STR(list(c, REC_NEWSLETTER, NULL, NULL, NULL), "nl-2 nl-1+",
	    "read marks show");
	cache_counts_get(c, &n);
	CHECK(n.starred == 2 && n.unread == 1, "totals count stars and unread");
	{
		/* Newsletters by the words of their text, folded. */
		struct rows		w;
		struct cache_filter	nf;
		size_t			k = 9;

		memset(&w, 0, sizeof w);
		memset(&nf, 0, sizeof f);
		nf.type = REC_NEWSLETTER;
		nf.text = "PARA 2";
		CHECK_INT(cache_list(c, &nf, rows_cb, &w), CACHE_OK,
		    "newsletters by text list");
		CHECK_STR(w.out, "nl-1+ ", "the body's words find the issue");
		CHECK_INT(cache_list_count(c, &nf, &k), CACHE_OK, "and count");
		CHECK_INT((long long)k, 1, "one issue holds \"para 2\"");
		nf.text = "issue";
		cache_list_count(c, &nf, &k);
		CHECK_INT((long long)k, 2, "the titles too, case folded");
		nf.text = "%";
		cache_list_count(c, &nf, &k);
		CHECK_INT((long long)k, 0, "the text is a substring, not a pattern");
	}
	CHECK_INT(cache_read_all(c), CACHE_OK, "mark all read");
	cache_counts_get(c, &n);
	CHECK_INT(n.unread, 0, "none unread after mark all read");
	CHECK_INT(cache_read_set(c, "nl-2", 0), CACHE_OK, "mark one unread again");

	/* Same snapshot again: nothing changed. */
	status = apply_set(c, 1, &s, 2, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "the same snapshot again applies");
	free(cause);
	for (i = 0; i < REC_NDATA; i++) {
		if (ch.added[i] || ch.changed[i] || ch.removed[i])
			break;
	}
	CHECK_INT(i, REC_NDATA, "the same snapshot again changes nothing");

	/* Second snapshot: drop c-2, at-bak (and c-4), nl-1; change c-3. */
	set_free(&s);
	base_set(&s);
	for (i = 0; i < s.n; i++) {
		const char *k = record_key(s.v[i]);
		if (strcmp(k, "c-2") == 0 || strcmp(k, "at-bak") == 0 ||
		    strcmp(k, "c-4") == 0 || strcmp(k, "nl-1") == 0) {
			record_clear(s.v[i]);
			free(s.v[i]);
			s.v[i] = s.v[--s.n];
			i--;
		} else if (strcmp(k, "c-3") == 0)
			record_set(s.v[i], CONTACT_TITLE, "Auditor");
	}
	set_add(&s, rec(REC_CONTACT, "id", "c-5", "authority", "br-cgu",
	    "name", "Eva Rocha", NULL));
	status = apply_set(c, 1, &s, 3, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "a smaller snapshot applies (%s)",
	    cause ? cause : "");
	free(cause);
	CHECK(ch.added[REC_CONTACT] == 1 && ch.changed[REC_CONTACT] == 1 &&
	    ch.removed[REC_CONTACT] == 2,
	    "contacts: +1 ~1 -2 exactly (got +%u ~%u -%u)",
	    ch.added[REC_CONTACT], ch.changed[REC_CONTACT],
	    ch.removed[REC_CONTACT]);
	CHECK(ch.added[REC_AUTHORITY] == 0 && ch.changed[REC_AUTHORITY] == 0 &&
	    ch.removed[REC_AUTHORITY] == 1, "authorities: -1 exactly");
	CHECK(ch.removed[REC_NEWSLETTER] == 1 && ch.added[REC_COUNTRY] == 0 &&
	    ch.changed[REC_COUNTRY] == 0, "newsletters -1, countries same");
	CHECK_STR(list(c, REC_CONTACT, NULL, NULL, NULL),
	    "c-1:PF:Brazil c-3:CGU:Brazil c-5:CGU:Brazil",
	    "the cache holds exactly the snapshot");
	CHECK_STR(list(c, REC_CONTACT, NULL, NULL, "c-2"), "error: not found",
	    "a removed contact is gone");
	cache_counts_get(c, &n);
	CHECK(n.starred == 0, "stars of absent records are not counted");

	/* Snapshot re-adding them: the stars and the read mark are back. */
	set_free(&s);
	base_set(&s);
	status = apply_set(c, 1, &s, 4, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "the records come back");
	free(cause);
	CHECK_STR(list(c, REC_CONTACT, NULL, "br-pf", NULL),
	    "c-1:PF:Brazil c-2:PF:Brazil*", "a star survives removal and return");
	CHECK_STR(list(c, REC_AUTHORITY, "AT", NULL, NULL),
	    "at-bak:Austria:1*", "an authority's star survives too");
	CHECK_STR(list(c, REC_NEWSLETTER, NULL, NULL, NULL), "nl-2 nl-1+",
	    "a read mark survives removal and return");
	memset(&f, 0, sizeof f);
	f.type = REC_CONTACT;
	f.starred_only = 1;
	{
		struct rows w;
		memset(&w, 0, sizeof w);
		cache_list(c, &f, rows_cb, &w);
		CHECK_INT(w.n, 1, "starred_only lists the starred contact");
	}
	CHECK_INT(cache_star_set(c, REC_CONTACT, "c-2", 0), CACHE_OK, "unstar");
	CHECK_STR(list(c, REC_CONTACT, NULL, "br-pf", NULL),
	    "c-1:PF:Brazil c-2:PF:Brazil", "the star is gone");

	/* The state row. */
	CHECK_INT(cache_state_get(c, &st), CACHE_OK, "read the sync state");
	CHECK(st.serial == 4 && st.feed_id != NULL &&
	    strcmp(st.feed_id, "globe-test") == 0 && st.etag != NULL &&
	    strcmp(st.etag, "\"abc\"") == 0 && st.last_success == 1004 &&
	    st.last_modified == NULL,
	    "the state is written with the data");
	cache_state_clear(&st);
	CHECK_INT(cache_state_note(c, 5000, "network error"), CACHE_OK,
	    "note a failed attempt");
	cache_state_get(c, &st);
	CHECK(st.serial == 4 && st.last_sync == 5000 && st.last_success == 1004 &&
	    strcmp(st.last_result, "network error") == 0,
	    "a note changes only last_sync and last_result");
	cache_state_clear(&st);

	/* Deltas. */
	cache_checksum(c, &sum1);
	set_free(&s);
	set_add(&s, rec(REC_CONTACT, "id", "c-1", "authority", "br-pf",
	    "name", "Ana Souza", "title", "Delegada", "role", "focal-point",
	    "email", "ana.souza@example.org", "languages", "pt,en",
	    "timezone", "America/Sao_Paulo", NULL));
	status = apply_set(c, 0, &s, 4, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "an identical upsert applies");
	free(cause);
	CHECK(ch.added[REC_CONTACT] == 0 && ch.changed[REC_CONTACT] == 0,
	    "an upsert with identical content counts nothing");
	cache_checksum(c, &sum2);
	CHECK_STR(sum2, sum1, "and changes nothing");
	free(sum2);

	set_free(&s);
	set_add(&s, rec(REC_DELETE, "of", "contact", "id", "c-2", NULL));
	set_add(&s, rec(REC_DELETE, "of", "contact", "id", "c-999", NULL));
	set_add(&s, rec(REC_CONTACT, "id", "c-6", "authority", "br-cgu",
	    "name", "Fábio Reis", NULL));
	set_add(&s, rec(REC_AUTHORITY, "id", "br-cgu", "country", "BR",
	    "name", "Controladoria-Geral da União", "acronym", "CGU",
	    "kind", "anti-corruption", "languages", "pt", NULL));
	status = apply_set(c, 0, &s, 5, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "a delta applies (%s)", cause ? cause : "");
	free(cause);
	CHECK(ch.removed[REC_CONTACT] == 1 && ch.added[REC_CONTACT] == 1 &&
	    ch.changed[REC_AUTHORITY] == 1 && ch.changed[REC_CONTACT] == 0,
	    "delta counts: contacts +1 -1, authorities ~1");
	CHECK_STR(list(c, REC_CONTACT, NULL, "br-pf", NULL), "c-1:PF:Brazil",
	    "a delta delete removes the contact");
	free(sum1);

	/* A dangling reference: rejected at commit, nothing changed. */
	cache_checksum(c, &sum1);
	set_free(&s);
	set_add(&s, rec(REC_CONTACT, "id", "c-7", "authority", "br-pf",
	    "name", "Gil Neto", NULL));
	set_add(&s, rec(REC_CONTACT, "id", "c-12", "authority", "br-xx",
	    "name", "Nobody", NULL));
	status = apply_set(c, 0, &s, 6, &ch, &cause);
	CHECK_INT(status, CACHE_ERR_REFERENCE,
	    "a contact of a missing authority is rejected");
	CHECK_STR(cause, "contact c-12: field 'authority': no authority 'br-xx'",
	    "the cause names record, field and target");
	free(cause);
	cache_checksum(c, &sum2);
	CHECK_STR(sum2, sum1, "after rollback the checksum is unchanged");
	free(sum2);
	CHECK_STR(list(c, REC_CONTACT, NULL, NULL, "c-7"), "error: not found",
	    "the good record of the failed sync is not there either");

	set_free(&s);
	set_add(&s, rec(REC_DELETE, "of", "country", "id", "AT", NULL));
	status = apply_set(c, 0, &s, 6, &ch, &cause);
	CHECK_INT(status, CACHE_ERR_REFERENCE,
	    "deleting a country that has authorities is rejected");
	CHECK_STR(cause, "authority at-bak: field 'country': no country 'AT'",
	    "the cause names the orphaned authority");
	free(cause);

	/* Order within a change set does not matter. */
	set_free(&s);
	set_add(&s, rec(REC_CONTACT, "id", "c-8", "authority", "de-bka",
	    "name", "Hanna Vogel", NULL));
	set_add(&s, rec(REC_AUTHORITY, "id", "de-bka", "country", "DE",
	    "name", "Bundeskriminalamt", "acronym", "BKA", NULL));
	set_add(&s, rec(REC_COUNTRY, "code", "DE", "name", "Germany", NULL));
	status = apply_set(c, 0, &s, 7, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "children before parents in a delta apply"
	    " (%s)", cause ? cause : "");
	free(cause);
	cache_checksum(c, &sum2);
	CHECK(strcmp(sum1, sum2) != 0, "the checksum follows the data");
	free(sum1);
	free(sum2);

	set_free(&s);
	set_add(&s, rec(REC_CONTACT, "id", "c-9", "authority", "br-pf", NULL));
	status = apply_set(c, 0, &s, 8, &ch, &cause);
	CHECK_INT(status, CACHE_ERR_INVALID, "a record without a name is invalid");
	CHECK_STR(cause, "contact c-9: missing field 'name'",
	    "the cause names the missing field");
	free(cause);
	CHECK_INT(cache_exit_code(CACHE_ERR_REFERENCE), EXIT_FEED,
	    "a reference error is a feed error (exit 4)");
	CHECK_INT(cache_exit_code(CACHE_ERR_CORRUPT), EXIT_CACHE,
	    "a corrupt cache is exit 5");

	set_free(&s);
	cache_close(c);
}

/* The routes of a country (of one measure, or all: NULL), as list() gives them. */
static const char *
routes_of(struct cache *c, const char *country, const char *measure)
{
	static struct rows	w;
	struct cache_filter	f;
	size_t			len;

	memset(&w, 0, sizeof w);
	memset(&f, 0, sizeof f);
	f.type = REC_ROUTE;
	f.country = country;
	f.measure = measure;
	if (cache_list(c, &f, rows_cb, &w) != CACHE_OK)
		return "error";
	len = strlen(w.out);
	if (len > 0 && w.out[len - 1] == ' ')
		w.out[len - 1] = '\0';
	return w.out;
}

/*
 * A route whose authority or contact is missing, whose contact works for
 * another authority, or that an authority's deletion orphans: the whole
 * change set is refused, with a cause that names the route, and the
 * cache is as it was.
 */
static void
route_refused(struct cache *c, struct set *s, const char *cause_want,
    const char *what)
{
	struct cache_changes	 ch;
	enum cache_status	 status;
	char			*cause = NULL, *before = NULL, *after = NULL;

	cache_checksum(c, &before);
	status = apply_set(c, 0, s, 9, &ch, &cause);
	CHECK_INT(status, CACHE_ERR_REFERENCE, "%s: refused", what);
	CHECK_STR(cause, cause_want, "%s: the cause", what);
	cache_checksum(c, &after);
	CHECK_STR(after, before, "%s: the cache is unchanged", what);
	free(cause);
	free(before);
	free(after);
	set_free(s);
}

static void
test_routes(const char *path)
{
	struct cache		*c = NULL;
	struct set		 s = { .n = 0 };
	struct cache_changes	 ch;
	struct cache_counts	 n;
	struct cache_filter	 f;
	struct record		 r;
	size_t			 count = 0;
	enum cache_status	 status;
	char			*cause = NULL;

	status = cache_open(path, 0, &c, &cause);
	CHECK_INT(status, CACHE_OK, "routes: open");
	free(cause);
	base_set(&s);
	set_add(&s, rec(REC_ROUTE, "id", "r-br-trace", "country", "BR",
	    "measure", "asset-tracing", "authority", "br-pf", "contact", "c-1",
	    "channel", "direct", "formality", "informal", "urgency", "urgent",
	    "from_countries", "PT,ES", "languages", "pt,en:urgent-only",
	    "requirements", "translation", "rank", "1", NULL));
	set_add(&s, rec(REC_ROUTE, "id", "r-br-trace-2", "country", "BR",
	    "measure", "asset-tracing", "authority", "br-cgu",
	    "formality", "formal", NULL));
	set_add(&s, rec(REC_ROUTE, "id", "r-br-mla", "country", "BR",
	    "measure", "mla", "authority", "br-cgu", "contact", "c-3", NULL));
	set_add(&s, rec(REC_ROUTE, "id", "r-at-jit", "country", "AT",
	    "measure", "joint-investigation", "authority", "at-bak",
	    "not_possible", "not in Austrian law", "alternative",
	    "informal-information", NULL));
	status = apply_set(c, 1, &s, 1, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "routes: a snapshot with routes applies "
	    "(%s)", cause ? cause : "");
	free(cause);
	CHECK_INT(ch.added[REC_ROUTE], 4, "routes: counted as added");
	set_free(&s);

	CHECK_STR(routes_of(c, "BR", NULL),
	    "r-br-trace:asset-tracing:PF:Ana Souza "
	    "r-br-trace-2:asset-tracing:CGU:- r-br-mla:mla:CGU:Carla Dias",
	    "routes: a country's, by measure, with authority and contact");
	CHECK_STR(routes_of(c, "BR", "asset-tracing"),
	    "r-br-trace:asset-tracing:PF:Ana Souza "
	    "r-br-trace-2:asset-tracing:CGU:-",
	    "routes: a country's for one measure");
	CHECK_STR(routes_of(c, "BR", "extradition"), "",
	    "routes: none for a measure the country lacks");
	CHECK_STR(list(c, REC_ROUTE, NULL, "br-cgu", NULL),
	    "r-br-trace-2:asset-tracing:CGU:- r-br-mla:mla:CGU:Carla Dias",
	    "routes: the ones an authority serves");
	memset(&f, 0, sizeof f);
	f.type = REC_ROUTE;
	f.country = "BR";
	f.measure = "asset-tracing";
	CHECK_INT(cache_list_count(c, &f, &count), CACHE_OK, "routes: count");
	CHECK_INT(count, 2, "routes: counted for a country and measure");

	memset(&r, 0, sizeof r);
	memset(&f, 0, sizeof f);
	f.type = REC_ROUTE;
	f.id = "r-br-trace";
	cache_list(c, &f, keep_cb, &r);
	CHECK(r.v[ROUTE_LANGUAGES].n == 2 &&
	    strcmp(r.v[ROUTE_LANGUAGES].list[1], "en:urgent-only") == 0 &&
	    r.v[ROUTE_FROM_COUNTRIES].n == 2 &&
	    r.v[ROUTE_REQUIREMENTS].n == 1 && r.v[ROUTE_LEGAL_BASIS].n == 0,
	    "routes: lists read back in order");
	CHECK_STR(r.v[ROUTE_RANK].s, "1", "routes: rank read back");
	record_clear(&r);
	CHECK_STR(list(c, REC_COUNTRY, NULL, NULL, NULL),
	    "AX:0:0 AT:1:1 BR:2:3", "routes: the countries as before");
	cache_counts_get(c, &n);
	CHECK_INT(n.routes, 4, "routes: in the totals");
	CHECK_INT(cache_id_type(c, "r-br-mla"), REC_ROUTE,
	    "routes: a route id is known");
	{
		char	*name = cache_country_name(c, "AX");

		CHECK_STR(name, "Åland", "routes: a country's name by its code");
		free(name);
		CHECK(cache_country_name(c, "ZZ") == NULL,
		    "routes: no name for an unknown code");
	}
	CHECK_STR(values(c, CACHE_VALUES_MEASURE),
	    "asset-tracing joint-investigation mla",
	    "routes: the measures the cache holds");

	/* Every broken reference refuses the whole change set. */
	set_add(&s, rec(REC_ROUTE, "id", "r-new", "country", "BR",
	    "measure", "bank-records", "authority", "br-pf", NULL));
	set_add(&s, rec(REC_ROUTE, "id", "r-bad", "country", "BR",
	    "measure", "bank-records", "authority", "br-nope", NULL));
	route_refused(c, &s, "route r-bad: field 'authority': no authority "
	    "'br-nope'", "a route of a missing authority");
	set_add(&s, rec(REC_ROUTE, "id", "r-bad", "country", "ZZ",
	    "measure", "bank-records", "authority", "br-pf", NULL));
	route_refused(c, &s, "route r-bad: field 'country': no country 'ZZ'",
	    "a route to a missing country");
	set_add(&s, rec(REC_ROUTE, "id", "r-bad", "country", "BR",
	    "measure", "bank-records", "authority", "br-pf", "contact",
	    "c-404", NULL));
	route_refused(c, &s, "route r-bad: field 'contact': no contact "
	    "'c-404'", "a route of a missing contact");
	set_add(&s, rec(REC_ROUTE, "id", "r-bad", "country", "BR",
	    "measure", "bank-records", "authority", "br-pf", "contact",
	    "c-3", NULL));
	route_refused(c, &s, "route r-bad: field 'contact': contact 'c-3' "
	    "works for authority 'br-cgu', not for the route's 'br-pf'",
	    "a route whose contact works elsewhere");
	set_add(&s, rec(REC_DELETE, "of", "authority", "id", "at-bak", NULL));
	set_add(&s, rec(REC_DELETE, "of", "contact", "id", "c-4", NULL));
	route_refused(c, &s, "route r-at-jit: field 'authority': no authority "
	    "'at-bak'", "deleting an authority a route names");
	set_add(&s, rec(REC_DELETE, "of", "contact", "id", "c-1", NULL));
	route_refused(c, &s, "route r-br-trace: field 'contact': no contact "
	    "'c-1'", "deleting a contact a route names");
	set_add(&s, rec(REC_CONTACT, "id", "c-1", "authority", "br-cgu",
	    "name", "Ana Souza", NULL));
	route_refused(c, &s, "route r-br-trace: field 'contact': contact 'c-1' "
	    "works for authority 'br-cgu', not for the route's 'br-pf'",
	    "moving a contact a route names to another authority");

	/* A delta that changes, adds and deletes routes changes exactly those. */
	set_add(&s, rec(REC_ROUTE, "id", "r-br-trace-2", "country", "BR",
	    "measure", "asset-tracing", "authority", "br-cgu",
	    "formality", "formal", "rank", "2", NULL));
	set_add(&s, rec(REC_ROUTE, "id", "r-br-bank", "country", "BR",
	    "measure", "bank-records", "authority", "br-pf", "contact", "c-2",
	    NULL));
	set_add(&s, rec(REC_DELETE, "of", "route", "id", "r-at-jit", NULL));
	status = apply_set(c, 0, &s, 10, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "routes: a delta applies (%s)",
	    cause ? cause : "");
	free(cause);
	set_free(&s);
	CHECK(ch.added[REC_ROUTE] == 1 && ch.changed[REC_ROUTE] == 1 &&
	    ch.removed[REC_ROUTE] == 1, "routes: +1 ~1 -1 exactly (got +%u "
	    "~%u -%u)", ch.added[REC_ROUTE], ch.changed[REC_ROUTE],
	    ch.removed[REC_ROUTE]);
	CHECK(ch.added[REC_CONTACT] + ch.changed[REC_CONTACT] +
	    ch.removed[REC_CONTACT] + ch.added[REC_AUTHORITY] +
	    ch.changed[REC_AUTHORITY] + ch.removed[REC_AUTHORITY] == 0,
	    "routes: nothing else counted");
	CHECK_STR(routes_of(c, "BR", NULL),
	    "r-br-trace:asset-tracing:PF:Ana Souza "
	    "r-br-trace-2:asset-tracing:CGU:- "
	    "r-br-bank:bank-records:PF:Bruno Lima r-br-mla:mla:CGU:Carla Dias",
	    "routes: the new one is there, the others as they were");
	CHECK_STR(routes_of(c, "AT", NULL), "", "routes: the deleted one is gone");
	memset(&r, 0, sizeof r);
	memset(&f, 0, sizeof f);
	f.type = REC_ROUTE;
	f.id = "r-br-trace-2";
	cache_list(c, &f, keep_cb, &r);
	CHECK_STR(r.v[ROUTE_RANK].s, "2", "routes: the changed one changed");
	record_clear(&r);

	/* Now nothing names at-bak: it may go. */
	set_add(&s, rec(REC_DELETE, "of", "contact", "id", "c-4", NULL));
	set_add(&s, rec(REC_DELETE, "of", "authority", "id", "at-bak", NULL));
	status = apply_set(c, 0, &s, 11, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "routes: an authority no route names "
	    "may be deleted (%s)", cause ? cause : "");
	free(cause);
	set_free(&s);

	/* A snapshot without routes leaves none. */
	base_set(&s);
	status = apply_set(c, 1, &s, 12, &ch, &cause);
	free(cause);
	set_free(&s);
	CHECK_INT(ch.removed[REC_ROUTE], 4, "routes: a snapshot without "
	    "routes removes them all");
	cache_counts_get(c, &n);
	CHECK_INT(n.routes, 0, "routes: none left");
	cache_close(c);
}

static void
test_memory(void)
{
	struct cache		*c = NULL;
	struct set		 s = { .n = 0 };
	struct cache_changes	 ch;
	struct cache_query	 q;
	struct cache_hits	 hits;
	char			*cause = NULL;

	CHECK_INT(cache_open(":memory:", 0, &c, &cause), CACHE_OK,
	    "a cache in memory opens");
	free(cause);
	cause = NULL;
	base_set(&s);
	CHECK_INT(apply_set(c, 1, &s, 1, &ch, &cause), CACHE_OK,
	    "and takes a snapshot");
	free(cause);
	cause = NULL;
	memset(&q, 0, sizeof q);
	q.text = "souza";
	CHECK(cache_search(c, &q, &hits, &cause) == CACHE_OK && hits.n == 1 &&
	    strcmp(hits.v[0].id, "c-1") == 0, "and searches");
	cache_hits_free(&hits);
	set_free(&s);
	cache_close(c);
}

/*
 * globe's SQL functions are for globe's own statements: a view, trigger
 * or default in a file someone else wrote cannot call them.
 */
static void
test_functions_direct_only(void)
{
	struct cache	*c = NULL;
	sqlite3_stmt	*st = NULL;
	char		*cause = NULL;
	int		 rc;

	CHECK_INT(cache_open(":memory:", 0, &c, &cause), CACHE_OK,
	    "functions: a cache opens");
	free(cause);
	if (c == NULL)
		return;
	rc = sqlite3_prepare_v2(c->db, "SELECT globe_fold('Wałęsa')", -1, &st,
	    NULL);
	CHECK(rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    strcmp((const char *)sqlite3_column_text(st, 0), "walesa") == 0,
	    "functions: globe_fold works in globe's own statement");
	sqlite3_finalize(st);
	CHECK_INT(sqlite3_exec(c->db, "CREATE VIEW v AS SELECT "
	    "globe_fold('X') AS x", NULL, NULL, NULL), SQLITE_OK,
	    "functions: a view naming globe_fold can be made");
	st = NULL;
	rc = sqlite3_prepare_v2(c->db, "SELECT x FROM v", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	CHECK(rc == SQLITE_ERROR &&
	    strstr(sqlite3_errmsg(c->db), "unsafe use of globe_fold") != NULL,
	    "functions: but not run from it (%s)", sqlite3_errmsg(c->db));
	sqlite3_finalize(st);
	cache_close(c);
}

static int
reader_cb(const struct record *r, const struct cache_extra *x, void *arg)
{
	struct {
		const char	*path;
		int		 rows;
		enum cache_status writer;
	} *w = arg;
	struct cache		*c2 = NULL;
	struct set		 s = { .n = 0 };
	struct cache_changes	 ch;
	char			*cause = NULL;

	(void)r;
	(void)x;
	if (w->rows++ > 0)
		return 0;
	/* A second connection commits while this one is reading. */
	w->writer = cache_open(w->path, 0, &c2, &cause);
	free(cause);
	cause = NULL;
	if (w->writer != CACHE_OK)
		return 0;
	set_add(&s, rec(REC_CONTACT, "id", "c-100", "authority", "br-pf",
	    "name", "Zé Novo", NULL));
	w->writer = apply_set(c2, 0, &s, 9, &ch, &cause);
	free(cause);
	set_free(&s);
	cache_close(c2);
	return 0;
}

static void
test_concurrent(const char *path)
{
	struct cache		*c = NULL;
	struct cache_filter	 f;
	struct {
		const char	*path;
		int		 rows;
		enum cache_status writer;
	} w = { path, 0, CACHE_ERR };
	size_t			 n1, n2;
	enum cache_status	 status;
	char			*cause = NULL;

	status = cache_open(path, 0, &c, &cause);
	free(cause);
	memset(&f, 0, sizeof f);
	f.type = REC_CONTACT;
	cache_list_count(c, &f, &n1);
	status = cache_list(c, &f, reader_cb, &w);
	CHECK_INT(status, CACHE_OK, "a reader reads through another's commit");
	CHECK_INT(w.writer, CACHE_OK, "the writer commits while it reads");
	CHECK_INT(w.rows, (long long)n1, "the reader sees its own snapshot");
	cache_list_count(c, &f, &n2);
	CHECK_INT(n2, (long long)n1 + 1, "the next read sees the commit");
	cache_close(c);
}

/* The journal mode the file's header says: 1 rollback, 2 WAL, -1 none. */
static int
header_mode(const char *path)
{
	unsigned char	h[20];
	int		fd, n;

	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	n = (int)pread(fd, h, sizeof h, 0);
	close(fd);
	if (n != (int)sizeof h || h[18] != h[19])
		return -1;
	return h[18];
}

/*
 * The first sync into an empty cache is written in rollback-journal mode
 * when no other connection has the file (each page written once), and
 * the file is back in WAL mode after it, whether it commits or not.
 */
static void
test_direct(void)
{
	struct cache		*c = NULL, *c2 = NULL;
	struct set		 s = { .n = 0 };
	struct cache_changes	 ch;
	struct cache_filter	 f;
	enum cache_status	 status;
	char			*path, *journal, *cause = NULL;
	size_t			 n = 0;

	path = tmp_path("direct.db");
	journal = xasprintf("%s-journal", path);
	status = cache_open(path, 0, &c, &cause);
	CHECK_INT(status, CACHE_OK, "open a new cache (%s)", cause ? cause : "");
	free(cause);
	cause = NULL;
	CHECK_INT(header_mode(path), 2, "a new cache is in WAL mode");

	/* A first sync that fails: nothing stored, back to WAL. */
	status = cache_apply_begin(c, &cause);
	CHECK_INT(status, CACHE_OK, "a first sync begins");
	CHECK_INT(header_mode(path), 1,
	    "the first sync into an empty cache is written without WAL");
	set_add(&s, rec(REC_COUNTRY, "code", "BR", "name", "Brazil", NULL));
	status = cache_apply_record(c, s.v[0], &cause);
	CHECK_INT(status, CACHE_OK, "a record is stored");
	CHECK(access(journal, F_OK) == 0 && mode_of(journal) == 0600,
	    "its rollback journal is there, 0600");
	cache_apply_rollback(c);
	CHECK_INT(header_mode(path), 2, "a rolled back first sync: WAL again");
	CHECK(access(journal, F_OK) != 0, "and no journal is left");
	memset(&f, 0, sizeof f);
	f.type = REC_COUNTRY;
	CHECK(cache_list_count(c, &f, &n) == CACHE_OK && n == 0,
	    "and nothing was stored");
	set_free(&s);

	/* The same, committed. */
	base_set(&s);
	status = apply_set(c, 1, &s, 1, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "a first snapshot applies (%s)",
	    cause ? cause : "");
	free(cause);
	cause = NULL;
	CHECK_INT(header_mode(path), 2, "after it the cache is in WAL mode");
	CHECK(access(journal, F_OK) != 0, "no journal is left");
	status = cache_open(path, 0, &c2, &cause);
	CHECK_INT(status, CACHE_OK, "another connection opens it");
	free(cause);
	cause = NULL;
	f.type = REC_CONTACT;
	CHECK(c2 != NULL && cache_list_count(c2, &f, &n) == CACHE_OK &&
	    n == 4, "and reads what the first sync stored");
	set_free(&s);

	/* A cache with records is written through WAL. */
	status = cache_apply_begin(c, &cause);
	CHECK_INT(status, CACHE_OK, "a second sync begins");
	CHECK_INT(header_mode(path), 2, "a sync into a cache with records "
	    "keeps WAL");
	cache_apply_rollback(c);
	cache_close(c);
	cache_close(c2);
	c = c2 = NULL;
	free(path);

	/* An empty cache another connection has open: WAL, no waiting. */
	path = tmp_path("direct2.db");
	status = cache_open(path, 0, &c, &cause);
	free(cause);
	cause = NULL;
	status = cache_open(path, 0, &c2, &cause);
	CHECK_INT(status, CACHE_OK, "two connections to a new cache");
	free(cause);
	cause = NULL;
	base_set(&s);
	status = cache_apply_begin(c, &cause);
	CHECK_INT(status, CACHE_OK, "a first sync begins beside a reader");
	CHECK_INT(header_mode(path), 2, "and keeps WAL: the reader can read");
	f.type = REC_CONTACT;
	CHECK(c2 != NULL && cache_list_count(c2, &f, &n) == CACHE_OK &&
	    n == 0, "the reader reads while the sync runs");
	cache_apply_rollback(c);
	status = apply_set(c, 1, &s, 1, &ch, &cause);
	CHECK_INT(status, CACHE_OK, "the sync commits beside the reader");
	free(cause);
	CHECK(c2 != NULL && cache_list_count(c2, &f, &n) == CACHE_OK &&
	    n == 4, "the reader sees it");
	set_free(&s);
	cache_close(c);
	cache_close(c2);
	free(path);
	free(journal);
}

static void
test_bad_files(void)
{
	struct cache	*c = NULL;
	enum cache_status status;
	unsigned char	 junk[8192];
	char		*path, *cause = NULL, *good, *data;
	size_t		 i;
	FILE		*f;
	long		 len;
	sqlite3		*db;

	srand(42);
	for (i = 0; i < sizeof junk; i++)
		junk[i] = (unsigned char)rand();
	path = tmp_path("junk.db");
	write_file(path, junk, sizeof junk);
	status = cache_open(path, 0, &c, &cause);
	CHECK_INT(status, CACHE_ERR_CORRUPT, "random bytes: CACHE_ERR_CORRUPT");
	CHECK(c == NULL, "no cache handle for a corrupt file");
	CHECK(cause != NULL && strstr(cause, "junk.db") != NULL &&
	    strstr(cause, "globe sync") != NULL,
	    "the cause names the file and how to rebuild (%s)",
	    cause ? cause : "");
	free(cause);
	cause = NULL;
	free(path);

	/* A real cache cut in half. */
	good = tmp_path("sync.db");
	f = fopen(good, "rb");
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	data = xmalloc((size_t)len);
	if (fread(data, 1, (size_t)len, f) != (size_t)len)
		abort();
	fclose(f);
	path = tmp_path("cut.db");
	write_file(path, data, (size_t)len / 2);
	status = cache_open(path, 0, &c, &cause);
	CHECK_INT(status, CACHE_ERR_CORRUPT, "a truncated file: CACHE_ERR_CORRUPT"
	    " (%s)", cause ? cause : "");
	cache_close(c);
	c = NULL;
	free(cause);
	cause = NULL;
	free(path);

	path = tmp_path("tiny.db");
	write_file(path, data, 60);
	status = cache_open(path, 0, &c, &cause);
	CHECK_INT(status, CACHE_ERR_CORRUPT, "a file cut inside the header:"
	    " CACHE_ERR_CORRUPT");
	cache_close(c);
	c = NULL;
	free(cause);
	cause = NULL;
	free(path);
	free(data);
	free(good);

	/* Written by a newer globe. */
	path = tmp_path("newer.db");
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	status = cache_open(path, 0, &c, &cause);
	CHECK_INT(status, CACHE_ERR_NEWER, "a newer schema is refused");
	free(cause);
	cause = NULL;
	free(path);

	/* Absent, read-only. */
	path = tmp_path("absent/none.db");
	status = cache_open(path, CACHE_OPEN_READONLY, &c, &cause);
	CHECK_INT(status, CACHE_ERR_NOTFOUND, "read-only open of nothing");
	free(cause);
	cause = NULL;
	status = cache_open(path, CACHE_OPEN_NOCREATE, &c, &cause);
	CHECK_INT(status, CACHE_ERR_NOTFOUND, "NOCREATE open of nothing");
	free(cause);
	cause = NULL;
	CHECK(access(path, F_OK) != 0, "and nothing was created");
	free(path);

	path = tmp_path("sync.db");
	status = cache_open(path, CACHE_OPEN_READONLY, &c, &cause);
	CHECK_INT(status, CACHE_OK, "read-only open of a cache");
	free(cause);
	cause = NULL;
	if (c != NULL) {
		CHECK_INT(cache_apply_begin(c, &cause), CACHE_ERR_READONLY,
		    "a read-only cache does not sync");
		free(cause);
		cause = NULL;
		CHECK_STR(list(c, REC_COUNTRY, NULL, "x", "DE"), "DE:1:1",
		    "but it lists");
		cache_close(c);
	}
	free(path);

	/* An empty file (made by someone else) is a new cache. */
	path = tmp_path("empty.db");
	write_file(path, "", 0);
	status = cache_open(path, 0, &c, &cause);
	CHECK_INT(status, CACHE_OK, "an empty file becomes a cache");
	free(cause);
	cache_close(c);
	free(path);
}

int
main(void)
{
	char	*path, *cmd;

	snprintf(tmpdir, sizeof tmpdir, "%s/globe-test-cache.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return 1;

	test_modes();
	path = tmp_path("sync.db");
	test_sync(path);
	test_concurrent(path);
	free(path);
	path = tmp_path("routes.db");
	test_routes(path);
	free(path);
	test_direct();
	test_bad_files();
	test_memory();
	test_functions_direct_only();

	cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
	free(cmd);
	HARNESS_END();
}
