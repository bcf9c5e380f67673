/*
 * cmd-json.c: --json. A list becomes one array of objects, each with
 * the keys of its record type (out_type_columns: its record_types[]
 * fields, then its extras), the same in every command, lists as arrays;
 * the flags, the documents they are reported as, and the change log have
 * arrays of their own. The data is kept as it is (JSON is for programs), but
 * nothing a terminal would obey reaches stdout raw: jansson escapes C0
 * controls, and out_json_safe escapes DEL, C1 and bidi controls.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "common/common.h"
#include "net/net.h"
#include "tui/cmd.h"

/* A JSON string of s; invalid UTF-8 (never from a valid feed) is sanitized. */
static json_t *
json_str(const char *s)
{
	json_t	*j;
	char	*clean;

	j = json_string(s);
	if (j == NULL) {
		clean = sanitize_data(s, SANITIZE_TEXT);
		j = json_string(clean);
		free(clean);
	}
	return j != NULL ? j : json_string("");
}

static json_t *
json_item(const struct out_item *it, const char **names, size_t n)
{
	struct out_value	 v;
	json_t			*o, *a;
	size_t			 i, k;

	o = json_object();
	for (i = 0; i < n; i++) {
		out_item_get(it, names[i], &v);
		switch (v.kind) {
		case OUTV_NONE:
			break;
		case OUTV_STRING:
			json_object_set_new(o, names[i], json_str(v.s));
			break;
		case OUTV_LIST:
			a = json_array();
			for (k = 0; k < v.n; k++)
				json_array_append_new(a, json_str(v.list[k]));
			json_object_set_new(o, names[i], a);
			break;
		case OUTV_NUMBER:
			json_object_set_new(o, names[i],
			    json_integer((json_int_t)v.num));
			break;
		case OUTV_BOOL:
			json_object_set_new(o, names[i], json_boolean(v.num));
			break;
		}
	}
	return o;
}

