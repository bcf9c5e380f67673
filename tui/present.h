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
	const char		*history_path;	/* the search history, or NULL */
	int			 history;	/* its length; 0: not kept */
	const char		*own_country;	/* country = CC: the requesting State, or NULL */
	int			 bidi;		/* enum tui_bidi */
	int			 theme;		/* enum theme_id */
	const struct theme_color *colors;	/* color = lines, in order */
	size_t			 ncolors;
};

/*
 * bidi = auto | on | off. auto and on: the full screen puts
 * right-to-left text in visual order itself and tells the terminal not
 * to reorder it again; on: the command line's human output to a terminal
 * too (a pipe always gets logical order); off: logical order everywhere,
 * nothing sent.
 */
enum tui_bidi {
	TUI_BIDI_AUTO,
	TUI_BIDI_ON,
	TUI_BIDI_OFF
};

/* tui_app_run's result besides an exit code (EXIT_OK …). */
#define TUI_APP_NO_TERMINAL	(-1)

/* The full-screen interface as the command line calls it (tui_app_run). */
typedef int	(*tui_full_screen_fn)(struct cache *,
		    const struct tui_app_options *);

/* ---- present-item.c: one record as every format reads it --------------- */

/*
 * What a route's JSON and CSV add to its record, made from it when it is
 * listed (present_route_annotate): its codes as labels, which requests it
 * applies to, and the local time now where it and its contact answer.
 */
struct out_route {
	char		**languages;		/* "English only if urgent" */
	size_t		  nlanguages;
	const char	**requirements;		/* labels (static) */
	size_t		  nrequirements;
	const char	**legal_basis;		/* labels (static) */
	size_t		  nlegal_basis;
	char		 *applies_to;		/* "urgent requests only" */
	int		  applies;		/* to the request asked: 1, 0, or
						   -1 when none was (no key) */
	char		  local_time[8];	/* "14:05" in its time zone, or "" */
	int		  answering;		/* within its hours: 1, 0, -1 unknown */
	char		  contact_local_time[8];
	int		  contact_answering;
};

