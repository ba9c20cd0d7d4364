/// Everything a site is made from, as read from the content folder.
public struct Content: Sendable {
    public var settings: SiteSettings
    public var sources: [Source]
    public var facts: [Fact]
    public var entries: [Entry]
    public var topics: [Topic]
    public var pages: [Page]
    /// Ids of items that are written in the content but could not be read, as `source:ID`, `fact:ID` or
    /// `note:ID`; references to them are not reported again.
    public var brokenIDs: BrokenIDs = []
    /// Whether every file was read without error; checks of completeness (unused sources, uncited
    /// entries) run only then, since a file that failed to read would make them report in vain.
    public var isComplete = true
}

/// Ids that may exist in the content but could not be read, so that references to them are not reported
/// as unknown: single ids (`source:cnn`), and whole kinds (`source:`) when the file that lists them could
/// not be read at all.
public struct BrokenIDs: Sendable, Hashable, ExpressibleByArrayLiteral {
    public private(set) var ids: Set<String> = []
    /// Prefixes such as `source:` or `fact:` under which every id counts as broken.
    public private(set) var kinds: Set<String> = []

    public init(arrayLiteral elements: String...) { ids = Set(elements) }

    public func contains(_ id: String) -> Bool {
        if ids.contains(id) { return true }
        guard let colon = id.firstIndex(of: ":") else { return false }
        return kinds.contains(String(id[...colon]))
    }

    public mutating func insert(_ id: String) { ids.insert(id) }

    /// Counts every id of a kind (`source:`, `fact:`) as broken.
    public mutating func insertAll(_ kind: String) { kinds.insert(kind) }
}

/// Bounds past which the generator stops with an error instead of running out of memory or time.
/// Each is checked before the work it bounds, and the README lists them.
public struct Limits: Sendable {
    /// Largest Markdown note, in bytes.
    public var noteSize = 4 << 20
    /// Largest YAML data file (`sources.yaml`, `facts.yaml`) or template, in bytes.
    public var dataFileSize = 64 << 20
    /// Most notes in one folder.
    public var notesPerFolder = 500_000
    /// Most bytes of all the content's files together.
    public var contentSize = 1 << 30
    /// Deepest nesting of lists and mappings in YAML.
    public var yamlDepth = 32
    /// Most citations and `[[...]]` links in one note.
    public var referencesPerNote = 10_000

    public init() {}
}
