/*
 * charset.c: what the terminal can show, decided once at start-up from
 * the locale's codeset. Under UTF-8 everything is shown as it is; under
 * any other codeset (LC_ALL=C, Latin-1 …) globe writes only ASCII: its own
 * symbols come from the ASCII column of one table, and feed text is
 * transliterated (Wałęsa → Walesa, Straße → Strasse) by the table
 * mkunicode.py generates, one "?" for a character it cannot spell.
 */
#include "config.h"

#include <langinfo.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "common/common.h"
#include "common/unicode-data.h"

/* Until charset_init says otherwise (unit tests, globe-publish): UTF-8. */
static int	charset_is_utf8 = 1;

static const struct {
	const char	*utf8;
	const char	*ascii;
} charset_glyphs[GLYPH_MAX] = {
	[GLYPH_CRUMB] =		{ "\xe2\x80\xba", ">" },	/* › */
	[GLYPH_DOT] =		{ "\xc2\xb7", "-" },		/* · */
	[GLYPH_ELLIPSIS] =	{ "\xe2\x80\xa6", "..." },	/* … */
	[GLYPH_STAR] =		{ "\xe2\x98\x85", "*" },	/* ★ */
	[GLYPH_BULLET] =	{ "\xe2\x80\xa2", "*" },	/* • */
	[GLYPH_REPLACEMENT] =	{ "\xef\xbf\xbd", "?" },	/* U+FFFD */
};

void
charset_init(void)
{
	const char	*cs = nl_langinfo(CODESET);

	charset_is_utf8 = cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
	    strcasecmp(cs, "utf8") == 0);
}

void
charset_set_utf8(int utf8)
{
	charset_is_utf8 = utf8 != 0;
}

int
charset_utf8(void)
{
	return charset_is_utf8;
}

const char *
charset_glyph(enum glyph g)
{
	if ((unsigned)g >= GLYPH_MAX)
		return "?";
	return charset_is_utf8 ? charset_glyphs[g].utf8 :
	    charset_glyphs[g].ascii;
}

/* The ASCII spelling of cp, or NULL when the table has none. */
static const struct uc_fold *
charset_lookup(uint32_t cp)
{
	size_t	lo = 0, hi = UC_TRANSLIT_COUNT, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < uc_translit_table[mid].cp)
			hi = mid;
		else if (cp > uc_translit_table[mid].cp)
			lo = mid + 1;
		else
			return &uc_translit_table[mid];
	}
	return NULL;
}

void
charset_put(struct buf *b, uint32_t cp)
{
	const struct uc_fold	*t;
	char			 enc[4];

	if (charset_is_utf8) {
		buf_add(b, enc, utf8_encode(cp, enc));
		return;
	}
	if (cp < 0x80) {
		buf_addc(b, (char)cp);
		return;
	}
	if ((t = charset_lookup(cp)) != NULL) {
		buf_add(b, uc_translit_pool + t->offset, t->len);
		return;
	}
	/* A mark or a joiner shows nothing anyway; anything else one "?". */
	if (uc_width(cp) != 0)
		buf_addc(b, '?');
}
