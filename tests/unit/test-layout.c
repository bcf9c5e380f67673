/*
 * test-layout.c: the presentation part (tui/present.h), linked with
 * libcommon.a alone, so a curses, cache or net call in it is a link
 * error: lists in columns sized by their content (empty ones collapse,
 * addresses whole, columns dropped by priority), a record's fields with
 * their labels, codes in words, match
 * highlighting over folded text, wrapping, office hours, parts that give
 * way, ages, the stale rule and file names; time zones read from their
 * files (present-tz.c), compared with glibc's localtime for every zone
 * the system has, refused when damaged, and never through TZ; and the
 * line editor every prompt and filter uses (keys, UTF-8, scrolling in a
 * field) and its history; and the words of a sync; right-to-left text
 * in visual order, as GNU FriBidi's own tool gives it; colour lines and
 * themes.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>

#include <stdarg.h>
#include <stdio.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "net/net.h"
#include "tui/present.h"
#include "harness.h"

/*
 * The functions that change the environment or the process's time zone,
 * interposed: they count their calls and then do their work, so a test
 * can prove the presentation part never makes one (the local time used
 * to set TZ and call tzset, racing the sync thread's libcurl, which reads
 * the environment). The comparisons with glibc below set TZ themselves.
 */
static int env_calls;
static __thread int env_own;	/* this thread's calls are the test's own */

#define ENV_REAL(type, name, args) \
	type (*real)args = (type (*)args)(uintptr_t)dlsym(RTLD_NEXT, name); \
	if (!env_own) \
		__atomic_add_fetch(&env_calls, 1, __ATOMIC_SEQ_CST)

int
setenv(const char *name, const char *value, int overwrite)
{
	ENV_REAL(int, "setenv", (const char *, const char *, int));
	return real(name, value, overwrite);
}

int
unsetenv(const char *name)
{
	ENV_REAL(int, "unsetenv", (const char *));
	return real(name);
}

int
putenv(char *string)
{
	ENV_REAL(int, "putenv", (char *));
	return real(string);
}

int
clearenv(void)
{
	ENV_REAL(int, "clearenv", (void));
	return real();
}

void
tzset(void)
{
	ENV_REAL(void, "tzset", (void));
	real();
}

char *
getenv(const char *name)
{
	ENV_REAL(char *, "getenv", (const char *));
	return real(name);
}

/* An authority item with the fields given (NULL: absent). */
static struct out_item *
add_authority(struct out_list *l, const char *id, const char *name,
    const char *acronym, const char *kind, const char *lang,
    const char *desig)
{
	struct record		r;
	struct cache_extra	x;
	struct out_item		*it;

	memset(&r, 0, sizeof r);
	memset(&x, 0, sizeof x);
	r.type = REC_AUTHORITY;
	record_set(&r, AUTH_ID, id);
	record_set(&r, AUTH_COUNTRY, "BR");
	record_set(&r, AUTH_NAME, name);
	record_set(&r, AUTH_ACRONYM, acronym);
	record_set(&r, AUTH_KIND, kind);
	if (lang != NULL)
		record_list_add(&r, AUTH_LANGUAGES, lang);
	if (desig != NULL)
		record_list_add(&r, AUTH_DESIGNATIONS, desig);
	x.country_name = "Brazil";
	it = out_list_add(l, &r, &x);
	record_clear(&r);
	return it;
}

static struct out_item *
add_contact(struct out_list *l, const char *id, const char *name,
    const char *email, const char *verified)
{
	struct record		r;
	struct cache_extra	x;
	struct out_item		*it;

	memset(&r, 0, sizeof r);
	memset(&x, 0, sizeof x);
	r.type = REC_CONTACT;
	record_set(&r, CONTACT_ID, id);
	record_set(&r, CONTACT_AUTHORITY, "cn-ccdi");
	record_set(&r, CONTACT_NAME, name);
	record_set(&r, CONTACT_EMAIL, email);
	record_set(&r, CONTACT_ROLE, "focal-point");
	record_set(&r, CONTACT_VERIFIED, verified);
	record_list_add(&r, CONTACT_LANGUAGES, "zh");
	record_list_add(&r, CONTACT_LANGUAGES, "xx");
	x.country = "CN";
	x.country_name = "China";
	x.authority_name = "中央纪律检查委员会";
	x.authority_acronym = "CCDI";
	it = out_list_add(l, &r, &x);
	record_clear(&r);
	return it;
}

/* Lays the list out at width; returns the rows joined, titles first. */
static char *
grid_text(const struct out_list *l, enum present_list list, int opts,
    int width, struct present_grid *g)
{
	struct present_ctx	 ctx = { 0 };
	struct buf		 b;
	char			*cells[PRESENT_MAXCOLS], *row;
	size_t			 i, k;

	present_grid_init(g, list, opts);
	for (i = 0; i < l->n; i++) {
		present_grid_cells(g, &l->v[i], &ctx, cells);
		for (k = 0; k < g->n; k++)
			free(cells[k]);
	}
	present_grid_fit(g, width);
	buf_init(&b);
	row = present_grid_titles(g, 1);
	buf_addf(&b, "%s\n", row);
	free(row);
	for (i = 0; i < l->n; i++) {
		present_grid_cells(g, &l->v[i], &ctx, cells);
		row = present_grid_row(g, cells, 1);
		buf_addf(&b, "%s\n", row);
		CHECK_INT((long long)utf8_width(row), width,
		    "a row is exactly as wide as the screen");
		free(row);
		for (k = 0; k < g->n; k++)
			free(cells[k]);
	}
	return buf_detach(&b);
}

static void
test_columns(void)
{
	struct out_list		 l;
	struct present_grid	 g;
	char			*t;

	/* The case: two empty columns, the name whole at 80. */
	out_list_init(&l);
	add_authority(&l, "br-agu", "Advocacia-Geral da União", "AGU",
	    "legal-service", NULL, NULL);
	add_authority(&l, "br-pf", "Polícia Federal", "PF", "police", NULL,
	    NULL);
	t = grid_text(&l, PLIST_AUTHORITIES, 0, 80, &g);
	CHECK(strstr(t, "Advocacia-Geral da União") != NULL,
	    "the name is whole when other columns are empty");
	CHECK(strstr(t, "Languages") == NULL && strstr(t, "Designations") ==
	    NULL, "empty columns collapse, titles and all");
	CHECK(strstr(t, "legal service") != NULL,
	    "a kind is shown by its label");
	CHECK(strncmp(t, "Authority", 9) == 0, "the name column comes first");
	free(t);
	t = grid_text(&l, PLIST_AUTHORITIES, 0, 24, &g);
	CHECK(strstr(t, "Kind") == NULL, "at 24 columns the least important go");
	CHECK(strstr(t, "Advocacia") != NULL, "and the name stays");
	free(t);
	t = grid_text(&l, PLIST_AUTHORITIES, 0, 14, &g);
	CHECK(strstr(t, "AGU") == NULL && strstr(t, "Advocacia") != NULL,
	    "at 14 columns only the name is left");
	free(t);
	out_list_free(&l);

	/* An unknown code is shown as it is, a known one by its brief label. */
	out_list_init(&l);
	add_authority(&l, "x-1", "Office", "OF", "space-police", "pt",
	    "mla-central");
	t = grid_text(&l, PLIST_AUTHORITIES, PLIST_IDS, 100, &g);
	CHECK(strstr(t, "space-police") != NULL, "an unknown kind as it is");
	CHECK(strstr(t, "MLA central authority") != NULL,
	    "a designation by its brief label");
	CHECK(strstr(t, "x-1") != NULL, "ids when asked");
	free(t);
	out_list_free(&l);

	/* E-mails beside short CJK names stay whole; the name is never cut first. */
	out_list_init(&l);
	add_contact(&l, "c-4", "王伟", "wang.wei.central.commission@example.org",
	    "2026-01-01");
	add_contact(&l, "c-5", "Jose\xcc\x81 Conceic\xcc\xa7\xc3\xa3o",
	    "jose@example.org", "2001-01-01");
	t = grid_text(&l, PLIST_CONTACTS, 0, 60, &g);
	CHECK(strstr(t, "wang.wei.central.commission@example.org") != NULL,
	    "the e-mail is whole beside a short CJK name at 60 columns");
	CHECK(strstr(t, "! Jose\xcc\x81 Conceic\xcc\xa7\xc3\xa3o") != NULL,
	    "a stale record's name is marked, its combining marks whole");
	free(t);
	t = grid_text(&l, PLIST_CONTACTS, 0, 30, &g);
	CHECK(strstr(t, "王伟") != NULL, "at 30 columns the name stays");
	free(t);
	out_list_free(&l);
}

/* The fields of a record: labels, order, codes as labels, stale mark. */
static void
test_fields(void)
{
	struct present_ctx	 ctx = { 0 };
	struct present_fields	 fs;
	struct out_list		 l, a;
	char			*t, *p, *q;

	out_list_init(&l);
	out_list_init(&a);
	add_contact(&l, "c-4", "王伟", "wang@example.org", "2001-01-01");
	add_authority(&a, "cn-ccdi", "中央纪律检查委员会", "CCDI",
	    "anti-corruption", "zh", "mla-central");
	memset(&fs, 0, sizeof fs);
	present_record_fields(&l.v[0], &a.v[0], &ctx, &fs);
	t = present_fields_text(&fs, 0);
	CHECK(strstr(t, "Role          focal point\n") != NULL,
	    "a role by its label, labels padded to the longest");
	CHECK(strstr(t, "Designations  central authority for mutual legal "
	    "assistance\n") != NULL, "the authority's designations, in words");
	CHECK(strstr(t, "Languages     Chinese, xx\n") != NULL,
	    "a language by its name, an unknown code as it is");
	CHECK(strstr(t, "Authority     中央纪律检查委员会 (CCDI)\n") != NULL,
	    "the authority named with its acronym");
	CHECK(strstr(t, "Country       China (CN)\n") != NULL,
	    "the country named with its code");
	CHECK(strstr(t, "(stale: ") != NULL, "an old verified date is stale");
	p = strstr(t, "Name ");
	q = strstr(t, "E-mail ");
	CHECK(p != NULL && q != NULL && p < q, "the name before the e-mail");
	CHECK(fs.n > 0 && (fs.v[0].flags & PF_FOCUS) == 0, "the name is not focused");
	free(t);
	present_fields_free(&fs);
	out_list_free(&l);
	out_list_free(&a);
	CHECK_STR(present_label(VOCAB_DESIGNATION, "spoc"),
	    "single point of contact", "a designation's label");
	CHECK_STR(present_label(VOCAB_LANGUAGE, "pt"), "Portuguese",
	    "a language's name");
	CHECK_STR(present_label(VOCAB_ROLE, "no-such-role"), "no-such-role",
	    "an unknown code is itself");
}

/*
 * A route item from pairs of field name and value, ending with NULL;
 * list fields take a comma-separated value. Its contact (if any) is
 * "Ana Souza".
 */
static struct out_item *
add_route(struct out_list *l, ...)
{
	struct record		 r;
	struct cache_extra	 x;
	struct out_item		*it;
	const char		*name, *value;
	char			*copy, *p, *item;
	va_list			 ap;
	int			 f;

	memset(&r, 0, sizeof r);
	memset(&x, 0, sizeof x);
	r.type = REC_ROUTE;
	va_start(ap, l);
	while ((name = va_arg(ap, const char *)) != NULL) {
		value = va_arg(ap, const char *);
		if ((f = record_field_index(REC_ROUTE, name)) < 0)
			abort();
		if (record_types[REC_ROUTE].fields[f].kind == RF_STRING) {
			record_set(&r, f, value);
			continue;
		}
		copy = xstrdup(value);
		p = copy;
		while ((item = strsep(&p, ",")) != NULL)
			record_list_add(&r, f, item);
		free(copy);
	}
	va_end(ap);
	if (r.v[ROUTE_COUNTRY].s == NULL)
		record_set(&r, ROUTE_COUNTRY, "BR");
	if (r.v[ROUTE_MEASURE].s == NULL)
		record_set(&r, ROUTE_MEASURE, "asset-tracing");
	if (r.v[ROUTE_AUTHORITY].s == NULL)
		record_set(&r, ROUTE_AUTHORITY, "br-pf");
	x.country_name = "Brazil";
	x.authority_name = "Polícia Federal";
	x.authority_acronym = "PF";
	if (r.v[ROUTE_CONTACT].s != NULL) {
		x.contact_name = "Ana Souza";
		x.contact_email = "ana@example.org";
		x.contact_timezone = "America/Sao_Paulo";
		x.contact_hours = "Mon-Fri 09:00-18:00";
	}
	it = out_list_add(l, &r, &x);
	record_clear(&r);
	return it;
}

/* The ids of l's routes that apply to q, in l's order. */
static const char *
applying(const struct out_list *l, const struct route_request *q)
{
	static char	out[512];
	size_t		i;

	out[0] = '\0';
	for (i = 0; i < l->n; i++) {
		if (!present_route_applies(&l->v[i].rec, q))
			continue;
		if (out[0] != '\0')
			strncat(out, " ", sizeof out - strlen(out) - 1);
		strncat(out, record_key(&l->v[i].rec), sizeof out -
		    strlen(out) - 1);
	}
	return out;
}

static const char *
country_name_of(void *arg, const char *code)
{
	(void)arg;
	if (strcmp(code, "PT") == 0)
		return "Portugal";
	if (strcmp(code, "ES") == 0)
		return "Spain";
	return NULL;
}

