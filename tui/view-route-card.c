/*
 * view-route-card.c: a measure's routes in a country (w, a country, a
 * measure). First the questions whose answer changes which routes apply
 * (urgency, stage, the requesting State: present_route_next_question),
 * one at a time as a list of answers, and only those: a question every
 * answer of which gives the same routes is skipped. The officer's own
 * State (country = in the config) is the answer proposed for the
 * requesting State. Then the cards of the routes that apply, ranked
 * (present_route_fields): the breadcrumb says the request (Brazil ›
 * Asset tracing › urgent); Enter on the authority or the contact opens
 * it, on the e-mail copies it, y copies the e-mail (selected first), v
 * saves the contact's (or authority's) vCard, Enter on "Instead" opens
 * that measure. Routes that do not apply follow, dim, saying whom they
 * are for. Esc takes back the last answer, then leaves. Opened with one
 * route (ROUTE_ARG_ONE, from an authority's screen) it shows its card.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/i18n.h"
#include "tui/ui.h"

struct route_card {
	struct out_list		 routes;	/* ranked */
	char			*cc;		/* measure mode: the country */
	char			*measure;	/* ... and the measure; NULL: one route */
	char			*answer[RQ_COUNT];	/* owned; NULL: not asked */
	int			 asked[RQ_COUNT];	/* in the order answered */
	size_t			 nasked;
	int			 question;	/* being asked, or -1 */
	struct card_span {
		size_t		 first;		/* head rows [first, end) */
		size_t		 end;
		char		*id;		/* the route's */
		char		*name;		/* its measure's label, sanitized */
	}			*spans;		/* one per card shown */
	size_t			 nspans;
};

static void
card_spans_free(struct route_card *rc)
{
	size_t	 i;

	for (i = 0; i < rc->nspans; i++) {
		free(rc->spans[i].id);
		free(rc->spans[i].name);
	}
	free(rc->spans);
	rc->spans = NULL;
	rc->nspans = 0;
}

static void
card_request(const struct route_card *rc, struct route_request *q)
{
	q->urgency = rc->answer[RQ_URGENCY];
	q->stage = rc->answer[RQ_STAGE];
	q->from = rc->answer[RQ_FROM];
}

/* Whether question k was asked (answered) already. */
static int
card_asked(const struct route_card *rc, int k)
{
	size_t	i;

	for (i = 0; i < rc->nasked; i++) {
		if (rc->asked[i] == k)
			return 1;
	}
	return 0;
}

/* The breadcrumb part: the measure, then the answers ("› urgent"). */
static void
card_title(struct view *v, const char *measure)
{
	struct route_card	*rc = v->data;
	struct route_request	 q;
	char			*label, *req;

	card_request(rc, &q);
	label = sanitize(present_label(VOCAB_MEASURE, measure), SANITIZE_LINE);
	req = present_route_request_text(&q, &v->app->ctx);
	free(v->title);
	if (*req != '\0')
		v->title = xasprintf("%s %s %s", label,
		    charset_glyph(GLYPH_CRUMB), req);
	else
		v->title = xstrdup(label);
	free(req);
	free(label);
}

/* The question's answers as rows, the proposed one selected. */
static void
card_ask(struct view *v, int question)
{
	struct route_card	*rc = v->data;
	const char		*answers[PRESENT_ROUTE_ANSWERS_MAX];
	const char		*own = v->app->opts->own_country;
	struct row		*r;
	size_t			 n, i, first, own_at = (size_t)-1;
	size_t			 other_at = (size_t)-1;

	rc->question = question;
	view_add_header(v, present_route_question_text(question));
	n = present_route_answers(&rc->routes, question, answers,
	    PRESENT_ROUTE_ANSWERS_MAX);
	first = v->head.n;
	for (i = 0; i < n; i++) {
		r = rows_add(&v->head);
		r->id = xstrdup(answers[i]);
		r->col[0] = present_route_answer_text(question, answers[i],
		    &v->app->ctx);
		if (own != NULL && strcasecmp(answers[i], own) == 0)
			own_at = first + i;
		if (*answers[i] == '\0')
			other_at = first + i;
	}
	/*
	 * The requesting State: the officer's own is proposed, or "another
	 * State" when the routes name it nowhere.
	 */
	v->sel = first;
	if (question == RQ_FROM && own != NULL && *own != '\0')
		v->sel = own_at != (size_t)-1 ? own_at : other_at !=
		    (size_t)-1 ? other_at : first;
}

