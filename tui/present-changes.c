/*
 * present-changes.c: the change log and the officer's flags as a person
 * reads them, for `globe changes`, `globe flags` and the "what changed"
 * screen alike: a logged sync in one line, a logged record in one line
 * ("+ added", "~ changed: Title, E-mail", "- removed" with its last
 * name), the changed fields by the labels of the record's screen, a
 * flag's state, and the cells of a list of flags. Everything from the feed
 * or typed by the officer is sanitized here. No curses, no stdout.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/i18n.h"
#include "tui/present.h"

static const char *const change_whats[] = {
	[CACHE_CHANGE_ADDED] = N_("added"),
	[CACHE_CHANGE_CHANGED] = N_("changed"),
	[CACHE_CHANGE_REMOVED] = N_("removed"),
};
/* The sign before a logged record, as the sync summary counts "+3 ~1 -0". */
static const char change_signs[] = { '+', '~', '-' };

static const char *const type_headings[REC_NDATA] = {
	N_("Countries"), N_("Authorities"), N_("Contacts"), N_("Newsletters"),
	N_("Routes")
};

/* A feed field's label, where the record's screen has no field of it. */
static const struct {
	int		 type;
	const char	*key;
	const char	*label;		/* N_() or NC_() */
} field_labels[] = {
	{ REC_COUNTRY, "name", N_("Name") },
	{ REC_COUNTRY, "region", N_("Region") },
	{ REC_AUTHORITY, "name", N_("Name") },
	{ REC_AUTHORITY, "name_en", N_("English name") },
	{ REC_AUTHORITY, "acronym", N_("Acronym") },
	{ REC_AUTHORITY, "kind", N_("Kind") },
	{ REC_AUTHORITY, "country", N_("Country") },
	{ REC_AUTHORITY, "website", N_("Website") },
	{ REC_AUTHORITY, "address", N_("Address") },
	{ REC_AUTHORITY, "phone", N_("Phone") },
	{ REC_AUTHORITY, "email", N_("E-mail") },
	{ REC_AUTHORITY, "languages", N_("Languages") },
	{ REC_AUTHORITY, "expertise", N_("Expertise") },
	{ REC_AUTHORITY, "designations", N_("Designations") },
	{ REC_AUTHORITY, "joined", N_("Joined") },
	{ REC_AUTHORITY, "verified", N_("Verified") },
	{ REC_AUTHORITY, "source", N_("Source") },
	{ REC_AUTHORITY, "notes", N_("Notes") },
	{ REC_CONTACT, "authority", N_("Authority") },
	{ REC_CONTACT, "name", N_("Name") },
	{ REC_CONTACT, "title", NC_("job", "Title") },
	{ REC_CONTACT, "role", N_("Role") },
	{ REC_CONTACT, "email", N_("E-mail") },
	{ REC_CONTACT, "phone", N_("Phone") },
	{ REC_CONTACT, "mobile", N_("Mobile") },
	{ REC_CONTACT, "languages", N_("Languages") },
	{ REC_CONTACT, "timezone", N_("Time zone") },
	{ REC_CONTACT, "hours", N_("Office hours") },
	{ REC_CONTACT, "verified", N_("Verified") },
	{ REC_NEWSLETTER, "issue", N_("Issue") },
	{ REC_NEWSLETTER, "published", N_("Published") },
	{ REC_NEWSLETTER, "lang", N_("Language") },
	{ REC_NEWSLETTER, "title", NC_("newsletter", "Title") },
	{ REC_NEWSLETTER, "summary", N_("Summary") },
	{ REC_NEWSLETTER, "body", N_("Text") },
	{ REC_NEWSLETTER, "url", N_("Link") },
	{ REC_ROUTE, "country", N_("Country") },
	{ REC_ROUTE, "measure", N_("Measure") },
	{ REC_ROUTE, "authority", N_("Authority") },
	{ REC_ROUTE, "contact", N_("Contact") },
	{ REC_ROUTE, "channel", N_("Channel") },
	{ REC_ROUTE, "formality", N_("Formality") },
	{ REC_ROUTE, "urgency", N_("Urgency") },
	{ REC_ROUTE, "stage", N_("Stage") },
	{ REC_ROUTE, "from_countries", N_("Requests from") },
	{ REC_ROUTE, "languages", N_("Languages") },
	{ REC_ROUTE, "requirements", N_("Requirements") },
	{ REC_ROUTE, "requirements_text", N_("Requirements") },
	{ REC_ROUTE, "legal_basis", N_("Legal basis") },
	{ REC_ROUTE, "hours", N_("Hours") },
	{ REC_ROUTE, "timezone", N_("Time zone") },
	{ REC_ROUTE, "rank", N_("Rank") },
	{ REC_ROUTE, "not_possible", N_("Not possible") },
	{ REC_ROUTE, "alternative", N_("Instead") },
	{ REC_ROUTE, "verified", N_("Verified") },
	{ REC_ROUTE, "source", N_("Source") },
	{ REC_ROUTE, "notes", N_("Notes") },
};

const char *
present_change_what(enum cache_change_what what)
{
	if ((unsigned)what > CACHE_CHANGE_REMOVED)
		what = CACHE_CHANGE_CHANGED;
	return _(change_whats[what]);
}

const char *
present_type_heading(int type)
{
	if ((unsigned)type >= REC_NDATA)
		return "";
	return _(type_headings[type]);
}

