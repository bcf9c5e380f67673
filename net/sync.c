/*
 * sync.c: the sync engine. Fetches and checks index.json and its
 * signature, checks the feed against the cached state (feed id, rollback,
 * expiry, freeze), plans the cheapest way to the new serial, downloads
 * every planned object (size and sha256 checked) into 0600 temp files,
 * and only then applies them line by line in one cache transaction, the
 * lines parsed on a second thread (records.c). On any failure nothing is
 * committed and the failure is noted in the cache. Once the data is
 * committed, the officer's pending flags go to the reports URL the index
 * in force names (report.c); whatever happens to them, the sync stands.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "cache/cache.h"
#include "common/common.h"
#include "common/i18n.h"
#include "net/net.h"
#include "net/private.h"

#define SYNC_APPLY_STEP	1000	/* records between "apply" progress calls */

void
net_result_clear(struct net_result *r)
{
	if (r == NULL)
		return;
	free(r->expires);
	free(r->reports_error);
	memset(r, 0, sizeof *r);
	r->old_serial = r->new_serial = -1;
}

/* One sync in progress. */
struct sync {
	struct cache			*cache;
	const struct net_options	*opts;
	net_progress_cb			 cb;
	void				*cb_arg;
	struct net_result		*result;
	time_t				 now;

	char				*base;		/* feed URL ending in / */
	struct net_fetch_config		 fetch;		/* limits, TLS, token */
	char				*token;		/* secret, wiped on free */
	const char			*dir;		/* for downloads */
	int				 keep_downloads; /* a cut one to resume */
	struct net_trusted_key		*trusted;	/* every key known */
	size_t				 ntrusted;
	struct minisign_pubkey		*keys;		/* those trusted now */
	size_t				*key_of;	/* each one's in trusted */
	size_t				 nkeys;
	int				 verified;	/* a trusted key signed it */
	size_t				 signer;	/* which, in trusted */
	struct cache_signing_key	*rows;		/* the keys to store */
	size_t				 nrows;
	int				 have_rows;

	/* A member-only feed: this device's key of serial since (locked). */
	uint8_t				*serial_key;
	int64_t				 since;
	struct buf			 index;
	struct net_fetch_info		 info;
	struct feed_index		 ix;
	struct cache_state		 old;
	int				 have_old;

	const struct feed_object	**plan;
	size_t				 nplan;
	char				**tmp;		/* temp file of each planned object */

	int				 began;
	struct net_progress		 progress;
	const char			*reports;	/* the reports URL in force
							 * (borrowed), or NULL */
};

static void
sync_progress(struct sync *s)
{
	if (s->cb != NULL)
		s->cb(&s->progress, s->cb_arg);
}

static void
sync_object_progress(uint64_t bytes, void *arg)
{
	struct sync	*s = arg;

	s->progress.bytes = bytes;
	sync_progress(s);
}

/*
 * The keys an index may be signed by: the configured ones (each a bare
 * base64 key or a .pub file's text) and those the feed announced, less
 * those it retired (trust.c).
 */
static enum net_status
sync_keys(struct sync *s, char **cause)
{
	const struct net_options	*o = s->opts;
	enum net_status			 status;
	size_t				 i;

	status = net_trust_list(s->cache, o->pubkeys, o->npubkeys,
	    &s->trusted, &s->ntrusted, cause);
	if (status != NET_OK)
		return status;
	s->keys = xcalloc(s->ntrusted + 1, sizeof *s->keys);
	s->key_of = xcalloc(s->ntrusted + 1, sizeof *s->key_of);
	for (i = 0; i < s->ntrusted; i++) {
		if (s->trusted[i].retired)
			continue;
		s->keys[s->nkeys] = s->trusted[i].key;
		s->key_of[s->nkeys++] = i;
	}
	return NET_OK;
}

/* A file the transport will read must be there (checked before any request). */
static enum net_status
sync_check_file(const char *what, const char *path, char **cause)
{
	char	*why = NULL;

	if (path == NULL)
		return NET_OK;
	if (*path == '\0') {
		/* TRANSLATORS: a config key: ca_file, client_cert... */
		*cause = xasprintf(_("%s: empty path"), what);
		return NET_ERR_USAGE;
	}
	/*
	 * A FIFO or device would hang the transfer past its timeout; a CA
	 * others can write decides whom TLS trusts; a key others can read
	 * is no longer a secret.
	 */
	if (path_check_file(path, strcmp(what, "client_key") == 0 ?
	    PATH_SECRET : 0, &why) != 0 || access(path, R_OK) != 0) {
		*cause = xasprintf("%s %s: %s", what, path, why != NULL ? why :
		    strerror(errno));
		free(why);
		return NET_ERR_USAGE;
	}
	return NET_OK;
}

/*
 * The transfer settings: limits from the options or the defaults, and
 * for https the CA, client certificate and token, all checked before
 * the first request.
 */
