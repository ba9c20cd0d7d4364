/// The control characters no page, feed or data file is written with: those of C0 but tab, line feed and
/// carriage return, DEL, and those of C1. YAML escapes such as `"\x00"` put them into text; every escaper of
/// an output format leaves them out.
public enum ControlCharacters {
    /// Whether a character is one that outputs leave out.
    public static func isLeftOut(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
    }

    /// The text without the characters outputs leave out.
    public static func removed(from text: String) -> String {
        guard holdsLeftOut(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isLeftOut(scalar) { out.append(scalar) }
        return String(out)
    }

    /// Whether the text holds a character outputs leave out, found by its bytes: a control byte other than
    /// tab, line feed and carriage return, DEL, or 0xC2 followed by 0x80 to 0x9F (U+0080 to U+009F). Looked
    /// at eight bytes at a time, and byte by byte only where one of the eight may be such a byte, which is much
    /// quicker than character by character.
    static func holdsLeftOut(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previous: UInt8 = 0
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count, previous != 0xC2 {
                    let word = ByteWord.load(bytes, at: index)
                    // No byte below 0x20, no DEL and no 0xC2 (nor one just before): nothing here, and nothing
                    // this word starts.
                    if !ByteWord.containsByte(below: 0x20, in: word), !ByteWord.contains(word, 0x7F), !ByteWord.contains(word, 0xC2) {
                        index += 8
                        previous = 0
                        continue
                    }
                }
                let end = min(index + 8, bytes.count)
                while index < end {
                    let byte = bytes[index]
                    if byte < 0x20 {
                        if byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
                    } else if byte == 0x7F || (previous == 0xC2 && byte <= 0x9F) {
                        return true
                    }
                    previous = byte
                    index += 1
                }
            }
            return false
        }
    }
}
