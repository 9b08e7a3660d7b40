// Starts axe-core (already loaded in the page) and returns at once: axe.run() works for
// seconds. When it is done, window.__axeResult holds the violations (or the error).
//
// Colours in transition (a hover, a tab just selected) are measured once they settle. Then two
// runs: every rule but color-contrast on the whole document; and color-contrast on one element
// of each group of shown text elements that look the same: the same tags and classes from
// <body> down to the element, the same colour, font size, weight and opacity. Their contrast
// is the same, and a page of highlighted code has thousands of them (checking each one takes
// 10 s on the longest page, against 0.3 s for one of each). A violation names the group's
// first element and how many others look the same.
(options) => {
  window.__axeResult = null;
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      parts.push(e.tagName + "." + [...e.classList].sort().join("."));
    }
    return parts.join("<");
  };
  const groupTexts = () => {
    const groups = new Map();
    for (const el of document.body.querySelectorAll("*")) {
      const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!text || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
        continue;
      }
      const cs = getComputedStyle(el);
      const key = [path(el), cs.color, cs.fontSize, cs.fontWeight, cs.opacity].join("|");
      const group = groups.get(key);
      if (group) group.count += 1;
      else groups.set(key, { element: el, count: 1 });
    }
    return new Map([...groups.values()].map((g) => [g.element, g.count]));
  };
  const report = (violations, members) => violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.join(" "), summary: n.failureSummary,
      alike: ((n.element && members.get(n.element)) || 1) - 1,
    })),
  }));
  setTimeout(async () => {
    try {
      await Promise.race([
        Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))),
        new Promise((resolve) => setTimeout(resolve, 1000)),
      ]);
      const members = groupTexts();
      const others = { ...options, rules: { ...(options.rules || {}),
                                            "color-contrast": { enabled: false } } };
      const first = await axe.run(document, others);
      const second = await axe.run({ include: [...members.keys()] }, {
        runOnly: { type: "rule", values: ["color-contrast"] }, resultTypes: ["violations"],
        elementRef: true,
      });
      window.__axeResult = {
        violations: report([...first.violations, ...second.violations], members),
        checked: members.size,
        texts: [...members.values()].reduce((a, b) => a + b, 0),
      };
    } catch (error) {
      window.__axeResult = { error: String(error) };
    }
  }, 0);
}
