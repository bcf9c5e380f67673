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
			/*
			 * TRANSLATORS: GLOBE_DEMO_FEED is a variable and
			 * make a command: keep them. %s says what is wrong.
			 */
			cli_error(EXIT_ERROR, _("the demo feed is missing "
			    "(GLOBE_DEMO_FEED, or build globe with make): %s"),
			    cause);
			free(cause);
			return EXIT_ERROR;
		}
		o->feed = cli->demo_dir;
		o->index_name = cli->demo_index;
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
		/*
		 * TRANSLATORS: %s is the config file. 'feed = URL' is a line
		 * of it, sync --feed URL and globe --demo are commands: keep
		 * them as they are.
		 */
		return cli_error(EXIT_USAGE, _("no feed configured: put "
		    "'feed = URL' in %s or use sync --feed URL (or try "
		    "globe --demo)"), cli->config_path);
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
		return cli_error(EXIT_CACHE, _("cannot create %s: %s"),
		    cli->data_dir, strerror(errno));
	}
	if (tight > 0) {
		dir = sanitize(cli->data_dir, SANITIZE_LINE);
		/* TRANSLATORS: %s is globe's data directory. */
		cli_error(EXIT_OK, _("%s could be entered by others; it is "
		    "now yours alone (0700)"), dir);
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
		char *text = present_sync_failed(net_strerror(st),
		    st == NET_ERR_NOT_MEMBER, cause);

		cli_error(net_exit_code(st), "%s", text);
		free(text);
		free(cause);
		net_result_clear(res);
		return net_exit_code(st);
	}
	free(cause);
	return EXIT_OK;
}

/* Prints text (which it frees): the JSON a writer of cmd-json.c made. */
static int
cli_print_text(char *text)
{
	struct buf	b;
	int		rc;

	buf_init(&b);
	buf_adds(&b, text);
	free(text);
	rc = cli_print(&b);
	buf_free(&b);
	return rc;
}

