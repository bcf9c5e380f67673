/*
 * common.h: the small helpers every part of globe shares: memory that
 * aborts in one place, a growable buffer, UTF-8 decoding and display
 * width, search folding, the terminal's charset and the sanitizer, paths,
 * small files and locks, the record model of the feed (one field table
 * that the parser, the cache and every output format read, so they
 * cannot disagree on a field name) and the vocabularies of its codes.
 */
#ifndef GLOBE_COMMON_H
#define GLOBE_COMMON_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#if defined(__GNUC__)
#define GLOBE_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define GLOBE_PRINTF(a, b)
#endif

/* xmalloc.c: out of memory prints one line and aborts; nothing else does. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Returns a new string the caller frees. */
char	*xasprintf(const char *, ...) GLOBE_PRINTF(1, 2);
char	*xvasprintf(const char *, va_list) GLOBE_PRINTF(1, 0);

/* buf.c: a growable byte buffer, always NUL-terminated after its data. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};
void	 buf_init(struct buf *);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc(struct buf *, char);
void	 buf_addf(struct buf *, const char *, ...) GLOBE_PRINTF(2, 3);
/*
 * Appends text and a newline, each line of it after the first indented
 * by indent spaces: the help of an option under its column in --help.
 * With width > 0, a line that would pass width display columns (the
 * first line's start counted as indent too) breaks at a space; a word
 * wider than the room stays whole.
 */
void	 buf_add_indented(struct buf *, const char *text, int indent,
	    int width);
/* Returns the data (caller frees) and leaves the buffer empty. */
char	*buf_detach(struct buf *);

/* wrap.c */
/*
 * Breaks one line of text (len bytes, no newline) into lines of at most
 * width display columns, appended to *lines (each and the array: caller
 * frees): at a space, which goes; before or after a wide (CJK) character,
 * its punctuation included; never before a closing mark or after an
 * opening one. A word wider than width is cut at width when cut is set,
 * else kept whole on a line of its own.
 */
void	 text_wrap_line(const char *s, size_t len, int width, int cut,
	    char ***lines, size_t *n);

/* utf8.c */
/*
 * Decodes one code point from s (at most len bytes). Returns the number of
 * bytes used (1-4), or -1 for an invalid, overlong, surrogate or truncated
 * sequence (then *cp is U+FFFD and one byte should be skipped).
 */
int	 utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (4 bytes room); returns the length. */
int	 utf8_encode(uint32_t cp, char *out);
/* 1 if s[0..len) is valid UTF-8 with no NUL. */
int	 utf8_valid(const char *s, size_t len);
/* Characters in s[0..len): bytes that are not UTF-8 continuation bytes. */
size_t	 utf8_chars(const char *s, size_t len);
/* Display width of one code point: 0 (combining, format), 1, or 2 (wide). */
int	 uc_width(uint32_t cp);
/* Display width of a UTF-8 string; invalid bytes count 1 each. */
size_t	 utf8_width(const char *s);
/*
 * The length in bytes and width of the cluster at s (NUL-terminated): one
 * character and the zero-width characters (combining marks) after it. An
 * invalid byte is a cluster of its own, of width 1 (*bad is set).
 */
size_t	 utf8_cluster(const char *s, int *width, int *bad);
/*
 * Copies s into a new string that takes exactly width columns: cut with
 * "…" when longer, padded with spaces when shorter (on the right, or on
 * the left when right_align). Never splits a character or a combining
 * sequence. Caller frees.
 */
char	*utf8_fit(const char *s, int width, int right_align);
/* 1 for Han, Hiragana, Katakana, Hangul syllables and other scripts written without spaces. */
int	 uc_is_cjk(uint32_t cp);

/*
 * ASCII letters and digits, whatever the locale: under a Latin-1 locale
 * isalnum() takes 0xE9 (é), which must never pass into a token, a URL or
 * an id.
 */
static inline int
ascii_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* fold.c */
/*
 * Folds text for search: lower case, diacritics removed, and the letters
 * SQLite's unicode61 misses (ł→l ø→o ß→ss æ→ae đ→d ı→i þ→th, Greek
 * accents and final sigma, …). Invalid UTF-8 bytes are dropped. The indexed
 * text and the query are folded by this same function. Caller frees.
 */
