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

/// The same content gives the same bytes, whatever the machine: builds through the command line with
/// different process orders (one worker, the default, many), time zones, locales and orders in which the
/// file system lists folders, compared file by file.
@Suite struct DeterminismTests {
    struct Setting {
        /// Where the project is made: /tmp lists a folder in hash order; a tmpfs such as /dev/shm lists it in
        /// reverse order of creation, so a copy made in reverse lists in name order.
        var base: String
        var reversedCopy: Bool
        var environment: [String: String]
    }

    static let settings: [Setting] = [
        Setting(base: NSTemporaryDirectory(), reversedCopy: false, environment: [
            "TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TIMELINE_JOBS": "1",
        ]),
        Setting(base: tmpfs ?? NSTemporaryDirectory(), reversedCopy: false, environment: [
            "TZ": "Pacific/Kiritimati", "LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_TIME": "fr_FR.UTF-8",
        ]),
        Setting(base: tmpfs ?? NSTemporaryDirectory(), reversedCopy: true, environment: [
            "TZ": "America/St_Johns", "LANG": "tr_TR.UTF-8", "LC_ALL": "C", "TIMELINE_JOBS": "7",
        ]),
    ]

    /// A memory-backed folder whose listings follow creation order, when the machine has one.
    static let tmpfs: String? = {
        let mounts = (try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8)) ?? ""
        guard mounts.split(separator: "\n").contains(where: { $0.hasPrefix("tmpfs /dev/shm tmpfs ") }),
              access("/dev/shm", W_OK) == 0 else { return nil }
        return "/dev/shm/"
    }()

    /// The order in which the file system lists a folder.
    static func listing(_ folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    @Test(arguments: ["Content", "Tests/TimelineKitTests/Fixtures/example/Content"])
    func everyBuildGivesTheSameBytes(_ content: String) throws {
        var sites: [[String: [UInt8]]] = []
        var listings: [[String]] = []
        var projects: [String] = []
        defer { for project in projects { try? FileManager.default.removeItem(atPath: project) } }
        for setting in Self.settings {
            let project = setting.base + "timeline-determinism-" + UUID().uuidString
            projects.append(project)
            try FileManager.default.copyContents(
                of: TestSupport.repository + "/" + content, to: project + "/Content", reversed: setting.reversedCopy)
            try FileManager.default.copyContents(of: TestSupport.templates, to: project + "/Templates", reversed: setting.reversedCopy)
            let build = try Timeline.run(["build", "--strict"], in: project, environment: setting.environment)
            #expect(!build.signalled && build.status == 0, "\(setting.environment): \(build.errors)")
            sites.append(FolderSnapshot(project + "/Public").files)
            listings.append(Self.listing(project + "/Content/entries"))
        }
        // The settings did list the notes in different orders (when the machine has a tmpfs to show it).
        if Self.tmpfs != nil { #expect(listings[1] != listings[2]) }
        let first = sites[0]
        #expect(first.count > 20)
        for (index, site) in sites.enumerated().dropFirst() {
            #expect(site.keys.sorted() == first.keys.sorted(), "build \(index) wrote other files")
            let differing = first.keys.sorted().filter { site[$0] != first[$0] }
            #expect(differing == [], "build \(index) (\(Self.settings[index].environment)) differs in \(differing.prefix(10))")
        }
    }
}
