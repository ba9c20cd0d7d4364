import TimelineCore

/// An entry as a card in a list: its date, title, summary, topics and how many sources it cites. A class,
/// as many pages list the same cards: a list holds it without copying it.
final class EntryCard: TemplateModel {
    let id: String
    let title: String
    let href: String
    let dateHTML: String
    let sourceLabel: String
    let topics: [Chip]
    let summary: String?
    /// The year the timeline files it under, for grouping cards by year.
    let year: Int

    /// The card of an entry, from what it is made of alone, with links for a page `root` away from the
    /// site's root; `dateHTML` is its date as HTML in `wording`, when it is already made.
    init(_ inputs: CardInputs, wording: DateWording, root: String, interface: InterfaceText, dateHTML: String? = nil) {
        id = inputs.id
        title = inputs.title
        href = root + Route.note(.entry, inputs.id).path
        self.dateHTML = dateHTML ?? inputs.date.html(wording)
        sourceLabel = interface.count("sources", inputs.sourceCount)
        topics = inputs.topics.map { Chip(title: $0.title, href: root + $0.route.path) }
        summary = inputs.summary
        year = inputs.date.year
    }

    static let summary = "An entry as a card in a list (`partials/entry-card.mustache`)."
    static let fields: TemplateFields<EntryCard> = [
        .text("id", "The entry's id, for an anchor") { $0.id },
        .text("title", "The entry's title") { $0.title },
        .text("href", "The entry's page, relative to this page") { $0.href },
        .html("date_html", "The entry's date in words, in a `<time>` element") { $0.dateHTML },
        .text("source_label", "How many sources it cites: \"1 source\", \"3 sources\"") { $0.sourceLabel },
        .list("topics", "Its topics") { $0.topics },
        .text("summary", "Its summary, when it has one") { $0.summary },
    ]
}

/// A link to a topic, shown as a chip.
struct Chip: TemplateModel, Encodable {
    var title: String
    var href: String

    static let summary = "A link to a topic."
    static let fields: TemplateFields<Self> = [
        .text("title", "The topic's title") { $0.title },
        .text("href", "The topic's page, relative to this page") { $0.href },
    ]
}

/// A link to a page of the site: a note, or a place in one.
struct Link: TemplateModel {
    var title: String
    var href: String

    static let summary = "A link to a note, or to a place in one."
    static let fields: TemplateFields<Self> = [
        .text("title", "The note's title") { $0.title },
        .text("href", "Its page, relative to this page, with the anchor of the place when there is one") { $0.href },
    ]
}

/// A year of a timeline, with its entries.
struct YearGroup: TemplateModel {
    var year: Int
    var anchor: String
    var entries: [EntryCard]

    static let summary = "A year of a timeline (`partials/years.mustache`)."
    static let fields: TemplateFields<Self> = [
        .number("year", "The year") { $0.year },
        .text("anchor", "The id of its heading, such as `year-2024`, or `ERA-year-2024` inside an era") { $0.anchor },
        .list("entries", "Its entries, in time order") { $0.entries },
    ]
}

/// A stretch of the timeline in one era, or in none.
struct TimelineSection: TemplateModel {
    var years: [YearGroup]
    var era: EraBand?

    static let summary = "A stretch of the home page's timeline that falls in one era, or in none."
    static let fields: TemplateFields<Self> = [
        .list("years", "Its years") { $0.years },
        .object("era", "Its era, when it has one") { $0.era },
    ]
}

/// An era as a band across the timeline.
struct EraBand: TemplateModel {
    var id: String
    var title: String
    var href: String
    var dateHTML: String
    var summary: String?

    static let summary = "An era as a band of the home page's timeline."
    static let fields: TemplateFields<Self> = [
        .text("id", "The era's id") { $0.id },
        .text("title", "Its title") { $0.title },
        .text("href", "Its page") { $0.href },
        .html("date_html", "Its dates in words") { $0.dateHTML },
        .text("summary", "Its summary, when it has one") { $0.summary },
    ]
}

/// A link to an era, with its dates.
struct EraLink: TemplateModel {
    var title: String
    var href: String

    static let summary = "A link to an era."
    static let fields: TemplateFields<Self> = [
        .text("title", "The era's title") { $0.title },
        .text("href", "Its page, relative to this page") { $0.href },
    ]
}

/// A correction made to an entry.
struct CorrectionItem: TemplateModel {
    var dateHTML: String
    var text: String

    static let summary = "A correction of an entry."
    static let fields: TemplateFields<Self> = [
        .html("date_html", "When it was made") { $0.dateHTML },
        .text("text", "What was corrected") { $0.text },
    ]
}