/* Which routes apply, their order, and the questions worth asking. */
static void
test_route_rules(void)
{
	struct route_request	 q;
	struct out_list		 l;
	const char		*ans[PRESENT_ROUTE_ANSWERS_MAX];
	size_t			 n;

	out_list_init(&l);
	add_route(&l, "id", "r-any", NULL);
	add_route(&l, "id", "r-urgent", "urgency", "urgent", NULL);
	add_route(&l, "id", "r-normal", "urgency", "normal", "stage", "any",
	    NULL);
	add_route(&l, "id", "r-trial", "stage", "trial", NULL);
	add_route(&l, "id", "r-iberia", "from_countries", "PT,ES", NULL);
	memset(&q, 0, sizeof q);
	CHECK_STR(applying(&l, &q), "r-any r-urgent r-normal r-trial r-iberia",
	    "nothing asked: every route applies");
	q.urgency = "urgent";
	CHECK_STR(applying(&l, &q), "r-any r-urgent r-trial r-iberia",
	    "urgent: not the route for requests that are not urgent");
	q.urgency = "normal";
	CHECK_STR(applying(&l, &q), "r-any r-normal r-trial r-iberia",
	    "not urgent: not the urgent-only route");
	q.urgency = NULL;
	q.stage = "investigation";
	CHECK_STR(applying(&l, &q), "r-any r-urgent r-normal r-iberia",
	    "a stage: not a route for another stage; \"any\" matches");
	q.stage = NULL;
	q.from = "es";
	CHECK_STR(applying(&l, &q), "r-any r-urgent r-normal r-trial r-iberia",
	    "from Spain (case does not matter): the Iberian route applies");
	q.from = "FR";
	CHECK_STR(applying(&l, &q), "r-any r-urgent r-normal r-trial",
	    "from France: not a route for requests from PT and ES only");
	q.from = "";
	CHECK_STR(applying(&l, &q), "r-any r-urgent r-normal r-trial",
	    "from another State: the same");

	memset(&q, 0, sizeof q);
	CHECK(present_route_question_matters(&l, RQ_URGENCY, &q),
	    "urgency changes the answer");
	CHECK(present_route_question_matters(&l, RQ_STAGE, &q),
	    "the stage changes the answer");
	CHECK(present_route_question_matters(&l, RQ_FROM, &q),
	    "the requesting State changes the answer");
	CHECK_INT(present_route_next_question(&l, &q, 0), RQ_URGENCY,
	    "urgency is asked first");
	q.urgency = "urgent";
	CHECK_INT(present_route_next_question(&l, &q, 0), RQ_STAGE,
	    "then the stage");
	q.stage = "trial";
	CHECK_INT(present_route_next_question(&l, &q, 0), RQ_FROM,
	    "then the requesting State");
	CHECK_INT(present_route_next_question(&l, &q, 1), -1,
	    "and nothing once that was asked");
	n = present_route_answers(&l, RQ_FROM, ans, PRESENT_ROUTE_ANSWERS_MAX);
	CHECK(n == 3 && strcmp(ans[0], "PT") == 0 && strcmp(ans[1], "ES") == 0 &&
	    *ans[2] == '\0', "the States named, then another State");
	out_list_free(&l);

	/* Routes that differ in nothing asked: no question. */
	out_list_init(&l);
	add_route(&l, "id", "r-1", "urgency", "any", NULL);
	add_route(&l, "id", "r-2", "stage", "any", "formality", "formal", NULL);
	memset(&q, 0, sizeof q);
	CHECK_INT(present_route_next_question(&l, &q, 0), -1,
	    "routes alike for every answer: no question is asked");
	CHECK_INT(present_route_answers(&l, RQ_FROM, ans,
	    PRESENT_ROUTE_ANSWERS_MAX), 0, "no State named, no such answer");
	out_list_free(&l);
	/* A stage a publisher added is an answer, and it matters. */
	out_list_init(&l);
	add_route(&l, "id", "r-1", "stage", "appeal", NULL);
	add_route(&l, "id", "r-2", NULL);
	n = present_route_answers(&l, RQ_STAGE, ans, PRESENT_ROUTE_ANSWERS_MAX);
	CHECK(n == 6 && strcmp(ans[5], "appeal") == 0,
	    "an unknown stage is an answer too");
	CHECK(present_route_question_matters(&l, RQ_STAGE, NULL),
	    "and asking it changes the answer");
	out_list_free(&l);

	/* Order: informal, formal, neither; rank as a decimal; not possible last. */
	out_list_init(&l);
	add_route(&l, "id", "r-np", "not_possible", "no", "formality",
	    "informal", NULL);
	add_route(&l, "id", "r-formal", "formality", "formal", "rank", "1",
	    NULL);
	add_route(&l, "id", "r-none", NULL);
	add_route(&l, "id", "r-inf-10", "formality", "informal", "rank", "10",
	    NULL);
	add_route(&l, "id", "r-inf-2", "formality", "informal", "rank", "2",
	    NULL);
	add_route(&l, "id", "r-inf-1.5", "formality", "informal", "rank",
	    "1.50", NULL);
	add_route(&l, "id", "r-inf-unranked", "formality", "informal", NULL);
	add_route(&l, "id", "r-odd", "formality", "by-pigeon", "rank", "0",
	    NULL);
	present_routes_rank(&l, NULL);
	CHECK_STR(applying(&l, NULL), "r-inf-1.5 r-inf-2 r-inf-10 "
	    "r-inf-unranked r-formal r-odd r-none r-np",
	    "informal first, by rank as a decimal (2 before 10), unranked "
	    "after ranked; formal; an unknown formality as none; not "
	    "possible last");
	out_list_free(&l);
}

/* A route's card, its words and its JSON extras. */
static void
test_route_card(void)
{
	struct present_ctx	 ctx;
	struct present_fields	 fs;
	struct out_list		 l, a;
	struct out_value	 v;
	struct present_measure	*m;
	char			*t;
	size_t			 n;

	memset(&ctx, 0, sizeof ctx);
	ctx.now = 1767225600;	/* 2026-01-01 00:00 UTC, a Thursday */
	ctx.country_name = country_name_of;
	out_list_init(&l);
	out_list_init(&a);
	add_authority(&a, "br-pf", "Polícia Federal", "PF", "police", "pt",
	    NULL);
	add_route(&l, "id", "r-1", "contact", "c-1", "channel", "direct",
	    "formality", "informal", "urgency", "urgent", "from_countries",
	    "PT,ES", "languages", "pt,en:urgent-only,es:reciprocity,fr:on-tuesdays",
	    "requirements", "dual-criminality,translation,zz-unknown",
	    "requirements_text", "Cite the case number.",
	    "legal_basis", "uncac-46,bilateral-treaty", "hours", "24/7",
	    "timezone", "America/Sao_Paulo", "verified", "2020-01-01",
	    "source", "https://example.org/src", "notes", "Call first.",
	    "measure", "zz-new-measure", NULL);
	memset(&fs, 0, sizeof fs);
	present_route_fields(&l.v[0], &a.v[0], NULL, &ctx, &fs);
	t = present_fields_text(&fs, 0);
	CHECK(strstr(t, "Measure       zz-new-measure\n") != NULL,
	    "a measure no vocabulary knows is shown as it is");
	CHECK(strstr(t, "Authority     Polícia Federal (PF)\n") != NULL,
	    "the authority with its acronym");
	CHECK(strstr(t, "Local time    21:00 local, 24/7\n") != NULL,
	    "where the route answers: its local time now and 24/7");
	CHECK(strstr(t, "Contact       Ana Souza\n") != NULL, "the contact");
	CHECK(strstr(t, "Local time    21:00 local, outside office hours\n") !=
	    NULL, "the contact's local time and whether someone answers");
	CHECK(strstr(t, "E-mail        ana@example.org\n") != NULL,
	    "the contact's e-mail");
	CHECK(strstr(t, "Channel       direct, authority to authority · "
	    "informal\n") != NULL, "the channel and formality in words");
	CHECK(strstr(t, "Applies to    urgent requests only; requests from "
	    "Portugal, Spain only\n") != NULL,
	    "which requests it applies to, States by name");
	CHECK(strstr(t, "Languages     Portuguese; English only if urgent; "
	    "Spanish on reciprocity; French (on-tuesdays)\n") != NULL,
	    "languages written out with their conditions, an unknown one as "
	    "it is");
	CHECK(strstr(t, "Requirements  [ ] dual criminality\n"
	    "              [ ] translation into an accepted language\n"
	    "              [ ] zz-unknown\n"
	    "              Cite the case number.\n") != NULL,
	    "the requirements as a checklist, then the text");
	CHECK(strstr(t, "Legal basis   UNCAC article 46 (mutual legal "
	    "assistance); bilateral treaty\n") != NULL, "the legal basis");
	CHECK(strstr(t, "Notes         Call first.\n") != NULL, "the notes");
	CHECK(strstr(t, "Verified      2020-01-01 (stale: ") != NULL,
	    "the verified date with its stale mark");
	CHECK(strstr(t, "Source        https://example.org/src\n") != NULL,
	    "the source");
	free(t);
	CHECK(fs.n > 5 && (fs.v[5].flags & PF_FOCUS) &&
	    strcmp(fs.v[5].key, "email") == 0 && fs.v[1].link_type ==
	    REC_AUTHORITY && fs.v[3].link_type == REC_CONTACT,
	    "the e-mail is focused; authority and contact open");
	present_fields_free(&fs);

	out_item_get(&l.v[0], "language_labels", &v);
	CHECK(v.kind == OUTV_LIST && v.n == 4 &&
	    strcmp(v.list[1], "English only if urgent") == 0,
	    "JSON: the languages' labels");
	out_item_get(&l.v[0], "measure_label", &v);
	CHECK(v.kind == OUTV_STRING && strcmp(v.s, "zz-new-measure") == 0,
	    "JSON: an unknown measure's label is its code");
	out_item_get(&l.v[0], "applies", &v);
	CHECK(v.kind == OUTV_NONE, "JSON: no applies when nothing was asked");
	present_route_set_applies(&l.v[0], 1);
	out_item_get(&l.v[0], "applies", &v);
	CHECK(v.kind == OUTV_BOOL && v.num == 1, "JSON: applies once asked");
	out_item_get(&l.v[0], "local_time", &v);
	CHECK(v.kind == OUTV_STRING && strlen(v.s) == 5 && v.s[2] == ':',
	    "JSON: the route's local time as HH:MM");
	out_item_get(&l.v[0], "answering_now", &v);
	CHECK(v.kind == OUTV_BOOL && v.num == 1, "JSON: 24/7 is answering");
	out_item_get(&l.v[0], "contact_local_time", &v);
	CHECK(v.kind == OUTV_STRING, "JSON: the contact's local time");
	out_list_free(&l);
	out_list_free(&a);

	/* A measure that is not possible, with what to ask instead. */
	out_list_init(&l);
	add_route(&l, "id", "r-jit", "measure", "joint-investigation",
	    "not_possible", "no legal basis", "alternative",
	    "informal-information", NULL);
	add_route(&l, "id", "r-tr", "measure", "asset-tracing", NULL);
	add_route(&l, "id", "r-tr2", "measure", "asset-tracing", NULL);
	add_route(&l, "id", "r-x", "measure", "zz-other", NULL);
	n = present_route_measures(&l, &m);
	CHECK(n == 3 && strcmp(m[0].code, "asset-tracing") == 0 &&
	    m[0].routes == 2 && strcmp(m[1].code, "joint-investigation") == 0 &&
	    m[1].routes == 0 && strcmp(m[2].code, "zz-other") == 0,
	    "the measures of a country in the vocabulary's order, unknown last");
	t = present_measure_note(&m[0]);
	CHECK_STR(t, "2 routes", "a measure's count");
	free(t);
	t = present_measure_note(&m[1]);
	CHECK_STR(t, "not possible: no legal basis · instead: Informal "
	    "information exchange", "why not, and what instead");
	free(t);
	free(m);
	memset(&fs, 0, sizeof fs);
	memset(&ctx, 0, sizeof ctx);
	present_route_fields(&l.v[0], NULL, NULL, &ctx, &fs);
	CHECK(fs.n > 2 && strcmp(fs.v[1].key, "not_possible") == 0 &&
	    (fs.v[1].flags & PF_WARN) && fs.v[2].link_type == PF_LINK_MEASURE &&
	    strcmp(fs.v[2].link, "informal-information") == 0,
	    "the card says not possible, and Enter asks for the alternative");
	present_fields_free(&fs);
	out_list_free(&l);

	t = present_route_language("en:urgent-only");
	CHECK_STR(t, "English only if urgent", "a language on a condition");
	free(t);
	t = present_route_language("xq");
	CHECK_STR(t, "xq", "an unknown language as it is");
	free(t);
	{
		struct route_request	q = { "urgent", "trial", "PT" };

		memset(&ctx, 0, sizeof ctx);
		ctx.country_name = country_name_of;
		t = present_route_request_text(&q, &ctx);
		CHECK_STR(t, "urgent › trial › from Portugal",
		    "the request in a breadcrumb");
		free(t);
	}
}

static void
test_match(void)
{
	unsigned char	mask[64];
	const char	*nfd = "Jose\xcc\x81 Nu\xcc\x83" "ez";	/* José Núez, decomposed */
	const char	*nfc = "Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez";

	layout_match_mask(nfc, "jose", mask);
	CHECK(mask[0] && mask[1] && mask[2] && mask[3] && mask[4],
	    "jose marks José including both bytes of é");
	CHECK(!mask[5] && !mask[6], "the rest is not marked");
	layout_match_mask(nfd, "jose", mask);
	CHECK(mask[3] && mask[4] && mask[5], "a combining accent joins its base");
	CHECK(!mask[6], "the space after it is not marked");
	layout_match_mask(nfc, "NUÑ", mask);
	CHECK(mask[6] && mask[7] && mask[8] && mask[9] && mask[10],
	    "the query is folded too (NUÑ marks Núñ)");
	CHECK(!mask[11], "and stops there");
	layout_match_mask("王秀英", "秀", mask);
	CHECK(!mask[0] && mask[3] && mask[5] && !mask[6],
	    "a CJK character in the middle");
	layout_match_mask("Polícia Federal", "pol fed", mask);
	CHECK(mask[0] && mask[9] && !mask[4],
	    "each word of the query is marked");
	layout_match_mask("abc", "", mask);
	CHECK(!mask[0] && !mask[1] && !mask[2], "an empty query marks nothing");
}

static void
test_wrap(void)
{
	char	**lines = NULL;
	size_t	  n = 0, i;
	int	  ok = 1, w;

	layout_wrap("one two three four five six\n\nseven", 10, &lines, &n);
	CHECK_INT(n, 5, "wrapped into 5 lines, the blank one kept");
	if (n == 5) {
		CHECK_STR(lines[0], "one two", "breaks at a space");
		CHECK_STR(lines[1], "three four", "a line may fill the width");
		CHECK_STR(lines[3], "", "the paragraph break stays");
		CHECK_STR(lines[4], "seven", "the next paragraph");
	}
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	lines = NULL;
	n = 0;
	layout_wrap("北京会议讨论了资产追回。北京会议讨论了资产追回。", 10,
	    &lines, &n);
	for (i = 0; i < n; i++) {
		if (utf8_width(lines[i]) > 10)
			ok = 0;
		free(lines[i]);
	}
	free(lines);
	CHECK(ok && n == 5, "CJK wraps between characters by display width");
	lines = NULL;
	n = 0;
	/* 。 and ， never start a line, 「 never ends one (kinsoku). */
	ok = 1;
	for (w = 6; w <= 24; w++) {
		lines = NULL;
		n = 0;
		layout_wrap("一二三四五六。七八九十一二，三四五六七「八九」十一二"
		    "三。四五「六七八」，九十。", w, &lines, &n);
		for (i = 0; i < n; i++) {
			if (strncmp(lines[i], "。", 3) == 0 ||
			    strncmp(lines[i], "，", 3) == 0 ||
			    strncmp(lines[i], "」", 3) == 0)
				ok = 0;
			if (strlen(lines[i]) >= 3 && strcmp(lines[i] +
			    strlen(lines[i]) - 3, "「") == 0)
				ok = 0;
			if ((int)utf8_width(lines[i]) > w)
				ok = 0;
			free(lines[i]);
		}
		free(lines);
	}
	CHECK(ok, "CJK punctuation stays with its text at every width");
	lines = NULL;
	n = 0;
	layout_wrap("supercalifragilistic", 8, &lines, &n);
	CHECK(n == 3 && strcmp(lines[0], "supercal") == 0,
	    "a word longer than the line is cut");
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* The code points of a UTF-8 string as "FE8E FEE8 …", for comparisons. */
static char *
code_points(const char *s)
{
	struct buf	 b;
	uint32_t	 cp;
	size_t		 len = strlen(s), off = 0;
	int		 k;

	buf_init(&b);
	while (off < len) {
		k = utf8_decode(s + off, len - off, &cp);
		if (k <= 0)
			break;
		buf_addf(&b, "%s%04X", b.len > 0 ? " " : "", (unsigned)cp);
		off += (size_t)k;
	}
	return buf_detach(&b);
}

#define CHECK_CP(got, want, ...) do {					\
	char *cp_g_ = code_points(got);					\
	CHECK_STR(cp_g_, want, __VA_ARGS__);				\
	free(cp_g_);							\
} while (0)

/*
 * Right-to-left text in visual order (present-bidi.c). The visual
 * strings are what GNU FriBidi's own tool prints for the same text
 * (`fribidi --nopad --nobreak --reordernsm`, the U+FEFF it leaves where
 * a ligature took two letters dropped), as code points.
 */
