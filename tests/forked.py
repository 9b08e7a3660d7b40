"""Run a function in a fresh child process, so that what it changes (a listener on
SQLAlchemy's Session class, an attribute of a module, the working directory, a thread left
running) does not reach the next test.

The child is not forked from the test process: a pytest-xdist worker runs threads (execnet's),
and a child forked from a process with threads can deadlock on a lock one of them held at the
time (Python 3.12 and newer warn about it). It is forked from multiprocessing's fork server, a
single-threaded process started once per test process, which has imported the libraries in
``PRELOAD``. The function and its arguments travel by pickle: the function must be a
module-level one of an importable module (each child imports it), and return something
picklable.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Callable
from typing import Any

from sessionguide.run import isolate

# Imported by the fork server before the first child: what print_check and the examples import.
# Not the test modules themselves: until Python 3.12.8 and 3.13.1 (gh-117378; 3.13.0 is
# installed here) the fork server does not get the test process's sys.path (each child does),
# and it skips a module it cannot import.
PRELOAD = ("pytest_examples.run_code", "pytest_examples.config",
           "sessionguide.run.sql_capture", "sessionguide.run.transcript", *isolate.PRELOAD)
_CONTEXT = multiprocessing.get_context("forkserver")
# (The setting is the process's one fork server's, shared by every forkserver context.)
_CONTEXT.set_forkserver_preload(list(PRELOAD))


def _call(connection, function: Callable[..., Any], args: tuple) -> None:
    """In the child: send ``function(*args)``, or the error it raised as a RuntimeError, and
    leave at once, whatever happens, as the build's children do: not waiting for threads the
    function left running (an aiosqlite connection never closed), nor running the test
    process's cleanup."""
    try:
        try:
            result = function(*args)
        except BaseException as error:  # noqa: BLE001 - reported to the parent
            result = RuntimeError(f"{type(error).__name__}: {error}")
        try:
            connection.send(result)
        except Exception as error:  # noqa: BLE001 - a result that cannot be pickled
            connection.send(RuntimeError(f"its result could not be sent: "
                                         f"{type(error).__name__}: {error}"))
        connection.close()
        for stream in (sys.stdout, sys.stderr):  # the function may have closed them
            with contextlib.suppress(Exception):
                stream.flush()
    finally:
        os._exit(0)


def in_child(function: Callable[..., Any], *args: Any, timeout: float = isolate.TIMEOUT) -> Any:
    """``function(*args)``'s return value, computed in a fresh child process; TimeoutError
    after ``timeout`` seconds, RuntimeError if it raised or the child died."""
    reading, writing = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(target=_call, args=(writing, function, args))
    received = False
    try:
        child.start()
        writing.close()  # so that reading sees the end if the child dies without sending
        if not reading.poll(timeout):
            raise TimeoutError(f"it ran longer than {timeout:g} s and was stopped")
        try:
            result = reading.recv()
        except (EOFError, OSError):  # nothing sent, or part of it
            child.join(5)
            raise RuntimeError(f"the child process ended without a result (exit code "
                               f"{child.exitcode}): it may have called os._exit() or crashed "
                               "the interpreter") from None
        received = True
    finally:  # on every way out (a timeout, pytest-timeout's, Ctrl-C) no child is left
        writing.close()
        if child.pid is not None:
            if not received:
                child.kill()
            child.join(5)  # a child that sent its result is leaving already
            if child.is_alive():
                child.kill()
                child.join()
        reading.close()
    if isinstance(result, RuntimeError):
        raise result
    return result
