/*
 * vocab.c: the vocabularies of the feed's codes, one table each: what a
 * code means in English (marked N_() for translation) and a brief form
 * for a list column. The presentation (tui/present-label.c) translates a
 * label where it is shown; the cache indexes the English label for
 * search ("asset tracing brazil" finds a route whose measure is
 * asset-tracing). A code no table knows stays as the feed wrote it, so
 * a publisher may add codes before every client knows them. A label
 * changed here reaches an existing cache's search index only when a
 * schema step rebuilds it (cache/schema.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "common/i18n.h"

static const struct vocab_code designation_names[] = {
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

static const struct vocab_code kind_names[] = {
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

static const struct vocab_code role_names[] = {
	{ "focal-point", N_("focal point"), NULL },
	{ "deputy-focal-point", N_("deputy focal point"), NULL },
	{ "case-officer", N_("case officer"), NULL },
	{ "head-of-unit", N_("head of unit"), NULL },
	{ "legal-advisor", N_("legal adviser"), NULL },
	{ "analyst", N_("analyst"), NULL },
	{ "liaison-officer", N_("liaison officer"), NULL },
};

static const struct vocab_code expertise_names[] = {
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

/*
 * What an officer asks another State for: the measures of the contract,
 * then two broader ones that public sources (and the demo) name: a
 * formal request for mutual legal assistance of any kind, and asset
 * recovery as a whole. Written as titles: a measure heads a screen.
 */
static const struct vocab_code measure_names[] = {
	{ "informal-information", N_("Informal information exchange"),
	  N_("Informal information") },
	{ "spontaneous-information", N_("Spontaneous information"), NULL },
	{ "company-records", N_("Company records"), NULL },
	{ "bank-records", N_("Bank records"), NULL },
	{ "asset-tracing", N_("Asset tracing"), NULL },
	{ "freezing", N_("Freezing of assets"), N_("Freezing") },
	{ "confiscation", N_("Confiscation"), NULL },
	{ "asset-return", N_("Return of assets"), N_("Asset return") },
	{ "witness-statement", N_("Witness statement"), NULL },
	{ "search-seizure", N_("Search and seizure"), NULL },
	{ "extradition", N_("Extradition"), NULL },
	{ "joint-investigation", N_("Joint investigation team"),
	  N_("Joint investigation") },
	{ "mla", N_("Mutual legal assistance (any formal request)"),
	  N_("Mutual legal assistance") },
	{ "asset-recovery", N_("Asset recovery (any measure)"),
	  N_("Asset recovery") },
};

static const struct vocab_code channel_names[] = {
	{ "direct", N_("direct, authority to authority"), N_("direct") },
	{ "globe-scp", N_("GlobE Secure Communication Platform"),
	  N_("GlobE SCP") },
	{ "central-authority", N_("through the central authority"),
	  N_("central authority") },
	{ "diplomatic", N_("diplomatic channel"), N_("diplomatic") },
	{ "interpol", N_("INTERPOL"), NULL },
	{ "egmont", N_("Egmont Group, FIU to FIU"), N_("Egmont") },
	{ "carin-arin", N_("CARIN or a regional asset recovery network"),
	  N_("CARIN/ARIN") },
	{ "star-interpol", N_("StAR-INTERPOL asset recovery focal points"),
	  N_("StAR-INTERPOL") },
};

static const struct vocab_code formality_names[] = {
	{ "informal", N_("informal"), NULL },
	{ "formal", N_("formal request"), N_("formal") },
};

static const struct vocab_code urgency_names[] = {
	{ "any", N_("urgent or not"), N_("any") },
	{ "urgent", N_("urgent"), NULL },
	{ "normal", N_("not urgent"), NULL },
};

static const struct vocab_code stage_names[] = {
	{ "any", N_("any stage"), N_("any") },
	{ "intelligence", N_("intelligence"), NULL },
	{ "investigation", N_("investigation"), NULL },
	/* TRANSLATORS: a stage of a case, after investigation. */
	{ "prosecution", NC_("stage", "prosecution"), NULL },
	{ "trial", N_("trial"), NULL },
	{ "enforcement", N_("enforcement of a judgment"),
	  N_("enforcement") },
};

