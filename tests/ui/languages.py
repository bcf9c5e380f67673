#!/usr/bin/env python3
# tests/ui/languages.py: what tests/ui/languages.sh asserts of the screens
# it captured in one language at one size. The text a screen must show is
# taken from the language's catalogue (po/LL.po, read here by msgid, as
# msgfmt compiles it: no fuzzy entry, no empty one), never written down;
# for a language written right to left it is put in visual order by GNU
# FriBidi's own tool, as globe draws it, and the screens must be mirrored.
#
#   languages.py waits LL PO OUT     the texts the suite waits for, one
#                                    file each in OUT
#   languages.py check LL PO POT SOURCE W H DIR
#                                    checks DIR/NN-NAME.txt in order; one
#                                    line per check: "ok WHAT" or
#                                    "not ok WHAT", details as "# ..."
#
# PO is "-" for English. POT is the template make wrote (the strings the
# program has now); SOURCE is the feed's source (its text is data, not
# English left untranslated).
import gettext
import json
import os
import re
import subprocess
import sys
import unicodedata

DATE = '2025-11-20'
CUT = '\u2026'
CRUMB = '\u203a'
CRUMB_RTL = '\u2039'
# What precedes a line's text: a field's or a list's cursor, a change
# mark, a stale mark, an unread mark.
MARKS = ' \u203a\u2039~!*\u2022'

# Languages written right to left (their screens are mirrored).
RTL = ('ar', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi')


# ---- the catalogue ------------------------------------------------------

def po_unquote(s):
    esc = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', 'r': '\r'}
    return re.sub(r'\\(.)', lambda m: esc.get(m.group(1), m.group(1)),
                  s[1:-1])


def po_read(path):
    """The entries of a .po or .pot file: ctx, id, pl, strs, flags."""
    entries, cur, key = [], None, None

    def flush():
        nonlocal cur, key
        if cur is not None and 'id' in cur:
            entries.append(cur)
        cur, key = None, None

    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('#~') or not line.strip():
            flush()
            continue
        if line.startswith('#'):
            if cur is not None and 'id' in cur:
                flush()
            if cur is None:
                cur = {'flags': set(), 'strs': {}}
            if line.startswith('#,'):
                cur['flags'] |= {f.strip() for f in line[2:].split(',')}
            continue
        m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$',
                     line)
        if m:
            kw = m.group(1)
            if kw in ('msgctxt', 'msgid') and cur is not None and 'id' in cur:
                flush()
            if cur is None:
                cur = {'flags': set(), 'strs': {}}
            if kw == 'msgstr':
                key = ('str', int(m.group(2) or 0))
                cur['strs'][key[1]] = po_unquote(m.group(3))
            else:
                key = {'msgctxt': 'ctx', 'msgid': 'id',
                       'msgid_plural': 'pl'}[kw]
                cur[key] = po_unquote(m.group(3))
        elif line.startswith('"') and cur is not None and key is not None:
            if isinstance(key, tuple):
                cur['strs'][key[1]] += po_unquote(line)
            else:
                cur[key] += po_unquote(line)
    flush()
    return entries


class Catalogue:
    """Translations by (context, msgid), as gettext would find them."""

    def __init__(self, po):
        self.tr = {}
        self.plural = lambda n: int(n != 1)
        if po == '-':
            return
        for e in po_read(po):
            strs = [e['strs'][i] for i in sorted(e['strs'])]
            if e['id'] == '':
                m = re.search(r'plural=([^;\n]*)', strs[0] if strs else '')
                if m:
                    self.plural = gettext.c2py(m.group(1))
                continue
            if 'fuzzy' in e['flags'] or not strs or '' in strs:
                continue
            self.tr[(e.get('ctx'), e['id'])] = strs

    def t(self, msgid, ctx=None):
        return self.tr.get((ctx, msgid), [msgid])[0]

    def tn(self, sing, plur, n, ctx=None):
        strs = self.tr.get((ctx, sing))
        if strs is None:
            return sing if n == 1 else plur
        i = self.plural(n)
        return strs[i] if i < len(strs) else strs[0]


FORMAT = re.compile(r'%(?:(\d+)\$)?[-+ #0-9.]*(?:hh|h|ll|l|z|j|t)?([a-zA-Z%])')


def cfmt(fmt, *args):
    """A C format string filled in, positional arguments (%2$s) too."""
    it = iter(args)

    def one(m):
        if m.group(2) == '%':
            return '%'
        if m.group(1):
            return str(args[int(m.group(1)) - 1])
        return str(next(it))
    return FORMAT.sub(one, fmt)


