/// A stable hash of every stored property of a value, through the `Encodable` conformance the compiler
/// writes for it: a property added to a type is part of its fingerprint without anyone listing it. Used to
/// tell whether what a page read of the site has changed since the last build.
public enum Fingerprint {
    public static func of(_ value: some Encodable) -> UInt64 {
        let encoder = FingerprintEncoder()
        // Encoding into a hasher cannot fail; a conformance that throws adds what it encoded up to there.
        try? value.encode(to: encoder)
        return encoder.state.hasher.value
    }
}

/// The hasher every container of one fingerprint writes into.
private final class FingerprintState {
    var hasher = StableHasher()
}

private struct FingerprintEncoder: Encoder {
    let state: FingerprintState
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(state: FingerprintState = FingerprintState()) { self.state = state }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        state.hasher.combine(UInt64(0x4B))
        return KeyedEncodingContainer(KeyedFingerprint<Key>(state: state))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        state.hasher.combine(UInt64(0x55))
        return UnkeyedFingerprint(state: state)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleFingerprint(state: state) }
}

/// Writes scalars into the hasher, each after a tag of its type.
private protocol FingerprintWriter {
    var state: FingerprintState { get }
}

extension FingerprintWriter {
    func write(_ value: some Encodable) throws {
        switch value {
        case let text as String: state.hasher.combine(text)
        case let number as Int: state.hasher.combine(number)
        case let number as UInt64: state.hasher.combine(number)
        case let number as Double: state.hasher.combine(number)
        case let flag as Bool: state.hasher.combine(flag)
        case let dictionary as any SortableDictionary:
            // A dictionary's order changes from run to run; its fingerprint must not.
            state.hasher.combine(UInt64(0x44))
            for (key, item) in dictionary.sortedItems() {
                state.hasher.combine(key)
                try write(item)
            }
        default: try value.encode(to: FingerprintEncoder(state: state))
        }
    }
}

private struct KeyedFingerprint<Key: CodingKey>: KeyedEncodingContainerProtocol, FingerprintWriter {
    let state: FingerprintState
    var codingPath: [any CodingKey] { [] }

    private func key(_ key: Key) { state.hasher.combine(key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws {
        self.key(key)
        state.hasher.combine(UInt64(0x4E))
    }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        self.key(key)
        try write(value)
    }

    mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        return FingerprintEncoder(state: state).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        return FingerprintEncoder(state: state).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { FingerprintEncoder(state: state) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { FingerprintEncoder(state: state) }
}

private struct UnkeyedFingerprint: UnkeyedEncodingContainer, FingerprintWriter {
    let state: FingerprintState
    var codingPath: [any CodingKey] { [] }
    var count = 0

    mutating func encodeNil() throws {
        count += 1
        state.hasher.combine(UInt64(0x4E))
    }

    mutating func encode(_ value: some Encodable) throws {
        count += 1
        state.hasher.combine(UInt64(0x49))
        try write(value)
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

private struct SingleFingerprint: SingleValueEncodingContainer, FingerprintWriter {
    let state: FingerprintState
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { state.hasher.combine(UInt64(0x4E)) }
    mutating func encode(_ value: some Encodable) throws { try write(value) }
}

/// A dictionary with text keys, whose items a fingerprint takes in the order of their keys.
private protocol SortableDictionary {
    func sortedItems() -> [(String, any Encodable)]
}

extension Dictionary: SortableDictionary where Key == String, Value: Encodable {
    fileprivate func sortedItems() -> [(String, any Encodable)] {
        sorted { $0.key < $1.key }.map { ($0.key, $0.value as any Encodable) }
    }
}
