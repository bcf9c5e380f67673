/*
 * cmd-sync.c: `globe sync`, `globe status`, and the set-up of --demo
 * (the bundled feed, synced quietly when its index.json differs from the
 * one the demo cache was last synced from). The progress goes to stderr,
 * only on a terminal, at most ten updates a second; --verbose prints each
 * request there too; the summary goes to stdout. Their words are
 * tui/present-sync.c's, as on the full screen.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "cache/cache.h"
#include "common/common.h"
#include "common/i18n.h"
#include "net/net.h"
#include "tui/cmd.h"

#define CLI_LINE_WIDTH	78

struct cli_progress {
	struct timespec	 last;
	int		 shown;
	enum net_phase	 phase;		/* of the last line drawn */
	unsigned	 object;
};

static void
cli_progress_clear(struct cli_progress *pr)
{
	if (pr->shown)
		fprintf(stderr, "\r%*s\r", CLI_LINE_WIDTH, "");
	pr->shown = 0;
}

/* One line, in the words of the full screen's status line. */
static void
cli_progress_cb(const struct net_progress *p, void *arg)
{
	struct cli_progress	*pr = arg;
	struct timespec		 now;
	char			*text;
	long			 ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (now.tv_sec - pr->last.tv_sec) * 1000 +
	    (now.tv_nsec - pr->last.tv_nsec) / 1000000;
	if (pr->shown && ms < 100 && pr->phase == p->phase &&
	    pr->object == p->object)
		return;
	pr->last = now;
	pr->shown = 1;
	pr->phase = p->phase;
	pr->object = p->object;
	text = present_sync_progress(p);
	fprintf(stderr, "\r%-*s", CLI_LINE_WIDTH - 1, text);
	fflush(stderr);
	free(text);
}

/* --verbose: each request and its status (net never puts a secret in it). */
static void
cli_verbose_cb(const char *line, void *arg)
{
	struct cli_progress	*pr = arg;
	char			*clean;

	cli_progress_clear(pr);
	clean = sanitize(line, SANITIZE_LINE);
	fprintf(stderr, "globe: %s\n", clean);
	free(clean);
	fflush(stderr);
}

/*
 * A member-only feed's device key needs its passphrase: asked on the
 * terminal, the progress line cleared first.
 */
static int
cli_passphrase_cb(char *buf, size_t size, int attempt, void *arg)
{
	struct cli_progress	*pr = arg;
	char			*prompt;
	int			 n;

	cli_progress_clear(pr);
	prompt = present_sync_passphrase_prompt(attempt);
	n = cli_passphrase_tty(prompt, buf, size);
	free(prompt);
	return n;
}

