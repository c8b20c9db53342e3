// "Esta página en español": when the browser prefers another language the site speaks,
// offer this page in it, in a line that can be dismissed (remembered in localStorage).
// The page stays the same bytes for everyone (a CDN keeps one copy of each address): only
// this script, in the browser, looks at the browser's languages; the server never does.
(function () {
  "use strict";

  var OFFER = { en: "This page in English", es: "Esta página en español", ar: "هذه الصفحة بالعربية" };
  var DISMISS = { en: "Dismiss", es: "Cerrar", ar: "إغلاق" };
  var RTL = { ar: true };
  var KEY = "marsweb-language-hint-dismissed";

  function dismissed() {
    try {
      return window.localStorage.getItem(KEY) === "1";
    } catch (error) {
      return true; // no storage: no way to remember a dismissal, so never nag
    }
  }

  // The language the browser puts first among those this page is offered in, unless it is
  // the page's own.
  function wanted(links) {
    var current = document.documentElement.lang;
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < languages.length; i++) {
      var code = String(languages[i] || "").toLowerCase().split("-")[0];
      if (code === current) return null;
      if (links[code] && OFFER[code]) return code;
    }
    return null;
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (dismissed()) return;
    var links = {};
    document.querySelectorAll(".language-list a[hreflang]").forEach(function (link) {
      links[link.getAttribute("hreflang")] = link.getAttribute("href");
    });
    var code = wanted(links);
    var header = document.querySelector(".site-header");
    if (!code || !header) return;

    var hint = document.createElement("p");
    hint.className = "language-hint";
    hint.lang = code;
    hint.dir = RTL[code] ? "rtl" : "ltr";
    var link = document.createElement("a");
    link.href = links[code];
    link.hreflang = code;
    link.textContent = OFFER[code];
    var close = document.createElement("button");
    close.type = "button";
    close.className = "language-hint-close";
    close.setAttribute("aria-label", DISMISS[code]);
    close.textContent = "×";
    close.addEventListener("click", function () {
      try {
        window.localStorage.setItem(KEY, "1");
      } catch (error) { /* not remembered; gone for this page all the same */ }
      hint.remove();
      document.documentElement.classList.remove("has-language-hint");
    });
    hint.appendChild(link);
    hint.appendChild(document.createTextNode(" "));
    hint.appendChild(close);
    header.appendChild(hint); // inside the banner landmark; shown at the window's foot
    document.documentElement.classList.add("has-language-hint");
  });
})();
