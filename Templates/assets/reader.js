// The reader's helpers, each a few lines, the page fully usable without them: the rail of years marks the
// year in view, an entry's link can be copied or shared, a printed page carries its address, and the
// embeddable timeline tells the page around it how tall it is.
(function () {
  "use strict";

  // The rail of years: the year whose heading was last scrolled past is marked as the reader's place.
  var rail = document.querySelector(".year-rail");
  if (rail && "IntersectionObserver" in window) {
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
    var observer = new IntersectionObserver(function () {
      var top = rail.getBoundingClientRect().bottom + 8;
      var seen = null;
      headings.forEach(function (h) { if (h.getBoundingClientRect().top <= top + window.innerHeight / 3) seen = h; });
      if (seen) mark(seen.textContent.trim());
    }, { rootMargin: "0px 0px -50% 0px", threshold: [0, 1] });
    headings.forEach(function (h) { observer.observe(h); });
  }

  // Copy or share an entry's link.
  document.querySelectorAll(".share").forEach(function (box) {
    var button = box.querySelector("button");
    var status = box.querySelector(".share-status");
    var url = box.getAttribute("data-url") || location.href.split("#")[0];
    if (!/^https?:/.test(url)) url = location.href.split("#")[0];
    box.hidden = false;
    var canShare = typeof navigator.share === "function" && window.matchMedia("(pointer: coarse)").matches;
    if (canShare) button.textContent = "Share";
    button.addEventListener("click", function () {
      if (canShare) {
        navigator.share({ title: document.title, url: url }).catch(function () {});
        return;
      }
      var done = function () { status.textContent = "Link copied"; setTimeout(function () { status.textContent = ""; }, 4000); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, function () { status.textContent = url; });
      } else {
        status.textContent = url;
      }
    });
  });

  // A printed page says where it comes from.
  var address = document.querySelector(".print-address");
  if (address && !address.textContent) address.textContent = location.href.split("#")[0];

  // Inside an <iframe>: tell the page around it how tall the timeline is, whenever that changes.
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
