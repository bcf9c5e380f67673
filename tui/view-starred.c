/*
 * view-starred.c: the authorities and contacts the user starred with *,
 * in two sections. Stars are user state: kept across syncs, so a starred
 * record deleted by the feed simply no longer shows here.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"

/* Stars are set one by one by hand; a cap keeps a runaway list bounded. */
#define STARRED_MAX 2000

static const struct layout_col starred_cols[] = {
	{ "Name", 0, 12, 0, 0 },
	{ "", 22, 0, 2, 0 },
	{ "", 16, 0, 3, 0 },
	{ "", 26, 0, 1, 0 },
};

static void
starred_section(struct view *v, enum record_type type, const char *title)
{
	struct cache_filter	 f;
	size_t			 n = 0;
	char			 num[32], *h;

	memset(&f, 0, sizeof f);
	f.type = type;
	f.starred_only = 1;
	cache_list_count(v->app->cache, &f, &n);
	layout_count(n, num);
	h = xasprintf("%s (%s)", title, num);
	view_add_header(v, h);
	free(h);
	f.limit = STARRED_MAX;
	cache_list(v->app->cache, &f, type == REC_AUTHORITY ?
	    view_authority_row_cb : view_contact_row_cb,
	    &(struct view_rows){ v->app, &v->head });
}

static void
starred_load(struct view *v)
{
	size_t	i;

	starred_section(v, REC_AUTHORITY, "Authorities");
	starred_section(v, REC_CONTACT, "Contacts");
	/* Authority rows: acronym, kind, languages in the three columns. */
	for (i = 0; i < v->head.n; i++) {
		if (v->head.v[i].type == REC_AUTHORITY) {
			free(v->head.v[i].col[3]);
			v->head.v[i].col[3] = v->head.v[i].copy != NULL ?
			    sanitize(v->head.v[i].copy, SANITIZE_LINE) : NULL;
		}
	}
	if (v->head.n == 2)
		view_add_text(v, "Nothing starred yet: press * on a contact or "
		    "an authority.", 0);
	v->total = 0;
}

static void
starred_open(struct view *v, const struct row *r)
{
	if (r->id == NULL)
		return;
	if (r->type == REC_CONTACT)
		app_push(v->app, &view_contact_ops, r->id, r->col[0]);
	else if (r->type == REC_AUTHORITY)
		app_push(v->app, &view_authority_ops, r->id, r->col[0]);
}

const struct view_ops view_starred_ops = {
	.name = "Starred",
	.load = starred_load,
	.open_row = starred_open,
	.cols = starred_cols,
	.ncols = sizeof starred_cols / sizeof starred_cols[0],
};
