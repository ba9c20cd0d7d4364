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
struct PageRecord: Sendable, Equatable {
    var version: UInt64
    var size: Int
    var seconds: Int
    var nanoseconds: Int
}

/// What a build keeps between runs, in `.NAME.timeline/cache` beside the output, so that the next build reads,
/// renders and writes only what changed. Safe to delete: a build without it does everything.
public final class BuildCache: @unchecked Sendable {
    /// Changes whenever the format or the generator changes; a cache of another generator is ignored.
    let stamp: UInt64
    var notes: [String: NoteRecord] = [:]
    var pages: [String: PageRecord] = [:]

    init(stamp: UInt64) { self.stamp = stamp }

    static let formatVersion = "timeline-cache-1"

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

    /// The cache at `path`, or an empty one when it is missing, unreadable or another generator's.
    public static func load(from path: String) -> BuildCache {
        let stamp = currentStamp()
        guard let bytes = try? LocalFileSystem().readFile(path, limit: Int.max) else { return BuildCache(stamp: stamp) }
        var reader = CacheReader(bytes: bytes)
        do {
            guard try reader.word() == stamp else { return BuildCache(stamp: stamp) }
            let cache = BuildCache(stamp: stamp)
            for _ in 0..<(try reader.count()) {
                let path = try reader.string()
                cache.notes[path] = try reader.noteRecord()
            }
            for _ in 0..<(try reader.count()) {
                let path = try reader.string()
                cache.pages[path] = PageRecord(
                    version: try reader.word(), size: try reader.integer(), seconds: try reader.integer(), nanoseconds: try reader.integer())
            }
            return reader.isAtEnd ? cache : BuildCache(stamp: stamp)
        } catch {
            return BuildCache(stamp: stamp)
        }
    }

    /// Writes the cache atomically: a new file renamed over the old one.
    public func save(to path: String) {
        var writer = CacheWriter()
        writer.word(stamp)
        writer.integer(notes.count)
        for path in notes.keys.sorted() {
            writer.string(path)
            writer.noteRecord(notes[path]!)
        }
        writer.integer(pages.count)
        for path in pages.keys.sorted() {
            let page = pages[path]!
            writer.string(path)
            writer.word(page.version)
            writer.integer(page.size)
            writer.integer(page.seconds)
            writer.integer(page.nanoseconds)
        }
        let temporary = path + ".new"
        do {
            try Files.writeFile(temporary, writer.bytes)
            rename(temporary, path)
        } catch {
            unlink(temporary)
        }
    }
}
