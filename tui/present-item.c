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

#include "common/common.h"
#include "tui/present.h"

#define T(t)	(1 << (t))

/* Values an item carries besides its record, in output order. */
static const struct out_extra {
	const char	*name;
	int		 types;
	enum out_vkind	 kind;
	size_t		 off;
} out_extras[] = {
	{ "country", T(REC_CONTACT), OUTV_STRING,
	  offsetof(struct out_item, country) },
	{ "country_name", T(REC_AUTHORITY) | T(REC_CONTACT), OUTV_STRING,
	  offsetof(struct out_item, country_name) },
	{ "authority_name", T(REC_CONTACT), OUTV_STRING,
	  offsetof(struct out_item, authority_name) },
	{ "authority_acronym", T(REC_CONTACT), OUTV_STRING,
	  offsetof(struct out_item, authority_acronym) },
	{ "detail", T(REC_AUTHORITY) | T(REC_CONTACT), OUTV_STRING,
	  offsetof(struct out_item, detail) },
	{ "authorities", T(REC_COUNTRY), OUTV_NUMBER,
	  offsetof(struct out_item, authorities) },
	{ "contacts", T(REC_COUNTRY) | T(REC_AUTHORITY), OUTV_NUMBER,
	  offsetof(struct out_item, contacts) },
	{ "starred", T(REC_AUTHORITY) | T(REC_CONTACT), OUTV_BOOL,
	  offsetof(struct out_item, starred) },
	{ "read", T(REC_NEWSLETTER), OUTV_BOOL,
	  offsetof(struct out_item, read) },
};
#define NEXTRAS (sizeof out_extras / sizeof out_extras[0])

void
out_list_init(struct out_list *l)
{
	memset(l, 0, sizeof *l);
}

void
out_list_free(struct out_list *l)
{
	size_t	 i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		struct out_item	*it = &l->v[i];

		record_clear(&it->rec);
		free(it->country);
		free(it->country_name);
		free(it->authority_name);
		free(it->authority_acronym);
		free(it->detail);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
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
		it->country_name = dup_or_null(extra->country_name);
		it->authority_name = dup_or_null(extra->authority_name);
		it->authority_acronym = dup_or_null(extra->authority_acronym);
		it->authorities = extra->authorities;
		it->contacts = extra->contacts;
		it->starred = extra->starred;
		it->read = extra->read;
	}
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

const char **
out_columns(const struct out_list *l, size_t *np)
{
	const char		**names;
	struct out_value	  v;
	size_t			  n = 0, max, i, f;
	int			  t, present[REC_NTYPES] = { 0 };

	max = 1 + NEXTRAS;
	for (t = 0; t < REC_NDATA; t++)
		max += record_types[t].nfields;
	names = xcalloc(max, sizeof *names);
	names[n++] = "type";
	for (i = 0; i < l->n; i++)
		present[l->v[i].rec.type] = 1;
	for (t = 0; t < REC_NDATA && l->n == 0; t++)
		present[t] = (l->types & OUT_TMASK(t)) != 0;
	for (t = 0; t < REC_NDATA; t++) {
		if (!present[t])
			continue;
		for (f = 0; f < record_types[t].nfields; f++) {
			const char *name = record_types[t].fields[f].name;

			if (!names_have(names, n, name))
				names[n++] = name;
		}
	}
	for (f = 0; f < NEXTRAS; f++) {
		if (names_have(names, n, out_extras[f].name))
			continue;
		if (l->n == 0 && (out_extras[f].types & l->types) != 0)
			names[n++] = out_extras[f].name;
		for (i = 0; i < l->n; i++) {
			out_item_get(&l->v[i], out_extras[f].name, &v);
			if (v.kind != OUTV_NONE) {
				names[n++] = out_extras[f].name;
				break;
			}
		}
	}
	*np = n;
	return names;
}

/* "a · c" into b, skipping an empty part. */
static void
detail_join(struct buf *b, const char *a, const char *c)
{
	if (a != NULL && *a != '\0')
		buf_adds(b, a);
	if (c != NULL && *c != '\0') {
		if (b->len > 0)
			buf_addf(b, " %s ", charset_glyph(GLYPH_DOT));
		buf_adds(b, c);
	}
}

/* The human "detail" of a row that did not come from a search. */
static void
detail_text(const struct out_item *it, struct buf *b)
{
	if (it->detail != NULL) {
		buf_adds(b, it->detail);
		return;
	}
	if (it->rec.type == REC_CONTACT)
		detail_join(b, it->rec.v[CONTACT_TITLE].s,
		    it->authority_acronym != NULL ? it->authority_acronym :
		    it->authority_name);
	else if (it->rec.type == REC_AUTHORITY)
		detail_join(b, it->rec.v[AUTH_ACRONYM].s,
		    it->rec.v[AUTH_KIND].s);
}

/*
 * A search hit shows its contact's authority by name, where the other
 * lists (detail_text) show its acronym when it has one.
 */
char *
present_hit_detail(const struct cache_hit *h)
{
	struct buf	b;

	buf_init(&b);
	if (h->type == REC_CONTACT)
		detail_join(&b, h->title, h->authority_name);
	else
		detail_join(&b, h->acronym, h->kind);
	return buf_detach(&b);
}

char *
out_cell_text(const struct out_item *it, const char *name,
    const struct out_column *col)
{
	struct out_value	 v;
	struct buf		 b;
	size_t			 i;
	char			*s;

	buf_init(&b);
	memset(&v, 0, sizeof v);
	if (strcmp(name, "detail") == 0) {
		detail_text(it, &b);
	} else {
		out_item_get(it, name, &v);
		switch (v.kind) {
		case OUTV_STRING:
			buf_adds(&b, v.s);
			break;
		case OUTV_LIST:
			for (i = 0; i < v.n; i++) {
				if (i > 0)
					buf_adds(&b, ", ");
				buf_adds(&b, v.list[i]);
			}
			break;
		case OUTV_NUMBER:
			buf_addf(&b, "%lu", v.num);
			break;
		case OUTV_BOOL:
			if (col != NULL && col->yes != NULL)
				buf_adds(&b, v.num ? col->yes : col->no);
			else
				buf_adds(&b, v.num ? "yes" : "no");
			break;
		case OUTV_NONE:
			break;
		}
	}
	s = sanitize(b.data != NULL ? b.data : "", v.ident ? SANITIZE_IDENT :
	    SANITIZE_LINE);
	buf_free(&b);
	return s;
}
