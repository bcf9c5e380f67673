/*
 * cmd-route.c: `globe route COUNTRY [MEASURE]`, who handles a request,
 * and `globe measures`. Without a measure, the measures a country has
 * routes for, with their counts (one that is not possible says why and
 * what to ask instead); with one, its routes ranked as the presentation
 * ranks them (tui/present-route.c), each as its card, those that do not
 * apply to the request (--urgent, --normal, --stage, --from; the
 * requesting State defaults to `country =` in the config) left out of
 * the human form and marked "applies": false in JSON and CSV. A
 * country or measure without routes says so and lists the country's
 * authorities and their designations: never a dead end.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "common/common.h"
#include "common/i18n.h"
#include "tui/cmd.h"

/* Country names for the presentation's context, read when asked. */
struct route_names {
	struct cli	*cli;
	char		*last;		/* the name returned last */
};

static const char *
route_country_name(void *arg, const char *code)
{
	struct route_names	*rn = arg;

	free(rn->last);
	rn->last = cache_country_name(rn->cli->cache, code);
	return rn->last;
}

/* Lists f into l; prints the error and returns its code. */
static int
route_list(struct cli *cli, struct cache_filter *f, struct out_list *l)
{
	enum cache_status	st;

	st = cache_list(cli->cache, f, out_list_add_cb, l);
	if (st != CACHE_OK && st != CACHE_ERR_NOTFOUND)
		return cli_cache_error(st, _("cannot read the cache"), NULL);
	return EXIT_OK;
}

/*
 * A country (or its measure) without routes: says so, and prints the
 * country's authorities and their designations (human form) or an
 * empty list. Returns EXIT_NOMATCH.
 */
static int
route_none(struct cli *cli, const char *cc, const char *country,
    const char *measure)
{
	struct cache_filter	 f;
	struct out_list		 auth;
	struct buf		 b;
	char			*name, *label, *desig;
	int			 rc;

	name = sanitize(country, SANITIZE_LINE);
	label = measure != NULL ? sanitize(present_label(VOCAB_MEASURE,
	    measure), SANITIZE_LINE) : NULL;
	out_list_init(&auth);
	memset(&f, 0, sizeof f);
	f.type = REC_AUTHORITY;
	f.country = cc;
	auth.types = OUT_TMASK(REC_AUTHORITY);
	rc = route_list(cli, &f, &auth);
	buf_init(&b);
	if (rc == EXIT_OK && cli->format == OUT_HUMAN) {
		if (label != NULL)
			/* TRANSLATORS: a country, then a measure. */
			buf_addf(&b, _("%s has no route for %s in the "
			    "directory."), name, label);
		else
			buf_addf(&b, _("%s has no routes in the directory."),
			    name);
		if (auth.n > 0) {
			desig = present_list_designations(&auth);
			/* TRANSLATORS: a heading, above a country's authorities. */
			buf_addf(&b, "\n%s\n%s\n\n", _("Its authorities:"),
			    desig);
			free(desig);
			out_human_table(&b, &auth, PLIST_AUTHORITIES, PLIST_IDS,
			    &cli->ctx, out_width(0), cli->bold);
		} else
			buf_addc(&b, '\n');
		rc = cli_print(&b);
	} else if (rc == EXIT_OK) {
		out_list_free(&auth);
		out_list_init(&auth);
		auth.types = OUT_TMASK(REC_ROUTE);
		rc = cli_print_list(cli, &auth, PLIST_ROUTES);
		if (label != NULL)
			cli_error(EXIT_OK, _("%s has no route for %s; "
			    "'globe members %s' lists its authorities"), name,
			    label, cc);
		else
			cli_error(EXIT_OK, _("%s has no routes; 'globe members "
			    "%s' lists its authorities"), name, cc);
	}
	buf_free(&b);
	out_list_free(&auth);
	free(name);
	free(label);
	return rc == EXIT_OK ? EXIT_NOMATCH : rc;
}

