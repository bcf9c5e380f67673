/*
 * present-news.c: a newsletter as a page to read: its title, a line with
 * the issue, the date and the language, the summary, the body in
 * paragraphs and the link, each wrapped to the width given. The reader
 * screen draws these lines and `globe read` prints them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/present.h"

/* Appends text (sanitized in mode) wrapped to width, each line flagged. */
static void
page_add(struct present_lines *out, const char *text, enum sanitize_mode mode,
    int width, int flags)
{
	struct present_line	*l;
	char			*clean, **wl = NULL;
	unsigned char		*rtl = NULL;
	size_t			 n = 0, i;

	clean = sanitize(text, mode);
	layout_wrap_dirs(clean, width, &wl, &n, &rtl);
	for (i = 0; i < n; i++) {
		l = present_lines_add(out);
		l->text = wl[i];
		l->flags = flags;
		if (mode == SANITIZE_IDENT)
			l->flags |= PL_IDENT;
		else if (rtl[i])
			l->flags |= PL_RTL;
	}
	free(rtl);
	free(wl);
	free(clean);
}

static void
page_blank(struct present_lines *out)
{
	present_lines_add(out)->text = xstrdup("");
}

void
present_news_page(const struct out_item *it, int width,
    struct present_lines *out)
{
	const struct record	*r = &it->rec;
	struct buf		 b;
	const char		*dot = charset_glyph(GLYPH_DOT);
	char			*date;

	if (r->type != REC_NEWSLETTER)
		return;
	if (width < 10)
		width = 10;
	page_add(out, r->v[NEWS_TITLE].s, SANITIZE_LINE, width, PL_BOLD);
	buf_init(&b);
	if (r->v[NEWS_ISSUE].s != NULL && *r->v[NEWS_ISSUE].s != '\0')
		/* TRANSLATORS: "Issue 2026/3", the newsletter's number. */
		buf_addf(&b, _("Issue %s"), r->v[NEWS_ISSUE].s);
	if (r->v[NEWS_PUBLISHED].s != NULL) {
		if (b.len > 0)
			buf_addf(&b, " %s ", dot);
		date = present_date(r->v[NEWS_PUBLISHED].s);
		buf_adds(&b, date);
		free(date);
	}
	if (r->v[NEWS_LANG].s != NULL && *r->v[NEWS_LANG].s != '\0') {
		if (b.len > 0)
			buf_addf(&b, " %s ", dot);
		buf_adds(&b, present_label(VOCAB_LANGUAGE, r->v[NEWS_LANG].s));
	}
	if (b.len > 0)
		page_add(out, b.data, SANITIZE_LINE, width, 0);
	buf_free(&b);
	if (r->v[NEWS_SUMMARY].s != NULL && *r->v[NEWS_SUMMARY].s != '\0') {
		page_blank(out);
		page_add(out, r->v[NEWS_SUMMARY].s, SANITIZE_TEXT, width,
		    PL_BOLD);
	}
	if (r->v[NEWS_BODY].s != NULL && *r->v[NEWS_BODY].s != '\0') {
		page_blank(out);
		page_add(out, r->v[NEWS_BODY].s, SANITIZE_TEXT, width, 0);
	}
	if (r->v[NEWS_URL].s != NULL && *r->v[NEWS_URL].s != '\0') {
		page_blank(out);
		page_add(out, r->v[NEWS_URL].s, SANITIZE_IDENT, width, 0);
	}
}

char *
present_lines_text(const struct present_lines *ls, int width)
{
	struct buf	 b;
	size_t		 i;
	char		*line;

	buf_init(&b);
	for (i = 0; i < ls->n; i++) {
		if (bidi_visual()) {
			line = bidi_fit(ls->v[i].text, width,
			    present_line_bidi(&ls->v[i]) |
			    (bidi_layout_rtl() ? BIDI_RIGHT : 0), NULL, NULL);
			/* Right-aligned lines keep their spaces before. */
			buf_adds(&b, line);
			while (b.len > 0 && b.data[b.len - 1] == ' ')
				b.data[--b.len] = '\0';
			free(line);
		} else
			buf_adds(&b, ls->v[i].text);
		buf_addc(&b, '\n');
	}
	return buf_detach(&b);
}
