/*
 * view-newsletters.c: the newsletters, newest first, read a window at a
 * time; unread ones are bold and marked with a dot. Enter opens the
 * reader, which marks the issue read (a mark kept across syncs). As in
 * newsboat: n opens the next unread issue, p the previous one, N toggles
 * the selected issue's mark, A marks them all read; / filters the list by
 * the words of the issues' titles, summaries and bodies (Esc clears it).
 * The reader (view-reader.c) shares news_find_unread for its n and p.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

struct news {
	char	*filter;	/* the text / asked for, NULL for all */
};

/* The filter of a newsletters view, or NULL. */
static const char *
news_filter(struct view *v)
{
	struct news	*n;

	if (v == NULL || v->ops != &view_newsletters_ops || v->data == NULL)
		return NULL;
	n = v->data;
	return n->filter;
}

static enum cache_status
newsletters_load(struct view *v)
{
	struct cache_filter	f;
	enum cache_status	st;
	size_t			n = 0;

	if (v->data == NULL)
		v->data = xcalloc(1, sizeof(struct news));
	memset(&f, 0, sizeof f);
	f.type = REC_NEWSLETTER;
	f.text = news_filter(v);
	st = cache_list_count(v->app->cache, &f, &n);
	v->total = n;
	return st;
}

static enum cache_status
newsletters_fetch(struct view *v, size_t off, size_t limit, struct rows *out)
{
	struct cache_filter	f;

	memset(&f, 0, sizeof f);
	f.type = REC_NEWSLETTER;
	f.text = news_filter(v);
	f.offset = off;
	f.limit = limit;
	return cache_list(v->app->cache, &f, view_item_row_cb,
	    &(struct view_rows){ v, out });
}

static int
newsletters_header(struct view *v, int y, int width)
{
	const char	*filter = news_filter(v);
	char		 n[LAYOUT_COUNT_MAX], u[LAYOUT_COUNT_MAX];
	char		 t[LAYOUT_COUNT_MAX], *line, *clean, *all, *unread;

	layout_count(v->app->counts.newsletters, n);
	layout_count(v->app->counts.unread, u);
	if (filter != NULL) {
		layout_count(v->total, t);
		clean = sanitize(filter, SANITIZE_LINE);
		/*
		 * TRANSLATORS: the newsletters' top line while / finds: the
		 * text looked for, how many match, of how many (the plural
		 * follows that one), then a separator (a dot). Esc is a key.
		 */
		line = xasprintf(P_("/%s: %s of %s newsletter %s Esc clears",
		    "/%s: %s of %s newsletters %s Esc clears",
		    v->app->counts.newsletters), clean, t, n,
		    charset_glyph(GLYPH_DOT));
		free(clean);
	} else {
		/* TRANSLATORS: the newsletters' top line: how many. */
		all = xasprintf(P_("%s newsletter", "%s newsletters",
		    v->app->counts.newsletters), n);
		/* TRANSLATORS: the newsletters' top line: how many unread. */
		unread = xasprintf(P_("%s unread", "%s unread",
		    v->app->counts.unread), u);
		/*
		 * TRANSLATORS: the newsletters' top line: "12 newsletters",
		 * "3 unread", a separator (a dot). Enter and / are keys.
		 */
		line = xasprintf(_("%s, %s %s Enter reads, / finds"), all,
		    unread, charset_glyph(GLYPH_DOT));
		free(all);
		free(unread);
	}
	display_ui_text(y, 0, width, width, line, STYLE_LABEL);
	free(line);
	return 1 + view_draw_titles(v, y + 1, width);
}

static void
newsletters_open(struct view *v, const struct row *r)
{
	if (r->id != NULL)
		app_push(v->app, &view_reader_ops, r->id, r->name);
}

/* Finds the unread issue next to from in the list's order. */
struct news_find {
	const char	*from;		/* NULL: from the start */
	int		 inclusive;	/* from itself counts */
	int		 dir;		/* 1 next, -1 previous */
	int		 passed;	/* from was seen */
	char		*found;
};

static int
news_find_cb(const struct record *rec, const struct cache_extra *x, void *arg)
{
	struct news_find	*nf = arg;
	const char		*id = rec->v[NEWS_ID].s;
	int			 here;

	here = nf->from != NULL && strcmp(id, nf->from) == 0;
	if (nf->dir > 0) {
		if (nf->from == NULL || nf->passed ||
		    (here && nf->inclusive)) {
			if (!x->read) {
				nf->found = xstrdup(id);
				return 1;
			}
		}
		if (here)
			nf->passed = 1;
		return 0;
	}
	/* Previous: the last unread one before from. */
	if (here && !nf->inclusive)
		return 1;
	if (!x->read) {
		free(nf->found);
		nf->found = xstrdup(id);
	}
	return here;
}

