// Search on demand: Material for MkDocs fetches the whole search index (every page in every
// language) and starts its search worker as soon as any page loads. On a slow or metered
// connection that is most of a first visit for readers who never search. This file runs
// before Material's bundle and holds both back until the reader starts a search: focusing
// the search field, opening the search dialog, or arriving with a ?q= query.
//
// It works through the two browser interfaces the bundle uses: the index request
// (XMLHttpRequest to search/search_index.json) is opened but not sent, and the search worker
// (new Worker(".../workers/search.*.js")) is a stand-in that keeps listeners and messages
// until the real worker starts. Everything else passes through unchanged.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search\.[^/]*\.js$/;
  var started = false;
  var pending = [];

  function pathOf(url) {
    return new URL(String(url), location.href).pathname;
  }

  function start() {
    if (started) { return; }
    started = true;
    pending.splice(0).forEach(function (resume) { resume(); });
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.cwIsSearchIndex = INDEX.test(pathOf(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (started || !this.cwIsSearchIndex) { return send.apply(this, arguments); }
    var request = this;
    var args = arguments;
    pending.push(function () { send.apply(request, args); });
  };

  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (started || !WORKER.test(pathOf(url))) { return new RealWorker(url, options); }
      var real = null;
      var listeners = [];
      var messages = [];
      pending.push(function () {
        real = new RealWorker(url, options);
        listeners.forEach(function (item) { real.addEventListener.apply(real, item); });
        messages.forEach(function (item) { real.postMessage.apply(real, item); });
      });
      return {
        addEventListener: function () {
          if (real) { real.addEventListener.apply(real, arguments); } else { listeners.push(arguments); }
        },
        removeEventListener: function (type, listener) {
          if (real) { real.removeEventListener.apply(real, arguments); }
          listeners = listeners.filter(function (item) {
            return item[0] !== type || item[1] !== listener;
          });
        },
        postMessage: function () {
          if (real) { real.postMessage.apply(real, arguments); } else { messages.push(arguments); }
        },
        terminate: function () {
          if (real) { real.terminate(); }
        }
      };
    };
  }

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-md-component=search]")) { start(); }
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) { start(); }
  });
  if (new URLSearchParams(location.search).has("q")) { start(); }
})();
