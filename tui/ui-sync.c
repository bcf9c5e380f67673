/*
 * ui-sync.c: `s` in the interface. net_sync blocks, so it runs in a
 * thread with its OWN cache connection (SQLite connections are never
 * shared between threads); in WAL mode the interface keeps reading its
 * own connection meanwhile. Progress and the end are told through a pipe
 * the main loop polls, so the interface wakes only when there is news.
 * When a feed encrypted to its members needs the device key's
 * passphrase, the thread asks through the same pipe and waits: the
 * interface prompts (never echoing) and hands the answer back in locked
 * memory.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "common/i18n.h"
#include "tui/ui.h"

struct sync_bg {
	pthread_t		 thread;
	int			 started;
	int			 fd[2];		/* read end, write end */
	char			*db_path;
	struct net_options	 opts;		/* strings borrowed from the caller */

	pthread_mutex_t		 lock;		/* guards what follows */
	pthread_cond_t		 cond;		/* a passphrase came, or the end */
	int			 ask;		/* the attempt asked for, or 0 */
	int			 answered;
	int			 closing;	/* sync_bg_free: no one will answer */
	char			*pass;		/* locked memory */
	int			 passlen;	/* -1: none given */
	char			*text;		/* the latest progress */
	int			 changed;
	int			 done;
	enum net_status		 status;
	char			*cause;
	struct net_result	 result;
};

static void
sync_bg_wake(struct sync_bg *sb, char c)
{
	ssize_t	n;

	/* Non-blocking: a full pipe already says there is news. */
	do
		n = write(sb->fd[1], &c, 1);
	while (n == -1 && errno == EINTR);
}

static void
sync_bg_progress(const struct net_progress *p, void *arg)
{
	struct sync_bg	*sb = arg;
	char		*text;
	int		 wake = 0;

	text = present_sync_progress(p);
	pthread_mutex_lock(&sb->lock);
	if (sb->text == NULL || strcmp(sb->text, text) != 0) {
		free(sb->text);
		sb->text = text;
		text = NULL;
		if (!sb->changed)
			wake = 1;
		sb->changed = 1;
	}
	pthread_mutex_unlock(&sb->lock);
	free(text);
	if (wake)
		sync_bg_wake(sb, 'p');
}

/* In the sync's thread: asks the interface and waits for its answer. */
static int
sync_bg_ask(char *buf, size_t size, int attempt, void *arg)
{
	struct sync_bg	*sb = arg;
	int		 n;

	pthread_mutex_lock(&sb->lock);
	if (sb->closing) {
		pthread_mutex_unlock(&sb->lock);
		return -1;
	}
	sb->ask = attempt;
	sb->answered = 0;
	pthread_mutex_unlock(&sb->lock);
	sync_bg_wake(sb, 'k');
	pthread_mutex_lock(&sb->lock);
	while (!sb->answered && !sb->closing)
		pthread_cond_wait(&sb->cond, &sb->lock);
	n = sb->answered ? sb->passlen : -1;
	if (n > (int)size)
		n = (int)size;
	if (n > 0)
		memcpy(buf, sb->pass, (size_t)n);
	sodium_memzero(sb->pass, DEVICE_PASSPHRASE_MAX);
	sb->ask = 0;
	sb->answered = 0;
	pthread_mutex_unlock(&sb->lock);
	return n;
}

int
sync_bg_wants_passphrase(struct sync_bg *sb)
{
	int	attempt;

	pthread_mutex_lock(&sb->lock);
	attempt = sb->answered ? 0 : sb->ask;
	pthread_mutex_unlock(&sb->lock);
	return attempt;
}

void
sync_bg_passphrase(struct sync_bg *sb, const char *text)
{
	size_t	len = text != NULL ? strlen(text) : 0;

	pthread_mutex_lock(&sb->lock);
	if (sb->ask != 0 && !sb->answered) {
		if (len > DEVICE_PASSPHRASE_MAX)
			len = DEVICE_PASSPHRASE_MAX;
		memcpy(sb->pass, text != NULL ? text : "", len);
		sb->passlen = text != NULL && len > 0 ? (int)len : -1;
		sb->answered = 1;
		pthread_cond_broadcast(&sb->cond);
	}
	pthread_mutex_unlock(&sb->lock);
}