/* A route's card: its heading, its fields (naming its contact for v). */
static enum cache_status
card_route(struct view *v, struct out_item *it, size_t place,
    size_t *focus)
{
	struct route_card	*rc = v->data;
	struct present_fields	 fs;
	struct cache_filter	 f;
	struct out_list		 auth, contact;
	struct cache_flag	*flags = NULL;
	struct card_span	*sp;
	enum cache_status	 st;
	const char		*id;
	char			*h;
	size_t			 fo, first, nflags = 0;
	int			 type;

	out_list_init(&auth);
	out_list_init(&contact);
	memset(&f, 0, sizeof f);
	f.type = REC_AUTHORITY;
	f.id = it->rec.v[ROUTE_AUTHORITY].s;
	st = cache_list(v->app->cache, &f, out_list_add_cb, &auth);
	if (st == CACHE_OK && it->rec.v[ROUTE_CONTACT].s != NULL) {
		f.type = REC_CONTACT;
		f.id = it->rec.v[ROUTE_CONTACT].s;
		st = cache_list(v->app->cache, &f, out_list_add_cb, &contact);
	}
	if (st != CACHE_OK && st != CACHE_ERR_NOTFOUND) {
		out_list_free(&auth);
		out_list_free(&contact);
		return st;
	}
	first = v->head.n;
	h = present_route_heading(it, place, &v->app->ctx);
	view_add_header(v, h);
	free(h);
	memset(&fs, 0, sizeof fs);
	present_route_fields(it, auth.n > 0 ? &auth.v[0] : NULL,
	    contact.n > 0 ? &contact.v[0] : NULL, &v->app->ctx, &fs);
	/* The officer's note and flags on this route, as on every record. */
	if (cache_flags_list(v->app->cache, CACHE_FLAGS_ALL, REC_ROUTE,
	    record_key(&it->rec), &flags, &nflags) == CACHE_OK) {
		it->flags = flags;
		it->nflags = nflags;
	}
	present_fields_own(it, &fs);
	it->flags = NULL;
	it->nflags = 0;
	cache_flags_free(flags, nflags);
	/* v saves, * stars, the one to write to: the contact, else the authority. */
	id = contact.n > 0 ? it->rec.v[ROUTE_CONTACT].s :
	    auth.n > 0 ? it->rec.v[ROUTE_AUTHORITY].s : NULL;
	type = contact.n > 0 ? REC_CONTACT : REC_AUTHORITY;
	fo = view_add_fields(v, &fs, id, type);
	if (*focus == (size_t)-1)
		*focus = fo;
	/* n and f on these rows write to the route (card_key). */
	rc->spans = xreallocarray(rc->spans, rc->nspans + 1,
	    sizeof *rc->spans);
	sp = &rc->spans[rc->nspans++];
	sp->first = first;
	sp->end = v->head.n;
	sp->id = xstrdup(record_key(&it->rec));
	sp->name = sanitize(present_label(VOCAB_MEASURE,
	    it->rec.v[ROUTE_MEASURE].s), SANITIZE_LINE);
	present_fields_free(&fs);
	out_list_free(&auth);
	out_list_free(&contact);
	return CACHE_OK;
}

/* The cards of the routes that apply, then the others, dim. */
static enum cache_status
card_cards(struct view *v)
{
	struct route_card	*rc = v->data;
	struct route_request	 q;
	enum cache_status	 st;
	char			*s, *line;
	size_t			 i, place = 0, focus = (size_t)-1, left;

	rc->question = -1;
	card_spans_free(rc);
	card_request(rc, &q);
	left = rc->routes.n - present_routes_applying(&rc->routes, &q);
	if (left == rc->routes.n)
		view_add_text(v, _("No route applies to this request: Esc "
		    "changes the answers."), ROW_WARN);
	for (i = 0; i < rc->routes.n; i++) {
		if (!present_route_applies(&rc->routes.v[i].rec, &q))
			continue;
		if (place > 0)
			view_add_text(v, "", 0);
		if ((st = card_route(v, &rc->routes.v[i], ++place, &focus)) !=
		    CACHE_OK)
			return st;
	}
	if (left > 0) {
		view_add_text(v, "", 0);
		view_add_header(v, P_("Does not apply to this request:",
		    "Do not apply to this request:", left));
		for (i = 0; i < rc->routes.n; i++) {
			if (present_route_applies(&rc->routes.v[i].rec, &q))
				continue;
			s = present_route_summary(&rc->routes.v[i],
			    &v->app->ctx);
			line = xasprintf("  %s", s);
			view_add_text(v, line, ROW_DIM);
			free(line);
			free(s);
		}
	}
	/* The e-mail of the first route: what y copies. */
	v->sel = focus != (size_t)-1 ? focus : 0;
	return CACHE_OK;
}

static void
card_clear_routes(struct route_card *rc)
{
	out_list_free(&rc->routes);
	out_list_init(&rc->routes);
}

