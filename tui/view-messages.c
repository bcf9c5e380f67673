/*
 * view-messages.c: every message the status line showed in this session,
 * in full and wrapped to the screen, oldest first and newest last, each
 * with its time; the screen opens at the newest. A status line that had
 * to cut a message points here, so nothing said is ever lost.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/i18n.h"
#include "tui/ui.h"

static enum cache_status
messages_load(struct view *v)
{
	struct app	*app = v->app;
	char		 when[16], *line, **lines = NULL;
	size_t		 i, j, n;
	struct tm	 tm;
	int		 width;

	if (app->nlog == 0) {
		view_add_text(v, _("No messages yet in this session."), 0);
		return CACHE_OK;
	}
	/*
	 * "14:05:09  text", continuation lines under the text (the time a
	 * column of its own: at the right, laid out right to left).
	 */
	width = app->cols > 12 ? app->cols - 11 : 1;
	for (i = 0; i < app->nlog; i++) {
		localtime_r(&app->log[i].when, &tm);
		strftime(when, sizeof when, "%H:%M:%S", &tm);
		n = 0;
		lines = NULL;
		layout_wrap(app->log[i].text, width, &lines, &n);
		for (j = 0; j < n; j++) {
			line = xasprintf("%-8s  ", j == 0 ? when : "");
			view_add_cols(v, line, lines[j],
			    app->log[i].warn ? ROW_WARN : 0);
			free(line);
			free(lines[j]);
		}
		free(lines);
	}
	/* Newest last, and in view. */
	v->top = v->head.n;
	return CACHE_OK;
}

const struct view_ops view_messages_ops = {
	/* TRANSLATORS: a screen's name in the breadcrumb (top line). */
	.name = N_("Messages"),
	.load = messages_load,
	.scroll_only = 1,
	.wraps = 1,
};
