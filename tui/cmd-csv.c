/*
 * cmd-csv.c: --csv, RFC 4180 with a header row of the same names as
 * the JSON keys (out_columns), CRLF line ends, list fields joined with
 * "; ". Cells are sanitized and quoted when they hold , ; or a tab, and
 * a cell a spreadsheet would run as a formula (= + - @ TAB CR, after any
 * spaces, or a full-width form of them) gets a leading ' so it stays
 * text.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "tui/cmd.h"

/* Spaces a spreadsheet skips before it looks for a formula. */
static int
csv_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x00A0 ||
	    (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
	    cp == 0x3000;
}

/*
 * 1 if a spreadsheet could take the cell as a formula: its first
 * character past spaces is = + - @ (or CR, TAB), or a full-width or small
 * form of one (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫) or the minus sign, which some
 * spreadsheets read the same way.
 */
static int
csv_formula_start(const char *s)
{
	uint32_t	cp;
	size_t		len = strlen(s);
	int		n;

	if (*s == '\r' || *s == '\t')
		return 1;
	while (len > 0 && (n = utf8_decode(s, len, &cp)) > 0) {
		if (!csv_space(cp))
			return cp == '=' || cp == '+' || cp == '-' || cp == '@' ||
			    cp == 0xFF1D || cp == 0xFF0B || cp == 0xFF0D ||
			    cp == 0xFF20 || cp == 0xFE66 || cp == 0xFE62 ||
			    cp == 0xFE63 || cp == 0xFE6B || cp == 0x2212;
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

void
out_csv_cell(struct buf *b, const char *s, int multiline)
{
	char		*clean, *p;
	int		 quote;

	if (s == NULL)
		s = "";
	clean = sanitize_data(s, multiline ? SANITIZE_TEXT : SANITIZE_LINE);
	/*
	 * Quoted when it holds a separator any spreadsheet may use: the
	 * comma, and the semicolon and tab of European locales, so
	 * "Officer;=HYPERLINK(…)" stays one cell and never a formula.
	 */
	quote = strpbrk(clean, ",;\t\"\r\n") != NULL;
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

void
out_csv_measures(struct buf *b, const struct present_measure *m, size_t n)
{
	const struct present_measure	*x;
	size_t				 i;

	buf_adds(b, "measure,label,routes,not_possible,alternative,"
	    "alternative_label\r\n");
	for (i = 0; i < n; i++) {
		x = &m[i];
		out_csv_cell(b, x->code, 0);
		buf_addc(b, ',');
		out_csv_cell(b, present_label(VOCAB_MEASURE, x->code), 0);
		buf_addf(b, ",%zu,", x->routes);
		if (x->routes == 0 && x->not_possible != NULL) {
			out_csv_cell(b, x->not_possible, 0);
			buf_addc(b, ',');
			out_csv_cell(b, x->alternative, 0);
			buf_addc(b, ',');
			if (x->alternative != NULL)
				out_csv_cell(b, present_label(VOCAB_MEASURE,
				    x->alternative), 0);
		} else
			buf_adds(b, ",,");
		buf_adds(b, "\r\n");
	}
}
