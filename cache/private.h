/*
 * private.h: what the files of cache/ share and nothing outside sees: the
 * connection structure, the table of SQL statements (stmt.c), error
 * mapping (open.c), the migration steps (schema.c), the rows read back as
 * records (query.c), and search: its index (search-index.c), its
 * vocabulary (search-vocab.c), a query's plan (search-plan.c), which
 * search-query.c runs.
 */
#ifndef GLOBE_CACHE_PRIVATE_H
#define GLOBE_CACHE_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include <sodium.h>
#include <sqlite3.h>

#include "cache/cache.h"
#include "common/common.h"

/* How long a statement waits for another connection's lock (ms). */
#define CACHE_BUSY_TIMEOUT	5000

/*
 * Search entries are numbered this far apart by a rebuild, so an
 * incremental insert finds room between its neighbours by name. Small,
 * because the FTS indexes store rowid deltas as varints: 32 keeps most
 * of them one byte (2^32 apart made both indexes twice the size).
 */
#define SEARCH_STEP		32
#define SEARCH_STEP_SQL		"32"

/* Every SQL statement of cache/, by name; the text is in stmt.c. */
enum stmt_id {
	/* apply: change tracking */
	STMT_TOUCH_COUNTRY,
	STMT_TOUCH_AUTHORITY,
	STMT_TOUCH_CONTACT,
	STMT_TOUCH_NEWSLETTER,
	STMT_TOUCH_ROUTE,
	STMT_TOUCHED_CLEAR,
	STMT_TOUCHED_NEWHASH,
	STMT_TOUCHED_COUNTS,
	/* apply: upserts and deletes */
	STMT_UPSERT_COUNTRY,
	STMT_UPSERT_AUTHORITY,
	STMT_UPSERT_CONTACT,
	STMT_UPSERT_NEWSLETTER,
	STMT_UPSERT_ROUTE,
	STMT_DELETE_COUNTRY,
	STMT_DELETE_AUTHORITY,
	STMT_DELETE_CONTACT,
	STMT_DELETE_NEWSLETTER,
	STMT_DELETE_ROUTE,
	STMT_LINK_DEL_AUTH_LANG,
	STMT_LINK_DEL_AUTH_EXPERTISE,
	STMT_LINK_DEL_AUTH_DESIGNATION,
	STMT_LINK_DEL_CONTACT_LANG,
	STMT_LINK_DEL_ROUTE_FROM,
	STMT_LINK_DEL_ROUTE_LANG,
	STMT_LINK_DEL_ROUTE_REQ,
	STMT_LINK_DEL_ROUTE_BASIS,
	STMT_LINK_INS_AUTH_LANG,
	STMT_LINK_INS_AUTH_EXPERTISE,
	STMT_LINK_INS_AUTH_DESIGNATION,
	STMT_LINK_INS_CONTACT_LANG,
	STMT_LINK_INS_ROUTE_FROM,
	STMT_LINK_INS_ROUTE_LANG,
	STMT_LINK_INS_ROUTE_REQ,
	STMT_LINK_INS_ROUTE_BASIS,
	/* apply: references */
	STMT_REF_AUTHORITY,
	STMT_REF_CONTACT,
	STMT_REF_ROUTES,
	/* apply: whether the cache holds no record (the first sync) */
	STMT_CACHE_EMPTY,
	/* sync state */
	STMT_STATE_GET,
	STMT_STATE_PUT,
	STMT_STATE_NOTE,
	/* another connection's commits */
	STMT_DATA_VERSION,
	/* signing keys announced or retired by the feed */
	STMT_KEYS_GET,
	STMT_KEYS_CLEAR,
	STMT_KEYS_PUT,
	/* lists: one statement per access path */
	STMT_LIST_COUNTRIES,
	STMT_LIST_COUNTRY_ID,
	STMT_LIST_AUTHORITIES,
	STMT_LIST_AUTHORITY_ID,
	STMT_LIST_AUTHORITIES_COUNTRY,
	STMT_LIST_CONTACTS,
	STMT_LIST_CONTACT_ID,
	STMT_LIST_CONTACTS_AUTHORITY,
	STMT_LIST_CONTACTS_COUNTRY,
	STMT_LIST_NEWSLETTERS,
	STMT_LIST_NEWSLETTER_ID,
	STMT_LIST_NEWSLETTERS_TEXT,
	STMT_COUNT_COUNTRIES,
	STMT_COUNT_COUNTRY_ID,
	STMT_COUNT_AUTHORITIES,
	STMT_COUNT_AUTHORITY_ID,
	STMT_COUNT_AUTHORITIES_COUNTRY,
	STMT_COUNT_CONTACTS,
	STMT_COUNT_CONTACT_ID,
	STMT_COUNT_CONTACTS_AUTHORITY,
	STMT_COUNT_CONTACTS_COUNTRY,
	STMT_COUNT_NEWSLETTERS,
	STMT_COUNT_NEWSLETTER_ID,
	STMT_COUNT_NEWSLETTERS_TEXT,
	STMT_LIST_ROUTES,
	STMT_LIST_ROUTE_ID,
	STMT_LIST_ROUTES_COUNTRY,
	STMT_LIST_ROUTES_AUTHORITY,
	STMT_COUNT_ROUTES,
	STMT_COUNT_ROUTE_ID,
	STMT_COUNT_ROUTES_COUNTRY,
	STMT_COUNT_ROUTES_AUTHORITY,
	STMT_COUNTS,
	STMT_ID_TYPE,
	/* ids by prefix (cache_ids_list) */
	STMT_IDS_AUTHORITY,
	STMT_IDS_CONTACT,
	STMT_IDS_NEWSLETTER,
	/* the distinct values of the search filters (cache_values_list) */
	STMT_VALUES_KIND,
	STMT_VALUES_ROLE,
	STMT_VALUES_EXPERTISE,
	STMT_VALUES_LANGUAGE,
	STMT_VALUES_MEASURE,
	STMT_VALUE_KIND,
	STMT_VALUE_ROLE,
	STMT_VALUE_EXPERTISE,
	STMT_VALUE_LANGUAGE,
	STMT_VALUE_MEASURE,
	/* checksum: every row by key */
	STMT_SUM_COUNTRIES,
	STMT_SUM_AUTHORITIES,
	STMT_SUM_CONTACTS,
	STMT_SUM_NEWSLETTERS,
	STMT_SUM_ROUTES,
	/* apply: the change log (changes.c) */
	STMT_ROW_COUNTRY,
	STMT_ROW_AUTHORITY,
	STMT_ROW_CONTACT,
	STMT_ROW_NEWSLETTER,
	STMT_ROW_ROUTE,
	STMT_OLD_CLEAR,
	STMT_OLD_PUT,
	STMT_OLD_GET,
	STMT_TOUCHED_CHANGED,
	STMT_LOG_NEXT,
	STMT_LOG_SYNC_PUT,
	STMT_LOG_PUT,
	STMT_LOG_PRUNE,
	STMT_LOG_PRUNE_SYNCS,
	/* the change log read back */
	STMT_LOG_SYNCS,
	STMT_LOG_LAST,
	STMT_LOG_ENTRIES,
	STMT_LOG_FIELDS,
	/* notes and flags (user.c) */
	STMT_NOTE_SET,
	STMT_NOTE_DEL,
	STMT_NOTE_GET,
	STMT_AFFECTED_ONE,
	STMT_FLAG_ADD,
	STMT_FLAG_LIST,
	STMT_FLAG_STATE,
	STMT_FLAG_DEL,
	STMT_FLAG_SENT,
	STMT_FLAG_FAILED,
	/* user state */
	STMT_STAR_ON,
	STMT_STAR_OFF,
	STMT_READ_ON,
	STMT_READ_OFF,
	STMT_READ_ALL,
	/* search index maintenance */
	STMT_SEARCH_CLEAR,
	STMT_SEARCH_FILL,
	STMT_SEARCH_WORD_REBUILD,
	STMT_SEARCH_TRI_REBUILD,
	STMT_SEARCH_NAME_REBUILD,
	STMT_SEARCH_COUNT,
	STMT_SEARCH_SOURCES,
	STMT_AFFECTED_CLEAR,
	STMT_AFFECTED_DIRECT,
	STMT_AFFECTED_AUTH_CONTACTS,
	STMT_AFFECTED_COUNTRY_AUTHS,
	STMT_AFFECTED_COUNTRY_CONTACTS,
	STMT_AFFECTED_AUTH_ROUTES,
	STMT_AFFECTED_COUNTRY_ROUTES,
	STMT_AFFECTED_COUNT,
	STMT_AFFECTED_LIST,
	STMT_ENTRY_FIND,
	STMT_ENTRY_DELETE,
	STMT_WORD_DELETE,
	STMT_TRI_DELETE,
	STMT_NAME_DELETE,
	STMT_WORD_INSERT,
	STMT_TRI_INSERT,
	STMT_NAME_INSERT,
	STMT_ENTRY_SOURCE_AUTHORITY,
	STMT_ENTRY_SOURCE_CONTACT,
	STMT_ENTRY_SOURCE_ROUTE,
	STMT_ENTRY_PREV,
	STMT_ENTRY_NEXT,
	STMT_ENTRY_INSERT,
	STMT_ENTRY_WINDOW,
	STMT_ENTRY_MOVE,
	STMT_TERM_CLEAR,
	STMT_TERM_FILL,
	STMT_TERM_TRI_REBUILD,
	STMT_TERM_ADD,
	STMT_TERM_TRI_ADD,
	STMT_FTS5_API,
	/* search queries */
	STMT_READ_BEGIN,
	STMT_READ_END,
	STMT_FIND_EXACT,
	STMT_FIND_ACRONYM,
	STMT_FIND_PREFIX,
	STMT_FIND_TRI,
	STMT_FIND_WORD,
	STMT_FIND_NAME,
	STMT_TERM_CONTAINS,
	STMT_TERM_PREFIX,
	STMT_HIT_NAMES,
	STMT_COUNT
};

