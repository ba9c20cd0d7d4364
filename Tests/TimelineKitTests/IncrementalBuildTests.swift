import Foundation
import Testing
@testable import TimelineKit

/// After random edits, additions and deletions, a build that reuses its cache and the previous site gives
/// exactly the bytes of a build from nothing.
@Suite(.serialized) struct IncrementalBuildTests {
    /// A random number generator with a seed, so that a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A small site, kept as a model so that edits keep it valid.
    struct Model {
        var entries: [String: (title: String, date: String, topics: [String], sources: [String], facts: [String], mentions: [String], words: String)] = [:]
        var topics: [String: String] = [:]
        var sources: [String: String] = [:]
        var facts: [String: (value: Int, source: String, metric: String)] = [:]
        var siteTitle = "A site"

        func files() -> [String: String] {
            var files: [String: String] = [:]
            files["site.yaml"] = "title: \(siteTitle)\ndescription: Test.\nlanguage: en\neras:\n  - title: Early\n    date: 1990/2005\n  - title: Late\n    date: 2006/..\n"
            files["sources.yaml"] = sources.keys.sorted().map { "- id: \($0)\n  title: \(sources[$0]!)\n  publisher: Paper\n  date: 2000\n" }.joined()
            files["facts.yaml"] = facts.keys.sorted().map { id in
                let fact = facts[id]!
                return "- id: \(id)\n  statement: A count.\n  date: 200\(fact.value % 10)\n  sources: [\(fact.source)]\n  metric: \(fact.metric)\n  value: \(fact.value)\n  unit: people\n"
            }.joined()
            for (id, title) in topics { files["topics/\(id).md"] = "---\ntitle: \(title)\nkind: theme\n---\n\nAbout \(title).\n" }
            for (id, entry) in entries {
                var text = "---\ntitle: \(entry.title)\ndate: \(entry.date)\ntopics: [\(entry.topics.joined(separator: ", "))]\n"
                text += "facts: [\(entry.facts.joined(separator: ", "))]\n---\n\n\(entry.words)"
                for source in entry.sources { text += " [@\(source)]" }
                for mention in entry.mentions { text += " See [[\(mention)]]." }
                for fact in entry.facts { text += " About [[fact:\(fact)]]." }
                files["entries/\(id).md"] = text + "\n"
            }
            return files
        }
    }

