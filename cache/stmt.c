/*
 * stmt.c: every SQL statement of cache/ in one table (id → text). Each is
 * prepared on first use, kept for the life of the connection and
 * finalized at close. Record columns are named as the fields of
 * record_types[] and selected in that order, so query.c reads a row into
 * a struct record by the table alone.
 */
#include "config.h"

#include <string.h>

#include "cache/private.h"

/* The SQL below writes record types as these numbers. */
_Static_assert(REC_COUNTRY == 0 && REC_AUTHORITY == 1 && REC_CONTACT == 2 &&
    REC_NEWSLETTER == 3 && REC_ROUTE == 4, "record type numbers used in SQL");

/* A list field, read back from its link table (unit separator between). */
#define LIST_OF(table, key) \
	"(SELECT group_concat(value, char(31)) FROM " table \
	" WHERE id = " key ")"

#define COUNTRY_COLS	"c.code, c.name, c.region"
#define AUTH_COLS \
	"a.id, a.country, a.name, a.name_en, a.acronym, a.kind, a.website, " \
	"a.address, a.phone, a.email, " \
	LIST_OF("authority_languages", "a.id") ", " \
	LIST_OF("authority_expertise", "a.id") ", " \
	LIST_OF("authority_designations", "a.id") ", " \
	"a.joined, a.verified, a.source, a.notes"
#define CONTACT_COLS \
	"t.id, t.authority, t.name, t.title, t.role, t.email, t.phone, " \
	"t.mobile, " LIST_OF("contact_languages", "t.id") ", " \
	"t.timezone, t.hours, t.verified"
#define NEWS_COLS \
	"n.id, n.issue, n.published, n.lang, n.title, n.summary, n.body, n.url"
#define ROUTE_COLS \
	"r.id, r.country, r.measure, r.authority, r.contact, r.channel, " \
	"r.formality, r.urgency, r.stage, " \
	LIST_OF("route_from_countries", "r.id") ", " \
	LIST_OF("route_languages", "r.id") ", " \
	LIST_OF("route_requirements", "r.id") ", r.requirements_text, " \
	LIST_OF("route_legal_basis", "r.id") ", r.hours, r.timezone, r.rank, " \
	"r.not_possible, r.alternative, r.verified, r.source, r.notes"

/* ?1: starred only. */
#define STARRED(type, key) \
	"(?1 = 0 OR EXISTS (SELECT 1 FROM stars s WHERE s.type = '" type \
	"' AND s.id = " key "))"
#define STAR_COL(type, key) \
	"EXISTS (SELECT 1 FROM stars s WHERE s.type = '" type "' AND s.id = " \
	key ")"
/* ?3, ?4: limit (-1 = none) and offset. */
#define PAGE		" LIMIT ?3 OFFSET ?4"

/* The officer's note on a record (schema step 8). */
#define NOTE_COL(type, key) \
	"(SELECT x.text FROM notes x WHERE x.type = '" type "' AND x.id = " \
	key ")"

/* Counts kept by apply (stmt_stats_sql), not counted on every list. */
#define COUNTRY_EXTRA \
	", coalesce((SELECT x.authorities FROM country_stats x" \
	" WHERE x.code = c.code), 0)" \
	", coalesce((SELECT x.contacts FROM country_stats x" \
	" WHERE x.code = c.code), 0)" \
	", " STAR_COL("country", "c.code") \
	", coalesce((SELECT x.routes FROM country_stats x" \
	" WHERE x.code = c.code), 0)"
#define COUNTRY_FROM	" FROM countries c WHERE " STARRED("country", "c.code")
#define COUNTRY_ORDER	" ORDER BY c.sort_key, c.code"

#define AUTH_EXTRA \
	", c.name, (SELECT count(*) FROM contacts y WHERE y.authority = a.id)" \
	", " STAR_COL("authority", "a.id") ", " NOTE_COL("authority", "a.id")
#define AUTH_FROM \
	" FROM authorities a LEFT JOIN countries c ON c.code = a.country" \
	" WHERE " STARRED("authority", "a.id")
#define AUTH_ORDER	" ORDER BY a.sort_key, a.id"

#define CONTACT_EXTRA \
	", c.name, a.name, a.acronym, " STAR_COL("contact", "t.id") \
	", a.country, " NOTE_COL("contact", "t.id")
#define CONTACT_FROM \
	" FROM contacts t LEFT JOIN authorities a ON a.id = t.authority" \
	" LEFT JOIN countries c ON c.code = a.country" \
	" WHERE " STARRED("contact", "t.id")
#define CONTACT_ORDER	" ORDER BY t.sort_key, t.id"

/* Routes are not starred: ?1 (starred only) finds none. */
#define ROUTE_EXTRA \
	", c.name, a.name, a.acronym, t.name, t.email, t.timezone, t.hours, " \
	NOTE_COL("route", "r.id")
#define ROUTE_FROM \
	" FROM routes r LEFT JOIN countries c ON c.code = r.country" \
	" LEFT JOIN authorities a ON a.id = r.authority" \
	" LEFT JOIN contacts t ON t.id = r.contact WHERE ?1 = 0"
#define ROUTE_ORDER	" ORDER BY r.country, r.measure, r.id"
/* ?5: one measure, or NULL for every one. */
#define ROUTE_MEASURE	" AND (?5 IS NULL OR r.measure = ?5)"

#define NEWS_EXTRA \
	", EXISTS (SELECT 1 FROM read_marks r WHERE r.id = n.id)"
#define NEWS_FROM	" FROM newsletters n WHERE " STARRED("newsletter", "n.id")
#define NEWS_ORDER	" ORDER BY n.published DESC, n.id"
/*
 * ?2: user text, folded as search folds it, found anywhere in the title,
 * summary or body (a substring: never parsed as a pattern or FTS syntax).
 */
#define NEWS_TEXT \
	" AND instr(globe_fold(coalesce(n.title, '') || ' ' ||" \
	" coalesce(n.summary, '') || ' ' || coalesce(n.body, ''))," \
	" globe_fold(?2)) > 0"

#define TOUCH(type, table, key) \
	"INSERT OR IGNORE INTO temp.touched(type, key, oldhash) VALUES (" \
	type ", ?1, (SELECT hash FROM " table " WHERE " key " = ?1))"

#define LINK_DEL(table)	"DELETE FROM " table " WHERE id = ?1"
#define LINK_INS(table) \
	"INSERT OR REPLACE INTO " table "(id, pos, value) VALUES (?1, ?2, ?3)"

/*
 * The rows of search_entry, made from the data tables: type, ref,
 * country, akind, role, sort_key, acronym, auth, name (the folded name
 * alone, for search_name, the name tier), text (everything), and what
 * a hit shows without reading its record: shown (the name as written),
 * sub (contact: title; authority: acronym) and email.
 */
#define LIST_WORDS(table, key) \
	"(SELECT group_concat(value, ' ') FROM " table " WHERE id = " key ")"
