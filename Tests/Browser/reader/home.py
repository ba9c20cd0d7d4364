"""The home page on a phone: the update date, the latest developments and the first point of the story so far
on the first screen, one <h1>, and a rail of years that reaches each year in one tap and marks where the reader is."""

from __future__ import annotations

NAME = "home"
TITLE = "the home page's first screen, its rail of years and its #YEAR anchors"

FIRST_SCREEN = """
const box = (e) => e ? e.getBoundingClientRect() : null;
const first = (s) => document.querySelector(s);
const h1s = [...document.querySelectorAll('h1')].map((e) => e.textContent.trim());
const shown = (e) => e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
return {
  h1s, title: document.title,
  updated: shown(first('.updated')) ? box(first('.updated')).bottom : null,
  latest: shown(first('.latest-list li')) ? box(first('.latest-list li:last-child')).bottom : null,
  story: shown(first('.story-list li')) ? box(first('.story-list li')).bottom : null,
  hasStory: !!first('.story-list li'),
  firstEvent: [...document.querySelectorAll('a[href*="entries/"]')].filter(shown).map((a) => box(a).top)[0] ?? null,
  years: [...document.querySelectorAll('.year-rail a')].map((a) => [a.textContent.trim(), a.getAttribute('href'), box(a).bottom <= innerHeight && shown(a)]),
  headings: [...document.querySelectorAll('.timeline .year-heading')].map((h) => h.textContent.trim()),
};
"""


def run(context) -> None:
    from selenium.webdriver.common.by import By

    site, browser, check = context.site, context.browser, context.check
    width, height = context.phone
    browser.viewport(width, height, mobile=True)
    browser.load(site.server.base + "index.html")
    probe = browser.driver.execute_script(FIRST_SCREEN)
    if len(probe["h1s"]) != 1:
        check.fail(f"index.html has {len(probe['h1s'])} <h1> elements ({probe['h1s']}); the site's title once is enough")
    for name in ("updated", "latest"):
        if probe[name] is None:
            check.fail(f"index.html at {width} px: no {name} block shown")
        elif probe[name] > height:
            check.fail(f"index.html at {width}×{height}: the {name} block ends at {probe[name]:.0f} px, below the first screen")
    if probe["hasStory"] and (probe["story"] is None or probe["story"] > height):
        check.fail(f"index.html at {width}×{height}: the story so far's first point ends at {probe['story']} px, below the first screen")
    if probe["firstEvent"] is None or probe["firstEvent"] > height:
        check.fail(f"index.html at {width}×{height}: the first link to an entry is at {probe['firstEvent']} px")

    years = probe["years"]
    headings = list(dict.fromkeys(probe["headings"]))
    if [y for y, _, _ in years] != headings:
        check.fail(f"the rail of years lists {[y for y, _, _ in years]}, the timeline's headings are {headings}")
    for year, href, _ in years:
        if href != f"#{year}":
            check.fail(f"the rail's link to {year} is {href!r}, not '#{year}'")
    # One tap on each year: its heading comes to the top of the screen, under the rail, and the rail marks it.
    taps = 0
    for year, href, _ in years:
        # From anywhere along the timeline (here: its last entry), the rail is on screen with every year.
        browser.driver.execute_script("const c = document.querySelectorAll('.timeline .card'); c[c.length - 1].scrollIntoView({block: 'center', behavior: 'instant'})")
        rail = browser.driver.find_element(By.CSS_SELECTOR, ".year-rail")
        link = rail.find_element(By.CSS_SELECTOR, f'a[href="#{year}"]')
        box = browser.driver.execute_script("const b = arguments[0].getBoundingClientRect(); return [b.top, b.bottom]", link)
        if not (0 <= box[0] and box[1] <= height):
            check.fail(f"at the timeline's last entry, the rail's link to {year} is off screen ({box[0]:.0f}–{box[1]:.0f} px)")
            continue
        browser.driver.execute_script("arguments[0].click()", link)
        taps += 1
        state = browser.driver.execute_script(
            """const h = document.getElementById(arguments[0]); const r = document.querySelector('.year-rail');
               // The page scrolls smoothly: wait until it has stopped.
               const settled = (then) => { let last = -1, still = 0; const tick = () => {
                 if (scrollY === last) { if (++still > 5) return then(); } else { still = 0; last = scrollY; }
                 setTimeout(tick, 50); }; tick(); };
               return new Promise((done) => settled(() => done({
                 top: h ? h.getBoundingClientRect().top : null, railTop: r.getBoundingClientRect().top, rail: r.getBoundingClientRect().bottom,
                 current: (r.querySelector('[aria-current="location"]') || {}).textContent || null, hash: location.hash})));""",
            year)
        if state["top"] is None:
            check.fail(f"#{year}: no element has the id {year}")
        elif not (state["rail"] - 2 <= state["top"] <= height - 40):
            check.fail(f"#{year}: after one tap its heading is at {state['top']:.0f} px (the rail ends at {state['rail']:.0f} px)")
        # The rail sticks to the top, or, for a year that starts the timeline right under it, stays in its place above it.
        if state["railTop"] < -1 or (state["railTop"] > 1 and state["top"] is not None and state["top"] - state["rail"] > 80):
            check.fail(f"#{year}: the rail is not at the top of the screen after the jump (at {state['railTop']:.0f} px)")
        if state["current"] != year:
            check.fail(f"#{year}: the rail marks {state['current']!r} as the reader's place")
    check.summary = (f"first screen at {width}×{height}: updated ends {probe['updated']:.0f} px, latest {probe['latest']:.0f} px"
                     + (f", first point {probe['story']:.0f} px" if probe["story"] else "")
                     + f"; {taps} of {len(years)} years reached in one tap")
