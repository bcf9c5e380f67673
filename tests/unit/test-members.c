/*
 * test-members.c: the cryptography of member-only feeds (net/members.c)
 * and device keys (net/device.c), linked as the publisher links them:
 * objects sealed and opened whole at every chunk boundary, and refused
 * when cut, extended, reordered, flipped, or opened with another key or
 * another object's identity; serial keys that only step forward; key
 * slots that open for their device alone and only with a path to the
 * signed root, for trees of many sizes; recipient tokens; device key
 * files with and without a passphrase.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "common/common.h"
#include "net/feed.h"
#include "tests/unit/harness.h"

static char	tmpdir[256];

/* ---- objects ---------------------------------------------------------------- */

static int
buf_write(const void *p, size_t n, void *arg)
{
	buf_add(arg, p, n);
	return 0;
}

/* Seals data (in pieces of step bytes) into out. */
static void
seal(const uint8_t key[32], const uint8_t *ad, size_t adlen,
    const uint8_t *data, size_t len, size_t step, struct buf *out)
{
	struct feed_seal	*s;
	size_t			 i, n;

	buf_reset(out);
	s = feed_seal_new(key, ad, adlen, buf_write, out);
	for (i = 0; i < len; i += n) {
		n = len - i < step ? len - i : step;
		feed_seal_add(s, data + i, n);
	}
	feed_seal_end(s);
	feed_seal_free(s);
}

/*
 * Opens sealed bytes: 0 and the plaintext in plain, or -1 and why in
 * *why (static, or NULL).
 */
static int
unseal(const uint8_t key[32], const uint8_t *ad, size_t adlen,
    const struct buf *in, struct buf *plain, const char **why)
{
	struct feed_unseal	*u;
	FILE			*raw, *fp;
	char			 chunk[4096];
	size_t			 n;
	int			 rc = 0;
	static char		 saved[256];

	buf_reset(plain);
	*why = NULL;
	raw = fmemopen(in->len > 0 ? in->data : (char *)"", in->len, "r");
	fp = feed_unseal_wrap(raw, key, ad, adlen, &u);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(plain, chunk, n);
	if (ferror(fp)) {
		rc = -1;
		snprintf(saved, sizeof saved, "%s", feed_unseal_error(u) ?
		    feed_unseal_error(u) : "?");
		*why = saved;
	}
	fclose(fp);
	return rc;
}

static uint8_t *
random_text(size_t n, int compressible)
{
	uint8_t	*p = xmalloc(n + 1);
	size_t	 i;

	if (compressible) {
		for (i = 0; i < n; i++)
			p[i] = "{\"type\":\"contact\",\"name\":\"Ana\"}\n"[i % 32];
	} else
		randombytes_buf(p, n);
	return p;
}

