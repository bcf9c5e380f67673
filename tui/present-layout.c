/*
 * present-layout.c: how text is laid out for a person, on a screen or on
 * stdout: columns, rows and titles by display width, match highlighting,
 * wrapping, counts with separators, lists, safe file names and a line of
 * parts that gives way in a stated order. No curses, no stdout.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/present.h"

#define LAYOUT_GAP 2

void
layout_widths(const struct layout_col *cols, size_t n, int width,
    int *widths)
{
	size_t	i, drop;
	int	need, nkept, flex;

	for (i = 0; i < n; i++)
		widths[i] = cols[i].width != 0 ? cols[i].width :
		    (cols[i].min > 0 ? cols[i].min : 1);
	for (;;) {
		need = 0;
		nkept = 0;
		for (i = 0; i < n; i++) {
			if (widths[i] < 0)
				continue;
			need += widths[i];
			nkept++;
		}
		if (nkept > 1)
			need += LAYOUT_GAP * (nkept - 1);
		if (need <= width || nkept <= 1)
			break;
		/* Drop the least important column still shown. */
		drop = n;
		for (i = 0; i < n; i++) {
			if (widths[i] < 0)
				continue;
			if (drop == n || cols[i].priority >= cols[drop].priority)
				drop = i;
		}
		widths[drop] = -1;
	}
	flex = n;
	for (i = 0; i < n; i++) {
		if (widths[i] >= 0 && cols[i].width == 0) {
			flex = (int)i;
			break;
		}
	}
	if (nkept == 1) {
		for (i = 0; i < n; i++) {
			if (widths[i] >= 0)
				widths[i] = width;
		}
		return;
	}
	if (flex < (int)n && width > need)
		widths[flex] += width - need;
}

static char *
layout_join(const struct layout_col *cols, size_t n, const char *const *texts,
    int width)
{
	struct buf	 b;
	int		 widths[LAYOUT_MAXCOLS + 4];
	size_t		 i;
	int		 used = 0, first = 1;
	char		*cell, *out;

	if (n > LAYOUT_MAXCOLS + 4)
		n = LAYOUT_MAXCOLS + 4;
	layout_widths(cols, n, width, widths);
	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (widths[i] < 0)
			continue;
		if (!first) {
			buf_adds(&b, "  ");
			used += LAYOUT_GAP;
		}
		first = 0;
		cell = utf8_fit(texts[i] != NULL ? texts[i] : "", widths[i],
		    cols[i].right);
		buf_adds(&b, cell);
		used += widths[i];
		free(cell);
	}
	out = utf8_fit(b.data != NULL ? b.data : "", width, 0);
	buf_free(&b);
	return out;
}

char *
layout_row(const struct layout_col *cols, size_t n, const char *const *texts,
    int width)
{
	return layout_join(cols, n, texts, width);
}

char *
layout_titles(const struct layout_col *cols, size_t n, int width)
{
	const char	*titles[LAYOUT_MAXCOLS + 4];
	size_t		 i;

	if (n > LAYOUT_MAXCOLS + 4)
		n = LAYOUT_MAXCOLS + 4;
	for (i = 0; i < n; i++)
		titles[i] = cols[i].title;
	return layout_join(cols, n, titles, width);
}

