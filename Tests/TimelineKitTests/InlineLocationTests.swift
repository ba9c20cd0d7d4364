import Testing
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
import TimelineTesting

/// Diagnostics about links, autolinks, raw HTML and references point at the place they are written, on
/// every line of a paragraph, in block quotes and lists, and on lazy continuation lines.
@Suite struct InlineLocationTests {
    static let frontMatter = "---\ntitle: An event\ndate: 2024-06-01\nsources: [paper]\n---\n"

    /// The diagnostics of rendering an entry whose body is `body`, in a small site, with the entry's text.
    static func diagnostics(_ body: String) -> (diagnostics: [Diagnostic], file: SourceText) {
        let text = frontMatter + body
        let fileSystem = MemoryFileSystem(files: TestSupport.minimalSite(with: ["Content/entries/event.md": text]))
        let log = DiagnosticLog()
        guard let content = ContentReader(fileSystem: fileSystem, folder: "Content").read(log: log).content,
              let entry = content.entries.first else {
            return (log.diagnostics, SourceText(path: "Content/entries/event.md", bytes: Array(text.utf8)))
        }
        let index = SiteIndex(content: content, assets: [])
        let result = NoteLinker.render(entry.body, note: entry.info, index: index)
        return (log.diagnostics + result.diagnostics, entry.body.file)
    }

    /// `line:column: id` of each diagnostic.
    static func places(_ body: String) -> [String] {
        diagnostics(body).diagnostics.map { "\($0.location.line):\($0.location.column): \($0.id)" }
    }

