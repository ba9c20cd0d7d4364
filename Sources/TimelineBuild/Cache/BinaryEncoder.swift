/// Writes `Encodable` values in the build cache's compact binary form, through the conformances the compiler
/// writes, so that a field added to a cached type is cached without anyone writing code for it.
///
/// A keyed container is a count, then each field present as its key and its value, in the order written
/// (a missing optional is left out); a list is a count, then its items; a single value is a byte that says
/// whether it is there, then the value. Counts and the lengths of text are four bytes; numbers are eight.
enum BinaryEncoder {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let output = BinaryOutput()
        try output.write(value)
        return output.bytes
    }
}

/// The bytes being written, shared by every container of one value.
final class BinaryOutput {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    func word(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

    func count(_ value: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { bytes.append(contentsOf: $0) } }

    func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Writes a count of zero and returns where, so that it can be counted up as items are written.
    func countSlot() -> Int {
        let offset = bytes.count
        count(0)
        return offset
    }

    func countUp(_ offset: Int) {
        var value = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        value += 1
        withUnsafeBytes(of: value.littleEndian) { raw in
            for index in 0..<4 { bytes[offset + index] = raw[index] }
        }
    }

    func write(_ value: some Encodable) throws { try value.encode(to: BinaryValueEncoder(output: self)) }
}

private struct BinaryValueEncoder: Encoder {
    let output: BinaryOutput
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(BinaryKeyedEncoder<Key>(output: output, count: output.countSlot()))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { BinaryListEncoder(output: output, countSlot: output.countSlot()) }

    func singleValueContainer() -> any SingleValueEncodingContainer { BinarySingleEncoder(output: output) }
}

private struct BinaryKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let output: BinaryOutput
    /// Where the number of fields is written.
    let count: Int
    var codingPath: [any CodingKey] { [] }

    private func key(_ key: Key) {
        output.countUp(count)
        output.string(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); output.string(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); output.word(UInt64(bitPattern: Int64(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); output.word(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); output.word(value.bitPattern) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); output.bytes.append(value ? 1 : 0) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); output.word(Double(value).bitPattern) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        self.key(key)
        try output.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        return BinaryValueEncoder(output: output).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        return BinaryValueEncoder(output: output).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { BinaryValueEncoder(output: output) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        self.key(key)
        return BinaryValueEncoder(output: output)
    }
}

private struct BinaryListEncoder: UnkeyedEncodingContainer {
    let output: BinaryOutput
    let countSlot: Int
    var codingPath: [any CodingKey] { [] }
    var count = 0

    private mutating func item() {
        count += 1
        output.countUp(countSlot)
    }

    /// Lists of optionals go through single-value containers, which mark what is missing; a list never
    /// writes nothing in place of an item.
    mutating func encodeNil() throws {
        throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "the build cache has no missing list items"))
    }

    mutating func encode(_ value: String) throws { item(); output.string(value) }
    mutating func encode(_ value: Int) throws { item(); output.word(UInt64(bitPattern: Int64(value))) }
    mutating func encode(_ value: UInt64) throws { item(); output.word(value) }
    mutating func encode(_ value: Double) throws { item(); output.word(value.bitPattern) }
    mutating func encode(_ value: Float) throws { item(); output.word(Double(value).bitPattern) }
    mutating func encode(_ value: Bool) throws { item(); output.bytes.append(value ? 1 : 0) }
    mutating func encode(_ value: Int8) throws { item(); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Int16) throws { item(); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Int32) throws { item(); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Int64) throws { item(); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt) throws { item(); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt8) throws { item(); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt16) throws { item(); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt32) throws { item(); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: some Encodable) throws {
        item()
        try output.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        item()
        return BinaryValueEncoder(output: output).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        item()
        return BinaryValueEncoder(output: output).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { BinaryValueEncoder(output: output) }
}

/// A single value, after a byte that says whether it is there (1) or missing (0), for optionals.
private struct BinarySingleEncoder: SingleValueEncodingContainer {
    let output: BinaryOutput
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { output.bytes.append(0) }
    mutating func encode(_ value: String) throws { output.bytes.append(1); output.string(value) }
    mutating func encode(_ value: Int) throws { output.bytes.append(1); output.word(UInt64(bitPattern: Int64(value))) }
    mutating func encode(_ value: UInt64) throws { output.bytes.append(1); output.word(value) }
    mutating func encode(_ value: Double) throws { output.bytes.append(1); output.word(value.bitPattern) }
    mutating func encode(_ value: Bool) throws { output.bytes.append(1); output.bytes.append(value ? 1 : 0) }
    mutating func encode(_ value: Int8) throws { output.bytes.append(1); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Int16) throws { output.bytes.append(1); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Int32) throws { output.bytes.append(1); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Int64) throws { output.bytes.append(1); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt) throws { output.bytes.append(1); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt8) throws { output.bytes.append(1); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt16) throws { output.bytes.append(1); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt32) throws { output.bytes.append(1); output.word(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Float) throws { output.bytes.append(1); output.word(Double(value).bitPattern) }
    mutating func encode(_ value: some Encodable) throws {
        output.bytes.append(1)
        try output.write(value)
    }
}
