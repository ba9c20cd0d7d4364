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
/// disk), and, read only when something changed, the notes (front matter as read and rendered bodies), the
/// sources and facts as read, what each page read of the site, and where each entry lies in the largest
/// exports. Every record is written field by field (``CacheRecord``); only diagnostics, rare in a record, go
/// through their `Codable` conformance. Safe to delete: a build without it does everything.
public struct BuildCache: Sendable {
    /// Changes whenever the format or the generator changes; a cache of another generator is ignored.
    let stamp: UInt64
    var manifest: Manifest
    /// Where the manifest is kept, when on disk; the notes and reads are beside it.
    let path: String?
    private var loadedEntries: RecordFile<NoteReading<EntryFields>>?
    private var loadedTopics: RecordFile<NoteReading<TopicFields>>?
    private var loadedPages: RecordFile<NoteReading<PageFields>>?
    private var loadedRenderings: RecordFile<Rendering>?
    /// The renderings' file being written on a thread of its own (``startSavingRenderings()``), handed back once written.
    private var savingRenderings: BackgroundWork<RecordFile<Rendering>>?
    private var loadedReads: RecordFile<[Int]>?
    private var loadedReadKeys: RecordFile<[ReadKey]>?
    private var loadedExports: RecordFile<ExportLayout>?
    private var loadedData: RecordFile<DataReadings>?
    /// The notes and pages whose records this build changed, which saving writes.
    var changedNotes: Set<String> = []
    var changedPages: Set<String> = []
    /// Whether this build changed the table of what pages read.
    var changedReadKeys = false
    /// The exports whose layouts this build changed.
    var changedExports: Set<String> = []
    /// Whether this build read a list file anew.
    var changedData = false
    /// Why the manifest on disk was not used, when it was there but could not be trusted.
    private var manifestDamage: CacheDamage?
    /// Why files of notes saved and let go during the build were not used, by the file's suffix.
    private var savedDamage: [String: CacheDamage] = [:]

    /// What every build reads.
    struct Manifest: Sendable {
        /// Sizes, times and names of every input file and the build's options at the last successful build.
        var inputStamp: UInt64 = 0
        /// When the last build started, by the system's clock: an input file changed since then (or too close
        /// to it for its time stamp to tell) is read again even when its stamp looks the same.
        var startedAt = FileStamp(size: 0, seconds: 0, nanoseconds: 0)
        /// The warnings the last build reported, which a build that finds nothing changed reports again; nil
        /// when they are not known.
        var warnings: [Diagnostic]?
        /// What the last build counted.
        var counts: BuildCounts?
        /// Every file of the last site written, by path.
        var pages: [String: PageRecord] = [:]
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

    static let formatVersion = "timeline-cache-12"

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
    ///
    /// The manifest file is the generator's stamp, a checksum of the rest, then the manifest.
    public static func load(from path: String) -> BuildCache {
        var cache = BuildCache(stamp: currentStamp(), path: path)
        guard let bytes = try? LocalFileSystem().readFile(path, limit: Int.max) else { return cache }
        guard bytes.count >= 16 else {
            cache.manifestDamage = .damaged
            return cache
        }
        guard CacheDamage.word(bytes, at: 0) == cache.stamp else {
            cache.manifestDamage = .otherGenerator
            return cache
        }
        guard CacheDamage.word(bytes, at: 8) == CacheDamage.checksum(bytes, 16..<bytes.count),
              let manifest = try? bytes.withUnsafeBytes({ try BinaryInput.record(Manifest.self, from: UnsafeRawBufferPointer(rebasing: $0[16...])) }) else {
            cache.manifestDamage = .damaged
            return cache
        }
        cache.manifest = manifest
        return cache
    }

