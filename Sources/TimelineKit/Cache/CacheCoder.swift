#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes values into the build cache's compact binary form.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    /// Moves what was written so far to a file, so that a large cache never sits in memory whole.
    mutating func flush(to fd: Int32) -> Bool {
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if count <= 0 { return false }
            done += count
        }
        bytes.removeAll(keepingCapacity: true)
        return true
    }

    mutating func integer(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        rest = (rest << 1) ^ (value < 0 ? ~0 : 0)  // zigzag, so that small negative numbers stay small
        repeat {
            var byte = UInt8(rest & 0x7F)
            rest >>= 7
            if rest != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while rest != 0
    }

    mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        integer(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        integer(values.count)
        for value in values { string(value) }
    }

    mutating func location(_ location: SourceLocation) {
        string(location.path)
        integer(location.line)
        integer(location.column)
    }
}

/// Reads what ``CacheWriter`` wrote; any inconsistency makes the whole cache unusable, never a wrong value.
struct CacheReader {
    struct Corrupt: Error {}

    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func integer() throws(Corrupt) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Corrupt() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        let decoded = (result >> 1) ^ (0 &- (result & 1))
        return Int(Int64(bitPattern: decoded))
    }

    mutating func word() throws(Corrupt) -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Corrupt() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    mutating func bool() throws(Corrupt) -> Bool {
        guard offset < bytes.count else { throw Corrupt() }
        offset += 1
        return bytes[offset - 1] != 0
    }

    mutating func string() throws(Corrupt) -> String {
        let count = try integer()
        guard count >= 0, offset + count <= bytes.count else { throw Corrupt() }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    mutating func optional() throws(Corrupt) -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws(Corrupt) -> [String] {
        let count = try integer()
        guard count >= 0, count <= bytes.count else { throw Corrupt() }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func location() throws(Corrupt) -> SourceLocation {
        SourceLocation(path: try string(), line: try integer(), column: try integer())
    }

    mutating func count() throws(Corrupt) -> Int {
        let count = try integer()
        guard count >= 0, count <= bytes.count else { throw Corrupt() }
        return count
    }
}
