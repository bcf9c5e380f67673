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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "common/common.h"
#include "net/feed.h"
#include "publish/publish.h"

#define SIGN_FILE_MAX	(256UL * 1024 * 1024)
#define KEY_FILE_MAX	4096
#define PREVIOUS_KEYS_MAX 4

static const char usage_text[] =
"usage: globe-publish --source FILE.jsonl --out DIR [--sign KEY]\n"
"                     [--recipients FILE] [--announce-key PUB]\n"
"                     [--feed-id ID] [--expires-days N] [--keep-days N]\n"
"                     [--issued YYYY-MM-DDTHH:MM:SSZ] [--previous-key PUB]\n"
"                     [--quiet]\n"
"       globe-publish --keygen PREFIX\n"
"       globe-publish --sign-file FILE --sign KEY\n"
"       globe-publish --help | --version\n"
"\n"
"Publishes the next serial of the feed in DIR from the directory source\n"
"FILE.jsonl: a snapshot, a delta from the previous serial, index.json and\n"
"(with --sign) index.json.minisig.\n"
"\n"
"  --source FILE        the directory source (record lines, no header)\n"
"  --out DIR            the feed directory (created if needed)\n"
"  --sign KEY           sign with this minisign secret key (unencrypted)\n"
"  --recipients FILE    encrypt the feed to the member devices FILE lists\n"
"                       (one a line: the key `globe device init` printed,\n"
"                       then a label); without it the feed is plain\n"
"  --announce-key PUB   list this public key in the signed index as a key\n"
"                       clients are to trust next (a rollover; up to 3)\n"
"  --feed-id ID         the feed id (default: the feed's, or globe-network)\n"
"  --expires-days N     the index expires N days after it is issued (30)\n"
"  --keep-days N        keep objects the index no longer lists N days (7)\n"
"  --issued TIME        the time of publication (default: SOURCE_DATE_EPOCH\n"
"                       if set, else now)\n"
"  --previous-key PUB   the previous index may also be signed by this public\n"
"                       key (a key rollover; up to 4). Without it, it must\n"
"                       be signed by --sign KEY, or nothing is published\n"
"  --quiet              print nothing on success\n"
"  --keygen PREFIX      write PREFIX.key (secret, 0600) and PREFIX.pub\n"
"  --sign-file FILE     write FILE.minisig, signed with --sign KEY\n"
"\n"
"Exit status: 0 ok, 1 error, 2 usage, 4 invalid source.\n";

enum {
	OPT_SOURCE = 256, OPT_OUT, OPT_SIGN, OPT_FEED_ID, OPT_EXPIRES_DAYS,
	OPT_KEEP_DAYS, OPT_ISSUED, OPT_QUIET, OPT_KEYGEN, OPT_SIGN_FILE,
	OPT_PREVIOUS_KEY, OPT_RECIPIENTS, OPT_ANNOUNCE_KEY, OPT_HELP,
	OPT_VERSION
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
	fprintf(stderr, "Try 'globe-publish --help'.\n");
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
			publish_error("--issued: '%s' is not "
			    "YYYY-MM-DDTHH:MM:SSZ", opt);
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
			publish_error("SOURCE_DATE_EPOCH: '%s' is not a number "
			    "of seconds since 1970", sde);
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
		    "too large for a minisign secret key" : strerror(errno));
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
		publish_error("warning: %s can be read by others; chmod 600 it",
		    path);
	return 0;
}

