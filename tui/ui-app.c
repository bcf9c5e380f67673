/*
 * ui-app.c: the interface's main loop and frame. The loop blocks in ppoll on
 * the terminal and the background sync's pipe, passes every event through
 * input_read and the key table, and redraws the frame: the breadcrumb
 * line, the current view, the status line (data as of …, counts, and
 * offline / syncing / synced), and at the title's right the cursor's
 * place in the list ("12/398"). Every APP_WATCH_MS it also wakes to ask the
 * cache whether another process committed (one PRAGMA, no redraw when
 * nothing changed), and then reloads the views in place. Views are a
 * stack; each is one view-*.c file behind a view_ops table.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/i18n.h"
#include "tui/ui.h"

/*
 * How often an idle interface looks for a commit by another process (a
 * `globe sync` in another terminal): one PRAGMA, microseconds.
 */
#define APP_WATCH_MS	2000

/* The longest part of a vCard file name taken from a record's id. */
#define VCARD_NAME_MAX	64

/* ---- rows ------------------------------------------------------------ */

void
row_clear(struct row *r)
{
	size_t	i;

	free(r->id);
	free(r->name);
	for (i = 0; i < ROW_MAXCOLS; i++)
		free(r->col[i]);
	free(r->copy);
	free(r->link);
	free(r->country);
	memset(r, 0, sizeof *r);
	r->type = -1;
}

struct row *
rows_add(struct rows *rs)
{
	struct row	*r;

	if (rs->n == rs->cap) {
		rs->cap = rs->cap == 0 ? 16 : rs->cap * 2;
		rs->v = xreallocarray(rs->v, rs->cap, sizeof *rs->v);
	}
	r = &rs->v[rs->n++];
	memset(r, 0, sizeof *r);
	r->type = -1;
	return r;
}

void
rows_free(struct rows *rs)
{
	size_t	i;

	for (i = 0; i < rs->n; i++)
		row_clear(&rs->v[i]);
	free(rs->v);
	rs->v = NULL;
	rs->n = rs->cap = 0;
}

/* ---- views ----------------------------------------------------------- */

size_t
view_nrows(const struct view *v)
{
	return v->head.n + v->total;
}

void
view_invalidate(struct view *v)
{
	rows_free(&v->win);
	v->win_valid = 0;
	v->woff = 0;
}

void
view_relist(struct view *v)
{
	view_invalidate(v);
	if (v->ops->list != 0)
		present_grid_init(&v->grid, v->ops->list - 1, v->ops->list_opts);
}

static size_t
view_window_size(const struct view *v)
{
	return v->list_height > 10 ? (size_t)v->list_height : 10;
}

struct row *
view_row(struct view *v, size_t i)
{
	enum cache_status	 st;
	size_t			 j, h;

	if (i < v->head.n)
		return &v->head.v[i];
	j = i - v->head.n;
	if (j >= v->total || v->ops->fetch == NULL)
		return NULL;
	if (!v->win_valid || j < v->woff || j >= v->woff + v->win.n) {
		view_invalidate(v);
		h = view_window_size(v);
		v->woff = j > h ? j - h : 0;
		st = v->ops->fetch(v, v->woff, 3 * h, &v->win);
		v->win_valid = 1;
		if (st != CACHE_OK) {
			/* Said once; the rows it could not read stay blank. */
			app_cache_error(v->app, st);
			return NULL;
		}
		if (j < v->woff || j >= v->woff + v->win.n)
			return NULL;	/* the data changed under us */
	}
	return &v->win.v[j - v->woff];
}

static int
view_selectable(struct view *v, size_t i)
{
	struct row	*r;

	r = view_row(v, i);
	return r != NULL && !(r->flags & (ROW_HEADER | ROW_TEXT));
}

/* Moves sel by delta rows, skipping section headers. */
static void
view_move(struct view *v, long delta)
{
	size_t	n = view_nrows(v), i;
	long	target;

	if (n == 0)
		return;
	if (v->ops->scroll_only) {
		target = (long)v->top + delta;
		if (target > (long)n - v->list_height)
			target = (long)n - v->list_height;
		if (target < 0)
			target = 0;
		v->top = (size_t)target;
		return;
	}
	target = (long)v->sel + delta;
	if (target < 0)
		target = 0;
	if (target >= (long)n)
		target = (long)n - 1;
	i = (size_t)target;
	if (delta >= 0) {
		while (i < n && !view_selectable(v, i))
			i++;
		if (i == n) {
			i = (size_t)target;
			while (i > 0 && !view_selectable(v, i))
				i--;
		}
	} else {
		while (i > 0 && !view_selectable(v, i))
			i--;
		if (!view_selectable(v, i)) {
			while (i < n && !view_selectable(v, i))
				i++;
			if (i == n)
				i = (size_t)target;
		}
	}
	v->sel = i;
}

static void
view_clamp(struct view *v)
{
	size_t	n = view_nrows(v);
	int	h = v->list_height > 0 ? v->list_height : 1;

	if (v->ops->scroll_only) {
		if (n <= (size_t)h)
			v->top = 0;
		else if (v->top > n - (size_t)h)
			v->top = n - (size_t)h;
		return;
	}
	if (n == 0) {
		v->sel = v->top = 0;
		return;
	}
	if (v->sel >= n)
		v->sel = n - 1;
	if (!view_selectable(v, v->sel))
		view_move(v, 0);
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + (size_t)h)
		v->top = v->sel - (size_t)h + 1;
	if (v->top + (size_t)h > n)
		v->top = n > (size_t)h ? n - (size_t)h : 0;
	if (v->sel < v->top)
		v->top = v->sel;
}

void
view_select_id(struct view *v, const char *id, size_t hint)
{
	struct rows	 tmp = { 0 };
	size_t		 i, off;

	v->sel = hint;
	if (id == NULL)
		goto out;
	/* Several lines may name one record (a route's card): keep the line. */
	if (hint < v->head.n && v->head.v[hint].id != NULL &&
	    strcmp(v->head.v[hint].id, id) == 0)
		goto out;
	for (i = 0; i < v->head.n; i++) {
		if (v->head.v[i].id != NULL && strcmp(v->head.v[i].id, id) == 0) {
			v->sel = i;
			goto out;
		}
	}
	if (v->ops->fetch == NULL || v->total == 0)
		goto out;
	/* Look near where it was: the list only shifts by what changed. */
	off = hint > v->head.n + 100 ? hint - v->head.n - 100 : 0;
	v->ops->fetch(v, off, 200, &tmp);
	for (i = 0; i < tmp.n; i++) {
		if (tmp.v[i].id != NULL && strcmp(tmp.v[i].id, id) == 0) {
			v->sel = v->head.n + off + i;
			break;
		}
	}
	rows_free(&tmp);
out:
	view_clamp(v);
}

struct row *
view_item_row(struct view *v, struct rows *out, const struct record *rec,
    const struct cache_extra *x)
{
	struct out_list	 l;
	struct out_item	*it;
	struct row	*r;
	const char	*email = NULL, *country = NULL;
	int		 marks;

	out_list_init(&l);
	it = out_list_add(&l, rec, x);
	r = rows_add(out);
	r->id = xstrdup(record_key(rec) != NULL ? record_key(rec) : "");
	r->type = rec->type;
	marks = present_grid_cells(&v->grid, it, &v->app->ctx, r->col);
	if (marks & PR_STALE)
		r->flags |= ROW_WARN;
	if (marks & PR_STARRED)
		r->flags |= ROW_STARRED;
	if (marks & PR_UNREAD)
		r->flags |= ROW_BOLD;
	switch (rec->type) {
	case REC_COUNTRY:
		r->name = sanitize(rec->v[COUNTRY_NAME].s, SANITIZE_LINE);
		country = rec->v[COUNTRY_CODE].s;
		break;
	case REC_AUTHORITY:
		r->name = sanitize(rec->v[AUTH_NAME].s, SANITIZE_LINE);
		email = rec->v[AUTH_EMAIL].s;
		country = rec->v[AUTH_COUNTRY].s;
		break;
	case REC_CONTACT:
		r->name = sanitize(rec->v[CONTACT_NAME].s, SANITIZE_LINE);
		email = rec->v[CONTACT_EMAIL].s;
		country = it->country;
		break;
	case REC_NEWSLETTER:
		r->name = sanitize(rec->v[NEWS_ISSUE].s != NULL ?
		    rec->v[NEWS_ISSUE].s : rec->v[NEWS_ID].s, SANITIZE_LINE);
		email = rec->v[NEWS_URL].s;	/* y copies the link */
		break;
	default:
		break;
	}
	if (email != NULL) {
		r->copy = xstrdup(email);
		r->ident = 1;	/* an address: shown whole */
	}
	if (country != NULL)
		r->country = xstrdup(country);
	out_list_free(&l);
	return r;
}

