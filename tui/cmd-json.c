/*
 * cmd-json.c: --json. A list becomes one array of objects, each with
 * the keys of its record type (out_type_columns: its record_types[]
 * fields, then its extras), the same in every command, lists as arrays. The data is kept as it is (JSON is for programs), but
 * nothing a terminal would obey reaches stdout raw: jansson escapes C0
 * controls, and out_json_safe escapes DEL, C1 and bidi controls.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "common/common.h"
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

/* The text of an array (which it frees), escaped, with a final newline. */
static char *
json_array_text(json_t *a)
{
	char	*text, *safe;

	text = json_dumps(a, JSON_INDENT(2));
	json_decref(a);
	if (text == NULL)
		return xstrdup("[]\n");
	safe = out_json_safe(text);
	free(text);
	text = xasprintf("%s\n", safe);
	free(safe);
	return text;
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
