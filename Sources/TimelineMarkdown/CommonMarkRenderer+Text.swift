/// Finding what libcmark read in the bytes of the file as they were written, without calling libcmark.
extension CommonMarkRenderer {
    /// Where `needle` (text as libcmark gives it, escapes taken out) is written in `bytes` between `start` and
    /// `end`: a backslash may stand before any of its ASCII punctuation, as Markdown escapes it. The range
    /// runs from the needle's first byte (after any backslash) to its last.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, to end: Int, escapes: Bool = true) -> Range<Int>? {
        guard !needle.isEmpty, start >= 0 else { return nil }
        func isPunctuation(_ byte: UInt8) -> Bool {
            (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
        }
        var index = start
        while index + needle.count <= end {
            if bytes[index] == needle[0] {
                var position = index + 1
                var matched = true
                for byte in needle.dropFirst() {
                    if escapes, position < end, bytes[position] == UInt8(ascii: "\\"), isPunctuation(byte), position + 1 < end, bytes[position + 1] == byte {
                        position += 1
                    }
                    guard position < end, bytes[position] == byte else {
                        matched = false
                        break
                    }
                    position += 1
                }
                if matched { return index..<position }
            }
            index += 1
        }
        return nil
    }
}
