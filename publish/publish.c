/*
 * publish.c: the entry of globe-publish. Parses the options and runs one
 * of three jobs: publish the next serial of a feed (write.c), make a
 * minisign key pair, or sign any file. Prints one summary line, or errors
 * as "globe-publish: …", and exits with globe's codes (0 ok, 1 error,
 * 2 usage, 4 invalid source).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/feed.h"
#include "publish/publish.h"

#define SIGN_FILE_MAX	(256UL * 1024 * 1024)
#define KEY_FILE_MAX	4096
#define PREVIOUS_KEYS_MAX 4

/* The options in --help: as typed, and what each does. */
static const struct {
	const char	*left;
	const char	*help;
} usage_options[] = {
	/*
	 * TRANSLATORS: the help of an option in globe-publish --help. The
	 * words in capitals are the option's argument: keep them, and keep
	 * names (globe-network, SOURCE_DATE_EPOCH). A line break (\n) starts
	 * a line indented under the help above; lines of 80 columns at most.
	 */
	{ "--source FILE", N_("the directory source (record lines, no "
	    "header)") },
	{ "--out DIR", N_("the feed directory (created if needed)") },
	{ "--sign KEY", N_("sign with this minisign secret key "
	    "(unencrypted)") },
	{ "--recipients FILE", N_("encrypt the feed to the member devices FILE "
	    "lists\n(one a line: the key `globe device init` printed,\nthen a "
	    "label); without it the feed is plain") },
	{ "--announce-key PUB", N_("list this public key in the signed index as "
	    "a key\nclients are to trust next (a rollover; up to 3)") },
	{ "--feed-id ID", N_("the feed id (default: the feed's, or "
	    "globe-network)") },
	{ "--expires-days N", N_("the index expires N days after it is "
	    "issued (30)") },
	{ "--keep-days N", N_("keep objects the index no longer lists N days "
	    "(7)") },
	{ "--issued TIME", N_("the time of publication (default: "
	    "SOURCE_DATE_EPOCH\nif set, else now)") },
	{ "--previous-key PUB", N_("the previous index may also be signed by "
	    "this public\nkey (a key rollover; up to 4). Without it, it "
	    "must\nbe signed by --sign KEY, or nothing is published") },
	{ "--reports-url URL", N_("name in the index where clients send the "
	    "officers'\nflags (https://; see docs/hosting.md). Give it on\nevery "
	    "run: an index without it names none") },
	{ "--quiet", N_("print nothing on success") },
	{ "--keygen PREFIX", N_("write PREFIX.key (secret, 0600) and "
	    "PREFIX.pub") },
	{ "--sign-file FILE", N_("write FILE.minisig, signed with --sign "
	    "KEY") },
};

/* globe-publish --help, on stdout. */
static void
usage_print(void)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b);
	/*
	 * TRANSLATORS: the top of globe-publish --help: keep the option
	 * names and the words in capitals, and the continuation lines
	 * under the first option.
	 */
	buf_adds(&b, _("usage: globe-publish --source FILE.jsonl --out DIR "
	    "[--sign KEY]\n"
	    "                     [--recipients FILE] [--announce-key PUB]\n"
	    "                     [--feed-id ID] [--expires-days N] "
	    "[--keep-days N]\n"
	    "                     [--issued YYYY-MM-DDTHH:MM:SSZ] "
	    "[--previous-key PUB]\n"
	    "                     [--reports-url URL] [--quiet]\n"
	    "       globe-publish --keygen PREFIX\n"
	    "       globe-publish --sign-file FILE --sign KEY\n"
	    "       globe-publish --help | --version\n"));
	buf_addc(&b, '\n');
	/* TRANSLATORS: globe-publish --help; lines of 80 columns at most. */
	buf_adds(&b, _("Publishes the next serial of the feed in DIR from the "
	    "directory source\nFILE.jsonl: a snapshot, a delta from the "
	    "previous serial, index.json and\n(with --sign) "
	    "index.json.minisig.\n"));
	buf_addc(&b, '\n');
	for (i = 0; i < sizeof usage_options / sizeof usage_options[0]; i++) {
		buf_addf(&b, "  %-20s ", usage_options[i].left);
		buf_add_indented(&b, _(usage_options[i].help), 23, 80);
	}
	buf_addc(&b, '\n');
	/* TRANSLATORS: globe-publish --help, the last line. */
	buf_adds(&b, _("Exit status: 0 ok, 1 error, 2 usage, 4 invalid "
	    "source.\n"));
	fputs(b.data, stdout);
	buf_free(&b);
}

