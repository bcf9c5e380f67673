/*
 * present-bidi.c: right-to-left text (Arabic, Hebrew, Persian, Urdu) in
 * the order a terminal shows it. Terminals draw cells left to right and
 * most do no bidi at all, so a full screen puts each cell in visual
 * order itself (GNU FriBidi, the Unicode bidi algorithm) and tells the
 * terminals that would reorder again not to (ui-display.c). One cell at
 * a time: a list's column, a field's value, a wrapped line, so a line's
 * columns keep their places. Text is cut in logical order first (what is
 * kept is the start of what a person reads), then reordered; a cell whose
 * paragraph is right to left sits at the right of its width. Arabic is
 * shaped here into its presentation forms: a terminal told the text is
 * already in visual order cannot join letters that arrive backwards. A
 * highlight mask travels with the characters it marks.
 *
 * Whether any of this happens is the front end's choice (bidi_set):
 * logical order otherwise, exactly as before. No curses, no stdout.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <fribidi.h>

#include "common/i18n.h"
#include "tui/present.h"

static int	bidi_on;	/* cells go out in visual order */
static int	bidi_rtl_ui;	/* ... and the interface is laid out right to left */

/*
 * Shaping with the lam-alef ligatures, as FriBidi's own `fribidi` tool
 * does; a ligature leaves FRIBIDI_CHAR_FILL in its second place, which
 * is dropped (one cell for the pair, as the ligature is drawn).
 */
#define BIDI_FLAGS	(FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC)

#define BIDI_FSI	0x2068	/* FIRST STRONG ISOLATE */
#define BIDI_PDI	0x2069	/* POP DIRECTIONAL ISOLATE */

void
bidi_set(int visual)
{
	bidi_on = visual;
	/*
	 * TRANSLATORS: not shown. A language written right to left
	 * (Arabic, Hebrew, Persian, Urdu) translates this as
	 * "default:RTL": globe then lays its screens out right to left
	 * (list columns and field labels from the right). Every other
	 * language keeps "default:LTR".
	 */
	bidi_rtl_ui = visual && strcmp(_("default:LTR"), "default:RTL") == 0;
}

int
bidi_visual(void)
{
	return bidi_on;
}

int
bidi_layout_rtl(void)
{
	return bidi_rtl_ui;
}

int
bidi_ui_flags(void)
{
	return bidi_rtl_ui ? BIDI_PAR_RTL | BIDI_RIGHT : 0;
}

/*
 * What fn says of the first character of text it does not answer -1 for
 * (0 when every character is passed over). Invalid bytes are skipped.
 */
static int
bidi_scan(const char *text, int (*fn)(uint32_t))
{
	size_t		 len, off;
	uint32_t	 cp;
	int		 n, r;

	if (text == NULL)
		return 0;
	len = strlen(text);
	for (off = 0; off < len; off += (size_t)n) {
		if ((unsigned char)text[off] < 0x80) {
			cp = (unsigned char)text[off];
			n = 1;
		} else if ((n = utf8_decode(text + off, len - off, &cp)) <= 0) {
			n = 1;
			continue;
		}
		if ((r = fn(cp)) >= 0)
			return r;
	}
	return 0;
}

/* 1 for a character that can make visual order differ from logical. */
static int
bidi_char_moves(uint32_t cp)
{
	FriBidiCharType	t;

	if (cp < 0x0590)
		return -1;	/* Latin, Greek, Cyrillic, Armenian: never */
	t = fribidi_get_bidi_type(cp);
	return FRIBIDI_IS_RTL(t) || FRIBIDI_IS_ARABIC(t) ||
	    FRIBIDI_IS_EXPLICIT(t) || FRIBIDI_IS_ISOLATE(t) ? 1 : -1;
}

/* Rule P2: a strong character says the direction (1: right to left). */
static int
bidi_char_strong(uint32_t cp)
{
	FriBidiCharType	t;

	t = fribidi_get_bidi_type(cp);
	if (FRIBIDI_IS_LETTER(t) && FRIBIDI_IS_STRONG(t))
		return FRIBIDI_IS_RTL(t) ? 1 : 0;
	return -1;
}

int
bidi_text_has_rtl(const char *text)
{
	return bidi_scan(text, bidi_char_moves);
}

int
bidi_text_rtl(const char *text)
{
	/* Isolates cannot hide a strong character: feed text is sanitized. */
	return bidi_scan(text, bidi_char_strong);
}

char *
bidi_isolate(const char *part)
{
	if (!bidi_on)
		return xstrdup(part != NULL ? part : "");
	/* U+2068 ... U+2069 */
	return xasprintf("\xe2\x81\xa8%s\xe2\x81\xa9",
	    part != NULL ? part : "");
}

/* A line being made: its bytes and, when asked for, a mask byte each. */
struct bidi_out {
	struct buf	 b;
	unsigned char	*mask;
	size_t		 cap;
	int		 want_mask;
};

