// Resolves once the page has been laid out and painted again (after a resize or a click).
() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
