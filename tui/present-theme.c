/*
 * present-theme.c: the colours of the screens, as data. Each element the
 * screens draw (the title line, the cursor, a match …) has a foreground,
 * a background and attributes, taken from a built-in theme (default,
 * light, high-contrast, mono) and changed by `color = ELEMENT FOREGROUND
 * BACKGROUND [ATTR...]` lines, as in tig and mutt. This file names and
 * parses them for both front ends: the command line checks every line
 * of the config with it, the curses part (ui-display.c) turns the result
 * into colour pairs. No curses here.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/present.h"

/* The elements in enum theme_element's order, as a colour line names them. */
static const char *const element_names[THEME_COUNT] = {
	[THEME_NORMAL] = "normal",
	[THEME_TITLE] = "title",
	[THEME_STATUS] = "status",
	[THEME_HEADER] = "header",
	[THEME_LABEL] = "label",
	[THEME_SELECTED] = "selected",
	[THEME_MATCH] = "match",
	[THEME_UNREAD] = "unread",
	[THEME_WARN] = "warn",
	[THEME_DIMMED] = "dimmed",
};

static const char *const theme_names[THEME_ID_COUNT] = {
	[THEME_ID_DEFAULT] = "default",
	[THEME_ID_LIGHT] = "light",
	[THEME_ID_HIGH_CONTRAST] = "high-contrast",
	[THEME_ID_MONO] = "mono",
};

/* The sixteen colours by name: 0-7, then bright 8-15 ("brightred"). */
static const char *const color_names[16] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	"brightblack", "brightred", "brightgreen", "brightyellow",
	"brightblue", "brightmagenta", "brightcyan", "brightwhite",
};

static const struct {
	const char	*name;
	int		 attr;
} attr_names[] = {
	{ "normal", 0 },
	{ "bold", THEME_BOLD },
	{ "underline", THEME_UNDERLINE },
	{ "reverse", THEME_REVERSE },
	{ "dim", THEME_DIM },
	{ "standout", THEME_STANDOUT },
};
#define NATTRS	(sizeof attr_names / sizeof attr_names[0])

#define D	THEME_COLOR_DEFAULT
#define S(f, b, a)	{ (f), (b), (a), 1 }
/*
 * The built-in themes. mono is the attributes alone: what every theme
 * falls back to without colours (NO_COLOR, --no-color, a terminal that
 * has none), unless a colour line gives its own attributes.
 */
static const struct theme_style themes[THEME_ID_COUNT][THEME_COUNT] = {
	[THEME_ID_DEFAULT] = {
		[THEME_NORMAL] = S(D, D, 0),
		[THEME_TITLE] = S(THEME_WHITE, THEME_BLUE, THEME_BOLD),
		[THEME_STATUS] = S(THEME_WHITE, THEME_BLUE, 0),
		[THEME_HEADER] = S(D, D, THEME_BOLD),
		[THEME_LABEL] = S(THEME_CYAN, D, 0),
		[THEME_SELECTED] = S(THEME_BLACK, THEME_CYAN, 0),
		[THEME_MATCH] = S(THEME_YELLOW, D, THEME_BOLD),
		[THEME_UNREAD] = S(D, D, THEME_BOLD),
		[THEME_WARN] = S(THEME_RED, D, THEME_BOLD),
		[THEME_DIMMED] = S(D, D, THEME_DIM),
	},
	/* For a light background: no yellow or cyan text on white. */
	[THEME_ID_LIGHT] = {
		[THEME_NORMAL] = S(D, D, 0),
		[THEME_TITLE] = S(THEME_WHITE, THEME_BLUE, THEME_BOLD),
		[THEME_STATUS] = S(THEME_WHITE, THEME_BLACK, 0),
		[THEME_HEADER] = S(THEME_BLUE, D, THEME_BOLD),
		[THEME_LABEL] = S(THEME_BLUE, D, 0),
		[THEME_SELECTED] = S(THEME_BLACK, THEME_CYAN, 0),
		[THEME_MATCH] = S(THEME_MAGENTA, D, THEME_BOLD | THEME_UNDERLINE),
		[THEME_UNREAD] = S(D, D, THEME_BOLD),
		[THEME_WARN] = S(THEME_RED, D, THEME_BOLD),
		[THEME_DIMMED] = S(D, D, THEME_DIM),
	},
	/* Bright text on black, the cursor in black on yellow. */
	[THEME_ID_HIGH_CONTRAST] = {
		[THEME_NORMAL] = S(THEME_BRIGHT(THEME_WHITE), THEME_BLACK, 0),
		[THEME_TITLE] = S(THEME_BLACK, THEME_BRIGHT(THEME_WHITE),
		    THEME_BOLD),
		[THEME_STATUS] = S(THEME_BLACK, THEME_BRIGHT(THEME_WHITE), 0),
		[THEME_HEADER] = S(THEME_BRIGHT(THEME_WHITE), THEME_BLACK,
		    THEME_BOLD | THEME_UNDERLINE),
		[THEME_LABEL] = S(THEME_BRIGHT(THEME_CYAN), THEME_BLACK, 0),
		[THEME_SELECTED] = S(THEME_BLACK, THEME_BRIGHT(THEME_YELLOW),
		    THEME_BOLD),
		[THEME_MATCH] = S(THEME_BRIGHT(THEME_YELLOW), THEME_BLACK,
		    THEME_BOLD | THEME_UNDERLINE),
		[THEME_UNREAD] = S(THEME_BRIGHT(THEME_WHITE), THEME_BLACK,
		    THEME_BOLD),
		[THEME_WARN] = S(THEME_BRIGHT(THEME_RED), THEME_BLACK,
		    THEME_BOLD),
		[THEME_DIMMED] = S(THEME_WHITE, THEME_BLACK, 0),
	},
	[THEME_ID_MONO] = {
		[THEME_NORMAL] = S(D, D, 0),
		[THEME_TITLE] = S(D, D, THEME_REVERSE | THEME_BOLD),
		[THEME_STATUS] = S(D, D, THEME_REVERSE),
		[THEME_HEADER] = S(D, D, THEME_BOLD),
		[THEME_LABEL] = S(D, D, 0),
		[THEME_SELECTED] = S(D, D, THEME_REVERSE),
		[THEME_MATCH] = S(D, D, THEME_BOLD | THEME_UNDERLINE),
		[THEME_UNREAD] = S(D, D, THEME_BOLD),
		[THEME_WARN] = S(D, D, THEME_BOLD),
		[THEME_DIMMED] = S(D, D, THEME_DIM),
	},
};
#undef S
#undef D

