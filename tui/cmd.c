/*
 * cmd.c: the globe command line. One table of commands (name, handler,
 * usage, summary, formats, arguments, options) drives dispatch, argument
 * checks and every --help text, so they cannot drift apart. Global
 * options may come before or after the command name. Errors are one line
 * "globe: message: cause" on stderr and a documented exit code.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache/cache.h"
#include "common/common.h"
#include "common/i18n.h"
#include "tui/cmd.h"

/* Options of commands: one table of names, arguments and help. */
static const struct cli_option_info cli_options[OPT_MAX] = {
	[OPT_FEED] = { "feed", "URL",
	    /*
	     * TRANSLATORS: the help of an option in `globe COMMAND
	     * --help`, beside --name ARG. The words in capitals (URL, FILE,
	     * N) are the option's argument as the usage line names it: keep
	     * them, and option names and codes (focal-point, https_proxy).
	     */
	    N_("sync from URL (https://, file:// or a directory)") },
	[OPT_ALLOW_UNSIGNED] = { "allow-unsigned", NULL,
	    N_("accept a feed without a signature") },
	[OPT_QUIET] = { "quiet", NULL, N_("print nothing but errors") },
	[OPT_CHECKSUM] = { "checksum", NULL,
	    N_("print only the checksum of the cached data and sync state") },
	[OPT_COUNTRY] = { "country", "CC",
	    N_("only this country: its code or name (Spain, es)") },
	[OPT_KIND] = { "kind", "K",
	    N_("only authorities of this kind (prosecution, police, ...)") },
	[OPT_ROLE] = { "role", "R",
	    N_("only contacts with this role (focal-point, ...)") },
	[OPT_EXPERTISE] = { "expertise", "E",
	    N_("only authorities with this expertise (asset-recovery, ...)") },
	[OPT_LANGUAGE] = { "language", "L",
	    N_("only this language (an ISO 639-1 code: pt, en, ...)") },
	[OPT_LIMIT] = { "limit", "N",
	    N_("at most N rows (search: 50 unless given; lists: all)") },
	[OPT_ALL] = { "all", NULL, N_("every row, no limit") },
	[OPT_CA_FILE] = { "ca-file", "FILE",
	    N_("trust the server certificates this CA signed (PEM)") },
	[OPT_CLIENT_CERT] = { "client-cert", "FILE",
	    N_("client certificate for mutual TLS (PEM)") },
	[OPT_CLIENT_KEY] = { "client-key", "FILE",
	    N_("the client certificate's key (PEM)") },
	[OPT_TOKEN_FILE] = { "token-file", "FILE",
	    N_("send the bearer token in FILE (mode 0600)") },
	[OPT_NO_PROXY] = { "no-proxy", NULL,
	    N_("ignore https_proxy and all_proxy") },
	[OPT_VERBOSE] = { "verbose", NULL,
	    N_("print each request and its status on stderr") },
	[OPT_URGENT] = { "urgent", NULL, N_("the request is urgent") },
	[OPT_NORMAL] = { "normal", NULL, N_("the request is not urgent") },
	[OPT_STAGE] = { "stage", "STAGE", N_("the stage of the case: "
	    "intelligence, investigation, prosecution, trial, enforcement") },
	[OPT_FROM] = { "from", "CC", N_("the requesting State (default: "
	    "country = in the config)") },
	[OPT_STALE] = { "stale", NULL,
	    N_("only records verified more than stale_days ago") },
	[OPT_SYNC] = { "sync", "N", N_("the logged sync numbered N") },
	[OPT_SINCE] = { "since", "DATE",
	    N_("the syncs since DATE (YYYY-MM-DD, UTC)") },
	[OPT_TYPE] = { "type", "T",
	    N_("only records of type T (contact, authority, route, country, "
	    "newsletter)") },
	[OPT_PENDING] = { "pending", NULL, N_("only flags not sent yet") },
	[OPT_SENT] = { "sent", NULL, N_("only flags sent") },
	[OPT_EXPORT] = { "export", NULL,
	    N_("write the pending flags as the JSON documents a reports URL "
	    "receives") },
	[OPT_CLEAR] = { "clear", NULL, N_("remove the note") },
	[OPT_PASSPHRASE_FILE] = { "passphrase-file", "FILE",
	    N_("the device key's passphrase is in FILE (mode 0600)") },
	[OPT_PASSPHRASE] = { "passphrase", NULL,
	    N_("protect the key with a passphrase, asked on the terminal") },
};

/* The largest --limit (--all has none). */
#define CLI_LIMIT_MAX	1000000

