/*
 * ui-clipboard.c: `y` copies with OSC 52, the terminal's own clipboard
 * sequence, so it works over SSH. Inside tmux the plain sequence reaches
 * tmux (which keeps it as a paste buffer when set-clipboard is on) and a
 * passthrough copy reaches the outer terminal when tmux allows it. The
 * text is sanitized first, as for the screen (issue 15).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"

static void
clipboard_base64(struct buf *b, const unsigned char *s, size_t len)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t		i;
	uint32_t	v;

	for (i = 0; i + 2 < len; i += 3) {
		v = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8 | s[i + 2];
		buf_addc(b, tab[v >> 18 & 63]);
		buf_addc(b, tab[v >> 12 & 63]);
		buf_addc(b, tab[v >> 6 & 63]);
		buf_addc(b, tab[v & 63]);
	}
	if (len - i == 1) {
		v = (uint32_t)s[i] << 16;
		buf_addc(b, tab[v >> 18 & 63]);
		buf_addc(b, tab[v >> 12 & 63]);
		buf_adds(b, "==");
	} else if (len - i == 2) {
		v = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8;
		buf_addc(b, tab[v >> 18 & 63]);
		buf_addc(b, tab[v >> 12 & 63]);
		buf_addc(b, tab[v >> 6 & 63]);
		buf_addc(b, '=');
	}
}

char *
clipboard_osc52(const char *text, int in_tmux)
{
	struct buf	 b, enc;

	buf_init(&b);
	buf_init(&enc);
	clipboard_base64(&enc, (const unsigned char *)text, strlen(text));
	buf_addf(&b, "\033]52;c;%s\a", enc.data != NULL ? enc.data : "");
	if (in_tmux) {
		/* DCS passthrough: ESC doubled inside, ST at the end. */
		buf_addf(&b, "\033Ptmux;\033\033]52;c;%s\a\033\\",
		    enc.data != NULL ? enc.data : "");
	}
	buf_free(&enc);
	return buf_detach(&b);
}

void
clipboard_copy(const char *text, enum sanitize_mode mode)
{
	const char	*tmux = getenv("TMUX");
	char		*seq, *clean;

	/* What the screen shows, never the feed's raw bytes. */
	clean = sanitize(text, mode);
	seq = clipboard_osc52(clean, tmux != NULL && *tmux != '\0');
	display_raw(seq, strlen(seq));
	free(seq);
	free(clean);
}
