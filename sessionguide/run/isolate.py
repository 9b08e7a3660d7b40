"""Each example runs in a process of its own, so that nothing it does reaches another one.

An example may change more than its own variables: register a listener on SQLAlchemy's
``Session`` class, set an attribute on an imported module, leave a thread or a lock behind,
loop forever. In a shared process the next example would see all of it. So every run happens
in a fresh child process, forked from a *fork server*: one process of this project's, started
once per process that needs runs (a build, ``mkdocs serve``, pytest), single-threaded, that has
imported SQLAlchemy and the drivers. A child is therefore cheap (a fork, not a new
interpreter), and safe to start however many threads the requesting process runs. The child
runs the example, sends its ``Run`` back and exits: what it changed dies with it. A child
that runs longer than the time limit is killed, and its run says so.

``multiprocessing``'s own fork server is not used: each of its children imports the
requesting program's main module again (MkDocs' command line), which costs more than the
example.

The fork server imports this package once: a change to ``sessionguide/run/`` reaches runs
after the requesting process restarts (restart ``make serve`` after changing it).
"""

from __future__ import annotations

import atexit
import gc
import itertools
import os
import pickle
import selectors
import signal
import struct
import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from typing import Any

from sessionguide.run.databases import PORT_VARIABLE
from sessionguide.run.model import Failure, Run

# Seconds an example may run (SESSIONGUIDE_EXAMPLE_TIMEOUT overrides it): generous, since
# examples take well under a second; it exists so that a hanging one cannot hang a build.
TIMEOUT = float(os.environ.get("SESSIONGUIDE_EXAMPLE_TIMEOUT", "60"))
TIMEOUT_ADVICE = ("Look for a loop that never ends, a sleep, or a lock that is never released "
                  "(SESSIONGUIDE_EXAMPLE_TIMEOUT sets the limit, in seconds)")
# Examples running at once: one core stays with the build, which renders pages meanwhile.
PARALLEL = max(1, (os.cpu_count() or 2) - 1)
# What examples import, loaded once by the fork server instead of by every child.
PRELOAD = ("sessionguide.run.runner", "sqlalchemy.orm", "sqlalchemy.ext.asyncio",
            "sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.sqlite.aiosqlite",
            "sqlalchemy.dialects.postgresql", "sqlalchemy.dialects.postgresql.psycopg",
            "aiosqlite", "psycopg", "fastapi", "fastapi.testclient", "flask_sqlalchemy")
_HEADER = struct.Struct("!Q")


def _send(stream, message: Any) -> None:
    data = pickle.dumps(message)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive(stream) -> Any:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError
    (length,) = _HEADER.unpack(header)
    return pickle.loads(stream.read(length))


def _failed(snippet: str, database: str, reason: str) -> Run:
    return Run(snippet, database, "", failure=Failure(0, reason, reason))


# --- the requesting side --------------------------------------------------------------------


class _Client:
    def __init__(self) -> None:
        # PYTHONHASHSEED: the same set and dict orders in every run (psycopg logs parameters
        # in an order that depends on it).
        self._process = subprocess.Popen(
            [sys.executable, "-c", "from sessionguide.run.isolate import serve; serve()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONHASHSEED": "0"})
        self._futures: dict[int, tuple[Future[Run], str, str]] = {}
        self._ids = itertools.count()
        self._lock = threading.Lock()  # the futures (never held while writing or reading)
        self._writing = threading.Lock()  # the requests' pipe
        threading.Thread(target=self._read, name="sessionguide-runs", daemon=True).start()

    def submit(self, snippet: str, database: str, timeout: float) -> Future[Run]:
        future: Future[Run] = Future()
        environment = {name: os.environ[name] for name in (PORT_VARIABLE,) if name in os.environ}
        with self._lock:
            number = next(self._ids)
            self._futures[number] = (future, snippet, database)
        with self._writing:
            _send(self._process.stdin, (number, snippet, database, environment, timeout))
        return future

    def _read(self) -> None:
        try:
            while True:
                number, run = _receive(self._process.stdout)
                with self._lock:
                    future, _, _ = self._futures.pop(number)
                future.set_result(run)
        except (EOFError, OSError, ValueError):  # the fork server is gone
            with self._lock:
                pending, self._futures = self._futures, {}
            for future, snippet, database in pending.values():
                future.set_result(_failed(snippet, database, (
                    "the process that runs the examples ended unexpectedly (exit code "
                    f"{self._process.poll()}); see the messages above")))

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.stdin.close()  # the fork server stops its children and exits
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


_client: _Client | None = None
_client_lock = threading.Lock()


