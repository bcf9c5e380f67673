/*
 * search-vocab.c: the vocabulary of the search index. search_term holds
 * every token of three or more characters, not all digits, that
 * search_word indexes, with a trigram index (search_term_tri) over it.
 * search-plan.c turns a query word into the OR of the few terms that
 * contain it and matches that in search_word, instead of ANDing the
 * word's trigrams over every entry's text, which let thousands of
 * candidates through whose text then had to be read and checked ("anca"
 * has the trigrams of every "Financial"). search-index.c keeps it: new
 * terms after an incremental update (vocab_add), all of it at a rebuild.
 *
 * Tokens come from the same unicode61 tokenizer search_word uses, called
 * through the FTS5 API, so the vocabulary and the index cannot disagree.
 * It is a superset: a term no entry holds any more stays until the next
 * rebuild, which only adds an empty term to an OR.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "cache/private.h"

/* search_word's tokenizer arguments: keep them as schema step 4 has them. */
static const char *vocab_tok_args[] = {
	"remove_diacritics", "0", "tokenchars", ""
};

static fts5_api *
vocab_fts5_api(struct cache *c)
{
	sqlite3_stmt	*st;
	fts5_api	*api = NULL;

	if ((st = stmt_get(c, STMT_FTS5_API)) == NULL)
		return NULL;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	(void)sqlite3_step(st);
	stmt_put(c, STMT_FTS5_API, st);
	return api;
}

/* Creates this connection's tokenizer on first use. */
static int
vocab_tokenizer(struct cache *c)
{
	fts5_api	*api;
	void		*ud = NULL;
	int		 rc;

	if (c->tok != NULL)
		return SQLITE_OK;
	if ((api = vocab_fts5_api(c)) == NULL)
		return SQLITE_ERROR;
	if ((rc = api->xFindTokenizer(api, "unicode61", &ud,
	    &c->tok_api)) != SQLITE_OK)
		return rc;
	return c->tok_api.xCreate(ud, vocab_tok_args,
	    (int)(sizeof vocab_tok_args / sizeof vocab_tok_args[0]), &c->tok);
}

void
vocab_close(struct cache *c)
{
	if (c->tok != NULL)
		c->tok_api.xDelete(c->tok);
	c->tok = NULL;
}

int
vocab_tokenize(struct cache *c, const char *s, size_t len,
    int (*fn)(void *, int, const char *, int, int, int), void *arg)
{
	int	rc;

	if ((rc = vocab_tokenizer(c)) != SQLITE_OK)
		return rc;
	if (len > INT32_MAX)
		return SQLITE_TOOBIG;
	return c->tok_api.xTokenize(c->tok, arg, FTS5_TOKENIZE_DOCUMENT, s,
	    (int)len, fn);
}

int
vocab_keeps(const char *t, size_t len)
{
	size_t	i;

	if (utf8_chars(t, len) < 3)
		return 0;
	for (i = 0; i < len; i++) {
		if (t[i] < '0' || t[i] > '9')
			return 1;
	}
	return 0;
}

static int
vocab_add_token(void *arg, int flags, const char *tok, int len, int start,
    int end)
{
	struct cache	*c = arg;
	sqlite3_stmt	*st;
	sqlite3_int64	 id;
	int		 rc;

	(void)flags;
	(void)start;
	(void)end;
	if (len <= 0 || !vocab_keeps(tok, (size_t)len))
		return SQLITE_OK;
	if ((st = stmt_get(c, STMT_TERM_ADD)) == NULL)
		return sqlite3_errcode(c->db);
	sqlite3_bind_text(st, 1, tok, len, SQLITE_STATIC);
	rc = sqlite3_step(st);
	stmt_put(c, STMT_TERM_ADD, st);
	if (rc != SQLITE_DONE)
		return rc;
	if (sqlite3_changes(c->db) == 0)
		return SQLITE_OK;
	id = sqlite3_last_insert_rowid(c->db);
	if ((st = stmt_get(c, STMT_TERM_TRI_ADD)) == NULL)
		return sqlite3_errcode(c->db);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, tok, len, SQLITE_STATIC);
	rc = sqlite3_step(st);
	stmt_put(c, STMT_TERM_TRI_ADD, st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int
vocab_add(struct cache *c, const char *text)
{
	if (text == NULL)
		return SQLITE_OK;
	return vocab_tokenize(c, text, strlen(text), vocab_add_token, c);
}

int
vocab_rebuild(struct cache *c)
{
	int	rc;

	if ((rc = stmt_run(c, STMT_TERM_CLEAR)) != SQLITE_OK ||
	    (rc = stmt_run(c, STMT_TERM_FILL)) != SQLITE_OK)
		return rc;
	return stmt_run(c, STMT_TERM_TRI_REBUILD);
}

struct vocab_single {
	const char	*s;
	size_t		 len;
	int		 n;	/* tokens seen */
	int		 same;	/* the first is s itself */
};

static int
vocab_single_token(void *arg, int flags, const char *tok, int len, int start,
    int end)
{
	struct vocab_single	*v = arg;

	(void)flags;
	if (v->n++ == 0)
		v->same = start == 0 && (size_t)end == v->len &&
		    (size_t)len == v->len && memcmp(tok, v->s, v->len) == 0;
	return SQLITE_OK;
}

int
vocab_is_token(struct cache *c, const char *s, size_t len)
{
	struct vocab_single	v = { s, len, 0, 0 };

	if (len == 0 || vocab_tokenize(c, s, len, vocab_single_token, &v) !=
	    SQLITE_OK)
		return 0;
	return v.n == 1 && v.same;
}
