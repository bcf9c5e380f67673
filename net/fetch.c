/*
 * fetch.c: the transport. Every transfer goes through libcurl (https://
 * and file:// alike) with the same safe settings: the feed's own scheme
 * only, TLS always verified (TLS 1.2 or later), no .netrc, size caps
 * counted on the decoded bytes in the write callback (CURLOPT_MAXFILESIZE
 * does not stop a chunked body), connect, overall and low-speed limits.
 * libcurl is loaded when the first transfer starts (curl-lib.c) and
 * called through its table, f->cl.
 * Redirects are followed here, not by libcurl, so each hop is checked:
 * https only, at most five, and never to another host when a token or a
 * client certificate is in use. 429 and 503 answers with Retry-After are
 * retried within the deadline. Objects are hashed while they download
 * into a 0600 file, and a download cut off part-way is resumed with a
 * Range request. A report (net_fetch_post) is one POST of a small JSON
 * document with the same settings, following only 307 and 308 redirects
 * (which keep the method and body), never retried here: a report that
 * fails waits for the next sync.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/net.h"
#include "net/private.h"

const struct net_fetch_config net_fetch_defaults = {
	.connect_timeout = NET_CONNECT_TIMEOUT,
	.low_speed_limit = NET_LOW_SPEED_LIMIT,
	.low_speed_time = NET_LOW_SPEED_TIME,
	.max_redirs = NET_MAX_REDIRS,
	.timeout = 0,
	.user_agent = PACKAGE_NAME "/" PACKAGE_VERSION,
};

#define FETCH_PROGRESS_STEP	(256 * 1024)
#define FETCH_ERROR_BODY_MAX	(64 * 1024)	/* body of a 3xx/4xx/5xx we read */
#define FETCH_RETRIES_MAX	5		/* 429/503 answers retried */
#define FETCH_RETRY_AFTER_MAX	86400L		/* longest Retry-After kept, s */
#define FETCH_HEADER_MAX	1024		/* longest header value kept */

/* Loads libcurl (once) and initializes libsodium (idempotent). */
static enum net_status
fetch_global_init(const struct net_curl **cl, char **cause)
{
	if ((*cl = net_curl_load(cause)) == NULL)
		return NET_ERR_FETCH;
	if (sodium_init() < 0) {
		*cause = xstrdup(_("cannot initialize libsodium"));
		return NET_ERR;
	}
	return NET_OK;
}

struct net_fetch_share {
	const struct net_curl	*cl;
	CURLSH			*sh;
};

struct net_fetch_share *
net_fetch_share_new(void)
{
	struct net_fetch_share	*fs;
	const struct net_curl	*cl;
	char			*cause = NULL;
	CURLSH			*sh;

	if ((cl = net_curl_load(&cause)) == NULL) {
		free(cause);
		return NULL;
	}
	if ((sh = cl->share_init()) == NULL)
		return NULL;
	cl->share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
	cl->share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
	cl->share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
	fs = xcalloc(1, sizeof *fs);
	fs->cl = cl;
	fs->sh = sh;
	return fs;
}

void
net_fetch_share_free(struct net_fetch_share *fs)
{
	if (fs == NULL)
		return;
	fs->cl->share_cleanup(fs->sh);	/* closes the connections kept */
	free(fs);
}

int64_t
net_clock_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
net_fetch_info_clear(struct net_fetch_info *info)
{
	if (info == NULL)
		return;
	free(info->etag);
	free(info->last_modified);
	memset(info, 0, sizeof *info);
}

/* The characters of an RFC 6750 b64token. */
static int
fetch_token_char(int c)
{
	return ascii_alnum(c) || (c != '\0' && strchr("-._~+/=", c) != NULL);
}

