/*
 * present-time.c: dates and times as a person reads them: office hours,
 * the local time in a contact's zone (from present-tz.c, so without
 * touching TZ), days since a date, the one stale rule, "5 min ago", and
 * a date or a time in the locale's form (present-locale.c says which;
 * ISO under C). No curses, no stdout.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "common/i18n.h"
#include "tui/present.h"

static int
hours_day(const char **pp)
{
	static const char *days[] = { "sun", "mon", "tue", "wed", "thu", "fri",
	    "sat" };
	const char	*p = *pp;
	int		 i;

	for (i = 0; i < 7; i++) {
		if (strncasecmp(p, days[i], 3) == 0) {
			p += 3;
			while (isalpha((unsigned char)*p))
				p++;	/* "Monday" */
			*pp = p;
			return i;
		}
	}
	return -1;
}

static int
hours_time(const char **pp)
{
	const char	*p = *pp;
	int		 h, m;

	if (!isdigit((unsigned char)p[0]))
		return -1;
	h = *p++ - '0';
	if (isdigit((unsigned char)*p))
		h = h * 10 + (*p++ - '0');
	if (*p != ':' && *p != '.')
		return -1;
	p++;
	if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]))
		return -1;
	m = (p[0] - '0') * 10 + (p[1] - '0');
	p += 2;
	if (h > 24 || m > 59)
		return -1;
	*pp = p;
	return h * 60 + m;
}

static void
hours_space(const char **pp)
{
	while (**pp == ' ' || **pp == '\t')
		(*pp)++;
}

int
layout_hours_within(const char *hours, int wday, int minute)
{
	const char	*p = hours;
	int		 d1, d2, t1, t2, found = 0, inday;

	if (hours == NULL)
		return -1;
	hours_space(&p);
	if (*p == '\0')
		return -1;
	while (*p != '\0') {
		hours_space(&p);
		if ((d1 = hours_day(&p)) == -1)
			return -1;
		d2 = d1;
		hours_space(&p);
		if (*p == '-') {
			p++;
			hours_space(&p);
			if ((d2 = hours_day(&p)) == -1)
				return -1;
		}
		hours_space(&p);
		if ((t1 = hours_time(&p)) == -1)
			return -1;
		hours_space(&p);
		if (*p != '-')
			return -1;
		p++;
		hours_space(&p);
		if ((t2 = hours_time(&p)) == -1)
			return -1;
		hours_space(&p);
		if (*p == ',' || *p == ';')
			p++;
		else if (*p != '\0')
			return -1;
		inday = d1 <= d2 ? (wday >= d1 && wday <= d2) :
		    (wday >= d1 || wday <= d2);
		if (inday && minute >= t1 && minute < t2)
			found = 1;
	}
	return found;
}

int
layout_hours_always(const char *hours)
{
	const char	*p = hours, *e;

	if (hours == NULL)
		return 0;
	while (*p == ' ' || *p == '\t')
		p++;
	e = p + strlen(p);
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return (e - p == 4 && (strncasecmp(p, "24/7", 4) == 0 ||
	    strncasecmp(p, "24x7", 4) == 0));
}

int
layout_local_parts(const char *tz, const char *hours, time_t now, int *hour,
    int *minute, int *within)
{
	struct tz_zone	*zone;
	struct tz_local	 l;
	int		 r;

	/* Read from the zone's file each time: no TZ, no shared state. */
	if ((zone = tz_zone_new(NULL, tz)) == NULL)
		return -1;
	r = tz_zone_local(zone, (int64_t)now, &l);
	tz_zone_free(zone);
	if (r == -1)
		return -1;
	*hour = l.tm.tm_hour;
	*minute = l.tm.tm_min;
	if (layout_hours_always(hours))
		*within = 1;
	else
		*within = layout_hours_within(hours, l.tm.tm_wday,
		    l.tm.tm_hour * 60 + l.tm.tm_min);
	return 0;
}

