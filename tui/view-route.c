/*
 * view-route.c: the measures a country has routes for (w, then a
 * country): each with how many routes, one that cannot be had there
 * dim with why and what to ask for instead, in the presentation's
 * words (present_measure_cells). Typing a measure's name moves to it
 * (names that start with it first, then a word of it, then anywhere:
 * "tr" is Asset tracing); Esc clears what was typed. Enter opens the
 * measure's routes (view-route-card.c), or for one that is not possible
 * the measure to ask for instead. Also route_open_measure, the one way
 * the route screens open a country or a measure, which says so when
 * there are no routes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

struct route_measures {
	struct out_list		 routes;	/* the country's */
	struct present_measure	*m;		/* borrows from routes */
	size_t			 n;
	struct edit_line	 find;
	int			 active;	/* the find line has focus */
	char			*summary;	/* "2 measures, 3 routes" */
};

/* The routes of a country (and measure, or all: NULL) into l. */
static enum cache_status
route_list_of(struct app *app, const char *cc, const char *measure,
    struct out_list *l)
{
	struct cache_filter	f;

	memset(&f, 0, sizeof f);
	f.type = REC_ROUTE;
	f.country = cc;
	f.measure = measure;
	return cache_list(app->cache, &f, out_list_add_cb, l);
}

void
route_open_measure(struct app *app, const char *cc, const char *measure)
{
	struct cache_filter	 f;
	enum cache_status	 st;
	size_t			 n = 0;
	char			*arg, *title;

	memset(&f, 0, sizeof f);
	f.type = REC_ROUTE;
	f.country = cc;
	f.measure = measure;
	if ((st = cache_list_count(app->cache, &f, &n)) != CACHE_OK) {
		app_cache_error(app, st);
		return;
	}
	arg = measure != NULL ? xasprintf("%s%s%s", cc, ROUTE_ARG_SEP,
	    measure) : xstrdup(cc);
	if (n == 0)
		app_push(app, &view_route_none_ops, arg, NULL);
	else if (measure == NULL)
		app_push(app, &view_route_measures_ops, arg, NULL);
	else {
		title = sanitize(present_label(VOCAB_MEASURE, measure),
		    SANITIZE_LINE);
		app_push(app, &view_route_card_ops, arg, title);
		free(title);
	}
	free(arg);
}

static void
measures_clear(struct route_measures *rm)
{
	out_list_free(&rm->routes);
	free(rm->m);
	free(rm->summary);
	rm->m = NULL;
	rm->n = 0;
	rm->summary = NULL;
}

static enum cache_status
measures_load(struct view *v)
{
	struct route_measures	*rm;
	struct cache_filter	 f;
	struct out_list		 c;
	enum cache_status	 st;
	size_t			 i, routes = 0;
	char			 nr[LAYOUT_COUNT_MAX], *measures;

	if (v->data == NULL) {
		rm = xcalloc(1, sizeof *rm);
		edit_line_init(&rm->find, NULL);
		v->data = rm;
	}
	rm = v->data;
	measures_clear(rm);
	out_list_init(&rm->routes);
	if ((st = route_list_of(v->app, v->arg, NULL, &rm->routes)) !=
	    CACHE_OK)
		return st;
	rm->n = present_route_measures(&rm->routes, &rm->m);
	out_list_init(&c);
	memset(&f, 0, sizeof f);
	f.type = REC_COUNTRY;
	f.id = v->arg;
	if (cache_list(v->app->cache, &f, out_list_add_cb, &c) == CACHE_OK &&
	    c.n > 0) {
		free(v->title);
		v->title = sanitize(c.v[0].rec.v[COUNTRY_NAME].s,
		    SANITIZE_LINE);
	}
	out_list_free(&c);
	for (i = 0; i < rm->n; i++)
		routes += rm->m[i].routes;
	layout_count(routes, nr);
	if (rm->n == 0)
		view_add_text(v, _("No routes to this country in the "
		    "directory any more."), ROW_WARN);
	/* TRANSLATORS: how many measures a country has routes for. */
	measures = xasprintf(P_("%zu measure", "%zu measures", rm->n), rm->n);
	/* TRANSLATORS: how many routes those measures have. */
	rm->summary = xasprintf(P_("%1$s, %2$s route", "%1$s, %2$s routes",
	    routes), measures, nr);
	free(measures);
	v->total = rm->n;
	return CACHE_OK;
}

static enum cache_status
measures_fetch(struct view *v, size_t off, size_t limit, struct rows *out)
{
	struct route_measures	*rm = v->data;
	struct present_measure	*m;
	struct row		*r;
	size_t			 i;

	for (i = off; i < rm->n && i < off + limit; i++) {
		m = &rm->m[i];
		r = rows_add(out);
		r->id = xstrdup(m->code);
		r->name = sanitize(present_label(VOCAB_MEASURE, m->code),
		    SANITIZE_LINE);
		present_measure_cells(&v->grid, m, r->col);
		if (m->routes == 0)
			r->flags |= ROW_DIM;
	}
	return CACHE_OK;
}