/* Fills the options of a sync from the config, the flags or the demo. */
int
cli_sync_options(struct cli *cli, struct net_options *o, char **demo_key)
{
	char	*path, *cause = NULL;

	memset(o, 0, sizeof *o);
	o->tmp_dir = cli->data_dir;
	*demo_key = NULL;
	/* Borrowed from cli, which frees it (cli_device_key). */
	if (cli->device_key == NULL)
		cli->device_key = cli_device_key_path(cli);
	o->device_key = cli->device_key;
	o->passphrase_file = cli->opt[OPT_PASSPHRASE_FILE] != NULL ?
	    cli->opt[OPT_PASSPHRASE_FILE] : cli->config.passphrase_file;
	if (cli->demo) {
		path = xasprintf("%s/demo.pub", cli->demo_dir);
		*demo_key = tui_config_pubkey(path, &cause);
		free(path);
		if (*demo_key == NULL) {
			cli_error(EXIT_ERROR, "the demo feed is missing "
			    "(GLOBE_DEMO_FEED, or build globe with make): %s",
			    cause);
			free(cause);
			return EXIT_ERROR;
		}
		o->feed = cli->demo_dir;
		o->pubkeys = (const char *const *)demo_key;
		o->npubkeys = 1;
		/*
		 * The demo cache is ours: a demo feed rebuilt from scratch
		 * (serial back to 1, a new key, the same serial with new
		 * text) replaces its directory; stars and read marks stay.
		 */
		o->reseed = 1;
		/* Built and signed here, for years: no freeze to fear. */
		o->max_valid_days = 36500;
		return EXIT_OK;
	}
	o->feed = cli->opt[OPT_FEED] != NULL ? cli->opt[OPT_FEED] :
	    cli->config.feed;
	if (o->feed == NULL || *o->feed == '\0') {
		return cli_error(EXIT_USAGE, "no feed configured: put "
		    "'feed = URL' in %s or use sync --feed URL (or try "
		    "globe --demo)", cli->config_path);
	}
	o->pubkeys = (const char *const *)cli->config.pubkeys;
	o->npubkeys = cli->config.npubkeys;
	o->allow_unsigned = cli->config.allow_unsigned ||
	    cli->opt[OPT_ALLOW_UNSIGNED] != NULL;
	/* Flags override the config file. */
	o->ca_file = cli->opt[OPT_CA_FILE] != NULL ? cli->opt[OPT_CA_FILE] :
	    cli->config.ca_file;
	o->client_cert = cli->opt[OPT_CLIENT_CERT] != NULL ?
	    cli->opt[OPT_CLIENT_CERT] : cli->config.client_cert;
	o->client_key = cli->opt[OPT_CLIENT_KEY] != NULL ?
	    cli->opt[OPT_CLIENT_KEY] : cli->config.client_key;
	o->token_file = cli->opt[OPT_TOKEN_FILE] != NULL ?
	    cli->opt[OPT_TOKEN_FILE] : cli->config.token_file;
	o->connect_timeout = cli->config.connect_timeout;
	o->timeout = cli->config.timeout;
	o->low_speed_time = cli->config.low_speed_time;
	o->low_speed_limit = cli->config.low_speed_limit;
	o->no_proxy = cli->config.no_proxy || cli->opt[OPT_NO_PROXY] != NULL;
	o->max_valid_days = cli->config.max_valid_days;
	return EXIT_OK;
}

static int
cli_sync_run(struct cli *cli, int quiet, struct net_result *res)
{
	struct net_options	 o;
	struct cli_progress	 pr;
	enum net_status		 st;
	char			*cause = NULL, *demo_key, *dir;
	int			 rc, progress, tight = 0;

	memset(res, 0, sizeof *res);
	rc = cli_sync_options(cli, &o, &demo_key);
	if (rc != EXIT_OK)
		return rc;
	/* Only globe's own data directory is made private, never --db's. */
	if (cli->db_opt == NULL ? (tight = path_private_dir(cli->data_dir)) < 0 :
	    path_mkdir_p(cli->data_dir, 0700) != 0) {
		free(demo_key);
		return cli_error(EXIT_CACHE, "cannot create %s: %s",
		    cli->data_dir, strerror(errno));
	}
	if (tight > 0) {
		dir = sanitize(cli->data_dir, SANITIZE_LINE);
		cli_error(EXIT_OK, "%s could be entered by others; it is now "
		    "yours alone (0700)", dir);
		free(dir);
	}
	memset(&pr, 0, sizeof pr);
	progress = !quiet && isatty(STDERR_FILENO);
	if (cli->opt[OPT_VERBOSE] != NULL) {
		o.verbose = cli_verbose_cb;
		o.verbose_arg = &pr;
	}
	o.passphrase = cli_passphrase_cb;
	o.passphrase_arg = &pr;
	st = net_sync(cli->cache, &o, progress ? cli_progress_cb : NULL, &pr,
	    res, &cause);
	cli_progress_clear(&pr);
	free(demo_key);
	if (st != NET_OK) {
		char *clean = sanitize(cause, SANITIZE_LINE), *text;

		if (st == NET_ERR_NOT_MEMBER) {
			/* The words: what to send, and to whom. */
			text = present_sync_not_member(clean);
			cli_error(net_exit_code(st), "%s", text);
			free(text);
		} else if (*clean != '\0')
			cli_error(net_exit_code(st), "sync failed: %s: %s",
			    net_strerror(st), clean);
		else
			cli_error(net_exit_code(st), "sync failed: %s",
			    net_strerror(st));
		free(clean);
		free(cause);
		net_result_clear(res);
		return net_exit_code(st);
	}
	free(cause);
	return EXIT_OK;
}

