/*
 * test-feed.c: the feed format's parsing and validation (net/feed.c,
 * net/index.c): record lines as the contract accepts and refuses them, the
 * canonical line, object headers, index.json and its times.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/common.h"
#include "net/feed.h"
#include "tests/unit/harness.h"

/* CHECK evaluates its condition twice; this evaluates it once. */
#define CHECK1(cond, ...) do {						\
	int check1_ = (cond) ? 1 : 0;					\
	CHECK(check1_, __VA_ARGS__);					\
} while (0)

#define SHA_A "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define SHA_B "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
#define SHA_C "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13"

/* Parses a line; returns the status and leaves the cause in *cause. */
static enum net_status
parse(const char *line, struct record *rec, char **cause)
{
	*cause = NULL;
	return feed_record_parse(line, strlen(line), rec, cause);
}

/* Expects a parse error whose cause contains want. */
static void
expect_error(const char *line, const char *want, const char *what)
{
	struct record	 rec;
	enum net_status	 st;
	char		*cause;

	st = parse(line, &rec, &cause);
	CHECK_INT(st, NET_ERR_DATA, "%s: refused", what);
	CHECK1(cause != NULL && strstr(cause, want) != NULL,
	    "%s: cause has \"%s\"", what, want);
	if (cause == NULL || strstr(cause, want) == NULL)
		printf("#   cause: %s\n", cause != NULL ? cause : "(null)");
	if (st == NET_OK)
		record_clear(&rec);
	free(cause);
}

