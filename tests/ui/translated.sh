#!/bin/sh
# tests/ui/translated.sh: the screens speak the catalogue's language. A
# Polish catalogue (three plural forms) compiled here into the build tree
# translates, in the globe built there under LANGUAGE=pl and
# LANG=C.UTF-8: the breadcrumb's screen names, the status line ("data as
# of", "synced just now", the counts with their plural form for 5), the
# newsletters' counts (the form for 2), the search's filter line and the
# help screen's key help, where action names stay as bind lines write
# them and the catalogue's header never shows. A globe configured with
# --disable-nls shows English with that catalogue in place.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/ui/lib-ui.sh"

if ! command -v msgfmt >/dev/null 2>&1; then
	echo "# SKIP msgfmt not installed (Debian: gettext)"
	done_testing
	exit 0
fi
if grep -q '^#define ENABLE_NLS 1' "$builddir/config.h"; then
	nls=yes
else
	nls=no
	echo "# globe built with --disable-nls: it must show English"
fi

# Not uk: tests/cli/nls.sh compiles that one, maybe at the same time. A
# real pl catalogue (po/LINGUAS) is put back afterwards.
trap 'catalogue_restore; ui_cleanup' EXIT
cat >"$T/pl.po" <<'EOF'
msgid ""
msgstr ""
"Project-Id-Version: globe test\n"
"Language: pl\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
"(n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "Countries"
msgstr "Kraje"

msgid "Newsletters"
msgstr "Biuletyny"

msgid "Search"
msgstr "Szukaj"

msgid "Help"
msgstr "Pomoc"

#, c-format
msgid "data as of %s"
msgstr "dane z %s"

#, c-format
msgid "synced %s"
msgstr "zsynchronizowano %s"

msgid "just now"
msgstr "przed chwilą"

#, c-format
msgid "%s authority"
msgid_plural "%s authorities"
msgstr[0] "%s urząd"
msgstr[1] "%s urzędy"
msgstr[2] "%s urzędów"

#, c-format
msgid "%s contact"
msgid_plural "%s contacts"
msgstr[0] "%s kontakt"
msgstr[1] "%s kontakty"
msgstr[2] "%s kontaktów"

#, c-format
msgid "%s newsletter"
msgid_plural "%s newsletters"
msgstr[0] "%s biuletyn"
msgstr[1] "%s biuletyny"
msgstr[2] "%s biuletynów"

#, c-format
msgid "%s unread"
msgid_plural "%s unread"
msgstr[0] "%s nieprzeczytany"
msgstr[1] "%s nieprzeczytane"
msgstr[2] "%s nieprzeczytanych"

#, c-format
msgid "%s, %s %s Enter reads, / finds"
msgstr "%s, %s %s Enter czyta, / szuka"

#, c-format
msgid "country: %s"
msgstr "kraj: %s"

msgid "any"
msgstr "dowolny"

msgid "move up"
msgstr "w górę"
EOF
ok "msgfmt --check compiles the test catalogue" \
	catalogue_install pl "$T/pl.po"

ui_source "$T/source.jsonl"
ui_feed "$T/source.jsonl"
check_exit "sync the test feed" 0 "$GLOBE" sync --quiet

# Wide and tall: the whole status line and the whole help screen fit.
UI_ENV="-u LC_ALL LANG=C.UTF-8 LANGUAGE=pl"
ui_start 120x100
top() { $TM capture-pane -p -t ui | head -n 1; }
status() { $TM capture-pane -p -t ui | sed '/^ *$/d' | tail -n 1; }

if [ "$nls" = yes ]; then
	ui_expect_text "the status line: counts" "5 urzędów · 5 kontaktów"
	check_contains "the breadcrumb: a screen's name" "$(top)" " Kraje"
	check_contains "the status line: data as of" "$(status)" "dane z 20"
	check_contains "the status line: the sync, how long ago" "$(status)" \
		"zsynchronizowano przed chwilą"
	check_not_contains "the status line: no English left" "$(status)" \
		"authorities"

	ui_keys /
	ui_expect_text "search: the filter line" \
		"kraj: dowolny · expertise: dowolny · language: dowolny"
	check_contains "search: the breadcrumb" "$(top)" "Kraje › Szukaj"
	ui_keys Escape

	ui_keys 2
	ui_expect_text "newsletters: P_ picks the form for 2" \
		"2 biuletyny, 2 nieprzeczytane · Enter czyta, / szuka"
	check_contains "newsletters: the breadcrumb" "$(top)" \
		"Kraje › Biuletyny"

	ui_keys ?
	ui_expect_text "help: a key's help, its action's name kept" \
		"w górę (up)"
	ui_settle
	ui_capture >"$T/help.txt"
	check_not_contains "help: never the catalogue's header" \
		"$(cat "$T/help.txt")" "Project-Id-Version"
	check_contains "help: the notes follow the keys" \
		"$(cat "$T/help.txt")" "Editing a search, a filter or a prompt"
else
	ui_expect_text "--disable-nls: the status line in English" \
		"5 authorities · 5 contacts"
	check_contains "--disable-nls: the breadcrumb in English" "$(top)" \
		" Countries"
	ui_keys 2
	ui_expect_text "--disable-nls: newsletters in English" \
		"2 newsletters, 2 unread"
fi
ui_keys q q q q
ui_expect_text "quit" "[globe exited 0]"

done_testing
