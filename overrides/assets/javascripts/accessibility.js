// Accessible names for controls Material renders without one: the search dialog, the numbered
// code-annotation markers and their tooltips, which stay empty while an annotated block sits in a
// closed <details> (all added after load, hence the observer).
(function () {
  const zh = document.documentElement.lang === "zh";
  const searchLabel = zh ? "搜索" : "Search";
  const annotationLabel = zh ? "代码注释 " : "Code annotation ";

  function label(root) {
    root.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach((el) => {
      el.setAttribute("aria-label", searchLabel);
    });
    root.querySelectorAll("a.md-annotation__index:not([aria-label])").forEach((el) => {
      const marker = el.querySelector("[data-md-annotation-id]");
      const number = marker ? marker.getAttribute("data-md-annotation-id") : "";
      el.setAttribute("aria-label", annotationLabel + number);
    });
    root.querySelectorAll(".md-annotation [role=tooltip]:not([aria-label])").forEach((el) => {
      const number = (el.id.match(/annotation_(\d+)$/) || ["", ""])[1];
      el.setAttribute("aria-label", annotationLabel + number);
    });
  }

  label(document);
  new MutationObserver(() => label(document)).observe(document.body, {
    childList: true,
    subtree: true,
  });
})();
