/*
 * utf8.c: strict UTF-8 decoding and encoding, and the display width of
 * text in a terminal (from the tables mkunicode.py generates), including
 * fitting a string into an exact number of columns for table layouts.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "common/unicode-data.h"

int
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 c, min;
	size_t			 n, i;

	*cp = 0xFFFD;
	if (len == 0)
		return -1;
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		return -1;	/* continuation byte, C0/C1 overlong, F5-FF */
	if (len < n)
		return -1;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return (int)n;
}

int
utf8_encode(uint32_t cp, char *out)
{
	unsigned char	*u = (unsigned char *)out;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		u[0] = cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = 0xC0 | (cp >> 6);
		u[1] = 0x80 | (cp & 0x3F);
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = 0xE0 | (cp >> 12);
		u[1] = 0x80 | ((cp >> 6) & 0x3F);
		u[2] = 0x80 | (cp & 0x3F);
		return 3;
	}
	u[0] = 0xF0 | (cp >> 18);
	u[1] = 0x80 | ((cp >> 12) & 0x3F);
	u[2] = 0x80 | ((cp >> 6) & 0x3F);
	u[3] = 0x80 | (cp & 0x3F);
	return 4;
}

int
utf8_valid(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 i = 0;
	int			 n;

	while (i < len) {
		if (u[i] != 0 && u[i] < 0x80) {
			i++;
			continue;
		}
		if (u[i] == 0)
			return 0;
		if ((n = utf8_decode(s + i, len - i, &cp)) < 0)
			return 0;
		i += n;
	}
	return 1;
}

size_t
utf8_chars(const char *s, size_t len)
{
	size_t	i, n = 0;

	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	}
	return n;
}

static int
uc_in_ranges(uint32_t cp, const struct uc_range *r, size_t n)
{
	size_t	lo = 0, hi = n, mid;

	if (n == 0 || cp < r[0].lo || cp > r[n - 1].hi)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/*
 * Controls are width 0 here: they must never reach a terminal, and
 * sanitize() turns them into visible one-column symbols first.
 */
int
uc_width(uint32_t cp)
{
	if (cp < 0x7F)
		return cp < 0x20 ? 0 : 1;
	if (cp < 0xA0)
		return 0;
	/* The common wide blocks first: Han and Hangul syllables. */
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3))
		return 2;
	if (uc_in_ranges(cp, uc_zero_table, UC_ZERO_COUNT))
		return 0;
	if (uc_in_ranges(cp, uc_wide_table, UC_WIDE_COUNT))
		return 2;
	return 1;
}

/* Decodes the code point at s (NUL-terminated); invalid bytes give -1. */
static int
utf8_next(const char *s, uint32_t *cp)
{
	size_t	avail;

	if ((unsigned char)*s < 0x80) {
		*cp = (unsigned char)*s;
		return 1;
	}
	/* A NUL stops a multi-byte sequence, so never read past it. */
	for (avail = 1; avail < 4 && s[avail] != '\0'; avail++)
		;
	return utf8_decode(s, avail, cp);
}

size_t
utf8_width(const char *s)
{
	uint32_t	cp;
	size_t		w = 0;
	int		n;

	if (s == NULL)
		return 0;
	while (*s != '\0') {
		if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7F) {
			w++;
			s++;
			continue;
		}
		if ((n = utf8_next(s, &cp)) < 0) {
			w++;
			s++;
			continue;
		}
		w += uc_width(cp);
		s += n;
	}
	return w;
}

size_t
utf8_cluster(const char *s, int *width, int *bad)
{
	uint32_t	cp;
	size_t		len;
	int		n;

	*bad = 0;
	if ((n = utf8_next(s, &cp)) < 0) {
		*bad = 1;
		*width = 1;
		return 1;
	}
	*width = uc_width(cp);
	len = n;
	while (s[len] != '\0') {
		if ((n = utf8_next(s + len, &cp)) < 0 || uc_width(cp) != 0)
			break;
		len += n;
	}
	return len;
}

static void
buf_add_spaces(struct buf *b, int n)
{
	while (n-- > 0)
		buf_addc(b, ' ');
}

char *
utf8_fit(const char *s, int width, int right_align)
{
	struct buf	 b;
	const char	*cut = charset_glyph(GLYPH_ELLIPSIS);
	size_t		 len, total;
	int		 used = 0, w, bad, room, cutw, pad = 0;

	if (s == NULL)
		s = "";
	if (width <= 0)
		return xstrdup("");
	buf_init(&b);
	total = utf8_width(s);
	/* The cut mark: "…", or "..." in ASCII (shortened if need be). */
	cutw = (int)utf8_width(cut);
	if (cutw > width)
		cutw = width;
	if (total <= (size_t)width) {
		if (right_align)
			buf_add_spaces(&b, width - (int)total);
		room = width;
	} else
		room = width - cutw;

	while (*s != '\0') {
		len = utf8_cluster(s, &w, &bad);
		if (used + w > room) {
			/*
			 * A wide character straddling the edge: a space, after
			 * the cut mark when there is one ("数据…␠"), so the
			 * mark stays with the text it cuts.
			 */
			pad = room - used;
			used = room;
			break;
		}
		if (bad)
			buf_adds(&b, charset_glyph(GLYPH_REPLACEMENT));
		else
			buf_add(&b, s, len);
		used += w;
		s += len;
	}
	if (total > (size_t)width) {
		/* A glyph shorter than its whole self is ASCII: bytes = columns. */
		if (cutw < (int)utf8_width(cut))
			buf_add(&b, cut, (size_t)cutw);
		else
			buf_adds(&b, cut);
		buf_add_spaces(&b, pad);
	} else if (!right_align)
		buf_add_spaces(&b, width - used);
	return buf_detach(&b);
}

int
uc_is_cjk(uint32_t cp)
{
	static const struct uc_range cjk[] = {
		{ 0x3005, 0x3007 },	/* 々 〆 〇 (Han letters) */
		{ 0x3021, 0x3029 },	/* Hangzhou numerals */
		{ 0x3038, 0x303B },
		{ 0x3041, 0x3096 },	/* Hiragana */
		{ 0x309D, 0x309F },
		{ 0x30A1, 0x30FA },	/* Katakana */
		{ 0x30FC, 0x30FF },
		{ 0x3105, 0x312F },	/* Bopomofo */
		{ 0x31A0, 0x31BF },
		{ 0x31F0, 0x31FF },	/* Katakana phonetic extensions */
		{ 0x3400, 0x4DBF },	/* Han extension A */
		{ 0x4E00, 0x9FFF },	/* Han */
		{ 0xAC00, 0xD7A3 },	/* Hangul syllables */
		{ 0xF900, 0xFAFF },	/* Han compatibility */
		{ 0xFF66, 0xFF9F },	/* halfwidth Katakana */
		{ 0x1AFF0, 0x1B16F },	/* Kana extensions and supplement */
		{ 0x20000, 0x2FFFD },	/* Han extensions B-F, compatibility */
		{ 0x30000, 0x3FFFD },	/* Han extensions G, H */
	};

	if (cp < 0x3005)
		return 0;
	return uc_in_ranges(cp, cjk, sizeof cjk / sizeof cjk[0]);
}
