/*
 * display.c: the terminal for the interface. The first half sets curses
 * up (colours with a monochrome fallback, NO_COLOR, mouse) and
 * draws sanitized text by display width; the second half is plain layout
 * helpers (columns, wrapping, match highlighting, office hours) that use
 * no curses, so unit tests can call them.
 */
#include "config.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <curses.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tui/app.h"

static SCREEN	*display_screen;
static attr_t	 display_attrs[STYLE_COUNT];
static int	 display_up;

/* Monochrome attributes, then colour pairs where there are colours. */
static void
display_styles(int colour)
{
	display_attrs[STYLE_NORMAL] = A_NORMAL;
	display_attrs[STYLE_TITLE] = A_REVERSE | A_BOLD;
	display_attrs[STYLE_STATUS] = A_REVERSE;
	display_attrs[STYLE_HEADER] = A_BOLD;
	display_attrs[STYLE_LABEL] = A_NORMAL;
	display_attrs[STYLE_SELECTED] = A_REVERSE;
	display_attrs[STYLE_MATCH] = A_BOLD | A_UNDERLINE;
	display_attrs[STYLE_BOLD] = A_BOLD;
	display_attrs[STYLE_WARN] = A_BOLD;
	if (!colour)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_CYAN, -1);
	init_pair(3, COLOR_YELLOW, -1);
	init_pair(4, COLOR_RED, -1);
	init_pair(5, COLOR_BLACK, COLOR_CYAN);
	display_attrs[STYLE_TITLE] = COLOR_PAIR(1) | A_BOLD;
	display_attrs[STYLE_STATUS] = COLOR_PAIR(1);
	display_attrs[STYLE_LABEL] = COLOR_PAIR(2);
	display_attrs[STYLE_MATCH] = COLOR_PAIR(3) | A_BOLD;
	display_attrs[STYLE_WARN] = COLOR_PAIR(4) | A_BOLD;
	display_attrs[STYLE_SELECTED] = COLOR_PAIR(5);
}

int
display_init(int no_color, int no_mouse)
{
	const char	*term, *nc;
	int		 colour;

	term = getenv("TERM");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || term == NULL ||
	    *term == '\0' || strcmp(term, "dumb") == 0)
		return -1;
	if (!display_term_known(term))
		return -1;
	/*
	 * The locale main set stays: under UTF-8 curses draws wide
	 * characters; elsewhere every string drawn is ASCII (charset.c).
	 */
	display_screen = newterm(NULL, stdout, stdin);
	if (display_screen == NULL)
		return -1;
	set_term(display_screen);
	display_up = 1;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	leaveok(stdscr, FALSE);
	/*
	 * Asking for mouse events turns the terminal's reporting on, which
	 * takes its own text selection away (Shift-drag still selects in
	 * most terminals); mouse = no leaves the mouse to the terminal.
	 */
	if (!no_mouse) {
		mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED |
		    BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
		    | BUTTON5_PRESSED
#endif
		    , NULL);
		mouseinterval(200);
	}
	nc = getenv("NO_COLOR");
	colour = has_colors() && !no_color && (nc == NULL || *nc == '\0');
	display_styles(colour);
	return 0;
}

void
display_end(void)
{
	if (!display_up)
		return;
	endwin();
	delscreen(display_screen);
	display_screen = NULL;
	display_up = 0;
}

void
display_size(int *rows, int *cols)
{
	getmaxyx(stdscr, *rows, *cols);
}

/*
 * Asks the terminal for its size and resizes curses if it changed. The
 * main loop calls this after every wake-up, so a resize never depends on
 * curses having seen its own SIGWINCH flag (two quick resizes could leave
 * the screen one size behind until the next key). 1 if the size changed.
 */
int
display_check_size(void)
{
	struct winsize	ws;

	if (!display_up || ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 ||
	    ws.ws_row == 0 || ws.ws_col == 0)
		return 0;
	if (ws.ws_row == LINES && ws.ws_col == COLS)
		return 0;
	resize_term(ws.ws_row, ws.ws_col);
	/* What the terminal shows is unknown now: repaint all of it. */
	clearok(curscr, TRUE);
	return 1;
}

void
display_clear(void)
{
	erase();
}

void
display_text(int y, int x, int width, const char *text, enum style style)
{
	display_text_mask(y, x, width, text, NULL, style);
}

/*
 * Draws the clusters of text that fit in width columns, a "…" when cut,
 * spaces after. Runs of one attribute go to curses together.
 */
