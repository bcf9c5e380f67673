/*
 * feed.c: the lines of a feed object. Parses and validates one record line
 * against the field table of common/record.c (the contract's types,
 * required fields and limits), writes the canonical line of a record, and
 * parses an object's header line.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/feed.h"

static const char *
feed_json_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		/*
		 * TRANSLATORS: the kind of JSON value a feed has where another
		 * was expected, after "got": "field 'name': expected a string,
		 * got a list". The others: a list, a string, a number, a
		 * boolean, null (JSON's word: keep it), something else.
		 */
		return _("an object");
	case JSON_ARRAY:
		return _("a list");
	case JSON_STRING:
		return _("a string");
	case JSON_INTEGER:
	case JSON_REAL:
		return _("a number");
	case JSON_TRUE:
	case JSON_FALSE:
		return _("a boolean");
	case JSON_NULL:
		return _("null");
	}
	return _("something else");
}

/*
 * Checks the limits that hold for every value of a line, known field or
 * not: nesting depth and string length (keys too). Returns NULL or a
 * message the caller frees.
 */
static char *
feed_json_check(json_t *v, int depth)
{
	const char	*key;
	json_t		*item;
	size_t		 i;
	char		*why;

	/* Objects and lists count as levels; the line itself is level 1. */
	if (depth > FEED_DEPTH_MAX && (json_is_object(v) || json_is_array(v)))
		return xasprintf(_("nested deeper than %d levels"),
		    FEED_DEPTH_MAX);
	switch (json_typeof(v)) {
	case JSON_STRING:
		if (json_string_length(v) > FEED_STRING_MAX)
			return xasprintf(_("a string is longer than %d bytes"),
			    FEED_STRING_MAX);
		break;
	case JSON_OBJECT:
		json_object_foreach(v, key, item) {
			if (strlen(key) > FEED_STRING_MAX)
				return xasprintf(_("a key is longer than %d "
				    "bytes"), FEED_STRING_MAX);
			if ((why = feed_json_check(item, depth + 1)) != NULL)
				return why;
		}
		break;
	case JSON_ARRAY:
		json_array_foreach(v, i, item) {
			if ((why = feed_json_check(item, depth + 1)) != NULL)
				return why;
		}
		break;
	default:
		break;
	}
	return NULL;
}

/* Loads one line as a JSON object with the contract's limits. */
static json_t *
feed_json_load(const char *line, size_t len, char **cause)
{
	json_t		*root;
	json_error_t	 err;
	char		*why;

	if (len > FEED_LINE_MAX) {
		*cause = xasprintf(_("line longer than %d bytes"),
		    FEED_LINE_MAX);
		return NULL;
	}
	root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL) {
		/*
		 * TRANSLATORS: a column of a feed's line, then jansson's
		 * own description of the error (in English).
		 */
		if (json_error_code(&err) == json_error_invalid_utf8)
			*cause = xasprintf(_("invalid JSON (invalid UTF-8) at "
			    "column %d: %s"), err.column, err.text);
		else
			*cause = xasprintf(_("invalid JSON at column %d: %s"),
			    err.column, err.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		*cause = xasprintf(_("expected a JSON object, got %s"),
		    feed_json_type_name(root));
		json_decref(root);
		return NULL;
	}
	if ((why = feed_json_check(root, 1)) != NULL) {
		*cause = why;
		json_decref(root);
		return NULL;
	}
	return root;
}

static void
feed_set_cause(char **cause, char *msg)
{
	if (cause != NULL)
		*cause = msg;
	else
		free(msg);
}

/* Reads one field into rec; returns NULL or an error message (caller frees). */
static char *
feed_field_read(json_t *root, const struct record_field *f,
    struct record_value *val)
{
	json_t	*v, *item;
	size_t	 i, n;

	v = json_object_get(root, f->name);
	if (v == NULL || json_is_null(v))
		return NULL;
	if (f->kind == RF_STRING) {
		if (!json_is_string(v))
			return xasprintf(_("field '%s': expected a string, got "
			    "%s"), f->name, feed_json_type_name(v));
		val->s = xstrndup(json_string_value(v), json_string_length(v));
		return NULL;
	}
	if (!json_is_array(v))
		return xasprintf(_("field '%s': expected a list of strings, "
		    "got %s"), f->name, feed_json_type_name(v));
	n = json_array_size(v);
	if (n > FEED_LIST_MAX)
		return xasprintf(_("field '%s': more than %d items"), f->name,
		    FEED_LIST_MAX);
	json_array_foreach(v, i, item) {
		if (!json_is_string(item))
			return xasprintf(_("field '%s': expected a list of "
			    "strings, item %zu is %s"), f->name, i + 1,
			    feed_json_type_name(item));
	}
	val->list = xcalloc(n + 1, sizeof *val->list);
	val->n = n;
	json_array_foreach(v, i, item)
		val->list[i] = xstrndup(json_string_value(item),
		    json_string_length(item));
	return NULL;
}