static enum net_status
sync_transport(struct sync *s, char **cause)
{
	const struct net_options	*o = s->opts;
	struct net_fetch_config		*c = &s->fetch;
	enum net_status			 status;
	long				 timeout;

	*c = net_fetch_defaults;
	if (o->connect_timeout > 0)
		c->connect_timeout = o->connect_timeout;
	if (o->low_speed_limit > 0)
		c->low_speed_limit = o->low_speed_limit;
	if (o->low_speed_time > 0)
		c->low_speed_time = o->low_speed_time;
	timeout = o->timeout > 0 ? o->timeout : NET_TIMEOUT;
	c->deadline = net_clock_ms() + (int64_t)timeout * 1000;
	c->no_proxy = o->no_proxy;
	c->log = o->verbose;
	c->log_arg = o->verbose_arg;
	if (strncmp(s->base, "file://", 7) == 0)
		return NET_OK;		/* no TLS, no credentials */
	if (o->client_key != NULL && o->client_cert == NULL) {
		/* TRANSLATORS: client_key and client_cert are config keys. */
		*cause = xstrdup(_("client_key is set but client_cert is "
		    "not"));
		return NET_ERR_USAGE;
	}
	if ((status = sync_check_file("ca_file", o->ca_file, cause)) != NET_OK ||
	    (status = sync_check_file("client_cert", o->client_cert,
	    cause)) != NET_OK ||
	    (status = sync_check_file("client_key", o->client_key,
	    cause)) != NET_OK)
		return status;
	c->ca_file = o->ca_file;
	c->client_cert = o->client_cert;
	c->client_key = o->client_key;
	/* One connection for every request of the sync. */
	c->share = net_fetch_share_new();
	if (o->token_file != NULL) {
		if ((status = net_token_load(o->token_file, &s->token,
		    cause)) != NET_OK)
			return status;
		c->token = s->token;
	}
	return NET_OK;
}

/* The cached sync state (read before index.json, for its validators). */
static enum net_status
sync_read_state(struct sync *s, char **cause)
{
	enum cache_status	cs;

	if ((cs = cache_state_get(s->cache, &s->old)) != CACHE_OK) {
		*cause = xasprintf(_("cannot read the sync state: %s"),
		    cache_strerror(cs));
		return NET_ERR_CACHE;
	}
	s->have_old = 1;
	s->result->old_serial = s->old.feed_id != NULL ? s->old.serial : -1;
	if (s->opts->reseed) {
		/* Planned and checked as an empty cache: the snapshot. */
		free(s->old.feed_id);
		s->old.feed_id = NULL;
		s->old.serial = -1;
	}
	return NET_OK;
}

/* The index read: index.json, or the one the options name. */
static const char *
sync_index_name(const struct sync *s)
{
	const char	*n = s->opts->index_name;

	return n != NULL && *n != '\0' ? n : "index.json";
}

/*
 * Fetches index.json (conditionally, with the cached validators, when
 * the cache came from this same https feed) and checks its signature.
 * Sets s->result->not_modified on a 304 and fetches nothing else.
 */
static enum net_status
sync_fetch_index(struct sync *s, char **cause)
{
	struct net_fetch_info	 cond;
	struct buf		 sig;
	enum net_status		 status;
	char			*url, *why = NULL;
	int			 missing, https;

	s->progress.phase = NET_PHASE_INDEX;
	sync_progress(s);
	https = strncmp(s->base, "file://", 7) != 0;
	memset(&cond, 0, sizeof cond);
	if (https && s->old.feed_id != NULL && s->old.feed_url != NULL &&
	    s->opts->feed != NULL && strcmp(s->old.feed_url, s->opts->feed) == 0) {
		cond.etag = s->old.etag;
		cond.last_modified = s->old.last_modified;
	}
	url = xasprintf("%s%s", s->base, sync_index_name(s));
	status = net_fetch_memory(&s->fetch, url, FEED_INDEX_MAX, &s->index,
	    cond.etag != NULL || cond.last_modified != NULL ? &cond : NULL,
	    NULL, &s->info, cause);
	free(url);
	if (status != NET_OK)
		return status;
	s->result->bytes += s->index.len;
	if (!https) {
		/* No HTTP validators: the index's own hash tells a change. */
		net_fetch_info_clear(&s->info);
		s->info.etag = net_index_tag(s->index.data, s->index.len);
	} else if (s->info.status == 304) {
		s->result->not_modified = 1;
		return NET_OK;
	}

	if (s->nkeys == 0) {
		if (s->opts->allow_unsigned && s->ntrusted == 0)
			return NET_OK;
		*cause = xstrdup(_("no public key is configured to check the "
		    "feed's signature (configure one, or allow unsigned feeds "
		    "explicitly)"));
		return NET_ERR_UNSIGNED;
	}
	buf_init(&sig);
	url = xasprintf("%s%s.minisig", s->base, sync_index_name(s));
	status = net_fetch_memory(&s->fetch, url, FEED_SIG_MAX, &sig, NULL,
	    &missing, NULL, &why);
	if (status != NET_OK) {
		if (missing && s->opts->allow_unsigned) {
			free(why);
			free(url);
			buf_free(&sig);
			return NET_OK;
		}
		if (missing) {
			/*
			 * TRANSLATORS: the signature's URL. allow_unsigned =
			 * yes is a config line: keep it.
			 */
			*cause = xasprintf(_("%s is missing (set "
			    "allow_unsigned = yes only for a feed you trust by "
			    "other means)"), url);
			free(why);
			status = NET_ERR_UNSIGNED;
		} else
			*cause = why;
		free(url);
		buf_free(&sig);
		return status;
	}
	s->result->bytes += sig.len;
	status = minisign_verify_which(s->keys, s->nkeys, s->index.data,
	    s->index.len, sig.data != NULL ? sig.data : "", sig.len,
	    &s->signer, &why);
	if (status != NET_OK) {
		*cause = xasprintf("%s: %s", url, why);
		free(why);
	} else {
		s->verified = 1;
		s->signer = s->key_of[s->signer];
	}
	free(url);
	buf_free(&sig);
	return status;
}

