/*
 * main.c: the entry of globe. Sets the locale (for the curses interface
 * to come; widths never depend on it) and runs the command line.
 */
#include "config.h"

#include <locale.h>

#include "tui/tui.h"

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return cli_main(argc, argv);
}
