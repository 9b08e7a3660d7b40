// Every example listing on the page as a reader sees it: the program its copy button copies
// (data-copy), the program shown line by line (without the line numbers), what is shown under
// its lines (each output block's parts, in order: sql, out, err, exit), which database tab it
// is on, and the run its step-through view holds (each step's line and events, in the order
// the program ran them).
() => {
  const KINDS = { "sg-sql": "sql", "sg-out": "out", "sg-err": "err", "sg-exit": "exit" };
  return [...document.querySelectorAll(".md-content figure.sg-listing")].map((figure) => {
    const block = figure.querySelector(":scope > div.highlight");
    const code = block?.querySelector(":scope > pre > code");
    const shownLines = code ? [...code.querySelectorAll(":scope > span.sg-line")] : [];
    let tab = null;
    const set = figure.closest(".tabbed-set.sg-databases");
    if (set) {
      const own = figure.closest(".tabbed-block");
      const index = [...own.parentElement.children].indexOf(own);
      tab = set.querySelectorAll(":scope > .tabbed-labels > label")[index]
        ?.textContent.trim() ?? null;
    }
    const stepper = document.querySelector(`.sg-stepper[data-listing="${figure.id}"]`);
    return {
      id: figure.id,
      tab,
      copy: block?.getAttribute("data-copy") ?? null,
      copyButton: !!block?.querySelector('button[data-md-type="copy"]'),
      shown: shownLines.map((line) => [...line.childNodes]
        .filter((node) => !(node.nodeType === 1 && node.classList.contains("sg-ln")))
        .map((node) => node.textContent).join("")),
      numbers: shownLines.map((line) => line.querySelector(":scope > .sg-ln")?.textContent ?? ""),
      outputs: [...figure.querySelectorAll(".sg-output")].map((block) => ({
        line: Number(block.dataset.line),
        parts: [...block.children].map((part) => [KINDS[part.className] ?? part.className,
                                                  part.textContent]),
      })),
      caption: figure.querySelector(":scope > figcaption")?.textContent.trim() ?? "",
      stepper: !!stepper,
      steps: (() => {
        try {
          const data = JSON.parse(stepper.querySelector('script[type="application/json"]')
            .textContent);
          return data.steps.map((step) => ({ line: step.line, out: step.out,
                                             events: step.events }));
        } catch (error) {
          return null;
        }
      })(),
      toggle: !!stepper?.querySelector(":scope > button.sg-step-toggle"),
      visible: figure.checkVisibility(),
    };
  });
}
