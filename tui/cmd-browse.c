/*
 * cmd-browse.c: the browsing commands (countries, members, authority,
 * contacts, show), stars (star, unstar, starred) and what `globe` prints
 * with no command. Each fills an out_list from the cache and hands it to
 * the output layer with the columns of its human table.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache/cache.h"
#include "common/common.h"
#include "common/i18n.h"
#include "net/net.h"
#include "tui/cmd.h"

/* Runs a list query into l; prints the error and returns its code. */
static int
cli_list(struct cli *cli, const struct cache_filter *f, struct out_list *l)
{
	enum cache_status	 st;

	st = cache_list(cli->cache, f, out_list_add_cb, l);
	if (st != CACHE_OK)
		return cli_cache_error(st, _("cannot read the cache"), NULL);
	return EXIT_OK;
}

/*
 * A contact's or route's authority, for the fields they show of it (a
 * contact: its expertise and designations), into l; nothing when it is
 * gone.
 */
static void
cli_fetch_authority(struct cli *cli, const struct out_item *it,
    struct out_list *l)
{
	const char	*a = NULL;

	if (it->rec.type == REC_CONTACT)
		a = it->rec.v[CONTACT_AUTHORITY].s;
	else if (it->rec.type == REC_ROUTE)
		a = it->rec.v[ROUTE_AUTHORITY].s;
	if (a != NULL)
		cli_fetch(cli, REC_AUTHORITY, a, l);
}

/*
 * Prints one record: its fields, as its screen shows them (the flags on
 * it too), or the data format.
 */
static int
cli_print_one(struct cli *cli, struct out_list *l)
{
	struct out_list		 auth, contact;
	struct present_fields	 fs;
	struct cache_flag	*flags = NULL;
	struct buf		 b;
	size_t			 nflags = 0;
	char			*text;
	int			 rc;

	if (cli->format != OUT_HUMAN)
		return cli_print_list(cli, l, PLIST_PEOPLE);
	out_list_init(&auth);
	out_list_init(&contact);
	/* The officer's flags on it, shown with its fields. */
	if (cache_flags_list(cli->cache, CACHE_FLAGS_ALL, l->v[0].rec.type,
	    record_key(&l->v[0].rec), &flags, &nflags) == CACHE_OK) {
		l->v[0].flags = flags;
		l->v[0].nflags = nflags;
	}
	buf_init(&b);
	if (l->v[0].rec.type == REC_ROUTE) {
		/* A route's card: its authority and contact read whole. */
		cli_fetch(cli, REC_AUTHORITY, l->v[0].rec.v[ROUTE_AUTHORITY].s,
		    &auth);
		if (l->v[0].rec.v[ROUTE_CONTACT].s != NULL)
			cli_fetch(cli, REC_CONTACT,
			    l->v[0].rec.v[ROUTE_CONTACT].s, &contact);
		memset(&fs, 0, sizeof fs);
		present_route_fields(&l->v[0], auth.n > 0 ? &auth.v[0] : NULL,
		    contact.n > 0 ? &contact.v[0] : NULL, &cli->ctx, &fs);
		present_fields_own(&l->v[0], &fs);
		text = present_fields_text(&fs, out_width(0));
		buf_adds(&b, text);
		free(text);
		present_fields_free(&fs);
	} else {
		cli_fetch_authority(cli, &l->v[0], &auth);
		out_human_record(&b, &l->v[0], auth.n > 0 ? &auth.v[0] : NULL,
		    &cli->ctx, out_width(0));
	}
	l->v[0].flags = NULL;
	l->v[0].nflags = 0;
	cache_flags_free(flags, nflags);
	rc = cli_print(&b);
	buf_free(&b);
	out_list_free(&contact);
	out_list_free(&auth);
	return rc;
}

/*
 * As cli_list_limited, and with --stale only the records verified longer
 * ago than stale_days, by the one rule (present_item_stale), the limit
 * counted among those.
 */
static int
cli_list_fresh(struct cli *cli, struct cache_filter *f, struct out_list *l,
    size_t *total)
{
	unsigned char	*keep;
	size_t		 limit, i;
	int		 rc;

	if (cli->opt[OPT_STALE] == NULL)
		return cli_list_limited(cli, f, l, total);
	if ((rc = cli_limit(cli, CLI_LIMIT_NONE, &limit)) != EXIT_OK ||
	    (rc = cli_list(cli, f, l)) != EXIT_OK)
		return rc;
	keep = xcalloc(l->n + 1, 1);
	for (i = 0; i < l->n; i++)
		keep[i] = present_item_stale(&l->v[i], &cli->ctx) > 0;
	out_list_keep(l, keep);
	*total = l->n;
	for (i = 0; i < l->n; i++)
		keep[i] = limit == 0 || i < limit;
	out_list_keep(l, keep);
	free(keep);
	return EXIT_OK;
}

