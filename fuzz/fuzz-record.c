/*
 * fuzz-record.c: libFuzzer target for the lines of a feed object. The
 * input is parsed as a record line (feed_record_parse: JSON limits,
 * duplicate keys, NUL, UTF-8, types, required fields) and as an object
 * header (feed_header_parse). An accepted record must write a canonical
 * line (feed_record_json) that parses back to the same line, and every
 * string it holds must be valid UTF-8 without NUL. Built only with
 * ./configure --enable-fuzzing CC=clang; see fuzz/run.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "net/feed.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
fuzz_check_string(const char *s)
{
	if (s != NULL && !utf8_valid(s, strlen(s)))
		abort();
}

static void
fuzz_check_record(const struct record *rec)
{
	const struct record_type_info	*ti = &record_types[rec->type];
	size_t				 i, j;

	for (i = 0; i < ti->nfields; i++) {
		if (ti->fields[i].kind == RF_STRING) {
			fuzz_check_string(rec->v[i].s);
			if ((ti->fields[i].flags & RF_REQUIRED) &&
			    (rec->v[i].s == NULL || *rec->v[i].s == '\0'))
				abort();
			continue;
		}
		if (rec->v[i].n > FEED_LIST_MAX)
			abort();
		for (j = 0; j < rec->v[i].n; j++)
			fuzz_check_string(rec->v[i].list[j]);
	}
	if (record_key(rec) == NULL || *record_key(rec) == '\0')
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct record		 rec, again;
	struct feed_header	 h;
	char			*cause = NULL, *line, *line2;

	if (feed_record_parse((const char *)data, size, &rec,
	    &cause) == NET_OK) {
		if ((int)rec.type != -1) {
			fuzz_check_record(&rec);
			line = feed_record_json(&rec);
			if (feed_record_parse(line, strlen(line), &again,
			    &cause) != NET_OK || again.type != rec.type)
				abort();	/* what we write we read */
			line2 = feed_record_json(&again);
			if (strcmp(line, line2) != 0)
				abort();
			free(line2);
			free(line);
			record_clear(&again);
		}
		record_clear(&rec);
	} else {
		if (cause == NULL || *cause == '\0')
			abort();	/* every refusal says why */
		free(cause);
	}
	cause = NULL;

	if (feed_header_parse((const char *)data, size, &h, &cause) ==
	    NET_OK) {
		if (strcmp(h.format, "globe-feed/1") != 0 || h.serial < 0 ||
		    (strcmp(h.kind, "delta") == 0) != (h.from >= 0))
			abort();
		fuzz_check_string(h.feed_id);
		feed_header_clear(&h);
	} else {
		if (cause == NULL)
			abort();
		free(cause);
	}
	return 0;
}
