import Testing
@testable import TimelineContent

/// The frequent YAML mistakes, recognised from the lines libyaml points at and worded with their fix.
@Suite struct YAMLMistakeTests {
    /// The mistake behind an error in `text` at `line`:`column`, with an optional context place.
    static func recognise(
        _ text: String, problem: String = "", at mark: (Int, Int), context: (Int, Int)? = nil
    ) -> YAMLMistake? {
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        return YAMLMistake.recognise(problem: problem, at: mark, context: context, lines: lines)
    }

    @Test func aColonInAValueIsQuoted() {
        let mistake = Self.recognise("title: Gangs: a truce\n", problem: "mapping values are not allowed in this context", at: (1, 13))
        #expect(mistake == YAMLMistake(kind: .colonInValue(field: .init(key: "title", value: "Gangs: a truce")), line: 1, column: 13))
        #expect(mistake?.message == "a value containing ': ' must be quoted: title: \"Gangs: a truce\"")
    }

    @Test func aColonInAValueOfAListItemQuotesTheFieldWithoutItsDash() {
        let mistake = Self.recognise("- id: a\n  note: see: here # a comment\n", problem: "mapping values are not allowed in this context", at: (2, 12))
        #expect(mistake?.message == "a value containing ': ' must be quoted: note: \"see: here\"")
    }

    @Test func aColonOnTheWrappedLineOfAValueQuotesTheWholeValue() {
        let text = "summary: The gangs met\n  and at last\n  agreed: a truce\n"
        let mistake = Self.recognise(text, problem: "mapping values are not allowed in this context", at: (3, 9))
        #expect(mistake?.message == "a value containing ': ' must be quoted: summary: \"The gangs met and at last agreed: a truce\"; if 'agreed' is a field of its own, indent it as 'summary' is")
        #expect(mistake?.line == 3 && mistake?.column == 9)
    }

    @Test func aKeyWithoutTheSpaceAfterItsColonIsNamed() {
        let before = Self.recognise("title:An event\ndate: 2024\n", problem: "mapping values are not allowed in this context", at: (2, 5))
        #expect(before == YAMLMistake(kind: .colonWithoutSpace(field: .init(key: "title", value: "An event")), line: 1, column: 6))
        #expect(before?.message == "a field's ':' is followed by a space: title: An event")
        let after = Self.recognise("title: An event\ndate:2024\n", problem: "could not find expected ':'", at: (3, 1), context: (2, 1))
        #expect(after?.message == "a field's ':' is followed by a space: date: 2024")
        #expect(YAMLMistake.colonWithoutSpace(Array("  see https://example.org".unicodeScalars), line: 1) == nil)
        #expect(YAMLMistake.colonWithoutSpace(Array("url: https://example.org".unicodeScalars), line: 1) == nil)
    }

    @Test func aFieldIndentedUnderAnotherMayBeMeantAsItsOwn() {
        let mistake = Self.recognise("title: An event\n date: 2024\n", problem: "mapping values are not allowed in this context", at: (2, 6))
        #expect(mistake?.message == "a value containing ': ' must be quoted: title: \"An event date: 2024\"; if 'date' is a field of its own, indent it as 'title' is")
    }

    @Test func aTabInTheIndentationIsPointedAt() {
        #expect(Self.recognise("topics:\n  \t- a\n", at: (2, 1)) == YAMLMistake(kind: .tabIndent, line: 2, column: 3))
        #expect(Self.recognise("topics:\n\t- a\n", at: (2, 1))?.message == "YAML indents with spaces, not tabs")
    }

    @Test func aListItemWithoutItsSpaceIsFoundOnTheContextLine() {
        let mistake = Self.recognise("topics:\n  - a\n  -b\n", problem: "could not find expected ':'", at: (4, 1), context: (3, 3))
        #expect(mistake == YAMLMistake(kind: .itemWithoutSpace(item: "b"), line: 3, column: 3))
        #expect(mistake?.message == "a list item needs a space after '-': - b")
        #expect(YAMLMistake.itemWithoutSpace(Array("  --- ".unicodeScalars), line: 1) == nil)
        #expect(YAMLMistake.itemWithoutSpace(Array("  - a".unicodeScalars), line: 1) == nil)
    }

    @Test func aValueStartingWithAReservedCharacterIsQuoted() {
        for (character, reading) in [("@", ""), ("`", ""), ("%", ""), (">", ", which YAML reads as the start of a block of text")] {
            let mistake = Self.recognise("title: \(character)x y\n", at: (1, 8))
            #expect(mistake?.message == "a value cannot start with '\(character)'\(reading); quote it: title: \"\(character)x y\"")
            #expect(mistake?.column == 8)
        }
    }

