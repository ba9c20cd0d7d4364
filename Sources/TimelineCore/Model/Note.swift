/// One note of the content, read from `FOLDER/ID.md`: an entry, a topic or a page. What every note has is
/// here; what only its kind has is in `fields`, read as if it were the note's own (`entry.date`), in the way
/// of Saga's `Item<Metadata>`. A new front-matter field is a property of its kind's fields and a line of
/// their reader; the build cache and the page versions follow without being told.
@dynamicMemberLookup
public struct Note<Fields: NoteFields>: Sendable, Codable, Identifiable {
    /// The note's values, shared by every copy of the note until one of them is changed: notes are copied
    /// wherever lists of them are walked, and a copy is then one reference rather than one per field.
    @usableFromInline var storage: Storage

    public var id: String { get { storage.values.id } set { change { $0.id = newValue } } }
    public var title: String { get { storage.values.title } set { change { $0.title = newValue } } }
    public var summary: String? { get { storage.values.summary } set { change { $0.summary = newValue } } }
    /// Sources given in the front matter, cited by the note as a whole.
    public var citations: [Citation] { get { storage.values.citations } set { change { $0.citations = newValue } } }
    public var fields: Fields { get { storage.values.fields } set { change { $0.fields = newValue } } }
    public var body: MarkdownBody { get { storage.values.body } set { change { $0.body = newValue } } }
    /// The note's file, as a location for diagnostics.
    public var location: SourceLocation { get { storage.values.location } set { change { $0.location = newValue } } }
    /// Whether the note is a draft (`draft: true`), which only builds with drafts include.
    public var draft: Bool { get { storage.values.draft } set { change { $0.draft = newValue } } }

    public init(
        id: String, title: String, summary: String?, citations: [Citation], fields: Fields, body: MarkdownBody, location: SourceLocation,
        draft: Bool = false
    ) {
        storage = Storage(
            Values(id: id, title: title, summary: summary, citations: citations, fields: fields, body: body, location: location, draft: draft))
    }

    /// A note is stored as its values, field by field.
    public init(from decoder: any Decoder) throws {
        storage = Storage(try Values(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try storage.values.encode(to: encoder)
    }

    /// Every value of a note.
    @usableFromInline
    struct Values: Sendable, Codable {
        var id: String
        var title: String
        var summary: String?
        var citations: [Citation]
        @usableFromInline var fields: Fields
        var body: MarkdownBody
        var location: SourceLocation
        var draft: Bool
    }

    /// The values of one note, shared by its copies and never changed: a note that changes gets new storage.
    @usableFromInline
    final class Storage: Sendable {
        @usableFromInline let values: Values

        init(_ values: Values) { self.values = values }
    }

    /// Changes the note's values, in storage of its own.
    private mutating func change(_ body: (inout Values) -> Void) {
        var values = storage.values
        body(&values)
        storage = Storage(values)
    }

    /// What kind of note this is.
    public var noteKind: NoteKind { Fields.kind }

    /// What the rest of the site needs to know about the note to link to it.
    public var info: NoteInfo { NoteInfo(kind: Fields.kind, id: id, title: title) }

    /// A field of the note's kind, read in place.
    @inlinable
    public subscript<Value>(dynamicMember keyPath: KeyPath<Fields, Value>) -> Value { storage.values.fields[keyPath: keyPath] }

    @inlinable
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Fields, Value>) -> Value {
        get { storage.values.fields[keyPath: keyPath] }
        set { fields[keyPath: keyPath] = newValue }
    }
}

/// What only one kind of note has, and which front-matter fields it reads beside the common ones.
public protocol NoteFields: Sendable, Codable {
    static var kind: NoteKind { get }
    /// Where the content holds the notes of this kind.
    static var notes: WritableKeyPath<Content, [Note<Self>]> { get }
    /// Where a build's readings hold the notes of this kind.
    static var readings: WritableKeyPath<NoteReadings, [String: NoteReading<Self>]> { get }
}

/// One event on the timeline, from `entries/ID.md`.
public typealias Entry = Note<EntryFields>
/// A person, organisation, place or theme, from `topics/ID.md`.
public typealias Topic = Note<TopicFields>
/// A free page, such as "About" or "Method", from `pages/ID.md`.
public typealias Page = Note<PageFields>

/// What an entry has beside the common fields.
public struct EntryFields: NoteFields {
    public static let kind = NoteKind.entry
    public static var notes: WritableKeyPath<Content, [Entry]> { \.entries }
    public static var readings: WritableKeyPath<NoteReadings, [String: NoteReading<EntryFields>]> { \.entries }
    public var date: EDTFDate
    public var topics: [Reference]
    /// Facts shown with the entry.
    public var facts: [Reference]
    public var updated: EDTFDate?
    public var corrections: [Correction]
    /// The lead image, by its file name in `Content/media/`.
    public var image: Reference?

