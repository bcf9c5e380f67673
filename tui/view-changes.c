/*
 * view-changes.c: "what changed", the change log on one screen: each
 * logged sync, newest first, under its heading (when, the serials, its
 * counts), its records grouped by type, one line each ("+ added",
 * "~ changed: Title, E-mail", "- removed" with its last name). Enter
 * opens a record that is there; on one that is gone it says so, with the
 * name it last had. The first fill of the cache is its heading alone:
 * every record was new.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

/* One logged record as a line to select: its id, type and name. */
static void
changes_add_entry(struct view *v, const struct cache_change *c)
{
	struct row	*r;
	char		*line;

	line = present_change_line(c);
	r = rows_add(&v->head);
	r->col[0] = xasprintf("    %s", line);
	free(line);
	r->id = xstrdup(c->id);
	r->type = c->type;
	r->name = present_change_name(c);
	r->copy = xstrdup(c->id);	/* y copies the id */
	r->ident = 1;
	r->link_type = c->what;		/* not a field row: no link */
}

static enum cache_status
changes_load(struct view *v)
{
	struct cache_change_sync	*s;
	struct cache_change		*e;
	enum cache_status		 st;
	char				*line;
	size_t				 ns, ne, i, k;
	int				 type;

	st = cache_change_syncs(v->app->cache, 0, 1, &s, &ns);
	if (st != CACHE_OK)
		return st;
	if (ns == 0)
		view_add_text(v, _("No sync has changed anything yet: s syncs, "
		    "and what it changes shows here."), 0);
	for (i = ns; i > 0 && st == CACHE_OK; i--) {
		line = present_change_sync_heading(&s[i - 1]);
		view_add_header(v, line);
		free(line);
		if ((st = cache_change_list(v->app->cache, s[i - 1].sync, -1,
		    &e, &ne)) != CACHE_OK)
			break;
		type = -1;
		for (k = 0; k < ne; k++) {
			if ((int)e[k].type != type) {
				type = e[k].type;
				line = xasprintf("  %s",
				    present_type_heading(type));
				view_add_text(v, line, ROW_BOLD);
				free(line);
			}
			changes_add_entry(v, &e[k]);
		}
		cache_changes_free(e, ne);
	}
	free(s);
	return st;
}

static void
changes_draw_row(struct view *v, const struct row *r, int y, int width,
    int selected)
{
	(void)v;
	display_ui_text(y, 0, width, width, r->col[0] != NULL ? r->col[0] :
	    "", selected ? STYLE_SELECTED : STYLE_NORMAL);
}

/* Whether the record is in the directory now. */
static int
changes_present(struct view *v, int type, const char *id)
{
	struct cache_filter	f;
	size_t			n = 0;

	memset(&f, 0, sizeof f);
	f.type = type;
	f.id = id;
	return cache_list_count(v->app->cache, &f, &n) == CACHE_OK && n > 0;
}

static void
changes_open(struct view *v, const struct row *r)
{
	struct app	*app = v->app;
	char		*id, *name, *clean;

	if (r->id == NULL || r->type < 0)
		return;
	if (!changes_present(v, r->type, r->id)) {
		clean = sanitize(r->id, SANITIZE_IDENT);
		/* TRANSLATORS: a removed record, its last name and id. */
		app_message(app, 0, _("%s (%s) is no longer in the directory: "
		    "it was removed"), r->name != NULL ? r->name : clean, clean);
		free(clean);
		return;
	}
	/* r goes when the next view is pushed: copies. */
	id = xstrdup(r->id);
	name = r->name != NULL ? xstrdup(r->name) : NULL;
	switch (r->type) {
	case REC_CONTACT:
		app_push(app, &view_contact_ops, id, name);
		break;
	case REC_AUTHORITY:
		app_push(app, &view_authority_ops, id, name);
		break;
	case REC_COUNTRY:
		app_push(app, &view_country_ops, id, name);
		break;
	case REC_NEWSLETTER:
		news_open(app, NULL, id);
		break;
	default:
		/* A route is read on its authority's screen, with the others. */
		app_message(app, 0, _("%s: a route; globe show %s prints it"),
		    name != NULL ? name : id, id);
		break;
	}
	free(id);
	free(name);
}

const struct view_ops view_changes_ops = {
	.name = "What changed",
	.wraps = 1,
	.load = changes_load,
	.draw_row = changes_draw_row,
	.open_row = changes_open,
};
