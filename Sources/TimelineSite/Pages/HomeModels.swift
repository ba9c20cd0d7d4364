import TimelineCore

/// One point of the home page's story so far, with links to the entries that bear it out.
struct KeyPointView: TemplateModel {
    var text: String
    var entries: [Link]

    static let summary = "A point of the story so far (`story` in `site.yaml`)."
    static let fields: TemplateFields<Self> = [
        .text("text", "The point, in the author's words") { $0.text },
        .list("entries", "The entries it rests on, as links") { $0.entries },
    ]
}

/// A year of the home page's year rail.
struct YearLink: TemplateModel {
    var year: Int
    var href: String

    static let summary = "A year in the home page's rail of years."
    static let fields: TemplateFields<Self> = [
        .number("year", "The year") { $0.year },
        .text("href", "Its place on the timeline, `#YEAR`") { $0.href },
    ]
}

/// An era in the home page's list of periods, drawn as a bar on one time scale so that overlaps show.
struct PeriodBar: TemplateModel {
    var title: String
    var href: String
    var dateHTML: String
    /// Where the bar starts and how wide it is, in percent of the span of every period.
    var start: Int
    var width: Int

    static let summary = "A period of the home page's list, with its place on a shared time scale."
    static let fields: TemplateFields<Self> = [
        .text("title", "The era's title") { $0.title },
        .text("href", "Its place on the timeline (`#era-ID`)") { $0.href },
        .html("date_html", "Its dates in words") { $0.dateHTML },
        .number("start", "Where its bar starts, in percent of the span of all periods") { $0.start },
        .number("width", "How wide its bar is, in percent (at least 2)") { $0.width },
    ]
}

extension PageBuilder {
    /// The eras as bars on one scale, from the first era's start to the last one's end (or the latest
    /// entry's year for an era still open).
    func periodBars(_ eras: [Era], from route: Route) -> [PeriodBar] {
        let lastYear = reader.timeline().last.flatMap { reader.card($0.id, from: route)?.year }
        let spans = eras.map { era -> (Int, Int) in
            let start = era.date.earliest.components.year
            let latest = era.date.latest
            let end = latest.value == Int.max ? max(lastYear ?? start, start) : latest.components.year
            return (start, end + 1)
        }
        guard let first = spans.map(\.0).min(), let last = spans.map(\.1).max(), last > first else { return [] }
        let total = Double(last - first)
        return zip(eras, spans).map { era, span in
            let start = Int((Double(span.0 - first) / total * 100).rounded())
            let width = max(2, min(100 - start, Int((Double(span.1 - span.0) / total * 100).rounded())))
            return PeriodBar(
                title: era.title, href: "#era-\(era.id)", dateHTML: date(era.date),
                start: start, width: width)
        }
    }

    /// The story so far, each point with links to its entries.
    func storyPoints(from route: Route) -> [KeyPointView] {
        reader.settings().story.map { point in
            KeyPointView(text: point.text, entries: point.entries.compactMap { reader.noteInfo($0.id) }.filter { $0.kind == .entry }.map { link($0, from: route) })
        }
    }
}