struct cache {
	sqlite3		*db;
	char		*path;
	int		 flags;
	int		 in_apply;	/* between begin and commit/rollback */
	int		 rebuild;	/* a snapshot: rebuild search at commit */
	int		 direct;	/* rollback journal, not WAL (apply.c) */
	int		 logging;	/* the change log gets entries: the
					 * cache held records at begin */
	char		*notice;	/* what opening changed (cache_notice) */
	sqlite3_stmt	*stmt[STMT_COUNT];
	unsigned char	 stmt_busy[STMT_COUNT];
	/* search_word's tokenizer, made on first use (search-vocab.c) */
	fts5_tokenizer	 tok_api;
	Fts5Tokenizer	*tok;
};

/* stmt.c */
/* Scripts for sqlite3_exec: start of a snapshot; the temporary tables. */
extern const char stmt_snapshot_sql[];
extern const char stmt_temp_sql[];
/* Adds the keys of a snapshot to temp.touched at its commit (apply.c). */
extern const char stmt_snapshot_end_sql[];
/* Drop and make search_entry's indexes around a rebuild (search-index.c). */
extern const char stmt_entry_index_drop_sql[];
extern const char stmt_entry_index_sql[];
/* Recounts country_stats and totals from the data tables (apply.c). */
extern const char stmt_stats_sql[];
/*
 * Returns the statement id, prepared on first use and kept until close,
 * reset and with no bindings. If it is already in use (a callback that
 * lists again), a private copy is prepared. NULL on error (the error is
 * in sqlite3_errcode(c->db)). Give it back with stmt_put.
 */
