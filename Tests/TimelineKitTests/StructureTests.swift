import Foundation
import Testing

/// The code keeps the shape docs/architecture.md describes: each target imports only the targets below it,
/// as its diagram draws them, and the sources hold no untyped values, no forced casts, no long files and few
/// unchecked sendables.
@Suite struct StructureTests {
    /// The library's targets from the bottom up (the theme, data alone, first), with the test-only target beside them.
    static let layers = ["TimelineTheme", "TimelineCore", "TimelineMedia", "TimelineContent", "TimelineMarkdown", "TimelineSite", "TimelineBuild"]
    static let sources = TestSupport.repository + "/Sources"

    /// Every Swift file under a folder of `Sources/`, with its text.
    static func files(in target: String) -> [(path: String, text: String)] {
        TestSupport.files(under: sources + "/" + target).filter { $0.0.hasSuffix(".swift") }
            .map { ("\(target)/\($0.0)", String(decoding: $0.1, as: UTF8.self)) }
    }

    static func imports(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard let index = words.firstIndex(of: "import"), index + 1 < words.count, words[..<index].allSatisfy({ $0.hasPrefix("@") }) else { return nil }
            return String(words[index + 1])
        })
    }

    @Test func eachLayerImportsOnlyTheLayersBelowIt() {
        for (position, layer) in Self.layers.enumerated() {
            let allowed = Set(Self.layers[..<position])
            for file in Self.files(in: layer) {
                let used = Self.imports(file.text).filter { $0.hasPrefix("Timeline") }
                #expect(used.isSubset(of: allowed), "\(file.path) imports \(used.subtracting(allowed).sorted())")
            }
        }
        // Nothing but tests uses the in-memory file system and output.
        for target in Self.layers + ["TimelinePreview", "timeline"] {
            for file in Self.files(in: target) {
                #expect(!Self.imports(file.text).contains("TimelineTesting"), "\(file.path)")
                #expect(!file.text.contains("MemoryFileSystem") && !file.text.contains("MemoryOutput"), "\(file.path)")
            }
        }
        // The one file that calls libcmark.
        let cmark = (Self.layers + ["TimelinePreview", "timeline"]).flatMap(Self.files).filter { Self.imports($0.text).contains("CCMark") }
        #expect(cmark.map(\.path) == ["TimelineMarkdown/CommonMarkRenderer.swift"])
        // The one file that calls libvips.
        let vips = (Self.layers + ["TimelinePreview", "timeline"]).flatMap(Self.files).filter { Self.imports($0.text).contains("CVips") }
        #expect(vips.map(\.path) == ["TimelineMedia/VipsImage.swift"])
    }

    /// The diagram of docs/architecture.md names every Swift target of `Sources/`, one a line, and the layers
    /// from the top down.
    @Test func theArchitectureDiagramNamesEveryTargetInItsPlace() throws {
        let text = try String(contentsOfFile: TestSupport.repository + "/docs/architecture.md", encoding: .utf8)
        let diagram = try #require(text.components(separatedBy: "```\n").dropFirst().first, "docs/architecture.md has no diagram")
        let named = diagram.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        let targets = try FileManager.default.contentsOfDirectory(atPath: Self.sources).filter { !Self.files(in: $0).isEmpty }
        #expect(named.sorted() == targets.sorted())
        #expect(named.filter(Self.layers.contains) == Self.layers.reversed())
    }

    @Test func sourcesHoldNoUntypedValuesForcedCastsOrLongFiles() {
        let all = (Self.layers + ["TimelineTesting", "TimelinePreview", "timeline"]).flatMap(Self.files)
        #expect(all.count > 60)
        for file in all {
            #expect(!file.text.contains("[String: Any]"), "\(file.path)")
            #expect(!file.text.contains(" as! "), "\(file.path)")
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(lines <= 400, "\(file.path) has \(lines) lines")
        }
        let unchecked = all.flatMap { file in
            file.text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
                .filter { $0.contains("@unchecked Sendable") || $0.contains("nonisolated(unsafe)") }.map { "\(file.path): \($0)" }
        }
        #expect(unchecked.count <= 2, "\(unchecked)")
    }
}
