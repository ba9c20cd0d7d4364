import Synchronization
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
    /// Each chart drawn for pages at the site's root and for pages one folder down, with its view for pages
    /// one folder down before a page marks its own figures: made when a page first shows the chart, so that
    /// a build that renders no page with a chart draws none.
    private let drawn = Mutex<[String: DrawnChart]>([:])
    /// The site's stylesheet, for the 404 page, which servers show at any address and so loads nothing.
    let stylesheet: String
    /// The interface's words in the site's language, for the cards' counts of sources.
    let interface: InterfaceText
    /// The site as a schema.org `WebSite`, written out, for every page's structured data.
    let website: JSON
    /// Each source as a schema.org `CreativeWork`, written out when a page first cites it.
    private let creativeWorks = Mutex<[String: JSON]>([:])

    /// - Parameter makingCards: whether to make every entry's card ahead, for a build that renders many of
    ///   the pages that list them.
    init(site: Site, stylesheet: String, makingCards: Bool, interface: InterfaceText = InterfaceText(chain: ["en"], files: [:])) {
        self.site = site
        self.interface = interface
        self.stylesheet = stylesheet
        website = StructuredData.written(StructuredData.website(site.content.settings))
        wording = site.index.wording
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
    }

    /// A chart drawn at both depths, with its view one folder down.
    private struct DrawnChart: Sendable {
        var top: FigureChart.Drawing
        var nested: FigureChart.Drawing
        var nestedView: ChartView
    }

    /// The chart of `metric` drawn, drawing it on first use. Two pages that ask at once may both draw it;
    /// the drawings are the same, and the first kept.
    private func drawnChart(_ chart: FigureChart) -> DrawnChart {
        if let made = drawn.withLock({ $0[chart.metric] }) { return made }
        let nested = chart.drawing(root: "../", text: interface)
        let made = DrawnChart(
            top: chart.drawing(root: "", text: interface), nested: nested,
            nestedView: Self.chartView(chart, in: site, root: "../", highlight: [], drawing: nested, interface: interface))
        return drawn.withLock { charts in
            if let first = charts[chart.metric] { return first }
            charts[chart.metric] = made
            return made
        }
    }

    /// A source as a schema.org `CreativeWork`, written out once.
    func creativeWork(_ source: Source) -> JSON {
        if let made = creativeWorks.withLock({ $0[source.id] }) { return made }
        let made = StructuredData.written(StructuredData.creativeWork(source))
        creativeWorks.withLock { $0[source.id] = made }
        return made
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
        guard root.isEmpty || root == "../" else {
            return Self.chartView(chart, in: site, root: root, highlight: highlight, drawing: nil, interface: interface)
        }
        let drawn = drawnChart(chart)
        guard root == "../" else {
            return Self.chartView(chart, in: site, root: root, highlight: highlight, drawing: drawn.top, interface: interface)
        }
        // The shared chart, with this page's figures marked.
        var view = drawn.nestedView
        view.svg = drawn.nested.svg(highlight: highlight)
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
