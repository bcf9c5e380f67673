/*
 * cmd-complete.c: `globe __complete`, what the bash, zsh and fish
 * completion scripts (completions/) ask. They pass the words typed so
 * far; globe answers from its own tables (commands, options, the config
 * keys) and from the cache (countries, ids, filter values), so a new
 * command or option completes without touching the scripts. The answer
 * is a directive line (":words" or ":files") and then one candidate per
 * line, "VALUE" or "VALUE<TAB>DESCRIPTION". It reads the cache read-only,
 * never waits for a lock, never syncs, and prints nothing on stderr: a
 * missing cache or config just offers less. docs/globe.1 documents the
 * protocol (SHELL COMPLETION).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "common/common.h"
#include "common/i18n.h"
#include "tui/cmd.h"

/* At most this many ids are offered for one word: type more to narrow. */
#define COMPLETE_IDS_MAX	1000

/* A word a command takes as an argument, and what follows it. */
struct complete_word {
	const char	*word;
	const char	*help;		/* N_() */
	enum cli_arg	 next;		/* the argument after it */
};

static const struct complete_word complete_config_words[] = {
	{ "check", N_("validate a config file"), CLI_ARG_FILE },
	{ "path", N_("print where the config is read from"), CLI_ARG_END },
	{ NULL, NULL, CLI_ARG_END }
};

static const struct complete_word complete_device_words[] = {
	{ "init", N_("make this device's key for member-only feeds"),
	    CLI_ARG_END },
	{ "show", N_("print this device's recipient key"), CLI_ARG_END },
	{ NULL, NULL, CLI_ARG_END }
};

/*
 * What each command's positional arguments are, in order. Every command
 * of cli_commands has a row (`globe __complete spec` lists them, and
 * tests/cli/complete.sh fails on one missing).
 */
static const struct complete_args {
	const char			*command;
	enum cli_arg			 args[3];	/* CLI_ARG_END after the last */
	const struct complete_word	*words;		/* CLI_ARG_WORD's */
} complete_args[] = {
	{ "sync", { CLI_ARG_END }, NULL },
	{ "status", { CLI_ARG_END }, NULL },
	{ "countries", { CLI_ARG_END }, NULL },
	{ "members", { CLI_ARG_COUNTRY }, NULL },
	{ "authority", { CLI_ARG_AUTHORITY }, NULL },
	{ "contacts", { CLI_ARG_AUTHORITY }, NULL },
	{ "show", { CLI_ARG_RECORD }, NULL },
	{ "search", { CLI_ARG_NONE }, NULL },
	{ "newsletters", { CLI_ARG_END }, NULL },
	{ "read", { CLI_ARG_NEWSLETTER }, NULL },
	{ "star", { CLI_ARG_RECORD }, NULL },
	{ "unstar", { CLI_ARG_RECORD }, NULL },
	{ "starred", { CLI_ARG_END }, NULL },
	{ "route", { CLI_ARG_COUNTRY, CLI_ARG_MEASURE }, NULL },
	{ "measures", { CLI_ARG_END }, NULL },
	{ "changes", { CLI_ARG_END }, NULL },
	{ "note", { CLI_ARG_RECORD, CLI_ARG_NONE }, NULL },
	{ "flag", { CLI_ARG_RECORD, CLI_ARG_NONE }, NULL },
	{ "flags", { CLI_ARG_END }, NULL },
	{ "unflag", { CLI_ARG_NONE }, NULL },
	{ "config", { CLI_ARG_WORD }, complete_config_words },
	{ "device", { CLI_ARG_WORD }, complete_device_words },
	{ "help", { CLI_ARG_COMMAND }, NULL },
};

/*
 * What a command option's value is; an option not listed here whose
 * argument is FILE or PATH is a file, any other offers nothing.
 */
static const enum cli_arg complete_option_values[OPT_MAX] = {
	[OPT_FEED] = CLI_ARG_FILE,
	[OPT_COUNTRY] = CLI_ARG_COUNTRY,
	[OPT_KIND] = CLI_ARG_KIND,
	[OPT_ROLE] = CLI_ARG_ROLE,
	[OPT_EXPERTISE] = CLI_ARG_EXPERTISE,
	[OPT_LANGUAGE] = CLI_ARG_LANGUAGE,
	[OPT_STAGE] = CLI_ARG_STAGE,
	[OPT_FROM] = CLI_ARG_COUNTRY,
};

