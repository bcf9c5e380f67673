/*
 * members.c: member-only feeds, the cryptography the publisher and the
 * client share (docs/feed-format.md, "Member-only feeds", is the wire
 * format; docs/security.md the reasoning). Everything is libsodium's:
 *
 *   - a key epoch's secrets come from the signing key's seed, the feed id
 *     and a random epoch id (keyed BLAKE2b), so the publisher keeps no
 *     state of its own; each serial's key is a one-way step from the one
 *     before, so a device handed the key of serial s reads s and later
 *     serials of the epoch, never earlier ones;
 *   - an object is compressed (zlib) and the compressed stream encrypted
 *     with XChaCha20-Poly1305 (crypto_secretstream) in 64 KiB chunks, the
 *     object's identity as associated data of every chunk;
 *   - each recipient device has one key slot per serial: named with one
 *     key and sealed with another, both from an X25519 exchange between
 *     the device's key and the epoch's publisher key (crypto_kx), and
 *     carrying the Merkle path that ties it to the signed index.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <zlib.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/feed.h"

#define MEMBERS_CTX		"globe-feed/1+members "
#define OBJECT_MAGIC		"globe-e1"	/* an encrypted object's first bytes */
#define SLOT_MAGIC		"globe-k1"	/* a key slot's */
#define MAGIC_LEN		8
#define SEAL_HEADER	crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define SEAL_ABYTES	crypto_secretstream_xchacha20poly1305_ABYTES
#define SLOT_NONCE	crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define SLOT_PLAIN	(8 + 32)
#define ZLIB_LEVEL	9

void
feed_crypto_init(void)
{
	static int	done;

	if (!done) {
		if (sodium_init() < 0)
			abort();	/* no usable randomness: nothing is safe */
		done = 1;
	}
}