char *
news_find_unread(struct app *app, struct view *list, const char *from,
    int inclusive, int dir)
{
	struct news_find	 nf;
	struct cache_filter	 f;

	memset(&nf, 0, sizeof nf);
	nf.from = from;
	nf.inclusive = inclusive;
	nf.dir = dir;
	memset(&f, 0, sizeof f);
	f.type = REC_NEWSLETTER;
	f.text = news_filter(list);
	if (app_cache_error(app, cache_list(app->cache, &f, news_find_cb,
	    &nf)) != CACHE_OK) {
		free(nf.found);
		return NULL;
	}
	if (nf.found == NULL) {
		if (dir > 0 && f.text != NULL)
			app_message(app, 0, _("no next unread newsletter "
			    "matches the filter"));
		else if (dir > 0)
			app_message(app, 0, _("no next unread newsletter"));
		else if (f.text != NULL)
			app_message(app, 0, _("no previous unread newsletter "
			    "matches the filter"));
		else
			app_message(app, 0, _("no previous unread newsletter"));
		return NULL;
	}
	return nf.found;
}

void
news_open(struct app *app, struct view *list, const char *id)
{
	if (list != NULL) {
		view_invalidate(list);
		view_select_id(list, id, list->sel);
	}
	app_push(app, &view_reader_ops, id, NULL);
}

/* The newsletters changed under the list: counts and rows again. */
static void
news_changed(struct view *v)
{
	app_refresh_status(v->app);
	view_invalidate(v);
}

static void
news_filter_done(struct app *app, const char *text, void *arg)
{
	struct view	*v = arg;
	struct news	*n;

	if (text == NULL || app_current(app) != v)
		return;		/* Esc: the list stays as it was */
	n = v->data;
	free(n->filter);
	n->filter = *text != '\0' ? xstrdup(text) : NULL;
	view_relist(v);
	v->total = 0;
	app_cache_error(app, newsletters_load(v));
	v->sel = v->top = 0;
}

static int
newsletters_key(struct view *v, const struct input_event *ev)
{
	struct news	*n = v->data;
	struct row	*r;
	char		*id;
	int		 read;

	if (ev->kind != INPUT_KEY)
		return 0;
	r = view_row(v, v->sel);
	if (ev->action == ACT_SEARCH) {	/* here / finds in the newsletters */
		/* TRANSLATORS: a prompt on the status line. */
		app_prompt(v->app, _("find in newsletters: "), n->filter,
		    APP_HISTORY_FIND, news_filter_done, v);
		return 1;
	}
	if (ev->key == TUI_KEY_ESC && n->filter != NULL) {
		/* The row goes with the window: keep its id to stay on it. */
		id = r != NULL && r->id != NULL ? xstrdup(r->id) : NULL;
		free(n->filter);
		n->filter = NULL;
		view_relist(v);
		app_cache_error(v->app, newsletters_load(v));
		view_select_id(v, id, 0);
		free(id);
		return 1;
	}
	switch (ev->action) {
	case ACT_NEXT_UNREAD:
	case ACT_PREV_UNREAD:
		id = news_find_unread(v->app, v, r != NULL ? r->id : NULL, 1,
		    ev->action == ACT_NEXT_UNREAD ? 1 : -1);
		if (id != NULL)
			news_open(v->app, v, id);
		free(id);
		return 1;
	case ACT_TOGGLE_READ:
		if (r == NULL || r->id == NULL)
			return 1;
		read = (r->flags & ROW_BOLD) != 0;
		if (cache_read_set(v->app->cache, r->id, read) != CACHE_OK)
			app_message(v->app, 1, _("cannot change the read "
			    "mark"));
		else if (read)
			/* TRANSLATORS: %s is a newsletter's issue (2024/1). */
			app_message(v->app, 0, _("marked %s read"),
			    r->col[2] != NULL && *r->col[2] != '\0' ?
			    r->col[2] : r->id);
		else
			/* TRANSLATORS: %s is a newsletter's issue (2024/1). */
			app_message(v->app, 0, _("marked %s unread"),
			    r->col[2] != NULL && *r->col[2] != '\0' ?
			    r->col[2] : r->id);
		news_changed(v);
		return 1;
	case ACT_ALL_READ:
		if (cache_read_all(v->app->cache) != CACHE_OK)
			app_message(v->app, 1, _("cannot mark the newsletters "
			    "read"));
		else
			app_message(v->app, 0, _("marked every newsletter "
			    "read"));
		news_changed(v);
		return 1;
	default:
		return 0;
	}
}

static void
newsletters_close(struct view *v)
{
	struct news	*n = v->data;

	if (n != NULL)
		free(n->filter);
	free(n);
	v->data = NULL;
}

const struct view_ops view_newsletters_ops = {
	/* TRANSLATORS: a screen's name in the breadcrumb (top line). */
	.name = N_("Newsletters"),
	.load = newsletters_load,
	.fetch = newsletters_fetch,
	.draw_header = newsletters_header,
	.open_row = newsletters_open,
	.key = newsletters_key,
	.close = newsletters_close,
	.list = VIEW_LIST(PLIST_NEWSLETTERS),
};