/* The names of the kinds, for `globe __complete spec`. */
static const char *const complete_kind_names[CLI_ARG_MAX] = {
	[CLI_ARG_END] = "-",
	[CLI_ARG_NONE] = "text",
	[CLI_ARG_FILE] = "file",
	[CLI_ARG_COMMAND] = "command",
	[CLI_ARG_WORD] = "word",
	[CLI_ARG_COUNTRY] = "country",
	[CLI_ARG_AUTHORITY] = "authority",
	[CLI_ARG_RECORD] = "record",
	[CLI_ARG_NEWSLETTER] = "newsletter",
	[CLI_ARG_KIND] = "kind",
	[CLI_ARG_ROLE] = "role",
	[CLI_ARG_EXPERTISE] = "expertise",
	[CLI_ARG_MEASURE] = "measure",
	[CLI_ARG_STAGE] = "stage",
	[CLI_ARG_LANGUAGE] = "language",
};

/* One answer being made. */
struct complete {
	const char			*db_opt;	/* --db (borrowed) */
	int				 demo;		/* --demo */
	const struct cli_command	*cmd;		/* the command, or NULL */
	const struct complete_args	*args;		/* its row, or NULL */
	const char			*word;		/* CLI_ARG_WORD given */
	int				 nargs;		/* arguments before cur */
	const char			*cur;		/* the word completed */
	char				*fcur;		/* cur folded */
	const char			*prefix;	/* "--opt=", or "" */
	size_t				 prefixlen;
	struct cache			*cache;		/* opened on demand */
	int				 cache_tried;
	struct buf			 out;
};

static const struct complete_args *
complete_args_find(const char *command)
{
	size_t	 i;

	for (i = 0; i < sizeof complete_args / sizeof complete_args[0]; i++) {
		if (strcmp(complete_args[i].command, command) == 0)
			return &complete_args[i];
	}
	return NULL;
}

/* What the option's value is: the table, else a FILE or PATH is a file. */
static enum cli_arg
complete_option_value(enum cli_opt opt)
{
	const struct cli_option_info	*o = cli_option_info(opt);

	if (complete_option_values[opt] != CLI_ARG_END)
		return complete_option_values[opt];
	if (o->arg != NULL && (strcmp(o->arg, "FILE") == 0 ||
	    strcmp(o->arg, "PATH") == 0))
		return CLI_ARG_FILE;
	return CLI_ARG_NONE;
}

/*
 * Adds a candidate if it begins with what is typed (folded as search
 * folds it, so "turk" offers Türkiye) and can be printed as it is; desc
 * may be NULL. Values a terminal could not show unchanged are left out:
 * they could not be typed back either.
 */
static void
complete_add(struct complete *c, const char *value, const char *desc)
{
	char	*f, *d;
	size_t	 n;

	if (value == NULL || *value == '\0' ||
	    !sanitize_is_clean(value, SANITIZE_IDENT))
		return;
	n = strlen(c->fcur);
	if (n > 0) {
		f = fold_text(value);
		if (strncmp(f, c->fcur, n) != 0) {
			free(f);
			return;
		}
		free(f);
	}
	buf_add(&c->out, c->prefix, c->prefixlen);
	buf_adds(&c->out, value);
	if (desc != NULL && *desc != '\0') {
		d = sanitize(desc, SANITIZE_LINE);
		buf_addc(&c->out, '\t');
		buf_adds(&c->out, d);
		free(d);
	}
	buf_addc(&c->out, '\n');
}

/* The cache, opened read-only and without waiting; NULL if it cannot be. */
static struct cache *
complete_cache(struct complete *c)
{
	char	*dir, *path;

	if (c->cache_tried)
		return c->cache;
	c->cache_tried = 1;
	if (c->db_opt != NULL)
		path = xstrdup(c->db_opt);
	else {
		if ((dir = path_data_dir()) == NULL)
			return NULL;
		path = xasprintf("%s/%s", dir, c->demo ? "demo.db" :
		    "globe.db");
		free(dir);
	}
	if (cache_open(path, CACHE_OPEN_READONLY | CACHE_OPEN_NOWAIT,
	    &c->cache, NULL) != CACHE_OK)
		c->cache = NULL;
	free(path);
	return c->cache;
}

