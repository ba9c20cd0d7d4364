extension String {
    /// Texts one after another, made in one allocation: a site makes its links by the hundred thousand, and
    /// interpolation appends each part in turn, growing the text as it goes.
    public static func joining(_ first: String, _ second: String, _ third: String = "", _ fourth: String = "", _ fifth: String = "", _ sixth: String = "") -> String {
        let count = first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count + fifth.utf8.count + sixth.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            guard let start = buffer.baseAddress else { return 0 }
            var end = copy(first, to: start)
            end = copy(second, to: end)
            end = copy(third, to: end)
            end = copy(fourth, to: end)
            end = copy(fifth, to: end)
            end = copy(sixth, to: end)
            return end - start
        }
    }

    /// Copies the UTF-8 bytes of `part` to `cursor`, returning where they end.
    @inline(__always)
    private static func copy(_ part: String, to cursor: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var part = part
        return part.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return cursor }
            cursor.update(from: base, count: bytes.count)
            return cursor + bytes.count
        }
    }
}
