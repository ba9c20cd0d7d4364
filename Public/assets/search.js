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
script.onerror = function () { status.textContent = "Search is not available."; };
document.head.appendChild(script);
}
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
function nearWords(term) {
var near = [];
for (var i = 0; i < words.length; i++) {
var w = words[i];
if (oneEdit(term, w) || (w.length > term.length + 1 && oneEdit(term, w.slice(0, term.length)))) near.push(w);
}
return near;
}
function search(query) {
var terms = fold(query).split(/\s+/).filter(function (t) { return t.length > 0; });
if (terms.length === 0) return [];
var forms = terms.map(function (t) { return t.length >= 5 ? nearWords(t) : []; });
var found = [];
for (var i = 0; i < documents.length; i++) {
var doc = documents[i];
var score = 0;
var marks = [];
for (var j = 0; j < terms.length; j++) {
var term = terms[j];
if (doc.key.indexOf(term) >= 0) {
score += doc.titleKey.indexOf(term) >= 0 ? 10 : 2;
marks.push(term);
continue;
}
var near = forms[j].filter(function (w) { return doc.key.indexOf(w) >= 0; });
if (near.length === 0) { score = -1; break; }
score += near.some(function (w) { return doc.titleKey.indexOf(w) >= 0; }) ? 5 : 1;
marks = marks.concat(near);
}
if (score > 0) found.push({ doc: doc, score: score, order: i, marks: marks });
}
found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
return found.slice(0, 20);
}
function marked(parent, text, marks) {
var folded = "", at = [];
for (var i = 0; i < text.length; i++) {
var f = fold(text[i]);
for (var k = 0; k < f.length; k++) { folded += f[k]; at.push(i); }
}
var spans = [];
marks.forEach(function (m) {
var from = 0, found;
while (m && (found = folded.indexOf(m, from)) >= 0) {
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
function snippet(doc, marks) {
var key = fold(doc.summary);
if (!doc.text || marks.some(function (m) { return key.indexOf(m) >= 0; }) || marks.every(function (m) { return doc.titleKey.indexOf(m) >= 0; })) return doc.summary;
var text = doc.text.replace(/\s+/g, " ");
var folded = fold(text);
var first = -1;
marks.forEach(function (m) { var i = folded.indexOf(m); if (i >= 0 && (first < 0 || i < first)) first = i; });
if (first < 0) return doc.summary;
var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, first - 60)) + 1);
var end = text.indexOf(" ", Math.min(text.length, first + 110));
return (start > 0 ? "… " : "") + text.slice(start, end < 0 ? text.length : end) + (end < 0 ? "" : " …");
}
var labels = { entry: "Entry", topic: "Topic", page: "Page", fact: "Fact" };
function show() {
var query = input.value;
results.textContent = "";
if (query.trim() === "") { status.textContent = ""; return; }
var found = search(query);
status.textContent = found.length === 0 ? "No results." : found.length + (found.length === 1 ? " result." : " results.")
+ (found.length > 0 ? " Down arrow to move through them." : "");
found.forEach(function (hit) {
var item = document.createElement("li");
var link = document.createElement("a");
link.href = root + hit.doc.path;
marked(link, hit.doc.title, hit.marks);
item.appendChild(link);
var meta = document.createElement("span");
meta.className = "search-meta";
meta.textContent = " " + labels[hit.doc.kind] + (hit.doc.date ? " · " + hit.doc.date : "");
item.appendChild(meta);
var text = snippet(hit.doc, hit.marks);
if (text) {
var summary = document.createElement("p");
marked(summary, text, hit.marks);
item.appendChild(summary);
}
results.appendChild(item);
});
}
function move(step) {
var links = Array.prototype.slice.call(results.querySelectorAll("a"));
if (links.length === 0) return;
var index = links.indexOf(document.activeElement);
var next = index + step;
if (next < 0) input.focus();
else links[Math.min(next, links.length - 1)].focus();
}
box.addEventListener("keydown", function (event) {
if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
else if (event.key === "Escape") { input.value = ""; show(); input.focus(); }
});
box.hidden = false;
input.addEventListener("focus", function () { load(function () {}); });
input.addEventListener("input", function () { load(show); });
})();
