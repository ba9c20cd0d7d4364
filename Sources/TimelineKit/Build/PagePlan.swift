/// One file of the built site that a template renders.
enum PlannedPage: Sendable, Hashable {
    case index, topics, sources, facts, notFound
    case entry(Int), topic(Int), source(Int), page(Int), era(Int)

    /// Every page of a site, in a stable order.
    static func all(for site: Site) -> [PlannedPage] {
        var plan: [PlannedPage] = [.index, .topics, .sources, .facts, .notFound]
        plan += site.entries.indices.map(PlannedPage.entry)
        plan += site.topics.indices.map(PlannedPage.topic)
        plan += site.content.sources.indices.map(PlannedPage.source)
        plan += site.pages.indices.map(PlannedPage.page)
        plan += site.index.settings.eras.indices.map(PlannedPage.era)
        return plan
    }

    func path(in site: Site) -> String {
        switch self {
        case .index: return "index.html"
        case .topics: return "topics.html"
        case .sources: return "sources.html"
        case .facts: return "facts.html"
        case .notFound: return "404.html"
        case .entry(let i): return "entries/\(site.entries[i].id).html"
        case .topic(let i): return "topics/\(site.topics[i].id).html"
        case .source(let i): return "sources/\(site.content.sources[i].id).html"
        case .page(let i): return "pages/\(site.pages[i].id).html"
        case .era(let i): return "eras/\(site.index.settings.eras[i].id).html"
        }
    }

    var template: String {
        switch self {
        case .index: return "index"
        case .topics: return "topics"
        case .sources: return "sources"
        case .facts: return "facts"
        case .notFound: return "404"
        case .entry: return "entry"
        case .topic: return "topic"
        case .source: return "source"
        case .page: return "page"
        case .era: return "era"
        }
    }

    func values(_ context: PageContext) -> [String: Any] {
        switch self {
        case .index: return context.indexPage()
        case .topics: return context.topicsPage()
        case .sources: return context.sourcesPage()
        case .facts: return context.factsPage()
        case .notFound: return context.notFoundPage()
        case .entry(let i): return context.entryPage(i)
        case .topic(let i): return context.topicPage(i)
        case .source(let i): return context.sourcePage(i)
        case .page(let i): return context.notePage(i)
        case .era(let i): return context.eraPage(i)
        }
    }
}
