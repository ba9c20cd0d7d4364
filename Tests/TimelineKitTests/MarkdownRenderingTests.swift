import Foundation
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// Renders note bodies through libcmark against a small site, and checks the HTML and the diagnostics.
@Suite struct MarkdownRenderingTests {
    static let content: [String: String] = TestSupport.minimalSite(with: [
        "Content/sources.yaml": """
            - id: paper
              title: A paper
              date: 2024-06
            - id: book
              title: A book
              date: 1999

            """,
        "Content/facts.yaml": """
            - id: displaced
              statement: Many people fled.
              date: 2025-07
              sources: [book]
              metric: internally-displaced
              value: 1300000
              unit: people
              qualifier: nearly

            """,
        "Content/topics/moise.md": """
            ---
            title: Jovenel Moïse
            kind: person
            ---

            A president [@paper] under whom [[fact:displaced]] fled.

            """,
    ])

    /// Renders one entry whose body is `body`, in the small site.
    private func render(_ body: String, line: Int = 5) -> (html: String, diagnostics: [String]) {
        let files = Self.content.merging(["Content/entries/event.md": "---\ntitle: An event\ndate: 2024-06-01\nsources: [paper]\n---\n" + body]) { _, new in new }
        let (output, log, _) = TestSupport.build(files)
        let page = output.text("entries/event.html") ?? ""
        let html = page.components(separatedBy: "<div class=\"body\">\n").dropFirst().first?.components(separatedBy: "\n</div>").first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return (html, log.diagnostics.map(\.description))
    }

