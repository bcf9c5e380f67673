/*
 * curl-lib.c: libcurl, loaded with dlopen when the first transfer starts
 * instead of linked. libcurl.so pulls in some thirty shared libraries
 * (TLS, Kerberos, LDAP, SSH, HTTP/2, ...) whose loading and constructors
 * would cost every start of globe, the TUI's first frame included,
 * several milliseconds; most starts never fetch anything. The library is
 * loaded once (under pthread_once: the TUI syncs in a thread), checked to
 * be 7.85 or newer, initialized, and never unloaded. <curl/curl.h> still
 * gives the types, constants and prototypes: the table's members have
 * exactly the types of the functions they stand for.
 */
#include "config.h"

#include <dlfcn.h>
#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include <curl/curl.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/net.h"
#include "net/private.h"

#ifndef GLOBE_CURL_SONAME
#define GLOBE_CURL_SONAME	"libcurl.so.4"
#endif
#define NET_CURL_VERSION_MIN	0x075500	/* 7.85: PROTOCOLS_STR */

/* Each member of struct net_curl and the libcurl function it holds. */
#define NET_CURL_FUNCTIONS \
	X(global_init_mem,	curl_global_init_mem) \
	X(version_info,		curl_version_info) \
	X(easy_init,		curl_easy_init) \
	X(easy_setopt,		curl_easy_setopt) \
	X(easy_perform,		curl_easy_perform) \
	X(easy_getinfo,		curl_easy_getinfo) \
	X(easy_cleanup,		curl_easy_cleanup) \
	X(easy_strerror,	curl_easy_strerror) \
	X(slist_append,		curl_slist_append) \
	X(slist_free_all,	curl_slist_free_all) \
	X(url,			curl_url) \
	X(url_set,		curl_url_set) \
	X(url_get,		curl_url_get) \
	X(url_cleanup,		curl_url_cleanup) \
	X(free,			curl_free) \
	X(getdate,		curl_getdate) \
	X(share_init,		curl_share_init) \
	X(share_setopt,		curl_share_setopt) \
	X(share_cleanup,	curl_share_cleanup)

/*
 * libcurl's memory, wiped before it is freed: its request buffers and
 * header lists hold the bearer token ("Authorization: Bearer …"), and it
 * frees them without clearing, so copies stayed in the heap (and in a
 * core dump) after every sync. malloc_usable_size gives the whole block.
 */
static void
net_curl_free(void *p)
{
	if (p == NULL)
		return;
	sodium_memzero(p, malloc_usable_size(p));
	free(p);
}

/* Set when an allocation for libcurl failed: a real lack of memory. */
static volatile int	 net_curl_nomem;

static void *
net_curl_malloc(size_t n)
{
	void	*p = malloc(n);

	if (p == NULL)
		net_curl_nomem = 1;
	return p;
}

static void *
net_curl_calloc(size_t nmemb, size_t size)
{
	void	*p = calloc(nmemb, size);

	if (p == NULL)
		net_curl_nomem = 1;
	return p;
}

int
net_curl_out_of_memory(void)
{
	return net_curl_nomem;
}

/* Never realloc in place: the old block would be freed unwiped. */
static void *
net_curl_realloc(void *p, size_t n)
{
	size_t	 old;
	void	*q;

	if (p == NULL)
		return net_curl_malloc(n);
	if (n == 0) {
		net_curl_free(p);
		return NULL;
	}
	if ((q = net_curl_malloc(n)) == NULL)
		return NULL;
	old = malloc_usable_size(p);
	memcpy(q, p, old < n ? old : n);
	net_curl_free(p);
	return q;
}

static char *
net_curl_strdup(const char *s)
{
	size_t	 n = strlen(s) + 1;
	char	*d;

	if ((d = net_curl_malloc(n)) != NULL)
		memcpy(d, s, n);
	return d;
}

static struct net_curl	 net_curl;
static int		 net_curl_ready;
static char		*net_curl_error;	/* why it could not be loaded */
static pthread_once_t	 net_curl_once = PTHREAD_ONCE_INIT;

static void
net_curl_open(void)
{
	struct net_curl		 lib;
	curl_version_info_data	*v;
	const char		*why;
	void			*h, *sym;

	if ((h = dlopen(GLOBE_CURL_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		why = dlerror();
		/*
		 * TRANSLATORS: the library's file name, the system's reason;
		 * libcurl4 is the name of a package: keep it.
		 */
		net_curl_error = xasprintf(_("cannot load libcurl (%s): %s; "
		    "install the libcurl4 package"), GLOBE_CURL_SONAME,
		    why != NULL ? why : _("unknown error"));
		return;
	}
#define X(member, name) \
	if ((sym = dlsym(h, #name)) == NULL) { \
		net_curl_error = xasprintf(_("cannot load libcurl (%s): it " \
		    "has no %s; globe needs libcurl 7.85 or newer"), \
		    GLOBE_CURL_SONAME, #name); \
		return; \
	} \
	lib.member = (__typeof__(lib.member))sym;
	NET_CURL_FUNCTIONS
#undef X

	v = lib.version_info(CURLVERSION_NOW);
	if (v == NULL || v->version_num < NET_CURL_VERSION_MIN) {
		/* TRANSLATORS: libcurl's version, then its file name. */
		net_curl_error = xasprintf(_("libcurl %s (%s) is too old: "
		    "globe needs 7.85 or newer"),
		    v != NULL && v->version != NULL ? v->version : "?",
		    GLOBE_CURL_SONAME);
		return;
	}
	if (lib.global_init_mem(CURL_GLOBAL_DEFAULT, net_curl_malloc,
	    net_curl_free, net_curl_realloc, net_curl_strdup,
	    net_curl_calloc) != CURLE_OK) {
		net_curl_error = xasprintf(_("cannot initialize libcurl (%s)"),
		    GLOBE_CURL_SONAME);
		return;
	}
	net_curl = lib;
	net_curl_ready = 1;
}

const struct net_curl *
net_curl_load(char **cause)
{
	if (pthread_once(&net_curl_once, net_curl_open) != 0) {
		*cause = xstrdup(_("cannot load libcurl: pthread_once "
		    "failed"));
		return NULL;
	}
	if (!net_curl_ready) {
		*cause = xstrdup(net_curl_error != NULL ? net_curl_error :
		    _("cannot load libcurl"));
		return NULL;
	}
	return &net_curl;
}
