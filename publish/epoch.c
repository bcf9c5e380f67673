/*
 * epoch.c: the key material globe-publish writes for a member-only
 * feed. A key epoch is a run of serials under one chain of serial keys
 * (net/members.c); its secrets come from the signing key, so the
 * publisher keeps nothing but the feed itself: what it needs of the
 * previous serial (each device's first serial in the epoch, and whether
 * a device was removed) it reads back from its own key slots, which it
 * can open as the other end of each device's key exchange. A removal
 * begins a new epoch, whose keys no removed device ever held.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/feed.h"
#include "publish/private.h"

/*
 * The previous serial's slot of one device, opened: 1 with *since, 0 if
 * there is none that opens (a new device, or one the web root lost).
 */
static int
epoch_previous_slot(const struct feed_epoch *prev, const char *feed_id,
    const struct feed_index *old, const uint8_t pk[32], const char *dir,
    int64_t *since)
{
	struct feed_slot_keys	*k;
	uint8_t			 name[32], key[32];
	char			*rel, *path, *data, *why = NULL;
	size_t			 len;
	int			 found = 0;

	if ((k = sodium_malloc(sizeof *k)) == NULL)
		abort();
	if (feed_slot_keys_publisher(k, prev, pk) != 0) {
		sodium_free(k);
		return 0;
	}
	feed_slot_name(k, feed_id, old->members.epoch, old->serial, name);
	rel = feed_slot_path(name);
	path = xasprintf("%s/%s", dir, rel);
	if ((data = file_read_small(path, FEED_SLOT_BYTES, &len)) != NULL &&
	    feed_slot_open((const uint8_t *)data, len, k, feed_id,
	    &old->members, old->serial, name, since, key, &why) == NET_OK)
		found = 1;
	sodium_memzero(key, sizeof key);
	free(why);
	free(data);
	free(path);
	free(rel);
	sodium_free(k);
	return found;
}

enum publish_status
pub_members_begin(struct pub_members *pm, const struct publish_options *o,
    const char *feed_id, int64_t serial, const struct feed_index *old,
    const char *dir, char **cause)
{
	struct feed_epoch	*e;
	size_t			 i, found = 0;
	const char		*why = NULL;

	memset(pm, 0, sizeof *pm);
	pm->serial = serial;
	if (old != NULL && old->encrypted && o->key != NULL) {
		e = feed_epoch_derive(o->key->sk, old->feed_id,
		    old->members.epoch);
		if (sodium_memcmp(e->kx_pk, old->members.publisher, 32) == 0)
			pm->prev = e;
		else
			feed_epoch_free(e);
	}
	if (o->recipients == NULL)
		return PUBLISH_OK;
	if (o->key == NULL) {
		/* TRANSLATORS: options of globe-publish: keep them. */
		*cause = xstrdup(_("--recipients needs --sign KEY: a feed "
		    "encrypted to its members is always signed"));
		return PUBLISH_ERR_USAGE;
	}
	pm->on = 1;
	pm->since = xcalloc(o->nrecipients, sizeof *pm->since);
	if (old == NULL)
		/*
		 * TRANSLATORS: this and the next four say why this serial
		 * begins a new key epoch (a run of serials under one chain
		 * of keys), in globe-publish's summary after "new: ".
		 */
		why = _("the feed's first serial");
	else if (!old->encrypted)
		why = _("the previous serial was not encrypted");
	else if (pm->prev == NULL)
		why = _("another signing key made the previous serial");
	else if (serial - old->members.since >= FEED_EPOCH_SERIALS_MAX)
		why = _("the epoch has run its length");
	else {
		for (i = 0; i < o->nrecipients; i++) {
			pm->since[i] = serial;
			if (epoch_previous_slot(pm->prev, feed_id, old,
			    o->recipients[i], dir, &pm->since[i]))
				found++;
		}
		/*
		 * A device of the previous serial is not listed now (or its
		 * slot is gone): the keys it held must end here.
		 */
		if (found < old->members.slots)
			/* TRANSLATORS: as above. */
			why = _("a device was removed");
	}
	pm->new_epoch = why;
	if (why != NULL) {
		randombytes_buf(pm->m.epoch, sizeof pm->m.epoch);
		pm->m.since = serial;
		for (i = 0; i < o->nrecipients; i++)
			pm->since[i] = serial;
	} else {
		memcpy(pm->m.epoch, old->members.epoch, sizeof pm->m.epoch);
		pm->m.since = old->members.since;
	}
	pm->epoch = feed_epoch_derive(o->key->sk, feed_id, pm->m.epoch);
	memcpy(pm->m.publisher, pm->epoch->kx_pk, 32);
	for (i = 0; i < o->nrecipients; i++) {
		struct feed_slot_keys	*k = sodium_malloc(sizeof *k);
		char			*tok;
		int			 rc;

		if (k == NULL)
			abort();
		rc = feed_slot_keys_publisher(k, pm->epoch, o->recipients[i]);
		sodium_free(k);
		if (rc != 0) {
			tok = device_recipient(o->recipients[i]);
			/* TRANSLATORS: %s is a device's recipient key. */
			*cause = xasprintf(_("recipient %s is not a usable key "
			    "(no key exchange is possible with it)"), tok);
			free(tok);
			return PUBLISH_ERR_USAGE;
		}
	}
	return PUBLISH_OK;
}