/* The checks of the index against the cache and the clock. */
static enum net_status
sync_check_index(struct sync *s, char **cause)
{
	struct feed_index	*ix = &s->ix;
	enum net_status		 status;
	time_t			 issued, expires;
	long			 days;

	status = feed_index_parse(s->index.data != NULL ? s->index.data : "",
	    s->index.len, ix, cause);
	if (status != NET_OK)
		return status;
	if (s->old.feed_id != NULL && strcmp(s->old.feed_id, ix->feed_id) != 0) {
		/* TRANSLATORS: two feed ids: the feed's, the cache's. */
		*cause = xasprintf(_("the feed is \"%s\" but the cache holds "
		    "\"%s\""), ix->feed_id, s->old.feed_id);
		return NET_ERR_FEED_ID;
	}
	if (s->old.feed_id != NULL && ix->serial < s->old.serial) {
		*cause = xasprintf(_("feed serial %lld is older than the "
		    "cached serial %lld"), (long long)ix->serial,
		    (long long)s->old.serial);
		return NET_ERR_ROLLBACK;
	}
	/* Both parsed already in feed_index_parse. */
	feed_time_parse(ix->issued, &issued);
	feed_time_parse(ix->expires, &expires);
	if (expires <= s->now) {
		/* TRANSLATORS: the feed's: its index expired on a date. */
		*cause = xasprintf(_("its index expired on %s"), ix->expires);
		return NET_ERR_EXPIRED;
	}
	if (issued > s->now + FEED_SKEW) {
		/* TRANSLATORS: a date and time, and seconds. */
		*cause = xasprintf(_("its index says issued %s, more than %d "
		    "s ahead of this computer's clock"), ix->issued,
		    FEED_SKEW);
		return NET_ERR_FUTURE;
	}
	/* Both are between 1970 and 9999: no overflow in a difference. */
	days = s->opts->max_valid_days > 0 ? s->opts->max_valid_days :
	    FEED_VALID_DAYS_DEFAULT;
	if (expires - issued > (time_t)days * 86400) {
		/*
		 * TRANSLATORS: two dates, then the days allowed (the form
		 * follows them). max_valid_days is a config key: keep it.
		 */
		*cause = xasprintf(P_("its index is valid from %s to %s, "
		    "longer than the %ld day allowed (max_valid_days), so a "
		    "frozen copy could be served for all that time; the "
		    "publisher must sign it for a shorter time",
		    "its index is valid from %s to %s, longer than the %ld "
		    "days allowed (max_valid_days), so a frozen copy could be "
		    "served for all that time; the publisher must sign it for "
		    "a shorter time", days), ix->issued, ix->expires, days);
		return NET_ERR_VALIDITY;
	}
	return NET_OK;
}

/*
 * The signing keys a verified index vouches for: what the cache is to
 * hold of them after this sync (trust.c).
 */
static enum net_status
sync_trust(struct sync *s, char **cause)
{
	enum net_status	status;

	if (!s->ix.has_keys || !s->verified)
		return NET_OK;
	status = net_trust_rows(s->trusted, s->ntrusted, s->signer, &s->ix,
	    &s->rows, &s->nrows, cause);
	if (status == NET_OK)
		s->have_rows = 1;
	return status;
}

/*
 * The device key, unlocked with its passphrase when its file has one:
 * from the passphrase file, or asked for (up to NET_PASSPHRASE_TRIES
 * times). The passphrase lives in locked memory and is wiped.
 */
static enum net_status
sync_unlock(struct sync *s, const struct device_file *df,
    struct device_key **dk, char **cause)
{
	const struct net_options	*o = s->opts;
	enum net_status			 status = NET_ERR_DEVICE_KEY;
	char				*pass;
	size_t				 len = 0;
	int				 n, attempt;

	if (!device_file_protected(df))
		return device_file_unlock(df, NULL, 0, dk, cause);
	if ((pass = sodium_malloc(DEVICE_PASSPHRASE_MAX + 1)) == NULL)
		abort();
	if (o->passphrase_file != NULL) {
		status = device_passphrase_read(o->passphrase_file, pass,
		    DEVICE_PASSPHRASE_MAX + 1, &len, cause);
		if (status == NET_OK)
			status = device_file_unlock(df, pass, len, dk, cause);
	} else if (o->passphrase == NULL)
		/*
		 * TRANSLATORS: %s is the device key's file; globe sync is
		 * a command and --passphrase-file an option: keep them.
		 */
		*cause = xasprintf(_("the device key %s needs its passphrase: "
		    "run globe sync on a terminal, or give --passphrase-file"),
		    o->device_key);
	else {
		for (attempt = 1; attempt <= NET_PASSPHRASE_TRIES; attempt++) {
			n = o->passphrase(pass, DEVICE_PASSPHRASE_MAX, attempt,
			    o->passphrase_arg);
			if (n < 0) {
				if (attempt == 1)
					/* TRANSLATORS: as above. */
					*cause = xasprintf(_("no passphrase "
					    "was given for the device key %s "
					    "(globe sync asks for it on a "
					    "terminal; without one, give "
					    "--passphrase-file)"),
					    o->device_key);
				break;
			}
			free(*cause);
			*cause = NULL;
			status = device_file_unlock(df, pass, (size_t)n, dk,
			    cause);
			if (status == NET_OK)
				break;
		}
	}
	sodium_free(pass);	/* wipes */
	return status;
}

