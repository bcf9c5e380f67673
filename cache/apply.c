/*
 * apply.c: applying a sync's records in one transaction, the sync state
 * row, and the checksum tests use to prove a failed sync changed nothing.
 * Every key touched is remembered with the hash of its old content
 * (temp.touched), so commit can count exactly what was added, changed and
 * removed and bring only those search entries up to date. A snapshot
 * adds its keys there in one statement at commit instead. Commit also
 * recounts the per-country and total counts the lists show.
 *
 * The first sync into an empty cache is written without the write-ahead
 * log (apply_direct_begin). A sync into a cache that held records logs
 * what it changed, record by record (changes.c): each record's old
 * content is kept before its first change, and compared at commit.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cache/private.h"
#include "common/i18n.h"

static const enum stmt_id apply_touch[REC_NDATA] = {
	STMT_TOUCH_COUNTRY, STMT_TOUCH_AUTHORITY, STMT_TOUCH_CONTACT,
	STMT_TOUCH_NEWSLETTER, STMT_TOUCH_ROUTE
};
static const enum stmt_id apply_upsert[REC_NDATA] = {
	STMT_UPSERT_COUNTRY, STMT_UPSERT_AUTHORITY, STMT_UPSERT_CONTACT,
	STMT_UPSERT_NEWSLETTER, STMT_UPSERT_ROUTE
};
static const enum stmt_id apply_delete[REC_NDATA] = {
	STMT_DELETE_COUNTRY, STMT_DELETE_AUTHORITY, STMT_DELETE_CONTACT,
	STMT_DELETE_NEWSLETTER, STMT_DELETE_ROUTE
};
/*
 * The field whose folded text is the row's sort_key: for a route its
 * measure, through the measure's English label (the name search finds
 * it by).
 */
static const int apply_sort_field[REC_NDATA] = {
	COUNTRY_NAME, AUTH_NAME, CONTACT_NAME, NEWS_TITLE, ROUTE_MEASURE
};

/* List fields live in link tables. */
static const struct apply_link {
	enum record_type	 type;
	int			 field;
	enum stmt_id		 del;
	enum stmt_id		 ins;
} apply_links[] = {
	{ REC_AUTHORITY, AUTH_LANGUAGES, STMT_LINK_DEL_AUTH_LANG,
	  STMT_LINK_INS_AUTH_LANG },
	{ REC_AUTHORITY, AUTH_EXPERTISE, STMT_LINK_DEL_AUTH_EXPERTISE,
	  STMT_LINK_INS_AUTH_EXPERTISE },
	{ REC_AUTHORITY, AUTH_DESIGNATIONS, STMT_LINK_DEL_AUTH_DESIGNATION,
	  STMT_LINK_INS_AUTH_DESIGNATION },
	{ REC_CONTACT, CONTACT_LANGUAGES, STMT_LINK_DEL_CONTACT_LANG,
	  STMT_LINK_INS_CONTACT_LANG },
	{ REC_ROUTE, ROUTE_FROM_COUNTRIES, STMT_LINK_DEL_ROUTE_FROM,
	  STMT_LINK_INS_ROUTE_FROM },
	{ REC_ROUTE, ROUTE_LANGUAGES, STMT_LINK_DEL_ROUTE_LANG,
	  STMT_LINK_INS_ROUTE_LANG },
	{ REC_ROUTE, ROUTE_REQUIREMENTS, STMT_LINK_DEL_ROUTE_REQ,
	  STMT_LINK_INS_ROUTE_REQ },
	{ REC_ROUTE, ROUTE_LEGAL_BASIS, STMT_LINK_DEL_ROUTE_BASIS,
	  STMT_LINK_INS_ROUTE_BASIS },
};
#define NLINKS	(sizeof apply_links / sizeof apply_links[0])

#define FNV_OFFSET	14695981039346656037ULL
#define FNV_PRIME	1099511628211ULL

