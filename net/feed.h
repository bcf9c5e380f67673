/*
 * feed.h: feed format v1 without the cache or the network. The record
 * lines of an object (parse, validate, canonical form), its header line,
 * index.json (parse, validate, write), the contract's times and limits,
 * minisign keys and signatures, and the status list all of these and the
 * sync engine return. Built as libfeed.a, which links neither SQLite nor
 * libcurl: the publisher (publish/) writes feeds with this code and
 * nothing else of net/, so it cannot write what a client would parse
 * differently. The sync engine's header, net/net.h, includes this one.
 */
#ifndef GLOBE_NET_FEED_H
#define GLOBE_NET_FEED_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "common/common.h"

/*
 * Status, message, and the globe exit code it maps to: one list for the
 * feed code here and the sync engine of net/net.h (status.c).
 */
#define NET_STATUS_LIST(X) \
	X(NET_OK,		N_("ok"),					0) \
	X(NET_ERR,		N_("sync failed"),				1) \
	X(NET_ERR_USAGE,	N_("bad feed settings"),			2) \
	X(NET_ERR_FETCH,	N_("cannot fetch the feed"),		3) \
	X(NET_ERR_TOO_BIG,	N_("feed file larger than allowed"),	4) \
	X(NET_ERR_SIGNATURE,	N_("signature check failed"),		4) \
	X(NET_ERR_UNSIGNED,	N_("the feed is not signed"),		4) \
	X(NET_ERR_FORMAT,	N_("not a globe-feed/1 feed"),		4) \
	X(NET_ERR_FEED_ID,	N_("the feed id differs from the cached one"), 4) \
	X(NET_ERR_ROLLBACK,	N_("the feed is older than the cache (rollback)"), 4) \
	X(NET_ERR_EXPIRED,	N_("the feed has expired"),			4) \
	X(NET_ERR_FUTURE,	N_("the feed is issued in the future"),	4) \
	X(NET_ERR_VALIDITY,	N_("the feed's index is valid for too long"), 4) \
	X(NET_ERR_HASH,		N_("an object does not match its hash or size"), 4) \
	X(NET_ERR_HEADER,	N_("an object header does not match the index"), 4) \
	X(NET_ERR_DATA,		N_("invalid data in the feed"),		4) \
	X(NET_ERR_PLAN,		N_("the feed offers no way to reach its serial"), 4) \
	X(NET_ERR_CACHE,	N_("cannot write the cache"),		5)

#define NET_STATUS_ENUM(code, msg, exit) code,
enum net_status { NET_STATUS_LIST(NET_STATUS_ENUM) };
#undef NET_STATUS_ENUM

/* The message of a status, translated (the list marks it with N_). */
const char	*net_strerror(enum net_status);
/* The same in fixed English, for the sync note the cache keeps. */
const char	*net_strerror_log(enum net_status);
int		 net_exit_code(enum net_status);

/* Limits of the contract (the client rejects past these). */
#define FEED_INDEX_MAX		(1024 * 1024)	/* index.json bytes */
#define FEED_SIG_MAX		4096		/* index.json.minisig bytes */
#define FEED_LINE_MAX		(1024 * 1024)	/* one record line */
#define FEED_STRING_MAX		(256 * 1024)	/* one string value */
#define FEED_LIST_MAX		256		/* items in one list */
#define FEED_DEPTH_MAX		4		/* JSON nesting of a line */
#ifndef FEED_RECORDS_MAX		/* tests/unit/test-limits builds with a small cap */
#define FEED_RECORDS_MAX	5000000		/* records in one object */
#endif
#define FEED_SKEW		300		/* seconds of clock skew allowed */
/*
 * The longest an index may be valid (expires - issued) unless the user
 * allows more (max_valid_days): a feed that never expires would disable
 * the freeze check, as apt's Max-ValidTime says.
 */
#define FEED_VALID_DAYS_DEFAULT	365
#define FEED_OBJECT_SIZE_MAX	(4ULL * 1024 * 1024 * 1024) /* one object's bytes */
/*
 * The largest serial (2^53 - 1): every JSON reader holds it exactly, and
 * a publisher can count on from it for longer than anyone will publish.
 * A feed that names a larger one is refused, so no planted index can push
 * clients to a serial that genuine feeds can never pass.
 */
#define FEED_SERIAL_MAX		INT64_C(9007199254740991)

