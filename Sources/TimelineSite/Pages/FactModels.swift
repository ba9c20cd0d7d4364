import TimelineCore

/// A fact with its figure and date.
/// A class, as the rows that show a fact read its fields through it.
final class FactView: TemplateModel {
    let id: String
    let statement: String
    let dateHTML: String
    /// The date with the words "as of" takes before it in the page's language.
    let asOfHTML: String
    /// The figure as a reader sees it, for a fact that has one.
    let value: String?

    init(id: String, statement: String, dateHTML: String, asOfHTML: String, value: String?) {
        self.id = id
        self.statement = statement
        self.dateHTML = dateHTML
        self.asOfHTML = asOfHTML
        self.value = value
    }

    static let summary = "A fact."
    static let fields: TemplateFields<FactView> = [
        .text("id", "The fact's id") { $0.id },
        .text("anchor", "The id of its row on the facts page, such as `fact-ID`") { Anchor.fact($0.id) },
        .text("statement", "The claim in one sentence") { $0.statement },
        .html("date_html", "When it was true, in words") { $0.dateHTML },
        .html("as_of_html", "The date a figure was true as of, with the words its precision takes: \"as of 24 July 2025\", \"en 1995\"") { $0.asOfHTML },
        .html("as_of_html_start", "The same, to open a sentence: \"As of 1995\"") { InterfaceText.capitalizingStart($0.asOfHTML) },
        .text("value", "Its figure, such as \"nearly 1.3 million people\", when it has one") { $0.value },
    ]
}

/// A fact shown with an entry, with its citation marks.
struct EntryFact: TemplateModel {
    var fact: FactView
    var marks: String
    var href: String
    var later: LaterFigure?

    static let summary = "A fact shown with an entry; it has every field of a fact too."
    static let fields: TemplateFields<Self> = [
        .html("marks", "Its citation marks, numbered for the entry's page") { $0.marks },
        .text("href", "Its row on the facts page") { $0.href },
        .object("later", "The latest figure of the same metric, when it is later than this one (with archived texts)") { $0.later },
    ] + FactView.fields.map { $0.lifted(\.fact) }
}

/// A later figure of the same metric as one an entry shows.
struct LaterFigure: TemplateModel {
    var value: String
    var dateHTML: String
    var href: String

    static let summary = "A later figure of the same metric as a figure an entry shows."
    static let fields: TemplateFields<Self> = [
        .text("value", "The later figure") { $0.value },
        .html("date_html", "When it was true") { $0.dateHTML },
        .text("href", "Its row on the facts page") { $0.href },
    ]
}

/// A row of the facts page: a fact, its sources, and the notes that show it.
struct FactRow: TemplateModel {
    var fact: FactView
    var sources: [FactSource]
    var shownIn: [Link]
    var disagreesWith: [Link] = []

    static let summary = "A row of the facts page; it has every field of a fact too."
    static let fields: TemplateFields<Self> = [
        .list("sources", "Its sources") { $0.sources },
        .list("shown_in", "The notes that show it") { $0.shownIn },
        .list("disagrees_with", "Figures of the same metric and date, from other sources, that do not agree with it (with archived texts)") { $0.disagreesWith },
    ] + FactView.fields.map { $0.lifted(\.fact) }
}

/// A source of a fact on the facts page.
struct FactSource: TemplateModel {
    var title: String
    var href: String
    var dateHTML: String
    var publisher: String?
    var locator: String?
    var quote: String?
    var quoteLanguage: String?
    /// The source's language, when it differs from the page's.
    var language: String?

    static let summary = "A source of a fact, on the facts page."
    static let fields: TemplateFields<Self> = [
        .text("title", "The source's title") { $0.title },
        .text("href", "Its page") { $0.href },
        .html("date_html", "When it was published") { $0.dateHTML },
        .text("publisher", "Its publisher, when that is not already its title") { $0.publisher },
        .text("locator", "Where in it, when given") { $0.locator },
        .text("quote", "The passage quoted, when given") { $0.quote },
        .text("quote_lang", "The passage's language, when it differs from the site's") { $0.quoteLanguage },
        .text("lang", "The source's language, when it differs from the page's") { $0.language },
    ]
}

