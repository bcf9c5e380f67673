/*
 * cmd-news.c: `globe newsletters` (newest first, with read marks) and
 * `globe read ID`, which prints one newsletter wrapped to the terminal
 * (or $COLUMNS, or 80 columns) and marks it read.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cache/cache.h"
#include "common/common.h"
#include "tui/cmd.h"

static const struct out_column news_cols[] = {
	{ "id", NULL, 16, 0, NULL, NULL },
	{ "issue", NULL, 10, 0, NULL, NULL },
	{ "published", NULL, 10, 0, NULL, NULL },
	{ "title", NULL, 50, 0, NULL, NULL },
	{ "read", NULL, 6, 0, "", "unread" },
};

int
cli_cmd_newsletters(struct cli *cli)
{
	struct cache_filter	 f;
	struct out_list		 l;
	size_t			 total;
	int			 rc;

	memset(&f, 0, sizeof f);
	f.type = REC_NEWSLETTER;
	out_list_init(&l);
	l.types = OUT_TMASK(REC_NEWSLETTER);
	rc = cli_list_limited(cli, &f, &l, &total);
	if (rc == EXIT_OK)
		rc = cli_print_list(cli, &l, news_cols,
		    sizeof news_cols / sizeof news_cols[0]);
	if (rc == EXIT_OK)
		cli_limit_note(l.n, total);
	out_list_free(&l);
	return rc;
}

/* The width to wrap to: the terminal's, else $COLUMNS, else 80. */
static int
read_width(void)
{
	struct winsize	 ws;
	const char	*e;
	int		 w;

	if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col > 100 ? 100 : ws.ws_col;
	e = getenv("COLUMNS");
	if (e != NULL && (w = atoi(e)) >= 20 && w <= 1000)
		return w;
	return 80;
}

static void
add_wrapped(struct buf *b, const char *s, enum sanitize_mode mode,
    int width)
{
	char	*clean;

	if (s == NULL || *s == '\0')
		return;
	clean = sanitize(s, mode);
	out_wrap(b, clean, width);
	free(clean);
}

int
cli_cmd_read(struct cli *cli)
{
	struct out_list		 l;
	const struct record	*r;
	enum cache_status	 st;
	struct buf		 b, head;
	char			*clean;
	int			 rc, width = read_width();

	out_list_init(&l);
	st = cli_fetch(cli, REC_NEWSLETTER, cli->args[0], &l);
	if (st == CACHE_ERR_NOTFOUND || (st == CACHE_OK && l.n == 0)) {
		out_list_free(&l);
		clean = sanitize(cli->args[0], SANITIZE_LINE);
		rc = cli_error(EXIT_ERROR, "no such newsletter: %s", clean);
		free(clean);
		return rc;
	}
	if (st != CACHE_OK) {
		out_list_free(&l);
		return cli_cache_error(st, "cannot read the cache", NULL);
	}
	st = cache_read_set(cli->cache, cli->args[0], 1);
	if (st != CACHE_OK) {
		out_list_free(&l);
		return cli_cache_error(st, "cannot mark it read", NULL);
	}
	l.v[0].read = 1;
	if (cli->format != OUT_HUMAN) {
		rc = cli_print_list(cli, &l, NULL, 0);
		out_list_free(&l);
		return rc;
	}
	r = &l.v[0].rec;
	buf_init(&b);
	add_wrapped(&b, r->v[NEWS_TITLE].s, SANITIZE_LINE, width);
	buf_init(&head);
	if (r->v[NEWS_ISSUE].s != NULL)
		buf_addf(&head, "issue %s, ", r->v[NEWS_ISSUE].s);
	buf_addf(&head, "published %s", r->v[NEWS_PUBLISHED].s != NULL ?
	    r->v[NEWS_PUBLISHED].s : "?");
	if (r->v[NEWS_LANG].s != NULL)
		buf_addf(&head, " (%s)", r->v[NEWS_LANG].s);
	add_wrapped(&b, head.data, SANITIZE_LINE, width);
	buf_free(&head);
	if (r->v[NEWS_SUMMARY].s != NULL && *r->v[NEWS_SUMMARY].s != '\0') {
		buf_addc(&b, '\n');
		add_wrapped(&b, r->v[NEWS_SUMMARY].s, SANITIZE_LINE, width);
	}
	if (r->v[NEWS_BODY].s != NULL && *r->v[NEWS_BODY].s != '\0') {
		buf_addc(&b, '\n');
		add_wrapped(&b, r->v[NEWS_BODY].s, SANITIZE_TEXT, width);
	}
	if (r->v[NEWS_URL].s != NULL && *r->v[NEWS_URL].s != '\0') {
		buf_addc(&b, '\n');
		add_wrapped(&b, r->v[NEWS_URL].s, SANITIZE_LINE, width);
	}
	rc = cli_print(&b);
	buf_free(&b);
	out_list_free(&l);
	return rc;
}
