"""The fork server of programs.py: runs copied programs in the reader's environment.

Run as ``.venv-reader/bin/python tests/browser/reader_server.py`` with the environment a
reader's program gets (programs.reader_environment()). It cannot import the project (the
reader's environment has none of it), so it uses the standard library only.

Why: a new interpreter spends ~0.45 s importing SQLAlchemy before a copied program does
anything. This process imports what the programs import once; each request forks a child
that runs ``example.py`` as ``python example.py`` would, as far as the program can tell:
its folder as the working directory and as ``sys.path[0]``, a fresh ``__main__``, the
request's environment, stdin on /dev/null, stdout and stderr on pipes of their own with
standard streams made the way the interpreter makes them, and the interpreter's own
finalization (threads joined, atexit, flush) deciding the exit status.

What a program can still tell apart (test_programs.py runs real copied programs and a probe
both ways and compares exit status, stdout and stderr):
- Modules are imported already (PRELOAD and what they import): importing them takes no
  time, and what an import does happened in this process: a warning it emits is not shown
  (none of the programs' imports emits one), loggers such as "sqlalchemy" exist (with their
  level set) before the program imports anything, atexit functions of those modules run at
  its exit.
- One frame, this script's, lies under the program's module frame: sys._getframe(1) and
  inspect.stack() see it, the recursion limit is reached one call sooner, and a warning whose
  stacklevel points below the program's module frame names this file instead of "sys:1".
- Its parent process is this one (os.getppid()); /proc/self/cmdline and /proc/self/environ
  show this process's command line and initial environment (sys.orig_argv and os.environ are
  the program's).
- What was loaded here is frozen for the garbage collector (gc.freeze(): gc.get_objects()
  leaves it out); the collector's counts start elsewhere, so a garbage cycle of the program
  may be collected a little sooner or later (see main()).
- An uncaught KeyboardInterrupt exits with 1, not by SIGINT.
A request whose environment differs from this process's in anything but libpq's variables
(PG*) runs in a new interpreter (execve: new_interpreter in the answer), since the
difference could matter at startup.

Protocol, on this process's stdin and stdout: length-prefixed pickles. A request is
``(number, folder, environment, timeout)``; the answer ``(number, returncode, stdout,
stderr, new_interpreter)``, returncode None when the child ran longer than ``timeout`` and
was killed. Requests run as they come, in parallel (the client decides how many it sends at
once). When stdin reaches end of file (the test process stopped it, or died) the children
still running are killed and this process exits.
"""

import builtins
import gc
import importlib
import io
import os
import pickle
import selectors
import signal
import struct
import sys
import time
import types
import warnings

# What the copied programs import (grep "^from\|^import" snippets), imported here once.
PRELOAD = (
    "asyncio", "sqlite3", "sqlalchemy", "sqlalchemy.orm", "sqlalchemy.exc",
    "sqlalchemy.ext.asyncio", "sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.sqlite.aiosqlite",
    "sqlalchemy.dialects.postgresql", "sqlalchemy.dialects.postgresql.psycopg",
    "aiosqlite", "psycopg", "pydantic", "fastapi", "fastapi.testclient", "fastapi.exceptions",
    "flask", "flask_sqlalchemy",
    # and what those import only once a program uses them (a FastAPI app's first request...)
    "anyio._backends._asyncio", "pydantic.v1", "flask.testing", "flask_sqlalchemy.cli",
    "concurrent.futures.thread",
)
HEADER = struct.Struct("!Q")
STARTUP_ENVIRONMENT = dict(os.environ)  # what this interpreter started with


def without_libpq(environment) -> dict:
    """The variables a program's environment may change from the server's: all but libpq's
    (PGPORT, PGOPTIONS...), which it reads when it connects, long after the imports."""
    return {name: value for name, value in environment.items() if not name.startswith("PG")}


GRACE = 5  # seconds to wait for a killed child's pipes to close (a grandchild may hold them)