/* Room for len more bytes in the mask, as in the text. */
static void
out_mask_grow(struct bidi_out *o, size_t len)
{
	if (o->b.len + len + 1 <= o->cap)
		return;
	while (o->b.len + len + 1 > o->cap)
		o->cap = o->cap ? o->cap * 2 : 64;
	o->mask = xrealloc(o->mask, o->cap);
}

static void
out_bytes(struct bidi_out *o, const char *s, size_t len, unsigned char on)
{
	if (o->want_mask) {
		out_mask_grow(o, len);
		memset(o->mask + o->b.len, on, len);
	}
	buf_add(&o->b, s, len);
}

static void
out_spaces(struct bidi_out *o, int n)
{
	static const char	spaces[] = "                                ";
	int			k;

	if (n <= 0)
		return;
	if (o->want_mask) {
		out_mask_grow(o, (size_t)n);
		memset(o->mask + o->b.len, 0, (size_t)n);
	}
	for (; n > 0; n -= k) {
		k = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;
		buf_add(&o->b, spaces, (size_t)k);
	}
}

/*
 * The characters of text (len bytes) in visual order into o, Arabic
 * shaped and mirrored glyphs swapped as the bidi algorithm says. mask
 * (may be NULL) marks bytes of text. Returns the columns taken; *rtl is
 * the resolved paragraph direction.
 */
static int
bidi_reorder(const char *text, size_t len, int flags,
    const unsigned char *mask, struct bidi_out *o, int *rtl)
{
	FriBidiChar		*u;
	FriBidiCharType		*types;
	FriBidiBracketType	*brackets;
	FriBidiLevel		*levels;
	FriBidiArabicProp	*props;
	FriBidiStrIndex		*map, n = 0, i;
	FriBidiParType		 base;
	size_t			*at, off;
	unsigned char		*lmask;
	void			*block;
	uint32_t		 cp;
	char			 enc[8];
	int			 k, width = 0, ok;

	/*
	 * One block for the arrays, each sized for len characters at most,
	 * the widest types first so each array is aligned.
	 */
	block = xreallocarray(NULL, len + 1, sizeof *u + sizeof *at +
	    sizeof *types + sizeof *brackets + sizeof *levels + sizeof *props +
	    sizeof *map + sizeof *lmask);
	at = block;
	u = (FriBidiChar *)(at + len + 1);
	types = (FriBidiCharType *)(u + len + 1);
	brackets = (FriBidiBracketType *)(types + len + 1);
	map = (FriBidiStrIndex *)(brackets + len + 1);
	levels = (FriBidiLevel *)(map + len + 1);
	props = (FriBidiArabicProp *)(levels + len + 1);
	lmask = (unsigned char *)(props + len + 1);
	for (off = 0; off < len; off += (size_t)k) {
		k = utf8_decode(text + off, len - off, &cp);
		if (k <= 0) {
			k = 1;
			cp = 0xFFFD;	/* sanitized text has none */
		}
		at[n] = off;
		u[n++] = cp;
	}
	for (i = 0; i < n; i++) {
		map[i] = i;
		lmask[i] = mask != NULL && mask[at[i]] ? 1 : 0;
	}
	lmask[n] = 0;
	base = (flags & BIDI_PAR_RTL) ? FRIBIDI_PAR_RTL :
	    (flags & BIDI_PAR_LTR) ? FRIBIDI_PAR_LTR : FRIBIDI_PAR_ON;
	fribidi_get_bidi_types(u, n, types);
	fribidi_get_bracket_types(u, n, types, brackets);
	ok = fribidi_get_par_embedding_levels_ex(types, brackets, n, &base,
	    levels) != 0;
	if (ok) {
		fribidi_get_joining_types(u, n, props);
		fribidi_join_arabic(types, n, levels, props);
		fribidi_shape(BIDI_FLAGS, levels, n, props, u);
		/* A character joined into a ligature lends it its highlight. */
		for (i = 0; i + 1 < n; i++) {
			if (u[i] == FRIBIDI_CHAR_FILL && lmask[i])
				lmask[i + 1] = 1;
		}
		ok = fribidi_reorder_line(BIDI_FLAGS, types, n, 0, base,
		    levels, u, map) != 0;
	}
	if (!ok) {
		/* Out of memory in FriBidi: the text as it came. */
		for (i = 0; i < n; i++)
			map[i] = i;
		base = FRIBIDI_PAR_LTR;
	}
	*rtl = FRIBIDI_IS_RTL(base) ? 1 : 0;
	for (i = 0; i < n; i++) {
		cp = ok ? u[i] : u[map[i]];
		/* The isolates bidi_isolate added have done their work. */
		if (cp == FRIBIDI_CHAR_FILL || cp == BIDI_FSI || cp == BIDI_PDI)
			continue;
		k = utf8_encode(cp, enc);
		if (k <= 0)
			continue;
		out_bytes(o, enc, (size_t)k, lmask[map[i]]);
		width += uc_width(cp);
	}
	free(block);
	return width;
}