static uint64_t
fnv_add(uint64_t h, const void *p, size_t len)
{
	const unsigned char	*u = p;
	size_t			 i;

	for (i = 0; i < len; i++) {
		h ^= u[i];
		h *= FNV_PRIME;
	}
	return h;
}

/*
 * The hash of a record's content: every field in table order, absent
 * and present told apart, separators between fields and list items.
 */
static int64_t
apply_hash(const struct record *r)
{
	const struct record_type_info	*ti = &record_types[r->type];
	const struct record_value	*v;
	uint64_t			 h = FNV_OFFSET;
	size_t				 i, j;

	for (i = 0; i < ti->nfields; i++) {
		v = &r->v[i];
		if (ti->fields[i].kind == RF_STRING) {
			if (v->s == NULL)
				h = fnv_add(h, "N", 1);
			else {
				h = fnv_add(h, "S", 1);
				h = fnv_add(h, v->s, strlen(v->s));
			}
		} else {
			h = fnv_add(h, "L", 1);
			for (j = 0; j < v->n; j++) {
				h = fnv_add(h, v->list[j], strlen(v->list[j]));
				h = fnv_add(h, "\036", 1);
			}
		}
		h = fnv_add(h, "\037", 1);
	}
	return (int64_t)h;
}

static enum cache_status
apply_fail(struct cache *c, int rc, char **cause, const char *what,
    const struct record *r)
{
	enum cache_status	 status;
	const char		*key = record_key(r);
	char			*s;

	s = xasprintf("%s %s: %s", record_types[r->type].name,
	    key != NULL ? key : "?", what);
	status = cache_fail(c, rc, cause, s);
	free(s);
	return status;
}

/* Runs statement id with the key as ?1 (touch, delete, link delete). */
static int
apply_run_key(struct cache *c, enum stmt_id id, const char *key)
{
	return stmt_run_text(c, id, key);
}

static int
apply_links_write(struct cache *c, const struct record *r, const char *key,
    int replace)
{
	const struct apply_link		*l;
	const struct record_value	*v;
	sqlite3_stmt			*st;
	size_t				 i, j;
	int				 rc;

	for (i = 0; i < NLINKS; i++) {
		l = &apply_links[i];
		if (l->type != r->type)
			continue;
		if (replace && (rc = apply_run_key(c, l->del, key)) != SQLITE_OK)
			return rc;
		v = &r->v[l->field];
		if (v->n == 0)
			continue;
		if ((st = stmt_get(c, l->ins)) == NULL)
			return sqlite3_errcode(c->db);
		for (j = 0; j < v->n; j++) {
			stmt_bind_text(st, 1, key);
			sqlite3_bind_int64(st, 2, (sqlite3_int64)j);
			stmt_bind_text(st, 3, v->list[j] != NULL ?
			    v->list[j] : "");
			rc = sqlite3_step(st);
			sqlite3_reset(st);
			if (rc != SQLITE_DONE) {
				stmt_put(c, l->ins, st);
				return rc;
			}
		}
		stmt_put(c, l->ins, st);
	}
	return SQLITE_OK;
}