/// A metric's section of the facts page.
struct MetricSection: TemplateModel {
    var title: String
    var anchor: String
    var facts: [FactRow]
    var description: String?
    var chart: ChartView?

    static let summary = "A metric (a series of figures) on the facts page."
    static let fields: TemplateFields<Self> = [
        .text("title", "The metric's title") { $0.title },
        .text("anchor", "The id of its section, such as `metric-KEY`") { $0.anchor },
        .list("facts", "Its figures, in date order") { $0.facts },
        .text("description", "Its description, when `site.yaml` gives one") { $0.description },
        .object("chart", "Its chart, when it has two figures or more") { $0.chart },
        .flag("single", "Whether it has one figure only, shown in a line rather than a table") { $0.facts.count == 1 && $0.chart == nil },
    ]
}

/// A chart of a metric's figures (`partials/chart.mustache`).
struct ChartView: TemplateModel {
    var title: String
    var svg: String
    var anchor: String
    var href: String
    var legend: [LegendItem]
    var rows: [ChartRow]
    /// Whether the chart marks figures of the page it is on, which the legend then explains.
    var highlighted = false

    static let summary = "A chart of a metric's figures over time, with a table of them (`partials/chart.mustache`)."
    static let fields: TemplateFields<Self> = [
        .text("title", "The metric's title") { $0.title },
        .html("svg", "The chart as inline SVG; this page's own figures are marked") { $0.svg },
        .text("anchor", "The metric's anchor, such as `metric-KEY`") { $0.anchor },
        .text("href", "The metric's section on the facts page") { $0.href },
        .list("legend", "The sources of the figures, each with its mark") { $0.legend },
        .list("rows", "The figures, as a table") { $0.rows },
        .flag("highlighted", "Whether it marks this page's own figures, for the legend's key to that mark") { $0.highlighted },
        .html("highlight_mark", "The mark of this page's own figures, as a small SVG, for the legend") { _ in FigureChart.highlightMark },
    ]
}

/// A source in a chart's legend.
struct LegendItem: TemplateModel {
    var mark: String
    var title: String
    var publisher: String
    var href: String
    var language: String?

    static let summary = "A source in a chart's legend."
    static let fields: TemplateFields<Self> = [
        .html("mark", "The source's mark, as a small SVG") { $0.mark },
        .text("title", "The source's title") { $0.title },
        .text("publisher", "Its publisher, when that is not already its title; else empty") { $0.publisher },
        .text("href", "Its page") { $0.href },
        .text("lang", "The source's language, when it differs from the page's") { $0.language },
    ]
}

/// A figure in a chart's table.
struct ChartRow: TemplateModel {
    var fact: FactView
    var source: ChartSource?
    var highlight: Bool

    static let summary = "A figure in a chart's table; it has every field of a fact too."
    static let fields: TemplateFields<Self> = [
        .object("source", "The source of the figure") { $0.source },
        .flag("highlight", "Whether this page shows the figure") { $0.highlight },
    ] + FactView.fields.map { $0.lifted(\.fact) }
}

/// The source of a figure in a chart's table.
struct ChartSource: TemplateModel {
    var title: String
    var publisher: String
    var href: String
    var language: String?

    static let summary = "The source of a figure in a chart's table."
    static let fields: TemplateFields<Self> = [
        .text("title", "The source's title") { $0.title },
        .text("publisher", "Its publisher, when that is not already its title; else empty") { $0.publisher },
        .text("href", "Its page") { $0.href },
        .text("lang", "The source's language, when it differs from the page's") { $0.language },
    ]
}
