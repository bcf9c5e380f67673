/*
 * test-search.c: search as an officer types it: any case, any accents,
 * Latin letters SQLite does not fold (ł ø ß), Greek, CJK, words in any
 * order, parts of e-mail addresses and words, acronyms first, exact and
 * prefix name matches first, filters, paging, FTS syntax typed as text,
 * and an index that follows deltas (renames, inserts, deletes).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cache/cache.h"
#include "harness.h"
#include "records.h"

static char	tmpdir[256];

/* Applies the records given (NULL-terminated) as one snapshot or delta. */
static enum cache_status
apply(struct cache *c, int snapshot, ...)
{
	struct cache_state	 st;
	struct cache_changes	 ch;
	enum cache_status	 status;
	struct record		*r;
	char			*cause = NULL;
	va_list			 ap;

	status = cache_apply_begin(c, &cause);
	if (status == CACHE_OK && snapshot)
		status = cache_apply_snapshot(c, &cause);
	va_start(ap, snapshot);
	while ((r = va_arg(ap, struct record *)) != NULL) {
		if (status == CACHE_OK)
			status = cache_apply_record(c, r, &cause);
		record_clear(r);
		free(r);
	}
	va_end(ap);
	memset(&st, 0, sizeof st);
	st.feed_id = "t";
	st.serial = 1;
	if (status == CACHE_OK)
		status = cache_apply_commit(c, &st, &ch, &cause);
	if (status != CACHE_OK) {
		printf("# apply: %s\n", cause ? cause : cache_strerror(status));
		cache_apply_rollback(c);
	}
	free(cause);
	return status;
}

/* Commits a set applied record by record (status so far), or rolls back. */
static enum cache_status
apply_end(struct cache *c, enum cache_status status, int64_t serial)
{
	struct cache_state	 cs;
	struct cache_changes	 ch;

	memset(&cs, 0, sizeof cs);
	cs.feed_id = "t";
	cs.serial = serial;
	if (status == CACHE_OK)
		status = cache_apply_commit(c, &cs, &ch, NULL);
	else
		cache_apply_rollback(c);
	return status;
}

static struct cache	*cache;
static char		*db_path;

/*
 * Looks into the file from a second connection: the FTS indexes against
 * their content (FTS5's integrity-check with rank 1 tokenizes every row
 * of search_entry and compares) and the vocabulary against search_word's
 * terms. Returns 1 if all agree.
 */