static void
test_objects(void)
{
	struct feed_object	 obj = { -1, 7, NULL, "", 0 };
	struct feed_object	 other = { 6, 7, NULL, "", 0 };
	uint8_t			 key[32], key2[32], epoch[16], *ad, *ad2, *data;
	size_t			 adlen, adlen2, sizes[] = { 0, 1, 100, 65535,
	    65536, 65537, 300000, 1000000 }, i, n, boundary = 0;
	struct buf		 sealed, plain, bad;
	const char		*why;
	int			 ok;

	randombytes_buf(key, sizeof key);
	randombytes_buf(key2, sizeof key2);
	randombytes_buf(epoch, sizeof epoch);
	ad = feed_object_ad("feed-a", &obj, epoch, &adlen);
	ad2 = feed_object_ad("feed-a", &other, epoch, &adlen2);
	buf_init(&sealed);
	buf_init(&plain);
	buf_init(&bad);

	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		n = sizes[i];
		data = random_text(n, i % 2);
		seal(key, ad, adlen, data, n, i % 3 == 0 ? 1000 : 70000,
		    &sealed);
		ok = unseal(key, ad, adlen, &sealed, &plain, &why) == 0 &&
		    plain.len == n && (n == 0 || memcmp(plain.data, data, n) == 0);
		CHECK(ok, "%zu bytes (%s) come back whole (%s)", n, i % 2 ?
		    "text" : "random", why ? why : "");
		free(data);
	}
	data = random_text(200000, 1);
	seal(key, ad, adlen, data, 200000, 4096, &sealed);
	CHECK(sealed.len < 200000 / 20,
	    "the plaintext is compressed before it is sealed (%zu bytes)",
	    sealed.len);
	CHECK(memmem(sealed.data, sealed.len, "contact", 7) == NULL,
	    "no plaintext in the sealed bytes");

	CHECK(unseal(key2, ad, adlen, &sealed, &plain, &why) != 0,
	    "another key: refused (%s)", why ? why : "");
	CHECK(unseal(key, ad2, adlen2, &sealed, &plain, &why) != 0,
	    "another object's identity: refused (%s)", why ? why : "");
	buf_reset(&bad);
	buf_add(&bad, sealed.data, sealed.len - 1);
	CHECK(unseal(key, ad, adlen, &bad, &plain, &why) != 0,
	    "one byte cut: refused (%s)", why ? why : "");
	buf_reset(&bad);
	buf_add(&bad, sealed.data, sealed.len);
	buf_addc(&bad, 'x');
	CHECK(unseal(key, ad, adlen, &bad, &plain, &why) != 0,
	    "one byte added: refused (%s)", why ? why : "");
	buf_reset(&bad);
	buf_add(&bad, sealed.data, sealed.len);
	bad.data[bad.len / 2] ^= 1;
	CHECK(unseal(key, ad, adlen, &bad, &plain, &why) != 0,
	    "one bit flipped: refused (%s)", why ? why : "");
	buf_reset(&bad);
	buf_add(&bad, "globe-e0", 8);
	buf_add(&bad, sealed.data + 8, sealed.len - 8);
	CHECK(unseal(key, ad, adlen, &bad, &plain, &why) != 0,
	    "another magic: refused (%s)", why ? why : "");
	free(data);

	/* Two full chunks swapped: the stream's counter refuses them. */
	data = random_text(200000, 0);
	seal(key, ad, adlen, data, 200000, 65536, &sealed);
	buf_reset(&bad);
	buf_add(&bad, sealed.data, 32);
	buf_add(&bad, sealed.data + 32 + 65553, 65553);
	buf_add(&bad, sealed.data + 32, 65553);
	buf_add(&bad, sealed.data + 32 + 2 * 65553, sealed.len - 32 -
	    2 * 65553);
	CHECK(unseal(key, ad, adlen, &bad, &plain, &why) != 0,
	    "two chunks swapped: refused (%s)", why ? why : "");
	/* The last chunk dropped: the stream has no end. */
	buf_reset(&bad);
	buf_add(&bad, sealed.data, 32 + 3 * 65553);
	CHECK(unseal(key, ad, adlen, &bad, &plain, &why) != 0,
	    "the last chunk dropped: refused (%s)", why ? why : "");
	free(data);

	/*
	 * A compressed stream that ends exactly at a chunk's end: the
	 * sealer adds an empty last chunk, and the reader wants it.
	 */
	for (n = 65400; n < 65536 && !boundary; n++) {
		data = random_text(n, 0);
		seal(key, ad, adlen, data, n, 65536, &sealed);
		if (sealed.len == 32 + 65553 + 17) {
			boundary = n;
			ok = unseal(key, ad, adlen, &sealed, &plain, &why) == 0 &&
			    plain.len == n && memcmp(plain.data, data, n) == 0;
			CHECK(ok, "a stream ending at a chunk boundary (%zu "
			    "bytes) opens", n);
			buf_reset(&bad);
			buf_add(&bad, sealed.data, sealed.len - 17);
			CHECK(unseal(key, ad, adlen, &bad, &plain, &why) != 0,
			    "and without its empty last chunk is refused (%s)",
			    why ? why : "");
		}
		free(data);
	}
	CHECK(boundary != 0, "a size that ends at a chunk boundary is found");
	free(ad);
	free(ad2);
	buf_free(&sealed);
	buf_free(&plain);
	buf_free(&bad);
}

/* ---- serial keys -------------------------------------------------------------- */