static void *
sync_bg_main(void *arg)
{
	struct sync_bg		*sb = arg;
	struct cache		*cache = NULL;
	struct net_result	 res;
	enum net_status		 st;
	enum cache_status	 cst;
	char			*cause = NULL;

	memset(&res, 0, sizeof res);
	cst = cache_open(sb->db_path, 0, &cache, &cause);
	if (cst != CACHE_OK) {
		st = NET_ERR_CACHE;
		if (cause == NULL)
			cause = xstrdup(cache_strerror(cst));
	} else {
		st = net_sync(cache, &sb->opts, sync_bg_progress, sb, &res,
		    &cause);
		cache_close(cache);
	}
	pthread_mutex_lock(&sb->lock);
	sb->done = 1;
	sb->status = st;
	sb->cause = cause;
	sb->result = res;
	pthread_mutex_unlock(&sb->lock);
	sync_bg_wake(sb, 'd');
	return NULL;
}

struct sync_bg *
sync_bg_start(const char *db_path, const struct net_options *opts,
    char **cause)
{
	struct sync_bg	*sb;
	int		 rc;

	if (sodium_init() < 0) {
		*cause = xstrdup(_("cannot initialize libsodium"));
		return NULL;
	}
	sb = xcalloc(1, sizeof *sb);
	if (pipe(sb->fd) != 0) {
		/* TRANSLATORS: pipe is the system call; %s says why. */
		*cause = xasprintf(_("pipe: %s"), strerror(errno));
		free(sb);
		return NULL;
	}
	fcntl(sb->fd[0], F_SETFL, fcntl(sb->fd[0], F_GETFL) | O_NONBLOCK);
	fcntl(sb->fd[1], F_SETFL, fcntl(sb->fd[1], F_GETFL) | O_NONBLOCK);
	fcntl(sb->fd[0], F_SETFD, FD_CLOEXEC);
	fcntl(sb->fd[1], F_SETFD, FD_CLOEXEC);
	sb->db_path = xstrdup(db_path);
	sb->opts = *opts;
	/* The passphrase is asked here, not on a terminal curses holds. */
	sb->opts.passphrase = sync_bg_ask;
	sb->opts.passphrase_arg = sb;
	if ((sb->pass = sodium_malloc(DEVICE_PASSPHRASE_MAX)) == NULL)
		abort();
	pthread_mutex_init(&sb->lock, NULL);
	pthread_cond_init(&sb->cond, NULL);
	if ((rc = pthread_create(&sb->thread, NULL, sync_bg_main, sb)) != 0) {
		/* TRANSLATORS: %s says why the system refused. */
		*cause = xasprintf(_("cannot start a thread: %s"),
		    strerror(rc));
		sync_bg_free(sb);
		return NULL;
	}
	sb->started = 1;
	return sb;
}

int
sync_bg_fd(const struct sync_bg *sb)
{
	return sb->fd[0];
}

int
sync_bg_poll(struct sync_bg *sb, char **text, char **brief, int *failed,
    int *logged)
{
	char	 drain[64];
	int	 done;

	while (read(sb->fd[0], drain, sizeof drain) > 0)
		;
	*text = NULL;
	*brief = NULL;
	*failed = 0;
	*logged = 0;
	pthread_mutex_lock(&sb->lock);
	done = sb->done;
	if (!done && sb->changed && sb->text != NULL)
		*text = xstrdup(sb->text);
	sb->changed = 0;
	if (done) {
		if (sb->status == NET_OK) {
			/* In the words of `globe sync`, or the totals. */
			*text = present_sync_done(&sb->result,
			    PRESENT_SYNC_LINE);
			*brief = present_sync_done(&sb->result,
			    PRESENT_SYNC_BRIEF);
			*logged = sb->result.changes.log_sync > 0;
		} else {
			*failed = 1;
			/* In the words of `globe sync`. */
			*text = present_sync_failed(net_strerror(sb->status),
			    sb->status == NET_ERR_NOT_MEMBER, sb->cause);
		}
	}
	pthread_mutex_unlock(&sb->lock);
	return done;
}

void
sync_bg_free(struct sync_bg *sb)
{
	if (sb == NULL)
		return;
	pthread_mutex_lock(&sb->lock);
	sb->closing = 1;
	pthread_cond_broadcast(&sb->cond);
	pthread_mutex_unlock(&sb->lock);
	if (sb->started)
		pthread_join(sb->thread, NULL);
	close(sb->fd[0]);
	close(sb->fd[1]);
	pthread_cond_destroy(&sb->cond);
	pthread_mutex_destroy(&sb->lock);
	sodium_free(sb->pass);	/* wipes */
	free(sb->text);
	free(sb->cause);
	net_result_clear(&sb->result);
	free(sb->db_path);
	free(sb);
}
