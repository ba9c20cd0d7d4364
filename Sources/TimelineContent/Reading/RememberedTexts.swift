import TimelineCore

/// The texts of note files as the last build read them, each with the file's identity then (its stamp, inode
/// and change time), and the identities of the files now: a file whose identity is the same, and whose times
/// were settled before the last build started (so that an edit after it would have changed them), is taken
/// from here instead of being opened and read again.
public struct RememberedTexts: Sendable {
    /// A note file's text as read, with the identity the file had just before.
    public struct Text: Sendable {
        public var identity: FileIdentity
        public var bytes: [UInt8]

        public init(identity: FileIdentity, bytes: [UInt8]) {
            self.identity = identity
            self.bytes = bytes
        }
    }

    /// The texts the last build read, by path as diagnostics name it.
    public var texts: [String: Text]
    /// Every regular file of the content folder with its identity now, by the same paths.
    public var identities: [String: FileIdentity]
    /// When the last build started.
    public var lastStart: FileStamp

    public init(texts: [String: Text] = [:], identities: [String: FileIdentity] = [:], lastStart: FileStamp = FileStamp(size: 0, seconds: 0, nanoseconds: 0)) {
        self.texts = texts
        self.identities = identities
        self.lastStart = lastStart
    }

    /// The text of the file at `path` as the last build read it, when the file cannot have changed since.
    func text(_ path: String) -> SourceText? {
        guard let identity = identities[path], let text = texts[path], text.identity == identity, identity.isSettled(before: lastStart) else { return nil }
        return SourceText(path: path, bytes: text.bytes)
    }
}