    /// What the build should say about files of the cache it found but could not trust, each reason once.
    public var damageNotes: [String] {
        let found: [(String, CacheDamage?)] = [
            ("", manifestDamage), (".entries", loadedEntries?.damage ?? savedDamage[".entries"]),
            (".topics", loadedTopics?.damage ?? savedDamage[".topics"]), (".pages", loadedPages?.damage ?? savedDamage[".pages"]),
            (".renderings", loadedRenderings?.damage ?? savedDamage[".renderings"]), (".reads", loadedReads?.damage), (".readkeys", loadedReadKeys?.damage),
            (".exports", loadedExports?.damage), (".data", loadedData?.damage), (".texts", savedDamage[".texts"]),
        ]
        var notes: [String] = []
        for (suffix, damage) in found {
            guard let damage, let path else { continue }
            let note = damage.note(file: String(path.split(separator: "/").last ?? "cache") + suffix)
            if !notes.contains(note) { notes.append(note) }
        }
        return notes
    }

    /// What the last build read of each note file, kind by kind and by path, read from disk the first time
    /// it is asked for.
    var readings: NoteReadings {
        mutating get {
            var readings = NoteReadings()
            readings.entries = Self.loaded(&loadedEntries, path, ".entries", stamp).records
            readings.topics = Self.loaded(&loadedTopics, path, ".topics", stamp).records
            readings.pages = Self.loaded(&loadedPages, path, ".pages", stamp).records
            return readings
        }
        set {
            Self.loaded(&loadedEntries, path, ".entries", stamp) { $0.records = newValue.entries }
            Self.loaded(&loadedTopics, path, ".topics", stamp) { $0.records = newValue.topics }
            Self.loaded(&loadedPages, path, ".pages", stamp) { $0.records = newValue.pages }
        }
    }

    /// Starts writing the notes as this build read them, `readings`, each kind's file atomically, on a thread
    /// of its own while the build goes on, and lets them go; ``finishSavingReadings(_:)`` waits for it and
    /// gives the paths of the files read anew, those whose readings differ from `earlier`'s. A reading stands
    /// for its file's bytes whatever the rest of the build does, and nothing after reading needs them: the
    /// pages are made from the content. A cache kept in memory only keeps them.
    ///
    /// The files' texts are saved with them, each with its file's identity in `identities`, over the texts the last
    /// build kept, `texts` (loaded by ``loadTexts()``, or nil to read them from disk).
    mutating func startSavingReadings(
        _ readings: NoteReadings, since earlier: NoteReadings, texts: RecordFile<RememberedTexts.Text>? = nil, identities: [String: FileIdentity] = [:]
    ) -> BackgroundWork<ReadingsSaved> {
        guard let path else {
            self.readings = readings
            return BackgroundWork { ReadingsSaved(changed: readings.changedPaths(since: earlier)) }
        }
        let (stamp, entries, topics, pages) = (stamp, loadedEntries.take(), loadedTopics.take(), loadedPages.take())
        return BackgroundWork {
            var saved = ReadingsSaved(changed: readings.changedPaths(since: earlier))
            func save<Record>(_ file: RecordFile<Record>?, _ suffix: String, _ records: [String: Record], changed: Set<String>) {
                var file = file
                var loaded = Self.loaded(&file, path, suffix, stamp)
                loaded.records = records
                loaded.save(path + suffix, stamp: stamp, changed: changed)
                if let damage = loaded.damage { saved.damage[suffix] = damage }
            }
            save(entries, ".entries", readings.entries, changed: saved.changed)
            save(topics, ".topics", readings.topics, changed: saved.changed)
            save(pages, ".pages", readings.pages, changed: saved.changed)
            var textFile = texts
            let kept = Self.texts(of: readings, identities: identities)
            let changed = Self.changedTexts(kept, since: Self.loaded(&textFile, path, ".texts", stamp).records, readAnew: saved.changed)
            save(textFile, ".texts", kept, changed: changed)
            return saved
        }
    }

    /// What saving the notes found: the paths of the files read anew, and why files it replaced were not used.
    struct ReadingsSaved: Sendable {
        var changed: Set<String>
        var damage: [String: CacheDamage] = [:]
    }

    /// Waits for the notes to be written, and gives the paths of the files read anew.
    mutating func finishSavingReadings(_ saving: BackgroundWork<ReadingsSaved>) -> Set<String> {
        let saved = saving.wait()
        savedDamage.merge(saved.damage) { _, new in new }
        return saved.changed
    }

