/*
 * keys.c: the signing keys a feed changed itself (a key rollover): those
 * a signed index announced, trusted from then on, and configured ones an
 * index signed by an announced key retired. They are replaced inside a
 * sync's transaction, so they land with the data that brought them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cache/private.h"
#include "common/i18n.h"

enum cache_status
cache_signing_keys(struct cache *c, struct cache_signing_key **keys,
    size_t *n)
{
	struct cache_signing_key	*v = NULL;
	sqlite3_stmt			*st;
	const unsigned char		*k;
	size_t				 cap = 0;
	int				 rc;

	*keys = NULL;
	*n = 0;
	if ((st = stmt_get(c, STMT_KEYS_GET)) == NULL)
		return cache_fail(c, sqlite3_errcode(c->db), NULL,
		    "signing keys");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((k = sqlite3_column_text(st, 0)) == NULL) {
			rc = SQLITE_CORRUPT;
			break;
		}
		if (*n == cap) {
			cap = cap == 0 ? 4 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[*n].key = xstrdup((const char *)k);
		v[*n].retired = sqlite3_column_int(st, 1) != 0;
		v[*n].serial = sqlite3_column_int64(st, 2);
		(*n)++;
	}
	stmt_put(c, STMT_KEYS_GET, st);
	if (rc != SQLITE_DONE) {
		cache_signing_keys_free(v, *n);
		*n = 0;
		return cache_fail(c, rc, NULL, "signing keys");
	}
	*keys = v;
	return CACHE_OK;
}

void
cache_signing_keys_free(struct cache_signing_key *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i].key);
	free(v);
}

enum cache_status
cache_apply_signing_keys(struct cache *c, const struct cache_signing_key *v,
    size_t n, char **cause)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	if (!c->in_apply) {
		if (cause != NULL)
			*cause = xstrdup(_("no sync is being applied"));
		return CACHE_ERR;
	}
	if ((rc = stmt_run(c, STMT_KEYS_CLEAR)) != SQLITE_OK)
		return cache_fail(c, rc, cause, _("writing the signing keys"));
	for (i = 0; i < n; i++) {
		if ((st = stmt_get(c, STMT_KEYS_PUT)) == NULL)
			return cache_fail(c, sqlite3_errcode(c->db), cause,
			    _("writing the signing keys"));
		stmt_bind_text(st, 1, v[i].key);
		sqlite3_bind_int(st, 2, v[i].retired != 0);
		sqlite3_bind_int64(st, 3, v[i].serial);
		rc = sqlite3_step(st);
		stmt_put(c, STMT_KEYS_PUT, st);
		if (rc != SQLITE_DONE)
			return cache_fail(c, rc, cause,
			    _("writing the signing keys"));
	}
	return CACHE_OK;
}

enum cache_status
keys_sum(struct cache *c, crypto_hash_sha256_state *h)
{
	struct cache_signing_key	*v;
	enum cache_status		 status;
	char				 buf[32];
	size_t				 n, i;

	if ((status = cache_signing_keys(c, &v, &n)) != CACHE_OK)
		return status;
	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof buf, "%d %lld", v[i].retired,
		    (long long)v[i].serial);
		crypto_hash_sha256_update(h, (const unsigned char *)"key", 4);
		crypto_hash_sha256_update(h, (const unsigned char *)v[i].key,
		    strlen(v[i].key) + 1);
		crypto_hash_sha256_update(h, (const unsigned char *)buf,
		    strlen(buf) + 1);
	}
	cache_signing_keys_free(v, n);
	return CACHE_OK;
}
