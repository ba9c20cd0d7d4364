import TimelineCore

/// The site-wide pages: the timeline, eras, lists of topics, sources and facts, and the 404 page.
extension PageBuilder {
    func indexPage() -> IndexPage {
        let route = Route.index
        let settings = reader.settings()
        // The timeline split where the era changes: each section an era (or none) with its years.
        var sections: [(era: Era?, ids: [String])] = []
        for item in reader.timeline() {
            if let last = sections.last, last.era?.id == item.era {
                sections[sections.count - 1].ids.append(item.id)
            } else {
                sections.append((settings.eras.first { $0.id == item.era }, [item.id]))
            }
        }
        // A year's first heading on the page answers to #YEAR; a year that runs into a second era keeps its era's id there.
        var seen = Set<Int>()
        let timeline = sections.map { era, ids in
            var groups = years(ids, from: route, era: era)
            for index in groups.indices where seen.insert(groups[index].year).inserted {
                groups[index].anchor = String(groups[index].year)
            }
            return TimelineSection(
                years: groups,
                era: era.map { EraBand(id: $0.id, title: $0.title, href: Route.era($0.id).href(from: route), dateHTML: date($0.date), summary: $0.summary) })
        }
        let latest = reader.timeline().suffix(3).reversed().compactMap { reader.card($0.id, from: route) }
        let updated = reader.lastUpdated()
        return IndexPage(
            frame: frame(route, title: settings.title, description: nil, kind: "index", updated: updated, jsonld: website()), timeline: timeline,
            updatedHTML: updated.map(date),
            periods: periodBars(settings.eras, from: route), years: seen.sorted().map { YearLink(year: $0, href: "#\($0)") },
            latest: latest, story: storyPoints(from: route))
    }

    func eraPage(_ id: String) -> EraPage? {
        guard let era = reader.settings().eras.first(where: { $0.id == id }) else { return nil }
        let route = Route.era(id)
        return EraPage(
            frame: frame(route, title: era.title, description: era.summary, kind: "era"),
            era: EraView(title: era.title, dateHTML: date(era.date), years: years(reader.eraMembers(id), from: route), summary: era.summary))
    }

    func topicsPage() -> TopicsPage {
        let route = Route.topics
        let topics = reader.topicList()
        let kinds = TopicKind.allCases.compactMap { kind -> TopicKindGroup? in
            let members = topics.filter { $0.kind == kind }
            guard !members.isEmpty else { return nil }
            return TopicKindGroup(title: interface.word("kinds_" + kind.rawValue), kind: kind.rawValue, topics: members.map { topic in
                let count = reader.topicEntries(topic.id).count
                return TopicListItem(
                    title: topic.title, href: Route.note(.topic, topic.id).href(from: route),
                    countLabel: interface.count("entries", count), summary: topic.summary)
            })
        }
        return TopicsPage(
            frame: frame(route, title: interface.word("nav_topics"), description: describe("description_topics"), kind: "topics"),
            kinds: kinds)
    }

    func sourcesPage() -> SourcesPage {
        let route = Route.sources
        let sorted = reader.sources().sorted { ($0.date.earliest, $0.name, $0.id) < ($1.date.earliest, $1.name, $1.id) }
        return SourcesPage(
            frame: frame(route, title: interface.word("sources"), description: describe("description_sources"), kind: "sources"),
            sources: sorted.map { reference($0, from: route) })
    }

    func sourcePage(_ id: String) -> SourcePage? {
        guard let source = reader.source(id) else { return nil }
        let route = Route.source(id)
        let uses = reader.sourceUses(id)
        let evidence = evidence(of: id, from: route)
        let view = SourceView(
            reference: reference(source, from: route), publisherName: source.publisher,
            citedBy: citingPages(uses.filter { $0.note != nil }, source: source, from: route),
            facts: uses.filter { $0.factID != nil }.map { useItem($0, source: source, from: route) },
            evidence: evidence.passages, knownErrors: evidence.errors, archiveNote: evidence.note, copyURL: evidence.copyURL)
        return SourcePage(frame: frame(route, title: source.name, description: source.note, kind: "source"), source: view)
    }

    /// One place that cites a source, or one fact that rests on it.
    private func useItem(_ use: SourceUse, source: Source, from route: Route) -> SourceUseItem {
        let fact = use.factID.flatMap { reader.fact($0) }
        return SourceUseItem(
            title: use.title, href: use.route.href(from: route, fragment: use.anchor), locator: use.locator, quote: use.quote,
            quoteLanguage: quoteLanguage(use.quote, use.quoteLanguage, source: source), dateHTML: fact.map { date($0.date) },
            asOfHTML: fact.map { interface.asOf($0.date, shown: date($0.date), html: true) },
            value: fact?.displayValue)
    }

