/*
 * write.c: building and writing a feed. Reads and validates the directory
 * source with the client's own parser, rebuilds the state of the previous
 * serial from the feed in the output directory, and writes the next one:
 * a snapshot object, a delta object from the previous serial, index.json
 * and its signature, objects first so an index never names a missing
 * object. Only one canonical line, key and reference per record is held in
 * memory (sorted arrays), never a JSON tree of the whole directory.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <sodium.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/feed.h"
#include "publish/private.h"
#include "publish/publish.h"

#define PUB_ERRORS_SHOWN	10	/* source errors listed in the message */

#define PUBLISH_STATUS_MSG(code, msg, exit) msg,
static const char *const publish_messages[] = {
	PUBLISH_STATUS_LIST(PUBLISH_STATUS_MSG)
};
#undef PUBLISH_STATUS_MSG
#define PUBLISH_STATUS_EXIT(code, msg, exit) exit,
static const int publish_exits[] = { PUBLISH_STATUS_LIST(PUBLISH_STATUS_EXIT) };
#undef PUBLISH_STATUS_EXIT

const char *
publish_strerror(enum publish_status s)
{
	if ((size_t)s >= sizeof publish_messages / sizeof publish_messages[0])
		return _("unknown error");
	return _(publish_messages[s]);
}

int
publish_exit_code(enum publish_status s)
{
	if ((size_t)s >= sizeof publish_exits / sizeof publish_exits[0])
		return EXIT_ERROR;
	return publish_exits[s];
}

/*
 * One record as the publisher holds it. A tombstone (a delete line read
 * from a previous delta) has line == NULL.
 */
#define PUB_REFS_MAX	3	/* references of one record (a route's) */
struct pub_rec {
	int		 type;	/* enum record_type of the record (or deleted one) */
	char		*key;	/* code or id */
	char		*refs[PUB_REFS_MAX]; /* the values of its record_refs[]
					   fields, in that table's order (NULL:
					   none; only for a source's records) */
	char		*line;	/* canonical JSON, no newline */
	size_t		 seq;	/* source line number, or reading order */
};

struct pub_set {
	struct pub_rec	*v;
	size_t		 n;
	size_t		 cap;
};

/* Source errors, kept to sort them by line. */
struct pub_error {
	size_t		 lineno;
	char		*msg;
};

struct pub_errors {
	struct pub_error *v;
	size_t		 n;
	size_t		 cap;
	size_t		 total;
};

/*
 * An object being written: a temporary file, hashed as it is written;
 * sealed (compressed and encrypted) on the way when seal is set.
 */
struct pub_out {
	FILE				*fp;
	char				*tmp;
	crypto_hash_sha256_state	 h;
	uint64_t			 size;
	uint64_t			 plain;	/* bytes of lines written */
	int				 error;	/* errno of the first failure */
	struct feed_seal		*seal;
};

/* Adds a record; returns it, so its references can be filled. */
static struct pub_rec *
pub_set_add(struct pub_set *set, int type, char *key, char *line, size_t seq)
{
	struct pub_rec	*r;

	if (set->n == set->cap) {
		set->cap = set->cap == 0 ? 1024 : set->cap * 2;
		set->v = xreallocarray(set->v, set->cap, sizeof *set->v);
	}
	r = &set->v[set->n++];
	memset(r, 0, sizeof *r);
	r->type = type;
	r->key = key;
	r->line = line;
	r->seq = seq;
	return r;
}

static void
pub_rec_free(struct pub_rec *r)
{
	size_t	i;

	free(r->key);
	for (i = 0; i < PUB_REFS_MAX; i++)
		free(r->refs[i]);
	free(r->line);
	memset(r, 0, sizeof *r);
}

static void
pub_set_free(struct pub_set *set)
{
	size_t	i;

	for (i = 0; i < set->n; i++)
		pub_rec_free(&set->v[i]);
	free(set->v);
	memset(set, 0, sizeof *set);
}

/* Type order, then key (bytewise), then reading order. */
static int
pub_rec_cmp(const void *a, const void *b)
{
	const struct pub_rec	*ra = a, *rb = b;
	int			 c;

	if (ra->type != rb->type)
		return ra->type < rb->type ? -1 : 1;
	if ((c = strcmp(ra->key, rb->key)) != 0)
		return c;
	if (ra->seq != rb->seq)
		return ra->seq < rb->seq ? -1 : 1;
	return 0;
}

static void
pub_set_sort(struct pub_set *set)
{
	if (set->n > 1)
		qsort(set->v, set->n, sizeof *set->v, pub_rec_cmp);
}

/* The record of type and key in a sorted set, or NULL. */
static const struct pub_rec *
pub_set_find(const struct pub_set *set, int type, const char *key)
{
	size_t	lo = 0, hi = set->n, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = set->v[mid].type != type ?
		    (set->v[mid].type < type ? -1 : 1) :
		    strcmp(set->v[mid].key, key);
		if (c == 0)
			return &set->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * Keeps the last of each (type, key) in a sorted set, and drops it if it
 * is a tombstone: the state after a snapshot and its deltas.
 */
static void
pub_set_collapse(struct pub_set *set)
{
	size_t	i, j = 0;

	for (i = 0; i < set->n; i++) {
		if ((i + 1 < set->n && set->v[i + 1].type == set->v[i].type &&
		    strcmp(set->v[i + 1].key, set->v[i].key) == 0) ||
		    set->v[i].line == NULL) {
			pub_rec_free(&set->v[i]);
			continue;
		}
		set->v[j++] = set->v[i];
	}
	set->n = j;
}

static void
pub_errors_add(struct pub_errors *e, size_t lineno, char *msg)
{
	e->total++;
	if (e->n == e->cap) {
		e->cap = e->cap == 0 ? 16 : e->cap * 2;
		e->v = xreallocarray(e->v, e->cap, sizeof *e->v);
	}
	e->v[e->n].lineno = lineno;
	e->v[e->n].msg = msg;
	e->n++;
}

static int
pub_error_cmp(const void *a, const void *b)
{
	const struct pub_error	*ea = a, *eb = b;

	if (ea->lineno != eb->lineno)
		return ea->lineno < eb->lineno ? -1 : 1;
	return strcmp(ea->msg, eb->msg);
}

/* One message for all errors: the first few by line, then a count. */
static char *
pub_errors_message(struct pub_errors *e)
{
	struct buf	b;
	size_t		i;

	qsort(e->v, e->n, sizeof *e->v, pub_error_cmp);
	buf_init(&b);
	for (i = 0; i < e->n && i < PUB_ERRORS_SHOWN; i++)
		buf_addf(&b, "%s%s", i > 0 ? "\n" : "", e->v[i].msg);
	if (e->total > i) {
		buf_addc(&b, '\n');
		/* TRANSLATORS: under the first errors in a source: the rest. */
		buf_addf(&b, P_("(and %zu more error)", "(and %zu more errors)",
		    e->total - i), e->total - i);
	}
	return buf_detach(&b);
}

static void
pub_errors_free(struct pub_errors *e)
{
	size_t	i;

	for (i = 0; i < e->n; i++)
		free(e->v[i].msg);
	free(e->v);
	memset(e, 0, sizeof *e);
}

static int
pub_blank(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	}
	return 1;
}

