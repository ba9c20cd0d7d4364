/// Reads what ``BinaryEncoder`` wrote, through the conformances the compiler writes. Any inconsistency
/// (a count past the end, a missing field, a wrong length) throws, and the cache that held it is not used.
enum BinaryDecoder {
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = BinaryReader(bytes: buffer, offset: 0, end: buffer.count)
            let value = try reader.read(type)
            guard reader.offset == reader.end else { throw BinaryReader.corrupt }
            return value
        }
    }
}

/// A position in the bytes being read; each container reads its own part.
struct BinaryReader {
    static let corrupt = DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "the build cache is damaged"))

    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int
    let end: Int

    mutating func take(_ count: Int) throws -> Range<Int> {
        guard count >= 0, count <= end - offset else { throw Self.corrupt }
        defer { offset += count }
        return offset..<(offset + count)
    }

    mutating func word() throws -> UInt64 {
        let range = try take(8)
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[range.lowerBound + index]) << (8 * UInt64(index)) }
        return value
    }

    mutating func count() throws -> Int {
        let range = try take(4)
        var value = 0
        for index in 0..<4 { value |= Int(bytes[range.lowerBound + index]) << (8 * index) }
        return value
    }

    mutating func string() throws -> String {
        let range = try take(try count())
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    mutating func read<Value: Decodable>(_ type: Value.Type) throws -> Value {
        if Value.self == String.self, let value = try string() as? Value { return value }
        if Value.self == Int.self, let value = Int(Int64(bitPattern: try word())) as? Value { return value }
        if Value.self == UInt64.self, let value = try word() as? Value { return value }
        if Value.self == Double.self, let value = Double(bitPattern: try word()) as? Value { return value }
        if Value.self == Bool.self {
            let range = try take(1)
            if let value = (bytes[range.lowerBound] != 0) as? Value { return value }
        }
        let decoder = BinaryValueDecoder(reader: BinaryReaderBox(self))
        let value = try Value(from: decoder)
        self = decoder.reader.reader
        return value
    }
}

/// The reader a decoder and its containers share.
final class BinaryReaderBox {
    var reader: BinaryReader
    init(_ reader: BinaryReader) { self.reader = reader }
}

private struct BinaryValueDecoder: Decoder {
    let reader: BinaryReaderBox
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try BinaryKeyedDecoder<Key>(reader: reader))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try BinaryListDecoder(reader: reader) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { BinarySingleDecoder(reader: reader) }
}

private struct BinaryKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    /// Each field's key and where its value lies.
    let fields: [(key: String, range: Range<Int>)]
    let bytes: UnsafeBufferPointer<UInt8>
    var codingPath: [any CodingKey] { [] }

    /// Reads the container's index and moves the shared reader past all of it.
    init(reader box: BinaryReaderBox) throws {
        var fields: [(String, Range<Int>)] = []
        let count = try box.reader.count()
        guard count <= box.reader.end - box.reader.offset else { throw BinaryReader.corrupt }
        fields.reserveCapacity(count)
        for _ in 0..<count {
            let key = try box.reader.string()
            fields.append((key, try box.reader.take(try box.reader.count())))
        }
        self.fields = fields
        bytes = box.reader.bytes
    }

    var allKeys: [Key] { fields.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { range(of: key) != nil }

    private func range(of key: Key) -> Range<Int>? {
        let name = key.stringValue
        return fields.first { $0.key == name }?.range
    }

    private func reader(for key: Key) throws -> BinaryReader {
        guard let range = range(of: key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "the build cache lacks a field"))
        }
        return BinaryReader(bytes: bytes, offset: range.lowerBound, end: range.upperBound)
    }

    func decodeNil(forKey key: Key) throws -> Bool { !contains(key) }

    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        var reader = try reader(for: key)
        let value = try reader.read(type)
        guard reader.offset == reader.end else { throw BinaryReader.corrupt }
        return value
    }

    func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        contains(key) ? try decode(type, forKey: key) : nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try BinaryKeyedDecoder<NestedKey>(reader: BinaryReaderBox(try reader(for: key))))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try BinaryListDecoder(reader: BinaryReaderBox(try reader(for: key)))
    }

    func superDecoder() throws -> any Decoder { throw BinaryReader.corrupt }
    func superDecoder(forKey key: Key) throws -> any Decoder { BinaryValueDecoder(reader: BinaryReaderBox(try reader(for: key))) }
}

private struct BinaryListDecoder: UnkeyedDecodingContainer {
    let reader: BinaryReaderBox
    let count: Int?
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }

    init(reader: BinaryReaderBox) throws {
        self.reader = reader
        let count = try reader.reader.count()
        guard count <= reader.reader.end - reader.reader.offset else { throw BinaryReader.corrupt }
        self.count = count
    }

    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    private mutating func next() throws {
        guard !isAtEnd else { throw BinaryReader.corrupt }
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try next()
        return try reader.reader.read(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return KeyedDecodingContainer(try BinaryKeyedDecoder<NestedKey>(reader: reader))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next()
        return try BinaryListDecoder(reader: reader)
    }

    mutating func superDecoder() throws -> any Decoder { throw BinaryReader.corrupt }
}

private struct BinarySingleDecoder: SingleValueDecodingContainer {
    let reader: BinaryReaderBox
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool {
        let reader = reader.reader
        guard reader.offset < reader.end, reader.bytes[reader.offset] == 0 else { return false }
        self.reader.reader.offset += 1
        return true
    }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let marker = try reader.reader.take(1)
        guard reader.reader.bytes[marker.lowerBound] == 1 else { throw BinaryReader.corrupt }
        return try reader.reader.read(type)
    }
}
