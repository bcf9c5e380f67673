/*
 * present-vcard.c: --vcard, vCard 4.0 (RFC 6350) for the commands that
 * list people and authorities: contacts as individuals, authorities as
 * KIND:org. Values are sanitized, then escaped (\ , ; newline); content
 * lines end in CRLF and are folded at 75 octets, never inside a UTF-8
 * sequence.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/common.h"
#include "tui/present.h"

#define VCARD_FOLD	75

/* Escapes s, sanitized in mode, into b. */
static void
vcard_escape_mode(struct buf *b, const char *s, enum sanitize_mode mode)
{
	char		*clean, *p;

	clean = sanitize_data(s != NULL ? s : "", mode);
	for (p = clean; *p != '\0'; p++) {
		switch (*p) {
		case '\\':
			buf_adds(b, "\\\\");
			break;
		case ',':
			buf_adds(b, "\\,");
			break;
		case ';':
			buf_adds(b, "\\;");
			break;
		case '\n':
			buf_adds(b, "\\n");
			break;
		default:
			buf_addc(b, *p);
			break;
		}
	}
	free(clean);
}

void
out_vcard_escape(struct buf *b, const char *s)
{
	vcard_escape_mode(b, s, SANITIZE_TEXT);
}

void
out_vcard_line(struct buf *b, const char *line)
{
	size_t		 len = strlen(line), i = 0, room = VCARD_FOLD, take;
	unsigned char	 c;

	for (;;) {
		take = len - i;
		if (take > room) {
			take = room;
			/* Back off to the start of a character. */
			while (take > 0) {
				c = (unsigned char)line[i + take];
				if ((c & 0xc0) != 0x80)
					break;
				take--;
			}
			if (take == 0)
				take = room;
		}
		buf_add(b, line + i, take);
		buf_adds(b, "\r\n");
		i += take;
		if (i >= len)
			break;
		buf_addc(b, ' ');
		room = VCARD_FOLD - 1;
	}
}

/* NAME:value (value escaped), skipped if the value is absent or empty. */
static void
vcard_prop(struct buf *b, const char *name, const char *value)
{
	struct buf	 line;

	if (value == NULL || *value == '\0')
		return;
	buf_init(&line);
	buf_adds(&line, name);
	buf_addc(&line, ':');
	/* Addresses and ids show what they hide (a zero-width joiner too). */
	vcard_escape_mode(&line, value, strncmp(name, "EMAIL", 5) == 0 ||
	    strncmp(name, "TEL", 3) == 0 || strcmp(name, "URL") == 0 ||
	    strcmp(name, "UID") == 0 ? SANITIZE_IDENT : SANITIZE_TEXT);
	out_vcard_line(b, line.data);
	buf_free(&line);
}

static void
vcard_list(struct buf *b, const char *name, const struct record_value *v)
{
	size_t	 i;

	for (i = 0; v->list != NULL && i < v->n; i++)
		vcard_prop(b, name, v->list[i]);
}

/* N: family;given;;; (the last word is taken as the family name). */
static void
vcard_n(struct buf *b, const char *name)
{
	struct buf	 line;
	const char	*sp;
	char		*given;

	buf_init(&line);
	buf_adds(&line, "N:");
	sp = strrchr(name, ' ');
	if (sp != NULL && sp != name && sp[1] != '\0') {
		given = xstrndup(name, (size_t)(sp - name));
		out_vcard_escape(&line, sp + 1);
		buf_addc(&line, ';');
		out_vcard_escape(&line, given);
		free(given);
	} else {
		out_vcard_escape(&line, name);
		buf_addc(&line, ';');
	}
	buf_adds(&line, ";;;");
	out_vcard_line(b, line.data);
	buf_free(&line);
}

