/*
 * app.h: the curses interface's internal header. tui_app_run is the one
 * entry point main calls; everything else is shared between app.c (the
 * loop and the frame), display.c (curses and the plain layout helpers),
 * input.c and keys.c (one input function, one key table), sync-bg.c,
 * clipboard.c and one view-*.c file per screen. Nothing here includes
 * <curses.h>: views draw through the display_* helpers and styles.
 */
#ifndef GLOBE_TUI_APP_H
#define GLOBE_TUI_APP_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "cache/cache.h"
#include "common/common.h"
#include "net/net.h"

/* What main passes to the interface. Everything is borrowed. */
struct tui_app_options {
	const char		*db_path;	/* the cache file, for the sync thread's own connection */
	int			 demo;		/* the demo feed: the title says so */
	const struct net_options *net;		/* NULL: no feed configured, `s` explains */
	int			 stale_days;	/* verified older than this is stale; 0 = 365 */
	const char *const	*bindings;	/* "KEY ACTION" lines from the config */
	size_t			 nbindings;
	int			 no_color;	/* --no-color (NO_COLOR is read here too) */
	const char		*config_path;	/* the config file read (--config or XDG) */
	int			 no_mouse;	/* mouse = no: the terminal keeps the mouse */
};

/* tui_app_run's result besides an exit code (EXIT_OK …). */
#define TUI_APP_NO_TERMINAL	(-1)

/*
 * Runs the full-screen interface on the open cache until the user quits.
 * Returns EXIT_OK, EXIT_USAGE for a bad key binding line (after nothing
 * was drawn), or TUI_APP_NO_TERMINAL when there is no usable terminal
 * (nothing drawn; the CLI then prints the country list instead).
 */
int	 tui_app_run(struct cache *cache, const struct tui_app_options *opts);

/* ---- keys.c: the one key table ------------------------------------- */

#define ACTION_LIST(X) \
	X(ACT_NONE,		"none",			NULL) \
	X(ACT_UP,		"up",			"move up") \
	X(ACT_DOWN,		"down",			"move down") \
	X(ACT_PAGE_UP,		"page-up",		"one screen up") \
	X(ACT_PAGE_DOWN,	"page-down",		"one screen down") \
	X(ACT_FIRST,		"first",		"go to the first line") \
	X(ACT_LAST,		"last",			"go to the last line") \
	X(ACT_OPEN,		"open",			"open the selected line") \
	X(ACT_BACK,		"back",			"go back to the previous screen") \
	X(ACT_NEXT_PANE,	"next-pane",		"jump between fields and list") \
	X(ACT_FILTER,		"filter",		"countries: filter the list by name") \
	X(ACT_SEARCH,		"search",		"search people and authorities") \
	X(ACT_COUNTRIES,	"countries",		"show the countries") \
	X(ACT_NEWSLETTERS,	"newsletters",		"show the newsletters") \
	X(ACT_STARRED,		"starred",		"show starred contacts and authorities") \
	X(ACT_STAR,		"star",			"star or unstar the selection") \
	X(ACT_COPY,		"copy",			"copy the focused value (e-mail) to the clipboard") \
	X(ACT_VCARD,		"vcard",		"save the contact or authority as a vCard file") \
	X(ACT_SYNC,		"sync",			"sync from the feed in the background") \
	X(ACT_MESSAGES,		"messages",		"show every message of this session, in full") \
	X(ACT_NEXT_UNREAD,	"next-unread",		"newsletters: open the next unread issue (elsewhere: show the newsletters)") \
	X(ACT_PREV_UNREAD,	"prev-unread",		"newsletters: open the previous unread issue") \
	X(ACT_TOGGLE_READ,	"toggle-read",		"newsletters: mark the issue read or unread") \
	X(ACT_ALL_READ,		"mark-all-read",	"newsletters: mark every issue read") \
	X(ACT_FILTER_COUNTRY,	"filter-country",	"search: filter by country") \
	X(ACT_FILTER_EXPERTISE,	"filter-expertise",	"search: filter by expertise") \
	X(ACT_FILTER_LANGUAGE,	"filter-language",	"search: filter by language") \
	X(ACT_HELP,		"help",			"show this help") \
	X(ACT_REDRAW,		"redraw",		"redraw the screen") \
	X(ACT_QUIT,		"quit",			"quit (from the top screen)")

