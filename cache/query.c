/*
 * query.c: the read-only lists the CLI and the TUI show (countries,
 * authorities of a country, contacts, newsletters, routes of a country
 * or an authority, one record), their
 * counts, the status-line totals and the data version the interface
 * polls to notice another process's sync, and the distinct values of the
 * search filters. Rows come back as struct record, read by the field
 * table, plus the extras of struct cache_extra.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cache/private.h"
#include "common/i18n.h"

/* Statements by type and access path: all, by id, by country, by authority. */
/* ... and newsletters by the words of their text. */
enum { PATH_ALL, PATH_ID, PATH_COUNTRY, PATH_AUTHORITY, PATH_TEXT, NPATHS };

static const int query_list_stmt[REC_NDATA][NPATHS] = {
	[REC_COUNTRY] = { STMT_LIST_COUNTRIES, STMT_LIST_COUNTRY_ID, -1, -1,
	    -1 },
	[REC_AUTHORITY] = { STMT_LIST_AUTHORITIES, STMT_LIST_AUTHORITY_ID,
	    STMT_LIST_AUTHORITIES_COUNTRY, -1, -1 },
	[REC_CONTACT] = { STMT_LIST_CONTACTS, STMT_LIST_CONTACT_ID,
	    STMT_LIST_CONTACTS_COUNTRY, STMT_LIST_CONTACTS_AUTHORITY, -1 },
	[REC_NEWSLETTER] = { STMT_LIST_NEWSLETTERS, STMT_LIST_NEWSLETTER_ID,
	    -1, -1, STMT_LIST_NEWSLETTERS_TEXT },
	[REC_ROUTE] = { STMT_LIST_ROUTES, STMT_LIST_ROUTE_ID,
	    STMT_LIST_ROUTES_COUNTRY, STMT_LIST_ROUTES_AUTHORITY, -1 },
};
static const int query_count_stmt[REC_NDATA][NPATHS] = {
	[REC_COUNTRY] = { STMT_COUNT_COUNTRIES, STMT_COUNT_COUNTRY_ID, -1, -1,
	    -1 },
	[REC_AUTHORITY] = { STMT_COUNT_AUTHORITIES, STMT_COUNT_AUTHORITY_ID,
	    STMT_COUNT_AUTHORITIES_COUNTRY, -1, -1 },
	[REC_CONTACT] = { STMT_COUNT_CONTACTS, STMT_COUNT_CONTACT_ID,
	    STMT_COUNT_CONTACTS_COUNTRY, STMT_COUNT_CONTACTS_AUTHORITY, -1 },
	[REC_NEWSLETTER] = { STMT_COUNT_NEWSLETTERS, STMT_COUNT_NEWSLETTER_ID,
	    -1, -1, STMT_COUNT_NEWSLETTERS_TEXT },
	[REC_ROUTE] = { STMT_COUNT_ROUTES, STMT_COUNT_ROUTE_ID,
	    STMT_COUNT_ROUTES_COUNTRY, STMT_COUNT_ROUTES_AUTHORITY, -1 },
};

int
query_row_record(sqlite3_stmt *st, int first, enum record_type type,
    struct record *r)
{
	const struct record_type_info	*ti = &record_types[type];
	const char			*s, *p, *e;
	char				*item;
	size_t				 i;
	int				 col;

	memset(r, 0, sizeof *r);
	r->type = type;
	for (i = 0; i < ti->nfields; i++) {
		col = first + (int)i;
		s = (const char *)sqlite3_column_text(st, col);
		if (s == NULL && (ti->fields[i].flags & RF_REQUIRED)) {
			/* NOT NULL in the schema: only a forged file has it. */
			record_clear(r);
			return -1;
		}
		if (s == NULL)
			continue;
		if (ti->fields[i].kind == RF_STRING) {
			record_set(r, (int)i, s);
			continue;
		}
		/* A list: items joined by the unit separator. */
		p = s;
		for (;;) {
			e = strchr(p, '\037');
			item = xstrndup(p, e != NULL ? (size_t)(e - p) :
			    strlen(p));
			record_list_add(r, (int)i, item);
			free(item);
			if (e == NULL)
				break;
			p = e + 1;
		}
	}
	return 0;
}

