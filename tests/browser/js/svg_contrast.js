// Contrast of the diagrams' own drawing, which axe-core does not check in SVG: text against
// what is painted behind it (4.5:1), lines and box outlines against the page (3:1, WCAG
// 1.4.11). Returns one sentence per problem.
() => {
  const parse = (value) => {
    const m = /rgba?\(([^)]*)\)/.exec(value || "");
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (fg, bg) => [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat(1);
  const lum = (c) => {
    const f = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const paint = (el, prop) => {
    const cs = getComputedStyle(el);
    const c = parse(cs[prop]);
    if (!c) return null;
    const own = Number(cs[prop === "fill" ? "fillOpacity" : "strokeOpacity"]);
    return [c[0], c[1], c[2], c[3] * own * Number(cs.opacity)];
  };
  const pageBackground = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] >= 1) break;
      }
    }
    return layers.reverse().reduce((bg, c) => over(c, bg), [255, 255, 255, 1]);
  };
  const hex = (c) => "#" + c.slice(0, 3)
    .map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
  const problems = [];
  for (const svg of document.querySelectorAll("figure.sg-diagram svg")) {
    const name = svg.querySelector("title")?.textContent ?? "diagram";
    const page = pageBackground(svg);
    const rects = [...svg.querySelectorAll("rect")];
    for (const text of svg.querySelectorAll("text")) {
      if (!text.textContent.trim()) continue;
      const b = text.getBBox();
      const [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
      let bg = page;
      for (const rect of rects) {
        if (!(rect.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
        const r = rect.getBBox();
        const fill = paint(rect, "fill");
        if (fill && x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height) {
          bg = over(fill, bg);
        }
      }
      const fg = over(paint(text, "fill"), bg);
      const cr = ratio(fg, bg);
      if (cr < 4.5) {
        problems.push(`${name}: text "${text.textContent.trim()}" ` +
                      `(.${text.getAttribute("class")}) ${hex(fg)} on ${hex(bg)} ` +
                      `is ${cr.toFixed(2)}:1, under 4.5:1`);
      }
    }
    const lines = [[".sg-edge", "stroke"], [".sg-box", "stroke"], [".sg-arrowhead", "fill"]];
    for (const [selector, prop] of lines) {
      for (const el of svg.querySelectorAll(selector)) {
        const fg = over(paint(el, prop), page);
        const cr = ratio(fg, page);
        if (cr < 3) {
          problems.push(`${name}: ${selector} ${prop} ${hex(fg)} on ${hex(page)} ` +
                        `is ${cr.toFixed(2)}:1, under 3:1`);
          break;
        }
      }
    }
  }
  return problems;
}
