#!/bin/sh
# scripts/deb.sh: builds the Debian package from this tree and checks it,
# as .ci/run does on a fresh Debian 12 machine:
#
#   sh scripts/deb.sh [OUTDIR]     (default OUTDIR: build-deb/)
#
# 1. installs what the build needs (debian/control's Build-Depends, with
#    apt-get build-dep) and the checkers (lintian, devscripts for
#    hardening-check) when missing, as root or through sudo;
# 2. copies the tree's files (tracked, and new ones not ignored; no build
#    output) to OUTDIR/src and runs dpkg-buildpackage -us -uc -b there,
#    so the package builds from what is committed, not from a configured
#    tree;
# 3. lintian on the result: no error and no warning (overrides only in
#    debian/*.lintian-overrides, each with its reason);
# 4. hardening-check on both programs;
# 5. unpacks the package into OUTDIR/root (dpkg -x) and runs that globe:
#    --version, then tests/cli/cli.sh and tests/cli/complete.sh against
#    it and the completion scripts it installs, and
#    tests/cli/man-l10n.sh against the translated man pages it installs.
# Set DEB_BUILD_OPTIONS=nocheck to skip the unit programs the package
# build runs (debian/rules: make check-unit).
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
out=${1:-$top/build-deb}
mkdir -p "$out"
out=$(cd "$out" && pwd)

step() { printf '%s: %s\n' "deb" "$*"; }
now() { date +%s; }

t0=$(now)
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
missing=""
for p in lintian devscripts dpkg-dev fakeroot; do
	if ! dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
if ! dpkg-checkbuilddeps debian/control >/dev/null 2>&1 || [ -n "$missing" ]; then
	step "installing the build dependencies and:$missing"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
	    --no-install-recommends dpkg-dev $missing >/dev/null
	DEBIAN_FRONTEND=noninteractive $sudo apt-get build-dep -y -qq ./ >/dev/null
fi
t1=$(now)

# Every library configure.ac asks pkg-config for comes from a package
# debian/control's Build-Depends names: a clean builder (sbuild, a CI
# machine) installs only those, so one missing there fails only there.
deps=$(sed -n '/^Build-Depends:/,/^[A-Z]/p' debian/control)
for mod in $(sed -n 's/^PKG_CHECK_MODULES(\[[A-Z]*\], \[\([a-z0-9]*\).*/\1/p' \
    configure.ac); do
	pc=$(pkg-config --variable=pcfiledir "$mod" 2>/dev/null)/$mod.pc
	pkg=$(dpkg -S "$pc" 2>/dev/null | sed -n '1s/[:,].*//p')
	if [ -z "$pkg" ]; then
		echo "deb: no installed package provides $mod.pc (pkg-config $mod)" >&2
		exit 1
	fi
	case $deps in
	*" $pkg"[\ ,\(]*|*" $pkg") ;;
	*) echo "deb: configure.ac needs $mod ($pkg), which debian/control's Build-Depends does not name" >&2
	   exit 1 ;;
	esac
done
step "Build-Depends names every library configure.ac needs"

# The tree's own files only: a configured tree or build directories would
# change what dh sees.
rm -rf "$out/src" "$out/root"
mkdir -p "$out/src/globe"
if [ -d .git ] && command -v git >/dev/null 2>&1; then
	git ls-files -z --cached --others --exclude-standard |
	    xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
	    tar --null -T - -cf - | tar -xf - -C "$out/src/globe"
else
	echo "deb: needs a git checkout (to know which files are the tree's)" >&2
	exit 1
fi
step "dpkg-buildpackage -us -uc -b (DEB_BUILD_OPTIONS=${DEB_BUILD_OPTIONS:-})"
rm -f "$out"/src/*.deb "$out"/src/*.changes "$out"/src/*.buildinfo
(cd "$out/src/globe" && dpkg-buildpackage -us -uc -b >"$out/build.log" 2>&1) ||
	{ tail -n 60 "$out/build.log"; exit 1; }
grep -E '^PASS|^FAIL|passed, .* failed' "$out/build.log" | tail -n 1 || true
deb=$(ls "$out"/src/globe_*.deb)
changes=$(ls "$out"/src/globe_*.changes)
t2=$(now)

step "lintian"
lintian --allow-root --fail-on error,warning --display-level '>=warning' "$changes" \
    >"$out/lintian.log" 2>&1 || { cat "$out/lintian.log"; exit 1; }
cat "$out/lintian.log"
step "lintian: no error, no warning"

mkdir -p "$out/root"
dpkg -x "$deb" "$out/root"
# --nocfprotection: Debian 12's glibc start files (crt1.o) carry no CET
# property, so no program linked there has one, /usr/bin/ls neither;
# every other check must pass.
for b in globe globe-publish; do
	hardening-check --nocfprotection "$out/root/usr/bin/$b" \
	    >"$out/hardening-$b.log" 2>&1 ||
	    { cat "$out/hardening-$b.log"; exit 1; }
done
step "hardening-check: globe and globe-publish pass"
dpkg-deb -c "$deb" >"$out/contents.txt"
t3=$(now)

# The unpacked globe: the demo feed and catalogues it would find under
# /usr/share are in the scratch root instead.
"$out/root/usr/bin/globe" --version
mkdir -p "$out/tests"
GLOBE_BIN="$out/root/usr/bin/globe" \
PUBLISH_BIN="$out/root/usr/bin/globe-publish" \
GLOBE_BIN_DEMO_FEED="$out/root/usr/share/globe/demo-feed" \
GLOBE_BASH_COMPLETION="$out/root/usr/share/bash-completion/completions/globe" \
GLOBE_ZSH_COMPLETION="$out/root/usr/share/zsh/vendor-completions/_globe" \
GLOBE_FISH_COMPLETION="$out/root/usr/share/fish/vendor_completions.d/globe.fish" \
GLOBE_CONFIG_EXAMPLE="$out/root/usr/share/doc/globe/config.example" \
GLOBE_MAN_ROOT="$out/root/usr/share/man" \
srcdir="$top" builddir="$out/tests" sh tests/run tests/cli/cli.sh \
    tests/cli/complete.sh tests/cli/config-check.sh \
    tests/cli/man-l10n.sh >"$out/tests.log" 2>&1 ||
	{ cat "$out/tests.log"; exit 1; }
cat "$out/tests.log"
t4=$(now)
step "times: deps $((t1 - t0)) s, build $((t2 - t1)) s, lintian and hardening $((t3 - t2)) s, tests $((t4 - t3)) s"
