/*
 * view-countries.c: the top screen, every country with members: name,
 * member authorities, contacts, by folded name. The filter action (f)
 * opens a filter line; so does a printable key that no binding uses
 * ("B" for Brazil), while every bound key keeps its action here as
 * everywhere (s syncs). While the filter has focus every character goes
 * to it and the line editor's keys edit it (Left, Right, Home, End, ^W
 * …; Home or End again at that end of the text go to the first or last
 * country), Esc clears it, Up and Down move and Enter opens.
 * Matches are ranked: the code or the start of the name, then the start
 * of a word, then anywhere ("u": Uganda, United Kingdom, then Australia).
 * The filter is cleared when another screen is opened over this one.
 * Without a filter the list is read from the cache a window at a time.
 *
 * The same screen opens the routes (w, view_route_countries_ops): every
 * country with how many routes to it, the country of the screen w was
 * pressed on selected, the officer's own State said as the requesting
 * one; Enter opens the country's measures (view-route.c), or, when it
 * has no routes, its authorities and their designations.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/i18n.h"
#include "tui/ui.h"

struct countries {
	struct edit_line filter;
	char		*folded;	/* the folded filter */
	int		 active;	/* the filter line has focus */
};

/* How well a country matches the filter; the list shows the best first. */
enum {
	MATCH_NONE,
	MATCH_START,		/* the code, or the name starts with it */
	MATCH_WORD,		/* a later word of the name starts with it */
	MATCH_INSIDE,		/* anywhere in the name */
	MATCH_COUNT
};

struct countries_scan {
	struct view	*v;
	struct rows	*out;		/* NULL: only count */
	int		 rank;		/* the rank this pass keeps */
	size_t		 skip;
	size_t		 limit;
	size_t		 seen;		/* matching rows so far, every pass */
	enum cache_status st;		/* the first error */
};

static int
countries_rank(struct countries *c, const struct record *rec)
{
	char	*f, *p;
	int	 rank = MATCH_NONE;

	if (c->folded == NULL || *c->folded == '\0')
		return MATCH_START;
	if (rec->v[COUNTRY_CODE].s != NULL &&
	    strcasecmp(rec->v[COUNTRY_CODE].s, edit_line_text(&c->filter)) == 0)
		return MATCH_START;
	f = fold_text(rec->v[COUNTRY_NAME].s);
	if (strncmp(f, c->folded, strlen(c->folded)) == 0)
		rank = MATCH_START;
	else if ((p = strstr(f, c->folded)) != NULL) {
		rank = MATCH_INSIDE;
		for (; p != NULL; p = strstr(p + 1, c->folded)) {
			if (p[-1] == ' ' || p[-1] == '-' || p[-1] == '(') {
				rank = MATCH_WORD;
				break;
			}
		}
	}
	free(f);
	return rank;
}

static int
countries_scan_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	struct countries_scan	*s = arg;
	struct countries	*c = s->v->data;

	if (countries_rank(c, rec) != s->rank)
		return 0;
	s->seen++;
	if (s->out == NULL || s->seen <= s->skip)
		return 0;
	view_item_row(s->v, s->out, rec, x);
	return s->limit != 0 && s->out->n >= s->limit;
}

static int
countries_filtering(const struct countries *c)
{
	return *edit_line_text(&c->filter) != '\0';
}

/*
 * Countries are few (about 200): a filter scans them once per rank,
 * keeping only the rows [skip, skip + limit) of the ranked list.
 */
static enum cache_status
countries_scan(struct view *v, struct rows *out, size_t skip, size_t limit,
    size_t *seen)
{
	struct cache_filter	 f;
	struct countries_scan	 s;

	memset(&f, 0, sizeof f);
	f.type = REC_COUNTRY;
	memset(&s, 0, sizeof s);
	s.v = v;
	s.out = out;
	s.skip = skip;
	s.limit = limit;
	for (s.rank = MATCH_START; s.rank < MATCH_COUNT; s.rank++) {
		if (out != NULL && limit != 0 && out->n >= limit)
			break;
		s.st = cache_list(v->app->cache, &f, countries_scan_cb, &s);
		if (s.st != CACHE_OK)
			break;
	}
	if (seen != NULL)
		*seen = s.seen;
	return s.st;
}

