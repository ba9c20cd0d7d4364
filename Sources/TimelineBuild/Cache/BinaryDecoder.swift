#if canImport(Glibc)
import Glibc
#endif

/// Reads what ``BinaryEncoder`` wrote, through the conformances the compiler writes. Any inconsistency
/// (a count past the end, a field other than the one expected) throws, and the cache that held it is not used.
enum BinaryDecoder {
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        try bytes.withUnsafeBytes { try decode(type, from: $0) }
    }

    /// A value from the bytes `range` of `bytes`, which must hold it exactly.
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8], in range: Range<Int>) throws -> Value {
        try bytes.withUnsafeBytes { try decode(type, from: UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// A value from `bytes`, which must hold it exactly.
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: UnsafeRawBufferPointer) throws -> Value {
        let input = BinaryInput(bytes: bytes)
        let value = try input.read(Value.self)
        guard input.offset == bytes.count else { throw BinaryInput.damaged }
        return value
    }
}

/// The bytes being read and how far, shared by every container of one value; lives only inside ``BinaryDecoder/decode(_:from:)``.
final class BinaryInput {
    static let damaged = DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "the build cache is damaged"))

    let bytes: UnsafeRawBufferPointer
    /// What keeps `bytes` in memory beyond the reading, for what is kept as bytes rather than read (``textBytes()``).
    let keeper: (any AnyObject & Sendable)?
    var offset = 0
    /// The fields not read yet of each keyed container, by the slot it was given when it was opened.
    var fieldsLeft: [Int] = []
    /// The path ``path()`` read last.
    private var lastPath = ""

    init(bytes: UnsafeRawBufferPointer, keeper: (any AnyObject & Sendable)? = nil) { (self.bytes, self.keeper) = (bytes, keeper) }

    func take(_ count: Int) throws -> Int {
        guard count >= 0, count <= bytes.count - offset else { throw Self.damaged }
        defer { offset += count }
        return offset
    }

    func byte() throws -> UInt8 { bytes[try take(1)] }

    func word() throws -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(8), as: UInt64.self)) }

    func count() throws -> Int { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(4), as: UInt32.self))) }

    func string() throws -> String {
        let length = try count()
        let start = try take(length)
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)]), as: UTF8.self)
    }

    /// Text that is most often the same as the last text read this way, such as the path of a note's
    /// locations: then that text is shared rather than made again.
    func path() throws -> String {
        let length = try count()
        let start = try take(length)
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)])
        let same = lastPath.utf8.withContiguousStorageIfAvailable { last in
            last.count == length && (length == 0 || memcmp(last.baseAddress!, text.baseAddress!, length) == 0)
        }
        if same != true { lastPath = String(decoding: text, as: UTF8.self) }
        return lastPath
    }

    /// A count of items that can each take at least one byte of what is left.
    func itemCount() throws -> Int {
        let total = try count()
        guard total <= bytes.count - offset else { throw Self.damaged }
        return total
    }

    /// The mark before a single value, which must say that it is there.
    func present() throws {
        guard try byte() == 1 else { throw Self.damaged }
    }

    /// Whether the next text is `name`, without reading past it unless it is.
    func takeKey(_ name: String) -> Bool {
        guard offset + 4 <= bytes.count else { return false }
        let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        let start = offset + 4
        guard length <= bytes.count - start else { return false }
        var name = name
        let matches = name.withUTF8 { utf8 in
            utf8.count == length && (length == 0 || memcmp(utf8.baseAddress!, bytes.baseAddress! + start, length) == 0)
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

    /// A value of any type, through its conformance; text and numbers, and lists of them, the kinds most
    /// stored, are read directly, in the form their conformances write.
    func read<Value: Decodable>(_ type: Value.Type) throws -> Value {
        if Value.self == String.self { return try Self.same(try presentString()) }
        if Value.self == Int.self { return try Self.same(try presentInt()) }
        if Value.self == UInt64.self { return try Self.same(try presentWord()) }
        if Value.self == [String].self { return try Self.same(try list(presentString)) }
        if Value.self == [String?].self { return try Self.same(try list(optionalString)) }
        if Value.self == [Int].self { return try Self.same(try list(presentInt)) }
        if Value.self == [UInt64].self { return try Self.same(try list(presentWord)) }
        return try Value(from: BinaryValueDecoder(input: self))
    }

    private func presentString() throws -> String {
        try present()
        return try string()
    }

    private func presentInt() throws -> Int {
        try present()
        return Int(Int64(bitPattern: try word()))
    }

    private func presentWord() throws -> UInt64 {
        try present()
        return try word()
    }

    /// Text that may be missing: a mark, then, when it is there, the text as a single value of its own.
    private func optionalString() throws -> String? {
        switch try byte() {
        case 0: return nil
        case 1: return try presentString()
        default: throw Self.damaged
        }
    }

    func list<Item>(_ item: () throws -> Item) throws -> [Item] {
        let total = try itemCount()
        var items: [Item] = []
        items.reserveCapacity(total)
        for _ in 0..<total { items.append(try item()) }
        return items
    }

    /// `value` as `Value`, which the caller found to be its type: the same value, without a dynamic cast.
    private static func same<Value, Read>(_ value: Read) throws -> Value {
        guard Read.self == Value.self else { throw damaged }
        return unsafeBitCast(value, to: Value.self)
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

/// Fields in the order written; a field asked for that is not next is missing. Two words, with its count
/// of fields left kept in the input, so that opening one allocates nothing of its own.
private struct BinaryKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let input: BinaryInput
    /// Where the input keeps this container's count of fields left.
    let slot: Int
    var codingPath: [any CodingKey] { [] }

    init(input: BinaryInput) throws {
        self.input = input
        slot = input.fieldsLeft.count
        input.fieldsLeft.append(try input.itemCount())
    }

    private var remaining: Int { input.fieldsLeft[slot] }

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
        guard present(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "the build cache lacks a field"))
        }
    }

    /// Reads the key of the next field when it is `key`, and tells whether it was: an optional field that
    /// is missing was not written.
    private func present(_ key: Key) -> Bool {
        guard remaining > 0, input.takeKey(key.stringValue) else { return false }
        input.fieldsLeft[slot] -= 1
        return true
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
        return try input.read(Value.self)
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { present(key) ? try input.string() : nil }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { present(key) ? Int(Int64(bitPattern: try input.word())) : nil }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { present(key) ? try input.word() : nil }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { present(key) ? Double(bitPattern: try input.word()) : nil }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { present(key) ? try input.byte() != 0 : nil }
    func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        present(key) ? try input.read(Value.self) : nil
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
        total = try input.itemCount()
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
        return try input.read(Value.self)
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

    func decode(_ type: String.Type) throws -> String { try input.present(); return try input.string() }
    func decode(_ type: Int.Type) throws -> Int { try input.present(); return Int(Int64(bitPattern: try input.word())) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try input.present(); return try input.word() }
    func decode(_ type: Double.Type) throws -> Double { try input.present(); return Double(bitPattern: try input.word()) }
    func decode(_ type: Bool.Type) throws -> Bool { try input.present(); return try input.byte() != 0 }
    func decode(_ type: Int8.Type) throws -> Int8 { try input.present(); return Int8(truncatingIfNeeded: try input.word()) }
    func decode(_ type: Int16.Type) throws -> Int16 { try input.present(); return Int16(truncatingIfNeeded: try input.word()) }
    func decode(_ type: Int32.Type) throws -> Int32 { try input.present(); return Int32(truncatingIfNeeded: try input.word()) }
    func decode(_ type: Int64.Type) throws -> Int64 { try input.present(); return Int64(truncatingIfNeeded: try input.word()) }
    func decode(_ type: UInt.Type) throws -> UInt { try input.present(); return UInt(truncatingIfNeeded: try input.word()) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try input.present(); return UInt8(truncatingIfNeeded: try input.word()) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try input.present(); return UInt16(truncatingIfNeeded: try input.word()) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try input.present(); return UInt32(truncatingIfNeeded: try input.word()) }
    func decode(_ type: Float.Type) throws -> Float { try input.present(); return Float(Double(bitPattern: try input.word())) }
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try input.present()
        return try input.read(Value.self)
    }
}
