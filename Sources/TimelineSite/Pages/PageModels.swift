import TimelineCore

/// The model of one kind of page: the one value its template renders, and the template's name.
protocol PageModel: TemplateModel {
    /// The template that renders pages of this kind, without `.mustache`.
    static var template: String { get }
    var frame: PageFrame { get }
}

/// `index.mustache`: the home page, with the whole timeline.
struct IndexPage: PageModel {
    static let template = "index"
    var frame: PageFrame
    var timeline: [TimelineSection]
    var updatedHTML: String?
    var periods: [PeriodBar]
    var years: [YearLink]
    var latest: [EntryCard]
    var story: [KeyPointView]

    static let summary = "The home page: the story so far, the latest developments and the whole timeline."
    static let fields: TemplateFields<Self> = [
        .list("timeline", "The timeline, in stretches that each fall in one era or in none") { $0.timeline },
        .html("updated_html", "When the site was last brought up to date, in words: `updated` in `site.yaml`, or else its latest entry date or update") { $0.updatedHTML },
        .list("periods", "Every era as a bar on one time scale, linking to its place on the timeline") { $0.periods },
        .list("years", "Every year of the timeline, linking to its first heading (`#YEAR`)") { $0.years },
        .list("latest", "The three latest entries, the newest first") { $0.latest },
        .list("story", "The story so far: the points of `story` in `site.yaml`") { $0.story },
    ] + PageFrame.fields { $0.frame }
}

/// `entry.mustache`: one entry.
struct EntryPage: PageModel {
    static let template = "entry"
    let frame: PageFrame
    let entry: EntryView
    let sources: [CitedSource]
    /// The entry as templates read it, boxed once for the many times its page reads it.
    private let entryValue: TemplateValue

    init(frame: PageFrame, entry: EntryView, sources: [CitedSource]) {
        self.frame = frame
        self.entry = entry
        self.sources = sources
        entryValue = .object(entry)
    }

    static let summary = "An entry's page."
    static let fields: TemplateFields<Self> = [
        .object("entry", "The entry", held: EntryView.self) { $0.entryValue },
        .list("sources", "The page's numbered list of sources") { $0.sources },
    ] + PageFrame.fields { $0.frame }
}

/// The entry of an entry's page.
struct EntryView: TemplateModel {
    var title: String
    var dateHTML: String
    var body: String
    var topics: [Chip]
    var facts: [EntryFact]
    var corrections: [CorrectionItem]
    var mentionedIn: [Link]
    var summary: String?
    var updatedHTML: String?
    var previous: EntryCard?
    var next: EntryCard?
    var era: EraLink?
    var charts: [ChartView]
    var image: ImageView?

    static let summary = "The entry of an entry's page."
    static let fields: TemplateFields<Self> = [
        .text("title", "The entry's title") { $0.title },
        .html("date_html", "Its date in words") { $0.dateHTML },
        .html("body", "Its text as HTML, with citations and links resolved") { $0.body },
        .list("topics", "Its topics") { $0.topics },
        .list("facts", "The facts it shows") { $0.facts },
        .list("corrections", "Its corrections") { $0.corrections },
        .list("mentioned_in", "The notes that mention it, each linking to the mention") { $0.mentionedIn },
        .text("summary", "Its summary, when it has one") { $0.summary },
        .html("updated_html", "When it was last updated, when it says") { $0.updatedHTML },
        .object("previous", "The entry before it in time") { $0.previous },
        .object("next", "The entry after it in time") { $0.next },
        .object("era", "The era it falls in") { $0.era },
        .list("charts", "Charts of the figures it shows") { $0.charts },
        .object("image", "Its lead image (`image:`), when it has one") { $0.image },
    ]
}

/// `topic.mustache`: one topic.
struct TopicPage: PageModel {
    static let template = "topic"
    var frame: PageFrame
    var topic: TopicView
    var sources: [CitedSource]

    static let summary = "A topic's page."
    static let fields: TemplateFields<Self> = [
        .object("topic", "The topic") { $0.topic },
        .list("sources", "The page's numbered list of sources") { $0.sources },
    ] + PageFrame.fields { $0.frame }
}

/// The topic of a topic's page.
struct TopicView: TemplateModel {
    var title: String
    var kind: String
    /// The kind in the page's language: "Place", "Lieu".
    var kindName: String
    var body: String
    var entries: [EntryCard]
    var mentionedIn: [Link]
    var summary: String?
    var charts: [ChartView]
    var image: ImageView?
    var map: MapView?

    static let summary = "The topic of a topic's page."
    static let fields: TemplateFields<Self> = [
        .text("title", "The topic's title") { $0.title },
        .text("kind", "`person`, `organisation`, `place` or `theme`") { $0.kind },
        .text("kind_name", "The kind in the page's language, from `i18n/LANG.yaml`: \"Place\", \"Lieu\"") { $0.kindName },
        .html("body", "Its text as HTML") { $0.body },
        .list("entries", "The entries that name it or link to it, in time order") { $0.entries },
        .list("mentioned_in", "The topics and pages that mention it") { $0.mentionedIn },
        .text("summary", "Its summary, when it has one") { $0.summary },
        .list("charts", "Charts of the figures it shows") { $0.charts },
        .object("image", "Its lead image (`image:`), when it has one") { $0.image },
        .object("map", "For a place with `coordinates`, a map of the base map that holds it, with its marker") { $0.map },
    ]
}

