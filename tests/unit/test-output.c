/*
 * test-output.c: the CLI's output helpers without a terminal: CSV quoting
 * and formula neutralising, vCard escaping and folding, human columns
 * with CJK and combining marks, wrapping, and the sanitizer in every
 * format (no raw ESC, CR or bidi override reaches stdout).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "tui/cmd.h"
#include "tests/unit/harness.h"

#define HOSTILE	"\033]0;pwned\007 Evil\rName\xe2\x80\xae" "drow"

static char *
csv(const char *s, int multiline)
{
	struct buf	 b;

	buf_init(&b);
	out_csv_cell(&b, s, multiline);
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_detach(&b);
}

static void
test_csv_cells(void)
{
	char	*s;

	s = csv("plain", 0);
	CHECK_STR(s, "plain", "csv: plain cell unquoted");
	free(s);
	s = csv("a,b", 0);
	CHECK_STR(s, "\"a,b\"", "csv: comma quoted");
	free(s);
	s = csv("say \"hi\"", 0);
	CHECK_STR(s, "\"say \"\"hi\"\"\"", "csv: quotes doubled");
	free(s);
	s = csv("=HYPERLINK(\"http://x\",\"y\")", 0);
	CHECK_STR(s, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
	    "csv: formula neutralised and quoted");
	free(s);
	s = csv("+55 61 2025", 0);
	CHECK_STR(s, "'+55 61 2025", "csv: leading + neutralised");
	free(s);
	s = csv("-1+1", 0);
	CHECK_STR(s, "'-1+1", "csv: leading - neutralised");
	free(s);
	s = csv("@SUM(A1)", 0);
	CHECK_STR(s, "'@SUM(A1)", "csv: leading @ neutralised");
	free(s);
	s = csv("\t=1", 0);
	CHECK(s[0] == '\'', "csv: leading TAB neutralised (%s)", s);
	CHECK(strchr(s, '\t') == NULL, "csv: TAB sanitized away");
	free(s);
	s = csv("\r=1", 0);
	CHECK(s[0] == '\'' && strchr(s, '\r') == NULL,
	    "csv: leading CR neutralised and dropped (%s)", s);
	free(s);
	s = csv("a=b", 0);
	CHECK_STR(s, "a=b", "csv: = inside a cell left alone");
	free(s);
	/* Read with ; as the separator (European spreadsheets). */
	s = csv("Officer;=HYPERLINK(\"http://x\")", 0);
	CHECK_STR(s, "\"Officer;=HYPERLINK(\"\"http://x\"\")\"",
	    "csv: a cell with ; is quoted, so ; cannot start a formula cell");
	free(s);
	s = csv("   =1+1", 0);
	CHECK_STR(s, "'   =1+1", "csv: formula after spaces neutralised");
	free(s);
	s = csv("\xc2\xa0\xe3\x80\x80" "+1", 0);
	CHECK(s[0] == '\'', "csv: formula after NBSP and ideographic space (%s)",
	    s);
	free(s);
	s = csv("\xef\xbc\x9d" "SUM(A1)", 0);
	CHECK(s[0] == '\'', "csv: full-width = neutralised (%s)", s);
	free(s);
	s = csv("\xef\xbc\x8b" "1", 0);
	CHECK(s[0] == '\'', "csv: full-width + neutralised (%s)", s);
	free(s);
	s = csv("\xef\xbc\x8d" "1", 0);
	CHECK(s[0] == '\'', "csv: full-width - neutralised (%s)", s);
	free(s);
	s = csv("\xef\xbc\xa0" "x", 0);
	CHECK(s[0] == '\'', "csv: full-width @ neutralised (%s)", s);
	free(s);
	s = csv("\xe2\x80\x8b=1", 0);
	CHECK(strncmp(s, "<U+200B>", 8) == 0,
	    "csv: an invisible first character is shown, not hiding a formula "
	    "(%s)", s);
	free(s);
	s = csv("line one\nline two", 1);
	CHECK_STR(s, "\"line one\nline two\"", "csv: multi-line kept, quoted");
	free(s);
	s = csv("line one\nline two", 0);
	CHECK(strchr(s, '\n') == NULL, "csv: one-line field has no newline");
	free(s);
	s = csv(HOSTILE, 0);
	CHECK(strchr(s, '\033') == NULL && strchr(s, '\r') == NULL &&
	    strstr(s, "\xe2\x80\xae") == NULL && strchr(s, '\007') == NULL,
	    "csv: ESC, BEL, CR, U+202E never raw");
	free(s);
}

