/*
 * i18n.c: binds globe's message catalogue once, at start-up. The globe
 * that make built reads the catalogues make compiled beside it
 * (BUILDDIR/po/locale), so the tests need no install; an installed one
 * reads $(localedir).
 *
 * Messages are always asked for in UTF-8, the one encoding globe's width,
 * wrapping and sanitizing code reads. Under a codeset that is not UTF-8
 * globe writes only ASCII (charset.c), and a translation cannot be shown
 * there: Arabic, Chinese or Russian would be all "?", and the C library
 * would hand over Latin-1 or UTF-8 bytes for the terminal to garble. So
 * there LC_MESSAGES is C: globe's messages and the C library's (strerror)
 * are English, as gettext itself does for LANGUAGE under LC_ALL=C.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "common/common.h"
#include "common/i18n.h"

void
i18n_init(void)
{
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, path_self_in(GLOBE_BUILDDIR) ?
	    GLOBE_BUILDDIR "/po/locale" : GLOBE_LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
	if (!charset_utf8())
		setlocale(LC_MESSAGES, "C");
}

const char *
i18n_ctx(const char *s)
{
	const char	*t, *sep;

	if (s == NULL)
		return "";
#ifdef ENABLE_NLS
	t = gettext(s);
#else
	t = s;
#endif
	/* Untranslated, gettext hands back the key itself: drop its context. */
	if (t == s && (sep = strchr(s, '\004')) != NULL)
		return sep + 1;
	return t;
}
