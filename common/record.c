/*
 * record.c: the record model of feed format v1. One table names every
 * type and field; the feed parser, the cache and every output format read
 * it, so they cannot disagree on a field name or on which are required.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/common.h"

#define F_STR(n)	{ n, RF_STRING, 0 }
#define F_REQ(n)	{ n, RF_STRING, RF_REQUIRED }
#define F_LIST(n)	{ n, RF_LIST, 0 }
#define F_IDREQ(n)	{ n, RF_STRING, RF_REQUIRED | RF_IDENT }
#define F_ID(n)		{ n, RF_STRING, RF_IDENT }

static const struct record_field country_fields[COUNTRY_NFIELDS] = {
	[COUNTRY_CODE] = F_IDREQ("code"),
	[COUNTRY_NAME] = F_REQ("name"),
	[COUNTRY_REGION] = F_STR("region"),
};

static const struct record_field authority_fields[AUTH_NFIELDS] = {
	[AUTH_ID] = F_IDREQ("id"),
	[AUTH_COUNTRY] = F_IDREQ("country"),
	[AUTH_NAME] = F_REQ("name"),
	[AUTH_NAME_EN] = F_STR("name_en"),
	[AUTH_ACRONYM] = F_STR("acronym"),
	[AUTH_KIND] = F_STR("kind"),
	[AUTH_WEBSITE] = F_ID("website"),
	[AUTH_ADDRESS] = F_STR("address"),
	[AUTH_PHONE] = F_ID("phone"),
	[AUTH_EMAIL] = F_ID("email"),
	[AUTH_LANGUAGES] = F_LIST("languages"),
	[AUTH_EXPERTISE] = F_LIST("expertise"),
	[AUTH_DESIGNATIONS] = F_LIST("designations"),
	[AUTH_JOINED] = F_STR("joined"),
	[AUTH_VERIFIED] = F_STR("verified"),
	[AUTH_SOURCE] = F_ID("source"),
	[AUTH_NOTES] = F_STR("notes"),
};

static const struct record_field contact_fields[CONTACT_NFIELDS] = {
	[CONTACT_ID] = F_IDREQ("id"),
	[CONTACT_AUTHORITY] = F_IDREQ("authority"),
	[CONTACT_NAME] = F_REQ("name"),
	[CONTACT_TITLE] = F_STR("title"),
	[CONTACT_ROLE] = F_STR("role"),
	[CONTACT_EMAIL] = F_ID("email"),
	[CONTACT_PHONE] = F_ID("phone"),
	[CONTACT_MOBILE] = F_ID("mobile"),
	[CONTACT_LANGUAGES] = F_LIST("languages"),
	[CONTACT_TIMEZONE] = F_STR("timezone"),
	[CONTACT_HOURS] = F_STR("hours"),
	[CONTACT_VERIFIED] = F_STR("verified"),
};

static const struct record_field newsletter_fields[NEWS_NFIELDS] = {
	[NEWS_ID] = F_IDREQ("id"),
	[NEWS_ISSUE] = F_STR("issue"),
	[NEWS_PUBLISHED] = F_REQ("published"),
	[NEWS_LANG] = F_STR("lang"),
	[NEWS_TITLE] = F_REQ("title"),
	[NEWS_SUMMARY] = F_STR("summary"),
	[NEWS_BODY] = { "body", RF_STRING, RF_MULTILINE },
	[NEWS_URL] = F_ID("url"),
};

static const struct record_field route_fields[ROUTE_NFIELDS] = {
	[ROUTE_ID] = F_IDREQ("id"),
	[ROUTE_COUNTRY] = F_IDREQ("country"),
	[ROUTE_MEASURE] = F_IDREQ("measure"),
	[ROUTE_AUTHORITY] = F_IDREQ("authority"),
	[ROUTE_CONTACT] = F_ID("contact"),
	[ROUTE_CHANNEL] = F_STR("channel"),
	[ROUTE_FORMALITY] = F_STR("formality"),
	[ROUTE_URGENCY] = F_STR("urgency"),
	[ROUTE_STAGE] = F_STR("stage"),
	[ROUTE_FROM_COUNTRIES] = F_LIST("from_countries"),
	[ROUTE_LANGUAGES] = F_LIST("languages"),
	[ROUTE_REQUIREMENTS] = F_LIST("requirements"),
	[ROUTE_REQUIREMENTS_TEXT] = F_STR("requirements_text"),
	[ROUTE_LEGAL_BASIS] = F_LIST("legal_basis"),
	[ROUTE_HOURS] = F_STR("hours"),
	[ROUTE_TIMEZONE] = F_STR("timezone"),
	[ROUTE_RANK] = F_STR("rank"),
	[ROUTE_NOT_POSSIBLE] = F_STR("not_possible"),
	[ROUTE_ALTERNATIVE] = F_STR("alternative"),
	[ROUTE_VERIFIED] = F_STR("verified"),
	[ROUTE_SOURCE] = F_ID("source"),
	[ROUTE_NOTES] = F_STR("notes"),
};

static const struct record_field delete_fields[DELETE_NFIELDS] = {
	[DELETE_OF] = F_REQ("of"),
	[DELETE_ID] = F_REQ("id"),
};

const struct record_type_info record_types[REC_NTYPES] = {
	[REC_COUNTRY] = { "country", country_fields, COUNTRY_NFIELDS, "code" },
	[REC_AUTHORITY] = { "authority", authority_fields, AUTH_NFIELDS,
	    "id" },
	[REC_CONTACT] = { "contact", contact_fields, CONTACT_NFIELDS, "id" },
	[REC_NEWSLETTER] = { "newsletter", newsletter_fields, NEWS_NFIELDS,
	    "id" },
	[REC_ROUTE] = { "route", route_fields, ROUTE_NFIELDS, "id" },
	[REC_DELETE] = { "delete", delete_fields, DELETE_NFIELDS, "id" },
};

/* The index of each type's key field. */
static const int record_key_field[REC_NTYPES] = {
	[REC_COUNTRY] = COUNTRY_CODE,
	[REC_AUTHORITY] = AUTH_ID,
	[REC_CONTACT] = CONTACT_ID,
	[REC_NEWSLETTER] = NEWS_ID,
	[REC_ROUTE] = ROUTE_ID,
	[REC_DELETE] = DELETE_ID,
};

