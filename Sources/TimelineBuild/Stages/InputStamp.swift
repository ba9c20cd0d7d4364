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

    /// The stamp, and whether every file's time is safely before `lastStart`; nil when the file system keeps
    /// no times.
    func make(lastStart: FileStamp) -> (value: UInt64, settled: Bool)? {
        var hasher = StableHasher()
        var settled = true
        hasher.combine(options.strict)
        hasher.combine(options.drafts)
        hasher.combine(options.baseURL)
        for folder in [options.contentFolder, options.templatesFolder] {
            hasher.combine(folder)
            // Each file's stamp is added to the others', so that the files are taken in the order the folders
            // list them, without sorting thousands of names.
            var files: UInt64 = 0
            for item in FolderWalker(fileSystem: fileSystem, followsLinksInside: true, sortsItems: false).walk(folder).items where item.kind != .directory {
                let file = item.path
                guard let stamp = fileSystem.stamp(of: folder + "/" + file) else { return nil }
                files &+= StableHasher.hash { h in
                    if item.kind == .symbolicLink { h.combine(fileSystem.resolvedPath(folder + "/" + file) ?? "") }
                    h.combine(file)
                    h.combine(stamp.size)
                    h.combine(stamp.seconds)
                    h.combine(stamp.nanoseconds)
                }
                if settled, !Self.isSettled(stamp, before: lastStart) { settled = false }
            }
            hasher.combine(files)
        }
        return (hasher.value, settled)
    }

    /// Whether a file with time stamp `stamp` cannot have changed after a build that started at `start`
    /// without its stamp changing. A time with no fraction of a second may come from a clock that counts
    /// whole seconds (two on FAT), so it must be two seconds older; a finer one, a tenth of a second older,
    /// since file systems stamp files with a clock that may lag the system's by a few milliseconds.
    static func isSettled(_ stamp: FileStamp, before start: FileStamp) -> Bool {
        if stamp.nanoseconds == 0 { return stamp.seconds + 2 <= start.seconds }
        let margin = 100_000_000
        let time = stamp.seconds * 1_000_000_000 + stamp.nanoseconds
        return time + margin <= start.seconds * 1_000_000_000 + start.nanoseconds
    }

    /// The system's clock now, as a file system would stamp a file.
    static func now() -> FileStamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return FileStamp(size: 0, seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec))
    }
}
