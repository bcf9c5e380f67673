/*
 * test-layout.c: the presentation part (tui/present.h), linked with
 * libcommon.a alone, so a curses, cache or net call in it is a link
 * error: columns laid out by display width and dropped by priority, match
 * highlighting over folded text, wrapping, office hours, parts that give
 * way, ages, the stale rule and file names; the line editor every prompt
 * and filter uses (keys, UTF-8, scrolling in a field) and its history.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/present.h"
#include "harness.h"

static const struct layout_col cols[] = {
	{ "Name", 0, 10, 0, 0 },
	{ "Code", 4, 0, 3, 0 },
	{ "Count", 6, 0, 1, 1 },
};

static void
test_columns(void)
{
	const char	*texts[] = { "王秀英 Wang", "CN", "12" };
	const char	*accents[] = { "Jose\xcc\x81 Conceic\xcc\xa7\xc3\xa3o", "BR", "3" };
	int		 w[3];
	char		*row;

	layout_widths(cols, 3, 80, w);
	CHECK_INT(w[0], 80 - 4 - 6 - 4, "the flexible column takes the rest");
	CHECK_INT(w[1], 4, "a fixed column keeps its width");
	layout_widths(cols, 3, 20, w);
	CHECK_INT(w[1], -1, "the least important column is dropped first");
	CHECK_INT(w[2], 6, "the more important one stays");
	CHECK_INT(w[0], 12, "the name takes what is left");

	row = layout_row(cols, 3, texts, 30);
	CHECK_INT((long long)utf8_width(row), 30, "a CJK row is exactly 30 columns wide");
	CHECK(strncmp(row, "王秀英 Wang", strlen("王秀英 Wang")) == 0,
	    "the CJK name is not cut at 30");
	CHECK(strstr(row, "    12") != NULL, "the count is right-aligned");
	free(row);
	row = layout_row(cols, 3, accents, 30);
	CHECK_INT((long long)utf8_width(row), 30,
	    "combining marks take no column");
	free(row);
	row = layout_row(cols, 3, texts, 8);
	CHECK_INT((long long)utf8_width(row), 8, "a narrow row is still exact");
	free(row);
	row = layout_titles(cols, 3, 30);
	CHECK(strncmp(row, "Name", 4) == 0 && strstr(row, "Count") != NULL,
	    "titles are laid out like the rows");
	free(row);
}

static void
test_match(void)
{
	unsigned char	mask[64];
	const char	*nfd = "Jose\xcc\x81 Nu\xcc\x83" "ez";	/* José Núez, decomposed */
	const char	*nfc = "Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez";

	layout_match_mask(nfc, "jose", mask);
	CHECK(mask[0] && mask[1] && mask[2] && mask[3] && mask[4],
	    "jose marks José including both bytes of é");
	CHECK(!mask[5] && !mask[6], "the rest is not marked");
	layout_match_mask(nfd, "jose", mask);
	CHECK(mask[3] && mask[4] && mask[5], "a combining accent joins its base");
	CHECK(!mask[6], "the space after it is not marked");
	layout_match_mask(nfc, "NUÑ", mask);
	CHECK(mask[6] && mask[7] && mask[8] && mask[9] && mask[10],
	    "the query is folded too (NUÑ marks Núñ)");
	CHECK(!mask[11], "and stops there");
	layout_match_mask("王秀英", "秀", mask);
	CHECK(!mask[0] && mask[3] && mask[5] && !mask[6],
	    "a CJK character in the middle");
	layout_match_mask("Polícia Federal", "pol fed", mask);
	CHECK(mask[0] && mask[9] && !mask[4],
	    "each word of the query is marked");
	layout_match_mask("abc", "", mask);
	CHECK(!mask[0] && !mask[1] && !mask[2], "an empty query marks nothing");
}

