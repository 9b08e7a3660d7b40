// The ids of the listings shown now (not in a hidden tab).
() => [...document.querySelectorAll(".md-content figure.sg-listing")]
  .filter((figure) => figure.checkVisibility()).map((figure) => figure.id)
