#!/bin/sh
# tests/cli/nls.sh: the translation machinery. po/POTFILES.in names
# exactly the source files that mark strings; `make` wrote the template
# without a warning from xgettext; a catalogue compiled here for Ukrainian
# (three plural forms) into the build tree changes what the globe built
# there prints under LANGUAGE=uk, plural forms included, and nothing else:
# not without LANGUAGE, not under LC_ALL=C, not under a Latin-1 locale
# (where globe writes only ASCII, so its messages stay English). A globe
# configured with --disable-nls (.ci/run builds one) prints English with
# that catalogue in place.
. "$srcdir/tests/lib.sh"

if [ ! -x "$GLOBE" ]; then
	echo "# SKIP globe not built"
	done_testing
	exit 0
fi
if grep -q '^#define ENABLE_NLS 1' "$builddir/config.h"; then
	nls=yes
else
	nls=no
	echo "# globe built with --disable-nls: it must print English"
fi

# --- po/POTFILES.in: exactly the files that use _( N_( P_( ---------------
# A use is the macro outside comments and string literals; common/i18n.h
# defines them and is not a use. Prints what to add or remove.
potfiles_check() {
	python3 - "$srcdir" "$1" <<'EOF'
import os, re, sys
top, want = sys.argv[1], sys.argv[2]
listed = []
with open(os.path.join(top, "po/POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.append(line)
code = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
                  re.S)
use = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|NC_|P_)\s*\(')
using = []
for d in ("common", "cache", "net", "tui", "publish"):
    for name in sorted(os.listdir(os.path.join(top, d))):
        rel = d + "/" + name
        if not name.endswith((".c", ".h")) or rel == "common/i18n.h":
            continue
        with open(os.path.join(top, rel), encoding="utf-8") as f:
            text = code.sub(lambda m: " " if m.group(0)[0] == "/" else '""',
                            f.read())
        if use.search(text):
            using.append(rel)
bad = 0
if want == "missing":
    for rel in using:
        if rel not in listed:
            print("# %s marks strings: add it to po/POTFILES.in" % rel)
            bad = 1
else:
    for rel in listed:
        if not os.path.exists(os.path.join(top, rel)):
            print("# %s is gone: remove it from po/POTFILES.in" % rel)
            bad = 1
        elif rel not in using:
            print("# %s marks no string: remove it from po/POTFILES.in" % rel)
            bad = 1
    if len(set(listed)) != len(listed):
        print("# po/POTFILES.in names a file twice")
        bad = 1
sys.exit(bad)
EOF
}
ok "POTFILES.in names every file that marks strings" potfiles_check missing
ok "POTFILES.in names only files that exist and mark strings" \
	potfiles_check extra

# --- the template make wrote ----------------------------------------------
POT="$builddir/po/globe.pot"
if [ "$nls" = yes ]; then
	ok "make wrote po/globe.pot" test -s "$POT"
	ok "xgettext printed no warning" test -f "$builddir/po/xgettext.log" -a \
		! -s "$builddir/po/xgettext.log"
	[ -f "$builddir/po/xgettext.log" ] &&
		sed 's/^/#   xgettext: /' "$builddir/po/xgettext.log" | head -n 10
	pot=$(cat "$POT" 2>/dev/null)
	version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' \
		"$builddir/config.h")
	check_contains "template: package and version" "$pot" \
		"\"Project-Id-Version: globe $version\\n\""
	case "$pot" in
	*'"Report-Msgid-Bugs-To: \n"'*) fail "template: a msgid-bugs address" ;;
	*'"Report-Msgid-Bugs-To: '*) pass "template: a msgid-bugs address" ;;
	*) fail "template: a msgid-bugs address" ;;
	esac
	check_contains "template: a _() string" "$pot" 'msgid "no matches"'
	check_contains "template: a P_() string with its plural" "$pot" \
		"msgid \"showing %zu of %zu; --limit N or --all\"
msgid_plural \"showing %zu of %zu; --limit N or --all\""
	check_contains "template: the TRANSLATORS: comment" "$pot" \
		"#. TRANSLATORS: on stderr under a list cut at its limit"
	# What po/README tells a translator to run for a new language, here
	# from a shell under LC_ALL=C: the catalogue must still be UTF-8.
	ok "template: msginit starts a catalogue from it" env LC_ALL=C \
		msginit --input="$POT" --locale=uk_UA.UTF-8 --no-translator \
		--output-file="$T/new.po"
	check_contains "template: that catalogue is UTF-8" \
		"$(cat "$T/new.po" 2>/dev/null)" '"Content-Type: text/plain; charset=UTF-8\n"'
	ok "template: msgfmt --check accepts that catalogue" \
		msgfmt --check -o /dev/null "$T/new.po"
