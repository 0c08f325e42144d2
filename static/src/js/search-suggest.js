/*
 * Suggestions while typing in a search box: the ARIA 1.2 combobox pattern with a listbox
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/).
 *
 * Without this script the box is a plain GET form to the search page. With it, a box that
 * carries data-suggest-url asks that JSON endpoint (our own host, never a third party) for
 * titles after a short pause in typing, and lists them under the box:
 *  - Down/Up move through the suggestions (the text field keeps focus; aria-activedescendant
 *    tells assistive technology which option is active), Enter opens the active one, Escape
 *    closes the list (a second Escape empties the box), Tab leaves as usual;
 *  - a click or tap on a suggestion opens it;
 *  - a polite live region says how many suggestions there are.
 * Opening a suggestion replaces the history entry, like every move between our public pages
 * (see quick-exit.js), so Back after a quick exit never shows a page of ours.
 */
(function () {
  "use strict";

  var PAUSE_MS = 180;
  var MIN_LENGTH = 2;
  var counter = 0;

  function enhance(input) {
    var form = input.form;
    var url = input.getAttribute("data-suggest-url");
    if (!form || !url || !window.fetch) return;
    counter += 1;
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "steiger-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "Suggesties");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "steiger-visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    form.classList.add("steiger-suggest");
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function announce(count) {
      var one = input.getAttribute("data-suggest-one") || "1 suggestie";
      var many = input.getAttribute("data-suggest-many") || "{n} suggesties";
      var none = input.getAttribute("data-suggest-none") || "";
      status.textContent = count === 0 ? none : count === 1 ? one : many.replace("{n}", count);
    }

    function setActive(index) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) return;
      active = (index + options.length) % options.length;
      for (var i = 0; i < options.length; i += 1) {
        options[i].setAttribute("aria-selected", i === active ? "true" : "false");
      }
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function open(index) {
      var item = items[index];
      if (item && item.url) window.location.replace(item.url);
    }

    function render(suggestions) {
      items = suggestions;
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      suggestions.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "steiger-suggestions__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.className = "steiger-suggestions__title";
        title.textContent = item.title;
        option.appendChild(title);
        if (item.type) {
          var kind = document.createElement("span");
          kind.className = "steiger-suggestions__type";
          kind.textContent = item.type;
          option.appendChild(document.createTextNode(" "));
          option.appendChild(kind);
        }
        // mousedown, not click: it comes before the text field's blur closes the list.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          open(index);
        });
        list.appendChild(option);
      });
      var shown = suggestions.length > 0;
      list.hidden = !shown;
      input.setAttribute("aria-expanded", shown ? "true" : "false");
      announce(suggestions.length);
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) return;
      lastQuery = query;
      if (controller) controller.abort();
      if (query.length < MIN_LENGTH) {
        render([]);
        status.textContent = "";
        return;
      }
      controller = new AbortController();
      var address = url + "?q=" + encodeURIComponent(query);
      fetch(address, { credentials: "same-origin", signal: controller.signal })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query) render(data.suggestions || []);
        })
        .catch(function () {
          /* Aborted or offline: the form still searches. */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, PAUSE_MS);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = input.getAttribute("aria-expanded") === "true";
      if (event.key === "ArrowDown" || event.key === "Down") {
        if (!items.length) return;
        event.preventDefault();
        if (!expanded) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        setActive(active + 1);
      } else if (event.key === "ArrowUp" || event.key === "Up") {
        if (!expanded) return;
        event.preventDefault();
        setActive(active - 1);
      } else if (event.key === "Enter") {
        if (expanded && active >= 0) {
          event.preventDefault();
          open(active);
        }
      } else if (event.key === "Escape" || event.key === "Esc") {
        if (expanded) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          lastQuery = "";
        }
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  function start() {
    var inputs = document.querySelectorAll("input[data-suggest-url]");
    for (var i = 0; i < inputs.length; i += 1) enhance(inputs[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