int
pub_members_object_key(const struct feed_epoch *e, int64_t since,
    const struct feed_object *obj, uint8_t key[32])
{
	uint8_t	k[32];
	int	rc;

	memcpy(k, e->key, 32);
	if ((rc = feed_serial_key(k, since, obj->serial)) == 0)
		feed_object_key(k, obj, key);
	sodium_memzero(k, sizeof k);
	return rc;
}

/* One slot as it is being made: its device and its place. */
struct epoch_slot {
	size_t		 who;		/* index in the recipients */
	uint8_t		 name[32];
	uint8_t		 sealed[FEED_SLOT_SEALED];
};

static int
epoch_slot_cmp(const void *a, const void *b)
{
	const struct epoch_slot	*x = a, *y = b;

	return memcmp(x->name, y->name, 32);
}

static int
epoch_since_cmp(const void *a, const void *b, void *arg)
{
	const int64_t	*since = arg;
	size_t		 x = *(const size_t *)a, y = *(const size_t *)b;

	return since[x] < since[y] ? -1 : since[x] > since[y];
}

/* Writes one slot file beside its final name and renames it there. */
static int
epoch_write_file(const char *keydir, const char *hex,
    const uint8_t data[FEED_SLOT_BYTES])
{
	char	*prefix, *tmp, *path;
	ssize_t	 n;
	int	 fd, rc = 0, saved;

	prefix = xasprintf("%s/.tmp-", keydir);
	fd = file_temp_open(prefix, PUB_FILE_MODE, FILE_UMASK, &tmp);
	free(prefix);
	if (fd < 0)
		return -1;
	do
		n = write(fd, data, FEED_SLOT_BYTES);
	while (n < 0 && errno == EINTR);
	if (n != FEED_SLOT_BYTES) {
		saved = n < 0 ? errno : ENOSPC;
		rc = -1;
	}
	if (close(fd) != 0 && rc == 0) {
		saved = errno;
		rc = -1;
	}
	path = xasprintf("%s/%s", keydir, hex);
	if (rc == 0 && rename(tmp, path) != 0) {
		saved = errno;
		rc = -1;
	}
	if (rc != 0) {
		unlink(tmp);
		errno = saved;
	}
	free(path);
	free(tmp);
	return rc;
}

