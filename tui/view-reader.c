/*
 * view-reader.c: one newsletter: title, issue and date, summary, body
 * wrapped by display width (wrapped again after a resize) and its link.
 * Keys scroll. Opening it marks it read; N marks it unread again, n and
 * p go on to the next or previous unread issue, A marks all read.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"

struct reader {
	int	width;		/* the width the lines were wrapped for */
	int	marked;
	int	read;		/* the mark now (N toggles it) */
};

static void
reader_wrap(struct view *v, const char *text, enum sanitize_mode mode,
    int flags)
{
	char	*clean, **lines = NULL;
	size_t	 n = 0, i;

	clean = sanitize(text, mode);
	layout_wrap(clean, v->app->cols > 2 ? v->app->cols - 1 : 1, &lines, &n);
	for (i = 0; i < n; i++) {
		view_add_text(v, lines[i], flags);
		free(lines[i]);
	}
	free(lines);
	free(clean);
}

static int
reader_load_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	struct view	*v = arg;
	struct buf	 b;

	free(v->title);
	v->title = sanitize(rec->v[NEWS_ISSUE].s != NULL ? rec->v[NEWS_ISSUE].s :
	    rec->v[NEWS_ID].s, SANITIZE_LINE);
	reader_wrap(v, rec->v[NEWS_TITLE].s, SANITIZE_LINE, ROW_BOLD);
	buf_init(&b);
	if (rec->v[NEWS_ISSUE].s != NULL)
		buf_addf(&b, "Issue %s %s ", rec->v[NEWS_ISSUE].s,
		    charset_glyph(GLYPH_DOT));
	buf_addf(&b, "%s", rec->v[NEWS_PUBLISHED].s);
	if (rec->v[NEWS_LANG].s != NULL)
		buf_addf(&b, " %s %s", charset_glyph(GLYPH_DOT),
		    rec->v[NEWS_LANG].s);
	reader_wrap(v, b.data, SANITIZE_LINE, 0);
	buf_free(&b);
	if (rec->v[NEWS_SUMMARY].s != NULL) {
		view_add_text(v, "", 0);
		reader_wrap(v, rec->v[NEWS_SUMMARY].s, SANITIZE_TEXT, ROW_BOLD);
	}
	if (rec->v[NEWS_BODY].s != NULL) {
		view_add_text(v, "", 0);
		reader_wrap(v, rec->v[NEWS_BODY].s, SANITIZE_TEXT, 0);
	}
	if (rec->v[NEWS_URL].s != NULL) {
		view_add_text(v, "", 0);
		reader_wrap(v, rec->v[NEWS_URL].s, SANITIZE_LINE, 0);
	}
	return 1;
}

/* The list under the reader shows the mark when we come back. */
static void
reader_list_changed(struct view *v)
{
	app_refresh_status(v->app);
	if (v->app->depth >= 2)
		view_invalidate(v->app->stack[v->app->depth - 2]);
}

static void
reader_load(struct view *v)
{
	struct reader		*r;
	struct cache_filter	 f;

	if (v->data == NULL)
		v->data = xcalloc(1, sizeof(struct reader));
	r = v->data;
	r->width = v->app->cols;
	v->type = REC_NEWSLETTER;
	memset(&f, 0, sizeof f);
	f.type = REC_NEWSLETTER;
	f.id = v->arg;
	if (cache_list(v->app->cache, &f, reader_load_cb, v) != CACHE_OK) {
		view_add_text(v, "This newsletter is no longer in the directory.",
		    ROW_WARN);
		return;
	}
	if (!r->marked) {
		r->marked = 1;
		if (cache_read_set(v->app->cache, v->arg, 1) == CACHE_OK) {
			r->read = 1;
			reader_list_changed(v);
		}
	}
}

/* The newsletters list under the reader, or NULL. */
static struct view *
reader_list(struct view *v)
{
	struct app	*app = v->app;

	if (app->depth >= 2 && app->stack[app->depth - 1] == v &&
	    app->stack[app->depth - 2]->ops == &view_newsletters_ops)
		return app->stack[app->depth - 2];
	return NULL;
}

/*
 * n and p (as in newsboat) go to the next or previous unread issue in
 * the list's order, replacing this reader; N toggles this issue's mark.
 */
static int
reader_key(struct view *v, const struct input_event *ev)
{
	struct reader	*r = v->data;
	struct app	*app = v->app;
	struct view	*list;
	char		*id;

	if (ev->kind != INPUT_KEY)
		return 0;
	switch (ev->action) {
	case ACT_NEXT_UNREAD:
	case ACT_PREV_UNREAD:
		list = reader_list(v);
		id = news_find_unread(app, list, v->arg, 0,
		    ev->action == ACT_NEXT_UNREAD ? 1 : -1);
		if (id == NULL)
			return 1;	/* it said there is none; stay here */
		if (app_current(app) == v)
			app_pop(app);	/* v is gone from here on */
		news_open(app, list, id);
		free(id);
		return 1;
	case ACT_TOGGLE_READ:
		if (cache_read_set(app->cache, v->arg, !r->read) != CACHE_OK) {
			app_message(app, 1, "cannot change the read mark");
			return 1;
		}
		r->read = !r->read;
		app_message(app, 0, "marked %s %s", v->title,
		    r->read ? "read" : "unread");
		reader_list_changed(v);
		return 1;
	case ACT_ALL_READ:
		if (cache_read_all(app->cache) == CACHE_OK) {
			r->read = 1;
			app_message(app, 0, "marked every newsletter read");
		}
		reader_list_changed(v);
		return 1;
	default:
		return 0;
	}
}

static void
reader_close(struct view *v)
{
	free(v->data);
	v->data = NULL;
}

const struct view_ops view_reader_ops = {
	.name = "Reader",
	.load = reader_load,
	.close = reader_close,
	.key = reader_key,
	.scroll_only = 1,
	.wraps = 1,
};
