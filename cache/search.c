/*
 * search.c: the search index and search queries. One search_entry row per
 * authority and contact holds its folded name and text; three
 * external-content FTS5 indexes cover it (search_word over the text and
 * search_name over the name alone: unicode61 tokens with 1-2 character
 * prefix indexes; search_tri: trigrams for substrings, detail=none, so a
 * word is matched as the AND of its trigrams and every candidate's text
 * is then checked to hold the word). A long query word is first looked
 * up in the vocabulary (search-vocab.c) and matched in search_word as the
 * OR of the terms that hold it; the trigrams drive only when that cannot
 * be done. Each entry holds what its hit shows. Rowid order is name
 * order, so "MATCH … ORDER BY rowid LIMIT 50" gives the first names
 * without sorting the match set. Queries are built here from folded user
 * text and never parsed as FTS syntax.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache/private.h"

#define SEARCH_LIMIT		50	/* when the query says 0 */
#define SEARCH_MAX_WORDS	32	/* more words are ignored */
/* Rebuilds of this many entries or more make search_entry's indexes last. */
#define SEARCH_BULK		20000
/* A change set touching more entries than this may rebuild instead. */
#define SEARCH_INCREMENTAL_MIN	256
#define SEARCH_NO_GAP		(-1)	/* search_insert: rebuild needed */
/* Entries spread at most to make room for one insert (then a rebuild). */
#define SEARCH_SPREAD_MAX	4096

/* ---- characters and tokens ------------------------------------------ */

static int
search_is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 ||
	    cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/*
 * Whether cp is part of a token the way unicode61 sees it (letters,
 * digits, private use): a close approximation by ranges of punctuation,
 * symbols and spaces.
 */
