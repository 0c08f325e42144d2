/*
 * Quick exit ("Exit this page", after the GOV.UK Design System pattern).
 *
 * Without this script every quick exit element is a plain link to our endpoint /snel-weg/,
 * which forgets the session and redirects to a neutral site. With it:
 *  - pressing Shift three times within 5 seconds exits (any other key starts the count again);
 *  - an exit first covers the page, so nothing stays on screen while the network works;
 *  - location.replace() swaps this page's history entry for the exit, so Back cannot return.
 * No inline script, no third party: served from our own host under a strict CSP.
 */
(function () {
  "use strict";

  var PRESSES_NEEDED = 3;
  var WINDOW_MS = 5000;
  var presses = 0;
  var timer = null;
  var exiting = false;

  function exitUrl() {
    var link = document.querySelector("[data-quick-exit-link]");
    return link ? link.href : "/snel-weg/";
  }

  function cover() {
    var overlay = document.createElement("div");
    overlay.className = "steiger-quick-exit-overlay";
    overlay.setAttribute("role", "status");
    var root = document.querySelector("[data-quick-exit]");
    overlay.textContent = (root && root.getAttribute("data-quick-exit-loading")) || "…";
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

  function init() {
    var links = document.querySelectorAll("[data-quick-exit-link], [data-quick-exit-skip]");
    for (var i = 0; i < links.length; i++) links[i].addEventListener("click", exit);
    // The Shift hint is only true when this script runs, so it is only shown then.
    var hints = document.querySelectorAll("[data-quick-exit-hint]");
    for (var j = 0; j < hints.length; j++) hints[j].hidden = false;
    document.addEventListener("keydown", onKeyDown, true);
  }

  // A page restored from the back/forward cache must not show the overlay or stay "exiting".
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && exiting) window.location.replace(exitUrl());
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
