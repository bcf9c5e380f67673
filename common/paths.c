/*
 * paths.c: where globe keeps its files (XDG base directories), creating
 * directories, reading a small file whole, writing a file atomically so
 * a crash or a full disk never leaves half a file where a whole one was,
 * and whether the running program is the one make built (so it reads its
 * build tree's data).
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

static int
path_write_all(int fd, const char *p, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
path_write_atomic(const char *path, const void *data, size_t len)
{
	char	*dir, *tmp;
	int	 fd, dfd, saved;

	tmp = xasprintf("%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		saved = errno;
		free(tmp);
		errno = saved;
		return -1;
	}
	if (fchmod(fd, 0600) != 0 || path_write_all(fd, data, len) != 0 ||
	    fsync(fd) != 0) {
		saved = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		saved = errno;
		goto fail;
	}
	free(tmp);

	/* Make the rename itself durable. */
	dir = path_dirname(path);
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (dfd < 0)
		return -1;
	if (fsync(dfd) != 0 && errno != EINVAL) {
		saved = errno;
		close(dfd);
		errno = saved;
		return -1;
	}
	close(dfd);
	return 0;

fail:
	unlink(tmp);
	free(tmp);
	errno = saved;
	return -1;
}

char *
path_read_file(const char *path, size_t max, size_t *lenp)
{
	struct buf	 b;
	struct stat	 sb;
	char		 tmp[4096];
	ssize_t		 n;
	int		 fd, saved;

	/* O_NONBLOCK: a FIFO opens at once and is refused, never waited on. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd == -1)
		return NULL;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	buf_init(&b);
	for (;;) {
		n = read(fd, tmp, sizeof tmp);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		buf_add(&b, tmp, (size_t)n);
		if (b.len > max) {
			n = -1;
			errno = EFBIG;
			break;
		}
	}
	if (n < 0) {
		saved = errno;
		close(fd);
		buf_free(&b);
		errno = saved;
		return NULL;
	}
	close(fd);
	if (lenp != NULL)
		*lenp = b.len;
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_detach(&b);
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
	if (!S_ISREG(sb.st_mode))
		*why = xasprintf("not a regular file (%s)",
		    S_ISFIFO(sb.st_mode) ? "a FIFO" : S_ISDIR(sb.st_mode) ?
		    "a directory" : S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode) ?
		    "a device" : S_ISSOCK(sb.st_mode) ? "a socket" : "special");
	else if (sb.st_uid != geteuid() && sb.st_uid != 0)
		*why = xasprintf("owned by another user (uid %lu)",
		    (unsigned long)sb.st_uid);
	else if ((sb.st_mode & 002) != 0 ||
	    ((sb.st_mode & 020) != 0 && sb.st_gid != getegid()))
		*why = xasprintf("writable by others (mode %04o); chmod go-w "
		    "it", (unsigned)(sb.st_mode & 07777));
	else if ((flags & PATH_SECRET) && (sb.st_mode & 077) != 0)
		*why = xasprintf("readable by others (mode %04o); chmod 600 "
		    "it", (unsigned)(sb.st_mode & 07777));
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
