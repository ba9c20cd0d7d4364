(function () {
"use strict";
var rail = document.querySelector(".year-rail");
if (rail) {
var links = {};
rail.querySelectorAll("a").forEach(function (a) { links[a.textContent.trim()] = a; });
var current = null;
var mark = function (year) {
var link = links[year];
if (!link || link === current) return;
if (current) current.removeAttribute("aria-current");
link.setAttribute("aria-current", "location");
current = link;
};
var headings = Array.prototype.slice.call(document.querySelectorAll(".timeline .year-heading"));
var waiting = false;
var update = function () {
waiting = false;
var line = Math.max(rail.getBoundingClientRect().bottom, 96) + 16;
var end = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
if (end) line = window.innerHeight - 40;
var seen = headings[0];
headings.forEach(function (h) { if (h.getBoundingClientRect().top <= line) seen = h; });
if (seen) mark(seen.textContent.trim());
};
window.addEventListener("scroll", function () {
if (!waiting) { waiting = true; window.requestAnimationFrame(update); }
}, { passive: true });
update();
}
document.querySelectorAll(".share").forEach(function (box) {
var button = box.querySelector("button");
var status = box.querySelector(".share-status");
var url = box.getAttribute("data-url") || location.href.split("#")[0];
if (!/^https?:/.test(url)) url = location.href.split("#")[0];
box.hidden = false;
var canShare = typeof navigator.share === "function" && window.matchMedia("(pointer: coarse)").matches;
if (canShare) button.textContent = document.body.getAttribute("data-share") || "Share";
button.addEventListener("click", function () {
if (canShare) {
navigator.share({ title: document.title, url: url }).catch(function () {});
return;
}
var done = function () { status.textContent = document.body.getAttribute("data-copied") || "Link copied"; setTimeout(function () { status.textContent = ""; }, 4000); };
if (navigator.clipboard && window.isSecureContext) {
navigator.clipboard.writeText(url).then(done, function () { status.textContent = url; });
} else {
status.textContent = url;
}
});
});
var search = document.getElementById("search");
var searchInput = document.getElementById("search-input");
if (search && searchInput) {
search.hidden = false;
var loadSearch = function () {
if (search.hasAttribute("data-loading")) return;
search.setAttribute("data-loading", "");
var script = document.createElement("script");
script.src = (search.getAttribute("data-root") || "") + "assets/search.js";
document.head.appendChild(script);
};
["focus", "pointerdown", "keydown"].forEach(function (name) { searchInput.addEventListener(name, loadSearch); });
if (document.activeElement === searchInput) loadSearch();
}
if (window.matchMedia("(min-width: 48rem)").matches) {
document.querySelectorAll("details.open-wide").forEach(function (details) { details.open = true; });
}
var address = document.querySelector(".print-address");
if (address && !address.textContent) address.textContent = location.href.split("#")[0];
var folded = [];
window.addEventListener("beforeprint", function () {
folded = Array.prototype.filter.call(document.querySelectorAll("details.chart-data"), function (d) { return !d.open; });
folded.forEach(function (d) { d.open = true; });
});
window.addEventListener("afterprint", function () { folded.forEach(function (d) { d.open = false; }); folded = []; });
if (document.body.classList.contains("page-embed") && window.parent !== window) {
var last = 0;
var report = function () {
var height = Math.ceil(document.documentElement.scrollHeight);
if (height === last) return;
last = height;
window.parent.postMessage({ type: "timeline-embed-height", height: height }, "*");
};
report();
if ("ResizeObserver" in window) new ResizeObserver(report).observe(document.body);
window.addEventListener("load", report);
}
})();
