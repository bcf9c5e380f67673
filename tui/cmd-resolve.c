/*
 * cmd-resolve.c: what a user types for a country or a search filter,
 * matched against what the cache holds. A country is its code or its
 * name, a filter value (kind, role, expertise, language) the value as
 * the records spell it, a code of a vocabulary (a measure, a stage) the
 * code or its label, in English or translated; case, accents (folded as
 * search folds them) and
 * space, '_' or '-' between words do not matter. Anything else is a
 * usage error that names the closest (common/suggest.c), never a silent
 * empty result.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "common/common.h"
#include "common/i18n.h"
#include "tui/cmd.h"

/* At most this many suggestions, and values listed when none is close. */
#define RESOLVE_SUGGEST_MAX	5
#define RESOLVE_LIST_MAX	20

/* What the cache holds nothing of: "no such role 'x'". Caller frees. */
static char *
resolve_unknown(enum cache_value_kind kind, const char *clean)
{
	switch (kind) {
	case CACHE_VALUES_KIND:
		/* TRANSLATORS: the value the user typed after --kind. */
		return xasprintf(_("no such authority kind '%s'"), clean);
	case CACHE_VALUES_ROLE:
		/* TRANSLATORS: the value the user typed after --role. */
		return xasprintf(_("no such role '%s'"), clean);
	case CACHE_VALUES_EXPERTISE:
		/* TRANSLATORS: the value the user typed after --expertise. */
		return xasprintf(_("no such expertise '%s'"), clean);
	case CACHE_VALUES_LANGUAGE:
		/* TRANSLATORS: the value the user typed after --language. */
		return xasprintf(_("no such language '%s'"), clean);
	case CACHE_VALUES_MEASURE:
		/* TRANSLATORS: what the user typed as a measure. */
		return xasprintf(_("no such measure '%s'"), clean);
	}
	return xasprintf(_("no such value '%s'"), clean);
}

/*
 * s folded as search folds it, each run of spaces, tabs, '_' and '-' as
 * one '-', none at either end ("  Asset  tracing " is asset-tracing).
 * Caller frees.
 */
static char *
resolve_key(const char *s)
{
	char	*k = fold_text(s), *p, *q;
	int	 sep = 0;

	for (p = q = k; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '_' || *p == '-') {
			sep = q > k;
			continue;
		}
		if (sep)
			*q++ = '-';
		sep = 0;
		*q++ = *p;
	}
	*q = '\0';
	return k;
}

static void
resolve_keys_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/*
 * Prints what (the unknown value, "no such role 'x'") and the
 * suggestions (shown[i] for the candidates keys[i], quoted if asked;
 * several keys may show the same) or the clause none when none is
 * close. Returns EXIT_USAGE.
 */
static int
resolve_fail(const char *what, const char *arg, char *const *keys,
    const char *const *shown, size_t n, int quoted, const char *none)
{
	const char	*best[RESOLVE_SUGGEST_MAX];
	size_t		 idx[RESOLVE_SUGGEST_MAX * 2], k, i, j, nb = 0;
	struct buf	 b, q;
	char		*key, *safe;
	int		 rc;

	key = resolve_key(arg);
	k = suggest_closest(key, (const char *const *)keys, n, idx,
	    RESOLVE_SUGGEST_MAX * 2);
	for (i = 0; i < k && nb < RESOLVE_SUGGEST_MAX; i++) {
		for (j = 0; j < nb && strcmp(best[j], shown[idx[i]]) != 0; j++)
			;
		if (j == nb)
			best[nb++] = shown[idx[i]];
	}
	buf_init(&b);
	buf_init(&q);
	if (nb > 0)
		suggest_question(&q, best, nb, quoted);
	else if (none != NULL)
		buf_adds(&q, none);
	if (q.data != NULL)
		/*
		 * TRANSLATORS: one message of two parts: what was wrong ("no
		 * such role 'x'"), then a suggestion ("did you mean 'y'?").
		 */
		buf_addf(&b, _("%s; %s"), what, q.data);
	else
		buf_adds(&b, what);
	safe = sanitize(b.data, SANITIZE_LINE);
	rc = cli_error(EXIT_USAGE, "%s", safe);
	free(safe);
	buf_free(&q);
	buf_free(&b);
	free(key);
	return rc;
}

/* A cache_row_cb collecting countries' codes and "Name (CC)". */
struct resolve_countries {
	char	**keys;		/* code, name, code, name … folded */
	char	**codes;	/* each key's country code */
	char	**shown;	/* each key's "Name (CC)" */
	int	 *is_code;	/* the key is a code, not a name */
	size_t	  n;
	size_t	  cap;
};

