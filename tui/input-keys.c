/*
 * input-keys.c: key names, both ways ("PgDn" <-> a key code), and what
 * kind of key a code is. No curses here: input.c turns curses' codes into
 * these, so the config loader can check a bind line in any command.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tui/app.h"

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
