/// Escaping for XML text and attributes (feeds, sitemaps, SVG).
public enum XML {
    private static let escaper = MarkupEscaper(apostrophe: "&apos;", leavesOutNoncharacters: true)

    /// Escapes `&`, `<`, `>`, `"` and `'`, and drops the characters XML 1.0 cannot hold and the control
    /// characters no output holds (``ControlCharacters``).
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: escaper.mayChange) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        escaper.escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
