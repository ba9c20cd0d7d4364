import Foundation
import Synchronization
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
import TimelineTesting

/// A build trusts content, not clocks: a damaged cache or one of another generator is not used and the build
/// says so; a file changed too close to the last build for its time stamp to tell is read again; and the
/// spare site's copies are trusted only when they are the live site's very files.
@Suite(.serialized) struct CacheTrustTests {
    /// A copy of the example site in a new folder, with its output folder.
    struct Site {
        let root = TestSupport.temporaryFolder()
        var content: String { root + "/Content" }
        var output: String { root + "/Public" }
        var cacheFolder: String { root + "/.Public.timeline" }

        init() throws {
            try FileManager.default.copyItem(atPath: TestSupport.exampleContent, toPath: root + "/Content")
        }

        /// Builds into the output with its cache, as `timeline build` does.
        @discardableResult
        func build() throws -> BuildSummary {
            let directory = try DirectoryOutput(path: output, protecting: [content, TestSupport.templates])
            var cache = BuildCache.load(from: directory.cachePath)
            let log = DiagnosticLog()
            let summary = try SiteBuilder(options: BuildOptions(contentFolder: content, templatesFolder: TestSupport.templates, outputFolder: output))
                .build(into: directory, log: log, cache: &cache)
            try #require(summary != nil, "\(log.diagnostics)")
            cache.save()
            return summary!
        }

        /// The files a build from nothing gives for the content as it is now.
        func fresh() throws -> [(String, [UInt8])] {
            let other = TestSupport.temporaryFolder() + "/Public"
            let directory = try DirectoryOutput(path: other, protecting: [content, TestSupport.templates])
            _ = try SiteBuilder(options: BuildOptions(contentFolder: content, templatesFolder: TestSupport.templates, outputFolder: other))
                .build(into: directory, log: DiagnosticLog())
            return TestSupport.files(under: other)
        }

        func text(_ path: String) throws -> String { try String(contentsOfFile: root + "/" + path, encoding: .utf8) }

        func write(_ path: String, _ text: String) throws { try text.write(toFile: root + "/" + path, atomically: false, encoding: .utf8) }

        /// Sets a file's modification time, as a file system with a coarser clock would have left it.
        func setTime(_ path: String, seconds: Int, nanoseconds: Int = 0) {
            var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
            _ = utimensat(AT_FDCWD, root + "/" + path, &times, 0)
        }
    }

    /// Every file of the cache, damaged in turn: the build after an unrelated edit equals a build from nothing,
    /// and a note names the file that was not used.
    @Test func aDamagedCacheFileIsNotUsedAndTheBuildSaysSo() throws {
        let names = ["cache", "cache.entries", "cache.topics", "cache.pages", "cache.renderings", "cache.reads", "cache.readkeys", "cache.texts"]
        for (round, name) in names.enumerated() {
            let site = try Site()
            try site.build()
            let path = site.cacheFolder + "/" + name
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            // A change past the stamp, in the middle of what the file holds, as bit rot would make it.
            let position = 16 + (bytes.count - 16) / 2
            bytes[position] ^= 0x20
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            try site.write("Content/entries/repairs.md", try site.text("Content/entries/repairs.md") + "\nAnother sentence \(round).\n")
            let summary = try site.build()
            #expect(summary.notes.contains { $0.contains("'\(name)' was damaged") }, "\(name): \(summary.notes)")
            let built = TestSupport.files(under: site.output)
            let fresh = try site.fresh()
            #expect(built.map(\.0) == fresh.map(\.0), "\(name)")
            for ((path, data), (_, expected)) in zip(built, fresh) { #expect(data == expected, "\(name): \(path)") }
        }
    }

    /// The local file system, counting the files read, so that a test can tell which files a build opened.
    final class CountingFileSystem: FileSystem, Sendable {
        let base = LocalFileSystem()
        let read = Mutex<[String]>([])

        func listDirectory(_ path: String) throws(FileSystemError) -> [DirectoryItem]? { try base.listDirectory(path) }
        func kind(of path: String) -> FileKind? { base.kind(of: path) }
        func readFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
            read.withLock { $0.append(path) }
            return try base.readFile(path, limit: limit)
        }
        func resolvedPath(_ path: String) -> String? { base.resolvedPath(path) }
        func stamp(of path: String) -> FileStamp? { base.stamp(of: path) }
        func identity(of path: String) -> FileIdentity? { base.identity(of: path) }
    }

    /// Builds as ``Site/build()`` does, through `fileSystem`.
    func build(_ site: Site, through fileSystem: any FileSystem) throws {
        let directory = try DirectoryOutput(path: site.output, protecting: [site.content, TestSupport.templates])
        var cache = BuildCache.load(from: directory.cachePath)
        let options = BuildOptions(contentFolder: site.content, templatesFolder: TestSupport.templates, outputFolder: site.output)
        let log = DiagnosticLog()
        #expect(try SiteBuilder(options: options, fileSystem: fileSystem).build(into: directory, log: log, cache: &cache) != nil, "\(log.diagnostics)")
        cache.save()
    }

