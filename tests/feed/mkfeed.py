#!/usr/bin/env python3
# mkfeed.py: crafts broken (and oddly well-formed) copies of a globe feed
# for tests/feed/conformance.sh. Each command changes ONE thing in the feed
# directory DIR (a copy of a feed made by globe-publish): it rewrites
# index.json and/or objects, recomputing sha256, size and object names
# where the rest must stay valid. It never signs; the suite re-signs
# index.json with `globe-publish --sign-file` when a case needs a valid
# signature. Standard library only.
#
#   mkfeed.py tamper-index DIR           change one byte of index.json (the
#                                        year of "expires"); do not re-sign
#   mkfeed.py time DIR FIELD SECONDS     index FIELD ("issued"/"expires") =
#                                        now + SECONDS (may be negative)
#   mkfeed.py flip-object DIR            flip the case of one letter in a
#                                        record of every listed object
#                                        (index unchanged: hash mismatch)
#   mkfeed.py size DIR DELTA             add DELTA to every listed size
#   mkfeed.py header DIR FIELD JSON      set FIELD of every listed object's
#                                        header line to JSON ("swap" for
#                                        kind swaps snapshot/delta); objects
#                                        renamed, index updated
#   mkfeed.py feed-id DIR ID             a consistent feed with another id
#                                        (index and every header)
#   mkfeed.py big-index DIR              index.json over 1 MiB (an unknown
#                                        padding field)
#   mkfeed.py path DIR dotdot|absolute   every listed path as
#                                        "objects/../objects/<sha>.jsonl" or
#                                        an absolute path to the same file
#   mkfeed.py line DIR CASE              a new snapshot at the index serial,
#                                        the current snapshot's records plus
#                                        the line of CASE inserted as line
#                                        LINE_AT; deltas dropped so a client
#                                        must fetch it. Prints
#                                        "objects/<sha>.jsonl LINE".
#   mkfeed.py snapshot-only DIR          the same without a new line
#                                        (control case)
#   mkfeed.py delta-line DIR CASE        the line of CASE appended to every
#                                        listed delta; prints the last
#                                        delta's "objects/<sha>.jsonl LINE"
#   mkfeed.py set DIR FIELD JSON         index FIELD = JSON
#   mkfeed.py cases                      lists the CASE names
import hashlib
import json
import os
import sys
import time

LINE_AT = 4     # 1-based line number of an inserted line (header is line 1)


def pad(n):
    return "p" * n


