/*
 * feed.h: feed format v1 without the cache or the network. The record
 * lines of an object (parse, validate, canonical form), its header line,
 * index.json (parse, validate, write), the contract's times and limits,
 * minisign keys and signatures, member-only feeds (objects encrypted to
 * members' device keys, key slots, device key files: members.c,
 * device.c), and the status list all of these and the sync engine
 * return. Built as libfeed.a, which links neither SQLite nor libcurl:
 * the publisher (publish/) writes feeds with this code and nothing else
 * of net/, so it cannot write what a client would parse differently.
 * The sync engine's header, net/net.h, includes this one.
 */
#ifndef GLOBE_NET_FEED_H
#define GLOBE_NET_FEED_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
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
	X(NET_ERR_CACHE,	N_("cannot write the cache"),		5) \
	X(NET_ERR_DEVICE_KEY,	N_("cannot use the device key"),		2) \
	X(NET_ERR_NOT_MEMBER,	N_("this feed is encrypted to its members and this device is not one of them"), 4) \
	X(NET_ERR_KEYS,		N_("the key material is missing or does not match the signed index"), 4) \
	X(NET_ERR_DECRYPT,	N_("an object does not decrypt"),		4)

#define NET_STATUS_ENUM(code, msg, exit) code,
enum net_status { NET_STATUS_LIST(NET_STATUS_ENUM) };
#undef NET_STATUS_ENUM
#define NET_STATUS_ONE(code, msg, exit) + 1
/* How many statuses the list has. */
enum { NET_NSTATUS = 0 NET_STATUS_LIST(NET_STATUS_ONE) };
#undef NET_STATUS_ONE

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

struct minisign_pubkey {
	uint8_t		id[8];
	uint8_t		pk[32];
};
struct minisign_seckey {
	uint8_t		id[8];
	uint8_t		sk[64];	/* Ed25519: its 32-byte seed, then the public key */
};

/* An object of the feed as the index describes it. */
struct feed_object {
	int64_t		 from;		/* -1 for the snapshot */
	int64_t		 serial;	/* snapshot serial, or delta "to" */
	char		*path;		/* "objects/<sha256>.jsonl" (.enc: encrypted) */
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
/* The two formats of an index: plain, and encrypted to its members. */
#define FEED_FORMAT		"globe-feed/1"
#define FEED_FORMAT_MEMBERS	"globe-feed/1+members"
/* Signing keys one index may announce ("keys", a key rollover). */
#define FEED_KEYS_MAX		4

/*
 * What an encrypted index says of its key material (its "members"
 * object): the key epoch (a run of serials under one chain of keys,
 * begun at serial since), the publisher's key-exchange public key of
 * the epoch, and the number and Merkle root of the key slots, one per
 * recipient device, under keys/ (members.c).
 */
struct feed_members {
	uint8_t		 epoch[16];
	int64_t		 since;
	uint8_t		 publisher[32];
	uint32_t	 slots;
	uint8_t		 root[32];
};

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
	int			 encrypted;	/* FEED_FORMAT_MEMBERS: members is set */
	struct feed_members	 members;
	/* The signing keys it vouches for ("keys"; has_keys when present). */
	int			 has_keys;
	struct minisign_pubkey	 keys[FEED_KEYS_MAX];
	size_t			 nkeys;
};
/*
 * Parses index.json (already size-checked) and validates it: format,
 * types, paths confined to objects/<sha256>.jsonl (.enc in an encrypted
 * index), the delta chain, the members object, announced keys and
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
/* minisign_verify, and *which is the index of the key that verified. */
enum net_status	 minisign_verify_which(const struct minisign_pubkey *,
		    size_t nkeys, const void *msg, size_t len, const char *sig,
		    size_t siglen, size_t *which, char **cause);
/* Signs msg (prehashed ED, as minisign 0.11 does). Returns the .minisig text; caller frees. */
char		*minisign_sign(const struct minisign_seckey *, const void *msg,
		    size_t len, const char *trusted_comment);


/*
 * Member-only feeds (members.c): what the publisher and the client
 * compute alike, so neither can do it differently. docs/feed-format.md
 * ("Member-only feeds") is the wire format; docs/security.md the
 * reasoning. All keys are 32 bytes; every buffer that holds one is the
 * caller's to keep in locked memory (sodium_malloc) and wipe.
 */
/* Starts libsodium once (members.c); aborts without randomness. */
void		 feed_crypto_init(void);