char	*fold_text(const char *s);

/* suggest.c: "did you mean …?", the same way for every name typed. */
/*
 * Edits between a and b: insertions, deletions, substitutions and swaps
 * of two neighbours, counted in characters (optimal string alignment).
 */
size_t	 suggest_distance(const char *a, const char *b);
/* The most edits a suggestion for word may be away: 1, 2 or 3 by length. */
size_t	 suggest_threshold(const char *word);
/*
 * The candidates closest to word: the indexes of those at the smallest
 * distance within suggest_threshold (a candidate that word of three or
 * more characters begins counts as one edit away), in their order, at
 * most max of them. Returns how many; 0 when nothing is close. NULL
 * candidates are skipped. Callers fold both sides when case and accents
 * should not count.
 */
size_t	 suggest_closest(const char *word, const char *const *cands,
	    size_t n, size_t *out, size_t max);
/*
 * Appends the n items as one list in the user's language, each between
 * the user's quotes if quoted: "'a', 'b' or 'c'" for alternatives, else
 * "a, b, c". The joining words are translated here, never by the caller.
 */
void	 suggest_join(struct buf *, const char *const *items, size_t n,
	    int quoted, int alternatives);
/* Appends "did you mean 'a' or 'b'?", translated; nothing for no items. */
void	 suggest_question(struct buf *, const char *const *items, size_t n,
	    int quoted);

/* charset.c: what the terminal can show (UTF-8, or ASCII only). */
/* The symbols globe writes of its own; each has an ASCII stand-in. */
enum glyph {
	GLYPH_CRUMB,		/* › between the parts of a breadcrumb (>) */
	GLYPH_DOT,		/* · between the items of a line (-) */
	GLYPH_ELLIPSIS,		/* … where text is cut (...) */
	GLYPH_STAR,		/* ★ a starred entry (*) */
	GLYPH_BULLET,		/* • an unread newsletter (*) */
	GLYPH_REPLACEMENT,	/* U+FFFD for invalid UTF-8 (?) */
	GLYPH_MAX
};
/*
 * Chooses UTF-8 or ASCII from the codeset of the current locale
 * (nl_langinfo(CODESET)); call once, after setlocale. Before it, UTF-8.
 */
void	 charset_init(void);
/* Forces the choice (tests). */
void	 charset_set_utf8(int);
/* 1 when the terminal is taken to be UTF-8. */
int	 charset_utf8(void);
/* A glyph as the terminal can show it (borrowed, static). */
const char *charset_glyph(enum glyph);
/*
 * Appends cp as the terminal can show it: itself under UTF-8; else ASCII
 * as it is, a letter transliterated with its case kept (ł→l Ø→O ß→ss
 * Æ→AE, accents dropped), or one "?" (nothing for a zero-width mark).
 */
void	 charset_put(struct buf *, uint32_t cp);

/*
 * sanitize.c: every string from a feed passes here before a terminal;
 * its output stage writes what the terminal's charset can show.
 */
enum sanitize_mode {
	SANITIZE_LINE,	/* one line: tab and newline become a space */
	SANITIZE_TEXT,	/* a body: newlines kept, tab becomes spaces */
	SANITIZE_IDENT	/* an e-mail, phone, web address or id: as LINE, and
			   ZWJ/ZWNJ are shown too (no script needs them) */
};
/*
 * Returns a copy of s safe to print: C0 controls, DEL and C1 controls
 * become visible symbols (U+2400 block, U+FFFD); bidi overrides,
 * embeddings and isolates are dropped; invalid UTF-8 becomes U+FFFD;
 * invisible characters (zero-width space, word joiner, BOM, soft hyphen,
 * tags, interlinear annotation) are shown as "<U+200B>", so
 * "ana\u200b@example.org" cannot pass for "ana@example.org". Only ZWJ
 * and ZWNJ, which Arabic, Persian and Indic names need, are kept, except
 * in SANITIZE_IDENT.
 * When the terminal is not UTF-8 (charset.c) the result is ASCII, each
 * other character written by charset_put. Caller frees. s may be NULL
 * (returns "").
 */
