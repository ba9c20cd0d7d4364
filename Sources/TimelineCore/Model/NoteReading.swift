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

    /// The paths of the note files whose bytes are not those of the same path in `earlier`, new files included.
    public func changedPaths(since earlier: NoteReadings) -> Set<String> {
        var changed = Set<String>()
        func compare<F>(_ now: [String: NoteReading<F>], _ before: [String: NoteReading<F>]) {
            for (path, reading) in now where before[path]?.fileHash != reading.fileHash { changed.insert(path) }
        }
        compare(entries, earlier.entries)
        compare(topics, earlier.topics)
        compare(pages, earlier.pages)
        return changed
    }

    /// A hash of every note file's path and bytes, the same whatever order the readings are in: each file's
    /// hash is added to the others', so that no list of paths is sorted.
    public var filesHash: UInt64 {
        var sum: UInt64 = 0
        func add<F>(_ readings: [String: NoteReading<F>]) {
            for (path, reading) in readings {
                sum &+= StableHasher.hash { $0.combine(path); $0.combine(reading.fileHash) }
            }
        }
        add(entries)
        add(topics)
        add(pages)
        return sum
    }
}
