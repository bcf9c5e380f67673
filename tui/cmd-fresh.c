/*
 * cmd-fresh.c: freshness and the officer's own, on the command line:
 * `globe changes` (what the logged syncs added, changed and removed),
 * `globe flag` and `globe unflag` (a record flagged as outdated, sent to
 * the feed's reports URL at the next sync), `globe flags` (listed, or
 * exported as the documents a reports URL receives), and `globe note`
 * (the officer's own note on a record, never sent). Their words are the
 * presentation's (present-changes.c); what is stored is the cache's.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache/cache.h"
#include "common/common.h"
#include "common/i18n.h"
#include "net/net.h"
#include "tui/cmd.h"

/* A record an officer can note or flag: its type and name, or an error. */
static int
fresh_record(struct cli *cli, const char *id, enum record_type *type,
    char **name)
{
	struct out_list		 l;
	enum cache_status	 st;
	char			*clean;
	int			 t;

	*name = NULL;
	t = cache_id_type(cli->cache, id);
	if (t != REC_CONTACT && t != REC_AUTHORITY && t != REC_ROUTE) {
		clean = sanitize(id, SANITIZE_LINE);
		cli_error(EXIT_ERROR, _("no such contact, authority or route: "
		    "%s"), clean);
		free(clean);
		return EXIT_ERROR;
	}
	*type = (enum record_type)t;
	out_list_init(&l);
	st = cli_fetch(cli, *type, id, &l);
	if (st == CACHE_OK && l.n > 0) {
		if (t == REC_ROUTE)
			*name = xstrdup(l.v[0].rec.v[ROUTE_MEASURE].s);
		else
			*name = xstrdup(l.v[0].rec.v[t == REC_CONTACT ?
			    CONTACT_NAME : AUTH_NAME].s);
	}
	out_list_free(&l);
	if (st != CACHE_OK && st != CACHE_ERR_NOTFOUND)
		return cli_cache_error(st, _("cannot read the cache"), NULL);
	return EXIT_OK;
}

/* The words after the id as one text, spaces between them. Caller frees. */
static char *
fresh_text(struct cli *cli, int first)
{
	struct buf	b;
	int		i;

	buf_init(&b);
	for (i = first; i < cli->nargs; i++) {
		if (i > first)
			buf_addc(&b, ' ');
		buf_adds(&b, cli->args[i]);
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_detach(&b);
}

/* "contact c-1 (Ana Souza)" for the confirmations; sanitized. */
static char *
fresh_what(enum record_type type, const char *id, const char *name)
{
	char	*i, *n, *out;

	i = sanitize(id, SANITIZE_IDENT);
	if (name == NULL)
		out = xasprintf("%s %s", present_type_name(type), i);
	else {
		n = sanitize(type == REC_ROUTE ? present_label(VOCAB_MEASURE,
		    name) : name, SANITIZE_LINE);
		out = xasprintf("%s %s (%s)", present_type_name(type), i, n);
		free(n);
	}
	free(i);
	return out;
}

/* ---- globe note ------------------------------------------------------ */

static int
cli_note_clear_gone(struct cli *cli, const char *id)
{
	static const enum record_type types[] = {
		REC_CONTACT, REC_AUTHORITY, REC_ROUTE
	};
	struct buf	 b;
	char		*text, *clean;
	size_t		 i;
	int		 rc;

	/* A record that is gone may still have its note: clear that. */
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		if (cache_note_get(cli->cache, types[i], id, &text) != CACHE_OK)
			continue;
		free(text);
		if (cache_note_set(cli->cache, types[i], id, NULL,
		    time(NULL)) != CACHE_OK)
			return cli_error(EXIT_CACHE, _("cannot clear the note"));
		clean = sanitize(id, SANITIZE_IDENT);
		buf_init(&b);
		buf_addf(&b, _("note cleared on %s\n"), clean);
		free(clean);
		rc = cli_print(&b);
		buf_free(&b);
		return rc;
	}
	return -1;
}

