"""Vendor a self-hosted Python runtime for the browser (Pyodide and the examples' wheels).

``vendor(dest)`` writes into ``dest`` (default ``build/pyodide/``) only what a page needs to run
the examples in a Web Worker, with nothing loaded from anyone else at run time (``make
vendor-browser-runtime``, which ``make build``, ``serve`` and ``test`` run first, calls it
through ``python -m sessionguide vendor-browser-runtime``; the build copies ``dest`` into the
site: sessionguide/build/browser_runtime.py):

- ``pyodide.mjs``, ``pyodide.asm.mjs``, ``pyodide.asm.wasm``, ``python_stdlib.zip``, taken from
  the npm tarball of ``pyodide`` pinned in ``requirements-browser.lock.json`` (checked against
  the registry's sha512 ``integrity``);
- the wheels pinned there (checked against their sha256, which must also be the ones that
  ``requirements.lock`` lists for the same versions);
- a generated ``pyodide-lock.json`` that lists only those wheels, with the ``info`` block of
  Pyodide's own lock (its ``abi_version`` must match the runtime), so that
  ``pyodide.loadPackage("sqlalchemy")`` resolves them by name from the same folder. Pyodide's
  own lock names some 350 other packages that are not shipped (among them a wasm build of
  SQLAlchemy 2.0 whose hashes are not PyPI's); with this lock, ``import numpy`` raises
  ModuleNotFoundError and ``loadPackage("numpy")`` "No known package with name 'numpy'",
  without any request.

Downloads (stdlib ``urllib`` only) are cached, verified, under ``build/downloads/``: a second
run needs no network. A run whose pins, this module and the files in ``dest`` are unchanged
returns after a few ``stat`` calls (the record of what was written is kept in
``build/downloads/``, not in ``dest``). Files are written atomically and only when their bytes
change.

Why a slimmed SQLAlchemy wheel (``SLIM_SQLALCHEMY``), measured in December 2026 with Pyodide
314.0.8 in headless Chromium (6 fresh browsers per variant, interleaved, served with gzip): dropping
``SLIM_DROP`` (then: the dialects other than SQLite, ``testing``, ``ext/asyncio``, the ODBC
connectors) turns the 2,071,860-byte PyPI wheel into 1,502,572 bytes, and the first Run's
transfer from 8.42 MB to 7.85 MB (the wheel is already deflated: gzip gains nothing on it). It
does not change the time to the first output (medians 3.95 s slim, 4.38 s full, each ranging
over 3.5-6.5 s): that time goes into compiling the wasm and the ``.py`` files that are
imported, and the dropped modules are never imported by an SQLite example. What it costs: in
the browser ``sqlalchemy.ext.asyncio`` raises ModuleNotFoundError instead of ImportError
("requires that the Python 'greenlet' library is installed"); async examples cannot run in
Pyodide either way (no greenlet, and aiosqlite needs a thread: "RuntimeError: can't start new
thread"). ``connectors/asyncio.py`` stays: the sqlite dialect's package imports its aiosqlite
module. The PostgreSQL dialect stays too (126 KB more to download, 1,634,128 bytes in all): an
example that runs on SQLite may import it (bulk/upsert.py picks ``postgresql.insert`` or
``sqlite.insert`` by the engine's dialect), and ``stmt.compile(dialect=postgresql.dialect())``
works; it imports no driver until a PostgreSQL engine is created, which has no server here.

The slimmed wheel is built deterministically and independently of the machine's zlib: the kept
members' compressed bytes are copied verbatim from the verified wheel, in the same order with
the same headers, and only ``RECORD`` (without the dropped files' lines) is rewritten, stored
uncompressed. Its file name carries the build tag ``0sqlite``
(``sqlalchemy-2.1.9-0sqlite-py3-none-any.whl``) so that it is never mistaken for PyPI's file;
the build tag, not a ``+local`` version, because some static hosts (S3) read ``+`` in a path
as a space.

Not possible here: shipping precompiled ``.pyc`` files, which would cut the time spent
compiling SQLAlchemy in the browser. They must be made by the same CPython minor version as
Pyodide's (3.14), and no CPython 3.14 is available to the build: pyenv has up to 3.13, Debian 12
has 3.11, and no package on PyPI ships a CPython 3.14 interpreter (``pbs-installer`` and
``portable-python`` download from hosts outside the package indexes).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import struct
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

from sessionguide.paths import ROOT

LOCK = ROOT / "requirements-browser.lock.json"
PYTHON_LOCK = ROOT / "requirements.lock"  # the build's pins, which must agree on the wheels
DOWNLOADS = ROOT / "build" / "downloads"
# Where the build looks for it (sessionguide/build/browser_runtime.py, runtime_dir()).
DEFAULT_DEST = Path(os.environ.get("SESSIONGUIDE_BROWSER_RUNTIME") or ROOT / "build" / "pyodide")

#: Ship the slimmed SQLAlchemy wheel (see the module docstring for the measurement).
SLIM_SQLALCHEMY = True
#: What the slimmed wheel leaves out: everything that an example run in the browser with SQLite
#: cannot import usefully. ``sqlalchemy/dialects/__init__.py`` and ``sqlite`` stay.
SLIM_DROP = (
    "sqlalchemy/dialects/mssql/",
    "sqlalchemy/dialects/mysql/",
    "sqlalchemy/dialects/oracle/",
    "sqlalchemy/connectors/aioodbc.py",  # for mssql and mysql (connectors/asyncio.py stays:
    "sqlalchemy/connectors/pyodbc.py",  # the sqlite dialect's package imports its aiosqlite)
    "sqlalchemy/ext/asyncio/",
    "sqlalchemy/testing/",
    "sqlalchemy/dialects/sqlite/provision.py",  # test-suite provisioning, imports testing
)
SLIM_BUILD_TAG = "0sqlite"

_USER_AGENT = "sessionguide-pyodide-vendor (+urllib)"
_STAMP_VERSION = 1


class VendorError(RuntimeError):
    """A pinned file could not be fetched or did not match its pin."""


# --------------------------------------------------------------------------- pins


def load_pins(lock: Path = LOCK) -> dict:
    try:
        pins = json.loads(lock.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise VendorError(f"{lock}: cannot read the browser pins: {error}") from error
    for key in ("name", "version", "python", "url", "integrity", "files"):
        if key not in pins.get("pyodide", {}):
            raise VendorError(f"{lock}: pyodide.{key} is missing")
    for wheel in pins.get("wheels", []):
        for key in ("name", "version", "filename", "url", "sha256", "imports", "depends"):
            if key not in wheel:
                raise VendorError(f"{lock}: wheel {wheel.get('name', '?')}: {key} is missing")
    return pins


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def check_python_lock(pins: dict, python_lock: Path = PYTHON_LOCK) -> None:
    """Each pinned wheel's version and sha256 must be those of ``requirements.lock``."""
    if not python_lock.exists():
        return  # an sdist or a checkout without the build's lock: nothing to agree with
    text = python_lock.read_text(encoding="utf-8")
    # "name==version [; marker] \" followed by "--hash=sha256:..." lines
    entries: dict[str, tuple[str, set[str]]] = {}
    for match in re.finditer(
        r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+?)(?:\s*;[^\\\n]*)?\s*\\\n"
        r"((?:\s+--hash=sha256:[0-9a-f]{64}\s*\\?\n?)+)",
        text,
        re.MULTILINE,
    ):
        name, version, hashes = match.groups()
        entries[_normalize(name)] = (version, set(re.findall(r"[0-9a-f]{64}", hashes)))
    for wheel in pins["wheels"]:
        name = _normalize(wheel["name"])
        if name not in entries:
            raise VendorError(
                f"{python_lock.name} does not pin {wheel['name']}, which "
                f"{LOCK.name} ships to the browser: add it to the build's dependencies "
                f"or drop it from {LOCK.name}"
            )
        version, hashes = entries[name]
        if version != wheel["version"] or wheel["sha256"] not in hashes:
            raise VendorError(
                f"{LOCK.name} pins {wheel['filename']} (sha256 {wheel['sha256']}) but "
                f"{python_lock.name} pins {wheel['name']}=={version}"
                + ("" if version != wheel["version"] else " without that hash")
                + f": the browser must run what the build runs. Update {LOCK.name} "
                "(url and sha256 from PyPI's simple index) after `make lock`."
            )