static void
make_contact(struct out_list *l, const char *id, const char *name)
{
	struct record		 r;
	struct cache_extra	 e;

	memset(&r, 0, sizeof r);
	memset(&e, 0, sizeof e);
	r.type = REC_CONTACT;
	record_set(&r, CONTACT_ID, id);
	record_set(&r, CONTACT_AUTHORITY, "br-pf");
	record_set(&r, CONTACT_NAME, name);
	record_set(&r, CONTACT_TITLE, "Delegada, Chief; Unit");
	record_set(&r, CONTACT_ROLE, "focal-point");
	record_set(&r, CONTACT_EMAIL, "x@pf.gov.br");
	record_set(&r, CONTACT_PHONE, "+55 61 2025 0000");
	record_set(&r, CONTACT_MOBILE, "+55 61 9999 0000");
	record_list_add(&r, CONTACT_LANGUAGES, "pt");
	record_list_add(&r, CONTACT_LANGUAGES, "en");
	record_set(&r, CONTACT_TIMEZONE, "America/Sao_Paulo");
	record_set(&r, CONTACT_HOURS, "Mon-Fri 09:00-18:00");
	e.authority_name = "Polícia Federal";
	e.country_name = "Brazil";
	e.starred = 1;
	out_list_add(l, &r, &e);
	record_clear(&r);
}

static void
make_authority(struct out_list *l, const char *id, const char *name)
{
	struct record	 r;

	memset(&r, 0, sizeof r);
	r.type = REC_AUTHORITY;
	record_set(&r, AUTH_ID, id);
	record_set(&r, AUTH_COUNTRY, "BR");
	record_set(&r, AUTH_NAME, name);
	record_set(&r, AUTH_ACRONYM, "PF");
	record_set(&r, AUTH_KIND, "police");
	record_set(&r, AUTH_ADDRESS, "SAS Quadra 6\nBrasília, \"DF\"");
	record_set(&r, AUTH_WEBSITE, "https://www.gov.br/pf");
	record_list_add(&r, AUTH_LANGUAGES, "pt");
	out_list_add(l, &r, NULL);
	record_clear(&r);
}

static void
test_csv_list(void)
{
	struct out_list	 l;
	struct buf	 b;
	const char	*p;

	out_list_init(&l);
	make_contact(&l, "c-1", "José Silva");
	make_contact(&l, "c-2", "=HYPERLINK(\"http://evil\",\"x\")");
	buf_init(&b);
	out_csv_list(&b, &l);
	CHECK(strncmp(b.data, "type,id,authority,name,title,role,email,", 40)
	    == 0, "csv: header row of the record's field names");
	CHECK(strstr(b.data, "authority_name") != NULL &&
	    strstr(b.data, "country_name") != NULL,
	    "csv: header has the extras");
	CHECK(strstr(b.data, "\r\ncontact,c-1,br-pf,José Silva,") != NULL,
	    "csv: CRLF before a row");
	CHECK(strstr(b.data, ",\"pt; en\",") != NULL, "csv: lists joined with '; '");
	CHECK(strstr(b.data, "\"'=HYPERLINK(") != NULL,
	    "csv: formula cell neutralised in a list");
	CHECK(strstr(b.data, "\"Delegada, Chief; Unit\"") != NULL,
	    "csv: comma cell quoted");
	for (p = b.data; (p = strchr(p, '\n')) != NULL; p++) {
		if (p == b.data || p[-1] != '\r')
			break;
	}
	CHECK(p == NULL, "csv: every line ends with CRLF");
	buf_free(&b);
	out_list_free(&l);
}

/* Joins folded lines (CRLF then a space) in place. */
static void
unfold(char *s)
{
	char	*r, *w;

	for (r = w = s; *r != '\0'; r++) {
		if (r[0] == '\r' && r[1] == '\n' && r[2] == ' ') {
			r += 2;
			continue;
		}
		*w++ = *r;
	}
	*w = '\0';
}

