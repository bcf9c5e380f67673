/*
 * cache.h: the offline cache, one SQLite file. The only public face of
 * cache/, and cache/ is the only code that includes <sqlite3.h>. It owns
 * the schema and its migrations, applying a sync's records in one
 * transaction (routes included: who handles a request in a country), the
 * read-only queries the CLI and TUI show, search, the log of what each
 * sync changed (written in the sync's own transaction), and the user's
 * own state (stars, read marks, notes, flags) that a sync never deletes.
 */
#ifndef GLOBE_CACHE_H
#define GLOBE_CACHE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "common/common.h"

struct cache;

#define CACHE_STATUS_LIST(X) \
	X(CACHE_OK,		N_("ok")) \
	X(CACHE_ERR,		N_("cache error")) \
	X(CACHE_ERR_BUSY,	N_("the cache is locked by another globe process")) \
	X(CACHE_ERR_FULL,	N_("the disk is full")) \
	X(CACHE_ERR_CORRUPT,	N_("the cache file is corrupt")) \
	X(CACHE_ERR_READONLY,	N_("the cache is read-only")) \
	X(CACHE_ERR_NEWER,	N_("the cache was written by a newer globe")) \
	X(CACHE_ERR_IO,		N_("cannot open the cache")) \
	X(CACHE_ERR_REFERENCE,	N_("a record refers to something that is not there")) \
	X(CACHE_ERR_INVALID,	N_("invalid record")) \
	X(CACHE_ERR_NOTFOUND,	N_("not found"))

#define CACHE_STATUS_ENUM(code, msg) code,
enum cache_status { CACHE_STATUS_LIST(CACHE_STATUS_ENUM) };
#undef CACHE_STATUS_ENUM

/* The message of a status, translated (the list marks it with N_). */
const char	*cache_strerror(enum cache_status);
/* The globe exit code for a status (5, or 4 for feed data errors). */
int		 cache_exit_code(enum cache_status);

#define CACHE_OPEN_READONLY	0x1	/* never write; fails if absent */
#define CACHE_OPEN_NOCREATE	0x2	/* fail with CACHE_ERR_NOTFOUND if absent */
#define CACHE_OPEN_NOWAIT	0x4	/* a locked file: CACHE_ERR_BUSY at once */

/*
 * Opens (and creates, migrates) the cache at path: the directory is made
 * 0700 and the file 0600 before SQLite touches it; WAL, synchronous=NORMAL,
 * busy timeout, foreign keys on. A corrupt file is CACHE_ERR_CORRUPT with a
 * cause that says how to rebuild it. *cause (may be NULL) gets detail the
 * caller frees.
 */
enum cache_status cache_open(const char *path, int flags, struct cache **,
		    char **cause);
void		 cache_close(struct cache *);
/*
 * What cache_open changed that the user should hear once (the file was
 * readable by others and is now 0600), or NULL. Borrowed.
 */
const char	*cache_notice(const struct cache *);
/* The schema version this build writes (PRAGMA user_version). */
int		 cache_schema_version(void);

/* Sync state: one row, written in the same transaction as the data. */
struct cache_state {
	char		*feed_id;	/* NULL before the first sync */
	int64_t		 serial;	/* -1 before the first sync */
	char		*issued;	/* RFC 3339, from the index */
	char		*expires;
	char		*etag;		/* validators of index.json (a local
					 * feed: its hash, net_index_tag) */
	char		*last_modified;
	char		*feed_url;	/* where the data came from */
	int64_t		 last_sync;	/* unix time of the last attempt, 0 = never */
	char		*last_result;	/* "ok: +3 ~1 -0" or the error text */
	int64_t		 last_success;	/* unix time of the last good sync */
	char		*reports_url;	/* where flags go, as the index in
					 * force names it; NULL: nowhere */
	char		*members_epoch;	/* key epoch (hex) of an encrypted
					 * index in force, or NULL */
};
enum cache_status cache_state_get(struct cache *, struct cache_state *);
void		 cache_state_clear(struct cache_state *);
/* Records a failed (or no-op) attempt outside any data change. */
enum cache_status cache_state_note(struct cache *, int64_t when,
		    const char *result);
/*
 * A number that changes whenever another connection (another globe
 * process, or the interface's own sync thread) has committed to the
 * file since this connection last looked; this connection's own commits
 * leave it alone. Cheap (no table is read): the interface polls it to
 * reload after a `globe sync` elsewhere.
 */
enum cache_status cache_data_version(struct cache *, int64_t *version,
		    char **cause);

/*
 * The signing keys the feed itself changed: announced in a signed index
 * (trusted from then on, besides the configured ones), or retired (a
 * configured key an index signed by an announced one no longer listed).
 */
