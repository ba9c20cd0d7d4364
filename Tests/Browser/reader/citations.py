"""Citations read without leaving the text: each [n] is a tap target of 24 × 24 px at least; focus (by the
keyboard) shows the reference in a popover that Escape closes; a tap shows it in a panel with a link to the
source's page; without the script a citation is a link to the list at the foot; and the lists of sources
show where a source is (its domain), not its whole address."""

from __future__ import annotations

import base64
import re
import time

NAME = "citations"
TITLE = "citations: 24 px targets, a popover by keyboard, a panel by touch; source lists show domains"

STATE = """const p = document.getElementById('cite-popover');
const b = p && p.getBoundingClientRect();
return p ? {shown: !p.hidden && p.getClientRects().length > 0 && b.top >= 0 && b.bottom <= innerHeight && b.left >= 0 && b.right <= innerWidth,
  panel: p.classList.contains('cite-panel'), role: p.getAttribute('role'), text: p.textContent,
  links: [...p.querySelectorAll('a.about-source')].map((a) => a.href), focus: document.activeElement === p || p.contains(document.activeElement),
  active: document.activeElement ? document.activeElement.outerHTML.slice(0, 80) : ''} : null"""

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_problems(browser) -> list[str]:
    """axe-core's WCAG violations on the page as it is, and its colour rules in the dark scheme too."""
    problems = []
    for scheme, run_only in (("light", {"type": "tag", "values": WCAG}), ("dark", {"type": "rule", "values": ["color-contrast", "link-in-text-block"]})):
        browser.scheme(scheme)
        result = browser.axe({"runOnly": run_only, "resultTypes": ["violations"]})
        if "error" in result:
            problems.append(f"axe-core does not run: {result['error'][:200]}")
        for violation in result.get("violations", []):
            problems.append(f"{scheme}: {violation['id']} at {', '.join(n['target'] for n in violation['nodes'][:2])}")
    browser.scheme("light")
    return problems


def snapshot(context, name: str, scheme: str) -> None:
    """A screenshot of the page as it is, in a colour scheme, for a person to look at."""
    context.browser.scheme(scheme)
    data = context.browser.cdp("Page.captureScreenshot", {"format": "png"})["data"]
    (context.artifacts / name).write_bytes(base64.b64decode(data))
    context.browser.scheme("light")


