/*
 * memscan.h: for the probes that prove a secret is gone from memory
 * (token-probe.c, device-probe.c): count the copies of a masked byte
 * string in every private writable mapping of this process, as a core
 * dump at exit would show it. The probe keeps the secret only XOR-masked
 * with MASK, so the one copy it looks for is never its own. And the small
 * file read both probes use for a public key.
 */
#ifndef GLOBE_TESTS_MEMSCAN_H
#define GLOBE_TESTS_MEMSCAN_H

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "common/common.h"

#define MASK	0x5a

/* Copies of the masked string in [buf, buf + len). */
static size_t
count_in(const unsigned char *buf, size_t len, const unsigned char *masked,
    size_t nmasked)
{
	size_t	i, j, n = 0;

	for (i = 0; i + nmasked <= len; i++) {
		for (j = 0; j < nmasked; j++)
			if ((unsigned char)(buf[i + j] ^ MASK) != masked[j])
				break;
		if (j == nmasked)
			n++;
	}
	return n;
}

/* Scans every private writable mapping of this process. */
static size_t
scan_self(const unsigned char *masked, size_t nmasked)
{
	static unsigned char	 chunk[1 << 20];
	unsigned long		 lo, hi, at;
	char			 line[512], perms[8];
	FILE			*maps;
	ssize_t			 got;
	size_t			 n = 0, want;
	int			 mem;

	if ((maps = fopen("/proc/self/maps", "r")) == NULL ||
	    (mem = open("/proc/self/mem", O_RDONLY)) < 0)
		return (size_t)-1;
	while (fgets(line, sizeof line, maps) != NULL) {
		/*
		 * Past 1 GiB is a sanitizer's shadow or a reservation, not
		 * memory the program wrote (and would take hours to read).
		 */
		if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) != 3 ||
		    perms[0] != 'r' || perms[1] != 'w' ||
		    hi - lo > (1UL << 30))
			continue;
		for (at = lo; at < hi; at += (unsigned long)got) {
			want = hi - at < sizeof chunk - nmasked ?
			    hi - at : sizeof chunk - nmasked;
			got = pread(mem, chunk, want, (off_t)at);
			if (got <= 0)
				break;
			if ((unsigned long)chunk >= at &&
			    (unsigned long)chunk < at + (unsigned long)got)
				continue;	/* reading ourselves reading */
			n += count_in(chunk, (size_t)got, masked, nmasked);
			if ((size_t)got > nmasked)
				got -= (ssize_t)nmasked;	/* overlap */
		}
		memset(chunk, 0, sizeof chunk);
	}
	close(mem);
	fclose(maps);
	return n;
}

/* A small text file, whole (a public key). Caller frees; NULL if none. */
static char *
read_file(const char *path)
{
	char	 buf[8192];
	size_t	 n;
	FILE	*fp;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	return xstrdup(buf);
}

#endif