static void
test_vcard(void)
{
	struct out_list	 l;
	struct buf	 b;
	char		 line[300], *s, *p, *e;
	size_t		 i, maxlen;
	int		 valid;

	buf_init(&b);
	out_vcard_escape(&b, "a,b;c\\d\ne");
	CHECK_STR(b.data, "a\\,b\\;c\\\\d\\ne", "vcard: escaping");
	buf_free(&b);

	/* 200 octets of ASCII fold into lines of at most 75 octets. */
	memset(line, 'x', 200);
	memcpy(line, "NOTE:", 5);
	line[200] = '\0';
	buf_init(&b);
	out_vcard_line(&b, line);
	maxlen = 0;
	valid = 1;
	for (s = b.data; *s != '\0'; s = e + 2) {
		e = strstr(s, "\r\n");
		if (e == NULL) {
			valid = 0;
			break;
		}
		if ((size_t)(e - s) > maxlen)
			maxlen = (size_t)(e - s);
		if (s != b.data && *s != ' ')
			valid = 0;
	}
	CHECK(valid && maxlen == 75, "vcard: folded at 75 octets (max %zu)",
	    maxlen);
	buf_free(&b);

	/* é is two octets: a fold never splits it. */
	strcpy(line, "FN:");
	for (i = 0; i < 100; i++)
		strcat(line, "\xc3\xa9");
	buf_init(&b);
	out_vcard_line(&b, line);
	valid = 1;
	maxlen = 0;
	for (s = b.data; *s != '\0'; s = e + 2) {
		e = strstr(s, "\r\n");
		if ((size_t)(e - s) > maxlen)
			maxlen = (size_t)(e - s);
		if (!utf8_valid(s, (size_t)(e - s)))
			valid = 0;
	}
	CHECK(valid && maxlen <= 75, "vcard: no fold inside a UTF-8 sequence");
	/* Unfolding gives the line back. */
	p = xstrdup(b.data);
	unfold(p);
	CHECK(strncmp(p, line, strlen(line)) == 0 &&
	    strcmp(p + strlen(line), "\r\n") == 0,
	    "vcard: unfolding restores the line");
	free(p);
	buf_free(&b);

	out_list_init(&l);
	make_contact(&l, "c-1", "José Silva");
	make_authority(&l, "br-pf", "Polícia Federal");
	buf_init(&b);
	out_vcard_list(&b, &l);
	unfold(b.data);
	CHECK(strncmp(b.data, "BEGIN:VCARD\r\nVERSION:4.0\r\n", 26) == 0,
	    "vcard: BEGIN and VERSION:4.0 first");
	CHECK(strstr(b.data, "KIND:individual\r\n") != NULL &&
	    strstr(b.data, "KIND:org\r\n") != NULL,
	    "vcard: a person and an org");
	CHECK(strstr(b.data, "FN:José Silva\r\n") != NULL &&
	    strstr(b.data, "N:Silva;José;;;\r\n") != NULL,
	    "vcard: FN and N");
	CHECK(strstr(b.data, "TITLE:Delegada\\, Chief\\; Unit\r\n") != NULL,
	    "vcard: TITLE escaped");
	CHECK(strstr(b.data, "ORG:Polícia Federal\r\n") != NULL,
	    "vcard: ORG is the authority");
	CHECK(strstr(b.data, "TEL;TYPE=work:+55 61 2025 0000\r\n") != NULL &&
	    strstr(b.data, "TEL;TYPE=cell:+55 61 9999 0000\r\n") != NULL,
	    "vcard: work and cell phones");
	CHECK(strstr(b.data, "LANG:pt\r\nLANG:en\r\n") != NULL,
	    "vcard: LANG per language");
	CHECK(strstr(b.data, "TZ:America/Sao_Paulo\r\n") != NULL,
	    "vcard: TZ");
	CHECK(strstr(b.data, "NOTE:Role: focal-point\\nHours: Mon-Fri") != NULL,
	    "vcard: NOTE with role and hours");
	CHECK(strstr(b.data, "UID:urn:globe:c-1\r\n") != NULL &&
	    strstr(b.data, "UID:urn:globe:br-pf\r\n") != NULL,
	    "vcard: UID urn:globe:<id>");
	CHECK(strstr(b.data, "ADR;LABEL=\"SAS Quadra 6^nBrasília, 'DF'\":;;"
	    "SAS Quadra 6\\nBrasília\\, \"DF\";;;;\r\n") != NULL,
	    "vcard: ADR with LABEL from the address");
	CHECK(strstr(b.data, "URL:https://www.gov.br/pf\r\n") != NULL,
	    "vcard: URL");
	buf_free(&b);
	out_list_free(&l);
}

