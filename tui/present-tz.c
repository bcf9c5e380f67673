/*
 * present-tz.c: a time zone read from its compiled file under
 * /usr/share/zoneinfo (TZif versions 1 to 4, RFC 8536 and RFC 9636), so
 * a contact's local time needs neither TZ, tzset nor localtime: nothing
 * here reads or writes the environment or any global state, so any
 * thread may call it while another runs libcurl (which reads the
 * environment). The offset at an instant comes from the file's
 * transitions and, past the last one, from its footer, a POSIX TZ string
 * with the version 3 extensions (rule times from -167 to 167 hours, DST
 * all year). A file is read whole under a size cap and every count and
 * index in it is checked against what is there: a short, corrupt or
 * hostile file is refused as a whole (no zone), never half used.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tui/present.h"

/* The largest zone file read; tzdata's largest is under 4 KiB. */
#define TZ_FILE_MAX	(64 * 1024)
#define TZ_HEADER	44
/* RFC 8536: a type's offset is between -25:59:59 and 25:59:59. */
#define TZ_UTOFF_MIN	(-89999)
#define TZ_UTOFF_MAX	93599
/* A footer's rule time: -167 to 167 hours (version 3). */
#define TZ_RULE_SECS	(167 * 3600 + 59 * 60 + 59)
/* At most this many leap seconds (27 so far; tzcode's limit is 50). */
#define TZ_LEAPS_MAX	64
/* The instants computed: about 35 million years either side of 1970. */
#define TZ_T_LIMIT	(INT64_C(1) << 50)

#define TZ_DAY		86400
/* The longest designation a footer may give ("<+1245>": 5). */
#define TZ_ABBR_MAX	31

/* A local time type: an offset, whether it is DST, its designation. */
struct tz_type {
	int32_t		 utoff;		/* seconds east of UTC */
	int		 isdst;
	size_t		 abbr;		/* into the zone's chars */
};

struct tz_leap {
	int64_t		 at;		/* when (in the file's time scale) */
	int32_t		 corr;		/* seconds to take away from then on */
};

/* When a footer's DST starts or ends: a day of the year and a time. */
struct tz_when {
	char		 kind;		/* 'J' Jn, 'D' n, 'M' Mm.w.d */
	int		 m, w, d;	/* d: the day (J, D) or weekday (M) */
	int32_t		 secs;		/* local time of day, may be < 0 or > 24 h */
};

/* A POSIX TZ string: "CET-1CEST,M3.5.0,M10.5.0/3". */
struct tz_rule {
	char		 std[TZ_ABBR_MAX + 1];
	char		 dst[TZ_ABBR_MAX + 1];
	int32_t		 std_off;	/* seconds east of UTC */
	int32_t		 dst_off;
	int		 has_dst;
	struct tz_when	 start;		/* in standard time */
	struct tz_when	 end;		/* in DST */
};

struct tz_zone {
	int64_t		*times;		/* transitions, strictly ascending */
	unsigned char	*idx;		/* the type from each transition on */
	size_t		 ntimes;
	struct tz_type	*types;
	size_t		 ntypes;
	char		*chars;		/* the designations, NUL-terminated */
	size_t		 nchars;
	struct tz_leap	*leaps;
	size_t		 nleaps;
	struct tz_rule	 footer;
	int		 has_footer;	/* 0: none or empty */
};

/* ---- calendar arithmetic (proleptic Gregorian, days since 1970) -------- */