#define SRC_AUTH \
	"SELECT 1 AS type, a.id AS ref, a.country AS country," \
	" a.kind AS akind, NULL AS role, a.sort_key AS sort_key," \
	" globe_fold(a.acronym) AS acronym, a.id AS auth," \
	" globe_search_text(a.name) AS name," \
	" globe_search_text(a.name, a.name_en, a.acronym, a.kind, a.email," \
	" a.phone, globe_host(a.website), " \
	LIST_WORDS("authority_languages", "a.id") ", " \
	LIST_WORDS("authority_expertise", "a.id") ", " \
	LIST_WORDS("authority_designations", "a.id") ", " \
	" c.name, c.code, " NOTE_COL("authority", "a.id") ") AS text," \
	" a.name AS shown, a.acronym AS sub, a.email AS email" \
	" FROM authorities a LEFT JOIN countries c ON c.code = a.country"
#define SRC_CONTACT \
	"SELECT 2, t.id, a.country, a.kind, t.role, t.sort_key, NULL," \
	" t.authority, globe_search_text(t.name)," \
	" globe_search_text(t.name, t.title, t.role, t.email," \
	" t.phone, t.mobile, " LIST_WORDS("contact_languages", "t.id") "," \
	" a.name, a.name_en, a.acronym, c.name, c.code, " \
	NOTE_COL("contact", "t.id") ")," \
	" t.name, t.title, t.email" \
	" FROM contacts t LEFT JOIN authorities a ON a.id = t.authority" \
	" LEFT JOIN countries c ON c.code = a.country"
/*
 * A route's entry: its name is its measure's English label (so "asset
 * tracing" is its name and "asset tracing brazil" its text), shown as
 * that label with its authority's name.
 */
#define SRC_ROUTE \
	"SELECT 4, r.id, r.country, NULL, NULL, r.sort_key, NULL," \
	" r.authority, globe_search_text(globe_vocab('measure', r.measure))," \
	" globe_search_text(globe_vocab('measure', r.measure), r.measure," \
	" globe_vocab('channel', r.channel), a.name, a.name_en, a.acronym," \
	" r.notes, r.requirements_text, r.not_possible, c.name, c.code, " \
	NOTE_COL("route", "r.id") ")," \
	" globe_vocab('measure', r.measure), a.name, NULL" \
	" FROM routes r LEFT JOIN authorities a ON a.id = r.authority" \
	" LEFT JOIN countries c ON c.code = r.country"
#define ENTRY_COLS \
	"type, ref, country, akind, role, sort_key, acronym, auth, name, text," \
	" shown, sub, email"

/* Only entries of touched records whose content really changed. */
#define CHANGED	"d.oldhash IS NOT d.newhash"

/*
 * Search filters: ?2 country, ?3 authority kind, ?4 role, ?5 expertise,
 * ?6 language (NULL = any).
 */
#define FILTERS \
	" AND (?2 IS NULL OR e.country = ?2 COLLATE NOCASE)" \
	" AND (?3 IS NULL OR e.akind = ?3 COLLATE NOCASE)" \
	" AND (?4 IS NULL OR e.role = ?4 COLLATE NOCASE)" \
	" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM authority_expertise x" \
	" WHERE x.id = e.auth AND x.value = ?5 COLLATE NOCASE))" \
	" AND (?6 IS NULL" \
	" OR (e.type = 1 AND EXISTS (SELECT 1 FROM authority_languages l" \
	" WHERE l.id = e.ref AND l.value = ?6 COLLATE NOCASE))" \
	" OR (e.type = 2 AND EXISTS (SELECT 1 FROM contact_languages l" \
	" WHERE l.id = e.ref AND l.value = ?6 COLLATE NOCASE)))"
#define FIND_COLS \
	"SELECT e.rowid, e.type, e.ref, e.text, e.shown, e.sub, e.email," \
	" e.country, e.auth, e.akind"

