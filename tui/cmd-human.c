/*
 * cmd-human.c: the CLI's human format: tables laid out by display width
 * with utf8_fit and records as "label: value" lines, written to stdout.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "tui/cmd.h"

void
out_human_row(struct buf *b, const char *const *cells, const int *widths,
    const int *flags, size_t n)
{
	size_t	 i, start = b->len;
	char	*s;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(b, "  ");
		s = utf8_fit(cells[i], widths[i],
		    flags != NULL && (flags[i] & OUT_RIGHT));
		buf_adds(b, s);
		free(s);
	}
	while (b->len > start && b->data[b->len - 1] == ' ')
		b->len--;
	if (b->data != NULL)
		b->data[b->len] = '\0';
	buf_addc(b, '\n');
}

static char *
upper_name(const char *s)
{
	char	*u = xstrdup(s), *p;

	for (p = u; *p != '\0'; p++) {
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
		else if (*p == '_')
			*p = ' ';
	}
	return u;
}

void
out_human_table(struct buf *b, const struct out_list *l,
    const struct out_column *cols, size_t ncols, int bold)
{
	char	**cells, **hdr;
	int	 *widths, *flags, w;
	size_t	  r, c;

	if (l->n == 0)
		return;
	cells = xcalloc(l->n * ncols, sizeof *cells);
	hdr = xcalloc(ncols, sizeof *hdr);
	widths = xcalloc(ncols, sizeof *widths);
	flags = xcalloc(ncols, sizeof *flags);
	for (c = 0; c < ncols; c++) {
		hdr[c] = cols[c].header != NULL ? xstrdup(cols[c].header) :
		    upper_name(cols[c].name);
		widths[c] = (int)utf8_width(hdr[c]);
		flags[c] = cols[c].flags;
	}
	for (r = 0; r < l->n; r++) {
		for (c = 0; c < ncols; c++) {
			cells[r * ncols + c] = out_cell_text(&l->v[r],
			    cols[c].name, &cols[c]);
			w = (int)utf8_width(cells[r * ncols + c]);
			if (w > widths[c])
				widths[c] = w;
		}
	}
	for (c = 0; c < ncols; c++) {
		if (cols[c].max > 0 && widths[c] > cols[c].max)
			widths[c] = cols[c].max;
	}
	if (bold)
		buf_adds(b, "\033[1m");
	out_human_row(b, (const char *const *)hdr, widths, flags, ncols);
	if (bold) {
		b->len--;	/* the newline goes after the attribute */
		buf_adds(b, "\033[0m\n");
	}
	for (r = 0; r < l->n; r++)
		out_human_row(b, (const char *const *)&cells[r * ncols],
		    widths, flags, ncols);
	for (c = 0; c < l->n * ncols; c++)
		free(cells[c]);
	for (c = 0; c < ncols; c++)
		free(hdr[c]);
	free(cells);
	free(hdr);
	free(widths);
	free(flags);
}

void
out_human_record(struct buf *b, const struct out_item *it)
{
	const char		**names;
	struct out_list		  one;
	struct out_value	  v;
	size_t			  n, i, labelw = 0, w;
	char			 *text, *p, *nl;

	one.v = (struct out_item *)it;
	one.n = one.cap = 1;
	names = out_columns(&one, &n);
	for (i = 0; i < n; i++) {
		w = strlen(names[i]);
		if (w > labelw)
			labelw = w;
	}
	for (i = 0; i < n; i++) {
		out_item_get(it, names[i], &v);
		if (v.kind == OUTV_NONE ||
		    (v.kind == OUTV_STRING && *v.s == '\0'))
			continue;
		if (v.kind == OUTV_STRING && v.multiline)
			text = sanitize(v.s, SANITIZE_TEXT);
		else
			text = out_cell_text(it, names[i], NULL);
		buf_addf(b, "%s:%*s", names[i],
		    (int)(labelw - strlen(names[i]) + 1), "");
		/* Continuation lines of a multi-line value are indented. */
		for (p = text; p != NULL; p = nl) {
			nl = strchr(p, '\n');
			if (p != text)
				buf_addf(b, "%*s", (int)labelw + 2, "");
			if (nl != NULL) {
				buf_add(b, p, (size_t)(nl - p));
				nl++;
			} else
				buf_adds(b, p);
			buf_addc(b, '\n');
		}
		free(text);
	}
	free(names);
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