fi

# --- a catalogue for Ukrainian, where the build-tree globe reads it -------
if ! command -v msgfmt >/dev/null 2>&1; then
	echo "# SKIP msgfmt not installed (Debian: gettext)"
	done_testing
	exit
fi
# A real uk catalogue (po/LINGUAS) is put back afterwards.
trap catalogue_restore EXIT
cat >"$T/uk.po" <<'EOF'
msgid ""
msgstr ""
"Project-Id-Version: globe test\n"
"Language: uk\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
"n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "no matches"
msgstr "нічого не знайдено"

#, c-format
msgid "showing %zu of %zu; --limit N or --all"
msgid_plural "showing %zu of %zu; --limit N or --all"
msgstr[0] "показано %zu запис із %zu; --limit N або --all"
msgstr[1] "показано %zu записи із %zu; --limit N або --all"
msgstr[2] "показано %zu записів із %zu; --limit N або --all"

#, c-format
msgid "unknown command '%s'"
msgstr "невідома команда «%s»"

#, c-format
msgid "did you mean %s?"
msgstr "можливо, ви мали на увазі %s?"

#, c-format
msgid "%s or %s"
msgstr "%s або %s"

#, c-format
msgid "'%s'"
msgstr "«%s»"

msgid "usage: globe [OPTIONS] [COMMAND [ARGS...]] (see globe --help)\n"
msgstr "використання: globe [OPTIONS] [COMMAND [ARGS...]] (див. globe --help)\n"

#, c-format
msgid "sync failed: %s: %s"
msgstr "синхронізація не вдалася: %s: %s"

msgid "signature check failed"
msgstr "перевірка підпису не вдалася"

#, c-format
msgid "signed by key %s, which is not configured"
msgstr "підписано ключем %s, якого немає в налаштуваннях"

msgid "database:"
msgstr "база даних:"

msgid "newsletters:"
msgstr "інформаційні бюлетені:"

#, c-format
msgid "%u (%u unread)"
msgid_plural "%u (%u unread)"
msgstr[0] "%u (%u непрочитаний)"
msgstr[1] "%u (%u непрочитані)"
msgstr[2] "%u (%u непрочитаних)"

#, c-format
msgid "unexpected argument '%s'"
msgstr "зайвий аргумент «%s»"

msgid "Try 'globe-publish --help'.\n"
msgstr "Спробуйте «globe-publish --help».\n"

#, c-format
msgid ""
"%s:%zu: unknown record type '%s' (a source holds country, authority, "
"contact, newsletter and route records only)"
msgstr ""
"%s:%zu: невідомий тип запису «%s» (джерело містить лише записи country, "
"authority, contact, newsletter і route)"

#, c-format
msgid "index lists %zu delta"
msgid_plural "index lists %zu deltas"
msgstr[0] "індекс містить %zu дельту"
msgstr[1] "індекс містить %zu дельти"
msgstr[2] "індекс містить %zu дельт"

msgid "Starred"
msgstr "Обране"

#, c-format
msgid "no device key at %s (`globe device init` makes one)"
msgstr "немає ключа пристрою у %s (його створює `globe device init`)"

msgid "cannot use the device key"
msgstr "не вдається використати ключ пристрою"

#, c-format
msgid "%s:%zu: the key has no label (write whose device it is after it)"
msgstr "%s:%zu: ключ без мітки (допишіть після нього, чий це пристрій)"

#, c-format
msgid "encrypted to %s, key epoch from serial %lld (new: %s; no delta)"
msgstr "зашифровано для %s, ключова епоха з випуску %lld (нова: %s; без дельти)"

#, c-format
msgid "%zu device"
msgid_plural "%zu devices"
msgstr[0] "%zu пристрою"
msgstr[1] "%zu пристроїв"
msgstr[2] "%zu пристроїв"

msgid "the feed's first serial"
msgstr "перший випуск стрічки"

msgctxt "field"
msgid "Starred"
msgstr "Позначено"

#, c-format
msgid "ok: %s"
msgstr "гаразд: %s"

msgid "no changes"
msgstr "без змін"

#, c-format
msgid "%s: %s"
msgstr "%s — %s"
EOF
ok "msgfmt --check compiles the test catalogue" \
	catalogue_install uk "$T/uk.po"