static const struct vocab_code requirement_names[] = {
	{ "dual-criminality", N_("dual criminality"), NULL },
	{ "treaty", N_("a treaty in force between the two States"),
	  N_("treaty") },
	{ "reciprocity", N_("an assurance of reciprocity"),
	  N_("reciprocity") },
	{ "signature", N_("signed by the requesting authority"),
	  N_("signature") },
	{ "apostille", N_("apostille"), NULL },
	{ "e-signature", N_("electronic signature accepted"),
	  N_("e-signature") },
	{ "encryption", N_("sent encrypted"), N_("encryption") },
	{ "translation", N_("translation into an accepted language"),
	  N_("translation") },
	{ "urgency-justification", N_("the urgency explained"),
	  N_("urgency explained") },
	{ "form", N_("on the authority's own form"), N_("form") },
};

static const struct vocab_code legal_basis_names[] = {
	{ "uncac-46", N_("UNCAC article 46 (mutual legal assistance)"),
	  N_("UNCAC art. 46") },
	{ "uncac-44", N_("UNCAC article 44 (extradition)"),
	  N_("UNCAC art. 44") },
	{ "untoc-18", N_("UNTOC article 18 (mutual legal assistance)"),
	  N_("UNTOC art. 18") },
	{ "bilateral-treaty", N_("bilateral treaty"), NULL },
	{ "regional-instrument", N_("regional instrument"), NULL },
	{ "reciprocity", N_("reciprocity"), NULL },
	{ "domestic-law", N_("domestic law"), NULL },
};

/*
 * The conditions a language is accepted on ("en:urgent-only"): each
 * label is a format with the language's name for %s.
 */
static const struct vocab_code lang_condition_names[] = {
	/* TRANSLATORS: %s is a language's name: "English only if urgent". */
	{ "urgent-only", N_("%s only if urgent"), NULL },
	/* TRANSLATORS: %s is a language's name: "Spanish on reciprocity". */
	{ "reciprocity", N_("%s on reciprocity"), NULL },
};

#define TABLE(t)	t, sizeof t / sizeof t[0]

static const struct {
	const char		*name;
	const struct vocab_code	*v;
	size_t			 n;
} vocabularies[VOCAB_COUNT] = {
	[VOCAB_DESIGNATION] = { "designation", TABLE(designation_names) },
	[VOCAB_KIND] = { "kind", TABLE(kind_names) },
	[VOCAB_ROLE] = { "role", TABLE(role_names) },
	[VOCAB_EXPERTISE] = { "expertise", TABLE(expertise_names) },
	[VOCAB_LANGUAGE] = { "language", NULL, 0 },	/* vocab-lang.c */
	[VOCAB_MEASURE] = { "measure", TABLE(measure_names) },
	[VOCAB_CHANNEL] = { "channel", TABLE(channel_names) },
	[VOCAB_FORMALITY] = { "formality", TABLE(formality_names) },
	[VOCAB_URGENCY] = { "urgency", TABLE(urgency_names) },
	[VOCAB_STAGE] = { "stage", TABLE(stage_names) },
	[VOCAB_REQUIREMENT] = { "requirement", TABLE(requirement_names) },
	[VOCAB_LEGAL_BASIS] = { "legal_basis", TABLE(legal_basis_names) },
	[VOCAB_LANG_CONDITION] = { "language condition",
	    TABLE(lang_condition_names) },
};

const struct vocab_code *
vocab_table(enum vocab voc, size_t *n)
{
	if ((unsigned)voc >= VOCAB_COUNT) {
		*n = 0;
		return NULL;
	}
	if (voc == VOCAB_LANGUAGE)
		return vocab_lang_table(n);
	*n = vocabularies[voc].n;
	return vocabularies[voc].v;
}

static int
vocab_code_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct vocab_code *)elem)->code);
}

const struct vocab_code *
vocab_find(enum vocab voc, const char *code)
{
	const struct vocab_code	*v;
	size_t			 n, i;

	if (code == NULL || (v = vocab_table(voc, &n)) == NULL)
		return NULL;
	if (voc == VOCAB_LANGUAGE)
		return bsearch(code, v, n, sizeof *v, vocab_code_cmp);
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].code, code) == 0)
			return &v[i];
	}
	return NULL;
}

const char *
vocab_label_en(enum vocab voc, const char *code)
{
	const struct vocab_code	*c = vocab_find(voc, code);
	const char		*sep;

	if (c == NULL)
		return code;
	/* A label with a context (NC_) is indexed without it. */
	sep = strchr(c->label, '\004');
	return sep != NULL ? sep + 1 : c->label;
}

int
vocab_from_name(const char *name)
{
	int	v;

	if (name == NULL)
		return -1;
	for (v = 0; v < VOCAB_COUNT; v++) {
		if (strcmp(vocabularies[v].name, name) == 0)
			return v;
	}
	return -1;
}
