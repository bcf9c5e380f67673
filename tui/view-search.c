/*
 * view-search.c: one query box over people and authorities together.
 * Results change on every keystroke (cache_search, as many as the screen
 * shows; scrolling past the last asks for more), each marked by type, with the parts that match the folded query
 * highlighted; matches are counted up to SEARCH_COUNT for the title's
 * "12/398". F2, F3 and F4 set the country, expertise and language
 * filters from the values the cache holds (ui-prompt-choice.c: listed as
 * you type, Tab completes, unknown values refused; F2 proposes the
 * selected result's country and takes a code or a name); an empty answer
 * clears a filter. Enter opens a result, Esc goes back to where you were.
 * The query is the one line editor's (ui-prompt.c): its editing keys
 * edit, Home and End pressed again at that end of the query go to the
 * first or last result. Up on the first result (or with none) recalls
 * the queries used before (ui-history.c), Down walks back; a query joins
 * that history when a result is opened from it or the screen is left.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

enum { FILTER_COUNTRY, FILTER_EXPERTISE, FILTER_LANGUAGE, FILTER_COUNT };

/* Each filter: its prompt (N_()) and the kind of value it takes. */
static const struct {
	const char		*prompt;
	enum prompt_kind	 kind;
} search_filters[FILTER_COUNT] = {
	/* TRANSLATORS: a prompt on the status line (F2 in the search). */
	{ N_("country filter (code or name): "), PROMPT_COUNTRY },
	/* TRANSLATORS: a prompt on the status line (F3 in the search). */
	{ N_("expertise filter: "), PROMPT_EXPERTISE },
	/* TRANSLATORS: a prompt on the status line (F4 in the search). */
	{ N_("language filter: "), PROMPT_LANGUAGE },
};

struct search {
	struct edit_line	 query;
	char			*filter[FILTER_COUNT];
	struct cache_hits	 hits;
	size_t			 want;	/* results asked for; 0: a screenful */
	int			 more;	/* the last search filled want */
	char			*error;
};

static int
search_empty(const struct search *s)
{
	return *edit_line_text(&s->query) == '\0';
}

/* The most results one query box shows (scrolling stops there). */
#define SEARCH_MAX	5000
/* Matches counted for "12/398" on every keystroke; past it "1,000+". */
#define SEARCH_COUNT	1000

static void
search_run(struct view *v)
{
	struct search		*s = v->data;
	struct cache_query	 q;
	char			*cause = NULL;
	enum cache_status	 st;

	cache_hits_free(&s->hits);
	memset(&s->hits, 0, sizeof s->hits);
	free(s->error);
	s->error = NULL;
	v->total = 0;
	v->total_more = 0;
	v->count = 0;
	v->count_more = 0;
	v->idle_pending = 0;
	if (search_empty(s))
		return;
	memset(&q, 0, sizeof q);
	q.text = edit_line_text(&s->query);
	q.country = s->filter[FILTER_COUNTRY];
	q.expertise = s->filter[FILTER_EXPERTISE];
	q.language = s->filter[FILTER_LANGUAGE];
	if (s->want == 0)
		s->want = v->app->rows > 10 ? (size_t)v->app->rows : 10;
	q.limit = s->want;
	st = cache_search(v->app->cache, &q, &s->hits, &cause);
	if (st != CACHE_OK) {
		s->error = xasprintf("%s%s%s", cache_strerror(st),
		    cause != NULL ? ": " : "", cause != NULL ? cause : "");
		free(cause);
		cache_hits_free(&s->hits);
		memset(&s->hits, 0, sizeof s->hits);
		return;
	}
	/*
	 * One row past the results stands for "more": moving onto it makes
	 * search_fetch ask for more, so a keystroke only pays for a screen.
	 */
	s->more = s->hits.n == s->want && s->want < SEARCH_MAX;
	v->total = s->hits.n + (s->more ? 1 : 0);
	v->total_more = s->more;
	if (s->more) {
		/*
		 * Counted further than loaded, up to SEARCH_COUNT, once no
		 * key is waiting (search_idle): counting visits up to 20
		 * times the rows of a screen, and a keystroke must not wait
		 * for it. Until then the title says "50+".
		 */
		v->count = s->hits.n;
		v->count_more = 1;
		v->idle_pending = 1;
	} else {
		/* All loaded: the count is the list, unless it hit the cap. */
		v->count = s->hits.n;
		v->count_more = s->hits.n == SEARCH_MAX;
	}
}

