/// The one hash of the generator: 64 bits, the same on every machine and in every run (Swift's `Hasher` is
/// seeded differently in every process), for deciding what changed between builds and for ids that must
/// not change between builds. Text and file contents are hashed eight bytes at a time; `combine(bytes:)`
/// hashes byte by byte (FNV-1a).
public struct StableHasher: Sendable {
    public private(set) var value: UInt64

    public init() { value = Self.offsetBasis }

    public init(_ seed: String) {
        self.init()
        combine(seed)
    }

    /// A hasher that continues from a value.
    public init(continuing value: UInt64) { self.value = value }

    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    public mutating func combine(bytes: some Sequence<UInt8>) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* Self.prime
        }
        value = hash
    }

    /// Eight bytes at a time, for long inputs such as whole files.
    public mutating func combine(contents bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(words: $0) }
    }

    /// Eight bytes at a time, for bytes held elsewhere.
    public mutating func combine(contents raw: UnsafeRawBufferPointer) { combine(words: raw) }

    public mutating func combine(_ text: String) {
        // From the text's own storage, eight bytes at a time, read where it is rather than from a copy.
        let read: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in combine(words: UnsafeRawBufferPointer(bytes)) }
        if read == nil {
            var text = text
            text.withUTF8 { bytes in combine(words: UnsafeRawBufferPointer(bytes)) }
        }
        combine(UInt64(0xFF))
    }

    /// Eight bytes at a time.
    private mutating func combine(words raw: UnsafeRawBufferPointer) {
        var hash = value ^ UInt64(raw.count)
        var index = 0
        while index + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            index += 8
        }
        if index < raw.count {
            // The last one to seven bytes as one word, with zeros after them: the length is in the hash already.
            var word: UInt64 = 0
            withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[index...])) }
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        value = hash
    }

    public mutating func combine(_ text: String?) {
        if let text { combine(text) } else { combine(UInt64(0xFE)) }
    }

    public mutating func combine(_ number: UInt64) {
        value = (value ^ number) &* Self.prime
        value ^= value >> 31
    }

    public mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

    public mutating func combine(_ number: Double?) { combine(number.map { $0.bitPattern } ?? 0xFD) }

    public mutating func combine(_ flag: Bool) { combine(UInt64(flag ? 1 : 2)) }

    public static func hash(_ build: (inout StableHasher) -> Void) -> UInt64 {
        var hasher = StableHasher()
        build(&hasher)
        return hasher.value
    }

    /// A version-4-shaped UUID URN derived from text, for ids that must not change between builds.
    public static func uuid(_ text: String) -> String {
        var first = StableHasher()
        first.combine(bytes: text.utf8)
        let high = first.value
        var second = StableHasher(continuing: high ^ 0x9E37_79B9_7F4A_7C15)
        second.combine(bytes: text.utf8)
        let low = second.value
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        let a = hex(high >> 32, 8), b = hex((high >> 16) & 0xFFFF, 4), c = hex(0x4000 | (high & 0x0FFF), 4)
        let d = hex(0x8000 | ((low >> 48) & 0x3FFF), 4), e = hex(low & 0xFFFF_FFFF_FFFF, 12)
        return "urn:uuid:\(a)-\(b)-\(c)-\(d)-\(e)"
    }
}
