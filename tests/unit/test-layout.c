/*
 * test-layout.c: the presentation part (tui/present.h), linked with
 * libcommon.a alone, so a curses, cache or net call in it is a link
 * error: columns laid out by display width and dropped by priority, match
 * highlighting over folded text, wrapping, office hours, parts that give
 * way, ages, the stale rule, file names, and the words of a sync.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "net/net.h"
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

/* The words of a sync, as `globe sync` and the status line say them. */
static void
test_sync_words(void)
{
	struct cache_changes	c;
	struct net_result	r;
	struct net_progress	p;
	char			*s;

	memset(&c, 0, sizeof c);
	s = present_sync_changes(&c);
	CHECK_STR(s, "no changes", "summary of nothing");
	free(s);
	c.added[REC_CONTACT] = 3;
	c.changed[REC_CONTACT] = 1;
	c.removed[REC_NEWSLETTER] = 2;
	s = present_sync_changes(&c);
	CHECK_STR(s, "contacts +3 ~1 -0, newsletters +0 ~0 -2",
	    "summary lists the kinds that changed");
	free(s);

	memset(&r, 0, sizeof r);
	r.changes.added[REC_COUNTRY] = 1;
	r.changes.added[REC_AUTHORITY] = 1;
	r.changes.added[REC_CONTACT] = 2;
	r.changes.added[REC_NEWSLETTER] = 1;
	s = present_sync_changes(&r.changes);
	CHECK_STR(s, "countries +1 ~0 -0, authorities +1 ~0 -0, "
	    "contacts +2 ~0 -0, newsletters +1 ~0 -0", "changes summary");
	free(s);
	r.old_serial = -1;
	r.new_serial = 1;
	r.bytes = 4096;
	s = present_sync_done(&r, PRESENT_SYNC_FULL);
	CHECK_STR(s, "synced serial 1 (was empty): countries +1 ~0 -0, "
	    "authorities +1 ~0 -0, contacts +2 ~0 -0, newsletters +1 ~0 -0 "
	    "(4096 bytes)", "globe sync into an empty cache");
	free(s);
	memset(&r.changes, 0, sizeof r.changes);
	r.changes.added[REC_CONTACT] = 1;
	r.changes.changed[REC_CONTACT] = 1;
	r.changes.removed[REC_CONTACT] = 1;
	r.changes.changed[REC_NEWSLETTER] = 1;
	r.old_serial = 1;
	r.new_serial = 2;
	r.bytes = 1;
	s = present_sync_done(&r, PRESENT_SYNC_FULL);
	CHECK_STR(s, "synced serial 2 (was 1): contacts +1 ~1 -1, "
	    "newsletters +0 ~1 -0 (1 byte)", "globe sync from serial 1");
	free(s);
	s = present_sync_done(&r, PRESENT_SYNC_LINE);
	CHECK_STR(s, "synced serial 2: contacts +1 ~1 -1, newsletters +0 ~1 -0",
	    "the status line says the same per kind");
	free(s);
	s = present_sync_done(&r, PRESENT_SYNC_BRIEF);
	CHECK_STR(s, "synced +1 ~2 -1", "and its brief form the totals");
	free(s);
	r.unchanged = 1;
	s = present_sync_done(&r, PRESENT_SYNC_FULL);
	CHECK_STR(s, "already up to date (serial 2)", "unchanged");
	free(s);
	s = present_sync_done(&r, PRESENT_SYNC_LINE);
	CHECK_STR(s, "already up to date (serial 2)", "unchanged, status line");
	free(s);
	s = present_sync_done(&r, PRESENT_SYNC_BRIEF);
	CHECK_STR(s, "up to date", "unchanged, brief");
	free(s);

	memset(&p, 0, sizeof p);
	p.phase = NET_PHASE_INDEX;
	s = present_sync_progress(&p);
	CHECK_STR(s, "syncing: fetching the index", "progress: the index");
	free(s);
	p.phase = NET_PHASE_OBJECT;
	p.object = 2;
	p.nobjects = 3;
	p.bytes = 350;
	p.total = 1000;
	s = present_sync_progress(&p);
	CHECK_STR(s, "syncing 45% (objects 2/3)", "progress: the objects "
	    "before and this one's bytes");
	free(s);
	p.bytes = 5000;		/* a resumed object reports past its total */
	p.object = 3;
	s = present_sync_progress(&p);
	CHECK_STR(s, "syncing 100% (objects 3/3)", "progress: never past 100%%");
	free(s);
	p.phase = NET_PHASE_APPLY;
	p.object = 1;
	p.records = 1000;
	s = present_sync_progress(&p);
	CHECK_STR(s, "syncing: applying (objects 1/3, 1000 records)",
	    "progress: applying");
	free(s);
	p.records = 1;
	s = present_sync_progress(&p);
	CHECK_STR(s, "syncing: applying (objects 1/3, 1 record)",
	    "progress: one record");
	free(s);
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
	test_sync_words();
	layout_count(1020, n);
	CHECK_STR(n, "1,020", "counts with thousands separators");
	layout_count(7, n);
	CHECK_STR(n, "7", "small counts as they are");
	HARNESS_END();
}