static int64_t
tz_floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int
tz_leap_year(int64_t y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/* The day number of y-m-d (H. Hinnant's days_from_civil). */
static int64_t
tz_days(int64_t y, int m, int d)
{
	int64_t		era;
	int64_t		yoe, doy, doe;

	y -= m <= 2;
	era = tz_floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The date of a day number (civil_from_days). */
static void
tz_civil(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t		era, doe, yoe, doy, mp;

	z += 719468;
	era = tz_floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int
tz_month_days(int64_t y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return days[m - 1] + (m == 2 && tz_leap_year(y));
}

/* ---- the footer: a POSIX TZ string ------------------------------------- */

/* A designation: "CET" (letters) or "<-03>" (letters, digits, + and -). */
static int
tz_rule_name(const char **pp, char *out)
{
	const char	*p = *pp;
	size_t		 n = 0;

	if (*p == '<') {
		for (p++; isalnum((unsigned char)*p) || *p == '+' || *p == '-';
		    p++) {
			if (n == TZ_ABBR_MAX)
				return -1;
			out[n++] = *p;
		}
		if (*p++ != '>')
			return -1;
	} else {
		for (; isalpha((unsigned char)*p); p++) {
			if (n == TZ_ABBR_MAX)
				return -1;
			out[n++] = *p;
		}
	}
	if (n < 3)
		return -1;
	out[n] = '\0';
	*pp = p;
	return 0;
}

/* [+-]hh[:mm[:ss]], hours at most maxh; the signed seconds. */
static int
tz_rule_secs(const char **pp, int maxh, int32_t *secs)
{
	const char	*p = *pp;
	int		 sign = 1, part[3] = { 0, 0, 0 }, i, digits;

	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	for (i = 0; i < 3; i++) {
		if (i > 0) {
			if (*p != ':')
				break;
			p++;
		}
		for (digits = 0; isdigit((unsigned char)*p); p++) {
			if (++digits > (i == 0 ? 3 : 2))
				return -1;
			part[i] = part[i] * 10 + (*p - '0');
		}
		if (digits == 0)
			return -1;
	}
	if (part[0] > maxh || part[1] > 59 || part[2] > 59)
		return -1;
	*secs = sign * (part[0] * 3600 + part[1] * 60 + part[2]);
	*pp = p;
	return 0;
}

/* An unsigned number from lo to hi. */
static int
tz_rule_num(const char **pp, int lo, int hi, int *v)
{
	const char	*p = *pp;
	int		 n = 0, digits = 0;

	for (; isdigit((unsigned char)*p); p++) {
		if (++digits > 3)
			return -1;
		n = n * 10 + (*p - '0');
	}
	if (digits == 0 || n < lo || n > hi)
		return -1;
	*v = n;
	*pp = p;
	return 0;
}

/* ",Jn[/time]", ",n[/time]" or ",Mm.w.d[/time]". */
static int
tz_rule_when(const char **pp, struct tz_when *w)
{
	const char	*p = *pp;

	if (*p++ != ',')
		return -1;
	memset(w, 0, sizeof *w);
	if (*p == 'J') {
		p++;
		w->kind = 'J';
		if (tz_rule_num(&p, 1, 365, &w->d) == -1)
			return -1;
	} else if (*p == 'M') {
		p++;
		w->kind = 'M';
		if (tz_rule_num(&p, 1, 12, &w->m) == -1 || *p++ != '.' ||
		    tz_rule_num(&p, 1, 5, &w->w) == -1 || *p++ != '.' ||
		    tz_rule_num(&p, 0, 6, &w->d) == -1)
			return -1;
	} else {
		w->kind = 'D';
		if (tz_rule_num(&p, 0, 365, &w->d) == -1)
			return -1;
	}
	w->secs = 2 * 3600;
	if (*p == '/') {
		p++;
		if (tz_rule_secs(&p, 167, &w->secs) == -1)
			return -1;
	}
	*pp = p;
	return 0;
}

/*
 * Parses a footer: std offset [dst [offset] ,start[/time],end[/time]].
 * A DST name without its rule is refused: what it would mean is the
 * implementation's choice (glibc's is the United States' rules).
 */
static int
tz_rule_parse(const char *s, struct tz_rule *r)
{
	const char	*p = s;
	int32_t		 off;

	memset(r, 0, sizeof *r);
	if (tz_rule_name(&p, r->std) == -1 || tz_rule_secs(&p, 24, &off) == -1)
		return -1;
	r->std_off = -off;	/* POSIX counts west, a type east */
	if (*p == '\0')
		return 0;
	if (tz_rule_name(&p, r->dst) == -1)
		return -1;
	r->dst_off = r->std_off + 3600;
	if (*p != ',' && *p != '\0') {
		if (tz_rule_secs(&p, 24, &off) == -1)
			return -1;
		r->dst_off = -off;
	}
	if (tz_rule_when(&p, &r->start) == -1 ||
	    tz_rule_when(&p, &r->end) == -1 || *p != '\0')
		return -1;
	r->has_dst = 1;
	return 0;
}

/* The instant (UTC) a rule day and time of year y falls on, at offset off. */
static int64_t
tz_when_at(const struct tz_when *w, int64_t y, int32_t off)
{
	int64_t		day, first;
	int		dd, i, mdays;

	switch (w->kind) {
	case 'J':	/* 1-365, February 29 never counted */
		day = tz_days(y, 1, 1) + w->d - 1 +
		    (w->d >= 60 && tz_leap_year(y));
		break;
	case 'D':	/* 0-365, February 29 counted */
		day = tz_days(y, 1, 1) + w->d;
		break;
	default:	/* the w-th weekday d of month m, 5 = the last */
		first = tz_days(y, w->m, 1);
		dd = w->d - (int)(first + 4 - tz_floor_div(first + 4, 7) * 7);
		if (dd < 0)
			dd += 7;
		mdays = tz_month_days(y, w->m);
		for (i = 1; i < w->w && dd + 7 < mdays; i++)
			dd += 7;
		day = first + dd;
		break;
	}
	return day * TZ_DAY + w->secs - off;
}

/*
 * Whether a rule has DST at t: the start and end of the (UTC) year of t,
 * as glibc and tzcode compute them; when DST lasts the whole year (RFC
 * 8536 3.3.1: "EST5EDT,0/0,J365/25") it is DST all year.
 */
static int
tz_rule_isdst(const struct tz_rule *r, int64_t t)
{
	int64_t		y, start, end;
	int		m, d;

	if (!r->has_dst)
		return 0;
	tz_civil(tz_floor_div(t, TZ_DAY), &y, &m, &d);
	start = tz_when_at(&r->start, y, r->std_off);
	end = tz_when_at(&r->end, y, r->dst_off);
	if (start < end) {
		if (end - start >= (int64_t)(365 + tz_leap_year(y)) * TZ_DAY)
			return 1;
		return t >= start && t < end;
	}
	return t < end || t >= start;
}

/* ---- the file ---------------------------------------------------------- */

static uint32_t
tz_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static int64_t
tz_be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)tz_be32(p) << 32 | tz_be32(p + 4));
}

