/*
 * test-common.c: unit tests of common/: search folding, display width and
 * fitting, the terminal sanitizer, strict UTF-8, paths, small files
 * (capped reads, atomic writes, the directory lock), the buffer, and the
 * record table.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/common.h"
#include "tests/unit/harness.h"

#define CHECK_FOLD(in, want) do {					\
	char *f_ = fold_text(in);					\
	CHECK_STR(f_, want, "fold \"%s\"", in);				\
	free(f_);							\
} while (0)

#define CHECK_FIT(in, w, ra, want) do {					\
	char *f_ = utf8_fit(in, w, ra);					\
	CHECK_STR(f_, want, "fit \"%s\" into %d%s", in, w,		\
	    ra ? " right-aligned" : "");				\
	CHECK_INT((long long)utf8_width(f_), (w) > 0 ? (w) : 0,		\
	    "fit \"%s\" into %d takes exactly %d columns", in, w, w);	\
	free(f_);							\
} while (0)

#define CHECK_SAN(in, mode, want, what) do {				\
	char *s_ = sanitize(in, mode);					\
	CHECK_STR(s_, want, "sanitize: %s", what);			\
	free(s_);							\
} while (0)

static void
test_fold(void)
{
	char	*a, *b;

	CHECK_FOLD("Wałęsa", "walesa");
	CHECK_FOLD("Søren", "soren");
	CHECK_FOLD("Straße", "strasse");
	CHECK_FOLD("STRASSE", "strasse");
	CHECK_FOLD("Γιώργος", "γιωργοσ");
	CHECK_FOLD("γιωργος", "γιωργοσ");
	CHECK_FOLD("ΐ ώ Ά", "ι ω α");
	CHECK_FOLD("José", "jose");
	CHECK_FOLD("São Paulo", "sao paulo");
	CHECK_FOLD("ÆSIR", "aesir");
	CHECK_FOLD("Œuvre", "oeuvre");
	CHECK_FOLD("Đorđe", "dorde");
	CHECK_FOLD("Işıl", "isil");
	CHECK_FOLD("İstanbul", "istanbul");
	CHECK_FOLD("Þór", "thor");
	CHECK_FOLD("Ðóra Ħal", "dora hal");
	CHECK_FOLD("ИВАН Ёлкин", "иван елкин");
	/* Arabic: the harakat go, the letters stay. */
	CHECK_FOLD("مُحَمَّد", "محمد");
	/* Hebrew points go too. */
	CHECK_FOLD("שָׁלוֹם", "שלום");
	CHECK_FOLD("王秀英", "王秀英");
	CHECK_FOLD("김민준", "김민준");
	CHECK_FOLD("ガイド", "ガイド");
	CHECK_FOLD("ＡＢＣ１２", "abc12");
	CHECK_FOLD("ﬁle", "file");
	CHECK_FOLD("e\xcc\x81", "e");
	CHECK_FOLD("a\xff" "b\xc3", "ab");
	CHECK_FOLD("a\xc0\x80z", "az");
	CHECK_FOLD("", "");
	CHECK_FOLD("Mixed CASE 123 !?", "mixed case 123 !?");
	a = fold_text(NULL);
	CHECK_STR(a, "", "fold NULL gives \"\"");
	free(a);
	/* Folding is stable: folding folded text changes nothing. */
	a = fold_text("Ǽ ǿ ẞ Ŀ ﬀ ℌ ① ㈎ Ω Å");
	b = fold_text(a);
	CHECK_STR(b, a, "fold is idempotent on compatibility forms");
	CHECK_STR(a, "ae o ss l ff h 1 (가) ω a", "compatibility forms fold");
	free(a);
	free(b);
}

