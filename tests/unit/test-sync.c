/*
 * test-sync.c: net_sync against a real temporary cache and feeds written
 * by hand into a temporary directory (index.json, objects, a signature
 * from a key made here): a good snapshot, a delta, the no-op, and every
 * check of the contract failing with the cache left exactly as it was.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "cache/cache.h"
#include "common/common.h"
#include "net/net.h"
#include "tests/unit/harness.h"

/* CHECK evaluates its condition twice; this evaluates it once. */
#define CHECK1(cond, ...) do {						\
	int check1_ = (cond) ? 1 : 0;					\
	CHECK(check1_, __VA_ARGS__);					\
} while (0)

#define ISSUED	"2026-11-27T10:00:00Z"
#define EXPIRES	"2026-12-27T10:00:00Z"

static char			 tmpdir[256];
static char			*feeddir, *dldir;
static struct minisign_seckey	 sk, other_sk;
static struct minisign_pubkey	 pk, other_pk;
static char			*pk_b64, *other_pk_b64, *pk_file;
static time_t			 now;
static struct cache		*cache;

static void
spew(const char *path, const char *data, size_t len)
{
	FILE	*fp;

	if ((fp = fopen(path, "wb")) == NULL) {
		perror(path);
		exit(1);
	}
	if (fwrite(data, 1, len, fp) != len || fclose(fp) != 0) {
		perror(path);
		exit(1);
	}
}

static void
hex(const unsigned char *bin, size_t len, char *out)
{
	size_t	i;

	for (i = 0; i < len; i++)
		sprintf(out + 2 * i, "%02x", bin[i]);
}

/*
 * Writes an object of the feed; obj describes it as an index would. The
 * header line is made from from/serial; lines are the records.
 */
static void
object(struct feed_object *obj, const char *feed_id, int64_t from,
    int64_t serial, const char *lines)
{
	unsigned char	 digest[crypto_hash_sha256_BYTES];
	char		*text, *path;

	if (from < 0)
		text = xasprintf("{\"format\":\"globe-feed/1\",\"feed_id\":"
		    "\"%s\",\"kind\":\"snapshot\",\"serial\":%lld}\n%s",
		    feed_id, (long long)serial, lines);
	else
		text = xasprintf("{\"format\":\"globe-feed/1\",\"feed_id\":"
		    "\"%s\",\"kind\":\"delta\",\"from\":%lld,\"serial\":%lld}\n"
		    "%s", feed_id, (long long)from, (long long)serial, lines);
	crypto_hash_sha256(digest, (unsigned char *)text, strlen(text));
	memset(obj, 0, sizeof *obj);
	hex(digest, sizeof digest, obj->sha256);
	obj->from = from;
	obj->serial = serial;
	obj->size = strlen(text);
	obj->path = xasprintf("objects/%s.jsonl", obj->sha256);
	path = xasprintf("%s/%s", feeddir, obj->path);
	spew(path, text, strlen(text));
	free(path);
	free(text);
}

static void
object_free(struct feed_object *obj)
{
	free(obj->path);
	obj->path = NULL;
}

/* Writes index.json (and its signature by key, unless key is NULL). */
static void
publish(const char *feed_id, int64_t serial, const char *issued,
    const char *expires, const struct feed_object *snap,
    const struct feed_object *deltas, size_t ndeltas,
    const struct minisign_seckey *key)
{
	struct feed_index	 ix;
	char			*text, *path, *sig;

	memset(&ix, 0, sizeof ix);
	ix.format = "globe-feed/1";
	ix.feed_id = (char *)feed_id;
	ix.serial = serial;
	ix.issued = (char *)issued;
	ix.expires = (char *)expires;
	ix.snapshot = *snap;
	ix.deltas = (struct feed_object *)deltas;
	ix.ndeltas = ndeltas;
	text = feed_index_json(&ix);
	path = xasprintf("%s/index.json", feeddir);
	spew(path, text, strlen(text));
	free(path);
	path = xasprintf("%s/index.json.minisig", feeddir);
	if (key != NULL) {
		sig = minisign_sign(key, text, strlen(text), "timestamp:1");
		spew(path, sig, strlen(sig));
		free(sig);
	} else
		unlink(path);
	free(path);
	free(text);
}

static char *
checksum(void)
{
	char	*hexsum = NULL;

	if (cache_checksum(cache, &hexsum) != CACHE_OK)
		return xstrdup("(checksum failed)");
	return hexsum;
}

