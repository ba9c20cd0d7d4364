import Synchronization

/// Why the site could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): error: \(message)" }
}

/// Where a build puts the files of a site. A build writes every file, then commits; until it commits,
/// the previous site stays as it was, and a build that fails discards what it wrote.
public protocol SiteOutput: Sendable {
    /// Writes one file, at a path relative to the site's root; called from many threads at once.
    func write(_ path: String, _ bytes: [UInt8]) throws(OutputError)
    /// Keeps a file of the previous site as it is, when a build knows its bytes would not change.
    func keep(_ path: String) throws(OutputError)
    /// The size and modification time of a file of the current site (before this build commits).
    func stamp(of path: String) -> FileStamp?
    /// Whether the current site holds exactly these files, each as the last build left it.
    func holdsExactly(_ pages: [String: PageRecord]) -> Bool
    /// Makes the written files the site, replacing the previous site as a whole.
    func commit() throws(OutputError)
    /// Throws away what was written.
    func discard()
}

/// The size and modification time of a file, which tell a later build whether the file is as it was left.
public struct FileStamp: Sendable, Equatable {
    public var size: Int
    public var seconds: Int
    public var nanoseconds: Int
}

/// A site kept in memory, for tests and for checking without writing.
public final class MemoryOutput: SiteOutput {
    private let pending = Mutex<[String: [UInt8]]>([:])
    private let committed = Mutex<[String: [UInt8]]>([:])

    public init() {}

    public func write(_ path: String, _ bytes: [UInt8]) throws(OutputError) {
        pending.withLock { $0[path] = bytes }
    }

    public func keep(_ path: String) throws(OutputError) {
        guard let bytes = committed.withLock({ $0[path] }) else {
            throw OutputError(path: path, "the previous site has no such file to keep")
        }
        pending.withLock { $0[path] = bytes }
    }

    public func stamp(of path: String) -> FileStamp? {
        committed.withLock { $0[path] }.map { FileStamp(size: $0.count, seconds: 0, nanoseconds: 0) }
    }

    public func holdsExactly(_ pages: [String: PageRecord]) -> Bool {
        let files = committed.withLock { $0 }
        return files.count == pages.count && pages.allSatisfy { files[$0.key]?.count == $0.value.size }
    }

    public func commit() throws(OutputError) {
        let files = pending.withLock { files in
            defer { files = [:] }
            return files
        }
        committed.withLock { $0 = files }
    }

    public func discard() { pending.withLock { $0 = [:] } }

    /// The files of the last committed site.
    public var files: [String: [UInt8]] { committed.withLock { $0 } }

    /// The text of one committed file.
    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