    private func write(_ model: Model, to folder: String) throws {
        try? FileManager.default.removeItem(atPath: folder)
        for (path, text) in model.files() {
            let full = folder + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    @Test func incrementalBuildsEqualFullBuildsAfterRandomEdits() throws {
        var random = Seeded(state: 20_251_121)
        var model = Model()
        for index in 0..<12 { model.topics["topic-\(index)"] = "Topic \(index)" }
        for index in 0..<10 { model.sources["source-\(index)"] = "Source \(index)" }
        for index in 0..<14 { model.facts["fact-\(index)"] = (index * 100 + 7, "source-\(index % 10)", "metric-\(index % 3)") }
        var next = 0
        func newEntry() -> String {
            next += 1
            let id = "entry-\(next)"
            let others = model.entries.keys.sorted()
            model.entries[id] = (
                title: "Entry \(next)", date: "\(1990 + Int.random(in: 0...30, using: &random))-0\(Int.random(in: 1...9, using: &random))",
                topics: ["topic-\(Int.random(in: 0..<12, using: &random))"], sources: ["source-\(Int.random(in: 0..<10, using: &random))"],
                facts: Bool.random(using: &random) ? ["fact-\(Int.random(in: 0..<14, using: &random))"] : [],
                mentions: others.isEmpty ? [] : [others.randomElement(using: &random)!], words: "Words of entry \(next).")
            return id
        }
        for _ in 0..<40 { _ = newEntry() }

        let root = TestSupport.temporaryFolder()
        let content = root + "/Content", output = root + "/Public"
        var renderedCounts: [Int] = []
        for round in 0..<30 {
            if round > 0 {
                // One or two random edits of different kinds.
                for _ in 0..<Int.random(in: 1...2, using: &random) {
                    let ids = model.entries.keys.sorted()
                    let id = ids.randomElement(using: &random)!
                    switch Int.random(in: 0..<10, using: &random) {
                    case 0: model.entries[id]!.words += " More words."
                    case 1: model.entries[id]!.title += " (revised)"
                    case 2: model.entries[id]!.date = "\(1990 + Int.random(in: 0...30, using: &random))-1\(Int.random(in: 0...2, using: &random))"
                    case 3: _ = newEntry()
                    case 4:
                        // Delete an entry that nothing mentions.
                        if let victim = ids.first(where: { candidate in !model.entries.values.contains { $0.mentions.contains(candidate) } }) {
                            model.entries[victim] = nil
                        }
                    case 5: model.topics["topic-\(Int.random(in: 0..<12, using: &random))"]! += " renamed"
                    case 6: model.sources["source-\(Int.random(in: 0..<10, using: &random))"]! += " (updated)"
                    case 7:
                        let fact = "fact-\(Int.random(in: 0..<14, using: &random))"
                        model.facts[fact]!.value += 1
                    case 8: model.entries[id]!.topics = ["topic-\(Int.random(in: 0..<12, using: &random))"]
                    default: if round % 7 == 0 { model.siteTitle += "!" } else { model.entries[id]!.mentions = [ids.randomElement(using: &random)!] }
                    }
                }
            }
            try write(model, to: content)
            // The incremental build: the cache on disk and the previous site beside the output.
            let directory = try DirectoryOutput(path: output, protecting: [content, TestSupport.templates])
            let cache = BuildCache.load(from: directory.cachePath)
            let builder = SiteBuilder(options: BuildOptions(contentFolder: content, templatesFolder: TestSupport.templates, outputFolder: output))
            let log = DiagnosticLog()
            let summary = try builder.build(into: directory, log: log, cache: cache)
            #expect(summary != nil, "round \(round): \(log.diagnostics.filter { $0.severity == .error })")
            cache.save(to: directory.cachePath)
            renderedCounts.append(summary?.rendered ?? -1)
            // The full build, in memory, without cache.
            let full = MemoryOutput()
            _ = try SiteBuilder(options: BuildOptions(contentFolder: content, templatesFolder: TestSupport.templates)).build(into: full, log: DiagnosticLog())
            var built: [String: [UInt8]] = [:]
            for (path, bytes) in TestSupport.files(under: output) where path != DirectoryOutput.markerName { built[path] = bytes }
            let differing = Set(built.keys).union(full.files.keys).filter { built[$0] != full.files[$0] }.sorted()
            #expect(differing == [], "round \(round): the incremental build differs from a full build")
            if !differing.isEmpty { break }
        }
        // Small edits render far fewer files than the site has.
        let total = renderedCounts.first ?? 0
        #expect(renderedCounts.dropFirst().allSatisfy { $0 < total }, "\(renderedCounts)")
        #expect(renderedCounts.dropFirst().filter { $0 < total / 2 }.count > 15, "\(renderedCounts)")
    }

    @Test func aRebuildWithNothingChangedWritesNothing() throws {
        let root = TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestSupport.exampleContent, toPath: root + "/Content")
        let output = root + "/Public"
        func build() throws -> BuildSummary? {
            let directory = try DirectoryOutput(path: output, protecting: [root + "/Content", TestSupport.templates])
            let cache = BuildCache.load(from: directory.cachePath)
            let summary = try SiteBuilder(options: BuildOptions(contentFolder: root + "/Content", templatesFolder: TestSupport.templates, outputFolder: output))
                .build(into: directory, log: DiagnosticLog(), cache: cache)
            cache.save(to: directory.cachePath)
            return summary
        }
        #expect(try build()?.rendered == 30)
        let before = TestSupport.files(under: output)
        let modified = try FileManager.default.attributesOfItem(atPath: output + "/index.html")[.modificationDate] as? Date
        #expect(try build()?.rendered == 0)
        #expect(TestSupport.files(under: output).map(\.1) == before.map(\.1))
        #expect(try FileManager.default.attributesOfItem(atPath: output + "/index.html")[.modificationDate] as? Date == modified)
        // A page changed by hand is noticed and made again.
        try "tampered".write(toFile: output + "/topics.html", atomically: false, encoding: .utf8)
        #expect(try build()?.rendered == 1)
        #expect(try String(contentsOfFile: output + "/topics.html", encoding: .utf8) != "tampered")
    }
}
