#!/bin/sh
# tests/unit/boundaries.sh: the three parts of tui/ keep to their lanes,
# read from the symbols of the built libraries (nm), so a call across a
# boundary fails here even where no test program happens to link it:
#   libtui_present.a  calls no curses, no stdout/stderr writer, nothing of
#                     the command line, the screens, the cache, net or JSON,
#                     and never touches the environment or TZ;
#   libtui_cmd.a      calls no curses and nothing of the screens (a bare
#                     `globe` reaches them through the function main hands
#                     to cli_main);
#   libtui_ui.a       calls nothing of the command line.
# And net/ is two libraries: libfeed.a (the feed format) calls nothing of
# the cache, the sync engine, SQLite or libcurl, and globe-publish, which
# links it, holds no SQLite or curl symbol and needs neither library.
# tests/unit/test-layout links libtui_present.a with libcommon.a alone and
# tests/unit/test-output the command line without curses: link errors.
. "$srcdir/tests/lib.sh"

B=$builddir
defined() { nm -g --defined-only "$1" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u; }
undefined() { nm -u "$1" 2>/dev/null | awk '{ print $NF }' | sort -u; }

for l in libtui_present.a libtui_cmd.a libtui_ui.a libnet.a libfeed.a \
    libcache.a globe globe-publish; do
	if [ ! -f "$B/$l" ]; then
		fail "$l is built"
		done_testing
		exit 1
	fi
done
defined "$B/libtui_present.a" >"$T/present.def"
defined "$B/libtui_cmd.a" >"$T/cmd.def"
defined "$B/libtui_ui.a" >"$T/ui.def"
{ defined "$B/libnet.a"; defined "$B/libfeed.a"; defined "$B/libcache.a"; } |
    sort -u >"$T/store.def"
undefined "$B/libtui_present.a" >"$T/present.und"
undefined "$B/libtui_cmd.a" >"$T/cmd.und"
undefined "$B/libtui_ui.a" >"$T/ui.und"

# Every symbol the curses libraries globe runs with define.
: >"$T/curses.def"
for so in $(ldd "$B/globe" | awk '/ncurses|tinfo/ { print $3 }'); do
	nm -D --defined-only "$so" | awk 'NF == 3 { sub(/@.*/, "", $3); print $3 }' \
	    >>"$T/curses.def"
done
sort -u -o "$T/curses.def" "$T/curses.def"
check_eq "the curses libraries are found (through ldd globe)" \
    "$([ -s "$T/curses.def" ] && echo yes)" yes
# The check can see a curses call: the screens do make them.
ncalls=$(comm -12 "$T/ui.und" "$T/curses.def" | grep -c .)
check_eq "the screens call curses (so the check would see a call)" \
    "$([ "$ncalls" -gt 10 ] && echo yes)" yes

crossing() {	# what, undefined-list, forbidden-list
	got=$(comm -12 "$2" "$3" | tr '\n' ' ')
	if [ -z "$got" ]; then pass "$1"; else
		fail "$1"; echo "#   calls: $got"; fi
}
printf '%s\n' stdout stderr printf fprintf vprintf vfprintf puts fputs \
    fputc putchar putc fwrite fflush perror write __printf_chk \
    __fprintf_chk __vfprintf_chk __vprintf_chk | sort -u >"$T/stdio.def"
grep -E '^(json_|sqlite3_|curl_)' "$T/present.und" >"$T/present.libs" || :
# The environment and the process's time zone: the sync thread's libcurl
# reads the environment while the screens present, so present never
# changes it (a contact's local time reads the zone file, present-tz.c).
printf '%s\n' setenv unsetenv putenv clearenv getenv secure_getenv tzset \
    localtime localtime_r mktime ctime ctime_r timelocal | sort -u >"$T/env.def"

crossing "present calls no curses" "$T/present.und" "$T/curses.def"
crossing "present writes to no stdout or stderr" "$T/present.und" "$T/stdio.def"
crossing "present calls nothing of the command line" "$T/present.und" "$T/cmd.def"
crossing "present touches neither the environment nor the process's time zone" \
    "$T/present.und" "$T/env.def"
crossing "present calls nothing of the screens" "$T/present.und" "$T/ui.def"
crossing "present calls neither the cache nor net" "$T/present.und" "$T/store.def"
check_eq "present calls no JSON, SQLite or curl" "$(cat "$T/present.libs")" ""
crossing "the command line calls no curses" "$T/cmd.und" "$T/curses.def"
crossing "the command line calls nothing of the screens" "$T/cmd.und" "$T/ui.def"
crossing "the screens call nothing of the command line" "$T/ui.und" "$T/cmd.def"
grep -E '^json_' "$T/ui.und" >"$T/ui.json" || :
check_eq "the screens call no JSON" "$(cat "$T/ui.json")" ""

