/*
 * view-starred.c: the authorities and contacts the user starred with *,
 * in two sections, in the columns `globe starred` prints. Stars are user
 * state: kept across syncs, so a starred record deleted by the feed
 * simply no longer shows here.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

/* Stars are set one by one by hand; a cap keeps a runaway list bounded. */
#define STARRED_MAX 2000

static enum cache_status
starred_section(struct view *v, enum record_type type)
{
	struct cache_filter	 f;
	enum cache_status	 st;
	size_t			 n = 0;
	char			 num[LAYOUT_COUNT_MAX], *h;

	memset(&f, 0, sizeof f);
	f.type = type;
	f.starred_only = 1;
	if ((st = cache_list_count(v->app->cache, &f, &n)) != CACHE_OK)
		return st;
	layout_count(n, num);
	if (type == REC_AUTHORITY)
		/* TRANSLATORS: a section title: the starred authorities' count. */
		h = xasprintf(_("Authorities (%s)"), num);
	else
		/* TRANSLATORS: a section title: the starred contacts' count. */
		h = xasprintf(_("Contacts (%s)"), num);
	view_add_header(v, h);
	free(h);
	f.limit = STARRED_MAX;
	return cache_list(v->app->cache, &f, view_item_row_cb,
	    &(struct view_rows){ v, &v->head });
}

static enum cache_status
starred_load(struct view *v)
{
	enum cache_status	 st;

	st = starred_section(v, REC_AUTHORITY);
	if (st == CACHE_OK)
		st = starred_section(v, REC_CONTACT);
	if (st != CACHE_OK)
		return st;
	if (v->head.n == 2)
		view_add_text(v, _("Nothing starred yet: press * on a contact "
		    "or an authority."), 0);
	v->total = 0;
	return CACHE_OK;
}

static void
starred_open(struct view *v, const struct row *r)
{
	if (r->id == NULL)
		return;
	if (r->type == REC_CONTACT)
		app_push(v->app, &view_contact_ops, r->id, r->name);
	else if (r->type == REC_AUTHORITY)
		app_push(v->app, &view_authority_ops, r->id, r->name);
}

const struct view_ops view_starred_ops = {
	/* TRANSLATORS: a screen's name in the breadcrumb (top line). */
	.name = N_("Starred"),
	.load = starred_load,
	.open_row = starred_open,
	.list = VIEW_LIST(PLIST_PEOPLE),
};