static const char *const stmt_sql[STMT_COUNT] = {
	[STMT_TOUCH_COUNTRY] = TOUCH("0", "countries", "code"),
	[STMT_TOUCH_AUTHORITY] = TOUCH("1", "authorities", "id"),
	[STMT_TOUCH_CONTACT] = TOUCH("2", "contacts", "id"),
	[STMT_TOUCH_NEWSLETTER] = TOUCH("3", "newsletters", "id"),
	[STMT_TOUCH_ROUTE] = TOUCH("4", "routes", "id"),
	[STMT_TOUCHED_CLEAR] = "DELETE FROM temp.touched",
	[STMT_TOUCHED_NEWHASH] =
	    "UPDATE temp.touched SET newhash = CASE type"
	    " WHEN 0 THEN (SELECT hash FROM countries WHERE code = key)"
	    " WHEN 1 THEN (SELECT hash FROM authorities WHERE id = key)"
	    " WHEN 2 THEN (SELECT hash FROM contacts WHERE id = key)"
	    " WHEN 3 THEN (SELECT hash FROM newsletters WHERE id = key)"
	    " ELSE (SELECT hash FROM routes WHERE id = key) END",
	[STMT_TOUCHED_COUNTS] =
	    "SELECT type,"
	    " sum(oldhash IS NULL AND newhash IS NOT NULL),"
	    " sum(oldhash IS NOT NULL AND newhash IS NOT NULL"
	    " AND oldhash <> newhash),"
	    " sum(oldhash IS NOT NULL AND newhash IS NULL)"
	    " FROM temp.touched GROUP BY type",

	/*
	 * Upserts: string fields in record_types[] order, then sort_key and
	 * hash. An identical row is not written again (changes() == 0).
	 */
	[STMT_UPSERT_COUNTRY] =
	    "INSERT INTO countries(code, name, region, sort_key, hash)"
	    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(code) DO UPDATE SET"
	    " name = excluded.name, region = excluded.region,"
	    " sort_key = excluded.sort_key, hash = excluded.hash"
	    " WHERE hash IS NOT excluded.hash",
	[STMT_UPSERT_AUTHORITY] =
	    "INSERT INTO authorities(id, country, name, name_en, acronym, kind,"
	    " website, address, phone, email, joined, verified, source, notes,"
	    " sort_key, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
	    " ?11, ?12, ?13, ?14, ?15, ?16) ON CONFLICT(id) DO UPDATE SET"
	    " country = excluded.country, name = excluded.name,"
	    " name_en = excluded.name_en, acronym = excluded.acronym,"
	    " kind = excluded.kind, website = excluded.website,"
	    " address = excluded.address, phone = excluded.phone,"
	    " email = excluded.email, joined = excluded.joined,"
	    " verified = excluded.verified, source = excluded.source,"
	    " notes = excluded.notes, sort_key = excluded.sort_key,"
	    " hash = excluded.hash WHERE hash IS NOT excluded.hash",
	[STMT_UPSERT_CONTACT] =
	    "INSERT INTO contacts(id, authority, name, title, role, email,"
	    " phone, mobile, timezone, hours, verified, sort_key, hash)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
	    " ON CONFLICT(id) DO UPDATE SET authority = excluded.authority,"
	    " name = excluded.name, title = excluded.title,"
	    " role = excluded.role, email = excluded.email,"
	    " phone = excluded.phone, mobile = excluded.mobile,"
	    " timezone = excluded.timezone, hours = excluded.hours,"
	    " verified = excluded.verified, sort_key = excluded.sort_key,"
	    " hash = excluded.hash WHERE hash IS NOT excluded.hash",
	[STMT_UPSERT_NEWSLETTER] =
	    "INSERT INTO newsletters(id, issue, published, lang, title,"
	    " summary, body, url, sort_key, hash) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7, ?8, ?9, ?10) ON CONFLICT(id) DO UPDATE SET"
	    " issue = excluded.issue, published = excluded.published,"
	    " lang = excluded.lang, title = excluded.title,"
	    " summary = excluded.summary, body = excluded.body,"
	    " url = excluded.url, sort_key = excluded.sort_key,"
	    " hash = excluded.hash WHERE hash IS NOT excluded.hash",
	[STMT_UPSERT_ROUTE] =
	    "INSERT INTO routes(id, country, measure, authority, contact,"
	    " channel, formality, urgency, stage, requirements_text, hours,"
	    " timezone, rank, not_possible, alternative, verified, source,"
	    " notes, sort_key, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	    " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"
	    " ON CONFLICT(id) DO UPDATE SET country = excluded.country,"
	    " measure = excluded.measure, authority = excluded.authority,"
	    " contact = excluded.contact, channel = excluded.channel,"
	    " formality = excluded.formality, urgency = excluded.urgency,"
	    " stage = excluded.stage,"
	    " requirements_text = excluded.requirements_text,"
	    " hours = excluded.hours, timezone = excluded.timezone,"
	    " rank = excluded.rank, not_possible = excluded.not_possible,"
	    " alternative = excluded.alternative,"
	    " verified = excluded.verified, source = excluded.source,"
	    " notes = excluded.notes, sort_key = excluded.sort_key,"
	    " hash = excluded.hash WHERE hash IS NOT excluded.hash",
	[STMT_DELETE_COUNTRY] = "DELETE FROM countries WHERE code = ?1",
	[STMT_DELETE_AUTHORITY] = "DELETE FROM authorities WHERE id = ?1",
	[STMT_DELETE_CONTACT] = "DELETE FROM contacts WHERE id = ?1",
	[STMT_DELETE_NEWSLETTER] = "DELETE FROM newsletters WHERE id = ?1",
	[STMT_DELETE_ROUTE] = "DELETE FROM routes WHERE id = ?1",
	[STMT_LINK_DEL_AUTH_LANG] = LINK_DEL("authority_languages"),
	[STMT_LINK_DEL_AUTH_EXPERTISE] = LINK_DEL("authority_expertise"),
	[STMT_LINK_DEL_AUTH_DESIGNATION] = LINK_DEL("authority_designations"),
	[STMT_LINK_DEL_CONTACT_LANG] = LINK_DEL("contact_languages"),
	[STMT_LINK_DEL_ROUTE_FROM] = LINK_DEL("route_from_countries"),
	[STMT_LINK_DEL_ROUTE_LANG] = LINK_DEL("route_languages"),
	[STMT_LINK_DEL_ROUTE_REQ] = LINK_DEL("route_requirements"),
	[STMT_LINK_DEL_ROUTE_BASIS] = LINK_DEL("route_legal_basis"),
	[STMT_LINK_INS_AUTH_LANG] = LINK_INS("authority_languages"),
	[STMT_LINK_INS_AUTH_EXPERTISE] = LINK_INS("authority_expertise"),
	[STMT_LINK_INS_AUTH_DESIGNATION] = LINK_INS("authority_designations"),
	[STMT_LINK_INS_CONTACT_LANG] = LINK_INS("contact_languages"),
	[STMT_LINK_INS_ROUTE_FROM] = LINK_INS("route_from_countries"),
	[STMT_LINK_INS_ROUTE_LANG] = LINK_INS("route_languages"),
	[STMT_LINK_INS_ROUTE_REQ] = LINK_INS("route_requirements"),
	[STMT_LINK_INS_ROUTE_BASIS] = LINK_INS("route_legal_basis"),

	[STMT_REF_AUTHORITY] =
	    "SELECT a.id, a.country FROM authorities a WHERE NOT EXISTS"
	    " (SELECT 1 FROM countries c WHERE c.code = a.country) LIMIT 1",
	[STMT_REF_CONTACT] =
	    "SELECT t.id, t.authority FROM contacts t WHERE NOT EXISTS"
	    " (SELECT 1 FROM authorities a WHERE a.id = t.authority) LIMIT 1",
	/*
	 * The first route whose country, authority or contact is not there,
	 * or whose contact works for another authority: its id, which rule
	 * (0 country, 1 authority, 2 contact, 3 the contact's authority),
	 * the value named, and the contact's authority.
	 */
	[STMT_REF_ROUTES] =
	    "SELECT r.id, CASE"
	    " WHEN c.code IS NULL THEN 0 WHEN a.id IS NULL THEN 1"
	    " WHEN t.id IS NULL THEN 2 ELSE 3 END,"
	    " CASE WHEN c.code IS NULL THEN r.country"
	    " WHEN a.id IS NULL THEN r.authority ELSE r.contact END,"
	    " t.authority, r.authority"
	    " FROM routes r LEFT JOIN countries c ON c.code = r.country"
	    " LEFT JOIN authorities a ON a.id = r.authority"
	    " LEFT JOIN contacts t ON t.id = r.contact"
	    " WHERE c.code IS NULL OR a.id IS NULL OR (r.contact IS NOT NULL"
	    " AND (t.id IS NULL OR t.authority IS NOT r.authority)) LIMIT 1",

	[STMT_STATE_GET] =
	    "SELECT feed_id, serial, issued, expires, etag, last_modified,"
	    " feed_url, last_sync, last_result, last_success, reports_url,"
	    " members_epoch"
	    " FROM sync_state WHERE one = 1",
	[STMT_STATE_PUT] =
	    "INSERT OR REPLACE INTO sync_state(one, feed_id, serial, issued,"
	    " expires, etag, last_modified, feed_url, last_sync, last_result,"
	    " last_success, reports_url, members_epoch) VALUES (1, ?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	[STMT_STATE_NOTE] =
	    "INSERT INTO sync_state(one, last_sync, last_result)"
	    " VALUES (1, ?1, ?2) ON CONFLICT(one) DO UPDATE SET"
	    " last_sync = excluded.last_sync, last_result = excluded.last_result",
	/* Changes when another connection commits (not this one). */
	[STMT_DATA_VERSION] = "PRAGMA data_version",

	/* The signing keys a feed announced or retired (keys.c). */
	[STMT_KEYS_GET] =
	    "SELECT key, retired, serial FROM signing_keys"
	    " ORDER BY serial, key",
	[STMT_KEYS_CLEAR] = "DELETE FROM signing_keys",
	[STMT_KEYS_PUT] =
	    "INSERT OR REPLACE INTO signing_keys(key, retired, serial)"
	    " VALUES (?1, ?2, ?3)",

	/* Lists: ?1 starred only, ?2 the key, ?3 limit, ?4 offset. */
	[STMT_LIST_COUNTRIES] = "SELECT " COUNTRY_COLS COUNTRY_EXTRA
	    COUNTRY_FROM COUNTRY_ORDER PAGE,
	[STMT_LIST_COUNTRY_ID] = "SELECT " COUNTRY_COLS COUNTRY_EXTRA
	    COUNTRY_FROM " AND c.code = ?2" COUNTRY_ORDER PAGE,
	[STMT_LIST_AUTHORITIES] = "SELECT " AUTH_COLS AUTH_EXTRA
	    AUTH_FROM AUTH_ORDER PAGE,
	[STMT_LIST_AUTHORITY_ID] = "SELECT " AUTH_COLS AUTH_EXTRA
	    AUTH_FROM " AND a.id = ?2" AUTH_ORDER PAGE,
	[STMT_LIST_AUTHORITIES_COUNTRY] = "SELECT " AUTH_COLS AUTH_EXTRA
	    AUTH_FROM " AND a.country = ?2" AUTH_ORDER PAGE,
	[STMT_LIST_CONTACTS] = "SELECT " CONTACT_COLS CONTACT_EXTRA
	    CONTACT_FROM CONTACT_ORDER PAGE,
	[STMT_LIST_CONTACT_ID] = "SELECT " CONTACT_COLS CONTACT_EXTRA
	    CONTACT_FROM " AND t.id = ?2" CONTACT_ORDER PAGE,
	[STMT_LIST_CONTACTS_AUTHORITY] = "SELECT " CONTACT_COLS CONTACT_EXTRA
	    CONTACT_FROM " AND t.authority = ?2" CONTACT_ORDER PAGE,
	[STMT_LIST_CONTACTS_COUNTRY] = "SELECT " CONTACT_COLS CONTACT_EXTRA
	    CONTACT_FROM " AND a.country = ?2" CONTACT_ORDER PAGE,
	[STMT_LIST_NEWSLETTERS] = "SELECT " NEWS_COLS NEWS_EXTRA
	    NEWS_FROM NEWS_ORDER PAGE,
	[STMT_LIST_NEWSLETTER_ID] = "SELECT " NEWS_COLS NEWS_EXTRA
	    NEWS_FROM " AND n.id = ?2" NEWS_ORDER PAGE,
	[STMT_LIST_NEWSLETTERS_TEXT] = "SELECT " NEWS_COLS NEWS_EXTRA
	    NEWS_FROM NEWS_TEXT NEWS_ORDER PAGE,
	[STMT_COUNT_COUNTRIES] = "SELECT count(*)" COUNTRY_FROM,
	[STMT_COUNT_COUNTRY_ID] = "SELECT count(*)" COUNTRY_FROM
	    " AND c.code = ?2",
	[STMT_COUNT_AUTHORITIES] = "SELECT count(*)" AUTH_FROM,
	[STMT_COUNT_AUTHORITY_ID] = "SELECT count(*)" AUTH_FROM
	    " AND a.id = ?2",
	[STMT_COUNT_AUTHORITIES_COUNTRY] = "SELECT count(*)" AUTH_FROM
	    " AND a.country = ?2",
	[STMT_COUNT_CONTACTS] = "SELECT count(*)" CONTACT_FROM,
	[STMT_COUNT_CONTACT_ID] = "SELECT count(*)" CONTACT_FROM
	    " AND t.id = ?2",
	[STMT_COUNT_CONTACTS_AUTHORITY] = "SELECT count(*)" CONTACT_FROM
	    " AND t.authority = ?2",
	[STMT_COUNT_CONTACTS_COUNTRY] = "SELECT count(*)" CONTACT_FROM
	    " AND a.country = ?2",
	[STMT_COUNT_NEWSLETTERS] = "SELECT count(*)" NEWS_FROM,
	[STMT_COUNT_NEWSLETTER_ID] = "SELECT count(*)" NEWS_FROM
	    " AND n.id = ?2",
	[STMT_COUNT_NEWSLETTERS_TEXT] = "SELECT count(*)" NEWS_FROM NEWS_TEXT,
	[STMT_LIST_ROUTES] = "SELECT " ROUTE_COLS ROUTE_EXTRA ROUTE_FROM
	    ROUTE_ORDER PAGE,
	[STMT_LIST_ROUTE_ID] = "SELECT " ROUTE_COLS ROUTE_EXTRA ROUTE_FROM
	    " AND r.id = ?2" ROUTE_ORDER PAGE,
	[STMT_LIST_ROUTES_COUNTRY] = "SELECT " ROUTE_COLS ROUTE_EXTRA
	    ROUTE_FROM " AND r.country = ?2" ROUTE_MEASURE ROUTE_ORDER PAGE,
	[STMT_LIST_ROUTES_AUTHORITY] = "SELECT " ROUTE_COLS ROUTE_EXTRA
	    ROUTE_FROM " AND r.authority = ?2" ROUTE_ORDER PAGE,
	[STMT_COUNT_ROUTES] = "SELECT count(*)" ROUTE_FROM,
	[STMT_COUNT_ROUTE_ID] = "SELECT count(*)" ROUTE_FROM " AND r.id = ?2",
	[STMT_COUNT_ROUTES_COUNTRY] = "SELECT count(*)" ROUTE_FROM
	    " AND r.country = ?2" ROUTE_MEASURE,
	[STMT_COUNT_ROUTES_AUTHORITY] = "SELECT count(*)" ROUTE_FROM
	    " AND r.authority = ?2",
	[STMT_COUNTS] =
	    "SELECT (SELECT countries FROM totals),"
	    " (SELECT authorities FROM totals),"
	    " (SELECT contacts FROM totals),"
	    " (SELECT newsletters FROM totals),"
	    " (SELECT count(*) FROM routes),"
	    " (SELECT count(*) FROM newsletters n WHERE NOT EXISTS"
	    " (SELECT 1 FROM read_marks r WHERE r.id = n.id)),"
	    " (SELECT count(*) FROM stars s WHERE"
	    " (s.type = 'country' AND EXISTS"
	    " (SELECT 1 FROM countries WHERE code = s.id))"
	    " OR (s.type = 'authority' AND EXISTS"
	    " (SELECT 1 FROM authorities WHERE id = s.id))"
	    " OR (s.type = 'contact' AND EXISTS"
	    " (SELECT 1 FROM contacts WHERE id = s.id))"
	    " OR (s.type = 'newsletter' AND EXISTS"
	    " (SELECT 1 FROM newsletters WHERE id = s.id)))",
	[STMT_ID_TYPE] =
	    "SELECT 'authority' FROM authorities WHERE id = ?1 UNION ALL"
	    " SELECT 'contact' FROM contacts WHERE id = ?1 UNION ALL"
	    " SELECT 'route' FROM routes WHERE id = ?1 LIMIT 1",
	/*
	 * ?1: a prefix. No byte of UTF-8 is 0xff, so every id that begins
	 * with ?1 sorts below ?1 || x'ff': a range on the primary key.
	 */
#define IDS_FROM(table, name) \
	"SELECT id, " name " FROM " table " WHERE id >= ?1" \
	" AND id < ?1 || CAST(x'ff' AS TEXT) ORDER BY id LIMIT ?2"
	[STMT_IDS_AUTHORITY] = IDS_FROM("authorities", "name"),
	[STMT_IDS_CONTACT] = IDS_FROM("contacts", "name"),
	[STMT_IDS_NEWSLETTER] = IDS_FROM("newsletters", "title"),
#undef IDS_FROM

	/* What a filter can be: the values the records hold, sorted. */
	[STMT_VALUES_KIND] = "SELECT DISTINCT kind FROM authorities"
	    " WHERE kind IS NOT NULL AND kind <> '' ORDER BY 1",
	[STMT_VALUES_ROLE] = "SELECT DISTINCT role FROM contacts"
	    " WHERE role IS NOT NULL AND role <> '' ORDER BY 1",
	[STMT_VALUES_EXPERTISE] = "SELECT DISTINCT value"
	    " FROM authority_expertise WHERE value <> '' ORDER BY 1",
	[STMT_VALUES_LANGUAGE] = "SELECT value FROM authority_languages"
	    " WHERE value <> '' UNION SELECT value FROM contact_languages"
	    " WHERE value <> '' ORDER BY 1",
	[STMT_VALUES_MEASURE] = "SELECT DISTINCT measure FROM routes"
	    " WHERE measure <> '' ORDER BY 1",
	/* One record's spelling of ?1 (ASCII case folded), the first found. */
	[STMT_VALUE_KIND] = "SELECT kind FROM authorities"
	    " WHERE kind = ?1 COLLATE NOCASE LIMIT 1",
	[STMT_VALUE_ROLE] = "SELECT role FROM contacts"
	    " WHERE role = ?1 COLLATE NOCASE LIMIT 1",
	[STMT_VALUE_EXPERTISE] = "SELECT value FROM authority_expertise"
	    " WHERE value = ?1 COLLATE NOCASE LIMIT 1",
	[STMT_VALUE_LANGUAGE] = "SELECT value FROM authority_languages"
	    " WHERE value = ?1 COLLATE NOCASE UNION ALL"
	    " SELECT value FROM contact_languages"
	    " WHERE value = ?1 COLLATE NOCASE LIMIT 1",
	[STMT_VALUE_MEASURE] = "SELECT measure FROM routes"
	    " WHERE measure = ?1 COLLATE NOCASE LIMIT 1",

	[STMT_SUM_COUNTRIES] = "SELECT " COUNTRY_COLS
	    " FROM countries c ORDER BY c.code",
	[STMT_SUM_AUTHORITIES] = "SELECT " AUTH_COLS
	    " FROM authorities a ORDER BY a.id",
	[STMT_SUM_CONTACTS] = "SELECT " CONTACT_COLS
	    " FROM contacts t ORDER BY t.id",
	[STMT_SUM_NEWSLETTERS] = "SELECT " NEWS_COLS
	    " FROM newsletters n ORDER BY n.id",
	[STMT_SUM_ROUTES] = "SELECT " ROUTE_COLS " FROM routes r ORDER BY r.id",

	/*
	 * The change log (changes.c): one record by its key, as the checksum
	 * reads it; the old content of the records a sync touches, kept in
	 * temp.old_rows before their first change; the touched keys whose
	 * content changed (?: added, removed); the log's rows.
	 */
	[STMT_ROW_COUNTRY] = "SELECT " COUNTRY_COLS
	    " FROM countries c WHERE c.code = ?1",
	[STMT_ROW_AUTHORITY] = "SELECT " AUTH_COLS
	    " FROM authorities a WHERE a.id = ?1",
	[STMT_ROW_CONTACT] = "SELECT " CONTACT_COLS
	    " FROM contacts t WHERE t.id = ?1",
	[STMT_ROW_NEWSLETTER] = "SELECT " NEWS_COLS
	    " FROM newsletters n WHERE n.id = ?1",
	[STMT_ROW_ROUTE] = "SELECT " ROUTE_COLS " FROM routes r WHERE r.id = ?1",
	[STMT_OLD_CLEAR] = "DELETE FROM temp.old_rows",
	[STMT_OLD_PUT] = "INSERT OR IGNORE INTO temp.old_rows(type, key, data)"
	    " VALUES (?1, ?2, ?3)",
	[STMT_OLD_GET] = "SELECT data FROM temp.old_rows"
	    " WHERE type = ?1 AND key = ?2",
	[STMT_TOUCHED_CHANGED] = "SELECT type, key, oldhash IS NULL,"
	    " newhash IS NULL FROM temp.touched WHERE oldhash IS NOT newhash",
	[STMT_LOG_NEXT] = "SELECT coalesce(max(sync), 0) + 1 FROM change_syncs",
	[STMT_LOG_SYNC_PUT] = "INSERT INTO change_syncs(sync, at, old_serial,"
	    " serial, first, counts) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[STMT_LOG_PUT] = "INSERT OR REPLACE INTO changes(sync, type, id, what,"
	    " name, fields) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[STMT_LOG_PRUNE] = "DELETE FROM changes WHERE sync <= ?1",
	[STMT_LOG_PRUNE_SYNCS] = "DELETE FROM change_syncs WHERE sync <= ?1",
	/* ?1 one sync (0: any), ?2 at or after (0: any), ?3 the last only. */
	[STMT_LOG_SYNCS] = "SELECT sync, at, old_serial, serial, first, counts"
	    " FROM change_syncs WHERE (?1 = 0 OR sync = ?1) AND at >= ?2"
	    " AND (?3 = 0 OR sync = (SELECT max(sync) FROM change_syncs))"
	    " ORDER BY sync",
	[STMT_LOG_LAST] = "SELECT coalesce(max(sync), 0) FROM change_syncs",
	/* ?2: one type, or -1 for all. */
	[STMT_LOG_ENTRIES] = "SELECT sync, type, id, what, name, fields"
	    " FROM changes WHERE sync = ?1 AND (?2 < 0 OR type = ?2)"
	    " ORDER BY type, what, name COLLATE NOCASE, id",
	[STMT_LOG_FIELDS] = "SELECT fields FROM changes"
	    " WHERE id = ?1 AND type = ?2 AND sync > ?3 AND fields IS NOT NULL",

	/* Notes: ?1 type name, ?2 id (user.c). */
	[STMT_NOTE_SET] = "INSERT OR REPLACE INTO notes(type, id, text, updated)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[STMT_NOTE_DEL] = "DELETE FROM notes WHERE type = ?1 AND id = ?2",
	[STMT_NOTE_GET] = "SELECT text FROM notes WHERE type = ?1 AND id = ?2",
	/* One search entry to bring up to date (search_refresh). */
	[STMT_AFFECTED_ONE] = "INSERT OR IGNORE INTO temp.affected(type, ref)"
	    " VALUES (?1, ?2)",
	[STMT_FLAG_ADD] = "INSERT INTO flags(type, id, name, text, created,"
	    " feed_id, serial, report_id) SELECT ?1, ?2, ?3, ?4, ?5,"
	    " (SELECT feed_id FROM sync_state WHERE one = 1),"
	    " coalesce((SELECT serial FROM sync_state WHERE one = 1), -1), ?6",
	/* ?1: 0 all, 1 pending, 2 sent; ?2, ?3: one record's, or NULL. */
	[STMT_FLAG_LIST] = "SELECT n, type, id, name, text, created, feed_id,"
	    " serial, report_id, sent, attempts, last_error FROM flags"
	    " WHERE (?1 = 0 OR (?1 = 1 AND sent = 0) OR (?1 = 2 AND sent <> 0))"
	    " AND (?3 IS NULL OR (id = ?3 AND type = ?2)) ORDER BY n",
	[STMT_FLAG_STATE] = "SELECT sent FROM flags WHERE n = ?1",
	[STMT_FLAG_DEL] = "DELETE FROM flags WHERE n = ?1 AND sent = 0",
	[STMT_FLAG_SENT] = "UPDATE flags SET sent = ?2, attempts = attempts + 1,"
	    " last_error = NULL WHERE n = ?1",
	[STMT_FLAG_FAILED] = "UPDATE flags SET attempts = attempts + 1,"
	    " last_error = ?2 WHERE n = ?1 AND sent = 0",

	[STMT_STAR_ON] = "INSERT OR IGNORE INTO stars(type, id) VALUES (?1, ?2)",
	[STMT_STAR_OFF] = "DELETE FROM stars WHERE type = ?1 AND id = ?2",
	[STMT_READ_ON] = "INSERT OR IGNORE INTO read_marks(id) VALUES (?1)",
	[STMT_READ_OFF] = "DELETE FROM read_marks WHERE id = ?1",
	/* ?1 is bound but unused: user_run binds one text. */
	[STMT_READ_ALL] = "INSERT OR IGNORE INTO read_marks(id)"
	    " SELECT id FROM newsletters WHERE ?1 IS NOT NULL",

	/*
	 * Search index. A full fill numbers the entries in (sort_key, type,
	 * ref) order, SEARCH_STEP apart, so rowid order is name order and an
	 * incremental insert finds room between its neighbours.
	 */
	[STMT_SEARCH_CLEAR] = "DELETE FROM search_entry",
	[STMT_SEARCH_FILL] =
	    "INSERT INTO search_entry(rowid, " ENTRY_COLS ")"
	    " SELECT (row_number() OVER (ORDER BY sort_key, type, ref))"
	    " * " SEARCH_STEP_SQL ", " ENTRY_COLS
	    " FROM (" SRC_AUTH " UNION ALL " SRC_CONTACT " UNION ALL "
	    SRC_ROUTE ")",
	[STMT_SEARCH_WORD_REBUILD] =
	    "INSERT INTO search_word(search_word) VALUES ('rebuild')",
	[STMT_SEARCH_TRI_REBUILD] =
	    "INSERT INTO search_tri(search_tri) VALUES ('rebuild')",
	[STMT_SEARCH_NAME_REBUILD] =
	    "INSERT INTO search_name(search_name) VALUES ('rebuild')",
	[STMT_SEARCH_COUNT] = "SELECT count(*) FROM search_entry",
	[STMT_SEARCH_SOURCES] = "SELECT (SELECT count(*) FROM authorities)"
	    " + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM routes)",
	[STMT_AFFECTED_CLEAR] = "DELETE FROM temp.affected",
	[STMT_AFFECTED_DIRECT] =
	    "INSERT OR IGNORE INTO temp.affected(type, ref)"
	    " SELECT d.type, d.key FROM temp.touched d"
	    " WHERE d.type IN (1, 2, 4) AND " CHANGED,
	[STMT_AFFECTED_AUTH_CONTACTS] =
	    "INSERT OR IGNORE INTO temp.affected(type, ref)"
	    " SELECT 2, t.id FROM temp.touched d"
	    " JOIN contacts t ON t.authority = d.key"
	    " WHERE d.type = 1 AND " CHANGED,
	[STMT_AFFECTED_COUNTRY_AUTHS] =
	    "INSERT OR IGNORE INTO temp.affected(type, ref)"
	    " SELECT 1, a.id FROM temp.touched d"
	    " JOIN authorities a ON a.country = d.key"
	    " WHERE d.type = 0 AND " CHANGED,
	[STMT_AFFECTED_COUNTRY_CONTACTS] =
	    "INSERT OR IGNORE INTO temp.affected(type, ref)"
	    " SELECT 2, t.id FROM temp.touched d"
	    " JOIN authorities a ON a.country = d.key"
	    " JOIN contacts t ON t.authority = a.id"
	    " WHERE d.type = 0 AND " CHANGED,
	[STMT_AFFECTED_AUTH_ROUTES] =
	    "INSERT OR IGNORE INTO temp.affected(type, ref)"
	    " SELECT 4, r.id FROM temp.touched d"
	    " JOIN routes r ON r.authority = d.key"
	    " WHERE d.type = 1 AND " CHANGED,
	[STMT_AFFECTED_COUNTRY_ROUTES] =
	    "INSERT OR IGNORE INTO temp.affected(type, ref)"
	    " SELECT 4, r.id FROM temp.touched d"
	    " JOIN routes r ON r.country = d.key"
	    " WHERE d.type = 0 AND " CHANGED,
	[STMT_AFFECTED_COUNT] = "SELECT count(*) FROM temp.affected",
	[STMT_AFFECTED_LIST] = "SELECT type, ref FROM temp.affected",
	[STMT_ENTRY_FIND] =
	    "SELECT rowid, text, name FROM search_entry"
	    " WHERE ref = ?1 AND type = ?2",
	[STMT_ENTRY_DELETE] = "DELETE FROM search_entry WHERE rowid = ?1",
	[STMT_WORD_DELETE] =
	    "INSERT INTO search_word(search_word, rowid, text)"
	    " VALUES ('delete', ?1, ?2)",
	[STMT_TRI_DELETE] =
	    "INSERT INTO search_tri(search_tri, rowid, text)"
	    " VALUES ('delete', ?1, ?2)",
	[STMT_NAME_DELETE] =
	    "INSERT INTO search_name(search_name, rowid, name)"
	    " VALUES ('delete', ?1, ?2)",
	[STMT_WORD_INSERT] =
	    "INSERT INTO search_word(rowid, text) VALUES (?1, ?2)",
	[STMT_TRI_INSERT] =
	    "INSERT INTO search_tri(rowid, text) VALUES (?1, ?2)",
	[STMT_NAME_INSERT] =
	    "INSERT INTO search_name(rowid, name) VALUES (?1, ?2)",
	[STMT_ENTRY_SOURCE_AUTHORITY] = SRC_AUTH " WHERE a.id = ?1",
	[STMT_ENTRY_SOURCE_CONTACT] = SRC_CONTACT " WHERE t.id = ?1",
	[STMT_ENTRY_SOURCE_ROUTE] = SRC_ROUTE " WHERE r.id = ?1",
	[STMT_ENTRY_PREV] =
	    "SELECT rowid FROM search_entry"
	    " WHERE (sort_key, type, ref) < (?1, ?2, ?3)"
	    " ORDER BY sort_key DESC, type DESC, ref DESC LIMIT 1",
	[STMT_ENTRY_NEXT] =
	    "SELECT rowid FROM search_entry"
	    " WHERE (sort_key, type, ref) > (?1, ?2, ?3)"
	    " ORDER BY sort_key, type, ref LIMIT 1",
	[STMT_ENTRY_INSERT] =
	    "INSERT INTO search_entry(rowid, " ENTRY_COLS ")"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14)",
	/* The entries after ?1 in name order, to spread when room runs out. */
	[STMT_ENTRY_WINDOW] =
	    "SELECT rowid, text, name FROM search_entry WHERE rowid > ?1"
	    " ORDER BY rowid LIMIT ?2",
	[STMT_ENTRY_MOVE] = "UPDATE search_entry SET rowid = ?2 WHERE rowid = ?1",
	/*
	 * The vocabulary (search-vocab.c): terms of 3 or more characters
	 * with one that is not a digit (vocab_keeps).
	 */
	[STMT_TERM_CLEAR] = "DELETE FROM search_term",
	[STMT_TERM_FILL] = "INSERT INTO search_term(term)"
	    " SELECT term FROM search_word_terms WHERE length(term) >= 3"
	    " AND term GLOB '*[^0-9]*'",
	[STMT_TERM_TRI_REBUILD] =
	    "INSERT INTO search_term_tri(search_term_tri) VALUES ('rebuild')",
	[STMT_TERM_ADD] = "INSERT OR IGNORE INTO search_term(term) VALUES (?1)",
	[STMT_TERM_TRI_ADD] =
	    "INSERT INTO search_term_tri(rowid, term) VALUES (?1, ?2)",
	/* The FTS5 API, for its tokenizer: ?1 a pointer it fills. */
	[STMT_FTS5_API] = "SELECT fts5(?1)",

	/* One read transaction around the statements of a search. */
	[STMT_READ_BEGIN] = "BEGIN",
	[STMT_READ_END] = "COMMIT",
	/* Search queries: ?1 the folded query, ?7 bound or MATCH text. */
	[STMT_FIND_EXACT] = FIND_COLS " FROM search_entry e"
	    " WHERE e.sort_key = ?1" FILTERS
	    " ORDER BY e.sort_key, e.type, e.ref",
	[STMT_FIND_ACRONYM] = FIND_COLS " FROM search_entry e"
	    " WHERE e.acronym = ?1 AND e.sort_key <> ?1" FILTERS
	    " ORDER BY e.rowid",
	[STMT_FIND_PREFIX] = FIND_COLS " FROM search_entry e"
	    " WHERE e.sort_key > ?1 AND e.sort_key < ?7" FILTERS
	    " ORDER BY e.sort_key, e.type, e.ref",
	[STMT_FIND_TRI] = FIND_COLS " FROM search_tri"
	    " JOIN search_entry e ON e.rowid = search_tri.rowid"
	    " WHERE search_tri MATCH ?7" FILTERS " ORDER BY search_tri.rowid",
	[STMT_FIND_WORD] = FIND_COLS " FROM search_word"
	    " JOIN search_entry e ON e.rowid = search_word.rowid"
	    " WHERE search_word MATCH ?7" FILTERS " ORDER BY search_word.rowid",
	[STMT_FIND_NAME] = FIND_COLS " FROM search_name"
	    " JOIN search_entry e ON e.rowid = search_name.rowid"
	    " WHERE search_name MATCH ?7" FILTERS " ORDER BY search_name.rowid",
	/* Terms holding ?2, ?1 its trigrams; terms in [?1, ?2); ?3 at most. */
	[STMT_TERM_CONTAINS] = "SELECT t.term FROM search_term_tri"
	    " JOIN search_term t ON t.id = search_term_tri.rowid"
	    " WHERE search_term_tri MATCH ?1 AND instr(t.term, ?2) > 0"
	    " LIMIT ?3",
	[STMT_TERM_PREFIX] = "SELECT term FROM search_term"
	    " WHERE term >= ?1 AND term < ?2 LIMIT ?3",
	/*
	 * A contact hit's authority ?1, its name and acronym, and a hit's
	 * country ?2 name (the rest is in its entry); one row, NULLs for
	 * what is not there.
	 */
	[STMT_HIT_NAMES] = "SELECT a.name, a.acronym,"
	    " (SELECT name FROM countries WHERE code = ?2)"
	    " FROM (SELECT 1) LEFT JOIN authorities a ON a.id = ?1",

	/* No record at all: the first sync writes without WAL (apply.c). */
	[STMT_CACHE_EMPTY] = "SELECT NOT EXISTS (SELECT 1 FROM countries)"
	    " AND NOT EXISTS (SELECT 1 FROM authorities)"
	    " AND NOT EXISTS (SELECT 1 FROM contacts)"
	    " AND NOT EXISTS (SELECT 1 FROM newsletters)",
};

