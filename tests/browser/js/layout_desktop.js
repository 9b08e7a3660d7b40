// At the desktop width: nothing inside .md-content overflows sideways. An element overflows
// when it scrolls or clips its content sideways (overflow-x auto, scroll or hidden, and a
// scrollWidth over its clientWidth), or when its content box reaches past its article's left
// or right edge. Only the outermost element of a problem is reported. Also counts the parts measured,
// so that a page whose listings, tables or panel were not there is noticed.
() => {
  const article = document.querySelector(".md-content article") ??
    document.querySelector(".md-content");
  const box = article.getBoundingClientRect();
  const problems = [];
  const reported = [];
  const measured = { listings: 0, outputs: 0, tables: 0, figures: 0, panels: 0 };
  const count = (el) => {
    if (el.matches("figure.sg-listing")) measured.listings += 1;
    else if (el.matches(".sg-output")) measured.outputs += 1;
    else if (el.matches(".sg-state > table")) measured.tables += 1;
    else if (el.matches("figure.sg-diagram, figure.sg-timeline")) measured.figures += 1;
    else if (el.matches(".sg-step-panel")) measured.panels += 1;
  };
  for (const el of article.querySelectorAll("*")) {
    if (!el.checkVisibility()) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    count(el);
    if (reported.some((outer) => outer.contains(el))) continue;
    const cs = getComputedStyle(el);
    let why = null;
    if (["auto", "scroll", "hidden"].includes(cs.overflowX) &&
        el.scrollWidth > el.clientWidth + 1) {
      why = `its content is ${el.scrollWidth} px wide, its box ${el.clientWidth} px ` +
        `(overflow-x: ${cs.overflowX}): it ${cs.overflowX === "hidden" ? "cuts it off" : "scrolls sideways"}`;
    } else {
      // Its content box, and without a negative margin: what the theme lets bleed into the
      // article's margin on purpose (Material's table wrapper, margin: 0 -0.8rem, so that a
      // wide table scrolls up to the page's edge; the padding of inline code that wraps at
      // the end of a line) is not content.
      const left = r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) -
        Math.min(0, parseFloat(cs.marginLeft) || 0);
      const right = r.right - parseFloat(cs.borderRightWidth) - parseFloat(cs.paddingRight) +
        Math.min(0, parseFloat(cs.marginRight) || 0);
      if (left < box.left - 1 || right > box.right + 1) {
        why = `its content spans ${px(left)}..${px(right)} px (${px(right - left)} px ` +
          `wide), outside its article, ${px(box.left)}..${px(box.right)} px ` +
          `(${px(box.width)} px wide)`;
      }
    }
    if (why) {
      reported.push(el);
      problems.push({ ...describe(el), why,
                      widths: { element: px(r.width), scrollWidth: el.scrollWidth,
                                clientWidth: el.clientWidth, article: px(box.width) } });
    }
  }
  return { viewport: [innerWidth, innerHeight], article: px(box.width), problems, measured };
}