# net/: the feed library stands without the cache and the network.
defined "$B/libcache.a" >"$T/cache.def"
defined "$B/libnet.a" >"$T/net.def"
undefined "$B/libfeed.a" >"$T/feed.und"
undefined "$B/libnet.a" >"$T/net.und"
ncalls=$(comm -12 "$T/net.und" "$T/cache.def" | grep -c .)
check_eq "the sync engine calls the cache (so the check would see a call)" \
    "$([ "$ncalls" -gt 5 ] && echo yes)" yes
crossing "the feed library calls nothing of the cache" "$T/feed.und" "$T/cache.def"
crossing "the feed library calls nothing of the sync engine" "$T/feed.und" \
    "$T/net.def"
grep -E '^(sqlite3_|curl_|dlopen|dlsym)' "$T/feed.und" >"$T/feed.libs" || :
check_eq "the feed library calls no SQLite or curl function" \
    "$(cat "$T/feed.libs")" ""
# Every symbol of the binary, its undefined (dynamic) ones included.
binsyms() { nm "$1" 2>/dev/null | awk '{ print $NF }' | sed 's/@.*//' | sort -u; }
needed() { objdump -p "$1" 2>/dev/null | awk '$1 == "NEEDED" { print $2 }'; }
n=$(binsyms "$B/globe" | grep -c '^sqlite3_')
check_eq "globe has sqlite3_ symbols (so the check would see them)" \
    "$([ "$n" -gt 5 ] && echo yes)" yes
hits=$(binsyms "$B/globe-publish" | grep -E '^(sqlite3_|curl_|cache_)' |
    tr '\n' ' ')
check_eq "globe-publish has no sqlite3_, curl_ or cache_ symbol" "$hits" ""
hits=$(needed "$B/globe-publish" | grep -E 'sqlite|curl' | tr '\n' ' ')
check_eq "globe-publish needs neither libsqlite3 nor libcurl" "$hits" ""
hits=$(needed "$B/globe" | grep -c sqlite)
check_eq "globe needs libsqlite3 (so the check would see it)" "$hits" 1
# The sources of libfeed.a include neither the cache's nor the sync
# engine's header, nor curl.h or sqlite3.h.
hits=""
for o in $(ar t "$B/libfeed.a"); do
	c="$srcdir/net/${o#libfeed_a-}"
	c="${c%.o}.c"
	grep -l '#include "cache/\|#include "net/net.h"\|#include "net/private.h"\|#include <curl\|#include <sqlite3' \
	    "$c" >/dev/null 2>&1 && hits="$hits ${c##*/}"
	[ -f "$c" ] || hits="$hits (no source for $o)"
done
grep -l '#include "cache/\|#include "net/net.h"\|#include <curl\|#include <sqlite3' \
    "$srcdir/net/feed.h" >/dev/null && hits="$hits feed.h"
check_eq "the feed library's sources include no cache, sync, curl or SQLite header" \
    "$hits" ""

# Only the curses part includes curses.h; only main.c sees both headers.
hits=$(grep -l '#include <curses.h>\|#include <ncurses' "$srcdir"/tui/*.c |
    sed 's|.*/||' | grep -v '^ui-' | tr '\n' ' ')
check_eq "only ui-*.c include curses.h" "$hits" ""
hits=$(grep -l '#include "tui/ui.h"' "$srcdir"/tui/cmd*.c "$srcdir"/tui/present*.c \
    2>/dev/null | sed 's|.*/||' | tr '\n' ' ')
check_eq "no command-line or presentation file includes ui.h" "$hits" ""
hits=$(grep -l '#include "tui/cmd.h"' "$srcdir"/tui/ui-*.c "$srcdir"/tui/view-*.c \
    "$srcdir"/tui/present*.c 2>/dev/null | sed 's|.*/||' | tr '\n' ' ')
check_eq "no screen or presentation file includes cmd.h" "$hits" ""

# Who includes what (DESIGN.md): sqlite3.h only in cache/, curl.h only in
# net/, jansson.h only in net/, the publisher and the command line's JSON
# writer (tui/cmd-json.c; every other command hands it what to write).
includers() {	# HEADER-REGEX: the library and program sources including it
	(cd "$srcdir" && grep -l -E "#[[:space:]]*include[[:space:]]*<($1)>" \
	    common/*.[ch] cache/*.[ch] net/*.[ch] tui/*.[ch] publish/*.[ch] \
	    2>/dev/null) | tr '\n' ' '
}
hits=$(includers 'sqlite3\.h' | tr ' ' '\n' | grep -v '^cache/' | tr '\n' ' ')
check_eq "only cache/ includes sqlite3.h" "$hits" ""
hits=$(includers 'curl/curl\.h' | tr ' ' '\n' | grep -v '^net/' | tr '\n' ' ')
check_eq "only net/ includes curl.h" "$hits" ""
hits=$(includers 'jansson\.h' | tr ' ' '\n' |
    grep -v -E '^(net/|publish/|tui/cmd-json\.c$)' | tr '\n' ' ')
check_eq "only net/, publish/ and tui/cmd-json.c include jansson.h" "$hits" ""
done_testing
