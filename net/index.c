/*
 * index.c: index.json, the one mutable file of a feed. Parses and
 * validates it (format, types, object paths confined to
 * objects/<sha256>.jsonl, or .enc in an index encrypted to its members,
 * the delta chain's bounds, the members object, the signing keys it
 * announces), writes it deterministically for the publisher, and
 * converts the RFC 3339 UTC times it carries.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include <sodium.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/feed.h"

#define FEED_ID_MAX		128

static int
feed_digits(const char *s, int n, int *out)
{
	int	i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
feed_time_parse(const char *s, time_t *out)
{
	struct tm	tm, check;
	int		y, mo, d, h, mi, se;
	time_t		t;

	if (s == NULL || strlen(s) != 20 || s[4] != '-' || s[7] != '-' ||
	    s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return -1;
	if (feed_digits(s, 4, &y) != 0 || feed_digits(s + 5, 2, &mo) != 0 ||
	    feed_digits(s + 8, 2, &d) != 0 || feed_digits(s + 11, 2, &h) != 0 ||
	    feed_digits(s + 14, 2, &mi) != 0 || feed_digits(s + 17, 2, &se) != 0)
		return -1;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 ||
	    mi > 59 || se > 59)
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	t = timegm(&tm);
	if (t == (time_t)-1 || gmtime_r(&t, &check) == NULL ||
	    check.tm_mday != d || check.tm_mon != mo - 1)
		return -1;	/* 2026-02-30 and the like */
	*out = t;
	return 0;
}

void
feed_time_format(time_t t, char *out)
{
	struct tm	tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm) != 20)
		strcpy(out, "1970-01-01T00:00:00Z");
}

static int
feed_id_valid(const char *s)
{
	size_t	n = strlen(s);

	if (n == 0 || n > FEED_ID_MAX)
		return 0;
	for (; *s != '\0'; s++) {
		if (!isascii((unsigned char)*s) ||
		    (!isalnum((unsigned char)*s) && strchr("._-", *s) == NULL))
			return 0;
	}
	return 1;
}

static int
feed_hex_valid(const char *s)
{
	size_t	i;

	if (strlen(s) != 64)
		return 0;
	for (i = 0; i < 64; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	}
	return 1;
}

/* Integer field >= 0; -1 if absent or not a non-negative integer. */
static int
feed_index_int(json_t *o, const char *name, int64_t *out)
{
	json_t	*v = json_object_get(o, name);

	if (v == NULL || !json_is_integer(v) || json_integer_value(v) < 0)
		return -1;
	*out = json_integer_value(v);
	return 0;
}

/* A serial field: 0 to FEED_SERIAL_MAX; NULL or a message to free. */
static char *
feed_index_serial(json_t *o, const char *what, const char *name,
    int64_t *out)
{
	if (feed_index_int(o, name, out) == 0 && *out <= FEED_SERIAL_MAX)
		return NULL;
	if (*what != '\0')
		/*
		 * TRANSLATORS: an entry of index.json (snapshot, delta 2),
		 * a field of it (keep it) and the largest serial.
		 */
		return xasprintf(_("%s: '%s' must be an integer from 0 to "
		    "%lld"), what, name, (long long)FEED_SERIAL_MAX);
	/* TRANSLATORS: a field of index.json (keep it), the largest serial. */
	return xasprintf(_("'%s' must be an integer from 0 to %lld"), name,
	    (long long)FEED_SERIAL_MAX);
}

/*
 * Reads an object entry (snapshot or delta), its path ending in ext;
 * NULL or a message to free.
 */
static char *
feed_index_object(json_t *o, const char *what, int delta, const char *ext,
    struct feed_object *obj)
{
	json_t		*path, *sha;
	int64_t		 size;
	char		*want, *why;

