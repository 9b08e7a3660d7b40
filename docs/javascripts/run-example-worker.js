// Module Web Worker that runs Python examples with the self-hosted Pyodide runtime.
// Started by run-example.js on the first run request; nothing is fetched before.
//
// Page -> worker
//   {type: "init", indexURL, packages: [...], extraFiles: [...], preimport: [...]}
//   {type: "run", id, source, filename, observers: [...], maxOutputLines}
//   {type: "call", id, module, fn, args: "<JSON object>", maxOutputLines}
// Worker -> page
//   {type: "status", text}                      loading progress, for a status line
//   {type: "ready", versions, timings}          versions: {python, sqlite, pyodide, packages}
//   {type: "init-error", error: {type, message}}
//   {type: "started", id}                       the user's code starts now (timeouts count from here)
//   {type: "output", id, stream: "stdout"|"stderr", text}   one line, without its "\n"
//   {type: "done", id, status: "ok"|"error", error, observations, ms}   (a run)
//   {type: "done", id, status: "ok"|"error", error, value, ms}          (a call: module.fn(**args)
//     in the worker's Python, whose JSON-serialisable result is value; error: what it raised)
//     error: {type, message, line, traceback} (line in the user's source, or null)
//     observations: {moduleName: JSON value} from each observer's after_run()
//
// An observer is a pure-Python module among `extraFiles` (fetched from indexURL while the
// runtime loads, written to /home/pyodide/extra, first on sys.path) and named in a run's
// `observers` (its module name, e.g. "observer" for "observer.py"): the worker
// imports it and calls, if defined, before_run(namespace, source, filename) before the user's
// code and after_run(namespace, error) after it; after_run returns a JSON-serialisable value.