def send(fd: int, message) -> None:
    data = pickle.dumps(message, protocol=4)
    view = memoryview(HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def complete_messages(received: bytearray) -> list:
    """The requests ``received`` holds in full, removed from it. (The build's fork server,
    sessionguide/run/isolate.py, reads its own the same way: this file cannot import it.)"""
    messages = []
    while len(received) >= HEADER.size:
        (length,) = HEADER.unpack_from(received)
        if len(received) < HEADER.size + length:
            break
        messages.append(pickle.loads(bytes(received[HEADER.size:HEADER.size + length])))
        del received[:HEADER.size + length]
    return messages


class Child:
    def __init__(self, number: int, pid: int, out: int, err: int, timeout: float,
                 new_interpreter: bool) -> None:
        self.number, self.pid, self.new_interpreter = number, pid, new_interpreter
        self.output = {out: bytearray(), err: bytearray()}
        self.out, self.err = out, err
        self.deadline = time.monotonic() + timeout
        self.killed = False


def main() -> None:
    del sys.path[0]  # this script's folder (tests/browser): nothing may be imported from it
    for name in PRELOAD:
        # Some imports warn (DeprecationWarning and the like): that is the server's business.
        # catch_warnings puts the interpreter's default filters back for the children.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                importlib.import_module(name)
            except ImportError:
                pass
    # The objects loaded so far stay alive in every child: leave them out of its garbage
    # collections (which would touch, and so copy, every memory page this process shares with
    # it). But first one full collection, which makes the collector count them among the
    # long-lived objects (long_lived_total) as `python example.py` would after the same
    # imports: the collector runs a full collection only once the objects that survive its
    # smaller ones exceed a quarter of those. With the count left small, full collections
    # would come much more often than in a new interpreter, and a program's garbage cycles (an
    # unawaited coroutine's "never awaited" warning, say) would be collected at other moments.
    gc.collect()
    gc.freeze()
    # The answers get a descriptor of their own; fd 1 becomes stderr, so that a stray print
    # here cannot corrupt them (and each child puts its own pipe there anyway).
    requests, answers = 0, os.dup(1)
    os.dup2(2, 1)
    selector = selectors.DefaultSelector()
    selector.register(requests, selectors.EVENT_READ)
    received = bytearray()
    children: dict[int, Child] = {}  # by pipe descriptor (two per child)
    # Children whose pipes are closed but that have not exited (a program may close its stdout
    # and stderr and go on): polled, never waited for, so that one cannot stall the others.
    exiting: set[Child] = set()
    accepting = True
    while accepting or children or exiting:
        deadlines = [c.deadline for c in (*children.values(), *exiting)]
        wait = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        if exiting:
            wait = min(wait, POLL)
        for key, _ in selector.select(wait):
            if key.fd == requests:
                chunk = os.read(requests, 1 << 16)
                if not chunk:  # the test process is done, or gone: so are the programs
                    accepting = False
                    selector.unregister(requests)
                    for child in {*children.values(), *exiting}:
                        os.kill(child.pid, signal.SIGKILL)
                        close_pipes(selector, children, child)
                        os.waitpid(child.pid, 0)  # killed: it exits at once
                    exiting.clear()
                    break
                received.extend(chunk)
                for request in complete_messages(received):
                    child = fork(request, selector, answers, children)
                    children[child.out] = children[child.err] = child
                continue
            child = children.get(key.fd)
            chunk = os.read(key.fd, 1 << 16)
            if chunk:
                child.output[key.fd].extend(chunk)
                continue
            selector.unregister(key.fd)
            os.close(key.fd)
            del children[key.fd]
            if child.out not in children and child.err not in children:
                exiting.add(child)
        for child in [c for c in exiting if answered(c, answers)]:
            exiting.discard(child)
        now = time.monotonic()
        for child in {c for c in (*children.values(), *exiting) if c.deadline <= now}:
            if child.killed:  # its pipes are still open GRACE s after the kill: give up
                close_pipes(selector, children, child)
                exiting.add(child)
            else:  # as subprocess.run(timeout=...) does: kill it, keep what it wrote
                os.kill(child.pid, signal.SIGKILL)
                child.killed, child.deadline = True, now + GRACE


POLL = 0.01  # seconds between checks of a child whose pipes closed before it exited


def close_pipes(selector, children: dict, child: Child) -> None:
    for fd in (child.out, child.err):
        if children.pop(fd, None) is not None:
            selector.unregister(fd)
            os.close(fd)


def answered(child: Child, answers: int) -> bool:
    """Send ``child``'s answer if it has exited (without waiting for it); whether it had."""
    pid, status = os.waitpid(child.pid, os.WNOHANG)
    if pid == 0:
        return False
    returncode = None if child.killed else os.waitstatus_to_exitcode(status)
    try:
        send(answers, (child.number, returncode, bytes(child.output[child.out]),
                       bytes(child.output[child.err]), child.new_interpreter))
    except BrokenPipeError:
        pass  # the test process is gone: its end of stdin is about to come
    return True


def fork(request, selector, answers: int, children: dict) -> Child:
    number, folder, environment, timeout = request
    # The interpreter, or a module imported here, may have read a variable that differs
    # already: then the child runs a new interpreter instead, slowly but as the reader does.
    new_interpreter = without_libpq(environment) != without_libpq(STARTUP_ENVIRONMENT)
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        # Nothing of the server's may stay open in the program's process: a new
        # interpreter started by subprocess has fds 0, 1 and 2 only.
        selector.close()
        for fd in (answers, out_read, err_read, *children):
            os.close(fd)
        null = os.open(os.devnull, os.O_RDWR)  # what subprocess.DEVNULL opens
        os.dup2(null, 0)
        os.dup2(out_write, 1)
        os.dup2(err_write, 2)
        for fd in (null, out_write, err_write):
            os.close(fd)
        if new_interpreter:
            os.chdir(folder)
            os.execve(sys.executable, [sys.orig_argv[0], "example.py"], environment)
        raise Forked(folder, environment)
    os.close(out_write)
    os.close(err_write)
    for fd in (out_read, err_read):
        selector.register(fd, selectors.EVENT_READ)
    return Child(number, pid, out_read, err_read, timeout, new_interpreter)


def standard_stream(fd: int, like: io.TextIOWrapper, name: str, writing: bool):
    """A standard stream on ``fd``, made as the interpreter makes one at startup
    (create_stdio() in Python/pylifecycle.c), with the encoding and errors the server got
    from the same environment (PYTHONIOENCODING)."""
    unbuffered = like.write_through  # -u or PYTHONUNBUFFERED
    buffer = open(fd, "wb" if writing else "rb", 0 if unbuffered and writing else -1,
                  closefd=False)
    raw = buffer if unbuffered and writing else buffer.raw
    raw.name = name
    line_buffering = not unbuffered and (raw.isatty() or fd == 2)
    stream = io.TextIOWrapper(buffer, like.encoding, like.errors, "\n", line_buffering,
                              unbuffered)
    stream.mode = "w" if writing else "r"
    return stream


class Forked(Exception):  # noqa: N818 - not an error: how a child leaves the server's code
    """Raised in a child, up to this script's top level, which then runs the program: so
    that the program's frames have only that one frame under them, as close as this can be
    to ``python example.py``, where they have none."""


def prepare(folder: str, environment: dict):
    """In the child: the program's ``(path, namespace)``, everything around it set as
    ``python example.py`` sets it."""
    os.chdir(folder)
    os.environ.clear()  # libpq and friends read PGPORT, PGOPTIONS... when they connect
    os.environ.update(environment)
    sys.stdin = sys.__stdin__ = standard_stream(0, sys.__stdin__, "<stdin>", False)
    sys.stdout = sys.__stdout__ = standard_stream(1, sys.__stdout__, "<stdout>", True)
    sys.stderr = sys.__stderr__ = standard_stream(2, sys.__stderr__, "<stderr>", True)
    # Since Python 3.9 the script's path is absolute in __file__, tracebacks and sys.path[0];
    # sys.argv keeps it as typed.
    folder = os.getcwd()
    path = os.path.join(folder, "example.py")
    sys.path_importer_cache.pop(os.path.dirname(os.path.abspath(__file__)), None)
    sys.path.insert(0, folder)
    sys.argv = ["example.py"]
    sys.orig_argv = [sys.orig_argv[0], "example.py"]
    # __main__ as the interpreter makes it (pylifecycle.c add_main_module, then
    # pythonrun.c _PyRun_SimpleFileObject), keys in the same order.
    main_module = types.ModuleType("__main__")
    namespace = main_module.__dict__
    namespace.update(__annotations__={}, __builtins__=builtins)
    namespace["__loader__"] = type(__loader__)("__main__", path)  # SourceFileLoader
    namespace.update(__file__=path, __cached__=None)
    sys.modules["__main__"] = main_module
    return path, namespace


def report(error: BaseException) -> None:
    """What the interpreter does with an uncaught exception (PyErr_Print): the traceback
    from the program's first frame on (without the frame of this file that ran it), kept in
    sys.last_* too, written by sys.excepthook."""
    traceback = error.__traceback__.tb_next
    error.__traceback__ = traceback
    sys.last_type, sys.last_value, sys.last_traceback = type(error), error, traceback
    sys.excepthook(type(error), error, traceback)


if __name__ == "__main__":
    try:
        main()
    except Forked as forked:  # a child: leave the server's frames and this handler first
        program = forked.args
        del forked
    else:
        sys.exit(0)
    # The interpreter's own exit then ends the child, as it ends `python example.py`: it joins
    # the program's threads, runs its atexit functions, flushes its streams, and SystemExit
    # (the program's own, or this) gives the exit status.
    try:
        path, namespace = prepare(*program)
        with open(path, "rb") as file:
            # dont_inherit: none of this file's compiler flags reach the program.
            code = compile(file.read(), path, "exec", dont_inherit=True)
        del program, file
        exec(code, namespace)
    except SystemExit:
        raise
    except BaseException as error:  # noqa: BLE001 - reported as the interpreter reports it
        report(error)
        sys.exit(1)
    sys.exit(0)