	obj->from = -1;
	if (!json_is_object(o))
		/*
		 * TRANSLATORS: %s is an entry of index.json as the feed
		 * names it: snapshot, or delta and its number (delta 2).
		 * Quoted names are the feed's fields: keep them (here and
		 * in the messages below).
		 */
		return xasprintf(_("%s: expected an object"), what);
	if (delta) {
		if ((why = feed_index_serial(o, what, "from", &obj->from)) !=
		    NULL ||
		    (why = feed_index_serial(o, what, "to", &obj->serial)) !=
		    NULL)
			return why;
		if (obj->from >= obj->serial)
			return xasprintf(_("%s: 'from' %lld is not below 'to' "
			    "%lld"),
			    what, (long long)obj->from, (long long)obj->serial);
	} else if ((why = feed_index_serial(o, what, "serial",
	    &obj->serial)) != NULL)
		return why;
	sha = json_object_get(o, "sha256");
	if (sha == NULL || !json_is_string(sha) ||
	    !feed_hex_valid(json_string_value(sha)))
		return xasprintf(_("%s: 'sha256' must be 64 lower-case hex "
		    "digits"), what);
	memcpy(obj->sha256, json_string_value(sha), 65);
	path = json_object_get(o, "path");
	if (path == NULL || !json_is_string(path))
		return xasprintf(_("%s: 'path' must be a string"), what);
	want = xasprintf("objects/%s%s", obj->sha256, ext);
	if (strcmp(json_string_value(path), want) != 0) {
		free(want);
		/*
		 * TRANSLATORS: the entry, the path it names, and the end
		 * every object's name has (.jsonl, or .enc when the feed
		 * is encrypted to its members).
		 */
		return xasprintf(_("%s: path \"%s\" is not objects/<its "
		    "sha256>%s"), what, json_string_value(path), ext);
	}
	obj->path = want;
	if (feed_index_int(o, "size", &size) != 0 || size == 0 ||
	    (uint64_t)size > FEED_OBJECT_SIZE_MAX)
		return xasprintf(_("%s: 'size' must be an integer between 1 "
		    "and %llu"), what,
		    (unsigned long long)FEED_OBJECT_SIZE_MAX);
	obj->size = (uint64_t)size;
	return NULL;
}

/* No control, space or DEL: one clean token, as a URL is written. */
static int
feed_url_chars_ok(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s <= 0x20 || *s == 0x7f)
			return 0;
	}
	return 1;
}

int
feed_reports_url_valid(const char *s)
{
	const char	*host, *end;
	size_t		 len;

	if (s == NULL || (len = strlen(s)) > FEED_REPORTS_URL_MAX ||
	    strncmp(s, "https://", 8) != 0 || !feed_url_chars_ok(s) ||
	    !utf8_valid(s, len))
		return 0;
	host = s + 8;
	end = host + strcspn(host, "/?#");
	/* A host, and no user name or password before it. */
	return end > host && memchr(host, '@', (size_t)(end - host)) == NULL &&
	    *host != ':';
}

/*
 * The optional "reports" URL, kept as the index gives it: whether it may
 * be used is the sync's to say (feed_reports_url_valid and more), never
 * a reason to refuse the data. NULL or a message to free.
 */
static char *
feed_index_reports(json_t *root, char **out)
{
	json_t	*v = json_object_get(root, "reports");

	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_string(v))
		return xstrdup("'reports' must be a string");
	*out = xstrdup(json_string_value(v));
	return NULL;
}

static char *
feed_index_string(json_t *root, const char *name, char **out)
{
	json_t	*v = json_object_get(root, name);

	if (v == NULL || !json_is_string(v))
		return xasprintf(_("'%s' must be a string"), name);
	*out = xstrdup(json_string_value(v));
	return NULL;
}

/* Exactly n bytes as 2n lower-case hex digits; 0 or -1. */
static int
feed_index_hex(json_t *o, const char *name, uint8_t *out, size_t n)
{
	json_t		*v = json_object_get(o, name);
	const char	*s;
	size_t		 i, got;

	if (v == NULL || !json_is_string(v))
		return -1;
	s = json_string_value(v);
	if (strlen(s) != 2 * n)
		return -1;
	for (i = 0; i < 2 * n; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'f')))
			return -1;
	}
	if (sodium_hex2bin(out, n, s, 2 * n, NULL, &got, NULL) != 0 ||
	    got != n)
		return -1;
	return 0;
}

