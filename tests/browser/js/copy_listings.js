// Clicks the copy button of each listing in `ids` (button.click(), the event Material's
// clipboard handler listens to) and reads what the clipboard then holds. Returns, per listing,
// {text, problem}. Before each click the clipboard gets a sentinel, so that a click that copies
// nothing is noticed.
async (ids) => {
  const results = {};
  for (const id of ids) {
    const sentinel = `(nothing copied from ${id})`;
    const button = document.getElementById(id)?.querySelector('button[data-md-type="copy"]');
    if (!button) {
      results[id] = { text: null, problem: "no copy button (button[data-md-type=copy])" };
      continue;
    }
    await navigator.clipboard.writeText(sentinel);
    button.click();
    let text = sentinel;
    for (let tries = 0; tries < 100 && text === sentinel; tries += 1) {
      text = await navigator.clipboard.readText();
      if (text === sentinel) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    results[id] = text === sentinel
      ? { text: null, problem: "clicking the copy button put nothing on the clipboard" }
      : { text, problem: null };
  }
  return results;
}
