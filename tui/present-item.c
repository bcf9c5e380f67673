/*
 * present-item.c: the list every CLI command fills (copies of cache rows)
 * and the one value getter all formats read it through (record fields by
 * their record_types[] names, then a table of extras), and a value's
 * sanitized one-line text. Every feed string is sanitized.
 */
#include "config.h"

#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/common.h"
#include "tui/present.h"

#define T(t)	(1 << (t))

/* A value made from the item when asked (a route's labels, its clock). */
typedef void	(*out_getter)(const struct out_item *, struct out_value *);

static void
get_label(struct out_value *v, enum vocab voc, const char *code)
{
	if (code == NULL)
		return;
	v->kind = OUTV_STRING;
	v->s = present_label(voc, code);
}

static void
get_measure_label(const struct out_item *it, struct out_value *v)
{
	get_label(v, VOCAB_MEASURE, it->rec.v[ROUTE_MEASURE].s);
}

static void
get_channel_label(const struct out_item *it, struct out_value *v)
{
	get_label(v, VOCAB_CHANNEL, it->rec.v[ROUTE_CHANNEL].s);
}

static void
get_formality_label(const struct out_item *it, struct out_value *v)
{
	get_label(v, VOCAB_FORMALITY, it->rec.v[ROUTE_FORMALITY].s);
}

static void
get_alternative_label(const struct out_item *it, struct out_value *v)
{
	get_label(v, VOCAB_MEASURE, it->rec.v[ROUTE_ALTERNATIVE].s);
}

static void
get_list(struct out_value *v, char *const *list, size_t n, int present)
{
	if (!present)
		return;
	v->kind = OUTV_LIST;
	v->list = list;
	v->n = n;
}

static void
get_language_labels(const struct out_item *it, struct out_value *v)
{
	if (it->route != NULL)
		get_list(v, it->route->languages, it->route->nlanguages,
		    it->rec.v[ROUTE_LANGUAGES].list != NULL);
}

static void
get_requirement_labels(const struct out_item *it, struct out_value *v)
{
	if (it->route != NULL)
		get_list(v, (char *const *)it->route->requirements,
		    it->route->nrequirements,
		    it->rec.v[ROUTE_REQUIREMENTS].list != NULL);
}

static void
get_legal_basis_labels(const struct out_item *it, struct out_value *v)
{
	if (it->route != NULL)
		get_list(v, (char *const *)it->route->legal_basis,
		    it->route->nlegal_basis,
		    it->rec.v[ROUTE_LEGAL_BASIS].list != NULL);
}

static void
get_applies_to(const struct out_item *it, struct out_value *v)
{
	if (it->route == NULL || it->route->applies_to == NULL)
		return;
	v->kind = OUTV_STRING;
	v->s = it->route->applies_to;
}

static void
get_bool(struct out_value *v, int b)
{
	if (b < 0)
		return;
	v->kind = OUTV_BOOL;
	v->num = b != 0;
}

static void
get_applies(const struct out_item *it, struct out_value *v)
{
	if (it->route != NULL)
		get_bool(v, it->route->applies);
}

static void
get_string(struct out_value *v, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	v->kind = OUTV_STRING;
	v->s = s;
}

static void
get_local_time(const struct out_item *it, struct out_value *v)
{
	if (it->route != NULL)
		get_string(v, it->route->local_time);
}

static void
get_answering(const struct out_item *it, struct out_value *v)
{
	if (it->route != NULL)
		get_bool(v, it->route->answering);
}

static void
get_contact_local_time(const struct out_item *it, struct out_value *v)
{
	if (it->route != NULL)
		get_string(v, it->route->contact_local_time);
}

static void
get_contact_answering(const struct out_item *it, struct out_value *v)
{
	if (it->route != NULL && it->rec.v[ROUTE_CONTACT].s != NULL)
		get_bool(v, it->route->contact_answering);
}

/* Known once present_list_mark_stale ran (the CLI's data formats). */
static void
get_stale(const struct out_item *it, struct out_value *v)
{
	get_bool(v, it->stale);
}

/*
 * Values an item carries besides its record, in output order: the same
 * for a record of one type in every list, so a person or an authority has
 * the same keys wherever it appears. A value is a member of the item
 * (off), or made by get.
 */