/* Between keystrokes: how many match, up to SEARCH_COUNT. */
static int
search_idle(struct view *v)
{
	struct search		*s = v->data;
	struct cache_query	 q;
	size_t			 n;

	v->idle_pending = 0;
	if (search_empty(s) || !s->more)
		return 0;
	memset(&q, 0, sizeof q);
	q.text = edit_line_text(&s->query);
	q.country = s->filter[FILTER_COUNTRY];
	q.expertise = s->filter[FILTER_EXPERTISE];
	q.language = s->filter[FILTER_LANGUAGE];
	q.count_upto = SEARCH_COUNT;
	if (cache_search_count(v->app->cache, &q, &n, NULL) != CACHE_OK)
		return 0;	/* the title keeps "50+"; the list is right */
	v->count = n > SEARCH_COUNT ? SEARCH_COUNT : n;
	v->count_more = n > SEARCH_COUNT;
	return 1;
}

/* End: every result up to SEARCH_MAX, so the last row is the last hit. */
static void
search_load_all(struct view *v)
{
	struct search	*s = v->data;

	if (!s->more)
		return;
	s->want = SEARCH_MAX;
	search_run(v);
}

static enum cache_status
search_load(struct view *v)
{
	if (v->data == NULL) {
		v->data = xcalloc(1, sizeof(struct search));
		edit_line_init(&((struct search *)v->data)->query, NULL);
	}
	/* A failed search says why on the query line. */
	search_run(v);
	return CACHE_OK;
}

/*
 * The rows of hits [off, off + limit): each hit's record is read whole,
 * so a row shows what the same record shows in every list (its stale
 * mark, labels) and what `globe search` prints.
 */
static enum cache_status
search_fetch(struct view *v, size_t off, size_t limit, struct rows *out)
{
	struct cache_filter	 f;
	struct search		*s = v->data;
	struct cache_hit	*h;
	enum cache_status	 st;
	size_t			 i;

	if (off + limit > s->hits.n && s->more) {
		s->want = s->want * 4 > off + limit ? s->want * 4 :
		    off + limit;
		if (s->want > SEARCH_MAX)
			s->want = SEARCH_MAX;
		search_run(v);
	}
	for (i = off; i < s->hits.n && i < off + limit; i++) {
		h = &s->hits.v[i];
		memset(&f, 0, sizeof f);
		f.type = h->type;
		f.id = h->id;
		st = cache_list(v->app->cache, &f, view_item_row_cb,
		    &(struct view_rows){ v, out });
		if (st == CACHE_ERR_NOTFOUND) {
			/* Gone since the search: a row that says so. */
			rows_add(out)->col[0] = xstrdup("");
			continue;
		}
		if (st != CACHE_OK)
			return st;
	}
	return CACHE_OK;
}

static void
search_draw_row(struct view *v, const struct row *r, int y, int width,
    int selected)
{
	struct search	*s = v->data;
	struct present_grid *g = &v->grid;
	size_t		 k, i;
	unsigned char	*mask;
	enum style	 st = selected ? STYLE_SELECTED : STYLE_NORMAL;
	char		*text;
	int		 x = 0, w, rtl = bidi_layout_rtl();

	if (g->fitted != width)
		present_grid_fit(g, width);
	/* The whole line in the row's style: the gaps between cells too. */
	display_text(y, 0, width, "", st);
	/*
	 * Laid out right to left, the columns go from the right: the last
	 * one first from the left, as present_grid_titles puts the titles.
	 */
	for (k = 0; k < g->n; k++) {
		i = rtl ? g->n - 1 - k : k;
		if (g->width[i] < 0)
			continue;
		if (x > 0)
			x += 2;
		w = g->width[i];
		if (x + w > width)
			w = width - x;
		if (w <= 0)
			break;
		text = r->col[i] != NULL ? r->col[i] : "";
		if ((g->col[i]->flags & PC_NAME) ||
		    strcmp(g->col[i]->key, "email") == 0) {
			/* Names and e-mails show what matched. */
			mask = xmalloc(strlen(text) + 1);
			layout_match_mask(text, edit_line_text(&s->query), mask);
			display_line_mask(y, x, w, text,
			    mask, present_grid_cell_bidi(g, i), st);
			free(mask);
		} else
			display_line(y, x, w, text,
			    present_grid_cell_bidi(g, i), st);
		x += w;
	}
}

/* What the query line says after the query, or NULL. Caller frees. */
static char *
search_note(struct view *v)
{
	struct search		*s = v->data;
	struct edit_history	*h = app_history(v->app, APP_HISTORY_SEARCH);

	if (s->error != NULL)
		return xasprintf("(%s)", s->error);
	if (edit_line_recalled(&s->query))
		return xasprintf("(%s)", s->hits.n == 0 ?
		    _("no match; an earlier search: Up older, Down newer") :
		    _("an earlier search: Up older, Down newer"));
	if (!search_empty(s) && s->hits.n == 0)
		return xasprintf("(%s)", _("no match"));
	if (search_empty(s) && h != NULL && h->n > 0)
		return xasprintf("(%s)", _("type a name, acronym, e-mail, "
		    "expertise; Up: earlier searches"));
	if (search_empty(s))
		return xasprintf("(%s)", _("type a name, acronym, e-mail, "
		    "expertise"));
	return NULL;
}

