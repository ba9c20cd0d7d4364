import Testing
@testable import TimelineBuild
@testable import TimelineCore
@testable import TimelineSite

/// `data.json`, `timeline.json` and the search index are made from the last build's file where entries did not change:
/// each unchanged entry's bytes are copied, the rest made, and the file is the one made anew.
@Suite struct ExportReuseTests {
    /// The example site with its first entry retitled and its second left out, and the retitled entry's id.
    static func edited() throws -> (site: Site, changed: String) {
        let site = try PieceWritingTests.site()
        var content = site.content
        content.entries[0].title += " (revised)"
        content.entries.remove(at: 1)
        let index = SiteIndex(content: content, assets: [])
        let bodies = BodyStage(content: content, index: index).run(previous: [:], log: DiagnosticLog())
        return (Site(content: content, index: index, rendered: bodies.rendered), content.entries[0].id)
    }

    /// The export of `site` made from `bytes`, an export written with `layout`.
    static func export(_ route: Route, of site: Site, from bytes: [UInt8], layout: ExportLayout) throws -> (bytes: [UInt8], layout: ExportLayout) {
        let made = bytes.withUnsafeBytes { bytes in
            PreviousExport(bytes: bytes, layout: layout).flatMap { site.generatedExport(route, previous: $0) }
        }
        return try #require(made)
    }

    @Test func anExportMadeFromTheLastOneIsTheOneMadeAnew() throws {
        let before = try PieceWritingTests.site()
        let after = try Self.edited().site
        for route in Site.exportsByEntry {
            let last = try #require(before.generatedExport(route, previous: nil))
            // data.json lays out its topics, sources and facts too, after its entries.
            let items = before.entries.count + (route == .data ? before.topics.count + before.content.sources.count + before.content.facts.count : 0)
            #expect(last.layout.keys.count == items && last.layout.size == last.bytes.count, "\(route.path)")
            let anew = try #require(after.generatedExport(route, previous: nil))
            let reused = try Self.export(route, of: after, from: last.bytes, layout: last.layout)
            #expect(reused.bytes == anew.bytes, "\(route.path)")
            #expect(reused.layout == anew.layout, "\(route.path)")
            // Each entry's place in the layout holds that entry's bytes.
            for (index, start) in anew.layout.starts.enumerated() {
                let text = String(decoding: anew.bytes[start..<(start + anew.layout.counts[index])], as: UTF8.self)
                let key = anew.layout.keys[index]
                switch route {
                case .data: #expect(text.hasPrefix("{\"id\":\"\(key.split(separator: ":", maxSplits: 1).last.map(String.init) ?? key)\""), "\(key)")
                case .timelineJS: #expect(text.hasPrefix("{") && text.hasSuffix("}") && text.contains("\"unique_id\": \"\(key)\""))
                default: #expect(text.hasPrefix("[\"entry\""), "\(route.path)")
                }
            }
        }
    }

