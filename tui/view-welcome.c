/*
 * view-welcome.c: the first run, before any data is cached: what globe is,
 * how to try it on the demo directory, how to configure a feed (naming the
 * config file globe actually reads: --config or the XDG path), and (when
 * a feed is configured) that s syncs now. Never a blank screen.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "tui/ui.h"

/*
 * The lines before and after the path of the config file globe reads:
 * N_() for words, as they are for commands and config lines ("" is a
 * blank line).
 */
static const struct {
	const char	*text;
	int		 translate;
} welcome_intro[] = {
	/* TRANSLATORS: the first screen before any data; GlobE is a name. */
	{ N_("Welcome to globe, the offline directory of the GlobE "
	    "Network."), 1 },
	{ "", 0 },
	{ N_("There is no directory data on this computer yet."), 1 },
	{ "", 0 },
	/* TRANSLATORS: q is the key that quits; a command follows. */
	{ N_("To try globe on the bundled demo directory, quit (q) and "
	    "run:"), 1 },
	{ "    globe --demo", 0 },
	{ "", 0 },
}, welcome_config[] = {
	{ "    feed = https://example.org/globe-feed/", 0 },
	/*
	 * TRANSLATORS: a config line: keep the indent and "pubkey =
	 * RWQ..." as they are; translate the words in parentheses.
	 */
	{ N_("    pubkey = RWQ...  (the feed's minisign public key)"), 1 },
	/* TRANSLATORS: s is a key; "globe sync" is a command. */
	{ N_("then sync with s here, or with: globe sync"), 1 },
};

static enum cache_status
welcome_load(struct view *v)
{
	char	*path, *line;
	size_t	 i;

	for (i = 0; i < sizeof welcome_intro / sizeof welcome_intro[0]; i++)
		view_add_para(v, welcome_intro[i].translate ?
		    _(welcome_intro[i].text) : welcome_intro[i].text,
		    i == 0 ? ROW_BOLD : 0);
	path = app_config_path(v->app);
	/*
	 * TRANSLATORS: the welcome screen; %s is the config file's path,
	 * on a line of its own. Config lines follow the colon.
	 */
	line = xasprintf(_("To use a real feed, put its address and public "
	    "key in\n%s:"), path);
	view_add_para(v, line, 0);
	free(line);
	free(path);
	for (i = 0; i < sizeof welcome_config / sizeof welcome_config[0]; i++)
		view_add_para(v, welcome_config[i].translate ?
		    _(welcome_config[i].text) : welcome_config[i].text, 0);
	view_add_text(v, "", 0);
	if (v->app->opts->net != NULL && v->app->opts->net->feed != NULL)
		/* TRANSLATORS: s is a key. */
		view_add_text(v, _("A feed is configured: press s to sync "
		    "now."), ROW_BOLD);
	else
		view_add_text(v, _("No feed is configured yet."), 0);
	/* TRANSLATORS: ? and q are keys. */
	view_add_text(v, _("Press ? for the keys, q to quit."), 0);
	return CACHE_OK;
}

const struct view_ops view_welcome_ops = {
	/* TRANSLATORS: a screen's name in the breadcrumb (top line). */
	.name = N_("Welcome"),
	.wraps = 1,
	.load = welcome_load,
	.scroll_only = 1,
};
