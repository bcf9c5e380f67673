/*
 * view-contact.c: one contact, every field (present_record_fields): its
 * authority and the authority's expertise and designations, its local
 * time now from its time zone and whether that is within its office
 * hours ("14:05 local, within office hours"), the verified date marked
 * stale past the configured age. The e-mail is focused first, for y.
 * Enter on the authority or the country opens it; Enter on the e-mail or
 * a phone copies it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

static enum cache_status
contact_load(struct view *v)
{
	struct cache_filter	 f;
	struct out_list		 l, auth;
	enum cache_status	 st;

	v->type = REC_CONTACT;
	memset(&f, 0, sizeof f);
	f.type = REC_CONTACT;
	f.id = v->arg;
	out_list_init(&l);
	st = cache_list(v->app->cache, &f, out_list_add_cb, &l);
	if (st == CACHE_ERR_NOTFOUND || (st == CACHE_OK && l.n == 0)) {
		out_list_free(&l);
		view_add_text(v, _("This contact is no longer in the "
		    "directory."), ROW_WARN);
		return CACHE_OK;
	}
	if (st != CACHE_OK) {
		out_list_free(&l);
		return st;
	}
	/* Its authority: the expertise and designations it shows. */
	out_list_init(&auth);
	if (l.v[0].rec.v[CONTACT_AUTHORITY].s != NULL) {
		memset(&f, 0, sizeof f);
		f.type = REC_AUTHORITY;
		f.id = l.v[0].rec.v[CONTACT_AUTHORITY].s;
		st = cache_list(v->app->cache, &f, out_list_add_cb, &auth);
		if (st != CACHE_OK && st != CACHE_ERR_NOTFOUND) {
			out_list_free(&auth);
			out_list_free(&l);
			return st;
		}
	}
	free(v->title);
	v->title = sanitize(l.v[0].rec.v[CONTACT_NAME].s, SANITIZE_LINE);
	view_add_record_own(v, &l.v[0], auth.n > 0 ? &auth.v[0] : NULL);
	out_list_free(&auth);
	out_list_free(&l);
	return CACHE_OK;
}

const struct view_ops view_contact_ops = {
	/* TRANSLATORS: a screen's name in the breadcrumb (top line). */
	.name = N_("Contact"),
	.wraps = 1,
	.load = contact_load,
	.key = view_record_key,		/* n: note, f: flag */
};
