/// Builds the values each template sees, as dictionaries and lists that Mustache reads by key.
///
/// Every link is relative to the page being built (`root` is `""` at the top of the site and `"../"`
/// one folder down) and names a file, so the site works from any server, under any path, and from disk.
struct PageContext {
    let site: Site
    /// Charts of the metrics with two figures or more, by metric.
    let charts: [String: FigureChart]
    var index: SiteIndex { site.index }
    var wording: DateWording { site.index.wording }

    /// The site's stylesheet, for the 404 page, which servers show at any address and so loads nothing.
    let stylesheet: String

    /// The era of each entry, by the entry's position in time.
    let eras: [Era?]
    /// For each topic, the positions of the entries that name it in front matter or link to it, in time order.
    let topicEntries: [String: [Int]]
    /// Each chart drawn once for pages at the site's root and once for pages one folder down.
    let chartDrawings: [String: (top: FigureChart.Drawing, nested: FigureChart.Drawing)]
    /// Each chart's values for pages one folder down, before a page marks its own figures.
    private(set) var nestedChartValues: [String: Values]
    private(set) var topCards: [String: Values] = [:]
    private(set) var nestedCards: [String: Values] = [:]

    init(site: Site, stylesheet: String = "") {
        self.site = site
        self.stylesheet = stylesheet
        let charts = FigureChart.charts(for: site)
        self.charts = charts
        chartDrawings = charts.mapValues { (top: $0.drawing(root: ""), nested: $0.drawing(root: "../")) }
        nestedChartValues = [:]
        let definedEras = site.index.settings.eras
        eras = site.entries.map { entry in
            definedEras
                .filter { $0.date.earliest <= entry.date.earliest && entry.date.earliest <= $0.date.latest }
                .max { ($0.date.earliest, $0.id) < ($1.date.earliest, $1.id) }
        }
        var topicEntries: [String: [Int]] = [:]
        let position = Dictionary(uniqueKeysWithValues: site.entries.enumerated().map { ($1.id, $0) })
        for topic in site.topics {
            var members = Set((site.tagged[topic.id] ?? []).compactMap { position[$0] })
            for backlink in site.backlinks[topic.id] ?? [] where backlink.from.kind == .entry {
                if let index = position[backlink.from.id] { members.insert(index) }
            }
            topicEntries[topic.id] = members.sorted()
        }
        self.topicEntries = topicEntries
        nestedChartValues = charts.mapValues { chartValues($0, root: "../") }
    }

    /// Makes every entry's card ahead, for a build that renders many of the pages listing them.
    mutating func prepareCards() {
        let cards = parallelMap(site.entries) { entry in (makeCard(entry, root: ""), makeCard(entry, root: "../")) }
        for (entry, made) in zip(site.entries, cards) {
            topCards[entry.id] = made.0
            nestedCards[entry.id] = made.1
        }
    }

    typealias Values = [String: Any]

    // MARK: Shared