static void
vcard_contact(struct buf *b, const struct out_item *it)
{
	const struct record	*r = &it->rec;
	struct buf		 note;
	char			*uid;

	vcard_prop(b, "FN", r->v[CONTACT_NAME].s);
	vcard_n(b, r->v[CONTACT_NAME].s != NULL ? r->v[CONTACT_NAME].s : "");
	vcard_prop(b, "TITLE", r->v[CONTACT_TITLE].s);
	vcard_prop(b, "ORG", it->authority_name);
	vcard_prop(b, "EMAIL", r->v[CONTACT_EMAIL].s);
	vcard_prop(b, "TEL;TYPE=work", r->v[CONTACT_PHONE].s);
	vcard_prop(b, "TEL;TYPE=cell", r->v[CONTACT_MOBILE].s);
	vcard_list(b, "LANG", &r->v[CONTACT_LANGUAGES]);
	vcard_prop(b, "TZ", r->v[CONTACT_TIMEZONE].s);
	buf_init(&note);
	if (r->v[CONTACT_ROLE].s != NULL)
		buf_addf(&note, "Role: %s", r->v[CONTACT_ROLE].s);
	if (r->v[CONTACT_HOURS].s != NULL)
		buf_addf(&note, "%sHours: %s", note.len > 0 ? "\n" : "",
		    r->v[CONTACT_HOURS].s);
	vcard_prop(b, "NOTE", note.data);
	buf_free(&note);
	uid = xasprintf("urn:globe:%s", r->v[CONTACT_ID].s);
	vcard_prop(b, "UID", uid);
	free(uid);
}

static void
vcard_authority(struct buf *b, const struct out_item *it)
{
	const struct record	*r = &it->rec;
	const char		*addr = r->v[AUTH_ADDRESS].s;
	struct buf		 line;
	char			*uid, *clean, *p;

	vcard_prop(b, "FN", r->v[AUTH_NAME].s);
	vcard_prop(b, "ORG", r->v[AUTH_NAME].s);
	vcard_prop(b, "NICKNAME", r->v[AUTH_ACRONYM].s);
	vcard_prop(b, "EMAIL", r->v[AUTH_EMAIL].s);
	vcard_prop(b, "TEL;TYPE=work", r->v[AUTH_PHONE].s);
	vcard_prop(b, "URL", r->v[AUTH_WEBSITE].s);
	if (addr != NULL && *addr != '\0') {
		/* LABEL is a quoted parameter: no quotes, newlines as ^n. */
		buf_init(&line);
		buf_adds(&line, "ADR;LABEL=\"");
		clean = sanitize_data(addr, SANITIZE_TEXT);
		for (p = clean; *p != '\0'; p++) {
			if (*p == '"')
				buf_addc(&line, '\'');
			else if (*p == '^')
				buf_adds(&line, "^^");
			else if (*p == '\n')
				buf_adds(&line, "^n");
			else
				buf_addc(&line, *p);
		}
		free(clean);
		buf_adds(&line, "\":;;");
		out_vcard_escape(&line, addr);
		buf_adds(&line, ";;;;");
		out_vcard_line(b, line.data);
		buf_free(&line);
	}
	vcard_list(b, "LANG", &r->v[AUTH_LANGUAGES]);
	vcard_prop(b, "NOTE", r->v[AUTH_NOTES].s);
	uid = xasprintf("urn:globe:%s", r->v[AUTH_ID].s);
	vcard_prop(b, "UID", uid);
	free(uid);
}

void
out_vcard_item(struct buf *b, const struct out_item *it)
{
	if (it->rec.type != REC_CONTACT && it->rec.type != REC_AUTHORITY)
		return;
	out_vcard_line(b, "BEGIN:VCARD");
	out_vcard_line(b, "VERSION:4.0");
	if (it->rec.type == REC_CONTACT) {
		out_vcard_line(b, "KIND:individual");
		vcard_contact(b, it);
	} else {
		out_vcard_line(b, "KIND:org");
		vcard_authority(b, it);
	}
	out_vcard_line(b, "END:VCARD");
}

void
out_vcard_list(struct buf *b, const struct out_list *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		out_vcard_item(b, &l->v[i]);
}