int
layout_local_time(const char *tz, const char *hours, time_t now, char *out,
    size_t outlen)
{
	int	h, m, within;

	if (layout_local_parts(tz, hours, now, &h, &m, &within) == -1)
		return -1;
	if (layout_hours_always(hours))
		/* TRANSLATORS: someone answers at any hour of any day. */
		snprintf(out, outlen, _("%02d:%02d local, 24/7"),
		    h, m);
	else if (within == 1)
		snprintf(out, outlen, _("%02d:%02d local, within office hours"),
		    h, m);
	else if (within == 0)
		snprintf(out, outlen, _("%02d:%02d local, outside office hours"),
		    h, m);
	else
		snprintf(out, outlen, _("%02d:%02d local"), h,
		    m);
	return 0;
}

long
layout_days_since(const char *date, time_t now)
{
	struct tm	tm;
	int		y, m, d;
	time_t		t;

	if (date == NULL || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	t = timegm(&tm);
	if (t == (time_t)-1)
		return -1;
	if (now < t)
		return 0;
	return (long)((now - t) / 86400);
}

long
layout_stale_days(const char *date, int stale_days, time_t now)
{
	long	days;

	days = layout_days_since(date, now);
	return days >= 0 && days > stale_days ? days : 0;
}

void
layout_ago(int64_t then, time_t now, int brief, char *out, size_t outlen)
{
	int64_t		d = (int64_t)now - then;
	long long	n;

	/*
	 * The status line shows it as "synced %s"; the brief forms are for
	 * a narrow line (the comments tell translators so).
	 */
	if (d < 0)
		d = 0;
	if (d < 60) {
		if (brief)
			/* TRANSLATORS: "synced %s", narrow status line. */
			snprintf(out, outlen, "%s", _("now"));
		else
			/* TRANSLATORS: "synced %s" on the status line. */
			snprintf(out, outlen, "%s", _("just now"));
	} else if (d < 3600) {
		n = (long long)(d / 60);
		if (brief)
			/* TRANSLATORS: "synced %s", minutes, narrow line. */
			snprintf(out, outlen, P_("%lldm ago", "%lldm ago",
			    n), n);
		else
			/* TRANSLATORS: "synced %s" on the status line. */
			snprintf(out, outlen, P_("%lld min ago", "%lld min ago",
			    n), n);
	} else if (d < 2 * 86400) {
		n = (long long)(d / 3600);
		if (brief)
			/* TRANSLATORS: "synced %s", hours, narrow line. */
			snprintf(out, outlen, P_("%lldh ago", "%lldh ago",
			    n), n);
		else
			/* TRANSLATORS: "synced %s" on the status line. */
			snprintf(out, outlen, P_("%lld h ago", "%lld h ago", n),
			    n);
	} else {
		n = (long long)(d / 86400);
		if (brief)
			/* TRANSLATORS: "synced %s", days, narrow line. */
			snprintf(out, outlen, P_("%lldd ago", "%lldd ago",
			    n), n);
		else
			/* TRANSLATORS: "synced %s" on the status line. */
			snprintf(out, outlen, P_("%lld day ago",
			    "%lld days ago", n), n);
	}
}

/* ---- dates and times as a person reads them ----------------------------- */

/*
 * The "YYYY-MM-DD" at the start of s into tm (UTC, with its weekday): 0,
 * or -1 when s starts with no such date (2026-02-30 is none).
 */
static int
date_parse(const char *s, struct tm *tm)
{
	int	y, m, d, i;
	time_t	t;

	if (s == NULL)
		return -1;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7 ? s[i] != '-' :
		    !isdigit((unsigned char)s[i]))
			return -1;
	}
	y = atoi(s);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	memset(tm, 0, sizeof *tm);
	tm->tm_year = y - 1900;
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	t = timegm(tm);
	if (t == (time_t)-1 || gmtime_r(&t, tm) == NULL ||
	    tm->tm_mday != d || tm->tm_mon != m - 1)
		return -1;
	return 0;
}

/*
 * strftime with the locale's own date format, which no compiler can
 * check: it is the C library's (nl_langinfo), widened by
 * present-locale.c.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static size_t
date_strftime(char *s, size_t max, const char *fmt, const struct tm *tm)
{
	return strftime(s, max, fmt, tm);
}
#pragma GCC diagnostic pop

/*
 * The date of tm in the locale's format (present_locale_date_format),
 * and with_time its time "HH:MM UTC" after it, into out: spaces run
 * together and trimmed (%e pads a day with one), sanitized as a line,
 * since the locale's words reach the terminal. -1 when the locale has
 * no format (ISO) or it does not fit.
 */
