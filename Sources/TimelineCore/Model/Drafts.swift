/// The notes a build leaves out because their front matter says `draft: true`, with the ids of the sources
/// and facts they name: a link to a draft is then a warning rather than an unknown id, and a source or fact
/// that only drafts use yet is not reported as unused.
public struct Drafts: Sendable {
    /// The drafts left out, by id.
    public var notes: [String: NoteInfo] = [:]
    /// Ids of sources that drafts cite, in their front matter or, as far as a plain scan of the text tells,
    /// in their bodies.
    public var sourceIDs: Set<String> = []
    /// Ids of facts that drafts show or place in their text.
    public var factIDs: Set<String> = []

    public init() {}

    mutating func add<Fields: NoteFields>(_ note: Note<Fields>) {
        notes[note.id] = note.info
        sourceIDs.formUnion(note.citations.map(\.sourceID))
        let text = note.body.text
        sourceIDs.formUnion(Self.ids(after: "@", in: text))
        factIDs.formUnion(Self.ids(after: "fact:", in: text))
    }

    /// Every id written right after `marker` in `text`: a superset of the ids its references name.
    static func ids(after marker: String, in text: String) -> Set<String> {
        var ids: Set<String> = []
        var rest = Substring(text)
        while let found = rest.range(of: marker) {
            let id = rest[found.upperBound...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
            if !id.isEmpty { ids.insert(String(id)) }
            rest = rest[found.upperBound...]
        }
        return ids
    }
}

extension Content {
    /// The content without its drafts, which `drafts` then lists.
    public func leavingOutDrafts() -> Content {
        var content = self
        var drafts = Drafts()
        for entry in entries where entry.draft { drafts.add(entry) }
        for topic in topics where topic.draft { drafts.add(topic) }
        for page in pages where page.draft { drafts.add(page) }
        guard !drafts.notes.isEmpty else { return self }
        content.entries.removeAll(where: \.draft)
        content.topics.removeAll(where: \.draft)
        content.pages.removeAll(where: \.draft)
        for entry in entries where entry.draft { drafts.factIDs.formUnion(entry.facts.map(\.id)) }
        content.drafts = drafts
        return content
    }
}

extension Diagnostic.Note {
    /// How to see a draft in a build, or publish it.
    public static func publishing(_ draft: NoteInfo) -> Self {
        .init("build with --drafts to include drafts, or remove 'draft: true' from \(draft.kind.folder)/\(draft.id).md to publish it")
    }
}
