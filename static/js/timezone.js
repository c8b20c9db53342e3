// On a first visit, remember the browser's own time zone so that times on every page are
// shown in it from the next page on. The visitor can always choose another one at
// /timezone/; without JavaScript, times stay in UTC until they do.
(function () {
  "use strict";
  var root = document.documentElement;
  // The cookie, not the page, says whether a zone was chosen: pages are shared.
  if (document.cookie.indexOf("tz=") !== -1) return;
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone || !/^[A-Za-z0-9_+\/-]{1,64}$/.test(zone)) return;
  var secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = "tz=" + zone + "; Path=/; Max-Age=31536000; SameSite=Lax" + secure;
  // Reload once so this page, too, shows local times; the cookie stops a second reload.
  if (zone !== root.dataset.visitorTz && document.cookie.indexOf("tz=") !== -1) {
    location.reload();
  }
})();