static void
test_utf8(void)
{
	uint32_t	cp;
	char		enc[4];
	int		n;

	CHECK_INT(utf8_decode("\xc3\xa9", 2, &cp), 2, "decode é length");
	CHECK_INT(cp, 0xE9, "decode é code point");
	CHECK_INT(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4, "decode emoji");
	CHECK_INT(cp, 0x1F600, "decode emoji code point");
	CHECK_INT(utf8_decode("\xc0\x80", 2, &cp), -1, "overlong C0 80 rejected");
	CHECK_INT(cp, 0xFFFD, "rejected gives U+FFFD");
	CHECK_INT(utf8_decode("\xe0\x80\xaf", 3, &cp), -1,
	    "overlong 3-byte rejected");
	CHECK_INT(utf8_decode("\xed\xa0\x80", 3, &cp), -1,
	    "surrogate ED A0 80 rejected");
	CHECK_INT(utf8_decode("\xf4\x90\x80\x80", 4, &cp), -1,
	    "U+110000 rejected");
	CHECK_INT(utf8_decode("\xf4\x8f\xbf\xbf", 4, &cp), 4, "U+10FFFF accepted");
	CHECK_INT(utf8_decode("\xe4\xb8", 2, &cp), -1, "truncated rejected");
	CHECK_INT(utf8_decode("\x80", 1, &cp), -1, "lone continuation rejected");
	n = utf8_encode(0x20AC, enc);
	CHECK(n == 3 && memcmp(enc, "\xe2\x82\xac", 3) == 0, "encode €");
	n = utf8_encode(0x10348, enc);
	CHECK(n == 4 && memcmp(enc, "\xf0\x90\x8d\x88", 4) == 0, "encode U+10348");
	CHECK_INT(utf8_valid("Søren 王", strlen("Søren 王")), 1, "valid text");
	CHECK_INT(utf8_valid("a\0b", 3), 0, "NUL is not valid");
	CHECK_INT(utf8_valid("a\xed\xa0\x80", 4), 0, "surrogate is not valid");
	CHECK_INT((int)utf8_chars("Søren 王", strlen("Søren 王")), 7,
	    "characters, not bytes, are counted");
	CHECK_INT((int)utf8_chars("ab\x80\xbf", 4), 2,
	    "stray continuation bytes are not characters");

	CHECK_INT(utf8_width("王秀英"), 6, "width of 王秀英");
	CHECK_INT(utf8_width("e\xcc\x81"), 1, "width of e + combining acute");
	CHECK_INT(utf8_width("محمد"), 4, "Arabic width = number of letters");
	CHECK_INT(utf8_width("مُحَمَّد"), 4, "Arabic with harakat: marks take 0");
	CHECK_INT(utf8_width("ＡＢ"), 4, "fullwidth letters are wide");
	CHECK_INT(utf8_width("김"), 2, "Hangul syllable is wide");
	CHECK_INT(utf8_width("\xe1\x84\x80\xe1\x85\xa1"), 2,
	    "conjoining jamo: the vowel takes 0");
	CHECK_INT(utf8_width("a\xe2\x80\x8b" "b"), 2, "ZWSP takes 0");
	CHECK_INT(utf8_width("a\xc2\xad" "b"), 3, "soft hyphen takes 1");
	CHECK_INT(utf8_width("\xf0\x9f\x98\x80"), 2, "emoji is wide");
	CHECK_INT(utf8_width("a\xffz"), 3, "invalid byte counts 1");
	CHECK_INT(uc_width(0x1B), 0, "ESC has width 0");
	CHECK_INT(uc_width(0x9B), 0, "C1 has width 0");

	CHECK_FIT("abc", 5, 0, "abc  ");
	CHECK_FIT("abc", 5, 1, "  abc");
	CHECK_FIT("abcdef", 4, 0, "abc…");
	CHECK_FIT("abcd", 4, 0, "abcd");
	CHECK_FIT("王秀英", 6, 0, "王秀英");
	CHECK_FIT("王秀英", 5, 0, "王秀…");
	/* The cut mark stays with the text; the spare column after it. */
	CHECK_FIT("王秀英", 4, 0, "王… ");
	CHECK_FIT("王秀英", 1, 0, "…");
	CHECK_FIT("王秀", 5, 1, " 王秀");
	CHECK_FIT("e\xcc\x81tude", 5, 0, "e\xcc\x81tude");
	CHECK_FIT("e\xcc\x81tudes", 5, 0, "e\xcc\x81tud…");
	CHECK_FIT("ae\xcc\x81z", 3, 0, "ae\xcc\x81z");
	CHECK_FIT("abe\xcc\x81zz", 4, 0, "abe\xcc\x81…");
	{
		char *f = utf8_fit("abc", 0, 0);
		CHECK_STR(f, "", "fit into 0 columns gives \"\"");
		free(f);
		f = utf8_fit("abc", -3, 1);
		CHECK_STR(f, "", "fit into negative columns gives \"\"");
		free(f);
	}

	CHECK_INT(uc_is_cjk(0x738B), 1, "王 is CJK");
	CHECK_INT(uc_is_cjk(0x3042), 1, "あ is CJK");
	CHECK_INT(uc_is_cjk(0x30AB), 1, "カ is CJK");
	CHECK_INT(uc_is_cjk(0xFF76), 1, "halfwidth ｶ is CJK");
	CHECK_INT(uc_is_cjk(0xAE40), 1, "김 is CJK");
	CHECK_INT(uc_is_cjk(0x3105), 1, "Bopomofo is CJK");
	CHECK_INT(uc_is_cjk(0x20000), 1, "Han extension B is CJK");
	CHECK_INT(uc_is_cjk(0x3002), 0, "。 is not CJK");
	CHECK_INT(uc_is_cjk(0xFF21), 0, "fullwidth A is not CJK");
	CHECK_INT(uc_is_cjk('a'), 0, "a is not CJK");
	CHECK_INT(uc_is_cjk(0x0645), 0, "Arabic is not CJK");
}

/* Characters that draw nothing are shown, but for what scripts need. */
static void
test_sanitize_invisible(void)
{
	CHECK_SAN("ana\xe2\x80\x8b@example.org", SANITIZE_LINE,
	    "ana<U+200B>@example.org", "a zero-width space is shown");
	CHECK_SAN("ana\xe2\x80\x8b@example.org", SANITIZE_IDENT,
	    "ana<U+200B>@example.org", "in an address too");
	CHECK_SAN("\xef\xbb\xbf" "BOM\xe2\x81\xa0wj", SANITIZE_LINE,
	    "<U+FEFF>BOM<U+2060>wj", "BOM and word joiner");
	CHECK_SAN("x\xf3\xa0\x80\x81\xf3\xa0\x81\x81y", SANITIZE_LINE,
	    "x<U+E0001><U+E0041>y", "tag characters");
	CHECK_SAN("a\xef\xbf\xb9" "b\xef\xbf\xbb" "c", SANITIZE_TEXT,
	    "a<U+FFF9>b<U+FFFB>c", "interlinear annotation, in a body");
	CHECK_SAN("soft\xc2\xadhyphen", SANITIZE_LINE, "soft<U+00AD>hyphen",
	    "a soft hyphen");
	/* Persian "mi-khaham" with ZWNJ; Devanagari "ksha" with ZWJ. */
	CHECK_SAN("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae", SANITIZE_LINE,
	    "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae",
	    "ZWNJ in a name is kept");
	CHECK_SAN("\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d", SANITIZE_LINE,
	    "\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d", "ZWJ in a name is kept");
	CHECK_SAN("ana\xe2\x80\x8d@x.org\xe2\x80\x8c", SANITIZE_IDENT,
	    "ana<U+200D>@x.org<U+200C>", "ZWJ and ZWNJ in an address are shown");
	CHECK_INT(sanitize_is_clean("ana\xe2\x80\x8b@x", SANITIZE_LINE), 0,
	    "a zero-width space is not clean");
	charset_set_utf8(0);
	CHECK_SAN("ana\xe2\x80\x8b@x", SANITIZE_LINE, "ana<U+200B>@x",
	    "shown the same way in ASCII");
	charset_set_utf8(1);
}

