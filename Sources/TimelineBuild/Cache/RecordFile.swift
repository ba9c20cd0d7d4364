import TimelineContent
import TimelineCore
#if canImport(Glibc)
import Glibc
#endif

/// Records kept by key in a file of the build cache, with a smaller delta file laid over it: a build that
/// changed a few records writes only those, and one that changed many writes the whole file again.
///
/// A file is the generator's stamp, then each record with its length before it, so that records are read in
/// parallel and written a batch at a time, never the whole file in memory.
struct RecordFile<Record: Codable & Sendable>: Sendable {
    /// The records, by key.
    var records: [String: Record] = [:]
    /// The keys the base file holds, and those the delta holds on top of it.
    private var baseKeys: Set<String> = []
    private var deltaKeys: Set<String> = []

    /// One record as stored: nil for a record deleted since the base file was written.
    private struct Stored: Codable, Sendable {
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
        // Where each record lies, then every record decoded in parallel.
        var ranges: [Range<Int>] = []
        var offset = 8
        while offset < bytes.count {
            guard offset + 4 <= bytes.count else { return nil }
            var length = 0
            for index in 0..<4 { length |= Int(bytes[offset + index]) << (8 * index) }
            guard length <= bytes.count - offset - 4 else { return nil }
            ranges.append((offset + 4)..<(offset + 4 + length))
            offset += 4 + length
        }
        let decoded = parallelMap(ranges) { range in try? BinaryDecoder.decode(Stored.self, from: bytes, in: range) }
        var stored: [Stored] = []
        stored.reserveCapacity(decoded.count)
        for record in decoded {
            guard let record else { return nil }
            stored.append(record)
        }
        return stored
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

    /// Writes records beside `path`, a batch at a time, each batch encoded in parallel, then renames the
    /// file over `path`.
    private static func write(_ stored: [Stored], stamp: UInt64, to path: String) {
        let temporary = path + ".new"
        do {
            try LocalFileSystem().writeFile(temporary) { (write) throws(FileSystemError) in
                try write(withUnsafeBytes(of: stamp.littleEndian, Array.init))
                var start = 0
                while start < stored.count {
                    let batch = Array(stored[start..<min(start + 2048, stored.count)])
                    let encoded = parallelMap(batch) { record -> [UInt8] in
                        guard let bytes = try? BinaryEncoder.encode(record) else { return [] }
                        return withUnsafeBytes(of: UInt32(bytes.count).littleEndian, Array.init) + bytes
                    }
                    try write(Array(encoded.joined()))
                    start += batch.count
                }
            }
            rename(temporary, path)
        } catch {
            unlink(temporary)
        }
    }
}
