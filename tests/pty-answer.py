#!/usr/bin/env python3
"""tests/pty-answer.py: runs a command on a pseudo-terminal of its own (its
controlling terminal, so /dev/tty is the pty) and answers its prompts, as
a person typing at a terminal would.

    pty-answer.py [PROMPT ANSWER]... -- COMMAND [ARGS]...

Each PROMPT (a substring of what the command writes) is waited for in
turn, then ANSWER and Enter are typed. Prints all the command wrote to the
terminal and exits with its status; 124 if a prompt did not come within
20 s (the command is killed).
"""
import os
import pty
import select
import signal
import sys
import time


def main(argv):
    if "--" not in argv:
        sys.stderr.write(__doc__)
        return 2
    at = argv.index("--")
    pairs, cmd = argv[:at], argv[at + 1:]
    if len(pairs) % 2 != 0 or not cmd:
        sys.stderr.write(__doc__)
        return 2
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    seen = b""
    status = None

    def read_some(timeout):
        nonlocal seen
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        seen += chunk
        return True

    pos = 0
    for i in range(0, len(pairs), 2):
        want = pairs[i].encode()
        end = time.time() + 20
        while want not in seen[pos:]:
            if time.time() > end or not read_some(0.2):
                sys.stdout.write(seen.decode(errors="replace"))
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return 124
        pos = seen.index(want, pos) + len(want)
        os.write(fd, pairs[i + 1].encode() + b"\n")
    end = time.time() + 120
    while time.time() < end and read_some(0.2):
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
            while read_some(0.05):
                pass
            break
    if status is None:
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            status = 0
    os.close(fd)
    sys.stdout.write(seen.decode(errors="replace"))
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