static int
apply_links_delete(struct cache *c, enum record_type type, const char *key)
{
	size_t	i;
	int	rc;

	for (i = 0; i < NLINKS; i++) {
		if (apply_links[i].type != type)
			continue;
		if ((rc = apply_run_key(c, apply_links[i].del,
		    key)) != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static enum cache_status
apply_check(struct cache *c, const struct record *r, char **cause)
{
	const struct record_type_info	*ti;
	const char			*key;
	size_t				 i;

	if ((unsigned)r->type >= REC_NTYPES) {
		if (cause != NULL)
			*cause = xstrdup(_("record of unknown type"));
		return CACHE_ERR_INVALID;
	}
	ti = &record_types[r->type];
	key = record_key(r);
	for (i = 0; i < ti->nfields; i++) {
		if (!(ti->fields[i].flags & RF_REQUIRED) ||
		    ti->fields[i].kind != RF_STRING || r->v[i].s != NULL)
			continue;
		if (cause != NULL)
			/*
			 * TRANSLATORS: a record as the feed names it (its
			 * type, such as contact, and its id) and a field of
			 * the feed: keep the type and the field as they are.
			 */
			*cause = xasprintf(_("%s %s: missing field '%s'"),
			    ti->name, key != NULL ? key : "?",
			    ti->fields[i].name);
		return CACHE_ERR_INVALID;
	}
	return CACHE_OK;
}

/* Sets the journal mode; whether it is now mode (SQLite answers which). */
static int
apply_journal_set(struct cache *c, const char *mode)
{
	sqlite3_stmt	*st;
	const char	*now;
	char		 sql[64];
	int		 set = 0;

	(void)snprintf(sql, sizeof sql, "PRAGMA journal_mode = %s", mode);
	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		now = (const char *)sqlite3_column_text(st, 0);
		set = now != NULL && strcmp(now, mode) == 0;
	}
	sqlite3_finalize(st);
	return set;
}

/*
 * The first sync into an empty cache is written in rollback-journal mode
 * instead of WAL. In WAL mode every page is written twice, into the log
 * and at the checkpoint into the file; a rollback journal keeps only
 * the pages that existed before, and an empty cache has almost none, so
 * each page is written once (a full sync of 100k contacts: system time
 * 2.0 -> 0.7 s, wall time 15% less; bench/README). The transaction is
 * as atomic as in WAL (synchronous=FULL while it lasts, as rollback mode
 * needs for a power cut). Leaving WAL mode needs the file to be open by
 * this connection alone: SQLite refuses at once otherwise (busy timeout
 * 0 here) and the sync goes on in WAL. Until the commit, another
 * process cannot read the cache; it waits (busy timeout) and is then
 * told a sync holds it (open.c). With a few thousand contacts that is
 * under a second. Commit and rollback go back to WAL; a crash leaves the
 * file in rollback mode (with a journal SQLite plays back at the next
 * open), and the next open sets WAL again.
 */
static void
apply_direct_begin(struct cache *c, int empty)
{
	c->direct = 0;
	if (strcmp(c->path, ":memory:") == 0 || !empty)
		return;
	sqlite3_busy_timeout(c->db, 0);
	if (apply_journal_set(c, "delete")) {
		c->direct = 1;
		if (cache_exec(c, "PRAGMA synchronous = FULL") != SQLITE_OK) {
			(void)apply_journal_set(c, "wal");
			c->direct = 0;
		}
	}
	sqlite3_busy_timeout(c->db, CACHE_BUSY_TIMEOUT);
}

/*
 * Back to WAL after apply_direct_begin. If a reader holds the file at
 * that moment, the next open sets WAL (open.c).
 */
static void
apply_direct_end(struct cache *c)
{
	if (!c->direct)
		return;
	c->direct = 0;
	(void)apply_journal_set(c, "wal");
	(void)cache_exec(c, "PRAGMA synchronous = NORMAL");
}

enum cache_status
cache_apply_begin(struct cache *c, char **cause)
{
	enum cache_status	status;
	int64_t			empty = 0;
	int			rc;

	if (c->flags & CACHE_OPEN_READONLY) {
		if (cause != NULL)
			*cause = xasprintf(_("%s: opened read-only"), c->path);
		return CACHE_ERR_READONLY;
	}
	if (c->in_apply) {
		if (cause != NULL)
			*cause = xstrdup(_("a sync is already being applied"));
		return CACHE_ERR;
	}
	/* An empty cache: the first fill, logged by its counts alone. */
	if (stmt_int64(c, STMT_CACHE_EMPTY, &empty) != SQLITE_OK)
		empty = 0;
	apply_direct_begin(c, empty != 0);
	if ((rc = cache_exec(c, "BEGIN IMMEDIATE")) != SQLITE_OK) {
		status = cache_fail(c, rc, cause, _("starting a sync"));
		apply_direct_end(c);
		return status;
	}
	c->in_apply = 1;
	c->rebuild = 0;
	c->logging = empty == 0;
	if ((rc = stmt_run(c, STMT_TOUCHED_CLEAR)) != SQLITE_OK ||
	    (rc = stmt_run(c, STMT_AFFECTED_CLEAR)) != SQLITE_OK ||
	    (rc = stmt_run(c, STMT_OLD_CLEAR)) != SQLITE_OK)
		return cache_fail(c, rc, cause, _("starting a sync"));
	return CACHE_OK;
}

enum cache_status
cache_apply_snapshot(struct cache *c, char **cause)
{
	int	rc;

	if (!c->in_apply) {
		if (cause != NULL)
			*cause = xstrdup(_("no sync is being applied"));
		return CACHE_ERR;
	}
	/* The log compares with what the snapshot replaces. */
	if (c->logging && !c->rebuild &&
	    (rc = changes_capture_all(c)) != SQLITE_OK)
		return cache_fail(c, rc, cause, _("keeping the old records"));
	if ((rc = cache_exec(c, stmt_snapshot_sql)) != SQLITE_OK)
		return cache_fail(c, rc, cause, _("starting a snapshot"));
	c->rebuild = 1;
	return CACHE_OK;
}

/*
 * Remembers a key this sync touches with its old hash; the first time,
 * when the change log is kept, its old content too.
 */
static int
apply_touch_key(struct cache *c, enum record_type type, const char *key)
{
	int	rc;

	if ((rc = apply_run_key(c, apply_touch[type], key)) != SQLITE_OK)
		return rc;
	if (c->logging && sqlite3_changes(c->db) > 0)
		return changes_capture(c, type, key);
	return SQLITE_OK;
}

static enum cache_status
apply_delete_record(struct cache *c, const struct record *r, char **cause)
{
	const char	*of = r->v[DELETE_OF].s, *id = r->v[DELETE_ID].s;
	int		 type, rc;

	type = record_type_from_name(of);
	if (type < 0 || type >= REC_NDATA) {
		if (cause != NULL)
			/*
			 * TRANSLATORS: a delete line of the feed: the id and
			 * the value of its field "of". "delete" is the
			 * feed's word for the line: keep it.
			 */
			*cause = xasprintf(_("delete %s: unknown type '%s'"),
			    id, of);
		return CACHE_ERR_INVALID;
	}
	/* A snapshot touches its keys at commit (stmt_snapshot_end_sql). */
	if ((!c->rebuild && (rc = apply_touch_key(c, type, id)) != SQLITE_OK) ||
	    (rc = apply_links_delete(c, type, id)) != SQLITE_OK ||
	    (rc = apply_run_key(c, apply_delete[type], id)) != SQLITE_OK)
		return apply_fail(c, rc, cause, _("deleting"), r);
	return CACHE_OK;
}

enum cache_status
cache_apply_record(struct cache *c, const struct record *r, char **cause)
{
	const struct record_type_info	*ti;
	enum cache_status		 status;
	sqlite3_stmt			*st;
	const char			*key;
	char				*sort_key;
	size_t				 i;
	int				 p, rc, written;

	if (!c->in_apply) {
		if (cause != NULL)
			*cause = xstrdup(_("no sync is being applied"));
		return CACHE_ERR;
	}
	if ((status = apply_check(c, r, cause)) != CACHE_OK)
		return status;
	if (r->type == REC_DELETE)
		return apply_delete_record(c, r, cause);

	ti = &record_types[r->type];
	key = record_key(r);
	if (!c->rebuild && (rc = apply_touch_key(c, r->type, key)) != SQLITE_OK)
		return apply_fail(c, rc, cause, _("storing"), r);

	if ((st = stmt_get(c, apply_upsert[r->type])) == NULL)
		return apply_fail(c, sqlite3_errcode(c->db), cause,
		    _("storing"), r);
	p = 1;
	for (i = 0; i < ti->nfields; i++) {
		if (ti->fields[i].kind == RF_STRING)
			stmt_bind_text(st, p++, r->v[i].s);
	}
	sort_key = fold_text(r->type == REC_ROUTE ?
	    vocab_label_en(VOCAB_MEASURE, r->v[ROUTE_MEASURE].s) :
	    r->v[apply_sort_field[r->type]].s);
	sqlite3_bind_text(st, p++, sort_key, -1, free);
	sqlite3_bind_int64(st, p++, apply_hash(r));
	rc = sqlite3_step(st);
	written = sqlite3_changes(c->db) > 0;
	stmt_put(c, apply_upsert[r->type], st);
	if (rc != SQLITE_DONE)
		return apply_fail(c, rc, cause, _("storing"), r);

	/* Same content (same hash): its lists are the same too. */
	if (written && (rc = apply_links_write(c, r, key, 1)) != SQLITE_OK)
		return apply_fail(c, rc, cause, _("storing its lists"), r);
	return CACHE_OK;
}

/*
 * The routes' references, checked over every route at each commit (a
 * pass over a small table; no foreign key, see schema step 7): a
 * route's country, authority and contact must be there, and its contact
 * must work for its authority, whether the route, the contact or the
 * authority changed.
 */
static enum cache_status
apply_check_routes(struct cache *c, char **cause)
{
	static const char *const fields[] = {
		"country", "authority", "contact", "contact"
	};
	sqlite3_stmt	*st;
	const char	*id, *value, *holder, *want;
	int		 rc, rule;

	if ((st = stmt_get(c, STMT_REF_ROUTES)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), cause,
		    _("checking references"));
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		stmt_put(c, STMT_REF_ROUTES, st);
		if (rc != SQLITE_DONE)
			return cache_fail(c, rc, cause,
			    _("checking references"));
		return CACHE_OK;
	}
	id = (const char *)sqlite3_column_text(st, 0);
	rule = sqlite3_column_int(st, 1);
	value = (const char *)sqlite3_column_text(st, 2);
	holder = (const char *)sqlite3_column_text(st, 3);
	want = (const char *)sqlite3_column_text(st, 4);
	if (rule < 0 || rule > 3)
		rule = 0;
	if (cause != NULL && rule == 3)
		/*
		 * TRANSLATORS: a route's id, its contact's id, the authority
		 * the contact works for, the route's. route, contact and
		 * authority are the feed's words: keep them.
		 */
		*cause = xasprintf(_("route %s: field 'contact': contact '%s' "
		    "works for authority '%s', not for the route's '%s'"),
		    id != NULL ? id : "?", value != NULL ? value : "?",
		    holder != NULL ? holder : "?", want != NULL ? want : "?");
	else if (cause != NULL)
		/*
		 * TRANSLATORS: a route's id, the field (country, authority
		 * or contact: the feed's words), the same word, the id not
		 * found.
		 */
		*cause = xasprintf(_("route %s: field '%s': no %s '%s'"),
		    id != NULL ? id : "?", fields[rule], fields[rule],
		    value != NULL ? value : "?");
	stmt_put(c, STMT_REF_ROUTES, st);
	return CACHE_ERR_REFERENCE;
}

/* Finds the first broken reference and says which. */
static enum cache_status
apply_check_references(struct cache *c, char **cause)
{
	static const struct {
		enum stmt_id	 id;
		const char	*what, *field, *target;
	} checks[] = {
		{ STMT_REF_AUTHORITY, "authority", "country", "country" },
		{ STMT_REF_CONTACT, "contact", "authority", "authority" },
	};
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;
	int		 cur = 0, hi = 0;

	/* SQLite counts unresolved deferred keys: nothing to look for. */
	if (sqlite3_db_status(c->db, SQLITE_DBSTATUS_DEFERRED_FKS, &cur,
	    &hi, 0) == SQLITE_OK && cur == 0)
		return CACHE_OK;

	for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		if ((st = stmt_get(c, checks[i].id)) == NULL)
			return cache_fail(c, sqlite3_errcode(c->db), cause,
			    _("checking references"));
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			if (cause != NULL)
				/*
				 * TRANSLATORS: a record (type and id), its
				 * field, the type of record it names and the
				 * value named: contact c-9: field 'authority':
				 * no authority 'br-x'. The types and the
				 * field are the feed's words: keep them.
				 */
				*cause = xasprintf(_("%s %s: field '%s': no %s "
				    "'%s'"), checks[i].what,
				    (const char *)sqlite3_column_text(st, 0),
				    checks[i].field, checks[i].target,
				    (const char *)sqlite3_column_text(st, 1));
			stmt_put(c, checks[i].id, st);
			return CACHE_ERR_REFERENCE;
		}
		stmt_put(c, checks[i].id, st);
		if (rc != SQLITE_DONE)
			return cache_fail(c, rc, cause,
			    _("checking references"));
	}
	if (cause != NULL)
		*cause = xstrdup(_("a record refers to something that is not "
		    "there"));
	return CACHE_ERR_REFERENCE;
}

