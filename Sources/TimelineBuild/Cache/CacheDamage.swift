import TimelineCore

/// Why a file of the build cache was found but not used: its bytes fail their checksum or do not hold what
/// they claim, or another generator (or another version of this one) wrote it. Either way the build does
/// again what the file would have spared it, and says so in a note, never trusting a value it held.
enum CacheDamage: Sendable, Equatable {
    case damaged
    case otherGenerator

    /// The note a build prints when it met this in the cache file `file`.
    func note(file: String) -> String {
        switch self {
        case .damaged: "the build cache's file '\(file)' was damaged, so this build did not use it and did again what it held"
        case .otherGenerator: "the build cache was written by another version of timeline, so this build did not use it and did everything"
        }
    }

    /// The checksum of the bytes `range` of `bytes`, kept beside them in the cache.
    static func checksum(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
        var hasher = StableHasher(continuing: 0x7469_6D65_6C69_6E65)
        bytes.withUnsafeBytes { raw in hasher.combine(contents: UnsafeRawBufferPointer(rebasing: raw[range])) }
        return hasher.value
    }

    /// The little-endian eight-byte number at `offset`.
    static func word(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        return value
    }
}
