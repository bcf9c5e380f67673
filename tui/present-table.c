/*
 * present-table.c: lists of records as a person reads them, in columns.
 * One table of columns per kind of list (countries, authorities,
 * contacts, people found or starred, newsletters), the text of each cell
 * (codes as brief labels, the name with its star and stale marks), and
 * the one column allocator both front ends use: columns are as wide as
 * their widest cell, a column with nothing in it goes, the name takes the
 * spare width; when the row is too narrow the widest cells are cut first,
 * then columns go in their stated order. The CLI prints the rows to
 * stdout, the screens draw them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/present.h"

#define GAP	2	/* spaces between two columns */

static const struct present_col countries_cols[] = {
	{ "name", N_("Country"), -1, PC_NAME, 10, 0 },
	{ "code", N_("Code"), -1, PC_IDENT, 4, 3 },
	{ "region", N_("Region"), -1, 0, 6, 4 },
	{ "authorities", N_("Authorities"), -1, PC_RIGHT, 4, 1 },
	{ "contacts", N_("Contacts"), -1, PC_RIGHT, 4, 2 },
};

static const struct present_col authorities_cols[] = {
	{ "id", N_("Id"), -1, PC_ID | PC_IDENT, 6, 1 },
	{ "name", N_("Authority"), -1, PC_NAME, 12, 0 },
	{ "acronym", N_("Acronym"), -1, 0, 5, 2 },
	{ "kind", N_("Kind"), VOCAB_KIND, 0, 6, 3 },
	{ "languages", N_("Languages"), VOCAB_LANGUAGE, 0, 6, 4 },
	{ "designations", N_("Designations"), VOCAB_DESIGNATION, 0, 8, 5 },
};

static const struct present_col contacts_cols[] = {
	{ "id", N_("Id"), -1, PC_ID | PC_IDENT, 6, 1 },
	{ "name", N_("Name"), -1, PC_NAME, 12, 0 },
	/* TRANSLATORS: a column: a person's job title. */
	{ "title", NC_("job", "Title"), -1, 0, 8, 3 },
	{ "role", N_("Role"), VOCAB_ROLE, 0, 8, 4 },
	{ "authority_name", N_("Authority"), -1, PC_NOT_IN_AUTHORITY, 8, 5 },
	{ "email", N_("E-mail"), -1, PC_IDENT, 12, 2 },
	{ "phone", N_("Phone"), -1, PC_IDENT, 8, 6 },
};

static const struct present_col people_cols[] = {
	{ "type", N_("Type"), -1, 0, 6, 2 },
	{ "id", N_("Id"), -1, PC_ID | PC_IDENT, 6, 1 },
	{ "name", N_("Name"), -1, PC_NAME, 12, 0 },
	{ "detail", N_("Detail"), -1, 0, 8, 4 },
	{ "country_name", N_("Country"), -1, 0, 6, 3 },
	{ "email", N_("E-mail"), -1, PC_IDENT, 12, 5 },
};

static const struct present_col route_countries_cols[] = {
	{ "name", N_("Country"), -1, PC_NAME, 10, 0 },
	{ "code", N_("Code"), -1, PC_IDENT, 4, 2 },
	{ "routes", N_("Routes"), -1, PC_RIGHT, 4, 1 },
};

static const struct present_col routes_cols[] = {
	{ "id", N_("Id"), -1, PC_ID | PC_IDENT, 6, 1 },
	{ "measure", N_("Measure"), VOCAB_MEASURE, PC_NAME, 10, 0 },
	{ "country_name", N_("Country"), -1, 0, 6, 3 },
	{ "formality", N_("Formality"), VOCAB_FORMALITY, 0, 6, 2 },
	{ "channel", N_("Channel"), VOCAB_CHANNEL, 0, 6, 4 },
	{ "applies_to", N_("Applies to"), -1, 0, 8, 5 },
};

/* A country's measures: cells made by present_measure_cells. */
static const struct present_col measures_cols[] = {
	{ "label", N_("Measure"), -1, PC_NAME, 10, 0 },
	{ "code", N_("Code"), -1, PC_ID | PC_IDENT, 6, 2 },
	{ "note", N_("Routes"), -1, 0, 8, 1 },
};

static const struct present_col newsletters_cols[] = {
	{ "mark", "", -1, 0, 1, 0 },
	{ "id", N_("Id"), -1, PC_ID | PC_IDENT, 6, 1 },
	{ "published", N_("Published"), -1, PC_DATE, 10, 2 },
	{ "issue", N_("Issue"), -1, 0, 6, 3 },
	/* TRANSLATORS: a column: a newsletter's title. */
	{ "title", NC_("newsletter", "Title"), -1, PC_NAME, 12, 0 },
};