static void
test_records_good(void)
{
	struct record	 rec;
	char		*cause;

	CHECK_INT(parse("{\"type\":\"country\",\"code\":\"BR\",\"name\":\"Brazil\","
	    "\"region\":\"Americas\"}", &rec, &cause), NET_OK, "country parses");
	CHECK_INT(rec.type, REC_COUNTRY, "country type");
	CHECK_STR(rec.v[COUNTRY_CODE].s, "BR", "country code");
	CHECK_STR(rec.v[COUNTRY_REGION].s, "Americas", "country region");
	record_clear(&rec);

	CHECK_INT(parse("{\"type\":\"authority\",\"id\":\"br-pf\",\"country\":"
	    "\"BR\",\"name\":\"Polícia Federal\",\"acronym\":\"PF\","
	    "\"languages\":[\"pt\",\"en\",\"es\"],\"expertise\":[]}", &rec,
	    &cause), NET_OK, "authority parses");
	CHECK_INT(rec.type, REC_AUTHORITY, "authority type");
	CHECK_STR(rec.v[AUTH_NAME].s, "Polícia Federal", "authority name (UTF-8)");
	CHECK_INT(rec.v[AUTH_LANGUAGES].n, 3, "authority has 3 languages");
	CHECK_STR(rec.v[AUTH_LANGUAGES].list[2], "es", "third language");
	CHECK1(rec.v[AUTH_EXPERTISE].list != NULL && rec.v[AUTH_EXPERTISE].n == 0,
	    "an empty list is present and empty");
	CHECK1(rec.v[AUTH_DESIGNATIONS].list == NULL, "an absent list is NULL");
	CHECK1(rec.v[AUTH_EMAIL].s == NULL, "an absent string is NULL");
	record_clear(&rec);

	CHECK_INT(parse("{\"type\":\"contact\",\"id\":\"c-1\",\"authority\":"
	    "\"br-pf\",\"name\":\"José da Silva\",\"email\":\"j@pf.gov.br\","
	    "\"languages\":[\"pt\"],\"phone\":null}", &rec, &cause), NET_OK,
	    "contact parses (null counts as absent)");
	CHECK_INT(rec.type, REC_CONTACT, "contact type");
	CHECK_STR(rec.v[CONTACT_EMAIL].s, "j@pf.gov.br", "contact email");
	CHECK1(rec.v[CONTACT_PHONE].s == NULL, "null phone is absent");
	record_clear(&rec);

	CHECK_INT(parse("{\"type\":\"newsletter\",\"id\":\"nl-2026-3\",\"title\":"
	    "\"News\",\"published\":\"2026-09-30\",\"body\":\"one\\n\\ntwo\"}",
	    &rec, &cause), NET_OK, "newsletter parses");
	CHECK_STR(rec.v[NEWS_BODY].s, "one\n\ntwo", "newsletter body keeps "
	    "its paragraphs");
	record_clear(&rec);

	CHECK_INT(parse("{\"type\":\"delete\",\"of\":\"contact\",\"id\":\"c-9\"}",
	    &rec, &cause), NET_OK, "delete parses");
	CHECK_INT(rec.type, REC_DELETE, "delete type");
	CHECK_STR(rec.v[DELETE_OF].s, "contact", "delete of");
	CHECK_STR(record_key(&rec), "c-9", "delete id");
	record_clear(&rec);

	CHECK_INT(parse("{\"type\":\"route\",\"id\":\"r-1\",\"country\":\"BR\","
	    "\"measure\":\"asset-tracing\",\"authority\":\"br-pf\","
	    "\"contact\":\"c-1\",\"urgency\":\"urgent\",\"from_countries\":"
	    "[\"PT\",\"ES\"],\"languages\":[\"pt\",\"en:urgent-only\"],"
	    "\"rank\":\"2.5\",\"not_possible\":null}", &rec, &cause), NET_OK,
	    "route parses");
	CHECK_INT(rec.type, REC_ROUTE, "route type");
	CHECK_STR(record_key(&rec), "r-1", "route id");
	CHECK_STR(rec.v[ROUTE_MEASURE].s, "asset-tracing", "route measure");
	CHECK_INT(rec.v[ROUTE_FROM_COUNTRIES].n, 2, "route from_countries");
	CHECK_STR(rec.v[ROUTE_LANGUAGES].list[1], "en:urgent-only",
	    "a language's condition is kept as written");
	CHECK_STR(rec.v[ROUTE_RANK].s, "2.5", "route rank");
	record_clear(&rec);
	CHECK_INT(parse("{\"type\":\"route\",\"id\":\"r-2\",\"country\":\"DE\","
	    "\"measure\":\"zz-new-measure\",\"authority\":\"de-bka\","
	    "\"channel\":\"pigeon\"}", &rec, &cause), NET_OK,
	    "a route with codes no vocabulary knows parses (shown as written)");
	record_clear(&rec);
	CHECK_INT(parse("{\"type\":\"delete\",\"of\":\"route\",\"id\":\"r-1\"}",
	    &rec, &cause), NET_OK, "delete of a route parses");
	record_clear(&rec);

	CHECK_INT(parse("{\"type\":\"country\",\"code\":\"FR\",\"name\":\"France\","
	    "\"population\":67000000,\"extra\":{\"a\":[1,2]}}", &rec, &cause),
	    NET_OK, "unknown fields are ignored");
	CHECK_STR(rec.v[COUNTRY_NAME].s, "France", "known fields still read");
	record_clear(&rec);

	rec.type = REC_COUNTRY;
	CHECK_INT(parse("{\"type\":\"meeting\",\"id\":\"m-1\",\"when\":5}", &rec,
	    &cause), NET_OK, "unknown record type is not an error");
	CHECK_INT((int)rec.type, -1, "unknown record type is marked -1 (skip)");
	rec.type = REC_COUNTRY;
	CHECK_INT(parse("{\"type\":\"delete\",\"of\":\"planet\",\"id\":\"x\"}",
	    &rec, &cause), NET_OK, "a delete of an unknown type is not an error");
	CHECK_INT((int)rec.type, -1,
	    "a delete of an unknown type is marked -1 (skip), as its records");
	rec.type = REC_COUNTRY;
	CHECK_INT(parse("{\"type\":\"delete\",\"of\":\"planet\"}", &rec,
	    &cause), NET_ERR_DATA, "a delete of an unknown type still needs an id");
	free(cause);
	cause = NULL;

	CHECK_INT(parse("{\"type\":\"country\",\"code\":\"DE\",\"name\":\"D\","
	    "\"x\":[[[1]]]}", &rec, &cause), NET_OK, "depth 4 is allowed");
	record_clear(&rec);
	CHECK_INT(parse("{\"type\":\"country\",\"code\":\"DE\",\"name\":"
	    "\"\\u001b[31mred\"}", &rec, &cause), NET_OK,
	    "an escaped control character parses (sanitized at display)");
	record_clear(&rec);
}

