#!/bin/sh
# tests/cli/man-l10n.sh: the translated manual pages (po/man/, po4a). For
# each language of po/man/LINGUAS: po/man/LL.po is complete (msgfmt
# --check --statistics: no untranslated and no fuzzy message, which would
# leave the page unmade rather than half English); `make` made every page
# po/man/po4a.cfg names, and the English pages that are a .so line
# beside them as they are; each page renders with groff -ww (every
# warning on) without one; every --option of the English page is in the
# translated page, verbatim; `make install DESTDIR=...` puts each page in
# $(mandir)/LL/manN/, where its .so page resolves to the same language's
# page, and `make uninstall` takes them away.
# GLOBE_MAN_ROOT (scripts/deb.sh): the pages installed under that man
# directory (gzipped, as the Debian package has them) are checked instead
# of the build tree's, and nothing is installed.
. "$srcdir/tests/lib.sh"

linguas=$(sed -e 's/#.*//' "$srcdir/po/man/LINGUAS")
# The pages po4a makes: "English-source page" pairs (docs/globe.1
# man1/globe.1) from po4a.cfg's [type: man] lines.
sed -n 's|^\[type: *man\] *\([^ ]*\) .*\$lang:man/\$lang/\(.*\)$|\1 \2|p' \
    "$srcdir/po/man/po4a.cfg" >"$T/pages"
# The English pages that are only a .so line, copied into each language.
: >"$T/so-pages"
for f in "$srcdir"/docs/*.[1-9]; do
	if [ "$(grep -vc '^\.so ' "$f")" -eq 0 ]; then
		sect=${f##*.}
		echo "man$sect/$(basename "$f")" >>"$T/so-pages"
	fi
done
ok "po4a.cfg names the pages" test -s "$T/pages"

# Where `make` left LL's pages: the build tree's man/LL, else the source
# tree's (a tarball's), as Makefile.am reads them.
made_dir() {
	if [ -d "$builddir/man/$1" ]; then echo "$builddir/man/$1"; else
		echo "$srcdir/man/$1"; fi
}
# page_src LL REL: the source of LL's page REL, made or installed.
page_src() {
	if [ -n "${GLOBE_MAN_ROOT:-}" ]; then
		gzip -dc "$GLOBE_MAN_ROOT/$1/$2.gz" 2>/dev/null ||
			cat "$GLOBE_MAN_ROOT/$1/$2"
	else
		cat "$(made_dir "$1")/$2"
	fi
}
page_exists() {
	if [ -n "${GLOBE_MAN_ROOT:-}" ]; then
		[ -f "$GLOBE_MAN_ROOT/$1/$2.gz" ] || [ -f "$GLOBE_MAN_ROOT/$1/$2" ]
	else
		[ -f "$(made_dir "$1")/$2" ]
	fi
}
# The long options a page names, one a line: \-\-name and --name, with
# roff's \- \& \% taken out, comment lines left out.
long_options() {
	grep -v '^\.\\"' | sed -e 's/\\-/-/g; s/\\&//g; s/\\%//g' |
	    grep -o -- '--[A-Za-z0-9][A-Za-z0-9_-]*' | sort -u
}
# render FILE: groff as man runs it (preconv for UTF-8, the an macros)
# with every warning on; prints the warnings, exit status 1 if any.
render() {
	groff -k -ww -man -Tutf8 "$@" >"$T/render.out" 2>"$T/render.err" &&
	    [ ! -s "$T/render.err" ] && return 0
	cat "$T/render.err"
	return 1
}
have_groff=yes
command -v groff >/dev/null 2>&1 || have_groff=no

enabled=yes
if [ -z "${GLOBE_MAN_ROOT:-}" ] &&
    grep -q '^MAN_TRANSLATIONS = no' "$builddir/Makefile" 2>/dev/null; then
	enabled=no
fi

for ll in $linguas; do
	po="$srcdir/po/man/$ll.po"
	ok "$ll: po/man/$ll.po is there (po/man/LINGUAS names $ll)" test -f "$po"
	[ -f "$po" ] || continue
	stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
	case "$stats" in
	*fuzzy* | *untranslated* | *rror*)
		fail "$ll: po/man/$ll.po is complete"
		echo "#   $stats" ;;
	*" translated message"*)
		pass "$ll: po/man/$ll.po is complete ($stats)" ;;
	*)
		fail "$ll: po/man/$ll.po is complete"
		echo "#   $stats" ;;
	esac

	# Message by message: the options of each English paragraph are in
	# its translation (prints "file:line: --option" for each that is not).
	msgexec -i "$po" sh -c '
		opts() { grep -o -- "--[A-Za-z0-9][A-Za-z0-9_-]*" | sort -u; }
		printf "%s\n" "$MSGEXEC_MSGID" | opts >"$0.en"
		opts >"$0.ll"
		comm -23 "$0.en" "$0.ll" | sed "s|^|$MSGEXEC_LOCATION: |"' \
	    "$T/msg" >"$T/msg-options" 2>&1
	check_eq "$ll: each message keeps the --options of its English" \
		"$(sed "s|^$srcdir/||" "$T/msg-options" | tr '\n' ' ')" ""

	if [ "$enabled" = no ]; then
		continue
	fi
	while read -r en rel; do
		if page_exists "$ll" "$rel"; then pass "$ll: $rel made"; else
			fail "$ll: $rel made"; continue; fi
		page_src "$ll" "$rel" >"$T/page"
		if [ "$have_groff" = yes ]; then
			ok "$ll: $rel renders with no groff warning" render "$T/page"
		fi
		long_options <"$srcdir/$en" >"$T/options.en"
		long_options <"$T/page" >"$T/options.ll"
		missing=$(comm -23 "$T/options.en" "$T/options.ll" | tr '\n' ' ')
		check_eq "$ll: $rel names every --option of $en ($(wc -l <"$T/options.en"))" \
			"$missing" ""
	done <"$T/pages"
	while read -r rel; do
		if page_exists "$ll" "$rel"; then pass "$ll: $rel made"; else
			fail "$ll: $rel made"; continue; fi
		target=$(sed -n 's/^\.so *//p' "$srcdir/docs/$(basename "$rel")")
		if [ -n "${GLOBE_MAN_ROOT:-}" ] && [ -L "$GLOBE_MAN_ROOT/$ll/$rel.gz" ]
		then
			# dh_installman turned the .so line into a symbolic link.
			check_eq "$ll: $rel links to $ll/$target" \
				"$(readlink -f "$GLOBE_MAN_ROOT/$ll/$rel.gz")" \
				"$(readlink -f "$GLOBE_MAN_ROOT/$ll/$target.gz")"
			continue
		fi
		page_src "$ll" "$rel" >"$T/page"
		ok "$ll: $rel is docs/$(basename "$rel") as it is" \
			cmp "$T/page" "$srcdir/docs/$(basename "$rel")"
	done <"$T/so-pages"
