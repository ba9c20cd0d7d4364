// The reader's helpers, the page fully usable without them: the rail of years marks the year in view, an
// entry's link can be copied or shared, citations show their reference in place, a printed page carries its
// address, and the embeddable timeline tells the page around it how tall it is.
(function () {
  "use strict";

  // The rail of years: the year whose heading was last scrolled up to the rail is marked as the reader's place.
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
      // A heading a jump brings to the top stops below the rail (its scroll-margin); count it as reached.
      var line = Math.max(rail.getBoundingClientRect().bottom, 96) + 16;
      // At the foot of the page the last years cannot reach the top: the last heading in view is the place.
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

  // Citations in place: hovering or focusing a citation shows its reference under it, and a tap shows it in a
  // panel at the foot of the screen; the reference is the one in the page's own list of sources. Without the
  // script a citation is a link to that list.
  var citations = document.querySelectorAll("sup.citation a[href^='#']");
  if (citations.length > 0) {
    var popover = document.createElement("div");
    popover.className = "cite-popover";
    popover.id = "cite-popover";
    popover.setAttribute("role", "dialog");
    popover.hidden = true;
    var owner = null;
    var timer = null;
    var touched = false;
    var place = function () {
      if (!owner || popover.classList.contains("cite-panel")) return;
      var box = owner.getBoundingClientRect();
      var width = popover.offsetWidth;
      popover.style.top = Math.round(box.bottom + 6) + "px";
      popover.style.left = Math.round(Math.max(8, Math.min(box.left - 16, window.innerWidth - width - 8))) + "px";
    };
    var hide = function (refocus) {
      if (!owner) return;
      var link = owner;
      owner.setAttribute("aria-expanded", "false");
      owner = null;
      popover.hidden = true;
      if (refocus) link.focus();
    };
    var show = function (link, panel) {
      clearTimeout(timer);
      var note = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (!note) return false;
      if (owner && owner !== link) owner.setAttribute("aria-expanded", "false");
      popover.textContent = "";
      var close = document.createElement("button");
      close.type = "button";
      close.className = "cite-close";
      close.setAttribute("aria-label", "Close");
      close.textContent = "×";
      close.addEventListener("click", function () { hide(true); });
      popover.appendChild(close);
      ["citation-reference", "citation-details", "about-source"].forEach(function (name) {
        var part = note.querySelector("." + name);
        if (part) popover.appendChild(part.cloneNode(true));
      });
      popover.setAttribute("aria-label", "Source " + link.textContent.trim());
      popover.classList.toggle("cite-panel", !!panel);
      popover.style.position = "fixed";
      if (panel) { popover.style.top = ""; popover.style.left = ""; }
      // Right after the citation, so that Tab goes on from the citation into the reference.
      link.parentNode.parentNode.insertBefore(popover, link.parentNode.nextSibling);
      popover.hidden = false;
      owner = link;
      link.setAttribute("aria-expanded", "true");
      place();
      if (panel) close.focus();
      return true;
    };
    var later = function () { clearTimeout(timer); timer = setTimeout(function () { if (!popover.classList.contains("cite-panel")) hide(false); }, 300); };
    citations.forEach(function (link) {
      link.setAttribute("aria-controls", "cite-popover");
      link.setAttribute("aria-expanded", "false");
      link.addEventListener("pointerdown", function (event) { touched = event.pointerType === "touch"; });
      link.addEventListener("mouseenter", function () { if (!touched) show(link, false); });
      link.addEventListener("mouseleave", later);
      link.addEventListener("focus", function () { if (!touched) show(link, false); });
      link.addEventListener("click", function (event) {
        if (!touched) return;
        event.preventDefault();
        show(link, true);
      });
    });
    popover.addEventListener("mouseenter", function () { clearTimeout(timer); });
    popover.addEventListener("mouseleave", later);
    document.addEventListener("focusin", function (event) {
      if (owner && event.target !== owner && !popover.contains(event.target)) hide(false);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && owner) { event.preventDefault(); hide(true); }
    });
    document.addEventListener("click", function (event) {
      if (owner && !popover.contains(event.target) && event.target !== owner && !owner.contains(event.target)) hide(false);
    });
    window.addEventListener("scroll", place, { passive: true });
    window.addEventListener("resize", place);
  }

  // A list that a phone keeps folded is open from the start on a wider screen.
  if (window.matchMedia("(min-width: 48rem)").matches) {
    document.querySelectorAll("details.open-wide").forEach(function (details) { details.open = true; });
  }

  // A printed page says where it comes from, and prints the tables folded under its charts.
  var address = document.querySelector(".print-address");
  if (address && !address.textContent) address.textContent = location.href.split("#")[0];
  var folded = [];
  window.addEventListener("beforeprint", function () {
    folded = Array.prototype.filter.call(document.querySelectorAll("details.chart-data"), function (d) { return !d.open; });
    folded.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { folded.forEach(function (d) { d.open = false; }); folded = []; });

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
