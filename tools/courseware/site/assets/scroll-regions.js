// Wide tables on narrow screens: Material wraps its tables in a horizontally scrolling box,
// which keyboard users cannot scroll unless the box can take focus (WCAG 2.1.1; axe rule
// scrollable-region-focusable). A box whose table overflows becomes focusable and is named
// after its table; one that fits stays out of the tab order. Checked again on resize.
// Material wraps only tables without a class; the builder's own tables (they have one) get a
// box of ours here, div.cw-scroll, so that they scroll inside it and not the page.
(function () {
  "use strict";
  var BOXES = ".md-typeset__scrollwrap, .cw-scroll";
  function wrapGeneratedTables() {
    document.querySelectorAll(".md-typeset table[class]:not(.highlighttable)").forEach(
      function (table) {
        var parent = table.parentElement;
        if (!parent || parent.classList.contains("cw-scroll") ||
            parent.classList.contains("md-typeset__table")) { return; }
        var box = document.createElement("div");
        box.className = "cw-scroll";
        parent.insertBefore(box, table);
        box.appendChild(table);
      });
  }
  function tableName(table) {
    var caption = table.querySelector("caption");
    return (caption && caption.textContent.trim()) || table.getAttribute("aria-label") || "";
  }
  function update() {
    wrapGeneratedTables();
    document.querySelectorAll(BOXES).forEach(function (box) {
      var table = box.querySelector("table");
      var name = table ? tableName(table) : "";
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
        if (name) {
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", name);
        }
      } else {
        ["tabindex", "role", "aria-label"].forEach(function (attribute) {
          box.removeAttribute(attribute);
        });
      }
    });
  }
  var queued = false;
  function schedule() {
    if (queued) { return; }
    queued = true;
    requestAnimationFrame(function () { queued = false; update(); });
  }
  // Material's document$ emits once its components (the table wrappers among them) are set up.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(schedule);
  } else {
    document.addEventListener("DOMContentLoaded", schedule);
  }
  window.addEventListener("resize", schedule);
})();