/*
 * A member-only feed: this device's key slot of the serial, fetched
 * under its name of this serial and checked against the signed index,
 * gives the first serial it may read and that serial's key.
 */
static enum net_status
sync_members(struct sync *s, char **cause)
{
	const struct net_options	*o = s->opts;
	const struct feed_index		*ix = &s->ix;
	struct device_file		*df = NULL;
	struct device_key		*dk = NULL;
	struct feed_slot_keys		*sk;
	enum net_status			 status;
	struct buf			 slot;
	uint8_t				 name[32];
	char				*recipient, *rel, *url, *why = NULL;
	char				 epoch[33];
	int				 missing = 0;

	s->result->encrypted = 1;
	if (sodium_init() < 0) {
		*cause = xstrdup(_("cannot initialize libsodium"));
		return NET_ERR;
	}
	if (!s->verified) {
		*cause = xstrdup(_("an index encrypted to its members must be "
		    "signed by a trusted key"));
		return NET_ERR_UNSIGNED;
	}
	if (o->device_key == NULL) {
		/* TRANSLATORS: `globe device init` is a command: keep it. */
		*cause = xstrdup(_("this feed is encrypted to its members: "
		    "make this device's key with `globe device init`"));
		return NET_ERR_DEVICE_KEY;
	}
	if ((status = device_file_read(o->device_key, &df, cause)) != NET_OK)
		return status;
	recipient = device_recipient(device_file_public(df));
	status = sync_unlock(s, df, &dk, cause);
	device_file_free(df);
	if (status != NET_OK) {
		free(recipient);
		return status;
	}
	if ((sk = sodium_malloc(sizeof *sk)) == NULL)
		abort();
	if (feed_slot_keys_device(sk, dk->pk, dk->sk,
	    ix->members.publisher) != 0) {
		device_key_free(dk);
		sodium_free(sk);
		free(recipient);
		/*
		 * TRANSLATORS: the key-exchange public key of the feed's
		 * publisher, which index.json names (keep index.json).
		 */
		*cause = xstrdup(_("index.json: its publisher key allows no "
		    "key exchange"));
		return NET_ERR_KEYS;
	}
	device_key_free(dk);
	feed_slot_name(sk, ix->feed_id, ix->members.epoch, ix->serial, name);
	rel = feed_slot_path(name);
	url = xasprintf("%s%s", s->base, rel);
	buf_init(&slot);
	status = net_fetch_memory(&s->fetch, url, FEED_SLOT_BYTES, &slot,
	    NULL, &missing, NULL, &why);
	if (status == NET_OK) {
		s->result->bytes += slot.len;
		if ((s->serial_key = sodium_malloc(32)) == NULL)
			abort();
		status = feed_slot_open((const uint8_t *)slot.data, slot.len,
		    sk, ix->feed_id, &ix->members, ix->serial, name,
		    &s->since, s->serial_key, &why);
		if (status != NET_OK) {
			*cause = xasprintf("%s: %s", rel, why);
			free(why);
		}
	} else if (missing) {
		free(why);
		sodium_bin2hex(epoch, sizeof epoch, ix->members.epoch,
		    sizeof ix->members.epoch);
		/*
		 * Removing a device begins a new epoch: in the epoch this
		 * device last held a key of, it is still a member.
		 */
		if (s->old.members_epoch != NULL && s->old.feed_id != NULL &&
		    strcmp(s->old.members_epoch, epoch) == 0 &&
		    strcmp(s->old.feed_id, ix->feed_id) == 0) {
			/*
			 * TRANSLATORS: %s is the URL of this device's key
			 * slot; a key epoch is a run of serials under one
			 * chain of keys.
			 */
			*cause = xasprintf(_("%s: not on the server, though "
			    "this device held a key of this key epoch at its "
			    "last sync: the server or a mirror withholds it"),
			    url);
			status = NET_ERR_KEYS;
		} else {
			*cause = recipient;
			recipient = NULL;
			status = NET_ERR_NOT_MEMBER;
		}
	} else
		*cause = why;
	buf_free(&slot);
	sodium_free(sk);
	free(recipient);
	free(url);
	free(rel);
	return status;
}

static int
sync_delta_cmp(const void *a, const void *b)
{
	const struct feed_object *const	*x = a, *const *y = b;

	if ((*x)->from != (*y)->from)
		return (*x)->from < (*y)->from ? -1 : 1;
	return 0;
}

/*
 * The cheapest chain of deltas from serial start to the index serial.
 * Returns 0 and fills *chain (caller frees) or -1 when there is none. An
 * empty chain (start is the index serial) costs 0.
 */
