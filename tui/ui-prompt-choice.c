/*
 * ui-prompt-choice.c: a status-line prompt whose answer must be one of a
 * known set of values (the search filters: countries, expertise,
 * languages as the cache holds them). It rides on app_prompt: a proposed
 * value is replaced by the first character typed, the matching values
 * are listed after the text, Tab completes (again for the next match),
 * and Enter refuses a value that is not in the set, saying why, instead
 * of searching for something that cannot match.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

struct prompt_choice {
	char	*value;		/* what done gets (raw, from the cache) */
	char	*shown;		/* value, sanitized */
	char	*label;		/* a name ("Brazil"), sanitized, or NULL */
	char	*fvalue;	/* folded for matching */
	char	*flabel;
};

struct prompt_choices {
	struct prompt_choice	*v;
	size_t			 n;
	size_t			 cap;
	enum prompt_kind	 kind;		/* what the values are */
	int			 replace;	/* the text is only proposed */
	char			*stem;		/* what Tab completes, NULL: the text */
	size_t			 next;		/* Tab: the match to offer next */
	char			*error;		/* why Enter was refused */
};

struct prompt_choices *
prompt_choices_new(enum prompt_kind kind)
{
	struct prompt_choices	*pc;

	pc = xcalloc(1, sizeof *pc);
	pc->kind = kind;
	return pc;
}

/*
 * Whole sentences for each kind, so a translation can decline the noun:
 * no value of the kind starts with the text (Tab found none) ...
 */
static const char *
prompt_none_text(enum prompt_kind kind)
{
	switch (kind) {
	case PROMPT_COUNTRY:
		/* TRANSLATORS: Tab found no country (F2-F4 in the search). */
		return _("no country starts with that");
	case PROMPT_EXPERTISE:
		/* TRANSLATORS: Tab found no expertise (F2-F4 in the search). */
		return _("no expertise starts with that");
	case PROMPT_LANGUAGE:
		/* TRANSLATORS: Tab found no language (F2-F4 in the search). */
		return _("no language starts with that");
	}
	return "";
}

/* ... and Enter refused text that is none of the values (caller frees). */
static char *
prompt_unknown_text(enum prompt_kind kind, const char *text)
{
	switch (kind) {
	case PROMPT_COUNTRY:
		/* TRANSLATORS: %s is what was typed; Tab is a key. */
		return xasprintf(_("unknown country '%s' (Tab completes)"),
		    text);
	case PROMPT_EXPERTISE:
		/* TRANSLATORS: %s is what was typed; Tab is a key. */
		return xasprintf(_("unknown expertise '%s' (Tab completes)"),
		    text);
	case PROMPT_LANGUAGE:
		/* TRANSLATORS: %s is what was typed; Tab is a key. */
		return xasprintf(_("unknown language '%s' (Tab completes)"),
		    text);
	}
	return xstrdup(text);
}

void
prompt_choices_add(struct prompt_choices *pc, const char *value,
    const char *label)
{
	struct prompt_choice	*c;

	if (value == NULL || *value == '\0')
		return;
	if (pc->n == pc->cap) {
		pc->cap = pc->cap == 0 ? 64 : pc->cap * 2;
		pc->v = xreallocarray(pc->v, pc->cap, sizeof *pc->v);
	}
	c = &pc->v[pc->n++];
	c->value = xstrdup(value);
	c->shown = sanitize(value, SANITIZE_LINE);
	c->label = label != NULL && *label != '\0' ?
	    sanitize(label, SANITIZE_LINE) : NULL;
	c->fvalue = fold_text(value);
	c->flabel = c->label != NULL ? fold_text(label) : NULL;
}

void
prompt_choices_free(struct prompt_choices *pc)
{
	size_t	i;

	if (pc == NULL)
		return;
	for (i = 0; i < pc->n; i++) {
		free(pc->v[i].value);
		free(pc->v[i].shown);
		free(pc->v[i].label);
		free(pc->v[i].fvalue);
		free(pc->v[i].flabel);
	}
	free(pc->v);
	free(pc->stem);
	free(pc->error);
	free(pc);
}

/* 1 if the folded text starts s or one of its words. */
static int
prompt_starts(const char *s, const char *f)
{
	const char	*p;
	size_t		 len = strlen(f);

	if (s == NULL)
		return 0;
	for (p = s; p != NULL; p = strchr(p, ' ')) {
		while (*p == ' ')
			p++;
		if (strncmp(p, f, len) == 0)
			return 1;
	}
	return 0;
}

static int
prompt_choice_matches(const struct prompt_choice *c, const char *f)
{
	return *f == '\0' || strncmp(c->fvalue, f, strlen(f)) == 0 ||
	    prompt_starts(c->flabel, f);
}

/*
 * The one value the text names: equal to a value or a name, else the
 * only one that matches; NULL with *nmatch the number of matches.
 */
static const struct prompt_choice *
prompt_choices_resolve(const struct prompt_choices *pc, const char *text,
    size_t *nmatch)
{
	const struct prompt_choice	*one = NULL;
	char				*f;
	size_t				 i;

	f = fold_text(text);
	*nmatch = 0;
	for (i = 0; i < pc->n; i++) {
		if (strcmp(pc->v[i].fvalue, f) == 0 || (pc->v[i].flabel != NULL &&
		    strcmp(pc->v[i].flabel, f) == 0)) {
			*nmatch = 1;
			free(f);
			return &pc->v[i];
		}
	}
	for (i = 0; i < pc->n; i++) {
		if (prompt_choice_matches(&pc->v[i], f)) {
			if (one == NULL)
				one = &pc->v[i];
			(*nmatch)++;
		}
	}
	free(f);
	return *nmatch == 1 ? one : NULL;
}

