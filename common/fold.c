/*
 * fold.c: folding for search. The indexed text and every query pass
 * through fold_text, so they compare equal whatever their case, accents
 * and compatibility forms. The mapping is the table mkunicode.py
 * generates; ASCII (most of the text) takes a fast path.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "common/unicode-data.h"

/* The folding of cp, or NULL when cp folds to itself. */
static const struct uc_fold *
fold_lookup(uint32_t cp)
{
	size_t	lo = 0, hi = UC_FOLD_COUNT, mid;

	/* Han and Hangul syllables never change: skip the search. */
	if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3))
		return NULL;
	if (cp < uc_fold_table[0].cp || cp > uc_fold_table[UC_FOLD_COUNT - 1].cp)
		return NULL;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < uc_fold_table[mid].cp)
			hi = mid;
		else if (cp > uc_fold_table[mid].cp)
			lo = mid + 1;
		else
			return &uc_fold_table[mid];
	}
	return NULL;
}

char *
fold_text(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	const struct uc_fold	*f;
	uint32_t		 cp;
	size_t			 len, i, o, cap, avail;
	char			*out;
	int			 n;

	if (s == NULL)
		return xstrdup("");
	len = strlen(s);
	/*
	 * Folding rarely makes text longer (ß → ss, ligatures); start with
	 * room for the input and grow only then.
	 */
	cap = len + 16;
	out = xmalloc(cap);
	o = 0;
	i = 0;
	while (i < len) {
		/* The fast path: a run of ASCII. */
		while (i < len && u[i] < 0x80) {
			if (o + 1 >= cap) {
				cap *= 2;
				out = xrealloc(out, cap);
			}
			out[o++] = (u[i] >= 'A' && u[i] <= 'Z') ?
			    (char)(u[i] + ('a' - 'A')) : (char)u[i];
			i++;
		}
		if (i >= len)
			break;
		avail = len - i < 4 ? len - i : 4;
		if ((n = utf8_decode(s + i, avail, &cp)) < 0) {
			i++;	/* an invalid byte is dropped */
			continue;
		}
		if ((f = fold_lookup(cp)) == NULL) {
			if (o + n >= cap) {
				cap = cap * 2 + n;
				out = xrealloc(out, cap);
			}
			memcpy(out + o, s + i, n);
			o += n;
		} else if (f->len != 0) {
			if (o + f->len >= cap) {
				cap = cap * 2 + f->len;
				out = xrealloc(out, cap);
			}
			memcpy(out + o, uc_fold_pool + f->offset, f->len);
			o += f->len;
		}
		i += n;
	}
	out[o] = '\0';
	return out;
}