/* Run with sqlite3_exec when a snapshot starts (apply.c). */
const char stmt_snapshot_sql[] =
    "INSERT OR IGNORE INTO temp.touched(type, key, oldhash)"
    " SELECT 0, code, hash FROM countries;"
    "INSERT OR IGNORE INTO temp.touched(type, key, oldhash)"
    " SELECT 1, id, hash FROM authorities;"
    "INSERT OR IGNORE INTO temp.touched(type, key, oldhash)"
    " SELECT 2, id, hash FROM contacts;"
    "INSERT OR IGNORE INTO temp.touched(type, key, oldhash)"
    " SELECT 3, id, hash FROM newsletters;"
    "INSERT OR IGNORE INTO temp.touched(type, key, oldhash)"
    " SELECT 4, id, hash FROM routes;"
    "DELETE FROM route_from_countries;"
    "DELETE FROM route_languages;"
    "DELETE FROM route_requirements;"
    "DELETE FROM route_legal_basis;"
    "DELETE FROM routes;"
    "DELETE FROM contact_languages;"
    "DELETE FROM contacts;"
    "DELETE FROM authority_languages;"
    "DELETE FROM authority_expertise;"
    "DELETE FROM authority_designations;"
    "DELETE FROM authorities;"
    "DELETE FROM countries;"
    "DELETE FROM newsletters;";