    /// Values every page has: the site, the page, navigation.
    func common(path: String, title: String, description: String?, kind: String) -> Values {
        let root = String(repeating: "../", count: path.count { $0 == "/" })
        let settings = index.settings
        var siteValues: Values = [
            "title": settings.title, "description": settings.description, "language": settings.language,
        ]
        if let publisher = settings.publisher { siteValues["publisher"] = publisher }
        if let base = settings.baseURL { siteValues["base_url"] = base }
        var pageValues: Values = [
            "title": title,
            "full_title": title == settings.title ? title : "\(title) – \(settings.title)",
            "description": description ?? settings.description,
            "path": path,
            "kind": kind,
        ]
        if let base = settings.baseURL { pageValues["canonical"] = base + (path == "index.html" ? "" : path) }
        var navigation: [Values] = [
            ["title": "Timeline", "href": root + "index.html", "current": path == "index.html"],
            ["title": "Topics", "href": root + "topics.html", "current": path == "topics.html"],
            ["title": "Facts", "href": root + "facts.html", "current": path == "facts.html"],
            ["title": "Sources", "href": root + "sources.html", "current": path == "sources.html"],
        ]
        for page in site.pages where page.menuOrder != nil {
            let pagePath = "pages/\(page.id).html"
            navigation.append(["title": page.title, "href": root + pagePath, "current": path == pagePath])
        }
        pageValues["og_type"] = kind == "entry" ? "article" : "website"
        let alternates: [Values] = [
            ["type": "application/atom+xml", "title": "\(settings.title): entries (Atom feed)", "href": root + "feed.xml"],
            ["type": "application/json", "title": "\(settings.title): timeline for TimelineJS", "href": root + "timeline.json"],
            ["type": "application/json", "title": "\(settings.title): all content as data", "href": root + "data.json"],
            ["type": "text/csv", "title": "\(settings.title): facts and figures", "href": root + "facts.csv"],
        ]
        let webPage = JSON.compact([
            ("@context", .string("https://schema.org")), ("@type", .string("WebPage")), ("name", .string(title)),
            ("description", .optional(description)), ("inLanguage", .string(settings.language)),
            ("url", settings.baseURL != nil ? .string(site.url(path)) : .null), ("isPartOf", websiteJSON()),
        ])
        return [
            "site": siteValues, "page": pageValues, "root": root, "navigation": navigation, "alternates": alternates,
            "jsonld": structuredData(webPage),
        ]
    }

    /// Charts of the metrics whose figures a note shows, with its own figures highlighted.
    func chartValues(for noteID: String, root: String) -> [Values] {
        guard let note = site.notes[noteID] else { return [] }
        let shown = note.facts.map(\.fact.id) + note.rendered.inlineFacts
        var metrics: [String] = []
        for id in shown {
            // A chart of many figures is shown on the facts page only; on a note's page it would outweigh the note.
            if let metric = index.facts[id]?.metric, let chart = charts[metric], chart.facts.count <= FigureChart.notePageLimit,
               !metrics.contains(metric) {
                metrics.append(metric)
            }
        }
        let highlight = Set(shown)
        return metrics.map { metric in
            guard root == "../", var values = nestedChartValues[metric], let chart = charts[metric] else {
                return chartValues(charts[metric]!, root: root, highlight: highlight)
            }
            // The shared values, with this page's figures marked.
            values["svg"] = drawing(chart, root: root, highlight: highlight)
            if var rows = values["rows"] as? [Values] {
                for (index, fact) in chart.facts.enumerated() where highlight.contains(fact.id) { rows[index]["highlight"] = true }
                values["rows"] = rows
            }
            return values
        }
    }

    func chartValues(_ chart: FigureChart, root: String, highlight: Set<String> = []) -> Values {
        [
            "metric": chart.metric, "title": chart.title, "svg": drawing(chart, root: root, highlight: highlight),
            "anchor": "metric-\(chart.metric)", "href": root + "facts.html#metric-\(chart.metric)",
            "legend": chart.legend.map { item -> Values in
                ["mark": FigureChart.legendMark(item.shape, series: item.series), "title": item.source.name,
                 "publisher": item.source.publisherBesideName ?? "", "href": root + "sources/\(item.source.id).html"]
            },
            "rows": chart.facts.map { fact -> Values in
                var values = self.fact(fact)
                values["source"] = fact.citations.first.flatMap { index.sources[$0.sourceID] }.map { source -> Values in
                    ["title": source.name, "publisher": source.publisherBesideName ?? "", "href": root + "sources/\(source.id).html"]
                } ?? [:]
                values["highlight"] = highlight.contains(fact.id)
                return values
            },
        ]
    }

    /// A chart's drawing for a page, with the page's own figures marked.
    func drawing(_ chart: FigureChart, root: String, highlight: Set<String>) -> String {
        guard let cached = chartDrawings[chart.metric] else { return chart.svg(root: root, highlight: highlight) }
        return (root.isEmpty ? cached.top : cached.nested).svg(highlight: highlight)
    }

    /// Structured data (schema.org JSON-LD) for a page, safe to place inside a `<script>` element.
    func structuredData(_ json: JSON) -> String { json.serialized() }

