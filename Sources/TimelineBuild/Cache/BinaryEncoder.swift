/// Writes `Encodable` values in the build cache's compact binary form, through the conformances the compiler
/// writes, so that a field added to a cached type is cached without anyone writing code for it.
///
/// A keyed container is a count, then each field as its key and its length-prefixed value; a list is a
/// count, then its values; counts and lengths are four bytes, filled in once known. Scalars are written as
/// little-endian words and strings as a length and their UTF-8 bytes.
enum BinaryEncoder {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let buffer = BinaryBuffer()
        try buffer.write(value)
        return buffer.bytes
    }
}

/// The bytes being written, shared by every container of one value.
final class BinaryBuffer {
    var bytes: [UInt8] = []

    func word(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

    func string(_ text: String) {
        slot(UInt32(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    /// Writes a four-byte number and returns where, so that it can be filled in later.
    @discardableResult
    func slot(_ value: UInt32 = 0) -> Int {
        let offset = bytes.count
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        return offset
    }

    func fill(_ offset: Int, with value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for index in 0..<4 { bytes[offset + index] = raw[index] }
        }
    }

    func add(_ amount: UInt32, at offset: Int) {
        var current: UInt32 = 0
        for index in 0..<4 { current |= UInt32(bytes[offset + index]) << (8 * UInt32(index)) }
        fill(offset, with: current + amount)
    }

    /// Sets each length slot to the bytes written after it so far.
    func close(_ lengths: [Int]) {
        for slot in lengths { close(slot) }
    }

    func close(_ slot: Int) { fill(slot, with: UInt32(bytes.count - slot - 4)) }

    func write(_ value: some Encodable) throws {
        switch value {
        case let text as String: string(text)
        case let number as Int: word(UInt64(bitPattern: Int64(number)))
        case let number as UInt64: word(number)
        case let number as Double: word(number.bitPattern)
        case let flag as Bool: bytes.append(flag ? 1 : 0)
        default: try value.encode(to: BinaryValueEncoder(buffer: self, lengths: []))
        }
    }
}

/// An encoder of one value. `lengths` are the length slots of the fields this value's containers sit in,
/// when they were asked for as nested containers: they are brought up to date after every write.
private struct BinaryValueEncoder: Encoder {
    let buffer: BinaryBuffer
    let lengths: [Int]
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let count = buffer.slot()
        buffer.close(lengths)
        return KeyedEncodingContainer(BinaryKeyedEncoder<Key>(buffer: buffer, count: count, lengths: lengths))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let count = buffer.slot()
        buffer.close(lengths)
        return BinaryListEncoder(buffer: buffer, countSlot: count, lengths: lengths)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { BinarySingleEncoder(buffer: buffer, lengths: lengths) }
}

private struct BinaryKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let buffer: BinaryBuffer
    /// Where the number of fields is written.
    let count: Int
    let lengths: [Int]
    var codingPath: [any CodingKey] { [] }

    /// Writes a field's key and a slot for its value's length, and returns the slot.
    private func open(_ key: Key) -> Int {
        buffer.add(1, at: count)
        buffer.string(key.stringValue)
        return buffer.slot()
    }

    mutating func encodeNil(forKey key: Key) throws {}

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        let length = open(key)
        try buffer.write(value)
        buffer.close(length)
        buffer.close(lengths)
    }

    mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        BinaryValueEncoder(buffer: buffer, lengths: [open(key)] + lengths).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        BinaryValueEncoder(buffer: buffer, lengths: [open(key)] + lengths).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { BinaryValueEncoder(buffer: buffer, lengths: lengths) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { BinaryValueEncoder(buffer: buffer, lengths: [open(key)] + lengths) }
}

private struct BinaryListEncoder: UnkeyedEncodingContainer {
    let buffer: BinaryBuffer
    let countSlot: Int
    let lengths: [Int]
    var codingPath: [any CodingKey] { [] }
    var count = 0

    /// Lists of optionals go through single-value containers, which mark what is missing; a list never
    /// writes nothing in place of an item.
    mutating func encodeNil() throws {
        throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "the build cache has no missing list items"))
    }

    mutating func encode(_ value: some Encodable) throws {
        count += 1
        buffer.add(1, at: countSlot)
        try buffer.write(value)
        buffer.close(lengths)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        buffer.add(1, at: countSlot)
        return BinaryValueEncoder(buffer: buffer, lengths: lengths).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        buffer.add(1, at: countSlot)
        return BinaryValueEncoder(buffer: buffer, lengths: lengths).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { BinaryValueEncoder(buffer: buffer, lengths: lengths) }
}

/// A single value, after a byte that says whether it is there (1) or missing (0), for optionals.
private struct BinarySingleEncoder: SingleValueEncodingContainer {
    let buffer: BinaryBuffer
    let lengths: [Int]
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        buffer.bytes.append(0)
        buffer.close(lengths)
    }

    mutating func encode(_ value: some Encodable) throws {
        buffer.bytes.append(1)
        try buffer.write(value)
        buffer.close(lengths)
    }
}