    public init(
        date: EDTFDate, topics: [Reference] = [], facts: [Reference] = [], updated: EDTFDate? = nil, corrections: [Correction] = [],
        image: Reference? = nil
    ) {
        self.date = date
        self.topics = topics
        self.facts = facts
        self.updated = updated
        self.corrections = corrections
        self.image = image
    }
}

/// What a topic has beside the common fields.
public struct TopicFields: NoteFields {
    public static let kind = NoteKind.topic
    public static var notes: WritableKeyPath<Content, [Topic]> { \.topics }
    public static var readings: WritableKeyPath<NoteReadings, [String: NoteReading<TopicFields>]> { \.topics }
    public var kind: TopicKind
    /// The lead image, by its file name in `Content/media/`.
    public var image: Reference?
    /// Where a place is, for its marker on a map.
    public var coordinates: Coordinates?

    public init(kind: TopicKind, image: Reference? = nil, coordinates: Coordinates? = nil) {
        self.kind = kind
        self.image = image
        self.coordinates = coordinates
    }
}

/// What a page has beside the common fields.
public struct PageFields: NoteFields {
    public static let kind = NoteKind.page
    public static var notes: WritableKeyPath<Content, [Page]> { \.pages }
    public static var readings: WritableKeyPath<NoteReadings, [String: NoteReading<PageFields>]> { \.pages }
    /// Position in the site's navigation; pages without one are not listed there.
    public var menuOrder: Int?

    public init(menuOrder: Int? = nil) { self.menuOrder = menuOrder }
}

/// The kind of a Markdown note, which decides its folder in the content and in the built site.
public enum NoteKind: String, Sendable, Hashable, Codable, CaseIterable {
    case entry, topic, page

    /// The folder of the note in `Content/` and of its page in the built site.
    public var folder: String {
        switch self {
        case .entry: return "entries"
        case .topic: return "topics"
        case .page: return "pages"
        }
    }

    /// The kind with an article, for messages: "an entry".
    public var withArticle: String { self == .entry ? "an entry" : "a \(rawValue)" }
}

/// What a topic is about.
public enum TopicKind: String, Sendable, Codable, CaseIterable {
    case person, organisation, place, theme

    /// The kind's heading in lists of topics.
    public var plural: String {
        switch self {
        case .person: return "People"
        case .organisation: return "Organisations"
        case .place: return "Places"
        case .theme: return "Themes"
        }
    }
}

/// What the rest of the site needs to know about a note to link to it.
public struct NoteInfo: Sendable, Hashable {
    public var kind: NoteKind
    public var id: String
    public var title: String

    public init(kind: NoteKind, id: String, title: String) {
        self.kind = kind
        self.id = id
        self.title = title
    }

    /// The note's page.
    public var route: Route { .note(kind, id) }
}

extension NoteInfo: DirectFingerprint {
    /// A note's kind, id and title; a test checks that these are all its stored properties.
    public func combine(into hasher: inout StableHasher) {
        hasher.combine(kind.rawValue)
        hasher.combine(id)
        hasher.combine(title)
    }
}

extension NoteInfo: Codable {
    /// A note's kind, id and title are stored as a list of plain values, which reads faster than named fields.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        guard let kind = NoteKind(rawValue: try container.decode(String.self)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a kind of note"))
        }
        self.init(kind: kind, id: try container.decode(String.self), title: try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(kind.rawValue)
        try container.encode(id)
        try container.encode(title)
    }
}

/// A correction made to an entry after it was published, shown on its page.
public struct Correction: Sendable, Codable {
    public var date: EDTFDate
    public var text: String
    public var location: SourceLocation

    public init(date: EDTFDate, text: String, location: SourceLocation) {
        self.date = date
        self.text = text
        self.location = location
    }
}

/// The Markdown body of a note, kept with the file it came from.
public struct MarkdownBody: Sendable, Codable {
    /// The whole file; a body remembered by the build cache gets it again from a fresh read.
    public var file: SourceText
    /// Bytes of the body within the file.
    public var range: Range<Int>
    /// The line of the file the body starts on (1-based).
    public var firstLine: Int
    /// A hash of the whole file's bytes, which stands for the body in a note's fingerprint.
    public var fileHash: UInt64

    public init(file: SourceText, range: Range<Int>, firstLine: Int, fileHash: UInt64) {
        self.file = file
        self.range = range
        self.firstLine = firstLine
        self.fileHash = fileHash
    }

    public var path: String { file.path }

    /// The Markdown text of the body.
    public var text: String { file.string(range) }

    /// A body is stored without its file's bytes, which the build reads anyway: as a list of where it starts
    /// and ends, its first line and its file's hash.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let start = try container.decode(Int.self), end = try container.decode(Int.self)
        guard start >= 0, end >= start else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a range")) }
        range = start..<end
        firstLine = try container.decode(Int.self)
        fileHash = try container.decode(UInt64.self)
        file = SourceText(path: "", bytes: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(range.lowerBound)
        try container.encode(range.upperBound)
        try container.encode(firstLine)
        try container.encode(fileHash)
    }
}