static int
sync_chain(const struct feed_index *ix, int64_t start,
    const struct feed_object ***chain, size_t *n, uint64_t *cost)
{
	const struct feed_object	**d;
	uint64_t			 *best;
	size_t				 *prev, i, j, k, end = SIZE_MAX;
	int				  found = -1;

	*chain = NULL;
	*n = 0;
	*cost = 0;
	if (start == ix->serial)
		return 0;
	if (ix->ndeltas == 0)
		return -1;
	d = xcalloc(ix->ndeltas, sizeof *d);
	for (i = 0; i < ix->ndeltas; i++)
		d[i] = &ix->deltas[i];
	qsort(d, ix->ndeltas, sizeof *d, sync_delta_cmp);
	best = xcalloc(ix->ndeltas, sizeof *best);
	prev = xcalloc(ix->ndeltas, sizeof *prev);
	/* A predecessor ends where i starts, so it sorts before i. */
	for (i = 0; i < ix->ndeltas; i++) {
		best[i] = UINT64_MAX;
		prev[i] = SIZE_MAX;
		if (d[i]->from == start)
			best[i] = d[i]->size;
		for (j = 0; j < i; j++) {
			if (best[j] == UINT64_MAX || d[j]->serial != d[i]->from)
				continue;
			if (best[j] + d[i]->size < best[i]) {
				best[i] = best[j] + d[i]->size;
				prev[i] = j;
			}
		}
		if (best[i] != UINT64_MAX && d[i]->serial == ix->serial &&
		    (end == SIZE_MAX || best[i] < best[end]))
			end = i;
	}
	if (end != SIZE_MAX) {
		for (k = 0, i = end; i != SIZE_MAX; i = prev[i])
			k++;
		*chain = xcalloc(k, sizeof **chain);
		*n = k;
		for (i = end; i != SIZE_MAX; i = prev[i])
			(*chain)[--k] = d[i];
		*cost = best[end];
		found = 0;
	}
	free(best);
	free(prev);
	free(d);
	return found;
}

/* Chooses the objects to download: deltas if cheaper, else the snapshot. */
static enum net_status
sync_plan(struct sync *s, char **cause)
{
	struct feed_index		 *ix = &s->ix;
	const struct feed_object	**chain;
	size_t				  n;
	uint64_t			  cost;

	/*
	 * In a member-only feed this device holds the keys of serial since
	 * and later: deltas from before since - 1 are not for it.
	 */
	if (s->old.feed_id != NULL && s->old.serial >= 0 &&
	    (!ix->encrypted || s->old.serial + 1 >= s->since) &&
	    sync_chain(ix, s->old.serial, &chain, &n, &cost) == 0) {
		if (cost < ix->snapshot.size) {
			s->plan = chain;
			s->nplan = n;
			return NET_OK;
		}
		free(chain);
	}
	if (ix->encrypted && ix->snapshot.serial < s->since) {
		/* TRANSLATORS: two serials of the feed. */
		*cause = xasprintf(_("the snapshot (serial %lld) is older than "
		    "the first serial this device may read (%lld)"),
		    (long long)ix->snapshot.serial, (long long)s->since);
		return NET_ERR_KEYS;
	}
	if (sync_chain(ix, ix->snapshot.serial, &chain, &n, &cost) != 0) {
		*cause = xasprintf(_("no chain of deltas leads from the "
		    "snapshot (serial %lld) to serial %lld"),
		    (long long)ix->snapshot.serial, (long long)ix->serial);
		return NET_ERR_PLAN;
	}
	s->plan = xcalloc(n + 1, sizeof *s->plan);
	s->plan[0] = &ix->snapshot;
	if (n > 0)
		memcpy(s->plan + 1, chain, n * sizeof *chain);
	s->nplan = n + 1;
	free(chain);
	return NET_OK;
}

static enum net_status
sync_download(struct sync *s, char **cause)
{
	const char	*dir = s->dir;
	enum net_status	 status;
	char		*url;
	uint64_t	 got;
	size_t		 i;
	int		 kept;

	s->tmp = xcalloc(s->nplan, sizeof *s->tmp);
	s->progress.phase = NET_PHASE_OBJECT;
	s->progress.nobjects = (unsigned)s->nplan;
	for (i = 0; i < s->nplan; i++) {
		s->progress.object = (unsigned)i + 1;
		s->progress.bytes = 0;
		s->progress.total = s->plan[i]->size;
		s->progress.records = 0;
		sync_progress(s);
		url = xasprintf("%s%s", s->base, s->plan[i]->path);
		s->tmp[i] = xasprintf("%s/download-%s.part", dir,
		    s->plan[i]->sha256);
		status = net_fetch_object(&s->fetch, url, s->plan[i],
		    s->tmp[i], sync_object_progress, s, &got, &kept, cause);
		free(url);
		s->result->bytes += got;
		if (status != NET_OK) {
			/* Removed by net_fetch_object, or kept to resume. */
			free(s->tmp[i]);
			s->tmp[i] = NULL;
			s->keep_downloads = kept;
			return status;
		}
		s->result->nobjects++;
	}
	return NET_OK;
}