# --------------------------------------------------------------------------- downloads


def _digest(data: bytes, algorithm: str) -> str:
    if algorithm == "sha512":
        return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    return hashlib.new(algorithm, data).hexdigest()


def _fetch(url: str, attempts: int = 3) -> bytes:
    last: Exception | None = None
    for attempt in range(attempts):
        try:
            request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.read()
        except (urllib.error.URLError, OSError) as error:
            last = error
            if isinstance(error, urllib.error.HTTPError) and error.code < 500:
                break
            time.sleep(1 + 2 * attempt)
    raise VendorError(
        f"cannot download {url}: {last}. The file is pinned in {LOCK.name}; with no network, "
        f"put a copy in {DOWNLOADS} (it is checked against the pin)."
    )


def fetch_verified(url: str, filename: str, algorithm: str, expected: str) -> bytes:
    """The bytes of a pinned file, from the cache or downloaded, checked against its pin."""
    cached = DOWNLOADS / filename
    if cached.exists():
        data = cached.read_bytes()
        if _digest(data, algorithm) == expected:
            return data
        # A truncated or stale copy (or a mistyped pin): fetch it again. The cached copy is
        # replaced only by a download that matches the pin.
    data = _fetch(url)
    actual = _digest(data, algorithm)
    if actual != expected:
        raise VendorError(
            f"{filename}: {algorithm} mismatch.\n"
            f"  expected (pinned in {LOCK.name}): {expected}\n"
            f"  actual (downloaded from {url}): {actual}\n"
            "The file is not the one that was pinned, so it is not used. If you changed the "
            f"pin on purpose, copy the hash from the registry's metadata into {LOCK.name}; "
            "otherwise the download or the registry is corrupt: retry later, and do not ship it."
        )
    _write_atomic(cached, data)
    return data