/* Copies the values of rec's reference fields into r->refs. */
static void
pub_refs_set(struct pub_rec *r, const struct record *rec)
{
	const char	*v;
	size_t		 k, j = 0;

	for (k = 0; k < record_nrefs && j < PUB_REFS_MAX; k++) {
		if (record_refs[k].type != rec->type)
			continue;
		v = rec->v[record_refs[k].field].s;
		r->refs[j++] = v != NULL ? xstrdup(v) : NULL;
	}
}

/*
 * Checks every reference of a sorted set's records, adding an error for
 * each that names nothing, and for a route whose contact works for
 * another authority: the rules the client checks at commit.
 */
static void
pub_refs_check(const struct pub_set *set, const char *path,
    struct pub_errors *errs)
{
	const struct record_type_info	*ti;
	const struct pub_rec		*r, *target, *contact;
	const char			*v;
	size_t				 i, k, j;

	for (i = 0; i < set->n; i++) {
		r = &set->v[i];
		ti = &record_types[r->type];
		for (k = 0, j = 0; k < record_nrefs && j < PUB_REFS_MAX; k++) {
			if ((int)record_refs[k].type != r->type)
				continue;
			if ((v = r->refs[j++]) == NULL)
				continue;
			target = pub_set_find(set, record_refs[k].target, v);
			if (target == NULL)
				/*
				 * TRANSLATORS: FILE:LINE:, the record's type
				 * and id, the field naming another record,
				 * that record's type, the id not found. The
				 * types and field are the feed's words.
				 */
				pub_errors_add(errs, r->seq, xasprintf(
				    _("%s:%zu: %s %s: field '%s': no %s '%s'"),
				    path, r->seq, ti->name, r->key,
				    ti->fields[record_refs[k].field].name,
				    record_types[record_refs[k].target].name,
				    v));
		}
		/* refs of a route: country, authority, contact. */
		if (r->type != REC_ROUTE || r->refs[2] == NULL ||
		    r->refs[1] == NULL ||
		    (contact = pub_set_find(set, REC_CONTACT,
		    r->refs[2])) == NULL || contact->refs[0] == NULL ||
		    strcmp(contact->refs[0], r->refs[1]) == 0)
			continue;
		/*
		 * TRANSLATORS: FILE:LINE:, a route's id, its contact's id,
		 * the authority the contact works for, the route's. route,
		 * contact, authority are the feed's words: keep them.
		 */
		pub_errors_add(errs, r->seq, xasprintf(_("%s:%zu: route %s: "
		    "field 'contact': contact '%s' works for authority '%s', "
		    "not for the route's '%s'"), path, r->seq, r->key,
		    r->refs[2], contact->refs[0], r->refs[1]));
	}
}

/* The "type" of a line feed_record_parse did not know (sanitized; caller frees). */
static char *
pub_type_name(const char *line, size_t len)
{
	json_t		*root;
	const char	*s;
	char		*out;

	root = json_loadb(line, len, 0, NULL);
	s = json_string_value(json_object_get(root, "type"));
	out = sanitize(s != NULL ? s : "?", SANITIZE_LINE);
	json_decref(root);
	return out;
}

/*
 * Reads the source into set, sorted. Each line goes through the client's
 * parser; then duplicate keys and references are checked over the whole
 * set. Blank lines are ignored.
 */
static enum publish_status
pub_source_load(const char *path, struct pub_set *set, char **cause)
{
	struct pub_errors	 errs;
	struct record		 rec;
	struct pub_rec		*added;
	FILE			*fp;
	char			*line = NULL, *p, *why, *name, *out;
	size_t			 cap = 0, lineno = 0, i, first;
	ssize_t			 len;

	memset(&errs, 0, sizeof errs);
	if ((fp = fopen(path, "r")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return PUBLISH_ERR;
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		p = line;
		if (lineno == 1 && len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
			p += 3;		/* a byte order mark, as some exports add */
			len -= 3;
		}
		if (pub_blank(p, (size_t)len))
			continue;
		why = NULL;
		if (feed_record_parse(p, (size_t)len, &rec, &why) != NET_OK) {
			if (errs.n < PUB_ERRORS_SHOWN)
				pub_errors_add(&errs, lineno, xasprintf(
				    "%s:%zu: %s", path, lineno, why));
			else
				errs.total++;
			free(why);
			continue;
		}
		if ((int)rec.type == -1 || rec.type == REC_DELETE) {
			/*
			 * The parser skips a delete of a type it does not
			 * know: a delete line all the same.
			 */
			name = (int)rec.type == -1 ?
			    pub_type_name(p, (size_t)len) : xstrdup("delete");
			if (errs.n >= PUB_ERRORS_SHOWN)
				errs.total++;
			else if (strcmp(name, "delete") != 0) {
				/*
				 * TRANSLATORS: FILE:LINE: as a compiler says
				 * where; the type the line has. country,
				 * authority, contact and newsletter are the
				 * feed's types: keep them.
				 */
				pub_errors_add(&errs, lineno, xasprintf(
				    _("%s:%zu: unknown record type '%s' (a "
				    "source holds country, authority, contact, "
				    "newsletter and route records only)"), path,
				    lineno, name));
			} else
				/*
				 * TRANSLATORS: FILE:LINE:; delete is the
				 * feed's word for the line: keep it.
				 */
				pub_errors_add(&errs, lineno, xasprintf(
				    _("%s:%zu: delete lines are not allowed in "
				    "a source (leave the record out; the delta "
				    "deletes it)"), path, lineno));
			free(name);
			record_clear(&rec);
			continue;
		}
		out = feed_record_json(&rec);
		/* Escaping can make the feed's line longer than the source's. */
		if (strlen(out) >= FEED_LINE_MAX) {
			if (errs.n < PUB_ERRORS_SHOWN)
				/*
				 * TRANSLATORS: FILE:LINE:, the line's bytes
				 * in the feed, the most a client accepts.
				 */
				pub_errors_add(&errs, lineno, xasprintf(
				    _("%s:%zu: %zu bytes as the feed writes "
				    "it, more than the %d of a line a client "
				    "accepts"), path, lineno, strlen(out) + 1,
				    FEED_LINE_MAX));
			else
				errs.total++;
			free(out);
			record_clear(&rec);
			continue;
		}
		added = pub_set_add(set, rec.type, xstrdup(record_key(&rec)),
		    out, lineno);
		pub_refs_set(added, &rec);
		record_clear(&rec);
	}
	free(line);
	if (ferror(fp)) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		fclose(fp);
		pub_errors_free(&errs);
		return PUBLISH_ERR;
	}
	fclose(fp);
	if (errs.total > 0)
		goto invalid;	/* references make no sense over a partial set */
	if (set->n > FEED_RECORDS_MAX) {
		/*
		 * TRANSLATORS: the source, its records (the form follows
		 * them), the most a client accepts in one object.
		 */
		*cause = xasprintf(P_("%s: %zu record, more than the %d a "
		    "client accepts in one object", "%s: %zu records, more "
		    "than the %d a client accepts in one object", set->n),
		    path, set->n, FEED_RECORDS_MAX);
		pub_errors_free(&errs);
		return PUBLISH_ERR_SOURCE;
	}

	pub_set_sort(set);
	first = 0;
	for (i = 1; i < set->n; i++) {
		if (set->v[i].type != set->v[first].type ||
		    strcmp(set->v[i].key, set->v[first].key) != 0) {
			first = i;
			continue;
		}
		/*
		 * TRANSLATORS: FILE:LINE:, a type of record and its key
		 * field as the feed names them (contact id: keep them), the
		 * key, the line it was first seen at.
		 */
		pub_errors_add(&errs, set->v[i].seq, xasprintf(
		    _("%s:%zu: duplicate %s %s '%s' (first at line %zu)"),
		    path, set->v[i].seq, record_types[set->v[i].type].name,
		    record_types[set->v[i].type].key, set->v[i].key,
		    set->v[first].seq));
	}
	pub_refs_check(set, path, &errs);
	if (errs.total == 0)
		return PUBLISH_OK;

invalid:
	*cause = pub_errors_message(&errs);
	pub_errors_free(&errs);
	return PUBLISH_ERR_SOURCE;
}

