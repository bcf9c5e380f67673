/*
 * test-minisign.c: minisign keys and signatures (net/minisign.c): our own
 * round trips, every kind of forgery or damage rejected, and
 * interoperability with the real `minisign` tool both ways when it is
 * installed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "common/common.h"
#include "net/feed.h"
#include "tests/unit/harness.h"

/* CHECK evaluates its condition twice; this evaluates it once. */
#define CHECK1(cond, ...) do {						\
	int check1_ = (cond) ? 1 : 0;					\
	CHECK(check1_, __VA_ARGS__);					\
} while (0)

static char	tmpdir[256];

static char *
slurp(const char *path, size_t *len)
{
	FILE	*fp;
	char	*data;
	long	 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	data = xmalloc((size_t)n + 1);
	if (fread(data, 1, (size_t)n, fp) != (size_t)n) {
		fclose(fp);
		free(data);
		return NULL;
	}
	data[n] = '\0';
	fclose(fp);
	if (len != NULL)
		*len = (size_t)n;
	return data;
}

static int
spew(const char *path, const char *data)
{
	FILE	*fp;
	int	 rc = 0;

	if ((fp = fopen(path, "wb")) == NULL)
		return -1;
	if (fwrite(data, 1, strlen(data), fp) != strlen(data))
		rc = -1;
	if (fclose(fp) != 0)
		rc = -1;
	return rc;
}

static int
run(const char *fmt, ...) GLOBE_PRINTF(1, 2);

static int
run(const char *fmt, ...)
{
	va_list	 ap;
	char	*cmd, *full;
	int	 rc;

	va_start(ap, fmt);
	cmd = xvasprintf(fmt, ap);
	va_end(ap);
	full = xasprintf("cd '%s' && %s </dev/null >/dev/null 2>&1", tmpdir,
	    cmd);
	rc = system(full);
	free(full);
	free(cmd);
	return rc;
}

