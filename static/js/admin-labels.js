// Django's autocomplete fields (Select2) draw a combobox that only names its current value,
// which is empty until one is chosen: name it by the field's own label as well, so screen
// readers say "Parent" rather than nothing.
(function () {
  "use strict";
  function nameComboboxes(root) {
    root.querySelectorAll("select.admin-autocomplete[id]").forEach(function (select) {
      var label = document.querySelector('label[for="' + select.id + '"]');
      var container = select.nextElementSibling;
      var box = container && container.querySelector(".select2-selection[role=combobox]");
      if (!label || !box) return;
      if (!label.id) label.id = select.id + "-label";
      var names = (box.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
      if (names.indexOf(label.id) === -1) {
        box.setAttribute("aria-labelledby", [label.id].concat(names).join(" "));
      }
      // The read-only text inside it, which shows the value, is named by the label too.
      var shown = box.querySelector(".select2-selection__rendered[role=textbox]");
      if (shown) shown.setAttribute("aria-labelledby", label.id);
    });
  }
  // Select2 draws its boxes when jQuery is ready, and again for inline rows added later:
  // whenever boxes appear, name them.
  new MutationObserver(function (records) {
    var drawn = records.some(function (record) {
      return Array.prototype.some.call(record.addedNodes, function (node) {
        return node.nodeType === 1 && (node.matches(".select2-container") || node.querySelector(".select2-container"));
      });
    });
    if (drawn) nameComboboxes(document);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
