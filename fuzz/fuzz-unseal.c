/*
 * fuzz-unseal.c: libFuzzer target for the encrypted-object reader of
 * member-only feeds (feed_unseal_wrap in net/members.c: the stream's
 * framing, chunk tags, inflate, the plaintext cap). The first byte picks
 * how the rest is used:
 *
 *   0  as an encrypted object's bytes, opened with a fixed key;
 *   1  as a plaintext, sealed by the publisher's own sealer in pieces
 *      the input decides: it must open to exactly the plaintext;
 *   2  as chunks ([control][length, 2 bytes][bytes]...) that the target
 *      seals itself with valid keys but any tag, any size, the wrong
 *      associated data or none, around any compressed stream: the
 *      reader must open exactly the streams that are whole (one final
 *      chunk, last; full chunks before it; a zlib stream that ends with
 *      the last byte) and give what zlib inflates from them.
 *
 * Built only with ./configure --enable-fuzzing CC=clang; see fuzz/run.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <zlib.h>

#include "common/common.h"
#include "net/feed.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define ABYTES	crypto_secretstream_xchacha20poly1305_ABYTES
#define CHUNKS_MAX	6	/* chunks one input seals (mode 2) */

static const uint8_t	key[32] = "fuzz-unseal: a fixed object key";
static const uint8_t	ad[] = "fuzz-unseal: its associated data";

/* Opens sealed bytes; 0 with the plaintext in out, or -1. */
static int
fuzz_open(const uint8_t *data, size_t len, struct buf *out)
{
	struct feed_unseal	*u;
	FILE			*raw, *fp;
	char			 chunk[8192];
	size_t			 n;
	int			 rc = 0;

	buf_reset(out);
	if (len == 0)
		raw = fmemopen((void *)"", 1, "r");	/* fmemopen wants room */
	else
		raw = fmemopen((void *)(uintptr_t)data, len, "r");
	if (raw == NULL)
		return -1;
	if (len == 0)
		fgetc(raw);
	fp = feed_unseal_wrap(raw, key, ad, sizeof ad, &u);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(out, chunk, n);
	if (ferror(fp)) {
		if (feed_unseal_error(u) == NULL)
			abort();	/* a failure always says why */
		rc = -1;
	}
	fclose(fp);
	return rc;
}

static int
fuzz_collect(const void *p, size_t n, void *arg)
{
	buf_add(arg, p, n);
	return 0;
}

/* 1: the publisher's sealer, any plaintext, any pieces: a round trip. */
static void
fuzz_round_trip(const uint8_t *data, size_t len)
{
	struct feed_seal	*s;
	struct buf		 sealed, plain;
	size_t			 at = 0, step;

	buf_init(&sealed);
	buf_init(&plain);
	s = feed_seal_new(key, ad, sizeof ad, fuzz_collect, &sealed);
	while (at < len) {
		step = 1 + (data[at] * 257u) % 70000;
		if (step > len - at)
			step = len - at;
		feed_seal_add(s, data + at, step);
		at += step;
	}
	if (feed_seal_end(s) != 0)
		abort();
	feed_seal_free(s);
	if (fuzz_open((const uint8_t *)sealed.data, sealed.len, &plain) != 0 ||
	    plain.len != len || (len > 0 && memcmp(plain.data, data, len) != 0))
		abort();	/* what it sealed must open to what was given */
	buf_free(&sealed);
	buf_free(&plain);
}

/*
 * What zlib makes of a whole compressed stream: 0 and out, or -1 (also
 * past max bytes of output, so a few chunks cannot inflate for ever).
 */
static int
fuzz_inflate(const struct buf *z, struct buf *out, size_t max)
{
	z_stream	s;
	uint8_t		chunk[16384];
	int		rc;

	memset(&s, 0, sizeof s);
	if (inflateInit(&s) != Z_OK)
		abort();
	s.next_in = (Bytef *)(z->data != NULL ? z->data : "");
	s.avail_in = (uInt)z->len;
	do {
		s.next_out = chunk;
		s.avail_out = sizeof chunk;
		rc = inflate(&s, Z_NO_FLUSH);
		buf_add(out, chunk, sizeof chunk - s.avail_out);
	} while (rc == Z_OK && out->len <= max &&
	    (s.avail_out == 0 || s.avail_in > 0));
	inflateEnd(&s);
	if (out->len > max)
		return -2;
	return rc == Z_STREAM_END && s.avail_in == 0 ? 0 : -1;
}

