/*
 * cmd-config.c: the config file, "key = value" lines with # comments. The
 * keys are a table; an unknown key or a bad value is an error naming the
 * line, and the CLI exits 2 for it. Public keys may be given as the
 * base64 line minisign prints, a pasted .pub file, or a path to one; the
 * key parser of net/ tells which.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/net.h"
#include "tui/cmd.h"

/* The key of a colour line (also written "color ELEMENT FG BG", as in tig). */
#define CONFIG_COLOR_KEY	"color"

/* The first line of a .pub file, as minisign writes it. */
#define PUB_COMMENT	"untrusted comment:"

/* "~/x" is x under $HOME; anything else is itself. Caller frees. */
static char *
config_expand(const char *value)
{
	const char	*home;

	if (value[0] == '~' && value[1] == '/' &&
	    (home = getenv("HOME")) != NULL)
		return xasprintf("%s%s", home, value + 1);
	return xstrdup(value);
}

/*
 * Told apart by content, never by its characters: base64 has '/' and '+'
 * in most keys, so a value that minisign's own parser takes as a key is a
 * key, and anything else is a path.
 */
char *
tui_config_pubkey(const char *value, char **cause)
{
	struct minisign_pubkey	 pk;
	char			*path, *text, *why = NULL, *perm = NULL;
	int			 saved;

	if (minisign_pubkey_parse(value, &pk, &why) == NET_OK)
		return xstrdup(value);
	path = config_expand(value);
	/* The file decides which feed is trusted: nobody else may write it. */
	if (path_check_file(path, 0, &perm) != 0 && errno != ENOENT) {
		if (cause != NULL)
			/* TRANSLATORS: a file, then what is wrong with it. */
			*cause = xasprintf(_("public key file %s: %s"), path,
			    perm);
		free(perm);
		free(why);
		free(path);
		return NULL;
	}
	free(perm);
	text = file_read_small(path, FILE_SMALL_MAX, NULL);
	if (text == NULL) {
		saved = errno;
		if (cause != NULL)
			/*
			 * TRANSLATORS: a value in the config is neither a
			 * public key (why it is not one) nor a file (its
			 * name, and the system's reason).
			 */
			*cause = xasprintf(_("%s, and no file %s: %s"), why, path,
			    strerror(saved));
		free(why);
		free(path);
		return NULL;
	}
	free(why);
	why = NULL;
	if (minisign_pubkey_parse(text, &pk, &why) != NET_OK) {
		if (cause != NULL)
			/* TRANSLATORS: a file, then what is wrong with it. */
			*cause = xasprintf(_("public key file %s: %s"), path,
			    why);
		free(why);
		free(text);
		text = NULL;
	}
	free(path);
	return text;
}

static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	*e = '\0';
	return s;
}

enum config_key {
	CONFIG_FEED,
	CONFIG_PUBKEY,
	CONFIG_ALLOW_UNSIGNED,
	CONFIG_CA_FILE,
	CONFIG_CLIENT_CERT,
	CONFIG_CLIENT_KEY,
	CONFIG_TOKEN_FILE,
	CONFIG_CONNECT_TIMEOUT,
	CONFIG_TIMEOUT,
	CONFIG_LOW_SPEED_TIME,
	CONFIG_LOW_SPEED_LIMIT,
	CONFIG_USE_PROXY,
	CONFIG_BIND,
	CONFIG_STALE_DAYS,
	CONFIG_MOUSE,
	CONFIG_MAX_VALID_DAYS,
	CONFIG_HISTORY,
	CONFIG_COUNTRY,
	CONFIG_BIDI,
	CONFIG_THEME,
	CONFIG_COLOR,
	CONFIG_DEVICE_KEY,
	CONFIG_PASSPHRASE_FILE,
	CONFIG_LANGUAGE
};
static const char *const config_keys[] = {
	"feed", "pubkey", "allow_unsigned", "ca_file", "client_cert",
	"client_key", "token_file", "connect_timeout", "timeout",
	"low_speed_time", "low_speed_limit", "use_proxy", PRESENT_BIND_KEY,
	"stale_days", "mouse", "max_valid_days", "history", "country", "bidi",
	"theme", CONFIG_COLOR_KEY, "device_key", "passphrase_file", "language"
};

