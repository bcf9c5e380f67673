/*
 * view-countries.c: the top screen, every country with members: name,
 * member authorities, contacts, by folded name. Typing filters the list at
 * once: any letter starts the filter except the navigation letters
 * (j k g G h l) and q, which stay commands so the list moves as everywhere
 * else — a country starting with one of those is typed with a capital
 * ("Japan"). While the filter is shown every character goes to it,
 * Backspace edits it and Esc clears it. So "spain" filters, it does not
 * start a sync (F5 and s elsewhere do). Without a filter the list is read from the
 * cache a window at a time.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tui/app.h"

struct countries {
	struct buf	 filter;
	char		*folded;	/* the folded filter */
};

static const struct layout_col countries_cols[] = {
	{ "Country", 0, 10, 0, 0 },
	{ "Code", 4, 0, 3, 0 },
	{ "Authorities", 11, 0, 1, 1 },
	{ "Contacts", 8, 0, 2, 1 },
};

struct countries_scan {
	struct view	*v;
	struct rows	*out;		/* NULL: only count */
	size_t		 skip;
	size_t		 limit;
	size_t		 seen;		/* matching rows so far */
};

static int
countries_match(struct countries *c, const struct record *rec)
{
	char	*f;
	int	 m;

	if (c->folded == NULL || *c->folded == '\0')
		return 1;
	if (rec->v[COUNTRY_CODE].s != NULL &&
	    strcasecmp(rec->v[COUNTRY_CODE].s, c->filter.data) == 0)
		return 1;
	f = fold_text(rec->v[COUNTRY_NAME].s);
	m = strstr(f, c->folded) != NULL;
	free(f);
	return m;
}

static void
countries_row(struct rows *out, const struct record *rec,
    const struct cache_extra *x)
{
	struct row	*r;
	char		 n[32];

	r = rows_add(out);
	r->id = xstrdup(rec->v[COUNTRY_CODE].s);
	r->type = REC_COUNTRY;
	r->col[0] = sanitize(rec->v[COUNTRY_NAME].s, SANITIZE_LINE);
	r->col[1] = sanitize(rec->v[COUNTRY_CODE].s, SANITIZE_LINE);
	layout_count(x->authorities, n);
	r->col[2] = xstrdup(n);
	layout_count(x->contacts, n);
	r->col[3] = xstrdup(n);
	r->country = xstrdup(rec->v[COUNTRY_CODE].s);
}

static int
countries_scan_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	struct countries_scan	*s = arg;
	struct countries	*c = s->v->data;

	if (!countries_match(c, rec))
		return 0;
	s->seen++;
	if (s->out == NULL || s->seen <= s->skip)
		return 0;
	countries_row(s->out, rec, x);
	return s->limit != 0 && s->out->n >= s->limit;
}

static int
countries_fetch_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	countries_row(arg, rec, x);
	return 0;
}

static int
countries_filtering(const struct countries *c)
{
	return c->filter.len > 0;
}

static void
countries_load(struct view *v)
{
	struct countries	*c;
	struct cache_filter	 f;
	struct countries_scan	 s;
	size_t			 n = 0;

	if (v->data == NULL) {
		c = xcalloc(1, sizeof *c);
		buf_init(&c->filter);
		v->data = c;
	}
	c = v->data;
	free(v->title);
	v->title = xstrdup("Countries");
	memset(&f, 0, sizeof f);
	f.type = REC_COUNTRY;
	if (!countries_filtering(c)) {
		cache_list_count(v->app->cache, &f, &n);
		v->total = n;
		return;
	}
	/* Countries are few (about 200): a filter scans them, keeping none. */
	memset(&s, 0, sizeof s);
	s.v = v;
	cache_list(v->app->cache, &f, countries_scan_cb, &s);
	v->total = s.seen;
}

