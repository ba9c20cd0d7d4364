"""A printed page: its address at its foot (with the date the home page and the facts page were brought up to date), the tables of its charts printed under them, and none of the
screen's controls (the rail of years, the copy-link button, the search box)."""

from __future__ import annotations

import re

NAME = "print"
TITLE = "printed pages carry their address, print charts with their tables, and leave out the controls"

PROBE = """
const shown = (e) => e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
const address = document.querySelector('.print-address');
return {
  address: shown(address) ? address.textContent : null,
  foot: shown(address) ? address.parentElement.textContent : '',
  tables: [...document.querySelectorAll('.figure-chart .chart-data table')].map((t) => shown(t)),
  controls: [...document.querySelectorAll('.year-rail, .share, #search')].filter(shown).map((e) => e.className || e.id),
};
"""


def run(context) -> None:
    site, browser, check = context.site, context.browser, context.check
    entries = sorted(p for p in site.pages if p.startswith("entries/"))
    pages = ["index.html", "facts.html"] + entries[:1]
    charted = [p for p in entries if 'class="chart-data"' in (site.out / p).read_text(encoding="utf-8")][:1]
    browser.viewport(794, 1123, mobile=False)
    try:
        for page in pages + charted:
            browser.load(site.server.base + page)
            # What a browser does when the reader prints: the beforeprint event, then print media.
            browser.driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
            browser.cdp("Emulation.setEmulatedMedia", {"media": "print"})
            state = browser.driver.execute_script(PROBE)
            browser.cdp("Emulation.setEmulatedMedia", {"media": ""})
            browser.driver.execute_script("window.dispatchEvent(new Event('afterprint'))")
            if not state["address"] or not state["address"].startswith("http"):
                check.fail(f"{page} printed: no address at its foot ({state['address']!r})")
            if page in ("index.html", "facts.html") and not re.search(r"updated .*\d{4}", state["foot"]):
                check.fail(f"{page} printed: its foot gives no update date ({state['foot']!r})")
            if state["tables"] and not all(state["tables"]):
                check.fail(f"{page} printed: {state['tables'].count(False)} of {len(state['tables'])} charts print without their table")
            for control in state["controls"]:
                check.fail(f"{page} printed: the screen's control '{control}' prints")
    finally:
        browser.cdp("Emulation.setEmulatedMedia", {"media": ""})
    check.summary = f"{len(pages + charted)} pages in print media"
