/// A list file (`sources.yaml`, `facts.yaml`) as read: its items, the ids of those that could not be read,
/// and what reading it reported. A later build that finds the same bytes, read under the same settings,
/// takes this instead of reading the file again.
public struct ListReading<Item: Sendable & Codable>: Sendable, Codable {
    /// A hash of the file's path and bytes and of whatever else its reading depends on.
    public var version: UInt64
    /// The items, or nil when the file could not be read as a list at all.
    public var items: [Item]?
    /// The ids of the items that could not be read.
    public var failed: [String]
    public var diagnostics: [Diagnostic]

    public init(version: UInt64, items: [Item]?, failed: [String], diagnostics: [Diagnostic]) {
        self.version = version
        self.items = items
        self.failed = failed
        self.diagnostics = diagnostics
    }
}

/// The readings of the content's list files, each nil when the file was not read (missing, or unreadable).
public struct DataReadings: Sendable, Codable {
    public var sources: ListReading<Source>?
    public var facts: ListReading<Fact>?

    public init(sources: ListReading<Source>? = nil, facts: ListReading<Fact>? = nil) {
        self.sources = sources
        self.facts = facts
    }
}
