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
static const struct cli_option_info {
	const char	*name;
	const char	*arg;		/* NULL for a flag */
	const char	*help;
} cli_options[OPT_MAX] = {
	[OPT_FEED] = { "feed", "URL",
	    "sync from URL (https://, file:// or a directory)" },
	[OPT_ALLOW_UNSIGNED] = { "allow-unsigned", NULL,
	    "accept a feed without a signature" },
	[OPT_QUIET] = { "quiet", NULL, "print nothing but errors" },
	[OPT_CHECKSUM] = { "checksum", NULL,
	    "print only the checksum of the cached data and sync state" },
	[OPT_COUNTRY] = { "country", "CC",
	    "only this country: its code or name (Spain, es)" },
	[OPT_KIND] = { "kind", "K",
	    "only authorities of this kind (prosecution, police, ...)" },
	[OPT_ROLE] = { "role", "R",
	    "only contacts with this role (focal-point, ...)" },
	[OPT_EXPERTISE] = { "expertise", "E",
	    "only authorities with this expertise (asset-recovery, ...)" },
	[OPT_LANGUAGE] = { "language", "L",
	    "only this language (an ISO 639-1 code: pt, en, ...)" },
	[OPT_LIMIT] = { "limit", "N",
	    "at most N rows (search: 50 unless given; lists: all)" },
	[OPT_ALL] = { "all", NULL, "every row, no limit" },
	[OPT_CA_FILE] = { "ca-file", "FILE",
	    "trust the server certificates this CA signed (PEM)" },
	[OPT_CLIENT_CERT] = { "client-cert", "FILE",
	    "client certificate for mutual TLS (PEM)" },
	[OPT_CLIENT_KEY] = { "client-key", "FILE",
	    "the client certificate's key (PEM)" },
	[OPT_TOKEN_FILE] = { "token-file", "FILE",
	    "send the bearer token in FILE (mode 0600)" },
	[OPT_NO_PROXY] = { "no-proxy", NULL,
	    "ignore https_proxy and all_proxy" },
	[OPT_VERBOSE] = { "verbose", NULL,
	    "print each request and its status on stderr" },
	[OPT_PASSPHRASE_FILE] = { "passphrase-file", "FILE",
	    "the device key's passphrase is in FILE (mode 0600)" },
	[OPT_PASSPHRASE] = { "passphrase", NULL,
	    "protect the key with a passphrase, asked on the terminal" },
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
	"Show this help, or the usage and options of COMMAND.", CLI_F_HUMAN,
	0, 1, cli_opts_none
};

/*
 * Every command, in the order --help lists them; each entry is defined
 * beside its handler (cmd-sync.c, cmd-browse.c, cmd-search.c, …).
 */
static const struct cli_command *const cli_commands[] = {
	&cli_entry_sync, &cli_entry_status, &cli_entry_countries,
	&cli_entry_members, &cli_entry_authority, &cli_entry_contacts,
	&cli_entry_show, &cli_entry_search, &cli_entry_newsletters,
	&cli_entry_read, &cli_entry_star, &cli_entry_unstar,
	&cli_entry_starred, &cli_entry_device, &cli_entry_help,
};
#define NCOMMANDS (sizeof cli_commands / sizeof cli_commands[0])

/* The global options, for suggestions (cli_global parses them). */
static const char *const cli_global_names[] = {
	"--db", "--config", "--demo", "--json", "--csv", "--vcard",
	"--no-color", "--help", "--version"
};
#define NGLOBALS (sizeof cli_global_names / sizeof cli_global_names[0])

static const char *const cli_format_names[] = {
	"human", "--json", "--csv", "--vcard"
};

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

	if (cause != NULL && *cause != '\0')
		cli_error(code, "%s: %s: %s", what, cache_strerror(st), cause);
	else if (st == CACHE_ERR_CORRUPT)	/* say how to get out of it */
		cli_error(code, "%s: %s; move it away and run `globe sync` to "
		    "rebuild it", what, cache_strerror(st));
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
		fprintf(stderr, "usage: globe %s\n", cli->cmd->usage);
	else
		fputs("usage: globe [OPTIONS] [COMMAND [ARGS...]] "
		    "(see globe --help)\n", stderr);
	return EXIT_USAGE;
}

