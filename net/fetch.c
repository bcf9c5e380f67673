/*
 * fetch.c: the transport. Every transfer goes through libcurl (https://
 * and file:// alike) with the same safe settings: https or file only,
 * redirects only to https, TLS always verified, no .netrc, size caps
 * counted on the decoded bytes in the write callback (CURLOPT_MAXFILESIZE
 * does not stop a chunked body), time and low-speed limits. Objects are
 * hashed while they download into a 0600 file.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "common/common.h"
#include "net/net.h"
#include "net/private.h"

const struct net_fetch_config net_fetch_defaults = {
	.connect_timeout = 20,
	.low_speed_limit = 1,
	.low_speed_time = 60,
	.max_redirs = 5,
	.timeout = 0,
	.user_agent = PACKAGE_NAME "/" PACKAGE_VERSION,
};

#define FETCH_PROGRESS_STEP	(256 * 1024)

static int
fetch_global_init(char **cause)
{
	static int	done;

	if (done)
		return 0;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		*cause = xstrdup("cannot initialize libcurl");
		return -1;
	}
	if (sodium_init() < 0) {
		*cause = xstrdup("cannot initialize libsodium");
		return -1;
	}
	done = 1;
	return 0;
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

/* State shared by the callbacks of one transfer. */
struct fetch {
	CURL				*curl;
	char				 errbuf[CURL_ERROR_SIZE];
	const char			*url;

	/* into memory */
	struct buf			*out;
	size_t				 max;
	int				 too_big;

	/* into a file */
	int				 fd;
	int				 write_errno;
	const struct feed_object	*obj;
	crypto_hash_sha256_state	 sha;
	uint64_t			 got;
	uint64_t			 reported;
	int				 overflow;
	net_fetch_progress_cb		 progress;
	void				*progress_arg;

	struct net_fetch_info		*info;
};

static size_t
fetch_write_memory(char *data, size_t size, size_t n, void *arg)
{
	struct fetch	*f = arg;
	size_t		 len = size * n;

	if (len > f->max || f->out->len > f->max - len) {
		f->too_big = 1;
		return 0;
	}
	buf_add(f->out, data, len);
	return len;
}

static size_t
fetch_write_file(char *data, size_t size, size_t n, void *arg)
{
	struct fetch	*f = arg;
	size_t		 len = size * n, off = 0;
	ssize_t		 w;

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
	if (f->progress != NULL && (f->got - f->reported >= FETCH_PROGRESS_STEP ||
	    f->got == f->obj->size)) {
		f->reported = f->got;
		f->progress(f->got, f->progress_arg);
	}
	return len;
}

/* Keeps the ETag and Last-Modified of the final response. */
static size_t
fetch_header(char *data, size_t size, size_t n, void *arg)
{
	struct fetch	*f = arg;
	size_t		 len = size * n, nlen;
	char		**dest = NULL;
	const char	*v, *end;

	if (f->info == NULL)
		return len;
	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		/* A new response (after a redirect): forget the last one's. */
		free(f->info->etag);
		free(f->info->last_modified);
		f->info->etag = f->info->last_modified = NULL;
		return len;
	}
	if (len > 5 && strncasecmp(data, "ETag:", 5) == 0) {
		dest = &f->info->etag;
		nlen = 5;
	} else if (len > 14 && strncasecmp(data, "Last-Modified:", 14) == 0) {
		dest = &f->info->last_modified;
		nlen = 14;
	} else
		return len;
	v = data + nlen;
	end = data + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && isspace((unsigned char)end[-1]))
		end--;
	free(*dest);
	*dest = (end > v && end - v < 1024) ? xstrndup(v, end - v) : NULL;
	return len;
}

static enum net_status
fetch_setup(struct fetch *f, const struct net_fetch_config *cfg,
    const char *url, char **cause)
{
	CURL	*c;

	if (fetch_global_init(cause) != 0)
		return NET_ERR;
	if ((c = curl_easy_init()) == NULL) {
		*cause = xstrdup("cannot start a transfer (libcurl)");
		return NET_ERR;
	}
	if (cfg == NULL)
		cfg = &net_fetch_defaults;
	f->curl = c;
	f->url = url;
	f->errbuf[0] = '\0';
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, f->errbuf);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https,file");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, cfg->max_redirs);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_IGNORED);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, cfg->connect_timeout);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, cfg->low_speed_limit);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, cfg->low_speed_time);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, cfg->timeout);
	curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);
	if (cfg->user_agent != NULL)
		curl_easy_setopt(c, CURLOPT_USERAGENT, cfg->user_agent);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, fetch_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, f);
	return NET_OK;
}

/*
 * Turns a finished transfer's result into a status. *missing is set when
 * the file is simply not there.
 */