# The demo directory: "a" finds far more than 21 records.
check_exit "demo: search" 0 "$GLOBE" --demo search --all a
# Only stderr's last line: the one the limit or the empty result wrote.
note() { tail -n 1 "$T/err"; }

ukr() { env -u LC_ALL LANG=C.UTF-8 LANGUAGE=uk "$@"; }
if [ "$nls" = yes ]; then
	check_exit "uk: no match" 1 ukr "$GLOBE" --demo search zzzqqq
	check_eq "uk: a _() string is translated" "$err" \
		"globe: нічого не знайдено"
	# Ukrainian: 1 21 → form 0, 2 22 → form 1, 5 11 → form 2.
	for form in 1:запис 2:записи 5:записів 11:записів 21:запис 22:записи; do
		limit=${form%%:*} word=${form#*:}
		check_exit "uk: --limit $limit" 0 ukr "$GLOBE" --demo search \
			--limit "$limit" a
		check_contains "uk: P_ picks the form for $limit" "$(note)" \
			"globe: показано $limit $word із "
	done
	# One English word, two meanings: the field's own translation.
	star=$("$GLOBE" --demo search --json --limit 1 a | python3 -c '
import json, sys; print(json.load(sys.stdin)[0]["id"])')
	"$GLOBE" --demo star "$star" >/dev/null
	check_exit "uk: show a starred record" 0 ukr "$GLOBE" --demo show "$star"
	check_line "uk: the field Starred in its context" "$out" '^Позначено '
	check_not_contains "uk: not the screen's Starred" "$out" "Обране"
	"$GLOBE" --demo unstar "$star" >/dev/null
	check_exit "uk under LC_ALL=C.UTF-8: no match" 1 env LC_ALL=C.UTF-8 \
		LANGUAGE=uk "$GLOBE" --demo search zzzqqq
	check_eq "uk under LC_ALL=C.UTF-8: translated" "$err" \
		"globe: нічого не знайдено"
else
	check_exit "uk, --disable-nls: no match" 1 ukr "$GLOBE" --demo search \
		zzzqqq
	check_eq "uk, --disable-nls: English" "$err" "globe: no matches"
	for limit in 1 2 5; do
		check_exit "uk, --disable-nls: --limit $limit" 0 ukr "$GLOBE" \
			--demo search --limit "$limit" a
		check_contains "uk, --disable-nls: English for $limit" "$(note)" \
			"globe: showing $limit of "
	done
fi

# --- messages built of parts: each part translated, the whole one sentence -
# trans WHAT UK EN CMD...: under LANGUAGE=uk stderr is UK (English with
# --disable-nls); without LANGUAGE it is EN. Both whole, byte for byte.
trans() {
	tname=$1 tuk=$2 ten=$3
	shift 3
	check_exit "uk: $tname" "$trstatus" ukr "$@"
	if [ "$nls" = yes ]; then
		check_eq "uk: $tname, translated" "$err" "$tuk"
	else
		check_eq "uk, --disable-nls: $tname, English" "$err" "$ten"
	fi
	check_exit "no LANGUAGE: $tname" "$trstatus" env -u LC_ALL \
		LANG=C.UTF-8 "$@"
	check_eq "no LANGUAGE: $tname, English" "$err" "$ten"
}

# A usage error with suggestions: the list is joined with the catalogue's
# "or" and quotes, inside its "did you mean", never glued by the caller.
trstatus=2
trans "a usage error with three suggestions" \
	"globe: невідома команда «sta»; можливо, ви мали на увазі «status», «star» або «starred»?
використання: globe [OPTIONS] [COMMAND [ARGS...]] (див. globe --help)" \
	"globe: unknown command 'sta'; did you mean 'status', 'star' or 'starred'?
usage: globe [OPTIONS] [COMMAND [ARGS...]] (see globe --help)" \
	"$GLOBE" sta

# A net status message and its cause, both from the libraries: a feed
# signed by a key that is not the configured one (as tests/cli/config.sh).
SIG=$T/sig
mkdir -p "$SIG"
printf '%s\n' '{"type":"country","code":"BR","name":"Brazil"}' \
	>"$SIG/src.jsonl"
"$PUBLISH" --keygen "$SIG/k" >/dev/null 2>&1
"$PUBLISH" --keygen "$SIG/other" >/dev/null 2>&1
"$PUBLISH" --source "$SIG/src.jsonl" --out "$SIG/feed" --sign "$SIG/k.key" \
	--quiet
printf 'pubkey = %s\n' "$(tail -n 1 "$SIG/other.pub")" >"$SIG/config"
keyid=$(sed -n 's/.*minisign public key \([0-9A-F]*\)$/\1/p' "$SIG/k.pub")
trstatus=4
trans "a feed signed by another key" \
	"globe: синхронізація не вдалася: перевірка підпису не вдалася: file://$SIG/feed/index.json.minisig: підписано ключем $keyid, якого немає в налаштуваннях" \
	"globe: sync failed: signature check failed: file://$SIG/feed/index.json.minisig: signed by key $keyid, which is not configured" \
	"$GLOBE" --config "$SIG/config" --db "$SIG/globe.db" sync \
	--feed "file://$SIG/feed"
# The cache keeps the failure's status in fixed English, the cause as the
# user read it (net/sync.c): a script can match the status in any locale.
check_exit "uk: the refused sync again" 4 ukr "$GLOBE" --config \
	"$SIG/config" --db "$SIG/globe.db" sync --feed "file://$SIG/feed"
check_exit "status after it" 0 env -u LC_ALL LANG=C.UTF-8 "$GLOBE" \
	--config "$SIG/config" --db "$SIG/globe.db" status
if [ "$nls" = yes ]; then
	cause="підписано ключем $keyid, якого немає в налаштуваннях"
else
	cause="signed by key $keyid, which is not configured"
fi
check_contains "status: the stored failure starts in English" "$out" \
	"(signature check failed: file://$SIG/feed/index.json.minisig: $cause)"
# Read back, globe status says it in the reader's language (net/note.c,
# present_sync_note): the status's message and the cause as stored.
check_exit "uk: status after it" 0 ukr "$GLOBE" --config "$SIG/config" \
	--db "$SIG/globe.db" status
if [ "$nls" = yes ]; then
	check_contains "uk: status: the stored failure in Ukrainian" "$out" \
		"(перевірка підпису не вдалася — file://$SIG/feed/index.json.minisig: $cause)"
else
	check_contains "uk, --disable-nls: status: the stored failure" "$out" \
		"(signature check failed: file://$SIG/feed/index.json.minisig: $cause)"
fi
# What the demo's last sync changed ("ok: contacts +1 ~0 -0" as stored).
"$GLOBE" --demo sync >/dev/null 2>&1
check_exit "uk: demo status after a sync" 0 ukr "$GLOBE" --demo status
if [ "$nls" = yes ]; then
	check_line "uk: status: what the last sync did" "$out" \
		'^[^ ]* [^ ]*: *[-0-9T:Z]* (гаразд: .*)$'
else
	check_line "uk, --disable-nls: status: the last sync" "$out" \
		'^last sync: *[-0-9T:Z]* (ok: .*)$'

fi

# globe status: translated labels, aligned by their width on the screen
# (Cyrillic takes two bytes a column), and P_ for the unread newsletters.
# The demo has four newsletters: 4 unread is form 1, 1 form 0, 0 form 2.
trstatus=0
DB=$XDG_DATA_HOME/globe/demo.db
for id in "" nl-2025-1 nl-2024-1 nl-2022-1 nl-2021-1; do
	[ -n "$id" ] && "$GLOBE" --demo read "$id" >/dev/null
	unread=$(env -u LC_ALL LANG=C.UTF-8 "$GLOBE" --demo status |
	    sed -n 's/^newsletters: *4 (\([0-9]\) unread)$/\1/p')
	case $unread in
	1) word=непрочитаний ;; 2|3|4) word=непрочитані ;; *) word=непрочитаних ;;
	esac
	check_exit "uk: status with $unread unread" 0 ukr "$GLOBE" --demo status
	if [ "$nls" = yes ]; then
		check_contains "uk: status: P_ picks the form for $unread" \
			"$out" "