def run(context) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    site, browser, check = context.site, context.browser, context.check
    pages = sorted(p for p in site.pages if p.startswith("entries/") and 'class="citation"' in (site.out / p).read_text(encoding="utf-8"))
    if not pages:
        check.fail("no entry page with a citation")
        return
    page = pages[0]
    html = (site.out / page).read_text(encoding="utf-8")
    # Without the script: a link to the note at the foot of the page.
    first = re.search(r'<sup class="citation"><a id="([^"]+)" href="#([^"]+)">', html)
    if not first or f'id="{first.group(2)}"' not in html:
        check.fail(f"{page}: the first citation does not link to an item of the page's list of sources")
        return
    # The script is loaded, deferred, by the pages with citations only.
    if not re.search(r'<script src="[^"]*assets/cite\.js" defer></script>', html):
        check.fail(f"{page}: the page has citations but does not load assets/cite.js (deferred)")
    if "cite.js" in (site.out / "index.html").read_text(encoding="utf-8"):
        check.fail("index.html loads assets/cite.js, though it has no citations")
    # Lists of sources name a source by its title and domain, not by its whole address: the entry's list,
    # sources.html, the page of the entry's first source and the facts page.
    about = re.search(r'<li id="' + re.escape(first.group(2)) + r'">.*?<a class="about-source" href="([^"]+)"', html, re.S)
    listings = [page, "sources.html", "facts.html"]
    if about:
        listings.append(str((site.out / page).parent.joinpath(about.group(1)).resolve().relative_to(site.out.resolve())))
    else:
        check.fail(f"{page}: the first source's item has no link to the source's page")
    for listing in listings:
        if not (site.out / listing).exists():
            continue
        text = (site.out / listing).read_text(encoding="utf-8")
        labels = [re.sub(r"<[^>]+>", "", label).strip() for label in re.findall(r'<a[^>]*href="https?://[^"]+"[^>]*>(.*?)</a>', text, re.S)]
        raw = [label for label in labels if re.match(r"(https?://|www\.)|[\w-]+(\.[\w-]+)+/\S", label)]
        for label in raw[:3]:
            check.fail(f"{listing}: a source's whole address is printed as a link's text: {label}")
        if "class=\"url\"" in text:
            check.fail(f"{listing}: an address is printed in monospace (a.url)")
    listed = re.findall(r'<a class="source-domain" href="https?://(?:www\.)?([^/:"]+)[^"]*"[^>]*>(.*?)</a>', html, re.S)
    for host, label in listed:
        if not re.sub(r"<[^>]+>", "", label).strip().endswith(host.lower()):
            check.fail(f"{page}: the link to a source at {host} does not name its domain: {label}")
    url = site.server.base + page
    # Sizes, at a phone's width and a laptop's.
    for width, height, mobile in (context.phone + (True,), context.desktop + (False,)):
        browser.viewport(width, height, mobile=mobile)
        browser.load(url)
        small = browser.driver.execute_script(
            "return [...document.querySelectorAll('sup.citation a')].map((a) => a.getBoundingClientRect()).filter((b) => b.width < 24 || b.height < 24).map((b) => [Math.round(b.width), Math.round(b.height)])")
        if small:
            check.fail(f"{page} at {width} px: {len(small)} citation targets smaller than 24 × 24 px, such as {small[0]}")
    # Keyboard: Tab until the first citation has focus; the popover shows its source; Escape closes it.
    browser.viewport(*context.desktop, mobile=False)
    browser.load(url)
    # The script leaves the link to the note at the foot as it is.
    href = browser.driver.execute_script("return document.getElementById(arguments[0]).getAttribute('href')", first.group(1))
    if href != "#" + first.group(2):
        check.fail(f"{page}: once the script ran, the first citation links to {href}, not #{first.group(2)}")
    body = browser.driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(200):
        if browser.driver.execute_script("return document.activeElement && document.activeElement.id") == first.group(1):
            break
        browser.driver.switch_to.active_element.send_keys(Keys.TAB)
    else:
        check.fail(f"{page}: 200 presses of Tab never reached the first citation")
        return
    # Focus scrolls a citation below the fold into view smoothly; the popover follows once the scroll settles.
    browser.driver.execute_async_script(
        """const done = arguments[0]; let last = -1, still = 0;
        const tick = () => { if (scrollY === last) { still += 1; } else { still = 0; last = scrollY; }
          if (still >= 5) { done(); } else { requestAnimationFrame(tick); } };
        requestAnimationFrame(tick);""")
    state = browser.driver.execute_script(STATE)
    title = re.search(r'<li id="' + re.escape(first.group(2)) + r'">.*?<cite[^>]*>(.*?)</cite>', html, re.S)
    title_text = re.sub(r"<[^>]+>", "", title.group(1)) if title else ""
    if not state or not state["shown"]:
        check.fail(f"{page}: focusing the first citation by keyboard shows no popover")
    else:
        import html as entities
        if entities.unescape(title_text) not in state["text"]:
            check.fail(f"{page}: the popover does not hold the source's title '{title_text}': {state['text'][:120]}")
        if browser.driver.execute_script("return document.getElementById(arguments[0]).getAttribute('aria-expanded')", first.group(1)) != "true":
            check.fail(f"{page}: the focused citation does not say aria-expanded=\"true\"")
        for problem in axe_problems(browser)[:3]:
            check.fail(f"{page} with the popover open: {problem}")
        snapshot(context, "citation-popover-1366x900.png", "light")
        browser.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        state = browser.driver.execute_script(STATE)
        if state["shown"]:
            check.fail(f"{page}: Escape does not close the popover")
        if browser.driver.execute_script("return document.activeElement.id") != first.group(1):
            check.fail(f"{page}: after Escape, focus is not back on the citation ({state['active']})")
    # Touch: a tap opens the panel, with a link to the source's page, and does not jump away.
    browser.viewport(*context.phone, mobile=True)
    browser.cdp("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    try:
        browser.load(url)
        box = browser.driver.execute_script(
            "const a = document.getElementById(arguments[0]); a.scrollIntoView({block: 'center', behavior: 'instant'}); const b = a.getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2]",
            first.group(1))
        for kind in ("touchStart", "touchEnd"):
            browser.cdp("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": box[0], "y": box[1]}] if kind == "touchStart" else []})
        time.sleep(0.5)
        state = browser.driver.execute_script(STATE)
        if not state or not state["shown"] or not state["panel"]:
            check.fail(f"{page}: a tap on the first citation opens no panel ({state and {k: state[k] for k in ('shown', 'panel')}})")
        else:
            if not state["links"] or not any("/sources/" in link for link in state["links"]):
                check.fail(f"{page}: the panel has no link to the source's page")
            if "#" in browser.driver.current_url and browser.driver.current_url.endswith(first.group(2)):
                check.fail(f"{page}: the tap jumped to the foot of the page as well as opening the panel")
            if state["role"] != "dialog":
                check.fail(f"{page}: the panel's role is {state['role']}, not dialog")
            if not state["focus"]:
                check.fail(f"{page}: the panel does not take the focus (its close button)")
            for problem in axe_problems(browser)[:3]:
                check.fail(f"{page} with the panel open: {problem}")
            snapshot(context, "citation-panel-360x800-dark.png", "dark")
            browser.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
            state = browser.driver.execute_script(STATE)
            if state["shown"] or browser.driver.execute_script("return document.activeElement.id") != first.group(1):
                check.fail(f"{page}: Escape does not close the panel and give the focus back to the citation")
    finally:
        browser.cdp("Emulation.setTouchEmulationEnabled", {"enabled": False})
    check.summary = f"{page}: citation {first.group(1)} → #{first.group(2)}"