struct cache_signing_key {
	char		*key;		/* the public key's base64 line */
	int		 retired;
	int64_t		 serial;	/* of the index that said so */
};
/* Every such key, by serial. *keys (free with cache_signing_keys_free). */
enum cache_status cache_signing_keys(struct cache *,
		    struct cache_signing_key **keys, size_t *n);
void		 cache_signing_keys_free(struct cache_signing_key *, size_t n);
/*
 * In a sync (after cache_apply_begin): replaces them, so they are
 * committed or rolled back with the data.
 */
enum cache_status cache_apply_signing_keys(struct cache *,
		    const struct cache_signing_key *, size_t n, char **cause);

/* Per-type counts of what one sync changed. */
struct cache_changes {
	unsigned	added[REC_NDATA];
	unsigned	changed[REC_NDATA];
	unsigned	removed[REC_NDATA];
	int64_t		log_sync;	/* its number in the change log, 0: none */
};

/*
 * Applying a sync. begin starts BEGIN IMMEDIATE; snapshot marks that a
 * snapshot follows (afterwards the cache holds exactly the records given
 * until the next snapshot call or commit); record upserts one record or
 * performs one delete (REC_DELETE). commit checks every reference (on
 * failure CACHE_ERR_REFERENCE with a cause naming the record and field),
 * brings the search index up to date, writes what changed into the
 * change log (cache_change_*) and the state in the same transaction, and
 * commits. rollback undoes everything since begin; it is
 * safe to call after a failed commit or when nothing was begun.
 */
enum cache_status cache_apply_begin(struct cache *, char **cause);
enum cache_status cache_apply_snapshot(struct cache *, char **cause);
enum cache_status cache_apply_record(struct cache *, const struct record *,
		    char **cause);
enum cache_status cache_apply_commit(struct cache *, const struct cache_state *,
		    struct cache_changes *, char **cause);
void		 cache_apply_rollback(struct cache *);

/* Totals for the status line and `globe status`. */
struct cache_counts {
	unsigned	countries;
	unsigned	authorities;
	unsigned	contacts;
	unsigned	newsletters;
	unsigned	routes;
	unsigned	unread;
	unsigned	starred;
};
enum cache_status cache_counts_get(struct cache *, struct cache_counts *);

/* What a listed row carries besides its record. All borrowed. */
struct cache_extra {
	const char	*country;		/* contact: its authority's country code */
	const char	*country_name;		/* authority, contact, route */
	const char	*authority_name;	/* contact, route */
	const char	*authority_acronym;	/* contact, route */
	const char	*contact_name;		/* route: its contact's */
	const char	*contact_email;		/* route */
	const char	*contact_timezone;	/* route */
	const char	*contact_hours;		/* route */
	unsigned	 authorities;		/* country: member authorities */
	unsigned	 contacts;		/* country, authority */
	unsigned	 routes;		/* country: routes to it */
	int		 starred;		/* authority, contact */
	int		 read;			/* newsletter */
	const char	*note;			/* authority, contact, route:
						   the officer's own note */
};

/*
 * Called once per row; the record and extra are valid only during the
 * call. Return non-zero to stop early.
 */
typedef int	(*cache_row_cb)(const struct record *, const struct cache_extra *,
		    void *);

struct cache_filter {
	enum record_type type;		/* REC_COUNTRY … REC_ROUTE */
	const char	*id;		/* one record by key */
	const char	*country;	/* authorities, contacts, routes of a country */
	const char	*measure;	/* routes of a country: of this measure only */
	const char	*authority;	/* contacts, routes of an authority */
	const char	*text;		/* newsletters holding it (folded) in */
					/* their title, summary or body */
	int		 starred_only;
	size_t		 offset;
	size_t		 limit;		/* 0 = no limit */
};

/*
 * Lists records in display order (countries and authorities by folded
 * name, contacts by folded name, newsletters newest first, routes by
 * country, measure and id: ranking them is the presentation's). A single id
 * that does not exist gives CACHE_ERR_NOTFOUND.
 */
enum cache_status cache_list(struct cache *, const struct cache_filter *,
		    cache_row_cb, void *);
/* Rows the same filter would give with no offset/limit. */
enum cache_status cache_list_count(struct cache *, const struct cache_filter *,
		    size_t *);
/* The name of the country with this code, or NULL. Caller frees. */
char		*cache_country_name(struct cache *, const char *code);
/* The type of the authority, contact or route with this id, or -1. */
int		 cache_id_type(struct cache *, const char *id);
/* Called once per id; id and name are valid only during the call. */
typedef int	(*cache_id_cb)(const char *id, const char *name, void *);
/*
 * The ids of authorities, contacts or newsletters that begin with prefix
 * (bytes compared), in byte order, at most limit, each with its name (a
 * newsletter's title). Cheap at any size: it reads the id index from
 * prefix on, for shell completion.
 */