# --------------------------------------------------------------------------- outputs


def _write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless it already holds exactly that; True if written."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _runtime_files(pins: dict) -> tuple[dict[str, bytes], dict]:
    """The runtime's files from the verified npm tarball, and its own lock's ``info``."""
    spec = pins["pyodide"]
    tarball = fetch_verified(
        spec["url"], f"{spec['name']}-{spec['version']}.tgz", "sha512", spec["integrity"]
    )
    wanted = {f"package/{name}": name for name in [*spec["files"], "pyodide-lock.json"]}
    found: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive:
            if member.name in wanted and member.isfile():
                handle = archive.extractfile(member)
                assert handle is not None
                found[wanted[member.name]] = handle.read()
    missing = sorted(set(wanted.values()) - set(found))
    if missing:
        raise VendorError(f"{spec['name']} {spec['version']}: the tarball lacks {missing}")
    info = json.loads(found.pop("pyodide-lock.json"))["info"]
    if info.get("python") != spec["python"]:
        raise VendorError(
            f"{LOCK.name}: pyodide {spec['version']} runs Python {info.get('python')}, "
            f"not {spec['python']}: correct pyodide.python"
        )
    return found, info


def _check_wheel_metadata(filename: str, data: bytes, wheel: dict) -> None:
    """The pinned ``depends`` must cover the wheel's unconditional requirements."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        metadata = next((n for n in archive.namelist() if n.endswith(".dist-info/METADATA")), None)
        if metadata is None:
            raise VendorError(f"{filename}: no .dist-info/METADATA: not a wheel")
        text = archive.read(metadata).decode("utf-8")
    required = set()
    for line in text.splitlines():
        if line.startswith("Requires-Dist:"):
            requirement, _, marker = line[len("Requires-Dist:") :].partition(";")
            if "extra" in marker:
                continue
            name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
            if name:
                required.add(_normalize(name.group(1)))
        elif not line:
            break
    missing = required - {_normalize(d) for d in wheel["depends"]}
    if missing:
        raise VendorError(
            f"{filename} requires {sorted(missing)}, which {LOCK.name} does not list in its "
            "depends (and so does not ship): pin those wheels too"
        )


_LOCAL = struct.Struct("<4s5H3L2H")  # local file header, without name and extra
_CENTRAL = struct.Struct("<4s6H3L5H2L")  # central directory header, likewise
_END = struct.Struct("<4s4H2LH")  # end of central directory


def _central_record(info: zipfile.ZipInfo, header: bytes, offset: int, **changes) -> bytes:
    """The central directory record of ``info``, whose local header (``header``) is at
    ``offset``; ``changes`` override flags, method, crc or sizes (for a rewritten member)."""
    name = info.filename.encode("utf-8")
    dostime, dosdate = struct.unpack("<2H", header[10:14])
    fields = {
        "version_needed": info.extract_version,
        "flags": info.flag_bits,
        "method": info.compress_type,
        "crc": info.CRC,
        "compressed": info.compress_size,
        "size": info.file_size,
        "extra": info.extra,
    }
    fields.update(changes)
    return (
        _CENTRAL.pack(
            b"PK\x01\x02",
            info.create_version | info.create_system << 8,
            fields["version_needed"],
            fields["flags"],
            fields["method"],
            dostime,
            dosdate,
            fields["crc"],
            fields["compressed"],
            fields["size"],
            len(name),
            len(fields["extra"]),
            len(info.comment),
            0,  # disk number
            info.internal_attr,
            info.external_attr,
            offset,
        )
        + name
        + fields["extra"]
        + info.comment
    )


def slim_wheel(data: bytes, drop: tuple[str, ...] = SLIM_DROP) -> bytes:
    """The wheel without the members under ``drop``, deterministically.

    Kept members are copied byte for byte (local header, compressed data, data descriptor)
    in their original order; only ``RECORD`` is rebuilt, without the dropped files' lines,
    and stored uncompressed. No recompression, so the result does not depend on zlib.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    infos = source.infolist()
    record_name = next(i.filename for i in infos if i.filename.endswith(".dist-info/RECORD"))
    kept = [i for i in infos if not i.filename.startswith(drop)]
    dropped = {i.filename for i in infos} - {i.filename for i in kept}
    out = io.BytesIO()
    central = []
    for info in kept:
        offset = out.tell()
        header = data[info.header_offset : info.header_offset + _LOCAL.size]
        if header[:4] != b"PK\x03\x04":
            raise VendorError(f"slim_wheel: no local header for {info.filename}")
        if info.filename == record_name:
            lines = source.read(record_name).decode("utf-8").splitlines(keepends=True)
            kept_lines = [line for line in lines if line.split(",", 1)[0] not in dropped]
            body = "".join(kept_lines).encode("utf-8")
            crc = zipfile.crc32(body)
            name = info.filename.encode("utf-8")
            dostime, dosdate = struct.unpack("<2H", header[10:14])
            out.write(
                _LOCAL.pack(
                    b"PK\x03\x04",
                    20,
                    0,
                    zipfile.ZIP_STORED,
                    dostime,
                    dosdate,
                    crc,
                    len(body),
                    len(body),
                    len(name),
                    0,
                )  # fmt: skip
            )
            out.write(name + body)
            central.append(
                _central_record(
                    info,
                    header,
                    offset,
                    version_needed=20,
                    flags=0,
                    method=zipfile.ZIP_STORED,
                    crc=crc,
                    compressed=len(body),
                    size=len(body),
                    extra=b"",
                )  # fmt: skip
            )
            continue
        name_length, extra_length = struct.unpack("<2H", header[26:30])
        end = info.header_offset + _LOCAL.size + name_length + extra_length + info.compress_size
        if info.flag_bits & 0x08:  # a data descriptor follows, with or without its signature
            end += 16 if data[end : end + 4] == b"PK\x07\x08" else 12
        out.write(data[info.header_offset : end])
        central.append(_central_record(info, header, offset))
    directory_offset = out.tell()
    out.write(b"".join(central))
    directory_size = out.tell() - directory_offset
    count = len(central)
    out.write(_END.pack(b"PK\x05\x06", 0, 0, count, count, directory_size, directory_offset, 0))
    result = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(result)) as check:  # every member readable, CRCs right
        bad = check.testzip()
        if bad is not None or len(check.infolist()) != count:
            raise VendorError(f"slim_wheel: the slimmed wheel is corrupt ({bad})")
    return result