/* Picks the access path of a filter; -1 if the filter makes no sense. */
static int
query_path(const struct cache_filter *f, const char **key)
{
	if ((unsigned)f->type >= REC_NDATA)
		return -1;
	if (f->id != NULL) {
		*key = f->id;
		return PATH_ID;
	}
	if (f->text != NULL && f->type == REC_NEWSLETTER) {
		*key = f->text;
		return PATH_TEXT;
	}
	if (f->authority != NULL &&
	    (f->type == REC_CONTACT || f->type == REC_ROUTE)) {
		*key = f->authority;
		return PATH_AUTHORITY;
	}
	if (f->country != NULL && (f->type == REC_AUTHORITY ||
	    f->type == REC_CONTACT || f->type == REC_ROUTE)) {
		*key = f->country;
		return PATH_COUNTRY;
	}
	*key = NULL;
	return PATH_ALL;
}

static const char *
query_text(sqlite3_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st, col);
}

static void
query_extra(sqlite3_stmt *st, enum record_type type, struct cache_extra *x)
{
	int	n = (int)record_types[type].nfields;

	memset(x, 0, sizeof *x);
	switch (type) {
	case REC_COUNTRY:
		x->authorities = (unsigned)sqlite3_column_int64(st, n);
		x->contacts = (unsigned)sqlite3_column_int64(st, n + 1);
		x->starred = sqlite3_column_int(st, n + 2);
		x->routes = (unsigned)sqlite3_column_int64(st, n + 3);
		break;
	case REC_AUTHORITY:
		x->country_name = query_text(st, n);
		x->contacts = (unsigned)sqlite3_column_int64(st, n + 1);
		x->starred = sqlite3_column_int(st, n + 2);
		x->note = query_text(st, n + 3);
		break;
	case REC_CONTACT:
		x->country_name = query_text(st, n);
		x->authority_name = query_text(st, n + 1);
		x->authority_acronym = query_text(st, n + 2);
		x->starred = sqlite3_column_int(st, n + 3);
		x->country = query_text(st, n + 4);
		x->note = query_text(st, n + 5);
		break;
	case REC_NEWSLETTER:
		x->read = sqlite3_column_int(st, n);
		break;
	case REC_ROUTE:
		x->country_name = query_text(st, n);
		x->authority_name = query_text(st, n + 1);
		x->authority_acronym = query_text(st, n + 2);
		x->contact_name = query_text(st, n + 3);
		x->contact_email = query_text(st, n + 4);
		x->contact_timezone = query_text(st, n + 5);
		x->contact_hours = query_text(st, n + 6);
		x->note = query_text(st, n + 7);
		break;
	default:
		break;
	}
}

enum cache_status
cache_list(struct cache *c, const struct cache_filter *f, cache_row_cb cb,
    void *arg)
{
	struct record		 r;
	struct cache_extra	 x;
	sqlite3_stmt		*st;
	const char		*key;
	enum stmt_id		 id;
	size_t			 rows = 0;
	int			 path, rc, stop = 0;

	if ((path = query_path(f, &key)) < 0 ||
	    query_list_stmt[f->type][path] < 0)
		return CACHE_ERR_INVALID;
	id = (enum stmt_id)query_list_stmt[f->type][path];
	if ((st = stmt_get(c, id)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL, "listing");
	sqlite3_bind_int(st, 1, f->starred_only ? 1 : 0);
	if (key != NULL)
		stmt_bind_text(st, 2, key);
	sqlite3_bind_int64(st, 3, f->limit == 0 ? -1 :
	    (sqlite3_int64)f->limit);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)f->offset);
	if (f->type == REC_ROUTE && path == PATH_COUNTRY)
		stmt_bind_text(st, 5, f->measure);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows++;
		if (query_row_record(st, 0, f->type, &r) != 0) {
			rc = SQLITE_CORRUPT;
			break;
		}
		query_extra(st, f->type, &x);
		if (cb != NULL)
			stop = cb(&r, &x, arg);
		record_clear(&r);
	}
	if (stop)
		rc = SQLITE_DONE;
	stmt_put(c, id, st);
	if (rc != SQLITE_DONE)
		return cache_fail(c, rc, NULL, "listing");
	if (path == PATH_ID && rows == 0 && f->offset == 0)
		return CACHE_ERR_NOTFOUND;
	return CACHE_OK;
}