enum net_status
net_token_load(const char *path, char **token, char **cause)
{
	struct stat	 lst, st;
	char		*text;
	size_t		 len, i, start;
	ssize_t		 n;
	int		 fd;

	*token = NULL;
	if (lstat(path, &lst) != 0) {
		*cause = xasprintf("token_file %s: %s", path, strerror(errno));
		return NET_ERR_USAGE;
	}
	/*
	 * TRANSLATORS: token_file is a config key and chmod 600 a command:
	 * keep them. %s is the file.
	 */
	if (S_ISLNK(lst.st_mode)) {
		*cause = xasprintf(_("token_file %s is a symbolic link; it "
		    "must be a regular file"), path);
		return NET_ERR_USAGE;
	}
	if (!S_ISREG(lst.st_mode)) {
		*cause = xasprintf(_("token_file %s is not a regular file"),
		    path);
		return NET_ERR_USAGE;
	}
	if (lst.st_uid != geteuid()) {
		*cause = xasprintf(_("token_file %s is not owned by you"),
		    path);
		return NET_ERR_USAGE;
	}
	if ((lst.st_mode & 077) != 0) {
		*cause = xasprintf(_("token_file %s has mode %04o: others may "
		    "read it (chmod 600 %s)"), path,
		    (unsigned)(lst.st_mode & 07777), path);
		return NET_ERR_USAGE;
	}
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		*cause = xasprintf("token_file %s: %s", path, strerror(errno));
		return NET_ERR_USAGE;
	}
	if (fstat(fd, &st) != 0 || st.st_dev != lst.st_dev ||
	    st.st_ino != lst.st_ino) {
		close(fd);
		*cause = xasprintf(_("token_file %s changed while it was "
		    "read"), path);
		return NET_ERR_USAGE;
	}
	text = xmalloc(NET_TOKEN_MAX + 2);
	len = 0;
	while (len < NET_TOKEN_MAX + 1) {
		n = read(fd, text + len, NET_TOKEN_MAX + 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	if (len > NET_TOKEN_MAX) {
		sodium_memzero(text, NET_TOKEN_MAX + 2);
		free(text);
		*cause = xasprintf(_("token_file %s is longer than %d bytes"),
		    path, NET_TOKEN_MAX);
		return NET_ERR_USAGE;
	}
	while (len > 0 && isspace((unsigned char)text[len - 1]))
		len--;
	for (start = 0; start < len && isspace((unsigned char)text[start]);)
		start++;
	for (i = start; i < len; i++) {
		if (!fetch_token_char((unsigned char)text[i]))
			break;
	}
	if (start == len || i != len) {
		sodium_memzero(text, NET_TOKEN_MAX + 2);
		free(text);
		*cause = xasprintf(_("token_file %s must hold one bearer "
		    "token (letters, digits and -._~+/= only)"), path);
		return NET_ERR_USAGE;
	}
	*token = xstrndup(text + start, len - start);
	sodium_memzero(text, NET_TOKEN_MAX + 2);
	free(text);
	return NET_OK;
}

void
net_token_free(char *token)
{
	if (token == NULL)
		return;
	sodium_memzero(token, strlen(token));
	free(token);
}

/* State shared by the callbacks of one transfer. */
struct fetch {
	const struct net_curl		*cl;
	CURL				*curl;
	char				 errbuf[CURL_ERROR_SIZE];
	const struct net_fetch_config	*cfg;
	char				*url;		/* this hop's */
	char				*first_url;	/* as asked */
	int				 is_file;
	int				 credentials;	/* token or client cert */
	struct curl_slist		*headers;

	/* the response being received */
	long				 status;	/* 0 for file:// */
	char				*retry_after;
	char				*content_range;
	int				 body_started;
	uint64_t			 discarded;	/* bytes of a non-2xx body */
	uint64_t			 received;	/* body bytes kept */
	int				 cut;		/* a 2xx body cut off */

	/* into memory */
	struct buf			*out;
	size_t				 max;
	int				 too_big;

	/* into a file */
	int				 fd;
	int				 write_errno;
	const struct feed_object	*obj;
	const char			*path;
	crypto_hash_sha256_state	 sha;
	uint64_t			 offset;	/* asked from this byte */
	uint64_t			 got;		/* in the file and hashed */
	uint64_t			 reported;
	int				 overflow;
	int				 bad_range;
	net_fetch_progress_cb		 progress;
	void				*progress_arg;

	const struct net_fetch_info	*cond;
	struct net_fetch_info		*info;

	/* a POST (net_fetch_post): its body, sent as application/json */
	const char			*post;
	size_t				 post_len;
};

/* What the log calls a request: "GET", "POST", or "read" for a file. */
static const char *
fetch_method(const struct fetch *f)
{
	return f->is_file ? "read" : f->post != NULL ? "POST" : "GET";
}

static void
fetch_log(struct fetch *f, const char *fmt, ...) GLOBE_PRINTF(2, 3);

static void
fetch_log(struct fetch *f, const char *fmt, ...)
{
	va_list	 ap;
	char	*line;

	if (f->cfg->log == NULL)
		return;
	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	f->cfg->log(line, f->cfg->log_arg);
	free(line);
}

/* A 2xx body (or a file) is kept; any other is read and dropped. */
static int
fetch_body_wanted(struct fetch *f, size_t len)
{
	if (f->is_file || (f->status >= 200 && f->status < 300))
		return 1;
	f->discarded += len;
	return 0;
}

static size_t
fetch_write_memory(char *data, size_t size, size_t n, void *arg)
{
	struct fetch	*f = arg;
	size_t		 len = size * n;

	if (!fetch_body_wanted(f, len))
		return f->discarded > FETCH_ERROR_BODY_MAX ? 0 : len;
	f->body_started = 1;
	if (len > f->max || f->out->len > f->max - len) {
		f->too_big = 1;
		return 0;
	}
	buf_add(f->out, data, len);
	f->received += len;
	return len;
}

/*
 * The first body bytes of a download: a 206 must start where we asked; a
 * 200 (or a file) restarts the object from its first byte.
 */
static int
fetch_body_begin(struct fetch *f)
{
	unsigned long long	start;

	f->body_started = 1;
	if (f->offset == 0)
		return 0;
	if (f->status == 206) {
		if (f->content_range == NULL || sscanf(f->content_range,
		    "bytes %llu-", &start) != 1 || start != f->offset) {
			f->bad_range = 1;
			return -1;
		}
		return 0;
	}
	if (ftruncate(f->fd, 0) != 0) {
		f->write_errno = errno;
		return -1;
	}
	crypto_hash_sha256_init(&f->sha);
	f->got = f->offset = 0;
	return 0;
}

static size_t
fetch_write_file(char *data, size_t size, size_t n, void *arg)
{
	struct fetch	*f = arg;
	size_t		 len = size * n, off = 0;
	ssize_t		 w;

	if (!fetch_body_wanted(f, len))
		return f->discarded > FETCH_ERROR_BODY_MAX ? 0 : len;
	if (!f->body_started && fetch_body_begin(f) != 0)
		return 0;
	if (len > f->obj->size || f->got > f->obj->size - len) {
		f->overflow = 1;
		return 0;
	}
	crypto_hash_sha256_update(&f->sha, (const unsigned char *)data, len);
	while (off < len) {
		w = write(f->fd, data + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			f->write_errno = errno;
			return 0;
		}
		off += (size_t)w;
	}
	f->got += len;
	f->received += len;
	if (f->progress != NULL && (f->got - f->reported >= FETCH_PROGRESS_STEP ||
	    f->got == f->obj->size)) {
		f->reported = f->got;
		f->progress(f->got, f->progress_arg);
	}
	return len;
}

/* Replaces *dest with the trimmed value of a header line, if it is name. */
static int
fetch_header_value(const char *data, size_t len, const char *name,
    char **dest)
{
	size_t		 nlen = strlen(name);
	const char	*v, *end;

	if (len <= nlen || strncasecmp(data, name, nlen) != 0 ||
	    data[nlen] != ':')
		return 0;
	v = data + nlen + 1;
	end = data + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && isspace((unsigned char)end[-1]))
		end--;
	free(*dest);
	*dest = (end > v && end - v < FETCH_HEADER_MAX) ?
	    xstrndup(v, end - v) : NULL;
	return 1;
}

/* Keeps the status and the headers we use of the latest response. */
static size_t
fetch_header(char *data, size_t size, size_t n, void *arg)
{
	struct fetch	*f = arg;
	size_t		 len = size * n;
	const char	*sp;

	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		/* A new response (after a 1xx or a proxy's CONNECT). */
		sp = memchr(data, ' ', len);
		f->status = sp != NULL ? strtol(sp + 1, NULL, 10) : 0;
		free(f->retry_after);
		free(f->content_range);
		f->retry_after = f->content_range = NULL;
		if (f->info != NULL) {
			free(f->info->etag);
			free(f->info->last_modified);
			f->info->etag = f->info->last_modified = NULL;
		}
		return len;
	}
	if (fetch_header_value(data, len, "Retry-After", &f->retry_after) ||
	    fetch_header_value(data, len, "Content-Range", &f->content_range))
		return len;
	if (f->info != NULL) {
		if (fetch_header_value(data, len, "ETag", &f->info->etag) ||
		    fetch_header_value(data, len, "Last-Modified",
		    &f->info->last_modified))
			return len;
	}
	return len;
}

