/*
 * changes.c: the change log, what each sync added, changed and removed,
 * record by record, with the fields that changed; written by apply in
 * the sync's own transaction and read back by `globe changes` and the
 * "what changed" screen. While a sync applies, each record's content
 * before its first change is kept in temp.old_rows (a compact encoding
 * of its fields); at commit every touched key whose content hash moved
 * is compared field by field with what the table now holds. Only the
 * last CACHE_CHANGE_SYNCS logged syncs are kept. The first fill of an
 * empty cache is logged by its counts alone: everything in it is new,
 * and keeping the old content costs nothing there.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache/private.h"

static const enum stmt_id changes_row_stmt[REC_NDATA] = {
	STMT_ROW_COUNTRY, STMT_ROW_AUTHORITY, STMT_ROW_CONTACT,
	STMT_ROW_NEWSLETTER, STMT_ROW_ROUTE
};
/* The field a logged entry is named by (a route: its measure code). */
static const int changes_name_field[REC_NDATA] = {
	COUNTRY_NAME, AUTH_NAME, CONTACT_NAME, NEWS_TITLE, ROUTE_MEASURE
};

/* ---- a record's fields as bytes ------------------------------------- */

/*
 * Each field in table order: 'N' (absent), 'S' and a string, or 'L', a
 * count and that many strings; a string is its length (4 bytes, little
 * endian) and its bytes. Lengths, not separators: feed text may hold
 * any character but NUL.
 */
static void
enc_u32(struct buf *b, size_t n)
{
	unsigned char	u[4];

	u[0] = (unsigned char)(n & 0xff);
	u[1] = (unsigned char)((n >> 8) & 0xff);
	u[2] = (unsigned char)((n >> 16) & 0xff);
	u[3] = (unsigned char)((n >> 24) & 0xff);
	buf_add(b, u, 4);
}

static void
enc_str(struct buf *b, const char *s)
{
	size_t	len = strlen(s);

	enc_u32(b, len);
	buf_add(b, s, len);
}

static void
changes_encode(const struct record *r, struct buf *b)
{
	const struct record_type_info	*ti = &record_types[r->type];
	const struct record_value	*v;
	size_t				 i, j;

	for (i = 0; i < ti->nfields; i++) {
		v = &r->v[i];
		if (ti->fields[i].kind == RF_STRING) {
			if (v->s == NULL)
				buf_addc(b, 'N');
			else {
				buf_addc(b, 'S');
				enc_str(b, v->s);
			}
		} else if (v->list == NULL)
			buf_addc(b, 'N');
		else {
			buf_addc(b, 'L');
			enc_u32(b, v->n);
			for (j = 0; j < v->n; j++)
				enc_str(b, v->list[j]);
		}
	}
}

struct dec {
	const unsigned char	*p;
	size_t			 left;
};

static int
dec_u32(struct dec *d, size_t *n)
{
	if (d->left < 4)
		return -1;
	*n = (size_t)d->p[0] | (size_t)d->p[1] << 8 | (size_t)d->p[2] << 16 |
	    (size_t)d->p[3] << 24;
	d->p += 4;
	d->left -= 4;
	return 0;
}

/* A string (caller frees), or NULL when the bytes end too soon. */
static char *
dec_str(struct dec *d)
{
	size_t	 len;
	char	*s;

	if (dec_u32(d, &len) != 0 || len > d->left)
		return NULL;
	s = xstrndup((const char *)d->p, len);
	d->p += len;
	d->left -= len;
	return s;
}

/* 0, or -1 (r cleared) for bytes this build did not write. */
static int
changes_decode(enum record_type type, const void *data, size_t len,
    struct record *r)
{
	const struct record_type_info	*ti = &record_types[type];
	struct dec			 d = { data, len };
	size_t				 i, j, n;
	char				*s;
	unsigned char			 tag;

