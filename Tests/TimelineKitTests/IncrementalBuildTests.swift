import Foundation
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// After random edits, additions and deletions, a build that reuses its cache and the previous site gives
/// exactly the bytes of a build from nothing.
@Suite(.serialized) struct IncrementalBuildTests {
    /// An entry of the model site.
    struct EntryModel {
        var title: String
        var date: String
        var summary: String?
        var topics: [String]
        var sources: [String]
        /// A source cited in the front matter, with a quotation and a locator.
        var quoted: (source: String, quote: String, locator: String)?
        /// The locator of the body's first citation.
        var locator: String?
        var facts: [String]
        var mentions: [String]
        var corrections: [String] = []
        var updated: String?
        var words: String
    }

    /// A free page of the model site.
    struct PageModel {
        var title: String
        var menu: Int?
        var words: String
        var source: String
        var quote: String?
        var mentions: [String] = []
    }

    /// A small site, kept as a model so that edits keep it valid.
    struct Model {
        var entries: [String: EntryModel] = [:]
        var topics: [String: (title: String, kind: String)] = [:]
        var pages: [String: PageModel] = [:]
        var sources: [String: (title: String, publisher: String, note: String?)] = [:]
        var facts: [String: (value: Int, source: String, metric: String, statement: String, locator: String?, quote: String?)] = [:]
        var eras: [(title: String, date: String, summary: String?)] = [("Early", "1990/2005", nil), ("Late", "2006/..", "After 2005.")]
        var metricTitles: [String: String] = ["metric-0": "People counted", "metric-1": "People moved", "metric-2": "People helped"]
        var siteTitle = "A site"
        /// Sources with an archived text, which holds every quotation of the source and a sentence of its own.
        var archives: [String: String] = [:]
        /// Translations of notes into French and Haitian Creole (which falls back to French), by the note's
        /// folder and id and the language (`entries/entry-3.fr`): a title, and a summary and a body or not.
        var translations: [String: (title: String, summary: String?, body: String?)] = [:]
        /// The site's title and facts' statements in French.
        var frenchSiteTitle: String?
        var frenchStatements: [String: String] = [:]