enum {
	OPT_SOURCE = 256, OPT_OUT, OPT_SIGN, OPT_FEED_ID, OPT_EXPIRES_DAYS,
	OPT_KEEP_DAYS, OPT_ISSUED, OPT_QUIET, OPT_KEYGEN, OPT_SIGN_FILE,
	OPT_PREVIOUS_KEY, OPT_REPORTS_URL, OPT_RECIPIENTS, OPT_ANNOUNCE_KEY,
	OPT_HELP, OPT_VERSION
};

static const struct option options[] = {
	{ "source",		required_argument,	NULL, OPT_SOURCE },
	{ "out",		required_argument,	NULL, OPT_OUT },
	{ "sign",		required_argument,	NULL, OPT_SIGN },
	{ "feed-id",		required_argument,	NULL, OPT_FEED_ID },
	{ "expires-days",	required_argument,	NULL, OPT_EXPIRES_DAYS },
	{ "keep-days",		required_argument,	NULL, OPT_KEEP_DAYS },
	{ "issued",		required_argument,	NULL, OPT_ISSUED },
	{ "quiet",		no_argument,		NULL, OPT_QUIET },
	{ "keygen",		required_argument,	NULL, OPT_KEYGEN },
	{ "sign-file",		required_argument,	NULL, OPT_SIGN_FILE },
	{ "previous-key",	required_argument,	NULL, OPT_PREVIOUS_KEY },
	{ "reports-url",	required_argument,	NULL, OPT_REPORTS_URL },
	{ "recipients",		required_argument,	NULL, OPT_RECIPIENTS },
	{ "announce-key",	required_argument,	NULL, OPT_ANNOUNCE_KEY },
	{ "help",		no_argument,		NULL, OPT_HELP },
	{ "version",		no_argument,		NULL, OPT_VERSION },
	{ NULL,			0,			NULL, 0 }
};

struct args {
	const char	*source;
	const char	*out;
	const char	*sign;
	const char	*feed_id;
	const char	*issued;
	const char	*keygen;
	const char	*sign_file;
	const char	*reports_url;
	const char	*previous_keys[PREVIOUS_KEYS_MAX];
	size_t		 nprevious_keys;
	const char	*recipients;
	const char	*announce[FEED_KEYS_MAX - 1];
	size_t		 nannounce;
	int		 expires_days;
	int		 keep_days;
	int		 quiet;
};

/* Prints "globe-publish: " and each line of msg, made safe for a terminal. */
static void
publish_error(const char *fmt, ...) GLOBE_PRINTF(1, 2);

static void
publish_error(const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *line, *next, *safe;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	for (line = msg; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		safe = sanitize(line, SANITIZE_LINE);
		fprintf(stderr, "globe-publish: %s\n", safe);
		free(safe);
	}
	free(msg);
}

static int
usage_error(const char *fmt, ...) GLOBE_PRINTF(1, 2);

static int
usage_error(const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	publish_error("%s", msg);
	/* TRANSLATORS: under a usage error; keep the command as it is. */
	fputs(_("Try 'globe-publish --help'.\n"), stderr);
	free(msg);
	return EXIT_USAGE;
}

/* A whole number of days, 0 (or 1) to PUBLISH_DAYS_MAX; -1 if not. */
static int
parse_days(const char *s, int min)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || *s == '-' || *s == '+' ||
	    v < min || v > PUBLISH_DAYS_MAX)
		return -1;
	return (int)v;
}

