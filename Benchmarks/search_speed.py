#!/usr/bin/env python3
"""How fast the site's search answers, measured in a real browser.

Builds a synthetic site (1,000 entries by default) with the timeline binary, opens its index from disk in
headless chromium, loads the search index the way a reader does (by focusing the box), then types queries
into the box and measures, for each, the time from the input event to the results being on the page
(search.js answers synchronously once the index is loaded). Prints the median and slowest times, and writes
them to Benchmarks/results/search.md.

    Benchmarks/search_speed.py [ENTRIES] [--queries N]

Uses the browser suite's Python environment (Tests/Browser/.venv, made by Tests/Browser/install.sh) for
Selenium, and Debian's chromium and chromedriver.
"""
import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def reexec_in_venv() -> None:
    venv = REPO / "Tests" / "Browser" / ".venv" / "bin" / "python"
    inside = Path(sys.prefix).resolve() == (REPO / "Tests" / "Browser" / ".venv").resolve()
    if venv.exists() and not inside and "SEARCH_SPEED_IN_VENV" not in os.environ:
        os.environ["SEARCH_SPEED_IN_VENV"] = "1"
        os.execv(str(venv), [str(venv), *sys.argv])


def main() -> int:
    reexec_in_venv()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("entries", nargs="?", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=40)
    arguments = parser.parse_args()
    binary = os.environ.get("TIMELINE", str(REPO / ".build" / "release" / "timeline"))
    if not Path(binary).exists():
        print(f"search_speed: no timeline binary at {binary}; build one or set TIMELINE", file=sys.stderr)
        return 1
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("search_speed: Selenium is missing; run Tests/Browser/install.sh", file=sys.stderr)
        return 1

    work = Path(tempfile.mkdtemp(prefix="timeline-search-"))
    subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(arguments.entries), str(work / "corpus")],
                   check=True, stdout=subprocess.DEVNULL)
    content = work / "corpus" / "timeline" / "Content"
    site = work / "site"
    subprocess.run([binary, "build", "--content", str(content), "--templates", str(REPO / "Templates"),
                    "--output", str(site)], check=True, stdout=subprocess.DEVNULL)
    index_size = (site / "search-index.js").stat().st_size

    # Queries: words taken from entry bodies, so that each finds something, and two-word queries.
    random.seed(7)
    words = []
    for path in sorted((content / "entries").glob("*.md"))[:200]:
        body = path.read_text().split("---", 2)[-1]
        words += [w.lower() for w in re.findall(r"[A-Za-z]{5,}", re.sub(r"\[[^\]]*\]", " ", body))]
    words = sorted(set(words))
    queries = [random.choice(words) for _ in range(arguments.queries // 2)]
    queries += [random.choice(words) + " " + random.choice(words)[:3] for _ in range(arguments.queries - len(queries))]

    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get((site / "index.html").as_uri())
        driver.execute_script("document.getElementById('search-input').focus();")
        load = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const start = performance.now();
            (function wait() {
              if (window.TIMELINE_SEARCH_INDEX) { done(performance.now() - start); } else { setTimeout(wait, 5); }
            })();""")
        # The first query is timed apart: the browser has not yet run the search code hot.
        first = driver.execute_script("""
            const input = document.getElementById('search-input');
            const start = performance.now();
            input.value = arguments[0];
            input.dispatchEvent(new Event('input'));
            return [performance.now() - start, document.querySelectorAll('#search-results li').length];""", queries[0])
        times, hits = [], []
        for query in queries[1:]:
            elapsed, found = driver.execute_script("""
                const input = document.getElementById('search-input');
                const start = performance.now();
                input.value = arguments[0];
                input.dispatchEvent(new Event('input'));
                return [performance.now() - start, document.querySelectorAll('#search-results li').length];""", query)
            times.append(elapsed)
            hits.append(found)
    finally:
        driver.quit()

    median = statistics.median(times)
    slowest = max(times)
    lines = [
        "# Search speed", "",
        f"A site of {arguments.entries:,} entries (search index {index_size / 1e6:.1f} MB), opened from disk in headless chromium.", "",
        "| | ms |", "|---|---:|",
        f"| loading the index (first focus) | {load:.0f} |",
        f"| first query | {first[0]:.1f} |",
        f"| later queries: median of {len(times)} | {median:.1f} |",
        f"| later queries: slowest | {slowest:.1f} |", "",
        f"Queries found {statistics.median(hits):.0f} results each (median; at most 20 are shown).", "",
    ]
    text = "\n".join(lines)
    print(text)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "search.md").write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