        func files() -> [String: String] {
            var files: [String: String] = [:]
            var site = "title: \(siteTitle)\ndescription: Test.\nlanguage: en\n"
            site += "languages:\n  - {code: fr, name: Français}\n  - {code: ht, name: Kreyòl, fallback: fr}\n"
            if let frenchSiteTitle { site += "translations:\n  fr:\n    title: \(frenchSiteTitle)\n" }
            site += "eras:\n"
            for era in eras {
                site += "  - title: \(era.title)\n    date: \(era.date)\n" + (era.summary.map { "    summary: \($0)\n" } ?? "")
            }
            site += "metrics:\n" + metricTitles.keys.sorted().map { "  - id: \($0)\n    title: \(metricTitles[$0]!)\n" }.joined()
            files["site.yaml"] = site
            files["sources.yaml"] = sources.keys.sorted().map { id in
                let source = sources[id]!
                return "- id: \(id)\n  title: \(source.title)\n  publisher: \(source.publisher)\n  date: 2010\n" + (source.note.map { "  note: \($0)\n" } ?? "")
            }.joined()
            files["facts.yaml"] = facts.keys.sorted().map { id in
                let fact = facts[id]!
                var citation = fact.source
                if fact.locator != nil || fact.quote != nil {
                    citation = "{id: \(fact.source)" + (fact.locator.map { ", locator: \"\($0)\"" } ?? "") + (fact.quote.map { ", quote: \"\($0)\"" } ?? "") + "}"
                }
                let translation = frenchStatements[id].map { "  translations:\n    fr:\n      statement: \($0)\n" } ?? ""
                return "- id: \(id)\n  statement: \(fact.statement)\n  date: 200\(fact.value % 10)\n  sources: [\(citation)]\n  metric: \(fact.metric)\n  value: \(fact.value)\n  unit: people\n"
                    + translation
            }.joined()
            for (id, sentence) in archives {
                var quotes = entries.values.compactMap { $0.quoted?.source == id ? $0.quoted?.quote : nil }
                quotes += facts.values.compactMap { $0.source == id ? $0.quote : nil }
                quotes += pages.values.compactMap { $0.source == id ? $0.quote : nil }
                files["archive/\(id).md"] = "---\nnote: A copy.\n---\n\(sentence) " + quotes.sorted().map { "They said \($0)." }.joined(separator: " ") + "\n"
            }
            for (id, topic) in topics { files["topics/\(id).md"] = "---\ntitle: \(topic.title)\nkind: \(topic.kind)\n---\n\nAbout \(topic.title).\n" }
            for (id, page) in pages {
                var text = "---\ntitle: \(page.title)\n" + (page.menu.map { "menu: \($0)\n" } ?? "")
                text += page.quote.map { "sources: [{id: \(page.source), quote: \"\($0)\"}]\n" } ?? "sources: [\(page.source)]\n"
                text += "---\n\n\(page.words)"
                for mention in page.mentions { text += " See [[\(mention)]]." }
                files["pages/\(id).md"] = text + "\n"
            }
            for (id, entry) in entries {
                var text = "---\ntitle: \(entry.title)\ndate: \(entry.date)\ntopics: [\(entry.topics.joined(separator: ", "))]\n"
                if let summary = entry.summary { text += "summary: \(summary)\n" }
                if let quoted = entry.quoted { text += "sources: [{id: \(quoted.source), quote: \"\(quoted.quote)\", locator: \"\(quoted.locator)\"}]\n" }
                if let updated = entry.updated { text += "updated: \(updated)\n" }
                if !entry.corrections.isEmpty {
                    text += "corrections:\n" + entry.corrections.map { "  - date: 2020-01\n    text: \($0)\n" }.joined()
                }
                text += "facts: [\(entry.facts.joined(separator: ", "))]\n---\n\n\(entry.words)"
                for (index, source) in entry.sources.enumerated() {
                    text += index == 0 && entry.locator != nil ? " [@\(source), \(entry.locator!)]" : " [@\(source)]"
                }
                for mention in entry.mentions { text += " See [[\(mention)]]." }
                for fact in entry.facts { text += " About [[fact:\(fact)]]." }
                files["entries/\(id).md"] = text + "\n"
            }
            for (key, translation) in translations {
                // A note deleted takes its translations with it.
                let (folder, rest) = (key.split(separator: "/")[0], key.split(separator: "/")[1])
                let id = String(rest.split(separator: ".")[0])
                guard folder == "entries" ? entries[id] != nil : pages[id] != nil else { continue }
                var text = "---\ntitle: \(translation.title)\n" + (translation.summary.map { "summary: \($0)\n" } ?? "") + "---\n"
                if let body = translation.body { text += "\n\(body)\n" }
                files[key + ".md"] = text
            }
            return files
        }