    /// Reads each note's body as the last build rendered it, from disk; for ``preload(renderings:)``, so
    /// that the file can be read while other work goes on.
    func loadRenderings() -> RecordFile<Rendering>? {
        guard loadedRenderings == nil, savingRenderings == nil, let path else { return nil }
        return RecordFile.load(path + ".renderings", stamp: stamp)
    }

    mutating func preload(renderings: RecordFile<Rendering>?) {
        finishSavingRenderings()
        if let renderings { loadedRenderings = renderings }
    }

    /// Reads what the last build's pages read and where its exports' entries lie, from disk; for
    /// ``preload(pages:)``, so that the files can be read while the content is.
    func loadPageRecords() -> PageRecords? {
        guard loadedReads == nil, loadedReadKeys == nil, loadedExports == nil, let path else { return nil }
        return PageRecords(
            reads: RecordFile.load(path + ".reads", stamp: stamp), keys: RecordFile.load(path + ".readkeys", stamp: stamp),
            exports: RecordFile.load(path + ".exports", stamp: stamp))
    }

    /// Keeps the files ``loadPageRecords()`` read, unless the cache holds them already.
    mutating func preload(pages: PageRecords?) {
        guard let pages, loadedReads == nil, loadedReadKeys == nil, loadedExports == nil else { return }
        (loadedReads, loadedReadKeys, loadedExports) = (pages.reads, pages.keys, pages.exports)
    }

    /// The list files as the last build read them; read from disk the first time it is asked for.
    var dataReadings: DataReadings {
        mutating get { Self.loaded(&loadedData, path, ".data", stamp).records["data"] ?? DataReadings() }
        set {
            let old = dataReadings
            changedData = changedData || old.sources?.version != newValue.sources?.version || old.facts?.version != newValue.facts?.version
            Self.loaded(&loadedData, path, ".data", stamp) { $0.records["data"] = newValue }
        }
    }

    /// Each note's body as the last build rendered it, by the note's path.
    var renderings: [String: Rendering] {
        mutating get {
            finishSavingRenderings()
            return Self.loaded(&loadedRenderings, path, ".renderings", stamp).records
        }
        set {
            finishSavingRenderings()
            Self.loaded(&loadedRenderings, path, ".renderings", stamp) { $0.records = newValue }
        }
    }

    /// Each note's body as the last build rendered it, moved out of the cache, which holds none after: the
    /// build keeps or replaces each one without copying it.
    mutating func takeRenderings() -> [String: Rendering] {
        var renderings: [String: Rendering] = [:]
        finishSavingRenderings()
        Self.loaded(&loadedRenderings, path, ".renderings", stamp) { swap(&renderings, &$0.records) }
        return renderings
    }

    /// Adds renderings of the site's other languages to those this build keeps, saving those in `changed`.
    mutating func keep(languageRenderings: [String: Rendering], changed: Set<String>) {
        finishSavingRenderings()
        var file = loadedRenderings.take() ?? RecordFile()
        file.records.merge(languageRenderings) { _, new in new }
        loadedRenderings = file
        changedNotes.formUnion(changed)
    }

    /// Starts writing the rendered bodies to disk on a thread of their own, while the build finishes the
    /// site; ``save()`` waits for them. Each rendering is good only for the file and lookups it was made
    /// from, so written before the manifest, like the notes' readings, they mislead no later build.
    mutating func startSavingRenderings() {
        guard let path, savingRenderings == nil, let file = loadedRenderings.take() else { return }
        if let damage = file.damage { savedDamage[".renderings"] = damage }
        let (stamp, changed) = (stamp, changedNotes)
        savingRenderings = BackgroundWork {
            var file = file
            file.save(path + ".renderings", stamp: stamp, changed: changed)
            return file
        }
    }

    /// Takes back the renderings' file once it is written.
    private mutating func finishSavingRenderings() {
        guard let saving = savingRenderings.take() else { return }
        loadedRenderings = saving.wait()
    }