static int
cli_cmd_countries(struct cli *cli)
{
	struct cache_filter	 f;
	struct out_list		 l;
	size_t			 total;
	int			 rc;

	memset(&f, 0, sizeof f);
	f.type = REC_COUNTRY;
	out_list_init(&l);
	l.types = OUT_TMASK(REC_COUNTRY);
	rc = cli_list_limited(cli, &f, &l, &total);
	if (rc == EXIT_OK)
		rc = cli_print_list(cli, &l, PLIST_COUNTRIES);
	if (rc == EXIT_OK)
		cli_limit_note(l.n, total);
	out_list_free(&l);
	return rc;
}

const struct cli_command cli_entry_countries = {
	"countries", cli_cmd_countries,
	"countries [--limit N | --all]",
	N_("List every country with members."),
	CLI_F_LIST, 0, 0, cli_opts_list
};

static int
cli_cmd_members(struct cli *cli)
{
	struct cache_filter	 f;
	struct out_list		 l;
	char			*cc;
	size_t			 total;
	int			 rc;

	/* A code or a name; unknown: the closest named, exit 2. */
	if ((rc = cli_resolve_country(cli, cli->args[0], &cc)) != EXIT_OK)
		return rc;
	out_list_init(&l);
	memset(&f, 0, sizeof f);
	f.type = REC_AUTHORITY;
	f.country = cc;
	l.types = OUT_TMASK(REC_AUTHORITY);
	rc = cli_list_fresh(cli, &f, &l, &total);
	if (rc == EXIT_OK)
		rc = cli_print_list(cli, &l, PLIST_AUTHORITIES);
	if (rc == EXIT_OK)
		cli_limit_note(l.n, total);
	out_list_free(&l);
	free(cc);
	return rc;
}

static const enum cli_opt opts_fresh_list[] = {
	OPT_STALE, OPT_LIMIT, OPT_ALL, OPT_MAX
};

const struct cli_command cli_entry_members = {
	"members", cli_cmd_members,
	"members CC [--stale] [--limit N | --all]",
	N_("List the member authorities of a country (code CC or name)."),
	CLI_F_PEOPLE, 1, 1, opts_fresh_list
};

/* What not_found says was not found. */
enum not_found_what {
	NOT_FOUND_AUTHORITY,
	NOT_FOUND_PERSON,		/* a contact or an authority */
	NOT_FOUND_ANY			/* a contact, an authority or a route */
};

static int
not_found(enum not_found_what what, const char *id)
{
	char	*clean = sanitize(id, SANITIZE_LINE);
	int	 rc;

	if (what == NOT_FOUND_AUTHORITY)
		/* TRANSLATORS: %s is an id as the user typed it. */
		rc = cli_error(EXIT_ERROR, _("no such authority: %s"), clean);
	else if (what == NOT_FOUND_PERSON)
		rc = cli_error(EXIT_ERROR, _("no such contact or authority: "
		    "%s"), clean);
	else
		rc = cli_error(EXIT_ERROR, _("no such contact, authority or "
		    "route: %s"), clean);
	free(clean);
	return rc;
}