static void
le64_put(uint8_t out[8], uint64_t v)
{
	int	i;

	for (i = 0; i < 8; i++)
		out[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t
le64_get(const uint8_t in[8])
{
	uint64_t	v = 0;
	int		i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | in[i];
	return v;
}

/* Starts a keyed BLAKE2b over "globe-feed/1+members WHAT\0". */
static void
members_hash_init(crypto_generichash_state *h, const uint8_t *key,
    size_t keylen, const char *what)
{
	crypto_generichash_init(h, key, keylen, 32);
	crypto_generichash_update(h, (const uint8_t *)MEMBERS_CTX,
	    strlen(MEMBERS_CTX));
	crypto_generichash_update(h, (const uint8_t *)what, strlen(what) + 1);
}

/* Adds a feed id (with its NUL, so no two ids run into what follows). */
static void
members_hash_id(crypto_generichash_state *h, const char *feed_id)
{
	crypto_generichash_update(h, (const uint8_t *)feed_id,
	    strlen(feed_id) + 1);
}

/* ---- key epochs and serial keys ------------------------------------------ */

struct feed_epoch *
feed_epoch_derive(const uint8_t seed[32], const char *feed_id,
    const uint8_t epoch[16])
{
	crypto_generichash_state	 h;
	struct feed_epoch		*e;
	uint8_t				 kx_seed[crypto_kx_SEEDBYTES];

	feed_crypto_init();
	if ((e = sodium_malloc(sizeof *e)) == NULL)
		abort();
	members_hash_init(&h, seed, 32, "epoch");
	members_hash_id(&h, feed_id);
	crypto_generichash_update(&h, epoch, 16);
	crypto_generichash_final(&h, e->key, sizeof e->key);
	members_hash_init(&h, seed, 32, "publisher");
	members_hash_id(&h, feed_id);
	crypto_generichash_update(&h, epoch, 16);
	crypto_generichash_final(&h, kx_seed, sizeof kx_seed);
	crypto_kx_seed_keypair(e->kx_pk, e->kx_sk, kx_seed);
	sodium_memzero(kx_seed, sizeof kx_seed);
	sodium_memzero(&h, sizeof h);
	return e;
}

void
feed_epoch_free(struct feed_epoch *e)
{
	if (e != NULL)
		sodium_free(e);		/* wipes */
}

int
feed_serial_key(uint8_t key[32], int64_t from, int64_t to)
{
	crypto_generichash_state	h;
	uint8_t				next[32], n8[8];
	int64_t				x;

	feed_crypto_init();
	if (to < from || to - from > FEED_EPOCH_SERIALS_MAX)
		return -1;
	for (x = from + 1; x <= to; x++) {
		members_hash_init(&h, key, 32, "next");
		le64_put(n8, (uint64_t)x);
		crypto_generichash_update(&h, n8, sizeof n8);
		crypto_generichash_final(&h, next, sizeof next);
		memcpy(key, next, 32);
	}
	sodium_memzero(next, sizeof next);
	sodium_memzero(&h, sizeof h);
	return 0;
}

void
feed_object_key(const uint8_t serial_key[32], const struct feed_object *obj,
    uint8_t out[32])
{
	feed_crypto_init();
	/* One subkey per kind: a serial writes one snapshot and one delta. */
	crypto_kdf_derive_from_key(out, 32, obj->from < 0 ? 1 : 2,
	    "globeobj", serial_key);
}

uint8_t *
feed_object_ad(const char *feed_id, const struct feed_object *obj,
    const uint8_t epoch[16], size_t *len)
{
	const char	*what = MEMBERS_CTX "object";
	const char	*kind = obj->from < 0 ? "snapshot" : "delta";
	size_t		 a = strlen(what) + 1, b = strlen(feed_id) + 1;
	size_t		 c = strlen(kind) + 1;
	uint8_t		*ad;

	*len = a + b + c + 8 + 8 + 16;
	ad = xmalloc(*len);
	memcpy(ad, what, a);
	memcpy(ad + a, feed_id, b);
	memcpy(ad + a + b, kind, c);
	le64_put(ad + a + b + c, (uint64_t)obj->from);
	le64_put(ad + a + b + c + 8, (uint64_t)obj->serial);
	memcpy(ad + a + b + c + 16, epoch, 16);
	return ad;
}

/* ---- sealing an object ----------------------------------------------------- */

/* In locked memory: the stream's state holds the key. */
struct feed_seal {
	crypto_secretstream_xchacha20poly1305_state st;
	z_stream	 z;
	int		 zok;
	uint8_t		*ad;
	size_t		 adlen;
	feed_write_fn	 write;
	void		*arg;
	int		 error;
	size_t		 fill;			/* compressed bytes in in */
	uint8_t		 in[FEED_CHUNK];
	uint8_t		 out[FEED_CHUNK + SEAL_ABYTES];
};

/* Encrypts and writes the compressed bytes held, as one chunk. */
static void
seal_chunk(struct feed_seal *s, unsigned char tag)
{
	unsigned long long	clen;

	if (s->error)
		return;
	crypto_secretstream_xchacha20poly1305_push(&s->st, s->out, &clen,
	    s->in, s->fill, s->ad, s->adlen, tag);
	if (s->write(s->out, (size_t)clen, s->arg) != 0)
		s->error = 1;
	s->fill = 0;
}

struct feed_seal *
feed_seal_new(const uint8_t key[32], const uint8_t *ad, size_t adlen,
    feed_write_fn write, void *arg)
{
	struct feed_seal	*s;
	uint8_t			 header[SEAL_HEADER];

	feed_crypto_init();
	if ((s = sodium_malloc(sizeof *s)) == NULL)
		abort();
	memset(s, 0, sizeof *s);
	s->ad = xmalloc(adlen > 0 ? adlen : 1);
	memcpy(s->ad, ad, adlen);
	s->adlen = adlen;
	s->write = write;
	s->arg = arg;
	crypto_secretstream_xchacha20poly1305_init_push(&s->st, header, key);
	if (deflateInit(&s->z, ZLIB_LEVEL) != Z_OK)
		s->error = 1;
	else
		s->zok = 1;
	if (!s->error && (write(OBJECT_MAGIC, MAGIC_LEN, arg) != 0 ||
	    write(header, sizeof header, arg) != 0))
		s->error = 1;
	return s;
}

/*
 * Runs deflate over data, sealing every chunk it fills; with finish, to
 * the end of the compressed stream.
 */
static int
seal_deflate(struct feed_seal *s, const uint8_t *data, size_t len,
    int finish)
{
	uInt	give;
	int	rc, last;

	if (s->error || !s->zok)
		return -1;
	for (;;) {
		/* zlib counts in uInt: at most a chunk of input at a time. */
		give = (uInt)(len > FEED_CHUNK ? FEED_CHUNK : len);
		last = len <= FEED_CHUNK;
		s->z.next_in = (Bytef *)(uintptr_t)data;
		s->z.avail_in = give;
		do {
			s->z.next_out = s->in + s->fill;
			s->z.avail_out = (uInt)(sizeof s->in - s->fill);
			rc = deflate(&s->z, last && finish ? Z_FINISH :
			    Z_NO_FLUSH);
			if (rc == Z_STREAM_ERROR) {
				s->error = 1;
				return -1;
			}
			s->fill = sizeof s->in - s->z.avail_out;
			if (s->fill == sizeof s->in)
				seal_chunk(s, 0);
		} while (s->z.avail_in > 0 ||
		    (last && finish && rc != Z_STREAM_END));
		data += give;
		len -= give;
		if (last)
			break;
	}
	return s->error ? -1 : 0;
}

int
feed_seal_add(struct feed_seal *s, const void *data, size_t len)
{
	if (len == 0)
		return s->error ? -1 : 0;
	return seal_deflate(s, data, len, 0);
}

int
feed_seal_end(struct feed_seal *s)
{
	if (seal_deflate(s, (const uint8_t *)"", 0, 1) != 0)
		return -1;
	/* What is left, perhaps nothing, is the last chunk. */
	seal_chunk(s, crypto_secretstream_xchacha20poly1305_TAG_FINAL);
	return s->error ? -1 : 0;
}

void
feed_seal_free(struct feed_seal *s)
{
	if (s == NULL)
		return;
	if (s->zok)
		deflateEnd(&s->z);
	free(s->ad);
	sodium_free(s);		/* wipes */
}

/* ---- opening an object ----------------------------------------------------- */

struct feed_unseal {
	crypto_secretstream_xchacha20poly1305_state st;
	uint8_t		 key[32];	/* until the stream's header is read */
	z_stream	 z;
	int		 zok;
	FILE		*raw;
	uint8_t		*ad;
	size_t		 adlen;
	int		 started;	/* magic and header read */
	int		 final;		/* the last chunk is open */
	int		 zend;		/* the compressed stream ended */
	uint64_t	 total;		/* plaintext given */
	const char	*error;
	size_t		 len, pos;	/* compressed bytes in plain */
	uint8_t		 plain[FEED_CHUNK];
	uint8_t		 chunk[FEED_CHUNK + SEAL_ABYTES];
};

static ssize_t
unseal_fail(struct feed_unseal *u, const char *why)
{
	if (u->error == NULL)
		u->error = why;
	errno = EIO;
	return -1;
}

/* Reads and opens the next chunk into plain: 0, or -1 with u->error. */
static int
unseal_chunk(struct feed_unseal *u)
{
	unsigned long long	mlen;
	unsigned char		tag;
	size_t			n;

	n = fread(u->chunk, 1, sizeof u->chunk, u->raw);
	if (n < sizeof u->chunk && ferror(u->raw))
		/*
		 * TRANSLATORS: this and the phrases below say what is
		 * wrong with an encrypted object of a feed, after its name
		 * and a colon; a chunk is a piece of the object as it was
		 * encrypted.
		 */
		return unseal_fail(u, _("cannot read it")), -1;
	if (n < SEAL_ABYTES)
		return unseal_fail(u, _("it is cut short (no last chunk)")),
		    -1;
	if (crypto_secretstream_xchacha20poly1305_pull(&u->st, u->plain, &mlen,
	    &tag, u->chunk, n, u->ad, u->adlen) != 0)
		return unseal_fail(u, _("a chunk does not authenticate "
		    "(another key, another object, or changed bytes)")), -1;
	if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
		u->final = 1;
		if (fgetc(u->raw) != EOF)
			return unseal_fail(u, _("there are bytes after its "
			    "last chunk")), -1;
	} else if (tag != 0 || n != sizeof u->chunk)
		return unseal_fail(u, _("it is cut short (no last chunk)")),
		    -1;
	u->len = (size_t)mlen;
	u->pos = 0;
	return 0;
}

static ssize_t
unseal_read(void *cookie, char *buf, size_t size)
{
	struct feed_unseal	*u = cookie;
	uint8_t			 magic[MAGIC_LEN], header[SEAL_HEADER];
	size_t			 produced;
	int			 rc;

	if (u->error != NULL)
		return unseal_fail(u, u->error);
	if (size == 0)
		return 0;
	if (size > UINT_MAX)
		size = UINT_MAX;
	if (!u->started) {
		if (fread(magic, 1, sizeof magic, u->raw) != sizeof magic ||
		    memcmp(magic, OBJECT_MAGIC, MAGIC_LEN) != 0)
			/* TRANSLATORS: as above, of an encrypted object. */
			return unseal_fail(u, _("it is not an encrypted globe "
			    "object"));
		if (fread(header, 1, sizeof header, u->raw) != sizeof header ||
		    crypto_secretstream_xchacha20poly1305_init_pull(&u->st,
		    header, u->key) != 0)
			return unseal_fail(u, _("its stream header is "
			    "damaged"));
		sodium_memzero(u->key, sizeof u->key);
		u->started = 1;
	}
	for (;;) {
		if (u->zend)
			return 0;
		if (u->pos == u->len) {
			if (u->final)
				return unseal_fail(u, _("its compressed stream "
				    "is cut short"));
			if (unseal_chunk(u) != 0)
				return -1;
		}
		u->z.next_in = u->plain + u->pos;
		u->z.avail_in = (uInt)(u->len - u->pos);
		u->z.next_out = (Bytef *)buf;
		u->z.avail_out = (uInt)size;
		rc = inflate(&u->z, Z_NO_FLUSH);
		u->pos = u->len - u->z.avail_in;
		produced = size - u->z.avail_out;
		if (rc == Z_STREAM_END) {
			u->zend = 1;
			/* The stream ends with the object, and nothing after. */
			if (u->pos != u->len)
				return unseal_fail(u, _("there are bytes after "
				    "its compressed stream"));
			if (!u->final && (unseal_chunk(u) != 0 || !u->final ||
			    u->len != 0))
				return unseal_fail(u, _("there are bytes after "
				    "its compressed stream"));
		} else if (rc != Z_OK && rc != Z_BUF_ERROR)
			return unseal_fail(u, _("its compressed stream is "
			    "invalid"));
		if (produced > 0) {
			if (produced > FEED_OBJECT_SIZE_MAX - u->total)
				return unseal_fail(u, _("it holds more than "
				    "the size an object may have"));
			u->total += produced;
			return (ssize_t)produced;
		}
	}
}

static int
unseal_close(void *cookie)
{
	struct feed_unseal	*u = cookie;
	int			 rc;

	rc = fclose(u->raw);
	if (u->zok)
		inflateEnd(&u->z);
	free(u->ad);
	sodium_free(u);		/* wipes */
	return rc;
}

FILE *
feed_unseal_wrap(FILE *raw, const uint8_t key[32], const uint8_t *ad,
    size_t adlen, struct feed_unseal **up)
{
	static const cookie_io_functions_t io = {
		.read = unseal_read, .close = unseal_close
	};
	struct feed_unseal	*u;
	FILE			*fp;

	feed_crypto_init();
	*up = NULL;
	if ((u = sodium_malloc(sizeof *u)) == NULL)
		abort();
	memset(u, 0, sizeof *u);
	u->raw = raw;
	u->ad = xmalloc(adlen > 0 ? adlen : 1);
	memcpy(u->ad, ad, adlen);
	u->adlen = adlen;
	memcpy(u->key, key, sizeof u->key);
	if (inflateInit(&u->z) != Z_OK)
		u->error = _("out of memory");
	else
		u->zok = 1;
	if ((fp = fopencookie(u, "r", io)) == NULL) {
		unseal_close(u);
		return NULL;
	}
	*up = u;
	return fp;
}

const char *
feed_unseal_error(const struct feed_unseal *u)
{
	return u != NULL ? u->error : NULL;
}

FILE *
feed_unseal_open(const char *path, const uint8_t key[32], const uint8_t *ad,
    size_t adlen, struct feed_unseal **up)
{
	FILE	*raw;

	*up = NULL;
	if ((raw = fopen(path, "re")) == NULL)
		return NULL;
	return feed_unseal_wrap(raw, key, ad, adlen, up);
}

/* ---- key slots ------------------------------------------------------------- */

int
feed_slot_keys_device(struct feed_slot_keys *k, const uint8_t device_pk[32],
    const uint8_t device_sk[32], const uint8_t publisher_pk[32])
{
	feed_crypto_init();
	/* The device is the client: its rx is the publisher's tx. */
	return crypto_kx_client_session_keys(k->seal, k->name, device_pk,
	    device_sk, publisher_pk) == 0 ? 0 : -1;
}

int
feed_slot_keys_publisher(struct feed_slot_keys *k, const struct feed_epoch *e,
    const uint8_t device_pk[32])
{
	feed_crypto_init();
	return crypto_kx_server_session_keys(k->name, k->seal, e->kx_pk,
	    e->kx_sk, device_pk) == 0 ? 0 : -1;
}

/* What names a slot, and what its seal is bound to: feed, epoch, serial. */
static void
slot_context(crypto_generichash_state *h, const char *feed_id,
    const uint8_t epoch[16], int64_t serial)
{
	uint8_t	n8[8];

	members_hash_id(h, feed_id);
	crypto_generichash_update(h, epoch, 16);
	le64_put(n8, (uint64_t)serial);
	crypto_generichash_update(h, n8, sizeof n8);
}

void
feed_slot_name(const struct feed_slot_keys *k, const char *feed_id,
    const uint8_t epoch[16], int64_t serial, uint8_t name[32])
{
	crypto_generichash_state	h;

	feed_crypto_init();
	members_hash_init(&h, k->name, sizeof k->name, "slot");
	slot_context(&h, feed_id, epoch, serial);
	crypto_generichash_final(&h, name, 32);
}

char *
feed_slot_path(const uint8_t name[32])
{
	char	hex[65];

	sodium_bin2hex(hex, sizeof hex, name, 32);
	return xasprintf("keys/%s", hex);
}

/* The associated data of a slot's seal: its context and its name. */
static void
slot_ad(const char *feed_id, const uint8_t epoch[16], int64_t serial,
    const uint8_t name[32], uint8_t ad[32])
{
	crypto_generichash_state	h;

	members_hash_init(&h, NULL, 0, "slot seal");
	slot_context(&h, feed_id, epoch, serial);
	crypto_generichash_update(&h, name, 32);
	crypto_generichash_final(&h, ad, 32);
}

void
feed_slot_seal(const struct feed_slot_keys *k, const char *feed_id,
    const uint8_t epoch[16], int64_t serial, const uint8_t name[32],
    int64_t since, const uint8_t key[32], uint8_t sealed[FEED_SLOT_SEALED])
{
	uint8_t			ad[32], plain[SLOT_PLAIN];
	unsigned long long	clen;

	feed_crypto_init();
	slot_ad(feed_id, epoch, serial, name, ad);
	le64_put(plain, (uint64_t)since);
	memcpy(plain + 8, key, 32);
	randombytes_buf(sealed, SLOT_NONCE);
	crypto_aead_xchacha20poly1305_ietf_encrypt(sealed + SLOT_NONCE, &clen,
	    plain, sizeof plain, ad, sizeof ad, NULL, sealed, k->seal);
	sodium_memzero(plain, sizeof plain);
}

/* Leaves, nodes and empty subtrees are hashed apart (a first byte each). */
static void
tree_hash(uint8_t kind, const uint8_t *a, size_t alen, const uint8_t *b,
    size_t blen, uint8_t out[32])
{
	crypto_generichash_state	h;

	crypto_generichash_init(&h, NULL, 0, 32);
	crypto_generichash_update(&h, &kind, 1);
	if (alen > 0)
		crypto_generichash_update(&h, a, alen);
	if (blen > 0)
		crypto_generichash_update(&h, b, blen);
	crypto_generichash_final(&h, out, 32);
}

void
feed_slot_leaf(const uint8_t name[32], const uint8_t sealed[FEED_SLOT_SEALED],
    uint8_t leaf[32])
{
	feed_crypto_init();
	tree_hash(0, name, 32, sealed, FEED_SLOT_SEALED, leaf);
}

/* The hash of an empty subtree of each height. */
static void
tree_empty(uint8_t empty[FEED_SLOT_DEPTH + 1][32])
{
	int	l;

	tree_hash(2, NULL, 0, NULL, 0, empty[0]);
	for (l = 0; l < FEED_SLOT_DEPTH; l++) {
		uint8_t	pair[64];

		memcpy(pair, empty[l], 32);
		memcpy(pair + 32, empty[l], 32);
		tree_hash(1, pair, 64, NULL, 0, empty[l + 1]);
	}
}

void
feed_slots_tree(const uint8_t (*leaves)[32], size_t n, uint8_t root[32],
    uint8_t (*paths)[FEED_SLOT_DEPTH][32])
{
	uint8_t		  empty[FEED_SLOT_DEPTH + 1][32], pair[64];
	uint8_t		(*level[FEED_SLOT_DEPTH + 1])[32];
	size_t		  width[FEED_SLOT_DEPTH + 1], i, j, sib;
	int		  l;

	feed_crypto_init();
	tree_empty(empty);
	if (n == 0 || n > FEED_SLOTS_MAX) {
		memcpy(root, empty[FEED_SLOT_DEPTH], 32);
		return;
	}
	level[0] = xcalloc(n, 32);
	memcpy(level[0], leaves, n * 32);
	width[0] = n;
	for (l = 0; l < FEED_SLOT_DEPTH; l++) {
		width[l + 1] = (width[l] + 1) / 2;
		level[l + 1] = xcalloc(width[l + 1], 32);
		for (i = 0; i < width[l + 1]; i++) {
			memcpy(pair, level[l][2 * i], 32);
			memcpy(pair + 32, 2 * i + 1 < width[l] ?
			    level[l][2 * i + 1] : empty[l], 32);
			tree_hash(1, pair, 64, NULL, 0, level[l + 1][i]);
		}
	}
	memcpy(root, level[FEED_SLOT_DEPTH][0], 32);
	for (j = 0; paths != NULL && j < n; j++) {
		for (l = 0; l < FEED_SLOT_DEPTH; l++) {
			sib = (j >> l) ^ 1;
			memcpy(paths[j][l], sib < width[l] ? level[l][sib] :
			    empty[l], 32);
		}
	}
	for (l = 0; l <= FEED_SLOT_DEPTH; l++)
		free(level[l]);
}

void
feed_slot_file(uint8_t out[FEED_SLOT_BYTES], uint32_t pos,
    const uint8_t sealed[FEED_SLOT_SEALED],
    const uint8_t path[FEED_SLOT_DEPTH][32])
{
	int	i;

	memcpy(out, SLOT_MAGIC, MAGIC_LEN);
	for (i = 0; i < 4; i++)
		out[MAGIC_LEN + i] = (uint8_t)(pos >> (8 * i));
	memcpy(out + MAGIC_LEN + 4, sealed, FEED_SLOT_SEALED);
	memcpy(out + MAGIC_LEN + 4 + FEED_SLOT_SEALED, path,
	    FEED_SLOT_DEPTH * 32);
}

static enum net_status
slot_fail(char **cause, const char *why)
{
	if (cause != NULL)
		*cause = xstrdup(why);
	return NET_ERR_KEYS;
}

enum net_status
feed_slot_open(const uint8_t *data, size_t len,
    const struct feed_slot_keys *k, const char *feed_id,
    const struct feed_members *m, int64_t serial, const uint8_t name[32],
    int64_t *since, uint8_t key[32], char **cause)
{
	const uint8_t		*sealed, *path;
	uint8_t			 h[32], pair[64], ad[32], plain[SLOT_PLAIN];
	unsigned long long	 plen;
	uint32_t		 pos = 0;
	uint64_t		 s;
	int			 i;

	feed_crypto_init();
	if (len != FEED_SLOT_BYTES || memcmp(data, SLOT_MAGIC, MAGIC_LEN) != 0)
		/*
		 * TRANSLATORS: this and the phrases below say what is
		 * wrong with this device's key slot of a feed encrypted to
		 * its members (a small file under keys/), after its path
		 * and a colon.
		 */
		return slot_fail(cause, _("it is not a key slot"));
	for (i = 3; i >= 0; i--)
		pos = (pos << 8) | data[MAGIC_LEN + i];
	sealed = data + MAGIC_LEN + 4;
	path = sealed + FEED_SLOT_SEALED;
	if (pos >= m->slots)
		return slot_fail(cause, _("its place is beyond the slots the "
		    "signed index counts"));
	/* Its name and seal, hashed up its path, must give the signed root. */
	feed_slot_leaf(name, sealed, h);
	for (i = 0; i < FEED_SLOT_DEPTH; i++) {
		if ((pos >> i) & 1) {
			memcpy(pair, path + 32 * i, 32);
			memcpy(pair + 32, h, 32);
		} else {
			memcpy(pair, h, 32);
			memcpy(pair + 32, path + 32 * i, 32);
		}
		tree_hash(1, pair, 64, NULL, 0, h);
	}
	if (sodium_memcmp(h, m->root, 32) != 0)
		return slot_fail(cause, _("it is not among the key slots the "
		    "signed index commits to"));
	slot_ad(feed_id, m->epoch, serial, name, ad);
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain, &plen, NULL,
	    sealed + SLOT_NONCE, FEED_SLOT_SEALED - SLOT_NONCE, ad, sizeof ad,
	    sealed, k->seal) != 0 || plen != SLOT_PLAIN) {
		sodium_memzero(plain, sizeof plain);
		return slot_fail(cause, _("it does not open with this "
		    "device's key"));
	}
	s = le64_get(plain);
	if (s > (uint64_t)serial || (int64_t)s < m->since) {
		sodium_memzero(plain, sizeof plain);
		return slot_fail(cause, _("it names a first serial outside "
		    "its key epoch"));
	}
	*since = (int64_t)s;
	memcpy(key, plain + 8, 32);
	sodium_memzero(plain, sizeof plain);
	return NET_OK;
}