static void
test_bidi(void)
{
	const char	*ahmed = "أحمد البنا";
	const char	*ahmed_vis = "FE8E FEE8 FE92 FEDF FE8D 0020 FEAA FEE4 "
	    "FEA3 FE83";
	struct out_list	 l;
	struct present_grid g;
	unsigned char	 mask[64], *vmask;
	char		 **lines = NULL, *t, *line, *p, *q, *a, *b;
	unsigned char	*dirs = NULL;
	size_t		 n = 0, i;
	int		 ok;

	/* Off (the command line's default): logical order, as before. */
	bidi_set(0);
	CHECK(!bidi_visual() && !bidi_layout_rtl(), "bidi is off by default");
	t = bidi_fit(ahmed, 12, 0, NULL, NULL);
	CHECK_STR(t, "أحمد البنا  ", "off: logical order, at the left");
	free(t);

	bidi_set(1);
	CHECK(bidi_visual(), "on");
	CHECK(!bidi_layout_rtl(), "an English interface is laid out left to right");
	CHECK(bidi_text_has_rtl(ahmed) && !bidi_text_has_rtl("José Núñez") &&
	    !bidi_text_has_rtl("王秀英"), "which text bidi can move");
	CHECK(bidi_text_rtl(ahmed) && !bidi_text_rtl("ACA أحمد") &&
	    bidi_text_rtl("(2024) أحمد") && bidi_text_rtl("× שלום") &&
	    !bidi_text_rtl("Żaneta × שלום"), "a paragraph's direction: its "
	    "first strong character");

	t = bidi_fit(ahmed, 10, 0, NULL, NULL);
	CHECK_CP(t, ahmed_vis, "an Arabic name in visual order, shaped");
	free(t);
	t = bidi_fit(ahmed, 14, 0, NULL, NULL);
	CHECK(strncmp(t, "    ", 4) == 0 && utf8_width(t) == 14,
	    "a right-to-left cell sits at the right of its width");
	free(t);
	t = bidi_fit(ahmed, 14, BIDI_LEFT, NULL, NULL);
	CHECK(t[strlen(t) - 1] == ' ' && (unsigned char)t[0] >= 0x80,
	    "... unless told otherwise");
	free(t);
	t = bidi_fit("هيئة الرقابة الإدارية (ACA) 2024", 0, 0, NULL, NULL);
	CHECK_CP(t, "0032 0030 0032 0034 0020 0028 0041 0043 0041 0029 0020 "
	    "FE94 FEF3 FEAD FE8D FEA9 FEF9 FE8D 0020 FE94 FE91 FE8E FED7 FEAE "
	    "FEDF FE8D 0020 FE94 FE8C FEF4 FEEB", "an Arabic name with a "
	    "Latin acronym and digits: the bidi algorithm, brackets mirrored, "
	    "lam-alef one ligature");
	free(t);
	t = bidi_fit("Egypt: أحمد البنا", 20, 0, NULL, NULL);
	CHECK(strncmp(t, "Egypt: ", 7) == 0 && utf8_width(t) == 20 &&
	    t[strlen(t) - 1] == ' ', "a left-to-right paragraph stays at the "
	    "left, its Arabic run reversed");
	line = code_points(t + 7);
	CHECK(strncmp(line, ahmed_vis, strlen(ahmed_vis)) == 0,
	    "... in the order FriBidi gives");
	free(line);
	free(t);
	t = bidi_fit("שלום עולם", 9, 0, NULL, NULL);
	CHECK_STR(t, "םלוע םולש", "Hebrew: words and letters reversed");
	free(t);
	t = bidi_fit("مُحَمَّد", 0, 0, NULL, NULL);
	CHECK_CP(t, "FEAA FEE4 064E 0651 FEA4 064E FEE3 064F",
	    "combining marks follow their base letter");
	free(t);
	t = bidi_fit("+55 61 2024 8000", 16, BIDI_PAR_RTL, NULL, NULL);
	CHECK_STR(t, "8000 2024 61 55+", "numbers in a right-to-left paragraph "
	    "go right to left");
	free(t);
	t = bidi_fit("+55 61 2024 8000", 16, BIDI_PAR_LTR, NULL, NULL);
	CHECK_STR(t, "+55 61 2024 8000", "... a phone number is kept left to "
	    "right");
	free(t);

	/* Cut in logical order: the start stays; the mark at its left. */
	t = bidi_fit(ahmed, 6, 0, NULL, NULL);
	CHECK_CP(t, "2026 0020 FEAA FEE4 FEA3 FE83", "cut: the first word "
	    "kept, \"…\" where it goes on (the left)");
	CHECK_INT((long long)utf8_width(t), 6, "... in exactly its width");
	free(t);

	/* What the search matched stays marked, character for character. */
	memset(mask, 0, sizeof mask);
	memset(mask + strlen("أحمد "), 1, strlen("البنا"));
	t = bidi_fit(ahmed, 10, 0, mask, &vmask);
	ok = 1;
	for (i = 0; i < strlen(t); i++) {
		/* Visual: البنا's five letters first (15 bytes), then the rest. */
		if ((vmask[i] != 0) != (i < 15))
			ok = 0;
	}
	CHECK(ok, "a match keeps its characters after reordering");
	free(vmask);
	free(t);
	memset(mask, 0, sizeof mask);
	layout_match_mask("Egypt أحمد البنا", "البنا", mask);
	t = bidi_fit("Egypt أحمد البنا", 0, 0, mask, &vmask);
	line = code_points(t);
	CHECK(strncmp(line, "0045 0067 0079 0070 0074 0020 FE8E", 34) == 0 &&
	    vmask[6] && vmask[20] && !vmask[21] && !vmask[5],
	    "layout_match_mask's marks after reordering: the match is the "
	    "first word shown after Egypt");
	free(line);
	free(vmask);
	free(t);
	/* الإدارية: the hamza-alef marked, joined with its lam in one glyph. */
	memset(mask, 0, sizeof mask);
	memset(mask + strlen("ال"), 1, strlen("إ"));
	t = bidi_fit("الإدارية", 0, 0, mask, &vmask);
	line = code_points(t);
	CHECK_STR(line, "FE94 FEF3 FEAD FE8D FEA9 FEF9 FE8D",
	    "a ligature of two letters");
	CHECK(vmask[15] && vmask[16] && vmask[17] && !vmask[14] &&
	    !vmask[18], "a ligature is marked when a letter in it is ...");
	free(line);
	free(vmask);
	free(t);
	memset(mask, 0, sizeof mask);
	memset(mask + strlen("ا"), 1, strlen("ل"));
	t = bidi_fit("الإدارية", 0, 0, mask, &vmask);
	CHECK(vmask[15] && vmask[16] && vmask[17] && !vmask[14] &&
	    !vmask[18], "... the first letter of it too");
	free(vmask);
	free(t);

	/* Parts isolated from each other keep their order (a breadcrumb). */
	line = bidi_isolate("أحمد");
	t = xasprintf("Countries › %s › %s", line, "هيئة");
	free(line);
	line = bidi_fit(t, 0, BIDI_PAR_LTR, NULL, NULL);
	free(t);
	t = code_points(line);
	CHECK(strstr(t, "FEAA FEE4 FEA3 FE83 0020 203A 0020 FE94 FE8C FEF4 "
	    "FEEB") != NULL, "isolated parts keep their order, the isolates "
	    "gone");
	free(t);
	free(line);
	CHECK(utf8_width("\xe2\x81\xa8\xe2\x81\xa9") == 0, "isolates "
	    "take no column");

	/* A wrapped paragraph: each line knows its paragraph's direction. */
	layout_wrap_dirs("Hello there\n\nשלום עולם ACA 2024 טקסט", 10, &lines,
	    &n, &dirs);
	ok = n == 6 && !dirs[0] && !dirs[1] && !dirs[2] && dirs[3] &&
	    dirs[4] && dirs[5];
	CHECK(ok, "wrapped lines carry their paragraph's direction");
	if (ok) {
		CHECK_STR(lines[4], "ACA 2024", "a line of Latin in a Hebrew "
		    "paragraph ...");
		t = bidi_fit(lines[4], 10, BIDI_PAR_RTL, NULL, NULL);
		CHECK_STR(t, "  ACA 2024", "... is at the right, as its "
		    "paragraph reads");
		free(t);
	}
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(dirs);

	/* A list: each cell on its own; an Arabic name at its column's right. */
	out_list_init(&l);
	add_contact(&l, "c-7", ahmed, "ahmed@example.org", "2099-01-01");
	add_contact(&l, "c-8", "Ana Souza", "ana@example.org", "2099-01-01");
	t = grid_text(&l, PLIST_CONTACTS, 0, 80, &g);
	line = strchr(t, '\n') + 1;
	p = strstr(line, "ﺎﻨﺒﻟﺍ ﺪﻤﺣﺃ  focal point");
	q = strstr(line, "\nAna Souza");
	ok = p != NULL && q != NULL && line[0] == ' ';
	CHECK(ok, "a list's Arabic name in visual order at its column's "
	    "right");
	if (ok) {
		/* Where the role column starts, in columns, on both rows. */
		*q = '\0';
		a = strndup(line, (size_t)(p - line) + strlen("ﺎﻨﺒﻟﺍ ﺪﻤﺣﺃ  "));
		b = strndup(q + 1, (size_t)(strstr(q + 1, "focal") - (q + 1)));
		CHECK_INT((long long)utf8_width(a), (long long)utf8_width(b),
		    "the next column keeps its place");
		*q = '\n';
		free(a);
		free(b);
	}
	CHECK(strstr(t, "\nAna Souza") != NULL, "a Latin name at the left");
	free(t);
	out_list_free(&l);
	bidi_set(0);
}

/* Colour lines and themes (present-theme.c), as the config checks them. */
static void
test_theme(void)
{
	struct theme_style	 st, out[THEME_COUNT];
	struct theme_color	 lines[2];
	enum theme_element	 e;
	enum theme_id		 id;
	char			*cause = NULL;

	CHECK(theme_color_parse("selected black cyan bold", &e, &st, NULL) ==
	    0 && e == THEME_SELECTED && st.fg == THEME_BLACK &&
	    st.bg == THEME_CYAN && st.attrs == THEME_BOLD && st.attrs_set,
	    "an element, two colours and an attribute");
	CHECK(theme_color_parse("  title\tcolor202  default  ", &e, &st, NULL)
	    == 0 && e == THEME_TITLE && st.fg == 202 &&
	    st.bg == THEME_COLOR_DEFAULT && st.attrs == 0 && !st.attrs_set,
	    "color0-255 and default; spaces and tabs");
	CHECK(theme_color_parse("match brightred default underline reverse",
	    &e, &st, NULL) == 0 && st.fg == THEME_BRIGHT(THEME_RED) &&
	    st.attrs == (THEME_UNDERLINE | THEME_REVERSE), "bright colours, "
	    "attributes together");
	CHECK(theme_color_parse("warn red default normal", &e, &st, NULL) == 0 &&
	    st.attrs == 0 && st.attrs_set, "normal: no attribute, said so");
	CHECK(theme_color_parse("unread color0 color255 dim standout", &e, &st,
	    NULL) == 0 && e == THEME_UNREAD && st.fg == 0 && st.bg == 255 &&
	    st.attrs == (THEME_DIM | THEME_STANDOUT), "the ends of the range");

	CHECK(theme_color_parse("selcted red blue", &e, &st, &cause) == -1,
	    "an unknown element");
	CHECK_STR(cause, "unknown element 'selcted'; did you mean 'selected'?",
	    "... names the closest");
	free(cause);
	cause = NULL;
	CHECK(theme_color_parse("title rde blue", &e, &st, &cause) == -1,
	    "an unknown colour");
	CHECK_STR(cause, "unknown colour 'rde'; did you mean 'red'?",
	    "... names the closest");
	free(cause);
	cause = NULL;
	CHECK(theme_color_parse("title red blue blink", &e, &st, &cause) == -1,
	    "an unknown attribute");
	CHECK_STR(cause, "unknown attribute 'blink' (one of normal, bold, "
	    "underline, reverse, dim or standout)", "... lists them");
	free(cause);
	cause = NULL;
	CHECK(theme_color_parse("title color256 blue", &e, &st, &cause) == -1 &&
	    theme_color_parse("title color07 blue", &e, &st, NULL) == -1 &&
	    theme_color_parse("title color-1 blue", &e, &st, NULL) == -1,
	    "color256, color07 and color-1 are no colours");
	CHECK_STR(cause, "unknown colour 'color256' (color0 to color255)",
	    "... and the range is said");
	free(cause);
	cause = NULL;
	CHECK(theme_color_parse("title red", &e, &st, &cause) == -1,
	    "a line without its background");
	CHECK_STR(cause, "expected 'color = ELEMENT FOREGROUND BACKGROUND "
	    "[ATTRIBUTE...]', got 'title red'", "... shows the syntax");
	free(cause);
	cause = NULL;

	CHECK(theme_lookup("high-contrast", &id, NULL) == 0 &&
	    id == THEME_ID_HIGH_CONTRAST && theme_lookup("mono", &id, NULL) ==
	    0 && id == THEME_ID_MONO, "the themes by name");
	CHECK(theme_lookup("dark", &id, &cause) == -1, "an unknown theme");
	CHECK_STR(cause, "unknown theme 'dark' (one of default, light, "
	    "high-contrast or mono)", "... lists them");
	free(cause);
	CHECK_STR(theme_element_name(THEME_SELECTED), "selected",
	    "an element's name");

	/* The theme, then the lines; without colour, attributes only. */
	lines[0].element = THEME_TITLE;
	(void)theme_color_parse("title red green underline", &e,
	    &lines[0].style, NULL);
	lines[1].element = THEME_SELECTED;
	(void)theme_color_parse("selected color202 color17", &e,
	    &lines[1].style, NULL);
	theme_resolve(THEME_ID_LIGHT, lines, 2, 1, out);
	CHECK(out[THEME_TITLE].fg == THEME_RED && out[THEME_TITLE].bg ==
	    THEME_GREEN && out[THEME_TITLE].attrs == THEME_UNDERLINE,
	    "a line replaces its element's style");
	CHECK(out[THEME_LABEL].fg == THEME_BLUE, "the theme gives the rest");
	theme_resolve(THEME_ID_LIGHT, lines, 2, 0, out);
	CHECK(out[THEME_TITLE].fg == THEME_COLOR_DEFAULT &&
	    out[THEME_TITLE].attrs == THEME_UNDERLINE,
	    "without colour: a line's attributes, no colour");
	CHECK(out[THEME_SELECTED].fg == THEME_COLOR_DEFAULT &&
	    out[THEME_SELECTED].bg == THEME_COLOR_DEFAULT &&
	    out[THEME_SELECTED].attrs == THEME_REVERSE,
	    "without colour: a line without attributes keeps mono's");
	CHECK(out[THEME_LABEL].fg == THEME_COLOR_DEFAULT,
	    "without colour: no theme's colour either");
}

static void
test_hours(void)
{
	char	out[96];
	time_t	t;

	CHECK_INT(layout_hours_within("Mon-Fri 09:00-17:00", 1, 9 * 60), 1,
	    "Monday 09:00 is within");
	CHECK_INT(layout_hours_within("Mon-Fri 09:00-17:00", 5, 17 * 60), 0,
	    "Friday 17:00 is not");
	CHECK_INT(layout_hours_within("Mon-Fri 09:00-17:00", 6, 10 * 60), 0,
	    "Saturday is not");
	CHECK_INT(layout_hours_within("Mon-Thu 08:00-16:00, Fri 08:00-12:00",
	    5, 13 * 60), 0, "Friday afternoon is not (two ranges)");
	CHECK_INT(layout_hours_within("Mon-Thu 08:00-16:00, Fri 08:00-12:00",
	    4, 13 * 60), 1, "Thursday afternoon is");
	CHECK_INT(layout_hours_within("by appointment", 1, 600), -1,
	    "an unknown format says so");
	/* 2026-11-23 is a Monday; 12:00 UTC is 09:00 in São Paulo. */
	t = 1795435200;
	CHECK_INT(layout_local_time("America/Sao_Paulo", "Mon-Fri 09:00-18:00",
	    t, out, sizeof out), 0, "a known zone");
	CHECK_STR(out, "09:00 local, within office hours",
	    "local time and office hours");
	layout_local_time("Asia/Tokyo", "Mon-Fri 09:00-18:00", t, out,
	    sizeof out);
	CHECK_STR(out, "21:00 local, outside office hours", "Tokyo at 21:00");
	layout_local_time("Asia/Tokyo", NULL, t, out, sizeof out);
	CHECK_STR(out, "21:00 local", "no hours: just the time");
	CHECK_INT(layout_local_time("../../etc/passwd", NULL, t, out,
	    sizeof out), -1, "a path is not a zone");
	CHECK_INT(layout_local_time("Mars/Olympus", NULL, t, out, sizeof out),
	    -1, "an unknown zone");
	CHECK(getenv("TZ") == NULL, "TZ is restored");
	CHECK_INT(layout_days_since("2026-11-01", t), 22, "days since a date");
	CHECK_INT(layout_days_since("soon", t), -1, "a bad date");
}

