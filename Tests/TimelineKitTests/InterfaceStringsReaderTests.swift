import Testing
@testable import TimelineContent
@testable import TimelineCore
import TimelineTheme

/// Interface strings are read line by line when every line is `key: words`, and as YAML otherwise: where
/// the direct reading takes a file, it gives what the YAML parser gives, key, words and place.
@Suite struct InterfaceStringsReaderTests {
    /// Whether the direct reading, when it takes `text`, agrees with the YAML parser, which reports nothing.
    func agrees(_ text: String, _ comment: Comment? = nil) -> Bool {
        let file = SourceText(path: "i18n/xx.yaml", text: text)
        guard let direct = InterfaceStringsReader.lines(file) else { return true }
        let log = DiagnosticLog()
        guard let parsed = InterfaceStringsReader.yaml(file, log: log) else {
            Issue.record("the YAML parser cannot read what the direct reading took: \(text.debugDescription)")
            return false
        }
        let same = log.diagnostics.isEmpty && direct.count == parsed.count && direct.allSatisfy { key, value in
            parsed[key].map { $0.text == value.text && $0.location == value.location } ?? false
        }
        if !same {
            let show = { (strings: [String: (text: String, location: TimelineCore.SourceLocation)]) in
                strings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text.debugDescription)@\($0.value.location.line):\($0.value.location.column)" }
            }
            Issue.record("\(text.debugDescription): direct \(show(direct)), YAML \(show(parsed)) \(log.diagnostics.map(\.description))")
        }
        return same
    }

    @Test func theBuiltInThemesFilesAreReadDirectlyAsYAMLReadsThem() throws {
        for language in ["en", "fr", "ht"] {
            let bytes = try #require(DefaultTheme.file("i18n/\(language).yaml"))
            let file = SourceText(path: "i18n/\(language).yaml", bytes: bytes)
            let direct = try #require(InterfaceStringsReader.lines(file), "i18n/\(language).yaml is not read directly")
            #expect(direct.count > 150)
            #expect(agrees(file.string()))
        }
    }

    @Test(arguments: [
        "a: words\n", "a: words", "a:   spaced out   \n", "# a comment\n\na: x\nb: y\n", "a: it's\nb: 10:30\n", "a: \"quoted: with colon\"\n",
        "a: \"say \\\"hi\\\"\"\n", "a: \"back\\\\slash\"\n", "a: 'it''s'\n", "a: '  padded  '\n", "a: \"  \"\n", "a: ''\n", "a: ~\n", "a: null\n",
        "a: NULL\n", "a: Null\n", "a: true\n", "a: 12\n", "a: 1e3\n", "true: yes\n", "a: x # comment\n", "a: x#y\n", "a: x:\n", "a: -x\n", "a: - x\n",
        "a: [x]\n", "a: {x: y}\n", "a: &anchor x\n", "a: *alias\n", "a: !tag x\n", "a: |\n  block\n", "a: >\n  folded\n", "a: x\n  continued\n",
        "a: x\na: y\n", " a: x\n", "a:x\n", "a : x\n", "a: \"open\n", "a: 'open\n", "a: \"x\" trailing\n", "a: \"\\n\"\n", "a: \"\\t\"\n",
        "a: 'x' # c\n", "---\na: x\n", "a: x\n...\n", "a: Noms, lieux, événements…\n", "a: Non, mèsi\n", "a: « guillemets »\n",
        "a: \u{00A0}nbsp\u{00A0}\n", "a: x\u{2028}y\n", "a: x\u{0085}y\n", "a: \u{FEFF}x\n", "a: x\ty\n", "a: x\r\n", "a: %x\n", "a: @x\n", "a: `x\n",
        "a: ?x\n", "a: ,x\n", "a: x,y\n", "a: x]\n", "a: \"a\"\"b\"\n", "a: 'a\"b'\n", "a: \"a'b\"\n", "A_1: x\n", "é: x\n", "a-b: x\n",
    ])
    func agreesWithYAMLOnEachForm(_ text: String) {
        #expect(agrees(text))
    }

    @Test func agreesWithYAMLOnRandomLines() {
        // Lines made of the characters that matter to YAML, from a fixed seed.
        let pieces = ["a", "b", "_", "1", ":", " ", "#", "\"", "'", "\\", "-", "?", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`", "~", "é", "…", "\u{00A0}"]
        var numbers = SeededNumbers(seed: 0x9E37_79B9_7F4A_7C15)
        func next(_ bound: Int) -> Int { numbers.next(bound) }
        var taken = 0
        for _ in 0..<3000 {
            var text = ""
            for line in 0..<(1 + next(3)) {
                text += ["k\(line)", "key", "a_b"][next(3)] + [": ", ":  ", ": "][next(3)]
                for _ in 0..<(1 + next(8)) { text += pieces[next(pieces.count)] }
                text += "\n"
            }
            if InterfaceStringsReader.lines(SourceText(path: "i18n/xx.yaml", text: text)) != nil { taken += 1 }
            #expect(agrees(text))
        }
        // Enough of them are taken directly for the comparison to mean something.
        #expect(taken > 300)
    }
}