#define ACTION_ENUM(a, name, help) a,
enum action { ACTION_LIST(ACTION_ENUM) ACT_COUNT };
#undef ACTION_ENUM

/*
 * A key: a Unicode code point for a typed character, or one of globe's
 * own codes above Unicode for a function key (input.c maps curses' codes
 * to these, so nothing that names or binds keys needs curses).
 */
#define TUI_KEY_BASE	0x200000
enum {
	TUI_KEY_UP = TUI_KEY_BASE + 1,
	TUI_KEY_DOWN,
	TUI_KEY_LEFT,
	TUI_KEY_RIGHT,
	TUI_KEY_PGUP,
	TUI_KEY_PGDN,
	TUI_KEY_HOME,
	TUI_KEY_END,
	TUI_KEY_BACKSPACE,
	TUI_KEY_DELETE,
	TUI_KEY_INSERT,
	TUI_KEY_BTAB
};
#define TUI_KEY_F(n)	(TUI_KEY_BASE + 0x100 + (n))	/* F1 .. F24 */
#define TUI_KEY_FMAX	24
#define TUI_KEY_OTHER	(TUI_KEY_BASE + 0x1000)	/* + an unnamed curses code */
#define TUI_KEY_ESC	27
#define TUI_KEY_ENTER	'\n'
#define TUI_KEY_TAB	'\t'
#define TUI_KEY_CTRL(c)	((c) & 0x1f)

/* The action's name ("page-down") and help text. */
const char	*keys_action_name(enum action);
const char	*keys_action_help(enum action);
/* The action bound to key, or ACT_NONE. */
enum action	 keys_lookup(int key);
/* Restores the default bindings (tests, a second run). */
void		 keys_reset(void);
/*
 * Binds key (a name as keys_name prints it: "j", "^L", "F5", "PgDn",
 * "Enter", "Esc", "Space") to action (its name, or "none" to unbind).
 * Returns 0, or -1 with *cause (caller frees) naming what is wrong.
 */
int		 tui_keys_bind(const char *key, const char *action, char **cause);
/*
 * Applies one "KEY ACTION" line (a `bind = KEY ACTION` config line's
 * value); the config loader checked it already with tui_keys_check.
 */
int		 keys_bind_line(const char *line, char **cause);
/* The keys bound to action as "j, Down" into out (caller frees). */
char		*keys_for_action(enum action);

/* ---- input.c: every key passes through one function ------------------ */

enum input_kind {
	INPUT_KEY,		/* key is set */
	INPUT_RESIZE,
	INPUT_MOUSE,		/* mouse_y, mouse_button */
	INPUT_NONE		/* nothing (yet) */
};
#define INPUT_MOUSE_CLICK	1
#define INPUT_MOUSE_DOUBLE	2
#define INPUT_MOUSE_WHEEL_UP	3
#define INPUT_MOUSE_WHEEL_DOWN	4

struct input_event {
	enum input_kind	 kind;
	int		 key;
	enum action	 action;	/* from the key table */
	int		 mouse_y;
	int		 mouse_x;
	int		 mouse_button;
};

/* Reads one event without blocking (INPUT_NONE when nothing is there). */
void		 input_read(struct input_event *);
/* input-keys.c: key names and kinds, without curses. */
/* A key's name ("j", "^L", "F5", "PgDn"); caller frees. */
char		*input_key_name(int key);
/* Parses a key name; -1 when unknown. */
int		 input_key_parse(const char *name);
/* 1 if the key is a printable character (text for a prompt or filter). */
int		 input_key_printable(int key);
/* 1 if the key deletes backwards (Backspace, ^H, DEL). */
int		 input_key_is_backspace(int key);

/* ---- display.c -------------------------------------------------------- */

enum style {
	STYLE_NORMAL,
	STYLE_TITLE,		/* the top line */
	STYLE_STATUS,		/* the status line */
	STYLE_HEADER,		/* column titles, section headers */
	STYLE_LABEL,		/* field labels */
	STYLE_SELECTED,		/* the cursor line */
	STYLE_MATCH,		/* matched parts of a search result */
	STYLE_BOLD,		/* unread newsletters */
	STYLE_WARN,		/* stale, errors */
	STYLE_COUNT
};