static void
test_records_bad(void)
{
	struct buf	 b;
	int		 i;

	expect_error("{\"type\":\"country\",\"code\":\"BR\",\"code\":\"AR\","
	    "\"name\":\"Brazil\"}", "duplicate", "duplicate key");
	expect_error("{\"type\":\"contact\",\"id\":\"c-1\",\"authority\":\"a\"}",
	    "contact c-1: missing field 'name'", "missing required field");
	expect_error("{\"type\":\"contact\",\"id\":\"c-1\",\"authority\":\"a\","
	    "\"name\":\"\"}", "contact c-1: missing field 'name'",
	    "empty required field");
	expect_error("{\"type\":\"contact\",\"id\":\"c-1\",\"authority\":\"a\","
	    "\"name\":null}", "missing field 'name'", "null required field");
	expect_error("{\"type\":\"contact\",\"authority\":\"a\",\"name\":\"N\"}",
	    "contact: missing field 'id'", "missing key");
	expect_error("{\"type\":\"contact\",\"id\":\"c-12\",\"authority\":\"a\","
	    "\"name\":\"N\",\"email\":42}",
	    "contact c-12: field 'email': expected a string",
	    "number for a string");
	expect_error("{\"type\":\"authority\",\"id\":\"a\",\"country\":\"BR\","
	    "\"name\":\"N\",\"languages\":\"pt\"}",
	    "authority a: field 'languages': expected a list of strings",
	    "string for a list");
	expect_error("{\"type\":\"authority\",\"id\":\"a\",\"country\":\"BR\","
	    "\"name\":\"N\",\"languages\":[1,2]}",
	    "field 'languages': expected a list of strings",
	    "list of numbers");
	expect_error("{\"type\":\"country\",\"code\":\"BR\",\"name\":\"a\\u0000b\"}",
	    "invalid JSON", "\\u0000 in a string");
	expect_error("{\"type\":\"country\",\"code\":\"BR\",\"name\":\"a\xff" "b\"}",
	    "invalid JSON", "invalid UTF-8 byte");
	expect_error("{\"type\":\"country\",\"code\":\"BR\",\"name\":\"\xc3\"}",
	    "invalid JSON", "truncated UTF-8 sequence");
	expect_error("{\"type\":\"country\",\"code\":\"DE\",\"name\":\"D\","
	    "\"x\":[[[[1]]]]}", "nested deeper than 4", "depth 5 in an unknown field");
	expect_error("{\"type\":\"delete\",\"of\":\"delete\",\"id\":\"x\"}",
	    "field 'of'", "delete of a delete");
	expect_error("{\"type\":\"delete\",\"id\":\"x\"}", "missing field 'of'",
	    "delete without 'of'");
	expect_error("{\"type\":\"delete\",\"of\":\"delete\",\"id\":\"x\"}",
	    "is not one of country, authority, contact, newsletter or route",
	    "a wrong 'of' names the types a delete may name");
	expect_error("{\"type\":\"route\",\"id\":\"r-1\",\"country\":\"BR\","
	    "\"authority\":\"br-pf\"}", "route r-1: missing field 'measure'",
	    "a route without a measure");
	expect_error("{\"type\":\"route\",\"id\":\"r-1\",\"country\":\"BR\","
	    "\"measure\":\"asset-tracing\"}",
	    "route r-1: missing field 'authority'", "a route without an authority");
	expect_error("{\"type\":\"route\",\"id\":\"r-1\",\"measure\":\"m\","
	    "\"authority\":\"a\"}", "route r-1: missing field 'country'",
	    "a route without a country");
	expect_error("{\"type\":\"route\",\"country\":\"BR\",\"measure\":\"m\","
	    "\"authority\":\"a\"}", "route: missing field 'id'",
	    "a route without an id");
	expect_error("{\"type\":\"route\",\"id\":\"r-1\",\"country\":\"BR\","
	    "\"measure\":\"m\",\"authority\":\"a\",\"rank\":\"first\"}",
	    "route r-1: field 'rank': \"first\" is not a decimal",
	    "a rank that is not a decimal");
	expect_error("{\"type\":\"route\",\"id\":\"r-1\",\"country\":\"BR\","
	    "\"measure\":\"m\",\"authority\":\"a\",\"rank\":2}",
	    "route r-1: field 'rank': expected a string", "a rank as a number");
	expect_error("{\"type\":\"route\",\"id\":\"r-1\",\"country\":\"BR\","
	    "\"measure\":\"m\",\"authority\":\"a\",\"languages\":\"pt\"}",
	    "route r-1: field 'languages': expected a list of strings",
	    "a route's languages as a string");
	expect_error("{\"type\":\"route\",\"id\":\"r-1\",\"id\":\"r-2\","
	    "\"country\":\"BR\",\"measure\":\"m\",\"authority\":\"a\"}",
	    "duplicate", "a route with a duplicate key");
	expect_error("[1,2]", "expected a JSON object", "a line that is a list");
	expect_error("{\"code\":\"BR\"}", "missing field 'type'", "no type");
	expect_error("{\"type\":7}", "field 'type': expected a string",
	    "type is a number");
	expect_error("{\"type\":\"country\"", "invalid JSON", "cut line");
	expect_error("{\"type\":\"country\",\"code\":\"BR\",\"name\":\"B\"} x",
	    "invalid JSON", "trailing garbage");
	expect_error("", "invalid JSON", "empty line");

	/* A 300 KB string (over FEED_STRING_MAX). */
	buf_init(&b);
	buf_adds(&b, "{\"type\":\"country\",\"code\":\"BR\",\"name\":\"B\",\"x\":\"");
	for (i = 0; i < 300 * 1024; i++)
		buf_addc(&b, 'a');
	buf_adds(&b, "\"}");
	expect_error(b.data, "longer than", "300 KB string in an unknown field");
	buf_free(&b);

	/* 257 list items. */
	buf_init(&b);
	buf_adds(&b, "{\"type\":\"authority\",\"id\":\"a\",\"country\":\"BR\","
	    "\"name\":\"N\",\"languages\":[");
	for (i = 0; i < FEED_LIST_MAX + 1; i++)
		buf_addf(&b, "%s\"l%d\"", i ? "," : "", i);
	buf_adds(&b, "]}");
	expect_error(b.data, "more than 256 items", "257 list items");
	buf_free(&b);
}

