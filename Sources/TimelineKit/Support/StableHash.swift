/// Hashes that are the same on every machine and run (Swift's `Hasher` is seeded per process).
enum StableHash {
    /// 64-bit FNV-1a.
    static func fnv1a(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A version-4-shaped UUID URN derived from text, for ids that must not change between builds.
    static func uuid(_ text: String) -> String {
        let high = fnv1a(text.utf8)
        let low = fnv1a(text.utf8, seed: high ^ 0x9E37_79B9_7F4A_7C15)
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        let a = hex(high >> 32, 8), b = hex((high >> 16) & 0xFFFF, 4), c = hex(0x4000 | (high & 0x0FFF), 4)
        let d = hex(0x8000 | ((low >> 48) & 0x3FFF), 4), e = hex(low & 0xFFFF_FFFF_FFFF, 12)
        return "urn:uuid:\(a)-\(b)-\(c)-\(d)-\(e)"
    }
}
