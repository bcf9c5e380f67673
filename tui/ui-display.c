/*
 * ui-display.c: the terminal for the interface. Sets curses up (the
 * theme's colours and colour lines, with a monochrome fallback,
 * NO_COLOR, mouse), tells a bidi-aware terminal that globe puts
 * right-to-left text in visual order itself (and undoes that at the end,
 * on ^Z and on SIGINT or SIGTERM), and draws sanitized text by display
 * width. The layout it draws is decided in present-layout.c and
 * present-bidi.c.
 */
#include "config.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <curses.h>
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tui/ui.h"

static SCREEN	*display_screen;
static attr_t	 display_attrs[STYLE_COUNT];
static int	 display_up;
static int	 display_explicit;	/* BDSM explicit mode sent: undo it */

/*
 * The bidi modes (present.h). The paragraph direction (SCP, CSI 1 SP k)
 * is left as it is, left to right unless its user changed it: globe
 * cannot ask the terminal for it, so could not give it back at the end.
 */
#define BDSM_EXPLICIT	BIDI_TERM_EXPLICIT
#define BDSM_IMPLICIT	BIDI_TERM_IMPLICIT

static volatile sig_atomic_t	 display_stop;	/* SIGTSTP came */
static volatile sig_atomic_t	 display_cont;	/* SIGCONT came */
/* ncurses' own handlers for SIGINT and SIGTERM, which restore the terminal. */
static struct sigaction		 display_old_int, display_old_term;

/* Writes bytes to the terminal now, unbuffered; safe in a signal handler. */
static void
display_write(const char *bytes, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		n = write(STDOUT_FILENO, bytes, len);
		if (n <= 0)
			break;
		bytes += n;
		len -= (size_t)n;
	}
}

static void
display_bidi_mode(int explicit)
{
	if (explicit)
		display_write(BDSM_EXPLICIT, sizeof BDSM_EXPLICIT - 1);
	else
		display_write(BDSM_IMPLICIT, sizeof BDSM_IMPLICIT - 1);
}

/*
 * SIGINT or SIGTERM: the implicit mode back, then the handler ncurses
 * installed (it restores the terminal and exits), or the default.
 */
static void
display_on_fatal(int sig)
{
	if (display_explicit)
		display_write(BDSM_IMPLICIT, sizeof BDSM_IMPLICIT - 1);
	sigaction(sig, sig == SIGINT ? &display_old_int : &display_old_term,
	    NULL);
	raise(sig);	/* delivered when this handler returns */
}

/* SIGTSTP and SIGCONT: noted, and handled by the main loop. */
static void
display_on_stop(int sig)
{
	if (sig == SIGTSTP)
		display_stop = 1;
	else
		display_cont = 1;
}

/* Sets sig's handler (SIG_DFL too); the one before into *old if not NULL. */
static void
display_catch(int sig, void (*handler)(int), int flags,
    struct sigaction *old)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigaction(sig, &sa, old);
}

static void
display_signals(void)
{
	display_catch(SIGCONT, display_on_stop, SA_RESTART, NULL);
	/* Before newterm: ncurses then leaves SIGTSTP to us. */
	display_catch(SIGTSTP, display_on_stop, SA_RESTART, NULL);
}

/* After newterm, around the handlers ncurses installed for SIGINT and SIGTERM. */
static void
display_signals_fatal(void)
{
	display_catch(SIGINT, display_on_fatal, 0, &display_old_int);
	display_catch(SIGTERM, display_on_fatal, 0, &display_old_term);
}

static void
display_signals_restore(void)
{
	sigaction(SIGINT, &display_old_int, NULL);
	sigaction(SIGTERM, &display_old_term, NULL);
	display_catch(SIGTSTP, SIG_DFL, 0, NULL);
	display_catch(SIGCONT, SIG_DFL, 0, NULL);
}

static const struct {
	int	theme;
	attr_t	curses;
} display_attr_map[] = {
	{ THEME_BOLD, A_BOLD },
	{ THEME_UNDERLINE, A_UNDERLINE },
	{ THEME_REVERSE, A_REVERSE },
	{ THEME_DIM, A_DIM },
	{ THEME_STANDOUT, A_STANDOUT },
};

