/*
 * test-changes.c: the change log and the officer's own state. A delta
 * that changes, adds and deletes records of every type gives exactly
 * those entries (with the fields that differ, a removed record's last
 * name, nothing for a record sent again unchanged); a record changed
 * twice in one sync is compared with what it was before it; a snapshot
 * over old data is compared too; the first fill is logged by its counts
 * alone; a failed sync logs nothing; the log keeps the last 50 syncs.
 * Notes survive every sync, also a record's deletion and return, and are
 * searched; flags keep the serial seen and their sending state.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache/cache.h"
#include "harness.h"
#include "records.h"

static char	tmpdir[256];

static struct record *
del(const char *of, const char *id)
{
	return rec(REC_DELETE, "of", of, "id", id, NULL);
}

static void
base(struct set *s)
{
	set_add(s, rec(REC_COUNTRY, "code", "BR", "name", "Brazil", "region",
	    "Americas", NULL));
	set_add(s, rec(REC_COUNTRY, "code", "AT", "name", "Austria", NULL));
	set_add(s, rec(REC_COUNTRY, "code", "FR", "name", "France", NULL));
	set_add(s, rec(REC_AUTHORITY, "id", "br-pf", "country", "BR", "name",
	    "Polícia Federal", "acronym", "PF", "languages", "pt,en", NULL));
	set_add(s, rec(REC_AUTHORITY, "id", "br-cgu", "country", "BR", "name",
	    "Controladoria-Geral da União", NULL));
	set_add(s, rec(REC_AUTHORITY, "id", "at-bak", "country", "AT", "name",
	    "Bundesamt zur Korruptionsprävention", NULL));
	set_add(s, rec(REC_AUTHORITY, "id", "at-old", "country", "AT", "name",
	    "Old Office", NULL));
	set_add(s, rec(REC_CONTACT, "id", "c-1", "authority", "br-pf", "name",
	    "Ana Souza", "title", "Delegada", "email", "ana@example.org",
	    "verified", "2026-01-01", NULL));
	set_add(s, rec(REC_CONTACT, "id", "c-2", "authority", "br-pf", "name",
	    "Bruno Lima", NULL));
	set_add(s, rec(REC_CONTACT, "id", "c-3", "authority", "br-cgu", "name",
	    "Carla Dias", NULL));
	set_add(s, rec(REC_NEWSLETTER, "id", "nl-1", "published", "2026-03-31",
	    "title", "Issue one", NULL));
	set_add(s, rec(REC_NEWSLETTER, "id", "nl-2", "published", "2026-06-30",
	    "title", "Issue two", NULL));
	set_add(s, rec(REC_ROUTE, "id", "r-1", "country", "BR", "measure",
	    "asset-tracing", "authority", "br-pf", "contact", "c-1",
	    "channel", "direct", NULL));
	set_add(s, rec(REC_ROUTE, "id", "r-2", "country", "AT", "measure",
	    "freezing", "authority", "at-bak", NULL));
}

/* One record of every type changed, added and deleted; c-2 sent again. */
static void
delta(struct set *s)
{
	set_add(s, rec(REC_COUNTRY, "code", "BR", "name", "Brazil", "region",
	    "South America", NULL));
	set_add(s, rec(REC_COUNTRY, "code", "DE", "name", "Germany", NULL));
	set_add(s, rec(REC_AUTHORITY, "id", "br-pf", "country", "BR", "name",
	    "Polícia Federal", "acronym", "DPF", "languages", "pt,en,es",
	    NULL));
	set_add(s, rec(REC_AUTHORITY, "id", "br-mpf", "country", "BR", "name",
	    "Ministério Público Federal", NULL));
	set_add(s, rec(REC_CONTACT, "id", "c-1", "authority", "br-pf", "name",
	    "Ana Souza", "title", "Delegada Federal", "email",
	    "ana.souza@example.org", "verified", "2026-01-01", NULL));
	set_add(s, rec(REC_CONTACT, "id", "c-2", "authority", "br-pf", "name",
	    "Bruno Lima", NULL));
	set_add(s, rec(REC_CONTACT, "id", "c-9", "authority", "br-mpf", "name",
	    "Zélia Prado", NULL));
	set_add(s, rec(REC_NEWSLETTER, "id", "nl-1", "published", "2026-03-31",
	    "title", "Issue one (corrected)", NULL));
	set_add(s, rec(REC_NEWSLETTER, "id", "nl-3", "published", "2026-09-30",
	    "title", "Issue three", NULL));
	set_add(s, rec(REC_ROUTE, "id", "r-1", "country", "BR", "measure",
	    "asset-tracing", "authority", "br-pf", "contact", "c-1",
	    "channel", "egmont", NULL));
	set_add(s, rec(REC_ROUTE, "id", "r-3", "country", "BR", "measure",
	    "freezing", "authority", "br-mpf", NULL));
	set_add(s, del("route", "r-2"));
	set_add(s, del("contact", "c-3"));
	set_add(s, del("authority", "at-old"));
	set_add(s, del("newsletter", "nl-2"));
	set_add(s, del("country", "FR"));
}

