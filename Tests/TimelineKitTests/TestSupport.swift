import Foundation
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The repository's root folder.
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let templates = repository + "/Templates"
    static let fixtures = repository + "/Tests/TimelineKitTests/Fixtures"
    static let exampleContent = fixtures + "/example/Content"

    /// A memory file system holding the given content files; builds use the built-in theme.
    static func memorySite(_ files: [String: String]) -> MemoryFileSystem {
        MemoryFileSystem(files: files)
    }

    /// Every file under a folder on disk, by path relative to it.
    static func files(under folder: String) -> [(String, [UInt8])] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [(String, [UInt8])] = []
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result.append((relative, Array(FileManager.default.contents(atPath: path) ?? Data())))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// A small valid site, as content files, that tests change one file of to provoke one problem.
    static let minimalSite: [String: String] = [
        "Content/site.yaml": """
            title: Test site
            description: A site for tests.
            language: en

            """,
        "Content/sources.yaml": """
            - id: paper
              title: A paper
              publisher: A publisher
              date: 2024-06

            """,
        "Content/entries/event.md": """
            ---
            title: An event
            date: 2024-06-01
            ---

            Something happened [@paper].

            """,
    ]

    /// Builds a site held in memory; returns the output and the log.
    static func build(_ files: [String: String], strict: Bool = false, drafts: Bool = false) -> (MemoryOutput, DiagnosticLog, BuildSummary?) {
        let fileSystem = memorySite(files)
        let builder = SiteBuilder(options: BuildOptions(strict: strict, drafts: drafts), fileSystem: fileSystem)
        let log = DiagnosticLog()
        let output = MemoryOutput()
        let summary = try? builder.build(into: output, log: log)
        return (output, log, summary ?? nil)
    }

    /// The diagnostics of building a site, as printed.
    static func diagnostics(_ files: [String: String], strict: Bool = false) -> [String] {
        build(files, strict: strict).1.diagnostics.map(\.description)
    }

    /// The minimal site with some files replaced or added.
    /// The content of a folder read, every body rendered, and the site linked, as a build does before it checks.
    static func linkedSite(_ content: String) -> Site? {
        let log = DiagnosticLog()
        guard let read = ContentReader(fileSystem: LocalFileSystem(), folder: content).read(log: log).content else { return nil }
        let index = SiteIndex(content: read, assets: [])
        let bodies = read.entries.map { ($0.info, $0.body) } + read.topics.map { ($0.info, $0.body) } + read.pages.map { ($0.info, $0.body) }
        return Site(content: read, index: index, rendered: bodies.map { NoteLinker.render($1, note: $0, index: index).note })
    }

    static func minimalSite(with changes: [String: String]) -> [String: String] {
        minimalSite.merging(changes) { _, new in new }
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "timeline-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Diagnostic ids written as text in tests, as the README and the messages show them; an id that is no
/// case of ``DiagnosticID`` stops the test run.
extension DiagnosticID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let id = DiagnosticID(rawValue: value) else { fatalError("no diagnostic has the id '\(value)'") }
        self = id
    }
}

/// A seeded source of numbers, so that tests of many generated inputs give the same inputs on every run.
struct SeededNumbers {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number from 0 up to, not including, `bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    /// `count` texts, each `pieces` of `pieces` one after another.
    mutating func texts(_ count: Int, of pieces: [String], length: Int) -> [String] {
        (0..<count).map { _ in (0..<length).map { _ in pieces[next(pieces.count)] }.joined() }
    }
}