void
display_text_mask(int y, int x, int width, const char *text,
    const unsigned char *mask, enum style style)
{
	const char	*cut = charset_glyph(GLYPH_ELLIPSIS);
	size_t		 i, len, start, n;
	int		 used, w, total, room, cw, on, run_on, cutw;
	uint32_t	 cp;
	attr_t		 base = display_attrs[style], match;
	char		*ascii = NULL;

	if (width <= 0)
		return;
	if (text == NULL)
		text = "";
	/*
	 * Views draw sanitized text, already ASCII when the terminal is not
	 * UTF-8; anything else (what the user typed) is made so here. Its
	 * match mask, by byte, would no longer line up.
	 */
	if (!charset_utf8() && !sanitize_is_clean(text, SANITIZE_LINE)) {
		ascii = sanitize(text, SANITIZE_LINE);
		text = ascii;
		mask = NULL;
	}
	/* On a coloured line (the cursor) a match keeps the line's colours. */
	match = style == STYLE_NORMAL ? display_attrs[STYLE_MATCH] :
	    (base | A_BOLD | A_UNDERLINE);
	total = (int)utf8_width(text);
	/* Room for the cut mark ("…", or "..." in ASCII) when cut. */
	cutw = (int)utf8_width(cut);
	room = total > width ? (cutw < width ? width - cutw : 0) : width;
	move(y, x);
	attrset(base);
	len = strlen(text);
	used = 0;
	i = 0;
	start = 0;
	run_on = mask != NULL && len > 0 && mask[0];
	while (i < len) {
		n = utf8_decode(text + i, len - i, &cp);
		if ((int)n < 0)
			break;	/* sanitized text is valid UTF-8 */
		cw = uc_width(cp);
		if (used + cw > room)
			break;
		on = mask != NULL && mask[i];
		if (cw == 0 && i > start)
			on = run_on;	/* a combining mark joins its base */
		if (on != run_on) {
			if (i > start) {
				attrset(run_on ? match : base);
				addnstr(text + start, (int)(i - start));
			}
			start = i;
			run_on = on;
		}
		used += cw;
		i += n;
	}
	if (i > start) {
		attrset(run_on ? match : base);
		addnstr(text + start, (int)(i - start));
	}
	attrset(base);
	if (total > width) {
		for (w = used; w < room; w++)
			addch(' ');
		if (width - room >= cutw)
			addstr(cut);
		else
			addnstr(cut, width - room);	/* ASCII: a byte a column */
	} else {
		for (w = used; w < width; w++)
			addch(' ');
	}
	attrset(A_NORMAL);
	free(ascii);
}

void
display_cursor(int y, int x)
{
	if (x < 0) {
		curs_set(0);
		return;
	}
	move(y, x);
	curs_set(1);
}

void
display_refresh(void)
{
	refresh();
}

void
display_redraw(void)
{
	clearok(curscr, TRUE);
}

void
display_raw(const char *bytes, size_t len)
{
	ssize_t	n;

	fflush(stdout);
	while (len > 0) {
		n = write(STDOUT_FILENO, bytes, len);
		if (n <= 0)
			break;
		bytes += n;
		len -= (size_t)n;
	}
}

/* ---- plain layout helpers ------------------------------------------ */

#define LAYOUT_GAP 2

void
layout_widths(const struct layout_col *cols, size_t n, int width,
    int *widths)
{
	size_t	i, drop;
	int	need, nkept, flex;

	for (i = 0; i < n; i++)
		widths[i] = cols[i].width != 0 ? cols[i].width :
		    (cols[i].min > 0 ? cols[i].min : 1);
	for (;;) {
		need = 0;
		nkept = 0;
		for (i = 0; i < n; i++) {
			if (widths[i] < 0)
				continue;
			need += widths[i];
			nkept++;
		}
		if (nkept > 1)
			need += LAYOUT_GAP * (nkept - 1);
		if (need <= width || nkept <= 1)
			break;
		/* Drop the least important column still shown. */
		drop = n;
		for (i = 0; i < n; i++) {
			if (widths[i] < 0)
				continue;
			if (drop == n || cols[i].priority >= cols[drop].priority)
				drop = i;
		}
		widths[drop] = -1;
	}
	flex = n;
	for (i = 0; i < n; i++) {
		if (widths[i] >= 0 && cols[i].width == 0) {
			flex = (int)i;
			break;
		}
	}
	if (nkept == 1) {
		for (i = 0; i < n; i++) {
			if (widths[i] >= 0)
				widths[i] = width;
		}
		return;
	}
	if (flex < (int)n && width > need)
		widths[flex] += width - need;
}

static char *
layout_join(const struct layout_col *cols, size_t n, const char *const *texts,
    int width)
{
	struct buf	 b;
	int		 widths[ROW_MAXCOLS + 4];
	size_t		 i;
	int		 used = 0, first = 1;
	char		*cell, *out;

	if (n > ROW_MAXCOLS + 4)
		n = ROW_MAXCOLS + 4;
	layout_widths(cols, n, width, widths);
	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (widths[i] < 0)
			continue;
		if (!first) {
			buf_adds(&b, "  ");
			used += LAYOUT_GAP;
		}
		first = 0;
		cell = utf8_fit(texts[i] != NULL ? texts[i] : "", widths[i],
		    cols[i].right);
		buf_adds(&b, cell);
		used += widths[i];
		free(cell);
	}
	out = utf8_fit(b.data != NULL ? b.data : "", width, 0);
	buf_free(&b);
	return out;
}

