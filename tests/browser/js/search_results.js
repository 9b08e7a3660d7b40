// Scrolls Material's search results to their end (it shows ten at a time, more as the list
// scrolls) and returns the links shown so far.
() => {
  const wrap = document.querySelector(".md-search__scrollwrap");
  if (wrap) wrap.scrollTop = wrap.scrollHeight;
  return [...document.querySelectorAll("a.md-search-result__link")].map((a) => a.href);
}
