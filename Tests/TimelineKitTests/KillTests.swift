import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// Killing a build at any moment leaves either the old site or the new one in `Public/`, never a mix, and
/// the next build cleans up after it.
///
/// A generated site of 2,000 entries is built once with one title (the old site); then, again and again,
/// the title is switched (so that every page changes), a build is started and sent SIGKILL after a random
/// delay spread over a whole build, and `Public/` must then be exactly one of the two reference builds.
/// Kills follow one another without a clean build between them, so a build also starts from what a
/// killed one left. The delays come from a fixed seed (`KILL_TEST_SEED` chooses another).
@Suite(.serialized) struct KillTests {
    static let entries = 2_000
    static let killPoints = 20

    /// Writes a site of `entries` entries, 40 topics and 100 sources.
    static func makeSite(at content: String) throws {
        let files = FileManager.default
        try files.createDirectory(atPath: content + "/entries", withIntermediateDirectories: true)
        try files.createDirectory(atPath: content + "/topics", withIntermediateDirectories: true)
        var sources = ""
        for number in 0..<100 { sources += "- id: source-\(number)\n  title: Source \(number)\n  date: \(1990 + number % 35)\n" }
        try sources.write(toFile: content + "/sources.yaml", atomically: false, encoding: .utf8)
        for number in 0..<40 {
            try "---\ntitle: Topic \(number)\nkind: theme\n---\n\nTopic \(number) [@source-\(number)].\n"
                .write(toFile: content + "/topics/topic-\(number).md", atomically: false, encoding: .utf8)
        }
        for number in 0..<entries {
            let text = """
                ---
                title: Entry \(number)
                date: \(1990 + number % 35)-\(String(format2: 1 + number % 12))
                summary: What happened in entry \(number).
                topics: [topic-\(number % 40)]
                ---

                Something happened [@source-\(number % 100)], as told in [[topic-\((number * 7) % 40)]].

                """
            try text.write(toFile: content + "/entries/entry-\(number).md", atomically: false, encoding: .utf8)
        }
        try setTitle("A", in: content)
    }

    static func setTitle(_ title: String, in content: String) throws {
        // Share cards are left out: drawn once and then kept by hash, they would make the first builds much
        // slower than the later ones, which the kill points are spread over.
        try "title: Large site \(title)\ndescription: A generated site of many entries.\nlanguage: en\nshare_cards: false\n"
            .write(toFile: content + "/site.yaml", atomically: true, encoding: .utf8)
    }

    /// Starts `timeline build` and sends it SIGKILL after `delay` seconds, unless it finished before.
    @discardableResult
    static func startAndKill(after delay: Double, in root: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        process.arguments = ["build"]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(delay)
        while process.isRunning, Date() < deadline { usleep(2_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process
    }

    @Test func killingABuildLeavesTheOldSiteOrTheNewOne() throws {
        let root = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyContents(of: TestSupport.templates, to: root + "/Templates")
        try Self.makeSite(at: root + "/Content")

        // The two sites Public/ may hold, each built once into a new folder: the old one into Public/ itself.
        let old = try Timeline.run(["build"], in: root)
        try #require(old.status == 0, "\(old.errors)")
        try Self.setTitle("B", in: root + "/Content")
        let new = try Timeline.run(["build", "--output", "Reference"], in: root)
        try #require(new.status == 0, "\(new.errors)")
        let references = ["A": FolderSnapshot(root + "/Public").files, "B": FolderSnapshot(root + "/Reference").files]
        try #require(references["A"]!.count > Self.entries)
        #expect(references["A"]!.keys.sorted() == references["B"]!.keys.sorted())
        let unchangedPages = references["A"]!.filter { $0.key.hasSuffix(".html") && references["B"]![$0.key] == $0.value }.keys
        #expect(unchangedPages.isEmpty, "every page shows the title: \(unchangedPages.sorted().prefix(5))")

        // A kill before the loop, then a normal build that follows it and cleans up.
        var full = max(old.seconds, new.seconds)
        try Self.startAndKill(after: 0.8 * full, in: root)
        let calibration = FolderSnapshot(root + "/Public").files
        #expect(calibration == references["A"] || calibration == references["B"])
        let recovery = try Timeline.run(["build"], in: root)
        #expect(recovery.status == 0, "\(recovery.errors)")
        #expect(FolderSnapshot(root + "/Public").files == references["B"])
        var current = "B"
        // A build that follows one killed late first deletes all that one wrote, and can take twice as long
        // as a first build: the kill points are spread over twice the longest build measured.
        full = max(full, recovery.seconds)

        let seed = ProcessInfo.processInfo.environment["KILL_TEST_SEED"].flatMap { UInt64($0) } ?? 20_251_121
        var random = SeededGenerator(state: seed)
        var killedBeforeSwap = 0, killedAfterSwap = 0, finished = 0
        var delays: [Double] = []
        // Builds go on until as many were killed mid-build as there are kill points; one that finishes first
        // does not count, and a bound on the attempts keeps a machine that builds too fast from looping.
        var point = 0
        while killedBeforeSwap + killedAfterSwap < Self.killPoints, point < Self.killPoints * 4 {
            defer { point += 1 }
            let next = current == "A" ? "B" : "A"
            try Self.setTitle(next, in: root + "/Content")
            let delay = Double.random(in: 0.02...(full * 1.5), using: &random)
            delays.append(delay)
            let process = try Self.startAndKill(after: delay, in: root)
            let wasKilled = process.terminationReason == .uncaughtSignal
            if !wasKilled { #expect(process.terminationStatus == 0, "kill point \(point): the build failed") }

            let site = FolderSnapshot(root + "/Public").files
            if site == references[current] {
                #expect(wasKilled, "kill point \(point): a finished build left the old site")
                killedBeforeSwap += 1
            } else if site == references[next] {
                if wasKilled { killedAfterSwap += 1 } else { finished += 1 }
                current = next
            } else {
                let mixed = site.keys.filter { site[$0] != references["A"]![$0] && site[$0] != references["B"]![$0] }.sorted()
                Issue.record("kill point \(point) at \(delay) s left a mix of the two sites: \(site.count) files, \(mixed.prefix(5)) in neither")
                return
            }
        }
        #expect(killedBeforeSwap + killedAfterSwap >= Self.killPoints, "only \(killedBeforeSwap + killedAfterSwap) builds were killed mid-build")
        // The kill points covered the build: many came before the new site took the old one's place.
        #expect(killedBeforeSwap >= 5, "only \(killedBeforeSwap) kills came before the swap")

        // At the end, a normal build finishes and leaves nothing of the killed ones behind.
        let next = current == "A" ? "B" : "A"
        try Self.setTitle(next, in: root + "/Content")
        let build = try Timeline.run(["build"], in: root)
        #expect(build.status == 0, "\(build.errors)")
        #expect(FolderSnapshot(root + "/Public").files == references[next])
        let work = (try? FileManager.default.contentsOfDirectory(atPath: root + "/.Public.timeline")) ?? []
        #expect(work.filter { $0.hasPrefix("staging-") } == [], "leftovers: \(work)")
        #expect(work.contains("lock"))
        // The previous site, kept for the next build to write into, is marked as whole.
        #expect(work.contains("spare") == work.contains("spare-ready"), "spare without its mark: \(work)")
        print("kill test: \(killedBeforeSwap + killedAfterSwap) kills in \(point) builds over a \(String(format: "%.2f", full)) s build, delays \(delays.map { String(format: "%.2f", $0) }.joined(separator: " ")); \(killedBeforeSwap) left the old site, \(killedAfterSwap) the new one after the swap, \(finished) builds finished first")
    }
}
