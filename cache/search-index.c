/*
 * search-index.c: the search index kept in step with the data; apply
 * (at commit) and the schema upgrades call it, the queries
 * (search-plan.c, search-query.c) only read what it writes. One
 * search_entry row per authority, contact and route holds its folded name and
 * text and what its hit shows; three external-content FTS5 indexes cover
 * it: search_word over the text and search_name over the name alone
 * (unicode61 tokens, 1-2 character prefix indexes), search_tri over the
 * text in trigrams, without positions. Entries are numbered in name
 * order, SEARCH_STEP apart, so a query's "MATCH ... ORDER BY rowid LIMIT
 * 50" gives the first names without sorting; an incremental update
 * inserts each changed entry between its neighbours by name. The
 * vocabulary (search-vocab.c) is rebuilt and added to from here. Also
 * the SQL functions every indexed text is made with.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache/private.h"

/* Rebuilds of this many entries or more make search_entry's indexes last. */
#define SEARCH_BULK		20000
/* A change set touching more entries than this may rebuild instead. */
#define SEARCH_INCREMENTAL_MIN	256
#define SEARCH_NO_GAP		(-1)	/* search_insert: rebuild needed */
/* Entries spread at most to make room for one insert (then a rebuild). */
#define SEARCH_SPREAD_MAX	4096

/* ---- SQL functions the index is built with -------------------------- */

/* globe_fold(x): fold_text, NULL stays NULL. */
static void
search_fn_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char	*s = sqlite3_value_text(argv[0]);

	(void)argc;
	if (s == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, fold_text((const char *)s), -1, free);
}

/* globe_host(url): the host part of a URL. */
static void
search_fn_host(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char	*s = (const char *)sqlite3_value_text(argv[0]);
	const char	*p, *e, *at;

	(void)argc;
	if (s == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	p = strstr(s, "://");
	p = p != NULL ? p + 3 : s;
	e = p + strcspn(p, "/?#");
	at = memchr(p, '@', (size_t)(e - p));
	if (at != NULL)
		p = at + 1;
	if (memchr(p, ':', (size_t)(e - p)) != NULL)
		e = memchr(p, ':', (size_t)(e - p));
	sqlite3_result_text(ctx, p, (int)(e - p), SQLITE_TRANSIENT);
}

/*
 * globe_vocab(vocabulary, code): the English label of a code
 * (common/vocab.c: "measure", "asset-tracing" is "Asset tracing"); an
 * unknown code, or vocabulary, gives the code.
 */
static void
search_fn_vocab(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char	*name = (const char *)sqlite3_value_text(argv[0]);
	const char	*code = (const char *)sqlite3_value_text(argv[1]);
	int		 voc;

	(void)argc;
	if (code == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	voc = vocab_from_name(name);
	sqlite3_result_text(ctx, voc < 0 ? code :
	    vocab_label_en((enum vocab)voc, code), -1, SQLITE_TRANSIENT);
}

/*
 * globe_search_text(...): the folded arguments joined by single spaces,
 * every CJK character spaced out so it is a token of its own.
 */
static void
search_fn_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct buf	 b;
	const char	*s;
	char		*f;
	size_t		 len, i, before;
	uint32_t	 cp;
	int		 a, space = 0;

	buf_init(&b);
	for (a = 0; a < argc; a++) {
		if ((s = (const char *)sqlite3_value_text(argv[a])) == NULL)
			continue;
		f = fold_text(s);
		len = strlen(f);
		space = 1;
		i = 0;
		while (i < len) {
			before = i;
			cp = search_next(f, len, &i);
			if (search_is_space(cp)) {
				space = 1;
				continue;
			}
			if (uc_is_cjk(cp))
				space = 1;
			if (space && b.len > 0)
				buf_addc(&b, ' ');
			space = uc_is_cjk(cp);
			buf_add(&b, f + before, i - before);
		}
		free(f);
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	sqlite3_result_text(ctx, buf_detach(&b), -1, free);
	buf_free(&b);
}

int
search_register(sqlite3 *db)
{
	/*
	 * SQLITE_DIRECTONLY: callable from globe's own statements only,
	 * never from a trigger, view or default a planted file brings.
	 */
	int	rc, flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC |
		    SQLITE_DIRECTONLY;

	if ((rc = sqlite3_create_function(db, "globe_fold", 1, flags, NULL,
	    search_fn_fold, NULL, NULL)) != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_create_function(db, "globe_host", 1, flags, NULL,
	    search_fn_host, NULL, NULL)) != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_create_function(db, "globe_vocab", 2, flags, NULL,
	    search_fn_vocab, NULL, NULL)) != SQLITE_OK)
		return rc;
	return sqlite3_create_function(db, "globe_search_text", -1, flags,
	    NULL, search_fn_text, NULL, NULL);
}