const HELPER = String.raw`
import builtins, io, json, linecache, logging, sys, traceback, types, importlib
from pyodide.code import eval_code_async

_emit = None                     # JS function (id, stream, text), set by install()
_state = {"id": None, "lines": 0, "max": 5000, "truncated": False}
_saved = {}


class _LineStream(io.TextIOBase):
    """sys.stdout / sys.stderr: sends each complete line to the page."""

    def __init__(self, name):
        self.name = name
        self._buffer = ""

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._buffer += text
        if "\n" in self._buffer:
            *lines, self._buffer = self._buffer.split("\n")
            for line in lines:
                _send(self.name, line)
        return len(text)

    def end(self):
        if self._buffer:
            _send(self.name, self._buffer)
            self._buffer = ""


def _send(stream, text):
    if _state["lines"] >= _state["max"]:
        if not _state["truncated"]:
            _state["truncated"] = True
            _emit(_state["id"], "stderr", f"[output truncated after {_state['max']} lines]")
        return
    _state["lines"] += 1
    _emit(_state["id"], stream, text)


_stdout, _stderr = _LineStream("stdout"), _LineStream("stderr")


def install(emit):
    global _emit
    _emit = emit
    sys.stdout, sys.stderr = _stdout, _stderr
    _saved["loggers"] = set(logging.root.manager.loggerDict)
    _saved["root_handlers"] = list(logging.root.handlers)
    _saved["root_level"] = logging.root.level
    _saved["main"] = sys.modules["__main__"]


def versions(packages):
    import sqlite3
    import pyodide
    from importlib import metadata
    found = {}
    for name in packages:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return json.dumps({
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "pyodide": pyodide.__version__,
        "packages": found,
    })


def _reset_logging():
    # SQLAlchemy's echo=True adds a handler and sets the level on its loggers, which would
    # outlive the run (a later run without echo would still log): start each run as a new
    # process would, and undo logging.basicConfig() too.
    for name, logger in list(logging.root.manager.loggerDict.items()):
        if name in _saved["loggers"] or not isinstance(logger, logging.Logger):
            continue
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.setLevel(logging.NOTSET)
        logger.propagate = True
        logger.disabled = False
    logging.root.handlers[:] = _saved["root_handlers"]
    logging.root.setLevel(_saved["root_level"])


def _begin(run_id, source, filename, observers, max_lines):
    _state.update(id=run_id, lines=0, max=max_lines, truncated=False)
    _reset_logging()
    module = types.ModuleType("__main__")
    module.__file__ = filename
    module.__builtins__ = builtins
    sys.modules["__main__"] = module   # what a script sees, and where SQLAlchemy resolves annotations
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    for name in observers:
        hook = getattr(importlib.import_module(name), "before_run", None)
        if hook is not None:
            hook(module.__dict__, source, filename)
    return module.__dict__


def _describe(exc, filename):
    # The traceback from the first frame of the user's code on, as a script would print it.
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    line = None
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        line = exc.lineno
    walk = tb
    while walk is not None:
        if walk.tb_frame.f_code.co_filename == filename:
            line = walk.tb_lineno   # the innermost frame of the user's code
        walk = walk.tb_next
    return {
        "type": type(exc).__qualname__,
        "message": str(exc),
        "line": line,
        "traceback": "".join(traceback.format_exception(type(exc), exc, tb)),
    }


async def run(run_id, source, filename, observers, max_lines):
    """Run source in a new __main__ module; JSON {error, observations}."""
    observers = list(observers)
    error = None
    namespace = {}
    try:
        namespace = _begin(run_id, source, filename, observers, max_lines)
        # What pyodide.runPythonAsync() does, but with return_mode="none": runPythonAsync
        # rewrites a final expression statement into "raise ___EvalCodeResultException(value)"
        # at line 1, which a tracer sees as phantom line-1 and exception events, and it
        # converts that value to JavaScript. No dedent either: the source runs as written.
        await eval_code_async(
            source, namespace, return_mode="none", filename=filename, dedent=False
        )
    except SystemExit as exc:
        if exc.code not in (None, 0):
            error = _describe(exc, filename)
    except BaseException as exc:
        error = _describe(exc, filename)
    finally:
        _stdout.end()
        _stderr.end()
    results = {}
    for name in observers:
        hook = getattr(sys.modules.get(name), "after_run", None)
        if hook is not None:
            try:
                results[name] = hook(namespace, error)
            except Exception as exc:
                results[name] = {"observer_error": f"{type(exc).__name__}: {exc}"}
    _stdout.end()
    _stderr.end()
    sys.stdout, sys.stderr = _stdout, _stderr   # in case the code replaced them
    sys.modules["__main__"] = _saved["main"]
    return json.dumps({"error": error, "observations": results}, default=repr)


def call(run_id, module, function, args, max_lines):
    """module.function(**args): code of the site's own that runs a program itself (with its own
    fresh __main__ and observer); JSON {error, value}."""
    _state.update(id=run_id, lines=0, max=max_lines, truncated=False)
    _reset_logging()
    error = value = None
    try:
        value = getattr(importlib.import_module(module), function)(**json.loads(args))
    except BaseException as exc:
        error = {
            "type": type(exc).__qualname__,
            "message": str(exc),
            "line": None,
            "traceback": "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
        }
    finally:
        _stdout.end()
        _stderr.end()
        sys.stdout, sys.stderr = _stdout, _stderr
        sys.modules["__main__"] = _saved["main"]
    return json.dumps({"error": error, "value": value}, default=repr)
`;

let pyodide = null;
let helper = null;
let ready = null;
let queue = Promise.resolve();

function post(message) {
  self.postMessage(message);
}

function errorInfo(err) {
  return { type: err?.type || err?.name || "Error", message: String(err?.message || err) };
}

function safePath(name) {
  if (typeof name !== "string" || !/^[\w.-]+(\/[\w.-]+)*$/.test(name) || name.includes("..")) {
    throw new Error(`extraFiles: not a plain relative path: ${JSON.stringify(name)}`);
  }
  return name;
}