static int	pub_object_check(const char *, const struct feed_object *,
		    char **);

/*
 * Opens an object of the previous feed to read its lines: a plain one as
 * it is (its size and hash are checked as it is read), an encrypted one
 * checked whole first, then through its seal with the key of the epoch
 * prev (NULL: this signing key cannot open it). NULL with *why.
 */
static FILE *
pub_object_open(const char *dir, const char *path,
    const struct feed_object *obj, const struct feed_index *old,
    const struct feed_epoch *prev, char **why)
{
	struct feed_unseal	*u;
	uint8_t			 key[32], *ad;
	size_t			 adlen;
	char			*cause = NULL;
	FILE			*fp;

	if (!old->encrypted) {
		if ((fp = fopen(path, "re")) == NULL)
			*why = obj->from >= 0 ? xasprintf(_("cannot read the "
			    "previous delta: %s"), strerror(errno)) :
			    xasprintf(_("cannot read the previous snapshot: "
			    "%s"), strerror(errno));
		return fp;
	}
	if (prev == NULL || pub_members_object_key(prev,
	    old->members.since, obj, key) != 0) {
		*why = xstrdup(_("it is encrypted with keys this signing "
		    "key cannot derive"));
		return NULL;
	}
	if (pub_object_check(dir, obj, &cause) != 1) {
		*why = cause != NULL ? cause : xstrdup(_("it is missing"));
		sodium_memzero(key, sizeof key);
		return NULL;
	}
	ad = feed_object_ad(old->feed_id, obj, old->members.epoch, &adlen);
	fp = feed_unseal_open(path, key, ad, adlen, &u);
	sodium_memzero(key, sizeof key);
	free(ad);
	if (fp == NULL)
		*why = xasprintf(_("cannot read it: %s"), strerror(errno));
	return fp;
}

/*
 * Reads one object of the previous feed into set (tombstones for delete
 * lines), checking its size, hash and header against the index.
 */
static enum publish_status
pub_object_load(const char *dir, const struct feed_object *obj,
    const struct feed_index *old, const struct feed_epoch *prev,
    struct pub_set *set, size_t *seq, char **cause)
{
	crypto_hash_sha256_state	 h;
	struct feed_header		 hdr;
	struct record			 rec;
	unsigned char			 digest[crypto_hash_sha256_BYTES];
	char				 hex[65];
	FILE				*fp;
	char				*path, *line = NULL, *why = NULL;
	const char			*feed_id = old->feed_id;
	size_t				 cap = 0, lineno = 0;
	ssize_t				 len;
	uint64_t			 size = 0;
	int				 of, delta = obj->from >= 0;

	path = xasprintf("%s/%s", dir, obj->path);
	if ((fp = pub_object_open(dir, path, obj, old, prev, &why)) == NULL)
		goto fail;
	crypto_hash_sha256_init(&h);
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		size += (uint64_t)len;
		crypto_hash_sha256_update(&h, (unsigned char *)line,
		    (unsigned long long)len);
		if (lineno == 1) {
			if (feed_header_parse(line, (size_t)len, &hdr,
			    &why) != NET_OK)
				goto fail;
			if (strcmp(hdr.feed_id, feed_id) != 0 ||
			    strcmp(hdr.kind, delta ? "delta" : "snapshot") != 0 ||
			    hdr.serial != obj->serial || hdr.from != obj->from)
				why = xstrdup(_("its header does not match the "
				    "index"));
			feed_header_clear(&hdr);
			if (why != NULL)
				goto fail;
			continue;
		}
		if (feed_record_parse(line, (size_t)len, &rec, &why) != NET_OK) {
			/* TRANSLATORS: a line of an object, what is wrong. */
			char *w = xasprintf(_("line %zu: %s"), lineno, why);

			free(why);
			why = w;
			goto fail;
		}
		if ((int)rec.type == -1)
			continue;	/* a later format's type: not ours */
		if (rec.type == REC_DELETE) {
			of = record_type_from_name(rec.v[DELETE_OF].s);
			if (!delta) {
				record_clear(&rec);
				why = xasprintf(_("line %zu: a delete line in "
				    "a snapshot"), lineno);
				goto fail;
			}
			pub_set_add(set, of, xstrdup(rec.v[DELETE_ID].s), NULL,
			    (*seq)++);
		} else
			pub_set_add(set, rec.type, xstrdup(record_key(&rec)),
			    feed_record_json(&rec), (*seq)++);
		record_clear(&rec);
	}
	if (ferror(fp)) {
		why = xstrdup(strerror(errno));
		goto fail;
	}
	crypto_hash_sha256_final(&h, digest);
	sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
	/* An encrypted object's bytes were checked before it was opened. */
	if (!old->encrypted && (size != obj->size ||
	    strcmp(hex, obj->sha256) != 0)) {
		why = xstrdup(_("it does not match its size or sha256 in "
		    "index.json"));
		goto fail;
	}
	if (lineno == 0) {
		why = xstrdup(_("it is empty"));
		goto fail;
	}
	fclose(fp);
	free(line);
	free(path);
	return PUBLISH_OK;

fail:
	if (fp != NULL)
		fclose(fp);
	free(line);
	/* TRANSLATORS: an object of the feed directory, what is wrong. */
	*cause = xasprintf(_("%s: %s (the feed directory is damaged; "
	    "publish into a new directory, or restore it)"), path, why);
	free(why);
	free(path);
	return PUBLISH_ERR_FEED;
}

/*
 * The directory at the previous index's serial: its snapshot, then the
 * chain of deltas from the snapshot's serial to the index's; prev opens
 * an encrypted feed's objects.
 */
static enum publish_status
pub_previous_load(const char *dir, const struct feed_index *old,
    const struct feed_epoch *prev, struct pub_set *set, char **cause)
{
	enum publish_status	 st;
	int64_t			 at;
	size_t			 seq = 1, i;
	int			 found;

	st = pub_object_load(dir, &old->snapshot, old, prev, set, &seq, cause);
	if (st != PUBLISH_OK)
		return st;
	at = old->snapshot.serial;
	while (at < old->serial) {
		found = 0;
		for (i = 0; i < old->ndeltas; i++) {
			if (old->deltas[i].from != at)
				continue;
			st = pub_object_load(dir, &old->deltas[i], old, prev,
			    set, &seq, cause);
			if (st != PUBLISH_OK)
				return st;
			at = old->deltas[i].serial;
			found = 1;
			break;
		}
		if (!found) {
			/* TRANSLATORS: the feed directory; two serials. */
			*cause = xasprintf(_("%s/index.json: no delta leads "
			    "from the snapshot (serial %lld) to serial %lld"),
			    dir, (long long)old->snapshot.serial,
			    (long long)old->serial);
			return PUBLISH_ERR_FEED;
		}
	}
	pub_set_sort(set);
	pub_set_collapse(set);
	return PUBLISH_OK;
}