/* The delete message below names the stored types one by one. */
_Static_assert(REC_NDATA == 5, "name every stored type in feed_record_check");

/*
 * What the contract says of a record's values beyond their types: a
 * delete names a stored type (not "delete"; a type this client does not
 * know never reaches here, feed_record_parse skips it), a route's rank
 * is a decimal. NULL or a message the caller frees.
 */
static char *
feed_record_check(const struct record *rec)
{
	int	 of;

	switch (rec->type) {
	case REC_DELETE:
		of = record_type_from_name(rec->v[DELETE_OF].s);
		if (of >= 0 && of < REC_NDATA)
			return NULL;
		/*
		 * TRANSLATORS: what a delete line named; the record types
		 * are the feed's words: keep them.
		 */
		return xasprintf(_("field 'of': \"%s\" is not one of country, "
		    "authority, contact, newsletter or route"),
		    rec->v[DELETE_OF].s);
	case REC_ROUTE:
		if (rec->v[ROUTE_RANK].s != NULL &&
		    !record_decimal_valid(rec->v[ROUTE_RANK].s))
			/* TRANSLATORS: rank is the feed's word: keep it. */
			return xasprintf(_("field 'rank': \"%s\" is not a "
			    "decimal number (such as \"1\" or \"2.5\")"),
			    rec->v[ROUTE_RANK].s);
		return NULL;
	default:
		return NULL;
	}
}

enum net_status
feed_record_parse(const char *line, size_t len, struct record *rec,
    char **cause)
{
	const struct record_type_info	*ti;
	const struct record_field	*f;
	json_t				*root, *jtype, *jkey;
	char				*why = NULL, *prefix;
	const char			*key = NULL;
	int				 t;
	size_t				 i;

	memset(rec, 0, sizeof *rec);
	if ((root = feed_json_load(line, len, &why)) == NULL) {
		feed_set_cause(cause, why);
		return NET_ERR_DATA;
	}
	jtype = json_object_get(root, "type");
	if (jtype == NULL || json_is_null(jtype)) {
		json_decref(root);
		feed_set_cause(cause, xstrdup(_("missing field 'type'")));
		return NET_ERR_DATA;
	}
	if (!json_is_string(jtype)) {
		feed_set_cause(cause, xasprintf(_("field 'type': expected a "
		    "string, got %s"), feed_json_type_name(jtype)));
		json_decref(root);
		return NET_ERR_DATA;
	}
	if ((t = record_type_from_name(json_string_value(jtype))) < 0) {
		/* A type from a later version of the format: skipped. */
		json_decref(root);
		rec->type = (enum record_type)-1;
		return NET_OK;
	}
	rec->type = (enum record_type)t;
	ti = &record_types[t];

	jkey = json_object_get(root, ti->key);
	if (jkey != NULL && json_is_string(jkey) && json_string_length(jkey) > 0)
		key = json_string_value(jkey);

	for (i = 0; i < ti->nfields && why == NULL; i++) {
		f = &ti->fields[i];
		why = feed_field_read(root, f, &rec->v[i]);
		if (why != NULL)
			break;
		if ((f->flags & RF_REQUIRED) && (f->kind == RF_STRING ?
		    (rec->v[i].s == NULL || *rec->v[i].s == '\0') :
		    rec->v[i].list == NULL))
			why = xasprintf(_("missing field '%s'"), f->name);
	}
	/*
	 * A delete of a type from a later version of the format deletes
	 * nothing this client stores: skipped, as that type's records are.
	 * (Clients before this rule refused it: publishers keep such a
	 * deletion out of deltas, publish/write.c.)
	 */
	if (why == NULL && rec->type == REC_DELETE &&
	    record_type_from_name(rec->v[DELETE_OF].s) < 0) {
		json_decref(root);
		record_clear(rec);
		rec->type = (enum record_type)-1;
		return NET_OK;
	}
	if (why == NULL)
		why = feed_record_check(rec);
	if (why != NULL) {
		/* The record's type and id are the feed's: never translated. */
		if (key != NULL)
			prefix = xasprintf("%s %s: %s", ti->name, key, why);
		else
			prefix = xasprintf("%s: %s", ti->name, why);
		free(why);
		feed_set_cause(cause, prefix);
		json_decref(root);
		record_clear(rec);
		return NET_ERR_DATA;
	}
	json_decref(root);
	return NET_OK;
}