	memset(r, 0, sizeof *r);
	r->type = type;
	for (i = 0; i < ti->nfields; i++) {
		if (d.left == 0)
			goto bad;
		tag = *d.p++;
		d.left--;
		if (tag == 'N')
			continue;
		if (tag == 'S' && ti->fields[i].kind == RF_STRING) {
			if ((s = dec_str(&d)) == NULL)
				goto bad;
			record_set(r, (int)i, s);
			free(s);
			continue;
		}
		if (tag != 'L' || ti->fields[i].kind != RF_LIST ||
		    dec_u32(&d, &n) != 0 || n > d.left / 4)
			goto bad;
		for (j = 0; j < n; j++) {
			if ((s = dec_str(&d)) == NULL)
				goto bad;
			record_list_add(r, (int)i, s);
			free(s);
		}
	}
	return d.left == 0 ? 0 : -1;
bad:
	record_clear(r);
	return -1;
}

/* Whether field i of a and b holds the same value (absent too). */
static int
changes_field_equal(const struct record *a, const struct record *b, size_t i)
{
	const struct record_value	*x = &a->v[i], *y = &b->v[i];
	size_t				 j;

	if (record_types[a->type].fields[i].kind == RF_STRING) {
		if (x->s == NULL || y->s == NULL)
			return x->s == y->s;
		return strcmp(x->s, y->s) == 0;
	}
	if ((x->list == NULL) != (y->list == NULL) || x->n != y->n)
		return 0;
	for (j = 0; j < x->n; j++) {
		if (strcmp(x->list[j], y->list[j]) != 0)
			return 0;
	}
	return 1;
}

/* The names of the fields that differ, comma-separated; NULL if none. */
static char *
changes_diff(const struct record *old, const struct record *new)
{
	const struct record_type_info	*ti = &record_types[new->type];
	struct buf			 b;
	size_t				 i;

	buf_init(&b);
	for (i = 0; i < ti->nfields; i++) {
		if (changes_field_equal(old, new, i))
			continue;
		if (b.len > 0)
			buf_addc(&b, ',');
		buf_adds(&b, ti->fields[i].name);
	}
	if (b.len > 0)
		return buf_detach(&b);
	buf_free(&b);
	return NULL;
}

/* ---- while a sync applies ------------------------------------------- */

/* Reads one record by key from its table: 1 found, 0 not, or -rc. */
static int
changes_row(struct cache *c, enum record_type type, const char *key,
    struct record *r)
{
	sqlite3_stmt	*st;
	int		 rc, found = 0;

	memset(r, 0, sizeof *r);
	if ((st = stmt_get(c, changes_row_stmt[type])) == NULL)
		return -sqlite3_errcode(c->db);
	stmt_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		found = query_row_record(st, 0, type, r) == 0 ? 1 : -SQLITE_CORRUPT;
		rc = SQLITE_DONE;
	}
	stmt_put(c, changes_row_stmt[type], st);
	return rc == SQLITE_DONE ? found : -rc;
}

