/*
 * ui.h: the curses part of tui/ (ui-*.c and view-*.c, libtui_ui.a), the
 * full-screen interface. tui_app_run is the one entry point; main hands
 * it to the command line (cli_main), which calls it for a bare `globe`
 * on a terminal, so the command line links no curses. Everything else is
 * shared between ui-app.c (the loop and the frame), ui-display.c (curses),
 * ui-input.c and ui-keys.c (one input function, one key table),
 * ui-prompt.c and ui-history.c (the lines the officer edits, on the one
 * line editor of present-edit.c, and what Up recalls in them),
 * ui-sync.c, ui-clipboard.c and one view-*.c file per screen. What a
 * record looks like comes from the presentation part (tui/present.h).
 * Nothing here includes <curses.h>: views draw through the display_*
 * helpers and styles; only ui-display*.c and ui-input.c include it.
 */
#ifndef GLOBE_TUI_UI_H
#define GLOBE_TUI_UI_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "cache/cache.h"
#include "common/common.h"
#include "net/net.h"
#include "tui/present.h"

/*
 * Runs the full-screen interface on the open cache until the user quits.
 * Returns EXIT_OK, EXIT_USAGE for a bad key binding line (after nothing
 * was drawn), or TUI_APP_NO_TERMINAL when there is no usable terminal
 * (nothing drawn; the CLI then prints the country list instead).
 */
int	 tui_app_run(struct cache *cache, const struct tui_app_options *opts);

/* ---- ui-keys.c: the one key table ----------------------------------- */


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
/*
 * What key means on a record's own screen (contact, authority, route)
 * before the table above: ACT_NOTE for n, ACT_FLAG for f, unless the
 * config bound that key; ACT_NONE for every other key.
 */
enum action	 keys_record_lookup(int key);
/* The keys that mean action on a record's screen ("n"; caller frees). */
char		*keys_for_record_action(enum action);

/* ---- ui-input.c: every key passes through one function ------------------ */

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

/* ---- ui-display.c ------------------------------------------------------ */

/* What is drawn: the elements a colour line or a theme colours (present.h). */
enum style {
	STYLE_NORMAL = THEME_NORMAL,
	STYLE_TITLE = THEME_TITLE,		/* the top line */
	STYLE_STATUS = THEME_STATUS,		/* the status line */
	STYLE_HEADER = THEME_HEADER,		/* column titles, section headers */
	STYLE_LABEL = THEME_LABEL,		/* field labels */
	STYLE_SELECTED = THEME_SELECTED,	/* the cursor line */
	STYLE_MATCH = THEME_MATCH,		/* matched parts of a search result */
	STYLE_BOLD = THEME_UNREAD,		/* unread newsletters */
	STYLE_WARN = THEME_WARN,		/* stale, errors */
	STYLE_DIM = THEME_DIMMED,		/* what cannot be had (a measure not possible) */
	STYLE_COUNT = THEME_COUNT
};

#define DISPLAY_MIN_COLS	30
#define DISPLAY_MIN_ROWS	8

/*
 * Sets up curses on the terminal, in the locale main set (charset.c says
 * whether text is UTF-8 or ASCII): the theme and colour lines (no colour
 * under NO_COLOR or no_color, or on a terminal without: attributes
 * then), keypad, and mouse clicks and the wheel unless no_mouse (then
 * the terminal's own selection works). Unless bidi is off, right-to-left
 * text goes out in visual order and the terminal is told not to reorder
 * it (BDSM explicit mode), until display_end, ^Z, or a SIGINT or SIGTERM
 * that ncurses cleans up after. Returns 0, or -1 when there is no usable
 * terminal (TERM unset, dumb or unknown to terminfo).
 */
int		 display_init(const struct tui_app_options *);
/* 1 if terminfo describes the terminal term (display-term.c). */
int		 display_term_known(const char *term);
void		 display_end(void);
/*
 * ^Z, or a SIGTSTP from elsewhere (display_stop_pending): gives the
 * terminal back as it was (bidi's implicit mode too), stops globe's
 * process group as the terminal would, and takes it over again when
 * continued. The next refresh repaints everything.
 */
