/*
 * tui.h: the public face of tui/, the program a user runs. Today that is
 * the `globe` command line: the command table and its dispatch, the
 * config file, and the output layer that prints every list as a human
 * table, JSON, CSV or vCard. The output layer is driven by record_types[]
 * of common/, so field names are the JSON keys and the CSV headers in
 * every format. The curses interface joins this folder later.
 */
#ifndef GLOBE_TUI_H
#define GLOBE_TUI_H

#include <stddef.h>
#include <stdio.h>

#include "cache/cache.h"
#include "common/common.h"

struct net_options;

/* config.c -------------------------------------------------------------- */

#define TUI_PUBKEYS_MAX	4

struct tui_config {
	char	*path;				/* the file read, NULL if none */
	char	*feed;				/* feed = URL */
	char	*pubkeys[TUI_PUBKEYS_MAX];	/* key text: base64 or .pub text */
	size_t	 npubkeys;
	int	 allow_unsigned;
	char	*ca_file;			/* https: a private CA */
	char	*client_cert;			/* mutual TLS */
	char	*client_key;
	char	*token_file;			/* bearer token (a 0600 file) */
	long	 connect_timeout;		/* seconds; 0: net's default */
	long	 timeout;			/* a whole sync, seconds */
	long	 low_speed_time;		/* seconds below ... */
	long	 low_speed_limit;		/* ... bytes per second */
	int	 no_proxy;			/* use_proxy = no */
	char	**bindings;			/* bind = KEY ACTION lines */
	size_t	 nbindings;
	long	 stale_days;			/* 0: the default, 365 */
	long	 max_valid_days;		/* 0: FEED_VALID_DAYS_DEFAULT */
	int	 no_mouse;			/* mouse = no */
};

/*
 * Reads the config file at path ("key = value", # comments). A missing
 * file is fine unless required. Returns 0, or -1 with *cause (caller
 * frees), e.g. "config:3: unknown key 'x'".
 */
int	 tui_config_load(struct tui_config *, const char *path, int required,
	    char **cause);
void	 tui_config_clear(struct tui_config *);
/*
 * The text of a public key given inline (the base64 line or a .pub file's
 * text) or as the path of a .pub file ("~/" expanded); decided by whether
 * the value parses as a key. Caller frees; NULL with *cause if it is
 * neither, or the file holds no key.
 */
char	*tui_config_pubkey(const char *value, char **cause);
/*
 * The config line that binds key to action, exactly as tui_config_load
 * reads it ("bind = KEY ACTION"): error messages and the help screen
 * show this, so they cannot drift from the parser. Caller frees.
 */
char	*tui_config_bind_line(const char *key, const char *action);
/* Reads a whole (small) file. Caller frees; NULL with errno. */
char	*tui_file_read(const char *path, size_t *len);

/* keys.c: bind lines, checked without curses ---------------------------- */

/*
 * Checks a bind line's value, "KEY ACTION", with the parser the
 * full-screen interface uses: 0, or -1 with *cause (caller frees) naming
 * the unknown key or action. Changes no binding.
 */
int	 tui_keys_check(const char *binding, char **cause);

/* output.c: the list every command builds, and the human format --------- */

enum out_format {
	OUT_HUMAN,
	OUT_JSON,
	OUT_CSV,
	OUT_VCARD
};
#define OUT_FMASK(f)	(1 << (f))
#define OUT_FALL	0xf

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
/*
 * Lays out one row: each cell (already sanitized) fitted to its display
 * width with utf8_fit, two spaces between cells, no trailing spaces, a
 * newline at the end.
 */
void	 out_human_row(struct buf *, const char *const *cells,
	    const int *widths, const int *flags, size_t n);
/* A whole table, header first (bold if asked); nothing for no rows. */
void	 out_human_table(struct buf *, const struct out_list *,
	    const struct out_column *, size_t ncolumns, int bold);
/* One item, every field present as "name: value" lines. */
void	 out_human_record(struct buf *, const struct out_item *);
/*
 * Wraps text to width columns (display width): words on spaces, CJK
 * between characters, long words cut; newlines kept. Appends to buf.
 */
void	 out_wrap(struct buf *, const char *text, int width);
/* Writes buf to stdout; 0, or -1 if writing failed. */
int	 out_write(const struct buf *);

/* cli-json.c ------------------------------------------------------------- */

/* The list as one JSON array of objects, with a final newline. Caller frees. */
char	*out_json_list(const struct out_list *);
/*
 * Escapes what jansson leaves raw but a terminal would obey: DEL, C1
 * controls, bidi controls, U+2028/2029 become \uXXXX. text must be JSON
 * output (these only occur inside strings). Caller frees.
 */
char	*out_json_safe(const char *text);

/* output-csv.c ------------------------------------------------------------ */

/*
 * One CSV cell: sanitized (multiline keeps newlines), a leading = + - @
 * TAB or CR neutralised with a ', quoted if it holds , " CR or LF.
 */
void	 out_csv_cell(struct buf *, const char *s, int multiline);
/* The list as RFC 4180 CSV: header row, CRLF line ends. */
void	 out_csv_list(struct buf *, const struct out_list *);

/* output-vcard.c ---------------------------------------------------------- */

/* Escapes \ , ; and newlines of a vCard value (after sanitizing). */
void	 out_vcard_escape(struct buf *, const char *s);
/* Appends one content line folded at 75 octets (never inside a character), CRLF. */
void	 out_vcard_line(struct buf *, const char *line);
/* The vCard 4.0 of a contact or an authority (nothing for other types). */
void	 out_vcard_item(struct buf *, const struct out_item *);
void	 out_vcard_list(struct buf *, const struct out_list *);