static json_t *
json_changes(const struct cache_changes *c)
{
	static const char *const names[REC_NDATA] = {
		"countries", "authorities", "contacts", "newsletters"
	};
	json_t	*o = json_object(), *t;
	int	 i;

	for (i = 0; i < REC_NDATA; i++) {
		t = json_object();
		json_object_set_new(t, "added", json_integer(c->added[i]));
		json_object_set_new(t, "changed", json_integer(c->changed[i]));
		json_object_set_new(t, "removed", json_integer(c->removed[i]));
		json_object_set_new(o, names[i], t);
	}
	return o;
}

/* Prints a JSON object (consumed) safely, with a final newline. */
static int
cli_print_json(json_t *o)
{
	struct buf	 b;
	char		*text, *safe;
	int		 rc;

	text = json_dumps(o, JSON_INDENT(2));
	json_decref(o);
	safe = out_json_safe(text != NULL ? text : "{}");
	free(text);
	buf_init(&b);
	buf_adds(&b, safe);
	buf_addc(&b, '\n');
	free(safe);
	rc = cli_print(&b);
	buf_free(&b);
	return rc;
}

static int
cli_cmd_sync(struct cli *cli)
{
	struct net_result	 res;
	struct buf		 b;
	json_t			*o;
	char			*summary;
	int			 rc, quiet = cli->opt[OPT_QUIET] != NULL;

	rc = cli_sync_run(cli, quiet, &res);
	if (rc != EXIT_OK)
		return rc;
	if (cli->format == OUT_JSON) {
		o = json_object();
		json_object_set_new(o, "serial", json_integer(res.new_serial));
		json_object_set_new(o, "old_serial", res.old_serial < 0 ?
		    json_null() : json_integer(res.old_serial));
		json_object_set_new(o, "unchanged",
		    json_boolean(res.unchanged));
		json_object_set_new(o, "objects", json_integer(res.nobjects));
		json_object_set_new(o, "bytes",
		    json_integer((json_int_t)res.bytes));
		json_object_set_new(o, "changes", json_changes(&res.changes));
		if (res.expires != NULL)
			json_object_set_new(o, "expires",
			    json_string(res.expires));
		net_result_clear(&res);
		return cli_print_json(o);
	}
	if (quiet) {
		net_result_clear(&res);
		return EXIT_OK;
	}
	buf_init(&b);
	summary = present_sync_done(&res, PRESENT_SYNC_FULL);
	buf_addf(&b, "%s\n", summary);
	free(summary);
	net_result_clear(&res);
	rc = cli_print(&b);
	buf_free(&b);
	return rc;
}

/*
 * Whether the demo cache differs from the bundled demo feed: 1 if it
 * does (or was never synced), 0 if it holds exactly this index.json (the
 * tag a sync recorded), -1 with the error printed and *rc set. Cheap: one
 * small file read and hashed, nothing parsed.
 */
