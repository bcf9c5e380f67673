/*
 * device-probe.c: run by tests/reliability/device-secrets.sh. Syncs a
 * cache from a feed encrypted to its members exactly as `globe sync`
 * does (net_sync, the device key protected by a passphrase that the
 * sync asks for through its callback), notes the flags of the memory
 * the sync hands the callback for the passphrase (/proc/self/smaps:
 * "lo" locked, "dd" left out of core dumps), closes everything, and
 * then reads
 * its own writable memory (memscan.h) for the passphrase and for the
 * device's secret key. It keeps both only XOR-masked: the secret key
 * it learns by unlocking the key file first (its copies wiped, as the
 * sync's must be). Prints "flags: VMFLAGS", "sanitizer: asan" or
 * "none" (AddressSanitizer makes mlock do nothing), "passphrase
 * copies: N" and "key copies: N"; exits 0 when the sync worked.
 *
 * usage: device-probe FEED PUBKEY-FILE DEVICE-KEY DB MASKED-PASSPHRASE-HEX
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cache/cache.h"
#include "common/common.h"
#include "net/net.h"
#include "tests/net/memscan.h"

static unsigned char	pass[256], key[32];
static size_t		npass, nkey;
static char		flags[256];

static size_t
unhex(const char *hex, unsigned char *out, size_t max)
{
	unsigned int	byte;
	size_t		i;

	for (i = 0; hex[2 * i] != '\0' && i < max; i++) {
		if (sscanf(hex + 2 * i, "%2x", &byte) != 1)
			return 0;
		out[i] = (unsigned char)byte;
	}
	return i;
}

/* The VmFlags of the mapping that holds p (/proc/self/smaps), or "". */
static void
vm_flags(const void *p, char *out, size_t size)
{
	unsigned long	 lo, hi, at = (unsigned long)p;
	char		 line[512];
	size_t		 n;
	int		 in = 0;
	FILE		*fp;

	snprintf(out, size, "%s", "");
	if ((fp = fopen("/proc/self/smaps", "r")) == NULL)
		return;
	while (fgets(line, sizeof line, fp) != NULL) {
		/* A mapping's line starts "lo-hi "; its attributes "Name:". */
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2)
			in = at >= lo && at < hi;
		else if (in && strncmp(line, "VmFlags:", 8) == 0) {
			n = strcspn(line + 8, "\n");
			if (n >= size)
				n = size - 1;
			memcpy(out, line + 8, n);
			out[n] = '\0';
			break;
		}
	}
	fclose(fp);
}

/* The passphrase, unmasked straight into the sync's buffer. */
static int
probe_passphrase(char *buf, size_t size, int attempt, void *arg)
{
	size_t	i;

	(void)arg;
	if (attempt > 1 || npass > size)
		return -1;
	vm_flags(buf, flags, sizeof flags);
	for (i = 0; i < npass; i++)
		buf[i] = (char)(pass[i] ^ MASK);
	return (int)npass;
}

int
main(int argc, char **argv)
{
	struct net_options	 o;
	struct net_result	 res;
	struct device_file	*f;
	struct device_key	*k;
	struct cache		*c = NULL;
	char			*cause = NULL, *pub, *dir, *p;
	const char		*keys[1];
	size_t			 i;

	if (argc != 6) {
		fprintf(stderr, "usage: device-probe FEED PUB DEVICE-KEY DB "
		    "MASKED-PASS\n");
		return 2;
	}
	npass = unhex(argv[5], pass, sizeof pass);
	if (npass == 0 || (pub = read_file(argv[2])) == NULL)
		return 2;
	/* The secret key, learnt and masked before anything else runs. */
	if (device_file_read(argv[3], &f, &cause) != NET_OK ||
	    (p = sodium_malloc(npass)) == NULL) {
		fprintf(stderr, "device-probe: %s\n", cause);
		return 1;
	}
	for (i = 0; i < npass; i++)
		p[i] = (char)(pass[i] ^ MASK);
	if (device_file_unlock(f, p, npass, &k, &cause) != NET_OK) {
		fprintf(stderr, "device-probe: %s\n", cause);
		return 1;
	}
	sodium_free(p);
	device_file_free(f);
	for (i = 0; i < sizeof key; i++)
		key[i] = k->sk[i] ^ MASK;
	nkey = sizeof key;
	device_key_free(k);
	keys[0] = pub;
	memset(&o, 0, sizeof o);
	o.feed = argv[1];
	o.pubkeys = keys;
	o.npubkeys = 1;
	o.device_key = argv[3];
	o.passphrase = probe_passphrase;
	o.tmp_dir = dir = path_dirname(argv[4]);
	if (cache_open(argv[4], 0, &c, &cause) != CACHE_OK) {
		fprintf(stderr, "device-probe: %s\n", cause);
		return 1;
	}
	memset(&res, 0, sizeof res);
	if (net_sync(c, &o, NULL, NULL, &res, &cause) != NET_OK) {
		fprintf(stderr, "device-probe: sync: %s\n", cause);
		return 1;
	}
	net_result_clear(&res);
	cache_close(c);
	free(pub);
	free(dir);
	printf("flags:%s\n", flags);
#ifdef __SANITIZE_ADDRESS__
	printf("sanitizer: asan\n");
#else
	printf("sanitizer: none\n");
#endif
	/*
	 * Its tail too: a freed heap block's first 16 bytes are the
	 * allocator's, the rest is left as it was.
	 */
	printf("passphrase copies: %zu\n", scan_self(pass, npass) +
	    (npass > 24 ? scan_self(pass + 16, npass - 16) : 0));
	printf("key copies: %zu\n", scan_self(key, nkey));
	return 0;
}
