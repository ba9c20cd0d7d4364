/// URL schemes, as RFC 3986 defines them, and which ones a site's links may use.
public enum LinkScheme {
    /// The schemes every site's links may use.
    public static let standard = ["http", "https", "mailto", "tel"]
    /// Schemes that run code or read the reader's files: never allowed, whatever `site.yaml` says.
    public static let unsafe = ["javascript", "vbscript", "data", "file"]

    /// The scheme of an address, in lower case, or nil when it has none and is a relative reference: a
    /// letter, then letters, digits, `+`, `-` or `.`, then `:`. A `/`, `?` or `#` before the first `:`
    /// makes the address relative, as in `note.md#part:2`.
    public static func of(_ address: String) -> String? {
        var scheme = ""
        for (position, character) in address.unicodeScalars.enumerated() {
            if character == ":" { return position == 0 ? nil : scheme.lowercased() }
            let value = character.value
            let isLetter = (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            let isOther = (0x30...0x39).contains(value) || character == "+" || character == "-" || character == "."
            guard isLetter || (position > 0 && isOther) else { return nil }
            scheme.unicodeScalars.append(character)
        }
        return nil
    }

    /// Whether a word can be a scheme: the letters, digits and `+-.` of RFC 3986, starting with a letter.
    public static func isValid(_ word: String) -> Bool {
        !word.contains(":") && of(word + ":") != nil
    }
}