/* Prints measures in the chosen format. */
static int
route_print_measures(struct cli *cli, const char *title,
    const struct present_measure *m, size_t n)
{
	struct present_grid	 g;
	struct buf		 b;
	char			**cells, *line;
	size_t			 i, k;
	int			 rc;

	buf_init(&b);
	switch (cli->format) {
	case OUT_JSON:
		line = out_json_measures(m, n);
		buf_adds(&b, line);
		free(line);
		break;
	case OUT_CSV:
		out_csv_measures(&b, m, n);
		break;
	default:
		if (title != NULL)
			buf_addf(&b, "%s\n\n", title);
		present_grid_init(&g, PLIST_MEASURES, PLIST_IDS);
		cells = xcalloc(n * g.n + 1, sizeof *cells);
		for (i = 0; i < n; i++)
			present_measure_cells(&g, &m[i], &cells[i * g.n]);
		present_grid_fit(&g, out_width(0));
		line = present_grid_titles(&g, 0);
		if (cli->bold)
			buf_addf(&b, "\033[1m%s\033[0m\n", line);
		else
			buf_addf(&b, "%s\n", line);
		free(line);
		for (i = 0; i < n; i++) {
			line = present_grid_row(&g, &cells[i * g.n], 0);
			buf_addf(&b, "%s\n", line);
			free(line);
		}
		for (k = 0; k < n * g.n; k++)
			free(cells[k]);
		free(cells);
		break;
	}
	rc = cli_print(&b);
	buf_free(&b);
	return rc;
}

/* The request of the options: urgency, stage, requesting State. */
static int
route_request(struct cli *cli, const struct out_list *l,
    struct route_request *q, char **stage, char **from)
{
	const char	*a;
	char		**extra;
	size_t		  i;
	int		  rc;

	memset(q, 0, sizeof *q);
	*stage = *from = NULL;
	if (cli->opt[OPT_URGENT] != NULL && cli->opt[OPT_NORMAL] != NULL)
		return cli_usage_error(cli, "%s",
		    _("choose one of --urgent and --normal"));
	if (cli->opt[OPT_URGENT] != NULL)
		q->urgency = "urgent";
	else if (cli->opt[OPT_NORMAL] != NULL)
		q->urgency = "normal";
	if ((a = cli->opt[OPT_STAGE]) != NULL) {
		/* The stages its routes name count, new ones too. */
		extra = xcalloc(l->n + 1, sizeof *extra);
		for (i = 0; i < l->n; i++)
			extra[i] = l->v[i].rec.v[ROUTE_STAGE].s;
		rc = cli_resolve_code(cli, VOCAB_STAGE, a, extra, l->n, NULL,
		    stage);
		free(extra);
		if (rc != EXIT_OK)
			return rc;
		q->stage = *stage;
	}
	a = cli->opt[OPT_FROM] != NULL ? cli->opt[OPT_FROM] :
	    cli->config.country;
	if (a != NULL) {
		/* Any two letters are a State's code, held or not. */
		if (strlen(a) == 2 && ((a[0] | 0x20) >= 'a' &&
		    (a[0] | 0x20) <= 'z') && ((a[1] | 0x20) >= 'a' &&
		    (a[1] | 0x20) <= 'z')) {
			*from = xstrdup(a);
			(*from)[0] &= ~0x20;
			(*from)[1] &= ~0x20;
		} else if ((rc = cli_resolve_country(cli, a, from)) != EXIT_OK)
			return rc;
		q->from = *from;
	}
	return EXIT_OK;
}

/* Fetches a record by id into l (nothing when it is gone). */
static void
route_fetch(struct cli *cli, enum record_type type, const char *id,
    struct out_list *l)
{
	if (id != NULL)
		(void)cli_fetch(cli, type, id, l);
}

/* One route's card, as its screen shows it, into b. */
static void
route_card(struct cli *cli, struct buf *b, const struct out_item *it,
    size_t place)
{
	struct present_fields	 fs;
	struct out_list		 auth, contact;
	char			*s;

	out_list_init(&auth);
	out_list_init(&contact);
	route_fetch(cli, REC_AUTHORITY, it->rec.v[ROUTE_AUTHORITY].s, &auth);
	route_fetch(cli, REC_CONTACT, it->rec.v[ROUTE_CONTACT].s, &contact);
	if (place > 0) {
		s = present_route_heading(it, place, &cli->ctx);
		buf_addf(b, "%s\n", s);
		free(s);
	}
	memset(&fs, 0, sizeof fs);
	present_route_fields(it, auth.n > 0 ? &auth.v[0] : NULL,
	    contact.n > 0 ? &contact.v[0] : NULL, &cli->ctx, &fs);
	s = present_fields_text(&fs, out_width(0));
	buf_adds(b, s);
	free(s);
	present_fields_free(&fs);
	out_list_free(&auth);
	out_list_free(&contact);
}