/* A time of tsize (4 or 8) bytes. */
static int64_t
tz_time(const unsigned char *p, size_t tsize)
{
	return tsize == 4 ? (int64_t)(int32_t)tz_be32(p) : tz_be64(p);
}

/* The six counts of a header, in the file's order. */
enum { TZ_ISUT, TZ_ISSTD, TZ_LEAP, TZ_TIME, TZ_TYPE, TZ_CHAR, TZ_NCOUNTS };

/*
 * Checks a header at p (len bytes left) and the size of the data block
 * after it, with times of tsize bytes: 0 with counts and *size, or -1.
 */
static int
tz_header(const unsigned char *p, size_t len, size_t tsize,
    uint32_t counts[TZ_NCOUNTS], size_t *size)
{
	uint64_t	n;
	int		i;

	if (len < TZ_HEADER || memcmp(p, "TZif", 4) != 0 ||
	    (p[4] != '\0' && (p[4] < '2' || p[4] > '9')))
		return -1;
	for (i = 0; i < TZ_NCOUNTS; i++)
		counts[i] = tz_be32(p + 20 + 4 * i);
	if (counts[TZ_TYPE] == 0 || counts[TZ_TYPE] > 256 ||
	    counts[TZ_CHAR] == 0 || counts[TZ_LEAP] > TZ_LEAPS_MAX ||
	    (counts[TZ_ISUT] != 0 && counts[TZ_ISUT] != counts[TZ_TYPE]) ||
	    (counts[TZ_ISSTD] != 0 && counts[TZ_ISSTD] != counts[TZ_TYPE]))
		return -1;
	/* Each count is below 2^32 and the file below 2^16: no overflow. */
	n = (uint64_t)counts[TZ_TIME] * (tsize + 1) +
	    (uint64_t)counts[TZ_TYPE] * 6 + counts[TZ_CHAR] +
	    (uint64_t)counts[TZ_LEAP] * (tsize + 4) + counts[TZ_ISSTD] +
	    counts[TZ_ISUT];
	if (n > len - TZ_HEADER)
		return -1;
	*size = TZ_HEADER + (size_t)n;
	return 0;
}