    func websiteJSON() -> JSON {
        let settings = index.settings
        return .compact([
            ("@context", .string("https://schema.org")), ("@type", .string("WebSite")), ("name", .string(settings.title)),
            ("description", .string(settings.description)), ("inLanguage", .string(settings.language)),
            ("url", .optional(settings.baseURL)),
            ("publisher", settings.publisher.map { .object([("@type", .string("Organization")), ("name", .string($0))]) } ?? .null),
        ])
    }

    /// A source as a schema.org `CreativeWork`, for `citation`.
    func creativeWork(_ source: Source) -> JSON {
        .compact([
            ("@type", .string("CreativeWork")), ("name", .string(source.name)),
            ("author", source.author.map { .object([("@type", .string("Person")), ("name", .string($0))]) } ?? .null),
            ("publisher", source.publisher.map { .object([("@type", .string("Organization")), ("name", .string($0))]) } ?? .null),
            ("datePublished", source.date.startPoint.flatMap(EDTFDate.htmlValue).map(JSON.string) ?? .null),
            ("url", .optional(source.url)),
        ])
    }

    func date(_ date: EDTFDate) -> String { date.html(wording) }

    func noteLink(_ info: NoteInfo, root: String) -> Values {
        ["title": info.title, "href": root + info.path, "kind": info.kind.rawValue]
    }

    /// An entry as a card in a list: date, title, summary, topics and how many sources it cites. Cards are
    /// made once per build for pages at the top and one folder down, since many pages list the same entries.
    func card(_ entry: Entry, root: String) -> Values {
        if let cached = (root.isEmpty ? topCards : nestedCards)[entry.id] { return cached }
        return makeCard(entry, root: root)
    }

    private func makeCard(_ entry: Entry, root: String) -> Values {
        let count = site.notes[entry.id]?.citations.order.count ?? 0
        var values: Values = [
            "id": entry.id, "title": entry.title, "href": root + "entries/\(entry.id).html", "date_html": date(entry.date),
            "year": entry.date.year, "source_count": count, "source_label": count == 1 ? "1 source" : "\(count) sources",
            "topics": topicLinks(entry, root: root),
        ]
        if let summary = entry.summary { values["summary"] = summary }
        return values
    }

    func topicLinks(_ entry: Entry, root: String) -> [Values] {
        entry.topics.compactMap { reference in
            guard let info = index.notes[reference.id], info.kind == .topic else { return nil }
            return ["title": info.title, "href": root + info.path, "id": info.id]
        }
    }

    /// Entries grouped by year, each year with an anchor (qualified by the era when one is given, as an era's
    /// years may recur in the next era).
    func years(_ entries: [Entry], root: String, era: Era? = nil) -> [Values] {
        // Keys and members apart: holding a group while appending to it would copy its list each time.
        var years: [Int] = []
        var members: [[Entry]] = []
        for entry in entries {
            if years.last == entry.date.year {
                members[members.count - 1].append(entry)
            } else {
                years.append(entry.date.year)
                members.append([entry])
            }
        }
        let groups = zip(years, members)
        return groups.map { year, entries in
            ["year": year, "anchor": (era.map { "\($0.id)-" } ?? "") + "year-\(year)", "entries": entries.map { card($0, root: root) }]
        }
    }

    /// A page's numbered list of sources, each linking back to every place it is cited.
    func citationList(_ citations: CitationList, root: String) -> [Values] {
        citations.order.enumerated().compactMap { offset, sourceID in
            guard let source = index.sources[sourceID] else { return nil }
            let uses = citations.uses[sourceID] ?? []
            let placed = uses.compactMap(\.anchor)
            let backrefs: [Values] = placed.enumerated().map { number, anchor in
                let label = Self.backrefLabel(number, count: placed.count)
                return ["label": label, "href": "#" + anchor, "aria": placed.count == 1 ? "Back to the citation" : "Back to citation \(label)"]
            }
            var seen = Set<String>()
            let distinct = uses.filter { use in
                (use.locator != nil || use.quote != nil) && seen.insert((use.locator ?? "") + "\u{0}" + (use.quote ?? "")).inserted
            }
            let details: [Values] = distinct.map { use in
                var values: Values = [:]
                if let locator = use.locator { values["locator"] = locator }
                if let quote = use.quote {
                    values["quote"] = quote
                    if let language = use.quoteLanguage ?? source.language, language != index.settings.language {
                        values["quote_lang"] = language
                    }
                }
                return values
            }
            var values = reference(source, root: root)
            values["number"] = offset + 1
            values["anchor"] = CitationList.noteAnchor(sourceID)
            values["backrefs"] = backrefs
            values["details"] = details
            return values
        }
    }