/* The members object of an encrypted index; NULL or a message to free. */
static char *
feed_index_members(json_t *root, struct feed_index *ix)
{
	struct feed_members	*m = &ix->members;
	json_t			*o = json_object_get(root, "members");
	int64_t			 n;
	char			*why;

	if (o == NULL || !json_is_object(o))
		/*
		 * TRANSLATORS: members and its fields (epoch, since,
		 * publisher, slots, root) are names of index.json, and
		 * globe-feed/1+members the format of an index encrypted to
		 * its members: keep them.
		 */
		return xstrdup(_("'members' must be an object (the index is "
		    "globe-feed/1+members)"));
	if (feed_index_hex(o, "epoch", m->epoch, sizeof m->epoch) != 0)
		return xstrdup(_("members: 'epoch' must be 32 lower-case hex "
		    "digits"));
	if ((why = feed_index_serial(o, "members", "since", &m->since)) !=
	    NULL)
		return why;
	if (m->since > ix->serial || ix->serial - m->since >=
	    FEED_EPOCH_SERIALS_MAX)
		/* TRANSLATORS: the serial since names; the most serials. */
		return xasprintf(P_("members: 'since' %lld is after the serial "
		    "or more than %d serial before it", "members: 'since' %lld "
		    "is after the serial or more than %d serials before it",
		    FEED_EPOCH_SERIALS_MAX), (long long)m->since,
		    FEED_EPOCH_SERIALS_MAX);
	if (feed_index_hex(o, "publisher", m->publisher,
	    sizeof m->publisher) != 0)
		return xstrdup(_("members: 'publisher' must be 64 lower-case "
		    "hex digits"));
	if (feed_index_int(o, "slots", &n) != 0 || n < 1 ||
	    n > FEED_SLOTS_MAX)
		return xasprintf(_("members: 'slots' must be an integer from 1 "
		    "to %d"), FEED_SLOTS_MAX);
	m->slots = (uint32_t)n;
	if (feed_index_hex(o, "root", m->root, sizeof m->root) != 0)
		return xstrdup(_("members: 'root' must be 64 lower-case hex "
		    "digits"));
	return NULL;
}

/* The signing keys an index announces ("keys"); NULL or a message. */
static char *
feed_index_keys(json_t *root, struct feed_index *ix)
{
	json_t	*v = json_object_get(root, "keys"), *item;
	size_t	 i, j;
	char	*why = NULL;

	if (v == NULL)
		return NULL;
	if (!json_is_array(v) || json_array_size(v) < 1 ||
	    json_array_size(v) > FEED_KEYS_MAX)
		/*
		 * TRANSLATORS: keys is a field of index.json (keep it); the
		 * most signing keys an index may list.
		 */
		return xasprintf(P_("'keys' must be a list of 1 to %d public "
		    "key", "'keys' must be a list of 1 to %d public keys",
		    FEED_KEYS_MAX), FEED_KEYS_MAX);
	json_array_foreach(v, i, item) {
		if (!json_is_string(item) || minisign_pubkey_parse(
		    json_string_value(item), &ix->keys[i], &why) != NET_OK) {
			free(why);
			/*
			 * TRANSLATORS: keys is a field of index.json (keep
			 * it); %zu counts its items from 1.
			 */
			return xasprintf(_("keys: item %zu is not a minisign "
			    "public key"), i + 1);
		}
		/* The bare base64 line, as the publisher writes it. */
		why = minisign_pubkey_base64(&ix->keys[i]);
		if (strcmp(why, json_string_value(item)) != 0) {
			free(why);
			return xasprintf(_("keys: item %zu is not the base64 "
			    "line of a public key"), i + 1);
		}
		free(why);
		why = NULL;
		for (j = 0; j < i; j++) {
			if (memcmp(&ix->keys[j], &ix->keys[i],
			    sizeof ix->keys[i]) == 0)
				return xasprintf(_("keys: item %zu repeats "
				    "item %zu"), i + 1, j + 1);
		}
	}
	ix->nkeys = json_array_size(v);
	ix->has_keys = 1;
	return NULL;
}