static void
test_sanitize(void)
{
	char	*s;

	s = sanitize("red\x1b[31mtext", SANITIZE_LINE);
	CHECK_STR(s, "red\xe2\x90\x9b[31mtext", "ESC becomes ␛");
	CHECK(strchr(s, 0x1b) == NULL, "no ESC byte remains");
	free(s);
	CHECK_SAN("over\rwrite", SANITIZE_LINE, "overwrite", "\\r is dropped");
	CHECK_SAN("a\tb\nc", SANITIZE_LINE, "a b c", "LINE: tab and newline");
	CHECK_SAN("a\xe2\x80\xa8" "b", SANITIZE_LINE, "a b", "LINE: U+2028");
	CHECK_SAN("abc\xe2\x80\xae" "fed", SANITIZE_LINE, "abcfed",
	    "U+202E is dropped");
	CHECK_SAN("\xe2\x81\xa6x\xe2\x81\xa9\xe2\x80\x8f\xd8\x9c",
	    SANITIZE_LINE, "x", "isolates, RLM and ALM are dropped");
	s = sanitize("a\xc2\x9b" "31m", SANITIZE_LINE);
	CHECK_STR(s, "a\xef\xbf\xbd" "31m", "C1 CSI becomes U+FFFD");
	CHECK(strstr(s, "\xc2\x9b") == NULL, "no C1 CSI remains");
	free(s);
	CHECK_SAN("a\x9b" "b", SANITIZE_LINE, "a\xef\xbf\xbd" "b",
	    "raw 0x9b byte becomes U+FFFD");
	CHECK_SAN("a\xff\xfe", SANITIZE_LINE, "a\xef\xbf\xbd\xef\xbf\xbd",
	    "each invalid byte becomes U+FFFD");
	CHECK_SAN("x\x7fy\x01", SANITIZE_LINE, "x\xe2\x90\xa1y\xe2\x90\x81",
	    "DEL and SOH become symbols");
	CHECK_SAN("line1\r\nline2\tx", SANITIZE_TEXT, "line1\nline2    x",
	    "TEXT keeps \\n, tab becomes 4 spaces");
	CHECK_SAN("Søren 王秀英", SANITIZE_LINE, "Søren 王秀英",
	    "clean text is unchanged");
	CHECK_SAN(NULL, SANITIZE_LINE, "", "NULL gives \"\"");
	CHECK_INT(sanitize_is_clean("Søren 王秀英 e\xcc\x81", SANITIZE_LINE), 1,
	    "is_clean on clean text");
	CHECK_INT(sanitize_is_clean("a\x1b", SANITIZE_LINE), 0,
	    "is_clean sees ESC");
	CHECK_INT(sanitize_is_clean("a\nb", SANITIZE_LINE), 0,
	    "is_clean: newline in LINE");
	CHECK_INT(sanitize_is_clean("a\nb", SANITIZE_TEXT), 1,
	    "is_clean: newline in TEXT");
	CHECK_INT(sanitize_is_clean("a\xe2\x80\xae", SANITIZE_TEXT), 0,
	    "is_clean sees U+202E");
	CHECK_INT(sanitize_is_clean("a\xc3", SANITIZE_TEXT), 0,
	    "is_clean sees a truncated sequence");
}

/* text_wrap_line's lines of s at width, joined by '|' (caller frees). */
static char *
wrapped(const char *s, int width, int cut)
{
	struct buf	  b;
	char		**lines = NULL;
	size_t		  n = 0, i;

	text_wrap_line(s, strlen(s), width, cut, &lines, &n);
	buf_init(&b);
	for (i = 0; i < n; i++) {
		buf_addf(&b, "%s%s", i > 0 ? "|" : "", lines[i]);
		free(lines[i]);
	}
	free(lines);
	return buf_detach(&b);
}

/* The one line breaker, as the screens (cut) and --help (not) call it. */
static void
test_wrap_line(void)
{
	static const struct {
		const char	*text;
		int		 width, cut;
		const char	*want;	/* the lines joined by '|' */
		const char	*what;
	} t[] = {
		{ "aaa   bbb ccc", 5, 1, "aaa|bbb|ccc",
		    "the spaces at a break go, all of them" },
		{ "\u6570\u636e \u94a5", 5, 1, "\u6570\u636e|\u94a5",
		    "no space left at the end of a line before a wide character" },
		{ "abcdefgh ij", 4, 1, "abcd|efgh|ij",
		    "a word wider than the line is cut" },
		{ "abcdefgh ij", 4, 0, "abcdefgh|ij",
		    "or kept whole when not to cut" },
		/* 、 is wide: a line may break after it, never before. */
		{ "\u6bb5\uff1aab\u3001cd", 8, 1, "\u6bb5\uff1aab\u3001|cd",
		    "a break after CJK punctuation" },
		{ "ab\u300c\u6848\u4ef6\u300d", 4, 1,
		    "ab|\u300c\u6848|\u4ef6\u300d",
		    "never after an opening mark nor before a closing one" },
		{ "", 4, 1, "", "nothing gives no line" },
	};
	size_t	i;
	char	*s;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		s = wrapped(t[i].text, t[i].width, t[i].cut);
		CHECK_STR(s, t[i].want, "wrap: %s", t[i].what);
		free(s);
	}
}

static void
test_buf(void)
{
	struct buf	 b;
	char		*s;
	int		 i;

	buf_init(&b);
	CHECK(b.data == NULL && b.len == 0, "buf_init allocates nothing");
	buf_adds(&b, "ab");
	buf_addc(&b, 'c');
	buf_addf(&b, "-%d-%s", 42, "x");
	CHECK_STR(b.data, "abc-42-x", "buf_add*");
	CHECK_INT(b.len, 8, "buf len");
	for (i = 0; i < 1000; i++)
		buf_addf(&b, "%04d", i);
	CHECK_INT(b.len, 8 + 4000, "buf grows");
	CHECK(b.data[b.len] == '\0' && memcmp(b.data + b.len - 4, "0999", 4) == 0,
	    "buf stays NUL-terminated");
	buf_reset(&b);
	CHECK_STR(b.data, "", "buf_reset empties");
	buf_add_indented(&b, "one\ntwo\nthree", 3, 0);
	CHECK_STR(b.data, "one\n   two\n   three\n",
	    "buf_add_indented: lines after the first indented");
	buf_reset(&b);
	buf_add_indented(&b, "one", 3, 0);
	CHECK_STR(b.data, "one\n", "buf_add_indented: one line");
	/* Width 12, indent 3: 9 columns of text a line, at spaces. */
	buf_reset(&b);
	buf_add_indented(&b, "aaa bbb ccc dd\nee", 3, 12);
	CHECK_STR(b.data, "aaa bbb\n   ccc dd\n   ee\n",
	    "buf_add_indented: wraps at a space to the width");
	/* Wide characters take two columns: four of them fill 8 of 9. */
	buf_reset(&b);
	buf_add_indented(&b, "\u6570\u636e\u6e90\u5bc6 \u94a5\u5468", 3, 12);
	CHECK_STR(b.data, "\u6570\u636e\u6e90\u5bc6\n   \u94a5\u5468\n",
	    "buf_add_indented: counts display columns, not bytes");
	/* Chinese has no spaces: a line breaks between two characters. */
	buf_reset(&b);
	buf_add_indented(&b, "\u6848\u4ef6\u9636\u6bb5\uff1aab\u3001cd", 3, 12);
	CHECK_STR(b.data, "\u6848\u4ef6\u9636\n   \u6bb5\uff1aab\u3001\n   cd\n",
	    "buf_add_indented: breaks between wide characters");
	/* Never before a closing mark: "、" stays with "ab". */
	buf_reset(&b);
	buf_add_indented(&b, "\u6848\u4ef6\u9636ab\u3001cd", 3, 10);
	CHECK_STR(b.data, "\u6848\u4ef6\u9636\n   ab\u3001cd\n",
	    "buf_add_indented: no line starts with a closing mark");
	/* A word wider than the room stays whole, on a line of its own. */
	buf_reset(&b);
	buf_add_indented(&b, "a --passphrase-file b", 3, 12);
	CHECK_STR(b.data, "a\n   --passphrase-file\n   b\n",
	    "buf_add_indented: a long word is not cut");
	buf_free(&b);
	test_wrap_line();
	s = buf_detach(&b);
	CHECK_STR(s, "", "detach of an empty buffer gives \"\"");
	free(s);
	s = xasprintf("%s=%d", "n", 7);
	CHECK_STR(s, "n=7", "xasprintf");
	free(s);
	s = xstrndup("abcdef", 3);
	CHECK_STR(s, "abc", "xstrndup");
	free(s);
}

