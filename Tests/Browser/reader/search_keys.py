"""Search as a reader uses it: a misspelt name still finds its entry, the words found are marked, the arrow
keys choose a result (the box keeps the focus and names the result as its active descendant) and Enter opens
it, and the 404 page has a search box of its own that works at any depth."""

from __future__ import annotations

import re
import time

NAME = "search-keys"
TITLE = "search forgives one typo, marks matches, works by keyboard, and on the 404 page"

RESULTS = """return [...document.querySelectorAll('#search-results [role=option]')].map((option) => ({
  id: option.id, href: option.href, marks: [...option.querySelectorAll('mark')].map((m) => m.textContent)}))"""

CHOSEN = """const box = document.querySelector('#search-input');
return {focused: document.activeElement === box, expanded: box.getAttribute('aria-expanded'),
  active: box.getAttribute('aria-activedescendant'),
  selected: [...document.querySelectorAll('#search-results [aria-selected=true]')].map((o) => o.id)}"""


def misspelt(word: str) -> str:
    """The word with one letter in its middle replaced, as a hurried reader might type it."""
    middle = len(word) // 2
    letter = "x" if word[middle].lower() != "x" else "z"
    return word[:middle] + letter + word[middle + 1:]


def typed(browser, text: str) -> list[dict]:
    from selenium.webdriver.common.by import By

    box = browser.driver.find_element(By.CSS_SELECTOR, "#search-input")
    box.clear()
    box.send_keys(text)
    deadline = time.monotonic() + 3
    found = []
    while time.monotonic() < deadline:
        found = browser.driver.execute_script(RESULTS)
        if found:
            break
        time.sleep(0.1)
    return found


def run(context) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    site, browser, check = context.site, context.browser, context.check
    entries = sorted(p for p in site.pages if p.startswith("entries/"))
    # The first word of five letters or more of an entry's title.
    choice = None
    for page in entries:
        title = re.search(r"<h1>(.*?)</h1>", (site.out / page).read_text(encoding="utf-8"), re.S)
        for word in re.findall(r"[A-Za-z]{5,}", title.group(1) if title else ""):
            choice = (page, word)
            break
        if choice:
            break
    if not choice:
        check.fail("no entry title with a word of five letters or more to search for")
        return
    page, word = choice
    wrong = misspelt(word)
    browser.viewport(*context.desktop, mobile=False)
    browser.load(site.server.base + "index.html")
    found = typed(browser, wrong)
    hits = [hit for hit in found if hit["href"].endswith("/" + page)]
    if not hits:
        check.fail(f"typing '{wrong}' (for '{word}', the title of {page}) does not find {page}: {[h['href'].rsplit('/', 1)[-1] for h in found]}")
    elif not any(mark.lower().startswith(word.lower()) for mark in hits[0]["marks"]):
        check.fail(f"typing '{wrong}' finds {page} but does not mark '{word}' in it: {hits[0]['marks']}")
    exact = typed(browser, word)
    if not exact:
        check.fail(f"typing '{word}' finds nothing")
    elif not any(word.lower() in "".join(hit["marks"]).lower() for hit in exact):
        check.fail(f"typing '{word}': no result marks it with <mark> ({exact[:2]})")
    # Down, down, Enter: the second result is chosen while the box keeps the focus, and opens.
    if len(exact) < 2:
        exact = typed(browser, "a")
    if len(exact) >= 2:
        box = browser.driver.find_element(By.CSS_SELECTOR, "#search-input")
        chosen = []
        for _ in range(2):
            box.send_keys(Keys.ARROW_DOWN)
            chosen.append(browser.driver.execute_script(CHOSEN))
        expected = [hit["id"] for hit in exact[:2]]
        for step, (state, option) in enumerate(zip(chosen, expected), start=1):
            if not state["focused"] or state["expanded"] != "true" or state["active"] != option or state["selected"] != [option]:
                check.fail(f"after {step} down arrow(s), the box should keep the focus, be expanded and name {option} as its"
                           f" active descendant, the one result selected: {state}")
        box.send_keys(Keys.ENTER)
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and browser.driver.current_url.split("#")[0] != exact[1]["href"].split("#")[0]:
            time.sleep(0.1)
        if browser.driver.current_url.split("#")[0] != exact[1]["href"].split("#")[0]:
            check.fail(f"down, down, Enter after '{word}' led to {browser.driver.current_url}, not the second result {exact[1]['href']}")
    else:
        check.fail(f"neither '{word}' nor 'a' finds two results to move through: {[h['href'] for h in exact]}")
    # The 404 page, one folder down: its own box finds the entry, and the result's link works.
    missing = site.server.base + "entries/no-such-page.html"
    browser.load(missing)
    if not browser.driver.find_elements(By.CSS_SELECTOR, "#search-input"):
        check.fail("the 404 page has no search box")
    else:
        found = typed(browser, word)
        hits = [hit for hit in found if hit["href"].endswith("/" + page)]
        if not hits:
            check.fail(f"on the 404 page at {missing}, '{word}' does not find {page}")
        else:
            browser.load(hits[0]["href"])
            if not browser.driver.find_elements(By.CSS_SELECTOR, "main h1"):
                check.fail(f"the 404 page's result {hits[0]['href']} does not open an entry")
    check.summary = f"'{wrong}' finds {page}; '{word}' marked; keyboard and 404 page checked"
