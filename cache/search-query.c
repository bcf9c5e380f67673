/*
 * search-query.c: running a search, the half of search the CLI and the
 * interface call (cache_search, cache_search_count). A query's plan
 * (search-plan.c) is run as tiers, each a statement in name order: the
 * name is the query, the acronym is, the name starts with it, every word
 * starts a word of the name (search_name), then the full text
 * (search_word, or search_tri when the trigrams drive). An entry found by
 * an earlier tier is not taken again; a search stops once it has what
 * was asked. All of it runs in one read transaction. A hit is filled
 * from its entry and one lookup of its authority's and country's names.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache/private.h"
#include "common/i18n.h"

#define SEARCH_LIMIT		50	/* when the query says 0 */

/* ---- the entries found ----------------------------------------------- */

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

static char *
search_column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	return s != NULL ? xstrdup((const char *)s) : NULL;
}

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

/* ---- the tiers ------------------------------------------------------- */

/*
 * Runs one finding statement (a tier), adding rows not yet found until
 * want. seven is ?7, its MATCH text or bound (or NULL); the plan's
 * checks are applied to each candidate when plan is given.
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

/* ---- hits ------------------------------------------------------------ */

/*
 * Makes the hit of a found row, taking its strings: the entry holds what
 * a hit shows but, for a contact or a route, its authority's name and
 * acronym, and its country's name, looked up in one statement (small
 * tables, in the page cache). The entry's sub is a contact's title or an
 * authority's acronym (a route's: its authority's name, looked up
 * again); its akind the authority's kind.
 */
static int
search_hit_fill(struct cache *c, struct search_found *f,
    struct cache_hit *h)
{
	sqlite3_stmt	*st;
	int		 rc, contact = f->type == REC_CONTACT;
	int		 route = f->type == REC_ROUTE;

	memset(h, 0, sizeof *h);
	if ((st = stmt_get(c, STMT_HIT_NAMES)) == NULL)
		return sqlite3_errcode(c->db);
	stmt_bind_text(st, 1, contact || route ? f->auth : NULL);
	stmt_bind_text(st, 2, f->country);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		h->type = contact ? REC_CONTACT : route ? REC_ROUTE :
		    REC_AUTHORITY;
		if (contact || route) {
			h->authority_name = search_column_dup(st, 0);
			h->authority_acronym = search_column_dup(st, 1);
		}
		h->country_name = search_column_dup(st, 2);
		rc = SQLITE_DONE;
	}
	stmt_put(c, STMT_HIT_NAMES, st);
	if (rc != SQLITE_DONE)
		return rc;
	h->id = f->ref;
	h->name = f->shown != NULL ? f->shown : xstrdup("");
	if (contact)
		h->title = f->sub;
	else if (route) {
		free(f->sub);
		f->sub = NULL;
	} else {
		h->acronym = f->sub;
		h->kind = f->akind;
		f->akind = NULL;
	}
	h->country = f->country;
	h->authority = f->auth;
	h->email = f->email;
	f->ref = f->shown = f->sub = f->country = f->auth = f->email = NULL;
	return SQLITE_OK;
}

static void
search_hit_clear(struct cache_hit *h)
{
	free(h->id);
	free(h->name);
	free(h->title);
	free(h->authority_name);
	free(h->authority_acronym);
	free(h->acronym);
	free(h->kind);
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

/* ---- a search -------------------------------------------------------- */

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
		status = cache_fail(c, rc, cause, _("searching"));
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
		status = cache_fail(c, rc, cause, _("counting the matches"));
	else
		*n = r.n;
	search_read_end(c, began);
	search_run_free(&r);
	return status;
}