/* ---- index maintenance ---------------------------------------------- */

/*
 * The whole index, from the data tables, in the caller's transaction.
 * For a large directory search_entry's own indexes are made last, in
 * one sorted pass each instead of row by row in random key order, and
 * they take the pages the FTS builds' last merges freed (a 1M-contact
 * cache held 12 MiB of free pages at the end of a full sync without
 * this). A small one keeps them: dropping them changes the schema, and
 * every prepared statement is then prepared again (the fuzzer's small
 * rebuilds ran three times slower).
 */
int
search_rebuild(struct cache *c)
{
	int64_t	n = 0;
	int	rc, bulk;

	if ((rc = stmt_int64(c, STMT_SEARCH_SOURCES, &n)) != SQLITE_OK)
		return rc;
	bulk = n >= SEARCH_BULK;
	if ((bulk && (rc = cache_exec(c,
	    stmt_entry_index_drop_sql)) != SQLITE_OK) ||
	    (rc = stmt_run(c, STMT_SEARCH_CLEAR)) != SQLITE_OK ||
	    (rc = stmt_run(c, STMT_SEARCH_FILL)) != SQLITE_OK ||
	    (rc = stmt_run(c, STMT_SEARCH_WORD_REBUILD)) != SQLITE_OK ||
	    (rc = stmt_run(c, STMT_SEARCH_NAME_REBUILD)) != SQLITE_OK ||
	    (rc = stmt_run(c, STMT_SEARCH_TRI_REBUILD)) != SQLITE_OK ||
	    (rc = vocab_rebuild(c)) != SQLITE_OK ||
	    (bulk && (rc = cache_exec(c,
	    stmt_entry_index_sql)) != SQLITE_OK))
		return rc;
	return SQLITE_OK;
}

/* Runs id with ?1 rowid and ?2 the indexed text (FTS insert and delete). */
static int
search_fts(struct cache *c, enum stmt_id id, sqlite3_int64 rowid,
    const char *text)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = stmt_get(c, id)) == NULL)
		return sqlite3_errcode(c->db);
	sqlite3_bind_int64(st, 1, rowid);
	stmt_bind_text(st, 2, text);
	rc = sqlite3_step(st);
	stmt_put(c, id, st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/*
 * An entry's FTS rows to delete or insert. They are written in rowid
 * order after the search_entry rows: FTS5 flushes its pending terms to a
 * new segment (and merges segments) whenever a rowid goes backwards, so
 * one write per entry in name order of the affected keys made every
 * change a segment of its own.
 */
struct search_fts_row {
	sqlite3_int64	 rowid;
	char		*text;
	char		*name;
};

struct search_fts_rows {
	struct search_fts_row	*v;
	size_t			 n;
};

static void
search_fts_rows_add(struct search_fts_rows *l, sqlite3_int64 rowid,
    const unsigned char *text, const unsigned char *name)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n].rowid = rowid;
	l->v[l->n].text = xstrdup(text != NULL ? (const char *)text : "");
	l->v[l->n].name = xstrdup(name != NULL ? (const char *)name : "");
	l->n++;
}

static void
search_fts_rows_free(struct search_fts_rows *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].text);
		free(l->v[i].name);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static int
search_fts_row_cmp(const void *a, const void *b)
{
	sqlite3_int64	x = ((const struct search_fts_row *)a)->rowid;
	sqlite3_int64	y = ((const struct search_fts_row *)b)->rowid;

	return x < y ? -1 : x > y;
}

/*
 * Writes the rows to the three FTS indexes, one index at a time in rowid
 * order; ids are the word, name and trigram statements (deletes or
 * inserts).
 */
static int
search_fts_write(struct cache *c, struct search_fts_rows *l,
    const enum stmt_id ids[3])
{
	size_t	i, j;
	int	rc;

	if (l->n == 0)
		return SQLITE_OK;
	qsort(l->v, l->n, sizeof *l->v, search_fts_row_cmp);
	for (j = 0; j < 3; j++) {
		for (i = 0; i < l->n; i++) {
			if ((rc = search_fts(c, ids[j], l->v[i].rowid,
			    j == 1 ? l->v[i].name : l->v[i].text)) !=
			    SQLITE_OK)
				return rc;
		}
	}
	return SQLITE_OK;
}