/* bidi = auto | on | off, in enum tui_bidi's order. */
static const char *const config_bidi[] = { "auto", "on", "off" };

/* yes/no values: 1, 0, or -1 with *why. */
static int
config_bool(const char *key, const char *value, char **why)
{
	if (strcmp(value, "yes") == 0 || strcmp(value, "true") == 0 ||
	    strcmp(value, "1") == 0)
		return 1;
	if (strcmp(value, "no") == 0 || strcmp(value, "false") == 0 ||
	    strcmp(value, "0") == 0)
		return 0;
	/*
	 * TRANSLATORS: a config key (keep it), yes and no (the values it
	 * takes: keep them), the value found.
	 */
	*why = xasprintf(_("%s must be yes or no, not '%s'"), key, value);
	return -1;
}

/* A path value; "~/" is the home directory. */
static int
config_path(char **dest, const char *value, char **why)
{
	if (*value == '\0') {
		*why = xstrdup(_("empty path"));
		return -1;
	}
	free(*dest);
	*dest = config_expand(value);
	return 0;
}

/* A whole number from 1 to max. */
static int
config_number(long *dest, const char *key, const char *value, long max,
    char **why)
{
	char	*end;
	long	 n;

	errno = 0;
	n = strtol(value, &end, 10);
	if (errno != 0 || end == value || *end != '\0' || n < 1 || n > max) {
		/* TRANSLATORS: a config key (keep it), the most, the value. */
		*why = xasprintf(_("%s must be a number from 1 to %ld, not '%s'"),
		    key, max, value);
		return -1;
	}
	*dest = n;
	return 0;
}

