/*
 * present-record.c: one record as a person reads it, field by field: the
 * fields of each record type in the order a person wants them, each with
 * its label, its text (codes written out as labels, the country and
 * authority named, the contact's local time, the verified date with its
 * stale mark) and what copying it gives. The contact and authority
 * screens draw these fields and `globe show` prints them, laid out by
 * present_fields_text, so both say the same. One table per type, data
 * rather than code.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/i18n.h"
#include "tui/present.h"

/* How a field's text is made. */
enum pf_how {
	PFH_TEXT,	/* the value as it is, one line */
	PFH_IDENT,	/* an address, phone or id: even ZWJ is shown */
	PFH_LABELS,	/* codes written out with the vocabulary's labels */
	PFH_AUTHORITY,	/* "name (ACRONYM)"; opens the authority */
	PFH_COUNTRY,	/* "name (CODE)"; opens the country */
	PFH_AUTH_LABELS,/* a list of the contact's authority, as labels */
	PFH_LOCAL_TIME,	/* the local time now in the record's time zone */
	PFH_DATE,	/* a date, in the locale's form */
	PFH_VERIFIED,	/* the date, marked when stale */
	PFH_STARRED	/* "yes" when starred, else no field */
};

struct pf_def {
	const char	*key;		/* the value's name (out_item_get) */
	const char	*label;		/* N_() */
	enum pf_how	 how;
	int		 vocab;		/* PFH_LABELS: enum vocab */
	const char	*sep;		/* PFH_LABELS: between labels */
	const char	*copy_what;	/* N_(): Enter copies it and says so */
	int		 flags;		/* PF_FOCUS */
};

static const struct pf_def contact_fields[] = {
	{ "name", N_("Name"), PFH_TEXT, 0, NULL, NULL, 0 },
	/* TRANSLATORS: a person's job title. */
	{ "title", NC_("job", "Title"), PFH_TEXT, 0, NULL, NULL, 0 },
	{ "role", N_("Role"), PFH_LABELS, VOCAB_ROLE, ", ", NULL, 0 },
	{ "authority", N_("Authority"), PFH_AUTHORITY, 0, NULL, NULL, 0 },
	{ "expertise", N_("Expertise"), PFH_AUTH_LABELS, VOCAB_EXPERTISE, ", ",
	  NULL, 0 },
	{ "designations", N_("Designations"), PFH_AUTH_LABELS, VOCAB_DESIGNATION,
	  "; ", NULL, 0 },
	{ "country", N_("Country"), PFH_COUNTRY, 0, NULL, NULL, 0 },
	{ "email", N_("E-mail"), PFH_IDENT, 0, NULL,
	  /* TRANSLATORS: what Enter copied: "copied %s to clipboard" */
	  N_("e-mail"), PF_FOCUS },
	{ "phone", N_("Phone"), PFH_IDENT, 0, NULL,
	  /* TRANSLATORS: what Enter copied: "copied %s to clipboard" */
	  N_("phone"), 0 },
	{ "mobile", N_("Mobile"), PFH_IDENT, 0, NULL,
	  /* TRANSLATORS: what Enter copied: "copied %s to clipboard" */
	  N_("mobile"), 0 },
	{ "languages", N_("Languages"), PFH_LABELS, VOCAB_LANGUAGE, ", ", NULL,
	  0 },
	{ "timezone", N_("Time zone"), PFH_TEXT, 0, NULL, NULL, 0 },
	{ "hours", N_("Office hours"), PFH_TEXT, 0, NULL, NULL, 0 },
	{ "local_time", N_("Local time"), PFH_LOCAL_TIME, 0, NULL, NULL, 0 },
	{ "verified", N_("Verified"), PFH_VERIFIED, 0, NULL, NULL, 0 },
	/* TRANSLATORS: a record's field: yes when it is starred. */
	{ "starred", NC_("field", "Starred"), PFH_STARRED, 0, NULL, NULL, 0 },
	{ "id", N_("Id"), PFH_IDENT, 0, NULL, NULL, 0 },
};

