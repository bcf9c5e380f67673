/*
 * ui-input.c: every key, mouse event and resize of the interface passes
 * through input_read, which turns curses' codes into one event with the
 * action the key table gives. curses' codes become globe's own key codes
 * here, so key names (present-keys.c) and bindings need no curses.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"

/* curses' codes for the keys that have a name (present-keys.c). */
static const struct {
	int	 curses;
	int	 key;
} curses_keys[] = {
	{ KEY_UP, TUI_KEY_UP },
	{ KEY_DOWN, TUI_KEY_DOWN },
	{ KEY_LEFT, TUI_KEY_LEFT },
	{ KEY_RIGHT, TUI_KEY_RIGHT },
	{ KEY_PPAGE, TUI_KEY_PGUP },
	{ KEY_NPAGE, TUI_KEY_PGDN },
	{ KEY_HOME, TUI_KEY_HOME },
	{ KEY_END, TUI_KEY_END },
	{ KEY_BACKSPACE, TUI_KEY_BACKSPACE },
	{ KEY_DC, TUI_KEY_DELETE },
	{ KEY_IC, TUI_KEY_INSERT },
	{ KEY_BTAB, TUI_KEY_BTAB },
	{ KEY_ENTER, TUI_KEY_ENTER },
};

/* Our code for a curses function key. */
static int
input_curses_key(int ch)
{
	size_t	i;

	for (i = 0; i < sizeof curses_keys / sizeof curses_keys[0]; i++) {
		if (curses_keys[i].curses == ch)
			return curses_keys[i].key;
	}
	if (ch >= KEY_F(1) && ch <= KEY_F(TUI_KEY_FMAX))
		return TUI_KEY_F(ch - KEY_F(0));
	return TUI_KEY_OTHER + ch;
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
		ev->key = input_curses_key((int)ch);
	} else {
		ev->key = (int)ch;
		if (ev->key == '\r')
			ev->key = TUI_KEY_ENTER;
		else if (ev->key == 0x7f || ev->key == 0x08)
			ev->key = TUI_KEY_BACKSPACE;
	}
	ev->kind = INPUT_KEY;
	ev->action = keys_lookup(ev->key);
}