static int
apply_count_changes(struct cache *c, struct cache_changes *ch)
{
	sqlite3_stmt	*st;
	int		 rc, type;

	memset(ch, 0, sizeof *ch);
	if (c->rebuild && (rc = cache_exec(c,
	    stmt_snapshot_end_sql)) != SQLITE_OK)
		return rc;
	if ((rc = stmt_run(c, STMT_TOUCHED_NEWHASH)) != SQLITE_OK)
		return rc;
	if ((st = stmt_get(c, STMT_TOUCHED_COUNTS)) == NULL)
		return sqlite3_errcode(c->db);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		type = sqlite3_column_int(st, 0);
		if (type < 0 || type >= REC_NDATA)
			continue;
		ch->added[type] = (unsigned)sqlite3_column_int64(st, 1);
		ch->changed[type] = (unsigned)sqlite3_column_int64(st, 2);
		ch->removed[type] = (unsigned)sqlite3_column_int64(st, 3);
	}
	stmt_put(c, STMT_TOUCHED_COUNTS, st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Whether a record was added, changed or removed. */
static int
apply_changed(const struct cache_changes *ch)
{
	int	type;

	for (type = 0; type < REC_NDATA; type++) {
		if (ch->added[type] != 0 || ch->changed[type] != 0 ||
		    ch->removed[type] != 0)
			return 1;
	}
	return 0;
}

static int
apply_state_put(struct cache *c, const struct cache_state *s)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = stmt_get(c, STMT_STATE_PUT)) == NULL)
		return sqlite3_errcode(c->db);
	stmt_bind_text(st, 1, s->feed_id);
	sqlite3_bind_int64(st, 2, s->serial);
	stmt_bind_text(st, 3, s->issued);
	stmt_bind_text(st, 4, s->expires);
	stmt_bind_text(st, 5, s->etag);
	stmt_bind_text(st, 6, s->last_modified);
	stmt_bind_text(st, 7, s->feed_url);
	sqlite3_bind_int64(st, 8, s->last_sync);
	stmt_bind_text(st, 9, s->last_result);
	sqlite3_bind_int64(st, 10, s->last_success);
	stmt_bind_text(st, 11, s->reports_url);
	stmt_bind_text(st, 12, s->members_epoch);
	rc = sqlite3_step(st);
	stmt_put(c, STMT_STATE_PUT, st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

enum cache_status
cache_apply_commit(struct cache *c, const struct cache_state *state,
    struct cache_changes *changes, char **cause)
{
	struct cache_changes	 ch;
	enum cache_status	 status;
	int			 rc;

	if (!c->in_apply) {
		if (cause != NULL)
			*cause = xstrdup(_("no sync is being applied"));
		return CACHE_ERR;
	}
	if ((status = apply_check_references(c, cause)) != CACHE_OK ||
	    (status = apply_check_routes(c, cause)) != CACHE_OK)
		return status;
	if ((rc = apply_count_changes(c, &ch)) != SQLITE_OK)
		return cache_fail(c, rc, cause, _("counting changes"));
	if (apply_changed(&ch) && (rc = changes_write(c, state,
	    &ch)) != SQLITE_OK)
		return cache_fail(c, rc, cause, _("writing the change log"));
	if ((rc = search_update(c, c->rebuild)) != SQLITE_OK)
		return cache_fail(c, rc, cause, _("updating the search index"));
	if (apply_changed(&ch) && (rc = cache_exec(c,
	    stmt_stats_sql)) != SQLITE_OK)
		return cache_fail(c, rc, cause, _("counting the directory"));
	if (state != NULL && (rc = apply_state_put(c, state)) != SQLITE_OK)
		return cache_fail(c, rc, cause, _("writing the sync state"));
	if ((rc = cache_exec(c, "COMMIT")) != SQLITE_OK)
		return cache_fail(c, rc, cause, _("committing"));
	c->in_apply = 0;
	c->rebuild = 0;
	apply_direct_end(c);
	/* Free the temporary rows now rather than at the next sync. */
	stmt_run(c, STMT_TOUCHED_CLEAR);
	stmt_run(c, STMT_AFFECTED_CLEAR);
	stmt_run(c, STMT_OLD_CLEAR);
	if (changes != NULL)
		*changes = ch;
	return CACHE_OK;
}

void
cache_apply_rollback(struct cache *c)
{
	if (c == NULL || c->db == NULL)
		return;
	if (!sqlite3_get_autocommit(c->db))
		cache_exec(c, "ROLLBACK");
	c->in_apply = 0;
	c->rebuild = 0;
	apply_direct_end(c);
}

enum cache_status
cache_state_get(struct cache *c, struct cache_state *s)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(s, 0, sizeof *s);
	s->serial = -1;
	if ((st = stmt_get(c, STMT_STATE_GET)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL, "state");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s->feed_id = stmt_column_dup(st, 0);
		s->serial = sqlite3_column_int64(st, 1);
		s->issued = stmt_column_dup(st, 2);
		s->expires = stmt_column_dup(st, 3);
		s->etag = stmt_column_dup(st, 4);
		s->last_modified = stmt_column_dup(st, 5);
		s->feed_url = stmt_column_dup(st, 6);
		s->last_sync = sqlite3_column_int64(st, 7);
		s->last_result = stmt_column_dup(st, 8);
		s->last_success = sqlite3_column_int64(st, 9);
		s->reports_url = stmt_column_dup(st, 10);
		s->members_epoch = stmt_column_dup(st, 11);
		rc = SQLITE_DONE;
	}
	stmt_put(c, STMT_STATE_GET, st);
	if (rc != SQLITE_DONE)
		return cache_fail(c, rc, NULL, "state");
	return CACHE_OK;
}

