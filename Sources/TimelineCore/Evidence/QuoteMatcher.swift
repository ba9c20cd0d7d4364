/// Finds a quotation in the text of a source as a careful reader would: differences of whitespace and line
/// breaks, of typographic and straight quotation marks and apostrophes, of dash forms and of Unicode
/// normalisation do not count; `…` or `...` in the quotation stands for words left out, and `[words]` for
/// words put in by the quoting writer. Anything else must be the source's own words.
public struct QuoteMatcher: Sendable {
    /// The text searched, folded: a number for each folded character, the number of the character in
    /// lower case for the first letter of a quotation, and the offset of each in the original.
    private let keys: [UInt32]
    private let caseless: [UInt32]
    private let offsets: [String.Index]
    /// The numbers of the characters and lower-case forms of the text that are not a single ASCII byte,
    /// whose numbers are their bytes.
    private let characterKeys: [Character: UInt32]
    private let caselessKeys: [String: UInt32]
    public let text: String

    /// Most characters an elision may stand for, and an insertion may replace.
    static let elisionSpan = 600
    static let insertionSpan = 80

    public init(text: String) {
        self.text = text
        var keys: [UInt32] = []
        var caseless: [UInt32] = []
        var offsets: [String.Index] = []
        keys.reserveCapacity(text.utf8.count)
        caseless.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count)
        // Characters are numbered as they compare: a character equal to an ASCII one (a Kelvin sign and a
        // K) has its number, and two spellings of one character (é and e with an accent) share one.
        var characterKeys = Dictionary(uniqueKeysWithValues: (0..<128).map { (Character(Unicode.Scalar(UInt8($0))), UInt32($0)) })
        var caselessKeys: [String: UInt32] = [:]
        var index = text.startIndex
        var lastIsSpace = true
        while index < text.endIndex {
            let character = text[index]
            if let mapped = Self.fold(character) {
                let isSpace = mapped == " "
                // One space stands for any run of whitespace.
                if !(isSpace && lastIsSpace) {
                    keys.append(Self.key(of: mapped, in: &characterKeys))
                    caseless.append(Self.caselessKey(of: mapped, in: &caselessKeys))
                    offsets.append(index)
                }
                lastIsSpace = isSpace
            }
            index = text.index(after: index)
        }
        if lastIsSpace, !keys.isEmpty {
            keys.removeLast()
            caseless.removeLast()
            offsets.removeLast()
        }
        self.keys = keys
        self.caseless = caseless
        self.offsets = offsets
        self.characterKeys = characterKeys
        self.caselessKeys = caselessKeys
    }

    /// The number of a character none of the text's has, which matches nothing.
    private static let absent = UInt32.max

    /// A character's number: its byte for ASCII, else the one `known` gives it, or, when `adding`, a new one
    /// (else ``absent``).
    private static func key(of character: Character, in known: inout [Character: UInt32], adding: Bool = true) -> UInt32 {
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first { return UInt32(byte) }
        return number(of: character, in: &known, adding: adding)
    }

    /// The number of a character's lower-case form, as ``key(of:in:adding:)`` gives it.
    private static func caselessKey(of character: Character, in known: inout [String: UInt32], adding: Bool = true) -> UInt32 {
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first { return UInt32(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
        let lower = character.lowercased()
        if lower.utf8.count == 1, let byte = lower.utf8.first { return UInt32(byte) }
        return number(of: lower, in: &known, adding: adding)
    }

    /// The number `known` gives a value, or, when `adding`, a new one, numbered after every scalar.
    private static func number<Value: Hashable>(of value: Value, in known: inout [Value: UInt32], adding: Bool) -> UInt32 {
        if let key = known[value] { return key }
        guard adding else { return absent }
        let key = 0x11_0000 + UInt32(known.count)
        known[value] = key
        return key
    }

    /// A character as matching sees it: nil for one that does not count (a soft hyphen, a zero-width space).
    static func fold(_ character: Character) -> Character? {
        let scalars = character.unicodeScalars
        // A character of one scalar is told by its number; the marks below are each one scalar.
        guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
            return character.isWhitespace ? " " : character
        }
        switch scalar.value {
        case 0x21...0x5F, 0x61...0x7E: return character
        case 0xAD, 0x200B, 0x200C, 0x200D, 0xFEFF: return nil
        case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2033: return "\""
        // Greek varia and oxia are the same characters as the grave and acute accents, in another form.
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x60, 0xB4, 0x1FEF, 0x1FFD: return "'"
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return "-"
        default: return scalar.properties.isWhitespace ? " " : character
        }
    }

    /// One piece of a quotation, with what may come before it in the source.
    enum Part: Equatable {
        case words([Character])
        /// Words left out (`…`), or put in by the writer (`[words]`).
        case gap(elision: Bool)
    }

    /// Splits a quotation into its words and its gaps.
    static func parts(of quote: String) -> [Part] {
        var parts: [Part] = []
        var words: [Character] = []
        func flush() {
            while words.first == " " { words.removeFirst() }
            while words.last == " " { words.removeLast() }
            if !words.isEmpty { parts.append(.words(words)) }
            words = []
        }
        var characters = Array(quote)
        // Quotation marks around the whole quotation are not the source's words.
        while let first = characters.first, fold(first) == "\"" { characters.removeFirst() }
        while let last = characters.last, fold(last) == "\"" { characters.removeLast() }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "…" || (character == "." && index + 2 < characters.count && characters[index + 1] == "." && characters[index + 2] == ".") {
                flush()
                parts.append(.gap(elision: true))
                index += character == "…" ? 1 : 3
                while index < characters.count, characters[index] == "." { index += 1 }
                continue
            }
            if character == "[", let close = characters[index...].firstIndex(of: "]"), close - index <= insertionSpan {
                flush()
                parts.append(.gap(elision: false))
                index = close + 1
                continue
            }
            if let mapped = fold(character), !(mapped == " " && (words.last == " " || words.isEmpty)) { words.append(mapped) }
            index += 1
        }
        // Punctuation the quoting sentence puts inside the closing mark ("… he said.") need not be the source's.
        while let last = words.last, [".", ",", ";", ":"].contains(last) { words.removeLast() }
        flush()
        return parts
    }

    /// Words of a quotation as numbers of the text's characters (a character the text lacks matches
    /// nothing), with the number of the first one's lower-case form.
    private struct Words {
        var keys: [UInt32]
        var caselessFirst: UInt32
    }

    private enum KeyedPart {
        case words(Words)
        case gap(elision: Bool)
    }

    /// A quotation's words numbered as the text's characters are.
    private func keyed(_ words: [Character]) -> Words {
        // Looked up, never added to: the matcher's own tables are not changed.
        var characterKeys = characterKeys, caselessKeys = caselessKeys
        return Words(
            keys: words.map { Self.key(of: $0, in: &characterKeys, adding: false) },
            caselessFirst: words.first.map { Self.caselessKey(of: $0, in: &caselessKeys, adding: false) } ?? Self.absent)
    }

    /// Where the quotation lies in the text, from its first word to its last, or nil when it is not there.
    public func find(_ quote: String) -> Range<String.Index>? {
        let parts = Self.parts(of: quote).map { part -> KeyedPart in
            switch part {
            case .words(let words): .words(keyed(words))
            case .gap(let elision): .gap(elision: elision)
            }
        }
        guard let first = parts.firstIndex(where: { if case .words = $0 { true } else { false } }) else { return nil }
        guard case .words(let opening) = parts[first] else { return nil }
        var start = 0
        while let at = search(opening, from: start, through: keys.count - opening.keys.count) {
            if let end = match(parts, from: first + 1, at: at + opening.keys.count) {
                return offsets[at]..<(end < offsets.count ? offsets[end] : text.endIndex)
            }
            start = at + 1
        }
        return nil
    }

    /// Matches the parts after one that ended at `position`; the end of the last, or nil.
    private func match(_ parts: [KeyedPart], from index: Int, at position: Int) -> Int? {
        guard index < parts.count else { return position }
        switch parts[index] {
        case .gap(let elision):
            guard index + 1 < parts.count, case .words(let next) = parts[index + 1] else { return position }
            let span = elision ? Self.elisionSpan : Self.insertionSpan
            var from = position
            while let at = search(next, from: from, through: min(position + span, keys.count - next.keys.count)) {
                if let end = match(parts, from: index + 2, at: at + next.keys.count) { return end }
                from = at + 1
            }
            return nil
        case .words(let words):
            return matches(words, at: position) ? match(parts, from: index + 1, at: position + words.keys.count) : nil
        }
    }

    /// The first position from `start` up to `last` where `words` stand.
    private func search(_ words: Words, from start: Int, through last: Int) -> Int? {
        guard !words.keys.isEmpty, start <= last else { return nil }
        for position in start...last where matches(words, at: position) { return position }
        return nil
    }

    /// Whether `words` stand at `position`; the first letter may differ in case, as a quotation that starts
    /// within a sentence of the source capitalises it, or one that starts a sentence of the source does not.
    private func matches(_ words: Words, at position: Int) -> Bool {
        guard position >= 0, !words.keys.isEmpty, position + words.keys.count <= keys.count else { return false }
        guard keys[position] == words.keys[0] || caseless[position] == words.caselessFirst else { return false }
        for offset in 1..<words.keys.count where keys[position + offset] != words.keys[offset] { return false }
        return true
    }

    /// The passage of the text closest to a quotation that is not in it: the stretch of as many words that
    /// shares the most words with it.
    public func closestPassage(to quote: String) -> String? {
        let wanted = Self.words(of: String(quote))
        guard !wanted.isEmpty else { return nil }
        let spans = Self.wordSpans(of: text)
        guard !spans.isEmpty else { return nil }
        let width = min(wanted.count, spans.count)
        var counts: [String: Int] = [:]
        for word in wanted { counts[word, default: 0] += 1 }
        var best = (score: -1, start: 0)
        for start in 0...(spans.count - width) {
            var remaining = counts
            var score = 0
            for span in spans[start..<(start + width)] {
                if let left = remaining[span.word], left > 0 {
                    remaining[span.word] = left - 1
                    score += 1
                }
            }
            if score > best.score { best = (score, start) }
        }
        guard best.score > 0 else { return nil }
        return String(text[spans[best.start].range.lowerBound..<spans[best.start + width - 1].range.upperBound])
    }

    /// The words of a text, folded to lower case, for comparing passages.
    static func words(of text: String) -> [String] { wordSpans(of: text).map(\.word) }

    private static func wordSpans(of text: String) -> [(word: String, range: Range<String.Index>)] {
        var spans: [(String, Range<String.Index>)] = []
        var start: String.Index?
        var index = text.startIndex
        while index <= text.endIndex {
            let isWord = index < text.endIndex && (text[index].isLetter || text[index].isNumber)
            if isWord, start == nil { start = index }
            if !isWord, let from = start {
                spans.append((text[from..<index].lowercased(), from..<index))
                start = nil
            }
            if index == text.endIndex { break }
            index = text.index(after: index)
        }
        return spans
    }

    /// The sentence or two of the text around a passage, for showing a quotation in its context.
    public func context(of range: Range<String.Index>, sentences: Int = 1) -> String {
        var start = range.lowerBound
        var found = 0
        while start > text.startIndex {
            let before = text.index(before: start)
            if Self.endsSentence(at: before, in: text) {
                found += 1
                if found >= sentences { break }
            }
            if text[before] == "\n", before > text.startIndex, text[text.index(before: before)] == "\n" { break }
            start = before
        }
        var end = range.upperBound
        found = 0
        while end < text.endIndex {
            let character = text[end]
            end = text.index(after: end)
            if Self.endsSentence(at: text.index(before: end), in: text) {
                found += 1
                if found >= sentences { break }
            }
            if character == "\n", end < text.endIndex, text[end] == "\n" { break }
        }
        return String(text[start..<end]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func endsSentence(at index: String.Index, in text: String) -> Bool {
        guard ".!?".contains(text[index]) else { return false }
        let next = text.index(after: index)
        return next == text.endIndex || text[next].isWhitespace || fold(text[next]) == "\""
    }
}
