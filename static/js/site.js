// Small progressive enhancements; every page works without this file.
// "Print this page" buttons are shown only where scripts run.
document.querySelectorAll("[data-print-button]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});

// "Was this page helpful?" sends without leaving the page; without scripts the form posts and a thank-you page answers.
document.querySelectorAll("[data-feedback]").forEach(function (section) {
  var form = section.querySelector("form");
  var done = section.querySelector(".feedback-done");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        form.hidden = true;
        done.hidden = false;
        done.focus();
      })
      .catch(function () { form.submit(); });
  });
});