# ---- what a terminal cell holds -------------------------------------------

def zero_width(ch):
    return unicodedata.category(ch) in ('Mn', 'Me', 'Cf')


def cells(s):
    """The width of s in terminal cells: CJK two, combining marks none."""
    return sum(0 if zero_width(ch) else
               2 if unicodedata.east_asian_width(ch) in 'WF' else 1
               for ch in s)


def clusters(s):
    """s cut into characters with their combining marks."""
    out = []
    for ch in s:
        if out and zero_width(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


class Visual:
    """Text in the order globe draws it: FriBidi's for right to left."""

    def __init__(self, rtl):
        self.rtl = rtl
        self.cache = {}

    def want(self, texts):
        """Reorders every text (each cut too) at once: one fribidi each way."""
        if not self.rtl:
            return
        todo = set()
        for t in texts:
            c = clusters(t)
            for k in range(1, len(c) + 1):
                p = ''.join(c[:k])
                if ('', p) not in self.cache:
                    todo.add(p)
        todo = sorted(todo)
        if not todo:
            return
        for how in ('', '--rtl'):
            args = ['fribidi', '--nopad', '--nobreak', '--reordernsm']
            if how:
                args.append(how)
            r = subprocess.run(args, input='\n'.join(todo) + '\n',
                               capture_output=True, text=True,
                               encoding='utf-8', check=True)
            out = r.stdout.split('\n')
            for t, v in zip(todo, out):
                # A lam-alef ligature leaves U+FEFF: no cell, globe drops it.
                self.cache[(how, t)] = v.replace('\ufeff', '')

    def forms(self, text, cut=True):
        """Every way text can be on the screen: whole, or cut with a "…"."""
        self.want([text])
        c = clusters(text)
        ways = []
        for k in range(len(c), 0, -1):
            p = ''.join(c[:k])
            whole = k == len(c)
            if not whole and (not cut or k < min(2, len(c))):
                break
            if not self.rtl:
                ways.append(p if whole else p.rstrip() + CUT)
                if not whole:
                    ways.append(p + CUT)
                continue
            for how in ('', '--rtl'):
                v = self.cache[(how, p)]
                if whole:
                    ways.append(v)
                else:
                    ways += [v + CUT, CUT + v, v.strip() + CUT, CUT + v.strip()]
        return ways


# ---- the screens ----------------------------------------------------------

class Screen:
    def __init__(self, name, path, w, h):
        self.name = name
        self.lines = open(path, encoding='utf-8').read().split('\n')
        if self.lines and self.lines[-1] == '':
            self.lines.pop()
        self.w, self.h = w, h


class Checker:
    def __init__(self, ll, cat, pot, source, w, h):
        self.ll, self.cat, self.w, self.h = ll, cat, w, h
        self.rtl = ll.split('_')[0] in RTL
        self.v = Visual(self.rtl)
        self.results = []
        self.pot = po_read(pot) if ll != 'en' else []
        self.data = []
        if source != '-':
            for line in open(source, encoding='utf-8'):
                self.data += [s for s in json.loads(line).values()
                              if isinstance(s, str)]
                for s in json.loads(line).values():
                    if isinstance(s, list):
                        self.data += [x for x in s if isinstance(x, str)]

    def result(self, ok, what, detail=()):
        self.results.append((ok, what, list(detail)))

    def found(self, line, text, cut=True):
        return any(f in line for f in self.v.forms(text, cut))

    def where(self, scr, text, cut=True, body=False):
        """The lines (0-based) that show text (body: not the frame's)."""
        return [i for i, l in enumerate(scr.lines)
                if (not body or 0 < i < len(scr.lines) - 1) and
                self.found(l, text, cut)]

    def starts(self, line, text, cut=True):
        """text begins the line: at its left, or laid out right to left,
        at its right (a cursor or mark aside)."""
        if self.rtl:
            s = line.rstrip(MARKS)
            return any(s.endswith(f) for f in self.v.forms(text, cut))
        s = line.lstrip(MARKS)
        return any(s.startswith(f) for f in self.v.forms(text, cut))

    def dump(self, scr):
        return ['|%s|' % l for l in scr.lines]

    # -- checks on every screen --

    def check_cells(self, scr, what):
        bad = []
        if len(scr.lines) != scr.h:
            bad.append('%d lines, the terminal has %d' % (len(scr.lines), scr.h))
        for i, l in enumerate(scr.lines):
            if cells(l) > scr.w:
                bad.append('line %d is %d cells wide' % (i + 1, cells(l)))
            if '\ufffd' in l or any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0
                                    for c in l):
                bad.append('line %d has a broken or control character' % (i + 1))
            if l and zero_width(l[0]) and l[0] not in '\u200e\u200f':
                bad.append('line %d starts with a combining mark (a character cut)'
                           % (i + 1))
        self.result(not bad, '%s: every line fits %d cells, no character cut'
                    % (what, scr.w), bad + (self.dump(scr) if bad else []))

    def check_frame(self, scr, what, title, last):
        top, bottom = scr.lines[0], scr.lines[-1]
        bad = []
        if not any(self.found(top, t, cut=False) for t in title):
            bad.append('the top line does not name the screen (%s)' %
                       ' or '.join(title))
        if self.rtl:
            # Mirrored: the trail at the right after its one-space margin
            # (which the capture drops), the position at the left.
            if cells(top) != scr.w - 1:
                bad.append('the top line does not end at the right, one '
                           'space in')
        elif not top.startswith(' ') or top.startswith('  '):
            bad.append('the top line does not start at the left, after one space')
        if last[0] == 'status':
            # After Arabic text the bidi algorithm reads the date's digits
            # as Arabic numbers: its parts then go right to left.
            if DATE not in bottom and '-'.join(reversed(DATE.split('-'))) not in bottom:
                bad.append('the last line is not the status line (no date)')
            sync = self.cat.t('synced %s')
            head = sync.split('%s')[0].strip()
            if head and not self.rtl and not self.found(bottom, head, cut=False):
                bad.append('the status line does not say when it synced (%s)' % head)
        elif last[1] is not None and not self.found(bottom, last[1]):
            bad.append('the last line is not: %s' % last[1])
        if last[0] in ('status', 'message'):
            if self.rtl and cells(bottom.rstrip()) != scr.w:
                bad.append('the last line is not at the right')
            if not self.rtl and bottom.startswith(' '):
                bad.append('the last line is not at the left')
        for i, l in enumerate(scr.lines[1:-1], 2):
            if DATE in l and self.found(l, self.cat.t('data as of %s') % DATE):
                bad.append('a status line on line %d' % i)
        self.result(not bad, '%s: the top line and the status line in their places'
                    % what, bad + (self.dump(scr) if bad else []))

    def leaks(self):
        """English fragments of the strings the catalogue translates."""
        if self.ll == 'en':
            return []
        live = {(e.get('ctx'), e['id']): e for e in self.pot if e['id']}
        allowed = list(self.data)
        frags = []
        for key, e in live.items():
            forms = [e['id']] + ([e['pl']] if 'pl' in e else [])
            if key not in self.cat.tr:
                allowed += forms
                continue
            allowed += self.cat.tr[key]
            for f in forms:
                for part in re.split(FORMAT.pattern + r'|\n', f):
                    if part is None:
                        continue
                    part = part.strip(' :;,.()')
                    if len(re.findall(r'[A-Za-z]{2,}', part)) >= 2 and \
                       len(part) >= 10:
                        frags.append((part, e['id']))
        return [(p, m) for p, m in frags if not any(p in a for a in allowed)]

    def check_english(self, scr, what, frags):
        bad = ['"%s" (msgid "%s") on line %d' % (p, m.replace('\n', '\\n'),
                                                 i + 1)
               for p, m in frags for i, l in enumerate(scr.lines) if p in l]
        self.result(not bad, '%s: no English where the catalogue translates'
                    % what, bad)

    def check_spec(self, scr, what, spec, wide):
        bad = []
        for t in spec.get('texts', []) + (spec.get('wide', []) if wide else []):
            if not self.where(scr, t):
                bad.append('missing: %s' % t)
        for t in spec.get('labels', []) + (spec.get('wide_labels', [])
                                           if wide else []):
            if not any(self.starts(l, t) for l in scr.lines[1:-1]):
                bad.append('no line starts with the label: %s' % t)
        for within, first in spec.get('starts', []):
            # The lines that show every text of within.
            within = [within] if isinstance(within, str) else within
            rows = [i for i in self.where(scr, within[0], body=True)
                    if all(self.found(scr.lines[i], x) for x in within[1:])]
            if not rows:
                bad.append('missing: %s' % ' and '.join(within))
            for i in rows:
                if not self.starts(scr.lines[i], first):
                    bad.append('line %d does not start with %s' % (i + 1, first))
        for t in spec.get('bottom_starts', []):
            if not self.starts(scr.lines[-1], t):
                bad.append('the last line does not start with %s' % t)
            # And a space after it (before it, mirrored), whole or cut.
            l = scr.lines[-1]
            for f in self.v.forms(t):
                if self.rtl and l.rstrip(MARKS).endswith(f):
                    k = len(l.rstrip(MARKS)) - len(f)
                    if k > 0 and l[k - 1] != ' ':
                        bad.append('no space before the last line\'s %s' % t)
                    break
                if not self.rtl and l.lstrip(MARKS).startswith(f):
                    k = len(l) - len(l.lstrip(MARKS)) + len(f)
                    if k < len(l) and l[k] != ' ':
                        bad.append('no space after the last line\'s %s' % t)
                    break
        for t in spec.get('gap', []):
            for i in self.where(scr, t, cut=False):
                l = scr.lines[i]
                for f in self.v.forms(t, cut=False):
                    k = l.find(f)
                    if k < 0:
                        continue
                    before, after = l[:k], l[k + len(f):]
                    side = after if self.rtl else before
                    if side.strip() and not (side.endswith(' ') if not self.rtl
                                             else side.startswith(' ')):
                        bad.append('line %d: no space between "%s" and the '
                                   'column beside it' % (i + 1, t))
        self.result(not bad, '%s: the texts and labels of the language' % what,
                    bad + (self.dump(scr) if bad else []))

    def check_gone(self, scr, what, prev, prev_spec, spec):
        keep = set(spec.get('texts', []) + spec.get('wide', []) +
                   spec.get('labels', []) + spec.get('wide_labels', []) +
                   spec.get('marks', []))
        bad = []
        for t in prev_spec.get('marks', []):
            if t in keep:
                continue
            if self.where(scr, t, cut=False):
                bad.append('"%s" of the screen before (%s) is still there' %
                           (t, prev))
        self.result(not bad, '%s: nothing left over from %s' % (what, prev),
                    bad + (self.dump(scr) if bad else []))


