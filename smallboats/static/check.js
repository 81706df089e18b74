// Check page, progressive enhancement of the server-rendered form (templates/check.html).
// 1. Shows the file picker: a saved HTML or text file is read into the article box.
// 2. Where the server offers the API (the form's data-api), the form is sent to POST /api/v1/check
//    and the JSON report is drawn into #results with the same elements, ids and classes as the
//    template draws for POST /check (tests/test_web.py compares the two). Without JavaScript, or
//    in a browser that cannot run this, the form posts to /check as before.
// The article is user input: it reaches the page only as text nodes (textContent), never as HTML.
(function () {
  "use strict";
  var form = document.querySelector("form.check-form");
  var text = document.getElementById("text");
  var field = document.getElementById("file-field");
  var input = document.getElementById("file");
  if (!form || !text) return;

  if (field && input && window.FileReader) {
    field.hidden = false;
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () { text.value = reader.result; text.focus(); };
      reader.readAsText(file);
    });
  }

  var api = form.getAttribute("data-api");
  var results = document.getElementById("results");
  if (!api || !results || !window.fetch) return;
  var verdicts = JSON.parse(form.getAttribute("data-verdicts"));  // [[verdict, class suffix], ...] from web.py
  var marks = JSON.parse(form.getAttribute("data-marks"));  // {verdict: mark} (claims.report.MARK)
  var classes = {};
  verdicts.forEach(function (v) { classes[v[0]] = v[1]; });
  var maxBytes = Number(form.getAttribute("data-max-bytes"));
  var button = form.querySelector("button[type=submit]");
  var label = button.textContent;
  var busy = false;

  // el("p", {class: "small"}, "words", child, ...): strings become text nodes; null, false and "" are skipped.
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return add(node, Array.prototype.slice.call(arguments, 2));
  }
  function add(node, children) {
    children.forEach(function (c) {
      if (c !== null && c !== undefined && c !== false && c !== "") {
        node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
      }
    });
    return node;
  }

  // As web.py's filters: long_date ("22 October 2025") and num (12,345; one decimal if not whole).
  function longDate(iso) {
    return new Intl.DateTimeFormat("en-GB", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"})
      .format(new Date(iso));
  }
  function figure(v) {
    if (v === null) return "n/a";
    var d = Number.isInteger(v) ? 0 : 1;
    return v.toLocaleString("en-GB", {minimumFractionDigits: d, maximumFractionDigits: d});
  }

  // As smallboats.claims.report.marked(): plain runs and marked claims; a claim overlapping an earlier one is not
  // marked again. Spans count characters (code points, as Python does), not UTF-16 units.
  function marked(report) {
    var chars = Array.from(report.text), out = [], pos = 0;
    var cut = function (a, b) { return chars.slice(a, b).join(""); };
    report.claims.slice().sort(function (x, y) { return x.span[0] - y.span[0] || y.span[1] - x.span[1]; })
      .forEach(function (c) {
        var a = c.span[0], b = c.span[1];
        if (a < pos) return;
        out.push(cut(pos, a), el("a", {class: "claim-link", id: "mark-" + c.index, href: "#claim-" + c.index},
          el("mark", {class: "verdict-" + classes[c.verdict], "data-claim": c.index}, cut(a, b)),
          el("span", {class: "visually-hidden"}, " (" + c.verdict + ")")));
        pos = b;
      });
    out.push(cut(pos));
    return out;
  }

  // As check.html: the verdict, the reason, the publications in one line; the figures, tolerance,
  // notes and file names folded away in a <details>.
  function evidence(c) {
    var figures = [["Official figure, as published by then", c.official], ["Newest figure", c.latest]]
      .filter(function (f) { return f[1] && (f[0] !== "Newest figure" || !c.official || f[1].value !== c.official.value); })
      .map(function (f) {
        var o = f[1];
        return [el("p", {class: "small"}, el("strong", {}, f[0] + ":"), " " + figure(o.value) + ", " + o.period + ". " +
          (o.detail ? o.detail + ". " : "") + o.source.charAt(0).toUpperCase() + o.source.slice(1) + "."),
          o.vintages.length ? el("p", {class: "file"}, o.vintages.join(", ")) : null];
      }).reduce(function (a, b) { return a.concat(b); }, []);
    var notes = [c.tolerance && "Tolerance: " + c.tolerance, c.revision, c.needs]
      .concat(c.notes).filter(Boolean).map(function (n) { return el("p", {class: "small"}, n); });
    var src = c.official || c.latest;
    return el("li", {id: "claim-" + c.index, class: "verdict-" + classes[c.verdict], "data-verdict": c.verdict},
      el("p", {}, el("span", {class: "verdict"}, marks[c.verdict] + " " + c.verdict), " · ", el("q", {}, c.text), " ",
        el("a", {href: "#mark-" + c.index, class: "small"}, "in the article")),
      el("p", {}, c.reason),
      c.arithmetic_error && el("p", {class: "small"}, c.arithmetic_error),
      src && src.evidence ? el("p", {class: "small evidence"}, "From " + src.evidence + ".") : null,
      c.official || c.latest || notes.length ?
        add(el("details", {class: "more"}, el("summary", {}, "Figures, tolerance and files")), figures.concat(notes)) : null);
  }

  function render(report) {
    var n = report.claims.length;
    results.textContent = "";
    add(results, [
      el("h2", {id: "result-h", tabindex: "-1"}, n + " number" + (n !== 1 ? "s" : "") + " checked, as published by " + longDate(report.date)),
      add(el("ul", {class: "legend", id: "counts"}), verdicts.map(function (v) {
        var first = report.claims.filter(function (c) { return c.verdict === v[0]; })[0];
        var count = el("span", {"data-verdict": v[1]}, String(report.counts[v[0]] || 0));
        return el("li", {}, el("mark", {class: "verdict-" + v[1]}, marks[v[0]] + " " + v[0]), ": ",
          first ? el("a", {href: "#claim-" + first.index}, count) : count);
      })),
      report.date_note && el("p", {class: "note"}, report.date_note),
      el("div", {class: "check-layout"},
        el("section", {"aria-labelledby": "article-h"}, el("h3", {id: "article-h"}, "The article"),
          add(el("div", {class: "article", id: "article"}), marked(report))),
        el("section", {"aria-labelledby": "evidence-h"}, el("h3", {id: "evidence-h"}, "The evidence"),
          add(el("ol", {class: "claims", id: "claims"}), report.claims.map(evidence)))),
      el("p", {class: "small"}, "The same check as JSON: ", el("code", {}, "POST /api/v1/check"), " (",
        el("a", {href: "/docs"}, "API documentation"), ").")]);
    document.getElementById("result-h").focus();
  }

  // As base.html's error box, at the top of <main>; the results of an earlier check go.
  function clearError() {
    var old = document.querySelector("main > .error[role=alert]");
    if (old) old.remove();
  }
  function showError(message) {
    clearError();
    results.textContent = "";
    var box = el("div", {class: "error", role: "alert"}, el("strong", {}, "Cannot show that:"), " " + message);
    var main = document.querySelector("main") || document.body;
    main.insertBefore(box, main.firstChild);
    box.scrollIntoView({block: "nearest"});
  }

  // Busy: the button says so and ignores presses (aria-disabled, not disabled, so focus stays on it).
  function setBusy(on) {
    busy = on;
    [button, results].forEach(function (e) {
      if (on) e.setAttribute(e === button ? "aria-disabled" : "aria-busy", "true");
      else e.removeAttribute(e === button ? "aria-disabled" : "aria-busy");
    });
    button.textContent = on ? "Checking…" : label;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) return;
    var body = {text: text.value, date: form.elements.date.value};
    if (new TextEncoder().encode(body.text).length > maxBytes) {
      showError("the article is over " + (maxBytes / 1000).toLocaleString("en-GB") + " kB; paste its text only");
      return;
    }
    setBusy(true);
    fetch(api, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)})
      .then(function (res) {
        return res.json().catch(function () { return null; }).then(function (data) {
          if (res.ok && data && Array.isArray(data.claims)) {
            clearError();
            render(data);
          } else {
            showError(data && typeof data.detail === "string" ? data.detail
              : "the check failed (the server answered " + res.status + (res.statusText ? " " + res.statusText : "") + "); try again");
          }
        });
      }, function () {
        showError("the server could not be reached; check the connection and try again");
      })
      .catch(function () { showError("the server's answer could not be shown; try again"); })
      .then(function () { setBusy(false); });
  });
})();