static const struct pf_def authority_fields[] = {
	{ "name", N_("Name"), PFH_TEXT, 0, NULL, NULL, 0 },
	{ "name_en", N_("English name"), PFH_TEXT, 0, NULL, NULL, 0 },
	{ "acronym", N_("Acronym"), PFH_TEXT, 0, NULL, NULL, 0 },
	{ "kind", N_("Kind"), PFH_LABELS, VOCAB_KIND, ", ", NULL, 0 },
	{ "country", N_("Country"), PFH_COUNTRY, 0, NULL, NULL, 0 },
	{ "website", N_("Website"), PFH_IDENT, 0, NULL,
	  /* TRANSLATORS: what Enter copied: "copied %s to clipboard" */
	  N_("website"), 0 },
	{ "address", N_("Address"), PFH_TEXT, 0, NULL, NULL, 0 },
	{ "phone", N_("Phone"), PFH_IDENT, 0, NULL, N_("phone"), 0 },
	{ "email", N_("E-mail"), PFH_IDENT, 0, NULL, N_("e-mail"), PF_FOCUS },
	{ "languages", N_("Languages"), PFH_LABELS, VOCAB_LANGUAGE, ", ", NULL,
	  0 },
	{ "expertise", N_("Expertise"), PFH_LABELS, VOCAB_EXPERTISE, ", ", NULL,
	  0 },
	{ "designations", N_("Designations"), PFH_LABELS, VOCAB_DESIGNATION, "; ",
	  NULL, 0 },
	{ "joined", N_("Joined"), PFH_DATE, 0, NULL, NULL, 0 },
	{ "verified", N_("Verified"), PFH_VERIFIED, 0, NULL, NULL, 0 },
	{ "source", N_("Source"), PFH_IDENT, 0, NULL, NULL, 0 },
	{ "notes", N_("Notes"), PFH_TEXT, 0, NULL, NULL, 0 },
	/* TRANSLATORS: a record's field: yes when it is starred. */
	{ "starred", NC_("field", "Starred"), PFH_STARRED, 0, NULL, NULL, 0 },
	{ "id", N_("Id"), PFH_IDENT, 0, NULL, NULL, 0 },
};

static const struct pf_def country_fields[] = {
	{ "name", N_("Name"), PFH_TEXT, 0, NULL, NULL, 0 },
	{ "code", N_("Code"), PFH_IDENT, 0, NULL, NULL, 0 },
	{ "region", N_("Region"), PFH_TEXT, 0, NULL, NULL, 0 },
};

static const struct pf_def newsletter_fields[] = {
	/* TRANSLATORS: a newsletter's title. */
	{ "title", NC_("newsletter", "Title"), PFH_TEXT, 0, NULL, NULL, 0 },
	{ "issue", N_("Issue"), PFH_TEXT, 0, NULL, NULL, 0 },
	{ "published", N_("Published"), PFH_DATE, 0, NULL, NULL, 0 },
	{ "lang", N_("Language"), PFH_LABELS, VOCAB_LANGUAGE, ", ", NULL, 0 },
	{ "url", N_("Link"), PFH_IDENT, 0, NULL, NULL, 0 },
	{ "id", N_("Id"), PFH_IDENT, 0, NULL, NULL, 0 },
};

#define DEFS(t)	{ t, sizeof t / sizeof t[0] }
static const struct {
	const struct pf_def	*v;
	size_t			 n;
} record_fields[REC_NDATA] = {
	[REC_COUNTRY] = DEFS(country_fields),
	[REC_AUTHORITY] = DEFS(authority_fields),
	[REC_CONTACT] = DEFS(contact_fields),
	[REC_NEWSLETTER] = DEFS(newsletter_fields),
};

int
present_stale_age(const struct present_ctx *ctx)
{
	return ctx != NULL && ctx->stale_days > 0 ? ctx->stale_days :
	    PRESENT_STALE_DAYS;
}

time_t
present_now(const struct present_ctx *ctx)
{
	return ctx != NULL && ctx->now != 0 ? ctx->now : time(NULL);
}

long
present_item_stale(const struct out_item *it, const struct present_ctx *ctx)
{
	const char	*date = NULL;

	switch (it->rec.type) {
	case REC_AUTHORITY:
		date = it->rec.v[AUTH_VERIFIED].s;
		break;
	case REC_CONTACT:
		date = it->rec.v[CONTACT_VERIFIED].s;
		break;
	case REC_ROUTE:
		date = it->rec.v[ROUTE_VERIFIED].s;
		break;
	default:
		return 0;
	}
	return layout_stale_days(date, present_stale_age(ctx),
	    present_now(ctx));
}

void
present_list_mark_stale(struct out_list *l, const struct present_ctx *ctx)
{
	size_t	i;
	int	t;

	for (i = 0; i < l->n; i++) {
		t = l->v[i].rec.type;
		if (t == REC_AUTHORITY || t == REC_CONTACT || t == REC_ROUTE)
			l->v[i].stale = present_item_stale(&l->v[i], ctx) > 0;
	}
}

