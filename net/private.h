/*
 * private.h: what the files of the sync engine share and nobody else
 * sees: the libcurl transport (fetch.c, curl-lib.c), the feed URL helper
 * and the records reader (records.c). Never includes <curl/curl.h> or
 * <jansson.h> itself, so sync.c stays free of both.
 */
#ifndef GLOBE_NET_PRIVATE_H
#define GLOBE_NET_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "common/common.h"
#include "net/net.h"

/*
 * How transfers are made: limits, TLS material and credentials. All
 * strings borrowed. net_fetch_defaults holds the values used when a
 * caller passes NULL (no credentials, no deadline).
 */
struct net_fetch_config {
	long		 connect_timeout;	/* seconds to connect */
	long		 low_speed_limit;	/* abort below this many bytes/s ... */
	long		 low_speed_time;	/* ... sustained for this many seconds */
	long		 max_redirs;
	long		 timeout;		/* one transfer in seconds, 0 = none */
	const char	*user_agent;
	const char	*ca_file;		/* NULL: the system's CAs */
	const char	*client_cert;		/* NULL: no mutual TLS */
	const char	*client_key;
	const char	*token;			/* secret: never logged or shown */
	int		 no_proxy;
	int64_t		 deadline;		/* monotonic ms, 0 = none */
	net_log_cb	 log;
	void		*log_arg;
	struct net_fetch_share *share;		/* connections kept, or NULL */
};
extern const struct net_fetch_config net_fetch_defaults;

/*
 * What the transfers of one sync share: their connections (and TLS
 * sessions and DNS answers), so the index, its signature, a key slot
 * and the objects come over one TLS connection instead of one each.
 * For one thread at a time. NULL when libcurl cannot be loaded (the
 * transfers then say why). Free after the last transfer that used it.
 */
struct net_fetch_share;
struct net_fetch_share *net_fetch_share_new(void);
void		 net_fetch_share_free(struct net_fetch_share *);

/* Monotonic clock in milliseconds (for deadlines). */
int64_t		 net_clock_ms(void);

/*
 * Reads a bearer token from path, refusing (NET_ERR_USAGE) a file that is
 * not a regular file owned by the user with no group or other permission
 * bits, or a symbolic link, or one that does not hold a single token. The
 * cause never includes the token. Caller frees *token with
 * net_token_free.
 */
enum net_status	 net_token_load(const char *path, char **token, char **cause);
void		 net_token_free(char *);

/* Validators and status of a fetched file. Fields are owned. */
struct net_fetch_info {
	char		*etag;
	char		*last_modified;
	long		 status;		/* HTTP status, 0 for file:// */
};
void		 net_fetch_info_clear(struct net_fetch_info *);

/*
 * Fetches url into out (appended, NUL-terminated), at most max decoded
 * bytes (more is NET_ERR_TOO_BIG). A file that is not there (HTTP 404 or
 * 410, or no such local file) is NET_ERR_FETCH with *missing set to 1.
 * cond (may be NULL) gives validators to send as If-None-Match and
 * If-Modified-Since; a 304 answer is NET_OK with info->status 304 and
 * nothing in out. info (may be NULL) receives the ETag and Last-Modified.
 */
enum net_status	 net_fetch_memory(const struct net_fetch_config *,
		    const char *url, size_t max, struct buf *out,
		    const struct net_fetch_info *cond, int *missing,
		    struct net_fetch_info *info, char **cause);

/*
 * POSTs body (a JSON document, len bytes) to url, an https:// URL, with
 * cfg's TLS settings and credentials. Redirects are followed only when
 * they keep the method (307, 308), checked as every redirect is; 429 and
 * 503 are not retried. NET_OK for a 2xx answer (its body dropped); any
 * other answer is NET_ERR_FETCH with *cause. *http_status gets the last
 * answer's status (0: none came).
 */
enum net_status	 net_fetch_post(const struct net_fetch_config *,
		    const char *url, const char *body, size_t len,
		    long *http_status, char **cause);
/*
 * Whether two URLs share scheme, host and port (as libcurl parses them,
 * default ports filled in): 1, 0, or -1 with *cause when one is not a
 * URL or libcurl cannot be loaded.
 */
int		 net_url_same_origin(const char *a, const char *b,
		    char **cause);

/* Called now and then while an object downloads. */
typedef void	(*net_fetch_progress_cb)(uint64_t bytes, void *);

/*
 * Downloads an object into a 0600 file at path, hashing as it goes and
 * stopping as soon as more bytes than obj->size arrive. If path already
 * holds the start of the object (a download cut off before), it is
 * resumed with a Range request (a 200 answer restarts it); a file that
 * then does not match the hash is discarded and the object fetched whole
 * once more. On success the file holds exactly the promised bytes. On
 * failure the file is removed, unless a transfer was cut off part-way:
 * then it is kept for the next attempt and *kept set. *got receives the
 * bytes transferred.
 */
