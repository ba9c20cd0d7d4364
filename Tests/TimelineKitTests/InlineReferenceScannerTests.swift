import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

@Suite struct InlineReferenceScannerTests {
    private func references(_ text: String) -> [InlineReference?] {
        InlineReferenceScanner.scan(text).map(\.reference)
    }

    @Test func readsPandocCitations() {
        #expect(references("[@cnn]") == [.citation([CitationItem(sourceID: "cnn", locator: nil, offset: 1)])])
        #expect(references("[@cnn, para. 4]") == [.citation([CitationItem(sourceID: "cnn", locator: "para. 4", offset: 1)])])
        #expect(references("[@a; @b, p. 3]") == [.citation([
            CitationItem(sourceID: "a", locator: nil, offset: 1),
            CitationItem(sourceID: "b", locator: "p. 3", offset: 5),
        ])])
        #expect(references("[@ap-2025-07-25 p. 2]") == [.citation([CitationItem(sourceID: "ap-2025-07-25", locator: "p. 2", offset: 1)])])
    }

    @Test func findsReferencesNextToPunctuationAndAtEitherEnd() {
        let found = InlineReferenceScanner.scan("[@a]: said (see [@b]).[@c]")
        #expect(found.map(\.range) == [0..<4, 16..<20, 22..<26])
        #expect(found.compactMap(\.reference).count == 3)
        // A trailing full stop is not part of an id.
        #expect(references("[@a.]") == [.citation([CitationItem(sourceID: "a", locator: nil, offset: 1)])])
    }

    @Test func readsCrossLinksFactsAndSourceLinks() {
        #expect(references("[[moise]]") == [.crossLink(target: "moise", label: nil)])
        #expect(references("[[ moise | the president ]]") == [.crossLink(target: "moise", label: "the president")])
        #expect(references("[[fact:displaced-2025]]") == [.fact(id: "displaced-2025", label: nil)])
        #expect(references("[[fact:displaced-2025|the latest count]]") == [.fact(id: "displaced-2025", label: "the latest count")])
        #expect(references("[[source:cnn]]") == [.sourceLink(id: "cnn", label: nil)])
    }

    @Test func leavesOtherBracketsAlone() {
        #expect(references("a [link] and [x] and an email [me@example.org]").isEmpty)
        #expect(references("no references").isEmpty)
    }

    @Test func reportsUnclosedAndMalformedReferences() {
        let unclosed = InlineReferenceScanner.scan("text [[moise and more")
        #expect(unclosed.first?.problem?.id == "unclosed-link")
        #expect(unclosed.first?.range.lowerBound == 5)
        #expect(InlineReferenceScanner.scan("see [@cnn, p. 4").first?.problem?.id == "unclosed-citation")
        let malformed = InlineReferenceScanner.scan("[@a; see b]")
        #expect(malformed.first?.problem?.id == "malformed-citation")
        #expect(malformed.first?.problem?.offset == 5)
        #expect(InlineReferenceScanner.scan("[@ ]").first?.problem?.id == "malformed-citation")
        #expect(InlineReferenceScanner.scan("[[ ]]").first?.problem?.id == "empty-link")
    }

    /// The bar that splits a link's target from its label is the first `|` that is a character of its own, as
    /// a search of the characters finds it, whether the text is ASCII or holds characters that join a `|`
    /// to their neighbours (a combining accent after it, a prepended mark before it, `\r\n`).
    @Test func theBarOfALinkIsFoundAsACharacter() {
        let pieces = ["a", "|", " ", "\r", "\n", "\r\n", "\u{301}", "\u{600}", "\u{200D}", "é", "🇭🇹", "-", "x|y"]
        var generator = SeededGenerator(state: 2026)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &generator) { text += pieces.randomElement(using: &generator)! }
            let found = InlineReferenceScanner.firstBar(in: text)
            let expected = text.firstIndex(of: "|")
            #expect(found.map { text.utf8.distance(from: text.startIndex, to: $0) } == expected.map { text.utf8.distance(from: text.startIndex, to: $0) }, "\(Array(text.unicodeScalars))")
        }
        #expect(references("[[moise|Jovenel Moïse]]") == [.crossLink(target: "moise", label: "Jovenel Moïse")])
        #expect(references("[[moise|\u{301}x]]") == [.crossLink(target: "moise|\u{301}x", label: nil)])
    }
}