done
if [ "$enabled" = no ]; then
	echo "# SKIP configured with --disable-man-translations: no page made or installed"
	done_testing
	exit
fi
if [ "$have_groff" = no ]; then
	echo "# SKIP groff not installed (Debian: groff-base): pages not rendered"
fi

# --- make install / uninstall ---------------------------------------------
# The .so page is resolved as man resolves it: soelim from the language's
# directory of the man tree (then preconv), so its .so line must find that
# language's page. In the Debian package (GLOBE_MAN_ROOT) the pages are
# gzipped and a .so page left as such (not a link) must name a page of
# its own language's directory.
if [ -n "${GLOBE_MAN_ROOT:-}" ]; then
	for ll in $linguas; do
		while read -r rel; do
			[ -L "$GLOBE_MAN_ROOT/$ll/$rel.gz" ] && continue
			target=$(page_src "$ll" "$rel" | sed -n 's/^\.so *//p')
			ok "$ll: $rel's .so finds $ll/$target" \
				test -f "$GLOBE_MAN_ROOT/$ll/$target.gz"
		done <"$T/so-pages"
	done
	done_testing
	exit
fi
# make runs here outside the make check that runs this suite: not as part
# of its job server.
run_make() {
	(unset MAKEFLAGS MFLAGS MAKELEVEL; make -C "$builddir" "$@")
}
dest="$T/dest"
if run_make install DESTDIR="$dest" >"$T/install.log" 2>&1; then
	pass "make install DESTDIR=..."
else
	fail "make install DESTDIR=..."; tail -n 20 "$T/install.log" | sed 's/^/#   /'
fi
# $(mandir): where the English globe.1 went.
en_page=$(find "$dest" -path '*/man1/globe.1' | grep -v '/man/[^/]*/man1/' | head -n 1)
mandir=${en_page%/man1/globe.1}
ok "make install put the English globe.1 in \$(mandir)/man1" test -n "$en_page"
for ll in $linguas; do
	while read -r en rel; do
		ok "$ll: installed as \$(mandir)/$ll/$rel" \
			cmp "$mandir/$ll/$rel" "$(made_dir "$ll")/$rel"
	done <"$T/pages"
	while read -r rel; do
		ok "$ll: installed as \$(mandir)/$ll/$rel" \
			cmp "$mandir/$ll/$rel" "$srcdir/docs/$(basename "$rel")"
		[ "$have_groff" = yes ] || continue
		target=$(sed -n 's/^\.so *//p' "$mandir/$ll/$rel")
		if (cd "$mandir/$ll" && soelim "$rel") >"$T/so.page" &&
		    render "$T/so.page" && cp "$T/render.out" "$T/so.out" &&
		    render "$mandir/$ll/$target" && cmp -s "$T/so.out" "$T/render.out"
		then
			pass "$ll: \$(mandir)/$ll/$rel renders as $ll/$target"
		else
			fail "$ll: \$(mandir)/$ll/$rel renders as $ll/$target"
		fi
	done <"$T/so-pages"
done
run_make uninstall DESTDIR="$dest" >"$T/uninstall.log" 2>&1
left=$(find "$dest" -type f -path '*/man/*' | sed "s|^$dest||" | tr '\n' ' ')
check_eq "make uninstall takes every page away" "$left" ""
rm -rf "$dest"

done_testing
