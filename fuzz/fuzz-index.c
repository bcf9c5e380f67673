/*
 * fuzz-index.c: libFuzzer target for index.json and its signature. The
 * input is parsed as an index (feed_index_parse with every check it
 * makes: format, types, object paths, the delta chain, the members object
 * of an encrypted index, announced keys); an accepted index must
 * serialize (feed_index_json) and parse again to the same text. The
 * same bytes are also tried as a .minisig text against a fixed key, and
 * the index's times through feed_time_parse. Built only with
 * ./configure --enable-fuzzing CC=clang; see fuzz/run.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/common.h"
#include "net/feed.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
fuzz_check_object(const struct feed_object *obj, int encrypted)
{
	char	*want;

	want = xasprintf("objects/%s%s", obj->sha256, encrypted ? ".enc" :
	    ".jsonl");
	if (obj->path == NULL || strcmp(obj->path, want) != 0 ||
	    obj->size == 0)
		abort();
	free(want);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct minisign_pubkey	 pk;
	static struct minisign_seckey	 sk;
	static int			 have_pk;
	struct feed_index		 ix, again;
	enum net_status			 status;
	char				*cause = NULL, *text, *text2;
	time_t				 t;
	size_t				 i;

	if (size > FEED_INDEX_MAX)
		return 0;	/* refused by size before parsing */
	if (!have_pk) {
		minisign_keygen(&sk, &pk);	/* a key nobody else holds */
		have_pk = 1;
	}

	status = feed_index_parse((const char *)data, size, &ix, &cause);
	if (status == NET_OK) {
		if (cause != NULL)
			abort();	/* success leaves no cause */
		/* Paths are exactly objects/<sha256>.jsonl (.enc); deltas go up. */
		fuzz_check_object(&ix.snapshot, ix.encrypted);
		if (ix.snapshot.serial > ix.serial)
			abort();
		for (i = 0; i < ix.ndeltas; i++) {
			fuzz_check_object(&ix.deltas[i], ix.encrypted);
			if (ix.deltas[i].from >= ix.deltas[i].serial ||
			    ix.deltas[i].serial > ix.serial)
				abort();
		}
		/* An encrypted index's epoch began at or before its serial. */
		if (ix.encrypted && (ix.members.since > ix.serial ||
		    ix.members.slots < 1 || ix.members.slots > FEED_SLOTS_MAX))
			abort();
		if (ix.nkeys > FEED_KEYS_MAX || (ix.nkeys > 0) != ix.has_keys)
			abort();
		(void)feed_time_parse(ix.issued, &t);
		(void)feed_time_parse(ix.expires, &t);
		text = feed_index_json(&ix);
		if (feed_index_parse(text, strlen(text), &again,
		    &cause) != NET_OK)
			abort();	/* what we write we must read */
		text2 = feed_index_json(&again);
		if (strcmp(text, text2) != 0)
			abort();	/* and it is stable */
		free(text2);
		free(text);
		feed_index_clear(&again);
		feed_index_clear(&ix);
	} else {
		if (cause == NULL || *cause == '\0')
			abort();	/* every refusal says why */
		free(cause);
	}
	cause = NULL;

	/* The same bytes as a signature of a fixed message. */
	if (size <= FEED_SIG_MAX) {
		text = xstrndup((const char *)data, size);
		status = minisign_verify(&pk, 1, "index", 5, text, size,
		    &cause);
		if (status == NET_OK)
			abort();	/* a forgery with no secret key */
		free(cause);
		free(text);
	}
	return 0;
}