enum net_status	 net_fetch_object(const struct net_fetch_config *,
		    const char *url, const struct feed_object *obj,
		    const char *path, net_fetch_progress_cb, void *,
		    uint64_t *got, int *kept, char **cause);

/*
 * libcurl, loaded with dlopen when the first transfer starts (curl-lib.c)
 * rather than linked, so starting globe does not load it and its thirty
 * dependencies. net_curl_load loads and initializes it once (thread-safe)
 * and returns the table, or NULL with *cause saying why (no such library,
 * older than 7.85). Only files that include <curl/curl.h> see the table;
 * each member has the type of the libcurl function it holds (easy_setopt
 * is curl_easy_setopt without the header's type-checking macro, so its
 * arguments must have exactly the option's type: long, pointer, callback
 * or curl_off_t).
 */
#ifdef LIBCURL_VERSION_NUM
struct net_curl {
	__typeof__(curl_global_init_mem)	*global_init_mem;
	__typeof__(curl_version_info)	*version_info;
	__typeof__(curl_easy_init)	*easy_init;
	__typeof__(curl_easy_setopt)	*easy_setopt;
	__typeof__(curl_easy_perform)	*easy_perform;
	__typeof__(curl_easy_getinfo)	*easy_getinfo;
	__typeof__(curl_easy_cleanup)	*easy_cleanup;
	__typeof__(curl_easy_strerror)	*easy_strerror;
	__typeof__(curl_slist_append)	*slist_append;
	__typeof__(curl_slist_free_all)	*slist_free_all;
	__typeof__(curl_url)		*url;
	__typeof__(curl_url_set)	*url_set;
	__typeof__(curl_url_get)	*url_get;
	__typeof__(curl_url_cleanup)	*url_cleanup;
	__typeof__(curl_free)		*free;
	__typeof__(curl_getdate)	*getdate;
	__typeof__(curl_share_init)	*share_init;
	__typeof__(curl_share_setopt)	*share_setopt;
	__typeof__(curl_share_cleanup)	*share_cleanup;
};
#endif
struct net_curl;
const struct net_curl	*net_curl_load(char **cause);
/*
 * 1 once an allocation libcurl asked for failed. libcurl also says "Out
 * of memory" when a response header passes its own size limit; without
 * a failed allocation that is what happened.
 */
int			 net_curl_out_of_memory(void);

/*
 * The base URL of a feed, ending in "/": https:// and file:// URLs are
 * kept, a local directory path becomes a file:// URL, anything else
 * (http://, ftp://, …) is NET_ERR_USAGE. Caller frees *url.
 */
enum net_status	 net_feed_base_url(const char *feed, char **url,
		    char **cause);


/*
 * report.c: sends every pending flag to url, the reports URL in force
 * (NULL: the feed names none; they wait), one POST each with cfg, and
 * marks each sent or says why it waits; counts into res. feed_base is
 * the feed's URL: with credentials in cfg, url must be on its host.
 * refused (or NULL) is a reason none may go now. Never fails: a report
 * that cannot go waits for the next sync.
 */
void		 net_reports_send(struct cache *, const struct net_fetch_config *,
		    const char *feed_base, const char *url, const char *refused,
		    int64_t now, struct net_result *);

/*
 * How an object of a member-only feed opens (members.c): its key and its
 * associated data. All borrowed.
 */
struct records_seal {
	const uint8_t	*key;
	const uint8_t	*ad;
	size_t		 adlen;
};

/*
 * A downloaded object's records, parsed on a second thread (records.c).
 * records_open reads the first line into header (NET_ERR_HEADER for an
 * empty object) and starts parsing the record lines after it on a second
 * thread (snapshot: a delete is an error); seal (may be NULL) says how
 * to open an encrypted object, which is then decrypted and inflated on
 * that thread too (NET_ERR_DECRYPT when it does not open); *rs is set
 * whenever the file opened, to be closed with records_close. records_next gives the next
 * record (the caller owns it) and its line number and returns 1, or
 * returns 0 at the end with *status NET_OK, or the first bad line's
 * status and *cause (caller frees) once every record before it was
 * given. records_lines is the number of record lines read, after the
 * end. records_close stops the thread wherever it is.
 */
struct records;
enum net_status	 records_open(struct records **rs, const char *path,
		    const char *name, int snapshot, const struct records_seal *,
		    struct buf *header, char **cause);
int		 records_next(struct records *, struct record *rec,
		    uint64_t *lineno, enum net_status *status, char **cause);
uint64_t	 records_lines(const struct records *);
void		 records_close(struct records *);

/*
 * The signing keys to store after an index signed by v[which] that lists
 * the keys it vouches for (trust.c): *rows (caller frees with
 * cache_signing_keys_free), or NET_ERR_SIGNATURE when the list does not
 * hold the key that signed it.
 */
struct cache_signing_key;
enum net_status	 net_trust_rows(const struct net_trusted_key *, size_t n,
		    size_t which, const struct feed_index *,
		    struct cache_signing_key **rows, size_t *nrows,
		    char **cause);

#endif
