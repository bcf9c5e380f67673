/*
 * minisign.c: minisign keys and signatures with libsodium, byte for byte
 * the formats of https://jedisct1.github.io/minisign/, so that feeds signed
 * by `minisign -S` verify here and ours verify with `minisign -V`. Only
 * unencrypted secret keys are read (minisign -G -W, globe-publish --keygen).
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/feed.h"

#define MS_SIGALG		"Ed"
#define MS_SIGALG_HASHED	"ED"
#define MS_KDF_SCRYPT		"Sc"
#define MS_CHKALG		"B2"
#define MS_COMMENT		"untrusted comment: "
#define MS_TRUSTED		"trusted comment: "

#define MS_PUBKEY_BYTES		(2 + 8 + 32)
#define MS_SECKEY_BYTES		(2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32)
#define MS_SIG_BYTES		(2 + 8 + 64)

/* Offsets in the secret key structure. */
#define MS_SK_KDF		2
#define MS_SK_CHK_ALG		4
#define MS_SK_KEYNUM		54
#define MS_SK_SK		62
#define MS_SK_CHK		126

static void
minisign_init(void)
{
	static int	done;

	if (!done) {
		if (sodium_init() < 0)
			abort();	/* no usable randomness: nothing is safe */
		done = 1;
	}
}

/* The key id as minisign prints it (little-endian 64-bit, upper hex). */
static char *
minisign_id_hex(const uint8_t id[8])
{
	uint64_t	v = 0;
	int		i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | id[i];
	return xasprintf("%" PRIX64, v);
}

static char *
minisign_base64(const void *bin, size_t len)
{
	size_t	 n = sodium_base64_ENCODED_LEN(len,
		    sodium_base64_VARIANT_ORIGINAL);
	char	*out = xmalloc(n);

	sodium_bin2base64(out, n, bin, len, sodium_base64_VARIANT_ORIGINAL);
	return out;
}

