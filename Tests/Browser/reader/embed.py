"""The embeddable timeline: in an <iframe> it reports its height to the page around it, it opens at the entry
its address names, and its links open the full site in a new tab; entries can copy their link."""

from __future__ import annotations

import json

NAME = "embed"
TITLE = "embed.html reports its height, deep-links, and links out; entries have a share button"

PARENT = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body>
<p style="font: 16px/1.5 serif; max-width: 36rem">An article about the crisis, with the timeline embedded:</p>
<iframe id="frame" src="embed.html{fragment}" title="timeline" width="400" height="100" style="border: 1px solid #ccc"></iframe>
<script>
window.heights = [];
addEventListener("message", function (e) {{
  if (e.data && e.data.type === "timeline-embed-height") {{ window.heights.push(e.data.height); document.getElementById("frame").height = e.data.height; }}
}});
</script></body></html>"""


def run(context) -> None:
    from selenium.webdriver.common.by import By

    site, browser, check = context.site, context.browser, context.check
    if not (site.out / "embed.html").exists():
        check.fail("no embed.html in the built site")
        return
    ids = [p[len("entries/"):-len(".html")] for p in site.pages if p.startswith("entries/")]
    timeline = json.loads((site.out / "timeline.json").read_text(encoding="utf-8"))
    order = [e["unique_id"] for e in timeline["events"]]
    first = order[0] if order else None
    host = site.out / "embed-host.html"
    try:
        for fragment, expected in (("", order[-1] if order else None), (f"#entry-{first}", first)):
            host.write_text(PARENT.format(fragment=fragment), encoding="utf-8")
            browser.viewport(*context.desktop, mobile=False)
            browser.load(site.server.base + "embed-host.html")
            state = browser.driver.execute_async_script(
                """const done = arguments[0]; setTimeout(() => {
                     const f = document.getElementById('frame'); const d = f.contentDocument;
                     const shown = [...d.querySelectorAll('.embed-entry')].filter((e) => e.getClientRects().length > 0).map((e) => e.id);
                     done({heights: window.heights, frame: f.height, doc: d.documentElement.scrollHeight, shown,
                           links: [...d.querySelectorAll('.embed-entry:not([style]) a[href*="entries/"], .embed-site a')].map((a) => a.target)});
                   }, 800);""")
            label = f"embed.html{fragment}"
            if not state["heights"]:
                check.fail(f"{label} in an <iframe> sent no height message (postMessage type 'timeline-embed-height')")
            elif abs(state["heights"][-1] - state["doc"]) > 2:
                check.fail(f"{label}: it reported {state['heights'][-1]} px, its document is {state['doc']} px tall")
            if state["shown"] != [f"entry-{expected}"]:
                check.fail(f"{label}: shows {state['shown']}, not entry-{expected}")
            if any(target != "_blank" for target in state["links"]):
                check.fail(f"{label}: a link to the full site does not open a new tab")
            if not fragment:
                browser.screenshot(context.artifacts / "embed-640x420.png", 640, 420)
        # Earlier/later without script: the links move the fragment.
        browser.load(site.server.base + f"embed.html#entry-{first}")
        later = browser.driver.find_elements(By.CSS_SELECTOR, f"#entry-{first} .embed-next")
        if len(order) > 1:
            if not later:
                check.fail("embed.html: the first entry has no link to the next")
            else:
                later[0].click()
                shown = browser.driver.execute_script("return [...document.querySelectorAll('.embed-entry')].filter((e) => e.getClientRects().length > 0).map((e) => e.id)")
                if shown != [f"entry-{order[1]}"]:
                    check.fail(f"embed.html: 'Later' from the first entry shows {shown}, not entry-{order[1]}")
    finally:
        host.unlink(missing_ok=True)

    # The share button of an entry: shown by the script, and it copies the page's address.
    if ids:
        browser.load(site.server.base + f"entries/{ids[0]}.html")
        buttons = browser.driver.find_elements(By.CSS_SELECTOR, ".share button")
        if not buttons or not buttons[0].is_displayed():
            check.fail(f"entries/{ids[0]}.html: no visible copy-link button")
        else:
            buttons[0].click()
            status = browser.driver.execute_script("return new Promise((d) => setTimeout(() => d(document.querySelector('.share-status').textContent), 300))")
            if not status:
                check.fail(f"entries/{ids[0]}.html: the copy-link button says nothing when pressed")
    groups = {e.get("group") for e in timeline["events"]} - {None}
    check.summary = f"{len(order)} entries; {len(groups)} rows in timeline.json"
