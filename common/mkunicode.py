#!/usr/bin/env python3
"""mkunicode.py: generates common/unicode-data.c and common/unicode-data.h,
the search-folding table read by fold.c, the display transliteration into
ASCII read by charset.c (for terminals whose locale is not UTF-8) and the
display-width tables read by utf8.c, from the Unicode database of the Python
that runs it.

Run from the top of the tree:  python3 common/mkunicode.py
The output depends only on the Unicode version of unicodedata, so it is the
same on every run; commit both files.
"""

import os
import sys
import unicodedata

UCD = unicodedata.unidata_version
MAXCP = 0x10FFFF

# Letters that NFKD does not decompose, applied after lower-casing.
EXTRA = {
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "ẞ": "ss",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d",
    "ð": "d", "Ð": "d", "ı": "i", "þ": "th", "Þ": "th", "ħ": "h",
    "Ħ": "h", "ŀ": "l", "ŧ": "t", "ĸ": "k", "ŉ": "n", "ſ": "s",
    "ς": "σ",
}

# Display transliteration (a terminal that is not UTF-8): like folding, it
# strips marks and takes compatibility forms apart, but it keeps case and
# yields printable ASCII or nothing. Letters NFKD leaves whole, in the case
# they are written, as iconv's //TRANSLIT writes them.
TRANSLIT_EXTRA = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ẞ": "SS",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D",
    "ð": "d", "Ð": "D", "ı": "i", "þ": "th", "Þ": "TH", "ħ": "h",
    "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T", "ĸ": "k",
    "ŉ": "'n", "ſ": "s", "ƒ": "f",
    # Punctuation and signs common in names, titles and newsletters.
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u201f": '"', "\u2033": '"', "\u2010": "-", "\u2011": "-",
    "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00ad": "", "\u2022": "*", "\u2023": "*",
    "\u2219": "*", "\u00b7": "-", "\u00ab": "<<", "\u00bb": ">>",
    "\u2039": "<", "\u203a": ">", "\u2190": "<-", "\u2192": "->",
    "\u00d7": "x", "\u00f7": "/", "\u2044": "/", "\u00a9": "(C)",
    "\u00ae": "(R)", "\u20ac": "EUR", "\u00a1": "!", "\u00bf": "?",
    "\u00a2": "c", "\u00a7": "S", "\u00b0": "o",
}

# Scripts folding leaves alone: Hangul (syllables are not decomposed, and
# the jamo stay as they are), kana (with their voicing marks U+3099/309A,
# so a voiced kana keeps its voicing) and the CJK ideographs (compatibility
# ideographs included).
KEEP = [
    (0x1100, 0x11FF), (0x3040, 0x30FF), (0x3130, 0x318F), (0x31F0, 0x31FF),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF), (0xFF65, 0xFFDC), (0x1AFF0, 0x1B16F),
    (0x20000, 0x3FFFF),
]

# Where a spacing mark (Mc) is dropped as well: Latin, Greek, Cyrillic and
# the generic combining blocks. Elsewhere (Indic vowel signs…) Mc stays.
MC_DROP = [
    (0x0000, 0x024F), (0x0300, 0x036F), (0x0370, 0x03FF), (0x0400, 0x052F),
    (0x1AB0, 0x1AFF), (0x1C80, 0x1C8F), (0x1D00, 0x1DFF), (0x1E00, 0x1FFF),
    (0x20D0, 0x20FF), (0x2C60, 0x2C7F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F),
    (0xA720, 0xA7FF), (0xAB30, 0xAB6F), (0xFE20, 0xFE2F),
]


def in_ranges(cp, ranges):
    for lo, hi in ranges:
        if lo <= cp <= hi:
            return True
    return False


def is_dropped_mark(ch):
    cp = ord(ch)
    if in_ranges(cp, KEEP):
        return False
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me"):
        return True
    return cat == "Mc" and in_ranges(cp, MC_DROP)


