import TimelineCore
#if canImport(Glibc)
import Glibc
#endif

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
        bytes.withUnsafeBytes { raw in checksum(UnsafeRawBufferPointer(rebasing: raw[range])) }
    }

    /// The checksum of `bytes`: four lanes of eight bytes each, mixed independently so that the processor
    /// works on them at once, then the lanes and the last bytes together.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x7469_6D65_6C69_6E65 ^ UInt64(bytes.count), 1, 2, 3)
        var index = 0
        while index + 32 <= bytes.count {
            lanes.0 = (lanes.0 ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* multiplier
            lanes.1 = (lanes.1 ^ bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)) &* multiplier
            lanes.2 = (lanes.2 ^ bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)) &* multiplier
            lanes.3 = (lanes.3 ^ bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)) &* multiplier
            lanes.0 ^= lanes.0 >> 29
            lanes.1 ^= lanes.1 >> 29
            lanes.2 ^= lanes.2 >> 29
            lanes.3 ^= lanes.3 >> 29
            index += 32
        }
        var hasher = StableHasher(continuing: lanes.0)
        hasher.combine(lanes.1)
        hasher.combine(lanes.2)
        hasher.combine(lanes.3)
        hasher.combine(contents: UnsafeRawBufferPointer(rebasing: bytes[index...]))
        return hasher.value
    }

    /// The little-endian eight-byte number at `offset`.
    static func word(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        bytes.withUnsafeBytes { word($0, at: offset) }
    }

    static func word(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Runs `body` on the bytes of the file at `path`, mapped into memory rather than copied; nil when the
    /// file cannot be opened or is not a regular file. Files of the cache are replaced by renaming, never
    /// rewritten in place, so the bytes mapped do not change while they are read.
    static func withMappedFile<Result>(_ path: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
        guard let file = MappedFile(path) else { return nil }
        return withExtendedLifetime(file) { body(file.bytes) }
    }
}
