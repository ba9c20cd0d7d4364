import TimelineCore

/// `data.html`: the site's data files, what each holds, and how to embed the timeline in another page.
struct DataFilesPage: PageModel {
    static let template = "data"
    var frame: PageFrame
    var files: [DataFile]
    var embedHref: String
    var embedSnippet: String

    static let summary = "The page about the site's feed and data files and how to embed the timeline."
    static let fields: TemplateFields<Self> = [
        .list("files", "The feed and the data files, each with what it holds") { $0.files },
        .text("embed_href", "The embeddable timeline, relative to this page") { $0.embedHref },
        .text("embed_snippet", "The HTML to paste into another page to embed the timeline, with its absolute address when the site has a `base_url`") { $0.embedSnippet },
    ] + PageFrame.fields { $0.frame }
}

/// One of the site's files for other programs, with what it holds.
struct DataFile: TemplateModel {
    var title: String
    var href: String
    var type: String
    var description: String

    static let summary = "A feed or data file of the site."
    static let fields: TemplateFields<Self> = [
        .text("title", "What it is") { $0.title },
        .text("href", "The file, relative to this page") { $0.href },
        .text("type", "Its media type") { $0.type },
        .text("description", "What it holds and what reads it") { $0.description },
    ]
}

/// `embed.html`: the timeline one entry at a time, for an `<iframe>` in another page.
struct EmbedPage: PageModel {
    static let template = "embed"
    var frame: PageFrame
    var entries: [EmbedEntry]
    var siteHref: String

    static let summary = "The timeline to embed in another page: one entry at a time, the latest unless the address names one (`embed.html#entry-ID`)."
    static let fields: TemplateFields<Self> = [
        .list("entries", "Every entry, in time order") { $0.entries },
        .text("site_href", "The site's home page, relative to this page") { $0.siteHref },
    ] + PageFrame.fields { $0.frame }
}

/// An entry of the embeddable timeline, with the anchors of the entries before and after it.
struct EmbedEntry: TemplateModel {
    var card: EntryCard
    var previous: String?
    var next: String?
    var position: Int
    var count: Int

    static let summary = "An entry of the embeddable timeline."
    static let fields: TemplateFields<Self> = [
        .object("card", "The entry as a card") { $0.card },
        .text("previous", "The anchor of the entry before it (`entry-ID`), when there is one") { $0.previous },
        .text("next", "The anchor of the entry after it, when there is one") { $0.next },
        .number("position", "Its place in the timeline, from 1") { $0.position },
        .number("count", "How many entries the timeline has") { $0.count },
    ]
}

extension PageBuilder {
    func dataFilesPage() -> DataFilesPage {
        let route = Route.dataFiles
        let settings = reader.settings()
        let files = [
            DataFile(
                title: interface.word("footer_feed"), href: Route.feed.href(from: route), type: "application/atom+xml",
                description: interface.word("file_feed_description")),
            DataFile(
                title: "TimelineJS", href: Route.timelineJS.href(from: route), type: "application/json",
                description: interface.word("file_timelinejs_description_" + settings.timelineJSGroup.rawValue)),
            DataFile(
                title: interface.word("file_data"), href: Route.data.href(from: route), type: "application/json",
                description: interface.word("file_data_description")),
            DataFile(
                title: interface.word("footer_facts_csv"), href: Route.factsCSV.href(from: route), type: "text/csv",
                description: interface.word("file_facts_description")),
        ]
        let address = settings.baseURL.map { $0 + Route.embed.path } ?? Route.embed.path
        let snippet = """
            <iframe src="\(address)" title="\(settings.title)" width="100%" height="420" style="border: 0" loading="lazy"></iframe>
            <script>
            addEventListener("message", function (event) {
              if (!event.data || event.data.type !== "timeline-embed-height") return;
              document.querySelectorAll("iframe").forEach(function (frame) {
                if (frame.contentWindow === event.source) frame.height = event.data.height;
              });
            });
            </script>
            """
        return DataFilesPage(
            frame: frame(route, title: interface.word("footer_data_page"), description: describe("description_data"), kind: "data"),
            files: files, embedHref: Route.embed.href(from: route), embedSnippet: snippet)
    }

    func embedPage() -> EmbedPage {
        let route = Route.embed
        let ids = reader.timeline().map(\.id)
        let cards = ids.compactMap { reader.card($0, from: route) }
        let entries = cards.indices.map { index in
            EmbedEntry(
                card: cards[index], previous: index > 0 ? "entry-\(cards[index - 1].id)" : nil,
                next: index + 1 < cards.count ? "entry-\(cards[index + 1].id)" : nil, position: index + 1, count: cards.count)
        }
        return EmbedPage(
            frame: frame(route, title: reader.settings().title, description: nil, kind: "embed"), entries: entries,
            siteHref: Route.index.href(from: route))
    }
}