/* At most this many "did you mean" suggestions in one message. */
#define CLI_SUGGEST_MAX	5

static int	cli_cmd_help(struct cli *);

const enum cli_opt cli_opts_none[] = { OPT_MAX };
const enum cli_opt cli_opts_list[] = { OPT_LIMIT, OPT_ALL, OPT_MAX };

/* `globe help [COMMAND]`: the same texts as --help and COMMAND --help. */
static const struct cli_command cli_entry_help = {
	"help", cli_cmd_help, "help [COMMAND]",
	N_("Show this help, or the usage and options of COMMAND."), CLI_F_HUMAN,
	0, 1, cli_opts_none
};

/*
 * Every command, in the order --help lists them; each entry is defined
 * beside its handler (cmd-sync.c, cmd-browse.c, cmd-search.c, …).
 */
static const struct cli_command *const cli_commands[] = {
	&cli_entry_sync, &cli_entry_status, &cli_entry_countries,
	&cli_entry_members, &cli_entry_authority, &cli_entry_contacts,
	&cli_entry_show, &cli_entry_search, &cli_entry_route,
	&cli_entry_measures, &cli_entry_newsletters,
	&cli_entry_read, &cli_entry_star, &cli_entry_unstar,
	&cli_entry_starred, &cli_entry_changes, &cli_entry_flag,
	&cli_entry_flags, &cli_entry_unflag, &cli_entry_note,
	&cli_entry_config, &cli_entry_device, &cli_entry_help,
};
#define NCOMMANDS (sizeof cli_commands / sizeof cli_commands[0])

/*
 * The global options, for suggestions and completion (cli_global parses
 * them, cli_help explains them; tests/cli/complete.sh checks that every
 * option --help names is here).
 */
static const struct cli_global_info cli_globals[] = {
	{ "--db", "PATH", N_("the cache database"), CLI_ARG_FILE, 0 },
	{ "--config", "PATH", N_("the config file"), CLI_ARG_FILE, 0 },
	{ "--demo", NULL, N_("use the bundled demo directory"), 0, 0 },
	{ "--json", NULL, N_("JSON output"), 0, OUT_FMASK(OUT_JSON) },
	{ "--csv", NULL, N_("CSV output"), 0, OUT_FMASK(OUT_CSV) },
	{ "--vcard", NULL, N_("vCard output (people and authorities)"), 0,
	    OUT_FMASK(OUT_VCARD) },
	{ "--no-color", NULL, N_("no bold headers, no colours on the full screen (also NO_COLOR)"), 0, 0 },
	{ "--help", NULL, N_("the usage and options"), 0, 0 },
	{ "--version", NULL, N_("print the version"), 0, 0 },
};
#define NGLOBALS (sizeof cli_globals / sizeof cli_globals[0])

/* The output formats: options but for the default, which --help names. */
static const char *const cli_format_names[] = {
	/*
	 * TRANSLATORS: in `globe COMMAND --help`, "output formats: human
	 * --json --csv": the default format, aligned columns for people.
	 */
	N_("human"), "--json", "--csv", "--vcard"
};

/* The global options in --help: as typed, and what each does. */
static const struct {
	const char	*left;
	const char	*help;
} cli_global_help[] = {
	/*
	 * TRANSLATORS: the help of a global option in globe --help. A line
	 * break (\n) starts a line that is indented under the help above.
	 */
	{ "--db PATH", N_("the cache database") },
	{ "--config PATH", N_("the config file") },
	{ "--demo", N_("use the bundled demo directory") },
	{ "--json, --csv", N_("output format (default: aligned columns)") },
	{ "--vcard", N_("vCard 4.0 for commands that list people") },
	{ "--no-color", N_("no bold headers, no colours on the full screen (also NO_COLOR)") },
	{ "-h, --help", N_("this help, or a command's (COMMAND --help,\n"
	    "or globe help COMMAND)") },
	{ "--version", N_("print the version") },
};
#define NGLOBALHELP (sizeof cli_global_help / sizeof cli_global_help[0])

/* A command's summary in the user's language ("" for none). */
static const char *
cli_summary(const struct cli_command *c)
{
	return c->summary[0] != '\0' ? _(c->summary) : "";
}