static int
cli_cmd_note(struct cli *cli)
{
	enum record_type	 type;
	enum cache_status	 st;
	struct buf		 b;
	const char		*id = cli->args[0];
	char			*name = NULL, *text, *what, *clean;
	int			 rc, clear = cli->opt[OPT_CLEAR] != NULL;

	if (clear && cli->nargs > 1)
		return cli_usage_error(cli, _("choose one of a note's text and "
		    "--clear"));
	if (clear && cache_id_type(cli->cache, id) < 0 &&
	    (rc = cli_note_clear_gone(cli, id)) >= 0)
		return rc;
	if ((rc = fresh_record(cli, id, &type, &name)) != EXIT_OK)
		return rc;
	what = fresh_what(type, id, name);
	free(name);
	buf_init(&b);
	if (cli->nargs == 1 && !clear) {
		/* No text: the note there is. */
		st = cache_note_get(cli->cache, type, id, &text);
		if (st == CACHE_ERR_NOTFOUND)
			rc = cli_error(EXIT_ERROR, _("no note on %s"), what);
		else if (st != CACHE_OK)
			rc = cli_cache_error(st, _("cannot read the note"), NULL);
		else {
			clean = sanitize(text, SANITIZE_TEXT);
			buf_addf(&b, "%s\n", clean);
			free(clean);
			free(text);
			rc = cli_print(&b);
		}
		goto out;
	}
	text = clear ? NULL : fresh_text(cli, 1);
	if (text != NULL && *text == '\0') {
		rc = cli_usage_error(cli, _("the note is empty (--clear "
		    "removes one)"));
		free(text);
		goto out;
	}
	st = cache_note_set(cli->cache, type, id, text, time(NULL));
	if (st == CACHE_ERR_INVALID)
		rc = cli_error(EXIT_USAGE, _("a note is UTF-8 text of at most "
		    "%d bytes"), CACHE_NOTE_MAX);
	else if (st != CACHE_OK)
		rc = cli_cache_error(st, _("cannot write the note"), NULL);
	else {
		buf_addf(&b, clear ? _("note cleared on %s\n") :
		    _("note kept on %s (never sent)\n"), what);
		rc = cli_print(&b);
	}
	free(text);
out:
	buf_free(&b);
	free(what);
	return rc;
}

static const enum cli_opt opts_note[] = { OPT_CLEAR, OPT_MAX };

const struct cli_command cli_entry_note = {
	"note", cli_cmd_note,
	"note ID [TEXT... | --clear]",
	N_("Keep your own note on a contact, authority or route (never "
	"sent); show it, or --clear it."),
	CLI_F_HUMAN, 1, -1, opts_note
};

/* ---- globe flag, unflag ---------------------------------------------- */

static int
cli_cmd_flag(struct cli *cli)
{
	struct cache_state	 state;
	enum record_type	 type;
	enum cache_status	 st;
	struct buf		 b;
	const char		*id = cli->args[0];
	char			*name = NULL, *text, *what;
	int64_t			 n;
	int			 rc;

	if ((rc = fresh_record(cli, id, &type, &name)) != EXIT_OK)
		return rc;
	text = fresh_text(cli, 1);
	st = cache_flag_add(cli->cache, type, id, name, text, time(NULL), &n);
	free(text);
	what = fresh_what(type, id, name);
	free(name);
	if (st == CACHE_ERR_INVALID) {
		free(what);
		return cli_error(EXIT_USAGE, _("a flag is one short paragraph "
		    "of UTF-8 text, at most %d bytes"), CACHE_FLAG_MAX);
	}
	if (st != CACHE_OK) {
		free(what);
		return cli_cache_error(st, _("cannot keep the flag"), NULL);
	}
	memset(&state, 0, sizeof state);
	cache_state_get(cli->cache, &state);
	buf_init(&b);
	buf_addf(&b, _("flag %lld on %s: "), (long long)n, what);
	if (state.reports_url != NULL)
		buf_adds(&b, _("sent to the secretariat at the next sync\n"));
	else
		buf_adds(&b, _("kept here; the feed names no reports URL "
		    "(globe flags --export writes it out)\n"));
	cache_state_clear(&state);
	free(what);
	rc = cli_print(&b);
	buf_free(&b);
	return rc;
}

const struct cli_command cli_entry_flag = {
	"flag", cli_cmd_flag,
	"flag ID TEXT...",
	N_("Flag a contact, authority or route as outdated; the flag goes to "
	"the secretariat at the next sync."),
	CLI_F_HUMAN, 2, -1, cli_opts_none
};

