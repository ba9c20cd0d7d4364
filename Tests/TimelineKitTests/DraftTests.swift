import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineSite

/// A note marked `draft: true` is left out of a build, and what points at it is a warning rather than an
/// error; with drafts, it is built and marked. A note that still holds the words `timeline new` wrote, and
/// a free page no reader can reach, are warnings.
@Suite struct DraftTests {
    static let site = TestSupport.minimalSite(with: [
        "Content/sources.yaml": """
            - id: paper
              title: A paper
              publisher: A publisher
              date: 2024-06
            - id: memo
              title: A memo
              publisher: A ministry
              date: 2024-07

            """,
        "Content/entries/event.md": """
            ---
            title: An event
            date: 2024-06-01
            topics: [harbour]
            ---

            Something happened [@paper] at the [[harbour]], before [[later|the next event]].

            """,
        "Content/entries/later.md": """
            ---
            title: A later event
            date: 2024-07
            draft: true
            ---

            Then more happened [@memo].

            """,
        "Content/topics/harbour.md": """
            ---
            title: Harbour
            kind: place
            draft: yes
            ---

            The harbour.

            """,
    ])

    @Test func draftsAreLeftOutAndLinksToThemAreWarnings() {
        let (output, log, summary) = TestSupport.build(Self.site)
        #expect(log.diagnostics.map(\.description) == [
            "Content/entries/event.md:4:10: warning: topic 'harbour' is a draft, which this build leaves out, so the entry is not listed under it [draft-link]\n"
                + "note: build with --drafts to include drafts, or remove 'draft: true' from topics/harbour.md to publish it",
            "Content/entries/event.md:7:36: warning: 'harbour' is a draft, which this build leaves out, so [[harbour]] shows as plain text [draft-link]\n"
                + "note: build with --drafts to include drafts, or remove 'draft: true' from topics/harbour.md to publish it",
            "Content/entries/event.md:7:56: warning: 'later' is a draft, which this build leaves out, so [[later]] shows as plain text [draft-link]\n"
                + "note: build with --drafts to include drafts, or remove 'draft: true' from entries/later.md to publish it",
        ])
        #expect(summary?.counts.entries == 1)
        #expect(summary?.counts.topics == 0)
        #expect(output.text("entries/later.html") == nil)
        #expect(output.text("topics/harbour.html") == nil)
        let page = output.text("entries/event.html") ?? ""
        #expect(page.contains("at the Harbour, before the next event."))
        #expect(!page.contains("draft-notice"))
        // The memo is cited only by the draft: not reported unused. The index and feed leave the draft out.
        #expect(output.text("index.html")?.contains("A later event") == false)
        #expect(output.text("feed.xml")?.contains("A later event") == false)
    }

    @Test func withDraftsEveryNoteIsBuiltAndDraftsAreMarked() {
        let (output, log, summary) = TestSupport.build(Self.site, strict: true, drafts: true)
        #expect(log.diagnostics.map(\.description) == [])
        #expect(summary?.counts.entries == 2)
        #expect(output.text("entries/later.html")?.contains("<p class=\"draft-notice\" role=\"note\">") == true)
        #expect(output.text("topics/harbour.html")?.contains("<meta name=\"robots\" content=\"noindex\">") == true)
        #expect(output.text("entries/event.html")?.contains("draft-notice") == false)
    }

    @Test func aDraftIsReadAsTrueOrFalse() {
        #expect(TestSupport.diagnostics(TestSupport.minimalSite(with: [
            "Content/entries/event.md": "---\ntitle: An event\ndate: 2024-06-01\ndraft: maybe\n---\nSomething happened [@paper].\n",
        ])) == ["Content/entries/event.md:4:8: error: 'draft' of entry 'event' should be true or false [yaml-type]"])
    }

    @Test func placeholderTextIsAWarning() {
        let text = NoteScaffold.text(kind: .page, title: "About", date: nil, topicKind: nil).replacingOccurrences(of: "draft: true\n", with: "menu: 1\n")
        #expect(TestSupport.diagnostics(TestSupport.minimalSite(with: ["Content/pages/about.md": text])) == [
            "Content/pages/about.md:7:1: warning: the note still holds the text 'timeline new' wrote: 'Write the page here.'; replace it with the note's own words [placeholder-text]",
        ])
    }

    /// The search for placeholder text finds words at the start, in the middle and at the very end of a body,
    /// within the body's own bytes only, and nothing that is cut short.
    @Test func placeholderSearchStaysInTheBody() {
        let bytes = Array("xxWrite the page here.yyWrite the page".utf8)
        let needle = Array("Write the page here.".utf8)
        #expect(PlaceholderCheck.offset(of: needle, in: bytes[0...]) == 2)
        #expect(PlaceholderCheck.offset(of: needle, in: bytes[2...]) == 2)
        #expect(PlaceholderCheck.offset(of: needle, in: bytes[3...]) == nil)
        #expect(PlaceholderCheck.offset(of: needle, in: bytes[0..<21]) == nil)
        #expect(PlaceholderCheck.offset(of: needle, in: bytes[0..<22]) == 2)
        #expect(PlaceholderCheck.offset(of: Array("page".utf8), in: bytes[13...]) == 34)
    }

    @Test func aPageNoReaderCanReachIsAWarning() {
        let page = "---\ntitle: About\n---\nWho we are.\n"
        #expect(TestSupport.diagnostics(TestSupport.minimalSite(with: ["Content/pages/about.md": page])) == [
            "Content/pages/about.md:1:1: warning: page 'about' is not in the menu and no note links to it, so no reader can reach it; give it 'menu: N' or link to it with [[about]] [unlinked-page]",
        ])
        for linked in ["Something happened [@paper]; see [[about]].", "Something happened [@paper]; see [the page](../pages/about.md)."] {
            let entry = "---\ntitle: An event\ndate: 2024-06-01\n---\n\(linked)\n"
            #expect(TestSupport.diagnostics(TestSupport.minimalSite(with: ["Content/pages/about.md": page, "Content/entries/event.md": entry])) == [])
        }
        #expect(TestSupport.diagnostics(TestSupport.minimalSite(with: ["Content/pages/about.md": "---\ntitle: About\nmenu: 2\n---\nWho we are.\n"])) == [])
    }
}
