/*
 * ui-keys.c: the one key table of the interface. Every key maps to a
 * named action here; dispatch (ui-app.c) and the help screen
 * (view-help.c) read this table, and the config file's `bind = KEY
 * ACTION` lines change it, parsed by present-keys.c (the parser every
 * command checks bind lines with), so they cannot drift apart. A second,
 * small table says what a few keys mean on a record's own screen
 * (contact, authority, route) instead: n is the note and f the flag
 * there, while n keeps its newsletters meaning and f the countries
 * filter everywhere else; a key the config binds means that everywhere.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"

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
	{ "w", ACT_ROUTES },
	{ "1", ACT_COUNTRIES }, { "c", ACT_COUNTRIES },
	{ "2", ACT_NEWSLETTERS },
	/*
	 * n as in newsboat: the next unread issue in the newsletters and
	 * the reader; elsewhere it still shows the newsletters (as 2).
	 */
	{ "n", ACT_NEXT_UNREAD }, { "p", ACT_PREV_UNREAD },
	{ "N", ACT_TOGGLE_READ }, { "A", ACT_ALL_READ },
	{ "3", ACT_STARRED },
	/*
	 * A digit, as the other top-level screens: a free letter would
	 * start the countries' filter, and countries begin with every one.
	 */
	{ "4", ACT_CHANGES },
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
	{ "^Z", ACT_SUSPEND },
	{ "q", ACT_QUIT },
};

/* On a record's own screen these keys act on the record. */
static const struct binding record_bindings[] = {
	{ "n", ACT_NOTE },
	{ "f", ACT_FLAG },
};

#define KEYS_MAX 128
static struct {
	int		 key;
	enum action	 action;
	int		 user;		/* bound by the config: wins everywhere */
} table[KEYS_MAX];
static size_t ntable;
static int loaded;

static void
keys_set(int key, enum action action, int user)
{
	size_t	i;

	for (i = 0; i < ntable; i++) {
		if (table[i].key == key) {
			table[i].action = action;
			table[i].user = user;
			return;
		}
	}
	if (ntable < KEYS_MAX) {
		table[ntable].key = key;
		table[ntable].action = action;
		table[ntable].user = user;
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
			keys_set(key, default_bindings[i].action, 0);
	}
	loaded = 1;
}

static void
keys_load(void)
{
	if (!loaded)
		keys_reset();
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

int
tui_keys_bind(const char *key, const char *action, char **cause)
{
	enum action	a;
	int		k;

	keys_load();
	if (present_bind_resolve(key, action, &k, &a, cause) != 0)
		return -1;
	keys_set(k, a, 1);
	return 0;
}

int
keys_bind_line(const char *line, char **cause)
{
	enum action	a;
	int		k;

	keys_load();
	if (present_bind_parse(line, &k, &a, cause) != 0)
		return -1;
	keys_set(k, a, 1);
	return 0;
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

/* Whether the config bound key (then it means that on every screen). */
static int
keys_user_bound(int key)
{
	size_t	i;

	for (i = 0; i < ntable; i++) {
		if (table[i].key == key)
			return table[i].user;
	}
	return 0;
}

enum action
keys_record_lookup(int key)
{
	size_t	i;

	keys_load();
	if (keys_user_bound(key))
		return ACT_NONE;
	for (i = 0; i < sizeof record_bindings / sizeof record_bindings[0];
	    i++) {
		if (input_key_parse(record_bindings[i].key) == key)
			return record_bindings[i].action;
	}
	return ACT_NONE;
}

char *
keys_for_record_action(enum action a)
{
	struct buf	 b;
	size_t		 i;
	int		 key;

	keys_load();
	buf_init(&b);
	for (i = 0; i < sizeof record_bindings / sizeof record_bindings[0];
	    i++) {
		key = input_key_parse(record_bindings[i].key);
		if (record_bindings[i].action != a || keys_user_bound(key))
			continue;
		if (b.len != 0)
			buf_adds(&b, ", ");
		buf_adds(&b, record_bindings[i].key);
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_detach(&b);
}
