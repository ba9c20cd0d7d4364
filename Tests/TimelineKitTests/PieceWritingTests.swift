import Foundation
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineSite
import TimelineTesting

/// Large files written in pieces as they are made: the same bytes as made whole, and, on disk, shared with
/// the previous site exactly when they did not change.
@Suite(.serialized) struct PieceWritingTests {
    /// The example site, linked.
    static func site() throws -> Site {
        let log = DiagnosticLog()
        let content = try #require(ContentReader(fileSystem: LocalFileSystem(), folder: TestSupport.exampleContent).read(log: log).content)
        let index = SiteIndex(content: content, assets: [])
        let bodies = BodyStage(content: content, index: index).run(previous: [:], log: log)
        return Site(content: content, index: index, rendered: bodies.rendered)
    }

    @Test func exportsGivenAwayAsTheyAreMadeAreTheSameBytes() throws {
        let site = try Self.site()
        for route in Route.generatedFiles(hasBaseURL: true) {
            let whole = try #require(site.generatedFile(route))
            var pieces: [[UInt8]] = []
            // Every bit made is taken at once, the smallest pieces there can be.
            let rest = try #require(site.generatedFile(route) { made in
                pieces.append(made)
                made.removeAll()
            })
            #expect(pieces.joined() + rest == whole, "\(route.path)")
            if route == .data || route == .searchIndex {
                #expect(pieces.count > site.entries.count, "\(route.path) is given away after each item")
            }
            if route == .timelineJS {
                let events = site.entries.count { TimelineJSExport.dates($0.date) != nil }
                #expect(events > 0 && pieces.count == events, "timeline.json is given away after each event")
            }
        }
    }

    /// Pages given away after every item of their lists, indentation of partials included, are the same
    /// bytes as pages made whole.
    @Test func pagesGivenAwayAsTheyAreMadeAreTheSameBytes() throws {
        let site = try Self.site()
        let templates = try #require(TemplateSet.load(fileSystem: LocalFileSystem(), folder: TestSupport.templates, log: DiagnosticLog()))
        let renderer = PageRenderer(site: site, templates: templates, makingCards: true)
        var given = 0
        for route in site.pageRoutes {
            let whole = try #require(renderer.render(route)).bytes
            var pieces: [[UInt8]] = []
            let rest = try #require(renderer.render(route, pieceSize: 1) { made in
                pieces.append(made)
                made.removeAll()
            }).bytes
            #expect(pieces.joined() + rest == whole, "\(route.path)")
            if pieces.count > 1 { given += 1 }
        }
        #expect(given > site.pageRoutes.count / 2, "most pages have a list to be given away after")
    }

    /// A list inside an indented partial, given away after an item that ends mid-line: the next item is not
    /// indented as if it started a line.
    @Test func aPartialGivenAwayMidLineKeepsItsIndentation() throws {
        let templates = [
            "main": try Template(name: "main", text: "<div>\n  {{>row}}\n</div>\n"),
            "row": try Template(name: "row", text: "{{#items}}<i>{{name}}</i>{{/items}}\nend\n"),
        ]
        let items: TemplateValue = .list((1...4).map { TemplateValue.object(TemplateDictionary(values: ["name": .text("n\($0)")])) })
        let model = TemplateDictionary(values: ["items": items])
        let renderer = TemplateRenderer(templates: templates)
        let whole = renderer.render("main", model)
        #expect(String(decoding: whole, as: UTF8.self) == "<div>\n  <i>n1</i><i>n2</i><i>n3</i><i>n4</i>\n  end\n</div>\n")
        var pieces: [[UInt8]] = []
        let rest = renderer.render("main", model, pieceSize: 1) { made in
            pieces.append(made)
            made.removeAll()
        }
        #expect(pieces.count == 4)
        #expect(pieces.joined() + rest == whole)
    }

    /// Pieces that add up to the previous site's file share it, time stamp included; any other bytes,
    /// longer, shorter or different anywhere, make a new file.
    @Test func aFileWrittenInPiecesIsSharedWhenUnchanged() throws {
        let output = TestSupport.temporaryFolder() + "/Public"
        let original = (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        func write(_ site: DirectoryOutput, _ path: String, _ pieces: [ArraySlice<UInt8>]) throws {
            try site.write(path) { (write) throws(OutputError) in for piece in pieces { try write(Array(piece)) } }
        }
        var site = try DirectoryOutput(path: output, protecting: [])
        for name in ["same", "longer", "shorter", "changed", "empty"] { try write(site, name + ".json", [original[...]]) }
        try site.commit()
        var before: [String: (inode: UInt64, modified: Double)] = [:]
        for name in ["same", "longer", "shorter", "changed", "empty"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: output + "/" + name + ".json")
            before[name] = ((attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0, (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        }
        Thread.sleep(forTimeInterval: 0.02)
        site = try DirectoryOutput(path: output, protecting: [])
        var changed = original
        changed[2500] ^= 1
        try write(site, "same.json", [original[..<1000], original[1000..<1001], original[1001...]])
        try write(site, "longer.json", [original[..<2000], original[2000...], [1]])
        try write(site, "shorter.json", [original[..<2000], original[2000..<2999]])
        try write(site, "changed.json", [changed[..<1024], changed[1024..<2048], changed[2048...]])
        try write(site, "empty.json", [])
        try site.commit()
        let wanted: [String: [UInt8]] = [
            "same": original, "longer": original + [1], "shorter": Array(original[..<2999]), "changed": changed, "empty": [],
        ]
        for (name, bytes) in wanted {
            let path = output + "/" + name + ".json"
            #expect(FileManager.default.contents(atPath: path).map(Array.init) == bytes, "\(name)")
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
            #expect((modified == before[name]?.modified) == (name == "same"), "\(name): time stamp kept only when unchanged")
            #expect((inode == before[name]?.inode) == (name == "same"), "\(name): the file is shared only when unchanged")
        }
    }

    /// A build that fails while a file is written in pieces leaves the previous site as it was.
    @Test func aFailureBetweenPiecesLeavesThePreviousSite() throws {
        let output = TestSupport.temporaryFolder() + "/Public"
        var site = try DirectoryOutput(path: output, protecting: [])
        try site.write("data.json", Array("old".utf8))
        try site.commit()
        site = try DirectoryOutput(path: output, protecting: [])
        #expect(throws: OutputError.self) {
            try site.write("data.json") { (write) throws(OutputError) in
                try write(Array("new, in part".utf8))
                throw OutputError(path: "data.json", "stopped")
            }
        }
        site.discard()
        #expect(FileManager.default.contents(atPath: output + "/data.json").map(Array.init) == Array("old".utf8))
    }
}