/*
 * On stderr: how many routes the request left out, and which questions
 * it did not answer would change the answer.
 */
static void
route_notes(struct cli *cli, const struct out_list *l,
    const struct route_request *q, size_t shown)
{
	static const char *const how[RQ_COUNT] = {
		N_("urgency (--urgent or --normal)"),
		N_("the stage (--stage STAGE)"),
		N_("the requesting State (--from CC)"),
	};
	struct buf	 b;
	size_t		 left = l->n - shown;
	int		 k, n = 0;

	(void)cli;
	if (left > 0)
		cli_error(EXIT_OK, P_("%zu more route does not apply to this "
		    "request", "%zu more routes do not apply to this request",
		    left), left);
	buf_init(&b);
	for (k = 0; k < RQ_COUNT; k++) {
		if ((k == RQ_URGENCY && q->urgency != NULL) ||
		    (k == RQ_STAGE && q->stage != NULL) ||
		    (k == RQ_FROM && q->from != NULL) ||
		    !present_route_question_matters(l, (enum route_question)k,
		    q))
			continue;
		buf_addf(&b, "%s%s", n++ > 0 ? present_sep_items() : "",
		    _(how[k]));
	}
	if (n > 0)
		/* TRANSLATORS: followed by what would narrow the answer. */
		cli_error(EXIT_OK, _("the routes differ by %s"), b.data);
	buf_free(&b);
}

/* The routes of one measure: ranked, as cards or data. */
static int
route_show(struct cli *cli, const char *cc, const char *country,
    const char *measure)
{
	struct cache_filter	 f;
	struct route_request	 q;
	struct out_list		 l;
	struct buf		 b;
	char			*stage = NULL, *from = NULL, *s, *name, *label;
	size_t			 i, shown;
	int			 rc;

	out_list_init(&l);
	l.types = OUT_TMASK(REC_ROUTE);
	memset(&f, 0, sizeof f);
	f.type = REC_ROUTE;
	f.country = cc;
	f.measure = measure;
	if ((rc = route_list(cli, &f, &l)) != EXIT_OK ||
	    (rc = route_request(cli, &l, &q, &stage, &from)) != EXIT_OK)
		goto out;
	/* The States its JSON names, by name. */
	for (i = 0; i < l.n; i++)
		present_route_annotate(&l.v[i], &cli->ctx);
	present_routes_rank(&l, &q);
	shown = present_routes_applying(&l, &q);
	if (cli->format != OUT_HUMAN) {
		rc = cli_print_list(cli, &l, PLIST_ROUTES);
		goto notes;
	}
	buf_init(&b);
	name = sanitize(country, SANITIZE_LINE);
	label = sanitize(present_label(VOCAB_MEASURE, measure), SANITIZE_LINE);
	s = present_route_request_text(&q, &cli->ctx);
	/* The breadcrumb of the screen: "Brazil › Asset tracing › urgent". */
	buf_addf(&b, "%s %s %s", name, charset_glyph(GLYPH_CRUMB), label);
	if (*s != '\0')
		buf_addf(&b, " %s %s", charset_glyph(GLYPH_CRUMB), s);
	buf_addc(&b, '\n');
	free(s);
	free(name);
	free(label);
	for (i = 0, shown = 0; i < l.n; i++) {
		if (!present_route_applies(&l.v[i].rec, &q))
			continue;
		buf_addc(&b, '\n');
		route_card(cli, &b, &l.v[i], ++shown);
	}
	rc = cli_print(&b);
	buf_free(&b);
notes:
	if (rc == EXIT_OK) {
		route_notes(cli, &l, &q, shown);
		if (shown == 0) {
			cli_error(EXIT_OK, "%s", _("no route applies to this "
			    "request"));
			rc = EXIT_NOMATCH;
		}
	}
out:
	out_list_free(&l);
	free(stage);
	free(from);
	return rc;
}

