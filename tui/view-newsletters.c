/*
 * view-newsletters.c: the newsletters, newest first, read a window at a
 * time; unread ones are bold and marked with a dot. Enter opens the
 * reader, which marks the issue read (a mark kept across syncs).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/app.h"

static const struct layout_col newsletters_cols[] = {
	{ "", 1, 0, 0, 0 },
	{ "Published", 10, 0, 2, 0 },
	{ "Issue", 8, 0, 3, 0 },
	{ "Title", 0, 12, 0, 0 },
};

static int
newsletters_row_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	struct rows	*out = arg;
	struct row	*r;

	r = rows_add(out);
	r->id = xstrdup(rec->v[NEWS_ID].s);
	r->type = REC_NEWSLETTER;
	r->col[0] = xstrdup(x->read ? " " : charset_glyph(GLYPH_BULLET));
	r->col[1] = sanitize(rec->v[NEWS_PUBLISHED].s, SANITIZE_LINE);
	r->col[2] = sanitize(rec->v[NEWS_ISSUE].s, SANITIZE_LINE);
	r->col[3] = sanitize(rec->v[NEWS_TITLE].s, SANITIZE_LINE);
	if (rec->v[NEWS_URL].s != NULL)
		r->copy = xstrdup(rec->v[NEWS_URL].s);
	if (!x->read)
		r->flags |= ROW_BOLD;
	return 0;
}

static void
newsletters_load(struct view *v)
{
	struct cache_filter	f;
	size_t			n = 0;

	memset(&f, 0, sizeof f);
	f.type = REC_NEWSLETTER;
	cache_list_count(v->app->cache, &f, &n);
	v->total = n;
}

static void
newsletters_fetch(struct view *v, size_t off, size_t limit, struct rows *out)
{
	struct cache_filter	f;

	memset(&f, 0, sizeof f);
	f.type = REC_NEWSLETTER;
	f.offset = off;
	f.limit = limit;
	cache_list(v->app->cache, &f, newsletters_row_cb, out);
}

static int
newsletters_header(struct view *v, int y, int width)
{
	char	n[32], u[32], *line;

	layout_count(v->app->counts.newsletters, n);
	layout_count(v->app->counts.unread, u);
	line = xasprintf("%s newsletters, %s unread %s Enter reads", n, u,
	    charset_glyph(GLYPH_DOT));
	display_text(y, 0, width, line, STYLE_LABEL);
	free(line);
	return 1 + view_draw_titles(v, y + 1, width);
}

static void
newsletters_open(struct view *v, const struct row *r)
{
	if (r->id != NULL)
		app_push(v->app, &view_reader_ops, r->id, r->col[2]);
}

const struct view_ops view_newsletters_ops = {
	.name = "Newsletters",
	.load = newsletters_load,
	.fetch = newsletters_fetch,
	.draw_header = newsletters_header,
	.open_row = newsletters_open,
	.cols = newsletters_cols,
	.ncols = sizeof newsletters_cols / sizeof newsletters_cols[0],
};
