import TimelineCore

/// Builds the model of each page from what it reads of the site, through a ``SiteReader`` that records
/// every read. Every link is relative to the page being built, so the site works from any server, under
/// any path, and from disk.
struct PageBuilder {
    let reader: SiteReader
    /// The interface's words in the site's language.
    var interface = InterfaceText(chain: ["en"], files: [:])

    /// The model of the page at `route`, or nil when the route names no page a template renders.
    func model(for route: Route) -> (any PageModel)? {
        switch route {
        case .index: return indexPage()
        case .topics: return topicsPage()
        case .sources: return sourcesPage()
        case .facts: return factsPage()
        case .notFound: return notFoundPage()
        case .dataFiles: return dataFilesPage()
        case .embed: return embedPage()
        case .note(.entry, let id): return entryPage(id)
        case .note(.topic, let id): return topicPage(id)
        case .note(.page, let id): return notePage(id)
        case .source(let id): return sourcePage(id)
        case .era(let id): return eraPage(id)
        case .map: return mapPage()
        case .feed, .searchIndex, .timelineJS, .data, .factsCSV, .sitemap, .asset, .media, .card: return nil
        }
    }

    /// Every kind of page, in the order the README lists them; a test checks that each has its template
    /// and each template its model.
    static let pageModels: [any PageModel.Type] = [
        IndexPage.self, EntryPage.self, TopicPage.self, TopicsPage.self, SourcePage.self, SourcesPage.self, FactsPage.self,
        NotePage.self, EraPage.self, MapPage.self, DataFilesPage.self, EmbedPage.self, NotFoundPage.self,
    ]

    // MARK: Shared pieces

    func date(_ date: EDTFDate) -> String { reader.dateHTML(date) }

    /// The absolute address of a route when the site has a `base_url`, else its path.
    func url(_ route: Route) -> String {
        guard let base = reader.settings().baseURL else { return route.path }
        return base + (route == .index ? "" : route.path)
    }

    func link(_ info: NoteInfo, from route: Route, fragment: String? = nil) -> Link {
        Link(title: info.title, href: info.route.href(from: route, fragment: fragment))
    }

    /// The topics an entry names, as chips.
    func chips(_ entry: Entry, from route: Route) -> [Chip] {
        entry.topics.compactMap { reference in
            guard let info = reader.noteInfo(reference.id), info.kind == .topic else { return nil }
            return Chip(title: info.title, href: info.route.href(from: route))
        }
    }

    /// Entries grouped by year, each year with an anchor (qualified by the era when one is given, as an era's
    /// years may recur in the next era).
    func years(_ ids: [String], from route: Route, era: Era? = nil) -> [YearGroup] {
        var groups: [YearGroup] = []
        for card in ids.compactMap({ reader.card($0, from: route) }) {
            if groups.last?.year == card.year {
                groups[groups.count - 1].entries.append(card)
            } else {
                groups.append(YearGroup(year: card.year, anchor: (era.map { "\($0.id)-" } ?? "") + "year-\(card.year)", entries: [card]))
            }
        }
        return groups
    }

    /// A source's full reference.
    func reference(_ source: Source, from route: Route) -> SourceReference {
        let language = reader.settings().language
        return SourceReference(
            id: source.id, title: source.name, dateHTML: date(source.date), href: Route.source(source.id).href(from: route),
            publisher: source.publisherBesideName, author: source.author, url: source.url, archiveURL: source.archiveURL,
            accessedHTML: source.accessed.map(date), note: source.note, language: source.language == language ? nil : source.language)
    }

    /// A list page's description, from its interface key with the site's title in place of `{site}`.
    func describe(_ key: String) -> String { interface.word(key).replacingText("{site}", with: reader.settings().title) }

    /// The language to mark a quotation with: its own or its source's, when it differs from the site's.
    func quoteLanguage(_ quote: String?, _ language: String?, source: Source) -> String? {
        guard quote != nil, let language = language ?? source.language, language != reader.settings().language else { return nil }
        return language
    }

    /// The distinct locators and quotations of some citations, each with the numbers of the citations in place
    /// that give it (the `N` of their anchors `cite-SOURCE-N`) when `numbered`.
    func details(_ uses: [(anchor: String?, locator: String?, quote: String?, language: String?)], source: Source, numbered: Bool = false) -> [CitationDetail] {
        var order: [String] = []
        var found: [String: CitationDetail] = [:]
        var placed = 0
        for use in uses {
            if use.anchor != nil { placed += 1 }
            guard use.locator != nil || use.quote != nil else { continue }
            let key = (use.locator ?? "") + "\u{0}" + (use.quote ?? "")
            if found[key] == nil {
                order.append(key)
                found[key] = CitationDetail(locator: use.locator, quote: use.quote, quoteLanguage: quoteLanguage(use.quote, use.language, source: source))
            }
            if numbered, use.anchor != nil { found[key]?.citations.append(placed) }
        }
        return order.compactMap { found[$0] }
    }

    /// A page's numbered list of sources, each linking back to every place it is cited.
    func citationList(_ citations: CitationList, from route: Route) -> [CitedSource] {
        citations.sources.compactMap { cited in
            guard let source = reader.source(cited.sourceID) else { return nil }
            let placed = cited.uses.compactMap(\.anchor)
            let backrefs = placed.enumerated().map { number, anchor in
                let label = Self.backrefLabel(number, count: placed.count)
                return Backref(label: label, href: "#" + anchor, aria: placed.count == 1 ? interface.word("back_to_the_citation") : interface.word("back_to_citation").replacingText("{label}", with: label))
            }
            return CitedSource(
                reference: reference(source, from: route), anchor: Anchor.citedSource(cited.sourceID), backrefs: backrefs,
                details: details(cited.uses.map { ($0.anchor, $0.locator, $0.quote, $0.quoteLanguage) }, source: source, numbered: true))
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

    func factView(_ fact: Fact) -> FactView {
        FactView(
            id: fact.id, statement: fact.statement, dateHTML: date(fact.date), asOfHTML: interface.asOf(fact.date, shown: date(fact.date), html: true),
            value: fact.displayValue)
    }

    /// Charts of the metrics whose figures a note shows, with its own figures marked.
    func charts(_ note: LinkedNote, from route: Route) -> [ChartView] {
        let shown = note.facts.map(\.fact.id) + note.rendered.inlineFacts
        var metrics: [String] = []
        for id in shown {
            // A chart of many figures is shown on the facts page only; on a note's page it would outweigh the note.
            if let metric = reader.fact(id)?.metric, let chart = reader.chart(metric), chart.facts.count <= FigureChart.notePageLimit,
               !metrics.contains(metric) {
                metrics.append(metric)
            }
        }
        let highlight = Set(shown)
        return metrics.compactMap { reader.caches.chartView($0, root: route.root, highlight: highlight) }
    }
}
