/*
 * file.c: the small files globe and globe-publish read and write
 * themselves (the config, keys, a vCard, a feed's index and signature),
 * and the lock that keeps two writers out of one directory. A read is
 * capped and never waits on a FIFO or a device; a write lands whole or
 * not at all, even across a crash or a full disk.
 */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common/common.h"

char *
file_read_small(const char *path, size_t max, size_t *lenp)
{
	struct stat	 sb;
	char		*data;
	size_t		 len = 0, cap;
	ssize_t		 n = 0;
	int		 fd, saved;

	/* O_NONBLOCK: a FIFO opens at once and is refused, never waited on. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1)
		return NULL;
	saved = 0;
	if (fstat(fd, &sb) != 0)
		saved = errno;
	else if (!S_ISREG(sb.st_mode))
		saved = EINVAL;
	else if ((uintmax_t)sb.st_size > max)
		saved = EFBIG;
	if (saved != 0) {
		close(fd);
		errno = saved;
		return NULL;
	}
	/*
	 * Sized by the file, so a secret read here is not left behind in
	 * buffers given up as it grew (unless the file grows meanwhile).
	 */
	cap = (size_t)sb.st_size + 1;
	data = xmalloc(cap);
	for (;;) {
		if (len + 1 == cap) {
			if (len > max)
				break;
			cap = cap * 2 > max + 2 ? max + 2 : cap * 2;
			data = xrealloc(data, cap);
		}
		n = read(fd, data + len, cap - 1 - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	saved = n < 0 ? errno : len > max ? EFBIG : 0;
	close(fd);
	if (saved != 0) {
		free(data);
		errno = saved;
		return NULL;
	}
	data[len] = '\0';
	if (lenp != NULL)
		*lenp = len;
	return data;
}

static int
file_write_all(int fd, const char *p, size_t len)
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

/* The mode a file gets: exactly mode, or less the umask with FILE_UMASK. */
static mode_t
file_mode(mode_t mode, int flags)
{
	mode_t	mask;

	if (!(flags & FILE_UMASK))
		return mode;
	mask = umask(0);
	umask(mask);
	return mode & ~mask;
}

int
file_temp_open(const char *prefix, mode_t mode, int flags, char **tmp)
{
	int	fd, saved;

	*tmp = xasprintf("%sXXXXXX", prefix);
	/* mkstemp creates it 0600 (O_EXCL): nobody else can open it first. */
	if ((fd = mkstemp(*tmp)) < 0 || fchmod(fd, file_mode(mode, flags)) != 0) {
		saved = errno;
		if (fd >= 0) {
			close(fd);
			unlink(*tmp);
		}
		free(*tmp);
		*tmp = NULL;
		errno = saved;
		return -1;
	}
	return fd;
}

/* Writes data to fd, fsyncs and closes it; on failure removes path. */
static int
file_write_close(int fd, const char *path, const void *data, size_t len)
{
	int	saved;

	if (file_write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(path);
		errno = saved;
		return -1;
	}
	if (close(fd) != 0) {
		saved = errno;
		unlink(path);
		errno = saved;
		return -1;
	}
	return 0;
}

char *
file_write_temp(const char *path, const void *data, size_t len, mode_t mode,
    int flags)
{
	char	*prefix, *tmp;
	int	 fd, saved;

	prefix = xasprintf("%s.tmp-", path);
	fd = file_temp_open(prefix, mode, flags, &tmp);
	free(prefix);
	if (fd < 0)
		return NULL;
	if (file_write_close(fd, tmp, data, len) != 0) {
		saved = errno;
		free(tmp);
		errno = saved;
		return NULL;
	}
	return tmp;
}

int
file_sync_dir(const char *dir)
{
	int	fd, saved;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	/* Some file systems cannot fsync a directory: nothing to do there. */
	if (fsync(fd) != 0 && errno != EINVAL) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	close(fd);
	return 0;
}

int
file_mtime_after(const char *tmp, const char *old)
{
	struct stat	 osb, tsb;
	struct timespec	 ts[2];

	if (lstat(old, &osb) != 0)
		return errno == ENOENT ? 0 : -1;
	if (stat(tmp, &tsb) != 0)
		return -1;
	if (tsb.st_mtime > osb.st_mtime)
		return 0;
	/*
	 * An old file dated more than a day ahead of the clock is a clock
	 * that was wrong, not a serial to follow: following it would date
	 * every later serial in the future too.
	 */
	if (osb.st_mtime > time(NULL) + FILE_MTIME_AHEAD_MAX)
		return 0;
	ts[0].tv_sec = 0;
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_sec = osb.st_mtime + 1;
	ts[1].tv_nsec = 0;
	return utimensat(AT_FDCWD, tmp, ts, 0);
}

/* Makes the last change to path's directory durable. */
static int
file_sync_parent(const char *path)
{
	char	*dir;
	int	 rc;

	dir = path_dirname(path);
	rc = file_sync_dir(dir);
	free(dir);
	return rc;
}

int
file_write_atomic(const char *path, const void *data, size_t len,
    mode_t mode, int flags)
{
	char	*tmp;
	int	 fd, saved;

	if (flags & FILE_NEW) {
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
		if (fd < 0)
			return -1;
		if (fchmod(fd, file_mode(mode, flags)) != 0) {
			saved = errno;
			close(fd);
			unlink(path);
			errno = saved;
			return -1;
		}
		if (file_write_close(fd, path, data, len) != 0)
			return -1;
		return file_sync_parent(path);
	}
	if ((tmp = file_write_temp(path, data, len, mode, flags)) == NULL)
		return -1;
	if (rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		free(tmp);
		errno = saved;
		return -1;
	}
	free(tmp);
	return file_sync_parent(path);
}

int
file_lock(const char *dir)
{
	int	fd, saved;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}
