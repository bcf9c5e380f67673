/*
 * net.h: the sync engine. It fetches index.json, its signature and the
 * objects (libcurl, loaded when the first transfer starts), verifies them
 * in the contract's order, and applies the record lines to the cache in
 * one transaction; then it sends the officer's pending flags to the
 * reports URL the index names (a failure there never fails the sync).
 * The feed format itself (records, index, minisign, the
 * status list) is net/feed.h, its own library; this header adds what
 * needs the cache and the network. Only net/ includes <curl/curl.h>.
 */
#ifndef GLOBE_NET_H
#define GLOBE_NET_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "cache/cache.h"
#include "common/common.h"
#include "net/feed.h"

/* Transfer limits used when net_options leaves them at 0. */
#define NET_CONNECT_TIMEOUT	20	/* seconds to connect */
#define NET_TIMEOUT		600	/* seconds for a whole sync */
#define NET_LOW_SPEED_LIMIT	100	/* abort below this many bytes/s ... */
#define NET_LOW_SPEED_TIME	30	/* ... sustained for this many seconds */
#define NET_MAX_REDIRS		5
#define NET_TOKEN_MAX		4096	/* bytes of a bearer token file */

/*
 * Called with one line per request and its outcome ("GET URL -> 200,
 * N bytes"): never a header, a token or a key. The line is borrowed.
 */
typedef void	(*net_log_cb)(const char *, void *);

/*
 * Asked for the device key's passphrase when a member-only feed needs
 * the key and its file is protected: writes it into buf (locked memory
 * of size bytes; no NUL needed) and returns its length, or -1 when there
 * is none (no terminal, the prompt cancelled). attempt counts from 1;
 * after a wrong one it is asked again, up to NET_PASSPHRASE_TRIES.
 */
typedef int	(*net_passphrase_cb)(char *buf, size_t size, int attempt,
		    void *arg);
#define NET_PASSPHRASE_TRIES	3

/* Sync. */
struct net_options {
	const char		*feed;		/* URL (file://, https://) or a local directory */
	const char *const	*pubkeys;	/* base64 public keys or key files' text */
	size_t			 npubkeys;
	int			 allow_unsigned;
	const char		*tmp_dir;	/* for 0600 downloads; the data directory */
	time_t			 now;		/* 0 = time(NULL) */

	/* https only; TLS is always verified. NULL = not used. */
	const char		*ca_file;	/* a private CA (PEM) */
	const char		*client_cert;	/* mutual TLS (PEM) ... */
	const char		*client_key;	/* ... and its key (PEM, unencrypted) */
	const char		*token_file;	/* bearer token; regular 0600 file of the user */
	long			 connect_timeout;	/* seconds; 0 = NET_CONNECT_TIMEOUT */
	long			 timeout;	/* whole sync, seconds; 0 = NET_TIMEOUT */
	long			 low_speed_time;	/* 0 = NET_LOW_SPEED_TIME */
	long			 low_speed_limit;	/* bytes/s; 0 = NET_LOW_SPEED_LIMIT */
	int			 no_proxy;	/* ignore the *_proxy environment */
	long			 max_valid_days;	/* 0 = FEED_VALID_DAYS_DEFAULT */
	/*
	 * The cache is the caller's to replace (the bundled demo): the
	 * cached feed id and serial are neither checked nor used, the
	 * feed's snapshot is applied whole. User state stays, as in every
	 * snapshot.
	 */
	int			 reseed;
	/*
	 * The index to read instead of index.json (its signature beside
	 * it, NAME.minisig), or NULL: the bundled demo starts from an
	 * earlier serial, so a sync in it has something to show.
	 */
	const char		*index_name;
	net_log_cb		 verbose;	/* may be NULL */
	void			*verbose_arg;

	/* A feed encrypted to its members: this device's key. */
	const char		*device_key;	/* its file; NULL: none */
	const char		*passphrase_file; /* its passphrase (0600) */
	net_passphrase_cb	 passphrase;	/* asks for it; may be NULL */
	void			*passphrase_arg;
};

