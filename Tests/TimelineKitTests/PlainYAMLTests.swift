import Foundation
import Testing
@testable import TimelineContent
@testable import TimelineCore
import Yams

/// The direct reading of plain front matter gives, node for node, what Yams gives: the same strings, styles,
/// lines and columns; and it leaves every other text to Yams.
@Suite struct PlainYAMLTests {
    /// What the direct reading gives for `text`, and what Yams gives (nil when it cannot read the text).
    static func readings(_ text: String) -> (plain: YAMLNode?, yams: YAMLNode?) {
        let file = SourceText(path: "note.md", text: text)
        let plain = PlainYAML.root(file.bytes, in: 0..<file.bytes.count)
        return (plain, yams(text))
    }

    /// What Yams reads in `text`, as the build reads it when the text is not plain.
    static func yams(_ text: String) -> YAMLNode? {
        guard let parser = try? Parser(yaml: text, resolver: .basic, constructor: Constructor([:], [:], [:]), encoding: .utf8),
              let root = try? parser.singleRoot() else { return nil }
        return withExtendedLifetime(parser) { YAMLDocument.node(root) }
    }

    static let plainTexts = [
        "title: The army is disbanded\ndate: 1995\n",
        "title: The army is disbanded\ndate: 1995",
        "a: b\n",
        "title:    spaced out   \nsummary: trailing spaces   \n",
        "title: Haiti's army, \"disbanded\" [again] {or not} & more * ! % @ ` | > ?\n",
        "title: 12:30, http://example.org/a#b, a:b, a::b, C# and F#\n",
        "title: Moïse assassiné à Port-au-Prince\nsummary: Kreyòl ayisyen — 🇭🇹 ✊🏾 “quoted”\n",
        "title: \"double: quoted # not a comment\"\nsummary: 'single, quoted: [x]'\n",
        "title: \"\"\nsummary: ''\nnote: \"  spaces inside  \"   \n",
        "title: \"é 🇭🇹\"\nsummary: 'ÿ'\n",
        "topics: [moise, army, mss]\nsources: [cnn-2025]\n",
        "topics: []\nfacts: [ ]\n",
        "coordinates: [18.54, -72.34]\n",
        "topics: [  a ,b  ,   c d  ]\n",
        "topics: [Port-au-Prince, Pétion-Ville, Cité Soleil]\n",
        "topics:\n  - moise\n  - army\ntitle: x\n",
        "topics:\n    - moise\n    - 'army'\n    - \"mss\"\n",
        "topics:\n- moise\n- army\ntitle: x\n",
        "topics:\n  -   spaced\n\n  - after a blank line\n\ntitle: x\n",
        "# a comment\n\ntitle: x\n\n# another\ndate: 2021-07-07\n",
        "\n\n\ntitle: after blank lines\n",
        "   \ntitle: after a line of spaces\n",
        "title: x\ntranslated: 2026-12-05\ndraft: true\nmenu: 3\nvalue: 86.2\n",
        "1995: a number as a key\n_private: underscore\nkey-with-dashes: v\n",
        "title: ~\nsummary: null\n",
        "title: a - b -- c\nsummary: a ' b \" c\n",
        "title: “Ça” — l’été\n",
        "title: tab\u{A0}no-break space\u{A0}\n",
        manyKeys,
    ]

    /// Twenty fields, more than are compared one by one for a key written twice.
    static let manyKeys = (1...20).map { "field\($0): value \($0)\n" }.joined()

    @Test(arguments: plainTexts)
    func plainTextReadsAsYamsReadsIt(_ text: String) {
        let (plain, yams) = Self.readings(text)
        #expect(plain != nil, "read directly")
        #expect(plain == yams)
    }

    static let otherTexts = [
        "",
        "# only a comment\n",
        "- a list\n- at the top\n",
        "just text\n",
        "title: a: b\n",
        "title: a:\n",
        "title: x # a comment\n",
        "title:\ndate: 1995\n",
        "title:\n",
        "title: x\ntitle: y\n",
        "title: \"escaped \\\" quote\"\n",
        "title: 'it''s'\n",
        "title: \"unclosed\n",
        "title: \"closed\" then text\n",
        "title: first line\n  continued\n",
        "title: x\n  - y\n",
        "title: |\n  a block\n",
        "title: >\n  folded\n",
        "title: &a x\nsummary: *a\n",
        "title: !!str x\n",
        "title: -x\n",
        "title: [a, b,]\n",
        "title: [a, [b]]\n",
        "title: [a, b\n",
        "title: [a: b]\n",
        "title: [\"a\", b]\n",
        "title: [a] x\n",
        "title: {a: b}\n",
        "topics:\n  - a\n   - b\n",
        "topics:\n  - a\n  b\n",
        "topics:\n  -\n",
        "topics:\n  - [a]\n",
        "topics:\n  - a: b\n",
        "topics:\n  - a\n# comment\n  - b\n",
        " title: indented\n",
        "title : space before the colon\n",
        "title:no space\n",
        "title:\tx\n",
        "title: x\r\n",
        "title: x\u{85}y\n",
        "title: x\u{2028}y\n",
        "\u{FEFF}title: x\n",
        "title: \u{1}\n",
        "---\ntitle: x\n",
        "\"title\": x\n",
        "? title\n: x\n",
        manyKeys + "field3: again\n",
        "field3: first\n" + manyKeys,
    ]