/* Starts a transfer of url with the settings every transfer shares. */
static enum net_status
fetch_begin(struct fetch *f, const struct net_fetch_config *cfg,
    const char *url, char **cause)
{
	const struct net_curl	*cl;
	enum net_status		 status;
	CURL			*c;

	if ((status = fetch_global_init(&cl, cause)) != NET_OK)
		return status;
	f->cl = cl;
	if ((c = cl->easy_init()) == NULL) {
		*cause = xstrdup(_("cannot start a transfer (libcurl)"));
		return NET_ERR;
	}
	if (cfg == NULL)
		cfg = &net_fetch_defaults;
	f->cfg = cfg;
	f->curl = c;
	f->url = xstrdup(url);
	f->first_url = xstrdup(url);
	f->is_file = strncasecmp(url, "file:", 5) == 0;
	f->credentials = !f->is_file && (cfg->token != NULL ||
	    cfg->client_cert != NULL);
	f->errbuf[0] = '\0';
	cl->easy_setopt(c, CURLOPT_ERRORBUFFER, f->errbuf);
	cl->easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	/* Only the feed's own scheme; redirects are followed by hand. */
	cl->easy_setopt(c, CURLOPT_PROTOCOLS_STR, f->is_file ? "file" :
	    "https");
	cl->easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
	cl->easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	cl->easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	cl->easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	cl->easy_setopt(c, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
	cl->easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_IGNORED);
	cl->easy_setopt(c, CURLOPT_CONNECTTIMEOUT, cfg->connect_timeout);
	cl->easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, cfg->low_speed_limit);
	cl->easy_setopt(c, CURLOPT_LOW_SPEED_TIME, cfg->low_speed_time);
	cl->easy_setopt(c, CURLOPT_FAILONERROR, 0L);
	if (cfg->user_agent != NULL)
		cl->easy_setopt(c, CURLOPT_USERAGENT, cfg->user_agent);
	if (cfg->ca_file != NULL)
		cl->easy_setopt(c, CURLOPT_CAINFO, cfg->ca_file);
	if (cfg->client_cert != NULL) {
		cl->easy_setopt(c, CURLOPT_SSLCERT, cfg->client_cert);
		cl->easy_setopt(c, CURLOPT_SSLCERTTYPE, "PEM");
	}
	if (cfg->client_key != NULL) {
		cl->easy_setopt(c, CURLOPT_SSLKEY, cfg->client_key);
		cl->easy_setopt(c, CURLOPT_SSLKEYTYPE, "PEM");
	}
	if (cfg->no_proxy)
		cl->easy_setopt(c, CURLOPT_PROXY, "");
	if (cfg->share != NULL && !f->is_file)
		cl->easy_setopt(c, CURLOPT_SHARE, cfg->share->sh);
	cl->easy_setopt(c, CURLOPT_HEADERFUNCTION, fetch_header);
	cl->easy_setopt(c, CURLOPT_HEADERDATA, f);
	return NET_OK;
}

/* Frees the request headers, wiping them first (one may hold the token). */
static void
fetch_headers_free(struct fetch *f)
{
	struct curl_slist	*l;

	if (f->headers == NULL)
		return;
	for (l = f->headers; l != NULL; l = l->next)
		sodium_memzero(l->data, strlen(l->data));
	f->cl->slist_free_all(f->headers);
	f->headers = NULL;
}

static void
fetch_end(struct fetch *f)
{
	if (f->curl != NULL)
		f->cl->easy_cleanup(f->curl);
	fetch_headers_free(f);
	free(f->url);
	free(f->first_url);
	free(f->retry_after);
	free(f->content_range);
	f->curl = NULL;
}

/* A header value from the cache is sent only if it is one clean line. */
static int
fetch_header_safe(const char *v)
{
	for (; *v != '\0'; v++) {
		if ((unsigned char)*v < 0x20 || *v == 0x7f)
			return 0;
	}
	return 1;
}

/* Sets up one attempt (the first request or a hop or retry). */
static enum net_status
fetch_attempt(struct fetch *f, char **cause)
{
	const struct net_fetch_config	*cfg = f->cfg;
	const struct net_curl		*cl = f->cl;
	CURL				*c = f->curl;
	struct curl_slist		*l;
	char				*h, range[32];
	int64_t				 left, ms = 0;

	if (cfg->deadline != 0) {
		left = cfg->deadline - net_clock_ms();
		if (left <= 0) {
			/* TRANSLATORS: %s is the URL being fetched. */
			*cause = xasprintf(_("%s: the time limit of the sync "
			    "ran out"), f->url);
			return NET_ERR_FETCH;
		}
		ms = left;
	}
	if (cfg->timeout > 0 && (ms == 0 || cfg->timeout * 1000 < ms))
		ms = cfg->timeout * 1000;
	cl->easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)ms);
	cl->easy_setopt(c, CURLOPT_URL, f->url);

	f->status = 0;
	f->body_started = 0;
	f->discarded = 0;
	f->errbuf[0] = '\0';
	free(f->retry_after);
	free(f->content_range);
	f->retry_after = f->content_range = NULL;

	fetch_headers_free(f);
	if (!f->is_file) {
		if (f->cond != NULL && f->cond->etag != NULL &&
		    fetch_header_safe(f->cond->etag)) {
			h = xasprintf("If-None-Match: %s", f->cond->etag);
			f->headers = cl->slist_append(f->headers, h);
			free(h);
		}
		if (f->cond != NULL && f->cond->last_modified != NULL &&
		    fetch_header_safe(f->cond->last_modified)) {
			h = xasprintf("If-Modified-Since: %s",
			    f->cond->last_modified);
			f->headers = cl->slist_append(f->headers, h);
			free(h);
		}
		if (cfg->token != NULL) {
			h = xasprintf("Authorization: Bearer %s", cfg->token);
			l = cl->slist_append(f->headers, h);
			sodium_memzero(h, strlen(h));
			free(h);
			if (l == NULL)
				abort();
			f->headers = l;
		}
	}
	if (!f->is_file && f->post != NULL) {
		/* No "Expect: 100-continue" wait: the body is small. */
		if ((l = cl->slist_append(f->headers,
		    "Content-Type: application/json")) == NULL)
			abort();
		f->headers = l;
		if ((l = cl->slist_append(f->headers, "Expect:")) == NULL)
			abort();
		f->headers = l;
	}
	cl->easy_setopt(c, CURLOPT_HTTPHEADER, f->headers);

	/*
	 * A range of a gzipped body would be a range of the compressed
	 * bytes: resume in identity encoding.
	 */
	f->offset = f->fd >= 0 ? f->got : 0;
	if (f->offset > 0 && !f->is_file) {
		snprintf(range, sizeof range, "%llu-",
		    (unsigned long long)f->offset);
		cl->easy_setopt(c, CURLOPT_RANGE, range);
		cl->easy_setopt(c, CURLOPT_ACCEPT_ENCODING, NULL);
	} else {
		f->offset = 0;
		if (f->fd >= 0 && f->got > 0) {
			/* file:// (no ranges): start over. */
			if (ftruncate(f->fd, 0) != 0) {
				*cause = xasprintf(_("cannot write %s: %s"),
				    f->path, strerror(errno));
				return NET_ERR_CACHE;
			}
			crypto_hash_sha256_init(&f->sha);
			f->got = 0;
		}
		cl->easy_setopt(c, CURLOPT_RANGE, NULL);
		cl->easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	}
	return NET_OK;
}

