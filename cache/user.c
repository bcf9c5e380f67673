/*
 * user.c: the user's own state: stars, newsletter read marks, notes and
 * flags. Keyed by stable ids with no foreign keys, so a record that
 * vanishes in one sync and comes back in another keeps its star and its
 * note; a sync never touches these tables (it only marks a flag sent,
 * through cache_flag_result, once the reports URL took it). A note is
 * part of its record's search entry, brought up to date with it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cache/private.h"

static enum cache_status
user_run(struct cache *c, enum stmt_id id, const char *a, const char *b)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (c->flags & CACHE_OPEN_READONLY)
		return CACHE_ERR_READONLY;
	if ((st = stmt_get(c, id)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL, "user state");
	stmt_bind_text(st, 1, a);
	if (b != NULL)
		stmt_bind_text(st, 2, b);
	rc = sqlite3_step(st);
	stmt_put(c, id, st);
	if (rc != SQLITE_DONE)
		return cache_fail(c, rc, NULL, "user state");
	return CACHE_OK;
}

enum cache_status
cache_star_set(struct cache *c, enum record_type type, const char *id, int on)
{
	if ((unsigned)type >= REC_NDATA || id == NULL)
		return CACHE_ERR_INVALID;
	return user_run(c, on ? STMT_STAR_ON : STMT_STAR_OFF,
	    record_types[type].name, id);
}

enum cache_status
cache_read_set(struct cache *c, const char *newsletter_id, int read)
{
	if (newsletter_id == NULL)
		return CACHE_ERR_INVALID;
	return user_run(c, read ? STMT_READ_ON : STMT_READ_OFF, newsletter_id,
	    NULL);
}

enum cache_status
cache_read_all(struct cache *c)
{
	return user_run(c, STMT_READ_ALL, "all", NULL);
}

/* ---- notes ---------------------------------------------------------- */

/* The types a note or a flag may be on: the records an officer acts on. */
static int
user_note_type(enum record_type type)
{
	return type == REC_AUTHORITY || type == REC_CONTACT || type == REC_ROUTE;
}

/* A text the officer typed: UTF-8, at most max bytes; empty allowed. */
static int
user_text_valid(const char *text, size_t max)
{
	size_t	len = strlen(text);

	return len <= max && utf8_valid(text, len);
}