int
cli_print(struct buf *b)
{
	if (out_write(b) != 0) {
		return cli_error(EXIT_ERROR, "cannot write the output: %s",
		    strerror(errno));
	}
	return EXIT_OK;
}

int
cli_print_list(struct cli *cli, const struct out_list *l,
    enum present_list list)
{
	struct buf	 b;
	char		*text;
	int		 rc;

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
		return cli_usage_error(cli, "choose one of --limit and --all");
	if (cli->opt[OPT_ALL] != NULL)
		*limit = 0;
	if (a == NULL)
		return EXIT_OK;
	errno = 0;
	n = strtoul(a, &end, 10);
	if (errno != 0 || *end != '\0' || n == 0 || n > CLI_LIMIT_MAX ||
	    !isdigit((unsigned char)a[0])) {
		clean = sanitize(a, SANITIZE_LINE);
		rc = cli_usage_error(cli, "--limit wants a number from 1 to "
		    "%d (or --all), not '%s'", CLI_LIMIT_MAX, clean);
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
		return cli_cache_error(st, "cannot read the cache", NULL);
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

static void
cli_help(FILE *fp)
{
	size_t	 i;

	fprintf(fp, "usage: globe [OPTIONS] [COMMAND [ARGS...]]\n\n"
	    "An offline directory of the GlobE Network: countries, member "
	    "authorities,\ntheir focal points and the network's "
	    "newsletters, kept in a local cache.\n\ncommands:\n");
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-12s %s\n", cli_commands[i]->name,
		    cli_commands[i]->summary);
	fprintf(fp, "\noptions (before or after the command):\n"
	    "  --db PATH        the cache database\n"
	    "  --config PATH    the config file\n"
	    "  --demo           use the bundled demo directory\n"
	    "  --json, --csv    output format (default: aligned columns)\n"
	    "  --vcard          vCard 4.0 for commands that list people\n"
	    "  --no-color       no bold headers (also NO_COLOR)\n"
	    "  -h, --help       this help, or a command's (COMMAND --help,\n"
	    "                   or globe help COMMAND)\n"
	    "  --version        print the version\n"
	    "\nWith no command, globe opens the full-screen interface on a "
	    "terminal. When\nstdin or stdout is not a terminal, or TERM is "
	    "unset, dumb or unknown, it\nprints the country list instead, "
	    "and one line on stderr saying why.\n"
	    "A country is its code or its name; a country or filter value "
	    "the cache does\nnot hold is an error that names the closest "
	    "(case and accents do not matter).\n"
	    "Lists take --limit N or --all; search shows 50 unless told, and "
	    "a list cut\nat its limit says so on stderr (showing 50 of 295).\n"
	    "Exit status: 0 ok (an empty list too), 1 no match (search) or "
	    "not found\nor another error, 2 usage, configuration, or an "
	    "unknown country or filter value,\n3 network, 4 feed rejected, "
	    "5 cache.\n");
}

static void
cli_command_help(const struct cli_command *c)
{
	const struct cli_option_info	*o;
	const enum cli_opt		*op;
	char				*left;
	size_t				 i;
	int				 first = 1;

	printf("usage: globe %s\n\n%s\n", c->usage, c->summary);
	for (op = c->options; *op != OPT_MAX; op++) {
		o = &cli_options[*op];
		if (first)
			printf("\noptions:\n");
		first = 0;
		left = xasprintf("--%s%s%s", o->name, o->arg ? " " : "",
		    o->arg ? o->arg : "");
		printf("  %-20s %s\n", left, o->help);
		free(left);
	}
	printf("\noutput formats:");
	for (i = 0; i < 4; i++) {
		if (c->formats & OUT_FMASK(i))
			printf(" %s", cli_format_names[i]);
	}
	printf("\n");
}

static const struct cli_command *
cli_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < NCOMMANDS; i++) {
		if (strcmp(cli_commands[i]->name, name) == 0)
			return cli_commands[i];
	}
	return NULL;
}

/*
 * Appends "; did you mean 'x' or 'y'?" to b for the candidates closest
 * to word, or nothing when none is close.
 */
