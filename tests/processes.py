"""Waiting for processes to end, for the tests that check nothing is left running."""

from __future__ import annotations

import time
from pathlib import Path


def gone(pid: int) -> bool:
    """No such process, or only a zombie waiting for a parent that is not ours to reap it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def wait_until(condition, seconds: float = 15) -> bool:
    """Generous: under a loaded make test (two workers and a browser) a server's shutdown and
    its directory's removal can take seconds; this checks that they happen, not how fast."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True
