import TimelineContent
import TimelineCore

/// A stamp of every input file (names, sizes, times) and of the build's options: when it equals the last
/// build's, nothing needs to be read. Symbolic links to folders inside the content or templates are walked
/// into, as the build reads them, with where each leads: a note edited in a linked folder changes the stamp
/// even where the folder it lies in is hidden.
struct InputStamp {
    let fileSystem: any FileSystem
    let options: BuildOptions

    /// The stamp, or nil when the file system keeps no times.
    func make() -> UInt64? {
        var hasher = StableHasher()
        hasher.combine(options.strict)
        for folder in [options.contentFolder, options.templatesFolder] {
            hasher.combine(folder)
            for item in FolderWalker(fileSystem: fileSystem, followsLinksInside: true).walk(folder).items where item.kind != .directory {
                let file = item.path
                guard let stamp = fileSystem.stamp(of: folder + "/" + file) else { return nil }
                if item.kind == .symbolicLink { hasher.combine(fileSystem.resolvedPath(folder + "/" + file) ?? "") }
                hasher.combine(file)
                hasher.combine(stamp.size)
                hasher.combine(stamp.seconds)
                hasher.combine(stamp.nanoseconds)
            }
        }
        return hasher.value
    }
}
