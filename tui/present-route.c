/*
 * present-route.c: routes as a person reads them, for both front ends.
 * Which routes apply to a request (urgency, stage, the requesting
 * State: "any" or nothing matches every request), their order (informal
 * before formal, then by rank as a decimal, a measure that is not
 * possible last), which questions change the answer and so are worth
 * asking, the measures a country has, and a route's card: its
 * authority and contact with their local time now, channel, languages
 * with their conditions, requirements as a checklist, legal basis,
 * verified date with its stale mark, source. No curses, no stdout.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/i18n.h"
#include "tui/present.h"

/* ---- applicability and order ------------------------------------------- */

/* "any", an empty value and no value at all match every request. */
static int
route_any(const char *v)
{
	return v == NULL || *v == '\0' || strcmp(v, "any") == 0;
}

int
present_route_applies(const struct record *r, const struct route_request *q)
{
	const struct record_value	*from;
	size_t				 i;

	if (r->type != REC_ROUTE)
		return 0;
	if (q == NULL)
		return 1;
	if (q->urgency != NULL && !route_any(r->v[ROUTE_URGENCY].s) &&
	    strcmp(r->v[ROUTE_URGENCY].s, q->urgency) != 0)
		return 0;
	if (q->stage != NULL && !route_any(r->v[ROUTE_STAGE].s) &&
	    strcmp(r->v[ROUTE_STAGE].s, q->stage) != 0)
		return 0;
	from = &r->v[ROUTE_FROM_COUNTRIES];
	if (q->from == NULL || from->n == 0)
		return 1;
	for (i = 0; i < from->n; i++) {
		if (strcasecmp(from->list[i], q->from) == 0)
			return 1;
	}
	return 0;
}

/* Informal first, then formal, then a formality not given or not known. */
static int
route_formality_order(const char *f)
{
	if (f != NULL && strcmp(f, "informal") == 0)
		return 0;
	if (f != NULL && strcmp(f, "formal") == 0)
		return 1;
	return 2;
}

int
present_route_cmp(const struct record *a, const struct record *b)
{
	const char	*ra = a->v[ROUTE_RANK].s, *rb = b->v[ROUTE_RANK].s;
	int		 c, va, vb;

	c = (a->v[ROUTE_NOT_POSSIBLE].s != NULL) -
	    (b->v[ROUTE_NOT_POSSIBLE].s != NULL);
	if (c != 0)
		return c;
	c = route_formality_order(a->v[ROUTE_FORMALITY].s) -
	    route_formality_order(b->v[ROUTE_FORMALITY].s);
	if (c != 0)
		return c;
	/* A rank that is there (and a decimal) before one that is not. */
	va = ra != NULL && record_decimal_valid(ra);
	vb = rb != NULL && record_decimal_valid(rb);
	if (va != vb)
		return vb - va;
	if (va && (c = record_decimal_cmp(ra, rb)) != 0)
		return c;
	return strcmp(record_key(a) != NULL ? record_key(a) : "",
	    record_key(b) != NULL ? record_key(b) : "");
}

static int
route_item_cmp(const void *a, const void *b)
{
	return present_route_cmp(&((const struct out_item *)a)->rec,
	    &((const struct out_item *)b)->rec);
}

void
present_routes_rank(struct out_list *l, const struct route_request *q)
{
	size_t	i;

	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, route_item_cmp);
	for (i = 0; i < l->n; i++)
		present_route_set_applies(&l->v[i], q != NULL ?
		    present_route_applies(&l->v[i].rec, q) : -1);
}

size_t
present_routes_applying(const struct out_list *l,
    const struct route_request *q)
{
	size_t	i, n = 0;

	for (i = 0; i < l->n; i++)
		n += present_route_applies(&l->v[i].rec, q);
	return n;
}

/* ---- the questions ------------------------------------------------------ */

static const char *const stage_answers[] = {
	"intelligence", "investigation", "prosecution", "trial", "enforcement"
};
static const char *const urgency_answers[] = { "urgent", "normal" };

static int
answers_have(const char *const *v, size_t n, const char *s)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(v[i], s) == 0)
			return 1;
	}
	return 0;
}

