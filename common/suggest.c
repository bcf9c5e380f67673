/*
 * suggest.c: "did you mean …?" for every name a user types: commands,
 * options, countries and the filter values of the cache. One distance
 * (optimal string alignment: insertions, deletions, substitutions and
 * swaps of two neighbours, counted in characters, not bytes) and one
 * threshold, so every suggestion in globe is made the same way.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "common/i18n.h"

/* The code points of s (invalid bytes count as U+FFFD). Caller frees. */
static uint32_t *
suggest_decode(const char *s, size_t *n)
{
	size_t		 len = strlen(s), i = 0, k = 0;
	uint32_t	*v, cp;
	int		 r;

	v = xreallocarray(NULL, len + 1, sizeof *v);
	while (i < len) {
		r = utf8_decode(s + i, len - i, &cp);
		i += r > 0 ? (size_t)r : 1;
		v[k++] = cp;
	}
	*n = k;
	return v;
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t	m = a < b ? a : b;

	return m < c ? m : c;
}

size_t
suggest_distance(const char *a, const char *b)
{
	uint32_t	*x, *y;
	size_t		*d, na, nb, i, j, w, cost, v;

	x = suggest_decode(a, &na);
	y = suggest_decode(b, &nb);
	w = nb + 1;
	/* The whole (na+1) x (nb+1) table: words here are short. */
	d = xreallocarray(NULL, (na + 1) * w, sizeof *d);
	for (i = 0; i <= na; i++)
		d[i * w] = i;
	for (j = 0; j <= nb; j++)
		d[j] = j;
	for (i = 1; i <= na; i++) {
		for (j = 1; j <= nb; j++) {
			cost = x[i - 1] != y[j - 1];
			v = min3(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1,
			    d[(i - 1) * w + j - 1] + cost);
			/* Two neighbours swapped: one edit. */
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
			    x[i - 2] == y[j - 1] &&
			    d[(i - 2) * w + j - 2] + 1 < v)
				v = d[(i - 2) * w + j - 2] + 1;
			d[i * w + j] = v;
		}
	}
	v = d[na * w + nb];
	free(d);
	free(x);
	free(y);
	return v;
}

size_t
suggest_threshold(const char *word)
{
	size_t	n = utf8_chars(word, strlen(word)), t;

	/* One slip in a short word, two from five characters, three from 8. */
	t = (n + 1) / 3;
	if (t < 1)
		t = 1;
	return t > 3 ? 3 : t;
}

/* Whether word (three characters or more) begins cand. */
static int
suggest_is_prefix(const char *word, size_t wlen, size_t wchars,
    const char *cand)
{
	return wchars >= 3 && strlen(cand) > wlen &&
	    strncmp(cand, word, wlen) == 0;
}

size_t
suggest_closest(const char *word, const char *const *cands, size_t n,
    size_t *out, size_t max)
{
	size_t	 wlen = strlen(word), wchars = utf8_chars(word, wlen);
	size_t	 limit = suggest_threshold(word), best = SIZE_MAX, k = 0;
	size_t	*score, i;

	if (n == 0 || max == 0)
		return 0;
	score = xreallocarray(NULL, n, sizeof *score);
	for (i = 0; i < n; i++) {
		if (cands[i] == NULL) {
			score[i] = SIZE_MAX;
			continue;
		}
		score[i] = suggest_distance(word, cands[i]);
		/* What was typed begins a name: as good as one slip. */
		if (score[i] > 1 && suggest_is_prefix(word, wlen, wchars,
		    cands[i]))
			score[i] = 1;
		if (score[i] < best)
			best = score[i];
	}
	/* Nothing close, or only the word itself (not a suggestion). */
	if (best <= limit && best > 0) {
		for (i = 0; i < n && k < max; i++) {
			if (score[i] == best)
				out[k++] = i;
		}
	}
	free(score);
	return k;
}

/* Item i of a list, between the user's quotes if quoted. Caller frees. */
static char *
suggest_item(const char *item, int quoted)
{
	/*
	 * TRANSLATORS: a name the user may type (a command, an option, a
	 * value), quoted in a list of suggestions: did you mean 'search'?
	 * Use the quotes your language's messages use around such names.
	 */
	return quoted ? xasprintf(_("'%s'"), item) : xstrdup(item);
}

void
suggest_join(struct buf *b, const char *const *items, size_t n, int quoted,
    int alternatives)
{
	char	*list, *item, *next;
	size_t	 i;

	if (n == 0)
		return;
	/* From the end: the last two join with "or", the others with ", ". */
	list = suggest_item(items[n - 1], quoted);
	for (i = n - 1; i > 0; i--) {
		item = suggest_item(items[i - 1], quoted);
		if (i == n - 1 && alternatives)
			/*
			 * TRANSLATORS: the last two of a list of suggestions
			 * the user may choose from: 'serch' or 'search'.
			 */
			next = xasprintf(_("%s or %s"), item, list);
		else
			/*
			 * TRANSLATORS: two items of a list of names, the
			 * second of which may be the rest of the list.
			 */
			next = xasprintf(_("%s, %s"), item, list);
		free(item);
		free(list);
		list = next;
	}
	buf_adds(b, list);
	free(list);
}

void
suggest_question(struct buf *b, const char *const *items, size_t n,
    int quoted)
{
	struct buf	 list;

	if (n == 0)
		return;
	buf_init(&list);
	suggest_join(&list, items, n, quoted, 1);
	/*
	 * TRANSLATORS: after a name the user typed that globe does not
	 * know; %s is one suggestion, or several: 'a', 'b' or 'c'.
	 */
	buf_addf(b, _("did you mean %s?"), list.data);
	buf_free(&list);
}
