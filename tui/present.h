/*
 * present.h: the presentation part of tui/ (present-*.c), what a record
 * and the program's state look like to a person, decided once for both
 * front ends: the command line (cmd-*.c, tui/cmd.h) and the curses
 * interface (ui-*.c and view-*.c, tui/ui.h). It knows neither stdout nor
 * curses: it fills buffers and strings, and its own link (libtui_present.a
 * with libcommon.a only, tests/unit/test-layout) proves it.
 */
#ifndef GLOBE_TUI_PRESENT_H
#define GLOBE_TUI_PRESENT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "cache/cache.h"
#include "common/common.h"

/* ---- what the command line hands the full screen ------------------------ */

struct net_options;

/*
 * What the command line passes to the full-screen interface (the
 * contract between tui/cmd.h and tui/ui.h). Everything is borrowed.
 */
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

/* The full-screen interface as the command line calls it (tui_app_run). */
typedef int	(*tui_full_screen_fn)(struct cache *,
		    const struct tui_app_options *);

/* ---- present-item.c: one record as every format reads it --------------- */

/* One row to print: a copy of a record and what the cache said about it. */
struct out_item {
	struct record	 rec;
	char		*country;		/* a contact's country code (search) */
	char		*country_name;
	char		*authority_name;
	char		*authority_acronym;
	char		*detail;		/* search: the hit's detail line */
	unsigned	 authorities;
	unsigned	 contacts;
	int		 starred;
	int		 read;
};

struct out_list {
	struct out_item	*v;
	size_t		 n;
	size_t		 cap;
	int		 types;		/* OUT_TMASK bits: what it lists, for
					   the CSV header of an empty list */
};
#define OUT_TMASK(t)	(1 << (t))

void	 out_list_init(struct out_list *);
void	 out_list_free(struct out_list *);
/* Appends a copy of rec and extra (extra may be NULL); returns the item. */
struct out_item *out_list_add(struct out_list *, const struct record *,
	    const struct cache_extra *);
/* A cache_row_cb that appends to the struct out_list given as argument. */
int	 out_list_add_cb(const struct record *, const struct cache_extra *,
	    void *);

enum out_vkind {
	OUTV_NONE,
	OUTV_STRING,
	OUTV_LIST,
	OUTV_NUMBER,
	OUTV_BOOL
};
struct out_value {
	enum out_vkind	  kind;
	const char	 *s;		/* borrowed */
	char *const	 *list;		/* borrowed */
	size_t		  n;
	unsigned long	  num;		/* NUMBER, BOOL */
	int		  multiline;	/* RF_MULTILINE field */
	int		  ident;	/* RF_IDENT field: SANITIZE_IDENT */
};
/*
 * The value named name of an item: "type", a field of its record type,
 * or one of the extras (country_name, authority_name, authorities, …).
 */
void	 out_item_get(const struct out_item *, const char *name,
	    struct out_value *);
/*
 * The JSON keys and CSV columns of a list: "type", the fields of every
 * record type present (table order), then the extras some item has. An
 * empty list has the fields and extras of the types in l->types, so
 * a CSV with no rows still has its header line. Returns an array the
 * caller frees (the names are static).
 */
const char **out_columns(const struct out_list *, size_t *n);

/* A column of a human table. */
struct out_column {
	const char	*name;		/* value name, see out_item_get */
	const char	*header;	/* NULL: the name in upper case */
	int		 max;		/* widest it may grow, 0 = no cap */
	int		 flags;
	const char	*yes;		/* BOOL shown as yes/no */
	const char	*no;
};
#define OUT_RIGHT	0x1

/* The sanitized one-line text of a value for a human table. Caller frees. */
char	*out_cell_text(const struct out_item *, const char *name,
	    const struct out_column *);

/* ---- present-vcard.c ---------------------------------------------------- */

/* Escapes \ , ; and newlines of a vCard value (after sanitizing). */
void	 out_vcard_escape(struct buf *, const char *s);
/* Appends one content line folded at 75 octets (never inside a character), CRLF. */
void	 out_vcard_line(struct buf *, const char *line);
/* The vCard 4.0 of a contact or an authority (nothing for other types). */
void	 out_vcard_item(struct buf *, const struct out_item *);
void	 out_vcard_list(struct buf *, const struct out_list *);

/* ---- present-keys.c: keys and actions as a person names them ------------ */

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
 * own codes above Unicode for a function key (ui-input.c maps curses' codes
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
/* A key's name ("j", "^L", "F5", "PgDn"); caller frees. */
char		*input_key_name(int key);
/* Parses a key name; -1 when unknown. */
int		 input_key_parse(const char *name);
/* 1 if the key is a printable character (text for a prompt or filter). */
int		 input_key_printable(int key);
/* 1 if the key deletes backwards (Backspace, ^H, DEL). */
int		 input_key_is_backspace(int key);

/* The config key of a key binding line. */
#define PRESENT_BIND_KEY	"bind"
/*
 * The config line that binds key to action, exactly as tui_config_load
 * reads it ("bind = KEY ACTION"): error messages and the help screen
 * show this, so they cannot drift from the parser. Caller frees.
 */
char	*tui_config_bind_line(const char *key, const char *action);
/*
 * Checks a bind line's value, "KEY ACTION", with the parser the
 * full-screen interface uses: 0, or -1 with *cause (caller frees) naming
 * the unknown key or action. Changes no binding.
 */
int	 tui_keys_check(const char *binding, char **cause);
/*
 * Splits "KEY ACTION" (a leading "bind" word is allowed) and resolves both
 * names, without touching any table: 0, or -1 with *cause.
 */
int		 present_bind_parse(const char *line, int *key,
		    enum action *, char **cause);
/* Resolves a key name and an action name; 0, or -1 with *cause. */
int		 present_bind_resolve(const char *key, const char *action,
		    int *kp, enum action *, char **cause);

/* ---- present-layout.c, present-time.c ------------------------------------ */

/*
 * Wraps text to width columns (display width): words on spaces, CJK
 * between characters, long words cut; newlines kept. Appends to buf.
 */
void	 out_wrap(struct buf *, const char *text, int width);

/* The most columns a row lays out. */
#define LAYOUT_MAXCOLS	6

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

/* ---- present-sync.c: what a sync says, for both front ends -------------- */

struct net_progress;
struct net_result;

/*
 * What a sync changed, per kind that changed: "contacts +1 ~1 -1,
 * newsletters +1 ~0 -0", or "no changes". Caller frees.
 */
char	*present_sync_changes(const struct cache_changes *);
enum present_sync_form {
	PRESENT_SYNC_FULL,	/* `globe sync`: "synced serial 2 (was 1):
				   contacts +1 ~1 -1 (4096 bytes)" */
	PRESENT_SYNC_LINE,	/* the status line: "synced serial 2: contacts
				   +1 ~1 -1" */
	PRESENT_SYNC_BRIEF	/* a narrow line: "synced +1 ~1 -1" */
};
/*
 * A sync that succeeded, in one of its forms; an unchanged one is
 * "already up to date (serial 2)" ("up to date" brief). Caller frees.
 */
char	*present_sync_done(const struct net_result *, enum present_sync_form);
/*
 * A sync while it runs: "syncing: fetching the index", "syncing 45%
 * (objects 2/3)", "syncing: applying (objects 1/3, 1000 records)".
 * Caller frees.
 */
char	*present_sync_progress(const struct net_progress *);

#endif
