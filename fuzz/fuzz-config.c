/*
 * fuzz-config.c: libFuzzer target for the config file parser
 * (tui_config_load: key = value lines, comments, pubkeys inline or as a
 * pasted .pub file, bind lines checked with the interface's own parser,
 * numbers and paths). The input is written to a 0600 file and loaded; a
 * refusal must name its line ("config:N: …"), an accepted config must
 * hold at most as many public keys as the parser allows, and nothing may
 * crash or leak. Built only with ./configure --enable-fuzzing CC=clang;
 * see fuzz/run.
 */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/common.h"
#include "tui/cmd.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	path[64];
static int	fd = -1;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct tui_config	 c;
	char			*cause = NULL;
	int			 rc;

	if (fd < 0) {
		snprintf(path, sizeof path, "/tmp/globe-fuzz-config.XXXXXX");
		if ((fd = mkstemp(path)) < 0)
			abort();
		/* No path in the input may name a file we would then read. */
		setenv("HOME", "/nonexistent", 1);
	}
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, len, 0) != (ssize_t)len)
		abort();
	memset(&c, 0, sizeof c);
	rc = tui_config_load(&c, path, 1, &cause);
	if (rc == 0) {
		if (cause != NULL || c.npubkeys > TUI_PUBKEYS_MAX)
			abort();
	} else if (cause == NULL || strncmp(cause, "config:", 7) != 0)
		abort();	/* every refusal names its line */
	free(cause);
	tui_config_clear(&c);
	return 0;
}