static void
prompt_set_text(struct app *app, const char *text)
{
	edit_line_set(&app->prompt_line, text);
}

/* Tab: the next value matching what was typed before the first Tab. */
static void
prompt_choices_tab(struct app *app, struct prompt_choices *pc)
{
	const struct prompt_choice	*c;
	char				*f;
	size_t				 i, k;

	if (pc->stem == NULL) {
		pc->stem = xstrdup(pc->replace ? "" :
		    edit_line_text(&app->prompt_line));
		pc->next = 0;
	}
	pc->replace = 0;
	f = fold_text(pc->stem);
	for (k = 0; k < pc->n; k++) {
		i = (pc->next + k) % pc->n;
		c = &pc->v[i];
		if (!prompt_choice_matches(c, f))
			continue;
		prompt_set_text(app, c->label != NULL ? c->label : c->shown);
		pc->next = i + 1;
		free(f);
		return;
	}
	free(f);
	free(pc->error);
	pc->error = xstrdup(prompt_none_text(pc->kind));
}

int
prompt_choices_key(struct app *app, const struct input_event *ev)
{
	struct prompt_choices		*pc = app->choices;
	const struct prompt_choice	*c;
	size_t				 n;
	char				*clean;

	if (pc == NULL)
		return 0;
	if (ev->key == TUI_KEY_TAB) {
		free(pc->error);
		pc->error = NULL;
		prompt_choices_tab(app, pc);
		return 1;
	}
	if (ev->key == TUI_KEY_ESC) {
		app->choices = NULL;
		prompt_choices_free(pc);
		return 0;	/* the prompt ends as any other */
	}
	free(pc->error);
	pc->error = NULL;
	if (ev->key == TUI_KEY_ENTER) {
		if (*edit_line_text(&app->prompt_line) == '\0') {
			app->choices = NULL;
			prompt_choices_free(pc);
			return 0;	/* empty: any */
		}
		c = prompt_choices_resolve(pc,
		    edit_line_text(&app->prompt_line), &n);
		if (c == NULL) {
			clean = sanitize(edit_line_text(&app->prompt_line),
			    SANITIZE_LINE);
			if (n == 0)
				pc->error = prompt_unknown_text(pc->kind,
				    clean);
			else
				/*
				 * TRANSLATORS: %s is what was typed, then
				 * how many values it matches; Tab is a key.
				 */
				pc->error = xasprintf(P_("'%s' could be %zu "
				    "value (Tab completes)", "'%s' could be "
				    "%zu values (Tab completes)", n), clean,
				    n);
			free(clean);
			return 1;	/* the prompt stays */
		}
		prompt_set_text(app, c->value);
		app->choices = NULL;
		prompt_choices_free(pc);
		return 0;	/* done gets the value */
	}
	/* Any edit starts a new completion. */
	free(pc->stem);
	pc->stem = NULL;
	if (pc->replace) {
		pc->replace = 0;
		if (input_key_printable(ev->key))
			edit_line_set(&app->prompt_line, NULL);
	}
	return 0;
}

char *
prompt_choices_hint(struct app *app, int *warn)
{
	struct prompt_choices	*pc = app->choices;
	struct buf		 b;
	char			*f, *out;
	size_t			 i, shown = 0, n = 0;

	if (pc == NULL)
		return NULL;
	*warn = pc->error != NULL;
	if (pc->error != NULL)
		return xstrdup(pc->error);
	if (pc->replace)
		/*
		 * TRANSLATORS: after a value proposed in a prompt: the first
		 * key typed replaces it. Tab is a key.
		 */
		return xstrdup(_("(typing replaces it; Tab completes)"));
	f = fold_text(pc->stem != NULL ? pc->stem :
	    edit_line_text(&app->prompt_line));
	buf_init(&b);
	for (i = 0; i < pc->n; i++) {
		if (!prompt_choice_matches(&pc->v[i], f))
			continue;
		n++;
		if (shown == 8)
			continue;
		if (shown > 0)
			buf_addf(&b, " %s ", charset_glyph(GLYPH_DOT));
		if (pc->v[i].label != NULL)
			buf_addf(&b, "%s %s", pc->v[i].label, pc->v[i].shown);
		else
			buf_adds(&b, pc->v[i].shown);
		shown++;
	}
	if (n == 0) {
		*warn = 1;
		out = xasprintf("(%s)", prompt_none_text(pc->kind));
	}
	else if (n > shown)
		out = xasprintf("%s %s +%zu", b.data,
		    charset_glyph(GLYPH_DOT), n - shown);
	else
		out = xstrdup(b.data);
	buf_free(&b);
	free(f);
	return out;
}

void
app_prompt_choose(struct app *app, const char *label, const char *proposed,
    struct prompt_choices *pc, enum app_history which,
    void (*done)(struct app *, const char *, void *), void *arg)
{
	app_prompt(app, label, proposed, which, done, arg);
	prompt_choices_free(app->choices);
	pc->replace = proposed != NULL && *proposed != '\0';
	app->choices = pc;
}
