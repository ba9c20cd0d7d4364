"""`timeline serve` at 1,000 entries: how long an edit saved in the content takes to show in the open page.

It writes the benchmark's 1,000-entry corpus (Benchmarks/generate_corpus.py), starts `timeline serve` on
it, opens the entry the benchmark edits in Chromium, then several times appends a paragraph to that
entry's note and waits for the page to show it. For each edit it takes, on this machine's one clock:

  reload   from the moment the file was written and closed to the start of the page's reload
           (the new page's performance.timeOrigin, when the preview's script calls location.reload())
  shown    the same to the end of the reloaded page's load event

The check fails when a page does not show its edit, or reloads without it; the times are reported (in the
report and in serve-reload.json beside it), and the issue's target (reload within 200 ms) is a figure to
read, as this machine's timings move by half from run to run.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

NAME = "reload"
TITLE = "an edit saved at 1,000 entries reloads the open page, with the edit"
ENTRIES = 1000
EDITS = 7
WARM_UP = 2
TIMEOUT = 30.0

PROBE = """
const nav = performance.getEntriesByType('navigation')[0];
return {origin: performance.timeOrigin, complete: document.readyState === 'complete',
        loaded: nav && nav.loadEventEnd ? nav.loadEventEnd : 0,
        marks: [...document.querySelectorAll('p')].map((p) => p.textContent).filter((t) => t.startsWith('Reload check ')).length};
"""


def start_serve(timeline: str, content: Path, templates: str, output: Path):
    """Starts `timeline serve` on a free port; returns the process, the site's address and its output lines."""
    command = [timeline, "serve", "--content", str(content), "--templates", templates, "--output", str(output), "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: "queue.Queue[str]" = queue.Queue()
    seen: list[str] = []

    def pump():
        assert process.stdout
        for line in process.stdout:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            if process.poll() is not None:
                break
            continue
        seen.append(line)
        found = re.search(r" at (http://\S+/)", line)
        if line.startswith("Serving ") and found:
            return process, found.group(1), seen
    process.kill()
    raise RuntimeError("timeline serve did not say where it serves:\n" + "\n".join(seen[-20:]))


def run(tools, browser, work: Path, check, artifacts: Path) -> None:
    timeline = os.environ.get("SERVE_TIMELINE") or tools.timeline
    repo = Path(__file__).resolve().parents[2]
    corpus = work / "serve-corpus"
    subprocess.run([sys.executable, str(repo / "Benchmarks" / "generate_corpus.py"), str(ENTRIES), str(corpus)],
                   check=True, capture_output=True, timeout=300)
    info = json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))
    content = corpus / "timeline" / "Content"
    note = content / "entries" / (info["edit_entry"] + ".md")
    original = note.read_bytes()
    process, base, _ = start_serve(timeline, content, str(repo / "Templates"), corpus / "timeline" / "Public")
    results = []
    try:
        browser.viewport(1366, 900, mobile=False)
        browser.load(base + "entries/" + info["edit_entry"] + ".html")
        state = browser.driver.execute_script(PROBE)
        if state["marks"]:
            check.fail(f"the entry shows {state['marks']} edits before any was made")
        for k in range(1, EDITS + 1):
            before = state["origin"]
            # Wait until the page's script is waiting on the preview again, as it is between edits.
            time.sleep(0.3)
            with open(note, "wb") as f:
                f.write(original + b"\n" + b"".join(b"Reload check %d.\n\n" % i for i in range(1, k + 1)))
            written = time.time() * 1000
            deadline = time.monotonic() + TIMEOUT
            while time.monotonic() < deadline:
                try:
                    state = browser.driver.execute_script(PROBE)
                except Exception:
                    state = None  # the page is between two documents
                if state and state["origin"] != before and state["complete"] and state["loaded"]:
                    break
                time.sleep(0.005)
            else:
                check.fail(f"edit {k}: the page did not reload within {TIMEOUT:.0f} s")
                break
            if state["marks"] != k:
                check.fail(f"edit {k}: the reloaded page shows {state['marks']} of the {k} paragraphs written")
                break
            results.append({"reload_ms": round(state["origin"] - written, 1),
                            "shown_ms": round(state["origin"] + state["loaded"] - written, 1)})
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(corpus, ignore_errors=True)
    measured = results[WARM_UP:]
    figures = {"entries": ENTRIES, "timeline": timeline, "edits": results, "warm_up": WARM_UP}
    if measured:
        reload = [r["reload_ms"] for r in measured]
        shown = [r["shown_ms"] for r in measured]
        figures.update({"reload_median_ms": statistics.median(reload), "reload_max_ms": max(reload),
                        "shown_median_ms": statistics.median(shown), "shown_max_ms": max(shown)})
        check.summary = (f"{len(measured)} edits after {WARM_UP} to warm up: reload starts {statistics.median(reload):.0f} ms "
                         f"after the write (median; max {max(reload):.0f}), page loaded at {statistics.median(shown):.0f} ms "
                         f"(max {max(shown):.0f}); {Path(timeline).name} at {timeline}")
    artifacts.mkdir(parents=True, exist_ok=True)
    (artifacts / "serve-reload.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    check.done()
