/*
 * present-sync.c: what a sync says to a person, in one set of words for
 * `globe sync` and the full screen: its progress while it runs, and what
 * it changed when it ends (in full, on the status line, or as totals
 * where the line is narrow), and what became of the officer's flags. It
 * reads net/'s result structures and calls nothing of net/ or the cache.
 */
#include "config.h"

#include <stdlib.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/net.h"
#include "tui/present.h"

/* The kinds of record, as a sync counts them (enum record_type order). */
static const char *const sync_kind_names[REC_NDATA] = {
	N_("countries"), N_("authorities"), N_("contacts"), N_("newsletters"),
	N_("routes")
};

char *
present_sync_changes(const struct cache_changes *c)
{
	struct buf	b;
	int		t;

	buf_init(&b);
	for (t = 0; t < REC_NDATA; t++) {
		if (c->added[t] == 0 && c->changed[t] == 0 && c->removed[t] == 0)
			continue;
		if (b.len > 0)
			buf_adds(&b, present_sep_list());
		/* TRANSLATORS: a kind of record, then added, changed, removed. */
		buf_addf(&b, _("%s +%u ~%u -%u"), _(sync_kind_names[t]),
		    c->added[t], c->changed[t], c->removed[t]);
	}
	if (b.len == 0)
		buf_adds(&b, _("no changes"));
	return buf_detach(&b);
}

/* Every kind together: "synced +2 ~1 -1". Caller frees. */
static char *
sync_totals(const struct cache_changes *c)
{
	unsigned	a = 0, ch = 0, d = 0;
	int		t;

	for (t = 0; t < REC_NDATA; t++) {
		a += c->added[t];
		ch += c->changed[t];
		d += c->removed[t];
	}
	return xasprintf(_("synced +%u ~%u -%u"), a, ch, d);
}

/* The flags' part: sent, waiting, and why (unless brief). Caller frees. */
static char *
sync_reports(const struct net_result *r, int brief)
{
	struct buf	 b;
	unsigned	 n;
	char		*why;

	if (r->reports_sent == 0 && r->reports_pending == 0)
		return NULL;
	buf_init(&b);
	if ((n = r->reports_sent) > 0)
		/* TRANSLATORS: flags the secretariat's server accepted. */
		buf_addf(&b, P_("%u flag sent", "%u flags sent", n), n);
	if ((n = r->reports_pending) > 0) {
		if (b.len > 0)
			buf_adds(&b, present_sep_list());
		if (brief || (!r->reports_nowhere && r->reports_error == NULL))
			buf_addf(&b, P_("%u flag waits", "%u flags wait", n), n);
		else if (r->reports_nowhere)
			/* TRANSLATORS: keep `globe flags --export` as it is. */
			buf_addf(&b, P_("%u flag waits: the feed names no "
			    "reports URL (globe flags --export writes it out)",
			    "%u flags wait: the feed names no reports URL "
			    "(globe flags --export writes them out)", n), n);
		else {
			why = sanitize(r->reports_error, SANITIZE_LINE);
			/* TRANSLATORS: flags not sent, then why. */
			buf_addf(&b, P_("%u flag waits: %s", "%u flags wait: %s",
			    n), n, why);
			free(why);
		}
	}
	return buf_detach(&b);
}

char *
present_sync_reports(const struct net_result *r)
{
	return sync_reports(r, 0);
}

/* The sync's words with the flags' after them (each may be NULL). */
static char *
sync_with_reports(char *text, const struct net_result *r,
    enum present_sync_form form)
{
	char	*reports, *out;

	reports = sync_reports(r, form == PRESENT_SYNC_BRIEF);
	if (reports == NULL)
		return text;
	if (form == PRESENT_SYNC_FULL)
		/* TRANSLATORS: what a sync did; then what became of flags. */
		out = xasprintf(_("%s; %s"), text, reports);
	else
		out = xasprintf("%s %s %s", text, charset_glyph(GLYPH_DOT),
		    reports);
	free(reports);
	free(text);
	return out;
}

/* The sync's own words, without the flags. */
static char *
sync_done(const struct net_result *r, enum present_sync_form form)
{
	char	*changes, *was, *bytes, *out;

	if (r->unchanged)
		return form == PRESENT_SYNC_BRIEF ? xstrdup(_("up to date")) :
		    xasprintf(_("already up to date (serial %lld)"),
		    (long long)r->new_serial);
	if (form == PRESENT_SYNC_BRIEF)
		return sync_totals(&r->changes);
	changes = present_sync_changes(&r->changes);
	if (form == PRESENT_SYNC_LINE) {
		out = xasprintf(_("synced serial %lld: %s"),
		    (long long)r->new_serial, changes);
		free(changes);
		return out;
	}
	if (r->old_serial < 0)
		was = xstrdup(_("was empty"));
	else
		was = xasprintf(_("was %lld"), (long long)r->old_serial);
	bytes = xasprintf(P_("%llu byte", "%llu bytes", r->bytes),
	    (unsigned long long)r->bytes);
	/* TRANSLATORS: serial, "was N", the changes, "N bytes". */
	out = xasprintf(_("synced serial %lld (%s): %s (%s)"),
	    (long long)r->new_serial, was, changes, bytes);
	free(bytes);
	free(was);
	free(changes);
	return out;
}