static int
pub_out_open(struct pub_out *o, const char *dir)
{
	char	*prefix;
	int	 fd, saved;

	memset(o, 0, sizeof *o);
	prefix = xasprintf("%s/.tmp-", dir);
	fd = file_temp_open(prefix, PUB_FILE_MODE, FILE_UMASK, &o->tmp);
	free(prefix);
	if (fd < 0)
		return -1;
	if ((o->fp = fdopen(fd, "w")) == NULL) {
		saved = errno;
		close(fd);
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		errno = saved;
		return -1;
	}
	crypto_hash_sha256_init(&o->h);
	return 0;
}

/* Writes bytes to the file as they are served, hashing them. */
static int
pub_out_raw(const void *data, size_t len, void *arg)
{
	struct pub_out	*o = arg;

	if (o->error != 0)
		return -1;
	if (fwrite(data, 1, len, o->fp) != len) {
		o->error = errno != 0 ? errno : EIO;
		return -1;
	}
	crypto_hash_sha256_update(&o->h, data, len);
	o->size += len;
	return 0;
}

/* From now on, what is written is sealed with key (a member-only feed). */
static void
pub_out_seal(struct pub_out *o, const uint8_t key[32], const uint8_t *ad,
    size_t adlen)
{
	o->seal = feed_seal_new(key, ad, adlen, pub_out_raw, o);
}

/* Writes one line and its "\n". */
static void
pub_out_line(struct pub_out *o, const char *line)
{
	size_t	len = strlen(line);

	if (o->error != 0)
		return;
	o->plain += len + 1;
	if (o->seal != NULL) {
		if ((feed_seal_add(o->seal, line, len) != 0 ||
		    feed_seal_add(o->seal, "\n", 1) != 0) && o->error == 0)
			o->error = ENOMEM;
		return;
	}
	if (pub_out_raw(line, len, o) == 0)
		pub_out_raw("\n", 1, o);
}

/* Flushes and closes the temporary file and describes it in obj. */
static int
pub_out_finish(struct pub_out *o, struct feed_object *obj)
{
	unsigned char	digest[crypto_hash_sha256_BYTES];
	FILE		*fp = o->fp;
	int		 sealed = o->seal != NULL;

	if (o->seal != NULL) {
		if (feed_seal_end(o->seal) != 0 && o->error == 0)
			o->error = ENOMEM;
		feed_seal_free(o->seal);
		o->seal = NULL;
	}
	o->fp = NULL;
	if (o->error == 0 && (fflush(fp) != 0 || fsync(fileno(fp)) != 0))
		o->error = errno;
	if (fclose(fp) != 0 && o->error == 0)
		o->error = errno;
	if (o->error != 0) {
		errno = o->error;
		return -1;
	}
	crypto_hash_sha256_final(&o->h, digest);
	sodium_bin2hex(obj->sha256, sizeof obj->sha256, digest, sizeof digest);
	obj->size = o->size;
	free(obj->path);
	obj->path = xasprintf("objects/%s%s", obj->sha256, sealed ? ".enc" :
	    ".jsonl");
	return 0;
}

/* Gives the temporary file its name; an existing object is left alone. */
static int
pub_out_commit(struct pub_out *o, const char *dir,
    const struct feed_object *obj)
{
	struct stat	 sb;
	char		*path;
	int		 rc = 0, saved;

	path = xasprintf("%s/%s", dir, obj->path);
	if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (uint64_t)sb.st_size == obj->size)
		unlink(o->tmp);		/* content-addressed: the same bytes */
	else if (rename(o->tmp, path) != 0) {
		rc = -1;
		saved = errno;
		unlink(o->tmp);
		errno = saved;
	}
	free(path);
	free(o->tmp);
	o->tmp = NULL;
	return rc;
}

static void
pub_out_abort(struct pub_out *o)
{
	feed_seal_free(o->seal);
	o->seal = NULL;
	if (o->fp != NULL)
		fclose(o->fp);
	o->fp = NULL;
	if (o->tmp != NULL)
		unlink(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
}

/* An object's header line. Caller frees. */
static char *
pub_header(const char *feed_id, const char *kind, int64_t from,
    int64_t serial)
{
	json_t	*o;
	char	*s, *out;

	o = json_object();
	json_object_set_new(o, "format", json_string("globe-feed/1"));
	json_object_set_new(o, "feed_id", json_string(feed_id));
	json_object_set_new(o, "kind", json_string(kind));
	if (from >= 0)
		json_object_set_new(o, "from", json_integer(from));
	json_object_set_new(o, "serial", json_integer(serial));
	s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	out = xstrdup(s != NULL ? s : "{}");
	free(s);
	return out;
}

static void
pub_delete_line(struct pub_out *o, int type, const char *key)
{
	struct record	 rec;
	char		*line;

	memset(&rec, 0, sizeof rec);
	rec.type = REC_DELETE;
	record_set(&rec, DELETE_OF, record_types[type].name);
	record_set(&rec, DELETE_ID, key);
	line = feed_record_json(&rec);
	pub_out_line(o, line);
	free(line);
	record_clear(&rec);
}

/*
 * What changed from the previous serial to the source, the records
 * borrowed from the two sets: new and changed records in the source's
 * (type) order, then the vanished ones in reverse type order
 * (newsletters first), so a reader applying the delta line by line never
 * drops a country before the authorities that name it.
 */
struct pub_diff {
	const struct pub_rec	**upserts;
	size_t			  nupserts;
	const struct pub_rec	**deletes;
	size_t			  ndeletes;
};

static void
pub_diff_free(struct pub_diff *d)
{
	free(d->upserts);
	free(d->deletes);
	memset(d, 0, sizeof *d);
}

/* Writes the delta's record lines: the upserts, then the deletes. */
static void
pub_delta_write(struct pub_out *o, const struct pub_diff *d)
{
	size_t	i;

	for (i = 0; i < d->nupserts; i++)
		pub_out_line(o, d->upserts[i]->line);
	for (i = 0; i < d->ndeletes; i++)
		pub_delete_line(o, d->deletes[i]->type, d->deletes[i]->key);
}

char *
publish_trusted_comment(time_t t, const char *path)
{
	const char	*base = strrchr(path, '/');

	return xasprintf("timestamp:%lld\tfile:%s\thashed", (long long)t,
	    base != NULL ? base + 1 : path);
}

/* An object's file name: 64 hex digits and .jsonl, or .enc (encrypted). */
static int
pub_hex_name(const char *name)
{
	size_t	i;

	if (strlen(name) < 64 || (strcmp(name + 64, ".jsonl") != 0 &&
	    strcmp(name + 64, ".enc") != 0))
		return 0;
	for (i = 0; i < 64; i++) {
		if (!((name[i] >= '0' && name[i] <= '9') ||
		    (name[i] >= 'a' && name[i] <= 'f')))
			return 0;
	}
	return 1;
}

size_t
pub_prune_dir(const char *dir, int (*ours)(const char *),
    int (*kept)(const char *, const void *), const void *arg, int keep_days,
    time_t now)
{
	struct dirent	*de;
	struct stat	 sb;
	DIR		*d;
	char		*path;
	size_t		 removed = 0;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if ((!ours(de->d_name) && strncmp(de->d_name, ".tmp-",
		    5) != 0) || kept(de->d_name, arg))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    now - sb.st_mtime >= (time_t)keep_days * PUB_DAY &&
		    unlink(path) == 0)
			removed++;
		free(path);
	}
	closedir(d);
	return removed;
}