#define DISPLAY_MIN_COLS	30
#define DISPLAY_MIN_ROWS	8

/*
 * Sets up curses on the terminal, in the locale main set (charset.c says
 * whether text is UTF-8 or ASCII): colours (none under NO_COLOR or
 * no_color), keypad, and mouse clicks and the wheel unless no_mouse (then
 * the terminal's own selection works). Returns 0, or -1 when there is no
 * usable terminal (TERM unset, dumb or unknown to terminfo).
 */
int		 display_init(int no_color, int no_mouse);
/* 1 if terminfo describes the terminal term (display-term.c). */
int		 display_term_known(const char *term);
void		 display_end(void);
/* The screen size after a resize (KEY_RESIZE already handled by curses). */
void		 display_size(int *rows, int *cols);
/* Resizes curses to the terminal's size if it changed; 1 if it did. */
int		 display_check_size(void);
void		 display_clear(void);
/* Draws text (already sanitized) at y,x in exactly width columns. */
void		 display_text(int y, int x, int width, const char *text,
		    enum style);
/* Same, with bytes whose mask is non-zero drawn in STYLE_MATCH. */
void		 display_text_mask(int y, int x, int width, const char *text,
		    const unsigned char *mask, enum style);
/* Puts the cursor at y,x and shows it (prompts), or hides it (x < 0). */
void		 display_cursor(int y, int x);
void		 display_refresh(void);
/* The next refresh repaints the whole terminal (^L). */
void		 display_redraw(void);
/* Writes raw bytes to the terminal after the screen is up to date (OSC 52). */
void		 display_raw(const char *bytes, size_t len);

/* Plain layout helpers (no curses; unit-testable). */
struct layout_col {
	const char	*title;
	int		 width;		/* preferred width; 0 = takes the rest */
	int		 min;		/* a flexible column's smallest width */
	int		 priority;	/* dropped first when higher */
	int		 right;		/* right-aligned */
};
/*
 * Decides each column's width for a row of width columns, with two
 * spaces between columns: columns are dropped by priority until the rest
 * fits; the flexible column takes what remains. widths[i] is -1 for a
 * dropped column.
 */
void		 layout_widths(const struct layout_col *, size_t n, int width,
		    int *widths);
/* Lays texts out in those widths; the result is exactly width columns. Caller frees. */
char		*layout_row(const struct layout_col *, size_t n,
		    const char *const *texts, int width);
/* The column titles laid out the same way. Caller frees. */
char		*layout_titles(const struct layout_col *, size_t n, int width);
/*
 * Marks in mask (one byte per byte of text, zeroed first) the parts of
 * text that match a word of query once both are folded for search
 * (accents, case): "jose" marks "José" including its combining mark.
 */
void		 layout_match_mask(const char *text, const char *query,
		    unsigned char *mask);
/*
 * Wraps text (sanitized, newlines kept) to width display columns; a blank
 * line between paragraphs stays. Appends lines (caller frees each and the
 * array) to *lines, *n.
 */
void		 layout_wrap(const char *text, int width, char ***lines,
		    size_t *n);
/* 1234567 as "1,234,567" into out (32 bytes). */
void		 layout_count(uint64_t, char *out);
/* Joins a list field with ", " (sanitized); "" when empty. Caller frees. */
char		*layout_list(char *const *list, size_t n);
/*
 * Office hours such as "Mon-Fri 09:00-17:00" or "Mon-Thu 08:00-16:00,
 * Fri 08:00-12:00": 1 if weekday wday (0 = Sunday) at minute (0-1439) is
 * within them, 0 if not, -1 if the text is not understood.
 */
int		 layout_hours_within(const char *hours, int wday, int minute);
/*
 * The local time now in the time zone tz ("America/Sao_Paulo") and
 * whether it is within hours: "14:05 local, within office hours". Into
 * out (96 bytes); -1 when tz is not a file under /usr/share/zoneinfo.
 * It sets and restores TZ in the environment: not while another thread
 * may read the environment (the contact view waits for a sync to end).
 */
int		 layout_local_time(const char *tz, const char *hours, time_t now,
		    char *out, size_t outlen);
