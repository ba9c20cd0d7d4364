import Foundation
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
import TimelineTesting

/// The readings of `sources.yaml` and `facts.yaml` are taken from the last build while the files' bytes
/// (and, for facts, the settings) are the same, with what they reported, and read back from the cache
/// field by field.
@Suite struct DataReadingTests {
    static let files: [String: String] = TestSupport.minimalSite(with: [
        "Content/sources.yaml": """
            - id: paper
              title: A paper
              colour: red
              date: 2024-06
            - id: undated
              title: No date

            """,
        "Content/facts.yaml": """
            - id: count
              statement: Ten people came.
              date: 2024-06
              sources: [paper]

            """,
    ])

    static func read(_ fileSystem: MemoryFileSystem, previous: DataReadings) -> (ContentReader.Result, [Diagnostic]) {
        let log = DiagnosticLog()
        let result = ContentReader(fileSystem: fileSystem, folder: "Content").read(log: log, previousData: previous)
        return (result, log.diagnostics)
    }

    @Test func aListFileOfTheSameBytesIsTakenAsTheLastBuildReadIt() throws {
        let fileSystem = TestSupport.memorySite(Self.files)
        let (first, reported) = Self.read(fileSystem, previous: DataReadings())
        #expect(reported.contains { $0.id == .unknownField && $0.location.path == "Content/sources.yaml" })
        #expect(reported.contains { $0.id == .missingField && $0.message.contains("undated") })
        let sourcesReading = try #require(first.data.sources)
        let factsReading = try #require(first.data.facts)
        #expect(sourcesReading.failed == ["undated"] && sourcesReading.items?.map(\.id) == ["paper"])
        #expect(try #require(first.content).brokenIDs.contains(.source, "undated"))

        // A reading of the same bytes is taken whole: what it holds stands for the file.
        var remembered = first.data
        remembered.sources?.items?[0].title = "Remembered"
        remembered.facts?.items?[0].statement = "Remembered."
        let (second, reportedAgain) = Self.read(fileSystem, previous: remembered)
        let content = try #require(second.content)
        #expect(content.sources.map(\.title) == ["Remembered"])
        #expect(content.facts.map(\.statement) == ["Remembered."])
        #expect(content.brokenIDs.contains(.source, "undated"))
        #expect(reportedAgain == reported)
        #expect(second.data.sources?.version == sourcesReading.version && second.data.facts?.version == factsReading.version)

        // Other bytes are read again.
        fileSystem.write("Content/sources.yaml", "- id: paper\n  title: A paper, edited\n  date: 2024-06\n")
        let (third, reportedThird) = Self.read(fileSystem, previous: remembered)
        #expect(try #require(third.content).sources.map(\.title) == ["A paper, edited"])
        #expect(!reportedThird.contains { $0.id == .unknownField } && third.data.sources?.version != sourcesReading.version)
        #expect(try #require(third.content).facts.map(\.statement) == ["Remembered."])

        // A fact's reading depends on the settings too: new settings read the same facts.yaml again.
        fileSystem.write("Content/site.yaml", "title: Test site\ndescription: A site for tests, edited.\nlanguage: en\n")
        let (fourth, _) = Self.read(fileSystem, previous: remembered)
        #expect(try #require(fourth.content).facts.map(\.statement) == ["Ten people came."])
        #expect(fourth.data.facts?.version != factsReading.version)
    }

    @Test func aMissingOrUnreadableListFileHasNoReading() {
        let fileSystem = TestSupport.memorySite(Self.files)
        fileSystem.remove("Content/facts.yaml")
        fileSystem.write("Content/sources.yaml", "key: [unclosed\n")
        let (result, reported) = Self.read(fileSystem, previous: DataReadings())
        #expect(result.data.facts == nil)
        #expect(result.data.sources?.items == nil && result.data.sources?.diagnostics.isEmpty == false)
        #expect(reported.contains { $0.severity == .error && $0.location.path == "Content/sources.yaml" })
    }

