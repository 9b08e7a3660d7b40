// At a phone's width: the page itself never scrolls sideways (what is wider than the screen
// scrolls inside a box of its own that fits it), state tables are shown as cards (the header
// row visually hidden, every cell labelled with its column), every SVG text is drawn at
// 12 CSS px or more, and the timeline fits the screen.
() => {
  const width = innerWidth;
  const fits = (el) => {
    const r = el.getBoundingClientRect();
    return r.left >= -1 && r.right <= width + 1;
  };
  const scrollsInABoxThatFits = (el) => {
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(e).overflowX) && fits(e)) return true;
    }
    return false;
  };
  const scrollWidth = document.documentElement.scrollWidth;
  // What reaches past the screen's edge (outermost first), when the page scrolls sideways,
  // and in any case among the generated parts.
  const wide = [];
  const candidates = scrollWidth > width
    ? document.body.querySelectorAll("*")
    : document.querySelectorAll(".md-content .sg-state, .md-content figure, " +
                                ".md-content .sg-step-panel, .md-content .sg-output, " +
                                ".md-content table, .md-content pre");
  for (const el of candidates) {
    if (wide.some((w) => w.contains(el))) continue;
    if (!el.checkVisibility() || fits(el) || scrollsInABoxThatFits(el)) continue;
    const r = el.getBoundingClientRect();
    // (a drawer kept off the screen's left edge, as Material's navigation is, scrolls nothing)
    if (r.width === 0 || r.right <= 1) continue;
    wide.push(el);
  }
  const tooWide = wide.slice(0, 10).map((el) => {
    const r = el.getBoundingClientRect();
    return { ...describe(el), why: `it spans ${px(r.left)}..${px(r.right)} px ` +
             `(${px(r.width)} px wide) on a ${width} px screen` };
  });
  // state tables as cards
  const cards = [];
  let tables = 0;
  for (const table of document.querySelectorAll(".md-content .sg-state > table.sg-table")) {
    if (!table.checkVisibility()) continue;
    tables += 1;
    const bad = [];
    const thead = table.tHead;
    if (thead) {
      const r = thead.getBoundingClientRect();
      if (r.width > 1 || r.height > 1) {
        bad.push(`its header row is shown (${px(r.width)} x ${px(r.height)} px), ` +
                 "not visually hidden");
      }
    }
    if (getComputedStyle(table).display !== "block") {
      bad.push(`the table is display: ${getComputedStyle(table).display}, not block`);
    }
    const unlabelled = [];
    for (const td of table.querySelectorAll("tbody td")) {
      const label = td.getAttribute("data-label") || "";
      const before = getComputedStyle(td, "::before").content;
      if (getComputedStyle(td).display !== "block" || !label || before !== JSON.stringify(label)) {
        unlabelled.push(`${label || "(no data-label)"}: display ${getComputedStyle(td).display}, ` +
                        `label shown ${before}`);
      }
    }
    if (unlabelled.length) {
      bad.push(`${unlabelled.length} cell(s) do not show their label: ` +
               unlabelled.slice(0, 3).join("; "));
    }
    if (!fits(table)) {
      const r = table.getBoundingClientRect();
      bad.push(`it spans ${px(r.left)}..${px(r.right)} px on a ${width} px screen`);
    }
    if (bad.length) cards.push({ ...describe(table), why: bad.join("; ") });
  }
  // SVG text size: font size times the scale the SVG is drawn at
  const small = [];
  let texts = 0;
  for (const text of document.querySelectorAll(".md-content svg text")) {
    if (!text.textContent.trim() || !text.checkVisibility()) continue;
    texts += 1;
    const size = parseFloat(getComputedStyle(text).fontSize);
    const m = text.getScreenCTM();
    const scale = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
    if (size * scale < 12 - 0.05) {
      small.push({ text: text.textContent.trim(), cls: text.getAttribute("class") || "",
                   size: px(size), scale: Math.round(scale * 1000) / 1000,
                   rendered: px(size * scale),
                   svg: text.ownerSVGElement?.querySelector("title")?.textContent ?? "" });
    }
  }
  // the timeline
  const timelines = [];
  for (const figure of document.querySelectorAll(".md-content figure.sg-timeline")) {
    if (!figure.checkVisibility()) continue;
    const r = figure.getBoundingClientRect();
    const bad = [];
    if (!fits(figure)) bad.push(`it spans ${px(r.left)}..${px(r.right)} px`);
    if (figure.scrollWidth > figure.clientWidth + 1) {
      bad.push(`its content is ${figure.scrollWidth} px wide in ${figure.clientWidth} px`);
    }
    for (const item of figure.querySelectorAll("li")) {
      const ir = item.getBoundingClientRect();
      if (ir.left < r.left - 1 || ir.right > r.right + 1 ||
          item.scrollWidth > item.clientWidth + 1) {
        bad.push(`step "${(item.querySelector("code")?.textContent ?? item.textContent)
          .trim().slice(0, 30)}" spans ${px(ir.left)}..${px(ir.right)} px, content ` +
                 `${item.scrollWidth} px in ${item.clientWidth} px`);
      }
    }
    timelines.push({ ...describe(figure), width: px(r.width), problems: bad });
  }
  return { width, scrollWidth, tooWide, tables, cards, texts, small, timelines };
}