    /// "a", "b", … for the links back to a source's citations, or "^" when there is one.
    static func backrefLabel(_ index: Int, count: Int) -> String {
        guard count > 1 else { return "^" }
        var label = ""
        var value = index
        repeat {
            label = String(UnicodeScalar(UInt8(97 + value % 26))) + label
            value = value / 26 - 1
        } while value >= 0
        return label
    }

    /// A source's full reference.
    func reference(_ source: Source, root: String) -> Values {
        var values: Values = [
            "id": source.id, "title": source.name, "date_html": date(source.date), "href": root + "sources/\(source.id).html",
        ]
        if let publisher = source.publisherBesideName { values["publisher"] = publisher }
        if let author = source.author { values["author"] = author }
        if let url = source.url { values["url"] = url }
        if let archive = source.archiveURL { values["archive_url"] = archive }
        if let accessed = source.accessed { values["accessed_html"] = date(accessed) }
        if let note = source.note { values["note"] = note }
        if let language = source.language, language != index.settings.language { values["lang"] = language }
        return values
    }

    /// A fact with its figure and dates.
    func fact(_ fact: Fact) -> Values {
        var values: Values = [
            "id": fact.id, "anchor": "fact-\(fact.id)", "statement": fact.statement, "date_html": date(fact.date),
        ]
        if let display = fact.displayValue { values["value"] = display }
        if let metric = fact.metric { values["metric"] = metric }
        return values
    }

    // MARK: Pages

    func entryPage(_ position: Int) -> Values {
        let entry = site.entries[position]
        let path = "entries/\(entry.id).html"
        var values = common(path: path, title: entry.title, description: entry.summary, kind: "entry")
        let root = "../"
        guard let note = site.notes[entry.id] else { return values }
        var entryValues: Values = [
            "id": entry.id, "title": entry.title, "date_html": date(entry.date), "body": note.rendered.markdown.html,
            "topics": topicLinks(entry, root: root),
            "facts": note.facts.map { shown -> Values in
                var values = fact(shown.fact)
                values["marks"] = shown.marks
                values["href"] = root + "facts.html#fact-\(shown.fact.id)"
                return values
            },
            "corrections": entry.corrections.map { ["date_html": date($0.date), "text": $0.text] as Values },
            "mentioned_in": (site.backlinks[entry.id] ?? []).map { backlink -> Values in
                var link = noteLink(backlink.from, root: root)
                link["href"] = root + backlink.from.path + "#" + backlink.anchor
                return link
            },
        ]
        if let summary = entry.summary { entryValues["summary"] = summary }
        if let updated = entry.updated { entryValues["updated_html"] = date(updated) }
        if position > 0 { entryValues["previous"] = card(site.entries[position - 1], root: root) }
        if position + 1 < site.entries.count { entryValues["next"] = card(site.entries[position + 1], root: root) }
        if let era = eras[position] {
            entryValues["era"] = ["title": era.title, "href": root + "eras/\(era.id).html"] as Values
        }
        entryValues["charts"] = chartValues(for: entry.id, root: root)
        values["entry"] = entryValues
        values["sources"] = citationList(note.citations, root: root)
        let article = JSON.compact([
            ("@context", .string("https://schema.org")), ("@type", .string("Article")), ("headline", .string(entry.title)),
            ("description", .optional(entry.summary)), ("inLanguage", .string(index.settings.language)),
            ("url", index.settings.baseURL != nil ? .string(site.url(path)) : .null),
            ("temporalCoverage", .string(entry.date.text)),
            ("about", .array(topicLinks(entry, root: root).map { .object([("@type", .string("Thing")), ("name", .string($0["title"] as! String))]) })),
            ("citation", .array(note.citations.order.compactMap { index.sources[$0] }.map(creativeWork))),
            ("isPartOf", websiteJSON()),
        ])
        values["jsonld"] = structuredData(article)
        return values
    }


