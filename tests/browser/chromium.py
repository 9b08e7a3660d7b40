"""Which Chromium the browser tests drive, and how it is started.

Debian's Chromium (``apt-get install chromium``), at /usr/bin/chromium, on PATH, or at
$CHROMIUM. Playwright's own browser download is never used (``playwright install`` is not
run): pytest-playwright launches this executable (``browser_type_launch_args`` in conftest.py).
"""

from __future__ import annotations

import os
import shutil

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # A safety net: no host name resolves, so a request a page makes to another host fails
    # here (and is reported by the tests) instead of leaving the machine.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def find() -> str | None:
    """$CHROMIUM if set, else Debian's Chromium; None if there is none."""
    if os.environ.get("CHROMIUM"):
        candidates = [os.environ["CHROMIUM"]]
    else:
        candidates = ["/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def missing_reason() -> str:
    looked_for = os.environ.get("CHROMIUM") or "/usr/bin/chromium or `chromium` on PATH"
    return (f"browser tests: no Chromium ({looked_for}); install Debian's: apt-get install "
            "chromium (or point CHROMIUM at one)")
