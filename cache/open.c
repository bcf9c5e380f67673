/*
 * open.c: opening and closing the cache file, and turning SQLite's result
 * codes into cache statuses with a cause a person can act on. cache_open
 * is a list of steps (open_steps): the file, the connection with its
 * defensive settings, the first read, WAL and the settings, the schema
 * (migrated, then checked), the temporary tables, the notice. The
 * directory (0700) and the file (0600) are made before SQLite touches
 * them, so the database and its -wal/-shm are private whatever the umask.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache/private.h"
#include "common/i18n.h"

#define CACHE_STATUS_MSG(code, msg) msg,
static const char *const cache_status_msg[] = {
	CACHE_STATUS_LIST(CACHE_STATUS_MSG)
};
#undef CACHE_STATUS_MSG

const char *
cache_strerror(enum cache_status status)
{
	if ((unsigned)status >= sizeof cache_status_msg /
	    sizeof cache_status_msg[0])
		return _("unknown cache error");
	return _(cache_status_msg[status]);
}

int
cache_exit_code(enum cache_status status)
{
	switch (status) {
	case CACHE_OK:
		return EXIT_OK;
	case CACHE_ERR_REFERENCE:
	case CACHE_ERR_INVALID:
		return EXIT_FEED;
	default:
		return EXIT_CACHE;
	}
}

enum cache_status
cache_fail(struct cache *c, int rc, char **cause, const char *what)
{
	enum cache_status	 status;
	const char		*path = c != NULL && c->path != NULL ?
				    c->path : "cache";
	const char		*msg;

	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW:
		return CACHE_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		status = CACHE_ERR_BUSY;
		break;
	case SQLITE_FULL:
		status = CACHE_ERR_FULL;
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		if (cause != NULL)
			*cause = xasprintf(_("%s: the cache file is corrupt; "
			    "move it away and run `globe sync` to rebuild it"),
			    path);
		return CACHE_ERR_CORRUPT;
	case SQLITE_READONLY:
		status = CACHE_ERR_READONLY;
		break;
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		status = CACHE_ERR_IO;
		break;
	case SQLITE_CONSTRAINT:
		status = (rc == SQLITE_CONSTRAINT_FOREIGNKEY) ?
		    CACHE_ERR_REFERENCE : CACHE_ERR;
		break;
	default:
		status = CACHE_ERR;
		break;
	}
	if (cause != NULL) {
		msg = (c != NULL && c->db != NULL) ? sqlite3_errmsg(c->db) :
		    sqlite3_errstr(rc);
		*cause = xasprintf("%s: %s: %s", path, what, msg);
	}
	return status;
}

int
cache_exec(struct cache *c, const char *sql)
{
	return sqlite3_exec(c->db, sql, NULL, NULL, NULL);
}

/*
 * Makes the directory 0700 and the file 0600 if they are not there. The
 * file is created empty with O_EXCL so SQLite never creates it itself
 * (it would use the umask) and copies its mode to -wal and -shm.
 */
static enum cache_status
cache_create_file(const char *path, char **cause)
{
	char	*dir;
	int	 fd;

	dir = path_dirname(path);
	if (path_mkdir_p(dir, 0700) != 0) {
		if (cause != NULL)
			*cause = xasprintf("%s: %s", dir, strerror(errno));
		free(dir);
		return errno == EROFS ? CACHE_ERR_READONLY : CACHE_ERR_IO;
	}
	free(dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return CACHE_OK;
		if (cause != NULL)
			*cause = xasprintf("%s: %s", path, strerror(errno));
		return errno == EROFS ? CACHE_ERR_READONLY : CACHE_ERR_IO;
	}
	/* Whatever the umask took away, the owner reads and writes. */
	if (fchmod(fd, 0600) != 0) {
		if (cause != NULL)
			*cause = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		return CACHE_ERR_IO;
	}
	close(fd);
	return CACHE_OK;
}

/*
 * An existing cache file (sb from lstat) must be the user's own: a
 * regular file, not a symbolic link, owned by the user, with one link, so
 * a file someone else can change (a --db in a shared directory, a hard
 * link to it) is never read as the directory. Group or other bits on the
 * user's own file (and its -wal/-shm) are taken away; *tightened says so.
 */