/* What a sync is doing when it calls its progress callback. */
enum net_phase {
	NET_PHASE_INDEX,	/* fetching and checking index.json */
	NET_PHASE_OBJECT,	/* downloading an object */
	NET_PHASE_APPLY		/* applying an object to the cache */
};

struct net_progress {
	enum net_phase	 phase;
	unsigned	 object;	/* 1-based index of the object */
	unsigned	 nobjects;
	uint64_t	 bytes;		/* of this object so far */
	uint64_t	 total;		/* its size */
	uint64_t	 records;	/* applied so far in this object */
};
typedef void	(*net_progress_cb)(const struct net_progress *, void *);

struct net_result {
	int64_t			 old_serial;	/* -1 when the cache was empty */
	int64_t			 new_serial;
	int			 encrypted;	/* a member-only feed */
	int			 unchanged;	/* equal serial: nothing done */
	int			 not_modified;	/* index.json answered 304 */
	unsigned		 nobjects;
	uint64_t		 bytes;		/* transferred */
	struct cache_changes	 changes;
	char			*expires;	/* of the index now in force */
	/* The officer's flags, sent once the data is applied (report.c). */
	unsigned		 reports_sent;
	unsigned		 reports_pending;	/* still waiting */
	int			 reports_nowhere;	/* the feed names no
						 * reports URL */
	char			*reports_error;	/* why some wait, or NULL */
};

/*
 * Syncs the cache from the feed: every check of the contract before
 * anything is committed; one transaction; on any failure the cache is
 * unchanged (the failure is noted in the sync state) and *cause names the
 * problem (and, for data errors, the object, line number and field).
 */
enum net_status	 net_sync(struct cache *, const struct net_options *,
		    net_progress_cb, void *, struct net_result *, char **cause);
void		 net_result_clear(struct net_result *);

/* The note the cache keeps of the last sync, read back (net/note.c). */
enum net_note_kind {
	NET_NOTE_OK,		/* "ok" */
	NET_NOTE_NOT_MODIFIED,	/* the index answered 304 */
	NET_NOTE_UNCHANGED,	/* the same serial */
	NET_NOTE_CHANGES,	/* what it changed: changes */
	NET_NOTE_FAILED,	/* why (translated), then cause as stored */
	NET_NOTE_OTHER		/* none of these: text, as stored */
};
struct net_note {
	enum net_note_kind	 kind;
	struct cache_changes	 changes;
	const char		*why;	/* static */
	const char		*cause;	/* points into the stored note */
	const char		*text;	/* the stored note ("" for none) */
};
/*
 * The note of a sync that changed the cache, in fixed English ("ok:
 * contacts +3 ~1 -0", "ok: no changes"): it outlives the locale it was
 * written in. Caller frees.
 */
char		*net_note_ok(const struct cache_changes *);
/* Reads a stored note (NULL for none) into n, which points into it. */
void		 net_note_parse(const char *stored, struct net_note *n);
/*
 * The document a flag is sent as, one per POST (docs/feed-format.md,
 * "Reports"): JSON, keys in a fixed order, ending with a newline. Caller
 * frees. `globe flags --export` writes the same documents.
 */
char		*net_report_document(const struct cache_flag *);

/*
 * The validator a sync records (as the cache state's etag) for an
 * index.json read from a local feed: "sha256:<hex>" of its bytes, so a
 * caller can tell cheaply whether a local feed changed. Caller frees.
 */
char		*net_index_tag(const void *data, size_t len);

/*
 * The signing keys a sync trusts (trust.c): the configured ones (base64
 * lines or .pub texts) and those the feed announced, less those it
 * retired, each with where it came from. Fills *v (caller frees with
 * net_trust_free); NET_ERR_USAGE for a configured key that does not
 * parse, NET_ERR_CACHE if the cache cannot be read.
 */
struct net_trusted_key {
	struct minisign_pubkey	 key;
	char			*base64;
	int			 configured;
	int			 announced;	/* at serial */
	int			 retired;	/* at serial (configured only) */
	int64_t			 serial;
};
enum net_status	 net_trust_list(struct cache *, const char *const *pubkeys,
		    size_t npubkeys, struct net_trusted_key **v, size_t *n,
		    char **cause);
void		 net_trust_free(struct net_trusted_key *, size_t);

#endif
