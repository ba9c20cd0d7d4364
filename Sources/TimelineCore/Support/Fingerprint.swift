/// A stable hash of every stored property of a value, through the `Encodable` conformance the compiler
/// writes for it: a property added to a type is part of its fingerprint without anyone listing it. Used to
/// tell whether what a page read of the site has changed since the last build.
///
/// Fields are taken in order, each missing optional as a mark of its own, so that no two values of a type
/// give the same stream. A dictionary's order changes from run to run, so fingerprinted values hold lists,
/// never dictionaries.
public enum Fingerprint {
    public static func of(_ value: some Encodable) -> UInt64 {
        let state = FingerprintState()
        // Encoding into a hasher cannot fail; a conformance that throws adds what it encoded up to there.
        try? state.write(value)
        return state.hasher.value
    }
}

/// A value that writes its fingerprint into a hasher itself, for values fingerprinted by the thousand, where
/// the `Encodable` route costs a container for every field. Each such type lists its stored properties, as
/// a test checks.
public protocol DirectFingerprint {
    func combine(into hasher: inout StableHasher)
}

extension Fingerprint {
    /// The fingerprint of a value that writes its own; inlinable, so that it is made for each type that
    /// uses it and calls the type's own function directly.
    @inlinable
    public static func of(direct value: some DirectFingerprint) -> UInt64 {
        var hasher = StableHasher()
        value.combine(into: &hasher)
        return hasher.value
    }

    /// The fingerprint of a list of values that write their own, its length included; inlinable, so that
    /// each value is read in place rather than copied out through the list's generic code.
    @inlinable
    public static func of<Value: DirectFingerprint>(list values: [Value]) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(values.count)
        // Through the list's storage: each value is read in place, not copied out, as an array's own
        // subscript does for a value the optimizer cannot prove untouched.
        values.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { buffer[index].combine(into: &hasher) }
        }
        return hasher.value
    }

    /// The fingerprint of a list of texts, its length included: ids, fingerprinted by the thousand.
    public static func of(texts: [String]) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(texts.count)
        for text in texts { hasher.combine(text) }
        return hasher.value
    }

    /// Writes a text that may be missing: the text, or a mark of its own.
    public static func combine(_ text: String?, into hasher: inout StableHasher) {
        if let text { hasher.combine(text) } else { combineMissing(into: &hasher) }
    }

    /// Writes a number that may be missing: the number, or a mark of its own.
    public static func combine(_ number: UInt64?, into hasher: inout StableHasher) {
        if let number { hasher.combine(number) } else { combineMissing(into: &hasher) }
    }

    /// Writes the mark of a missing value.
    public static func combineMissing(into hasher: inout StableHasher) { hasher.combine(FingerprintState.missing) }
}

/// The hasher every container of one fingerprint writes into.
private final class FingerprintState {
    var hasher = StableHasher()

    static let missing: UInt64 = 0x4E
    static let list: UInt64 = 0x55
    static let object: UInt64 = 0x4B

    func write(_ value: some Encodable) throws {
        try value.encode(to: FingerprintEncoder(state: self))
    }

    func missingValue() { hasher.combine(Self.missing) }
}

private struct FingerprintEncoder: Encoder {
    let state: FingerprintState
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        state.hasher.combine(FingerprintState.object)
        return KeyedEncodingContainer(KeyedFingerprint<Key>(state: state))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        state.hasher.combine(FingerprintState.list)
        return UnkeyedFingerprint(state: state)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleFingerprint(state: state) }
}

