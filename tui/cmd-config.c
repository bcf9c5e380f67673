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
#include "net/net.h"
#include "tui/cmd.h"

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
			*cause = xasprintf("public key file %s: %s", path,
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
			*cause = xasprintf("%s, and no file %s: %s", why, path,
			    strerror(saved));
		free(why);
		free(path);
		return NULL;
	}
	free(why);
	why = NULL;
	if (minisign_pubkey_parse(text, &pk, &why) != NET_OK) {
		if (cause != NULL)
			*cause = xasprintf("public key file %s: %s", path,
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
	CONFIG_DEVICE_KEY,
	CONFIG_PASSPHRASE_FILE
};
static const char *const config_keys[] = {
	"feed", "pubkey", "allow_unsigned", "ca_file", "client_cert",
	"client_key", "token_file", "connect_timeout", "timeout",
	"low_speed_time", "low_speed_limit", "use_proxy", PRESENT_BIND_KEY,
	"stale_days", "mouse", "max_valid_days", "history", "device_key",
	"passphrase_file"
};

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
	*why = xasprintf("%s must be yes or no, not '%s'", key, value);
	return -1;
}

/* A path value; "~/" is the home directory. */
static int
config_path(char **dest, const char *value, char **why)
{
	if (*value == '\0') {
		*why = xstrdup("empty path");
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
		*why = xasprintf("%s must be a number from 1 to %ld, not '%s'",
		    key, max, value);
		return -1;
	}
	*dest = n;
	return 0;
}

static int
config_set(struct tui_config *c, int key, const char *value, char **why)
{
	char	*text;
	int	 b;

	switch (key) {
	case CONFIG_FEED:
		free(c->feed);
		c->feed = xstrdup(value);
		return 0;
	case CONFIG_PUBKEY:
		if (c->npubkeys == TUI_PUBKEYS_MAX) {
			*why = xasprintf("more than %d public keys",
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
			*why = xasprintf("history must be a number from 0 to "
			    "%d, not '%s'", TUI_HISTORY_MAX, value);
			return -1;
		}
		c->history_set = 1;
		return 0;
	case CONFIG_DEVICE_KEY:
		return config_path(&c->device_key, value, why);
	case CONFIG_PASSPHRASE_FILE:
		return config_path(&c->passphrase_file, value, why);
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

int
tui_config_load(struct tui_config *c, const char *path, int required,
    char **cause)
{
	char	*text, *line, *next, *eq, *key, *value, *why = NULL;
	char	*joined = NULL;
	size_t	 k;
	int	 lineno = 0, found;

	/* It names the trusted key and the feed: nobody else may write it. */
	if (path_check_file(path, 0, &why) != 0) {
		if (errno == ENOENT && !required) {
			free(why);
			return 0;
		}
		*cause = xasprintf("cannot read config %s: %s", path, why);
		free(why);
		return -1;
	}
	free(why);
	why = NULL;
	text = file_read_small(path, FILE_SMALL_MAX, NULL);
	if (text == NULL) {
		*cause = xasprintf("cannot read config %s: %s", path,
		    strerror(errno));
		return -1;
	}
	free(c->path);
	c->path = xstrdup(path);
	for (line = text; line != NULL; line = next) {
		lineno++;
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		line = trim(line);
		if (*line == '\0' || *line == '#')
			continue;
		eq = strchr(line, '=');
		if (eq == NULL) {
			*cause = xasprintf("config:%d: expected 'key = value' "
			    "(%s)", lineno, path);
			free(joined);
			free(text);
			return -1;
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
				*cause = xasprintf("config:%d: %s (%s)",
				    lineno, why, path);
				free(why);
				free(joined);
				free(text);
				return -1;
			}
			break;
		}
		if (!found) {
			*cause = xasprintf("config:%d: unknown key '%s' (%s)",
			    lineno, key, path);
			free(joined);
			free(text);
			return -1;
		}
	}
	free(joined);
	free(text);
	return 0;
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
	free(c->device_key);
	free(c->passphrase_file);
	for (i = 0; i < c->nbindings; i++)
		free(c->bindings[i]);
	free(c->bindings);
	memset(c, 0, sizeof *c);
}
