// Starts axe-core (already loaded in the page) and returns at once: axe.run() works for
// seconds. When it is done, window.__axeResult holds the violations (or the error).
//
// Colours in transition (a hover, a tab just selected) are measured once they settle. Then two
// runs (each run reads the whole document first, so there are no more):
// Called with {options, structure}:
// - every rule but the two below (axe's `options`), on `structure`: a CSS selector of the parts to check (each
//   shown element matching it), or null for the whole document; "" skips this run;
// - the rules that compare colours, color-contrast and link-in-text-block, on one element of
//   each group of shown elements that look the same: the same tags and classes from <body>
//   down to the element, the same colour, font size, weight and opacity (and, for a link, its
//   decoration and the colour of the text around it). They pass or fail alike, and a page of
//   highlighted code has thousands of them (checking each one takes 10 s on the longest page,
//   against 0.3 s for one of each). A violation names the group's first element and how many
//   others look the same.
({ options, structure }) => {
  window.__axeResult = null;
  const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
  const shown = (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      parts.push(e.tagName + "." + [...e.classList].sort().join("."));
    }
    return parts.join("<");
  };
  const look = (el) => {
    const cs = getComputedStyle(el);
    return [path(el), cs.color, cs.fontSize, cs.fontWeight, cs.opacity];
  };
  // element -> how many elements look like it (itself included), one element per group
  const groups = (elements, key) => {
    const found = new Map();
    for (const el of elements) {
      if (!shown(el)) continue;
      const k = key(el).join("|");
      const group = found.get(k);
      if (group) group.count += 1;
      else found.set(k, { element: el, count: 1 });
    }
    return new Map([...found.values()].map((g) => [g.element, g.count]));
  };
  const hasText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  const texts = () => groups([...document.body.querySelectorAll("*")].filter(hasText), look);
  const links = () => groups(document.body.querySelectorAll("a[href], [role=link]"), (el) => {
    const cs = getComputedStyle(el);
    const around = el.parentElement ? getComputedStyle(el.parentElement).color : "";
    return [...look(el), cs.textDecorationLine, cs.borderBottomStyle, around];
  });
  const report = (violations, members) => violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.join(" "), summary: n.failureSummary,
      alike: ((n.element && members[v.id] && members[v.id].get(n.element)) || 1) - 1,
    })),
  }));
  setTimeout(async () => {
    try {
      await Promise.race([
        Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))),
        new Promise((resolve) => setTimeout(resolve, 1000)),
      ]);
      const members = { "color-contrast": texts(), "link-in-text-block": links() };
      const off = Object.fromEntries(COLOUR_RULES.map((id) => [id, { enabled: false }]));
      const others = { ...options, rules: { ...(options.rules || {}), ...off } };
      let first = { violations: [] };
      const parts = structure === null ? [document]
        : structure === "" ? [] : [...document.querySelectorAll(structure)].filter(shown);
      if (parts.length) {
        first = await axe.run(structure === null ? document : { include: parts }, others);
      }
      const representatives = new Set(COLOUR_RULES.flatMap((id) => [...members[id].keys()]));
      // A context element brings in its descendants: leave out its children (each with what
      // is inside it) unless they are checked themselves.
      const inside = [...representatives].flatMap((el) => [...el.children])
        .filter((child) => !representatives.has(child));
      const second = await axe.run({ include: [...representatives], exclude: inside }, {
        runOnly: { type: "rule", values: COLOUR_RULES }, resultTypes: ["violations"],
        elementRef: true,
      });
      window.__axeResult = {
        violations: report([...first.violations, ...second.violations], members),
        checked: representatives.size,
        structure: parts.length,
      };
    } catch (error) {
      window.__axeResult = { error: String(error) };
    }
  }, 0);
}