void
cache_state_clear(struct cache_state *s)
{
	if (s == NULL)
		return;
	free(s->feed_id);
	free(s->issued);
	free(s->expires);
	free(s->etag);
	free(s->last_modified);
	free(s->feed_url);
	free(s->last_result);
	free(s->reports_url);
	free(s->members_epoch);
	memset(s, 0, sizeof *s);
	s->serial = -1;
}

enum cache_status
cache_state_note(struct cache *c, int64_t when, const char *result)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (c->flags & CACHE_OPEN_READONLY)
		return CACHE_ERR_READONLY;
	if ((st = stmt_get(c, STMT_STATE_NOTE)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL, "state");
	sqlite3_bind_int64(st, 1, when);
	stmt_bind_text(st, 2, result);
	rc = sqlite3_step(st);
	stmt_put(c, STMT_STATE_NOTE, st);
	if (rc != SQLITE_DONE)
		return cache_fail(c, rc, NULL, "state");
	return CACHE_OK;
}

static void
sum_add(crypto_hash_sha256_state *h, const char *s, size_t len)
{
	crypto_hash_sha256_update(h, (const unsigned char *)s, len);
}

static void
sum_record(crypto_hash_sha256_state *h, const struct record *r)
{
	const struct record_type_info	*ti = &record_types[r->type];
	const struct record_value	*v;
	size_t				 i, j;

	sum_add(h, ti->name, strlen(ti->name) + 1);
	for (i = 0; i < ti->nfields; i++) {
		v = &r->v[i];
		if (ti->fields[i].kind == RF_STRING) {
			if (v->s == NULL)
				sum_add(h, "N", 1);
			else {
				sum_add(h, "S", 1);
				sum_add(h, v->s, strlen(v->s));
			}
		} else {
			sum_add(h, "L", 1);
			for (j = 0; j < v->n; j++) {
				sum_add(h, v->list[j], strlen(v->list[j]));
				sum_add(h, "\036", 1);
			}
		}
		sum_add(h, "\037", 1);
	}
	sum_add(h, "\n", 1);
}