static enum cache_status
countries_load(struct view *v)
{
	struct countries	*c;
	struct cache_filter	 f;
	enum cache_status	 st;
	size_t			 n = 0;

	if (v->data == NULL) {
		c = xcalloc(1, sizeof *c);
		edit_line_init(&c->filter, NULL);
		v->data = c;
	}
	c = v->data;
	if (v->ops != &view_route_countries_ops) {
		free(v->title);
		v->title = xstrdup(_(v->ops->name));
	}
	memset(&f, 0, sizeof f);
	f.type = REC_COUNTRY;
	if (!countries_filtering(c))
		st = cache_list_count(v->app->cache, &f, &n);
	else
		st = countries_scan(v, NULL, 0, 0, &n);
	v->total = n;
	return st;
}

static enum cache_status
countries_fetch(struct view *v, size_t off, size_t limit, struct rows *out)
{
	struct countries	*c = v->data;
	struct cache_filter	 f;

	if (countries_filtering(c))
		return countries_scan(v, out, off, limit, NULL);
	memset(&f, 0, sizeof f);
	f.type = REC_COUNTRY;
	f.offset = off;
	f.limit = limit;
	return cache_list(v->app->cache, &f, view_item_row_cb,
	    &(struct view_rows){ v, out });
}

/* The routes' own line: what to do, and the requesting State. */
static char *
countries_routes_line(struct view *v)
{
	const char	*own = v->app->opts->own_country, *name;
	char		*who, *line;

	if (own == NULL || *own == '\0')
		return xstrdup(_("Who handles a request? Type the requested "
		    "State; requesting State: not set (country = CC in the "
		    "config)"));
	name = v->app->ctx.country_name(v->app->ctx.country_arg, own);
	who = sanitize(name != NULL ? name : own, SANITIZE_LINE);
	/* TRANSLATORS: %s is the officer's own State (country = in the config). */
	line = xasprintf(_("Who handles a request? Type the requested State; "
	    "requesting State: %s"), who);
	free(who);
	return line;
}

static int
countries_header(struct view *v, int y, int width)
{
	struct countries	*c = v->data;
	/* TRANSLATORS: before the countries' filter line; keep the space. */
	const char		*label = _("Filter: ");
	char			*line, *key, *comma;
	int			 w, lw;

	if (v->ops == &view_route_countries_ops && !c->active &&
	    !countries_filtering(c)) {
		line = countries_routes_line(v);
		display_ui_text(y, 0, width, width, line, STYLE_LABEL);
		free(line);
		return 1 + view_draw_titles(v, y + 1, width);
	}
	if (c->active || countries_filtering(c)) {
		/* "Filter: " and the line, then a note where it fits. */
		lw = (int)utf8_width(label);
		display_ui_text(y, 0, lw, width, label, STYLE_BOLD);
		w = lw + app_draw_field(v->app, y, lw, width - lw, &c->filter,
		    STYLE_BOLD);
		line = xasprintf("(%s)", countries_filtering(c) &&
		    v->total == 0 ? _("no match") :
		    /* TRANSLATORS: Esc is a key. */
		    _("Esc clears"));
		if (w + 3 < width)
			display_ui_text(y, w + 3, width - w - 3, width, line,
			    STYLE_BOLD);
	} else {
		/* The key that filters, as the key table has it now. */
		key = keys_for_action(ACT_FILTER);
		if ((comma = strchr(key, ',')) != NULL)
			*comma = '\0';
		if (*key != '\0')
			/*
			 * TRANSLATORS: the countries' top line: the first %s
			 * is the key that opens the filter (f), the others
			 * are separators (a dot). / and ? are keys.
			 */
			line = xasprintf(_("Type a country name after %s to "
			    "filter %s / search %s ? help"), key,
			    charset_glyph(GLYPH_DOT), charset_glyph(GLYPH_DOT));
		else
			/*
			 * TRANSLATORS: the countries' top line: each %s is a
			 * separator (a dot). / and ? are keys.
			 */
			line = xasprintf(_("Type a country name to filter "
			    "%s / search %s ? help"), charset_glyph(GLYPH_DOT),
			    charset_glyph(GLYPH_DOT));
		free(key);
		display_ui_text(y, 0, width, width, line, STYLE_LABEL);
	}
	free(line);
	return 1 + view_draw_titles(v, y + 1, width);
}

static void
countries_refilter(struct view *v)
{
	struct countries	*c = v->data;

	free(c->folded);
	c->folded = fold_text(edit_line_text(&c->filter));
	view_relist(v);
	app_cache_error(v->app, countries_load(v));
	v->sel = 0;
	v->top = 0;
}