static enum net_status
fetch_result(struct fetch *f, CURLcode rc, int *missing, char **cause)
{
	long	status = 0;

	if (missing != NULL)
		*missing = 0;
	curl_easy_getinfo(f->curl, CURLINFO_RESPONSE_CODE, &status);
	if (f->info != NULL)
		f->info->status = status;
	if (rc == CURLE_OK)
		return NET_OK;
	if (rc == CURLE_HTTP_RETURNED_ERROR) {
		if (missing != NULL && (status == 404 || status == 410))
			*missing = 1;
		*cause = xasprintf("%s: HTTP status %ld", f->url, status);
		return NET_ERR_FETCH;
	}
	if (rc == CURLE_FILE_COULDNT_READ_FILE || rc == CURLE_REMOTE_FILE_NOT_FOUND) {
		if (missing != NULL)
			*missing = 1;
		*cause = xasprintf("%s: no such file", f->url);
		return NET_ERR_FETCH;
	}
	*cause = xasprintf("%s: %s", f->url, f->errbuf[0] != '\0' ?
	    f->errbuf : curl_easy_strerror(rc));
	return NET_ERR_FETCH;
}

enum net_status
net_fetch_memory(const struct net_fetch_config *cfg, const char *url,
    size_t max, struct buf *out, int *missing, struct net_fetch_info *info,
    char **cause)
{
	struct fetch	 f;
	enum net_status	 status;
	CURLcode	 rc;

	if (missing != NULL)
		*missing = 0;
	memset(&f, 0, sizeof f);
	f.out = out;
	f.max = max;
	f.info = info;
	f.fd = -1;
	if ((status = fetch_setup(&f, cfg, url, cause)) != NET_OK)
		return status;
	curl_easy_setopt(f.curl, CURLOPT_WRITEFUNCTION, fetch_write_memory);
	curl_easy_setopt(f.curl, CURLOPT_WRITEDATA, &f);
	rc = curl_easy_perform(f.curl);
	if (f.too_big) {
		*cause = xasprintf("%s: larger than %zu bytes", url, max);
		status = NET_ERR_TOO_BIG;
	} else
		status = fetch_result(&f, rc, missing, cause);
	curl_easy_cleanup(f.curl);
	return status;
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

enum net_status
net_fetch_object(const struct net_fetch_config *cfg, const char *url,
    const struct feed_object *obj, const char *path,
    net_fetch_progress_cb progress, void *arg, uint64_t *got, char **cause)
{
	struct fetch	 f;
	enum net_status	 status;
	unsigned char	 digest[crypto_hash_sha256_BYTES];
	char		 hex[2 * crypto_hash_sha256_BYTES + 1];
	CURLcode	 rc;

	*got = 0;
	memset(&f, 0, sizeof f);
	f.obj = obj;
	f.progress = progress;
	f.progress_arg = arg;
	if ((status = fetch_setup(&f, cfg, url, cause)) != NET_OK)
		return status;
	/* A leftover from an interrupted run would block O_EXCL. */
	unlink(path);
	f.fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (f.fd < 0) {
		*cause = xasprintf("cannot create %s: %s", path, strerror(errno));
		curl_easy_cleanup(f.curl);
		return NET_ERR;
	}
	crypto_hash_sha256_init(&f.sha);
	curl_easy_setopt(f.curl, CURLOPT_WRITEFUNCTION, fetch_write_file);
	curl_easy_setopt(f.curl, CURLOPT_WRITEDATA, &f);
	rc = curl_easy_perform(f.curl);
	*got = f.got;
	if (f.overflow) {
		*cause = xasprintf("%s: expected %llu bytes with sha256 %s, got "
		    "more", obj->path, (unsigned long long)obj->size,
		    obj->sha256);
		status = NET_ERR_HASH;
	} else if (f.write_errno != 0) {
		*cause = xasprintf("cannot write %s: %s", path,
		    strerror(f.write_errno));
		status = NET_ERR;
	} else if ((status = fetch_result(&f, rc, NULL, cause)) == NET_OK) {
		crypto_hash_sha256_final(&f.sha, digest);
		fetch_hex(digest, sizeof digest, hex);
		if (f.got != obj->size || strcmp(hex, obj->sha256) != 0) {
			*cause = xasprintf("%s: expected %llu bytes with sha256 "
			    "%s, got %llu bytes with sha256 %s", obj->path,
			    (unsigned long long)obj->size, obj->sha256,
			    (unsigned long long)f.got, hex);
			status = NET_ERR_HASH;
		}
	}
	if (close(f.fd) != 0 && status == NET_OK) {
		*cause = xasprintf("cannot write %s: %s", path, strerror(errno));
		status = NET_ERR;
	}
	if (status != NET_OK)
		unlink(path);
	curl_easy_cleanup(f.curl);
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
		if (isalnum(c) || strchr("/-._~", c) != NULL)
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
	struct buf	 b;
	char		*cwd;
	size_t		 len;

	*url = NULL;
	if (feed == NULL || *feed == '\0') {
		*cause = xstrdup("no feed is configured");
		return NET_ERR_USAGE;
	}
	buf_init(&b);
	if (strstr(feed, "://") != NULL) {
		if (strncasecmp(feed, "https://", 8) != 0 &&
		    strncasecmp(feed, "file://", 7) != 0) {
			buf_free(&b);
			*cause = xasprintf("%s: only https:// and file:// feeds "
			    "(or a local directory) are allowed", feed);
			return NET_ERR_USAGE;
		}
		buf_adds(&b, feed);
	} else {
		buf_adds(&b, "file://");
		if (*feed != '/') {
			if ((cwd = getcwd(NULL, 0)) == NULL) {
				buf_free(&b);
				*cause = xasprintf("%s: cannot find the current "
				    "directory: %s", feed, strerror(errno));
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
