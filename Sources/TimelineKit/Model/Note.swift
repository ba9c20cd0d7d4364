/// The Markdown body of a note, kept with the file it came from.
public struct MarkdownBody: Sendable {
    /// The whole file.
    let file: SourceText
    /// Bytes of the body within the file.
    let range: Range<Int>
    /// The line of the file the body starts on (1-based).
    let firstLine: Int

    var path: String { file.path }
    var isBlank: Bool { file.bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
}

/// A correction made to an entry after it was published, shown on its page.
public struct Correction: Sendable {
    public var date: EDTFDate
    public var text: String
    public var location: SourceLocation
}

/// One event on the timeline, from `entries/ID.md`.
public struct Entry: Sendable, Identifiable {
    public var id: String
    public var title: String
    public var date: EDTFDate
    public var summary: String?
    public var topics: [Reference]
    /// Sources given in the front matter, cited by the entry as a whole.
    public var citations: [Citation]
    /// Facts shown with the entry.
    public var facts: [Reference]
    public var updated: EDTFDate?
    public var corrections: [Correction]
    public var body: MarkdownBody
    public var location: SourceLocation
}

/// What a topic is about.
public enum TopicKind: String, Sendable, CaseIterable {
    case person, organisation, place, theme

    /// The kind's heading in lists of topics.
    var plural: String {
        switch self {
        case .person: return "People"
        case .organisation: return "Organisations"
        case .place: return "Places"
        case .theme: return "Themes"
        }
    }
}

/// A person, organisation, place or theme, from `topics/ID.md`.
public struct Topic: Sendable, Identifiable {
    public var id: String
    public var title: String
    public var kind: TopicKind
    public var summary: String?
    public var citations: [Citation]
    public var body: MarkdownBody
    public var location: SourceLocation
}

/// A free page, such as "About" or "Method", from `pages/ID.md`.
public struct Page: Sendable, Identifiable {
    public var id: String
    public var title: String
    public var summary: String?
    /// Position in the site's navigation; pages without one are not listed there.
    public var menuOrder: Int?
    public var citations: [Citation]
    public var body: MarkdownBody
    public var location: SourceLocation
}
