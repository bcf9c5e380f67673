/*
 * view-help.c: the help screen, generated from the key table (ui-keys.c), so
 * it always shows the bindings in force, including those changed in the
 * config file; then how the line editor's keys edit a search, a filter or
 * a prompt, how typing works in the countries and search screens,
 * the config's bind line, as the config parser formats it, and the
 * status line, detail screens, vCard files and the newsletters' keys.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

static const char *help_notes[] = {
	"",
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("Editing a search, a filter or a prompt: Left or ^B and Right or "
	"^F move one character, Home or ^A and End or ^E to the start and "
	"the end, Backspace and Delete delete before and under the cursor, "
	"^W the word before it, ^U all before it, ^K all after it. While a "
	"line has the focus these keys edit it, whatever they are bound to. "
	"In a prompt Up and Down recall its earlier answers."),
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("Countries: f (filter) opens a filter line, and so does a letter "
	"no key is bound to; names that start with the text come first. "
	"While it has focus every character goes to it and the editing keys "
	"edit it; Home or End again at that end of the text go to the first "
	"or last country; Esc clears, Up and Down move, Enter opens. Every "
	"other bound key acts here as on every screen."),
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("Search (/): every key types into the query and the editing keys "
	"edit it; Home or End again at that end of the query go to the "
	"first or last result; Up and Down move, Enter opens, Esc goes back. "
	"Up on the first result (or with none) recalls the searches you used "
	"before (kept across sessions unless history = 0 in the config), "
	"Up again older ones, Down newer ones and at last what you were "
	"typing. F2 country (a code or a name), F3 expertise, F4 language "
	"set a filter from the values the directory holds: the values that "
	"match are listed as you type, the first key replaces a proposed "
	"value, Tab completes (again for the next match), an unknown value "
	"is refused, an empty answer clears the filter."),
	N_("Routes (w): who handles a request. Type the requested State and "
	"Enter; then its measure (typing its name goes to it; a measure that "
	"cannot be had there is dim, and Enter opens the one to ask for "
	"instead); then only the questions whose answer changes the routes "
	"(urgency, stage, the requesting State, where your own, country = in "
	"the config, is proposed); then the routes that apply, informal "
	"first. Enter on an authority or contact opens it, y copies the "
	"e-mail, v saves the vCard, Esc takes back the last answer. A country "
	"or measure without routes shows the country's authorities and their "
	"designations."),
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("Right-to-left names and texts (Arabic, Hebrew) read right to "
	"left, each at the right of its place; bidi = off in the config "
	"leaves them as stored, for a terminal that reorders text itself. "
	"^Z suspends globe until the shell's fg. Colours come from theme = "
	"default, light, high-contrast or mono and color = ELEMENT FG BG "
	"[ATTR...] lines in the config (globe(1) names them); NO_COLOR "
	"leaves attributes only."),
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("The top line's right shows the cursor's place and the count of "
	"every list (12/398; a search counts up to 1,000 matches as you "
	"type, 1,000+ beyond, until End loads them all)."),
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("1, 2, 3, / and ? go back to their screen when it is open already, "
	"so the breadcrumb never holds a screen twice."),
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("The status line shows how old the data is and when the last good "
	"sync was (synced 5 min ago); offline when no feed is configured or "
	"the last attempt failed. After a sync it says what changed per type "
	"(contacts +1 ~1 -1). A message cut to fit ends with \"(M, F9: "
	"messages)\": M or F9 shows them all in full."),
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("Detail screens: \xe2\x80\xba marks the field selected. Enter on an "
	"authority or a country opens it; Enter on an e-mail, phone or "
	"website copies it, as y does. A ! before a name in a list: verified "
	"more than stale_days ago."),
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("v saves a vCard as ID.vcf in the current directory (the name keeps "
	"only ASCII letters, digits, - _ and ., not first; anything else "
	"becomes _; at most 64 characters); it asks before overwriting a "
	"file (y/N)."),
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("Newsletters: n and p open the next and previous unread issue (n "
	"elsewhere shows the newsletters), N marks read or unread, A marks "
	"all read, / finds in their titles and text (Esc clears)."),
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("On a contact's, authority's or route's own screen n writes your "
	"note on it (never sent; it shows on the screen and search finds "
	"it; an empty note removes it) and f flags it as outdated: the flag "
	"goes to the secretariat at the next sync, to the reports URL the "
	"feed names (globe flags lists them). There n and f mean only this; "
	"a key bound in the config keeps its binding everywhere."),
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("4 shows what the last syncs changed, newest first, by "
	"type: + added, ~ changed (with the fields), - removed (with the "
	"name it had); Enter opens a record that is still there. After a "
	"sync, a record's fields it changed are marked ~ on its screen for "
	"the rest of the session."),
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("Mouse: a click selects, a double click opens, the wheel scrolls. "
	"While globe has the mouse the terminal's own text selection needs "
	"Shift (in most terminals); mouse = no in the config leaves the "
	"mouse to the terminal."),
	/* TRANSLATORS: the help screen (?): keep key names and config words. */
	N_("Bindings can be changed in the config file, one line each:"),
};