static enum cache_status
cache_check_file(const char *path, const struct stat *sb, int flags,
    int *tightened, char **cause)
{
	const char	*why = NULL;
	char		*side;
	int		 i;

	if (S_ISLNK(sb->st_mode))
		why = _("is a symbolic link; give the file it points to");
	else if (!S_ISREG(sb->st_mode))
		why = _("not a regular file");
	else if (sb->st_uid != geteuid())
		why = _("owned by another user; globe reads only a cache file "
		    "of your own");
	else if (sb->st_nlink != 1)
		why = _("has more than one name (a hard link); globe reads "
		    "only a cache file of its own");
	if (why != NULL) {
		if (cause != NULL)
			*cause = xasprintf("%s: %s", path, why);
		return CACHE_ERR_IO;
	}
	if ((sb->st_mode & 077) == 0 || (flags & CACHE_OPEN_READONLY))
		return CACHE_OK;
	if (chmod(path, 0600) != 0) {
		if (cause != NULL)
			*cause = xasprintf(_("%s: readable by others, and "
			    "cannot be made private: %s"),
			    path, strerror(errno));
		return CACHE_ERR_IO;
	}
	for (i = 0; i < 2; i++) {
		side = xasprintf("%s-%s", path, i == 0 ? "wal" : "shm");
		(void)chmod(side, 0600);	/* absent: nothing to do */
		free(side);
	}
	*tightened = 1;
	return CACHE_OK;
}

const char *
cache_notice(const struct cache *c)
{
	return c != NULL ? c->notice : NULL;
}

/*
 * cache_fail for opening. A lock held past the busy timeout is a sync:
 * the first one into an empty cache holds the file until it ends
 * (apply.c), which at a million contacts is minutes.
 */
static enum cache_status
cache_open_fail(struct cache *c, int rc, char **cause, const char *what)
{
	if ((rc & 0xff) != SQLITE_BUSY)
		return cache_fail(c, rc, cause, what);
	if (cause != NULL)
		*cause = xasprintf(_("%s: locked by a sync that is writing it "
		    "(a first sync holds it until it ends); try again when "
		    "it ends"), c->path);
	return CACHE_ERR_BUSY;
}

static pthread_once_t	cache_once = PTHREAD_ONCE_INIT;

/*
 * Before SQLite's first use: no memory statistics (globe reads none, and
 * keeping them takes a global mutex on every allocation SQLite makes). A
 * process that started SQLite before its first cache_open keeps them.
 */
static void
cache_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* ---- cache_open, step by step ---------------------------------------- */

/* One cache_open: what its steps share. */
struct open {
	const char	*path;
	int		 flags;		/* CACHE_OPEN_* */
	int		 memory;	/* ":memory:": no file, no WAL */
	int		 tightened;	/* made 0600 here (open_notice) */
	struct cache	*c;		/* from open_connect on */
};

/*
 * The file, before SQLite touches it: made (0700 directory, 0600 file)
 * when it is not there and the flags allow, or checked to be the user's
 * own when it is. An in-memory cache has none.
 */
static enum cache_status
open_file(struct open *o, char **cause)
{
	struct stat	sb;

	if (o->path == NULL || *o->path == '\0') {
		if (cause != NULL)
			*cause = xstrdup(_("no cache path"));
		return CACHE_ERR_IO;
	}
	if (o->memory)
		return CACHE_OK;
	if (lstat(o->path, &sb) == 0)
		return cache_check_file(o->path, &sb, o->flags, &o->tightened,
		    cause);
	if (errno != ENOENT) {
		if (cause != NULL)
			*cause = xasprintf("%s: %s", o->path, strerror(errno));
		return CACHE_ERR_IO;
	}
	if (o->flags & (CACHE_OPEN_READONLY | CACHE_OPEN_NOCREATE)) {
		if (cause != NULL)
			*cause = xasprintf(_("%s: no cache yet; run `globe "
			    "sync`"), o->path);
		return CACHE_ERR_NOTFOUND;
	}
	return cache_create_file(o->path, cause);
}

/*
 * The connection, with the defensive settings: the file may not be ours
 * (a --db someone else wrote), so no SQL in its schema may call
 * application functions or change the schema behind SQLite's back.
 */
static enum cache_status
open_connect(struct open *o, char **cause)
{
	struct cache	*c;
	int		 oflags, rc;

	pthread_once(&cache_once, cache_setup);
	o->c = c = xcalloc(1, sizeof *c);
	c->path = xstrdup(o->path);
	c->flags = o->flags;
	if (o->flags & CACHE_OPEN_READONLY)
		oflags = SQLITE_OPEN_READONLY;
	else
		oflags = SQLITE_OPEN_READWRITE |
		    (o->memory ? SQLITE_OPEN_CREATE : 0);
	/* A connection is only ever used by the thread that opened it. */
	oflags |= SQLITE_OPEN_NOMUTEX;
	if ((rc = sqlite3_open_v2(o->path, &c->db, oflags, NULL)) != SQLITE_OK)
		/*
		 * TRANSLATORS: what the cache was doing when SQLite failed,
		 * between the file's name and SQLite's own message (English):
		 * "globe.db: opening: unable to open database file".
		 */
		return cache_fail(c, rc, cause, _("opening"));

	sqlite3_extended_result_codes(c->db, 1);
	sqlite3_busy_timeout(c->db, (o->flags & CACHE_OPEN_NOWAIT) ? 0 :
	    CACHE_BUSY_TIMEOUT);
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	return CACHE_OK;
}