    @Test(arguments: otherTexts)
    func otherTextIsLeftToYams(_ text: String) {
        #expect(Self.readings(text).plain == nil)
    }

    @Test func bytesThatAreNotUTF8AreLeftToYams() {
        let bytes = Array("title: ".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(PlainYAML.root(bytes, in: 0..<bytes.count) == nil)
        let noncharacter = Array("title: ".utf8) + [0xEF, 0xBF, 0xBF] + Array("\n".utf8)
        #expect(PlainYAML.root(noncharacter, in: 0..<noncharacter.count) == nil)
    }

    /// The YAML text of a part of a file is read with lines counted from that part.
    @Test func aRangeOfTheFileIsReadWithItsOwnLines() throws {
        let file = SourceText(path: "note.md", text: "---\ntitle: x\ntopics:\n  - a\n---\nbody: not read\n")
        let parts = try FrontMatter.split(file).get()
        let node = try #require(PlainYAML.root(file.bytes, in: parts.yaml))
        #expect(node == Self.yams(file.string(parts.yaml)))
        #expect(node == YAMLDocument(file: file, range: parts.yaml, firstLine: parts.yamlFirstLine).rootReadByYams(log: DiagnosticLog(), depthLimit: 64))
        #expect(node["body"] == nil)
        #expect(node["topics"]?.mark == YAMLNode.Mark(line: 3, column: 3))
    }

    /// Every front matter of the site and of the test fixtures that is read directly reads as Yams reads it,
    /// and most are read directly.
    @Test func theSitesFrontMatterReadsAsYamsReadsIt() throws {
        var read = 0
        var total = 0
        for folder in [TestSupport.repository + "/Content", TestSupport.fixtures] {
            for (path, bytes) in TestSupport.files(under: folder) where path.hasSuffix(".md") {
                let file = SourceText(path: path, bytes: bytes)
                guard case .success(let parts) = FrontMatter.split(file) else { continue }
                total += 1
                guard let plain = PlainYAML.root(file.bytes, in: parts.yaml) else { continue }
                read += 1
                let log = DiagnosticLog()
                let yams = YAMLDocument(file: file, range: parts.yaml, firstLine: parts.yamlFirstLine).rootReadByYams(log: log, depthLimit: 64)
                #expect(plain == yams, "\(path)")
                #expect(log.diagnostics.isEmpty, "\(path)")
            }
        }
        #expect(total > 100)
        #expect(read * 2 > total, "\(read) of \(total) read directly")
    }

    /// Texts made at random from the pieces YAML reads specially: whenever the direct reading gives a node,
    /// it is the node Yams gives.
    @Test func randomTextsReadAsYamsReadsThem() {
        let keys = ["title", "date", "topics", "a", "b-c", "_d", "9"]
        let pieces = [
            "x", "word", " ", "  ", ":", ": ", "#", " #", "'", "\"", "[", "]", ",", ", ", "{", "}", "-", "- ", "&", "*", "!",
            "|", ">", "?", "%", "@", "é", "🇭🇹", "\u{A0}", "\\", "~", "null", "1995", "-7",
        ]
        let words = ["x", "word", "two words", "Ça", "l’été", "1995-07", "a.b", "Port-au-Prince"]
        var numbers = SeededNumbers(seed: 20_261_207)
        /// A value of up to `length` pieces, half of them words.
        func value(_ length: Int) -> String {
            (0..<length).map { _ in numbers.next(2) == 0 ? words[numbers.next(words.count)] : pieces[numbers.next(pieces.count)] }.joined()
        }
        var read = 0
        let count = 4_000
        for _ in 0..<count {
            var text = ""
            for _ in 0..<(1 + numbers.next(4)) {
                let key = keys[numbers.next(keys.count)]
                switch numbers.next(6) {
                case 0:
                    text += "\(key):\n"
                    let indent = String(repeating: " ", count: numbers.next(3) * 2)
                    for _ in 0..<(1 + numbers.next(3)) {
                        text += indent + "- " + value(1 + numbers.next(3)) + "\n"
                    }
                case 1:
                    text += "\(key): [" + value(1 + numbers.next(6)) + "]\n"
                case 2:
                    text += "# " + value(2) + "\n\n"
                default:
                    text += "\(key): " + value(1 + numbers.next(5)) + "\n"
                }
            }
            let (plain, yams) = Self.readings(text)
            guard let plain else { continue }
            read += 1
            #expect(plain == yams, "\(text.debugDescription)")
        }
        // Enough of the texts are plain for the comparison to mean something.
        #expect(read > count / 10, "\(read) of \(count) read directly")
    }
}