static void
test_serial_keys(void)
{
	struct feed_object	 snap = { -1, 5, NULL, "", 0 };
	struct feed_object	 delta = { 4, 5, NULL, "", 0 };
	struct feed_epoch	*e, *e2;
	uint8_t			 seed[32], epoch[16], k3[32], k5[32], k5b[32];
	uint8_t			 o1[32], o2[32];

	randombytes_buf(seed, sizeof seed);
	randombytes_buf(epoch, sizeof epoch);
	e = feed_epoch_derive(seed, "feed-a", epoch);
	e2 = feed_epoch_derive(seed, "feed-a", epoch);
	CHECK(memcmp(e->key, e2->key, 32) == 0 &&
	    memcmp(e->kx_pk, e2->kx_pk, 32) == 0,
	    "an epoch's secrets come from the seed, the feed and the epoch");
	feed_epoch_free(e2);
	e2 = feed_epoch_derive(seed, "feed-b", epoch);
	CHECK(memcmp(e->key, e2->key, 32) != 0, "another feed: other secrets");
	feed_epoch_free(e2);

	memcpy(k3, e->key, 32);
	CHECK_INT(feed_serial_key(k3, 1, 3), 0, "serial 1 to 3");
	memcpy(k5, k3, 32);
	feed_serial_key(k5, 3, 5);
	memcpy(k5b, e->key, 32);
	feed_serial_key(k5b, 1, 5);
	CHECK(memcmp(k5, k5b, 32) == 0, "1 to 5 is 1 to 3 then 3 to 5");
	CHECK(memcmp(k3, k5, 32) != 0, "each serial its own key");
	CHECK_INT(feed_serial_key(k5b, 5, 4), -1, "never backwards");
	CHECK_INT(feed_serial_key(k5b, 1, 1 + FEED_EPOCH_SERIALS_MAX + 1), -1,
	    "never further than an epoch");
	feed_object_key(k5, &snap, o1);
	feed_object_key(k5, &delta, o2);
	CHECK(memcmp(o1, o2, 32) != 0 && memcmp(o1, k5, 32) != 0,
	    "the snapshot and the delta of a serial have keys of their own");
	feed_epoch_free(e);
}

/* ---- key slots ---------------------------------------------------------------- */