/* Counts files left in the download directory. */
static int
leftovers(void)
{
	DIR		*d;
	struct dirent	*de;
	int		 n = 0;

	if ((d = opendir(dldir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != '.')
			n++;
	}
	closedir(d);
	return n;
}

/* Records changed or removed, of every kind. */
static unsigned
changed_or_removed(const struct cache_changes *c)
{
	unsigned	n = 0;
	int		t;

	for (t = 0; t < REC_NDATA; t++)
		n += c->changed[t] + c->removed[t];
	return n;
}

struct progress_seen {
	int	index, object, apply;
	int	bad_bytes;
};

static void
progress(const struct net_progress *p, void *arg)
{
	struct progress_seen	*seen = arg;

	if (p->phase == NET_PHASE_INDEX)
		seen->index++;
	else if (p->phase == NET_PHASE_OBJECT) {
		seen->object++;
		if (p->bytes > p->total || p->object < 1 ||
		    p->object > p->nobjects)
			seen->bad_bytes = 1;
	} else if (p->phase == NET_PHASE_APPLY)
		seen->apply++;
}

/* Runs a sync with these keys and feed, progress reported to cb. */
static enum net_status
sync_run(const char *feed, const char *const *keys, size_t nkeys,
    int allow_unsigned, net_progress_cb cb, void *arg,
    struct net_result *res, char **cause)
{
	struct net_options	opts;

	memset(&opts, 0, sizeof opts);
	opts.feed = feed;
	opts.pubkeys = keys;
	opts.npubkeys = nkeys;
	opts.allow_unsigned = allow_unsigned;
	opts.tmp_dir = dldir;
	opts.now = now;
	return net_sync(cache, &opts, cb, arg, res, cause);
}

static enum net_status
sync_with(const char *feed, const char *const *keys, size_t nkeys,
    int allow_unsigned, struct net_result *res, char **cause)
{
	return sync_run(feed, keys, nkeys, allow_unsigned, NULL, NULL, res,
	    cause);
}

/* A sync with the default options (signed, key configured). */
static enum net_status
sync_watched(net_progress_cb cb, void *arg, struct net_result *res,
    char **cause)
{
	const char	*keys[1] = { pk_b64 };

	return sync_run(feeddir, keys, 1, 0, cb, arg, res, cause);
}

static enum net_status
sync_default(struct net_result *res, char **cause)
{
	return sync_watched(NULL, NULL, res, cause);
}

/*
 * Expects a failed sync with status want whose cause contains text, and
 * a cache exactly as it was.
 */
static void
expect_failure(enum net_status want, const char *text, const char *what)
{
	struct net_result	 res;
	struct cache_state	 st;
	char			*before, *after, *cause = NULL;
	enum net_status		 got;

	before = checksum();
	got = sync_default(&res, &cause);
	CHECK_INT(got, want, "%s: %s", what, net_strerror(want));
	CHECK1(cause != NULL && strstr(cause, text) != NULL,
	    "%s: cause has \"%s\"", what, text);
	printf("#   cause: %s\n", cause != NULL ? cause : "(null)");
	after = checksum();
	CHECK_STR(after, before, "%s: the cache is unchanged", what);
	CHECK_INT(leftovers(), 0, "%s: no temporary file is left", what);
	memset(&st, 0, sizeof st);
	if (cache_state_get(cache, &st) == CACHE_OK) {
		CHECK1(st.last_result != NULL &&
		    strstr(st.last_result, net_strerror(want)) != NULL,
		    "%s: the failure is noted in the sync state (%s)", what,
		    st.last_result != NULL ? st.last_result : "(null)");
		cache_state_clear(&st);
	}
	net_result_clear(&res);
	free(before);
	free(after);
	free(cause);
}

#define SNAP1_LINES \
	"{\"type\":\"country\",\"code\":\"BR\",\"name\":\"Brazil\"}\n" \
	"{\"type\":\"authority\",\"id\":\"br-pf\",\"country\":\"BR\"," \
	    "\"name\":\"Polícia Federal\",\"acronym\":\"PF\"}\n" \
	"{\"type\":\"contact\",\"id\":\"c-1\",\"authority\":\"br-pf\"," \
	    "\"name\":\"José da Silva\",\"email\":\"jose@pf.gov.br\"}\n" \
	"{\"type\":\"contact\",\"id\":\"c-2\",\"authority\":\"br-pf\"," \
	    "\"name\":\"Maria Souza\"}\n" \
	"{\"type\":\"meeting\",\"id\":\"m-1\"}\n" \
	"{\"type\":\"newsletter\",\"id\":\"nl-1\",\"title\":\"News 1\"," \
	    "\"published\":\"2026-09-30\",\"body\":\"a\\n\\nb\"}\n"

static void
test_snapshot(void)
{
	struct feed_object	 snap;
	struct net_result	 res;
	struct cache_state	 st;
	struct cache_counts	 counts;
	struct progress_seen	 seen;
	char			*cause = NULL;
	enum net_status		 got;

	object(&snap, "test", -1, 1, SNAP1_LINES);
	publish("test", 1, ISSUED, EXPIRES, &snap, NULL, 0, &sk);

	memset(&seen, 0, sizeof seen);
	got = sync_watched(progress, &seen, &res, &cause);
	CHECK_INT(got, NET_OK, "first sync of a snapshot");
	if (cause != NULL)
		printf("#   cause: %s\n", cause);
	free(cause);
	CHECK_INT(res.old_serial, -1, "the cache was empty");
	CHECK_INT(res.new_serial, 1, "now at serial 1");
	CHECK_INT(res.unchanged, 0, "not unchanged");
	CHECK_INT(res.nobjects, 1, "one object downloaded");
	CHECK1(res.bytes >= snap.size, "bytes counted (%llu)",
	    (unsigned long long)res.bytes);
	CHECK_INT(res.changes.added[REC_CONTACT], 2, "two contacts added");
	CHECK_INT(res.changes.added[REC_COUNTRY], 1, "one country added");
	CHECK_STR(res.expires, EXPIRES, "result carries the expiry");
	CHECK1(seen.index > 0 && seen.object > 0 && seen.apply > 0,
	    "progress reported index, object and apply phases");
	CHECK_INT(seen.bad_bytes, 0, "progress bytes stay within the object");
	/* The summary's words are present-sync.c's (tests/unit/test-layout). */
	CHECK_INT(res.changes.added[REC_AUTHORITY], 1, "one authority added");
	CHECK_INT(res.changes.added[REC_NEWSLETTER], 1,
	    "one newsletter added");
	CHECK_INT(changed_or_removed(&res.changes), 0,
	    "nothing changed or removed");
	net_result_clear(&res);

	CHECK_INT(cache_counts_get(cache, &counts), CACHE_OK, "counts");
	CHECK_INT(counts.contacts, 2, "the cache holds the two contacts");
	CHECK_INT(counts.newsletters, 1, "and the newsletter");
	memset(&st, 0, sizeof st);
	CHECK_INT(cache_state_get(cache, &st), CACHE_OK, "state");
	CHECK_STR(st.feed_id, "test", "state feed id");
	CHECK_INT(st.serial, 1, "state serial");
	CHECK_STR(st.expires, EXPIRES, "state expires");
	CHECK_STR(st.issued, ISSUED, "state issued");
	CHECK_STR(st.feed_url, feeddir, "state feed url");
	CHECK_INT(st.last_success, (long long)now, "state last success");
	CHECK1(st.last_result != NULL && strncmp(st.last_result, "ok", 2) == 0,
	    "state last result is ok (%s)", st.last_result);
	cache_state_clear(&st);
	CHECK_INT(leftovers(), 0, "no temporary file is left after success");

	/* Equal serial: nothing to do. */
	got = sync_default(&res, &cause);
	CHECK_INT(got, NET_OK, "sync at the same serial");
	CHECK_INT(res.unchanged, 1, "reported unchanged");
	CHECK_INT(res.nobjects, 0, "no object downloaded");
	CHECK_INT(res.old_serial, 1, "old serial 1");
	net_result_clear(&res);
	CHECK_INT(cache_counts_get(cache, &counts), CACHE_OK, "counts");
	CHECK_INT(counts.contacts, 2, "still two contacts");
	object_free(&snap);
}

static void
test_delta(void)
{
	struct feed_object	 snap, delta;
	struct net_result	 res;
	struct cache_counts	 counts;
	char			*cause = NULL;

	/* Serial 2: c-3 added, c-2 deleted, c-1 changed. */
	object(&snap, "test", -1, 2,
	    "{\"type\":\"country\",\"code\":\"BR\",\"name\":\"Brazil\"}\n"
	    "{\"type\":\"authority\",\"id\":\"br-pf\",\"country\":\"BR\","
	    "\"name\":\"Polícia Federal\",\"acronym\":\"PF\"}\n"
	    "{\"type\":\"contact\",\"id\":\"c-1\",\"authority\":\"br-pf\","
	    "\"name\":\"José da Silva\",\"email\":\"jose@pf.gov.br\","
	    "\"title\":\"Chief\"}\n"
	    "{\"type\":\"contact\",\"id\":\"c-3\",\"authority\":\"br-pf\","
	    "\"name\":\"Ana Lima\"}\n"
	    "{\"type\":\"newsletter\",\"id\":\"nl-1\",\"title\":\"News 1\","
	    "\"published\":\"2026-09-30\",\"body\":\"a\\n\\nb\"}\n");
	object(&delta, "test", 1, 2,
	    "{\"type\":\"contact\",\"id\":\"c-1\",\"authority\":\"br-pf\","
	    "\"name\":\"José da Silva\",\"email\":\"jose@pf.gov.br\","
	    "\"title\":\"Chief\"}\n"
	    "{\"type\":\"contact\",\"id\":\"c-3\",\"authority\":\"br-pf\","
	    "\"name\":\"Ana Lima\"}\n"
	    "{\"type\":\"delete\",\"of\":\"contact\",\"id\":\"c-2\"}\n");
	publish("test", 2, ISSUED, EXPIRES, &snap, &delta, 1, &sk);
	CHECK_INT(sync_default(&res, &cause), NET_OK, "delta sync");
	if (cause != NULL)
		printf("#   cause: %s\n", cause);
	free(cause);
	cause = NULL;
	CHECK_INT(res.nobjects, 1, "only the delta was downloaded");
	CHECK_INT(res.bytes > 0 && res.bytes < snap.size + 1000, 1,
	    "bytes counted");
	CHECK_INT(res.changes.added[REC_CONTACT], 1, "one contact added");
	CHECK_INT(res.changes.changed[REC_CONTACT], 1, "one contact changed");
	CHECK_INT(res.changes.removed[REC_CONTACT], 1, "one contact removed");
	net_result_clear(&res);
	CHECK_INT(cache_counts_get(cache, &counts), CACHE_OK, "counts");
	CHECK_INT(counts.contacts, 2, "two contacts after the delta");
	CHECK_INT(cache_id_type(cache, "c-2"), -1, "c-2 is gone");
	CHECK_INT(cache_id_type(cache, "c-3"), REC_CONTACT, "c-3 is there");
	object_free(&snap);
	object_free(&delta);
}

/* Serial 3 offered as a one-line delta from 2 and a snapshot. */
static void
publish3(const char *delta_lines, const char *issued, const char *expires,
    const struct minisign_seckey *key)
{
	struct feed_object	snap, delta;

	object(&snap, "test", -1, 2,
	    "{\"type\":\"country\",\"code\":\"BR\",\"name\":\"Brazil\"}\n"
	    "{\"type\":\"authority\",\"id\":\"br-pf\",\"country\":\"BR\","
	    "\"name\":\"Polícia Federal\",\"acronym\":\"PF\"}\n"
	    "{\"type\":\"contact\",\"id\":\"c-1\",\"authority\":\"br-pf\","
	    "\"name\":\"José da Silva\",\"email\":\"jose@pf.gov.br\","
	    "\"title\":\"Chief\"}\n"
	    "{\"type\":\"contact\",\"id\":\"c-3\",\"authority\":\"br-pf\","
	    "\"name\":\"Ana Lima\"}\n"
	    "{\"type\":\"newsletter\",\"id\":\"nl-1\",\"title\":\"News 1\","
	    "\"published\":\"2026-09-30\",\"body\":\"a\\n\\nb\"}\n");
	object(&delta, "test", 2, 3, delta_lines);
	publish("test", 3, issued, expires, &snap, &delta, 1, key);
	object_free(&snap);
	object_free(&delta);
}

#define GOOD_DELTA3 \
	"{\"type\":\"contact\",\"id\":\"c-4\",\"authority\":\"br-pf\"," \
	"\"name\":\"Rui\"}\n"

static void
test_failures(void)
{
	struct feed_object	 snap, delta;
	char			*path, *text, *want;

	/* Rollback: the feed goes back to serial 1. */
	object(&snap, "test", -1, 1, SNAP1_LINES);
	publish("test", 1, ISSUED, EXPIRES, &snap, NULL, 0, &sk);
	expect_failure(NET_ERR_ROLLBACK,
	    "feed serial 1 is older than the cached serial 2", "rollback");
	object_free(&snap);

	/* Another feed id. */
	object(&snap, "other", -1, 5, SNAP1_LINES);
	publish("other", 5, ISSUED, EXPIRES, &snap, NULL, 0, &sk);
	expect_failure(NET_ERR_FEED_ID, "\"other\"", "another feed id");
	object_free(&snap);

	/* Expired. */
	publish3(GOOD_DELTA3, "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z",
	    &sk);
	expect_failure(NET_ERR_EXPIRED, "2026-11-01T00:00:00Z", "expired feed");
	/* Issued in the future (beyond the skew). */
	publish3(GOOD_DELTA3, "2026-11-27T12:10:00Z", EXPIRES, &sk);
	expect_failure(NET_ERR_FUTURE, "2026-11-27T12:10:00Z",
	    "feed issued in the future");

	/* Unsigned, wrong key, bad signature. */
	publish3(GOOD_DELTA3, ISSUED, EXPIRES, NULL);
	expect_failure(NET_ERR_UNSIGNED, "index.json.minisig",
	    "unsigned feed refused");
	publish3(GOOD_DELTA3, ISSUED, EXPIRES, &other_sk);
	expect_failure(NET_ERR_SIGNATURE, "which is not configured",
	    "signed by another key");
	publish3(GOOD_DELTA3, ISSUED, EXPIRES, &sk);
	path = xasprintf("%s/index.json", feeddir);
	spew(path, "{}", 2);
	free(path);
	expect_failure(NET_ERR_SIGNATURE, "does not match",
	    "index.json changed after signing");

	/* Data error: object, line number and field named. */
	publish3(GOOD_DELTA3 "{\"type\":\"contact\",\"id\":\"c-9\",\"authority\":"
	    "\"br-pf\",\"name\":\"N\",\"email\":42}\n", ISSUED, EXPIRES, &sk);
	expect_failure(NET_ERR_DATA, "line 3: contact c-9: field 'email': "
	    "expected a string", "wrong type in a record");
	publish3(GOOD_DELTA3 "\n" GOOD_DELTA3, ISSUED, EXPIRES, &sk);
	expect_failure(NET_ERR_DATA, "line 3: empty line", "empty line");
	publish3("{\"type\":\"contact\",\"id\":\"c-5\",\"authority\":\"nowhere\","
	    "\"name\":\"N\"}\n", ISSUED, EXPIRES, &sk);
	expect_failure(NET_ERR_DATA, "", "a reference that does not resolve");

	/* A snapshot that deletes. */
	object(&snap, "test", -1, 3, SNAP1_LINES
	    "{\"type\":\"delete\",\"of\":\"contact\",\"id\":\"c-2\"}\n");
	publish("test", 3, ISSUED, EXPIRES, &snap, NULL, 0, &sk);
	expect_failure(NET_ERR_DATA, "line 8: a snapshot cannot delete",
	    "delete line in a snapshot");
	object_free(&snap);

	/* Header that does not match the index. */
	object(&snap, "test", -1, 2, SNAP1_LINES);
	object(&delta, "test", 2, 4, GOOD_DELTA3);
	delta.serial = 3;
	publish("test", 3, ISSUED, EXPIRES, &snap, &delta, 1, &sk);
	expect_failure(NET_ERR_HEADER, "serial 4, the index says 3",
	    "header serial differs from the index");
	object_free(&delta);
	object(&delta, "else", 2, 3, GOOD_DELTA3);
	publish("test", 3, ISSUED, EXPIRES, &snap, &delta, 1, &sk);
	expect_failure(NET_ERR_HEADER, "feed_id \"else\"",
	    "header feed id differs");
	object_free(&delta);

	/* Wrong size: the index promises one byte more, or one less. */
	object(&delta, "test", 2, 3, GOOD_DELTA3);
	delta.size++;
	publish("test", 3, ISSUED, EXPIRES, &snap, &delta, 1, &sk);
	want = xasprintf("expected %llu bytes", (unsigned long long)delta.size);
	expect_failure(NET_ERR_HASH, want, "object shorter than promised");
	free(want);
	delta.size -= 2;
	publish("test", 3, ISSUED, EXPIRES, &snap, &delta, 1, &sk);
	expect_failure(NET_ERR_HASH, "got more", "object longer than promised");
	delta.size++;
	/* Bad hash: same size, other bytes. */
	path = xasprintf("%s/%s", feeddir, delta.path);
	text = xasprintf("{\"format\":\"globe-feed/1\",\"feed_id\":\"test\","
	    "\"kind\":\"delta\",\"from\":2,\"serial\":3}\n" GOOD_DELTA3);
	text[strlen(text) - 5] = 'X';	/* "Rui" -> "RXi" */
	spew(path, text, strlen(text));
	free(text);
	free(path);
	publish("test", 3, ISSUED, EXPIRES, &snap, &delta, 1, &sk);
	expect_failure(NET_ERR_HASH, delta.sha256, "object with another hash");
	object_free(&delta);

	/* No way to reach the serial: a gap in the deltas. */
	object(&delta, "test", 3, 4, GOOD_DELTA3);
	publish("test", 4, ISSUED, EXPIRES, &snap, &delta, 1, &sk);
	expect_failure(NET_ERR_PLAN, "serial 4", "no chain to the serial");
	object_free(&delta);
	object_free(&snap);

	/* A line over FEED_LINE_MAX. */
	{
		struct buf	b;
		size_t		i;

		buf_init(&b);
		buf_adds(&b, GOOD_DELTA3 "{\"type\":\"contact\",\"x\":\"");
		for (i = 0; i < FEED_LINE_MAX; i++)
			buf_addc(&b, 'a');
		buf_adds(&b, "\"}\n");
		object(&snap, "test", -1, 2, SNAP1_LINES);
		object(&delta, "test", 2, 3, b.data);
		buf_free(&b);
		publish("test", 3, ISSUED, EXPIRES, &snap, &delta, 1, &sk);
		expect_failure(NET_ERR_DATA, "line 3: longer than",
		    "a line longer than 1 MiB");
		object_free(&delta);
		object_free(&snap);
	}

	/* index.json over its cap (checked before anything else). */
	{
		char	*big = xmalloc(FEED_INDEX_MAX + 2);

		memset(big, ' ', FEED_INDEX_MAX + 1);
		big[0] = '{';
		big[FEED_INDEX_MAX] = '}';
		big[FEED_INDEX_MAX + 1] = '\0';
		path = xasprintf("%s/index.json", feeddir);
		spew(path, big, FEED_INDEX_MAX + 1);
		free(path);
		free(big);
		expect_failure(NET_ERR_TOO_BIG, "larger than",
		    "index.json over 1 MiB");
	}

	/* A missing object. */
	object(&snap, "test", -1, 2, SNAP1_LINES);
	object(&delta, "test", 2, 3, GOOD_DELTA3);
	path = xasprintf("%s/%s", feeddir, delta.path);
	unlink(path);
	free(path);
	publish("test", 3, ISSUED, EXPIRES, &snap, &delta, 1, &sk);
	expect_failure(NET_ERR_FETCH, delta.path, "object not on the server");
	object_free(&delta);
	object_free(&snap);
}

static void
test_keys_and_urls(void)
{
	struct net_result	 res;
	const char		*file_key[1] = { pk_file };
	const char		*two_keys[2] = { other_pk_b64, pk_b64 };
	const char		*wrong[1] = { other_pk_b64 };
	const char		*garbage[1] = { "RWQgarbage" };
	char			*cause = NULL, *url, *before, *after;

	publish3(GOOD_DELTA3, ISSUED, EXPIRES, NULL);
	before = checksum();
	CHECK_INT(sync_with(feeddir, NULL, 0, 0, &res, &cause),
	    NET_ERR_UNSIGNED, "no key configured: refused");
	CHECK1(cause != NULL && strstr(cause, "no public key") != NULL,
	    "cause says no key is configured");
	free(cause);
	cause = NULL;
	net_result_clear(&res);
	CHECK_INT(sync_with(feeddir, wrong, 1, 0, &res, &cause),
	    NET_ERR_UNSIGNED, "missing signature refused");
	free(cause);
	cause = NULL;
	net_result_clear(&res);
	CHECK_INT(sync_with(feeddir, garbage, 1, 0, &res, &cause),
	    NET_ERR_USAGE, "a garbage public key is a settings error");
	free(cause);
	cause = NULL;
	net_result_clear(&res);
	CHECK_INT(sync_with("http://example.org/feed", two_keys, 2, 0, &res,
	    &cause), NET_ERR_USAGE, "plain http:// is refused");
	free(cause);
	cause = NULL;
	net_result_clear(&res);
	CHECK_INT(sync_with("https://127.0.0.1:9/feed", two_keys, 2, 0, &res,
	    &cause), NET_ERR_FETCH, "an unreachable https:// feed is a fetch "
	    "error");
	CHECK1(cause != NULL && strstr(cause, "https://127.0.0.1:9/feed/"
	    "index.json") != NULL, "the cause names the URL: %s",
	    cause != NULL ? cause : "(null)");
	free(cause);
	cause = NULL;
	net_result_clear(&res);
	after = checksum();
	CHECK_STR(after, before, "the cache is unchanged by all these");
	free(after);
	free(before);

	/* Unsigned allowed and no key: the signature is not looked at. */
	publish3(GOOD_DELTA3, ISSUED, EXPIRES, &other_sk);
	CHECK_INT(sync_with(feeddir, wrong + 0, 0, 1, &res, &cause), NET_OK,
	    "allow_unsigned with no key configured syncs");
	free(cause);
	cause = NULL;
	net_result_clear(&res);

	/* Serial 4 as a delta, signature by the other key. */
	{
		struct feed_object	snap, d3, d4;

		object(&snap, "test", -1, 2, SNAP1_LINES);
		object(&d3, "test", 2, 3, GOOD_DELTA3);
		object(&d4, "test", 3, 4, "{\"type\":\"contact\",\"id\":\"c-6\","
		    "\"authority\":\"br-pf\",\"name\":\"Eva\"}\n");
		{
			struct feed_object ds[2];

			ds[0] = d3;
			ds[1] = d4;
			publish("test", 4, ISSUED, EXPIRES, &snap, ds, 2, &sk);
			CHECK_INT(sync_with(feeddir, wrong, 1, 1, &res, &cause),
			    NET_ERR_SIGNATURE, "allow_unsigned still refuses a "
			    "signature by another key");
			free(cause);
			cause = NULL;
			net_result_clear(&res);
			CHECK_INT(sync_with(feeddir, file_key, 1, 0, &res,
			    &cause), NET_OK, "a .pub file's text works as a key");
			CHECK_INT(res.nobjects, 1, "one delta from 3 to 4");
			free(cause);
			cause = NULL;
			net_result_clear(&res);

			/* Serial 5 through a file:// URL, key among two. */
			object_free(&d4);
			object(&d4, "test", 4, 5, "{\"type\":\"contact\","
			    "\"id\":\"c-7\",\"authority\":\"br-pf\",\"name\":"
			    "\"Ivo\"}\n");
			ds[0] = d4;
			publish("test", 5, ISSUED, EXPIRES, &snap, ds, 1, NULL);
			CHECK_INT(sync_with(feeddir, two_keys, 2, 1, &res,
			    &cause), NET_OK, "allow_unsigned accepts a feed "
			    "without a signature");
			free(cause);
			cause = NULL;
			net_result_clear(&res);
			object_free(&d4);
			object(&d4, "test", 5, 6, "{\"type\":\"contact\","
			    "\"id\":\"c-8\",\"authority\":\"br-pf\",\"name\":"
			    "\"Leo\"}\n");
			ds[0] = d4;
			publish("test", 6, ISSUED, EXPIRES, &snap, ds, 1, &sk);
			url = xasprintf("file://%s", feeddir);
			CHECK_INT(sync_with(url, two_keys, 2, 0, &res, &cause),
			    NET_OK, "file:// URL with the key second of two");
			if (cause != NULL)
				printf("#   cause: %s\n", cause);
			free(cause);
			cause = NULL;
			CHECK_INT(res.new_serial, 6, "at serial 6");
			net_result_clear(&res);
			free(url);
		}
		object_free(&snap);
		object_free(&d3);
		object_free(&d4);
	}
	CHECK_INT(cache_id_type(cache, "c-8"), REC_CONTACT, "c-8 arrived");
	CHECK_INT(leftovers(), 0, "no temporary file is left");
}

/* A snapshot replaces everything when there is no delta chain from the cache. */
static void
test_snapshot_plan(void)
{
	struct feed_object	 snap;
	struct net_result	 res;
	struct cache_counts	 counts;
	char			*cause = NULL;

	object(&snap, "test", -1, 9,
	    "{\"type\":\"country\",\"code\":\"AR\",\"name\":\"Argentina\"}\n");
	publish("test", 9, ISSUED, EXPIRES, &snap, NULL, 0, &sk);
	CHECK_INT(sync_default(&res, &cause), NET_OK, "snapshot when no delta "
	    "chain leads from the cache");
	free(cause);
	CHECK_INT(res.changes.removed[REC_CONTACT], 6, "every contact removed");
	net_result_clear(&res);
	CHECK_INT(cache_counts_get(cache, &counts), CACHE_OK, "counts");
	CHECK_INT(counts.countries, 1, "only the snapshot's country");
	CHECK_INT(counts.contacts, 0, "no contacts");
	object_free(&snap);
}

/*
 * An object of thousands of records (the records are parsed on a second
 * thread and handed over in batches, net/records.c): every record
 * arrives, in order; a bad line far into it is named by its number, with
 * records of a later format's types skipped before it; a reference the
 * cache refuses there changes nothing either; the progress ends at the
 * object's line count. On a cache of its own, empty at first, so the
 * snapshot and the delta are both applied.
 */
#define LONG_RECORDS	3000

static char *
long_lines(const char *bad, size_t bad_at)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	for (i = 0; i < LONG_RECORDS; i++) {
		if (bad != NULL && i == bad_at)
			buf_adds(&b, bad);
		if (i % 97 == 0)
			buf_addf(&b, "{\"type\":\"meeting\",\"id\":\"m-%zu\"}\n",
			    i);
		buf_addf(&b, "{\"type\":\"contact\",\"id\":\"c-long-%05zu\","
		    "\"authority\":\"br-pf\",\"name\":\"Long %zu\"}\n", i, i);
	}
	return buf_detach(&b);
}

