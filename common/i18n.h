/*
 * i18n.h: the one way a user-visible string is marked for translation.
 * _() translates now, N_() marks a string in a table for xgettext and
 * leaves it alone (translate it with _() where it is shown), P_() picks
 * the singular or plural form for a count, and NC_("context", "text")
 * marks a string whose English has two meanings ("Starred": a screen, a
 * record's field) with a context, translated with i18n_ctx where it is
 * shown. Built with --disable-nls, all of them give the English text,
 * so a translated build and an untranslated one differ only in wording. The catalogue is bound once, in main
 * (i18n_init); po/POTFILES.in lists every file that uses these, and
 * po/README says how to write a string a translator can translate.
 */
#ifndef GLOBE_I18N_H
#define GLOBE_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s)		gettext(s)
#define P_(s, p, n)	ngettext((s), (p), (n))
#else
#define _(s)		((const char *)(s))
#define P_(s, p, n)	((n) == 1 ? (const char *)(s) : (const char *)(p))
#endif
#define N_(s)		(s)
/* "context\004text": xgettext reads it as msgctxt and msgid. */
#define NC_(c, s)	(c "\004" s)

/*
 * The translation of a table's string: one marked with NC_ (its context
 * dropped when there is no translation) or with N_. Static; never NULL.
 */
const char	*i18n_ctx(const char *s);

/*
 * Binds globe's catalogue: make's build tree (po/locale) for the globe
 * make built there, else $(localedir). Messages come as UTF-8; under a
 * codeset that is not UTF-8 they stay English. After charset_init.
 */
void	 i18n_init(void);

/*
 * Messages in the languages of list, a LANGUAGE list ("fr", "pt_BR",
 * "fr:es"; "C" or "en" for English), whatever LANGUAGE, LC_ALL,
 * LC_MESSAGES and LANG say: the config's language =. LANGUAGE is set to
 * it (children inherit it). Under a codeset that is not UTF-8 the
 * messages stay English. After i18n_init.
 */
void	 i18n_language_set(const char *list);

#endif
