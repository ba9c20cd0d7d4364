#!/usr/bin/env python3
"""Write a synthetic, deterministic corpus for the benchmark.

For N entries it writes, under OUT:

  timeline/Content/   the corpus in the timeline's content format
  hugo/               the same Markdown as a Hugo site (hugo.toml, content/, layouts/)
  bodies.md           every entry's Markdown body, concatenated, for the cmark floor
  corpus.json         what was generated (counts, sizes, the entry used for the edit rebuild)

Proportions, for N entries: N/20 sources, N/50 topics, N/20 facts (half of them figures of a
metric), two pages. Each entry has about 2 KB of Markdown with two citations ``[@source]`` and two
cross-links ``[[...]]`` (one to a topic, one to another entry); its front matter has a title, a date,
a summary, one or two topics, the first cited source, and on every fifth entry a fact. Every tenth
entry also places a fact in its text with ``[[fact:...]]``. Every source is cited, every fact is
shown, every topic is tagged, so the corpus builds without a warning.

In the Hugo site, citations become links to the source's address, ``[[topic]]`` and ``[[entry]]``
become ordinary Markdown links to the topic's and the entry's page, and ``[[fact:...]]`` becomes the
fact's figure as text. Topics are a Hugo taxonomy whose term pages carry the topic's note.

Only the Python standard library is used. The same N and seed always give the same bytes.
"""

import argparse
import json
import os
import random
import shutil
import sys
import datetime

GENERATOR_VERSION = 1

WORDS = """
harbour council bridge budget report minister police army election protest court ruling vote
committee mission envoy treaty ceasefire border province capital district mayor governor union
strike market price fuel food water school hospital road port airport station bank loan debt
grant aid donor agency survey census figure estimate record archive letter statement decree law
reform plan project contract tender inquiry audit hearing session meeting summit talks deal
agreement dispute appeal verdict sentence arrest raid patrol checkpoint convoy camp shelter family
village town city region coast river valley mountain island north south east west central rural
urban national local regional federal public private foreign domestic early late first second
third final interim acting former new old large small major minor sudden gradual brief long
announces approves rejects delays opens closes signs extends suspends resumes expands reduces
funds builds repairs replaces elects appoints dismisses resigns returns leaves arrives visits
""".split()

KINDS = ["person", "organisation", "place", "theme"]
PUBLISHERS = ["Northport Gazette", "Harbour Times", "Valley Herald", "City Council", "Roads Department",
              "National Archive", "Coast Radio", "Regional Observer"]
METRICS = [
    ("people-displaced", "People displaced", "people"),
    ("budget", "Budget", "USD"),
    ("troops-deployed", "Troops deployed", "troops"),
    ("turnout", "Election turnout", "percent"),
]
QUALIFIERS = ["about", "nearly", "more than", "at least", "up to"]

FIRST_DAY = datetime.date(1950, 1, 1).toordinal()
LAST_DAY = datetime.date(2024, 12, 31).toordinal()
# Sources are published after every event they report, as a real site's are: an entry dated after all its
# sources is a warning, and a corpus with warnings would never take the build's nothing-changed path.
SOURCE_FIRST_DAY = datetime.date(2025, 1, 1).toordinal()
SOURCE_LAST_DAY = datetime.date(2025, 12, 31).toordinal()


def slug(words):
    return "-".join(words)


