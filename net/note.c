/*
 * note.c: the note the cache keeps of the last sync ("ok: contacts +3
 * ~1 -0", or a failure's message then its cause), written in fixed
 * English because it outlives the locale it was written in, and read
 * back into its parts so that `globe status` can say it in the reader's
 * language (tui/present-sync.c words it).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "common/common.h"
#include "net/net.h"

/* The kinds of record as the note names them (enum record_type order). */
static const char *const note_kinds[REC_NDATA] = {
	"countries", "authorities", "contacts", "newsletters", "routes"
};

char *
net_note_ok(const struct cache_changes *c)
{
	struct buf	b;
	int		t;

	buf_init(&b);
	buf_adds(&b, "ok:");
	for (t = 0; t < REC_NDATA; t++) {
		if (c->added[t] != 0 || c->changed[t] != 0 || c->removed[t] != 0)
			buf_addf(&b, "%s %s +%u ~%u -%u", b.len > 3 ? "," : "",
			    note_kinds[t], c->added[t], c->changed[t],
			    c->removed[t]);
	}
	if (b.len == 3)
		buf_adds(&b, " no changes");
	return buf_detach(&b);
}

/* One " KIND +A ~C -R" of an ok note into c; the rest of s, or NULL. */
static const char *
note_kind_parse(const char *s, struct cache_changes *c)
{
	unsigned	a, ch, r;
	size_t		len;
	int		t, n;

	for (t = 0; t < REC_NDATA; t++) {
		len = strlen(note_kinds[t]);
		if (s[0] == ' ' && strncmp(s + 1, note_kinds[t], len) == 0 &&
		    s[len + 1] == ' ')
			break;
	}
	if (t == REC_NDATA)
		return NULL;
	n = -1;
	if (sscanf(s + len + 1, " +%u ~%u -%u%n", &a, &ch, &r, &n) != 3 ||
	    n < 0)
		return NULL;
	c->added[t] = a;
	c->changed[t] = ch;
	c->removed[t] = r;
	return s + len + 1 + n;
}

/* The counts of an "ok:" note after its "ok:"; 0, or -1 if it is not one. */
static int
note_changes_parse(const char *s, struct cache_changes *c)
{
	memset(c, 0, sizeof *c);
	if (strcmp(s, " no changes") == 0)
		return 0;
	while ((s = note_kind_parse(s, c)) != NULL) {
		if (*s == '\0')
			return 0;
		if (*s++ != ',')
			break;
	}
	return -1;
}

void
net_note_parse(const char *stored, struct net_note *n)
{
	enum net_status	 st;
	const char	*msg;
	size_t		 len, best = 0;

	memset(n, 0, sizeof *n);
	n->kind = NET_NOTE_OTHER;
	n->text = stored != NULL ? stored : "";
	if (stored == NULL)
		return;
	if (strcmp(stored, "ok") == 0)
		n->kind = NET_NOTE_OK;
	else if (strcmp(stored, "ok: not modified") == 0)
		n->kind = NET_NOTE_NOT_MODIFIED;
	else if (strcmp(stored, "ok: unchanged") == 0)
		n->kind = NET_NOTE_UNCHANGED;
	else if (strncmp(stored, "ok:", 3) == 0) {
		if (note_changes_parse(stored + 3, &n->changes) == 0)
			n->kind = NET_NOTE_CHANGES;
	} else {
		/* A failure: a status's English message, ": ", the cause. */
		for (st = NET_OK + 1; (int)st < (int)NET_NSTATUS; st++) {
			msg = net_strerror_log(st);
			len = strlen(msg);
			/* The longest message that fits, should one be a
			 * prefix of another. */
			if (strncmp(stored, msg, len) == 0 &&
			    stored[len] == ':' && stored[len + 1] == ' ' &&
			    (n->why == NULL || len > best)) {
				n->kind = NET_NOTE_FAILED;
				n->why = net_strerror(st);
				n->cause = stored + len + 2;
				best = len;
			}
		}
	}
}
