/*
 * view-country.c: one country: a summary on top (region, counts, and
 * what designations its authorities hold, e.g. "central authority for
 * mutual legal assistance") and its member authorities below, read a
 * window at a time. The authority row builder lives here and is shared
 * with the starred view.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"

static const struct {
	const char	*code;
	const char	*label;
} designations[] = {
	{ "mla-central", "central authority for mutual legal assistance" },
	{ "asset-recovery-focal-point", "asset recovery focal point" },
	{ "asset-recovery", "asset recovery focal point" },
	{ "globe-focal-point", "GlobE focal point" },
	{ "spoc", "single point of contact" },
};

const char *
view_designation_label(const char *code)
{
	size_t	i;

	for (i = 0; i < sizeof designations / sizeof designations[0]; i++) {
		if (strcmp(designations[i].code, code) == 0)
			return designations[i].label;
	}
	return NULL;
}

const struct layout_col view_authority_cols[] = {
	{ "Authority", 0, 12, 0, 0 },
	{ "Acronym", 8, 0, 2, 0 },
	{ "Kind", 15, 0, 3, 0 },
	{ "Languages", 10, 0, 4, 0 },
	{ "Designations", 18, 0, 5, 0 },
};
const size_t view_authority_ncols =
    sizeof view_authority_cols / sizeof view_authority_cols[0];

void
view_authority_row(struct rows *out, const struct record *rec,
    const struct cache_extra *x)
{
	struct row	*r;

	r = rows_add(out);
	r->id = xstrdup(rec->v[AUTH_ID].s);
	r->type = REC_AUTHORITY;
	row_name_cell(r, rec->v[AUTH_NAME].s, x != NULL && x->starred);
	r->col[1] = sanitize(rec->v[AUTH_ACRONYM].s, SANITIZE_LINE);
	r->col[2] = sanitize(rec->v[AUTH_KIND].s, SANITIZE_LINE);
	r->col[3] = layout_list(rec->v[AUTH_LANGUAGES].list,
	    rec->v[AUTH_LANGUAGES].n);
	r->col[4] = layout_list(rec->v[AUTH_DESIGNATIONS].list,
	    rec->v[AUTH_DESIGNATIONS].n);
	if (rec->v[AUTH_EMAIL].s != NULL)
		r->copy = xstrdup(rec->v[AUTH_EMAIL].s);
	r->ident = 1;	/* an address: shown whole */
	if (rec->v[AUTH_COUNTRY].s != NULL)
		r->country = xstrdup(rec->v[AUTH_COUNTRY].s);
}

#define COUNTRY_MAXDESIG 16
struct country {
	char		*region;
	unsigned	 nauth;
	unsigned	 ncontacts;
	char		*desig[COUNTRY_MAXDESIG];
	unsigned	 ndesig[COUNTRY_MAXDESIG];
	size_t		 n;
};

static void
country_clear(struct country *c)
{
	size_t	i;

	free(c->region);
	for (i = 0; i < c->n; i++)
		free(c->desig[i]);
	memset(c, 0, sizeof *c);
}

static int
country_info_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	struct view	*v = arg;
	struct country	*c = v->data;

	free(c->region);
	c->region = rec->v[COUNTRY_REGION].s != NULL ?
	    sanitize(rec->v[COUNTRY_REGION].s, SANITIZE_LINE) : NULL;
	c->nauth = x->authorities;
	c->ncontacts = x->contacts;
	free(v->title);
	v->title = sanitize(rec->v[COUNTRY_NAME].s, SANITIZE_LINE);
	return 1;
}

/* Counts each designation over the country's authorities (no rows kept). */
static int
country_desig_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	struct country		*c = arg;
	const struct record_value *d = &rec->v[AUTH_DESIGNATIONS];
	size_t			 i, k;

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

static void
country_load(struct view *v)
{
	struct cache_filter	 f;
	struct country		*c;
	size_t			 n = 0;

	if (v->data == NULL)
		v->data = xcalloc(1, sizeof(struct country));
	c = v->data;
	country_clear(c);
	v->type = REC_COUNTRY;
	memset(&f, 0, sizeof f);
	f.type = REC_COUNTRY;
	f.id = v->arg;
	cache_list(v->app->cache, &f, country_info_cb, v);
	memset(&f, 0, sizeof f);
	f.type = REC_AUTHORITY;
	f.country = v->arg;
	cache_list(v->app->cache, &f, country_desig_cb, c);
	cache_list_count(v->app->cache, &f, &n);
	v->total = n;
}

static void
country_fetch(struct view *v, size_t off, size_t limit, struct rows *out)
{
	struct cache_filter	f;

	memset(&f, 0, sizeof f);
	f.type = REC_AUTHORITY;
	f.country = v->arg;
	f.offset = off;
	f.limit = limit;
	cache_list(v->app->cache, &f, view_authority_row_cb,
	    &(struct view_rows){ v->app, out });
}

int
view_authority_row_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	struct view_rows	*vr = arg;

	view_authority_row(vr->out, rec, x);
	view_row_stale(vr->app, &vr->out->v[vr->out->n - 1], 0,
	    rec->v[AUTH_VERIFIED].s);
	return 0;
}

static int
country_header(struct view *v, int y, int width)
{
	struct country	*c = v->data;
	struct buf	 b;
	char		 na[32], nc[32];
	const char	*label;
	size_t		 i;
	int		 lines = 0;

	layout_count(c->nauth, na);
	layout_count(c->ncontacts, nc);
	buf_init(&b);
	buf_addf(&b, "%s %s %s member %s %s %s %s",
	    c->region != NULL ? c->region : "", charset_glyph(GLYPH_DOT), na,
	    c->nauth == 1 ? "authority" : "authorities",
	    charset_glyph(GLYPH_DOT), nc,
	    c->ncontacts == 1 ? "contact" : "contacts");
	display_text(y + lines++, 0, width, b.data, STYLE_NORMAL);
	buf_reset(&b);
	buf_adds(&b, "Designations: ");
	for (i = 0; i < c->n; i++) {
		label = view_designation_label(c->desig[i]);
		if (label == NULL)
			label = c->desig[i];
		if (i > 0)
			buf_adds(&b, "; ");
		if (c->ndesig[i] > 1)
			buf_addf(&b, "%s (%u)", label, c->ndesig[i]);
		else
			buf_adds(&b, label);
	}
	if (c->n == 0)
		buf_adds(&b, "none listed");
	/* The summary may take two lines on a wide enough screen. */
	{
		char	**wl = NULL, *clean;
		size_t	  nl = 0, k;

		clean = sanitize(b.data, SANITIZE_LINE);
		layout_wrap(clean, width, &wl, &nl);
		for (k = 0; k < nl; k++) {
			if (k < 2 && v->app->rows >= 16)
				display_text(y + lines++, 0, width, wl[k],
				    STYLE_LABEL);
			else if (k == 0)
				display_text(y + lines++, 0, width, clean,
				    STYLE_LABEL);
			free(wl[k]);
		}
		free(wl);
		free(clean);
	}
	buf_free(&b);
	lines += view_draw_titles(v, y + lines, width);
	return lines;
}

static void
country_open(struct view *v, const struct row *r)
{
	if (r->id != NULL)
		app_push(v->app, &view_authority_ops, r->id, r->col[0]);
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
	.name = "Country",
	.load = country_load,
	.fetch = country_fetch,
	.draw_header = country_header,
	.open_row = country_open,
	.close = country_close,
	.cols = view_authority_cols,
	.ncols = sizeof view_authority_cols / sizeof view_authority_cols[0],
};
