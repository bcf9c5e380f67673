/*
 * view-authority.c: one authority, every field as a "label value" line
 * (each can be copied with y; the e-mail is focused first), then its
 * contacts, read a window at a time. Tab jumps between the fields and the
 * contacts. The contact row builder lives here, shared with the starred
 * view.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/ui.h"

const struct layout_col view_contact_cols[] = {
	{ "Name", 0, 12, 0, 0 },
	{ "Title", 22, 0, 2, 0 },
	{ "Role", 16, 0, 3, 0 },
	{ "E-mail", 26, 0, 1, 0 },
};
const size_t view_contact_ncols =
    sizeof view_contact_cols / sizeof view_contact_cols[0];

void
view_contact_row(struct rows *out, const struct record *rec,
    const struct cache_extra *x)
{
	struct row	*r;

	r = rows_add(out);
	r->id = xstrdup(rec->v[CONTACT_ID].s);
	r->type = REC_CONTACT;
	row_name_cell(r, rec->v[CONTACT_NAME].s, x != NULL && x->starred);
	r->col[1] = sanitize(rec->v[CONTACT_TITLE].s, SANITIZE_LINE);
	r->col[2] = sanitize(rec->v[CONTACT_ROLE].s, SANITIZE_LINE);
	r->col[3] = sanitize(rec->v[CONTACT_EMAIL].s, SANITIZE_IDENT);
	if (rec->v[CONTACT_EMAIL].s != NULL)
		r->copy = xstrdup(rec->v[CONTACT_EMAIL].s);
	r->ident = 1;	/* an address: shown whole */
}

int
view_contact_row_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	struct view_rows	*vr = arg;

	view_contact_row(vr->out, rec, x);
	view_row_stale(vr->app, &vr->out->v[vr->out->n - 1], 0,
	    rec->v[CONTACT_VERIFIED].s);
	return 0;
}

char *
view_verified_text(struct app *app, const char *date, int *stale)
{
	long	days;
	char	*clean, *out;

	*stale = 0;
	clean = sanitize(date, SANITIZE_LINE);
	days = layout_stale_days(date, app->stale_days, time(NULL));
	if (days > 0) {
		*stale = 1;
		out = xasprintf("%s (stale: %ld days old)", clean, days);
	} else
		out = xstrdup(clean);
	free(clean);
	return out;
}

void
view_row_stale(struct app *app, struct row *r, int col, const char *date)
{
	char	*marked;

	if (layout_stale_days(date, app->stale_days, time(NULL)) == 0)
		return;
	/* The same rule as the detail screens, shown as "! " before the name. */
	r->flags |= ROW_WARN;
	marked = xasprintf("! %s", r->col[col] != NULL ? r->col[col] : "");
	free(r->col[col]);
	r->col[col] = marked;
}

char *
view_designations_text(const struct record_value *d)
{
	struct buf	 b;
	const char	*label;
	size_t		 i;

	if (d->n == 0)
		return NULL;
	buf_init(&b);
	for (i = 0; i < d->n; i++) {
		label = view_designation_label(d->list[i]);
		if (i > 0)
			buf_adds(&b, "; ");
		buf_adds(&b, label != NULL ? label : d->list[i]);
	}
	return buf_detach(&b);
}

struct authority_load {
	struct view	*v;
	int		 found;
};

static void
authority_field_list(struct view *v, const char *label,
    const struct record_value *val)
{
	char	*s;

	if (val->n == 0)
		return;
	s = layout_list(val->list, val->n);
	view_add_field(v, label, s, s);
	free(s);
}