/* A filter and its value on the line under the query. Caller frees. */
static char *
search_filter_text(int which, const char *value)
{
	switch (which) {
	case FILTER_COUNTRY:
		/* TRANSLATORS: the search's filters: %s is a value or "any". */
		return xasprintf(_("country: %s"), value);
	case FILTER_EXPERTISE:
		/* TRANSLATORS: the search's filters: %s is a value or "any". */
		return xasprintf(_("expertise: %s"), value);
	default:
		/* TRANSLATORS: the search's filters: %s is a value or "any". */
		return xasprintf(_("language: %s"), value);
	}
}

static int
search_header(struct view *v, int y, int width)
{
	struct search	*s = v->data;
	struct buf	 b;
	/* TRANSLATORS: before the query; keep the space after the colon. */
	const char	*label = _("Search: ");
	char		*line, *part;
	size_t		 i;
	int		 w, lw;

	/* "Search: " and the query's line, then a note where it fits. */
	lw = (int)utf8_width(label);
	display_ui_text(y, 0, lw, width, label, STYLE_BOLD);
	w = lw + app_draw_field(v->app, y, lw, width - lw, &s->query,
	    STYLE_BOLD);
	if ((line = search_note(v)) != NULL && w + 3 < width)
		display_ui_text(y, w + 3, width - w - 3, width, line,
		    STYLE_BOLD);
	free(line);
	buf_init(&b);
	for (i = 0; i < FILTER_COUNT; i++) {
		line = s->filter[i] != NULL ? sanitize(s->filter[i],
		    SANITIZE_LINE) :
		    /* TRANSLATORS: a search filter that is not set. */
		    xstrdup(_("any"));
		part = search_filter_text((int)i, line);
		buf_addf(&b, "%s%s%s%s", i > 0 ? " " : "",
		    i > 0 ? charset_glyph(GLYPH_DOT) : "", i > 0 ? " " : "",
		    part);
		free(part);
		free(line);
	}
	/* TRANSLATORS: after the search's filters; F2 F3 F4 are keys. */
	buf_addf(&b, "   %s", _("(F2, F3, F4 set them)"));
	display_ui_text(y + 1, 0, width, width, b.data, STYLE_LABEL);
	buf_free(&b);
	return 2 + view_draw_titles(v, y + 2, width);
}

static void
search_reset_want(struct view *v)
{
	((struct search *)v->data)->want = 0;
}

static void
search_changed(struct view *v)
{
	view_relist(v);
	search_reset_want(v);
	search_run(v);
	v->sel = 0;
	v->top = 0;
}

struct search_prompt {
	struct view	*v;
	int		 which;
};

static void
search_filter_done(struct app *app, const char *text, void *arg)
{
	struct search_prompt	*p = arg;
	struct search		*s = p->v->data;
	char			*t, *e;

	if (text != NULL) {
		while (*text == ' ')
			text++;
		t = xstrdup(text);
		e = t + strlen(t);
		while (e > t && e[-1] == ' ')
			*--e = '\0';
		free(s->filter[p->which]);
		s->filter[p->which] = *t != '\0' ? t : NULL;
		if (*t == '\0')
			free(t);
		search_changed(p->v);
	}
	free(p);
}

static int
search_country_choice(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	(void)x;
	prompt_choices_add(arg, rec->v[COUNTRY_CODE].s, rec->v[COUNTRY_NAME].s);
	return 0;
}

static int
search_value_choice(const char *value, void *arg)
{
	prompt_choices_add(arg, value, NULL);
	return 0;
}

/*
 * F2, F3, F4: the values the cache holds are the choices (a country by
 * code or name); the current filter, or for the country the selected
 * result's, is proposed and the first character typed replaces it.
 */
