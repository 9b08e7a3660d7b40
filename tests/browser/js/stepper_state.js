// One step-through view as it is now: whether it is open, its status text, which lines of
// its listing are highlighted (sg-current), which controls are disabled, its labels.
(listingId) => {
  const root = document.querySelector(`.sg-stepper[data-listing="${listingId}"]`);
  const listing = document.getElementById(listingId);
  if (!root || !listing) return null;
  const toggle = root.querySelector(":scope > button.sg-step-toggle");
  const panel = root.querySelector(":scope > .sg-step-panel");
  const buttons = panel ? [...panel.querySelectorAll("button.sg-step-button")] : [];
  const slider = panel?.querySelector("input.sg-step-slider");
  const status = panel?.querySelector("p.sg-step-status");
  return {
    toggle: toggle ? { text: toggle.textContent.trim(),
                       expanded: toggle.getAttribute("aria-expanded"),
                       controls: toggle.getAttribute("aria-controls") } : null,
    panel: panel ? { id: panel.id, hidden: panel.hidden, shown: panel.checkVisibility() } : null,
    buttons: buttons.map((b) => ({ label: b.getAttribute("aria-label"), disabled: b.disabled })),
    slider: slider ? { value: slider.value, max: slider.max,
                       label: slider.getAttribute("aria-label") } : null,
    status: status?.textContent ?? null,
    live: status?.getAttribute("aria-live") ?? null,
    places: panel ? [...panel.querySelectorAll(".sg-places > .sg-place")]
      .map((p) => p.querySelector("h4")?.textContent ?? "") : [],
    current: [...listing.querySelectorAll(".sg-current")].map((el) => (
      el.classList.contains("sg-line")
        ? { line: el.querySelector(":scope > .sg-ln")?.textContent ?? "?", id: el.id }
        : { output: el.getAttribute("data-line") ?? "?" })),
    focusInPanel: !!panel && panel.contains(document.activeElement),
  };
}