інформаційні бюлетені:  4 ($unread $word)
"
		check_contains "uk: status: the values line up" "$out" \
			"база даних:             $DB
feed:                   "
	else
		check_contains "uk, --disable-nls: status in English" "$out" \
			"database:      $DB"
		check_contains "uk, --disable-nls: $unread unread" "$out" \
			"newsletters:   4 ($unread unread)"
	fi
done
check_exit "no LANGUAGE: status" 0 env -u LC_ALL LANG=C.UTF-8 "$GLOBE" \
	--demo status
check_contains "no LANGUAGE: status in English" "$out" "database:      $DB
feed:          "
check_contains "no LANGUAGE: 0 unread" "$out" "newsletters:   4 (0 unread)"

# globe-publish: a usage error, a FILE:LINE error and the summary's P_.
trstatus=2
trans "globe-publish: a usage error" \
	"globe-publish: зайвий аргумент «extra»
Спробуйте «globe-publish --help»." \
	"globe-publish: unexpected argument 'extra'
Try 'globe-publish --help'." \
	"$PUBLISH" extra
printf '%s\n' '{"type":"route2","id":"x"}' >"$SIG/bad.jsonl"
trstatus=4
trans "globe-publish: FILE:LINE" \
	"globe-publish: $SIG/bad.jsonl:1: невідомий тип запису «route2» (джерело містить лише записи country, authority, contact, newsletter і route); nothing published" \
	"globe-publish: $SIG/bad.jsonl:1: unknown record type 'route2' (a source holds country, authority, contact, newsletter and route records only); nothing published" \
	"$PUBLISH" --source "$SIG/bad.jsonl" --out "$SIG/bad"