static void
search_filter_prompt(struct view *v, int which)
{
	struct search		*s = v->data;
	struct search_prompt	*p;
	struct prompt_choices	*pc;
	struct cache_filter	 f;
	struct row		*r;
	const char		*initial = s->filter[which];
	char			**vals;
	size_t			 nvals, i;
	enum cache_status	 st;

	if (which == FILTER_COUNTRY && initial == NULL) {
		r = view_row(v, v->sel);
		if (r != NULL)
			initial = r->country;
	}
	/*
	 * The choices are the cache's values: when it cannot be read, the
	 * status line says why instead of a prompt that refuses every value.
	 */
	pc = prompt_choices_new(search_filters[which].kind);
	if (which == FILTER_COUNTRY) {
		memset(&f, 0, sizeof f);
		f.type = REC_COUNTRY;
		st = cache_list(v->app->cache, &f, search_country_choice, pc);
	} else if ((st = cache_values_list(v->app->cache,
	    which == FILTER_EXPERTISE ? CACHE_VALUES_EXPERTISE :
	    CACHE_VALUES_LANGUAGE, &vals, &nvals)) == CACHE_OK) {
		for (i = 0; i < nvals; i++)
			search_value_choice(vals[i], pc);
		cache_values_free(vals, nvals);
	}
	if (app_cache_error(v->app, st) != CACHE_OK) {
		prompt_choices_free(pc);
		return;
	}
	p = xmalloc(sizeof *p);
	p->v = v;
	p->which = which;
	app_prompt_choose(v->app, _(search_filters[which].prompt), initial,
	    pc, APP_HISTORY_COUNTRY + which, search_filter_done, p);
}

/*
 * Up on the first result (or with none) recalls the query before the one
 * shown; Down, while an earlier query is shown and the cursor is on its
 * first result, the one after it and at last the text being typed.
 * Elsewhere they move in the results: returns 0.
 */
static int
search_history_key(struct view *v, int up)
{
	struct search		*s = v->data;
	struct edit_history	*h = app_history(v->app, APP_HISTORY_SEARCH);

	if (v->total > 0 && v->sel > 0)
		return 0;
	if (up) {
		if (edit_line_older(&s->query, h))
			search_changed(v);
		return 1;
	}
	if (!edit_line_recalled(&s->query))
		return 0;
	edit_line_newer(&s->query, h);
	search_changed(v);
	return 1;
}

static int
search_key(struct view *v, const struct input_event *ev)
{
	struct search	*s = v->data;

	if (ev->kind != INPUT_KEY)
		return 0;
	switch (ev->action) {
	case ACT_FILTER_COUNTRY:
		search_filter_prompt(v, FILTER_COUNTRY);
		return 1;
	case ACT_FILTER_EXPERTISE:
		search_filter_prompt(v, FILTER_EXPERTISE);
		return 1;
	case ACT_FILTER_LANGUAGE:
		search_filter_prompt(v, FILTER_LANGUAGE);
		return 1;
	default:
		break;
	}
	/* The query has the focus: its editing keys edit. */
	switch (view_edit_key(&s->query, ev)) {
	case EDIT_CHANGED:
		search_changed(v);
		return 1;
	case EDIT_MOVED:
	case EDIT_STILL:
		return 1;
	case EDIT_IGNORED:
		break;
	}
	if (ev->action == ACT_UP || ev->action == ACT_DOWN)
		return search_history_key(v, ev->action == ACT_UP);
	return 0;
}

/*
 * A query the officer used, by opening a result or leaving the screen,
 * joins the search history (the file too, unless history = 0).
 */
static void
search_remember(struct view *v)
{
	struct search	*s = v->data;

	if (s == NULL || search_empty(s))
		return;
	app_history_add(v->app, APP_HISTORY_SEARCH, edit_line_text(&s->query));
	edit_line_keep(&s->query);
}

static void
search_open(struct view *v, const struct row *r)
{
	if (r->id == NULL)
		return;
	if (r->type == REC_CONTACT)
		app_push(v->app, &view_contact_ops, r->id, r->name);
	else if (r->type == REC_AUTHORITY)
		app_push(v->app, &view_authority_ops, r->id, r->name);
}

/* A result opens over the search, or another screen does. */
static void
search_leave(struct view *v)
{
	search_remember(v);
}

static void
search_close(struct view *v)
{
	struct search	*s = v->data;
	size_t		 i;

	if (s == NULL)
		return;
	search_remember(v);
	edit_line_free(&s->query);
	for (i = 0; i < FILTER_COUNT; i++)
		free(s->filter[i]);
	cache_hits_free(&s->hits);
	free(s->error);
	free(s);
	v->data = NULL;
}

const struct view_ops view_search_ops = {
	/* TRANSLATORS: a screen's name in the breadcrumb (top line). */
	.name = N_("Search"),
	.load = search_load,
	.fetch = search_fetch,
	.load_all = search_load_all,
	.idle = search_idle,
	.draw_header = search_header,
	.draw_row = search_draw_row,
	.open_row = search_open,
	.key = search_key,
	.leave = search_leave,
	.close = search_close,
	.list = VIEW_LIST(PLIST_PEOPLE),
};
