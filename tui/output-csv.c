/*
 * output-csv.c: --csv, RFC 4180 with a header row of the same names as
 * the JSON keys (out_columns), CRLF line ends, list fields joined with
 * "; ". Cells are sanitized, and a cell a spreadsheet would run as a
 * formula (= + - @ TAB CR first) gets a leading ' so it stays text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "tui/tui.h"

static int
csv_formula_start(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

void
out_csv_cell(struct buf *b, const char *s, int multiline)
{
	char		*clean, *p;
	int		 quote;

	if (s == NULL)
		s = "";
	clean = sanitize_data(s, multiline ? SANITIZE_TEXT : SANITIZE_LINE);
	quote = strpbrk(clean, ",\"\r\n") != NULL;
	if (quote)
		buf_addc(b, '"');
	if (csv_formula_start(s) || csv_formula_start(clean))
		buf_addc(b, '\'');
	for (p = clean; *p != '\0'; p++) {
		if (*p == '"')
			buf_addc(b, '"');
		buf_addc(b, *p);
	}
	if (quote)
		buf_addc(b, '"');
	free(clean);
}

void
out_csv_list(struct buf *b, const struct out_list *l)
{
	const char		**names;
	struct out_value	  v;
	struct buf		  cell;
	size_t			  n, i, c, k;

	names = out_columns(l, &n);
	for (c = 0; c < n; c++) {
		if (c > 0)
			buf_addc(b, ',');
		out_csv_cell(b, names[c], 0);
	}
	buf_adds(b, "\r\n");
	buf_init(&cell);
	for (i = 0; i < l->n; i++) {
		for (c = 0; c < n; c++) {
			if (c > 0)
				buf_addc(b, ',');
			out_item_get(&l->v[i], names[c], &v);
			switch (v.kind) {
			case OUTV_NONE:
				break;
			case OUTV_STRING:
				out_csv_cell(b, v.s, v.multiline);
				break;
			case OUTV_LIST:
				buf_reset(&cell);
				for (k = 0; k < v.n; k++) {
					if (k > 0)
						buf_adds(&cell, "; ");
					buf_adds(&cell, v.list[k]);
				}
				out_csv_cell(b, cell.data != NULL ? cell.data :
				    "", 0);
				break;
			case OUTV_NUMBER:
				buf_addf(b, "%lu", v.num);
				break;
			case OUTV_BOOL:
				buf_adds(b, v.num ? "true" : "false");
				break;
			}
		}
		buf_adds(b, "\r\n");
	}
	buf_free(&cell);
	free(names);
}