/* Every slot file on disk, then the directory (one syncfs on Linux). */
static int
epoch_sync(const char *keydir, char (*written)[65], size_t n)
{
	int	fd, rc = 0;
#ifdef __linux__
	(void)written;
	(void)n;
	if ((fd = open(keydir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	rc = syncfs(fd);
	close(fd);
#else
	char	*path;
	size_t	 i;

	for (i = 0; i < n && rc == 0; i++) {
		path = xasprintf("%s/%s", keydir, written[i]);
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 ||
		    fsync(fd) != 0)
			rc = -1;
		if (fd >= 0)
			close(fd);
		free(path);
	}
#endif
	if (rc == 0)
		rc = file_sync_dir(keydir);
	return rc;
}

enum publish_status
pub_members_write(struct pub_members *pm, const struct publish_options *o,
    const char *feed_id, const char *dir, char **cause)
{
	struct feed_slot_keys	 *k;
	struct epoch_slot	 *slots;
	uint8_t			(*leaves)[32], (*paths)[FEED_SLOT_DEPTH][32];
	uint8_t			 *key, file[FEED_SLOT_BYTES];
	size_t			 *order, n = o->nrecipients, i, who;
	int64_t			  at;
	char			 *keydir;
	enum publish_status	  st = PUBLISH_OK;

	keydir = xasprintf("%s/keys", dir);
	if (path_mkdir_p(keydir, 0755) != 0) {
		*cause = xasprintf(_("cannot create %s: %s"), keydir,
		    strerror(errno));
		free(keydir);
		return PUBLISH_ERR_WRITE;
	}
	slots = xcalloc(n, sizeof *slots);
	order = xcalloc(n, sizeof *order);
	if ((k = sodium_malloc(sizeof *k)) == NULL ||
	    (key = sodium_malloc(32)) == NULL)
		abort();
	/* The serial keys in the order of the devices' first serials. */
	for (i = 0; i < n; i++)
		order[i] = i;
	qsort_r(order, n, sizeof *order, epoch_since_cmp, pm->since);
	memcpy(key, pm->epoch->key, 32);
	at = pm->m.since;
	for (i = 0; i < n; i++) {
		who = order[i];
		feed_serial_key(key, at, pm->since[who]);
		at = pm->since[who];
		feed_slot_keys_publisher(k, pm->epoch, o->recipients[who]);
		slots[i].who = who;
		feed_slot_name(k, feed_id, pm->m.epoch, pm->serial,
		    slots[i].name);
		feed_slot_seal(k, feed_id, pm->m.epoch, pm->serial,
		    slots[i].name, pm->since[who], key, slots[i].sealed);
	}
	sodium_free(key);
	sodium_free(k);
	/* Sorted by name: a slot's place says nothing about its device. */
	qsort(slots, n, sizeof *slots, epoch_slot_cmp);
	leaves = xcalloc(n, sizeof *leaves);
	paths = xcalloc(n, sizeof *paths);
	for (i = 0; i < n; i++)
		feed_slot_leaf(slots[i].name, slots[i].sealed, leaves[i]);
	feed_slots_tree((const uint8_t (*)[32])leaves, n, pm->m.root, paths);
	pm->m.slots = (uint32_t)n;
	pm->written = xcalloc(n, sizeof *pm->written);
	for (i = 0; i < n && st == PUBLISH_OK; i++) {
		sodium_bin2hex(pm->written[i], 65, slots[i].name, 32);
		feed_slot_file(file, (uint32_t)i, slots[i].sealed,
		    (const uint8_t (*)[32])paths[i]);
		if (epoch_write_file(keydir, pm->written[i], file) != 0) {
			/* TRANSLATORS: the folder, then the system's reason. */
			*cause = xasprintf(_("cannot write a key slot in %s: "
			    "%s"), keydir, strerror(errno));
			st = PUBLISH_ERR_WRITE;
		}
		pm->nwritten = i + 1;
	}
	if (st == PUBLISH_OK && epoch_sync(keydir, pm->written,
	    pm->nwritten) != 0) {
		/*
		 * TRANSLATORS: sync here is writing the files of a folder
		 * to the disk (fsync); then the system's reason.
		 */
		*cause = xasprintf(_("cannot sync %s: %s"), keydir,
		    strerror(errno));
		st = PUBLISH_ERR_WRITE;
	}
	free(leaves);
	free(paths);
	free(order);
	free(slots);
	free(keydir);
	return st;
}

static int
epoch_hex_name(const char *name)
{
	size_t	i;

	if (strlen(name) != 64)
		return 0;
	for (i = 0; i < 64; i++) {
		if (!((name[i] >= '0' && name[i] <= '9') ||
		    (name[i] >= 'a' && name[i] <= 'f')))
			return 0;
	}
	return 1;
}

static int
epoch_name_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* A slot this serial wrote. */
static int
epoch_written(const char *name, const void *arg)
{
	const struct pub_members	*pm = arg;

	return pm->nwritten > 0 && bsearch(name, pm->written, pm->nwritten,
	    sizeof *pm->written, epoch_name_cmp) != NULL;
}

size_t
pub_members_prune(const struct pub_members *pm, const char *dir,
    int keep_days, time_t now)
{
	char	*keydir;
	size_t	 removed;

	keydir = xasprintf("%s/keys", dir);
	removed = pub_prune_dir(keydir, epoch_hex_name, epoch_written, pm,
	    keep_days, now);
	free(keydir);
	return removed;
}

void
pub_members_clear(struct pub_members *pm)
{
	feed_epoch_free(pm->epoch);
	feed_epoch_free(pm->prev);
	free(pm->since);
	free(pm->written);
	memset(pm, 0, sizeof *pm);
}
