import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// Hostile and broken input, one fixture per case in `Fixtures/bad-input/`.
///
/// Each case in `cases/` breaks a copy of the small valid site in `site/` in one way: its files replace the
/// site's, and a few cases that git cannot hold (a pipe, a symbolic link, a 50 MB file, file names that
/// differ only in case or normalisation) are made by ``BadInputTests/setUp(_:in:)``. `about.txt` says what
/// the case is, and `expected.txt` is the exact standard error of `timeline build` (`$ROOT` stands for the
/// project folder). After a first good build into `Public/`, each case's build must exit with status 1, not
/// crash, print exactly the expected diagnostics, and leave `Public/` byte for byte and inode for inode as
/// it was. Cases in `works/` must build, and give the same site as the untouched one.
///
/// To record `expected.txt` after a deliberate change of message, run the suite with `RECORD_BAD_INPUT=1`
/// and review the diff.
@Suite struct BadInputTests {
    static let fixtures = TestSupport.fixtures + "/bad-input"
    static let cases = folders(in: fixtures + "/cases")
    static let working = folders(in: fixtures + "/works")

    static func folders(in path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// A new project folder: a copy of the small site's content and of the repository's templates.
    static func project() throws -> String {
        let root = TestSupport.temporaryFolder()
        try FileManager.default.copyContents(of: fixtures + "/site/Content", to: root + "/Content")
        try FileManager.default.copyContents(of: TestSupport.templates, to: root + "/Templates")
        return root
    }

    /// Makes what a case needs that cannot be kept as files in git.
    static func setUp(_ name: String, in root: String) throws {
        let content = root + "/Content"
        switch name {
        case "file-too-large":
            try sparseFile(content + "/entries/big.md", size: 50_000_000)
        case "data-file-too-large":
            try sparseFile(content + "/facts.yaml", size: 80_000_000)
        case "file-name-unicode-twins":
            let topic = Array("---\ntitle: Café\nkind: place\n---\n\nA café [@paper].\n".utf8)
            // Written through the C library, which takes the names' bytes as they are: no normalisation.
            for name in ["caf\u{E9}.md", "cafe\u{301}.md"] {
                let fd = open(content + "/topics/" + name, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
                precondition(fd >= 0)
                _ = topic.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
            }
        case "ids-differing-in-case":
            try FileManager.default.copyItem(atPath: content + "/topics/harbour.md", toPath: content + "/topics/Harbour.md")
        case "symlink-file-outside":
            try FileManager.default.createSymbolicLink(atPath: content + "/entries/leak.md", withDestinationPath: "/etc/passwd")
        case "symlink-folder-outside":
            let outside = root + "/outside"
            try FileManager.default.moveItem(atPath: content + "/pages", toPath: outside)
            try FileManager.default.createSymbolicLink(atPath: content + "/pages", withDestinationPath: outside)
        case "unreadable-file":
            // Stands for any note that cannot be read. Tests run as root, where `chmod 000` does not stop
            // reading, so a named pipe takes its place: reading it would block forever, so it must be refused
            // unread. `aFileWithoutReadPermission` covers permissions when the tests run as another user.
            precondition(mkfifo(content + "/entries/pipe.md", 0o644) == 0)
        case "unreadable-data-file":
            try FileManager.default.removeItem(atPath: content + "/site.yaml")
            precondition(mkfifo(content + "/site.yaml", 0o644) == 0)
            try FileManager.default.removeItem(atPath: content + "/sources.yaml")
            try FileManager.default.createDirectory(atPath: content + "/sources.yaml", withIntermediateDirectories: false)
        case "template-is-a-pipe":
            precondition(mkfifo(root + "/Templates/partials/pipe.mustache", 0o644) == 0)
        case "template-nested-too-deep":
            let deep = String(repeating: "{{#site}}", count: 30_000)
            try deep.write(toFile: root + "/Templates/partials/deep.mustache", atomically: true, encoding: .utf8)
        case "missing-sources-file":
            try FileManager.default.removeItem(atPath: content + "/sources.yaml")
        default:
            break
        }
    }

    /// Cases whose input is made by ``setUp(_:in:)`` rather than held in files, which a memory file system cannot hold.
    static let madeOnDisk: Set<String> = [
        "file-too-large", "data-file-too-large", "file-name-unicode-twins", "ids-differing-in-case", "symlink-file-outside",
        "symlink-folder-outside", "unreadable-file", "unreadable-data-file", "template-is-a-pipe",
    ]

    /// A file of `size` bytes that takes no room on disk: a hole, read as NUL bytes.
    static func sparseFile(_ path: String, size: Int) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        precondition(truncate(path, off_t(size)) == 0)
    }

    /// Applies a case to a project: its files over the site's, then what it makes.
    static func apply(_ name: String, to root: String) throws {
        let folder = fixtures + "/cases/" + name
        for top in ["Content", "Templates"] where FileManager.default.fileExists(atPath: folder + "/" + top) {
            try FileManager.default.copyContents(of: folder + "/" + top, to: root + "/" + top)
        }
        try setUp(name, in: root)
    }

    static func stagingLeftovers(_ root: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/.Public.timeline")) ?? []).filter { $0.hasPrefix("staging-") }
    }

    @Test(arguments: cases) func aBadInputStopsTheBuildWithItsDiagnostic(_ name: String) throws {
        let folder = Self.fixtures + "/cases/" + name
        #expect(FileManager.default.fileExists(atPath: folder + "/about.txt"), "each case says what it is in about.txt")
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try Timeline.run(["build", "--strict"], in: root)
        try #require(first.status == 0, "the small site builds: \(first.errors)")
        let before = FolderSnapshot(root + "/Public")

        try Self.apply(name, to: root)
        let build = try Timeline.run(["build"], in: root, timeout: 60)
        #expect(!build.signalled, "the build crashed or hung")
        // Refusals are quick: an alias bomb is not expanded, a large file is not read, a pipe does not block.
        #expect(build.seconds < 15, "the build took \(build.seconds) s")
        #expect(build.status == 1)
        #expect(build.output == "")
        let shown = build.errors.replacingOccurrences(of: root, with: "$ROOT")
        if ProcessInfo.processInfo.environment["RECORD_BAD_INPUT"] != nil {
            try shown.write(toFile: folder + "/expected.txt", atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: folder + "/expected.txt", encoding: .utf8)
        #expect(shown == expected)
        #expect(expected.hasSuffix("build failed; 'Public' was left as it was\n"))
        let after = FolderSnapshot(root + "/Public")
        #expect(after == before, "Public/ changed: \(after.differences(from: before))")
        #expect(Self.stagingLeftovers(root) == [])

        // `check` reports the same, without the last line.
        let check = try Timeline.run(["check"], in: root, timeout: 60)
        #expect(!check.signalled && check.status == 1)
        #expect(check.errors.replacingOccurrences(of: root, with: "$ROOT") + "build failed; 'Public' was left as it was\n" == expected)

        // The library reports the same from memory, and commits nothing.
        guard !Self.madeOnDisk.contains(name) else { return }
        let fileSystem = MemoryFileSystem()
        for top in ["Content", "Templates"] {
            for (relative, bytes) in TestSupport.files(under: root + "/" + top) { fileSystem.write(top + "/" + relative, bytes: bytes) }
        }
        let log = DiagnosticLog()
        let output = MemoryOutput()
        let summary = try SiteBuilder(options: BuildOptions(), fileSystem: fileSystem).build(into: output, log: log)
        #expect(summary == nil)
        #expect(output.files.isEmpty)
        let lines = expected.split(separator: "\n", omittingEmptySubsequences: false).dropLast(3)
        #expect(log.diagnostics.map(\.description) == Self.diagnostics(in: Array(lines)))
    }

    /// Printed diagnostics, each with its note lines.
    static func diagnostics(in lines: [Substring]) -> [String] {
        var result: [String] = []
        for line in lines {
            if line.contains(": note: ") || line.hasPrefix("note: "), !result.isEmpty {
                result[result.count - 1] += "\n" + line
            } else {
                result.append(String(line))
            }
        }
        return result
    }

    @Test(arguments: working) func inputThatMustWorkBuildsTheSameSite(_ name: String) throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reference = try Timeline.run(["build", "--strict", "--output", "Reference"], in: root)
        try #require(reference.status == 0, "\(reference.errors)")
        try FileManager.default.removeItem(atPath: root + "/Content")
        try FileManager.default.copyContents(of: Self.fixtures + "/works/" + name + "/Content", to: root + "/Content")
        let build = try Timeline.run(["build", "--strict"], in: root)
        #expect(!build.signalled && build.status == 0, "\(build.errors)")
        #expect(build.errors == "")
        #expect(build.output.hasPrefix("Built Public: 2 entries, 1 topic, 2 sources, 1 fact, 1 page: "))
        let built = FolderSnapshot(root + "/Public").files, expected = FolderSnapshot(root + "/Reference").files
        #expect(built.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected { #expect(built[path] == bytes, "\(path) differs from the site built from LF files without a byte-order mark") }
        let page = String(decoding: built["entries/event.html"] ?? [], as: UTF8.self)
        #expect(page.contains("An event</h1>") && page.contains("Something happened at the"))
        #expect(!page.contains("\r") && !page.contains("\u{FEFF}"))
    }

    /// As root, a file without read permission can still be read, so this runs only for other users.
    @Test(.enabled(if: getuid() != 0)) func aFileWithoutReadPermission() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try Timeline.run(["build"], in: root).status == 0)
        let before = FolderSnapshot(root + "/Public")
        chmod(root + "/Content/topics/harbour.md", 0)
        let build = try Timeline.run(["build"], in: root)
        #expect(build.status == 1)
        #expect(build.errors.hasPrefix("Content/topics/harbour.md: error: cannot read file: permission denied [unreadable-file]\n"))
        #expect(FolderSnapshot(root + "/Public") == before)
    }

    /// Brackets inside text and the lines of block scalars are not nesting: 40 sources with an unclosed
    /// bracket in their title and indented text in a note are not "nested too deep".
    @Test func bracketsInTextAreNotNesting() {
        var sources = ""
        for number in 0..<40 {
            sources += "- id: s\(number)\n  title: Report [draft \(number)\n  note: |\n    [a\n      [b {\n  date: 2024\n"
        }
        let (_, log, summary) = TestSupport.build(TestSupport.minimalSite(with: ["Content/sources.yaml": "- id: paper\n  date: 2024\n" + sources]))
        #expect(summary != nil)
        #expect(!log.diagnostics.contains { $0.id == "yaml-too-deep" })
    }

    /// `&` and `*` inside text are not anchors or aliases, which are refused before YAML is parsed.
    @Test func ampersandsAndAsterisksInTextAreNotAliases() {
        let sources = "- id: paper\n  title: R&D spending, 5 * 3 = 15 & more\n  publisher: \"*Starred*\"\n  note: |\n    *a &b\n  date: 2024\n"
        let (output, log, summary) = TestSupport.build(TestSupport.minimalSite(with: ["Content/sources.yaml": sources]), strict: true)
        #expect(summary != nil, "\(log.diagnostics)")
        #expect(output.text("sources/paper.html")?.contains("R&amp;D spending, 5 * 3 = 15 &amp; more") == true)
    }

    /// The bounds of `Limits` that the command line cannot reach in a test's time, from memory with lower limits.
    @Test func limitsOnFilesAndTotalSizeStopTheBuild() throws {
        var limits = Limits()
        limits.notesPerFolder = 3
        var files = TestSupport.minimalSite
        for number in 1...4 { files["Content/topics/topic-\(number).md"] = "---\ntitle: T\nkind: theme\n---\nText [@paper].\n" }
        let fileSystem = TestSupport.memorySite(files)
        var log = DiagnosticLog()
        #expect(try SiteBuilder(options: BuildOptions(limits: limits), fileSystem: fileSystem).build(into: MemoryOutput(), log: log) == nil)
        #expect(log.diagnostics.map(\.description) == [
            "Content/topics: error: folder has 4 files, over the limit of 3 [too-many-files]",
        ])

        limits = Limits()
        limits.contentSize = 300
        log = DiagnosticLog()
        #expect(try SiteBuilder(options: BuildOptions(limits: limits), fileSystem: fileSystem).build(into: MemoryOutput(), log: log) == nil)
        #expect(log.diagnostics.map(\.description) == [
            "Content: error: the content's files add up to more than the limit of 300 bytes [content-too-large]",
        ])

        limits = Limits()
        limits.referencesPerNote = 2
        limits.yamlDepth = 2
        fileSystem.write("Content/entries/event.md", "---\ntitle: E\ndate: 2024\n---\nA [@paper], [[topic-1]] and [@paper, p. 2].\n")
        fileSystem.write("Content/topics/topic-1.md", "---\ntitle: T\nkind: theme\nsources: [[paper]]\n---\nText [@paper].\n")
        log = DiagnosticLog()
        #expect(try SiteBuilder(options: BuildOptions(limits: limits), fileSystem: fileSystem).build(into: MemoryOutput(), log: log) == nil)
        #expect(log.diagnostics.map(\.description) == [
            "Content/entries/event.md:5:29: error: a note has at most 2 citations and [[...]] links; split this one [too-many-references]",
            "Content/topics/topic-1.md:4:11: error: YAML is nested more than 2 levels deep [yaml-too-deep]",
        ])
    }

    /// The place of the reference past the limit is the one a count byte by byte finds, in slices of any start.
    @Test func theReferencePastTheLimitIsFoundWhereItStarts() {
        var generator = SeededGenerator(state: 12)
        let pieces: [[UInt8]] = [Array("[".utf8), Array("@".utf8), Array("[[".utf8), Array("[@".utf8), Array("a ".utf8), Array("]".utf8), Array("é".utf8)]
        func counted(_ number: Int, _ body: ArraySlice<UInt8>) -> Int? {
            var count = 0, index = body.startIndex
            while index + 1 < body.endIndex {
                if body[index] == UInt8(ascii: "["), body[index + 1] == UInt8(ascii: "@") || body[index + 1] == UInt8(ascii: "[") {
                    count += 1
                    if count == number { return index }
                    index += 2
                } else {
                    index += 1
                }
            }
            return nil
        }
        var found = 0
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...30, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let start = Int.random(in: 0...bytes.count, using: &generator)
            let number = Int.random(in: 1...6, using: &generator)
            let expected = counted(number, bytes[start...])
            #expect(NoteReader.referenceStart(number: number, in: bytes[start...]) == expected, "\(bytes) from \(start), number \(number)")
            if expected != nil { found += 1 }
        }
        #expect(found > 1_000)
    }
}