/* Host and port of an https URL, for the same-host rule. Caller frees. */
static char *
fetch_url_origin(const struct net_curl *cl, const char *url, char **scheme,
    int *userinfo)
{
	CURLU	*u;
	char	*host = NULL, *port = NULL, *s = NULL, *user = NULL, *out;

	*scheme = NULL;
	*userinfo = 0;
	if ((u = cl->url()) == NULL)
		return NULL;
	if (cl->url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    cl->url_get(u, CURLUPART_SCHEME, &s, 0) != CURLUE_OK) {
		cl->url_cleanup(u);
		return NULL;
	}
	*scheme = xstrdup(s);
	cl->free(s);
	if (cl->url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK) {
		*userinfo = 1;
		cl->free(user);
	}
	if (cl->url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    cl->url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) !=
	    CURLUE_OK) {
		cl->free(host);
		cl->url_cleanup(u);
		return NULL;
	}
	out = xasprintf("%s:%s", host, port);
	cl->free(host);
	cl->free(port);
	cl->url_cleanup(u);
	return out;
}

/* Checks one redirect: https only, no user info, same host with credentials. */
static enum net_status
fetch_redirect_check(struct fetch *f, const char *to, char **cause)
{
	char		*origin, *first, *scheme, *scheme0;
	int		 userinfo, ui0;
	enum net_status	 status = NET_OK;

	origin = fetch_url_origin(f->cl, to, &scheme, &userinfo);
	if (origin == NULL || scheme == NULL ||
	    strcasecmp(scheme, "https") != 0) {
		/* TRANSLATORS: the URL asked for, the URL it redirects to. */
		*cause = xasprintf(_("%s: redirected to %s: refused, only "
		    "https:// redirects are followed"), f->url, to);
		free(origin);
		free(scheme);
		return NET_ERR_FETCH;
	}
	if (userinfo) {
		*cause = xasprintf(_("%s: redirected to a URL with a user "
		    "name: refused"), f->url);
		free(origin);
		free(scheme);
		return NET_ERR_FETCH;
	}
	if (f->credentials) {
		first = fetch_url_origin(f->cl, f->first_url, &scheme0, &ui0);
		if (first == NULL || strcmp(first, origin) != 0) {
			*cause = xasprintf(_("%s: redirected to %s: refused, "
			    "a token or client certificate is only sent to "
			    "the feed's own host"), f->url, to);
			status = NET_ERR_FETCH;
		}
		free(first);
		free(scheme0);
	}
	free(origin);
	free(scheme);
	return status;
}

/*
 * Seconds to wait from a Retry-After value (seconds or an HTTP date), at
 * most FETCH_RETRY_AFTER_MAX; -1 if none.
 */
static long
fetch_retry_after(const struct net_curl *cl, const char *v)
{
	char	*end;
	long	 n;
	time_t	 t, now;

	if (v == NULL)
		return -1;
	if (isdigit((unsigned char)*v)) {
		/* Saturates: "9223372036854775807" and more is "for ever". */
		errno = 0;
		n = strtol(v, &end, 10);
		if (*end != '\0' || n < 0)
			return -1;
		if (errno == ERANGE || n > FETCH_RETRY_AFTER_MAX)
			return FETCH_RETRY_AFTER_MAX;
		return n;
	}
	if ((t = cl->getdate(v, NULL)) < 0)
		return -1;
	now = time(NULL);
	if (t <= now)
		return 0;
	return t - now > FETCH_RETRY_AFTER_MAX ? FETCH_RETRY_AFTER_MAX :
	    (long)(t - now);
}

static void
fetch_sleep(long seconds)
{
	struct timespec	ts, rem;

	ts.tv_sec = seconds;
	ts.tv_nsec = 0;
	while (nanosleep(&ts, &rem) != 0 && errno == EINTR)
		ts = rem;
}

/* A hint for an HTTP status a user can act on, or NULL. */
static const char *
fetch_status_hint(struct fetch *f, long status)
{
	/*
	 * TRANSLATORS: said after an HTTP status, between parentheses;
	 * client_cert, client_key and token_file are config keys: keep them.
	 */
	switch (status) {
	case 400:
	case 495:
	case 496:
		if (f->cfg->client_cert == NULL)
			return _("the server may require a client certificate: "
			    "set client_cert and client_key");
		return _("the server did not accept the client certificate");
	case 401:
		if (f->cfg->token == NULL)
			return _("the server may require a token: set "
			    "token_file");
		return _("the server did not accept the token");
	case 403:
		if (f->cfg->token == NULL && f->cfg->client_cert == NULL)
			return _("access refused: the server may require a "
			    "client certificate or a token");
		return _("access refused");
	default:
		return NULL;
	}
}

/* The proxy libcurl takes from the environment for https, if any. */
static const char *
fetch_env_proxy(void)
{
	static const char *const names[] = {
		"https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"
	};
	const char	*v;
	size_t		 i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if ((v = getenv(names[i])) != NULL && *v != '\0')
			return v;
	}
	return NULL;
}

/*
 * What went wrong with a transfer that failed below HTTP (no URL):
 * libcurl's words (English), after what failed and before a hint.
 */
