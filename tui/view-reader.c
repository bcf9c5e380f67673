/*
 * view-reader.c: one newsletter as its page (present_news_page: title,
 * issue and date, summary, body wrapped by display width, wrapped again
 * after a resize, and its link), the page `globe read` prints.
 * Keys scroll. Opening it marks it read; N marks it unread again, n and
 * p go on to the next or previous unread issue, A marks all read.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

struct reader {
	int	width;		/* the width the lines were wrapped for */
	int	marked;
	int	read;		/* the mark now (N toggles it) */
};

/* The list under the reader shows the mark when we come back. */
static void
reader_list_changed(struct view *v)
{
	app_refresh_status(v->app);
	if (v->app->depth >= 2)
		view_invalidate(v->app->stack[v->app->depth - 2]);
}

static enum cache_status
reader_load(struct view *v)
{
	struct reader		*r;
	struct cache_filter	 f;
	struct out_list		 l;
	struct present_lines	 page;
	enum cache_status	 st;
	size_t			 i;

	if (v->data == NULL)
		v->data = xcalloc(1, sizeof(struct reader));
	r = v->data;
	r->width = v->app->cols;
	v->type = REC_NEWSLETTER;
	memset(&f, 0, sizeof f);
	f.type = REC_NEWSLETTER;
	f.id = v->arg;
	out_list_init(&l);
	st = cache_list(v->app->cache, &f, out_list_add_cb, &l);
	if (st == CACHE_ERR_NOTFOUND || (st == CACHE_OK && l.n == 0)) {
		out_list_free(&l);
		view_add_text(v, _("This newsletter is no longer in the "
		    "directory."), ROW_WARN);
		return CACHE_OK;
	}
	if (st != CACHE_OK) {
		out_list_free(&l);
		return st;
	}
	free(v->title);
	v->title = sanitize(l.v[0].rec.v[NEWS_ISSUE].s != NULL ?
	    l.v[0].rec.v[NEWS_ISSUE].s : l.v[0].rec.v[NEWS_ID].s,
	    SANITIZE_LINE);
	memset(&page, 0, sizeof page);
	present_news_page(&l.v[0], v->app->cols > 2 ? v->app->cols - 1 : 1,
	    &page);
	for (i = 0; i < page.n; i++)
		view_add_text(v, page.v[i].text, ((page.v[i].flags & PL_BOLD) ?
		    ROW_BOLD : 0) | ((page.v[i].flags & PL_RTL) ? ROW_RTL : 0) |
		    ((page.v[i].flags & PL_IDENT) ? ROW_IDENT : 0));
	present_lines_free(&page);
	out_list_free(&l);
	if (!r->marked) {
		r->marked = 1;
		if (cache_read_set(v->app->cache, v->arg, 1) == CACHE_OK) {
			r->read = 1;
			reader_list_changed(v);
		}
	}
	return CACHE_OK;
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
			app_message(app, 1, _("cannot change the read mark"));
			return 1;
		}
		r->read = !r->read;
		if (r->read)
			/* TRANSLATORS: %s is a newsletter's issue (2024/1). */
			app_message(app, 0, _("marked %s read"), v->title);
		else
			/* TRANSLATORS: %s is a newsletter's issue (2024/1). */
			app_message(app, 0, _("marked %s unread"), v->title);
		reader_list_changed(v);
		return 1;
	case ACT_ALL_READ:
		if (cache_read_all(app->cache) == CACHE_OK) {
			r->read = 1;
			app_message(app, 0, _("marked every newsletter read"));
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
	/* TRANSLATORS: a screen's name in the breadcrumb (top line). */
	.name = N_("Reader"),
	.load = reader_load,
	.close = reader_close,
	.key = reader_key,
	.scroll_only = 1,
	.wraps = 1,
};