enum cache_status cache_ids_list(struct cache *, enum record_type,
		    const char *prefix, size_t limit, cache_id_cb, void *);

/* The search filters whose values come from the records (cache_query). */
enum cache_value_kind {
	CACHE_VALUES_KIND,		/* authorities' kind */
	CACHE_VALUES_ROLE,		/* contacts' role */
	CACHE_VALUES_EXPERTISE,		/* authorities' expertise */
	CACHE_VALUES_LANGUAGE,		/* authorities' and contacts' languages */
	CACHE_VALUES_MEASURE		/* routes' measures */
};

/*
 * The distinct values the cache holds for a filter, in byte order, so a
 * front end can tell a typed value from a misspelt one and name the
 * closest. *v is an array of *n strings; free it with cache_values_free.
 * It reads every such value: call it when a filter is given, not per
 * keystroke.
 */
enum cache_status cache_values_list(struct cache *, enum cache_value_kind,
		    char ***v, size_t *n);
void		 cache_values_free(char **v, size_t n);
/*
 * Whether a record holds text as a value of the filter (ASCII case
 * ignored, as the search filters compare): *value gets the record's
 * spelling (caller frees), or CACHE_ERR_NOTFOUND. Stops at the first
 * record, so a value that is there costs next to nothing.
 */
enum cache_status cache_value_find(struct cache *, enum cache_value_kind,
		    const char *text, char **value);

/* Search: one query box, people, authorities and routes together. */
struct cache_query {
	const char	*text;		/* user text, never FTS syntax */
	const char	*country;	/* filters (NULL = any) */
	const char	*kind;		/* authority kind */
	const char	*role;		/* contact role (only contacts) */
	const char	*expertise;	/* the authority's */
	const char	*language;
	size_t		 limit;		/* 0 = 50 */
	size_t		 offset;
	size_t		 count_upto;	/* cache_search_count: stop past this many (0: all) */
};

/*
 * One hit: the parts of its record a result line is made of, as the feed
 * has them (NULL when absent); how they are worded is the front ends'
 * (present_hit_detail).
 */
struct cache_hit {
	enum record_type type;		/* REC_AUTHORITY, REC_CONTACT or REC_ROUTE */
	char		*id;
	char		*name;			/* route: its measure's label */
	char		*title;			/* contact: its title */
	char		*authority_name;	/* contact, route: its authority's */
	char		*authority_acronym;	/* contact, route: its authority's */
	char		*acronym;		/* authority: its acronym */
	char		*kind;			/* authority: its kind */
	char		*country;	/* code */
	char		*country_name;
	char		*authority;	/* contact's or route's authority id */
	char		*email;
};

struct cache_hits {
	struct cache_hit *v;
	size_t		  n;
};

/*
 * Runs a search; results ordered exact and prefix name matches first,
 * then by folded name. An empty or all-punctuation query gives an empty
 * list (not an error); count_upto is ignored (cache_search_count
 * counts). hits must be freed with cache_hits_free.
 */
enum cache_status cache_search(struct cache *, const struct cache_query *,
		    struct cache_hits *, char **cause);
void		 cache_hits_free(struct cache_hits *);
/*
 * How many entries the query matches in all, its limit and offset
 * ignored: as many hits as cache_search gives with no limit, counted
 * without reading what they show. For "showing 50 of 295" when a
 * search stopped at its limit (run it only then: it visits every match).
 * With q->count_upto it stops one past that many (*n > count_upto: more).
 */
enum cache_status cache_search_count(struct cache *, const struct cache_query *,
		    size_t *n, char **cause);

/* User state, keyed by stable ids; sync never deletes it. */
enum cache_status cache_star_set(struct cache *, enum record_type,
		    const char *id, int on);
enum cache_status cache_read_set(struct cache *, const char *newsletter_id,
		    int read);
/* Marks every newsletter in the cache read (A in the newsletters). */
enum cache_status cache_read_all(struct cache *);

/*
 * The officer's own notes, one per record (contacts, authorities and
 * routes), keyed by type and id like the stars: never sent, kept across
 * every sync, also while the record is away, and searched with it.
 */
#define CACHE_NOTE_MAX		4096	/* bytes of a note */
/*
 * Sets the note on a record (text NULL or empty: removes it) at time now
 * and brings the record's search entry up to date, in one transaction.
 * CACHE_ERR_INVALID for text that is not UTF-8 or longer than the cap.
 */
enum cache_status cache_note_set(struct cache *, enum record_type,
		    const char *id, const char *text, int64_t now);
