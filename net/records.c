/*
 * records.c: reads a downloaded object's record lines and parses them on
 * a second thread, so that parsing and checking the JSON of the next
 * records overlaps with the cache writing the previous ones (a sync is
 * otherwise one core's work: parsing is about a third of applying a
 * snapshot). The reader hands the records over in batches through a
 * small bounded queue, in order, so memory stays bounded whatever the
 * object's size. The first error it meets ends the stream with the same
 * cause the caller would have written itself; records before it are
 * still delivered first, so the caller fails on the same line as a
 * one-thread reader would.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/net.h"
#include "net/private.h"

#define RECORDS_BATCH	256	/* records per batch */
#define RECORDS_QUEUE	4	/* batches in flight */

struct records_batch {
	struct record	 rec[RECORDS_BATCH];
	uint64_t	 lineno[RECORDS_BATCH];
	size_t		 n;
	size_t		 next;		/* the consumer's position */
	int		 last;		/* the stream ends after this batch */
};

/* Reads a file line by line with a bounded buffer. */
struct records_reader {
	FILE		*fp;
	char		 chunk[65536];
	size_t		 pos;
	size_t		 len;
	int		 eof;
	struct buf	 line;
	uint64_t	 lineno;
};

struct records {
	char			*path;		/* the downloaded file */
	char			*name;		/* the object's name for causes */
	int			 snapshot;
	struct records_reader	 r;
	struct feed_unseal	*unseal;	/* an encrypted object's, or NULL */

	pthread_t		 thread;
	int			 started;
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	struct records_batch	 q[RECORDS_QUEUE];
	unsigned		 head;		/* next batch to consume */
	unsigned		 count;		/* full batches queued */
	int			 stop;		/* the consumer gave up */
	struct records_batch	*cur;		/* the consumer's, unlocked */

	/* The end of the stream, set by the reader with the last batch. */
	enum net_status		 status;
	char			*cause;
	uint64_t		 nlines;	/* record lines read */
	int			 done;		/* the consumer saw the end */
};

/* 1: a line is in r->line; 0: end of file; -1: line too long; -2: read error. */
static int
records_reader_next(struct records_reader *r)
{
	const char	*nl;
	size_t		 n;

	buf_reset(&r->line);
	for (;;) {
		if (r->pos == r->len) {
			if (r->eof) {
				if (r->line.len == 0)
					return 0;
				r->lineno++;
				return 1;	/* a last line without newline */
			}
			r->pos = 0;
			r->len = fread(r->chunk, 1, sizeof r->chunk, r->fp);
			if (r->len == 0) {
				if (ferror(r->fp))
					return -2;
				r->eof = 1;
			}
			continue;
		}
		nl = memchr(r->chunk + r->pos, '\n', r->len - r->pos);
		n = nl != NULL ? (size_t)(nl - (r->chunk + r->pos)) :
		    r->len - r->pos;
		if (r->line.len + n > FEED_LINE_MAX) {
			r->lineno++;
			return -1;
		}
		buf_add(&r->line, r->chunk + r->pos, n);
		r->pos += n;
		if (nl != NULL) {
			r->pos++;
			r->lineno++;
			return 1;
		}
	}
}

/* Waits for a free batch; NULL if the consumer gave up. */
static struct records_batch *
records_free_batch(struct records *rs)
{
	struct records_batch	*b;

	pthread_mutex_lock(&rs->lock);
	while (rs->count == RECORDS_QUEUE && !rs->stop)
		pthread_cond_wait(&rs->cond, &rs->lock);
	b = rs->stop ? NULL : &rs->q[(rs->head + rs->count) % RECORDS_QUEUE];
	pthread_mutex_unlock(&rs->lock);
	return b;
}

/* Hands a filled batch to the consumer. */
static void
records_push(struct records *rs)
{
	pthread_mutex_lock(&rs->lock);
	rs->count++;
	pthread_cond_broadcast(&rs->cond);
	pthread_mutex_unlock(&rs->lock);
}