static int
cli_cmd_sync(struct cli *cli)
{
	struct net_result	 res;
	struct buf		 b;
	char			*summary;
	int			 rc, quiet = cli->opt[OPT_QUIET] != NULL;

	rc = cli_sync_run(cli, quiet, &res);
	if (rc != EXIT_OK)
		return rc;
	if (cli->format == OUT_JSON) {
		summary = out_json_sync(&res);
		net_result_clear(&res);
		return cli_print_text(summary);
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
 * The demo feed also holds the index of its earlier serial (the Makefile
 * publishes the demo twice): a new demo cache starts from it, so `s` in
 * the demo has changes to show.
 */
#define DEMO_START_INDEX	"start.json"

/* The tag of a file of the demo feed (net_index_tag), or NULL. */
static char *
demo_tag(struct cli *cli, const char *name, int *err)
{
	char	*path, *text, *tag;
	size_t	 len;

	path = xasprintf("%s/%s", cli->demo_dir, name);
	text = file_read_small(path, FILE_SMALL_MAX, &len);
	*err = errno;
	free(path);
	if (text == NULL)
		return NULL;
	tag = net_index_tag(text, len);
	free(text);
	return tag;
}

/*
 * Whether the demo cache differs from the bundled demo feed: 1 if it
 * does (or was never synced), 0 if it holds exactly its index.json or
 * its earlier start.json (the tag a sync recorded), -1 with the error
 * printed and *rc set. *start says whether start.json is there. Cheap:
 * small files read and hashed, nothing parsed.
 */
static int
cli_demo_differs(struct cli *cli, int *rc, int *start)
{
	struct cache_state	 state;
	enum cache_status	 cst;
	char			*tag, *first;
	int			 differs, err;

	if ((tag = demo_tag(cli, "index.json", &err)) == NULL) {
		/*
		 * TRANSLATORS: the demo feed's directory, why its index
		 * cannot be read. GLOBE_DEMO_FEED is a variable and make a
		 * command: keep them.
		 */
		*rc = cli_error(EXIT_ERROR, _("the demo feed is missing: "
		    "%s/index.json: %s (set GLOBE_DEMO_FEED, or build globe "
		    "with make)"), cli->demo_dir, strerror(err));
		return -1;
	}
	first = demo_tag(cli, DEMO_START_INDEX, &err);
	*start = first != NULL;
	memset(&state, 0, sizeof state);
	cst = cache_state_get(cli->cache, &state);
	if (cst != CACHE_OK) {
		free(tag);
		free(first);
		*rc = cli_cache_error(cst, _("cannot read the demo cache"), NULL);
		return -1;
	}
	differs = state.feed_id == NULL || state.etag == NULL ||
	    (strcmp(state.etag, tag) != 0 &&
	    (first == NULL || strcmp(state.etag, first) != 0));
	cache_state_clear(&state);
	free(tag);
	free(first);
	return differs;
}

int
cli_demo_prepare(struct cli *cli)
{
	struct net_result	 res;
	int			 rc = EXIT_OK, differs, start = 0;

	differs = cli_demo_differs(cli, &rc, &start);
	if (differs <= 0)
		return rc;
	/* From the earlier serial when there is one: `s` shows a change. */
	cli->demo_index = start ? DEMO_START_INDEX : NULL;
	rc = cli_sync_run(cli, 1, &res);
	cli->demo_index = NULL;
	if (rc == EXIT_OK)
		net_result_clear(&res);
	return rc;
}

/* A time of the sync state: RFC 3339 for JSON, else for a person. */
static char *
time_text(int64_t t, int human)
{
	char	 out[32];

	if (t <= 0)
		/* TRANSLATORS: globe status: the last sync was never. */
		return xstrdup(_("never"));
	if (human)
		return present_stamp_t(t);
	feed_time_format((time_t)t, out);
	return xstrdup(out);
}

/* The lines of `globe status`: each label and its value, in order. */
struct status_lines {
	const char	**label;	/* translated */
	char		**value;
	size_t		  n;
};

/* Adds a line; takes value. */
static void
status_add(struct status_lines *l, const char *label, char *value)
{
	l->label = xreallocarray(l->label, l->n + 1, sizeof *l->label);
	l->value = xreallocarray(l->value, l->n + 1, sizeof *l->value);
	l->label[l->n] = label;
	l->value[l->n] = value;
	l->n++;
}

/* A count as a person reads it ("9 750" in French). Caller frees. */
static char *
status_count(unsigned n)
{
	char	s[LAYOUT_COUNT_MAX];

	layout_count(n, s);
	return xstrdup(s);
}

/* Each label and its value, the values aligned two columns apart; frees. */
static void
status_print(struct buf *b, struct status_lines *l)
{
	size_t	 width = 0, w, i;

	for (i = 0; i < l->n; i++) {
		if ((w = utf8_width(l->label[i])) > width)
			width = w;
	}
	for (i = 0; i < l->n; i++) {
		w = utf8_width(l->label[i]);
		buf_addf(b, "%s%*s%s\n", l->label[i],
		    (int)(width + 2 - w), "", l->value[i]);
		free(l->value[i]);
	}
	free(l->label);
	free(l->value);
	memset(l, 0, sizeof *l);
}

/*
 * What `globe status` says of trust and encryption, gathered: each
 * signing key it trusts or retired and where it came from (*v, *n), and
 * this device's recipient key if it has one (*tok, or NULL). What cannot
 * be read is left out. Caller frees both.
 */
static void
cli_status_trust(struct cli *cli, struct net_trusted_key **v, size_t *n,
    char **tok)
{
	struct device_file	*f;
	char			*cause = NULL, *path;

	if (net_trust_list(cli->cache, (const char *const *)cli->config.pubkeys,
	    cli->config.npubkeys, v, n, &cause) != NET_OK) {
		free(cause);
		*v = NULL;
		*n = 0;
	}
	*tok = NULL;
	path = cli_device_key_path(cli);
	if (access(path, F_OK) == 0 &&
	    device_file_read(path, &f, NULL) == NET_OK) {
		*tok = device_recipient(device_file_public(f));
		device_file_free(f);
	}
	free(path);
}

/* The signing keys, the key epoch and the device key as status lines. */
static void
cli_status_members(const struct cache_state *st, struct status_lines *l,
    const struct net_trusted_key *v, size_t n, const char *tok)
{
	char	*origin;
	size_t	 i;

	for (i = 0; i < n; i++) {
		origin = present_signing_key(v[i].configured, v[i].retired,
		    v[i].serial);
		/* TRANSLATORS: globe status: a key, and its origin. */
		status_add(l, _("signing key:"), xasprintf(_("%s (%s)"),
		    v[i].base64, origin));
		free(origin);
	}
	if (st->members_epoch != NULL)
		/* TRANSLATORS: globe status: the feed's key epoch. */
		status_add(l, _("encrypted:"), xasprintf(_("to its members "
		    "(key epoch %s)"), st->members_epoch));
	if (tok != NULL)
		status_add(l, _("device key:"), xstrdup(tok));
}

static int
cli_cmd_status(struct cli *cli)
{
	struct cache_state	 s;
	struct cache_counts	 c;
	enum cache_status	 st;
	struct buf		 b;
	struct status_lines	 l;
	struct out_status	 os;
	struct net_trusted_key	*keys;
	size_t			 nkeys;
	char			*hex = NULL, *last, *ok, *note, *issued, *tok;
	char			*text;
	struct net_note		 nn;
	const char		*none;
	int			 rc;

	if (cli->opt[OPT_CHECKSUM] != NULL) {
		st = cache_checksum(cli->cache, &hex);
		if (st != CACHE_OK)
			return cli_cache_error(st, _("cannot compute the "
			    "checksum"), NULL);
		buf_init(&b);
		buf_addf(&b, "%s\n", hex);
		free(hex);
		rc = cli_print(&b);
		buf_free(&b);
		return rc;
	}
	memset(&s, 0, sizeof s);
	memset(&c, 0, sizeof c);
	memset(&l, 0, sizeof l);
	st = cache_state_get(cli->cache, &s);
	if (st == CACHE_OK)
		st = cache_counts_get(cli->cache, &c);
	if (st != CACHE_OK) {
		cache_state_clear(&s);
		return cli_cache_error(st, _("cannot read the cache"), NULL);
	}
	last = time_text(s.last_sync, cli->format != OUT_JSON);
	ok = time_text(s.last_success, cli->format != OUT_JSON);
	cli_status_trust(cli, &keys, &nkeys, &tok);
	if (cli->format == OUT_JSON) {
		memset(&os, 0, sizeof os);
		os.db = cli->db_path;
		os.state = &s;
		os.counts = &c;
		os.last_sync = s.last_sync > 0 ? last : NULL;
		os.last_success = s.last_success > 0 ? ok : NULL;
		os.keys = keys;
		os.nkeys = nkeys;
		os.device = tok;
		text = out_json_status(&os);
		net_trust_free(keys, nkeys);
		free(tok);
		free(last);
		free(ok);
		cache_state_clear(&s);
		return cli_print_text(text);
	}
	/* TRANSLATORS: globe status: a feed or feed id never configured. */
	none = _("(none)");
	/*
	 * TRANSLATORS: the labels of globe status, each before its value;
	 * the values line up after the widest label.
	 */
	status_add(&l, _("database:"), xstrdup(cli->db_path));
	status_add(&l, _("feed:"), sanitize(s.feed_url != NULL ? s.feed_url :
	    (cli->config.feed != NULL ? cli->config.feed : none),
	    SANITIZE_LINE));
	status_add(&l, _("feed id:"), sanitize(s.feed_id != NULL ? s.feed_id :
	    none, SANITIZE_LINE));
	status_add(&l, _("serial:"), s.serial < 0 ?
	    xstrdup(_("(never synced)")) :
	    xasprintf("%lld", (long long)s.serial));
	issued = present_stamp(s.issued != NULL ? s.issued : "-");
	status_add(&l, _("issued:"), xstrdup(issued));
	status_add(&l, _("expires:"), present_stamp(s.expires != NULL ?
	    s.expires : "-"));
	net_note_parse(s.last_result, &nn);
	note = present_sync_note(&nn);
	/* The time, and what the sync said, in the reader's language. */
	/* TRANSLATORS: globe status: when, then what the sync did. */
	status_add(&l, _("last sync:"), *note != '\0' ?
	    xasprintf(_("%s (%s)"), last, note) : xstrdup(last));
	free(note);
	status_add(&l, _("last success:"), xstrdup(ok));
	cli_status_members(&s, &l, keys, nkeys, tok);
	net_trust_free(keys, nkeys);
	free(tok);
	status_add(&l, _("countries:"), status_count(c.countries));
	status_add(&l, _("authorities:"), status_count(c.authorities));
	status_add(&l, _("contacts:"), status_count(c.contacts));
	/*
	 * TRANSLATORS: globe status, beside "newsletters:": how many there
	 * are, and how many of them are unread (the form follows it).
	 */
	status_add(&l, _("newsletters:"), xasprintf(P_("%u (%u unread)",
	    "%u (%u unread)", c.unread), c.newsletters, c.unread));
	status_add(&l, _("starred:"), status_count(c.starred));
	buf_init(&b);
	status_print(&b, &l);
	if (s.issued != NULL)
		/* TRANSLATORS: globe status, last line: the feed's time. */
		buf_addf(&b, _("data as of %s\n"), issued);
	else
		/* TRANSLATORS: globe sync and globe --demo are commands. */
		buf_adds(&b, _("no data yet: run globe sync (or try globe "
		    "--demo)\n"));
	free(issued);
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
	/*
	 * TRANSLATORS: a command's summary, in globe --help beside its
	 * name and atop its COMMAND --help. Words in capitals (ID, CC) are
	 * arguments the usage line names: keep them.
	 */
	N_("Bring the cache up to date from the feed."),
	CLI_F_HJ, 0, 0, opts_sync
};

static const enum cli_opt opts_status[] = { OPT_CHECKSUM, OPT_MAX };

const struct cli_command cli_entry_status = {
	"status", cli_cmd_status, "status [--checksum]",
	N_("Show the feed, the last sync and what the cache holds."),
	CLI_F_HJ, 0, 0, opts_status
};
