/*
 * view-country.c: one country: a summary on top (region, counts, and
 * what designations its authorities hold, e.g. "central authority for
 * mutual legal assistance", both worded by the presentation part) and
 * its member authorities below, read a window at a time.
 *
 * The same screen says that a country, or one of its measures, has no
 * routes (view_route_none_ops, from the routes of w): a line that says
 * so above, so the officer still has its authorities and what they are
 * designated for, never a dead end.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

#define COUNTRY_MAXDESIG 16
struct country {
	char		*cc;		/* the country's code */
	char		*none;		/* no routes: what to say, or NULL */
	char		*summary;	/* region and counts */
	char		*designations;
	char		*desig[COUNTRY_MAXDESIG];
	unsigned	 ndesig[COUNTRY_MAXDESIG];
	size_t		 n;
};

static void
country_clear(struct country *c)
{
	size_t	i;

	free(c->cc);
	free(c->none);
	free(c->summary);
	free(c->designations);
	for (i = 0; i < c->n; i++)
		free(c->desig[i]);
	memset(c, 0, sizeof *c);
}

/* Counts each designation over the country's authorities (no rows kept). */
static int
country_desig_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	struct country		*c = arg;
	const struct record_value *d = &rec->v[AUTH_DESIGNATIONS];
	size_t			 i, k;

	(void)x;
	for (i = 0; i < d->n; i++) {
		for (k = 0; k < c->n; k++) {
			if (strcmp(c->desig[k], d->list[i]) == 0)
				break;
		}
		if (k == c->n) {
			if (c->n == COUNTRY_MAXDESIG)
				continue;
			c->desig[c->n++] = xstrdup(d->list[i]);
		}
		c->ndesig[k]++;
	}
	return 0;
}

/* "Brazil has no route for Extradition in the directory." (sanitized). */
static char *
country_none_text(struct view *v, const char *name)
{
	const char	*measure;
	char		*n, *m, *s;

	n = sanitize(name, SANITIZE_LINE);
	measure = strstr(v->arg, ROUTE_ARG_SEP);
	if (measure == NULL) {
		s = xasprintf(_("%s has no routes in the directory. Its "
		    "authorities:"), n);
		free(n);
		return s;
	}
	m = sanitize(present_label(VOCAB_MEASURE, measure + 1),
	    SANITIZE_LINE);
	s = xasprintf(_("%s has no route for %s in the directory. Its "
	    "authorities:"), n, m);
	free(m);
	free(n);
	return s;
}

static enum cache_status
country_load(struct view *v)
{
	struct cache_filter	 f;
	struct country		*c;
	struct out_list		 l;
	enum cache_status	 st;
	size_t			 n = 0;

	if (v->data == NULL)
		v->data = xcalloc(1, sizeof(struct country));
	c = v->data;
	country_clear(c);
	v->type = REC_COUNTRY;
	/* "CC", or for the routes "CC" ROUTE_ARG_SEP "measure". */
	c->cc = xstrndup(v->arg, strcspn(v->arg, ROUTE_ARG_SEP));
	memset(&f, 0, sizeof f);
	f.type = REC_COUNTRY;
	f.id = c->cc;
	out_list_init(&l);
	st = cache_list(v->app->cache, &f, out_list_add_cb, &l);
	if (st != CACHE_OK && st != CACHE_ERR_NOTFOUND) {
		out_list_free(&l);
		return st;
	}
	if (l.n > 0) {
		c->summary = present_country_summary(&l.v[0]);
		free(v->title);
		v->title = sanitize(l.v[0].rec.v[COUNTRY_NAME].s,
		    SANITIZE_LINE);
	}
	if (v->ops == &view_route_none_ops) {
		c->none = country_none_text(v, l.n > 0 ?
		    l.v[0].rec.v[COUNTRY_NAME].s : c->cc);
		/* A measure's: the trail names the measure, not again the country. */
		if (strstr(v->arg, ROUTE_ARG_SEP) != NULL) {
			free(v->title);
			v->title = sanitize(present_label(VOCAB_MEASURE,
			    strstr(v->arg, ROUTE_ARG_SEP) + 1), SANITIZE_LINE);
		}
	}
	out_list_free(&l);
	memset(&f, 0, sizeof f);
	f.type = REC_AUTHORITY;
	f.country = c->cc;
	if ((st = cache_list(v->app->cache, &f, country_desig_cb, c)) !=
	    CACHE_OK)
		return st;
	c->designations = present_designations_summary(c->desig, c->ndesig,
	    c->n);
	if ((st = cache_list_count(v->app->cache, &f, &n)) != CACHE_OK)
		return st;
	v->total = n;
	return CACHE_OK;
}

static enum cache_status
country_fetch(struct view *v, size_t off, size_t limit, struct rows *out)
{
	struct country		*c = v->data;
	struct cache_filter	 f;

	memset(&f, 0, sizeof f);
	f.type = REC_AUTHORITY;
	f.country = c->cc;
	f.offset = off;
	f.limit = limit;
	return cache_list(v->app->cache, &f, view_item_row_cb,
	    &(struct view_rows){ v, out });
}

static int
country_header(struct view *v, int y, int width)
{
	struct country	*c = v->data;
	char		**wl = NULL;
	size_t		  nl = 0, k;
	/* The interface's own words: its direction, whatever comes first. */
	int		  lines = 0, flags = bidi_ui_flags();

	if (c->none != NULL) {
		/* The routes found nothing: it says so first, on two lines at most. */
		layout_wrap(c->none, width, &wl, &nl);
		for (k = 0; k < nl; k++) {
			if (k < 2)
				display_line(y + lines++, 0, width, wl[k], flags,
				    STYLE_WARN);
			free(wl[k]);
		}
		free(wl);
		wl = NULL;
		nl = 0;
	}
	display_line(y + lines++, 0, width, c->summary != NULL ? c->summary :
	    "", flags, STYLE_NORMAL);
	/* The designations may take two lines on a tall enough screen. */
	layout_wrap(c->designations != NULL ? c->designations : "", width,
	    &wl, &nl);
	for (k = 0; k < nl; k++) {
		if (k < 2 && v->app->rows >= 16)
			display_line(y + lines++, 0, width, wl[k], flags,
			    STYLE_LABEL);
		else if (k == 0)
			display_line(y + lines++, 0, width, c->designations,
			    flags, STYLE_LABEL);
		free(wl[k]);
	}
	free(wl);
	lines += view_draw_titles(v, y + lines, width);
	return lines;
}

static void
country_open(struct view *v, const struct row *r)
{
	if (r->id != NULL)
		app_push(v->app, &view_authority_ops, r->id, r->name);
}

static void
country_close(struct view *v)
{
	if (v->data != NULL)
		country_clear(v->data);
	free(v->data);
	v->data = NULL;
}

const struct view_ops view_country_ops = {
	/* TRANSLATORS: a screen's name in the breadcrumb (top line). */
	.name = N_("Country"),
	.load = country_load,
	.fetch = country_fetch,
	.draw_header = country_header,
	.open_row = country_open,
	.close = country_close,
	.list = VIEW_LIST(PLIST_AUTHORITIES),
};

const struct view_ops view_route_none_ops = {
	.name = "Country",
	.load = country_load,
	.fetch = country_fetch,
	.draw_header = country_header,
	.open_row = country_open,
	.close = country_close,
	.list = VIEW_LIST(PLIST_AUTHORITIES),
};