/*
 * The first read: a file that is not a database fails here, and so does
 * one WAL cannot read because its -shm cannot be written (said so).
 */
static enum cache_status
open_first_read(struct open *o, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_prepare_v2(o->c->db, "SELECT count(*) FROM sqlite_schema",
	    -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_ROW)
			return CACHE_OK;
	}
	if ((rc & 0xff) == SQLITE_CANTOPEN && !o->memory &&
	    access(o->path, W_OK) != 0 && (errno == EROFS || errno == EACCES)) {
		if (cause != NULL)
			*cause = xasprintf("%s: %s", o->path,
			    errno == EROFS ? _("on a read-only file system") :
			    _("not writable by you"));
		return CACHE_ERR_READONLY;
	}
	return cache_open_fail(o->c, rc, cause, _("reading"));
}

/*
 * WAL for a file globe may write, and the connection's settings; then
 * the SQL functions the search index is built with.
 */
static enum cache_status
open_settings(struct open *o, char **cause)
{
	struct cache	*c = o->c;
	int		 rc;

	if (!(o->flags & CACHE_OPEN_READONLY) && !o->memory &&
	    (rc = cache_exec(c, "PRAGMA journal_mode = WAL")) != SQLITE_OK)
		return cache_open_fail(c, rc, cause, _("setting WAL mode"));
	/*
	 * An 8 MiB page cache: the OS caches the file anyway, and a larger
	 * one only raised peak RSS (64 MiB more in a full sync and while
	 * searching) for a few percent of speed; see bench/results.md.
	 */
	if ((rc = cache_exec(c, "PRAGMA synchronous = NORMAL;"
	    "PRAGMA foreign_keys = ON;PRAGMA cache_size = -8192")) != SQLITE_OK)
		return cache_fail(c, rc, cause, _("setting up"));
	if ((rc = search_register(c->db)) != SQLITE_OK)
		return cache_fail(c, rc, cause, _("registering functions"));
	return CACHE_OK;
}

/* The schema brought to this version, then checked to be globe's alone. */
static enum cache_status
open_schema(struct open *o, char **cause)
{
	enum cache_status	status;

	if ((status = cache_migrate(o->c, cause)) != CACHE_OK)
		return status;
	return cache_schema_check(o->c, 1, cause);
}

/* The temporary tables a writing connection's applies use. */
static enum cache_status
open_temp(struct open *o, char **cause)
{
	int	rc;

	if (o->flags & CACHE_OPEN_READONLY)
		return CACHE_OK;
	if ((rc = cache_exec(o->c, stmt_temp_sql)) != SQLITE_OK)
		return cache_fail(o->c, rc, cause, _("creating temporary "
		    "tables"));
	return CACHE_OK;
}

/* What the user should hear once about this opening (cache_notice). */
static enum cache_status
open_notice(struct open *o, char **cause)
{
	(void)cause;
	if (o->tightened)
		o->c->notice = xasprintf(_("%s was readable or writable by "
		    "others; it is now yours alone (0600)"), o->path);
	return CACHE_OK;
}

/* The steps of cache_open, in order; each may stop it. */
static enum cache_status (*const open_steps[])(struct open *, char **) = {
	open_file, open_connect, open_first_read, open_settings, open_schema,
	open_temp, open_notice
};

enum cache_status
cache_open(const char *path, int flags, struct cache **cp, char **cause)
{
	struct open		 o;
	enum cache_status	 status = CACHE_OK;
	size_t			 i;

	*cp = NULL;
	memset(&o, 0, sizeof o);
	o.path = path;
	o.flags = flags;
	o.memory = path != NULL && strcmp(path, ":memory:") == 0;
	for (i = 0; i < sizeof open_steps / sizeof open_steps[0] &&
	    status == CACHE_OK; i++)
		status = open_steps[i](&o, cause);
	if (status == CACHE_OK)
		*cp = o.c;
	else
		cache_close(o.c);
	return status;
}

void
cache_close(struct cache *c)
{
	if (c == NULL)
		return;
	stmt_finalize_all(c);
	vocab_close(c);
	if (c->db != NULL) {
		if (!sqlite3_get_autocommit(c->db))
			cache_exec(c, "ROLLBACK");
		sqlite3_close_v2(c->db);
	}
	free(c->notice);
	free(c->path);
	free(c);
}
