/// Tests on eight bytes of text read as one word, for scanners that pass over runs of bytes they need not
/// look at one by one. Each test is exact for "any of the eight bytes", with no false alarm from the others.
public enum ByteWord {
    /// A one in each byte.
    @inlinable public static var ones: UInt64 { 0x0101_0101_0101_0101 }
    /// The high bit of each byte.
    @inlinable public static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes at `offset` of `bytes`, which must hold them.
    @inlinable @inline(__always)
    public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// Whether any byte of `word` is `byte`.
    @inlinable @inline(__always)
    public static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let differences = word ^ (ones &* UInt64(byte))
        return (differences &- ones) & ~differences & highs != 0
    }

    /// Whether any byte of `word` is below `limit`, which is at most 0x80.
    @inlinable @inline(__always)
    public static func containsByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }
}