size_t
present_route_answers(const struct out_list *l, enum route_question q,
    const char **out, size_t max)
{
	const struct record_value	*from;
	const char			*v;
	size_t				 n = 0, i, k;

	switch (q) {
	case RQ_URGENCY:
		for (i = 0; i < 2 && n < max; i++)
			out[n++] = urgency_answers[i];
		break;
	case RQ_STAGE:
		for (i = 0; i < 5 && n < max; i++)
			out[n++] = stage_answers[i];
		/* A stage a publisher added is an answer too. */
		for (i = 0; i < l->n && n < max; i++) {
			v = l->v[i].rec.v[ROUTE_STAGE].s;
			if (!route_any(v) && !answers_have(out, n, v))
				out[n++] = v;
		}
		break;
	case RQ_FROM:
		for (i = 0; i < l->n; i++) {
			from = &l->v[i].rec.v[ROUTE_FROM_COUNTRIES];
			for (k = 0; k < from->n && n < max; k++) {
				if (*from->list[k] != '\0' &&
				    !answers_have(out, n, from->list[k]))
					out[n++] = from->list[k];
			}
		}
		/* Another State than those: "" (only when some are named). */
		if (n > 0 && n < max)
			out[n++] = "";
		break;
	default:
		break;
	}
	return n;
}

/* The request with question q answered by a. */
static struct route_request
route_request_with(const struct route_request *q, enum route_question which,
    const char *a)
{
	struct route_request	r;

	if (q != NULL)
		r = *q;
	else
		memset(&r, 0, sizeof r);
	switch (which) {
	case RQ_URGENCY:
		r.urgency = a;
		break;
	case RQ_STAGE:
		r.stage = a;
		break;
	case RQ_FROM:
		/* "" (another State) matches no route that names its States. */
		r.from = a;
		break;
	default:
		break;
	}
	return r;
}

int
present_route_question_matters(const struct out_list *l,
    enum route_question which, const struct route_request *q)
{
	struct route_request	 r;
	const char		*answers[PRESENT_ROUTE_ANSWERS_MAX];
	unsigned char		*first;
	size_t			 na, a, i;
	int			 differs = 0;

	na = present_route_answers(l, which, answers,
	    PRESENT_ROUTE_ANSWERS_MAX);
	if (na < 2 || l->n == 0)
		return 0;
	first = xcalloc(l->n, 1);
	for (a = 0; a < na && !differs; a++) {
		r = route_request_with(q, which, answers[a]);
		for (i = 0; i < l->n && !differs; i++) {
			if (a == 0)
				first[i] = (unsigned char)present_route_applies(
				    &l->v[i].rec, &r);
			else if (first[i] != present_route_applies(
			    &l->v[i].rec, &r))
				differs = 1;
		}
	}
	free(first);
	return differs;
}

int
present_route_next_question(const struct out_list *l,
    const struct route_request *q, int from_asked)
{
	if ((q == NULL || q->urgency == NULL) &&
	    present_route_question_matters(l, RQ_URGENCY, q))
		return RQ_URGENCY;
	if ((q == NULL || q->stage == NULL) &&
	    present_route_question_matters(l, RQ_STAGE, q))
		return RQ_STAGE;
	if (!from_asked && (q == NULL || q->from == NULL) &&
	    present_route_question_matters(l, RQ_FROM, q))
		return RQ_FROM;
	return -1;
}

const char *
present_route_question_text(enum route_question q)
{
	switch (q) {
	case RQ_URGENCY:
		return _("Is the request urgent?");
	case RQ_STAGE:
		return _("At which stage is the case?");
	case RQ_FROM:
		return _("Which State is asking?");
	default:
		return "";
	}
}

/* The name of a State: "France (FR)" when the context knows it. */
static char *
route_country_text(const char *code, const struct present_ctx *ctx)
{
	const char	*name = NULL;

	if (ctx != NULL && ctx->country_name != NULL && code != NULL)
		name = ctx->country_name(ctx->country_arg, code);
	if (name == NULL || *name == '\0')
		return sanitize(code, SANITIZE_LINE);
	return sanitize(name, SANITIZE_LINE);
}