def submit(snippet: str, database: str = "sqlite", timeout: float | None = None) -> Future[Run]:
    """Start ``run_snippet(snippet, database)`` in a fresh child process, killed after
    ``timeout`` seconds (``TIMEOUT`` by default); its ``Run`` arrives in the future."""
    global _client
    with _client_lock:
        if _client is None:
            _client = _Client()
            atexit.register(_client.close)
        return _client.submit(snippet, database, TIMEOUT if timeout is None else timeout)


def run_isolated(snippet: str, database: str = "sqlite", timeout: float | None = None) -> Run:
    """``run_snippet(snippet, database)`` in a fresh child process (``submit``)."""
    return submit(snippet, database, timeout).result()


# --- the fork server ------------------------------------------------------------------------


def serve() -> None:
    """The fork server's loop: requests on stdin, results on stdout, one child per run, at
    most ``PARALLEL`` at a time. When stdin closes (the requesting process ended), it kills
    the children still running and exits."""
    import importlib
    import warnings

    for module in PRELOAD:
        try:
            with warnings.catch_warnings():  # the libraries' own deprecation notices
                warnings.simplefilter("ignore")
                importlib.import_module(module)
        except ImportError:  # an environment without the web frameworks still runs the rest
            pass
    # What is loaded now is every child's: the children's garbage collections skip it, which
    # also keeps the pages the children share with this process from being copied.
    gc.freeze()
    requests, results = sys.stdin.fileno(), sys.stdout.buffer
    received = bytearray()  # read with os.read: a buffered reader would hide requests from select
    selector = selectors.DefaultSelector()
    selector.register(requests, selectors.EVENT_READ, None)
    queue: list[tuple] = []
    running: dict[int, tuple] = {}  # child pid -> (request, reading end, chunks, deadline)
    accepting = True
    while accepting or queue or running:
        while queue and len(running) < PARALLEL:
            request = queue.pop(0)
            pid, reading = _fork(request)
            running[pid] = (request, reading, [], time.monotonic() + request[4])
            selector.register(reading, selectors.EVENT_READ, pid)
        deadline = min((item[3] for item in running.values()), default=None)
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        for key, _ in selector.select(wait):
            if key.data is None:  # requests, or the end of them
                chunk = os.read(requests, 1 << 16)
                received.extend(chunk)
                queue.extend(_complete_messages(received))
                if not chunk:
                    accepting = False
                    selector.unregister(requests)
                    queue.clear()
                    for pid in running:
                        os.kill(pid, signal.SIGKILL)
                continue
            pid = key.data
            chunk = os.read(key.fd, 1 << 16)
            if chunk:
                running[pid][2].append(chunk)
            else:
                _finish(selector, running, pid, results, accepting, None)
        now = time.monotonic()
        for pid in [pid for pid, item in running.items() if item[3] <= now]:
            os.kill(pid, signal.SIGKILL)
            limit = running[pid][0][4]
            _finish(selector, running, pid, results, accepting, (
                f"TimeoutError: the example ran longer than {limit:g} s and was stopped. "
                + TIMEOUT_ADVICE))


def _complete_messages(received: bytearray) -> list[Any]:
    """The messages ``received`` holds in full, removed from it."""
    messages = []
    while len(received) >= _HEADER.size:
        (length,) = _HEADER.unpack_from(received)
        if len(received) < _HEADER.size + length:
            break
        messages.append(pickle.loads(bytes(received[_HEADER.size:_HEADER.size + length])))
        del received[:_HEADER.size + length]
    return messages


def _fork(request: tuple) -> tuple[int, int]:
    number, snippet, database, environment, _ = request
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(reading)
            # stdin and stdout are the fork server's messages: the example must not touch them
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            os.dup2(2, 1)
            os.environ.update(environment)
            from sessionguide.run.runner import run_snippet

            data = pickle.dumps(run_snippet(snippet, database, fresh_process=True))
        except BaseException as error:  # noqa: BLE001 - reported as the run's failure
            data = pickle.dumps(_failed(snippet, database, f"{type(error).__name__}: {error}"))
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(data)
        os._exit(0)
    os.close(writing)
    return pid, reading


def _finish(selector, running, pid: int, results, accepting: bool, reason: str | None) -> None:
    request, reading, chunks, _ = running.pop(pid)
    selector.unregister(reading)
    os.close(reading)
    _, status = os.waitpid(pid, 0)
    number, snippet, database = request[:3]
    if reason is None:
        try:
            run = pickle.loads(b"".join(chunks))
        except Exception:  # noqa: BLE001 - the child died before sending all of it
            run = _failed(snippet, database, (
                f"the process running the example ended without a result (wait status "
                f"{status}): it may have called os._exit() or crashed the interpreter"))
    else:
        run = _failed(snippet, database, reason)
    if accepting:
        _send(results, (number, run))
