import TimelineContent
import TimelineCore
import TimelineMarkdown
import TimelineSite
#if canImport(Glibc)
import Glibc
#endif

/// What a build keeps between runs beside the output, so that the next build reads, renders and writes only
/// what changed, and does nothing when nothing changed: a small manifest read by every build (the
/// generator, a stamp of every input file, and each output file with its version and how it was left on
/// disk), and, read only when something changed, the notes (front matter as read and rendered bodies) and
/// what each page read of the site. Every record is written through the types' own `Codable`
/// conformances. Safe to delete: a build without it does everything.
public struct BuildCache: Sendable {
    /// Changes whenever the format or the generator changes; a cache of another generator is ignored.
    let stamp: UInt64
    var manifest: Manifest
    /// Where the manifest is kept, when on disk; the notes and reads are beside it.
    let path: String?
    private var loadedNotes: RecordFile<NoteRecord>?
    private var loadedReads: RecordFile<[ReadKey]>?
    /// The notes and pages whose records this build changed, which saving writes.
    var changedNotes: Set<String> = []
    var changedPages: Set<String> = []

    /// What every build reads.
    struct Manifest: Codable, Sendable {
        /// Sizes, times and names of every input file and the build's options at the last successful build.
        var inputStamp: UInt64 = 0
        /// Whether the last build reported warnings, which a build must then report again.
        var hadWarnings = true
        /// What the last build counted.
        var counts: BuildCounts?
        /// Every file of the last site written, by path.
        var pages: [String: PageRecord] = [:]

        private enum CodingKeys: String, CodingKey { case inputStamp, hadWarnings, counts, pages }

        init() {}

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            inputStamp = try container.decode(UInt64.self, forKey: .inputStamp)
            hadWarnings = try container.decode(Bool.self, forKey: .hadWarnings)
            counts = try container.decodeIfPresent(BuildCounts.self, forKey: .counts)
            pages = Dictionary(try container.decode([PageRecord].self, forKey: .pages).map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(inputStamp, forKey: .inputStamp)
            try container.encode(hadWarnings, forKey: .hadWarnings)
            try container.encodeIfPresent(counts, forKey: .counts)
            try container.encode(pages.keys.sorted().compactMap { pages[$0] }, forKey: .pages)
        }
    }

    /// What a build remembers of one note file: how it was read, and its body as rendered.
    struct NoteRecord: Codable, Sendable {
        var entry: NoteReading<EntryFields>?
        var topic: NoteReading<TopicFields>?
        var page: NoteReading<PageFields>?
        var rendering: Rendering?
    }

    /// A rendered body, good while its file, the rendering options and every lookup it made stay the same.
    struct Rendering: Codable, Sendable {
        var fileHash: UInt64
        var optionsHash: UInt64
        var result: NoteLinker.Result
    }

    init(stamp: UInt64, path: String?) {
        self.stamp = stamp
        self.path = path
        manifest = Manifest()
    }

    static let formatVersion = "timeline-cache-3"

    /// A stamp for this generator: the cache format and the executable's size and time.
    static func currentStamp() -> UInt64 {
        var hasher = StableHasher(formatVersion)
        if let stamp = LocalFileSystem().stamp(of: "/proc/self/exe") ?? CommandLine.arguments.first.flatMap(LocalFileSystem().stamp(of:)) {
            hasher.combine(stamp.size)
            hasher.combine(stamp.seconds)
            hasher.combine(stamp.nanoseconds)
        }
        return hasher.value
    }

    /// An empty cache for this generator, kept in memory only.
    public static func empty() -> BuildCache { BuildCache(stamp: currentStamp(), path: nil) }

    /// The cache whose manifest is at `path`, or an empty one when it is missing, damaged or another
    /// generator's. The notes and reads are read later, if a build needs them.
    public static func load(from path: String) -> BuildCache {
        var cache = BuildCache(stamp: currentStamp(), path: path)
        if let bytes = try? LocalFileSystem().readFile(path, limit: Int.max), bytes.count >= 8,
           bytes.prefix(8).elementsEqual(withUnsafeBytes(of: cache.stamp.littleEndian, Array.init)),
           let manifest = try? BinaryDecoder.decode(Manifest.self, from: Array(bytes[8...])) {
            cache.manifest = manifest
        }
        return cache
    }

    /// What the last build remembered of each note file, by path, read from disk the first time it is asked for.
    var notes: [String: NoteRecord] {
        mutating get {
            if loadedNotes == nil { loadedNotes = path.map { RecordFile.load($0 + ".notes", stamp: stamp) } ?? RecordFile() }
            return loadedNotes?.records ?? [:]
        }
        set {
            if loadedNotes == nil { loadedNotes = RecordFile() }
            loadedNotes?.records = newValue
        }
    }

    /// What each page of the last site read, by path, read from disk the first time it is asked for.
    var reads: [String: [ReadKey]] {
        mutating get {
            if loadedReads == nil { loadedReads = path.map { RecordFile.load($0 + ".reads", stamp: stamp) } ?? RecordFile() }
            return loadedReads?.records ?? [:]
        }
        set {
            if loadedReads == nil { loadedReads = RecordFile() }
            loadedReads?.records = newValue
        }
    }

    /// The readings of the notes, kind by kind, for the content reader.
    var readings: NoteReadings {
        mutating get {
            var readings = NoteReadings()
            for (path, record) in notes {
                if let entry = record.entry { readings.entries[path] = entry }
                if let topic = record.topic { readings.topics[path] = topic }
                if let page = record.page { readings.pages[path] = page }
            }
            return readings
        }
    }

    /// Writes the manifest, and the notes and reads when this build changed them; each atomically.
    public mutating func save() {
        guard let path else { return }
        if var notes = loadedNotes {
            notes.save(path + ".notes", stamp: stamp, changed: changedNotes)
            loadedNotes = notes
        }
        if var reads = loadedReads {
            reads.save(path + ".reads", stamp: stamp, changed: changedPages)
            loadedReads = reads
        }
        changedNotes = []
        changedPages = []
        var bytes: [UInt8] = []
        withUnsafeBytes(of: stamp.littleEndian) { bytes.append(contentsOf: $0) }
        guard let encoded = try? BinaryEncoder.encode(manifest) else { return }
        bytes.append(contentsOf: encoded)
        Self.replace(path, with: bytes)
    }

    /// Replaces a file of the cache as a whole: written beside it, then renamed over it.
    static func replace(_ path: String, with bytes: [UInt8]) {
        let temporary = path + ".new"
        do {
            try LocalFileSystem().writeFile(temporary, bytes)
            rename(temporary, path)
        } catch {
            unlink(temporary)
        }
    }
}

/// A page or file of the last site written: its version, and how it was left on disk.
public struct PageRecord: Sendable, Equatable, Codable {
    public var path: String
    public var version: UInt64
    public var stamp: FileStamp
}

/// What a build counted, for the line printed at its end.
public struct BuildCounts: Sendable, Equatable, Codable {
    public var entries: Int
    public var topics: Int
    public var sources: Int
    public var facts: Int
    public var pages: Int

    init(_ content: Content) {
        entries = content.entries.count
        topics = content.topics.count
        sources = content.sources.count
        facts = content.facts.count
        pages = content.pages.count
    }
}
