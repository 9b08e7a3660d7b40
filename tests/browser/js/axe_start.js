// Starts axe-core (already loaded in the page) and returns at once: axe.run() works for
// seconds. When it is done, window.__axeResult holds the violations (or the error).
//
// Called with {options, structure}. Colours in transition (a hover, a tab just selected) are
// measured once they settle. Then two runs (each reads the whole document first, whatever
// its context: more runs would cost more):
// - every rule but the two that compare colours (axe's `options`), on `structure`: a CSS
//   selector of the parts to check (each shown element matching it), or null for the whole
//   document; "" skips this run;
// - the colour rules on the whole document: link-in-text-block on every link, and
//   color-contrast on one element of each group of shown text elements that look the same:
//   the same tags and classes from <body> down to the element, the same colour, font size,
//   weight, opacity and backdrop (background colours and images down to the first opaque
//   one). Their contrast is the same, and a page of highlighted code has thousands of them
//   (checking each one takes 10 s on the longest page, against about 1 s for one of each).
//   A violation names the group's first element and how many others look the same.
({ options, structure }) => {
  window.__axeResult = null;
  const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
  const CHECKED = "data-sg-axe-contrast"; // marks the elements color-contrast checks
  const shown = (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      parts.push(e.tagName + "." + [...e.classList].sort().join("."));
    }
    return parts.join("<");
  };
  const backdrops = new Map();
  const backdrop = (el) => {
    if (!el) return "";
    if (!backdrops.has(el)) {
      const cs = getComputedStyle(el);
      const image = cs.backgroundImage === "none" ? "" : cs.backgroundImage;
      const alpha = cs.backgroundColor.match(/rgba\(.*,\s*([\d.]+)\)$/);
      const opaque = !alpha || Number(alpha[1]) === 1;
      backdrops.set(el, [image, cs.backgroundColor, opaque ? "" : backdrop(el.parentElement)]
        .join("/"));
    }
    return backdrops.get(el);
  };
  // element -> how many shown text elements look like it (itself included), one per group
  const groups = () => {
    const found = new Map();
    for (const el of document.body.querySelectorAll("*")) {
      const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!text || !shown(el)) continue;
      const cs = getComputedStyle(el);
      const key = [path(el), cs.color, cs.fontSize, cs.fontWeight, cs.opacity, backdrop(el)]
        .join("|");
      const group = found.get(key);
      if (group) group.count += 1;
      else found.set(key, { element: el, count: 1 });
    }
    return new Map([...found.values()].map((g) => [g.element, g.count]));
  };
  const report = (violations, members) => violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.join(" "), summary: n.failureSummary,
      alike: (v.id === "color-contrast" && n.element && members.get(n.element) || 1) - 1,
    })),
  }));
  setTimeout(async () => {
    let members = new Map();
    try {
      await Promise.race([
        Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))),
        new Promise((resolve) => setTimeout(resolve, 1000)),
      ]);
      members = groups();
      const off = Object.fromEntries(COLOUR_RULES.map((id) => [id, { enabled: false }]));
      const others = { ...options, rules: { ...(options.rules || {}), ...off } };
      const parts = structure === null ? [document]
        : structure === "" ? [] : [...document.querySelectorAll(structure)].filter(shown);
      const first = parts.length
        ? await axe.run(structure === null ? document : { include: parts }, others)
        : { violations: [] };
      axe.configure({ rules: [{ id: "color-contrast", selector: `[${CHECKED}]` }] });
      for (const el of members.keys()) el.setAttribute(CHECKED, "");
      const second = await axe.run(document, {
        runOnly: { type: "rule", values: COLOUR_RULES }, resultTypes: ["violations"],
        elementRef: true,
      });
      window.__axeResult = {
        violations: report([...first.violations, ...second.violations], members),
      };
    } catch (error) {
      window.__axeResult = { error: String(error) };
    } finally {
      for (const el of members.keys()) el.removeAttribute(CHECKED);
    }
  }, 0);
}
