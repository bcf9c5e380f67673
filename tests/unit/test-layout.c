/*
 * test-layout.c: the presentation part (tui/present.h), linked with
 * libcommon.a alone, so a curses, cache or net call in it is a link
 * error: lists in columns sized by their content (empty ones collapse,
 * addresses whole, columns dropped by priority), a record's fields with
 * their labels, codes in words, match
 * highlighting over folded text, wrapping, office hours, parts that give
 * way, ages, the stale rule and file names.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/present.h"
#include "harness.h"

/* An authority item with the fields given (NULL: absent). */
static struct out_item *
add_authority(struct out_list *l, const char *id, const char *name,
    const char *acronym, const char *kind, const char *lang,
    const char *desig)
{
	struct record		r;
	struct cache_extra	x;
	struct out_item		*it;

	memset(&r, 0, sizeof r);
	memset(&x, 0, sizeof x);
	r.type = REC_AUTHORITY;
	record_set(&r, AUTH_ID, id);
	record_set(&r, AUTH_COUNTRY, "BR");
	record_set(&r, AUTH_NAME, name);
	record_set(&r, AUTH_ACRONYM, acronym);
	record_set(&r, AUTH_KIND, kind);
	if (lang != NULL)
		record_list_add(&r, AUTH_LANGUAGES, lang);
	if (desig != NULL)
		record_list_add(&r, AUTH_DESIGNATIONS, desig);
	x.country_name = "Brazil";
	it = out_list_add(l, &r, &x);
	record_clear(&r);
	return it;
}

static struct out_item *
add_contact(struct out_list *l, const char *id, const char *name,
    const char *email, const char *verified)
{
	struct record		r;
	struct cache_extra	x;
	struct out_item		*it;

	memset(&r, 0, sizeof r);
	memset(&x, 0, sizeof x);
	r.type = REC_CONTACT;
	record_set(&r, CONTACT_ID, id);
	record_set(&r, CONTACT_AUTHORITY, "cn-ccdi");
	record_set(&r, CONTACT_NAME, name);
	record_set(&r, CONTACT_EMAIL, email);
	record_set(&r, CONTACT_ROLE, "focal-point");
	record_set(&r, CONTACT_VERIFIED, verified);
	record_list_add(&r, CONTACT_LANGUAGES, "zh");
	record_list_add(&r, CONTACT_LANGUAGES, "xx");
	x.country = "CN";
	x.country_name = "China";
	x.authority_name = "中央纪律检查委员会";
	x.authority_acronym = "CCDI";
	it = out_list_add(l, &r, &x);
	record_clear(&r);
	return it;
}

/* Lays the list out at width; returns the rows joined, titles first. */
static char *
grid_text(const struct out_list *l, enum present_list list, int opts,
    int width, struct present_grid *g)
{
	struct present_ctx	 ctx = { 0, 0 };
	struct buf		 b;
	char			*cells[PRESENT_MAXCOLS], *row;
	size_t			 i, k;

	present_grid_init(g, list, opts);
	for (i = 0; i < l->n; i++) {
		present_grid_cells(g, &l->v[i], &ctx, cells);
		for (k = 0; k < g->n; k++)
			free(cells[k]);
	}
	present_grid_fit(g, width);
	buf_init(&b);
	row = present_grid_titles(g, 1);
	buf_addf(&b, "%s\n", row);
	free(row);
	for (i = 0; i < l->n; i++) {
		present_grid_cells(g, &l->v[i], &ctx, cells);
		row = present_grid_row(g, cells, 1);
		buf_addf(&b, "%s\n", row);
		CHECK_INT((long long)utf8_width(row), width,
		    "a row is exactly as wide as the screen");
		free(row);
		for (k = 0; k < g->n; k++)
			free(cells[k]);
	}
	return buf_detach(&b);
}