static char *
fetch_transport_error(struct fetch *f, CURLcode rc)
{
	const char	*why, *what = NULL, *hint = NULL;

	why = f->errbuf[0] != '\0' ? f->errbuf : f->cl->easy_strerror(rc);
	switch (rc) {
	case CURLE_OUT_OF_MEMORY:
		if (!net_curl_out_of_memory())
			return xstrdup(_("the server's response headers are "
			    "larger than libcurl accepts (100 KiB); the server "
			    "or something on the way is misbehaving"));
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
		what = "TLS";
		/*
		 * TRANSLATORS: said after libcurl's (English) reason, between
		 * parentheses. ca_file is a config key: keep it.
		 */
		if (strstr(why, "host name") != NULL ||
		    strstr(why, "subject name") != NULL)
			hint = _("the server's certificate is for another "
			    "host name");
		else if (strstr(why, "expired") != NULL)
			hint = _("the server's certificate has expired, or "
			    "this computer's clock is wrong: check the date");
		else if (strstr(why, "not yet valid") != NULL)
			hint = _("the server's certificate is not valid yet, "
			    "or this computer's clock is wrong: check the "
			    "date");
		else if (strstr(why, "revoked") != NULL)
			hint = _("the server's certificate was revoked");
		else if (f->cfg->ca_file == NULL)
			hint = _("the server's certificate cannot be trusted; "
			    "for a private CA set ca_file");
		else
			hint = _("the server's certificate is not signed by "
			    "ca_file");
		break;
	case CURLE_SSL_CONNECT_ERROR:
		what = "TLS";
		break;
	case CURLE_SSL_CERTPROBLEM:
		/* TRANSLATORS: before libcurl's (English) reason. */
		what = _("TLS: client certificate");
		break;
	case CURLE_SSL_CACERT_BADFILE:
		what = "TLS: ca_file";
		break;
	case CURLE_OPERATION_TIMEDOUT:
		/* TRANSLATORS: before libcurl's (English) reason. */
		what = _("too slow or timed out");
		break;
	case CURLE_UNSUPPORTED_PROTOCOL:
		/* TRANSLATORS: before libcurl's (English) reason. */
		what = _("refused");
		break;
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_PROXY:
	case CURLE_RECV_ERROR:
		if (!f->cfg->no_proxy && fetch_env_proxy() != NULL)
			/*
			 * TRANSLATORS: said after libcurl's (English) reason,
			 * between parentheses. https_proxy, all_proxy and
			 * --no-proxy are names: keep them.
			 */
			hint = _("a proxy is set in the environment, "
			    "https_proxy or all_proxy: check it, or sync with "
			    "--no-proxy");
		break;
	default:
		break;
	}
	if (what != NULL && hint != NULL)
		return xasprintf("%s: %s (%s)", what, why, hint);
	if (what != NULL)
		return xasprintf("%s: %s", what, why);
	if (hint != NULL)
		return xasprintf("%s (%s)", why, hint);
	return xstrdup(why);
}

/* The log's name for an attempt: its range or condition. Caller frees. */
static char *
fetch_label(const struct fetch *f)
{
	char	*what, *label;

	/*
	 * TRANSLATORS: --verbose, after a URL between parentheses: a
	 * download resumed from this byte.
	 */
	if (f->offset > 0)
		what = xasprintf(_("from byte %llu"),
		    (unsigned long long)f->offset);
	else if (f->cond != NULL && (f->cond->etag != NULL ||
	    f->cond->last_modified != NULL))
		/*
		 * TRANSLATORS: --verbose, after a URL between parentheses:
		 * a request answered 304 if the file is unchanged.
		 */
		what = xstrdup(_("conditional"));
	else
		return xstrdup("");
	label = xasprintf(" (%s)", what);
	free(what);
	return label;
}

/* An attempt stopped by our own checks; NET_OK if none stopped it. */
static enum net_status
fetch_stopped(struct fetch *f, const char *label, char **cause)
{
	/*
	 * TRANSLATORS: a line of --verbose: the request (GET, its URL and
	 * what it was), -> the HTTP status, then what happened. GET and ->
	 * are the trace's own: keep them.
	 */
	if (f->too_big) {
		fetch_log(f, "%s %s%s -> %ld, stopped: larger than %zu bytes",
		    fetch_method(f), f->url, label, f->status, f->max);
		/* TRANSLATORS: a URL, then the most bytes allowed. */
		*cause = xasprintf(_("%s: larger than %zu bytes"), f->url,
		    f->max);
		return NET_ERR_TOO_BIG;
	}
	if (f->overflow) {
		fetch_log(f, "%s %s%s -> %ld, stopped: more than %llu bytes",
		    fetch_method(f), f->url, label, f->status,
		    (unsigned long long)f->obj->size);
		/* TRANSLATORS: an object, its size and sha256 in index.json. */
		*cause = xasprintf(_("%s: expected %llu bytes with sha256 %s, "
		    "got more"), f->obj->path,
		    (unsigned long long)f->obj->size, f->obj->sha256);
		return NET_ERR_HASH;
	}
	if (f->write_errno != 0) {
		*cause = xasprintf(_("cannot write %s: %s"), f->path,
		    strerror(f->write_errno));
		return NET_ERR_CACHE;
	}
	if (f->bad_range) {
		fetch_log(f, "%s %s%s -> %ld, another range: %s",
		    fetch_method(f), f->url, label, f->status,
		    f->content_range != NULL ? f->content_range : "none");
		*cause = xasprintf(_("%s: the server answered with another "
		    "range than asked"), f->url);
		return NET_ERR_FETCH;
	}
	return NET_OK;
}

/* A transfer that failed below HTTP (or a local file that is not there). */
static enum net_status
fetch_failed(struct fetch *f, CURLcode rc, const char *label, int *missing,
    char **cause)
{
	char	*why;

	if (f->is_file && (rc == CURLE_FILE_COULDNT_READ_FILE ||
	    rc == CURLE_REMOTE_FILE_NOT_FOUND)) {
		if (missing != NULL)
			*missing = 1;
		why = xstrdup(_("no such file"));
	} else
		why = fetch_transport_error(f, rc);
	f->cut = f->body_started && f->received > 0;
	if (f->cut)
		fetch_log(f, "%s %s%s -> %ld, cut off after %llu bytes: %s",
		    fetch_method(f), f->url, label, f->status,
		    (unsigned long long)f->received, why);
	else
		fetch_log(f, "%s %s%s -> failed: %s", fetch_method(f),
		    f->url, label, why);
	*cause = xasprintf("%s: %s", f->url, why);
	free(why);
	return NET_ERR_FETCH;
}