static int
dir_has_temp(const char *dir, const char *name)
{
	struct dirent	*de;
	DIR		*d;
	int		 found = 0;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0 ||
		    strcmp(de->d_name, name) == 0)
			continue;
		found = 1;
	}
	closedir(d);
	return found;
}

static void
test_paths(void)
{
	struct stat	 sb;
	char		 tmpl[] = "/tmp/globe-test-common-XXXXXX";
	char		*p, *q, *file, *data;
	FILE		*f;
	size_t		 n;

	if (mkdtemp(tmpl) == NULL) {
		CHECK(0, "mkdtemp: %s", strerror(errno));
		return;
	}

	setenv("XDG_DATA_HOME", "/xdg/data", 1);
	setenv("XDG_CONFIG_HOME", "/xdg/config", 1);
	setenv("HOME", "/home/officer", 1);
	p = path_data_dir();
	CHECK_STR(p, "/xdg/data/globe", "data dir from XDG_DATA_HOME");
	free(p);
	p = path_config_dir();
	CHECK_STR(p, "/xdg/config/globe", "config dir from XDG_CONFIG_HOME");
	free(p);
	setenv("XDG_DATA_HOME", "relative/data", 1);
	p = path_data_dir();
	CHECK_STR(p, "/home/officer/.local/share/globe",
	    "relative XDG_DATA_HOME is ignored");
	free(p);
	unsetenv("XDG_DATA_HOME");
	unsetenv("XDG_CONFIG_HOME");
	p = path_data_dir();
	CHECK_STR(p, "/home/officer/.local/share/globe", "data dir from HOME");
	free(p);
	p = path_config_dir();
	CHECK_STR(p, "/home/officer/.config/globe", "config dir from HOME");
	free(p);
	p = path_tilde("/home/officer/.config/globe/config");
	CHECK_STR(p, "~/.config/globe/config", "a path under home: ~/");
	free(p);
	p = path_tilde("/home/officerx/config");
	CHECK_STR(p, "/home/officerx/config", "a sibling of home is not ~");
	free(p);
	p = path_tilde("/etc/globe/config");
	CHECK_STR(p, "/etc/globe/config", "a path elsewhere is unchanged");
	free(p);
	setenv("HOME", "/home/officer/", 1);
	p = path_tilde("/home/officer/globe.conf");
	CHECK_STR(p, "~/globe.conf", "HOME with a trailing slash");
	free(p);
	setenv("HOME", "/home/officer", 1);

	p = path_dirname("/a/b/c");
	CHECK_STR(p, "/a/b", "dirname /a/b/c");
	free(p);
	p = path_dirname("file");
	CHECK_STR(p, ".", "dirname file");
	free(p);
	p = path_dirname("/file");
	CHECK_STR(p, "/", "dirname /file");
	free(p);
	p = path_dirname("a//b/");
	CHECK_STR(p, "a", "dirname a//b/");
	free(p);

	p = xasprintf("%s/x/y/z", tmpl);
	CHECK_INT(path_mkdir_p(p, 0700), 0, "mkdir -p creates levels");
	CHECK(stat(p, &sb) == 0 && S_ISDIR(sb.st_mode) &&
	    (sb.st_mode & 0777) == 0700, "created directory is 0700");
	CHECK_INT(path_mkdir_p(p, 0700), 0, "mkdir -p on an existing directory");
	file = xasprintf("%s/x/file", tmpl);
	f = fopen(file, "w");
	if (f != NULL)
		fclose(f);
	q = xasprintf("%s/sub", file);
	errno = 0;
	CHECK(path_mkdir_p(q, 0700) == -1 && errno == ENOTDIR,
	    "mkdir -p through a file fails with ENOTDIR");
	free(q);
	unlink(file);
	free(file);

	file = xasprintf("%s/x/y/z/out.txt", tmpl);
	CHECK_INT(file_write_atomic(file, "hello\n", 6, 0600, 0), 0,
	    "write_atomic");
	CHECK_INT(file_write_atomic(file, "second\n", 7, 0600, 0), 0,
	    "write_atomic replaces");
	CHECK(stat(file, &sb) == 0 && (sb.st_mode & 0777) == 0600,
	    "written file is 0600");
	data = NULL;
	n = 0;
	if ((f = fopen(file, "r")) != NULL) {
		data = xcalloc(1, 64);
		n = fread(data, 1, 63, f);
		fclose(f);
	}
	CHECK(n == 7 && data != NULL && strcmp(data, "second\n") == 0,
	    "written file holds the new data");
	free(data);
	CHECK_INT(dir_has_temp(p, "out.txt"), 0, "no temporary file is left");
	q = xasprintf("%s/missing/out.txt", tmpl);
	errno = 0;
	CHECK(file_write_atomic(q, "x", 1, 0600, 0) == -1 && errno == ENOENT,
	    "write_atomic into a missing directory fails with ENOENT");
	free(q);

	unlink(file);
	free(file);
	rmdir(p);
	free(p);
	p = xasprintf("%s/x/y", tmpl);
	rmdir(p);
	free(p);
	p = xasprintf("%s/x", tmpl);
	rmdir(p);
	free(p);
	rmdir(tmpl);
}

