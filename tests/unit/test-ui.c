/*
 * test-ui.c: the curses part's plain helpers, without a terminal: the key
 * table and its bindings (ui-keys.c, parsed by present-keys.c) and the
 * OSC 52 sequence (ui-clipboard.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"
#include "harness.h"

static void
test_keys(void)
{
	char	*cause = NULL, *s;
	int	 k;

	keys_reset();
	CHECK_INT(keys_lookup('j'), ACT_DOWN, "j moves down");
	CHECK_INT(keys_lookup(input_key_parse("PgDn")), ACT_PAGE_DOWN,
	    "PgDn pages");
	CHECK_INT(keys_lookup('/'), ACT_SEARCH, "/ searches");
	CHECK_INT(tui_keys_bind("x", "quit", &cause), 0, "bind x quit");
	CHECK_INT(keys_lookup('x'), ACT_QUIT, "x now quits");
	CHECK_INT(keys_bind_line("bind F6 sync", &cause), 0,
	    "a config line binds F6");
	CHECK_INT(keys_lookup(input_key_parse("F6")), ACT_SYNC, "F6 syncs");
	CHECK_INT(keys_bind_line("q none", &cause), 0, "q can be unbound");
	CHECK_INT(keys_lookup('q'), ACT_NONE, "q does nothing now");
	s = keys_for_action(ACT_QUIT);
	CHECK_STR(s, "x", "help shows the binding in force");
	free(s);
	s = keys_for_action(ACT_SYNC);
	CHECK_STR(s, "s, F5, F6", "every key of an action, in order");
	free(s);
	CHECK_INT(tui_keys_bind("Hyper-Q", "quit", &cause), -1,
	    "an unknown key is refused");
	CHECK(cause != NULL && strstr(cause, "Hyper-Q") != NULL,
	    "the cause names the key");
	free(cause);
	cause = NULL;
	CHECK_INT(tui_keys_bind("z", "explode", &cause), -1,
	    "an unknown action is refused");
	CHECK(cause != NULL && strstr(cause, "explode") != NULL,
	    "the cause names the action");
	free(cause);
	cause = NULL;
	CHECK_INT(keys_bind_line("bind", &cause), -1, "a bind with nothing");
	free(cause);
	k = input_key_parse("^L");
	CHECK_INT(k, 12, "^L is control-L");
	s = input_key_name(k);
	CHECK_STR(s, "^L", "and prints back");
	free(s);
	s = input_key_name(input_key_parse("é"));
	CHECK_STR(s, "é", "a non-ASCII key");
	free(s);
	keys_reset();
	CHECK_INT(keys_lookup('q'), ACT_QUIT, "reset restores q");

	/* The config loader's check: the same parser, no binding changed. */
	CHECK_INT(tui_keys_check("x quit", NULL), 0, "check accepts x quit");
	CHECK_INT(keys_lookup('x'), ACT_NONE, "and x is still unbound");
	CHECK_INT(tui_keys_check("Hyper-Q quit", &cause), -1,
	    "check refuses an unknown key");
	CHECK(cause != NULL && strstr(cause, "unknown key 'Hyper-Q'") != NULL,
	    "  naming it");
	free(cause);
	cause = NULL;
	CHECK_INT(tui_keys_check("q quit now", &cause), -1,
	    "check refuses two actions");
	CHECK(cause != NULL && strstr(cause, "'bind = KEY ACTION'") != NULL,
	    "  showing the config syntax");
	free(cause);
	cause = NULL;
	s = tui_config_bind_line("^N", "down");
	CHECK_STR(s, "bind = ^N down", "the bind line as the config reads it");
	free(s);

	/* Named keys and F keys round-trip without curses' codes. */
	s = input_key_name(input_key_parse("pgdn"));
	CHECK_STR(s, "PgDn", "PgDn by any case");
	free(s);
	s = input_key_name(input_key_parse("F24"));
	CHECK_STR(s, "F24", "F24");
	free(s);
	CHECK_INT(input_key_parse("F25"), -1, "no F25");
	CHECK(input_key_is_backspace(input_key_parse("Backspace")),
	    "Backspace deletes");
}

static void
test_osc52(void)
{
	char	*s;

	s = clipboard_osc52("jose@example.org", 0);
	CHECK_STR(s, "\033]52;c;am9zZUBleGFtcGxlLm9yZw==\a",
	    "OSC 52 with the text in base64");
	free(s);
	s = clipboard_osc52("ab", 1);
	CHECK_STR(s, "\033]52;c;YWI=\a\033Ptmux;\033\033]52;c;YWI=\a\033\\",
	    "inside tmux also a passthrough copy");
	free(s);
}

/* The status line's parts give way in the order of the steps. */
int
main(void)
{
	test_keys();
	test_osc52();
	HARNESS_END();
}
