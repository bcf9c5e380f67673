/*
 * present-edit.c: the one line editor behind every prompt and filter of
 * the full-screen interface (the search's query, the countries filter,
 * the status-line prompts), and the history its Up and Down walk. It
 * works on globe's key codes and a UTF-8 buffer and draws nothing: the
 * screens ask edit_line_view what a field shows and put the cursor where
 * it says. A "character" here is what utf8_cluster calls one: a code
 * point and the combining marks after it, so the cursor never lands
 * inside one and Backspace takes the mark with its letter.
 */
#include "config.h"

#include <sys/mman.h>

#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "tui/present.h"

/* ---- moving over characters ------------------------------------------ */

/* The character boundary after off (the text's length at its end). */
static size_t
edit_next(const struct edit_line *e, size_t off)
{
	int	w, bad;

	if (off >= e->text.len)
		return e->text.len;
	return off + utf8_cluster(e->text.data + off, &w, &bad);
}

/* The character boundary before off (0 at the start). */
static size_t
edit_prev(const struct edit_line *e, size_t off)
{
	size_t	at = 0, next;

	while (at < off) {
		next = edit_next(e, at);
		if (next >= off)
			break;
		at = next;
	}
	return at;
}

/* The first boundary at or after off: where a cursor may stand. */
static size_t
edit_snap(const struct edit_line *e, size_t off)
{
	size_t	at = 0;

	while (at < off && at < e->text.len)
		at = edit_next(e, at);
	return at;
}

static int
edit_space_at(const struct edit_line *e, size_t off)
{
	return e->text.data[off] == ' ';
}

/* ---- the buffer --------------------------------------------------------- */

void
edit_line_init(struct edit_line *e, const char *text)
{
	memset(e, 0, sizeof *e);
	buf_init(&e->text);
	edit_line_set(e, text);
}

/* A secret's bytes, and any left past its end, are wiped. */
static void
edit_line_wipe(struct edit_line *e)
{
	if (e->secret && e->text.data != NULL)
		explicit_bzero(e->text.data, e->text.cap);
}

void
edit_line_secret(struct edit_line *e)
{
	char	*room;

	edit_line_free(e);
	edit_line_init(e, NULL);
	/*
	 * Room for the longest text from the start, so typing never moves
	 * it and leaves a copy in memory given back.
	 */
	room = xcalloc(1, EDIT_LINE_MAX + 8);
	buf_add(&e->text, room, EDIT_LINE_MAX + 7);
	buf_reset(&e->text);
	free(room);
	e->secret = 1;
	/*
	 * Kept out of swap while it holds a passphrase, as the device key
	 * is (net/device.c). Without the right (RLIMIT_MEMLOCK) it is still
	 * wiped when done.
	 */
	(void)mlock(e->text.data, e->text.cap);
}

void
edit_line_free(struct edit_line *e)
{
	if (e == NULL)
		return;
	edit_line_wipe(e);
	if (e->secret && e->text.data != NULL)
		(void)munlock(e->text.data, e->text.cap);
	buf_free(&e->text);
	free(e->draft);
	memset(e, 0, sizeof *e);
}

/* Sets the text and the cursor at its end, leaving the history walk alone. */
static void
edit_line_put(struct edit_line *e, const char *text)
{
	size_t	len = text != NULL ? strlen(text) : 0;

	if (len > EDIT_LINE_MAX) {
		/* A cut in the middle of a character leaves none of it. */
		len = EDIT_LINE_MAX;
		while (len > 0 && ((unsigned char)text[len] & 0xc0) == 0x80)
			len--;
	}
	buf_reset(&e->text);
	buf_add(&e->text, text != NULL ? text : "", len);
	e->cursor = e->text.len;
	e->scroll = 0;
}

void
edit_line_set(struct edit_line *e, const char *text)
{
	edit_line_keep(e);
	edit_line_wipe(e);
	edit_line_put(e, text);
}

const char *
edit_line_text(const struct edit_line *e)
{
	return e->text.data != NULL ? e->text.data : "";
}

/* Removes the bytes [from, to) and leaves the cursor at from. */
static enum edit_result
edit_delete(struct edit_line *e, size_t from, size_t to)
{
	if (to <= from)
		return EDIT_STILL;
	memmove(e->text.data + from, e->text.data + to, e->text.len - to + 1);
	e->text.len -= to - from;
	e->cursor = from;
	return EDIT_CHANGED;
}

static enum edit_result
edit_move(struct edit_line *e, size_t to)
{
	if (to == e->cursor)
		return EDIT_STILL;
	e->cursor = to;
	return EDIT_MOVED;
}

