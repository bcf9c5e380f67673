/*
 * private.h: what the files of net/ share and nobody else sees: the
 * libcurl transport (fetch.c) and feed URL helpers. Never includes
 * <curl/curl.h> or <jansson.h> itself, so sync.c stays free of both.
 */
#ifndef GLOBE_NET_PRIVATE_H
#define GLOBE_NET_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "common/common.h"
#include "net/net.h"

/*
 * Transfer limits. Kept in one struct so a later change can make them
 * configurable; net_fetch_defaults holds the values used today.
 */
struct net_fetch_config {
	long		 connect_timeout;	/* seconds to connect */
	long		 low_speed_limit;	/* abort below this many bytes/s ... */
	long		 low_speed_time;	/* ... sustained for this many seconds */
	long		 max_redirs;
	long		 timeout;		/* whole transfer in seconds, 0 = none */
	const char	*user_agent;
};
extern const struct net_fetch_config net_fetch_defaults;

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
 * info (may be NULL) receives the ETag and Last-Modified.
 */
enum net_status	 net_fetch_memory(const struct net_fetch_config *,
		    const char *url, size_t max, struct buf *out, int *missing,
		    struct net_fetch_info *info, char **cause);

/* Called now and then while an object downloads. */
typedef void	(*net_fetch_progress_cb)(uint64_t bytes, void *);

/*
 * Downloads an object into a new 0600 file at path (created with
 * O_EXCL), hashing as it goes and stopping as soon as more bytes than
 * obj->size arrive. On success the file holds exactly the promised bytes;
 * on any failure it is removed. *got receives the bytes transferred.
 */
enum net_status	 net_fetch_object(const struct net_fetch_config *,
		    const char *url, const struct feed_object *obj,
		    const char *path, net_fetch_progress_cb, void *,
		    uint64_t *got, char **cause);

/*
 * The base URL of a feed, ending in "/": https:// and file:// URLs are
 * kept, a local directory path becomes a file:// URL, anything else
 * (http://, ftp://, …) is NET_ERR_USAGE. Caller frees *url.
 */
enum net_status	 net_feed_base_url(const char *feed, char **url,
		    char **cause);

#endif
