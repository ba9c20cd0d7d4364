import Synchronization
import TimelineContent
import TimelineCore

/// The texts of the note files, kept beside the notes as read (`.texts`), each with the stamp its file had
/// when it was read: a build after an edit opens only the files whose stamps changed.
extension BuildCache {
    /// Reads the texts the last build kept, from disk; on a thread of its own, while the notes are read.
    func loadTexts() -> RecordFile<RememberedTexts.Text>? {
        path.map { RecordFile.load($0 + ".texts", stamp: stamp) }
    }

    /// The text of every note file read, with the file's stamp as the build found it before reading, by path;
    /// a file with no stamp (reached through a link) is left out, and read by the next build.
    static func texts(of readings: NoteReadings, stamps: [String: FileStamp]) -> [String: RememberedTexts.Text] {
        var texts: [String: RememberedTexts.Text] = [:]
        texts.reserveCapacity(readings.entries.count + readings.topics.count + readings.pages.count)
        func add<Fields>(_ readings: [String: NoteReading<Fields>]) {
            for (path, reading) in readings {
                guard let stamp = stamps[path], let file = reading.note?.body.file ?? reading.unreadBody?.file, file.path == path else { continue }
                texts[path] = RememberedTexts.Text(stamp: stamp, bytes: file.bytes)
            }
        }
        add(readings.entries)
        add(readings.topics)
        add(readings.pages)
        return texts
    }

    /// The paths whose texts or stamps differ from those `earlier` kept, given those of the files read anew.
    static func changedTexts(_ texts: [String: RememberedTexts.Text], since earlier: [String: RememberedTexts.Text], readAnew: Set<String>) -> Set<String> {
        var changed = readAnew
        for (path, text) in texts where earlier[path]?.stamp != text.stamp { changed.insert(path) }
        return changed
    }
}

extension RememberedTexts.Text: CacheRecord {
    func write(to output: BinaryOutput) {
        output.word(UInt64(bitPattern: Int64(stamp.size)))
        output.word(UInt64(bitPattern: Int64(stamp.seconds)))
        output.word(UInt64(bitPattern: Int64(stamp.nanoseconds)))
        output.count(bytes.count)
        output.bytes.append(contentsOf: bytes)
    }

    init(reading input: BinaryInput) throws {
        let stamp = FileStamp(size: try input.integer(), seconds: try input.integer(), nanoseconds: try input.integer())
        self.init(stamp: stamp, bytes: Array(try input.textBytes()))
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