static enum edit_result
edit_insert(struct edit_line *e, int key)
{
	char	utf[4];
	int	n;

	n = utf8_encode((uint32_t)key, utf);
	if (e->text.len + (size_t)n > EDIT_LINE_MAX)
		return EDIT_STILL;
	buf_add(&e->text, utf, (size_t)n);	/* room; the NUL moves on */
	memmove(e->text.data + e->cursor + n, e->text.data + e->cursor,
	    e->text.len - (size_t)n - e->cursor);
	memcpy(e->text.data + e->cursor, utf, (size_t)n);
	/*
	 * After what was typed, and after the marks it now carries: a mark
	 * typed joins the character before it, and a letter typed before a
	 * lone mark takes it.
	 */
	e->cursor = edit_snap(e, e->cursor + (size_t)n);
	return EDIT_CHANGED;
}

/* ^W: the spaces before the cursor, then the word before them. */
static enum edit_result
edit_rubout_word(struct edit_line *e)
{
	size_t	at = e->cursor, p;

	while (at > 0 && edit_space_at(e, (p = edit_prev(e, at))))
		at = p;
	while (at > 0 && !edit_space_at(e, (p = edit_prev(e, at))))
		at = p;
	return edit_delete(e, at, e->cursor);
}

/* The editing keys, by code: what each does. */
enum edit_op {
	EDIT_OP_NONE, EDIT_OP_START, EDIT_OP_END, EDIT_OP_LEFT, EDIT_OP_RIGHT,
	EDIT_OP_BACKSPACE, EDIT_OP_DELETE, EDIT_OP_WORD, EDIT_OP_TO_START,
	EDIT_OP_TO_END
};
static const struct {
	int		key;
	enum edit_op	op;
} edit_keys[] = {
	{ TUI_KEY_CTRL('a'), EDIT_OP_START }, { TUI_KEY_HOME, EDIT_OP_START },
	{ TUI_KEY_CTRL('e'), EDIT_OP_END }, { TUI_KEY_END, EDIT_OP_END },
	{ TUI_KEY_CTRL('b'), EDIT_OP_LEFT }, { TUI_KEY_LEFT, EDIT_OP_LEFT },
	{ TUI_KEY_CTRL('f'), EDIT_OP_RIGHT }, { TUI_KEY_RIGHT, EDIT_OP_RIGHT },
	{ TUI_KEY_DELETE, EDIT_OP_DELETE },
	{ TUI_KEY_CTRL('w'), EDIT_OP_WORD },
	{ TUI_KEY_CTRL('u'), EDIT_OP_TO_START },
	{ TUI_KEY_CTRL('k'), EDIT_OP_TO_END },
};

static enum edit_op
edit_key_op(int key)
{
	size_t	i;

	if (input_key_is_backspace(key))
		return EDIT_OP_BACKSPACE;
	for (i = 0; i < sizeof edit_keys / sizeof edit_keys[0]; i++) {
		if (edit_keys[i].key == key)
			return edit_keys[i].op;
	}
	return EDIT_OP_NONE;
}

enum edit_result
edit_line_key(struct edit_line *e, int key)
{
	enum edit_op	op = edit_key_op(key);

	if (e->text.data == NULL)
		buf_adds(&e->text, "");
	if (op == EDIT_OP_NONE && !input_key_printable(key))
		return EDIT_IGNORED;
	edit_line_keep(e);	/* a recalled entry is now the text typed */
	switch (op) {
	case EDIT_OP_NONE:
		return edit_insert(e, key);
	case EDIT_OP_START:
		return edit_move(e, 0);
	case EDIT_OP_END:
		return edit_move(e, e->text.len);
	case EDIT_OP_LEFT:
		return edit_move(e, edit_prev(e, e->cursor));
	case EDIT_OP_RIGHT:
		return edit_move(e, edit_next(e, e->cursor));
	case EDIT_OP_BACKSPACE:
		return edit_delete(e, edit_prev(e, e->cursor), e->cursor);
	case EDIT_OP_DELETE:
		return edit_delete(e, e->cursor, edit_next(e, e->cursor));
	case EDIT_OP_WORD:
		return edit_rubout_word(e);
	case EDIT_OP_TO_START:
		return edit_delete(e, 0, e->cursor);
	case EDIT_OP_TO_END:
		return edit_delete(e, e->cursor, e->text.len);
	}
	return EDIT_IGNORED;
}

/* ---- what a field shows ------------------------------------------------ */