    /// What is copied is the previous file's bytes: an unchanged entry whose bytes were altered on disk
    /// comes out altered, and a changed entry is made again.
    @Test func unchangedEntriesAreCopiedAndChangedOnesMade() throws {
        let before = try PieceWritingTests.site()
        let (after, changed) = try Self.edited()
        for route in Site.exportsByEntry {
            let last = try #require(before.generatedExport(route, previous: nil))
            let anew = try #require(after.generatedExport(route, previous: nil))
            // An entry whose fingerprint stayed the same, which nothing of the edit touched.
            let unchanged = try #require(anew.layout.keys.indices.first { position in
                let key = anew.layout.keys[position]
                return key != changed && last.layout.keys.firstIndex(of: key).map { last.layout.fingerprints[$0] == anew.layout.fingerprints[position] } == true
            }.map { anew.layout.keys[$0] })
            // Both are overwritten with a mark of their own length.
            var altered = last.bytes
            for key in [changed, unchanged] {
                let position = try #require(last.layout.keys.firstIndex(of: key))
                let start = last.layout.starts[position]
                altered.replaceSubrange(start..<(start + last.layout.counts[position]), with: repeatElement(UInt8(ascii: "#"), count: last.layout.counts[position]))
            }
            let reused = try Self.export(route, of: after, from: altered, layout: last.layout)
            func entry(_ id: String, in made: (bytes: [UInt8], layout: ExportLayout)) throws -> [UInt8] {
                let position = try #require(made.layout.keys.firstIndex(of: id))
                let start = made.layout.starts[position]
                return Array(made.bytes[start..<(start + made.layout.counts[position])])
            }
            #expect(try entry(changed, in: reused) == entry(changed, in: anew), "\(route.path): the changed entry is made again")
            #expect(try entry(unchanged, in: reused).allSatisfy { $0 == UInt8(ascii: "#") }, "\(route.path): the unchanged entry is copied")
            // A file of another size than the layout says is not used at all.
            last.bytes.dropLast().withUnsafeBytes { #expect(PreviousExport(bytes: $0, layout: last.layout) == nil) }
        }
    }

    /// A fact and a topic of `data.json` are copied while they and what shows or tags them stay the same, and
    /// made again when they change; the file made from the last one is the one made anew.
    @Test func factsAndTopicsAreCopiedUntilTheyChange() throws {
        let before = try PieceWritingTests.site()
        var content = before.content
        try #require(content.facts.count >= 2 && content.topics.count >= 2)
        content.facts[0].statement += " (revised)"
        content.topics[0].title += " (revised)"
        let index = SiteIndex(content: content, assets: [])
        let bodies = BodyStage(content: content, index: index).run(previous: [:], log: DiagnosticLog())
        let after = Site(content: content, index: index, rendered: bodies.rendered)
        let last = try #require(before.generatedExport(.data, previous: nil))
        let anew = try #require(after.generatedExport(.data, previous: nil))
        func fingerprint(_ key: String, _ layout: ExportLayout) throws -> UInt64 { layout.fingerprints[try #require(layout.keys.firstIndex(of: key))] }
        for (changed, same) in [
            (DataExport.factKey(content.facts[0].id), DataExport.factKey(content.facts[1].id)),
            (DataExport.topicKey(content.topics[0].id), DataExport.topicKey(content.topics[1].id)),
        ] {
            #expect(try fingerprint(changed, last.layout) != fingerprint(changed, anew.layout), "\(changed)")
            #expect(try fingerprint(same, last.layout) == fingerprint(same, anew.layout), "\(same)")
        }
        let reused = try Self.export(.data, of: after, from: last.bytes, layout: last.layout)
        #expect(reused.bytes == anew.bytes)
        #expect(String(decoding: reused.bytes, as: UTF8.self).contains(content.facts[0].statement))
    }

    /// A source of `data.json` is copied while the places that cite it stay the same, and made again when
    /// one of them goes: the entry left out by the edit is the only one to cite its source in front matter.
    @Test func sourcesAreCopiedUntilWhatCitesThemChanges() throws {
        let before = try PieceWritingTests.site()
        let (after, _) = try Self.edited()
        let last = try #require(before.generatedExport(.data, previous: nil))
        let anew = try #require(after.generatedExport(.data, previous: nil))
        func fingerprint(_ key: String, _ layout: ExportLayout) throws -> UInt64 { layout.fingerprints[try #require(layout.keys.firstIndex(of: key))] }
        let cited = try fingerprint(DataExport.sourceKey("gazette-2009"), last.layout), citedNow = try fingerprint(DataExport.sourceKey("gazette-2009"), anew.layout)
        #expect(cited != citedNow)
        #expect(try fingerprint(DataExport.sourceKey("gazette-1998"), last.layout) == fingerprint(DataExport.sourceKey("gazette-1998"), anew.layout))
        // Every source's place is overwritten: the unchanged ones come out as the marks, the changed one made.
        var altered = last.bytes
        for (position, key) in last.layout.keys.enumerated() where key.hasPrefix("source:") {
            let start = last.layout.starts[position]
            altered.replaceSubrange(start..<(start + last.layout.counts[position]), with: repeatElement(UInt8(ascii: "#"), count: last.layout.counts[position]))
        }
        let reused = try Self.export(.data, of: after, from: altered, layout: last.layout)
        for (position, key) in reused.layout.keys.enumerated() where key.hasPrefix("source:") {
            let start = reused.layout.starts[position]
            let bytes = reused.bytes[start..<(start + reused.layout.counts[position])]
            if key == DataExport.sourceKey("gazette-2009") {
                #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("{\"id\":\"gazette-2009\""))
                #expect(!String(decoding: bytes, as: UTF8.self).contains("construction"))
            } else {
                #expect(bytes.allSatisfy { $0 == UInt8(ascii: "#") }, "\(key)")
            }
        }
    }
}
