// kcite report: document switching, marker pop-ups, and a readiness stamp on
// <body> (counts of what the page shows) for the browser test.
(function () {
  "use strict";
  window.addEventListener("error", function (e) {
    document.body.dataset.error = String(e.message);
  });
  var docs = Array.prototype.slice.call(document.querySelectorAll("section.doc"));
  var buttons = Array.prototype.slice.call(document.querySelectorAll("#docs button"));
  function show(id) {
    docs.forEach(function (d) { d.hidden = d.id !== id; });
    buttons.forEach(function (b) { b.classList.toggle("on", b.dataset.target === id); });
  }
  document.getElementById("docs").addEventListener("click", function (e) {
    var button = e.target.closest("button");
    if (!button) return;
    show(button.dataset.target);
    history.replaceState(null, "", "#" + button.dataset.target);
    window.scrollTo(0, 0);
  });
  var filter = document.getElementById("doc-filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var q = filter.value.trim().toLowerCase();
      buttons.forEach(function (b) {
        b.parentNode.hidden = q !== "" && b.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  }
  document.addEventListener("click", function (e) {
    var marker = e.target.closest("sup.fn");
    document.querySelectorAll("sup.fn.open").forEach(function (m) {
      if (m !== marker) m.classList.remove("open");
    });
    if (marker) marker.classList.toggle("open");
  });
  // a link to a claim (#d3-C12) opens that claim's document first
  function follow() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (!target) return;
    var doc = target.closest("section.doc");
    if (doc) show(doc.id);
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", follow);
  follow();
  var body = document.body.dataset;
  body.documents = String(docs.length);
  body.claims = String(document.querySelectorAll("p.claim").length);
  body.markers = String(document.querySelectorAll("sup.fn").length);
  body.findings = String(document.querySelectorAll("li.finding").length);
  body.charts = String(document.querySelectorAll("figure.chart svg").length);
  // what the browser test checks on the live DOM
  var claim = document.querySelector("p.claim");
  body.wordbreak = claim ? getComputedStyle(claim).wordBreak : "";
  var links = document.querySelectorAll("li.finding a[href^='#'], li.footnote a[href^='#'], sup.fn a[href^='#']");
  body.links = String(links.length);
  body.brokenlinks = String(Array.prototype.filter.call(links, function (a) {
    return !document.getElementById(a.getAttribute("href").slice(1));
  }).length);
  body.footnotes = String(document.querySelectorAll("li.footnote").length);
  // chart labels of the document shown that stick out of their chart
  var shown = docs.filter(function (d) { return !d.hidden; })[0];
  var cut = 0;
  if (shown) {
    shown.querySelectorAll("figure.chart svg").forEach(function (svg) {
      var width = svg.viewBox.baseVal.width;
      svg.querySelectorAll("text").forEach(function (t) {
        var box = t.getBBox();
        if (box.x < -0.5 || box.x + box.width > width + 0.5) cut += 1;
      });
    });
  }
  body.cutlabels = String(cut);
  body.ready = "1";
})();