/* record lines (feed.c) */
/*
 * Parses and validates one record line as the contract says: duplicate
 * keys, NUL, invalid UTF-8, wrong types, missing required fields, unknown
 * delete targets are errors (cause names the field); unknown fields are
 * ignored. Returns NET_OK and fills rec, or NET_OK with rec->type == -1
 * for an unknown record type (to be skipped), or NET_ERR_DATA.
 */
enum net_status	 feed_record_parse(const char *line, size_t len,
		    struct record *rec, char **cause);
/* The canonical JSON line of a record (keys in table order, no newline). Caller frees. */
char		*feed_record_json(const struct record *);

/* An object of the feed as the index describes it. */
struct feed_object {
	int64_t		 from;		/* -1 for the snapshot */
	int64_t		 serial;	/* snapshot serial, or delta "to" */
	char		*path;		/* "objects/<sha256>.jsonl" */
	char		 sha256[65];	/* lower-case hex */
	uint64_t	 size;
};

/* An object's first line. */
struct feed_header {
	char		*format;
	char		*feed_id;
	char		*kind;		/* "snapshot" or "delta" */
	int64_t		 from;		/* -1 when absent */
	int64_t		 serial;
};
enum net_status	 feed_header_parse(const char *line, size_t len,
		    struct feed_header *, char **cause);
void		 feed_header_clear(struct feed_header *);

/* The longest reports URL an index may name. */
#define FEED_REPORTS_URL_MAX	2048

struct feed_index {
	char			*format;
	char			*feed_id;
	int64_t			 serial;
	char			*issued;
	char			*expires;
	char			*reports;	/* where clients send flags, or
						 * NULL: any string, as given
						 * (the sync engine decides
						 * whether it may be used) */
	struct feed_object	 snapshot;
	struct feed_object	*deltas;
	size_t			 ndeltas;
};
/*
 * Parses index.json (already size-checked) and validates it: format,
 * types, paths confined to objects/<sha256>.jsonl, the delta chain, and
 * "reports", when present, a string. Unknown fields are ignored.
 */
enum net_status	 feed_index_parse(const char *text, size_t len,
		    struct feed_index *, char **cause);
/* Serializes an index deterministically (with a final newline). Caller frees. */
char		*feed_index_json(const struct feed_index *);
void		 feed_index_clear(struct feed_index *);
/*
 * Whether s is a reports URL a publisher may write: https://, a host,
 * no user name or password, no spaces or controls, at most
 * FEED_REPORTS_URL_MAX bytes. A syntactic check: the client checks the
 * URL again (net/) before it sends anything there.
 */
int		 feed_reports_url_valid(const char *s);
/* Parses "2026-11-27T10:00:00Z"; 0 on success, -1 if malformed. */
int		 feed_time_parse(const char *, time_t *);
/* Formats t as "2026-11-27T10:00:00Z" into out (at least 21 bytes). */
void		 feed_time_format(time_t, char *out);

/* minisign (minisign.c): the format of https://jedisct1.github.io/minisign/ */
struct minisign_pubkey {
	uint8_t		id[8];
	uint8_t		pk[32];
};
struct minisign_seckey {
	uint8_t		id[8];
	uint8_t		sk[64];
};
/*
 * Parses a public key: a .pub file's text (comment line + base64) or the
 * bare base64 line as minisign prints it.
 */
enum net_status	 minisign_pubkey_parse(const char *text,
		    struct minisign_pubkey *, char **cause);
/* The base64 line of a public key. Caller frees. */
char		*minisign_pubkey_base64(const struct minisign_pubkey *);
/* Parses an unencrypted secret key file (minisign -G -W, or our keygen). */
enum net_status	 minisign_seckey_parse(const char *text,
		    struct minisign_seckey *, char **cause);
/* Makes a new key pair. */
void		 minisign_keygen(struct minisign_seckey *, struct minisign_pubkey *);
/* The text of a .pub or unencrypted .key file. Caller frees. */
char		*minisign_pubkey_file(const struct minisign_pubkey *);
char		*minisign_seckey_file(const struct minisign_seckey *);
/*
 * Verifies a .minisig text over msg against any of the keys (matched by
 * key id), both Ed (pure) and ED (prehashed BLAKE2b-512), and the global
 * signature over the trusted comment.
 */
enum net_status	 minisign_verify(const struct minisign_pubkey *, size_t nkeys,
		    const void *msg, size_t len, const char *sig, size_t siglen,
		    char **cause);
/* Signs msg (prehashed ED, as minisign 0.11 does). Returns the .minisig text; caller frees. */
char		*minisign_sign(const struct minisign_seckey *, const void *msg,
		    size_t len, const char *trusted_comment);

#endif
