"""``make serve [PORT=8001]``: ``mkdocs serve`` on 127.0.0.1, once the port is known to be free.

MkDocs binds its port only after the first build, so a taken port would show as a traceback
after several seconds of building; here it is one line, before anything is built.
"""

from __future__ import annotations

import errno
import os
import socket
import sys

from sessionguide.paths import ROOT

HOST = "127.0.0.1"


def port_problem(port: int) -> str | None:
    """Why MkDocs could not serve on ``port``, or None when it can."""
    with socket.socket() as sock:
        # As MkDocs' server binds: a port left in TIME_WAIT by the last make serve is free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return (f"port {port} on {HOST} is already in use (another make serve?): "
                        f"stop it, or run: make serve PORT={port + 1}")
            return f"cannot serve on {HOST}:{port}: {error.strerror}; try another PORT=..."
    return None


def main(port: int) -> int:
    problem = port_problem(port)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    os.chdir(ROOT)
    # --dirty: a saved change rebuilds the pages it affects (sessionguide/build/rebuilds.py),
    # not the whole site in both languages. Not with the search index (SEARCH=true): Material
    # merges a dirty build's entries into the last index as if one page had been rebuilt.
    dirty = ["--dirty"] if not searching() else []
    os.execv(sys.executable, [sys.executable, "-m", "mkdocs", "serve", *dirty,
                              "--dev-addr", f"{HOST}:{port}"])


def searching() -> bool:
    """Whether the build makes the search index: mkdocs.yml's !ENV SESSIONGUIDE_SEARCH, read
    as YAML reads it (true unless false, no or off)."""
    value = os.environ.get("SESSIONGUIDE_SEARCH", "true").strip().lower()
    return value not in ("false", "no", "off", "0")


def port_number(text: str) -> int:
    """The TCP port ``text`` names (ValueError if none)."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise ValueError(f"PORT must be a number from 1 to 65535, not {text!r}")
    return port
