/*
 * present-keys.c: keys and actions as a person names them: key names both
 * ways ("PgDn" <-> a key code), what kind of key a code is, the action
 * names and their help text, and the `bind = KEY ACTION` line checked
 * and shown. No curses here: ui-input.c turns curses' codes into these,
 * so the config loader (cmd-config.c) checks a bind line in any command
 * and the help screen shows the line the parser reads.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/common.h"
#include "common/i18n.h"
#include "tui/present.h"

static const struct {
	const char	*name;
	int		 key;
} key_names[] = {
	{ "Up", TUI_KEY_UP },
	{ "Down", TUI_KEY_DOWN },
	{ "Left", TUI_KEY_LEFT },
	{ "Right", TUI_KEY_RIGHT },
	{ "PgUp", TUI_KEY_PGUP },
	{ "PgDn", TUI_KEY_PGDN },
	{ "Home", TUI_KEY_HOME },
	{ "End", TUI_KEY_END },
	{ "Backspace", TUI_KEY_BACKSPACE },
	{ "Delete", TUI_KEY_DELETE },
	{ "Insert", TUI_KEY_INSERT },
	{ "BTab", TUI_KEY_BTAB },
	{ "Enter", TUI_KEY_ENTER },
	{ "Esc", TUI_KEY_ESC },
	{ "Tab", TUI_KEY_TAB },
	{ "Space", ' ' },
};

int
input_key_printable(int key)
{
	if (key >= TUI_KEY_BASE || key < 0)
		return 0;
	if (key < 0x20 || key == 0x7f || (key >= 0x80 && key < 0xa0))
		return 0;
	return 1;
}

int
input_key_is_backspace(int key)
{
	return key == TUI_KEY_BACKSPACE || key == 0x7f || key == 0x08;
}

char *
input_key_name(int key)
{
	char	out[8];
	size_t	i;
	int	len;

	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (key_names[i].key == key)
			return xstrdup(key_names[i].name);
	}
	if (key >= TUI_KEY_F(1) && key <= TUI_KEY_F(TUI_KEY_FMAX))
		return xasprintf("F%d", key - TUI_KEY_F(0));
	if (key > 0 && key < 0x20)
		return xasprintf("^%c", key + '@');
	if (key == 0x7f)
		return xstrdup("Backspace");
	if (input_key_printable(key)) {
		len = utf8_encode((uint32_t)key, out);
		out[len] = '\0';
		return xstrdup(out);
	}
	return xasprintf("key-%d", key);
}

int
input_key_parse(const char *name)
{
	size_t		i, len;
	uint32_t	cp;
	int		n, used;

	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (strcasecmp(key_names[i].name, name) == 0)
			return key_names[i].key;
	}
	len = strlen(name);
	if (len >= 2 && (name[0] == 'F' || name[0] == 'f') &&
	    strspn(name + 1, "0123456789") == len - 1) {
		n = atoi(name + 1);
		if (n >= 1 && n <= TUI_KEY_FMAX)
			return TUI_KEY_F(n);
		return -1;
	}
	if (len == 2 && name[0] == '^' && name[1] >= '?' && name[1] <= '_')
		return name[1] == '?' ? 0x7f : TUI_KEY_CTRL(name[1]);
	if (len == 2 && name[0] == '^' && name[1] >= 'a' && name[1] <= 'z')
		return TUI_KEY_CTRL(name[1]);
	used = utf8_decode(name, len, &cp);
	if (used > 0 && (size_t)used == len && input_key_printable((int)cp))
		return (int)cp;
	return -1;
}

#define ACTION_NAME(a, name, help) name,
static const char *action_names[] = { ACTION_LIST(ACTION_NAME) };
#undef ACTION_NAME
#define ACTION_HELP(a, name, help) help,
static const char *action_helps[] = { ACTION_LIST(ACTION_HELP) };
#undef ACTION_HELP

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
	if ((int)a < 0 || a >= ACT_COUNT || action_helps[a] == NULL)
		return NULL;
	return _(action_helps[a]);
}

int
present_bind_resolve(const char *key, const char *action, int *kp, enum action *ap,
    char **cause)
{
	int	k, a;

	k = input_key_parse(key);
	if (k == -1) {
		if (cause != NULL)
			/*
			 * TRANSLATORS: in a bind line's error; %s is the key
			 * as written. The examples are key names: keep them.
			 */
			*cause = xasprintf(_("unknown key '%s' (keys are like "
			    "j, ^L, F5, PgDn, Enter, Esc, Space)"), key);
		return -1;
	}
	for (a = 0; a < ACT_COUNT; a++) {
		if (strcmp(action_names[a], action) == 0)
			break;
	}
	if (a == ACT_COUNT) {
		if (cause != NULL)
			/*
			 * TRANSLATORS: in a bind line's error; %s is the
			 * action as written; ? is the help key.
			 */
			*cause = xasprintf(_("unknown action '%s' (see the "
			    "help screen, ?, for the names)"), action);
		return -1;
	}
	*kp = k;
	*ap = (enum action)a;
	return 0;
}

int
present_bind_parse(const char *line, int *kp, enum action *ap, char **cause)
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
			/*
			 * TRANSLATORS: a bind line's error: the syntax
			 * ("bind = KEY ACTION"), then the line as written.
			 */
			*cause = xasprintf(_("expected '%s', got '%s'"),
			    syntax, line);
			free(syntax);
		}
		free(copy);
		return -1;
	}
	rc = present_bind_resolve(key, action, kp, ap, cause);
	free(copy);
	return rc;
}

int
tui_keys_check(const char *line, char **cause)
{
	enum action	a;
	int		k;

	return present_bind_parse(line, &k, &a, cause);
}

char *
tui_config_bind_line(const char *key, const char *action)
{
	return xasprintf("%s = %s %s", PRESENT_BIND_KEY, key, action);
}