static void
test_parts(void)
{
	const struct layout_part p[] = {
		{ { "data as of 2025-11-20", "2025-11-20", NULL } },
		{ { "serial 1042", "#1042", "", NULL } },
		{ { "5 contacts", "", NULL } },
		{ { "synced 5 min ago", "synced 5m ago", NULL } },
	};
	const size_t	 steps[] = { 2, 0, 3, 1, 1 };
	char		*s;

	s = layout_fit_parts(p, 4, steps, 5, " | ", 80);
	CHECK_STR(s, "data as of 2025-11-20 | serial 1042 | 5 contacts | "
	    "synced 5 min ago", "wide: every part in full");
	free(s);
	s = layout_fit_parts(p, 4, steps, 5, " | ", 60);
	CHECK_STR(s, "data as of 2025-11-20 | serial 1042 | synced 5 min ago",
	    "the first step drops the counts, nothing else");
	free(s);
	s = layout_fit_parts(p, 4, steps, 5, " | ", 40);
	CHECK_STR(s, "2025-11-20 | serial 1042 | synced 5m ago",
	    "at 40: the date and sync shrink, the serial stays");
	free(s);
	s = layout_fit_parts(p, 4, steps, 5, " | ", 34);
	CHECK_STR(s, "2025-11-20 | #1042 | synced 5m ago",
	    "narrower: the serial shrinks before it goes");
	free(s);
	s = layout_fit_parts(p, 4, steps, 5, " | ", 10);
	CHECK_STR(s, "2025-11-20 | synced 5m ago",
	    "no room: the last step drops the serial, the rest stays");
	free(s);
}

static void
test_ago_stale_names(void)
{
	char	b[32], *s;
	time_t	now = 1800000000;

	layout_ago(now - 20, now, 0, b, sizeof b);
	CHECK_STR(b, "just now", "under a minute: just now");
	layout_ago(now - 300, now, 0, b, sizeof b);
	CHECK_STR(b, "5 min ago", "minutes");
	layout_ago(now - 7300, now, 0, b, sizeof b);
	CHECK_STR(b, "2 h ago", "hours");
	layout_ago(now - 3 * 86400 - 5, now, 0, b, sizeof b);
	CHECK_STR(b, "3 days ago", "days");
	layout_ago(now - 3 * 86400 - 5, now, 1, b, sizeof b);
	CHECK_STR(b, "3d ago", "days, brief");
	layout_ago(now + 100, now, 0, b, sizeof b);
	CHECK_STR(b, "just now", "a clock behind the cache: not negative");

	CHECK_INT(layout_stale_days("2020-01-01", 365, now), 
	    layout_days_since("2020-01-01", now), "old: stale, its age in days");
	CHECK_INT(layout_stale_days("2099-01-01", 365, now), 0, "future: fresh");
	CHECK_INT(layout_stale_days("2020-01-01", 100000, now), 0,
	    "stale_days is the limit");
	CHECK_INT(layout_stale_days("garbage", 1, now), 0, "no date: not stale");

	s = layout_safe_filename("c-1", ".vcf", 64);
	CHECK_STR(s, "c-1.vcf", "a plain id stays");
	free(s);
	s = layout_safe_filename("../\xe2\x80\xae" "evil\xc2\x85/x\x7f", ".vcf", 64);
	CHECK_STR(s, "_.__evil__x_.vcf",
	    "/ .. U+202E C1 DEL: one _ each, no leading dot");
	free(s);
	s = layout_safe_filename(".hidden", ".vcf", 64);
	CHECK_STR(s, "_hidden.vcf", "never a hidden file");
	free(s);
	s = layout_safe_filename("\xff\xfe", ".vcf", 64);
	CHECK_STR(s, "__.vcf", "invalid bytes one _ each");
	free(s);
	s = layout_safe_filename("", ".vcf", 64);
	CHECK_STR(s, "record.vcf", "an empty id still names a file");
	free(s);
	s = layout_safe_filename("abcdefghijklmnopqrstuvwxyz", ".vcf", 8);
	CHECK_STR(s, "abcdefgh.vcf", "the length is bounded");
	free(s);
}

/* ---- time zones without TZ (tui/present-tz.c) --------------------------- */

/* The zones compared closely: every kind of rule tzdata has. */
static const char *const tz_zones[] = {
	"America/Sao_Paulo",	/* DST until 2019, none since */
	"Europe/Paris",
	"Australia/Lord_Howe",	/* DST of half an hour */
	"Pacific/Chatham",	/* +12:45, DST at 2:45 */
	"Asia/Kolkata",		/* +5:30, no DST */
	"Asia/Kathmandu",	/* +5:45 */
	"America/St_Johns",	/* -3:30 with DST */
	"Africa/Casablanca",	/* Ramadan listed year by year until 2087 */
	"Antarctica/Troll",	/* DST of two hours */
	"Pacific/Kiritimati",	/* +14, skipped a day in 1994 */
	"Pacific/Apia",		/* crossed the date line in 2011 */
	"UTC",
	"Etc/GMT+5",
	"Europe/Dublin",	/* negative DST: winter is the DST */
	"America/Nuuk",		/* DST rule times of -1:00 (version 3) */
	"Asia/Gaza",		/* rule times of 50:00 */
	"Asia/Jerusalem",	/* 26:00 */
	"America/Santiago",	/* 24:00 on a Saturday */
	"Africa/Cairo",
	"Asia/Tehran",
	"America/New_York",
	"Australia/Sydney",
	"right/Europe/Paris",	/* with leap seconds */
};

static int tz_shown;

/* Sets TZ and tzset for glibc's localtime_r, as the test's own calls. */
static void
tz_glibc_zone(const char *tz)
{
	env_own = 1;
	setenv("TZ", tz, 1);
	tzset();
	env_own = 0;
}

/* Our reading of z at t equals glibc's localtime_r (TZ set), field by field. */
static int
tz_same(const struct tz_zone *z, const char *what, time_t t)
{
	struct tz_local	l;
	struct tm	g;
	int		same;

	if (localtime_r(&t, &g) == NULL)
		return 0;
	if (tz_zone_local(z, (int64_t)t, &l) == -1)
		return 0;
	same = l.tm.tm_year == g.tm_year && l.tm.tm_mon == g.tm_mon &&
	    l.tm.tm_mday == g.tm_mday && l.tm.tm_hour == g.tm_hour &&
	    l.tm.tm_min == g.tm_min && l.tm.tm_sec == g.tm_sec &&
	    l.tm.tm_wday == g.tm_wday && l.tm.tm_yday == g.tm_yday &&
	    l.tm.tm_isdst == g.tm_isdst && l.utoff == g.tm_gmtoff &&
	    l.isdst == (g.tm_isdst > 0) && strcmp(l.abbr, g.tm_zone) == 0;
	if (!same && tz_shown++ < 12)
		printf("#   %s at %lld: ours %04d-%02d-%02d %02d:%02d:%02d "
		    "wday %d yday %d %+ld %s dst %d; glibc %04d-%02d-%02d "
		    "%02d:%02d:%02d wday %d yday %d %+ld %s dst %d\n", what,
		    (long long)t, l.tm.tm_year + 1900, l.tm.tm_mon + 1,
		    l.tm.tm_mday, l.tm.tm_hour, l.tm.tm_min, l.tm.tm_sec,
		    l.tm.tm_wday, l.tm.tm_yday, l.utoff, l.abbr, l.isdst,
		    g.tm_year + 1900, g.tm_mon + 1, g.tm_mday, g.tm_hour,
		    g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday, g.tm_gmtoff,
		    g.tm_zone, g.tm_isdst);
	return same;
}

/* glibc's offset and DST flag at t, as one number to tell a change. */
static long
tz_glibc_state(time_t t)
{
	struct tm	g;

	localtime_r(&t, &g);
	return g.tm_gmtoff * 2 + (g.tm_isdst > 0);
}

static time_t
tz_utc(int y, int mon, int d, int h, int mi, int s)
{
	struct tm	tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mon - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	return timegm(&tm);
}

struct tz_count {
	long	points;		/* instants compared */
	long	bad;		/* where they differ */
	long	changes;	/* offset changes found */
	long	late;		/* of them, from 2038 on (the footer's) */
};

/*
 * Compares z with glibc (TZ set) about once a day from year y0 to y1
 * (a day and a bit, so every hour of the day comes round), and where
 * glibc's offset changed between two of them, finds the second it
 * changes (bisection) and compares the second before, at and after.
 */
static void
tz_scan(const struct tz_zone *z, const char *what, int y0, int y1,
    struct tz_count *c)
{
	time_t	t, end, prev, lo, hi, mid, d;
	long	s, was;

	prev = tz_utc(y0, 1, 1, 0, 0, 0);
	end = tz_utc(y1, 1, 1, 0, 0, 0);
	was = tz_glibc_state(prev);
	for (t = prev; t < end; prev = t, t += 86400 + 1237) {
		c->points++;
		if (!tz_same(z, what, t))
			c->bad++;
		if ((s = tz_glibc_state(t)) == was)
			continue;
		lo = prev;
		hi = t;
		while (hi - lo > 1) {
			mid = lo + (hi - lo) / 2;
			if (tz_glibc_state(mid) == was)
				lo = mid;
			else
				hi = mid;
		}
		for (d = -1; d <= 1; d++) {
			c->points++;
			if (!tz_same(z, what, hi + d))
				c->bad++;
		}
		c->changes++;
		if (hi >= tz_utc(2038, 1, 19, 3, 14, 8))
			c->late++;
		was = s;
	}
}

/* Instants at the edges: 32-bit limits, 1901, 1970, 2038, far ahead. */
static const int64_t tz_edges[] = {
	INT64_C(-2147483649), INT64_C(-2147483648), INT64_C(-2147483647),
	-1, 0, 1, INT64_C(2147483647), INT64_C(2147483648),
	INT64_C(4102444800),	/* 2100-01-01 */
	INT64_C(4107542400),	/* 2100-03-01 (2100 is not a leap year) */
	INT64_C(13574563200),	/* 2400-03-01 */
	INT64_C(253402300799),	/* 9999-12-31 23:59:59 */
	INT64_C(-5364662400),	/* 1800-01-01 */
};

static void
test_tz_zones(void)
{
	struct tz_count	 c;
	struct tz_zone	*z;
	size_t		 i, k;
	int		 rules;

	for (i = 0; i < sizeof tz_zones / sizeof tz_zones[0]; i++) {
		z = tz_zone_new(NULL, tz_zones[i]);
		CHECK(z != NULL, "%s is read", tz_zones[i]);
		if (z == NULL)
			continue;
		tz_glibc_zone(tz_zones[i]);
		memset(&c, 0, sizeof c);
		tz_scan(z, tz_zones[i], 1890, 2125, &c);
		for (k = 0; k < sizeof tz_edges / sizeof tz_edges[0]; k++) {
			c.points++;
			if (!tz_same(z, tz_zones[i], (time_t)tz_edges[k]))
				c.bad++;
		}
		CHECK(c.bad == 0 && c.points > 80000,
		    "%s: as glibc's localtime at %ld instants, %ld "
		    "changes, %ld after 2038 (%ld differ)", tz_zones[i],
		    c.points, c.changes, c.late, c.bad);
		/* Where the footer has DST rules, the scan crossed them. */
		rules = strcmp(tz_zones[i], "Europe/Paris") == 0 ||
		    strstr(tz_zones[i], "Chatham") != NULL ||
		    strstr(tz_zones[i], "Nuuk") != NULL ||
		    strstr(tz_zones[i], "Gaza") != NULL;
		if (rules)
			CHECK(c.late >= 2 * 80, "%s: the footer's rules were "
			    "compared at %ld changes after 2038", tz_zones[i],
			    c.late);
		tz_zone_free(z);
	}
}

struct tz_walk {
	long	zones, loaded, points, bad, others, refused;
	char	notzif[512];
};
static struct tz_walk tz_walk;

/* Every file under the zoneinfo directory: a TZif file loads and agrees. */
static int
tz_walk_cb(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	static const int years[] = { 1850, 1901, 1945, 1970, 1995, 2010,
	    2025, 2026, 2037, 2040, 2080, 2100, 2200 };
	const char	*name = path + strlen(PRESENT_TZ_DIR) + 1;
	struct tz_zone	*z;
	char		 magic[4] = "";
	size_t		 k;
	int		 fd, m;

	(void)st;
	(void)f;
	if (flag != FTW_F)
		return 0;
	if ((fd = open(path, O_RDONLY)) != -1) {
		if (read(fd, magic, 4) != 4)
			memset(magic, 0, 4);
		close(fd);
	}
	z = tz_zone_new(NULL, name);
	if (memcmp(magic, "TZif", 4) != 0) {
		tz_walk.others++;
		tz_walk.refused += z == NULL;
		if (strlen(tz_walk.notzif) + strlen(name) + 2 <
		    sizeof tz_walk.notzif) {
			strcat(tz_walk.notzif, " ");
			strcat(tz_walk.notzif, name);
		}
		tz_zone_free(z);
		return 0;
	}
	tz_walk.zones++;
	if (z == NULL) {
		printf("#   not read: %s\n", name);
		return 0;
	}
	tz_walk.loaded++;
	tz_glibc_zone(name);
	for (k = 0; k < sizeof years / sizeof years[0]; k++) {
		for (m = 1; m <= 12; m += 3) {
			tz_walk.points++;
			if (!tz_same(z, name,
			    tz_utc(years[k], m, 15, 12, 0, 0)))
				tz_walk.bad++;
		}
	}
	tz_zone_free(z);
	return 0;
}

static void
test_tz_all(void)
{
	memset(&tz_walk, 0, sizeof tz_walk);
	nftw(PRESENT_TZ_DIR, tz_walk_cb, 16, FTW_PHYS);
	CHECK(tz_walk.zones > 300 && tz_walk.loaded == tz_walk.zones,
	    "every TZif file under %s is read (%ld of %ld)", PRESENT_TZ_DIR,
	    tz_walk.loaded, tz_walk.zones);
	CHECK(tz_walk.bad == 0 && tz_walk.points > 0,
	    "each agrees with glibc at 52 instants, 1850-2200 (%ld of %ld "
	    "differ)", tz_walk.bad, tz_walk.points);
	CHECK(tz_walk.others >= 3 && tz_walk.refused == tz_walk.others,
	    "the other files there are refused (%ld of %ld):%s",
	    tz_walk.refused, tz_walk.others, tz_walk.notzif);
}

/* ---- TZif files made by the test ---------------------------------------- */