static int
search_file_check(void)
{
	static const char *const checks[] = {
		"INSERT INTO search_word(search_word, rank)"
		" VALUES ('integrity-check', 1)",
		"INSERT INTO search_name(search_name, rank)"
		" VALUES ('integrity-check', 1)",
		"INSERT INTO search_tri(search_tri, rank)"
		" VALUES ('integrity-check', 1)",
		"INSERT INTO search_term_tri(search_term_tri, rank)"
		" VALUES ('integrity-check', 1)"
	};
	/*
	 * Every term of search_word (3+ characters, not all digits) is in
	 * the vocabulary.
	 */
	static const char missing[] =
	    "SELECT count(*) FROM search_word_terms w"
	    " WHERE length(w.term) >= 3 AND w.term GLOB '*[^0-9]*'"
	    " AND NOT EXISTS"
	    " (SELECT 1 FROM search_term t WHERE t.term = w.term)";
	sqlite3		*db;
	sqlite3_stmt	*st;
	size_t		 i;
	int		 ok = 1;

	if (sqlite3_open(db_path, &db) != SQLITE_OK) {
		sqlite3_close(db);
		return 0;
	}
	sqlite3_busy_timeout(db, 5000);
	for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		if (sqlite3_exec(db, checks[i], NULL, NULL, NULL) != SQLITE_OK) {
			printf("# %s: %s\n", checks[i], sqlite3_errmsg(db));
			ok = 0;
		}
	}
	if (sqlite3_prepare_v2(db, missing, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 0) {
		printf("# terms missing from the vocabulary: %s\n",
		    sqlite3_errmsg(db));
		ok = 0;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return ok;
}

/* Runs a search and returns the ids found, space separated. */
static const char *
find_q(const struct cache_query *q)
{
	static char		 out[8192];
	struct cache_hits	 hits;
	enum cache_status	 status;
	char			*cause = NULL;
	size_t			 i;

	out[0] = '\0';
	status = cache_search(cache, q, &hits, &cause);
	if (status != CACHE_OK) {
		snprintf(out, sizeof out, "error: %s", cause ? cause : "");
		free(cause);
		return out;
	}
	for (i = 0; i < hits.n; i++) {
		if (i > 0)
			strncat(out, " ", sizeof out - strlen(out) - 1);
		strncat(out, hits.v[i].id, sizeof out - strlen(out) - 1);
	}
	cache_hits_free(&hits);
	return out;
}

static const char *
find(const char *text)
{
	struct cache_query	q;

	memset(&q, 0, sizeof q);
	q.text = text;
	return find_q(&q);
}

/* Whether id is among the results of text. */
static int
finds(const char *text, const char *id)
{
	const char	*out = find(text), *p;
	size_t		 n = strlen(id);

	for (p = out; (p = strstr(p, id)) != NULL; p += n) {
		if ((p == out || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	}
	return 0;
}

static const char *
first(const char *text)
{
	static char	 id[128];
	const char	*out = find(text);
	size_t		 n = strcspn(out, " ");

	snprintf(id, sizeof id, "%.*s", (int)n, out);
	return id;
}

static void
build(void)
{
	enum cache_status	status;

	status = apply(cache, 1,
	    rec(REC_COUNTRY, "code", "BR", "name", "Brazil", NULL),
	    rec(REC_COUNTRY, "code", "PL", "name", "Poland", NULL),
	    rec(REC_COUNTRY, "code", "DK", "name", "Denmark", NULL),
	    rec(REC_COUNTRY, "code", "DE", "name", "Germany", NULL),
	    rec(REC_COUNTRY, "code", "GR", "name", "Greece", NULL),
	    rec(REC_COUNTRY, "code", "CN", "name", "China", NULL),
	    rec(REC_COUNTRY, "code", "ES", "name", "Spain", NULL),
	    rec(REC_AUTHORITY, "id", "br-pf", "country", "BR",
	    "name", "Polícia Federal", "name_en", "Federal Police",
	    "acronym", "PF", "kind", "police", "languages", "pt,en",
	    "expertise", "asset-recovery,money-laundering",
	    "website", "https://www.gov.br/pf/", NULL),
	    rec(REC_AUTHORITY, "id", "br-mpf", "country", "BR",
	    "name", "Ministério Público Federal em São Paulo",
	    "acronym", "MPF", "kind", "prosecution", "languages", "pt",
	    "expertise", "mutual-legal-assistance", NULL),
	    rec(REC_AUTHORITY, "id", "pl-cba", "country", "PL",
	    "name", "Centralne Biuro Antykorupcyjne", "acronym", "CBA",
	    "kind", "anti-corruption", NULL),
	    rec(REC_AUTHORITY, "id", "dk-nsk", "country", "DK",
	    "name", "Særlig Økonomisk Kriminalitet", "acronym", "NSK",
	    "kind", "prosecution", NULL),
	    rec(REC_AUTHORITY, "id", "de-bka", "country", "DE",
	    "name", "Bundeskriminalamt", "acronym", "BKA", "kind", "police",
	    NULL),
	    rec(REC_AUTHORITY, "id", "gr-nta", "country", "GR",
	    "name", "Εθνική Αρχή Διαφάνειας", "acronym", "ΕΑΔ", NULL),
	    rec(REC_AUTHORITY, "id", "cn-ncs", "country", "CN",
	    "name", "国家监察委员会", "kind", "anti-corruption", NULL),
	    rec(REC_AUTHORITY, "id", "es-fa", "country", "ES",
	    "name", "Fiscalía Anticorrupción", "kind", "prosecution", NULL),
	    rec(REC_CONTACT, "id", "c-walesa", "authority", "pl-cba",
	    "name", "Lech Wałęsa", "role", "focal-point", NULL),
	    rec(REC_CONTACT, "id", "c-soren", "authority", "dk-nsk",
	    "name", "Søren Kierkegaard", "role", "case-officer", NULL),
	    rec(REC_CONTACT, "id", "c-hans", "authority", "de-bka",
	    "name", "Hans Straße", "role", "focal-point", "languages", "de",
	    NULL),
	    rec(REC_CONTACT, "id", "c-giorgos", "authority", "gr-nta",
	    "name", "Γιώργος Παπαδόπουλος", NULL),
	    rec(REC_CONTACT, "id", "c-ana", "authority", "br-pf",
	    "name", "Ana Souza", "title", "Delegada", "role", "focal-point",
	    "email", "ana.souza@example.org", "languages", "pt,en", NULL),
	    rec(REC_CONTACT, "id", "c-anabela", "authority", "br-mpf",
	    "name", "Anabela Reis", "role", "case-officer",
	    "languages", "pt", NULL),
	    rec(REC_CONTACT, "id", "c-mariana", "authority", "br-mpf",
	    "name", "Mariana Costa", NULL),
	    rec(REC_CONTACT, "id", "c-bruno", "authority", "br-pf",
	    "name", "Bruno Lima", "role", "case-officer", NULL),
	    rec(REC_CONTACT, "id", "c-wang", "authority", "cn-ncs",
	    "name", "王秀英", NULL),
	    rec(REC_CONTACT, "id", "c-jose", "authority", "es-fa",
	    "name", "José Álvarez", "languages", "es", NULL),
	    rec(REC_CONTACT, "id", "c-pfister", "authority", "de-bka",
	    "name", "Pfister Karl", NULL),
	    rec(REC_CONTACT, "id", "c-silva", "authority", "br-pf",
	    "name", "Silva", NULL),
	    rec(REC_CONTACT, "id", "c-silvas", "authority", "br-pf",
	    "name", "Silva Santos", NULL),
	    rec(REC_CONTACT, "id", "c-asilva", "authority", "br-pf",
	    "name", "Ada Silva", NULL),
	    NULL);
	CHECK_INT(status, CACHE_OK, "the test directory applies");
}

static void
test_folding(void)
{
	CHECK(finds("walesa", "c-walesa"), "walesa finds Wałęsa");
	CHECK(finds("WAŁĘSA", "c-walesa"), "WAŁĘSA finds Wałęsa");
	CHECK(finds("lech", "c-walesa"), "a first name finds the person");
	CHECK(finds("soren", "c-soren"), "soren finds Søren");
	CHECK(finds("kierkegaard", "c-soren"), "a surname finds the person");
	CHECK(finds("strasse", "c-hans"), "strasse finds Straße");
	CHECK(finds("γιωργος", "c-giorgos"), "γιωργος finds Γιώργος");
	CHECK(finds("ΓΙΏΡΓΟΣ", "c-giorgos"), "capital Greek with accents too");
	CHECK(finds("jose", "c-jose"), "jose finds José");
	CHECK(finds("ALVAREZ", "c-jose"), "ALVAREZ finds Álvarez");
	CHECK(finds("sao paulo", "br-mpf"), "sao paulo finds São Paulo");
	CHECK(finds("økonomisk", "dk-nsk"), "an authority by a word of its name");
	CHECK(finds("fiscalia anticorrupcion", "es-fa"),
	    "an authority by its folded name");
	CHECK(!finds("walesa", "c-soren"), "and not someone else");
}

static void
test_words(void)
{
	CHECK_STR(find("sou ana"), "c-ana", "sou ana finds Ana Souza only");
	CHECK_STR(find("ana sou"), "c-ana", "ana sou too: any word order");
	CHECK(strncmp(find("federal"), "br-mpf br-pf c-", 15) == 0,
	    "names that match come before entries matching by other fields"
	    " (the authorities named Federal before their contacts)");
	CHECK_STR(find("ouza"), "c-ana", "a substring inside a word");
	CHECK_STR(find("souza@ex"), "c-ana", "part of an e-mail address");
	CHECK(finds("example.org", "c-ana"), "the e-mail domain");
	CHECK(finds("ana.souza@example.org", "c-ana"),
	    "a whole e-mail address (more trigrams than are matched)");
	CHECK(!finds("ana.souza@example.orx", "c-ana"),
	    "and not one that differs in its last letter");
	CHECK(finds("秀英", "c-wang"), "秀英 finds 王秀英");
	CHECK(finds("王", "c-wang"), "王 finds 王秀英");
	CHECK(finds("王秀英", "c-wang"), "the whole CJK name");
	CHECK(!finds("英秀", "c-wang"), "CJK characters in another order do not");
	CHECK(finds("监察", "cn-ncs"), "CJK inside an authority name");
	CHECK(finds("china", "c-wang"), "a contact by its country's name");
	CHECK(finds("bundeskriminalamt", "c-pfister"),
	    "a contact by its authority's name");
	CHECK(finds("federal police", "c-bruno"),
	    "a contact by its authority's English name");
	CHECK(finds("asset-recovery", "br-pf"), "an authority by expertise");
	CHECK(finds("gov.br", "br-pf"), "an authority by its website's host");
	CHECK(finds("l s", "c-walesa") == 0,
	    "two one-letter words must both start words");
	CHECK(finds("l w", "c-walesa"), "one-letter words are word prefixes");
	CHECK(finds("ana s", "c-ana"), "a long and a short word together");
	CHECK(finds("s ana", "c-ana"), "a short and a long word together");
	CHECK(!finds("x ana", "c-ana"), "a short word must match too");
	CHECK(finds("王 ana", "c-wang") == 0, "CJK and Latin must both match");
	CHECK_STR(find("zzzz"), "", "nothing matches: an empty list");
}

static void
test_order(void)
{
	struct cache_query	 q;
	struct cache_hits	 hits;
	char			*cause = NULL, *prev = NULL, *cur;
	size_t			 i;
	int			 sorted = 1;

	CHECK_STR(first("pf"), "br-pf", "pf gives Polícia Federal first");
	CHECK_STR(find("pf"), "br-pf c-pfister c-asilva c-ana c-bruno c-silva "
	    "c-silvas", "then names starting with pf, then the rest by name");
	CHECK_STR(first("mpf"), "br-mpf", "an acronym of three letters");
	CHECK_STR(find("silva"), "c-silva c-silvas c-asilva",
	    "the exact name, then names starting with it, then the rest");
	CHECK_STR(find("ana"), "c-ana c-anabela c-mariana",
	    "prefix matches before other matches");
	CHECK_STR(find("ana souza"), "c-ana", "the exact full name");

	/* Beyond phase 1, rows come in folded name order. */
	memset(&q, 0, sizeof q);
	q.text = "a";
	q.limit = 100;
	cache_search(cache, &q, &hits, &cause);
	CHECK(hits.n >= 8, "a one-letter query finds many (%zu)", hits.n);
	for (i = 0; i < hits.n; i++) {
		cur = fold_text(hits.v[i].name);
		if (strncmp(cur, "a", 1) != 0 && prev != NULL &&
		    strncmp(prev, "a", 1) != 0 && strcmp(prev, cur) > 0)
			sorted = 0;
		free(prev);
		prev = cur;
	}
	free(prev);
	CHECK(sorted, "results are in name order");
	for (i = 0; i < hits.n; i++) {
		if (strcmp(hits.v[i].id, "c-ana") == 0)
			break;
	}
	CHECK(i < hits.n && strcmp(hits.v[i].title, "Delegada") == 0 &&
	    strcmp(hits.v[i].authority_name, "Polícia Federal") == 0 &&
	    strcmp(hits.v[i].authority_acronym, "PF") == 0 &&
	    hits.v[i].acronym == NULL && hits.v[i].kind == NULL &&
	    strcmp(hits.v[i].country, "BR") == 0 &&
	    strcmp(hits.v[i].country_name, "Brazil") == 0 &&
	    strcmp(hits.v[i].authority, "br-pf") == 0 &&
	    strcmp(hits.v[i].email, "ana.souza@example.org") == 0 &&
	    hits.v[i].type == REC_CONTACT,
	    "a contact hit carries its title, its authority's name and "
	    "acronym, country, authority, e-mail");
	cache_hits_free(&hits);
	q.text = "pf";
	cache_search(cache, &q, &hits, &cause);
	CHECK(hits.n > 0 && hits.v[0].type == REC_AUTHORITY &&
	    strcmp(hits.v[0].acronym, "PF") == 0 &&
	    strcmp(hits.v[0].kind, "police") == 0 &&
	    hits.v[0].title == NULL && hits.v[0].authority_name == NULL,
	    "an authority hit carries its acronym and kind");
	cache_hits_free(&hits);
}

static void
test_filters(void)
{
	struct cache_query	q;

	memset(&q, 0, sizeof q);
	q.text = "ana";
	q.country = "BR";
	CHECK_STR(find_q(&q), "c-ana c-anabela c-mariana", "country filter");
	q.country = "PL";
	CHECK_STR(find_q(&q), "", "country filter excludes");
	q.country = "br";
	CHECK_STR(find_q(&q), "c-ana c-anabela c-mariana",
	    "a country code in lower case");
	q.country = NULL;
	q.language = "en";
	CHECK_STR(find_q(&q), "c-ana", "language filter: the entry's own");
	q.language = NULL;
	q.role = "case-officer";
	CHECK_STR(find_q(&q), "c-anabela", "role filter");
	q.text = "pf";
	q.role = "focal-point";
	CHECK_STR(find_q(&q), "c-ana", "role filter leaves out authorities");
	q.role = NULL;
	q.text = "federal";
	q.kind = "prosecution";
	CHECK_STR(find_q(&q), "br-mpf c-anabela c-mariana",
	    "kind filter: the authority (a name match, first) and contacts"
	    " through it");
	q.kind = NULL;
	q.expertise = "asset-recovery";
	CHECK_STR(find_q(&q), "br-pf c-asilva c-ana c-bruno c-silva c-silvas",
	    "expertise filter, contacts through their authority (name"
	    " match first)");
	q.expertise = "none-such";
	CHECK_STR(find_q(&q), "", "an unknown expertise finds nothing");
	q.expertise = "";
	CHECK(strlen(find_q(&q)) > 0, "an empty filter is no filter");
}

static void
test_syntax(void)
{
	static const char *const nasty[] = {
		"\"", "*", "NEAR(", "-", "^", "AND", "OR", "NOT", ":", "(", ")",
		"", "   ", "ana\"", "\"ana", "a*b", "text:ana", "-ana", "^ana",
		"ana OR", "NEAR(ana souza)", "ana AND NOT", "((", "\"\"\"",
		"ana*", "{text}: ana", "a\"b\"c", "'", "\\", "%", "_", "ΑΝΔ\"",
		"王\"", "\xff\xfe", "ana\tsouza\n",
	};
	struct cache_query	 q;
	struct cache_hits	 hits;
	enum cache_status	 status;
	char			*big, *cause = NULL;
	size_t			 i;
	int			 bad = -1;

	for (i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
		if (strncmp(find(nasty[i]), "error", 5) == 0) {
			bad = (int)i;
			printf("# %s: %s\n", nasty[i], find(nasty[i]));
		}
	}
	CHECK_INT(bad, -1, "FTS syntax typed as text is never an error");
	CHECK_STR(find("\""), "", "a lone quote finds nothing");
	CHECK_STR(find("   "), "", "only spaces find nothing");
	CHECK(finds("ana\"", "c-ana"), "a stray quote is ignored");
	CHECK(finds("(ana)", "c-ana"), "brackets around a word are ignored");
	CHECK(finds("-ana", "c-ana"), "a leading - is not NOT");

	big = xmalloc(10241);
	for (i = 0; i < 10240; i++)
		big[i] = "ab \"*()"[i % 7];
	big[10240] = '\0';
	memset(&q, 0, sizeof q);
	q.text = big;
	status = cache_search(cache, &q, &hits, &cause);
	CHECK_INT(status, CACHE_OK, "10 KB of query text: no error");
	cache_hits_free(&hits);
	memset(big, 'a', 10240);
	status = cache_search(cache, &q, &hits, &cause);
	CHECK_INT(status, CACHE_OK, "a 10 KB word: no error");
	CHECK_INT(hits.n, 0, "and nothing found");
	cache_hits_free(&hits);
	free(big);
	memset(&q, 0, sizeof q);
	status = cache_search(cache, &q, &hits, &cause);
	CHECK(status == CACHE_OK && hits.n == 0, "a NULL text: empty");
}

/* The number of hits of q with no limit and no offset (cache_search). */
static size_t
hits_all(struct cache_query *q)
{
	struct cache_hits	 hits;
	size_t			 n, limit = q->limit, offset = q->offset;

	q->limit = SIZE_MAX;
	q->offset = 0;
	n = cache_search(cache, q, &hits, NULL) == CACHE_OK ? hits.n :
	    SIZE_MAX;
	cache_hits_free(&hits);
	q->limit = limit;
	q->offset = offset;
	return n;
}

/* cache_search_count of q, or SIZE_MAX on error. */
static size_t
count_q(const struct cache_query *q)
{
	size_t	 n;

	if (cache_search_count(cache, q, &n, NULL) != CACHE_OK)
		return SIZE_MAX;
	return n;
}

static void
test_count(void)
{
	static const char *const texts[] = { "a", "pf", "ana", "silva",
	    "federal", "e", "zzzz", "" };
	struct cache_query	 q;
	size_t			 i, n, all;

	memset(&q, 0, sizeof q);
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		q.text = texts[i];
		q.limit = 2;
		q.offset = 1;
		n = count_q(&q);
		all = hits_all(&q);
		CHECK(n == all && n != SIZE_MAX, "count of '%s' is every hit"
		    " (%zu, %zu), limit and offset ignored", texts[i], n, all);
	}
	q.text = "a";
	q.limit = 2;
	q.offset = 0;
	CHECK(count_q(&q) > 2, "a count goes past the limit");
	q.country = "BR";
	n = count_q(&q);
	CHECK(n == hits_all(&q) && n > 0, "a count with a filter (%zu)", n);
	q.country = "PL";
	q.text = "ana";
	CHECK_INT((int)count_q(&q), 0, "a filter that leaves nothing: 0");
}

/* count_upto: how many match, beyond the page, up to a cap. */
static void
test_count_upto(void)
{
	struct cache_query	 q;
	struct cache_hits	 hits;
	size_t			 all, n;
	const char		*p;

	memset(&q, 0, sizeof q);
	q.text = "a";
	q.limit = 1000;
	for (all = 1, p = find_q(&q); *p != '\0'; p++)
		all += *p == ' ';
	CHECK(all > 3, "a finds more than three entries");
	q.limit = 2;
	q.count_upto = 1000;
	CHECK_INT(cache_search(cache, &q, &hits, NULL), CACHE_OK,
	    "a counted search");
	CHECK_INT(hits.n, 2, "only the page is filled");
	cache_hits_free(&hits);
	CHECK_INT(cache_search_count(cache, &q, &n, NULL), CACHE_OK,
	    "and its count");
	CHECK_INT(n, all, "the count is every match");
	CHECK(n <= q.count_upto, "under the cap: no more");
	q.count_upto = 3;
	CHECK_INT(cache_search_count(cache, &q, &n, NULL), CACHE_OK,
	    "a search counted up to 3");
	CHECK_INT(n > 3 ? 3 : n, 3, "the count stops at the cap");
	CHECK_INT(n, 4, "and says there are more (one past it)");
	CHECK_INT(cache_search(cache, &q, &hits, NULL), CACHE_OK,
	    "a search with a cap");
	CHECK_INT(hits.n, 2, "the page is still 2");
	cache_hits_free(&hits);
	q.count_upto = 0;
	CHECK_INT(cache_search_count(cache, &q, &n, NULL), CACHE_OK,
	    "an uncapped count");
	CHECK_INT(n, all, "no cap: every match");
}

static void
test_paging(void)
{
	struct cache_query	 q;
	char			 all[1024], page[1024];

	memset(&q, 0, sizeof q);
	q.text = "a";
	q.limit = 6;
	snprintf(all, sizeof all, "%s", find_q(&q));
	q.limit = 3;
	snprintf(page, sizeof page, "%s ", find_q(&q));
	q.offset = 3;
	strncat(page, find_q(&q), sizeof page - strlen(page) - 1);
	CHECK_STR(page, all, "two pages of 3 are the first 6");
	q.limit = 2;
	q.offset = 0;
	q.text = "pf";
	CHECK_STR(find_q(&q), "br-pf c-pfister", "limit");
	q.offset = 1;
	CHECK_STR(find_q(&q), "c-pfister c-asilva", "offset across phases");
	q.offset = 1000;
	CHECK_STR(find_q(&q), "", "an offset past the end");
	q.offset = 0;
	q.limit = 0;
	q.text = "a";
	CHECK(strlen(find_q(&q)) > 0, "limit 0 means the default");
	test_count_upto();
}

static void
test_delta(void)
{
	struct cache_query	 q;
	struct cache_hits	 hits;
	enum cache_status	 status;
	struct record		*recs[262];
	char			 name[32], id[32];
	size_t			 n;
	int			 i, ok;

	status = apply(cache, 0,
	    rec(REC_CONTACT, "id", "c-bruno", "authority", "br-pf",
	    "name", "Bruno Lemos", "role", "case-officer", NULL),
	    rec(REC_CONTACT, "id", "c-anabel", "authority", "br-pf",
	    "name", "Anabel Nunes", NULL),
	    rec(REC_DELETE, "of", "contact", "id", "c-mariana", NULL),
	    NULL);
	CHECK_INT(status, CACHE_OK, "a delta applies");
	CHECK(!finds("lima", "c-bruno"), "the old name no longer matches");
	CHECK(finds("lemos", "c-bruno"), "the new name matches");
	CHECK(finds("bruno lem", "c-bruno"), "and as a prefix");
	CHECK_STR(find("ana"), "c-ana c-anabel c-anabela",
	    "an insert between neighbours keeps name order; a delete is gone");
	CHECK_STR(find("mariana"), "", "a deleted contact is not found");

	/* An authority renamed: its contacts are found by the new name. */
	status = apply(cache, 0,
	    rec(REC_AUTHORITY, "id", "br-pf", "country", "BR",
	    "name", "Polícia Federal do Brasil", "name_en", "Federal Police",
	    "acronym", "PF", "kind", "police", "languages", "pt,en",
	    "expertise", "asset-recovery,money-laundering", NULL),
	    rec(REC_COUNTRY, "code", "PL", "name", "Rzeczpospolita Polska",
	    NULL),
	    NULL);
	CHECK_INT(status, CACHE_OK, "an authority and a country change");
	CHECK(finds("brasil", "c-ana"), "contacts follow their authority's name");
	CHECK(finds("rzeczpospolita", "c-walesa"),
	    "contacts follow their country's name");
	CHECK(finds("rzeczpospolita", "pl-cba"),
	    "authorities follow their country's name");
	CHECK(!finds("poland", "c-walesa"), "the old country name is gone");
	memset(&q, 0, sizeof q);
	q.text = "ana souza";
	cache_search(cache, &q, &hits, NULL);
	CHECK(hits.n == 1 && strcmp(hits.v[0].authority_name,
	    "Polícia Federal do Brasil") == 0,
	    "a hit shows its authority's new name");
	cache_hits_free(&hits);
	q.text = "walesa";
	cache_search(cache, &q, &hits, NULL);
	CHECK(hits.n == 1 && strcmp(hits.v[0].country_name,
	    "Rzeczpospolita Polska") == 0 &&
	    strcmp(hits.v[0].name, "Lech Wałęsa") == 0,
	    "and its country's new name");
	cache_hits_free(&hits);
	memset(&q, 0, sizeof q);
	q.text = "lemos";
	q.kind = "police";
	CHECK_STR(find_q(&q), "c-bruno", "filters hold after an update");

	/*
	 * Forty names, each just before the last: the gap between two
	 * rowids halves every time until there is no room, then the entries
	 * after it are spread over a wider span (search_spread) instead of
	 * renumbering every entry.
	 */
	CHECK(search_file_check(),
	    "the search indexes match their content before the inserts");
	ok = 1;
	for (i = 1; i <= 40 && ok; i++) {
		snprintf(id, sizeof id, "g-%02d", i);
		snprintf(name, sizeof name, "Aaz %02d", 41 - i);
		ok = apply(cache, 0, rec(REC_CONTACT, "id", id,
		    "authority", "br-pf", "name", name, NULL), NULL) == CACHE_OK;
	}
	CHECK(ok, "forty single inserts apply");
	memset(&q, 0, sizeof q);
	q.text = "aaz";
	q.limit = 3;
	CHECK_STR(find_q(&q), "g-40 g-39 g-38", "the gaps ran out and order holds");
	q.text = "aaz 2";
	q.limit = 0;
	CHECK_STR(find_q(&q),
	    "g-21 g-20 g-19 g-18 g-17 g-16 g-15 g-14 g-13 g-12",
	    "a prefix over the spread names");
	CHECK(finds("lemos", "c-bruno"), "earlier changes are still found");
	CHECK(search_file_check(),
	    "the search indexes match their content after the spreading");

	/*
	 * One change set: 250 names into one gap (entries moved to make room
	 * may be ones inserted earlier in the same set), two contacts of the
	 * crowded range deleted and one renamed into it.
	 */
	n = 0;
	for (i = 1; i <= 250; i++) {
		snprintf(id, sizeof id, "h-%03d", i);
		snprintf(name, sizeof name, "Aay %03d", 251 - i);
		recs[n++] = rec(REC_CONTACT, "id", id, "authority", "br-pf",
		    "name", name, NULL);
	}
	recs[n++] = rec(REC_DELETE, "of", "contact", "id", "g-40", NULL);
	recs[n++] = rec(REC_DELETE, "of", "contact", "id", "g-20", NULL);
	recs[n++] = rec(REC_CONTACT, "id", "c-bruno", "authority", "br-pf",
	    "name", "Aay 125b", "role", "case-officer", NULL);
	status = cache_apply_begin(cache, NULL);
	for (i = 0; i < (int)n; i++) {
		if (status == CACHE_OK)
			status = cache_apply_record(cache, recs[i], NULL);
		record_clear(recs[i]);
		free(recs[i]);
	}
	status = apply_end(cache, status, 1);
	CHECK_INT(status, CACHE_OK, "250 inserts into one gap apply as one set");
	CHECK(search_file_check(),
	    "the search indexes match their content after it");
	memset(&q, 0, sizeof q);
	q.text = "aay 12";
	q.limit = 0;
	CHECK_STR(find_q(&q), "h-131 h-130 h-129 h-128 h-127 h-126 c-bruno "
	    "h-125 h-124 h-123 h-122", "name order holds across the spread "
	    "(Aay 120..129, the renamed contact after Aay 125)");
	q.text = "aay";
	q.limit = 1;
	CHECK_STR(find_q(&q), "h-250", "the first of the crowded names");
	CHECK_STR(find("aaz 01"), "", "a deleted contact of the range is gone");
	CHECK_STR(find("aaz 21"), "", "and the other one");
	CHECK(finds("aaz 20", "g-21") && finds("aaz 22", "g-19"),
	    "its neighbours stay");
	for (i = 1, ok = 1; i <= 250 && ok; i += 7) {
		snprintf(name, sizeof name, "aay %03d", 251 - i);
		snprintf(id, sizeof id, "h-%03d", i);
		ok = finds(name, id);
	}
	CHECK(ok, "every seventh of the 250 is found by its name");
}

/*
 * Routes are found by their measure's label (the English one, whatever
 * the code), their country, their authority and their notes, and follow
 * their authority's name; a country filter holds for them too.
 */
static void
test_routes(void)
{
	struct cache_query	 q;
	struct cache_hits	 hits;
	enum cache_status	 status;

	status = apply(cache, 0,
	    rec(REC_ROUTE, "id", "r-br-trace", "country", "BR",
	    "measure", "asset-tracing", "authority", "br-pf",
	    "channel", "direct", "notes", "Ask for the duty officer", NULL),
	    rec(REC_ROUTE, "id", "r-pl-bank", "country", "PL",
	    "measure", "bank-records", "authority", "pl-cba", NULL),
	    rec(REC_ROUTE, "id", "r-br-novel", "country", "BR",
	    "measure", "zz-novel-measure", "authority", "br-mpf", NULL),
	    NULL);
	CHECK_INT(status, CACHE_OK, "routes apply as a delta");
	CHECK_STR(find("asset tracing brazil"), "r-br-trace",
	    "the measure's label and the country find a route");
	CHECK_STR(first("asset tracing"), "r-br-trace",
	    "the measure's label is the route's name");
	CHECK_STR(find("tracing brasil"), "r-br-trace",
	    "and its authority's name");
	CHECK_STR(find("duty officer"), "r-br-trace", "and its notes");
	CHECK_STR(find("bank records"), "r-pl-bank",
	    "another measure, another route");
	CHECK_STR(find("novel measure"), "r-br-novel",
	    "a code no vocabulary knows is found as it is written");
	memset(&q, 0, sizeof q);
	q.text = "records";
	q.country = "BR";
	CHECK_STR(find_q(&q), "", "the country filter holds for routes");
	q.text = "asset tracing";
	q.country = NULL;
	cache_search(cache, &q, &hits, NULL);
	CHECK(hits.n == 1 && hits.v[0].type == REC_ROUTE &&
	    strcmp(hits.v[0].name, "Asset tracing") == 0 &&
	    strcmp(hits.v[0].authority_name, "Polícia Federal do Brasil") == 0 &&
	    strcmp(hits.v[0].country_name, "Brazil") == 0,
	    "a route's hit: its measure, its authority and its country");
	cache_hits_free(&hits);
	CHECK(search_file_check(), "the search indexes match with routes");
	status = apply(cache, 0,
	    rec(REC_AUTHORITY, "id", "pl-cba", "country", "PL",
	    "name", "Biuro Antykorupcyjne Nowe", "acronym", "CBA", NULL),
	    rec(REC_DELETE, "of", "route", "id", "r-br-novel", NULL),
	    NULL);
	CHECK_INT(status, CACHE_OK, "an authority renamed, a route deleted");
	CHECK_STR(find("bank nowe"), "r-pl-bank",
	    "a route follows its authority's new name");
	CHECK_STR(find("novel measure"), "", "a deleted route is not found");
	CHECK(search_file_check(), "the search indexes still match");
}

/*
 * The vocabulary (cache/search-vocab.c): a long word is matched as the
 * OR of the terms that hold it. A word inside more terms than are ORed
 * is checked on the candidates instead; a word of several tokens is
 * narrowed by its tokens and checked whole (its first token may end a
 * longer word); words new in a delta are found.
 */
static void
test_vocabulary(void)
{
	struct record	*recs[80];
	enum cache_status status;
	char		 name[32], id[32], want[1024];
	size_t		 n = 0, i;

	for (i = 1; i <= 70; i++) {
		snprintf(id, sizeof id, "t-%02zu", i);
		snprintf(name, sizeof name, "Tester Q%02zuqxz", i);
		recs[n++] = rec(REC_CONTACT, "id", id, "authority", "de-bka",
		    "name", name, NULL);
	}
	recs[n++] = rec(REC_CONTACT, "id", "c-obrien", "authority", "de-bka",
	    "name", "Mary O'Brien", "phone", "+353 1 555 0199", NULL);
	recs[n++] = rec(REC_CONTACT, "id", "c-kayo", "authority", "de-bka",
	    "name", "Ken Watanabe", "title", "Kayo'Brien liaison", NULL);
	recs[n++] = rec(REC_CONTACT, "id", "c-bo", "authority", "de-bka",
	    "name", "Bo Rien", "title", "O Brien", NULL);
	recs[n++] = rec(REC_CONTACT, "id", "c-zyx", "authority", "de-bka",
	    "name", "Zyxwvut Nowak", NULL);
	status = cache_apply_begin(cache, NULL);
	for (i = 0; i < n; i++) {
		if (status == CACHE_OK)
			status = cache_apply_record(cache, recs[i], NULL);
		record_clear(recs[i]);
		free(recs[i]);
	}
	status = apply_end(cache, status, 2);
	CHECK_INT(status, CACHE_OK, "74 new contacts apply as a delta");
	CHECK(search_file_check(), "their words are in the vocabulary");

	want[0] = '\0';
	for (i = 1; i <= 50; i++) {
		snprintf(id, sizeof id, "%st-%02zu", i > 1 ? " " : "", i);
		strncat(want, id, sizeof want - strlen(want) - 1);
	}
	CHECK_STR(find("qxz"), want,
	    "a word inside 70 terms (more than are ORed) finds them in order");
	CHECK_STR(find("qxz tester"), want,
	    "and checked on the candidates of another word");
	CHECK_STR(find("7qxz"), "t-07 t-17 t-27 t-37 t-47 t-57 t-67",
	    "a word inside seven of them finds those seven");
	CHECK_STR(find("q07qxz"), "t-07", "a whole term finds its entry");
	CHECK_STR(find("o'bri"), "c-obrien c-kayo",
	    "a word of two tokens: the name first, then inside a longer word"
	    " (Kayo'Brien), not where the tokens are apart (O Brien)");
	CHECK_STR(find("uza@exa"), "c-ana",
	    "its first token inside a term, its last a prefix");
	CHECK_STR(find("xwvu"), "c-zyx", "a word new in this delta");
	CHECK_STR(find("qqxz"), "", "a word in no term finds nothing");
	CHECK_STR(find("0199"), "c-obrien",
	    "numbers are not in the vocabulary: the trigrams find them");
	CHECK_STR(find("mary 019"), "c-obrien",
	    "and a number is checked on the candidates of a word");
	CHECK_STR(find("555 0199"), "c-obrien", "two numbers");
	CHECK_STR(find("mary 0198"), "", "a number that is not there");
	status = apply(cache, 0, rec(REC_DELETE, "of", "contact", "id",
	    "c-zyx", NULL), NULL);
	CHECK_INT(status, CACHE_OK, "the new contact is deleted");
	CHECK_STR(find("xwvu"), "", "and no longer found (its term stays)");
	CHECK(search_file_check(), "the vocabulary still covers the index");
}

/* The number of search_entry's indexes in the file (second connection). */
static int
entry_indexes(void)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	int		 n = -1;

	if (sqlite3_open(db_path, &db) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema"
	    " WHERE type = 'index' AND name IN ('search_entry_key',"
	    " 'search_entry_ref', 'search_entry_acronym')", -1, &st,
	    NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return n;
}

/*
 * A snapshot large enough (SEARCH_BULK entries) that search_rebuild
 * drops search_entry's indexes for the fill and makes them again after.
 */
static void
test_bulk(void)
{
	struct record		*r;
	enum cache_status	 status;
	char			 id[32], name[64];
	int			 i;

	status = cache_apply_begin(cache, NULL);
	if (status == CACHE_OK)
		status = cache_apply_snapshot(cache, NULL);
	for (i = 0; i < 20002; i++) {
		if (i == 0)
			r = rec(REC_COUNTRY, "code", "BR", "name", "Brazil",
			    NULL);
		else if (i == 1)
			r = rec(REC_AUTHORITY, "id", "br-pf", "country", "BR",
			    "name", "Polícia Federal", "acronym", "PF", NULL);
		else {
			snprintf(id, sizeof id, "b-%05d", i);
			snprintf(name, sizeof name, "Bulk Person %05d", i * 7 %
			    20000);
			r = rec(REC_CONTACT, "id", id, "authority", "br-pf",
			    "name", name, NULL);
		}
		if (status == CACHE_OK)
			status = cache_apply_record(cache, r, NULL);
		record_clear(r);
		free(r);
	}
	status = apply_end(cache, status, 2);
	CHECK_INT(status, CACHE_OK, "a snapshot of 20,000 contacts applies");
	CHECK_INT(entry_indexes(), 3,
	    "search_entry's indexes are made again after a large rebuild");
	CHECK(search_file_check(),
	    "the search indexes match their content after it");
	CHECK_STR(first("bulk person 12345"), "b-10335",
	    "a contact of the large snapshot is found by name");
	CHECK_STR(first("pf 01239"), "b-00177",
	    "and by its authority and part of its name");
	{
		struct cache_query	 q;
		size_t			 n = 0;

		memset(&q, 0, sizeof q);
		q.text = "bulk";
		CHECK(cache_search_count(cache, &q, &n, NULL) == CACHE_OK &&
		    n == 20000, "all 20,000 matches counted (%zu)", n);
		q.text = "person 1";
		CHECK(cache_search_count(cache, &q, &n, NULL) == CACHE_OK &&
		    n == hits_all(&q) && n > 1000,
		    "a count over phases is every hit (%zu)", n);
	}

	/* A delta after it finds its neighbours through search_entry_key. */
	status = apply(cache, 0, rec(REC_CONTACT, "id", "b-new", "authority",
	    "br-pf", "name", "Bulk Person 12345a", NULL), NULL);
	CHECK_INT(status, CACHE_OK, "a delta applies after it");
	CHECK_STR(find("bulk person 12345"), "b-10335 b-new",
	    "in name order among the snapshot's entries");
}

int
main(void)
{
	enum cache_status	 status;
	char			*path, *cause = NULL, *cmd;

	snprintf(tmpdir, sizeof tmpdir, "%s/globe-test-search.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	path = xasprintf("%s/globe.db", tmpdir);
	db_path = path;
	status = cache_open(path, 0, &cache, &cause);
	CHECK_INT(status, CACHE_OK, "open (%s)", cause ? cause : "");
	free(cause);
	if (status != CACHE_OK)
		HARNESS_END();

	build();
	test_folding();
	test_words();
	test_order();
	test_filters();
	test_syntax();
	test_paging();
	test_count();
	test_delta();
	test_routes();
	test_vocabulary();
	test_bulk();
	cache_close(cache);
	free(path);

	cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
	free(cmd);
	HARNESS_END();
}