/* cli.c: the globe command ------------------------------------------------ */

enum cli_opt {
	OPT_FEED,
	OPT_ALLOW_UNSIGNED,
	OPT_QUIET,
	OPT_CHECKSUM,
	OPT_COUNTRY,
	OPT_KIND,
	OPT_ROLE,
	OPT_EXPERTISE,
	OPT_LANGUAGE,
	OPT_LIMIT,
	OPT_ALL,
	OPT_CA_FILE,
	OPT_CLIENT_CERT,
	OPT_CLIENT_KEY,
	OPT_TOKEN_FILE,
	OPT_NO_PROXY,
	OPT_VERBOSE,
	OPT_MAX
};

struct cli;
struct cli_command {
	const char	*name;
	int		(*run)(struct cli *);
	const char	*usage;		/* after "globe " */
	const char	*summary;
	int		 formats;	/* OUT_FMASK bits */
	int		 minargs;
	int		 maxargs;	/* -1: any number */
	const enum cli_opt *options;	/* ends with OPT_MAX */
};

struct cli {
	const struct cli_command *cmd;
	enum out_format	 format;
	int		 bold;		/* stdout is a terminal, colour allowed */
	int		 demo;
	const char	*db_opt;	/* --db */
	const char	*config_opt;	/* --config */
	char		*db_path;
	char		*config_path;	/* the config file (may not exist) */
	char		*data_dir;
	char		*demo_dir;	/* --demo: the demo feed directory */
	struct tui_config config;
	struct cache	*cache;
	const char	*opt[OPT_MAX];	/* command options given ("1" for flags) */
	char		**args;		/* positional arguments (borrowed) */
	int		 nargs;
};

/*
 * Fills the options of a sync from the config, the command's flags or the
 * demo (*demo_key, caller frees, holds the demo key text). Prints why and
 * returns an exit code other than EXIT_OK when no feed is configured.
 */
int	 cli_sync_options(struct cli *, struct net_options *, char **demo_key);

/* Runs globe; returns the exit code. */
int	 cli_main(int argc, char **argv);
/* Prints "globe: message" on stderr; returns code. */
int	 cli_error(int code, const char *fmt, ...) GLOBE_PRINTF(2, 3);
/* Prints "globe: what: cause" for a cache status; returns its exit code. */
int	 cli_cache_error(enum cache_status, const char *what, char *cause);
/* Prints the usage line of the current command on stderr; returns 2. */
int	 cli_usage_error(struct cli *, const char *fmt, ...) GLOBE_PRINTF(2, 3);
/* Prints buf in the chosen format's way; returns the exit code. */
int	 cli_print(struct buf *);
/* Prints a list in the chosen format with the human columns given. */
int	 cli_print_list(struct cli *, const struct out_list *,
	    const struct out_column *, size_t ncolumns);
/* A list's default limit when the command has none: every row. */
#define CLI_LIMIT_NONE	0
/* search's default limit. */
#define CLI_LIMIT_SEARCH	50
/*
 * The rows a listing command may print: --limit N, --all (0, no limit)
 * or def. Returns EXIT_OK, or the usage error it printed.
 */
int	 cli_limit(struct cli *, size_t def, size_t *limit);
/*
 * Says on stderr that a list stopped at its limit, with the true total:
 * "globe: showing 50 of 295; --limit N or --all". Nothing if all shown.
 */
void	 cli_limit_note(size_t shown, size_t total);
/*
 * Lists f into l, at most the command's --limit rows (cli_limit); when
 * that cut the list, *total is the count with no limit (counted only
 * then), else l->n. Prints the error and returns its code on failure.
 */
int	 cli_list_limited(struct cli *, struct cache_filter *,
	    struct out_list *, size_t *total);
/* Fetches one record by key; CACHE_ERR_NOTFOUND if it is not there. */
enum cache_status cli_fetch(struct cli *, enum record_type, const char *id,
	    struct out_list *);

/* cli-sync.c */
int	 cli_cmd_sync(struct cli *);
int	 cli_cmd_status(struct cli *);
/*
 * --demo: syncs the demo feed quietly (replacing the demo directory,
 * keeping stars and read marks) if its index.json is not the one the demo
 * cache was last synced from; does nothing otherwise.
 */
int	 cli_demo_prepare(struct cli *);

/* cli-browse.c */
int	 cli_cmd_countries(struct cli *);
int	 cli_cmd_members(struct cli *);
int	 cli_cmd_authority(struct cli *);
int	 cli_cmd_contacts(struct cli *);
int	 cli_cmd_show(struct cli *);
int	 cli_cmd_star(struct cli *);
int	 cli_cmd_unstar(struct cli *);
int	 cli_cmd_starred(struct cli *);
int	 cli_cmd_default(struct cli *);

/* cli-search.c */
int	 cli_cmd_search(struct cli *);

/* cli-resolve.c */
/*
 * A country as typed (its code or its name, case and accents folded as
 * search folds them) to its code in *code (caller frees). An unknown one
 * prints "no such country 'x'; did you mean Spain (ES)?" and returns
 * EXIT_USAGE; EXIT_OK when found.
 */
int	 cli_resolve_country(struct cli *, const char *arg, char **code);
/*
 * A filter value as typed to the value the cache holds (the same
 * folding, and ' ' or '_' for '-'); unknown: the closest named, or the
 * values there are, and EXIT_USAGE.
 */
int	 cli_resolve_value(struct cli *, enum cache_value_kind,
	    const char *arg, char **value);

/* cli-news.c */
int	 cli_cmd_newsletters(struct cli *);
int	 cli_cmd_read(struct cli *);

#endif