int
view_item_row_cb(const struct record *rec, const struct cache_extra *x,
    void *arg)
{
	struct view_rows	*vr = arg;

	view_item_row(vr->view, vr->out, rec, x);
	return 0;
}

size_t
view_add_fields(struct view *v, const struct present_fields *fs,
    const char *id, int type)
{
	struct present_lines	 ls;
	struct present_field	*f;
	struct row		*r;
	size_t			 i, base = v->head.n, focus = (size_t)-1;
	int			 width, lw;

	memset(&ls, 0, sizeof ls);
	/* One column more than the labels: the field cursor is in front. */
	lw = present_label_width(fs, v->app->cols) + 2;
	if (lw > v->label_width)
		v->label_width = lw;
	width = v->app->cols - v->label_width;
	present_fields_lines(fs, width > 8 ? width : 8, &ls);
	for (i = 0; i < ls.n; i++) {
		f = &fs->v[ls.v[i].field];
		r = rows_add(&v->head);
		if (id != NULL) {
			r->id = xstrdup(id);
			r->type = type;
		}
		r->flags = ROW_FIELD | ((f->flags & PF_WARN) ? ROW_WARN : 0) |
		    ((ls.v[i].flags & PL_RTL) ? ROW_RTL : 0) |
		    ((ls.v[i].flags & PL_IDENT) ? ROW_IDENT : 0) |
		    ((f->flags & PF_CHANGED) ? ROW_CHANGED : 0);
		r->col[0] = xstrdup(ls.v[i].label != NULL ? ls.v[i].label : "");
		r->col[1] = ls.v[i].text;
		ls.v[i].text = NULL;
		r->copy = xstrdup(f->copy != NULL ? f->copy : f->text);
		r->ident = (f->flags & PF_IDENT) != 0;
		r->copy_what = f->copy_what;
		if (f->link != NULL) {
			r->link = xstrdup(f->link);
			r->link_type = f->link_type;
		}
		if ((f->flags & PF_FOCUS) && focus == (size_t)-1)
			focus = base + i;
	}
	present_lines_free(&ls);
	return focus;
}

void
view_add_record(struct view *v, const struct out_item *it,
    const struct out_item *auth)
{
	struct present_fields	 fs;
	size_t			 focus;

	memset(&fs, 0, sizeof fs);
	present_record_fields(it, auth, &v->app->ctx, &fs);
	v->label_width = 0;
	focus = view_add_fields(v, &fs, NULL, -1);
	/* The e-mail is what y copies by default. */
	if (focus != (size_t)-1)
		v->sel = focus;
	present_fields_free(&fs);
}

void
view_add_header(struct view *v, const char *text)
{
	struct row	*r;

	r = rows_add(&v->head);
	r->flags = ROW_HEADER;
	r->col[0] = xstrdup(text);
}

void
view_add_text(struct view *v, const char *text, int flags)
{
	struct row	*r;

	r = rows_add(&v->head);
	r->flags = ROW_TEXT | flags;
	r->col[0] = xstrdup(text);
}

void
view_add_cols(struct view *v, const char *lead, const char *text, int flags)
{
	struct row	*r;

	r = rows_add(&v->head);
	r->flags = ROW_TEXT | ROW_COLS | flags;
	r->col[0] = xstrdup(lead);
	r->col[1] = xstrdup(text);
}

struct view *
app_current(struct app *app)
{
	return app->depth > 0 ? app->stack[app->depth - 1] : NULL;
}

enum cache_status
app_cache_error(struct app *app, enum cache_status st)
{
	if (st == CACHE_OK)
		return st;
	if (st == CACHE_ERR_CORRUPT)
		/* TRANSLATORS: %s says why; `globe sync` is a command. */
		app_message(app, 1, _("cannot read the cache: %s; quit, move "
		    "it away and run `globe sync` to rebuild it"),
		    cache_strerror(st));
	else
		/* TRANSLATORS: %s says why (a cache error). */
		app_message(app, 1, _("cannot read the cache: %s"),
		    cache_strerror(st));
	return st;
}

/*
 * Loads (or reloads) a view: its list columns start from their titles,
 * and a cache error shows in the status line and in the view itself,
 * never as an empty list.
 */
static void
view_load(struct view *v)
{
	enum cache_status	 st;

	if (v->ops->list != 0)
		present_grid_init(&v->grid, v->ops->list - 1, v->ops->list_opts);
	if (v->ops->load == NULL)
		return;
	st = v->ops->load(v);
	if (st == CACHE_OK)
		return;
	rows_free(&v->head);
	view_invalidate(v);
	v->total = 0;
	v->count = 0;
	app_cache_error(v->app, st);
	view_add_text(v, cache_strerror(st), ROW_WARN);
	v->sel = 0;
}

static void
view_free(struct view *v)
{
	if (v == NULL)
		return;
	if (v->ops->close != NULL)
		v->ops->close(v);
	rows_free(&v->head);
	rows_free(&v->win);
	free(v->title);
	free(v->arg);
	free(v);
}

static int
app_list_height(struct app *app)
{
	return app->rows - 2;
}

struct view *
app_push(struct app *app, const struct view_ops *ops, const char *arg,
    const char *title)
{
	struct view	*v;

	if (app->depth == APP_MAX_DEPTH) {
		/* Deep enough: forget the oldest but the top-level one. */
		view_free(app->stack[1]);
		memmove(&app->stack[1], &app->stack[2],
		    (APP_MAX_DEPTH - 2) * sizeof app->stack[0]);
		app->depth--;
	}
	v = xcalloc(1, sizeof *v);
	v->ops = ops;
	v->app = app;
	v->type = -1;
	v->arg = arg != NULL ? xstrdup(arg) : NULL;
	v->title = sanitize(title != NULL ? title : _(ops->name),
	    SANITIZE_LINE);
	/* After the copies: arg and title may be the old view's rows. */
	if (app->depth > 0 && app->stack[app->depth - 1]->ops->leave != NULL)
		app->stack[app->depth - 1]->ops->leave(app->stack[app->depth - 1]);
	v->list_height = app_list_height(app);
	v->loaded_cols = app->cols;
	app->stack[app->depth++] = v;
	view_load(v);	/* may choose the first selection */
	view_clamp(v);
	return v;
}

int
app_pop(struct app *app)
{
	if (app->depth <= 1)
		return 0;
	view_free(app->stack[--app->depth]);
	return 1;
}

void
app_switch(struct app *app, const struct view_ops *ops)
{
	while (app->depth > 0)
		view_free(app->stack[--app->depth]);
	app_push(app, ops, NULL, NULL);
}

void
app_goto(struct app *app, const struct view_ops *ops, const char *title)
{
	size_t	i;

	/* The screen is open already: back to it, as Esc would go. */
	for (i = app->depth; i > 0; i--) {
		if (app->stack[i - 1]->ops == ops) {
			while (app->depth > i)
				view_free(app->stack[--app->depth]);
			return;
		}
	}
	if (ops == &view_countries_ops)
		app_switch(app, ops);	/* the root of every trail */
	else
		app_push(app, ops, NULL, title);
}

void
app_message_brief(struct app *app, int warn, const char *text,
    const char *brief)
{
	struct app_msg	*m;

	free(app->message);
	free(app->message_brief);
	app->message = sanitize(text, SANITIZE_LINE);
	app->message_brief = brief != NULL ? sanitize(brief, SANITIZE_LINE) :
	    NULL;
	app->message_warn = warn;
	/* Kept for the messages screen: a cut status line loses nothing. */
	if (app->nlog == app->caplog) {
		app->caplog = app->caplog == 0 ? 32 : app->caplog * 2;
		app->log = xreallocarray(app->log, app->caplog,
		    sizeof *app->log);
	}
	m = &app->log[app->nlog++];
	m->when = time(NULL);
	m->warn = warn;
	m->text = xstrdup(app->message);
}

void
app_message(struct app *app, int warn, const char *fmt, ...)
{
	va_list	 ap;
	char	*text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	app_message_brief(app, warn, text, NULL);
	free(text);
}

void
app_copy_row(struct app *app, const struct row *r, int say_what)
{
	char	*shown;

	if (r == NULL || r->copy == NULL || *r->copy == '\0') {
		app_message(app, 1, _("nothing to copy on this line"));
		return;
	}
	/* The clipboard gets what the screen shows (sanitized there). */
	clipboard_copy(r->copy, r->ident ? SANITIZE_IDENT : SANITIZE_LINE);
	shown = sanitize(r->copy, r->ident ? SANITIZE_IDENT : SANITIZE_LINE);
	if (say_what && r->copy_what != NULL)
		/*
		 * TRANSLATORS: Enter on a field copied it: the first %s
		 * says what ("e-mail", "phone", "mobile", "website", each
		 * translated on its own), the second is the value.
		 */
		app_message(app, 0, _("copied %s to clipboard: %s"),
		    r->copy_what, shown);
	else
		/* TRANSLATORS: %s is the value copied (an e-mail, a phone). */
		app_message(app, 0, _("copied %s to the clipboard"), shown);
	free(shown);
}