/* Checks an object's header against what the index promised. */
static enum net_status
sync_check_header(struct sync *s, const struct feed_object *obj,
    const char *line, size_t len, char **cause)
{
	struct feed_header	 h;
	enum net_status		 status;
	const char		*kind = obj->from < 0 ? "snapshot" : "delta";
	char			*why = NULL;

	if ((status = feed_header_parse(line, len, &h, &why)) != NET_OK) {
		*cause = xasprintf(_("%s line %llu: %s"), obj->path, 1ULL, why);
		free(why);
		return status;
	}
	/*
	 * TRANSLATORS: an object of the feed, what its header says, what
	 * index.json says. feed_id, kind, from and serial are the header's
	 * fields, snapshot and delta their values: keep them.
	 */
	status = NET_ERR_HEADER;
	if (strcmp(h.feed_id, s->ix.feed_id) != 0)
		*cause = xasprintf(_("%s: the header has feed_id \"%s\", the "
		    "index says \"%s\""), obj->path, h.feed_id,
		    s->ix.feed_id);
	else if (strcmp(h.kind, kind) != 0)
		*cause = xasprintf(_("%s: the header has kind \"%s\", the "
		    "index says \"%s\""), obj->path, h.kind, kind);
	else if (h.from != obj->from)
		*cause = xasprintf(_("%s: the header has from %lld, the index "
		    "says %lld"), obj->path, (long long)h.from,
		    (long long)obj->from);
	else if (h.serial != obj->serial)
		*cause = xasprintf(_("%s: the header has serial %lld, the "
		    "index says %lld"), obj->path, (long long)h.serial,
		    (long long)obj->serial);
	else
		status = NET_OK;
	feed_header_clear(&h);
	return status;
}

static enum net_status
sync_cache_status(enum cache_status cs)
{
	switch (cs) {
	case CACHE_OK:
		return NET_OK;
	case CACHE_ERR_REFERENCE:
	case CACHE_ERR_INVALID:
		return NET_ERR_DATA;
	default:
		return NET_ERR_CACHE;
	}
}

/*
 * Applies one downloaded object, record by record, as a second thread
 * reads and parses the records that follow (records.c).
 */
static enum net_status
sync_apply_object(struct sync *s, size_t idx, char **cause)
{
	const struct feed_object	*obj = s->plan[idx];
	struct records			*rs = NULL;
	struct records_seal		 seal, *sp = NULL;
	struct record			 rec;
	struct buf			 header;
	enum net_status			 status;
	enum cache_status		 cs;
	uint8_t				*key = NULL, *ad = NULL;
	char				*why = NULL;
	uint64_t			 lineno, n = 0;
	int				 snapshot = obj->from < 0;

	s->progress.phase = NET_PHASE_APPLY;
	s->progress.object = (unsigned)idx + 1;
	s->progress.bytes = s->progress.total = obj->size;
	s->progress.records = 0;
	sync_progress(s);

	if (s->ix.encrypted) {
		/* The serial's key from since's, then the object's. */
		if ((key = sodium_malloc(64)) == NULL)
			abort();
		memcpy(key, s->serial_key, 32);
		if (feed_serial_key(key, s->since, obj->serial) != 0) {
			sodium_free(key);
			/* TRANSLATORS: an object's path, its serial. */
			*cause = xasprintf(_("%s: serial %lld is outside this "
			    "device's keys"), obj->path,
			    (long long)obj->serial);
			return NET_ERR_KEYS;
		}
		feed_object_key(key, obj, key + 32);
		seal.key = key + 32;
		seal.ad = ad = feed_object_ad(s->ix.feed_id, obj,
		    s->ix.members.epoch, &seal.adlen);
		sp = &seal;
	}
	buf_init(&header);
	status = records_open(&rs, s->tmp[idx], obj->path, snapshot, sp,
	    &header, cause);
	if (key != NULL)
		sodium_free(key);	/* the stream holds its own copy */
	free(ad);
	if (status == NET_OK)
		status = sync_check_header(s, obj, header.data, header.len,
		    cause);
	buf_free(&header);
	if (status != NET_OK)
		goto out;
	if (snapshot &&
	    (cs = cache_apply_snapshot(s->cache, &why)) != CACHE_OK) {
		*cause = xasprintf("%s", why != NULL ? why : cache_strerror(cs));
		free(why);
		status = sync_cache_status(cs);
		goto out;
	}
	while (records_next(rs, &rec, &lineno, &status, cause)) {
		cs = cache_apply_record(s->cache, &rec, &why);
		record_clear(&rec);
		if (cs != CACHE_OK) {
			*cause = xasprintf(_("%s line %llu: %s"), obj->path,
			    (unsigned long long)lineno,
			    why != NULL ? why : cache_strerror(cs));
			free(why);
			status = sync_cache_status(cs);
			goto out;
		}
		if (++n % SYNC_APPLY_STEP == 0) {
			s->progress.records = n;
			sync_progress(s);
		}
	}
	if (status == NET_OK) {
		s->progress.records = records_lines(rs);
		sync_progress(s);
	}
out:
	records_close(rs);
	return status;
}

