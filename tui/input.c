/*
 * input.c: every key, mouse event and resize of the interface passes
 * through input_read, which turns curses' codes into one event with the
 * action the key table gives. Key names (for bindings and help) live here
 * too, so parsing and printing a name are one table.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tui/app.h"

static const struct {
	const char	*name;
	int		 key;
} key_names[] = {
	{ "Up", TUI_KEY_BASE + KEY_UP },
	{ "Down", TUI_KEY_BASE + KEY_DOWN },
	{ "Left", TUI_KEY_BASE + KEY_LEFT },
	{ "Right", TUI_KEY_BASE + KEY_RIGHT },
	{ "PgUp", TUI_KEY_BASE + KEY_PPAGE },
	{ "PgDn", TUI_KEY_BASE + KEY_NPAGE },
	{ "Home", TUI_KEY_BASE + KEY_HOME },
	{ "End", TUI_KEY_BASE + KEY_END },
	{ "Backspace", TUI_KEY_BASE + KEY_BACKSPACE },
	{ "Delete", TUI_KEY_BASE + KEY_DC },
	{ "Insert", TUI_KEY_BASE + KEY_IC },
	{ "BTab", TUI_KEY_BASE + KEY_BTAB },
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
	return key == TUI_KEY_BASE + KEY_BACKSPACE || key == 0x7f ||
	    key == 0x08;
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
	if (key >= TUI_KEY_BASE + KEY_F(1) && key <= TUI_KEY_BASE + KEY_F(24))
		return xasprintf("F%d", key - TUI_KEY_BASE - KEY_F(0));
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
		if (n >= 1 && n <= 24)
			return TUI_KEY_BASE + KEY_F(n);
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

static void
input_mouse(struct input_event *ev)
{
	MEVENT	me;

	ev->kind = INPUT_NONE;
	if (getmouse(&me) != OK)
		return;
	ev->mouse_y = me.y;
	ev->mouse_x = me.x;
	if (me.bstate & BUTTON1_DOUBLE_CLICKED)
		ev->mouse_button = INPUT_MOUSE_DOUBLE;
	else if (me.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
		ev->mouse_button = INPUT_MOUSE_CLICK;
	else if (me.bstate & BUTTON4_PRESSED)
		ev->mouse_button = INPUT_MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
	else if (me.bstate & BUTTON5_PRESSED)
		ev->mouse_button = INPUT_MOUSE_WHEEL_DOWN;
#endif
	else
		return;
	ev->kind = INPUT_MOUSE;
}

void
input_read(struct input_event *ev)
{
	wint_t	ch;
	int	rc;

	memset(ev, 0, sizeof *ev);
	ev->kind = INPUT_NONE;
	ev->action = ACT_NONE;
	rc = get_wch(&ch);
	if (rc == ERR)
		return;
	if (rc == KEY_CODE_YES) {
		if (ch == KEY_RESIZE) {
			ev->kind = INPUT_RESIZE;
			return;
		}
		if (ch == KEY_MOUSE) {
			input_mouse(ev);
			return;
		}
		if (ch == KEY_ENTER)
			ev->key = TUI_KEY_ENTER;
		else
			ev->key = TUI_KEY_BASE + (int)ch;
	} else {
		ev->key = (int)ch;
		if (ev->key == '\r')
			ev->key = TUI_KEY_ENTER;
		else if (ev->key == 0x7f || ev->key == 0x08)
			ev->key = TUI_KEY_BASE + KEY_BACKSPACE;
	}
	ev->kind = INPUT_KEY;
	ev->action = keys_lookup(ev->key);
}