int
cli_error(int code, const char *fmt, ...)
{
	va_list	 ap;

	fflush(stdout);
	fputs("globe: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

int
cli_cache_error(enum cache_status st, const char *what, char *cause)
{
	int	 code = cache_exit_code(st);

	if (cause != NULL && *cause != '\0' && st == CACHE_ERR_CORRUPT)
		/* The cause says it is corrupt, and how to rebuild it. */
		cli_error(code, "%s: %s", what, cause);
	else if (cause != NULL && *cause != '\0')
		cli_error(code, "%s: %s: %s", what, cache_strerror(st), cause);
	else if (st == CACHE_ERR_CORRUPT)	/* say how to get out of it */
		/*
		 * TRANSLATORS: what failed ("cannot read the cache"), then
		 * why ("the cache file is corrupt").
		 */
		cli_error(code, _("%s: %s; move it away and run `globe sync` "
		    "to rebuild it"), what, cache_strerror(st));
	else
		cli_error(code, "%s: %s", what, cache_strerror(st));
	free(cause);
	return code;
}

int
cli_usage_error(struct cli *cli, const char *fmt, ...)
{
	va_list	 ap;

	fflush(stdout);
	fputs("globe: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cli != NULL && cli->cmd != NULL && cli->cmd->name[0] != '\0')
		/*
		 * TRANSLATORS: under a usage error and atop COMMAND --help:
		 * %s is the command's usage line, as typed (names, options).
		 */
		fprintf(stderr, _("usage: globe %s\n"), cli->cmd->usage);
	else
		/* TRANSLATORS: the words in capitals are as in globe --help. */
		fputs(_("usage: globe [OPTIONS] [COMMAND [ARGS...]] "
		    "(see globe --help)\n"), stderr);
	return EXIT_USAGE;
}

int
cli_print(struct buf *b)
{
	if (out_write(b) != 0) {
		return cli_error(EXIT_ERROR, _("cannot write the output: %s"),
		    strerror(errno));
	}
	return EXIT_OK;
}

int
cli_print_list(struct cli *cli, struct out_list *l,
    enum present_list list)
{
	struct buf	 b;
	char		*text;
	int		 rc;

	present_list_mark_stale(l, &cli->ctx);
	buf_init(&b);
	switch (cli->format) {
	case OUT_HUMAN:
		out_human_table(&b, l, list, PLIST_IDS, &cli->ctx,
		    out_width(0), cli->bold);
		break;
	case OUT_JSON:
		text = out_json_list(l);
		buf_adds(&b, text);
		free(text);
		break;
	case OUT_CSV:
		out_csv_list(&b, l);
		break;
	case OUT_VCARD:
		out_vcard_list(&b, l);
		break;
	}
	rc = cli_print(&b);
	buf_free(&b);
	return rc;
}

int
cli_limit(struct cli *cli, size_t def, size_t *limit)
{
	const char	*a = cli->opt[OPT_LIMIT];
	char		*end, *clean;
	unsigned long	 n;
	int		 rc;

	*limit = def;
	if (cli->opt[OPT_ALL] != NULL && a != NULL)
		return cli_usage_error(cli,
		    _("choose one of --limit and --all"));
	if (cli->opt[OPT_ALL] != NULL)
		*limit = 0;
	if (a == NULL)
		return EXIT_OK;
	errno = 0;
	n = strtoul(a, &end, 10);
	if (errno != 0 || *end != '\0' || n == 0 || n > CLI_LIMIT_MAX ||
	    !isdigit((unsigned char)a[0])) {
		clean = sanitize(a, SANITIZE_LINE);
		rc = cli_usage_error(cli, _("--limit wants a number from 1 "
		    "to %d (or --all), not '%s'"), CLI_LIMIT_MAX, clean);
		free(clean);
		return rc;
	}
	*limit = n;
	return EXIT_OK;
}

void
cli_limit_note(size_t shown, size_t total)
{
	if (total <= shown)
		return;
	/*
	 * TRANSLATORS: on stderr under a list cut at its limit: how many
	 * records are shown, of how many. The form follows the first number.
	 * --limit N and --all are options: keep them as they are.
	 */
	cli_error(EXIT_OK, P_("showing %zu of %zu; --limit N or --all",
	    "showing %zu of %zu; --limit N or --all", shown), shown, total);
}

int
cli_list_limited(struct cli *cli, struct cache_filter *f, struct out_list *l,
    size_t *total)
{
	enum cache_status	 st;
	size_t			 limit;
	int			 rc;

	if ((rc = cli_limit(cli, CLI_LIMIT_NONE, &limit)) != EXIT_OK)
		return rc;
	f->limit = limit;
	st = cache_list(cli->cache, f, out_list_add_cb, l);
	if (st == CACHE_OK && limit != 0 && l->n >= limit)
		st = cache_list_count(cli->cache, f, total);
	else
		*total = l->n;
	if (st != CACHE_OK)
		return cli_cache_error(st, _("cannot read the cache"), NULL);
	return EXIT_OK;
}

enum cache_status
cli_fetch(struct cli *cli, enum record_type type, const char *id,
    struct out_list *l)
{
	struct cache_filter	 f;

	memset(&f, 0, sizeof f);
	f.type = type;
	f.id = id;
	return cache_list(cli->cache, &f, out_list_add_cb, l);
}

/*
 * A line of a help: "  LEFT" padded to lw columns, then text wrapped so
 * no line passes 80 display columns (a CJK character takes two), its
 * other lines under its first. A LEFT wider than lw has the text start
 * on the next line. Without LEFT, the text's first line starts at the
 * margin and its others lw columns in.
 */
static void
cli_help_row(FILE *fp, const char *left, int lw, const char *text)
{
	struct buf	b;

	buf_init(&b);
	if (left != NULL && (int)strlen(left) > lw)
		buf_addf(&b, "  %s\n%*s", left, lw + 3, "");
	else if (left != NULL)
		buf_addf(&b, "  %-*s ", lw, left);
	buf_add_indented(&b, text, left != NULL ? lw + 3 : lw, 80);
	fputs(b.data, fp);
	buf_free(&b);
}

static void
cli_help(FILE *fp)
{
	size_t		 i;

	/*
	 * TRANSLATORS: the top of globe --help; lines of 80 columns at
	 * most. The words in capitals are what the usage line names.
	 */
	fputs(_("usage: globe [OPTIONS] [COMMAND [ARGS...]]\n\n"
	    "An offline directory of the GlobE Network: countries, member "
	    "authorities,\ntheir focal points and the network's "
	    "newsletters, kept in a local cache.\n"), fp);
	/* TRANSLATORS: globe --help: the heading of the list of commands. */
	fprintf(fp, "\n%s\n", _("commands:"));
	for (i = 0; i < NCOMMANDS; i++)
		cli_help_row(fp, cli_commands[i]->name, 12,
		    cli_summary(cli_commands[i]));
	/* TRANSLATORS: globe --help: the heading of the global options. */
	fprintf(fp, "\n%s\n", _("options (before or after the command):"));
	for (i = 0; i < NGLOBALHELP; i++)
		cli_help_row(fp, cli_global_help[i].left, 16,
		    _(cli_global_help[i].help));
	/*
	 * TRANSLATORS: globe --help, the paragraphs under the options; lines
	 * of 80 columns at most. TERM, dumb, --limit N and --all, search:
	 * keep them. "showing 50 of 295" is the note a cut list prints.
	 */
	fputc('\n', fp);
	fputs(_("With no command, globe opens the full-screen interface on a "
	    "terminal. When\nstdin or stdout is not a terminal, or TERM is "
	    "unset, dumb or unknown, it\nprints the country list instead, "
	    "and one line on stderr saying why.\n"), fp);
	fputs(_("A country is its code or its name; a country or filter value "
	    "the cache does\nnot hold is an error that names the closest "
	    "(case and accents do not matter).\n"), fp);
	fputs(_("Lists take --limit N or --all; search shows 50 unless told, "
	    "and a list cut\nat its limit says so on stderr (showing 50 of "
	    "295).\n"), fp);
	/* TRANSLATORS: globe --help, the last paragraph: the exit codes. */
	fputs(_("Exit status: 0 ok (an empty list too), 1 no match (search) or "
	    "not found\nor another error, 2 usage, configuration, or an "
	    "unknown country or filter value,\n3 network, 4 feed rejected, "
	    "5 cache.\n"), fp);
}

static void
cli_command_help(const struct cli_command *c)
{
	const struct cli_option_info	*o;
	const enum cli_opt		*op;
	char				*left, *usage;
	size_t				 i;
	int				 first = 1;

	/* The usage line wrapped as a row is, its other lines indented. */
	usage = xasprintf(_("usage: globe %s\n"), c->usage);
	usage[strcspn(usage, "\n")] = '\0';
	cli_help_row(stdout, NULL, 4, usage);
	free(usage);
	putchar('\n');
	cli_help_row(stdout, NULL, 0, cli_summary(c));
	for (op = c->options; *op != OPT_MAX; op++) {
		o = &cli_options[*op];
		if (first)
			/* TRANSLATORS: COMMAND --help: the options' heading. */
			printf("\n%s\n", _("options:"));
		first = 0;
		left = xasprintf("--%s%s%s", o->name, o->arg ? " " : "",
		    o->arg ? o->arg : "");
		cli_help_row(stdout, left, 20, _(o->help));
		free(left);
	}
	/*
	 * TRANSLATORS: COMMAND --help, the last line: "output formats:
	 * human --json --csv".
	 */
	printf("\n%s", _("output formats:"));
	for (i = 0; i < 4; i++) {
		if (c->formats & OUT_FMASK(i))
			printf(" %s", i == OUT_HUMAN ? _(cli_format_names[i]) :
			    cli_format_names[i]);
	}
	printf("\n");
}

const struct cli_command *
cli_command_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < NCOMMANDS; i++) {
		if (strcmp(cli_commands[i]->name, name) == 0)
			return cli_commands[i];
	}
	return NULL;
}

const struct cli_command *const *
cli_command_list(size_t *n)
{
	*n = NCOMMANDS;
	return cli_commands;
}

const struct cli_option_info *
cli_option_info(enum cli_opt opt)
{
	return &cli_options[opt];
}

const struct cli_global_info *
cli_global_list(size_t *n)
{
	*n = NGLOBALS;
	return cli_globals;
}

/*
 * The usage error what ("unknown command 'x'"), followed by "did you
 * mean 'y'?" for the candidates closest to word, when one is close.
 * Returns 2.
 */
static int
cli_suggest(struct cli *cli, const char *what, const char *word,
    const char *const *cands, size_t n)
{
	const char	*best[CLI_SUGGEST_MAX];
	size_t		 idx[CLI_SUGGEST_MAX], k, i;
	struct buf	 q;
	int		 rc;

	k = suggest_closest(word, cands, n, idx, CLI_SUGGEST_MAX);
	if (k == 0)
		return cli_usage_error(cli, "%s", what);
	for (i = 0; i < k; i++)
		best[i] = cands[idx[i]];
	buf_init(&q);
	suggest_question(&q, best, k, 1);
	/*
	 * TRANSLATORS: one message of two parts: what was wrong ("unknown
	 * command 'serch'"), then a suggestion ("did you mean 'search'?").
	 */
	rc = cli_usage_error(cli, _("%s; %s"), what, q.data);
	buf_free(&q);
	return rc;
}

/* "unknown command 'x'; did you mean 'y'?" and the usage; returns 2. */
static int
cli_unknown_command(const char *name)
{
	const char	*names[NCOMMANDS];
	char		*clean, *what;
	size_t		 i;
	int		 rc;

	for (i = 0; i < NCOMMANDS; i++)
		names[i] = cli_commands[i]->name;
	clean = sanitize(name, SANITIZE_LINE);
	what = xasprintf(_("unknown command '%s'"), clean);
	rc = cli_suggest(NULL, what, name, names, NCOMMANDS);
	free(what);
	free(clean);
	return rc;
}

/*
 * "unknown option '--x' for cmd; did you mean '--y'?" (the command's
 * options and the global ones are the candidates) and the usage; the
 * part of arg before any '=' is the name. Returns 2.
 */
static int
cli_unknown_option(struct cli *cli, const char *arg)
{
	const struct cli_command	*c = cli->cmd;
	const enum cli_opt		*op;
	const char			**cands;
	char				**own, *word, *clean, *what;
	size_t				 n = 0, nown = 0, i;
	int				 rc;

	word = xstrndup(arg, strcspn(arg, "="));
	for (op = c != NULL ? c->options : NULL; op != NULL && *op != OPT_MAX;
	    op++)
		nown++;
	own = xcalloc(nown + 1, sizeof *own);
	cands = xcalloc(nown + NGLOBALS + 1, sizeof *cands);
	for (i = 0; i < nown; i++) {
		own[i] = xasprintf("--%s", cli_options[c->options[i]].name);
		cands[n++] = own[i];
	}
	for (i = 0; i < NGLOBALS; i++)
		cands[n++] = cli_globals[i].name;
	clean = sanitize(arg, SANITIZE_LINE);
	if (c != NULL && c->name[0] != '\0')
		/* TRANSLATORS: the option as typed, then the command's name. */
		what = xasprintf(_("unknown option '%s' for %s"), clean,
		    c->name);
	else
		what = xasprintf(_("unknown option '%s'"), clean);
	rc = cli_suggest(c != NULL ? cli : NULL, what, word, cands, n);
	free(what);
	free(clean);
	for (i = 0; i < nown; i++)
		free(own[i]);
	free(own);
	free(cands);
	free(word);
	return rc;
}

/*
 * `globe help [COMMAND]`: the same texts as --help and COMMAND --help,
 * on stdout; runs before any cache is opened.
 */
static int
cli_cmd_help(struct cli *cli)
{
	const struct cli_command	*c;

	if (cli->nargs == 0)
		cli_help(stdout);
	else if ((c = cli_command_find(cli->args[0])) != NULL)
		cli_command_help(c);
	else
		return cli_unknown_command(cli->args[0]);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_ERROR;
}

/* A global option at argv[*i]: 1 consumed, 0 not global, -1 error. */
static int
cli_global(struct cli *cli, int argc, char **argv, int *i, int *help,
    int *version, int *nocolor, int *nformats)
{
	const char	*a = argv[*i], *val = NULL;
	size_t		 nlen;
	const char	*eq;

	if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
		*help = 1;
		return 1;
	}
	if (strcmp(a, "--version") == 0) {
		*version = 1;
		return 1;
	}
	if (strcmp(a, "--demo") == 0) {
		cli->demo = 1;
		return 1;
	}
	if (strcmp(a, "--no-color") == 0 || strcmp(a, "--no-colour") == 0) {
		*nocolor = 1;
		return 1;
	}
	if (strcmp(a, "--json") == 0 || strcmp(a, "--csv") == 0 ||
	    strcmp(a, "--vcard") == 0) {
		enum out_format f = a[2] == 'j' ? OUT_JSON :
		    a[2] == 'c' ? OUT_CSV : OUT_VCARD;

		if (*nformats > 0 && cli->format != f) {
			cli_usage_error(NULL, _("choose one of --json, --csv "
			    "and --vcard"));
			return -1;
		}
		cli->format = f;
		(*nformats)++;
		return 1;
	}
	eq = strchr(a, '=');
	nlen = eq != NULL ? (size_t)(eq - a) : strlen(a);
	if ((nlen == 4 && strncmp(a, "--db", 4) == 0) ||
	    (nlen == 8 && strncmp(a, "--config", 8) == 0)) {
		if (eq != NULL)
			val = eq + 1;
		else if (*i + 1 < argc)
			val = argv[++*i];
		else {
			/* TRANSLATORS: an option's name: --db or --config. */
			cli_usage_error(NULL, _("%.*s needs a value"),
			    (int)nlen, a);
			return -1;
		}
		if (*val == '\0') {
			cli_usage_error(NULL, _("%.*s needs a value"),
			    (int)nlen, a);
			return -1;
		}
		if (nlen == 4)
			cli->db_opt = val;
		else
			cli->config_opt = val;
		return 1;
	}
	return 0;
}

