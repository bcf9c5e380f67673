/*
 * cmd-device.c: `globe device init [--passphrase]` and `globe device
 * show`, this device's key for feeds encrypted to their members, and
 * the one way the command line reads a passphrase: from the terminal
 * (/dev/tty), never echoed, into locked memory, never from argv or the
 * environment. The recipient key goes to stdout alone (one token, for
 * the recipients file); what to do with it, to stderr.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/feed.h"
#include "tui/cmd.h"

#define DEVICE_KEY_FILE	"device.key"

char *
cli_device_key_path(struct cli *cli)
{
	char	*dir, *path;

	if (cli->config.device_key != NULL)
		return xstrdup(cli->config.device_key);
	dir = path_data_dir();
	path = xasprintf("%s/%s", dir, DEVICE_KEY_FILE);
	free(dir);
	return path;
}

/* The terminal as it was, put back if a signal ends globe mid-prompt. */
static struct termios		 tty_saved;
static volatile sig_atomic_t	 tty_fd = -1;
static const int		 tty_signals[] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP
};
#define NTTY_SIGNALS	(sizeof tty_signals / sizeof tty_signals[0])

static void
tty_restore(int sig)
{
	if (tty_fd >= 0)
		tcsetattr(tty_fd, TCSAFLUSH, &tty_saved);
	signal(sig, SIG_DFL);
	raise(sig);
}

int
cli_passphrase_tty(const char *prompt, char *buf, size_t size)
{
	struct sigaction	 sa, old[NTTY_SIGNALS];
	struct termios		 t;
	size_t			 len = 0, i;
	ssize_t			 n;
	char			 c;
	int			 fd, over = 0;

	if ((fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0)
		return -1;
	if (tcgetattr(fd, &tty_saved) != 0) {
		close(fd);
		return -1;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tty_restore;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NTTY_SIGNALS; i++)
		sigaction(tty_signals[i], &sa, &old[i]);
	tty_fd = fd;
	t = tty_saved;
	t.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK | ECHONL);
	/* Echo off before the prompt: nothing typed after it is shown. */
	if (tcsetattr(fd, TCSAFLUSH, &t) != 0 ||
	    write(fd, prompt, strlen(prompt)) < 0)
		over = -1;
	while (over >= 0) {
		n = read(fd, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || c == '\n')
			break;
		if (len < size)
			buf[len++] = c;
		else
			over = 1;
	}
	c = 0;
	tcsetattr(fd, TCSADRAIN, &tty_saved);
	tty_fd = -1;
	for (i = 0; i < NTTY_SIGNALS; i++)
		sigaction(tty_signals[i], &old[i], NULL);
	if (write(fd, "\n", 1) < 0)
		over = -1;
	close(fd);
	if (len > 0 && buf[len - 1] == '\r')
		len--;
	if (over != 0 || len == 0) {
		sodium_memzero(buf, size);
		return -1;
	}
	return (int)len;
}

/* Asks for a new passphrase twice; its length, or -1 after saying why. */
static int
device_new_passphrase(char *buf, size_t size)
{
	char	*again;
	int	 n, m;

	if ((again = sodium_malloc(size)) == NULL)
		abort();
	n = cli_passphrase_tty(_("passphrase for the new device key: "), buf,
	    size);
	m = n < 0 ? -1 : cli_passphrase_tty(_("the same passphrase again: "),
	    again, size);
	if (n < 0)
		cli_error(EXIT_USAGE, "%s", _("--passphrase needs a terminal to "
		    "type the passphrase on, and a passphrase"));
	else if (m != n || sodium_memcmp(buf, again, (size_t)n) != 0) {
		cli_error(EXIT_USAGE, "%s", _("the two passphrases differ; "
		    "no key was made"));
		n = -1;
	}
	sodium_free(again);
	return n;
}

static int
device_init(struct cli *cli, const char *path)
{
	struct device_key	*k;
	char			*pass = NULL, *dir, *cause = NULL, *tok, *shown;
	int			 n = 0, rc;

	if (access(path, F_OK) == 0) {
		shown = path_tilde(path);
		rc = cli_error(EXIT_ERROR, _("%s exists: a device key is never "
		    "overwritten (globe device show prints its recipient key)"),
		    shown);
		free(shown);
		return rc;
	}
	dir = path_dirname(path);
	if ((cli->config.device_key == NULL ? path_private_dir(dir) :
	    path_mkdir_p(dir, 0700)) < 0) {
		rc = cli_error(EXIT_ERROR, _("cannot create %s: %s"), dir,
		    strerror(errno));
		free(dir);
		return rc;
	}
	free(dir);
	if (cli->opt[OPT_PASSPHRASE] != NULL) {
		if ((pass = sodium_malloc(DEVICE_PASSPHRASE_MAX)) == NULL)
			abort();
		if ((n = device_new_passphrase(pass,
		    DEVICE_PASSPHRASE_MAX)) < 0) {
			sodium_free(pass);
			return EXIT_USAGE;
		}
	}
	k = device_key_new();
	rc = device_key_write(path, k, pass, pass != NULL ? (size_t)n : 0,
	    &cause);
	if (pass != NULL)
		sodium_free(pass);	/* wipes */
	if (rc != 0) {
		device_key_free(k);
		rc = cli_error(EXIT_ERROR, "%s", cause);
		free(cause);
		return rc;
	}
	tok = device_recipient(k->pk);
	device_key_free(k);
	printf("%s\n", tok);
	free(tok);
	if (fflush(stdout) != 0)
		return EXIT_ERROR;
	shown = path_tilde(path);
	/*
	 * TRANSLATORS: after `globe device init`, on stderr under the
	 * recipient key it printed. %s is the key file.
	 */
	cli_error(EXIT_OK, _("this device's key is in %s; send the line above "
	    "to the secretariat, with your name, to read the feeds "
	    "encrypted to the network's members"), shown);
	free(shown);
	return EXIT_OK;
}

static int
device_show(const char *path)
{
	struct device_file	*f;
	char			*cause = NULL, *tok, *clean;
	int			 rc;

	if (device_file_read(path, &f, &cause) != NET_OK) {
		clean = sanitize(cause, SANITIZE_LINE);
		rc = cli_error(EXIT_USAGE, "%s", clean);
		free(clean);
		free(cause);
		return rc;
	}
	tok = device_recipient(device_file_public(f));
	device_file_free(f);
	printf("%s\n", tok);
	free(tok);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_ERROR;
}

static int
cli_cmd_device(struct cli *cli)
{
	const char	*what = cli->args[0];
	char		*path;
	int		 rc;

	if (strcmp(what, "init") != 0 && strcmp(what, "show") != 0)
		return cli_usage_error(cli, _("device wants init or show"));
	if (sodium_init() < 0)
		return cli_error(EXIT_ERROR, "%s", _("libsodium cannot start"));
	if (strcmp(what, "show") == 0 && cli->opt[OPT_PASSPHRASE] != NULL)
		return cli_usage_error(cli, _("--passphrase is for device "
		    "init"));
	path = cli_device_key_path(cli);
	rc = strcmp(what, "init") == 0 ? device_init(cli, path) :
	    device_show(path);
	free(path);
	return rc;
}

static const enum cli_opt opts_device[] = { OPT_PASSPHRASE, OPT_MAX };

const struct cli_command cli_entry_device = {
	"device", cli_cmd_device, "device init [--passphrase] | device show",
	N_("Make this device's key for member-only feeds, or print its "
	"recipient key."),
	CLI_F_HUMAN, 1, 1, opts_device
};