void
layout_match_mask(const char *text, const char *query, unsigned char *mask)
{
	struct buf	 folded;
	size_t		*map, len, i, mapcap, wlen, k, end;
	uint32_t	 cp;
	char		 one[8], *f, *q, *word, *save, *hit;
	int		 n;

	len = strlen(text);
	memset(mask, 0, len);
	if (query == NULL || *query == '\0' || len == 0)
		return;
	/* Fold text one character at a time, remembering where each byte came from. */
	buf_init(&folded);
	mapcap = len * 4 + 16;
	map = xreallocarray(NULL, mapcap, sizeof *map);
	for (i = 0; i < len; i += (size_t)n) {
		n = utf8_decode(text + i, len - i, &cp);
		if (n < 0) {
			n = 1;
			continue;
		}
		memcpy(one, text + i, (size_t)n);
		one[n] = '\0';
		f = fold_text(one);
		for (k = 0; f[k] != '\0'; k++) {
			if (folded.len + 1 >= mapcap) {
				mapcap *= 2;
				map = xreallocarray(map, mapcap, sizeof *map);
			}
			map[folded.len] = i;
			buf_addc(&folded, f[k]);
		}
		free(f);
	}
	if (folded.len == 0) {
		free(map);
		buf_free(&folded);
		return;
	}
	q = fold_text(query);
	for (word = strtok_r(q, " \t,.;:-_/()'\"", &save); word != NULL;
	    word = strtok_r(NULL, " \t,.;:-_/()'\"", &save)) {
		wlen = strlen(word);
		if (wlen == 0)
			continue;
		hit = folded.data;
		while ((hit = strstr(hit, word)) != NULL) {
			k = (size_t)(hit - folded.data);
			/* From the first source byte to the end of the last character. */
			end = k + wlen - 1;
			for (i = map[k]; i < len; i++) {
				if (i > map[end] && ((unsigned char)text[i] & 0xc0)
				    != 0x80) {
					/* Keep zero-width marks with their base. */
					n = utf8_decode(text + i, len - i, &cp);
					if (n < 0 || uc_width(cp) != 0)
						break;
				}
				mask[i] = 1;
			}
			hit += wlen;
		}
	}
	free(q);
	free(map);
	buf_free(&folded);
}

/* Appends one paragraph line wrapped at width. */
static void
layout_wrap_line(const char *s, size_t len, int width, char ***lines,
    size_t *n)
{
	size_t		 i, start, brk, cl;
	int		 used, cw, k, prev_cjk, here;
	uint32_t	 cp;

	start = 0;
	while (start < len) {
		i = start;
		used = 0;
		brk = 0;
		prev_cjk = 0;
		here = 0;
		while (i < len) {
			k = utf8_decode(s + i, len - i, &cp);
			cl = k < 0 ? 1 : (size_t)k;
			cw = k < 0 ? 1 : uc_width(cp);
			/* A break may come before a space or a CJK character, or after CJK. */
			here = i > start && (cp == ' ' || (k > 0 &&
			    uc_is_cjk(cp)) || prev_cjk);
			if (used + cw > width)
				break;
			if (here)
				brk = i;
			prev_cjk = k > 0 && uc_is_cjk(cp);
			used += cw;
			i += cl;
		}
		if (i < len && !here && brk > start)
			i = brk;
		if (i == start)
			i = start + 1;	/* width 1 and a wide character: move on */
		*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
		(*lines)[(*n)++] = xstrndup(s + start, i - start);
		start = i;
		/* The spaces at a break belong to neither line. */
		while (start < len && s[start] == ' ')
			start++;
	}
}

void
layout_wrap(const char *text, int width, char ***lines, size_t *n)
{
	const char	*p, *nl;

	if (width < 1)
		width = 1;
	p = text != NULL ? text : "";
	for (;;) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		if (nl == p) {
			*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
			(*lines)[(*n)++] = xstrdup("");
		} else
			layout_wrap_line(p, (size_t)(nl - p), width, lines, n);
		if (*nl == '\0')
			break;
		p = nl + 1;
	}
}

void
layout_count(uint64_t v, char *out)
{
	char	tmp[32];
	size_t	len, i, o = 0;

	snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
	len = strlen(tmp);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = tmp[i];
	}
	out[o] = '\0';
}

char *
layout_list(char *const *list, size_t n)
{
	struct buf	 b;
	size_t		 i;
	char		*s;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		s = sanitize(list[i], SANITIZE_LINE);
		buf_adds(&b, s);
		free(s);
	}
	return buf_detach(&b);
}

char *
layout_safe_filename(const char *name, const char *ext, size_t max)
{
	struct buf	 b;
	const char	*p;
	int		 len;
	uint32_t	 cp;

	buf_init(&b);
	for (p = name != NULL ? name : ""; *p != '\0' && b.len < max; p += len) {
		len = utf8_decode(p, strlen(p), &cp);
		if (len <= 0) {
			len = 1;	/* an invalid byte is one character */
			cp = 0xfffd;
		}
		/* ASCII only, whatever the locale: no isalnum. */
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9') || cp == '-' || cp == '_' ||
		    (cp == '.' && b.len > 0))
			buf_addc(&b, (char)cp);
		else
			buf_addc(&b, '_');
	}
	if (b.len == 0)
		buf_adds(&b, "record");
	buf_adds(&b, ext);
	return buf_detach(&b);
}

