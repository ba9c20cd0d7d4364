import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
import TimelineTesting

/// Links to other sites use an allowed URL scheme, read as RFC 3986 defines one; references inside a link's
/// text are checked and reported; control characters stay out of every output; diagnostics show bidi
/// controls as their codes.
@Suite struct LinkSchemeTests {
    /// The minimal site with an entry whose body is `body`, and `site.yaml` given more lines.
    static func site(_ body: String, settings: String = "") -> [String: String] {
        TestSupport.minimalSite(with: [
            "Content/site.yaml": "title: Test site\ndescription: A site for tests.\nlanguage: en\n" + settings,
            "Content/entries/other.md": "---\ntitle: Other\ndate: 2024-05\nsources: [paper]\n---\nText.\n",
            "Content/entries/event.md": "---\ntitle: An event\ndate: 2024-06-01\nsources: [paper]\n---\n" + body,
        ])
    }

    @Test func aSchemeIsLettersDigitsAndPlusDotMinusBeforeTheFirstColon() {
        #expect(LinkScheme.of("https://example.org") == "https")
        #expect(LinkScheme.of("MAILTO:a@example.org") == "mailto")
        #expect(LinkScheme.of("ms-msdt:/id") == "ms-msdt")
        #expect(LinkScheme.of("view-source:https://x") == "view-source")
        #expect(LinkScheme.of("coap+tcp://x") == "coap+tcp")
        #expect(LinkScheme.of("repairs.md#part:2") == nil)
        #expect(LinkScheme.of("notes/a:b.md") == nil)
        #expect(LinkScheme.of("page.html?at=1:2") == nil)
        #expect(LinkScheme.of("2x:y") == nil)
        #expect(LinkScheme.of(":x") == nil)
        #expect(LinkScheme.of("java script:x") == nil)
    }

