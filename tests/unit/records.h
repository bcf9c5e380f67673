/*
 * records.h: records made in a line for the cache's unit programs
 * (test-cache, test-changes, test-search): rec() from pairs of field
 * name and value, and a set of them to apply as one snapshot or delta.
 */
#ifndef GLOBE_TEST_RECORDS_H
#define GLOBE_TEST_RECORDS_H

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"

/*
 * A record from pairs of field name and value, ending with NULL (a list
 * field's value is comma-separated). Aborts on an unknown field.
 */
static inline struct record *
rec(enum record_type type, ...)
{
	struct record	*r = xcalloc(1, sizeof *r);
	const char	*name, *value;
	char		*copy, *p, *item;
	va_list		 ap;
	int		 f;

	r->type = type;
	va_start(ap, type);
	while ((name = va_arg(ap, const char *)) != NULL) {
		value = va_arg(ap, const char *);
		if ((f = record_field_index(type, name)) < 0)
			abort();
		if (record_types[type].fields[f].kind == RF_STRING) {
			record_set(r, f, value);
			continue;
		}
		copy = xstrdup(value);
		p = copy;
		while ((item = strsep(&p, ",")) != NULL)
			record_list_add(r, f, item);
		free(copy);
	}
	va_end(ap);
	return r;
}

#define MAXRECS	64
/* Records to apply together; the set owns them. */
struct set {
	struct record	*v[MAXRECS];
	size_t		 n;
};

static inline void
set_add(struct set *s, struct record *r)
{
	if (s->n == MAXRECS)
		abort();
	s->v[s->n++] = r;
}

static inline void
set_free(struct set *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++) {
		record_clear(s->v[i]);
		free(s->v[i]);
	}
	s->n = 0;
}

#endif
