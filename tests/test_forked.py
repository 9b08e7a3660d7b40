"""forked.in_child: what a function changes stays in its child, the child is not a fork of the
test process, and a child that hangs, dies, raises or cannot send its result is reported."""

from __future__ import annotations

import os
import sys
import threading
import time
import warnings

import forked
import pytest
import sqlalchemy
from forked import in_child


def _leave_an_attribute_and_a_thread() -> int:
    sqlalchemy.left_by_a_child = True
    threading.Thread(target=time.sleep, args=(60,)).start()  # not a daemon: exit waits for it
    return os.getppid()


def _sees_the_attribute() -> bool:
    return hasattr(sqlalchemy, "left_by_a_child")


def _not_preloaded() -> list[str]:
    return [name for name in forked.PRELOAD if name not in sys.modules]


def _sleeps() -> None:
    time.sleep(60)


def _exits() -> None:
    os._exit(3)


def _raises() -> None:
    raise ValueError("broken")


def _unpicklable():
    return lambda: None


def test_a_child_is_forked_from_the_fork_server_and_changes_nothing_outside_it() -> None:
    # A thread runs here, as in a pytest-xdist worker: forking this process would warn (3.12+).
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    in_child(os.getpid)  # the fork server's start is not part of the time measured
    started = time.monotonic()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            parent = in_child(_leave_an_attribute_and_a_thread)
    finally:
        stop.set()
        thread.join()
    assert parent != os.getpid(), "the child was forked from the test process"
    # (a child that waited for its thread would be killed only after in_child's 5 s grace)
    assert time.monotonic() - started < 3, "in_child waited for the thread the child left"
    assert in_child(_sees_the_attribute) is False, "the next child saw what the last one did"


def test_the_fork_server_has_imported_what_the_children_run() -> None:
    # (a name the fork server cannot import, misspelt or missing from the lock, is skipped)
    assert in_child(_not_preloaded) == []


def test_a_child_running_past_the_timeout_is_stopped() -> None:
    in_child(os.getpid)  # the fork server's start is not part of the time measured
    started = time.monotonic()
    with pytest.raises(TimeoutError, match="ran longer than 0.5 s"):
        in_child(_sleeps, timeout=0.5)
    assert time.monotonic() - started < 3, "the child was not killed at the timeout"


def test_a_child_that_ends_without_a_result_or_raises_is_reported() -> None:
    with pytest.raises(RuntimeError, match=r"ended without a result \(exit code 3\)"):
        in_child(_exits)
    with pytest.raises(RuntimeError, match="ValueError: broken"):
        in_child(_raises)
    with pytest.raises(RuntimeError, match="its result could not be sent"):
        in_child(_unpicklable)