enum cache_status
cache_list_count(struct cache *c, const struct cache_filter *f, size_t *n)
{
	sqlite3_stmt	*st;
	const char	*key;
	enum stmt_id	 id;
	int		 path, rc;

	*n = 0;
	if ((path = query_path(f, &key)) < 0 ||
	    query_count_stmt[f->type][path] < 0)
		return CACHE_ERR_INVALID;
	id = (enum stmt_id)query_count_stmt[f->type][path];
	if ((st = stmt_get(c, id)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL, "counting");
	sqlite3_bind_int(st, 1, f->starred_only ? 1 : 0);
	if (key != NULL)
		stmt_bind_text(st, 2, key);
	if (f->type == REC_ROUTE && path == PATH_COUNTRY)
		stmt_bind_text(st, 5, f->measure);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*n = (size_t)sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	stmt_put(c, id, st);
	if (rc != SQLITE_DONE)
		return cache_fail(c, rc, NULL, "counting");
	return CACHE_OK;
}

enum cache_status
cache_counts_get(struct cache *c, struct cache_counts *n)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(n, 0, sizeof *n);
	if ((st = stmt_get(c, STMT_COUNTS)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL, "counting");
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n->countries = (unsigned)sqlite3_column_int64(st, 0);
		n->authorities = (unsigned)sqlite3_column_int64(st, 1);
		n->contacts = (unsigned)sqlite3_column_int64(st, 2);
		n->newsletters = (unsigned)sqlite3_column_int64(st, 3);
		n->routes = (unsigned)sqlite3_column_int64(st, 4);
		n->unread = (unsigned)sqlite3_column_int64(st, 5);
		n->starred = (unsigned)sqlite3_column_int64(st, 6);
		rc = SQLITE_DONE;
	}
	stmt_put(c, STMT_COUNTS, st);
	if (rc != SQLITE_DONE)
		return cache_fail(c, rc, NULL, "counting");
	return CACHE_OK;
}

static int
query_name_cb(const struct record *r, const struct cache_extra *x, void *arg)
{
	char	**name = arg;

	(void)x;
	if (r->v[COUNTRY_NAME].s != NULL)
		*name = xstrdup(r->v[COUNTRY_NAME].s);
	return 1;
}

char *
cache_country_name(struct cache *c, const char *code)
{
	struct cache_filter	 f;
	char			*name = NULL;

	if (code == NULL)
		return NULL;
	memset(&f, 0, sizeof f);
	f.type = REC_COUNTRY;
	f.id = code;
	(void)cache_list(c, &f, query_name_cb, &name);
	return name;
}

