/*
 * wrap.c: the one line breaker, for the screens and the command line's
 * text (tui/present-layout.c) and for --help (buf_add_indented): a line
 * breaks at a space (which goes), before or after a wide (CJK) character,
 * never before a closing mark or after an opening one (kinsoku), by
 * display columns.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"

/*
 * Punctuation that never starts a line of CJK text (closing marks, the
 * full stop and comma) and that never ends one (opening marks): the line
 * breaks one character earlier instead.
 */
static int
wrap_no_start(uint32_t cp)
{
	static const char *const set = "、。，．：；？！）］｝〉》」』】〕〗〙〛…‥・ー";
	char	 one[8];
	int	 n;

	if (cp == 0xff09 || cp == 0xff0c || cp == 0xff0e || cp == 0xff1a ||
	    cp == 0xff1b || cp == 0xff1f || cp == 0xff01 || cp == 0xff3d ||
	    cp == 0xff5d)
		return 1;
	if (cp < 0x2000)
		return 0;
	n = utf8_encode(cp, one);
	one[n] = '\0';
	return strstr(set, one) != NULL;
}

static int
wrap_no_end(uint32_t cp)
{
	return cp == 0xff08 || cp == 0xff3b || cp == 0xff5b ||
	    cp == 0x3008 || cp == 0x300a || cp == 0x300c || cp == 0x300e ||
	    cp == 0x3010 || cp == 0x3014 || cp == 0x3016 || cp == 0x3018 ||
	    cp == 0x301a;
}

/* Where a word wider than the line ends: the next space or CJK character. */
static size_t
wrap_word_end(const char *s, size_t len, size_t i)
{
	uint32_t	cp;
	int		k;

	while (i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		if (k > 0 && (cp == ' ' || uc_width(cp) == 2))
			break;
		i += k < 0 ? 1 : (size_t)k;
	}
	return i;
}

void
text_wrap_line(const char *s, size_t len, int width, int cut,
    char ***lines, size_t *n)
{
	size_t		 i, start, brk, cl, end;
	int		 used, cw, k, prev_wide, prev_open, here, wide;
	uint32_t	 cp;

	if (width < 1)
		width = 1;
	start = 0;
	while (start < len) {
		i = start;
		used = 0;
		brk = 0;
		prev_wide = 0;
		prev_open = 0;
		here = 0;
		while (i < len) {
			k = utf8_decode(s + i, len - i, &cp);
			cl = k < 0 ? 1 : (size_t)k;
			cw = k < 0 ? 1 : uc_width(cp);
			/*
			 * A break may come before a space or a wide (CJK)
			 * character, or after a wide one, its punctuation
			 * included; never before a closing mark or after an
			 * opening one.
			 */
			wide = k > 0 && cw == 2;
			here = i > start && (cp == ' ' || wide || prev_wide) &&
			    !(k > 0 && wrap_no_start(cp)) && !prev_open;
			if (used + cw > width)
				break;
			if (here)
				brk = i;
			prev_wide = wide;
			prev_open = k > 0 && wrap_no_end(cp);
			used += cw;
			i += cl;
		}
		if (i < len && !here && brk > start)
			i = brk;
		else if (i < len && !here && !cut)
			i = wrap_word_end(s, len, i);	/* the word stays whole */
		if (i == start)
			i = start + 1;	/* width 1 and a wide character: move on */
		/* The spaces at a break belong to neither line. */
		for (end = i; end > start && s[end - 1] == ' '; end--)
			;
		*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
		(*lines)[(*n)++] = xstrndup(s + start, end - start);
		for (start = i; start < len && s[start] == ' '; start++)
			;
	}
}
