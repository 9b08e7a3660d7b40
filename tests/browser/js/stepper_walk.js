// Walks every step-through view of the page with its own controls: opens it, checks that it
// shows its declared first step, moves with Next and Previous, with the arrow keys, Home and
// End (keydown events sent to the panel), to the last and first step with their buttons, and
// closes it again. `expected`: the labels of the page's language (i18n/<lang>.yml);
// `alreadyOpened`: the listing whose view the test opened already (visits.py, interact), which
// is not expected to be at its first step or closed when the walk begins. Returns,
// for each view, what went wrong; every view is left open or closed as it was found.
(expected, alreadyOpened) => {
  const fill = (template, values) =>
    template.replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));
  const results = [];
  const withStepper = new Set();
  for (const root of document.querySelectorAll(".sg-stepper")) {
    const id = root.dataset.listing;
    withStepper.add(id);
    const problems = [];
    const result = { listing: id, problems, steps: 0, start: 0, declaredOpen: false };
    results.push(result);
    const listing = document.getElementById(id);
    let data;
    try {
      data = JSON.parse(root.querySelector('script[type="application/json"]').textContent);
    } catch (error) {
      problems.push(`its step data (<script type="application/json">) does not parse: ${error}`);
      continue;
    }
    const steps = data.steps || [];
    result.steps = steps.length;
    result.start = data.start || 0;
    result.declaredOpen = root.hasAttribute("data-open");
    if (!listing) {
      problems.push(`data-listing="${id}" names no element of the page`);
      continue;
    }
    if (!steps.length) {
      problems.push("its step data holds no step");
      continue;
    }
    const toggle = root.querySelector(":scope > button.sg-step-toggle");
    const panel = root.querySelector(":scope > .sg-step-panel");
    if (!toggle || !panel) {
      problems.push("no toggle button (button.sg-step-toggle) or no panel: stepper.js did not " +
                    "set it up (see the console errors)");
      continue;
    }
    const buttons = [...panel.querySelectorAll("button.sg-step-button")];
    const [first, previous, next, last] = buttons;
    const slider = panel.querySelector("input.sg-step-slider");
    const status = panel.querySelector("p.sg-step-status");
    if (buttons.length !== 4 || !slider || !status) {
      problems.push(`the panel has ${buttons.length} step buttons (4 expected), ` +
                    `${slider ? "a" : "no"} slider and ${status ? "a" : "no"} status line`);
      continue;
    }
    // the words, in the page's language
    if (toggle.textContent.trim() !== expected.step_through) {
      problems.push(`the toggle says "${toggle.textContent.trim()}", not ` +
                    `"${expected.step_through}"`);
    }
    const labels = buttons.map((b) => b.getAttribute("aria-label"));
    const wanted = [expected.step_first, expected.step_previous, expected.step_next,
                    expected.step_last];
    if (labels.join("|") !== wanted.join("|")) {
      problems.push(`the buttons are labelled ${JSON.stringify(labels)}, not ` +
                    JSON.stringify(wanted));
    }
    if (toggle.getAttribute("aria-controls") !== panel.id) {
      problems.push("the toggle's aria-controls does not name the panel");
    }
    if (status.getAttribute("aria-live") !== "polite") {
      problems.push("the status line is not aria-live=polite");
    }
    const wasOpen = !panel.hidden;
    const openedByTest = id === alreadyOpened;
    if (!openedByTest && wasOpen !== result.declaredOpen) {
      problems.push(result.declaredOpen ? "declared data-open, but closed when the page loaded"
                                        : "open before anything was clicked");
    }
    const check = (index, how) => {
      const step = steps[index];
      const text = `${fill(expected.step_of, { n: index + 1, total: steps.length })}` +
        ` · ${expected.line} ${step.line}`;
      const said = status.textContent;
      const bad = [];
      if (said !== text) bad.push(`the status says "${said}", not "${text}"`);
      const line = document.getElementById(`${id}-L${step.line}`);
      const current = [...listing.querySelectorAll(".sg-current")];
      if (!line) {
        bad.push(`its line ${step.line} (#${id}-L${step.line}) is not in the listing`);
      } else if (!line.classList.contains("sg-current")) {
        bad.push(`line ${step.line} is not highlighted (sg-current); highlighted: ` +
                 JSON.stringify(current.map((el) => el.id || `output ${el.dataset.line}`)));
      } else if (line.querySelector(".sg-ln")?.textContent !== String(step.line)) {
        bad.push(`the highlighted line is numbered ` +
                 `${line.querySelector(".sg-ln")?.textContent}, not ${step.line}`);
      }
      const strays = current.filter((el) => el !== line &&
        !(el.matches(".sg-output") && el.dataset.line === String(step.out)));
      if (strays.length && line?.classList.contains("sg-current")) {
        bad.push("also highlighted: " +
                 JSON.stringify(strays.map((el) => el.id || `output ${el.dataset.line}`)));
      }
      if (slider.value !== String(index + 1)) {
        bad.push(`the slider is at ${slider.value}, not ${index + 1}`);
      }
      const atStart = index === 0;
      const atEnd = index === steps.length - 1;
      if (first.disabled !== atStart || previous.disabled !== atStart) {
        bad.push(`First/Previous are ${first.disabled ? "" : "not "}disabled at step ${index + 1}`);
      }
      if (next.disabled !== atEnd || last.disabled !== atEnd) {
        bad.push(`Next/Last are ${next.disabled ? "" : "not "}disabled at step ${index + 1}` +
                 ` of ${steps.length}`);
      }
      if (step.objects && panel.querySelectorAll(".sg-places > .sg-place").length !== 3) {
        bad.push(`the three places are not shown (found ` +
                 `${panel.querySelectorAll(".sg-places > .sg-place").length} .sg-place)`);
      }
      if (bad.length) problems.push(`${how}, step ${index + 1}: ${bad.join("; ")}`);
    };
    const key = (name) => {
      const event = new KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true });
      next.dispatchEvent(event);  // from a control inside the panel, as a focused one sends it
      if (!event.defaultPrevented) problems.push(`the ${name} key was not handled`);
    };
    if (!wasOpen) toggle.click();
    if (panel.hidden) {
      problems.push("clicking the toggle did not open the panel");
      continue;
    }
    if (listing.checkVisibility() && !panel.checkVisibility({ visibilityProperty: true })) {
      problems.push("open, the panel is still not shown (display or visibility)");
    }
    if (toggle.getAttribute("aria-expanded") !== "true") {
      problems.push("the open toggle is not aria-expanded=true");
    }
    const start = result.start;
    if (openedByTest) {  // where the test left it is its own business: back to the start
      first.click();
      for (let i = 0; i < start; i += 1) next.click();
      check(start, `after First and ${start} x Next`);
    } else {
      check(start, "opened");
    }
    const end = steps.length - 1;
    if (steps.length > 1) {
      const after = Math.min(start + 1, end);
      const before = start === end ? start - 1 : start;
      if (start < end) {
        next.click(); check(after, "after Next");
        previous.click(); check(start, "after Previous");
        key("ArrowRight"); check(after, "after ArrowRight");
        key("ArrowLeft"); check(start, "after ArrowLeft");
      } else {
        previous.click(); check(before, "after Previous");
        next.click(); check(start, "after Next");
      }
    }
    key("End"); check(end, "after End");
    key("Home"); check(0, "after Home");
    last.click(); check(end, "after Last");
    first.click(); check(0, "after First");
    toggle.click();
    if (!panel.hidden || toggle.getAttribute("aria-expanded") !== "false") {
      problems.push("clicking the toggle again did not close the panel");
    }
    if (listing.querySelector(".sg-current")) {
      problems.push("closed, the listing still highlights a line");
    }
    if (wasOpen) toggle.click();  // open again, as the page opened it
  }
  const without = [...document.querySelectorAll(".md-content figure.sg-listing")]
    .filter((figure) => !withStepper.has(figure.id)).map((figure) => figure.id);
  return { results, without };
}
