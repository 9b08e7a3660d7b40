// Run, edit and reset the examples that run in the browser, and show the reader's run the way
// the build shows its own: the program with, under each line, what it printed and the SQL it
// logged, and the step-through view (stepper.js), all computed by the build's own observer
// (sessionguide.blocks.in_browser.run) in a Web Worker (run-example.js).
//
// The build marks each example: its listing has data-run (the example) and data-run-built (the
// versions the build ran it with), and a div.sg-run after it is where the controls go; an
// example that cannot run says why instead (p.sg-run-unavailable, no script needed). The page's
// settings and words are in #sg-run-config (sessionguide/build/browser_runtime.py).
//
// Nothing of the runtime is fetched before the first Run: until then this script only adds the
// controls. The build's own output stays as it is; the reader's run goes in its own area.
// Every text comes from the page's settings and is set as text, never as HTML.

const settings = document.getElementById("sg-run-config");
const config = settings ? JSON.parse(settings.textContent) : null;
const labels = config?.labels ?? {};
const KINDS = { sql: "sg-sql", out: "sg-out", err: "sg-err", exit: "sg-exit" };
const examples = []; // every example's controls, to let one run at a time
let runner = null; // Promise of the page's runner, made on the first Run
let loaded = false; // whether Python has started in this page once
let running = null; // the example running now

const element = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const button = (className, text) => {
  const node = element("button", `md-button ${className}`, text);
  node.type = "button";
  return node;
};

function getRunner() {
  runner ??= import(new URL("run-example.js", import.meta.url).href).then(({ createRunner }) =>
    createRunner({
      indexURL: new URL(config.runtime, document.baseURI).href,
      extraFiles: config.modules,
      preimport: [config.entry],
      timeoutMs: config.timeout * 1000,
    }),
  );
  return runner;
}

// A run's output under one line, as sessionguide/blocks/listing.py writes the build's: one
// span per group of events of the same kind, their texts one per line.
function outputUnder(events, number) {
  const box = element("span", "sg-output");
  box.dataset.line = String(number);
  const groups = [];
  for (const [kind, text] of events) {
    const last = groups[groups.length - 1];
    if (last && last[0] === kind) last[1].push(text);
    else groups.push([kind, [text]]);
  }
  for (const [kind, texts] of groups) box.append(element("span", KINDS[kind], texts.join("\n")));
  return box;
}

