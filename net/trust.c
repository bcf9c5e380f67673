/*
 * trust.c: which signing keys a sync trusts, and how a feed changes them
 * (a key rollover without touching clients). The configured keys are
 * trusted; a signed index may list the keys it vouches for ("keys"):
 * any listed key is trusted from then on (announced), an announced key
 * no longer listed is dropped, and once an index signed by an announced
 * key no longer lists a configured one, that one is retired. What the
 * feed changed is kept in the cache (signing_keys), written in the same
 * transaction as the data that came with it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "common/common.h"
#include "common/i18n.h"
#include "net/net.h"
#include "net/private.h"

void
net_trust_free(struct net_trusted_key *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i].base64);
	free(v);
}

static struct net_trusted_key *
trust_find(struct net_trusted_key *v, size_t n,
    const struct minisign_pubkey *k)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (memcmp(&v[i].key, k, sizeof *k) == 0)
			return &v[i];
	}
	return NULL;
}

enum net_status
net_trust_list(struct cache *cache, const char *const *pubkeys,
    size_t npubkeys, struct net_trusted_key **vp, size_t *np, char **cause)
{
	struct cache_signing_key	*rows = NULL;
	struct net_trusted_key		*v, *t;
	struct minisign_pubkey		 k;
	enum cache_status		 cs;
	char				*why = NULL;
	size_t				 n = 0, nrows = 0, i;

	*vp = NULL;
	*np = 0;
	if (cache != NULL && (cs = cache_signing_keys(cache, &rows,
	    &nrows)) != CACHE_OK) {
		/* TRANSLATORS: %s says why (the cache's reason). */
		*cause = xasprintf(_("cannot read the signing keys: %s"),
		    cache_strerror(cs));
		return NET_ERR_CACHE;
	}
	v = xcalloc(npubkeys + nrows + 1, sizeof *v);
	for (i = 0; i < npubkeys; i++) {
		if (minisign_pubkey_parse(pubkeys[i], &k, &why) != NET_OK) {
			/*
			 * TRANSLATORS: the configured public key (counted
			 * from 1) that does not parse, then why.
			 */
			*cause = xasprintf(_("public key %zu: %s"), i + 1, why);
			free(why);
			net_trust_free(v, n);
			cache_signing_keys_free(rows, nrows);
			return NET_ERR_USAGE;
		}
		if (trust_find(v, n, &k) != NULL)
			continue;
		v[n].key = k;
		v[n].base64 = minisign_pubkey_base64(&k);
		v[n].configured = 1;
		n++;
	}
	for (i = 0; i < nrows; i++) {
		if (minisign_pubkey_parse(rows[i].key, &k, NULL) != NET_OK)
			continue;	/* written by globe: never so */
		t = trust_find(v, n, &k);
		if (t != NULL && t->configured) {
			/* Only a configured key can be retired. */
			if (rows[i].retired) {
				t->retired = 1;
				t->serial = rows[i].serial;
			}
			continue;
		}
		if (t != NULL || rows[i].retired)
			continue;
		v[n].key = k;
		v[n].base64 = xstrdup(rows[i].key);
		v[n].announced = 1;
		v[n].serial = rows[i].serial;
		n++;
	}
	cache_signing_keys_free(rows, nrows);
	*vp = v;
	*np = n;
	return NET_OK;
}

/* 1 if the index lists k. */
static int
trust_listed(const struct feed_index *ix, const struct minisign_pubkey *k)
{
	size_t	i;

	for (i = 0; i < ix->nkeys; i++) {
		if (memcmp(&ix->keys[i], k, sizeof *k) == 0)
			return 1;
	}
	return 0;
}

static void
trust_row(struct cache_signing_key *rows, size_t *n, const char *base64,
    int retired, int64_t serial)
{
	rows[*n].key = xstrdup(base64);
	rows[*n].retired = retired;
	rows[*n].serial = serial;
	(*n)++;
}

enum net_status
net_trust_rows(const struct net_trusted_key *v, size_t n, size_t which,
    const struct feed_index *ix, struct cache_signing_key **rowsp,
    size_t *nrows, char **cause)
{
	struct cache_signing_key	*rows;
	const struct net_trusted_key	*t;
	char				*b64;
	size_t				 i, j;
	int				 by_announced = !v[which].configured;

	*rowsp = NULL;
	*nrows = 0;
	if (!trust_listed(ix, &v[which].key)) {
		/* TRANSLATORS: keys is a field of index.json: keep it. */
		*cause = xstrdup(_("index.json: its 'keys' do not list the key "
		    "that signed it"));
		return NET_ERR_SIGNATURE;
	}
	rows = xcalloc(n + ix->nkeys + 1, sizeof *rows);
	/* Every key it lists is trusted: announced, or configured. */
	for (i = 0; i < ix->nkeys; i++) {
		for (j = 0, t = NULL; j < n && t == NULL; j++) {
			if (memcmp(&v[j].key, &ix->keys[i], sizeof v[j].key) == 0)
				t = &v[j];
		}
		if (t != NULL && t->configured)
			continue;	/* listed again: no longer retired */
		if (t != NULL)
			trust_row(rows, nrows, t->base64, 0, t->serial);
		else {
			b64 = minisign_pubkey_base64(&ix->keys[i]);
			trust_row(rows, nrows, b64, 0, ix->serial);
			free(b64);
		}
	}
	/*
	 * A configured key it no longer lists stays retired; it is retired
	 * now if an announced key signed this index. Announced keys it no
	 * longer lists are dropped.
	 */
	for (i = 0; i < n; i++) {
		if (!v[i].configured || trust_listed(ix, &v[i].key))
			continue;
		if (v[i].retired)
			trust_row(rows, nrows, v[i].base64, 1, v[i].serial);
		else if (by_announced)
			trust_row(rows, nrows, v[i].base64, 1, ix->serial);
	}
	*rowsp = rows;
	return NET_OK;
}
