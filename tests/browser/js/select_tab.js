// Selects the database tab labelled `tab`: a click on its label in the first set (Material
// links the sets by label: that selects it in every set), then in any set where it is still
// not selected. The focus it gives the tab's radio button is taken away again: a mouse click
// would not show the focus ring that a keyboard user sees. Returns how many sets show it.
(tab) => {
  const labels = [...document.querySelectorAll(".sg-databases > .tabbed-labels > label")]
    .filter((label) => label.textContent.trim() === tab);
  const selected = (label) => document.getElementById(label.htmlFor)?.checked;
  if (labels.length) labels[0].click();
  for (const label of labels) if (!selected(label)) label.click();
  if (document.activeElement?.matches('.tabbed-set > input')) document.activeElement.blur();
  return labels.filter(selected).length;
}
