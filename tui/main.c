/*
 * main.c: the entry of globe. Sets the locale, from which the terminal's
 * charset is chosen once (UTF-8, or ASCII only; widths never depend on
 * it), how dates and counts are written for a person
 * (tui/present-locale.c) and the language of the messages
 * (common/i18n.c), and runs the command line, handing it the full-screen
 * interface: the one place the two front ends (tui/cmd.h, tui/ui.h)
 * meet.
 */
#include "config.h"

#include <locale.h>

#include "common/common.h"
#include "common/i18n.h"
#include "tui/cmd.h"
#include "tui/present.h"
#include "tui/ui.h"

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	charset_init();
	/*
	 * Dates and counts as the locale writes them for a person, read
	 * once, before any thread. Then numbers go back to the C locale's:
	 * JSON, CSV and strtod read and write "1.5" in every locale, and
	 * the counts keep the digit groups read here (tui/present-locale.c).
	 */
	present_locale_init(setlocale(LC_NUMERIC, NULL));
	setlocale(LC_NUMERIC, "C");
	i18n_init();
	return cli_main(argc, argv, tui_app_run);
}
