/*
 * buf.c: a growable byte buffer. buf_init allocates nothing (data is NULL
 * and len 0); after any buf_add* call data is allocated and always has a
 * NUL after its len bytes, so it can be used as a C string. buf_detach
 * always returns an allocated string, "" for an empty buffer.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"

void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

/* Empties the buffer but keeps its memory. */
void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Makes room for n more bytes and the NUL. */
static void
buf_grow(struct buf *b, size_t n)
{
	size_t	need, cap;

	if (n > SIZE_MAX - b->len - 1)
		n = SIZE_MAX;	/* xrealloc fails and aborts */
	need = b->len + n + 1;
	if (need <= b->cap && b->data != NULL)
		return;
	cap = b->cap != 0 ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
	b->data[b->len] = '\0';
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n != 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		buf_grow(b, 0);
		return;
	}
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/*
 * Whether s starts with a CJK mark that closes what comes before it (、
 * 。 ， ： ； ） 」 』 ！ ？): a line never starts with one.
 */
static int
buf_closing(const char *s)
{
	static const char *const marks[] = {
		"\u3001", "\u3002", "\uff0c", "\uff1a", "\uff1b", "\uff09",
		"\u300d", "\u300f", "\uff01", "\uff1f"
	};
	size_t	i;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		if (strncmp(s, marks[i], strlen(marks[i])) == 0)
			return 1;
	}
	return 0;
}

/* One line of text (no newline) of len bytes, wrapped to room columns. */
static void
buf_add_wrapped_line(struct buf *b, const char *text, size_t len,
    int indent, int room)
{
	const char	*end = text + len, *p, *word, *brk;
	int		 col = 0, w, cw, bad;
	size_t		 n;

	for (p = text; p < end; ) {
		/* The next word and the spaces before it. */
		word = p;
		while (word < end && *word == ' ')
			word++;
		/*
		 * A word ends at a space; a wide character (CJK, written
		 * without spaces) is a word of its own, so a line may break
		 * before or after it.
		 */
		for (brk = word, w = 0; brk < end && *brk != ' '; brk += n) {
			n = utf8_cluster(brk, &cw, &bad);
			if (n == 0 || brk + n > end)
				n = (size_t)(end - brk);
			if (cw == 2 && brk > word && !buf_closing(brk))
				break;
			w += cw;
			if (cw == 2 && !buf_closing(brk + n)) {
				brk += n;
				break;
			}
		}
		if (room > 0 && col > 0 && col + (int)(word - p) + w > room) {
			/* The spaces go; the word starts the next line. */
			buf_addf(b, "\n%*s", indent, "");
			col = 0;
			p = word;
		}
		buf_addf(b, "%.*s", (int)(brk - p), p);
		col += (int)(word - p) + w;
		p = brk;
	}
}

void
buf_add_indented(struct buf *b, const char *text, int indent, int width)
{
	const char	*nl;
	int		 room = width > indent ? width - indent : 0;

	while ((nl = strchr(text, '\n')) != NULL) {
		buf_add_wrapped_line(b, text, (size_t)(nl - text), indent, room);
		buf_addf(b, "\n%*s", indent, "");
		text = nl + 1;
	}
	buf_add_wrapped_line(b, text, strlen(text), indent, room);
	buf_addc(b, '\n');
}

char *
buf_detach(struct buf *b)
{
	char	*s;

	buf_grow(b, 0);
	s = b->data;
	buf_init(b);
	return s;
}