/* The officer's flags: cells made by present_flag_cells. */
static const struct present_col flags_cols[] = {
	{ "n", N_("N"), -1, PC_RIGHT, 2, 1 },
	{ "type", N_("Type"), -1, 0, 6, 5 },
	{ "id", N_("Id"), -1, PC_IDENT, 6, 3 },
	{ "name", N_("Name"), -1, PC_NAME, 10, 0 },
	{ "text", N_("Flag"), -1, 0, 12, 2 },
	{ "flagged", NC_("date", "Flagged"), -1, PC_DATE, 10, 6 },
	{ "state", N_("State"), -1, 0, 8, 4 },
};

#define COLS(t)	{ t, sizeof t / sizeof t[0] }
static const struct {
	const struct present_col	*v;
	size_t				 n;
} lists[PLIST_COUNT] = {
	[PLIST_COUNTRIES] = COLS(countries_cols),
	[PLIST_AUTHORITIES] = COLS(authorities_cols),
	[PLIST_CONTACTS] = COLS(contacts_cols),
	[PLIST_PEOPLE] = COLS(people_cols),
	[PLIST_NEWSLETTERS] = COLS(newsletters_cols),
	[PLIST_ROUTE_COUNTRIES] = COLS(route_countries_cols),
	[PLIST_ROUTES] = COLS(routes_cols),
	[PLIST_MEASURES] = COLS(measures_cols),
	[PLIST_FLAGS] = COLS(flags_cols),
};

void
present_grid_init(struct present_grid *g, enum present_list list, int opts)
{
	const struct present_col	*c;
	size_t				 i;

	memset(g, 0, sizeof *g);
	for (i = 0; i < lists[list].n && g->n < PRESENT_MAXCOLS; i++) {
		c = &lists[list].v[i];
		if ((c->flags & PC_ID) && !(opts & PLIST_IDS))
			continue;
		if ((c->flags & PC_NOT_IN_AUTHORITY) &&
		    (opts & PLIST_IN_AUTHORITY))
			continue;
		g->col[g->n] = c;
		g->title[g->n] = c->title[0] != '\0' ? i18n_ctx(c->title) : "";
		g->n++;
	}
}

char *
present_detail(const struct out_item *it)
{
	const char	*a = NULL, *b = NULL;
	char		*sa, *sb, *s;

	if (it->rec.type == REC_CONTACT) {
		a = it->rec.v[CONTACT_TITLE].s;
		b = it->authority_name;
	} else if (it->rec.type == REC_AUTHORITY) {
		a = it->rec.v[AUTH_ACRONYM].s;
		if (it->rec.v[AUTH_KIND].s != NULL)
			b = present_label_brief(VOCAB_KIND,
			    it->rec.v[AUTH_KIND].s);
	} else if (it->rec.type == REC_ROUTE) {
		a = it->authority_acronym != NULL ? it->authority_acronym :
		    it->authority_name;
		if (it->rec.v[ROUTE_CHANNEL].s != NULL)
			b = present_label_brief(VOCAB_CHANNEL,
			    it->rec.v[ROUTE_CHANNEL].s);
	}
	if (a == NULL || *a == '\0')
		return sanitize(b, SANITIZE_LINE);
	if (b == NULL || *b == '\0')
		return sanitize(a, SANITIZE_LINE);
	sa = sanitize(a, SANITIZE_LINE);
	sb = sanitize(b, SANITIZE_LINE);
	s = xasprintf("%s %s %s", sa, charset_glyph(GLYPH_DOT), sb);
	free(sa);
	free(sb);
	return s;
}

const char *
present_type_name(int type)
{
	switch (type) {
	case REC_COUNTRY:
		return _("country");
	case REC_AUTHORITY:
		return _("authority");
	case REC_CONTACT:
		return _("person");
	case REC_NEWSLETTER:
		return _("newsletter");
	case REC_ROUTE:
		return _("route");
	default:
		return "";
	}
}

int
present_item_marks(const struct out_item *it, const struct present_ctx *ctx)
{
	int	 marks = 0;

	if (present_item_stale(it, ctx) > 0)
		marks |= PR_STALE;
	if (it->starred)
		marks |= PR_STARRED;
	if (it->rec.type == REC_NEWSLETTER && !it->read)
		marks |= PR_UNREAD;
	return marks;
}

/* The name with the marks a list shows before it: "! " (stale) and "★ ". */
static char *
name_cell(const char *text, int marks)
{
	const char	*star = "", *stale = "";

	if (marks & PR_STARRED)
		star = charset_glyph(GLYPH_STAR);
	if (marks & PR_STALE)
		stale = "!";
	if (*star == '\0' && *stale == '\0')
		return xstrdup(text);
	return xasprintf("%s%s%s%s%s", stale, *stale != '\0' ? " " : "", star,
	    *star != '\0' ? " " : "", text);
}