    @Test func replacesCitationsWithNumberedLinks() {
        let (html, diagnostics) = render("First [@paper]. Then [@book, p. 4; @paper].\n")
        #expect(diagnostics.isEmpty)
        #expect(html == """
            <p>First <sup class="citation"><a id="cite-paper-1" href="#source-paper">[1]</a></sup>. Then <sup class="citation">\
            <a id="cite-book-1" href="#source-book">[2, p. 4]</a><a id="cite-paper-2" href="#source-paper">[1]</a></sup>.</p>
            """)
    }

    @Test func citesAtTheStartAndEndOfParagraphs() {
        let (html, _) = render("[@paper] starts.\n\nEnds [@book]\n")
        #expect(html.hasPrefix("<p><sup class=\"citation\"><a id=\"cite-paper-1\""))
        #expect(html.hasSuffix("[2]</a></sup></p>"))
    }

    @Test func readsReferencesThatWrapOntoTheNextLine() {
        let (html, diagnostics) = render("\nUnder [[moise|the late\npresident]] [@book,\np. 4; @paper] it ended.\nNext line.\n")
        #expect(diagnostics.isEmpty)
        #expect(html.contains(#"href="../topics/moise.html">the late president</a>"#))
        #expect(html.contains(##"<a id="cite-book-1" href="#source-book">[1, p. 4]</a><a id="cite-paper-1" href="#source-paper">[2]</a></sup> it ended."##))
        #expect(html.hasSuffix("it ended.\nNext line.</p>"))
    }

    @Test func leavesCodeAsWritten() {
        let (html, diagnostics) = render("Write `[@paper]` or `[[moise]]`.\n\n    [@nothing] [[here]]\n")
        #expect(diagnostics.isEmpty)
        #expect(html.contains("<code>[@paper]</code>"))
        #expect(html.contains("<code>[[moise]]</code>"))
        #expect(html.contains("<pre><code>[@nothing] [[here]]\n</code></pre>"))
    }

    @Test func honoursABackslashEscape() {
        let (html, diagnostics) = render("Literally \\[@paper] here [@paper].\n")
        #expect(diagnostics.isEmpty)
        #expect(html.contains("Literally [@paper] here <sup"))
        // Escapes inside the reference too: the first bracket's escape is what makes it text.
        for (written, shown) in [
            ("\\[@nope\\]", "[@nope]"), ("\\[\\[nowhere]]", "[[nowhere]]"), ("\\[@a\\_b]", "[@a_b]"), ("\\[@x \\<y>]", "[@x &lt;y&gt;]"),
        ] {
            let (html, diagnostics) = render("Literally \(written) here [@paper].\n")
            #expect(diagnostics.isEmpty, "\(written): \(diagnostics)")
            #expect(html.contains("Literally \(shown) here <sup"), "\(written): \(html)")
        }
        // An escape inside a reference whose bracket is not escaped leaves it a reference.
        let (_, unknown) = render("See [@pap\\_er].\n")
        #expect(unknown.map(\.description).contains { $0.contains("unknown source 'pap_er'") }, "\(unknown)")
    }

    @Test func linksCrossReferencesAndFacts() {
        let (html, diagnostics) = render("Under [[moise]] and [[moise|the president]], [[fact:displaced]] fled.\n")
        #expect(diagnostics.isEmpty)
        #expect(html.contains(#"<a class="xref" id="mention-moise-1" href="../topics/moise.html">Jovenel Moïse</a>"#))
        #expect(html.contains(#"<a class="xref" id="mention-moise-2" href="../topics/moise.html">the president</a>"#))
        #expect(html.contains(##"<a class="fact" href="../facts.html#fact-displaced">nearly 1.3 million people</a><sup class="citation"><a id="cite-book-1" href="#source-book">[1]</a></sup> fled."##))
    }

    @Test func reportsUnknownReferencesAtTheirLineAndColumn() {
        // Front matter takes lines 1–5 and the blank line is 6; a citation is pointed at by its '@',
        // and columns count characters ("Été" is three).
        let (_, diagnostics) = render("\nHello [@papr] and [[mose]].\nÉté [[fact:nope]] [@paper; @nobody].\n")
        #expect(diagnostics == [
            "Content/entries/event.md:7:8: error: unknown source 'papr' in [@papr]; did you mean 'paper'? [unknown-source]",
            "Content/entries/event.md:7:19: error: unknown entry, topic or page 'mose' in [[mose]]; did you mean 'moise'? [unknown-link]",
            "Content/entries/event.md:8:5: error: unknown fact 'nope' in [[fact:nope]] [unknown-fact]",
            "Content/entries/event.md:8:28: error: unknown source 'nobody' in [@nobody] [unknown-source]\nnote: sources are defined in sources.yaml",
        ])
    }

    @Test func reportsReferencesInsideHeadingsListsAndQuotes() {
        let (_, diagnostics) = render("\n# Title [@nope]\n\n- item [@nope]\n\n> quote [@nope]\n\n| a | [@nope] |\n")
        #expect(diagnostics.map { $0.components(separatedBy: ": error").first! } == [
            "Content/entries/event.md:7:10", "Content/entries/event.md:9:9", "Content/entries/event.md:11:10", "Content/entries/event.md:13:8",
        ])
    }

    @Test func reportsCitationsThatALinkReferenceDefinitionSwallows() {
        // A definition named like a citation turns the citation into a link; a citation inside a definition
        // disappears with it.
        let (_, diagnostics) = render("\nFirst [@paper] here.\n\n[@paper]: https://example.org\n[note]: [@book]\n")
        #expect(diagnostics == [
            "Content/entries/event.md:7:7: error: [@paper] is read as a link, because a link reference definition '[@paper]: …' names it; delete that definition so that it is a citation [citation-taken-as-link]",
            "Content/entries/event.md:10:9: warning: this line is a link reference definition, which is not shown, so the citation in it is lost; write it as a sentence [hidden-citation]",
        ])
    }

    @Test func reportsCitationsInDefinitionsThatStartAParagraph() {
        // libcmark takes the definitions out of the paragraph they start; the text after them stays.
        let (html, diagnostics) = render("\n[note]: [@book]\n[other]:\n  [@paper]\nThe text.\n")
        #expect(html.contains("<p>The text.</p>"))
        #expect(diagnostics == [
            "Content/entries/event.md:7:9: warning: this line is a link reference definition, which is not shown, so the citation in it is lost; write it as a sentence [hidden-citation]",
        ])
    }

    @Test func aBodyPassedOverForHiddenCitationsHoldsNone() {
        // The quick search for `]:` and then `[@` passes over a body only when the search line by line finds
        // no citation in a definition; bodies made of the marks both look for, and bodies with none.
        var generator = SeededGenerator(state: 7)
        let pieces = ["]", ":", "[", "@", "]:", "[@", "[n]: ", "[@a]", " ", "x", "\n", "\n  ", "é"]
        var passedOver = 0, held = 0
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 1...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(("---\ntitle: A\n---\n" + text).utf8)
            let body = MarkdownBody(file: SourceText(path: "a.md", bytes: bytes), range: 17..<bytes.count, firstLine: 4, fileHash: 0)
            let found = CommonMarkRenderer.citationsInDefinitions(of: body, outside: [])
            if CommonMarkRenderer.mayHideCitations(body) {
                held += found.isEmpty ? 0 : 1
            } else {
                passedOver += 1
                #expect(found.isEmpty, "\(text)")
            }
        }
        #expect(passedOver > 500 && held > 100)
    }

    @Test func reportsAnUnclosedCrossLink() {
        let (_, diagnostics) = render("\nSee [[moise for more.\n")
        #expect(diagnostics == ["Content/entries/event.md:7:5: error: '[[' is never closed with ']]' [unclosed-link]"])
    }

    @Test func dropsRawHTMLAndUnsafeLinks() {
        let (html, diagnostics) = render("\n<script>alert(1)</script>\n\nA [link](javascript:alert(1)) and <b>bold</b>.\n")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<b>"))
        #expect(diagnostics == [
            "Content/entries/event.md:7:1: warning: raw HTML is left out of the page; set 'allow_html: true' in site.yaml to keep it [raw-html]",
            "Content/entries/event.md:9:3: error: javascript: links are not allowed [unsafe-link]",
            "Content/entries/event.md:9:35: warning: raw HTML is left out of the page; set 'allow_html: true' in site.yaml to keep it [raw-html]",
            "Content/entries/event.md:9:42: warning: raw HTML is left out of the page; set 'allow_html: true' in site.yaml to keep it [raw-html]",
        ])
    }

    @Test func rewritesLinksToNotesAndKeepsOthers() {
        let (html, diagnostics) = render("\n[a](../topics/moise.md) [b](../facts.html#x) [f](https://example.org) [g](mailto:a@example.org)\n")
        #expect(diagnostics.isEmpty)
        #expect(html.contains(#"<a href="../topics/moise.html">a</a>"#))
        #expect(html.contains(##"<a href="../facts.html#x">b</a>"##))
        #expect(html.contains(#"<a href="https://example.org">f</a>"#))
        #expect(html.contains(#"<a href="mailto:a@example.org">g</a>"#))
    }

    @Test func reportsBrokenRelativeLinks() {
        let (_, diagnostics) = render("\n[a](../topics/moise.md) [b](../facts.html#x) [c](missing.md) [d](/abs.html) [e](../nothing.html) [f](https://example.org)\n")
        #expect(diagnostics == [
            "Content/entries/event.md:7:46: error: link 'missing.md' names no note of the content [broken-link]",
            "Content/entries/event.md:7:62: error: link '/abs.html' starts with '/'; links inside the site are relative, so it works under any address and from disk [absolute-link]",
            "Content/entries/event.md:7:77: error: link '../nothing.html' names no page or file of the site [broken-link]",
        ])
    }

    @Test func keepsRawHTMLWhenAllowed() {
        var files = Self.content
        files["Content/site.yaml"] = "title: T\ndescription: D\nlanguage: en\nallow_html: true\n"
        files["Content/entries/event.md"] = "---\ntitle: E\ndate: 2024\n---\n<b>bold</b> [@paper]\n"
        let (output, log, _) = TestSupport.build(files)
        #expect(log.diagnostics.filter { $0.id == "raw-html" }.isEmpty)
        #expect(output.text("entries/event.html")?.contains("<b>bold</b>") == true)
    }
}
