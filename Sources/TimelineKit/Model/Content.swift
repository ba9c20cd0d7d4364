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
    public var brokenIDs: Set<String> = []
    /// Whether every file was read without error; checks of completeness (unused sources, uncited
    /// entries) run only then, since a file that failed to read would make them report in vain.
    public var isComplete = true
}

/// Bounds past which the generator stops with an error instead of running out of memory.
public struct Limits: Sendable {
    /// Largest Markdown note, in bytes.
    public var noteSize = 4 << 20
    /// Largest YAML data file (`sources.yaml`, `facts.yaml`) or template, in bytes.
    public var dataFileSize = 64 << 20
    /// Most notes in one folder.
    public var notesPerFolder = 500_000
    /// Deepest nesting of lists and mappings in YAML.
    public var yamlDepth = 32

    public init() {}
}
