/// Escapes text for HTML or XML on its UTF-8 bytes: `&`, `<`, `>`, `"` and `'` become references, and the
/// control characters no output holds (``ControlCharacters``) are left out, with U+FFFE and U+FFFF for XML,
/// which cannot hold them. The runs between such characters are copied whole.
struct MarkupEscaper {
    /// The reference for `'`.
    let apostrophe: StaticString
    /// Whether U+FFFE and U+FFFF are left out.
    let leavesOutNoncharacters: Bool

    func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                // Most bytes stay as they are; they are passed over eight at a time.
                while index + 8 <= bytes.count, !mayChangeOne(of: ByteWord.load(bytes, at: index)) { index += 8 }
                if index == bytes.count { break }
                let replacement: StaticString
                var length = 1
                switch bytes[index] {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = apostrophe
                case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F: replacement = ""
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    // U+0080 to U+009F.
                    replacement = ""
                    length = 2
                case 0xEF where leavesOutNoncharacters && index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    // U+FFFE and U+FFFF.
                    replacement = ""
                    length = 3
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                index += length
                start = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
    }

    /// Whether any of eight bytes read as one word is one that ``mayChange(_:)`` accepts, or a tab, line
    /// feed or carriage return.
    @inline(__always)
    private func mayChangeOne(of word: UInt64) -> Bool {
        ByteWord.containsByte(below: 0x20, in: word) || ByteWord.contains(word, 0x26) || ByteWord.contains(word, 0x3C)
            || ByteWord.contains(word, 0x3E) || ByteWord.contains(word, 0x22) || ByteWord.contains(word, 0x27) || ByteWord.contains(word, 0x7F)
            || ByteWord.contains(word, 0xC2) || (leavesOutNoncharacters && ByteWord.contains(word, 0xEF))
    }

    /// Whether a byte may be escaped or left out: a special character, a C0 control but tab, line feed and
    /// carriage return, DEL, or the first byte of a C1 control or (for XML) of U+FFFE and U+FFFF, each
    /// checked in full as it is escaped.
    func mayChange(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
            || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2
            || (leavesOutNoncharacters && byte == 0xEF)
    }
}
