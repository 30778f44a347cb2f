/* Azamat's one script, an enhancement only: the site works without it.
   - The colour theme: the system's (prefers-color-scheme) unless the reader chose one with the button this
     script adds to the header; the choice is kept on this device only (localStorage, never a cookie, so
     every page stays the same for everyone and cached), and set as data-theme on <html>, which the
     stylesheet honours over the system's. Loaded in <head> so that the page never flashes the other theme.
   - Reading offline: registers the service worker (/sw.js). */
(function () {
  "use strict";
  var KEY = "azamat-theme";
  var root = document.documentElement;

  function stored() {
    try {
      return window.localStorage.getItem(KEY);
    } catch (error) {
      return null; // storage switched off: the system's theme
    }
  }

  function store(theme) {
    try {
      window.localStorage.setItem(KEY, theme);
    } catch (error) {
      // the choice lasts for this page only
    }
  }

  function dark() {
    if (root.dataset.theme) return root.dataset.theme === "dark";
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }

  var choice = stored();
  if (choice === "dark" || choice === "light") root.dataset.theme = choice;

  function addToggle() {
    var template = document.getElementById("theme-toggle");
    var row = document.querySelector(".header-row");
    if (!template || !row || !template.content) return;
    var button = template.content.firstElementChild.cloneNode(true);
    button.setAttribute("aria-pressed", String(dark()));
    button.addEventListener("click", function () {
      var next = dark() ? "light" : "dark";
      root.dataset.theme = next;
      store(next);
      button.setAttribute("aria-pressed", String(next === "dark"));
    });
    row.appendChild(button);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addToggle);
  } else {
    addToggle();
  }

  if ("serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
        // no offline reading in this browser: nothing else changes
      });
    });
  }
})();