static void
long_progress(const struct net_progress *p, void *arg)
{
	uint64_t	*last = arg;

	/* The delta is the last object applied. */
	if (p->phase == NET_PHASE_APPLY)
		*last = p->records;
}

static void
test_long_object(void)
{
	struct cache_counts	 counts;
	struct net_result	 res;
	char			*lines, *cause = NULL, *want, *path;
	uint64_t		 last = 0;
	enum net_status		 got;

	cache_close(cache);
	path = xasprintf("%s/long.db", tmpdir);
	if (cache_open(path, 0, &cache, &cause) != CACHE_OK) {
		printf("Bail out! cache_open: %s\n", cause ? cause : "?");
		exit(1);
	}
	free(path);

	/* Line 1 is the header; 31 meetings come before record 3000. */
	lines = long_lines("{\"type\":\"contact\",\"id\":\"c-x\","
	    "\"authority\":\"br-pf\",\"name\":7}\n", 2900);
	publish3(lines, ISSUED, EXPIRES, &sk);
	free(lines);
	want = xasprintf("line %d: contact c-x: field 'name'", 2 + 2900 + 30);
	expect_failure(NET_ERR_DATA, want, "a bad line far into a long object");
	free(want);

	lines = long_lines("{\"type\":\"contact\",\"id\":\"c-y\","
	    "\"authority\":\"nowhere\",\"name\":\"Y\"}\n", 2500);
	publish3(lines, ISSUED, EXPIRES, &sk);
	free(lines);
	expect_failure(NET_ERR_DATA, "contact c-y: field 'authority': no "
	    "authority 'nowhere'",
	    "a reference the cache refuses far into a long object");

	lines = long_lines(NULL, 0);
	publish3(lines, ISSUED, EXPIRES, &sk);
	free(lines);
	got = sync_watched(long_progress, &last, &res, &cause);
	CHECK_INT(got, NET_OK, "a long delta applies");
	if (cause != NULL)
		printf("#   cause: %s\n", cause);
	free(cause);
	/* publish3's snapshot holds two contacts. */
	CHECK_INT(res.changes.added[REC_CONTACT], 2 + LONG_RECORDS,
	    "every record of the long delta was applied");
	net_result_clear(&res);
	CHECK_INT(cache_counts_get(cache, &counts), CACHE_OK, "counts");
	CHECK_INT(counts.contacts, 2 + LONG_RECORDS,
	    "the cache holds every contact of the long delta");
	CHECK_INT(last, LONG_RECORDS + 31,
	    "progress ends at the object's record lines");
}