char *
present_verified_text(const char *date, const struct present_ctx *ctx,
    int *stale)
{
	long	 days;
	char	*clean, *out;

	clean = present_date(date);
	days = layout_stale_days(date, present_stale_age(ctx),
	    present_now(ctx));
	if (stale != NULL)
		*stale = days > 0;
	if (days <= 0)
		return clean;
	/* TRANSLATORS: a verified date followed by how old it is. */
	out = xasprintf(P_("%s (stale: %ld day old)",
	    "%s (stale: %ld days old)", days), clean, days);
	free(clean);
	return out;
}

char *
present_name_code(const char *name, const char *code)
{
	char	*n, *c, *s;

	if (name == NULL || *name == '\0')
		return sanitize(code, SANITIZE_LINE);
	n = sanitize(name, SANITIZE_LINE);
	if (code == NULL || *code == '\0')
		return n;
	c = sanitize(code, SANITIZE_LINE);
	s = xasprintf("%s (%s)", n, c);
	free(n);
	free(c);
	return s;
}

static struct present_field *
fields_add(struct present_fields *fs, const struct pf_def *d)
{
	struct present_field	*f;

	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 16;
		fs->v = xreallocarray(fs->v, fs->cap, sizeof *fs->v);
	}
	f = &fs->v[fs->n++];
	memset(f, 0, sizeof *f);
	f->key = d->key;
	f->label = i18n_ctx(d->label);
	f->copy_what = d->copy_what != NULL ? _(d->copy_what) : NULL;
	f->flags = d->flags;
	f->link_type = -1;
	return f;
}

/* The list value name of item it, as codes (NULL when it has none). */
static const struct record_value *
item_list(const struct out_item *it, const char *name)
{
	int	 f;

	if (it == NULL)
		return NULL;
	f = record_field_index(it->rec.type, name);
	if (f < 0 || record_types[it->rec.type].fields[f].kind != RF_LIST ||
	    it->rec.v[f].n == 0)
		return NULL;
	return &it->rec.v[f];
}

/* The field's text and copy value; 0 when the record has none. */
static int
field_make(const struct pf_def *d, const struct out_item *it,
    const struct out_item *auth, const struct present_ctx *ctx,
    struct present_field *f)
{
	const struct record_value	*lv;
	struct out_value		 v;
	char				 local[128];
	const char			*tz, *hours, *code;
	int				 stale;

	out_item_get(it, d->key, &v);
	switch (d->how) {
	case PFH_TEXT:
	case PFH_IDENT:
		if (v.kind != OUTV_STRING || *v.s == '\0')
			return 0;
		f->text = sanitize(v.s, d->how == PFH_IDENT || v.ident ?
		    SANITIZE_IDENT : v.multiline ? SANITIZE_TEXT :
		    SANITIZE_LINE);
		f->copy = xstrdup(v.s);
		if (d->how == PFH_IDENT || v.ident)
			f->flags |= PF_IDENT;
		return 1;
	case PFH_LABELS:
		if (v.kind == OUTV_STRING && *v.s != '\0')
			f->text = present_labels(d->vocab, (char *const *)&v.s,
			    1, 0, d->sep);
		else if (v.kind == OUTV_LIST && v.n > 0)
			f->text = present_labels(d->vocab, v.list, v.n, 0,
			    d->sep);
		else
			return 0;
		f->copy = xstrdup(f->text);
		return 1;
	case PFH_AUTH_LABELS:
		if ((lv = item_list(auth, d->key)) == NULL)
			return 0;
		f->text = present_labels(d->vocab, lv->list, lv->n, 0, d->sep);
		f->copy = xstrdup(f->text);
		return 1;
	case PFH_AUTHORITY:
		code = it->rec.v[CONTACT_AUTHORITY].s;
		if (code == NULL)
			return 0;
		if (it->authority_name == NULL) {
			f->text = sanitize(code, SANITIZE_IDENT);
		} else {
			f->text = present_name_code(it->authority_name,
			    it->authority_acronym);
			f->link = xstrdup(code);
			f->link_type = REC_AUTHORITY;
		}
		f->copy = xstrdup(code);
		return 1;
	case PFH_COUNTRY:
		code = it->rec.type == REC_AUTHORITY ?
		    it->rec.v[AUTH_COUNTRY].s : it->country;
		if ((code == NULL || *code == '\0') && it->country_name == NULL)
			return 0;
		f->text = present_name_code(it->country_name, code);
		if (code != NULL && *code != '\0') {
			f->copy = xstrdup(code);
			if (it->country_name != NULL) {
				f->link = xstrdup(code);
				f->link_type = REC_COUNTRY;
			}
		}
		return 1;
	case PFH_LOCAL_TIME:
		tz = it->rec.type == REC_CONTACT ?
		    it->rec.v[CONTACT_TIMEZONE].s : NULL;
		hours = it->rec.type == REC_CONTACT ?
		    it->rec.v[CONTACT_HOURS].s : NULL;
		if (tz == NULL || *tz == '\0')
			return 0;
		if (layout_local_time(tz, hours, present_now(ctx), local,
		    sizeof local) == 0)
			f->text = xstrdup(local);
		else
			f->text = xstrdup(_("unknown time zone"));
		f->copy = xstrdup(f->text);
		return 1;
	case PFH_DATE:
		if (v.kind != OUTV_STRING || *v.s == '\0')
			return 0;
		f->text = present_date(v.s);
		f->copy = xstrdup(v.s);
		return 1;
	case PFH_VERIFIED:
		if (v.kind != OUTV_STRING || *v.s == '\0') {
			/* No date is no freshness: said, and marked. */
			f->text = xstrdup(_("never verified"));
			f->flags |= PF_WARN;
			return 1;
		}
		f->text = present_verified_text(v.s, ctx, &stale);
		if (stale)
			f->flags |= PF_WARN;
		f->copy = xstrdup(v.s);
		return 1;
	case PFH_STARRED:
		if (v.kind != OUTV_BOOL || v.num == 0)
			return 0;
		f->text = xstrdup(_("yes"));
		return 1;
	}
	return 0;
}

