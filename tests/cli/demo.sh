#!/bin/sh
# tests/cli/demo.sh: `globe --demo` always shows the bundled demo feed.
# The feed is rebuilt here the way `make` rebuilds data/demo-feed (a
# fresh directory each time, so serial 1 again, sometimes with a new
# key); the demo cache follows it, keeps the user's stars and read marks,
# and is not synced at all when the feed is unchanged.
. "$srcdir/tests/lib.sh"

if [ ! -x "$PUBLISH" ] || [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe or globe-publish not built"
	done_testing
	exit 0
fi

export GLOBE_DEMO_FEED="$T/demo-feed"

# As the Makefile rule: publish the source into a fresh directory, signed
# with the key PREFIX, and put the public key next to it. $3 = "keep"
# publishes the next serial into the existing directory instead.
rebuild() {
	src=$1 key=$2
	[ -f "$key.key" ] || "$PUBLISH" --keygen "$key" >/dev/null || return 1
	[ "${3:-}" = keep ] || rm -rf "$T/demo-feed"
	mkdir -p "$T/demo-feed"
	"$PUBLISH" --source "$src" --out "$T/demo-feed" --sign "$key.key" \
		--feed-id globe-demo --expires-days 3650 --quiet || return 1
	cp "$key.pub" "$T/demo-feed/demo.pub"
}

# A contact's title, a newsletter's title: edits a reader would notice.
edit() {
	python3 - "$@" <<'EOF'
import json, sys
src, dst, cid, title, nid, ntitle = sys.argv[1:7]
with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as o:
    for line in f:
        r = json.loads(line)
        if r.get("type") == "contact" and r.get("id") == cid:
            r["title"] = title
        if r.get("type") == "newsletter" and r.get("id") == nid:
            r["title"] = ntitle
        o.write(json.dumps(r, ensure_ascii=False) + "\n")
EOF
}

last_sync() {
	"$GLOBE" --demo status --json | python3 -c \
	    'import json,sys; print(json.load(sys.stdin)["last_sync"])'
}

cp "$srcdir/data/demo.jsonl" "$T/v1.jsonl"
edit "$T/v1.jsonl" "$T/v2.jsonl" c-0001 "Chief of the Demo Unit" \
	nl-2021-1 "A rebuilt welcome"
edit "$T/v2.jsonl" "$T/v3.jsonl" c-0001 "Head of the New-Key Unit" \
	nl-2021-1 "Welcome, signed with a new key"

ok "build the demo feed" rebuild "$T/v1.jsonl" "$T/key1"
check_exit "--demo show c-0001" 0 "$GLOBE" --demo show c-0001
check_contains "the bundled title" "$out" \
	"Senior Investigator and GlobE Focal Point"

# The source edited, the feed rebuilt from scratch: serial 1 again.
ok "rebuild after an edit" rebuild "$T/v2.jsonl" "$T/key1"
check_exit "--demo show after the rebuild" 0 "$GLOBE" --demo show c-0001
check_contains "the edited title is shown" "$out" "Chief of the Demo Unit"
check_not_contains "the old title is gone" "$out" "Senior Investigator"
check_exit "--demo newsletters after the rebuild" 0 "$GLOBE" --demo newsletters
check_contains "the edited newsletter title" "$out" "A rebuilt welcome"

# User state, then the next serial, then a new key and serial 1 again
# (a fresh build directory): the cache is ahead of the feed.
ok "star c-0001" "$GLOBE" --demo star c-0001
ok "star c-0002" "$GLOBE" --demo star c-0002
ok "read nl-2021-1" "$GLOBE" --demo read nl-2021-1
ok "publish serial 2" rebuild "$T/v2.jsonl" "$T/key1" keep
check_exit "--demo status at serial 2" 0 "$GLOBE" --demo status --json
check_contains "the demo cache is at serial 2" "$out" '"serial": 2'
ok "rebuild with a new key" rebuild "$T/v3.jsonl" "$T/key2"
check_exit "--demo show after the new key" 0 "$GLOBE" --demo show c-0001
check_contains "the new key's text is shown" "$out" "Head of the New-Key Unit"
check_exit "--demo status after the new key" 0 "$GLOBE" --demo status --json
check_contains "the demo cache is at serial 1" "$out" '"serial": 1'
check_exit "--demo starred" 0 "$GLOBE" --demo starred --csv
check_contains "c-0001 is still starred" "$out" "c-0001"
check_contains "c-0002 is still starred" "$out" "c-0002"
check_exit "--demo newsletters --json" 0 "$GLOBE" --demo newsletters --json
got=$(printf '%s' "$out" | python3 -c '
import json, sys
for n in json.load(sys.stdin):
    if n["id"] == "nl-2021-1":
        print(n["title"], n["read"])')
check_eq "nl-2021-1: new title, still read" "$got" \
	"Welcome, signed with a new key True"

# Unchanged feed: no sync at all (the last sync time stays).
before=$(last_sync)
sleep 1
ok "--demo countries, feed unchanged" "$GLOBE" --demo countries
check_eq "no sync when the feed is unchanged" "$(last_sync)" "$before"

# `globe --demo sync` itself also takes a rebuilt feed.
ok "rebuild with the first key again" rebuild "$T/v1.jsonl" "$T/key1"
check_exit "--demo sync after a rebuild" 0 "$GLOBE" --demo sync
check_exit "--demo show after --demo sync" 0 "$GLOBE" --demo show c-0001
check_contains "the bundled title is back" "$out" "Senior Investigator"

# A broken demo feed is an error and leaves the demo cache alone.
echo garbage >"$T/demo-feed/index.json"
check_exit "--demo with a broken demo feed" 4 "$GLOBE" --demo countries
check_contains "says the feed is rejected" "$err" "sync failed"
rm -rf "$T/demo-feed"
check_exit "--demo with no demo feed" 1 "$GLOBE" --demo countries
check_contains "says the demo feed is missing" "$err" "demo feed is missing"
unset GLOBE_DEMO_FEED
check_exit "the real cache is untouched by --demo" 0 "$GLOBE" status
check_contains "the real cache was never synced" "$out" "never synced"

# An older demo installed in pkgdatadir (from an earlier make install)
# does not hide the one make just built: build/globe shows its own, an
# installed globe the installed one. The installed feed is put there in
# a private mount namespace, so nothing outside this test sees it.
pkgdatadir=$(printf 'include Makefile\nglobe-test-pkgdatadir:\n\t@echo $(pkgdatadir)\n' |
	make -s -C "$builddir" -f - globe-test-pkgdatadir 2>/dev/null)
share=${pkgdatadir%/*}
if [ -n "$pkgdatadir" ] && [ -d "$share" ] &&
    [ -f "$builddir/data/demo-feed/index.json" ] &&
    unshare -m true 2>/dev/null; then
	edit "$srcdir/data/demo.jsonl" "$T/old.jsonl" c-0001 \
		"An old installed title" nl-2021-1 "Old"
	ok "an older demo feed" rebuild "$T/old.jsonl" "$T/key1"
	mkdir -p "$T/bin"
	cp "$builddir/globe" "$T/bin/globe"
	cat >"$T/installed.sh" <<EOF
mount -t tmpfs globe-test "$share" &&
mkdir -p "$pkgdatadir" &&
cp -R "$T/demo-feed" "$pkgdatadir/demo-feed" || exit 99
"\$@"
EOF
	check_exit "build/globe --demo with an older demo installed" 0 \
		unshare -m sh "$T/installed.sh" "$builddir/globe" --demo \
		--db "$T/build.db" show c-0001
	check_contains "build/globe shows the demo it was built with" "$out" \
		"Senior Investigator and GlobE Focal Point"
	check_exit "an installed globe --demo" 0 \
		unshare -m sh "$T/installed.sh" "$T/bin/globe" --demo \
		--db "$T/inst.db" show c-0001
	check_contains "an installed globe shows the installed demo" "$out" \
		"An old installed title"
else
	echo "# no pkgdatadir, built demo or mount namespace: installed-demo checks not run"
fi

# The demo make builds starts one serial behind: its first sync lands on
# start.json's serial, and a sync then brings the next, with changes to
# show.
if [ -f "$builddir/data/demo-feed/start.json" ]; then
	export GLOBE_DEMO_FEED="$builddir/data/demo-feed"
	d="$T/built-demo.db"
	check_exit "the built demo" 0 "$GLOBE" --demo --db "$d" status --json
	check_contains "starts at its earlier serial" "$out" '"serial": 1'
	check_exit "--demo countries again" 0 "$GLOBE" --demo --db "$d" countries
	check_exit "and it stays there" 0 "$GLOBE" --demo --db "$d" status --json
	check_contains "still serial 1 (start.json is the demo's too)" "$out" \
	    '"serial": 1'
	check_exit "--demo sync" 0 "$GLOBE" --demo --db "$d" sync
	check_contains "brings serial 2" "$out" "synced serial 2 (was 1)"
	check_exit "--demo changes" 0 "$GLOBE" --demo --db "$d" changes
	check_contains "what it changed" "$out" "(c-0002): Title, Phone"
	check_contains "what it removed" "$out" "- Demo Officer (retired) (c-9001): removed"
	check_exit "--demo status after the sync" 0 "$GLOBE" --demo --db "$d" status --json
	check_contains "serial 2 stays" "$out" '"serial": 2'
	unset GLOBE_DEMO_FEED
else
	fail "make built the demo feed with its earlier serial (start.json)"
fi

# --- the README's three commands: the demo encrypted to this device -------
# Run as the README says, from the top of the tree, with make's demo key.
if [ -f "$builddir/data/demo-key/demo.key" ]; then
	mkdir -p "$T/readme"
	top=$(cd "$srcdir" && pwd)
	(
		cd "$T/readme" || exit 1
		ln -s "$top/data" data
		ln -s "$builddir" build
		unset GLOBE_DEMO_FEED
		build/globe device init | sed 's/$/ my laptop/' >recipients.txt &&
		build/globe-publish --source data/demo.jsonl --out demo-feed \
		    --sign build/data/demo-key/demo.key --feed-id globe-demo \
		    --recipients recipients.txt && cp build/data/demo-key/demo.pub demo-feed/ &&
		GLOBE_DEMO_FEED=$PWD/demo-feed build/globe --demo show c-0001
	) >"$T/readme.out" 2>"$T/readme.err"
	check_eq "the README's encrypted demo: three commands" "$?" 0
	sed 's/^/#   /' "$T/readme.err" | head -n 5
	check_contains "it shows the demo, decrypted" "$(cat "$T/readme.out")" \
	    "Senior Investigator and GlobE Focal Point"
	check_eq "no demo name is in its objects" \
	    "$(grep -rlaF "Senior Investigator" "$T/readme/demo-feed" | wc -l | tr -d ' ')" 0
else
	echo "# no demo key built: the README's encrypted demo is not run"
fi

done_testing
