import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// Runs the `timeline` executable as a user would, for the bad-input, determinism and kill tests.
enum Timeline {
    struct Run {
        var status: Int32
        /// Whether the process died of a signal (a crash, or a kill), rather than exiting.
        var signalled: Bool
        var output: String
        var errors: String
        var seconds: Double
    }

    /// Runs `timeline` with `arguments` in `folder`, with `environment` added to this process's; kills it
    /// after `timeout` seconds, so that a build that hangs fails the test instead of blocking it.
    static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:], timeout: Double = 120) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let start = Date()
        try process.run()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // Both pipes are drained at once, so that a process filling one never blocks on it.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        watchdog.cancel()
        return Run(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            output: String(decoding: outputData, as: UTF8.self), errors: String(decoding: errorData, as: UTF8.self),
            seconds: Date().timeIntervalSince(start))
    }
}

/// Every file and folder under a folder, with its bytes, inode and modification time, to tell whether a
/// folder was left exactly as it was.
struct FolderSnapshot: Equatable, CustomStringConvertible {
    struct Item: Equatable {
        var isFolder: Bool
        var bytes: [UInt8]
        var inode: UInt64
        var modified: Int
    }

    var items: [String: Item] = [:]

    init(_ folder: String) {
        func visit(_ relative: String) {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0 else { return }
            let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
            let bytes = isFolder ? [] : Array(FileManager.default.contents(atPath: path) ?? Data())
            items[relative] = Item(isFolder: isFolder, bytes: bytes, inode: UInt64(info.st_ino), modified: modified)
            if isFolder {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                    visit(relative.isEmpty ? name : relative + "/" + name)
                }
            }
        }
        visit("")
    }

    /// Files only, by path, with their bytes.
    var files: [String: [UInt8]] { items.filter { !$0.value.isFolder }.mapValues(\.bytes) }

    var description: String { "\(items.count) items" }

    /// What differs from another snapshot, for a failure message.
    func differences(from other: FolderSnapshot) -> [String] {
        Set(items.keys).union(other.items.keys).sorted().compactMap { path in
            guard let mine = items[path] else { return "\(path): added" }
            guard let theirs = other.items[path] else { return "\(path): removed" }
            if mine.bytes != theirs.bytes { return "\(path): bytes differ" }
            if mine.inode != theirs.inode { return "\(path): inode differs" }
            if mine.modified != theirs.modified { return "\(path): modification time differs" }
            return nil
        }
    }
}

extension FileManager {
    /// Copies the items of one folder into another, the folders first, then the files in the given order.
    func copyContents(of source: String, to destination: String, reversed: Bool = false) throws {
        let relatives = (enumerator(atPath: source)?.allObjects as? [String] ?? []).sorted()
        var folders: [String] = [], files: [String] = []
        for relative in relatives {
            var isFolder: ObjCBool = false
            _ = fileExists(atPath: source + "/" + relative, isDirectory: &isFolder)
            if isFolder.boolValue { folders.append(relative) } else { files.append(relative) }
        }
        try createDirectory(atPath: destination, withIntermediateDirectories: true)
        for folder in reversed ? folders.reversed() : folders {
            try createDirectory(atPath: destination + "/" + folder, withIntermediateDirectories: true)
        }
        for file in reversed ? files.reversed() : files {
            try? removeItem(atPath: destination + "/" + file)
            try copyItem(atPath: source + "/" + file, toPath: destination + "/" + file)
        }
    }
}