    func topicPage(_ position: Int) -> Values {
        let topic = site.topics[position]
        let path = "topics/\(topic.id).html"
        var values = common(path: path, title: topic.title, description: topic.summary, kind: "topic")
        let root = "../"
        let entries = (topicEntries[topic.id] ?? []).map { site.entries[$0] }
        var topicValues: Values = [
            "id": topic.id, "title": topic.title, "kind": topic.kind.rawValue, "body": site.notes[topic.id]?.rendered.markdown.html ?? "",
            "entries": entries.map { card($0, root: root) },
            "mentioned_in": (site.backlinks[topic.id] ?? []).filter { $0.from.kind != .entry }.map { backlink -> Values in
                var link = noteLink(backlink.from, root: root)
                link["href"] = root + backlink.from.path + "#" + backlink.anchor
                return link
            },
        ]
        if let summary = topic.summary { topicValues["summary"] = summary }
        topicValues["charts"] = chartValues(for: topic.id, root: root)
        values["topic"] = topicValues
        values["sources"] = site.notes[topic.id].map { citationList($0.citations, root: root) } ?? []
        return values
    }

    func topicsPage() -> Values {
        var values = common(path: "topics.html", title: "Topics", description: "People, organisations, places and themes of \(index.settings.title).", kind: "topics")
        values["kinds"] = TopicKind.allCases.compactMap { kind -> Values? in
            let topics = site.topics.filter { $0.kind == kind }
            guard !topics.isEmpty else { return nil }
            return [
                "title": kind.plural, "kind": kind.rawValue,
                "topics": topics.map { topic -> Values in
                    let count = topicEntries[topic.id]?.count ?? 0
                    var values: Values = [
                        "title": topic.title, "href": "topics/\(topic.id).html", "count": count,
                        "count_label": count == 1 ? "1 entry" : "\(count) entries",
                    ]
                    if let summary = topic.summary { values["summary"] = summary }
                    return values
                },
            ]
        }
        return values
    }

    func sourcePage(_ position: Int) -> Values {
        let source = site.content.sources[position]
        let path = "sources/\(source.id).html"
        var values = common(path: path, title: source.name, description: source.note, kind: "source")
        let root = "../"
        var sourceValues = reference(source, root: root)
        if let publisher = source.publisher { sourceValues["publisher_name"] = publisher }
        let uses = site.sourceUses[source.id] ?? []
        sourceValues["cited_by"] = citedBy(uses.filter { $0.note != nil }, source: source, root: root)
        sourceValues["facts"] = uses.filter { $0.factID != nil }.map(use(root: root, source: source))
        values["source"] = sourceValues
        return values
    }

    /// The pages that cite a source, each once, with a link to every place on it that does.
    private func citedBy(_ uses: [SourceUse], source: Source, root: String) -> [Values] {
        var order: [String] = []
        var groups: [String: [SourceUse]] = [:]
        for use in uses {
            if groups[use.path] == nil { order.append(use.path) }
            groups[use.path, default: []].append(use)
        }
        return order.map { path in
            let group = groups[path]!
            var values = self.use(root: root, source: source)(group[0])
            let anchors = group.compactMap(\.anchor)
            values["count"] = group.count
            values["places"] = anchors.count > 1 ? anchors.enumerated().map { index, anchor -> Values in
                let label = Self.backrefLabel(index, count: anchors.count)
                return ["label": label, "href": root + path + "#" + anchor, "aria": "Citation \(label) in \(group[0].title)"]
            } : [Values]()
            var seen = Set<String>()
            values["details"] = group.filter { ($0.locator != nil || $0.quote != nil) && seen.insert(($0.locator ?? "") + "\u{0}" + ($0.quote ?? "")).inserted }
                .map { use -> Values in
                    var detail: Values = [:]
                    if let locator = use.locator { detail["locator"] = locator }
                    if let quote = use.quote {
                        detail["quote"] = quote
                        if let language = use.quoteLanguage ?? source.language, language != index.settings.language { detail["quote_lang"] = language }
                    }
                    return detail
                }
            return values
        }
    }