char *
layout_fit_parts(const struct layout_part *parts, size_t n,
    const size_t *steps, size_t nsteps, const char *sep, int width)
{
	struct buf	 b;
	size_t		 level[LAYOUT_PARTS_MAX] = { 0 }, i, s = 0;
	const char	*t;

	if (n > LAYOUT_PARTS_MAX)
		n = LAYOUT_PARTS_MAX;
	buf_init(&b);
	for (;;) {
		buf_reset(&b);
		for (i = 0; i < n; i++) {
			t = parts[i].forms[level[i]];
			if (t == NULL || *t == '\0')
				continue;
			if (b.len > 0)
				buf_adds(&b, sep);
			buf_adds(&b, t);
		}
		if (utf8_width(b.data != NULL ? b.data : "") <= (size_t)width)
			break;
		/* The next step that still has a shorter form to go to. */
		while (s < nsteps && (steps[s] >= n ||
		    level[steps[s]] + 1 >= LAYOUT_FORMS_MAX ||
		    parts[steps[s]].forms[level[steps[s]] + 1] == NULL))
			s++;
		if (s == nsteps)
			break;	/* as short as it gets: display_text cuts */
		level[steps[s]]++;
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_detach(&b);
}

/* Width of one character at s, and its length in bytes. */
static int
char_at(const char *s, size_t len, uint32_t *cp, int *w)
{
	int	 n;

	n = utf8_decode(s, len, cp);
	if (n < 0) {
		*w = 1;
		return 1;
	}
	*w = uc_width(*cp);
	return n;
}

/*
 * The end of the word starting at i: a run of non-space characters, or
 * one CJK character (text without spaces breaks between characters);
 * zero-width characters stay with the one before.
 */
static size_t
word_end(const char *s, size_t len, size_t i, int *width)
{
	uint32_t	 cp;
	int		 n, w, first = 1, cjk = 0;

	*width = 0;
	while (i < len) {
		n = char_at(s + i, len - i, &cp, &w);
		if (cp == ' ' && n == 1)
			break;
		if (w > 0 && !first && (cjk || uc_is_cjk(cp)))
			break;
		if (first)
			cjk = w > 0 && uc_is_cjk(cp);
		first = 0;
		*width += w;
		i += (size_t)n;
	}
	return i;
}

/* Wraps one line (no newline in it). */
static void
wrap_line(struct buf *b, const char *s, size_t len, int width)
{
	size_t		 i = 0, sp = 0, sp_len = 0, e, j;
	uint32_t	 cp;
	int		 col = 0, ww, n, w;

	while (i < len) {
		if (s[i] == ' ') {
			sp = i;
			while (i < len && s[i] == ' ')
				i++;
			sp_len = i - sp;
			if (col == 0 && sp == 0) {
				/* Keep the indentation of the first line. */
				buf_add(b, s, sp_len);
				col = (int)sp_len;
				sp_len = 0;
			}
			continue;
		}
		e = word_end(s, len, i, &ww);
		if (col > 0 && col + (int)sp_len + ww > width) {
			buf_addc(b, '\n');
			col = 0;
		} else if (col > 0) {
			buf_add(b, s + sp, sp_len);
			col += (int)sp_len;
		}
		sp_len = 0;
		if (ww <= width - col) {
			buf_add(b, s + i, e - i);
			col += ww;
		} else {
			/* Too long for any line: cut between characters. */
			for (j = i; j < e; j += (size_t)n) {
				n = char_at(s + j, e - j, &cp, &w);
				if (w > 0 && col + w > width && col > 0) {
					buf_addc(b, '\n');
					col = 0;
				}
				buf_add(b, s + j, (size_t)n);
				col += w;
			}
		}
		i = e;
	}
	buf_addc(b, '\n');
}

void
out_wrap(struct buf *b, const char *text, int width)
{
	const char	*p = text, *nl;

	if (width < 10)
		width = 10;
	for (;;) {
		nl = strchr(p, '\n');
		wrap_line(b, p, nl != NULL ? (size_t)(nl - p) : strlen(p),
		    width);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}