/*
 * The counts the lists and the status line show, recounted in the
 * transaction of an apply that changed something (schema steps 3 and 10
 * have the same text to fill them in an older cache). A country's routes
 * are those that can be taken: a record that says a measure is not
 * possible there is not one, as on its measures (present-route.c).
 */
const char stmt_stats_sql[] =
    "DELETE FROM country_stats;"
    "INSERT INTO country_stats(code, authorities, contacts, routes)"
    " SELECT c.code,"
    " (SELECT count(*) FROM authorities a WHERE a.country = c.code),"
    " (SELECT count(*) FROM authorities a JOIN contacts t"
    " ON t.authority = a.id WHERE a.country = c.code),"
    " (SELECT count(*) FROM routes r WHERE r.country = c.code"
    " AND r.not_possible IS NULL)"
    " FROM countries c;"
    "INSERT OR REPLACE INTO totals(one, countries, authorities, contacts,"
    " newsletters) VALUES (1, (SELECT count(*) FROM countries),"
    " (SELECT count(*) FROM authorities), (SELECT count(*) FROM contacts),"
    " (SELECT count(*) FROM newsletters));";

/*
 * Run at the commit of a snapshot (apply.c): its records are not touched
 * one by one (every old key is already in temp.touched, and the tables
 * were empty), so every key now present is added here, with no old hash
 * unless it was there before.
 */
