// On paper nothing can be clicked open: before printing (the browser's Print, or the PDF build,
// which fires the same event) every collapsed block is opened.
window.addEventListener("beforeprint", () => {
  document.querySelectorAll("details:not([open])").forEach((details) => {
    details.open = true;
  });
});