static int
cli_demo_differs(struct cli *cli, int *rc)
{
	struct cache_state	 state;
	enum cache_status	 cst;
	char			*path, *text, *tag;
	size_t			 len;
	int			 differs;

	path = xasprintf("%s/index.json", cli->demo_dir);
	text = file_read_small(path, FILE_SMALL_MAX, &len);
	if (text == NULL) {
		*rc = cli_error(EXIT_ERROR, "the demo feed is missing: %s: %s "
		    "(set GLOBE_DEMO_FEED, or build globe with make)", path,
		    strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	tag = net_index_tag(text, len);
	free(text);
	memset(&state, 0, sizeof state);
	cst = cache_state_get(cli->cache, &state);
	if (cst != CACHE_OK) {
		free(tag);
		*rc = cli_cache_error(cst, "cannot read the demo cache", NULL);
		return -1;
	}
	differs = state.feed_id == NULL || state.etag == NULL ||
	    strcmp(state.etag, tag) != 0;
	cache_state_clear(&state);
	free(tag);
	return differs;
}

int
cli_demo_prepare(struct cli *cli)
{
	struct net_result	 res;
	int			 rc = EXIT_OK, differs;

	differs = cli_demo_differs(cli, &rc);
	if (differs <= 0)
		return rc;
	rc = cli_sync_run(cli, 1, &res);
	if (rc == EXIT_OK)
		net_result_clear(&res);
	return rc;
}

static char *
time_text(int64_t t)
{
	char	 out[32];

	if (t <= 0)
		return xstrdup("never");
	feed_time_format((time_t)t, out);
	return xstrdup(out);
}

/*
 * What `globe status` says of trust and encryption: each signing key it
 * trusts or retired and where it came from, the key epoch of a feed
 * encrypted to its members, and this device's recipient key if it has
 * one. Into b (human) or o (JSON).
 */
static int
cli_status_members(struct cli *cli, const struct cache_state *st,
    struct buf *b, json_t *o)
{
	struct net_trusted_key	*v;
	struct device_file	*f;
	json_t			*keys, *k;
	char			*cause = NULL, *origin, *path, *tok = NULL;
	size_t			 n, i;

	if (net_trust_list(cli->cache, (const char *const *)cli->config.pubkeys,
	    cli->config.npubkeys, &v, &n, &cause) != NET_OK) {
		free(cause);
		v = NULL;
		n = 0;
	}
	path = cli_device_key_path(cli);
	if (access(path, F_OK) == 0 &&
	    device_file_read(path, &f, NULL) == NET_OK) {
		tok = device_recipient(device_file_public(f));
		device_file_free(f);
	}
	if (o != NULL) {
		keys = json_array();
		for (i = 0; i < n; i++) {
			k = json_object();
			json_object_set_new(k, "key", json_string(v[i].base64));
			json_object_set_new(k, "origin", json_string(
			    v[i].configured ? "configured" : "announced"));
			json_object_set_new(k, "serial", v[i].configured &&
			    !v[i].retired ? json_null() :
			    json_integer(v[i].serial));
			json_object_set_new(k, "retired",
			    json_boolean(v[i].retired));
			json_array_append_new(keys, k);
		}
		json_object_set_new(o, "signing_keys", keys);
		json_object_set_new(o, "members_epoch", st->members_epoch !=
		    NULL ? json_string(st->members_epoch) : json_null());
		json_object_set_new(o, "device", tok != NULL ?
		    json_string(tok) : json_null());
	} else {
		for (i = 0; i < n; i++) {
			origin = present_signing_key(v[i].configured,
			    v[i].retired, v[i].serial);
			/* TRANSLATORS: keep the label 15 columns wide. */
			buf_addf(b, _("signing key:   %s (%s)\n"), v[i].base64,
			    origin);
			free(origin);
		}
		if (st->members_epoch != NULL)
			buf_addf(b, _("encrypted:     to its members (key "
			    "epoch %s)\n"), st->members_epoch);
		if (tok != NULL)
			buf_addf(b, _("device key:    %s\n"), tok);
	}
	free(tok);
	free(path);
	net_trust_free(v, n);
	return 0;
}

static int
cli_cmd_status(struct cli *cli)
{
	struct cache_state	 s;
	struct cache_counts	 c;
	enum cache_status	 st;
	struct buf		 b;
	json_t			*o, *cj;
	char			*hex = NULL, *last, *ok, *v[6];
	int			 rc;
	size_t			 i;

	if (cli->opt[OPT_CHECKSUM] != NULL) {
		st = cache_checksum(cli->cache, &hex);
		if (st != CACHE_OK)
			return cli_cache_error(st, "cannot compute the "
			    "checksum", NULL);
		buf_init(&b);
		buf_addf(&b, "%s\n", hex);
		free(hex);
		rc = cli_print(&b);
		buf_free(&b);
		return rc;
	}
	memset(&s, 0, sizeof s);
	memset(&c, 0, sizeof c);
	st = cache_state_get(cli->cache, &s);
	if (st == CACHE_OK)
		st = cache_counts_get(cli->cache, &c);
	if (st != CACHE_OK) {
		cache_state_clear(&s);
		return cli_cache_error(st, "cannot read the cache", NULL);
	}
	last = time_text(s.last_sync);
	ok = time_text(s.last_success);
	if (cli->format == OUT_JSON) {
		o = json_object();
#define JS(k, val) json_object_set_new(o, k, (val) != NULL ? \
		    json_string(val) : json_null())
		JS("db", cli->db_path);
		JS("feed_url", s.feed_url);
		JS("feed_id", s.feed_id);
		json_object_set_new(o, "serial", s.serial < 0 ? json_null() :
		    json_integer(s.serial));
		JS("issued", s.issued);
		JS("expires", s.expires);
		JS("last_sync", s.last_sync > 0 ? last : NULL);
		JS("last_result", s.last_result);
		JS("last_success", s.last_success > 0 ? ok : NULL);
#undef JS
		cj = json_object();
		json_object_set_new(cj, "countries", json_integer(c.countries));
		json_object_set_new(cj, "authorities",
		    json_integer(c.authorities));
		json_object_set_new(cj, "contacts", json_integer(c.contacts));
		json_object_set_new(cj, "newsletters",
		    json_integer(c.newsletters));
		json_object_set_new(cj, "unread", json_integer(c.unread));
		json_object_set_new(cj, "starred", json_integer(c.starred));
		json_object_set_new(o, "counts", cj);
		cli_status_members(cli, &s, NULL, o);
		free(last);
		free(ok);
		cache_state_clear(&s);
		return cli_print_json(o);
	}
	v[0] = sanitize(s.feed_url != NULL ? s.feed_url :
	    (cli->config.feed != NULL ? cli->config.feed : "(none)"),
	    SANITIZE_LINE);
	v[1] = sanitize(s.feed_id != NULL ? s.feed_id : "(none)",
	    SANITIZE_LINE);
	v[2] = sanitize(s.issued != NULL ? s.issued : "-", SANITIZE_LINE);
	v[3] = sanitize(s.expires != NULL ? s.expires : "-", SANITIZE_LINE);
	v[4] = sanitize(s.last_result != NULL ? s.last_result : "",
	    SANITIZE_LINE);
	v[5] = NULL;
	buf_init(&b);
	buf_addf(&b, "database:      %s\n", cli->db_path);
	buf_addf(&b, "feed:          %s\n", v[0]);
	buf_addf(&b, "feed id:       %s\n", v[1]);
	if (s.serial < 0)
		buf_addf(&b, "serial:        (never synced)\n");
	else
		buf_addf(&b, "serial:        %lld\n", (long long)s.serial);
	buf_addf(&b, "issued:        %s\n", v[2]);
	buf_addf(&b, "expires:       %s\n", v[3]);
	if (*v[4] != '\0')
		buf_addf(&b, "last sync:     %s (%s)\n", last, v[4]);
	else
		buf_addf(&b, "last sync:     %s\n", last);
	buf_addf(&b, "last success:  %s\n", ok);
	cli_status_members(cli, &s, &b, NULL);
	buf_addf(&b, "countries:     %u\n", c.countries);
	buf_addf(&b, "authorities:   %u\n", c.authorities);
	buf_addf(&b, "contacts:      %u\n", c.contacts);
	buf_addf(&b, "newsletters:   %u (%u unread)\n", c.newsletters,
	    c.unread);
	buf_addf(&b, "starred:       %u\n", c.starred);
	if (s.issued != NULL)
		buf_addf(&b, "data as of %s\n", v[2]);
	else
		buf_addf(&b, "no data yet: run globe sync (or try globe "
		    "--demo)\n");
	for (i = 0; i < 5; i++)
		free(v[i]);
	free(last);
	free(ok);
	cache_state_clear(&s);
	rc = cli_print(&b);
	buf_free(&b);
	return rc;
}

static const enum cli_opt opts_sync[] = {
	OPT_FEED, OPT_ALLOW_UNSIGNED, OPT_QUIET, OPT_VERBOSE, OPT_CA_FILE,
	OPT_CLIENT_CERT, OPT_CLIENT_KEY, OPT_TOKEN_FILE, OPT_NO_PROXY,
	OPT_PASSPHRASE_FILE, OPT_MAX
};

const struct cli_command cli_entry_sync = {
	"sync", cli_cmd_sync,
	"sync [--feed URL] [--allow-unsigned] [--quiet | --verbose] "
	"[--ca-file FILE] [--client-cert FILE --client-key FILE] "
	"[--token-file FILE] [--no-proxy] [--passphrase-file FILE]",
	"Bring the cache up to date from the feed.",
	CLI_F_HJ, 0, 0, opts_sync
};

static const enum cli_opt opts_status[] = { OPT_CHECKSUM, OPT_MAX };

const struct cli_command cli_entry_status = {
	"status", cli_cmd_status, "status [--checksum]",
	"Show the feed, the last sync and what the cache holds.",
	CLI_F_HJ, 0, 0, opts_status
};
