/*
 * ui-display-term.c: whether terminfo knows a terminal, asked apart from
 * ui-display.c because <term.h> defines macros (lines, columns …) that
 * would clash with the names there.
 */
#include "config.h"

#include <unistd.h>

#include <curses.h>

#include "tui/ui.h"

#include <term.h>	/* after ui.h, whose names its macros would hit */

int
display_term_known(const char *term)
{
	int	err = 0;

	/* newterm would fail too, but leak its half-made screen. */
	if (setupterm((char *)term, STDOUT_FILENO, &err) != OK)
		return 0;
	del_curterm(cur_term);
	return 1;
}
