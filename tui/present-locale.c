/*
 * present-locale.c: what the officer's locale says about writing a date
 * (LC_TIME) and a count (LC_NUMERIC), read once per process: a list
 * formats a date or a count on every row, and nl_langinfo and localeconv
 * are not free. Under the C locale (C.UTF-8 and POSIX too) dates stay
 * ISO and counts keep "," every three digits, as globe always wrote
 * them; so they do under a codeset that is not UTF-8, where globe writes
 * only ASCII and its messages are English (common/i18n.c). Only what a
 * person reads asks this: JSON, CSV, vCard and the reports are data.
 *
 * LC_TIME is the process's (main sets it; strftime writes the month
 * names of the same locale). LC_NUMERIC is not: main keeps it C, so
 * that printf, strtod and jansson read and write "1.5" whatever the
 * locale, and hands over the name the environment chose for it; the
 * digit groups are read from that locale in an object of its own
 * (newlocale), never set for the process. Like the rest of the
 * presentation, this reads no environment variable itself.
 */
#include "config.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

#include "tui/present.h"

/* Room for a date format, widened; a longer one is taken as none. */
#define LOCALE_FMT_MAX		64
#define LOCALE_GROUPING_MAX	8

static struct {
	int	 read;				/* the fields are filled */
	int	 iso;				/* dates as YYYY-MM-DD */
	char	 date_fmt[LOCALE_FMT_MAX];	/* else strftime's format */
	char	 sep[LAYOUT_SEP_MAX + 1];	/* between groups of digits */
	char	 grouping[LOCALE_GROUPING_MAX];	/* localeconv's grouping */
} loc;

/* 1 for C, POSIX and C.UTF-8 (C.utf8 …): the locale of no country. */
static int
locale_is_c(const char *name)
{
	return name == NULL || strcmp(name, "C") == 0 ||
	    strcmp(name, "POSIX") == 0 || strncmp(name, "C.", 2) == 0;
}

/* Widened: the year in four digits ("%d/%m/%y" reads as a day or a month). */
static const struct {
	const char	*from;
	const char	*to;
} locale_widen[] = {
	{ "%y", "%Y" },
	{ "%-y", "%Y" },	/* glibc's flag: no padding */
	{ "%D", "%m/%d/%Y" },
};

int
present_locale_widen(const char *d, char *out, size_t outlen)
{
	const char	*add;
	size_t		 o = 0, n, k, skip;

	if (d == NULL || *d == '\0' || outlen == 0)
		return -1;
	while (*d != '\0') {
		add = NULL;
		skip = 0;
		for (k = 0; k < sizeof locale_widen / sizeof locale_widen[0];
		    k++) {
			n = strlen(locale_widen[k].from);
			if (strncmp(d, locale_widen[k].from, n) == 0) {
				add = locale_widen[k].to;
				skip = n;
				break;
			}
		}
		if (add == NULL) {
			/* Another conversion goes whole: "%%y" is no year. */
			add = d;
			skip = d[0] == '%' && d[1] != '\0' ? 2 : 1;
			n = skip;
		} else
			n = strlen(add);
		if (o + n >= outlen)
			return -1;
		memcpy(out + o, add, n);
		o += n;
		d += skip;
	}
	out[o] = '\0';
	return 0;
}

/* Counts as globe wrote them before locales: "," every three digits. */
static void
locale_grouping_c(void)
{
	strcpy(loc.sep, ",");
	strcpy(loc.grouping, "\003");
}

/*
 * The digit groups of the locale named into loc.sep and loc.grouping: a
 * separator the terminal can be given (one character of valid UTF-8, no
 * control), else none. A locale that is not there is C, as setlocale
 * falls back to it. The process's own LC_NUMERIC is left as it is (C):
 * localeconv reads the thread's locale while uselocale holds it.
 */
static void
locale_grouping(const char *name)
{
	const struct lconv	*lc;
	locale_t		 l, old;
	size_t			 n;

	loc.sep[0] = '\0';
	loc.grouping[0] = '\0';
	if (locale_is_c(name) || (l = newlocale(LC_NUMERIC_MASK, name,
	    (locale_t)0)) == (locale_t)0) {
		locale_grouping_c();
		return;
	}
	old = uselocale(l);
	lc = localeconv();
	n = lc->thousands_sep != NULL ? strlen(lc->thousands_sep) : 0;
	if (n > 0 && n <= LAYOUT_SEP_MAX && lc->grouping != NULL &&
	    sanitize_is_clean(lc->thousands_sep, SANITIZE_LINE) &&
	    utf8_width(lc->thousands_sep) == 1) {
		memcpy(loc.sep, lc->thousands_sep, n + 1);
		n = strlen(lc->grouping);
		if (n >= sizeof loc.grouping)
			n = sizeof loc.grouping - 1;
		memcpy(loc.grouping, lc->grouping, n);
		loc.grouping[n] = '\0';
	}
	uselocale(old);
	freelocale(l);
}

void
present_locale_init(const char *numeric)
{
	memset(&loc, 0, sizeof loc);
	loc.read = 1;
	if (!charset_utf8() || locale_is_c(setlocale(LC_TIME, NULL)) ||
	    present_locale_widen(nl_langinfo(D_FMT), loc.date_fmt,
	    sizeof loc.date_fmt) != 0) {
		loc.iso = 1;
		loc.date_fmt[0] = '\0';
	}
	if (!charset_utf8())
		locale_grouping_c();
	else
		locale_grouping(numeric);
}

const char *
present_locale_date_format(void)
{
	if (!loc.read)
		present_locale_init(setlocale(LC_NUMERIC, NULL));
	return loc.iso ? NULL : loc.date_fmt;
}

void
present_locale_grouping(const char **sep, const char **grouping)
{
	if (!loc.read)
		present_locale_init(setlocale(LC_NUMERIC, NULL));
	*sep = loc.sep;
	*grouping = loc.grouping;
}