/* As the index wants it: 1 to 128 of A-Z a-z 0-9 . _ - */
static int
feed_id_ok(const char *s)
{
	size_t	n = strlen(s);

	if (n == 0 || n > 128)
		return 0;
	for (; *s != '\0'; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' ||
		    *s == '-'))
			return 0;
	}
	return 1;
}

/*
 * The time of publication: --issued, else SOURCE_DATE_EPOCH (the
 * reproducible-builds convention), else now. -1 on a malformed value.
 */
static int
issued_time(const char *opt, time_t *out)
{
	const char	*sde = getenv("SOURCE_DATE_EPOCH");
	const char	*p;
	long long	 v;
	char		*end;

	if (opt != NULL) {
		if (feed_time_parse(opt, out) != 0) {
			/* TRANSLATORS: the value given; keep the form. */
			publish_error(_("--issued: '%s' is not "
			    "YYYY-MM-DDTHH:MM:SSZ"), opt);
			return -1;
		}
		return 0;
	}
	if (sde != NULL && *sde != '\0') {
		for (p = sde; *p != '\0'; p++) {
			if (*p < '0' || *p > '9')
				break;
		}
		errno = 0;
		v = strtoll(sde, &end, 10);
		if (*p != '\0' || errno != 0 || v > 253402300799LL) {
			/* TRANSLATORS: SOURCE_DATE_EPOCH is a variable. */
			publish_error(_("SOURCE_DATE_EPOCH: '%s' is not a "
			    "number of seconds since 1970"), sde);
			return -1;
		}
		*out = (time_t)v;
		return 0;
	}
	*out = time(NULL);
	return 0;
}

/* Reads and parses a secret key file; 0, or -1 after printing why. */
static int
load_key(const char *path, int quiet, struct minisign_seckey *sk)
{
	struct stat	 sb;
	char		*text, *why = NULL;
	size_t		 len;

	if ((text = file_read_small(path, KEY_FILE_MAX, &len)) == NULL) {
		publish_error("%s: %s", path, errno == EFBIG ?
		    _("too large for a minisign secret key") : strerror(errno));
		return -1;
	}
	if (minisign_seckey_parse(text, sk, &why) != NET_OK) {
		publish_error("%s: %s", path, why);
		free(why);
		sodium_memzero(text, len);
		free(text);
		return -1;
	}
	sodium_memzero(text, len);
	free(text);
	if (!quiet && stat(path, &sb) == 0 && (sb.st_mode & 077) != 0)
		/* TRANSLATORS: the key file; chmod 600 is a command. */
		publish_error(_("warning: %s can be read by others; chmod 600 "
		    "it"), path);
	return 0;
}

/* Reads a public key file (.pub) or its base64 line; 0, or -1 after printing why. */
static int
load_pubkey(const char *path, struct minisign_pubkey *pk)
{
	char	*text, *why = NULL;

	if ((text = file_read_small(path, KEY_FILE_MAX, NULL)) == NULL) {
		publish_error("%s: %s", path, errno == EFBIG ?
		    _("too large for a minisign public key") : strerror(errno));
		return -1;
	}
	if (minisign_pubkey_parse(text, pk, &why) != NET_OK) {
		publish_error("%s: %s", path, why);
		free(why);
		free(text);
		return -1;
	}
	free(text);
	return 0;
}