sqlite3_stmt	*stmt_get(struct cache *, enum stmt_id);
void		 stmt_put(struct cache *, enum stmt_id, sqlite3_stmt *);
void		 stmt_finalize_all(struct cache *);
/* Binds a string or NULL. */
int		 stmt_bind_text(sqlite3_stmt *, int, const char *);
/* Runs a statement that returns no rows: get, step, put. */
int		 stmt_run(struct cache *, enum stmt_id);
/* The same with one text parameter. */
int		 stmt_run_text(struct cache *, enum stmt_id, const char *);
/* Runs a statement that returns one integer (a count, a PRAGMA). */
int		 stmt_int64(struct cache *, enum stmt_id, int64_t *);
/* A text column as a new string (caller frees), or NULL for NULL. */
char		*stmt_column_dup(sqlite3_stmt *, int col);
/* Every row of a record type by key (the checksum, the change log). */
extern const enum stmt_id stmt_all_rows[REC_NDATA];

/* keys.c: adds the signing keys to a checksum being made (cache_checksum). */
enum cache_status keys_sum(struct cache *, crypto_hash_sha256_state *);

/* open.c */
/*
 * Maps an SQLite result code to a status and, when cause is not NULL,
 * sets *cause to "<path>: <what>: <sqlite message>" (corruption gets the
 * advice to rebuild).
 */
enum cache_status cache_fail(struct cache *, int rc, char **cause,
		    const char *what);
/* Runs SQL text (no rows wanted). */
int		 cache_exec(struct cache *, const char *sql);

/* schema.c */
/*
 * Brings the schema from its current version to the newest, all missing
 * steps in one transaction. CACHE_ERR_NEWER if the file is newer.
 */
enum cache_status cache_migrate(struct cache *, char **cause);
/*
 * Refuses a file whose schema holds what globe never creates: before an
 * upgrade (complete 0, from cache_migrate) any trigger or view, after
 * opening (complete 1) any object not in the current schema, or one of
 * it missing.
 */
enum cache_status cache_schema_check(struct cache *, int complete,
		    char **cause);
/*
 * Test hook: runs the first version steps on a bare connection and sets
 * user_version to version (no search rebuild). SQLite result code.
 */
int		 cache_migrate_to(sqlite3 *, int version);

/* ---- search: what the index and the queries both read ------------------ */

/*
 * Whether cp separates words (the query's words, and the parts of an
 * indexed text, split the same way).
 */
