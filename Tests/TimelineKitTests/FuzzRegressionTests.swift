import Foundation
import Testing
@testable import TimelineKit

/// Inputs the fuzz targets in `Fuzz/` found crashes with, kept in `Fixtures/fuzz-regressions/` and run
/// through the same code as the target that found them.
@Suite struct FuzzRegressionTests {
    static let folder = TestSupport.fixtures + "/fuzz-regressions"

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try #require(FileManager.default.contents(atPath: folder + "/" + name)))
    }

    /// `frontmatter` target: fields given twice in front matter with Windows line endings (the first in
    /// alphabetical order is reported, as Yams sorts them). Finding the
    /// second occurrence split the text into Characters, where "\r\n" is one, found one line, and
    /// crashed on a range from line 3 to line 1.
    @Test func duplicateKeyWithWindowsLineEndings() throws {
        let file = SourceText(path: "Content/entries/event.md", bytes: try Self.bytes("frontmatter-duplicate-key-crlf.md"))
        guard case .success(let parts) = FrontMatter.split(file) else { Issue.record("front matter not found"); return }
        let log = DiagnosticLog()
        let document = YAMLDocument(file: file, range: parts.yaml, firstLine: parts.yamlFirstLine)
        #expect(document.root(log: log) == nil)
        #expect(log.diagnostics.map(\.description) == [
            "Content/entries/event.md:6:1: error: field 'date' is given twice [yaml-duplicate-key]\nContent/entries/event.md:3:1: note: first given here",
        ])
    }
}
