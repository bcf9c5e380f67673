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
 *
 * The config's language = (i18n_language_set) is a LANGUAGE list that
 * globe sets for itself, once it has read the config: GNU gettext reads
 * LANGUAGE at each call, before LC_ALL, LC_MESSAGES and LANG, except
 * under the C locale of messages.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "common/i18n.h"

#ifdef HAVE_NL_MSG_CAT_CNTR
/* GNU gettext's count of catalogues loaded; see i18n_language_set. */
extern int	_nl_msg_cat_cntr;
#endif

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

#ifdef ENABLE_NLS
/* 1 for the C locale's name, under which gettext ignores LANGUAGE. */
static int
i18n_locale_c(const char *name)
{
	return name == NULL || strcmp(name, "C") == 0 ||
	    strcmp(name, "POSIX") == 0;
}

/* Sets category to name (a copy is taken: name may be setlocale's). */
static void
i18n_locale_set(int category, const char *name)
{
	char	*copy;

	if (name == NULL)
		return;
	copy = xstrdup(name);
	setlocale(category, copy);
	free(copy);
}
#endif

void
i18n_language_set(const char *list)
{
#ifdef ENABLE_NLS
	/* There LC_MESSAGES is C, and the messages English (i18n_init). */
	if (!charset_utf8())
		return;
	/*
	 * LANG unset beside LC_CTYPE=C.UTF-8, or LC_MESSAGES=C: gettext
	 * would ignore the list. The C library's C.UTF-8 has the same
	 * English messages and lets it apply; else the locale of the
	 * characters, UTF-8 here, does.
	 */
	if (i18n_locale_c(setlocale(LC_MESSAGES, NULL)) &&
	    setlocale(LC_MESSAGES, "C.UTF-8") == NULL)
		i18n_locale_set(LC_MESSAGES, setlocale(LC_CTYPE, NULL));
	setenv("LANGUAGE", list, 1);
	/*
	 * gettext remembers each translation it made under the locale's
	 * name, not LANGUAGE's: without this, a message translated before
	 * would come back in the environment's language.
	 */
#ifdef HAVE_NL_MSG_CAT_CNTR
	_nl_msg_cat_cntr++;
#else
	/* setlocale raises that count itself. */
	i18n_locale_set(LC_MESSAGES, setlocale(LC_MESSAGES, NULL));
#endif
#else
	(void)list;
#endif
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
