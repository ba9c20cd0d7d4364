/// Reads what ``BinaryEncoder`` wrote, through the conformances the compiler writes. Any inconsistency
/// (a count past the end, a field other than the one expected) throws, and the cache that held it is not used.
enum BinaryDecoder {
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        try decode(type, from: bytes, in: 0..<bytes.count)
    }

    /// A value from the bytes `range` of `bytes`, which must hold it exactly.
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8], in range: Range<Int>) throws -> Value {
        try bytes.withUnsafeBufferPointer { buffer in
            let input = BinaryInput(bytes: UnsafeBufferPointer(rebasing: buffer[range]))
            let value = try Value(from: BinaryValueDecoder(input: input))
            guard input.offset == range.count else { throw BinaryInput.damaged }
            return value
        }
    }
}

/// The bytes being read and how far, shared by every container of one value; lives only inside ``BinaryDecoder/decode(_:from:)``.
final class BinaryInput {
    static let damaged = DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "the build cache is damaged"))

    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func take(_ count: Int) throws -> Int {
        guard count >= 0, count <= bytes.count - offset else { throw Self.damaged }
        defer { offset += count }
        return offset
    }

    func byte() throws -> UInt8 { bytes[try take(1)] }

    func word() throws -> UInt64 {
        let start = try take(8)
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[start + index]) << (8 * UInt64(index)) }
        return value
    }

    func count() throws -> Int {
        let start = try take(4)
        var value = 0
        for index in 0..<4 { value |= Int(bytes[start + index]) << (8 * index) }
        return value
    }

    func string() throws -> String {
        let start = try take(try count())
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    /// Whether the next text is `name`, without reading past it unless it is.
    func takeKey(_ name: String) -> Bool {
        guard offset + 4 <= bytes.count else { return false }
        var length = 0
        for index in 0..<4 { length |= Int(bytes[offset + index]) << (8 * index) }
        let start = offset + 4
        guard start + length <= bytes.count else { return false }
        var name = name
        let matches = name.withUTF8 { utf8 in
            utf8.count == length && UnsafeBufferPointer(rebasing: bytes[start..<(start + length)]).elementsEqual(utf8)
        }
        if matches { offset = start + length }
        return matches
    }

    /// The next text, without reading past it.
    func peekString() -> String? {
        let saved = offset
        defer { offset = saved }
        return try? string()
    }
}

private struct BinaryValueDecoder: Decoder {
    let input: BinaryInput
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try BinaryKeyedDecoder<Key>(input: input))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try BinaryListDecoder(input: input) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { BinarySingleDecoder(input: input) }
}

/// Fields in the order written; a field asked for that is not next is missing.
private final class BinaryKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let input: BinaryInput
    /// Fields not read yet.
    var remaining: Int
    var codingPath: [any CodingKey] { [] }

    init(input: BinaryInput) throws {
        self.input = input
        remaining = try input.count()
        guard remaining <= input.bytes.count - input.offset else { throw BinaryInput.damaged }
    }

    var allKeys: [Key] {
        guard remaining > 0, let name = input.peekString(), let key = Key(stringValue: name) else { return [] }
        return [key]
    }

    func contains(_ key: Key) -> Bool {
        guard remaining > 0 else { return false }
        let saved = input.offset
        defer { input.offset = saved }
        return input.takeKey(key.stringValue)
    }

    /// Reads the key of the next field, which must be `key`.
    private func next(_ key: Key) throws {
        guard remaining > 0, input.takeKey(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "the build cache lacks a field"))
        }
        remaining -= 1
    }

    func decodeNil(forKey key: Key) throws -> Bool { !contains(key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try next(key); return try input.string() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try next(key); return Int(Int64(bitPattern: try input.word())) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try next(key); return try input.word() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try next(key); return Double(bitPattern: try input.word()) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try next(key); return try input.byte() != 0 }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try next(key); return Int8(truncatingIfNeeded: try input.word()) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try next(key); return Int16(truncatingIfNeeded: try input.word()) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try next(key); return Int32(truncatingIfNeeded: try input.word()) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try next(key); return Int64(truncatingIfNeeded: try input.word()) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try next(key); return UInt(truncatingIfNeeded: try input.word()) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try next(key); return UInt8(truncatingIfNeeded: try input.word()) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try next(key); return UInt16(truncatingIfNeeded: try input.word()) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try next(key); return UInt32(truncatingIfNeeded: try input.word()) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try next(key); return Float(Double(bitPattern: try input.word())) }
    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try next(key)
        return try Value(from: BinaryValueDecoder(input: input))
    }

    /// Reads the key of the next field when it is `key`, and tells whether it was: an optional field that
    /// is missing was not written.
    private func present(_ key: Key) -> Bool {
        guard remaining > 0, input.takeKey(key.stringValue) else { return false }
        remaining -= 1
        return true
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { present(key) ? try input.string() : nil }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { present(key) ? Int(Int64(bitPattern: try input.word())) : nil }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { present(key) ? try input.word() : nil }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { present(key) ? Double(bitPattern: try input.word()) : nil }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { present(key) ? try input.byte() != 0 : nil }
    func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        present(key) ? try Value(from: BinaryValueDecoder(input: input)) : nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try next(key)
        return KeyedDecodingContainer(try BinaryKeyedDecoder<NestedKey>(input: input))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try next(key)
        return try BinaryListDecoder(input: input)
    }

    func superDecoder() throws -> any Decoder { BinaryValueDecoder(input: input) }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        try next(key)
        return BinaryValueDecoder(input: input)
    }
}