char *
feed_record_json(const struct record *rec)
{
	const struct record_type_info	*ti;
	const struct record_field	*f;
	json_t				*root, *list;
	char				*out;
	size_t				 i, j;

	ti = &record_types[rec->type];
	root = json_object();
	json_object_set_new(root, "type", json_string(ti->name));
	for (i = 0; i < ti->nfields; i++) {
		f = &ti->fields[i];
		if (f->kind == RF_STRING) {
			if (rec->v[i].s != NULL)
				json_object_set_new(root, f->name,
				    json_string(rec->v[i].s));
			continue;
		}
		if (rec->v[i].list == NULL)
			continue;
		list = json_array();
		for (j = 0; j < rec->v[i].n; j++)
			json_array_append_new(list, json_string(rec->v[i].list[j]));
		json_object_set_new(root, f->name, list);
	}
	out = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (out == NULL)	/* strings that are not UTF-8: never from a parsed line */
		return xstrdup("{}");
	return out;		/* jansson allocates with malloc: free() it */
}

static int
feed_get_serial(json_t *root, const char *name, int64_t *out)
{
	json_t	*v;

	v = json_object_get(root, name);
	if (v == NULL || !json_is_integer(v) || json_integer_value(v) < 0 ||
	    json_integer_value(v) > FEED_SERIAL_MAX)
		return -1;
	*out = json_integer_value(v);
	return 0;
}

enum net_status
feed_header_parse(const char *line, size_t len, struct feed_header *h,
    char **cause)
{
	json_t		*root, *v;
	char		*why = NULL;
	const char	*names[3] = { "format", "feed_id", "kind" };
	char		**dest[3];
	size_t		 i;

	memset(h, 0, sizeof *h);
	h->from = -1;
	h->serial = -1;
	if ((root = feed_json_load(line, len, &why)) == NULL) {
		/*
		 * TRANSLATORS: the first line of a feed's object, its
		 * header, and what is wrong with it.
		 */
		feed_set_cause(cause, xasprintf(_("header: %s"), why));
		free(why);
		return NET_ERR_HEADER;
	}
	dest[0] = &h->format;
	dest[1] = &h->feed_id;
	dest[2] = &h->kind;
	for (i = 0; i < 3; i++) {
		v = json_object_get(root, names[i]);
		if (v == NULL || !json_is_string(v)) {
			why = xasprintf(_("header: field '%s': expected a "
			    "string"), names[i]);
			goto fail;
		}
		*dest[i] = xstrdup(json_string_value(v));
	}
	if (strcmp(h->format, "globe-feed/1") != 0) {
		why = xasprintf(_("header: format \"%s\" is not globe-feed/1"),
		    h->format);
		goto fail;
	}
	if (strcmp(h->kind, "snapshot") != 0 && strcmp(h->kind, "delta") != 0) {
		why = xasprintf(_("header: kind \"%s\" is neither snapshot nor "
		    "delta"), h->kind);
		goto fail;
	}
	if (feed_get_serial(root, "serial", &h->serial) != 0) {
		why = xasprintf(_("header: field 'serial': expected an "
		    "integer from 0 to %lld"), (long long)FEED_SERIAL_MAX);
		goto fail;
	}
	v = json_object_get(root, "from");
	if (strcmp(h->kind, "snapshot") == 0) {
		if (v != NULL) {
			why = xstrdup(_("header: a snapshot has no 'from'"));
			goto fail;
		}
	} else if (feed_get_serial(root, "from", &h->from) != 0) {
		why = xasprintf(_("header: field 'from': expected an "
		    "integer from 0 to %lld"), (long long)FEED_SERIAL_MAX);
		goto fail;
	}
	json_decref(root);
	return NET_OK;

fail:
	json_decref(root);
	feed_header_clear(h);
	feed_set_cause(cause, why);
	return NET_ERR_HEADER;
}

void
feed_header_clear(struct feed_header *h)
{
	free(h->format);
	free(h->feed_id);
	free(h->kind);
	h->format = h->feed_id = h->kind = NULL;
	h->from = -1;
	h->serial = -1;
}