char	*sanitize(const char *s, enum sanitize_mode);
/*
 * The same for a data format (JSON, CSV, vCard): always UTF-8, whatever
 * the terminal's charset. Caller frees.
 */
char	*sanitize_data(const char *s, enum sanitize_mode);
/* 1 if sanitize() would return s unchanged. */
int	 sanitize_is_clean(const char *s, enum sanitize_mode);

/* paths.c */
/* $XDG_DATA_HOME/globe or ~/.local/share/globe. Caller frees. */
char	*path_data_dir(void);
/* $XDG_CONFIG_HOME/globe or ~/.config/globe. Caller frees. */
char	*path_config_dir(void);
/*
 * path as a person would write it: "~/.config/globe/config" when it lies
 * under the home directory, else unchanged. For messages; caller frees.
 */
char	*path_tilde(const char *path);
/* mkdir -p with mode for every created level; 0 or -1 with errno. */
int	 path_mkdir_p(const char *path, mode_t mode);
/*
 * path_mkdir_p(path, 0700), and an existing directory of the user's that
 * others may enter is made 0700: 1 when it was so tightened, 0, or -1
 * with errno.
 */
int	 path_private_dir(const char *path);
#define PATH_SECRET	0x1	/* path_check_file: readable by the user alone */
/*
 * Checks a file globe is about to read that decides what it trusts (the
 * config, a public key, a CA) or holds a secret (PATH_SECRET: a client
 * key): a regular file (a FIFO or device would block the read), owned by
 * the user or root, writable by nobody else (group-writable only for the
 * user's own group), and with PATH_SECRET readable by nobody else.
 * Follows symbolic links. 0, or -1 with errno (ENOENT and the like from
 * stat) and *why, a phrase such as "writable by others (mode 0666)" that
 * the caller frees.
 */
int	 path_check_file(const char *path, int flags, char **why);
/* The directory part of path (caller frees). */
char	*path_dirname(const char *path);

/*
 * file.c: the small files globe reads and writes itself, and the lock
 * that keeps two writers out of one directory. One of each for every
 * part of globe and globe-publish.
 */
/*
 * 1 if the running program's executable lies in dir (make's build
 * directory, say) rather than being an installed copy: then the data make
 * built beside it (the demo feed, the catalogues) is the one to read.
 */
int	 path_self_in(const char *dir);
#define FILE_SMALL_MAX	(1024 * 1024)	/* the config, a key file, an index */
/*
 * Reads a whole regular file of at most max bytes, NUL-terminated (*len,
 * which may be NULL, gets its length). A FIFO, device or directory is
 * refused at once (EINVAL), never waited on; a longer file is EFBIG.
 * Caller frees; NULL with errno.
 */
char	*file_read_small(const char *path, size_t max, size_t *len);
#define FILE_UMASK	0x1	/* the mode less the umask (a file others serve) */
#define FILE_NEW	0x2	/* create path; never replace one (EEXIST) */
/*
 * Writes data to path whole or not at all: a temporary file beside it,
 * created with exactly mode (less the umask with FILE_UMASK, which reads
 * the umask: not for threaded callers), written, fsynced and renamed over
 * path, then the directory fsynced, so a crash, a full disk or a killed
 * process leaves the old file or the new one. With FILE_NEW, path itself
 * is created (O_EXCL, never through a symbolic link) and removed if the
 * write fails. 0, or -1 with errno.
 */
int	 file_write_atomic(const char *path, const void *data, size_t len,
	    mode_t mode, int flags);
/*
 * The first half of file_write_atomic, for files renamed into place
 * together: the fsynced temporary file beside path (its name returned,
 * caller renames and frees), or NULL with errno and nothing left.
 */
char	*file_write_temp(const char *path, const void *data, size_t len,
	    mode_t mode, int flags);
/*
 * Creates a new temporary file named prefix and six random characters,
 * with mode as file_write_atomic gives it, for a caller that streams into
 * it: its descriptor, *tmp its name (caller frees); -1 with errno.
 */
