// Search for the timeline: shows the search box (hidden without JavaScript), loads the index the build
// wrote (a script, so it also loads from disk) on first use, and lists matching entries, topics and facts.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) return;
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var root = box.getAttribute("data-root") || "";
  var documents = null;
  var loading = false;
  var pending = null;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function load(then) {
    if (documents) return then();
    pending = then;
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () {
      var raw = (window.TIMELINE_SEARCH_INDEX || { documents: [] }).documents;
      documents = raw.map(function (d) {
        return { kind: d[0], path: d[1], title: d[2], date: d[3], summary: d[4],
                 titleKey: fold(d[2]), key: fold(d[2] + "\n" + d[4] + "\n" + d[5]) };
      });
      if (pending) pending();
    };
    script.onerror = function () { status.textContent = "Search is not available."; };
    document.head.appendChild(script);
  }

  function search(query) {
    var terms = fold(query).split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) return [];
    var found = [];
    for (var i = 0; i < documents.length; i++) {
      var doc = documents[i];
      var score = 0;
      for (var j = 0; j < terms.length; j++) {
        if (doc.key.indexOf(terms[j]) < 0) { score = -1; break; }
        score += doc.titleKey.indexOf(terms[j]) >= 0 ? 10 : 1;
      }
      if (score > 0) found.push({ doc: doc, score: score, order: i });
    }
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found.slice(0, 20);
  }

  var labels = { entry: "Entry", topic: "Topic", page: "Page", fact: "Fact" };

  function show() {
    var query = input.value;
    results.textContent = "";
    if (query.trim() === "") { status.textContent = ""; return; }
    var found = search(query);
    status.textContent = found.length === 0 ? "No results." : found.length + (found.length === 1 ? " result." : " results.");
    found.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + hit.doc.path;
      link.textContent = hit.doc.title;
      item.appendChild(link);
      var meta = document.createElement("span");
      meta.className = "search-meta";
      meta.textContent = " " + labels[hit.doc.kind] + (hit.doc.date ? " · " + hit.doc.date : "");
      item.appendChild(meta);
      if (hit.doc.summary) {
        var summary = document.createElement("p");
        summary.textContent = hit.doc.summary;
        item.appendChild(summary);
      }
      results.appendChild(item);
    });
  }

  box.hidden = false;
  input.addEventListener("focus", function () { load(function () {}); });
  input.addEventListener("input", function () { load(show); });
})();