static int
complete_country_cb(const struct record *r, const struct cache_extra *x,
    void *arg)
{
	struct complete	*c = arg;
	const char	*code = r->v[COUNTRY_CODE].s;
	const char	*name = r->v[COUNTRY_NAME].s;

	(void)x;
	complete_add(c, code, name);
	/* Names too once something is typed ("bra" is Brazil). */
	if (*c->fcur != '\0')
		complete_add(c, name, code);
	return 0;
}

static void
complete_countries(struct complete *c)
{
	struct cache_filter	 f;

	if (complete_cache(c) == NULL)
		return;
	memset(&f, 0, sizeof f);
	f.type = REC_COUNTRY;
	cache_list(c->cache, &f, complete_country_cb, c);
}

static int
complete_id_cb(const char *id, const char *name, void *arg)
{
	complete_add(arg, id, name);
	return 0;
}

static void
complete_ids(struct complete *c, enum record_type type)
{
	if (complete_cache(c) == NULL)
		return;
	cache_ids_list(c->cache, type, c->cur, COMPLETE_IDS_MAX,
	    complete_id_cb, c);
}

static void
complete_values(struct complete *c, enum cache_value_kind kind,
    enum vocab vocab)
{
	char	**v;
	size_t	  n, i;

	if (complete_cache(c) == NULL ||
	    cache_values_list(c->cache, kind, &v, &n) != CACHE_OK)
		return;
	for (i = 0; i < n; i++) {
		complete_add(c, v[i], vocab_find(vocab, v[i]) != NULL ?
		    present_label(vocab, v[i]) : NULL);
	}
	cache_values_free(v, n);
}

/* The codes of a vocabulary with their labels (the stages of a case). */
static void
complete_vocab(struct complete *c, enum vocab vocab)
{
	const struct vocab_code	*v;
	size_t			 n, i;

	v = vocab_table(vocab, &n);
	for (i = 0; i < n; i++)
		complete_add(c, v[i].code, present_label(vocab, v[i].code));
}

static void
complete_commands(struct complete *c)
{
	const struct cli_command *const *cmds;
	size_t				  n, i;

	cmds = cli_command_list(&n);
	for (i = 0; i < n; i++)
		complete_add(c, cmds[i]->name, _(cmds[i]->summary));
}

/* Candidates for a value of this kind; the directive line is written. */
static void
complete_kind(struct complete *c, enum cli_arg kind)
{
	const struct complete_word	*w;

	buf_adds(&c->out, kind == CLI_ARG_FILE ? ":files\n" : ":words\n");
	switch (kind) {
	case CLI_ARG_END:
	case CLI_ARG_NONE:
	case CLI_ARG_FILE:
	case CLI_ARG_MAX:
		break;
	case CLI_ARG_COMMAND:
		complete_commands(c);
		break;
	case CLI_ARG_WORD:
		for (w = c->args != NULL ? c->args->words : NULL;
		    w != NULL && w->word != NULL; w++)
			complete_add(c, w->word, _(w->help));
		break;
	case CLI_ARG_COUNTRY:
		complete_countries(c);
		break;
	case CLI_ARG_AUTHORITY:
		complete_ids(c, REC_AUTHORITY);
		break;
	case CLI_ARG_RECORD:
		complete_ids(c, REC_AUTHORITY);
		complete_ids(c, REC_CONTACT);
		break;
	case CLI_ARG_NEWSLETTER:
		complete_ids(c, REC_NEWSLETTER);
		break;
	case CLI_ARG_KIND:
		complete_values(c, CACHE_VALUES_KIND, VOCAB_KIND);
		break;
	case CLI_ARG_ROLE:
		complete_values(c, CACHE_VALUES_ROLE, VOCAB_ROLE);
		break;
	case CLI_ARG_EXPERTISE:
		complete_values(c, CACHE_VALUES_EXPERTISE, VOCAB_EXPERTISE);
		break;
	case CLI_ARG_LANGUAGE:
		complete_values(c, CACHE_VALUES_LANGUAGE, VOCAB_LANGUAGE);
		break;
	case CLI_ARG_MEASURE:
		complete_values(c, CACHE_VALUES_MEASURE, VOCAB_MEASURE);
		break;
	case CLI_ARG_STAGE:
		complete_vocab(c, VOCAB_STAGE);
		break;
	}
}

