import CSystemShim
import Synchronization
import TimelineContent
import TimelineCore
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into a folder on disk without ever leaving it half-written.
///
/// The new site is written into a folder beside the output, inside `.NAME.timeline/` (which also holds the
/// lock and the cache), and takes the output's place in one atomic exchange (`renameat2` with
/// `RENAME_EXCHANGE`) once every file is written. The previous site, swapped out, is kept there as the
/// `spare` and becomes the folder the next build writes into: files whose bytes did not change are not
/// written at all, keeping their time stamps, changed files are written as new files, and files of deleted
/// pages are removed. Unchanged files the spare lacks are hard links to the live site's, so the two share
/// them; nothing is ever written into an existing file, which keeps the live site as it is until the swap.
/// The `spare-ready` mark lists the files the last build wrote anew: every other file of the spare is the
/// live site's own, so a file kept from the live site needs no look at the spare.
/// A build that is killed leaves the output as it was; the next build finds the spare without its
/// `spare-ready` mark, deletes it, and writes a whole new site.
public final class DirectoryOutput: SiteOutput {
    /// Written at the root of every site, so that a later build knows the folder is its own to replace.
    static let markerName = ".timeline-site"
    static let markerText = "This folder is written by timeline. Every build replaces all of it; edit the content instead.\n"

    public let output: String
    /// The hidden folder beside the output: lock, spare site, cache.
    public let workFolder: String
    /// The folder this build writes into: the spare site, or a new folder.
    let staging: String
    /// The output and staging folders each with a slash after it, so that a file's path in either is made
    /// with one join, as it is for each of thousands of files.
    private let outputPrefix: String, stagingPrefix: String
    var spare: String { workFolder + "/spare" }
    var spareReady: String { workFolder + "/spare-ready" }
    /// The descriptor of the lock file while this build holds the lock, else -1.
    private let lock = Atomic<Int32>(-1)
    private let folders = Mutex<Set<String>>([])
    /// Every file this build wrote or found already right, by path in the site.
    private let written = Mutex<Set<String>>([])
    /// Whether the staging folder holds a previous site, whose files are compared and overwritten.
    private let reusing: Bool
    /// The spare's mark as this build found it: the files in which the spare may differ from the live site.
    private let mark: SpareMark?
    /// The files this build wrote as new files rather than sharing the live site's.
    private let fresh = Mutex<[String]>([])
    private let outputExists: Bool

    /// Prepares to write the site at `path`, refusing folders it must never replace (see ``OutputPlace``).
    /// - Parameter protected: folders that must not be, contain or lie inside the output (content, templates).
    public init(path: String, protecting protected: [String]) throws(OutputError) {
        let place = try OutputPlace(path: path, protecting: protected)
        let path = place.path
        output = path
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
        workFolder = place.workFolder
        staging = workFolder + "/spare"
        (outputPrefix, stagingPrefix) = (path + "/", staging + "/")
        // The folders above the output are made when missing, as other generators make them.
        try Files.makeFolders(String(workFolder[..<workFolder.lastIndex(of: "/")!]), named: path)
        mark = try Self.prepare(workFolder: workFolder, output: path, outputExists: outputExists, lock: lock)
        reusing = mark != nil
        folders.withLock { _ = $0.insert(staging) }
    }

    deinit {
        releaseLock()
    }

    /// Takes the lock and clears what a killed build left behind; the spare's mark when the spare site is
    /// whole and is reused.
    private static func prepare(workFolder: String, output: String, outputExists: Bool, lock: borrowing Atomic<Int32>) throws(OutputError) -> SpareMark? {
        if mkdir(workFolder, 0o755) != 0, errno != EEXIST {
            throw OutputError(path: workFolder, "cannot create folder: \(LocalFileSystem.reason(errno))")
        }
        let descriptor = open(workFolder + "/lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: workFolder, "cannot create lock: \(LocalFileSystem.reason(errno))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw OutputError(path: output, "another build is writing this site; wait for it to finish")
        }
        lock.store(descriptor, ordering: .sequentiallyConsistent)
        for item in ((try? LocalFileSystem().listDirectory(workFolder)) ?? nil) ?? [] where item.name.hasPrefix("staging-") {
            Files.removeTree(workFolder + "/" + item.name)
        }
        let spare = workFolder + "/spare", spareReady = workFolder + "/spare-ready"
        // The spare is reused only if the last build finished: the mark is removed before it is touched.
        let mark = outputExists && LocalFileSystem().kind(of: spare) == .directory
            ? (try? LocalFileSystem().readFile(spareReady, limit: 1 << 30)).map(SpareMark.init(bytes:)) : nil
        let reusing = mark != nil
        unlink(spareReady)
        if !reusing {
            Files.removeTree(spare)
            guard mkdir(spare, 0o755) == 0 else {
                throw OutputError(path: spare, "cannot create staging folder: \(LocalFileSystem.reason(errno))")
            }
        }
        return mark
    }

