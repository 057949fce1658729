/* The TinyML CO2 footprint calculator in the browser: no framework, no network, no inline code.
 *
 * The numbers come from window.COURSEWARE_FOOTPRINT (footprint-data.js, generated at build time
 * from the same data file as the Python library). Totals are added in block order, then
 * formatted with toFixed(2), which is what the library's format_kg reproduces in Python.
 */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var NUMBER = /^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$|^\.[0-9]+$/;
  var PALETTE = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"
  ];

  function formatKg(value) {
    // Identical to courseware.footprint.rounding.format_kg (toFixed prints -0 as "0.00").
    return (value === 0 ? 0 : value).toFixed(2);
  }

  // The reader's decimal separator (data-i18n's "decimal", from CLDR via Babel, as the
  // page's own tables use): "0,89" on a Portuguese page; "0,5" and "0.5" both read as 0.5.
  var decimal = ".";

  function shown(text) {
    return decimal === "." ? text : text.replace(".", decimal);
  }

  function shownKg(value) {
    return shown(formatKg(value));
  }

  function typed(raw) {
    return decimal === "." ? raw : raw.split(decimal).join(".");
  }

  function template(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : match;
    });
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function svgElement(tag, attributes, text) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, String(attributes[name]));
    });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function Calculator(root, data) {
    this.root = root;
    this.data = data;
    this.i18n = JSON.parse(root.getAttribute("data-i18n") || "{}");
    decimal = this.i18n.decimal || ".";
    this.customIntervals = {};
    this.form = root.querySelector(".fp-form");
    this.output = root.querySelector(".fp-output");
    this.start = root.querySelector("#fp-start");
  }

  Calculator.prototype.text = function (key) {
    return Object.prototype.hasOwnProperty.call(this.i18n, key) ? this.i18n[key] : key;
  };

  Calculator.prototype.heading = function (block) {
    return this.text("heading:" + block.key);
  };

  Calculator.prototype.control = function (kind, block) {
    return this.root.querySelector("#fp-" + kind + "-" + block.key);
  };

  Calculator.prototype.init = function () {
    var self = this;
    this.form.hidden = false;
    this.output.hidden = false;
    this.root.querySelector("#fp-live").hidden = false;
    this.root.querySelector("#fp-noscript").hidden = true;
    this.start.addEventListener("change", function () {
      self.apply(self.start.value);
    });
    this.data.blocks.forEach(function (block) {
      self.control("on", block).addEventListener("change", function () {
        self.update();
      });
      self.control("opt", block).addEventListener("change", function () {
        delete self.customIntervals[block.key];
        self.update();
      });
      self.control("custom", block).addEventListener("input", function () {
        delete self.customIntervals[block.key];
        self.control("opt", block).value = "custom";
        self.update();
      });
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    this.apply(this.start.value || this.data.initial);
  };

  Calculator.prototype.configuration = function (id) {
    var found = null;
    this.data.configurations.forEach(function (configuration) {
      if (configuration.id === id) {
        found = configuration;
      }
    });
    return found;
  };

  Calculator.prototype.apply = function (id) {
    // Like the calculator's presets, this sets every block's choice; it also ticks them all.
    var self = this;
    var configuration = this.configuration(id);
    if (!configuration) {
      return;
    }
    this.start.value = id;
    this.customIntervals = {};
    this.data.blocks.forEach(function (block) {
      var setting = configuration.blocks[block.key];
      self.control("on", block).checked = true;
      if (setting.option !== undefined) {
        self.control("opt", block).value = setting.option;
        self.control("custom", block).value = "";
      } else {
        self.control("opt", block).value = "custom";
        self.control("custom", block).value = shown(String(setting.custom));
        self.customIntervals[block.key] = { low: setting.low, high: setting.high };
      }
    });
    this.update();
  };

  Calculator.prototype.read = function () {
    // Returns {rows, problems}: one row per block with its value and interval.
    var self = this;
    var rows = [];
    var problems = 0;
    this.data.blocks.forEach(function (block) {
      var enabled = self.control("on", block).checked;
      var choice = self.control("opt", block).value;
      var input = self.control("custom", block);
      var error = self.root.querySelector("#fp-err-" + block.key);
      var row = { block: block, enabled: enabled, label: "", value: 0, low: 0, high: 0 };
      error.textContent = "";
      input.removeAttribute("aria-invalid");
      if (choice === "custom") {
        var raw = typed(input.value.trim());
        var value = NUMBER.test(raw) ? Number(raw) : NaN;
        if (!isFinite(value)) {
          if (enabled) {
            error.textContent = self.text("bad_custom");
            input.setAttribute("aria-invalid", "true");
            problems += 1;
          }
          value = 0;
        }
        var interval = self.customIntervals[block.key] || { low: value, high: value };
        row.label = self.text("custom");
        row.value = value;
        row.low = interval.low;
        row.high = interval.high;
      } else {
        block.options.forEach(function (option) {
          if (option.slug === choice) {
            row.label = self.control("opt", block).selectedOptions[0].getAttribute("data-label");
            row.value = option.kg;
            row.low = option.low;
            row.high = option.high;
          }
        });
      }
      rows.push(row);
    });
    return { rows: rows, problems: problems };
  };

  Calculator.prototype.update = function () {
    var state = this.read();
    var total = 0;
    var low = 0;
    var high = 0;
    state.rows.forEach(function (row) {
      if (row.enabled) {
        total += row.value;
        low += row.low;
        high += row.high;
      }
    });
    var valid = state.problems === 0;
    this.renderTable(state.rows, total, low, high, valid);
    var totalNode = this.root.querySelector("#fp-total");
    var intervalNode = this.root.querySelector("#fp-interval");
    totalNode.textContent = valid ? shownKg(total) : "–";
    intervalNode.textContent = valid
      ? template(this.text("interval"), { low: shownKg(low), high: shownKg(high) })
      : this.text("fix_inputs");
    this.renderChart(state.rows, total, valid);
  };

  Calculator.prototype.renderTable = function (rows, total, low, high, valid) {
    var body = this.root.querySelector("#fp-results tbody");
    var self = this;
    body.textContent = "";
    rows.forEach(function (row) {
      var tr = element("tr", { "data-block": row.block.key });
      tr.appendChild(element("th", { scope: "row" }, self.heading(row.block)));
      if (row.enabled) {
        tr.appendChild(element("td", {}, row.label));
        tr.appendChild(element("td", { "class": "fp-number" }, shownKg(row.value)));
        tr.appendChild(
          element("td", { "class": "fp-number" }, shownKg(row.low) + " – " + shownKg(row.high))
        );
      } else {
        tr.appendChild(element("td", { colspan: "3" }, self.text("switched_off")));
      }
      body.appendChild(tr);
    });
    var foot = this.root.querySelector("#fp-results tfoot");
    foot.textContent = "";
    var tr = element("tr");
    tr.appendChild(element("th", { scope: "row", colspan: "2" }, this.text("total")));
    tr.appendChild(element("td", { "class": "fp-number" }, valid ? shownKg(total) : "–"));
    tr.appendChild(
      element("td", { "class": "fp-number" }, valid ? shownKg(low) + " – " + shownKg(high) : "–")
    );
    foot.appendChild(tr);
  };

  Calculator.prototype.renderChart = function (rows, total, valid) {
    var figure = this.root.querySelector("#fp-chart");
    var caption = this.root.querySelector("#fp-chart-caption");
    var legend = this.root.querySelector("#fp-legend");
    var axis = this.data.axis;
    var width = 440;
    var height = 320;
    var left = 56;
    var top = 16;
    var plotHeight = height - top - 48;
    var span = Math.log10(axis.max_kg) - Math.log10(axis.min_kg);
    var svg = svgElement("svg", {
      viewBox: "0 0 " + width + " " + height,
      role: "img",
      "aria-labelledby": "fp-chart-title fp-chart-desc",
      "class": "fp-svg"
    });
    function y(value) {
      var clamped = Math.min(Math.max(value, axis.min_kg), axis.max_kg);
      return top + (Math.log10(axis.max_kg) - Math.log10(clamped)) / span * plotHeight;
    }
    svg.appendChild(svgElement("title", { id: "fp-chart-title" }, this.text("chart_title")));
    var parts = [];
    var self = this;
    var bars = [{ name: this.text("this_device"), segments: [] }];
    rows.forEach(function (row, index) {
      if (row.enabled && row.value > 0) {
        var heading = self.heading(row.block);
        bars[0].segments.push({ name: heading, value: row.value, colour: PALETTE[index] });
        parts.push(heading + " " + shownKg(row.value));
      }
    });
    var referenceTexts = [];
    this.data.references.forEach(function (reference) {
      var name = self.text("reference:" + reference.key);
      bars.push({
        name: name,
        segments: [{ name: name, value: reference.kg, colour: "#9e9e9e" }]
      });
      referenceTexts.push(
        template(self.text("reference_alt"), {
          name: name,
          kg: shownKg(reference.kg),
          ratio: total > 0 ? shown((reference.kg / total).toFixed(1)) : "–"
        })
      );
    });
    var description = valid
      ? template(this.text("chart_alt"), {
          total: shownKg(total),
          parts: parts.join(", "),
          references: referenceTexts.join("; ")
        })
      : this.text("fix_inputs");
    svg.appendChild(svgElement("desc", { id: "fp-chart-desc" }, description));
    for (var exponent = Math.log10(axis.min_kg); exponent <= Math.log10(axis.max_kg); exponent++) {
      var tick = Math.pow(10, exponent);
      svg.appendChild(svgElement("line", {
        x1: left, x2: width - 8, y1: y(tick), y2: y(tick), stroke: "#d0d0d0", "stroke-width": 1
      }));
      svg.appendChild(svgElement("text", {
        x: left - 6, y: y(tick) + 4, "text-anchor": "end", "font-size": 11, fill: "currentColor"
      }, shown(String(Number(tick.toPrecision(1))))));
    }
    svg.appendChild(svgElement("text", {
      x: 12, y: top + plotHeight / 2, "font-size": 11, fill: "currentColor",
      transform: "rotate(-90 12 " + (top + plotHeight / 2) + ")", "text-anchor": "middle"
    }, this.text("axis_label")));
    var slot = (width - left - 8) / bars.length;
    bars.forEach(function (bar, index) {
      var x = left + slot * index + slot * 0.2;
      var cumulative = 0;
      if (valid) {
        bar.segments.forEach(function (segment) {
          var from = cumulative;
          cumulative += segment.value;
          var y0 = y(Math.max(from, axis.min_kg));
          var y1 = y(cumulative);
          if (y0 - y1 <= 0) {
            return;
          }
          var rect = svgElement("rect", {
            x: x, y: y1, width: slot * 0.6, height: y0 - y1, fill: segment.colour,
            "data-name": segment.name
          });
          rect.appendChild(svgElement("title", {}, segment.name + ": " + shownKg(segment.value)));
          svg.appendChild(rect);
        });
      }
      svg.appendChild(svgElement("text", {
        x: x + slot * 0.3, y: top + plotHeight + 16, "text-anchor": "middle", "font-size": 11,
        fill: "currentColor"
      }, bar.name));
      svg.appendChild(svgElement("text", {
        x: x + slot * 0.3, y: top + plotHeight + 30, "text-anchor": "middle", "font-size": 11,
        fill: "currentColor"
      }, valid ? shownKg(cumulative) : "–"));
    });
    var old = figure.querySelector("svg");
    if (old) {
      figure.replaceChild(svg, old);
    } else {
      figure.insertBefore(svg, caption);
    }
    caption.textContent = description;
    legend.textContent = "";
    bars[0].segments.forEach(function (segment) {
      var item = element("li");
      var swatch = svgElement("svg", { width: 12, height: 12, "aria-hidden": "true" });
      swatch.appendChild(svgElement("rect", { width: 12, height: 12, fill: segment.colour }));
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(" " + segment.name));
      legend.appendChild(item);
    });
  };

  window.CoursewareFootprint = { formatKg: formatKg };

  function start() {
    var data = window.COURSEWARE_FOOTPRINT;
    var root = document.getElementById("fp-calculator");
    if (!data || !root) {
      return;
    }
    var calculator = new Calculator(root, data);
    window.CoursewareFootprint.calculator = calculator;
    calculator.init();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