/* Applies every object and the new state in one transaction. */
static enum net_status
sync_apply(struct sync *s, char **cause)
{
	struct cache_state	 st;
	enum cache_status	 cs;
	enum net_status		 status;
	char			*why = NULL, epoch[33];
	size_t			 i;

	if ((cs = cache_apply_begin(s->cache, &why)) != CACHE_OK) {
		*cause = xasprintf("%s", why != NULL ? why : cache_strerror(cs));
		free(why);
		return NET_ERR_CACHE;
	}
	s->began = 1;
	for (i = 0; i < s->nplan; i++) {
		if ((status = sync_apply_object(s, i, cause)) != NET_OK)
			return status;
	}
	memset(&st, 0, sizeof st);
	if (s->result->not_modified) {
		/* The index in force stays; a 304 may renew the validators. */
		st.feed_id = s->old.feed_id;
		st.serial = s->old.serial;
		st.issued = s->old.issued;
		st.expires = s->old.expires;
		st.etag = s->info.etag != NULL ? s->info.etag : s->old.etag;
		st.last_modified = s->info.last_modified != NULL ?
		    s->info.last_modified : s->old.last_modified;
		st.members_epoch = s->old.members_epoch;
		st.last_result = "ok: not modified";
		st.reports_url = s->old.reports_url;
	} else {
		st.feed_id = s->ix.feed_id;
		st.serial = s->ix.serial;
		st.issued = s->ix.issued;
		st.expires = s->ix.expires;
		st.etag = s->info.etag;
		st.last_modified = s->info.last_modified;
		st.last_result = s->nplan == 0 ? "ok: unchanged" : "ok";
		st.reports_url = s->ix.reports;
		if (s->ix.encrypted) {
			sodium_bin2hex(epoch, sizeof epoch,
			    s->ix.members.epoch, sizeof s->ix.members.epoch);
			st.members_epoch = epoch;
		}
	}
	s->reports = st.reports_url;
	st.feed_url = (char *)s->opts->feed;
	st.last_sync = s->now;
	st.last_success = s->now;
	/* The keys a signed index vouched for, with the data. */
	if (s->have_rows && (cs = cache_apply_signing_keys(s->cache, s->rows,
	    s->nrows, &why)) != CACHE_OK) {
		*cause = xasprintf("%s", why != NULL ? why : cache_strerror(cs));
		free(why);
		return NET_ERR_CACHE;
	}
	cs = cache_apply_commit(s->cache, &st, &s->result->changes, &why);
	if (cs != CACHE_OK) {
		*cause = xasprintf("%s", why != NULL ? why : cache_strerror(cs));
		free(why);
		return sync_cache_status(cs);
	}
	s->began = 0;
	return NET_OK;
}

/*
 * index.json is unchanged on the server: nothing else is fetched, but the
 * index in force must still be in date.
 */
static enum net_status
sync_not_modified(struct sync *s, char **cause)
{
	time_t	expires;

	if (s->old.expires == NULL ||
	    feed_time_parse(s->old.expires, &expires) != 0 ||
	    expires <= s->now) {
		/* TRANSLATORS: a date, or "an unknown date". */
		*cause = xasprintf(_("index.json is unchanged on the server "
		    "(HTTP 304) and the cached index expired on %s"),
		    s->old.expires != NULL ? s->old.expires :
		    _("an unknown date"));
		return NET_ERR_EXPIRED;
	}
	s->result->new_serial = s->old.serial;
	s->result->unchanged = 1;
	s->result->expires = xstrdup(s->old.expires);
	return sync_apply(s, cause);
}

char *
net_index_tag(const void *data, size_t len)
{
	static const char	 hex[] = "0123456789abcdef";
	unsigned char		 d[crypto_hash_sha256_BYTES];
	char			 out[7 + 2 * crypto_hash_sha256_BYTES + 1];
	size_t			 i;

	crypto_hash_sha256(d, data != NULL ? data : (const void *)"", len);
	memcpy(out, "sha256:", 7);
	for (i = 0; i < sizeof d; i++) {
		out[7 + 2 * i] = hex[d[i] >> 4];
		out[7 + 2 * i + 1] = hex[d[i] & 0xf];
	}
	out[sizeof out - 1] = '\0';
	return xstrdup(out);
}

/* Removes downloads of earlier syncs left to resume (after a success). */
static void
sync_clean_downloads(struct sync *s)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		*path;
	size_t		 len;

	if (s->opts->tmp_dir == NULL || *s->opts->tmp_dir == '\0')
		return;		/* a shared directory: not ours to sweep */
	if ((d = opendir(s->dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (strncmp(de->d_name, "download-", 9) != 0 || len < 14 ||
		    strcmp(de->d_name + len - 5, ".part") != 0)
			continue;
		path = xasprintf("%s/%s", s->dir, de->d_name);
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid())
			unlink(path);
		free(path);
	}
	closedir(d);
}