char *
present_cell(const struct out_item *it, const struct present_col *c,
    int marks)
{
	struct out_value	 v;
	char			*s, *named, num[LAYOUT_COUNT_MAX];

	if (strcmp(c->key, "detail") == 0)
		return present_detail(it);
	if (strcmp(c->key, "type") == 0)
		return xstrdup(present_type_name(it->rec.type));
	if (strcmp(c->key, "mark") == 0)
		return xstrdup((marks & PR_UNREAD) ?
		    charset_glyph(GLYPH_BULLET) : "");
	/* A route is named by its measure in a list of people (search). */
	if (strcmp(c->key, "name") == 0 && it->rec.type == REC_ROUTE) {
		s = sanitize(present_label(VOCAB_MEASURE,
		    it->rec.v[ROUTE_MEASURE].s), SANITIZE_LINE);
		named = (c->flags & PC_NAME) ? name_cell(s, marks) : xstrdup(s);
		free(s);
		return named;
	}
	out_item_get(it, c->key, &v);
	switch (v.kind) {
	case OUTV_STRING:
		if (c->flags & PC_DATE)
			s = present_date(v.s);
		else if (c->vocab >= 0)
			s = present_labels((enum vocab)c->vocab,
			    (char *const *)&v.s, 1, 1, ", ");
		else
			s = sanitize(v.s, (c->flags & PC_IDENT) || v.ident ?
			    SANITIZE_IDENT : SANITIZE_LINE);
		break;
	case OUTV_LIST:
		s = c->vocab >= 0 ? present_labels((enum vocab)c->vocab,
		    v.list, v.n, 1, ", ") : layout_list(v.list, v.n);
		break;
	case OUTV_NUMBER:
		layout_count(v.num, num);
		s = xstrdup(num);
		break;
	case OUTV_BOOL:
		s = xstrdup(v.num ? _("yes") : "");
		break;
	default:
		s = xstrdup("");
		break;
	}
	if (c->flags & PC_NAME) {
		named = name_cell(s, marks);
		free(s);
		s = named;
	}
	return s;
}

int
present_grid_cells(struct present_grid *g, const struct out_item *it,
    const struct present_ctx *ctx, char **cells)
{
	size_t	 i;
	int	 marks;

	marks = present_item_marks(it, ctx);
	for (i = 0; i < g->n; i++)
		cells[i] = present_cell(it, g->col[i], marks);
	present_grid_measure(g, cells);
	return marks;
}

void
present_measure_cells(struct present_grid *g, const struct present_measure *m,
    char **cells)
{
	size_t	 i;

	for (i = 0; i < g->n; i++) {
		if (strcmp(g->col[i]->key, "label") == 0)
			cells[i] = sanitize(present_label(VOCAB_MEASURE,
			    m->code), SANITIZE_LINE);
		else if (strcmp(g->col[i]->key, "code") == 0)
			cells[i] = sanitize(m->code, SANITIZE_IDENT);
		else if (strcmp(g->col[i]->key, "note") == 0)
			cells[i] = present_measure_note(m);
		else
			cells[i] = xstrdup("");
	}
	present_grid_measure(g, cells);
}

void
present_grid_measure(struct present_grid *g, char *const *cells)
{
	size_t	 i;
	int	 w;

	for (i = 0; i < g->n; i++) {
		w = cells[i] != NULL ? (int)utf8_width(cells[i]) : 0;
		if (w > g->content[i]) {
			g->content[i] = w;
			g->fitted = -1;	/* wider now: fit again */
		}
	}
}

/* The width column i wants: its widest cell, and its title when shown. */
static int
grid_want(const struct present_grid *g, size_t i)
{
	int	t;

	if (g->content[i] == 0)
		return 0;
	t = (int)utf8_width(g->title[i]);
	return g->content[i] > t ? g->content[i] : t;
}

static int
grid_need(const struct present_grid *g, const int *w)
{
	size_t	i;
	int	need = 0, kept = 0;

	for (i = 0; i < g->n; i++) {
		if (w[i] < 0)
			continue;
		need += w[i];
		kept++;
	}
	return need + (kept > 1 ? GAP * (kept - 1) : 0);
}

/*
 * A column that is whole or not at all: an address, an id, a number, a
 * date (cut, each is useless, a date worse: "07/12/20…" reads as 2020).
 */
static int
grid_whole(const struct present_col *c)
{
	return (c->flags & (PC_IDENT | PC_RIGHT | PC_DATE)) != 0 &&
	    (c->flags & PC_NAME) == 0;
}

