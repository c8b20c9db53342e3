// The mission admin's timeline: each row's Earth-received time (the spacecraft event time
// plus the signal delay) follows what the editor types, for rows added too, instead of
// appearing only once the mission is saved (missions/admin.py MilestoneInline).
(function () {
  "use strict";

  // Django's duration: "[DD] [[HH:]MM:]SS", e.g. "00:11:22" or "1 02:00:00".
  function seconds(text) {
    var match = /^\s*(?:(-?\d+)\s+)?(?:(?:(\d+):)?(\d+):)?(\d+(?:\.\d+)?)\s*$/.exec(text || "");
    if (!match) return null;
    return (Number(match[1] || 0) * 86400) + (Number(match[2] || 0) * 3600) +
      (Number(match[3] || 0) * 60) + Number(match[4]);
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function update(row) {
    var date = row.querySelector('input[name$="-occurs_at_0"]');
    var time = row.querySelector('input[name$="-occurs_at_1"]');
    var delay = row.querySelector('input[name$="-signal_delay"]');
    var shown = row.querySelector("td.field-earth_received p, td.field-earth_received");
    if (!date || !time || !delay || !shown) return;
    var at = new Date(date.value.trim() + "T" + (time.value.trim() || "00:00:00") + "Z");
    var wait = seconds(delay.value);
    if (isNaN(at) || wait === null || !delay.value.trim()) {
      shown.textContent = "—";
      return;
    }
    var heard = new Date(at.getTime() + wait * 1000);
    shown.textContent = heard.getUTCFullYear() + "-" + pad(heard.getUTCMonth() + 1) + "-" +
      pad(heard.getUTCDate()) + " " + pad(heard.getUTCHours()) + ":" + pad(heard.getUTCMinutes()) +
      ":" + pad(heard.getUTCSeconds()) + " UTC";
  }

  document.addEventListener("input", function (event) {
    var row = event.target.closest && event.target.closest("tr.form-row");
    if (row && /-(occurs_at_[01]|signal_delay)$/.test(event.target.name || "")) update(row);
  });
  // Django's calendar and clock pickers set the value without an input event.
  document.addEventListener("change", function (event) {
    var row = event.target.closest && event.target.closest("tr.form-row");
    if (row) update(row);
  });
  document.addEventListener("formset:added", function (event) {
    if (event.target.matches && event.target.matches("tr.form-row")) update(event.target);
  });
})();
