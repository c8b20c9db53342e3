// Live countdowns and Mars clocks between server updates.
//
// The server is the truth: each fragment carries the server's time (data-server-now) and
// the target instants, and htmx fetches a fresh fragment as often as the fragment asks.
// Between fetches this script ticks the seconds from the server's own clock, so the number
// never skips or runs backwards because a response was slow. It also announces a phase
// change once to screen readers and lets the visitor pause live updates (WCAG 2.2.2).
(function () {
  "use strict";
  var EARTH_DAYS_PER_SOL = 1.0274912517;
  var paused = false;
  var offset = null; // server time minus this browser's time, in ms
  var lastShown = {}; // clock key -> last whole seconds shown, to keep counts monotonic
  var lastPhase = {}; // countdown id -> phase label last seen

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function format(total) {
    total = Math.max(0, total);
    var days = Math.floor(total / 86400), rest = total % 86400;
    var hours = Math.floor(rest / 3600); rest %= 3600;
    var minutes = Math.floor(rest / 60), seconds = rest % 60;
    if (days) {
      return days + (days === 1 ? " day " : " days ") + pad(hours) + " h " + pad(minutes) + " min";
    }
    return pad(hours) + ":" + pad(minutes) + ":" + pad(seconds);
  }

  function hms(hours) {
    var total = Math.floor(((hours % 24) + 24) % 24 * 3600);
    return pad(Math.floor(total / 3600)) + ":" + pad(Math.floor(total % 3600 / 60)) + ":" + pad(total % 60);
  }

  function adopt(root) {
    var boxes = root.querySelectorAll ? root.querySelectorAll("[data-countdown]") : [];
    if (root.matches && root.matches("[data-countdown]")) boxes = [root];
    Array.prototype.forEach.call(boxes, function (box) {
      var serverNow = Number(box.dataset.serverNow);
      if (serverNow) offset = serverNow - Date.now();
      var id = box.id || "countdown";
      var label = box.dataset.phaseLabel;
      if (lastPhase[id] !== undefined && lastPhase[id] !== label) announce(box, label);
      lastPhase[id] = label;
    });
    render();
  }

  function announce(box, label) {
    var block = box.closest(".countdown-block");
    var region = block && block.querySelector("[data-countdown-announcer]");
    if (region) region.textContent = label;
  }

  function render() {
    if (paused) return;
    var now = Date.now() + (offset || 0);
    Array.prototype.forEach.call(document.querySelectorAll("[data-clock]"), function (el) {
      var target = Number(el.dataset.target);
      if (!target) return;
      var key = el.dataset.clock + ":" + target;
      var value;
      if (el.dataset.clock === "down") {
        value = Math.max(0, Math.ceil((target - now) / 1000));
        if (key in lastShown && value > lastShown[key]) value = lastShown[key];
      } else {
        value = Math.max(0, Math.floor((now - target) / 1000));
        if (key in lastShown && value < lastShown[key]) value = lastShown[key];
      }
      lastShown[key] = value;
      var text = format(value);
      if (el.textContent !== text) el.textContent = text;
    });
    markLandingSteps(now);
    Array.prototype.forEach.call(document.querySelectorAll("[data-mars-hours]"), function (el) {
      var elapsedHours = (now - Number(el.dataset.serverNow)) / 3600000;
      var text = hms(Number(el.dataset.marsHours) + elapsedHours / EARTH_DAYS_PER_SOL);
      if (el.textContent !== text) el.textContent = text;
    });
  }

  // The landing picture: steps Earth has heard of are "passed"; the latest is "current"
  // until touchdown.
  function markLandingSteps(now) {
    var steps = document.querySelectorAll("circle[data-edl-at]");
    if (!steps.length) return;
    var times = Array.prototype.map.call(steps, function (el) { return Number(el.dataset.edlAt); });
    var last = times[times.length - 1];
    var current = -1;
    times.forEach(function (at, i) { if (at <= now) current = i; });
    if (now >= last) current = -1;
    Array.prototype.forEach.call(document.querySelectorAll("[data-edl-at]"), function (el) {
      var i = times.indexOf(Number(el.dataset.edlAt));
      el.classList.toggle("passed", Number(el.dataset.edlAt) <= now);
      el.classList.toggle("current", i === current);
      if (el.tagName === "circle") el.setAttribute("r", i === current ? "11" : "8");
      var badge = el.querySelector && el.querySelector(".badge-now");
      if (badge) badge.hidden = i !== current;
    });
  }

  function loop() {
    render();
    var now = Date.now() + (offset || 0);
    setTimeout(loop, 1000 - (now % 1000) + 5);
  }

  function setPaused(value) {
    paused = value;
    Array.prototype.forEach.call(document.querySelectorAll("[data-countdown-pause]"), function (button) {
      button.setAttribute("aria-pressed", String(paused));
      button.textContent = paused ? "Resume live updates" : "Pause live updates";
    });
    if (!paused) render();
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!document.querySelector("[data-countdown], [data-mars-hours]")) return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-countdown-pause]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { setPaused(!paused); });
    });
    adopt(document);
    loop();
  });
  // A fresh fragment from htmx: take its server time and phase.
  document.addEventListener("htmx:load", function (event) { adopt(event.target); });
  // While paused, no polling either.
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (paused && event.target.matches && event.target.matches("[data-countdown]")) event.preventDefault();
  });
})();