const char stmt_snapshot_end_sql[] =
    "INSERT OR IGNORE INTO temp.touched(type, key) SELECT 0, code"
    " FROM countries;"
    "INSERT OR IGNORE INTO temp.touched(type, key) SELECT 1, id"
    " FROM authorities;"
    "INSERT OR IGNORE INTO temp.touched(type, key) SELECT 2, id"
    " FROM contacts;"
    "INSERT OR IGNORE INTO temp.touched(type, key) SELECT 3, id"
    " FROM newsletters;"
    "INSERT OR IGNORE INTO temp.touched(type, key) SELECT 4, id"
    " FROM routes;";

/*
 * search_entry's indexes, dropped while search_rebuild fills the table
 * and builds the FTS indexes, and made again after (search-index.c).
 * The same definitions as schema step 2.
 */
const char stmt_entry_index_drop_sql[] =
    "DROP INDEX search_entry_key;"
    "DROP INDEX search_entry_ref;"
    "DROP INDEX search_entry_acronym;";
const char stmt_entry_index_sql[] =
    "CREATE INDEX search_entry_key ON search_entry(sort_key, type, ref);"
    "CREATE INDEX search_entry_ref ON search_entry(ref, type);"
    "CREATE INDEX search_entry_acronym ON search_entry(acronym)"
    " WHERE acronym IS NOT NULL;";