static int
cli_cmd_authority(struct cli *cli)
{
	struct cache_filter	 f;
	struct out_list		 l, contacts, routes;
	enum cache_status	 st;
	struct buf		 b;
	int			 rc;

	out_list_init(&l);
	st = cli_fetch(cli, REC_AUTHORITY, cli->args[0], &l);
	if (st == CACHE_ERR_NOTFOUND || (st == CACHE_OK && l.n == 0)) {
		out_list_free(&l);
		return not_found(NOT_FOUND_AUTHORITY, cli->args[0]);
	}
	if (st != CACHE_OK) {
		out_list_free(&l);
		return cli_cache_error(st, _("cannot read the cache"), NULL);
	}
	memset(&f, 0, sizeof f);
	f.type = REC_CONTACT;
	f.authority = cli->args[0];
	out_list_init(&contacts);
	out_list_init(&routes);
	rc = cli_list(cli, &f, cli->format == OUT_HUMAN ? &contacts : &l);
	/* Then the routes it serves. */
	f.type = REC_ROUTE;
	if (rc == EXIT_OK)
		rc = cli_list(cli, &f, cli->format == OUT_HUMAN ? &routes : &l);
	if (rc == EXIT_OK && cli->format == OUT_HUMAN) {
		buf_init(&b);
		out_human_record(&b, &l.v[0], NULL, &cli->ctx, out_width(0));
		if (contacts.n > 0) {
			buf_adds(&b, "\n");
			out_human_table(&b, &contacts, PLIST_CONTACTS,
			    PLIST_IDS | PLIST_IN_AUTHORITY, &cli->ctx,
			    out_width(0), cli->bold);
		}
		if (routes.n > 0) {
			buf_adds(&b, "\n");
			out_human_table(&b, &routes, PLIST_ROUTES, PLIST_IDS,
			    &cli->ctx, out_width(0), cli->bold);
		}
		rc = cli_print(&b);
		buf_free(&b);
	} else if (rc == EXIT_OK)
		rc = cli_print_list(cli, &l, PLIST_PEOPLE);
	out_list_free(&contacts);
	out_list_free(&routes);
	out_list_free(&l);
	return rc;
}

const struct cli_command cli_entry_authority = {
	"authority", cli_cmd_authority,
	"authority ID",
	N_("Show one authority, every field, then its contacts and the "
	"routes it serves."),
	CLI_F_PEOPLE, 1, 1, cli_opts_none
};

static int
cli_cmd_contacts(struct cli *cli)
{
	struct cache_filter	 f;
	struct out_list		 l;
	enum cache_status	 st;
	size_t			 total;
	int			 rc;

	memset(&f, 0, sizeof f);
	f.type = REC_CONTACT;
	out_list_init(&l);
	if (cli->nargs > 0) {
		st = cli_fetch(cli, REC_AUTHORITY, cli->args[0], &l);
		out_list_free(&l);
		if (st == CACHE_ERR_NOTFOUND)
			return not_found(NOT_FOUND_AUTHORITY, cli->args[0]);
		if (st != CACHE_OK)
			return cli_cache_error(st, _("cannot read the cache"),
			    NULL);
		f.authority = cli->args[0];
	}
	l.types = OUT_TMASK(REC_CONTACT);
	rc = cli_list_fresh(cli, &f, &l, &total);
	if (rc == EXIT_OK)
		rc = cli_print_list(cli, &l, PLIST_CONTACTS);
	if (rc == EXIT_OK)
		cli_limit_note(l.n, total);
	out_list_free(&l);
	return rc;
}

const struct cli_command cli_entry_contacts = {
	"contacts", cli_cmd_contacts,
	"contacts [AUTHORITY-ID] [--stale] [--limit N | --all]",
	N_("List all contacts, or those of one authority."),
	CLI_F_PEOPLE, 0, 1, opts_fresh_list
};

/*
 * The type of a contact or authority id (or a route's, when routes is
 * set), or -1 with the error printed.
 */
static int
cli_id_type(struct cli *cli, const char *id, int routes, int *rc)
{
	int	 t;

	t = cache_id_type(cli->cache, id);
	if (t != REC_CONTACT && t != REC_AUTHORITY &&
	    (!routes || t != REC_ROUTE)) {
		*rc = not_found(routes ? NOT_FOUND_ANY : NOT_FOUND_PERSON, id);
		return -1;
	}
	return t;
}

static int
cli_cmd_show(struct cli *cli)
{
	struct out_list		 l;
	enum cache_status	 st;
	int			 t, rc = EXIT_OK;

	t = cli_id_type(cli, cli->args[0], 1, &rc);
	if (t < 0)
		return rc;
	out_list_init(&l);
	st = cli_fetch(cli, (enum record_type)t, cli->args[0], &l);
	if (st == CACHE_ERR_NOTFOUND || (st == CACHE_OK && l.n == 0))
		rc = not_found(NOT_FOUND_ANY, cli->args[0]);
	else if (st != CACHE_OK)
		rc = cli_cache_error(st, _("cannot read the cache"), NULL);
	else
		rc = cli_print_one(cli, &l);
	out_list_free(&l);
	return rc;
}