/* The global option named by word (up to any '='), or NULL. */
static const struct cli_global_info *
complete_global(const char *word, size_t len)
{
	const struct cli_global_info	*g;
	size_t				 n, i;

	g = cli_global_list(&n);
	for (i = 0; i < n; i++) {
		if (strlen(g[i].name) == len &&
		    strncmp(g[i].name, word, len) == 0)
			return &g[i];
	}
	return NULL;
}

/* The command's option named by word ("--name", up to any '='), or -1. */
static int
complete_option(const struct cli_command *cmd, const char *word, size_t len)
{
	const enum cli_opt	*op;
	const char		*name;

	if (cmd == NULL || len < 3 || strncmp(word, "--", 2) != 0)
		return -1;
	for (op = cmd->options; *op != OPT_MAX; op++) {
		name = cli_option_info(*op)->name;
		if (strlen(name) == len - 2 &&
		    strncmp(name, word + 2, len - 2) == 0)
			return (int)*op;
	}
	return -1;
}

/*
 * What the option word (with any "=value") expects as a value:
 * CLI_ARG_END for a flag or an unknown option. Notes --db and --demo.
 */
static enum cli_arg
complete_option_word(struct complete *c, const char *word, int *takes)
{
	const struct cli_global_info	*g;
	const char			*eq = strchr(word, '=');
	size_t				 len;
	int				 opt;

	len = eq != NULL ? (size_t)(eq - word) : strlen(word);
	*takes = 0;
	if ((g = complete_global(word, len)) != NULL) {
		if (strcmp(g->name, "--demo") == 0)
			c->demo = 1;
		if (strcmp(g->name, "--db") == 0 && eq != NULL)
			c->db_opt = eq + 1;
		*takes = g->arg != NULL;
		return g->arg != NULL ? g->value : CLI_ARG_END;
	}
	if ((opt = complete_option(c->cmd, word, len)) < 0)
		return CLI_ARG_END;
	*takes = cli_option_info((enum cli_opt)opt)->arg != NULL;
	return *takes ? complete_option_value((enum cli_opt)opt) : CLI_ARG_END;
}

/* The options that begin with cur: the global ones and the command's. */
static void
complete_options(struct complete *c)
{
	const struct cli_global_info	*g;
	const struct cli_option_info	*o;
	const enum cli_opt		*op;
	char				*name;
	size_t				 n, i, len = strlen(c->cur);

	buf_adds(&c->out, ":words\n");
	g = cli_global_list(&n);
	for (i = 0; i < n; i++) {
		/* An output format the command cannot write is no choice. */
		if (g[i].formats != 0 && c->cmd != NULL &&
		    (c->cmd->formats & g[i].formats) == 0)
			continue;
		if (strncmp(g[i].name, c->cur, len) == 0)
			complete_add(c, g[i].name, _(g[i].help));
	}
	for (op = c->cmd != NULL ? c->cmd->options : NULL;
	    op != NULL && *op != OPT_MAX; op++) {
		o = cli_option_info(*op);
		name = xasprintf("--%s", o->name);
		if (strncmp(name, c->cur, len) == 0)
			complete_add(c, name, _(o->help));
		free(name);
	}
}

/* What the next positional argument of the command is. */
static enum cli_arg
complete_arg_at(const struct complete *c)
{
	const struct complete_word	*w;
	const size_t			 max = sizeof c->args->args /
					    sizeof c->args->args[0];

	if (c->args == NULL)
		return CLI_ARG_END;
	if (c->args->args[0] == CLI_ARG_WORD && c->nargs > 0) {
		/* A subcommand: what follows depends on which. */
		for (w = c->args->words; w != NULL && w->word != NULL; w++) {
			if (strcmp(w->word, c->word) == 0)
				return c->nargs == 1 ? w->next : CLI_ARG_END;
		}
		return CLI_ARG_END;
	}
	return (size_t)c->nargs < max ? c->args->args[c->nargs] : CLI_ARG_END;
}

