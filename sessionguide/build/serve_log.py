"""Under ``make serve``: one line per rebuild instead of MkDocs' and the plugins' INFO lines.

MkDocs prints about ten INFO lines per rebuild (mkdocs-static-i18n's include the whole theme
palette); a contributor needs what changed, what was rebuilt and how long it took. Warnings
and errors still come through as they are, so they stand out.
"""

from __future__ import annotations

import logging
import re
import time

# The INFO lines a contributor still wants from MkDocs' server.
_KEPT = ("Serving on ", "Shutting down")
_TIME = re.compile(r"^\[\d\d:\d\d:\d\d\] ")
_SUMMARY = "sessionguide"  # the ``extra`` marking this module's own lines


class _OneLinePerRebuild(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            # MkDocs warns on every dirty build; serve.py asks for one on purpose.
            return not record.getMessage().startswith("A 'dirty' build is being performed")
        # MkDocs' server starts its lines with the time: "[12:00:00] Serving on ..."
        message = _TIME.sub("", record.getMessage(), count=1)
        return getattr(record, _SUMMARY, False) or message.startswith(_KEPT)


_filter = _OneLinePerRebuild()
_log = logging.getLogger("mkdocs.sessionguide")


def install() -> None:
    """On the handlers of the ``mkdocs`` logger (MkDocs' command line adds them; a filter on
    the logger itself would not see its children's records). Not with ``mkdocs serve -v``,
    which asks for everything."""
    mkdocs = logging.getLogger("mkdocs")
    if mkdocs.getEffectiveLevel() <= logging.DEBUG:
        return
    for handler in mkdocs.handlers:
        if _filter not in handler.filters:
            handler.addFilter(_filter)


def report(line: str) -> None:
    _log.info(f"[{time.strftime('%H:%M:%S')}] {line}", extra={_SUMMARY: True})