char *
layout_row(const struct layout_col *cols, size_t n, const char *const *texts,
    int width)
{
	return layout_join(cols, n, texts, width);
}

char *
layout_titles(const struct layout_col *cols, size_t n, int width)
{
	const char	*titles[ROW_MAXCOLS + 4];
	size_t		 i;

	if (n > ROW_MAXCOLS + 4)
		n = ROW_MAXCOLS + 4;
	for (i = 0; i < n; i++)
		titles[i] = cols[i].title;
	return layout_join(cols, n, titles, width);
}

void
layout_match_mask(const char *text, const char *query, unsigned char *mask)
{
	struct buf	 folded;
	size_t		*map, len, i, mapcap, wlen, k, end;
	uint32_t	 cp;
	char		 one[8], *f, *q, *word, *save, *hit;
	int		 n;

	len = strlen(text);
	memset(mask, 0, len);
	if (query == NULL || *query == '\0' || len == 0)
		return;
	/* Fold text one character at a time, remembering where each byte came from. */
	buf_init(&folded);
	mapcap = len * 4 + 16;
	map = xreallocarray(NULL, mapcap, sizeof *map);
	for (i = 0; i < len; i += (size_t)n) {
		n = utf8_decode(text + i, len - i, &cp);
		if (n < 0) {
			n = 1;
			continue;
		}
		memcpy(one, text + i, (size_t)n);
		one[n] = '\0';
		f = fold_text(one);
		for (k = 0; f[k] != '\0'; k++) {
			if (folded.len + 1 >= mapcap) {
				mapcap *= 2;
				map = xreallocarray(map, mapcap, sizeof *map);
			}
			map[folded.len] = i;
			buf_addc(&folded, f[k]);
		}
		free(f);
	}
	if (folded.len == 0) {
		free(map);
		buf_free(&folded);
		return;
	}
	q = fold_text(query);
	for (word = strtok_r(q, " \t,.;:-_/()'\"", &save); word != NULL;
	    word = strtok_r(NULL, " \t,.;:-_/()'\"", &save)) {
		wlen = strlen(word);
		if (wlen == 0)
			continue;
		hit = folded.data;
		while ((hit = strstr(hit, word)) != NULL) {
			k = (size_t)(hit - folded.data);
			/* From the first source byte to the end of the last character. */
			end = k + wlen - 1;
			for (i = map[k]; i < len; i++) {
				if (i > map[end] && ((unsigned char)text[i] & 0xc0)
				    != 0x80) {
					/* Keep zero-width marks with their base. */
					n = utf8_decode(text + i, len - i, &cp);
					if (n < 0 || uc_width(cp) != 0)
						break;
				}
				mask[i] = 1;
			}
			hit += wlen;
		}
	}
	free(q);
	free(map);
	buf_free(&folded);
}

/* Appends one paragraph line wrapped at width. */
static void
layout_wrap_line(const char *s, size_t len, int width, char ***lines,
    size_t *n)
{
	size_t		 i, start, brk, cl;
	int		 used, cw, k, prev_cjk, here;
	uint32_t	 cp;

	start = 0;
	while (start < len) {
		i = start;
		used = 0;
		brk = 0;
		prev_cjk = 0;
		here = 0;
		while (i < len) {
			k = utf8_decode(s + i, len - i, &cp);
			cl = k < 0 ? 1 : (size_t)k;
			cw = k < 0 ? 1 : uc_width(cp);
			/* A break may come before a space or a CJK character, or after CJK. */
			here = i > start && (cp == ' ' || (k > 0 &&
			    uc_is_cjk(cp)) || prev_cjk);
			if (used + cw > width)
				break;
			if (here)
				brk = i;
			prev_cjk = k > 0 && uc_is_cjk(cp);
			used += cw;
			i += cl;
		}
		if (i < len && !here && brk > start)
			i = brk;
		if (i == start)
			i = start + 1;	/* width 1 and a wide character: move on */
		*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
		(*lines)[(*n)++] = xstrndup(s + start, i - start);
		start = i;
		/* The spaces at a break belong to neither line. */
		while (start < len && s[start] == ' ')
			start++;
	}
}

void
layout_wrap(const char *text, int width, char ***lines, size_t *n)
{
	const char	*p, *nl;

	if (width < 1)
		width = 1;
	p = text != NULL ? text : "";
	for (;;) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		if (nl == p) {
			*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
			(*lines)[(*n)++] = xstrdup("");
		} else
			layout_wrap_line(p, (size_t)(nl - p), width, lines, n);
		if (*nl == '\0')
			break;
		p = nl + 1;
	}
}