    /// An edit opens only the note files it changed: the others' texts are those the cache kept, taken while
    /// each file's size, times, device and inode are those it had when it was read.
    @Test func anEditOpensOnlyTheNotesItChanged() throws {
        let site = try Site()
        // The copy's times, clearly before the build, so that the next build may trust them.
        Thread.sleep(forTimeInterval: 0.15)
        try site.build()
        try site.write("Content/entries/repairs.md", try site.text("Content/entries/repairs.md") + "\nAnother sentence.\n")
        let counting = CountingFileSystem()
        try build(site, through: counting)
        let notes = counting.read.withLock { $0 }.filter { $0.hasSuffix(".md") && !$0.contains("/archive/") }
        #expect(notes.map { $0.split(separator: "/").suffix(2).joined(separator: "/") } == ["entries/repairs.md"])
        let built = TestSupport.files(under: site.output)
        let fresh = try site.fresh()
        #expect(built.map(\.0) == fresh.map(\.0))
        for ((path, data), (_, expected)) in zip(built, fresh) { #expect(data == expected, "\(path)") }
    }

    /// A note renamed over another of the same size and time is read, though its stamp is the one the other
    /// had: its inode and change time are not.
    @Test func aNoteRenamedOverAnotherOfTheSameStampIsRead() throws {
        let site = try Site()
        let (kept, moved) = ("Content/entries/bridge-proposed.md", "Content/entries/bridge-moved.md")
        let text = try site.text(kept)
        try site.write(moved, text.replacingOccurrences(of: "heard a plan for a bridge", with: "heard a plan for a tunnel"))
        let old = Int(Date().timeIntervalSince1970) - 100
        site.setTime(kept, seconds: old, nanoseconds: 5)
        site.setTime(moved, seconds: old, nanoseconds: 5)
        Thread.sleep(forTimeInterval: 0.15)
        try site.build()
        #expect(rename(site.root + "/" + moved, site.root + "/" + kept) == 0)
        try site.build()
        let page = try String(contentsOfFile: site.output + "/entries/bridge-proposed.html", encoding: .utf8)
        #expect(page.contains("plan for a tunnel") && !page.contains("plan for a bridge"))
        #expect(!FileManager.default.fileExists(atPath: site.output + "/entries/bridge-moved.html"))
    }

    /// A cache whose stamp is another generator's is not used, and the build says why.
    @Test func aCacheOfAnotherGeneratorIsNotUsedAndTheBuildSaysSo() throws {
        let site = try Site()
        try site.build()
        let path = site.cacheFolder + "/cache"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[0] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let summary = try site.build()
        #expect(summary.notes.contains { $0.contains("another version of timeline") }, "\(summary.notes)")
        #expect(summary.rendered == summary.files, "every page is made again")
    }

    @Test func aTimeStampIsTrustedOnlyWhenClearlyBeforeTheLastBuild() {
        let start = FileStamp(size: 0, seconds: 1000, nanoseconds: 500_000_000)
        // Whole seconds: perhaps a clock that counts seconds, or two on FAT.
        #expect(InputStamp.isSettled(FileStamp(size: 1, seconds: 998, nanoseconds: 0), before: start))
        #expect(!InputStamp.isSettled(FileStamp(size: 1, seconds: 999, nanoseconds: 0), before: start))
        #expect(!InputStamp.isSettled(FileStamp(size: 1, seconds: 1000, nanoseconds: 0), before: start))
        // Finer times, with a tenth of a second's margin.
        #expect(InputStamp.isSettled(FileStamp(size: 1, seconds: 1000, nanoseconds: 300_000_000), before: start))
        #expect(!InputStamp.isSettled(FileStamp(size: 1, seconds: 1000, nanoseconds: 450_000_000), before: start))
        #expect(!InputStamp.isSettled(FileStamp(size: 1, seconds: 1001, nanoseconds: 1), before: start))
    }

    /// An edit that keeps a file's size, made in the same second as the build before (so that a clock of whole
    /// seconds gives it the same time stamp), is still seen; once every file is older than the last build,
    /// a build with nothing changed does nothing.
    @Test func anEditInTheSameSecondAsTheLastBuildIsSeen() throws {
        let site = try Site()
        let now = Int(Date().timeIntervalSince1970)
        let note = "Content/entries/opening.md"
        #expect(try site.text(note).contains("Friday"))
        site.setTime(note, seconds: now)
        try site.build()
        try site.write(note, try site.text(note).replacingOccurrences(of: "Friday", with: "Monday"))
        site.setTime(note, seconds: now)
        try site.build()
        #expect(try site.text("Public/entries/opening.html").contains("Monday"))
        // Once settled, the fast path holds again.
        site.setTime(note, seconds: now - 60)
        try site.build()
        #expect(try site.build().rendered == 0)
    }

    /// Two builds in one second on a file system that counts whole seconds leave the spare's copy of a
    /// changed page with the size and time stamp of the live one; the next build must not publish it.
    @Test func theSparesCopyIsTrustedOnlyWhenItIsTheLiveFile() throws {
        let site = try Site()
        let settings = try site.text("Content/site.yaml")
        let title = try #require(settings.split(separator: "\n").first { $0.hasPrefix("title:") })
        try site.write("Content/site.yaml", settings.replacingOccurrences(of: String(title), with: "title: Bridge AAAA"))
        try site.build()
        try site.write("Content/site.yaml", settings.replacingOccurrences(of: String(title), with: "title: Bridge BBBB"))
        try site.build()
        // What a clock of whole seconds would have given both copies of the home page.
        let now = Int(Date().timeIntervalSince1970)
        site.setTime("Public/index.html", seconds: now)
        site.setTime(".Public.timeline/spare/index.html", seconds: now)
        try site.write("Content/entries/repairs.md", try site.text("Content/entries/repairs.md") + "\nAn extra sentence.\n")
        try site.build()
        #expect(try site.text("Public/index.html").contains("Bridge BBBB"))
        let fresh = try site.fresh()
        let built = TestSupport.files(under: site.output)
        #expect(built.map(\.0) == fresh.map(\.0))
        for ((path, data), (_, expected)) in zip(built, fresh) { #expect(data == expected, "\(path)") }
    }

    /// The bodies of the renderings the cache kept are read from its file when first asked for: they are the
    /// bodies the build rendered, and stay so after the file is replaced and removed, as the next build does.
    @Test func keptBodiesAreTheRenderedOnesAfterTheirFileIsReplaced() throws {
        let site = try Site()
        try site.build()
        var rendered = BuildCache.empty()
        _ = try #require(SiteBuilder(options: BuildOptions(contentFolder: site.content, templatesFolder: TestSupport.templates)).prepare(log: DiagnosticLog(), cache: &rendered))
        let expected = rendered.renderings
        var cache = BuildCache.load(from: site.cacheFolder + "/cache")
        let kept = cache.renderings
        #expect(kept.count == expected.count && !kept.isEmpty)
        let file = site.cacheFolder + "/cache.renderings"
        try Array(repeating: UInt8(ascii: "x"), count: 64).withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: file + ".other")) }
        #expect(rename(file + ".other", file) == 0 && unlink(file) == 0)
        for (path, rendering) in kept {
            let markdown = try #require(expected[path]).result.note.markdown
            #expect(rendering.result.note.markdown.html == markdown.html && !markdown.html.isEmpty, "\(path)")
            #expect(rendering.result.note.markdown.text == markdown.text, "\(path)")
        }
    }

    /// A build writes the rendered bodies to the cache's file while it finishes the site, and saving the cache
    /// waits for them. A cache kept in memory for the next build, as `timeline serve` keeps it, still holds
    /// them whole: an edit renders one body again.
    @Test func renderingsWrittenDuringTheBuildAreSavedAndKept() throws {
        let site = try Site()
        let builder = SiteBuilder(options: BuildOptions(contentFolder: site.content, templatesFolder: TestSupport.templates, outputFolder: site.output))
        var fresh = BuildCache.empty()
        _ = try #require(builder.prepare(log: DiagnosticLog(), cache: &fresh))
        let expected = fresh.renderings
        let directory = try DirectoryOutput(path: site.output, protecting: [site.content, TestSupport.templates])
        var cache = BuildCache.load(from: directory.cachePath)
        _ = try #require(try builder.build(into: directory, log: DiagnosticLog(), cache: &cache))
        cache.save()
        var saved = BuildCache.load(from: directory.cachePath)
        let onDisk = saved.renderings
        #expect(Set(onDisk.keys) == Set(expected.keys) && !onDisk.isEmpty)
        for (path, rendering) in onDisk { #expect(rendering.result.note.markdown.html == expected[path]?.result.note.markdown.html, "\(path)") }
        #expect(cache.renderings.count == expected.count)
        #expect(cache.damageNotes == [])
        // The next build in the same process takes every other body from the cache.
        let entry = site.content + "/entries/repairs.md"
        try (try String(contentsOfFile: entry, encoding: .utf8) + "\nAn extra sentence.\n").write(toFile: entry, atomically: true, encoding: .utf8)
        let log = DiagnosticLog()
        let prepared = try #require(builder.prepare(log: log, cache: &cache))
        #expect(prepared.bodiesRendered == 1, "\(log.diagnostics)")
        let next = try DirectoryOutput(path: site.output, protecting: [site.content, TestSupport.templates])
        #expect(try builder.write(prepared, to: next, cache: &cache).rendered > 0)
        cache.save()
        saved = BuildCache.load(from: next.cachePath)
        #expect(saved.renderings.count == expected.count)
    }
}