static enum cache_status
apply(struct cache *c, int snapshot, struct set *s, int64_t serial,
    struct cache_changes *ch)
{
	struct cache_state	st;
	enum cache_status	status;
	char			*cause = NULL;
	size_t			i;

	if ((status = cache_apply_begin(c, &cause)) != CACHE_OK)
		goto fail;
	if (snapshot && (status = cache_apply_snapshot(c, &cause)) != CACHE_OK)
		goto fail;
	for (i = 0; i < s->n; i++) {
		if ((status = cache_apply_record(c, s->v[i], &cause)) != CACHE_OK)
			goto fail;
	}
	memset(&st, 0, sizeof st);
	st.feed_id = "globe-test";
	st.serial = serial;
	st.issued = "2026-11-27T10:00:00Z";
	st.expires = "2026-12-27T10:00:00Z";
	st.last_sync = st.last_success = 100000 + serial;
	if ((status = cache_apply_commit(c, &st, ch, &cause)) != CACHE_OK)
		goto fail;
	return CACHE_OK;
fail:
	if (cause != NULL)
		printf("# %s\n", cause);
	free(cause);
	cache_apply_rollback(c);
	return status;
}

static const char *const whats[] = { "added", "changed", "removed" };

/* The entries of sync n as "type id what [fields] name; …". */
static const char *
entries(struct cache *c, int64_t n, int type)
{
	static char		 out[4096];
	struct cache_change	*v;
	size_t			 k, i;

	out[0] = '\0';
	if (cache_change_list(c, n, type, &v, &k) != CACHE_OK)
		return "error";
	for (i = 0; i < k; i++) {
		snprintf(out + strlen(out), sizeof out - strlen(out),
		    "%s%s %s %s%s%s%s %s", i > 0 ? "; " : "",
		    record_types[v[i].type].name, v[i].id, whats[v[i].what],
		    v[i].fields != NULL ? " [" : "",
		    v[i].fields != NULL ? v[i].fields : "",
		    v[i].fields != NULL ? "]" : "",
		    v[i].name != NULL ? v[i].name : "(null)");
	}
	cache_changes_free(v, k);
	return out;
}

static int64_t
last(struct cache *c)
{
	int64_t	n = -1;

	cache_change_last(c, &n);
	return n;
}

