"""programs.py without a browser: how a copied program's stdout is split into its printed
lines and SQLAlchemy's log (split_output), on made-up output; and that run(), through the
reader's fork server (reader_server.py), runs a program as `python example.py` does (the same
exit status, stdout and stderr as a new interpreter, on real copied programs and a probe of
what a program can see), and leaves no process behind."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from processes import gone, wait_until

from . import programs
from .programs import (
    MAKE_READER_VENV,
    READER_PYTHON,
    Runner,
    reader_environment,
    reader_python,
    split_output,
)

LOG = "2026-12-01 10:00:00,123 INFO sqlalchemy.engine.Engine"


def test_prints_and_statements_of_several_lines_are_told_apart():
    stdout = "\n".join([
        f"{LOG} BEGIN (implicit)",
        f"{LOG} SELECT users.id, users.name ",
        "FROM users",
        "WHERE users.id = ?",
        f"{LOG} [generated in 0.00021s] (1,)",
        "user.name='ana'",
        f"{LOG} ROLLBACK",
        "",
    ])
    split = split_output(stdout, ["user.name='ana'"],
                         ["BEGIN (implicit)", "SELECT users.id, users.name", "FROM users",
                          "WHERE users.id = ?", "[generated] (1,)", "ROLLBACK"])
    assert split.matched
    assert split.printed == ["user.name='ana'"]
    assert split.sql[-2:] == ["[generated] (1,)", "ROLLBACK"]


def test_a_printed_line_after_a_statement_is_not_taken_for_its_last_line():
    """"FROM users" printed by the program, right after a one-line statement."""
    stdout = f"{LOG} COMMIT\nFROM users\n"
    split = split_output(stdout, ["FROM users"], ["COMMIT"])
    assert split.matched and split.printed == ["FROM users"] and split.sql == ["COMMIT"]


def test_a_create_table_message_starts_and_ends_with_blank_lines():
    stdout = f"{LOG} \nCREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tPRIMARY KEY (id)\n)\n\n\n"
    want = ["CREATE TABLE users (", "\tid INTEGER NOT NULL,", "\tPRIMARY KEY (id)", ")"]
    assert split_output(stdout, [], want).matched


def test_other_output_does_not_match():
    stdout = f"{LOG} BEGIN (implicit)\nuser.name='bea'\n"
    split = split_output(stdout, ["user.name='ana'"], ["BEGIN (implicit)"])
    assert not split.matched
    assert split.printed == ["user.name='bea'"] and split.sql == ["BEGIN (implicit)"]


# --- the fork server (programs.run, reader_server.py) against `python example.py` ----------

needs_reader = pytest.mark.skipif(
    reader_python() is None,
    reason=f"no reader's environment ({READER_PYTHON}): `{MAKE_READER_VENV}` creates it")

# Real copied programs (the snippet as its copy button gives it): sync SQLite with the
# engine's log; async on aiosqlite, which leaves an unawaited coroutine whose RuntimeWarning
# (on stderr, at a moment the garbage collector decides) must come where it comes in a new
# interpreter; FastAPI's TestClient (threads, an event loop); PostgreSQL, recording warnings.
COPIED = [("flush-and-commit/add_flush_commit.py", "SQLite"),
          ("async/lazy_load.py", "SQLite"),
          ("web-apps/errors.py", "SQLite"),
          ("isolation/too_late.py", "PostgreSQL")]

# What a program can see of the interpreter that runs it; it ends with an uncaught exception
# while a thread still runs and an atexit function waits, and unflushed output.
PROBE = '''\
import fcntl, gc, logging, os, sys, threading, time, warnings
from sqlalchemy import create_engine, text
print(list(globals()))
print(__name__, __file__, __loader__.name, __loader__.path, __spec__, __cached__, __package__)
print(sys.argv, sys.orig_argv, sys.executable, sys.path[0] == os.getcwd(), sys.path[1:])
for stream in (sys.stdin, sys.stdout, sys.stderr):
    print(stream, stream.errors, stream.line_buffering, stream.write_through, stream.buffer,
          stream.buffer.raw.name, stream is getattr(sys, "__%s__" % stream.name[1:-1]))
print([fcntl.fcntl(fd, fcntl.F_GETFL) for fd in range(3)], [os.get_inheritable(fd) for fd in
      range(3)], [os.fstat(fd).st_mode for fd in range(3)], sorted(os.listdir("/proc/self/fd")))
print(warnings.filters, logging.root.handlers, logging.root.level, logging.lastResort)
print(gc.isenabled(), gc.get_threshold(), sys.flags, sys.getrecursionlimit(), os.umask(0o22))
print(sorted(os.environ.items()))
print(hash("reader"), {"c", "a", "b", 1.5, None}, sys.stdin.read())
with create_engine("postgresql+psycopg://postgres@localhost/guide").connect() as connection:
    print(connection.execute(text("SELECT current_schema()")).scalar())
print("é to stderr", file=sys.stderr)
threading.Thread(target=lambda: (time.sleep(0.3), print("the thread ends"))).start()
__import__("atexit").register(print, "atexit")
sys.stdout.write("not flushed yet")
raise ValueError("the end") from KeyError("its cause")
'''

_VARYING = [
    (re.compile(r"(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} "), "<time> "),  # echo's records
    (re.compile(r"\b\d+\.\d+s\b"), "<s>"),  # [generated in 0.00021s], [cached since 0.1s ago]
    (re.compile(r"copied-example-\w+"), "<folder>"),
    (re.compile(r"copied_\d+_\d+"), "<schema>"),
    (re.compile(r"0x[0-9a-f]+"), "0x<address>"),
]


def masked(text: str) -> str:
    """What differs between any two runs of a program, masked."""
    for pattern, replacement in _VARYING:
        text = pattern.sub(replacement, text)
    return text


def run_in_a_new_interpreter(program: str, database: str) -> programs.Ran:
    """The program run as programs.run ran it before the fork server, and as the reader does."""
    with (programs.reader_database(database) as env,
          tempfile.TemporaryDirectory(prefix="copied-example-") as folder):
        Path(folder, "example.py").write_text(program, encoding="utf-8")
        started = time.monotonic()
        result = subprocess.run(
            [str(READER_PYTHON), "example.py"], cwd=folder, env=env,
            capture_output=True, timeout=programs.TIMEOUT, stdin=subprocess.DEVNULL)
        return programs.Ran(result.returncode, result.stdout.decode("utf-8", "replace"),
                            result.stderr.decode("utf-8", "replace"), time.monotonic() - started)


@pytest.fixture
def forked():
    """programs.run, checked to have forked every program: a run that got a new interpreter
    instead (reader_server.py does so when the environment changed) proves nothing here."""
    before = programs.shared_server.new_interpreters
    yield programs.run
    assert programs.shared_server.new_interpreters == before, (
        "the environment changed since the fork server started: the programs ran in a new "
        "interpreter each")


def copied(snippet: str, database: str) -> str:
    """The program the copy button gives for ``snippet`` on ``database``."""
    from sessionguide.blocks.program import program
    from sessionguide.paths import SNIPPETS
    from sessionguide.run.databases import program_for

    source = (SNIPPETS / snippet).read_text(encoding="utf-8")
    return program(program_for(source, database.lower(), snippet)).text.rstrip()


@needs_reader
@pytest.mark.parametrize("snippet, database", [*COPIED, ("probe", "PostgreSQL")],
                         ids=[*(f"{s}@{d}" for s, d in COPIED), "probe"])
def test_the_fork_server_runs_a_program_as_python_example_py(forked, snippet, database):
    text = PROBE if snippet == "probe" else copied(snippet, database)
    new = run_in_a_new_interpreter(text, database)
    ran = forked(text, database)
    assert (ran.returncode, masked(ran.stdout), masked(ran.stderr)) == (
        new.returncode, masked(new.stdout), masked(new.stderr))
    if snippet == "probe":  # it ran to its end, and all of it was compared
        assert ran.returncode == 1
        assert ran.stdout.endswith("not flushed yetthe thread ends\natexit\n"), ran.stdout
        assert ran.stderr.endswith("ValueError: the end\n"), ran.stderr
    else:
        assert ran.returncode == 0, ran.stderr
        assert "INFO sqlalchemy.engine.Engine" in ran.stdout, ran.stdout


@needs_reader
@pytest.mark.parametrize("program, returncode, stdout, stderr", [
    ("import sys\nprint('before')\nsys.exit(3)\nprint('after')\n", 3, "before\n", ""),
    ("raise SystemExit('a message')\n", 1, "", "a message\n"),
    ("import os\nprint('lost in the buffer')\nos._exit(4)\n", 4, "", ""),
    ("print('done')\n", 0, "done\n", ""),
])
def test_exit_status(forked, program, returncode, stdout, stderr):
    ran = forked(program, "SQLite")
    assert (ran.returncode, ran.stdout, ran.stderr) == (returncode, stdout, stderr)


@needs_reader
def test_an_uncaught_exception_exits_1_with_the_interpreters_traceback(forked):
    ran = forked("def fail():\n    raise ValueError('broken')\n\nfail()\n", "SQLite")
    assert ran.returncode == 1 and ran.stdout == ""
    folder = r"/\S+/copied-example-\w+"
    assert re.fullmatch(
        "Traceback \\(most recent call last\\):\n"
        f'  File "{folder}/example.py", line 4, in <module>\n'
        "    fail\\(\\)\n"
        f'  File "{folder}/example.py", line 2, in fail\n'
        "    raise ValueError\\('broken'\\)\n"
        "ValueError: broken\n", ran.stderr), ran.stderr
    syntax = forked("print('never')\ndef (:\n", "SQLite")
    assert syntax.returncode == 1 and syntax.stdout == ""
    assert re.fullmatch(f'  File "{folder}/example.py", line 2\n    def \\(:\n        \\^\n'
                        "SyntaxError: invalid syntax\n", syntax.stderr), syntax.stderr


@needs_reader
def test_a_postgresql_program_connects_to_its_own_schema(forked):
    ran = forked(
        "import os\nfrom sqlalchemy import create_engine, text\n"
        "engine = create_engine('postgresql+psycopg://postgres@localhost/guide')\n"
        "with engine.connect() as connection:\n"
        "    print(*connection.execute(text(\"SELECT current_schema(), inet_server_port(),"
        " current_setting('application_name')\")).one())\n"
        "print(os.environ['PGAPPNAME'], os.environ['PGPORT'])\n", "PostgreSQL")
    assert ran.returncode == 0, ran.stderr
    (schema, port, application), (expected_schema, expected_port) = (
        line.split() for line in ran.stdout.splitlines())
    assert schema == application == expected_schema and schema.startswith("copied_")
    assert port == expected_port


@needs_reader
def test_a_program_running_longer_than_the_timeout_is_stopped(forked, monkeypatch):
    monkeypatch.setattr(programs, "TIMEOUT", 1.5)
    ran = forked("import sys, time\nprint('started', flush=True)\n"
                       "print('on stderr', file=sys.stderr)\ntime.sleep(60)\n", "SQLite")
    assert (ran.returncode, ran.stdout, ran.stderr) == (None, "started\n", "on stderr\n")
    assert 1.5 <= ran.seconds < 30


@needs_reader
def test_a_program_that_closes_its_output_and_goes_on_stalls_no_other(monkeypatch):
    """Its pipes close long before it exits: the server must neither wait for it (the other
    program's answer, and every time limit, would wait too) nor forget its time limit."""
    monkeypatch.setattr(programs, "TIMEOUT", 4)
    server = programs.ReaderServer()
    try:
        with ThreadPoolExecutor(2) as pool:
            silent = pool.submit(server.run, "import os, time\nos.close(1)\nos.close(2)\n"
                                             "time.sleep(60)\n", "SQLite")
            time.sleep(0.5)  # its pipes are closed by now
            quick = server.run("print('quick')\n", "SQLite")
            stopped = silent.result(60)
    finally:
        server.close()
    assert (quick.returncode, quick.stdout) == (0, "quick\n")
    assert quick.seconds < 3, f"the quick program waited for the silent one: {quick.seconds:.1f} s"
    assert stopped.returncode is None, "the silent program was not stopped at its time limit"
    assert 4 <= stopped.seconds < 30


@needs_reader
def test_programs_run_at_once_each_in_a_child_of_its_own():
    server = programs.ReaderServer()
    program = ("import os, time\nstarted = time.monotonic()\ntime.sleep(3)\n"
               "print(os.getpid(), os.getppid(), started, time.monotonic(), {n})\n")
    try:
        with ThreadPoolExecutor(3) as pool:
            runs = list(pool.map(lambda n: server.run(program.format(n=n), "SQLite"), range(3)))
        server_pid = server.pid
    finally:
        server.close()
    printed = [ran.stdout.split() for ran in runs]
    assert [int(n) for *_, n in printed] == [0, 1, 2]
    assert len({pid for pid, *_ in printed}) == 3
    assert {int(parent) for _, parent, *_ in printed} == {server_pid}
    assert max(float(start) for _, _, start, _, _ in printed) < min(
        float(end) for _, _, _, end, _ in printed), "the three did not run at the same time"


@needs_reader
def test_another_environment_runs_in_a_new_interpreter():
    """Only libpq's variables (PG*) may differ from the server's: anything else might have
    been read by the interpreter or an import already, so such a request is not forked."""
    server = programs.ReaderServer()
    program = ("import os, sys\n"
               "print(os.environ.get('READER_TEST'), 'sqlalchemy' in sys.modules, os.getppid())\n")
    try:
        process = server._started()
        answers = []
        for extra in ({}, {"PGAPPNAME": "x"}, {"READER_TEST": "1"}):
            with tempfile.TemporaryDirectory(prefix="copied-example-") as folder:
                Path(folder, "example.py").write_text(program, encoding="utf-8")
                future = process.submit(folder, {**reader_environment(), **extra}, 60)
                answers.append(future.result(60))
        server_pid = server.pid
    finally:
        server.close()
    assert answers == [(0, f"None True {server_pid}\n".encode(), b"", False)] * 2 + [
        (0, f"1 False {server_pid}\n".encode(), b"", True)]


def sleeper(pid_file: Path) -> str:
    """A program that writes its pid, its parent's and its folder to ``pid_file``, then
    sleeps."""
    return (f"import os, time\nopen({str(pid_file)!r}, 'w').write(f'{{os.getpid()}} "
            "{os.getppid()} {os.getcwd()}')\ntime.sleep(100)\n")


@needs_reader
def test_runner_close_stops_its_server():
    runner = Runner()
    ran = runner.submit("import os\nprint(os.getppid())\n", "SQLite").result(60)
    server_pid = runner.server.pid
    assert ran.returncode == 0 and int(ran.stdout) == server_pid
    assert "reader_server.py" in Path(f"/proc/{server_pid}/cmdline").read_text()
    runner.close()
    assert gone(server_pid) and runner.server.pid is None


@needs_reader
def test_closing_the_server_kills_the_programs_still_running(tmp_path):
    server = programs.ReaderServer()
    pid_file = tmp_path / "pids"
    with ThreadPoolExecutor(1) as pool:
        running = pool.submit(server.run, sleeper(pid_file), "SQLite")
        try:
            assert wait_until(lambda: pid_file.exists() and pid_file.read_text()), running
            program, parent = map(int, pid_file.read_text().split()[:2])
            assert parent == server.pid and not gone(program)
        finally:
            server.close()
        with pytest.raises(RuntimeError, match="ended before answering"):
            running.result(30)
    assert gone(parent) and gone(program)


@needs_reader
def test_the_server_and_its_programs_end_when_the_test_process_dies(tmp_path):
    pid_file = tmp_path / "pids"
    code = ("import sys, threading, time\nsys.path[:0] = ['.', 'tests']\n"
            "from browser import programs\n"
            "threading.Thread(target=programs.run, args=(sys.argv[1], 'SQLite')).start()\n"
            "time.sleep(100)\n")
    test_process = subprocess.Popen([sys.executable, "-c", code, sleeper(pid_file)],
                                    cwd=programs.ROOT)
    try:
        assert wait_until(lambda: pid_file.exists() and pid_file.read_text(), 60)
        program, server, folder = pid_file.read_text().split()
        os.kill(test_process.pid, signal.SIGKILL)
    finally:
        test_process.kill()
        test_process.wait()
    # The server sees its stdin end, kills the program and exits.
    assert wait_until(lambda: gone(int(server)) and gone(int(program)))
    assert Path(folder).name.startswith("copied-example-")
    shutil.rmtree(folder)  # the killed process could not remove it
