/*
 * fuzz-slot.c: libFuzzer target for the key-slot reader of member-only
 * feeds (feed_slot_open in net/members.c: size, magic, place, Merkle
 * path to the signed root, the sealed payload and its bounds). The
 * first byte picks how the rest is used:
 *
 *   even  as a slot file fetched for a fixed device, checked against a
 *         fixed index: nothing is forged, so it never opens;
 *   odd   as a feed of 1 to 40 devices with first serials the input
 *         chooses (some outside the epoch), their slots written as the
 *         publisher writes them, then bytes of some slots changed as the
 *         input says, and one slot perhaps moved into another's place:
 *         every device must open exactly its own untouched slot with a
 *         first serial inside the epoch, and get its key; every other
 *         slot must be refused.
 *
 * Built only with ./configure --enable-fuzzing CC=clang; see fuzz/run.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "common/common.h"
#include "net/feed.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define DEVICES		40
#define SERIAL		20	/* the serial of the index */
#define SINCE		10	/* its epoch's first serial */
#define FEED_ID		"fuzz-feed"

static struct feed_epoch	*epoch;
static uint8_t			 dev_pk[DEVICES][32], dev_sk[DEVICES][32];
static struct feed_slot_keys	 dev_keys[DEVICES];
static uint8_t			 epoch_id[16] = "fuzz-slot epoch";

static void
fuzz_setup(void)
{
	uint8_t	seed[32];
	int	i;

	if (epoch != NULL)
		return;
	if (sodium_init() < 0)
		abort();
	memset(seed, 7, sizeof seed);
	epoch = feed_epoch_derive(seed, FEED_ID, epoch_id);
	for (i = 0; i < DEVICES; i++) {
		memset(seed, i + 1, sizeof seed);
		crypto_kx_seed_keypair(dev_pk[i], dev_sk[i], seed);
		if (feed_slot_keys_device(&dev_keys[i], dev_pk[i], dev_sk[i],
		    epoch->kx_pk) != 0)
			abort();
	}
}

static void
fuzz_members(struct feed_members *m, uint32_t n)
{
	memset(m, 0, sizeof *m);
	memcpy(m->epoch, epoch_id, sizeof m->epoch);
	m->since = SINCE;
	memcpy(m->publisher, epoch->kx_pk, 32);
	m->slots = n;
}

/* Even: raw bytes as device 0's slot of a one-device index. */
static void
fuzz_raw(const uint8_t *data, size_t len)
{
	struct feed_members	 m;
	uint8_t			 name[32], key[32];
	int64_t			 since;
	char			*cause = NULL;

	fuzz_members(&m, 1 + (len > 0 ? data[0] % 8 : 0));
	memset(m.root, 0x5a, sizeof m.root);
	feed_slot_name(&dev_keys[0], FEED_ID, epoch_id, SERIAL, name);
	if (feed_slot_open(data, len, &dev_keys[0], FEED_ID, &m, SERIAL, name,
	    &since, key, &cause) == NET_OK)
		abort();	/* a forged slot opened */
	if (cause == NULL)
		abort();	/* a refusal always says why */
	free(cause);
}

/* Odd: a real feed's slots, some changed; each opens for its own alone. */
static void
fuzz_feed(const uint8_t *data, size_t len)
{
	struct feed_members	 m;
	struct feed_slot_keys	 pk;
	uint8_t			 (*names)[32], (*sealed)[FEED_SLOT_SEALED];
	uint8_t			 (*leaves)[32], (*paths)[FEED_SLOT_DEPTH][32];
	uint8_t			 (*files)[FEED_SLOT_BYTES], *touched;
	uint8_t			 key[32], want[32], original[FEED_SLOT_BYTES];
	int64_t			*since, got;
	size_t			 n, i, at, pos, mover = 0, target = 0;
	char			*cause;
	int			 rc, moved = 0;

	n = 1 + (len > 0 ? data[0] % DEVICES : 0);
	names = xcalloc(n, sizeof *names);
	sealed = xcalloc(n, sizeof *sealed);
	leaves = xcalloc(n, sizeof *leaves);
	paths = xcalloc(n, sizeof *paths);
	files = xcalloc(n, sizeof *files);
	touched = xcalloc(n, 1);
	since = xcalloc(n, sizeof *since);
	fuzz_members(&m, (uint32_t)n);
	for (i = 0; i < n; i++) {
		/* Mostly inside the epoch (10..20), sometimes outside. */
		since[i] = 1 + i < len ? (int64_t)(data[1 + i] % 24) : SINCE;
		memcpy(key, epoch->key, 32);
		if (since[i] >= SINCE)
			feed_serial_key(key, SINCE, since[i]);
		feed_slot_keys_publisher(&pk, epoch, dev_pk[i]);
		feed_slot_name(&pk, FEED_ID, epoch_id, SERIAL, names[i]);
		feed_slot_seal(&pk, FEED_ID, epoch_id, SERIAL, names[i],
		    since[i], key, sealed[i]);
		feed_slot_leaf(names[i], sealed[i], leaves[i]);
	}
	feed_slots_tree((const uint8_t (*)[32])leaves, n, m.root, paths);
	for (i = 0; i < n; i++)
		feed_slot_file(files[i], (uint32_t)i, sealed[i],
		    (const uint8_t (*)[32])paths[i]);
	/* Then the changes: (slot, byte, xor) triples. */
	for (at = 1 + n; at + 3 <= len; at += 3) {
		i = data[at] % n;
		pos = ((size_t)data[at + 1] * 3) % FEED_SLOT_BYTES;
		if (data[at + 2] == 0xff && n > 1) {
			/* One slot in another's place, once. */
			if (!moved) {
				mover = i;
				target = (i + 1 + data[at + 1] % (n - 1)) % n;
				moved = 1;
			}
			continue;
		}
		files[i][pos] ^= data[at + 2];
	}
	if (moved)
		memcpy(files[target], files[mover], FEED_SLOT_BYTES);
	/* Changed: by what it holds now (two changes may undo each other). */
	for (i = 0; i < n; i++) {
		feed_slot_file(original, (uint32_t)i, sealed[i],
		    (const uint8_t (*)[32])paths[i]);
		touched[i] = memcmp(original, files[i], FEED_SLOT_BYTES) != 0;
	}
	for (i = 0; i < n; i++) {
		cause = NULL;
		rc = feed_slot_open(files[i], FEED_SLOT_BYTES, &dev_keys[i],
		    FEED_ID, &m, SERIAL, names[i], &got, key, &cause);
		if (!touched[i] && since[i] >= SINCE && since[i] <= SERIAL) {
			memcpy(want, epoch->key, 32);
			feed_serial_key(want, SINCE, since[i]);
			if (rc != NET_OK || got != since[i] ||
			    memcmp(key, want, 32) != 0)
				abort();	/* its own slot did not open */
		} else if (rc == NET_OK)
			abort();	/* a changed or moved slot, or a bad
					 * first serial, opened */
		else if (cause == NULL)
			abort();
		free(cause);
	}
	free(names);
	free(sealed);
	free(leaves);
	free(paths);
	free(files);
	free(touched);
	free(since);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	if (size == 0)
		return 0;
	if (data[0] % 2 == 0)
		fuzz_raw(data + 1, size - 1);
	else
		fuzz_feed(data + 1, size - 1);
	return 0;
}
