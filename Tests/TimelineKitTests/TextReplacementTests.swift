import Testing
@testable import TimelineCore

/// Replacing on bytes gives what replacing on characters gives, for the patterns the generator fills in.
@Suite struct TextReplacementTests {
    @Test func replacesAsTheCharacterReplacementDoes() {
        var generator = SeededGenerator(state: 41)
        // Pieces that make near misses and overlaps common, with text of two, three and four bytes a character.
        let pieces = ["{", "}", "n", "{n", "n}", "{n}", "{{", "}}", " ", "a", "aa", "&", "amp;", "é", "中", "😀", "{label}", "\n"]
        let patterns = ["{n}", "{label}", "{{ n }}", "{{n}}", "&amp;", "aa", "a", "n}", "é", "😀{"]
        let replacements = ["", "x", "{n}", "«É»", "aa", "中文"]
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let pattern = patterns.randomElement(using: &generator)!
            let replacement = replacements.randomElement(using: &generator)!
            let replaced = text.replacingText(pattern, with: replacement)
            #expect(replaced == text.replacing(pattern, with: replacement), "\(text) with \(pattern) → \(replacement)")
            #expect(Array(replaced.utf8) == Array(text.replacing(pattern, with: replacement).utf8))
        }
    }

    @Test func leavesTextWithoutThePatternAsItIs() {
        #expect("no placeholder here".replacingText("{n}", with: "3") == "no placeholder here")
        #expect("{n}".replacingText("{n}", with: "3") == "3")
        #expect("{n} of {n}".replacingText("{n}", with: "12") == "12 of 12")
        #expect("{n".replacingText("{n}", with: "3") == "{n")
        #expect("".replacingText("{n}", with: "3") == "")
    }
}
