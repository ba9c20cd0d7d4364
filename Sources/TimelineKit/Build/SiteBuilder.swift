#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a build's stages in order: load templates, read content, index, render bodies, link, check,
/// render pages, write. Each stage reports into one ``DiagnosticLog``; a build writes nothing unless
/// every stage before writing succeeded.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    let fileSystem: any FileSystem

    public init(options: BuildOptions, fileSystem: any FileSystem = LocalFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// A site that passed every check, ready to be written.
    public struct PreparedSite: Sendable {
        let site: Site
        let templates: TemplateSet
        /// What to remember of each note file, by path, for the next build.
        let records: [String: NoteRecord]
        /// The hash of each note's file, by note id.
        let fileHashes: [String: UInt64]
        /// How many notes were read from their files rather than remembered, and how many bodies rendered.
        let notesRead: Int
        let bodiesRendered: Int
        /// Paths of the notes read or rendered anew, whose records the cache must write.
        let changedNotes: Set<String>
    }

    /// Reads and checks everything without writing; nil when the build must stop.
    public func prepare(log: DiagnosticLog) -> PreparedSite? {
        prepare(log: log, cache: nil)
    }

    /// Reads and checks everything, reusing from `cache` the notes and rendered bodies that did not change.
    public func prepare(log: DiagnosticLog, cache: BuildCache?) -> PreparedSite? {
        var clock = StageClock()
        defer { clock.report() }
        let templates = TemplateSet.load(fileSystem: fileSystem, folder: options.templatesFolder, limits: options.limits, log: log)
        let reader = ContentReader(fileSystem: fileSystem, folder: options.contentFolder, limits: options.limits)
        clock.lap("templates")
        let previous = cache?.notes ?? [:]
        let (read, readRecords) = reader.read(log: log, previous: previous)
        guard let content = read else { return nil }
        var records = readRecords
        let notesRead = records.count { path, record in previous[path]?.fileHash != record.fileHash }
        clock.lap("read")
        let index = SiteIndex(content: content, assets: templates?.assets.map(\.path) ?? [])
        clock.lap("index")

        let bodies: [(NoteInfo, MarkdownBody)] =
            content.entries.map { (NoteInfo(kind: .entry, id: $0.id, title: $0.title), $0.body) }
            + content.topics.map { (NoteInfo(kind: .topic, id: $0.id, title: $0.title), $0.body) }
            + content.pages.map { (NoteInfo(kind: .page, id: $0.id, title: $0.title), $0.body) }
        let optionsHash = StableHasher.hash { h in
            h.combine(index.settings.allowHTML)
            h.combine(index.settings.smartPunctuation)
        }
        let results = parallelMap(bodies) { info, body -> (RenderedNote, NoteRecord.Rendering, Bool) in
            // A remembered rendering stands while every lookup it made finds the same as before.
            if let rendering = records[body.path]?.rendering, rendering.optionsHash == optionsHash,
               rendering.note.kind == info.kind, rendering.note.id == info.id,
               !rendering.diagnostics.contains(where: { $0.severity == .error }),
               rendering.dependencies.allSatisfy({ NoteLinker.signature(of: $0.key, in: index) == $0.value }) {
                return (rendering.note, rendering, false)
            }
            let result = NoteLinker.renderRecordingDependencies(body, note: info, index: index)
            let rendering = NoteRecord.Rendering(
                optionsHash: optionsHash, note: result.note, dependencies: result.dependencies, diagnostics: result.diagnostics)
            return (result.note, rendering, true)
        }
        var fileHashes: [String: UInt64] = [:]
        var changed = Set(records.keys.filter { previous[$0]?.fileHash != records[$0]?.fileHash })
        for ((_, body), result) in zip(bodies, results) where result.2 { changed.insert(body.path) }
        for ((info, body), (_, rendering, _)) in zip(bodies, results) {
            log.report(contentsOf: rendering.diagnostics)
            records[body.path]?.rendering = rendering
            fileHashes[info.id] = records[body.path]?.fileHash
        }
        clock.lap("render bodies")
        let site = Site(content: content, index: index, rendered: results.map(\.0))
        clock.lap("link")
        site.runChecks(log: log)
        clock.lap("check")
        guard let templates, !log.hasFailures(strict: options.strict) else { return nil }
        return PreparedSite(
            site: site, templates: templates, records: records, fileHashes: fileHashes, notesRead: notesRead,
            bodiesRendered: results.count(where: \.2), changedNotes: changed)
    }

    /// What writing a site did.
    public struct WriteResult: Sendable {
        /// Files of the site.
        public var files: Int
        /// Files rendered and written; the others were kept from the previous site.
        public var rendered: Int
    }

    /// Renders the pages whose inputs changed since the build `cache` remembers (all of them without one),
    /// keeps the others, and writes the site.
    public func write(_ prepared: PreparedSite, to output: any SiteOutput, cache: BuildCache? = nil) throws(OutputError) -> WriteResult {
        var clock = StageClock()
        defer { clock.report() }
        let site = prepared.site
        let stylesheet = prepared.templates.assets.first { $0.path == "assets/style.css" }.map { String(decoding: $0.bytes, as: UTF8.self) }
        var context = PageContext(site: site, stylesheet: stylesheet ?? "")
        let plan = PlannedPage.all(for: site)
        let generated = GeneratedFile.all(baseURL: site.index.settings.baseURL)
        let versions = PageVersions(site: site, context: context, templates: prepared.templates, fileHashes: prepared.fileHashes)

        enum Job {
            case page(PlannedPage)
            case file(GeneratedFile)
            case asset(path: String, bytes: [UInt8])
        }
        var jobs: [(path: String, version: UInt64, job: Job)] = plan.map { ($0.path(in: site), versions.version(of: $0), .page($0)) }
        jobs += generated.map { ($0.path, versions.version(of: $0), .file($0)) }
        jobs += prepared.templates.assets.map { asset in
            (asset.path, StableHasher.hash { $0.combine(contents: asset.bytes) }, .asset(path: asset.path, bytes: asset.bytes))
        }
        clock.lap("versions")

        // A page is kept when its version is the one remembered and its file is as the last build left it.
        let keep = parallelMap(jobs) { job -> Bool in
            guard let record = cache?.pages[job.path], record.version == job.version,
                  let stamp = output.stamp(of: job.path) else { return false }
            return stamp.size == record.size && stamp.seconds == record.seconds && stamp.nanoseconds == record.nanoseconds
        }
        let previousPaths = Set(cache?.pages.keys ?? [:].keys)
        if !jobs.isEmpty, keep.allSatisfy({ $0 }), previousPaths == Set(jobs.map(\.path)) {
            // Nothing changed: the site on disk is already this one.
            output.discard()
            return WriteResult(files: jobs.count, rendered: 0)
        }
        if keep.count(where: { !$0 }) > 100 { context.prepareCards() }
        let pages = context
        clock.lap("compare")

        let failures = parallelMap(Array(zip(jobs, keep))) { item -> OutputError? in
            let (job, kept) = item
            do throws(OutputError) {
                if kept {
                    try output.keep(job.path)
                    return nil
                }
                switch job.job {
                case .page(let page): try output.write(job.path, prepared.templates.render(page.template, page.values(pages)))
                case .file(let file): try output.write(job.path, file.make(site))
                case .asset(let path, let bytes): try output.write(path, bytes)
                }
                return nil
            } catch {
                return error
            }
        }
        clock.lap("render and write pages")
        if let failure = failures.compactMap({ $0 }).first {
            output.discard()
            throw failure
        }
        try output.commit()
        clock.lap("commit")
        if let cache {
            var pages: [String: PageRecord] = [:]
            for job in jobs {
                guard let stamp = output.stamp(of: job.path) else { continue }
                pages[job.path] = PageRecord(version: job.version, size: stamp.size, seconds: stamp.seconds, nanoseconds: stamp.nanoseconds)
            }
            cache.pages = pages
            cache.notes = prepared.records
            cache.changedNotes = prepared.changedNotes
        }
        return WriteResult(files: jobs.count, rendered: keep.count { !$0 })
    }

    /// A stamp of every input file (names, sizes, times) and of the options, or nil when the file system
    /// keeps no times: when it equals the last build's, nothing needs to be read.
    func inputStamp() -> UInt64? {
        var hasher = StableHasher()
        hasher.combine(options.strict)
        for folder in [options.contentFolder, options.templatesFolder] {
            hasher.combine(folder)
            var files: [String] = []
            func walk(_ relative: String) {
                let path = relative.isEmpty ? folder : folder + "/" + relative
                for item in ((try? fileSystem.listDirectory(path)) ?? nil) ?? [] where !item.name.hasPrefix(".") {
                    let child = relative.isEmpty ? item.name : relative + "/" + item.name
                    if item.kind == .directory { walk(child) } else { files.append(child) }
                }
            }
            walk("")
            for file in files.sorted() {
                guard let stamp = fileSystem.stamp(of: folder + "/" + file) else { return nil }
                hasher.combine(file)
                hasher.combine(stamp.size)
                hasher.combine(stamp.seconds)
                hasher.combine(stamp.nanoseconds)
            }
        }
        return hasher.value
    }

    /// Checks and writes the site; nil when it stopped, with the reasons in `log`.
    public func build(into output: any SiteOutput, log: DiagnosticLog, cache: BuildCache? = nil) throws(OutputError) -> BuildSummary? {
        let start = Self.now()
        let stamp = cache == nil ? nil : inputStamp()
        if let cache, let stamp, stamp == cache.inputStamp, !cache.hadWarnings, cache.counts.count == 5, output.holdsExactly(cache.pages) {
            // No input file changed since a build that left this very site: there is nothing to do.
            output.discard()
            let counts = cache.counts
            return BuildSummary(
                entries: counts[0], topics: counts[1], sources: counts[2], facts: counts[3], pages: counts[4],
                files: cache.pages.count, rendered: 0, seconds: Self.now() - start, warnings: 0, notes: [])
        }
        guard let prepared = prepare(log: log, cache: cache) else {
            output.discard()
            return nil
        }
        let result = try write(prepared, to: output, cache: cache)
        let content = prepared.site.content
        if let cache {
            cache.inputStamp = stamp ?? 0
            cache.hadWarnings = log.warningCount > 0
            cache.counts = [content.entries.count, content.topics.count, content.sources.count, content.facts.count, content.pages.count]
        }
        var notes: [String] = []
        if content.settings.baseURL == nil {
            notes.append("site.yaml has no base_url, so there is no sitemap.xml, and the feed, canonical and Open Graph addresses are relative")
        }
        return BuildSummary(
            entries: content.entries.count, topics: content.topics.count, sources: content.sources.count,
            facts: content.facts.count, pages: content.pages.count, files: result.files, rendered: result.rendered,
            seconds: Self.now() - start, warnings: log.warningCount, notes: notes)
    }

    /// Seconds on a monotonic clock, for timing only; never written into the site.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Times the stages of a build when `TIMELINE_TIMINGS` is set, for profiling; prints to standard error.
struct StageClock {
    static let enabled = getenv("TIMELINE_TIMINGS") != nil
    var last = SiteBuilder.now()
    var laps: [(String, Double)] = []

    var memory: [Int] = []

    mutating func lap(_ name: String) {
        guard Self.enabled else { return }
        let now = SiteBuilder.now()
        laps.append((name, now - last))
        memory.append(Self.residentMegabytes())
        last = now
    }

    /// The process's resident memory now, in megabytes, from /proc.
    static func residentMegabytes() -> Int {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, 255) }
        guard count > 0 else { return 0 }
        let fields = String(decoding: buffer[..<count], as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    func report() {
        guard Self.enabled else { return }
        let text = zip(laps, memory).map { "timing: \($0.0.0): \(Int(($0.0.1 * 1000).rounded())) ms, \($0.1) MB resident\n" }.joined()
        _ = text.withCString { write(2, $0, strlen($0)) }
    }
}
