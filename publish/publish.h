/*
 * publish.h: globe-publish, the program that writes feeds. publish.c holds
 * main and the options (publish, keygen, sign-file); write.c turns a
 * directory source and the previous feed in the output directory into the
 * next serial, encrypting it to the members' devices (members.c: key
 * epochs and slots) when a recipients file is given (recipients.c). It
 * links net/'s feed library (net/feed.h: records, index, minisign, the
 * member-only feeds' cryptography) and libcommon.a, nothing of the cache
 * or the network, and so cannot write what the client would parse
 * differently.
 */
#ifndef GLOBE_PUBLISH_H
#define GLOBE_PUBLISH_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "common/common.h"
#include "net/feed.h"

/* Status, message, and the exit code it maps to (the same codes as globe). */
#define PUBLISH_STATUS_LIST(X) \
	X(PUBLISH_OK,		N_("ok"),					EXIT_OK) \
	X(PUBLISH_ERR,		N_("cannot publish"),			EXIT_ERROR) \
	X(PUBLISH_ERR_USAGE,	N_("bad option"),				EXIT_USAGE) \
	X(PUBLISH_ERR_SOURCE,	N_("invalid source"),			EXIT_FEED) \
	X(PUBLISH_ERR_FEED,	N_("the feed in the output directory is unusable"), EXIT_ERROR) \
	X(PUBLISH_ERR_KEY,	N_("cannot use the secret key"),		EXIT_ERROR) \
	X(PUBLISH_ERR_WRITE,	N_("cannot write the feed"),		EXIT_ERROR)

#define PUBLISH_STATUS_ENUM(code, msg, exit) code,
enum publish_status { PUBLISH_STATUS_LIST(PUBLISH_STATUS_ENUM) };
#undef PUBLISH_STATUS_ENUM

const char	*publish_strerror(enum publish_status);
int		 publish_exit_code(enum publish_status);

#define PUBLISH_FEED_ID_DEFAULT		"globe-network"
#define PUBLISH_EXPIRES_DAYS_DEFAULT	30
#define PUBLISH_KEEP_DAYS_DEFAULT	7
#define PUBLISH_DAYS_MAX		36500

struct publish_options {
	const char	*source;	/* the JSON Lines directory source */
	const char	*out;		/* the feed directory */
	const struct minisign_seckey *key; /* borrowed; NULL: unsigned */
	/*
	 * Keys one of which must have signed the previous index.json
	 * (borrowed). With key set, its own public key is always trusted;
	 * these add the old key of a rollover. Without key and without
	 * these, the previous feed is taken as it is (an unsigned feed).
	 */
	const struct minisign_pubkey *previous_keys;
	size_t		 nprevious_keys;
	const char	*feed_id;	/* NULL: the previous one, or the default */
	const char	*reports_url;	/* the index's "reports", or NULL */
	/*
	 * The devices to encrypt the feed to (borrowed; NULL: a plain
	 * feed). Needs key, whose seed the feed's keys are derived from.
	 */
	const uint8_t	(*recipients)[32];
	size_t		 nrecipients;
	/* Signing keys to announce besides key's own (a rollover). */
	const struct minisign_pubkey *announce;
	size_t		 nannounce;
	int		 expires_days;
	int		 keep_days;
	time_t		 issued;	/* SOURCE_DATE_EPOCH, --issued or now */
	time_t		 now;		/* for the age of old objects */
};

struct publish_result {
	char		*feed_id;
	int64_t		 serial;
	struct feed_object snapshot;
	uint64_t	 nrecords;
	int		 has_delta;	/* there was a previous serial */
	int		 delta_kept;	/* smaller than the snapshot: listed */
	int		 delta_deletes_route; /* so not kept (write.c says why) */
	struct feed_object delta;
	uint64_t	 added, changed, deleted;
	size_t		 ndeltas;	/* deltas the new index lists */
	size_t		 removed;	/* old objects deleted (past --keep-days) */
	size_t		 removed_slots;	/* and old key slots */
	int		 encrypted;	/* to nrecipients devices */
	size_t		 nrecipients;
	int64_t		 epoch_since;	/* the key epoch's first serial */
	const char	*new_epoch;	/* why this serial began one, or NULL */
	size_t		 nkeys;		/* signing keys the index lists (0: none) */
};

/*
 * Publishes the next serial of the feed in opts->out from opts->source.
 * An invalid source is refused (PUBLISH_ERR_SOURCE, cause "FILE:LINE:
 * …") before anything is written. The output directory is a web root
 * others may write to: the previous index must carry a valid signature
 * by a trusted key (see previous_keys) and every object it names that
 * the new index lists again must match its size and sha256, otherwise
 * nothing is published (PUBLISH_ERR_FEED). Objects are written before
 * the index and its signature. Fills res (clear it with
 * publish_result_clear).
 */
enum publish_status publish_run(const struct publish_options *,
		    struct publish_result *, char **cause);
void		 publish_result_clear(struct publish_result *);
/*
 * Reads and validates a directory source as publish_run does (every
 * record, references, duplicates, the client's limits) without writing
 * anything: PUBLISH_OK and *nrecords, or PUBLISH_ERR_SOURCE / PUBLISH_ERR
 * with *cause (caller frees).
 */
enum publish_status publish_source_check(const char *path, size_t *nrecords,
		    char **cause);

/*
 * Reads a recipients file: one device a line, its recipient key (the
 * token `globe device init` prints) and a label, '#' comments and blank
 * lines ignored. A malformed or repeated key is refused with
 * "FILE:LINE: …" (PUBLISH_ERR_USAGE). *keys (caller frees) gets the
 * public keys in file order.
 */
enum publish_status publish_recipients_load(const char *path,
		    uint8_t (**keys)[32], size_t *n, char **cause);

/* The trusted comment minisign itself writes: "timestamp:T\tfile:NAME\thashed". */
char		*publish_trusted_comment(time_t, const char *path);

#endif
