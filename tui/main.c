/*
 * main.c: the entry of globe. Sets the locale, from which the terminal's
 * charset is chosen once (UTF-8, or ASCII only; widths never depend on
 * it) and the language of the messages (common/i18n.c), and runs the
 * command line, handing it the full-screen interface: the one place the
 * two front ends (tui/cmd.h, tui/ui.h) meet.
 */
#include "config.h"

#include <locale.h>

#include "common/common.h"
#include "common/i18n.h"
#include "tui/cmd.h"
#include "tui/ui.h"

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	charset_init();
	i18n_init();
	return cli_main(argc, argv, tui_app_run);
}