static void
test_canonical(void)
{
	struct record	 rec, rec2;
	char		*cause, *j1, *j2;
	const char	*line = "{\"languages\":[\"pt\",\"en\"],\"name\":\"José\","
			    "\"zzz\":1,\"id\":\"c-1\",\"authority\":\"br-pf\","
			    "\"type\":\"contact\",\"email\":\"j@x\"}";
	size_t		 i;
	int		 same = 1;

	CHECK_INT(parse(line, &rec, &cause), NET_OK, "canonical: parse");
	j1 = feed_record_json(&rec);
	CHECK_STR(j1, "{\"type\":\"contact\",\"id\":\"c-1\",\"authority\":"
	    "\"br-pf\",\"name\":\"José\",\"email\":\"j@x\",\"languages\":"
	    "[\"pt\",\"en\"]}", "canonical line: type first, table order, "
	    "unknown fields dropped, UTF-8 kept");
	CHECK_INT(parse(j1, &rec2, &cause), NET_OK, "canonical line parses");
	for (i = 0; i < RECORD_MAX_FIELDS; i++) {
		if ((rec.v[i].s == NULL) != (rec2.v[i].s == NULL) ||
		    (rec.v[i].s != NULL && strcmp(rec.v[i].s, rec2.v[i].s) != 0) ||
		    rec.v[i].n != rec2.v[i].n)
			same = 0;
	}
	CHECK1(same && rec.type == rec2.type, "parse → json → parse gives the "
	    "same record");
	j2 = feed_record_json(&rec2);
	CHECK_STR(j2, j1, "canonical bytes are stable");
	free(j1);
	free(j2);
	record_clear(&rec);
	record_clear(&rec2);

	CHECK_INT(parse("{\"type\":\"delete\",\"id\":\"c-9\",\"of\":\"contact\"}",
	    &rec, &cause), NET_OK, "delete parses");
	j1 = feed_record_json(&rec);
	CHECK_STR(j1, "{\"type\":\"delete\",\"of\":\"contact\",\"id\":\"c-9\"}",
	    "canonical delete line");
	free(j1);
	record_clear(&rec);
}

