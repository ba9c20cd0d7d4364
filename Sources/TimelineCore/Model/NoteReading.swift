/// A note file as read: the note, or nil when it could not be read, with what reading it reported. A later
/// build that finds the file's bytes unchanged takes this instead of reading the file again.
public struct NoteReading<Fields: NoteFields>: Sendable, Codable {
    /// The file's path as diagnostics show it.
    public var path: String
    /// A hash of the file's bytes.
    public var fileHash: UInt64
    public var note: Note<Fields>?
    /// The body of a note whose front matter could not be read: not published, but still checked.
    public var unreadBody: MarkdownBody?
    public var diagnostics: [Diagnostic]

    public init(path: String, fileHash: UInt64, note: Note<Fields>?, unreadBody: MarkdownBody? = nil, diagnostics: [Diagnostic]) {
        self.path = path
        self.fileHash = fileHash
        self.note = note
        self.unreadBody = unreadBody
        self.diagnostics = diagnostics
    }
}

/// The readings of every note file of a content folder, by the file's path, kind by kind.
public struct NoteReadings: Sendable, Codable {
    public var entries: [String: NoteReading<EntryFields>] = [:]
    public var topics: [String: NoteReading<TopicFields>] = [:]
    public var pages: [String: NoteReading<PageFields>] = [:]

    public init() {}

    private enum CodingKeys: String, CodingKey { case entries, topics, pages }

    /// Stored as lists, each reading with its path.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func byPath<F>(_ list: [NoteReading<F>]) -> [String: NoteReading<F>] {
            Dictionary(list.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
        }
        entries = byPath(try container.decode([NoteReading<EntryFields>].self, forKey: .entries))
        topics = byPath(try container.decode([NoteReading<TopicFields>].self, forKey: .topics))
        pages = byPath(try container.decode([NoteReading<PageFields>].self, forKey: .pages))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entries.keys.sorted().map { entries[$0]! }, forKey: .entries)
        try container.encode(topics.keys.sorted().map { topics[$0]! }, forKey: .topics)
        try container.encode(pages.keys.sorted().map { pages[$0]! }, forKey: .pages)
    }

    /// The paths of every note file read.
    public var paths: [String] { Array(entries.keys) + Array(topics.keys) + Array(pages.keys) }

    /// The file hash of every note file, by path.
    public var fileHashes: [String: UInt64] {
        var hashes: [String: UInt64] = [:]
        for (path, reading) in entries { hashes[path] = reading.fileHash }
        for (path, reading) in topics { hashes[path] = reading.fileHash }
        for (path, reading) in pages { hashes[path] = reading.fileHash }
        return hashes
    }
}