static const struct out_extra {
	const char	*name;
	int		 types;
	enum out_vkind	 kind;
	size_t		 off;
	out_getter	 get;
} out_extras[] = {
	{ "country", T(REC_CONTACT), OUTV_STRING,
	  offsetof(struct out_item, country), NULL },
	{ "country_name", T(REC_AUTHORITY) | T(REC_CONTACT) | T(REC_ROUTE),
	  OUTV_STRING, offsetof(struct out_item, country_name), NULL },
	{ "authority_name", T(REC_CONTACT) | T(REC_ROUTE), OUTV_STRING,
	  offsetof(struct out_item, authority_name), NULL },
	{ "authority_acronym", T(REC_CONTACT) | T(REC_ROUTE), OUTV_STRING,
	  offsetof(struct out_item, authority_acronym), NULL },
	{ "contact_name", T(REC_ROUTE), OUTV_STRING,
	  offsetof(struct out_item, contact_name), NULL },
	{ "contact_email", T(REC_ROUTE), OUTV_STRING,
	  offsetof(struct out_item, contact_email), NULL },
	{ "authorities", T(REC_COUNTRY), OUTV_NUMBER,
	  offsetof(struct out_item, authorities), NULL },
	{ "contacts", T(REC_COUNTRY) | T(REC_AUTHORITY), OUTV_NUMBER,
	  offsetof(struct out_item, contacts), NULL },
	{ "routes", T(REC_COUNTRY), OUTV_NUMBER,
	  offsetof(struct out_item, routes), NULL },
	{ "starred", T(REC_AUTHORITY) | T(REC_CONTACT), OUTV_BOOL,
	  offsetof(struct out_item, starred), NULL },
	{ "read", T(REC_NEWSLETTER), OUTV_BOOL,
	  offsetof(struct out_item, read), NULL },
	{ "measure_label", T(REC_ROUTE), OUTV_STRING, 0, get_measure_label },
	{ "channel_label", T(REC_ROUTE), OUTV_STRING, 0, get_channel_label },
	{ "formality_label", T(REC_ROUTE), OUTV_STRING, 0,
	  get_formality_label },
	{ "alternative_label", T(REC_ROUTE), OUTV_STRING, 0,
	  get_alternative_label },
	{ "language_labels", T(REC_ROUTE), OUTV_LIST, 0, get_language_labels },
	{ "requirement_labels", T(REC_ROUTE), OUTV_LIST, 0,
	  get_requirement_labels },
	{ "legal_basis_labels", T(REC_ROUTE), OUTV_LIST, 0,
	  get_legal_basis_labels },
	{ "applies_to", T(REC_ROUTE), OUTV_STRING, 0, get_applies_to },
	{ "applies", T(REC_ROUTE), OUTV_BOOL, 0, get_applies },
	{ "local_time", T(REC_ROUTE), OUTV_STRING, 0, get_local_time },
	{ "answering_now", T(REC_ROUTE), OUTV_BOOL, 0, get_answering },
	{ "contact_local_time", T(REC_ROUTE), OUTV_STRING, 0,
	  get_contact_local_time },
	{ "contact_answering_now", T(REC_ROUTE), OUTV_BOOL, 0,
	  get_contact_answering },
	/* Freshness and the officer's own: last, after the older keys. */
	{ "stale", T(REC_AUTHORITY) | T(REC_CONTACT) | T(REC_ROUTE), OUTV_BOOL,
	  0, get_stale },
	{ "note", T(REC_AUTHORITY) | T(REC_CONTACT) | T(REC_ROUTE),
	  OUTV_STRING, offsetof(struct out_item, note), NULL },
};
#define NEXTRAS (sizeof out_extras / sizeof out_extras[0])

void
out_list_init(struct out_list *l)
{
	memset(l, 0, sizeof *l);
}

static void
out_item_clear(struct out_item *it)
{
	record_clear(&it->rec);
	free(it->country);
	free(it->country_name);
	free(it->authority_name);
	free(it->authority_acronym);
	free(it->contact_name);
	free(it->contact_email);
	free(it->contact_timezone);
	free(it->contact_hours);
	free(it->note);
	present_route_free(it->route);
}