    @Test func aColonInAFragmentLeavesALinkToANoteInternal() {
        let (output, log, _) = TestSupport.build(Self.site("See [it](other.md#part:2) and [gone](no-such-note.md#x:y).\n"))
        #expect(log.diagnostics.map(\.description) == [
            "Content/entries/event.md:6:31: error: link 'no-such-note.md#x:y' names no note of the content [broken-link]",
        ])
        #expect(output.files.isEmpty)
        let (built, clean, _) = TestSupport.build(Self.site("See [it](other.md#part:2).\n"))
        #expect(clean.diagnostics.isEmpty)
        #expect(built.text("entries/event.html")?.contains("href=\"../entries/other.html#part:2\"") == true)
    }

    @Test func schemesOutsideTheAllowlistAreErrors() {
        let body = "[a](ftp://example.org/x) [b](ms-msdt:/id) [c](search-ms:query=x) [d](view-source:https://example.org) "
            + "[e](jar:file:///x!/y) <gopher://x> [f](https://example.org) [g](mailto:a@example.org) [h](tel:+1555) [i](HTTPS://EXAMPLE.ORG)\n"
        let diagnostics = TestSupport.diagnostics(Self.site(body))
        #expect(diagnostics.map { $0.components(separatedBy: ": error: ").last?.components(separatedBy: " links").first } == [
            "ftp:", "ms-msdt:", "search-ms:", "view-source:", "jar:", "gopher:",
        ])
        #expect(diagnostics.allSatisfy { $0.hasSuffix("or a scheme listed in site.yaml's link_schemes [unsafe-link]") })
        #expect(diagnostics.first?.hasPrefix("Content/entries/event.md:6:1: error: ftp: links are not allowed") == true)
    }

    @Test func siteYAMLAddsSchemesButNeverUnsafeOnes() {
        let body = "[a](ftp://example.org/x) <gopher://x> [j](javascript:alert(1))\n"
        let diagnostics = TestSupport.diagnostics(Self.site(body, settings: "link_schemes: [FTP, gopher, 'no good', javascript]\n"))
        #expect(diagnostics == [
            "Content/entries/event.md:6:39: error: javascript: links are not allowed [unsafe-link]",
            "Content/site.yaml:4:29: error: 'no good' is not a URL scheme: a letter, then letters, digits, '+', '-' or '.', without the ':' [invalid-url]",
            "Content/site.yaml:4:40: error: javascript: links are never allowed, as they can run code or read the reader's files [unsafe-link]",
        ])
        let (output, log, _) = TestSupport.build(Self.site("[a](ftp://example.org/x) <gopher://x>\n", settings: "link_schemes: [ftp, gopher]\n"))
        #expect(log.diagnostics.isEmpty)
        #expect(output.text("entries/event.html")?.contains("href=\"ftp://example.org/x\"") == true)
        #expect(output.text("data.json")?.contains("\"link_schemes\":[\"ftp\",\"gopher\"]") == true)
    }

    @Test func referencesInALinksTextAreCheckedAndReported() {
        let body = "See [the [[no-such-note]] page](https://example.org) and [a cite [@no-such-source]](https://example.org/y).\n"
            + "Also [known [[other]]](https://example.org) and ![an [@paper] image](https://example.org/i.png).\n"
        #expect(TestSupport.diagnostics(Self.site(body)) == [
            "Content/entries/event.md:6:10: error: a citation or [[...]] link cannot be placed in the text of another link; put it after the link [reference-in-link]",
            "Content/entries/event.md:6:10: error: unknown entry, topic or page 'no-such-note' in [[no-such-note]] [unknown-link]",
            "Content/entries/event.md:6:66: error: a citation or [[...]] link cannot be placed in the text of another link; put it after the link [reference-in-link]",
            "Content/entries/event.md:6:67: error: unknown source 'no-such-source' in [@no-such-source] [unknown-source]\nnote: sources are defined in sources.yaml",
            "Content/entries/event.md:7:13: error: a citation or [[...]] link cannot be placed in the text of another link; put it after the link [reference-in-link]",
            "Content/entries/event.md:7:54: error: a citation or [[...]] link cannot be placed in an image's description; put it after the image [reference-in-link]",
        ])
    }

    @Test func controlCharactersReachNoOutput() {
        #expect(HTML.escape("Nul\u{0}here, \u{8} and \u{85}, tab\tkept") == "Nulhere,  and , tab\tkept")
        #expect(HTML.escape("caf\u{E9} \u{A0}<") == "caf\u{E9} \u{A0}&lt;")
        #expect(XML.escape("a\u{0}b\u{9F}c") == "abc")
        // The escapers, which work on bytes, eight at a time where none needs escaping, agree with a
        // character-by-character statement of their rules, with each special character at every place of
        // the eight-byte steps.
        func expected(_ text: String, apostrophe: String, xml: Bool) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += apostrophe
                default:
                    if ControlCharacters.isLeftOut(scalar) || (xml && (scalar.value == 0xFFFE || scalar.value == 0xFFFF)) { continue }
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let pieces: [String] = ["a", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}",
                                "\u{C2}", "\u{E9}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{EFBF}", "\u{2028}", "\u{1F600}", "\u{10FFFF}",
                                "bcdefgh", "ijklmnopq"]
        var numbers = SeededNumbers(seed: 42)
        for text in numbers.texts(2000, of: pieces, length: 8) + numbers.texts(2000, of: pieces, length: 24) {
            #expect(XML.escape(text) == expected(text, apostrophe: "&apos;", xml: true), "\(text.debugDescription)")
            #expect(HTML.escape(text) == expected(text, apostrophe: "&#39;", xml: false), "\(text.debugDescription)")
        }
        let files = TestSupport.minimalSite(with: [
            "Content/entries/event.md": "---\ntitle: \"Nul\\x00here and \\x08 backspace\"\ndate: 2024-06-01\nsources: [paper]\n---\nText \u{8} with a control [@paper].\n",
        ])
        let (output, log, _) = TestSupport.build(files)
        #expect(log.errorCount == 0)
        #expect(output.files.count > 10)
        for (path, bytes) in output.files where !path.hasSuffix(".json") && !path.hasSuffix(".js") && !path.hasSuffix(".png") {
            #expect(!bytes.contains(0) && !bytes.contains(8), "\(path) holds a control character")
        }
        #expect(output.text("entries/event.html")?.contains("Nulhere and  backspace") == true)
    }

    @Test func diagnosticsShowBidiControlsAsTheirCodes() {
        let diagnostic = Diagnostic.error(.invalidID, "file name 'abc\u{202E}gnp.md' is not valid", at: .file("entries/abc\u{202E}gnp.md\u{2066}"))
        #expect(diagnostic.description == "entries/abc\\u{202E}gnp.md\\u{2066}: error: file name 'abc\\u{202E}gnp.md' is not valid [invalid-id]")
        let fileSystem = TestSupport.memorySite(TestSupport.minimalSite(with: ["Content/entries/abc\u{202E}gnp.md": "---\ntitle: X\n---\nText.\n"]))
        let log = DiagnosticLog()
        _ = ContentReader(fileSystem: fileSystem, folder: "Content").read(log: log)
        #expect(log.diagnostics.map(\.description).contains { $0.hasPrefix("Content/entries/abc\\u{202E}gnp.md: error: file name 'abc\\u{202E}gnp.md'") })
        #expect(!log.diagnostics.map(\.description).joined().unicodeScalars.contains("\u{202E}"))
    }
}