static int
date_locale(const struct tm *tm, int with_time, char *out, size_t outlen)
{
	const char	*fmt = present_locale_date_format();
	char		 s[PRESENT_TIME_MAX], *clean;
	size_t		 i, o = 0, n;

	if (fmt == NULL || (n = date_strftime(s, sizeof s, fmt, tm)) == 0 ||
	    (with_time && strftime(s + n, sizeof s - n, " %H:%M UTC",
	    tm) == 0))
		return -1;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == ' ' && (o == 0 || s[o - 1] == ' '))
			continue;
		s[o++] = s[i];
	}
	while (o > 0 && s[o - 1] == ' ')
		o--;
	s[o] = '\0';
	clean = sanitize(s, SANITIZE_LINE);
	if (strlen(clean) >= outlen) {
		free(clean);
		return -1;
	}
	strcpy(out, clean);
	free(clean);
	return 0;
}

char *
present_date(const char *date)
{
	struct tm	tm;
	char		out[PRESENT_TIME_MAX];

	if (date != NULL && strlen(date) == 10 && date_parse(date, &tm) == 0 &&
	    date_locale(&tm, 0, out, sizeof out) == 0)
		return xstrdup(out);
	/* ISO already, or not a date: the feed's text, as it is. */
	return sanitize(date, SANITIZE_LINE);
}

/* t as UTC into tm; -1 when it cannot be. */
static int
time_utc(int64_t t, struct tm *tm)
{
	time_t	tt = (time_t)t;

	return t > 0 && gmtime_r(&tt, tm) != NULL ? 0 : -1;
}

void
present_date_t(int64_t t, char *out, size_t outlen)
{
	struct tm	tm;

	if (time_utc(t, &tm) != 0)
		snprintf(out, outlen, "-");
	else if (date_locale(&tm, 0, out, outlen) != 0 &&
	    strftime(out, outlen, "%Y-%m-%d", &tm) == 0)
		snprintf(out, outlen, "-");
}

void
present_when(int64_t t, char *out, size_t outlen)
{
	struct tm	tm;

	/* UTC: the presentation never reads the process's time zone. */
	if (time_utc(t, &tm) != 0)
		snprintf(out, outlen, "-");
	else if (date_locale(&tm, 1, out, outlen) != 0 &&
	    strftime(out, outlen, "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(out, outlen, "-");
}

char *
present_stamp_t(int64_t t)
{
	struct tm	tm;
	char		out[PRESENT_TIME_MAX];

	if (time_utc(t, &tm) != 0)
		return xstrdup("-");
	if (date_locale(&tm, 1, out, sizeof out) != 0 &&
	    strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return xstrdup("-");
	return xstrdup(out);
}

char *
present_stamp(const char *stamp)
{
	struct tm	tm;
	char		out[PRESENT_TIME_MAX];
	int		i;

	/* "YYYY-MM-DDTHH:MM:SSZ", the only form a feed's index has. */
	if (stamp == NULL || strlen(stamp) != 20 || stamp[10] != 'T' ||
	    stamp[13] != ':' || stamp[16] != ':' || stamp[19] != 'Z' ||
	    date_parse(stamp, &tm) != 0)
		return sanitize(stamp, SANITIZE_LINE);
	for (i = 11; i < 19; i++) {
		if (i != 13 && i != 16 && !isdigit((unsigned char)stamp[i]))
			return sanitize(stamp, SANITIZE_LINE);
	}
	tm.tm_hour = (stamp[11] - '0') * 10 + (stamp[12] - '0');
	tm.tm_min = (stamp[14] - '0') * 10 + (stamp[15] - '0');
	tm.tm_sec = (stamp[17] - '0') * 10 + (stamp[18] - '0');
	if (tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60 ||
	    date_locale(&tm, 1, out, sizeof out) != 0)
		return sanitize(stamp, SANITIZE_LINE);
	return xstrdup(out);
}