        /// Ids that some note, fact or list names, which must not be deleted.
        func isNamed(_ id: String) -> Bool {
            entries.values.contains { $0.mentions.contains(id) || $0.topics.contains(id) || $0.sources.contains(id) || $0.facts.contains(id) || $0.quoted?.source == id }
                || pages.values.contains { $0.mentions.contains(id) || $0.source == id } || facts.values.contains { $0.source == id }
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

    /// Random edits of every kind the content has: entries (text, titles, dates, summaries, topics,
    /// citations with quotations and locators, mentions, facts, corrections, updates), topics, pages and the
    /// menu, eras, metrics, sources and facts, translations of notes, of the site's title and of facts, in
    /// a site of three languages, additions and deletions.
    ///
    /// As a test it makes 55 rounds from a fixed seed. As a fuzzer (`Fuzz/run.sh`, target `incremental`) it
    /// takes its seed from `INCREMENTAL_FUZZ_SEED` and goes on until it has made `INCREMENTAL_FUZZ_EDITS` edits.
    @Test func incrementalBuildsEqualFullBuildsAfterRandomEdits() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["INCREMENTAL_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_251_121
        let editsWanted = environment["INCREMENTAL_FUZZ_EDITS"].flatMap { Int($0) } ?? 0
        var random = SeededGenerator(state: seed)
        var edits = 0
        var model = Model()
        for index in 0..<12 { model.topics["topic-\(index)"] = ("Topic \(index)", index % 3 == 0 ? "person" : "theme") }
        for index in 0..<10 { model.sources["source-\(index)"] = ("Source \(index)", "Paper", nil) }
        for index in 0..<14 {
            model.facts["fact-\(index)"] = (index * 100 + 7, "source-\(index % 10)", "metric-\(index % 3)", "A count.", nil, nil)
        }
        for index in 0..<3 {
            model.pages["page-\(index)"] = PageModel(title: "Page \(index)", menu: index == 0 ? 1 : nil, words: "Words of page \(index).", source: "source-\(index)")
        }
        var next = 0
        func newEntry() -> String {
            next += 1
            let id = "entry-\(next)"
            let others = model.entries.keys.sorted()
            model.entries[id] = EntryModel(
                title: "Entry \(next)", date: "\(1990 + Int.random(in: 0...30, using: &random))-0\(Int.random(in: 1...9, using: &random))",
                summary: Bool.random(using: &random) ? "Summary \(next)." : nil,
                topics: ["topic-\(Int.random(in: 0..<12, using: &random))"], sources: ["source-\(Int.random(in: 0..<10, using: &random))"],
                quoted: nil, locator: nil,
                facts: Bool.random(using: &random) ? ["fact-\(Int.random(in: 0..<14, using: &random))"] : [],
                mentions: others.isEmpty ? [] : [others.randomElement(using: &random)!], words: "Words of entry \(next).")
            return id
        }
        for _ in 0..<40 { _ = newEntry() }

        let root = TestSupport.temporaryFolder()
        let content = root + "/Content", output = root + "/Public", cards = root + "/cards"
        try FileManager.default.createDirectory(atPath: cards, withIntermediateDirectories: true)
        var renderedCounts: [Int] = []
        var kinds = Set<Int>()
        /// Rounds that edited `site.yaml`, which every page shows.
        var siteWide = Set<Int>()
        var round = -1
        while round < 54 || edits < editsWanted {
            round += 1
            if round > 0 {
                // One or two edits of different kinds: each kind in turn, and one at random.
                for edit in 0..<Int.random(in: 1...2, using: &random) {
                    edits += 1
                    let ids = model.entries.keys.sorted()
                    let id = ids.randomElement(using: &random)!
                    let topic = "topic-\(Int.random(in: 0..<12, using: &random))"
                    let source = "source-\(Int.random(in: 0..<10, using: &random))"
                    let fact = model.facts.keys.sorted().randomElement(using: &random)!
                    let page = model.pages.keys.sorted().randomElement(using: &random)!
                    let kind = edit == 0 ? (round - 1) % 32 : Int.random(in: 0..<32, using: &random)
                    kinds.insert(kind)
                    if [20, 21, 22, 30].contains(kind) || (kind == 26 && round % 9 == 0) { siteWide.insert(round) }
                    switch kind {
                    case 0: model.entries[id]!.words += " More words."
                    case 1: model.entries[id]!.title += " (revised)"
                    case 2: model.entries[id]!.date = "\(1990 + Int.random(in: 0...30, using: &random))-1\(Int.random(in: 0...2, using: &random))"
                    case 3: _ = newEntry()
                    case 4:
                        // Delete an entry that nothing mentions.
                        if ids.count > 5, let victim = ids.first(where: { !model.isNamed($0) }) { model.entries[victim] = nil }
                    case 5: model.topics[topic]!.title += " renamed"
                    case 6: model.sources[source]!.title += " (updated)"
                    case 7: model.facts[fact]!.value += 1
                    case 8: model.entries[id]!.topics = [topic]
                    case 9: model.entries[id]!.mentions = [ids.randomElement(using: &random)!]
                    case 10: model.entries[id]!.summary = model.entries[id]!.summary == nil ? "A new summary." : nil
                    case 11: model.entries[id]!.corrections.append("Correction \(round).")
                    case 12: model.entries[id]!.updated = "2021-0\(Int.random(in: 1...9, using: &random))"
                    case 13: model.entries[id]!.quoted = (source, "Words quoted \(round)", "p. \(round)")
                    case 14: model.entries[id]!.locator = "para. \(round)"
                    case 15:
                        model.facts[fact]!.locator = "table \(round)"
                        model.facts[fact]!.quote = Bool.random(using: &random) ? "said \(round)" : nil
                    case 16: model.facts[fact]!.statement = "A count, revised \(round)."
                    case 17: model.pages[page]!.words += " More page words."
                    case 18: model.pages[page]!.menu = model.pages[page]!.menu == nil ? Int.random(in: 1...5, using: &random) : nil
                    case 19: model.pages[page]!.title += " (edited)"
                    case 20:
                        let era = Int.random(in: 0..<model.eras.count, using: &random)
                        model.eras[era].title += "+"
                        model.eras[era].summary = "Summary \(round)."
                    case 21: model.eras[0].date = "1990/200\(Int.random(in: 0...9, using: &random))"
                    case 22: model.metricTitles["metric-\(Int.random(in: 0..<3, using: &random))"] = "Metric \(round)"
                    case 23: model.topics[topic]!.kind = model.topics[topic]!.kind == "place" ? "theme" : "place"
                    case 24:
                        // Add a page, or delete one that nothing mentions.
                        if model.pages.count > 1, let victim = model.pages.keys.sorted().first(where: { !model.isNamed($0) }), Bool.random(using: &random) {
                            model.pages[victim] = nil
                        } else {
                            model.pages["page-\(round)"] = PageModel(title: "Page \(round)", menu: nil, words: "New page.", source: source, quote: "quoted")
                        }
                    case 25:
                        model.sources[source]!.publisher = "Press \(round)"
                        model.sources[source]!.note = "Note \(round)."
                    case 27:
                        // An archived text added, changed or taken away.
                        if model.archives[source] == nil || Bool.random(using: &random) {
                            model.archives[source] = "Archived in round \(round)."
                        } else {
                            model.archives[source] = nil
                        }
                    case 28:
                        // An entry or a page translated, or its translation changed: title, summary, body.
                        let note = Bool.random(using: &random) ? "entries/\(id)" : "pages/\(page)"
                        let language = Bool.random(using: &random) ? "fr" : "ht"
                        model.translations[note + "." + language] = (
                            "Titre \(round)", Bool.random(using: &random) ? "Résumé \(round)." : nil,
                            Bool.random(using: &random) ? "Texte traduit \(round)." : nil)
                    case 29:
                        // A translation taken away, or a translated title changed.
                        if let key = model.translations.keys.sorted().randomElement(using: &random) {
                            if Bool.random(using: &random) { model.translations[key] = nil } else { model.translations[key]!.title += " bis" }
                        }
                    case 30: model.frenchSiteTitle = model.frenchSiteTitle == nil ? "Un site \(round)" : nil
                    case 31: model.frenchStatements[fact] = model.frenchStatements[fact] == nil ? "Un compte \(round)." : nil
                    default:
                        if round % 9 == 0 { model.siteTitle += "!" } else { model.pages[page]!.mentions = [id] }
                    }
                }
            }
            try write(model, to: content)
            // The incremental build: the cache on disk and the previous site beside the output.
            let directory = try DirectoryOutput(path: output, protecting: [content, TestSupport.templates])
            var cache = BuildCache.load(from: directory.cachePath)
            let builder = SiteBuilder(options: BuildOptions(contentFolder: content, templatesFolder: TestSupport.templates, outputFolder: output))
            let log = DiagnosticLog()
            let summary = try builder.build(into: directory, log: log, cache: &cache)
            #expect(summary != nil, "round \(round): \(log.diagnostics.filter { $0.severity == .error })")
            cache.save()
            renderedCounts.append(summary?.rendered ?? -1)
            // The full build, in memory, without the cache of any build: only share cards drawn before are
            // taken from a store of their own, as the pictures of the same words are the same.
            let full = MemoryOutput()
            var drawn = BuildCache.load(from: cards + "/cache")
            _ = try SiteBuilder(options: BuildOptions(contentFolder: content, templatesFolder: TestSupport.templates))
                .build(into: full, log: DiagnosticLog(), cache: &drawn)
            var built: [String: [UInt8]] = [:]
            for (path, bytes) in TestSupport.files(under: output) where path != DirectoryOutput.markerName { built[path] = bytes }
            let differing = Set(built.keys).union(full.files.keys).filter { built[$0] != full.files[$0] }.sorted()
            #expect(differing == [], "round \(round) of seed \(seed): the incremental build differs from a full build")
            if !differing.isEmpty { break }
        }
        #expect(kinds.count == 32, "every kind of edit was tried: \(kinds.sorted())")
        if editsWanted > 0 {
            // The site grew as it was edited, so the first build's size is no yardstick for the later ones.
            print("incremental fuzz: seed \(seed), \(round) rounds, \(edits) edits, each build equal to a full build")
            return
        }
        // Small edits render far fewer files than the site has.
        let total = renderedCounts.first ?? 0
        let local = renderedCounts.enumerated().dropFirst().filter { !siteWide.contains($0.offset) }.map(\.element)
        #expect(local.allSatisfy { $0 < total }, "\(renderedCounts)")
        #expect(local.filter { $0 < total / 2 }.count > 25, "\(renderedCounts)")
    }

    @Test func aRebuildWithNothingChangedWritesNothing() throws {
        let root = TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestSupport.exampleContent, toPath: root + "/Content")
        let output = root + "/Public"
        func build() throws -> BuildSummary? {
            let directory = try DirectoryOutput(path: output, protecting: [root + "/Content", TestSupport.templates])
            var cache = BuildCache.load(from: directory.cachePath)
            let summary = try SiteBuilder(options: BuildOptions(contentFolder: root + "/Content", templatesFolder: TestSupport.templates, outputFolder: output))
                .build(into: directory, log: DiagnosticLog(), cache: &cache)
            cache.save()
            return summary
        }
        #expect(try build()?.rendered == 39)
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

    /// A site with warnings keeps the fast path: nothing changed, nothing is read or written, and the warnings
    /// of the last build are reported again; `--strict` still fails on them.
    @Test func aRebuildWithNothingChangedReportsTheSameWarnings() throws {
        let root = TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestSupport.exampleContent, toPath: root + "/Content")
        let facts = root + "/Content/facts.yaml"
        let text = try String(contentsOfFile: facts, encoding: .utf8)
        try (text + "- id: spare\n  statement: A spare fact.\n  date: 2009\n  sources: [gazette-2009]\n").write(toFile: facts, atomically: true, encoding: .utf8)
        let output = root + "/Public"
        func build(strict: Bool = false) throws -> (BuildSummary?, [String]) {
            let directory = try DirectoryOutput(path: output, protecting: [root + "/Content", TestSupport.templates])
            var cache = BuildCache.load(from: directory.cachePath)
            let log = DiagnosticLog()
            let options = BuildOptions(contentFolder: root + "/Content", templatesFolder: TestSupport.templates, outputFolder: output, strict: strict)
            let summary = try SiteBuilder(options: options).build(into: directory, log: log, cache: &cache)
            if summary != nil { cache.save() }
            return (summary, log.diagnostics.map(\.description))
        }
        let (first, warnings) = try build()
        #expect(first?.warnings == 1 && warnings.count == 1 && warnings[0].contains("[unused-fact]"), "\(warnings)")
        let (again, repeated) = try build()
        #expect(again?.rendered == 0)
        #expect(again?.warnings == 1)
        #expect(repeated == warnings)
        let (strict, reported) = try build(strict: true)
        #expect(strict == nil)
        #expect(reported == warnings)
    }
}
