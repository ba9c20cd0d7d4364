import Synchronization
import TimelineBuild
import TimelineContent
import TimelineCore

/// A site kept in memory, for tests and for checking without writing.
public final class MemoryOutput: SiteOutput {
    private let pending = Mutex<[String: [UInt8]]>([:])
    private let committed = Mutex<[String: [UInt8]]>([:])

    public init() {}

    public func write(_ path: String, _ bytes: [UInt8]) throws(OutputError) {
        pending.withLock { $0[path] = bytes }
    }

    public func keep(_ path: String, stamp: FileStamp) throws(OutputError) {
        guard let bytes = committed.withLock({ $0[path] }) else {
            throw OutputError(path: path, "the previous site has no such file to keep")
        }
        pending.withLock { $0[path] = bytes }
    }

    public func stamp(of path: String) -> FileStamp? {
        committed.withLock { $0[path] }.map { FileStamp(size: $0.count, seconds: 0, nanoseconds: 0) }
    }

    public func withCurrentFile<Result>(_ path: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
        committed.withLock { $0[path] }.map { bytes in bytes.withUnsafeBytes(body) }
    }

    public func holdsExactly(_ pages: [String: PageRecord]) -> Bool {
        let files = committed.withLock { $0 }
        return files.count == pages.count && pages.allSatisfy { files[$0.key]?.count == $0.value.stamp.size }
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