/* What a made file holds; tzb_write lays it out as RFC 8536 says. */
struct tzb {
	char		 version;	/* '\0' (1, no footer), '2', '3' … */
	size_t		 ntimes;
	int64_t		 times[8];
	unsigned char	 idx[8];
	size_t		 ntypes;
	int32_t		 utoff[4];
	unsigned char	 isdst[4];
	unsigned char	 abbr[4];
	size_t		 nchars;
	const char	*chars;
	size_t		 nleaps;
	int64_t		 leap_at[4];
	int32_t		 leap_corr[4];
	size_t		 nisstd, nisut;
	unsigned char	 isstd[4], isut[4];
	const char	*footer;	/* without its newlines */
};

static unsigned char *
tzb_be(unsigned char *p, uint64_t v, int bytes)
{
	int	i;

	for (i = bytes - 1; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)v;
	return p + bytes;
}

static unsigned char *
tzb_block(const struct tzb *b, unsigned char *p, int tsize)
{
	size_t	i;

	memcpy(p, "TZif", 4);
	p[4] = (unsigned char)b->version;
	memset(p + 5, 0, 15);
	p += 20;
	p = tzb_be(p, b->nisut, 4);
	p = tzb_be(p, b->nisstd, 4);
	p = tzb_be(p, b->nleaps, 4);
	p = tzb_be(p, b->ntimes, 4);
	p = tzb_be(p, b->ntypes, 4);
	p = tzb_be(p, b->nchars, 4);
	for (i = 0; i < b->ntimes; i++)
		p = tzb_be(p, (uint64_t)b->times[i], tsize);
	for (i = 0; i < b->ntimes; i++)
		*p++ = b->idx[i];
	for (i = 0; i < b->ntypes; i++) {
		p = tzb_be(p, (uint32_t)b->utoff[i], 4);
		*p++ = b->isdst[i];
		*p++ = b->abbr[i];
	}
	memcpy(p, b->chars, b->nchars);
	p += b->nchars;
	for (i = 0; i < b->nleaps; i++) {
		p = tzb_be(p, (uint64_t)b->leap_at[i], tsize);
		p = tzb_be(p, (uint32_t)b->leap_corr[i], 4);
	}
	memcpy(p, b->isstd, b->nisstd);
	p += b->nisstd;
	memcpy(p, b->isut, b->nisut);
	return p + b->nisut;
}

/* Writes the file into out (4 KiB); its length. */
static size_t
tzb_write(const struct tzb *b, unsigned char *out)
{
	unsigned char	*p;

	p = tzb_block(b, out, 4);
	if (b->version != '\0') {
		p = tzb_block(b, p, 8);
		*p++ = '\n';
		memcpy(p, b->footer, strlen(b->footer));
		p += strlen(b->footer);
		*p++ = '\n';
	}
	return (size_t)(p - out);
}

/* A footer alone: one type, no transitions (version 3). */
static void
tzb_footer(struct tzb *b, const char *footer)
{
	memset(b, 0, sizeof *b);
	b->version = '3';
	b->ntypes = 1;
	b->nchars = 4;
	b->chars = "XXX";
	b->footer = footer;
}

/*
 * Footers with every form of rule, each compared with glibc reading it as
 * TZ, from 1970 on: glibc computes a rule's dates of a year before 1970
 * as if it were 1970 (tzset.c, compute_change), where we count back.
 * No real file reaches its footer before 1970: it has transitions there.
 */
static const char *const tz_footers[] = {
	"EST5EDT,M3.2.0,M11.1.0",
	"CET-1CEST,M3.5.0,M10.5.0/3",
	"<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45",
	"<+1030>-10:30<+11>-11,M10.1.0,M4.1.0",
	"IST-1GMT0,M10.5.0,M3.5.0/1",
	"<-02>2<-01>,M3.5.0/-1,M10.5.0/0",
	"EET-2EEST,M3.4.4/50,M10.4.4/50",
	"IST-2IDT,M3.4.4/26,M10.5.0",
	"<-04>4<-03>,M9.1.6/24,M4.1.6/24",
	"XXX3YYY,J60/2,J300/2",			/* Jn: never February 29 */
	"XXX3YYY,59/2,299/2",			/* n: February 29 counted */
	"XXX3YYY,J1/0,J365/23",
	"XXX3YYY,0/0,365/0",
	"AAA3:25:10BBB2:10:05,M4.5.6/-100:30,M10.1.1/140:15",
	"XXX0YYY,M3.5.0/-167,M10.5.0/167",
	"<+0530>-5:30",
	"<-00>0",
	"<+14>-14",
	"XXX-24YYY+24,M1.1.1,M12.5.6",
};

static void
test_tz_footer(void)
{
	unsigned char	 file[4096];
	struct tzb	 b;
	struct tz_count	 c;
	struct tz_zone	*z;
	struct tz_local	 l;
	size_t		 i, k, len;
	time_t		 t;
	char		 what[96];

	for (i = 0; i < sizeof tz_footers / sizeof tz_footers[0]; i++) {
		tzb_footer(&b, tz_footers[i]);
		len = tzb_write(&b, file);
		z = tz_zone_parse(file, len);
		CHECK(z != NULL, "footer %s is read", tz_footers[i]);
		if (z == NULL)
			continue;
		tz_glibc_zone(tz_footers[i]);
		memset(&c, 0, sizeof c);
		snprintf(what, sizeof what, "footer %s", tz_footers[i]);
		tz_scan(z, what, 1970, 2110, &c);
		for (k = 0; k < sizeof tz_edges / sizeof tz_edges[0]; k++) {
			if (tz_edges[k] < 0)
				continue;	/* glibc: see below */
			c.points++;
			if (!tz_same(z, what, (time_t)tz_edges[k]))
				c.bad++;
		}
		CHECK(c.bad == 0, "footer %s: as glibc at %ld instants, %ld "
		    "changes (%ld differ)", tz_footers[i], c.points,
		    c.changes, c.bad);
		tz_zone_free(z);
	}

	/*
	 * DST all year (RFC 8536 3.3.1): "from January 1 00:00 to December
	 * 31 24:00 plus the DST difference". glibc 2.36 falls back to
	 * standard time for the first hours of each year in UTC, so this
	 * one is checked against what the RFC says.
	 */
	tzb_footer(&b, "EST5EDT,0/0,J365/25");
	len = tzb_write(&b, file);
	z = tz_zone_parse(file, len);
	CHECK(z != NULL, "a footer with DST all year is read");
	if (z != NULL) {
		k = 0;
		for (t = tz_utc(2029, 12, 31, 0, 0, 0);
		    t < tz_utc(2030, 1, 2, 0, 0, 0); t += 1800) {
			if (tz_zone_local(z, t, &l) == 0 &&
			    l.utoff == -4 * 3600 && l.isdst == 1 &&
			    strcmp(l.abbr, "EDT") == 0)
				k++;
		}
		t = tz_utc(2030, 7, 1, 0, 0, 0);
		CHECK(k == 96 && tz_zone_local(z, t, &l) == 0 &&
		    l.utoff == -4 * 3600,
		    "DST all year: EDT every half hour across the new year "
		    "(%zu of 96) and in July", k);
		tz_zone_local(z, tz_utc(2030, 1, 1, 2, 0, 0), &l);
		CHECK(l.tm.tm_mday == 31 && l.tm.tm_hour == 22,
		    "2030-01-01 02:00 UTC is 22:00 on December 31 there");
		tz_zone_free(z);
	}
}

/* A file's bytes, whole (at most cap). */
static size_t
tz_slurp(const char *path, unsigned char *out, size_t cap)
{
	size_t	n = 0;
	ssize_t	r;
	int	fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return 0;
	while (n < cap && (r = read(fd, out + n, cap - n)) > 0)
		n += (size_t)r;
	close(fd);
	return n;
}

static void
tz_put(const char *path, const void *data, size_t len)
{
	int	fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd == -1 || write(fd, data, len) != (ssize_t)len)
		printf("#   cannot write %s: %s\n", path, strerror(errno));
	if (fd != -1)
		close(fd);
}

/* 1 if the bytes are refused. */
static int
tz_refused(const void *data, size_t len)
{
	struct tz_zone	*z;

	if ((z = tz_zone_parse(data, len)) == NULL)
		return 1;
	tz_zone_free(z);
	return 0;
}

/* A valid made file: three types, three transitions, a leap second. */
static void
tzb_small(struct tzb *b)
{
	tzb_footer(b, "CET-1CEST,M3.5.0,M10.5.0/3");
	b->ntimes = 3;
	b->times[0] = -1000000;
	b->times[1] = 0;
	b->times[2] = 1000000;
	b->idx[0] = 1;
	b->idx[1] = 2;
	b->idx[2] = 1;
	b->ntypes = 3;
	b->utoff[0] = 561;
	b->utoff[1] = 3600;
	b->utoff[2] = 7200;
	b->isdst[2] = 1;
	b->abbr[0] = 0;
	b->abbr[1] = 4;
	b->abbr[2] = 8;
	b->nchars = 13;
	b->chars = "LMT\0CET\0CEST";
	b->nleaps = 1;
	b->leap_at[0] = 78796800;
	b->leap_corr[0] = 1;
	b->nisstd = b->nisut = 3;
}

/* Offsets in a made file of tzb_small's shape (version 2 block). */
#define TZB_V2(b)	(44 + (b)->ntimes * 5 + (b)->ntypes * 6 + \
			    (b)->nchars + (b)->nleaps * 8 + (b)->nisstd + \
			    (b)->nisut)
/* i: 0 isut, 1 isstd, 2 leap, 3 time, 4 type, 5 char */
#define TZB_COUNT(b, i)	(TZB_V2(b) + 20 + 4 * (i))
#define TZB_TIMES(b)	(TZB_V2(b) + 44)
#define TZB_IDX(b)	(TZB_TIMES(b) + (b)->ntimes * 8)
#define TZB_TYPES(b)	(TZB_IDX(b) + (b)->ntimes)
#define TZB_CHARS(b)	(TZB_TYPES(b) + (b)->ntypes * 6)
#define TZB_LEAPS(b)	(TZB_CHARS(b) + (b)->nchars)
#define TZB_ISSTD(b)	(TZB_LEAPS(b) + (b)->nleaps * 12)

static void
test_tz_corrupt(void)
{
	static unsigned char	 real[65536], file[4096], bad[70000];
	static const char *const footers[] = {
		"EST5EDT", "EST5EDT,M3.2.0", "ES5", "EST", "EST25",
		"EST5EDT,M13.1.0,M11.1.0", "EST5EDT,M3.6.0,M11.1.0",
		"EST5EDT,M3.2.7,M11.1.0", "EST5EDT,J0,J100",
		"EST5EDT,J366,J100", "EST5EDT,366,0",
		"EST5EDT,M3.2.0/168,M11.1.0", "EST5EDT,M3.2.0/1:60,M11.1.0",
		"<EST5", "<E>5", "EST5EDT,M3.2.0,M11.1.0x",
		"EST5:00:00:00", "EST 5", "EST5EDT,,M11.1.0",
		"<ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFG>5",
	};
	struct tzb		 b;
	struct tz_zone		*z;
	struct tz_local		 l;
	char			 dir[] = "/tmp/test-layout-tz-XXXXXX", path[256];
	size_t			 len, n, i, cut, refused;
	uint32_t		 rnd = 12345;
	long			 accepted, sane;
	int			 ok;

	/* The made file is valid and read as meant. */
	tzb_small(&b);
	len = tzb_write(&b, file);
	z = tz_zone_parse(file, len);
	CHECK(z != NULL, "a made file is read");
	if (z != NULL) {
		ok = tz_zone_local(z, -2000000, &l) == 0 && l.utoff == 561 &&
		    strcmp(l.abbr, "LMT") == 0;
		ok &= tz_zone_local(z, 10, &l) == 0 && l.utoff == 7200 &&
		    l.isdst && strcmp(l.abbr, "CEST") == 0;
		ok &= tz_zone_local(z, 500000, &l) == 0 && l.utoff == 7200;
		CHECK(ok, "before the first transition: type 0 (LMT); then "
		    "the transitions");
		tz_zone_local(z, 78796800 - 1, &l);
		ok = l.tm.tm_sec == 59;
		tz_zone_local(z, 78796800, &l);
		ok &= l.tm.tm_sec == 60;
		tz_zone_local(z, 78796801, &l);
		ok &= l.tm.tm_sec == 0;
		CHECK(ok, "a leap second reads :60, the second after :00");
		tz_zone_free(z);
	}

	/* Every shorter prefix of a real file is refused, and of a made one. */
	n = tz_slurp(PRESENT_TZ_DIR "/Europe/Paris", real, sizeof real);
	CHECK(n > 1000 && !tz_refused(real, n), "Europe/Paris, whole, is read");
	refused = 0;
	for (cut = 0; cut < n; cut++)
		refused += tz_refused(real, cut);
	CHECK(refused == n, "Europe/Paris cut at any of its %zu bytes is "
	    "refused (%zu)", n, refused);
	refused = 0;
	for (cut = 0; cut < len; cut++)
		refused += tz_refused(file, cut);
	CHECK(refused == len, "a made file cut anywhere is refused");
	memcpy(bad, real, n);
	bad[n] = 'x';
	CHECK(tz_refused(bad, n + 1), "a byte after the footer: refused");

	/* Counts that point past the end. */
#define TZB_TRY(what, patch) do {					\
	memcpy(bad, file, len);						\
	patch;								\
	CHECK(tz_refused(bad, len), "refused: %s", what);		\
} while (0)
	TZB_TRY("a time count of 2^32-1",
	    tzb_be(bad + TZB_COUNT(&b, 3), 0xffffffff, 4));
	TZB_TRY("one transition more than there are",
	    tzb_be(bad + TZB_COUNT(&b, 3), b.ntimes + 1, 4));
	TZB_TRY("a type count of 2^32-1",
	    tzb_be(bad + TZB_COUNT(&b, 4), 0xffffffff, 4));
	TZB_TRY("no designations", tzb_be(bad + TZB_COUNT(&b, 5), 0, 4));
	TZB_TRY("a designation count past the end",
	    tzb_be(bad + TZB_COUNT(&b, 5), 0x7fffffff, 4));
	TZB_TRY("a leap count past the end",
	    tzb_be(bad + TZB_COUNT(&b, 2), 1000, 4));
	TZB_TRY("standard/wall indicators not one per type",
	    tzb_be(bad + TZB_COUNT(&b, 1), 2, 4));
	TZB_TRY("UT/local indicators not one per type",
	    tzb_be(bad + TZB_COUNT(&b, 0), 4, 4));
	TZB_TRY("a version 1 count past the end",
	    tzb_be(bad + 20 + 4 * 3, 0x10000, 4));
	TZB_TRY("not TZif", bad[0] = 'X');
	TZB_TRY("an unknown version", bad[4] = 'x');
	TZB_TRY("the second header not TZif", bad[TZB_V2(&b)] = 'X');
	TZB_TRY("a transition to type 3 of 3", bad[TZB_IDX(&b) + 1] = 3);
	TZB_TRY("transitions out of order",
	    tzb_be(bad + TZB_TIMES(&b) + 8, (uint64_t)INT64_C(-2000000), 8));
	TZB_TRY("two transitions at one instant",
	    tzb_be(bad + TZB_TIMES(&b) + 8, (uint64_t)INT64_C(-1000000), 8));
	TZB_TRY("an offset of 26 hours", tzb_be(bad + TZB_TYPES(&b) + 6,
	    26 * 3600, 4));
	TZB_TRY("an offset of -2^31", tzb_be(bad + TZB_TYPES(&b) + 6,
	    0x80000000, 4));
	TZB_TRY("a DST flag of 2", bad[TZB_TYPES(&b) + 6 + 4] = 2);
	TZB_TRY("a designation index past the designations",
	    bad[TZB_TYPES(&b) + 6 + 5] = 13);
	TZB_TRY("a designation without its NUL",
	    bad[TZB_CHARS(&b) + 12] = 'X');
	TZB_TRY("a first leap correction of 2",
	    tzb_be(bad + TZB_LEAPS(&b) + 8, 2, 4));
	TZB_TRY("a standard/wall indicator of 2", bad[TZB_ISSTD(&b)] = 2);
	TZB_TRY("UT without standard time",
	    bad[TZB_ISSTD(&b) + 3] = 1);
	TZB_TRY("a footer without its last newline", bad[len - 1] = 'x');
	TZB_TRY("a footer without its first newline",
	    bad[len - strlen(b.footer) - 2] = 'x');
	TZB_TRY("a NUL in the footer", bad[len - 3] = '\0');
	TZB_TRY("a newline in the footer", bad[len - 4] = '\n');
