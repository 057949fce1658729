// QR code of a pre/post test's result code, drawn as SVG once quiz.js has made the code (its
// "cw-code" event). Loaded only on test form pages. Written from ISO/IEC 18004: byte mode,
// error correction level M (15 %), versions 1 to 10 (up to 213 bytes; the repository's
// result codes need 1 to 3), the mask chosen by the standard's four penalty rules on the
// whole symbol. tests/site/assets/test_qr.py checks every module against segno's symbol of
// the same version and mask, and decodes a Chromium screenshot with zxing-cpp.
// Why an encoder of our own: the code exists only in the learner's browser (nothing is sent),
// segno is Python, and the site ships its scripts as plain files with no JavaScript toolchain.
(function () {
  "use strict";
  // Level M per version: [error correction codewords per block, blocks of group 1, data
  // codewords in each of them, blocks of group 2 (one data codeword more)]. ISO/IEC 18004
  // table 9.
  var BLOCKS = [null, [10, 1, 16, 0], [16, 1, 28, 0], [26, 1, 44, 0], [18, 2, 32, 0],
    [24, 2, 43, 0], [16, 4, 27, 0], [18, 4, 31, 0], [22, 2, 38, 2], [22, 3, 36, 2],
    [26, 4, 43, 1]];
  var EXP = [];
  var LOG = [];
  (function () {  // GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11d)
    for (var i = 0, x = 1; i < 255; i += 1) {
      EXP[i] = x;
      LOG[x] = i;
      x = x & 128 ? (x << 1) ^ 0x11d : x << 1;
    }
  })();
  function times(a, b) { return a && b ? EXP[(LOG[a] + LOG[b]) % 255] : 0; }
  function errorWords(data, count) {
    var generator = [1];  // the product of (x - 2^i) for i < count, highest power first
    for (var i = 0; i < count; i += 1) {
      var next = [];
      for (var j = 0; j <= generator.length; j += 1) {
        next[j] = (generator[j] || 0) ^ (j ? times(generator[j - 1], EXP[i]) : 0);
      }
      generator = next;
    }
    var rest = [];
    for (var k = 0; k < count; k += 1) { rest[k] = 0; }
    data.forEach(function (word) {
      var factor = word ^ rest.shift();
      rest.push(0);
      for (var n = 0; n < count; n += 1) { rest[n] ^= times(generator[n + 1], factor); }
    });
    return rest;
  }
  function dataWords(layout) { return layout[1] * layout[2] + layout[3] * (layout[2] + 1); }
  function codewords(bytes, version) {
    var layout = BLOCKS[version];
    var capacity = dataWords(layout);
    var bits = [];
    function put(value, width) {
      for (var i = width - 1; i >= 0; i -= 1) { bits.push((value >>> i) & 1); }
    }
    put(4, 4);  // byte mode
    put(bytes.length, version < 10 ? 8 : 16);
    bytes.forEach(function (b) { put(b, 8); });
    put(0, Math.min(4, capacity * 8 - bits.length));  // terminator
    while (bits.length % 8) { bits.push(0); }
    var words = [];
    for (var i = 0; i < bits.length; i += 8) {
      words.push(bits.slice(i, i + 8).reduce(function (a, b) { return a * 2 + b; }, 0));
    }
    for (var pad = 0; words.length < capacity; pad += 1) { words.push(pad % 2 ? 0x11 : 0xec); }
    var blocks = [];
    var errors = [];
    for (var b = 0, start = 0; b < layout[1] + layout[3]; b += 1) {
      var length = layout[2] + (b < layout[1] ? 0 : 1);
      blocks.push(words.slice(start, start + length));
      errors.push(errorWords(blocks[b], layout[0]));
      start += length;
    }
    var out = [];
    function interleave(lists) {
      for (var i = 0; i < lists[lists.length - 1].length; i += 1) {
        lists.forEach(function (list) { if (i < list.length) { out.push(list[i]); } });
      }
    }
    interleave(blocks);
    interleave(errors);
    return out;
  }
  function bch(value, generator, degree) {  // value followed by its BCH remainder
    var rest = value << degree;
    for (var i = 31 - Math.clz32(generator); 31 - Math.clz32(rest) >= i;) {
      rest ^= generator << (31 - Math.clz32(rest) - i);
    }
    return (value << degree) | rest;
  }
  var MASKS = [
    function (r, c) { return (r + c) % 2 === 0; },
    function (r) { return r % 2 === 0; },
    function (r, c) { return c % 3 === 0; },
    function (r, c) { return (r + c) % 3 === 0; },
    function (r, c) { return (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0; },
    function (r, c) { return (r * c) % 2 + (r * c) % 3 === 0; },
    function (r, c) { return ((r * c) % 2 + (r * c) % 3) % 2 === 0; },
    function (r, c) { return ((r + c) % 2 + (r * c) % 3) % 2 === 0; }
  ];
  function Grid(version) {
    var size = 17 + 4 * version;
    var dark = [];
    var fixed = [];
    function set(r, c, on) { dark[r * size + c] = on ? 1 : 0; fixed[r * size + c] = 1; }
    for (var i = 0; i < size * size; i += 1) { dark[i] = 0; fixed[i] = 0; }
    [[0, 0], [0, size - 7], [size - 7, 0]].forEach(function (corner) {
      for (var dr = -1; dr <= 7; dr += 1) {
        for (var dc = -1; dc <= 7; dc += 1) {
          var r = corner[0] + dr;
          var c = corner[1] + dc;
          var ring = Math.max(Math.abs(dr - 3), Math.abs(dc - 3));
          if (r >= 0 && r < size && c >= 0 && c < size) { set(r, c, ring !== 2 && ring !== 4); }
        }
      }
    });
    if (version > 1) {
      var count = Math.floor(version / 7) + 2;
      var step = Math.ceil((4 * version + 4) / (2 * count - 2)) * 2;
      var centres = [6];
      for (var k = count - 2; k >= 0; k -= 1) { centres.push(size - 7 - k * step); }
      centres.forEach(function (r) {
        centres.forEach(function (c) {
          if (fixed[r * size + c]) { return; }  // under a finder pattern
          for (var dr = -2; dr <= 2; dr += 1) {
            for (var dc = -2; dc <= 2; dc += 1) {
              set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
            }
          }
        });
      });
    }
    for (var t = 8; t < size - 8; t += 1) { set(6, t, t % 2 === 0); set(t, 6, t % 2 === 0); }
    for (var f = 0; f < 9; f += 1) {  // format areas, drawn with the mask; 6 is timing
      if (f !== 6) { set(8, f, 0); set(f, 8, 0); }
    }
    for (var g = 0; g < 8; g += 1) { set(8, size - 1 - g, 0); set(size - 1 - g, 8, 0); }
    set(size - 8, 8, 1);  // the dark module
    if (version >= 7) {
      var info = bch(version, 0x1f25, 12);
      for (var v = 0; v < 18; v += 1) {
        var on = (info >>> v) & 1;
        set(Math.floor(v / 3), size - 11 + (v % 3), on);
        set(size - 11 + (v % 3), Math.floor(v / 3), on);
      }
    }
    this.size = size;
    this.dark = dark;
    this.fixed = fixed;
  }
  Grid.prototype.place = function (words) {
    var size = this.size;
    var index = 0;
    var upward = true;
    for (var right = size - 1; right >= 1; right -= 2) {
      if (right === 6) { right = 5; }  // the vertical timing pattern
      for (var n = 0; n < size; n += 1) {
        var r = upward ? size - 1 - n : n;
        for (var c = right; c > right - 2; c -= 1) {
          if (!this.fixed[r * size + c]) {
            var word = words[index >> 3];
            this.dark[r * size + c] = word === undefined ? 0 : (word >> (7 - (index & 7))) & 1;
            index += 1;
          }
        }
      }
      upward = !upward;
    }
  };
  Grid.prototype.mask = function (number) {  // applied twice, it takes itself off again
    for (var r = 0; r < this.size; r += 1) {
      for (var c = 0; c < this.size; c += 1) {
        if (!this.fixed[r * this.size + c] && MASKS[number](r, c)) { this.dark[r * this.size + c] ^= 1; }
      }
    }
    var format = bch(number, 0x537, 10) ^ 0x5412;  // level M is 00
    var size = this.size;
    for (var i = 0; i < 15; i += 1) {
      var on = (format >>> i) & 1;
      var r = i < 6 ? i : i < 8 ? i + 1 : 8;
      var c = i < 8 ? 8 : i === 8 ? 7 : 14 - i;
      this.dark[r * size + c] = on;
      this.dark[i < 8 ? 8 * size + size - 1 - i : (size - 15 + i) * size + 8] = on;
    }
  };
  Grid.prototype.at = function (r, c) { return this.dark[r * this.size + c]; };
  Grid.prototype.penalty = function () {
    var size = this.size;
    var self = this;
    var score = 0;
    var total = 0;
    function line(get) {
      var run = 0;
      for (var i = 0; i < size; i += 1) {
        run = i && get(i) === get(i - 1) ? run + 1 : 1;
        if (run === 5) { score += 3; } else if (run > 5) { score += 1; }
        var isFinderLike = i >= 6 && [1, 0, 1, 1, 1, 0, 1].every(function (want, k) {
          return get(i - 6 + k) === want;
        });
        if (isFinderLike && (light(get, i - 10, i - 6) || light(get, i + 1, i + 5))) { score += 40; }
      }
    }
    function light(get, from, to) {  // outside the symbol is light (the quiet zone)
      for (var i = Math.max(from, 0); i < Math.min(to, size); i += 1) { if (get(i)) { return false; } }
      return true;
    }
    for (var r = 0; r < size; r += 1) {
      line(function (c) { return self.at(r, c); });
      line(function (c) { return self.at(c, r); });
      for (var c = 0; c < size; c += 1) {
        total += this.at(r, c);
        if (r && c && this.at(r, c) === this.at(r - 1, c) && this.at(r, c) === this.at(r, c - 1) &&
            this.at(r, c) === this.at(r - 1, c - 1)) { score += 3; }
      }
    }
    return score + 10 * Math.floor(Math.abs(total * 100 / (size * size) - 50) / 5);
  };
  // The symbol of text as rows of 0 (light) and 1 (dark), without the quiet zone; null when
  // the text does not fit version 10. mask: 0-7 to force one (for tests), else the best.
  function matrix(text, mask) {
    var bytes = Array.prototype.slice.call(new TextEncoder().encode(text));
    var version = 1;
    while (version <= 10 && 4 + (version < 10 ? 8 : 16) + 8 * bytes.length > 8 * dataWords(BLOCKS[version])) {
      version += 1;
    }
    if (version > 10) { return null; }
    var symbol = new Grid(version);
    symbol.place(codewords(bytes, version));
    var best = mask;
    if (typeof best !== "number") {
      var lowest = Infinity;
      for (var m = 0; m < 8; m += 1) {
        symbol.mask(m);
        var score = symbol.penalty();
        if (score < lowest) { lowest = score; best = m; }
        symbol.mask(m);
      }
    }
    symbol.mask(best);
    var rows = [];
    for (var r = 0; r < symbol.size; r += 1) { rows.push(symbol.dark.slice(r * symbol.size, (r + 1) * symbol.size)); }
    return { version: version, mask: best, rows: rows };
  }
  function draw(rows, label) {
    var quiet = 4;
    var width = rows.length + 2 * quiet;
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    var path = "";
    rows.forEach(function (row, r) {
      row.forEach(function (on, c) { if (on) { path += "M" + (c + quiet) + " " + (r + quiet) + "h1v1h-1z"; } });
    });
    svg.setAttribute("viewBox", "0 0 " + width + " " + width);
    svg.setAttribute("width", String(width * 6));
    svg.setAttribute("height", String(width * 6));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.setAttribute("shape-rendering", "crispEdges");
    [["rect", { width: width, height: width, fill: "#fff" }], ["path", { d: path, fill: "#000" }]]
      .forEach(function (part) {
        var shape = document.createElementNS(svg.namespaceURI, part[0]);
        Object.keys(part[1]).forEach(function (name) { shape.setAttribute(name, part[1][name]); });
        svg.appendChild(shape);
      });
    return svg;
  }
  window.coursewareQr = { matrix: matrix };
  document.addEventListener("cw-code", function (event) {
    var form = event.target;
    var place = form.querySelector(".cw-form-qr");
    var symbol = matrix(event.detail.replace(/-/g, ""));
    if (!place || !symbol) { return; }
    place.textContent = "";
    place.appendChild(draw(symbol.rows, form.getAttribute("data-l-qr") || ""));
    place.hidden = false;
  });
})();