/* The display column where the e-mail starts on each line of a table. */
static int
email_columns_aligned(const char *text, int *nrows)
{
	const char	*s, *nl;
	size_t		 want = 0, got;
	int		 aligned = 1;

	*nrows = 0;
	for (s = text; (nl = strchr(s, '\n')) != NULL; s = nl + 1) {
		char *row = xstrndup(s, (size_t)(nl - s));
		char *at = strstr(row, "x@pf") ? strstr(row, "x@pf") :
		    strstr(row, "E-mail");

		if (at != NULL) {
			*at = '\0';
			got = utf8_width(row);
			if ((*nrows)++ == 0)
				want = got;
			else if (got != want)
				aligned = 0;
		}
		free(row);
	}
	return aligned;
}

static void
test_human(void)
{
	struct present_ctx	 ctx = { 0 };
	struct out_list		 l, a;
	struct buf		 b;
	char			*s;
	int			 nrows;

	out_list_init(&l);
	make_contact(&l, "c-1", "王秀英");
	make_contact(&l, "c-2", "José Silva");
	make_contact(&l, "c-3", "Jose\xcc\x81");	/* combining acute: width 4 */
	make_contact(&l, "c-4", HOSTILE);
	buf_init(&b);
	out_human_table(&b, &l, PLIST_CONTACTS, PLIST_IDS, &ctx, 0, 0);
	CHECK(email_columns_aligned(b.data, &nrows) && nrows == 5,
	    "human: CJK, Latin, combining and hostile rows align by display "
	    "width (%d rows)", nrows);
	CHECK(strncmp(b.data, "Id ", 3) == 0 && strstr(b.data, "Name") != NULL,
	    "human: the titles are the columns' labels");
	CHECK(strstr(b.data, "focal point") != NULL,
	    "human: a role by its label");
	CHECK(strchr(b.data, '\033') == NULL && strchr(b.data, '\r') == NULL &&
	    strstr(b.data, "\xe2\x80\xae") == NULL,
	    "human: ESC, CR, U+202E never raw");
	CHECK(strstr(b.data, " \n") == NULL, "human: no trailing spaces");
	buf_free(&b);

	/* Laid out for 40 columns: cut with an ellipsis, exactly 40 wide at most. */
	buf_init(&b);
	out_human_table(&b, &l, PLIST_CONTACTS, 0, &ctx, 40, 0);
	CHECK(strstr(b.data, "…") != NULL, "human: cut with an ellipsis");
	CHECK(strstr(b.data, "x@pf.gov.br") != NULL,
	    "human: the e-mail stays whole at 40 columns");
	for (s = b.data; s != NULL && *s != '\0'; s = strchr(s, '\n') + 1) {
		char *row = xstrndup(s, strcspn(s, "\n"));

		if (utf8_width(row) > 40)
			break;
		free(row);
		if (strchr(s, '\n') == NULL)
			break;
	}
	CHECK(s == NULL || *s == '\0' || strchr(s, '\n') == NULL,
	    "human: no line wider than 40");
	buf_free(&b);

	/* Numbers are right-aligned. */
	out_list_init(&a);
	{
		struct record		 r;
		struct cache_extra	 e;

		memset(&r, 0, sizeof r);
		memset(&e, 0, sizeof e);
		r.type = REC_COUNTRY;
		record_set(&r, COUNTRY_CODE, "BR");
		record_set(&r, COUNTRY_NAME, "Brazil");
		e.authorities = 7;
		e.contacts = 1234;
		out_list_add(&a, &r, &e);
		record_clear(&r);
	}
	buf_init(&b);
	out_human_table(&b, &a, PLIST_COUNTRIES, 0, &ctx, 0, 0);
	CHECK(strstr(b.data, "          7     1,234\n") != NULL,
	    "human: right-aligned numbers with separators");
	buf_free(&b);
	out_list_free(&a);

	buf_init(&b);
	out_human_record(&b, &l.v[3], NULL, &ctx, 0);
	CHECK(strncmp(b.data, "Name ", 5) == 0 &&
	    strstr(b.data, "\nAuthority     Polícia Federal\n") != NULL,
	    "human: a record as labelled lines, labels padded alike");
	CHECK(strchr(b.data, '\033') == NULL && strchr(b.data, '\r') == NULL &&
	    strstr(b.data, "\xe2\x80\xae") == NULL,
	    "human: record view sanitized");
	buf_free(&b);
	out_list_free(&l);
}