/*
 * A colour for this terminal: itself if it has it; a bright one where
 * there are only eight is the plain one (bold for text, *bold); one of
 * the 256 where there are fewer, the nearest of the eight.
 */
static short
display_color(int c, int has_default, int *bold)
{
	int	r, g, b, v;

	*bold = 0;
	if (c < 0)
		return has_default ? -1 : (short)c;
	if (c < COLORS)
		return (short)c;
	if (c < 16) {
		*bold = 1;
		return (short)(c - 8);
	}
	if (c >= 232)	/* the grey ramp */
		return c >= 244 ? COLOR_WHITE : COLOR_BLACK;
	v = c - 16;
	r = v / 36;
	g = (v / 6) % 6;
	b = v % 6;
	return (short)((r >= 3 ? COLOR_RED : 0) | (g >= 3 ? COLOR_GREEN : 0) |
	    (b >= 3 ? COLOR_BLUE : 0));
}

/* The attributes (and colour pairs) of each style, from the theme. */
static void
display_styles(const struct tui_app_options *o, int colour)
{
	struct theme_style	 st[THEME_COUNT];
	size_t			 i;
	short			 fg, bg;
	int			 e, has_default = 0, bold, bgbold;

	if (colour) {
		start_color();
		has_default = use_default_colors() == OK;
	}
	theme_resolve((enum theme_id)o->theme, o->colors, o->ncolors, colour,
	    st);
	for (e = 0; e < STYLE_COUNT; e++) {
		display_attrs[e] = A_NORMAL;
		for (i = 0; i < sizeof display_attr_map /
		    sizeof display_attr_map[0]; i++) {
			if (st[e].attrs & display_attr_map[i].theme)
				display_attrs[e] |= display_attr_map[i].curses;
		}
		if (!colour || e + 1 >= COLOR_PAIRS ||
		    (st[e].fg < 0 && st[e].bg < 0))
			continue;
		fg = display_color(st[e].fg, has_default, &bold);
		bg = display_color(st[e].bg, has_default, &bgbold);
		/* No default colours: white on black stands in. */
		if (fg < 0)
			fg = has_default ? -1 : COLOR_WHITE;
		if (bg < 0)
			bg = has_default ? -1 : COLOR_BLACK;
		if (init_pair((short)(e + 1), fg, bg) != OK)
			continue;
		display_attrs[e] |= COLOR_PAIR(e + 1) | (bold ? A_BOLD : 0);
	}
	/* What erase leaves: the text's colours. */
	bkgdset(' ' | display_attrs[STYLE_NORMAL]);
}

int
display_init(const struct tui_app_options *o)
{
	const char	*term, *nc;
	int		 colour;

	term = getenv("TERM");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || term == NULL ||
	    *term == '\0' || strcmp(term, "dumb") == 0)
		return -1;
	if (!display_term_known(term))
		return -1;
	display_signals();
	/*
	 * Explicit mode before the first line is drawn: a terminal applies
	 * it to the paragraphs that begin after it.
	 */
	display_explicit = o->bidi != TUI_BIDI_OFF;
	if (display_explicit)
		display_bidi_mode(1);
	/*
	 * The locale main set stays: under UTF-8 curses draws wide
	 * characters; elsewhere every string drawn is ASCII (charset.c).
	 */
	display_screen = newterm(NULL, stdout, stdin);
	if (display_screen == NULL) {
		if (display_explicit)
			display_bidi_mode(0);
		display_explicit = 0;
		display_signals_restore();
		return -1;
	}
	set_term(display_screen);
	display_signals_fatal();
	display_up = 1;
	bidi_set(display_explicit);
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
	if (!o->no_mouse) {
		mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED |
		    BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
		    | BUTTON5_PRESSED
#endif
		    , NULL);
		mouseinterval(200);
	}
	/* NO_COLOR and --no-color win over any theme or colour line. */
	nc = getenv("NO_COLOR");
	colour = has_colors() && !o->no_color && (nc == NULL || *nc == '\0') &&
	    o->theme != THEME_ID_MONO;
	display_styles(o, colour);
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
	display_signals_restore();
	if (display_explicit)
		display_bidi_mode(0);
	display_explicit = 0;
	bidi_set(0);
}

