/*
 * report.c: the officer's flags, sent to the reports URL the signed index
 * names, once a sync has applied its data. Each pending flag is one
 * HTTPS POST of one JSON document (net_report_document), with the feed's
 * TLS settings and credentials; a 2xx answer marks it sent, anything
 * else keeps it pending with the reason, and the sync's result says how
 * many went and why the others wait. The URL must be https://, and on
 * the feed's own host whenever a token or client certificate would go
 * with it, as for a redirect of the feed. Nothing here can fail the
 * sync: its data is committed before the first report leaves.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cache/cache.h"
#include "common/common.h"
#include "common/i18n.h"
#include "net/net.h"
#include "net/private.h"

/* The format a receiver checks first (docs/feed-format.md, "Reports"). */
#define REPORT_FORMAT	"globe-report/1"

char *
net_report_document(const struct cache_flag *f)
{
	json_t	*o, *r;
	char	 when[32], *text, *out;

	o = json_object();
	json_object_set_new(o, "format", json_string(REPORT_FORMAT));
	json_object_set_new(o, "report_id", json_string(f->report_id));
	json_object_set_new(o, "feed_id", f->feed_id != NULL ?
	    json_string(f->feed_id) : json_null());
	json_object_set_new(o, "serial", f->serial >= 0 ?
	    json_integer(f->serial) : json_null());
	r = json_object();
	json_object_set_new(r, "type", json_string(record_types[f->type].name));
	json_object_set_new(r, "id", json_string(f->id));
	json_object_set_new(r, "name", f->name != NULL ?
	    json_string(f->name) : json_null());
	json_object_set_new(o, "record", r);
	json_object_set_new(o, "text", json_string(f->text));
	feed_time_format((time_t)f->created, when);
	json_object_set_new(o, "flagged", json_string(when));
	json_object_set_new(o, "client", json_string(PACKAGE_NAME "/"
	    PACKAGE_VERSION));
	/* Invalid UTF-8 never reaches here (cache_flag_add refuses it). */
	text = json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT);
	json_decref(o);
	out = xasprintf("%s\n", text != NULL ? text : "{}");
	free(text);
	return out;
}

/*
 * Why url may not take the reports, or NULL: not https://, or on
 * another host than the feed while credentials would go with it. A
 * message the caller frees.
 */
static char *
report_refused(const struct net_fetch_config *cfg, const char *feed_base,
    const char *url)
{
	char	*clean, *why = NULL, *out;
	int	 same;

	clean = sanitize(url, SANITIZE_IDENT);
	if (!feed_reports_url_valid(url)) {
		/* TRANSLATORS: %s is the URL the feed's index names. */
		out = xasprintf(_("the reports URL %s is refused: only an "
		    "https:// URL with a host is used"), clean);
		free(clean);
		return out;
	}
	if (cfg->token == NULL && cfg->client_cert == NULL) {
		free(clean);
		return NULL;
	}
	same = net_url_same_origin(feed_base, url, &why);
	if (same == 1) {
		free(clean);
		return NULL;
	}
	if (same < 0)
		/* TRANSLATORS: the URL, then why it is not a URL. */
		out = xasprintf(_("the reports URL %s is refused: %s"), clean,
		    why != NULL ? why : _("not a URL"));
	else
		/* TRANSLATORS: %s is the URL the feed's index names. */
		out = xasprintf(_("the reports URL %s is refused: it is not "
		    "on the feed's host, and a token or client certificate "
		    "is only sent to the feed's own host"), clean);
	free(why);
	free(clean);
	return out;
}

/* Keeps the first reason a report waits. */
static void
report_note(struct net_result *res, const char *why)
{
	if (res->reports_error == NULL && why != NULL)
		res->reports_error = xstrdup(why);
}

void
net_reports_send(struct cache *cache, const struct net_fetch_config *cfg,
    const char *feed_base, const char *url, const char *refused_why,
    int64_t now, struct net_result *res)
{
	struct cache_flag	*v;
	char			*doc, *why, *refused;
	size_t			 n, i;
	long			 http;
	int			 down = 0;

	if (cache_flags_list(cache, CACHE_FLAGS_PENDING, -1, NULL, &v,
	    &n) != CACHE_OK || n == 0)
		return;
	res->reports_pending = (unsigned)n;
	if (url == NULL || *url == '\0') {
		res->reports_nowhere = 1;
		cache_flags_free(v, n);
		return;
	}
	refused = refused_why != NULL ? xstrdup(refused_why) :
	    report_refused(cfg, feed_base, url);
	if (refused != NULL) {
		report_note(res, refused);
		for (i = 0; i < n; i++)
			cache_flag_result(cache, v[i].n, 0, refused);
		free(refused);
		cache_flags_free(v, n);
		return;
	}
	for (i = 0; i < n && !down; i++) {
		doc = net_report_document(&v[i]);
		why = NULL;
		if (net_fetch_post(cfg, url, doc, strlen(doc), &http,
		    &why) == NET_OK) {
			if (cache_flag_result(cache, v[i].n, now > 0 ? now : 1,
			    NULL) == CACHE_OK) {
				res->reports_sent++;
				res->reports_pending--;
			}
		} else {
			report_note(res, why);
			cache_flag_result(cache, v[i].n, 0, why);
			/* No answer at all: the others would fare no better. */
			down = http == 0;
		}
		free(why);
		free(doc);
	}
	cache_flags_free(v, n);
}