static void
test_wrap(void)
{
	char	**lines = NULL;
	size_t	  n = 0, i;
	int	  ok = 1;

	layout_wrap("one two three four five six\n\nseven", 10, &lines, &n);
	CHECK_INT(n, 5, "wrapped into 5 lines, the blank one kept");
	if (n == 5) {
		CHECK_STR(lines[0], "one two", "breaks at a space");
		CHECK_STR(lines[1], "three four", "a line may fill the width");
		CHECK_STR(lines[3], "", "the paragraph break stays");
		CHECK_STR(lines[4], "seven", "the next paragraph");
	}
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	lines = NULL;
	n = 0;
	layout_wrap("北京会议讨论了资产追回。北京会议讨论了资产追回。", 10,
	    &lines, &n);
	for (i = 0; i < n; i++) {
		if (utf8_width(lines[i]) > 10)
			ok = 0;
		free(lines[i]);
	}
	free(lines);
	CHECK(ok && n == 5, "CJK wraps between characters by display width");
	lines = NULL;
	n = 0;
	layout_wrap("supercalifragilistic", 8, &lines, &n);
	CHECK(n == 3 && strcmp(lines[0], "supercal") == 0,
	    "a word longer than the line is cut");
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

static void
test_hours(void)
{
	char	out[96];
	time_t	t;

	CHECK_INT(layout_hours_within("Mon-Fri 09:00-17:00", 1, 9 * 60), 1,
	    "Monday 09:00 is within");
	CHECK_INT(layout_hours_within("Mon-Fri 09:00-17:00", 5, 17 * 60), 0,
	    "Friday 17:00 is not");
	CHECK_INT(layout_hours_within("Mon-Fri 09:00-17:00", 6, 10 * 60), 0,
	    "Saturday is not");
	CHECK_INT(layout_hours_within("Mon-Thu 08:00-16:00, Fri 08:00-12:00",
	    5, 13 * 60), 0, "Friday afternoon is not (two ranges)");
	CHECK_INT(layout_hours_within("Mon-Thu 08:00-16:00, Fri 08:00-12:00",
	    4, 13 * 60), 1, "Thursday afternoon is");
	CHECK_INT(layout_hours_within("by appointment", 1, 600), -1,
	    "an unknown format says so");
	/* 2026-11-23 is a Monday; 12:00 UTC is 09:00 in São Paulo. */
	t = 1795435200;
	CHECK_INT(layout_local_time("America/Sao_Paulo", "Mon-Fri 09:00-18:00",
	    t, out, sizeof out), 0, "a known zone");
	CHECK_STR(out, "09:00 local, within office hours",
	    "local time and office hours");
	layout_local_time("Asia/Tokyo", "Mon-Fri 09:00-18:00", t, out,
	    sizeof out);
	CHECK_STR(out, "21:00 local, outside office hours", "Tokyo at 21:00");
	layout_local_time("Asia/Tokyo", NULL, t, out, sizeof out);
	CHECK_STR(out, "21:00 local", "no hours: just the time");
	CHECK_INT(layout_local_time("../../etc/passwd", NULL, t, out,
	    sizeof out), -1, "a path is not a zone");
	CHECK_INT(layout_local_time("Mars/Olympus", NULL, t, out, sizeof out),
	    -1, "an unknown zone");
	CHECK(getenv("TZ") == NULL, "TZ is restored");
	CHECK_INT(layout_days_since("2026-11-01", t), 22, "days since a date");
	CHECK_INT(layout_days_since("soon", t), -1, "a bad date");
}

static void
test_parts(void)
{
	const struct layout_part p[] = {
		{ { "data as of 2025-11-20", "2025-11-20", NULL } },
		{ { "serial 1042", "#1042", "", NULL } },
		{ { "5 contacts", "", NULL } },
		{ { "synced 5 min ago", "synced 5m ago", NULL } },
	};
	const size_t	 steps[] = { 2, 0, 3, 1, 1 };
	char		*s;

	s = layout_fit_parts(p, 4, steps, 5, " | ", 80);
	CHECK_STR(s, "data as of 2025-11-20 | serial 1042 | 5 contacts | "
	    "synced 5 min ago", "wide: every part in full");
	free(s);
	s = layout_fit_parts(p, 4, steps, 5, " | ", 60);
	CHECK_STR(s, "data as of 2025-11-20 | serial 1042 | synced 5 min ago",
	    "the first step drops the counts, nothing else");
	free(s);
	s = layout_fit_parts(p, 4, steps, 5, " | ", 40);
	CHECK_STR(s, "2025-11-20 | serial 1042 | synced 5m ago",
	    "at 40: the date and sync shrink, the serial stays");
	free(s);
	s = layout_fit_parts(p, 4, steps, 5, " | ", 34);
	CHECK_STR(s, "2025-11-20 | #1042 | synced 5m ago",
	    "narrower: the serial shrinks before it goes");
	free(s);
	s = layout_fit_parts(p, 4, steps, 5, " | ", 10);
	CHECK_STR(s, "2025-11-20 | synced 5m ago",
	    "no room: the last step drops the serial, the rest stays");
	free(s);
}

static void
test_ago_stale_names(void)
{
	char	b[32], *s;
	time_t	now = 1800000000;

	layout_ago(now - 20, now, 0, b, sizeof b);
	CHECK_STR(b, "just now", "under a minute: just now");
	layout_ago(now - 300, now, 0, b, sizeof b);
	CHECK_STR(b, "5 min ago", "minutes");
	layout_ago(now - 7300, now, 0, b, sizeof b);
	CHECK_STR(b, "2 h ago", "hours");
	layout_ago(now - 3 * 86400 - 5, now, 0, b, sizeof b);
	CHECK_STR(b, "3 days ago", "days");
	layout_ago(now - 3 * 86400 - 5, now, 1, b, sizeof b);
	CHECK_STR(b, "3d ago", "days, brief");
	layout_ago(now + 100, now, 0, b, sizeof b);
	CHECK_STR(b, "just now", "a clock behind the cache: not negative");

	CHECK_INT(layout_stale_days("2020-01-01", 365, now), 
	    layout_days_since("2020-01-01", now), "old: stale, its age in days");
	CHECK_INT(layout_stale_days("2099-01-01", 365, now), 0, "future: fresh");
	CHECK_INT(layout_stale_days("2020-01-01", 100000, now), 0,
	    "stale_days is the limit");
	CHECK_INT(layout_stale_days("garbage", 1, now), 0, "no date: not stale");

	s = layout_safe_filename("c-1", ".vcf", 64);
	CHECK_STR(s, "c-1.vcf", "a plain id stays");
	free(s);
	s = layout_safe_filename("../\xe2\x80\xae" "evil\xc2\x85/x\x7f", ".vcf", 64);
	CHECK_STR(s, "_.__evil__x_.vcf",
	    "/ .. U+202E C1 DEL: one _ each, no leading dot");
	free(s);
	s = layout_safe_filename(".hidden", ".vcf", 64);
	CHECK_STR(s, "_hidden.vcf", "never a hidden file");
	free(s);
	s = layout_safe_filename("\xff\xfe", ".vcf", 64);
	CHECK_STR(s, "__.vcf", "invalid bytes one _ each");
	free(s);
	s = layout_safe_filename("", ".vcf", 64);
	CHECK_STR(s, "record.vcf", "an empty id still names a file");
	free(s);
	s = layout_safe_filename("abcdefghijklmnopqrstuvwxyz", ".vcf", 8);
	CHECK_STR(s, "abcdefgh.vcf", "the length is bounded");
	free(s);
}

/* ---- the line editor (present-edit.c) ------------------------------------ */

/* Types a string key by key (one code point each). */
static void
edit_type(struct edit_line *e, const char *s)
{
	uint32_t	cp;
	int		n;

	while (*s != '\0') {
		n = utf8_decode(s, strlen(s), &cp);
		if (n < 0)
			return;
		edit_line_key(e, (int)cp);
		s += n;
	}
}

static void
test_edit_keys(void)
{
	struct edit_line	e;
	enum edit_result	r;

	edit_line_init(&e, NULL);
	CHECK_STR(edit_line_text(&e), "", "a new line is empty");
	CHECK_INT(edit_line_key(&e, 'a'), EDIT_CHANGED, "a letter is typed");
	edit_type(&e, "bc");
	CHECK_STR(edit_line_text(&e), "abc", "typed at the cursor, in order");
	CHECK_INT(e.cursor, 3, "the cursor follows what is typed");
	CHECK_INT(edit_line_key(&e, TUI_KEY_CTRL('a')), EDIT_MOVED, "^A moves");
	CHECK_INT(e.cursor, 0, "^A: to the start");
	CHECK_INT(edit_line_key(&e, TUI_KEY_CTRL('a')), EDIT_STILL,
	    "^A at the start has nothing to do");
	edit_line_key(&e, 'X');
	CHECK_STR(edit_line_text(&e), "Xabc", "typed at the start, not appended");
	CHECK_INT(e.cursor, 1, "the cursor after the character typed");
	CHECK_INT(edit_line_key(&e, TUI_KEY_CTRL('e')), EDIT_MOVED, "^E moves");
	CHECK_INT(e.cursor, 4, "^E: to the end");
	edit_line_key(&e, TUI_KEY_HOME);
	CHECK_INT(e.cursor, 0, "Home: to the start");
	edit_line_key(&e, TUI_KEY_END);
	CHECK_INT(e.cursor, 4, "End: to the end");
	CHECK_INT(edit_line_key(&e, TUI_KEY_END), EDIT_STILL,
	    "End at the end has nothing to do");
	CHECK_INT(edit_line_key(&e, TUI_KEY_RIGHT), EDIT_STILL,
	    "Right at the end has nothing to do");
	edit_line_key(&e, TUI_KEY_CTRL('b'));
	CHECK_INT(e.cursor, 3, "^B: one character left");
	edit_line_key(&e, TUI_KEY_LEFT);
	CHECK_INT(e.cursor, 2, "Left: one character left");
	edit_line_key(&e, TUI_KEY_CTRL('f'));
	CHECK_INT(e.cursor, 3, "^F: one character right");
	edit_line_key(&e, TUI_KEY_RIGHT);
	CHECK_INT(e.cursor, 4, "Right: one character right");
	edit_line_key(&e, TUI_KEY_HOME);
	CHECK_INT(edit_line_key(&e, TUI_KEY_LEFT), EDIT_STILL,
	    "Left at the start has nothing to do");
	CHECK_INT(edit_line_key(&e, TUI_KEY_DELETE), EDIT_CHANGED,
	    "Delete deletes");
	CHECK_STR(edit_line_text(&e), "abc", "Delete: the character under the cursor");
	CHECK_INT(edit_line_key(&e, TUI_KEY_BACKSPACE), EDIT_STILL,
	    "Backspace at the start has nothing to do");
	edit_line_key(&e, TUI_KEY_END);
	CHECK_INT(edit_line_key(&e, TUI_KEY_DELETE), EDIT_STILL,
	    "Delete at the end has nothing to do");
	CHECK_INT(edit_line_key(&e, TUI_KEY_BACKSPACE), EDIT_CHANGED,
	    "Backspace deletes");
	CHECK_STR(edit_line_text(&e), "ab", "Backspace: the character before the cursor");
	edit_line_key(&e, 0x7f);
	CHECK_STR(edit_line_text(&e), "a", "DEL is Backspace too");
	edit_line_key(&e, TUI_KEY_CTRL('h'));
	CHECK_STR(edit_line_text(&e), "", "^H is Backspace too");

	edit_line_set(&e, "find the word");
	CHECK_INT(e.cursor, 13, "a text set puts the cursor at its end");
	edit_line_key(&e, TUI_KEY_CTRL('w'));
	CHECK_STR(edit_line_text(&e), "find the ", "^W: the word before the cursor");
	edit_line_key(&e, TUI_KEY_CTRL('w'));
	CHECK_STR(edit_line_text(&e), "find ", "^W again: the spaces, then the word");
	edit_line_set(&e, "alpha beta");
	edit_line_key(&e, TUI_KEY_HOME);
	CHECK_INT(edit_line_key(&e, TUI_KEY_CTRL('w')), EDIT_STILL,
	    "^W at the start has nothing to do");
	e.cursor = 5;
	edit_line_key(&e, TUI_KEY_CTRL('w'));
	CHECK_STR(edit_line_text(&e), " beta", "^W in the middle: the word before only");
	CHECK_INT(e.cursor, 0, "the cursor where the word began");
	edit_line_set(&e, "alpha beta");
	e.cursor = 6;
	edit_line_key(&e, TUI_KEY_CTRL('u'));
	CHECK_STR(edit_line_text(&e), "beta", "^U: everything before the cursor");
	CHECK_INT(e.cursor, 0, "^U: the cursor at the start");
	edit_line_set(&e, "alpha beta");
	e.cursor = 5;
	edit_line_key(&e, TUI_KEY_CTRL('k'));
	CHECK_STR(edit_line_text(&e), "alpha", "^K: everything after the cursor");
	CHECK_INT(edit_line_key(&e, TUI_KEY_CTRL('k')), EDIT_STILL,
	    "^K at the end has nothing to do");

	/* The keys that are not the editor's stay the caller's. */
	r = edit_line_key(&e, TUI_KEY_UP);
	r = r == EDIT_IGNORED ? edit_line_key(&e, TUI_KEY_DOWN) : r;
	r = r == EDIT_IGNORED ? edit_line_key(&e, TUI_KEY_ENTER) : r;
	r = r == EDIT_IGNORED ? edit_line_key(&e, TUI_KEY_ESC) : r;
	r = r == EDIT_IGNORED ? edit_line_key(&e, TUI_KEY_TAB) : r;
	r = r == EDIT_IGNORED ? edit_line_key(&e, TUI_KEY_PGDN) : r;
	r = r == EDIT_IGNORED ? edit_line_key(&e, TUI_KEY_F(2)) : r;
	CHECK_INT(r, EDIT_IGNORED, "Up, Down, Enter, Esc, Tab, PgDn, F2: not editing keys");
	CHECK_STR(edit_line_text(&e), "alpha", "and they change nothing");
	edit_line_free(&e);
}

static void
test_edit_utf8(void)
{
	struct edit_line	e;
	char			*big;

	edit_line_init(&e, NULL);
	/* é (2 bytes), € (3 bytes), 😀 (4 bytes). */
	edit_type(&e, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
	CHECK_STR(edit_line_text(&e), "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80",
	    "two-, three- and four-byte characters typed");
	CHECK_INT(e.cursor, 9, "the cursor after the four-byte one");
	edit_line_key(&e, TUI_KEY_LEFT);
	CHECK_INT(e.cursor, 5, "Left: over the four bytes of 😀");
	edit_line_key(&e, TUI_KEY_LEFT);
	CHECK_INT(e.cursor, 2, "Left: over the three bytes of €");
	edit_line_key(&e, TUI_KEY_LEFT);
	CHECK_INT(e.cursor, 0, "Left: over the two bytes of é");
	edit_line_key(&e, TUI_KEY_RIGHT);
	CHECK_INT(e.cursor, 2, "Right: over é");
	edit_line_key(&e, TUI_KEY_DELETE);
	CHECK_STR(edit_line_text(&e), "\xc3\xa9\xf0\x9f\x98\x80",
	    "Delete takes the three bytes of € whole");
	edit_line_key(&e, TUI_KEY_BACKSPACE);
	CHECK_STR(edit_line_text(&e), "\xf0\x9f\x98\x80",
	    "Backspace takes the two bytes of é whole");
	edit_line_key(&e, TUI_KEY_END);
	edit_line_key(&e, TUI_KEY_BACKSPACE);
	CHECK_STR(edit_line_text(&e), "", "Backspace takes the four bytes of 😀 whole");

	/* e + COMBINING ACUTE ACCENT, typed as two keys: one character. */
	edit_type(&e, "Jose\xcc\x81");
	CHECK_STR(edit_line_text(&e), "Jose\xcc\x81", "a combining mark typed");
	CHECK_INT(e.cursor, 6, "the cursor after the mark");
	edit_line_key(&e, TUI_KEY_LEFT);
	CHECK_INT(e.cursor, 3, "Left moves over the letter and its mark");
	edit_line_key(&e, TUI_KEY_RIGHT);
	CHECK_INT(e.cursor, 6, "Right too");
	edit_line_key(&e, TUI_KEY_LEFT);
	edit_line_key(&e, TUI_KEY_DELETE);
	CHECK_STR(edit_line_text(&e), "Jos", "Delete takes the mark with its letter");
	edit_type(&e, "e\xcc\x81");
	edit_line_key(&e, TUI_KEY_BACKSPACE);
	CHECK_STR(edit_line_text(&e), "Jos", "Backspace takes the mark with its letter");
	/* A mark typed in the middle joins the letter before it. */
	edit_line_set(&e, "ab");
	e.cursor = 1;
	edit_line_key(&e, 0x301);
	CHECK_STR(edit_line_text(&e), "a\xcc\x81" "b", "a mark typed after a");
	CHECK_INT(e.cursor, 3, "the cursor after the letter and its mark");
	edit_line_key(&e, TUI_KEY_CTRL('a'));
	edit_line_key(&e, TUI_KEY_RIGHT);
	CHECK_INT(e.cursor, 3, "never between a letter and its mark");
	/* ^W over accented words (a precomposed ú, a combining ñ). */
	edit_line_set(&e, "Jos\xc3\xa9 Nu\xcc\x81n\xcc\x83" "ez");
	edit_line_key(&e, TUI_KEY_CTRL('w'));
	CHECK_STR(edit_line_text(&e), "Jos\xc3\xa9 ", "^W deletes the accented word whole");
	edit_line_key(&e, TUI_KEY_CTRL('w'));
	CHECK_STR(edit_line_text(&e), "", "and the one before it");

	/* The length is bounded, never in the middle of a character. */
	big = xmalloc(EDIT_LINE_MAX + 8);
	memset(big, 'a', EDIT_LINE_MAX + 7);
	big[EDIT_LINE_MAX + 7] = '\0';
	edit_line_set(&e, big);
	CHECK_INT(e.text.len, EDIT_LINE_MAX, "a text set is cut at EDIT_LINE_MAX");
	CHECK_INT(edit_line_key(&e, 'b'), EDIT_STILL, "typing past it does nothing");
	memcpy(big + EDIT_LINE_MAX - 1, "\xc3\xa9", 3);
	edit_line_set(&e, big);
	CHECK_INT(e.text.len, EDIT_LINE_MAX - 1, "not in the middle of é");
	free(big);
	edit_line_free(&e);
}

static void
test_edit_view(void)
{
	struct edit_line	 e;
	char			*shown;
	int			 col, i;

	edit_line_init(&e, "abc");
	edit_line_view(&e, 20, &shown, &col);
	CHECK_STR(shown, "abc", "a short text is shown whole");
	CHECK_INT(col, 3, "the cursor after it");
	free(shown);

	/* Longer than the field: it scrolls to keep the cursor in view. */
	edit_line_set(&e, "abcdefghijklmnop");
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "\xe2\x80\xa6klmnop", "the end in view, … where text is hidden");
	CHECK_INT(col, 7, "the cursor in the last column");
	free(shown);
	edit_line_key(&e, TUI_KEY_CTRL('a'));
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "abcdefg\xe2\x80\xa6", "^A: the start in view, … on the right");
	CHECK_INT(col, 0, "the cursor in the first column");
	free(shown);
	for (i = 0; i < 7; i++)
		edit_line_key(&e, TUI_KEY_RIGHT);
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "\xe2\x80\xa6" "cdefgh\xe2\x80\xa6",
	    "moving right scrolls as little as it must");
	CHECK_INT(col, 6, "the cursor on h");
	free(shown);
	edit_line_key(&e, TUI_KEY_LEFT);
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "\xe2\x80\xa6" "cdefgh\xe2\x80\xa6",
	    "moving back inside the field does not scroll");
	CHECK_INT(col, 5, "the cursor on g");
	free(shown);
	edit_line_key(&e, TUI_KEY_CTRL('k'));
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "abcdef", "^K: what is left fits, shown from its start");
	CHECK_INT(col, 6, "the cursor after it");
	free(shown);

	/* CJK: two columns each, never cut in half. */
	edit_line_set(&e, "中央纪律检查委员会");
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "\xe2\x80\xa6委员会", "a CJK text scrolled: its end");
	CHECK_INT((long long)utf8_width(shown), 7, "seven columns");
	CHECK_INT(col, 7, "the cursor after 会");
	free(shown);
	edit_line_key(&e, TUI_KEY_HOME);
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "中央纪 \xe2\x80\xa6", "its start: no half character before …");
	CHECK_INT((long long)utf8_width(shown), 8, "exactly the field's width");
	CHECK_INT(col, 0, "the cursor on 中");
	free(shown);
	for (i = 0; i < 4; i++)
		edit_line_key(&e, TUI_KEY_RIGHT);
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "\xe2\x80\xa6纪律检\xe2\x80\xa6", "scrolled to keep 检 in view");
	CHECK_INT(col, 5, "the cursor on 检, two columns in");
	free(shown);

	/* What the terminal cannot show: sanitized, and counted as shown. */
	edit_line_set(&e, "a\xe2\x80\xae" "b");
	edit_line_view(&e, 20, &shown, &col);
	CHECK_STR(shown, "ab", "a bidi override typed is not drawn");
	CHECK_INT(col, 2, "the cursor counts what is drawn");
	free(shown);
	edit_line_set(&e, "a\xe2\x80\x8b" "b");
	edit_line_view(&e, 20, &shown, &col);
	CHECK_STR(shown, "a<U+200B>b", "an invisible character is shown");
	CHECK_INT(col, 10, "and counted as wide as it is shown");
	free(shown);
	charset_set_utf8(0);
	edit_line_set(&e, "中央纪律检查委员会");
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "<??????", "ASCII: one ? a character, < where text is hidden");
	CHECK_INT(col, 7, "ASCII: the cursor counts columns shown");
	free(shown);
	charset_set_utf8(1);
	edit_line_view(&e, 0, &shown, &col);
	CHECK_STR(shown, "", "no room: nothing");
	free(shown);
	edit_line_free(&e);
}