const char *
theme_element_name(enum theme_element e)
{
	return (unsigned)e < THEME_COUNT ? element_names[e] : "";
}

const char *
theme_id_name(enum theme_id id)
{
	return (unsigned)id < THEME_ID_COUNT ? theme_names[id] : "";
}

const struct theme_style *
theme_styles(enum theme_id id)
{
	return themes[(unsigned)id < THEME_ID_COUNT ? id : THEME_ID_DEFAULT];
}

/* What a word of a colour or theme line names, for the messages. */
enum theme_word {
	TW_ELEMENT,
	TW_COLOUR,
	TW_ATTRIBUTE,
	TW_THEME
};

/*
 * "unknown colour 'rde'; did you mean 'red'?" when close is not NULL,
 * else "unknown attribute 'blink' (one of normal, bold …)". Whole
 * sentences, one per kind of word, for the translators. Caller frees.
 */
static char *
theme_unknown(enum theme_word kind, const char *word, const char *close,
    const char *all)
{
	switch (kind) {
	case TW_ELEMENT:
		return close != NULL ?
		    xasprintf(_("unknown element '%s'; did you mean %s?"),
		    word, close) :
		    xasprintf(_("unknown element '%s' (one of %s)"), word, all);
	case TW_COLOUR:
		return close != NULL ?
		    xasprintf(_("unknown colour '%s'; did you mean %s?"),
		    word, close) :
		    xasprintf(_("unknown colour '%s' (one of %s)"), word, all);
	case TW_ATTRIBUTE:
		return close != NULL ?
		    xasprintf(_("unknown attribute '%s'; did you mean %s?"),
		    word, close) :
		    xasprintf(_("unknown attribute '%s' (one of %s)"), word,
		    all);
	case TW_THEME:
	default:
		return close != NULL ?
		    xasprintf(_("unknown theme '%s'; did you mean %s?"),
		    word, close) :
		    xasprintf(_("unknown theme '%s' (one of %s)"), word, all);
	}
}

/* The index of word in names[n], or -1; *cause names the choices when not. */
static int
theme_find(const char *word, const char *const *names, size_t n,
    enum theme_word kind, char **cause)
{
	struct buf	 b;
	size_t		 i, close[3], nclose;
	const char	*pick[3];