class Corpus:
    def __init__(self, entries, seed):
        self.n = entries
        self.rng = random.Random(seed * 1_000_003 + entries)
        self.source_count = max(2, entries // 20)
        self.topic_count = max(2, entries // 50)
        self.fact_count = max(2, entries // 20)
        self.make_sources()
        self.make_topics()
        self.make_facts()
        self.make_entries()

    # Text ------------------------------------------------------------------------------------

    def words(self, lo, hi):
        return [self.rng.choice(WORDS) for _ in range(self.rng.randint(lo, hi))]

    def sentence(self, lo=8, hi=18, plain=False):
        w = self.words(lo, hi)
        w[0] = w[0][0].upper() + w[0][1:]
        if plain:
            pass
        elif self.rng.random() < 0.15:
            k = self.rng.randrange(len(w))
            w[k] = "*" + w[k] + "*"
        elif self.rng.random() < 0.1:
            k = self.rng.randrange(len(w))
            w[k] = "**" + w[k] + "**"
        elif self.rng.random() < 0.05:
            k = self.rng.randrange(len(w))
            w[k] = "`" + w[k] + "`"
        return " ".join(w) + "."

    def title(self, lo=3, hi=6):
        text = " ".join(self.words(lo, hi))
        return text[0].upper() + text[1:]

    def date(self, precision="day", first=FIRST_DAY, last=LAST_DAY):
        d = datetime.date.fromordinal(self.rng.randint(first, last))
        if precision == "year":
            return "%04d" % d.year
        if precision == "month":
            return "%04d-%02d" % (d.year, d.month)
        return d.isoformat()

    # Model -----------------------------------------------------------------------------------

    def make_sources(self):
        self.sources = []
        for k in range(self.source_count):
            publisher = PUBLISHERS[k % len(PUBLISHERS)]
            precision = ["day", "day", "month", "year"][k % 4]
            date = self.date(precision, SOURCE_FIRST_DAY, SOURCE_LAST_DAY)
            sid = "%s-%s-%d" % (slug(publisher.lower().split()), date[:4], k)
            self.sources.append({
                "id": sid, "title": self.title(), "publisher": publisher, "date": date,
                "url": "https://example.org/%s/%s" % (slug(publisher.lower().split()), sid),
                "author": "A. Reporter" if k % 3 == 0 else None,
                "note": self.sentence(6, 12, plain=True) if k % 5 == 0 else None,
            })

    def make_topics(self):
        self.topics = []
        for k in range(self.topic_count):
            words = self.words(2, 3)
            self.topics.append({
                "id": "%s-t%d" % (slug(words), k),
                "title": " ".join(words).title(),
                "kind": KINDS[k % len(KINDS)],
                "summary": self.sentence(6, 12, plain=True),
                "source": self.sources[(k * 7) % self.source_count]["id"],
                "paragraphs": [self.sentence() + " " + self.sentence() for _ in range(2)],
            })

    def make_facts(self):
        self.facts = []
        for k in range(self.fact_count):
            fact = {
                "id": "fact-%s-%d" % (slug(self.words(1, 2)), k),
                "statement": self.sentence(6, 12, plain=True),
                "date": self.date("day" if k % 2 else "month"),
                "source": self.sources[(k * 13 + 5) % self.source_count]["id"],
                "locator": "p. %d" % (1 + k % 40) if k % 3 == 0 else None,
            }
            if k % 2 == 0:
                metric, _, unit = METRICS[(k // 2) % len(METRICS)]
                fact["metric"] = metric
                fact["unit"] = unit
                fact["value"] = str(self.rng.randint(1, 100)) if unit == "percent" else str(self.rng.randint(100, 5_000_000))
                if k % 6 == 0:
                    fact["qualifier"] = QUALIFIERS[k % len(QUALIFIERS)]
            self.facts.append(fact)

    def make_entries(self):
        self.entries = []
        for i in range(self.n):
            words = self.words(2, 4)
            self.entries.append({"id": "%s-%d" % (slug(words), i), "title": self.title(4, 8)})
        for i, entry in enumerate(self.entries):
            s1 = self.sources[i % self.source_count]["id"]
            s2 = self.sources[(i * 7 + 3) % self.source_count]["id"]
            if s2 == s1:
                s2 = self.sources[(i + 1) % self.source_count]["id"]
            t1 = self.topics[i % self.topic_count]["id"]
            t2 = self.topics[(i * 3 + 1) % self.topic_count]["id"]
            other = (i + 1 + self.rng.randrange(self.n - 1)) % self.n
            entry.update({
                "date": self.date("day" if i % 7 else "month"),
                "summary": self.sentence(8, 14, plain=True),
                "topics": [t1] if t2 == t1 or i % 2 else [t1, t2],
                "cites": [s1, s2],
                "link_topic": self.topics[(i * 11 + 2) % self.topic_count]["id"],
                "link_entry": self.entries[other]["id"],
                "fact": self.facts[(i // 5) % self.fact_count]["id"] if i % 5 == 0 else None,
                "text_fact": self.facts[(i * 3 + 1) % self.fact_count]["id"] if i % 10 == 3 else None,
                "body": self.body_parts(),
            })

    def body_parts(self):
        """The body as a list of parts: text, or a reference placeholder filled in per format."""
        rng = self.rng

        def para(n):
            return " ".join(self.sentence() for _ in range(n))

        return [
            para(3), " ", ("cite", 0), " ", para(1), "\n\n",
            "## ", self.title(2, 4), "\n\n",
            para(2), " See ", ("topic",), " for more. ", para(2), "\n\n",
            "- ", self.sentence(5, 10), "\n",
            "- ", self.sentence(5, 10), "\n",
            "- ", self.sentence(5, 10), "\n\n",
            para(2), " ", ("fact",), para(1), " ", ("cite", 1), "\n\n",
            "> ", self.sentence(10, 16), "\n\n",
            para(2), " This followed ", ("entry",), ". ", para(2),
            " The [full text](https://example.org/documents/%d) was published later.\n" % rng.randrange(10**6),
        ]


# Timeline format -----------------------------------------------------------------------------

def timeline_body(corpus, entry):
    out = []
    for part in entry["body"]:
        if isinstance(part, str):
            out.append(part)
        elif part[0] == "cite":
            source = entry["cites"][part[1]]
            out.append("[@%s]" % source if part[1] == 0 else "[@%s, p. 12]" % source)
        elif part[0] == "topic":
            out.append("[[%s]]" % entry["link_topic"])
        elif part[0] == "entry":
            out.append("[[%s]]" % entry["link_entry"])
        elif part[0] == "fact":
            out.append("It stood at [[fact:%s]]. " % entry["text_fact"] if entry["text_fact"] else "")
    return "".join(out)


def yaml_list(items):
    return "[" + ", ".join(items) + "]"


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_timeline(corpus, root):
    content = os.path.join(root, "Content")
    for sub in ("entries", "topics", "pages"):
        os.makedirs(os.path.join(content, sub), exist_ok=True)

    site = ["title: Benchmark timeline",
            "description: A synthetic timeline of %d entries for the benchmark." % corpus.n,
            "language: en",
            "publisher: Benchmark Newsroom",
            # Hugo makes no share pictures: the generator's (drawn once, then kept by hash) are left out of the comparison.
            "share_cards: false",
            "eras:",
            "  - title: Before 1990",
            "    date: 1950/1989",
            "    summary: The first four decades.",
            "  - title: Since 1990",
            "    date: 1990/..",
            "metrics:"]
    for metric, title, _ in METRICS:
        site += ["  - id: %s" % metric, "    title: %s" % title]
    write(os.path.join(content, "site.yaml"), "\n".join(site) + "\n")

    lines = []
    for s in corpus.sources:
        lines += ["- id: %s" % s["id"], "  title: %s" % s["title"], "  publisher: %s" % s["publisher"]]
        if s["author"]:
            lines.append("  author: %s" % s["author"])
        lines += ["  date: %s" % s["date"], "  url: %s" % s["url"]]
        if s["note"]:
            lines.append("  note: %s" % s["note"])
    write(os.path.join(content, "sources.yaml"), "\n".join(lines) + "\n")

    lines = []
    for f in corpus.facts:
        lines += ["- id: %s" % f["id"], "  statement: %s" % f["statement"], "  date: %s" % f["date"]]
        if f["locator"]:
            lines.append("  sources: [{id: %s, locator: %s}]" % (f["source"], f["locator"]))
        else:
            lines.append("  sources: [%s]" % f["source"])
        for key in ("metric", "value", "unit", "qualifier"):
            if key in f:
                lines.append("  %s: %s" % (key, f[key]))
    write(os.path.join(content, "facts.yaml"), "\n".join(lines) + "\n")

    for t in corpus.topics:
        write(os.path.join(content, "topics", t["id"] + ".md"),
              "---\ntitle: %s\nkind: %s\nsummary: %s\n---\n\n%s [@%s]\n\n%s\n"
              % (t["title"], t["kind"], t["summary"], t["paragraphs"][0], t["source"], t["paragraphs"][1]))

    for e in corpus.entries:
        write(os.path.join(content, "entries", e["id"] + ".md"), timeline_entry(corpus, e))

    first_source = corpus.sources[0]["id"]
    write(os.path.join(content, "pages", "about.md"),
          "---\ntitle: About\nmenu: 1\n---\n\nA synthetic timeline written for the benchmark [@%s]. "
          "Read the [method](method.md).\n" % first_source)
    write(os.path.join(content, "pages", "method.md"),
          "---\ntitle: Method\nmenu: 2\n---\n\nEvery entry cites two sources and links to a topic and "
          "another entry, such as [[%s]].\n" % corpus.entries[0]["id"])


def timeline_entry(corpus, e):
    front = ["---", "title: %s" % e["title"], "date: %s" % e["date"], "summary: %s" % e["summary"],
             "topics: %s" % yaml_list(e["topics"]), "sources: %s" % yaml_list(e["cites"][:1])]
    if e["fact"]:
        front.append("facts: [%s]" % e["fact"])
    front.append("---")
    body = timeline_body(corpus, e)
    return "\n".join(front) + "\n\n" + body


# Hugo site -------------------------------------------------------------------------------------

HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "en"
title = "Benchmark timeline"
uglyURLs = true
disableKinds = ["RSS", "sitemap", "robotsTXT"]

[taxonomies]
  topic = "topics"

[markup.goldmark.renderer]
  unsafe = false
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}"></head>
<body>
<header><a href="{{ "index.html" | relURL }}">{{ .Site.Title }}</a> · <a href="{{ "topics.html" | relURL }}">Topics</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ .Content }}
{{ with .GetTerms "topics" }}<ul class="topics">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</article>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages.ByDate }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
""",
    "index.html": """{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<ol class="timeline">
{{ range (where .Site.RegularPages "Section" "entries").ByDate }}<li><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }} <span>{{ . }}</span>{{ end }}</li>
{{ end }}</ol>
{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
""",
    "_default/term.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ .Content }}
<ol>{{ range .Pages.ByDate }}<li><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>
{{ end }}
""",
}


def hugo_date(edtf):
    return edtf if len(edtf) == 10 else edtf + "-01"


def hugo_body(corpus, e, titles, facts, sources):
    out = []
    for part in e["body"]:
        if isinstance(part, str):
            out.append(part)
        elif part[0] == "cite":
            s = sources[e["cites"][part[1]]]
            out.append("([%s %s](%s))" % (s["publisher"], s["date"][:4], s["url"]))
        elif part[0] == "topic":
            out.append("[%s](../topics/%s.html)" % (titles[e["link_topic"]], e["link_topic"]))
        elif part[0] == "entry":
            out.append("[%s](%s.html)" % (titles[e["link_entry"]], e["link_entry"]))
        elif part[0] == "fact":
            if e["text_fact"]:
                f = facts[e["text_fact"]]
                out.append("It stood at %s. " % (f.get("value", f["statement"])))
    return "".join(out)


def hugo_entry(corpus, e, titles, facts, sources):
    front = ["---", "title: %s" % e["title"], "date: %s" % hugo_date(e["date"]),
             "summary: %s" % e["summary"], "topics: %s" % yaml_list(e["topics"]), "---"]
    body = hugo_body(corpus, e, titles, facts, sources)
    return "\n".join(front) + "\n\n" + body


def write_hugo(corpus, root):
    os.makedirs(os.path.join(root, "content", "entries"), exist_ok=True)
    os.makedirs(os.path.join(root, "content", "pages"), exist_ok=True)
    os.makedirs(os.path.join(root, "static"), exist_ok=True)
    write(os.path.join(root, "hugo.toml"), HUGO_CONFIG)
    write(os.path.join(root, "static", "style.css"), "body { font-family: sans-serif; max-width: 40em; }\n")
    for name, text in HUGO_LAYOUTS.items():
        path = os.path.join(root, "layouts", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write(path, text)
    titles = {t["id"]: t["title"] for t in corpus.topics}
    titles.update({e["id"]: e["title"] for e in corpus.entries})
    facts = {f["id"]: f for f in corpus.facts}
    sources = {s["id"]: s for s in corpus.sources}
    write(os.path.join(root, "content", "_index.md"), "---\ntitle: Benchmark timeline\n---\n")
    write(os.path.join(root, "content", "entries", "_index.md"), "---\ntitle: Entries\n---\n")
    os.makedirs(os.path.join(root, "content", "topics"), exist_ok=True)
    write(os.path.join(root, "content", "topics", "_index.md"), "---\ntitle: Topics\n---\n")
    for t in corpus.topics:
        folder = os.path.join(root, "content", "topics", t["id"])
        os.makedirs(folder, exist_ok=True)
        s = sources[t["source"]]
        write(os.path.join(folder, "_index.md"),
              "---\ntitle: %s\nsummary: %s\n---\n\n%s ([%s %s](%s))\n\n%s\n"
              % (t["title"], t["summary"], t["paragraphs"][0], s["publisher"], s["date"][:4], s["url"],
                 t["paragraphs"][1]))
    for e in corpus.entries:
        write(os.path.join(root, "content", "entries", e["id"] + ".md"),
              hugo_entry(corpus, e, titles, facts, sources))
    write(os.path.join(root, "content", "pages", "about.md"),
          "---\ntitle: About\n---\n\nA synthetic timeline written for the benchmark. Read the [method](method.html).\n")
    write(os.path.join(root, "content", "pages", "method.md"),
          "---\ntitle: Method\n---\n\nEvery entry cites two sources and links to a topic and another entry.\n")
    return titles, facts, sources


def generate(entries, out, seed):
    corpus = Corpus(entries, seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    write_timeline(corpus, os.path.join(out, "timeline"))
    write_hugo(corpus, os.path.join(out, "hugo"))
    total = 0
    with open(os.path.join(out, "bodies.md"), "w", encoding="utf-8", newline="\n") as f:
        for e in corpus.entries:
            body = timeline_body(corpus, e)
            total += len(body.encode("utf-8"))
            f.write(body)
            f.write("\n")
    info = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "entries": entries,
        "sources": corpus.source_count,
        "topics": corpus.topic_count,
        "facts": corpus.fact_count,
        "pages": 2,
        "body_bytes": total,
        "mean_body_bytes": round(total / max(1, entries)),
        "edit_entry": corpus.entries[entries // 2]["id"],
    }
    write(os.path.join(out, "corpus.json"), json.dumps(info, indent=2) + "\n")
    return info


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("entries", type=int, help="number of entries")
    p.add_argument("out", help="folder to write (replaced if it exists)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = p.parse_args(argv)
    if args.entries < 2:
        p.error("at least 2 entries")
    info = generate(args.entries, args.out, args.seed)
    print(json.dumps(info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