# Record lines, each breaking one rule of the contract (or, for the
# accepted-* cases, none: forward compatible).
CASES = {
    # duplicate key "acronym" in an authority
    "duplicate-key": b'{"type":"authority","id":"dup-1","country":"BR",'
                     b'"name":"Duplicated","acronym":"DA","acronym":"DB"}',
    # contact without its required "name"
    "missing-field": b'{"type":"contact","id":"c-noname","authority":"br-pf",'
                     b'"title":"Inspector"}',
    # a number where a string belongs ("name")
    "number-for-string": b'{"type":"country","code":"QQ","name":42}',
    # a string where a list belongs ("languages")
    "string-for-list": b'{"type":"authority","id":"br-str","country":"BR",'
                       b'"name":"Stringy","languages":"en"}',
    # a contact whose authority exists nowhere
    "dangling": b'{"type":"contact","id":"c-dangling","authority":"xx-missing",'
                b'"name":"Nobody Anywhere"}',
    # a delete line in a snapshot
    "delete-in-snapshot": b'{"type":"delete","of":"contact","id":"c-br-1"}',
    # raw invalid UTF-8 (0xff) inside a string
    "bad-utf8": b'{"type":"country","code":"UT","name":"Bad \xff Byte"}',
    # an escaped NUL inside a string
    "nul": b'{"type":"country","code":"NU","name":"Nul\\u0000Land"}',
    # a line over 1 MiB made of strings each under the 256 KiB string cap
    "long-line": ('{"type":"authority","id":"br-long","country":"BR",'
                  '"name":"Long","notes":"%s","pad1":"%s","pad2":"%s",'
                  '"pad3":"%s","pad4":"%s","pad5":"%s"}' % tuple(
                      [pad(200000)] * 6)).encode(),
    # one string over the 256 KiB string cap (the line stays under 1 MiB)
    "long-string": ('{"type":"authority","id":"br-longs","country":"BR",'
                    '"name":"Long","notes":"%s"}' % pad(300000)).encode(),
    # nesting deeper than 4 (5 arrays inside the record object)
    "deep": b'{"type":"country","code":"DP","name":"Deep",'
            b'"x":[[[[["d"]]]]]}',
    # trailing garbage after the JSON object
    "trailing-garbage": b'{"type":"country","code":"TG","name":"Trail"} x',
    # (for a delta) the deletion of an authority a contact still uses
    "delete-referenced-authority": b'{"type":"delete","of":"authority",'
                                   b'"id":"br-cgu"}',
    # (for a delta) a deletion of an unknown kind of record
    "delete-unknown-target": b'{"type":"delete","of":"planet","id":"mars"}',
    # a delete of the delete line itself: no stored type
    "delete-of-delete": b'{"type":"delete","of":"delete","id":"mars"}',
    # routes: one whose authority exists nowhere
    "route-no-authority": b'{"type":"route","id":"r-bad","country":"BR",'
                          b'"measure":"asset-tracing","authority":"xx-missing"}',
    # routes: one to a country the feed does not hold
    "route-no-country": b'{"type":"route","id":"r-bad","country":"XX",'
                        b'"measure":"asset-tracing","authority":"br-pf"}',
    # routes: one whose contact exists nowhere
    "route-no-contact": b'{"type":"route","id":"r-bad","country":"BR",'
                        b'"measure":"asset-tracing","authority":"br-pf",'
                        b'"contact":"c-missing"}',
    # routes: one whose contact works for another authority (c-br-2: CGU)
    "route-contact-elsewhere": b'{"type":"route","id":"r-bad","country":"BR",'
                               b'"measure":"asset-tracing","authority":"br-pf",'
                               b'"contact":"c-br-2"}',
    # routes: one without its required measure
    "route-no-measure": b'{"type":"route","id":"r-bad","country":"BR",'
                        b'"authority":"br-pf"}',
    # routes: a rank that is no decimal, and a rank that is a number
    "route-bad-rank": b'{"type":"route","id":"r-bad","country":"BR",'
                      b'"measure":"asset-tracing","authority":"br-pf",'
                      b'"rank":"first"}',
    "route-rank-number": b'{"type":"route","id":"r-bad","country":"BR",'
                         b'"measure":"asset-tracing","authority":"br-pf",'
                         b'"rank":1}',
    # routes: a string where a list belongs (from_countries)
    "route-string-for-list": b'{"type":"route","id":"r-bad","country":"BR",'
                             b'"measure":"asset-tracing","authority":"br-pf",'
                             b'"from_countries":"PT"}',
    # routes: a duplicate key
    "route-duplicate-key": b'{"type":"route","id":"r-bad","country":"BR",'
                           b'"measure":"asset-tracing","measure":"mla",'
                           b'"authority":"br-pf"}',
    # (for a delta) the deletion of an authority only a route still names
    "delete-route-authority": b'{"type":"delete","of":"authority",'
                              b'"id":"jp-moj"}',
    # (for a delta) the deletion of a contact a route names
    "delete-route-contact": b'{"type":"delete","of":"contact","id":"c-jp-1"}',
    # (for a delta) a contact a route names moves to another authority
    "move-route-contact": '{"type":"contact","id":"c-jp-1",'
                          '"authority":"fr-afa","name":"山田 太郎"}'.encode(),
    # (for a delta) a route deleted: accepted
    "accepted-delete-route": b'{"type":"delete","of":"route","id":"r-jp-mla"}',
    # forward compatible: an unknown record type is skipped
    "accepted-unknown-type": b'{"type":"meeting","id":"m-1",'
                             b'"title":"Plenary","when":"2027-01-01"}',
    # forward compatible: unknown fields (string, number, object) ignored
    "accepted-unknown-field": '{"type":"authority","id":"zz-new",'
                              '"country":"BR","name":"Órgão Novo",'
                              '"motto":"ordem","rank":7,'
                              '"future":{"tags":["a","b"]}}'.encode(),
}


def die(msg):
    sys.stderr.write("mkfeed: %s\n" % msg)
    sys.exit(2)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def load_index(d):
    return json.loads(read(os.path.join(d, "index.json")).decode("utf-8"))


def save_index(d, idx):
    text = json.dumps(idx, indent=2, ensure_ascii=False) + "\n"
    write(os.path.join(d, "index.json"), text.encode("utf-8"))


def entries(idx):
    """Every object entry the index lists (snapshot first)."""
    out = []
    if isinstance(idx.get("snapshot"), dict):
        out.append(idx["snapshot"])
    out.extend(e for e in idx.get("deltas", []) if isinstance(e, dict))
    return out


def store_object(d, data):
    """Writes data as objects/<sha256>.jsonl; returns (path, sha, size)."""
    sha = hashlib.sha256(data).hexdigest()
    path = "objects/%s.jsonl" % sha
    write(os.path.join(d, path), data)
    return path, sha, len(data)


def set_entry(e, data, d):
    e["path"], e["sha256"], e["size"] = store_object(d, data)


def split_header(data):
    nl = data.index(b"\n")
    return json.loads(data[:nl].decode("utf-8")), data[nl + 1:]


def join_header(hdr, rest):
    line = json.dumps(hdr, separators=(",", ":"), ensure_ascii=False)
    return line.encode("utf-8") + b"\n" + rest


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def cmd_tamper_index(d):
    p = os.path.join(d, "index.json")
    data = read(p)
    i = data.find(b'"expires"')
    if i < 0:
        die("no expires in index.json")
    j = data.index(b'"', data.index(b":", i)) + 1     # first digit of year
    year = int(data[j:j + 4])
    write(p, data[:j] + b"%04d" % (year + 1) + data[j + 4:])