def _slim_filename(filename: str) -> str:
    name, version, rest = filename.split("-", 2)
    return f"{name}-{version}-{SLIM_BUILD_TAG}-{rest}"


def build_outputs(pins: dict, *, slim: bool = SLIM_SQLALCHEMY) -> dict[str, bytes]:
    """Every file that ``dest`` must hold, by name."""
    outputs, info = _runtime_files(pins)
    packages = {}
    for wheel in pins["wheels"]:
        data = fetch_verified(wheel["url"], wheel["filename"], "sha256", wheel["sha256"])
        _check_wheel_metadata(wheel["filename"], data, wheel)
        filename = wheel["filename"]
        if slim and _normalize(wheel["name"]) == "sqlalchemy":
            data, filename = slim_wheel(data), _slim_filename(filename)
        outputs[filename] = data
        name = _normalize(wheel["name"])
        packages[name] = {
            "name": name,
            "version": wheel["version"],
            "file_name": filename,
            "install_dir": "site",
            "sha256": hashlib.sha256(data).hexdigest(),
            "package_type": "package",
            "imports": list(wheel["imports"]),
            "depends": [_normalize(d) for d in wheel["depends"]],
            "unvendored_tests": False,
            "tool": {},
        }
    lock = {"info": info, "packages": dict(sorted(packages.items()))}
    outputs["pyodide-lock.json"] = (json.dumps(lock, indent=2, sort_keys=True) + "\n").encode()
    return outputs