static void
resolve_country_add(struct resolve_countries *rc, char *key,
    const char *code, const char *shown, int is_code)
{
	if (rc->n == rc->cap) {
		rc->cap = rc->cap != 0 ? rc->cap * 2 : 64;
		rc->keys = xreallocarray(rc->keys, rc->cap, sizeof *rc->keys);
		rc->codes = xreallocarray(rc->codes, rc->cap,
		    sizeof *rc->codes);
		rc->shown = xreallocarray(rc->shown, rc->cap,
		    sizeof *rc->shown);
		rc->is_code = xreallocarray(rc->is_code, rc->cap,
		    sizeof *rc->is_code);
	}
	rc->is_code[rc->n] = is_code;
	rc->keys[rc->n] = key;
	rc->codes[rc->n] = xstrdup(code);
	rc->shown[rc->n] = xstrdup(shown);
	rc->n++;
}

static int
resolve_country_cb(const struct record *r, const struct cache_extra *extra,
    void *arg)
{
	const char	*code = r->v[COUNTRY_CODE].s;
	const char	*name = r->v[COUNTRY_NAME].s;
	char		*shown;

	(void)extra;
	if (code == NULL)
		return 0;
	shown = xasprintf("%s (%s)", name != NULL ? name : code, code);
	resolve_country_add(arg, resolve_key(code), code, shown, 1);
	if (name != NULL)
		resolve_country_add(arg, resolve_key(name), code, shown, 0);
	free(shown);
	return 0;
}

int
cli_resolve_country(struct cli *cli, const char *arg, char **code)
{
	struct resolve_countries	 c;
	struct cache_filter		 f;
	enum cache_status		 st;
	char				*key, *clean, *what;
	size_t				 i;
	int				 rc = EXIT_USAGE, pass;

	*code = NULL;
	memset(&c, 0, sizeof c);
	memset(&f, 0, sizeof f);
	f.type = REC_COUNTRY;
	st = cache_list(cli->cache, &f, resolve_country_cb, &c);
	if (st != CACHE_OK) {
		rc = cli_cache_error(st, _("cannot read the cache"), NULL);
		goto out;
	}
	key = resolve_key(arg);
	/* Codes first: "in" is India even if a name were "In". */
	for (pass = 1; pass >= 0 && *code == NULL; pass--) {
		for (i = 0; i < c.n && *code == NULL; i++) {
			if (c.is_code[i] == pass && strcmp(c.keys[i], key) == 0)
				*code = xstrdup(c.codes[i]);
		}
	}
	free(key);
	if (*code != NULL) {
		rc = EXIT_OK;
		goto out;
	}
	clean = sanitize(arg, SANITIZE_LINE);
	/* TRANSLATORS: the country as the user typed it. */
	what = xasprintf(_("no such country '%s'"), clean);
	rc = resolve_fail(what, arg, c.keys, (const char *const *)c.shown,
	    /* TRANSLATORS: 'globe countries' is a command: keep it. */
	    c.n, 0, c.n > 0 ? _("'globe countries' lists them") :
	    /* TRANSLATORS: 'globe sync' is a command: keep it. */
	    _("the cache holds none yet ('globe sync' fills it)"));
	free(what);
	free(clean);
out:
	resolve_keys_free(c.keys, c.n);
	resolve_keys_free(c.codes, c.n);
	resolve_keys_free(c.shown, c.n);
	free(c.is_code);
	return rc;
}

int
cli_resolve_value(struct cli *cli, enum cache_value_kind kind,
    const char *arg, char **value)
{
	enum cache_status	 st;
	struct buf		 none, list;
	char			**v, **keys, *key, *clean, *what;
	size_t			 n, i;
	int			 rc;

	/* Spelt as a record has it: a scan that stops at the first. */
	st = cache_value_find(cli->cache, kind, arg, value);
	if (st == CACHE_OK)
		return EXIT_OK;
	if (st != CACHE_ERR_NOTFOUND)
		return cli_cache_error(st, _("cannot read the cache"), NULL);
	st = cache_values_list(cli->cache, kind, &v, &n);
	if (st != CACHE_OK)
		return cli_cache_error(st, _("cannot read the cache"), NULL);
	key = resolve_key(arg);
	keys = xcalloc(n + 1, sizeof *keys);
	for (i = 0; i < n; i++) {
		keys[i] = resolve_key(v[i]);
		if (*value == NULL && strcmp(keys[i], key) == 0)
			*value = xstrdup(v[i]);
	}
	free(key);
	rc = EXIT_OK;
	if (*value == NULL) {
		/* For when none is close: the values there are (20 at most). */
		buf_init(&none);
		buf_init(&list);
		suggest_join(&list, (const char *const *)v,
		    n < RESOLVE_LIST_MAX ? n : RESOLVE_LIST_MAX, 0, 0);
		if (n == 0)
			buf_adds(&none, _("the cache holds none"));
		else if (n <= RESOLVE_LIST_MAX)
			/* TRANSLATORS: the values of the feed, listed. */
			buf_addf(&none, _("the cache holds %s"), list.data);
		else
			/*
			 * TRANSLATORS: the first values of the feed, listed,
			 * and how many more there are (the form follows it).
			 */
			buf_addf(&none, P_("the cache holds %s and %zu more",
			    "the cache holds %s and %zu more",
			    n - RESOLVE_LIST_MAX), list.data,
			    n - RESOLVE_LIST_MAX);
		clean = sanitize(arg, SANITIZE_LINE);
		what = resolve_unknown(kind, clean);
		rc = resolve_fail(what, arg, keys, (const char *const *)v, n,
		    1, none.data);
		free(what);
		free(clean);
		buf_free(&list);
		buf_free(&none);
	}
	resolve_keys_free(keys, n);
	cache_values_free(v, n);
	return rc;
}

