#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A note as read from its file: what a build remembers so that an unchanged file is not parsed again.
enum ParsedNote: Sendable {
    case entry(Entry)
    case topic(Topic)
    case page(Page)

    /// The same note with its body pointing into a freshly read copy of its file.
    func reading(_ file: SourceText) -> ParsedNote {
        switch self {
        case .entry(var entry):
            entry.body = MarkdownBody(file: file, range: entry.body.range, firstLine: entry.body.firstLine)
            return .entry(entry)
        case .topic(var topic):
            topic.body = MarkdownBody(file: file, range: topic.body.range, firstLine: topic.body.firstLine)
            return .topic(topic)
        case .page(var page):
            page.body = MarkdownBody(file: file, range: page.body.range, firstLine: page.body.firstLine)
            return .page(page)
        }
    }
}

/// What a build remembers of one note file, keyed by its path.
struct NoteRecord: Sendable {
    var fileHash: UInt64
    /// The note, or nil when it could not be read.
    var note: ParsedNote?
    var readDiagnostics: [Diagnostic]
    var rendering: Rendering?

    /// A rendered body, good while the file, the rendering options and every lookup stay the same.
    struct Rendering: Sendable {
        var optionsHash: UInt64
        var note: RenderedNote
        var dependencies: [String: String]
        var diagnostics: [Diagnostic]
    }
}

/// A page or file of the last site written: the hash of what it was made from, and how it was left on disk.
public struct PageRecord: Sendable, Equatable {
    var version: UInt64
    public var size: Int
    public var seconds: Int
    public var nanoseconds: Int
}

/// What a build keeps between runs beside the output, so that the next build reads, renders and writes only
/// what changed, and does nothing when nothing changed. Two files: a small manifest (the generator, a stamp
/// of every input file, what was built and each output file's stamp) read by every build, and the notes
/// (parsed front matter and rendered bodies), read only when something changed. Safe to delete: a build
/// without them does everything.
public final class BuildCache: @unchecked Sendable {
    /// Changes whenever the format or the generator changes; a cache of another generator is ignored.
    let stamp: UInt64
    /// Sizes, times and names of every input file and the build's options at the last successful build.
    var inputStamp: UInt64 = 0
    /// The last build's summary counts: entries, topics, sources, facts, pages.
    var counts: [Int] = []
    /// Whether the last build reported warnings, which a build must then report again.
    var hadWarnings = true
    var pages: [String: PageRecord] = [:]
    private var storedNotes: [String: NoteRecord]?
    private var notesPath: String?
    /// The paths whose records the notes file holds, and those the smaller delta file holds on top of it.
    private var basePaths: Set<String> = []
    private var deltaPaths: Set<String> = []
    /// Notes a build read or rendered anew, so that saving writes only their records (into the delta).
    var changedNotes: Set<String> = []

    init(stamp: UInt64) { self.stamp = stamp }

    /// What the last build remembered of each note file, read from disk the first time it is asked for.
    var notes: [String: NoteRecord] {
        get {
            if storedNotes == nil { loadNotes() }
            return storedNotes!
        }
        set { storedNotes = newValue }
    }

    static let formatVersion = "timeline-cache-2"

