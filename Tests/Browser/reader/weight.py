"""What each kind of page weighs (its HTML and the CSS and scripts it loads, gzipped) and how soon it first
paints on a slow connection; every entry page stays under 20 KB gzipped."""

from __future__ import annotations

import gzip
import re

NAME = "weight"
TITLE = "every entry page under 20 KB gzipped; bytes and first paint on a slow connection per kind of page"

LIMIT = 20 * 1024
# A slow mobile connection, as Chrome's "Slow 4G" preset: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
SLOW = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 // 8, "uploadThroughput": 750_000 // 8}


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def weight(out, page: str) -> tuple[int, int, int]:
    """Gzipped bytes of the page's HTML, of its stylesheets and of its scripts (files of the site it links)."""
    html = (out / page).read_bytes()
    folder = (out / page).parent
    css = js = 0
    for kind, pattern in (("css", rb'<link rel="stylesheet" href="([^"]+)"'), ("js", rb'<script src="([^"]+)"')):
        for href in re.findall(pattern, html):
            size = gzipped((folder / href.decode()).resolve().read_bytes())
            if kind == "css":
                css += size
            else:
                js += size
    return gzipped(html), css, js


def run(context) -> None:
    site, browser, check = context.site, context.browser, context.check
    out = site.out
    # Every language's entries: the main one's at the root, the others' under their codes (fr/entries/…).
    entries = sorted(p for p in site.pages if re.match(r"(?:[a-z]{2,3}(?:-[A-Za-z0-9]+)*/)?entries/", p))
    heavy = []
    for page in entries:
        total = sum(weight(out, page))
        if total > LIMIT:
            heavy.append(f"{page}: {total / 1024:.1f} KB gzipped")
    for line in heavy:
        check.fail(f"{line} (the limit is 20 KB: HTML, CSS and scripts together)")
    kinds = {"home": "index.html", "facts": "facts.html", "embed": "embed.html"}
    if entries:
        kinds["entry"] = max(entries, key=lambda p: sum(weight(out, p)))
    figures = []
    browser.viewport(*context.phone, mobile=True)
    browser.cdp("Network.enable")
    browser.cdp("Network.setCacheDisabled", {"cacheDisabled": True})
    browser.cdp("Network.emulateNetworkConditions", SLOW)
    try:
        for kind, page in kinds.items():
            if not (out / page).exists():
                continue
            html, css, js = weight(out, page)
            browser.load(site.server.base + page)
            paint = browser.driver.execute_async_script(
                """const done = arguments[0];
                   new PerformanceObserver((list) => {
                     const p = list.getEntriesByName('first-contentful-paint')[0]; if (p) done(Math.round(p.startTime));
                   }).observe({type: 'paint', buffered: true});
                   setTimeout(() => done(null), 5000);""")
            figures.append(f"{kind} {html / 1024:.1f}+{css / 1024:.1f}+{js / 1024:.1f} KB, first paint {paint} ms")
    finally:
        browser.cdp("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        browser.cdp("Network.setCacheDisabled", {"cacheDisabled": False})
    check.summary = f"HTML+CSS+JS gzipped, Slow 4G at 360 px: {'; '.join(figures)}; {len(entries)} entries under 20 KB" if not heavy else "; ".join(figures)