static int
run_keygen(const char *prefix, int quiet)
{
	struct minisign_seckey	 sk;
	struct minisign_pubkey	 pk;
	struct stat		 sb;
	char			*kpath, *ppath, *ktext, *ptext, *b64;
	int			 rc = EXIT_ERROR;

	kpath = xasprintf("%s.key", prefix);
	ppath = xasprintf("%s.pub", prefix);
	if (lstat(kpath, &sb) == 0 || lstat(ppath, &sb) == 0) {
		publish_error(_("%s exists: not overwriting a key"),
		    lstat(kpath, &sb) == 0 ? kpath : ppath);
		free(kpath);
		free(ppath);
		return EXIT_ERROR;
	}
	minisign_keygen(&sk, &pk);
	ktext = minisign_seckey_file(&sk);
	ptext = minisign_pubkey_file(&pk);
	sodium_memzero(&sk, sizeof sk);
	if (file_write_atomic(kpath, ktext, strlen(ktext), 0600,
	    FILE_NEW) != 0)
		publish_error(_("cannot create %s: %s"), kpath,
		    strerror(errno));
	else if (file_write_atomic(ppath, ptext, strlen(ptext),
	    0644, FILE_NEW) != 0) {
		publish_error(_("cannot create %s: %s"), ppath,
		    strerror(errno));
		unlink(kpath);
	} else {
		rc = EXIT_OK;
		if (!quiet) {
			b64 = minisign_pubkey_base64(&pk);
			/*
			 * TRANSLATORS: --keygen: the two files written, then
			 * the public key's base64 line.
			 */
			printf(_("secret key: %s (keep it private)\n"
			    "public key: %s\n%s\n"), kpath, ppath, b64);
			free(b64);
		}
	}
	sodium_memzero(ktext, strlen(ktext));
	free(ktext);
	free(ptext);
	free(kpath);
	free(ppath);
	return rc;
}

static int
run_sign_file(const struct args *a, time_t issued)
{
	struct minisign_seckey	 sk;
	char			*data, *sig, *comment, *out;
	size_t			 len;
	int			 rc = EXIT_OK;

	if (load_key(a->sign, a->quiet, &sk) != 0)
		return EXIT_ERROR;
	if ((data = file_read_small(a->sign_file, SIGN_FILE_MAX,
	    &len)) == NULL) {
		publish_error("%s: %s", a->sign_file, strerror(errno));
		sodium_memzero(&sk, sizeof sk);
		return EXIT_ERROR;
	}
	comment = publish_trusted_comment(issued, a->sign_file);
	sig = minisign_sign(&sk, data, len, comment);
	sodium_memzero(&sk, sizeof sk);
	out = xasprintf("%s.minisig", a->sign_file);
	if (file_write_atomic(out, sig, strlen(sig), 0666,
	    FILE_UMASK) != 0) {
		publish_error(_("cannot write %s: %s"), out, strerror(errno));
		rc = EXIT_ERROR;
	} else if (!a->quiet)
		/* TRANSLATORS: --sign-file: the signature file written. */
		printf(_("wrote %s\n"), out);
	free(out);
	free(sig);
	free(comment);
	free(data);
	return rc;
}

/* Appends clause to the summary in b, after "; " if it is not the first. */
static void
summary_add(struct buf *b, char *clause)
{
	char	*joined;

	if (b->len == 0)
		buf_adds(b, clause);
	else {
		/*
		 * TRANSLATORS: the publisher's summary is clauses joined
		 * like this: "serial 2: snapshot …; delta 1→2 …".
		 */
		joined = xasprintf(_("%s; %s"), b->data, clause);
		buf_reset(b);
		buf_adds(b, joined);
		free(joined);
	}
	free(clause);
}

/* "N bytes" (caller frees). */
static char *
summary_bytes(uint64_t n)
{
	return xasprintf(P_("%llu byte", "%llu bytes", n),
	    (unsigned long long)n);
}

