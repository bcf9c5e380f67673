/*
 * search-latency.c: times cache_search the way the TUI's search view calls
 * it: once per keystroke with the text typed so far, as many results as a
 * screen shows. Reads queries one per line, types each one character
 * (code point) at a time and times every prefix. Prints one line of
 * key=value figures (milliseconds) for bench/run:
 *
 *   bench/search-latency DB QUERIES [LIMIT] [SAMPLES-OUT]
 *
 * SAMPLES-OUT, if given, gets "prefix<TAB>ms<TAB>hits" per keystroke.
 * Built by bench/run against a build's libcache.a and libcommon.a; not
 * part of make check.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/common.h"
#include "cache/cache.h"

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
quantile(const double *v, size_t n, double q)
{
	size_t	i;

	if (n == 0)
		return 0;
	i = (size_t)(q * (double)(n - 1) + 0.5);
	return v[i < n ? i : n - 1];
}

static long
vm_hwm_kib(void)
{
	FILE	*f;
	char	 line[256];
	long	 kib = -1;

	if ((f = fopen("/proc/self/status", "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL) {
		if (strncmp(line, "VmHWM:", 6) == 0)
			kib = strtol(line + 6, NULL, 10);
	}
	fclose(f);
	return kib;
}

int
main(int argc, char **argv)
{
	struct cache		*c;
	struct cache_query	 q;
	struct cache_hits	 hits;
	FILE			*in, *out = NULL;
	char			 line[1024], *cause = NULL, prefix[1024];
	double			*lat = NULL, t0, ms, total = 0;
	size_t			 n = 0, cap = 0, len, i, nq = 0, limit = 50;
	uint32_t		 cp;
	int			 k;
	enum cache_status	 st;

	if (argc < 3) {
		fprintf(stderr, "usage: search-latency DB QUERIES [LIMIT] "
		    "[SAMPLES-OUT]\n");
		return 2;
	}
	if (argc > 3)
		limit = (size_t)strtoul(argv[3], NULL, 10);
	st = cache_open(argv[1], CACHE_OPEN_READONLY, &c, &cause);
	if (st != CACHE_OK) {
		fprintf(stderr, "search-latency: %s: %s\n", cache_strerror(st),
		    cause != NULL ? cause : "");
		return 1;
	}
	if ((in = fopen(argv[2], "r")) == NULL) {
		perror(argv[2]);
		return 1;
	}
	if (argc > 4 && (out = fopen(argv[4], "w")) == NULL) {
		perror(argv[4]);
		return 1;
	}
	while (fgets(line, sizeof line, in) != NULL) {
		len = strcspn(line, "\r\n");
		line[len] = '\0';
		if (len == 0)
			continue;
		nq++;
		for (i = 0; i < len; i += (size_t)k) {
			k = utf8_decode(line + i, len - i, &cp);
			if (k <= 0)
				k = 1;
			memcpy(prefix, line, i + (size_t)k);
			prefix[i + (size_t)k] = '\0';
			memset(&q, 0, sizeof q);
			q.text = prefix;
			q.limit = limit;
			memset(&hits, 0, sizeof hits);
			t0 = now_ms();
			st = cache_search(c, &q, &hits, &cause);
			ms = now_ms() - t0;
			if (st != CACHE_OK) {
				fprintf(stderr, "search-latency: '%s': %s: %s\n",
				    prefix, cache_strerror(st),
				    cause != NULL ? cause : "");
				return 1;
			}
			if (out != NULL)
				fprintf(out, "%s\t%.3f\t%zu\n", prefix, ms, hits.n);
			cache_hits_free(&hits);
			if (n == cap) {
				cap = cap ? cap * 2 : 4096;
				lat = xreallocarray(lat, cap, sizeof *lat);
			}
			lat[n++] = ms;
			total += ms;
		}
	}
	fclose(in);
	if (out != NULL)
		fclose(out);
	qsort(lat, n, sizeof *lat, cmp_double);
	printf("queries=%zu keystrokes=%zu p50=%.3f p90=%.3f p99=%.3f "
	    "max=%.3f mean=%.3f hwm_kib=%ld\n", nq, n, quantile(lat, n, 0.50),
	    quantile(lat, n, 0.90), quantile(lat, n, 0.99),
	    n ? lat[n - 1] : 0, n ? total / (double)n : 0, vm_hwm_kib());
	free(lat);
	cache_close(c);
	return 0;
}