void
app_refresh_status(struct app *app)
{
	cache_state_clear(&app->state);
	memset(&app->state, 0, sizeof app->state);
	app->state.serial = -1;
	if (cache_state_get(app->cache, &app->state) != CACHE_OK) {
		memset(&app->state, 0, sizeof app->state);
		app->state.serial = -1;
	}
	memset(&app->counts, 0, sizeof app->counts);
	cache_counts_get(app->cache, &app->counts);
}

/* Loads the view again, keeping its selection by id (else by place). */
static void
view_reload(struct view *v)
{
	struct row	*r;
	size_t		 sel, top, i;
	char		*id, *label;

	r = v->ops->scroll_only ? NULL : view_row(v, v->sel);
	id = r != NULL && r->id != NULL ? xstrdup(r->id) : NULL;
	/* A field has no id: it is found again by its label. */
	label = r != NULL && (r->flags & ROW_FIELD) && r->col[0] != NULL &&
	    *r->col[0] != '\0' ? xstrdup(r->col[0]) : NULL;
	sel = v->sel;
	top = v->top;
	view_invalidate(v);
	rows_free(&v->head);
	v->total = 0;
	v->loaded_cols = v->app->cols;
	view_load(v);
	v->top = top;
	if (v->ops->scroll_only)
		view_clamp(v);
	else
		view_select_id(v, id, sel);
	for (i = 0; label != NULL && i < v->head.n; i++) {
		r = &v->head.v[i];
		if ((r->flags & ROW_FIELD) && r->col[0] != NULL &&
		    strcmp(r->col[0], label) == 0) {
			v->sel = i;
			view_clamp(v);
			break;
		}
	}
	free(label);
	free(id);
}

void
app_reload(struct app *app)
{
	size_t	i;

	app_refresh_status(app);
	for (i = 0; i < app->depth; i++)
		view_reload(app->stack[i]);
}

/* ---- stars, vCards ---------------------------------------------------- */

/* The record a key like `*` or `v` acts on: the row's, else the view's. */
static int
view_target(struct view *v, struct row *r, const char **id)
{
	if (r != NULL && r->id != NULL &&
	    (r->type == REC_AUTHORITY || r->type == REC_CONTACT)) {
		*id = r->id;
		return r->type;
	}
	if (v->arg != NULL && (v->type == REC_AUTHORITY || v->type == REC_CONTACT)) {
		*id = v->arg;
		return v->type;
	}
	return -1;
}

void
view_toggle_star(struct view *v, struct row *r)
{
	struct app		*app = v->app;
	struct cache_filter	 f;
	const char		*id;
	int			 type, on = 1;
	char			*keep, *msg;

	type = view_target(v, r, &id);
	if (type == -1) {
		app_message(app, 1, _("only contacts and authorities can be "
		    "starred"));
		return;
	}
	keep = xstrdup(id);
	if (r != NULL && r->id != NULL && strcmp(r->id, keep) == 0)
		on = !(r->flags & ROW_STARRED);
	else {
		/* The view's own record: ask the cache whether it is starred. */
		size_t n = 0;
		memset(&f, 0, sizeof f);
		f.type = type;
		f.id = keep;
		f.starred_only = 1;
		if (cache_list_count(app->cache, &f, &n) == CACHE_OK && n > 0)
			on = 0;
	}
	if (cache_star_set(app->cache, type, keep, on) != CACHE_OK)
		/* TRANSLATORS: %s says why (a cache error). */
		app_message(app, 1, _("cannot change the star: %s"),
		    cache_strerror(CACHE_ERR));
	else {
		msg = present_star_message(on, keep);
		app_message(app, 0, "%s", msg);
		free(msg);
	}
	free(keep);
	app_reload(app);
}

/* What `v` carries from the path prompt to the overwrite question. */
struct vcard_job {
	char	*id;
	char	*path;	/* ~ expanded */
};

static void
vcard_job_free(struct vcard_job *job)
{
	free(job->id);
	free(job->path);
	free(job);
}

static void
view_vcard_write(struct app *app, struct vcard_job *job)
{
	char	*cause = NULL;

	if (vcard_file_write(app->cache, job->id, job->path, &cause) == 0)
		/* TRANSLATORS: %s is a file's path. */
		app_message(app, 0, _("vCard written to %s"), job->path);
	else {
		/* TRANSLATORS: a file's path, then why. */
		app_message(app, 1, _("cannot write %s: %s"), job->path,
		    cause != NULL ? cause :
		    /* TRANSLATORS: why, when the system did not say. */
		    _("error"));
		free(cause);
	}
}

static void
view_vcard_confirmed(struct app *app, int yes, void *arg)
{
	struct vcard_job	*job = arg;

	if (yes)
		view_vcard_write(app, job);
	else
		/* TRANSLATORS: %s is a file's path. */
		app_message(app, 0, _("not overwritten: %s"), job->path);
	vcard_job_free(job);
}

static void
view_vcard_done(struct app *app, const char *path, void *arg)
{
	struct vcard_job	*job = arg;
	struct stat		 sb;
	const char		*home = getenv("HOME");
	char			*q;

	if (path == NULL || *path == '\0') {
		app_message(app, 0, _("no vCard written"));
		vcard_job_free(job);
		return;
	}
	if (path[0] == '~' && path[1] == '/' && home != NULL)
		job->path = xasprintf("%s%s", home, path + 1);
	else
		job->path = xstrdup(path);
	if (stat(job->path, &sb) == 0) {
		/* Never replace a file unasked; no is the default. */
		/*
		 * TRANSLATORS: a question on the status line; %s is a
		 * file's path. y and n are the keys that answer it (y/N:
		 * no is the default): keep them.
		 */
		q = xasprintf(_("%s exists: overwrite? (y/N) "), job->path);
		app_confirm(app, q, view_vcard_confirmed, job);
		free(q);
		return;
	}
	view_vcard_write(app, job);
	vcard_job_free(job);
}

void
view_vcard(struct view *v, const char *id, int type)
{
	struct vcard_job	*job;
	char			*def;

	(void)type;
	/* A safe name whatever the id holds, in the current directory. */
	def = layout_safe_filename(id, ".vcf", VCARD_NAME_MAX);
	job = xcalloc(1, sizeof *job);
	job->id = xstrdup(id);
	/* TRANSLATORS: a prompt on the status line; a file's path follows. */
	app_prompt(v->app, _("save vCard to: "), def, APP_HISTORY_VCARD,
	    view_vcard_done, job);
	free(def);
}

/* ---- drawing --------------------------------------------------------- */

/*
 * Where the cursor is in the view's entries and how many there are, as
 * "12/398" (fzf, mutt): the records of the head lines (starred) and of
 * the list (as far as the view counted it), "-" while the cursor is on
 * a field, a "+" when there are more than that. NULL for screens that are no list (help, reader, a
 * contact). Caller frees.
 */
char *
view_position_text(struct view *v)
{
	const struct row	*r;
	size_t			 i, ids = 0, pos = 0, list, count;
	char			 p[LAYOUT_COUNT_MAX], c[LAYOUT_COUNT_MAX];
	int			 more;

	if (v->ops->scroll_only)
		return NULL;
	for (i = 0; i < v->head.n; i++) {
		r = &v->head.v[i];
		if (r->id == NULL || (r->flags & (ROW_HEADER | ROW_TEXT |
		    ROW_FIELD)))
			continue;
		ids++;
		if (i == v->sel)
			pos = ids;
	}
	list = v->total - (v->total_more && v->total > 0 ? 1 : 0);
	if (v->sel >= v->head.n && v->sel - v->head.n < list)
		pos = ids + (v->sel - v->head.n) + 1;
	more = v->total_more;
	if (v->count > 0) {
		list = v->count;	/* counted further than loaded */
		more = v->count_more;
	}
	count = ids + list;
	/* A screen with columns is a list, even when empty. */
	if (count == 0 && v->ops->list == 0)
		return NULL;
	layout_count(pos, p);
	layout_count(count, c);
	return xasprintf("%s/%s%s", pos == 0 && count > 0 ? "-" : p, c,
	    more ? "+" : "");
}

/*
 * How a line of the frame reads (the title, the status line): in the
 * interface's direction, from its side.
 */