#define FEED_SLOT_BYTES		604	/* one key slot file */
#define FEED_SLOT_SEALED	80	/* its nonce and sealed payload */
#define FEED_SLOT_DEPTH		16	/* the slots' Merkle tree */
#define FEED_SLOTS_MAX		65536	/* recipients of one serial */
#define FEED_EPOCH_SERIALS_MAX	65536	/* serials of one key epoch */
#define FEED_CHUNK		65536	/* plaintext bytes of a sealed chunk */

/*
 * The publisher's secrets of a key epoch, derived from its signing
 * key's seed, the feed id and the epoch id: the key of the epoch's
 * first serial and its key-exchange key pair. In locked memory; free
 * with feed_epoch_free (wipes).
 */
struct feed_epoch {
	uint8_t		 key[32];	/* the serial key at members.since */
	uint8_t		 kx_pk[32];
	uint8_t		 kx_sk[32];
};
struct feed_epoch *feed_epoch_derive(const uint8_t seed[32],
		    const char *feed_id, const uint8_t epoch[16]);
void		 feed_epoch_free(struct feed_epoch *);
/*
 * Steps key, the key of serial from, forward to the key of serial to
 * (each serial's key is a one-way function of the one before): 0, or
 * -1 if to is before from or more than FEED_EPOCH_SERIALS_MAX after.
 */
int		 feed_serial_key(uint8_t key[32], int64_t from, int64_t to);
/* The key of one object of a serial, from the serial's key. */
void		 feed_object_key(const uint8_t serial_key[32],
		    const struct feed_object *, uint8_t out[32]);
/*
 * The associated data every sealed chunk of an object carries: the feed
 * id, the object's kind, from and serial, and the epoch. Caller frees;
 * *len its length.
 */
uint8_t		*feed_object_ad(const char *feed_id, const struct feed_object *,
		    const uint8_t epoch[16], size_t *len);

/*
 * Sealing an object (the publisher): the plaintext is compressed (zlib)
 * and the compressed stream encrypted in FEED_CHUNK chunks with
 * XChaCha20-Poly1305 (crypto_secretstream), the last one tagged final.
 * Output goes to write (0, or -1 to stop). feed_seal_end flushes it;
 * both return 0 or -1 (write failed, or out of memory in zlib).
 */
typedef int	(*feed_write_fn)(const void *, size_t, void *);
struct feed_seal;
struct feed_seal *feed_seal_new(const uint8_t key[32], const uint8_t *ad,
		    size_t adlen, feed_write_fn, void *arg);
int		 feed_seal_add(struct feed_seal *, const void *, size_t);
int		 feed_seal_end(struct feed_seal *);
void		 feed_seal_free(struct feed_seal *);
/*
 * Opening one: a stdio stream (owns raw, or opens path) whose reads
 * decrypt and inflate, failing (a read error) on any chunk that does not
 * authenticate, a truncated or extended stream, a compressed stream that
 * is invalid or does not end with the last chunk, or more than
 * FEED_OBJECT_SIZE_MAX bytes of plaintext. *u (valid until fclose)
 * tells why a read failed.
 */
struct feed_unseal;
FILE		*feed_unseal_open(const char *path, const uint8_t key[32],
		    const uint8_t *ad, size_t adlen, struct feed_unseal **u);
FILE		*feed_unseal_wrap(FILE *raw, const uint8_t key[32],
		    const uint8_t *ad, size_t adlen, struct feed_unseal **u);
/* Why the last read failed, or NULL. Borrowed. */
const char	*feed_unseal_error(const struct feed_unseal *);

/*
 * A device and the publisher share two keys per epoch, from an X25519
 * key exchange (crypto_kx, the device the client): one names the
 * device's slot of each serial, one seals it (XChaCha20-Poly1305).
 * Returns 0, or -1 for a public key that gives no shared secret.
 */
struct feed_slot_keys {
	uint8_t		 name[32];
	uint8_t		 seal[32];
};
int		 feed_slot_keys_device(struct feed_slot_keys *,
		    const uint8_t device_pk[32], const uint8_t device_sk[32],
		    const uint8_t publisher_pk[32]);
int		 feed_slot_keys_publisher(struct feed_slot_keys *,
		    const struct feed_epoch *, const uint8_t device_pk[32]);
/* The name of a device's slot at serial (a keyed BLAKE2b of it). */
void		 feed_slot_name(const struct feed_slot_keys *,
		    const char *feed_id, const uint8_t epoch[16], int64_t serial,
		    uint8_t name[32]);