/*
 * Removes the entry (type, ref) from search_entry, adding what was
 * indexed to del for the FTS deletes.
 */
static int
search_remove(struct cache *c, int type, const char *ref,
    struct search_fts_rows *del)
{
	sqlite3_stmt	*st;
	sqlite3_int64	 rowid;
	int		 rc;

	if ((st = stmt_get(c, STMT_ENTRY_FIND)) == NULL)
		return sqlite3_errcode(c->db);
	stmt_bind_text(st, 1, ref);
	sqlite3_bind_int(st, 2, type);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		stmt_put(c, STMT_ENTRY_FIND, st);
		return rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	rowid = sqlite3_column_int64(st, 0);
	/* The FTS delete needs exactly the text that was indexed. */
	search_fts_rows_add(del, rowid, sqlite3_column_text(st, 1),
	    sqlite3_column_text(st, 2));
	stmt_put(c, STMT_ENTRY_FIND, st);

	if ((st = stmt_get(c, STMT_ENTRY_DELETE)) == NULL)
		return sqlite3_errcode(c->db);
	sqlite3_bind_int64(st, 1, rowid);
	rc = sqlite3_step(st);
	stmt_put(c, STMT_ENTRY_DELETE, st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The rowid of the neighbour before (id PREV) or after (NEXT), or 0. */
static int
search_neighbour(struct cache *c, enum stmt_id id, const char *sort_key,
    int type, const char *ref, sqlite3_int64 *rowid)
{
	sqlite3_stmt	*st;
	int		 rc;

	*rowid = 0;
	if ((st = stmt_get(c, id)) == NULL)
		return sqlite3_errcode(c->db);
	stmt_bind_text(st, 1, sort_key);
	sqlite3_bind_int(st, 2, type);
	stmt_bind_text(st, 3, ref);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*rowid = sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	stmt_put(c, id, st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/*
 * The window's entries moved: win.v[i] from its rowid to first + step * i.
 * Their FTS rows follow. An entry inserted earlier in this change set has
 * its FTS insert still pending in ins, which only changes rowid; for the
 * others the old rows are deleted (del) and new ones inserted. Which ones
 * are pending is found before anything changes: a new place can be an
 * old place of another entry of the window.
 */
static void
search_moved(struct search_fts_rows *ins, struct search_fts_rows *del,
    const struct search_fts_rows *win, size_t n, sqlite3_int64 first,
    sqlite3_int64 step)
{
	size_t	*pending, i, j;

	pending = xreallocarray(NULL, n, sizeof *pending);
	for (i = 0; i < n; i++) {
		pending[i] = SIZE_MAX;
		for (j = ins->n; j > 0; j--) {
			if (ins->v[j - 1].rowid == win->v[i].rowid) {
				pending[i] = j - 1;
				break;
			}
		}
	}
	for (i = 0; i < n; i++) {
		if (pending[i] != SIZE_MAX) {
			ins->v[pending[i]].rowid = first +
			    step * (sqlite3_int64)i;
			continue;
		}
		search_fts_rows_add(del, win->v[i].rowid,
		    (const unsigned char *)win->v[i].text,
		    (const unsigned char *)win->v[i].name);
		search_fts_rows_add(ins, first + step * (sqlite3_int64)i,
		    (const unsigned char *)win->v[i].text,
		    (const unsigned char *)win->v[i].name);
	}
	free(pending);
}

/*
 * No room between prev and the next entry: spreads the entries after
 * prev evenly over a span wide enough for them and one more, and gives
 * the free place right after prev in *rowid. The window grows (16, 64,
 * 256, ... entries) until its span has room; rowid order, and so name
 * order, is kept. A full rebuild renumbered every entry and cost a minute
 * at a million contacts; this moves a few. SEARCH_NO_GAP if even
 * SEARCH_SPREAD_MAX entries have no room.
 */
static int
search_spread(struct cache *c, sqlite3_int64 prev, struct search_fts_rows *ins,
    struct search_fts_rows *del, sqlite3_int64 *rowid)
{
	struct search_fts_rows	 win = { NULL, 0 };
	sqlite3_stmt		*st;
	sqlite3_int64		 bound, step;
	size_t			 want, n, i;
	int			 rc = SQLITE_OK, pass;

	for (want = 16; want <= SEARCH_SPREAD_MAX; want *= 4) {
		search_fts_rows_free(&win);
		if ((st = stmt_get(c, STMT_ENTRY_WINDOW)) == NULL)
			return sqlite3_errcode(c->db);
		sqlite3_bind_int64(st, 1, prev);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)want + 1);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			search_fts_rows_add(&win, sqlite3_column_int64(st, 0),
			    sqlite3_column_text(st, 1),
			    sqlite3_column_text(st, 2));
		}
		stmt_put(c, STMT_ENTRY_WINDOW, st);
		if (rc != SQLITE_DONE)
			goto out;
		rc = SQLITE_OK;
		/* The entry after the window bounds it; at the end, open room. */
		if (win.n > want) {
			n = want;
			bound = win.v[want].rowid;
		} else {
			n = win.n;
			bound = n > 0 ? win.v[n - 1].rowid : prev;
			if (bound > INT64_MAX - (sqlite3_int64)(n + 2) *
			    SEARCH_STEP)
				break;
			bound += (sqlite3_int64)(n + 2) * SEARCH_STEP;
		}
		step = (bound - prev) / (sqlite3_int64)(n + 2);
		if (step < 2)
			continue;
		/*
		 * Place k (0 the new entry, 1..n the window) at prev + step *
		 * (k + 1). Through negative rowids first: old and new places
		 * overlap.
		 */
		for (pass = 0; pass < 2; pass++) {
			for (i = 0; i < n; i++) {
				sqlite3_int64 to = prev + step *
				    (sqlite3_int64)(i + 2);

				if ((st = stmt_get(c, STMT_ENTRY_MOVE)) == NULL) {
					rc = sqlite3_errcode(c->db);
					goto out;
				}
				sqlite3_bind_int64(st, 1, pass == 0 ?
				    win.v[i].rowid : -to);
				sqlite3_bind_int64(st, 2, pass == 0 ? -to : to);
				rc = sqlite3_step(st);
				stmt_put(c, STMT_ENTRY_MOVE, st);
				if (rc != SQLITE_DONE)
					goto out;
				rc = SQLITE_OK;
			}
		}
		search_moved(ins, del, &win, n, prev + 2 * step, step);
		*rowid = prev + step;
		goto out;
	}
	rc = SEARCH_NO_GAP;
out:
	search_fts_rows_free(&win);
	return rc;
}

/*
 * Inserts the entry of (type, ref) if its record exists, at the midpoint
 * between its neighbours by name (making room with search_spread if there
 * is none), adding it to ins for the FTS inserts; entries moved to make
 * room add to del and ins. SEARCH_NO_GAP if there is no room.
 */
static int
search_insert(struct cache *c, int type, const char *ref,
    struct search_fts_rows *ins, struct search_fts_rows *del)
{
	enum stmt_id	 src = type == REC_AUTHORITY ?
			    STMT_ENTRY_SOURCE_AUTHORITY : type == REC_ROUTE ?
			    STMT_ENTRY_SOURCE_ROUTE : STMT_ENTRY_SOURCE_CONTACT;
	sqlite3_stmt	*st, *est;
	sqlite3_int64	 prev, next, rowid = 0;
	char		*sort_key = NULL;
	int		 rc, i;