/* Inserts an empty field at pos, those after it moving down. */
static struct present_field *
fields_insert(struct present_fields *fs, size_t pos, const char *key,
    const char *label)
{
	struct present_field	*f;

	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 16;
		fs->v = xreallocarray(fs->v, fs->cap, sizeof *fs->v);
	}
	if (pos > fs->n)
		pos = fs->n;
	memmove(&fs->v[pos + 1], &fs->v[pos], (fs->n - pos) * sizeof *fs->v);
	fs->n++;
	f = &fs->v[pos];
	memset(f, 0, sizeof *f);
	f->key = key;
	f->label = label;
	f->link_type = -1;
	return f;
}

/* Whether the comma-separated list names key. */
static int
list_names(const char *list, const char *key)
{
	size_t		 len = strlen(key);
	const char	*p;

	for (p = list; p != NULL && *p != '\0'; p = strchr(p, ',')) {
		if (*p == ',')
			p++;
		if (strncmp(p, key, len) == 0 && (p[len] == ',' ||
		    p[len] == '\0'))
			return 1;
	}
	return 0;
}

/*
 * What the officer keeps about a record: the note after its name, the
 * flags before its id, and the fields a sync changed this session.
 */
void
present_fields_own(const struct out_item *it, struct present_fields *out)
{
	struct present_field	*f;
	struct buf		 b;
	size_t			 i, at;
	char			*line;

	if (it->note != NULL && *it->note != '\0') {
		f = fields_insert(out, out->n > 0 ? 1 : 0, "note",
		    _("Your note"));
		f->text = sanitize(it->note, SANITIZE_TEXT);
		f->copy = xstrdup(it->note);
	}
	if (it->nflags > 0) {
		for (at = 0; at < out->n; at++) {
			if (strcmp(out->v[at].key, "id") == 0)
				break;
		}
		buf_init(&b);
		for (i = 0; i < it->nflags; i++) {
			line = present_flag_line(&it->flags[i]);
			buf_addf(&b, "%s%s", i > 0 ? "\n" : "", line);
			free(line);
		}
		f = fields_insert(out, at, "flags", i18n_ctx(NC_("field",
		    "Flagged")));
		f->text = buf_detach(&b);
	}
	for (i = 0; it->changed != NULL && i < out->n; i++) {
		if (list_names(it->changed, out->v[i].key))
			out->v[i].flags |= PF_CHANGED;
	}
}