/* Temporary tables of a writing connection (open.c). */
const char stmt_temp_sql[] =
    "CREATE TEMP TABLE IF NOT EXISTS touched (type INTEGER NOT NULL,"
    " key TEXT NOT NULL, oldhash INTEGER, newhash INTEGER,"
    " PRIMARY KEY (type, key)) WITHOUT ROWID;"
    "CREATE TEMP TABLE IF NOT EXISTS affected (type INTEGER NOT NULL,"
    " ref TEXT NOT NULL, PRIMARY KEY (type, ref)) WITHOUT ROWID;"
    "CREATE TEMP TABLE IF NOT EXISTS old_rows (type INTEGER NOT NULL,"
    " key TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (type, key))"
    " WITHOUT ROWID;";

const enum stmt_id stmt_all_rows[REC_NDATA] = {
	STMT_SUM_COUNTRIES, STMT_SUM_AUTHORITIES, STMT_SUM_CONTACTS,
	STMT_SUM_NEWSLETTERS, STMT_SUM_ROUTES
};

char *
stmt_column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char	*s = sqlite3_column_text(st, col);

	return s != NULL ? xstrdup((const char *)s) : NULL;
}

sqlite3_stmt *
stmt_get(struct cache *c, enum stmt_id id)
{
	sqlite3_stmt	*st = NULL;

	if ((unsigned)id >= STMT_COUNT || stmt_sql[id] == NULL)
		return NULL;
	if (c->stmt[id] != NULL && !c->stmt_busy[id]) {
		c->stmt_busy[id] = 1;
		return c->stmt[id];
	}
	if (c->stmt[id] == NULL) {
		if (sqlite3_prepare_v3(c->db, stmt_sql[id], -1,
		    SQLITE_PREPARE_PERSISTENT, &c->stmt[id], NULL) != SQLITE_OK)
			return NULL;
		c->stmt_busy[id] = 1;
		return c->stmt[id];
	}
	/* In use further up the stack: a private copy. */
	if (sqlite3_prepare_v2(c->db, stmt_sql[id], -1, &st, NULL) != SQLITE_OK)
		return NULL;
	return st;
}