static void
test_columns(void)
{
	struct out_list		 l;
	struct present_grid	 g;
	char			*t;

	/* The case: two empty columns, the name whole at 80. */
	out_list_init(&l);
	add_authority(&l, "br-agu", "Advocacia-Geral da União", "AGU",
	    "legal-service", NULL, NULL);
	add_authority(&l, "br-pf", "Polícia Federal", "PF", "police", NULL,
	    NULL);
	t = grid_text(&l, PLIST_AUTHORITIES, 0, 80, &g);
	CHECK(strstr(t, "Advocacia-Geral da União") != NULL,
	    "the name is whole when other columns are empty");
	CHECK(strstr(t, "Languages") == NULL && strstr(t, "Designations") ==
	    NULL, "empty columns collapse, titles and all");
	CHECK(strstr(t, "legal service") != NULL,
	    "a kind is shown by its label");
	CHECK(strncmp(t, "Authority", 9) == 0, "the name column comes first");
	free(t);
	t = grid_text(&l, PLIST_AUTHORITIES, 0, 24, &g);
	CHECK(strstr(t, "Kind") == NULL, "at 24 columns the least important go");
	CHECK(strstr(t, "Advocacia") != NULL, "and the name stays");
	free(t);
	t = grid_text(&l, PLIST_AUTHORITIES, 0, 14, &g);
	CHECK(strstr(t, "AGU") == NULL && strstr(t, "Advocacia") != NULL,
	    "at 14 columns only the name is left");
	free(t);
	out_list_free(&l);

	/* An unknown code is shown as it is, a known one by its brief label. */
	out_list_init(&l);
	add_authority(&l, "x-1", "Office", "OF", "space-police", "pt",
	    "mla-central");
	t = grid_text(&l, PLIST_AUTHORITIES, PLIST_IDS, 100, &g);
	CHECK(strstr(t, "space-police") != NULL, "an unknown kind as it is");
	CHECK(strstr(t, "MLA central authority") != NULL,
	    "a designation by its brief label");
	CHECK(strstr(t, "x-1") != NULL, "ids when asked");
	free(t);
	out_list_free(&l);

	/* E-mails beside short CJK names stay whole; the name is never cut first. */
	out_list_init(&l);
	add_contact(&l, "c-4", "王伟", "wang.wei.central.commission@example.org",
	    "2026-01-01");
	add_contact(&l, "c-5", "Jose\xcc\x81 Conceic\xcc\xa7\xc3\xa3o",
	    "jose@example.org", "2001-01-01");
	t = grid_text(&l, PLIST_CONTACTS, 0, 60, &g);
	CHECK(strstr(t, "wang.wei.central.commission@example.org") != NULL,
	    "the e-mail is whole beside a short CJK name at 60 columns");
	CHECK(strstr(t, "! Jose\xcc\x81 Conceic\xcc\xa7\xc3\xa3o") != NULL,
	    "a stale record's name is marked, its combining marks whole");
	free(t);
	t = grid_text(&l, PLIST_CONTACTS, 0, 30, &g);
	CHECK(strstr(t, "王伟") != NULL, "at 30 columns the name stays");
	free(t);
	out_list_free(&l);
}

/* The fields of a record: labels, order, codes as labels, stale mark. */
static void
test_fields(void)
{
	struct present_ctx	 ctx = { 0, 0 };
	struct present_fields	 fs;
	struct out_list		 l, a;
	char			*t, *p, *q;

	out_list_init(&l);
	out_list_init(&a);
	add_contact(&l, "c-4", "王伟", "wang@example.org", "2001-01-01");
	add_authority(&a, "cn-ccdi", "中央纪律检查委员会", "CCDI",
	    "anti-corruption", "zh", "mla-central");
	memset(&fs, 0, sizeof fs);
	present_record_fields(&l.v[0], &a.v[0], &ctx, &fs);
	t = present_fields_text(&fs, 0);
	CHECK(strstr(t, "Role          focal point\n") != NULL,
	    "a role by its label, labels padded to the longest");
	CHECK(strstr(t, "Designations  central authority for mutual legal "
	    "assistance\n") != NULL, "the authority's designations, in words");
	CHECK(strstr(t, "Languages     Chinese, xx\n") != NULL,
	    "a language by its name, an unknown code as it is");
	CHECK(strstr(t, "Authority     中央纪律检查委员会 (CCDI)\n") != NULL,
	    "the authority named with its acronym");
	CHECK(strstr(t, "Country       China (CN)\n") != NULL,
	    "the country named with its code");
	CHECK(strstr(t, "(stale: ") != NULL, "an old verified date is stale");
	p = strstr(t, "Name ");
	q = strstr(t, "E-mail ");
	CHECK(p != NULL && q != NULL && p < q, "the name before the e-mail");
	CHECK(fs.n > 0 && (fs.v[0].flags & PF_FOCUS) == 0, "the name is not focused");
	free(t);
	present_fields_free(&fs);
	out_list_free(&l);
	out_list_free(&a);
	CHECK_STR(present_label(PV_DESIGNATION, "spoc"),
	    "single point of contact", "a designation's label");
	CHECK_STR(present_label(PV_LANGUAGE, "pt"), "Portuguese",
	    "a language's name");
	CHECK_STR(present_label(PV_ROLE, "no-such-role"), "no-such-role",
	    "an unknown code is itself");
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

int
main(void)
{
	char	n[32];

	test_columns();
	test_fields();
	test_match();
	test_wrap();
	test_hours();
	test_parts();
	test_ago_stale_names();
	layout_count(1020, n);
	CHECK_STR(n, "1,020", "counts with thousands separators");
	layout_count(7, n);
	CHECK_STR(n, "7", "small counts as they are");
	HARNESS_END();
}