/* `globe __complete line WORD...`: candidates for the last word. */
static void
complete_line(struct complete *c, int nwords, char **words)
{
	enum cli_arg	 pending = CLI_ARG_END, kind;
	const char	*w, *eq;
	int		 i, dashdash = 0, takes, pending_db = 0;

	c->cur = nwords > 0 ? words[nwords - 1] : "";
	c->prefix = "";
	for (i = 0; i < nwords - 1; i++) {
		w = words[i];
		if (pending != CLI_ARG_END || pending_db) {
			if (pending_db)
				c->db_opt = w;
			pending = CLI_ARG_END;
			pending_db = 0;
			continue;
		}
		if (!dashdash && strcmp(w, "--") == 0) {
			dashdash = 1;
			continue;
		}
		if (!dashdash && w[0] == '-' && w[1] != '\0') {
			kind = complete_option_word(c, w, &takes);
			if (takes && strchr(w, '=') == NULL) {
				pending = kind != CLI_ARG_END ? kind :
				    CLI_ARG_NONE;
				pending_db = strcmp(w, "--db") == 0;
			}
			continue;
		}
		if (c->cmd == NULL) {
			/* An unknown command: nothing fits after it. */
			if ((c->cmd = cli_command_find(w)) == NULL) {
				buf_adds(&c->out, ":words\n");
				return;
			}
			c->args = complete_args_find(w);
			continue;
		}
		if (c->nargs == 0)
			c->word = w;
		c->nargs++;
	}
	if (pending != CLI_ARG_END) {
		c->fcur = fold_text(c->cur);
		complete_kind(c, pending);
		return;
	}
	if (!dashdash && c->cur[0] == '-') {
		if (strncmp(c->cur, "--", 2) == 0 &&
		    (eq = strchr(c->cur, '=')) != NULL) {
			/* --opt=value: the value, written after "--opt=". */
			kind = complete_option_word(c, c->cur, &takes);
			c->prefix = c->cur;
			c->prefixlen = (size_t)(eq + 1 - c->cur);
			c->cur = eq + 1;
			c->fcur = fold_text(c->cur);
			complete_kind(c, takes ? kind : CLI_ARG_END);
			return;
		}
		c->fcur = xstrdup("");
		complete_options(c);
		return;
	}
	c->fcur = fold_text(c->cur);
	if (c->cmd == NULL) {
		complete_kind(c, CLI_ARG_COMMAND);
		return;
	}
	complete_kind(c, complete_arg_at(c));
}

/*
 * `globe __complete spec`: each command and what its arguments are, a
 * "?" for a command this file has no row for.
 */
static void
complete_spec(struct buf *b)
{
	const struct cli_command *const	*cmds;
	const struct complete_args	*a;
	size_t				 n, i, k;

	cmds = cli_command_list(&n);
	for (i = 0; i < n; i++) {
		buf_adds(b, cmds[i]->name);
		if ((a = complete_args_find(cmds[i]->name)) == NULL)
			buf_adds(b, " ?");
		for (k = 0; a != NULL && k < sizeof a->args / sizeof a->args[0] &&
		    a->args[k] != CLI_ARG_END; k++) {
			buf_addc(b, ' ');
			buf_adds(b, complete_kind_names[a->args[k]]);
		}
		buf_addc(b, '\n');
	}
}

int
cli_complete(int argc, char **argv)
{
	struct complete		 c;
	const char *const	*keys;
	size_t			 n, i;
	int			 rc = EXIT_OK;

	memset(&c, 0, sizeof c);
	buf_init(&c.out);
	if (argc >= 1 && strcmp(argv[0], "line") == 0)
		complete_line(&c, argc - 1, argv + 1);
	else if (argc == 1 && strcmp(argv[0], "config-keys") == 0) {
		keys = tui_config_keys(&n);
		for (i = 0; i < n; i++)
			buf_addf(&c.out, "%s\n", keys[i]);
	} else if (argc == 1 && strcmp(argv[0], "spec") == 0)
		complete_spec(&c.out);
	else
		rc = EXIT_USAGE;
	if (c.out.len > 0 && fwrite(c.out.data, 1, c.out.len, stdout) !=
	    c.out.len)
		rc = EXIT_ERROR;
	if (fflush(stdout) != 0)
		rc = EXIT_ERROR;
	if (c.cache != NULL)
		cache_close(c.cache);
	free(c.fcur);
	buf_free(&c.out);
	return rc;
}