/* Follows a 3xx answer: the next URL checked and set; NET_OK to go on. */
static enum net_status
fetch_redirect(struct fetch *f, const char *label, int *hops, char **cause)
{
	enum net_status	 status;
	char		*to = NULL;

	f->cl->easy_getinfo(f->curl, CURLINFO_REDIRECT_URL, &to);
	fetch_log(f, "%s %s%s -> %ld, to %s", fetch_method(f), f->url, label,
	    f->status, to != NULL ? to : "(nowhere)");
	if (to == NULL) {
		*cause = xasprintf(_("%s: HTTP status %ld without a "
		    "location"), f->url, f->status);
		return NET_ERR_FETCH;
	}
	if (++*hops > f->cfg->max_redirs) {
		*cause = xasprintf(_("%s: more than %ld redirects"),
		    f->first_url, f->cfg->max_redirs);
		return NET_ERR_FETCH;
	}
	if ((status = fetch_redirect_check(f, to, cause)) != NET_OK)
		return status;
	to = xstrdup(to);	/* libcurl's is gone next perform */
	free(f->url);
	f->url = to;
	return NET_OK;
}

/*
 * A 429 or 503 answer with a Retry-After that ends before the deadline:
 * waits and returns 1 to try again. Otherwise 0, and *why (caller frees)
 * says why a Retry-After given was not waited for.
 */
static int
fetch_retry(struct fetch *f, const char *label, int *retries, char **why)
{
	long	wait;
	int64_t	left;

	wait = fetch_retry_after(f->cl, f->retry_after);
	left = f->cfg->deadline != 0 ? f->cfg->deadline - net_clock_ms() :
	    INT64_MAX;
	/* Divide, never multiply: a server picks wait. */
	if (wait >= 0 && *retries < FETCH_RETRIES_MAX && left > 0 &&
	    wait < left / 1000) {
		fetch_log(f, "%s %s%s -> %ld, retrying after %ld s",
		    fetch_method(f), f->url, label, f->status, wait);
		(*retries)++;
		fetch_sleep(wait);
		return 1;
	}
	if (wait >= 0)
		/*
		 * TRANSLATORS: after an HTTP status, between parentheses:
		 * the seconds the server asked to wait.
		 */
		*why = xasprintf(_("retry after %ld s: beyond the time limit"),
		    wait);
	return 0;
}

/*
 * Judges one attempt: NET_OK with the body delivered, NET_OK with *again
 * set to make the next attempt (a redirect, a retry), or the error.
 */
static enum net_status
fetch_judge(struct fetch *f, CURLcode rc, const char *label, int *missing,
    int *hops, int *retries, int *again, char **cause)
{
	enum net_status	 status;
	const char	*hint;
	char		*why = NULL;

	*again = 0;
	if ((status = fetch_stopped(f, label, cause)) != NET_OK)
		return status;
	if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && f->discarded > 0))
		return fetch_failed(f, rc, label, missing, cause);
	if (f->is_file) {
		/* TRANSLATORS: --verbose: a local file read, its size. */
		fetch_log(f, P_("read %s -> %llu byte", "read %s -> %llu bytes",
		    f->received), f->url, (unsigned long long)f->received);
		return NET_OK;
	}
	if (f->status >= 200 && f->status < 300) {
		fetch_log(f, "%s %s%s -> %ld, %llu bytes", fetch_method(f),
		    f->url, label, f->status, (unsigned long long)f->received);
		return NET_OK;
	}
	if (f->status == 304 && f->cond != NULL) {
		fetch_log(f, "%s %s%s -> 304 not modified", fetch_method(f),
		    f->url, label);
		return NET_OK;
	}
	if (f->status >= 300 && f->status < 400 && f->status != 304 &&
	    (f->post == NULL || f->status == 307 || f->status == 308)) {
		status = fetch_redirect(f, label, hops, cause);
		*again = status == NET_OK;
		return status;
	}
	if (f->post == NULL && (f->status == 429 || f->status == 503) &&
	    fetch_retry(f, label, retries, &why)) {
		*again = 1;
		return NET_OK;
	}
	fetch_log(f, "%s %s%s -> %ld", fetch_method(f), f->url, label, f->status);
	if (missing != NULL && (f->status == 404 || f->status == 410))
		*missing = 1;
	hint = why != NULL ? why : fetch_status_hint(f, f->status);
	if (hint != NULL)
		/* TRANSLATORS: the URL, the HTTP status, what it means. */
		*cause = xasprintf(_("%s: HTTP status %ld (%s)"), f->url,
		    f->status, hint);
	else
		*cause = xasprintf(_("%s: HTTP status %ld"), f->url,
		    f->status);
	free(why);
	return NET_ERR_FETCH;
}

/*
 * Runs the request, following redirects and Retry-After by hand.
 * Returns NET_OK for a 2xx (or 304 when conditional, or a file) with
 * the body delivered; anything else with *cause set. *missing: 404/410.
 */
static enum net_status
fetch_perform(struct fetch *f, int *missing, char **cause)
{
	enum net_status	 status;
	CURLcode	 rc;
	char		*label;
	long		 code;
	int		 hops = 0, retries = 0, again = 1;

	if (missing != NULL)
		*missing = 0;
	while (again) {
		if ((status = fetch_attempt(f, cause)) != NET_OK)
			break;
		label = fetch_label(f);
		f->received = 0;
		rc = f->cl->easy_perform(f->curl);
		code = 0;
		f->cl->easy_getinfo(f->curl, CURLINFO_RESPONSE_CODE, &code);
		if (!f->is_file && code != 0)
			f->status = code;
		if (f->info != NULL)
			f->info->status = f->is_file ? 0 : f->status;
		status = fetch_judge(f, rc, label, missing, &hops, &retries,
		    &again, cause);
		free(label);
	}
	return status;
}

enum net_status
net_fetch_memory(const struct net_fetch_config *cfg, const char *url,
    size_t max, struct buf *out, const struct net_fetch_info *cond,
    int *missing, struct net_fetch_info *info, char **cause)
{
	struct fetch	 f;
	enum net_status	 status;
	size_t		 start = out->len;

	if (missing != NULL)
		*missing = 0;
	memset(&f, 0, sizeof f);
	f.out = out;
	f.max = max;
	f.info = info;
	f.cond = cond;
	f.fd = -1;
	if ((status = fetch_begin(&f, cfg, url, cause)) != NET_OK)
		return status;
	f.cl->easy_setopt(f.curl, CURLOPT_WRITEFUNCTION, fetch_write_memory);
	f.cl->easy_setopt(f.curl, CURLOPT_WRITEDATA, &f);
	status = fetch_perform(&f, missing, cause);
	if (status != NET_OK)
		out->len = start;	/* nothing half-read is left */
	if (out->data != NULL)
		out->data[out->len] = '\0';
	fetch_end(&f);
	return status;
}

