// Filters tables marked data-filterable by the selects of a form.cw-filter.
// The tables are complete without this script; it only hides rows that do not match.
(function () {
  "use strict";
  function apply(form) {
    var tables = document.querySelectorAll(form.getAttribute("data-filter-for"));
    var selects = form.querySelectorAll("select");
    var shown = 0;
    var total = 0;
    tables.forEach(function (table) {
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var visible = true;
        selects.forEach(function (select) {
          if (!select.value) { return; }
          var values = (row.getAttribute("data-" + select.name) || "").split(" ");
          if (values.indexOf(select.value) === -1) { visible = false; }
        });
        row.hidden = !visible;
        total += 1;
        if (visible) { shown += 1; }
      });
    });
    var status = form.querySelector(".cw-filter-status");
    if (status) {
      // data-status holds the forms of the counted text by CLDR plural category.
      var forms = JSON.parse(form.getAttribute("data-status") || "{}");
      var category = new Intl.PluralRules(document.documentElement.lang || "en").select(shown);
      status.textContent = (forms[category] || forms.other || "{shown} / {total}")
        .replace("{shown}", shown).replace("{total}", total);
    }
  }
  function init() {
    document.querySelectorAll("form.cw-filter").forEach(function (form) {
      form.hidden = false;
      form.addEventListener("change", function () { apply(form); });
      form.addEventListener("submit", function (event) { event.preventDefault(); apply(form); });
      apply(form);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