#undef TZB_TRY
	for (i = 0; i < sizeof footers / sizeof footers[0]; i++) {
		tzb_footer(&b, footers[i]);
		len = tzb_write(&b, file);
		CHECK(tz_refused(file, len), "refused: a footer \"%s\"",
		    footers[i]);
	}
	tzb_footer(&b, "");
	len = tzb_write(&b, file);
	z = tz_zone_parse(file, len);
	CHECK(z != NULL && tz_zone_local(z, 0, &l) == 0 && l.utoff == 0 &&
	    strcmp(l.abbr, "XXX") == 0,
	    "an empty footer: the last type applies (RFC 8536)");
	tz_zone_free(z);
	b.ntypes = 0;
	len = tzb_write(&b, file);
	CHECK(tz_refused(file, len), "refused: no types (and no footer)");
	b.ntypes = 1;
	b.version = '\0';
	len = tzb_write(&b, file);
	z = tz_zone_parse(file, len);
	CHECK(z != NULL, "a version 1 file (no footer) is read");
	tz_zone_free(z);
	file[len] = '\n';
	CHECK(tz_refused(file, len + 1), "a byte after a version 1 file: "
	    "refused");

	/* Files that are not TZif, read as bytes. */
	n = tz_slurp(PRESENT_TZ_DIR "/zone.tab", real, sizeof real);
	CHECK(n > 0 && tz_refused(real, n), "zone.tab's bytes are refused");
	n = tz_slurp(PRESENT_TZ_DIR "/tzdata.zi", real, sizeof real);
	CHECK(n > 0 && tz_refused(real, n), "tzdata.zi's bytes are refused");
	CHECK(tz_refused("", 0), "no bytes are refused");

	/* The files themselves, under a zone directory of the test's. */
	if (mkdtemp(dir) == NULL) {
		CHECK(0, "a directory for zone files");
		return;
	}
	n = tz_slurp(PRESENT_TZ_DIR "/zone.tab", real, sizeof real);
	snprintf(path, sizeof path, "%s/Zonetab", dir);
	tz_put(path, real, n);
	CHECK(tz_zone_new(dir, "Zonetab") == NULL,
	    "zone.tab under a zone name is refused");
	n = tz_slurp(PRESENT_TZ_DIR "/Europe/Paris", real, sizeof real);
	snprintf(path, sizeof path, "%s/Paris", dir);
	tz_put(path, real, n);
	z = tz_zone_new(dir, "Paris");
	CHECK(z != NULL, "a copy of Europe/Paris there is read");
	tz_zone_free(z);
	tz_put(path, real, n / 2);
	CHECK(tz_zone_new(dir, "Paris") == NULL,
	    "the same file truncated on disk is refused");
	memset(bad, 0, sizeof bad);
	memcpy(bad, real, n);
	snprintf(path, sizeof path, "%s/Big", dir);
	tz_put(path, bad, sizeof bad);
	CHECK(tz_zone_new(dir, "Big") == NULL,
	    "a file over 64 KiB is refused");
	snprintf(path, sizeof path, "%s/Fifo", dir);
	CHECK(mkfifo(path, 0600) == 0 && tz_zone_new(dir, "Fifo") == NULL,
	    "a FIFO is refused at once, not waited on");
	snprintf(path, sizeof path, "%s/Passwd", dir);
	CHECK(symlink("/etc/passwd", path) == 0 &&
	    tz_zone_new(dir, "Passwd") == NULL,
	    "a link to /etc/passwd is refused (not TZif)");
	snprintf(path, sizeof path, "%s/Dir", dir);
	CHECK(mkdir(path, 0700) == 0 && tz_zone_new(dir, "Dir") == NULL,
	    "a directory is refused");
	CHECK(tz_zone_new(NULL, "Europe") == NULL, "Europe is no zone");
	CHECK(tz_zone_new(NULL, "/usr/share/zoneinfo/UTC") == NULL,
	    "an absolute path is refused");
	CHECK(tz_zone_new(NULL, "Europe/../UTC") == NULL &&
	    tz_zone_new(NULL, "../zoneinfo/UTC") == NULL, ".. is refused");
	CHECK(tz_zone_new(NULL, "zone.tab") == NULL &&
	    tz_zone_new(NULL, "UTC ") == NULL &&
	    tz_zone_new(NULL, "UTC\n") == NULL &&
	    tz_zone_new(NULL, "") == NULL && tz_zone_new(NULL, NULL) == NULL,
	    "names with other characters, empty or none are refused");
	memset(path, 'A', sizeof path - 1);
	path[sizeof path - 1] = '\0';
	CHECK(tz_zone_new(NULL, path) == NULL,
	    "a 255-byte name that names no file is refused");
	z = tz_zone_new(NULL, "Etc/GMT+5");
	CHECK(z != NULL && tz_zone_local(z, 0, &l) == 0 &&
	    l.utoff == -5 * 3600, "Etc/GMT+5 is five hours behind UTC");
	tz_zone_free(z);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	if (system(path) != 0)
		printf("#   could not remove %s\n", dir);

	/*
	 * Random damage: one to four bytes of real files changed at a time.
	 * A damaged file is refused or read; read, it never gives an offset
	 * outside +-26 h or a clock that does not add up (AddressSanitizer
	 * watches every read).
	 */
	accepted = sane = 0;
	for (i = 0; i < 20000; i++) {
		static const char *const files[] = { "Europe/Paris",
		    "Australia/Lord_Howe", "right/UTC", "Asia/Kolkata" };
		unsigned char	*p = real;
		int		 k, changes;

		snprintf(path, sizeof path, "%s/%s", PRESENT_TZ_DIR,
		    files[i % 4]);
		n = tz_slurp(path, real, sizeof real);
		rnd = rnd * 1103515245 + 12345;
		changes = 1 + (int)(rnd >> 16) % 4;
		for (k = 0; k < changes; k++) {
			rnd = rnd * 1103515245 + 12345;
			p[(rnd >> 8) % n] ^=
			    (unsigned char)(1 + (rnd >> 24) % 255);
		}
		if ((z = tz_zone_parse(real, n)) == NULL)
			continue;
		accepted++;
		ok = 1;
		for (k = 0; k < 8; k++) {
			int64_t	t = (int64_t)k * 800000000 - 2400000000;

			struct tm	tm;

			if (tz_zone_local(z, t, &l) != 0 ||
			    l.utoff < -89999 || l.utoff > 93599 ||
			    l.tm.tm_hour > 23 || l.tm.tm_min > 59 ||
			    l.tm.tm_sec > 60 || l.tm.tm_wday > 6) {
				ok = 0;
				continue;
			}
			/* The clock is t and the offset (less leap seconds). */
			tm = l.tm;
			if (llabs((long long)timegm(&tm) - (t + l.utoff)) > 64 ||
			    tm.tm_wday != l.tm.tm_wday ||
			    tm.tm_yday != l.tm.tm_yday)
				ok = 0;
		}
		sane += ok;
		tz_zone_free(z);
	}
	CHECK(sane == accepted, "20,000 damaged files: %ld read, each with "
	    "sane clocks; the rest refused", accepted);
}

/* ---- the environment is never touched ----------------------------------- */

struct tz_worker {
	const char	*zone;
	time_t		 t;
	char		 want[96];
	int		 wrong;
};

static void *
tz_worker_run(void *arg)
{
	struct tz_worker	*w = arg;
	char			 out[96];
	int			 i;

	for (i = 0; i < 300; i++) {
		if (layout_local_time(w->zone, "Mon-Fri 09:00-17:00", w->t, out,
		    sizeof out) != 0 || strcmp(out, w->want) != 0)
			w->wrong++;
	}
	return NULL;
}

static int tz_reading;

/* Reads TZ over and over while the workers run: it never changes. */
static void *
tz_reader_run(void *arg)
{
	long		*changed = arg;
	const char	*was, *now;

	env_own = 1;
	was = getenv("TZ");
	while (__atomic_load_n(&tz_reading, __ATOMIC_SEQ_CST)) {
		now = getenv("TZ");
		if (now != was || now == NULL ||
		    strcmp(now, "Europe/Vienna") != 0)
			(*changed)++;
	}
	return NULL;
}

static void
test_tz_environment(void)
{
	static const char *const zones[] = { "America/Sao_Paulo",
	    "Pacific/Chatham", "Asia/Kolkata", "Europe/Dublin" };
	struct tz_worker	 w[4];
	struct tm		 g;
	pthread_t		 th[4], reader;
	time_t			 t = 1795435200;	/* 2026-11-23 12:00 UTC */
	size_t			 i;
	long			 changed = 0;
	int			 calls, wrong = 0;
	char			 out[96];

	/* What glibc says, with TZ set by the test, for the workers to get. */
	for (i = 0; i < 4; i++) {
		w[i].zone = zones[i];
		w[i].t = t + (time_t)i * 7777;
		w[i].wrong = 0;
		tz_glibc_zone(zones[i]);
		localtime_r(&w[i].t, &g);
		snprintf(w[i].want, sizeof w[i].want, "%02d:%02d local, %s "
		    "office hours", g.tm_hour, g.tm_min,
		    g.tm_wday >= 1 && g.tm_wday <= 5 &&
		    g.tm_hour >= 9 && g.tm_hour < 17 ? "within" : "outside");
	}
	tz_glibc_zone("Europe/Vienna");

	calls = env_calls;
	for (i = 0; i < 4; i++) {
		layout_local_time(zones[i], "Mon-Fri 09:00-17:00", w[i].t, out,
		    sizeof out);
		wrong += strcmp(out, w[i].want) != 0;
	}
	layout_local_time("Mars/Olympus", NULL, t, out, sizeof out);
	CHECK(wrong == 0, "the local time is glibc's (%s; %s)", w[0].want,
	    w[1].want);
	CHECK_INT(env_calls - calls, 0, "the local time calls no setenv, "
	    "unsetenv, putenv, clearenv, tzset or getenv");

	/* Four threads at once, and one reading TZ all the while. */
	calls = env_calls;
	__atomic_store_n(&tz_reading, 1, __ATOMIC_SEQ_CST);
	pthread_create(&reader, NULL, tz_reader_run, &changed);
	for (i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, tz_worker_run, &w[i]);
	for (i = 0; i < 4; i++)
		pthread_join(th[i], NULL);
	__atomic_store_n(&tz_reading, 0, __ATOMIC_SEQ_CST);
	pthread_join(reader, NULL);
	for (i = 0; i < 4; i++)
		wrong += w[i].wrong;
	CHECK(wrong == 0, "four threads at once each get their zone's time");
	CHECK_INT(changed, 0, "TZ stays byte for byte what it was, read by "
	    "another thread meanwhile");
	CHECK_INT(env_calls - calls, 0, "and no thread touched the "
	    "environment");
	env_own = 1;
	unsetenv("TZ");
	tzset();
	env_own = 0;
}

/* ---- the line editor (present-edit.c) ------------------------------------ */

/* Types a string key by key (one code point each). */
static void
edit_type(struct edit_line *e, const char *s)
{
	uint32_t	cp;
	int		n;

	while (*s != '\0') {
		n = utf8_decode(s, strlen(s), &cp);
		if (n < 0)
			return;
		edit_line_key(e, (int)cp);
		s += n;
	}
}

static void
test_edit_keys(void)
{
	struct edit_line	e;
	enum edit_result	r;

	edit_line_init(&e, NULL);
	CHECK_STR(edit_line_text(&e), "", "a new line is empty");
	CHECK_INT(edit_line_key(&e, 'a'), EDIT_CHANGED, "a letter is typed");
	edit_type(&e, "bc");
	CHECK_STR(edit_line_text(&e), "abc", "typed at the cursor, in order");
	CHECK_INT(e.cursor, 3, "the cursor follows what is typed");
	CHECK_INT(edit_line_key(&e, TUI_KEY_CTRL('a')), EDIT_MOVED, "^A moves");
	CHECK_INT(e.cursor, 0, "^A: to the start");
	CHECK_INT(edit_line_key(&e, TUI_KEY_CTRL('a')), EDIT_STILL,
	    "^A at the start has nothing to do");
	edit_line_key(&e, 'X');
	CHECK_STR(edit_line_text(&e), "Xabc", "typed at the start, not appended");
	CHECK_INT(e.cursor, 1, "the cursor after the character typed");
	CHECK_INT(edit_line_key(&e, TUI_KEY_CTRL('e')), EDIT_MOVED, "^E moves");
	CHECK_INT(e.cursor, 4, "^E: to the end");
	edit_line_key(&e, TUI_KEY_HOME);
	CHECK_INT(e.cursor, 0, "Home: to the start");
	edit_line_key(&e, TUI_KEY_END);
	CHECK_INT(e.cursor, 4, "End: to the end");
	CHECK_INT(edit_line_key(&e, TUI_KEY_END), EDIT_STILL,
	    "End at the end has nothing to do");
	CHECK_INT(edit_line_key(&e, TUI_KEY_RIGHT), EDIT_STILL,
	    "Right at the end has nothing to do");
	edit_line_key(&e, TUI_KEY_CTRL('b'));
	CHECK_INT(e.cursor, 3, "^B: one character left");
	edit_line_key(&e, TUI_KEY_LEFT);
	CHECK_INT(e.cursor, 2, "Left: one character left");
	edit_line_key(&e, TUI_KEY_CTRL('f'));
	CHECK_INT(e.cursor, 3, "^F: one character right");
	edit_line_key(&e, TUI_KEY_RIGHT);
	CHECK_INT(e.cursor, 4, "Right: one character right");
	edit_line_key(&e, TUI_KEY_HOME);
	CHECK_INT(edit_line_key(&e, TUI_KEY_LEFT), EDIT_STILL,
	    "Left at the start has nothing to do");
	CHECK_INT(edit_line_key(&e, TUI_KEY_DELETE), EDIT_CHANGED,
	    "Delete deletes");
	CHECK_STR(edit_line_text(&e), "abc", "Delete: the character under the cursor");
	CHECK_INT(edit_line_key(&e, TUI_KEY_BACKSPACE), EDIT_STILL,
	    "Backspace at the start has nothing to do");
	edit_line_key(&e, TUI_KEY_END);
	CHECK_INT(edit_line_key(&e, TUI_KEY_DELETE), EDIT_STILL,
	    "Delete at the end has nothing to do");
	CHECK_INT(edit_line_key(&e, TUI_KEY_BACKSPACE), EDIT_CHANGED,
	    "Backspace deletes");
	CHECK_STR(edit_line_text(&e), "ab", "Backspace: the character before the cursor");
	edit_line_key(&e, 0x7f);
	CHECK_STR(edit_line_text(&e), "a", "DEL is Backspace too");
	edit_line_key(&e, TUI_KEY_CTRL('h'));
	CHECK_STR(edit_line_text(&e), "", "^H is Backspace too");

	edit_line_set(&e, "find the word");
	CHECK_INT(e.cursor, 13, "a text set puts the cursor at its end");
	edit_line_key(&e, TUI_KEY_CTRL('w'));
	CHECK_STR(edit_line_text(&e), "find the ", "^W: the word before the cursor");
	edit_line_key(&e, TUI_KEY_CTRL('w'));
	CHECK_STR(edit_line_text(&e), "find ", "^W again: the spaces, then the word");
	edit_line_set(&e, "alpha beta");
	edit_line_key(&e, TUI_KEY_HOME);
	CHECK_INT(edit_line_key(&e, TUI_KEY_CTRL('w')), EDIT_STILL,
	    "^W at the start has nothing to do");
	e.cursor = 5;
	edit_line_key(&e, TUI_KEY_CTRL('w'));
	CHECK_STR(edit_line_text(&e), " beta", "^W in the middle: the word before only");
	CHECK_INT(e.cursor, 0, "the cursor where the word began");
	edit_line_set(&e, "alpha beta");
	e.cursor = 6;
	edit_line_key(&e, TUI_KEY_CTRL('u'));
	CHECK_STR(edit_line_text(&e), "beta", "^U: everything before the cursor");
	CHECK_INT(e.cursor, 0, "^U: the cursor at the start");
	edit_line_set(&e, "alpha beta");
	e.cursor = 5;
	edit_line_key(&e, TUI_KEY_CTRL('k'));
	CHECK_STR(edit_line_text(&e), "alpha", "^K: everything after the cursor");
	CHECK_INT(edit_line_key(&e, TUI_KEY_CTRL('k')), EDIT_STILL,
	    "^K at the end has nothing to do");

	/* The keys that are not the editor's stay the caller's. */
	r = edit_line_key(&e, TUI_KEY_UP);
	r = r == EDIT_IGNORED ? edit_line_key(&e, TUI_KEY_DOWN) : r;
	r = r == EDIT_IGNORED ? edit_line_key(&e, TUI_KEY_ENTER) : r;
	r = r == EDIT_IGNORED ? edit_line_key(&e, TUI_KEY_ESC) : r;
	r = r == EDIT_IGNORED ? edit_line_key(&e, TUI_KEY_TAB) : r;
	r = r == EDIT_IGNORED ? edit_line_key(&e, TUI_KEY_PGDN) : r;
	r = r == EDIT_IGNORED ? edit_line_key(&e, TUI_KEY_F(2)) : r;
	CHECK_INT(r, EDIT_IGNORED, "Up, Down, Enter, Esc, Tab, PgDn, F2: not editing keys");
	CHECK_STR(edit_line_text(&e), "alpha", "and they change nothing");
	edit_line_free(&e);
}

