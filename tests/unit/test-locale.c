/*
 * test-locale.c: dates and counts as the locale writes them for a person
 * (tui/present-locale.c, present-time.c, present-layout.c), linked with
 * libcommon.a alone, as test-layout is. Each locale is set the way
 * globe's main sets it (LC_ALL from the environment, LC_NUMERIC kept C).
 * A locale that is neither installed (locale -a) nor can be compiled
 * here (localedef, from Debian's locales, into LOCPATH) is skipped with
 * "# SKIP", its checks neither run nor counted.
 */
#include "config.h"

#include <sys/stat.h>

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/present.h"
#include "harness.h"

/* Where localedef writes the locales this machine lacks (LOCPATH). */
#define LOCALE_DIR	"tests/tmp/test-locale"

/* The locales the checks use, each also compiled when missing. */
static const char *const locales_wanted[] = {
	"fr_FR.UTF-8", "en_US.UTF-8", "de_DE.UTF-8", "ru_RU.UTF-8",
	"ar_EG.UTF-8", "zh_CN.UTF-8"
};
#define NWANTED	(sizeof locales_wanted / sizeof locales_wanted[0])

/* 1 if name can be the locale of every category, as main sets it. */
static int
locale_can(const char *name)
{
	char	*old = strdup(setlocale(LC_ALL, NULL));
	int	 ok;

	ok = setlocale(LC_ALL, name) != NULL;
	setlocale(LC_ALL, old);
	free(old);
	return ok;
}

/*
 * The wanted locales, from the system when it has them all; else each
 * compiled into LOCALE_DIR (kept across runs) and found through LOCPATH,
 * which hides the system's own (C.UTF-8 is built into the C library).
 * None is asked for under LOCPATH before it is compiled: the C library
 * would remember it missing.
 */
static void
locales_prepare(void)
{
	struct stat	 sb;
	char		 dir[PATH_MAX], cmd[PATH_MAX * 2 + 64];
	size_t		 i, missing = 0;

	for (i = 0; i < NWANTED; i++)
		missing += !locale_can(locales_wanted[i]);
	if (missing == 0 || getcwd(dir, sizeof dir - sizeof LOCALE_DIR - 1) ==
	    NULL)
		return;
	strcat(dir, "/" LOCALE_DIR);
	snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
	if (system(cmd) != 0)
		return;
	setenv("LOCPATH", dir, 1);
	for (i = 0; i < NWANTED; i++) {
		snprintf(cmd, sizeof cmd, "%s/%s/LC_TIME", dir,
		    locales_wanted[i]);
		if (stat(cmd, &sb) == 0)
			continue;
		/* "fr_FR.UTF-8": localedef -i fr_FR -f UTF-8 DIR/fr_FR.UTF-8 */
		snprintf(cmd, sizeof cmd, "localedef -i %.*s -f UTF-8 "
		    "'%s/%s' >/dev/null 2>&1",
		    (int)(strchr(locales_wanted[i], '.') - locales_wanted[i]),
		    locales_wanted[i], dir, locales_wanted[i]);
		if (system(cmd) != 0)
			printf("# localedef could not make %s\n",
			    locales_wanted[i]);
	}
}

/*
 * Sets name as globe's main does: the environment names it, setlocale
 * takes it, the dates and counts are read again, and LC_NUMERIC goes
 * back to C. 0, or -1 (and "# SKIP") when the locale is not there.
 */
static int
locale_use(const char *name)
{
	setenv("LC_ALL", name, 1);
	if (setlocale(LC_ALL, "") == NULL) {
		printf("# SKIP %s: not installed and localedef could not "
		    "make it (Debian: locales)\n", name);
		setenv("LC_ALL", "C.UTF-8", 1);
		setlocale(LC_ALL, "");
		return -1;
	}
	present_locale_init(setlocale(LC_NUMERIC, NULL));
	setlocale(LC_NUMERIC, "C");
	return 0;
}

/* 2026-12-07 10:05:09 UTC, the time every check formats. */
#define T_DEC7	((int64_t)1796637909)