    public func write(_ path: String, _ bytes: [UInt8]) throws(OutputError) {
        try checkPath(path)
        written.withLock { _ = $0.insert(path) }
        let target = stagingPrefix + path
        let current = outputPrefix + path
        if outputExists, let time = Files.modificationTime(of: current, ifBytesEqual: bytes) {
            // Unchanged from the site being replaced: the new site shares its file, time stamp included.
            try share(path, time: time) { () throws(OutputError) in bytes }
            return
        }
        try makeFolders(for: target)
        try replace(path, with: bytes)
    }

    /// Writes a file in pieces, compared with the previous site's file as they are written: when the two are
    /// the same, the new site shares the previous file, as ``write(_:_:)`` does.
    public func write(_ path: String, producing produce: (_ write: ([UInt8]) throws(OutputError) -> Void) throws(OutputError) -> Void) throws(OutputError) {
        try checkPath(path)
        written.withLock { _ = $0.insert(path) }
        let target = stagingPrefix + path
        let current = outputPrefix + path
        try makeFolders(for: target)
        // A file of the spare may be the live site's own (a hard link): it is unlinked, never written into.
        if reusing { unlink(target) }
        let file = try PieceFile(path: target, previous: outputExists ? current : nil)
        let time: timespec?
        do throws(OutputError) {
            try produce { (piece) throws(OutputError) in try file.append(piece) }
            time = try file.finish()
        } catch {
            file.abandon()
            throw error
        }
        guard let time else {
            fresh.withLock { $0.append(path) }
            return
        }
        // The pieces went into a new file of the spare, whatever it held before: the live site's file replaces it.
        unlink(target)
        try share(path, time: time, spareHoldsIt: false) { () throws(OutputError) in
            do throws(FileSystemError) {
                return try LocalFileSystem().readFile(current, limit: Int.max)
            } catch {
                throw OutputError(path: current, "cannot read the previous site: \(error.reason)")
            }
        }
    }

    /// Writes a file of the new site as a new file. A file of the spare may be shared with the live site (a
    /// hard link made by the build before), so it is unlinked first rather than overwritten in place.
    private func replace(_ path: String, with bytes: [UInt8]) throws(OutputError) {
        let target = stagingPrefix + path
        if reusing { unlink(target) }
        try Files.writeFile(target, bytes)
        fresh.withLock { $0.append(path) }
    }

    /// Keeps a file of the site being replaced as it is, without its bytes being made again.
    public func keep(_ path: String, stamp: FileStamp) throws(OutputError) {
        try checkPath(path)
        written.withLock { _ = $0.insert(path) }
        let current = outputPrefix + path
        let time = timespec(tv_sec: stamp.seconds, tv_nsec: stamp.nanoseconds)
        try share(path, time: time) { () throws(OutputError) in
            do throws(FileSystemError) {
                return try LocalFileSystem().readFile(current, limit: Int.max)
            } catch {
                throw OutputError(path: current, "cannot read the previous site: \(error.reason)")
            }
        }
    }

    /// Puts a file of the live site into the new one: nothing to do when the spare already holds it (the same
    /// file, linked from both), which it does unless its mark lists the file; otherwise a hard link to it, so
    /// that the two share the file; where links cannot be made, a copy with its time stamp. Sizes and time
    /// stamps are not trusted to tell a copy is the same: on file systems that count whole seconds, two
    /// builds in one second leave both alike.
    private func share(
        _ path: String, time: timespec, spareHoldsIt: Bool = true, bytes: () throws(OutputError) -> [UInt8]
    ) throws(OutputError) {
        let (current, target) = (outputPrefix + path, stagingPrefix + path)
        if spareHoldsIt, let mark, mark.holdsLiveFile(path) || Files.isSameFile(current, target) { return }
        try makeFolders(for: target)
        if Files.hardLink(current, to: target) { return }
        try replace(path, with: try bytes())
        Files.setModificationTime(target, time)
    }

