import TimelineContent
import TimelineCore

/// A stamp of every input file (names, sizes, times) and of the build's options: when it equals the last
/// build's, nothing needs to be read.
struct InputStamp {
    let fileSystem: any FileSystem
    let options: BuildOptions

    /// The stamp, or nil when the file system keeps no times.
    func make() -> UInt64? {
        var hasher = StableHasher()
        hasher.combine(options.strict)
        for folder in [options.contentFolder, options.templatesFolder] {
            hasher.combine(folder)
            for file in FolderWalker(fileSystem: fileSystem).files(in: folder) {
                guard let stamp = fileSystem.stamp(of: folder + "/" + file) else { return nil }
                hasher.combine(file)
                hasher.combine(stamp.size)
                hasher.combine(stamp.seconds)
                hasher.combine(stamp.nanoseconds)
            }
        }
        return hasher.value
    }
}