static int
authority_load_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	struct authority_load	*l = arg;
	struct view		*v = l->v;
	char			*s, *country;
	size_t			 first;
	int			 stale;

	l->found = 1;
	free(v->title);
	v->title = sanitize(rec->v[AUTH_NAME].s, SANITIZE_LINE);
	view_add_field(v, "Name", rec->v[AUTH_NAME].s, NULL);
	view_add_field(v, "English name", rec->v[AUTH_NAME_EN].s, NULL);
	view_add_field(v, "Acronym", rec->v[AUTH_ACRONYM].s, NULL);
	view_add_field(v, "Kind", rec->v[AUTH_KIND].s, NULL);
	if (x->country_name != NULL) {
		country = xasprintf("%s (%s)", x->country_name,
		    rec->v[AUTH_COUNTRY].s);
		first = view_add_field(v, "Country", country,
		    rec->v[AUTH_COUNTRY].s);
		view_field_link(v, first, rec->v[AUTH_COUNTRY].s, REC_COUNTRY);
		free(country);
	} else
		view_add_field(v, "Country", rec->v[AUTH_COUNTRY].s, NULL);
	/* Enter on these copies them, as y does. */
	first = view_add_ident(v, "Website", rec->v[AUTH_WEBSITE].s, NULL);
	view_field_copies(v, first, "website");
	view_add_field(v, "Address", rec->v[AUTH_ADDRESS].s, NULL);
	first = view_add_ident(v, "Phone", rec->v[AUTH_PHONE].s, NULL);
	view_field_copies(v, first, "phone");
	first = view_add_ident(v, "E-mail", rec->v[AUTH_EMAIL].s, NULL);
	view_field_copies(v, first, "e-mail");
	authority_field_list(v, "Languages", &rec->v[AUTH_LANGUAGES]);
	authority_field_list(v, "Expertise", &rec->v[AUTH_EXPERTISE]);
	s = view_designations_text(&rec->v[AUTH_DESIGNATIONS]);
	view_add_field(v, "Designations", s, NULL);
	free(s);
	view_add_field(v, "Joined", rec->v[AUTH_JOINED].s, NULL);
	if (rec->v[AUTH_VERIFIED].s != NULL) {
		s = view_verified_text(v->app, rec->v[AUTH_VERIFIED].s, &stale);
		view_add_field(v, "Verified", s, rec->v[AUTH_VERIFIED].s);
		if (stale)
			v->head.v[v->head.n - 1].flags |= ROW_WARN;
		free(s);
	}
	view_add_ident(v, "Source", rec->v[AUTH_SOURCE].s, NULL);
	view_add_field(v, "Notes", rec->v[AUTH_NOTES].s, NULL);
	view_add_field(v, "Starred", x->starred ? "yes" : NULL, NULL);
	return 1;
}

static void
authority_load(struct view *v)
{
	struct authority_load	 l = { v, 0 };
	struct cache_filter	 f;
	size_t			 n = 0, i;
	char			 num[32], *h;

	v->type = REC_AUTHORITY;
	memset(&f, 0, sizeof f);
	f.type = REC_AUTHORITY;
	f.id = v->arg;
	cache_list(v->app->cache, &f, authority_load_cb, &l);
	if (!l.found) {
		view_add_text(v, "This authority is no longer in the directory.",
		    ROW_WARN);
		v->total = 0;
		return;
	}
	memset(&f, 0, sizeof f);
	f.type = REC_CONTACT;
	f.authority = v->arg;
	cache_list_count(v->app->cache, &f, &n);
	layout_count(n, num);
	h = xasprintf("Contacts (%s)", num);
	view_add_header(v, h);
	free(h);
	v->total = n;
	/* The e-mail is what y copies by default. */
	for (i = 0; i < v->head.n; i++) {
		if (v->head.v[i].col[0] != NULL &&
		    strcmp(v->head.v[i].col[0], "E-mail") == 0)
			v->sel = i;
	}
}

static void
authority_fetch(struct view *v, size_t off, size_t limit, struct rows *out)
{
	struct cache_filter	f;

	memset(&f, 0, sizeof f);
	f.type = REC_CONTACT;
	f.authority = v->arg;
	f.offset = off;
	f.limit = limit;
	cache_list(v->app->cache, &f, view_contact_row_cb,
	    &(struct view_rows){ v->app, out });
}

static void
authority_open(struct view *v, const struct row *r)
{
	if (r->id != NULL && r->type == REC_CONTACT)
		app_push(v->app, &view_contact_ops, r->id, r->col[0]);
}

const struct view_ops view_authority_ops = {
	.name = "Authority",
	.wraps = 1,
	.load = authority_load,
	.fetch = authority_fetch,
	.open_row = authority_open,
	.cols = view_contact_cols,
	.ncols = sizeof view_contact_cols / sizeof view_contact_cols[0],
};