static enum net_status
header(const char *line, struct feed_header *h)
{
	char		*cause = NULL;
	enum net_status	 st;

	st = feed_header_parse(line, strlen(line), h, &cause);
	if (st != NET_OK && cause == NULL)
		st = NET_ERR;	/* an error must say why */
	free(cause);
	return st;
}

static void
test_headers(void)
{
	struct feed_header	h;

	CHECK_INT(header("{\"format\":\"globe-feed/1\",\"feed_id\":\"g\","
	    "\"kind\":\"snapshot\",\"serial\":1040}", &h), NET_OK,
	    "snapshot header");
	CHECK_STR(h.kind, "snapshot", "kind");
	CHECK_INT(h.from, -1, "snapshot has from -1");
	CHECK_INT(h.serial, 1040, "serial");
	feed_header_clear(&h);
	CHECK_INT(header("{\"format\":\"globe-feed/1\",\"feed_id\":\"g\","
	    "\"kind\":\"delta\",\"from\":1041,\"serial\":1042}", &h), NET_OK,
	    "delta header");
	CHECK_INT(h.from, 1041, "delta from");
	CHECK_STR(h.feed_id, "g", "feed id");
	feed_header_clear(&h);
	CHECK_INT(header("{\"format\":\"globe-feed/1\",\"feed_id\":\"g\","
	    "\"kind\":\"snapshot\",\"from\":1,\"serial\":2}", &h),
	    NET_ERR_HEADER, "a snapshot with 'from' is refused");
	CHECK_INT(header("{\"format\":\"globe-feed/1\",\"feed_id\":\"g\","
	    "\"kind\":\"delta\",\"serial\":2}", &h), NET_ERR_HEADER,
	    "a delta without 'from' is refused");
	CHECK_INT(header("{\"format\":\"globe-feed/1\",\"feed_id\":\"g\","
	    "\"kind\":\"patch\",\"serial\":2}", &h), NET_ERR_HEADER,
	    "unknown kind refused");
	CHECK_INT(header("{\"format\":\"globe-feed/2\",\"feed_id\":\"g\","
	    "\"kind\":\"snapshot\",\"serial\":2}", &h), NET_ERR_HEADER,
	    "other format refused");
	CHECK_INT(header("{\"format\":\"globe-feed/1\",\"feed_id\":\"g\","
	    "\"kind\":\"snapshot\",\"serial\":-1}", &h), NET_ERR_HEADER,
	    "negative serial refused");
	CHECK_INT(header("{\"format\":\"globe-feed/1\",\"feed_id\":\"g\","
	    "\"kind\":\"snapshot\",\"serial\":\"2\"}", &h), NET_ERR_HEADER,
	    "serial as a string refused");
	CHECK_INT(header("{\"type\":\"country\",\"code\":\"BR\",\"name\":\"B\"}",
	    &h), NET_ERR_HEADER, "a record where the header should be refused");
}

#define GOOD_INDEX(snapshot, deltas) \
	"{\"format\":\"globe-feed/1\",\"feed_id\":\"globe-network\"," \
	"\"serial\":1042,\"issued\":\"2026-11-27T10:00:00Z\"," \
	"\"expires\":\"2026-12-27T10:00:00Z\",\"snapshot\":" snapshot \
	",\"deltas\":" deltas "}"
#define SNAP(serial, path, sha, size) \
	"{\"serial\":" #serial ",\"path\":\"" path "\",\"sha256\":\"" sha \
	"\",\"size\":" #size "}"
#define DELTA(from, to, path, sha, size) \
	"{\"from\":" #from ",\"to\":" #to ",\"path\":\"" path "\",\"sha256\":\"" \
	sha "\",\"size\":" #size "}"

static enum net_status
index_parse(const char *text, struct feed_index *ix, char **cause)
{
	char		*c = NULL;
	enum net_status	 st;

	st = feed_index_parse(text, strlen(text), ix, &c);
	if (cause != NULL)
		*cause = c;
	else
		free(c);
	return st;
}

