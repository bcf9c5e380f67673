/*
 * device.c: a member's device key. An X25519 key pair (the recipient of
 * member-only feeds), kept in a small text file of the user's, mode
 * 0600, whose secret may be sealed with a key that argon2id derives from
 * a passphrase. The public half is written in the clear as the recipient
 * token, so `globe device show` needs no passphrase. The file is read
 * into locked memory and every secret is wiped after use.
 *
 *   globe device key 1
 *   recipient: globe1<48 characters: base64url of the key and a checksum>
 *   argon2id: t=3 m=33554432 salt=<base64 of 16 bytes>    (protected only)
 *   secret: <base64: the key, or the nonce and sealed key>
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "common/common.h"
#include "common/i18n.h"
#include "net/feed.h"

#define DEVICE_FIRST_LINE	"globe device key 1"
#define DEVICE_FILE_MAX		4096
#define DEVICE_CHECK_BYTES	4
#define DEVICE_SALT_BYTES	crypto_pwhash_argon2id_SALTBYTES
#define DEVICE_NONCE	crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define DEVICE_SEALED	(DEVICE_NONCE + 32 + \
	crypto_aead_xchacha20poly1305_ietf_ABYTES)
/*
 * argon2id's cost for a new key (a third of a second here), and the
 * bounds a file may name: a planted file cannot make globe spend
 * gigabytes, and the sync's memory stays under its 64 MiB.
 */
#define DEVICE_OPS		3
#define DEVICE_MEM		(32UL * 1024 * 1024)
#define DEVICE_OPS_MAX		16
#define DEVICE_MEM_MIN		(8UL * 1024 * 1024)
#define DEVICE_MEM_MAX		(48UL * 1024 * 1024)

/* A key file as read: all of it in locked memory. */
struct device_file {
	char		*path;
	uint8_t		 pk[32];
	int		 protected;
	unsigned long	 ops;
	unsigned long	 mem;
	uint8_t		 salt[DEVICE_SALT_BYTES];
	uint8_t		 secret[DEVICE_SEALED];	/* the key, or sealed */
	char		 recipient[DEVICE_RECIPIENT_LEN + 1];
};

static void *
device_alloc(size_t n)
{
	void	*p;

	feed_crypto_init();
	if ((p = sodium_malloc(n)) == NULL)
		abort();	/* as xmalloc: out of memory ends globe */
	memset(p, 0, n);
	return p;
}

/* The checksum a recipient token carries, so a typo is caught. */
static void
device_check(const uint8_t pk[32], uint8_t out[DEVICE_CHECK_BYTES])
{
	uint8_t	h[16];

	crypto_generichash(h, sizeof h, pk, 32,
	    (const uint8_t *)DEVICE_RECIPIENT_PREFIX,
	    strlen(DEVICE_RECIPIENT_PREFIX));
	memcpy(out, h, DEVICE_CHECK_BYTES);
}

