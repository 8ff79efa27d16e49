// Small progressive enhancements; every page works without this file.
// "Print this page" buttons are shown only where scripts run.
document.querySelectorAll("[data-print-button]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
