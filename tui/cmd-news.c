/*
 * cmd-news.c: `globe newsletters` (newest first, with read marks) and
 * `globe read ID`, which prints one newsletter as its page
 * (present_news_page) wrapped to the terminal (or $COLUMNS, or 80
 * columns) and marks it read.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache/cache.h"
#include "common/common.h"
#include "common/i18n.h"
#include "tui/cmd.h"

static int
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
		rc = cli_print_list(cli, &l, PLIST_NEWSLETTERS);
	if (rc == EXIT_OK)
		cli_limit_note(l.n, total);
	out_list_free(&l);
	return rc;
}

const struct cli_command cli_entry_newsletters = {
	"newsletters", cli_cmd_newsletters,
	"newsletters [--limit N | --all]",
	N_("List the newsletters, newest first, with read marks."),
	CLI_F_LIST, 0, 0, cli_opts_list
};

/* The width to wrap to: the terminal's up to 100, else $COLUMNS, else 80. */
static int
read_width(void)
{
	int	 w = out_width(80);

	return isatty(STDOUT_FILENO) && w > 100 ? 100 : w;
}

static int
cli_cmd_read(struct cli *cli)
{
	struct out_list		 l;
	struct present_lines	 page;
	enum cache_status	 st;
	struct buf		 b;
	char			*clean, *text;
	int			 rc, width = read_width();

	out_list_init(&l);
	st = cli_fetch(cli, REC_NEWSLETTER, cli->args[0], &l);
	if (st == CACHE_ERR_NOTFOUND || (st == CACHE_OK && l.n == 0)) {
		out_list_free(&l);
		clean = sanitize(cli->args[0], SANITIZE_LINE);
		rc = cli_error(EXIT_ERROR, _("no such newsletter: %s"), clean);
		free(clean);
		return rc;
	}
	if (st != CACHE_OK) {
		out_list_free(&l);
		return cli_cache_error(st, _("cannot read the cache"), NULL);
	}
	st = cache_read_set(cli->cache, cli->args[0], 1);
	if (st != CACHE_OK) {
		out_list_free(&l);
		return cli_cache_error(st, _("cannot mark it read"), NULL);
	}
	l.v[0].read = 1;
	if (cli->format != OUT_HUMAN) {
		rc = cli_print_list(cli, &l, PLIST_NEWSLETTERS);
		out_list_free(&l);
		return rc;
	}
	memset(&page, 0, sizeof page);
	present_news_page(&l.v[0], width, &page);
	text = present_lines_text(&page, width);
	present_lines_free(&page);
	buf_init(&b);
	buf_adds(&b, text);
	free(text);
	rc = cli_print(&b);
	buf_free(&b);
	out_list_free(&l);
	return rc;
}

const struct cli_command cli_entry_read = {
	"read", cli_cmd_read,
	"read ID",
	N_("Print a newsletter and mark it read."),
	CLI_F_HJ, 1, 1, cli_opts_none
};
