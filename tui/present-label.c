/*
 * present-label.c: what the feed's codes mean to a person. Each
 * vocabulary (designations, kinds of authority, roles, expertise,
 * languages) is a table of code, label and an optional brief form for a
 * list column; a code a table does not know is shown as the feed wrote
 * it, so a publisher can add codes before every client knows them. The
 * labels are translated here, once, for both front ends. JSON and CSV
 * keep the codes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/present.h"

static const struct present_code designation_names[] = {
	{ "mla-central",
	  N_("central authority for mutual legal assistance"),
	  N_("MLA central authority") },
	{ "extradition-central", N_("central authority for extradition"),
	  N_("extradition authority") },
	{ "asset-recovery-focal-point", N_("asset recovery focal point"),
	  N_("AR focal point") },
	{ "asset-recovery", N_("asset recovery focal point"),
	  N_("AR focal point") },
	{ "globe-focal-point", N_("GlobE focal point"), NULL },
	{ "spoc", N_("single point of contact"), N_("SPOC") },
	{ "uncac-focal-point", N_("UNCAC focal point"), NULL },
	{ "fiu", N_("financial intelligence unit"), N_("FIU") },
};

static const struct present_code kind_names[] = {
	{ "police", N_("police"), NULL },
	{ "prosecution", N_("prosecution service"), N_("prosecution") },
	{ "anti-corruption", N_("anti-corruption body"),
	  N_("anti-corruption") },
	{ "audit", N_("audit institution"), N_("audit") },
	{ "anti-fraud", N_("anti-fraud office"), N_("anti-fraud") },
	{ "legal-service", N_("legal service"), NULL },
	{ "financial-crime", N_("financial crime unit"),
	  N_("financial crime") },
	{ "judiciary", N_("judiciary"), NULL },
	{ "fiu", N_("financial intelligence unit"), N_("FIU") },
	{ "ministry", N_("ministry"), NULL },
};

static const struct present_code role_names[] = {
	{ "focal-point", N_("focal point"), NULL },
	{ "deputy-focal-point", N_("deputy focal point"), NULL },
	{ "case-officer", N_("case officer"), NULL },
	{ "head-of-unit", N_("head of unit"), NULL },
	{ "legal-advisor", N_("legal adviser"), NULL },
	{ "analyst", N_("analyst"), NULL },
	{ "liaison-officer", N_("liaison officer"), NULL },
};

static const struct present_code expertise_names[] = {
	{ "asset-recovery", N_("asset recovery"), NULL },
	{ "money-laundering", N_("money laundering"), NULL },
	{ "bribery", N_("bribery"), NULL },
	{ "procurement-fraud", N_("procurement fraud"), NULL },
	{ "mutual-legal-assistance", N_("mutual legal assistance"),
	  N_("MLA") },
	{ "extradition", N_("extradition"), NULL },
	{ "financial-investigation", N_("financial investigation"), NULL },
	{ "cybercrime", N_("cybercrime"), NULL },
	{ "whistleblower-protection", N_("whistleblower protection"), NULL },
	{ "embezzlement", N_("embezzlement"), NULL },
	{ "illicit-enrichment", N_("illicit enrichment"), NULL },
};

#define TABLE(t)	{ t, sizeof t / sizeof t[0] }

static const struct {
	const struct present_code	*v;
	size_t				 n;
} vocabularies[PV_COUNT] = {
	[PV_DESIGNATION] = TABLE(designation_names),
	[PV_KIND] = TABLE(kind_names),
	[PV_ROLE] = TABLE(role_names),
	[PV_EXPERTISE] = TABLE(expertise_names),
	[PV_LANGUAGE] = { NULL, 0 },	/* present-lang.c, sorted */
};

static int
code_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct present_code *)elem)->code);
}

const struct present_code *
present_code_find(enum present_vocab voc, const char *code)
{
	const struct present_code	*v;
	size_t				 n, i;

	if (code == NULL || (unsigned)voc >= PV_COUNT)
		return NULL;
	if (voc == PV_LANGUAGE) {
		v = present_lang_table(&n);
		return bsearch(code, v, n, sizeof *v, code_cmp);
	}
	v = vocabularies[voc].v;
	n = vocabularies[voc].n;
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].code, code) == 0)
			return &v[i];
	}
	return NULL;
}

const char *
present_label(enum present_vocab voc, const char *code)
{
	const struct present_code	*c = present_code_find(voc, code);

	return c != NULL ? _(c->label) : code;
}

const char *
present_label_brief(enum present_vocab voc, const char *code)
{
	const struct present_code	*c;

	/* A list column shows languages by their codes: "pt, en". */
	if (voc == PV_LANGUAGE)
		return code;
	c = present_code_find(voc, code);
	if (c == NULL)
		return code;
	return _(c->brief != NULL ? c->brief : c->label);
}

char *
present_labels(enum present_vocab voc, char *const *codes, size_t n,
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
			buf_adds(&b, sep);
		s = sanitize(brief ? present_label_brief(voc, codes[i]) :
		    present_label(voc, codes[i]), SANITIZE_LINE);
		buf_adds(&b, s);
		free(s);
	}
	return buf_detach(&b);
}