    /// A stamp for this generator: the cache format and the executable's size and time.
    static func currentStamp() -> UInt64 {
        var hasher = StableHasher(formatVersion)
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            hasher.combine(Int(info.st_size))
            hasher.combine(Int(info.st_mtim.tv_sec))
            hasher.combine(info.st_mtim.tv_nsec)
        } else if let path = CommandLine.arguments.first, stat(path, &info) == 0 {
            hasher.combine(Int(info.st_size))
            hasher.combine(Int(info.st_mtim.tv_sec))
        }
        return hasher.value
    }

    /// An empty cache for this generator.
    public static func empty() -> BuildCache { BuildCache(stamp: currentStamp()) }

    /// The cache whose manifest is at `path`, or an empty one when it is missing, unreadable or another
    /// generator's. The notes are read later, if a build needs them.
    public static func load(from path: String) -> BuildCache {
        let stamp = currentStamp()
        let cache = BuildCache(stamp: stamp)
        cache.notesPath = path + ".notes"
        guard let bytes = try? LocalFileSystem().readFile(path, limit: Int.max) else { return cache }
        var reader = CacheReader(bytes: bytes)
        do {
            guard try reader.word() == stamp else { return cache }
            let inputStamp = try reader.word()
            let hadWarnings = try reader.bool()
            var counts: [Int] = []
            for _ in 0..<(try reader.count()) { counts.append(try reader.integer()) }
            var pages: [String: PageRecord] = [:]
            for _ in 0..<(try reader.count()) {
                let path = try reader.string()
                pages[path] = PageRecord(
                    version: try reader.word(), size: try reader.integer(), seconds: try reader.integer(), nanoseconds: try reader.integer())
            }
            guard reader.isAtEnd else { return cache }
            cache.inputStamp = inputStamp
            cache.hadWarnings = hadWarnings
            cache.counts = counts
            cache.pages = pages
            return cache
        } catch {
            return cache
        }
    }

    /// Reads the notes file, then the delta of records changed since it was written.
    private func loadNotes() {
        storedNotes = [:]
        guard let path = notesPath, let base = Self.readRecords(from: path, stamp: stamp) else { return }
        var notes: [String: NoteRecord] = [:]
        for (key, record) in base { notes[key] = record }
        basePaths = Set(notes.keys)
        if let delta = Self.readRecords(from: path + ".delta", stamp: stamp) {
            for (key, record) in delta {
                notes[key] = record
                deltaPaths.insert(key)
            }
        }
        storedNotes = notes
    }

    /// Records of a notes file: each path with its record, or nil for a note deleted since the base file.
    private static func readRecords(from path: String, stamp: UInt64) -> [(String, NoteRecord?)]? {
        guard let bytes = try? LocalFileSystem().readFile(path, limit: Int.max) else { return nil }
        var reader = CacheReader(bytes: bytes)
        do {
            guard try reader.word() == stamp else { return nil }
            var records: [(String, NoteRecord?)] = []
            for _ in 0..<(try reader.count()) {
                let key = try reader.string()
                records.append((key, try reader.bool() ? try reader.noteRecord() : nil))
            }
            return reader.isAtEnd ? records : nil
        } catch {
            return nil
        }
    }

    /// Writes records to a file in pieces, atomically.
    private static func writeRecords(_ records: [(String, NoteRecord?)], stamp: UInt64, to path: String) {
        let temporary = path + ".new"
        let fd = open(temporary, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        var writer = CacheWriter()
        writer.word(stamp)
        writer.integer(records.count)
        var ok = true
        for (key, record) in records where ok {
            writer.string(key)
            writer.bool(record != nil)
            if let record { writer.noteRecord(record) }
            if writer.bytes.count > 1 << 20 { ok = writer.flush(to: fd) }
        }
        ok = ok && writer.flush(to: fd)
        close(fd)
        if ok { rename(temporary, path) } else { unlink(temporary) }
    }

    /// Writes the manifest, and the notes when this build read or changed them; each atomically.
    public func save(to path: String) {
        var writer = CacheWriter()
        writer.word(stamp)
        writer.word(inputStamp)
        writer.bool(hadWarnings)
        writer.integer(counts.count)
        for count in counts { writer.integer(count) }
        writer.integer(pages.count)
        for path in pages.keys.sorted() {
            let page = pages[path]!
            writer.string(path)
            writer.word(page.version)
            writer.integer(page.size)
            writer.integer(page.seconds)
            writer.integer(page.nanoseconds)
        }
        if let notes = storedNotes {
            let notesFile = path + ".notes"
            let deleted = basePaths.subtracting(notes.keys)
            let delta = deltaPaths.union(changedNotes).intersection(notes.keys)
            if basePaths.isEmpty || (delta.count + deleted.count) * 4 > notes.count {
                // Many changes: write every record again, and no delta.
                Self.writeRecords(notes.keys.sorted().map { ($0, notes[$0]) }, stamp: stamp, to: notesFile)
                unlink(notesFile + ".delta")
                basePaths = Set(notes.keys)
                deltaPaths = []
            } else if !changedNotes.isEmpty || !deleted.isEmpty {
                // A few changes: only their records, in the delta, which the next read lays over the notes file.
                let records = delta.sorted().map { ($0, notes[$0]) } + deleted.sorted().map { ($0, nil as NoteRecord?) }
                Self.writeRecords(records, stamp: stamp, to: notesFile + ".delta")
                deltaPaths = delta
            }
            changedNotes = []
        }
        Self.replace(path, with: writer.bytes)
    }

    private static func replace(_ path: String, with bytes: [UInt8]) {
        let temporary = path + ".new"
        do {
            try Files.writeFile(temporary, bytes)
            rename(temporary, path)
        } catch {
            unlink(temporary)
        }
    }
}