static void
print_summary(const struct publish_result *r)
{
	struct buf	 b;
	char		*size, *records;

	buf_init(&b);
	size = summary_bytes(r->snapshot.size);
	records = xasprintf(P_("%llu record", "%llu records", r->nrecords),
	    (unsigned long long)r->nrecords);
	/* TRANSLATORS: the serial, the snapshot's file, its size, records. */
	summary_add(&b, xasprintf(_("serial %lld: snapshot %s (%s, %s)"),
	    (long long)r->serial, r->snapshot.path, size, records));
	free(size);
	free(records);
	if (r->has_delta) {
		size = summary_bytes(r->delta.size);
		/*
		 * TRANSLATORS: the delta's serials, its file, its size and
		 * the records added, changed, removed.
		 */
		if (r->delta_kept)
			summary_add(&b, xasprintf(_("delta %lld→%lld %s (%s: "
			    "+%llu ~%llu -%llu)"), (long long)r->delta.from,
			    (long long)r->delta.serial, r->delta.path, size,
			    (unsigned long long)r->added,
			    (unsigned long long)r->changed,
			    (unsigned long long)r->deleted));
		else if (r->delta_deletes_route)
			/*
			 * TRANSLATORS: the delta's serials and the records
			 * added, changed, removed. Older clients (before
			 * routes) cannot apply the removal of a route.
			 */
			summary_add(&b, xasprintf(_("delta %lld→%lld not "
			    "kept: it removes a route, which clients older "
			    "than routes refuse in a delta; they take the "
			    "snapshot (+%llu ~%llu -%llu)"),
			    (long long)r->delta.from,
			    (long long)r->delta.serial,
			    (unsigned long long)r->added,
			    (unsigned long long)r->changed,
			    (unsigned long long)r->deleted));
		else
			summary_add(&b, xasprintf(_("delta %lld→%lld not "
			    "kept, not smaller than the snapshot (%s: +%llu "
			    "~%llu -%llu)"), (long long)r->delta.from,
			    (long long)r->delta.serial, size,
			    (unsigned long long)r->added,
			    (unsigned long long)r->changed,
			    (unsigned long long)r->deleted));
		free(size);
	}
	/* TRANSLATORS: how many deltas the new index.json lists. */
	summary_add(&b, xasprintf(P_("index lists %zu delta",
	    "index lists %zu deltas", r->ndeltas), r->ndeltas));
	if (r->removed > 0)
		/* TRANSLATORS: objects deleted after --keep-days. */
		summary_add(&b, xasprintf(P_("removed %zu old object",
		    "removed %zu old objects", r->removed), r->removed));
	if (r->encrypted) {
		char	*devices;

		devices = xasprintf(P_("%zu device", "%zu devices",
		    r->nrecipients), r->nrecipients);
		if (r->new_epoch == NULL)
			/*
			 * TRANSLATORS: a feed encrypted to its members: "N
			 * devices"; the first serial of its key epoch.
			 */
			summary_add(&b, xasprintf(_("encrypted to %s, key epoch "
			    "from serial %lld"), devices,
			    (long long)r->epoch_since));
		else
			/*
			 * TRANSLATORS: as above; then why this serial begins
			 * a new key epoch ("a device was removed").
			 */
			summary_add(&b, xasprintf(_("encrypted to %s, key epoch "
			    "from serial %lld (new: %s; no delta)"), devices,
			    (long long)r->epoch_since, r->new_epoch));
		free(devices);
	}
	if (r->removed_slots > 0)
		/* TRANSLATORS: key slots of older serials, deleted. */
		summary_add(&b, xasprintf(P_("removed %zu old key slot",
		    "removed %zu old key slots", r->removed_slots),
		    r->removed_slots));
	if (r->nkeys > 0)
		/* TRANSLATORS: signing keys the index announces. */
		summary_add(&b, xasprintf(P_("index vouches for %zu signing key",
		    "index vouches for %zu signing keys", r->nkeys), r->nkeys));
	printf("%s\n", b.data);
	buf_free(&b);
}