static enum cache_status
card_load(struct view *v)
{
	struct route_card	*rc;
	struct cache_filter	 f;
	struct route_request	 q;
	enum cache_status	 st;
	const char		*sep;
	int			 next;

	if (v->data == NULL) {
		rc = xcalloc(1, sizeof *rc);
		out_list_init(&rc->routes);
		if (strncmp(v->arg, ROUTE_ARG_ONE, 1) != 0 &&
		    (sep = strstr(v->arg, ROUTE_ARG_SEP)) != NULL) {
			rc->cc = xstrndup(v->arg, (size_t)(sep - v->arg));
			rc->measure = xstrdup(sep + 1);
		}
		v->data = rc;
	}
	rc = v->data;
	card_clear_routes(rc);
	v->label_width = 0;
	memset(&f, 0, sizeof f);
	f.type = REC_ROUTE;
	if (rc->measure != NULL) {
		f.country = rc->cc;
		f.measure = rc->measure;
	} else
		f.id = v->arg + 1;
	st = cache_list(v->app->cache, &f, out_list_add_cb, &rc->routes);
	if (st != CACHE_OK && st != CACHE_ERR_NOTFOUND)
		return st;
	if (rc->routes.n == 0) {
		view_add_text(v, _("This route is no longer in the directory."),
		    ROW_WARN);
		return CACHE_OK;
	}
	card_request(rc, &q);
	present_routes_rank(&rc->routes, &q);
	card_title(v, rc->routes.v[0].rec.v[ROUTE_MEASURE].s);
	if (rc->measure != NULL) {
		next = present_route_next_question(&rc->routes, &q,
		    card_asked(rc, RQ_FROM));
		if (next >= 0) {
			card_ask(v, next);
			return CACHE_OK;
		}
	}
	return card_cards(v);
}

/* Loads again after an answer given or taken back. */
static void
card_refresh(struct view *v)
{
	rows_free(&v->head);
	view_invalidate(v);
	v->total = 0;
	v->sel = v->top = 0;
	app_cache_error(v->app, card_load(v));
}

static void
card_draw_row(struct view *v, const struct row *r, int y, int width,
    int selected)
{
	char	*line;

	(void)v;
	/* An answer to the question: "› urgent". */
	line = xasprintf(" %s %s", selected ? charset_glyph(GLYPH_CRUMB) : " ",
	    r->col[0] != NULL ? r->col[0] : "");
	/* Laid out right to left, the cursor too: "answer ‹". */
	display_ui_text(y, 0, width, width, line, selected ? STYLE_SELECTED :
	    STYLE_NORMAL);
	free(line);
}

static void
card_open(struct view *v, const struct row *r)
{
	struct route_card	*rc = v->data;
	char			*cc, *code;

	/* "Instead": the measure to ask for instead, in the same country. */
	if ((r->flags & ROW_FIELD) && r->link != NULL &&
	    r->link_type == PF_LINK_MEASURE) {
		cc = xstrdup(rc->cc != NULL ? rc->cc :
		    rc->routes.n > 0 ? rc->routes.v[0].rec.v[ROUTE_COUNTRY].s :
		    "");
		code = xstrdup(r->link);
		route_open_measure(v->app, cc, code);
		free(cc);
		free(code);
		return;
	}
	if (rc->question < 0 || r->id == NULL || (r->flags & ROW_FIELD))
		return;
	free(rc->answer[rc->question]);
	rc->answer[rc->question] = xstrdup(r->id);
	rc->asked[rc->nasked++] = rc->question;
	card_refresh(v);
}

static int
card_key(struct view *v, const struct input_event *ev)
{
	struct route_card	*rc = v->data;
	struct row		 r;
	enum action		 a;
	size_t			 i;
	int			 k;

	/* n and f: the note and the flag of the route the cursor is on. */
	if (ev->kind == INPUT_KEY && rc != NULL &&
	    ((a = keys_record_lookup(ev->key)) == ACT_NOTE || a == ACT_FLAG)) {
		for (i = 0; i < rc->nspans; i++) {
			if (v->sel >= rc->spans[i].first &&
			    v->sel < rc->spans[i].end)
				break;
		}
		if (i == rc->nspans)
			return 0;
		memset(&r, 0, sizeof r);
		r.id = rc->spans[i].id;
		r.type = REC_ROUTE;
		r.name = rc->spans[i].name;
		if (a == ACT_NOTE)
			view_note(v, &r);
		else
			view_flag(v, &r);
		return 1;
	}

	/* Esc takes back the last answer; with none it leaves. */
	if (ev->kind != INPUT_KEY || ev->action != ACT_BACK || rc == NULL ||
	    rc->nasked == 0)
		return 0;
	k = rc->asked[--rc->nasked];
	free(rc->answer[k]);
	rc->answer[k] = NULL;
	card_refresh(v);
	return 1;
}

static void
card_close(struct view *v)
{
	struct route_card	*rc = v->data;
	size_t			 i;

	if (rc == NULL)
		return;
	out_list_free(&rc->routes);
	card_spans_free(rc);
	for (i = 0; i < RQ_COUNT; i++)
		free(rc->answer[i]);
	free(rc->cc);
	free(rc->measure);
	free(rc);
	v->data = NULL;
}

const struct view_ops view_route_card_ops = {
	.name = "Route",
	.wraps = 1,
	.load = card_load,
	.draw_row = card_draw_row,
	.open_row = card_open,
	.key = card_key,
	.close = card_close,
};
