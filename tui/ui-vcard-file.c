/*
 * ui-vcard-file.c: `v` saves the focused contact or authority as a vCard
 * file, written by the same vCard 4.0 code as `globe --vcard`
 * (present-vcard.c), so the two never differ.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

int
vcard_file_write(struct cache *cache, const char *id, const char *path,
    char **cause)
{
	struct cache_filter	 f;
	struct out_list		 list;
	struct buf		 b;
	int			 type, rc;

	type = cache_id_type(cache, id);
	if (type != REC_CONTACT && type != REC_AUTHORITY) {
		*cause = xstrdup(_("no such contact or authority"));
		return -1;
	}
	memset(&f, 0, sizeof f);
	f.type = type;
	f.id = id;
	out_list_init(&list);
	if (cache_list(cache, &f, out_list_add_cb, &list) != CACHE_OK ||
	    list.n == 0) {
		out_list_free(&list);
		*cause = xstrdup(_("cannot read it from the cache"));
		return -1;
	}
	buf_init(&b);
	out_vcard_list(&b, &list);
	out_list_free(&list);
	rc = file_write_atomic(path, b.data != NULL ? b.data : "", b.len,
	    0600, 0);
	if (rc != 0)
		*cause = xstrdup(strerror(errno));
	buf_free(&b);
	return rc == 0 ? 0 : -1;
}
