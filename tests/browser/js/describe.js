// Shared by the layout scripts (prepended to them by the Python, see ../scripts.py): how a
// failure message names an element, and what part of the page it belongs to.
const COMPONENTS = [
  [".sg-step-panel", "step-through panel"],
  [".sg-output", "output block"],
  ["figure.sg-listing", "listing"],
  [".sg-state", "state table"],
  ["figure.sg-timeline", "timeline"],
  ["figure.sg-diagram", "diagram"],
  [".tabbed-set", "tabs"],
  ["div.highlight", "code block"],
  [".md-typeset__table, table", "table"],
  ["figure", "figure"],
  [".admonition, details", "admonition"],
];
const componentOf = (el) => {
  for (const [selector, name] of COMPONENTS) {
    const found = el.closest(selector);
    if (found) return { name, element: found };
  }
  return null;
};
const nameOf = (el) => {
  const cls = (el.getAttribute("class") || "").trim().split(/\s+/).filter(Boolean);
  return el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") +
    (cls.length ? "." + cls.join(".") : "");
};
const headingBefore = (el) => {
  let found = null;
  for (const h of document.querySelectorAll(".md-content h1[id], .md-content h2[id], " +
                                             ".md-content h3[id]")) {
    if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) found = h;
    else break;
  }
  return found ? `#${found.id}` : "";
};
const describe = (el) => {
  const part = componentOf(el);
  const listing = el.closest("figure.sg-listing") ??
    (el.closest(".sg-stepper") && document.getElementById(el.closest(".sg-stepper").dataset.listing));
  const text = (el.textContent || "").trim().replace(/\s+/g, " ");
  return {
    element: nameOf(el),
    part: part ? part.name : "",
    partElement: part && part.element !== el ? nameOf(part.element) : "",
    listing: listing?.id ?? "",
    section: headingBefore(el),
    text: text.length > 60 ? text.slice(0, 57) + "..." : text,
  };
};
const px = (v) => Math.round(v * 10) / 10;