enum net_status
feed_index_parse(const char *text, size_t len, struct feed_index *ix,
    char **cause)
{
	json_t		*root, *v, *item;
	json_error_t	 err;
	char		*why = NULL, *what;
	const char	*ext;
	time_t		 t;
	size_t		 i;

	memset(ix, 0, sizeof *ix);
	ix->snapshot.from = -1;
	if (len > FEED_INDEX_MAX) {
		*cause = xasprintf(_("index.json is larger than %d bytes"),
		    FEED_INDEX_MAX);
		return NET_ERR_TOO_BIG;
	}
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL) {
		*cause = xasprintf(_("index.json: invalid JSON at line %d: %s"),
		    err.line, err.text);
		return NET_ERR_FORMAT;
	}
	if (!json_is_object(root)) {
		why = xstrdup(_("not a JSON object"));
		goto fail;
	}
	if ((why = feed_index_string(root, "format", &ix->format)) != NULL)
		goto fail;
	if (strcmp(ix->format, FEED_FORMAT_MEMBERS) == 0)
		ix->encrypted = 1;
	else if (strcmp(ix->format, FEED_FORMAT) != 0) {
		why = xasprintf(_("format \"%s\" is not globe-feed/1 (nor "
		    "globe-feed/1+members): a newer globe may read it"),
		    ix->format);
		goto fail;
	}
	ext = ix->encrypted ? ".enc" : ".jsonl";
	if ((why = feed_index_string(root, "feed_id", &ix->feed_id)) != NULL)
		goto fail;
	if (!feed_id_valid(ix->feed_id)) {
		why = xstrdup(_("'feed_id' must be 1 to 128 of "
		    "A-Z a-z 0-9 . _ -"));
		goto fail;
	}
	if ((why = feed_index_serial(root, "", "serial", &ix->serial)) != NULL)
		goto fail;
	if ((why = feed_index_string(root, "issued", &ix->issued)) != NULL)
		goto fail;
	if (feed_time_parse(ix->issued, &t) != 0) {
		why = xasprintf(_("'issued' \"%s\" is not "
		    "YYYY-MM-DDTHH:MM:SSZ"), ix->issued);
		goto fail;
	}
	if ((why = feed_index_string(root, "expires", &ix->expires)) != NULL)
		goto fail;
	if (feed_time_parse(ix->expires, &t) != 0) {
		why = xasprintf(_("'expires' \"%s\" is not "
		    "YYYY-MM-DDTHH:MM:SSZ"), ix->expires);
		goto fail;
	}
	if ((why = feed_index_reports(root, &ix->reports)) != NULL)
		goto fail;
	if ((v = json_object_get(root, "snapshot")) == NULL) {
		why = xstrdup(_("'snapshot' is missing"));
		goto fail;
	}
	if ((why = feed_index_object(v, "snapshot", 0, ext,
	    &ix->snapshot)) != NULL)
		goto fail;
	if (ix->snapshot.serial > ix->serial) {
		why = xasprintf(_("snapshot serial %lld is above the feed "
		    "serial %lld"), (long long)ix->snapshot.serial,
		    (long long)ix->serial);
		goto fail;
	}
	v = json_object_get(root, "deltas");
	if (v != NULL && !json_is_array(v)) {
		why = xstrdup(_("'deltas' must be a list"));
		goto fail;
	}
	if (v != NULL && json_array_size(v) > 0) {
		ix->deltas = xcalloc(json_array_size(v), sizeof *ix->deltas);
		json_array_foreach(v, i, item) {
			what = xasprintf("delta %zu", i + 1);
			why = feed_index_object(item, what, 1, ext,
			    &ix->deltas[i]);
			ix->ndeltas = i + 1;
			if (why == NULL && ix->deltas[i].serial > ix->serial)
				why = xasprintf(_("%s: 'to' %lld is above the "
				    "feed serial %lld"), what,
				    (long long)ix->deltas[i].serial,
				    (long long)ix->serial);
			free(what);
			if (why != NULL)
				goto fail;
		}
	}
	if (ix->encrypted && (why = feed_index_members(root, ix)) != NULL)
		goto fail;
	if ((why = feed_index_keys(root, ix)) != NULL)
		goto fail;
	json_decref(root);
	return NET_OK;

