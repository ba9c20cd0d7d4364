"""The search index holds each entry's text once: no phrase doubled by the plain-text walk of a [[link]]."""

from __future__ import annotations

import gzip
import json
import re

NAME = "search-index"
TITLE = "the search index has no doubled text and stays under 25 KB gzipped"
LIMIT = 25 * 1024


def doubled(text: str) -> list[str]:
    """Runs of two or more words written twice in a row with nothing between ("A BA B" or "A B A B")."""
    found = []
    for match in re.finditer(r"(\b[A-Z][\w'’-]+(?: [\w'’-]+){0,4}?)\s?\1", text):
        phrase = match.group(1)
        if len(phrase) >= 6 and " " in phrase:
            found.append(phrase)
    return found


def load_index(out) -> list[list]:
    """The documents of search-index.js: a script that assigns one JSON object to window.TIMELINE_SEARCH_INDEX."""
    text = (out / "search-index.js").read_text(encoding="utf-8")
    body = text[text.index("=") + 1:].strip().rstrip(";")
    return json.loads(body)["documents"]


def run(context) -> None:
    site = context.site
    if not (site.out / "search-index.js").exists():
        context.check.fail("no search index (search-index.js) in the built site")
        return
    documents = load_index(site.out)
    problems = []
    for document in documents:
        for value in document[2:]:
            if isinstance(value, str):
                for phrase in doubled(value):
                    problems.append(f"{document[1]}: \"{phrase}\" written twice")
    for problem in problems[:20]:
        context.check.fail(problem)
    if len(problems) > 20:
        context.check.fail(f"… and {len(problems) - 20} more")
    size = len(gzip.compress((site.out / "search-index.js").read_bytes(), 9, mtime=0))
    if size > LIMIT:
        context.check.fail(f"search-index.js is {size / 1024:.1f} KB gzipped, over 25 KB")
    context.check.summary = f"{len(documents)} documents, {len(problems)} doubled phrases, {size / 1024:.1f} KB gzipped"
