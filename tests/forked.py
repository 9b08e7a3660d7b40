"""Run a function in a forked copy of the test process, so that what it changes (a listener on
SQLAlchemy's Session class, an attribute of a module) does not reach the next test."""

from __future__ import annotations

import os
import pickle
import select
import signal
from collections.abc import Callable
from typing import Any

from sessionguide.run.isolate import TIMEOUT


def in_fork(function: Callable[[], Any], timeout: float = TIMEOUT) -> Any:
    """``function()``'s return value, computed in a child process; TimeoutError after
    ``timeout`` seconds. It must return something picklable, and catch its own errors."""
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running the parent's cleanup
        os.close(reading)
        try:
            data = pickle.dumps(function())
        except BaseException as error:  # noqa: BLE001 - reported to the parent
            data = pickle.dumps(RuntimeError(f"{type(error).__name__}: {error}"))
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(data)
        os._exit(0)
    os.close(writing)
    chunks = []
    with os.fdopen(reading, "rb") as pipe:
        while True:
            ready, _, _ = select.select([pipe], [], [], timeout)
            if not ready:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                raise TimeoutError(f"the example ran longer than {timeout:g} s and was stopped")
            chunk = os.read(pipe.fileno(), 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    os.waitpid(pid, 0)
    result = pickle.loads(b"".join(chunks))
    if isinstance(result, RuntimeError):
        raise result
    return result