    /// A record file, read from beside the manifest the first time it is needed (empty for a cache in memory).
    private static func loaded<Record>(_ file: inout RecordFile<Record>?, _ path: String?, _ suffix: String, _ stamp: UInt64) -> RecordFile<Record> {
        if file == nil { file = path.map { RecordFile.load($0 + suffix, stamp: stamp) } ?? RecordFile() }
        return file ?? RecordFile()
    }

    private static func loaded<Record>(
        _ file: inout RecordFile<Record>?, _ path: String?, _ suffix: String, _ stamp: UInt64, update: (inout RecordFile<Record>) -> Void
    ) {
        var loaded = Self.loaded(&file, path, suffix, stamp)
        update(&loaded)
        file = loaded
    }

    /// What each page of the last site read, by path, as positions in ``readKeys``; read from disk the first
    /// time it is asked for.
    var reads: [String: [Int]] {
        mutating get { Self.loaded(&loadedReads, path, ".reads", stamp).records }
        set { Self.loaded(&loadedReads, path, ".reads", stamp) { $0.records = newValue } }
    }

    /// Everything pages read, each key once: pages name keys by their position here, so that a key read by
    /// many pages is stored, read and fingerprinted once.
    var readKeys: [ReadKey] {
        mutating get { Self.loaded(&loadedReadKeys, path, ".readkeys", stamp).records["keys"] ?? [] }
        set { Self.loaded(&loadedReadKeys, path, ".readkeys", stamp) { $0.records["keys"] = newValue } }
    }

    /// Where each entry lies in the exports the last build wrote (`data.json`, the search index), by the
    /// export's path; read from disk the first time it is asked for.
    var exportLayouts: [String: ExportLayout] {
        mutating get { Self.loaded(&loadedExports, path, ".exports", stamp).records }
        set { Self.loaded(&loadedExports, path, ".exports", stamp) { $0.records = newValue } }
    }

    /// Writes the manifest, and the notes and reads when this build changed them; each atomically.
    public mutating func save() {
        guard let path else { return }
        var clock = StageClock()
        defer {
            clock.lap("save the cache")
            clock.report()
        }
        // The manifest, one record for every file of the site, is encoded while the other files are written.
        let manifest = self.manifest
        let encoding = BackgroundWork { () -> [UInt8]? in
            let output = BinaryOutput()
            guard (try? manifest.write(to: output)) != nil else { return nil }
            return output.bytes
        }
        loadedEntries?.save(path + ".entries", stamp: stamp, changed: changedNotes)
        loadedTopics?.save(path + ".topics", stamp: stamp, changed: changedNotes)
        loadedPages?.save(path + ".pages", stamp: stamp, changed: changedNotes)
        if savingRenderings == nil { loadedRenderings?.save(path + ".renderings", stamp: stamp, changed: changedNotes) }
        finishSavingRenderings()
        loadedReads?.save(path + ".reads", stamp: stamp, changed: changedPages)
        loadedReadKeys?.save(path + ".readkeys", stamp: stamp, changed: changedReadKeys ? ["keys"] : [])
        loadedExports?.save(path + ".exports", stamp: stamp, changed: changedExports)
        loadedData?.save(path + ".data", stamp: stamp, changed: changedData ? ["data"] : [])
        changedNotes = []
        changedPages = []
        changedReadKeys = false
        changedExports = []
        changedData = false
        // The manifest is written last: it names the build whose files the others are.
        guard let encoded = encoding.wait() else { return }
        var bytes: [UInt8] = []
        withUnsafeBytes(of: stamp.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: CacheDamage.checksum(encoded, 0..<encoded.count).littleEndian) { bytes.append(contentsOf: $0) }
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

    init(entries: Int, topics: Int, sources: Int, facts: Int, pages: Int) {
        (self.entries, self.topics, self.sources, self.facts, self.pages) = (entries, topics, sources, facts, pages)
    }

    init(_ content: Content) {
        entries = content.entries.count
        topics = content.topics.count
        sources = content.sources.count
        facts = content.facts.count
        pages = content.pages.count
    }
}