/*
 * How many bytes of text fit in room columns, whole clusters only (a
 * combining mark stays with its base); *used is their width.
 */
static size_t
bidi_cut(const char *text, int room, int *used)
{
	size_t	 off = 0, n;
	int	 w, bad;

	*used = 0;
	while (text[off] != '\0') {
		n = utf8_cluster(text + off, &w, &bad);
		if (n == 0 || *used + w > room)
			break;
		*used += w;
		off += n;
	}
	return off;
}

/* Puts len bytes of s (unmarked), or len spaces (s NULL), before o's text. */
static void
out_prepend(struct bidi_out *o, const char *s, size_t len)
{
	size_t	old = o->b.len;

	out_spaces(o, (int)len);	/* grows both buffers */
	memmove(o->b.data + len, o->b.data, old);
	if (s != NULL)
		memcpy(o->b.data, s, len);
	else
		memset(o->b.data, ' ', len);
	if (o->want_mask) {
		memmove(o->mask + len, o->mask, old);
		memset(o->mask, 0, len);
	}
}

char *
bidi_fit(const char *text, int width, int flags, const unsigned char *mask,
    unsigned char **vmask)
{
	struct bidi_out	 o;
	const char	*cut = charset_glyph(GLYPH_ELLIPSIS);
	size_t		 keep, len, cutlen;
	int		 total, cutw, used, w, rtl = 0, right, pad, reordered;

	if (text == NULL)
		text = "";
	memset(&o, 0, sizeof o);
	buf_init(&o.b);
	o.want_mask = vmask != NULL;
	len = strlen(text);
	total = (int)utf8_width(text);
	cutw = (int)utf8_width(cut);
	cutlen = strlen(cut);
	if (width > 0 && cutw > width) {
		/* Only "..." (ASCII) can be wider: a byte a column. */
		cutw = width;
		cutlen = (size_t)width;
	}
	/* Cut in logical order: what is kept is what is read first. */
	used = total;
	keep = width > 0 && total > width ? bidi_cut(text, width - cutw,
	    &used) : len;
	reordered = bidi_on && ((flags & BIDI_PAR_RTL) ||
	    bidi_text_has_rtl(text));
	if (reordered)
		w = bidi_reorder(text, keep, flags, mask, &o, &rtl);
	else {
		/* Logical order is visual order: the text as it is. */
		out_bytes(&o, text, keep, 0);
		if (o.want_mask && mask != NULL && keep > 0)
			memcpy(o.mask, mask, keep);
		w = keep < len ? used : total;
	}
	if (keep < len && !rtl) {
		/* A wide character straddling the edge leaves spaces. */
		if (width - cutw - w > 0 && !reordered)
			out_spaces(&o, width - cutw - w);
		out_bytes(&o, cut, cutlen, 0);
		w = reordered ? w + cutw : width;
	} else if (keep < len) {
		/* The end of a right-to-left text is its left. */
		out_prepend(&o, cut, cutlen);
		w += cutw;
	}
	/* Where the text sits in its width. */
	if (flags & BIDI_RIGHT)
		right = 1;
	else if (flags & BIDI_LEFT)
		right = 0;
	else
		right = rtl;
	pad = width > w ? width - w : 0;
	if (right && pad > 0)
		out_prepend(&o, NULL, (size_t)pad);
	else
		out_spaces(&o, pad);
	if (o.b.data == NULL)
		buf_adds(&o.b, "");
	if (vmask != NULL)
		*vmask = o.mask != NULL ? o.mask : xcalloc(1, 1);
	else
		free(o.mask);
	return buf_detach(&o.b);
}

int
bidi_fit_col(const char *text, int width, int flags, size_t at)
{
	unsigned char	*mask, *vmask;
	char		*t, *line;
	size_t		 len, n, i;
	int		 w, bad, col = -1;

	if (text == NULL)
		text = "";
	len = strlen(text);
	if (at > len)
		at = len;
	/* Past the end: where one more character would go (a space). */
	t = at == len ? xasprintf("%s ", text) : xstrdup(text);
	mask = xcalloc(strlen(t) + 1, 1);
	n = utf8_cluster(t + at, &w, &bad);
	memset(mask + at, 1, n > 0 ? n : 1);
	line = bidi_fit(t, width, flags, mask, &vmask);
	for (i = 0; line[i] != '\0'; i++) {
		if (vmask[i]) {
			line[i] = '\0';
			col = (int)utf8_width(line);
			break;
		}
	}
	free(vmask);
	free(line);
	free(mask);
	free(t);
	return col;
}
