/*
 * cli-search.c: `globe search WORDS...`, people and authorities together.
 * The words are handed to cache_search as plain text (never FTS syntax);
 * each hit is then read whole, so --json, --csv and --vcard carry every
 * field of the record, not just the hit's summary.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "common/common.h"
#include "tui/tui.h"

static const struct out_column search_cols[] = {
	{ "type", NULL, 9, 0, NULL, NULL },
	{ "id", NULL, 14, 0, NULL, NULL },
	{ "name", NULL, 30, 0, NULL, NULL },
	{ "detail", NULL, 40, 0, NULL, NULL },
	{ "country", NULL, 7, 0, NULL, NULL },
	{ "email", NULL, 32, 0, NULL, NULL },
};

int
cli_cmd_search(struct cli *cli)
{
	struct cache_query	 q;
	struct cache_hits	 hits;
	struct out_list		 l;
	struct out_item		*it;
	enum cache_status	 st;
	struct buf		 text;
	char			*cause = NULL, *cc = NULL, *end, *p;
	unsigned long		 limit;
	size_t			 i, before;
	int			 rc, k;

	memset(&q, 0, sizeof q);
	if (cli->opt[OPT_LIMIT] != NULL) {
		errno = 0;
		limit = strtoul(cli->opt[OPT_LIMIT], &end, 10);
		if (errno != 0 || *end != '\0' || limit == 0 ||
		    limit > 100000 || !isdigit((unsigned char)
		    cli->opt[OPT_LIMIT][0]))
			return cli_usage_error(cli, "--limit wants a number "
			    "from 1 to 100000, not '%s'", cli->opt[OPT_LIMIT]);
		q.limit = limit;
	}
	buf_init(&text);
	for (k = 0; k < cli->nargs; k++) {
		if (k > 0)
			buf_addc(&text, ' ');
		buf_adds(&text, cli->args[k]);
	}
	q.text = text.data != NULL ? text.data : "";
	if (cli->opt[OPT_COUNTRY] != NULL) {
		cc = xstrdup(cli->opt[OPT_COUNTRY]);
		for (p = cc; *p != '\0'; p++)
			*p = (char)toupper((unsigned char)*p);
		q.country = cc;
	}
	q.kind = cli->opt[OPT_KIND];
	q.role = cli->opt[OPT_ROLE];
	q.expertise = cli->opt[OPT_EXPERTISE];
	q.language = cli->opt[OPT_LANGUAGE];
	memset(&hits, 0, sizeof hits);
	st = cache_search(cli->cache, &q, &hits, &cause);
	buf_free(&text);
	free(cc);
	if (st != CACHE_OK) {
		cache_hits_free(&hits);
		return cli_cache_error(st, "search failed", cause);
	}
	free(cause);
	out_list_init(&l);
	for (i = 0; i < hits.n; i++) {
		before = l.n;
		st = cli_fetch(cli, hits.v[i].type, hits.v[i].id, &l);
		if (st == CACHE_ERR_NOTFOUND)
			continue;	/* gone since the search */
		if (st != CACHE_OK) {
			out_list_free(&l);
			cache_hits_free(&hits);
			return cli_cache_error(st, "cannot read the cache",
			    NULL);
		}
		if (l.n != before + 1)
			continue;
		it = &l.v[before];
		if (hits.v[i].detail != NULL)
			it->detail = xstrdup(hits.v[i].detail);
		if (it->rec.type == REC_CONTACT && hits.v[i].country != NULL)
			it->country = xstrdup(hits.v[i].country);
		if (it->country_name == NULL && hits.v[i].country_name != NULL)
			it->country_name = xstrdup(hits.v[i].country_name);
	}
	cache_hits_free(&hits);
	if (l.n == 0 && cli->format == OUT_HUMAN) {
		fflush(stdout);
		fprintf(stderr, "globe: no matches\n");
	}
	rc = cli_print_list(cli, &l, search_cols,
	    sizeof search_cols / sizeof search_cols[0]);
	out_list_free(&l);
	return rc;
}