/* One row to print: a copy of a record and what the cache said about it. */
struct out_item {
	struct record	 rec;
	char		*country;		/* a contact's country code */
	char		*country_name;
	char		*authority_name;
	char		*authority_acronym;
	char		*contact_name;		/* a route's contact */
	char		*contact_email;
	char		*contact_timezone;
	char		*contact_hours;
	unsigned	 authorities;
	unsigned	 contacts;
	unsigned	 routes;		/* a country's */
	int		 starred;
	int		 read;
	struct out_route *route;		/* a route's, or NULL */
	char		*note;			/* the officer's own note */
	int		 stale;			/* 1, 0, or -1 until
						   present_list_mark_stale */
	/*
	 * What a record's screen shows besides the record, set by the
	 * front end before present_record_fields (borrowed; NULL: none):
	 * its flags, and the fields syncs changed this session ("a,b").
	 */
	const struct cache_flag *flags;
	size_t		 nflags;
	const char	*changed;
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
/* Keeps the items whose keep[i] is set, in their order, and frees the others. */
void	 out_list_keep(struct out_list *, const unsigned char *keep);
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
 * The JSON keys of a record of type t, in order: "type", its fields in
 * the feed's order, then its extras (country_name, starred, …). A record
 * has these keys, in this order, in every list. Returns an array the
 * caller frees (the names are static).
 */
const char **out_type_columns(enum record_type t, size_t *n);
/*
 * The CSV columns of a list: the keys of each record type present (table
 * order), each key once. An empty list has the keys of the types in
 * l->types, so a CSV with no rows still has its header line. Returns an
 * array the caller frees (the names are static).
 */
const char **out_columns(const struct out_list *, size_t *n);

/* ---- the context a record is shown in ----------------------------------- */

/* Verified longer ago than this many days is stale (stale_days = N). */
#define PRESENT_STALE_DAYS	365

struct present_ctx {
	time_t	 now;		/* 0: time(NULL) */
	int	 stale_days;	/* 0: PRESENT_STALE_DAYS */
	/*
	 * The name of a country code (for a route's States), or NULL; the
	 * string is borrowed until the next call. NULL: codes are shown.
	 */
	const char *(*country_name)(void *arg, const char *code);
	void	*country_arg;
};
/* The stale age and the time a context stands for. */
int	 present_stale_age(const struct present_ctx *);
time_t	 present_now(const struct present_ctx *);
/* How many days old the item's verified date is when stale, else 0. */
long	 present_item_stale(const struct out_item *,
	    const struct present_ctx *);
/*
 * Sets each item's stale (1 or 0) for the records that are verified
 * (authorities, contacts, routes) by the one rule, for "stale" in the
 * data formats.
 */
void	 present_list_mark_stale(struct out_list *,
	    const struct present_ctx *);
/*
 * A verified date as a person reads it: "2020-01-15 (stale: 412 days
 * old)" past the stale age, else the date (sanitized). *stale (may be
 * NULL) says which. Caller frees.
 */
char	*present_verified_text(const char *date, const struct present_ctx *,
	    int *stale);

/* ---- present-label.c: the feed's codes in words (common/vocab.c) ------ */

/*
 * The label of a code ("central authority for mutual legal assistance"),
 * translated; an unknown code is shown as the feed wrote it (code is
 * returned). Not sanitized: the caller sanitizes, as for any feed text.
 */
const char	*present_label(enum vocab, const char *code);
/* The brief form for a list column ("MLA central authority"; languages: the code). */
const char	*present_label_brief(enum vocab, const char *code);
/*
 * The separators of lists as the language writes them: ", " between the
 * items of a list, "; " between longer items that may hold commas.
 */
const char	*present_sep_list(void);
const char	*present_sep_items(void);
/*
 * The labels (or brief forms) of n codes joined by the separator sep
 * stands for (", " or "; ", present_sep_*), sanitized. Caller frees.
 */
char		*present_labels(enum vocab, char *const *codes,
		    size_t n, int brief, const char *sep);

/* ---- present-record.c: one record, field by field ---------------------- */

#define PF_IDENT	0x01	/* an address, phone or id (SANITIZE_IDENT) */
#define PF_WARN		0x02	/* stale */
#define PF_FOCUS	0x04	/* selected first on its screen (the e-mail) */
#define PF_LINK_MEASURE	(-2)	/* link_type: a measure of the same country */
#define PF_CHANGED	0x08	/* a sync changed it this session */

/* One field of a record as a person sees it. */
struct present_field {
	const char	*key;		/* the value's name, as in JSON; static */
	const char	*label;		/* translated; static */
	char		*text;		/* sanitized for the terminal; may hold newlines */
	char		*copy;		/* what copying gives (the feed's value), or NULL */
	const char	*copy_what;	/* Enter copies and says so ("e-mail"), or NULL */
	char		*link;		/* Enter opens this record ... */
	int		 link_type;	/* ... of this type (-1: none; or
					   PF_LINK_MEASURE: a measure's code,
					   the route screens open it) */
	int		 flags;		/* PF_* */
};
struct present_fields {
	struct present_field	*v;
	size_t			 n;
	size_t			 cap;
	int			 type;		/* the record's type (0 until filled) */
};
/*
 * The fields of a record that has them, in order, each with its label:
 * codes as labels, the country and authority named, the local time of
 * a contact, the verified date with its stale mark ("never verified"
 * when it has none), the officer's note after the name, the flags on it
 * (it->flags), and the fields it->changed names marked PF_CHANGED. auth
 * (may be NULL) is a contact's authority: its expertise and designations
 * are shown too. Appends to out.
 */
void	 present_record_fields(const struct out_item *,
	    const struct out_item *auth, const struct present_ctx *,
	    struct present_fields *out);
void	 present_fields_free(struct present_fields *);
/*
 * Adds what the officer keeps about the record to its fields: the note
 * (after the first field), the flags (before the id), and the marks of
 * the fields a sync changed (it->note, it->flags, it->changed).
 */
void	 present_fields_own(const struct out_item *,
	    struct present_fields *);
/* How wide the labels of these fields are drawn on a line width columns wide (0: no limit). */
int	 present_label_width(const struct present_fields *, int width);

/* A line of a page: a field's line or a paragraph's, wrapped. */
#define PL_BOLD		0x01
#define PL_WARN		0x02
#define PL_RTL		0x04	/* its paragraph is right to left */
#define PL_IDENT	0x08	/* an address, phone or id: left to right */
#define PL_CHANGED	0x10	/* a sync changed its field this session */
struct present_line {
	const char	*label;		/* the field's label on its first line, else NULL */
	char		*text;		/* sanitized, wrapped */
	size_t		 field;		/* index in the fields, or (size_t)-1 */
	int		 flags;		/* PL_* */
};
struct present_lines {
	struct present_line	*v;
	size_t			 n;
	size_t			 cap;
};
struct present_line *present_lines_add(struct present_lines *);
/* The paragraph direction a line is shown in: BIDI_PAR_RTL, BIDI_PAR_LTR or 0. */
int	 present_line_bidi(const struct present_line *);
void	 present_lines_free(struct present_lines *);
/*
 * The lines joined with newlines, each in visual order when
 * bidi_visual() (right-to-left paragraphs at the right of width).
 * Caller frees.
 */
char	*present_lines_text(const struct present_lines *, int width);
/* The values of the fields wrapped to width (0: only at their newlines). */
void	 present_fields_lines(const struct present_fields *, int width,
	    struct present_lines *out);
/*
 * The fields as "Label  value" lines for a line width columns wide (0:
 * no limit): what `globe show` prints. Caller frees.
 */
char	*present_fields_text(const struct present_fields *, int width);

/* "starred c-1" or "unstarred c-1", as both front ends say it. Caller frees. */
char	*present_star_message(int on, const char *id);
/* "name (CODE)", or whichever of the two there is; sanitized. Caller frees. */
char	*present_name_code(const char *name, const char *code);
/* "Americas · 2 member authorities · 5 contacts" of a country item. Caller frees. */
char	*present_country_summary(const struct out_item *);
/*
 * "Designations: central authority for …; GlobE focal point (2)" over a
 * country's authorities (counts may be NULL), or "… none listed".
 * Sanitized; caller frees.
 */
char	*present_designations_summary(char *const *codes,
	    const unsigned *counts, size_t n);
/* The same over the authorities of a list (each designation counted). */
char	*present_list_designations(const struct out_list *);

/* ---- present-route.c: routes, who handles a request --------------------- */

/* A request: each part NULL when not asked (every route matches it). */
struct route_request {
	const char	*urgency;	/* "urgent" or "normal" */
	const char	*stage;		/* "trial" … */
	const char	*from;		/* the requesting State's code; "": another */
};
/* The questions that may change the answer, in the order they are asked. */
enum route_question {
	RQ_URGENCY,
	RQ_STAGE,
	RQ_FROM,
	RQ_COUNT
};
#define PRESENT_ROUTE_ANSWERS_MAX	32

/*
 * Whether a route applies to the request: its urgency and stage ("any"
 * or absent match all) and its from_countries (absent: from anywhere).
 */
int	 present_route_applies(const struct record *,
	    const struct route_request *);
/*
 * The order routes are shown in: a not_possible one after the others;
 * informal before formal before neither; then by rank as a decimal
 * (ranked before unranked); then by id.
 */
int	 present_route_cmp(const struct record *, const struct record *);
/*
 * Sorts l's routes in that order and notes for each whether it applies
 * to the request q (NULL: none asked).
 */
void	 present_routes_rank(struct out_list *l, const struct route_request *q);
/* How many of l's routes apply to q. */
size_t	 present_routes_applying(const struct out_list *,
	    const struct route_request *);
/*
 * The answers question q can have for these routes into out (at most
 * max; borrowed): urgent, normal; the stages; the States named by
 * from_countries and "" for another. Returns how many.
 */
size_t	 present_route_answers(const struct out_list *, enum route_question,
	    const char **out, size_t max);
/*
 * 1 if answering question q (the others as in req) changes which of the
 * routes apply: only then is it worth asking.
 */
int	 present_route_question_matters(const struct out_list *,
	    enum route_question, const struct route_request *req);
/*
 * The next question to ask, given what req answers (from_asked: the
 * requesting State was asked already), or -1 when none changes the answer.
 */
int	 present_route_next_question(const struct out_list *,
	    const struct route_request *req, int from_asked);
/* "Is the request urgent?" (static, translated). */
const char *present_route_question_text(enum route_question);
/* An answer as a person reads it: "urgent", "trial", "France". Caller frees. */
char	*present_route_answer_text(enum route_question, const char *answer,
	    const struct present_ctx *);
/* The request for a breadcrumb: "urgent › trial › from France". Caller frees. */
char	*present_route_request_text(const struct route_request *,
	    const struct present_ctx *);
/* One language of a route: "English only if urgent". Caller frees. */
char	*present_route_language(const char *item);
/* The requests a route applies to: "urgent requests only". Caller frees. */
char	*present_route_applies_to(const struct record *,
	    const struct present_ctx *);
/* A route in one line: "informal · direct · urgent requests only". Caller frees. */
char	*present_route_summary(const struct out_item *,
	    const struct present_ctx *);
/* "Asset tracing: informal · direct" (an authority's routes). Caller frees. */
char	*present_route_line(const struct out_item *,
	    const struct present_ctx *);
/* "Route 1: informal · direct" above a card's fields. Caller frees. */
char	*present_route_heading(const struct out_item *, size_t place,
	    const struct present_ctx *);
/*
 * A route's card: its measure, authority (and contact) with the local
 * time now, e-mail (focused), channel, which requests it applies to,
 * languages with their conditions, the contact's languages, requirements
 * as a checklist, legal basis, notes, verified (stale marked), source.
 * auth and contact (may be NULL) are its authority's and contact's
 * records. Appends to out.
 */
void	 present_route_fields(const struct out_item *route,
	    const struct out_item *auth, const struct out_item *contact,
	    const struct present_ctx *, struct present_fields *out);

/* One measure a country has routes for. */
struct present_measure {
	const char	*code;		/* borrowed from the list */
	size_t		 routes;	/* routes that are possible */
	size_t		 all;		/* every route of it */
	const char	*not_possible;	/* why, when none is possible (borrowed) */
	const char	*alternative;	/* the measure to ask for instead */
};
/*
 * The measures of l's routes, in the vocabulary's order (codes it does
 * not know after), into *out (caller frees the array). Returns how many.
 */
size_t	 present_route_measures(const struct out_list *,
	    struct present_measure **out);
/* The measure of code among v, or NULL. */
const struct present_measure *present_measure_find(
	    const struct present_measure *v, size_t n, const char *code);
/* "2 routes", or "not possible: why · instead: Informal information". Caller frees. */
char	*present_measure_note(const struct present_measure *);

/*
 * Fills it->route from its record: labels, applies_to (States named as
 * ctx names them), the local times now (ctx may be NULL: codes, the
 * clock). out_list_add does it without a context.
 */
void	 present_route_annotate(struct out_item *, const struct present_ctx *);
/* Records whether it applies to the request asked (1, 0; -1: none). */
void	 present_route_set_applies(struct out_item *, int applies);
void	 present_route_free(struct out_route *);

/* ---- present-table.c: lists in columns ---------------------------------- */

#define PC_NAME		0x01	/* takes the spare width, is cut last, bears the marks */
#define PC_RIGHT	0x02	/* numbers, aligned right */
#define PC_IDENT	0x04	/* an address or id (SANITIZE_IDENT) */
#define PC_ID		0x08	/* the record's id: only with PLIST_IDS */
#define PC_NOT_IN_AUTHORITY 0x10 /* not in one authority's own list */
#define PC_DATE		0x20	/* a date, in the locale's form; whole or gone */

struct present_col {
	const char	*key;		/* the value (out_item_get), or detail, type, mark */
	const char	*title;		/* N_() */
	int		 vocab;		/* codes shown as brief labels, or -1 */
	int		 flags;		/* PC_* */
	int		 min;		/* narrowest it is cut to before columns go */
	int		 priority;	/* columns go highest first when even minimums do not fit */
};

enum present_list {
	PLIST_COUNTRIES,
	PLIST_AUTHORITIES,
	PLIST_CONTACTS,
	PLIST_PEOPLE,		/* authorities and contacts: search, starred */
	PLIST_NEWSLETTERS,
	PLIST_ROUTE_COUNTRIES,	/* countries with their routes (w) */
	PLIST_ROUTES,		/* routes: an authority's */
	PLIST_MEASURES,		/* a country's measures (present_measure_cells) */
	PLIST_FLAGS,		/* the officer's flags (present_flag_cells) */
	PLIST_COUNT
};
#define PLIST_IDS		0x1	/* with the id column (scripts need it) */
#define PLIST_IN_AUTHORITY	0x2	/* one authority's contacts */

#define PRESENT_MAXCOLS	8

/* A list's columns and how wide they are (their widest cells so far). */
struct present_grid {
	const struct present_col *col[PRESENT_MAXCOLS];
	const char	*title[PRESENT_MAXCOLS];	/* translated */
	size_t		 n;
	int		 content[PRESENT_MAXCOLS];	/* widest cell seen, 0: none */
	int		 width[PRESENT_MAXCOLS];	/* present_grid_fit: -1 dropped */
	int		 fitted;			/* the width fitted to; -1: a column widened since */
};
/* What a row is marked with. */
#define PR_STALE	0x1
#define PR_STARRED	0x2
#define PR_UNREAD	0x4

void	 present_grid_init(struct present_grid *, enum present_list, int opts);
/* The marks of an item: PR_STALE, PR_STARRED, PR_UNREAD. */
int	 present_item_marks(const struct out_item *,
	    const struct present_ctx *);
/*
 * The text of one cell (sanitized; codes as brief labels; the name with
 * "★ " and "! " before it as marks says). Caller frees.
 */
char	*present_cell(const struct out_item *, const struct present_col *,
	    int marks);
/*
 * The cells of an item for the grid's columns into cells[g->n] (caller
 * frees each), widening the grid's columns to fit them. Returns its marks.
 */
int	 present_grid_cells(struct present_grid *, const struct out_item *,
	    const struct present_ctx *, char **cells);
/*
 * The cells of a measure for a PLIST_MEASURES grid (label, code, note)
 * into cells[g->n] (caller frees each), widening the columns.
 */
void	 present_measure_cells(struct present_grid *,
	    const struct present_measure *, char **cells);
/* Widens the grid's columns for cells made earlier. */
void	 present_grid_measure(struct present_grid *, char *const *cells);
/*
 * Decides the widths for a row width columns wide (0: no limit): each
 * column as wide as its widest cell, empty columns dropped; too wide, the
 * widest cells are cut first and columns go by priority; the name column
 * takes what is left.
 */
void	 present_grid_fit(struct present_grid *, int width);
/*
 * A row (or the titles) laid out in the fitted widths, two spaces between
 * columns; pad: exactly the fitted width, else no trailing spaces.
 * Caller frees.
 */
char	*present_grid_row(const struct present_grid *, char *const *cells,
	    int pad);
char	*present_grid_titles(const struct present_grid *, int pad);
/*
 * How column i's cells are laid out (BIDI_* for bidi_fit): numbers at
 * the right, text at its start; addresses, ids and numbers left to
 * right. Laid out right to left (bidi_layout_rtl), the row's columns go
 * from the right, text starts at the right and numbers sit at the left.
 */
int	 present_grid_cell_bidi(const struct present_grid *, size_t i);
/* "title · authority name" of a contact, "acronym · kind" of an authority (sanitized). Caller frees. */
char	*present_detail(const struct out_item *);
/* "person", "authority" …: a record type in a list's Type column (static). */
const char *present_type_name(int type);

/* ---- present-news.c: a newsletter as a page ---------------------------- */

/* The newsletter's page wrapped to width: title, issue line, summary, body, link. */
void	 present_news_page(const struct out_item *, int width,
	    struct present_lines *out);

/* ---- present-vcard.c ---------------------------------------------------- */

/* Escapes \ , ; and newlines of a vCard value (after sanitizing). */
void	 out_vcard_escape(struct buf *, const char *s);
/* Appends one content line folded at 75 octets (never inside a character), CRLF. */
void	 out_vcard_line(struct buf *, const char *line);
/* The vCard 4.0 of a contact or an authority (nothing for other types). */
void	 out_vcard_item(struct buf *, const struct out_item *);
void	 out_vcard_list(struct buf *, const struct out_list *);

/* ---- present-keys.c: keys and actions as a person names them ------------ */

/*
 * Every action: its enum, its name (a word of `bind = KEY ACTION` lines,
 * never translated) and its help text (N_(): keys_action_help gives it
 * translated; the help line shows it with the name in parentheses).
 */
#define ACTION_LIST(X) \
	X(ACT_NONE,		"none",			NULL) \
	/* TRANSLATORS: what a key does, on the help screen (?). */ \
	X(ACT_UP,		"up",			N_("move up")) \
	X(ACT_DOWN,		"down",			N_("move down")) \
	X(ACT_PAGE_UP,		"page-up",		N_("one screen up")) \
	X(ACT_PAGE_DOWN,	"page-down",		N_("one screen down")) \
	X(ACT_FIRST,		"first",		N_("go to the first line")) \
	X(ACT_LAST,		"last",			N_("go to the last line")) \
	X(ACT_OPEN,		"open",			N_("open the selected line")) \
	X(ACT_BACK,		"back",			N_("go back to the previous screen")) \
	X(ACT_NEXT_PANE,	"next-pane",		N_("jump between fields and list")) \
	X(ACT_FILTER,		"filter",		N_("countries: filter the list by name")) \
	X(ACT_SEARCH,		"search",		N_("search people and authorities")) \
	X(ACT_COUNTRIES,	"countries",		N_("show the countries")) \
	X(ACT_NEWSLETTERS,	"newsletters",		N_("show the newsletters")) \
	X(ACT_STARRED,		"starred",		N_("show starred contacts and authorities")) \
	X(ACT_STAR,		"star",			N_("star or unstar the selection")) \
	X(ACT_COPY,		"copy",			N_("copy the focused value (e-mail) to the clipboard")) \
	X(ACT_VCARD,		"vcard",		N_("save the contact or authority as a vCard file")) \
	X(ACT_SYNC,		"sync",			N_("sync from the feed in the background")) \
	X(ACT_MESSAGES,		"messages",		N_("show every message of this session, in full")) \
	X(ACT_ROUTES,		"routes",		N_("who handles a request: a country's routes by measure")) \
	X(ACT_NEXT_UNREAD,	"next-unread",		N_("newsletters: open the next unread issue (elsewhere: show the newsletters)")) \
	X(ACT_PREV_UNREAD,	"prev-unread",		N_("newsletters: open the previous unread issue")) \
	X(ACT_TOGGLE_READ,	"toggle-read",		N_("newsletters: mark the issue read or unread")) \
	X(ACT_ALL_READ,		"mark-all-read",	N_("newsletters: mark every issue read")) \
	X(ACT_FILTER_COUNTRY,	"filter-country",	N_("search: filter by country")) \
	X(ACT_FILTER_EXPERTISE,	"filter-expertise",	N_("search: filter by expertise")) \
	X(ACT_FILTER_LANGUAGE,	"filter-language",	N_("search: filter by language")) \
	X(ACT_CHANGES,		"changes",		N_("show what the last syncs added, changed and removed")) \
	X(ACT_NOTE,		"note",			N_("your own note on a contact, authority or route (n on its screen); never sent")) \
	X(ACT_FLAG,		"flag",			N_("flag a contact, authority or route as outdated (f on its screen), for the secretariat")) \
	X(ACT_HELP,		"help",			N_("show this help")) \
	X(ACT_REDRAW,		"redraw",		N_("redraw the screen")) \
	X(ACT_SUSPEND,		"suspend",		N_("suspend globe (the shell's fg brings it back)")) \
	X(ACT_QUIT,		"quit",			N_("quit (from the top screen)"))

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

/*
 * The action's name ("page-down", as bind lines say it, never translated)
 * and its help text, translated (NULL for none).
 */
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

/* ---- present-tz.c: time zones without TZ -------------------------------- */

/* Where the system's compiled time zones are (never TZDIR: no environment). */
#define PRESENT_TZ_DIR	"/usr/share/zoneinfo"

/*
 * A time zone read from its TZif file (RFC 8536). It touches neither the
 * environment nor any global state: any thread may use it.
 */
struct tz_zone;

/* What a zone's clocks read at one instant. */
struct tz_local {
	struct tm	 tm;	/* tm_sec … tm_isdst as localtime_r fills them */
				/* (not tm_gmtoff, tm_zone: see utoff, abbr) */
	long		 utoff;	/* seconds east of UTC */
	int		 isdst;
	const char	*abbr;	/* "CEST", "-03"; borrowed from the zone */
};

/*
 * Reads the zone name ("Europe/Paris"), a regular file under dir
 * (NULL: PRESENT_TZ_DIR); a path, "..", another character or a file
 * that is not a whole, valid TZif file gives NULL. Free with tz_zone_free.
 */
struct tz_zone	*tz_zone_new(const char *dir, const char *name);
/* The same from the file's bytes (len at most 64 KiB; data is not kept). */
struct tz_zone	*tz_zone_parse(const void *data, size_t len);
void		 tz_zone_free(struct tz_zone *);
/* The wall clock and offset at t (seconds since 1970, UTC); -1 out of range. */
int		 tz_zone_local(const struct tz_zone *, int64_t t,
		    struct tz_local *);

/* ---- present-locale.c: the locale's dates and digit groups -------------- */

/*
 * Reads once what the locale says of dates (the process's LC_TIME) and
 * counts (the locale named numeric: main passes the LC_NUMERIC that
 * setlocale(LC_ALL, "") chose, before it puts the process's back to C;
 * NULL or "C": "," every three digits), as present_locale_date_format
 * and layout_count use them; call it again after a setlocale. Until it
 * is called, the first date or count reads the process's own.
 */
void		 present_locale_init(const char *numeric);
/*
 * The strftime format of a date for a person, its year in four digits
 * ("%d/%m/%Y" in French, "%m/%d/%Y" in American English); NULL for ISO
 * YYYY-MM-DD: the C locale (C.UTF-8 too), or a codeset not UTF-8.
 */
const char	*present_locale_date_format(void);
/*
 * A locale's date format (nl_langinfo(D_FMT)) with the year in four
 * digits, into out: %y and %-y become %Y, %D %m/%d/%Y. 0, or -1 when
 * it is empty or does not fit.
 */
int		 present_locale_widen(const char *d_fmt, char *out,
		    size_t outlen);
/*
 * The separator between groups of digits (one character, or "" for
 * none) and their sizes (localeconv's grouping): "," and "\3" under C.
 */
void		 present_locale_grouping(const char **sep,
		    const char **grouping);

/* ---- present-layout.c, present-time.c ------------------------------------ */

/*
 * Dates and times for a person (present-time.c): under the C locale as
 * ever (a date YYYY-MM-DD, times as each place wrote them), otherwise in
 * the locale's date format (present_locale_date_format) with times
 * HH:MM UTC. JSON, CSV, vCard and the reports never use these.
 */
#define PRESENT_TIME_MAX	128
/*
 * A feed's date ("2026-12-07") as a person reads it: "07/12/2026" in
 * French, itself under C; a text that is no date as it is. Sanitized;
 * caller frees.
 */
char		*present_date(const char *date);
/* The day (UTC) of a unix time, as present_date writes it, into out. */
void		 present_date_t(int64_t t, char *out, size_t outlen);
/*
 * A unix time as "2026-11-27 10:00 UTC" ("27/11/2026 10:00 UTC" in
 * French) into out (PRESENT_TIME_MAX bytes); "-" for none.
 */
void		 present_when(int64_t t, char *out, size_t outlen);
/*
 * A feed's RFC 3339 time ("2026-11-27T10:00:00Z") for a person: itself
 * under C, else as present_when writes it; any other text as it is.
 * Sanitized; caller frees.
 */
char		*present_stamp(const char *stamp);
/* A unix time as present_stamp writes one; "-" for none. Caller frees. */
char		*present_stamp_t(int64_t t);

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
/*
 * The same, and for each line appended whether its paragraph is right to
 * left (bidi_text_rtl of the text between two newlines) into *rtl,
 * grown with *lines.
 */
void		 layout_wrap_dirs(const char *text, int width, char ***lines,
		    size_t *n, unsigned char **rtl);
/* Splits text at its newlines only, as layout_wrap appends lines. */
void		 layout_split(const char *text, char ***lines, size_t *n);
/*
 * 1234567 as a person reads it, into out (LAYOUT_COUNT_MAX bytes): in
 * the locale's digit groups ("1 234 567" in French, "12,34,567" in
 * India's English), "1,234,567" under the C locale.
 */
#define LAYOUT_COUNT_MAX	128
void		 layout_count(uint64_t, char *out);
/*
 * The same with sep (at most LAYOUT_SEP_MAX bytes, else none) between
 * groups of digits sized as localeconv's grouping says ("\3": every
 * three; "\3\2": three, then every two; "" or CHAR_MAX: no more).
 */
#define LAYOUT_SEP_MAX		4
void		 layout_count_in(uint64_t, const char *sep,
		    const char *grouping, char *out);
/* Joins a list field with ", " (sanitized); "" when empty. Caller frees. */
char		*layout_list(char *const *list, size_t n);
/*
 * Office hours such as "Mon-Fri 09:00-17:00" or "Mon-Thu 08:00-16:00,
 * Fri 08:00-12:00": 1 if weekday wday (0 = Sunday) at minute (0-1439) is
 * within them, 0 if not, -1 if the text is not understood.
 */
int		 layout_hours_within(const char *hours, int wday, int minute);
/* 1 if hours says someone answers at any time ("24/7"). */
int		 layout_hours_always(const char *hours);
/*
 * The local time now in the time zone tz: *hour, *minute, and *within 1
 * when within hours (always, for "24/7"), 0 outside, -1 when hours are
 * not understood. 0, or -1 when tz is not a valid zone (tz_zone_new).
 */
int		 layout_local_parts(const char *tz, const char *hours, time_t now,
		    int *hour, int *minute, int *within);
/*
 * The local time now in the time zone tz ("America/Sao_Paulo") and
 * whether it is within hours: "14:05 local, within office hours", or
 * "14:05 local, 24/7". Into out (96 bytes); -1 when tz is not a valid
 * zone file under PRESENT_TZ_DIR (see tz_zone_new). Any thread may call it.
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
 * "3 days ago" (brief: "now", "5m ago", "2h ago", "3d ago"), translated,
 * into out (64 bytes leave a translation room).
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

/* ---- present-bidi.c: right-to-left text in visual order ------------------ */

/*
 * Whether cells go out in visual order (GNU FriBidi): the full screen
 * sets it unless bidi = off; the command line only under bidi = on on a
 * terminal. Off (the default), every line is in logical order, as
 * stored. Setting it also reads whether the interface's language is
 * written right to left (its catalogue translates "default:LTR" as
 * "default:RTL").
 */
void	 bidi_set(int visual);
int	 bidi_visual(void);
/*
 * 1 when the screens are laid out right to left: visual order and a
 * right-to-left interface language (list columns and field labels from
 * the right).
 */
int	 bidi_layout_rtl(void);
/*
 * The BIDI_* flags for a line of the interface's own words (labels,
 * hints, prompts): laid out right to left, a right-to-left paragraph at
 * the right whatever its first word; otherwise 0, the text as it comes.
 */
int	 bidi_ui_flags(void);
/* 1 if text holds a character that bidi can move (Hebrew, Arabic, Arabic digits …). */
int	 bidi_text_has_rtl(const char *text);
/* 1 if text's first strong character is right to left (rule P2). */
int	 bidi_text_rtl(const char *text);
/*
 * part (sanitized) as one unit of a line made of parts (a breadcrumb's),
 * in its own direction whatever its neighbours: between FIRST STRONG
 * ISOLATE and POP DIRECTIONAL ISOLATE while bidi_visual(), which
 * bidi_fit then drops. Caller frees.
 */
char	*bidi_isolate(const char *part);

/*
 * The terminal-wg bidi recommendation's modes (ECMA-48 BDSM, mode 8):
 * explicit, the terminal shows cells in the order they come (visual
 * order, put there by globe); implicit, the terminal's default, where a
 * bidi-aware terminal (VTE, mlterm) reorders each paragraph itself. A
 * plain SM/RM, which terminals without bidi ignore.
 */
#define BIDI_TERM_EXPLICIT	"\033[8l"
#define BIDI_TERM_IMPLICIT	"\033[8h"

#define BIDI_PAR_RTL	0x01	/* the paragraph is right to left (a line of one) */
#define BIDI_PAR_LTR	0x02	/* ... left to right; neither: its first strong character says */
#define BIDI_LEFT	0x04	/* at the left of its width, whatever its direction */
#define BIDI_RIGHT	0x08	/* at the right; neither: a right-to-left paragraph at the right */
/*
 * One cell of a line (sanitized text, no newline) in exactly width
 * columns (width <= 0: as wide as it is): cut in logical order with a
 * "…" where it goes on, then, when bidi_visual() and the text needs it,
 * in visual order with Arabic shaped (presentation forms); padded with
 * spaces on the side flags say. mask (may be NULL) marks bytes of text;
 * *vmask (when vmask is not NULL) gets one for the result's bytes, the
 * same characters marked. Caller frees both.
 */
char	*bidi_fit(const char *text, int width, int flags,
	    const unsigned char *mask, unsigned char **vmask);
/*
 * The column where bidi_fit(text, width, flags) shows the character that
 * starts at byte at (at the text's end: where the next one would go), so
 * a field's cursor follows its text in visual order; -1 if it is cut off.
 */
int	 bidi_fit_col(const char *text, int width, int flags, size_t at);

/* ---- present-theme.c: the colours of the screens' elements -------------- */

/* What the screens draw; ui.h's enum style names the same, in this order. */
enum theme_element {
	THEME_NORMAL,		/* text */
	THEME_TITLE,		/* the top line */
	THEME_STATUS,		/* the status line */
	THEME_HEADER,		/* column titles, section headers */
	THEME_LABEL,		/* field labels */
	THEME_SELECTED,		/* the cursor line */
	THEME_MATCH,		/* what a search matched */
	THEME_UNREAD,		/* unread newsletters (bold) */
	THEME_WARN,		/* stale marks, errors */
	THEME_DIMMED,		/* what cannot be had (a measure not possible) */
	THEME_COUNT
};

enum theme_id {
	THEME_ID_DEFAULT,
	THEME_ID_LIGHT,		/* for a light background */
	THEME_ID_HIGH_CONTRAST,
	THEME_ID_MONO,		/* attributes only: no colour */
	THEME_ID_COUNT
};

/* Colours: the terminal's own, the eight (+8 bright) by name, or color0-255. */
#define THEME_COLOR_DEFAULT	(-1)
#define THEME_BLACK		0
#define THEME_RED		1
#define THEME_GREEN		2
#define THEME_YELLOW		3
#define THEME_BLUE		4
#define THEME_MAGENTA		5
#define THEME_CYAN		6
#define THEME_WHITE		7
#define THEME_BRIGHT(c)		((c) + 8)

#define THEME_BOLD		0x01
#define THEME_UNDERLINE		0x02
#define THEME_REVERSE		0x04
#define THEME_DIM		0x08
#define THEME_STANDOUT		0x10

struct theme_style {
	int	 fg;		/* THEME_COLOR_DEFAULT or 0-255 */
	int	 bg;
	int	 attrs;		/* THEME_BOLD … */
	int	 attrs_set;	/* a colour line named attributes ("normal" too) */
};
/* One `color = ELEMENT FOREGROUND BACKGROUND [ATTR...]` line, parsed. */
struct theme_color {
	enum theme_element	 element;
	struct theme_style	 style;
};

/* The name a colour line gives an element ("selected"). */
const char	*theme_element_name(enum theme_element);
/* A built-in theme's name ("high-contrast"). */
const char	*theme_id_name(enum theme_id);
/* The styles of a built-in theme, THEME_COUNT of them (static). */
const struct theme_style *theme_styles(enum theme_id);
/* The theme called name (theme = NAME): 0, or -1 with *cause (may be NULL). */
int		 theme_lookup(const char *name, enum theme_id *, char **cause);
/*
 * Parses a colour line's value, "ELEMENT FOREGROUND BACKGROUND
 * [ATTRIBUTE...]" (colours: default, black … white, brightblack …
 * brightwhite, color0-color255; attributes: normal, bold, underline,
 * reverse, dim, standout). 0, or -1 with *cause (caller frees; may be
 * NULL) naming the word that is wrong and what it could be.
 */
int		 theme_color_parse(const char *line, enum theme_element *,
		    struct theme_style *, char **cause);
/*
 * The style of each element (out[THEME_COUNT]): theme id changed by
 * the colour lines in their order. Without colour (colour 0: NO_COLOR,
 * --no-color, a terminal without colours), every element has the mono
 * theme's attributes, or those a colour line names, and no colour.
 */
void		 theme_resolve(enum theme_id id, const struct theme_color *,
		    size_t ncolors, int colour, struct theme_style *out);

/* ---- present-edit.c: the one line editor of every prompt and filter ---- */

/*
 * A line of text being edited (the search's query, the countries filter,
 * every status-line prompt): UTF-8, with a cursor that always sits
 * between two characters, a combining mark counting with the character
 * before it. Keys are TUI_KEY_* codes; nothing here draws: edit_line_view
 * says what a field of a given width shows and where its cursor is.
 */
struct edit_line {
	struct buf	 text;		/* at most EDIT_LINE_MAX bytes */
	size_t		 cursor;	/* a byte offset, between characters */
	size_t		 scroll;	/* the first byte a narrow field shows */
	size_t		 back;		/* entries back in the history; 0: none */
	char		*draft;		/* the text typed, while back > 0 */
	int		 secret;	/* a passphrase: see edit_line_secret */
};
/* The longest text a line holds, in bytes (typing past it does nothing). */
#define EDIT_LINE_MAX		4096

/* What a key did to a line. */
enum edit_result {
	EDIT_IGNORED,		/* not an editing key: the caller's */
	EDIT_CHANGED,		/* the text changed */
	EDIT_MOVED,		/* only the cursor moved */
	EDIT_STILL		/* nothing to do (Left at the start) */
};

/* An empty line (text may be NULL), the cursor at its end. */
void		 edit_line_init(struct edit_line *, const char *text);
void		 edit_line_free(struct edit_line *);
/*
 * Empties the line and makes it hold a secret (a passphrase): its text is
 * never shown (edit_line_view gives ""), never recalled from a history,
 * never moved in memory, and wiped when it is replaced or freed. Free
 * the line to end that.
 */
void		 edit_line_secret(struct edit_line *);
/* Replaces the text (NULL: empty), the cursor at its end. */
void		 edit_line_set(struct edit_line *, const char *text);
/* The text (borrowed, never NULL). */
const char	*edit_line_text(const struct edit_line *);
/*
 * Applies one key: a typed character is inserted at the cursor;
 * Backspace and Delete remove the character before and under it; ^A
 * Home, ^E End, ^B Left and ^F Right move; ^W deletes the word before the
 * cursor, ^U everything before it, ^K everything after it. Any editing
 * key ends a walk through the history. Other keys are EDIT_IGNORED.
 */
enum edit_result edit_line_key(struct edit_line *, int key);
/*
 * What a field width columns wide shows: *shown (caller frees; sanitized,
 * at most width columns, not padded) and the cursor's column in it. When
 * the text is too wide the field scrolls to keep the cursor in view (a
 * wide CJK character takes two columns, never cut) and a "…" at either
 * edge says that text is hidden there.
 */
void		 edit_line_view(struct edit_line *, int width, char **shown,
		    int *cursor_col);

/*
 * The entries a prompt remembers, oldest first, each at most
 * EDIT_HISTORY_ENTRY_MAX bytes of UTF-8 text without controls; an
 * entry added again moves to the newest place.
 */
struct edit_history {
	char	**v;
	size_t	  n;
	size_t	  max;		/* the oldest go beyond it */
};
#define EDIT_HISTORY_DEFAULT	100
#define EDIT_HISTORY_ENTRY_MAX	512

/* An empty history of at most max entries (0: EDIT_HISTORY_DEFAULT). */
struct edit_history *edit_history_new(size_t max);
void		 edit_history_free(struct edit_history *);
/*
 * Adds text (spaces around it dropped) as the newest entry, removing an
 * equal older one. Empty text, or text too long or holding control
 * characters or invalid UTF-8, is not added. 1 if the history changed.
 */
int		 edit_history_add(struct edit_history *, const char *text);
/*
 * Adds the entries of a history file's bytes (one per line, oldest
 * first), whatever they hold: a line that edit_history_add would refuse
 * (binary, control characters, too long) is skipped.
 */
void		 edit_history_parse(struct edit_history *, const char *data,
		    size_t len);
/* The bytes of a history file for h, one entry a line. Caller frees. */
char		*edit_history_format(const struct edit_history *,
		    size_t *len);
/*
 * Up and Down through h: the entry before (older) or after (newer) the
 * one shown, skipping entries equal to the text shown; newer than the
 * newest is the text typed before the walk began. 1 if the text
 * changed, 0 when there is nothing further that way.
 */
int		 edit_line_older(struct edit_line *,
		    const struct edit_history *);
int		 edit_line_newer(struct edit_line *,
		    const struct edit_history *);
/* 1 while the text shown is an entry recalled from the history. */
int		 edit_line_recalled(const struct edit_line *);
/* The text shown becomes the text typed (the walk ends). */
void		 edit_line_keep(struct edit_line *);
/* ---- present-changes.c: the change log and the flags, in words --------- */

/* "added", "changed", "removed" (static, translated). */
const char *present_change_what(enum cache_change_what);
/* "Contacts", "Routes" …: a kind of record as a heading (static). */
const char *present_type_heading(int type);
/*
 * A logged sync in one line: "Sync 12 · 2026-11-27 10:00 UTC · serial
 * 1042 (was 1041) · contacts +3 ~1 -0"; the first fill says that every
 * record was new. Caller frees.
 */
char	*present_change_sync_heading(const struct cache_change_sync *);
/* The name of a logged record as shown (a route: its measure). Caller frees. */
char	*present_change_name(const struct cache_change *);
/* Its changed fields as the record's screen labels them: "Title, E-mail". */
char	*present_change_fields(enum record_type, const char *fields);
/*
 * One logged record: "+ Zélia Prado (c-9)", "~ Ana Souza (c-1): Title,
 * E-mail", "- Carla Dias (c-3): removed". Sanitized; caller frees.
 */
char	*present_change_line(const struct cache_change *);
/*
 * A flag's state: "waiting", "waiting: HTTP status 500", "sent
 * 2026-12-01 10:00 UTC". Sanitized; caller frees.
 */
char	*present_flag_state(const struct cache_flag *);
/* A flag on its record's screen: "text · 2026-12-01 · waiting". Caller frees. */
char	*present_flag_line(const struct cache_flag *);
/*
 * The cells of a flag for a PLIST_FLAGS grid into cells[g->n] (caller
 * frees each), widening the columns.
 */
void	 present_flag_cells(struct present_grid *, const struct cache_flag *,
	    char **cells);

/* ---- present-sync.c: what a sync says, for both front ends -------------- */

struct net_progress;
struct net_result;
struct net_note;

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
 * "already up to date (serial 2)" ("up to date" brief). What happened
 * to the officer's flags follows ("1 flag sent · 2 flags wait: HTTP
 * status 500"). Caller frees.
 */
char	*present_sync_done(const struct net_result *, enum present_sync_form);
/* What happened to the flags in a sync, or NULL when it had none. Caller frees. */
char	*present_sync_reports(const struct net_result *);
/*
 * A sync while it runs: "syncing: fetching the index", "syncing 45%
 * (objects 2/3)", "syncing: applying (objects 1/3, 1000 records)".
 * Caller frees.
 */
char	*present_sync_progress(const struct net_progress *);
/*
 * The note the cache keeps of the last sync, read by net_note_parse, in
 * the reader's language ("ok: contacts +3 ~1 -0"). Sanitized; caller
 * frees.
 */
char	*present_sync_note(const struct net_note *);
/*
 * Why a sync failed, in one sentence for both front ends: "sync failed:
 * WHY: CAUSE" (why is the status's translated message, cause the detail,
 * sanitized here), or, on a device not among a member-only feed's
 * recipients (cause then its recipient key), what to send to the
 * secretariat. Caller frees.
 */
char	*present_sync_failed(const char *why, int not_member,
	    const char *cause);
/*
 * The prompt for the device key's passphrase while a sync waits for it
 * (attempt 2 and later: after a wrong one). Caller frees.
 */
char	*present_sync_passphrase_prompt(int attempt);
/*
 * Where a trusted signing key came from, as `globe status` says it:
 * "configured", "announced at serial 3", "configured, retired at
 * serial 5". Caller frees.
 */
char	*present_signing_key(int configured, int retired, int64_t serial);

#endif
