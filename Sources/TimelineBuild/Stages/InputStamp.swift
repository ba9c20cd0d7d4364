import TimelineContent
import TimelineCore
#if canImport(Glibc)
import Glibc
#endif

/// A stamp of every input file (names, sizes, times) and of the build's options: when it equals the last
/// build's, and every file's time stamp is safely older than the last build, nothing needs to be read.
///
/// A file changed in the same tick of the file system's clock as the build that read it keeps its time
/// stamp (git calls it "racily clean"): on file systems that count whole seconds, an edit made just after a
/// build can look unchanged. So a stamp is trusted only for files whose time is clearly before the last
/// build started; a build after a recent edit reads and compares the files' bytes instead. Symbolic links to
/// folders inside the content or templates are walked into, as the build reads them, with where each leads:
/// a note edited in a linked folder changes the stamp even where the folder it lies in is hidden.
struct InputStamp {
    let fileSystem: any FileSystem
    let options: BuildOptions

    /// The stamp, whether every file's time is safely before `lastStart`, and the identity of each regular file
    /// of the content folder, by its path within the folder; nil when the file system keeps no times.
    /// `noticed` is called once, as soon as a folder's files are stamped and one of them has a time not before
    /// `lastStart`: a sign that the build will read something, which it may start to prepare for.
    func make(lastStart: FileStamp, noticed: () -> Void = {}) -> (value: UInt64, settled: Bool, contentFiles: [(path: String, identity: FileIdentity)])? {
        var hasher = StableHasher()
        var settled = true
        var contentFiles: [(path: String, identity: FileIdentity)] = []
        hasher.combine(options.strict)
        hasher.combine(options.drafts)
        hasher.combine(options.baseURL)
        for folder in [options.contentFolder, options.templatesFolder] {
            hasher.combine(folder)
            // Each file's stamp is added to the others', so that the files are taken in the order the folders
            // list them, without sorting thousands of names, and stamped on every core.
            let items = FolderWalker(fileSystem: fileSystem, followsLinksInside: true, sortsItems: false).walk(folder).items.filter { $0.kind != .directory }
            let fileSystem = fileSystem
            let stamped = parallelMap(items) { item -> (identity: FileIdentity, hash: UInt64)? in
                guard let identity = fileSystem.identity(of: folder + "/" + item.path) else { return nil }
                let stamp = identity.stamp
                return (identity, StableHasher.hash { h in
                    if item.kind == .symbolicLink { h.combine(fileSystem.resolvedPath(folder + "/" + item.path) ?? "") }
                    h.combine(item.path)
                    h.combine(stamp.size)
                    h.combine(stamp.seconds)
                    h.combine(stamp.nanoseconds)
                })
            }
            var files: UInt64 = 0
            for (item, stamped) in zip(items, stamped) {
                guard let (identity, hash) = stamped else { return nil }
                files &+= hash
                if settled, !Self.isSettled(identity.stamp, before: lastStart) {
                    settled = false
                    noticed()
                }
                if folder == options.contentFolder, item.kind == .file { contentFiles.append((item.path, identity)) }
            }
            hasher.combine(files)
        }
        return (hasher.value, settled, contentFiles)
    }

    /// The identities of the content folder's files by their paths as the content reader names them.
    func identities(of contentFiles: [(path: String, identity: FileIdentity)]) -> [String: FileIdentity] {
        let folder = ContentReader.folderName(options.contentFolder)
        return Dictionary(contentFiles.map { (folder + "/" + $0.path, $0.identity) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether a file with time stamp `stamp` cannot have changed after a build that started at `start`
    /// without its stamp changing (``FileStamp/isSettled(before:)``).
    static func isSettled(_ stamp: FileStamp, before start: FileStamp) -> Bool { stamp.isSettled(before: start) }

    /// The system's clock now, as a file system would stamp a file.
    static func now() -> FileStamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return FileStamp(size: 0, seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec))
    }
}
