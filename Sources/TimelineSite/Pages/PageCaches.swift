import TimelineCore

/// What many pages show alike, made once per build: entry cards and charts, each for pages at the site's
/// root and one folder down.
final class PageCaches: Sendable {
    private let site: Site
    private let cards: [String: (top: EntryCard, nested: EntryCard)]
    /// The wording of dates, for cards.
    private let wording: DateWording
    /// The HTML of the dates many pages show, those of entries, sources and facts, by their EDTF text: made
    /// ahead with the cards, for a build that renders many pages.
    private let dates: [String: String]
    /// Each chart drawn once for pages at the site's root and once for pages one folder down.
    private let drawings: [String: (top: FigureChart.Drawing, nested: FigureChart.Drawing)]
    /// Each chart for pages one folder down, before a page marks its own figures.
    private let nestedCharts: [String: ChartView]
    /// The site's stylesheet, for the 404 page, which servers show at any address and so loads nothing.
    let stylesheet: String
    /// The interface's words in the site's language, for the cards' counts of sources.
    let interface: InterfaceText

    /// - Parameter makingCards: whether to make every entry's card ahead, for a build that renders many of
    ///   the pages that list them.
    init(site: Site, stylesheet: String, makingCards: Bool, interface: InterfaceText = InterfaceText(chain: ["en"], files: [:])) {
        self.site = site
        self.interface = interface
        self.stylesheet = stylesheet
        wording = site.index.wording
        let drawings = site.charts.mapValues { (top: $0.drawing(root: "", text: interface), nested: $0.drawing(root: "../", text: interface)) }
        self.drawings = drawings
        var cards: [String: (top: EntryCard, nested: EntryCard)] = [:]
        var dates: [String: String] = [:]
        if makingCards {
            let wording = site.index.wording
            let interface = interface
            var shown: [String: EDTFDate] = [:]
            for entry in site.entries { shown[entry.date.text] = entry.date }
            for source in site.content.sources { shown[source.date.text] = source.date }
            for fact in site.content.facts { shown[fact.date.text] = fact.date }
            let all = Array(shown.values)
            dates = Dictionary(zip(all.map(\.text), parallelMap(all) { $0.html(wording) }), uniquingKeysWith: { first, _ in first })
            let made = parallelMap(site.entries) { [dates] entry in
                site.cardInputs(entry.id).map { inputs in
                    let date = dates[inputs.date.text]
                    return (EntryCard(inputs, wording: wording, root: "", interface: interface, dateHTML: date),
                            EntryCard(inputs, wording: wording, root: "../", interface: interface, dateHTML: date))
                }
            }
            for (entry, pair) in zip(site.entries, made) { cards[entry.id] = pair }
        }
        self.cards = cards
        self.dates = dates
        nestedCharts = site.charts.mapValues {
            Self.chartView($0, in: site, root: "../", highlight: [], drawing: drawings[$0.metric]?.nested, interface: interface)
        }
    }

    /// An entry's card for pages `root` away from the site's root.
    func card(_ id: String, root: String) -> EntryCard? {
        if let cached = cards[id] { return root.isEmpty ? cached.top : cached.nested }
        return site.cardInputs(id).map { EntryCard($0, wording: wording, root: root, interface: interface) }
    }

    /// A date as HTML in the site's wording: made ahead for the dates many pages show, else made now.
    func dateHTML(_ date: EDTFDate) -> String {
        dates[date.text] ?? date.html(wording)
    }

    /// A chart for pages `root` away from the site's root, with the page's own figures marked.
    func chartView(_ metric: String, root: String, highlight: Set<String>) -> ChartView? {
        guard let chart = site.charts[metric] else { return nil }
        let drawing = root.isEmpty ? drawings[metric]?.top : drawings[metric]?.nested
        guard root == "../", var view = nestedCharts[metric] else {
            return Self.chartView(chart, in: site, root: root, highlight: highlight, drawing: drawing, interface: interface)
        }
        // The shared chart, with this page's figures marked.
        view.svg = drawing?.svg(highlight: highlight) ?? chart.svg(root: root, text: interface, highlight: highlight)
        for (index, fact) in chart.facts.enumerated() where highlight.contains(fact.id) {
            view.rows[index].highlight = true
            view.highlighted = true
        }
        return view
    }

    static func chartView(
        _ chart: FigureChart, in site: Site, root: String, highlight: Set<String>, drawing: FigureChart.Drawing?, interface: InterfaceText
    ) -> ChartView {
        let wording = site.index.wording
        return ChartView(
            title: chart.title, svg: drawing?.svg(highlight: highlight) ?? chart.svg(root: root, text: interface, highlight: highlight),
            // A chart of several metrics has no section of its own on the facts page: its link leads to the chart.
            anchor: Anchor.metric(chart.metric),
            href: root + Route.facts.path + "#" + Anchor.metric(chart.metric) + (chart.series.isEmpty ? "" : "-chart"),
            legend: chart.legend.map { item in
                LegendItem(
                    mark: FigureChart.legendMark(item.shape, series: item.series), title: item.title,
                    publisher: item.publisher ?? "", href: root + item.path, language: item.language)
            },
            rows: chart.facts.map { fact in
                let source = fact.citations.first.flatMap { site.index.sources[$0.sourceID] }
                return ChartRow(
                    fact: FactView(
                        id: fact.id, statement: fact.statement, dateHTML: fact.date.html(wording),
                        asOfHTML: interface.asOf(fact.date, shown: fact.date.html(wording), html: true), value: fact.displayValue),
                    source: source.map { ChartSource(title: $0.name, publisher: $0.publisherBesideName ?? "", href: root + Route.source($0.id).path, language: $0.language) },
                    highlight: highlight.contains(fact.id))
            },
            highlighted: chart.facts.contains { highlight.contains($0.id) })
    }
}