async function init({ indexURL, packages = [], extraFiles = [], preimport = [] }) {
  const started = performance.now();
  const base = new URL(indexURL, self.location.href).href.replace(/\/?$/, "/");
  post({ type: "status", text: "loading Python" });
  // Fetched in parallel with the runtime's own files.
  const extras = extraFiles.map((name) =>
    fetch(new URL(safePath(name), base)).then((response) => {
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return response.arrayBuffer().then((data) => [name, new Uint8Array(data)]);
    }),
  );
  for (const pending of extras) pending.catch(() => {}); // awaited (and reported) below
  try {
    // Under a Content-Security-Policy without 'wasm-unsafe-eval', Pyodide's loader logs a
    // warning and never settles: find out first, with the smallest valid module.
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  } catch (err) {
    throw new Error(
      `WebAssembly cannot be compiled here (${err.message}). If the site sends a ` +
        "Content-Security-Policy, its script-src must include 'wasm-unsafe-eval'.",
    );
  }
  const { loadPyodide } = await import(new URL("pyodide.mjs", base).href);
  pyodide = await loadPyodide({
    indexURL: base,
    packages, // downloaded while the interpreter boots
    stdin: () => null, // input() raises EOFError: there is no one to type
    stdout: (text) => post({ type: "status", text }),
    stderr: (text) => post({ type: "status", text }),
  });
  const runtimeMs = performance.now() - started;
  const extraDir = "/home/pyodide/extra";
  pyodide.FS.mkdirTree(extraDir);
  for (const [name, data] of await Promise.all(extras)) {
    const parts = name.split("/");
    if (parts.length > 1) pyodide.FS.mkdirTree(`${extraDir}/${parts.slice(0, -1).join("/")}`);
    pyodide.FS.writeFile(`${extraDir}/${name}`, data);
  }
  const namespace = pyodide.globals.get("dict")();
  pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(extraDir)})`);
  pyodide.runPython(HELPER, { globals: namespace, filename: "<run-example-worker>" });
  helper = {
    install: namespace.get("install"),
    versions: namespace.get("versions"),
    run: namespace.get("run"),
    call: namespace.get("call"),
  };
  namespace.destroy();
  helper.install((id, stream, text) => post({ type: "output", id, stream, text }));
  if (preimport.length) {
    post({ type: "status", text: "importing " + preimport.join(", ") });
    pyodide.runPython(preimport.map((name) => `import ${name}`).join("\n"));
  }
  const versions = JSON.parse(helper.versions(packages));
  post({
    type: "ready",
    versions,
    timings: { runtimeMs, totalMs: performance.now() - started },
  });
}

async function run({ id, source, filename = "example.py", observers = [], maxOutputLines = 5000 }) {
  const started = performance.now();
  post({ type: "started", id });
  let outcome;
  try {
    outcome = JSON.parse(await helper.run(id, source, filename, observers, maxOutputLines));
  } catch (err) {
    // only an error of the worker itself gets here: the user's exceptions are caught in Python
    outcome = { error: { ...errorInfo(err), line: null, traceback: null }, observations: {} };
  }
  post({
    type: "done",
    id,
    status: outcome.error ? "error" : "ok",
    error: outcome.error,
    observations: outcome.observations,
    ms: performance.now() - started,
  });
}

async function call({ id, module, fn, args = "{}", maxOutputLines = 5000 }) {
  const started = performance.now();
  post({ type: "started", id });
  let outcome;
  try {
    outcome = JSON.parse(helper.call(id, module, fn, args, maxOutputLines));
  } catch (err) {
    outcome = { error: { ...errorInfo(err), line: null, traceback: null }, value: null };
  }
  post({
    type: "done",
    id,
    status: outcome.error ? "error" : "ok",
    error: outcome.error,
    value: outcome.value,
    ms: performance.now() - started,
  });
}

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "init") {
    ready = init(message).catch((err) => {
      post({ type: "init-error", error: errorInfo(err) });
      throw err;
    });
    ready.catch(() => {});
  } else if (message.type === "run" || message.type === "call") {
    queue = queue.then(async () => {
      try {
        await ready;
      } catch {
        return; // reported as init-error
      }
      await (message.type === "run" ? run(message) : call(message));
    });
  }
};