/* Writes text to path with stdio; 0 or -1. */
static int
put_file(const char *path, const char *text, size_t len)
{
	FILE	*f;
	int	 rc = 0;

	if ((f = fopen(path, "w")) == NULL)
		return -1;
	if (fwrite(text, 1, len, f) != len)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

static void
test_file_read(const char *dir)
{
	char	*path, *fifo, *big, *text;
	size_t	 len;

	path = xasprintf("%s/small", dir);
	put_file(path, "key = value\n", 12);
	len = 99;
	text = file_read_small(path, FILE_SMALL_MAX, &len);
	CHECK(text != NULL && len == 12 && strcmp(text, "key = value\n") == 0,
	    "read_small: a small file, whole, with its length");
	free(text);
	put_file(path, "", 0);
	text = file_read_small(path, FILE_SMALL_MAX, &len);
	CHECK(text != NULL && len == 0 && *text == '\0',
	    "read_small: an empty file is \"\"");
	free(text);

	big = xmalloc(4097);
	memset(big, 'k', 4097);
	put_file(path, big, 4096);
	text = file_read_small(path, 4096, &len);
	CHECK(text != NULL && len == 4096, "read_small: a file of exactly "
	    "max bytes is read");
	free(text);
	put_file(path, big, 4097);
	errno = 0;
	text = file_read_small(path, 4096, &len);
	CHECK(text == NULL && errno == EFBIG, "read_small: one byte more than "
	    "max is too large (EFBIG)");
	free(text);
	free(big);
	unlink(path);
	errno = 0;
	CHECK(file_read_small(path, 10, NULL) == NULL && errno == ENOENT,
	    "read_small: a missing file is ENOENT");

	/* A FIFO nobody writes to: refused at once (alarm: a hang fails). */
	fifo = xasprintf("%s/fifo", dir);
	if (mkfifo(fifo, 0600) != 0)
		CHECK(0, "mkfifo: %s", strerror(errno));
	alarm(10);
	errno = 0;
	text = file_read_small(fifo, FILE_SMALL_MAX, NULL);
	alarm(0);
	CHECK(text == NULL && errno == EINVAL, "read_small: a FIFO is refused "
	    "without waiting for a writer (EINVAL)");
	free(text);
	unlink(fifo);
	free(fifo);
	errno = 0;
	CHECK(file_read_small(dir, FILE_SMALL_MAX, NULL) == NULL &&
	    errno == EINVAL, "read_small: a directory is refused (EINVAL)");
	errno = 0;
	CHECK(file_read_small("/dev/zero", FILE_SMALL_MAX, NULL) == NULL &&
	    errno == EINVAL, "read_small: a device is refused (EINVAL), not "
	    "read up to the cap");
	free(path);
}

/* Removes the files of dir whose names start with prefix. */
static void
remove_temps(const char *dir, const char *prefix)
{
	struct dirent	*de;
	DIR		*d;
	char		*p;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, strlen(prefix)) != 0)
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		unlink(p);
		free(p);
	}
	closedir(d);
}

/* The whole content of path, or NULL. Caller frees. */
static char *
get_file(const char *path)
{
	return file_read_small(path, FILE_SMALL_MAX, NULL);
}

static void
test_file_write(const char *dir)
{
	struct stat	 sb;
	struct rlimit	 lim;
	char		*path, *link, *tmp, *big, *text;
	pid_t		 pid;
	mode_t		 old;
	int		 status, fd;

	path = xasprintf("%s/out", dir);
	old = umask(022);
	CHECK_INT(file_write_atomic(path, "one", 3, 0600, 0), 0,
	    "write_atomic: a new file");
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600,
	    "write_atomic: mode 0600 whatever the umask (%o)",
	    (unsigned)(sb.st_mode & 0777));
	CHECK_INT(file_write_atomic(path, "two!", 4, 0666, FILE_UMASK), 0,
	    "write_atomic: FILE_UMASK replaces it");
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0644,
	    "write_atomic: 0666 less umask 022 is 0644 (%o)",
	    (unsigned)(sb.st_mode & 0777));
	umask(077);
	CHECK_INT(file_write_atomic(path, "two!", 4, 0666, FILE_UMASK), 0,
	    "write_atomic: FILE_UMASK under umask 077");
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600,
	    "write_atomic: 0666 less umask 077 is 0600 (%o)",
	    (unsigned)(sb.st_mode & 0777));
	umask(022);

	/*
	 * A writer killed half-way (SIGXFSZ at a 64 KiB file size limit,
	 * its default action, in a child): the file holds the old bytes.
	 */
	big = xmalloc(1 << 20);
	memset(big, 'n', 1 << 20);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		lim.rlim_cur = lim.rlim_max = 65536;
		setrlimit(RLIMIT_FSIZE, &lim);
		signal(SIGXFSZ, SIG_DFL);
		file_write_atomic(path, big, 1 << 20, 0600, 0);
		_exit(0);
	}
	status = 0;
	waitpid(pid, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ,
	    "write_atomic: the writer was killed half-way (status %d)",
	    status);
	text = get_file(path);
	CHECK_STR(text, "two!", "write_atomic: an interrupted write leaves the "
	    "old file whole");
	free(text);
	free(big);
	remove_temps(dir, "out.tmp-");	/* what the killed writer left */

	/* FILE_NEW: never replaces a file, nor writes through a link. */
	CHECK(file_write_atomic(path, "three", 5, 0600, FILE_NEW) == -1 &&
	    errno == EEXIST, "write_atomic FILE_NEW: an existing file is "
	    "refused (EEXIST)");
	text = get_file(path);
	CHECK_STR(text, "two!", "write_atomic FILE_NEW: and left as it was");
	free(text);
	link = xasprintf("%s/link", dir);
	if (symlink(path, link) != 0)
		CHECK(0, "symlink: %s", strerror(errno));
	CHECK(file_write_atomic(link, "three", 5, 0600, FILE_NEW) == -1 &&
	    errno == EEXIST, "write_atomic FILE_NEW: a symbolic link is "
	    "refused");
	text = get_file(path);
	CHECK_STR(text, "two!", "write_atomic FILE_NEW: its target is left as "
	    "it was");
	free(text);
	unlink(link);
	CHECK_INT(file_write_atomic(link, "new", 3, 0644, FILE_NEW), 0,
	    "write_atomic FILE_NEW: a new file");
	CHECK(lstat(link, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (sb.st_mode & 0777) == 0644, "write_atomic FILE_NEW: a regular "
	    "file of the mode asked (%o)", (unsigned)(sb.st_mode & 0777));
	unlink(link);
	free(link);

	/* The halves, for files renamed together. */
	tmp = file_write_temp(path, "four", 4, 0600, 0);
	text = tmp != NULL ? get_file(tmp) : NULL;
	CHECK(tmp != NULL && strncmp(tmp, path, strlen(path)) == 0 &&
	    text != NULL && strcmp(text, "four") == 0, "write_temp: the data "
	    "in a temporary file beside the path");
	free(text);
	text = get_file(path);
	CHECK_STR(text, "two!", "write_temp: the file itself is untouched");
	free(text);
	if (tmp != NULL)
		unlink(tmp);
	free(tmp);
	tmp = NULL;
	fd = file_temp_open(path, 0666, FILE_UMASK, &tmp);
	CHECK(fd >= 0 && fstat(fd, &sb) == 0 && (sb.st_mode & 0777) == 0644,
	    "temp_open: a new file of the mode asked");
	if (fd >= 0)
		close(fd);
	if (tmp != NULL)
		unlink(tmp);
	free(tmp);
	CHECK_INT(file_sync_dir(dir), 0, "sync_dir");
	unlink(path);
	free(path);
	umask(old);
}