char *
present_route_answer_text(enum route_question q, const char *a,
    const struct present_ctx *ctx)
{
	switch (q) {
	case RQ_URGENCY:
		return sanitize(present_label(VOCAB_URGENCY, a), SANITIZE_LINE);
	case RQ_STAGE:
		return sanitize(present_label(VOCAB_STAGE, a), SANITIZE_LINE);
	case RQ_FROM:
		if (a == NULL || *a == '\0')
			return xstrdup(_("another State"));
		return route_country_text(a, ctx);
	default:
		return xstrdup("");
	}
}

char *
present_route_request_text(const struct route_request *q,
    const struct present_ctx *ctx)
{
	struct buf	 b;
	char		*part[RQ_COUNT], *from;
	size_t		 i;

	memset(part, 0, sizeof part);
	if (q != NULL && q->urgency != NULL)
		part[RQ_URGENCY] = present_route_answer_text(RQ_URGENCY,
		    q->urgency, ctx);
	if (q != NULL && q->stage != NULL)
		part[RQ_STAGE] = present_route_answer_text(RQ_STAGE, q->stage,
		    ctx);
	if (q != NULL && q->from != NULL) {
		from = present_route_answer_text(RQ_FROM, q->from, ctx);
		/* TRANSLATORS: the requesting State in a breadcrumb. */
		part[RQ_FROM] = xasprintf(_("from %s"), from);
		free(from);
	}
	buf_init(&b);
	for (i = 0; i < RQ_COUNT; i++) {
		if (part[i] == NULL)
			continue;
		if (b.len > 0)
			buf_addf(&b, " %s ", charset_glyph(GLYPH_CRUMB));
		buf_adds(&b, part[i]);
		free(part[i]);
	}
	if (b.len == 0)
		buf_adds(&b, "");
	return buf_detach(&b);
}

/* ---- words for a route's codes ----------------------------------------- */

/*
 * A label with one "%s" (a language condition's, from globe's own
 * table or its translation) filled with arg; "%%" is "%". Caller frees.
 */
static char *
route_fill(const char *fmt, const char *arg)
{
	struct buf	 b;
	const char	*p;
	int		 done = 0;

	buf_init(&b);
	for (p = fmt; *p != '\0'; p++) {
		if (p[0] == '%' && p[1] == 's' && !done) {
			buf_adds(&b, arg);
			done = 1;
			p++;
		} else if (p[0] == '%' && p[1] == '%') {
			buf_addc(&b, '%');
			p++;
		} else
			buf_addc(&b, *p);
	}
	if (!done) {
		/* A label without its "%s": the language stays said. */
		buf_addf(&b, "%s%s", b.len > 0 ? " " : "", arg);
	}
	return buf_detach(&b);
}

char *
present_route_language(const char *item)
{
	const char	*colon;
	char		*code, *cond, *name, *out;

	if (item == NULL)
		return xstrdup("");
	if ((colon = strchr(item, ':')) == NULL)
		return sanitize(present_label(VOCAB_LANGUAGE, item),
		    SANITIZE_LINE);
	code = xstrndup(item, (size_t)(colon - item));
	cond = xstrdup(colon + 1);
	name = sanitize(present_label(VOCAB_LANGUAGE, code), SANITIZE_LINE);
	if (vocab_find(VOCAB_LANG_CONDITION, cond) != NULL) {
		/* "%s only if urgent", from globe's own table. */
		out = route_fill(present_label(VOCAB_LANG_CONDITION, cond),
		    name);
	} else {
		free(cond);
		cond = sanitize(colon + 1, SANITIZE_LINE);
		/* TRANSLATORS: a language and a condition globe does not know. */
		out = xasprintf(_("%s (%s)"), name, cond);
	}
	free(name);
	free(code);
	free(cond);
	return out;
}

