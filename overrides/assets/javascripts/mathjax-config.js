// MathJax reads this object before it loads. Only elements that pymdownx.arithmatex marks
// (class "arithmatex") and notebook Markdown cells are typeset; everything else is left alone.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex|jp-RenderedMarkdown|jp-RenderedHTMLCommon",
  },
};