/* Parses the command's own options and arguments (collected in args). */
static int
cli_command_args(struct cli *cli, int nargs, char **args)
{
	const struct cli_command	*c = cli->cmd;
	const struct cli_option_info	*o;
	const enum cli_opt		*op;
	const char			*a, *eq;
	size_t				 nlen;
	int				 i, dashdash = 0, found;

	cli->args = xcalloc((size_t)nargs + 1, sizeof *cli->args);
	cli->nargs = 0;
	for (i = 0; i < nargs; i++) {
		a = args[i];
		if (dashdash || a[0] != '-' || a[1] == '\0') {
			cli->args[cli->nargs++] = args[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			dashdash = 1;
			continue;
		}
		eq = strchr(a, '=');
		nlen = eq != NULL ? (size_t)(eq - a) : strlen(a);
		found = 0;
		for (op = c->options; *op != OPT_MAX; op++) {
			o = &cli_options[*op];
			if (a[1] != '-' || nlen - 2 != strlen(o->name) ||
			    strncmp(a + 2, o->name, nlen - 2) != 0)
				continue;
			found = 1;
			if (o->arg == NULL) {
				if (eq != NULL)
					return cli_usage_error(cli,
					    /* TRANSLATORS: an option's name. */
					    _("--%s takes no value"), o->name);
				cli->opt[*op] = "1";
			} else if (eq != NULL)
				cli->opt[*op] = eq + 1;
			else if (i + 1 < nargs)
				cli->opt[*op] = args[++i];
			else
				return cli_usage_error(cli,
				    _("--%s needs a value"), o->name);
			break;
		}
		if (!found)
			return cli_unknown_option(cli, a);
	}
	if (cli->nargs < c->minargs && c->minargs == 1 && c->maxargs == 1)
		/* TRANSLATORS: %s is a command's name: members, show. */
		return cli_usage_error(cli, _("%s needs one argument"),
		    c->name);
	if (cli->nargs < c->minargs)
		return cli_usage_error(cli, _("%s needs more arguments"),
		    c->name);
	if (c->maxargs >= 0 && cli->nargs > c->maxargs) {
		if (c->name[0] == '\0')
			return cli_unknown_command(cli->args[0]);
		return cli_usage_error(cli, _("too many arguments for %s"),
		    c->name);
	}
	return EXIT_OK;
}

static int
cli_open(struct cli *cli)
{
	enum cache_status	 st;
	char			*cause = NULL, *what;

	st = cache_open(cli->db_path, 0, &cli->cache, &cause);
	if (st != CACHE_OK) {
		cli->cache = NULL;
		what = xasprintf(_("cannot open the cache %s"), cli->db_path);
		st = cli_cache_error(st, what, cause);
		free(what);
		return st;
	}
	if (cache_notice(cli->cache) != NULL) {
		what = sanitize(cache_notice(cli->cache), SANITIZE_LINE);
		cli_error(EXIT_OK, "%s", what);
		free(what);
	}
	return EXIT_OK;
}

/*
 * GLOBE_DEMO_FEED, else from make's build directory its own demo feed
 * (just rebuilt, the one to show even where an older one is installed),
 * else the installed one. Caller frees.
 */
static char *
cli_demo_dir(void)
{
	const char	*e = getenv("GLOBE_DEMO_FEED");

	if (e != NULL && *e != '\0')
		return xstrdup(e);
	if (path_self_in(GLOBE_BUILDDIR) &&
	    access(GLOBE_BUILDDIR "/data/demo-feed/index.json", R_OK) == 0)
		return xstrdup(GLOBE_BUILDDIR "/data/demo-feed");
	if (access(GLOBE_PKGDATADIR "/demo-feed/index.json", R_OK) == 0)
		return xstrdup(GLOBE_PKGDATADIR "/demo-feed");
	return xstrdup(GLOBE_BUILDDIR "/data/demo-feed");
}

/* The config --config names (opt), else the usual one. Caller frees. */
static char *
cli_config_path(const char *opt)
{
	char	*dir, *path;

	if (opt != NULL)
		return xstrdup(opt);
	dir = path_config_dir();
	path = xasprintf("%s/config", dir);
	free(dir);
	return path;
}

char *
cli_config_file(const struct cli *cli)
{
	return cli_config_path(cli->config_opt);
}

/*
 * The --config the global options name (the last one, as cli_global
 * takes them, up to "--"), or NULL: looked for before they are parsed,
 * so that what their parsing says is in the config's language too.
 */
static const char *
cli_config_peek(int argc, char **argv)
{
	const char	*a, *eq, *val, *path = NULL;
	size_t		 nlen;
	int		 i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		a = argv[i];
		eq = strchr(a, '=');
		nlen = eq != NULL ? (size_t)(eq - a) : strlen(a);
		if ((nlen != 4 || strncmp(a, "--db", 4) != 0) &&
		    (nlen != 8 || strncmp(a, "--config", 8) != 0))
			continue;
		if (eq != NULL)
			val = eq + 1;
		else if (i + 1 < argc)
			val = argv[++i];
		else
			break;
		if (nlen == 8 && *val != '\0')
			path = val;
	}
	return path;
}

