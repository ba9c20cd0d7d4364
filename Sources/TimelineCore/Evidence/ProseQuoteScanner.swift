/// Finds the quotations of a note's prose that a citation vouches for: a passage in quotation marks
/// (straight `"…"` or typographic `“…”`) followed, in the same sentence, by a citation `[@id]`,
/// `[@id, locator]` or `[@a; @b]`. The quotation is checked against the archived texts of the sources cited.
public enum ProseQuoteScanner {
    /// A quotation found, with the sources cited after it.
    public struct Found: Sendable, Equatable {
        public var quote: String
        public var sourceIDs: [String]
        /// The offset of its opening quotation mark in the bytes scanned.
        public var offset: Int
    }

    /// Longest quotation looked for, and longest stretch between its end and a citation.
    static let longestQuote = 1_000
    static let longestTail = 400

    /// The quotations of `bytes` followed in their sentence by a citation.
    public static func scan(_ bytes: ArraySlice<UInt8>) -> [Found] {
        let text = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        // UTF-8 offsets of the scalars, to report where each quotation starts.
        var offsets: [Int] = []
        offsets.reserveCapacity(text.count)
        var offset = bytes.startIndex
        for scalar in text {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        var found: [Found] = []
        var index = 0
        while index < text.count {
            guard let close = closing(of: text, at: index) else {
                index += 1
                continue
            }
            let quote = String(String.UnicodeScalarView(text[(index + 1)..<close]))
            let sources = citations(after: close + 1, in: text)
            if !sources.isEmpty, !quote.allSatisfy(\.isWhitespace) {
                found.append(Found(quote: quote, sourceIDs: sources, offset: offsets[index]))
            }
            index = close + 1
        }
        return found
    }

    /// The ranges of scalars inside quotation marks, for checks that must leave quoted words alone.
    public static func quotedRanges(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < text.count {
            if let close = closing(of: text, at: index) {
                ranges.append(index..<(close + 1))
                index = close + 1
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// Where the quotation opened at `index` closes, when a quotation opens there and closes within its
    /// paragraph.
    static func closing(of text: [Unicode.Scalar], at index: Int) -> Int? {
        let mark = text[index]
        let close: Unicode.Scalar
        switch mark {
        case "\u{201C}": close = "\u{201D}"
        case "\"":
            // A straight mark opens where a word cannot end: at the start, after a space or an opening bracket.
            if index > 0, !(text[index - 1].properties.isWhitespace || "([{—–-/*_".unicodeScalars.contains(text[index - 1])) { return nil }
            close = "\""
        default: return nil
        }
        var position = index + 1
        while position < text.count, position - index <= longestQuote {
            let scalar = text[position]
            if scalar == close { return position > index + 1 ? position : nil }
            if scalar == "\n", position + 1 < text.count, text[position + 1] == "\n" { return nil }
            position += 1
        }
        return nil
    }

    /// The ids of the first citation between `start` and the end of the sentence.
    static func citations(after start: Int, in text: [Unicode.Scalar]) -> [String] {
        var ids: [String] = []
        var position = start
        while position < text.count, position - start <= longestTail {
            let scalar = text[position]
            if scalar == "[", position + 1 < text.count, text[position + 1] == "@" {
                guard let end = text[position...].firstIndex(of: "]") else { break }
                let inside = String(String.UnicodeScalarView(text[(position + 1)..<end]))
                for part in inside.split(separator: ";") {
                    let trimmed = part.drop { $0.isWhitespace }
                    guard trimmed.hasPrefix("@") else { continue }
                    let id = trimmed.dropFirst().prefix { !$0.isWhitespace && $0 != "," }
                    if !id.isEmpty { ids.append(String(id)) }
                }
                // The first citation after a quotation is the one that vouches for it.
                if !ids.isEmpty { break }
                position = end + 1
                continue
            }
            if scalar == "\n", position + 1 < text.count, text[position + 1] == "\n" { break }
            if ".!?".unicodeScalars.contains(scalar), position + 1 == text.count || text[position + 1].properties.isWhitespace { break }
            position += 1
        }
        return ids
    }
}
