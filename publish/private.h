/*
 * private.h: what write.c (the next serial) and epoch.c (the key
 * material of a member-only feed) share inside globe-publish.
 */
#ifndef GLOBE_PUBLISH_PRIVATE_H
#define GLOBE_PUBLISH_PRIVATE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "net/feed.h"
#include "publish/publish.h"

/*
 * A feed is served by a web server: its files are 0666 less the umask
 * (with FILE_UMASK), unlike globe's own 0600 files.
 */
#define PUB_FILE_MODE		0666
#define PUB_DAY			86400

/* The key material of the serial being published (epoch.c). */
struct pub_members {
	int			 on;		/* encrypting this serial */
	struct feed_epoch	*epoch;		/* its epoch's secrets (locked) */
	struct feed_members	 m;		/* what the new index says */
	int64_t			 serial;
	int64_t			*since;		/* each recipient's first serial */
	const char		*new_epoch;	/* why the epoch begins here */
	/* The previous index's epoch, when this signing key made it. */
	struct feed_epoch	*prev;
	char			(*written)[65];	/* slot names written, sorted */
	size_t			 nwritten;
};

/*
 * Decides the key epoch of serial: the previous index's goes on unless
 * the feed was plain, another signing key made it, it is full, or a
 * device listed before is not listed now (found by opening, for each
 * listed device, its slot of the previous serial in dir, which also
 * gives its first serial); otherwise a new one begins there, and the
 * index lists no delta made before it. Without recipients only prev is
 * set (to read an encrypted previous feed). PUBLISH_OK, or an error
 * with *cause.
 */
enum publish_status pub_members_begin(struct pub_members *,
		    const struct publish_options *, const char *feed_id,
		    int64_t serial, const struct feed_index *old,
		    const char *dir, char **cause);
/*
 * The key of an object of the epoch e, which began at since: 0, or -1
 * when the object's serial is outside the epoch.
 */
int		 pub_members_object_key(const struct feed_epoch *e,
		    int64_t since, const struct feed_object *, uint8_t key[32]);
/*
 * Writes the serial's key slots into dir/keys/ (sorted by name, each
 * with its path in the tree) and sets m.slots and m.root.
 */
enum publish_status pub_members_write(struct pub_members *,
		    const struct publish_options *, const char *feed_id,
		    const char *dir, char **cause);
/*
 * Deletes key slots of dir/keys/ this serial did not write, older than
 * keep_days; returns how many.
 */
size_t		 pub_members_prune(const struct pub_members *, const char *dir,
		    int keep_days, time_t now);
void		 pub_members_clear(struct pub_members *);

/*
 * Deletes the files of dir that are ours (or stale temporary files) and
 * not kept, once older than keep_days (write.c): what mirrors and
 * clients that read the previous index a moment ago may still fetch
 * stays for that grace period. Returns how many.
 */
size_t		 pub_prune_dir(const char *dir, int (*ours)(const char *),
		    int (*kept)(const char *, const void *), const void *arg,
		    int keep_days, time_t now);

#endif