int
display_stop_pending(void)
{
	if (!display_stop)
		return 0;
	display_stop = 0;
	return 1;
}

int
display_cont_pending(void)
{
	if (!display_cont)
		return 0;
	display_cont = 0;
	return 1;
}

void
display_resume(void)
{
	if (!display_up)
		return;
	if (display_explicit)
		display_bidi_mode(1);
	clearok(curscr, TRUE);
}

void
display_suspend(void)
{
	struct sigaction	old;
	sigset_t		tstp, mask;

	if (!display_up)
		return;
	endwin();
	if (display_explicit)
		display_bidi_mode(0);
	/*
	 * Stopped as ^Z stops a program when the terminal sends SIGTSTP:
	 * the whole process group, by the default action. (A group with
	 * no shell to continue it, an orphaned one, is not stopped.)
	 */
	display_catch(SIGTSTP, SIG_DFL, 0, &old);
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &tstp, &mask);	/* the main loop blocks it */
	kill(0, SIGTSTP);
	sigprocmask(SIG_SETMASK, &mask, NULL);
	sigaction(SIGTSTP, &old, NULL);
	display_stop = 0;
	display_cont = 0;
	/* Back: the modes again; the next refresh leaves endwin's state. */
	display_resume();
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

/*
 * One cluster (a character and its combining marks, clen bytes of s) as
 * one cell. ncurses puts a combining mark on the cell left of the
 * cursor; after the screen's last column the cursor has left that cell,
 * and the mark would be lost (the first letter of a right-to-left text
 * at the right edge, "نُسخ", lost its damma).
 */
static void
display_cluster(const char *s, size_t clen, attr_t attrs)
{
	wchar_t		wc[CCHARW_MAX + 1];
	cchar_t		cc;
	size_t		off = 0;
	uint32_t	cp;
	int		n = 0, k;

	while (off < clen && n < CCHARW_MAX) {
		if ((k = utf8_decode(s + off, clen - off, &cp)) <= 0)
			break;
		wc[n++] = (wchar_t)cp;
		off += (size_t)k;
	}
	wc[n] = L'\0';
	if (n > 0 && setcchar(&cc, wc, attrs & ~A_COLOR,
	    (short)PAIR_NUMBER(attrs), NULL) == OK)
		add_wch(&cc);
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
	size_t		 i, len, start, n, clen;
	int		 used, w, total, room, cw, on, run_on, cutw, cbad, cwidth;
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
		clen = cw > 0 && x + used + cw == COLS ?
		    utf8_cluster(text + i, &cwidth, &cbad) : n;
		if (clen > n) {
			/* Marks on the last column: the cluster as one cell. */
			if (i > start) {
				attrset(run_on ? match : base);
				addnstr(text + start, (int)(i - start));
			}
			display_cluster(text + i, clen, on ? match : base);
			start = i + clen;
			n = clen;
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
display_line(int y, int x, int width, const char *text, int bflags,
    enum style style)
{
	display_line_mask(y, x, width, text, NULL, bflags, style);
}

void
display_line_mask(int y, int x, int width, const char *text,
    const unsigned char *mask, int bflags, enum style style)
{
	unsigned char	*vmask = NULL;
	char		*line;

	if (width <= 0)
		return;
	line = bidi_fit(text, width, bflags, mask, mask != NULL ? &vmask :
	    NULL);
	display_text_mask(y, x, width, line, vmask, style);
	free(vmask);
	free(line);
}

void
display_ui_text(int y, int from, int width, int linew, const char *text,
    enum style style)
{
	if (!bidi_layout_rtl()) {
		display_text(y, from, width, text, style);
		return;
	}
	/* The start of the line is its right: the piece from there. */
	display_line(y, linew - from - width, width, text, bidi_ui_flags(),
	    style);
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
	fflush(stdout);
	display_write(bytes, len);
}