    @Test func anAliasMeantAsTextIsQuoted() {
        let mistake = YAMLMistake.anchorAsText(Array("title: *Breaking* news".unicodeScalars), line: 1, column: 8)
        #expect(mistake?.message == "a value cannot start with '*', which YAML reads as an alias; quote it: title: \"*Breaking* news\"")
        #expect(YAMLMistake.anchorAsText(Array("title: * news".unicodeScalars), line: 1, column: 8) != nil)
        #expect(YAMLMistake.anchorAsText(Array("title: & sons".unicodeScalars), line: 1, column: 8)?.message
            == "a value cannot start with '&', which YAML reads as an anchor; quote it: title: \"& sons\"")
        #expect(YAMLMistake.anchorAsText(Array("a: [*b]".unicodeScalars), line: 1, column: 5) == nil)
        #expect(YAMLMistake.anchorAsText(Array("title: &title An event".unicodeScalars), line: 1, column: 8) == nil)
        #expect(YAMLMistake.anchorAsText(Array("title: *title".unicodeScalars), line: 1, column: 8) == nil)
    }

    @Test func anUnclosedQuoteIsPointedAtWhereItOpens() {
        let mistake = Self.recognise("title: \"Gangs\ndate: 2024\n", problem: "found unexpected end of stream", at: (3, 1), context: (1, 8))
        #expect(mistake == YAMLMistake(kind: .unclosedQuote(field: .init(key: "title", value: "Gangs")), line: 1, column: 8))
        #expect(mistake?.message == "the quote that opens this value is never closed: title: \"Gangs\"")
    }

    @Test func anUnclosedQuoteInAListItemOrAFlowListIsNamed() {
        let item = Self.recognise("sources:\n  - \"paper\n", problem: "found unexpected end of stream", at: (3, 1), context: (2, 5))
        #expect(item?.message == "the quote that opens this value is never closed: - \"paper\"")
        let flow = Self.recognise("topics: [\"harbour]\n", problem: "found unexpected end of stream", at: (2, 1), context: (1, 10))
        #expect(flow == YAMLMistake(kind: .unclosedQuote(field: nil), line: 1, column: 10))
        #expect(flow?.message == "the quote that opens this value is never closed")
    }

    @Test func aValueThatQuotesItsFirstWordsKeepsItsQuotes() {
        let mistake = Self.recognise("summary: \"Gangs\" agreed\n", problem: "did not find expected key", at: (1, 18))
        #expect(mistake?.message.hasSuffix("summary: '\"Gangs\" agreed'") == true)
        #expect(mistake?.column == 16)
    }

    @Test func textAfterAClosingQuoteIsQuotedWithTheOtherQuote() {
        let single = Self.recognise("title: 'Rock'n'roll'\n", problem: "did not find expected key", at: (1, 14))
        #expect(single?.column == 13)
        #expect(single?.message == "the value ends at this quote, and text follows it; quote the whole value with the other kind of quote: title: \"Rock'n'roll\"")
        let double = Self.recognise("title: \"The \"big\" truce\"\n", problem: "did not find expected key", at: (1, 14))
        #expect(double?.kind == .textAfterQuote(field: .init(key: "title", value: "The \"big\" truce")))
        #expect(double?.message.hasSuffix("title: 'The \"big\" truce'") == true)
        #expect(Self.recognise("title: 'It''s' # fine\n", at: (1, 20)) == nil)
    }

    @Test func aCommentTakingAValueIsQuoted() {
        let mistake = YAMLMistake.commentAsValue(Array("title: #5 of the series".unicodeScalars), line: 1)
        #expect(mistake == YAMLMistake(kind: .commentAsValue(field: .init(key: "title", value: "#5 of the series")), line: 1, column: 8))
        #expect(YAMLMistake.commentAsValue(Array("title:#5".unicodeScalars), line: 1) == nil)
    }

    @Test func otherErrorsAreLeftInLibyamlsWords() {
        #expect(Self.recognise("topics: [a, b\n", problem: "did not find expected ',' or ']'", at: (2, 1), context: (1, 9)) == nil)
        #expect(Self.recognise("a: b\nc\n", problem: "could not find expected ':'", at: (3, 1), context: (2, 1)) == nil)
    }

    @Test func aQuotedSuggestionEscapesWhatItMust() {
        #expect(YAMLMistake.quoted("a \"b\" 'c'") == "\"a \\\"b\\\" 'c'\"")
        #expect(YAMLMistake.quoted("a\\b") == "\"a\\\\b\"")
    }

    /// Whatever the text and wherever the error, the recogniser answers without going out of its lines.
    @Test func anyTextAndPlaceIsSafe() {
        var generator = SeededGenerator(state: 7)
        let alphabet = Array("a:-\"' #\t@*&|>[]\\\n\r".unicodeScalars)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &generator) { text.unicodeScalars.append(alphabet.randomElement(using: &generator)!) }
            let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
            let mark = (Int.random(in: -1...lines.count + 1, using: &generator), Int.random(in: -1...32, using: &generator))
            let context = Bool.random(using: &generator) ? (Int.random(in: -1...lines.count + 1, using: &generator), Int.random(in: -1...32, using: &generator)) : nil
            _ = YAMLMistake.recognise(problem: "mapping values are not allowed in this context", at: mark, context: context, lines: lines)?.message
            for line in lines {
                _ = YAMLMistake.commentAsValue(line, line: 1)
                _ = YAMLMistake.anchorAsText(line, line: 1, column: mark.1)
                _ = YAMLMistake.colonWithoutSpace(line, line: 1)
            }
        }
    }
}
