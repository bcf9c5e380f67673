/*
 * status.c: the message and the exit code of each status of the list in
 * net/feed.h, which the feed code and the sync engine both return.
 */
#include "config.h"

#include "common/common.h"
#include "common/i18n.h"
#include "net/feed.h"

#define NET_STATUS_MSG(code, msg, exit) msg,
static const char *const net_messages[] = { NET_STATUS_LIST(NET_STATUS_MSG) };
#undef NET_STATUS_MSG
#define NET_STATUS_EXIT(code, msg, exit) exit,
static const int net_exits[] = { NET_STATUS_LIST(NET_STATUS_EXIT) };
#undef NET_STATUS_EXIT

const char *
net_strerror(enum net_status status)
{
	if ((unsigned)status >= sizeof net_messages / sizeof net_messages[0])
		return _("unknown error");
	return _(net_messages[status]);
}

const char *
net_strerror_log(enum net_status status)
{
	if ((unsigned)status >= sizeof net_messages / sizeof net_messages[0])
		return "unknown error";
	return net_messages[status];
}

int
net_exit_code(enum net_status status)
{
	if ((unsigned)status >= sizeof net_exits / sizeof net_exits[0])
		return EXIT_ERROR;
	return net_exits[status];
}