void		 display_suspend(void);
/*
 * 1 once after a SIGTSTP came from elsewhere (then call
 * display_suspend), or after a SIGCONT (the terminal may have been used
 * meanwhile: display_resume).
 */
int		 display_stop_pending(void);
int		 display_cont_pending(void);
/* Tells the terminal its modes again (bidi) and repaints at the next refresh. */
void		 display_resume(void);
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
/*
 * Draws one line of text (sanitized) at y,x in width columns as
 * present-bidi.c lays it out: in visual order while bidi_visual(), a
 * right-to-left paragraph at the right; bflags are BIDI_* (0: the text's
 * own direction, at its start). mask as for display_text_mask.
 */
void		 display_line(int y, int x, int width, const char *text,
		    int bflags, enum style);
void		 display_line_mask(int y, int x, int width, const char *text,
		    const unsigned char *mask, int bflags, enum style);
/*
 * Draws a piece of a line of the interface's own words (a label, a hint,
 * a prompt) that spans columns 0 to linew of line y: from columns from
 * the line's start, in width columns. Laid out right to left
 * (bidi_layout_rtl) the start is the right, and the text is in visual
 * order, a right-to-left paragraph at the right of its width; otherwise
 * exactly display_text at column from.
 */
void		 display_ui_text(int y, int from, int width, int linew,
		    const char *text, enum style);
/* Puts the cursor at y,x and shows it (prompts), or hides it (x < 0). */
void		 display_cursor(int y, int x);
void		 display_refresh(void);
/* The next refresh repaints the whole terminal (^L). */
void		 display_redraw(void);
/* Writes raw bytes to the terminal after the screen is up to date (OSC 52). */
void		 display_raw(const char *bytes, size_t len);

/* ---- views ------------------------------------------------------------ */

#define ROW_MAXCOLS	PRESENT_MAXCOLS
#define ROW_FIELD	0x01	/* a "label: value" line of a detail view */
#define ROW_HEADER	0x02	/* a section title */
#define ROW_BOLD	0x04	/* unread */
#define ROW_STARRED	0x08
#define ROW_WARN	0x10	/* stale */
#define ROW_TEXT	0x20	/* plain text line (help, reader) */
#define ROW_RTL		0x40	/* a line of a right-to-left paragraph */
#define ROW_IDENT	0x80	/* a field's address, phone or id: left to right */
#define ROW_DIM		0x100	/* drawn dim: not possible there */
#define ROW_CHANGED	0x200	/* a field a sync changed this session */
#define ROW_COLS	0x400	/* a text line after a lead of its own (view_add_cols) */