    @Test func readingsReadBackFieldByField() throws {
        var source = Source(
            id: "paper", title: "A paper", publisher: "A publisher", author: "An author", date: try EDTFDate(parsing: "2024-06~"),
            url: "https://example.org/a", archiveURL: "https://archive.example.org/a", accessed: try EDTFDate(parsing: "2025-01-02"),
            note: "A note.", language: "fr", location: SourceLocation(path: "Content/sources.yaml", line: 1, column: 3))
        source.translations = Translations(
            texts: ["ht": ["title": "Yon papye", "note": "Yon nòt."], "fr": ["title": "Un article"]],
            locations: ["title": SourceLocation(path: "Content/sources.yaml", line: 4, column: 5)])
        var fact = Fact(
            id: "count", statement: "Between ten and twelve people came.", date: try EDTFDate(parsing: "2024-06/2024-07"),
            citations: [Citation(sourceID: "paper", locator: "p. 2", quote: "ten", quoteLanguage: "fr", location: SourceLocation(path: "Content/facts.yaml", line: 5, column: 7))],
            metric: "people", value: 10.5, upperValue: 12, unit: "people", qualifier: "about", location: SourceLocation(path: "Content/facts.yaml", line: 1, column: 3))
        fact.translations = Translations(texts: ["ht": ["statement": "Dis moun."]], locations: [:])
        fact.unitName = "moun"
        fact.figureLanguage = "ht"
        let warning = Diagnostic.warning(.unknownField, "unknown field", at: SourceLocation(path: "Content/facts.yaml", line: 2, column: 3))
        let readings = DataReadings(
            sources: ListReading(version: 7, items: [source], failed: ["undated"], diagnostics: [warning]),
            facts: ListReading(version: 9, items: [fact, Fact(id: "bare", statement: "Bare.", date: try EDTFDate(parsing: "2020"), citations: [], location: SourceLocation(path: "f", line: 1, column: 1))], failed: [], diagnostics: []))
        let back = try BuildCacheTests.throughRecord(readings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(back) == encoder.encode(readings))
        #expect(try encoder.encode(BuildCacheTests.throughRecord(DataReadings())) == encoder.encode(DataReadings()))
        let unlisted = DataReadings(sources: ListReading(version: 1, items: nil, failed: [], diagnostics: []))
        #expect(try BuildCacheTests.throughRecord(unlisted).sources?.items == nil)
        // Every stored property is written: one added must be added to the record too.
        #expect(Mirror(reflecting: source).children.compactMap(\.label) == [
            "id", "title", "publisher", "author", "date", "url", "archiveURL", "accessed", "note", "language", "location", "translations",
        ])
        #expect(Mirror(reflecting: fact).children.compactMap(\.label) == [
            "id", "statement", "date", "citations", "metric", "value", "upperValue", "unit", "qualifier", "location", "translations", "unitName",
            "figureLanguage",
        ])
        #expect(Mirror(reflecting: Translations()).children.compactMap(\.label) == ["texts", "locations"])
        #expect(Mirror(reflecting: readings).children.compactMap(\.label) == ["sources", "facts"])
        #expect(Mirror(reflecting: try #require(readings.sources)).children.compactMap(\.label) == ["version", "items", "failed", "diagnostics"])
    }

    @Test func anEditedSourcesFileIsReadAgainByTheNextBuild() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (path, text) in Self.files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        var options = BuildOptions(contentFolder: folder + "/Content", templatesFolder: folder + "/Templates", outputFolder: folder + "/Public")
        options.limits = Limits()
        func build() throws -> [Diagnostic] {
            let output = try DirectoryOutput(path: options.outputFolder, protecting: [options.contentFolder])
            var cache = BuildCache.load(from: output.cachePath)
            let log = DiagnosticLog()
            _ = try SiteBuilder(options: options).build(into: output, log: log, cache: &cache)
            cache.save()
            return log.diagnostics
        }
        let first = try build()
        #expect(first.contains { $0.id == .unknownField })
        #expect(FileManager.default.fileExists(atPath: folder + "/.Public.timeline/cache.data"))
        try "- id: paper\n  title: A paper\n  date: 2024-06\n".write(toFile: folder + "/Content/sources.yaml", atomically: true, encoding: .utf8)
        let second = try build()
        #expect(!second.contains { $0.id == .unknownField } && !second.contains { $0.id == .missingField })
        let html = try String(contentsOfFile: folder + "/Public/sources/paper.html", encoding: .utf8)
        #expect(html.contains("A paper"))
    }
}