/* Runs a statement of user.c that binds type name, id and more. */
static int
user_step(sqlite3_stmt *st)
{
	int	rc;

	rc = sqlite3_step(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

enum cache_status
cache_note_set(struct cache *c, enum record_type type, const char *id,
    const char *text, int64_t now)
{
	enum cache_status	 status;
	sqlite3_stmt		*st;
	enum stmt_id		 sid;
	int			 rc;

	if (c->flags & CACHE_OPEN_READONLY)
		return CACHE_ERR_READONLY;
	if (!user_note_type(type) || id == NULL ||
	    (text != NULL && !user_text_valid(text, CACHE_NOTE_MAX)))
		return CACHE_ERR_INVALID;
	if ((rc = cache_exec(c, "BEGIN IMMEDIATE")) != SQLITE_OK)
		return cache_fail(c, rc, NULL, "writing the note");
	sid = text != NULL && *text != '\0' ? STMT_NOTE_SET : STMT_NOTE_DEL;
	if ((st = stmt_get(c, sid)) == NULL) {
		rc = sqlite3_errcode(c->db);
		goto fail;
	}
	stmt_bind_text(st, 1, record_types[type].name);
	stmt_bind_text(st, 2, id);
	if (sid == STMT_NOTE_SET) {
		stmt_bind_text(st, 3, text);
		sqlite3_bind_int64(st, 4, now);
	}
	rc = user_step(st);
	stmt_put(c, sid, st);
	if (rc != SQLITE_OK)
		goto fail;
	/* Its search entry holds the note: "prefers phone" finds it. */
	if ((rc = stmt_run(c, STMT_AFFECTED_CLEAR)) != SQLITE_OK)
		goto fail;
	if ((st = stmt_get(c, STMT_AFFECTED_ONE)) == NULL) {
		rc = sqlite3_errcode(c->db);
		goto fail;
	}
	sqlite3_bind_int(st, 1, type);
	stmt_bind_text(st, 2, id);
	rc = user_step(st);
	stmt_put(c, STMT_AFFECTED_ONE, st);
	if (rc != SQLITE_OK || (rc = search_refresh(c)) != SQLITE_OK ||
	    (rc = cache_exec(c, "COMMIT")) != SQLITE_OK)
		goto fail;
	stmt_run(c, STMT_AFFECTED_CLEAR);
	return CACHE_OK;
fail:
	status = cache_fail(c, rc, NULL, "writing the note");
	cache_exec(c, "ROLLBACK");
	return status;
}

enum cache_status
cache_note_get(struct cache *c, enum record_type type, const char *id,
    char **text)
{
	sqlite3_stmt		*st;
	const unsigned char	*s;
	int			 rc;

	*text = NULL;
	if (!user_note_type(type) || id == NULL)
		return CACHE_ERR_NOTFOUND;
	if ((st = stmt_get(c, STMT_NOTE_GET)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL, "notes");
	stmt_bind_text(st, 1, record_types[type].name);
	stmt_bind_text(st, 2, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && (s = sqlite3_column_text(st, 0)) != NULL)
		*text = xstrdup((const char *)s);
	stmt_put(c, STMT_NOTE_GET, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cache_fail(c, rc, NULL, "notes");
	return *text != NULL ? CACHE_OK : CACHE_ERR_NOTFOUND;
}

/* ---- flags ---------------------------------------------------------- */

enum cache_status
cache_flag_add(struct cache *c, enum record_type type, const char *id,
    const char *name, const char *text, int64_t now, int64_t *n)
{
	sqlite3_stmt	*st;
	unsigned char	 rnd[16];
	char		 hex[sizeof rnd * 2 + 1];
	int		 rc;

	*n = 0;
	if (c->flags & CACHE_OPEN_READONLY)
		return CACHE_ERR_READONLY;
	if (!user_note_type(type) || id == NULL || text == NULL ||
	    *text == '\0' || !user_text_valid(text, CACHE_FLAG_MAX))
		return CACHE_ERR_INVALID;
	if (sodium_init() < 0)
		return CACHE_ERR;
	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(hex, sizeof hex, rnd, sizeof rnd);
	if ((st = stmt_get(c, STMT_FLAG_ADD)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL, "flags");
	stmt_bind_text(st, 1, record_types[type].name);
	stmt_bind_text(st, 2, id);
	stmt_bind_text(st, 3, name);
	stmt_bind_text(st, 4, text);
	sqlite3_bind_int64(st, 5, now);
	stmt_bind_text(st, 6, hex);
	rc = user_step(st);
	stmt_put(c, STMT_FLAG_ADD, st);
	if (rc != SQLITE_OK)
		return cache_fail(c, rc, NULL, "flags");
	*n = sqlite3_last_insert_rowid(c->db);
	return CACHE_OK;
}

enum cache_status
cache_flags_list(struct cache *c, enum cache_flag_which which,
    enum record_type type, const char *id, struct cache_flag **v, size_t *n)
{
	struct cache_flag	*f;
	sqlite3_stmt		*st;
	size_t			 cap = 0;
	int			 rc, t;

	*v = NULL;
	*n = 0;
	if ((st = stmt_get(c, STMT_FLAG_LIST)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL, "flags");
	sqlite3_bind_int(st, 1, (int)which);
	stmt_bind_text(st, 2, (unsigned)type < REC_NDATA ?
	    record_types[type].name : NULL);
	stmt_bind_text(st, 3, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t = record_type_from_name((const char *)sqlite3_column_text(st,
		    1));
		if (!user_note_type(t) ||
		    sqlite3_column_type(st, 2) == SQLITE_NULL ||
		    sqlite3_column_type(st, 4) == SQLITE_NULL ||
		    sqlite3_column_type(st, 8) == SQLITE_NULL)
			continue;	/* not written by globe */
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*v = xreallocarray(*v, cap, sizeof **v);
		}
		f = &(*v)[(*n)++];
		memset(f, 0, sizeof *f);
		f->n = sqlite3_column_int64(st, 0);
		f->type = t;
		f->id = stmt_column_dup(st, 2);
		f->name = stmt_column_dup(st, 3);
		f->text = stmt_column_dup(st, 4);
		f->created = sqlite3_column_int64(st, 5);
		f->feed_id = stmt_column_dup(st, 6);
		f->serial = sqlite3_column_int64(st, 7);
		f->report_id = stmt_column_dup(st, 8);
		f->sent = sqlite3_column_int64(st, 9);
		f->attempts = (unsigned)sqlite3_column_int64(st, 10);
		f->last_error = stmt_column_dup(st, 11);
	}
	stmt_put(c, STMT_FLAG_LIST, st);
	if (rc != SQLITE_DONE) {
		cache_flags_free(*v, *n);
		*v = NULL;
		*n = 0;
		return cache_fail(c, rc, NULL, "flags");
	}
	return CACHE_OK;
}

void
cache_flags_free(struct cache_flag *v, size_t n)
{
	size_t	i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].name);
		free(v[i].text);
		free(v[i].feed_id);
		free(v[i].report_id);
		free(v[i].last_error);
	}
	free(v);
}

enum cache_status
cache_flag_remove(struct cache *c, int64_t n)
{
	sqlite3_stmt	*st;
	int		 rc, sent = -1;

	if (c->flags & CACHE_OPEN_READONLY)
		return CACHE_ERR_READONLY;
	if ((st = stmt_get(c, STMT_FLAG_STATE)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL, "flags");
	sqlite3_bind_int64(st, 1, n);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		sent = sqlite3_column_int64(st, 0) != 0;
	stmt_put(c, STMT_FLAG_STATE, st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cache_fail(c, rc, NULL, "flags");
	if (sent < 0)
		return CACHE_ERR_NOTFOUND;
	if (sent)
		return CACHE_ERR_INVALID;
	if ((st = stmt_get(c, STMT_FLAG_DEL)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL, "flags");
	sqlite3_bind_int64(st, 1, n);
	rc = user_step(st);
	stmt_put(c, STMT_FLAG_DEL, st);
	return rc == SQLITE_OK ? CACHE_OK : cache_fail(c, rc, NULL, "flags");
}

enum cache_status
cache_flag_result(struct cache *c, int64_t n, int64_t sent, const char *error)
{
	sqlite3_stmt	*st;
	enum stmt_id	 id = sent > 0 ? STMT_FLAG_SENT : STMT_FLAG_FAILED;
	int		 rc;

	if (c->flags & CACHE_OPEN_READONLY)
		return CACHE_ERR_READONLY;
	if ((st = stmt_get(c, id)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL, "flags");
	sqlite3_bind_int64(st, 1, n);
	if (sent > 0)
		sqlite3_bind_int64(st, 2, sent);
	else
		stmt_bind_text(st, 2, error);
	rc = user_step(st);
	stmt_put(c, id, st);
	return rc == SQLITE_OK ? CACHE_OK : cache_fail(c, rc, NULL, "flags");
}
