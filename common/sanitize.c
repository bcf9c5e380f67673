/*
 * sanitize.c: the one gate between feed text and a terminal. Controls
 * become visible symbols (so ESC shows as ␛ and cannot start an escape
 * sequence), carriage returns and bidi controls are dropped (so a name
 * cannot overwrite or reorder what is around it), characters that draw
 * nothing are shown as <U+XXXX> (so an address cannot hide one), invalid
 * UTF-8 becomes U+FFFD. The output stage writes each other character as the terminal
 * can show it (charset.c): as it is under UTF-8, in ASCII elsewhere.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"

enum sanitize_action {
	SANITIZE_KEEP,
	SANITIZE_DROP,
	SANITIZE_SPACE,
	SANITIZE_REPLACE,	/* by a symbol */
	SANITIZE_SHOW		/* invisible: written as "<U+XXXX>" */
};

/*
 * Characters that draw nothing, so text around them looks unchanged:
 * soft hyphen, combining grapheme joiner, Hangul fillers, Mongolian vowel
 * separator, zero-width space/joiners, word joiner and invisible
 * operators, BOM, interlinear annotation, tags.
 */
static int
sanitize_invisible(uint32_t cp)
{
	return cp == 0x00AD || cp == 0x034F || cp == 0x115F || cp == 0x1160 ||
	    cp == 0x180E || (cp >= 0x200B && cp <= 0x200D) ||
	    (cp >= 0x2060 && cp <= 0x2064) || cp == 0x3164 || cp == 0xFEFF ||
	    cp == 0xFFA0 || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
	    (cp >= 0xE0000 && cp <= 0xE007F);
}

/* What to do with cp (not ASCII printable); *to is the replacement. */
static enum sanitize_action
sanitize_classify(uint32_t cp, enum sanitize_mode mode, uint32_t *to)
{
	if (cp < 0x20) {
		if (cp == '\n')
			return mode == SANITIZE_TEXT ? SANITIZE_KEEP :
			    SANITIZE_SPACE;
		if (cp == '\t')
			return SANITIZE_SPACE;
		if (cp == '\r')
			return SANITIZE_DROP;
		*to = 0x2400 + cp;	/* Control Pictures: ␀ … ␟ */
		return SANITIZE_REPLACE;
	}
	if (cp == 0x7F) {
		*to = 0x2421;		/* ␡ */
		return SANITIZE_REPLACE;
	}
	if (cp < 0x80)
		return SANITIZE_KEEP;
	if (cp <= 0x9F) {
		*to = 0xFFFD;
		return SANITIZE_REPLACE;
	}
	if (cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
		return SANITIZE_DROP;
	if (cp == 0x2028 || cp == 0x2029)
		return SANITIZE_SPACE;
	if (sanitize_invisible(cp)) {
		/* ZWNJ and ZWJ shape Arabic, Persian and Indic names. */
		if ((cp == 0x200C || cp == 0x200D) && mode != SANITIZE_IDENT)
			return SANITIZE_KEEP;
		return SANITIZE_SHOW;
	}
	return SANITIZE_KEEP;
}

/* Length of the next sequence at s without reading past a NUL. */
static int
sanitize_decode(const char *s, uint32_t *cp)
{
	size_t	avail;

	for (avail = 1; avail < 4 && s[avail] != '\0'; avail++)
		;
	return utf8_decode(s, avail, cp);
}

static char *
sanitize_run(const char *s, enum sanitize_mode mode, int utf8)
{
	enum sanitize_action	 a;
	struct buf		 b;
	const char		*start;
	uint32_t		 cp, to = 0xFFFD;
	char			 enc[4];
	int			 n;

	/* The terminal's charset, unless a data format wants UTF-8. */
	utf8 = utf8 || charset_utf8();
	if (s == NULL)
		return xstrdup("");
	buf_init(&b);
	buf_add(&b, "", 0);
	while (*s != '\0') {
		/* Copy a run that needs nothing in one go. */
		start = s;
		while ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7F)
			s++;
		if (s != start)
			buf_add(&b, start, s - start);
		if (*s == '\0')
			break;
		if ((n = sanitize_decode(s, &cp)) < 0) {
			buf_adds(&b, utf8 ? "\xef\xbf\xbd" :
			    charset_glyph(GLYPH_REPLACEMENT));
			s++;
			continue;
		}
		a = sanitize_classify(cp, mode, &to);
		switch (a) {
		case SANITIZE_KEEP:
			if (utf8)
				buf_add(&b, s, n);
			else
				charset_put(&b, cp);
			break;
		case SANITIZE_DROP:
			break;
		case SANITIZE_SPACE:
			if (cp == '\t' && mode == SANITIZE_TEXT)
				buf_adds(&b, "    ");
			else
				buf_addc(&b, ' ');
			break;
		case SANITIZE_REPLACE:
			if (utf8)
				buf_add(&b, enc, utf8_encode(to, enc));
			else
				charset_put(&b, to);
			break;
		case SANITIZE_SHOW:
			buf_addf(&b, "<U+%04X>", (unsigned)cp);
			break;
		}
		s += n;
	}
	return buf_detach(&b);
}

char *
sanitize(const char *s, enum sanitize_mode mode)
{
	return sanitize_run(s, mode, 0);
}

char *
sanitize_data(const char *s, enum sanitize_mode mode)
{
	return sanitize_run(s, mode, 1);
}

int
sanitize_is_clean(const char *s, enum sanitize_mode mode)
{
	uint32_t	cp, to;
	int		n;

	if (s == NULL)
		return 0;	/* sanitize() returns a new "" */
	while (*s != '\0') {
		if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7F) {
			s++;
			continue;
		}
		if ((unsigned char)*s >= 0x80 && !charset_utf8())
			return 0;	/* sanitize() would write ASCII */
		if ((n = sanitize_decode(s, &cp)) < 0)
			return 0;
		if (sanitize_classify(cp, mode, &to) != SANITIZE_KEEP)
			return 0;
		s += n;
	}
	return 1;
}