/* Reads and checks a data block (after its header) into z. */
static int
tz_block(struct tz_zone *z, const unsigned char *p, size_t tsize,
    const uint32_t counts[TZ_NCOUNTS])
{
	const unsigned char	*types, *isstd, *isut;
	size_t			 i;
	int32_t			 utoff, prev;

	z->ntimes = counts[TZ_TIME];
	z->ntypes = counts[TZ_TYPE];
	z->nchars = counts[TZ_CHAR];
	z->nleaps = counts[TZ_LEAP];
	z->times = xreallocarray(NULL, z->ntimes + 1, sizeof *z->times);
	z->idx = xmalloc(z->ntimes + 1);
	z->types = xreallocarray(NULL, z->ntypes, sizeof *z->types);
	z->chars = xmalloc(z->nchars);
	z->leaps = xreallocarray(NULL, z->nleaps + 1, sizeof *z->leaps);

	for (i = 0; i < z->ntimes; i++, p += tsize) {
		z->times[i] = tz_time(p, tsize);
		if (i > 0 && z->times[i] <= z->times[i - 1])
			return -1;
	}
	for (i = 0; i < z->ntimes; i++, p++) {
		if ((z->idx[i] = *p) >= z->ntypes)
			return -1;
	}
	types = p;
	p += z->ntypes * 6;
	memcpy(z->chars, p, z->nchars);
	p += z->nchars;
	for (i = 0; i < z->ntypes; i++, types += 6) {
		utoff = (int32_t)tz_be32(types);
		if (utoff < TZ_UTOFF_MIN || utoff > TZ_UTOFF_MAX ||
		    types[4] > 1 || types[5] >= z->nchars ||
		    memchr(z->chars + types[5], '\0',
		    z->nchars - types[5]) == NULL)
			return -1;
		z->types[i].utoff = utoff;
		z->types[i].isdst = types[4];
		z->types[i].abbr = types[5];
	}
	/*
	 * Leap seconds (the right/ zones): the first correction is 1 or -1
	 * and each next one a second more or less; the last may repeat the
	 * one before it (RFC 9636: when the table expires).
	 */
	prev = 0;
	for (i = 0; i < z->nleaps; i++, p += tsize + 4) {
		z->leaps[i].at = tz_time(p, tsize);
		z->leaps[i].corr = (int32_t)tz_be32(p + tsize);
		if ((i > 0 && z->leaps[i].at <= z->leaps[i - 1].at) ||
		    (z->leaps[i].corr != prev + 1 &&
		    z->leaps[i].corr != prev - 1 &&
		    !(i > 0 && i == z->nleaps - 1 && z->leaps[i].corr == prev)))
			return -1;
		prev = z->leaps[i].corr;
	}
	/* Standard/wall and UT/local indicators: 0 or 1; UT means standard. */
	isstd = p;
	isut = p + counts[TZ_ISSTD];
	for (i = 0; i < counts[TZ_ISSTD]; i++) {
		if (isstd[i] > 1)
			return -1;
	}
	for (i = 0; i < counts[TZ_ISUT]; i++) {
		if (isut[i] > 1 || (isut[i] == 1 &&
		    (counts[TZ_ISSTD] == 0 || isstd[i] != 1)))
			return -1;
	}
	return 0;
}

struct tz_zone *
tz_zone_parse(const void *data, size_t len)
{
	const unsigned char	*p = data;
	struct tz_zone		*z;
	uint32_t		 counts[TZ_NCOUNTS];
	size_t			 size, tsize = 4;
	char			*footer;
	int			 ok;

	if (len > TZ_FILE_MAX || tz_header(p, len, 4, counts, &size) == -1)
		return NULL;
	if (p[4] != '\0') {
		/* Version 2 on: past the 32-bit block to the 64-bit one. */
		p += size;
		len -= size;
		tsize = 8;
		if (tz_header(p, len, 8, counts, &size) == -1)
			return NULL;
	}
	z = xcalloc(1, sizeof *z);
	if (tz_block(z, p + TZ_HEADER, tsize, counts) == -1) {
		tz_zone_free(z);
		return NULL;
	}
	p += size;
	len -= size;
	if (tsize == 4)
		ok = len == 0;
	else {
		/* The footer, "\nTZ string\n", ends the file. */
		ok = len >= 2 && p[0] == '\n' &&
		    memchr(p + 1, '\n', len - 1) == p + len - 1;
		if (ok && len > 2) {
			footer = xstrndup((const char *)p + 1, len - 2);
			ok = strlen(footer) == len - 2 &&
			    tz_rule_parse(footer, &z->footer) == 0;
			z->has_footer = ok;
			free(footer);
		}
	}
	if (!ok) {
		tz_zone_free(z);
		return NULL;
	}
	return z;
}