/* How well a measure matches what was typed; lower is better, 3: not. */
static int
measures_rank(const struct present_measure *m, const char *folded)
{
	char	*label, *code, *p;
	int	 rank = 3;

	label = fold_text(present_label(VOCAB_MEASURE, m->code));
	code = fold_text(m->code);
	if (strncmp(label, folded, strlen(folded)) == 0 ||
	    strncmp(code, folded, strlen(folded)) == 0)
		rank = 0;
	else if ((p = strstr(label, folded)) != NULL) {
		rank = 2;
		for (; p != NULL; p = strstr(p + 1, folded)) {
			if (p[-1] == ' ' || p[-1] == '-' || p[-1] == '(') {
				rank = 1;
				break;
			}
		}
	} else if (strstr(code, folded) != NULL)
		rank = 2;
	free(label);
	free(code);
	return rank;
}

/* Moves to the best match of what was typed. */
static void
measures_jump(struct view *v)
{
	struct route_measures	*rm = v->data;
	char			*folded;
	size_t			 i, best = rm->n;
	int			 r, rank = 3;

	folded = fold_text(edit_line_text(&rm->find));
	for (i = 0; *folded != '\0' && i < rm->n; i++) {
		if ((r = measures_rank(&rm->m[i], folded)) < rank) {
			rank = r;
			best = i;
		}
	}
	free(folded);
	if (best < rm->n)
		view_select_id(v, rm->m[best].code, v->head.n + best);
}

static int
measures_header(struct view *v, int y, int width)
{
	struct route_measures	*rm = v->data;
	char			*line;
	int			 w;

	if (rm->active) {
		line = xstrdup(_("Find: "));
		w = (int)utf8_width(line);
		display_ui_text(y, 0, w, width, line, STYLE_BOLD);
		app_draw_field(v->app, y, w, width - w, &rm->find, STYLE_BOLD);
	} else {
		line = xasprintf(_("%s %s Type a measure's name to go to it "
		    "%s Enter: its routes"), rm->summary,
		    charset_glyph(GLYPH_DOT), charset_glyph(GLYPH_DOT));
		display_ui_text(y, 0, width, width, line, STYLE_LABEL);
	}
	free(line);
	return 1 + view_draw_titles(v, y + 1, width);
}

static int
measures_key(struct view *v, const struct input_event *ev)
{
	struct route_measures	*rm = v->data;

	if (ev->kind != INPUT_KEY)
		return 0;
	if (!rm->active) {
		/* Bound keys act as everywhere; the rest find a measure. */
		if (ev->action != ACT_NONE || !input_key_printable(ev->key) ||
		    ev->key == ' ')
			return 0;
		rm->active = 1;
	} else if (ev->key == TUI_KEY_ESC) {
		edit_line_set(&rm->find, NULL);
		rm->active = 0;
		return 1;
	}
	switch (view_edit_key(&rm->find, ev)) {
	case EDIT_CHANGED:
		measures_jump(v);
		return 1;
	case EDIT_MOVED:
	case EDIT_STILL:
		return 1;
	case EDIT_IGNORED:
		break;
	}
	return 0;
}

/* Another screen opens over this one: what was typed goes. */
static void
measures_leave(struct view *v)
{
	struct route_measures	*rm = v->data;

	edit_line_set(&rm->find, NULL);
	rm->active = 0;
}

static void
measures_open(struct view *v, const struct row *r)
{
	struct route_measures		*rm = v->data;
	const struct present_measure	*m;
	char				*cc, *code;

	if (r->id == NULL)
		return;
	m = present_measure_find(rm->m, rm->n, r->id);
	/* Not possible here: what to ask for instead. */
	if (m != NULL && m->routes == 0 && m->alternative != NULL &&
	    *m->alternative != '\0')
		code = xstrdup(m->alternative);
	else
		code = xstrdup(r->id);
	cc = xstrdup(v->arg);	/* the view may go under a reload */
	route_open_measure(v->app, cc, code);
	free(cc);
	free(code);
}

static void
measures_close(struct view *v)
{
	struct route_measures	*rm = v->data;

	if (rm == NULL)
		return;
	measures_clear(rm);
	edit_line_free(&rm->find);
	free(rm);
	v->data = NULL;
}

const struct view_ops view_route_measures_ops = {
	.name = "Measures",
	.load = measures_load,
	.fetch = measures_fetch,
	.draw_header = measures_header,
	.open_row = measures_open,
	.key = measures_key,
	.leave = measures_leave,
	.close = measures_close,
	.list = VIEW_LIST(PLIST_MEASURES),
};