enum net_status
net_fetch_post(const struct net_fetch_config *cfg, const char *url,
    const char *body, size_t len, long *http_status, char **cause)
{
	struct fetch	 f;
	struct buf	 out;
	enum net_status	 status;

	*http_status = 0;
	memset(&f, 0, sizeof f);
	buf_init(&out);
	f.out = &out;
	f.max = FETCH_ERROR_BODY_MAX;	/* the answer is read and dropped */
	f.fd = -1;
	f.post = body;
	f.post_len = len;
	if ((status = fetch_begin(&f, cfg, url, cause)) != NET_OK)
		return status;
	if (f.is_file) {
		fetch_end(&f);
		/* TRANSLATORS: %s is the reports URL; https is a scheme. */
		*cause = xasprintf(_("%s: a report is only sent over https"),
		    url);
		return NET_ERR_USAGE;
	}
	f.cl->easy_setopt(f.curl, CURLOPT_POSTFIELDS, body);
	f.cl->easy_setopt(f.curl, CURLOPT_POSTFIELDSIZE, (long)len);
	f.cl->easy_setopt(f.curl, CURLOPT_WRITEFUNCTION, fetch_write_memory);
	f.cl->easy_setopt(f.curl, CURLOPT_WRITEDATA, &f);
	status = fetch_perform(&f, NULL, cause);
	*http_status = f.status;
	/* A long answer to an accepted report: accepted all the same. */
	if (status == NET_ERR_TOO_BIG && f.status >= 200 && f.status < 300) {
		free(*cause);
		*cause = NULL;
		status = NET_OK;
	}
	fetch_end(&f);
	buf_free(&out);
	return status;
}

int
net_url_same_origin(const char *a, const char *b, char **cause)
{
	const struct net_curl	*cl;
	char			*oa, *ob, *sa, *sb;
	int			 ua, ub, same;

	if ((cl = net_curl_load(cause)) == NULL)
		return -1;
	oa = fetch_url_origin(cl, a, &sa, &ua);
	ob = fetch_url_origin(cl, b, &sb, &ub);
	if (oa == NULL || ob == NULL || sa == NULL || sb == NULL) {
		*cause = xasprintf(_("%s is not a valid URL"), oa == NULL ? a :
		    b);
		same = -1;
	} else
		same = strcasecmp(sa, sb) == 0 && strcmp(oa, ob) == 0;
	free(oa);
	free(ob);
	free(sa);
	free(sb);
	return same;
}

static void
fetch_hex(const unsigned char *bin, size_t len, char *out)
{
	static const char	hex[] = "0123456789abcdef";
	size_t			i;

	for (i = 0; i < len; i++) {
		out[2 * i] = hex[bin[i] >> 4];
		out[2 * i + 1] = hex[bin[i] & 0xf];
	}
	out[2 * len] = '\0';
}

/* Hashes what fd already holds into f->sha; -1 with errno on error. */
static int
fetch_hash_existing(struct fetch *f)
{
	unsigned char	 chunk[65536];
	ssize_t		 n;

	crypto_hash_sha256_init(&f->sha);
	f->got = 0;
	if (lseek(f->fd, 0, SEEK_SET) < 0)
		return -1;
	for (;;) {
		n = read(f->fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		crypto_hash_sha256_update(&f->sha, chunk, (size_t)n);
		f->got += (uint64_t)n;
	}
	return 0;
}

/*
 * Opens the download file: an earlier partial download of ours is kept
 * (and hashed), anything else at path is replaced. Sets *resumed when
 * the file holds bytes already.
 */
static enum net_status
fetch_open_part(struct fetch *f, int *resumed, char **cause)
{
	const char	*path = f->path;
	struct stat	 lst, st;
	int		 fd;

	*resumed = 0;
	if (lstat(path, &lst) == 0) {
		/* A hard link would have us append to another file. */
		if (!S_ISREG(lst.st_mode) || lst.st_uid != geteuid() ||
		    lst.st_nlink != 1 ||
		    (uint64_t)lst.st_size > f->obj->size ||
		    lst.st_size == 0) {
			unlink(path);
		} else if ((fd = open(path, O_RDWR | O_APPEND | O_NOFOLLOW |
		    O_CLOEXEC)) >= 0) {
			if (fstat(fd, &st) == 0 && st.st_ino == lst.st_ino &&
			    S_ISREG(st.st_mode) && st.st_nlink == 1 &&
			    fchmod(fd, 0600) == 0) {
				f->fd = fd;
				if (fetch_hash_existing(f) == 0) {
					*resumed = f->got > 0;
					return NET_OK;
				}
			}
			close(fd);
			f->fd = -1;
			unlink(path);
		} else
			unlink(path);
	}
	f->fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC |
	    O_NOFOLLOW, 0600);
	if (f->fd < 0) {
		*cause = xasprintf(_("cannot create %s: %s"), path,
		    strerror(errno));
		return NET_ERR_CACHE;
	}
	crypto_hash_sha256_init(&f->sha);
	f->got = 0;
	return NET_OK;
}