static void
test_log(const char *path)
{
	struct cache			*c = NULL;
	struct cache_change_sync	*syncs;
	struct cache_changes		 ch;
	struct set			 s = { .n = 0 };
	enum cache_status		 status;
	size_t				 n;
	char				*cause = NULL, *fields;

	status = cache_open(path, 0, &c, &cause);
	CHECK_INT(status, CACHE_OK, "open (%s)", cause ? cause : "");
	free(cause);
	if (status != CACHE_OK)
		return;
	CHECK_INT(last(c), 0, "a new cache has logged no sync");

	base(&s);
	CHECK_INT(apply(c, 1, &s, 1, &ch), CACHE_OK, "the first snapshot");
	set_free(&s);
	CHECK_INT(ch.log_sync, 1, "it is logged as sync 1");
	cache_change_syncs(c, 0, 0, &syncs, &n);
	CHECK(n == 1 && syncs[0].first && syncs[0].serial == 1 &&
	    syncs[0].old_serial == -1 && syncs[0].at == 100001,
	    "the last logged sync: the first fill, serial 1, its time");
	CHECK(n == 1 && syncs[0].counts.added[REC_CONTACT] == 3 &&
	    syncs[0].counts.added[REC_ROUTE] == 2 &&
	    syncs[0].counts.changed[REC_CONTACT] == 0,
	    "with its counts");
	free(syncs);
	CHECK_STR(entries(c, 1, -1), "",
	    "the first fill lists no record: everything is new");

	delta(&s);
	CHECK_INT(apply(c, 0, &s, 2, &ch), CACHE_OK, "a delta");
	set_free(&s);
	CHECK_INT(ch.log_sync, 2, "logged as sync 2");
	CHECK_STR(entries(c, 2, -1),
	    "country DE added Germany; "
	    "country BR changed [region] Brazil; "
	    "country FR removed France; "
	    "authority br-mpf added Ministério Público Federal; "
	    "authority br-pf changed [acronym,languages] Polícia Federal; "
	    "authority at-old removed Old Office; "
	    "contact c-9 added Zélia Prado; "
	    "contact c-1 changed [title,email] Ana Souza; "
	    "contact c-3 removed Carla Dias; "
	    "newsletter nl-3 added Issue three; "
	    "newsletter nl-1 changed [title] Issue one (corrected); "
	    "newsletter nl-2 removed Issue two; "
	    "route r-3 added freezing; "
	    "route r-1 changed [channel] asset-tracing; "
	    "route r-2 removed freezing",
	    "every type: exactly what was added, changed (with its fields) "
	    "and removed (with its last name); c-2, sent unchanged, is not "
	    "there");
	CHECK_STR(entries(c, 2, REC_CONTACT),
	    "contact c-9 added Zélia Prado; "
	    "contact c-1 changed [title,email] Ana Souza; "
	    "contact c-3 removed Carla Dias", "one type only");
	cache_change_syncs(c, 0, 0, &syncs, &n);
	CHECK(n == 1 && syncs[0].sync == 2 && !syncs[0].first &&
	    syncs[0].old_serial == 1 && syncs[0].serial == 2 &&
	    syncs[0].counts.added[REC_CONTACT] == 1 &&
	    syncs[0].counts.changed[REC_CONTACT] == 1 &&
	    syncs[0].counts.removed[REC_CONTACT] == 1,
	    "the last sync: 2, from serial 1, with its counts");
	free(syncs);

	/* Changed twice in one sync (a chain of deltas), and back again. */
	set_add(&s, rec(REC_CONTACT, "id", "c-1", "authority", "br-pf", "name",
	    "Ana Souza", "title", "Chefe", "email", "ana.souza@example.org",
	    "verified", "2026-01-01", NULL));
	set_add(&s, rec(REC_CONTACT, "id", "c-1", "authority", "br-pf", "name",
	    "Ana Souza", "title", "Chefe", "email", "ana.souza@example.org",
	    "verified", "2026-11-01", NULL));
	set_add(&s, rec(REC_CONTACT, "id", "c-2", "authority", "br-pf", "name",
	    "Bruno Lima", "title", "Agente", NULL));
	set_add(&s, rec(REC_CONTACT, "id", "c-2", "authority", "br-pf", "name",
	    "Bruno Lima", NULL));
	CHECK_INT(apply(c, 0, &s, 4, &ch), CACHE_OK, "two deltas in one sync");
	set_free(&s);
	CHECK_STR(entries(c, 3, -1),
	    "contact c-1 changed [title,verified] Ana Souza",
	    "a record changed twice is compared with what it was before "
	    "the sync; one changed and changed back is not there");

	/* A snapshot over old data: compared record by record too. */
	base(&s);
	CHECK_INT(apply(c, 1, &s, 5, &ch), CACHE_OK, "a snapshot over data");
	set_free(&s);
	CHECK_STR(entries(c, 4, REC_CONTACT),
	    "contact c-3 added Carla Dias; "
	    "contact c-1 changed [title,email,verified] Ana Souza; "
	    "contact c-9 removed Zélia Prado",
	    "a snapshot's changes are logged against the old records");
	cache_change_syncs(c, 4, 0, &syncs, &n);
	CHECK(n == 1 && !syncs[0].first, "a snapshot over data is no first fill");
	free(syncs);

	CHECK_INT(cache_changed_fields(c, REC_CONTACT, "c-1", 1, &fields),
	    CACHE_OK, "the fields of c-1 changed after sync 1");
	CHECK_STR(fields, "title,email,verified", "each once, in order");
	free(fields);
	CHECK_INT(cache_changed_fields(c, REC_CONTACT, "c-2", 1, &fields),
	    CACHE_OK, "c-2's");
	CHECK(fields == NULL, "none: it never changed");
	free(fields);

	/* Nothing changed: nothing logged. */
	base(&s);
	CHECK_INT(apply(c, 1, &s, 6, &ch), CACHE_OK, "the same snapshot again");
	set_free(&s);
	CHECK_INT(last(c), 4, "a sync that changed nothing is not logged");
	CHECK_INT(ch.log_sync, 0, "and says so");

	/* A failed sync: rolled back, its log with it. */
	set_add(&s, rec(REC_CONTACT, "id", "c-5", "authority", "nowhere", "name",
	    "X", NULL));
	CHECK(apply(c, 0, &s, 7, &ch) == CACHE_ERR_REFERENCE,
	    "a delta with a broken reference fails");
	set_free(&s);
	CHECK_INT(last(c), 4, "and leaves no log entry");

	cache_close(c);
}

