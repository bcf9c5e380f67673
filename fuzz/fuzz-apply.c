/*
 * fuzz-apply.c: libFuzzer target for applying a change set to the cache.
 * The first input byte chooses a snapshot or a delta and commit or
 * rollback; every following line is parsed as a record line and, when
 * accepted, applied (cache_apply_record) to one cache on :memory:. Then
 * the change is committed (references checked, search index updated) or
 * rolled back. Invariants: a rollback or a refused commit leaves the
 * checksum exactly as it was; after a commit every list, count and the
 * search work. The cache is emptied again (an empty snapshot) after each
 * committed input so runs stay independent. Built only with
 * ./configure --enable-fuzzing CC=clang; see fuzz/run.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "common/common.h"
#include "net/feed.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_LINES_MAX	256

static struct cache	*fuzz_cache;
static char		*fuzz_empty;	/* checksum of the empty cache */

static int
fuzz_row(const struct record *rec, const struct cache_extra *extra,
    void *arg)
{
	size_t	*n = arg;

	if (record_key(rec) == NULL)
		abort();
	(*n)++;
	return 0;
}

static void
fuzz_state(struct cache_state *st, int64_t serial)
{
	memset(st, 0, sizeof *st);
	st->feed_id = "fuzz";
	st->serial = serial;
	st->issued = "2026-11-27T10:00:00Z";
	st->expires = "2026-12-27T10:00:00Z";
	st->feed_url = "file:///fuzz";
	st->last_result = "ok";
	st->last_sync = st->last_success = 1;
}

/* Empties the directory data again: a committed empty snapshot. */
static void
fuzz_reset(void)
{
	struct cache_state	 st;
	struct cache_changes	 ch;
	char			*cause = NULL;

	fuzz_state(&st, 1);
	if (cache_apply_begin(fuzz_cache, &cause) != CACHE_OK ||
	    cache_apply_snapshot(fuzz_cache, &cause) != CACHE_OK ||
	    cache_apply_commit(fuzz_cache, &st, &ch, &cause) != CACHE_OK)
		abort();
}

static void
fuzz_init(void)
{
	char	*cause = NULL;

	if (cache_open(":memory:", 0, &fuzz_cache, &cause) != CACHE_OK)
		abort();
	fuzz_reset();
	if (cache_checksum(fuzz_cache, &fuzz_empty) != CACHE_OK)
		abort();
}

/* After a commit: every query a user can run must work. */
static void
fuzz_queries(const char *text)
{
	struct cache_filter	 f;
	struct cache_counts	 counts;
	struct cache_query	 q;
	struct cache_hits	 hits;
	char			*cause = NULL;
	size_t			 n, want;
	int			 t;

	if (cache_counts_get(fuzz_cache, &counts) != CACHE_OK)
		abort();
	for (t = REC_COUNTRY; t < REC_NDATA; t++) {
		memset(&f, 0, sizeof f);
		f.type = (enum record_type)t;
		n = 0;
		if (cache_list(fuzz_cache, &f, fuzz_row, &n) != CACHE_OK ||
		    cache_list_count(fuzz_cache, &f, &want) != CACHE_OK ||
		    n != want)
			abort();
	}
	memset(&q, 0, sizeof q);
	q.text = text;
	memset(&hits, 0, sizeof hits);
	if (cache_search(fuzz_cache, &q, &hits, &cause) != CACHE_OK)
		abort();
	cache_hits_free(&hits);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char		*p, *end, *nl;
	struct record		 rec;
	struct cache_state	 st;
	struct cache_changes	 ch;
	enum cache_status	 cs;
	char			*cause = NULL, *sum, *query = NULL;
	int			 flags, failed = 0, nlines = 0;

	if (fuzz_cache == NULL)
		fuzz_init();
	if (size < 1)
		return 0;
	flags = data[0];
	p = (const char *)data + 1;
	end = (const char *)data + size;

	if (cache_apply_begin(fuzz_cache, &cause) != CACHE_OK)
		abort();
	if ((flags & 1) && cache_apply_snapshot(fuzz_cache, &cause) !=
	    CACHE_OK)
		abort();
	while (p < end && !failed && nlines++ < FUZZ_LINES_MAX) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (feed_record_parse(p, (size_t)(nl - p), &rec,
		    &cause) == NET_OK) {
			if ((int)rec.type != -1) {
				if (query == NULL && rec.type != REC_DELETE)
					query = xstrdup(record_key(&rec));
				cs = cache_apply_record(fuzz_cache, &rec,
				    &cause);
				if (cs != CACHE_OK) {
					if (cause == NULL && cs != CACHE_ERR_INVALID &&
					    cs != CACHE_ERR_REFERENCE)
						abort();
					failed = 1;
				}
				record_clear(&rec);
			}
		}
		free(cause);
		cause = NULL;
		p = nl + 1;
	}

	if (failed || !(flags & 2)) {
		cache_apply_rollback(fuzz_cache);
	} else {
		fuzz_state(&st, 2);
		cs = cache_apply_commit(fuzz_cache, &st, &ch, &cause);
		free(cause);
		cause = NULL;
		if (cs == CACHE_OK) {
			fuzz_queries(query != NULL ? query : "a");
			fuzz_reset();
		} else {
			if (cs != CACHE_ERR_REFERENCE && cs != CACHE_ERR_INVALID)
				abort();
			cache_apply_rollback(fuzz_cache);
		}
	}
	/* Whatever happened, the cache is the empty one again. */
	if (cache_checksum(fuzz_cache, &sum) != CACHE_OK ||
	    strcmp(sum, fuzz_empty) != 0)
		abort();
	free(sum);
	free(query);
	return 0;
}