/* Reads one record line into rec: NET_OK with rec->type -1 to skip. */
static enum net_status
records_parse(struct records *rs, struct record *rec, char **cause)
{
	struct records_reader	*r = &rs->r;
	enum net_status		 status;
	char			*why = NULL;

	if (r->line.len == 0) {
		/* TRANSLATORS: an object of the feed, a line of it. */
		*cause = xasprintf(_("%s line %llu: empty line"), rs->name,
		    (unsigned long long)r->lineno);
		return NET_ERR_DATA;
	}
	if (++rs->nlines > FEED_RECORDS_MAX) {
		/*
		 * TRANSLATORS: an object of the feed, a line of it, and the
		 * most records an object may hold.
		 */
		*cause = xasprintf(_("%s line %llu: more than %d records"),
		    rs->name, (unsigned long long)r->lineno, FEED_RECORDS_MAX);
		return NET_ERR_DATA;
	}
	status = feed_record_parse(r->line.data, r->line.len, rec, &why);
	if (status != NET_OK) {
		/*
		 * TRANSLATORS: an object of the feed, a line of it, and
		 * what is wrong there.
		 */
		*cause = xasprintf(_("%s line %llu: %s"), rs->name,
		    (unsigned long long)r->lineno, why);
		free(why);
		return status;
	}
	if (rs->snapshot && rec->type == REC_DELETE) {
		/*
		 * TRANSLATORS: an object, a line; "delete" is the feed's
		 * word for the line, before the id it deletes: keep it.
		 */
		*cause = xasprintf(_("%s line %llu: a snapshot cannot delete "
		    "(delete %s)"), rs->name, (unsigned long long)r->lineno,
		    record_key(rec));
		record_clear(rec);
		return NET_ERR_DATA;
	}
	return NET_OK;
}

/* A read that failed: the file, or an encrypted object that does not open. */
static enum net_status
records_read_error(struct records *rs, char **cause)
{
	const char	*why = feed_unseal_error(rs->unseal);

	if (why != NULL) {
		*cause = xasprintf("%s: %s", rs->name, why);
		return NET_ERR_DECRYPT;
	}
	*cause = xasprintf(_("cannot read %s: %s"), rs->path, strerror(errno));
	return NET_ERR;
}

/* The reader thread: fills batches until the end, an error or a stop. */
static void *
records_main(void *arg)
{
	struct records		*rs = arg;
	struct records_reader	*r = &rs->r;
	struct records_batch	*b;
	enum net_status		 status = NET_OK;
	char			*cause = NULL;
	int			 rc;

	for (;;) {
		if ((b = records_free_batch(rs)) == NULL)
			return NULL;
		b->n = b->next = 0;
		b->last = 0;
		while (b->n < RECORDS_BATCH) {
			rc = records_reader_next(r);
			if (rc == 1) {
				status = records_parse(rs, &b->rec[b->n],
				    &cause);
				if (status != NET_OK)
					break;
				/* A type from a later format is skipped. */
				if ((int)b->rec[b->n].type != -1)
					b->lineno[b->n++] = r->lineno;
				continue;
			}
			if (rc == -1) {
				cause = xasprintf(_("%s line %llu: longer than "
				    "%d bytes"), rs->name,
				    (unsigned long long)r->lineno,
				    FEED_LINE_MAX);
				status = NET_ERR_DATA;
			} else if (rc == -2)
				status = records_read_error(rs, &cause);
			break;
		}
		if (b->n == RECORDS_BATCH) {
			records_push(rs);
			continue;
		}
		/* The end of the file or an error: the last batch. */
		pthread_mutex_lock(&rs->lock);
		rs->status = status;
		rs->cause = cause;
		b->last = 1;
		rs->count++;
		pthread_cond_broadcast(&rs->cond);
		pthread_mutex_unlock(&rs->lock);
		return NULL;
	}
}