const struct cli_command cli_entry_show = {
	"show", cli_cmd_show,
	"show ID",
	N_("Show a contact, an authority or a route, every field."),
	CLI_F_PEOPLE, 1, 1, cli_opts_none
};

static int
cli_star(struct cli *cli, int on)
{
	enum cache_status	 st;
	struct buf		 b;
	char			*clean;
	int			 t, rc = EXIT_OK;

	t = cli_id_type(cli, cli->args[0], 0, &rc);
	if (t < 0)
		return rc;
	st = cache_star_set(cli->cache, (enum record_type)t, cli->args[0],
	    on);
	if (st != CACHE_OK)
		return cli_cache_error(st, on ? _("cannot star") :
		    _("cannot unstar"), NULL);
	clean = present_star_message(on, cli->args[0]);
	buf_init(&b);
	buf_addf(&b, "%s\n", clean);
	free(clean);
	rc = cli_print(&b);
	buf_free(&b);
	return rc;
}

static int
cli_cmd_star(struct cli *cli)
{
	return cli_star(cli, 1);
}

const struct cli_command cli_entry_star = {
	"star", cli_cmd_star,
	"star ID",
	N_("Star a contact or an authority (kept across syncs)."),
	CLI_F_HUMAN, 1, 1, cli_opts_none
};

static int
cli_cmd_unstar(struct cli *cli)
{
	return cli_star(cli, 0);
}

const struct cli_command cli_entry_unstar = {
	"unstar", cli_cmd_unstar,
	"unstar ID",
	N_("Remove a star."),
	CLI_F_HUMAN, 1, 1, cli_opts_none
};

static int
cli_cmd_starred(struct cli *cli)
{
	struct cache_filter	 f;
	struct out_list		 l;
	enum cache_status	 st;
	size_t			 limit, total = 0, n = 0;
	int			 rc;

	if ((rc = cli_limit(cli, CLI_LIMIT_NONE, &limit)) != EXIT_OK)
		return rc;
	memset(&f, 0, sizeof f);
	f.starred_only = 1;
	out_list_init(&l);
	l.types = OUT_TMASK(REC_AUTHORITY) | OUT_TMASK(REC_CONTACT);
	/* Authorities, then contacts, --limit rows of the two together. */
	f.type = REC_AUTHORITY;
	f.limit = limit;
	rc = cli_list(cli, &f, &l);
	if (rc == EXIT_OK && (limit == 0 || l.n < limit)) {
		f.type = REC_CONTACT;
		f.limit = limit != 0 ? limit - l.n : 0;
		rc = cli_list(cli, &f, &l);
	}
	total = l.n;
	if (rc == EXIT_OK && limit != 0 && l.n >= limit) {
		f.type = REC_AUTHORITY;
		st = cache_list_count(cli->cache, &f, &total);
		f.type = REC_CONTACT;
		if (st == CACHE_OK)
			st = cache_list_count(cli->cache, &f, &n);
		if (st != CACHE_OK)
			rc = cli_cache_error(st, _("cannot read the cache"),
			    NULL);
		total += n;
	}
	if (rc == EXIT_OK)
		rc = cli_print_list(cli, &l, PLIST_PEOPLE);
	if (rc == EXIT_OK && l.n == 0) {
		/* Not an error: an empty list, and how to fill it. */
		/*
		 * TRANSLATORS: * is the key that stars in the full-screen
		 * interface; 'globe star ID' is a command: keep both.
		 */
		cli_error(EXIT_OK, "%s", _("nothing starred; * in the "
		    "interface or 'globe star ID' stars"));
	} else if (rc == EXIT_OK)
		cli_limit_note(l.n, total);
	out_list_free(&l);
	return rc;
}

const struct cli_command cli_entry_starred = {
	"starred", cli_cmd_starred,
	"starred [--limit N | --all]",
	N_("List the starred contacts and authorities."),
	CLI_F_PEOPLE, 0, 0, cli_opts_list
};

/*
 * Why curses cannot drive this terminal (a few words for the hint line),
 * or NULL if TERM names a terminal that can address the screen.
 */
static const char *
cli_term_unusable(void)
{
	const char	*term = getenv("TERM");

	if (term == NULL || *term == '\0')
		/* TRANSLATORS: TERM is the variable's name: keep it. */
		return _("no TERM");
	if (strcmp(term, "dumb") == 0)
		return "TERM=dumb";
	return NULL;
}