void
stmt_put(struct cache *c, enum stmt_id id, sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	if ((unsigned)id < STMT_COUNT && st == c->stmt[id]) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		c->stmt_busy[id] = 0;
	} else
		sqlite3_finalize(st);
}

void
stmt_finalize_all(struct cache *c)
{
	size_t	i;

	for (i = 0; i < STMT_COUNT; i++) {
		sqlite3_finalize(c->stmt[i]);
		c->stmt[i] = NULL;
		c->stmt_busy[i] = 0;
	}
}

int
stmt_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

int
stmt_run_text(struct cache *c, enum stmt_id id, const char *s)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = stmt_get(c, id)) == NULL)
		return sqlite3_errcode(c->db) != SQLITE_OK ?
		    sqlite3_errcode(c->db) : SQLITE_ERROR;
	if (s != NULL && (rc = stmt_bind_text(st, 1, s)) != SQLITE_OK) {
		stmt_put(c, id, st);
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	stmt_put(c, id, st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int
stmt_run(struct cache *c, enum stmt_id id)
{
	return stmt_run_text(c, id, NULL);
}

/* Runs id (no parameters) and puts its first column's integer in *n. */
int
stmt_int64(struct cache *c, enum stmt_id id, int64_t *n)
{
	sqlite3_stmt	*st;
	int		 rc;

	*n = 0;
	if ((st = stmt_get(c, id)) == NULL)
		return sqlite3_errcode(c->db) != SQLITE_OK ?
		    sqlite3_errcode(c->db) : SQLITE_ERROR;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*n = (int64_t)sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	/* Reset at once: no read transaction stays open after it. */
	stmt_put(c, id, st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