/* The note on a record (caller frees), or CACHE_ERR_NOTFOUND. */
enum cache_status cache_note_get(struct cache *, enum record_type,
		    const char *id, char **text);

/*
 * Flags: the officer says a record is outdated. Each is kept with the
 * record's name and the feed serial seen, until it is sent to the
 * feed's reports URL (net/) or withdrawn while still pending.
 */
#define CACHE_FLAG_MAX		1000	/* bytes of a flag's text */
struct cache_flag {
	int64_t		 n;		/* its number, for unflag */
	enum record_type type;
	char		*id;
	char		*name;		/* the record's name when flagged */
	char		*text;
	int64_t		 created;	/* unix time */
	char		*feed_id;	/* of the data seen, or NULL */
	int64_t		 serial;	/* -1: no data */
	char		*report_id;	/* random, 32 hex digits: a receiver
					   tells a repeated report by it */
	int64_t		 sent;		/* unix time, 0: pending */
	unsigned	 attempts;
	char		*last_error;	/* why the last send failed, or NULL */
};
enum cache_flag_which {
	CACHE_FLAGS_ALL,
	CACHE_FLAGS_PENDING,
	CACHE_FLAGS_SENT
};
/*
 * Adds a flag on a record with its name (may be NULL), the text, the
 * time now and the sync state's feed id and serial; *n gets its number.
 * CACHE_ERR_INVALID for empty text, text that is not UTF-8, or longer
 * than the cap.
 */
enum cache_status cache_flag_add(struct cache *, enum record_type,
		    const char *id, const char *name, const char *text,
		    int64_t now, int64_t *n);
/*
 * The flags, oldest first: which of them, and only those on one record
 * when id is not NULL. Free with cache_flags_free.
 */
enum cache_status cache_flags_list(struct cache *, enum cache_flag_which,
		    enum record_type, const char *id, struct cache_flag **v,
		    size_t *n);
void		 cache_flags_free(struct cache_flag *, size_t);
/*
 * Withdraws flag n while it is pending: CACHE_ERR_NOTFOUND when there is
 * no such flag, CACHE_ERR_INVALID when it was sent already.
 */
enum cache_status cache_flag_remove(struct cache *, int64_t n);
/*
 * Records one attempt to send flag n: sent (a unix time) marks it sent;
 * 0 keeps it pending with error saying why.
 */
enum cache_status cache_flag_result(struct cache *, int64_t n, int64_t sent,
		    const char *error);

/*
 * The change log: what each of the last CACHE_CHANGE_SYNCS syncs that
 * changed something added, changed and removed, record by record, with
 * the fields that changed. The first sync into an empty cache is logged
 * with its counts alone ("first"): everything in it is new.
 */
#define CACHE_CHANGE_SYNCS	50
enum cache_change_what {
	CACHE_CHANGE_ADDED,
	CACHE_CHANGE_CHANGED,
	CACHE_CHANGE_REMOVED
};
struct cache_change_sync {
	int64_t		 sync;		/* its number, counting up */
	int64_t		 at;		/* unix time */
	int64_t		 old_serial;	/* -1: the cache was empty */
	int64_t		 serial;
	int		 first;		/* the first fill: no entries */
	struct cache_changes counts;
};
struct cache_change {
	int64_t		 sync;
	enum record_type type;
	char		*id;
	char		*name;		/* a route: its measure code; a
					   removed record: its last name */
	enum cache_change_what what;
	char		*fields;	/* changed: "title,phone" (the feed's
					   field names), else NULL */
};
/*
 * The logged syncs, oldest first: number sync alone (>0), or those at or
 * after since (a unix time, >0), or else the last one. Free the array.
 */
enum cache_status cache_change_syncs(struct cache *, int64_t sync,
		    int64_t since, struct cache_change_sync **v, size_t *n);
/*
 * The entries of one logged sync, by type, then added, changed, removed,
 * then name; type -1 for every type. Free with cache_changes_free.
 */
enum cache_status cache_change_list(struct cache *, int64_t sync, int type,
		    struct cache_change **v, size_t *n);
void		 cache_changes_free(struct cache_change *, size_t);
/* The number of the newest logged sync, 0 when none is. */
enum cache_status cache_change_last(struct cache *, int64_t *sync);
/*
 * The fields of a record that syncs after number after changed, each
 * once, comma-separated ("title,phone"), or NULL when none did. For the
 * record's screen: what changed since the interface started.
 */
enum cache_status cache_changed_fields(struct cache *, enum record_type,
		    const char *id, int64_t after, char **fields);

/*
 * A checksum of every directory row and the sync state (not the user
 * state), for tests that prove a failed sync changed nothing. Caller
 * frees the hex string.
 */
enum cache_status cache_checksum(struct cache *, char **hex);

#endif