# ---- what each screen shows, by msgid -------------------------------------

def specs(cat):
    t, tn = cat.t, cat.tn
    dot = '\u00b7'
    person = 'Ana Souza'
    hint = cfmt(t('Type a country name after %s to filter %s / search %s ? help'),
                'f', dot, dot)
    routes = cfmt(t('Who handles a request? Type the requested State; '
                    'requesting State: %s'), 'Brazil')
    summary = cfmt(tn('%1$s, %2$s route', '%1$s, %2$s routes', 2),
                   cfmt(tn('%zu measure', '%zu measures', 2), 2), '2')
    measures = cfmt(t("%s %s Type a measure's name to go to it %s Enter: its routes"),
                    summary, dot, dot)
    s = {
        'countries': dict(
            title=[t('Countries')],
            texts=[t('Country'), t('Authorities')],
            wide=[t('Contacts')],
            starts=[('Brazil', 'Brazil')],
            marks=[hint]),
        'country': dict(
            title=['Brazil'],
            texts=[cfmt(tn('%s member authority', '%s member authorities', 2), 2),
                   t('Designations: ').strip(), t('Authority'), t('Acronym')],
            wide=[t('Kind'), t('Languages')],
            starts=[('Polícia Federal', 'Polícia Federal')],
            marks=[t('Designations: ').strip()]),
        'authority': dict(
            title=['Polícia Federal'],
            labels=[t('Name'), t('English name'), t('Acronym'), t('Kind'),
                    t('Country'), t('Website'), t('Phone'), t('E-mail')],
            wide_labels=[t('Languages'), t('Expertise'), t('Designations'),
                         t('Joined'), t('Verified'), t('Id'), t('Routes')],
            wide=[cfmt(t('Contacts (%s)'), '2')],
            marks=[t('English name'), t('Website')]),
        'contact': dict(
            title=[person],
            labels=[t('Role'), t('Authority'), t('E-mail')],
            wide_labels=[t('Name'), t('Expertise'), t('Designations'),
                         t('Country'), t('Languages'), t('Your note'),
                         t('Flagged', 'field'), t('Verified'), t('Id')],
            marks=[t('Role')]),
        'search': dict(
            title=[t('Search')],
            texts=[t('Type'), t('Name')],
            wide=[t('Detail'), t('E-mail')],
            marks=[t('Search: ').strip()]),
        'routes': dict(
            title=[t('Routes')],
            texts=[t('Country'), t('Code')],
            starts=[('Spain', 'Spain')],
            marks=[routes]),
        'measures': dict(
            title=['Brazil'],
            texts=[t('Measure'), t('Asset tracing'),
                   cfmt(tn('%zu route', '%zu routes', 2), 2)],
            starts=[((t('Asset tracing'),
                      cfmt(tn('%zu route', '%zu routes', 2), 2)),
                     t('Asset tracing'))],
            marks=[measures]),
        'question': dict(
            title=[t('Asset tracing')],
            texts=[t('Is the request urgent?')],
            starts=[(t('Is the request urgent?'), t('Is the request urgent?'))],
            marks=[t('Is the request urgent?'), t('not urgent')]),
        'card': dict(
            title=[t('urgent')],
            texts=[cfmt(t('Route %zu'), 1)],
            labels=[t('Measure'), t('Authority'), t('Local time'),
                    t('Contact'), t('Speaks')],
            wide_labels=[t('Channel'), t('Applies to'), t('Languages'),
                         t('Requirements'), t('Legal basis'), t('Notes'),
                         t('Verified'), t('Source'), t('Id')],
            marks=[t('Speaks')]),
        'changes': dict(
            title=[t('What changed')],
            texts=[cfmt(t('Sync %lld'), 2)],
            marks=[cfmt(t('Sync %lld'), 2)]),
        'help': dict(
            title=[t('Help')],
            texts=[t('Keys (and the action names for bind lines)'),
                   t('move down'), t('one screen down')],
            marks=[t('Keys (and the action names for bind lines)')]),
        'news': dict(
            title=[t('Newsletters')],
            texts=[t('Published'), t('Issue')],
            marks=[t('Published')]),
        'reader': dict(
            title=['2024/1'],
            texts=[cfmt(t('Issue %s'), '2024/1')],
            marks=[cfmt(t('Issue %s'), '2024/1')]),
    }
    for name in ('copied', 'note', 'flag'):
        s[name] = dict(s['contact'])
        s[name].pop('marks')
    s['copied']['last'] = ('message',
                           cfmt(t('copied %s to the clipboard'),
                                'ana.souza@example.org'))
    s['note']['last'] = ('prompt',
                         cfmt(t('your note on %s (empty: none): '), person).strip())
    s['flag']['last'] = ('prompt',
                         cfmt(t('what is outdated in %s? '), person).strip())
    for v in s.values():
        v.setdefault('last', ('status', None))
    return s


