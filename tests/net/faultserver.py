#!/usr/bin/env python3
"""tests/net/faultserver.py: a small TLS server for what nginx cannot do.

It serves a feed directory over HTTPS on 127.0.0.1 and misbehaves on
purpose, as told by a rules file that the test rewrites between syncs (so
one server process serves a whole suite). Python standard library only.

    faultserver.py --root DIR --cert CRT --key KEY --port-file F --rules RULES --log LOG

RULES holds lines "PATH-SUFFIX ACTION [ARG]"; the first rule whose suffix
matches the request path applies (a rule with suffix "*" matches all):
    cut N          send the headers for the whole file, then only N bytes, then close
    once-cut N     like cut, the first time only; later requests are served whole
    trickle MS     send one byte every MS milliseconds
    endless        a chunked body that never ends
    status CODE [RETRY-AFTER]   answer CODE (with Retry-After if given: the
                   rest of the line, seconds or an HTTP date), once, then
                   serve normally
    redirect URL   302 to URL
    bigheader N    200 with one response header of N bytes, then the file
    garbage        200 with random bytes of the declared length
    file PATH      serve the file PATH instead (a replayed or crafted file)
Requests honour "Range: bytes=N-" (206). Every request is logged to LOG as
"METHOD PATH RANGE -> STATUS [EXTRA] host=HOST auth=yes|no" (whether an
Authorization header came, never its value).
"""
import argparse
import http.server
import os
import random
import socketserver
import ssl
import sys
import threading
import time

state = {"used": set()}
lock = threading.Lock()


def load_rules(path):
    rules = []
    try:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if parts and not parts[0].startswith("#"):
                    rules.append(parts)
    except FileNotFoundError:
        pass
    return rules


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def note(self, status, extra=""):
        with lock, open(self.server.logfile, "a") as f:
            f.write("%s %s %s -> %s%s host=%s auth=%s\n" % (
                    self.command, self.path, self.headers.get("Range", "-"),
                    status, extra, self.headers.get("Host", "-"),
                    "yes" if self.headers.get("Authorization") else "no"))

    def rule(self):
        for r in load_rules(self.server.rules):
            if r[0] == "*" or self.path.endswith(r[0]):
                return r
        return None

    def do_GET(self):
        r = self.rule()
        action = r[1] if r else None
        key = (self.path, tuple(r) if r else None)
        if action == "status":
            with lock:
                first = key not in state["used"]
                state["used"].add(key)
            if first:
                self.send_response(int(r[2]))
                if len(r) > 3:
                    self.send_header("Retry-After", " ".join(r[3:]))
                self.send_header("Content-Length", "0")
                self.end_headers()
                self.note(r[2])
                return
            action = None
        if action == "redirect":
            self.send_response(302)
            self.send_header("Location", r[2])
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.note(302, " " + r[2])
            return
        if action == "endless":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.note(200, " endless")
            chunk = b"x" * 65536
            try:
                for _ in range(100000):   # bounded: stops by itself
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
                pass
            return
        fs = os.path.normpath(os.path.join(self.server.root, self.path.lstrip("/").split("?")[0]))
        inside = fs.startswith(os.path.abspath(self.server.root) + os.sep)
        if action == "file":
            fs, inside = r[2], True
        if not inside or not os.path.isfile(fs):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.note(404)
            return
        with open(fs, "rb") as f:
            data = f.read()
        start = 0
        rng = self.headers.get("Range")
        if rng and rng.startswith("bytes=") and rng.endswith("-"):
            start = int(rng[6:-1])
        if action == "garbage":
            rnd = random.Random(len(data))
            data = bytes(rnd.randrange(256) for _ in range(len(data)))
        body = data[start:]
        self.send_response(206 if start else 200)
        if action == "bigheader":
            self.send_header("X-Flood", "x" * int(r[2]))
        if start:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1, len(data)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", '"%x-%x"' % (len(data), int(os.path.getmtime(fs))))
        self.end_headers()
        self.note(206 if start else 200)
        try:
            if action == "cut" or action == "once-cut":
                with lock:
                    first = key not in state["used"]
                    state["used"].add(key)
                if action == "cut" or first:
                    self.wfile.write(body[:int(r[2])])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
            if action == "trickle":
                delay = int(r[2]) / 1000.0
                deadline = time.time() + 120   # bounded
                for i in range(len(body)):
                    if time.time() > deadline:
                        break
                    self.wfile.write(body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(delay)
                return
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
            pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--lifetime", type=int, default=600)
    a = ap.parse_args()
    srv = Server(("127.0.0.1", 0), Handler)
    srv.root = os.path.abspath(a.root)
    srv.rules = a.rules
    srv.logfile = a.log
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(a.cert, a.key)
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    with open(a.port_file + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(a.port_file + ".tmp", a.port_file)
    # Stops by itself after --lifetime seconds, whatever the test does.
    threading.Timer(a.lifetime, lambda: os._exit(0)).start()
    srv.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