/* Days since a "YYYY-MM-DD" date at now, or -1 when malformed. */
long		 layout_days_since(const char *date, time_t now);
/*
 * The one stale rule: how many days a verified date is old when that is
 * more than stale_days, else 0 (fresh, or no date understood).
 */
long		 layout_stale_days(const char *date, int stale_days,
		    time_t now);
/*
 * How long ago then was at now: "just now", "5 min ago", "2 h ago",
 * "3 days ago" (brief: "now", "5m ago", "2h ago", "3d ago"), into out.
 */
void		 layout_ago(int64_t then, time_t now, int brief, char *out,
		    size_t outlen);
/*
 * A file name made from name whatever it holds: ASCII letters, digits,
 * '-', '_' and '.' (not first) are kept, every other character (one per
 * code point, invalid bytes one each) becomes '_'; at most max bytes of
 * name, then ext (".vcf"). "record" + ext when nothing is left. Caller frees.
 */
char		*layout_safe_filename(const char *name, const char *ext,
		    size_t max);

/*
 * A line of parts that must fit a width: each part has up to
 * LAYOUT_FORMS_MAX forms, longest first; a NULL form ends the list and an
 * empty one drops the part. steps says, in order, which part gives way
 * next (one form shorter each time): the explicit priority order.
 */
#define LAYOUT_FORMS_MAX	4
#define LAYOUT_PARTS_MAX	8
struct layout_part {
	const char	*forms[LAYOUT_FORMS_MAX];	/* borrowed */
};
/* The parts joined by sep, shortened step by step until width fits. Caller frees. */
char		*layout_fit_parts(const struct layout_part *, size_t n,
		    const size_t *steps, size_t nsteps, const char *sep,
		    int width);

/* ---- views ------------------------------------------------------------ */

#define ROW_MAXCOLS	6
#define ROW_FIELD	0x01	/* a "label: value" line of a detail view */
#define ROW_HEADER	0x02	/* a section title */
#define ROW_BOLD	0x04	/* unread */
#define ROW_STARRED	0x08
#define ROW_WARN	0x10	/* stale */
#define ROW_TEXT	0x20	/* plain text line (help, reader) */

/* One line of a view: owned strings, already sanitized for the terminal. */
struct row {
	char		*id;		/* record key to open, or NULL */
	int		 type;		/* enum record_type, or -1 */
	char		*col[ROW_MAXCOLS];
	char		*copy;		/* what `y` copies, or NULL */
	int		 ident;		/* copy is an address or id: SANITIZE_IDENT */
	const char	*copy_what;	/* field rows: Enter copies, says "e-mail" (static) */
	char		*link;		/* field rows: Enter opens this record ... */
	int		 link_type;	/* ... of this enum record_type */
	char		*country;	/* the row's country code (search filter) */
	int		 flags;
};
void		 row_clear(struct row *);

struct rows {
	struct row	*v;
	size_t		 n;
	size_t		 cap;
};
struct row	*rows_add(struct rows *);
/* Sets the row's first cell to the sanitized name, starred with "★ ". */
void		 row_name_cell(struct row *, const char *name, int starred);
void		 rows_free(struct rows *);

struct app;
struct view;

struct view_ops {
	const char	*name;
	/* Loads or reloads what the view shows: head lines and the list count. */
	void		 (*load)(struct view *);
	/* Appends rows [off, off+limit) of the windowed list to out. */
	void		 (*fetch)(struct view *, size_t off, size_t limit,
			    struct rows *out);
	/* Lines drawn above the list (filter, query, column titles); returns how many. */
	int		 (*draw_header)(struct view *, int y, int width);
	/* Draws one list row (NULL: the default by view->cols). */
	void		 (*draw_row)(struct view *, const struct row *, int y,
			    int width, int selected);
	/* Enter on a row: opens the next view (or does nothing). */
	void		 (*open_row)(struct view *, const struct row *);
	/* A key the view handles itself; return 1 if handled. */
	int		 (*key)(struct view *, const struct input_event *);
	/* Text for the status line hint (may be NULL). */
	const char	*(*hint)(struct view *);
	/*
	 * Loads the whole list (End, G): for a list that loads more as
	 * you scroll, so v->total becomes its real length. NULL: total is
	 * always the real length.
	 */
	void		 (*load_all)(struct view *);
	/* Another view is opened over this one (NULL: nothing to do). */
	void		 (*leave)(struct view *);
	/*
	 * Work left for when no key is waiting (view->idle_pending set):
	 * done between keystrokes, never before a keystroke's own result
	 * is drawn. Returns 1 if the screen changed.
	 */
	int		 (*idle)(struct view *);
	/* Frees view->data. */
	void		 (*close)(struct view *);
	const struct layout_col *cols;
	size_t		 ncols;
	int		 scroll_only;	/* no cursor: keys scroll (reader, help) */
	int		 wraps;		/* lines depend on the width: reload on resize */
};

