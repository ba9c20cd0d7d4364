"""Images and maps as a reader gets them: each image's copy loads and is the width its box needs, the box
is sized before the image arrives, the body's images load lazily, a shared link names its picture, and the
map page shows every place on its map and lists it."""

from __future__ import annotations

import re

NAME = "media"
TITLE = "images load at the right width with no layout shift, share pictures named, maps show their places"


def run(context) -> None:
    site, browser, check = context.site, context.browser, context.check
    out = site.out
    pages = [p for p in site.pages if p.startswith("entries/") or p.startswith("topics/")]
    with_images = [p for p in pages if "<picture>" in (out / p).read_text(encoding="utf-8")]
    for page in (p for p in site.pages if p.startswith("entries/")):
        html = (out / page).read_text(encoding="utf-8")
        image = re.search(r'<meta property="og:image" content="([^"]+)">', html)
        if not image:
            check.fail(f"{page} has no og:image")
            continue
        # Without a base_url the address is relative to the page.
        target = (out / page).parent / image.group(1) if not image.group(1).startswith("http") else None
        if target is not None and not target.resolve().is_file():
            check.fail(f"{page}: og:image {image.group(1)} is no file of the site")
    for page in with_images:
        for width in (context.phone[0], context.desktop[0]):
            browser.viewport(width, context.phone[1], mobile=width == context.phone[0])
            browser.load(site.server.base + page)
            state = browser.driver.execute_async_script(
                """const done = arguments[0];
                const images = [...document.querySelectorAll('figure.media img')];
                const boxes = images.map(i => i.getBoundingClientRect().height);
                images.forEach(i => { i.loading = 'eager'; i.scrollIntoView({behavior: 'instant'}); });
                Promise.all(images.map(i => i.complete ? null : new Promise(r => { i.onload = r; i.onerror = r; }))).then(() => done(
                  images.map((i, n) => ({src: i.currentSrc, natural: i.naturalWidth, shown: i.getBoundingClientRect().width,
                    before: boxes[n], after: i.getBoundingClientRect().height, lazy: i.getAttribute('loading'),
                    credit: !!i.closest('figure').querySelector('.media-credit'), alt: i.alt}))));""")
            for n, image in enumerate(state):
                where = f"{page} at {width} px, image {n + 1}"
                if image["natural"] == 0:
                    check.fail(f"{where}: {image['src']} did not load")
                    continue
                if image["natural"] < min(image["shown"], 1600) - 1:
                    check.fail(f"{where}: the copy chosen ({image['src']}, {image['natural']} px) is narrower than its box ({image['shown']:.0f} px)")
                if abs(image["before"] - image["after"]) > 1:
                    check.fail(f"{where}: its box was {image['before']:.0f} px high before it loaded and {image['after']:.0f} px after: the layout shifts")
                if not image["credit"] or not image["alt"]:
                    check.fail(f"{where}: no credit or no alt text")
                if not image["src"].endswith(".webp"):
                    check.fail(f"{where}: Chromium was given {image['src']}, not the WebP copy")
        html = (out / page).read_text(encoding="utf-8")
        body = html.split('<div class="body">', 1)[-1]
        if "<img" in body and 'loading="lazy"' not in body:
            check.fail(f"{page}: an image in the text does not load lazily")
    if (out / "map.html").exists():
        browser.viewport(*context.phone, mobile=True)
        browser.load(site.server.base + "map.html")
        state = browser.driver.execute_script(
            """return [...document.querySelectorAll('.map-section')].map(s => ({
              markers: s.querySelectorAll('svg .map-marker').length, listed: s.querySelectorAll('.place-list a').length,
              height: (s.querySelector('svg') || {getBoundingClientRect: () => ({height: 0})}).getBoundingClientRect().height,
              title: !!s.querySelector('svg title'), desc: !!s.querySelector('svg desc')}));""")
        # The list of places on no map is a section without a drawing.
        state = [section for section in state if section["height"] > 0 or section["markers"]]
        for n, section in enumerate(state):
            if section["height"] < 50 or not section["title"] or not section["desc"]:
                check.fail(f"map.html, map {n + 1}: not drawn, or without its title and description ({section})")
            if section["markers"] and section["markers"] != section["listed"]:
                check.fail(f"map.html, map {n + 1}: {section['markers']} markers but {section['listed']} places listed")
        places = [p for p in pages if p.startswith("topics/") and '<svg class="locator-map"' in (out / p).read_text(encoding="utf-8")]
        for page in places:
            if 'class="map-marker current"' not in (out / page).read_text(encoding="utf-8"):
                check.fail(f"{page}: its map has no marker of its own")
        check.summary = f"{len(with_images)} pages with images; map.html draws {len(state)} maps; {len(places)} places have a map"
    elif with_images:
        check.summary = f"{len(with_images)} pages with images; no map page"