static int
cli_cmd_route(struct cli *cli)
{
	struct route_names	 rn;
	struct cache_filter	 f;
	struct out_list		 all, country;
	struct present_measure	*m = NULL;
	const char		*cname;
	char			*cc = NULL, *measure = NULL, **held = NULL, *title;
	char			*hint;
	size_t			 nm, nheld = 0;
	int			 rc;

	if ((rc = cli_resolve_country(cli, cli->args[0], &cc)) != EXIT_OK)
		return rc;
	memset(&rn, 0, sizeof rn);
	rn.cli = cli;
	cli->ctx.country_name = route_country_name;
	cli->ctx.country_arg = &rn;
	out_list_init(&all);
	out_list_init(&country);
	memset(&f, 0, sizeof f);
	f.type = REC_ROUTE;
	f.country = cc;
	if ((rc = route_list(cli, &f, &all)) != EXIT_OK)
		goto out;
	(void)cli_fetch(cli, REC_COUNTRY, cc, &country);
	cname = country.n > 0 ? country.v[0].rec.v[COUNTRY_NAME].s : cc;
	nm = present_route_measures(&all, &m);
	if (cli->nargs == 1) {
		if (nm == 0) {
			rc = route_none(cli, cc, cname, NULL);
			goto out;
		}
		title = sanitize(cname, SANITIZE_LINE);
		rc = route_print_measures(cli, title, m, nm);
		free(title);
		goto out;
	}
	/* Codes the cache holds anywhere count, new ones too. */
	if (cache_values_list(cli->cache, CACHE_VALUES_MEASURE, &held,
	    &nheld) != CACHE_OK) {
		held = NULL;
		nheld = 0;
	}
	hint = xasprintf(_("'globe route %s' lists its measures"), cc);
	rc = cli_resolve_code(cli, VOCAB_MEASURE, cli->args[1], held, nheld,
	    hint, &measure);
	free(hint);
	if (rc != EXIT_OK)
		goto out;
	if (present_measure_find(m, nm, measure) == NULL)
		rc = route_none(cli, cc, cname, measure);
	else
		rc = route_show(cli, cc, cname, measure);
out:
	cache_values_free(held, nheld);
	free(m);
	free(measure);
	free(cc);
	free(rn.last);
	cli->ctx.country_name = NULL;
	cli->ctx.country_arg = NULL;
	out_list_free(&all);
	out_list_free(&country);
	return rc;
}

static const enum cli_opt opts_route[] = {
	OPT_URGENT, OPT_NORMAL, OPT_STAGE, OPT_FROM, OPT_MAX
};

const struct cli_command cli_entry_route = {
	"route", cli_cmd_route,
	"route COUNTRY [MEASURE] [--urgent | --normal] [--stage STAGE] "
	"[--from CC]",
	N_("Who handles a request: a country's measures, or a measure's "
	"routes."),
	CLI_F_LIST, 1, 2, opts_route
};

/* `globe measures`: every measure globe knows and those the cache holds. */
static int
cli_cmd_measures(struct cli *cli)
{
	const struct vocab_code	*v;
	struct present_measure	*m, *all = NULL;
	struct cache_filter	 f;
	struct out_list		 l;
	size_t			 n, nm, nall = 0, i;
	int			 rc;

	out_list_init(&l);
	memset(&f, 0, sizeof f);
	f.type = REC_ROUTE;
	if ((rc = route_list(cli, &f, &l)) != EXIT_OK) {
		out_list_free(&l);
		return rc;
	}
	/* Those the cache holds with their counts, then the rest at 0. */
	nm = present_route_measures(&l, &m);
	v = vocab_table(VOCAB_MEASURE, &n);
	all = xcalloc(n + nm + 1, sizeof *all);
	for (i = 0; i < n; i++) {
		if (present_measure_find(m, nm, v[i].code) != NULL)
			all[nall++] = *present_measure_find(m, nm, v[i].code);
		else
			all[nall++].code = v[i].code;
	}
	for (i = 0; i < nm; i++) {
		if (vocab_find(VOCAB_MEASURE, m[i].code) == NULL)
			all[nall++] = m[i];
	}
	/* Not possible in one country is no reason here: counts only. */
	for (i = 0; i < nall; i++)
		all[i].not_possible = all[i].alternative = NULL;
	rc = route_print_measures(cli, NULL, all, nall);
	free(all);
	free(m);
	out_list_free(&l);
	return rc;
}

const struct cli_command cli_entry_measures = {
	"measures", cli_cmd_measures,
	"measures",
	N_("List the measures a request may ask for, with their routes."),
	CLI_F_LIST, 0, 0, cli_opts_none
};
