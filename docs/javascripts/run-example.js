// Runs Python examples in the browser with the site's own Pyodide (no CDN, no package index).
// Nothing of the runtime is fetched until the first run(): then a module Worker
// (run-example-worker.js) loads Pyodide from `indexURL` and the packages from its lock.
//
//   import { createRunner } from "./run-example.js";
//   const runner = createRunner();                 // indexURL defaults to ../pyodide/
//   const result = await runner.run(source, {onOutput: (stream, text) => ..., timeoutMs: 10000});
//   // result: {status: "ok"|"error"|"timeout"|"stopped"|"failed", error, observations, ms,
//   //          versions: {python, sqlite, pyodide, packages}}
//   runner.stop();  // ends a run that does not finish: the worker is terminated, and the next
//                   // run starts a new one (the runtime's files then come from the HTTP cache)
//   const called = await runner.call("package.module", "function", {name: value});
//   // called: {status, error, value, ms, versions}: module.function(**args), whose result (a
//   // JSON-serialisable value) is `value`; for code that runs a program itself (the site's
//   // sessionguide.blocks.in_browser.run, with the build's isolation and observer).
//
// See run-example-worker.js for the messages between the two.

const DEFAULTS = {
  indexURL: new URL("../pyodide/", import.meta.url).href,
  workerURL: new URL("run-example-worker.js", import.meta.url).href,
  packages: ["sqlalchemy"], // and what their lock entries depend on
  extraFiles: [], // extra .py files to fetch from indexURL, e.g. an observer module
  preimport: [], // modules to import while loading, e.g. ["sqlalchemy.orm"]
  timeoutMs: 10000, // per run, counted from the start of the user's code
  loadTimeoutMs: 120000, // for loading the runtime (a slow network, a host that never answers)
  maxOutputLines: 5000,
};

export function createRunner(options = {}) {
  const config = { ...DEFAULTS, ...options };
  let worker = null;
  let ready = null; // Promise of {versions, timings}
  let current = null; // {id, resolve, onOutput, timer, timeoutMs}
  let versions = null; // from the last worker that loaded
  let loadTimer = null;
  let nextId = 1;

  function start() {
    if (worker) return ready;
    worker = new Worker(config.workerURL, { type: "module", name: "run-example" });
    let resolveReady, rejectReady;
    ready = new Promise((resolve, reject) => {
      resolveReady = resolve;
      rejectReady = reject;
    });
    ready.catch(() => {});
    loadTimer = setTimeout(() => {
      const error = {
        type: "LoadTimeout",
        message: `Python did not load in ${config.loadTimeoutMs / 1000} s`,
      };
      rejectReady(error);
      finish({ status: "failed", error: { ...error, line: null, traceback: null } });
      kill();
    }, config.loadTimeoutMs);
    ready.then(() => clearTimeout(loadTimer), () => {});
    worker.onmessage = ({ data }) => {
      switch (data.type) {
        case "status":
          config.onStatus?.(data.text);
          break;
        case "ready":
          versions = data.versions;
          resolveReady({ versions: data.versions, timings: data.timings });
          break;
        case "init-error":
          rejectReady(data.error);
          finish({ status: "failed", error: { ...data.error, line: null, traceback: null } });
          kill();
          break;
        case "started":
          if (current?.id === data.id && current.timeoutMs > 0) {
            current.timer = setTimeout(() => {
              kill();
              finish({ status: "timeout" });
            }, current.timeoutMs);
          }
          break;
        case "output":
          if (current?.id === data.id) current.onOutput?.(data.stream, data.text);
          break;
        case "done":
          if (current?.id === data.id) {
            const { status, error, observations, value, ms } = data;
            finish({ status, error, observations, value, ms });
          }
          break;
      }
    };
    worker.onerror = (event) => {
      const error = { type: "WorkerError", message: event.message || "worker failed" };
      rejectReady(error);
      finish({ status: "failed", error: { ...error, line: null, traceback: null } });
      kill();
    };
    const { indexURL, packages, extraFiles, preimport } = config;
    worker.postMessage({ type: "init", indexURL, packages, extraFiles, preimport });
    return ready;
  }

  function kill() {
    clearTimeout(loadTimer);
    worker?.terminate();
    worker = null;
    ready = null;
  }

  function finish(result) {
    if (!current) return;
    const { resolve, timer } = current;
    clearTimeout(timer);
    current = null;
    resolve({ error: null, observations: {}, value: null, ms: null, ...result, versions });
  }

  // One request to the worker at a time: a run, or a call.
  function send(message, { onOutput, timeoutMs } = {}) {
    if (current) return Promise.reject(new Error("a run is already in progress"));
    const id = nextId++;
    const promise = new Promise((resolve) => {
      current = { id, resolve, onOutput, timer: null, timeoutMs: timeoutMs ?? config.timeoutMs };
    });
    start();
    worker.postMessage({ ...message, id, maxOutputLines: config.maxOutputLines });
    return promise;
  }

  return {
    /** Start loading the runtime without running anything; resolves to {versions, timings}. */
    prepare: start,
    /** Run Python source in fresh globals. One run at a time. */
    run(source, { onOutput, observers = [], filename = "example.py", timeoutMs } = {}) {
      return send({ type: "run", source, filename, observers }, { onOutput, timeoutMs });
    },
    /** Call module.fn(**args) in the worker; its JSON-serialisable result is `value`. */
    call(module, fn, args = {}, { onOutput, timeoutMs } = {}) {
      return send({ type: "call", module, fn, args: JSON.stringify(args) },
                  { onOutput, timeoutMs });
    },
    /** Stop the current run (if any) by terminating the worker. */
    stop() {
      if (!current) return;
      kill();
      finish({ status: "stopped" });
    },
    /** {python, sqlite, pyodide, packages} once a runtime has loaded, else null. */
    get versions() {
      return versions;
    },
    get busy() {
      return current !== null;
    },
    dispose() {
      this.stop();
      kill();
    },
  };
}