function setUp(container) {
  const listing = document.getElementById(container.dataset.listing);
  if (!listing || !listing.dataset.run) return;
  const original = listing.querySelector(".highlight")?.dataset.copy ?? "";
  const built = JSON.parse(listing.dataset.runBuilt || "{}");
  const id = listing.id;

  const bar = element("div", "sg-run-bar");
  const run = button("md-button--primary sg-run-button", labels.run);
  const stop = button("sg-run-stop", labels.run_stop);
  stop.hidden = true;
  const edit = button("sg-run-edit", labels.run_edit);
  edit.setAttribute("aria-expanded", "false");
  edit.setAttribute("aria-controls", `${id}-editor`);
  bar.append(run, stop, edit);
  const note = element("p", "sg-run-note", loaded ? labels.run_note_loaded : labels.run_note);

  const editor = element("div", "sg-run-editor");
  editor.id = `${id}-editor`;
  editor.hidden = true;
  const area = element("textarea", "sg-run-program");
  area.id = `${id}-program`;
  area.value = original;
  area.rows = Math.min(Math.max(original.split("\n").length, 4), 30);
  area.spellcheck = false;
  area.wrap = "off";
  for (const [name, value] of [["autocapitalize", "off"], ["autocomplete", "off"],
                               ["autocorrect", "off"], ["translate", "no"]]) {
    area.setAttribute(name, value);
  }
  const caption = element("label", "sg-run-editor-label", labels.run_editor);
  caption.htmlFor = area.id;
  const reset = button("sg-run-reset", labels.run_reset);
  reset.disabled = true;
  editor.append(caption, area, reset);

  const status = element("p", "sg-run-status");
  status.setAttribute("role", "status");
  const result = element("section", "sg-run-result");
  result.hidden = true;
  container.append(bar, note, editor, status, result);
  container.dataset.state = "idle";
  container.dataset.runs = "0";

  const example = { run, note, container };
  examples.push(example);

  edit.addEventListener("click", () => {
    editor.hidden = !editor.hidden;
    edit.setAttribute("aria-expanded", String(!editor.hidden));
    if (!editor.hidden) area.focus();
  });
  area.addEventListener("input", () => {
    reset.disabled = area.value === original;
  });
  reset.addEventListener("click", () => {
    area.value = original;
    reset.disabled = true;
    area.focus();
  });

  function say(text, problem = false, detail = "") {
    status.replaceChildren(text);
    status.classList.toggle("sg-run-problem", problem);
    if (detail) {
      status.append(" ");
      status.append(element("code", "", detail));
    }
  }

  function busy(state) {
    running = state ? example : null;
    // Read before disabling: Chromium 150 moves the focus off a button as it is disabled.
    const focused = document.activeElement;
    for (const other of examples) other.run.disabled = state;
    run.hidden = state;
    stop.hidden = !state;
    if (state && focused === run) stop.focus();
    if (!state && focused === stop) run.focus();
    container.dataset.state = state ? "running" : "idle";
  }

  function show(value) {
    const yours = `${id}-yours`;
    const heading = element("p", "sg-run-heading", value.heading);
    heading.id = `${yours}-title`;
    result.setAttribute("aria-labelledby", heading.id);
    const figure = element("figure", "sg-listing sg-run-listing");
    figure.id = yours;
    const code = element("code");
    value.lines.forEach((text, index) => {
      const number = index + 1;
      const line = element("span", "sg-line");
      line.id = `${yours}-L${number}`;
      const shown = element("span", "sg-ln", String(number));
      shown.setAttribute("aria-hidden", "true");
      line.append(shown, text);
      code.append(line);
      if (value.output[number]) code.append(outputUnder(value.output[number], number));
    });
    const pre = element("pre");
    pre.append(code);
    const highlight = element("div", "highlight");
    highlight.append(pre);
    figure.append(highlight, element("figcaption", "", value.caption));
    result.replaceChildren(heading, figure);
    result.hidden = false;
    if (value.steps.length && window.sessionguideStepper) {
      const root = element("div", "sg-stepper");
      root.dataset.listing = yours;
      window.sessionguideStepper.setUp(root, { steps: value.steps, start: 0, labels });
    }
  }

  async function start() {
    if (running) return;
    busy(true);
    say(loaded ? labels.run_running : labels.run_loading);
    let outcome;
    try {
      const started = await getRunner();
      started.prepare().then(() => {
        loaded = true;
        for (const other of examples) other.note.textContent = labels.run_note_loaded;
        if (running === example) say(labels.run_running);
      }, () => {});
      outcome = await started.call(config.entry, "run", {
        source: area.value,
        snippet: listing.dataset.run,
        lang: config.lang,
        words: config.words,
        built,
      });
    } catch (error) {
      outcome = { status: "failed", error: { message: String(error?.message || error) } };
    }
    busy(false);
    container.dataset.runs = String(Number(container.dataset.runs) + 1);
    const detail = outcome.error ? `${outcome.error.type || "Error"}: ${outcome.error.message}` : "";
    if (outcome.status === "ok") {
      show(outcome.value);
      say(labels.run_done);
    } else if (outcome.status === "stopped") {
      say(labels.run_stopped, true);
    } else if (outcome.status === "timeout") {
      say(labels.run_timeout, true);
    } else if (outcome.status === "failed") {
      say(labels.run_failed, true, detail);
    } else {
      say(labels.run_broken, true, detail);
    }
    container.dataset.outcome = outcome.status;
  }

  run.addEventListener("click", start);
  stop.addEventListener("click", async () => {
    if (running === example) (await getRunner()).stop();
  });
}

if (config) {
  for (const container of document.querySelectorAll(".sg-run[data-listing]")) setUp(container);
}
