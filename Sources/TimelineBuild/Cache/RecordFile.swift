import TimelineContent
import TimelineCore
#if canImport(Glibc)
import Glibc
#endif

/// Records kept by key in a file of the build cache, with a smaller delta file laid over it: a build that
/// changed a few records writes only those, and one that changed many writes the whole file again.
///
/// A file is the generator's stamp, then each record with its length and checksum before it, so that records
/// are checked and read in parallel and written a batch at a time, never the whole file in memory. A file
/// whose stamp or any checksum is wrong is not used at all, and says why in ``damage``.
struct RecordFile<Record: CacheRecord & Sendable>: Sendable {
    /// The records, by key.
    var records: [String: Record] = [:]
    /// Why the file on disk was not used, when it was there but could not be trusted.
    private(set) var damage: CacheDamage?
    /// The keys the base file holds, and those the delta holds on top of it.
    private var baseKeys: Set<String> = []
    private var deltaKeys: Set<String> = []

    /// One record as stored: nil for a record deleted since the base file was written.
    private struct Stored: Sendable {
        var key: String
        var record: Record?

        /// The key and the record, taken apart without copying either.
        consuming func parts() -> (key: String, record: Record?) { (key, record) }

        /// The record's key, a byte that says whether the record is there, then the record.
        func encoded() throws -> [UInt8] {
            let output = BinaryOutput()
            output.string(key)
            output.bytes.append(record == nil ? 0 : 1)
            if let record { try record.write(to: output) }
            return output.bytes
        }

        init(key: String, record: Record?) {
            self.key = key
            self.record = record
        }

        /// Reads what ``encoded()`` wrote, which must fill `bytes` exactly; `keeper` keeps the bytes in memory.
        init(decoding bytes: UnsafeRawBufferPointer, keeper: MappedFile) throws {
            let input = BinaryInput(bytes: bytes, keeper: keeper)
            key = try input.string()
            switch try input.byte() {
            case 0: record = nil
            case 1: record = try Record(reading: input)
            default: throw BinaryInput.damaged
            }
            guard input.offset == bytes.count else { throw BinaryInput.damaged }
        }
    }

    /// The records of the file at `path` and its delta, or none when it is missing, damaged or another
    /// generator's.
    static func load(_ path: String, stamp: UInt64) -> RecordFile {
        var file = RecordFile()
        var base: [Stored?]
        switch read(path, stamp: stamp) {
        case .missing: return file
        case .damaged(let damage):
            file.damage = damage
            return file
        case .read(let stored): base = stored
        }
        var delta: [Stored?] = []
        switch read(path + ".delta", stamp: stamp) {
        case .missing: break
        case .damaged(let damage):
            // The base alone is an older state than the one the delta completes: neither is used.
            file.damage = damage
            return file
        case .read(let stored): delta = stored
        }
        // Each record is moved out of what was read, never copied.
        file.records.reserveCapacity(base.count)
        for index in base.indices {
            guard let (key, record) = base[index].take()?.parts(), let record else { continue }
            file.baseKeys.insert(key)
            file.records[key] = record
        }
        for index in delta.indices {
            guard let (key, record) = delta[index].take()?.parts() else { continue }
            file.deltaKeys.insert(key)
            file.records[key] = record
        }
        return file
    }

    /// What reading one file of records found: every record, none of them nil.
    private enum Reading {
        case missing
        case damaged(CacheDamage)
        case read([Stored?])
    }

    private static func read(_ path: String, stamp: UInt64) -> Reading {
        // The file stays mapped while what was read from it without copying is held.
        guard let file = MappedFile(path) else { return .missing }
        let reading = { (bytes: UnsafeRawBufferPointer) -> Reading in
            guard bytes.count >= 8 else { return .damaged(.damaged) }
            guard CacheDamage.word(bytes, at: 0) == stamp else { return .damaged(.otherGenerator) }
            // Where each record and its checksum lie, then every record checked and decoded in parallel.
            var ranges: [(checksum: UInt64, range: Range<Int>)] = []
            var offset = 8
            while offset < bytes.count {
                guard offset + 12 <= bytes.count else { return .damaged(.damaged) }
                let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                guard length <= bytes.count - offset - 12 else { return .damaged(.damaged) }
                ranges.append((CacheDamage.word(bytes, at: offset + 4), (offset + 12)..<(offset + 12 + length)))
                offset += 12 + length
            }
            // The mapping outlives the parallel work, which finds it again from its address.
            let address = Int(bitPattern: bytes.baseAddress)
            let decoded = parallelMap(ranges) { checksum, range -> Stored? in
                let record = UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: address + range.lowerBound), count: range.count)
                guard CacheDamage.checksum(record) == checksum else { return nil }
                return try? Stored(decoding: record, keeper: file)
            }
            return decoded.contains { $0 == nil } ? .damaged(.damaged) : .read(decoded)
        }
        return reading(file.bytes)
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
                    let batch = Array(stored[start..<min(start + 256, stored.count)])
                    let encoded = parallelMap(batch) { record -> [UInt8] in
                        guard let bytes = try? record.encoded() else { return [] }
                        let checksum = bytes.withUnsafeBytes(CacheDamage.checksum)
                        return withUnsafeBytes(of: UInt32(bytes.count).littleEndian, Array.init)
                            + withUnsafeBytes(of: checksum.littleEndian, Array.init) + bytes
                    }
                    // Appended array by array: a joined sequence would be copied byte by byte.
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(encoded.reduce(0) { $0 + $1.count })
                    for record in encoded { bytes.append(contentsOf: record) }
                    try write(bytes)
                    start += batch.count
                }
            }
            rename(temporary, path)
        } catch {
            unlink(temporary)
        }
    }
}