void
layout_count(uint64_t v, char *out)
{
	char	tmp[32];
	size_t	len, i, o = 0;

	snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
	len = strlen(tmp);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = tmp[i];
	}
	out[o] = '\0';
}

char *
layout_list(char *const *list, size_t n)
{
	struct buf	 b;
	size_t		 i;
	char		*s;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		s = sanitize(list[i], SANITIZE_LINE);
		buf_adds(&b, s);
		free(s);
	}
	return buf_detach(&b);
}

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

/* A zone name is a file under the zoneinfo directory, nothing else. */
static int
layout_tz_known(const char *tz)
{
	struct stat	 st;
	const char	*p;
	char		*path;
	int		 ok;

	if (tz == NULL || *tz == '\0' || *tz == '/' || strstr(tz, "..") != NULL)
		return 0;
	for (p = tz; *p != '\0'; p++) {
		if (!isalnum((unsigned char)*p) && strchr("/_+-", *p) == NULL)
			return 0;
	}
	path = xasprintf("/usr/share/zoneinfo/%s", tz);
	ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return ok;
}

int
layout_local_time(const char *tz, const char *hours, time_t now, char *out,
    size_t outlen)
{
	struct tm	 tm;
	char		*old;
	const char	*was;
	int		 within;

	if (!layout_tz_known(tz))
		return -1;
	was = getenv("TZ");
	old = was != NULL ? xstrdup(was) : NULL;
	setenv("TZ", tz, 1);
	tzset();
	localtime_r(&now, &tm);
	if (old != NULL) {
		setenv("TZ", old, 1);
		free(old);
	} else
		unsetenv("TZ");
	tzset();
	within = layout_hours_within(hours, tm.tm_wday,
	    tm.tm_hour * 60 + tm.tm_min);
	snprintf(out, outlen, "%02d:%02d local%s", tm.tm_hour, tm.tm_min,
	    within == 1 ? ", within office hours" :
	    within == 0 ? ", outside office hours" : "");
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
	int64_t	d = (int64_t)now - then;

	if (d < 0)
		d = 0;
	if (d < 60)
		snprintf(out, outlen, brief ? "now" : "just now");
	else if (d < 3600)
		snprintf(out, outlen, brief ? "%lldm ago" : "%lld min ago",
		    (long long)(d / 60));
	else if (d < 2 * 86400)
		snprintf(out, outlen, brief ? "%lldh ago" : "%lld h ago",
		    (long long)(d / 3600));
	else
		snprintf(out, outlen, brief ? "%lldd ago" : "%lld days ago",
		    (long long)(d / 86400));
}

char *
layout_safe_filename(const char *name, const char *ext, size_t max)
{
	struct buf	 b;
	const char	*p;
	int		 len;
	uint32_t	 cp;

	buf_init(&b);
	for (p = name != NULL ? name : ""; *p != '\0' && b.len < max; p += len) {
		len = utf8_decode(p, strlen(p), &cp);
		if (len <= 0) {
			len = 1;	/* an invalid byte is one character */
			cp = 0xfffd;
		}
		/* ASCII only, whatever the locale: no isalnum. */
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9') || cp == '-' || cp == '_' ||
		    (cp == '.' && b.len > 0))
			buf_addc(&b, (char)cp);
		else
			buf_addc(&b, '_');
	}
	if (b.len == 0)
		buf_adds(&b, "record");
	buf_adds(&b, ext);
	return buf_detach(&b);
}

char *
layout_fit_parts(const struct layout_part *parts, size_t n,
    const size_t *steps, size_t nsteps, const char *sep, int width)
{
	struct buf	 b;
	size_t		 level[LAYOUT_PARTS_MAX] = { 0 }, i, s = 0;
	const char	*t;

	if (n > LAYOUT_PARTS_MAX)
		n = LAYOUT_PARTS_MAX;
	buf_init(&b);
	for (;;) {
		buf_reset(&b);
		for (i = 0; i < n; i++) {
			t = parts[i].forms[level[i]];
			if (t == NULL || *t == '\0')
				continue;
			if (b.len > 0)
				buf_adds(&b, sep);
			buf_adds(&b, t);
		}
		if (utf8_width(b.data != NULL ? b.data : "") <= (size_t)width)
			break;
		/* The next step that still has a shorter form to go to. */
		while (s < nsteps && (steps[s] >= n ||
		    level[steps[s]] + 1 >= LAYOUT_FORMS_MAX ||
		    parts[steps[s]].forms[level[steps[s]] + 1] == NULL))
			s++;
		if (s == nsteps)
			break;	/* as short as it gets: display_text cuts */
		level[steps[s]]++;
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_detach(&b);
}
