/*
 * keys.c: the one key table of the interface. Every key maps to a named
 * action here; dispatch (app.c), the help screen (view-help.c) and the
 * config file's `bind = KEY ACTION` lines all read this table, so they
 * cannot drift apart. No curses: every command checks bind lines.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/tui.h"

#define ACTION_NAME(a, name, help) name,
static const char *action_names[] = { ACTION_LIST(ACTION_NAME) };
#undef ACTION_NAME
#define ACTION_HELP(a, name, help) help,
static const char *action_helps[] = { ACTION_LIST(ACTION_HELP) };
#undef ACTION_HELP

struct binding {
	const char	*key;
	enum action	 action;
};

/* The defaults, in the order help shows them. */
static const struct binding default_bindings[] = {
	{ "Up", ACT_UP }, { "k", ACT_UP },
	{ "Down", ACT_DOWN }, { "j", ACT_DOWN },
	{ "PgUp", ACT_PAGE_UP }, { "^B", ACT_PAGE_UP },
	{ "PgDn", ACT_PAGE_DOWN }, { "^F", ACT_PAGE_DOWN }, { "Space", ACT_PAGE_DOWN },
	{ "Home", ACT_FIRST }, { "g", ACT_FIRST },
	{ "End", ACT_LAST }, { "G", ACT_LAST },
	{ "Enter", ACT_OPEN }, { "l", ACT_OPEN }, { "Right", ACT_OPEN },
	{ "Esc", ACT_BACK }, { "h", ACT_BACK }, { "Left", ACT_BACK },
	{ "Backspace", ACT_BACK },
	{ "Tab", ACT_NEXT_PANE },
	{ "f", ACT_FILTER },
	{ "/", ACT_SEARCH },
	{ "1", ACT_COUNTRIES }, { "c", ACT_COUNTRIES },
	{ "2", ACT_NEWSLETTERS },
	/*
	 * n as in newsboat: the next unread issue in the newsletters and
	 * the reader; elsewhere it still shows the newsletters (as 2).
	 */
	{ "n", ACT_NEXT_UNREAD }, { "p", ACT_PREV_UNREAD },
	{ "N", ACT_TOGGLE_READ }, { "A", ACT_ALL_READ },
	{ "3", ACT_STARRED },
	{ "*", ACT_STAR },
	{ "y", ACT_COPY },
	{ "v", ACT_VCARD },
	{ "s", ACT_SYNC }, { "F5", ACT_SYNC },
	{ "M", ACT_MESSAGES }, { "F9", ACT_MESSAGES },
	{ "F2", ACT_FILTER_COUNTRY },
	{ "F3", ACT_FILTER_EXPERTISE },
	{ "F4", ACT_FILTER_LANGUAGE },
	{ "?", ACT_HELP }, { "F1", ACT_HELP },
	{ "^L", ACT_REDRAW },
	{ "q", ACT_QUIT },
};

#define KEYS_MAX 128
static struct {
	int		 key;
	enum action	 action;
} table[KEYS_MAX];
static size_t ntable;
static int loaded;

static void
keys_set(int key, enum action action)
{
	size_t	i;

	for (i = 0; i < ntable; i++) {
		if (table[i].key == key) {
			table[i].action = action;
			return;
		}
	}
	if (ntable < KEYS_MAX) {
		table[ntable].key = key;
		table[ntable].action = action;
		ntable++;
	}
}

void
keys_reset(void)
{
	size_t	i;
	int	key;

	ntable = 0;
	for (i = 0; i < sizeof default_bindings / sizeof default_bindings[0];
	    i++) {
		key = input_key_parse(default_bindings[i].key);
		if (key != -1)
			keys_set(key, default_bindings[i].action);
	}
	loaded = 1;
}

static void
keys_load(void)
{
	if (!loaded)
		keys_reset();
}

const char *
keys_action_name(enum action a)
{
	if ((int)a < 0 || a >= ACT_COUNT)
		return "none";
	return action_names[a];
}

const char *
keys_action_help(enum action a)
{
	if ((int)a < 0 || a >= ACT_COUNT)
		return NULL;
	return action_helps[a];
}

enum action
keys_lookup(int key)
{
	size_t	i;

	keys_load();
	for (i = 0; i < ntable; i++) {
		if (table[i].key == key)
			return table[i].action;
	}
	return ACT_NONE;
}

/* Resolves a key name and an action name; 0, or -1 with *cause. */
static int
keys_resolve(const char *key, const char *action, int *kp, enum action *ap,
    char **cause)
{
	int	k, a;

	k = input_key_parse(key);
	if (k == -1) {
		if (cause != NULL)
			*cause = xasprintf("unknown key '%s' (keys are like "
			    "j, ^L, F5, PgDn, Enter, Esc, Space)", key);
		return -1;
	}
	for (a = 0; a < ACT_COUNT; a++) {
		if (strcmp(action_names[a], action) == 0)
			break;
	}
	if (a == ACT_COUNT) {
		if (cause != NULL)
			*cause = xasprintf("unknown action '%s' (see the help "
			    "screen, ?, for the names)", action);
		return -1;
	}
	*kp = k;
	*ap = (enum action)a;
	return 0;
}

int
tui_keys_bind(const char *key, const char *action, char **cause)
{
	enum action	a;
	int		k;

	keys_load();
	if (keys_resolve(key, action, &k, &a, cause) != 0)
		return -1;
	keys_set(k, a);
	return 0;
}

/*
 * Splits "KEY ACTION" (a leading "bind" word is allowed) and resolves
 * both names, without touching the table.
 */
static int
keys_bind_parse(const char *line, int *kp, enum action *ap, char **cause)
{
	char	*copy, *key, *action, *end, *syntax;
	int	 rc;

	copy = xstrdup(line);
	key = copy;
	while (isspace((unsigned char)*key))
		key++;
	if (strncmp(key, "bind", 4) == 0 && isspace((unsigned char)key[4]))
		key += 4;
	while (isspace((unsigned char)*key))
		key++;
	action = key;
	while (*action != '\0' && !isspace((unsigned char)*action))
		action++;
	if (*action != '\0')
		*action++ = '\0';
	while (isspace((unsigned char)*action))
		action++;
	end = action + strlen(action);
	while (end > action && isspace((unsigned char)end[-1]))
		*--end = '\0';
	if (*key == '\0' || *action == '\0' ||
	    strpbrk(action, " \t") != NULL) {
		if (cause != NULL) {
			syntax = tui_config_bind_line("KEY", "ACTION");
			*cause = xasprintf("expected '%s', got '%s'", syntax,
			    line);
			free(syntax);
		}
		free(copy);
		return -1;
	}
	rc = keys_resolve(key, action, kp, ap, cause);
	free(copy);
	return rc;
}

int
keys_bind_line(const char *line, char **cause)
{
	enum action	a;
	int		k;

	keys_load();
	if (keys_bind_parse(line, &k, &a, cause) != 0)
		return -1;
	keys_set(k, a);
	return 0;
}

int
tui_keys_check(const char *line, char **cause)
{
	enum action	a;
	int		k;

	return keys_bind_parse(line, &k, &a, cause);
}

char *
keys_for_action(enum action a)
{
	struct buf	 b;
	size_t		 i;
	char		*name;

	keys_load();
	buf_init(&b);
	for (i = 0; i < ntable; i++) {
		if (table[i].action != a)
			continue;
		name = input_key_name(table[i].key);
		if (b.len != 0)
			buf_adds(&b, ", ");
		buf_adds(&b, name);
		free(name);
	}
	return buf_detach(&b);
}
