/*
 * view-reader.c: one newsletter: title, issue and date, summary, body
 * wrapped by display width (wrapped again after a resize) and its link.
 * Keys scroll. Opening it marks it read.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/app.h"

struct reader {
	int	width;		/* the width the lines were wrapped for */
	int	marked;
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
			/* The list under it shows the mark when we come back. */
			app_refresh_status(v->app);
			if (v->app->depth >= 2)
				view_invalidate(v->app->stack[v->app->depth - 2]);
		}
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
	.scroll_only = 1,
	.wraps = 1,
};