static void
test_prune(const char *path)
{
	struct cache			*c = NULL;
	struct cache_change_sync	*syncs;
	struct cache_changes		 ch;
	struct set			 s = { .n = 0 };
	size_t				 n;
	char				*cause = NULL, title[32];
	int				 i;

	cache_open(path, 0, &c, &cause);
	free(cause);
	base(&s);
	apply(c, 1, &s, 1, &ch);
	set_free(&s);
	for (i = 2; i <= 56; i++) {
		snprintf(title, sizeof title, "Title %d", i);
		set_add(&s, rec(REC_CONTACT, "id", "c-2", "authority", "br-pf",
		    "name", "Bruno Lima", "title", title, NULL));
		if (apply(c, 0, &s, i, &ch) != CACHE_OK)
			break;
		set_free(&s);
	}
	set_free(&s);
	CHECK_INT(i, 57, "56 syncs that changed something");
	CHECK_INT(last(c), 56, "the last is sync 56");
	cache_change_syncs(c, 0, 1, &syncs, &n);
	CHECK_INT(n, 50, "the log keeps the last 50 syncs");
	CHECK(n == 50 && syncs[0].sync == 7 && syncs[49].sync == 56,
	    "7 to 56");
	free(syncs);
	CHECK_STR(entries(c, 6, -1), "", "the entries of older syncs are gone");
	CHECK_STR(entries(c, 7, -1), "contact c-2 changed [title] Bruno Lima",
	    "those kept are whole");
	cache_change_syncs(c, 0, 100050, &syncs, &n);
	CHECK(n == 7 && syncs[0].sync == 50, "since a time: the syncs at or "
	    "after it");
	free(syncs);
	cache_close(c);
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
		return -1;
	}
	for (i = 0; i < hits.n; i++)
		found |= strcmp(hits.v[i].id, id) == 0;
	cache_hits_free(&hits);
	return found;
}

static int
note_cb(const struct record *r, const struct cache_extra *x, void *arg)
{
	(void)r;
	snprintf(arg, 128, "%s", x->note != NULL ? x->note : "(none)");
	return 0;
}