static void
expect_index_error(const char *text, const char *what)
{
	struct feed_index	 ix;
	char			*cause = NULL;
	enum net_status		 st;

	st = index_parse(text, &ix, &cause);
	CHECK1(st != NET_OK && cause != NULL, "index: %s refused", what);
	if (cause != NULL)
		printf("#   cause: %s\n", cause);
	if (st == NET_OK)
		feed_index_clear(&ix);
	free(cause);
}

/* The optional reports URL: kept, written back, its type checked. */
#define REPORTS_INDEX(reports) \
	"{\"format\":\"globe-feed/1\",\"feed_id\":\"g\",\"serial\":1," \
	"\"issued\":\"2026-11-27T10:00:00Z\",\"expires\":" \
	"\"2026-12-27T10:00:00Z\",\"reports\":" reports ",\"mirror\":" \
	"{\"x\":1},\"snapshot\":" SNAP(0, "objects/" SHA_A ".jsonl", SHA_A, \
	10) "}"

static void
test_index_reports(void)
{
	struct feed_index	 ix, ix2;
	char			*json;

	CHECK_INT(index_parse(REPORTS_INDEX("\"https://feeds.example.org/"
	    "reports\""), &ix, NULL), NET_OK, "an index with a reports URL "
	    "(and an unknown field) parses");
	CHECK_STR(ix.reports, "https://feeds.example.org/reports",
	    "the reports URL is kept");
	json = feed_index_json(&ix);
	CHECK1(strstr(json, "\"reports\": \"https://feeds.example.org/"
	    "reports\"") != NULL && strstr(json, "\"expires\"") <
	    strstr(json, "\"reports\"") && strstr(json, "\"reports\"") <
	    strstr(json, "\"snapshot\""), "and written after expires");
	CHECK_INT(index_parse(json, &ix2, NULL), NET_OK, "that parses");
	CHECK_STR(ix2.reports, ix.reports, "the same URL");
	feed_index_clear(&ix2);
	free(json);
	feed_index_clear(&ix);
	CHECK_INT(index_parse(GOOD_INDEX(SNAP(1042, "objects/" SHA_A ".jsonl",
	    SHA_A, 10), "[]"), &ix, NULL), NET_OK, "an index without one");
	CHECK1(ix.reports == NULL, "names none");
	json = feed_index_json(&ix);
	CHECK1(strstr(json, "reports") == NULL, "and writes none");
	free(json);
	feed_index_clear(&ix);
	CHECK_INT(index_parse(REPORTS_INDEX("\"http://plain.example/r\""), &ix,
	    NULL), NET_OK, "an http:// one parses: the sync refuses to use it, "
	    "the data still applies");
	feed_index_clear(&ix);
	expect_index_error(REPORTS_INDEX("42"), "a reports URL that is a number");
	CHECK_INT(index_parse(REPORTS_INDEX("\"https://x.example/\\u001b[2J "
	    "x\""), &ix, NULL), NET_OK, "one with a control and a space "
	    "parses too");
	CHECK1(!feed_reports_url_valid(ix.reports), "and is not a URL to use");
	feed_index_clear(&ix);

	CHECK1(feed_reports_url_valid("https://feeds.example.org/reports"),
	    "the publisher takes an https URL");
	CHECK1(feed_reports_url_valid("https://127.0.0.1:8443/r?x=1"),
	    "with a port and a query");
	CHECK1(!feed_reports_url_valid("http://feeds.example.org/reports"),
	    "not http://");
	CHECK1(!feed_reports_url_valid("https://user:pw@feeds.example.org/"),
	    "not with a user name");
	CHECK1(!feed_reports_url_valid("https:///reports"), "not without a host");
	CHECK1(!feed_reports_url_valid("reports"), "not a bare word");
}