/* One try at an object; *resumed when it started from an earlier partial file. */
static enum net_status
fetch_object_once(const struct net_fetch_config *cfg, const char *url,
    const struct feed_object *obj, const char *path,
    net_fetch_progress_cb progress, void *arg, uint64_t *got, int *resumed,
    int *kept, char **cause)
{
	struct fetch			 f;
	enum net_status			 status;
	crypto_hash_sha256_state	 done;
	unsigned char			 digest[crypto_hash_sha256_BYTES];
	char				 hex[2 * crypto_hash_sha256_BYTES + 1];
	char				*n;

	*got = 0;
	*kept = 0;
	memset(&f, 0, sizeof f);
	f.obj = obj;
	f.path = path;
	f.progress = progress;
	f.progress_arg = arg;
	f.fd = -1;
	if ((status = fetch_begin(&f, cfg, url, cause)) != NET_OK)
		return status;
	if ((status = fetch_open_part(&f, resumed, cause)) != NET_OK) {
		fetch_end(&f);
		return status;
	}
	if (f.got == obj->size) {
		/* Complete from an earlier attempt: only the hash to check. */
		done = f.sha;
		crypto_hash_sha256_final(&done, digest);
		fetch_hex(digest, sizeof digest, hex);
		if (strcmp(hex, obj->sha256) == 0) {
			/* TRANSLATORS: --verbose: an object of the feed. */
			fetch_log(&f, _("%s: already downloaded, hash "
			    "verified"), obj->path);
			if (progress != NULL)
				progress(f.got, arg);
			close(f.fd);
			fetch_end(&f);
			return NET_OK;
		}
		fetch_log(&f, _("%s: an earlier download does not match its "
		    "hash; discarded"), obj->path);
		if (ftruncate(f.fd, 0) != 0) {
			*cause = xasprintf(_("cannot write %s: %s"), path,
			    strerror(errno));
			status = NET_ERR_CACHE;
		}
		crypto_hash_sha256_init(&f.sha);
		f.got = 0;
		*resumed = 0;
	}
	if (status == NET_OK) {
		f.cl->easy_setopt(f.curl, CURLOPT_WRITEFUNCTION,
		    fetch_write_file);
		f.cl->easy_setopt(f.curl, CURLOPT_WRITEDATA, &f);
		status = fetch_perform(&f, NULL, cause);
		*got = f.received;
	}
	if (status == NET_OK) {
		crypto_hash_sha256_final(&f.sha, digest);
		fetch_hex(digest, sizeof digest, hex);
		if (f.got != obj->size || strcmp(hex, obj->sha256) != 0) {
			/*
			 * TRANSLATORS: an object; its size and sha256 in
			 * index.json; the size and sha256 downloaded.
			 */
			*cause = xasprintf(_("%s: expected %llu bytes with "
			    "sha256 %s, got %llu bytes with sha256 %s"),
			    obj->path, (unsigned long long)obj->size,
			    obj->sha256, (unsigned long long)f.got, hex);
			status = NET_ERR_HASH;
		}
	}
	if (close(f.fd) != 0 && status == NET_OK) {
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno));
		status = NET_ERR_CACHE;
	}
	if (status == NET_ERR_FETCH && f.cut && f.got > 0 &&
	    f.got < obj->size) {
		*kept = 1;
		/*
		 * TRANSLATORS: why the download stopped, then the bytes
		 * downloaded of the object's size.
		 */
		n = xasprintf(_("%s (%llu of %llu bytes kept: the next sync "
		    "resumes)"), *cause, (unsigned long long)f.got,
		    (unsigned long long)obj->size);
		free(*cause);
		*cause = n;
		/* TRANSLATORS: --verbose: an object, bytes kept of its size. */
		fetch_log(&f, _("%s: %llu of %llu bytes kept to resume later"),
		    obj->path, (unsigned long long)f.got,
		    (unsigned long long)obj->size);
	} else if (status != NET_OK)
		unlink(path);
	fetch_end(&f);
	return status;
}

enum net_status
net_fetch_object(const struct net_fetch_config *cfg, const char *url,
    const struct feed_object *obj, const char *path,
    net_fetch_progress_cb progress, void *arg, uint64_t *got, int *kept,
    char **cause)
{
	enum net_status	 status;
	uint64_t	 n;
	int		 resumed;

	*got = 0;
	status = fetch_object_once(cfg, url, obj, path, progress, arg, &n,
	    &resumed, kept, cause);
	*got += n;
	if (status == NET_OK || !resumed || *kept ||
	    (status != NET_ERR_HASH && status != NET_ERR_FETCH))
		return status;
	/* A resumed download that went wrong: once more, whole. */
	if (cfg != NULL && cfg->log != NULL) {
		/* TRANSLATORS: --verbose: an object, why the resume failed. */
		char *line = xasprintf(_("%s: the resumed download failed "
		    "(%s); fetching it whole"), obj->path, *cause);

		cfg->log(line, cfg->log_arg);
		free(line);
	}
	free(*cause);
	*cause = NULL;
	status = fetch_object_once(cfg, url, obj, path, progress, arg, &n,
	    &resumed, kept, cause);
	*got += n;
	return status;
}

/* Percent-encodes a local path for a file:// URL. */
static void
fetch_path_escape(struct buf *b, const char *path)
{
	static const char	hex[] = "0123456789ABCDEF";
	unsigned char		c;

	for (; *path != '\0'; path++) {
		c = (unsigned char)*path;
		if (ascii_alnum(c) || strchr("/-._~", c) != NULL)
			buf_addc(b, (char)c);
		else {
			buf_addc(b, '%');
			buf_addc(b, hex[c >> 4]);
			buf_addc(b, hex[c & 0xf]);
		}
	}
}

enum net_status
net_feed_base_url(const char *feed, char **url, char **cause)
{
	const struct net_curl	*cl;
	struct buf		 b;
	char			*cwd, *origin, *scheme;
	size_t			 len;
	int			 userinfo;

	*url = NULL;
	if (feed == NULL || *feed == '\0') {
		*cause = xstrdup(_("no feed is configured"));
		return NET_ERR_USAGE;
	}
	buf_init(&b);
	if (strstr(feed, "://") != NULL) {
		if (strncasecmp(feed, "https://", 8) != 0 &&
		    strncasecmp(feed, "file://", 7) != 0) {
			buf_free(&b);
			*cause = xasprintf(_("%s: only https:// and file:// "
			    "feeds (or a local directory) are allowed"), feed);
			return NET_ERR_USAGE;
		}
		if (strncasecmp(feed, "https://", 8) == 0) {
			/* libcurl parses it, as it will fetch it. */
			if ((cl = net_curl_load(cause)) == NULL) {
				buf_free(&b);
				return NET_ERR_FETCH;
			}
			origin = fetch_url_origin(cl, feed, &scheme, &userinfo);
			free(scheme);
			if (origin == NULL || userinfo) {
				free(origin);
				buf_free(&b);
				/* TRANSLATORS: token_file is a config key. */
				*cause = xstrdup(userinfo ? _("the feed URL "
				    "must not hold a user name or password "
				    "(use token_file)") : _("the feed URL is "
				    "not a valid URL"));
				return NET_ERR_USAGE;
			}
			free(origin);
		}
		buf_adds(&b, feed);
	} else {
		buf_adds(&b, "file://");
		if (*feed != '/') {
			if ((cwd = getcwd(NULL, 0)) == NULL) {
				buf_free(&b);
				*cause = xasprintf(_("%s: cannot find the "
				    "current directory: %s"), feed,
				    strerror(errno));
				return NET_ERR_USAGE;
			}
			fetch_path_escape(&b, cwd);
			free(cwd);
			buf_addc(&b, '/');
		}
		fetch_path_escape(&b, feed);
	}
	len = b.len;
	if (len == 0 || b.data[len - 1] != '/')
		buf_addc(&b, '/');
	*url = buf_detach(&b);
	return NET_OK;
}