/* 2: chunks sealed here, any tag, size and associated data. */
static void
fuzz_chunks(const uint8_t *data, size_t len)
{
	static const unsigned char tags[4] = {
		crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
		crypto_secretstream_xchacha20poly1305_TAG_FINAL,
		crypto_secretstream_xchacha20poly1305_TAG_PUSH,
		crypto_secretstream_xchacha20poly1305_TAG_REKEY,
	};
	crypto_secretstream_xchacha20poly1305_state st;
	uint8_t		 header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
	uint8_t		*m, *c, tag[CHUNKS_MAX];
	struct buf	 file, z, want, got;
	unsigned long long clen;
	size_t		 at = 0, n, mlen[CHUNKS_MAX], k = 0, i;
	int		 whole, ok, rc, badad = 0;
	uint8_t		 ctl;

	buf_init(&file);
	buf_init(&z);
	buf_init(&want);
	buf_init(&got);
	m = xcalloc(1, FEED_CHUNK);
	c = xmalloc(FEED_CHUNK + ABYTES);
	crypto_secretstream_xchacha20poly1305_init_push(&st, header, key);
	buf_add(&file, "globe-e1", 8);
	buf_add(&file, header, sizeof header);
	while (at + 3 <= len && k < CHUNKS_MAX) {
		ctl = data[at];
		n = (size_t)data[at + 1] | (size_t)data[at + 2] << 8;
		at += 3;
		if (n > len - at)
			n = len - at;
		memset(m, 0, FEED_CHUNK);
		memcpy(m, data + at, n);
		at += n;
		/* Bit 0: a full chunk (zeros after the bytes given). */
		mlen[k] = (ctl & 1) ? FEED_CHUNK : n;
		tag[k] = tags[(ctl >> 1) & 3];
		/* Bit 7: the associated data of another object. */
		badad |= (ctl & 0x80) != 0;
		crypto_secretstream_xchacha20poly1305_push(&st, c, &clen, m,
		    mlen[k], ad, (ctl & 0x80) ? 1 : sizeof ad, tag[k]);
		buf_add(&file, c, (size_t)clen);
		buf_add(&z, m, mlen[k]);
		k++;
	}
	/* Whole: full message chunks, then one final one; the right ad. */
	whole = k > 0 && !badad &&
	    tag[k - 1] == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
	for (i = 0; whole && i + 1 < k; i++)
		whole = tag[i] == crypto_secretstream_xchacha20poly1305_TAG_MESSAGE &&
		    mlen[i] == FEED_CHUNK;
	rc = fuzz_inflate(&z, &want, 16 * 1024 * 1024);
	if (rc != -2) {
		whole = whole && rc == 0;
		ok = fuzz_open((const uint8_t *)file.data, file.len, &got) == 0;
		if (ok != whole)
			abort();	/* refused a whole stream, or opened a broken one */
		if (ok && (got.len != want.len || (got.len > 0 &&
		    memcmp(got.data, want.data, got.len) != 0)))
			abort();
	}
	free(m);
	free(c);
	buf_free(&file);
	buf_free(&z);
	buf_free(&want);
	buf_free(&got);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf	out;

	if (sodium_init() < 0)
		abort();
	if (size == 0)
		return 0;
	switch (data[0] % 3) {
	case 0:
		buf_init(&out);
		fuzz_open(data + 1, size - 1, &out);
		buf_free(&out);
		break;
	case 1:
		fuzz_round_trip(data + 1, size - 1);
		break;
	default:
		fuzz_chunks(data + 1, size - 1);
		break;
	}
	return 0;
}