static void
test_widen(void)
{
	static const struct {
		const char	*in, *out;
	} v[] = {
		{ "%d/%m/%y", "%d/%m/%Y" },	/* en_GB, fr_CA before 2.29 */
		{ "%m/%d/%Y", "%m/%d/%Y" },	/* en_US: as it is */
		{ "%-d.%-m.%-y", "%-d.%-m.%Y" },
		{ "%D", "%m/%d/%Y" },
		{ "%y%y", "%Y%Y" },
		{ "%%y", "%%y" },		/* a percent sign, then y */
		{ "%Ey", "%Ey" },		/* the era's year: left alone */
		{ "%Oy/%m", "%Oy/%m" },
		{ "%Y年%m月%d日", "%Y年%m月%d日" },
		{ "%d %b, %Y", "%d %b, %Y" },
		{ "y-%", "y-%" },		/* a lone % at the end */
	};
	char	out[64];
	size_t	i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		CHECK_INT(present_locale_widen(v[i].in, out, sizeof out), 0,
		    "widen \"%s\": done", v[i].in);
		CHECK_STR(out, v[i].out, "widen \"%s\"", v[i].in);
	}
	CHECK_INT(present_locale_widen("", out, sizeof out), -1,
	    "widen: an empty format is none");
	CHECK_INT(present_locale_widen(NULL, out, sizeof out), -1,
	    "widen: no format is none");
	CHECK_INT(present_locale_widen("%D", out, 8), -1,
	    "widen: a format that does not fit is none");
	CHECK_INT(present_locale_widen("%D", out, 9), 0,
	    "widen: one that just fits");
	CHECK_STR(out, "%m/%d/%Y", "widen: all of it, and its NUL");
}

/* The digit groups, whatever the locale: separators and sizes. */
static void
test_count_in(void)
{
	char	out[LAYOUT_COUNT_MAX];

	layout_count_in(1234567, ",", "\003", out);
	CHECK_STR(out, "1,234,567", "count: every three digits");
	layout_count_in(123456789, ",", "\003\002", out);
	CHECK_STR(out, "12,34,56,789", "count: three, then every two (India)");
	layout_count_in(1234567, ".", "\003\177", out);
	CHECK_STR(out, "1234.567", "count: CHAR_MAX stops the groups");
	layout_count_in(1234567, "", "\003", out);
	CHECK_STR(out, "1234567", "count: no separator, no groups");
	layout_count_in(1234567, ",", "", out);
	CHECK_STR(out, "1234567", "count: no grouping, no groups");
	layout_count_in(999, ".", "\003", out);
	CHECK_STR(out, "999", "count: three digits, one group");
	layout_count_in(0, ".", "\003", out);
	CHECK_STR(out, "0", "count: zero");
	layout_count_in(UINT64_MAX, "\xe2\x80\xaf", "\003", out);
	CHECK_STR(out, "18\xe2\x80\xaf" "446\xe2\x80\xaf" "744\xe2\x80\xaf"
	    "073\xe2\x80\xaf" "709\xe2\x80\xaf" "551\xe2\x80\xaf" "615",
	    "count: the largest, a three-byte separator between each group");
	layout_count_in(1234567, "12345", "\003", out);
	CHECK_STR(out, "1234567", "count: a separator too long is none");
}

/*
 * What a person reads under one locale: date (present_date,
 * present_date_t), when (present_when and present_stamp, "HH:MM UTC"
 * after the date) and count (1234567).
 */
static void
locale_case(const char *name, const char *date, const char *count)
{
	char	 out[PRESENT_TIME_MAX], n[LAYOUT_COUNT_MAX], f[16];
	char	*s, *want;

	if (locale_use(name) != 0)
		return;
	s = present_date("2026-12-07");
	CHECK_STR(s, date, "%s: a feed's date", name);
	free(s);
	present_date_t(T_DEC7, out, sizeof out);
	CHECK_STR(out, date, "%s: the day of a time", name);
	/* A time: that date, then HH:MM UTC (under C too). */
	want = xasprintf("%s 10:05 UTC", date);
	present_when(T_DEC7, out, sizeof out);
	CHECK_STR(out, want, "%s: a time", name);
	s = present_stamp("2026-12-07T10:05:09Z");
	CHECK_STR(s, strcmp(date, "2026-12-07") == 0 ?
	    "2026-12-07T10:05:09Z" : want, "%s: a feed's time", name);
	free(s);
	free(want);
	/* Texts that are no date stay as the feed wrote them. */
	s = present_date("2026-02-30");
	CHECK_STR(s, "2026-02-30", "%s: no such day: as it is", name);
	free(s);
	s = present_date("2026-12");
	CHECK_STR(s, "2026-12", "%s: a month: as it is", name);
	free(s);
	s = present_date("2026-12-07 ");
	CHECK_STR(s, "2026-12-07 ", "%s: a date and more: as it is", name);
	free(s);
	s = present_date("07/12/2026\x1b[2J");
	CHECK_STR(s, "07/12/2026\xe2\x90\x9b[2J",
	    "%s: not a date: sanitized (ESC shown as a symbol)", name);
	free(s);
	present_date_t(0, out, sizeof out);
	CHECK_STR(out, "-", "%s: no time is -", name);
	layout_count(1234567, n);
	CHECK_STR(n, count, "%s: a count", name);
	/* The process's numbers stay C: JSON and strtod read "1.5". */
	snprintf(f, sizeof f, "%.1f", 1.5);
	CHECK_STR(f, "1.5", "%s: printf's decimal point is still '.'", name);
	CHECK_STR(setlocale(LC_NUMERIC, NULL), "C",
	    "%s: LC_NUMERIC is still C after the counts were read", name);
}

