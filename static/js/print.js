// Progressive enhancement: show "Print this page" buttons only where scripts run.
document.querySelectorAll("[data-print-button]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
