/*
 * cmd.h: the command-line part of tui/ (cmd-*.c, libtui_cmd.a): the
 * command table and its dispatch, the config file, and the writers that
 * print every list to stdout as a human table, JSON, CSV or vCard. What a
 * record looks like comes from the presentation part (tui/present.h); the
 * full-screen interface is reached only through the tui_full_screen_fn
 * main passes to cli_main, so this part links no curses.
 */
#ifndef GLOBE_TUI_CMD_H
#define GLOBE_TUI_CMD_H

#include <stddef.h>
#include <stdio.h>

#include "cache/cache.h"
#include "common/common.h"
#include "tui/present.h"

struct net_options;
struct net_result;
struct net_trusted_key;

/* cmd-config.c ---------------------------------------------------------- */

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
	long	 history;			/* history = N, if ... */
	int	 history_set;			/* ... set */
	char	*country;			/* country = CC: the officer's
						   own State (upper case) */
	int	 bidi;				/* bidi = auto | on | off (enum tui_bidi) */
	int	 theme;				/* theme = NAME (enum theme_id) */
	struct theme_color *colors;		/* color = lines, checked, in order */
	size_t	 ncolors;
	char	*device_key;			/* a member-only feed: this device's key */
	char	*passphrase_file;		/* its passphrase (a 0600 file) */
	char	*language;			/* language = a LANGUAGE list
						   for the messages, checked */
};
/* The search history's length across sessions (history = N), and its file. */
#define TUI_HISTORY_DEFAULT	100
#define TUI_HISTORY_MAX		100
#define TUI_HISTORY_FILE	"search-history"

/*
 * Reads the config file at path ("key = value", # comments). A missing
 * file is fine unless required. Returns 0, or -1 with *cause (caller
 * frees), e.g. "config:3: unknown key 'x'".
 */
int	 tui_config_load(struct tui_config *, const char *path, int required,
	    char **cause);
/*
 * Reads the config file at path as tui_config_load does, but on past a
 * bad line: calls cb for each error with its line number (0: the file
 * itself) and message. Returns the number of errors.
 */
typedef void	(*tui_config_error_cb)(int line, const char *message,
		    void *);
int	 tui_config_check(const char *path, tui_config_error_cb, void *);
/* The keys the config file takes, in the parser's order; *n their number. */
const char *const *tui_config_keys(size_t *n);
void	 tui_config_clear(struct tui_config *);
/*
 * The text of a public key given inline (the base64 line or a .pub file's
 * text) or as the path of a .pub file ("~/" expanded); decided by whether
 * the value parses as a key. Caller frees; NULL with *cause if it is
 * neither, or the file holds no key.
 */
char	*tui_config_pubkey(const char *value, char **cause);

/* cmd-human.c: the human format --------------------------------------- */

enum out_format {
	OUT_HUMAN,
	OUT_JSON,
	OUT_CSV,
	OUT_VCARD
};
#define OUT_FMASK(f)	(1 << (f))
#define OUT_FALL	0xf
/* The formats a command offers. */
#define CLI_F_HUMAN	OUT_FMASK(OUT_HUMAN)
#define CLI_F_HJ	(CLI_F_HUMAN | OUT_FMASK(OUT_JSON))
#define CLI_F_LIST	(CLI_F_HJ | OUT_FMASK(OUT_CSV))
#define CLI_F_PEOPLE	(CLI_F_LIST | OUT_FMASK(OUT_VCARD))

/*
 * The width human output is laid out for: the terminal's, else $COLUMNS
 * (20 to 1000), else fallback (0: no limit, nothing cut).
 */
int	 out_width(int fallback);
/* A list in the columns of list (present_grid), titles first (bold if asked); nothing for no rows. */
void	 out_human_table(struct buf *, const struct out_list *,
	    enum present_list, int opts, const struct present_ctx *,
	    int width, int bold);
/* One record as its labelled fields; auth: a contact's authority, or NULL. */
void	 out_human_record(struct buf *, const struct out_item *,
	    const struct out_item *auth, const struct present_ctx *, int width);
/* Writes buf to stdout; 0, or -1 if writing failed. */
int	 out_write(const struct buf *);

/* cmd-json.c ------------------------------------------------------------- */

/* The list as one JSON array of objects, with a final newline. Caller frees. */
char	*out_json_list(const struct out_list *);
/*
 * Measures (globe route CC, globe measures) as a JSON array: measure,
 * label, routes, and not_possible, alternative, alternative_label when
 * none is possible. Caller frees.
 */
char	*out_json_measures(const struct present_measure *, size_t n);
/*
 * The flags as a JSON array (number, record, text, times, state),
 * with a final newline. Caller frees.
 */
