import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TimelinePreview

/// The preview's watcher: the kernel's word of a change is enough, in folders made after it started too, and
/// a file written again with the same bytes and time starts nothing.
@Suite struct FolderWatcherTests {
    /// A new empty folder.
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "watcher-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/entries", withIntermediateDirectories: true)
        try "a".write(toFile: path + "/entries/a.md", atomically: false, encoding: .utf8)
        return path
    }

    #if os(Linux)
    @Test func theKernelsWordIsEnoughWithoutTheComparisonsInBetween() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Comparisons an hour apart: only inotify can report the edits in time.
        let watcher = FolderWatcher(folders: [root], fallback: 3600)
        #expect(watcher.isNotified)
        // A new size: a file written again with its size and time, as two writes within one tick of the
        // kernel's clock can leave it, is no change.
        try "bb".write(toFile: root + "/entries/a.md", atomically: true, encoding: .utf8)
        #expect(await watcher.nextChange(within: 10))

        // A folder made while watching is watched: a note written into it is reported.
        try FileManager.default.createDirectory(atPath: root + "/topics", withIntermediateDirectories: false)
        #expect(await watcher.nextChange(within: 1) == false, "an empty folder is not a change to the site")
        try "t".write(toFile: root + "/topics/t.md", atomically: false, encoding: .utf8)
        #expect(await watcher.nextChange(within: 10))
        try FileManager.default.removeItem(atPath: root + "/topics/t.md")
        #expect(await watcher.nextChange(within: 10))
    }
    #endif

    #if os(Linux)
    @Test func aFileReadOrWrittenAgainAsItWasStartsNothing() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = FolderWatcher(folders: [root], interval: 0.01, fallback: 0.05)
        let path = root + "/entries/a.md"
        var before = stat()
        #expect(stat(path, &before) == 0)
        _ = try String(contentsOfFile: path, encoding: .utf8)
        try "a".write(toFile: path, atomically: false, encoding: .utf8)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(await watcher.nextChange(within: 1) == false)
        // A real edit is found.
        try "ab".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(await watcher.nextChange(within: 10))
    }
    #endif

    /// A watcher that starts from an earlier snapshot (the preview's, taken before its first build) reports a
    /// save made before it was up, at its first look, with comparisons an hour apart and no word from the kernel.
    @Test func aSaveMadeBeforeTheWatcherIsUpIsReported() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let start = TimelinePreview.FolderSnapshot(folders: [root])
        try "b".write(toFile: root + "/entries/a.md", atomically: true, encoding: .utf8)
        let watcher = FolderWatcher(folders: [root], since: start, fallback: 3600)
        #expect(await watcher.nextChange(within: 0.5))
        #expect(await watcher.nextChange(within: 0.5) == false, "the change is reported once")
    }
}