struct view {
	const struct view_ops	*ops;
	struct app		*app;	/* borrowed */
	char			*title;	/* breadcrumb part, sanitized */
	char			*arg;	/* id or code the view shows */
	int			 type;	/* enum record_type of arg, or -1 */
	struct rows		 head;	/* static lines above the list */
	size_t			 total;	/* rows in the windowed list */
	int			 total_more;	/* its last row stands for more, loaded on the way */
	size_t			 count;		/* the list's length as counted, or 0: total */
	int			 count_more;	/* count is a lower bound (a cap was reached) */
	int			 idle_pending;	/* ops->idle has work to do */
	struct rows		 win;	/* the window [woff, woff + win.n) */
	size_t			 woff;
	int			 win_valid;
	size_t			 sel;	/* over head + list */
	size_t			 top;
	int			 list_height;
	int			 loaded_cols;	/* the width the head lines were made for */
	void			*data;	/* the view's own */
};

/*
 * view-newsletters.c: the id of the unread issue next to from (dir 1)
 * or before it (-1) in the order of list (a newsletters view, its filter
 * too; may be NULL), from itself counting when inclusive. Caller frees;
 * NULL, with a message said, when there is none.
 */
char		*news_find_unread(struct app *, struct view *list,
		    const char *from, int inclusive, int dir);
/* Opens the reader on id over list (may be NULL), selecting it there. */
void		 news_open(struct app *, struct view *list, const char *id);

/* Shared row builders (view-country.c, view-authority.c). */
extern const struct layout_col view_authority_cols[], view_contact_cols[];
extern const size_t view_authority_ncols, view_contact_ncols;
void		 view_authority_row(struct rows *, const struct record *,
		    const struct cache_extra *);
void		 view_contact_row(struct rows *, const struct record *,
		    const struct cache_extra *);
/* What the row callbacks get: the app (for the stale age) and the rows to append to. */
struct view_rows {
	struct app	*app;	/* borrowed */
	struct rows	*out;	/* borrowed */
};
/* cache_row_cb versions that append to vr->out, stale rows marked. */
int		 view_authority_row_cb(const struct record *,
		    const struct cache_extra *, void *);
int		 view_contact_row_cb(const struct record *,
		    const struct cache_extra *, void *);
/* "central authority for mutual legal assistance" for "mla-central", or NULL. */
const char	*view_designation_label(const char *code);
/* " (stale: 412 days)" when date is older than the app's stale age, else "". Caller frees. */
char		*view_verified_text(struct app *, const char *date, int *stale);
/*
 * Marks a list row stale when date is past the configured age: "! "
 * before its name cell col (seen without colour too) and ROW_WARN.
 */
void		 view_row_stale(struct app *, struct row *, int col,
		    const char *date);
/* The designations as labels ("central authority for …; …"). Caller frees, NULL if none. */
char		*view_designations_text(const struct record_value *);

extern const struct view_ops view_countries_ops, view_country_ops,
	    view_authority_ops, view_contact_ops, view_search_ops,
	    view_newsletters_ops, view_reader_ops, view_starred_ops,
	    view_help_ops, view_welcome_ops, view_messages_ops;

/* ---- app.c ------------------------------------------------------------ */

struct sync_bg;

#define APP_MAX_DEPTH	16

/* One message of the session, for the messages screen (M). */
struct app_msg {
	time_t		 when;
	int		 warn;
	char		*text;		/* sanitized, in full */
};