	if ((st = stmt_get(c, src)) == NULL)
		return sqlite3_errcode(c->db);
	stmt_bind_text(st, 1, ref);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		stmt_put(c, src, st);
		return rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	/*
	 * Columns: type, ref, country, akind, role, sort_key, acronym, auth,
	 * name, text, shown, sub, email.
	 */
	if (sqlite3_column_type(st, 5) == SQLITE_NULL) {
		rc = SQLITE_CORRUPT;	/* a NOT NULL column: a forged file */
		goto out;
	}
	sort_key = xstrdup((const char *)sqlite3_column_text(st, 5));
	if ((rc = search_neighbour(c, STMT_ENTRY_PREV, sort_key, type, ref,
	    &prev)) != SQLITE_OK ||
	    (rc = search_neighbour(c, STMT_ENTRY_NEXT, sort_key, type, ref,
	    &next)) != SQLITE_OK)
		goto out;
	if (next == 0) {
		if (prev > INT64_MAX - 2 * (sqlite3_int64)SEARCH_STEP) {
			rc = SEARCH_NO_GAP;
			goto out;
		}
		next = prev + 2 * (sqlite3_int64)SEARCH_STEP;
	}
	if (next - prev >= 2)
		rowid = prev + (next - prev) / 2;
	else if ((rc = search_spread(c, prev, ins, del, &rowid)) != SQLITE_OK)
		goto out;