static void
test_index(void)
{
	struct feed_index	 ix, ix2;
	char			*cause, *json, *json2;
	const char		*good = GOOD_INDEX(
	    SNAP(1040, "objects/" SHA_A ".jsonl", SHA_A, 3145728),
	    "[" DELTA(1040, 1041, "objects/" SHA_B ".jsonl", SHA_B, 20480) ","
	    DELTA(1041, 1042, "objects/" SHA_C ".jsonl", SHA_C, 4096) "]");

	CHECK_INT(index_parse(good, &ix, &cause), NET_OK, "good index parses");
	CHECK_STR(ix.feed_id, "globe-network", "feed id");
	CHECK_INT(ix.serial, 1042, "serial");
	CHECK_INT(ix.snapshot.serial, 1040, "snapshot serial");
	CHECK_INT(ix.snapshot.from, -1, "snapshot from is -1");
	CHECK_INT((long long)ix.snapshot.size, 3145728, "snapshot size");
	CHECK_INT(ix.ndeltas, 2, "two deltas");
	CHECK_INT(ix.deltas[1].from, 1041, "delta from");
	CHECK_INT(ix.deltas[1].serial, 1042, "delta to");
	CHECK_STR(ix.deltas[0].path, "objects/" SHA_B ".jsonl", "delta path");
	CHECK_STR(ix.deltas[0].sha256, SHA_B, "delta sha256");

	json = feed_index_json(&ix);
	CHECK1(json[strlen(json) - 1] == '\n', "serialized index ends with "
	    "a newline");
	CHECK1(strstr(json, "\"format\": \"globe-feed/1\"") != NULL &&
	    strstr(json, "\"format\"") < strstr(json, "\"feed_id\"") &&
	    strstr(json, "\"expires\"") < strstr(json, "\"snapshot\"") &&
	    strstr(json, "\"snapshot\"") < strstr(json, "\"deltas\""),
	    "serialized keys in the contract's order");
	CHECK_INT(index_parse(json, &ix2, NULL), NET_OK,
	    "serialized index parses");
	json2 = feed_index_json(&ix2);
	CHECK_STR(json2, json, "index serialization is deterministic");
	free(json);
	free(json2);
	feed_index_clear(&ix2);
	feed_index_clear(&ix);

	CHECK_INT(index_parse(GOOD_INDEX(SNAP(1042, "objects/" SHA_A ".jsonl",
	    SHA_A, 10), "[]"), &ix, NULL), NET_OK,
	    "index without deltas parses");
	CHECK_INT(ix.ndeltas, 0, "no deltas");
	feed_index_clear(&ix);

	expect_index_error(GOOD_INDEX(SNAP(1040, "objects/../" SHA_A ".jsonl",
	    SHA_A, 10), "[]"), "path with ../");
	expect_index_error(GOOD_INDEX(SNAP(1040, "/objects/" SHA_A ".jsonl",
	    SHA_A, 10), "[]"), "absolute path");
	expect_index_error(GOOD_INDEX(SNAP(1040, "https://other/x", SHA_A, 10),
	    "[]"), "path on another host");
	expect_index_error(GOOD_INDEX(SNAP(1040, "objects/" SHA_A ".jsonl?x=1",
	    SHA_A, 10), "[]"), "path with a query string");
	expect_index_error(GOOD_INDEX(SNAP(1040, "objects/" SHA_B ".jsonl",
	    SHA_A, 10), "[]"), "path not matching its sha256");
	expect_index_error(GOOD_INDEX(SNAP(1040, "objects/" SHA_A ".jsonl",
	    SHA_A, 0), "[]"), "size 0");
	expect_index_error(GOOD_INDEX(SNAP(1040, "objects/" SHA_A ".jsonl",
	    SHA_A, 5000000000), "[]"), "size over 4 GiB");
	expect_index_error(GOOD_INDEX(SNAP(1043, "objects/" SHA_A ".jsonl",
	    SHA_A, 10), "[]"), "snapshot serial above the feed serial");
	expect_index_error(GOOD_INDEX(SNAP(1040, "objects/" SHA_A ".jsonl",
	    SHA_A, 10), "[" DELTA(1041, 1041, "objects/" SHA_B ".jsonl", SHA_B,
	    5) "]"), "delta from == to");
	expect_index_error(GOOD_INDEX(SNAP(1040, "objects/" SHA_A ".jsonl",
	    SHA_A, 10), "[" DELTA(1042, 1043, "objects/" SHA_B ".jsonl", SHA_B,
	    5) "]"), "delta beyond the feed serial");
	expect_index_error(GOOD_INDEX(SNAP(1040, "objects/" SHA_A ".jsonl",
	    SHA_A, 10), "{}"), "deltas not a list");
	expect_index_error("{\"format\":\"globe-feed/1\",\"feed_id\":\"g\","
	    "\"serial\":-1,\"issued\":\"2026-11-27T10:00:00Z\",\"expires\":"
	    "\"2026-12-27T10:00:00Z\",\"snapshot\":" SNAP(0, "objects/" SHA_A
	    ".jsonl", SHA_A, 10) "}", "negative serial");
	expect_index_error("{\"format\":\"globe-feed/1\",\"feed_id\":\"g\","
	    "\"serial\":1,\"issued\":\"2026-11-27 10:00:00\",\"expires\":"
	    "\"2026-12-27T10:00:00Z\",\"snapshot\":" SNAP(0, "objects/" SHA_A
	    ".jsonl", SHA_A, 10) "}", "bad time");
	expect_index_error("{\"format\":\"globe-feed/1\",\"feed_id\":\"g\","
	    "\"serial\":1,\"issued\":\"2026-11-27T10:00:00Z\",\"expires\":"
	    "\"2026-12-27T10:00:00Z\"}", "missing snapshot");
	expect_index_error("{\"format\":\"globe-feed/1\",\"feed_id\":\"../g\","
	    "\"serial\":1,\"issued\":\"2026-11-27T10:00:00Z\",\"expires\":"
	    "\"2026-12-27T10:00:00Z\",\"snapshot\":" SNAP(0, "objects/" SHA_A
	    ".jsonl", SHA_A, 10) "}", "feed id with a slash");
	expect_index_error("{\"format\":\"globe-feed/1\",\"format\":"
	    "\"globe-feed/1\",\"feed_id\":\"g\",\"serial\":1,\"issued\":"
	    "\"2026-11-27T10:00:00Z\",\"expires\":\"2026-12-27T10:00:00Z\","
	    "\"snapshot\":" SNAP(0, "objects/" SHA_A ".jsonl", SHA_A, 10) "}",
	    "duplicate key");
	expect_index_error("not json", "not JSON");
	CHECK_INT(index_parse("{\"format\":\"globe-feed/9\",\"feed_id\":\"g\"}",
	    &ix, NULL), NET_ERR_FORMAT, "other format is NET_ERR_FORMAT");
	CHECK_INT(index_parse("[]", &ix, NULL), NET_ERR_FORMAT,
	    "a list is NET_ERR_FORMAT");
	test_index_reports();
}