def step(s):
    out = []
    for ch in s:
        if in_ranges(ord(ch), KEEP):
            out.append(ch)
            continue
        t = ch.casefold()
        t = "".join(EXTRA.get(c, c) for c in t)
        t = unicodedata.normalize("NFKD", t)
        t = "".join(c for c in t if not is_dropped_mark(c))
        out.append(t)
    # Recompose what NFKD took apart and is kept (Hangul jamo into
    # syllables, kana with their voicing marks).
    return unicodedata.normalize("NFC", "".join(out))


def fold_char(ch):
    cp = ord(ch)
    if in_ranges(cp, KEEP):
        return ch
    if ch in EXTRA:
        s = EXTRA[ch]
    else:
        s = ch
    for _ in range(10):
        t = step(s)
        if t == s:
            return s
        s = t
    sys.exit("mkunicode: U+%04X does not settle" % cp)


def assigned(cp):
    if 0xD800 <= cp <= 0xDFFF:
        return False
    return unicodedata.category(chr(cp)) not in ("Cn", "Co", "Cs")


def build_fold():
    fold = []
    for cp in range(0x80, MAXCP + 1):
        if not assigned(cp):
            continue
        ch = chr(cp)
        f = fold_char(ch)
        if f != ch:
            fold.append((cp, f))
    # Folding what was folded changes nothing.
    table = dict(fold)
    for cp, f in fold:
        again = "".join(table.get(ord(c), c.lower() if ord(c) < 0x80 else c)
                        for c in f)
        if again != f:
            sys.exit("mkunicode: U+%04X folds to %r, which folds again to %r"
                     % (cp, f, again))
    return fold


def translit_char(ch):
    """The ASCII a terminal without UTF-8 shows for ch, or None."""
    if ch in TRANSLIT_EXTRA:
        return TRANSLIT_EXTRA[ch]
    t = unicodedata.normalize("NFKD", ch)
    t = "".join(c for c in t if not is_dropped_mark(c))
    t = "".join(TRANSLIT_EXTRA.get(c, c) for c in t)
    if all(0x20 <= ord(c) < 0x7F for c in t):
        return t
    return None


def build_translit():
    out = []
    for cp in range(0x80, MAXCP + 1):
        if not assigned(cp) or in_ranges(cp, KEEP):
            continue
        t = translit_char(chr(cp))
        if t is not None:
            out.append((cp, t))
    return out


def build_pool(fold):
    # One pool of UTF-8 strings; a string already in the pool is reused.
    # Longest first, so the short ones are often found inside the long ones.
    strings = sorted({f.encode("utf-8") for _, f in fold if f},
                     key=lambda b: (-len(b), b))
    pool = bytearray()
    where = {}
    for b in strings:
        i = pool.find(b)
        if i < 0:
            i = len(pool)
            pool += b
        where[b] = i
    if len(pool) > 0xFFFF:
        sys.exit("mkunicode: a pool is %d bytes, more than uint16" % len(pool))
    entries = []
    for cp, f in fold:
        b = f.encode("utf-8")
        if len(b) > 255:
            sys.exit("mkunicode: U+%04X folds to %d bytes" % (cp, len(b)))
        entries.append((cp, where[b] if b else 0, len(b)))
    return bytes(pool), entries


def width_of(cp):
    ch = chr(cp)
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me") or (cat == "Cf" and cp != 0x00AD):
        return 0
    if 0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF:
        return 0
    if cp in (0x200B, 0x200C, 0x200D):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    # Unassigned code points in the ideograph planes and blocks are wide
    # (EastAsianWidth.txt says so; unicodedata reports them as N).
    if (0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or
            0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x2FFFD or
            0x30000 <= cp <= 0x3FFFD):
        return 2
    return 1