/*
 * The config's language = (i18n_language_set), before anything is
 * said: usage errors, --help, every command and screen. Only from a
 * config without an error, as the commands take it; quietly, as the
 * commands that read the config say what is wrong with it (in the
 * environment's language), and those that do not (help, config check)
 * must run all the same.
 */
static void
cli_language(int argc, char **argv)
{
	struct tui_config	 c;
	char			*path, *cause = NULL;

	memset(&c, 0, sizeof c);
	path = cli_config_path(cli_config_peek(argc, argv));
	if (tui_config_load(&c, path, 0, &cause) == 0 && c.language != NULL)
		i18n_language_set(c.language);
	free(cause);
	free(path);
	tui_config_clear(&c);
}

static int
cli_setup(struct cli *cli)
{
	char	*cause = NULL, *path, *clean;
	int	 rc;

	path = cli_config_file(cli);
	rc = tui_config_load(&cli->config, path, cli->config_opt != NULL,
	    &cause);
	cli->config_path = path;
	if (rc != 0) {
		/* It quotes the file's text, which may hold anything. */
		clean = sanitize(cause, SANITIZE_LINE);
		cli_error(EXIT_USAGE, "%s", clean);
		free(clean);
		free(cause);
		return EXIT_USAGE;
	}
	cli->ctx.stale_days = (int)cli->config.stale_days;
	cli->data_dir = path_data_dir();
	if (cli->db_opt != NULL)
		cli->db_path = xstrdup(cli->db_opt);
	else
		cli->db_path = xasprintf("%s/%s", cli->data_dir,
		    cli->demo ? "demo.db" : "globe.db");
	if (cli->db_opt != NULL) {
		free(cli->data_dir);
		cli->data_dir = path_dirname(cli->db_path);
	}
	if (cli->demo)
		cli->demo_dir = cli_demo_dir();
	return EXIT_OK;
}