/* A letter of the ISO 3166 codes, whatever the locale. */
static int
config_ascii_letter(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

/* The longest language = list, and the longest language in it. */
#define CONFIG_LANGUAGE_MAX	128
#define CONFIG_LANGUAGE_ONE_MAX	32

/* At p, n characters (at least min) for which ok says yes; their number. */
static size_t
config_span(const char *p, int (*ok)(char), size_t min, size_t max)
{
	size_t	n = 0;

	while (n < max && ok(p[n]))
		n++;
	return n >= min && !ok(p[n]) ? n : 0;
}

static int
config_ascii_alnum(char ch)
{
	return config_ascii_letter(ch) || (ch >= '0' && ch <= '9');
}

static int
config_codeset_char(char ch)
{
	return config_ascii_alnum(ch) || ch == '-';
}

/*
 * One language of a LANGUAGE list, as gettext and locale names write
 * it: ll[_CC][.codeset][@modifier] ("fr", "pt_BR", "zh_CN", "sr@latin",
 * "es_419", "fr_FR.UTF-8"); "C" and "POSIX" are English. Its length, or
 * 0 when p holds none.
 */
static size_t
config_language_one(const char *p)
{
	size_t	n, k;

	if ((n = config_span(p, config_ascii_letter, 1, 8)) == 0)
		return 0;
	if (p[n] == '_') {
		if ((k = config_span(p + n + 1, config_ascii_alnum, 2, 3)) == 0)
			return 0;
		n += 1 + k;
	}
	if (p[n] == '.') {
		if ((k = config_span(p + n + 1, config_codeset_char, 1,
		    16)) == 0)
			return 0;
		n += 1 + k;
	}
	if (p[n] == '@') {
		if ((k = config_span(p + n + 1, config_ascii_alnum, 1,
		    16)) == 0)
			return 0;
		n += 1 + k;
	}
	return n <= CONFIG_LANGUAGE_ONE_MAX ? n : 0;
}

/* 1 if value is a list of languages separated by ':' (no empty one). */
static int
config_language_valid(const char *value)
{
	const char	*p = value;
	size_t		 n;

	if (strlen(value) > CONFIG_LANGUAGE_MAX)
		return 0;
	for (;;) {
		if ((n = config_language_one(p)) == 0)
			return 0;
		p += n;
		if (*p == '\0')
			return 1;
		if (*p++ != ':')
			return 0;
	}
}

static int
config_set(struct tui_config *c, int key, const char *value, char **why)
{
	struct theme_style	 st;
	enum theme_element	 e;
	enum theme_id		 id;
	char			*text;
	int			 b;

	switch (key) {
	case CONFIG_FEED:
		free(c->feed);
		c->feed = xstrdup(value);
		return 0;
	case CONFIG_PUBKEY:
		if (c->npubkeys == TUI_PUBKEYS_MAX) {
			/* TRANSLATORS: how many pubkey lines may be given. */
			*why = xasprintf(_("more than %d public keys"),
			    TUI_PUBKEYS_MAX);
			return -1;
		}
		text = tui_config_pubkey(value, why);
		if (text == NULL)
			return -1;
		c->pubkeys[c->npubkeys++] = text;
		return 0;
	case CONFIG_ALLOW_UNSIGNED:
		if ((b = config_bool("allow_unsigned", value, why)) < 0)
			return -1;
		c->allow_unsigned = b;
		return 0;
	case CONFIG_CA_FILE:
		return config_path(&c->ca_file, value, why);
	case CONFIG_CLIENT_CERT:
		return config_path(&c->client_cert, value, why);
	case CONFIG_CLIENT_KEY:
		return config_path(&c->client_key, value, why);
	case CONFIG_TOKEN_FILE:
		return config_path(&c->token_file, value, why);
	case CONFIG_CONNECT_TIMEOUT:
		return config_number(&c->connect_timeout, "connect_timeout",
		    value, 3600, why);
	case CONFIG_TIMEOUT:
		return config_number(&c->timeout, "timeout", value, 86400,
		    why);
	case CONFIG_LOW_SPEED_TIME:
		return config_number(&c->low_speed_time, "low_speed_time",
		    value, 3600, why);
	case CONFIG_LOW_SPEED_LIMIT:
		return config_number(&c->low_speed_limit, "low_speed_limit",
		    value, 1000000000L, why);
	case CONFIG_USE_PROXY:
		if ((b = config_bool("use_proxy", value, why)) < 0)
			return -1;
		c->no_proxy = !b;
		return 0;
	case CONFIG_BIND:
		/*
		 * Checked here, with the full-screen interface's own parser,
		 * so every command refuses a bad line with its number.
		 */
		if (tui_keys_check(value, why) != 0)
			return -1;
		c->bindings = xreallocarray(c->bindings, c->nbindings + 1,
		    sizeof *c->bindings);
		c->bindings[c->nbindings++] = xstrdup(value);
		return 0;
	case CONFIG_STALE_DAYS:
		return config_number(&c->stale_days, "stale_days", value,
		    100000, why);
	case CONFIG_MOUSE:
		if ((b = config_bool("mouse", value, why)) < 0)
			return -1;
		c->no_mouse = !b;
		return 0;
	case CONFIG_MAX_VALID_DAYS:
		return config_number(&c->max_valid_days, "max_valid_days",
		    value, 36500, why);
	case CONFIG_HISTORY:
		/* 0 is a value here: no search history written. */
		if (strcmp(value, "0") == 0) {
			c->history = 0;
			c->history_set = 1;
			return 0;
		}
		if (config_number(&c->history, "history", value,
		    TUI_HISTORY_MAX, why) != 0) {
			free(*why);
			/* TRANSLATORS: history is a config key: keep it. */
			*why = xasprintf(_("history must be a number from 0 to "
			    "%d, not '%s'"), TUI_HISTORY_MAX, value);
			return -1;
		}
		c->history_set = 1;
		return 0;
	case CONFIG_COUNTRY:
		/* The officer's own State: the requesting one of a route. */
		if (strlen(value) != 2 || !config_ascii_letter(value[0]) ||
		    !config_ascii_letter(value[1])) {
			*why = xasprintf(_("country must be a two-letter ISO "
			    "3166 code such as FR, not '%s'"), value);
			return -1;
		}
		free(c->country);
		c->country = xstrdup(value);
		c->country[0] = (char)toupper((unsigned char)c->country[0]);
		c->country[1] = (char)toupper((unsigned char)c->country[1]);
		return 0;
	case CONFIG_BIDI:
		for (b = 0; b < 3; b++) {
			if (strcmp(value, config_bidi[b]) == 0) {
				c->bidi = b;
				return 0;
			}
		}
		*why = xasprintf(_("bidi must be auto, on or off, not '%s'"),
		    value);
		return -1;
	case CONFIG_THEME:
		if (theme_lookup(value, &id, why) != 0)
			return -1;
		c->theme = (int)id;
		return 0;
	case CONFIG_COLOR:
		/* Checked here, so every command refuses a bad line. */
		if (theme_color_parse(value, &e, &st, why) != 0)
			return -1;
		c->colors = xreallocarray(c->colors, c->ncolors + 1,
		    sizeof *c->colors);
		c->colors[c->ncolors].element = e;
		c->colors[c->ncolors].style = st;
		c->ncolors++;
		return 0;
	case CONFIG_DEVICE_KEY:
		return config_path(&c->device_key, value, why);
	case CONFIG_PASSPHRASE_FILE:
		return config_path(&c->passphrase_file, value, why);
	case CONFIG_LANGUAGE:
		/* It goes into LANGUAGE: nothing else may. */
		if (!config_language_valid(value)) {
			/*
			 * TRANSLATORS: language is a config key: keep it,
			 * and the codes (fr, pt_BR, zh_CN, fr:es, en).
			 */
			*why = xasprintf(_("language must be a language code "
			    "such as fr, pt_BR or zh_CN, or a list such as "
			    "fr:es (en for English), not '%s'"), value);
			return -1;
		}
		free(c->language);
		c->language = xstrdup(value);
		return 0;
	}
	return -1;
}

/*
 * 1 if the line at s could be the base64 line under a pasted .pub file's
 * comment: not blank, not a comment, not a setting (base64 of a key has
 * no '=').
 */
static int
pub_key_line(const char *s)
{
	size_t	n;

	n = strcspn(s, "\n");
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return n > 0 && *s != '#' && memchr(s, '=', n) == NULL;
}

/*
 * The lines of text into c. Each bad line is passed to err with its
 * number and message; with keep_going the next line follows, else the
 * parse stops there. Returns the number of bad lines.
 */
static int
config_parse(struct tui_config *c, char *text, int keep_going,
    tui_config_error_cb err, void *arg)
{
	char	*line, *next, *eq, *key, *value, *why = NULL, *msg;
	char	*joined = NULL;
	size_t	 k;
	int	 lineno = 0, found, nerr = 0;

	for (line = text; line != NULL; line = next) {
		lineno++;
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		line = trim(line);
		if (*line == '\0' || *line == '#')
			continue;
		eq = strchr(line, '=');
		if (eq == NULL && strncmp(line, CONFIG_COLOR_KEY,
		    strlen(CONFIG_COLOR_KEY)) == 0 &&
		    isspace((unsigned char)line[strlen(CONFIG_COLOR_KEY)])) {
			/* tig's and mutt's "color ELEMENT FG BG", without '='. */
			line[strlen(CONFIG_COLOR_KEY)] = '=';
			eq = line + strlen(CONFIG_COLOR_KEY);
		}
		if (eq == NULL) {
			/* TRANSLATORS: 'key = value' is the form of a line: keep it. */
			err(lineno, _("expected 'key = value'"), arg);
			nerr++;
			if (!keep_going)
				break;
			continue;
		}
		*eq = '\0';
		key = trim(line);
		value = trim(eq + 1);
		free(joined);
		joined = NULL;
		if (strcmp(key, config_keys[CONFIG_PUBKEY]) == 0 &&
		    strncmp(value, PUB_COMMENT, strlen(PUB_COMMENT)) == 0 &&
		    next != NULL && pub_key_line(next)) {
			/* A .pub file pasted whole: its key is the next line. */
			line = next;
			next = strchr(line, '\n');
			if (next != NULL)
				*next++ = '\0';
			lineno++;
			joined = xasprintf("%s\n%s", value, trim(line));
			value = joined;
		}
		found = 0;
		for (k = 0; k < sizeof config_keys / sizeof config_keys[0];
		    k++) {
			if (strcmp(key, config_keys[k]) != 0)
				continue;
			found = 1;
			if (config_set(c, (int)k, value, &why) != 0) {
				err(lineno, why, arg);
				free(why);
				why = NULL;
				nerr++;
			}
			break;
		}
		if (!found) {
			/* TRANSLATORS: a config key found in the file. */
			msg = xasprintf(_("unknown key '%s'"), key);
			err(lineno, msg, arg);
			free(msg);
			nerr++;
		}
		if (nerr > 0 && !keep_going)
			break;
	}
	free(joined);
	return nerr;
}

/* tui_config_load's err: the first error as its *cause. */
struct config_first {
	const char	*path;
	char		*cause;
};

static void
config_first_error(int line, const char *message, void *arg)
{
	struct config_first	*f = arg;

	if (f->cause == NULL)
		/*
		 * TRANSLATORS: config:LINE: what is wrong (the config
		 * file), as a compiler says where.
		 */
		f->cause = xasprintf(_("config:%d: %s (%s)"), line, message,
		    f->path);
}

/*
 * The file's text, checked first: it names the trusted key and the
 * feed, so nobody else may write it. NULL with *why (caller frees) if
 * it cannot be read so; errno is kept from the failure.
 */
static char *
config_read(const char *path, char **why)
{
	char	*text;
	int	 saved;

	*why = NULL;
	if (path_check_file(path, 0, why) != 0)
		return NULL;
	free(*why);
	*why = NULL;
	if ((text = file_read_small(path, FILE_SMALL_MAX, NULL)) == NULL) {
		saved = errno;
		*why = xstrdup(strerror(saved));
		errno = saved;
	}
	return text;
}

int
tui_config_load(struct tui_config *c, const char *path, int required,
    char **cause)
{
	struct config_first	 first = { path, NULL };
	char			*text, *why;

	if ((text = config_read(path, &why)) == NULL) {
		if (errno == ENOENT && !required) {
			free(why);
			return 0;
		}
		/* TRANSLATORS: the config file, then why it cannot be read. */
		*cause = xasprintf(_("cannot read config %s: %s"), path, why);
		free(why);
		return -1;
	}
	free(c->path);
	c->path = xstrdup(path);
	config_parse(c, text, 0, config_first_error, &first);
	free(text);
	if (first.cause != NULL) {
		*cause = first.cause;
		return -1;
	}
	return 0;
}

int
tui_config_check(const char *path, tui_config_error_cb err, void *arg)
{
	struct tui_config	 c;
	char			*text, *why, *msg;
	int			 nerr;

	if ((text = config_read(path, &why)) == NULL) {
		msg = xasprintf(_("cannot read it: %s"), why);
		err(0, msg, arg);
		free(msg);
		free(why);
		return 1;
	}
	memset(&c, 0, sizeof c);
	nerr = config_parse(&c, text, 1, err, arg);
	tui_config_clear(&c);
	free(text);
	return nerr;
}

const char *const *
tui_config_keys(size_t *n)
{
	*n = sizeof config_keys / sizeof config_keys[0];
	return config_keys;
}

void
tui_config_clear(struct tui_config *c)
{
	size_t	 i;

	free(c->path);
	free(c->feed);
	for (i = 0; i < c->npubkeys; i++)
		free(c->pubkeys[i]);
	free(c->ca_file);
	free(c->client_cert);
	free(c->client_key);
	free(c->token_file);
	free(c->country);
	free(c->device_key);
	free(c->passphrase_file);
	free(c->language);
	for (i = 0; i < c->nbindings; i++)
		free(c->bindings[i]);
	free(c->bindings);
	free(c->colors);
	memset(c, 0, sizeof *c);
}
