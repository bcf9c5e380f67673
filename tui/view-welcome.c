/*
 * view-welcome.c: the first run, before any data is cached: what globe is,
 * how to try it on the demo directory, how to configure a feed (naming the
 * config file globe actually reads: --config or the XDG path), and (when
 * a feed is configured) that s syncs now. Never a blank screen.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"

/* Before and after the path of the config file globe reads. */
static const char *welcome_intro[] = {
	"Welcome to globe, the offline directory of the GlobE Network.",
	"",
	"There is no directory data on this computer yet.",
	"",
	"To try globe on the bundled demo directory, quit (q) and run:",
	"    globe --demo",
	"",
	"To use a real feed, put its address and public key in",
};
static const char *welcome_config[] = {
	"    feed = https://example.org/globe-feed/",
	"    pubkey = RWQ...  (the feed's minisign public key)",
	"then sync with s here, or with: globe sync",
};

static enum cache_status
welcome_load(struct view *v)
{
	char	*path, *line;
	size_t	 i;

	for (i = 0; i < sizeof welcome_intro / sizeof welcome_intro[0]; i++)
		view_add_para(v, welcome_intro[i], i == 0 ? ROW_BOLD : 0);
	path = app_config_path(v->app);
	line = xasprintf("%s:", path);
	view_add_para(v, line, 0);
	free(line);
	free(path);
	for (i = 0; i < sizeof welcome_config / sizeof welcome_config[0]; i++)
		view_add_para(v, welcome_config[i], 0);
	view_add_text(v, "", 0);
	if (v->app->opts->net != NULL && v->app->opts->net->feed != NULL)
		view_add_text(v, "A feed is configured: press s to sync now.",
		    ROW_BOLD);
	else
		view_add_text(v, "No feed is configured yet.", 0);
	view_add_text(v, "Press ? for the keys, q to quit.", 0);
	return CACHE_OK;
}

const struct view_ops view_welcome_ops = {
	.name = "Welcome",
	.wraps = 1,
	.load = welcome_load,
	.scroll_only = 1,
};