static int
run_publish(const struct args *a, time_t issued)
{
	struct publish_options	 o;
	struct publish_result	 res;
	struct minisign_seckey	 sk;
	struct minisign_pubkey	 prev[PREVIOUS_KEYS_MAX];
	struct minisign_pubkey	 announce[FEED_KEYS_MAX - 1];
	uint8_t			(*recipients)[32] = NULL;
	enum publish_status	 st;
	char			*cause = NULL;
	size_t			 i, nrecipients = 0;

	memset(&o, 0, sizeof o);
	o.source = a->source;
	o.out = a->out;
	o.feed_id = a->feed_id;
	o.reports_url = a->reports_url;
	o.expires_days = a->expires_days;
	o.keep_days = a->keep_days;
	o.issued = issued;
	o.now = time(NULL);
	for (i = 0; i < a->nprevious_keys; i++) {
		if (load_pubkey(a->previous_keys[i], &prev[i]) != 0)
			return EXIT_ERROR;
	}
	o.previous_keys = prev;
	o.nprevious_keys = a->nprevious_keys;
	for (i = 0; i < a->nannounce; i++) {
		if (load_pubkey(a->announce[i], &announce[i]) != 0)
			return EXIT_ERROR;
	}
	o.announce = announce;
	o.nannounce = a->nannounce;
	if (a->recipients != NULL) {
		st = publish_recipients_load(a->recipients, &recipients,
		    &nrecipients, &cause);
		if (st != PUBLISH_OK) {
			/* TRANSLATORS: why the recipients file is refused. */
			publish_error(_("%s; nothing published"), cause);
			free(cause);
			return publish_exit_code(st);
		}
		o.recipients = (const uint8_t (*)[32])recipients;
		o.nrecipients = nrecipients;
	}
	if (a->sign != NULL) {
		if (load_key(a->sign, a->quiet, &sk) != 0) {
			free(recipients);
			return EXIT_ERROR;
		}
		o.key = &sk;
	}
	st = publish_run(&o, &res, &cause);
	sodium_memzero(&sk, sizeof sk);
	free(recipients);
	if (st != PUBLISH_OK) {
		if (st == PUBLISH_ERR_SOURCE)
			/* TRANSLATORS: what is wrong with the source. */
			publish_error(_("%s; nothing published"),
			    cause != NULL ? cause : publish_strerror(st));
		else
			publish_error("%s", cause != NULL ? cause :
			    publish_strerror(st));
		free(cause);
		publish_result_clear(&res);
		return publish_exit_code(st);
	}
	if (!a->quiet) {
		if (a->expires_days > FEED_VALID_DAYS_DEFAULT)
			/*
			 * TRANSLATORS: --expires-days as given; the days a
			 * client allows (the form follows them).
			 * max_valid_days is a config key: keep it.
			 */
			publish_error(P_("warning: --expires-days %d: clients "
			    "refuse an index valid for more than %d day unless "
			    "their max_valid_days allows it", "warning: "
			    "--expires-days %d: clients refuse an index valid "
			    "for more than %d days unless their max_valid_days "
			    "allows it", FEED_VALID_DAYS_DEFAULT),
			    a->expires_days, FEED_VALID_DAYS_DEFAULT);
		if (a->sign == NULL)
			publish_error("%s", _("warning: index.json is not "
			    "signed (no --sign); clients refuse it unless they "
			    "allow unsigned feeds"));
		print_summary(&res);
	}
	publish_result_clear(&res);
	return EXIT_OK;
}

