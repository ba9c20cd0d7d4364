import Testing
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
import TimelineTesting

/// The plain text of a body, which the search index holds, has each link's words once.
@Suite struct PlainTextTests {
    @Test func eachLinkIsTextOnce() {
        let files = TestSupport.minimalSite(with: [
            "Content/entries/event.md": "---\ntitle: An event\ndate: 2024-06-01\n---\nSee [[harbour]], [[harbour|the port]] and [[fact:count]] [@paper].\n",
            "Content/topics/harbour.md": "---\ntitle: The harbour\nkind: place\n---\nWater.\n",
            "Content/facts.yaml": "- id: count\n  statement: Ten ships came.\n  date: 2024\n  sources: [paper]\n",
        ])
        let log = DiagnosticLog()
        let content = ContentReader(fileSystem: MemoryFileSystem(files: files), folder: "Content").read(log: log).content
        let entry = content?.entries.first
        #expect(entry != nil, "\(log.diagnostics)")
        guard let content, let entry else { return }
        let rendered = NoteLinker.render(entry.body, note: entry.info, index: SiteIndex(content: content, assets: [])).note
        #expect(rendered.markdown.text == "See The harbour, the port and Ten ships came..")
    }

    /// A citation leaves no words in the plain text, nor the space before it.
    @Test func aCitationLeavesNoSpaceBeforePunctuation() {
        let files = TestSupport.minimalSite(with: [
            "Content/entries/event.md": "---\ntitle: An event\ndate: 2024-06-01\n---\nHaiti fell to a coup [@paper]. Then (twice [@paper]), and so on [@paper]\n\nA new paragraph ends [@paper]\n",
        ])
        let log = DiagnosticLog()
        let content = ContentReader(fileSystem: MemoryFileSystem(files: files), folder: "Content").read(log: log).content
        guard let content, let entry = content.entries.first else { Issue.record("\(log.diagnostics)"); return }
        let rendered = NoteLinker.render(entry.body, note: entry.info, index: SiteIndex(content: content, assets: [])).note
        #expect(rendered.markdown.text == "Haiti fell to a coup. Then (twice), and so on\nA new paragraph ends")
    }

    /// The plain text's end is looked at byte by byte where that settles it, with the same answer as asking
    /// for its last character: a carriage return joins a line feed, and a prepended mark joins the space after it.
    @Test func theLastByteAgreesWithTheLastCharacter() {
        #expect(!CommonMarkRenderer.endsWith(Array("x\r\n".utf8), "\n"))
        #expect(!CommonMarkRenderer.endsWith(Array("\u{600} ".utf8), " "))
        #expect(CommonMarkRenderer.endsWith(Array("é ".utf8), " "))
        let pieces = ["a", " ", "\n", "\r", "\r\n", "\u{600}", "\u{301}", "é", "\u{200D}", "👍", ".", "\u{1F1EB}"]
        var numbers = SeededNumbers(seed: 2_028)
        for text in [""] + (1...5).flatMap({ numbers.texts(4_000, of: pieces, length: $0) }) {
            for scalar: Unicode.Scalar in [" ", "\n"] {
                #expect(CommonMarkRenderer.endsWith(Array(text.utf8), scalar) == (text.last == Character(scalar)), "\(Array(text.unicodeScalars))")
            }
            // Words open with closing punctuation when their first character is one.
            let words = ".\(text)"
            let opens = Array(words.utf8).withUnsafeBufferPointer { CommonMarkRenderer.opensWithClosingPunctuation($0) }
            #expect(opens == (words.first == "."), "\(Array(words.unicodeScalars))")
        }
    }
}