void
present_record_fields(const struct out_item *it, const struct out_item *auth,
    const struct present_ctx *ctx, struct present_fields *out)
{
	const struct pf_def	*d;
	struct present_field	 f, *p;
	size_t			 i, n;

	if ((unsigned)it->rec.type >= REC_NDATA)
		return;
	if (it->rec.type == REC_ROUTE) {
		/* A route's card; auth is its authority, its contact unread. */
		present_route_fields(it, auth, NULL, ctx, out);
		present_fields_own(it, out);
		return;
	}
	out->type = it->rec.type;
	d = record_fields[it->rec.type].v;
	n = record_fields[it->rec.type].n;
	for (i = 0; i < n; i++) {
		memset(&f, 0, sizeof f);
		if (!field_make(&d[i], it, auth, ctx, &f))
			continue;
		p = fields_add(out, &d[i]);
		p->text = f.text;
		p->copy = f.copy;
		p->link = f.link;
		p->link_type = f.link != NULL ? f.link_type : -1;
		p->flags |= f.flags;
	}
	present_fields_own(it, out);
}

void
present_fields_free(struct present_fields *fs)
{
	size_t	 i;

	if (fs == NULL)
		return;
	for (i = 0; i < fs->n; i++) {
		free(fs->v[i].text);
		free(fs->v[i].copy);
		free(fs->v[i].link);
	}
	free(fs->v);
	memset(fs, 0, sizeof *fs);
}

int
present_label_width(const struct present_fields *fs, int width)
{
	const struct pf_def	*d = NULL;
	size_t			 i, w, max = 0, n = 0;
	int			 cap;

	/* Every label of the type counts: its records all line up alike. */
	if ((unsigned)fs->type < REC_NDATA) {
		d = record_fields[fs->type].v;
		n = record_fields[fs->type].n;
	}
	for (i = 0; i < n; i++) {
		w = utf8_width(i18n_ctx(d[i].label));
		if (w > max)
			max = w;
	}
	for (i = 0; i < fs->n; i++) {
		w = utf8_width(fs->v[i].label);
		if (w > max)
			max = w;
	}
	/* On a narrow screen the labels give way first, the values stay. */
	if (width <= 0)
		cap = (int)max;
	else if (width >= 60)
		cap = width / 5 > 12 ? width / 5 : 12;
	else
		cap = width >= 30 ? 9 : 6;
	return (int)max < cap ? (int)max : cap;
}

void
present_fields_lines(const struct present_fields *fs, int width,
    struct present_lines *out)
{
	struct present_line	*l;
	char			**wl = NULL;
	unsigned char		*rtl = NULL;
	size_t			 i, k, nl;

	for (i = 0; i < fs->n; i++) {
		nl = 0;
		wl = NULL;
		if (width > 0)
			layout_wrap_dirs(fs->v[i].text, width, &wl, &nl, &rtl);
		else
			layout_split(fs->v[i].text, &wl, &nl);
		for (k = 0; k < nl; k++) {
			l = present_lines_add(out);
			l->text = wl[k];
			l->label = k == 0 ? fs->v[i].label : NULL;
			l->field = i;
			l->flags = (fs->v[i].flags & PF_WARN) ? PL_WARN : 0;
			if (fs->v[i].flags & PF_IDENT)
				l->flags |= PL_IDENT;
			else if (width > 0 ? rtl[k] : bidi_text_rtl(wl[k]))
				l->flags |= PL_RTL;
			if (fs->v[i].flags & PF_CHANGED)
				l->flags |= PL_CHANGED;
		}
		free(wl);
	}
	free(rtl);
}

int
present_line_bidi(const struct present_line *l)
{
	if (l->flags & PL_IDENT)
		return BIDI_PAR_LTR;
	return (l->flags & PL_RTL) ? BIDI_PAR_RTL : 0;
}

/* One "Label  value" line; laid out right to left, "value  Label". */
static void
fields_line(struct buf *b, const struct present_line *l, int lw, int vw)
{
	char	*label, *value;
	int	 rtl = bidi_layout_rtl();

	if (!bidi_visual()) {
		label = utf8_fit(l->label != NULL ? l->label : "", lw, 0);
		buf_adds(b, label);
		buf_adds(b, "  ");
		buf_adds(b, l->text);
		free(label);
		return;
	}
	label = bidi_fit(l->label != NULL ? l->label : "", lw,
	    rtl ? BIDI_RIGHT : BIDI_LEFT, NULL, NULL);
	/* The value wraps under itself, at the side its paragraph starts. */
	value = bidi_fit(l->text, vw, present_line_bidi(l) |
	    (rtl ? BIDI_RIGHT : 0), NULL, NULL);
	if (rtl)
		buf_addf(b, "%s  %s", value, label);
	else
		buf_addf(b, "%s  %s", label, value);
	free(label);
	free(value);
}