/* An object file the index ix lists. */
static int
pub_listed(const char *name, const void *arg)
{
	const struct feed_index	*ix = arg;
	size_t			 i;

	if (strcmp(ix->snapshot.path + 8, name) == 0)
		return 1;
	for (i = 0; i < ix->ndeltas; i++) {
		if (strcmp(ix->deltas[i].path + 8, name) == 0)
			return 1;
	}
	return 0;
}

/* A plaintext object's file name: 64 hex digits and .jsonl. */
static int
pub_plain_name(const char *name)
{
	return pub_hex_name(name) && strcmp(name + 64, ".jsonl") == 0;
}

/*
 * Deletes objects (and stale temporary files) that ix does not list and
 * that are older than keep_days: mirrors and clients that read the
 * previous index a moment ago still find what it named. An encrypted
 * feed keeps no plaintext object the grace period long: the serials of a
 * feed that was plain until now are deleted at once, with any stale
 * temporary file, so nothing served holds a record in the clear (a
 * client in the middle of a plain sync fails once and syncs again).
 */
static size_t
pub_prune(const char *dir, const struct feed_index *ix, int keep_days,
    time_t now)
{
	char	*objdir;
	size_t	 removed = 0;

	objdir = xasprintf("%s/objects", dir);
	if (ix->encrypted)
		removed = pub_prune_dir(objdir, pub_plain_name, pub_listed,
		    ix, 0, now);
	removed += pub_prune_dir(objdir, pub_hex_name, pub_listed, ix,
	    keep_days, now);
	free(objdir);
	return removed;
}

/*
 * Checks DIR/index.json.minisig over the exact bytes of the previous
 * index against the trusted keys: the signing key's own and any given.
 * Without a signing key and without given keys there is nothing to trust
 * and nothing is checked (an unsigned feed).
 */
static enum publish_status
pub_index_verify(const struct publish_options *o, const char *text,
    size_t len, char **cause)
{
	struct minisign_pubkey	*keys;
	size_t			 n = 0, siglen;
	char			*spath, *sig, *why = NULL;
	enum publish_status	 st = PUBLISH_OK;

	if (o->key == NULL && o->nprevious_keys == 0)
		return PUBLISH_OK;
	keys = xcalloc(o->nprevious_keys + 1, sizeof *keys);
	if (o->key != NULL) {
		memcpy(keys[n].id, o->key->id, sizeof keys[n].id);
		crypto_sign_ed25519_sk_to_pk(keys[n].pk, o->key->sk);
		n++;
	}
	memcpy(keys + n, o->previous_keys, o->nprevious_keys * sizeof *keys);
	n += o->nprevious_keys;
	spath = xasprintf("%s/index.json.minisig", o->out);
	sig = file_read_small(spath, FEED_SIG_MAX, &siglen);
	if (sig == NULL)
		why = xasprintf(_("cannot read %s: %s"), spath, errno == EFBIG ?
		    _("too large for a signature") : strerror(errno));
	else if (minisign_verify(keys, n, text, len, sig, siglen, &why) !=
	    NET_OK) {
		/* TRANSLATORS: the feed directory, why it does not verify. */
		char *w = xasprintf(_("%s/index.json does not verify: %s"),
		    o->out, why);

		free(why);
		why = w;
	}
	/*
	 * TRANSLATORS: what failed, then why it matters. --previous-key
	 * FILE.pub is an option: keep it.
	 */
	if (why != NULL && o->key != NULL)
		*cause = xasprintf(_("%s; the previous feed was not signed by "
		    "this key, so the directory was changed by someone without "
		    "the key or signed with another one. Nothing was "
		    "published: restore the directory from a copy you trust, "
		    "publish into a new directory, or name the key that "
		    "signed it with --previous-key FILE.pub"), why);
	else if (why != NULL)
		*cause = xasprintf(_("%s; the previous feed was not signed by "
		    "the --previous-key keys, so the directory was changed by "
		    "someone without the key or signed with another one. "
		    "Nothing was published: restore the directory from a copy "
		    "you trust, publish into a new directory, or name the key "
		    "that signed it with --previous-key FILE.pub"), why);
	if (why != NULL) {
		free(why);
		st = PUBLISH_ERR_FEED;
	}
	free(sig);
	free(spath);
	sodium_memzero(keys, (o->nprevious_keys + 1) * sizeof *keys);
	free(keys);
	return st;
}

/*
 * Reads DIR/index.json if there is one and checks its signature: 1, 0 if
 * none, -1 on error (*st says which).
 */
static int
pub_index_read(const struct publish_options *o, struct feed_index *ix,
    enum publish_status *st, char **cause)
{
	const char	*dir = o->out;
	char		*path, *text, *why = NULL;
	size_t		 len;

	*st = PUBLISH_ERR_FEED;

	path = xasprintf("%s/index.json", dir);
	text = file_read_small(path, FEED_INDEX_MAX, &len);
	if (text == NULL) {
		if (errno == ENOENT) {
			free(path);
			return 0;
		}
		*cause = xasprintf("%s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	if ((*st = pub_index_verify(o, text, len, cause)) != PUBLISH_OK) {
		free(text);
		free(path);
		return -1;
	}
	if (feed_index_parse(text, len, ix, &why) != NET_OK) {
		*cause = xasprintf("%s: %s", dir, why);
		*st = PUBLISH_ERR_FEED;
		free(why);
		free(text);
		free(path);
		return -1;
	}
	free(text);
	free(path);
	return 1;
}

/*
 * Checks that DIR/obj->path holds the bytes the index promised: 1 if it
 * does, 0 if the file is gone (pruned), -1 with *cause if it differs.
 */
static int
pub_object_check(const char *dir, const struct feed_object *obj,
    char **cause)
{
	crypto_hash_sha256_state	 h;
	unsigned char			 digest[crypto_hash_sha256_BYTES];
	unsigned char			 chunk[65536];
	char				 hex[65];
	char				*path;
	uint64_t			 size = 0;
	ssize_t				 n;
	int				 fd;

	path = xasprintf("%s/%s", dir, obj->path);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0) {
		if (errno == ENOENT) {
			free(path);
			return 0;
		}
		*cause = xasprintf("%s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	crypto_hash_sha256_init(&h);
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*cause = xasprintf("%s: %s", path, strerror(errno));
			close(fd);
			free(path);
			return -1;
		}
		size += (uint64_t)n;
		crypto_hash_sha256_update(&h, chunk, (unsigned long long)n);
	}
	close(fd);
	crypto_hash_sha256_final(&h, digest);
	sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
	if (size != obj->size || strcmp(hex, obj->sha256) != 0) {
		/* TRANSLATORS: an object of the feed directory. */
		*cause = xasprintf(_("%s does not match its size or sha256 in "
		    "index.json: the directory was changed behind "
		    "the publisher's back. Nothing was published: restore the "
		    "directory from a copy you trust, or publish into a new "
		    "directory"), path);
		free(path);
		return -1;
	}
	free(path);
	return 1;
}