/* One character as the field shows it. */
struct edit_cell {
	size_t	 off;		/* its first byte in the text */
	char	*shown;		/* sanitized for the terminal */
	int	 width;
};

/* The text's characters; the cursor's is *at (n when at the end). */
static struct edit_cell *
edit_cells(const struct edit_line *e, size_t *n, size_t *at)
{
	struct edit_cell	*c = NULL;
	size_t			 off = 0, next, cap = 0;
	char			*one;

	*n = 0;
	*at = 0;
	while (off < e->text.len) {
		next = edit_next(e, off);
		if (*n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			c = xreallocarray(c, cap, sizeof *c);
		}
		/* Each character alone: what the screen shows is its width. */
		one = xstrndup(e->text.data + off, next - off);
		c[*n].off = off;
		c[*n].shown = sanitize(one, SANITIZE_LINE);
		c[*n].width = (int)utf8_width(c[*n].shown);
		free(one);
		if (off < e->cursor)
			*at = *n + 1;
		(*n)++;
		off = next;
	}
	return c;
}

/* Columns of cells [from, to). */
static int
edit_cells_width(const struct edit_cell *c, size_t from, size_t to)
{
	int	w = 0;

	while (from < to)
		w += c[from++].width;
	return w;
}

/* The mark at an edge where text is hidden: "…", or "<" ">" in ASCII. */
static const char *
edit_edge_mark(int left)
{
	const char	*g = charset_glyph(GLYPH_ELLIPSIS);

	if (utf8_width(g) == 1)
		return g;
	return left ? "<" : ">";
}

/*
 * The first character a scrolled field shows: the one it showed before
 * if the cursor stays in view, else the nearest that brings it back; and
 * never more hidden on the left than the width needs.
 */
static size_t
edit_first_shown(struct edit_line *e, const struct edit_cell *c, size_t n,
    size_t at, int width)
{
	size_t	s = 0;
	int	w, cur, tail;

	while (s < n && c[s].off < e->scroll)
		s++;
	if (at < s)
		s = at;
	/*
	 * The cursor's character (one column at the end) in view, and a
	 * column on the right for the mark when text follows it.
	 */
	cur = at < n ? (c[at].width > 0 ? c[at].width : 1) + 1 : 1;
	w = edit_cells_width(c, s, at);
	while (s < at && (s > 0 ? 1 : 0) + w + cur > width)
		w -= c[s++].width;
	/* Text deleted at the end: show more of the left again. */
	tail = edit_cells_width(c, s, n);
	while (s > 0 && (s - 1 > 0 ? 1 : 0) + c[s - 1].width + tail + 1 <=
	    width)
		tail += c[--s].width;
	return s;
}

void
edit_line_view(struct edit_line *e, int width, char **shown, int *cursor_col)
{
	struct edit_cell	*c;
	struct buf		 b;
	size_t			 n, at, s, i;
	int			 used, room, right;

	*cursor_col = 0;
	if (e->text.data == NULL)
		buf_adds(&e->text, "");
	if (width <= 0 || e->secret) {
		*shown = xstrdup("");	/* a secret is never shown */
		return;
	}
	c = edit_cells(e, &n, &at);
	buf_init(&b);
	if (edit_cells_width(c, 0, n) < width)
		s = 0;	/* all of it, and a column for the cursor after */
	else
		s = edit_first_shown(e, c, n, at, width);
	e->scroll = s < n ? c[s].off : e->text.len;
	used = 0;
	if (s > 0) {
		buf_adds(&b, edit_edge_mark(1));
		used = 1;
	}
	*cursor_col = used + edit_cells_width(c, s, at);
	right = used + edit_cells_width(c, s, n) > width;
	room = width - (right ? 1 : 0);
	for (i = s; i < n; i++) {
		if (used + c[i].width > room)
			break;
		buf_adds(&b, c[i].shown);
		used += c[i].width;
	}
	if (right) {
		/* A wide character that does not fit leaves a blank. */
		while (used < room) {
			buf_addc(&b, ' ');
			used++;
		}
		buf_adds(&b, edit_edge_mark(0));
	}
	if (*cursor_col >= width)
		*cursor_col = width - 1;
	for (i = 0; i < n; i++)
		free(c[i].shown);
	free(c);
	if (b.data == NULL)
		buf_adds(&b, "");
	*shown = buf_detach(&b);
}

/* ---- history ------------------------------------------------------------ */

struct edit_history *
edit_history_new(size_t max)
{
	struct edit_history	*h;

	h = xcalloc(1, sizeof *h);
	h->max = max > 0 ? max : EDIT_HISTORY_DEFAULT;
	return h;
}

