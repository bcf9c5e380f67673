/*
 * main.c: the entry of globe. Sets the locale, from which the terminal's
 * charset is chosen once (UTF-8, or ASCII only; widths never depend on
 * it), and runs the command line.
 */
#include "config.h"

#include <locale.h>

#include "common/common.h"
#include "tui/tui.h"

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	charset_init();
	return cli_main(argc, argv);
}