struct app {
	struct cache			*cache;		/* borrowed */
	const struct tui_app_options	*opts;		/* borrowed */
	struct view			*stack[APP_MAX_DEPTH];
	size_t				 depth;
	int				 rows;
	int				 cols;
	int				 quit;
	int				 too_small;
	int				 stale_days;
	struct cache_state		 state;
	struct cache_counts		 counts;
	char				*message;	/* one-time note in the status line */
	char				*message_brief;	/* its shorter form, or NULL */
	int				 message_warn;
	struct app_msg			*log;		/* every message of the session */
	size_t				 nlog;
	size_t				 caplog;
	char				*ago_drawn;	/* "synced 5 min ago" as last drawn */
	char				*sync_text;	/* "offline", "syncing 45% …", "synced +3 ~1 -0" */
	struct sync_bg			*sync;
	int64_t				 data_version;	/* cache_data_version when last reloaded */
	/* A one-line prompt on the status line (vCard path, search filters). */
	int				 prompting;
	int				 confirming;	/* a y/n question: one key answers */
	void				 (*confirm_done)(struct app *, int, void *);
	char				*prompt_label;
	struct buf			 prompt_text;
	void				 (*prompt_done)(struct app *, const char *, void *);
	void				*prompt_arg;
	struct prompt_choices		*choices;	/* the answer is one of these, or NULL */
	int				 cursor_y;
	int				 cursor_x;
};

/* Pushes a new view showing arg (copied), loads it and makes it current. */
struct view	*app_push(struct app *, const struct view_ops *, const char *arg,
		    const char *title);
/* Closes the current view; at the top does nothing (returns 0). */
int		 app_pop(struct app *);
/*
 * Shows a top-level screen (countries, search, newsletters, starred,
 * help): back to it when it is in the stack already, closing the views
 * above it, so the trail never holds it twice; else opens it.
 */
void		 app_goto(struct app *, const struct view_ops *, const char *title);
/* Replaces the whole stack by one top-level view. */
void		 app_switch(struct app *, const struct view_ops *);
struct view	*app_current(struct app *);
/*
 * The config file globe read (--config or the XDG path), as a person
 * writes it ("~/..."), sanitized for the screen. Caller frees.
 */
char		*app_config_path(struct app *);
/* Sets the one-time status message (printf-style). */
void		 app_message(struct app *, int warn, const char *, ...)
		    GLOBE_PRINTF(3, 4);
/*
 * The same with a shorter form for a narrow status line (brief may be
 * NULL); the full text is kept for the messages screen either way.
 */
void		 app_message_brief(struct app *, int warn, const char *text,
		    const char *brief);
/*
 * Asks a yes/no question on the status line: y answers yes, any other
 * key no (the default). question is sanitized here.
 */
void		 app_confirm(struct app *, const char *question,
		    void (*done)(struct app *, int yes, void *), void *arg);
/* Puts the row's value on the clipboard, sanitized as shown; says so. */
void		 app_copy_row(struct app *, const struct row *, int say_what);
/* Asks for a line of text on the status line; done gets NULL on Esc. */
void		 app_prompt(struct app *, const char *label, const char *initial,
		    void (*done)(struct app *, const char *, void *), void *arg);
/* Reloads every view in place (after a sync), keeping selections by id. */
void		 app_reload(struct app *);
/* Re-reads the sync state and counts for the status line. */
void		 app_refresh_status(struct app *);

/* The row at index i of the view (head then list); NULL past the end. */
struct row	*view_row(struct view *, size_t i);
size_t		 view_nrows(const struct view *);
/*
 * "12/398": the cursor's place among the view's entries and their count
 * (the title line shows it for every list); NULL when the view is no
 * list. Caller frees.
 */
char		*view_position_text(struct view *);
/* Drops the window so rows are fetched again. */
void		 view_invalidate(struct view *);
/* Moves the selection to the row with this id when it is near; else keeps the index. */
void		 view_select_id(struct view *, const char *id, size_t hint);
/* The width of the labels of "label value" lines on a screen this wide. */
int		 view_label_width(int cols);
/*
 * Common row helpers for the views (values wrap to the screen width).
 * view_add_field returns the index of its first row (head.n if the
 * value was empty, nothing added).
 */
size_t		 view_add_field(struct view *, const char *label,
		    const char *value, const char *copy);