/* One line of a view: owned strings, already sanitized for the terminal. */
struct row {
	char		*id;		/* record key to open, or NULL */
	int		 type;		/* enum record_type, or -1 */
	char		*name;		/* the record's name (sanitized): the next view's title */
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
	/*
	 * Loads or reloads what the view shows: head lines and the list
	 * count. A cache error is returned, never shown as an empty list:
	 * the frame says it (view_load).
	 */
	enum cache_status (*load)(struct view *);
	/* Appends rows [off, off+limit) of the windowed list to out. */
	enum cache_status (*fetch)(struct view *, size_t off, size_t limit,
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
	int		 list;		/* VIEW_LIST(enum present_list), 0: no columns */
	int		 list_opts;	/* PLIST_IN_AUTHORITY … */
	int		 scroll_only;	/* no cursor: keys scroll (reader, help) */
	int		 wraps;		/* lines depend on the width: reload on resize */
};

/* A view's list columns, as ops->list says (0: none). */
#define VIEW_LIST(l)	((l) + 1)

struct view {
	const struct view_ops	*ops;
	struct app		*app;	/* borrowed */
	struct present_grid	 grid;	/* the list's columns, widened as rows come */
	int			 label_width;	/* of its field lines */
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

/* What a row callback gets: the view (its grid, the app) and the rows to append to. */
struct view_rows {
	struct view	*view;	/* borrowed */
	struct rows	*out;	/* borrowed */
};
/*
 * Appends the row of a record to out, its cells laid out by the view's
 * grid (present_grid_cells: labels, marks), flagged stale, starred or
 * unread as the presentation part says; an authority or contact row
 * copies its e-mail. Returns the row.
 */
struct row	*view_item_row(struct view *, struct rows *out,
		    const struct record *, const struct cache_extra *);
/* A cache_row_cb for view_item_row; arg is a struct view_rows. */
int		 view_item_row_cb(const struct record *,
		    const struct cache_extra *, void *);
/*
 * Adds a record's fields (present_record_fields) as "label value" lines,
 * wrapped to the screen: Enter copies or opens as each field says, and
 * the focused field (the e-mail) is selected. auth: a contact's authority
 * or NULL.
 */
void		 view_add_record(struct view *, const struct out_item *,
		    const struct out_item *auth);
/*
 * The same for fields made elsewhere (a route's card): each line's row
 * also names the record id of type (contact or authority; NULL: none),
 * what `v` saves and `*` stars there. Returns the index of the first
 * focused line, or (size_t)-1.
 */
size_t		 view_add_fields(struct view *, const struct present_fields *,
		    const char *id, int type);

extern const struct view_ops view_countries_ops, view_country_ops,
	    view_authority_ops, view_contact_ops, view_search_ops,
	    view_newsletters_ops, view_reader_ops, view_starred_ops,
	    view_help_ops, view_welcome_ops, view_messages_ops,
	    view_changes_ops;
/*
 * Routes (w): the countries with their routes (view-countries.c), a
 * country's measures (view-route.c), the questions and the cards of a
 * measure's routes (view-route-card.c), and a country or measure without
 * routes: its authorities and their designations (view-country.c).
 */
extern const struct view_ops view_route_countries_ops,
	    view_route_measures_ops, view_route_card_ops, view_route_none_ops;
/*
 * The argument of the route screens: a country and a measure
 * ("BR" ROUTE_ARG_SEP "asset-tracing"), or one route by id
 * (ROUTE_ARG_ONE "r-br-1").
 */
#define ROUTE_ARG_SEP	"\x1f"
#define ROUTE_ARG_ONE	"\x1e"
/* Opens the routes of measure in country (or says there are none). */
void		 route_open_measure(struct app *, const char *country,
		    const char *measure);

/* ---- ui-fresh.c: the officer's notes and flags on the screens --------- */

/*
 * Asks for the officer's note (view_note) or a flag (view_flag) on the
 * row's record when it is a contact, authority or route, else on the
 * screen's own record; says why not when neither is one.
 */
void		 view_note(struct view *, struct row *);
void		 view_flag(struct view *, struct row *);
/*
 * A record screen's key function: n and f (keys_record_lookup) for the
 * note and the flag; 1 if it took the key.
 */
int		 view_record_key(struct view *, const struct input_event *);
/*
 * view_add_record with what the officer keeps about it: its flags and
 * the fields syncs changed since the interface started (it is lent
 * those for the call).
 */
void		 view_add_record_own(struct view *, struct out_item *,
		    const struct out_item *auth);

/* ---- ui-app.c ---------------------------------------------------------- */

struct sync_bg;

#define APP_MAX_DEPTH	16

/*
 * What Up and Down recall in a line (ui-history.c), each its own list:
 * the search's queries (kept across sessions in the history file), and
 * the answers of each status-line prompt (kept for the session).
 */
enum app_history {
	APP_HISTORY_NONE = -1,
	APP_HISTORY_SEARCH,
	APP_HISTORY_COUNTRY,		/* F2, F3, F4: in this order */
	APP_HISTORY_EXPERTISE,
	APP_HISTORY_LANGUAGE,
	APP_HISTORY_FIND,		/* / in the newsletters */
	APP_HISTORY_VCARD,		/* the vCard file's path */
	APP_HISTORY_COUNT
};

/* One message of the session, for the messages screen (M). */
struct app_msg {
	time_t		 when;
	int		 warn;
	char		*text;		/* sanitized, in full */
};

struct app {
	struct cache			*cache;		/* borrowed */
	const struct tui_app_options	*opts;		/* borrowed */
	struct present_ctx		 ctx;		/* the stale age */
	struct view			*stack[APP_MAX_DEPTH];
	size_t				 depth;
	int				 rows;
	int				 cols;
	int				 quit;
	int				 too_small;
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
	char				*prompt_label;	/* sanitized */
	struct edit_line		 prompt_line;
	int				 prompt_history; /* enum app_history */
	void				 (*prompt_done)(struct app *, const char *, void *);
	void				*prompt_arg;
	struct prompt_choices		*choices;	/* the answer is one of these, or NULL */
	struct edit_history		*history[APP_HISTORY_COUNT];
	int64_t				 session_sync;	/* the change log's last
							 * sync at start: later
							 * ones changed fields
							 * shown marked */
	int				 history_failed; /* said once */
	int				 cursor_y;
	int				 cursor_x;
	char				*country_name;	/* app_country_name's last */
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
/*
 * Asks for a line of text on the status line, with the line editor and
 * Up/Down through the history named (APP_HISTORY_NONE: none); done gets
 * NULL on Esc. An answer given with Enter joins that history.
 */
void		 app_prompt(struct app *, const char *label, const char *initial,
		    enum app_history,
		    void (*done)(struct app *, const char *, void *), void *arg);
/*
 * Asks for a secret (a passphrase): what is typed is never drawn, kept
 * in no history and wiped once done has read it (done borrows it).
 */
void		 app_prompt_secret(struct app *, const char *label,
		    void (*done)(struct app *, const char *, void *), void *arg);
/* Closes an open prompt as if Esc was pressed (a confirmation: no). */
void		 app_prompt_cancel(struct app *);
/*
 * Says a cache error in the status line ("cannot read the cache: the
 * cache is locked by another globe process") and keeps it among the
 * messages. Returns st.
 */
enum cache_status app_cache_error(struct app *, enum cache_status st);
/* ---- ui-prompt.c: the status-line prompt and the fields of the views -- */

/* A key while the prompt is open: every key goes to it. */
void		 app_prompt_key(struct app *, const struct input_event *);
/* The status line while prompting: label, field, the choices' hint. */
void		 app_draw_prompt(struct app *);
/*
 * Draws a line's field at y,x, width columns, the rest of a line that
 * starts at column 0, and puts the screen's cursor where the editor
 * says. Laid out right to left, x counts from the right and the text is
 * in visual order at the field's right, the cursor on the character it
 * is before. Returns the columns its text took.
 */
int		 app_draw_field(struct app *, int y, int x, int width,
		    struct edit_line *, enum style);
/*
 * A key for a view's own line (the search's query, the countries
 * filter): as edit_line_key, except that Home and End (and whatever key
 * is bound to first or last) with nothing to do in the text are
 * EDIT_IGNORED, so pressed again they go to the list's first or last line.
 */
enum edit_result view_edit_key(struct edit_line *, const struct input_event *);

/* ---- ui-history.c ------------------------------------------------------- */

/*
 * Makes the histories, reading the search's from opts->history_path
 * when opts->history is not 0 (a file too large, or lines that are not
 * clean UTF-8 text, are ignored).
 */
void		 app_history_init(struct app *);
void		 app_history_free(struct app *);
/* The history named (borrowed), or NULL for APP_HISTORY_NONE. */
struct edit_history *app_history(struct app *, enum app_history);
/*
 * Adds text as the newest entry of the history named; the search's is
 * written to its file at once (0600, atomically) unless history = 0.
 */
void		 app_history_add(struct app *, enum app_history,
		    const char *text);

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
/*
 * A new list in the same view (another query or filter): the window goes
 * and the columns are measured afresh, as wide as the new rows.
 */
void		 view_relist(struct view *);
/* Moves the selection to the row with this id when it is near; else keeps the index. */
void		 view_select_id(struct view *, const char *id, size_t hint);
void		 view_add_header(struct view *, const char *text);
void		 view_add_text(struct view *, const char *text, int flags);
/*
 * A line of text after a lead in a column of its own (a key, a time):
 * lead is as wide as the column, its spaces included, and the line reads
 * lead then text. Laid out right to left, the lead's column is at the
 * right (its spaces mirrored) and text, in the interface's direction,
 * at the right of the rest.
 */
void		 view_add_cols(struct view *, const char *lead,
		    const char *text, int flags);
/* A paragraph wrapped to the screen width (views with .wraps). */
void		 view_add_para(struct view *, const char *text, int flags);
/* Draws the column titles of the view's list at y; returns the lines used (0 or 1). */
int		 view_draw_titles(struct view *, int y, int width);
/* Stars or unstars the row's record, says so. */
void		 view_toggle_star(struct view *, struct row *);
/* Asks for a path and writes the record as a vCard. */
void		 view_vcard(struct view *, const char *id, int type);

/* ---- ui-prompt-choice.c: a prompt whose answer is one of known values -- */

struct prompt_choices;

/* What the values are: the messages name them ("unknown country 'X'"). */
enum prompt_kind {
	PROMPT_COUNTRY,
	PROMPT_EXPERTISE,
	PROMPT_LANGUAGE
};

/* An empty set of values of that kind. */
struct prompt_choices *prompt_choices_new(enum prompt_kind);
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
		    enum app_history,
		    void (*done)(struct app *, const char *, void *), void *arg);
/* The prompt's key first goes here; 1 if it was used up. */
int		 prompt_choices_key(struct app *, const struct input_event *);
/*
 * What the status line shows after the text: the matching values, or
 * why Enter was refused (*warn set). NULL without choices. Caller frees.
 */
char		*prompt_choices_hint(struct app *, int *warn);

/* ---- ui-sync.c: `s` runs net_sync in a thread with its own connection - */

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
 * with the final text (per type: "synced serial 2: contacts +1 ~1 -1",
 * or the error), *brief its short form ("synced +1 ~1 -1", or NULL),
 * *failed set, and *logged set when the sync logged what it changed
 * (the changes screen has something new); then call sync_bg_free. The
 * words are present-sync.c's.
 */
int		 sync_bg_poll(struct sync_bg *, char **text, char **brief,
		    int *failed, int *logged);
/*
 * When the sync waits for the device key's passphrase: the attempt it is
 * asking for (1, or more after a wrong one), else 0. Answer with
 * sync_bg_passphrase (NULL: none, the sync fails saying so); the text is
 * copied into locked memory and wiped after use.
 */
int		 sync_bg_wants_passphrase(struct sync_bg *);
void		 sync_bg_passphrase(struct sync_bg *, const char *text);
/*
 * Waits for the thread and frees (cancels nothing: the sync finishes,
 * one waiting for a passphrase without it).
 */
void		 sync_bg_free(struct sync_bg *);

/* ---- ui-clipboard.c ---------------------------------------------------- */

/* The OSC 52 sequence(s) that put text on the clipboard. Caller frees. */
char		*clipboard_osc52(const char *text, int in_tmux);
/*
 * Sends text to the terminal's clipboard as the screen shows it: through
 * sanitize (one line: no controls, CR/LF, ESC or bidi controls), so a
 * hostile value cannot end a paste bracket or run in a shell.
 */
/* Copies text, sanitized in mode (what the screen shows), with OSC 52. */
void		 clipboard_copy(const char *text, enum sanitize_mode mode);

/* ---- ui-vcard-file.c --------------------------------------------------- */

/* Writes the contact or authority id as a vCard to path; 0 or -1 with *cause. */
int		 vcard_file_write(struct cache *, const char *id, const char *path,
		    char **cause);

#endif
