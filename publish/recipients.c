/*
 * recipients.c: the recipients file of globe-publish --recipients, the
 * member devices a feed is encrypted to. One device a line: the
 * recipient key `globe device init` printed, then a label saying whose
 * device it is; '#' starts a comment, blank lines are ignored. Every
 * mistake names its line, and nothing is published when there is one.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/feed.h"
#include "publish/publish.h"

#define RECIPIENTS_FILE_MAX	(16 * 1024 * 1024)
#define RECIPIENTS_ERRORS	10	/* mistakes listed in the message */

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Before another mistake: a line break, when one is listed already. */
static void
recipients_newline(struct buf *err)
{
	if (err->len > 0)
		buf_addc(err, '\n');
}

enum publish_status
publish_recipients_load(const char *path, uint8_t (**keys)[32], size_t *n,
    char **cause)
{
	uint8_t		(*v)[32] = NULL;
	size_t		 *lines = NULL, count = 0, cap = 0, lineno = 0, i, len;
	size_t		  nerr = 0;
	struct buf	  err;
	char		 *text, *line, *next, *tok, *end, *label, *safe;

	*keys = NULL;
	*n = 0;
	if ((text = file_read_small(path, RECIPIENTS_FILE_MAX, NULL)) == NULL) {
		*cause = xasprintf("%s: %s", path, errno == EFBIG ?
		    _("too large for a recipients file") : strerror(errno));
		return PUBLISH_ERR_USAGE;
	}
	buf_init(&err);
	for (line = text; line != NULL; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((end = strchr(line, '#')) != NULL)
			*end = '\0';
		for (tok = line; is_blank(*tok); tok++)
			;
		if (*tok == '\0')
			continue;
		for (end = tok; *end != '\0' && !is_blank(*end); end++)
			;
		len = (size_t)(end - tok);
		for (label = end; is_blank(*label); label++)
			;
		if (count == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
			lines = xreallocarray(lines, cap, sizeof *lines);
		}
		if (device_recipient_parse(tok, len, v[count]) != 0) {
			*end = '\0';
			safe = sanitize(tok, SANITIZE_LINE);
			if (nerr++ < RECIPIENTS_ERRORS) {
				recipients_newline(&err);
				/*
				 * TRANSLATORS: FILE:LINE: as a compiler says
				 * where; then the word on that line. globe1
				 * starts every recipient key, and `globe
				 * device init` is a command: keep them.
				 */
				buf_addf(&err, _("%s:%zu: '%s' is not a "
				    "recipient key (globe1 and 48 characters, "
				    "as `globe device init` prints it)"), path,
				    lineno, safe);
			}
			free(safe);
			continue;
		}
		if (*label == '\0') {
			if (nerr++ < RECIPIENTS_ERRORS) {
				recipients_newline(&err);
				/*
				 * TRANSLATORS: FILE:LINE: a recipient key
				 * alone on its line, without the name of
				 * whose device it is.
				 */
				buf_addf(&err, _("%s:%zu: the key has no label "
				    "(write whose device it is after it)"),
				    path, lineno);
			}
			continue;
		}
		for (i = 0; i < count; i++) {
			if (memcmp(v[i], v[count], 32) == 0)
				break;
		}
		if (i < count) {
			if (nerr++ < RECIPIENTS_ERRORS) {
				recipients_newline(&err);
				/*
				 * TRANSLATORS: FILE:LINE:, then the earlier
				 * line of the same file with that key.
				 */
				buf_addf(&err, _("%s:%zu: the same recipient "
				    "key as line %zu"), path, lineno, lines[i]);
			}
			continue;
		}
		lines[count++] = lineno;
	}
	free(text);
	free(lines);
	if (nerr == 0 && count == 0)
		/* TRANSLATORS: %s is the recipients file. */
		buf_addf(&err, _("%s: no recipient (one line per device: its "
		    "recipient key and a label)"), path);
	else if (nerr == 0 && count > FEED_SLOTS_MAX)
		/*
		 * TRANSLATORS: the recipients file, the devices it lists
		 * (the form follows them), the most a feed may have.
		 */
		buf_addf(&err, P_("%s: %zu recipient, more than the %d a feed "
		    "may have", "%s: %zu recipients, more than the %d a feed "
		    "may have", count), path, count, FEED_SLOTS_MAX);
	else if (nerr > RECIPIENTS_ERRORS) {
		recipients_newline(&err);
		/* TRANSLATORS: under the first mistakes listed: the rest. */
		buf_addf(&err, P_("(and %zu more error)", "(and %zu more "
		    "errors)", nerr - RECIPIENTS_ERRORS),
		    nerr - RECIPIENTS_ERRORS);
	}
	if (err.len > 0) {
		*cause = buf_detach(&err);
		free(v);
		return PUBLISH_ERR_USAGE;
	}
	buf_free(&err);
	*keys = v;
	*n = count;
	return PUBLISH_OK;
}