static int
cli_cmd_unflag(struct cli *cli)
{
	enum cache_status	 st;
	struct buf		 b;
	const char		*a = cli->args[0];
	char			*end, *clean;
	long long		 n;
	int			 rc;

	errno = 0;
	n = strtoll(a, &end, 10);
	if (!isdigit((unsigned char)*a) || *end != '\0' || errno != 0 ||
	    n <= 0) {
		clean = sanitize(a, SANITIZE_LINE);
		rc = cli_usage_error(cli, _("unflag wants a flag's number (see "
		    "globe flags), not '%s'"), clean);
		free(clean);
		return rc;
	}
	st = cache_flag_remove(cli->cache, n);
	if (st == CACHE_ERR_NOTFOUND)
		return cli_error(EXIT_ERROR, _("no such flag: %lld"), n);
	if (st == CACHE_ERR_INVALID)
		return cli_error(EXIT_ERROR, _("flag %lld was sent already; it "
		    "cannot be withdrawn"), n);
	if (st != CACHE_OK)
		return cli_cache_error(st, _("cannot withdraw the flag"), NULL);
	buf_init(&b);
	buf_addf(&b, _("flag %lld withdrawn\n"), n);
	rc = cli_print(&b);
	buf_free(&b);
	return rc;
}

const struct cli_command cli_entry_unflag = {
	"unflag", cli_cmd_unflag,
	"unflag N",
	N_("Withdraw flag N while it is not sent yet."),
	CLI_F_HUMAN, 1, 1, cli_opts_none
};

/* ---- globe flags ------------------------------------------------------ */

static void
flags_csv(struct buf *b, const struct cache_flag *v, size_t n)
{
	static const char *const head[] = { "n", "type", "id", "name", "text",
	    "flagged", "feed_id", "serial", "state", "sent", "attempts",
	    "last_error", "report_id" };
	char	 num[32], when[32], sent[32];
	size_t	 i, k;

	for (k = 0; k < sizeof head / sizeof head[0]; k++) {
		if (k > 0)
			buf_addc(b, ',');
		buf_adds(b, head[k]);
	}
	buf_adds(b, "\r\n");
	for (i = 0; i < n; i++) {
		snprintf(num, sizeof num, "%lld", (long long)v[i].n);
		out_csv_cell(b, num, 0);
		buf_addc(b, ',');
		out_csv_cell(b, record_types[v[i].type].name, 0);
		buf_addc(b, ',');
		out_csv_cell(b, v[i].id, 0);
		buf_addc(b, ',');
		out_csv_cell(b, v[i].name, 0);
		buf_addc(b, ',');
		out_csv_cell(b, v[i].text, 0);
		buf_addc(b, ',');
		feed_time_format((time_t)v[i].created, when);
		out_csv_cell(b, when, 0);
		buf_addc(b, ',');
		out_csv_cell(b, v[i].feed_id, 0);
		buf_addc(b, ',');
		snprintf(num, sizeof num, "%lld", (long long)v[i].serial);
		out_csv_cell(b, v[i].serial >= 0 ? num : "", 0);
		buf_addc(b, ',');
		out_csv_cell(b, v[i].sent > 0 ? "sent" : "pending", 0);
		buf_addc(b, ',');
		if (v[i].sent > 0)
			feed_time_format((time_t)v[i].sent, sent);
		out_csv_cell(b, v[i].sent > 0 ? sent : "", 0);
		buf_addc(b, ',');
		snprintf(num, sizeof num, "%u", v[i].attempts);
		out_csv_cell(b, num, 0);
		buf_addc(b, ',');
		out_csv_cell(b, v[i].last_error, 0);
		buf_addc(b, ',');
		out_csv_cell(b, v[i].report_id, 0);
		buf_adds(b, "\r\n");
	}
}

static void
flags_human(struct cli *cli, struct buf *b, const struct cache_flag *v,
    size_t n)
{
	struct present_grid	 g;
	char			**cells, *line;
	size_t			 i, k;

	if (n == 0)
		return;
	present_grid_init(&g, PLIST_FLAGS, PLIST_IDS);
	cells = xcalloc(n * g.n, sizeof *cells);
	for (i = 0; i < n; i++)
		present_flag_cells(&g, &v[i], &cells[i * g.n]);
	present_grid_fit(&g, out_width(0));
	line = present_grid_titles(&g, 0);
	if (cli->bold)
		buf_addf(b, "\033[1m%s\033[0m\n", line);
	else
		buf_addf(b, "%s\n", line);
	free(line);
	for (i = 0; i < n; i++) {
		line = present_grid_row(&g, &cells[i * g.n], 0);
		buf_addf(b, "%s\n", line);
		free(line);
	}
	for (k = 0; k < n * g.n; k++)
		free(cells[k]);
	free(cells);
}