/* Its path under the base URL: "keys/<64 hex>". Caller frees. */
char		*feed_slot_path(const uint8_t name[32]);
/*
 * Seals the payload of a slot (the first serial the device may read in
 * this epoch and that serial's key) into sealed: nonce and ciphertext.
 */
void		 feed_slot_seal(const struct feed_slot_keys *,
		    const char *feed_id, const uint8_t epoch[16], int64_t serial,
		    const uint8_t name[32], int64_t since, const uint8_t key[32],
		    uint8_t sealed[FEED_SLOT_SEALED]);
/*
 * The Merkle tree over the slots of a serial (leaves in slot order, the
 * hash of each name and sealed payload): the root, and for each leaf
 * the FEED_SLOT_DEPTH sibling hashes from the leaf up (paths, n of
 * them; may be NULL).
 */
void		 feed_slot_leaf(const uint8_t name[32],
		    const uint8_t sealed[FEED_SLOT_SEALED], uint8_t leaf[32]);
void		 feed_slots_tree(const uint8_t (*leaves)[32], size_t n,
		    uint8_t root[32], uint8_t (*paths)[FEED_SLOT_DEPTH][32]);
/* A slot file: magic, position, sealed payload, path. */
void		 feed_slot_file(uint8_t out[FEED_SLOT_BYTES], uint32_t pos,
		    const uint8_t sealed[FEED_SLOT_SEALED],
		    const uint8_t path[FEED_SLOT_DEPTH][32]);
/*
 * Checks a slot file fetched for name at serial against the signed
 * index's members object (its path must lead to the root) and opens it:
 * NET_OK with *since and key (the serial key at *since), or NET_ERR_KEYS
 * with *cause.
 */
enum net_status	 feed_slot_open(const uint8_t *data, size_t len,
		    const struct feed_slot_keys *, const char *feed_id,
		    const struct feed_members *, int64_t serial,
		    const uint8_t name[32], int64_t *since, uint8_t key[32],
		    char **cause);

/*
 * Device keys (device.c): an X25519 key pair per device. Its public
 * half is the recipient key, one token of DEVICE_RECIPIENT_LEN
 * characters ("globe1" and base64url of the key and a checksum) that
 * the secretariat lists in the recipients file.
 */
#define DEVICE_RECIPIENT_PREFIX	"globe1"
#define DEVICE_RECIPIENT_LEN	54
#define DEVICE_PASSPHRASE_MAX	1024	/* bytes of a passphrase */
struct device_key {
	uint8_t		 pk[32];
	uint8_t		 sk[32];
};
/* The recipient token of a public key. Caller frees. */
char		*device_recipient(const uint8_t pk[32]);
/* Parses a recipient token (exactly len bytes): 0, or -1. */
int		 device_recipient_parse(const char *s, size_t len,
		    uint8_t pk[32]);
/* A new key pair in locked memory; free with device_key_free (wipes). */
struct device_key *device_key_new(void);
void		 device_key_free(struct device_key *);
/*
 * Writes a new key file at path (mode 0600, never over an existing
 * file), the secret sealed with a key argon2id derives from the
 * passphrase when one is given (passlen > 0). 0, or -1 with *cause.
 */
int		 device_key_write(const char *path, const struct device_key *,
		    const char *pass, size_t passlen, char **cause);
/*
 * A key file read (into locked memory) and checked: a regular file of
 * the user's, readable by nobody else. NET_ERR_DEVICE_KEY with a cause
 * naming the path for a missing, unreadable, exposed or damaged file.
 */
struct device_file;
enum net_status	 device_file_read(const char *path, struct device_file **,
		    char **cause);
void		 device_file_free(struct device_file *);
/* Whether the secret is sealed with a passphrase. */
int		 device_file_protected(const struct device_file *);
/* The public key (the recipient), readable without the passphrase. */
const uint8_t	*device_file_public(const struct device_file *);
/*
 * Reads a passphrase from a file into buf (locked memory of size bytes),
 * without its final newline: a regular file of the user's, not a
 * symbolic link, readable by nobody else, as a token file. *len its
 * length; NET_ERR_DEVICE_KEY with a cause naming the file otherwise.
 */
enum net_status	 device_passphrase_read(const char *path, char *buf,
		    size_t size, size_t *len, char **cause);
/*
 * The key pair, its secret unsealed with the passphrase (ignored for an
 * unprotected file): NET_OK, or NET_ERR_DEVICE_KEY ("wrong passphrase").
 */
enum net_status	 device_file_unlock(const struct device_file *,
		    const char *pass, size_t passlen, struct device_key **,
		    char **cause);

#endif