/* Ends filtering: the full list again, the selected country kept. */
static void
countries_unfilter(struct view *v)
{
	struct countries	*c = v->data;
	struct row		*r;
	char			*id;
	size_t			 i, n;

	c->active = 0;
	if (!countries_filtering(c))
		return;
	r = view_row(v, v->sel);
	id = r != NULL && r->id != NULL ? xstrdup(r->id) : NULL;
	edit_line_set(&c->filter, NULL);
	countries_refilter(v);
	/* A few hundred rows at most: find the country wherever it is. */
	n = view_nrows(v);
	for (i = 0; id != NULL && i < n; i++) {
		r = view_row(v, i);
		if (r != NULL && r->id != NULL && strcmp(r->id, id) == 0) {
			v->sel = i;
			break;
		}
	}
	view_select_id(v, NULL, v->sel);	/* and keep it on screen */
	free(id);
}

static int
countries_key(struct view *v, const struct input_event *ev)
{
	struct countries	*c = v->data;

	if (ev->kind != INPUT_KEY)
		return 0;
	if (!c->active) {
		/* Bound keys act as on every screen; the rest may filter. */
		if (ev->action == ACT_FILTER) {
			c->active = 1;
			return 1;
		}
		if (ev->action != ACT_NONE || !input_key_printable(ev->key) ||
		    ev->key == ' ')
			return 0;
		c->active = 1;
	} else if (ev->action == ACT_FILTER && !input_key_printable(ev->key)) {
		return 1;	/* F6 (rebound) again: already filtering */
	} else if (ev->key == TUI_KEY_ESC) {
		countries_unfilter(v);
		v->sel = v->top = 0;
		return 1;
	} else if (input_key_is_backspace(ev->key) && !countries_filtering(c)) {
		c->active = 0;
		return 1;
	}
	/* Editing keys edit; arrows up and down move, Enter opens. */
	switch (view_edit_key(&c->filter, ev)) {
	case EDIT_CHANGED:
		countries_refilter(v);
		return 1;
	case EDIT_MOVED:
	case EDIT_STILL:
		return 1;
	case EDIT_IGNORED:
		break;
	}
	return 0;
}

/* Another screen opens over this one: the filter does not outlive it. */
static void
countries_leave(struct view *v)
{
	countries_unfilter(v);
}

static void
countries_open(struct view *v, const struct row *r)
{
	if (r->id == NULL)
		return;
	if (v->ops != &view_route_countries_ops)
		app_push(v->app, &view_country_ops, r->id, r->name);
	else
		route_open_measure(v->app, r->id, NULL);
}

/* The routes' load: the first time, the country w started from selected. */
static enum cache_status
countries_routes_load(struct view *v)
{
	struct row		*r;
	enum cache_status	 st;
	size_t			 i, n;
	int			 first = v->data == NULL;

	if ((st = countries_load(v)) != CACHE_OK || !first || v->arg == NULL)
		return st;
	/* A few hundred rows at most. */
	n = view_nrows(v);
	for (i = 0; i < n; i++) {
		r = view_row(v, i);
		if (r != NULL && r->id != NULL && strcmp(r->id, v->arg) == 0) {
			v->sel = i;
			break;
		}
	}
	return CACHE_OK;
}

static void
countries_close(struct view *v)
{
	struct countries	*c = v->data;

	if (c == NULL)
		return;
	edit_line_free(&c->filter);
	free(c->folded);
	free(c);
	v->data = NULL;
}

const struct view_ops view_countries_ops = {
	/* TRANSLATORS: a screen's name in the breadcrumb (top line). */
	.name = N_("Countries"),
	.load = countries_load,
	.fetch = countries_fetch,
	.draw_header = countries_header,
	.open_row = countries_open,
	.key = countries_key,
	.leave = countries_leave,
	.close = countries_close,
	.list = VIEW_LIST(PLIST_COUNTRIES),
};

const struct view_ops view_route_countries_ops = {
	.name = "Routes",
	.load = countries_routes_load,
	.fetch = countries_fetch,
	.draw_header = countries_header,
	.open_row = countries_open,
	.key = countries_key,
	.leave = countries_leave,
	.close = countries_close,
	.list = VIEW_LIST(PLIST_ROUTE_COUNTRIES),
};
