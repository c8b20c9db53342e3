// Live countdowns and Mars clocks between server updates.
//
// The server is the truth. Each fragment carries the instants it counts to or from
// (data-target), never a clock: the page learns the server's time once, from /now.json,
// an answer no cache keeps (no-store), halving the round trip as time-sync clocks do, and
// from then on counts on the browser's monotonic clock (performance.now), so neither a
// wrong clock on the visitor's machine nor a fragment that a cache kept for seconds can
// move it. htmx fetches a fresh fragment as often as the fragment asks; in between this
// script ticks the seconds. It also announces a phase change once to screen readers and
// lets the visitor pause live updates (WCAG 2.2.2).
(function () {
  "use strict";
  var EARTH_DAYS_PER_SOL = 1.0274912517;
  var TIME_URL = "/now.json"; // marsweb.clock.TIME_PATH: the same address in every language
  var SAMPLES = 3; // round trips per synchronisation; the shortest is kept
  var RESYNC_MS = 10 * 60 * 1000;
  var paused = false;
  var sync = null; // {server: the server's ms, at: performance.now() then, rtt: ms}
  var syncedWall = 0, syncedPerf = 0; // Date.now() and performance.now() at the last sync
  var lastShown = {}; // clock key -> last whole seconds shown, to keep counts monotonic
  var lastPhase = {}; // countdown id -> phase label last seen
  var chased = {}; // target -> times a fragment was asked for again after it passed

  // The server's time now, in ms; null until the first answer.
  function serverNow() {
    return sync ? sync.server + (performance.now() - sync.at) : null;
  }

  function synchronise() {
    var best = null;
    function sample() {
      var sent = performance.now();
      return fetch(TIME_URL, { cache: "no-store", credentials: "omit" })
        .then(function (response) {
          if (!response.ok) throw new Error("time: " + response.status);
          return response.json();
        })
        .then(function (data) {
          var received = performance.now(), rtt = received - sent;
          if (typeof data.now !== "number") throw new Error("time: no number");
          if (!best || rtt < best.rtt) best = { server: data.now + rtt / 2, at: received, rtt: rtt };
          if (!sync) { sync = best; render(); } // tick at once; refine with the next answers
        });
    }
    var chain = sample();
    for (var i = 1; i < SAMPLES; i++) chain = chain.then(sample);
    return chain.catch(function () {}).then(function () {
      if (best) {
        sync = best;
        syncedWall = Date.now(); syncedPerf = performance.now();
        document.documentElement.setAttribute("data-clock-synced", String(Math.round(best.rtt)));
        render();
      } else if (!sync) {
        // No answer (offline): the browser's own clock, until an answer comes.
        sync = { server: Date.now(), at: performance.now(), rtt: Infinity };
        setTimeout(synchronise, 30000);
        render();
      }
    });
  }

  // The time is asked for once the page has been drawn: on a slow network its three round
  // trips would otherwise come before the first paint. The server's numbers stand till then.
  function afterFirstPaint(start) {
    var started = false;
    function once() { if (!started) { started = true; start(); } }
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (!types || types.indexOf("paint") < 0) return once();
    new PerformanceObserver(function (list, observer) { observer.disconnect(); once(); })
      .observe({ type: "paint", buffered: true });
    setTimeout(once, 1000); // a tab opened in the background paints nothing
  }

  // Ask again every ten minutes, and when a tab comes back after its machine slept or its
  // clock was changed (the wall clock and the monotonic one no longer agree).
  function resyncIfDrifted() {
    if (!sync || document.hidden) return;
    var drift = Math.abs((Date.now() - syncedWall) - (performance.now() - syncedPerf));
    if (drift > 1000 || performance.now() - syncedPerf > RESYNC_MS) synchronise();
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function format(total) {
    total = Math.max(0, total);
    var days = Math.floor(total / 86400), rest = total % 86400;
    var hours = Math.floor(rest / 3600); rest %= 3600;
    var minutes = Math.floor(rest / 60), seconds = rest % 60;
    if (days) {
      // The server's own pattern in the page's language (marsweb.countdown.days_pattern);
      // without it (null) the server's words stand until the next fragment.
      var patterns = words().days_left;
      var pattern = patterns && (patterns[pluralCategory(days)] || patterns.other);
      if (!pattern) return null;
      return pattern.replace("%(days)d", String(days))
        .replace("%(hours)02d", pad(hours)).replace("%(minutes)02d", pad(minutes));
    }
    return pad(hours) + ":" + pad(minutes) + ":" + pad(seconds);
  }

  function hms(hours) {
    var total = Math.floor(((hours % 24) + 24) % 24 * 3600);
    return pad(Math.floor(total / 3600)) + ":" + pad(Math.floor(total % 3600 / 60)) + ":" + pad(total % 60);
  }

  // The words in the page's language, which the server wrote beside the countdown
  // ({% countdown_words %}): each unit by plural category, the days pattern, and the pause
  // button's labels. This script has no words of its own: one it is not given, it leaves
  // as the server wrote it.
  var LANGUAGE = document.documentElement.lang || "en";
  var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(LANGUAGE) : null;
  var wordsCache = null;

  function words() {
    if (wordsCache) return wordsCache;
    var holder = document.querySelector("[data-countdown-words]");
    try {
      wordsCache = holder ? JSON.parse(holder.getAttribute("data-countdown-words")) : {};
    } catch (error) {
      wordsCache = {};
    }
    return wordsCache;
  }

  function pluralCategory(value) {
    return plural ? plural.select(value) : value === 1 ? "one" : "other";
  }

  function unitWord(unit, value) {
    var forms = words()[unit];
    return forms ? forms[pluralCategory(value)] || forms.other : null;
  }

  // The big clock's parts, as the server writes them (marsweb.countdown.clock_parts).
  function parts(total) {
    total = Math.max(0, total);
    var days = Math.floor(total / 86400), rest = total % 86400;
    var values = [Math.floor(rest / 3600), Math.floor(rest % 3600 / 60), rest % 60];
    var units = ["hour", "minute", "second"];
    var out = days ? [[String(days), unitWord("day", days)]] : [];
    values.forEach(function (value, i) { out.push([pad(value), unitWord(units[i], value)]); });
    return out;
  }

  function showSegments(el, total) {
    var want = parts(total);
    var segs = el.querySelectorAll(".seg");
    if (segs.length !== want.length) {
      el.textContent = "";
      want.forEach(function (part, i) {
        var seg = document.createElement("span"), num = document.createElement("span"), unit = document.createElement("span");
        seg.className = "seg"; num.className = "num"; unit.className = "unit";
        seg.appendChild(num); seg.appendChild(document.createTextNode(" ")); seg.appendChild(unit);
        if (i) el.appendChild(document.createTextNode(" "));
        el.appendChild(seg);
      });
      segs = el.querySelectorAll(".seg");
    }
    want.forEach(function (part, i) {
      var num = segs[i].querySelector(".num"), unit = segs[i].querySelector(".unit");
      if (num.textContent !== part[0]) num.textContent = part[0];
      if (part[1] !== null && unit.textContent !== part[1]) unit.textContent = part[1];
    });
  }

  function adopt(root) {
    var boxes = root.querySelectorAll ? root.querySelectorAll("[data-countdown]") : [];
    if (root.matches && root.matches("[data-countdown]")) boxes = [root];
    Array.prototype.forEach.call(boxes, function (box) {
      chaseIfBehind(box);
      notePhase(box);
    });
    render();
  }

  // A phase seen for the first time on this box is announced, once.
  function notePhase(box) {
    var id = box.id || "countdown";
    var label = box.dataset.phaseLabel;
    if (lastPhase[id] !== undefined && lastPhase[id] !== label) {
      announce(box, label);
      box.classList.add("just-changed"); // marks the change once (CSS, motion allowed)
    }
    lastPhase[id] = label;
  }

  // The panel a countdown becomes at its next step, sent ahead by the server
  // (<template data-countdown-becomes>, marsweb.countdown.ahead_of_polls): shown at that
  // very instant on the server's clock, however slow the network; a fresh fragment half a
  // second on confirms it.
  function becomeFollowing(now) {
    var held = document.querySelectorAll("[data-countdown] > template[data-countdown-becomes]");
    Array.prototype.forEach.call(held, function (template) {
      if (Number(template.dataset.at) > now) return;
      var box = template.parentNode, next = template.content.firstElementChild;
      if (!next) return;
      next = document.importNode(next, true);
      next.id = box.id; // held without it, not to repeat the page's ids
      if (window.htmx) window.htmx.trigger(box, "htmx:abort"); // a poll in flight is stale
      box.replaceWith(next);
      if (!window.htmx) { notePhase(next); return; }
      window.htmx.process(next);
      // As after any swap: its times shown in the visitor's zone, its phase announced.
      window.htmx.trigger(next, "htmx:load");
      setTimeout(function () { if (next.isConnected) window.htmx.trigger(next, "reached"); }, 500);
    });
  }

  function announce(box, label) {
    var block = box.closest(".countdown-block");
    var region = block && block.querySelector("[data-countdown-announcer]");
    if (region) region.textContent = label;
  }

  // A fragment still counting down to a moment that has passed (kept by a cache, or
  // rendered a hair before the moment): ask again a second later, a few times.
  function chaseIfBehind(box) {
    var now = serverNow();
    var clock = box.querySelector("[data-clock=down]");
    if (now === null || !clock || !box.matches("[data-hx-get]")) return;
    var target = Number(clock.dataset.target);
    if (!target || target > now || (chased[target] || 0) >= 5) return;
    chased[target] = (chased[target] || 0) + 1;
    setTimeout(function () { if (window.htmx) window.htmx.trigger(box, "reached"); }, 1000);
  }

  function render() {
    if (paused) return;
    var now = serverNow();
    if (now === null) return; // the server's own numbers stand until its time is known
    becomeFollowing(now);
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
      var reached = el.dataset.clock === "down" && value === 0 && lastShown[key] > 0;
      lastShown[key] = value;
      if ("segments" in el.dataset) showSegments(el, value);
      else {
        var text = format(value);
        if (text !== null && el.textContent !== text) el.textContent = text;
      }
      // At zero, ask for the new phase at once instead of waiting for the next poll
      // (half a second on, so that the server's clock has passed it too).
      var box = reached && el.closest("[data-countdown][data-hx-get]");
      if (box && window.htmx) setTimeout(function () { window.htmx.trigger(box, "reached"); }, 500);
    });
    markLandingSteps(now);
    markHeard(now);
    switchStatuses(now);
    Array.prototype.forEach.call(document.querySelectorAll("[data-mars-hours]"), function (el) {
      var elapsedHours = (now - Number(el.dataset.marsAt)) / 3600000;
      var text = hms(Number(el.dataset.marsHours) + elapsedHours / EARTH_DAYS_PER_SOL);
      if (el.textContent !== text) el.textContent = text;
    });
  }

  // The landing picture (drawn twice: wide and narrow) and its legend: steps Earth has
  // heard of are "passed"; the latest is "current" until touchdown.
  function markLandingSteps(now) {
    var steps = document.querySelectorAll("circle[data-edl-at]");
    if (!steps.length) return;
    var times = Array.prototype.map.call(steps, function (el) { return Number(el.dataset.edlAt); });
    var last = Math.max.apply(null, times);
    var current = null; // the time of the current step
    times.forEach(function (at) { if (at <= now && (current === null || at > current)) current = at; });
    if (now >= last) current = null;
    Array.prototype.forEach.call(document.querySelectorAll("[data-edl-at]"), function (el) {
      var at = Number(el.dataset.edlAt);
      el.classList.toggle("passed", at <= now);
      el.classList.toggle("current", at === current);
      if (el.tagName === "circle") el.setAttribute("r", at === current ? "10" : "7");
      var badge = el.querySelector && el.querySelector(".badge-now");
      if (badge) badge.hidden = at !== current;
    });
  }

  // A status that changes when Earth hears of the arrival ("On its way" becomes "Active"):
  // the server wrote what it becomes and when (missions templatetags mission_status).
  function switchStatuses(now) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-becomes-at]"), function (el) {
      if (Number(el.dataset.becomesAt) > now) return;
      el.className = "status " + el.dataset.becomes;
      el.textContent = el.dataset.becomesLabel;
      el.removeAttribute("data-becomes-at");
    });
  }

  // The timeline: entries Earth has heard of are done.
  function markHeard(now) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-heard-at]"), function (el) {
      var heard = Number(el.dataset.heardAt) <= now;
      if (el.classList.contains("done") === heard) return;
      el.classList.toggle("done", heard);
      var mark = el.querySelector(".done-mark");
      if (mark) mark.hidden = !heard;
    });
  }

  // Each tick just after the server's second turns.
  function loop() {
    render();
    var now = serverNow();
    setTimeout(loop, now === null ? 100 : 1000 - (now % 1000) + 5);
  }

  function setPaused(value) {
    paused = value;
    Array.prototype.forEach.call(document.querySelectorAll("[data-countdown-pause]"), function (button) {
      button.setAttribute("aria-pressed", String(paused));
      var label = paused ? words().resume : words().pause;
      if (label) button.textContent = label;
    });
    if (!paused) render();
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!document.querySelector("[data-countdown], [data-mars-hours], [data-heard-at], [data-becomes-at]")) return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-countdown-pause]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { setPaused(!paused); });
    });
    afterFirstPaint(synchronise);
    adopt(document);
    loop();
    document.addEventListener("visibilitychange", resyncIfDrifted);
    setInterval(resyncIfDrifted, 60000);
  });
  // A fresh fragment from htmx: its numbers are shown on the server's clock at once (a
  // cached copy's are seconds old), and its phase announced if it changed.
  document.addEventListener("htmx:afterSwap", render);
  document.addEventListener("htmx:load", function (event) { adopt(event.target); });
  // While paused, no polling either.
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (paused && event.target.matches && event.target.matches("[data-countdown]")) event.preventDefault();
  });
})();