char *
present_route_applies_to(const struct record *r,
    const struct present_ctx *ctx)
{
	const struct record_value	*from;
	const char			*u, *st;
	struct buf			 b;
	char				*s;
	size_t				 i;

	u = r->v[ROUTE_URGENCY].s;
	st = r->v[ROUTE_STAGE].s;
	from = &r->v[ROUTE_FROM_COUNTRIES];
	buf_init(&b);
	if (!route_any(u)) {
		if (strcmp(u, "urgent") == 0)
			buf_adds(&b, _("urgent requests only"));
		else if (strcmp(u, "normal") == 0)
			buf_adds(&b, _("requests that are not urgent"));
		else {
			s = sanitize(u, SANITIZE_LINE);
			/* TRANSLATORS: an urgency globe does not know. */
			buf_addf(&b, _("urgency: %s"), s);
			free(s);
		}
	}
	if (!route_any(st)) {
		s = sanitize(present_label(VOCAB_STAGE, st), SANITIZE_LINE);
		if (b.len > 0)
			buf_adds(&b, present_sep_items());
		/* TRANSLATORS: the stage of the case a route serves. */
		buf_addf(&b, _("at the stage of %s"), s);
		free(s);
	}
	if (from->n > 0) {
		struct buf	names;

		buf_init(&names);
		for (i = 0; i < from->n; i++) {
			s = route_country_text(from->list[i], ctx);
			buf_addf(&names, "%s%s", i > 0 ? present_sep_list() :
			    "", s);
			free(s);
		}
		if (b.len > 0)
			buf_adds(&b, present_sep_items());
		/* TRANSLATORS: %s lists the States a route serves. */
		buf_addf(&b, _("requests from %s only"), names.data);
		buf_free(&names);
	}
	if (b.len == 0)
		buf_adds(&b, _("every request"));
	return buf_detach(&b);
}

char *
present_route_summary(const struct out_item *it,
    const struct present_ctx *ctx)
{
	const struct record	*r = &it->rec;
	struct buf		 b;
	const char		*dot = charset_glyph(GLYPH_DOT);
	char			*s;

	buf_init(&b);
	if (r->v[ROUTE_NOT_POSSIBLE].s != NULL) {
		s = sanitize(r->v[ROUTE_NOT_POSSIBLE].s, SANITIZE_LINE);
		/* TRANSLATORS: the measure cannot be had, and why. */
		buf_addf(&b, _("not possible: %s"), s);
		free(s);
		return buf_detach(&b);
	}
	if (r->v[ROUTE_FORMALITY].s != NULL) {
		s = sanitize(present_label_brief(VOCAB_FORMALITY,
		    r->v[ROUTE_FORMALITY].s), SANITIZE_LINE);
		buf_adds(&b, s);
		free(s);
	}
	if (r->v[ROUTE_CHANNEL].s != NULL) {
		s = sanitize(present_label_brief(VOCAB_CHANNEL,
		    r->v[ROUTE_CHANNEL].s), SANITIZE_LINE);
		buf_addf(&b, "%s%s%s%s", b.len > 0 ? " " : "",
		    b.len > 0 ? dot : "", b.len > 0 ? " " : "", s);
		free(s);
	}
	if (!route_any(r->v[ROUTE_URGENCY].s) || !route_any(r->v[ROUTE_STAGE].s) ||
	    r->v[ROUTE_FROM_COUNTRIES].n > 0) {
		s = present_route_applies_to(r, ctx);
		buf_addf(&b, "%s%s%s%s", b.len > 0 ? " " : "",
		    b.len > 0 ? dot : "", b.len > 0 ? " " : "", s);
		free(s);
	}
	if (b.len == 0)
		buf_adds(&b, "");
	return buf_detach(&b);
}

/* ---- the measures of a country ----------------------------------------- */

/* The place of a measure: the vocabulary's order, then unknown codes. */
static size_t
measure_order(const char *code)
{
	const struct vocab_code	*v;
	size_t			 n, i;

	v = vocab_table(VOCAB_MEASURE, &n);
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].code, code) == 0)
			return i;
	}
	return n;
}

static int
measure_cmp(const void *a, const void *b)
{
	const struct present_measure	*x = a, *y = b;
	size_t				 ox, oy;

	ox = measure_order(x->code);
	oy = measure_order(y->code);
	if (ox != oy)
		return ox < oy ? -1 : 1;
	return strcmp(x->code, y->code);
}

