// Search for the timeline, loaded when the reader first turns to the search box (reader.js shows the box,
// hidden without JavaScript): it loads the index the build wrote (a script, so it also loads from disk) and
// lists matching entries, topics and facts, with the words found marked. A query word matches the start of
// a word; words of five letters or more also match with one letter wrong, missing, added or swapped, ranked
// below exact matches. The box is a combobox (the ARIA pattern): the arrow keys choose a result while the
// focus stays in the box, Enter opens the chosen result, Escape clears the box.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) return;
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var root = box.getAttribute("data-root") || "";
  var documents = null;
  var words = null; // every word of the index, folded, once
  var loading = false;
  var pending = null;
  var active = -1; // the result the arrow keys chose, or -1 for none

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
      var seen = {};
      words = [];
      documents = raw.map(function (d) {
        var key = fold(d[2] + "\n" + d[4] + "\n" + d[5]);
        key.split(/[^a-z0-9]+/).forEach(function (w) {
          if (w.length >= 4 && !seen[w]) { seen[w] = true; words.push(w); }
        });
        return { kind: d[0], path: d[1], title: d[2], date: d[3], summary: d[4], text: d[5], titleKey: fold(d[2]), key: key };
      });
      if (pending) pending();
    };
    script.onerror = function () { status.textContent = said("unavailable", "Search is not available."); };
    document.head.appendChild(script);
  }

  // Where `word` opens a word of the folded `text`, from `from` on, or -1.
  function wordAt(text, word, from) {
    var i = text.indexOf(word, from || 0);
    while (i > 0 && /[a-z0-9]/.test(text[i - 1])) i = text.indexOf(word, i + 1);
    return i;
  }

  // Whether two words are at most one edit apart: a letter wrong, missing, added, or two letters swapped.
  function oneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // The words of the index a query word may stand for with one typo: whole words, or the start of a longer
  // word as long as the query word.
  function nearWords(term) {
    var near = [];
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (oneEdit(term, w) || (w.length > term.length + 1 && oneEdit(term, w.slice(0, term.length)))) near.push(w);
    }
    return near;
  }

  // The documents that hold every query word, those with fewer words found only through a typo first, then
  // those with more words in their title.
  function search(query) {
    var terms = fold(query).split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) return [];
    var forms = terms.map(function (t) { return t.length >= 5 ? nearWords(t) : []; });
    var found = [];
    for (var i = 0; i < documents.length; i++) {
      var doc = documents[i];
      var score = 0, typos = 0;
      var marks = [];
      for (var j = 0; j < terms.length; j++) {
        var term = terms[j];
        if (wordAt(doc.key, term) >= 0) {
          score += wordAt(doc.titleKey, term) >= 0 ? 10 : 2;
          marks.push(term);
          continue;
        }
        var near = forms[j].filter(function (w) { return wordAt(doc.key, w) >= 0; });
        if (near.length === 0) { score = -1; break; }
        typos += 1;
        score += near.some(function (w) { return wordAt(doc.titleKey, w) >= 0; }) ? 10 : 2;
        marks = marks.concat(near);
      }
      if (score > 0) found.push({ doc: doc, score: score, typos: typos, order: i, marks: marks });
    }
    found.sort(function (a, b) { return a.typos - b.typos || b.score - a.score || a.order - b.order; });
    return found.slice(0, 20);
  }

  // Appends `text` to `parent`, with every folded match of `marks` inside <mark>.
  function marked(parent, text, marks) {
    var folded = "", at = [];
    for (var i = 0; i < text.length; i++) {
      var f = fold(text[i]);
      for (var k = 0; k < f.length; k++) { folded += f[k]; at.push(i); }
    }
    var spans = [];
    marks.forEach(function (m) {
      var from = 0, found;
      while (m && (found = wordAt(folded, m, from)) >= 0) {
        spans.push([at[found], at[found + m.length - 1] + 1]);
        from = found + m.length;
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var last = 0;
    spans.forEach(function (s) {
      if (s[0] < last) return;
      parent.appendChild(document.createTextNode(text.slice(last, s[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(s[0], s[1]);
      parent.appendChild(mark);
      last = s[1];
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // A few lines of the text around its first match, or the summary when the match is in the title.
  function snippet(doc, marks) {
    var key = fold(doc.summary);
    if (!doc.text || marks.some(function (m) { return wordAt(key, m) >= 0; }) || marks.every(function (m) { return wordAt(doc.titleKey, m) >= 0; })) return doc.summary;
    var text = doc.text.replace(/\s+/g, " ");
    var folded = fold(text);
    var first = -1;
    marks.forEach(function (m) { var i = wordAt(folded, m); if (i >= 0 && (first < 0 || i < first)) first = i; });
    if (first < 0) return doc.summary;
    var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, first - 60)) + 1);
    var end = text.indexOf(" ", Math.min(text.length, first + 110));
    return (start > 0 ? "… " : "") + text.slice(start, end < 0 ? text.length : end) + (end < 0 ? "" : " …");
  }

  // The interface's words, which the page gives in its language.
  function said(name, english) { return box.getAttribute("data-" + name) || english; }
  var kinds = said("kinds", "Entry|Topic|Page|Fact").split("|");
  var labels = { entry: kinds[0], topic: kinds[1], page: kinds[2], fact: kinds[3] };

  function show() {
    var query = input.value;
    results.textContent = "";
    choose(-1);
    if (query.trim() === "") { status.textContent = ""; expand(); return; }
    var found = search(query);
    status.textContent = found.length === 0 ? said("none", "No results.")
      : (found.length === 1 ? said("one", "1 result.") : said("many", "{n} results.").replace("{n}", found.length))
      + " " + said("help", "Down arrow to choose one, Enter to open it.");
    found.forEach(function (hit, n) {
      var option = document.createElement("a");
      option.id = "search-result-" + n;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.href = root + hit.doc.path;
      var title = document.createElement("span");
      title.className = "search-title";
      marked(title, hit.doc.title, hit.marks);
      option.appendChild(title);
      var meta = document.createElement("span");
      meta.className = "search-meta";
      meta.textContent = " " + labels[hit.doc.kind] + (hit.doc.date ? " · " + hit.doc.date : "");
      option.appendChild(meta);
      var text = snippet(hit.doc, hit.marks);
      if (text) {
        var summary = document.createElement("span");
        summary.className = "search-snippet";
        marked(summary, " " + text, hit.marks);
        option.appendChild(summary);
      }
      results.appendChild(option);
    });
    expand();
  }

  // Whether the list of results shows: it has results and its panel is displayed (on wide screens, the panel
  // of the header's box shows only while the focus is in it).
  function expand() {
    var open = results.firstChild !== null && results.parentNode.offsetParent !== null;
    input.setAttribute("aria-expanded", open ? "true" : "false");
  }

  // Makes result `index` the chosen one (-1 for none), as the box's active descendant, scrolled into view.
  function choose(index) {
    var options = results.querySelectorAll("[role=option]");
    if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
    active = index >= 0 && index < options.length ? index : -1;
    if (active < 0) { input.removeAttribute("aria-activedescendant"); return; }
    options[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("keydown", function (event) {
    var count = results.querySelectorAll("[role=option]").length;
    if (event.key === "ArrowDown" && count > 0) { event.preventDefault(); choose(Math.min(active + 1, count - 1)); }
    else if (event.key === "ArrowUp" && count > 0) { event.preventDefault(); choose(active - 1); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); results.querySelectorAll("[role=option]")[active].click(); }
    else if (event.key === "Escape") { event.preventDefault(); input.value = ""; show(); }
  });

  box.hidden = false;
  input.addEventListener("focus", function () { load(function () {}); expand(); });
  input.addEventListener("blur", function () { setTimeout(expand, 0); });
  input.addEventListener("input", function () { load(show); });
  // Loaded when the reader first turned to the box: take up what they have typed meanwhile.
  if (document.activeElement === input) { load(function () {}); expand(); }
  if (input.value) load(show);
})();