int
main(int argc, char **argv)
{
	struct args	 a;
	time_t		 issued;
	int		 c;

	/*
	 * The language of the messages, and the terminal's charset for
	 * them, as globe's main sets them. Numbers stay the C locale's:
	 * what this program writes is data (index.json, the objects, the
	 * trusted comment), never in the user's locale.
	 */
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	charset_init();
	i18n_init();
	memset(&a, 0, sizeof a);
	a.expires_days = PUBLISH_EXPIRES_DAYS_DEFAULT;
	a.keep_days = PUBLISH_KEEP_DAYS_DEFAULT;
	if (sodium_init() < 0) {
		publish_error("%s", _("libsodium cannot start"));
		return EXIT_ERROR;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (c) {
		case OPT_SOURCE:
			a.source = optarg;
			break;
		case OPT_OUT:
			a.out = optarg;
			break;
		case OPT_SIGN:
			a.sign = optarg;
			break;
		case OPT_FEED_ID:
			if (!feed_id_ok(optarg))
				/* TRANSLATORS: the value given to --feed-id. */
				return usage_error(_("--feed-id: '%s' must be "
				    "1 to 128 of A-Z a-z 0-9 . _ -"), optarg);
			a.feed_id = optarg;
			break;
		case OPT_REPORTS_URL:
			if (!feed_reports_url_valid(optarg))
				/* TRANSLATORS: --reports-url: keep it. */
				return usage_error(_("--reports-url: '%s' must be "
				    "an https:// URL with a host, without a user "
				    "name or spaces"), optarg);
			a.reports_url = optarg;
			break;
		case OPT_EXPIRES_DAYS:
			if ((a.expires_days = parse_days(optarg, 1)) < 0)
				return usage_error(_("--expires-days: '%s' is "
				    "not a number of days from 1 to %d"),
				    optarg, PUBLISH_DAYS_MAX);
			break;
		case OPT_KEEP_DAYS:
			if ((a.keep_days = parse_days(optarg, 0)) < 0)
				return usage_error(_("--keep-days: '%s' is not "
				    "a number of days from 0 to %d"), optarg,
				    PUBLISH_DAYS_MAX);
			break;
		case OPT_ISSUED:
			a.issued = optarg;
			break;
		case OPT_QUIET:
			a.quiet = 1;
			break;
		case OPT_KEYGEN:
			a.keygen = optarg;
			break;
		case OPT_SIGN_FILE:
			a.sign_file = optarg;
			break;
		case OPT_PREVIOUS_KEY:
			if (a.nprevious_keys == PREVIOUS_KEYS_MAX)
				return usage_error(_("more than %d "
				    "--previous-key"), PREVIOUS_KEYS_MAX);
			a.previous_keys[a.nprevious_keys++] = optarg;
			break;
		case OPT_RECIPIENTS:
			a.recipients = optarg;
			break;
		case OPT_ANNOUNCE_KEY:
			if (a.nannounce == FEED_KEYS_MAX - 1)
				/* TRANSLATORS: the most --announce-key options. */
				return usage_error(_("more than %d --announce-key"),
				    FEED_KEYS_MAX - 1);
			a.announce[a.nannounce++] = optarg;
			break;
		case OPT_HELP:
			usage_print();
			return EXIT_OK;
		case OPT_VERSION:
			printf("globe-publish %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		default:
			if (optopt != 0 && optopt < OPT_SOURCE)
				/* TRANSLATORS: the option as typed. */
				return usage_error(_("unknown option '-%c'"),
				    optopt);
			if (optopt >= OPT_SOURCE)
				/* TRANSLATORS: an option's name. */
				return usage_error(_("%s needs a value"),
				    argv[optind - 1]);
			return usage_error(_("unknown option '%s'"),
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error(_("unexpected argument '%s'"),
		    argv[optind]);

	if (a.keygen != NULL) {
		if (a.source != NULL || a.out != NULL || a.sign != NULL ||
		    a.sign_file != NULL)
			return usage_error("%s",
			    /* TRANSLATORS: keep option names as they are. */
			    _("--keygen takes no other option"));
		if (*a.keygen == '\0')
			return usage_error("%s",
			    _("--keygen needs a file name prefix"));
		return run_keygen(a.keygen, a.quiet);
	}
	if (issued_time(a.issued, &issued) != 0)
		return EXIT_USAGE;
	if (a.sign_file != NULL) {
		if (a.sign == NULL)
			return usage_error("%s",
			    _("--sign-file needs --sign KEY"));
		if (a.source != NULL || a.out != NULL)
			return usage_error("%s",
			    _("--sign-file takes only --sign"));
		return run_sign_file(&a, issued);
	}
	if (a.source == NULL || a.out == NULL)
		return usage_error("%s",
		    _("--source FILE and --out DIR are needed"));
	if ((a.recipients != NULL || a.nannounce > 0) && a.sign == NULL)
		/* TRANSLATORS: an option of globe-publish; it needs --sign. */
		return usage_error(_("%s needs --sign KEY"), a.recipients != NULL ?
		    "--recipients" : "--announce-key");
	return run_publish(&a, issued);
}