static void
countries_fetch(struct view *v, size_t off, size_t limit, struct rows *out)
{
	struct countries	*c = v->data;
	struct cache_filter	 f;
	struct countries_scan	 s;

	memset(&f, 0, sizeof f);
	f.type = REC_COUNTRY;
	if (!countries_filtering(c)) {
		f.offset = off;
		f.limit = limit;
		cache_list(v->app->cache, &f, countries_fetch_cb, out);
		return;
	}
	memset(&s, 0, sizeof s);
	s.v = v;
	s.out = out;
	s.skip = off;
	s.limit = limit;
	cache_list(v->app->cache, &f, countries_scan_cb, &s);
}

static int
countries_header(struct view *v, int y, int width)
{
	struct countries	*c = v->data;
	char			*line, *clean;

	if (countries_filtering(c)) {
		clean = sanitize(c->filter.data, SANITIZE_LINE);
		line = xasprintf("Filter: %s   (Esc clears)", clean);
		display_text(y, 0, width, line, STYLE_BOLD);
		v->app->cursor_y = y;
		v->app->cursor_x = 8 + (int)utf8_width(clean);
		if (v->app->cursor_x >= width)
			v->app->cursor_x = width - 1;
		free(clean);
	} else {
		line = xasprintf("Type a country name to filter (capitals for "
		    "G H J K L Q) %s / search %s ? help",
		    charset_glyph(GLYPH_DOT), charset_glyph(GLYPH_DOT));
		display_text(y, 0, width, line, STYLE_LABEL);
	}
	free(line);
	return 1 + view_draw_titles(v, y + 1, width);
}

static void
countries_refilter(struct view *v)
{
	struct countries	*c = v->data;

	free(c->folded);
	c->folded = fold_text(c->filter.data != NULL ? c->filter.data : "");
	view_invalidate(v);
	countries_load(v);
	v->sel = 0;
	v->top = 0;
}

static int
countries_key(struct view *v, const struct input_event *ev)
{
	struct countries	*c = v->data;
	char			 utf[8];
	size_t			 len;
	int			 n, letter;

	if (ev->kind != INPUT_KEY)
		return 0;
	if (countries_filtering(c) && (ev->key == TUI_KEY_ESC)) {
		buf_reset(&c->filter);
		countries_refilter(v);
		return 1;
	}
	if (countries_filtering(c) && input_key_is_backspace(ev->key)) {
		len = c->filter.len;
		while (len > 0 && ((unsigned char)c->filter.data[len - 1] &
		    0xc0) == 0x80)
			len--;
		if (len > 0)
			len--;
		c->filter.len = len;
		c->filter.data[len] = '\0';
		countries_refilter(v);
		return 1;
	}
	if (!input_key_printable(ev->key))
		return 0;
	/* Letters filter, but for the keys that move and quit. */
	letter = (ev->key >= 'A' && ev->key <= 'Z') ||
	    (ev->key >= 'a' && ev->key <= 'z') || ev->key >= 0x80;
	if (!countries_filtering(c) && ev->action != ACT_NONE &&
	    (!letter || strchr("jkgGhlq", ev->key) != NULL))
		return 0;	/* a command */
	if (!countries_filtering(c) && ev->key == ' ')
		return 0;
	n = utf8_encode((uint32_t)ev->key, utf);
	buf_add(&c->filter, utf, (size_t)n);
	countries_refilter(v);
	return 1;
}

static void
countries_open(struct view *v, const struct row *r)
{
	if (r->id != NULL)
		app_push(v->app, &view_country_ops, r->id, r->col[0]);
}

static void
countries_close(struct view *v)
{
	struct countries	*c = v->data;

	if (c == NULL)
		return;
	buf_free(&c->filter);
	free(c->folded);
	free(c);
	v->data = NULL;
}

const struct view_ops view_countries_ops = {
	.name = "Countries",
	.load = countries_load,
	.fetch = countries_fetch,
	.draw_header = countries_header,
	.open_row = countries_open,
	.key = countries_key,
	.close = countries_close,
	.cols = countries_cols,
	.ncols = sizeof countries_cols / sizeof countries_cols[0],
};
