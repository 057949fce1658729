// Self-check of a module page (see courseware/site/render/quiz.py). The page is complete
// without this script: answers wait behind <details>. With it, each item gets a check
// button, instant feedback and a score announced in the section's live region. Results stay
// in this browser's localStorage and are never sent. Every string comes from data-l-*.
(function () {
  "use strict";
  function load(key) {
    try { return JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (e) { return {}; }
  }
  function save(key, results) {
    try { localStorage.setItem(key, JSON.stringify(results)); } catch (e) { /* private mode */ }
  }
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function judge(item) {
    var type = item.getAttribute("data-type");
    var fields = item.querySelector("fieldset");
    if (type === "numeric") {
      var text = fields.querySelector("input").value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
      if (!text) { return null; }
      var got = Number(text);
      var want = Number(item.getAttribute("data-value"));
      return Math.abs(got - want) <= Number(item.getAttribute("data-tolerance")) + 1e-9;
    }
    if (type === "ordering") {
      var selects = all(fields, "select");
      if (selects.some(function (s) { return !s.value; })) { return null; }
      return selects.every(function (s) { return s.value === s.getAttribute("data-position"); });
    }
    var scope = type === "short_answer" ? item.querySelector(".cw-quiz-self") : fields;
    var inputs = all(scope, "input");
    var chosen = inputs.filter(function (i) { return i.checked; });
    if (!chosen.length) { return null; }
    return inputs.every(function (i) { return i.checked === i.hasAttribute("data-correct"); });
  }
  function init(quiz) {
    var key = "courseware-quiz:" + quiz.getAttribute("data-quiz");
    var results = load(key);
    var items = all(quiz, ".cw-quiz-item");
    var status = quiz.querySelector(".cw-quiz-score");
    function label(name) { return quiz.getAttribute("data-l-" + name) || ""; }
    function score() {
      var right = items.filter(function (i) { return results[i.getAttribute("data-item")] === 1; });
      return label("score").replace("{right}", right.length).replace("{total}", items.length);
    }
    function show(item, ok) {
      var feedback = item.querySelector(".cw-quiz-feedback");
      var said = all(item, "fieldset input:checked").map(function (input) {
        var note = document.getElementById(input.id + "-fb");
        return note ? note.textContent : "";
      }).join(" ");
      feedback.textContent = (ok ? label("right") : label("wrong")) + (said ? " " + said : "");
      feedback.hidden = false;
      if (!ok) { item.querySelector("details").open = true; }
      status.textContent = feedback.textContent + " " + score();
    }
    items.forEach(function (item) {
      var id = item.getAttribute("data-item");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cw-quiz-check";
      button.textContent = label("check");
      item.querySelector("fieldset").appendChild(button);
      function record() {
        var ok = judge(item);
        if (ok === null) {
          if (item.getAttribute("data-type") === "short_answer") {
            item.querySelector("details").open = true;
            item.querySelector(".cw-quiz-self input").focus();
          }
          return;
        }
        results[id] = ok ? 1 : 0;
        save(key, results);
        show(item, ok);
      }
      button.addEventListener("click", record);
      all(item, ".cw-quiz-self input").forEach(function (input) {
        input.addEventListener("change", record);
      });
    });
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "cw-quiz-reset";
    reset.textContent = label("reset");
    reset.addEventListener("click", function () {
      results = {};
      save(key, results);
      all(quiz, "input, textarea").forEach(function (i) { i.checked = false; if (i.type === "text" || i.tagName === "TEXTAREA") { i.value = ""; } });
      all(quiz, "select").forEach(function (s) { s.value = ""; });
      all(quiz, ".cw-quiz-feedback").forEach(function (f) { f.hidden = true; f.textContent = ""; });
      status.textContent = score();
    });
    quiz.appendChild(reset);
    if (Object.keys(results).length) { status.textContent = score(); }
  }
  function start() { all(document, "section.cw-quiz").forEach(init); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