static int
cli_cmd_flags(struct cli *cli)
{
	struct cache_flag	*v;
	enum cache_flag_which	 which = CACHE_FLAGS_ALL;
	enum cache_status	 st;
	struct buf		 b;
	char			*text;
	size_t			 n;
	int			 rc, export = cli->opt[OPT_EXPORT] != NULL;

	if ((cli->opt[OPT_PENDING] != NULL) + (cli->opt[OPT_SENT] != NULL) +
	    export > 1)
		return cli_usage_error(cli, _("choose one of --pending, --sent "
		    "and --export"));
	if (export && cli->format == OUT_CSV)
		return cli_usage_error(cli, _("--export writes JSON"));
	if (cli->opt[OPT_PENDING] != NULL || export)
		which = CACHE_FLAGS_PENDING;
	else if (cli->opt[OPT_SENT] != NULL)
		which = CACHE_FLAGS_SENT;
	st = cache_flags_list(cli->cache, which, -1, NULL, &v, &n);
	if (st != CACHE_OK)
		return cli_cache_error(st, _("cannot read the flags"), NULL);
	buf_init(&b);
	if (export) {
		text = out_json_reports(v, n);
		buf_adds(&b, text);
		free(text);
	} else if (cli->format == OUT_JSON) {
		text = out_json_flags(v, n);
		buf_adds(&b, text);
		free(text);
	} else if (cli->format == OUT_CSV)
		flags_csv(&b, v, n);
	else
		flags_human(cli, &b, v, n);
	rc = cli_print(&b);
	buf_free(&b);
	if (rc == EXIT_OK && n == 0 && cli->format == OUT_HUMAN && !export)
		cli_error(EXIT_OK, "%s", _("no flags; f on a record's screen or "
		    "'globe flag ID TEXT' flags one"));
	cache_flags_free(v, n);
	return rc;
}

static const enum cli_opt opts_flags[] = {
	OPT_PENDING, OPT_SENT, OPT_EXPORT, OPT_MAX
};

const struct cli_command cli_entry_flags = {
	"flags", cli_cmd_flags,
	"flags [--pending | --sent | --export]",
	N_("List your flags and whether each was sent; --export writes the "
	"pending ones as JSON to send another way."),
	CLI_F_LIST, 0, 0, opts_flags
};

/* ---- globe changes ----------------------------------------------------- */