int
cache_id_type(struct cache *c, const char *id)
{
	sqlite3_stmt	*st;
	int		 type = -1;

	if (id == NULL || (st = stmt_get(c, STMT_ID_TYPE)) == NULL)
		return -1;
	stmt_bind_text(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		type = record_type_from_name(query_text(st, 0));
	stmt_put(c, STMT_ID_TYPE, st);
	return type;
}

enum cache_status
cache_ids_list(struct cache *c, enum record_type type, const char *prefix,
    size_t limit, cache_id_cb cb, void *arg)
{
	static const enum stmt_id ids[] = {
		[REC_AUTHORITY] = STMT_IDS_AUTHORITY,
		[REC_CONTACT] = STMT_IDS_CONTACT,
		[REC_NEWSLETTER] = STMT_IDS_NEWSLETTER,
	};
	sqlite3_stmt	*st;
	int		 rc;

	if (type != REC_AUTHORITY && type != REC_CONTACT &&
	    type != REC_NEWSLETTER)
		return CACHE_ERR_INVALID;
	if ((st = stmt_get(c, ids[type])) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL,
		    "listing ids");
	stmt_bind_text(st, 1, prefix != NULL ? prefix : "");
	sqlite3_bind_int64(st, 2, limit > 0 ? (sqlite3_int64)limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cb(query_text(st, 0), query_text(st, 1), arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	stmt_put(c, ids[type], st);
	if (rc != SQLITE_DONE)
		return cache_fail(c, rc, NULL, "listing ids");
	return CACHE_OK;
}

enum cache_status
cache_data_version(struct cache *c, int64_t *version, char **cause)
{
	int	rc;

	if ((rc = stmt_int64(c, STMT_DATA_VERSION, version)) != SQLITE_OK)
		return cache_fail(c, rc, cause, _("reading the data version"));
	return CACHE_OK;
}

enum cache_status
cache_value_find(struct cache *c, enum cache_value_kind kind,
    const char *text, char **value)
{
	static const enum stmt_id ids[] = {
		[CACHE_VALUES_KIND] = STMT_VALUE_KIND,
		[CACHE_VALUES_ROLE] = STMT_VALUE_ROLE,
		[CACHE_VALUES_EXPERTISE] = STMT_VALUE_EXPERTISE,
		[CACHE_VALUES_LANGUAGE] = STMT_VALUE_LANGUAGE,
		[CACHE_VALUES_MEASURE] = STMT_VALUE_MEASURE,
	};
	sqlite3_stmt		*st;
	const unsigned char	*s;
	int			 rc;

	*value = NULL;
	if ((unsigned)kind >= sizeof ids / sizeof ids[0] || text == NULL)
		return CACHE_ERR_INVALID;
	if ((st = stmt_get(c, ids[kind])) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL,
		    "looking up a value");
	stmt_bind_text(st, 1, text);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && (s = sqlite3_column_text(st, 0)) != NULL)
		*value = xstrdup((const char *)s);
	stmt_put(c, ids[kind], st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cache_fail(c, rc, NULL, "looking up a value");
	return *value != NULL ? CACHE_OK : CACHE_ERR_NOTFOUND;
}

enum cache_status
cache_values_list(struct cache *c, enum cache_value_kind kind, char ***v,
    size_t *n)
{
	static const enum stmt_id ids[] = {
		[CACHE_VALUES_KIND] = STMT_VALUES_KIND,
		[CACHE_VALUES_ROLE] = STMT_VALUES_ROLE,
		[CACHE_VALUES_EXPERTISE] = STMT_VALUES_EXPERTISE,
		[CACHE_VALUES_LANGUAGE] = STMT_VALUES_LANGUAGE,
		[CACHE_VALUES_MEASURE] = STMT_VALUES_MEASURE,
	};
	sqlite3_stmt		*st;
	const unsigned char	*s;
	size_t			 cap = 0;
	int			 rc;

	*v = NULL;
	*n = 0;
	if ((unsigned)kind >= sizeof ids / sizeof ids[0])
		return CACHE_ERR_INVALID;
	if ((st = stmt_get(c, ids[kind])) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL,
		    "listing values");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((s = sqlite3_column_text(st, 0)) == NULL)
			continue;
		if (*n == cap) {
			cap = cap != 0 ? cap * 2 : 16;
			*v = xreallocarray(*v, cap, sizeof **v);
		}
		(*v)[(*n)++] = xstrdup((const char *)s);
	}
	stmt_put(c, ids[kind], st);
	if (rc != SQLITE_DONE) {
		cache_values_free(*v, *n);
		*v = NULL;
		*n = 0;
		return cache_fail(c, rc, NULL, "listing values");
	}
	return CACHE_OK;
}

void
cache_values_free(char **v, size_t n)
{
	size_t	i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
