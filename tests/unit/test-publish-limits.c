/*
 * test-publish-limits.c: globe-publish refuses to publish what a client
 * would refuse. Built with publish/write.c compiled in and
 * FEED_RECORDS_MAX=3 (see Makefile.am), so the records-per-object cap is
 * reachable: a source of more records than the cap is refused before
 * anything is written, one at the cap is published, and a delta with more
 * records than the cap is not listed (clients take the snapshot).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "common/common.h"
#include "net/feed.h"
#include "publish/publish.h"
#include "tests/unit/harness.h"

#if FEED_RECORDS_MAX != 3
#error "test-publish-limits must be built with -DFEED_RECORDS_MAX=3"
#endif

static char	tmpdir[] = "/tmp/globe-test-publish-limits.XXXXXX";

/* Writes a source of n countries whose codes start with letter. */
static char *
source_with(char letter, int n)
{
	struct buf	 b;
	char		*path;
	FILE		*fp;
	int		 i;

	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_addf(&b, "{\"type\":\"country\",\"code\":\"%c%c\","
		    "\"name\":\"Country %c%d\"}\n", letter, 'A' + i, letter, i);
	path = xasprintf("%s/source-%c%d.jsonl", tmpdir, letter, n);
	if ((fp = fopen(path, "w")) == NULL || fputs(b.data, fp) == EOF ||
	    fclose(fp) != 0) {
		perror(path);
		exit(1);
	}
	buf_free(&b);
	return path;
}

static enum publish_status
run(const char *source, const char *out, struct publish_result *res,
    char **cause)
{
	struct publish_options	o;

	memset(&o, 0, sizeof o);
	o.source = source;
	o.out = out;
	o.feed_id = "limits";
	o.expires_days = 30;
	o.keep_days = 7;
	o.issued = o.now = time(NULL);
	*cause = NULL;
	return publish_run(&o, res, cause);
}

int
main(void)
{
	struct publish_result	 res;
	struct feed_index	 ix;
	char			*out, *src, *cause, *path, *before, *after, *why;
	size_t			 len;

	if (sodium_init() < 0 || mkdtemp(tmpdir) == NULL)
		return 1;
	out = xasprintf("%s/feed", tmpdir);
	path = xasprintf("%s/index.json", out);

	src = source_with('A', 3);
	CHECK_INT(run(src, out, &res, &cause), PUBLISH_OK,
	    "a source at the cap (3 records) is published (%s)",
	    cause != NULL ? cause : "");
	CHECK_INT((int)res.nrecords, 3, "with its 3 records");
	publish_result_clear(&res);
	free(cause);
	free(src);
	before = file_read_small(path, FEED_INDEX_MAX, NULL);

	src = source_with('B', 4);
	CHECK_INT(run(src, out, &res, &cause), PUBLISH_ERR_SOURCE,
	    "a source of 4 records, one more than the cap, is refused");
	CHECK(cause != NULL && strstr(cause, "4 records, more than the 3 a "
	    "client accepts in one object") != NULL,
	    "and the message says why (%s)", cause != NULL ? cause : "");
	publish_result_clear(&res);
	free(cause);
	free(src);
	after = file_read_small(path, FEED_INDEX_MAX, NULL);
	CHECK(before != NULL && after != NULL && strcmp(before, after) == 0,
	    "and index.json is as it was");
	free(after);

	/* Three countries replaced by three others: 3 adds + 3 deletes. */
	src = source_with('C', 3);
	CHECK_INT(run(src, out, &res, &cause), PUBLISH_OK,
	    "a delta of 6 records over the cap: published (%s)",
	    cause != NULL ? cause : "");
	CHECK(!res.delta_kept && res.ndeltas == 0,
	    "but the delta is not listed (kept %d, %zu deltas)",
	    res.delta_kept, res.ndeltas);
	publish_result_clear(&res);
	free(cause);
	free(src);
	after = file_read_small(path, FEED_INDEX_MAX, &len);
	why = NULL;
	CHECK(after != NULL && feed_index_parse(after, len, &ix, &why) ==
	    NET_OK && ix.serial == 2 && ix.ndeltas == 0,
	    "so a client one serial behind takes the snapshot (%s)",
	    why != NULL ? why : "");
	feed_index_clear(&ix);
	free(why);
	free(after);

	/* One country changed: a delta of 1 record, listed as before. */
	src = source_with('C', 2);
	CHECK_INT(run(src, out, &res, &cause), PUBLISH_OK,
	    "a delta under the cap is published");
	CHECK(res.delta_kept && res.ndeltas == 1, "and listed");
	publish_result_clear(&res);
	free(cause);
	free(src);

	free(before);
	free(path);
	free(out);
	src = xasprintf("rm -rf '%s'", tmpdir);
	if (system(src) != 0)
		printf("# could not remove %s\n", tmpdir);
	free(src);
	HARNESS_END();
}
