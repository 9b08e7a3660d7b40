"""Which Chromium the browser tests drive, and how it is started.

$CHROMIUM if set; else Debian's headless shell (``apt-get install chromium-headless-shell``),
the same Blink without the browser around it, which is what Playwright itself runs headless;
else Debian's Chromium (``apt-get install chromium``). On the whole pytest suite the headless
shell took about a quarter less CPU (README, Decisions). Playwright's own browser download is
never used (``playwright install`` is not run): pytest-playwright launches this executable
(``browser_type_launch_args`` in conftest.py).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence

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


# Where Debian installs them, the headless shell first. (The shell's binary itself:
# /usr/bin/chromium-headless-shell is a script that runs it as a child.)
DEBIAN = ("/usr/lib/chromium/chromium-headless-shell", "chromium-headless-shell",
          "/usr/bin/chromium", "chromium")


def find(candidates: Sequence[str] | None = None) -> str | None:
    """$CHROMIUM if set, else the first of ``candidates`` (default ``DEBIAN``: a path, or a
    name looked up on PATH) that is an executable file; None if there is none."""
    if os.environ.get("CHROMIUM"):
        candidates = [os.environ["CHROMIUM"]]
    for candidate in DEBIAN if candidates is None else candidates:
        path = candidate if os.sep in candidate else shutil.which(candidate)
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def missing_reason() -> str:
    looked_for = os.environ.get("CHROMIUM") or ("Debian's chromium-headless-shell or chromium, "
                                                "or either on PATH")
    return (f"browser tests: no Chromium ({looked_for}); install Debian's: apt-get install "
            "chromium-headless-shell (or chromium; or point CHROMIUM at one)")