static void
test_slots_of(size_t n)
{
	struct feed_epoch	*e;
	struct feed_members	 m;
	struct feed_slot_keys	 pk, dk;
	struct device_key	**dev;
	uint8_t			 seed[32], (*leaves)[32], (*names)[32];
	uint8_t			 (*sealed)[FEED_SLOT_SEALED];
	uint8_t			 (*paths)[FEED_SLOT_DEPTH][32];
	uint8_t			 file[FEED_SLOT_BYTES], key[32], want[32];
	uint8_t			 other[FEED_SLOT_BYTES];
	int64_t			 since;
	size_t			 i, good = 0, wrong = 0;
	char			*cause = NULL;

	randombytes_buf(seed, sizeof seed);
	memset(&m, 0, sizeof m);
	randombytes_buf(m.epoch, sizeof m.epoch);
	m.since = 3;
	m.slots = (uint32_t)n;
	e = feed_epoch_derive(seed, "feed-a", m.epoch);
	memcpy(m.publisher, e->kx_pk, 32);
	dev = xcalloc(n, sizeof *dev);
	leaves = xcalloc(n, 32);
	names = xcalloc(n, 32);
	sealed = xcalloc(n, FEED_SLOT_SEALED);
	paths = xcalloc(n, sizeof *paths);
	memcpy(want, e->key, 32);
	feed_serial_key(want, 3, 4);
	for (i = 0; i < n; i++) {
		dev[i] = device_key_new();
		feed_slot_keys_publisher(&pk, e, dev[i]->pk);
		feed_slot_name(&pk, "feed-a", m.epoch, 9, names[i]);
		feed_slot_seal(&pk, "feed-a", m.epoch, 9, names[i], 4, want,
		    sealed[i]);
		feed_slot_leaf(names[i], sealed[i], leaves[i]);
	}
	feed_slots_tree((const uint8_t (*)[32])leaves, n, m.root, paths);
	for (i = 0; i < n; i++) {
		uint8_t	name[32];

		feed_slot_file(file, (uint32_t)i, sealed[i],
		    (const uint8_t (*)[32])paths[i]);
		feed_slot_keys_device(&dk, dev[i]->pk, dev[i]->sk, m.publisher);
		feed_slot_name(&dk, "feed-a", m.epoch, 9, name);
		if (memcmp(name, names[i], 32) != 0)
			continue;
		if (feed_slot_open(file, sizeof file, &dk, "feed-a", &m, 9,
		    name, &since, key, &cause) == NET_OK && since == 4 &&
		    memcmp(key, want, 32) == 0)
			good++;
		free(cause);
		cause = NULL;
		/* Another device's slot under this device's name. */
		feed_slot_file(other, (uint32_t)((i + 1) % n),
		    sealed[(i + 1) % n],
		    (const uint8_t (*)[32])paths[(i + 1) % n]);
		if (n > 1 && feed_slot_open(other, sizeof other, &dk, "feed-a",
		    &m, 9, name, &since, key, &cause) == NET_OK)
			wrong++;
		free(cause);
		cause = NULL;
	}
	CHECK(good == n, "%zu slots: each device opens its own (%zu)", n, good);
	CHECK(wrong == 0, "%zu slots: none opens another's", n);

	/* The first device's slot, tampered with in every way a mirror can. */
	feed_slot_keys_device(&dk, dev[0]->pk, dev[0]->sk, m.publisher);
	feed_slot_file(file, 0, sealed[0], (const uint8_t (*)[32])paths[0]);
	memcpy(other, file, sizeof file);
	other[20] ^= 1;
	CHECK_INT(feed_slot_open(other, sizeof other, &dk, "feed-a", &m, 9,
	    names[0], &since, key, &cause), NET_ERR_KEYS,
	    "%zu slots: a flipped bit is refused (%s)", n, cause);
	free(cause);
	cause = NULL;
	memcpy(other, file, sizeof file);
	other[FEED_SLOT_BYTES - 100] ^= 1;
	CHECK_INT(feed_slot_open(other, sizeof other, &dk, "feed-a", &m, 9,
	    names[0], &since, key, &cause), NET_ERR_KEYS,
	    "%zu slots: a changed path (what it proves of the root) is refused "
	    "(%s)", n, cause);
	free(cause);
	cause = NULL;
	memcpy(other, file, sizeof file);
	m.root[0] ^= 1;
	CHECK_INT(feed_slot_open(other, sizeof other, &dk, "feed-a", &m, 9,
	    names[0], &since, key, &cause), NET_ERR_KEYS,
	    "%zu slots: under another root (another index) it is refused (%s)",
	    n, cause);
	m.root[0] ^= 1;
	free(cause);
	cause = NULL;
	CHECK_INT(feed_slot_open(file, sizeof file, &dk, "feed-a", &m, 10,
	    names[0], &since, key, &cause), NET_ERR_KEYS,
	    "%zu slots: another serial's slot is refused (%s)", n, cause);
	free(cause);
	cause = NULL;
	CHECK_INT(feed_slot_open(file, sizeof file, &dk, "feed-b", &m, 9,
	    names[0], &since, key, &cause), NET_ERR_KEYS,
	    "%zu slots: another feed's is refused (%s)", n, cause);
	free(cause);
	cause = NULL;
	m.slots--;
	if (n > 1) {
		feed_slot_file(other, (uint32_t)(n - 1), sealed[n - 1],
		    (const uint8_t (*)[32])paths[n - 1]);
		CHECK(feed_slot_open(other, sizeof other, &dk, "feed-a", &m, 9,
		    names[n - 1], &since, key, &cause) == NET_ERR_KEYS,
		    "%zu slots: one the index does not count is refused (%s)",
		    n, cause);
		free(cause);
		cause = NULL;
	}
	m.slots++;
	CHECK_INT(feed_slot_open(file, sizeof file - 1, &dk, "feed-a", &m, 9,
	    names[0], &since, key, &cause), NET_ERR_KEYS,
	    "%zu slots: a short file is refused", n);
	free(cause);
	cause = NULL;
	for (i = 0; i < n; i++)
		device_key_free(dev[i]);
	free(dev);
	free(leaves);
	free(names);
	free(sealed);
	free(paths);
	feed_epoch_free(e);
}

/* ---- device keys ---------------------------------------------------------------- */