static void
test_misc(void)
{
	CHECK_STR(net_strerror(NET_ERR_ROLLBACK),
	    "the feed is older than the cache (rollback)", "net_strerror");
	CHECK_INT(net_exit_code(NET_OK), 0, "exit code ok");
	CHECK_INT(net_exit_code(NET_ERR_FETCH), 3, "exit code network");
	CHECK_INT(net_exit_code(NET_ERR_SIGNATURE), 4, "exit code feed");
	CHECK_INT(net_exit_code(NET_ERR_CACHE), 5, "exit code cache");
}

int
main(void)
{
	const char	*t = getenv("TMPDIR");
	char		*path, *cause = NULL;

	snprintf(tmpdir, sizeof tmpdir, "%s/globe-sync-XXXXXX",
	    t != NULL && *t != '\0' ? t : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	feeddir = xasprintf("%s/feed", tmpdir);
	dldir = xasprintf("%s/data", tmpdir);
	path = xasprintf("%s/objects", feeddir);
	if (mkdir(feeddir, 0700) != 0 || mkdir(path, 0700) != 0 ||
	    mkdir(dldir, 0700) != 0) {
		perror("mkdir");
		return 1;
	}
	free(path);
	feed_time_parse("2026-11-27T12:00:00Z", &now);
	minisign_keygen(&sk, &pk);
	minisign_keygen(&other_sk, &other_pk);
	pk_b64 = minisign_pubkey_base64(&pk);
	other_pk_b64 = minisign_pubkey_base64(&other_pk);
	pk_file = minisign_pubkey_file(&pk);

	path = xasprintf("%s/globe.db", tmpdir);
	if (cache_open(path, 0, &cache, &cause) != CACHE_OK) {
		printf("not ok 1 - cache_open: %s\n", cause ? cause : "?");
		return 1;
	}
	free(path);

	test_misc();
	test_snapshot();
	test_delta();
	test_failures();
	test_keys_and_urls();
	test_snapshot_plan();
	test_long_object();

	cache_close(cache);
	free(pk_b64);
	free(other_pk_b64);
	free(pk_file);
	path = xasprintf("rm -rf '%s'", tmpdir);
	if (system(path) != 0)
		printf("# could not remove %s\n", tmpdir);
	free(path);
	free(feeddir);
	free(dldir);
	HARNESS_END();
}