static int
app_frame_bidi(void)
{
	return bidi_layout_rtl() ? BIDI_PAR_RTL | BIDI_RIGHT :
	    BIDI_PAR_LTR | BIDI_LEFT;
}

static void
app_draw_title(struct app *app)
{
	struct buf	 b;
	size_t		 i, start;
	char		*line, *pos, *sep, *part;
	/* TRANSLATORS: the badge at the top right of a demo session. */
	const char	*demo = _("demo");
	int		 avail, pw = 0, dw = 0, rtl = bidi_layout_rtl();

	sep = xasprintf(" %s ", charset_glyph(GLYPH_CRUMB));
	/*
	 * The position and the demo badge keep their place on the right
	 * (the left, laid out right to left): the trail gives way.
	 */
	if (app->opts->demo)
		dw = (int)utf8_width(demo) + 2;
	avail = app->cols - (dw > 0 ? dw + 1 : 0);
	pos = app->depth > 0 ? view_position_text(app->stack[app->depth - 1]) :
	    NULL;
	if (pos != NULL) {
		pw = (int)utf8_width(pos);
		if (pw + 12 > avail) {
			free(pos);	/* no room for it and a trail */
			pos = NULL;
		} else
			avail -= pw + 2;
	}
	buf_init(&b);
	/* Drop the oldest parts (behind a "…") until the trail fits. */
	for (start = 0; start < app->depth; start++) {
		buf_reset(&b);
		if (start > 0)
			buf_adds(&b, charset_glyph(GLYPH_ELLIPSIS));
		for (i = start; i < app->depth; i++) {
			if (b.len > 0)
				buf_adds(&b, sep);
			/* Each part in its own direction, in trail order. */
			part = bidi_isolate(app->stack[i]->title);
			buf_adds(&b, part);
			free(part);
		}
		if (utf8_width(b.data) + 1 <= (size_t)avail ||
		    start + 1 == app->depth)
			break;
	}
	line = xasprintf(" %s", b.data != NULL ? b.data : "");
	/* Even the last part alone is too long: it is cut at its end. */
	display_text(0, 0, app->cols, "", STYLE_TITLE);
	display_line(0, rtl ? app->cols - avail : 0, avail, line,
	    app_frame_bidi(), STYLE_TITLE);
	if (pos != NULL)
		display_text(0, rtl ? app->cols - avail - 1 - pw : avail + 1,
		    pw, pos, STYLE_TITLE);
	if (dw > 0)
		display_line(0, rtl ? 0 : app->cols - dw, dw, demo,
		    rtl ? app_frame_bidi() : 0, STYLE_TITLE);
	free(pos);
	free(line);
	free(sep);
	buf_free(&b);
}

/*
 * The sync part of the status line: the progress while a sync runs;
 * "offline" when no feed is configured or the last attempt failed;
 * otherwise how long ago the last good sync was (from the cache's sync
 * state, so a `globe sync` elsewhere counts too). Caller frees both.
 */
static void
app_sync_part(struct app *app, time_t now, char **full, char **brief)
{
	char	ago[64];

	if (app->sync != NULL) {
		*full = xstrdup(app->sync_text);
		*brief = NULL;
		return;
	}
	if (app->opts->net == NULL || app->opts->net->feed == NULL ||
	    app->state.last_sync > app->state.last_success) {
		/* TRANSLATORS: the status line: no feed, or it failed. */
		*full = xstrdup(_("offline"));
		*brief = NULL;
		return;
	}
	if (app->state.last_success <= 0) {
		*full = xstrdup(_("not synced yet"));
		*brief = NULL;
		return;
	}
	layout_ago(app->state.last_success, now, 0, ago, sizeof ago);
	/*
	 * TRANSLATORS: the status line; %s is how long ago ("just now",
	 * "5 min ago", "3 days ago", or briefly "5m ago", all translated
	 * on their own).
	 */
	*full = xasprintf(_("synced %s"), ago);
	layout_ago(app->state.last_success, now, 1, ago, sizeof ago);
	*brief = xasprintf(_("synced %s"), ago);
}

/* Parts of the status line, in the order they are shown. */
enum {
	STATUS_DATE, STATUS_SERIAL, STATUS_AUTHORITIES, STATUS_CONTACTS,
	STATUS_SYNC, STATUS_NPARTS
};
/*
 * The order in which parts give way on a narrow line (each step one form
 * shorter): the counts go first, then "data as of" shrinks to the date,
 * the sync text to its brief form ("synced 5m ago"), the serial to "#N",
 * and only then is the serial dropped. The date and the sync state
 * always stay.
 */
static const size_t status_steps[] = {
	STATUS_AUTHORITIES, STATUS_CONTACTS, STATUS_DATE, STATUS_DATE,
	STATUS_SYNC, STATUS_SERIAL, STATUS_SERIAL
};

/* The status line for a width (caller frees); also says what "ago" it drew. */
static char *
app_status_line(struct app *app, time_t now, int width)
{
	struct layout_part	 p[STATUS_NPARTS];
	char			 a[LAYOUT_COUNT_MAX], c[LAYOUT_COUNT_MAX];
	char			 s[LAYOUT_COUNT_MAX], date[11], *day, *line;
	char			*d0, *d1, *s0, *s1, *a0, *c0, *sync, *brief, *sep;
	uint64_t		 serial;

	memset(p, 0, sizeof p);
	layout_count(app->counts.authorities, a);
	layout_count(app->counts.contacts, c);
	serial = app->state.serial < 0 ? 0 : (uint64_t)app->state.serial;
	layout_count(serial, s);
	app_sync_part(app, now, &sync, &brief);
	free(app->ago_drawn);
	app->ago_drawn = xstrdup(sync);
	d0 = d1 = s0 = s1 = a0 = c0 = day = NULL;
	if (app->state.serial < 0 || app->state.issued == NULL)
		p[STATUS_DATE].forms[0] = _("no data yet");
	else {
		snprintf(date, sizeof date, "%.10s", app->state.issued);
		day = present_date(date);
		/*
		 * TRANSLATORS: the status line's date of the data
		 * (2026-11-20), then a shorter form for a narrow line.
		 */
		d0 = xasprintf(_("data as of %s"), day);
		/* TRANSLATORS: "data as of %s" for a narrow status line. */
		d1 = xasprintf(_("as of %s"), day);
		/* TRANSLATORS: the status line: the feed's serial number. */
		s0 = xasprintf(_("serial %s"), s);
		/* TRANSLATORS: the serial number at its briefest: "#12". */
		s1 = xasprintf(_("#%s"), s);
		/* TRANSLATORS: the status line: how many (1,234). */
		a0 = xasprintf(P_("%s authority", "%s authorities",
		    app->counts.authorities), a);
		/* TRANSLATORS: the status line: how many (1,234). */
		c0 = xasprintf(P_("%s contact", "%s contacts",
		    app->counts.contacts), c);
		p[STATUS_DATE].forms[0] = d0;
		p[STATUS_DATE].forms[1] = d1;
		p[STATUS_DATE].forms[2] = day;
		p[STATUS_SERIAL].forms[0] = s0;
		p[STATUS_SERIAL].forms[1] = s1;
		p[STATUS_SERIAL].forms[2] = "";
		p[STATUS_CONTACTS].forms[0] = c0;
		p[STATUS_CONTACTS].forms[1] = "";
		p[STATUS_AUTHORITIES].forms[0] = a0;
		p[STATUS_AUTHORITIES].forms[1] = "";
	}
	p[STATUS_SYNC].forms[0] = sync;
	p[STATUS_SYNC].forms[1] = brief;
	sep = xasprintf(" %s ", charset_glyph(GLYPH_DOT));
	line = layout_fit_parts(p, STATUS_NPARTS, status_steps,
	    sizeof status_steps / sizeof status_steps[0], sep, width);
	free(sep);
	free(d0);
	free(d1);
	free(s0);
	free(s1);
	free(a0);
	free(c0);
	free(day);
	free(sync);
	free(brief);
	return line;
}

/*
 * A message as wide as the line allows: in full, else its brief form,
 * else cut; when anything was left out it says where to read it all
 * ("… (M: messages)"). Caller frees.
 */
