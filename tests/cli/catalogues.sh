#!/bin/sh
# tests/cli/catalogues.sh: every language of po/LINGUAS is complete
# against the template this build wrote from the sources: merged with
# it (msgmerge, as `make update-po` would), msgfmt --check --statistics
# counts every message translated, none fuzzy, none untranslated, so a
# new English message that no catalogue has yet fails here, not in a
# user's hands. A language written right to left says so in its
# catalogue ("default:LTR" as "default:RTL", tui/present-bidi.c).
# Without gettext (--disable-nls) there is no template: the suite says
# SKIP.
. "$srcdir/tests/lib.sh"

POT="$builddir/po/globe.pot"
if ! grep -q '^#define ENABLE_NLS 1' "$builddir/config.h" ||
    [ ! -s "$POT" ]; then
	echo "# SKIP built without NLS: no template to check against"
	done_testing; exit 0
fi
if ! command -v msgmerge >/dev/null 2>&1 ||
    ! command -v msgfmt >/dev/null 2>&1; then
	echo "# SKIP gettext's msgmerge and msgfmt are not installed"
	done_testing; exit 0
fi

langs=$(sed -e 's/#.*//' "$srcdir/po/LINGUAS")
check_contains "po/LINGUAS lists languages" "$langs" "fr"
for ll in $langs; do
	po="$srcdir/po/$ll.po"
	if [ ! -f "$po" ]; then
		fail "$ll: po/$ll.po exists"; continue
	fi
	msgmerge --quiet --no-fuzzy-matching -o "$T/$ll.po" "$po" "$POT" \
	    2>"$T/merge.err"
	check_eq "$ll: msgmerge with the template" "$(cat "$T/merge.err")" ""
	stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null \
	    "$T/$ll.po" 2>&1)
	# "N translated messages." and nothing else: msgfmt adds ", N
	# fuzzy translations" or ", N untranslated messages" otherwise.
	case $stats in
	*" translated messages."|*" translated message.") pass "$ll: complete: $stats" ;;
	*) fail "$ll: complete"
	   printf '#   %s\n' "$stats"
	   msgattrib --untranslated --no-obsolete "$T/$ll.po" 2>/dev/null |
	       grep '^msgid "' | sed -n '2,11s/^/#   untranslated: /p'
	   msgattrib --only-fuzzy --no-obsolete "$T/$ll.po" 2>/dev/null |
	       grep '^msgid "' | sed -n '1,10s/^/#   fuzzy: /p' ;;
	esac
	case $ll in
	ar*|he*|fa*|ur*|yi*|ps*|sd*|ug*|dv*|ckb*)
		dir=$(msgattrib --no-obsolete "$T/$ll.po" 2>/dev/null |
		    awk '/^msgid "default:LTR"$/ { getline; print; exit }')
		check_eq "$ll: written right to left" "$dir" 'msgstr "default:RTL"' ;;
	*)
		dir=$(msgattrib --no-obsolete "$T/$ll.po" 2>/dev/null |
		    awk '/^msgid "default:LTR"$/ { getline; print; exit }')
		check_eq "$ll: written left to right" "$dir" 'msgstr "default:LTR"' ;;
	esac
done

# In every language each help fits 80 columns (globe wraps what the
# translation does not).
for ll in $langs; do
	over=$(for c in "" $(help_commands); do
		env -u LC_ALL LANG=C.UTF-8 LANGUAGE="$ll" "$GLOBE" help $c
	done | lines_over 80)
	check_eq "$ll: every help within 80 columns" "$over" ""
	over=$(env -u LC_ALL LANG=C.UTF-8 LANGUAGE="$ll" "$PUBLISH" --help |
	    lines_over 80)
	check_eq "$ll: globe-publish --help within 80 columns" "$over" ""
done

# The check itself: a catalogue missing one of the template's messages
# is found incomplete (so a pass above means something).
# The template with every message "translated" as itself (msgen), then
# one message's translation dropped.
msgen -o "$T/one.po" "$POT" 2>/dev/null
python3 - "$T/one.po" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
old = '\nmsgid "no matches"\nmsgstr "no matches"\n'
assert old in s
s = s.replace(old, '\nmsgid "no matches"\nmsgstr ""\n')
open(p, "w", encoding="utf-8").write(s)
PY
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$T/one.po" 2>&1)
check_contains "one message left out is counted untranslated" "$stats" \
    "1 untranslated message"

done_testing