static void
test_edit_history(void)
{
	struct edit_history	*h;
	struct edit_line	 e;
	char			*data, big[700];
	size_t			 len;

	h = edit_history_new(3);
	CHECK_INT(edit_history_add(h, "jose"), 1, "an entry is added");
	edit_history_add(h, "ana");
	CHECK_INT(edit_history_add(h, "ana"), 0, "the newest again changes nothing");
	edit_history_add(h, " jose ");
	CHECK_INT(h->n, 2, "duplicates collapse (spaces around dropped)");
	CHECK_STR(h->v[1], "jose", "the entry used again is the newest");
	CHECK_INT(edit_history_add(h, "   "), 0, "blank text is not added");
	CHECK_INT(edit_history_add(h, "a\x1b[2Jb"), 0, "control characters are not added");
	edit_history_add(h, "wang");
	edit_history_add(h, "souza");
	CHECK_INT(h->n, 3, "at most max entries");
	CHECK_STR(h->v[0], "jose", "the oldest went");
	edit_history_free(h);

	/* A hostile or corrupt file: only clean lines become entries. */
	h = edit_history_new(0);
	CHECK_INT(h->max, EDIT_HISTORY_DEFAULT, "max 0: the default");
	memset(big, 'x', sizeof big);
	{
		struct buf	b;

		buf_init(&b);
		buf_add(&b, "\x00\xff\xfe binary\n", 11);
		buf_adds(&b, "ok1\n");
		buf_adds(&b, "bad\x1b[31m red\n");
		buf_adds(&b, "tab\there\n");
		buf_adds(&b, "crlf\r\n");
		buf_adds(&b, "c1 \xc2\x9b" "2J\n");
		buf_adds(&b, "\xc3\x28 invalid\n");
		buf_add(&b, big, sizeof big);
		buf_adds(&b, "\n\n\n");
		buf_adds(&b, "Jos\xc3\xa9 \xe7\x8e\x8b\n");
		buf_adds(&b, "ok2");
		edit_history_parse(h, b.data, b.len);
		buf_free(&b);
	}
	CHECK_INT(h->n, 3, "binary, controls, CR, invalid UTF-8, too long: skipped");
	CHECK_STR(h->v[0], "ok1", "a clean line is kept");
	CHECK_STR(h->v[1], "Jos\xc3\xa9 \xe7\x8e\x8b", "UTF-8 text is kept");
	CHECK_STR(h->v[2], "ok2", "the last line needs no newline");
	data = edit_history_format(h, &len);
	CHECK_STR(data, "ok1\nJos\xc3\xa9 \xe7\x8e\x8b\nok2\n", "written one a line, oldest first");
	CHECK_INT(len, strlen(data), "its length");
	free(data);

	/* Up and Down. */
	edit_line_init(&e, "typed");
	CHECK_INT(edit_line_newer(&e, h), 0, "Down before Up: nothing");
	CHECK_INT(edit_line_older(&e, h), 1, "Up recalls");
	CHECK_STR(edit_line_text(&e), "ok2", "the newest first");
	CHECK_INT(edit_line_recalled(&e), 1, "a recalled entry is shown");
	edit_line_older(&e, h);
	edit_line_older(&e, h);
	CHECK_STR(edit_line_text(&e), "ok1", "Up again: older ones");
	CHECK_INT(edit_line_older(&e, h), 0, "nothing older than the oldest");
	edit_line_newer(&e, h);
	CHECK_STR(edit_line_text(&e), "Jos\xc3\xa9 \xe7\x8e\x8b", "Down: a newer one");
	edit_line_newer(&e, h);
	edit_line_newer(&e, h);
	CHECK_STR(edit_line_text(&e), "typed", "Down past the newest: the text typed");
	CHECK_INT(edit_line_recalled(&e), 0, "no longer recalled");
	CHECK_INT(edit_line_newer(&e, h), 0, "nothing newer than the text typed");
	edit_line_set(&e, "ok2");
	edit_line_older(&e, h);
	CHECK_STR(edit_line_text(&e), "Jos\xc3\xa9 \xe7\x8e\x8b",
	    "an entry equal to the text shown is skipped");
	edit_line_key(&e, 'x');
	CHECK_INT(edit_line_recalled(&e), 0, "a key typed makes it the text typed");
	CHECK_INT(edit_line_newer(&e, h), 0, "so Down has nowhere to go");
	CHECK_INT(edit_line_older(&e, NULL), 0, "no history: Up does nothing");
	edit_line_free(&e);
	edit_history_free(h);
}

int
main(void)
{
	char	n[32];

	test_columns();
	test_match();
	test_wrap();
	test_hours();
	test_parts();
	test_ago_stale_names();
	test_edit_keys();
	test_edit_utf8();
	test_edit_view();
	test_edit_history();
	layout_count(1020, n);
	CHECK_STR(n, "1,020", "counts with thousands separators");
	layout_count(7, n);
	CHECK_STR(n, "7", "small counts as they are");
	HARNESS_END();
}