static char *
app_message_line(struct app *app)
{
	char	*keys, *note, *hint, *cut, *line;
	size_t	 w, hw;

	if (utf8_width(app->message) <= (size_t)app->cols)
		return xstrdup(app->message);
	keys = keys_for_action(ACT_MESSAGES);
	if (*keys != '\0') {
		/*
		 * TRANSLATORS: after a status-line message cut to fit; %s
		 * is the keys that show every message in full ("M, F9").
		 */
		note = xasprintf(_("(%s: messages)"), keys);
		hint = xasprintf(" %s", note);
		free(note);
	} else
		hint = xstrdup("");
	free(keys);
	hw = utf8_width(hint);
	if (app->message_brief != NULL &&
	    utf8_width(app->message_brief) + hw <= (size_t)app->cols) {
		line = xasprintf("%s%s", app->message_brief, hint);
		free(hint);
		return line;
	}
	w = (size_t)app->cols > hw + 1 ? (size_t)app->cols - hw : 1;
	cut = utf8_fit(app->message, (int)w, 0);	/* ends with "…" */
	line = xasprintf("%s%s", cut, hint);
	free(cut);
	free(hint);
	return line;
}

static void
app_draw_status(struct app *app)
{
	char		*line;

	if (app->prompting) {
		app_draw_prompt(app);
		return;
	}
	if (app->message != NULL) {
		line = app_message_line(app);
		display_line(app->rows - 1, 0, app->cols, line,
		    app_frame_bidi(), app->message_warn ? STYLE_WARN :
		    STYLE_STATUS);
		free(line);
		return;
	}
	line = app_status_line(app, time(NULL), app->cols);
	display_line(app->rows - 1, 0, app->cols, line, app_frame_bidi(),
	    STYLE_STATUS);
	free(line);
}

/* How a line of text of a row reads: its paragraph's direction, laid out. */
static int
row_bidi(const struct row *r)
{
	int	flags = bidi_layout_rtl() ? BIDI_RIGHT : 0;

	if (r->flags & ROW_IDENT)
		flags |= BIDI_PAR_LTR;
	else if (r->flags & ROW_RTL)
		flags |= BIDI_PAR_RTL;
	return flags;
}

/*
 * A "label value" line of a detail view: the field cursor, the label, a
 * space, the value. Laid out right to left, the same from the right.
 */
static void
view_draw_field(struct view *v, const struct row *r, int y, int width,
    int selected)
{
	enum style	 lst, vst, cst;
	const char	*mark;
	int		 lw, rtl = bidi_layout_rtl();

	lw = v->label_width > 2 ? v->label_width : 2;
	/*
	 * The cursor on fields shows without colour too, and so does a
	 * field a sync changed this session: "~", as the sync's summary
	 * counts changes.
	 */
	mark = selected ? charset_glyph(GLYPH_CRUMB) :
	    (r->flags & ROW_CHANGED) ? "~" : "";
	cst = selected ? STYLE_SELECTED : (r->flags & ROW_CHANGED) ?
	    STYLE_MATCH : STYLE_NORMAL;
	lst = selected ? STYLE_SELECTED : STYLE_LABEL;
	vst = selected ? STYLE_SELECTED : (r->flags & ROW_WARN) ? STYLE_WARN :
	    (r->flags & ROW_CHANGED) ? STYLE_MATCH : STYLE_NORMAL;
	if (!rtl) {
		display_text(y, 0, 1, mark, cst);
		display_line(y, 1, lw - 2, r->col[0], BIDI_LEFT, lst);
		display_text(y, lw - 1, 1, "", cst);
		display_line(y, lw, width - lw, r->col[1], row_bidi(r), vst);
		return;
	}
	display_line(y, 0, width - lw, r->col[1], row_bidi(r), vst);
	display_text(y, width - lw, 1, "", cst);
	display_line(y, width - lw + 1, lw - 2, r->col[0], BIDI_RIGHT, lst);
	/* From the right, the cursor points the other way (mirrored). */
	display_line(y, width - 1, 1, mark, BIDI_PAR_RTL, cst);
}

/*
 * A ROW_COLS line: lead then text, as one line; laid out right to left,
 * the lead's column at the right, what it says (a key, a time: left to
 * right) at its right after its indent, and the text to its left.
 */
static void
view_draw_cols(const struct row *r, int y, int width, enum style st)
{
	const char	*lead = r->col[0] != NULL ? r->col[0] : "";
	char		*line, *core;
	size_t		 indent, len;
	int		 lw;

	if (!bidi_layout_rtl()) {
		line = xasprintf("%s%s", lead, r->col[1] != NULL ? r->col[1] :
		    "");
		display_line(y, 0, width, line, row_bidi(r), st);
		free(line);
		return;
	}
	lw = (int)utf8_width(lead);
	if (lw > width)
		lw = width;
	indent = strspn(lead, " ");
	len = strlen(lead);
	while (len > indent && lead[len - 1] == ' ')
		len--;
	core = xstrndup(lead + indent, len - indent);
	display_line(y, width - lw, lw - (int)indent, core,
	    BIDI_PAR_LTR | BIDI_RIGHT, st);
	display_text(y, width - (int)indent, (int)indent, "", st);
	display_line(y, 0, width - lw, r->col[1], bidi_ui_flags(), st);
	free(core);
}

static void
view_draw_row_default(struct view *v, const struct row *r, int y, int width,
    int selected)
{
	char		*line;
	enum style	 st;

	if (r->flags & ROW_HEADER) {
		display_line(y, 0, width, r->col[0], row_bidi(r), STYLE_HEADER);
		return;
	}
	if (r->flags & ROW_TEXT) {
		st = (r->flags & ROW_BOLD) ? STYLE_BOLD :
		    (r->flags & ROW_WARN) ? STYLE_WARN :
		    (r->flags & ROW_DIM) ? STYLE_DIM : STYLE_NORMAL;
		if (r->flags & ROW_COLS)
			view_draw_cols(r, y, width, st);
		else
			display_line(y, 0, width, r->col[0], row_bidi(r), st);
		return;
	}
	if (r->flags & ROW_FIELD) {
		view_draw_field(v, r, y, width, selected);
		return;
	}
	if (v->grid.fitted != width)
		present_grid_fit(&v->grid, width);
	/* Each cell in visual order already (present_grid_row). */
	line = present_grid_row(&v->grid, r->col, 1);
	st = selected ? STYLE_SELECTED : (r->flags & ROW_BOLD) ? STYLE_BOLD :
	    (r->flags & ROW_WARN) ? STYLE_WARN :
	    (r->flags & ROW_DIM) ? STYLE_DIM : STYLE_NORMAL;
	display_text(y, 0, width, line, st);
	free(line);
}

void
view_add_para(struct view *v, const char *text, int flags)
{
	char		**lines = NULL;
	unsigned char	 *rtl = NULL;
	size_t		  n = 0, i;

	layout_wrap_dirs(text, v->app->cols > 2 ? v->app->cols - 1 : 1,
	    &lines, &n, &rtl);
	for (i = 0; i < n; i++) {
		view_add_text(v, lines[i], flags | (rtl[i] ? ROW_RTL : 0));
		free(lines[i]);
	}
	free(rtl);
	free(lines);
}

int
view_draw_titles(struct view *v, int y, int width)
{
	char	*line;

	if (v->ops->list == 0)
		return 0;
	if (v->grid.fitted != width)
		present_grid_fit(&v->grid, width);
	line = present_grid_titles(&v->grid, 1);
	display_text(y, 0, width, line, STYLE_HEADER);
	free(line);
	return 1;
}

static void
app_draw_view(struct app *app, struct view *v)
{
	int		 y, y0, hdr, i;
	size_t		 n;
	struct row	*r;

	y0 = 1;
	hdr = 0;
	if (v->ops->wraps && v->loaded_cols != app->cols)
		view_reload(v);
	if (v->ops->list != 0) {
		/*
		 * The columns are as wide as what is on screen: read the
		 * window first, so the titles are laid out as the rows are.
		 */
		size_t	 first = v->top > v->head.n ? v->top : v->head.n;

		if (first < view_nrows(v))
			(void)view_row(v, first);
		present_grid_fit(&v->grid, app->cols);
	}
	if (v->ops->draw_header != NULL)
		hdr = v->ops->draw_header(v, y0, app->cols);
	v->list_height = app->rows - 2 - hdr;
	if (v->list_height < 1)
		v->list_height = 1;
	view_clamp(v);
	n = view_nrows(v);
	for (i = 0; i < v->list_height; i++) {
		y = y0 + hdr + i;
		if (v->top + (size_t)i >= n) {
			display_text(y, 0, app->cols, "", STYLE_NORMAL);
			continue;
		}
		r = view_row(v, v->top + (size_t)i);
		if (r == NULL) {
			display_text(y, 0, app->cols, "", STYLE_NORMAL);
			continue;
		}
		if (v->ops->draw_row != NULL && !(r->flags & (ROW_FIELD |
		    ROW_HEADER | ROW_TEXT)))
			v->ops->draw_row(v, r, y, app->cols,
			    !v->ops->scroll_only && v->top + (size_t)i == v->sel);
		else
			view_draw_row_default(v, r, y, app->cols,
			    !v->ops->scroll_only && v->top + (size_t)i == v->sel);
	}
}

