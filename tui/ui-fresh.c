/*
 * ui-fresh.c: the officer's own, on the screens. n on a record's own
 * screen (or the note action anywhere a contact, authority or route is
 * selected) asks for the officer's note on it, f (or the flag action)
 * for a flag to the secretariat; both on the one status-line prompt.
 * A record's screen shows its note, its flags, and the fields syncs
 * changed since the interface started (view_add_record_own).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/i18n.h"
#include "tui/ui.h"

/* What n and f act on: the row's record, else the screen's own. */
static int
fresh_target(struct view *v, const struct row *r, const char **id,
    const char **shown)
{
	if (r != NULL && r->id != NULL && (r->type == REC_AUTHORITY ||
	    r->type == REC_CONTACT || r->type == REC_ROUTE) &&
	    !(r->flags & ROW_FIELD)) {
		*id = r->id;
		*shown = r->name != NULL ? r->name : r->id;
		return r->type;
	}
	if (v->arg != NULL && (v->type == REC_AUTHORITY ||
	    v->type == REC_CONTACT || v->type == REC_ROUTE)) {
		*id = v->arg;
		*shown = v->title;
		return v->type;
	}
	return -1;
}

/* The record's name as the feed has it (a route: its measure). Caller frees. */
static char *
fresh_name(struct app *app, int type, const char *id)
{
	struct cache_filter	 f;
	struct out_list		 l;
	const char		*name = NULL;
	char			*out;

	memset(&f, 0, sizeof f);
	f.type = type;
	f.id = id;
	out_list_init(&l);
	if (cache_list(app->cache, &f, out_list_add_cb, &l) == CACHE_OK &&
	    l.n > 0)
		name = l.v[0].rec.v[type == REC_ROUTE ? ROUTE_MEASURE :
		    type == REC_CONTACT ? CONTACT_NAME : AUTH_NAME].s;
	out = name != NULL ? xstrdup(name) : NULL;
	out_list_free(&l);
	return out;
}

/* What the prompts carry to their answer. */
struct fresh_job {
	int	 type;
	char	*id;
	char	*shown;		/* sanitized, for the messages */
};

static struct fresh_job *
fresh_job_new(int type, const char *id, const char *shown)
{
	struct fresh_job	*job = xcalloc(1, sizeof *job);

	job->type = type;
	job->id = xstrdup(id);
	job->shown = xstrdup(shown);
	return job;
}

static void
fresh_job_free(struct fresh_job *job)
{
	free(job->id);
	free(job->shown);
	free(job);
}

static void
note_done(struct app *app, const char *text, void *arg)
{
	struct fresh_job	*job = arg;
	enum cache_status	 st;

	if (text == NULL) {
		app_message(app, 0, _("note unchanged"));
		fresh_job_free(job);
		return;
	}
	st = cache_note_set(app->cache, job->type, job->id, text, time(NULL));
	if (st != CACHE_OK)
		app_message(app, 1, _("cannot keep the note: %s"),
		    cache_strerror(st));
	else if (*text == '\0')
		app_message(app, 0, _("note removed from %s"), job->shown);
	else
		app_message(app, 0, _("note kept on %s (never sent)"),
		    job->shown);
	fresh_job_free(job);
	app_reload(app);
}

void
view_note(struct view *v, struct row *r)
{
	struct fresh_job	*job;
	const char		*id, *shown;
	char			*note = NULL, *label;
	enum cache_status	 st;
	int			 type;

	if ((type = fresh_target(v, r, &id, &shown)) < 0) {
		app_message(v->app, 1, _("select a contact, authority or route "
		    "to write a note on"));
		return;
	}
	/*
	 * A note that cannot be read is not offered as empty: Enter on an
	 * empty prompt removes the note.
	 */
	st = cache_note_get(v->app->cache, type, id, &note);
	if (st != CACHE_OK && st != CACHE_ERR_NOTFOUND) {
		app_cache_error(v->app, st);
		return;
	}
	job = fresh_job_new(type, id, shown);
	/* TRANSLATORS: the prompt for the officer's note; %s names the record. */
	label = xasprintf(_("your note on %s (empty: none): "), shown);
	app_prompt(v->app, label, note, APP_HISTORY_NONE, note_done, job);
	free(label);
	free(note);
}

static void
flag_done(struct app *app, const char *text, void *arg)
{
	struct fresh_job	*job = arg;
	struct cache_state	 state;
	enum cache_status	 st;
	int64_t			 n;
	char			*name;

	if (text == NULL || *text == '\0') {
		app_message(app, 0, _("not flagged"));
		fresh_job_free(job);
		return;
	}
	name = fresh_name(app, job->type, job->id);
	st = cache_flag_add(app->cache, job->type, job->id, name, text,
	    time(NULL), &n);
	free(name);
	memset(&state, 0, sizeof state);
	if (st != CACHE_OK)
		app_message(app, 1, _("cannot keep the flag: %s"),
		    cache_strerror(st));
	else if (cache_state_get(app->cache, &state) == CACHE_OK &&
	    state.reports_url != NULL)
		app_message(app, 0, _("flag %lld on %s: sent to the secretariat "
		    "at the next sync"), (long long)n, job->shown);
	else
		app_message(app, 0, _("flag %lld on %s: kept here; the feed "
		    "names no reports URL (globe flags --export)"),
		    (long long)n, job->shown);
	cache_state_clear(&state);
	fresh_job_free(job);
	app_reload(app);
}

void
view_flag(struct view *v, struct row *r)
{
	struct fresh_job	*job;
	const char		*id, *shown;
	char			*label;
	int			 type;

	if ((type = fresh_target(v, r, &id, &shown)) < 0) {
		app_message(v->app, 1, _("select a contact, authority or route "
		    "to flag"));
		return;
	}
	job = fresh_job_new(type, id, shown);
	/* TRANSLATORS: the prompt for a flag; %s names the record. */
	label = xasprintf(_("what is outdated in %s? "), shown);
	app_prompt(v->app, label, NULL, APP_HISTORY_NONE, flag_done, job);
	free(label);
}

int
view_record_key(struct view *v, const struct input_event *ev)
{
	struct row	*r;

	if (ev->kind != INPUT_KEY)
		return 0;
	switch (keys_record_lookup(ev->key)) {
	case ACT_NOTE:
		r = view_row(v, v->sel);
		view_note(v, r);
		return 1;
	case ACT_FLAG:
		r = view_row(v, v->sel);
		view_flag(v, r);
		return 1;
	default:
		return 0;
	}
}

void
view_add_record_own(struct view *v, struct out_item *it,
    const struct out_item *auth)
{
	struct cache_flag	*flags = NULL;
	const char		*id = record_key(&it->rec);
	char			*changed = NULL;
	size_t			 nflags = 0;

	if (id != NULL && cache_flags_list(v->app->cache, CACHE_FLAGS_ALL,
	    it->rec.type, id, &flags, &nflags) == CACHE_OK) {
		it->flags = flags;
		it->nflags = nflags;
	}
	if (id != NULL && cache_changed_fields(v->app->cache, it->rec.type, id,
	    v->app->session_sync, &changed) == CACHE_OK)
		it->changed = changed;
	view_add_record(v, it, auth);
	it->flags = NULL;
	it->nflags = 0;
	it->changed = NULL;
	cache_flags_free(flags, nflags);
	free(changed);
}