enum cache_status
cache_checksum(struct cache *c, char **hex)
{
	const enum stmt_id		*ids = stmt_all_rows;
	crypto_hash_sha256_state	 h;
	unsigned char			 out[crypto_hash_sha256_BYTES];
	char				 buf[64];
	struct cache_state		 s;
	struct record			 r;
	sqlite3_stmt			*st;
	enum cache_status		 status;
	int				 type, rc;

	*hex = NULL;
	if (sodium_init() < 0)
		return CACHE_ERR;
	crypto_hash_sha256_init(&h);
	memset(&r, 0, sizeof r);
	for (type = 0; type < REC_NDATA; type++) {
		if ((st = stmt_get(c, ids[type])) == NULL)
			return cache_fail(c, sqlite3_errcode(c->db), NULL,
			    "checksum");
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (query_row_record(st, 0, type, &r) != 0) {
				rc = SQLITE_CORRUPT;
				break;
			}
			sum_record(&h, &r);
			record_clear(&r);
		}
		stmt_put(c, ids[type], st);
		if (rc != SQLITE_DONE)
			return cache_fail(c, rc, NULL, "checksum");
	}
	if ((status = cache_state_get(c, &s)) != CACHE_OK)
		return status;
	sum_add(&h, "state", 6);
	sum_add(&h, s.feed_id != NULL ? s.feed_id : "", s.feed_id != NULL ?
	    strlen(s.feed_id) + 1 : 0);
	snprintf(buf, sizeof buf, "%lld", (long long)s.serial);
	sum_add(&h, buf, strlen(buf) + 1);
	sum_add(&h, s.issued != NULL ? s.issued : "", s.issued != NULL ?
	    strlen(s.issued) + 1 : 0);
	sum_add(&h, s.expires != NULL ? s.expires : "", s.expires != NULL ?
	    strlen(s.expires) + 1 : 0);
	/* A member-only feed's epoch and the signing keys, when there are. */
	if (s.members_epoch != NULL)
		sum_add(&h, s.members_epoch, strlen(s.members_epoch) + 1);
	cache_state_clear(&s);
	if ((status = keys_sum(c, &h)) != CACHE_OK)
		return status;
	crypto_hash_sha256_final(&h, out);
	*hex = xmalloc(sizeof out * 2 + 1);
	sodium_bin2hex(*hex, sizeof out * 2 + 1, out, sizeof out);
	return CACHE_OK;
}
