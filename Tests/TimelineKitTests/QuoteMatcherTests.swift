import Testing
@testable import TimelineCore

/// The matcher finds what a search character by character finds, folding each character the same way.
@Suite struct QuoteMatcherTests {
    /// A character as the search character by character folds it.
    static func fold(_ character: Character) -> Character? {
        switch character {
        case "\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}": return nil
        case "“", "”", "„", "‟", "«", "»", "″": return "\""
        case "‘", "’", "‚", "‛", "′", "`", "´": return "'"
        case "‐", "‑", "‒", "–", "—", "―", "−": return "-"
        default: return character.isWhitespace ? " " : character
        }
    }

    /// Whether `quote`'s words stand in `text`, searched character by character.
    static func found(_ quote: String, in text: String) -> Int? {
        var folded: [Character] = []
        for character in text {
            guard let mapped = fold(character) else { continue }
            if mapped == " ", folded.last == " " || folded.isEmpty { continue }
            folded.append(mapped)
        }
        if folded.last == " " { folded.removeLast() }
        let parts = QuoteMatcher.parts(of: quote)
        guard parts.count == 1, case .words(let words) = parts[0], !words.isEmpty, words.count <= folded.count else { return nil }
        for position in 0...(folded.count - words.count) {
            let matches = words.indices.allSatisfy { offset in
                folded[position + offset] == words[offset] || (offset == 0 && folded[position].lowercased() == words[0].lowercased())
            }
            if matches { return position }
        }
        return nil
    }

    @Test func foldsEachCharacterAsTheCharacterComparisonDoes() {
        var characters: [Character] = (0...0xFFFF).compactMap(Unicode.Scalar.init).map(Character.init)
        characters += ["\r\n", "e\u{301}", "\u{201C}\u{301}", "\u{2014}\u{300}", " \u{301}", "\u{212A}", "\u{1F600}"]
        for character in characters {
            #expect(QuoteMatcher.fold(character) == Self.fold(character), "\(character.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func findsWhatASearchCharacterByCharacterFinds() {
        var generator = SeededGenerator(state: 7)
        // Pieces with marks of every kind the matcher folds, case differences, two spellings of a character,
        // a Kelvin sign beside a K, and runs of whitespace.
        let pieces = [
            "a", "b", "A", "B", "k", "K", "\u{212A}", "é", "e\u{301}", "É", "É", "ß", "İ", "i", " ", "  ", "\n", "\r\n", "\t",
            "“", "”", "\"", "'", "’", "`", "-", "—", "−", "\u{00AD}", "\u{200B}", "«", "»", "中", "😀", ".",
        ]
        var compared = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let quote = (0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.filter { $0 != "." }.randomElement(using: &generator)! }.joined()
            let matcher = QuoteMatcher(text: text)
            guard QuoteMatcher.parts(of: quote).count == 1 else { continue }
            compared += 1
            let expected = Self.found(quote, in: text)
            let range = matcher.find(quote)
            #expect((range != nil) == (expected != nil), "\(Array(text.unicodeScalars)) / \(Array(quote.unicodeScalars))")
        }
        #expect(compared > 1_000)
    }
}
