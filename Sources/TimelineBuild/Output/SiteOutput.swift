import TimelineContent

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
    /// Writes one file made in pieces: `produce` hands each piece, in order, to the function it is given, so
    /// that a large file need not be held whole.
    func write(_ path: String, producing produce: (_ write: ([UInt8]) throws(OutputError) -> Void) throws(OutputError) -> Void) throws(OutputError)
    /// Keeps a file of the previous site as it is, when a build knows its bytes would not change; `stamp` is
    /// its size and time as the build found them (``stamp(of:)``), which the kept file keeps.
    func keep(_ path: String, stamp: FileStamp) throws(OutputError)
    /// The size and modification time of a file of the current site (before this build commits).
    func stamp(of path: String) -> FileStamp?
    /// Gives `body` the bytes of a file of the current site (before this build commits); nil when it has none.
    func withCurrentFile<Result>(_ path: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result?
    /// Whether the current site holds exactly these files, each as the last build left it.
    func holdsExactly(_ pages: [String: PageRecord]) -> Bool
    /// Makes the written files the site, replacing the previous site as a whole.
    func commit() throws(OutputError)
    /// Throws away what was written.
    func discard()
}

extension SiteOutput {
    /// Collects the pieces, then writes the file whole.
    public func write(_ path: String, producing produce: (_ write: ([UInt8]) throws(OutputError) -> Void) throws(OutputError) -> Void) throws(OutputError) {
        var bytes: [UInt8] = []
        try produce { (piece) throws(OutputError) in bytes += piece }
        try write(path, bytes)
    }
}
