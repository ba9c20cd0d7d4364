import TimelineCore

/// The texts of note files as the last build read them, each with the file's stamp then, and the stamps of
/// the files now: a file whose stamp is the same, and was settled before the last build started (so that an
/// edit after it would have changed the stamp), is taken from here instead of being opened and read again.
public struct RememberedTexts: Sendable {
    /// A note file's text as read, with the stamp the file had just before.
    public struct Text: Sendable {
        public var stamp: FileStamp
        public var bytes: [UInt8]

        public init(stamp: FileStamp, bytes: [UInt8]) {
            self.stamp = stamp
            self.bytes = bytes
        }
    }

    /// The texts the last build read, by path as diagnostics name it.
    public var texts: [String: Text]
    /// Every regular file of the content folder with its stamp now, by the same paths.
    public var stamps: [String: FileStamp]
    /// When the last build started.
    public var lastStart: FileStamp

    public init(texts: [String: Text] = [:], stamps: [String: FileStamp] = [:], lastStart: FileStamp = FileStamp(size: 0, seconds: 0, nanoseconds: 0)) {
        self.texts = texts
        self.stamps = stamps
        self.lastStart = lastStart
    }

    /// The text of the file at `path` as the last build read it, when the file cannot have changed since.
    func text(_ path: String) -> SourceText? {
        guard let stamp = stamps[path], let text = texts[path], text.stamp == stamp, stamp.isSettled(before: lastStart) else { return nil }
        return SourceText(path: path, bytes: text.bytes)
    }
}