    /// The pages that cite a source, each once, with a link to every place on it that does.
    private func citingPages(_ uses: [SourceUse], source: Source, from route: Route) -> [CitingPage] {
        var order: [Route] = []
        var groups: [Route: [SourceUse]] = [:]
        for use in uses {
            if groups[use.route] == nil { order.append(use.route) }
            groups[use.route, default: []].append(use)
        }
        return order.compactMap { page in
            guard let group = groups[page], let first = group.first else { return nil }
            let anchors = group.compactMap(\.anchor)
            let places = anchors.count > 1 ? anchors.enumerated().map { index, anchor in
                let label = Self.backrefLabel(index, count: anchors.count)
                return Backref(label: label, href: page.href(from: route, fragment: anchor), aria: interface.word("citation_in").replacingText("{label}", with: label).replacingText("{title}", with: first.title))
            } : [Backref]()
            return CitingPage(
                use: useItem(first, source: source, from: route), places: places,
                details: details(group.map { ($0.anchor, $0.locator, $0.quote, $0.quoteLanguage) }, source: source))
        }
    }

    func factsPage() -> FactsPage {
        let route = Route.facts
        let settings = reader.settings()
        let all = reader.facts()
        let facts = all.sorted { ($0.date.earliest, $0.date.latest, $0.id) < ($1.date.earliest, $1.date.latest, $1.id) }
        var metrics: [String: [Fact]] = [:]
        for fact in facts where fact.value != nil {
            if let metric = fact.metric { metrics[metric, default: []].append(fact) }
        }
        // Metrics in the order site.yaml lists them, then the others by key.
        let defined = settings.metrics
        let order = defined.map(\.id).filter { metrics[$0] != nil } + metrics.keys.filter { key in !defined.contains { $0.id == key } }.sorted()
        let sections = order.map { metric in
            let definition = defined.first { $0.id == metric }
            return MetricSection(
                title: definition?.title ?? Fact.metricTitle(metric), anchor: Anchor.metric(metric), facts: (metrics[metric] ?? []).map(factRow),
                description: definition?.description,
                chart: reader.chart(metric) != nil ? reader.caches.chartView(metric, root: route.root, highlight: []) : nil)
        }
        let dataset = self.dataset(facts: all, metricTitles: order.map { metric in defined.first { $0.id == metric }?.title ?? Fact.metricTitle(metric) })
        return FactsPage(
            frame: frame(
                route, title: interface.word("facts_and_figures"), description: describe("description_facts"), kind: "facts",
                updated: facts.last { !$0.date.isInterval }?.date, jsonld: dataset),
            metrics: sections, claims: facts.filter { $0.metric == nil || $0.value == nil }.map(factRow),
            charts: settings.charts.compactMap { group in
                let key = FigureChart.groupKey(group.id)
                return reader.chart(key) != nil ? reader.caches.chartView(key, root: route.root, highlight: []) : nil
            })
    }

    /// A row of the facts page: the fact, its sources and the notes that show it.
    func factRow(_ fact: Fact) -> FactRow {
        let route = Route.facts
        let sources = fact.citations.compactMap { citation -> FactSource? in
            guard let source = reader.source(citation.sourceID) else { return nil }
            return FactSource(
                title: source.name, href: Route.source(source.id).href(from: route), dateHTML: date(source.date),
                publisher: source.publisherBesideName, locator: citation.locator, quote: citation.quote,
                quoteLanguage: quoteLanguage(citation.quote, citation.quoteLanguage, source: source), language: source.language)
        }
        let disagreeing = reader.figure(fact.id).disagreesWith.compactMap { id in
            reader.fact(id).map { Link(title: "\($0.displayValue ?? "") (\($0.citations.map(\.sourceID).joined(separator: ", ")))", href: "#" + Anchor.fact(id)) }
        }
        return FactRow(
            fact: factView(fact), sources: sources, shownIn: reader.factUses(fact.id).map { link($0, from: route) }, disagreesWith: disagreeing)
    }

    func notFoundPage() -> NotFoundPage {
        NotFoundPage(frame: frame(.notFound, title: interface.word("page_not_found"), description: nil, kind: "404"), stylesheet: reader.caches.stylesheet)
    }
}
