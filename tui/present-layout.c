/*
 * present-layout.c: how text is laid out for a person, on a screen or on
 * stdout: match highlighting, the one wrapper (by display width, CJK
 * between characters; each line then shown in its paragraph's direction,
 * present-bidi.c), counts with separators, lists, safe file names and a
 * line of parts that gives way in a stated order. No curses, no stdout.
 * Columns are present-table.c's.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/present.h"

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

void
layout_wrap_dirs(const char *text, int width, char ***lines, size_t *n,
    unsigned char **rtl)
{
	const char	*p, *nl;
	char		*par;
	size_t		 first, k;
	int		 dir;

	if (width < 1)
		width = 1;
	p = text != NULL ? text : "";
	for (;;) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		first = *n;
		if (nl == p) {
			*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
			(*lines)[(*n)++] = xstrdup("");
		} else
			text_wrap_line(p, (size_t)(nl - p), width, 1, lines,
			    n);
		if (rtl != NULL) {
			/* Each line of a paragraph reads in its direction. */
			par = xstrndup(p, (size_t)(nl - p));
			dir = bidi_text_rtl(par);
			free(par);
			*rtl = xrealloc(*rtl, *n > 0 ? *n : 1);
			for (k = first; k < *n; k++)
				(*rtl)[k] = (unsigned char)dir;
		}
		if (*nl == '\0')
			break;
		p = nl + 1;
	}
}

void
layout_wrap(const char *text, int width, char ***lines, size_t *n)
{
	layout_wrap_dirs(text, width, lines, n, NULL);
}

void
layout_count(uint64_t v, char *out)
{
	const char	*sep, *grouping;

	present_locale_grouping(&sep, &grouping);
	layout_count_in(v, sep, grouping, out);
}

void
layout_count_in(uint64_t v, const char *sep, const char *g, char *out)
{
	char		 digits[32], cut[32];
	size_t		 len, seplen, left, i, o = 0;
	int		 size = 0;

	snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
	len = strlen(digits);
	seplen = strlen(sep) <= LAYOUT_SEP_MAX ? strlen(sep) : 0;
	/*
	 * Where a separator goes, from the right: each size of grouping in
	 * turn, the last one again and again; CHAR_MAX (or any size not
	 * above 0) stops the grouping, as in localeconv.
	 */
	memset(cut, 0, sizeof cut);
	for (left = len; seplen > 0; left -= (size_t)size) {
		if (*g != '\0') {
			if (*g == CHAR_MAX || *g <= 0)
				break;
			size = *g++;
		}
		if (size <= 0 || left <= (size_t)size)
			break;
		cut[left - (size_t)size] = 1;
	}
	for (i = 0; i < len; i++) {
		if (cut[i]) {
			memcpy(out + o, sep, seplen);
			o += seplen;
		}
		out[o++] = digits[i];
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
			buf_adds(&b, present_sep_list());
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

void
layout_split(const char *text, char ***lines, size_t *n)
{
	const char	*p, *nl;

	p = text != NULL ? text : "";
	for (;;) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
		(*lines)[(*n)++] = xstrndup(p, (size_t)(nl - p));
		if (*nl == '\0')
			break;
		p = nl + 1;
	}
}