fail:
	json_decref(root);
	feed_index_clear(ix);
	*cause = xasprintf("index.json: %s", why);
	free(why);
	return NET_ERR_FORMAT;
}

static json_t *
feed_index_object_json(const struct feed_object *obj, int delta)
{
	json_t	*o = json_object();

	if (delta) {
		json_object_set_new(o, "from", json_integer(obj->from));
		json_object_set_new(o, "to", json_integer(obj->serial));
	} else
		json_object_set_new(o, "serial", json_integer(obj->serial));
	json_object_set_new(o, "path", json_string(obj->path != NULL ?
	    obj->path : ""));
	json_object_set_new(o, "sha256", json_string(obj->sha256));
	json_object_set_new(o, "size", json_integer((json_int_t)obj->size));
	return o;
}

char *
feed_index_json(const struct feed_index *ix)
{
	const struct feed_members	*m = &ix->members;
	json_t				*root, *deltas, *o, *keys;
	char				*out, *text, *b64;
	char				 hex[65];
	size_t				 i;

	root = json_object();
	json_object_set_new(root, "format", json_string(ix->encrypted ?
	    FEED_FORMAT_MEMBERS : FEED_FORMAT));
	json_object_set_new(root, "feed_id", json_string(ix->feed_id));
	json_object_set_new(root, "serial", json_integer(ix->serial));
	json_object_set_new(root, "issued", json_string(ix->issued));
	json_object_set_new(root, "expires", json_string(ix->expires));
	if (ix->reports != NULL)
		json_object_set_new(root, "reports", json_string(ix->reports));
	json_object_set_new(root, "snapshot",
	    feed_index_object_json(&ix->snapshot, 0));
	deltas = json_array();
	for (i = 0; i < ix->ndeltas; i++)
		json_array_append_new(deltas,
		    feed_index_object_json(&ix->deltas[i], 1));
	json_object_set_new(root, "deltas", deltas);
	if (ix->encrypted) {
		o = json_object();
		sodium_bin2hex(hex, sizeof hex, m->epoch, sizeof m->epoch);
		json_object_set_new(o, "epoch", json_string(hex));
		json_object_set_new(o, "since", json_integer(m->since));
		sodium_bin2hex(hex, sizeof hex, m->publisher,
		    sizeof m->publisher);
		json_object_set_new(o, "publisher", json_string(hex));
		json_object_set_new(o, "slots", json_integer(m->slots));
		sodium_bin2hex(hex, sizeof hex, m->root, sizeof m->root);
		json_object_set_new(o, "root", json_string(hex));
		json_object_set_new(root, "members", o);
	}
	if (ix->has_keys) {
		keys = json_array();
		for (i = 0; i < ix->nkeys; i++) {
			b64 = minisign_pubkey_base64(&ix->keys[i]);
			json_array_append_new(keys, json_string(b64));
			free(b64);
		}
		json_object_set_new(root, "keys", keys);
	}
	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (text == NULL)
		text = strdup("{}");
	out = xasprintf("%s\n", text != NULL ? text : "{}");
	free(text);
	return out;
}

void
feed_index_clear(struct feed_index *ix)
{
	size_t	i;

	free(ix->format);
	free(ix->feed_id);
	free(ix->issued);
	free(ix->expires);
	free(ix->reports);
	free(ix->snapshot.path);
	for (i = 0; i < ix->ndeltas; i++)
		free(ix->deltas[i].path);
	free(ix->deltas);
	memset(ix, 0, sizeof *ix);
	ix->snapshot.from = -1;
}
