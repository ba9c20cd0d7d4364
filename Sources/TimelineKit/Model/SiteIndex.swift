/// The kind of a Markdown note, which decides the folder its page is written to.
public enum NoteKind: String, Sendable, Hashable {
    case entry, topic, page

    /// The folder of the note in `Content/` and of its page in the built site.
    var folder: String {
        switch self {
        case .entry: return "entries"
        case .topic: return "topics"
        case .page: return "pages"
        }
    }
}

/// What the rest of the site needs to know about a note to link to it.
struct NoteInfo: Sendable, Hashable {
    var kind: NoteKind
    var id: String
    var title: String

    /// The note's page, relative to the site's root.
    var path: String { "\(kind.folder)/\(id).html" }
}

/// Every item of a site by id, with the site's paths: what links and citations are resolved against.
struct SiteIndex: Sendable {
    let settings: SiteSettings
    let notes: [String: NoteInfo]
    let sources: [String: Source]
    let facts: [String: Fact]
    /// Every file the build writes, relative to the site's root, for checking relative links.
    let paths: Set<String>
    let wording: DateWording
    /// Items that exist in the content but could not be read; references to them are not errors of their own.
    let brokenIDs: BrokenIDs

    /// Fixed pages every site has.
    static let fixedPages = ["index.html", "topics.html", "sources.html", "facts.html", "404.html"]

    init(content: Content, assets: [String]) {
        settings = content.settings
        var notes: [String: NoteInfo] = [:]
        for page in content.pages { notes[page.id] = NoteInfo(kind: .page, id: page.id, title: page.title) }
        for topic in content.topics { notes[topic.id] = NoteInfo(kind: .topic, id: topic.id, title: topic.title) }
        for entry in content.entries { notes[entry.id] = NoteInfo(kind: .entry, id: entry.id, title: entry.title) }
        self.notes = notes
        sources = Dictionary(content.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        facts = Dictionary(content.facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var paths = Set(Self.fixedPages)
        paths.formUnion(notes.values.map(\.path))
        paths.formUnion(content.sources.map { "sources/\($0.id).html" })
        paths.formUnion(content.settings.eras.map { "eras/\($0.id).html" })
        paths.formUnion(assets)
        paths.formUnion(GeneratedFile.all(baseURL: content.settings.baseURL).map(\.path))
        self.paths = paths
        wording = DateWording.forLanguage(content.settings.language)
        brokenIDs = content.brokenIDs
    }
}