/*
 * Opens the full-screen interface (tui_app_run, handed over by main) on
 * the open cache. Returns TUI_APP_NO_TERMINAL, having drawn nothing, when
 * curses cannot start or this program has no full screen.
 */
static int
cli_full_screen(struct cli *cli)
{
	struct tui_app_options	 o;
	struct net_options	 no;
	char			*demo_key = NULL, *history;
	int			 rc;

	memset(&o, 0, sizeof o);
	memset(&no, 0, sizeof no);
	o.db_path = cli->db_path;
	o.demo = cli->demo;
	o.stale_days = (int)cli->config.stale_days;
	o.bindings = (const char *const *)cli->config.bindings;
	o.nbindings = cli->config.nbindings;
	o.no_color = !cli->bold;
	o.config_path = cli->config_path;
	o.no_mouse = cli->config.no_mouse;
	o.bidi = cli->config.bidi;
	o.theme = cli->config.theme;
	o.colors = cli->config.colors;
	o.ncolors = cli->config.ncolors;
	/* Beside the cache, as the cache's own files are. */
	history = cli->data_dir != NULL ? xasprintf("%s/%s", cli->data_dir,
	    TUI_HISTORY_FILE) : NULL;
	o.history_path = history;
	o.history = cli->config.history_set ? (int)cli->config.history :
	    TUI_HISTORY_DEFAULT;
	o.own_country = cli->config.country;
	/* Without a feed, `s` explains how to configure one. */
	if ((cli->demo || cli->config.feed != NULL) &&
	    cli_sync_options(cli, &no, &demo_key) == EXIT_OK)
		o.net = &no;
	rc = cli->full_screen != NULL ? cli->full_screen(cli->cache, &o) :
	    TUI_APP_NO_TERMINAL;
	free(demo_key);
	free(history);
	return rc;
}

static int
cli_cmd_default(struct cli *cli)
{
	struct cache_counts	 c;
	enum cache_status	 st;
	struct buf		 b;
	const char		*why = NULL;
	int			 rc, tty;

	/*
	 * On a terminal that curses can drive: the full-screen interface.
	 * Elsewhere the country list, as `globe countries` prints it.
	 */
	tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	if (tty)
		why = cli_term_unusable();
	if (cli->format == OUT_HUMAN && tty && why == NULL) {
		rc = cli_full_screen(cli);
		if (rc != TUI_APP_NO_TERMINAL)
			return rc;
		/* TRANSLATORS: TERM is the variable's name: keep it. */
		why = _("unknown TERM");
	}

	memset(&c, 0, sizeof c);
	st = cache_counts_get(cli->cache, &c);
	if (st != CACHE_OK)
		return cli_cache_error(st, _("cannot read the cache"), NULL);
	if (c.countries == 0) {
		buf_init(&b);
		/*
		 * TRANSLATORS: what `globe` prints while its cache is empty;
		 * %s is the config file. The indented lines are a command
		 * and config lines (feed, pubkey): keep them as they are.
		 */
		buf_addf(&b, _("The directory cache is empty.\n\n"
		    "To try globe with the bundled demo directory:\n"
		    "    globe --demo\n\n"
		    "To use the GlobE Network feed, put its address and "
		    "public key in\n%s:\n"
		    "    feed = https://example.org/globe/\n"
		    "    pubkey = /path/to/feed.pub\n"
		    "then run:\n"
		    "    globe sync\n"),
		    cli->config_path);
		if (cli->format == OUT_HUMAN)
			rc = cli_print(&b);
		else {
			/* Scripts get an empty list; people the hint. */
			fputs(b.data, stderr);
			rc = cli_cmd_countries(cli);
		}
		buf_free(&b);
		return rc;
	}
	rc = cli_cmd_countries(cli);
	/*
	 * One short line says why there is no full screen; none after an
	 * explicit --json or --csv, which never opens it.
	 */
	if (rc == EXIT_OK && cli->format == OUT_HUMAN) {
		if (why != NULL)
			/* TRANSLATORS: %s says why: "no TERM", "TERM=dumb". */
			cli_error(EXIT_OK, _("full screen needs a terminal "
			    "(%s); see globe --help"), why);
		else
			cli_error(EXIT_OK, "%s", _("full screen needs a "
			    "terminal; see globe --help"));
	}
	return rc;
}

const struct cli_command cli_entry_default = {
	"", cli_cmd_default,
	"",
	"",
	CLI_F_LIST, 0, 0, cli_opts_none
};