# --------------------------------------------------------------------------- vendor


def _stamp_path(dest: Path) -> Path:
    key = hashlib.sha256(str(dest.resolve()).encode()).hexdigest()[:16]
    return DOWNLOADS / f"vendor-stamp-{key}.json"


def _inputs_key(slim: bool) -> str:
    digest = hashlib.sha256()
    digest.update(LOCK.read_bytes())
    digest.update(Path(__file__).read_bytes())
    digest.update(f"slim={slim} stamp={_STAMP_VERSION}".encode())
    return digest.hexdigest()


def _state(dest: Path, names) -> dict[str, list[int]] | None:
    state = {}
    for name in names:
        try:
            st = (dest / name).stat()
        except FileNotFoundError:
            return None
        state[name] = [st.st_size, st.st_mtime_ns]
    return state


def vendor(dest: Path = DEFAULT_DEST, *, slim: bool = SLIM_SQLALCHEMY) -> None:
    """Fill ``dest`` with the self-hosted runtime; quick when nothing changed."""
    dest = Path(dest)
    pins = load_pins()
    check_python_lock(pins)
    stamp_path = _stamp_path(dest)
    key = _inputs_key(slim)
    try:
        stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stamp = {}
    if stamp.get("inputs") == key and stamp.get("files"):
        if _state(dest, stamp["files"]) == stamp["files"]:
            return
    outputs = build_outputs(pins, slim=slim)
    dest.mkdir(parents=True, exist_ok=True)
    for name, data in outputs.items():
        _write_atomic(dest / name, data)
    # Files that an earlier run wrote and that are no longer produced (an old wheel, say).
    for name in set(stamp.get("files", {})) - set(outputs):
        (dest / name).unlink(missing_ok=True)
    state = _state(dest, sorted(outputs))
    _write_atomic(
        stamp_path,
        json.dumps({"inputs": key, "dest": str(dest.resolve()), "files": state}, indent=1).encode(),
    )


def main(dest: Path = DEFAULT_DEST, *, slim: bool = SLIM_SQLALCHEMY, quiet: bool = False) -> int:
    """``python -m sessionguide vendor-browser-runtime``: vendor, then list what ``dest`` holds
    (``quiet``: only if something was written); 1, with the reason on stderr, if it failed."""
    started = time.perf_counter()
    before = _listing(dest)
    try:
        vendor(dest, slim=slim)
    except VendorError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    after = _listing(dest)
    if quiet and after == before:
        return 0
    for name, (size, _) in after.items():
        print(f"{size:>10,}  {name}")
    print(f"vendored into {dest} in {elapsed:.2f} s")
    return 0


def _listing(dest: Path) -> dict[str, tuple[int, int]]:
    """What ``dest`` holds (not the dotfiles of others, such as the build's size cache)."""
    if not dest.is_dir():
        return {}
    return {path.name: (path.stat().st_size, path.stat().st_mtime_ns)
            for path in sorted(dest.iterdir()) if not path.name.startswith(".")}