static void
app_draw(struct app *app)
{
	struct view	*v;
	int		 y;
	char		*msg;

	display_size(&app->rows, &app->cols);
	app->cursor_x = -1;
	app->too_small = app->rows < DISPLAY_MIN_ROWS ||
	    app->cols < DISPLAY_MIN_COLS;
	display_clear();
	if (app->too_small) {
		/*
		 * TRANSLATORS: under "terminal too small": the columns and
		 * lines globe needs (30x8). Keep it short.
		 */
		msg = xasprintf(_("needs %dx%d"), DISPLAY_MIN_COLS,
		    DISPLAY_MIN_ROWS);
		for (y = 0; y < app->rows; y++)
			display_text(y, 0, app->cols, y == app->rows / 2 ?
			    _("terminal too small") : y == app->rows / 2 + 1 ?
			    msg : "", STYLE_NORMAL);
		free(msg);
		display_cursor(0, -1);
		display_refresh();
		return;
	}
	/* The view first: the title's position counts what it drew. */
	if ((v = app_current(app)) != NULL)
		app_draw_view(app, v);
	app_draw_title(app);
	app_draw_status(app);
	display_cursor(app->cursor_y, app->cursor_x);
	display_refresh();
}

/* ---- input ----------------------------------------------------------- */

char *
app_config_path(struct app *app)
{
	char	*tilde, *clean;

	if (app->opts->config_path == NULL)
		/*
		 * TRANSLATORS: stands for the config file's path where
		 * globe does not know it, in "put `feed = URL` in %s" and
		 * on the welcome screen ("...public key in %s:").
		 */
		return xstrdup(_("the config file"));
	tilde = path_tilde(app->opts->config_path);
	clean = sanitize(tilde, SANITIZE_LINE);
	free(tilde);
	return clean;
}

static void
app_sync_start(struct app *app)
{
	char	*cause = NULL, *path;

	if (app->sync != NULL) {
		app_message(app, 0, _("a sync is already running"));
		return;
	}
	if (app->opts->net == NULL || app->opts->net->feed == NULL) {
		path = app_config_path(app);
		/*
		 * TRANSLATORS: %s is the config file's path. `feed = URL`
		 * is a config line and globe --demo a command: keep them.
		 */
		app_message(app, 1, _("no feed configured: put `feed = URL` "
		    "in %s, or run globe --demo"), path);
		free(path);
		return;
	}
	app->sync = sync_bg_start(app->opts->db_path, app->opts->net, &cause);
	if (app->sync == NULL) {
		/* TRANSLATORS: %s says why. */
		app_message(app, 1, _("sync failed: %s"), cause != NULL ?
		    cause : _("cannot start"));
		free(cause);
		return;
	}
	free(app->sync_text);
	app->sync_text = xstrdup(_("syncing"));
}

/*
 * The data changed under the interface: remember the version first (a
 * commit during the reload is then seen at the next look), reload every
 * view keeping its selection by id, and leave the welcome screen once
 * there is data.
 */
static void
app_data_changed(struct app *app)
{
	int64_t	v;

	if (cache_data_version(app->cache, &v, NULL) == CACHE_OK)
		app->data_version = v;
	app_reload(app);
	if (app->depth == 1 && app->stack[0]->ops == &view_welcome_ops &&
	    !app->prompting && app->counts.countries > 0)
		app_switch(app, &view_countries_ops);
}

/*
 * A sync that logged its changes says which key shows them: "synced
 * serial 2: contacts +1 ~1 -1 · 4: what changed". Takes text.
 */
static char *
app_sync_hint(char *text)
{
	char	*keys, *first, *out;

	if (text == NULL)
		return NULL;
	keys = keys_for_action(ACT_CHANGES);
	first = xstrndup(keys, strcspn(keys, ","));
	free(keys);
	if (*first == '\0') {
		free(first);
		return text;
	}
	/* TRANSLATORS: after a sync; %s is the key of the changes screen. */
	out = xasprintf(_("%s %s %s: what changed"), text,
	    charset_glyph(GLYPH_DOT), first);
	free(first);
	free(text);
	return out;
}

/* The passphrase typed (NULL: Esc), handed to the waiting sync. */
static void
app_passphrase_done(struct app *app, const char *text, void *arg)
{
	if (app->sync != NULL)
		sync_bg_passphrase(app->sync, text);
}

/*
 * The sync needs the device key's passphrase: a prompt that shows
 * nothing typed (another prompt open is closed first: the sync waits).
 */
static void
app_sync_passphrase(struct app *app, int attempt)
{
	char	*label;

	if (app->prompting && app->prompt_line.secret)
		return;		/* already asking */
	label = present_sync_passphrase_prompt(attempt);
	app_prompt_cancel(app);
	app_prompt_secret(app, label, app_passphrase_done, NULL);
	free(label);
}

static void
app_sync_event(struct app *app)
{
	char	*text = NULL, *brief = NULL;
	int	 failed = 0, logged = 0, attempt;

	if (app->sync == NULL)
		return;
	if (sync_bg_poll(app->sync, &text, &brief, &failed, &logged) == 0) {
		if (text != NULL) {
			free(app->sync_text);
			app->sync_text = text;
		}
		free(brief);
		if ((attempt = sync_bg_wants_passphrase(app->sync)) > 0)
			app_sync_passphrase(app, attempt);
		return;
	}
	sync_bg_free(app->sync);
	app->sync = NULL;
	free(app->sync_text);
	app->sync_text = xstrdup("");
	/* What it did, per type; then the line says "synced just now". */
	/* The key in full; a narrow line keeps the totals alone. */
	if (logged)
		text = app_sync_hint(text);
	app_message_brief(app, failed, text != NULL ? text : _("sync over"),
	    brief);
	free(text);
	free(brief);
	app_data_changed(app);
}

/* 1 when "synced 5 min ago" has become "6 min ago" since the last frame. */
static int
app_ago_changed(struct app *app)
{
	char	*full, *brief;
	int	 changed;

	if (app->message != NULL || app->prompting)
		return 0;
	app_sync_part(app, time(NULL), &full, &brief);
	changed = app->ago_drawn == NULL || strcmp(full, app->ago_drawn) != 0;
	free(full);
	free(brief);
	return changed;
}

/*
 * Another process (a `globe sync` elsewhere) committed to the cache since
 * the last look: reload in place. Not while this interface's own sync
 * runs: its end reloads. Returns 1 if the views were reloaded.
 */
static int
app_watch(struct app *app)
{
	int64_t	v;

	if (app->sync != NULL)
		return 0;
	if (cache_data_version(app->cache, &v, NULL) != CACHE_OK ||
	    v == app->data_version)
		return app_ago_changed(app);
	app_data_changed(app);
	return 1;
}

/* Enter on a field: open the record it names, or copy its value. */
static int
app_open_field(struct app *app, const struct row *r)
{
	char	*id;

	if (!(r->flags & ROW_FIELD))
		return 0;
	/* A measure of the route screens: theirs to open (open_row). */
	if (r->link != NULL && r->link_type == PF_LINK_MEASURE)
		return 0;
	if (r->link != NULL) {
		id = xstrdup(r->link);	/* r may go when the view is pushed */
		if (r->link_type == REC_AUTHORITY)
			app_push(app, &view_authority_ops, id, NULL);
		else if (r->link_type == REC_CONTACT)
			app_push(app, &view_contact_ops, id, NULL);
		else if (r->link_type == REC_COUNTRY)
			app_push(app, &view_country_ops, id, NULL);
		else if (r->link_type == REC_ROUTE) {
			char *arg = xasprintf("%s%s", ROUTE_ARG_ONE, id);

			app_push(app, &view_route_card_ops, arg, NULL);
			free(arg);
		}
		free(id);
		return 1;
	}
	if (r->copy_what != NULL) {
		app_copy_row(app, r, 1);
		return 1;
	}
	return 0;
}

static void
app_open_selected(struct app *app, struct view *v)
{
	struct row	*r;

	if (v->ops->scroll_only)
		return;
	r = view_row(v, v->sel);
	if (r == NULL || app_open_field(app, r))
		return;
	if (v->ops->open_row != NULL)
		v->ops->open_row(v, r);
}

/* ---- actions: one small handler each, found through one table ------- */

/* Lines a page moves: the list's height but one, kept in view. */
static long
act_page_size(struct view *v)
{
	return v->list_height > 1 ? v->list_height - 1 : 1;
}

/* The selected row, or NULL on a screen without a cursor. */
static struct row *
act_selected(struct view *v)
{
	return v->ops->scroll_only ? NULL : view_row(v, v->sel);
}