static void
test_edit_utf8(void)
{
	struct edit_line	e;
	char			*big;

	edit_line_init(&e, NULL);
	/* é (2 bytes), € (3 bytes), 😀 (4 bytes). */
	edit_type(&e, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
	CHECK_STR(edit_line_text(&e), "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80",
	    "two-, three- and four-byte characters typed");
	CHECK_INT(e.cursor, 9, "the cursor after the four-byte one");
	edit_line_key(&e, TUI_KEY_LEFT);
	CHECK_INT(e.cursor, 5, "Left: over the four bytes of 😀");
	edit_line_key(&e, TUI_KEY_LEFT);
	CHECK_INT(e.cursor, 2, "Left: over the three bytes of €");
	edit_line_key(&e, TUI_KEY_LEFT);
	CHECK_INT(e.cursor, 0, "Left: over the two bytes of é");
	edit_line_key(&e, TUI_KEY_RIGHT);
	CHECK_INT(e.cursor, 2, "Right: over é");
	edit_line_key(&e, TUI_KEY_DELETE);
	CHECK_STR(edit_line_text(&e), "\xc3\xa9\xf0\x9f\x98\x80",
	    "Delete takes the three bytes of € whole");
	edit_line_key(&e, TUI_KEY_BACKSPACE);
	CHECK_STR(edit_line_text(&e), "\xf0\x9f\x98\x80",
	    "Backspace takes the two bytes of é whole");
	edit_line_key(&e, TUI_KEY_END);
	edit_line_key(&e, TUI_KEY_BACKSPACE);
	CHECK_STR(edit_line_text(&e), "", "Backspace takes the four bytes of 😀 whole");

	/* e + COMBINING ACUTE ACCENT, typed as two keys: one character. */
	edit_type(&e, "Jose\xcc\x81");
	CHECK_STR(edit_line_text(&e), "Jose\xcc\x81", "a combining mark typed");
	CHECK_INT(e.cursor, 6, "the cursor after the mark");
	edit_line_key(&e, TUI_KEY_LEFT);
	CHECK_INT(e.cursor, 3, "Left moves over the letter and its mark");
	edit_line_key(&e, TUI_KEY_RIGHT);
	CHECK_INT(e.cursor, 6, "Right too");
	edit_line_key(&e, TUI_KEY_LEFT);
	edit_line_key(&e, TUI_KEY_DELETE);
	CHECK_STR(edit_line_text(&e), "Jos", "Delete takes the mark with its letter");
	edit_type(&e, "e\xcc\x81");
	edit_line_key(&e, TUI_KEY_BACKSPACE);
	CHECK_STR(edit_line_text(&e), "Jos", "Backspace takes the mark with its letter");
	/* A mark typed in the middle joins the letter before it. */
	edit_line_set(&e, "ab");
	e.cursor = 1;
	edit_line_key(&e, 0x301);
	CHECK_STR(edit_line_text(&e), "a\xcc\x81" "b", "a mark typed after a");
	CHECK_INT(e.cursor, 3, "the cursor after the letter and its mark");
	edit_line_key(&e, TUI_KEY_CTRL('a'));
	edit_line_key(&e, TUI_KEY_RIGHT);
	CHECK_INT(e.cursor, 3, "never between a letter and its mark");
	/* ^W over accented words (a precomposed ú, a combining ñ). */
	edit_line_set(&e, "Jos\xc3\xa9 Nu\xcc\x81n\xcc\x83" "ez");
	edit_line_key(&e, TUI_KEY_CTRL('w'));
	CHECK_STR(edit_line_text(&e), "Jos\xc3\xa9 ", "^W deletes the accented word whole");
	edit_line_key(&e, TUI_KEY_CTRL('w'));
	CHECK_STR(edit_line_text(&e), "", "and the one before it");

	/* The length is bounded, never in the middle of a character. */
	big = xmalloc(EDIT_LINE_MAX + 8);
	memset(big, 'a', EDIT_LINE_MAX + 7);
	big[EDIT_LINE_MAX + 7] = '\0';
	edit_line_set(&e, big);
	CHECK_INT(e.text.len, EDIT_LINE_MAX, "a text set is cut at EDIT_LINE_MAX");
	CHECK_INT(edit_line_key(&e, 'b'), EDIT_STILL, "typing past it does nothing");
	memcpy(big + EDIT_LINE_MAX - 1, "\xc3\xa9", 3);
	edit_line_set(&e, big);
	CHECK_INT(e.text.len, EDIT_LINE_MAX - 1, "not in the middle of é");
	free(big);
	edit_line_free(&e);
}

static void
test_edit_view(void)
{
	struct edit_line	 e;
	char			*shown;
	int			 col, i;

	edit_line_init(&e, "abc");
	edit_line_view(&e, 20, &shown, &col);
	CHECK_STR(shown, "abc", "a short text is shown whole");
	CHECK_INT(col, 3, "the cursor after it");
	free(shown);

	/* Longer than the field: it scrolls to keep the cursor in view. */
	edit_line_set(&e, "abcdefghijklmnop");
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "\xe2\x80\xa6klmnop", "the end in view, … where text is hidden");
	CHECK_INT(col, 7, "the cursor in the last column");
	free(shown);
	edit_line_key(&e, TUI_KEY_CTRL('a'));
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "abcdefg\xe2\x80\xa6", "^A: the start in view, … on the right");
	CHECK_INT(col, 0, "the cursor in the first column");
	free(shown);
	for (i = 0; i < 7; i++)
		edit_line_key(&e, TUI_KEY_RIGHT);
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "\xe2\x80\xa6" "cdefgh\xe2\x80\xa6",
	    "moving right scrolls as little as it must");
	CHECK_INT(col, 6, "the cursor on h");
	free(shown);
	edit_line_key(&e, TUI_KEY_LEFT);
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "\xe2\x80\xa6" "cdefgh\xe2\x80\xa6",
	    "moving back inside the field does not scroll");
	CHECK_INT(col, 5, "the cursor on g");
	free(shown);
	edit_line_key(&e, TUI_KEY_CTRL('k'));
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "abcdef", "^K: what is left fits, shown from its start");
	CHECK_INT(col, 6, "the cursor after it");
	free(shown);

	/* CJK: two columns each, never cut in half. */
	edit_line_set(&e, "中央纪律检查委员会");
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "\xe2\x80\xa6委员会", "a CJK text scrolled: its end");
	CHECK_INT((long long)utf8_width(shown), 7, "seven columns");
	CHECK_INT(col, 7, "the cursor after 会");
	free(shown);
	edit_line_key(&e, TUI_KEY_HOME);
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "中央纪 \xe2\x80\xa6", "its start: no half character before …");
	CHECK_INT((long long)utf8_width(shown), 8, "exactly the field's width");
	CHECK_INT(col, 0, "the cursor on 中");
	free(shown);
	for (i = 0; i < 4; i++)
		edit_line_key(&e, TUI_KEY_RIGHT);
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "\xe2\x80\xa6纪律检\xe2\x80\xa6", "scrolled to keep 检 in view");
	CHECK_INT(col, 5, "the cursor on 检, two columns in");
	free(shown);

	/* What the terminal cannot show: sanitized, and counted as shown. */
	edit_line_set(&e, "a\xe2\x80\xae" "b");
	edit_line_view(&e, 20, &shown, &col);
	CHECK_STR(shown, "ab", "a bidi override typed is not drawn");
	CHECK_INT(col, 2, "the cursor counts what is drawn");
	free(shown);
	edit_line_set(&e, "a\xe2\x80\x8b" "b");
	edit_line_view(&e, 20, &shown, &col);
	CHECK_STR(shown, "a<U+200B>b", "an invisible character is shown");
	CHECK_INT(col, 10, "and counted as wide as it is shown");
	free(shown);
	charset_set_utf8(0);
	edit_line_set(&e, "中央纪律检查委员会");
	edit_line_view(&e, 8, &shown, &col);
	CHECK_STR(shown, "<??????", "ASCII: one ? a character, < where text is hidden");
	CHECK_INT(col, 7, "ASCII: the cursor counts columns shown");
	free(shown);
	charset_set_utf8(1);
	edit_line_view(&e, 0, &shown, &col);
	CHECK_STR(shown, "", "no room: nothing");
	free(shown);
	edit_line_free(&e);
}

#ifndef __SANITIZE_ADDRESS__
/*
 * The kB of memory locked (mlock) in the mapping of /proc/self/smaps
 * that holds p, or -1 when it cannot be read.
 */
