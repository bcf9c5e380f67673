/*
 * user.c: the user's own state, stars and newsletter read marks. Keyed by
 * stable ids with no foreign keys, so a record that vanishes in one sync
 * and comes back in another keeps its star; a sync never touches these
 * tables.
 */
#include "config.h"

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