static const char *
listed_note(struct cache *c, enum record_type type, const char *id)
{
	static char		out[128];
	struct cache_filter	f;

	memset(&f, 0, sizeof f);
	f.type = type;
	f.id = id;
	snprintf(out, sizeof out, "(not listed)");
	cache_list(c, &f, note_cb, out);
	return out;
}

static void
test_notes(const char *path)
{
	struct cache		*c = NULL;
	struct cache_changes	 ch;
	struct set		 s = { .n = 0 };
	char			*cause = NULL, *text;

	cache_open(path, 0, &c, &cause);
	free(cause);
	base(&s);
	apply(c, 1, &s, 1, &ch);
	set_free(&s);

	CHECK_INT(search_finds(c, "prefers phone", "c-2"), 0,
	    "before the note, 'prefers phone' finds nothing");
	CHECK_INT(cache_note_set(c, REC_CONTACT, "c-2",
	    "Prefers phone calls; speaks Italian", 1), CACHE_OK, "a note");
	CHECK_STR(listed_note(c, REC_CONTACT, "c-2"),
	    "Prefers phone calls; speaks Italian", "the list carries it");
	CHECK_INT(search_finds(c, "prefers phone", "c-2"), 1,
	    "search finds the record by its note");
	CHECK_INT(search_finds(c, "italian", "c-2"), 1, "by any of its words");
	CHECK_INT(cache_note_set(c, REC_AUTHORITY, "br-cgu", "Call first", 2),
	    CACHE_OK, "a note on an authority");
	CHECK_INT(cache_note_set(c, REC_ROUTE, "r-2", "Slow", 3), CACHE_OK,
	    "and on a route");
	CHECK_STR(listed_note(c, REC_ROUTE, "r-2"), "Slow", "listed with it");
	CHECK_INT(cache_note_set(c, REC_NEWSLETTER, "nl-1", "x", 3),
	    CACHE_ERR_INVALID, "not on a newsletter");
	CHECK_INT(cache_note_set(c, REC_CONTACT, "c-1", "bad \xff byte", 3),
	    CACHE_ERR_INVALID, "a note that is not UTF-8 is refused");

	/* Deleted: kept; back: shown and searched again. */
	set_add(&s, del("contact", "c-2"));
	CHECK_INT(apply(c, 0, &s, 2, &ch), CACHE_OK, "the contact is deleted");
	set_free(&s);
	CHECK_INT(search_finds(c, "prefers phone", "c-2"), 0,
	    "gone from search with its record");
	CHECK_INT(cache_note_get(c, REC_CONTACT, "c-2", &text), CACHE_OK,
	    "the note stays");
	free(text);
	base(&s);
	CHECK_INT(apply(c, 1, &s, 3, &ch), CACHE_OK, "it comes back");
	set_free(&s);
	CHECK_STR(listed_note(c, REC_CONTACT, "c-2"),
	    "Prefers phone calls; speaks Italian", "with its note");
	CHECK_INT(search_finds(c, "prefers phone", "c-2"), 1,
	    "found by it again");
	set_add(&s, rec(REC_CONTACT, "id", "c-2", "authority", "br-pf", "name",
	    "Bruno Lima", "title", "Agente", NULL));
	CHECK_INT(apply(c, 0, &s, 4, &ch), CACHE_OK, "a delta changes it");
	set_free(&s);
	CHECK_INT(search_finds(c, "prefers phone", "c-2"), 1,
	    "its new entry holds the note");

	CHECK_INT(cache_note_set(c, REC_CONTACT, "c-2", NULL, 5), CACHE_OK,
	    "the note is cleared");
	CHECK_INT(cache_note_get(c, REC_CONTACT, "c-2", &text),
	    CACHE_ERR_NOTFOUND, "it is gone");
	CHECK_STR(listed_note(c, REC_CONTACT, "c-2"), "(none)", "from the list");
	CHECK_INT(search_finds(c, "prefers phone", "c-2"), 0,
	    "and from search");
	cache_close(c);
}