static long
locked_kb_at(const void *p)
{
	FILE		*f;
	char		 line[512];
	unsigned long	 lo, hi, at = (unsigned long)(uintptr_t)p;
	long		 kb = -1;
	int		 in = 0;

	if ((f = fopen("/proc/self/smaps", "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 &&
		    strchr(line, ':') != NULL && strchr(line, '-') <
		    strchr(line, ' ')) {
			in = at >= lo && at < hi;
			continue;
		}
		if (in && sscanf(line, "Locked: %ld kB", &kb) == 1)
			break;
	}
	fclose(f);
	return in ? kb : -1;
}
#endif

/* A passphrase prompt's line: nothing shown, recalled, moved or left. */
static void
test_edit_secret(void)
{
	struct edit_history	*h;
	struct edit_line	 e;
	char			*shown, *at, big[5000];
	size_t			 cap;
	int			 col, i, ok;
#ifndef __SANITIZE_ADDRESS__
	struct rlimit		 rl;
#endif

	h = edit_history_new(3);
	edit_history_add(h, "an earlier search");
	edit_line_init(&e, "plain");
	edit_line_secret(&e);
	CHECK_STR(edit_line_text(&e), "", "a secret line starts empty");
	/*
	 * AddressSanitizer makes mlock a no-op, and a process allowed to
	 * lock nothing cannot: those say so and count nothing.
	 */
#ifdef __SANITIZE_ADDRESS__
	printf("# not checked in this build: the secret's memory locked "
	    "(mlock is a no-op under AddressSanitizer; the plain build "
	    "checks it)\n");
#else
	if (getrlimit(RLIMIT_MEMLOCK, &rl) == 0 && rl.rlim_cur < 65536 &&
	    geteuid() != 0)
		printf("# not checked here: the secret's memory locked "
		    "(RLIMIT_MEMLOCK is %llu bytes)\n",
		    (unsigned long long)rl.rlim_cur);
	else
		CHECK(locked_kb_at(e.text.data) > 0,
		    "its memory is locked, kept out of swap (%ld kB)",
		    locked_kb_at(e.text.data));
#endif
	edit_type(&e, "tr0ub4dor&3 ç");
	CHECK_STR(edit_line_text(&e), "tr0ub4dor&3 ç", "it edits as any line");
	edit_line_view(&e, 40, &shown, &col);
	CHECK(strcmp(shown, "") == 0 && col == 0,
	    "what is typed is never shown (\"%s\", column %d)", shown, col);
	free(shown);
	CHECK_INT(edit_line_older(&e, h), 0, "Up recalls no history into it");
	CHECK_STR(edit_line_text(&e), "tr0ub4dor&3 ç", "and leaves it as typed");
	at = e.text.data;
	cap = e.text.cap;
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	edit_type(&e, big);
	CHECK(e.text.data == at, "typing up to its limit never moves it in "
	    "memory (no copy left behind)");
	edit_line_set(&e, NULL);
	for (i = 0, ok = 1; (size_t)i < cap; i++)
		ok &= at[i] == 0;
	CHECK(ok, "emptied, every byte it held is wiped");
	edit_line_free(&e);
	edit_history_free(h);
}

static void
test_edit_history(void)
{
	struct edit_history	*h;
	struct edit_line	 e;
	char			*data, big[700];
	size_t			 len;

	h = edit_history_new(3);
	CHECK_INT(edit_history_add(h, "jose"), 1, "an entry is added");
	edit_history_add(h, "ana");
	CHECK_INT(edit_history_add(h, "ana"), 0, "the newest again changes nothing");
	edit_history_add(h, " jose ");
	CHECK_INT(h->n, 2, "duplicates collapse (spaces around dropped)");
	CHECK_STR(h->v[1], "jose", "the entry used again is the newest");
	CHECK_INT(edit_history_add(h, "   "), 0, "blank text is not added");
	CHECK_INT(edit_history_add(h, "a\x1b[2Jb"), 0, "control characters are not added");
	edit_history_add(h, "wang");
	edit_history_add(h, "souza");
	CHECK_INT(h->n, 3, "at most max entries");
	CHECK_STR(h->v[0], "jose", "the oldest went");
	edit_history_free(h);

	/* A hostile or corrupt file: only clean lines become entries. */
	h = edit_history_new(0);
	CHECK_INT(h->max, EDIT_HISTORY_DEFAULT, "max 0: the default");
	memset(big, 'x', sizeof big);
	{
		struct buf	b;

		buf_init(&b);
		buf_add(&b, "\x00\xff\xfe binary\n", 11);
		buf_adds(&b, "ok1\n");
		buf_adds(&b, "bad\x1b[31m red\n");
		buf_adds(&b, "tab\there\n");
		buf_adds(&b, "crlf\r\n");
		buf_adds(&b, "c1 \xc2\x9b" "2J\n");
		buf_adds(&b, "\xc3\x28 invalid\n");
		buf_add(&b, big, sizeof big);
		buf_adds(&b, "\n\n\n");
		buf_adds(&b, "Jos\xc3\xa9 \xe7\x8e\x8b\n");
		buf_adds(&b, "ok2");
		edit_history_parse(h, b.data, b.len);
		buf_free(&b);
	}
	CHECK_INT(h->n, 3, "binary, controls, CR, invalid UTF-8, too long: skipped");
	CHECK_STR(h->v[0], "ok1", "a clean line is kept");
	CHECK_STR(h->v[1], "Jos\xc3\xa9 \xe7\x8e\x8b", "UTF-8 text is kept");
	CHECK_STR(h->v[2], "ok2", "the last line needs no newline");
	data = edit_history_format(h, &len);
	CHECK_STR(data, "ok1\nJos\xc3\xa9 \xe7\x8e\x8b\nok2\n", "written one a line, oldest first");
	CHECK_INT(len, strlen(data), "its length");
	free(data);

	/* Up and Down. */
	edit_line_init(&e, "typed");
	CHECK_INT(edit_line_newer(&e, h), 0, "Down before Up: nothing");
	CHECK_INT(edit_line_older(&e, h), 1, "Up recalls");
	CHECK_STR(edit_line_text(&e), "ok2", "the newest first");
	CHECK_INT(edit_line_recalled(&e), 1, "a recalled entry is shown");
	edit_line_older(&e, h);
	edit_line_older(&e, h);
	CHECK_STR(edit_line_text(&e), "ok1", "Up again: older ones");
	CHECK_INT(edit_line_older(&e, h), 0, "nothing older than the oldest");
	edit_line_newer(&e, h);
	CHECK_STR(edit_line_text(&e), "Jos\xc3\xa9 \xe7\x8e\x8b", "Down: a newer one");
	edit_line_newer(&e, h);
	edit_line_newer(&e, h);
	CHECK_STR(edit_line_text(&e), "typed", "Down past the newest: the text typed");
	CHECK_INT(edit_line_recalled(&e), 0, "no longer recalled");
	CHECK_INT(edit_line_newer(&e, h), 0, "nothing newer than the text typed");
	edit_line_set(&e, "ok2");
	edit_line_older(&e, h);
	CHECK_STR(edit_line_text(&e), "Jos\xc3\xa9 \xe7\x8e\x8b",
	    "an entry equal to the text shown is skipped");
	edit_line_key(&e, 'x');
	CHECK_INT(edit_line_recalled(&e), 0, "a key typed makes it the text typed");
	CHECK_INT(edit_line_newer(&e, h), 0, "so Down has nowhere to go");
	CHECK_INT(edit_line_older(&e, NULL), 0, "no history: Up does nothing");
	edit_line_free(&e);
	edit_history_free(h);
}

/* The words of a sync, as `globe sync` and the status line say them. */
static void
test_sync_words(void)
{
	struct cache_changes	c;
	struct net_result	r;
	struct net_progress	p;
	char			*s;

	memset(&c, 0, sizeof c);
	s = present_sync_changes(&c);
	CHECK_STR(s, "no changes", "summary of nothing");
	free(s);
	c.added[REC_CONTACT] = 3;
	c.changed[REC_CONTACT] = 1;
	c.removed[REC_NEWSLETTER] = 2;
	s = present_sync_changes(&c);
	CHECK_STR(s, "contacts +3 ~1 -0, newsletters +0 ~0 -2",
	    "summary lists the kinds that changed");
	free(s);

	memset(&r, 0, sizeof r);
	r.changes.added[REC_COUNTRY] = 1;
	r.changes.added[REC_AUTHORITY] = 1;
	r.changes.added[REC_CONTACT] = 2;
	r.changes.added[REC_NEWSLETTER] = 1;
	s = present_sync_changes(&r.changes);
	CHECK_STR(s, "countries +1 ~0 -0, authorities +1 ~0 -0, "
	    "contacts +2 ~0 -0, newsletters +1 ~0 -0", "changes summary");
	free(s);
	r.old_serial = -1;
	r.new_serial = 1;
	r.bytes = 4096;
	s = present_sync_done(&r, PRESENT_SYNC_FULL);
	CHECK_STR(s, "synced serial 1 (was empty): countries +1 ~0 -0, "
	    "authorities +1 ~0 -0, contacts +2 ~0 -0, newsletters +1 ~0 -0 "
	    "(4096 bytes)", "globe sync into an empty cache");
	free(s);
	memset(&r.changes, 0, sizeof r.changes);
	r.changes.added[REC_CONTACT] = 1;
	r.changes.changed[REC_CONTACT] = 1;
	r.changes.removed[REC_CONTACT] = 1;
	r.changes.changed[REC_NEWSLETTER] = 1;
	r.old_serial = 1;
	r.new_serial = 2;
	r.bytes = 1;
	s = present_sync_done(&r, PRESENT_SYNC_FULL);
	CHECK_STR(s, "synced serial 2 (was 1): contacts +1 ~1 -1, "
	    "newsletters +0 ~1 -0 (1 byte)", "globe sync from serial 1");
	free(s);
	s = present_sync_done(&r, PRESENT_SYNC_LINE);
	CHECK_STR(s, "synced serial 2: contacts +1 ~1 -1, newsletters +0 ~1 -0",
	    "the status line says the same per kind");
	free(s);
	s = present_sync_done(&r, PRESENT_SYNC_BRIEF);
	CHECK_STR(s, "synced +1 ~2 -1", "and its brief form the totals");
	free(s);
	r.unchanged = 1;
	s = present_sync_done(&r, PRESENT_SYNC_FULL);
	CHECK_STR(s, "already up to date (serial 2)", "unchanged");
	free(s);
	s = present_sync_done(&r, PRESENT_SYNC_LINE);
	CHECK_STR(s, "already up to date (serial 2)", "unchanged, status line");
	free(s);
	s = present_sync_done(&r, PRESENT_SYNC_BRIEF);
	CHECK_STR(s, "up to date", "unchanged, brief");
	free(s);

	memset(&p, 0, sizeof p);
	p.phase = NET_PHASE_INDEX;
	s = present_sync_progress(&p);
	CHECK_STR(s, "syncing: fetching the index", "progress: the index");
	free(s);
	p.phase = NET_PHASE_OBJECT;
	p.object = 2;
	p.nobjects = 3;
	p.bytes = 350;
	p.total = 1000;
	s = present_sync_progress(&p);
	CHECK_STR(s, "syncing 45% (objects 2/3)", "progress: the objects "
	    "before and this one's bytes");
	free(s);
	p.bytes = 5000;		/* a resumed object reports past its total */
	p.object = 3;
	s = present_sync_progress(&p);
	CHECK_STR(s, "syncing 100% (objects 3/3)", "progress: never past 100%%");
	free(s);
	p.phase = NET_PHASE_APPLY;
	p.object = 1;
	p.records = 1000;
	s = present_sync_progress(&p);
	CHECK_STR(s, "syncing: applying (objects 1/3, 1000 records)",
	    "progress: applying");
	free(s);
	p.records = 1;
	s = present_sync_progress(&p);
	CHECK_STR(s, "syncing: applying (objects 1/3, 1 record)",
	    "progress: one record");
	free(s);
}

/* The field of fs named key, or NULL. */
static const struct present_field *
field_of(const struct present_fields *fs, const char *key)
{
	size_t	i;

	for (i = 0; i < fs->n; i++) {
		if (strcmp(fs->v[i].key, key) == 0)
			return &fs->v[i];
	}
	return NULL;
}

/* The change log, flags and notes in words; stale in the data formats. */
static void
test_fresh_words(void)
{
	struct cache_change_sync	 sy;
	struct cache_change		 c;
	struct cache_flag		 f;
	struct net_result		 r;
	struct present_fields		 fs;
	const struct present_field	*pf;
	struct present_ctx		 ctx;
	struct out_list			 l;
	struct out_item			*it;
	struct record			 rec;
	char				*s;

	memset(&sy, 0, sizeof sy);
	sy.sync = 12;
	sy.at = 1764237600;	/* 2025-11-27 10:00 UTC */
	sy.old_serial = 1041;
	sy.serial = 1042;
	sy.counts.added[REC_CONTACT] = 3;
	sy.counts.changed[REC_CONTACT] = 1;
	s = present_change_sync_heading(&sy);
	CHECK_STR(s, "Sync 12 \xc2\xb7 2025-11-27 10:00 UTC \xc2\xb7 serial "
	    "1042 (was 1041) \xc2\xb7 contacts +3 ~1 -0", "a logged sync");
	free(s);
	sy.first = 1;
	sy.old_serial = -1;
	s = present_change_sync_heading(&sy);
	CHECK(strstr(s, "serial 1042 \xc2\xb7 the first sync, every record "
	    "new: contacts +3") != NULL, "the first fill (%s)", s);
	free(s);

	memset(&c, 0, sizeof c);
	c.type = REC_CONTACT;
	c.id = "c-1";
	c.name = "Ana \x1b[2JSouza";
	c.what = CACHE_CHANGE_CHANGED;
	c.fields = "title,email,timezone";
	s = present_change_line(&c);
	CHECK_STR(s, "~ Ana \xe2\x90\x9b[2JSouza (c-1): Title, E-mail, Time zone",
	    "a changed record: its fields by their labels, its name sanitized");
	free(s);
	c.what = CACHE_CHANGE_REMOVED;
	s = present_change_line(&c);
	CHECK_STR(s, "- Ana \xe2\x90\x9b[2JSouza (c-1): removed",
	    "a removed one");
	free(s);
	c.what = CACHE_CHANGE_ADDED;
	c.type = REC_ROUTE;
	c.id = "r-1";
	c.name = "asset-tracing";
	s = present_change_line(&c);
	CHECK_STR(s, "+ Asset tracing (r-1)", "an added route, by its measure");
	free(s);
	s = present_change_fields(REC_ROUTE, "from_countries,x-new");
	CHECK_STR(s, "Requests from, x-new", "a field without a label as it is");
	free(s);

	memset(&f, 0, sizeof f);
	f.text = "Left \xe2\x80\xaethe unit";
	f.created = 1764237600;
	s = present_flag_state(&f);
	CHECK_STR(s, "waiting", "a flag not sent");
	free(s);
	f.last_error = "HTTP status 500\x07";
	s = present_flag_state(&f);
	CHECK_STR(s, "waiting: HTTP status 500\xe2\x90\x87", "and why, sanitized");
	free(s);
	f.sent = 1764241200;
	s = present_flag_state(&f);
	CHECK_STR(s, "sent 2025-11-27 11:00 UTC", "a flag sent, and when");
	free(s);
	s = present_flag_line(&f);
	CHECK_STR(s, "Left the unit \xc2\xb7 2025-11-27 \xc2\xb7 sent 2025-11-27 "
	    "11:00 UTC", "on its record's screen, the bidi override dropped");
	free(s);

	memset(&r, 0, sizeof r);
	r.new_serial = 2;
	r.old_serial = 1;
	r.changes.changed[REC_CONTACT] = 1;
	r.reports_sent = 1;
	r.reports_pending = 2;
	r.reports_error = "https://x.example/r: HTTP status 500";
	s = present_sync_done(&r, PRESENT_SYNC_FULL);
	CHECK_STR(s, "synced serial 2 (was 1): contacts +0 ~1 -0 (0 bytes); "
	    "1 flag sent, 2 flags wait: https://x.example/r: HTTP status 500",
	    "a sync says what became of the flags");
	free(s);
	s = present_sync_done(&r, PRESENT_SYNC_BRIEF);
	CHECK_STR(s, "synced +0 ~1 -0 \xc2\xb7 1 flag sent, 2 flags wait",
	    "briefly, without the reason");
	free(s);
	r.reports_sent = 0;
	r.reports_pending = 1;
	r.reports_error = NULL;
	r.reports_nowhere = 1;
	r.unchanged = 1;
	s = present_sync_done(&r, PRESENT_SYNC_LINE);
	CHECK_STR(s, "already up to date (serial 2) \xc2\xb7 1 flag waits: the "
	    "feed names no reports URL (globe flags --export writes it out)",
	    "a feed without a reports URL");
	free(s);
	r.reports_pending = 0;
	s = present_sync_done(&r, PRESENT_SYNC_LINE);
	CHECK_STR(s, "already up to date (serial 2)", "no flags: nothing said");
	free(s);

	/* A record's screen: note, flags, never verified, changed fields. */
	memset(&ctx, 0, sizeof ctx);
	ctx.now = 1764237600;
	memset(&rec, 0, sizeof rec);
	rec.type = REC_CONTACT;
	record_set(&rec, CONTACT_ID, "c-1");
	record_set(&rec, CONTACT_AUTHORITY, "br-pf");
	record_set(&rec, CONTACT_NAME, "Ana Souza");
	record_set(&rec, CONTACT_TITLE, "Delegada");
	out_list_init(&l);
	it = out_list_add(&l, &rec, NULL);
	it->note = xstrdup("Prefers phone\x1b]2;x\x07");
	it->flags = &f;
	it->nflags = 1;
	it->changed = "title,email";
	memset(&fs, 0, sizeof fs);
	present_record_fields(it, NULL, &ctx, &fs);
	CHECK(fs.n > 2 && strcmp(fs.v[1].key, "note") == 0 &&
	    strcmp(fs.v[1].text, "Prefers phone\xe2\x90\x9b]2;x\xe2\x90\x87") == 0,
	    "the note after the name, sanitized");
	pf = field_of(&fs, "verified");
	CHECK(pf != NULL && strcmp(pf->text, "never verified") == 0 &&
	    (pf->flags & PF_WARN), "no verified date: never verified, marked");
	CHECK(fs.n > 1 && strcmp(fs.v[fs.n - 2].key, "flags") == 0 &&
	    strcmp(fs.v[fs.n - 1].key, "id") == 0, "the flags before the id");
	pf = field_of(&fs, "title");
	CHECK(pf != NULL && (pf->flags & PF_CHANGED), "a changed field marked");
	pf = field_of(&fs, "name");
	CHECK(pf != NULL && !(pf->flags & PF_CHANGED), "an unchanged one not");
	present_fields_free(&fs);
	it->flags = NULL;
	it->nflags = 0;
	it->changed = NULL;

	/* "stale" in the data formats: known once marked. */
	record_set(&rec, CONTACT_ID, "c-2");
	record_set(&rec, CONTACT_VERIFIED, "2020-01-01");
	out_list_add(&l, &rec, NULL);
	record_clear(&rec);
	{
		struct out_value	v;

		out_item_get(&l.v[1], "stale", &v);
		CHECK(v.kind == OUTV_NONE, "stale unknown before marking");
		present_list_mark_stale(&l, &ctx);
		out_item_get(&l.v[1], "stale", &v);
		CHECK(v.kind == OUTV_BOOL && v.num == 1, "stale once marked");
		out_item_get(&l.v[0], "stale", &v);
		CHECK(v.kind == OUTV_BOOL && v.num == 0,
		    "never verified is not stale");
		out_item_get(&l.v[0], "note", &v);
		CHECK(v.kind == OUTV_STRING, "the note is a value");
	}
	out_list_free(&l);
}

int
main(void)
{
	char	n[LAYOUT_COUNT_MAX];

	test_columns();
	test_fields();
	test_route_rules();
	test_route_card();
	test_match();
	test_wrap();
	test_bidi();
	test_theme();
	test_hours();
	test_parts();
	test_ago_stale_names();
	env_own = 1;
	unsetenv("TZDIR");	/* glibc reads the same directory as we do */
	env_own = 0;
	test_tz_zones();
	test_tz_all();
	test_tz_footer();
	test_tz_corrupt();
	test_tz_environment();
	test_edit_keys();
	test_edit_utf8();
	test_edit_view();
	test_edit_secret();
	test_edit_history();
	test_sync_words();
	test_fresh_words();
	layout_count(1020, n);
	CHECK_STR(n, "1,020", "counts with thousands separators");
	layout_count(7, n);
	CHECK_STR(n, "7", "small counts as they are");
	HARNESS_END();
}
