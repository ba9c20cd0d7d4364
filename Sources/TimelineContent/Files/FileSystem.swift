import TimelineCore
/// What a path names.
public enum FileKind: Sendable, Equatable, Codable {
    case file, directory, symbolicLink, other
}

/// An item of a folder listing.
public struct DirectoryItem: Sendable, Equatable {
    public var name: String
    public var kind: FileKind

    public init(name: String, kind: FileKind) {
        self.name = name
        self.kind = kind
    }
}

/// Why a file could not be read.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var kind: Kind

    /// What went wrong, where a caller needs to tell.
    public enum Kind: Sendable {
        /// The file is larger than the limit given.
        case tooLarge
        /// A file that was to be created exists.
        case exists
        case other
    }

    public init(path: String, reason: String, kind: Kind = .other) {
        self.path = path
        self.reason = reason
        self.kind = kind
    }

    public var description: String { "\(path): \(reason)" }
}

/// The files the generator reads content and templates from, so that tests can read from memory.
public protocol FileSystem: Sendable {
    /// The items of a folder, in any order; nil when the folder does not exist.
    func listDirectory(_ path: String) throws(FileSystemError) -> [DirectoryItem]?
    /// What a path names without following a symbolic link; nil when nothing is there.
    func kind(of path: String) -> FileKind?
    /// The bytes of a file, refusing files larger than `limit` bytes.
    func readFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8]
    /// The absolute path with every symbolic link resolved, or nil when it does not resolve.
    func resolvedPath(_ path: String) -> String?
    /// The size and modification time of a file (following links), or nil when the file system keeps no times.
    func stamp(of path: String) -> FileStamp?
    /// The stamp of a file with what tells it from another file of the same stamp (following links).
    func identity(of path: String) -> FileIdentity?
}

extension FileSystem {
    /// A file system without devices and inodes tells files apart by their stamps alone.
    public func identity(of path: String) -> FileIdentity? {
        stamp(of: path).map { FileIdentity(stamp: $0, device: 0, inode: 0, changeSeconds: $0.seconds, changeNanoseconds: $0.nanoseconds) }
    }
}

/// A file's stamp with its device, inode and the time its inode last changed, as git's index keeps them: a
/// file renamed over another of the same size and time, or whose time was set back, has another inode or a
/// later change time, which no user can set.
public struct FileIdentity: Sendable, Equatable {
    public var stamp: FileStamp
    public var device: UInt64
    public var inode: UInt64
    public var changeSeconds: Int
    public var changeNanoseconds: Int

    public init(stamp: FileStamp, device: UInt64, inode: UInt64, changeSeconds: Int, changeNanoseconds: Int) {
        self.stamp = stamp
        self.device = device
        self.inode = inode
        self.changeSeconds = changeSeconds
        self.changeNanoseconds = changeNanoseconds
    }

    /// Whether the file cannot have changed after a build that started at `start` without its modification or
    /// change time changing (``FileStamp/isSettled(before:)`` for both).
    public func isSettled(before start: FileStamp) -> Bool {
        stamp.isSettled(before: start)
            && FileStamp(size: stamp.size, seconds: changeSeconds, nanoseconds: changeNanoseconds).isSettled(before: start)
    }
}

/// The size and modification time of a file, which tell a later build whether the file is as it was left.
public struct FileStamp: Sendable, Equatable, Codable {
    public var size: Int
    public var seconds: Int
    public var nanoseconds: Int

    public init(size: Int, seconds: Int, nanoseconds: Int) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Whether a file with this stamp cannot have changed after a build that started at `start` without its
    /// stamp changing. A time with no fraction of a second may come from a clock that counts whole seconds
    /// (two on FAT), so it must be two seconds older; a finer one, a tenth of a second older, since file
    /// systems stamp files with a clock that may lag the system's by a few milliseconds.
    public func isSettled(before start: FileStamp) -> Bool {
        if nanoseconds == 0 { return seconds + 2 <= start.seconds }
        let margin = 100_000_000
        return seconds * 1_000_000_000 + nanoseconds + margin <= start.seconds * 1_000_000_000 + start.nanoseconds
    }
}