char *
present_sync_done(const struct net_result *r, enum present_sync_form form)
{
	return sync_with_reports(sync_done(r, form), r, form);
}

char *
present_sync_progress(const struct net_progress *p)
{
	uint64_t	part;
	unsigned	pct, done;

	switch (p->phase) {
	case NET_PHASE_INDEX:
		return xstrdup(_("syncing: fetching the index"));
	case NET_PHASE_OBJECT:
		if (p->nobjects == 0)
			break;
		/* The objects before this one, and this one's bytes. */
		part = p->total > 0 ? p->bytes * 100 / p->total : 0;
		if (part > 100)
			part = 100;
		done = p->object > 0 ? p->object - 1 : 0;
		pct = (unsigned)((done * 100 + part) / p->nobjects);
		return xasprintf(_("syncing %u%% (objects %u/%u)"), pct,
		    p->object, p->nobjects);
	case NET_PHASE_APPLY:
		return xasprintf(P_("syncing: applying (objects %u/%u, %llu "
		    "record)", "syncing: applying (objects %u/%u, %llu "
		    "records)", p->records), p->object, p->nobjects,
		    (unsigned long long)p->records);
	}
	return xstrdup(_("syncing"));
}

/* A device not among a member-only feed's recipients: what to send. */
static char *
sync_not_member(const char *recipient)
{
	/*
	 * TRANSLATORS: a sync of a feed encrypted to the network's members,
	 * on a device that is not one of them. %s is the device's
	 * recipient key, one token to send as it is.
	 */
	return xasprintf(_("this feed is encrypted to its members and this "
	    "device is not one of them; send this line to the secretariat: "
	    "%s"), recipient);
}

char *
present_sync_failed(const char *why, int not_member, const char *cause)
{
	char	*clean, *out;

	clean = sanitize(cause != NULL ? cause : "", SANITIZE_LINE);
	if (not_member)
		/* The words: what to send, and to whom. */
		out = sync_not_member(clean);
	else if (*clean != '\0')
		/*
		 * TRANSLATORS: why a sync failed ("signature check failed"),
		 * then what exactly (a file, a key, a field).
		 */
		out = xasprintf(_("sync failed: %s: %s"), why, clean);
	else
		/* TRANSLATORS: %s says why a sync failed. */
		out = xasprintf(_("sync failed: %s"), why);
	free(clean);
	return out;
}

char *
present_sync_note(const struct net_note *n)
{
	char	*changes, *cause, *out;

	switch (n->kind) {
	case NET_NOTE_OK:
		/* TRANSLATORS: what the last sync did, in globe status. */
		return xstrdup(_("ok"));
	case NET_NOTE_NOT_MODIFIED:
		/* TRANSLATORS: the server said the feed had not changed. */
		return xstrdup(_("ok: not modified"));
	case NET_NOTE_UNCHANGED:
		/* TRANSLATORS: the feed had the serial already in the cache. */
		return xstrdup(_("ok: unchanged"));
	case NET_NOTE_CHANGES:
		changes = present_sync_changes(&n->changes);
		/* TRANSLATORS: %s is what it changed ("contacts +3 ~1 -0"). */
		out = xasprintf(_("ok: %s"), changes);
		free(changes);
		return out;
	case NET_NOTE_FAILED:
		cause = sanitize(n->cause, SANITIZE_LINE);
		/* TRANSLATORS: why the last sync failed, then the detail. */
		out = xasprintf(_("%s: %s"), n->why, cause);
		free(cause);
		return out;
	case NET_NOTE_OTHER:
		break;
	}
	return sanitize(n->text, SANITIZE_LINE);
}

char *
present_signing_key(int configured, int retired, int64_t serial)
{
	if (configured && retired)
		/* TRANSLATORS: where a trusted signing key came from. */
		return xasprintf(_("configured, retired at serial %lld"),
		    (long long)serial);
	if (configured)
		return xstrdup(_("configured"));
	return xasprintf(_("announced at serial %lld"), (long long)serial);
}

char *
present_sync_passphrase_prompt(int attempt)
{
	/* TRANSLATORS: asked while a sync waits; what is typed is not shown. */
	return xstrdup(attempt <= 1 ? _("passphrase for this device's key: ") :
	    _("wrong passphrase; passphrase for this device's key: "));
}