static void
test_file_lock(const char *dir)
{
	char	*missing;
	pid_t	 pid;
	int	 fd, fd2, status;

	fd = file_lock(dir);
	CHECK(fd >= 0, "lock: a directory is locked");
	errno = 0;
	alarm(10);		/* a lock that waits fails the test */
	fd2 = file_lock(dir);
	alarm(0);
	CHECK(fd2 == -1 && errno == EWOULDBLOCK, "lock: a held lock is refused "
	    "at once (EWOULDBLOCK)");
	if (fd2 >= 0)
		close(fd2);
	fflush(stdout);
	if ((pid = fork()) == 0)
		_exit(file_lock(dir) == -1 && errno == EWOULDBLOCK ? 0 : 1);
	status = -1;
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "lock: and refused to another process");
	close(fd);
	fd = file_lock(dir);
	CHECK(fd >= 0, "lock: free again once the holder closes it");
	if (fd >= 0)
		close(fd);
	missing = xasprintf("%s/missing", dir);
	errno = 0;
	CHECK(file_lock(missing) == -1 && errno == ENOENT,
	    "lock: a missing directory is ENOENT");
	free(missing);
}

static void
test_file(void)
{
	char	tmpl[] = "/tmp/globe-test-file-XXXXXX";

	if (mkdtemp(tmpl) == NULL) {
		CHECK(0, "mkdtemp: %s", strerror(errno));
		return;
	}
	test_file_read(tmpl);
	test_file_write(tmpl);
	test_file_lock(tmpl);
	CHECK_INT(dir_has_temp(tmpl, ""), 0, "no file is left behind");
	rmdir(tmpl);
}

static void
test_record(void)
{
	struct record	 r;
	int		 t, i, bad;
	size_t		 j;

	CHECK_INT(record_type_from_name("contact"), REC_CONTACT,
	    "type contact");
	CHECK_INT(record_type_from_name("delete"), REC_DELETE, "type delete");
	CHECK_INT(record_type_from_name("person"), -1, "unknown type");
	CHECK_INT(record_field_index(REC_AUTHORITY, "designations"),
	    AUTH_DESIGNATIONS, "authority designations index");
	CHECK_INT(record_field_index(REC_CONTACT, "timezone"),
	    CONTACT_TIMEZONE, "contact timezone index");
	CHECK_INT(record_field_index(REC_NEWSLETTER, "body"), NEWS_BODY,
	    "newsletter body index");
	CHECK_INT(record_field_index(REC_COUNTRY, "email"), -1,
	    "country has no email");
	CHECK_INT(record_types[REC_AUTHORITY].nfields, AUTH_NFIELDS,
	    "authority field count");
	CHECK(record_types[REC_AUTHORITY].nfields <= RECORD_MAX_FIELDS,
	    "authority fits RECORD_MAX_FIELDS");
	CHECK_STR(record_types[REC_COUNTRY].key, "code", "country key");
	CHECK(record_types[REC_CONTACT].fields[CONTACT_LANGUAGES].kind ==
	    RF_LIST, "contact languages is a list");
	CHECK(record_types[REC_NEWSLETTER].fields[NEWS_BODY].flags &
	    RF_MULTILINE, "body is multiline");
	CHECK(record_types[REC_NEWSLETTER].fields[NEWS_PUBLISHED].flags &
	    RF_REQUIRED, "published is required");
	CHECK(!(record_types[REC_NEWSLETTER].fields[NEWS_ISSUE].flags &
	    RF_REQUIRED), "issue is optional");
	/* Every type: names unique, the key field exists. */
	bad = 0;
	for (t = 0; t < REC_NTYPES; t++) {
		for (j = 0; j < record_types[t].nfields; j++)
			if (record_field_index(t,
			    record_types[t].fields[j].name) != (int)j)
				bad++;
		if (record_field_index(t, record_types[t].key) < 0)
			bad++;
	}
	CHECK_INT(bad, 0, "every field name is unique and every key exists");

	memset(&r, 0, sizeof r);
	r.type = REC_DELETE;
	record_set(&r, DELETE_OF, "contact");
	record_set(&r, DELETE_ID, "c-9");
	CHECK_STR(record_key(&r), "c-9", "delete key is its id");
	record_clear(&r);
	CHECK(r.type == REC_DELETE && r.v[DELETE_ID].s == NULL,
	    "record_clear keeps the type");

	r.type = REC_CONTACT;
	record_set(&r, CONTACT_ID, "c-1");
	record_set(&r, CONTACT_ID, "c-2");
	record_list_add(&r, CONTACT_LANGUAGES, "pt");
	record_list_add(&r, CONTACT_LANGUAGES, "en");
	CHECK_STR(record_key(&r), "c-2", "record_set replaces");
	CHECK(r.v[CONTACT_LANGUAGES].n == 2 &&
	    strcmp(r.v[CONTACT_LANGUAGES].list[1], "en") == 0,
	    "record_list_add appends");
	record_set(&r, CONTACT_ID, NULL);
	CHECK(r.v[CONTACT_ID].s == NULL, "record_set NULL clears");
	record_clear(&r);
	for (i = 0, bad = 0; i < RECORD_MAX_FIELDS; i++)
		if (r.v[i].s != NULL || r.v[i].list != NULL || r.v[i].n != 0)
			bad++;
	CHECK_INT(bad, 0, "record_clear zeroes every value");
}