/*
 * The deltas the new index lists: the previous ones and the new one, the
 * newest first while their total stays below the snapshot's size and the
 * chain stays contiguous. Fills ix->deltas (paths borrowed).
 */
static void
pub_deltas_choose(const char *dir, const struct feed_index *old,
    const struct feed_object *delta, struct feed_index *ix)
{
	struct feed_object	*cand;
	struct stat		 sb;
	size_t			 n = 0, i, start;
	uint64_t		 total = 0;
	int64_t			 want;
	char			*path;

	cand = xcalloc(old->ndeltas + 1, sizeof *cand);
	for (i = 0; i < old->ndeltas; i++)
		cand[n++] = old->deltas[i];
	cand[n++] = *delta;
	want = ix->serial;
	start = n;
	while (start > 0) {
		i = start - 1;
		/* Sizes are capped (FEED_OBJECT_SIZE_MAX): no overflow. */
		if (cand[i].serial != want || cand[i].from >= cand[i].serial ||
		    cand[i].size >= ix->snapshot.size - total)
			break;
		if (i < n - 1) {	/* an older delta: still on disk? */
			path = xasprintf("%s/%s", dir, cand[i].path);
			if (stat(path, &sb) != 0) {
				free(path);
				break;
			}
			free(path);
		}
		total += cand[i].size;
		want = cand[i].from;
		start = i;
	}
	ix->ndeltas = n - start;
	ix->deltas = xcalloc(ix->ndeltas + 1, sizeof *ix->deltas);
	memcpy(ix->deltas, cand + start, ix->ndeltas * sizeof *ix->deltas);
	free(cand);
}

static enum publish_status
pub_fail_errno(char **cause, const char *fmt, ...) GLOBE_PRINTF(2, 3);

/*
 * *cause is fmt ("cannot write %s" and its path), a colon and what errno
 * says. Returns PUBLISH_ERR_WRITE.
 */
static enum publish_status
pub_fail_errno(char **cause, const char *fmt, ...)
{
	va_list	 ap;
	char	*what;
	int	 saved = errno;

	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	*cause = xasprintf("%s: %s", what, strerror(saved));
	free(what);
	return PUBLISH_ERR_WRITE;
}

/* One publication in progress, step by step (see publish_run). */
struct pub {
	const struct publish_options	*o;
	struct publish_result		*res;
	int				 lockfd;	/* the output directory's */

	struct pub_set			 cur;		/* the source */
	struct feed_index		 old;		/* the previous index */
	int				 have_old;
	struct pub_set			 prev;		/* the previous serial */
	int				 have_prev;	/* read: a delta from it */
	int				 carry;		/* its deltas may stay listed */
	struct pub_diff			 diff;
	struct pub_members		 pm;		/* a member-only feed's keys */

	char				*objdir;
	struct pub_out			 out;		/* the object being written */
	struct feed_index		 ix;		/* the new index; strings borrowed */
	char				 issued[21];
	char				 expires[21];
	char				*text;		/* index.json */
	char				*sig;		/* its signature, or NULL */
};

/* The source: refused before anything is touched. */
static enum publish_status
pub_step_source(struct pub *p, char **cause)
{
	return pub_source_load(p->o->source, &p->cur, cause);
}

/*
 * The previous feed, under the lock: its index verified against the
 * trusted keys, its records rebuilt from its objects, and the deltas
 * the new index may list again checked against the bytes it signed.
 */
static enum publish_status
pub_step_previous(struct pub *p, char **cause)
{
	const struct publish_options	*o = p->o;
	struct publish_result		*res = p->res;
	enum publish_status		 st;
	size_t				 i;

	if (path_mkdir_p(o->out, 0755) != 0)
		return pub_fail_errno(cause, _("cannot create %s"), o->out);
	if ((p->lockfd = file_lock(o->out)) < 0) {
		*cause = xasprintf("%s: %s", o->out, errno == EWOULDBLOCK ?
		    _("another globe-publish is writing this feed") :
		    strerror(errno));
		return PUBLISH_ERR;
	}
	if ((p->have_old = pub_index_read(o, &p->old, &st, cause)) < 0)
		return st;
	if (p->have_old && p->old.serial >= FEED_SERIAL_MAX) {
		*cause = xasprintf(_("%s/index.json: serial %lld is the last a "
		    "feed can have; publish into a new directory with a new "
		    "feed id"), o->out, (long long)p->old.serial);
		return PUBLISH_ERR_FEED;
	}
	if (p->have_old && o->feed_id != NULL &&
	    strcmp(o->feed_id, p->old.feed_id) != 0) {
		/* TRANSLATORS: the feed directory; its feed id; --feed-id's. */
		*cause = xasprintf(_("%s holds feed '%s', not '%s' (a feed "
		    "keeps its id: publish into a new directory)"), o->out,
		    p->old.feed_id, o->feed_id);
		return PUBLISH_ERR_FEED;
	}
	res->feed_id = xstrdup(p->have_old ? p->old.feed_id :
	    o->feed_id != NULL ? o->feed_id : PUBLISH_FEED_ID_DEFAULT);
	res->serial = p->have_old ? p->old.serial + 1 : 1;
	if ((st = pub_members_begin(&p->pm, o, res->feed_id, res->serial,
	    p->have_old ? &p->old : NULL, o->out, cause)) != PUBLISH_OK)
		return st;
	if (!p->have_old)
		return PUBLISH_OK;
	/*
	 * A new key epoch lists nothing made before it: the serial has no
	 * delta. Objects this signing key cannot open give none either.
	 */
	if ((p->pm.on && p->pm.new_epoch != NULL) ||
	    (p->old.encrypted && p->pm.prev == NULL))
		return PUBLISH_OK;
	if ((st = pub_previous_load(o->out, &p->old, p->pm.prev, &p->prev,
	    cause)) != PUBLISH_OK)
		return st;
	p->have_prev = 1;
	/* Old deltas stay only in the same form: plain, or the same epoch. */
	p->carry = p->old.encrypted == p->pm.on;
	for (i = 0; p->carry && i < p->old.ndeltas; i++) {
		if (pub_object_check(o->out, &p->old.deltas[i], cause) < 0)
			return PUBLISH_ERR_FEED;
	}
	return PUBLISH_OK;
}

/* The records that changed since the previous serial, and their counts. */
static void
pub_step_diff(struct pub *p)
{
	const struct pub_set	*cur = &p->cur, *prev = &p->prev;
	const struct pub_rec	*r, *old;
	struct pub_diff		*d = &p->diff;
	size_t			 i;
	int			 t;

	if (!p->have_prev)
		return;
	d->upserts = xcalloc(cur->n + 1, sizeof *d->upserts);
	for (i = 0; i < cur->n; i++) {
		r = &cur->v[i];
		old = pub_set_find(prev, r->type, r->key);
		if (old != NULL && strcmp(old->line, r->line) == 0)
			continue;
		if (old == NULL)
			p->res->added++;
		else
			p->res->changed++;
		d->upserts[d->nupserts++] = r;
	}
	d->deletes = xcalloc(prev->n + 1, sizeof *d->deletes);
	for (t = REC_NDATA - 1; t >= 0; t--) {
		for (i = 0; i < prev->n; i++) {
			r = &prev->v[i];
			if (r->type != t || pub_set_find(cur, t, r->key) != NULL)
				continue;
			p->res->deleted++;
			d->deletes[d->ndeletes++] = r;
		}
	}
}