void
present_grid_fit(struct present_grid *g, int width)
{
	int	 want[PRESENT_MAXCOLS], lo[PRESENT_MAXCOLS], *w = g->width;
	int	 cap, best, name = -1, used, keep;
	size_t	 i, drop;

	for (i = 0; i < g->n; i++) {
		want[i] = grid_want(g, i);
		/* An empty column goes; the name always stays. */
		w[i] = want[i] > 0 || (g->col[i]->flags & PC_NAME) ? want[i] : -1;
		if ((g->col[i]->flags & PC_NAME) && name < 0)
			name = (int)i;
	}
	g->fitted = width;
	if (width <= 0 || grid_need(g, w) <= width)
		goto spare;
	/*
	 * What each column needs at least: an address, an id, a number or
	 * a date whole (grid_whole); text down to its minimum; the name
	 * whole up to two fifths of a wide line (three tenths of a narrow
	 * one, where a second column is worth more). Columns go, least
	 * important first, until that fits.
	 */
	for (i = 0; i < g->n; i++) {
		if (w[i] < 0)
			continue;
		if ((int)i == name) {
			keep = width >= 60 ? width * 2 / 5 : width * 3 / 10;
			lo[i] = keep > g->col[i]->min ? keep : g->col[i]->min;
			lo[i] = want[i] < lo[i] ? want[i] : lo[i];
		} else if (grid_whole(g->col[i]))
			lo[i] = want[i];
		else
			lo[i] = g->col[i]->min < want[i] ? g->col[i]->min :
			    want[i];
		w[i] = lo[i];
	}
	while (grid_need(g, w) > width) {
		drop = g->n;
		for (i = 0; i < g->n; i++) {
			if (w[i] < 0 || (int)i == name)
				continue;
			if (drop == g->n ||
			    g->col[i]->priority >= g->col[drop]->priority)
				drop = i;
		}
		if (drop == g->n)
			break;	/* only the name is left: it is cut below */
		w[drop] = -1;
	}
	/*
	 * Then the text columns, the name too, up to one cap, the largest
	 * that fits: the widest cells are cut first, and what is left over
	 * goes to the name below.
	 */
	best = 0;
	for (cap = 1; cap <= width; cap++) {
		for (i = 0; i < g->n; i++) {
			if (w[i] < 0 || grid_whole(g->col[i]))
				continue;
			w[i] = want[i] < cap ? want[i] : cap;
			if (w[i] < lo[i])
				w[i] = lo[i];
		}
		if (grid_need(g, w) > width)
			break;
		best = cap;
	}
	for (i = 0; i < g->n; i++) {
		if (w[i] < 0 || grid_whole(g->col[i]))
			continue;
		w[i] = want[i] < best ? want[i] : best;
		if (w[i] < lo[i])
			w[i] = lo[i];
	}
spare:
	if (width <= 0 || name < 0 || w[name] < 0)
		return;
	/* What is left over goes to the name; too wide, the name is cut. */
	used = grid_need(g, w);
	w[name] += width - used;
	if (w[name] < 1)
		w[name] = 1;
}

/*
 * How a cell sits in its column: numbers at the right, text at its start
 * (the left, or the right for a right-to-left paragraph); addresses, ids
 * and numbers read left to right whatever surrounds them. Laid out right
 * to left, the columns go from the right and text starts at the right.
 */
int
present_grid_cell_bidi(const struct present_grid *g, size_t i)
{
	const struct present_col	*c = g->col[i];
	int				 flags = 0, rtl_layout = bidi_layout_rtl();

	if (c->flags & (PC_IDENT | PC_RIGHT))
		flags |= BIDI_PAR_LTR;
	if (c->flags & PC_RIGHT)
		flags |= rtl_layout ? BIDI_LEFT : BIDI_RIGHT;
	else if (rtl_layout)
		flags |= BIDI_RIGHT;
	return flags;
}

static char *
grid_join(const struct present_grid *g, const char *const *cells, int pad)
{
	struct buf	 b;
	size_t		 k, i;
	int		 first = 1, rtl = bidi_layout_rtl();
	char		*cell;

	buf_init(&b);
	for (k = 0; k < g->n; k++) {
		i = rtl ? g->n - 1 - k : k;
		if (g->width[i] < 0)
			continue;
		if (!first)
			buf_adds(&b, "  ");
		first = 0;
		if (g->width[i] == 0)
			continue;	/* an empty name column */
		cell = bidi_fit(cells[i] != NULL ? cells[i] : "", g->width[i],
		    present_grid_cell_bidi(g, i), NULL, NULL);
		buf_adds(&b, cell);
		free(cell);
	}
	if (!pad) {
		while (b.len > 0 && b.data[b.len - 1] == ' ')
			b.data[--b.len] = '\0';
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_detach(&b);
}

char *
present_grid_row(const struct present_grid *g, char *const *cells, int pad)
{
	return grid_join(g, (const char *const *)cells, pad);
}

char *
present_grid_titles(const struct present_grid *g, int pad)
{
	return grid_join(g, g->title, pad);
}
