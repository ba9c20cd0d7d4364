(function () {
"use strict";
var links = document.querySelectorAll("sup.citation a[href^='#']");
if (!links.length) return;
var box = document.createElement("div");
box.className = "cite-popover";
box.id = "cite-popover";
box.setAttribute("role", "dialog");
box.hidden = true;
var owner = null, timer = null, touch = false, back = false;
var place = function () {
if (!owner || box.classList.contains("cite-panel")) return;
var at = owner.getBoundingClientRect(), high = box.offsetHeight;
var top = at.bottom + 6 + high > innerHeight && at.top - 6 - high >= 0 ? at.top - 6 - high : at.bottom + 6;
box.style.top = Math.round(top) + "px";
box.style.left = Math.round(Math.max(8, Math.min(at.left - 16, innerWidth - box.offsetWidth - 8))) + "px";
};
var hide = function (refocus) {
if (!owner) return;
var link = owner;
link.setAttribute("aria-expanded", "false");
owner = null;
box.hidden = true;
back = true;
if (refocus) link.focus();
back = false;
};
var show = function (link, panel) {
clearTimeout(timer);
var note = document.getElementById(decodeURIComponent(link.hash.slice(1)));
if (!note) return;
if (owner && owner !== link) owner.setAttribute("aria-expanded", "false");
box.textContent = "";
var close = document.createElement("button");
close.type = "button";
close.className = "cite-close";
close.setAttribute("aria-label", document.body.getAttribute("data-close") || "Close");
close.textContent = "×";
close.onclick = function () { hide(true); };
box.appendChild(close);
var n = (link.id.match(/-(\d+)$/) || [])[1];
["citation-reference", "citation-details", "source-domain", "about-source"].forEach(function (name) {
var part = note.querySelector("." + name);
if (!part) return;
part = part.cloneNode(true);
if (name === "citation-details") {
[].slice.call(part.children).forEach(function (li) {
var cites = li.getAttribute("data-cites");
if (cites !== null && (" " + cites + " ").indexOf(" " + n + " ") < 0) li.remove();
});
if (!part.children.length) return;
}
box.appendChild(part);
});
box.setAttribute("aria-label", (document.body.getAttribute("data-source") || "Source") + " " + link.textContent);
box.classList.toggle("cite-panel", panel);
box.style.top = box.style.left = "";
var sup = link.parentNode;
sup.parentNode.insertBefore(box, sup.nextSibling);
box.hidden = false;
owner = link;
link.setAttribute("aria-expanded", "true");
place();
if (panel) close.focus();
};
var later = function () {
clearTimeout(timer);
timer = setTimeout(function () { if (!box.classList.contains("cite-panel")) hide(false); }, 300);
};
[].forEach.call(links, function (link) {
link.setAttribute("aria-controls", "cite-popover");
link.setAttribute("aria-expanded", "false");
link.addEventListener("pointerdown", function (event) { touch = event.pointerType !== "mouse"; });
link.addEventListener("pointerenter", function (event) { if (event.pointerType === "mouse") show(link, false); });
link.addEventListener("pointerleave", later);
link.addEventListener("focus", function () { if (!touch && !back) show(link, false); });
link.addEventListener("click", function (event) {
if (!touch) return;
event.preventDefault();
show(link, true);
});
});
box.addEventListener("pointerenter", function () { clearTimeout(timer); });
box.addEventListener("pointerleave", later);
document.addEventListener("focusin", function (event) {
if (owner && event.target !== owner && !box.contains(event.target)) hide(false);
});
document.addEventListener("keydown", function (event) {
touch = false;
if (event.key === "Escape" && owner) { event.preventDefault(); hide(true); }
});
document.addEventListener("click", function (event) {
if (owner && !box.contains(event.target) && !owner.contains(event.target)) hide(false);
});
addEventListener("scroll", place, { passive: true });
addEventListener("resize", place);
})();
