/*
 * view-contact.c: one contact, every field, with the contact's local time
 * now from its time zone and whether that is within its office hours
 * ("14:05 local, within office hours"), and the verified date marked stale
 * past the configured age, and its authority's expertise and
 * designations. The e-mail is focused first, for y. Enter on the
 * authority opens it; Enter on the e-mail or a phone copies it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/ui.h"

struct contact_load {
	struct view	*v;
	int		 found;
};

/* The authority's expertise and designations, on the contact's screen. */
static int
contact_authority_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	struct view		*v = arg;
	const struct record_value *e = &rec->v[AUTH_EXPERTISE];
	char			*s;

	(void)x;
	if (e->n > 0) {
		s = layout_list(e->list, e->n);
		view_add_field(v, "Expertise", s, s);
		free(s);
	}
	s = view_designations_text(&rec->v[AUTH_DESIGNATIONS]);
	view_add_field(v, "Designations", s, NULL);
	free(s);
	return 1;
}

static int
contact_load_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	struct contact_load	*l = arg;
	struct view		*v = l->v;
	const struct record_value *langs = &rec->v[CONTACT_LANGUAGES];
	struct cache_filter	 f;
	char			 local[128], *s;
	size_t			 first;
	int			 stale;

	l->found = 1;
	free(v->title);
	v->title = sanitize(rec->v[CONTACT_NAME].s, SANITIZE_LINE);
	view_add_field(v, "Name", rec->v[CONTACT_NAME].s, NULL);
	view_add_field(v, "Title", rec->v[CONTACT_TITLE].s, NULL);
	view_add_field(v, "Role", rec->v[CONTACT_ROLE].s, NULL);
	if (x->authority_name != NULL) {
		s = x->authority_acronym != NULL && *x->authority_acronym != '\0' ?
		    xasprintf("%s (%s)", x->authority_name, x->authority_acronym) :
		    xstrdup(x->authority_name);
		first = view_add_field(v, "Authority", s,
		    rec->v[CONTACT_AUTHORITY].s);
		/* Enter opens the authority the field names. */
		view_field_link(v, first, rec->v[CONTACT_AUTHORITY].s,
		    REC_AUTHORITY);
		free(s);
		memset(&f, 0, sizeof f);
		f.type = REC_AUTHORITY;
		f.id = rec->v[CONTACT_AUTHORITY].s;
		cache_list(v->app->cache, &f, contact_authority_cb, v);
	} else
		view_add_field(v, "Authority", rec->v[CONTACT_AUTHORITY].s, NULL);
	view_add_field(v, "Country", x->country_name, NULL);
	/* Enter on these copies them, as y does, and says what it copied. */
	first = view_add_ident(v, "E-mail", rec->v[CONTACT_EMAIL].s, NULL);
	view_field_copies(v, first, "e-mail");
	first = view_add_ident(v, "Phone", rec->v[CONTACT_PHONE].s, NULL);
	view_field_copies(v, first, "phone");
	first = view_add_ident(v, "Mobile", rec->v[CONTACT_MOBILE].s, NULL);
	view_field_copies(v, first, "mobile");
	if (langs->n > 0) {
		s = layout_list(langs->list, langs->n);
		view_add_field(v, "Languages", s, NULL);
		free(s);
	}
	view_add_field(v, "Time zone", rec->v[CONTACT_TIMEZONE].s, NULL);
	view_add_field(v, "Office hours", rec->v[CONTACT_HOURS].s, NULL);
	if (rec->v[CONTACT_TIMEZONE].s != NULL) {
		/* Safe beside the sync thread: it never touches TZ. */
		if (layout_local_time(rec->v[CONTACT_TIMEZONE].s,
		    rec->v[CONTACT_HOURS].s, time(NULL), local,
		    sizeof local) == 0)
			view_add_field(v, "Local time", local, NULL);
		else
			view_add_field(v, "Local time", "unknown time zone",
			    NULL);
	}
	if (rec->v[CONTACT_VERIFIED].s != NULL) {
		s = view_verified_text(v->app, rec->v[CONTACT_VERIFIED].s,
		    &stale);
		view_add_field(v, "Verified", s, rec->v[CONTACT_VERIFIED].s);
		if (stale)
			v->head.v[v->head.n - 1].flags |= ROW_WARN;
		free(s);
	}
	view_add_field(v, "Starred", x->starred ? "yes" : NULL, NULL);
	view_add_ident(v, "Id", rec->v[CONTACT_ID].s, NULL);
	return 1;
}

static void
contact_load(struct view *v)
{
	struct contact_load	 l = { v, 0 };
	struct cache_filter	 f;
	size_t			 i;

	v->type = REC_CONTACT;
	memset(&f, 0, sizeof f);
	f.type = REC_CONTACT;
	f.id = v->arg;
	cache_list(v->app->cache, &f, contact_load_cb, &l);
	if (!l.found) {
		view_add_text(v, "This contact is no longer in the directory.",
		    ROW_WARN);
		return;
	}
	for (i = 0; i < v->head.n; i++) {
		if (strcmp(v->head.v[i].col[0], "E-mail") == 0)
			v->sel = i;
	}
}

const struct view_ops view_contact_ops = {
	.name = "Contact",
	.wraps = 1,
	.load = contact_load,
};