char *
present_fields_text(const struct present_fields *fs, int width)
{
	struct present_lines	 ls;
	struct buf		 b;
	size_t			 i;
	int			 lw, vw;

	lw = present_label_width(fs, width);
	/* A label, two spaces, the value: the value wraps under itself. */
	vw = width > 0 ? width - lw - 2 : 0;
	if (width > 0 && vw < 8)
		vw = 8;
	memset(&ls, 0, sizeof ls);
	present_fields_lines(fs, vw, &ls);
	buf_init(&b);
	for (i = 0; i < ls.n; i++) {
		fields_line(&b, &ls.v[i], lw, vw);
		/* No trailing spaces when a value is empty. */
		while (b.len > 0 && b.data[b.len - 1] == ' ')
			b.data[--b.len] = '\0';
		buf_addc(&b, '\n');
	}
	present_lines_free(&ls);
	return buf_detach(&b);
}

struct present_line *
present_lines_add(struct present_lines *ls)
{
	struct present_line	*l;

	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 32;
		ls->v = xreallocarray(ls->v, ls->cap, sizeof *ls->v);
	}
	l = &ls->v[ls->n++];
	memset(l, 0, sizeof *l);
	l->field = (size_t)-1;
	return l;
}

void
present_lines_free(struct present_lines *ls)
{
	size_t	 i;

	if (ls == NULL)
		return;
	for (i = 0; i < ls->n; i++)
		free(ls->v[i].text);
	free(ls->v);
	memset(ls, 0, sizeof *ls);
}

char *
present_country_summary(const struct out_item *it)
{
	struct buf	 b;
	char		 na[LAYOUT_COUNT_MAX], nc[LAYOUT_COUNT_MAX], *region;
	const char	*dot = charset_glyph(GLYPH_DOT);

	buf_init(&b);
	region = sanitize(it->rec.type == REC_COUNTRY ?
	    it->rec.v[COUNTRY_REGION].s : NULL, SANITIZE_LINE);
	if (*region != '\0')
		buf_addf(&b, "%s %s ", region, dot);
	free(region);
	layout_count(it->authorities, na);
	layout_count(it->contacts, nc);
	buf_addf(&b, P_("%s member authority", "%s member authorities",
	    it->authorities), na);
	buf_addf(&b, " %s ", dot);
	buf_addf(&b, P_("%s contact", "%s contacts", it->contacts), nc);
	return buf_detach(&b);
}

char *
present_designations_summary(char *const *codes, const unsigned *counts,
    size_t n)
{
	struct buf	 b;
	size_t		 i;
	char		*label;

	buf_init(&b);
	/* TRANSLATORS: followed by the designations a country's authorities hold. */
	buf_adds(&b, _("Designations: "));
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(&b, present_sep_items());
		label = sanitize(present_label(VOCAB_DESIGNATION, codes[i]),
		    SANITIZE_LINE);
		if (counts != NULL && counts[i] > 1)
			buf_addf(&b, "%s (%u)", label, counts[i]);
		else
			buf_adds(&b, label);
		free(label);
	}
	if (n == 0)
		buf_adds(&b, _("none listed"));
	return buf_detach(&b);
}

char *
present_star_message(int on, const char *id)
{
	char	*clean, *s;

	clean = sanitize(id, SANITIZE_IDENT);
	/* TRANSLATORS: after * or `globe star ID`: the record's id (c-1). */
	s = xasprintf(on ? _("starred %s") :
	    /* TRANSLATORS: after * again or `globe unstar ID`: the id. */
	    _("unstarred %s"), clean);
	free(clean);
	return s;
}

char *
present_list_designations(const struct out_list *l)
{
	char			**codes = NULL, *s;
	unsigned		 *counts = NULL;
	const struct record_value *d;
	size_t			  n = 0, i, j, k;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].rec.type != REC_AUTHORITY)
			continue;
		d = &l->v[i].rec.v[AUTH_DESIGNATIONS];
		for (j = 0; j < d->n; j++) {
			for (k = 0; k < n && strcmp(codes[k], d->list[j]) != 0;
			    k++)
				;
			if (k == n) {
				codes = xreallocarray(codes, n + 1,
				    sizeof *codes);
				counts = xreallocarray(counts, n + 1,
				    sizeof *counts);
				codes[n] = d->list[j];
				counts[n++] = 0;
			}
			counts[k]++;
		}
	}
	s = present_designations_summary(codes, counts, n);
	free(codes);
	free(counts);
	return s;
}