static char *
tmp_path(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* Verifies sig over msg with one key; returns the status, frees the cause. */
static enum net_status
verify1(const struct minisign_pubkey *pk, const char *msg, const char *sig,
    char **cause_out)
{
	enum net_status	 st;
	char		*cause = NULL;

	st = minisign_verify(pk, 1, msg, strlen(msg), sig, strlen(sig), &cause);
	if (cause_out != NULL)
		*cause_out = cause;
	else
		free(cause);
	return st;
}

static void
test_internal(void)
{
	struct minisign_seckey	 sk, sk2, other_sk;
	struct minisign_pubkey	 pk, pk2, other_pk, both[2];
	const char		*msg = "{\"format\":\"globe-feed/1\"}\n";
	char			*pubfile, *secfile, *b64, *sig, *bad, *cause, *p;
	char			*line;

	minisign_keygen(&sk, &pk);
	minisign_keygen(&other_sk, &other_pk);
	CHECK1(memcmp(sk.id, pk.id, 8) == 0, "keygen: key ids match");

	pubfile = minisign_pubkey_file(&pk);
	CHECK1(strncmp(pubfile, "untrusted comment: minisign public key ", 39) == 0,
	    "public key file starts with minisign's comment");
	memset(&pk2, 0, sizeof pk2);
	CHECK_INT(minisign_pubkey_parse(pubfile, &pk2, NULL), NET_OK,
	    "public key file parses");
	CHECK1(memcmp(&pk, &pk2, sizeof pk) == 0, "public key file round trip");
	b64 = minisign_pubkey_base64(&pk);
	CHECK1(strncmp(b64, "RW", 2) == 0 && strlen(b64) == 56,
	    "bare public key is 56 base64 chars starting RW (%s)", b64);
	memset(&pk2, 0, sizeof pk2);
	CHECK_INT(minisign_pubkey_parse(b64, &pk2, NULL), NET_OK,
	    "bare base64 public key parses");
	CHECK1(memcmp(&pk, &pk2, sizeof pk) == 0, "bare public key round trip");
	line = xasprintf("  %s  \n", b64);
	CHECK_INT(minisign_pubkey_parse(line, &pk2, NULL), NET_OK,
	    "public key with spaces around parses");
	free(line);
	cause = NULL;
	CHECK_INT(minisign_pubkey_parse("RWQnotakey", &pk2, &cause),
	    NET_ERR_USAGE, "garbage public key refused");
	CHECK1(cause != NULL, "garbage public key has a cause");
	free(cause);
	/* Truncated key: drop the last 4 characters. */
	line = xstrndup(b64, strlen(b64) - 4);
	CHECK1(minisign_pubkey_parse(line, &pk2, NULL) != NET_OK,
	    "truncated public key refused");
	free(line);
	free(b64);

	secfile = minisign_seckey_file(&sk);
	memset(&sk2, 0, sizeof sk2);
	CHECK_INT(minisign_seckey_parse(secfile, &sk2, NULL), NET_OK,
	    "secret key file parses");
	CHECK1(memcmp(&sk, &sk2, sizeof sk) == 0, "secret key file round trip");

	/* A damaged secret key (one base64 char changed in the key bytes). */
	bad = xstrdup(secfile);
	p = strchr(bad, '\n') + 1 + 120;
	*p = *p == 'A' ? 'B' : 'A';
	cause = NULL;
	CHECK1(minisign_seckey_parse(bad, &sk2, &cause) != NET_OK,
	    "damaged secret key refused");
	free(cause);
	free(bad);

	/* An encrypted key ("Sc" kdf) is refused with a clear cause. */
	{
		uint8_t	 bin[158];
		size_t	 got;
		char	 enc[256], *file;

		p = strchr(secfile, '\n') + 1;
		line = xstrndup(p, strcspn(p, "\n"));
		sodium_base642bin(bin, sizeof bin, line, strlen(line), NULL,
		    &got, NULL, sodium_base64_VARIANT_ORIGINAL);
		free(line);
		memcpy(bin + 2, "Sc", 2);
		sodium_bin2base64(enc, sizeof enc, bin, sizeof bin,
		    sodium_base64_VARIANT_ORIGINAL);
		file = xasprintf("untrusted comment: minisign encrypted secret "
		    "key\n%s\n", enc);
		cause = NULL;
		CHECK_INT(minisign_seckey_parse(file, &sk2, &cause),
		    NET_ERR_USAGE, "encrypted secret key refused");
		CHECK1(cause != NULL && strstr(cause, "encrypted secret keys are "
		    "not supported") != NULL && strstr(cause, "minisign -G -W")
		    != NULL, "encrypted key cause says how to make one: %s",
		    cause ? cause : "(null)");
		free(cause);
		free(file);
	}

	sig = minisign_sign(&sk, msg, strlen(msg), "timestamp:1 file:index.json");
	CHECK1(strncmp(sig, "untrusted comment: ", 19) == 0,
	    "signature starts with an untrusted comment");
	CHECK1(strstr(sig, "\ntrusted comment: timestamp:1 file:index.json\n")
	    != NULL, "signature carries the trusted comment");
	CHECK1(strncmp(strchr(sig, '\n') + 1, "RU", 2) == 0,
	    "our signatures are prehashed (ED)");
	CHECK_INT(verify1(&pk, msg, sig, NULL), NET_OK, "own signature verifies");

	/* Several keys configured: the matching one is found by id. */
	both[0] = other_pk;
	both[1] = pk;
	CHECK_INT(minisign_verify(both, 2, msg, strlen(msg), sig, strlen(sig),
	    NULL), NET_OK, "verifies with the second of two configured keys");

	/* Tampered message. */
	CHECK_INT(verify1(&pk, "{\"format\":\"globe-feed/2\"}\n", sig, NULL),
	    NET_ERR_SIGNATURE, "tampered message rejected");
	/* Tampered trusted comment. */
	bad = xstrdup(sig);
	p = strstr(bad, "timestamp:1");
	p[10] = '2';
	CHECK_INT(verify1(&pk, msg, bad, &cause), NET_ERR_SIGNATURE,
	    "tampered trusted comment rejected");
	CHECK1(cause != NULL && strstr(cause, "trusted comment") != NULL,
	    "cause names the trusted comment: %s", cause ? cause : "(null)");
	free(cause);
	free(bad);
	/* Wrong key. */
	cause = NULL;
	CHECK_INT(verify1(&other_pk, msg, sig, &cause), NET_ERR_SIGNATURE,
	    "signature by another key rejected");
	CHECK1(cause != NULL && strstr(cause, "which is not configured") != NULL,
	    "wrong key cause: %s", cause ? cause : "(null)");
	free(cause);
	/* A forged key with the right id but another public key. */
	pk2 = other_pk;
	memcpy(pk2.id, pk.id, 8);
	CHECK_INT(verify1(&pk2, msg, sig, NULL), NET_ERR_SIGNATURE,
	    "same key id, different public key rejected");
	/* Garbage. */
	CHECK_INT(verify1(&pk, msg, "hello\n", NULL), NET_ERR_SIGNATURE,
	    "garbage signature rejected");
	CHECK_INT(verify1(&pk, msg, "", NULL), NET_ERR_SIGNATURE,
	    "empty signature rejected");
	/* Truncated base64 of the signature line. */
	bad = xstrdup(sig);
	p = strchr(bad, '\n') + 1;
	memmove(p + 10, p + 14, strlen(p + 14) + 1);
	CHECK_INT(verify1(&pk, msg, bad, NULL), NET_ERR_SIGNATURE,
	    "truncated signature base64 rejected");
	free(bad);
	/* The whole file cut after the trusted comment. */
	bad = xstrndup(sig, strstr(sig, "trusted comment: timestamp") - sig + 30);
	CHECK_INT(verify1(&pk, msg, bad, NULL), NET_ERR_SIGNATURE,
	    "signature file cut short rejected");
	free(bad);
	/* One bit flipped in the signature itself. */
	bad = xstrdup(sig);
	p = strchr(bad, '\n') + 1 + 30;
	*p = *p == 'A' ? 'B' : 'A';
	CHECK_INT(verify1(&pk, msg, bad, NULL), NET_ERR_SIGNATURE,
	    "flipped signature byte rejected");
	free(bad);
	/* CRLF line ends are accepted. */
	{
		struct buf	b;

		buf_init(&b);
		for (p = sig; *p != '\0'; p++) {
			if (*p == '\n')
				buf_addc(&b, '\r');
			buf_addc(&b, *p);
		}
		CHECK_INT(verify1(&pk, msg, b.data, NULL), NET_OK,
		    "signature with CRLF line ends verifies");
		buf_free(&b);
	}
	/* A NUL inside the signature text. */
	CHECK_INT(minisign_verify(&pk, 1, msg, strlen(msg), sig,
	    strlen(sig) + 1, NULL), NET_ERR_SIGNATURE,
	    "signature text with a NUL rejected");

	free(sig);
	free(pubfile);
	free(secfile);
}

static void
test_interop(void)
{
	struct minisign_seckey	 sk;
	struct minisign_pubkey	 pk, mpk;
	char			*path, *text, *sig, *mine, *cause;
	size_t			 len, msglen;
	const char		*msg = "interop test: éè 😀\n";

	if (run("minisign -v") != 0) {
		printf("# SKIP minisign not installed\n");
		return;
	}
	path = tmp_path("msg");
	CHECK1(spew(path, msg) == 0, "wrote the message");
	free(path);
	msglen = strlen(msg);

	/* 1. A key made by minisign -G -W. */
	CHECK1(run("minisign -G -W -p m.pub -s m.key") == 0,
	    "minisign -G -W made a key pair");
	path = tmp_path("m.pub");
	text = slurp(path, NULL);
	free(path);
	CHECK1(text != NULL && minisign_pubkey_parse(text, &mpk, NULL) == NET_OK,
	    "minisign's .pub parses");
	mine = minisign_pubkey_file(&mpk);
	CHECK_STR(mine, text, "our .pub text for its key equals minisign's "
	    "(same comment, key id and base64)");
	free(mine);
	free(text);
	path = tmp_path("m.key");
	text = slurp(path, NULL);
	free(path);
	cause = NULL;
	CHECK1(text != NULL && minisign_seckey_parse(text, &sk, &cause) == NET_OK,
	    "minisign -W secret key parses (%s)", cause ? cause : "ok");
	free(cause);
	free(text);

	/* Our signature with its key verifies with minisign -V. */
	sig = minisign_sign(&sk, msg, msglen, "timestamp:1700000000\tfile:msg");
	path = tmp_path("msg.ours.minisig");
	spew(path, sig);
	free(path);
	free(sig);
	CHECK1(run("minisign -V -p m.pub -m msg -x msg.ours.minisig") == 0,
	    "minisign -V accepts our signature");
	/* And the check can fail: a changed message is refused by minisign. */
	CHECK1(run("cp msg msg2 && echo x >>msg2 && minisign -V -p m.pub "
	    "-m msg2 -x msg.ours.minisig") != 0,
	    "minisign -V refuses our signature over another message");

	/* minisign -S (prehashed by default) and -l (legacy Ed) verify here. */
	CHECK1(run("minisign -S -s m.key -m msg -x msg.ms.minisig") == 0,
	    "minisign -S signed");
	path = tmp_path("msg.ms.minisig");
	text = slurp(path, &len);
	free(path);
	cause = NULL;
	CHECK1(text != NULL && minisign_verify(&mpk, 1, msg, msglen, text, len,
	    &cause) == NET_OK, "minisign -S signature verifies here (%s)",
	    cause ? cause : "ok");
	free(cause);
	CHECK1(text != NULL && minisign_verify(&mpk, 1, "other", 5, text, len,
	    NULL) == NET_ERR_SIGNATURE,
	    "minisign -S signature over another message rejected");
	free(text);
	CHECK1(run("minisign -S -l -s m.key -m msg -x msg.legacy.minisig") == 0,
	    "minisign -S -l signed (legacy)");
	path = tmp_path("msg.legacy.minisig");
	text = slurp(path, &len);
	free(path);
	CHECK1(text != NULL && strstr(text, "\nRW") != NULL,
	    "legacy signature is Ed");
	cause = NULL;
	CHECK1(text != NULL && minisign_verify(&mpk, 1, msg, msglen, text, len,
	    &cause) == NET_OK, "legacy Ed signature verifies here (%s)",
	    cause ? cause : "ok");
	free(cause);
	CHECK1(text != NULL && minisign_verify(&mpk, 1, "other", 5, text, len,
	    NULL) == NET_ERR_SIGNATURE, "legacy signature over another "
	    "message rejected");
	free(text);

	/* 2. Our keygen files work with minisign. */
	minisign_keygen(&sk, &pk);
	text = minisign_pubkey_file(&pk);
	path = tmp_path("g.pub");
	spew(path, text);
	free(path);
	free(text);
	text = minisign_seckey_file(&sk);
	path = tmp_path("g.key");
	spew(path, text);
	chmod(path, 0600);
	free(path);
	free(text);
	CHECK1(run("minisign -S -s g.key -m msg -x msg.g.minisig") == 0,
	    "minisign signs with our secret key file");
	CHECK1(run("minisign -V -p g.pub -m msg -x msg.g.minisig") == 0,
	    "minisign verifies that with our public key file");
	path = tmp_path("msg.g.minisig");
	text = slurp(path, &len);
	free(path);
	CHECK1(text != NULL && minisign_verify(&pk, 1, msg, msglen, text, len,
	    NULL) == NET_OK, "and so do we");
	CHECK1(text != NULL && minisign_verify(&mpk, 1, msg, msglen, text, len,
	    NULL) == NET_ERR_SIGNATURE, "but not with the other key");
	free(text);
	CHECK1(run("minisign -V -p m.pub -m msg -x msg.g.minisig") != 0,
	    "minisign refuses it with the other key too");
}

int
main(void)
{
	const char	*t = getenv("TMPDIR");

	snprintf(tmpdir, sizeof tmpdir, "%s/globe-minisign-XXXXXX",
	    t != NULL && *t != '\0' ? t : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_internal();
	test_interop();
	run("rm -rf '%s'", tmpdir);
	HARNESS_END();
}
