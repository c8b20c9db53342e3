// The live feed between page loads (missions/includes/live_feed.html).
//
// htmx polls the feed's latest posts into a hidden element (live_poll.html: the same bytes
// for every visitor). This script compares them with the page: an edited or re-pinned post
// is replaced where it stands, a withdrawn one removed, and new ones are offered behind a
// button ("3 new updates") that the visitor presses when ready, so the page never moves
// under them. The count is announced politely once; focus is never taken. While the tab is
// hidden nothing is fetched; on coming back the feed is checked at once.
(function () {
  "use strict";

  function anchorOf(li) { return li.id || li.getAttribute("data-entry"); }

  function adopt(copy) {
    var li = copy.cloneNode(true);
    li.id = copy.getAttribute("data-entry");
    li.removeAttribute("data-entry");
    return li;
  }

  function compare(feed, poll) {
    var list = feed.querySelector("[data-live-entries]");
    var shown = {};
    Array.prototype.forEach.call(list.children, function (li) { shown[anchorOf(li)] = li; });
    var latest = {};
    var fresh = [];
    Array.prototype.forEach.call(poll.querySelectorAll("[data-entry]"), function (copy) {
      var anchor = anchorOf(copy);
      latest[anchor] = true;
      var mine = shown[anchor];
      if (!mine) {
        fresh.push(copy);
      } else if (mine.getAttribute("data-version") !== copy.getAttribute("data-version")) {
        list.replaceChild(adopt(copy), mine);
      }
    });
    // While the fragment holds every post (fewer than its limit), a post on the page that
    // it no longer holds was withdrawn.
    var copies = poll.querySelectorAll("[data-entry]");
    if (copies.length < Number(poll.getAttribute("data-live-limit"))) {
      Object.keys(shown).forEach(function (anchor) {
        if (!latest[anchor] && shown[anchor].parentNode === list) list.removeChild(shown[anchor]);
      });
    }
    feed.liveFresh = fresh;
    offer(feed);
  }

  // "3 new updates" in the page's language: the server wrote the words by plural category
  // ({% live_feed_words %}) on the box that offers them. This script has no words of its
  // own: without them (null) the button keeps the server's.
  function newUpdates(box, count) {
    var forms = null;
    try {
      forms = JSON.parse(box.getAttribute("data-live-words")).new || null;
    } catch (error) { /* the server's words stand */ }
    if (!forms) return null;
    var category = window.Intl && Intl.PluralRules
      ? new Intl.PluralRules(document.documentElement.lang || "en").select(count)
      : count === 1 ? "one" : "other";
    return (forms[category] || forms.other).replace("{count}", String(count));
  }

  function offer(feed) {
    var fresh = feed.liveFresh || [];
    var box = feed.querySelector(".live-new");
    var button = feed.querySelector("[data-live-show]");
    var status = feed.querySelector("[data-live-announce]");
    if (!fresh.length) { box.hidden = true; return; }
    var text = newUpdates(box, fresh.length) || button.textContent;
    if (button.textContent !== text) {
      button.textContent = text;
      var key = fresh.filter(function (copy) { return copy.getAttribute("data-key") === "1"; })[0];
      var headline = key && key.querySelector(".live-headline");
      status.textContent = text + (headline ? ": " + headline.textContent : "") + ".";
    }
    box.hidden = false;
  }

  // New key events join the "Key moments" links, in the order they happened (the feed
  // offers the newest first, so the earliest of them is linked first).
  function addKeyMoments(feed, fresh) {
    var nav = feed.querySelector("[data-key-moments]");
    if (!nav) return;
    var list = nav.querySelector("ol");
    var keys = fresh.filter(function (copy) { return copy.getAttribute("data-key") === "1"; });
    if (feed.getAttribute("data-order") !== "oldest") keys.reverse();
    keys.forEach(function (copy) {
      var anchor = copy.getAttribute("data-entry");
      if (list.querySelector('a[href="#' + anchor + '"]')) return;
      var headline = copy.querySelector(".live-headline");
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = "#" + anchor;
      link.textContent = headline ? headline.textContent : anchor;
      if (headline && headline.lang) { link.lang = headline.lang; link.dir = headline.dir || "ltr"; }
      item.appendChild(link);
      list.appendChild(item);
    });
    if (list.children.length) nav.hidden = false;
  }

  function show(feed) {
    var list = feed.querySelector("[data-live-entries]");
    var oldestFirst = feed.getAttribute("data-order") === "oldest";
    var fresh = feed.liveFresh || [];
    var first = null, last = null;
    var unpinned = list.querySelector(".live-entry:not(.is-pinned)");
    fresh.forEach(function (copy) {
      var li = adopt(copy);
      if (oldestFirst) {
        list.appendChild(li);
      } else if (li.classList.contains("is-pinned")) {
        list.insertBefore(li, list.firstChild);
      } else {
        // Newest first, under the pinned posts, in the order the feed gives them.
        list.insertBefore(li, last && !last.classList.contains("is-pinned") ? last.nextSibling : unpinned);
        last = li;
      }
      first = first || li;
    });
    addKeyMoments(feed, fresh);
    feed.liveFresh = [];
    var empty = feed.querySelector("[data-live-empty]");
    if (empty) empty.hidden = true;
    feed.querySelector(".live-new").hidden = true;
    feed.querySelector("[data-live-announce]").textContent = "";
    if (first) {
      // The button is gone: the first new post takes its place in the tab order.
      first.setAttribute("tabindex", "-1");
      first.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-live-feed]"), function (feed) {
      feed.querySelector("[data-live-show]").addEventListener("click", function () { show(feed); });
    });
  });
  document.addEventListener("htmx:load", function (event) {
    var poll = event.target;
    if (!poll.matches || !poll.matches("[data-live-poll]")) return;
    var feed = poll.closest("[data-live-feed]");
    if (feed) compare(feed, poll);
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (document.hidden && event.target.matches && event.target.matches("[data-live-poll]")) {
      event.preventDefault();
    }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.hidden || !window.htmx) return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-live-poll][data-hx-get]"), function (poll) {
      window.htmx.trigger(poll, "live-check");
    });
  });
})();