    private func use(root: String, source: Source) -> (SourceUse) -> Values {
        { use in
            var values: Values = ["title": use.title, "href": root + use.path + (use.anchor.map { "#" + $0 } ?? "")]
            if let note = use.note { values["kind"] = note.kind.rawValue }
            if let locator = use.locator { values["locator"] = locator }
            if let quote = use.quote {
                values["quote"] = quote
                if let language = use.quoteLanguage ?? source.language, language != index.settings.language { values["quote_lang"] = language }
            }
            if let factID = use.factID, let fact = index.facts[factID] {
                values["date_html"] = date(fact.date)
                if let display = fact.displayValue { values["value"] = display }
            }
            return values
        }
    }

    func sourcesPage() -> Values {
        var values = common(path: "sources.html", title: "Sources", description: "Every source \(index.settings.title) relies on.", kind: "sources")
        let sorted = site.content.sources.sorted { ($0.date.earliest, $0.name, $0.id) < ($1.date.earliest, $1.name, $1.id) }
        values["sources"] = sorted.map { source -> Values in
            var values = reference(source, root: "")
            values["href"] = "sources/\(source.id).html"
            values["use_count"] = Set((site.sourceUses[source.id] ?? []).map(\.path)).count
            return values
        }
        return values
    }

    func factsPage() -> Values {
        var values = common(path: "facts.html", title: "Facts and figures", description: "Every figure of \(index.settings.title), with its date and source.", kind: "facts")
        let facts = site.content.facts.sorted { ($0.date.earliest, $0.date.latest, $0.id) < ($1.date.earliest, $1.date.latest, $1.id) }
        var metrics: [String: [Fact]] = [:]
        for fact in facts where fact.metric != nil && fact.value != nil { metrics[fact.metric!, default: []].append(fact) }
        // Metrics in the order site.yaml lists them, then the others by key.
        let defined = index.settings.metrics
        let order = defined.map(\.id).filter { metrics[$0] != nil } + metrics.keys.filter { key in !defined.contains { $0.id == key } }.sorted()
        values["metrics"] = order.map { metric -> Values in
            let definition = defined.first { $0.id == metric }
            var values: Values = [
                "key": metric, "title": definition?.title ?? Fact.metricTitle(metric), "anchor": "metric-\(metric)",
                "facts": metrics[metric]!.map(factRow),
            ]
            if let description = definition?.description { values["description"] = description }
            if let chart = charts[metric] { values["chart"] = chartValues(chart, root: "") }
            return values
        }
        let days = site.content.facts.map(\.date.earliest)
        var coverage: JSON = .null
        if let first = days.min(), let last = days.max() {
            let start = Site.timestamp(first).prefix(10), end = Site.timestamp(last).prefix(10)
            coverage = .string(start == end ? String(start) : "\(start)/\(end)")
        }
        let dataset = JSON.compact([
            ("@context", .string("https://schema.org")), ("@type", .string("Dataset")),
            ("name", .string("\(index.settings.title): facts and figures")),
            ("description", .string("Dated claims and figures of \(index.settings.title), each with the date it was true as of and the sources it rests on.")),
            ("inLanguage", .string(index.settings.language)),
            ("url", index.settings.baseURL != nil ? .string(site.url("facts.html")) : .null),
            ("temporalCoverage", coverage),
            ("variableMeasured", .array(order.map { metric in .string(defined.first { $0.id == metric }?.title ?? Fact.metricTitle(metric)) })),
            ("distribution", .array([
                .object([("@type", .string("DataDownload")), ("encodingFormat", .string("text/csv")), ("contentUrl", .string(site.url("facts.csv")))]),
                .object([("@type", .string("DataDownload")), ("encodingFormat", .string("application/json")), ("contentUrl", .string(site.url("data.json")))]),
            ])),
            ("citation", .array(site.content.sources.filter { source in site.content.facts.contains { $0.citations.contains { $0.sourceID == source.id } } }.map(creativeWork))),
            ("isPartOf", websiteJSON()),
        ])
        values["jsonld"] = structuredData(dataset)
        values["claims"] = facts.filter { $0.metric == nil || $0.value == nil }.map(factRow)
        return values
    }