/// Each field hashed on its own, its key's name first, and added to the hash of the value that holds it: a
/// sum does not depend on the order the fields come in, which for a dictionary is not the same from one run
/// of the program to the next. Every field, present or missing, leaves a mark.
private struct KeyedFingerprint<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: FingerprintState
    var codingPath: [any CodingKey] { [] }

    /// Hashes the field `write` writes, under the name of `key`, and adds it to the hash so far.
    private func field(_ key: Key, _ write: () throws -> Void) rethrows {
        let outer = state.hasher
        state.hasher = StableHasher(key.stringValue)
        try write()
        var field = state.hasher.value &* 0x9E37_79B9_7F4A_7C15
        field ^= field >> 29
        state.hasher = StableHasher(continuing: outer.value &+ field)
    }

    private func combine(_ key: Key, _ value: String) { field(key) { state.hasher.combine(value) } }
    private func combine(_ key: Key, _ value: UInt64) { field(key) { state.hasher.combine(value) } }
    private func combine(_ key: Key, _ value: Int) { field(key) { state.hasher.combine(value) } }
    private func combine(_ key: Key, _ value: Double) { field(key) { state.hasher.combine(value) } }
    private func combine(_ key: Key, _ value: Bool) { field(key) { state.hasher.combine(value) } }
    private func missing(_ key: Key) { field(key) { state.missingValue() } }

    mutating func encodeNil(forKey key: Key) throws { missing(key) }
    mutating func encode(_ value: String, forKey key: Key) throws { combine(key, value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { combine(key, value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { combine(key, value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { combine(key, value) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { combine(key, value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { combine(key, Double(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { combine(key, Int(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { combine(key, Int(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { combine(key, Int(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { combine(key, Int(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { combine(key, UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { combine(key, UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { combine(key, UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { combine(key, UInt64(value)) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws { try field(key) { try state.write(value) } }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { if let value { combine(key, value) } else { missing(key) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { if let value { combine(key, value) } else { missing(key) } }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { if let value { combine(key, value) } else { missing(key) } }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { if let value { combine(key, value) } else { missing(key) } }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { if let value { combine(key, value) } else { missing(key) } }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeIfPresent(value.map(Double.init), forKey: key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeIfPresent(value.map(Int.init), forKey: key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeIfPresent(value.map(Int.init), forKey: key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeIfPresent(value.map(Int.init), forKey: key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeIfPresent(value.map(Int.init), forKey: key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeIfPresent(value.map(UInt64.init), forKey: key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeIfPresent(value.map(UInt64.init), forKey: key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeIfPresent(value.map(UInt64.init), forKey: key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeIfPresent(value.map(UInt64.init), forKey: key) }
    mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
        if let value { try field(key) { try state.write(value) } } else { missing(key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        state.hasher.combine(key.stringValue)
        return FingerprintEncoder(state: state).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        state.hasher.combine(key.stringValue)
        return FingerprintEncoder(state: state).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { FingerprintEncoder(state: state) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { FingerprintEncoder(state: state) }
}

/// Items in order, after a mark each, so that lists of different lengths differ.
private struct UnkeyedFingerprint: UnkeyedEncodingContainer {
    let state: FingerprintState
    var codingPath: [any CodingKey] { [] }
    var count = 0

    mutating func encodeNil() throws {
        count += 1
        state.missingValue()
    }

    mutating func encode(_ value: String) throws {
        count += 1
        state.hasher.combine(value)
    }

    mutating func encode(_ value: Int) throws {
        count += 1
        state.hasher.combine(value)
    }

    mutating func encode(_ value: UInt64) throws {
        count += 1
        state.hasher.combine(value)
    }

    mutating func encode(_ value: Double) throws {
        count += 1
        state.hasher.combine(value)
    }

    mutating func encode(_ value: Float) throws {
        count += 1
        state.hasher.combine(Double(value))
    }

    mutating func encode(_ value: Bool) throws {
        count += 1
        state.hasher.combine(value)
    }

    mutating func encode(_ value: Int8) throws {
        count += 1
        state.hasher.combine(UInt64(truncatingIfNeeded: value))
    }

    mutating func encode(_ value: Int16) throws {
        count += 1
        state.hasher.combine(UInt64(truncatingIfNeeded: value))
    }

    mutating func encode(_ value: Int32) throws {
        count += 1
        state.hasher.combine(UInt64(truncatingIfNeeded: value))
    }

    mutating func encode(_ value: Int64) throws {
        count += 1
        state.hasher.combine(UInt64(truncatingIfNeeded: value))
    }

    mutating func encode(_ value: UInt) throws {
        count += 1
        state.hasher.combine(UInt64(truncatingIfNeeded: value))
    }

    mutating func encode(_ value: UInt8) throws {
        count += 1
        state.hasher.combine(UInt64(truncatingIfNeeded: value))
    }

    mutating func encode(_ value: UInt16) throws {
        count += 1
        state.hasher.combine(UInt64(truncatingIfNeeded: value))
    }

    mutating func encode(_ value: UInt32) throws {
        count += 1
        state.hasher.combine(UInt64(truncatingIfNeeded: value))
    }

    mutating func encode(_ value: some Encodable) throws {
        count += 1
        state.hasher.combine(UInt64(0x49))
        try state.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        return FingerprintEncoder(state: state).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return FingerprintEncoder(state: state).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { FingerprintEncoder(state: state) }
}

private struct SingleFingerprint: SingleValueEncodingContainer {
    let state: FingerprintState
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { state.missingValue() }
    mutating func encode(_ value: String) throws { state.hasher.combine(value) }
    mutating func encode(_ value: Int) throws { state.hasher.combine(value) }
    mutating func encode(_ value: UInt64) throws { state.hasher.combine(value) }
    mutating func encode(_ value: Double) throws { state.hasher.combine(value) }
    mutating func encode(_ value: Bool) throws { state.hasher.combine(value) }
    mutating func encode(_ value: Int8) throws { state.hasher.combine(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Int16) throws { state.hasher.combine(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Int32) throws { state.hasher.combine(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Int64) throws { state.hasher.combine(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt) throws { state.hasher.combine(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt8) throws { state.hasher.combine(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt16) throws { state.hasher.combine(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: UInt32) throws { state.hasher.combine(UInt64(truncatingIfNeeded: value)) }
    mutating func encode(_ value: Float) throws { state.hasher.combine(Double(value)) }
    mutating func encode(_ value: some Encodable) throws { try state.write(value) }
}
