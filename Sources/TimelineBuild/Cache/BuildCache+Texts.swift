import Synchronization
import TimelineContent
import TimelineCore

/// The texts of the note files, kept beside the notes as read (`.texts`), each with the identity its file had
/// when it was read (``FileIdentity``): a build after an edit opens only the files whose identities changed.
extension BuildCache {
    /// Reads the texts the last build kept, from disk; on a thread of its own, while the notes are read.
    func loadTexts() -> RecordFile<RememberedTexts.Text>? {
        path.map { RecordFile.load($0 + ".texts", stamp: stamp) }
    }

    /// The text of every note file read, with the file's identity as the build found it before reading, by path;
    /// a file with no stamp (reached through a link) is left out, and read by the next build.
    static func texts(of readings: NoteReadings, identities: [String: FileIdentity]) -> [String: RememberedTexts.Text] {
        var texts: [String: RememberedTexts.Text] = [:]
        texts.reserveCapacity(readings.entries.count + readings.topics.count + readings.pages.count)
        func add<Fields>(_ readings: [String: NoteReading<Fields>]) {
            for (path, reading) in readings {
                guard let identity = identities[path], let file = reading.note?.body.file ?? reading.unreadBody?.file, file.path == path else { continue }
                texts[path] = RememberedTexts.Text(identity: identity, bytes: file.bytes)
            }
        }
        add(readings.entries)
        add(readings.topics)
        add(readings.pages)
        return texts
    }

    /// The paths whose texts or identities differ from those `earlier` kept, given those of the files read anew.
    static func changedTexts(_ texts: [String: RememberedTexts.Text], since earlier: [String: RememberedTexts.Text], readAnew: Set<String>) -> Set<String> {
        var changed = readAnew
        for (path, text) in texts where earlier[path]?.identity != text.identity { changed.insert(path) }
        return changed
    }
}

extension RememberedTexts.Text: CacheRecord {
    func write(to output: BinaryOutput) {
        for number in [identity.stamp.size, identity.stamp.seconds, identity.stamp.nanoseconds, identity.changeSeconds, identity.changeNanoseconds] {
            output.word(UInt64(bitPattern: Int64(number)))
        }
        output.word(identity.device)
        output.word(identity.inode)
        output.count(bytes.count)
        output.bytes.append(contentsOf: bytes)
    }

    init(reading input: BinaryInput) throws {
        let stamp = FileStamp(size: try input.integer(), seconds: try input.integer(), nanoseconds: try input.integer())
        let (changeSeconds, changeNanoseconds) = (try input.integer(), try input.integer())
        let identity = FileIdentity(
            stamp: stamp, device: try input.word(), inode: try input.word(), changeSeconds: changeSeconds, changeNanoseconds: changeNanoseconds)
        self.init(identity: identity, bytes: Array(try input.textBytes()))
    }
}

/// The texts a cache keeps, loaded on a thread of their own from the moment a build knows it will read.
final class TextLoading: Sendable {
    private let cache: BuildCache?
    private let work = Mutex<BackgroundWork<RecordFile<RememberedTexts.Text>?>?>(nil)

    /// Loads from `cache`, or gives nothing when it is nil.
    init(_ cache: BuildCache?) {
        self.cache = cache
    }

    /// Starts loading, once.
    func start() {
        let cache = cache
        work.withLock { work in
            if work == nil { work = BackgroundWork { cache?.loadTexts() } }
        }
    }

    /// The texts, loaded now if loading did not start before.
    func wait() -> RecordFile<RememberedTexts.Text>? {
        start()
        return work.withLock { $0 }?.wait()
    }
}