    /// A row of the facts page: the fact, its sources and the notes that show it.
    func factRow(_ fact: Fact) -> Values {
        var values = self.fact(fact)
        values["sources"] = fact.citations.compactMap { citation -> Values? in
            guard let source = index.sources[citation.sourceID] else { return nil }
            var values: Values = [
                "title": source.name, "href": "sources/\(source.id).html", "date_html": date(source.date),
            ]
            if let publisher = source.publisherBesideName { values["publisher"] = publisher }
            if let locator = citation.locator { values["locator"] = locator }
            if let quote = citation.quote {
                values["quote"] = quote
                if let language = citation.quoteLanguage ?? source.language, language != index.settings.language { values["quote_lang"] = language }
            }
            return values
        }
        values["shown_in"] = (site.factUses[fact.id] ?? []).map { noteLink($0, root: "") }
        return values
    }

    func notePage(_ position: Int) -> Values {
        let page = site.pages[position]
        let path = "pages/\(page.id).html"
        var values = common(path: path, title: page.title, description: page.summary, kind: "page")
        values["content"] = [
            "id": page.id, "title": page.title, "body": site.notes[page.id]?.rendered.markdown.html ?? "",
            "charts": chartValues(for: page.id, root: "../"),
        ] as Values
        values["sources"] = site.notes[page.id].map { citationList($0.citations, root: "../") } ?? []
        return values
    }

    func indexPage() -> Values {
        var values = common(path: "index.html", title: index.settings.title, description: nil, kind: "index")
        values["timeline"] = sections(root: "")
        values["eras"] = index.settings.eras.map { era -> Values in
            ["title": era.title, "href": "eras/\(era.id).html", "date_html": date(era.date)]
        }
        values["entry_count"] = site.entries.count
        values["jsonld"] = structuredData(websiteJSON())
        return values
    }

    /// The timeline split where the era changes: each section an era (or none) with its years.
    func sections(root: String) -> [Values] {
        let entries = site.entries
        var sectionEras: [Era?] = []
        var members: [[Entry]] = []
        for (position, entry) in entries.enumerated() {
            let era = eras[position]
            if let last = sectionEras.last, last?.id == era?.id {
                members[members.count - 1].append(entry)
            } else {
                sectionEras.append(era)
                members.append([entry])
            }
        }
        let groups = zip(sectionEras, members)
        return groups.map { era, entries in
            var values: Values = ["years": years(entries, root: root, era: era)]
            if let era {
                var eraValues: Values = ["title": era.title, "href": root + "eras/\(era.id).html", "date_html": date(era.date), "id": era.id]
                if let summary = era.summary { eraValues["summary"] = summary }
                values["era"] = eraValues
            }
            return values
        }
    }

    func eraPage(_ position: Int) -> Values {
        let era = index.settings.eras[position]
        let path = "eras/\(era.id).html"
        var values = common(path: path, title: era.title, description: era.summary, kind: "era")
        let entries = site.entries.indices.filter { eras[$0]?.id == era.id }.map { site.entries[$0] }
        var eraValues: Values = ["title": era.title, "date_html": date(era.date), "years": years(entries, root: "../")]
        if let summary = era.summary { eraValues["summary"] = summary }
        values["era"] = eraValues
        return values
    }

    /// The page servers send for a missing address, at any depth: it loads no file, and its links resolve
    /// against the site's address when known, or else against the folder a script finds the site's root in.
    func notFoundPage() -> Values {
        var values = common(path: "404.html", title: "Page not found", description: nil, kind: "404")
        values["stylesheet"] = stylesheet
        values["folders"] = ["entries", "topics", "sources", "pages", "eras"].joined(separator: "|")
        return values
    }
}