/* Decodes exactly want bytes of base64 from s[0..len); 0 or -1. */
static int
minisign_unbase64(const char *s, size_t len, void *out, size_t want)
{
	size_t	got;

	if (sodium_base642bin(out, want, s, len, NULL, &got, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0 || got != want)
		return -1;
	return 0;
}

/*
 * Splits text into at most max lines (without "\n" or "\r\n"). Returns
 * the number of lines; the strings point into copy, which the caller frees.
 */
static size_t
minisign_lines(const char *text, size_t len, char **copy, char **lines,
    size_t max)
{
	char	*p, *nl;
	size_t	 n = 0, l;

	*copy = xstrndup(text, len);
	p = *copy;
	while (*p != '\0' && n < max) {
		nl = strchr(p, '\n');
		if (nl != NULL)
			*nl = '\0';
		l = strlen(p);
		if (l > 0 && p[l - 1] == '\r')
			p[l - 1] = '\0';
		lines[n++] = p;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return n;
}

static char *
minisign_trim(char *s)
{
	size_t	l;

	while (*s == ' ' || *s == '\t')
		s++;
	l = strlen(s);
	while (l > 0 && (s[l - 1] == ' ' || s[l - 1] == '\t'))
		s[--l] = '\0';
	return s;
}

/*
 * The base64 line of a key file: the first line that is neither empty
 * nor an untrusted comment.
 */
static char *
minisign_key_line(char **lines, size_t n)
{
	size_t	i;
	char	*s;

	for (i = 0; i < n; i++) {
		s = minisign_trim(lines[i]);
		if (*s == '\0' || strncmp(s, MS_COMMENT,
		    strlen(MS_COMMENT)) == 0 ||
		    strncmp(s, "untrusted comment:", 18) == 0)
			continue;
		return s;
	}
	return NULL;
}

enum net_status
minisign_pubkey_parse(const char *text, struct minisign_pubkey *pk,
    char **cause)
{
	uint8_t	 bin[MS_PUBKEY_BYTES];
	char	*copy, *lines[4], *b64;
	size_t	 n;

	minisign_init();
	if (text == NULL)
		text = "";
	n = minisign_lines(text, strlen(text), &copy, lines, 4);
	b64 = minisign_key_line(lines, n);
	if (b64 == NULL || minisign_unbase64(b64, strlen(b64), bin,
	    sizeof bin) != 0) {
		free(copy);
		if (cause != NULL)
			*cause = xstrdup(_("not a minisign public key "
			    "(expected the base64 line of a .pub file, like "
			    "RWQ…)"));
		return NET_ERR_USAGE;
	}
	free(copy);
	if (memcmp(bin, MS_SIGALG, 2) != 0) {
		if (cause != NULL)
			*cause = xstrdup(_("unsupported public key algorithm "
			    "(expected Ed25519, \"Ed\")"));
		return NET_ERR_USAGE;
	}
	memcpy(pk->id, bin + 2, 8);
	memcpy(pk->pk, bin + 10, 32);
	return NET_OK;
}

char *
minisign_pubkey_base64(const struct minisign_pubkey *pk)
{
	uint8_t	bin[MS_PUBKEY_BYTES];

	minisign_init();
	memcpy(bin, MS_SIGALG, 2);
	memcpy(bin + 2, pk->id, 8);
	memcpy(bin + 10, pk->pk, 32);
	return minisign_base64(bin, sizeof bin);
}

static void
minisign_seckey_checksum(const uint8_t id[8], const uint8_t sk[64],
    uint8_t chk[32])
{
	crypto_generichash_state	hs;

	crypto_generichash_init(&hs, NULL, 0, 32);
	crypto_generichash_update(&hs, (const unsigned char *)MS_SIGALG, 2);
	crypto_generichash_update(&hs, id, 8);
	crypto_generichash_update(&hs, sk, 64);
	crypto_generichash_final(&hs, chk, 32);
}

enum net_status
minisign_seckey_parse(const char *text, struct minisign_seckey *sk,
    char **cause)
{
	uint8_t	 bin[MS_SECKEY_BYTES], chk[32], zero[32], pk[32], seed_sk[64];
	char	*copy, *lines[4], *b64;
	const char *why = NULL;
	size_t	 n;

	minisign_init();
	if (text == NULL)
		text = "";
	n = minisign_lines(text, strlen(text), &copy, lines, 4);
	b64 = minisign_key_line(lines, n);
	if (b64 == NULL || minisign_unbase64(b64, strlen(b64), bin,
	    sizeof bin) != 0)
		why = _("not a minisign secret key file");
	free(copy);
	if (why == NULL && memcmp(bin, MS_SIGALG, 2) != 0)
		why = _("unsupported secret key algorithm (expected Ed25519)");
	if (why == NULL && memcmp(bin + MS_SK_KDF, MS_KDF_SCRYPT, 2) == 0)
		why = _("encrypted secret keys are not supported; create the "
		    "key with `minisign -G -W` or `globe-publish --keygen`");
	if (why == NULL && (bin[MS_SK_KDF] != 0 || bin[MS_SK_KDF + 1] != 0))
		why = _("unsupported key derivation in the secret key");
	if (why == NULL && memcmp(bin + MS_SK_CHK_ALG, MS_CHKALG, 2) != 0)
		why = _("unsupported checksum algorithm in the secret key");
	if (why == NULL) {
		/* minisign 0.11 -W leaves the checksum zero; others fill it. */
		minisign_seckey_checksum(bin + MS_SK_KEYNUM, bin + MS_SK_SK, chk);
		memset(zero, 0, sizeof zero);
		if (sodium_memcmp(chk, bin + MS_SK_CHK, 32) != 0 &&
		    sodium_memcmp(zero, bin + MS_SK_CHK, 32) != 0)
			why = _("the secret key's checksum does not match "
			    "(damaged key file?)");
	}
	if (why == NULL) {
		/* The second half of an Ed25519 secret key is its public key. */
		crypto_sign_seed_keypair(pk, seed_sk, bin + MS_SK_SK);
		if (sodium_memcmp(seed_sk, bin + MS_SK_SK, 64) != 0)
			why = _("the secret key is inconsistent (damaged key "
			    "file?)");
		sodium_memzero(seed_sk, sizeof seed_sk);
	}
	if (why != NULL) {
		sodium_memzero(bin, sizeof bin);
		if (cause != NULL)
			*cause = xstrdup(why);
		return NET_ERR_USAGE;
	}
	memcpy(sk->id, bin + MS_SK_KEYNUM, 8);
	memcpy(sk->sk, bin + MS_SK_SK, 64);
	sodium_memzero(bin, sizeof bin);
	return NET_OK;
}

void
minisign_keygen(struct minisign_seckey *sk, struct minisign_pubkey *pk)
{
	minisign_init();
	randombytes_buf(sk->id, sizeof sk->id);
	crypto_sign_keypair(pk->pk, sk->sk);
	memcpy(pk->id, sk->id, sizeof pk->id);
}

char *
minisign_pubkey_file(const struct minisign_pubkey *pk)
{
	char	*id, *b64, *out;

	id = minisign_id_hex(pk->id);
	b64 = minisign_pubkey_base64(pk);
	out = xasprintf(MS_COMMENT "minisign public key %s\n%s\n", id, b64);
	free(id);
	free(b64);
	return out;
}

char *
minisign_seckey_file(const struct minisign_seckey *sk)
{
	uint8_t	 bin[MS_SECKEY_BYTES];
	char	*b64, *out;

	minisign_init();
	memset(bin, 0, sizeof bin);
	memcpy(bin, MS_SIGALG, 2);
	/* kdf "\0\0" (none), no salt or limits: an unencrypted key. */
	memcpy(bin + MS_SK_CHK_ALG, MS_CHKALG, 2);
	memcpy(bin + MS_SK_KEYNUM, sk->id, 8);
	memcpy(bin + MS_SK_SK, sk->sk, 64);
	minisign_seckey_checksum(sk->id, sk->sk, bin + MS_SK_CHK);
	b64 = minisign_base64(bin, sizeof bin);
	sodium_memzero(bin, sizeof bin);
	out = xasprintf(MS_COMMENT "minisign unencrypted secret key\n%s\n", b64);
	sodium_memzero(b64, strlen(b64));
	free(b64);
	return out;
}

static enum net_status
minisign_fail(char **cause, enum net_status status, char *msg)
{
	if (cause != NULL)
		*cause = msg;
	else
		free(msg);
	return status;
}

enum net_status
minisign_verify(const struct minisign_pubkey *keys, size_t nkeys,
    const void *msg, size_t len, const char *sig, size_t siglen,
    char **cause)
{
	size_t	which;

	return minisign_verify_which(keys, nkeys, msg, len, sig, siglen,
	    &which, cause);
}

enum net_status
minisign_verify_which(const struct minisign_pubkey *keys, size_t nkeys,
    const void *msg, size_t len, const char *sig, size_t siglen,
    size_t *which, char **cause)
{
	uint8_t				 bin[MS_SIG_BYTES], global[64];
	uint8_t				 hash[crypto_generichash_BYTES_MAX];
	uint8_t				*signed_comment;
	const struct minisign_pubkey	*key = NULL;
	char				*copy, *lines[5], *comment, *id;
	size_t				 n, i, clen;
	int				 hashed, rc;

	minisign_init();
	if (memchr(sig, '\0', siglen) != NULL)
		return minisign_fail(cause, NET_ERR_SIGNATURE,
		    xstrdup(_("the signature file is not text")));
	n = minisign_lines(sig, siglen, &copy, lines, 5);
	if (n < 4 || strncmp(lines[0], "untrusted comment:", 18) != 0 ||
	    strncmp(lines[2], MS_TRUSTED, strlen(MS_TRUSTED)) != 0) {
		free(copy);
		return minisign_fail(cause, NET_ERR_SIGNATURE,
		    xstrdup(_("not a minisign signature file")));
	}
	lines[1] = minisign_trim(lines[1]);
	lines[3] = minisign_trim(lines[3]);
	if (minisign_unbase64(lines[1], strlen(lines[1]), bin, sizeof bin) != 0 ||
	    minisign_unbase64(lines[3], strlen(lines[3]), global,
	    sizeof global) != 0) {
		free(copy);
		return minisign_fail(cause, NET_ERR_SIGNATURE,
		    xstrdup(_("the signature file is damaged (bad base64)")));
	}
	comment = lines[2] + strlen(MS_TRUSTED);
	if (memcmp(bin, MS_SIGALG, 2) == 0)
		hashed = 0;
	else if (memcmp(bin, MS_SIGALG_HASHED, 2) == 0)
		hashed = 1;
	else {
		free(copy);
		return minisign_fail(cause, NET_ERR_SIGNATURE,
		    xstrdup(_("unsupported signature algorithm")));
	}
	for (i = 0; i < nkeys; i++) {
		if (memcmp(keys[i].id, bin + 2, 8) == 0) {
			key = &keys[i];
			*which = i;
			break;
		}
	}
	if (key == NULL) {
		free(copy);
		id = minisign_id_hex(bin + 2);
		comment = xasprintf(_("signed by key %s, which is not "
		    "configured"), id);
		free(id);
		return minisign_fail(cause, NET_ERR_SIGNATURE, comment);
	}
	if (hashed) {
		crypto_generichash(hash, sizeof hash, msg, len, NULL, 0);
		rc = crypto_sign_verify_detached(bin + 10, hash, sizeof hash,
		    key->pk);
	} else
		rc = crypto_sign_verify_detached(bin + 10, msg, len, key->pk);
	if (rc != 0) {
		free(copy);
		return minisign_fail(cause, NET_ERR_SIGNATURE,
		    xstrdup(_("the signature does not match the data")));
	}
	clen = strlen(comment);
	signed_comment = xmalloc(64 + clen);
	memcpy(signed_comment, bin + 10, 64);
	memcpy(signed_comment + 64, comment, clen);
	rc = crypto_sign_verify_detached(global, signed_comment, 64 + clen,
	    key->pk);
	free(signed_comment);
	free(copy);
	if (rc != 0)
		return minisign_fail(cause, NET_ERR_SIGNATURE,
		    xstrdup(_("the trusted comment's signature does not "
		    "match")));
	return NET_OK;
}

char *
minisign_sign(const struct minisign_seckey *sk, const void *msg, size_t len,
    const char *trusted_comment)
{
	uint8_t	 bin[MS_SIG_BYTES], global[64];
	uint8_t	 hash[crypto_generichash_BYTES_MAX];
	uint8_t	*signed_comment;
	char	*comment, *b64, *gb64, *out, *p;
	size_t	 clen;

	minisign_init();
	if (trusted_comment == NULL)
		comment = xasprintf("timestamp:%lld", (long long)time(NULL));
	else
		comment = xstrdup(trusted_comment);
	/* The trusted comment is one line. */
	for (p = comment; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	}
	memcpy(bin, MS_SIGALG_HASHED, 2);
	memcpy(bin + 2, sk->id, 8);
	crypto_generichash(hash, sizeof hash, msg, len, NULL, 0);
	crypto_sign_detached(bin + 10, NULL, hash, sizeof hash, sk->sk);
	clen = strlen(comment);
	signed_comment = xmalloc(64 + clen);
	memcpy(signed_comment, bin + 10, 64);
	memcpy(signed_comment + 64, comment, clen);
	crypto_sign_detached(global, NULL, signed_comment, 64 + clen, sk->sk);
	free(signed_comment);
	b64 = minisign_base64(bin, sizeof bin);
	gb64 = minisign_base64(global, sizeof global);
	out = xasprintf(MS_COMMENT "signature from globe-publish secret key\n"
	    "%s\n" MS_TRUSTED "%s\n%s\n", b64, comment, gb64);
	free(b64);
	free(gb64);
	free(comment);
	return out;
}
