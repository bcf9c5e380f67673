/*
 * present-label.c: what the feed's codes mean to a person. The
 * vocabularies (designations, kinds of authority, roles, expertise,
 * languages, and a route's measures, channels, conditions …) are tables
 * in common/vocab.c, which the cache reads too; a code a table does not
 * know is shown as the feed wrote it, so a publisher can add codes
 * before every client knows them. The labels are translated here, once,
 * for both front ends. JSON and CSV keep the codes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/present.h"

const char *
present_label(enum vocab voc, const char *code)
{
	const struct vocab_code	*c = vocab_find(voc, code);

	return c != NULL ? i18n_ctx(c->label) : code;
}

const char *
present_label_brief(enum vocab voc, const char *code)
{
	const struct vocab_code	*c;

	/* A list column shows languages by their codes: "pt, en". */
	if (voc == VOCAB_LANGUAGE)
		return code;
	c = vocab_find(voc, code);
	if (c == NULL)
		return code;
	return i18n_ctx(c->brief != NULL ? c->brief : c->label);
}

const char *
present_sep_list(void)
{
	/* TRANSLATORS: between the items of a list: "Portuguese, English". */
	return _(", ");
}

const char *
present_sep_items(void)
{
	/*
	 * TRANSLATORS: between longer items that may hold commas: "central
	 * authority for mutual legal assistance; GlobE focal point".
	 */
	return _("; ");
}

char *
present_labels(enum vocab voc, char *const *codes, size_t n,
    int brief, const char *sep)
{
	struct buf	 b;
	size_t		 i;
	char		*s;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (codes[i] == NULL)
			continue;
		if (b.len > 0)
			buf_adds(&b, sep[0] == ';' ? present_sep_items() :
			    present_sep_list());
		s = sanitize(brief ? present_label_brief(voc, codes[i]) :
		    present_label(voc, codes[i]), SANITIZE_LINE);
		buf_adds(&b, s);
		free(s);
	}
	return buf_detach(&b);
}
