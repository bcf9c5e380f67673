/*
 * ui-prompt.c: the status-line prompt (the vCard path, the search's
 * filters, the newsletters' find, y/N questions) and the fields the
 * views edit in place (the search's query, the countries filter), all on
 * the one line editor of the presentation part (present-edit.c). While a
 * line has the focus its editing keys edit, whatever they are bound to:
 * typed characters, Backspace, Delete, ^A/Home, ^E/End, ^B/Left,
 * ^F/Right, ^W, ^U, ^K. In a prompt every other key is the prompt's too:
 * Up and Down walk its history, Enter answers, Esc cancels.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"

/* The fewest columns a prompt's field keeps, however long its label. */
#define PROMPT_FIELD_MIN	10

void
app_prompt(struct app *app, const char *label, const char *initial,
    enum app_history which,
    void (*done)(struct app *, const char *, void *), void *arg)
{
	free(app->prompt_label);
	app->prompt_label = sanitize(label, SANITIZE_LINE);
	edit_line_set(&app->prompt_line, initial);
	app->prompt_history = which;
	app->prompt_done = done;
	app->prompt_arg = arg;
	app->prompting = 1;
}

void
app_confirm(struct app *app, const char *question,
    void (*done)(struct app *, int, void *), void *arg)
{
	app_prompt(app, question, NULL, APP_HISTORY_NONE, NULL, arg);
	app->confirming = 1;
	app->confirm_done = done;
}

void
app_prompt_secret(struct app *app, const char *label,
    void (*done)(struct app *, const char *, void *), void *arg)
{
	app_prompt(app, label, NULL, APP_HISTORY_NONE, done, arg);
	edit_line_secret(&app->prompt_line);
}

/*
 * Enter or Esc on a secret: done reads it where it was typed, and it is
 * wiped there before the line is a plain one again.
 */
static void
app_prompt_end_secret(struct app *app, int answered)
{
	void	(*done)(struct app *, const char *, void *);

	done = app->prompt_done;
	if (done != NULL)
		done(app, answered ? edit_line_text(&app->prompt_line) : NULL,
		    app->prompt_arg);
	edit_line_free(&app->prompt_line);	/* wipes */
	edit_line_init(&app->prompt_line, NULL);
}

/* Enter or Esc: the prompt closes and done gets the answer (NULL: Esc). */
static void
app_prompt_end(struct app *app, int answered)
{
	void	(*done)(struct app *, const char *, void *);
	char	 *text;

	app->prompting = 0;
	if (app->prompt_line.secret) {
		app_prompt_end_secret(app, answered);
		return;
	}
	done = app->prompt_done;
	text = xstrdup(edit_line_text(&app->prompt_line));
	edit_line_set(&app->prompt_line, NULL);
	if (answered)
		app_history_add(app, app->prompt_history, text);
	if (done != NULL)
		done(app, answered ? text : NULL, app->prompt_arg);
	free(text);
}

void
app_prompt_cancel(struct app *app)
{
	void	(*confirmed)(struct app *, int, void *);

	if (!app->prompting)
		return;
	if (app->confirming) {
		app->prompting = app->confirming = 0;
		confirmed = app->confirm_done;
		app->confirm_done = NULL;
		if (confirmed != NULL)
			confirmed(app, 0, app->prompt_arg);
		return;
	}
	app_prompt_end(app, 0);
}

void
app_prompt_key(struct app *app, const struct input_event *ev)
{
	void			(*confirmed)(struct app *, int, void *);
	struct edit_history	*h;

	if (app->confirming) {
		/* One key answers: y is yes, anything else no. */
		app->prompting = app->confirming = 0;
		confirmed = app->confirm_done;
		app->confirm_done = NULL;
		if (confirmed != NULL)
			confirmed(app, ev->key == 'y' || ev->key == 'Y',
			    app->prompt_arg);
		return;
	}
	if (prompt_choices_key(app, ev))
		return;
	switch (ev->key) {
	case TUI_KEY_ENTER:
	case TUI_KEY_ESC:
		app_prompt_end(app, ev->key == TUI_KEY_ENTER);
		return;
	case TUI_KEY_UP:
	case TUI_KEY_DOWN:
		h = app_history(app, app->prompt_history);
		if (ev->key == TUI_KEY_UP)
			edit_line_older(&app->prompt_line, h);
		else
			edit_line_newer(&app->prompt_line, h);
		return;
	}
	edit_line_key(&app->prompt_line, ev->key);
}

/* The byte of shown at column col (its length past the end). */
static size_t
field_offset(const char *shown, int col)
{
	size_t	off = 0, n;
	int	used = 0, w, bad;

	while (shown[off] != '\0' && used < col) {
		n = utf8_cluster(shown + off, &w, &bad);
		if (n == 0)
			break;
		used += w;
		off += n;
	}
	return off;
}

int
app_draw_field(struct app *app, int y, int x, int width,
    struct edit_line *line, enum style style)
{
	char	*shown, *t;
	size_t	 off;
	int	 col, w;

	if (width <= 0)
		return 0;
	edit_line_view(line, width, &shown, &col);
	w = (int)utf8_width(shown);
	app->cursor_y = y;
	if (!bidi_layout_rtl()) {
		display_text(y, x, width, shown, style);
		app->cursor_x = x + col;
		free(shown);
		return w;
	}
	/*
	 * From the right, next to the label: what is typed reads in its
	 * own direction, with a column for the cursor after it (at its
	 * end: the left of a right-to-left text), and the cursor goes
	 * with the character it is before.
	 */
	off = field_offset(shown, col);
	if (w < width) {
		t = xasprintf("%s ", shown);
		free(shown);
		shown = t;
	}
	display_line(y, 0, width, shown, BIDI_RIGHT, style);
	col = bidi_fit_col(shown, width, BIDI_RIGHT, off);
	app->cursor_x = col >= 0 ? col : width - 1;
	free(shown);
	return w;
}

void
app_draw_prompt(struct app *app)
{
	char	*label, *hint;
	int	 y = app->rows - 1, lw, w, warn = 0;

	lw = (int)utf8_width(app->prompt_label);
	if (app->cols - lw < PROMPT_FIELD_MIN)
		lw = app->cols > PROMPT_FIELD_MIN ? app->cols -
		    PROMPT_FIELD_MIN : 0;
	if (lw > 1 && (int)utf8_width(app->prompt_label) > lw) {
		/* A label cut to fit keeps a space between its "…" and
		 * the text. */
		hint = utf8_fit(app->prompt_label, lw - 1, 0);
		label = xasprintf("%s ", hint);
		free(hint);
	} else
		label = utf8_fit(app->prompt_label, lw, 0);
	display_ui_text(y, 0, lw, app->cols, label, STYLE_NORMAL);
	free(label);
	w = app_draw_field(app, y, lw, app->cols - lw, &app->prompt_line,
	    STYLE_NORMAL);
	/* The values that match, or why Enter was refused. */
	if ((hint = prompt_choices_hint(app, &warn)) != NULL) {
		if (lw + w + 3 < app->cols)
			display_ui_text(y, lw + w + 2, app->cols - lw - w - 2,
			    app->cols, hint, warn ? STYLE_WARN : STYLE_LABEL);
		free(hint);
	}
}

enum edit_result
view_edit_key(struct edit_line *line, const struct input_event *ev)
{
	enum edit_result	r;

	r = edit_line_key(line, ev->key);
	if (r == EDIT_STILL && (ev->action == ACT_FIRST ||
	    ev->action == ACT_LAST))
		return EDIT_IGNORED;
	return r;
}
