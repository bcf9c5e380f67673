/*
 * open-probe.c: run by tests/net/members.sh. What a device removed from
 * a member-only feed can still do with the keys it held: it opens its
 * key slot of an old serial (as its sync did), steps the serial key
 * forward as far as it can, and tries to open an object of a later
 * index with it, under the later index's epoch and under the old one.
 * Prints "opened N bytes" or "refused: WHY"; exits 0 either way, 1 when
 * the old slot itself does not open (the probe is broken).
 *
 * usage: open-probe DEVICE-KEY PASSPHRASE-FILE|- OLD-INDEX OLD-SLOT
 *            NEW-INDEX NEW-OBJECT
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "common/common.h"
#include "net/feed.h"

/* Reads the whole object through its seal: its size, or -1. */
static long
probe_open(const char *path, const uint8_t key[32], const uint8_t *ad,
    size_t adlen, const char **why)
{
	struct feed_unseal	*u;
	char			 chunk[65536];
	FILE			*fp;
	long			 n = 0;
	size_t			 got;

	if ((fp = feed_unseal_open(path, key, ad, adlen, &u)) == NULL) {
		*why = "cannot read it";
		return -1;
	}
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		n += (long)got;
	if (ferror(fp)) {
		*why = feed_unseal_error(u) != NULL ? feed_unseal_error(u) : "?";
		n = -1;
	}
	fclose(fp);
	return n;
}

static char *
slurp(const char *path, size_t *len)
{
	char	*s = file_read_small(path, FEED_INDEX_MAX, len);

	if (s == NULL) {
		fprintf(stderr, "open-probe: %s: cannot read\n", path);
		exit(1);
	}
	return s;
}

int
main(int argc, char **argv)
{
	struct feed_index	 old, new;
	struct device_file	*f;
	struct device_key	*dk;
	struct feed_slot_keys	*sk;
	uint8_t			 name[32], *key, objkey[32], *ad;
	char			*text, *slot, *cause = NULL, *pass;
	const char		*why = "no key reaches its serial";
	const uint8_t		*epochs[2];
	size_t			 len, slen, plen = 0, adlen, i;
	int64_t			 since;
	long			 n = -1;

	if (argc != 7 || sodium_init() < 0) {
		fprintf(stderr, "usage: open-probe KEY PASSFILE|- OLD-INDEX "
		    "OLD-SLOT NEW-INDEX NEW-OBJECT\n");
		return 2;
	}
	pass = sodium_malloc(DEVICE_PASSPHRASE_MAX + 1);
	key = sodium_malloc(32);
	sk = sodium_malloc(sizeof *sk);
	if (pass == NULL || key == NULL || sk == NULL)
		return 1;
	if (device_file_read(argv[1], &f, &cause) != NET_OK ||
	    (strcmp(argv[2], "-") != 0 && device_passphrase_read(argv[2],
	    pass, DEVICE_PASSPHRASE_MAX + 1, &plen, &cause) != NET_OK) ||
	    device_file_unlock(f, pass, plen, &dk, &cause) != NET_OK) {
		fprintf(stderr, "open-probe: %s\n", cause);
		return 1;
	}
	text = slurp(argv[3], &len);
	if (feed_index_parse(text, len, &old, &cause) != NET_OK ||
	    !old.encrypted) {
		fprintf(stderr, "open-probe: old index: %s\n", cause);
		return 1;
	}
	free(text);
	slot = slurp(argv[4], &slen);
	if (feed_slot_keys_device(sk, dk->pk, dk->sk,
	    old.members.publisher) != 0)
		return 1;
	feed_slot_name(sk, old.feed_id, old.members.epoch, old.serial, name);
	if (feed_slot_open((const uint8_t *)slot, slen, sk, old.feed_id,
	    &old.members, old.serial, name, &since, key, &cause) != NET_OK) {
		fprintf(stderr, "open-probe: old slot: %s\n", cause);
		return 1;
	}
	free(slot);
	text = slurp(argv[5], &len);
	if (feed_index_parse(text, len, &new, &cause) != NET_OK ||
	    !new.encrypted) {
		fprintf(stderr, "open-probe: new index: %s\n", cause);
		return 1;
	}
	free(text);
	/* The serial key stepped forward from what the old slot gave. */
	if (feed_serial_key(key, since, new.snapshot.serial) == 0) {
		feed_object_key(key, &new.snapshot, objkey);
		epochs[0] = new.members.epoch;
		epochs[1] = old.members.epoch;
		for (i = 0; i < 2 && n < 0; i++) {
			ad = feed_object_ad(new.feed_id, &new.snapshot,
			    epochs[i], &adlen);
			n = probe_open(argv[6], objkey, ad, adlen, &why);
			free(ad);
		}
	}
	if (n >= 0)
		printf("opened %ld bytes\n", n);
	else
		printf("refused: %s\n", why);
	sodium_memzero(objkey, sizeof objkey);
	device_key_free(dk);
	device_file_free(f);
	feed_index_clear(&old);
	feed_index_clear(&new);
	sodium_free(sk);
	sodium_free(key);
	sodium_free(pass);
	return 0;
}