size_t
present_route_measures(const struct out_list *l, struct present_measure **out)
{
	struct present_measure	*v = NULL, *m;
	const struct record	*r;
	size_t			 n = 0, i, k;

	for (i = 0; i < l->n; i++) {
		r = &l->v[i].rec;
		if (r->type != REC_ROUTE || r->v[ROUTE_MEASURE].s == NULL)
			continue;
		for (k = 0; k < n; k++) {
			if (strcmp(v[k].code, r->v[ROUTE_MEASURE].s) == 0)
				break;
		}
		if (k == n) {
			v = xreallocarray(v, n + 1, sizeof *v);
			memset(&v[n], 0, sizeof v[n]);
			v[n].code = r->v[ROUTE_MEASURE].s;
			n++;
		}
		m = &v[k];
		m->all++;
		if (r->v[ROUTE_NOT_POSSIBLE].s == NULL)
			m->routes++;
		else if (m->not_possible == NULL) {
			m->not_possible = r->v[ROUTE_NOT_POSSIBLE].s;
			m->alternative = r->v[ROUTE_ALTERNATIVE].s;
		}
	}
	if (n > 1)
		qsort(v, n, sizeof *v, measure_cmp);
	*out = v;
	return n;
}

const struct present_measure *
present_measure_find(const struct present_measure *v, size_t n,
    const char *code)
{
	size_t	i;

	for (i = 0; code != NULL && i < n; i++) {
		if (strcmp(v[i].code, code) == 0)
			return &v[i];
	}
	return NULL;
}

char *
present_measure_note(const struct present_measure *m)
{
	char	*why, *alt, *s;

	if (m->routes > 0 || m->not_possible == NULL) {
		/* TRANSLATORS: how many routes a country has for a measure. */
		return xasprintf(P_("%zu route", "%zu routes", m->routes),
		    m->routes);
	}
	why = sanitize(m->not_possible, SANITIZE_LINE);
	if (m->alternative == NULL || *m->alternative == '\0') {
		s = xasprintf(_("not possible: %s"), why);
		free(why);
		return s;
	}
	alt = sanitize(present_label(VOCAB_MEASURE, m->alternative),
	    SANITIZE_LINE);
	/* TRANSLATORS: why a measure is not possible, and what to ask instead. */
	s = xasprintf(_("not possible: %s %s instead: %s"), why,
	    charset_glyph(GLYPH_DOT), alt);
	free(why);
	free(alt);
	return s;
}

/* ---- the card of a route ------------------------------------------------ */

/* Appends a field to fs (text owned by the field). */
static struct present_field *
card_add(struct present_fields *fs, const char *key, const char *label,
    char *text)
{
	struct present_field	*f;

	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 16;
		fs->v = xreallocarray(fs->v, fs->cap, sizeof *fs->v);
	}
	f = &fs->v[fs->n++];
	memset(f, 0, sizeof *f);
	f->key = key;
	f->label = label;
	f->text = text;
	f->link_type = -1;
	return f;
}

/* "name (ACRONYM)", or the id when the record is not there; sanitized. */
static char *
card_name(const char *name, const char *acronym, const char *id)
{
	if (name == NULL || *name == '\0')
		return sanitize(id, SANITIZE_IDENT);
	return present_name_code(name, acronym);
}

/* The local time in tz, or what is known of the hours; NULL: nothing. */
static char *
card_time(const char *tz, const char *hours, const struct present_ctx *ctx)
{
	char	out[128], *h;

	if (tz != NULL && *tz != '\0') {
		if (layout_local_time(tz, hours, present_now(ctx), out,
		    sizeof out) == 0)
			return xstrdup(out);
		return xstrdup(_("unknown time zone"));
	}
	if (hours == NULL || *hours == '\0')
		return NULL;
	if (layout_hours_always(hours))
		return xstrdup(_("24/7"));
	h = sanitize(hours, SANITIZE_LINE);
	/* TRANSLATORS: office hours without a time zone to place them in. */
	snprintf(out, sizeof out, _("%s (time zone not given)"), h);
	free(h);
	return xstrdup(out);
}