int	 file_temp_open(const char *prefix, mode_t mode, int flags, char **tmp);
/* fsyncs a directory, so the renames in it last: 0, or -1 with errno. */
int	 file_sync_dir(const char *dir);
/*
 * Before tmp is renamed over old: gives tmp a modification time at least
 * one second after old's, when old exists. Web servers derive ETag and
 * Last-Modified from the modification time in whole seconds (and the
 * size), so a file replaced within the same second by one of the same
 * size would be answered 304 Not Modified to a client or cache holding
 * the old one. An old file dated more than FILE_MTIME_AHEAD_MAX seconds
 * ahead of the clock is not followed (tmp keeps its own time). 0, or -1
 * with errno.
 */
#define FILE_MTIME_AHEAD_MAX	86400
int	 file_mtime_after(const char *tmp, const char *old);
/*
 * Locks the directory dir against every other file_lock of it (flock,
 * exclusive, without waiting), so no lock file is left behind: the
 * descriptor holding the lock until it is closed, or -1 with errno
 * (EWOULDBLOCK: another holds it).
 */
int	 file_lock(const char *dir);

/* record.c: the record model of feed format v1. */
enum record_type {
	REC_COUNTRY,
	REC_AUTHORITY,
	REC_CONTACT,
	REC_NEWSLETTER,
	REC_ROUTE,
	REC_DELETE,
	REC_NTYPES
};
#define REC_NDATA 5		/* the five stored types: country … route */

enum record_kind {
	RF_STRING,
	RF_LIST			/* an array of strings */
};
#define RF_REQUIRED	0x1
#define RF_MULTILINE	0x2	/* plain text that keeps its newlines (body) */
#define RF_IDENT	0x4	/* an id, e-mail, phone or address: SANITIZE_IDENT */

struct record_field {
	const char		*name;	/* the JSON key and the cache column */
	enum record_kind	 kind;
	int			 flags;
};

struct record_type_info {
	const char			*name;	/* "country", "authority", … */
	const struct record_field	*fields;
	size_t				 nfields;
	const char			*key;	/* "code" or "id" */
};

/* Field indexes, in the order of the tables in record.c. */
enum { COUNTRY_CODE, COUNTRY_NAME, COUNTRY_REGION, COUNTRY_NFIELDS };
enum {
	AUTH_ID, AUTH_COUNTRY, AUTH_NAME, AUTH_NAME_EN, AUTH_ACRONYM, AUTH_KIND,
	AUTH_WEBSITE, AUTH_ADDRESS, AUTH_PHONE, AUTH_EMAIL, AUTH_LANGUAGES,
	AUTH_EXPERTISE, AUTH_DESIGNATIONS, AUTH_JOINED, AUTH_VERIFIED,
	AUTH_SOURCE, AUTH_NOTES, AUTH_NFIELDS
};
enum {
	CONTACT_ID, CONTACT_AUTHORITY, CONTACT_NAME, CONTACT_TITLE,
	CONTACT_ROLE, CONTACT_EMAIL, CONTACT_PHONE, CONTACT_MOBILE,
	CONTACT_LANGUAGES, CONTACT_TIMEZONE, CONTACT_HOURS, CONTACT_VERIFIED,
	CONTACT_NFIELDS
};
enum {
	NEWS_ID, NEWS_ISSUE, NEWS_PUBLISHED, NEWS_LANG, NEWS_TITLE,
	NEWS_SUMMARY, NEWS_BODY, NEWS_URL, NEWS_NFIELDS
};
enum {
	ROUTE_ID, ROUTE_COUNTRY, ROUTE_MEASURE, ROUTE_AUTHORITY, ROUTE_CONTACT,
	ROUTE_CHANNEL, ROUTE_FORMALITY, ROUTE_URGENCY, ROUTE_STAGE,
	ROUTE_FROM_COUNTRIES, ROUTE_LANGUAGES, ROUTE_REQUIREMENTS,
	ROUTE_REQUIREMENTS_TEXT, ROUTE_LEGAL_BASIS, ROUTE_HOURS,
	ROUTE_TIMEZONE, ROUTE_RANK, ROUTE_NOT_POSSIBLE, ROUTE_ALTERNATIVE,
	ROUTE_VERIFIED, ROUTE_SOURCE, ROUTE_NOTES, ROUTE_NFIELDS
};
enum { DELETE_OF, DELETE_ID, DELETE_NFIELDS };
#define RECORD_MAX_FIELDS 22