/*
 * Starts an object of this serial: its temporary file, its seal in a
 * member-only feed, and its header line.
 */
static int
pub_out_start(struct pub *p, const char *kind, int64_t from)
{
	struct feed_object	 obj;
	uint8_t			 key[32], *ad;
	size_t			 adlen;
	char			*line;

	if (pub_out_open(&p->out, p->objdir) != 0)
		return -1;
	if (p->pm.on) {
		memset(&obj, 0, sizeof obj);
		obj.from = from;
		obj.serial = p->res->serial;
		pub_members_object_key(p->pm.epoch, p->pm.m.since, &obj, key);
		ad = feed_object_ad(p->res->feed_id, &obj, p->pm.m.epoch,
		    &adlen);
		pub_out_seal(&p->out, key, ad, adlen);
		sodium_memzero(key, sizeof key);
		free(ad);
	}
	line = pub_header(p->res->feed_id, kind, from, p->res->serial);
	pub_out_line(&p->out, line);
	free(line);
	return 0;
}

/* The snapshot object: written, fsynced and given its name. */
static enum publish_status
pub_write_snapshot(struct pub *p, char **cause)
{
	struct publish_result	*res = p->res;
	size_t			 i;

	if (pub_out_start(p, "snapshot", -1) != 0)
		return pub_fail_errno(cause, _("cannot write in %s"),
		    p->objdir);
	for (i = 0; i < p->cur.n; i++)
		pub_out_line(&p->out, p->cur.v[i].line);
	res->nrecords = p->cur.n;
	res->snapshot.from = -1;
	res->snapshot.serial = res->serial;
	if (pub_out_finish(&p->out, &res->snapshot) != 0)
		return pub_fail_errno(cause, _("cannot write an object in %s"),
		    p->objdir);
	if (res->snapshot.size > FEED_OBJECT_SIZE_MAX ||
	    p->out.plain > FEED_OBJECT_SIZE_MAX) {
		/* TRANSLATORS: the source; the snapshot's size; the most. */
		*cause = xasprintf(_("%s: the snapshot would be %llu bytes, "
		    "more than the %llu of an object a client accepts"),
		    p->o->source, (unsigned long long)p->out.plain,
		    (unsigned long long)FEED_OBJECT_SIZE_MAX);
		return PUBLISH_ERR_SOURCE;
	}
	if (pub_out_commit(&p->out, p->o->out, &res->snapshot) != 0)
		return pub_fail_errno(cause, _("cannot write an object in %s"),
		    p->objdir);
	return PUBLISH_OK;
}

/*
 * Whether a delta deletes a route. Clients from before routes skip a
 * route record, but refuse a delete line whose "of" they do not know
 * (exit 4, every sync): such a change reaches them through the snapshot.
 */
static int
pub_diff_deletes_route(const struct pub_diff *d)
{
	size_t	i;

	for (i = 0; i < d->ndeletes; i++) {
		if (d->deletes[i]->type == REC_ROUTE)
			return 1;
	}
	return 0;
}

/*
 * The delta object from the previous serial, and the deltas the new
 * index lists; a delta no smaller than the snapshot, one a client would
 * refuse, or one that deletes a route (pub_diff_deletes_route) is not
 * kept (the snapshot serves instead).
 */
static enum publish_status
pub_write_delta(struct pub *p, char **cause)
{
	struct publish_result	*res = p->res;
	struct feed_index	 carried;

	res->has_delta = 1;
	res->delta_deletes_route = pub_diff_deletes_route(&p->diff);
	if (pub_out_start(p, "delta", p->old.serial) != 0)
		return pub_fail_errno(cause, _("cannot write in %s"),
		    p->objdir);
	pub_delta_write(&p->out, &p->diff);
	res->delta.from = p->old.serial;
	res->delta.serial = res->serial;
	if (pub_out_finish(&p->out, &res->delta) != 0)
		return pub_fail_errno(cause, _("cannot write an object in %s"),
		    p->objdir);
	/* The deltas of another form or epoch are not listed again. */
	carried = p->old;
	if (!p->carry)
		carried.ndeltas = 0;
	if (!res->delta_deletes_route &&
	    res->added + res->changed + res->deleted <= FEED_RECORDS_MAX &&
	    res->delta.size <= FEED_OBJECT_SIZE_MAX &&
	    p->out.plain <= FEED_OBJECT_SIZE_MAX)
		pub_deltas_choose(p->o->out, &carried, &res->delta, &p->ix);
	res->delta_kept = p->ix.ndeltas > 0 &&
	    p->ix.deltas[p->ix.ndeltas - 1].from == p->old.serial;
	if (!res->delta_kept)
		pub_out_abort(&p->out);
	else if (pub_out_commit(&p->out, p->o->out, &res->delta) != 0)
		return pub_fail_errno(cause, _("cannot write an object in %s"),
		    p->objdir);
	return PUBLISH_OK;
}

/*
 * The objects: fsynced, renamed and their folder fsynced before any
 * index names them.
 */
static enum publish_status
pub_step_objects(struct pub *p, char **cause)
{
	struct publish_result	*res = p->res;
	enum publish_status	 st;

	p->objdir = xasprintf("%s/objects", p->o->out);
	if (path_mkdir_p(p->objdir, 0755) != 0)
		return pub_fail_errno(cause, _("cannot create %s"), p->objdir);
	if ((st = pub_write_snapshot(p, cause)) != PUBLISH_OK)
		return st;
	p->ix.feed_id = res->feed_id;
	p->ix.reports = (char *)p->o->reports_url;	/* borrowed */
	p->ix.serial = res->serial;
	p->ix.snapshot = res->snapshot;
	p->ix.encrypted = p->pm.on;
	if (p->have_prev && (st = pub_write_delta(p, cause)) != PUBLISH_OK)
		return st;
	res->ndeltas = p->ix.ndeltas;
	if (file_sync_dir(p->objdir) != 0)
		return pub_fail_errno(cause, _("cannot sync %s"), p->objdir);
	return PUBLISH_OK;
}

/*
 * A member-only feed's key slots, one per recipient, on disk before the
 * index that commits to them; and what the index says of them.
 */
static enum publish_status
pub_step_slots(struct pub *p, char **cause)
{
	struct publish_result	*res = p->res;
	enum publish_status	 st;

	if (!p->pm.on)
		return PUBLISH_OK;
	if ((st = pub_members_write(&p->pm, p->o, res->feed_id, p->o->out,
	    cause)) != PUBLISH_OK)
		return st;
	p->ix.members = p->pm.m;
	res->encrypted = 1;
	res->nrecipients = p->o->nrecipients;
	res->epoch_since = p->pm.m.since;
	res->new_epoch = p->pm.new_epoch;
	return PUBLISH_OK;
}

/*
 * The signing keys the index vouches for: its own and those announced
 * (a rollover), once a feed has announced any: an index signed by a new
 * key that lists no other retires the old one in every client.
 */
