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
    }

    /// Reads and checks everything without writing; nil when the build must stop.
    public func prepare(log: DiagnosticLog) -> PreparedSite? {
        var clock = StageClock()
        defer { clock.report() }
        let templates = TemplateSet.load(fileSystem: fileSystem, folder: options.templatesFolder, limits: options.limits, log: log)
        let reader = ContentReader(fileSystem: fileSystem, folder: options.contentFolder, limits: options.limits)
        clock.lap("templates")
        guard let content = reader.read(log: log) else { return nil }
        clock.lap("read")
        let index = SiteIndex(content: content, assets: templates?.assets.map(\.path) ?? [])
        clock.lap("index")

        let bodies: [(NoteInfo, MarkdownBody)] =
            content.entries.map { (NoteInfo(kind: .entry, id: $0.id, title: $0.title), $0.body) }
            + content.topics.map { (NoteInfo(kind: .topic, id: $0.id, title: $0.title), $0.body) }
            + content.pages.map { (NoteInfo(kind: .page, id: $0.id, title: $0.title), $0.body) }
        let rendered = parallelMap(bodies) { info, body in
            let (note, diagnostics) = NoteLinker.render(body, note: info, index: index)
            log.report(contentsOf: diagnostics)
            return note
        }
        clock.lap("render bodies")
        let site = Site(content: content, index: index, rendered: rendered)
        clock.lap("link")
        site.runChecks(log: log)
        clock.lap("check")
        guard let templates, !log.hasFailures(strict: options.strict) else { return nil }
        return PreparedSite(site: site, templates: templates)
    }

    /// Renders every page of a prepared site and writes the site; returns the number of files.
    public func write(_ prepared: PreparedSite, to output: any SiteOutput) throws(OutputError) -> Int {
        var clock = StageClock()
        defer { clock.report() }
        let site = prepared.site
        let stylesheet = prepared.templates.assets.first { $0.path == "assets/style.css" }.map { String(decoding: $0.bytes, as: UTF8.self) }
        let context = PageContext(site: site, stylesheet: stylesheet ?? "")
        let plan = PlannedPage.all(for: site)
        let generated = GeneratedFile.all(baseURL: site.index.settings.baseURL)
        // Templated pages and generated files are written in one parallel pass.
        let jobs: [Either<PlannedPage, GeneratedFile>] = plan.map(Either.first) + generated.map(Either.second)
        let failures = parallelMap(jobs) { job -> OutputError? in
            let path: String, bytes: [UInt8]
            switch job {
            case .first(let page):
                path = page.path(in: site)
                bytes = prepared.templates.render(page.template, page.values(context))
            case .second(let file):
                path = file.path
                bytes = file.make(site)
            }
            do throws(OutputError) {
                try output.write(path, bytes)
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
        for asset in prepared.templates.assets {
            do throws(OutputError) {
                try output.write(asset.path, asset.bytes)
            } catch {
                output.discard()
                throw error
            }
        }
        try output.commit()
        clock.lap("commit")
        return jobs.count + prepared.templates.assets.count
    }

    /// Checks and writes the site; nil when it stopped, with the reasons in `log`.
    public func build(into output: any SiteOutput, log: DiagnosticLog) throws(OutputError) -> BuildSummary? {
        let start = Self.now()
        guard let prepared = prepare(log: log) else {
            output.discard()
            return nil
        }
        let files = try write(prepared, to: output)
        let content = prepared.site.content
        var notes: [String] = []
        if content.settings.baseURL == nil {
            notes.append("site.yaml has no base_url, so there is no sitemap.xml, and the feed, canonical and Open Graph addresses are relative")
        }
        return BuildSummary(
            entries: content.entries.count, topics: content.topics.count, sources: content.sources.count,
            facts: content.facts.count, pages: content.pages.count, files: files, seconds: Self.now() - start,
            warnings: log.warningCount, notes: notes)
    }

    /// Seconds on a monotonic clock, for timing only; never written into the site.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// One of two kinds of work.
enum Either<First, Second> {
    case first(First)
    case second(Second)
}

/// Times the stages of a build when `TIMELINE_TIMINGS` is set, for profiling; prints to standard error.
struct StageClock {
    static let enabled = getenv("TIMELINE_TIMINGS") != nil
    var last = SiteBuilder.now()
    var laps: [(String, Double)] = []

    mutating func lap(_ name: String) {
        guard Self.enabled else { return }
        let now = SiteBuilder.now()
        laps.append((name, now - last))
        last = now
    }

    func report() {
        guard Self.enabled else { return }
        let text = laps.map { "timing: \($0.0): \(Int(($0.1 * 1000).rounded())) ms\n" }.joined()
        _ = text.withCString { write(2, $0, strlen($0)) }
    }
}