static void
cli_suggest(struct buf *b, const char *word, const char *const *cands,
    size_t n)
{
	const char	*best[CLI_SUGGEST_MAX];
	size_t		 idx[CLI_SUGGEST_MAX], k, i;

	k = suggest_closest(word, cands, n, idx, CLI_SUGGEST_MAX);
	if (k == 0)
		return;
	for (i = 0; i < k; i++)
		best[i] = cands[idx[i]];
	buf_adds(b, "; did you mean ");
	suggest_join(b, best, k, "'");
	buf_addc(b, '?');
}

/* "unknown command 'x'; did you mean 'y'?" and the usage; returns 2. */
static int
cli_unknown_command(const char *name)
{
	const char	*names[NCOMMANDS];
	struct buf	 b;
	char		*clean;
	size_t		 i;
	int		 rc;

	for (i = 0; i < NCOMMANDS; i++)
		names[i] = cli_commands[i]->name;
	clean = sanitize(name, SANITIZE_LINE);
	buf_init(&b);
	buf_addf(&b, "unknown command '%s'", clean);
	cli_suggest(&b, name, names, NCOMMANDS);
	rc = cli_usage_error(NULL, "%s", b.data);
	buf_free(&b);
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
	char				**own, *word, *clean;
	struct buf			 b;
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
		cands[n++] = cli_global_names[i];
	clean = sanitize(arg, SANITIZE_LINE);
	buf_init(&b);
	if (c != NULL && c->name[0] != '\0')
		buf_addf(&b, "unknown option '%s' for %s", clean, c->name);
	else
		buf_addf(&b, "unknown option '%s'", clean);
	cli_suggest(&b, word, cands, n);
	rc = cli_usage_error(c != NULL ? cli : NULL, "%s", b.data);
	buf_free(&b);
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
	else if ((c = cli_find(cli->args[0])) != NULL)
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
			cli_usage_error(NULL, "choose one of --json, --csv "
			    "and --vcard");
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
			cli_usage_error(NULL, "%.*s needs a value", (int)nlen,
			    a);
			return -1;
		}
		if (*val == '\0') {
			cli_usage_error(NULL, "%.*s needs a value", (int)nlen,
			    a);
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
					return cli_usage_error(cli, "--%s takes "
					    "no value", o->name);
				cli->opt[*op] = "1";
			} else if (eq != NULL)
				cli->opt[*op] = eq + 1;
			else if (i + 1 < nargs)
				cli->opt[*op] = args[++i];
			else
				return cli_usage_error(cli, "--%s needs a "
				    "value", o->name);
			break;
		}
		if (!found)
			return cli_unknown_option(cli, a);
	}
	if (cli->nargs < c->minargs)
		return cli_usage_error(cli, "%s needs %s", c->name,
		    c->minargs == 1 && c->maxargs == 1 ? "one argument" :
		    "more arguments");
	if (c->maxargs >= 0 && cli->nargs > c->maxargs) {
		if (c->name[0] == '\0')
			return cli_unknown_command(cli->args[0]);
		return cli_usage_error(cli, "too many arguments for %s",
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
		what = xasprintf("cannot open the cache %s", cli->db_path);
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

static int
cli_setup(struct cli *cli)
{
	char	*cause = NULL, *path, *dir, *clean;
	int	 rc;

	if (cli->config_opt != NULL)
		path = xstrdup(cli->config_opt);
	else {
		dir = path_config_dir();
		path = xasprintf("%s/config", dir);
		free(dir);
	}
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
	int		  nformats = 0, dashdash = 0, rc;

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
			cli.cmd = cli_find(argv[i]);
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
		rc = cli_usage_error(&cli, "%s is not available for %s",
		    cli_format_names[cli.format], cli.cmd->name[0] != '\0' ?
		    cli.cmd->name : "the country list");
		goto out;
	}
	rc = cli_command_args(&cli, nrest, rest);
	if (rc != EXIT_OK)
		goto out;
	if (cli.cmd == &cli_entry_help) {
		rc = cli_cmd_help(&cli);
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
	rc = cli.cmd->run(&cli);
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
