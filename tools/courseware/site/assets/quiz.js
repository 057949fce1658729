// Self-check of a module page and pre/post test forms (see courseware/site/render/quiz.py).
// Self-check: the page is complete without this script, answers wait behind <details>; with
// it, each item gets a check button, instant feedback and a score announced in the live
// region, kept in this browser's localStorage and never sent. Test form: the learner's
// answers become a result code laid out as courseware/assess/codes.py reads it (Crockford
// Base32, mod-37 check symbol), announced, shown large and sent as a "cw-code" event to
// qr.js on the same page (never over a network). Every string comes from data-l-* attributes.
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
  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  var CHECK = ALPHABET + "*~$=U";
  function field(item) {
    var type = item.getAttribute("data-type");
    var inputs = all(item.querySelector("fieldset"), "input");
    var value = 0;
    if (type === "single") {
      inputs.forEach(function (input) { if (input.checked) { value = Number(input.value) + 1; } });
      return value;
    }
    if (type === "multiple") {  // option 0 is the highest bit, whatever order the page shows
      inputs.forEach(function (input) {
        if (input.checked) { value += Math.pow(2, inputs.length - 1 - Number(input.value)); }
      });
      return value;
    }
    if (type === "true_false") {
      inputs.forEach(function (input) { if (input.checked) { value = input.value === "true" ? 1 : 2; } });
      return value;
    }
    var ok = judge(item);
    return ok === null ? 0 : (ok ? 1 : 2);
  }
  function initForm(form) {
    var button = document.createElement("button");
    var status = form.querySelector(".cw-form-code");
    var result = form.querySelector(".cw-form-result");
    all(form, ".cw-form-noscript").forEach(function (p) { p.hidden = true; });
    button.type = "button";
    button.textContent = form.getAttribute("data-l-finish");
    form.insertBefore(button, status);
    button.addEventListener("click", function () {
      var hidden = all(form, ".cw-quiz-self[hidden]");
      if (hidden.length) {
        hidden.forEach(function (f) { f.hidden = false; });
        status.textContent = form.getAttribute("data-l-self");
        hidden[0].querySelector("input").focus();
        return;
      }
      var name = form.querySelector("#cw-pseudonym").value.toUpperCase().replace(/[\s-]/g, "")
        .replace(/[IL]/g, "1").replace(/O/g, "0");
      if (name.length > 7 || name.split("").some(function (c) { return ALPHABET.indexOf(c) < 0; })) {
        status.textContent = form.getAttribute("data-l-pseudonym");
        return;
      }
      var bits = [];
      function put(number, width) {
        for (var i = width - 1; i >= 0; i -= 1) { bits.push(Math.floor(number / Math.pow(2, i)) % 2); }
      }
      put(Number(form.getAttribute("data-version")), 3);
      put(Number(form.getAttribute("data-track-hash")), 20);
      put(Number(form.getAttribute("data-form")), 1);
      put(name.length, 3);
      name.split("").forEach(function (c) { put(ALPHABET.indexOf(c), 5); });
      all(form, ".cw-form-item").forEach(function (item) {
        put(field(item), Number(item.getAttribute("data-bits")));
      });
      while (bits.length % 5) { bits.push(0); }
      var code = "";
      var check = 0;
      for (var i = 0; i < bits.length; i += 5) {
        var symbol = bits.slice(i, i + 5).reduce(function (a, b) { return a * 2 + b; }, 0);
        code += ALPHABET[symbol];
        check = (check * 32 + symbol) % 37;
      }
      code = (code + CHECK[check]).match(/.{1,4}/g).join("-");
      status.textContent = form.getAttribute("data-l-code").replace("{code}", code);
      if (result) {  // shown large for reading aloud; qr.js, where loaded, adds its QR code
        result.querySelector(".cw-form-code-shown").textContent = code;
        result.hidden = false;
        form.dispatchEvent(new CustomEvent("cw-code", { bubbles: true, detail: code }));
      }
    });
  }
  function start() {
    all(document, "section.cw-quiz").forEach(init);
    all(document, "section.cw-form").forEach(initForm);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