char *
device_recipient(const uint8_t pk[32])
{
	uint8_t	bin[32 + DEVICE_CHECK_BYTES];
	char	b64[64];

	feed_crypto_init();
	memcpy(bin, pk, 32);
	device_check(pk, bin + 32);
	sodium_bin2base64(b64, sizeof b64, bin, sizeof bin,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return xasprintf("%s%s", DEVICE_RECIPIENT_PREFIX, b64);
}

int
device_recipient_parse(const char *s, size_t len, uint8_t pk[32])
{
	size_t	plen = strlen(DEVICE_RECIPIENT_PREFIX), got;
	uint8_t	bin[32 + DEVICE_CHECK_BYTES], check[DEVICE_CHECK_BYTES];

	feed_crypto_init();
	if (len != DEVICE_RECIPIENT_LEN ||
	    memcmp(s, DEVICE_RECIPIENT_PREFIX, plen) != 0)
		return -1;
	if (sodium_base642bin(bin, sizeof bin, s + plen, len - plen, NULL,
	    &got, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    got != sizeof bin)
		return -1;
	device_check(bin, check);
	if (sodium_memcmp(check, bin + 32, DEVICE_CHECK_BYTES) != 0)
		return -1;
	memcpy(pk, bin, 32);
	return 0;
}

struct device_key *
device_key_new(void)
{
	struct device_key	*k = device_alloc(sizeof *k);

	crypto_kx_keypair(k->pk, k->sk);
	return k;
}

void
device_key_free(struct device_key *k)
{
	if (k != NULL)
		sodium_free(k);		/* wipes */
}

/* What a sealed secret is bound to: the format and its recipient token. */
static char *
device_ad(const char *recipient)
{
	return xasprintf(DEVICE_FIRST_LINE "\n%s", recipient);
}

/* Derives the key that seals the secret; 0, or -1 (out of memory). */
static int
device_kdf(uint8_t out[32], const char *pass, size_t passlen,
    const uint8_t salt[DEVICE_SALT_BYTES], unsigned long ops,
    unsigned long mem)
{
	return crypto_pwhash(out, 32, pass, passlen, salt, ops, mem,
	    crypto_pwhash_ALG_ARGON2ID13);
}

int
device_key_write(const char *path, const struct device_key *k,
    const char *pass, size_t passlen, char **cause)
{
	struct device_file	*f;
	uint8_t			*seal;
	char			*recipient, *ad, *text, salt64[64];
	char			*sec64;
	size_t			 n, cap = 1024;
	int			 rc, saved;

	f = device_alloc(sizeof *f);
	seal = device_alloc(32);
	sec64 = device_alloc(128);
	text = device_alloc(cap);
	recipient = device_recipient(k->pk);
	if (passlen == 0) {
		sodium_bin2base64(sec64, 128, k->sk, 32,
		    sodium_base64_VARIANT_ORIGINAL);
		n = (size_t)snprintf(text, cap, DEVICE_FIRST_LINE "\n"
		    "recipient: %s\nsecret: %s\n", recipient, sec64);
	} else {
		randombytes_buf(f->salt, sizeof f->salt);
		if (device_kdf(seal, pass, passlen, f->salt, DEVICE_OPS,
		    DEVICE_MEM) != 0) {
			/* TRANSLATORS: argon2id is the name of an algorithm. */
			*cause = xstrdup(_("not enough memory for argon2id"));
			rc = -1;
			goto out;
		}
		ad = device_ad(recipient);
		randombytes_buf(f->secret, DEVICE_NONCE);
		crypto_aead_xchacha20poly1305_ietf_encrypt(f->secret +
		    DEVICE_NONCE, NULL, k->sk, 32, (const uint8_t *)ad,
		    strlen(ad), NULL, f->secret, seal);
		free(ad);
		sodium_bin2base64(salt64, sizeof salt64, f->salt,
		    sizeof f->salt, sodium_base64_VARIANT_ORIGINAL);
		sodium_bin2base64(sec64, 128, f->secret, DEVICE_SEALED,
		    sodium_base64_VARIANT_ORIGINAL);
		n = (size_t)snprintf(text, cap, DEVICE_FIRST_LINE "\n"
		    "recipient: %s\nargon2id: t=%d m=%lu salt=%s\n"
		    "secret: %s\n", recipient, DEVICE_OPS, DEVICE_MEM, salt64,
		    sec64);
	}
	rc = file_write_atomic(path, text, n, 0600, FILE_NEW);
	if (rc != 0) {
		saved = errno;
		/* TRANSLATORS: %s is the device key's file. */
		*cause = saved == EEXIST ? xasprintf(_("%s exists: a device "
		    "key is never overwritten"), path) :
		    xasprintf(_("cannot create %s: %s"), path, strerror(saved));
	}
out:
	free(recipient);
	sodium_free(text);
	sodium_free(sec64);
	sodium_free(seal);
	sodium_free(f);
	return rc;
}

/* Reads fd into buf until it ends or size bytes are read: the count. */
static size_t
device_read_all(int fd, char *buf, size_t size)
{
	size_t	len = 0;
	ssize_t	n;

	while (len < size) {
		n = read(fd, buf + len, size - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	return len;
}

static enum net_status
device_fail(char **cause, const char *path, const char *why)
{
	if (cause != NULL)
		/*
		 * TRANSLATORS: the device key's file, then what is wrong
		 * with it (a phrase of the list below, or the system's).
		 */
		*cause = xasprintf(_("device key %s: %s"), path, why);
	return NET_ERR_DEVICE_KEY;
}

/* Decodes exactly want bytes of base64 (standard, padded); 0 or -1. */
static int
device_unbase64(const char *s, uint8_t *out, size_t want)
{
	size_t	got;

	if (sodium_base642bin(out, want, s, strlen(s), NULL, &got, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0 || got != want)
		return -1;
	return 0;
}

/* Parses the text of a key file into f; NULL, or what is wrong. */
static const char *
device_parse(struct device_file *f, char *text)
{
	char		*line, *next, *salt64 = NULL, *v;
	int		 n = 0, have_recipient = 0, have_secret = 0;
	unsigned long	 ops, mem;
	int		 used;

	for (line = text; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		n++;
		if (n == 1) {
			if (strcmp(line, DEVICE_FIRST_LINE) != 0)
				/*
				 * TRANSLATORS: this and the phrases below
				 * say what is wrong with a device key file,
				 * after its name and a colon. "globe device
				 * key 1" is the file's first line, and
				 * recipient, argon2id and secret the names
				 * of its other lines: keep them.
				 */
				return _("not a globe device key (its first "
				    "line is not \"globe device key 1\")");
			continue;
		}
		if (strncmp(line, "recipient: ", 11) == 0 && !have_recipient) {
			v = line + 11;
			if (device_recipient_parse(v, strlen(v), f->pk) != 0)
				return _("its recipient line is damaged");
			memcpy(f->recipient, v, DEVICE_RECIPIENT_LEN);
			have_recipient = 1;
		} else if (strncmp(line, "argon2id: ", 10) == 0 &&
		    !f->protected) {
			used = 0;
			salt64 = xcalloc(1, strlen(line) + 1);
			if (sscanf(line + 10, "t=%lu m=%lu salt=%s%n", &ops,
			    &mem, salt64, &used) != 3 ||
			    line[10 + used] != '\0' || ops < 1 ||
			    ops > DEVICE_OPS_MAX || mem < DEVICE_MEM_MIN ||
			    mem > DEVICE_MEM_MAX || device_unbase64(salt64,
			    f->salt, sizeof f->salt) != 0) {
				free(salt64);
				return _("its argon2id line is damaged or asks "
				    "for more than globe allows");
			}
			free(salt64);
			f->ops = ops;
			f->mem = mem;
			f->protected = 1;
		} else if (strncmp(line, "secret: ", 8) == 0 && !have_secret) {
			have_secret = 1;
			v = line + 8;
			if (device_unbase64(v, f->secret, f->protected ?
			    DEVICE_SEALED : 32) != 0)
				return _("its secret line is damaged");
		} else if (*line != '\0')
			return _("it holds a line globe does not know");
	}
	if (!have_recipient || !have_secret)
		return _("it lacks its recipient or secret line");
	return NULL;
}

enum net_status
device_file_read(const char *path, struct device_file **fp, char **cause)
{
	struct device_file	*f;
	char			*text, *why = NULL;
	const char		*bad;
	size_t			 len = 0;
	int			 fd;

	*fp = NULL;
	if (path_check_file(path, PATH_SECRET, &why) != 0) {
		if (errno == ENOENT) {
			free(why);
			if (cause != NULL)
				/*
				 * TRANSLATORS: %s is the key's file; `globe
				 * device init` is a command: keep it.
				 */
				*cause = xasprintf(_("no device key at %s "
				    "(`globe device init` makes one)"), path);
			return NET_ERR_DEVICE_KEY;
		}
		if (cause != NULL)
			*cause = xasprintf(_("device key %s: %s"), path, why);
		free(why);
		return NET_ERR_DEVICE_KEY;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW |
	    O_NONBLOCK)) < 0)
		return device_fail(cause, path, errno == ELOOP ? _("it is a "
		    "symbolic link; it must be a regular file") :
		    strerror(errno));
	text = device_alloc(DEVICE_FILE_MAX + 1);
	len = device_read_all(fd, text, DEVICE_FILE_MAX);
	close(fd);
	f = device_alloc(sizeof *f);
	bad = len == DEVICE_FILE_MAX ? _("it is too large for a device key") :
	    device_parse(f, text);
	sodium_free(text);
	if (bad != NULL) {
		sodium_free(f);
		return device_fail(cause, path, bad);
	}
	f->path = xstrdup(path);
	*fp = f;
	return NET_OK;
}

void
device_file_free(struct device_file *f)
{
	if (f == NULL)
		return;
	free(f->path);
	sodium_free(f);		/* wipes */
}

int
device_file_protected(const struct device_file *f)
{
	return f->protected;
}

const uint8_t *
device_file_public(const struct device_file *f)
{
	return f->pk;
}

enum net_status
device_file_unlock(const struct device_file *f, const char *pass,
    size_t passlen, struct device_key **kp, char **cause)
{
	struct device_key	*k;
	uint8_t			*seal, pk[32];
	char			*ad;
	int			 rc;

	*kp = NULL;
	k = device_alloc(sizeof *k);
	if (!f->protected)
		memcpy(k->sk, f->secret, 32);
	else {
		seal = device_alloc(32);
		if (device_kdf(seal, pass, passlen, f->salt, f->ops,
		    f->mem) != 0) {
			sodium_free(seal);
			sodium_free(k);
			return device_fail(cause, f->path, _("not enough "
			    "memory for argon2id"));
		}
		ad = device_ad(f->recipient);
		rc = crypto_aead_xchacha20poly1305_ietf_decrypt(k->sk, NULL,
		    NULL, f->secret + DEVICE_NONCE, DEVICE_SEALED -
		    DEVICE_NONCE, (const uint8_t *)ad, strlen(ad), f->secret,
		    seal);
		free(ad);
		sodium_free(seal);
		if (rc != 0) {
			sodium_free(k);
			if (cause != NULL)
				/* TRANSLATORS: %s is the device key's file. */
				*cause = xasprintf(_("wrong passphrase for the "
				    "device key %s"), f->path);
			return NET_ERR_DEVICE_KEY;
		}
	}
	/* The secret must be the one of the recipient the file names. */
	crypto_scalarmult_base(pk, k->sk);
	if (sodium_memcmp(pk, f->pk, 32) != 0) {
		sodium_free(k);
		return device_fail(cause, f->path, _("its secret does not "
		    "match its recipient line (a damaged file)"));
	}
	memcpy(k->pk, f->pk, 32);
	*kp = k;
	return NET_OK;
}

enum net_status
device_passphrase_read(const char *path, char *buf, size_t size,
    size_t *lenp, char **cause)
{
	struct stat	 lst, st;
	size_t		 len = 0;
	int		 fd;
	const char	*why = NULL;

	*lenp = 0;
	if (lstat(path, &lst) != 0)
		why = strerror(errno);
	else if (S_ISLNK(lst.st_mode))
		/*
		 * TRANSLATORS: this and the next two say what is wrong
		 * with the passphrase file, after "passphrase file FILE: ".
		 */
		why = _("a symbolic link; it must be a regular file");
	else if (!S_ISREG(lst.st_mode))
		why = _("not a regular file");
	else if (lst.st_uid != geteuid())
		why = _("not owned by you");
	else if ((lst.st_mode & 077) != 0) {
		if (cause != NULL)
			/*
			 * TRANSLATORS: the file, its mode (octal), the file
			 * again; chmod 600 is a command: keep it.
			 */
			*cause = xasprintf(_("passphrase file %s has mode "
			    "%04o: others may read it (chmod 600 %s)"), path,
			    (unsigned)(lst.st_mode & 07777), path);
		return NET_ERR_DEVICE_KEY;
	}
	if (why != NULL) {
		if (cause != NULL)
			/* TRANSLATORS: the file, then what is wrong with it. */
			*cause = xasprintf(_("passphrase file %s: %s"), path,
			    why);
		return NET_ERR_DEVICE_KEY;
	}
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK)) < 0 || fstat(fd, &st) != 0 ||
	    st.st_ino != lst.st_ino || st.st_dev != lst.st_dev) {
		if (fd >= 0)
			close(fd);
		if (cause != NULL)
			*cause = xasprintf(_("passphrase file %s changed while "
			    "it was read"), path);
		return NET_ERR_DEVICE_KEY;
	}
	len = device_read_all(fd, buf, size);
	close(fd);
	if (len == size) {
		sodium_memzero(buf, size);
		if (cause != NULL)
			/* TRANSLATORS: the file; the most bytes it may hold. */
			*cause = xasprintf(P_("passphrase file %s is longer "
			    "than %zu byte", "passphrase file %s is longer "
			    "than %zu bytes", size - 1), path, size - 1);
		return NET_ERR_DEVICE_KEY;
	}
	if (len > 0 && buf[len - 1] == '\n')
		len--;
	if (len > 0 && buf[len - 1] == '\r')
		len--;
	if (len == 0) {
		if (cause != NULL)
			*cause = xasprintf(_("passphrase file %s is empty"),
			    path);
		return NET_ERR_DEVICE_KEY;
	}
	*lenp = len;
	return NET_OK;
}
