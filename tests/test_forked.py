"""forked.in_child: what a function changes stays in its child, and a child that hangs, dies
or raises is reported."""

from __future__ import annotations

import os
import threading
import time

import pytest
import sqlalchemy
from forked import in_child


def _leave_an_attribute() -> tuple[int, bool]:
    sqlalchemy.left_by_a_child = True
    return os.getppid(), hasattr(sqlalchemy, "left_by_a_child")


def _sees_the_attribute() -> bool:
    return hasattr(sqlalchemy, "left_by_a_child")


def _sleeps() -> None:
    time.sleep(60)


def _exits() -> None:
    os._exit(3)


def _raises() -> None:
    raise ValueError("broken")


def test_a_child_is_forked_from_the_fork_server_and_changes_nothing_outside_it() -> None:
    # With a thread running here, a fork of this process could deadlock on a lock it holds.
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        parent, changed = in_child(_leave_an_attribute)
    finally:
        stop.set()
        thread.join()
    assert changed
    assert parent != os.getpid(), "the child was forked from the test process"
    assert not hasattr(sqlalchemy, "left_by_a_child")
    assert in_child(_sees_the_attribute) is False  # nor in the next child


def test_a_child_running_past_the_timeout_is_stopped() -> None:
    started = time.monotonic()
    with pytest.raises(TimeoutError, match="ran longer than 0.5 s"):
        in_child(_sleeps, timeout=0.5)
    assert time.monotonic() - started < 10


def test_a_child_that_ends_without_a_result_or_raises_is_reported() -> None:
    with pytest.raises(RuntimeError, match=r"ended without a result \(exit code 3\)"):
        in_child(_exits)
    with pytest.raises(RuntimeError, match="ValueError: broken"):
        in_child(_raises)