static void
test_locales(void)
{
	char	*s, want[PRESENT_TIME_MAX];

	/* C, C.UTF-8 and POSIX: as globe always wrote them. */
	locale_case("C.UTF-8", "2026-12-07", "1,234,567");
	CHECK(present_locale_date_format() == NULL, "C.UTF-8: ISO dates");
	locale_case("fr_FR.UTF-8", "07/12/2026",
	    "1\xe2\x80\xaf" "234\xe2\x80\xaf" "567");
	locale_case("en_US.UTF-8", "12/07/2026", "1,234,567");
	locale_case("de_DE.UTF-8", "07.12.2026", "1.234.567");
	locale_case("ru_RU.UTF-8", "07.12.2026",
	    "1\xe2\x80\xaf" "234\xe2\x80\xaf" "567");
	locale_case("zh_CN.UTF-8", "2026年12月07日", "1,234,567");
	/*
	 * Arabic (Egypt) writes the month's name: its own abbreviation,
	 * as the C library has it, between the day and the year.
	 */
	if (locale_use("ar_EG.UTF-8") == 0) {
		snprintf(want, sizeof want, "07 %s, 2026",
		    nl_langinfo(ABMON_12));
		CHECK((unsigned char)want[3] >= 0x80,
		    "ar_EG.UTF-8: December's name is not Latin (%s)", want);
		s = present_date("2026-12-07");
		CHECK_STR(s, want, "ar_EG.UTF-8: a feed's date");
		free(s);
	}
	/* Back to C.UTF-8: the ISO form again (init reads the locale anew). */
	locale_case("C.UTF-8", "2026-12-07", "1,234,567");
}

/* A date column is whole or gone, never "07/12/20…". */
static void
test_date_column(void)
{
	struct present_grid	 g;
	struct present_ctx	 ctx;
	struct out_item		 it;
	char			*cells[PRESENT_MAXCOLS];
	size_t			 i, date = 0;

	if (locale_use("zh_CN.UTF-8") != 0)
		return;
	memset(&ctx, 0, sizeof ctx);
	memset(&it, 0, sizeof it);
	it.rec.type = REC_NEWSLETTER;
	it.rec.v[NEWS_ID].s = "nl-1";
	it.rec.v[NEWS_PUBLISHED].s = "2026-12-07";
	it.rec.v[NEWS_ISSUE].s = "2026/1";
	it.rec.v[NEWS_TITLE].s = "A title long enough to be cut first";
	present_grid_init(&g, PLIST_NEWSLETTERS, PLIST_IDS);
	for (i = 0; i < g.n; i++) {
		if (strcmp(g.col[i]->key, "published") == 0)
			date = i;
	}
	present_grid_cells(&g, &it, &ctx, cells);
	CHECK_STR(cells[date], "2026年12月07日", "zh_CN.UTF-8: the cell");
	for (i = 0; i < g.n; i++)
		free(cells[i]);
	for (i = 30; i <= 60; i += 2) {
		present_grid_fit(&g, (int)i);
		CHECK(g.width[date] == -1 || g.width[date] == 14,
		    "width %zu: the date column whole (14) or gone (-1): %d",
		    i, g.width[date]);
	}
	locale_use("C.UTF-8");
}

int
main(void)
{
	setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("LANGUAGE");
	setlocale(LC_ALL, "");
	locales_prepare();
	test_widen();
	test_count_in();
	test_locales();
	test_date_column();
	HARNESS_END();
}
