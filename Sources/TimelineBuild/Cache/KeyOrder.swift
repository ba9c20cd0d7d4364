#if canImport(Glibc)
import Glibc
#endif

/// The order the build cache writes its records in: by their keys' UTF-8 bytes, the same on every machine,
/// found with `memcmp` rather than with the Unicode rules of `<`, which sorting thousands of paths pays for.
enum KeyOrder {
    /// Whether `first` comes before `second`: the first byte that differs decides, else the shorter first.
    static func precedes(_ first: String, _ second: String) -> Bool {
        if let order = first.utf8.withContiguousStorageIfAvailable({ one in
            second.utf8.withContiguousStorageIfAvailable { two in compare(UnsafeRawBufferPointer(one), UnsafeRawBufferPointer(two)) }
        }), let order {
            return order
        }
        return Array(first.utf8).withUnsafeBytes { one in Array(second.utf8).withUnsafeBytes { two in compare(one, two) } }
    }

    private static func compare(_ one: UnsafeRawBufferPointer, _ two: UnsafeRawBufferPointer) -> Bool {
        let common = min(one.count, two.count)
        let order = common == 0 ? 0 : memcmp(one.baseAddress!, two.baseAddress!, common)
        return order != 0 ? order < 0 : one.count < two.count
    }
}
