/*
 * cmd-conf.c: `globe config check [FILE]` reads a config file with the
 * parser every command uses (cmd-config.c), but goes on past a bad line,
 * so one run names every error as "FILE:LINE: message"; `globe config
 * path` prints which file globe reads. Neither opens the cache, and
 * neither refuses to run on a config that is broken: checking one is the
 * point.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/common.h"
#include "common/i18n.h"
#include "tui/cmd.h"

/* tui_config_check's callback: one error on stderr, "FILE:LINE: message". */
static void
conf_error(int line, const char *message, void *arg)
{
	const char	*path = arg;
	char		*text, *clean;

	if (line > 0)
		text = xasprintf("%s:%d: %s", path, line, message);
	else
		text = xasprintf("%s: %s", path, message);
	/* The message quotes the file, which may hold anything. */
	clean = sanitize(text, SANITIZE_LINE);
	fflush(stdout);
	fprintf(stderr, "%s\n", clean);
	free(clean);
	free(text);
}

static int
conf_check(struct cli *cli)
{
	struct stat	 sb;
	char		*path, *shown;
	int		 nerr, given;

	given = cli->nargs > 1 || cli->config_opt != NULL;
	path = cli->nargs > 1 ? xstrdup(cli->args[1]) : cli_config_file(cli);
	if (!given && stat(path, &sb) != 0 && errno == ENOENT) {
		/* No config of one's own is a valid one: the defaults. */
		shown = sanitize(path, SANITIZE_LINE);
		/* TRANSLATORS: globe config check found nothing wrong. */
		printf("%s\n", _("ok"));
		cli_error(EXIT_OK, _("no config file %s: globe uses its "
		    "defaults"), shown);
		free(shown);
		free(path);
		return fflush(stdout) == 0 ? EXIT_OK : EXIT_ERROR;
	}
	nerr = tui_config_check(path, conf_error, path);
	free(path);
	if (nerr > 0)
		return EXIT_USAGE;
	printf("%s\n", _("ok"));
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_ERROR;
}

static int
conf_path(struct cli *cli)
{
	struct stat	 sb;
	char		*path, *shown;

	if (cli->nargs > 1)
		return cli_usage_error(cli, _("too many arguments for %s"),
		    "config path");
	path = cli_config_file(cli);
	shown = sanitize(path, SANITIZE_LINE);
	printf("%s\n", shown);
	if (stat(path, &sb) != 0)
		cli_error(EXIT_OK, _("%s does not exist: globe uses its "
		    "defaults"), shown);
	free(shown);
	free(path);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_ERROR;
}

/* The subcommands of `globe config`. */
static const struct conf_sub {
	const char	*name;
	int		(*run)(struct cli *);
} conf_subs[] = {
	{ "check", conf_check },
	{ "path", conf_path },
};

static int
cli_cmd_config(struct cli *cli)
{
	char	*clean;
	size_t	 i;
	int	 rc;

	for (i = 0; i < sizeof conf_subs / sizeof conf_subs[0]; i++) {
		if (strcmp(cli->args[0], conf_subs[i].name) == 0)
			return conf_subs[i].run(cli);
	}
	clean = sanitize(cli->args[0], SANITIZE_LINE);
	rc = cli_usage_error(cli, _("unknown config command '%s'; it is "
	    "check or path"), clean);
	free(clean);
	return rc;
}

const struct cli_command cli_entry_config = {
	"config", cli_cmd_config,
	"config check [FILE] | config path",
	N_("Check the config file for errors, or print where it is."),
	CLI_F_HUMAN, 1, 2, cli_opts_none
};
