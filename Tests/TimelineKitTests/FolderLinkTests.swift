import Foundation
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelinePreview
import TimelineTesting

/// Folders named through symbolic links: the output is checked against the content and templates with every
/// link followed, `Public/.` is `Public`, a content path that is a file is reported, and notes in a linked
/// folder are seen by incremental builds.
@Suite(.serialized) struct FolderLinkTests {
    /// A folder holding a copy of the example content, with the paths of the content and of the output.
    private func workspace() throws -> (root: String, content: String, output: String) {
        let root = TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestSupport.exampleContent, toPath: root + "/Content")
        return (root, root + "/Content", root + "/Public")
    }

    private func refusal(_ path: String, protecting protected: [String]) -> String? {
        do {
            _ = try DirectoryOutput(path: path, protecting: protected)
            return nil
        } catch {
            return error.message
        }
    }

    /// Builds with the build cache kept beside the output, as `timeline build` does.
    private func build(_ content: String, into output: String) throws -> (BuildSummary?, DiagnosticLog) {
        let directory = try DirectoryOutput(path: output, protecting: [content, TestSupport.templates])
        var cache = BuildCache.load(from: directory.cachePath)
        let log = DiagnosticLog()
        let summary = try SiteBuilder(options: BuildOptions(contentFolder: content, templatesFolder: TestSupport.templates, outputFolder: output))
            .build(into: directory, log: log, cache: &cache)
        cache.save()
        return (summary, log)
    }

    @Test func anOutputInsideTheContentThroughALinkIsRefused() throws {
        let (root, content, _) = try workspace()
        try FileManager.default.createSymbolicLink(atPath: root + "/C2", withDestinationPath: "Content")
        #expect(refusal(root + "/C2/Public", protecting: [content, TestSupport.templates]) == "refusing to write the site inside '\(content)'")
        #expect(refusal(root + "/C2", protecting: [content]) == "refusing to write the site here: it would replace '\(content)'")
        #expect(refusal(root + "/Content/Public", protecting: [root + "/C2"])
            == "refusing to write the site inside '\(root)/C2' (which is '\(root)/Content' once links are followed)")
        // Nothing was written into the content.
        #expect(try FileManager.default.contentsOfDirectory(atPath: content).sorted() == ["entries", "facts.yaml", "pages", "site.yaml", "sources.yaml", "topics"])
    }

    @Test func contentReachedThroughALinkInsideTheOutputIsNeverReplaced() throws {
        let (root, content, output) = try workspace()
        #expect(try build(content, into: output).0 != nil)
        try FileManager.default.moveItem(atPath: content, toPath: output + "/Content")
        try FileManager.default.createSymbolicLink(atPath: content, withDestinationPath: "Public/Content")
        let message = refusal(output, protecting: [content, TestSupport.templates])
        #expect(message == "refusing to write the site here: it would replace '\(content)' (which is '\(root)/Public/Content' once links are followed)")
        #expect(FileManager.default.fileExists(atPath: content + "/entries/opening.md"))
        #expect(!FileManager.default.fileExists(atPath: root + "/.Public.timeline/spare/Content"))
    }

    @Test func theServerRefusesAnOutputInsideTheContentBeforeBuilding() async throws {
        let (root, content, _) = try workspace()
        try FileManager.default.createSymbolicLink(atPath: root + "/C2", withDestinationPath: "Content")
        let options = BuildOptions(contentFolder: content, templatesFolder: TestSupport.templates, outputFolder: root + "/C2/Public")
        await #expect(throws: OutputError.self) { try await PreviewServer(options: options, port: 0) { _ in }.run() }
        #expect(!FileManager.default.fileExists(atPath: content + "/Public"))
        #expect(!FileManager.default.fileExists(atPath: content + "/.Public.timeline"))
    }

    @Test func anOutputEndingInDotIsTheFolderItself() throws {
        let (root, content, output) = try workspace()
        #expect(try build(content, into: output + "/.").0 != nil)
        try "\nEdited.\n".appendLine(to: content + "/entries/opening.md")
        let (summary, log) = try build(content, into: output + "/./")
        #expect(summary?.rendered ?? 0 > 0, "\(log.diagnostics)")
        #expect(try String(contentsOfFile: output + "/entries/opening.html", encoding: .utf8).contains("Edited."))
        #expect(try DirectoryOutput(path: output + "/.", protecting: []).workFolder == root + "/.Public.timeline")
        for path in [".", "./", output + "/..", ".."] {
            #expect(refusal(path, protecting: [content]) == "name the output folder itself, such as Public, not '.' or '..'")
        }
    }

    @Test func aContentOrTemplatesPathThatIsAFileIsReported() throws {
        let (_, content, _) = try workspace()
        let builder = SiteBuilder(options: BuildOptions(contentFolder: content + "/site.yaml", templatesFolder: TestSupport.templates + "/page.mustache"))
        let log = DiagnosticLog()
        #expect(builder.prepare(log: log) == nil)
        #expect(log.diagnostics.map(\.description).sorted() == [
            "\(content)/site.yaml: error: content folder '\(content)/site.yaml' is not a folder [missing-content]",
            "\(TestSupport.templates)/page.mustache: error: templates folder '\(TestSupport.templates)/page.mustache' is not a folder [missing-templates]",
        ].sorted())
    }

    @Test func editsInALinkedNoteFolderUnderAHiddenFolderAreBuilt() throws {
        let (_, content, output) = try workspace()
        try FileManager.default.createDirectory(atPath: content + "/.real", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: content + "/entries", toPath: content + "/.real/entries")
        try FileManager.default.createSymbolicLink(atPath: content + "/entries", withDestinationPath: ".real/entries")
        #expect(try build(content, into: output).0 != nil)
        // An edit in place, which leaves the linked folder's own time stamp as it was.
        let note = content + "/.real/entries/opening.md"
        let text = try String(contentsOfFile: note, encoding: .utf8)
        let handle = try #require(FileHandle(forWritingAtPath: note))
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: "on a Friday", with: "on a XYZZYday").utf8))
        try handle.close()
        let (summary, _) = try build(content, into: output)
        #expect(summary?.rendered ?? 0 > 0)
        #expect(try String(contentsOfFile: output + "/entries/opening.html", encoding: .utf8).contains("XYZZYday"))
    }

    @Test func theWalkFollowsLinksInsideOnceAndEndsOnLoops() throws {
        let root = TestSupport.temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/a/deep", withIntermediateDirectories: true)
        try "x".write(toFile: root + "/a/deep/file.md", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/a/deep/loop", withDestinationPath: "../..")
        try FileManager.default.createSymbolicLink(atPath: root + "/b", withDestinationPath: "a/deep")
        try FileManager.default.createSymbolicLink(atPath: root + "/out", withDestinationPath: "/")
        try FileManager.default.createDirectory(atPath: root + "/.hidden/notes", withIntermediateDirectories: true)
        try "y".write(toFile: root + "/.hidden/notes/n.md", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/notes", withDestinationPath: ".hidden/notes")
        let walker = FolderWalker(fileSystem: LocalFileSystem(), followsLinksInside: true)
        #expect(walker.files(in: root) == ["a/deep/file.md", "a/deep/loop", "b", "notes", "notes/n.md", "out"])
        #expect(FolderWalker(fileSystem: LocalFileSystem()).files(in: root) == ["a/deep/file.md", "a/deep/loop", "b", "notes", "out"])
    }

    /// A walk that leaves names unsorted finds the same items, each folder before what it holds.
    @Test func anUnsortedWalkFindsTheSameItemsParentsFirst() throws {
        let root = TestSupport.temporaryFolder()
        for folder in ["m/z", "m/a/b", "c"] { try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true) }
        for (index, file) in ["m/z/1", "m/a/b/2", "m/a/3", "c/4", "5", "m/6", ".7", "m/.8"].enumerated() {
            try "\(index)".write(toFile: root + "/" + file, atomically: false, encoding: .utf8)
        }
        let sorted = FolderWalker(fileSystem: LocalFileSystem(), skipsHidden: false).walk(root)
        let unsorted = FolderWalker(fileSystem: LocalFileSystem(), skipsHidden: false, sortsItems: false).walk(root)
        #expect(sorted.items.count == 13 && unsorted.failures.isEmpty)
        #expect(Set(unsorted.items.map(\.path)) == Set(sorted.items.map(\.path)))
        #expect(unsorted.items.map { Optional($0.kind) } == unsorted.items.map { item in sorted.items.first { $0.path == item.path }?.kind })
        for (position, item) in unsorted.items.enumerated() {
            guard let slash = item.path.lastIndex(of: "/") else { continue }
            let parent = String(item.path[..<slash])
            #expect(unsorted.items[..<position].contains { $0.path == parent && $0.kind == .directory }, "\(item.path)")
        }
    }
}
