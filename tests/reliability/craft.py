#!/usr/bin/env python3
# tests/reliability/craft.py: hostile changes to a copy of a feed made by
# globe-publish (the suite re-signs index.json afterwards). Standard
# library only.
#   craft.py line DIR FILE      append FILE's bytes as one more line of the
#                               snapshot (deltas dropped); prints its line
#                               number
#   craft.py index DIR KEY RAW  set index KEY to the raw JSON text RAW
#                               (e.g. a 30-digit number)
#   craft.py host DIR           the snapshot path on another host
#                               ("https://evil.example/objects/<sha>.jsonl")
#   craft.py header DIR RAW     replace the snapshot's header line by RAW
import hashlib
import json
import os
import sys


def load(d):
    with open(os.path.join(d, "index.json"), "rb") as f:
        return json.load(f)


def save(d, idx, raw=None):
    text = json.dumps(idx, indent=2)
    if raw is not None:
        k, v = raw
        text = text.replace('"%s": "@RAW@"' % k, '"%s": %s' % (k, v))
    with open(os.path.join(d, "index.json"), "w") as f:
        f.write(text + "\n")


def store(d, e, data):
    sha = hashlib.sha256(data).hexdigest()
    e["sha256"] = sha
    e["size"] = len(data)
    e["path"] = "objects/%s.jsonl" % sha
    with open(os.path.join(d, e["path"]), "wb") as f:
        f.write(data)


def snapshot(d, idx):
    with open(os.path.join(d, idx["snapshot"]["path"]), "rb") as f:
        data = f.read()
    hdr, rest = data.split(b"\n", 1)
    h = json.loads(hdr)
    h["serial"] = idx["serial"]
    idx["snapshot"]["serial"] = idx["serial"]
    idx["deltas"] = []
    return json.dumps(h, separators=(",", ":")).encode(), rest


def main(a):
    cmd, d = a[1], a[2]
    idx = load(d)
    if cmd == "line":
        hdr, rest = snapshot(d, idx)
        with open(a[3], "rb") as f:
            line = f.read().rstrip(b"\n")
        data = hdr + b"\n" + rest + line + b"\n"
        store(d, idx["snapshot"], data)
        save(d, idx)
        print(data.count(b"\n"))
    elif cmd == "index":
        idx[a[3]] = "@RAW@"
        save(d, idx, (a[3], a[4]))
    elif cmd == "host":
        e = idx["snapshot"]
        e["path"] = "https://evil.example/" + e["path"]
        save(d, idx)
    elif cmd == "header":
        hdr, rest = snapshot(d, idx)
        store(d, idx["snapshot"], a[3].encode() + b"\n" + rest)
        save(d, idx)
    else:
        sys.exit("craft.py: unknown command")


main(sys.argv)