/* Shown as config lines, written by the config parser's own formatter. */
static const struct {
	const char	*key;
	const char	*action;
} help_bind_examples[] = {
	{ "x", "quit" },
	{ "F6", "sync" },
	{ "q", "none" },
};

/*
 * "  keys      help (action)", the help wrapped under itself: the keys a
 * column of their own (at the right, laid out right to left).
 */
static void
help_line(struct view *v, const char *keys, const char *text)
{
	char		*fitted, *lead, **lines = NULL;
	size_t		 n = 0, i;
	int		 kw, width;

	kw = v->app->cols >= 60 ? 24 : 14;
	width = v->app->cols - kw - 2;
	if (width < 10)
		width = 10;
	layout_wrap(text, width, &lines, &n);
	for (i = 0; i < n; i++) {
		fitted = utf8_fit(i == 0 ? keys : "", kw, 0);
		lead = xasprintf("  %s", fitted);
		view_add_cols(v, lead, lines[i], 0);
		free(lead);
		free(fitted);
		free(lines[i]);
	}
	free(lines);
}

/* "  bind = KEY ACTION", indented as the key lines are. */
static void
help_bind_line(struct view *v, const char *key, const char *action)
{
	char	*line, *text;

	line = tui_config_bind_line(key, action);
	text = xasprintf("  %s", line);
	view_add_text(v, text, 0);
	free(text);
	free(line);
}

static enum cache_status
help_load(struct view *v)
{
	char	*keys, *rkeys, *text;
	size_t	 i;
	/* The interface's own words: its direction, whatever comes first. */
	int	 a, dir = bidi_layout_rtl() ? ROW_RTL : 0;

	/* TRANSLATORS: the help screen's first line; bind is a config key. */
	view_add_text(v, _("Keys (and the action names for bind lines)"),
	    ROW_BOLD | dir);
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		keys = keys_for_action((enum action)a);
		/* n and f on a record's own screen: note and flag. */
		rkeys = keys_for_record_action((enum action)a);
		if (*rkeys != '\0') {
			text = xasprintf("%s%s%s", keys, *keys != '\0' ? ", " :
			    "", rkeys);
			free(keys);
			keys = text;
		}
		free(rkeys);
		if (*keys == '\0') {
			free(keys);
			continue;
		}
		text = xasprintf("%s (%s)", keys_action_help(a),
		    keys_action_name(a));
		help_line(v, keys, text);
		free(text);
		free(keys);
	}
	/*
	 * Not _(""): that is the catalogue's header. Wrapped as paragraphs:
	 * a line that starts with a key or a config word keeps its
	 * paragraph's direction.
	 */
	for (i = 0; i < sizeof help_notes / sizeof help_notes[0]; i++)
		view_add_para(v, *help_notes[i] != '\0' ? _(help_notes[i]) :
		    "", dir);
	help_bind_line(v, "KEY", "ACTION");
	/* TRANSLATORS: the help screen: bind lines follow. */
	view_add_text(v, _("for example:"), dir);
	for (i = 0; i < sizeof help_bind_examples /
	    sizeof help_bind_examples[0]; i++)
		help_bind_line(v, help_bind_examples[i].key,
		    help_bind_examples[i].action);
	return CACHE_OK;
}

const struct view_ops view_help_ops = {
	/* TRANSLATORS: a screen's name in the breadcrumb (top line). */
	.name = N_("Help"),
	.wraps = 1,
	.load = help_load,
	.scroll_only = 1,
};