/* Adds code and its labels to the candidates (keys folded, shown). */
static void
resolve_code_add(struct resolve_countries *rc, enum vocab voc,
    const char *code)
{
	const struct vocab_code	*v;
	const char		*label;
	char			*shown;
	size_t			 i;

	for (i = 0; i < rc->n; i++) {
		if (rc->is_code[i] && strcmp(rc->codes[i], code) == 0)
			return;
	}
	v = vocab_find(voc, code);
	label = v != NULL ? i18n_ctx(v->label) : NULL;
	shown = label != NULL && strcmp(label, code) != 0 ?
	    xasprintf("%s (%s)", label, code) : xstrdup(code);
	resolve_country_add(rc, resolve_key(code), code, shown, 1);
	if (v != NULL) {
		resolve_country_add(rc, resolve_key(vocab_label_en(voc, code)),
		    code, shown, 0);
		if (strcmp(label, vocab_label_en(voc, code)) != 0)
			resolve_country_add(rc, resolve_key(label), code, shown,
			    0);
		if (v->brief != NULL)
			resolve_country_add(rc,
			    resolve_key(i18n_ctx(v->brief)), code, shown, 0);
	}
	free(shown);
}

/* What is unknown: "no such measure 'x'" (arg sanitized). Caller frees. */
static char *
resolve_unknown_code(enum vocab voc, const char *arg)
{
	char	*clean, *s;

	clean = sanitize(arg, SANITIZE_LINE);
	switch (voc) {
	case VOCAB_MEASURE:
		/* TRANSLATORS: what the user typed as a measure (globe route). */
		s = xasprintf(_("no such measure '%s'"), clean);
		break;
	case VOCAB_STAGE:
		/* TRANSLATORS: what the user typed after --stage. */
		s = xasprintf(_("no such stage '%s'"), clean);
		break;
	default:
		s = xasprintf(_("no such value '%s'"), clean);
		break;
	}
	free(clean);
	return s;
}

int
cli_resolve_code(struct cli *cli, enum vocab voc, const char *arg,
    char *const *extra, size_t nextra, const char *none, char **code)
{
	struct resolve_countries	 c;
	const struct vocab_code		*v;
	char				*key, *what;
	size_t				 i, n;
	int				 rc, pass;

	(void)cli;
	*code = NULL;
	memset(&c, 0, sizeof c);
	for (i = 0; i < nextra; i++) {
		if (extra[i] != NULL && *extra[i] != '\0')
			resolve_code_add(&c, voc, extra[i]);
	}
	v = vocab_table(voc, &n);
	for (i = 0; i < n; i++) {
		/* "any" is no answer to a question. */
		if (strcmp(v[i].code, "any") != 0)
			resolve_code_add(&c, voc, v[i].code);
	}
	key = resolve_key(arg);
	for (pass = 1; pass >= 0 && *code == NULL; pass--) {
		for (i = 0; i < c.n && *code == NULL; i++) {
			if (c.is_code[i] == pass && strcmp(c.keys[i], key) == 0)
				*code = xstrdup(c.codes[i]);
		}
	}
	free(key);
	if (*code != NULL)
		rc = EXIT_OK;
	else {
		what = resolve_unknown_code(voc, arg);
		rc = resolve_fail(what, arg, c.keys,
		    (const char *const *)c.shown, c.n, 0, none);
		free(what);
	}
	resolve_keys_free(c.keys, c.n);
	resolve_keys_free(c.codes, c.n);
	resolve_keys_free(c.shown, c.n);
	free(c.is_code);
	return rc;
}
