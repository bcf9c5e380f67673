/*
 * ui-history.c: what Up and Down recall in the interface's lines. Each
 * status-line prompt has its own list for the session; the search's
 * queries are also kept across sessions, in a file beside the cache
 * (opts->history_path; `history = N` in the config, 0 for none), written
 * whole, 0600 and atomically each time a query joins it. The file is the
 * officer's own, but it is read as if anyone could have written it: one
 * larger than HISTORY_FILE_MAX is ignored, and so is every line that is
 * not clean UTF-8 text (edit_history_parse); what is left is sanitized
 * when drawn, as everything is.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

/* More than any history globe writes (100 entries of at most 512 bytes). */
#define HISTORY_FILE_MAX	(64 * 1024)

/* Writes the search history; says once in the status line if it cannot. */
static void
history_file_write(struct app *app)
{
	const char	*path = app->opts->history_path;
	char		*data, *dir, *shown;
	size_t		 len;
	int		 rc, saved;

	data = edit_history_format(app->history[APP_HISTORY_SEARCH], &len);
	dir = path_dirname(path);
	rc = path_mkdir_p(dir, 0700);
	if (rc == 0)
		rc = file_write_atomic(path, data, len, 0600, 0);
	saved = errno;
	free(dir);
	free(data);
	if (rc == 0 || app->history_failed)
		return;
	app->history_failed = 1;
	shown = path_tilde(path);
	app_message(app, 1, _("cannot save the search history in %s: %s"),
	    shown, strerror(saved));
	free(shown);
}

/* 1 when the search's history is kept in its file. */
static int
history_file_kept(struct app *app)
{
	return app->opts->history > 0 && app->opts->history_path != NULL;
}

void
app_history_init(struct app *app)
{
	char	*data;
	size_t	 i, len = 0;

	for (i = 0; i < APP_HISTORY_COUNT; i++)
		app->history[i] = edit_history_new(i == APP_HISTORY_SEARCH &&
		    history_file_kept(app) ? (size_t)app->opts->history : 0);
	if (!history_file_kept(app))
		return;
	/* None, not a regular file (never waited on) or too large: none. */
	data = file_read_small(app->opts->history_path, HISTORY_FILE_MAX, &len);
	if (data != NULL)
		edit_history_parse(app->history[APP_HISTORY_SEARCH], data, len);
	free(data);
}

void
app_history_free(struct app *app)
{
	size_t	i;

	for (i = 0; i < APP_HISTORY_COUNT; i++) {
		edit_history_free(app->history[i]);
		app->history[i] = NULL;
	}
}

struct edit_history *
app_history(struct app *app, enum app_history which)
{
	if (which <= APP_HISTORY_NONE || which >= APP_HISTORY_COUNT)
		return NULL;
	return app->history[which];
}

void
app_history_add(struct app *app, enum app_history which, const char *text)
{
	struct edit_history	*h = app_history(app, which);

	if (h == NULL || !edit_history_add(h, text))
		return;
	if (which == APP_HISTORY_SEARCH && history_file_kept(app))
		history_file_write(app);
}