enum net_status
records_open(struct records **rsp, const char *path, const char *name,
    int snapshot, const struct records_seal *seal, struct buf *header,
    char **cause)
{
	struct records	*rs;
	sigset_t	 all, old;
	int		 rc, error;

	*rsp = NULL;
	rs = xcalloc(1, sizeof *rs);
	buf_init(&rs->r.line);
	if (seal != NULL)
		rs->r.fp = feed_unseal_open(path, seal->key, seal->ad,
		    seal->adlen, &rs->unseal);
	else
		rs->r.fp = fopen(path, "re");
	if (rs->r.fp == NULL) {
		*cause = xasprintf(_("cannot read %s: %s"), path,
		    strerror(errno));
		buf_free(&rs->r.line);
		free(rs);
		return NET_ERR;
	}
	rs->path = xstrdup(path);
	rs->name = xstrdup(name);
	rs->snapshot = snapshot;
	*rsp = rs;

	rc = records_reader_next(&rs->r);
	if (rc == 0) {
		/* TRANSLATORS: %s is an object of the feed (its path). */
		*cause = xasprintf(_("%s: empty object"), name);
		return NET_ERR_HEADER;
	}
	if (rc == -1) {
		*cause = xasprintf(_("%s line %llu: longer than %d bytes"),
		    name, 1ULL, FEED_LINE_MAX);
		return NET_ERR_DATA;
	}
	if (rc == -2)
		return records_read_error(rs, cause);
	buf_reset(header);
	buf_add(header, rs->r.line.data, rs->r.line.len);

	pthread_mutex_init(&rs->lock, NULL);
	pthread_cond_init(&rs->cond, NULL);
	/* Signals stay with the threads that handle them. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	error = pthread_create(&rs->thread, NULL, records_main, rs);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (error != 0) {
		pthread_cond_destroy(&rs->cond);
		pthread_mutex_destroy(&rs->lock);
		*cause = xasprintf(_("cannot start a thread: %s"),
		    strerror(error));
		return NET_ERR;
	}
	rs->started = 1;
	return NET_OK;
}

/*
 * The consumer's batch is its own until it asks for the next one, so a
 * record from it takes no lock; the lock is taken once per batch.
 */
int
records_next(struct records *rs, struct record *rec, uint64_t *lineno,
    enum net_status *status, char **cause)
{
	struct records_batch	*b = rs->cur;

	if (rs->done) {
		*status = rs->status;	/* the cause went with the first end */
		return 0;
	}
	if (b == NULL || b->next == b->n) {
		pthread_mutex_lock(&rs->lock);
		if (b != NULL && !b->last) {
			/* Done with it: the reader may fill it again. */
			rs->head = (rs->head + 1) % RECORDS_QUEUE;
			rs->count--;
			pthread_cond_broadcast(&rs->cond);
		}
		if (b == NULL || !b->last) {
			while (rs->count == 0)
				pthread_cond_wait(&rs->cond, &rs->lock);
			b = rs->cur = &rs->q[rs->head];
		}
		if (b->next == b->n) {
			/* The last batch, empty or used up: the end. */
			rs->done = 1;
			*status = rs->status;
			*cause = rs->cause;
			rs->cause = NULL;
			pthread_mutex_unlock(&rs->lock);
			return 0;
		}
		pthread_mutex_unlock(&rs->lock);
	}
	*rec = b->rec[b->next];
	*lineno = b->lineno[b->next];
	memset(&b->rec[b->next], 0, sizeof b->rec[b->next]);
	b->next++;
	return 1;
}

uint64_t
records_lines(const struct records *rs)
{
	return rs->done ? rs->nlines : 0;
}

void
records_close(struct records *rs)
{
	size_t		i, j;

	if (rs == NULL)
		return;
	if (rs->started) {
		pthread_mutex_lock(&rs->lock);
		rs->stop = 1;
		pthread_cond_broadcast(&rs->cond);
		pthread_mutex_unlock(&rs->lock);
		pthread_join(rs->thread, NULL);
		for (i = 0; i < RECORDS_QUEUE; i++) {
			for (j = 0; j < RECORDS_BATCH; j++)
				record_clear(&rs->q[i].rec[j]);
		}
		pthread_cond_destroy(&rs->cond);
		pthread_mutex_destroy(&rs->lock);
	}
	free(rs->cause);
	fclose(rs->r.fp);
	buf_free(&rs->r.line);
	free(rs->path);
	free(rs->name);
	free(rs);
}
