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

/* One line of text (no newline) of len bytes, wrapped to room columns. */
static void
buf_add_wrapped_line(struct buf *b, const char *text, size_t len,
    int indent, int room)
{
	char	**lines = NULL;
	size_t	  n = 0, i;

	if (room <= 0) {
		buf_add(b, text, len);
		return;
	}
	text_wrap_line(text, len, room, 0, &lines, &n);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addf(b, "\n%*s", indent, "");
		buf_adds(b, lines[i]);
		free(lines[i]);
	}
	free(lines);
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
