/*
 * fuzz-source.c: libFuzzer target for globe-publish's directory source
 * reader (publish_source_check: the record lines, the client's parser
 * and limits, duplicates, references). The input is written to a file,
 * as the secretariat's export would be, and read back; whatever it
 * holds must be refused with a cause or accepted with as many records as
 * it has lines at most, and nothing may crash or leak. Built only with
 * ./configure --enable-fuzzing CC=clang; see fuzz/run.
 */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/common.h"
#include "publish/publish.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	path[64];
static int	fd = -1;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	enum publish_status	 st;
	char			*cause = NULL;
	size_t			 n, i, lines = 1;

	if (fd < 0) {
		snprintf(path, sizeof path, "/tmp/globe-fuzz-source.XXXXXX");
		if ((fd = mkstemp(path)) < 0)
			abort();
	}
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, len, 0) != (ssize_t)len)
		abort();
	st = publish_source_check(path, &n, &cause);
	for (i = 0; i < len; i++)
		lines += data[i] == '\n';
	if (st == PUBLISH_OK) {
		if (cause != NULL || n > lines)
			abort();
	} else if (cause == NULL || *cause == '\0')
		abort();	/* a refusal always says why */
	free(cause);
	return 0;
}
