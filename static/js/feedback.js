/* The feedback form at the foot of every page, sent in place (progressive enhancement).
 *
 * Without JavaScript the forms post and the server redirects back with a thank-you (feedback/views.py).
 * With it, the same POST goes through fetch asking for JSON; the answer replaces the form where it was,
 * focus moves to what the page now says, and errors are announced (role="alert") without losing what
 * was typed. If the request cannot be made at all, the form is sent the ordinary way.
 */
(function () {
  "use strict";
  var section = document.getElementById("feedback");
  if (!section || !window.fetch || !window.FormData) {
    return;
  }
  var live = section.querySelector(".feedback-live");

  function say(text) {
    // One live region, present from the start, so screen readers announce what is put in it.
    live.textContent = text;
    live.hidden = false;
    live.focus();
  }

  function showErrors(form, errors) {
    var box = form.querySelector(".error-summary");
    if (!box) {
      box = document.createElement("div");
      box.className = "error-summary";
      box.setAttribute("role", "alert");
      box.tabIndex = -1;
      form.insertBefore(box, form.firstChild);
    }
    box.textContent = "";
    var list = document.createElement("ul");
    errors.forEach(function (error) {
      var item = document.createElement("li");
      item.textContent = error;
      list.appendChild(item);
    });
    box.appendChild(list);
    box.focus();
  }

  function sendTheOrdinaryWay(form, submitter) {
    if (submitter && submitter.name) {
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = submitter.name;
      field.value = submitter.value;
      form.appendChild(field);
    }
    form.submit();
  }

  // Browsers without event.submitter: the button last pressed (Enter on a button is a click too).
  var lastButton = null;
  section.addEventListener("click", function (event) {
    lastButton = event.target.closest ? event.target.closest("button") : null;
  });

  section.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter || lastButton;
    var data = new FormData(form);
    if (submitter && submitter.name) {
      data.append(submitter.name, submitter.value);
    }
    event.preventDefault();
    form.setAttribute("aria-busy", "true");
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          return { ok: response.ok, answer: answer };
        });
      })
      .then(function (result) {
        form.removeAttribute("aria-busy");
        if (!result.ok) {
          showErrors(form, result.answer.errors || []);
          return;
        }
        var report = section.querySelector(".feedback-report");
        if (result.answer.ask && report) {
          form.remove(); // "No": the question goes, the report form opens below the thank-you
          report.open = true;
        } else {
          Array.prototype.forEach.call(section.querySelectorAll("form, details"), function (part) {
            part.remove();
          });
        }
        say(result.answer.message);
      })
      .catch(function () {
        form.removeAttribute("aria-busy");
        sendTheOrdinaryWay(form, submitter);
      });
  });
})();
