/*
 * cmd-search.c: `globe search WORDS...`, people and authorities together.
 * The words are handed to cache_search as plain text (never FTS syntax);
 * each hit is then read whole, so --json, --csv and --vcard carry every
 * field of the record, not just the hit's summary. Nothing found is exit
 * 1 with "no matches" on stderr; a list cut at its limit says so there.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "common/common.h"
#include "common/i18n.h"
#include "tui/cmd.h"

/* The filters whose values come from the records, by option. */
static const struct search_filter {
	enum cli_opt		 opt;
	const char		*name;
	enum cache_value_kind	 kind;
} search_filters_tab[] = {	/* in the order of search_filters' slots */
	{ OPT_KIND, "kind", CACHE_VALUES_KIND },
	{ OPT_ROLE, "role", CACHE_VALUES_ROLE },
	{ OPT_EXPERTISE, "expertise", CACHE_VALUES_EXPERTISE },
	{ OPT_LANGUAGE, "language", CACHE_VALUES_LANGUAGE },
};
#define NFILTERS (sizeof search_filters_tab / sizeof search_filters_tab[0])

static void
search_filters_free(char **cc, char **vals)
{
	size_t	i;

	free(*cc);
	*cc = NULL;
	for (i = 0; i < NFILTERS; i++) {
		free(vals[i]);
		vals[i] = NULL;
	}
}

/*
 * Fills the filters of q from the options, each resolved to the value
 * the cache holds (cmd-resolve.c); *cc and vals own what q points to.
 * Prints the error and returns its code for an empty or unknown one.
 */
static int
search_filters(struct cli *cli, struct cache_query *q, char **cc,
    char **vals)
{
	const char	**slot[NFILTERS];
	const char	 *a;
	size_t		  i;
	int		  rc;

	memset(vals, 0, NFILTERS * sizeof *vals);
	slot[0] = &q->kind;
	slot[1] = &q->role;
	slot[2] = &q->expertise;
	slot[3] = &q->language;
	if ((a = cli->opt[OPT_COUNTRY]) != NULL) {
		if (*a == '\0')
			return cli_usage_error(cli, _("--%s needs a value"),
			    "country");
		if ((rc = cli_resolve_country(cli, a, cc)) != EXIT_OK)
			return rc;
		q->country = *cc;
	}
	for (i = 0; i < NFILTERS; i++) {
		if ((a = cli->opt[search_filters_tab[i].opt]) == NULL)
			continue;
		if (*a == '\0')
			return cli_usage_error(cli, _("--%s needs a value"),
			    search_filters_tab[i].name);
		rc = cli_resolve_value(cli, search_filters_tab[i].kind, a,
		    &vals[i]);
		if (rc != EXIT_OK)
			return rc;
		*slot[i] = vals[i];
	}
	return EXIT_OK;
}

static int
cli_cmd_search(struct cli *cli)
{
	struct cache_query	 q;
	struct cache_hits	 hits;
	struct out_list		 l;
	enum cache_status	 st;
	struct buf		 text;
	char			*cause = NULL, *cc = NULL, *vals[NFILTERS];
	size_t			 limit, total = 0, i;
	int			 rc, k;

	memset(&q, 0, sizeof q);
	if ((rc = cli_limit(cli, CLI_LIMIT_SEARCH, &limit)) != EXIT_OK)
		return rc;
	/* One more than shown tells whether the limit cut the list. */
	q.limit = limit != 0 ? limit + 1 : SIZE_MAX;
	buf_init(&text);
	for (k = 0; k < cli->nargs; k++) {
		if (k > 0)
			buf_addc(&text, ' ');
		buf_adds(&text, cli->args[k]);
	}
	q.text = text.data != NULL ? text.data : "";
	/* Filters as the cache spells them; an unknown one is an error. */
	rc = search_filters(cli, &q, &cc, vals);
	if (rc != EXIT_OK) {
		buf_free(&text);
		search_filters_free(&cc, vals);
		return rc;
	}
	memset(&hits, 0, sizeof hits);
	st = cache_search(cli->cache, &q, &hits, &cause);
	if (st == CACHE_OK && limit != 0 && hits.n > limit) {
		/* Cut: the true total, counted only now. */
		st = cache_search_count(cli->cache, &q, &total, &cause);
		if (total < hits.n)
			total = hits.n;
	}
	buf_free(&text);
	search_filters_free(&cc, vals);
	if (st != CACHE_OK) {
		cache_hits_free(&hits);
		return cli_cache_error(st, _("search failed"), cause);
	}
	free(cause);
	out_list_init(&l);
	l.types = OUT_TMASK(REC_AUTHORITY) | OUT_TMASK(REC_CONTACT) |
	    OUT_TMASK(REC_ROUTE);
	for (i = 0; i < hits.n && (limit == 0 || i < limit); i++) {
		st = cli_fetch(cli, hits.v[i].type, hits.v[i].id, &l);
		if (st == CACHE_ERR_NOTFOUND)
			continue;	/* gone since the search */
		if (st != CACHE_OK) {
			out_list_free(&l);
			cache_hits_free(&hits);
			return cli_cache_error(st, _("cannot read the cache"),
			    NULL);
		}
	}
	cache_hits_free(&hits);
	rc = cli_print_list(cli, &l, PLIST_PEOPLE);
	if (rc == EXIT_OK && l.n == 0) {
		/* As grep and fzf: nothing found is 1, stdout stays data. */
		rc = cli_error(EXIT_NOMATCH, "%s", _("no matches"));
	} else if (rc == EXIT_OK)
		cli_limit_note(l.n, total);
	out_list_free(&l);
	return rc;
}

static const enum cli_opt opts_search[] = {
	OPT_COUNTRY, OPT_KIND, OPT_ROLE, OPT_EXPERTISE, OPT_LANGUAGE,
	OPT_LIMIT, OPT_ALL, OPT_MAX
};

const struct cli_command cli_entry_search = {
	"search", cli_cmd_search,
	"search WORDS... [--country CC] [--kind K] [--role R] "
	"[--expertise E] [--language L] [--limit N | --all]",
	N_("Find people, authorities and routes (accents and case do not "
	"matter)."),
	CLI_F_PEOPLE, 1, -1, opts_search
};
