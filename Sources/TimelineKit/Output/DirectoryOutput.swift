import CSystemShim
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a site into a folder on disk without ever leaving it half-written.
///
/// Files go to a staging folder beside the output (inside `.NAME.timeline/`, which also holds the lock),
/// and the staging folder takes the output's place in one atomic exchange when everything is written.
/// A file whose bytes did not change is hard-linked from the previous site, so it keeps its time stamp.
/// Leftovers of a build that was killed are removed by the next one.
public final class DirectoryOutput: SiteOutput, @unchecked Sendable {
    /// Written at the root of every site, so that a later build knows the folder is its own to replace.
    static let markerName = ".timeline-site"
    static let markerText = "This folder is written by timeline. Every build replaces all of it; edit the content instead.\n"

    public let output: String
    /// The hidden folder beside the output: lock, staging folder, cache.
    public let workFolder: String
    let staging: String
    private var lock: Int32 = -1
    private let folders = Mutex<Set<String>>([])
    private let outputExists: Bool

    /// Prepares to write the site at `path`, refusing folders it must never replace.
    /// - Parameter protected: folders that must not be, contain or lie inside the output (content, templates).
    public init(path: String, protecting protected: [String]) throws(OutputError) {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        output = path
        let absolute = Files.absolute(path)
        let components = absolute.split(separator: "/")
        guard let name = components.last, !components.isEmpty else {
            throw OutputError(path: path, "refusing to write the site to the root folder '/'")
        }
        let parent = "/" + components.dropLast().joined(separator: "/")
        if let home = getenv("HOME").map({ String(cString: $0) }), Files.absolute(home) == absolute {
            throw OutputError(path: path, "refusing to write the site to the home folder; choose a folder of its own, such as Public")
        }
        for folder in protected {
            let other = Files.absolute(folder)
            if other == absolute || other.hasPrefix(absolute + "/") {
                throw OutputError(path: path, "refusing to write the site here: it would replace '\(folder)'")
            }
            if absolute.hasPrefix(other + "/") {
                throw OutputError(path: path, "refusing to write the site inside '\(folder)'")
            }
        }
        var info = stat()
        outputExists = lstat(path, &info) == 0
        if outputExists {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw OutputError(path: path, "the output exists and is not a folder")
            }
            if access(path + "/.git", F_OK) == 0 || access(path + "/Package.swift", F_OK) == 0 {
                throw OutputError(path: path, "refusing to replace a project folder; choose a folder of its own, such as Public")
            }
            if access(path + "/" + Self.markerName, F_OK) != 0, !Files.isEmptyFolder(path) {
                throw OutputError(
                    path: path,
                    "the output folder holds files that timeline did not write, and a build replaces all of it; empty it or choose another folder")
            }
        }
        workFolder = (parent == "/" ? "" : parent) + "/." + name + ".timeline"
        staging = workFolder + "/staging-\(getpid())"
        try prepare()
    }

    deinit {
        releaseLock()
    }

    /// Takes the lock and clears what a killed build left behind.
    private func prepare() throws(OutputError) {
        if mkdir(workFolder, 0o755) != 0, errno != EEXIST {
            throw OutputError(path: workFolder, "cannot create folder: \(LocalFileSystem.reason(errno))")
        }
        lock = open(workFolder + "/lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0 else { throw OutputError(path: workFolder, "cannot create lock: \(LocalFileSystem.reason(errno))") }
        guard flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            throw OutputError(path: output, "another build is writing this site; wait for it to finish")
        }
        for item in (try? LocalFileSystem().listDirectory(workFolder)) ?? [] ?? [] where item.name.hasPrefix("staging-") {
            Files.removeTree(workFolder + "/" + item.name)
        }
        guard mkdir(staging, 0o755) == 0 else {
            throw OutputError(path: staging, "cannot create staging folder: \(LocalFileSystem.reason(errno))")
        }
        folders.withLock { _ = $0.insert(staging) }
    }

    public func write(_ path: String, _ bytes: [UInt8]) throws(OutputError) {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
            throw OutputError(path: path, "refusing to write outside the output folder")
        }
        let target = staging + "/" + path
        try makeFolders(for: target)
        if outputExists {
            let previous = output + "/" + path
            if Files.hasBytes(previous, bytes), link(previous, target) == 0 { return }
        }
        try Files.writeFile(target, bytes)
    }

    private func makeFolders(for file: String) throws(OutputError) {
        guard let slash = file.lastIndex(of: "/") else { return }
        let folder = String(file[..<slash])
        if folders.withLock({ $0.contains(folder) }) { return }
        try makeFolders(for: folder)
        if mkdir(folder, 0o755) != 0, errno != EEXIST {
            throw OutputError(path: folder, "cannot create folder: \(LocalFileSystem.reason(errno))")
        }
        folders.withLock { _ = $0.insert(folder) }
    }

    public func commit() throws(OutputError) {
        try Files.writeFile(staging + "/" + Self.markerName, Array(Self.markerText.utf8))
        if outputExists {
            if timeline_exchange_paths(staging, output) != 0 {
                // The file system cannot swap two folders: move the old site aside, then the new one in.
                let aside = workFolder + "/staging-old-\(getpid())"
                guard rename(output, aside) == 0 else {
                    throw OutputError(path: output, "cannot replace the output folder: \(LocalFileSystem.reason(errno))")
                }
                guard rename(staging, output) == 0 else {
                    let code = errno
                    _ = rename(aside, output)
                    throw OutputError(path: output, "cannot move the new site in place: \(LocalFileSystem.reason(code))")
                }
                Files.removeTree(aside)
            } else {
                Files.removeTree(staging)
            }
        } else {
            guard rename(staging, output) == 0 else {
                throw OutputError(path: output, "cannot move the new site in place: \(LocalFileSystem.reason(errno))")
            }
        }
        releaseLock()
    }

    public func discard() {
        Files.removeTree(staging)
        releaseLock()
    }

    private func releaseLock() {
        if lock >= 0 {
            // Unlock before closing: a process being spawned at this moment may hold a copy of the descriptor.
            flock(lock, LOCK_UN)
            close(lock)
            lock = -1
        }
    }
}
