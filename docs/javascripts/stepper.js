// The step-through view of each example, from the data the build wrote beside its listing
// (sessionguide/blocks/stepper.py): one statement at a time, the current line highlighted in
// the listing, and after it the three places data lives. No framework, nothing fetched; every
// text comes from the page's data and is set as text, never as HTML.
//
// A view can also be made from data a script computed (a reader's run in the browser,
// run-in-page.js): sessionguideStepper.setUp(root, data), with root a div.sg-stepper whose
// data-listing names a listing already in the page, and data as stepper.py writes it.
(() => {
  "use strict";

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const fill = (template, values) =>
    template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? values[key] : match));

  // A titled list of lines; `empty` when there is none.
  const section = (title, items, empty) => {
    const box = element("section", "sg-place");
    box.append(element("h4", "", title));
    if (!items.length) {
      box.append(element("p", "sg-none", empty));
      return box;
    }
    const list = element("ul");
    for (const [main, detail] of items) {
      const item = element("li");
      item.append(element("code", "", main));
      if (detail) item.append(element("span", "sg-detail", detail));
      list.append(item);
    }
    box.append(list);
    return box;
  };

  const rows = (title, text) => {
    const box = element("div", "sg-rows");
    box.append(element("span", "sg-rows-title", title));
    box.append(element("samp", "", text));
    return box;
  };

  function setUp(root, given) {
    const data = given ||
      JSON.parse(root.querySelector('script[type="application/json"]').textContent);
    const listing = document.getElementById(root.dataset.listing);
    const { steps, labels } = data;
    if (!listing || !steps.length) return;
    // The controls and the three places go above the listing, which then shows a window of
    // lines around the current one: the reader sees both without scrolling the page.
    listing.before(root);
    const code = listing.querySelector("pre");

    const toggle = element("button", "md-button sg-step-toggle", labels.step_through);
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", "false");
    const panel = element("div", "sg-step-panel");
    panel.id = `${listing.id}-steps`;
    panel.hidden = true;
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", labels.step_through);
    toggle.setAttribute("aria-controls", panel.id);

    const controls = element("div", "sg-step-controls");
    const buttons = {};
    for (const [key, symbol] of [["step_first", "«"], ["step_previous", "‹"],
                                 ["step_next", "›"], ["step_last", "»"]]) {
      const button = element("button", "sg-step-button", symbol);
      button.type = "button";
      button.setAttribute("aria-label", labels[key]);
      button.title = labels[key];
      buttons[key] = button;
    }
    const slider = element("input", "sg-step-slider");
    Object.assign(slider, { type: "range", min: "1", max: String(steps.length), step: "1" });
    slider.setAttribute("aria-label", labels.step_through);
    const status = element("p", "sg-step-status");
    status.setAttribute("aria-live", "polite");
    controls.append(buttons.step_first, buttons.step_previous, slider, buttons.step_next,
                    buttons.step_last);
    const keys = element("p", "sg-step-keys", labels.step_keys);
    const body = element("div", "sg-step-body");
    panel.append(controls, status, keys, body);
    root.append(toggle, panel);

    let current = -1; // until opened; then the step shown, from data.start
    let marked = [];

    function mark(step) {
      for (const node of marked) node.classList.remove("sg-current");
      marked = [document.getElementById(`${listing.id}-L${step.line}`)].filter(Boolean);
      const output = listing.querySelector(`.sg-output[data-line="${step.out}"]`);
      if (output) marked.push(output);
      for (const node of marked) node.classList.add("sg-current");
      if (marked[0] && code) {
        // Scroll the listing's window, never the page, to the current line.
        const line = marked[0].getBoundingClientRect();
        const box = code.getBoundingClientRect();
        code.scrollTop += line.top - box.top - box.height / 3;
      }
    }

    function render(step) {
      body.replaceChildren();
      const happened = element("div", "sg-step-events");
      const sql = step.events.filter(([kind]) => kind === "sql").map(([, text]) => text);
      const printed = step.events.filter(([kind]) => kind !== "sql").map(([, text]) => text);
      happened.append(rows(labels.sql, sql.join("\n") || labels.nothing));
      if (printed.length) happened.append(rows(labels.printed, printed.join("\n")));
      body.append(happened);
      if (!step.objects) return; // past the number of steps whose places were recorded
      const places = element("div", "sg-places");
      places.append(section(labels.in_python, step.objects.map(([name, text, state]) =>
        [`${name} = ${text}`, state]), labels.no_objects));
      const sessions = element("section", "sg-place");
      sessions.append(element("h4", "", labels.in_session));
      if (!step.sessions.length) sessions.append(element("p", "sg-none", labels.no_sessions));
      const database = element("section", "sg-place");
      database.append(element("h4", "", labels.in_database));
      for (const [name, transaction, seen, members] of step.sessions) {
        sessions.append(section(`${name}: ${transaction}`, members.map(([text, state, named]) =>
          [named ? `${named} = ${text}` : text, state]), labels.nothing));
        database.append(rows(`${labels.this_transaction} (${name})`, seen));
      }
      database.append(rows(labels.other_connection, step.other));
      places.append(sessions, database);
      body.append(places);
    }

    function go(index) {
      const next = Math.max(0, Math.min(steps.length - 1, index));
      if (next === current) return;
      current = next;
      const step = steps[current];
      slider.value = String(current + 1);
      status.textContent = `${fill(labels.step_of, { n: current + 1, total: steps.length })}` +
        ` · ${labels.line} ${step.line}`;
      // A focused button that becomes disabled loses the focus to <body>, and the keys (handled
      // on the panel) with it; Chromium 150 does so at once, so note the focused element first.
      const focused = panel.contains(document.activeElement) ? document.activeElement : null;
      buttons.step_first.disabled = buttons.step_previous.disabled = current === 0;
      buttons.step_next.disabled = buttons.step_last.disabled = current === steps.length - 1;
      if (focused?.disabled) slider.focus({ preventScroll: true });
      mark(step);
      render(step);
    }

    function open(state) {
      panel.hidden = !state;
      toggle.setAttribute("aria-expanded", String(state));
      listing.classList.toggle("sg-stepping", state);
      // The window scrolls: it must take keyboard focus (WCAG 2.1.1).
      if (code) code.tabIndex = state ? 0 : -1;
      if (state) {
        const resume = current >= 0 ? current : data.start || 0;
        current = -1; // draw it again: the highlight was removed on closing
        go(resume);
      } else {
        for (const node of marked) node.classList.remove("sg-current");
      }
    }

    toggle.addEventListener("click", () => open(panel.hidden));
    buttons.step_first.addEventListener("click", () => go(0));
    buttons.step_previous.addEventListener("click", () => go(current - 1));
    buttons.step_next.addEventListener("click", () => go(current + 1));
    buttons.step_last.addEventListener("click", () => go(steps.length - 1));
    slider.addEventListener("input", () => go(Number(slider.value) - 1));
    panel.addEventListener("keydown", (event) => {
      if (event.target === slider) return; // the slider has its own arrow keys
      const moves = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0,
                      End: steps.length - 1 };
      if (event.key in moves) {
        event.preventDefault();
        go(moves[event.key]);
      }
    });
    if (root.hasAttribute("data-open")) open(true);
  }

  window.sessionguideStepper = { setUp };
  for (const root of document.querySelectorAll(".sg-stepper")) setUp(root);
})();