/// Three words, so that it fits in the existential that holds it without a box of its own.
private struct BinaryListDecoder: UnkeyedDecodingContainer {
    let input: BinaryInput
    let total: Int
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }

    init(input: BinaryInput) throws {
        self.input = input
        total = try input.count()
        guard total <= input.bytes.count - input.offset else { throw BinaryInput.damaged }
    }

    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    private mutating func next() throws {
        guard !isAtEnd else { throw BinaryInput.damaged }
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode(_ type: String.Type) throws -> String {
        try next()
        return try input.string()
    }

    mutating func decode(_ type: Int.Type) throws -> Int {
        try next()
        return Int(Int64(bitPattern: try input.word()))
    }

    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        try next()
        return try input.word()
    }

    mutating func decode(_ type: Double.Type) throws -> Double {
        try next()
        return Double(bitPattern: try input.word())
    }

    mutating func decode(_ type: Float.Type) throws -> Float {
        try next()
        return Float(Double(bitPattern: try input.word()))
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        try next()
        return try input.byte() != 0
    }

    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        try next()
        return Int8(truncatingIfNeeded: try input.word())
    }

    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        try next()
        return Int16(truncatingIfNeeded: try input.word())
    }

    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        try next()
        return Int32(truncatingIfNeeded: try input.word())
    }

    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        try next()
        return Int64(truncatingIfNeeded: try input.word())
    }

    mutating func decode(_ type: UInt.Type) throws -> UInt {
        try next()
        return UInt(truncatingIfNeeded: try input.word())
    }

    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        try next()
        return UInt8(truncatingIfNeeded: try input.word())
    }

    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        try next()
        return UInt16(truncatingIfNeeded: try input.word())
    }

    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        try next()
        return UInt32(truncatingIfNeeded: try input.word())
    }

    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try next()
        return try Value(from: BinaryValueDecoder(input: input))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return KeyedDecodingContainer(try BinaryKeyedDecoder<NestedKey>(input: input))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next()
        return try BinaryListDecoder(input: input)
    }

    mutating func superDecoder() throws -> any Decoder { BinaryValueDecoder(input: input) }
}

/// A single value after its byte that says whether it is there.
private struct BinarySingleDecoder: SingleValueDecodingContainer {
    let input: BinaryInput
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool {
        guard input.offset < input.bytes.count, input.bytes[input.offset] == 0 else { return false }
        input.offset += 1
        return true
    }

    private func present() throws {
        guard try input.byte() == 1 else { throw BinaryInput.damaged }
    }

    func decode(_ type: String.Type) throws -> String { try present(); return try input.string() }
    func decode(_ type: Int.Type) throws -> Int { try present(); return Int(Int64(bitPattern: try input.word())) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try present(); return try input.word() }
    func decode(_ type: Double.Type) throws -> Double { try present(); return Double(bitPattern: try input.word()) }
    func decode(_ type: Bool.Type) throws -> Bool { try present(); return try input.byte() != 0 }
    func decode(_ type: Int8.Type) throws -> Int8 { try present(); return Int8(truncatingIfNeeded: try input.word()) }
    func decode(_ type: Int16.Type) throws -> Int16 { try present(); return Int16(truncatingIfNeeded: try input.word()) }
    func decode(_ type: Int32.Type) throws -> Int32 { try present(); return Int32(truncatingIfNeeded: try input.word()) }
    func decode(_ type: Int64.Type) throws -> Int64 { try present(); return Int64(truncatingIfNeeded: try input.word()) }
    func decode(_ type: UInt.Type) throws -> UInt { try present(); return UInt(truncatingIfNeeded: try input.word()) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try present(); return UInt8(truncatingIfNeeded: try input.word()) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try present(); return UInt16(truncatingIfNeeded: try input.word()) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try present(); return UInt32(truncatingIfNeeded: try input.word()) }
    func decode(_ type: Float.Type) throws -> Float { try present(); return Float(Double(bitPattern: try input.word())) }
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try present()
        return try Value(from: BinaryValueDecoder(input: input))
    }
}