int
cli_main(int argc, char **argv, tui_full_screen_fn full_screen)
{
	struct cli	  cli;
	char		**rest;
	const char	 *nc;
	int		  nrest = 0, i, r, help = 0, version = 0, nocolor = 0;
	int		  nformats = 0, dashdash = 0, rc, bidi_tty;

	/* The shells' completion scripts: before anything else is parsed. */
	if (argc > 1 && strcmp(argv[1], CLI_COMPLETE) == 0)
		return cli_complete(argc - 2, argv + 2);
	cli_language(argc, argv);
	memset(&cli, 0, sizeof cli);
	cli.full_screen = full_screen;
	cli.format = OUT_HUMAN;
	rest = xcalloc((size_t)argc + 1, sizeof *rest);
	for (i = 1; i < argc; i++) {
		if (!dashdash) {
			r = cli_global(&cli, argc, argv, &i, &help, &version,
			    &nocolor, &nformats);
			if (r < 0) {
				rc = EXIT_USAGE;
				goto out;
			}
			if (r > 0)
				continue;
		}
		if (strcmp(argv[i], "--") == 0)
			dashdash = 1;
		if (cli.cmd == NULL && !dashdash) {
			if (argv[i][0] == '-' && argv[i][1] != '\0') {
				rc = cli_unknown_option(&cli, argv[i]);
				goto out;
			}
			cli.cmd = cli_command_find(argv[i]);
			if (cli.cmd == NULL) {
				rc = cli_unknown_command(argv[i]);
				goto out;
			}
			continue;
		}
		rest[nrest++] = argv[i];
	}
	if (version) {
		printf("globe %s\n", PACKAGE_VERSION);
		rc = EXIT_OK;
		goto out;
	}
	if (help) {
		if (cli.cmd != NULL)
			cli_command_help(cli.cmd);
		else
			cli_help(stdout);
		rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_ERROR;
		goto out;
	}
	if (cli.cmd == NULL)
		cli.cmd = &cli_entry_default;
	if ((cli.cmd->formats & OUT_FMASK(cli.format)) == 0) {
		if (cli.cmd->name[0] != '\0')
			/* TRANSLATORS: an output format, a command's name. */
			rc = cli_usage_error(&cli, _("%s is not available for "
			    "%s"), cli_format_names[cli.format], cli.cmd->name);
		else
			rc = cli_usage_error(&cli, _("%s is not available for "
			    "the country list"), cli_format_names[cli.format]);
		goto out;
	}
	rc = cli_command_args(&cli, nrest, rest);
	if (rc != EXIT_OK)
		goto out;
	/* These read neither the config nor the cache. */
	if (cli.cmd == &cli_entry_help || cli.cmd == &cli_entry_config) {
		rc = cli.cmd->run(&cli);
		goto out;
	}
	nc = getenv("NO_COLOR");
	cli.bold = cli.format == OUT_HUMAN && !nocolor &&
	    (nc == NULL || *nc == '\0') && isatty(STDOUT_FILENO);
	rc = cli_setup(&cli);
	if (rc != EXIT_OK)
		goto out;
	if (cli.cmd == &cli_entry_device) {
		/* The device's key is the user's, not the cache's. */
		rc = cli.cmd->run(&cli);
		goto out;
	}
	rc = cli_open(&cli);
	if (rc != EXIT_OK)
		goto out;
	if (cli.demo && cli.cmd != &cli_entry_sync) {
		rc = cli_demo_prepare(&cli);
		if (rc != EXIT_OK)
			goto out;
	}
	/*
	 * bidi = on: a terminal gets right-to-left text in visual order,
	 * and is told not to reorder it again (explicit mode) while globe
	 * writes; a pipe always gets logical order (tui/present-bidi.c).
	 */
	bidi_tty = cli.config.bidi == TUI_BIDI_ON && cli.format == OUT_HUMAN &&
	    charset_utf8() && isatty(STDOUT_FILENO);
	if (bidi_tty) {
		bidi_set(1);
		fputs(BIDI_TERM_EXPLICIT, stdout);
	}
	rc = cli.cmd->run(&cli);
	if (bidi_tty) {
		fputs(BIDI_TERM_IMPLICIT, stdout);
		fflush(stdout);
		bidi_set(0);
	}
out:
	if (cli.cache != NULL)
		cache_close(cli.cache);
	tui_config_clear(&cli.config);
	free(cli.device_key);
	free(cli.db_path);
	free(cli.config_path);
	free(cli.data_dir);
	free(cli.demo_dir);
	free(cli.args);
	free(rest);
	return rc;
}
