/* Translated fields grouped by language in the admin: a bar of buttons over the form shows one
   language at a time (Kazakh first), Kazakh and Russian side by side, or all three; a button says how
   many fields of its language are empty, and a language with an error is shown first. Works under
   the site's Content-Security-Policy (a static file, no inline script); without JavaScript every field
   stays visible as before. The choice is remembered in this browser. */
(function () {
    "use strict";
    var LANGUAGES = ["kk", "ru", "en"];
    var NAMES = {kk: "Қазақша", ru: "Русский", en: "English"};
    var KEY = "azamat-admin-languages";
    var gettext = window.gettext || function (text) { return text; };
    var interpolate = window.interpolate || function (text, values) { return text.replace("%s", values[0]); };

    function languageOf(element) {
        var match = / mt-field-[\w-]+?-(kk|ru|en)(?= |$)/.exec(" " + element.className);
        return match ? match[1] : null;
    }

    function isEmpty(element) {
        return (element.value || "").trim() === "";
    }

    function setUp(form) {
        var fields = form.querySelectorAll(".mt[class*='mt-field-']");
        if (!fields.length) {
            return;
        }
        var empty = {kk: 0, ru: 0, en: 0};
        var errors = {kk: 0, ru: 0, en: 0};
        Array.prototype.forEach.call(fields, function (field) {
            var language = languageOf(field);
            var row = field.closest(".form-row, td");
            if (!language || !row) {
                return;
            }
            row.setAttribute("data-mt-language", language);
            if (field.closest(".empty-form")) {
                return;  // the template of a new inline row
            }
            if (isEmpty(field)) {
                empty[language] += 1;
            }
            if (row.querySelector(".errorlist")) {
                errors[language] += 1;
            }
        });
        // Tabular inlines: the column headings follow their cells.
        Array.prototype.forEach.call(form.querySelectorAll("table"), function (table) {
            var headings = table.querySelectorAll("thead th");
            Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
                Array.prototype.forEach.call(row.children, function (cell, index) {
                    var language = cell.getAttribute("data-mt-language");
                    if (language && headings[index]) {
                        headings[index].setAttribute("data-mt-language", language);
                    }
                });
            });
        });
        var bar = document.createElement("div");
        bar.className = "mt-language-bar";
        bar.setAttribute("role", "group");
        bar.setAttribute("aria-label", gettext("Languages of the text"));
        var choices = LANGUAGES.map(function (language) {
            var label = NAMES[language];
            if (errors[language]) {
                label += " ⚠ " + interpolate(gettext("errors: %s"), [errors[language]]);
            } else if (empty[language]) {
                label += " · " + interpolate(gettext("empty: %s"), [empty[language]]);
            }
            return {value: language, label: label, marked: empty[language] > 0 || errors[language] > 0};
        });
        choices.push({value: "kk,ru", label: gettext("Kazakh and Russian side by side")});
        choices.push({value: "all", label: gettext("All languages")});
        var buttons = choices.map(function (choice) {
            var button = document.createElement("button");
            button.type = "button";
            button.textContent = choice.label;
            button.setAttribute("data-mt-show", choice.value);
            if (choice.marked) {
                button.className = "mt-marked";
            }
            button.addEventListener("click", function () {
                show(choice.value);
                try {
                    window.localStorage.setItem(KEY, choice.value);
                } catch (ignored) { /* private browsing: not remembered */ }
            });
            bar.appendChild(button);
            return button;
        });

        function show(value) {
            form.setAttribute("data-mt-show", value);
            buttons.forEach(function (button) {
                button.setAttribute("aria-pressed", String(button.getAttribute("data-mt-show") === value));
            });
        }

        var first = form.querySelector("fieldset, .inline-group");
        (first ? first.parentNode : form).insertBefore(bar, first);
        var stored = null;
        try {
            stored = window.localStorage.getItem(KEY);
        } catch (ignored) { /* not remembered */ }
        var withErrors = LANGUAGES.filter(function (language) { return errors[language] > 0; });
        if (withErrors.length === 1) {
            show(withErrors[0]);
        } else if (withErrors.length > 1) {
            show("all");
        } else {
            show(choices.some(function (choice) { return choice.value === stored; }) ? stored : "kk");
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        var form = document.querySelector("#content-main form");
        if (form) {
            setUp(form);
        }
    });
}());