struct record_value {
	char	 *s;		/* RF_STRING: NULL when absent */
	char	**list;		/* RF_LIST: NULL when absent */
	size_t	  n;		/* RF_LIST: number of items */
};

struct record {
	enum record_type	 type;
	struct record_value	 v[RECORD_MAX_FIELDS];
};

extern const struct record_type_info record_types[REC_NTYPES];

/* The type named name, or -1. */
int	 record_type_from_name(const char *name);
/* The index of field name in type, or -1. */
int	 record_field_index(enum record_type, const char *name);
/* The record's key (code or id); borrowed. */
const char *record_key(const struct record *);
/* Frees what the record's values own and zeroes them. */
void	 record_clear(struct record *);
/* Sets a string field (copies s; NULL clears). */
void	 record_set(struct record *, int field, const char *s);
/* Appends an item to a list field (copies s). */
void	 record_list_add(struct record *, int field, const char *s);

/*
 * A field that names another record: the record's field must be the key
 * of a record of type target once a change set is applied (the cache
 * checks at commit, globe-publish over its source). NULL fields name
 * nothing.
 */
struct record_ref {
	enum record_type	 type;
	int			 field;
	enum record_type	 target;
};
extern const struct record_ref record_refs[];
extern const size_t record_nrefs;
/*
 * Whether s is a decimal as a route's rank is written: digits, at most
 * one '.' with digits on both sides, an optional leading '-'.
 */
int	 record_decimal_valid(const char *s);
/*
 * Compares two decimals (record_decimal_valid) by value, whatever the
 * locale: <0, 0, >0. "1.50" equals "1.5".
 */
int	 record_decimal_cmp(const char *a, const char *b);

/* vocab.c, vocab-lang.c: what the feed's codes mean. */
enum vocab {
	VOCAB_DESIGNATION,	/* authority designations: mla-central … */
	VOCAB_KIND,		/* kinds of authority: police … */
	VOCAB_ROLE,		/* contact roles: focal-point … */
	VOCAB_EXPERTISE,	/* asset-recovery … */
	VOCAB_LANGUAGE,		/* ISO 639-1: pt … */
	VOCAB_MEASURE,		/* a route's measure: asset-tracing … */
	VOCAB_CHANNEL,		/* a route's channel: direct … */
	VOCAB_FORMALITY,	/* informal, formal */
	VOCAB_URGENCY,		/* any, urgent, normal */
	VOCAB_STAGE,		/* any, intelligence … enforcement */
	VOCAB_REQUIREMENT,	/* dual-criminality … */
	VOCAB_LEGAL_BASIS,	/* uncac-46 … */
	VOCAB_LANG_CONDITION,	/* urgent-only, reciprocity: "%s only if urgent" */
	VOCAB_COUNT
};
/* One code: its English label and a brief form for list columns (N_()). */
struct vocab_code {
	const char	*code;
	const char	*label;
	const char	*brief;		/* or NULL: the label */
};
/* The table of a vocabulary, in its order (languages: by code); *n entries. */
const struct vocab_code *vocab_table(enum vocab, size_t *n);
/* vocab-lang.c: the ISO 639-1 names, sorted by code. */
const struct vocab_code *vocab_lang_table(size_t *n);
/* The entry of code, or NULL when the vocabulary does not know it. */
const struct vocab_code *vocab_find(enum vocab, const char *code);
/* The English label of code, untranslated; code itself when unknown. */
const char *vocab_label_en(enum vocab, const char *code);
/* The vocabulary named "measure", "channel" …, or -1. */
int	 vocab_from_name(const char *name);

/* Exit codes of globe and globe-publish (documented in docs/globe.1). */
enum {
	EXIT_OK = 0,
	EXIT_ERROR = 1,
	EXIT_NOMATCH = 1,	/* a search found nothing (as grep) */
	EXIT_USAGE = 2,
	EXIT_NETWORK = 3,
	EXIT_FEED = 4,
	EXIT_CACHE = 5
};

#endif