static int
changes_keep(struct cache *c, const struct record *r, const char *key)
{
	sqlite3_stmt	*st;
	struct buf	 b;
	int		 rc;

	buf_init(&b);
	changes_encode(r, &b);
	if ((st = stmt_get(c, STMT_OLD_PUT)) == NULL) {
		buf_free(&b);
		return sqlite3_errcode(c->db);
	}
	sqlite3_bind_int(st, 1, r->type);
	stmt_bind_text(st, 2, key);
	/* An empty record still has a tag per field: never zero bytes. */
	sqlite3_bind_blob(st, 3, b.data != NULL ? b.data : "", (int)b.len,
	    SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	stmt_put(c, STMT_OLD_PUT, st);
	buf_free(&b);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int
changes_capture(struct cache *c, enum record_type type, const char *key)
{
	struct record	r;
	int		found, rc;

	if ((unsigned)type >= REC_NDATA)
		return SQLITE_OK;
	if ((found = changes_row(c, type, key, &r)) < 0)
		return -found;
	if (found == 0)
		return SQLITE_OK;	/* new in this sync: nothing to keep */
	rc = changes_keep(c, &r, key);
	record_clear(&r);
	return rc;
}

int
changes_capture_all(struct cache *c)
{
	sqlite3_stmt	*st;
	struct record	 r;
	int		 type, rc = SQLITE_DONE;

	for (type = 0; type < REC_NDATA && rc == SQLITE_DONE; type++) {
		if ((st = stmt_get(c, stmt_all_rows[type])) == NULL)
			return sqlite3_errcode(c->db);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (query_row_record(st, 0, type, &r) != 0) {
				rc = SQLITE_CORRUPT;
				break;
			}
			rc = changes_keep(c, &r, record_key(&r));
			record_clear(&r);
			if (rc != SQLITE_OK)
				break;
		}
		stmt_put(c, stmt_all_rows[type], st);
	}
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The old content kept for (type, key): 1, 0 when none was kept, or -rc. */
static int
changes_old(struct cache *c, enum record_type type, const char *key,
    struct record *r)
{
	sqlite3_stmt	*st;
	int		 rc, found = 0;

	memset(r, 0, sizeof *r);
	if ((st = stmt_get(c, STMT_OLD_GET)) == NULL)
		return -sqlite3_errcode(c->db);
	sqlite3_bind_int(st, 1, type);
	stmt_bind_text(st, 2, key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		found = changes_decode(type, sqlite3_column_blob(st, 0),
		    (size_t)sqlite3_column_bytes(st, 0), r) == 0;
		rc = SQLITE_DONE;
	}
	stmt_put(c, STMT_OLD_GET, st);
	return rc == SQLITE_DONE ? found : -rc;
}

/* One logged record: what happened to it, its name, what changed. */
static int
changes_entry(struct cache *c, int64_t sync, enum record_type type,
    const char *key, int added, int removed)
{
	struct record	 old, new;
	sqlite3_stmt	*st;
	const char	*name = NULL;
	char		*fields = NULL;
	int		 have_old = 0, have_new = 0, what, rc;

	memset(&old, 0, sizeof old);
	memset(&new, 0, sizeof new);
	if (!added && (have_old = changes_old(c, type, key, &old)) < 0)
		return -have_old;
	if (!removed && (have_new = changes_row(c, type, key, &new)) < 0) {
		record_clear(&old);
		return -have_new;
	}
	what = added ? CACHE_CHANGE_ADDED : removed ? CACHE_CHANGE_REMOVED :
	    CACHE_CHANGE_CHANGED;
	if (have_new)
		name = new.v[changes_name_field[type]].s;
	else if (have_old)
		name = old.v[changes_name_field[type]].s;
	if (what == CACHE_CHANGE_CHANGED && have_old && have_new)
		fields = changes_diff(&old, &new);
	if ((st = stmt_get(c, STMT_LOG_PUT)) == NULL) {
		rc = sqlite3_errcode(c->db);
		goto out;
	}
	sqlite3_bind_int64(st, 1, sync);
	sqlite3_bind_int(st, 2, type);
	stmt_bind_text(st, 3, key);
	sqlite3_bind_int(st, 4, what);
	stmt_bind_text(st, 5, name);
	stmt_bind_text(st, 6, fields);
	rc = sqlite3_step(st);
	stmt_put(c, STMT_LOG_PUT, st);
	rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
out:
	free(fields);
	record_clear(&old);
	record_clear(&new);
	return rc;
}

/* The counts as the log keeps them: added, changed, removed per type. */
static char *
changes_counts_text(const struct cache_changes *ch)
{
	struct buf	b;
	int		t;

	buf_init(&b);
	for (t = 0; t < REC_NDATA; t++)
		buf_addf(&b, "%s%u %u %u", t > 0 ? " " : "", ch->added[t],
		    ch->changed[t], ch->removed[t]);
	return buf_detach(&b);
}

static void
changes_counts_parse(const char *s, struct cache_changes *ch)
{
	char	*end;
	int	 t, k;
	unsigned long v[3];

	memset(ch, 0, sizeof *ch);
	for (t = 0; t < REC_NDATA && s != NULL; t++) {
		for (k = 0; k < 3; k++) {
			v[k] = strtoul(s, &end, 10);
			if (end == s)
				return;
			s = end;
		}
		ch->added[t] = (unsigned)v[0];
		ch->changed[t] = (unsigned)v[1];
		ch->removed[t] = (unsigned)v[2];
	}
}

/* The entries of every touched record whose content moved. */
static int
changes_entries(struct cache *c, int64_t sync)
{
	sqlite3_stmt	*st;
	char		*key;
	int		 rc, type, added, removed;

	if ((st = stmt_get(c, STMT_TOUCHED_CHANGED)) == NULL)
		return sqlite3_errcode(c->db);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		type = sqlite3_column_int(st, 0);
		if (type < 0 || type >= REC_NDATA ||
		    sqlite3_column_type(st, 1) == SQLITE_NULL)
			continue;
		key = xstrdup((const char *)sqlite3_column_text(st, 1));
		added = sqlite3_column_int(st, 2);
		removed = sqlite3_column_int(st, 3);
		rc = changes_entry(c, sync, type, key, added, removed);
		free(key);
		if (rc != SQLITE_OK)
			break;
	}
	stmt_put(c, STMT_TOUCHED_CHANGED, st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int
changes_write(struct cache *c, const struct cache_state *state,
    struct cache_changes *ch)
{
	struct cache_state	 old;
	sqlite3_stmt		*st;
	int64_t			 sync, old_serial;
	char			*counts;
	int			 rc;

	if ((rc = stmt_int64(c, STMT_LOG_NEXT, &sync)) != SQLITE_OK)
		return rc;
	if (cache_state_get(c, &old) != CACHE_OK)
		return sqlite3_errcode(c->db) != SQLITE_OK ?
		    sqlite3_errcode(c->db) : SQLITE_ERROR;
	old_serial = old.feed_id != NULL ? old.serial : -1;
	cache_state_clear(&old);
	if ((st = stmt_get(c, STMT_LOG_SYNC_PUT)) == NULL)
		return sqlite3_errcode(c->db);
	counts = changes_counts_text(ch);
	sqlite3_bind_int64(st, 1, sync);
	sqlite3_bind_int64(st, 2, state != NULL && state->last_sync > 0 ?
	    state->last_sync : (int64_t)time(NULL));
	sqlite3_bind_int64(st, 3, old_serial);
	sqlite3_bind_int64(st, 4, state != NULL ? state->serial : old_serial);
	sqlite3_bind_int(st, 5, !c->logging);
	sqlite3_bind_text(st, 6, counts, -1, free);
	rc = sqlite3_step(st);
	stmt_put(c, STMT_LOG_SYNC_PUT, st);
	if (rc != SQLITE_DONE)
		return rc;
	if (c->logging && (rc = changes_entries(c, sync)) != SQLITE_OK)
		return rc;
	/* The last CACHE_CHANGE_SYNCS logged syncs stay. */
	if (sync > CACHE_CHANGE_SYNCS) {
		if ((st = stmt_get(c, STMT_LOG_PRUNE)) == NULL)
			return sqlite3_errcode(c->db);
		sqlite3_bind_int64(st, 1, sync - CACHE_CHANGE_SYNCS);
		rc = sqlite3_step(st);
		stmt_put(c, STMT_LOG_PRUNE, st);
		if (rc != SQLITE_DONE)
			return rc;
		if ((st = stmt_get(c, STMT_LOG_PRUNE_SYNCS)) == NULL)
			return sqlite3_errcode(c->db);
		sqlite3_bind_int64(st, 1, sync - CACHE_CHANGE_SYNCS);
		rc = sqlite3_step(st);
		stmt_put(c, STMT_LOG_PRUNE_SYNCS, st);
		if (rc != SQLITE_DONE)
			return rc;
	}
	ch->log_sync = sync;
	return SQLITE_OK;
}

/* ---- the log read back ---------------------------------------------- */

enum cache_status
cache_change_syncs(struct cache *c, int64_t sync, int64_t since,
    struct cache_change_sync **v, size_t *n)
{
	struct cache_change_sync	*s;
	sqlite3_stmt			*st;
	size_t				 cap = 0;
	int				 rc;

	*v = NULL;
	*n = 0;
	if ((st = stmt_get(c, STMT_LOG_SYNCS)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL,
		    "reading the change log");
	sqlite3_bind_int64(st, 1, sync > 0 ? sync : 0);
	sqlite3_bind_int64(st, 2, since > 0 ? since : 0);
	sqlite3_bind_int(st, 3, sync <= 0 && since <= 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*v = xreallocarray(*v, cap, sizeof **v);
		}
		s = &(*v)[(*n)++];
		memset(s, 0, sizeof *s);
		s->sync = sqlite3_column_int64(st, 0);
		s->at = sqlite3_column_int64(st, 1);
		s->old_serial = sqlite3_column_int64(st, 2);
		s->serial = sqlite3_column_int64(st, 3);
		s->first = sqlite3_column_int(st, 4);
		changes_counts_parse((const char *)sqlite3_column_text(st, 5),
		    &s->counts);
		s->counts.log_sync = s->sync;
	}
	stmt_put(c, STMT_LOG_SYNCS, st);
	if (rc != SQLITE_DONE) {
		free(*v);
		*v = NULL;
		*n = 0;
		return cache_fail(c, rc, NULL, "reading the change log");
	}
	return CACHE_OK;
}

enum cache_status
cache_change_list(struct cache *c, int64_t sync, int type,
    struct cache_change **v, size_t *n)
{
	struct cache_change	*e;
	sqlite3_stmt		*st;
	size_t			 cap = 0;
	int			 rc, t;

	*v = NULL;
	*n = 0;
	if ((st = stmt_get(c, STMT_LOG_ENTRIES)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL,
		    "reading the change log");
	sqlite3_bind_int64(st, 1, sync);
	sqlite3_bind_int(st, 2, type >= 0 && type < REC_NDATA ? type : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t = sqlite3_column_int(st, 1);
		if (t < 0 || t >= REC_NDATA ||
		    sqlite3_column_type(st, 2) == SQLITE_NULL)
			continue;	/* not written by globe */
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*v = xreallocarray(*v, cap, sizeof **v);
		}
		e = &(*v)[(*n)++];
		memset(e, 0, sizeof *e);
		e->sync = sqlite3_column_int64(st, 0);
		e->type = t;
		e->id = stmt_column_dup(st, 2);
		e->what = sqlite3_column_int(st, 3);
		if (e->what < CACHE_CHANGE_ADDED || e->what > CACHE_CHANGE_REMOVED)
			e->what = CACHE_CHANGE_CHANGED;
		e->name = stmt_column_dup(st, 4);
		e->fields = stmt_column_dup(st, 5);
	}
	stmt_put(c, STMT_LOG_ENTRIES, st);
	if (rc != SQLITE_DONE) {
		cache_changes_free(*v, *n);
		*v = NULL;
		*n = 0;
		return cache_fail(c, rc, NULL, "reading the change log");
	}
	return CACHE_OK;
}

void
cache_changes_free(struct cache_change *v, size_t n)
{
	size_t	i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].name);
		free(v[i].fields);
	}
	free(v);
}

