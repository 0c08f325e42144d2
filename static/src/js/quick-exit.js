/*
 * Quick exit ("Exit this page", after the GOV.UK Design System pattern), and one history
 * entry per visit.
 *
 * Without this script every quick exit element is a plain link to our endpoint /snel-weg/,
 * which forgets the session and redirects to a neutral site. With it:
 *  - pressing Shift three times within 5 seconds exits (any other key starts the count again);
 *  - an exit first covers the page, so nothing stays on screen while the network works;
 *  - location.replace() swaps this page's history entry for the exit, so Back cannot return;
 *  - moving between our public pages replaces the history entry instead of adding one
 *    (links, fragment links, GET forms such as search; POST forms are sent in the background
 *    and their answer is shown in place), so the whole visit is a single entry and, after
 *    the exit, Back never shows a page of ours.
 * Left to the browser: other hosts, the admin and the account area, downloads, tel:/mailto:,
 * links opened in a new tab or window (target, or Ctrl/Cmd/Shift/Alt or a middle click).
 * Also here, as every page of the frame loads this script: Escape closes the header's "Menu"
 * (a <details> on phones, which works without this) and puts focus back on its toggle.
 * No inline script, no third party: served from our own host under a strict CSP.
 */
(function () {
  "use strict";

  var PRESSES_NEEDED = 3;
  var WINDOW_MS = 5000;
  var presses = 0;
  var timer = null;
  var exiting = false;

  function root() {
    return document.querySelector("[data-quick-exit]");
  }

  function exitUrl() {
    var link = document.querySelector("[data-quick-exit-link]");
    return link ? link.href : "/snel-weg/";
  }

  function cover() {
    var overlay = document.createElement("div");
    overlay.className = "steiger-quick-exit-overlay";
    overlay.setAttribute("role", "status");
    var element = root();
    overlay.textContent = (element && element.getAttribute("data-quick-exit-loading")) || "…";
    document.body.appendChild(overlay);
    document.title = "…";
  }

  function exit(event) {
    if (event) event.preventDefault();
    if (exiting) return;
    exiting = true;
    cover();
    window.location.replace(exitUrl());
  }

  function reset() {
    presses = 0;
    if (timer) window.clearTimeout(timer);
    timer = null;
  }

  function onKeyDown(event) {
    if (event.key !== "Shift") {
      reset();
      return;
    }
    if (event.repeat) return;
    presses += 1;
    if (presses === 1) timer = window.setTimeout(reset, WINDOW_MS);
    if (presses >= PRESSES_NEEDED) {
      reset();
      exit();
    }
  }

  // --- One history entry per visit ----------------------------------------------------------

  /** Path prefixes that are not public pages (admin, account area, downloads, the exit). */
  function privatePrefixes() {
    var element = root();
    var value = (element && element.getAttribute("data-quick-exit-private")) || "";
    return value.split(/\s+/).filter(Boolean);
  }

  /** A URL object for `href`, or null when it is not one of our own public pages. */
  function ownPublicUrl(href) {
    var url;
    try {
      url = new URL(href, window.location.href);
    } catch (error) {
      return null;
    }
    if (url.origin !== window.location.origin) return null;
    var prefixes = privatePrefixes();
    for (var i = 0; i < prefixes.length; i++) {
      if (url.pathname.indexOf(prefixes[i]) === 0) return null;
    }
    return url;
  }

  function opensElsewhere(target) {
    return Boolean(target) && target.toLowerCase() !== "_self";
  }

  function onClick(event) {
    if (event.defaultPrevented) return;
    var start = event.target instanceof Element ? event.target : null;
    if (start && start.closest("[data-quick-exit-link], [data-quick-exit-skip]")) {
      exit(event);
      return;
    }
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    var link = start && start.closest("a[href]");
    if (!link || opensElsewhere(link.target) || link.hasAttribute("download")) return;
    var url = ownPublicUrl(link.href);
    if (!url) return;
    event.preventDefault();
    // Also for "#fragment" links, which would otherwise add an entry of their own.
    window.location.replace(url.href);
  }

  function formData(form, submitter) {
    var data = new FormData(form);
    // FormData(form, submitter) is recent; add the button's name and value by hand.
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    return data;
  }

  function onSubmit(event) {
    if (event.defaultPrevented) return;
    var form = event.target;
    var submitter = event.submitter || null;
    var method = (
      (submitter && submitter.getAttribute("formmethod")) ||
      form.getAttribute("method") ||
      "get"
    ).toLowerCase();
    // Attributes, not form.target/form.action: a field named "action" would shadow those.
    var target = (submitter && submitter.getAttribute("formtarget")) || form.getAttribute("target");
    var action =
      (submitter && submitter.getAttribute("formaction")) ||
      form.getAttribute("action") ||
      window.location.href;
    if (method === "dialog" || opensElsewhere(target)) return;
    var url = ownPublicUrl(action);
    if (!url) return;
    if (method === "get") {
      event.preventDefault();
      var query = new URLSearchParams();
      formData(form, submitter).forEach(function (value, name) {
        if (typeof value === "string") query.append(name, value);
      });
      url.search = query.toString();
      window.location.replace(url.href);
    } else if (method === "post") {
      event.preventDefault();
      postInPlace(form, submitter, url);
    }
  }

  /**
   * Send a POST form in the background and show the answer in place of this page, with its
   * address, in the same history entry. A plain form post would add an entry of ours that Back
   * shows after the exit.
   */
  function postInPlace(form, submitter, url) {
    if (form.getAttribute("data-quick-exit-sending")) return;
    form.setAttribute("data-quick-exit-sending", "true");
    var data = formData(form, submitter);
    var multipart = (form.getAttribute("enctype") || "").toLowerCase() === "multipart/form-data";
    var body = data;
    if (!multipart) {
      body = new URLSearchParams();
      data.forEach(function (value, name) {
        if (typeof value === "string") body.append(name, value);
      });
    }
    window
      .fetch(url.href, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        redirect: "follow",
        headers: { Accept: "text/html" },
      })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("text/html") === -1) {
          // Not a page (a file, say): let the browser fetch where the answer came from.
          window.location.replace(response.url);
          return null;
        }
        return response.text().then(function (html) {
          return show(html, response.url);
        });
      })
      .catch(function () {
        // The request failed before an answer came: send the form the ordinary way.
        form.removeAttribute("data-quick-exit-sending");
        if (submitter && submitter.name) {
          var field = document.createElement("input");
          field.type = "hidden";
          field.name = submitter.name;
          field.value = submitter.value;
          form.appendChild(field);
        }
        HTMLFormElement.prototype.submit.call(form);
      });
  }

  /** Make the stylesheets of `doc` the page's, waiting for new ones so nothing flashes. */
  function adoptStylesheets(doc) {
    var wanted = Array.prototype.map.call(
      doc.querySelectorAll('link[rel="stylesheet"]'),
      function (link) {
        return link.href;
      },
    );
    var current = Array.prototype.slice.call(
      document.querySelectorAll('head link[rel="stylesheet"]'),
    );
    var have = current.map(function (link) {
      return link.href;
    });
    var loads = wanted
      .filter(function (href) {
        return have.indexOf(href) === -1;
      })
      .map(function (href) {
        return new Promise(function (resolve) {
          var link = document.createElement("link");
          link.rel = "stylesheet";
          link.href = href;
          link.onload = link.onerror = resolve;
          document.head.appendChild(link);
        });
      });
    return Promise.all(loads).then(function () {
      current.forEach(function (link) {
        if (wanted.indexOf(link.href) === -1) link.remove();
      });
    });
  }

  function show(html, address) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    return adoptStylesheets(doc).then(function () {
      if (exiting) return;
      document.title = doc.title;
      if (doc.documentElement.lang) document.documentElement.lang = doc.documentElement.lang;
      document.body.replaceWith(document.adoptNode(doc.body));
      window.history.replaceState(null, "", address);
      showHints();
      window.scrollTo(0, 0);
      // Start where a reader needs to be: the list of mistakes, or else the main content.
      var focus = document.getElementById("error-summary") || document.getElementById("main");
      if (focus) {
        if (!focus.hasAttribute("tabindex")) focus.setAttribute("tabindex", "-1");
        focus.focus();
      }
    });
  }

  function showHints() {
    // The Shift hint is only true when this script runs, so it is only shown then; and only
    // where a keyboard is likely: not on a phone or tablet, whose main pointer is a finger.
    var touch = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
    var hints = document.querySelectorAll("[data-quick-exit-hint]");
    for (var i = 0; i < hints.length; i++) {
      hints[i].hidden = touch;
      if (touch) {
        var described = document.querySelectorAll('[aria-describedby="' + hints[i].id + '"]');
        for (var j = 0; j < described.length; j++) described[j].removeAttribute("aria-describedby");
      }
    }
  }

  // --- The header's menu on a phone ------------------------------------------------------

  function onMenuKeyDown(event) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    var menu = event.target instanceof Element ? event.target.closest("[data-nav-menu]") : null;
    var toggle = menu && menu.querySelector("summary");
    // Wide screens hide the toggle and always show the list: nothing to close there.
    if (!toggle || !menu.open || !toggle.getClientRects().length) return;
    menu.open = false;
    toggle.focus();
  }

  function init() {
    showHints();
    document.addEventListener("keydown", onKeyDown, true);
    document.addEventListener("keydown", onMenuKeyDown);
    document.addEventListener("click", onClick);
    document.addEventListener("submit", onSubmit);
  }

  // A page restored from the back/forward cache must not show the overlay or stay "exiting".
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && exiting) window.location.replace(exitUrl());
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