	for (i = 0; i < n; i++) {
		if (names[i] != NULL && strcmp(word, names[i]) == 0)
			return (int)i;
	}
	if (cause == NULL)
		return -1;
	buf_init(&b);
	nclose = suggest_closest(word, names, n, close, 3);
	if (nclose > 0) {
		for (i = 0; i < nclose; i++)
			pick[i] = names[close[i]];
		suggest_join(&b, pick, nclose, 1, 1);
		*cause = theme_unknown(kind, word, b.data, NULL);
	} else {
		suggest_join(&b, names, n, 0, 1);
		*cause = theme_unknown(kind, word, NULL, b.data);
	}
	buf_free(&b);
	return -1;
}

int
theme_lookup(const char *name, enum theme_id *id, char **cause)
{
	int	 i;

	i = theme_find(name, theme_names, THEME_ID_COUNT, TW_THEME, cause);
	if (i < 0)
		return -1;
	*id = (enum theme_id)i;
	return 0;
}

/* A colour: a name, "default", or color0 to color255. */
static int
theme_color(const char *word, int *color, char **cause)
{
	char	*end;
	long	 n;
	int	 i;

	if (strcmp(word, "default") == 0) {
		*color = THEME_COLOR_DEFAULT;
		return 0;
	}
	if (strncmp(word, "color", 5) == 0 && isdigit((unsigned char)word[5])) {
		n = strtol(word + 5, &end, 10);
		if (*end != '\0' || n > 255 || (word[5] == '0' && word[6] != '\0')) {
			if (cause != NULL)
				*cause = xasprintf(_("unknown colour '%s' "
				    "(color0 to color255)"), word);
			return -1;
		}
		*color = (int)n;
		return 0;
	}
	i = theme_find(word, color_names, 16, TW_COLOUR, NULL);
	if (i < 0) {
		if (cause != NULL) {
			/* The names, "default" and colorN in the choices. */
			const char	*all[18];

			memcpy(all, color_names, sizeof color_names);
			all[16] = "default";
			all[17] = "color0";
			(void)theme_find(word, all, 18, TW_COLOUR, cause);
		}
		return -1;
	}
	*color = i;
	return 0;
}

int
theme_color_parse(const char *line, enum theme_element *element,
    struct theme_style *style, char **cause)
{
	const char	*attrs[NATTRS];
	char		*copy, *word[3], *save, *w;
	size_t		 i, n = 0;
	int		 e, a;

	copy = xstrdup(line);
	for (w = strtok_r(copy, " \t", &save); w != NULL && n < 3;
	    w = strtok_r(NULL, " \t", &save))
		word[n++] = w;
	if (n < 3) {
		if (cause != NULL)
			*cause = xasprintf(_("expected 'color = ELEMENT "
			    "FOREGROUND BACKGROUND [ATTRIBUTE...]', got '%s'"),
			    line);
		free(copy);
		return -1;
	}
	e = theme_find(word[0], element_names, THEME_COUNT, TW_ELEMENT,
	    cause);
	if (e < 0 || theme_color(word[1], &style->fg, cause) != 0 ||
	    theme_color(word[2], &style->bg, cause) != 0) {
		free(copy);
		return -1;
	}
	style->attrs = 0;
	style->attrs_set = 0;
	for (i = 0; i < NATTRS; i++)
		attrs[i] = attr_names[i].name;
	for (; w != NULL; w = strtok_r(NULL, " \t", &save)) {
		a = theme_find(w, attrs, NATTRS, TW_ATTRIBUTE, cause);
		if (a < 0) {
			free(copy);
			return -1;
		}
		style->attrs |= attr_names[a].attr;
		style->attrs_set = 1;
	}
	*element = (enum theme_element)e;
	free(copy);
	return 0;
}

void
theme_resolve(enum theme_id id, const struct theme_color *colors,
    size_t ncolors, int colour, struct theme_style *out)
{
	const struct theme_style	*base, *mono;
	size_t				 i;
	int				 e;

	base = theme_styles(colour ? id : THEME_ID_MONO);
	mono = theme_styles(THEME_ID_MONO);
	memcpy(out, base, sizeof themes[0]);
	for (i = 0; i < ncolors; i++) {
		e = colors[i].element;
		if ((unsigned)e >= THEME_COUNT)
			continue;
		if (colour) {
			out[e] = colors[i].style;
			continue;
		}
		/* Without colours a line keeps only the attributes it names. */
		out[e] = mono[e];
		if (colors[i].style.attrs_set)
			out[e].attrs = colors[i].style.attrs;
	}
	if (!colour) {
		for (e = 0; e < THEME_COUNT; e++)
			out[e].fg = out[e].bg = THEME_COLOR_DEFAULT;
	}
}