static void
act_move(struct app *app, struct view *v, enum action a)
{
	(void)app;
	view_move(v, a == ACT_UP ? -1 : 1);
}

static void
act_page(struct app *app, struct view *v, enum action a)
{
	long	page = act_page_size(v);

	(void)app;
	if (a == ACT_PAGE_UP) {
		view_move(v, -page);
		if (!v->ops->scroll_only)
			v->top = v->top > (size_t)page ? v->top - page : 0;
	} else {
		view_move(v, page);
		if (!v->ops->scroll_only)
			v->top += page;
	}
}

static void
act_first(struct app *app, struct view *v, enum action a)
{
	(void)app;
	(void)a;
	view_move(v, -(long)view_nrows(v));
}

static void
act_last(struct app *app, struct view *v, enum action a)
{
	(void)app;
	(void)a;
	/* The real last entry, not the last of those loaded so far. */
	if (v->ops->load_all != NULL && v->total_more) {
		v->ops->load_all(v);
		view_invalidate(v);
	}
	view_move(v, (long)view_nrows(v));
}

static void
act_open(struct app *app, struct view *v, enum action a)
{
	(void)a;
	app_open_selected(app, v);
}

static void
act_back(struct app *app, struct view *v, enum action a)
{
	(void)v;
	(void)a;
	app_pop(app);
}

static void
act_next_pane(struct app *app, struct view *v, enum action a)
{
	(void)app;
	(void)a;
	if (v->ops->scroll_only || v->total == 0 || v->head.n == 0)
		return;
	if (v->sel < v->head.n)
		v->sel = v->head.n;
	else
		v->sel = 0;
	view_move(v, 0);
}

/* The top-level screens an action goes to (app_goto), with their titles. */
static const struct {
	enum action		 action;
	const struct view_ops	*ops;
	const char		*title;	/* N_(); NULL: the screen's own */
} act_screens[] = {
	{ ACT_SEARCH, &view_search_ops, N_("Search") },
	{ ACT_COUNTRIES, &view_countries_ops, NULL },
	{ ACT_NEWSLETTERS, &view_newsletters_ops, N_("Newsletters") },
	{ ACT_STARRED, &view_starred_ops, N_("Starred") },
	{ ACT_HELP, &view_help_ops, N_("Help") },
	{ ACT_CHANGES, &view_changes_ops, N_("What changed") },
};

static void
act_screen(struct app *app, struct view *v, enum action a)
{
	size_t	i;

	(void)v;
	for (i = 0; i < sizeof act_screens / sizeof act_screens[0]; i++) {
		if (act_screens[i].action == a) {
			app_goto(app, act_screens[i].ops,
			    act_screens[i].title != NULL ?
			    _(act_screens[i].title) : NULL);
			return;
		}
	}
}

/*
 * The country a screen is about (a country's, an authority's, a
 * contact's), for w to start from, or NULL. Caller frees.
 */
static char *
act_view_country(struct view *v)
{
	struct cache_filter	 f;
	struct out_list		 l;
	char			*cc = NULL;

	if (v->arg == NULL || strncmp(v->arg, ROUTE_ARG_ONE, 1) == 0)
		return NULL;
	if (v->ops == &view_country_ops || v->ops == &view_route_measures_ops ||
	    v->ops == &view_route_none_ops || v->ops == &view_route_card_ops)
		return xstrndup(v->arg, strcspn(v->arg, ROUTE_ARG_SEP));
	if (v->ops == &view_countries_ops) {
		struct row *r = view_row(v, v->sel);

		return r != NULL && r->id != NULL ? xstrdup(r->id) : NULL;
	}
	if (v->type != REC_AUTHORITY && v->type != REC_CONTACT)
		return NULL;
	memset(&f, 0, sizeof f);
	f.type = v->type;
	f.id = v->arg;
	out_list_init(&l);
	if (cache_list(v->app->cache, &f, out_list_add_cb, &l) == CACHE_OK &&
	    l.n > 0) {
		if (v->type == REC_AUTHORITY &&
		    l.v[0].rec.v[AUTH_COUNTRY].s != NULL)
			cc = xstrdup(l.v[0].rec.v[AUTH_COUNTRY].s);
		else if (l.v[0].country != NULL)
			cc = xstrdup(l.v[0].country);
	}
	out_list_free(&l);
	return cc;
}

/*
 * w: who handles a request. The countries with their routes, the
 * country of the screen it was pressed on selected; back to that screen
 * when it is open already.
 */
static void
act_routes(struct app *app, struct view *v, enum action a)
{
	size_t	 i;
	char	*cc;

	(void)a;
	for (i = 0; i < app->depth; i++) {
		if (app->stack[i]->ops == &view_route_countries_ops) {
			app_goto(app, &view_route_countries_ops, NULL);
			return;
		}
	}
	cc = act_view_country(v);
	app_push(app, &view_route_countries_ops, cc, _("Routes"));
	free(cc);
}

static void
act_star(struct app *app, struct view *v, enum action a)
{
	(void)app;
	(void)a;
	view_toggle_star(v, act_selected(v));
}

static void
act_note(struct app *app, struct view *v, enum action a)
{
	(void)app;
	(void)a;
	view_note(v, act_selected(v));
}

static void
act_flag(struct app *app, struct view *v, enum action a)
{
	(void)app;
	(void)a;
	view_flag(v, act_selected(v));
}

static void
act_copy(struct app *app, struct view *v, enum action a)
{
	(void)a;
	app_copy_row(app, act_selected(v), 0);
}

static void
act_messages(struct app *app, struct view *v, enum action a)
{
	(void)a;
	if (v->ops != &view_messages_ops)
		app_push(app, &view_messages_ops, NULL, _("Messages"));
}

static void
act_next_unread(struct app *app, struct view *v, enum action a)
{
	(void)a;
	/* The newsletters and the reader take n themselves. */
	if (v->ops != &view_newsletters_ops)
		app_push(app, &view_newsletters_ops, NULL, _("Newsletters"));
}

/* prev-unread, toggle-read, mark-all-read outside the newsletters. */
static void
act_newsletters_only(struct app *app, struct view *v, enum action a)
{
	(void)v;
	/*
	 * TRANSLATORS: %s is an action's name (prev-unread, toggle-read,
	 * mark-all-read: keep it); 2 is the key of the newsletters.
	 */
	app_message(app, 0, _("%s works in the newsletters: press 2 first"),
	    keys_action_name(a));
}

static void
act_vcard(struct app *app, struct view *v, enum action a)
{
	const char	*id;
	int		 type;

	(void)a;
	type = view_target(v, act_selected(v), &id);
	if (type == -1)
		app_message(app, 1, _("select a contact or an authority "
		    "to save as a vCard"));
	else
		view_vcard(v, id, type);
}

static void
act_sync(struct app *app, struct view *v, enum action a)
{
	(void)v;
	(void)a;
	app_sync_start(app);
}

static void
act_redraw(struct app *app, struct view *v, enum action a)
{
	(void)app;
	(void)v;
	(void)a;
	display_redraw();
}

/* ^Z: the shell gets the terminal back until fg. */
static void
act_suspend(struct app *app, struct view *v, enum action a)
{
	(void)app;
	(void)v;
	(void)a;
	display_suspend();
}

static void
act_quit(struct app *app, struct view *v, enum action a)
{
	(void)v;
	(void)a;
	if (!app_pop(app))
		app->quit = 1;
}

/* f where no view takes it: only the countries have a filter line. */
static void
act_filter(struct app *app, struct view *v, enum action a)
{
	(void)v;
	(void)a;
	app_message(app, 0, _("only the countries screen has a filter; "
	    "search finds people and authorities anywhere"));
}

/* F2, F3, F4 where the search does not take them. */
static void
act_search_filter(struct app *app, struct view *v, enum action a)
{
	(void)v;
	(void)a;
	/* TRANSLATORS: / is the key of the search screen. */
	app_message(app, 0, _("filters work in search: press / first"));
}

/*
 * What each action does when the view did not take its key (tig's
 * view_driver, as a table): NULL does nothing.
 */