char	*out_json_flags(const struct cache_flag *, size_t);
/*
 * The pending flags as the documents a reports URL receives
 * (net_report_document), in one JSON array. Caller frees.
 */
char	*out_json_reports(const struct cache_flag *, size_t);
/*
 * Logged syncs, each with its counts and the entries entries[i] (n[i]
 * of them) as "changes", as one JSON array. Caller frees.
 */
char	*out_json_changes(const struct cache_change_sync *, size_t,
	    struct cache_change *const *entries, const size_t *n);
/* What `globe sync --json` prints of a sync that succeeded. Caller frees. */
char	*out_json_sync(const struct net_result *);
/* What `globe status` knows, for out_json_status. */
struct out_status {
	const char			*db;		/* the cache's path */
	const struct cache_state	*state;
	const struct cache_counts	*counts;
	const char			*last_sync;	/* ISO 8601, or NULL */
	const char			*last_success;	/* ISO 8601, or NULL */
	const struct net_trusted_key	*keys;		/* trusted or retired */
	size_t				 nkeys;
	const char			*device;	/* recipient key, or NULL */
};
/* `globe status --json`: one object, keys in a fixed order. Caller frees. */
char	*out_json_status(const struct out_status *);
/*
 * Escapes what jansson leaves raw but a terminal would obey: DEL, C1
 * controls, bidi controls, U+2028/2029 become \uXXXX. text must be JSON
 * output (these only occur inside strings). Caller frees.
 */
char	*out_json_safe(const char *text);

/* cmd-csv.c ------------------------------------------------------------ */

/*
 * One CSV cell: sanitized (multiline keeps newlines), a leading = + - @
 * TAB or CR neutralised with a ', quoted if it holds , " CR or LF.
 */
void	 out_csv_cell(struct buf *, const char *s, int multiline);
/* The list as RFC 4180 CSV: header row, CRLF line ends. */
void	 out_csv_list(struct buf *, const struct out_list *);
/* Measures as CSV, with the keys of out_json_measures as its header. */
void	 out_csv_measures(struct buf *, const struct present_measure *,
	    size_t n);

/* cmd.c: the globe command ------------------------------------------------ */

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
	OPT_URGENT,
	OPT_NORMAL,
	OPT_STAGE,
	OPT_FROM,
	OPT_STALE,
	OPT_SYNC,
	OPT_SINCE,
	OPT_TYPE,
	OPT_PENDING,
	OPT_SENT,
	OPT_EXPORT,
	OPT_CLEAR,
	OPT_PASSPHRASE_FILE,
	OPT_PASSPHRASE,
	OPT_MAX
};

/*
 * What an argument or an option's value is, so shell completion (`globe
 * __complete`, cmd-complete.c) can offer the values that fit. A new kind
 * is one entry here, its name and its case in cmd-complete.c; a new
 * command needs its row in cmd-complete.c's complete_args (complete.sh
 * fails without one), a new option's value its kind there unless it is
 * a FILE.
 */