static void
test_device(void)
{
	struct device_key	*k, *k2;
	struct device_file	*f;
	uint8_t			 pk[32];
	char			*tok, *path, *path2, *cause = NULL, *text;
	struct stat		 sb;

	k = device_key_new();
	tok = device_recipient(k->pk);
	CHECK_INT(strlen(tok), DEVICE_RECIPIENT_LEN, "a recipient is %d "
	    "characters (%s)", DEVICE_RECIPIENT_LEN, tok);
	CHECK(strchr(tok, ' ') == NULL && strncmp(tok, "globe1", 6) == 0,
	    "one token, globe1…");
	CHECK(device_recipient_parse(tok, strlen(tok), pk) == 0 &&
	    memcmp(pk, k->pk, 32) == 0, "it parses back to the key");
	tok[20] = tok[20] == 'A' ? 'B' : 'A';
	CHECK_INT(device_recipient_parse(tok, strlen(tok), pk), -1,
	    "a typo is caught by the checksum");
	free(tok);

	path = xasprintf("%s/plain.key", tmpdir);
	CHECK_INT(device_key_write(path, k, NULL, 0, &cause), 0,
	    "an unprotected key file is written");
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600,
	    "mode 0600");
	CHECK_INT(device_key_write(path, k, NULL, 0, &cause), -1,
	    "never over an existing one (%s)", cause);
	free(cause);
	cause = NULL;
	CHECK_INT(device_file_read(path, &f, &cause), NET_OK, "it reads (%s)",
	    cause ? cause : "");
	CHECK(f != NULL && !device_file_protected(f), "unprotected");
	CHECK_INT(device_file_unlock(f, NULL, 0, &k2, &cause), NET_OK,
	    "it unlocks without a passphrase");
	CHECK(k2 != NULL && memcmp(k2->sk, k->sk, 32) == 0 &&
	    memcmp(k2->pk, k->pk, 32) == 0, "the same key pair");
	device_key_free(k2);
	device_file_free(f);
	chmod(path, 0640);
	CHECK_INT(device_file_read(path, &f, &cause), NET_ERR_DEVICE_KEY,
	    "readable by the group: refused");
	CHECK(cause != NULL && strstr(cause, "0640") != NULL &&
	    strstr(cause, "chmod 600") != NULL, "it says why (%s)", cause);
	free(cause);
	cause = NULL;

	path2 = xasprintf("%s/pass.key", tmpdir);
	CHECK_INT(device_key_write(path2, k, "correct horse", 13, &cause), 0,
	    "a key file protected by a passphrase is written");
	text = file_read_small(path2, 4096, NULL);
	CHECK(text != NULL && strstr(text, "argon2id: t=") != NULL,
	    "it names argon2id");
	free(text);
	CHECK_INT(device_file_read(path2, &f, &cause), NET_OK, "it reads");
	CHECK(device_file_protected(f), "protected");
	CHECK(memcmp(device_file_public(f), k->pk, 32) == 0,
	    "its recipient reads without the passphrase");
	CHECK_INT(device_file_unlock(f, "correct horsf", 13, &k2, &cause),
	    NET_ERR_DEVICE_KEY, "a wrong passphrase is refused");
	CHECK(cause != NULL && strstr(cause, "wrong passphrase") != NULL,
	    "and said so (%s)", cause);
	free(cause);
	cause = NULL;
	CHECK_INT(device_file_unlock(f, "correct horse", 13, &k2, &cause),
	    NET_OK, "the right one unlocks it");
	CHECK(k2 != NULL && memcmp(k2->sk, k->sk, 32) == 0, "the same secret");
	device_key_free(k2);
	device_file_free(f);

	free(cause);
	cause = NULL;
	unlink(path);
	CHECK_INT(device_file_read(path, &f, &cause), NET_ERR_DEVICE_KEY,
	    "no key file: refused");
	CHECK(cause != NULL && strstr(cause, "globe device init") != NULL,
	    "saying how to make one (%s)", cause);
	free(cause);
	device_key_free(k);
	unlink(path2);
	free(path);
	free(path2);
}

int
main(void)
{
	size_t	sizes[] = { 1, 2, 3, 5, 8, 33, 2000 }, i;

	if (sodium_init() < 0)
		return 1;
	snprintf(tmpdir, sizeof tmpdir, "%s/globe-test-members.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	test_objects();
	test_serial_keys();
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		test_slots_of(sizes[i]);
	test_device();
	rmdir(tmpdir);
	HARNESS_END();
}