# What the suite waits for before it captures a screen: text on its top
# line (or, for a message or a prompt, its last).
WAITS = {
    'countries': lambda t: t('Countries'),
    'search': lambda t: t('Search'),
    'routes': lambda t: t('Routes'),
    'question': lambda t: t('Asset tracing'),
    'card': lambda t: t('urgent'),
    'changes': lambda t: t('What changed'),
    'help': lambda t: t('Help'),
    'news': lambda t: t('Newsletters'),
}


def main():
    cmd = sys.argv[1]
    if cmd == 'waits':
        ll, po, out = sys.argv[2:5]
        cat = Catalogue(po)
        v = Visual(ll.split('_')[0] in RTL)
        for name, f in WAITS.items():
            text = f(cat.t)
            # As the top line has it: each part in its own direction.
            form = v.forms(text, cut=False)[0]
            with open('%s/%s' % (out, name), 'w', encoding='utf-8') as fh:
                fh.write(form)
        return 0
    ll, po, pot, source, w, h, d = sys.argv[2:9]
    cat = Catalogue(po)
    ch = Checker(ll, cat, pot, source, int(w), int(h))
    sp = specs(cat)
    texts = []
    for v in sp.values():
        for k in ('texts', 'wide', 'labels', 'wide_labels', 'title', 'marks',
                  'gap'):
            texts += v.get(k, [])
        for within, first in v.get('starts', []):
            texts += ([within] if isinstance(within, str) else list(within))
            texts.append(first)
        if v['last'][1]:
            texts.append(v['last'][1])
    ch.v.want(texts)
    frags = ch.leaks()
    prev = None
    for f in sorted(os.listdir(d)):
        m = re.match(r'\d+-(\w+)\.txt$', f)
        if not m:
            continue
        name = m.group(1)
        spec = sp[name]
        scr = Screen(name, os.path.join(d, f), int(w), int(h))
        what = '%s %sx%s %s' % (ll, w, h, name)
        ch.check_cells(scr, what)
        ch.check_frame(scr, what, spec['title'], spec['last'])
        ch.check_spec(scr, what, spec, int(w) >= 80)
        ch.check_english(scr, what, frags)
        if prev is not None and prev != name:
            ch.check_gone(scr, what, prev, sp[prev], spec)
        prev = name
    for ok, what, detail in ch.results:
        print('%s %s' % ('ok' if ok else 'not ok', what))
        for l in detail[:40]:
            print('# ' + l)
    return 0


if __name__ == '__main__':
    sys.exit(main())
