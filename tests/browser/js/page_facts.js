// What a page is and shows, read right after it loaded (before anything is clicked): its
// language, palette, links, where it is scrolled to, and its generated figures and tables.
() => {
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 &&
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const size = (el) => {
    const r = el.getBoundingClientRect();
    return [Math.round(r.width), Math.round(r.height)];
  };
  return {
    htmlLang: document.documentElement.getAttribute("lang"),
    scheme: document.body.getAttribute("data-md-color-scheme"),
    logo: document.querySelector("a.md-logo")?.href ?? null,
    edit: document.querySelector('a.md-content__button[rel="edit"]')?.href ?? null,
    alternates: Object.fromEntries(
      [...document.querySelectorAll(".md-select__link[hreflang]")]
        .map((a) => [a.getAttribute("hreflang"), a.href])),
    scroll: [window.scrollX, window.scrollY],
    hash: location.hash,
    diagrams: [...document.querySelectorAll(".md-content figure.sg-diagram svg")].map((svg) => {
      const box = svg.getBBox();
      return {
        name: svg.querySelector("title")?.textContent ?? "",
        size: size(svg), drawn: [Math.round(box.width), Math.round(box.height)],
        shown: shown(svg),
        texts: [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim()).length,
        shapes: svg.querySelectorAll("rect, path, line").length,
      };
    }),
    timelines: [...document.querySelectorAll(".md-content figure.sg-timeline")].map((fig) => ({
      size: size(fig), shown: shown(fig),
      steps: fig.querySelectorAll("ol > li").length,
      text: fig.innerText.trim().length,
    })),
    tables: [...document.querySelectorAll(".md-content .sg-state > table.sg-table")]
      .map((table) => ({
        size: size(table), shown: shown(table) || !!table.closest(".tabbed-block"),
        hiddenInTab: !shown(table) && !!table.closest(".tabbed-block"),
        headers: table.querySelectorAll("thead th").length,
        rows: table.tBodies[0]?.rows.length ?? 0,
        unlabelled: [...table.querySelectorAll("tbody td")]
          .filter((td) => !td.getAttribute("data-label")).length,
        text: table.textContent.trim().length,
      })),
    steppers: [...document.querySelectorAll(".sg-stepper")].map((root) => ({
      listing: root.dataset.listing,
      declaredOpen: root.hasAttribute("data-open"),
      toggle: !!root.querySelector(":scope > button.sg-step-toggle"),
      panelShown: (() => {
        const panel = root.querySelector(":scope > .sg-step-panel");
        return !!panel && !panel.hidden && shown(panel);
      })(),
      current: [...(document.getElementById(root.dataset.listing)
        ?.querySelectorAll(".sg-current") ?? [])].map((el) => el.id || el.className),
    })),
  };
}