/* Ranks and the vocabularies of the route record (common/vocab.c). */
static void
test_route_model(void)
{
	const struct vocab_code	*v;
	size_t			 n, i, bad;
	int			 voc;

	CHECK_INT(record_type_from_name("route"), REC_ROUTE, "type route");
	CHECK_INT(record_types[REC_ROUTE].nfields, ROUTE_NFIELDS,
	    "route field count");
	CHECK(ROUTE_NFIELDS <= RECORD_MAX_FIELDS, "route fits RECORD_MAX_FIELDS");
	CHECK(record_types[REC_ROUTE].fields[ROUTE_AUTHORITY].flags &
	    RF_REQUIRED, "a route's authority is required");
	CHECK(!(record_types[REC_ROUTE].fields[ROUTE_CONTACT].flags &
	    RF_REQUIRED), "its contact is not");
	CHECK(record_types[REC_ROUTE].fields[ROUTE_FROM_COUNTRIES].kind ==
	    RF_LIST, "from_countries is a list");

	CHECK(record_decimal_valid("1") && record_decimal_valid("2.50") &&
	    record_decimal_valid("-3") && record_decimal_valid("007"),
	    "decimals");
	CHECK(!record_decimal_valid("") && !record_decimal_valid("1.") &&
	    !record_decimal_valid(".5") && !record_decimal_valid("1e3") &&
	    !record_decimal_valid("1,5") && !record_decimal_valid("one") &&
	    !record_decimal_valid(NULL) && !record_decimal_valid("1.2.3"),
	    "not decimals");
	CHECK(record_decimal_cmp("2", "10") < 0, "2 before 10 (not as text)");
	CHECK(record_decimal_cmp("1.5", "1.50") == 0, "1.5 is 1.50");
	CHECK(record_decimal_cmp("1.05", "1.5") < 0, "1.05 before 1.5");
	CHECK(record_decimal_cmp("-1", "0") < 0 && record_decimal_cmp("-2",
	    "-1") < 0, "negatives first, -2 before -1");
	CHECK(record_decimal_cmp("007", "7") == 0, "leading zeros do not count");
	CHECK(record_decimal_cmp("-0", "0") == 0, "-0 is 0");

	CHECK_STR(vocab_label_en(VOCAB_MEASURE, "asset-tracing"),
	    "Asset tracing", "a measure's label");
	CHECK_STR(vocab_label_en(VOCAB_MEASURE, "zz-new"), "zz-new",
	    "an unknown code is itself");
	CHECK_STR(vocab_label_en(VOCAB_LANGUAGE, "pt"), "Portuguese",
	    "a language's name");
	CHECK_INT(vocab_from_name("measure"), VOCAB_MEASURE, "vocabulary by name");
	CHECK_INT(vocab_from_name("planet"), -1, "an unknown vocabulary");
	/* Every measure, channel, stage … of the contract has a label. */
	{
		static const struct {
			enum vocab	 voc;
			const char	*codes;
		} contract[] = {
			{ VOCAB_MEASURE, "informal-information "
			  "spontaneous-information company-records bank-records "
			  "asset-tracing freezing confiscation asset-return "
			  "witness-statement search-seizure extradition "
			  "joint-investigation" },
			{ VOCAB_CHANNEL, "direct globe-scp central-authority "
			  "diplomatic interpol egmont carin-arin star-interpol" },
			{ VOCAB_FORMALITY, "informal formal" },
			{ VOCAB_URGENCY, "any urgent normal" },
			{ VOCAB_STAGE, "any intelligence investigation "
			  "prosecution trial enforcement" },
			{ VOCAB_REQUIREMENT, "dual-criminality treaty "
			  "reciprocity signature apostille e-signature "
			  "encryption translation urgency-justification form" },
			{ VOCAB_LEGAL_BASIS, "uncac-46 untoc-18 bilateral-treaty "
			  "regional-instrument reciprocity domestic-law" },
			{ VOCAB_LANG_CONDITION, "urgent-only reciprocity" },
		};
		char	*copy, *p, *code;

		bad = 0;
		for (i = 0; i < sizeof contract / sizeof contract[0]; i++) {
			copy = xstrdup(contract[i].codes);
			p = copy;
			while ((code = strsep(&p, " ")) != NULL) {
				if (vocab_find(contract[i].voc, code) == NULL) {
					printf("# no label: %s\n", code);
					bad++;
				}
			}
			free(copy);
		}
		CHECK_INT(bad, 0, "every code of the contract has a label");
	}
	/* Codes unique in each table; languages sorted for bsearch. */
	bad = 0;
	for (voc = 0; voc < VOCAB_COUNT; voc++) {
		v = vocab_table(voc, &n);
		for (i = 0; i + 1 < n; i++) {
			if (voc == VOCAB_LANGUAGE ?
			    strcmp(v[i].code, v[i + 1].code) >= 0 :
			    vocab_find(voc, v[i].code) != &v[i])
				bad++;
		}
	}
	CHECK_INT(bad, 0, "no code twice in a vocabulary; languages sorted");
}

static void
test_suggest(void)
{
	static const char *const cmds[] = { "sync", "status", "search",
	    "star", "starred", "read" };
	static const char *const countries[] = { "united arab emirates",
	    "united kingdom", "united states", "spain", "niger", "nigeria" };
	static const char *const none[] = { NULL, "x" };
	size_t	 out[8], n;

	CHECK_INT((int)suggest_distance("serch", "search"), 1, "one deletion");
	CHECK_INT((int)suggest_distance("stauts", "status"), 1,
	    "a swap of neighbours is one edit");
	CHECK_INT((int)suggest_distance("", "abc"), 3, "from nothing");
	CHECK_INT((int)suggest_distance("españa", "espana"), 1,
	    "characters, not bytes");
	CHECK_INT((int)suggest_distance("kitten", "sitting"), 3, "kitten");
	CHECK_INT((int)suggest_threshold("ab"), 1, "short word: one slip");
	CHECK_INT((int)suggest_threshold("serch"), 2, "five: two");
	CHECK_INT((int)suggest_threshold("a long mistyped name"), 3,
	    "capped at three");

	n = suggest_closest("serch", cmds, 6, out, 8);
	CHECK(n == 1 && out[0] == 2, "serch: search only");
	n = suggest_closest("stat", cmds, 6, out, 8);
	CHECK(n == 2 && out[0] == 1 && out[1] == 3,
	    "stat: status (it begins it) and star (one slip) (%zu)", n);
	n = suggest_closest("zzzzzz", cmds, 6, out, 8);
	CHECK_INT((int)n, 0, "nothing close: no suggestion");
	n = suggest_closest("united", countries, 6, out, 8);
	CHECK(n == 3 && out[0] == 0 && out[2] == 2,
	    "a beginning suggests every name it begins");
	n = suggest_closest("nigr", countries, 6, out, 1);
	CHECK(n == 1 && out[0] == 4, "at most max, in order");
	n = suggest_closest("spain", countries, 6, out, 8);
	CHECK_INT((int)n, 0, "the word itself is not a suggestion");
	n = suggest_closest("y", none, 2, out, 8);
	CHECK(n == 1 && out[0] == 1, "NULL candidates are skipped");
}