	if ((est = stmt_get(c, STMT_ENTRY_INSERT)) == NULL) {
		rc = sqlite3_errcode(c->db);
		goto out;
	}
	sqlite3_bind_int64(est, 1, rowid);
	for (i = 0; i < 13; i++)
		sqlite3_bind_value(est, i + 2, sqlite3_column_value(st, i));
	rc = sqlite3_step(est);
	stmt_put(c, STMT_ENTRY_INSERT, est);
	if (rc != SQLITE_DONE)
		goto out;
	rc = SQLITE_OK;
	search_fts_rows_add(ins, rowid, sqlite3_column_text(st, 9),
	    sqlite3_column_text(st, 8));
out:
	stmt_put(c, src, st);
	free(sort_key);
	return rc;
}

/*
 * Applies the changes listed in temp.affected: every entry is removed
 * from search_entry, then every one is inserted again (all removes first,
 * so an entry moved by search_spread is never removed afterwards), then
 * the FTS deletes and inserts are written, each in rowid order.
 */
static int
search_incremental(struct cache *c)
{
	static const enum stmt_id deletes[3] = {
		STMT_WORD_DELETE, STMT_NAME_DELETE, STMT_TRI_DELETE
	};
	static const enum stmt_id inserts[3] = {
		STMT_WORD_INSERT, STMT_NAME_INSERT, STMT_TRI_INSERT
	};
	struct search_fts_rows	 del = { NULL, 0 }, ins = { NULL, 0 };
	sqlite3_stmt		*st;
	char			*ref;
	size_t			 i;
	int			 rc = SQLITE_DONE, type, pass;

	for (pass = 0; pass < 2 && rc == SQLITE_DONE; pass++) {
		if ((st = stmt_get(c, STMT_AFFECTED_LIST)) == NULL) {
			rc = sqlite3_errcode(c->db);
			break;
		}
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			type = sqlite3_column_int(st, 0);
			if (sqlite3_column_type(st, 1) == SQLITE_NULL) {
				rc = SQLITE_CORRUPT;
				break;
			}
			ref = xstrdup((const char *)sqlite3_column_text(st, 1));
			if (pass == 0)
				rc = search_remove(c, type, ref, &del);
			else
				rc = search_insert(c, type, ref, &ins, &del);
			free(ref);
			if (rc != SQLITE_OK)
				break;
		}
		stmt_put(c, STMT_AFFECTED_LIST, st);
	}
	if (rc == SQLITE_DONE &&
	    (rc = search_fts_write(c, &del, deletes)) == SQLITE_OK)
		rc = search_fts_write(c, &ins, inserts);
	/* The terms the new texts bring (moved entries bring none). */
	for (i = 0; i < ins.n && rc == SQLITE_OK; i++)
		rc = vocab_add(c, ins.v[i].text);
	search_fts_rows_free(&del);
	search_fts_rows_free(&ins);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int
search_update(struct cache *c, int full)
{
	static const enum stmt_id	 fill[] = {
		STMT_AFFECTED_CLEAR, STMT_AFFECTED_DIRECT,
		STMT_AFFECTED_AUTH_CONTACTS, STMT_AFFECTED_COUNTRY_AUTHS,
		STMT_AFFECTED_COUNTRY_CONTACTS, STMT_AFFECTED_AUTH_ROUTES,
		STMT_AFFECTED_COUNTRY_ROUTES
	};
	int64_t				 n, total;
	size_t				 i;
	int				 rc;

	if (full)
		return search_rebuild(c);
	for (i = 0; i < sizeof fill / sizeof fill[0]; i++) {
		if ((rc = stmt_run(c, fill[i])) != SQLITE_OK)
			return rc;
	}
	if ((rc = stmt_int64(c, STMT_AFFECTED_COUNT, &n)) != SQLITE_OK)
		return rc;
	if (n == 0)
		return SQLITE_OK;
	if ((rc = stmt_int64(c, STMT_SEARCH_COUNT, &total)) != SQLITE_OK)
		return rc;
	/* Many changes: one rebuild is cheaper than many small updates. */
	if (n > SEARCH_INCREMENTAL_MIN && n * 10 > total)
		return search_rebuild(c);
	rc = search_incremental(c);
	if (rc == SEARCH_NO_GAP)
		return search_rebuild(c);
	return rc;
}

int
search_refresh(struct cache *c)
{
	int	rc;

	rc = search_incremental(c);
	if (rc == SEARCH_NO_GAP)
		return search_rebuild(c);
	return rc;
}