/* A zone name is a file under the zoneinfo directory, nothing else. */
static int
tz_name_valid(const char *name)
{
	const char	*p;

	if (name == NULL || *name == '\0' || *name == '/' ||
	    strstr(name, "..") != NULL || strlen(name) > 255)
		return 0;
	for (p = name; *p != '\0'; p++) {
		if (!isalnum((unsigned char)*p) && strchr("/_+-", *p) == NULL)
			return 0;
	}
	return 1;
}

struct tz_zone *
tz_zone_new(const char *dir, const char *name)
{
	struct tz_zone	*z;
	unsigned char	*data;
	char		*path;
	size_t		 len;

	if (!tz_name_valid(name))
		return NULL;
	path = xasprintf("%s/%s", dir != NULL ? dir : PRESENT_TZ_DIR, name);
	/* A FIFO or device planted there is refused, never waited on. */
	data = (unsigned char *)file_read_small(path, TZ_FILE_MAX, &len);
	free(path);
	if (data == NULL)
		return NULL;
	z = tz_zone_parse(data, len);
	free(data);
	return z;
}

void
tz_zone_free(struct tz_zone *z)
{
	if (z == NULL)
		return;
	free(z->times);
	free(z->idx);
	free(z->types);
	free(z->chars);
	free(z->leaps);
	free(z);
}

/*
 * The leap second correction at t and whether t is an inserted leap
 * second itself (then the clock reads :60), as glibc applies them.
 */
static int32_t
tz_zone_leap(const struct tz_zone *z, int64_t t, int *hit)
{
	size_t	i = z->nleaps;

	*hit = 0;
	while (i > 0 && t < z->leaps[i - 1].at)
		i--;
	if (i == 0)
		return 0;
	i--;
	if (t == z->leaps[i].at &&
	    z->leaps[i].corr > (i == 0 ? 0 : z->leaps[i - 1].corr))
		*hit = 1;
	return z->leaps[i].corr;
}

/*
 * Before the first transition, type 0 (RFC 8536; glibc takes the first
 * type that is not DST, which tzdata's files make the same); from the
 * last one on, the footer when there is one, else the last type.
 */
int
tz_zone_local(const struct tz_zone *z, int64_t t, struct tz_local *out)
{
	const struct tz_type	*type;
	int64_t			 local, days, y;
	size_t			 lo, hi, mid;
	int32_t			 corr;
	int			 hit, m, d, secs, dst;

	memset(out, 0, sizeof *out);
	if (t < -TZ_T_LIMIT || t > TZ_T_LIMIT)
		return -1;
	if (z->has_footer && (z->ntimes == 0 || t >= z->times[z->ntimes - 1])) {
		dst = tz_rule_isdst(&z->footer, t);
		out->utoff = dst ? z->footer.dst_off : z->footer.std_off;
		out->isdst = dst;
		out->abbr = dst ? z->footer.dst : z->footer.std;
	} else {
		if (z->ntimes == 0 || t < z->times[0])
			type = &z->types[0];
		else {
			/* The last transition at or before t. */
			lo = 0;
			hi = z->ntimes;
			while (hi - lo > 1) {
				mid = lo + (hi - lo) / 2;
				if (z->times[mid] <= t)
					lo = mid;
				else
					hi = mid;
			}
			type = &z->types[z->idx[lo]];
		}
		out->utoff = type->utoff;
		out->isdst = type->isdst;
		out->abbr = z->chars + type->abbr;
	}
	corr = tz_zone_leap(z, t, &hit);
	local = t + out->utoff - corr;
	days = tz_floor_div(local, TZ_DAY);
	secs = (int)(local - days * TZ_DAY);
	tz_civil(days, &y, &m, &d);
	out->tm.tm_year = (int)(y - 1900);
	out->tm.tm_mon = m - 1;
	out->tm.tm_mday = d;
	out->tm.tm_hour = secs / 3600;
	out->tm.tm_min = secs / 60 % 60;
	out->tm.tm_sec = secs % 60 + hit;
	out->tm.tm_wday = (int)(days + 4 - tz_floor_div(days + 4, 7) * 7);
	out->tm.tm_yday = (int)(days - tz_days(y, 1, 1));
	out->tm.tm_isdst = out->isdst;
	return 0;
}