void
edit_history_free(struct edit_history *h)
{
	size_t	i;

	if (h == NULL)
		return;
	for (i = 0; i < h->n; i++)
		free(h->v[i]);
	free(h->v);
	free(h);
}

/*
 * 1 if s[0..len) may be an entry: UTF-8 with no control character (C0,
 * DEL, C1, so no line break either) and not too long. What is left
 * (bidi controls, invisible characters) is shown through sanitize().
 */
static int
edit_history_acceptable(const char *s, size_t len)
{
	uint32_t	cp;
	size_t		i;
	int		n;

	if (len == 0 || len > EDIT_HISTORY_ENTRY_MAX)
		return 0;
	for (i = 0; i < len; i += (size_t)n) {
		if ((n = utf8_decode(s + i, len - i, &cp)) < 0)
			return 0;
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			return 0;
	}
	return 1;
}

/* Adds s[0..len) with the spaces around it dropped; 1 if h changed. */
static int
edit_history_addn(struct edit_history *h, const char *s, size_t len)
{
	size_t	i;
	char	*entry;

	while (len > 0 && *s == ' ') {
		s++;
		len--;
	}
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (!edit_history_acceptable(s, len))
		return 0;
	if (h->n > 0 && strlen(h->v[h->n - 1]) == len &&
	    memcmp(h->v[h->n - 1], s, len) == 0)
		return 0;	/* the newest already */
	entry = xstrndup(s, len);
	for (i = 0; i < h->n; i++) {
		if (strcmp(h->v[i], entry) == 0) {
			free(h->v[i]);
			memmove(&h->v[i], &h->v[i + 1],
			    (h->n - i - 1) * sizeof h->v[0]);
			h->n--;
			break;
		}
	}
	if (h->n == h->max) {
		free(h->v[0]);
		memmove(&h->v[0], &h->v[1], (h->n - 1) * sizeof h->v[0]);
		h->n--;
	}
	h->v = xreallocarray(h->v, h->n + 1, sizeof h->v[0]);
	h->v[h->n++] = entry;
	return 1;
}

int
edit_history_add(struct edit_history *h, const char *text)
{
	if (text == NULL)
		return 0;
	return edit_history_addn(h, text, strlen(text));
}

void
edit_history_parse(struct edit_history *h, const char *data, size_t len)
{
	const char	*line, *end = data + len, *nl;

	for (line = data; line < end; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(end - line));
		if (nl == NULL)
			nl = end;
		edit_history_addn(h, line, (size_t)(nl - line));
	}
}

char *
edit_history_format(const struct edit_history *h, size_t *len)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	for (i = 0; i < h->n; i++) {
		buf_adds(&b, h->v[i]);
		buf_addc(&b, '\n');
	}
	*len = b.len;
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_detach(&b);
}

/* ---- walking the history ------------------------------------------------ */

/* Shows the entry back steps from the text typed (0: the text typed). */
static void
edit_line_show(struct edit_line *e, const struct edit_history *h,
    size_t back)
{
	char	*draft;

	if (e->back == 0) {
		free(e->draft);
		e->draft = xstrdup(edit_line_text(e));
	}
	if (back == 0) {
		draft = e->draft;
		e->draft = NULL;
		e->back = 0;
		edit_line_put(e, draft);
		free(draft);
		return;
	}
	e->back = back;
	edit_line_put(e, h->v[h->n - back]);
}

int
edit_line_older(struct edit_line *e, const struct edit_history *h)
{
	size_t	back;

	if (h == NULL || e->secret)
		return 0;
	for (back = e->back + 1; back <= h->n; back++) {
		if (strcmp(h->v[h->n - back], edit_line_text(e)) != 0) {
			edit_line_show(e, h, back);
			return 1;
		}
	}
	return 0;
}

int
edit_line_newer(struct edit_line *e, const struct edit_history *h)
{
	size_t	back;

	if (h == NULL || e->back == 0)
		return 0;
	if (e->back > h->n)
		e->back = h->n + 1;	/* the history shrank meanwhile */
	for (back = e->back - 1; back > 0; back--) {
		if (strcmp(h->v[h->n - back], edit_line_text(e)) != 0) {
			edit_line_show(e, h, back);
			return 1;
		}
	}
	edit_line_show(e, h, 0);
	return 1;
}

int
edit_line_recalled(const struct edit_line *e)
{
	return e->back > 0;
}

void
edit_line_keep(struct edit_line *e)
{
	e->back = 0;
	free(e->draft);
	e->draft = NULL;
}