    /// libcmark places what follows a hard line break written as a backslash on the line of the break; links,
    /// autolinks and raw HTML after one are placed where they are written (the `note` fuzz target's find).
    @Test func whatFollowsABackslashLineBreakIsPlacedOnItsLine() {
        #expect(Self.places("x a\\\nb<div> c [l](n.md)\\\nd <e> <vbscript:x> [m](q.md)\n") == [
            "7:2: raw-html", "7:10: broken-link", "8:3: raw-html", "8:7: unsafe-link", "8:20: broken-link",
        ])
        #expect(Self.places("  sources: [report\\\n  value: 1200<div>\n") == ["7:14: raw-html"])
    }

    /// libcmark does not count the line break of a backslash hard break: every line after one in its
    /// paragraph is placed a line too early. References, links and raw HTML there are placed where they are
    /// written, after one break or several; a break of two spaces, which libcmark counts, moves nothing.
    @Test func linesAfterABackslashLineBreakKeepTheirPlaces() {
        #expect(Self.places("a [[x]]\\\n  b [[y]]\n  c\n  d [[z]] <i>\n") == [
            "6:3: unknown-link", "7:5: unknown-link", "9:5: unknown-link", "9:11: raw-html",
        ])
        #expect(Self.places("a\\\nb\\\n c\n  d [[z]]\n\ne [[w]]\n") == ["9:5: unknown-link", "11:3: unknown-link"])
        #expect(Self.places("a  \n  b [[y]]\n c [[z]]\n") == ["7:5: unknown-link", "8:4: unknown-link"])
        #expect(Self.places("> a\\\n> b\n> c [[z]]\n") == ["8:5: unknown-link"])
        // A backslash alone on its line, after a soft break or after another backslash break.
        #expect(Self.places("1. a\n   b\n\\\n  c [[z]]\n") == ["9:5: unknown-link"])
        #expect(Self.places("a\\\n\\\nb [[z]]\n") == ["8:3: unknown-link"])
    }

    @Test func anAutolinkOnALaterLineIsPlacedOnItsLine() {
        // The hostile review's case: the autolink was reported on line 18 of a 17-line file.
        #expect(Self.places("\nThis is a fairly long first line of a paragraph, long enough.\nSecond line with an autolink <vbscript:x>\n")
            == ["8:30: unsafe-link"])
        #expect(Self.places("\nA\nB\nC\nD\nE\nF <vbscript:x>\n") == ["12:3: unsafe-link"])
        #expect(Self.places("- <vbscript:x>\n") == ["6:3: unsafe-link"])
    }

    /// Smart punctuation turns `'` into `’` and `--` into `–` in the text libcmark gives; a reference holding
    /// them is still found where it is written (the `note` fuzz target's find).
    @Test func referencesWithSmartPunctuationArePlacedWhereWritten() {
        #expect(Self.places("\nSeized parts of [[port-au'-prince]] and [[a--b]] and fled [@paper].\n") == ["7:17: unknown-link", "7:41: unknown-link"])
        #expect(Self.places("\nThe \"so-called\" [[x...y]] here [@paper].\n") == ["7:17: unknown-link"])
    }

    /// A later line that starts with a backtick opening no code span: libcmark places its text after the
    /// backtick, which must not move the links after it (the `note` fuzz target's find).
    /// A link whose text opens with backticks that open no code span is placed at its `[`: libcmark places
    /// such text after its backticks (the `note` fuzz target's find).
    @Test func aLinkWhoseTextOpensWithAStrayBacktickIsPlacedAtItsBracket() {
        #expect(Self.places("a [`third](<javascript:alert(3)>).\n") == ["6:3: unsafe-link"])
        #expect(Self.places("a [``x](<javascript:y>) and ![`z](../../p.png)\n") == ["6:3: unsafe-link", "6:29: broken-link"])
    }

    /// libcmark places a link or image whose text starts with a line break by a later line: it is placed at
    /// the `[` that ends the line before, after a hard break's backslash or spaces, in a block quote too.
    @Test func aLinkWhoseTextStartsWithALineBreakIsPlacedAtItsBracket() {
        #expect(Self.places("A [\n  b\n  c d](javascript:x) e.\n") == ["6:3: unsafe-link"])
        #expect(Self.places("[\r\n  statement\r\n  date a](javascript:x), [b](javascript:y).\n") == ["6:1: unsafe-link", "8:26: unsafe-link"])
        #expect(Self.places("> A ![  \n> b\n  c d](../../p.png) e [\\\nx](javascript:y).\n") == ["6:5: broken-link", "8:23: unsafe-link"])
        // What follows it on its text's line is placed where it is written, an autolink too.
        #expect(Self.places("x [\nb](javascript:x) and <javascript:y>.\n") == ["6:3: unsafe-link", "7:22: unsafe-link"])
        #expect(Self.places("x [\nb](javascript:x) [c](javascript:y)\n") == ["6:3: unsafe-link", "7:18: unsafe-link"])
    }

    /// A link whose text ends with a line break has the rest of it, from its `]`, on the next line, where
    /// what follows is placed where it is written: in a paragraph indented or not, a block quote (lazy
    /// lines too) and a list item (the `note` fuzz target's find).
    @Test func whatFollowsALinkWhoseTextEndsWithALineBreakIsPlacedWhereWritten() {
        #expect(Self.places("[a\n](x.md) [c](javascript:e)\n") == ["6:1: broken-link", "7:9: unsafe-link"])
        #expect(Self.places("  [a\n    ](x.md) [c](javascript:e)\n") == ["6:3: broken-link", "7:13: unsafe-link"])
        #expect(Self.places(">  [a\n>    ](x.md) [c](javascript:e)\n") == ["6:4: broken-link", "7:14: unsafe-link"])
        #expect(Self.places("> [a\n](x.md) [c](javascript:e)\n") == ["6:3: broken-link", "7:9: unsafe-link"])
        #expect(Self.places("- [a\n     ](x.md) [c](javascript:e)\n") == ["6:3: broken-link", "7:14: unsafe-link"])
        #expect(Self.places("1. > [a\n   > ](x.md) [c](javascript:e)\n") == ["6:6: broken-link", "7:14: unsafe-link"])
    }

    @Test func aLineStartingWithAStrayBacktickKeepsItsColumns() {
        #expect(Self.places("\nSee [a](nope.md),\n`a script](x), [b](javascript:y) [@paper].\n") == ["7:5: broken-link", "8:16: unsafe-link"])
    }

    @Test func linksAndHTMLOnALazyLineArePlacedWhereWritten() {
        #expect(Self.places("\n- > item line\nlazy [x](nope.md) and <b>bold</b>\n")
            == ["8:6: broken-link", "8:23: raw-html", "8:30: raw-html"])
        #expect(Self.places("> a quote\n> that goes on [x](nope.md)\n") == ["7:16: broken-link"])
        #expect(Self.places("1. an item\n   [x](nope.md) again\n") == ["7:4: broken-link"])
        #expect(Self.places("> - a\n   b [x](nope.md)\n") == ["7:6: broken-link"])
        #expect(Self.places("[`code`](nope.md)\n> quoted\n[`code` and *em*](gone.md)\n") == ["6:1: broken-link", "8:1: broken-link"])
    }

    @Test func referencesInBlockQuotesAreFoundOnEveryLine() {
        #expect(Self.places("> - quoted\nlazy [[nope]] and [@nope]\n") == ["7:6: unknown-link", "7:20: unknown-source"])
    }

    @Test func aLineAfterHTMLThatRunsOntoItIsPlacedRight() {
        #expect(Self.places("> text <span\n> title=\"x\"> and [x](nope.md)\n") == ["6:8: raw-html", "7:18: broken-link"])
    }

    /// libcmark does not count the line breaks of a link's destination, title or label: what follows on the
    /// link's last line and on the lines after it is placed where it is written (the `note` fuzz target's find).
    @Test func whatFollowsALinkWhoseDestinationRunsOverLinesIsPlacedWhereWritten() {
        // Lines 6 to 9 of the file: the body starts on line 6.
        #expect(Self.places("The [method](\nm.md) and [[a]],\n([[b]]) here.\n") == [
            "6:5: broken-link", "7:11: unknown-link", "8:2: unknown-link",
        ])
        // In a block quote, with a title over two lines, and an image whose line after is a lazy one.
        #expect(Self.places("> x [t](\n>   m.md \"a\n> b\") [[a]]\n> [[b]] ![i](\nj.png) [[c]]\n") == [
            "6:5: broken-link", "8:7: unknown-link", "9:3: unknown-link", "9:9: broken-link", "10:8: unknown-link",
        ])
    }

    @Test func aLinkWhoseTextRunsOverLinesIsPlacedAtItsOpeningBracket() {
        // Found by the note fuzz target: libcmark gives such a link the line of its closing bracket.
        #expect(Self.places("See [the root](/etc/[a third]\nSomething\ntit[An event\ndate\nsuimage](../../../secret.png)\n")
            == ["8:4: broken-link"])
        #expect(Self.places("> a [long\n> link](nope.md) and ![an\nimage](gone.png)\n") == ["6:5: broken-link", "7:22: broken-link"])
    }

    /// libcmark takes link reference definitions out of the start of a paragraph or heading and places what
    /// follows from its first line: however many lines the definitions take, what follows keeps its place.
    @Test func whatFollowsReferenceDefinitionsIsPlacedWhereWritten() {
        #expect(Self.places("[a]: /u\nSee [[x]] and [y](nope.md).\n") == ["7:5: unknown-link", "7:15: broken-link"])
        // A title over two lines, a destination on the line after its label, in a block quote.
        #expect(Self.places("> [a]: /u\n> \"t\n> x\"\n> [b]:\n> /v\n> See [[x]].\n") == ["11:7: unknown-link"])
        // A label over two lines; a heading underlined; a title that is not one, which leaves the line as text.
        #expect(Self.places("[a\nb]: /u\ntext [[x]]\n") == ["8:6: unknown-link"])
        #expect(Self.places("[a]: /u\nTitle [[x]]\n===\n") == ["7:7: unknown-link"])
        #expect(Self.places("[a]: /u\n\"t\" so [[x]]\n") == ["7:8: unknown-link"])
        // A paragraph that starts with a link, or with a [[...]] link, is not a definition.
        #expect(Self.places("[y](nope.md) [[x]]\n[[z]]: q\n") == ["6:1: broken-link", "6:14: unknown-link", "7:1: unknown-link"])
    }

    /// Random documents: each diagnostic about a construct of the text points inside the file, at the
    /// construct's first character.
    @Test func everyDiagnosticPointsAtItsConstructInRandomDocuments() {
        var random = SeededGenerator(state: 20261104)
        let openers = ["", "> ", "- ", "1. ", "> - ", "- > ", "  - ", "> > ", "- > 1. ", "* ", ">", "10) ", "\t- ", "-\t"]
        let continuations = ["", "> ", "  ", "   ", "> > ", ">", "    ", "> >  ", " ", "\t", ">\t", "- \t"]
        let pieces = [
            "text", "more words here", "[x](nope.md)", "<vbscript:x>", "<b>", "</b>", "[[nope]]", "[@nope]", "`code`",
            "*em*", "![i](nope.png)", "[a](/abs)", "<https://example.org>", "&amp;", "\\[", "[y]", "`<b>`", "**[z](gone.md)**",
            "[the [[nope]] page](https://example.org)", "ünïcödé", "[`c` d](nope.md)", "[*e*](nope.md)", "![`i`](x.png)", "[q](ftp://x)", "a > b", "[[harbour|x]]",
        ]
        let definitions = ["[d]: /u", "[^1]: As", "[d]: /u 't'", "[d]:\n/u", "[d]: /u\n\"t\"", "[d]: /u \"t\nx\"", "[d\ne]: /u", "[d]: /u\n[e]: /v"]
        var checked = 0
        for _ in 0..<400 {
            var lines: [String] = []
            var openHTML = false, openLink = false
            for _ in 0..<Int.random(in: 1...10, using: &random) {
                if Int.random(in: 0..<6, using: &random) == 0 { lines.append(""); continue }
                let fresh = lines.last?.isEmpty ?? true
                if !fresh, Int.random(in: 0..<12, using: &random) == 0 {
                    lines.append(continuations.randomElement(using: &random)! + "\\")  // a backslash alone on its line
                    continue
                }
                var line = fresh ? openers.randomElement(using: &random)! : continuations.randomElement(using: &random)!
                if fresh, Int.random(in: 0..<4, using: &random) == 0 {
                    // Link reference definitions, over one line or more, that start the paragraph.
                    let written = definitions.randomElement(using: &random)!.split(separator: "\n", omittingEmptySubsequences: false)
                    lines.append(line + written[0])
                    lines += written.dropFirst().map { continuations.randomElement(using: &random)! + $0 }
                    line = continuations.randomElement(using: &random)!
                }
                if openHTML { line += "id=\"q\"> " }
                if openLink { line += "ped](nope.md) " }
                openHTML = false
                openLink = false
                line += (0..<Int.random(in: 1...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined(separator: " ")
                if Int.random(in: 0..<8, using: &random) == 0 {
                    line += " <i"
                    openHTML = true
                } else if Int.random(in: 0..<6, using: &random) == 0 {
                    line += [" [wrap", " ![wrap", " [`wrap`"].randomElement(using: &random)!
                    openLink = true
                } else if Int.random(in: 0..<5, using: &random) == 0 {
                    line += ["\\", "  "].randomElement(using: &random)!  // a hard line break
                }
                lines.append(line)
            }
            let body = lines.joined(separator: "\n") + "\n"
            let (diagnostics, file) = Self.diagnostics(body)
            for diagnostic in diagnostics where diagnostic.location.line > 0 {
                let line = diagnostic.location.line, column = diagnostic.location.column
                #expect(line <= file.lineStarts.count, "\(diagnostic) is past the end of the file:\n\(body)")
                guard line <= file.lineStarts.count else { continue }
                let characters = Array(String(decoding: file.bytes[file.lineRange(line)], as: UTF8.self).unicodeScalars)
                #expect(column >= 1 && column <= characters.count + 1, "\(diagnostic) is past the end of its line:\n\(body)")
                guard column >= 1, column <= characters.count else { continue }
                let found = characters[column - 1]
                let expected: String
                switch diagnostic.id {
                case .brokenLink, .unsafeLink, .absoluteLink: expected = "[!<"
                case .rawHTML: expected = "<"
                case .unknownLink, .referenceInLink: expected = "["
                case .unknownSource: expected = "@"
                default: continue
                }
                checked += 1
                #expect(expected.unicodeScalars.contains(found), "\(diagnostic) points at '\(found)', not at its construct:\n\(body)")
            }
        }
        #expect(checked > 500)
    }
}
