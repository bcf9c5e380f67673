/*
 * search-plan.c: what a search asks for, made from the user's text
 * (search-query.c runs it). The text is folded and split into words; a
 * short word or a CJK phrase becomes an FTS5 prefix or phrase as it is, a
 * long word (three or more characters) the OR of the vocabulary's terms
 * that hold it (search-vocab.c), or, when the vocabulary cannot say, a
 * few of its trigrams for search_tri. What the MATCH cannot say exactly
 * becomes a check on each candidate's text. Every MATCH is built here
 * from quoted tokens; user text is never parsed as FTS syntax.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache/private.h"

#define SEARCH_MAX_WORDS	32	/* more words are ignored */

/* ---- tokens ---------------------------------------------------------- */

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

/* ---- the plan -------------------------------------------------------- */

/*
 * A long word puts this many trigrams, spread over it, and its last one
 * into the MATCH. Every trigram ANDed costs a pass over its document
 * list; the whole word is checked on each candidate anyway, so fewer
 * trigrams only let a few more candidates through (measured on 100k
 * contacts: 12 trigrams per word gave a 1.9-2.1 ms p99 per keystroke,
 * 2 plus the last 1.5-1.7 ms, same results).
 */
#define SEARCH_MAX_TRIGRAMS	2

/*
 * A condition each candidate's text must pass: every one when the
 * trigrams drive; when search_word does, those its MATCH cannot say
 * (search_vocab_text).
 */
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

void
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

void
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

int
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
int
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
int
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