/* One list, joined the same way for every message ("or" and ", "). */
static void
test_suggest_join(void)
{
	static const char *const three[] = { "status", "star", "starred" };
	struct buf	 b;

	buf_init(&b);
	suggest_join(&b, three, 1, 1, 1);
	CHECK_STR(b.data, "'status'", "one, quoted");
	buf_reset(&b);
	suggest_join(&b, three, 2, 1, 1);
	CHECK_STR(b.data, "'status' or 'star'", "two alternatives");
	buf_reset(&b);
	suggest_join(&b, three, 3, 1, 1);
	CHECK_STR(b.data, "'status', 'star' or 'starred'", "three");
	buf_reset(&b);
	suggest_join(&b, three, 3, 0, 0);
	CHECK_STR(b.data, "status, star, starred", "a plain list");
	buf_reset(&b);
	suggest_join(&b, three, 0, 1, 1);
	CHECK(b.len == 0, "nothing for no items");
	suggest_question(&b, three, 2, 1);
	CHECK_STR(b.data, "did you mean 'status' or 'star'?", "the question");
	buf_reset(&b);
	suggest_question(&b, three, 0, 1);
	CHECK(b.len == 0, "no question for no items");
	buf_free(&b);
}

/* A terminal whose locale is not UTF-8: ASCII only, case kept. */
static void
test_charset_ascii(void)
{
	char	*s;

	CHECK_INT(charset_utf8(), 1, "UTF-8 until charset_init says otherwise");
	CHECK_STR(charset_glyph(GLYPH_CRUMB), "\xe2\x80\xba", "UTF-8 crumb");
	charset_set_utf8(0);
	CHECK_SAN("Wa\xc5\x82\xc4\x99sa", SANITIZE_LINE, "Walesa",
	    "ASCII: Wałęsa is Walesa");
	CHECK_SAN("S\xc3\xb8ren KJ\xc3\x86R", SANITIZE_LINE, "Soren KJAER",
	    "ASCII: Søren KJÆR keeps its case");
	CHECK_SAN("Stra\xc3\x9f" "e STRA\xe1\xba\x9e" "E", SANITIZE_LINE,
	    "Strasse STRASSE", "ASCII: ß and ẞ");
	CHECK_SAN("\xc5\x81\xc3\xb3" "d\xc5\xba \xc3\x98re", SANITIZE_LINE,
	    "Lodz Ore", "ASCII: Łódź, Øre");
	CHECK_SAN("Jose\xcc\x81", SANITIZE_LINE, "Jose",
	    "ASCII: a combining accent goes");
	CHECK_SAN("\xe7\x8e\x8b\xe4\xbc\x9f", SANITIZE_LINE, "??",
	    "ASCII: a CJK name is one ? per character");
	CHECK_SAN("\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd", SANITIZE_LINE, "????",
	    "ASCII: Cyrillic has no spelling in the table");
	CHECK_SAN("\xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x93 "
	    "\xe2\x80\xa6", SANITIZE_LINE, "\"quoted\" - ...",
	    "ASCII: quotes, dash, ellipsis");
	CHECK_SAN("\xef\xbc\xa1\xef\xac\x81", SANITIZE_LINE, "Afi",
	    "ASCII: compatibility forms");
	CHECK_SAN("red\x1b[31m", SANITIZE_LINE, "red?[31m",
	    "ASCII: ESC is still made visible, as ?");
	CHECK_SAN("a\xc3(", SANITIZE_LINE, "a?(", "ASCII: invalid UTF-8 is ?");
	CHECK_SAN("a\xe2\x80\xae" "b\xe2\x80\x8d", SANITIZE_LINE, "ab",
	    "ASCII: bidi and zero-width joiner dropped");
	CHECK_INT(sanitize_is_clean("S\xc3\xb8ren", SANITIZE_LINE), 0,
	    "ASCII: non-ASCII is not clean");
	CHECK_INT(sanitize_is_clean("Soren", SANITIZE_LINE), 1,
	    "ASCII: ASCII is clean");
	s = sanitize_data("Wa\xc5\x82\xc4\x99sa \xe7\x8e\x8b", SANITIZE_LINE);
	CHECK_STR(s, "Wa\xc5\x82\xc4\x99sa \xe7\x8e\x8b",
	    "ASCII: a data format stays UTF-8");
	free(s);
	CHECK_STR(charset_glyph(GLYPH_CRUMB), ">", "ASCII crumb");
	CHECK_STR(charset_glyph(GLYPH_DOT), "-", "ASCII dot");
	CHECK_STR(charset_glyph(GLYPH_STAR), "*", "ASCII star");
	CHECK_STR(charset_glyph(GLYPH_BULLET), "*", "ASCII bullet");
	CHECK_FIT("Investigator", 8, 0, "Inves...");
	CHECK_FIT("Investigator", 2, 0, "..");
	CHECK_FIT("abc", 5, 1, "  abc");
	charset_set_utf8(1);
	CHECK_FIT("Investigator", 8, 0, "Investi\xe2\x80\xa6");
	CHECK_SAN("Wa\xc5\x82\xc4\x99sa", SANITIZE_LINE, "Wa\xc5\x82\xc4\x99sa",
	    "UTF-8 again: unchanged");
}

int
main(void)
{
	test_fold();
	test_utf8();
	test_sanitize();
	test_sanitize_invisible();
	test_charset_ascii();
	test_buf();
	test_paths();
	test_file();
	test_record();
	test_route_model();
	test_suggest();
	test_suggest_join();
	HARNESS_END();
}
