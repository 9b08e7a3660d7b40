"""Turn SQLAlchemy's ``echo=True`` log into stable lines a page can show.

Examples create their engine with ``echo=True``, as a reader would. Run on its own, an example
prints SQLAlchemy's usual log. Under the build or the test harness, ``capture_sql`` attaches one
handler to the engine logger first, so SQLAlchemy adds no stdout handler of its own, and every
statement goes to ``sink`` without timestamps or timings: two runs print the same text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

ENGINE_LOGGER = "sqlalchemy.engine.Engine"

# "[generated in 0.00021s]", "[cached since 0.0042s ago]", "[no key 0.00009s]": the words stay,
# the timing goes, because it changes on every run.
_TIMING = re.compile(r" (?:in |since )?\d+(?:\.\d+)?s(?: ago)?(?=[\] ])")


def normalize(message: str) -> str:
    """One log record as the page shows it: no timing, no trailing blank lines."""
    lines = [line.rstrip() for line in message.strip("\n").splitlines()]
    if lines and lines[0].startswith("["):
        lines[0] = _TIMING.sub("", lines[0], count=1)
    return "\n".join(lines)


class _SinkHandler(logging.Handler):
    def __init__(self, sink: Callable[[str], None]) -> None:
        super().__init__(logging.DEBUG)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink(normalize(record.getMessage()))


@contextmanager
def capture_sql(sink: Callable[[str], None]) -> Iterator[None]:
    """Send every statement an ``echo=True`` engine logs to ``sink`` while the block runs."""
    logger = logging.getLogger(ENGINE_LOGGER)
    # Handlers left by an earlier run (or SQLAlchemy's default one) would print elsewhere.
    saved = logger.handlers[:]
    handler = _SinkHandler(sink)
    logger.handlers = [handler]
    try:
        yield
    finally:
        logger.handlers = saved


@contextmanager
def sql_logging_paused() -> Iterator[None]:
    """Run the guide's own bookkeeping queries without them appearing in the example's SQL."""
    previous = logging.root.manager.disable
    logging.disable(logging.INFO)
    try:
        yield
    finally:
        logging.disable(previous)