def build_widths():
    wide, zero = [], []
    for cp in range(0xA0, MAXCP + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        w = width_of(cp)
        if w == 1:
            continue
        ranges = wide if w == 2 else zero
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return wide, zero


def c_string_lines(data, width=64):
    lines = []
    cur = ""
    for byte in data:
        piece = "\\%03o" % byte
        if len(cur) + len(piece) > width:
            lines.append('\t"%s"' % cur)
            cur = ""
        cur += piece
    if cur:
        lines.append('\t"%s"' % cur)
    return lines


def main():
    top = os.path.dirname(os.path.abspath(__file__))
    fold = build_fold()
    pool, entries = build_pool(fold)
    wide, zero = build_widths()
    tpool, tentries = build_pool(build_translit())

    head = ("/* generated by common/mkunicode.py from Unicode %s \u2014 "
            "do not edit; regenerate with: python3 common/mkunicode.py */\n"
            % UCD)

    h = [head.rstrip("\n"),
         "#ifndef GLOBE_UNICODE_DATA_H",
         "#define GLOBE_UNICODE_DATA_H",
         "",
         "#include <stddef.h>",
         "#include <stdint.h>",
         "",
         "/* One folded code point: its folding is uc_fold_pool[offset..+len). */",
         "struct uc_fold {",
         "\tuint32_t\tcp;",
         "\tuint16_t\toffset;",
         "\tuint8_t\t\tlen;",
         "};",
         "",
         "/* An inclusive range of code points. */",
         "struct uc_range {",
         "\tuint32_t\tlo;",
         "\tuint32_t\thi;",
         "};",
         "",
         '#define UC_UNICODE_VERSION "%s"' % UCD,
         "#define UC_FOLD_COUNT %d" % len(entries),
         "#define UC_WIDE_COUNT %d" % len(wide),
         "#define UC_ZERO_COUNT %d" % len(zero),
         "#define UC_TRANSLIT_COUNT %d" % len(tentries),
         "",
         "/* Sorted by cp; code points not listed fold to themselves. */",
         "extern const struct uc_fold uc_fold_table[UC_FOLD_COUNT];",
         "extern const char uc_fold_pool[];",
         "/*",
         " * Sorted by cp, in the same form: the printable ASCII shown for cp",
         " * on a terminal that is not UTF-8 (case kept). Not listed: none.",
         " */",
         "extern const struct uc_fold uc_translit_table[UC_TRANSLIT_COUNT];",
         "extern const char uc_translit_pool[];",
         "/* Sorted ranges of display width 2 and of width 0. */",
         "extern const struct uc_range uc_wide_table[UC_WIDE_COUNT];",
         "extern const struct uc_range uc_zero_table[UC_ZERO_COUNT];",
         "",
         "#endif",
         ""]

    c = [head.rstrip("\n"),
         '#include "config.h"',
         "",
         '#include "common/unicode-data.h"',
         "",
         "const struct uc_fold uc_fold_table[UC_FOLD_COUNT] = {"]
    for cp, off, n in entries:
        c.append("\t{ 0x%04X, %d, %d },\t/* %s */" %
                 (cp, off, n, unicodedata.name(chr(cp), "").lower()))
    c.append("};")
    c.append("")
    c.append("const char uc_fold_pool[] =")
    c.extend(c_string_lines(pool))
    c[-1] += ";"
    c.append("")
    c.append("const struct uc_fold uc_translit_table[UC_TRANSLIT_COUNT] = {")
    for cp, off, n in tentries:
        c.append("\t{ 0x%04X, %d, %d },\t/* %s */" %
                 (cp, off, n, unicodedata.name(chr(cp), "").lower()))
    c.append("};")
    c.append("")
    c.append("const char uc_translit_pool[] =")
    c.extend(c_string_lines(tpool) if tpool else ['\t""'])
    c[-1] += ";"
    c.append("")
    for name, ranges in (("uc_wide_table", wide), ("uc_zero_table", zero)):
        c.append("const struct uc_range %s[%s] = {" %
                 (name, "UC_WIDE_COUNT" if name == "uc_wide_table"
                  else "UC_ZERO_COUNT"))
        for lo, hi in ranges:
            c.append("\t{ 0x%04X, 0x%04X }," % (lo, hi))
        c.append("};")
        c.append("")

    for fname, lines in (("unicode-data.h", h), ("unicode-data.c", c)):
        with open(os.path.join(top, fname), "w", encoding="utf-8",
                  newline="\n") as f:
            f.write("\n".join(lines).rstrip("\n") + "\n")
    print("mkunicode: Unicode %s, %d foldings (%d pool bytes), %d "
          "transliterations (%d pool bytes), %d wide and %d zero-width ranges"
          % (UCD, len(entries), len(pool), len(tentries), len(tpool),
             len(wide), len(zero)))


if __name__ == "__main__":
    main()