static enum net_status
sync_run(struct sync *s, char **cause)
{
	enum net_status	 status;
	char		*note;

	if ((status = net_feed_base_url(s->opts->feed, &s->base,
	    cause)) != NET_OK)
		return status;
	if ((status = sync_keys(s, cause)) != NET_OK)
		return status;
	if ((status = sync_transport(s, cause)) != NET_OK)
		return status;
	if ((status = sync_read_state(s, cause)) != NET_OK)
		return status;
	if ((status = sync_fetch_index(s, cause)) != NET_OK)
		return status;
	if (s->result->not_modified)
		return sync_not_modified(s, cause);
	if ((status = sync_check_index(s, cause)) != NET_OK)
		return status;
	if ((status = sync_trust(s, cause)) != NET_OK)
		return status;
	s->result->new_serial = s->ix.serial;
	s->result->expires = xstrdup(s->ix.expires);
	s->result->encrypted = s->ix.encrypted;
	if (s->old.feed_id != NULL && s->ix.serial == s->old.serial) {
		/*
		 * Nothing to download; the state is still written (in an
		 * empty transaction) so a re-signed index with a later
		 * expiry is taken into account.
		 */
		s->result->unchanged = 1;
		return sync_apply(s, cause);
	}
	if (s->ix.encrypted && (status = sync_members(s, cause)) != NET_OK)
		return status;
	if ((status = sync_plan(s, cause)) != NET_OK)
		return status;
	if ((status = sync_download(s, cause)) != NET_OK)
		return status;
	if ((status = sync_apply(s, cause)) != NET_OK)
		return status;
	sync_clean_downloads(s);
	note = net_note_ok(&s->result->changes);
	cache_state_note(s->cache, s->now, note);	/* best effort */
	free(note);
	return NET_OK;
}

/*
 * The flags go with the feed's TLS settings and credentials; a local
 * feed has no credentials, so only its CA file (checked here, as the
 * transport checks it for an https feed) goes with them.
 */
static void
sync_send_reports(struct sync *s)
{
	struct net_fetch_config	 cfg = s->fetch;
	char			*why = NULL;

	if (strncmp(s->base, "file://", 7) == 0 && s->opts->ca_file != NULL) {
		if (sync_check_file("ca_file", s->opts->ca_file, &why) ==
		    NET_OK)
			cfg.ca_file = s->opts->ca_file;
	}
	net_reports_send(s->cache, &cfg, s->base, s->reports, why, s->now,
	    s->result);
	free(why);
}

/*
 * One sync at a time per data directory: downloads are named by their
 * hash there, so two syncs would write and read each other's files. The
 * directory itself is locked, so no lock file is left behind. Returns
 * the descriptor holding the lock, or -1 with *cause set.
 */
static int
sync_lock(const char *dir, char **cause)
{
	int	fd;

	if ((fd = file_lock(dir)) >= 0)
		return fd;
	if (errno == EWOULDBLOCK)
		/* TRANSLATORS: %s is globe's data directory. */
		*cause = xasprintf(_("the cache is locked by another globe "
		    "sync (in %s); try again when it has finished"), dir);
	else
		*cause = xasprintf(_("cannot lock %s: %s"), dir,
		    strerror(errno));
	return -1;
}

enum net_status
net_sync(struct cache *cache, const struct net_options *opts,
    net_progress_cb cb, void *arg, struct net_result *result, char **cause)
{
	struct sync	 s;
	enum net_status	 status;
	char		*why = NULL, *note;
	size_t		 i;
	int		 lockfd;

	memset(result, 0, sizeof *result);
	result->old_serial = result->new_serial = -1;
	memset(&s, 0, sizeof s);
	s.cache = cache;
	s.opts = opts;
	s.cb = cb;
	s.cb_arg = arg;
	s.result = result;
	s.now = opts->now != 0 ? opts->now : time(NULL);
	s.dir = opts->tmp_dir;
	if (s.dir == NULL || *s.dir == '\0')
		s.dir = getenv("TMPDIR");
	if (s.dir == NULL || *s.dir == '\0')
		s.dir = "/tmp";
	buf_init(&s.index);

	lockfd = -1;
	if (opts->tmp_dir != NULL && *opts->tmp_dir != '\0' &&
	    (lockfd = sync_lock(s.dir, &why)) < 0)
		status = NET_ERR_CACHE;
	else
		status = sync_run(&s, &why);
	if (status == NET_OK)
		sync_send_reports(&s);
	if (status != NET_OK) {
		if (s.began)
			cache_apply_rollback(cache);
		/*
		 * In fixed English, as net_note_parse reads it back: the
		 * status's message, then the cause as the user read it.
		 */
		note = xasprintf("%s: %s", net_strerror_log(status),
		    why != NULL ? why : "");
		cache_state_note(cache, s.now, note);	/* best effort */
		free(note);
		free(result->expires);
		result->expires = NULL;
	}
	if (cause != NULL)
		*cause = why;
	else
		free(why);

	/*
	 * Downloads are removed, except after a cut-off transfer: then the
	 * partial one and those complete before it wait for the next sync.
	 */
	for (i = 0; s.tmp != NULL && i < s.nplan; i++) {
		if (s.tmp[i] != NULL) {
			if (status == NET_OK || !s.keep_downloads)
				unlink(s.tmp[i]);
			free(s.tmp[i]);
		}
	}
	if (lockfd >= 0)
		close(lockfd);	/* after the downloads are gone */
	net_fetch_share_free(s.fetch.share);	/* after the last transfer */
	net_token_free(s.token);
	free(s.tmp);
	free(s.plan);
	free(s.base);
	free(s.keys);
	free(s.key_of);
	net_trust_free(s.trusted, s.ntrusted);
	cache_signing_keys_free(s.rows, s.nrows);
	if (s.serial_key != NULL)
		sodium_free(s.serial_key);	/* wipes */
	buf_free(&s.index);
	net_fetch_info_clear(&s.info);
	feed_index_clear(&s.ix);
	if (s.have_old)
		cache_state_clear(&s.old);
	return status;
}