    public func stamp(of path: String) -> FileStamp? {
        Files.sizeAndTime(outputPrefix + path).map { FileStamp(size: $0.size, seconds: Int($0.time.tv_sec), nanoseconds: $0.time.tv_nsec) }
    }

    /// The file is mapped, not read: the live site's files are never written into, only replaced.
    public func withCurrentFile<Result>(_ path: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
        guard (try? checkPath(path)) != nil else { return nil }
        return CacheDamage.withMappedFile(outputPrefix + path, body)
    }

    /// Each file is stamped on every core: a site with nothing changed is told so by this alone.
    public func holdsExactly(_ pages: [String: PageRecord]) -> Bool {
        guard outputExists else { return false }
        let walk = FolderWalker(fileSystem: LocalFileSystem(), skipsHidden: false, sortsItems: false).walk(output)
        guard walk.failures.isEmpty else { return false }
        let files = walk.items.filter { $0.kind != .directory && $0.path != Self.markerName }
        guard files.count == pages.count else { return false }
        return !parallelMap(files) { item in pages[item.path].map { stamp(of: item.path) == $0.stamp } ?? false }.contains(false)
    }

    /// Where the build cache of this output is kept.
    public var cachePath: String { workFolder + "/cache" }

    private func checkPath(_ path: String) throws(OutputError) {
        guard !path.isEmpty, !path.hasPrefix("/"), !Self.hasDotComponent(path) else {
            throw OutputError(path: path, "refusing to write outside the output folder")
        }
    }

    /// Whether a part of the path between slashes is `.` or `..`, looked for in its bytes, without
    /// splitting it: every file of the site is checked.
    static func hasDotComponent(_ path: String) -> Bool {
        var dots = 0, onlyDots = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if onlyDots, dots == 1 || dots == 2 { return true }
                dots = 0
                onlyDots = true
            } else if byte == UInt8(ascii: ".") {
                dots += 1
            } else {
                onlyDots = false
            }
        }
        return onlyDots && (dots == 1 || dots == 2)
    }

    /// Paths of the files this build wrote or left as they were.
    var writtenPaths: Set<String> { written.withLock { $0 } }

    private func makeFolders(for file: String) throws(OutputError) {
        // Byte by byte: a search by character would break graphemes all along the path.
        guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let folder = String(file[..<slash])
        if folders.withLock({ $0.contains(folder) }) { return }
        try makeFolders(for: folder)
        if mkdir(folder, 0o755) != 0, errno != EEXIST {
            throw OutputError(path: folder, "cannot create folder: \(LocalFileSystem.reason(errno))")
        }
        folders.withLock { _ = $0.insert(folder) }
    }

    public func commit() throws(OutputError) {
        try write(Self.markerName, Array(Self.markerText.utf8))
        if reusing { removeStaleFiles() }
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
                _ = rename(aside, spare)
            }
            // The previous site is now the spare, whole, for the next build to write into; it holds the live
            // site's own files but for those this build wrote anew.
            if LocalFileSystem().kind(of: spare) == .directory {
                try? Files.writeFile(spareReady, SpareMark(differing: fresh.withLock { $0 }).bytes)
            }
        } else {
            guard rename(staging, output) == 0 else {
                throw OutputError(path: output, "cannot move the new site in place: \(LocalFileSystem.reason(errno))")
            }
        }
        releaseLock()
    }

    /// Deletes the files of the reused site that this build did not write, and folders left empty.
    private func removeStaleFiles() {
        let keep = writtenPaths
        // Children before their folders, so that a folder emptied here is removed too.
        for item in FolderWalker(fileSystem: LocalFileSystem(), skipsHidden: false, sortsItems: false).walk(staging).items.reversed() {
            if item.kind == .directory {
                rmdir(stagingPrefix + item.path)
            } else if !keep.contains(item.path) {
                unlink(stagingPrefix + item.path)
            }
        }
    }

    public func discard() {
        if let mark, writtenPaths.isEmpty {
            // Nothing was written: the spare is still the previous site, as its mark says.
            try? Files.writeFile(spareReady, mark.bytes)
        } else {
            // A spare that was written into is no longer the previous site; the next build starts afresh.
            Files.removeTree(staging)
        }
        releaseLock()
    }

    private func releaseLock() {
        let descriptor = lock.exchange(-1, ordering: .sequentiallyConsistent)
        if descriptor >= 0 {
            // Unlock before closing: a process being spawned at this moment may hold a copy of the descriptor.
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }
}