/* "contact", "contacts", "Contacts": a record type, or -1. */
static int
changes_type(const char *s)
{
	char	*low, *p;
	size_t	 len;
	int	 t;

	low = xstrdup(s);
	for (p = low; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	len = strlen(low);
	if (len > 1 && low[len - 1] == 's')
		low[len - 1] = '\0';
	if (strcmp(low, "authoritie") == 0)
		strcpy(low, "authority");
	if (strcmp(low, "countrie") == 0)
		strcpy(low, "country");
	t = record_type_from_name(low);
	free(low);
	return t >= 0 && t < REC_NDATA ? t : -1;
}

/* "YYYY-MM-DD" (the start of that day, UTC) or RFC 3339 UTC; -1 if neither. */
static int64_t
changes_since(const char *s)
{
	char	full[32];
	time_t	t;

	if (strlen(s) == 10) {
		snprintf(full, sizeof full, "%sT00:00:00Z", s);
		s = full;
	}
	if (feed_time_parse(s, &t) != 0)
		return -1;
	return t > 0 ? (int64_t)t : 1;
}

static void
changes_csv(struct buf *b, const struct cache_change_sync *s, size_t ns,
    struct cache_change *const *e, const size_t *n)
{
	static const char *const whats[] = { "added", "changed", "removed" };
	char	 num[32], when[32];
	size_t	 i, k;

	buf_adds(b, "sync,at,serial,type,id,name,change,fields\r\n");
	for (i = 0; i < ns; i++) {
		feed_time_format((time_t)s[i].at, when);
		for (k = 0; k < n[i]; k++) {
			snprintf(num, sizeof num, "%lld", (long long)s[i].sync);
			out_csv_cell(b, num, 0);
			buf_addc(b, ',');
			out_csv_cell(b, when, 0);
			buf_addc(b, ',');
			snprintf(num, sizeof num, "%lld",
			    (long long)s[i].serial);
			out_csv_cell(b, num, 0);
			buf_addc(b, ',');
			out_csv_cell(b, record_types[e[i][k].type].name, 0);
			buf_addc(b, ',');
			out_csv_cell(b, e[i][k].id, 0);
			buf_addc(b, ',');
			out_csv_cell(b, e[i][k].name, 0);
			buf_addc(b, ',');
			out_csv_cell(b, whats[e[i][k].what], 0);
			buf_addc(b, ',');
			out_csv_cell(b, e[i][k].fields, 0);
			buf_adds(b, "\r\n");
		}
	}
}

/* Each sync's heading, then its records by type under their headings. */
static void
changes_human(struct buf *b, const struct cache_change_sync *s, size_t ns,
    struct cache_change *const *e, const size_t *n)
{
	char	*line;
	size_t	 i, k;
	int	 type;

	for (i = 0; i < ns; i++) {
		line = present_change_sync_heading(&s[i]);
		buf_addf(b, "%s%s\n", i > 0 ? "\n" : "", line);
		free(line);
		type = -1;
		for (k = 0; k < n[i]; k++) {
			if ((int)e[i][k].type != type) {
				type = e[i][k].type;
				buf_addf(b, "  %s\n", present_type_heading(type));
			}
			line = present_change_line(&e[i][k]);
			buf_addf(b, "    %s\n", line);
			free(line);
		}
	}
}

static int
cli_cmd_changes(struct cli *cli)
{
	struct cache_change_sync	 *s = NULL;
	struct cache_change		**e = NULL;
	enum cache_status		  st;
	struct buf			  b;
	const char			 *a;
	char				 *end, *clean, *text;
	size_t				  ns = 0, *n = NULL, i;
	int64_t				  sync = 0, since = 0;
	int				  rc, type = -1;

	if (cli->opt[OPT_SYNC] != NULL && cli->opt[OPT_SINCE] != NULL)
		return cli_usage_error(cli, _("choose one of --sync and "
		    "--since"));
	if ((a = cli->opt[OPT_SYNC]) != NULL) {
		errno = 0;
		sync = strtoll(a, &end, 10);
		if (!isdigit((unsigned char)*a) || *end != '\0' || errno != 0 ||
		    sync <= 0) {
			clean = sanitize(a, SANITIZE_LINE);
			rc = cli_usage_error(cli, _("--sync wants a sync's "
			    "number, not '%s'"), clean);
			free(clean);
			return rc;
		}
	}
	if ((a = cli->opt[OPT_SINCE]) != NULL &&
	    (since = changes_since(a)) < 0) {
		clean = sanitize(a, SANITIZE_LINE);
		rc = cli_usage_error(cli, _("--since wants a date, YYYY-MM-DD, "
		    "not '%s'"), clean);
		free(clean);
		return rc;
	}
	if ((a = cli->opt[OPT_TYPE]) != NULL &&
	    (type = changes_type(a)) < 0) {
		clean = sanitize(a, SANITIZE_LINE);
		rc = cli_usage_error(cli, _("--type wants contact, authority, "
		    "route, country or newsletter, not '%s'"), clean);
		free(clean);
		return rc;
	}
	st = cache_change_syncs(cli->cache, sync, since, &s, &ns);
	if (st != CACHE_OK)
		return cli_cache_error(st, _("cannot read the change log"),
		    NULL);
	if (sync > 0 && ns == 0) {
		free(s);
		return cli_error(EXIT_ERROR, _("no sync %lld in the change log "
		    "(it keeps the last %d syncs that changed something)"),
		    (long long)sync, CACHE_CHANGE_SYNCS);
	}
	n = xcalloc(ns + 1, sizeof *n);
	e = xcalloc(ns + 1, sizeof *e);
	for (i = 0; i < ns && st == CACHE_OK; i++)
		st = cache_change_list(cli->cache, s[i].sync, type, &e[i],
		    &n[i]);
	buf_init(&b);
	if (st != CACHE_OK)
		rc = cli_cache_error(st, _("cannot read the change log"), NULL);
	else {
		if (cli->format == OUT_JSON) {
			text = out_json_changes(s, ns, e, n);
			buf_adds(&b, text);
			free(text);
		} else if (cli->format == OUT_CSV)
			changes_csv(&b, s, ns, e, n);
		else
			changes_human(&b, s, ns, e, n);
		rc = cli_print(&b);
		if (rc == EXIT_OK && ns == 0 && cli->format == OUT_HUMAN)
			cli_error(EXIT_OK, "%s", since > 0 ?
			    _("no sync changed anything since then") :
			    _("no sync has changed anything yet"));
	}
	buf_free(&b);
	for (i = 0; i < ns; i++)
		cache_changes_free(e[i], n[i]);
	free(e);
	free(n);
	free(s);
	return rc;
}

static const enum cli_opt opts_changes[] = {
	OPT_SYNC, OPT_SINCE, OPT_TYPE, OPT_MAX
};

const struct cli_command cli_entry_changes = {
	"changes", cli_cmd_changes,
	"changes [--sync N | --since DATE] [--type T]",
	N_("What the syncs added, changed and removed (the last one that "
	"changed something unless told)."),
	CLI_F_LIST, 0, 0, opts_changes
};