static void
pub_step_keys(struct pub *p)
{
	const struct publish_options	*o = p->o;
	struct feed_index		*ix = &p->ix;
	size_t				 i, j;

	if (o->key == NULL || (o->nannounce == 0 && !(p->have_old &&
	    p->old.has_keys)))
		return;
	ix->has_keys = 1;
	memcpy(ix->keys[0].id, o->key->id, sizeof ix->keys[0].id);
	crypto_sign_ed25519_sk_to_pk(ix->keys[0].pk, o->key->sk);
	ix->nkeys = 1;
	for (i = 0; i < o->nannounce && ix->nkeys < FEED_KEYS_MAX; i++) {
		for (j = 0; j < ix->nkeys; j++) {
			if (memcmp(&ix->keys[j], &o->announce[i],
			    sizeof ix->keys[j]) == 0)
				break;
		}
		if (j == ix->nkeys)
			ix->keys[ix->nkeys++] = o->announce[i];
	}
	p->res->nkeys = ix->nkeys;
}

/* The text of the new index.json, within the size a client reads. */
static void
pub_step_index(struct pub *p)
{
	const struct publish_options	*o = p->o;
	struct feed_index		*ix = &p->ix;

	feed_time_format(o->issued, p->issued);
	feed_time_format(o->issued + (time_t)o->expires_days * PUB_DAY,
	    p->expires);
	ix->issued = p->issued;
	ix->expires = p->expires;
	p->text = feed_index_json(ix);
	/* Past the cap a client reads no index: list fewer old deltas. */
	while (strlen(p->text) > FEED_INDEX_MAX && ix->ndeltas > 0) {
		memmove(ix->deltas, ix->deltas + 1,
		    (ix->ndeltas - 1) * sizeof *ix->deltas);
		ix->ndeltas--;
		free(p->text);
		p->text = feed_index_json(ix);
	}
	p->res->ndeltas = ix->ndeltas;
	p->res->delta_kept = p->res->delta_kept && ix->ndeltas > 0;
}

/* The index's minisign signature, when there is a key. */
static void
pub_step_sign(struct pub *p)
{
	char	*ipath, *comment;

	if (p->o->key == NULL)
		return;
	ipath = xasprintf("%s/index.json", p->o->out);
	comment = publish_trusted_comment(p->o->issued, ipath);
	p->sig = minisign_sign(p->o->key, p->text, strlen(p->text), comment);
	free(comment);
	free(ipath);
}

/*
 * index.json and its signature: both written to temporary files first,
 * then renamed, the signature first. Two renames cannot be one atomic
 * step: for a moment a reader may see the new signature with the old
 * index and refuse it; the next sync succeeds. Never does an index name
 * a missing object. Each is given a modification time after the one it
 * replaces, so a server's validators change with every serial.
 */
static enum publish_status
pub_step_write_index(struct pub *p, char **cause)
{
	const char		*out = p->o->out;
	enum publish_status	 st = PUBLISH_OK;
	char			*ipath, *spath, *itmp = NULL, *stmp = NULL;

	ipath = xasprintf("%s/index.json", out);
	spath = xasprintf("%s/index.json.minisig", out);
	if (p->sig != NULL && (stmp = file_write_temp(spath, p->sig,
	    strlen(p->sig), PUB_FILE_MODE, FILE_UMASK)) == NULL)
		st = pub_fail_errno(cause, _("cannot write %s"), spath);
	else if ((itmp = file_write_temp(ipath, p->text, strlen(p->text),
	    PUB_FILE_MODE, FILE_UMASK)) == NULL)
		st = pub_fail_errno(cause, _("cannot write %s"), ipath);
	/*
	 * Each serial's index and signature get a modification time past
	 * the last one's (common/common.h says why): published twice within
	 * one second, the second would otherwise be answered 304 by nginx.
	 */
	else if ((stmp != NULL && file_mtime_after(stmp, spath) != 0) ||
	    file_mtime_after(itmp, ipath) != 0)
		st = pub_fail_errno(cause, _("cannot write %s"), ipath);
	else if (stmp != NULL && rename(stmp, spath) != 0)
		st = pub_fail_errno(cause, _("cannot write %s"), spath);
	else if (stmp == NULL && unlink(spath) != 0 && errno != ENOENT)
		st = pub_fail_errno(cause, _("cannot remove the old %s"),
		    spath);
	else {
		free(stmp);
		stmp = NULL;
		if (rename(itmp, ipath) != 0)
			st = pub_fail_errno(cause, _("cannot write %s"), ipath);
		else {
			free(itmp);
			itmp = NULL;
			if (file_sync_dir(out) != 0)
				st = pub_fail_errno(cause, _("cannot sync %s"),
				    out);
		}
	}
	if (itmp != NULL) {
		unlink(itmp);
		free(itmp);
	}
	if (stmp != NULL) {
		unlink(stmp);
		free(stmp);
	}
	free(ipath);
	free(spath);
	return st;
}

static enum publish_status
pub_run(struct pub *p, char **cause)
{
	enum publish_status	st;

	if ((st = pub_step_source(p, cause)) != PUBLISH_OK)
		return st;
	if ((st = pub_step_previous(p, cause)) != PUBLISH_OK)
		return st;
	pub_step_diff(p);
	if ((st = pub_step_objects(p, cause)) != PUBLISH_OK)
		return st;
	if ((st = pub_step_slots(p, cause)) != PUBLISH_OK)
		return st;
	pub_step_keys(p);
	pub_step_index(p);
	pub_step_sign(p);
	if ((st = pub_step_write_index(p, cause)) != PUBLISH_OK)
		return st;
	/* Objects and key slots no index has listed for a while. */
	p->res->removed = pub_prune(p->o->out, &p->ix, p->o->keep_days,
	    p->o->now);
	p->res->removed_slots = pub_members_prune(&p->pm, p->o->out,
	    p->o->keep_days, p->o->now);
	return PUBLISH_OK;
}

enum publish_status
publish_run(const struct publish_options *o, struct publish_result *res,
    char **cause)
{
	struct pub		p;
	enum publish_status	st;

	memset(res, 0, sizeof *res);
	memset(&p, 0, sizeof p);
	p.o = o;
	p.res = res;
	p.lockfd = -1;
	st = pub_run(&p, cause);

	pub_out_abort(&p.out);
	free(p.sig);
	free(p.text);
	free(p.objdir);
	free(p.ix.deltas);
	pub_diff_free(&p.diff);
	pub_members_clear(&p.pm);
	feed_index_clear(&p.old);
	pub_set_free(&p.cur);
	pub_set_free(&p.prev);
	if (p.lockfd >= 0)
		close(p.lockfd);	/* last: everything is on disk */
	return st;
}

enum publish_status
publish_source_check(const char *path, size_t *nrecords, char **cause)
{
	struct pub_set		 set;
	enum publish_status	 st;

	memset(&set, 0, sizeof set);
	*nrecords = 0;
	if ((st = pub_source_load(path, &set, cause)) == PUBLISH_OK)
		*nrecords = set.n;
	pub_set_free(&set);
	return st;
}

void
publish_result_clear(struct publish_result *res)
{
	free(res->feed_id);
	free(res->snapshot.path);
	free(res->delta.path);
	memset(res, 0, sizeof *res);
}
