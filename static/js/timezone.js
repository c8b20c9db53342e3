// Show times in the visitor's own zone. Pages are the same for everyone (so that a CDN
// can serve them): the server writes times in UTC, or in the zone the visitor chose at
// /timezone/ (the "tz" cookie, "__Host-tz" in production), and marks them data-local.
// This script rewrites them in the chosen zone or, failing that, the browser's own.
// Without JavaScript they stay as the server wrote them, with the zone named.
(function () {
  "use strict";
  var NAME = /^[A-Za-z0-9_+\/-]{1,64}$/;

  function chosenZone() {
    var match = document.cookie.match(/(?:^|;\s*)(?:__Host-)?tz=([^;]+)/);
    return match && NAME.test(match[1]) ? match[1] : null;
  }

  // The names a browser may give UTC ("Etc/UTC" on most Linux machines): all one zone, the
  // one the server writes shared pages in, so such a page needs no rewriting at all.
  var UTC = /^(Etc\/)?(UTC|UCT|GMT[+-]?0?|Universal|Zulu|Greenwich)$/;

  function browserZone() {
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone && UTC.test(zone)) return "UTC";
      return zone && NAME.test(zone) ? zone : null;
    } catch (error) {
      return null;
    }
  }

  var OPTIONS = {
    minutes: { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
    seconds: { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" },
    "12h": { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit", hour12: true },
  };

  // The page's language; Arabic pages keep the digits the server writes (0-9).
  var LANGUAGE = document.documentElement.lang || "en";
  var LOCALE = LANGUAGE === "ar" ? "ar-u-nu-latn" : LANGUAGE;

  // Building an Intl formatter costs far more than using one: one per locale, style and zone.
  var formatters = {};
  function formatter(locale, options) {
    var key = locale + "|" + JSON.stringify(options);
    if (!formatters[key]) formatters[key] = new Intl.DateTimeFormat(locale, options);
    return formatters[key];
  }

  // "Thu 18 Feb 2021, 12:55 PST", as the server writes it; in another language, as that
  // language writes a date (Intl), then the zone's name.
  function format(date, style, zone) {
    var options = Object.assign({ timeZone: zone }, OPTIONS[style] || OPTIONS.minutes);
    if (LANGUAGE !== "en") {
      return formatter(LOCALE, options).format(date) + " " + zoneName(date, zone);
    }
    var parts = {};
    formatter("en-GB", options).formatToParts(date).forEach(function (part) {
      parts[part.type] = part.value;
    });
    parts.timeZoneName = zoneName(date, zone);
    var day = parts.weekday + " " + parts.day + " " + parts.month + (parts.year ? " " + parts.year : "");
    var time = parts.hour + ":" + parts.minute + (parts.second ? ":" + parts.second : "");
    if (style === "12h") time += " " + (parts.dayPeriod || "").toUpperCase();
    return day + ", " + time + " " + parts.timeZoneName;
  }

  // US English knows the most zone abbreviations (EST, PDT); elsewhere it says GMT+1.
  function zoneName(date, zone, style) {
    var name = "";
    formatter(style ? LOCALE : "en-US", { timeZone: zone, timeZoneName: style || "short" })
      .formatToParts(date)
      .forEach(function (part) {
        if (part.type === "timeZoneName") name = part.value;
      });
    return name;
  }

  // The zone as a person names it, in the page's language: "New York (Eastern Time)",
  // "New York (hora del este de Norteamérica)"; never "America/New_York".
  function zoneTitle(zone) {
    if (zone === "UTC") return "UTC";
    var city = zone.split("/").pop().replace(/_/g, " ");
    var generic = "";
    try {
      generic = zoneName(new Date(), zone, "longGeneric");
    } catch (error) { /* an older browser: the city alone */ }
    return generic ? city + " (" + generic + ")" : city;
  }

  function localize(root, zone) {
    var title = zoneTitle(zone);
    root.querySelectorAll("time[data-local]").forEach(function (element) {
      var date = new Date(element.getAttribute("datetime"));
      if (isNaN(date)) return;
      element.textContent = format(date, element.dataset.local, zone);
      element.title = title;
    });
    root.querySelectorAll("[data-visitor-zone]").forEach(function (element) {
      element.textContent = title;
    });
    root.querySelectorAll("[data-unless-zone]").forEach(function (element) {
      element.hidden = element.dataset.unlessZone === zone;
    });
    // The time zone page: with no choice made yet, offer the browser's own zone.
    root.querySelectorAll("select[data-zone-choice][data-guess]").forEach(function (select) {
      if (select.querySelector('option[value="' + zone + '"]')) select.value = zone;
    });
  }

  // A zone this browser does not know (Intl throws): the server's times stay.
  function localizeQuietly(root, zone) {
    try {
      localize(root, zone);
    } catch (error) { /* the server's times, with their zone named, stand */ }
  }

  // A browser whose clock keeps UTC all year (no chosen zone) reads the shared pages as
  // the server wrote them. Date's own offset says so without Intl, whose first formatter
  // costs a slow phone a quarter of a second.
  function keepsUtc() {
    var year = new Date().getFullYear();
    return [0, 6].every(function (month) {
      return new Date(year, month, 1).getTimezoneOffset() === 0;
    });
  }

  var chosen = chosenZone();
  if (!chosen && document.documentElement.dataset.renderedTz === "UTC" && keepsUtc()) return;
  var zone = chosen || browserZone();
  if (!zone) return;
  // A page rendered in the visitor's chosen zone already reads right.
  if (zone !== document.documentElement.dataset.renderedTz) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () {
        localizeQuietly(document, zone);
      });
    } else {
      localizeQuietly(document, zone);
    }
  }
  // Fragments htmx swaps in are shared by every visitor, so they come in UTC: always
  // rewrite them. htmx:load fires on each new element, also after an outerHTML swap.
  document.addEventListener("htmx:load", function (event) {
    if (event.target !== document.body) localizeQuietly(event.target, zone);
  });
})();
