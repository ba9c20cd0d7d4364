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
        guard text.unicodeScalars.contains(where: isLeftOut) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isLeftOut(scalar) { out.append(scalar) }
        return String(out)
    }
}
