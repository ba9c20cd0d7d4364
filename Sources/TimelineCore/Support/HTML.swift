/// The one HTML escaper: for element content and quoted attributes, in pages, templates and notes.
public enum HTML {
    private static let escaper = MarkupEscaper(apostrophe: "&#39;", leavesOutNoncharacters: false)

    /// Escapes `&`, `<`, `>`, `"` and `'`, so the text is safe in element content and in quoted attributes,
    /// and leaves out the control characters HTML cannot hold (``ControlCharacters``).
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: escaper.mayChange) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the text to `out`, escaped, copying the runs between characters that need escaping.
    public static func escape(_ text: String, into out: inout [UInt8]) {
        escaper.escape(text, into: &out)
    }

    /// The HTML a Markdown renderer made, without the control characters HTML cannot hold.
    public static func removingControlCharacters(_ html: String) -> String {
        ControlCharacters.removed(from: html)
    }
}