static void (*const act_handlers[ACT_COUNT])(struct app *, struct view *,
    enum action) = {
	[ACT_UP] = act_move,
	[ACT_DOWN] = act_move,
	[ACT_PAGE_UP] = act_page,
	[ACT_PAGE_DOWN] = act_page,
	[ACT_FIRST] = act_first,
	[ACT_LAST] = act_last,
	[ACT_OPEN] = act_open,
	[ACT_BACK] = act_back,
	[ACT_NEXT_PANE] = act_next_pane,
	[ACT_SEARCH] = act_screen,
	[ACT_ROUTES] = act_routes,
	[ACT_COUNTRIES] = act_screen,
	[ACT_NEWSLETTERS] = act_screen,
	[ACT_STARRED] = act_screen,
	[ACT_HELP] = act_screen,
	[ACT_STAR] = act_star,
	[ACT_COPY] = act_copy,
	[ACT_MESSAGES] = act_messages,
	[ACT_NEXT_UNREAD] = act_next_unread,
	[ACT_PREV_UNREAD] = act_newsletters_only,
	[ACT_TOGGLE_READ] = act_newsletters_only,
	[ACT_ALL_READ] = act_newsletters_only,
	[ACT_VCARD] = act_vcard,
	[ACT_SYNC] = act_sync,
	[ACT_REDRAW] = act_redraw,
	[ACT_SUSPEND] = act_suspend,
	[ACT_QUIT] = act_quit,
	[ACT_FILTER] = act_filter,
	[ACT_FILTER_COUNTRY] = act_search_filter,
	[ACT_FILTER_EXPERTISE] = act_search_filter,
	[ACT_FILTER_LANGUAGE] = act_search_filter,
	[ACT_CHANGES] = act_screen,
	[ACT_NOTE] = act_note,
	[ACT_FLAG] = act_flag,
};

static void
app_action(struct app *app, struct view *v, enum action a)
{
	if (a > ACT_NONE && a < ACT_COUNT && act_handlers[a] != NULL)
		act_handlers[a](app, v, a);
}

static void
app_mouse(struct app *app, struct view *v, const struct input_event *ev)
{
	int	 hdr, line;
	size_t	 i;

	switch (ev->mouse_button) {
	case INPUT_MOUSE_WHEEL_UP:
		view_move(v, -3);
		return;
	case INPUT_MOUSE_WHEEL_DOWN:
		view_move(v, 3);
		return;
	}
	/* The list starts below the header lines the view drew. */
	hdr = app->rows - 2 - v->list_height;
	line = ev->mouse_y - 1 - hdr;
	if (line < 0 || line >= v->list_height || v->ops->scroll_only)
		return;
	i = v->top + (size_t)line;
	if (i >= view_nrows(v) || !view_selectable(v, i))
		return;
	v->sel = i;
	if (ev->mouse_button == INPUT_MOUSE_DOUBLE)
		app_open_selected(app, v);
}

static void
app_event(struct app *app, const struct input_event *ev)
{
	struct view	*v;

	if (ev->kind == INPUT_RESIZE || ev->kind == INPUT_NONE)
		return;
	/* A one-time message goes away at the next key (M shows it again). */
	free(app->message);
	free(app->message_brief);
	app->message = app->message_brief = NULL;
	if (app->prompting) {
		if (ev->kind == INPUT_KEY)
			app_prompt_key(app, ev);
		return;
	}
	v = app_current(app);
	if (v == NULL)
		return;
	if (app->too_small) {
		if (ev->kind == INPUT_KEY && ev->action == ACT_QUIT)
			app->quit = 1;
		return;
	}
	if (ev->kind == INPUT_MOUSE) {
		app_mouse(app, v, ev);
		return;
	}
	if (v->ops->key != NULL && v->ops->key(v, ev))
		return;
	app_action(app, v, ev->action);
}

static int
app_bindings(const struct tui_app_options *opts)
{
	size_t	 i;
	char	*cause = NULL;

	for (i = 0; i < opts->nbindings; i++) {
		if (keys_bind_line(opts->bindings[i], &cause) != 0) {
			/* TRANSLATORS: bind is a config key; %s says why. */
			fprintf(stderr, _("globe: config: bind: %s\n"), cause);
			free(cause);
			return -1;
		}
	}
	return 0;
}

/* The name of a country code, for the route screens (present_ctx). */
static const char *
app_country_name(void *arg, const char *code)
{
	struct app	*app = arg;

	free(app->country_name);
	app->country_name = cache_country_name(app->cache, code);
	return app->country_name;
}

int
tui_app_run(struct cache *cache, const struct tui_app_options *opts)
{
	struct app		 app;
	struct input_event	 ev;
	struct pollfd		 pfd[2];
	struct timespec		 watch, now = { 0, 0 };
	struct view		*top;
	sigset_t		 block, old;
	int			 nfd, rc, redraw = 1, idle;

	if (app_bindings(opts) != 0)
		return EXIT_USAGE;
	if (display_init(opts) != 0)
		return TUI_APP_NO_TERMINAL;

	memset(&app, 0, sizeof app);
	app.cache = cache;
	app.opts = opts;
	app.ctx.stale_days = opts->stale_days;
	app.ctx.country_name = app_country_name;
	app.ctx.country_arg = &app;
	app.sync_text = xstrdup(_("offline"));
	app.state.serial = -1;
	edit_line_init(&app.prompt_line, NULL);
	app.prompt_history = APP_HISTORY_NONE;
	app_history_init(&app);
	display_size(&app.rows, &app.cols);
	/* Before the first read: a commit after it is seen as a change. */
	if (cache_data_version(cache, &app.data_version, NULL) != CACHE_OK)
		app.data_version = -1;
	/* Fields that syncs change from now on are marked on their screens. */
	if (cache_change_last(cache, &app.session_sync) != CACHE_OK)
		app.session_sync = INT64_MAX;
	app_refresh_status(&app);
	if (app.state.serial < 0 && app.counts.countries == 0)
		app_push(&app, &view_welcome_ops, NULL, NULL);
	else
		app_push(&app, &view_countries_ops, NULL, NULL);

	/*
	 * SIGWINCH is blocked except inside ppoll, so a resize between two
	 * polls is never lost: it interrupts the next ppoll at once. So are
	 * SIGTSTP and SIGCONT, which ui-display.c's handlers only note.
	 */
	sigemptyset(&block);
	sigaddset(&block, SIGWINCH);
	sigaddset(&block, SIGTSTP);
	sigaddset(&block, SIGCONT);
	sigprocmask(SIG_BLOCK, &block, &old);

	watch.tv_sec = APP_WATCH_MS / 1000;
	watch.tv_nsec = (long)(APP_WATCH_MS % 1000) * 1000000L;
	while (!app.quit) {
		if (redraw)
			app_draw(&app);
		redraw = 1;
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		pfd[0].revents = 0;
		nfd = 1;
		if (app.sync != NULL) {
			pfd[1].fd = sync_bg_fd(app.sync);
			pfd[1].events = POLLIN;
			pfd[1].revents = 0;
			nfd = 2;
		}
		/* Work a view left for a quiet moment: only if no key waits. */
		top = app.depth > 0 ? app.stack[app.depth - 1] : NULL;
		idle = top != NULL && top->idle_pending && top->ops->idle != NULL;
		rc = ppoll(pfd, (nfds_t)nfd, idle ? &now : &watch, &old);
		if (rc == -1 && errno != EINTR)
			break;
		/* A SIGTSTP from elsewhere, as ^Z; back after a SIGCONT. */
		if (display_stop_pending())
			display_suspend();
		if (display_cont_pending())
			display_resume();
		if (rc == 0 && idle) {
			redraw = top->ops->idle(top);
			continue;
		}
		if (rc == 0) {
			/* Quiet: only a commit elsewhere makes a redraw. */
			redraw = app_watch(&app);
			continue;
		}
		if (nfd == 2 && (pfd[1].revents & (POLLIN | POLLHUP)))
			app_sync_event(&app);
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			break;	/* the terminal went away */
		/* A resize, whether or not curses noticed it yet. */
		display_check_size();
		/* Everything curses has now (keys, a resize after EINTR). */
		for (;;) {
			input_read(&ev);
			if (ev.kind == INPUT_NONE)
				break;
			app_event(&app, &ev);
			if (app.quit)
				break;
		}
		if (!app.quit)
			app_watch(&app);
	}

	sigprocmask(SIG_SETMASK, &old, NULL);
	if (app.sync != NULL) {
		/*
		 * net_sync cannot be interrupted; it commits or rolls back on
		 * its own connection. Say why quitting waits.
		 */
		app_message(&app, 0, _("quitting when the sync in progress "
		    "ends..."));
		app.quit = 0;
		app_draw(&app);
		sync_bg_free(app.sync);
		app.sync = NULL;
	}
	while (app.depth > 0)
		view_free(app.stack[--app.depth]);
	display_end();
	cache_state_clear(&app.state);
	free(app.message);
	free(app.message_brief);
	free(app.ago_drawn);
	while (app.nlog > 0)
		free(app.log[--app.nlog].text);
	free(app.log);
	free(app.sync_text);
	free(app.prompt_label);
	free(app.country_name);
	edit_line_free(&app.prompt_line);
	app_history_free(&app);
	prompt_choices_free(app.choices);
	return EXIT_OK;
}