static void
test_json(void)
{
	struct out_list	 l;
	char		*s, *t, *one;

	out_list_init(&l);
	make_contact(&l, "c-1", HOSTILE);
	make_authority(&l, "br-pf", "C1 \xc2\x9b" "31m");
	s = out_json_list(&l);
	CHECK(strchr(s, '\033') == NULL && strchr(s, '\r') == NULL &&
	    strchr(s, '\007') == NULL && strstr(s, "\xe2\x80\xae") == NULL &&
	    strstr(s, "\xc2\x9b") == NULL,
	    "json: no raw ESC, BEL, CR, CSI or U+202E");
	CHECK(strstr(s, "\\u001B]0;pwned\\u0007") != NULL &&
	    strstr(s, "\\u202e") != NULL && strstr(s, "\\u009b") != NULL,
	    "json: controls escaped, data kept");
	CHECK(strstr(s, "\"type\": \"contact\"") != NULL &&
	    strstr(s, "\"authority_name\": \"Polícia Federal\"") != NULL &&
	    strstr(s, "\"languages\": [") != NULL &&
	    strstr(s, "\"starred\": true") != NULL,
	    "json: contract names, extras, lists as arrays");
	CHECK(s[0] == '[' && s[strlen(s) - 1] == '\n', "json: one array");
	free(s);
	out_list_free(&l);
	/* A contact is the same object alone and beside an authority. */
	out_list_init(&l);
	make_contact(&l, "c-1", "Ana");
	s = out_json_list(&l);
	out_list_free(&l);
	out_list_init(&l);
	make_authority(&l, "br-pf", "Polícia Federal");
	make_contact(&l, "c-1", "Ana");
	t = out_json_list(&l);
	one = xstrndup(strstr(s, "{"), strcspn(strstr(s, "{"), "}"));
	CHECK(strstr(t, one) != NULL,
	    "json: a contact has the same keys in the same order in every list");
	free(one);
	CHECK(strstr(t, "\"detail\"") == NULL,
	    "json: no presentation-only keys");
	free(s);
	free(t);
	out_list_free(&l);
	out_list_init(&l);
	s = out_json_list(&l);
	CHECK_STR(s, "[]\n", "json: an empty list is []");
	free(s);
	out_list_free(&l);
}

/* The one wrapper (layout_wrap), its lines joined with newlines. */
static char *
wrapped(const char *text, int width)
{
	struct buf	 b;
	char		**lines = NULL;
	size_t		 n = 0, i;

	layout_wrap(text, width, &lines, &n);
	buf_init(&b);
	for (i = 0; i < n; i++) {
		buf_addf(&b, "%s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
	return buf_detach(&b);
}

static void
test_wrap(void)
{
	char		*t, *s, *nl;
	size_t		 w, maxw;
	int		 lines;

	t = wrapped("hello world foo bar", 11);
	CHECK_STR(t, "hello world\nfoo bar\n", "wrap: on spaces");
	free(t);
	t = wrapped("one\n\ntwo", 20);
	CHECK_STR(t, "one\n\ntwo\n", "wrap: blank lines kept");
	free(t);
	t = wrapped("abcdefghijklmnopqrstuvwxy", 10);
	CHECK_STR(t, "abcdefghij\nklmnopqrst\nuvwxy\n",
	    "wrap: a long word is cut");
	free(t);
	t = wrapped("全球反腐败执法机构网络是一个网络", 10);
	maxw = 0;
	lines = 0;
	for (s = t; (nl = strchr(s, '\n')) != NULL; s = nl + 1) {
		*nl = '\0';
		w = utf8_width(s);
		if (w > maxw)
			maxw = w;
		lines++;
	}
	CHECK(maxw == 10 && lines == 4,
	    "wrap: CJK broken between characters (%zu wide, %d lines)", maxw,
	    lines);
	free(t);
}

static void
test_columns(void)
{
	struct out_list	  l;
	const char	**names;
	size_t		  n, i, f;
	int		  all = 1;

	out_list_init(&l);
	make_authority(&l, "a-1", "A");
	make_contact(&l, "c-1", "C");
	names = out_columns(&l, &n);
	CHECK_STR(names[0], "type", "columns: type first");
	/* Every field of both types, under its record_types[] name. */
	for (f = 0; f < record_types[REC_CONTACT].nfields; f++) {
		int found = 0;

		for (i = 0; i < n; i++) {
			if (strcmp(names[i],
			    record_types[REC_CONTACT].fields[f].name) == 0)
				found = 1;
		}
		all &= found;
	}
	CHECK(all, "columns: every contact field present");
	CHECK_STR(names[1], record_types[REC_AUTHORITY].fields[0].name,
	    "columns: authority fields in table order");
	free(names);
	out_list_free(&l);
}

int
main(void)
{
	test_csv_cells();
	test_csv_list();
	test_vcard();
	test_human();
	test_json();
	test_wrap();
	test_columns();
	HARNESS_END();
}
