import TimelineContent
import TimelineCore
#if canImport(Glibc)
import Glibc
#endif

/// Records kept by key in a file of the build cache, with a smaller delta file laid over it: a build that
/// changed a few records writes only those, and one that changed many writes the whole file again.
struct RecordFile<Record: Codable & Sendable>: Sendable {
    /// The records, by key.
    var records: [String: Record] = [:]
    /// The keys the base file holds, and those the delta holds on top of it.
    private var baseKeys: Set<String> = []
    private var deltaKeys: Set<String> = []

    /// One record as stored: nil for a record deleted since the base file was written.
    private struct Stored: Codable {
        var key: String
        var record: Record?
    }

    /// The records of the file at `path` and its delta, or none when it is missing, damaged or another
    /// generator's.
    static func load(_ path: String, stamp: UInt64) -> RecordFile {
        var file = RecordFile()
        guard let base = read(path, stamp: stamp) else { return file }
        for stored in base { if let record = stored.record { file.records[stored.key] = record } }
        file.baseKeys = Set(file.records.keys)
        if let delta = read(path + ".delta", stamp: stamp) {
            for stored in delta {
                file.records[stored.key] = stored.record
                file.deltaKeys.insert(stored.key)
            }
        }
        return file
    }

    private static func read(_ path: String, stamp: UInt64) -> [Stored]? {
        guard let bytes = try? LocalFileSystem().readFile(path, limit: Int.max), bytes.count >= 8 else { return nil }
        var found: UInt64 = 0
        for index in 0..<8 { found |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        guard found == stamp else { return nil }
        return try? BinaryDecoder.decode([Stored].self, from: Array(bytes[8...]))
    }

    /// Writes the records whose keys are in `changed` (and the deletions since the base), or every record
    /// when many changed; each file atomically.
    mutating func save(_ path: String, stamp: UInt64, changed: Set<String>) {
        let deleted = baseKeys.subtracting(records.keys)
        let delta = deltaKeys.union(changed).intersection(records.keys)
        if baseKeys.isEmpty || (delta.count + deleted.count) * 4 > records.count {
            Self.write(records.keys.sorted().map { Stored(key: $0, record: records[$0]) }, stamp: stamp, to: path)
            unlink(path + ".delta")
            baseKeys = Set(records.keys)
            deltaKeys = []
        } else if !changed.isEmpty || !deleted.isEmpty {
            let stored = delta.sorted().map { Stored(key: $0, record: records[$0]) } + deleted.sorted().map { Stored(key: $0, record: nil) }
            Self.write(stored, stamp: stamp, to: path + ".delta")
            deltaKeys = delta
        }
    }

    private static func write(_ stored: [Stored], stamp: UInt64, to path: String) {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: stamp.littleEndian) { bytes.append(contentsOf: $0) }
        guard let encoded = try? BinaryEncoder.encode(stored) else { return }
        bytes.append(contentsOf: encoded)
        BuildCache.replace(path, with: bytes)
    }
}
