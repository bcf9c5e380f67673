/*
 * view-authority.c: one authority, every field as a "label value" line
 * (present_record_fields: each can be copied with y; the e-mail is
 * focused first), the routes it serves (Enter opens one's card), then
 * its contacts, read a window at a time. Tab jumps between the fields
 * and the contacts.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

/* The routes it serves, one line each under "Routes". */
static enum cache_status
authority_routes(struct view *v)
{
	struct cache_filter	 f;
	struct out_list		 l;
	enum cache_status	 st;
	struct row		*r;
	size_t			 i;

	memset(&f, 0, sizeof f);
	f.type = REC_ROUTE;
	f.authority = v->arg;
	out_list_init(&l);
	if ((st = cache_list(v->app->cache, &f, out_list_add_cb, &l)) !=
	    CACHE_OK) {
		out_list_free(&l);
		return st;
	}
	for (i = 0; i < l.n; i++) {
		r = rows_add(&v->head);
		r->flags = ROW_FIELD;
		r->col[0] = xstrdup(i == 0 ? _("Routes") : "");
		r->col[1] = present_route_line(&l.v[i], &v->app->ctx);
		r->copy = xstrdup(l.v[i].rec.v[ROUTE_ID].s);
		r->ident = 1;
		r->link = xstrdup(l.v[i].rec.v[ROUTE_ID].s);
		r->link_type = REC_ROUTE;
	}
	out_list_free(&l);
	return CACHE_OK;
}

static enum cache_status
authority_load(struct view *v)
{
	struct cache_filter	 f;
	struct out_list		 l;
	enum cache_status	 st;
	size_t			 n = 0;
	char			 num[LAYOUT_COUNT_MAX], *h;

	v->type = REC_AUTHORITY;
	memset(&f, 0, sizeof f);
	f.type = REC_AUTHORITY;
	f.id = v->arg;
	out_list_init(&l);
	st = cache_list(v->app->cache, &f, out_list_add_cb, &l);
	if (st == CACHE_ERR_NOTFOUND || (st == CACHE_OK && l.n == 0)) {
		out_list_free(&l);
		view_add_text(v, _("This authority is no longer in the "
		    "directory."), ROW_WARN);
		v->total = 0;
		return CACHE_OK;
	}
	if (st != CACHE_OK) {
		out_list_free(&l);
		return st;
	}
	free(v->title);
	v->title = sanitize(l.v[0].rec.v[AUTH_NAME].s, SANITIZE_LINE);
	view_add_record_own(v, &l.v[0], NULL);
	out_list_free(&l);
	if ((st = authority_routes(v)) != CACHE_OK)
		return st;
	memset(&f, 0, sizeof f);
	f.type = REC_CONTACT;
	f.authority = v->arg;
	if ((st = cache_list_count(v->app->cache, &f, &n)) != CACHE_OK)
		return st;
	layout_count(n, num);
	h = xasprintf(_("Contacts (%s)"), num);
	view_add_header(v, h);
	free(h);
	v->total = n;
	return CACHE_OK;
}

static enum cache_status
authority_fetch(struct view *v, size_t off, size_t limit, struct rows *out)
{
	struct cache_filter	f;

	memset(&f, 0, sizeof f);
	f.type = REC_CONTACT;
	f.authority = v->arg;
	f.offset = off;
	f.limit = limit;
	return cache_list(v->app->cache, &f, view_item_row_cb,
	    &(struct view_rows){ v, out });
}

static void
authority_open(struct view *v, const struct row *r)
{
	if (r->id != NULL && r->type == REC_CONTACT)
		app_push(v->app, &view_contact_ops, r->id, r->name);
}

const struct view_ops view_authority_ops = {
	/* TRANSLATORS: a screen's name in the breadcrumb (top line). */
	.name = N_("Authority"),
	.wraps = 1,
	.load = authority_load,
	.fetch = authority_fetch,
	.open_row = authority_open,
	.key = view_record_key,		/* n: note, f: flag */
	.list = VIEW_LIST(PLIST_CONTACTS),
	.list_opts = PLIST_IN_AUTHORITY,
};