def cmd_time(d, field, secs):
    idx = load_index(d)
    idx[field] = iso(int(time.time()) + int(secs))
    save_index(d, idx)


def cmd_flip_object(d):
    idx = load_index(d)
    for e in entries(idx):
        p = os.path.join(d, e["path"])
        data = bytearray(read(p))
        start = data.index(b"\n") + 1                  # skip the header
        # the first letter of a name (the line stays valid JSON), else of
        # any string value
        for pat in (b'"name":"', b'":"'):
            i = data.find(pat, start)
            while i >= 0:
                j = i + len(pat)
                c = data[j]
                if (65 <= c <= 90) or (97 <= c <= 122):
                    data[j] = c ^ 0x20
                    break
                i = data.find(pat, j)
            if i >= 0:
                break
        else:
            die("no string value to flip in %s" % e["path"])
        write(p, bytes(data))


def cmd_size(d, delta):
    idx = load_index(d)
    for e in entries(idx):
        e["size"] = e["size"] + int(delta)
    save_index(d, idx)


def cmd_header(d, field, value):
    idx = load_index(d)
    for e in entries(idx):
        hdr, rest = split_header(read(os.path.join(d, e["path"])))
        if field == "kind" and value == "swap":
            hdr["kind"] = "delta" if hdr.get("kind") == "snapshot" \
                else "snapshot"
        else:
            hdr[field] = json.loads(value)
        set_entry(e, join_header(hdr, rest), d)
    save_index(d, idx)


def cmd_feed_id(d, new):
    idx = load_index(d)
    idx["feed_id"] = new
    for e in entries(idx):
        hdr, rest = split_header(read(os.path.join(d, e["path"])))
        hdr["feed_id"] = new
        set_entry(e, join_header(hdr, rest), d)
    save_index(d, idx)


def cmd_big_index(d):
    idx = load_index(d)
    idx["padding"] = pad(1024 * 1024 + 16)
    save_index(d, idx)


def cmd_path(d, how):
    idx = load_index(d)
    for e in entries(idx):
        name = os.path.basename(e["path"])
        if how == "dotdot":
            e["path"] = "objects/../objects/" + name
        elif how == "absolute":
            e["path"] = os.path.join(os.path.abspath(d), "objects", name)
        else:
            die("path: dotdot or absolute")
    save_index(d, idx)


def cmd_line(d, case):
    idx = load_index(d)
    snap = idx["snapshot"]
    data = read(os.path.join(d, snap["path"]))
    hdr, rest = split_header(data)
    hdr["serial"] = idx["serial"]
    lines = rest.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if case is not None:
        if case not in CASES:
            die("unknown case %s" % case)
        if len(lines) < LINE_AT - 2:
            die("snapshot too short")
        lines.insert(LINE_AT - 2, CASES[case])
    set_entry(snap, join_header(hdr, b"\n".join(lines) + b"\n"), d)
    idx["deltas"] = []
    save_index(d, idx)
    print("%s %d" % (snap["path"], LINE_AT))


def cmd_delta_line(d, case):
    idx = load_index(d)
    if not idx.get("deltas"):
        die("no delta in the index")
    if case not in CASES:
        die("unknown case %s" % case)
    for e in idx["deltas"]:
        data = read(os.path.join(d, e["path"]))
        data += CASES[case] + b"\n"
        set_entry(e, data, d)
        line = data.count(b"\n")
    save_index(d, idx)
    print("%s %d" % (idx["deltas"][-1]["path"], line))


def cmd_set(d, field, value):
    idx = load_index(d)
    idx[field] = json.loads(value)
    save_index(d, idx)


def main(argv):
    if len(argv) < 2:
        die("usage: mkfeed.py COMMAND DIR [ARGS]")
    cmd, args = argv[1], argv[2:]
    table = {
        "tamper-index": (cmd_tamper_index, 1),
        "time": (cmd_time, 3),
        "flip-object": (cmd_flip_object, 1),
        "size": (cmd_size, 2),
        "header": (cmd_header, 3),
        "feed-id": (cmd_feed_id, 2),
        "big-index": (cmd_big_index, 1),
        "path": (cmd_path, 2),
        "line": (cmd_line, 2),
        "snapshot-only": (lambda d: cmd_line(d, None), 1),
        "delta-line": (cmd_delta_line, 2),
        "set": (cmd_set, 3),
    }
    if cmd == "cases":
        print("\n".join(sorted(CASES)))
        return
    if cmd not in table or len(args) != table[cmd][1]:
        die("bad command or arguments: %s" % " ".join(argv[1:]))
    table[cmd][0](*args)


if __name__ == "__main__":
    main(sys.argv)
