import Foundation
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// Inputs the fuzz targets in `Fuzz/` found failures with, kept in `Fixtures/fuzz-regressions/` and run
/// through the same code, with the same checks, as the target that found them.
@Suite struct FuzzRegressionTests {
    static let folder = TestSupport.fixtures + "/fuzz-regressions"

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try #require(FileManager.default.contents(atPath: folder + "/" + name)))
    }

    /// Whether every diagnostic about `file` points at a line it has, and at a column of that line or just after it.
    static func placesAreInTheFile(_ diagnostics: [Diagnostic], _ file: SourceText) -> Bool {
        diagnostics.allSatisfy { diagnostic in
            guard diagnostic.location.path == file.path, diagnostic.location.line > 0 else { return true }
            guard diagnostic.location.line <= file.lineStarts.count else { return false }
            let length = SourceText.scalarCount(file.bytes[file.lineRange(diagnostic.location.line)])
            return diagnostic.location.column >= 1 && diagnostic.location.column <= length + 1
        }
    }

    /// The `frontmatter` target's work: split a note, read its front matter.
    static func readFrontMatter(_ file: SourceText) -> DiagnosticLog {
        let log = DiagnosticLog()
        switch FrontMatter.split(file) {
        case .failure(let diagnostic): log.report(diagnostic)
        case .success(let parts): _ = YAMLDocument(file: file, range: parts.yaml, firstLine: parts.yamlFirstLine).root(log: log)
        }
        return log
    }

    /// `frontmatter` target: fields given twice in front matter with Windows line endings (the first in
    /// alphabetical order is reported, as Yams sorts them). Finding the second occurrence split the text
    /// into Characters, where "\r\n" is one, found one line, and crashed on a range from line 3 to line 1.
    @Test func duplicateKeyWithWindowsLineEndings() throws {
        let file = SourceText(path: "Content/entries/event.md", bytes: try Self.bytes("frontmatter-duplicate-key-crlf.md"))
        #expect(Self.readFrontMatter(file).diagnostics.map(\.description) == [
            "Content/entries/event.md:6:1: error: field 'date' is given twice [yaml-duplicate-key]\nContent/entries/event.md:3:1: note: first given here",
        ])
    }

    /// `frontmatter` target: a title followed by a run of lone carriage returns, which libyaml counts as line
    /// breaks. Read as the reader passes it on (CR as LF), every diagnostic is at a place of the file.
    @Test func loneCarriageReturns() throws {
        let raw = try Self.bytes("frontmatter-lone-carriage-returns.md")
        _ = Self.readFrontMatter(SourceText(path: "Content/entries/event.md", bytes: raw))
        let file = SourceText(path: "Content/entries/event.md", bytes: ContentFiles.unixLineEndings(raw))
        let log = Self.readFrontMatter(file)
        #expect(!log.diagnostics.isEmpty)
        #expect(Self.placesAreInTheFile(log.diagnostics, file), "\(log.diagnostics)")
    }

    /// `note` target: sources.yaml ending in the middle of YAML, without a line break. libyaml places the
    /// error on the line after the last, which the file does not have; it is now at the end of the last line.
    @Test func yamlErrorAtTheEndOfAFileWithoutLineBreak() throws {
        let bytes = Array(try Self.bytes("note-yaml-error-at-end-without-line-break").dropFirst())
        let fileSystem = TestSupport.memorySite(TestSupport.minimalSite)
        fileSystem.write("Content/sources.yaml", bytes: bytes)
        let log = DiagnosticLog()
        _ = ContentReader(fileSystem: fileSystem, folder: "Content").read(log: log)
        #expect(log.diagnostics.map(\.description) == [
            "Content/sources.yaml:10:10: error: invalid YAML: could not find expected ':' [yaml-syntax]\nContent/sources.yaml:10:1: note: while scanning a simple key",
        ])
        #expect(Self.placesAreInTheFile(log.diagnostics, SourceText(path: "Content/sources.yaml", bytes: bytes)))
    }

    /// The `note` target's work: a content folder with one more note, read, and every note rendered.
    static func readAndRender(_ path: String, _ bytes: [UInt8]) -> [Diagnostic] {
        let fileSystem = MemoryFileSystem(files: TestSupport.minimalSite)
        fileSystem.write(path, bytes: bytes)
        let log = DiagnosticLog()
        guard let content = ContentReader(fileSystem: fileSystem, folder: "Content").read(log: log).content else { return log.diagnostics }
        let index = SiteIndex(content: content, assets: [])
        let notes = content.entries.map { ($0.info, $0.body) } + content.topics.map { ($0.info, $0.body) }
            + content.pages.map { ($0.info, $0.body) }
        for (info, body) in notes {
            log.report(contentsOf: NoteLinker.render(body, note: info, index: index).diagnostics)
        }
        return log.diagnostics
    }

    /// The diagnostics about `file` that name a link, an image, an autolink, raw HTML or a `[[...]]` link but
    /// do not point at its first character, as the `note` target checks.
    static func misplacedConstructs(_ diagnostics: [Diagnostic], _ file: SourceText) -> [Diagnostic] {
        diagnostics.filter { diagnostic in
            guard diagnostic.location.path == file.path, diagnostic.location.line > 0,
                  diagnostic.location.line <= file.lineStarts.count else { return false }
            let opening: String
            switch diagnostic.id {
            case .brokenLink, .unsafeLink, .absoluteLink, .citationTakenAsLink: opening = "[!<"
            case .rawHTML: opening = "<"
            case .unknownLink, .referenceInLink: opening = "["
            default: return false
            }
            let characters = Array(String(decoding: file.bytes[file.lineRange(diagnostic.location.line)], as: UTF8.self).unicodeScalars)
            guard diagnostic.location.column <= characters.count else { return false }
            return !opening.unicodeScalars.contains(characters[diagnostic.location.column - 1])
        }
    }

    /// `note` target: pages whose paragraph has a hard line break written as a backslash, with `[[...]]` links
    /// or raw HTML lines below it: one after a line of text, one alone on a line of a list item after a soft
    /// break. libcmark does not count that break's line, so they were placed a line too early; every line
    /// after a backslash break is now counted, the break told from the line libcmark counts it is on.
    @Test(arguments: [
        ("note-lines-after-a-backslash-break",
         "Content/pages/fuzz.md:22:6: error: unknown entry, topic or page 'garry-conille' in [[garry-conille]] [unknown-link]"),
        ("note-backslash-alone-on-its-line",
         "Content/pages/fuzz.md:37:14: warning: raw HTML is left out of the page; set 'allow_html: true' in site.yaml to keep it [raw-html]"),
    ])
    func linesAfterABackslashBreak(fixture: String, expected: String) throws {
        let bytes = Array(try Self.bytes(fixture).dropFirst())
        let path = "Content/pages/fuzz.md"
        let diagnostics = Self.readAndRender(path, bytes)
        let file = SourceText(path: path, bytes: bytes)
        #expect(diagnostics.map(\.description).contains(expected), "\(diagnostics)")
        #expect(Self.misplacedConstructs(diagnostics, file).isEmpty, "\(Self.misplacedConstructs(diagnostics, file))")
        #expect(Self.placesAreInTheFile(diagnostics, file))
    }

    /// `note` target, two notes whose `[[...]]` links libcmark placed too early in their paragraph:
    /// - a topic whose paragraph has a link with its destination on the next line: libcmark does not count
    ///   the line breaks of a link's destination, which are now counted from the file's bytes;
    /// - an entry whose paragraph starts with a link reference definition (`[^1]: As…`): libcmark takes the
    ///   definition out and places what follows from the paragraph's first line, two lines too early and at
    ///   the wrong columns; the lines the definitions take are now counted by libcmark itself.
    @Test(arguments: [
        ("note-link-destination-on-the-next-line", "Content/topics/fuzz.md",
         "Content/topics/fuzz.md:46:2: error: unknown entry, topic or page 'unsc-renews-mandate' in [[unsc-renews-mandate]] [unknown-link]"),
        ("note-paragraph-after-a-reference-definition", "Content/entries/fuzz.md",
         "Content/entries/fuzz.md:18:43: error: unknown entry, topic or page 'coup-1991' in [[coup-1991]] [unknown-link]"),
    ])
    func linksPlacedTooEarlyInTheirParagraph(fixture: String, path: String, expected: String) throws {
        let bytes = Array(try Self.bytes(fixture).dropFirst())
        let diagnostics = Self.readAndRender(path, bytes)
        let file = SourceText(path: path, bytes: bytes)
        #expect(diagnostics.map(\.description).contains(expected), "\(diagnostics)")
        #expect(Self.misplacedConstructs(diagnostics, file).isEmpty, "\(Self.misplacedConstructs(diagnostics, file))")
        #expect(Self.placesAreInTheFile(diagnostics, file))
    }

    /// `note` target: a citation left open on one line, before a citation of two sources on the next. The
    /// first swallowed the second, and its second source was reported at a column past the end of the first
    /// line. A citation or link now ends where another one opens, and is reported as unclosed.
    @Test func citationSwallowingTheNext() throws {
        let bytes = Array(try Self.bytes("note-citation-swallowing-the-next").dropFirst())
        let diagnostics = Self.readAndRender("Content/entries/fuzz.md", bytes)
        let file = SourceText(path: "Content/entries/fuzz.md", bytes: bytes)
        #expect(diagnostics.contains { $0.id == "unclosed-citation" && $0.location.path == file.path && $0.location.line == 27 })
        #expect(Self.placesAreInTheFile(diagnostics, file), "\(diagnostics.filter { $0.location.path == file.path })")
    }

    /// `frontmatter` target: a date written as a folded block scalar (`date:` then `>` lines below). The
    /// error's column was the value's offset added to the `>` line, past its end; it now points at the value.
    @Test func dateInABlockScalar() throws {
        let file = SourceText(path: "Content/entries/event.md", bytes: try Self.bytes("frontmatter-date-in-block-scalar.md"))
        guard case .success(let parts) = FrontMatter.split(file) else { Issue.record("front matter not found"); return }
        let log = DiagnosticLog()
        let document = YAMLDocument(file: file, range: parts.yaml, firstLine: parts.yamlFirstLine)
        let fields = try #require(document.root(log: log).flatMap { FieldReader($0, in: document, subject: "entry", log: log) })
        #expect(fields.date("date") == nil)
        #expect(log.diagnostics.contains { $0.id == "invalid-date" })
        #expect(Self.placesAreInTheFile(log.diagnostics, file), "\(log.diagnostics)")
    }

    /// `note` target: a figure of a hundred digits. Showing it converted it to an integer, which overflowed
    /// and stopped the program; figures of 10^15 or more are now refused where they are written.
    @Test func figureTooLargeToShow() throws {
        let bytes = Array(try Self.bytes("note-figure-too-large-to-show").dropFirst())
        let diagnostics = Self.readAndRender("Content/facts.yaml", bytes)
        #expect(diagnostics.map(\.description).contains(
            "Content/facts.yaml:7:10: error: 'value' of fact 'count' is too large: figures are shown in full up to 999 trillion (less than 10^15) [invalid-number]"),
            "\(diagnostics)")
        #expect(Self.placesAreInTheFile(diagnostics, SourceText(path: "Content/facts.yaml", bytes: bytes)))
        // The largest figure accepted is shown in full, and a larger one, if it ever got through, without a trap.
        #expect(Fact.format(number: 999_999_999_999_999) == "999,999,999,999,999")
        #expect(!Fact.format(number: 1e100).isEmpty)
    }

    /// `note` target, a timeout: a site.yaml of nested aliases where one alias is used as a mapping key.
    /// Yams hashed the key to look for duplicates, visiting every string the aliases expand to, and never
    /// finished. Anchors and aliases are now refused before the text is parsed.
    @Test(.timeLimit(.minutes(1))) func aliasBombUsedAsAKey() throws {
        let bytes = Array(try Self.bytes("note-alias-bomb-as-key-timeout").dropFirst())
        let start = Date()
        let diagnostics = Self.readAndRender("Content/site.yaml", bytes)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(diagnostics.map(\.description) == [
            "Content/site.yaml:4:7: error: YAML anchors and aliases are not supported; write each value out [yaml-alias]",
        ])
    }
}
