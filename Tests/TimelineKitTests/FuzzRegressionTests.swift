import Foundation
import Testing
@testable import TimelineKit

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
        let file = SourceText(path: "Content/entries/event.md", bytes: ContentReader.unixLineEndings(raw))
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
}