/* The checklist of a route's requirements, one "[ ] label" a line. */
static char *
card_checklist(const struct record *r)
{
	const struct record_value	*v = &r->v[ROUTE_REQUIREMENTS];
	struct buf			 b;
	size_t				 i;
	char				*s;

	buf_init(&b);
	for (i = 0; i < v->n; i++) {
		s = sanitize(present_label(VOCAB_REQUIREMENT, v->list[i]),
		    SANITIZE_LINE);
		buf_addf(&b, "%s[ ] %s", b.len > 0 ? "\n" : "", s);
		free(s);
	}
	if (r->v[ROUTE_REQUIREMENTS_TEXT].s != NULL &&
	    *r->v[ROUTE_REQUIREMENTS_TEXT].s != '\0') {
		s = sanitize(r->v[ROUTE_REQUIREMENTS_TEXT].s, SANITIZE_LINE);
		buf_addf(&b, "%s%s", b.len > 0 ? "\n" : "", s);
		free(s);
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* A route's languages written out: "Portuguese; English only if urgent". */
static char *
card_languages(const struct record_value *v)
{
	struct buf	 b;
	size_t		 i;
	char		*s;

	if (v->n == 0)
		return NULL;
	buf_init(&b);
	for (i = 0; i < v->n; i++) {
		s = present_route_language(v->list[i]);
		buf_addf(&b, "%s%s", i > 0 ? present_sep_items() : "", s);
		free(s);
	}
	return buf_detach(&b);
}

static void
card_copy(struct present_field *f, const char *value, const char *what,
    int ident)
{
	f->copy = xstrdup(value);
	f->copy_what = what;
	if (ident)
		f->flags |= PF_IDENT;
}

void
present_route_fields(const struct out_item *it, const struct out_item *auth,
    const struct out_item *contact, const struct present_ctx *ctx,
    struct present_fields *out)
{
	const struct record	*r = &it->rec, *a, *c;
	struct present_field	*f;
	const char		*email = NULL, *phone = NULL, *s;
	char			*t;
	int			 stale;

	a = auth != NULL ? &auth->rec : NULL;
	c = contact != NULL ? &contact->rec : NULL;
	out->type = REC_ROUTE;
	f = card_add(out, "measure", _("Measure"), sanitize(present_label(
	    VOCAB_MEASURE, r->v[ROUTE_MEASURE].s), SANITIZE_LINE));
	if (r->v[ROUTE_NOT_POSSIBLE].s != NULL) {
		f = card_add(out, "not_possible", _("Not possible"),
		    sanitize(r->v[ROUTE_NOT_POSSIBLE].s, SANITIZE_LINE));
		f->flags |= PF_WARN;
		if ((s = r->v[ROUTE_ALTERNATIVE].s) != NULL && *s != '\0') {
			f = card_add(out, "alternative", _("Instead"),
			    sanitize(present_label(VOCAB_MEASURE, s),
			    SANITIZE_LINE));
			/* Enter asks for that measure (the route screens). */
			f->link = xstrdup(s);
			f->link_type = PF_LINK_MEASURE;
		}
	}
	f = card_add(out, "authority", _("Authority"), card_name(
	    a != NULL ? a->v[AUTH_NAME].s : it->authority_name,
	    a != NULL ? a->v[AUTH_ACRONYM].s : it->authority_acronym,
	    r->v[ROUTE_AUTHORITY].s));
	if (a != NULL || it->authority_name != NULL) {
		f->link = xstrdup(r->v[ROUTE_AUTHORITY].s);
		f->link_type = REC_AUTHORITY;
	}
	f->copy = xstrdup(r->v[ROUTE_AUTHORITY].s);
	if ((t = card_time(r->v[ROUTE_TIMEZONE].s, r->v[ROUTE_HOURS].s,
	    ctx)) != NULL)
		card_add(out, "local_time", _("Local time"), t);
	if (r->v[ROUTE_CONTACT].s != NULL) {
		f = card_add(out, "contact", _("Contact"), card_name(
		    c != NULL ? c->v[CONTACT_NAME].s : it->contact_name, NULL,
		    r->v[ROUTE_CONTACT].s));
		if (c != NULL && c->v[CONTACT_ROLE].s != NULL) {
			t = sanitize(present_label(VOCAB_ROLE,
			    c->v[CONTACT_ROLE].s), SANITIZE_LINE);
			s = f->text;
			f->text = xasprintf("%s, %s", s, t);
			free((char *)s);
			free(t);
		}
		if (c != NULL || it->contact_name != NULL) {
			f->link = xstrdup(r->v[ROUTE_CONTACT].s);
			f->link_type = REC_CONTACT;
		}
		f->copy = xstrdup(r->v[ROUTE_CONTACT].s);
		if ((t = card_time(c != NULL ? c->v[CONTACT_TIMEZONE].s :
		    it->contact_timezone, c != NULL ? c->v[CONTACT_HOURS].s :
		    it->contact_hours, ctx)) != NULL)
			card_add(out, "contact_local_time", _("Local time"), t);
		if (c != NULL && c->v[CONTACT_LANGUAGES].n > 0)
			card_add(out, "contact_languages", _("Speaks"),
			    present_labels(VOCAB_LANGUAGE,
			    c->v[CONTACT_LANGUAGES].list,
			    c->v[CONTACT_LANGUAGES].n, 0, ", "));
		email = c != NULL ? c->v[CONTACT_EMAIL].s : it->contact_email;
		phone = c != NULL ? c->v[CONTACT_PHONE].s : NULL;
	}
	if ((email == NULL || *email == '\0') && a != NULL)
		email = a->v[AUTH_EMAIL].s;
	if ((phone == NULL || *phone == '\0') && a != NULL)
		phone = a->v[AUTH_PHONE].s;
	if (email != NULL && *email != '\0') {
		f = card_add(out, "email", _("E-mail"), sanitize(email,
		    SANITIZE_IDENT));
		card_copy(f, email, _("e-mail"), 1);
		f->flags |= PF_FOCUS;
	}
	if (phone != NULL && *phone != '\0') {
		f = card_add(out, "phone", _("Phone"), sanitize(phone,
		    SANITIZE_IDENT));
		card_copy(f, phone, _("phone"), 1);
	}
	if (r->v[ROUTE_CHANNEL].s != NULL || r->v[ROUTE_FORMALITY].s != NULL) {
		struct buf	b;

		buf_init(&b);
		if ((s = r->v[ROUTE_CHANNEL].s) != NULL) {
			t = sanitize(present_label(VOCAB_CHANNEL, s),
			    SANITIZE_LINE);
			buf_adds(&b, t);
			free(t);
		}
		if ((s = r->v[ROUTE_FORMALITY].s) != NULL) {
			t = sanitize(present_label(VOCAB_FORMALITY, s),
			    SANITIZE_LINE);
			buf_addf(&b, "%s%s%s%s", b.len > 0 ? " " : "",
			    b.len > 0 ? charset_glyph(GLYPH_DOT) : "",
			    b.len > 0 ? " " : "", t);
			free(t);
		}
		card_add(out, "channel", _("Channel"), buf_detach(&b));
	}
	card_add(out, "applies_to", _("Applies to"),
	    present_route_applies_to(r, ctx));
	if ((t = card_languages(&r->v[ROUTE_LANGUAGES])) != NULL)
		card_add(out, "languages", _("Languages"), t);
	if ((t = card_checklist(r)) != NULL)
		card_add(out, "requirements", _("Requirements"), t);
	if (r->v[ROUTE_LEGAL_BASIS].n > 0)
		card_add(out, "legal_basis", _("Legal basis"),
		    present_labels(VOCAB_LEGAL_BASIS, r->v[ROUTE_LEGAL_BASIS].list,
		    r->v[ROUTE_LEGAL_BASIS].n, 0, "; "));
	if ((s = r->v[ROUTE_NOTES].s) != NULL && *s != '\0') {
		f = card_add(out, "notes", _("Notes"), sanitize(s,
		    SANITIZE_LINE));
		f->copy = xstrdup(s);
	}
	if ((s = r->v[ROUTE_VERIFIED].s) != NULL && *s != '\0') {
		f = card_add(out, "verified", _("Verified"),
		    present_verified_text(s, ctx, &stale));
		if (stale)
			f->flags |= PF_WARN;
		f->copy = xstrdup(s);
	} else {
		f = card_add(out, "verified", _("Verified"),
		    xstrdup(_("never verified")));
		f->flags |= PF_WARN;
	}
	if ((s = r->v[ROUTE_SOURCE].s) != NULL && *s != '\0') {
		f = card_add(out, "source", _("Source"), sanitize(s,
		    SANITIZE_IDENT));
		card_copy(f, s, _("source"), 1);
	}
	f = card_add(out, "id", _("Id"), sanitize(r->v[ROUTE_ID].s,
	    SANITIZE_IDENT));
	f->copy = xstrdup(r->v[ROUTE_ID].s);
	f->flags |= PF_IDENT;
}

char *
present_route_line(const struct out_item *it, const struct present_ctx *ctx)
{
	char	*m, *s, *out;

	m = sanitize(present_label(VOCAB_MEASURE, it->rec.v[ROUTE_MEASURE].s),
	    SANITIZE_LINE);
	s = present_route_summary(it, ctx);
	if (*s == '\0')
		out = xstrdup(m);
	else
		/* TRANSLATORS: a measure, then how its route goes. */
		out = xasprintf(_("%s: %s"), m, s);
	free(m);
	free(s);
	return out;
}

char *
present_route_heading(const struct out_item *it, size_t place,
    const struct present_ctx *ctx)
{
	char	*s, *out;

	s = present_route_summary(it, ctx);
	if (*s == '\0') {
		free(s);
		/* TRANSLATORS: the place of a route among those shown. */
		return xasprintf(_("Route %zu"), place);
	}
	out = xasprintf(_("Route %zu: %s"), place, s);
	free(s);
	return out;
}

/* ---- what JSON and CSV add to a route ---------------------------------- */

void
present_route_set_applies(struct out_item *it, int applies)
{
	if (it->route != NULL)
		it->route->applies = applies;
}

/* The labels of a list's codes (static strings, translated). */
static const char **
route_labels(enum vocab voc, const struct record_value *v)
{
	const char	**l;
	size_t		  i;

	l = xcalloc(v->n + 1, sizeof *l);
	for (i = 0; i < v->n; i++)
		l[i] = present_label(voc, v->list[i]);
	return l;
}

static void
route_clock(const char *tz, const char *hours, time_t now, char *hm,
    int *answering)
{
	int	h, m;

	*answering = -1;
	hm[0] = '\0';
	if (tz == NULL || layout_local_parts(tz, hours, now, &h, &m,
	    answering) != 0)
		return;
	snprintf(hm, 8, "%02d:%02d", h, m);
}

void
present_route_annotate(struct out_item *it, const struct present_ctx *ctx)
{
	const struct record	*r = &it->rec;
	struct out_route	*x;
	time_t			 now = present_now(ctx);
	size_t			 i;

	if (r->type != REC_ROUTE)
		return;
	present_route_free(it->route);
	it->route = x = xcalloc(1, sizeof *x);
	x->applies = -1;
	x->nlanguages = r->v[ROUTE_LANGUAGES].n;
	x->languages = xcalloc(x->nlanguages + 1, sizeof *x->languages);
	for (i = 0; i < x->nlanguages; i++)
		x->languages[i] = present_route_language(
		    r->v[ROUTE_LANGUAGES].list[i]);
	x->requirements = route_labels(VOCAB_REQUIREMENT,
	    &r->v[ROUTE_REQUIREMENTS]);
	x->nrequirements = r->v[ROUTE_REQUIREMENTS].n;
	x->legal_basis = route_labels(VOCAB_LEGAL_BASIS,
	    &r->v[ROUTE_LEGAL_BASIS]);
	x->nlegal_basis = r->v[ROUTE_LEGAL_BASIS].n;
	x->applies_to = present_route_applies_to(r, ctx);
	route_clock(r->v[ROUTE_TIMEZONE].s, r->v[ROUTE_HOURS].s, now,
	    x->local_time, &x->answering);
	route_clock(it->contact_timezone, it->contact_hours, now,
	    x->contact_local_time, &x->contact_answering);
	/* Without a time zone, "24/7" still says someone answers. */
	if (x->local_time[0] == '\0' && layout_hours_always(r->v[ROUTE_HOURS].s))
		x->answering = 1;
}

void
present_route_free(struct out_route *x)
{
	size_t	i;

	if (x == NULL)
		return;
	for (i = 0; i < x->nlanguages; i++)
		free(x->languages[i]);
	free(x->languages);
	free(x->requirements);
	free(x->legal_basis);
	free(x->applies_to);
	free(x);
}
