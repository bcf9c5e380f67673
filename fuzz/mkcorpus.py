#!/usr/bin/env python3
# fuzz/mkcorpus.py: writes the seed corpora fuzz/corpus/<target>/ from the
# tests' data: data/demo.jsonl (record lines of every type), the broken
# lines of tests/feed/mkfeed.py (short ones), object headers, and indexes
# shaped as globe-publish writes them (snapshot only, with deltas) plus a
# .minisig. Small files only; rerun after the feed format changes:
#   python3 fuzz/mkcorpus.py
import hashlib
import json
import os
import sys

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(top, "tests", "feed"))
import mkfeed  # noqa: E402  (CASES)

out = os.path.join(top, "fuzz", "corpus")


def put(target, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


lines = open(os.path.join(top, "data", "demo.jsonl"), "rb").read().split(b"\n")
lines = [l for l in lines if l]
# a few of each type, the shortest first
bytype = {}
for l in lines:
    t = json.loads(l)["type"]
    bytype.setdefault(t, []).append(l)
records = []
for t, ls in sorted(bytype.items()):
    ls.sort(key=len)
    records += ls[:3] + ls[-1:]
cases = [v for k, v in sorted(mkfeed.CASES.items()) if len(v) < 4096]
headers = [
    b'{"format":"globe-feed/1","feed_id":"globe-demo","kind":"snapshot","serial":1}',
    b'{"format":"globe-feed/1","feed_id":"globe-demo","kind":"delta","from":1,"serial":2}',
]
records += [
    b'{"type":"delete","of":"contact","id":"c-0001"}',
    b'{"type":"contact","id":"c-x","authority":"a-x","name":"\\u001b[31mRed\\u202e","languages":[]}',
]
for r in records + cases + headers:
    put("fuzz-record", r)

# apply: flag byte (1 snapshot, 2 commit) + a consistent little directory
country = [l for l in lines if l.startswith(b'{"type":"country"')][:2]
auth = []
cont = []
codes = {json.loads(c)["code"] for c in country}
for l in lines:
    o = json.loads(l)
    if o["type"] == "authority" and o["country"] in codes and len(auth) < 3:
        auth.append(l)
ids = {json.loads(a)["id"] for a in auth}
for l in lines:
    o = json.loads(l)
    if o["type"] == "contact" and o["authority"] in ids and len(cont) < 4:
        cont.append(l)
news = bytype["newsletter"][:1]
body = b"\n".join(country + auth + cont + news)
put("fuzz-apply", b"\x03" + body)
put("fuzz-apply", b"\x02" + body)
put("fuzz-apply", b"\x01" + body)
put("fuzz-apply", b"\x03" + b"\n".join(country + cont))      # dangling
put("fuzz-apply", b"\x02" + body + b"\n" +
    b'{"type":"delete","of":"authority","id":"%s"}' % json.loads(auth[0])["id"].encode())
put("fuzz-apply", b"\x02" + body + b"\n" + cases[0])
# a route of the directory's first authority and contact, then one whose
# contact works elsewhere, and the deletion of an authority a route names
a0, c0 = json.loads(auth[0]), json.loads(cont[0])
route = json.dumps({"type": "route", "id": "r-x", "country": a0["country"],
    "measure": "asset-tracing", "authority": c0["authority"],
    "contact": c0["id"], "urgency": "urgent", "languages": ["pt",
    "en:urgent-only"], "rank": "1.5"}).encode()
put("fuzz-apply", b"\x03" + body + b"\n" + route)
put("fuzz-apply", b"\x03" + body + b"\n" + route.replace(
    json.dumps(c0["authority"]).encode(), json.dumps(a0["id"]).encode(), 1)
    if c0["authority"] != a0["id"] else b"\x03" + body + b"\n" + route +
    b'\n{"type":"delete","of":"contact","id":"%s"}' % c0["id"].encode())
put("fuzz-apply", b"\x02" + body + b"\n" + route + b"\n" +
    b'{"type":"delete","of":"authority","id":"%s"}' %
    c0["authority"].encode())

# index
sha = "6a9d9ee7422e03f0a4285f1e9d536c4e83bcddb89650794b13a9564a6a4d984a"
sha2 = "ab" * 32
sha3 = "cd" * 32
ix = {"format": "globe-feed/1", "feed_id": "globe-demo", "serial": 1,
      "issued": "2026-11-27T18:51:36Z", "expires": "2036-11-24T18:51:36Z",
      "snapshot": {"serial": 1, "path": "objects/%s.jsonl" % sha,
                   "sha256": sha, "size": 143877}, "deltas": []}
put("fuzz-index", json.dumps(ix, indent=2).encode() + b"\n")
ix2 = dict(ix, serial=3, deltas=[
    {"from": 1, "to": 2, "path": "objects/%s.jsonl" % sha2, "sha256": sha2,
     "size": 2048},
    {"from": 2, "to": 3, "path": "objects/%s.jsonl" % sha3, "sha256": sha3,
     "size": 4096}])
put("fuzz-index", json.dumps(ix2).encode())
ix3 = dict(ix2, deltas=[dict(ix2["deltas"][0],
           path="objects/../objects/%s.jsonl" % sha2)])
put("fuzz-index", json.dumps(ix3).encode())
put("fuzz-index", b"untrusted comment: signature from minisign secret key\n"
    b"RUQf6LRCGA9i5+xs2rLp1cB8wuH3RCDZyLrJcX5J1A8J8gQ2B0S2tW2yZq3Qm0RpcwAjTB4xv/9GZg4wfjA6U6m2u0N1S0p8ZmJ9BQM=\n"
    b"trusted comment: timestamp:1764269496\tfile:index.json\n"
    b"Hn2tCVhq0d3V8jP8rV7l5o9x8pY3mR3kF1Ht4Z6vQ5kq0nQm1Vd0uM2Sx7k9cYl1Zb7o6qC1bB9wJ5s0pV3nAQ==\n")

# source: the secretariat's export, record lines without a header
src = b"\n".join(country + auth + cont) + b"\n"
put("fuzz-source", src)
put("fuzz-source", b"\xef\xbb\xbf" + src)                      # a BOM
put("fuzz-source", src + cont[0] + b"\n")                      # duplicate
put("fuzz-source", b"\n".join(country + cont) + b"\n")         # dangling
put("fuzz-source", src + b'{"type":"delete","of":"contact","id":"c-1"}\n')
put("fuzz-source", src + b'{"type":"route","id":"r-1"}\n\n   \n')
put("fuzz-source", src + route + b"\n")

# config: key = value lines as officers write them
pub = b"RWQf6LRCGA9i5+xs2rLp1cB8wuH3RCDZyLrJcX5J1A8J8gQ2B0S2tW2y"
put("fuzz-config", b"# globe\nfeed = https://feed.example.org/globe/\n"
    b"pubkey = " + pub + b"\nca_file = ~/ca.pem\ntimeout = 600\n")
put("fuzz-config", b"pubkey = untrusted comment: minisign public key 1F\n"
    + pub + b"\nstale_days = 30\nmouse = no\nmax_valid_days = 400\n")
put("fuzz-config", b"bind = ^F search\nbind = F6 sync\nbind = q none\n"
    b"bind = = filter\nuse_proxy = yes\nallow_unsigned = no\n")
put("fuzz-config", b"feed=\n=\nbind = \nlow_speed_limit = 99999999999\n"
    b"token_file = /nonexistent/token\nunknown = 1\n")

# index: a feed encrypted to its members, and a key rollover's announcement
ixm = dict(ix2, format="globe-feed/1+members",
           snapshot=dict(ix["snapshot"], path="objects/%s.enc" % sha),
           deltas=[dict(d, path=d["path"].replace(".jsonl", ".enc"))
                   for d in ix2["deltas"]],
           members={"epoch": "0f" * 16, "since": 1, "publisher": "a8" * 32,
                    "slots": 3, "root": "10" * 32},
           keys=[pub.decode()])
put("fuzz-index", json.dumps(ixm, indent=2).encode() + b"\n")
put("fuzz-index", json.dumps(dict(ix, keys=[pub.decode()])).encode())

# config: a member-only feed's device key and passphrase file
put("fuzz-config", b"device_key = ~/.local/share/globe/device.key\n"
    b"passphrase_file = ~/.globe/passphrase\n")

# slot: raw slot files (even first byte), and feeds of devices (odd:
# device count, first serials, then (slot, byte, xor) changes)
put("fuzz-slot", b"\x00" + b"globe-k1" + bytes(4) + bytes(range(256)) * 2 +
    bytes(84))
put("fuzz-slot", b"\x00" + b"globe-k1" + b"\x01\x00\x00\x00" + bytes(592))
put("fuzz-slot", b"\x01" + bytes([3]) + bytes([10, 12, 20]))
put("fuzz-slot", b"\x01" + bytes([7]) + bytes([10, 11, 3, 21, 15, 20, 10]) +
    bytes([1, 40, 4, 2, 5, 255, 0, 200, 1]))
put("fuzz-slot", b"\x01" + bytes([39]) + bytes(range(10, 50)))

# unseal: raw objects (0), plaintexts to seal (1), chunks (2: control,
# length, bytes; control bit 0 a full chunk, bits 1-2 the tag, bit 7
# the wrong associated data) around zlib streams
import zlib  # noqa: E402
put("fuzz-unseal", b"\x00" + b"globe-e1" + bytes(24) + bytes(40))
put("fuzz-unseal", b"\x01" + b"\n".join(records[:6]) + b"\n")
put("fuzz-unseal", b"\x01")
for data in (b"", b"hello\n", b"\n".join(records[:4])):
    z = zlib.compress(data, 9)
    put("fuzz-unseal", b"\x02" + bytes([2]) + len(z).to_bytes(2, "little") + z)
    half = len(z) // 2
    put("fuzz-unseal", b"\x02" + bytes([0]) + half.to_bytes(2, "little") +
        z[:half] + bytes([2]) + (len(z) - half).to_bytes(2, "little") +
        z[half:])
