#!/bin/sh
# scripts/bootstrap.sh: sets up a fresh Debian 12 machine for globe and
# builds it. The README's two commands are this script:
#
#   sh scripts/bootstrap.sh          installs what is missing, builds build/
#   sh scripts/bootstrap.sh check    the same plus the test tools, then builds
#                                    build-check/ with ASan+UBSan and -Werror
#                                    and runs every test (make check)
#   sh scripts/bootstrap.sh deps     only installs what the tests need
#
# Packages are installed with apt-get only when missing (as root, or through
# sudo). Nothing outside the source tree is changed otherwise.
set -eu

mode=${1:-build}
cd "$(dirname "$0")/.."

# gettext: xgettext, msgmerge and msgfmt make the translation catalogues
# (configure --disable-nls builds without them); po4a makes the translated
# man pages from po/man/ (--disable-man-translations builds without
# them; a release tarball carries them made). libfribidi-dev: GNU
# FriBidi puts right-to-left text in visual order on the screens; zlib
# compresses the objects of member-only feeds before they are encrypted.
pkgs="build-essential autoconf automake pkg-config libsqlite3-dev
libjansson-dev libcurl4-openssl-dev libncurses-dev libsodium-dev
libfribidi-dev zlib1g-dev ca-certificates gettext po4a"
if [ "$mode" = check ] || [ "$mode" = deps ]; then
	# What the suites drive: minisign for signature interop, python3 for
	# the feed crafting and fault server, tmux for the screen tests, nginx
	# and openssl for TLS tests, iso-codes for the demo generator check,
	# locales for the locales the tests compile with localedef (Latin-1
	# in tests/cli/nls.sh; fr_FR, de_DE, en_US, ru_RU, ar_EG and zh_CN
	# in UTF-8 for the dates and counts of test-locale,
	# tests/cli/language.sh and tests/ui/dates.sh), valgrind
	# and clang with libFuzzer for .ci/run's extra steps; zsh and fish
	# for tests/cli/complete.sh, systemd (systemd-analyze) for
	# tests/cli/units.sh, and FriBidi's own `fribidi` tool, which
	# tests/ui/bidi.sh compares the screens with.
	pkgs="$pkgs minisign python3 tmux nginx-light openssl iso-codes
	groff-base man-db xz-utils valgrind clang libclang-rt-14-dev locales
	zsh fish systemd libfribidi-bin"
fi

missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
if [ -n "$missing" ]; then
	echo "bootstrap: installing:$missing"
	if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi

if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt Makefile.in ]; then
	autoreconf -fi
fi

jobs=$(nproc 2>/dev/null || echo 2)
case "$mode" in
deps)
	;;
build)
	mkdir -p build
	cd build
	[ -f Makefile ] || ../configure --enable-werror
	make -j"$jobs"
	;;
check)
	mkdir -p build-check
	cd build-check
	[ -f Makefile ] || ../configure --enable-werror --enable-asan
	make -j"$jobs"
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		make check
	;;
*)
	echo "usage: sh scripts/bootstrap.sh [check]" >&2
	exit 2
	;;
esac
