/*
 * cmd-human.c: the CLI's human format, written to stdout: lists as the
 * presentation part lays them out in columns (tui/present-table.c), one
 * record as its labelled fields (present-record.c), both for the width of
 * the terminal (or $COLUMNS; unlimited into a pipe, so nothing is cut).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "common/common.h"
#include "tui/cmd.h"

int
out_width(int fallback)
{
	struct winsize	 ws;
	const char	*e;
	int		 w;

	if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	e = getenv("COLUMNS");
	if (e != NULL && (w = atoi(e)) >= 20 && w <= 1000)
		return w;
	return fallback;
}

void
out_human_table(struct buf *b, const struct out_list *l,
    enum present_list list, int opts, const struct present_ctx *ctx,
    int width, int bold)
{
	struct present_grid	 g;
	char			**cells, *line;
	size_t			 r, c;

	if (l->n == 0)
		return;
	present_grid_init(&g, list, opts);
	cells = xcalloc(l->n * g.n, sizeof *cells);
	for (r = 0; r < l->n; r++)
		present_grid_cells(&g, &l->v[r], ctx, &cells[r * g.n]);
	present_grid_fit(&g, width);
	line = present_grid_titles(&g, 0);
	if (bold)
		buf_addf(b, "\033[1m%s\033[0m\n", line);
	else
		buf_addf(b, "%s\n", line);
	free(line);
	for (r = 0; r < l->n; r++) {
		line = present_grid_row(&g, &cells[r * g.n], 0);
		buf_addf(b, "%s\n", line);
		free(line);
	}
	for (c = 0; c < l->n * g.n; c++)
		free(cells[c]);
	free(cells);
}

void
out_human_record(struct buf *b, const struct out_item *it,
    const struct out_item *auth, const struct present_ctx *ctx, int width)
{
	struct present_fields	 fs;
	char			*text;

	memset(&fs, 0, sizeof fs);
	present_record_fields(it, auth, ctx, &fs);
	text = present_fields_text(&fs, width);
	buf_adds(b, text);
	free(text);
	present_fields_free(&fs);
}

int
out_write(const struct buf *b)
{
	if (b->len > 0 && fwrite(b->data, 1, b->len, stdout) != b->len)
		return -1;
	if (fflush(stdout) != 0)
		return -1;
	return 0;
}