enum cli_arg {
	CLI_ARG_END,		/* ends a list; nothing to offer */
	CLI_ARG_NONE,		/* free text (search words, a number) */
	CLI_ARG_FILE,		/* a file name */
	CLI_ARG_COMMAND,	/* a command's name */
	CLI_ARG_WORD,		/* one of the command's words (a subcommand) */
	CLI_ARG_COUNTRY,	/* a country's code or name */
	CLI_ARG_AUTHORITY,	/* an authority's id */
	CLI_ARG_RECORD,		/* an authority's or a contact's id */
	CLI_ARG_NEWSLETTER,	/* a newsletter's id */
	CLI_ARG_KIND,		/* the values of a search filter ... */
	CLI_ARG_ROLE,
	CLI_ARG_EXPERTISE,
	CLI_ARG_LANGUAGE,
	CLI_ARG_MEASURE,	/* a measure's code (globe route) */
	CLI_ARG_STAGE,		/* a stage of a case (--stage) */
	CLI_ARG_MAX
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

/* An option of a command: its name (without --), argument and help. */
struct cli_option_info {
	const char	*name;
	const char	*arg;		/* NULL for a flag */
	const char	*help;
};
/* The option's entry in cmd.c's table. */
const struct cli_option_info *cli_option_info(enum cli_opt);
/* The commands in --help's order; *n gets their number. */
const struct cli_command *const *cli_command_list(size_t *n);
/* A command by name, or NULL. */
const struct cli_command *cli_command_find(const char *name);

/* A global option (before or after the command). */
struct cli_global_info {
	const char	*name;		/* with its dashes */
	const char	*arg;		/* NULL for a flag */
	const char	*help;
	enum cli_arg	 value;
	int		 formats;	/* an output format's OUT_FMASK, or 0 */
};
/* The global options, in --help's order; *n gets their number. */
const struct cli_global_info *cli_global_list(size_t *n);

struct cli {
	tui_full_screen_fn full_screen;	/* tui_app_run, or NULL */
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
	const char	*demo_index;	/* its index to start from, or NULL */
	struct tui_config config;
	char		*device_key;	/* the device key file, once asked for */
	struct present_ctx ctx;		/* stale_days from the config */
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

/* The config file globe reads: --config, else the XDG one. Caller frees. */
char	*cli_config_file(const struct cli *);

/*
 * Runs globe; returns the exit code. full_screen opens the curses
 * interface for a bare `globe` on a terminal (NULL: never).
 */
int	 cli_main(int argc, char **argv, tui_full_screen_fn full_screen);
/* Prints "globe: message" on stderr; returns code. */
int	 cli_error(int code, const char *fmt, ...) GLOBE_PRINTF(2, 3);
/*
 * Prints "globe: what: cause" for a cache status; returns its exit code.
 * what is translated by the caller: _("cannot read the cache").
 */
int	 cli_cache_error(enum cache_status, const char *what, char *cause);
/* Prints the usage line of the current command on stderr; returns 2. */
int	 cli_usage_error(struct cli *, const char *fmt, ...) GLOBE_PRINTF(2, 3);
/* Prints buf in the chosen format's way; returns the exit code. */
int	 cli_print(struct buf *);
/*
 * Prints a list in the chosen format; the human one in the columns of
 * list (with ids, for scripts), laid out for the terminal's width. Marks
 * each record stale or not first, for the data formats' "stale".
 */
int	 cli_print_list(struct cli *, struct out_list *,
	    enum present_list list);
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

/* Option lists more than one command takes (cmd.c). */
extern const enum cli_opt cli_opts_none[];	/* none */
extern const enum cli_opt cli_opts_list[];	/* --limit, --all */

/*
 * The commands, each defined beside its handler: cmd-sync.c (sync,
 * status), cmd-browse.c (countries, members, authority, contacts, show,
 * star, unstar, starred, and what runs with no command), cmd-search.c,
 * cmd-news.c (newsletters, read), cmd-conf.c (config), cmd-fresh.c
 * (changes, flag, flags, unflag, note).
 */
extern const struct cli_command cli_entry_sync, cli_entry_status,
	    cli_entry_countries, cli_entry_members, cli_entry_authority,
	    cli_entry_contacts, cli_entry_show, cli_entry_star,
	    cli_entry_unstar, cli_entry_starred, cli_entry_default,
	    cli_entry_search, cli_entry_newsletters, cli_entry_read,
	    cli_entry_config, cli_entry_route, cli_entry_measures,
	    cli_entry_changes, cli_entry_flag, cli_entry_flags,
	    cli_entry_unflag, cli_entry_note, cli_entry_device;

/* cmd-complete.c */
/* The hidden command the shells' completion scripts run. */
#define CLI_COMPLETE	"__complete"
/*
 * `globe __complete line WORD...`: what may replace the last WORD of the
 * command line `globe WORD...`; `globe __complete config-keys`: the keys
 * the config file takes. Reads the cache read-only and never waits for
 * a lock; prints nothing on stderr, ever. Returns the exit code.
 */
int	 cli_complete(int argc, char **argv);

/* cmd-device.c: this device's key for member-only feeds */
/*
 * The device key file: device_key from the config, else device.key in
 * the data directory (whatever --db says). Caller frees.
 */
char	*cli_device_key_path(struct cli *);
/*
 * Reads a passphrase from the terminal (/dev/tty), never echoed, after
 * printing prompt there: its length in buf (size bytes, locked memory),
 * or -1 when there is no terminal or nothing was typed.
 */
int	 cli_passphrase_tty(const char *prompt, char *buf, size_t size);

/*
 * --demo: syncs the demo feed quietly (replacing the demo directory,
 * keeping stars and read marks) if its index.json is not the one the demo
 * cache was last synced from; does nothing otherwise.
 */
int	 cli_demo_prepare(struct cli *);

/* cmd-resolve.c */
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
/*
 * A code of vocabulary voc as typed (the code, or its label in English or
 * translated, folded) to the code in *code (caller frees): one of extra
 * (codes the cache holds, which may be new) or of the vocabulary. An
 * unknown one prints "no such WHAT 'x'; did you mean ...?" (or, when
 * none is close, the hint none, which may be NULL) and returns EXIT_USAGE.
 */
int	 cli_resolve_code(struct cli *, enum vocab, const char *arg,
	    char *const *extra, size_t nextra, const char *none, char **code);

#endif