/// `topics.mustache`: every topic, by kind.
struct TopicsPage: PageModel {
    static let template = "topics"
    var frame: PageFrame
    var kinds: [TopicKindGroup]

    static let summary = "The list of topics."
    static let fields: TemplateFields<Self> = [
        .list("kinds", "The kinds of topic that have topics") { $0.kinds },
    ] + PageFrame.fields { $0.frame }
}

/// The topics of one kind.
struct TopicKindGroup: TemplateModel {
    var title: String
    var kind: String
    var topics: [TopicListItem]

    static let summary = "The topics of one kind."
    static let fields: TemplateFields<Self> = [
        .text("title", "The kind's heading: People, Organisations, Places, Themes") { $0.title },
        .text("kind", "The kind: `person`, `organisation`, `place` or `theme`") { $0.kind },
        .list("topics", "Its topics, by title") { $0.topics },
    ]
}

/// A topic in the list of topics.
struct TopicListItem: TemplateModel {
    var title: String
    var href: String
    var countLabel: String
    var summary: String?

    static let summary = "A topic in the list of topics."
    static let fields: TemplateFields<Self> = [
        .text("title", "The topic's title") { $0.title },
        .text("href", "Its page") { $0.href },
        .text("count_label", "How many entries it has: \"1 entry\", \"4 entries\"") { $0.countLabel },
        .text("summary", "Its summary, when it has one") { $0.summary },
    ]
}

/// `source.mustache`: one source.
struct SourcePage: PageModel {
    static let template = "source"
    var frame: PageFrame
    var source: SourceView

    static let summary = "A source's page."
    static let fields: TemplateFields<Self> = [
        .object("source", "The source") { $0.source },
    ] + PageFrame.fields { $0.frame }
}

/// `sources.mustache`: every source.
struct SourcesPage: PageModel {
    static let template = "sources"
    var frame: PageFrame
    var sources: [SourceReference]

    static let summary = "The list of sources."
    static let fields: TemplateFields<Self> = [
        .list("sources", "Every source, oldest first") { $0.sources },
    ] + PageFrame.fields { $0.frame }
}

/// `facts.mustache`: every fact and figure.
struct FactsPage: PageModel {
    static let template = "facts"
    var frame: PageFrame
    var metrics: [MetricSection]
    var claims: [FactRow]
    var charts: [ChartView]

    static let summary = "The facts and figures."
    static let fields: TemplateFields<Self> = [
        .list("metrics", "The series of figures, in the order of `site.yaml`, then the others by key") { $0.metrics },
        .list("charts", "The charts of several metrics side by side (`charts` in `site.yaml`)") { $0.charts },
        .list("claims", "The facts without a figure, by date") { $0.claims },
    ] + PageFrame.fields { $0.frame }
}

/// `page.mustache`: a free page, such as "About".
struct NotePage: PageModel {
    static let template = "page"
    var frame: PageFrame
    var content: PageView
    var sources: [CitedSource]

    static let summary = "A free page's page."
    static let fields: TemplateFields<Self> = [
        .object("content", "The page") { $0.content },
        .list("sources", "The page's numbered list of sources") { $0.sources },
    ] + PageFrame.fields { $0.frame }
}

/// The page of a free page's page.
struct PageView: TemplateModel {
    var title: String
    var body: String
    var charts: [ChartView]

    static let summary = "The content of a free page."
    static let fields: TemplateFields<Self> = [
        .text("title", "The page's title") { $0.title },
        .html("body", "Its text as HTML") { $0.body },
        .list("charts", "Charts of the figures it shows") { $0.charts },
    ]
}

/// `era.mustache`: one era.
struct EraPage: PageModel {
    static let template = "era"
    var frame: PageFrame
    var era: EraView

    static let summary = "An era's page."
    static let fields: TemplateFields<Self> = [
        .object("era", "The era") { $0.era },
    ] + PageFrame.fields { $0.frame }
}

/// The era of an era's page.
struct EraView: TemplateModel {
    var title: String
    var dateHTML: String
    var years: [YearGroup]
    var summary: String?

    static let summary = "The era of an era's page."
    static let fields: TemplateFields<Self> = [
        .text("title", "The era's title") { $0.title },
        .html("date_html", "Its dates in words") { $0.dateHTML },
        .list("years", "Its entries, by year") { $0.years },
        .text("summary", "Its summary, when it has one") { $0.summary },
    ]
}

/// `404.mustache`: the page servers send for a missing address.
struct NotFoundPage: PageModel {
    static let template = "404"
    var frame: PageFrame
    var stylesheet: String

    static let summary = "The page servers send for a missing address, at any depth: it loads no file."
    static let fields: TemplateFields<Self> = [
        .html("stylesheet", "The site's stylesheet, `assets/style.css`, to inline") { $0.stylesheet },
        .text("folders", "The site's folders of pages, as `entries|topics|…`, for the script that finds the site's root") { _ in
            Route.itemFolders.joined(separator: "|")
        },
    ] + PageFrame.fields { $0.frame }
}
