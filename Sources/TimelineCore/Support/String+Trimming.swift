/// Text helpers the readers share.
extension String {
    package var trimmingWhitespace: String {
        // Most text has nothing to trim: an ASCII byte other than a space at each end is a whole character
        // there (a character never ends with an ASCII byte it does not start with), and not whitespace.
        if let first = utf8.first, let last = utf8.last, Self.isASCIIBesideSpace(first), Self.isASCIIBesideSpace(last) { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// Whether a byte is an ASCII character that is not whitespace (tab, line breaks, space).
    private static func isASCIIBesideSpace(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte) }

    package var replacingUnderscores: String { String(filter { $0 != "_" }) }
}