static void
test_time(void)
{
	time_t	t = 0;
	char	out[32];

	CHECK_INT(feed_time_parse("2026-11-27T10:00:00Z", &t), 0, "time parses");
	CHECK_INT((long long)t, 1795773600LL, "time value");
	feed_time_format(t, out);
	CHECK_STR(out, "2026-11-27T10:00:00Z", "time round trip");
	feed_time_format(0, out);
	CHECK_STR(out, "1970-01-01T00:00:00Z", "epoch formats");
	CHECK_INT(feed_time_parse("2024-02-29T23:59:59Z", &t), 0, "leap day");
	feed_time_format(t, out);
	CHECK_STR(out, "2024-02-29T23:59:59Z", "leap day round trip");
	CHECK_INT(feed_time_parse("2026-02-30T00:00:00Z", &t), -1,
	    "February 30 refused");
	CHECK_INT(feed_time_parse("2026-11-27T24:00:00Z", &t), -1,
	    "hour 24 refused");
	CHECK_INT(feed_time_parse("2026-11-27T10:00:00+01:00", &t), -1,
	    "offset refused (UTC only)");
	CHECK_INT(feed_time_parse("2026-11-27T10:00:00", &t), -1,
	    "missing Z refused");
	CHECK_INT(feed_time_parse("2026-11-27T10:00:00.5Z", &t), -1,
	    "fractions refused");
	CHECK_INT(feed_time_parse("2026-1a-27T10:00:00Z", &t), -1,
	    "non-digit refused");
	CHECK_INT(feed_time_parse("", &t), -1, "empty refused");
}

int
main(void)
{
	test_records_good();
	test_records_bad();
	test_canonical();
	test_headers();
	test_index();
	test_time();
	HARNESS_END();
}
