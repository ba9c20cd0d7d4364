import Foundation
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// Builds into real folders: byte-identical rebuilds, untouched output after a failure, no leftovers,
/// and refusal of folders a build must never replace.
@Suite(.serialized) struct DirectoryOutputTests {
    /// A copy of the example content in a new folder, with its output folder's path.
    private func workspace() throws -> (content: String, output: String) {
        let root = TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestSupport.exampleContent, toPath: root + "/Content")
        return (root + "/Content", root + "/Public")
    }

    private func build(_ content: String, into output: String, strict: Bool = true) throws -> (BuildSummary?, DiagnosticLog) {
        let builder = SiteBuilder(options: BuildOptions(
            contentFolder: content, templatesFolder: TestSupport.templates, outputFolder: output, strict: strict))
        let log = DiagnosticLog()
        let directory = try DirectoryOutput(path: output, protecting: [content, TestSupport.templates])
        return (try builder.build(into: directory, log: log), log)
    }

    /// Every file under a folder with its bytes, inode and modification time.
    private func snapshot(_ folder: String) -> [String: (bytes: [UInt8], inode: UInt64, modified: Double)] {
        var result: [String: (bytes: [UInt8], inode: UInt64, modified: Double)] = [:]
        for (path, bytes) in TestSupport.files(under: folder) {
            let attributes = try! FileManager.default.attributesOfItem(atPath: folder + "/" + path)
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            result[path] = (bytes, inode, modified)
        }
        return result
    }

    @Test func buildingTwiceGivesIdenticalBytes() throws {
        let (content, output) = try workspace()
        let first = output + "-first"
        _ = try build(content, into: first)
        _ = try build(content, into: output)
        let a = TestSupport.files(under: first), b = TestSupport.files(under: output)
        #expect(a.map(\.0) == b.map(\.0))
        #expect(a.count > 20)
        for (x, y) in zip(a, b) { #expect(x.1 == y.1, "\(x.0) differs between builds") }
    }

    @Test func aFailedBuildLeavesThePreviousSiteExactlyAsItWas() throws {
        let (content, output) = try workspace()
        let (summary, _) = try build(content, into: output)
        #expect(summary != nil)
        let before = snapshot(output)
        try "---\ntitle: Broken\ndate: 2025-02-30\n---\nText [@nowhere].\n".write(toFile: content + "/entries/broken.md", atomically: true, encoding: .utf8)
        let (failed, log) = try build(content, into: output)
        #expect(failed == nil)
        // The invalid date, and the unknown source its body cites, which is checked all the same.
        #expect(log.errorCount == 2)
        let after = snapshot(output)
        #expect(before.keys.sorted() == after.keys.sorted())
        for (path, file) in before {
            #expect(after[path]?.bytes == file.bytes && after[path]?.inode == file.inode && after[path]?.modified == file.modified, "\(path) changed")
        }
        // Nothing is left beside the output but the work folder's lock.
        let work = (output as NSString).deletingLastPathComponent + "/.Public.timeline"
        #expect((try? FileManager.default.contentsOfDirectory(atPath: work)) == ["lock"])
    }

    @Test func aRebuildRemovesPagesOfDeletedNotesAndKeepsUnchangedFiles() throws {
        let (content, output) = try workspace()
        _ = try build(content, into: output)
        let before = snapshot(output)
        #expect(before["entries/repairs.html"] != nil)
        try FileManager.default.removeItem(atPath: content + "/entries/repairs.md")
        // The report is cited only by the removed entry and the fact it showed; keep the site valid without them.
        let (summary, log) = try build(content, into: output, strict: false)
        #expect(summary != nil, "\(log.diagnostics)")
        let after = snapshot(output)
        #expect(after["entries/repairs.html"] == nil)
        #expect(Set(after.keys) == Set(before.keys).subtracting(["entries/repairs.html", "cards/repairs.png"]))
        // A page whose bytes did not change keeps its time stamp; a page that changed gets a new one.
        let unchanged = try #require(after["sources/council-2003.html"])
        #expect(unchanged.modified == before["sources/council-2003.html"]?.modified)
        #expect(after["index.html"]?.bytes != before["index.html"]?.bytes)
        #expect(after["index.html"]!.modified > before["index.html"]!.modified)
    }

    /// Builds the same content into memory, for comparison.
    private func expected(_ content: String) -> [String: [UInt8]] {
        let builder = SiteBuilder(options: BuildOptions(contentFolder: content, templatesFolder: TestSupport.templates))
        let output = MemoryOutput()
        _ = try? builder.build(into: output, log: DiagnosticLog())
        return output.files
    }

    private func site(_ folder: String) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: TestSupport.files(under: folder).filter { $0.0 != DirectoryOutput.markerName })
    }

    @Test func successiveBuildsReuseThePreviousSiteAndStayExact() throws {
        let (content, output) = try workspace()
        let work = (output as NSString).deletingLastPathComponent + "/.Public.timeline"
        let entry = content + "/entries/opening.md"
        let original = try String(contentsOfFile: entry, encoding: .utf8)
        for round in 0..<4 {
            try original.replacingOccurrences(of: "on a Friday", with: "on a Friday (round \(round))").write(toFile: entry, atomically: true, encoding: .utf8)
            if round == 2 { try FileManager.default.removeItem(atPath: content + "/pages/method.md") }
            if round == 2 {
                let about = content + "/pages/about.md"
                try (try String(contentsOfFile: about, encoding: .utf8)).replacingOccurrences(of: "Read the [method](method.md) or the", with: "Read the")
                    .write(toFile: about, atomically: true, encoding: .utf8)
            }
            let (summary, log) = try build(content, into: output, strict: false)
            #expect(summary != nil, "\(log.diagnostics)")
            #expect(site(output) == expected(content), "round \(round): the output is not exactly the site")
            // From the second build on, the previous site is kept as the spare for the next one.
            if round > 0 {
                #expect(FileManager.default.fileExists(atPath: work + "/spare-ready"))
                #expect(FileManager.default.fileExists(atPath: work + "/spare/index.html"))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: output + "/pages/method.html"))
    }

    /// Unchanged files are shared between the live site and the spare (hard links), so writing the next site
    /// into the spare must never change a file of the live one before the swap.
    @Test func filesSharedWithTheLiveSiteAreNeverWrittenInPlace() throws {
        let root = TestSupport.temporaryFolder()
        let output = root + "/Public"
        func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
        func links(_ path: String) -> Int {
            var info = stat()
            return lstat(path, &info) == 0 ? Int(info.st_nlink) : 0
        }
        // First site; then a second that changes a.html and keeps b.html and c.html.
        var site = try DirectoryOutput(path: output, protecting: [])
        try site.write("a.html", Array("a1".utf8))
        try site.write("b.html", Array("b1".utf8))
        try site.write("c.html", Array("c1".utf8))
        try site.commit()
        site = try DirectoryOutput(path: output, protecting: [])
        try site.write("a.html", Array("a2".utf8))
        try site.keep("b.html", stamp: try #require(site.stamp(of: "b.html")))
        try site.write("c.html", Array("c1".utf8))
        try site.commit()
        #expect(links(output + "/b.html") == 2 && links(output + "/c.html") == 2, "kept files are shared with the spare")
        #expect(links(output + "/a.html") == 1)

        // The third site changes the shared files; until it is committed, the live site is as it was.
        site = try DirectoryOutput(path: output, protecting: [])
        try site.write("a.html", Array("a2".utf8))
        try site.write("b.html", Array("b3".utf8))
        try site.write("c.html", Array("c3".utf8))
        #expect(contents(output + "/a.html") == "a2")
        #expect(contents(output + "/b.html") == "b1")
        #expect(contents(output + "/c.html") == "c1")
        try site.commit()
        #expect(contents(output + "/b.html") == "b3" && contents(output + "/c.html") == "c3")
        let spare = root + "/.Public.timeline/spare"
        #expect(contents(spare + "/b.html") == "b1" && contents(spare + "/c.html") == "c1")
    }

    /// The spare's mark lists the files the last build wrote anew: a file kept just after it was written anew
    /// is linked again from the live site, and one the mark does not list is taken as the live site's own.
    @Test func theSparesMarkListsTheFilesWrittenAnew() throws {
        let root = TestSupport.temporaryFolder()
        let output = root + "/Public", work = root + "/.Public.timeline"
        func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
        var site = try DirectoryOutput(path: output, protecting: [])
        try site.write("a.html", Array("a1".utf8))
        try site.write("b.html", Array("b1".utf8))
        try site.commit()
        site = try DirectoryOutput(path: output, protecting: [])
        try site.write("a.html", Array("a2".utf8))
        try site.keep("b.html", stamp: try #require(site.stamp(of: "b.html")))
        try site.commit()
        let mark = try #require(FileManager.default.contents(atPath: work + "/spare-ready"))
        #expect(SpareMark(bytes: Array(mark)).differing == ["a.html"])

        // The spare still holds a1: a.html, kept now, must be the live site's a2.
        site = try DirectoryOutput(path: output, protecting: [])
        try site.keep("a.html", stamp: try #require(site.stamp(of: "a.html")))
        try site.keep("b.html", stamp: try #require(site.stamp(of: "b.html")))
        try site.commit()
        #expect(contents(output + "/a.html") == "a2" && contents(output + "/b.html") == "b1")
        #expect(SpareMark(bytes: Array(try #require(FileManager.default.contents(atPath: work + "/spare-ready")))).differing == [])

        // A mark without its first line, as older builds left, says nothing: each file is looked at.
        try Data().write(to: URL(fileURLWithPath: work + "/spare-ready"))
        try FileManager.default.removeItem(atPath: work + "/spare/b.html")
        try "stale".write(toFile: work + "/spare/b.html", atomically: true, encoding: .utf8)
        site = try DirectoryOutput(path: output, protecting: [])
        try site.keep("b.html", stamp: try #require(site.stamp(of: "b.html")))
        try site.keep("a.html", stamp: try #require(site.stamp(of: "a.html")))
        try site.commit()
        #expect(contents(output + "/b.html") == "b1" && contents(output + "/a.html") == "a2")
    }

    @Test func aSpareLeftHalfWrittenIsNotTrusted() throws {
        let (content, output) = try workspace()
        let work = (output as NSString).deletingLastPathComponent + "/.Public.timeline"
        _ = try build(content, into: output)
        _ = try build(content, into: output)
        #expect(FileManager.default.fileExists(atPath: work + "/spare-ready"))
        // A build killed while writing into the spare leaves it without its mark, and with wrong files.
        try FileManager.default.removeItem(atPath: work + "/spare-ready")
        try "half".write(toFile: work + "/spare/index.html", atomically: true, encoding: .utf8)
        try "stale".write(toFile: work + "/spare/entries/gone.html", atomically: true, encoding: .utf8)
        _ = try build(content, into: output)
        #expect(site(output) == expected(content))
    }

    @Test func leftoversOfAKilledBuildAreRemoved() throws {
        let (content, output) = try workspace()
        let work = (output as NSString).deletingLastPathComponent + "/.Public.timeline"
        try FileManager.default.createDirectory(atPath: work + "/staging-99999/entries", withIntermediateDirectories: true)
        try "half".write(toFile: work + "/staging-99999/entries/x.html", atomically: true, encoding: .utf8)
        _ = try build(content, into: output)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: work)) == ["lock"])
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/.timeline-site"))
    }

    @Test func refusesFoldersItMustNeverReplace() throws {
        let (content, output) = try workspace()
        let root = (content as NSString).deletingLastPathComponent
        func refusal(_ path: String) -> String? {
            do {
                _ = try DirectoryOutput(path: path, protecting: [content, TestSupport.templates])
                return nil
            } catch {
                return error.message
            }
        }
        #expect(refusal("/") == "refusing to write the site to the root folder '/'")
        #expect(refusal(NSHomeDirectory())?.hasPrefix("refusing to write the site to the home folder") == true)
        #expect(refusal(content) == "refusing to write the site here: it would replace '\(content)'")
        #expect(refusal(root) == "refusing to write the site here: it would replace '\(content)'")
        #expect(refusal(content + "/entries") == "refusing to write the site inside '\(content)'")
        #expect(refusal(TestSupport.templates + "/site") == "refusing to write the site inside '\(TestSupport.templates)'")
        #expect(refusal(TestSupport.repository)?.hasPrefix("refusing to write the site here") == true)
        let foreign = root + "/Documents"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try "mine".write(toFile: foreign + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(refusal(foreign)?.hasPrefix("the output folder holds files that timeline did not write") == true)
        #expect(refusal(output) == nil)
    }

    /// A path with a `.` or `..` part is refused wherever the part is, and one with dots inside names is not.
    @Test(arguments: [
        ("..", true), (".", true), ("../index.html", true), ("a/../b.html", true), ("a/./b.html", true), ("a/..", true), ("a/.", true),
        ("index.html", false), ("a/...b/c.html", false), ("a/.well-known/x", false), ("a/b..c/d", false), ("...", false), ("a//b", false),
        (".nojekyll", false), ("entries/x.fr.html", false),
    ])
    func pathsWithDotPartsAreFound(path: String, refused: Bool) {
        #expect(DirectoryOutput.hasDotComponent(path) == refused)
        #expect(DirectoryOutput.hasDotComponent(path) == path.split(separator: "/").contains { $0 == ".." || $0 == "." })
    }
}