static void
test_flags(const char *path)
{
	struct cache		*c = NULL;
	struct cache_changes	 ch;
	struct cache_flag	*v;
	struct set		 s = { .n = 0 };
	size_t			 n;
	int64_t			 a = 0, b = 0, x = 0;
	char			*cause = NULL;

	cache_open(path, 0, &c, &cause);
	free(cause);
	CHECK_INT(cache_flag_add(c, REC_CONTACT, "c-1", "Ana Souza",
	    "Left the unit", 10, &a), CACHE_OK, "a flag with no data yet");
	base(&s);
	apply(c, 1, &s, 7, &ch);
	set_free(&s);
	CHECK_INT(cache_flag_add(c, REC_CONTACT, "c-2", "Bruno Lima",
	    "Phone number wrong", 20, &b), CACHE_OK, "a flag");
	CHECK(b > a, "numbered after the first (%lld, %lld)", (long long)a,
	    (long long)b);
	CHECK_INT(cache_flag_add(c, REC_CONTACT, "c-2", NULL, "", 20, &x),
	    CACHE_ERR_INVALID, "an empty flag is refused");
	cache_flags_list(c, CACHE_FLAGS_PENDING, -1, NULL, &v, &n);
	CHECK(n == 2 && v[0].n == a && v[0].serial == -1 &&
	    v[1].serial == 7 && v[1].feed_id != NULL &&
	    strcmp(v[1].feed_id, "globe-test") == 0 && v[1].created == 20 &&
	    strcmp(v[1].text, "Phone number wrong") == 0 &&
	    strlen(v[1].report_id) == 32 &&
	    strcmp(v[0].report_id, v[1].report_id) != 0,
	    "pending: each with the feed and serial seen, its time, a "
	    "report id of its own");
	cache_flags_free(v, n);
	CHECK_INT(cache_flag_result(c, b, 0, "HTTP status 500"), CACHE_OK,
	    "a failed attempt");
	cache_flags_list(c, CACHE_FLAGS_ALL, REC_CONTACT, "c-2", &v, &n);
	CHECK(n == 1 && v[0].sent == 0 && v[0].attempts == 1 &&
	    strcmp(v[0].last_error, "HTTP status 500") == 0,
	    "still pending, the attempt and its error kept");
	cache_flags_free(v, n);
	CHECK_INT(cache_flag_result(c, b, 30, NULL), CACHE_OK, "then sent");
	cache_flags_list(c, CACHE_FLAGS_SENT, -1, NULL, &v, &n);
	CHECK(n == 1 && v[0].n == b && v[0].sent == 30 && v[0].attempts == 2 &&
	    v[0].last_error == NULL, "sent, with its time");
	cache_flags_free(v, n);

	/* A sync keeps them. */
	set_add(&s, del("contact", "c-2"));
	apply(c, 0, &s, 8, &ch);
	set_free(&s);
	cache_flags_list(c, CACHE_FLAGS_ALL, -1, NULL, &v, &n);
	CHECK(n == 2, "flags survive a sync that deletes their record");
	cache_flags_free(v, n);

	CHECK_INT(cache_flag_remove(c, b), CACHE_ERR_INVALID,
	    "a sent flag cannot be withdrawn");
	CHECK_INT(cache_flag_remove(c, a), CACHE_OK, "a pending one can");
	CHECK_INT(cache_flag_remove(c, a), CACHE_ERR_NOTFOUND, "once");
	CHECK_INT(cache_flag_remove(c, 999), CACHE_ERR_NOTFOUND,
	    "no such flag");
	cache_close(c);
}

int
main(void)
{
	char	*path, *cmd;

	snprintf(tmpdir, sizeof tmpdir, "%s/globe-test-changes.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	path = xasprintf("%s/log.db", tmpdir);
	test_log(path);
	free(path);
	path = xasprintf("%s/prune.db", tmpdir);
	test_prune(path);
	free(path);
	path = xasprintf("%s/notes.db", tmpdir);
	test_notes(path);
	free(path);
	path = xasprintf("%s/flags.db", tmpdir);
	test_flags(path);
	free(path);
	cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
	free(cmd);
	HARNESS_END();
}
