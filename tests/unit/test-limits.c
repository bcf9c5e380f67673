/*
 * test-limits.c: the limits that need a small world to reach. Built with
 * net/records.c compiled in and FEED_RECORDS_MAX=3 (see Makefile.am), so an
 * object with more records than the cap is refused with a clear error and
 * the cache left as it was, while one at the cap is accepted. Also
 * file_write_atomic: the file is 0600 under umask 022, replaced whole,
 * no temporary file is left, and a failed write (no directory, or cut off
 * by a full disk) leaves the old file intact and nothing behind.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "cache/cache.h"
#include "common/common.h"
#include "net/net.h"
#include "tests/unit/harness.h"

#if FEED_RECORDS_MAX != 3
#error "test-limits must be built with -DFEED_RECORDS_MAX=3"
#endif

static char	tmpdir[] = "/tmp/globe-test-limits.XXXXXX";

static void
spew(const char *path, const char *data)
{
	FILE	*fp;

	if ((fp = fopen(path, "wb")) == NULL || fputs(data, fp) == EOF ||
	    fclose(fp) != 0) {
		perror(path);
		exit(1);
	}
}

/* Writes an unsigned feed whose snapshot holds n countries. */
static char *
feed_with(int serial, int n)
{
	unsigned char	 digest[crypto_hash_sha256_BYTES];
	char		 hex[crypto_hash_sha256_BYTES * 2 + 1];
	struct buf	 b;
	char		*dir, *path, *index;
	int		 i;

	dir = xasprintf("%s/feed-%d", tmpdir, n);
	path = xasprintf("%s/objects", dir);
	path_mkdir_p(path, 0700);
	free(path);
	buf_init(&b);
	buf_addf(&b, "{\"format\":\"globe-feed/1\",\"feed_id\":\"limits\","
	    "\"kind\":\"snapshot\",\"serial\":%d}\n", serial);
	for (i = 0; i < n; i++)
		buf_addf(&b, "{\"type\":\"country\",\"code\":\"C%c\","
		    "\"name\":\"Country %d\"}\n", 'A' + i, i);
	crypto_hash_sha256(digest, (const unsigned char *)b.data, b.len);
	sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
	path = xasprintf("%s/objects/%s.jsonl", dir, hex);
	spew(path, b.data);
	free(path);
	index = xasprintf("{\"format\":\"globe-feed/1\",\"feed_id\":\"limits\","
	    "\"serial\":%d,\"issued\":\"2026-11-27T10:00:00Z\","
	    "\"expires\":\"2026-12-27T10:00:00Z\",\"snapshot\":{\"serial\":%d,"
	    "\"path\":\"objects/%s.jsonl\",\"sha256\":\"%s\",\"size\":%zu},"
	    "\"deltas\":[]}\n", serial, serial, hex, hex, b.len);
	path = xasprintf("%s/index.json", dir);
	spew(path, index);
	free(path);
	free(index);
	buf_free(&b);
	return dir;
}

static enum net_status
sync_feed(struct cache *cache, const char *feed, char **cause)
{
	struct net_options	opts;
	struct net_result	res;
	struct tm		tm = { .tm_year = 126, .tm_mon = 11, .tm_mday = 1 };
	enum net_status		st;

	memset(&opts, 0, sizeof opts);
	opts.feed = feed;
	opts.allow_unsigned = 1;
	opts.tmp_dir = tmpdir;
	opts.now = timegm(&tm);
	st = net_sync(cache, &opts, NULL, NULL, &res, cause);
	net_result_clear(&res);
	return st;
}

static void
test_records_cap(void)
{
	struct cache	*cache;
	char		*db, *feed, *cause = NULL, *before = NULL, *after = NULL;
	enum net_status	 st;

	db = xasprintf("%s/cache.db", tmpdir);
	if (cache_open(db, 0, &cache, &cause) != CACHE_OK) {
		CHECK(0, "cache_open: %s", cause);
		exit(1);
	}
	feed = feed_with(1, 3);
	st = sync_feed(cache, feed, &cause);
	CHECK(st == NET_OK, "an object with as many records as the cap (3) "
	    "is accepted%s%s", cause != NULL ? ": " : "",
	    cause != NULL ? cause : "");
	free(cause);
	cause = NULL;
	free(feed);
	cache_checksum(cache, &before);

	feed = feed_with(2, 4);
	st = sync_feed(cache, feed, &cause);
	CHECK(st == NET_ERR_DATA, "one record more than the cap is refused "
	    "as invalid data");
	CHECK(cause != NULL && strstr(cause, "more than 3 records") != NULL &&
	    strstr(cause, "line 5") != NULL, "the error says the cap and the "
	    "line: %s", cause != NULL ? cause : "(none)");
	CHECK(net_exit_code(st) == 4, "exit code 4");
	cache_checksum(cache, &after);
	CHECK_STR(after, before, "the cache is unchanged");
	free(cause);
	free(feed);
	free(before);
	free(after);
	cache_close(cache);
	free(db);
}

static int
count_entries(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	int		 n = 0;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
test_write_atomic(void)
{
	struct stat	 sb;
	char		*dir, *path, *bad, buf[64];
	FILE		*fp;
	size_t		 n = 0;

	dir = xasprintf("%s/atomic", tmpdir);
	path_mkdir_p(dir, 0700);
	path = xasprintf("%s/state", dir);
	umask(022);
	CHECK(file_write_atomic(path, "first", 5, 0600, 0) == 0,
	    "write a new file");
	CHECK(file_write_atomic(path, "second!", 7, 0600, 0) == 0,
	    "replace it");
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600,
	    "the file is 0600 under umask 022 (%o)",
	    (unsigned)(sb.st_mode & 0777));
	if ((fp = fopen(path, "rb")) != NULL) {
		n = fread(buf, 1, sizeof buf - 1, fp);
		fclose(fp);
	}
	buf[n] = '\0';
	CHECK_STR(buf, "second!", "the whole new content is there");
	CHECK(count_entries(dir) == 1, "no temporary file is left");
	bad = xasprintf("%s/no-such-dir/state", tmpdir);
	CHECK(file_write_atomic(bad, "x", 1, 0600, 0) == -1, "a write that "
	    "cannot happen fails");
	CHECK(count_entries(dir) == 1, "and leaves nothing behind");
	free(bad);

	/* A write that fails half-way (file size limit, as a full disk). */
	{
		struct rlimit	 old, lim;
		char		*big;
		int		 rc;

		big = xcalloc(1, 1 << 20);
		memset(big, 'x', (1 << 20) - 1);
		getrlimit(RLIMIT_FSIZE, &old);
		lim = old;
		lim.rlim_cur = 65536;
		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &lim);
		rc = file_write_atomic(path, big, 1 << 20, 0600, 0);
		setrlimit(RLIMIT_FSIZE, &old);
		CHECK(rc == -1, "a write cut off by a full disk fails");
		n = 0;
		if ((fp = fopen(path, "rb")) != NULL) {
			n = fread(buf, 1, sizeof buf - 1, fp);
			fclose(fp);
		}
		buf[n] = '\0';
		CHECK_STR(buf, "second!", "the old content is intact");
		CHECK(count_entries(dir) == 1, "no temporary file is left");
		free(big);
	}
	free(path);
	free(dir);
}

int
main(void)
{
	char	*cmd;

	if (sodium_init() < 0 || mkdtemp(tmpdir) == NULL) {
		printf("not ok 1 - set-up\n");
		return 1;
	}
	test_records_cap();
	test_write_atomic();
	cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
	free(cmd);
	HARNESS_END();
}
