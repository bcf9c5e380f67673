/*
 * token-probe.c: run by tests/reliability/secrets.sh. Syncs a cache from
 * an https feed with a bearer token exactly as `globe sync` does
 * (net_sync), closes everything, and then reads its own writable memory
 * (/proc/self/maps and /proc/self/mem: the heap, anonymous mappings and
 * the stack) for the token, as a core dump at exit would show it. The
 * probe keeps the token only XOR-masked and compares byte by byte, so
 * the one copy it looks for is never its own. Prints the number of
 * copies found and exits 0 when the sync worked.
 *
 * usage: token-probe FEED-URL CA-FILE TOKEN-FILE PUBKEY-FILE DB MASKED-HEX
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache/cache.h"
#include "common/common.h"
#include "net/net.h"
#include "tests/net/memscan.h"

static unsigned char	masked[256];
static size_t		nmasked;

int
main(int argc, char **argv)
{
	struct net_options	 o;
	struct net_result	 res;
	struct cache		*c = NULL;
	enum net_status		 st;
	char			*cause = NULL, *pub, *dir;
	const char		*keys[1];
	size_t			 i;
	unsigned int		 byte;

	if (argc != 7) {
		fprintf(stderr, "usage: token-probe URL CA TOKEN-FILE PUB DB "
		    "MASKED-HEX\n");
		return 2;
	}
	for (i = 0; argv[6][2 * i] != '\0' && i < sizeof masked; i++) {
		if (sscanf(argv[6] + 2 * i, "%2x", &byte) != 1)
			return 2;
		masked[i] = (unsigned char)byte;
	}
	nmasked = i;
	if ((pub = read_file(argv[4])) == NULL)
		return 2;
	keys[0] = pub;
	memset(&o, 0, sizeof o);
	o.feed = argv[1];
	o.ca_file = argv[2];
	o.token_file = argv[3];
	o.pubkeys = keys;
	o.npubkeys = 1;
	o.tmp_dir = dir = path_dirname(argv[5]);
	if (cache_open(argv[5], 0, &c, &cause) != CACHE_OK) {
		fprintf(stderr, "token-probe: %s\n", cause);
		return 1;
	}
	memset(&res, 0, sizeof res);
	st = net_sync(c, &o, NULL, NULL, &res, &cause);
	if (st != NET_OK) {
		fprintf(stderr, "token-probe: sync: %s\n", cause);
		return 1;
	}
	net_result_clear(&res);
	cache_close(c);
	free(pub);
	free(dir);
	printf("copies: %zu\n", scan_self(masked, nmasked));
	return 0;
}