void
out_list_free(struct out_list *l)
{
	size_t	 i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		out_item_clear(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

void
out_list_keep(struct out_list *l, const unsigned char *keep)
{
	size_t	i, n = 0;

	for (i = 0; i < l->n; i++) {
		if (!keep[i]) {
			out_item_clear(&l->v[i]);
			continue;
		}
		if (n != i)
			l->v[n] = l->v[i];
		n++;
	}
	l->n = n;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

struct out_item *
out_list_add(struct out_list *l, const struct record *rec,
    const struct cache_extra *extra)
{
	const struct record_type_info	*ti = &record_types[rec->type];
	struct out_item			*it;
	size_t				 f, k;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	it = &l->v[l->n++];
	memset(it, 0, sizeof *it);
	it->rec.type = rec->type;
	it->stale = -1;
	for (f = 0; f < ti->nfields; f++) {
		if (ti->fields[f].kind == RF_STRING) {
			if (rec->v[f].s != NULL)
				record_set(&it->rec, (int)f, rec->v[f].s);
		} else if (rec->v[f].list != NULL) {
			for (k = 0; k < rec->v[f].n; k++)
				record_list_add(&it->rec, (int)f,
				    rec->v[f].list[k]);
		}
	}
	if (extra != NULL) {
		it->country = dup_or_null(extra->country);
		it->country_name = dup_or_null(extra->country_name);
		it->authority_name = dup_or_null(extra->authority_name);
		it->authority_acronym = dup_or_null(extra->authority_acronym);
		it->contact_name = dup_or_null(extra->contact_name);
		it->contact_email = dup_or_null(extra->contact_email);
		it->contact_timezone = dup_or_null(extra->contact_timezone);
		it->contact_hours = dup_or_null(extra->contact_hours);
		it->authorities = extra->authorities;
		it->contacts = extra->contacts;
		it->routes = extra->routes;
		it->starred = extra->starred;
		it->read = extra->read;
		it->note = dup_or_null(extra->note);
	}
	if (rec->type == REC_ROUTE)
		present_route_annotate(it, NULL);
	return it;
}

int
out_list_add_cb(const struct record *rec, const struct cache_extra *extra,
    void *arg)
{
	out_list_add(arg, rec, extra);
	return 0;
}

void
out_item_get(const struct out_item *it, const char *name,
    struct out_value *v)
{
	const struct record_type_info	*ti = &record_types[it->rec.type];
	const struct out_extra		*e;
	const char			*base = (const char *)it;
	size_t				 i;
	int				 f;

	memset(v, 0, sizeof *v);
	if (strcmp(name, "type") == 0) {
		v->kind = OUTV_STRING;
		v->s = ti->name;
		return;
	}
	f = record_field_index(it->rec.type, name);
	if (f >= 0) {
		v->multiline = (ti->fields[f].flags & RF_MULTILINE) != 0;
		v->ident = (ti->fields[f].flags & RF_IDENT) != 0;
		if (ti->fields[f].kind == RF_STRING) {
			if (it->rec.v[f].s != NULL) {
				v->kind = OUTV_STRING;
				v->s = it->rec.v[f].s;
			}
		} else if (it->rec.v[f].list != NULL) {
			v->kind = OUTV_LIST;
			v->list = it->rec.v[f].list;
			v->n = it->rec.v[f].n;
		}
		return;
	}
	for (i = 0; i < NEXTRAS; i++) {
		e = &out_extras[i];
		if (strcmp(e->name, name) != 0)
			continue;
		if ((e->types & T(it->rec.type)) == 0)
			return;
		if (e->get != NULL) {
			e->get(it, v);
			return;
		}
		switch (e->kind) {
		case OUTV_STRING:
			v->s = *(char *const *)(const void *)(base + e->off);
			if (v->s != NULL)
				v->kind = OUTV_STRING;
			break;
		case OUTV_NUMBER:
			v->kind = OUTV_NUMBER;
			v->num = *(const unsigned *)(const void *)(base + e->off);
			break;
		case OUTV_BOOL:
			v->kind = OUTV_BOOL;
			v->num = *(const int *)(const void *)(base + e->off) != 0;
			break;
		default:
			break;
		}
		return;
	}
}

static int
names_have(const char **names, size_t n, const char *name)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(names[i], name) == 0)
			return 1;
	}
	return 0;
}

/* Appends the keys of type t not yet in names. */
static void
type_columns(int t, const char **names, size_t *n)
{
	size_t	 f;

	if (!names_have(names, *n, "type"))
		names[(*n)++] = "type";
	for (f = 0; f < record_types[t].nfields; f++) {
		if (!names_have(names, *n, record_types[t].fields[f].name))
			names[(*n)++] = record_types[t].fields[f].name;
	}
	for (f = 0; f < NEXTRAS; f++) {
		if ((out_extras[f].types & T(t)) != 0 &&
		    !names_have(names, *n, out_extras[f].name))
			names[(*n)++] = out_extras[f].name;
	}
}

static size_t
columns_max(void)
{
	size_t	 max = 1 + NEXTRAS;
	int	 t;

	for (t = 0; t < REC_NDATA; t++)
		max += record_types[t].nfields;
	return max;
}

const char **
out_type_columns(enum record_type t, size_t *np)
{
	const char	**names;

	names = xcalloc(columns_max(), sizeof *names);
	*np = 0;
	if ((unsigned)t < REC_NDATA)
		type_columns(t, names, np);
	return names;
}

const char **
out_columns(const struct out_list *l, size_t *np)
{
	const char	**names;
	size_t		  n = 0, i;
	int		  t, present[REC_NTYPES] = { 0 };

	names = xcalloc(columns_max(), sizeof *names);
	names[n++] = "type";
	for (i = 0; i < l->n; i++)
		present[l->v[i].rec.type] = 1;
	for (t = 0; t < REC_NDATA && l->n == 0; t++)
		present[t] = (l->types & OUT_TMASK(t)) != 0;
	for (t = 0; t < REC_NDATA; t++) {
		if (present[t])
			type_columns(t, names, &n);
	}
	*np = n;
	return names;
}