/* Reads a public key file (.pub) or its base64 line; 0, or -1 after printing why. */
static int
load_pubkey(const char *path, struct minisign_pubkey *pk)
{
	char	*text, *why = NULL;

	if ((text = file_read_small(path, KEY_FILE_MAX, NULL)) == NULL) {
		publish_error("%s: %s", path, errno == EFBIG ?
		    "too large for a minisign public key" : strerror(errno));
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
		publish_error("%s exists: not overwriting a key",
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
		publish_error("cannot create %s: %s", kpath, strerror(errno));
	else if (file_write_atomic(ppath, ptext, strlen(ptext),
	    0644, FILE_NEW) != 0) {
		publish_error("cannot create %s: %s", ppath, strerror(errno));
		unlink(kpath);
	} else {
		rc = EXIT_OK;
		if (!quiet) {
			b64 = minisign_pubkey_base64(&pk);
			printf("secret key: %s (keep it private)\n"
			    "public key: %s\n%s\n", kpath, ppath, b64);
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
		publish_error("cannot write %s: %s", out, strerror(errno));
		rc = EXIT_ERROR;
	} else if (!a->quiet)
		printf("wrote %s\n", out);
	free(out);
	free(sig);
	free(comment);
	free(data);
	return rc;
}

static void
print_summary(const struct publish_result *r)
{
	printf("serial %lld: snapshot %s (%llu bytes, %llu records)",
	    (long long)r->serial, r->snapshot.path,
	    (unsigned long long)r->snapshot.size,
	    (unsigned long long)r->nrecords);
	if (r->has_delta) {
		printf("; delta %lld→%lld ", (long long)r->delta.from,
		    (long long)r->delta.serial);
		if (r->delta_kept)
			printf("%s ", r->delta.path);
		else
			printf("not kept, not smaller than the snapshot ");
		printf("(%llu bytes: +%llu ~%llu -%llu)",
		    (unsigned long long)r->delta.size,
		    (unsigned long long)r->added,
		    (unsigned long long)r->changed,
		    (unsigned long long)r->deleted);
	}
	printf("; index lists %zu delta%s", r->ndeltas,
	    r->ndeltas == 1 ? "" : "s");
	if (r->removed > 0)
		printf("; removed %zu old object%s", r->removed,
		    r->removed == 1 ? "" : "s");
	if (r->encrypted) {
		printf("; encrypted to %zu device%s, key epoch from serial "
		    "%lld", r->nrecipients, r->nrecipients == 1 ? "" : "s",
		    (long long)r->epoch_since);
		if (r->new_epoch != NULL)
			printf(" (new: %s; no delta)", r->new_epoch);
	}
	if (r->removed_slots > 0)
		printf("; removed %zu old key slot%s", r->removed_slots,
		    r->removed_slots == 1 ? "" : "s");
	if (r->nkeys > 0)
		printf("; index vouches for %zu signing key%s", r->nkeys,
		    r->nkeys == 1 ? "" : "s");
	printf("\n");
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
			publish_error("%s; nothing published", cause);
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
			publish_error("%s; nothing published", cause != NULL ?
			    cause : publish_strerror(st));
		else
			publish_error("%s", cause != NULL ? cause :
			    publish_strerror(st));
		free(cause);
		publish_result_clear(&res);
		return publish_exit_code(st);
	}
	if (!a->quiet) {
		if (a->expires_days > FEED_VALID_DAYS_DEFAULT)
			publish_error("warning: --expires-days %d: clients "
			    "refuse an index valid for more than %d days unless "
			    "their max_valid_days allows it", a->expires_days,
			    FEED_VALID_DAYS_DEFAULT);
		if (a->sign == NULL)
			publish_error("warning: index.json is not signed (no "
			    "--sign); clients refuse it unless they allow "
			    "unsigned feeds");
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

	memset(&a, 0, sizeof a);
	a.expires_days = PUBLISH_EXPIRES_DAYS_DEFAULT;
	a.keep_days = PUBLISH_KEEP_DAYS_DEFAULT;
	if (sodium_init() < 0) {
		publish_error("libsodium cannot start");
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
				return usage_error("--feed-id: '%s' must be 1 "
				    "to 128 of A-Z a-z 0-9 . _ -", optarg);
			a.feed_id = optarg;
			break;
		case OPT_EXPIRES_DAYS:
			if ((a.expires_days = parse_days(optarg, 1)) < 0)
				return usage_error("--expires-days: '%s' is not "
				    "a number of days from 1 to %d", optarg,
				    PUBLISH_DAYS_MAX);
			break;
		case OPT_KEEP_DAYS:
			if ((a.keep_days = parse_days(optarg, 0)) < 0)
				return usage_error("--keep-days: '%s' is not a "
				    "number of days from 0 to %d", optarg,
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
				return usage_error("more than %d --previous-key",
				    PREVIOUS_KEYS_MAX);
			a.previous_keys[a.nprevious_keys++] = optarg;
			break;
		case OPT_RECIPIENTS:
			a.recipients = optarg;
			break;
		case OPT_ANNOUNCE_KEY:
			if (a.nannounce == FEED_KEYS_MAX - 1)
				return usage_error("more than %d --announce-key",
				    FEED_KEYS_MAX - 1);
			a.announce[a.nannounce++] = optarg;
			break;
		case OPT_HELP:
			fputs(usage_text, stdout);
			return EXIT_OK;
		case OPT_VERSION:
			printf("globe-publish %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		default:
			if (optopt != 0 && optopt < OPT_SOURCE)
				return usage_error("unknown option '-%c'",
				    optopt);
			if (optopt >= OPT_SOURCE)
				return usage_error("%s needs a value",
				    argv[optind - 1]);
			return usage_error("unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);

	if (a.keygen != NULL) {
		if (a.source != NULL || a.out != NULL || a.sign != NULL ||
		    a.sign_file != NULL)
			return usage_error("--keygen takes no other option");
		if (*a.keygen == '\0')
			return usage_error("--keygen needs a file name prefix");
		return run_keygen(a.keygen, a.quiet);
	}
	if (issued_time(a.issued, &issued) != 0)
		return EXIT_USAGE;
	if (a.sign_file != NULL) {
		if (a.sign == NULL)
			return usage_error("--sign-file needs --sign KEY");
		if (a.source != NULL || a.out != NULL)
			return usage_error("--sign-file takes only --sign");
		return run_sign_file(&a, issued);
	}
	if (a.source == NULL || a.out == NULL)
		return usage_error("--source FILE and --out DIR are needed");
	if ((a.recipients != NULL || a.nannounce > 0) && a.sign == NULL)
		return usage_error("%s needs --sign KEY", a.recipients != NULL ?
		    "--recipients" : "--announce-key");
	return run_publish(&a, issued);
}