char *
present_change_sync_heading(const struct cache_change_sync *s)
{
	struct buf	 b;
	char		 when[PRESENT_TIME_MAX], *changes;
	const char	*dot = charset_glyph(GLYPH_DOT);

	buf_init(&b);
	present_when(s->at, when, sizeof when);
	/* TRANSLATORS: a sync of the change log, its number and when. */
	buf_addf(&b, _("Sync %lld"), (long long)s->sync);
	buf_addf(&b, " %s %s %s ", dot, when, dot);
	if (s->old_serial >= 0 && s->old_serial != s->serial)
		buf_addf(&b, _("serial %lld (was %lld)"), (long long)s->serial,
		    (long long)s->old_serial);
	else
		buf_addf(&b, _("serial %lld"), (long long)s->serial);
	changes = present_sync_changes(&s->counts);
	if (s->first)
		/*
		 * TRANSLATORS: after the first sync, every record is new;
		 * %s is what it added ("countries +52 ~0 -0, ...").
		 */
		buf_addf(&b, _(" %s the first sync, every record new: %s"),
		    dot, changes);
	else
		buf_addf(&b, " %s %s", dot, changes);
	free(changes);
	return buf_detach(&b);
}

char *
present_change_name(const struct cache_change *c)
{
	const char	*name = c->name;

	if (c->type == REC_ROUTE && name != NULL)
		name = present_label(VOCAB_MEASURE, name);
	if (name == NULL || *name == '\0')
		name = c->id;
	return sanitize(name, SANITIZE_LINE);
}

/* The label a changed field goes by, or the field's own name. */
static const char *
field_label(enum record_type type, const char *key, size_t len)
{
	size_t	i;

	for (i = 0; i < sizeof field_labels / sizeof field_labels[0]; i++) {
		if (field_labels[i].type == (int)type &&
		    strlen(field_labels[i].key) == len &&
		    strncmp(field_labels[i].key, key, len) == 0)
			return i18n_ctx(field_labels[i].label);
	}
	return NULL;
}

char *
present_change_fields(enum record_type type, const char *fields)
{
	struct buf	 b;
	const char	*p, *e, *label;
	char		*raw, *clean;
	size_t		 len;

	buf_init(&b);
	for (p = fields; p != NULL && *p != '\0'; p = e != NULL ? e + 1 : NULL) {
		e = strchr(p, ',');
		len = e != NULL ? (size_t)(e - p) : strlen(p);
		if (len == 0)
			continue;
		if (b.len > 0)
			buf_adds(&b, present_sep_list());
		if ((label = field_label(type, p, len)) != NULL)
			buf_adds(&b, label);
		else {
			raw = xstrndup(p, len);
			clean = sanitize(raw, SANITIZE_IDENT);
			buf_adds(&b, clean);
			free(clean);
			free(raw);
		}
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_detach(&b);
}

char *
present_change_line(const struct cache_change *c)
{
	char	*name, *id, *fields, *out;

	name = present_change_name(c);
	id = sanitize(c->id, SANITIZE_IDENT);
	switch (c->what) {
	case CACHE_CHANGE_ADDED:
		out = xasprintf("%c %s (%s)", change_signs[c->what], name, id);
		break;
	case CACHE_CHANGE_REMOVED:
		out = xasprintf("%c %s (%s): %s", change_signs[c->what], name,
		    id, present_change_what(c->what));
		break;
	default:
		fields = present_change_fields(c->type, c->fields);
		if (*fields != '\0')
			out = xasprintf("%c %s (%s): %s", change_signs[1],
			    name, id, fields);
		else
			out = xasprintf("%c %s (%s)", change_signs[1], name,
			    id);
		free(fields);
		break;
	}
	free(id);
	free(name);
	return out;
}

char *
present_flag_state(const struct cache_flag *f)
{
	char	 when[PRESENT_TIME_MAX], *why, *out;

	if (f->sent > 0) {
		present_when(f->sent, when, sizeof when);
		/* TRANSLATORS: a flag the secretariat received, and when. */
		return xasprintf(_("sent %s"), when);
	}
	if (f->last_error == NULL)
		return xstrdup(_("waiting"));
	why = sanitize(f->last_error, SANITIZE_LINE);
	/* TRANSLATORS: a flag not sent yet, then why the last try failed. */
	out = xasprintf(_("waiting: %s"), why);
	free(why);
	return out;
}

char *
present_flag_line(const struct cache_flag *f)
{
	char	 day[PRESENT_TIME_MAX], *text, *state, *out;
	const char *dot = charset_glyph(GLYPH_DOT);

	present_date_t(f->created, day, sizeof day);
	text = sanitize(f->text, SANITIZE_LINE);
	state = present_flag_state(f);
	out = xasprintf("%s %s %s %s %s", text, dot, day, dot, state);
	free(text);
	free(state);
	return out;
}

void
present_flag_cells(struct present_grid *g, const struct cache_flag *f,
    char **cells)
{
	const char	*key;
	char		 when[PRESENT_TIME_MAX];
	size_t		 i;

	for (i = 0; i < g->n; i++) {
		key = g->col[i]->key;
		if (strcmp(key, "n") == 0)
			cells[i] = xasprintf("%lld", (long long)f->n);
		else if (strcmp(key, "type") == 0)
			cells[i] = xstrdup(present_type_name(f->type));
		else if (strcmp(key, "id") == 0)
			cells[i] = sanitize(f->id, SANITIZE_IDENT);
		else if (strcmp(key, "name") == 0)
			cells[i] = sanitize(f->name != NULL ? f->name : f->id,
			    SANITIZE_LINE);
		else if (strcmp(key, "text") == 0)
			cells[i] = sanitize(f->text, SANITIZE_LINE);
		else if (strcmp(key, "flagged") == 0) {
			present_when(f->created, when, sizeof when);
			cells[i] = xstrdup(when);
		} else if (strcmp(key, "state") == 0)
			cells[i] = present_flag_state(f);
		else
			cells[i] = xstrdup("");
	}
	present_grid_measure(g, cells);
}