/*
 * The same for an e-mail, phone, web address or id: SANITIZE_IDENT, so
 * even a zero-width joiner in it is shown.
 */
size_t		 view_add_ident(struct view *, const char *label,
		    const char *value, const char *copy);
/* Enter on the field's rows from first on copies them, saying "copied what". */
void		 view_field_copies(struct view *, size_t first, const char *what);
/* Enter on the field's rows from first on opens the record id of type. */
void		 view_field_link(struct view *, size_t first, const char *id,
		    int type);
void		 view_add_header(struct view *, const char *text);
void		 view_add_text(struct view *, const char *text, int flags);
/* A paragraph wrapped to the screen width (views with .wraps). */
void		 view_add_para(struct view *, const char *text, int flags);
/* Draws the column titles of ops->cols at y; returns the lines used (0 or 1). */
int		 view_draw_titles(struct view *, int y, int width);
/* Stars or unstars the row's record, says so. */
void		 view_toggle_star(struct view *, struct row *);
/* Asks for a path and writes the record as a vCard. */
void		 view_vcard(struct view *, const char *id, int type);

/* ---- prompt-choice.c: a prompt whose answer is one of known values -- */

struct prompt_choices;

/* An empty set; what ("country") names a value in messages. */
struct prompt_choices *prompt_choices_new(const char *what);
/* Adds a value (what done gets) and its name (may be NULL), matched folded. */
void		 prompt_choices_add(struct prompt_choices *, const char *value,
		    const char *label);
void		 prompt_choices_free(struct prompt_choices *);
/*
 * Like app_prompt, but the answer must be one of pc's values (which the
 * prompt now owns), given by value or name: proposed is replaced by the
 * first character typed, Tab completes, Enter refuses an unknown value
 * with a message and done gets the value ("" for an empty answer).
 */
void		 app_prompt_choose(struct app *, const char *label,
		    const char *proposed, struct prompt_choices *pc,
		    void (*done)(struct app *, const char *, void *), void *arg);
/* The prompt's key first goes here; 1 if it was used up. */
int		 prompt_choices_key(struct app *, const struct input_event *);
/*
 * What the status line shows after the text: the matching values, or
 * why Enter was refused (*warn set). NULL without choices. Caller frees.
 */
char		*prompt_choices_hint(struct app *, int *warn);

/* ---- sync-bg.c: `s` runs net_sync in a thread with its own connection - */

/*
 * Starts a sync in a thread with its own cache connection. Returns NULL
 * with *cause when it cannot start. The read end of its pipe is
 * sync_bg_fd; when it is readable call sync_bg_poll.
 */
struct sync_bg	*sync_bg_start(const char *db_path, const struct net_options *,
		    char **cause);
int		 sync_bg_fd(const struct sync_bg *);
/*
 * Drains the pipe. Fills text with the progress ("syncing 45% (objects
 * 2/3)") and returns 0 while running; when the sync is over, returns 1
 * with the final text (per type as `globe sync` says it: "synced:
 * contacts +1 ~1 -1", or the error), *brief its short form ("synced +1
 * ~1 -1", or NULL) and *failed set; then call sync_bg_free.
 */
int		 sync_bg_poll(struct sync_bg *, char **text, char **brief,
		    int *failed);
/* Waits for the thread and frees (cancels nothing: the sync finishes). */
void		 sync_bg_free(struct sync_bg *);

/* ---- clipboard.c ------------------------------------------------------ */

/* The OSC 52 sequence(s) that put text on the clipboard. Caller frees. */
char		*clipboard_osc52(const char *text, int in_tmux);
/*
 * Sends text to the terminal's clipboard as the screen shows it: through
 * sanitize (one line: no controls, CR/LF, ESC or bidi controls), so a
 * hostile value cannot end a paste bracket or run in a shell.
 */
/* Copies text, sanitized in mode (what the screen shows), with OSC 52. */
void		 clipboard_copy(const char *text, enum sanitize_mode mode);

/* ---- vcard-file.c ----------------------------------------------------- */

/* Writes the contact or authority id as a vCard to path; 0 or -1 with *cause. */
int		 vcard_file_write(struct cache *, const char *id, const char *path,
		    char **cause);

#endif
