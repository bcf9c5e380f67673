/*
 * paths.c: where globe keeps its files (XDG base directories), creating
 * directories, checking a file before it is trusted, and whether the
 * running program is the one make built (so it reads its build tree's
 * data). Reading and writing the files themselves is file.c's.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/common.h"
#include "common/i18n.h"

/* $HOME, or the password database's home; NULL if neither. Borrowed. */
static const char *
path_home(void)
{
	const char	*home;
	struct passwd	*pw;

	home = getenv("HOME");
	if (home != NULL && *home == '/')
		return home;
	if ((pw = getpwuid(getuid())) != NULL && pw->pw_dir != NULL &&
	    *pw->pw_dir == '/')
		return pw->pw_dir;
	return NULL;
}

/*
 * $var/globe if var is set to an absolute path (the XDG spec says to ignore
 * a relative one), else home/fallback/globe. NULL when there is no home.
 */
static char *
path_xdg(const char *var, const char *fallback)
{
	const char	*dir, *home;

	dir = getenv(var);
	if (dir != NULL && *dir == '/')
		return xasprintf("%s/globe", dir);
	if ((home = path_home()) == NULL)
		return NULL;
	if (strcmp(home, "/") == 0)
		home = "";
	return xasprintf("%s/%s/globe", home, fallback);
}

/* Caller frees; NULL only when no home directory can be found. */
char *
path_data_dir(void)
{
	return path_xdg("XDG_DATA_HOME", ".local/share");
}

/* Caller frees; NULL only when no home directory can be found. */
char *
path_config_dir(void)
{
	return path_xdg("XDG_CONFIG_HOME", ".config");
}

char *
path_tilde(const char *path)
{
	const char	*home;
	size_t		 len;

	home = path_home();
	if (home == NULL)
		return xstrdup(path);
	len = strlen(home);
	while (len > 0 && home[len - 1] == '/')
		len--;
	if (len > 0 && strncmp(path, home, len) == 0 && path[len] == '/')
		return xasprintf("~%s", path + len);
	return xstrdup(path);
}

int
path_mkdir_p(const char *path, mode_t mode)
{
	struct stat	 sb;
	char		*copy, *p;
	int		 saved, last;

	if (path == NULL || *path == '\0') {
		errno = ENOENT;
		return -1;
	}
	copy = xstrdup(path);
	p = copy;
	while (*p == '/')
		p++;
	for (;;) {
		while (*p != '\0' && *p != '/')
			p++;
		last = (*p == '\0');
		*p = '\0';
		if (mkdir(copy, mode) != 0) {
			saved = errno;
			if (stat(copy, &sb) != 0) {
				free(copy);
				errno = saved;
				return -1;
			}
			if (!S_ISDIR(sb.st_mode)) {
				free(copy);
				errno = ENOTDIR;
				return -1;
			}
		}
		if (last)
			break;
		*p++ = '/';
		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
	}
	free(copy);
	return 0;
}

/* As dirname(3), without touching path: "a/b" → "a", "a" → ".". */
char *
path_dirname(const char *path)
{
	size_t	n;

	if (path == NULL || *path == '\0')
		return xstrdup(".");
	n = strlen(path);
	while (n > 1 && path[n - 1] == '/')	/* trailing slashes */
		n--;
	while (n > 0 && path[n - 1] != '/')	/* the last component */
		n--;
	if (n == 0)
		return xstrdup(".");
	while (n > 1 && path[n - 1] == '/')	/* the slashes before it */
		n--;
	return xstrndup(path, n);
}

int
path_private_dir(const char *path)
{
	struct stat	sb;

	if (path_mkdir_p(path, 0700) != 0 || stat(path, &sb) != 0)
		return -1;
	if (sb.st_uid != geteuid() || (sb.st_mode & 077) == 0)
		return 0;	/* not ours to change, or private already */
	if (chmod(path, 0700) != 0)
		return -1;
	return 1;
}

int
path_check_file(const char *path, int flags, char **why)
{
	struct stat	sb;

	*why = NULL;
	if (stat(path, &sb) != 0) {
		*why = xstrdup(strerror(errno));
		return -1;
	}
	/*
	 * TRANSLATORS: these phrases follow a file's name and a colon:
	 * "config: not a regular file (a FIFO)". chmod go-w and chmod 600
	 * are commands: keep them as they are.
	 */
	if (!S_ISREG(sb.st_mode))
		*why = xstrdup(S_ISFIFO(sb.st_mode) ?
		    _("not a regular file (a FIFO)") : S_ISDIR(sb.st_mode) ?
		    _("not a regular file (a directory)") :
		    S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode) ?
		    _("not a regular file (a device)") : S_ISSOCK(sb.st_mode) ?
		    _("not a regular file (a socket)") :
		    _("not a regular file (special)"));
	else if (sb.st_uid != geteuid() && sb.st_uid != 0)
		*why = xasprintf(_("owned by another user (uid %lu)"),
		    (unsigned long)sb.st_uid);
	else if ((sb.st_mode & 002) != 0 ||
	    ((sb.st_mode & 020) != 0 && sb.st_gid != getegid()))
		*why = xasprintf(_("writable by others (mode %04o); chmod go-w "
		    "it"), (unsigned)(sb.st_mode & 07777));
	else if ((flags & PATH_SECRET) && (sb.st_mode & 077) != 0)
		*why = xasprintf(_("readable by others (mode %04o); chmod 600 "
		    "it"), (unsigned)(sb.st_mode & 07777));
	if (*why == NULL)
		return 0;
	errno = EPERM;
	return -1;
}

int
path_self_in(const char *dir)
{
	char	 exe[PATH_MAX], real[PATH_MAX], *d;
	ssize_t	 n;
	int	 same;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return 0;
	exe[n] = '\0';
	if (realpath(dir, real) == NULL)
		return 0;
	d = path_dirname(exe);
	same = strcmp(d, real) == 0;
	free(d);
	return same;
}