static inline int
search_is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 ||
	    cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Decodes the code point at s[*i]; advances *i (invalid bytes: one). */
static inline uint32_t
search_next(const char *s, size_t len, size_t *i)
{
	uint32_t	cp;
	int		n;

	n = utf8_decode(s + *i, len - *i < 4 ? len - *i : 4, &cp);
	if (n < 0) {
		(*i)++;
		return 0xFFFD;
	}
	*i += (size_t)n;
	return cp;
}

/* search-index.c: apply and the schema upgrades keep the index. */
/* Registers the SQL functions the search index is built with. */
int		 search_register(sqlite3 *);
/* Rebuilds the whole search index from the data tables. */
int		 search_rebuild(struct cache *);
/*
 * Brings the search index up to date after an apply: incremental for the
 * entries touched (see touched.newhash), or a full rebuild when full is
 * set, when many changed, or when the gaps between rowids run out.
 */
int		 search_update(struct cache *, int full);

/* search-plan.c: what a query asks for, which search-query.c runs. */
/* Byte ranges of a text (its tokens); reused, so v is kept between uses. */
struct span {
	size_t	off;
	size_t	len;
};
struct spans {
	struct span	*v;
	size_t		 n;
	size_t		 cap;
};

struct search_word;		/* a word of the query (search-plan.c) */
struct search_check;		/* a check on a candidate's text */
struct search_plan {
	struct search_word	*words;
	size_t			 nwords;
	struct buf		 tri;	/* MATCH text for search_tri */
	struct search_check	*checks;
	size_t			 nchecks;
	char			*whole;	/* the folded query, single spaces */
};
/* Makes the plan of the user's text (no words: an empty query). */
void		 search_plan_make(struct search_plan *, const char *text);
void		 search_plan_free(struct search_plan *);
/*
 * Whether a candidate's text passes every check of p; t and q are
 * scratch the caller frees (their v).
 */
int		 search_checks_pass(const struct search_plan *p,
		    const char *text, struct spans *t, struct spans *q);
/*
 * The name tier's MATCH for search_name into m; *none when a word starts
 * no term, so the tier finds nothing. SQLite result code.
 */
int		 search_vocab_name(struct cache *, const struct search_plan *,
		    struct buf *m, int *none);
/*
 * The full text's MATCH for search_word into m (left empty when the
 * trigrams must drive), and into ck the checks it cannot say; *none when
 * a word is in no term. SQLite result code.
 */
int		 search_vocab_text(struct cache *, const struct search_plan *,
		    struct buf *m, struct search_plan *ck, int *none);

/* search-vocab.c */
/* Runs search_word's tokenizer over s[0..len), fn(arg, flags, token,
 * length, start, end) for each token (FTS5's xTokenize). */
int		 vocab_tokenize(struct cache *, const char *, size_t,
		    int (*)(void *, int, const char *, int, int, int), void *);
/*
 * Whether the vocabulary holds a token like t: three or more characters,
 * one of them not an ASCII digit (a term holding or starting with such a
 * t is one too, so the terms found for it are all there are).
 */
int		 vocab_keeps(const char *t, size_t len);
/* Adds the terms of an indexed text that are not in search_term yet. */
int		 vocab_add(struct cache *, const char *text);
/* Makes search_term again from search_word's terms. */
int		 vocab_rebuild(struct cache *);
/* Whether s[0..len) is one token, unchanged by the tokenizer's folding. */
int		 vocab_is_token(struct cache *, const char *, size_t);
void		 vocab_close(struct cache *);

/* changes.c: the change log, written by apply. */
/*
 * Keeps the old content of a record before its first change in this
 * sync (type, key), when the cache has it. SQLite result code.
 */
int		 changes_capture(struct cache *, enum record_type,
		    const char *key);
/* The same for every record, before a snapshot replaces them all. */
int		 changes_capture_all(struct cache *);
/*
 * Writes the log entry of a sync that changed something (counts in ch,
 * the records from temp.touched), prunes the log to CACHE_CHANGE_SYNCS
 * syncs and sets ch->log_sync. state may be NULL. SQLite result code.
 */
int		 changes_write(struct cache *, const struct cache_state *,
		    struct cache_changes *ch);

/* search-index.c */
/*
 * Brings the search entries listed in temp.affected up to date (after a
 * note changed), rebuilding when they find no room. SQLite result code.
 */
int		 search_refresh(struct cache *);

/* query.c */
/*
 * Fills r from the columns first.. of st, in record_types[type] order.
 * -1 (r cleared) when a required field is NULL: the file is forged.
 */
int		 query_row_record(sqlite3_stmt *, int first, enum record_type,
		    struct record *);

#endif