enum cache_status
cache_change_last(struct cache *c, int64_t *sync)
{
	int	rc;

	if ((rc = stmt_int64(c, STMT_LOG_LAST, sync)) != SQLITE_OK)
		return cache_fail(c, rc, NULL, "reading the change log");
	return CACHE_OK;
}

/* Whether the comma-separated list holds name as one of its items. */
static int
changes_has(const char *list, const char *name, size_t len)
{
	const char	*p = list, *e;

	while (p != NULL && *p != '\0') {
		e = strchr(p, ',');
		if ((e != NULL ? (size_t)(e - p) : strlen(p)) == len &&
		    strncmp(p, name, len) == 0)
			return 1;
		p = e != NULL ? e + 1 : NULL;
	}
	return 0;
}

enum cache_status
cache_changed_fields(struct cache *c, enum record_type type, const char *id,
    int64_t after, char **fields)
{
	sqlite3_stmt	*st;
	struct buf	 b;
	const char	*f, *e;
	size_t		 len;
	int		 rc;

	*fields = NULL;
	if ((st = stmt_get(c, STMT_LOG_FIELDS)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL,
		    "reading the change log");
	stmt_bind_text(st, 1, id);
	sqlite3_bind_int(st, 2, type);
	sqlite3_bind_int64(st, 3, after);
	buf_init(&b);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (f = (const char *)sqlite3_column_text(st, 0);
		    f != NULL && *f != '\0'; f = e != NULL ? e + 1 : NULL) {
			e = strchr(f, ',');
			len = e != NULL ? (size_t)(e - f) : strlen(f);
			if (len == 0 || changes_has(b.data, f, len))
				continue;
			if (b.len > 0)
				buf_addc(&b, ',');
			buf_add(&b, f, len);
		}
	}
	stmt_put(c, STMT_LOG_FIELDS, st);
	if (rc != SQLITE_DONE) {
		buf_free(&b);
		return cache_fail(c, rc, NULL, "reading the change log");
	}
	if (b.len > 0)
		*fields = buf_detach(&b);
	buf_free(&b);
	return CACHE_OK;
}
