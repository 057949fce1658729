// Search for an offline copy of a track, opened from file:// where Web Workers cannot start.
// The index (window.cwSearchIndex, from search-index.js) lists page sections as
// {l: location from the site root, t: title, x: text}. Every query term must occur in the
// title or the text; accents and case are ignored. Results are built as DOM nodes with
// textContent, never as HTML, so indexed text cannot become markup.
(function () {
  "use strict";
  var form = document.querySelector("[data-cw-search]");
  var input = document.getElementById("cw-search-input");
  var list = document.getElementById("cw-search-results");
  var status = document.getElementById("cw-search-status");
  if (!form || !input || !list || !status) {
    return;
  }
  var root = list.getAttribute("data-root") || "";
  var MAX_RESULTS = 30;
  var SNIPPET_CHARS = 160;

  // One UTF-16 unit in, one out, so that positions in folded text are positions in the text.
  // data-count holds the forms of "{count} results" by CLDR plural category (Arabic has six).
  function countText(status, count) {
    var forms = JSON.parse(status.getAttribute("data-count") || "{}");
    var category = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
    return (forms[category] || forms.other || "{count}").replace("{count}", String(count));
  }
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i += 1) {
      var c = text.charAt(i).normalize("NFD").charAt(0).toLowerCase();
      out += c.length === 1 ? c : text.charAt(i);
    }
    return out;
  }

  var entries = (window.cwSearchIndex || []).map(function (entry, order) {
    return { entry: entry, order: order, title: fold(entry.t), text: fold(entry.x) };
  });

  function score(item, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i += 1) {
      var inTitle = item.title.indexOf(terms[i]) >= 0;
      var inText = item.text.indexOf(terms[i]) >= 0;
      if (!inTitle && !inText) {
        return 0;
      }
      total += (inTitle ? 10 : 0) + (inText ? 1 : 0);
    }
    return total;
  }

  function snippet(item, terms) {
    var at = item.text.indexOf(terms[0]);
    var text = item.entry.x;
    if (at < 0) {
      return text.slice(0, SNIPPET_CHARS);
    }
    var start = Math.max(0, at - SNIPPET_CHARS / 4);
    var end = Math.min(text.length, start + SNIPPET_CHARS);
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function show(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (terms.length === 0) {
      status.textContent = "";
      return;
    }
    var found = entries
      .map(function (item) {
        return { item: item, score: score(item, terms) };
      })
      .filter(function (hit) {
        return hit.score > 0;
      })
      .sort(function (a, b) {
        return b.score - a.score || a.item.order - b.item.order;
      });
    status.textContent =
      found.length === 0
        ? status.getAttribute("data-none")
        : countText(status, found.length);
    found.slice(0, MAX_RESULTS).forEach(function (hit) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + hit.item.entry.l;
      link.textContent = hit.item.entry.t;
      var text = document.createElement("p");
      text.textContent = snippet(hit.item, terms);
      li.appendChild(link);
      li.appendChild(text);
      list.appendChild(li);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
  });
  input.addEventListener("input", function () {
    show(input.value);
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
  }
  // The reader may have typed before this deferred script ran: search what is there.
  if (input.value) {
    show(input.value);
  }
})();
