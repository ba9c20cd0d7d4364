/// Everything a site is made from, as read from the content folder.
public struct Content: Sendable {
    public var settings: SiteSettings
    public var sources: [Source]
    public var facts: [Fact]
    public var entries: [Entry]
    public var topics: [Topic]
    public var pages: [Page]
    /// The bodies of notes whose front matter could not be read, checked so that one build reports all of a
    /// note's problems; they are not published.
    public var unreadNotes: [UnreadNote] = []
    /// The archived texts of sources, by source id.
    public var archives: [String: Archive] = [:]
    /// The images described in `media.yaml`.
    public var media: [MediaItem] = []
    /// Images that `media.yaml` describes but that could not be read; mentions of them are not reported again.
    public var brokenMedia: Set<String> = []
    /// The images as published, by file name, once the build has read their files.
    public var images: [String: PublishedImage] = [:]
    /// The base maps listed in `maps.yaml`.
    public var maps: [BaseMap] = []
    /// The translations of notes into the site's other languages.
    public var noteTranslations: [NoteTranslation] = []
    /// For the content of one language's site (``localized(to:)``), the language of each note's text.
    public var noteLanguages: [String: NoteLanguage] = [:]
    /// For the content of one language's site, the hash of each note's own file where a translation's body
    /// took the place of the note's: that file still gives the note's fields (date, topics, sources…),
    /// which the body's file no longer stands for.
    public var ownFileHashes: [String: UInt64] = [:]
    /// The drafts this build leaves out.
    public var drafts = Drafts()
    /// Ids of items that are written in the content but could not be read; references to them are not
    /// reported again.
    public var brokenIDs = BrokenIDs()
    /// Whether every file was read without error; checks of completeness (unused sources, uncited
    /// entries) run only then, since a file that failed to read would make them report in vain.
    public var isComplete = true

    public init(
        settings: SiteSettings, sources: [Source] = [], facts: [Fact] = [], entries: [Entry] = [], topics: [Topic] = [],
        pages: [Page] = [], brokenIDs: BrokenIDs = BrokenIDs(), isComplete: Bool = true
    ) {
        self.settings = settings
        self.sources = sources
        self.facts = facts
        self.entries = entries
        self.topics = topics
        self.pages = pages
        self.brokenIDs = brokenIDs
        self.isComplete = isComplete
    }
}

extension Content {
    /// The Markdown bodies of every note, those whose front matter could not be read included.
    public var bodies: [MarkdownBody] {
        entries.map(\.body) + topics.map(\.body) + pages.map(\.body) + unreadNotes.map(\.body)
    }
}

/// A note whose front matter could not be read: what is known of it, and its body, which is still checked.
public struct UnreadNote: Sendable {
    /// Its kind and id, from its file; its id stands for its title.
    public var info: NoteInfo
    public var body: MarkdownBody

    public init(info: NoteInfo, body: MarkdownBody) {
        self.info = info
        self.body = body
    }
}

/// The kinds of item a reference can name: ids of sources and facts are separate, and entries, topics and
/// pages share the ids of notes.
public enum ItemKind: String, Sendable, Hashable, Codable {
    case source, fact, note
}

/// Ids that may exist in the content but could not be read, so that references to them are not reported
/// as unknown: single ids, and whole kinds when the file that lists them could not be read at all.
public struct BrokenIDs: Sendable, Hashable {
    private var ids: Set<ItemID> = []
    /// Kinds of which every id counts as broken.
    private var kinds: Set<ItemKind> = []

    private struct ItemID: Hashable, Sendable {
        var kind: ItemKind
        var id: String
    }

    public init() {}

    public func contains(_ kind: ItemKind, _ id: String) -> Bool {
        kinds.contains(kind) || ids.contains(ItemID(kind: kind, id: id))
    }

    public mutating func insert(_ kind: ItemKind, _ id: String) { ids.insert(ItemID(kind: kind, id: id)) }

    /// Counts every id of a kind as broken.
    public mutating func insertAll(_ kind: ItemKind) { kinds.insert(kind) }

    /// Counts as broken every id `other` does too.
    public mutating func formUnion(_ other: BrokenIDs) {
        ids.formUnion(other.ids)
        kinds.formUnion(other.kinds)
    }
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
    /// Deepest nesting of template sections, blocks, parents and partials, counted through partials and parents.
    public var templateDepth = 100
    /// Most bytes of text and tags one template renders once its partials and parents are put in place, a
    /// section's once.
    public var templateSize = 16 << 20
    /// Largest image file of `Content/media/`, in bytes.
    public var imageFileSize = 64 << 20
    /// Most pixels an image may declare (width × height): 100 megapixels, twice a 50-megapixel camera's. A
    /// file that declares more is refused before anything is decoded, so that a small file cannot make the
    /// build decode billions of pixels.
    public var imagePixels = 100_000_000

    public init() {}
}