/* 1 if a terminal could act on cp though jansson leaves it raw. */
static int
json_unsafe(uint32_t cp)
{
	return cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
	    cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

char *
out_json_safe(const char *text)
{
	struct buf	 b;
	size_t		 len = strlen(text), i = 0;
	uint32_t	 cp;
	int		 n;

	buf_init(&b);
	while (i < len) {
		n = utf8_decode(text + i, len - i, &cp);
		if (n < 0) {
			/* jansson never writes this; drop it. */
			i++;
			continue;
		}
		if (json_unsafe(cp))
			buf_addf(&b, "\\u%04x", (unsigned)cp);
		else
			buf_add(&b, text + i, (size_t)n);
		i += (size_t)n;
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_detach(&b);
}

/*
 * The text of an array or object (which it frees), escaped, with a final
 * newline; empty stands for what jansson could not write.
 */
static char *
json_value_text(json_t *v, const char *empty)
{
	char	*text, *safe;

	text = json_dumps(v, JSON_INDENT(2));
	json_decref(v);
	if (text == NULL)
		return xasprintf("%s\n", empty);
	safe = out_json_safe(text);
	free(text);
	text = xasprintf("%s\n", safe);
	free(safe);
	return text;
}

/* The text of an array (which it frees), escaped, with a final newline. */
static char *
json_array_text(json_t *a)
{
	return json_value_text(a, "[]");
}

char *
out_json_list(const struct out_list *l)
{
	const char	**names[REC_NDATA] = { NULL };
	size_t		  n[REC_NDATA] = { 0 }, i;
	json_t		 *a;
	int		  t;

	/* Each record has its own type's keys in its own type's order. */
	a = json_array();
	for (i = 0; i < l->n; i++) {
		t = l->v[i].rec.type;
		if (names[t] == NULL)
			names[t] = out_type_columns(t, &n[t]);
		json_array_append_new(a, json_item(&l->v[i], names[t], n[t]));
	}
	for (t = 0; t < REC_NDATA; t++)
		free(names[t]);
	return json_array_text(a);
}

/* A measure as JSON: its code and label, its routes, why it is not possible. */
static json_t *
json_measure(const struct present_measure *m)
{
	json_t	*o = json_object();

	json_object_set_new(o, "measure", json_str(m->code));
	json_object_set_new(o, "label", json_str(present_label(VOCAB_MEASURE,
	    m->code)));
	json_object_set_new(o, "routes", json_integer((json_int_t)m->routes));
	if (m->routes == 0 && m->not_possible != NULL) {
		json_object_set_new(o, "not_possible",
		    json_str(m->not_possible));
		if (m->alternative != NULL) {
			json_object_set_new(o, "alternative",
			    json_str(m->alternative));
			json_object_set_new(o, "alternative_label",
			    json_str(present_label(VOCAB_MEASURE,
			    m->alternative)));
		}
	}
	return o;
}

char *
out_json_measures(const struct present_measure *m, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_measure(&m[i]));
	return json_array_text(a);
}

/* A unix time as RFC 3339 UTC, or null for none. */
static json_t *
json_time(int64_t t)
{
	char	when[32];

	if (t <= 0)
		return json_null();
	feed_time_format((time_t)t, when);
	return json_string(when);
}

char *
out_json_flags(const struct cache_flag *v, size_t n)
{
	json_t	*a, *o;
	size_t	 i;

	a = json_array();
	for (i = 0; i < n; i++) {
		o = json_object();
		json_object_set_new(o, "n", json_integer(v[i].n));
		json_object_set_new(o, "type",
		    json_string(record_types[v[i].type].name));
		json_object_set_new(o, "id", json_str(v[i].id));
		json_object_set_new(o, "name", v[i].name != NULL ?
		    json_str(v[i].name) : json_null());
		json_object_set_new(o, "text", json_str(v[i].text));
		json_object_set_new(o, "flagged", json_time(v[i].created));
		json_object_set_new(o, "feed_id", v[i].feed_id != NULL ?
		    json_str(v[i].feed_id) : json_null());
		json_object_set_new(o, "serial", v[i].serial >= 0 ?
		    json_integer(v[i].serial) : json_null());
		json_object_set_new(o, "state", json_string(v[i].sent > 0 ?
		    "sent" : "pending"));
		json_object_set_new(o, "sent", json_time(v[i].sent));
		json_object_set_new(o, "attempts", json_integer(v[i].attempts));
		json_object_set_new(o, "last_error", v[i].last_error != NULL ?
		    json_str(v[i].last_error) : json_null());
		json_object_set_new(o, "report_id", json_str(v[i].report_id));
		json_array_append_new(a, o);
	}
	return json_array_text(a);
}

char *
out_json_reports(const struct cache_flag *v, size_t n)
{
	json_t	*a, *doc;
	char	*text;
	size_t	 i;

	a = json_array();
	for (i = 0; i < n; i++) {
		text = net_report_document(&v[i]);
		if ((doc = json_loads(text, 0, NULL)) != NULL)
			json_array_append_new(a, doc);
		free(text);
	}
	return json_array_text(a);
}

/* added/changed/removed per kind, keyed as `globe sync --json` keys them. */
static json_t *
json_counts(const struct cache_changes *c)
{
	static const char *const names[REC_NDATA] = {
		"countries", "authorities", "contacts", "newsletters", "routes"
	};
	json_t	*o = json_object(), *t;
	int	 i;

	for (i = 0; i < REC_NDATA; i++) {
		t = json_object();
		json_object_set_new(t, "added", json_integer(c->added[i]));
		json_object_set_new(t, "changed", json_integer(c->changed[i]));
		json_object_set_new(t, "removed", json_integer(c->removed[i]));
		json_object_set_new(o, names[i], t);
	}
	return o;
}

/* An object (which it frees), escaped, with a final newline. */
static char *
json_object_text(json_t *o)
{
	return json_value_text(o, "{}");
}

char *
out_json_sync(const struct net_result *r)
{
	json_t	*o = json_object();

	json_object_set_new(o, "serial", json_integer(r->new_serial));
	json_object_set_new(o, "old_serial", r->old_serial < 0 ? json_null() :
	    json_integer(r->old_serial));
	json_object_set_new(o, "unchanged", json_boolean(r->unchanged));
	json_object_set_new(o, "objects", json_integer(r->nobjects));
	json_object_set_new(o, "bytes", json_integer((json_int_t)r->bytes));
	json_object_set_new(o, "changes", json_counts(&r->changes));
	if (r->expires != NULL)
		json_object_set_new(o, "expires", json_string(r->expires));
	return json_object_text(o);
}

/* A string, or null. */
static json_t *
json_str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

char *
out_json_status(const struct out_status *st)
{
	const struct cache_state	*s = st->state;
	const struct cache_counts	*c = st->counts;
	json_t				*o = json_object(), *cj, *keys, *k;
	size_t				 i;

	json_object_set_new(o, "db", json_str_or_null(st->db));
	json_object_set_new(o, "feed_url", json_str_or_null(s->feed_url));
	json_object_set_new(o, "feed_id", json_str_or_null(s->feed_id));
	json_object_set_new(o, "serial", s->serial < 0 ? json_null() :
	    json_integer(s->serial));
	json_object_set_new(o, "issued", json_str_or_null(s->issued));
	json_object_set_new(o, "expires", json_str_or_null(s->expires));
	json_object_set_new(o, "last_sync", json_str_or_null(st->last_sync));
	json_object_set_new(o, "last_result",
	    json_str_or_null(s->last_result));
	json_object_set_new(o, "last_success",
	    json_str_or_null(st->last_success));
	cj = json_object();
	json_object_set_new(cj, "countries", json_integer(c->countries));
	json_object_set_new(cj, "authorities", json_integer(c->authorities));
	json_object_set_new(cj, "contacts", json_integer(c->contacts));
	json_object_set_new(cj, "newsletters", json_integer(c->newsletters));
	json_object_set_new(cj, "unread", json_integer(c->unread));
	json_object_set_new(cj, "starred", json_integer(c->starred));
	json_object_set_new(o, "counts", cj);
	keys = json_array();
	for (i = 0; i < st->nkeys; i++) {
		k = json_object();
		json_object_set_new(k, "key", json_string(st->keys[i].base64));
		json_object_set_new(k, "origin", json_string(
		    st->keys[i].configured ? "configured" : "announced"));
		json_object_set_new(k, "serial", st->keys[i].configured &&
		    !st->keys[i].retired ? json_null() :
		    json_integer(st->keys[i].serial));
		json_object_set_new(k, "retired",
		    json_boolean(st->keys[i].retired));
		json_array_append_new(keys, k);
	}
	json_object_set_new(o, "signing_keys", keys);
	json_object_set_new(o, "members_epoch",
	    json_str_or_null(s->members_epoch));
	json_object_set_new(o, "device", json_str_or_null(st->device));
	return json_object_text(o);
}

char *
out_json_changes(const struct cache_change_sync *s, size_t ns,
    struct cache_change *const *entries, const size_t *n)
{
	static const char *const whats[] = { "added", "changed", "removed" };
	const struct cache_change	*c;
	json_t				*a, *o, *list, *e, *fields;
	const char			*p, *end;
	size_t				 i, k;

	a = json_array();
	for (i = 0; i < ns; i++) {
		o = json_object();
		json_object_set_new(o, "sync", json_integer(s[i].sync));
		json_object_set_new(o, "at", json_time(s[i].at));
		json_object_set_new(o, "serial", json_integer(s[i].serial));
		json_object_set_new(o, "old_serial", s[i].old_serial >= 0 ?
		    json_integer(s[i].old_serial) : json_null());
		json_object_set_new(o, "first", json_boolean(s[i].first));
		json_object_set_new(o, "counts", json_counts(&s[i].counts));
		list = json_array();
		for (k = 0; k < n[i]; k++) {
			c = &entries[i][k];
			e = json_object();
			json_object_set_new(e, "type",
			    json_string(record_types[c->type].name));
			json_object_set_new(e, "id", json_str(c->id));
			json_object_set_new(e, "name", c->name != NULL ?
			    json_str(c->name) : json_null());
			json_object_set_new(e, "change",
			    json_string(whats[c->what]));
			fields = json_array();
			for (p = c->fields; p != NULL && *p != '\0';
			    p = end != NULL ? end + 1 : NULL) {
				end = strchr(p, ',');
				json_array_append_new(fields, json_stringn(p,
				    end != NULL ? (size_t)(end - p) : strlen(p)));
			}
			json_object_set_new(e, "fields", fields);
			json_array_append_new(list, e);
		}
		json_object_set_new(o, "changes", list);
		json_array_append_new(a, o);
	}
	return json_array_text(a);
}