/* Every reference between records, in the order they are checked. */
const struct record_ref record_refs[] = {
	{ REC_AUTHORITY, AUTH_COUNTRY, REC_COUNTRY },
	{ REC_CONTACT, CONTACT_AUTHORITY, REC_AUTHORITY },
	{ REC_ROUTE, ROUTE_COUNTRY, REC_COUNTRY },
	{ REC_ROUTE, ROUTE_AUTHORITY, REC_AUTHORITY },
	{ REC_ROUTE, ROUTE_CONTACT, REC_CONTACT },
};
const size_t record_nrefs = sizeof record_refs / sizeof record_refs[0];

int
record_type_from_name(const char *name)
{
	int	t;

	if (name == NULL)
		return -1;
	for (t = 0; t < REC_NTYPES; t++) {
		if (strcmp(record_types[t].name, name) == 0)
			return t;
	}
	return -1;
}

int
record_field_index(enum record_type type, const char *name)
{
	const struct record_type_info	*ti;
	size_t				 i;

	if ((unsigned)type >= REC_NTYPES || name == NULL)
		return -1;
	ti = &record_types[type];
	for (i = 0; i < ti->nfields; i++) {
		if (strcmp(ti->fields[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

const char *
record_key(const struct record *r)
{
	if ((unsigned)r->type >= REC_NTYPES)
		return NULL;
	return r->v[record_key_field[r->type]].s;
}

void
record_clear(struct record *r)
{
	size_t	i, j;

	for (i = 0; i < RECORD_MAX_FIELDS; i++) {
		free(r->v[i].s);
		for (j = 0; j < r->v[i].n; j++)
			free(r->v[i].list[j]);
		free(r->v[i].list);
		r->v[i].s = NULL;
		r->v[i].list = NULL;
		r->v[i].n = 0;
	}
}

void
record_set(struct record *r, int field, const char *s)
{
	if (field < 0 || field >= RECORD_MAX_FIELDS)
		return;
	free(r->v[field].s);
	r->v[field].s = s != NULL ? xstrdup(s) : NULL;
}

void
record_list_add(struct record *r, int field, const char *s)
{
	struct record_value	*v;

	if (field < 0 || field >= RECORD_MAX_FIELDS || s == NULL)
		return;
	v = &r->v[field];
	v->list = xreallocarray(v->list, v->n + 1, sizeof *v->list);
	v->list[v->n++] = xstrdup(s);
}

/*
 * The parts of a decimal: its sign, its integer digits without leading
 * zeros and its fraction without trailing zeros.
 */
struct decimal {
	int		 neg;
	const char	*ip;
	size_t		 ilen;
	const char	*fp;
	size_t		 flen;
};

static int
decimal_split(const char *s, struct decimal *d)
{
	const char	*p = s;

	memset(d, 0, sizeof *d);
	if (s == NULL)
		return -1;
	if (*p == '-') {
		d->neg = 1;
		p++;
	}
	d->ip = p;
	while (*p >= '0' && *p <= '9')
		p++;
	d->ilen = (size_t)(p - d->ip);
	if (d->ilen == 0)
		return -1;
	if (*p == '.') {
		d->fp = ++p;
		while (*p >= '0' && *p <= '9')
			p++;
		d->flen = (size_t)(p - d->fp);
		if (d->flen == 0)
			return -1;
	}
	if (*p != '\0')
		return -1;
	while (d->ilen > 1 && *d->ip == '0') {
		d->ip++;
		d->ilen--;
	}
	while (d->flen > 0 && d->fp[d->flen - 1] == '0')
		d->flen--;
	/* -0 is 0 */
	if (d->ilen == 1 && *d->ip == '0' && d->flen == 0)
		d->neg = 0;
	return 0;
}

int
record_decimal_valid(const char *s)
{
	struct decimal	d;

	return decimal_split(s, &d) == 0;
}

int
record_decimal_cmp(const char *a, const char *b)
{
	struct decimal	x, y;
	size_t		i;
	int		c = 0;
	char		cx, cy;

	if (decimal_split(a, &x) != 0 || decimal_split(b, &y) != 0)
		return strcmp(a != NULL ? a : "", b != NULL ? b : "");
	if (x.neg != y.neg)
		return x.neg ? -1 : 1;
	if (x.ilen != y.ilen)
		c = x.ilen < y.ilen ? -1 : 1;
	else if ((c = memcmp(x.ip, y.ip, x.ilen)) == 0) {
		for (i = 0; i < x.flen || i < y.flen; i++) {
			cx = i < x.flen ? x.fp[i] : '0';
			cy = i < y.flen ? y.fp[i] : '0';
			if (cx != cy) {
				c = cx < cy ? -1 : 1;
				break;
			}
		}
	}
	if (c != 0)
		c = c < 0 ? -1 : 1;
	return x.neg ? -c : c;
}
