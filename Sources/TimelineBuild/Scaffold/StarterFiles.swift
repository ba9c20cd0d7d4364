import TimelineContent
import TimelineCore

/// Files written into a folder without replacing any that exist: a new site's, or the built-in theme's.
public struct StarterFiles: Sendable {
    /// Each file, by its path inside the folder.
    public var files: [(path: String, bytes: [UInt8])]

    public init(files: [(path: String, bytes: [UInt8])]) {
        self.files = files
    }

    /// What writing the files did: the paths written, and those kept because a file was already there.
    public struct Outcome: Sendable, Equatable {
        public var written: [String] = []
        public var kept: [String] = []
    }

    /// Writes every file into `folder`, creating the folders it needs; a file that exists is kept as it is.
    public func write(into folder: String) throws(FileSystemError) -> Outcome {
        let files = LocalFileSystem()
        var outcome = Outcome()
        for file in self.files {
            let path = folder + "/" + file.path
            if let slash = path.lastIndex(of: "/") { try files.createFolder(String(path[..<slash])) }
            do {
                try files.writeFile(path, file.bytes, mode: .exclusive)
                outcome.written.append(file.path)
            } catch where error.kind == .exists {
                outcome.kept.append(file.path)
            }
        }
        return outcome
    }
}
