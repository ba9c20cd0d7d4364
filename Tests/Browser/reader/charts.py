"""Charts that read at a glance: no two of a chart's words overlap at a phone's width or a laptop's, the time
axis says which year it starts in, a series of figures over time is joined by a line, the chart carries its
title, sources and dates inside the SVG (so that a chart saved alone keeps them), and a page that marks its
own figures says what the mark means."""

from __future__ import annotations

NAME = "charts"
TITLE = "charts: no overlapping words at 360 and 1366 px, a year on the time axis, lines, context inside the SVG"

PROBE = """
const out = [];
document.querySelectorAll('svg.chart').forEach((svg, index) => {
  const words = [...svg.querySelectorAll('text')].filter((t) => t.getClientRects().length > 0 && getComputedStyle(t).display !== 'none')
    .map((t) => { const b = t.getBoundingClientRect(); return {text: t.textContent, cls: t.getAttribute('class'), l: b.left, r: b.right, t: b.top, b: b.bottom}; });
  const overlaps = [];
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j < words.length; j++) {
    const a = words[i], b = words[j];
    const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
    if (w > 1 && h > 1) overlaps.push(`"${a.text}" and "${b.text}"`);
  }
  const time = [...svg.querySelectorAll('.chart-time')].map((t) => t.textContent);
  out.push({index, id: svg.id || (svg.querySelector('title') || {}).id || String(index), overlaps,
    time, title: !!svg.querySelector(':scope > title'), desc: (svg.querySelector(':scope > desc') || {}).textContent || '',
    source: [...svg.querySelectorAll('.chart-source')].map((t) => t.textContent).join(' '),
    points: svg.querySelectorAll('.chart-point').length, lines: svg.querySelectorAll('.chart-line').length,
    separate: svg.classList.contains('separate-counts'),
    highlighted: svg.querySelectorAll('.chart-point.highlight').length,
    key: !!svg.closest('figure') && !!svg.closest('figure').querySelector('.chart-key-highlight')});
});
return out;
"""


def run(context) -> None:
    import re

    site, browser, check = context.site, context.browser, context.check
    pages = [p for p in site.pages if "<svg class=\"chart" in (site.out / p).read_text(encoding="utf-8")]
    if not pages:
        check.fail("no page has a chart")
        return
    charts = 0
    for width, height, mobile in (context.phone + (True,), context.desktop + (False,)):
        browser.viewport(width, height, mobile=mobile)
        for page in pages:
            browser.load(site.server.base + page)
            for chart in browser.driver.execute_script(PROBE):
                where = f"{page} chart {chart['id']} at {width} px"
                for pair in chart["overlaps"][:3]:
                    check.fail(f"{where}: {pair} overlap")
                if mobile:
                    continue
                charts += 1
                if not chart["time"] or not re.search(r"\b\d{4}\b", chart["time"][0]):
                    check.fail(f"{where}: the time axis's first label {chart['time'][:1]} names no year")
                if not chart["title"] or not chart["desc"]:
                    check.fail(f"{where}: the SVG has no <title> and <desc> of its own")
                if not re.search(r"\w.* · .*\d{4}", chart["source"]):
                    check.fail(f"{where}: the SVG does not name its sources and dates in its own text ({chart['source']!r})")
                if chart["points"] >= 2 and not chart["separate"] and chart["lines"] == 0:
                    check.fail(f"{where}: {chart['points']} figures over time, not joined by a line")
                if chart["highlighted"] and not chart["key"]:
                    check.fail(f"{where}: marks this page's figures with no key saying so")
    check.summary = f"{charts} charts on {len(pages)} pages, each at 360 and 1366 px"