# Three serials of the demo source, each a little changed: the index
# lists 0, then 1, then 2 deltas (forms 2, 0 and 1 in Ukrainian).
serial=0
for words in "0:дельт:deltas" "1:дельту:delta" "2:дельти:deltas"; do
	serial=$((serial + 1))
	sed "s/\"Brazil\"/\"Brazil $serial\"/" "$srcdir/data/demo.jsonl" \
		>"$SIG/demo.jsonl"
	for lang in uk en; do
		if [ $lang = uk ]; then run=ukr; else run="env -u LANGUAGE"; fi
		check_exit "globe-publish ($lang): serial $serial" 0 $run "$PUBLISH" \
			--source "$SIG/demo.jsonl" --out "$SIG/demo-$lang" \
			--sign "$SIG/k.key"
		count=${words%%:*} rest=${words#*:}
		if [ $lang = uk ] && [ "$nls" = yes ]; then
			want="; індекс містить $count ${rest%%:*}"
		else
			want="; index lists $count ${rest#*:}"
		fi
		check_contains "globe-publish ($lang): serial $serial: P_" "$out" \
			"$want"
	done
done

# One record is "1 record" (it said "1 records" before P_).
check_exit "globe-publish: one record" 0 "$PUBLISH" --source "$SIG/src.jsonl" \
	--out "$SIG/one" --sign "$SIG/k.key"
check_contains "globe-publish: one record, in the singular" "$out" \
	" bytes, 1 record); index lists 0 deltas"

# A feed encrypted to its members (net/device.c, publish/recipients.c,
# publish/epoch.c): the messages of the device key, the recipients file
# and the key epoch are the catalogue's too.
MEM=$T/members
mkdir -p "$MEM"
printf 'device_key = %s/none.key\n' "$MEM" >"$MEM/conf-none"
printf 'device_key = %s/a.key\n' "$MEM" >"$MEM/conf-a"
"$GLOBE" --config "$MEM/conf-a" device init >"$MEM/tok-a" 2>/dev/null
trstatus=2
trans "globe device show without a key" \
	"globe: немає ключа пристрою у $MEM/none.key (його створює \`globe device init\`)" \
	"globe: no device key at $MEM/none.key (\`globe device init\` makes one)" \
	"$GLOBE" --config "$MEM/conf-none" device show
cat "$MEM/tok-a" >"$MEM/r-nolabel"
trans "globe-publish: a recipients file's FILE:LINE" \
	"globe-publish: $MEM/r-nolabel:1: ключ без мітки (допишіть після нього, чий це пристрій); nothing published" \
	"globe-publish: $MEM/r-nolabel:1: the key has no label (write whose device it is after it); nothing published" \
	"$PUBLISH" --source "$SIG/src.jsonl" --out "$MEM/feed" --sign \
	"$SIG/k.key" --recipients "$MEM/r-nolabel"
printf '%s alice\n' "$(cat "$MEM/tok-a")" >"$MEM/r-a"
check_exit "globe-publish (uk): an encrypted serial" 0 ukr "$PUBLISH" \
	--source "$SIG/src.jsonl" --out "$MEM/feed" --sign "$SIG/k.key" \
	--recipients "$MEM/r-a"
if [ "$nls" = yes ]; then
	check_contains "globe-publish (uk): why the key epoch is new" "$out" \
		"; зашифровано для 1 пристрою, ключова епоха з випуску 1 (нова: перший випуск стрічки; без дельти)"
else
	check_contains "globe-publish (uk), --disable-nls: the key epoch" \
		"$out" "(new: the feed's first serial; no delta)"
fi
printf 'pubkey = %s\ndevice_key = %s/none.key\n' \
	"$(tail -n 1 "$SIG/k.pub")" "$MEM" >"$MEM/conf-sync"
trans "a member-only feed without a device key" \
	"globe: синхронізація не вдалася: не вдається використати ключ пристрою: немає ключа пристрою у $MEM/none.key (його створює \`globe device init\`)" \
	"globe: sync failed: cannot use the device key: no device key at $MEM/none.key (\`globe device init\` makes one)" \
	"$GLOBE" --config "$MEM/conf-sync" --db "$MEM/globe.db" sync \
	--feed "file://$MEM/feed"

# globe-publish sets the locale for its messages, yet what it writes is
# data: the same feed, byte for byte, under C and under a locale with a
# decimal comma, other digits grouping and dates, and a translation.
mkdir -p "$T/locales"
if localedef -i fr_FR -f UTF-8 "$T/locales/fr_FR.UTF-8" \
    >"$T/localedef-fr.log" 2>&1; then
	for loc in C fr; do
		if [ $loc = C ]; then run="env LC_ALL=C"; else
			run="env -u LC_ALL LOCPATH=$T/locales LANG=fr_FR.UTF-8 \
			    LANGUAGE=uk"; fi
		for s in 1 2; do
			sed "s/\"Brazil\"/\"Brazil $s\"/" \
				"$srcdir/data/demo.jsonl" >"$SIG/demo.jsonl"
			$run "$PUBLISH" --source "$SIG/demo.jsonl" \
			    --out "$SIG/loc-$loc" --sign "$SIG/k.key" \
			    --issued 2026-0$s-01T00:00:00Z --quiet
		done
	done
	ok "globe-publish: the same feed under C and fr_FR.UTF-8" \
		diff -r "$SIG/loc-C" "$SIG/loc-fr"
	# ... where the locale was in force: its messages were Ukrainian.
	if [ "$nls" = yes ]; then
		check_exit "globe-publish under fr_FR.UTF-8, LANGUAGE=uk" 2 \
			$run "$PUBLISH" extra
		check_contains "  says it in Ukrainian" "$err" "зайвий аргумент"
	fi
else
	sed 's/^/#   localedef: /' "$T/localedef-fr.log" | head -n 5
	echo "# SKIP no fr_FR.UTF-8 locale: localedef failed (Debian: locales)"
fi

# --- where the catalogue must not apply -----------------------------------
check_exit "no LANGUAGE: no match" 1 env -u LC_ALL LANG=C.UTF-8 \
	"$GLOBE" --demo search zzzqqq
check_eq "no LANGUAGE: English" "$err" "globe: no matches"
check_exit "LC_ALL=C, LANGUAGE=uk: no match" 1 env LC_ALL=C LANGUAGE=uk \
	"$GLOBE" --demo search zzzqqq
check_eq "LC_ALL=C, LANGUAGE=uk: English" "$err" "globe: no matches"

# Under a Latin-1 locale globe writes only ASCII: a Ukrainian message
# cannot be shown there, so it stays English (common/i18n.c). The locale
# is compiled here (localedef, from Debian's locales) and found by LOCPATH.
mkdir -p "$T/locales"
if localedef -i fr_FR -f ISO-8859-1 "$T/locales/fr_FR.ISO-8859-1" \
    >"$T/localedef.log" 2>&1; then
	latin1() { env -u LC_ALL LOCPATH="$T/locales" \
	    LANG=fr_FR.ISO-8859-1 LANGUAGE=uk "$@"; }
	check_exit "Latin-1, LANGUAGE=uk: no match" 1 latin1 "$GLOBE" --demo \
		search zzzqqq
	check_eq "Latin-1, LANGUAGE=uk: English" "$err" "globe: no matches"
	check_exit "Latin-1, LANGUAGE=uk: --limit 2" 0 latin1 "$GLOBE" --demo \
		search --limit 2 a
	check_contains "Latin-1, LANGUAGE=uk: the note in English" "$(note)" \
		"globe: showing 2 of "
	check_eq "Latin-1, LANGUAGE=uk: stderr is ASCII" \
		"$(LC_ALL=C tr -d '\000-\177' <"$T/err" | wc -c)" 0
else
	sed 's/^/#   localedef: /' "$T/localedef.log" | head -n 5
	echo "# SKIP no Latin-1 locale: localedef failed (Debian: locales)"
fi

done_testing
