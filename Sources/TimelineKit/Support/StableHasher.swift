/// A 64-bit hash of values, the same on every machine and in every run, for deciding what changed between
/// builds (Swift's `Hasher` is seeded differently in every process).
struct StableHasher {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    init() {}

    init(_ seed: String) { combine(seed) }

    mutating func combine(bytes: some Sequence<UInt8>) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        value = hash
    }

    /// Eight bytes at a time, for long inputs such as whole files.
    mutating func combine(contents bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(words: $0) }
    }

    mutating func combine(_ text: String) {
        if text.utf8.count > 32 {
            var text = text
            text.withUTF8 { combine(words: UnsafeRawBufferPointer($0)) }
        } else {
            combine(bytes: text.utf8)
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
        while index < raw.count {
            hash = (hash ^ UInt64(raw[index])) &* 0x0000_0100_0000_01B3
            index += 1
        }
        value = hash
    }

    mutating func combine(_ text: String?) {
        if let text { combine(text) } else { combine(UInt64(0xFE)) }
    }

    mutating func combine(_ number: UInt64) {
        value = (value ^ number) &* 0x0000_0100_0000_01B3
        value ^= value >> 31
    }

    mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

    mutating func combine(_ number: Double?) { combine(number.map { $0.bitPattern } ?? 0xFD) }

    mutating func combine(_ flag: Bool) { combine(UInt64(flag ? 1 : 2)) }

    static func hash(_ build: (inout StableHasher) -> Void) -> UInt64 {
        var hasher = StableHasher()
        build(&hasher)
        return hasher.value
    }
}