static int
search_is_token(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z');
	if (cp <= 0xBF)
		return cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 ||
		    cp == 0xB9 || cp == 0xBA || (cp >= 0xBC && cp <= 0xBE);
	if (cp == 0xD7 || cp == 0xF7)
		return 0;
	if (cp >= 0x2000 && cp <= 0x206F)	/* general punctuation */
		return 0;
	if (cp >= 0x20A0 && cp <= 0x20CF)	/* currency */
		return 0;
	if (cp >= 0x2190 && cp <= 0x23FF)	/* arrows, math, technical */
		return 0;
	if (cp >= 0x2500 && cp <= 0x27BF)	/* box, shapes, dingbats */
		return 0;
	if (cp >= 0x2E00 && cp <= 0x2E7F)	/* supplemental punctuation */
		return 0;
	if ((cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) ||
	    cp == 0x3030 || cp == 0x303D || cp == 0x30FB)
		return 0;
	if (cp >= 0xFE30 && cp <= 0xFE4F)	/* CJK compatibility forms */
		return 0;
	if ((cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	    (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
		return 0;
	if (cp == 0xFEFF || cp == 0xFFFD)
		return 0;
	if (cp >= 0x1F000 && cp <= 0x1FAFF)	/* emoji and symbols */
		return 0;
	return 1;
}

/* Decodes the code point at s[*i]; advances *i (invalid bytes: one). */
static uint32_t
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

struct span {
	size_t	off;
	size_t	len;
};

struct spans {
	struct span	*v;
	size_t		 n;
	size_t		 cap;
};

static void
spans_add(struct spans *t, size_t off, size_t len)
{
	if (t->n == t->cap) {
		t->cap = t->cap == 0 ? 32 : t->cap * 2;
		t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	t->v[t->n].off = off;
	t->v[t->n].len = len;
	t->n++;
}

/*
 * Splits s into tokens as search_word's tokenizer does on indexed text:
 * runs of token characters, every CJK character a token of its own.
 */
static void
search_tokens(const char *s, size_t len, struct spans *t)
{
	size_t		i = 0, start = 0, before;
	uint32_t	cp;
	int		in = 0;

	t->n = 0;
	while (i < len) {
		before = i;
		cp = search_next(s, len, &i);
		if (uc_is_cjk(cp)) {
			if (in)
				spans_add(t, start, before - start);
			spans_add(t, before, i - before);
			in = 0;
		} else if (search_is_token(cp)) {
			if (!in) {
				start = before;
				in = 1;
			}
		} else if (in) {
			spans_add(t, start, before - start);
			in = 0;
		}
	}
	if (in)
		spans_add(t, start, len - start);
}

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
			    STMT_ENTRY_SOURCE_AUTHORITY :
			    STMT_ENTRY_SOURCE_CONTACT;
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
		STMT_AFFECTED_COUNTRY_CONTACTS
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

/* ---- queries -------------------------------------------------------- */

/*
 * A long word puts this many trigrams, spread over it, and its last one
 * into the MATCH. Every trigram ANDed costs a pass over its document
 * list; the whole word is checked on each candidate anyway, so fewer
 * trigrams only let a few more candidates through (measured on 100k
 * contacts: 12 trigrams per word gave a 1.9-2.1 ms p99 per keystroke,
 * 2 plus the last 1.5-1.7 ms, same results).
 */
#define SEARCH_MAX_TRIGRAMS	2

/* A condition checked on candidate text when search_tri drives. */
enum search_check_kind {
	CHECK_PREFIX,		/* a token starts with text */
	CHECK_PHRASE,		/* consecutive tokens are text's tokens */
	CHECK_SUBSTRING		/* the text holds text */
};

struct search_check {
	enum search_check_kind	 kind;
	char			*text;	/* the token(s), space separated */
};

/*
 * A word of the query as the vocabulary sees it: a short word or a CJK
 * phrase is the same MATCH text for search_word and search_name; a long
 * word becomes the terms that hold it (search_vocab_*).
 */
enum search_word_kind {
	WORD_FRAGMENT,		/* text: MATCH text as it is */
	WORD_LONG		/* text: the word, three or more characters */
};

struct search_word {
	enum search_word_kind	 kind;
	char			*text;
};

struct search_plan {
	struct search_word	*words;
	size_t			 nwords;
	struct buf		 tri;	/* MATCH text for search_tri */
	struct search_check	*checks;
	size_t			 nchecks;
	char			*whole;	/* the folded query, single spaces */
};

static void
search_plan_free(struct search_plan *p)
{
	size_t	i;

	for (i = 0; i < p->nwords; i++)
		free(p->words[i].text);
	free(p->words);
	buf_free(&p->tri);
	for (i = 0; i < p->nchecks; i++)
		free(p->checks[i].text);
	free(p->checks);
	free(p->whole);
}

/* Appends s[0..len) as an FTS5 string: quoted, quotes doubled. */
static void
search_quote(struct buf *b, const char *s, size_t len)
{
	size_t	i;

	buf_addc(b, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_addc(b, '"');
		buf_addc(b, s[i]);
	}
	buf_addc(b, '"');
}

static void
search_and(struct buf *b)
{
	if (b->len > 0)
		buf_adds(b, " AND ");
}

static void
search_word_add(struct search_plan *p, enum search_word_kind kind,
    char *text)
{
	p->words = xreallocarray(p->words, p->nwords + 1,
	    sizeof *p->words);
	p->words[p->nwords].kind = kind;
	p->words[p->nwords].text = text;
	p->nwords++;
}

static void
search_check_add(struct search_plan *p, enum search_check_kind kind,
    char *text)
{
	p->checks = xreallocarray(p->checks, p->nchecks + 1,
	    sizeof *p->checks);
	p->checks[p->nchecks].kind = kind;
	p->checks[p->nchecks].text = text;
	p->nchecks++;
}

/*
 * Adds the trigrams of w[0..len) (nchars characters, at least 3) to a
 * trigram MATCH, ANDed: every one if they are few, else an even
 * spread over the word that covers its ends (SEARCH_MAX_TRIGRAMS). The
 * caller checks the whole word on every candidate, so a subset only lets
 * more through.
 */
static void
search_trigrams(struct buf *b, const char *w, size_t len, size_t nchars)
{
	size_t	*at, ntri, i, j, k, step;

	at = xreallocarray(NULL, nchars + 1, sizeof *at);
	for (i = 0, k = 0; i < len; k++) {
		at[k] = i;
		(void)search_next(w, len, &i);
	}
	at[k] = len;
	nchars = k;
	ntri = nchars - 2;
	step = (ntri + SEARCH_MAX_TRIGRAMS - 1) / SEARCH_MAX_TRIGRAMS;
	for (i = 0; i < ntri; i++) {
		if (i % step != 0 && i != ntri - 1)
			continue;
		/* The same trigram twice ("anana") is asked once. */
		for (j = 0; j < i; j++) {
			if ((j % step == 0 || j == ntri - 1) &&
			    at[j + 3] - at[j] == at[i + 3] - at[i] &&
			    memcmp(w + at[j], w + at[i], at[i + 3] - at[i]) == 0)
				break;
		}
		if (j < i)
			continue;
		search_and(b);
		search_quote(b, w + at[i], at[i + 3] - at[i]);
	}
	free(at);
}

/* One word of the folded query, w[0..len) with no spaces. */
static void
search_plan_word(struct search_plan *p, const char *w, size_t len)
{
	struct spans	 t = { NULL, 0, 0 };
	struct buf	 phrase, frag;
	size_t		 i, nchars, first, last;
	uint32_t	 cp;
	int		 cjk = 0;

	search_tokens(w, len, &t);
	if (t.n == 0)
		goto out;
	/* Punctuation around the word is not part of it: "(pf)", "ana,". */
	first = t.v[0].off;
	last = t.v[t.n - 1].off + t.v[t.n - 1].len;
	w += first;
	len = last - first;
	for (i = 0; i < t.n; i++)
		t.v[i].off -= first;
	nchars = 0;
	for (i = 0; i < len; ) {
		cp = search_next(w, len, &i);
		if (uc_is_cjk(cp))
			cjk = 1;
		nchars++;
	}

	if (cjk) {
		/* A phrase of single characters: "王秀英" → "王 秀 英". */
		buf_init(&phrase);
		for (i = 0; i < t.n; i++) {
			if (i > 0)
				buf_addc(&phrase, ' ');
			buf_add(&phrase, w + t.v[i].off, t.v[i].len);
		}
		search_check_add(p, CHECK_PHRASE, xstrdup(phrase.data));
		buf_init(&frag);
		search_quote(&frag, phrase.data, phrase.len);
		search_word_add(p, WORD_FRAGMENT, buf_detach(&frag));
		buf_free(&frag);
		buf_free(&phrase);
	} else if (nchars >= 3) {
		/* Substring: prefixes, e-mail parts, inside words. */
		search_trigrams(&p->tri, w, len, nchars);
		search_check_add(p, CHECK_SUBSTRING, xstrndup(w, len));
		search_word_add(p, WORD_LONG, xstrndup(w, len));
	} else {
		buf_init(&frag);
		for (i = 0; i < t.n; i++) {
			search_and(&frag);
			search_quote(&frag, w + t.v[i].off, t.v[i].len);
			buf_addc(&frag, '*');
			search_check_add(p, CHECK_PREFIX,
			    xstrndup(w + t.v[i].off, t.v[i].len));
		}
		search_word_add(p, WORD_FRAGMENT, buf_detach(&frag));
		buf_free(&frag);
	}
out:
	free(t.v);
}

static void
search_plan_make(struct search_plan *p, const char *text)
{
	struct buf	 whole;
	char		*f;
	size_t		 len, i, start, before, words = 0;
	uint32_t	 cp;

	memset(p, 0, sizeof *p);
	buf_init(&p->tri);
	buf_init(&whole);
	f = fold_text(text);
	len = strlen(f);
	i = 0;
	while (i < len && words < SEARCH_MAX_WORDS) {
		/* Skip spaces, then take a word up to the next space. */
		before = i;
		cp = search_next(f, len, &i);
		if (search_is_space(cp))
			continue;
		start = before;
		while (i < len) {
			before = i;
			cp = search_next(f, len, &i);
			if (search_is_space(cp)) {
				i = before;
				break;
			}
		}
		if (whole.len > 0)
			buf_addc(&whole, ' ');
		buf_add(&whole, f + start, i - start);
		search_plan_word(p, f + start, i - start);
		words++;
	}
	free(f);
	p->whole = buf_detach(&whole);
	buf_free(&whole);
}

/* Whether the candidate's text passes every check (see search_plan_word). */
static int
search_checks_pass(const struct search_plan *p, const char *text,
    struct spans *t, struct spans *q)
{
	const struct search_check	*ck;
	size_t				 len = strlen(text), i, j, k, tl;
	int				 found;

	t->n = 0;
	for (i = 0; i < p->nchecks; i++) {
		ck = &p->checks[i];
		if (ck->kind == CHECK_SUBSTRING) {
			if (strstr(text, ck->text) == NULL)
				return 0;
			continue;
		}
		/* Tokens once, when a check needs them. */
		if (t->n == 0)
			search_tokens(text, len, t);
		found = 0;
		if (ck->kind == CHECK_PREFIX) {
			tl = strlen(ck->text);
			for (j = 0; j < t->n && !found; j++) {
				found = t->v[j].len >= tl &&
				    memcmp(text + t->v[j].off, ck->text,
				    tl) == 0;
			}
		} else {
			search_tokens(ck->text, strlen(ck->text), q);
			for (j = 0; j + q->n <= t->n && !found; j++) {
				for (k = 0; k < q->n; k++) {
					if (t->v[j + k].len != q->v[k].len ||
					    memcmp(text + t->v[j + k].off,
					    ck->text + q->v[k].off,
					    q->v[k].len) != 0)
						break;
				}
				found = (k == q->n);
			}
		}
		if (!found)
			return 0;
	}
	return 1;
}

/* A row found, with what its hit shows (FIND_COLS in stmt.c). */
struct search_found {
	sqlite3_int64	 rowid;
	int		 type;
	char		*ref;
	char		*shown;
	char		*sub;
	char		*email;
	char		*country;
	char		*auth;
	char		*akind;
};

/*
 * The rowids found so far, an open-addressing hash set: one query's
 * phases find the same entry again and again (a name that is the query
 * is also a prefix match and a word match), and without a limit (a
 * count, --all) there can be as many as there are entries.
 */
struct search_seen {
	sqlite3_int64	*v;
	unsigned char	*used;
	size_t		 cap;		/* a power of two, or 0 */
	size_t		 n;
};

struct search_run {
	struct search_found	*v;
	size_t			 n;
	size_t			 cap;
	size_t			 want;
	int			 count_only;	/* keep rowids, not what a hit shows */
	struct search_seen	 seen;
};

static size_t
search_seen_slot(const struct search_seen *s, sqlite3_int64 rowid)
{
	uint64_t	h = (uint64_t)rowid * UINT64_C(0x9e3779b97f4a7c15);

	return (size_t)(h >> 29) & (s->cap - 1);
}

static int
search_seen_has(const struct search_seen *s, sqlite3_int64 rowid)
{
	size_t	i;

	if (s->cap == 0)
		return 0;
	for (i = search_seen_slot(s, rowid); s->used[i];
	    i = (i + 1) & (s->cap - 1)) {
		if (s->v[i] == rowid)
			return 1;
	}
	return 0;
}

static void
search_seen_put(struct search_seen *s, sqlite3_int64 rowid)
{
	size_t	i;

	for (i = search_seen_slot(s, rowid); s->used[i];
	    i = (i + 1) & (s->cap - 1)) {
		if (s->v[i] == rowid)
			return;
	}
	s->used[i] = 1;
	s->v[i] = rowid;
	s->n++;
}

static void
search_seen_add(struct search_seen *s, sqlite3_int64 rowid)
{
	struct search_seen	 old = *s;
	size_t			 i;

	/* At most half full, so a probe ends soon. */
	if ((s->n + 1) * 2 > s->cap) {
		s->cap = old.cap != 0 ? old.cap * 2 : 64;
		s->v = xreallocarray(NULL, s->cap, sizeof *s->v);
		s->used = xcalloc(s->cap, 1);
		s->n = 0;
		for (i = 0; i < old.cap; i++) {
			if (old.used[i])
				search_seen_put(s, old.v[i]);
		}
		free(old.v);
		free(old.used);
	}
	search_seen_put(s, rowid);
}

static char *search_column_dup(sqlite3_stmt *, int);

static void
search_found_add(struct search_run *r, sqlite3_stmt *st)
{
	struct search_found	*f;

	search_seen_add(&r->seen, sqlite3_column_int64(st, 0));
	if (r->count_only) {
		r->n++;
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap != 0 ? r->cap * 2 : 16;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	f = &r->v[r->n++];
	f->rowid = sqlite3_column_int64(st, 0);
	f->type = sqlite3_column_int(st, 1);
	f->ref = xstrdup((const char *)sqlite3_column_text(st, 2));
	f->shown = search_column_dup(st, 4);
	f->sub = search_column_dup(st, 5);
	f->email = search_column_dup(st, 6);
	f->country = search_column_dup(st, 7);
	f->auth = search_column_dup(st, 8);
	f->akind = search_column_dup(st, 9);
}

static void
search_found_free(struct search_found *f)
{
	free(f->ref);
	free(f->shown);
	free(f->sub);
	free(f->email);
	free(f->country);
	free(f->auth);
	free(f->akind);
}

static void
search_bind_filters(sqlite3_stmt *st, const struct cache_query *q,
    const char *whole)
{
	const char	*f[5];
	int		 i;

	f[0] = q->country;
	f[1] = q->kind;
	f[2] = q->role;
	f[3] = q->expertise;
	f[4] = q->language;
	stmt_bind_text(st, 1, whole);
	for (i = 0; i < 5; i++)
		stmt_bind_text(st, i + 2, f[i] != NULL && *f[i] != '\0' ?
		    f[i] : NULL);
}

/*
 * Runs one finding statement, adding rows not yet found until want.
 * match is ?7 (or NULL); checks are applied when plan is given.
 */
static int
search_phase(struct cache *c, enum stmt_id id, const struct cache_query *q,
    const char *whole, const char *seven, const struct search_plan *plan,
    struct search_run *r)
{
	struct spans	 t = { NULL, 0, 0 }, qt = { NULL, 0, 0 };
	sqlite3_stmt	*st;
	const char	*text;
	int		 rc = SQLITE_DONE;

	if (r->n >= r->want)
		return SQLITE_OK;
	if ((st = stmt_get(c, id)) == NULL)
		return sqlite3_errcode(c->db);
	search_bind_filters(st, q, whole);
	if (seven != NULL)
		stmt_bind_text(st, 7, seven);
	while (r->n < r->want && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (search_seen_has(&r->seen, sqlite3_column_int64(st, 0)))
			continue;
		if (plan != NULL && plan->nchecks > 0) {
			text = (const char *)sqlite3_column_text(st, 3);
			if (text == NULL ||
			    !search_checks_pass(plan, text, &t, &qt))
				continue;
		}
		if (sqlite3_column_type(st, 2) == SQLITE_NULL) {
			rc = SQLITE_CORRUPT;	/* a NOT NULL ref: forged */
			break;
		}
		search_found_add(r, st);
	}
	if (r->n >= r->want && rc != SQLITE_CORRUPT)
		rc = SQLITE_DONE;
	stmt_put(c, id, st);
	free(t.v);
	free(qt.v);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* ---- the vocabulary path --------------------------------------------- */

/*
 * A long word is matched as the OR of the terms that hold it when they
 * are at most this many; FTS5 steps every branch of an OR for each row
 * it yields, so a word inside very many terms ("555" in phone numbers) is
 * checked on the candidates of the other words instead.
 */
#define SEARCH_VOCAB_MAX	64

/*
 * Appends to m, ANDed, the OR of the terms of search_term that hold t
 * (id STMT_TERM_CONTAINS) or start with it (STMT_TERM_PREFIX); t has at
 * least three characters. *n is how many there are, SEARCH_VOCAB_MAX + 1
 * meaning more (then m is unchanged, as it is for none).
 */
static int
search_vocab_terms(struct cache *c, enum stmt_id id, const char *t,
    size_t len, struct buf *m, size_t *n)
{
	sqlite3_stmt	*st;
	struct buf	 a, or;
	char		*bound;
	const char	*term;
	int		 rc;

	*n = 0;
	buf_init(&a);
	buf_init(&or);
	if ((st = stmt_get(c, id)) == NULL)
		return sqlite3_errcode(c->db);
	if (id == STMT_TERM_CONTAINS) {
		search_trigrams(&a, t, len, len);
		stmt_bind_text(st, 1, a.data);
		sqlite3_bind_text(st, 2, t, (int)len, SQLITE_TRANSIENT);
	} else {
		/* UTF-8 never has 0xff: this follows every term with prefix t. */
		bound = xstrndup(t, len);
		bound[len - 1] = (char)((unsigned char)bound[len - 1] + 1);
		sqlite3_bind_text(st, 1, t, (int)len, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, bound, (int)len, free);
	}
	sqlite3_bind_int(st, 3, SEARCH_VOCAB_MAX + 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((term = (const char *)sqlite3_column_text(st, 0)) == NULL)
			continue;
		buf_adds(&or, *n == 0 ? "(" : " OR ");
		search_quote(&or, term, strlen(term));
		(*n)++;
	}
	stmt_put(c, id, st);
	if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
		if (*n > 0 && *n <= SEARCH_VOCAB_MAX) {
			buf_addc(&or, ')');
			search_and(m);
			buf_add(m, or.data, or.len);
		}
	}
	buf_free(&a);
	buf_free(&or);
	return rc;
}

/*
 * A name-tier prefix: the terms a token starts; one the vocabulary cannot
 * hold (shorter than three characters, all digits, changed by the
 * tokenizer's folding, or ending in a byte no bound follows) is matched
 * as an FTS5 prefix, as before.
 */
static int
search_vocab_prefix(struct cache *c, const char *t, size_t len,
    struct buf *m, int *none)
{
	size_t	n;
	int	rc;

	if (vocab_keeps(t, len) && (unsigned char)t[len - 1] != 0xff &&
	    vocab_is_token(c, t, len)) {
		if ((rc = search_vocab_terms(c, STMT_TERM_PREFIX, t, len, m,
		    &n)) != SQLITE_OK)
			return rc;
		if (n == 0)
			*none = 1;
		if (n >= 1 && n <= SEARCH_VOCAB_MAX)
			return SQLITE_OK;
	}
	search_and(m);
	search_quote(m, t, len);
	buf_addc(m, '*');
	return SQLITE_OK;
}

/*
 * The name tier's MATCH for search_name: every word's fragment, and each
 * token of a long word as a prefix, replaced by the terms it starts when
 * the vocabulary can say (FTS5 reads every segment's term list for a
 * prefix it has no index for). *none when a token starts no term: the
 * tier finds nothing.
 */
static int
search_vocab_name(struct cache *c, const struct search_plan *p,
    struct buf *m, int *none)
{
	struct spans	 t = { NULL, 0, 0 };
	const char	*w;
	size_t		 i, j;
	int		 rc = SQLITE_OK;

	*none = 0;
	for (i = 0; i < p->nwords && rc == SQLITE_OK && !*none; i++) {
		w = p->words[i].text;
		if (p->words[i].kind == WORD_FRAGMENT) {
			search_and(m);
			buf_adds(m, w);
			continue;
		}
		search_tokens(w, strlen(w), &t);
		for (j = 0; j < t.n && rc == SQLITE_OK && !*none; j++)
			rc = search_vocab_prefix(c, w + t.v[j].off,
			    t.v[j].len, m, none);
	}
	free(t.v);
	return rc;
}

struct search_vocab_toks {
	const char	*s;
	struct spans	 t;
	int		 same;	/* every token is the text at its place */
};

static int
search_vocab_tok(void *arg, int flags, const char *tok, int len, int start,
    int end)
{
	struct search_vocab_toks	*v = arg;

	(void)flags;
	if (start < 0 || end < start || len != end - start ||
	    memcmp(tok, v->s + start, (size_t)len) != 0)
		v->same = 0;
	spans_add(&v->t, (size_t)start, (size_t)(end > start ? end - start :
	    0));
	return SQLITE_OK;
}

/*
 * The full-text MATCH for search_word, in place of the trigrams: a long
 * word that is one token becomes the OR of the terms holding it, which
 * matches exactly the entries whose text holds it; a word of several
 * tokens ("o'brien", "ana.souza@mj") its inner tokens as they are and
 * its last as a prefix, and the whole word is checked on each candidate
 * (ck). Short words and CJK phrases are their fragments (with no long
 * word, that is the whole MATCH). *none when a word is in no term; m
 * stays empty when no word could be put in it (then the trigrams drive).
 */
static int
search_vocab_text(struct cache *c, const struct search_plan *p,
    struct buf *m, struct search_plan *ck, int *none)
{
	struct search_vocab_toks	 v;
	const char			*w;
	size_t				 i, j, len, n;
	int				 rc = SQLITE_OK, any = 0;

	*none = 0;
	memset(&v, 0, sizeof v);
	for (i = 0; i < p->nwords && rc == SQLITE_OK && !*none; i++) {
		w = p->words[i].text;
		len = strlen(w);
		if (p->words[i].kind == WORD_FRAGMENT) {
			search_and(m);
			buf_adds(m, w);
			any = 1;
			continue;
		}
		v.s = w;
		v.t.n = 0;
		v.same = 1;
		if ((rc = vocab_tokenize(c, w, len, search_vocab_tok,
		    &v)) != SQLITE_OK)
			break;
		/* One token, as the tokenizer leaves it: the terms holding it. */
		if (v.same && v.t.n == 1 && v.t.v[0].off == 0 &&
		    v.t.v[0].len == len && vocab_keeps(w, len)) {
			if ((rc = search_vocab_terms(c, STMT_TERM_CONTAINS, w,
			    len, m, &n)) != SQLITE_OK)
				break;
			if (n == 0)
				*none = 1;
			else if (n <= SEARCH_VOCAB_MAX)
				any = 1;
			else
				search_check_add(ck, CHECK_SUBSTRING,
				    xstrdup(w));
			continue;
		}
		search_check_add(ck, CHECK_SUBSTRING, xstrdup(w));
		if (!v.same || v.t.n < 2)
			continue;
		/* The first token ends a term: a term holding it narrows. */
		if (vocab_keeps(w + v.t.v[0].off, v.t.v[0].len)) {
			if ((rc = search_vocab_terms(c, STMT_TERM_CONTAINS,
			    w + v.t.v[0].off, v.t.v[0].len, m, &n)) !=
			    SQLITE_OK)
				break;
			if (n == 0)
				*none = 1;
		}
		for (j = 1; j < v.t.n; j++) {
			search_and(m);
			search_quote(m, w + v.t.v[j].off, v.t.v[j].len);
			if (j == v.t.n - 1)
				buf_addc(m, '*');
		}
		any = 1;
	}
	free(v.t.v);
	if (!any)
		buf_reset(m);
	return rc;
}

static char *
search_column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	return s != NULL ? xstrdup((const char *)s) : NULL;
}

/* "a · b", skipping empty parts. */
static char *
search_detail(const char *a, const char *b)
{
	int	ha = a != NULL && *a != '\0', hb = b != NULL && *b != '\0';

	if (ha && hb)
		return xasprintf("%s \xc2\xb7 %s", a, b);
	return xstrdup(ha ? a : hb ? b : "");
}

/*
 * Makes the hit of a found row, taking its strings: the entry holds what
 * a hit shows but the names of its authority (for a contact) and of its
 * country, looked up in one statement (small tables, in the page cache).
 */
static int
search_hit_fill(struct cache *c, struct search_found *f,
    struct cache_hit *h)
{
	sqlite3_stmt	*st;
	int		 rc, contact = f->type != REC_AUTHORITY;

	memset(h, 0, sizeof *h);
	if ((st = stmt_get(c, STMT_HIT_NAMES)) == NULL)
		return sqlite3_errcode(c->db);
	stmt_bind_text(st, 1, contact ? f->auth : NULL);
	stmt_bind_text(st, 2, f->country);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		h->type = contact ? REC_CONTACT : REC_AUTHORITY;
		h->detail = search_detail(f->sub, contact ?
		    (const char *)sqlite3_column_text(st, 0) : f->akind);
		h->country_name = search_column_dup(st, 1);
		rc = SQLITE_DONE;
	}
	stmt_put(c, STMT_HIT_NAMES, st);
	if (rc != SQLITE_DONE)
		return rc;
	h->id = f->ref;
	h->name = f->shown != NULL ? f->shown : xstrdup("");
	h->country = f->country;
	h->authority = f->auth;
	h->email = f->email;
	f->ref = f->shown = f->country = f->auth = f->email = NULL;
	return SQLITE_OK;
}

static void
search_hit_clear(struct cache_hit *h)
{
	free(h->id);
	free(h->name);
	free(h->detail);
	free(h->country);
	free(h->country_name);
	free(h->authority);
	free(h->email);
}

void
cache_hits_free(struct cache_hits *hits)
{
	size_t	i;

	if (hits == NULL)
		return;
	for (i = 0; i < hits->n; i++)
		search_hit_clear(&hits->v[i]);
	free(hits->v);
	hits->v = NULL;
	hits->n = 0;
}

/*
 * Finds the entries of the query into r, at most r->want of them, in the
 * order cache_search returns them. SQLite result code. The caller holds
 * the read transaction (search_read_begin).
 */
static int
search_collect(struct cache *c, const struct cache_query *q,
    struct search_run *r)
{
	struct search_plan	 plan, ck;
	struct buf		 vm;
	char			*bound = NULL;
	size_t			 blen;
	int			 rc = SQLITE_OK, none = 0;

	memset(&ck, 0, sizeof ck);
	buf_init(&vm);
	search_plan_make(&plan, q->text);
	if (plan.nwords == 0)
		goto done;

	/*
	 * Phase 1: the name is the query, the acronym is, the name starts
	 * with it.
	 */
	if (*plan.whole != '\0') {
		blen = strlen(plan.whole);
		bound = xstrdup(plan.whole);
		/* UTF-8 never has 0xff: this byte string follows every prefix match. */
		bound[blen - 1] = (char)((unsigned char)bound[blen - 1] + 1);
		if ((rc = search_phase(c, STMT_FIND_EXACT, q, plan.whole, NULL,
		    NULL, r)) != SQLITE_OK ||
		    (rc = search_phase(c, STMT_FIND_ACRONYM, q, plan.whole,
		    NULL, NULL, r)) != SQLITE_OK ||
		    (rc = search_phase(c, STMT_FIND_PREFIX, q, plan.whole,
		    bound, NULL, r)) != SQLITE_OK)
			goto done;
	}
	/*
	 * Then entries whose name has every word as a prefix of one of its
	 * words ("sou ana" → Ana Souza before an "Open-Source Analyst").
	 */
	if (r->n < r->want) {
		if ((rc = search_vocab_name(c, &plan, &vm, &none)) !=
		    SQLITE_OK)
			goto done;
		if (!none && (rc = search_phase(c, STMT_FIND_NAME, q,
		    plan.whole, vm.data, NULL, r)) != SQLITE_OK)
			goto done;
	}

	/*
	 * Phase 2: full-text matches in name order. A long word is the OR
	 * of the terms holding it (search_vocab_text); when no word can be
	 * matched that way the trigrams drive, and short words and CJK
	 * phrases are then checked on each candidate's text.
	 */
	buf_reset(&vm);
	if (r->n < r->want) {
		if ((rc = search_vocab_text(c, &plan, &vm, &ck, &none)) !=
		    SQLITE_OK)
			goto done;
		if (none)
			rc = SQLITE_OK;
		else if (vm.len > 0)
			rc = search_phase(c, STMT_FIND_WORD, q, plan.whole,
			    vm.data, ck.nchecks > 0 ? &ck : NULL, r);
		else
			rc = search_phase(c, STMT_FIND_TRI, q, plan.whole,
			    plan.tri.data, &plan, r);
	}

done:
	free(bound);
	search_plan_free(&plan);
	search_plan_free(&ck);
	buf_free(&vm);
	return rc;
}

/*
 * One read transaction for every statement of a search, the hits' names
 * included: otherwise each one takes and drops the WAL read lock (two
 * fcntl calls and a look at the shared memory), which cost more than
 * the searching. *began says whether search_read_end must end it.
 */
static int
search_read_begin(struct cache *c, int *began)
{
	int	rc = SQLITE_OK;

	*began = 0;
	if (sqlite3_get_autocommit(c->db) &&
	    (rc = stmt_run(c, STMT_READ_BEGIN)) == SQLITE_OK)
		*began = 1;
	return rc;
}

static void
search_read_end(struct cache *c, int began)
{
	if (began)
		stmt_run(c, STMT_READ_END);
}

static void
search_run_free(struct search_run *r)
{
	size_t	i;

	for (i = 0; i < r->n && !r->count_only; i++)
		search_found_free(&r->v[i]);
	free(r->v);
	free(r->seen.v);
	free(r->seen.used);
}

enum cache_status
cache_search(struct cache *c, const struct cache_query *q,
    struct cache_hits *hits, char **cause)
{
	struct search_run	 r;
	enum cache_status	 status = CACHE_OK;
	size_t			 limit, i;
	int			 rc, began = 0;

	hits->v = NULL;
	hits->n = 0;
	if (q == NULL || q->text == NULL)
		return CACHE_OK;
	limit = q->limit != 0 ? q->limit : SEARCH_LIMIT;
	memset(&r, 0, sizeof r);
	r.want = q->offset > SIZE_MAX - limit ? SIZE_MAX : q->offset + limit;
	if ((rc = search_read_begin(c, &began)) == SQLITE_OK)
		rc = search_collect(c, q, &r);
	if (rc == SQLITE_OK && r.n > q->offset) {
		hits->v = xcalloc(r.n - q->offset, sizeof *hits->v);
		for (i = q->offset; i < r.n; i++) {
			if ((rc = search_hit_fill(c, &r.v[i],
			    &hits->v[hits->n])) != SQLITE_OK) {
				search_hit_clear(&hits->v[hits->n]);
				break;
			}
			hits->n++;
		}
	}
	if (rc != SQLITE_OK) {
		status = cache_fail(c, rc, cause, "searching");
		cache_hits_free(hits);
	}
	search_read_end(c, began);
	search_run_free(&r);
	return status;
}

enum cache_status
cache_search_count(struct cache *c, const struct cache_query *q, size_t *n,
    char **cause)
{
	struct search_run	 r;
	enum cache_status	 status = CACHE_OK;
	int			 rc, began = 0;

	*n = 0;
	if (q == NULL || q->text == NULL)
		return CACHE_OK;
	memset(&r, 0, sizeof r);
	/* With count_upto, one past it is enough to say "more". */
	r.want = q->count_upto > 0 && q->count_upto < SIZE_MAX ?
	    q->count_upto + 1 : SIZE_MAX;
	r.count_only = 1;
	if ((rc = search_read_begin(c, &began)) == SQLITE_OK)
		rc = search_collect(c, q, &r);
	if (rc != SQLITE_OK)
		status = cache_fail(c, rc, cause, "counting the matches");
	else
		*n = r.n;
	search_read_end(c, began);
	search_run_free(&r);
	return status;
}
