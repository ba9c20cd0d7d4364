import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// Each bad input gives its diagnostic at the right file, line and column, and the build stops.
@Suite struct ContentDiagnosticsTests {
    private func diagnostics(_ changes: [String: String], strict: Bool = false) -> [String] {
        TestSupport.diagnostics(TestSupport.minimalSite(with: changes), strict: strict)
    }

    @Test func theMinimalSiteBuildsCleanly() {
        let (output, log, summary) = TestSupport.build(TestSupport.minimalSite, strict: true)
        #expect(log.diagnostics.isEmpty)
        #expect(summary?.counts.entries == 1)
        #expect(output.text("entries/event.html")?.contains("Something happened") == true)
    }

    @Test func malformedYAMLInFrontMatterPointsIntoTheFile() {
        #expect(diagnostics(["Content/entries/event.md": "---\ntitle: An event\ndate: [2024\n---\nText [@paper].\n"]) == [
            "Content/entries/event.md:4:1: error: invalid YAML: did not find expected ',' or ']' [yaml-syntax]\nContent/entries/event.md:3:7: note: while parsing a flow sequence",
        ])
    }

    /// A note whose front matter fails still has its body checked, and keeps it when a later read reuses the
    /// reading of the unchanged file; no other note's link to it is reported.
    @Test func theBodyOfANoteWhoseFrontMatterFailsIsChecked() {
        let files = TestSupport.minimalSite(with: [
            "Content/entries/event.md": "---\ntitle: Gangs: a truce\ndate: 2024-06-01\n---\n\nThey met [@papr], see [[other]].\n",
            "Content/pages/about.md": "---\ntitle: About\n---\n\nSee [[event]] [@paper].\n",
        ])
        #expect(TestSupport.diagnostics(files) == [
            "Content/entries/event.md:2:13: error: invalid YAML: a value containing ': ' must be quoted: title: \"Gangs: a truce\" [yaml-syntax]\nnote: the YAML reader says: mapping values are not allowed in this context",
            "Content/entries/event.md:6:11: error: unknown source 'papr' in [@papr]; did you mean 'paper'? [unknown-source]",
            "Content/entries/event.md:6:23: error: unknown entry, topic or page 'other' in [[other]] [unknown-link]",
        ])
        let reader = ContentReader(fileSystem: TestSupport.memorySite(files), folder: "Content")
        let first = reader.read(log: DiagnosticLog())
        let again = reader.read(log: DiagnosticLog(), previous: first.readings)
        for read in [first, again] {
            #expect(read.content?.entries.isEmpty == true)
            #expect(read.content?.unreadNotes.map(\.info) == [NoteInfo(kind: .entry, id: "event", title: "event")])
            #expect(read.content?.unreadNotes.first?.body.text == "\nThey met [@papr], see [[other]].\n")
        }
    }

    @Test func tabsAreNamed() {
        #expect(diagnostics(["Content/site.yaml": "title: T\ndescription: D\nlanguage: en\neras:\n\t- title: x\n"]) == [
            "Content/site.yaml:5:1: error: invalid YAML: YAML indents with spaces, not tabs [yaml-syntax]\nnote: the YAML reader says: while scanning for the next token, found character that cannot start any token",
        ])
    }

    @Test func duplicateKeysPointAtTheSecond() {
        #expect(diagnostics(["Content/entries/event.md": "---\ntitle: An event\ndate: 2024\ntitle: Again\n---\nText [@paper].\n"]) == [
            "Content/entries/event.md:4:1: error: field 'title' is given twice [yaml-duplicate-key]\nContent/entries/event.md:2:1: note: first given here",
        ])
    }

    @Test func missingRequiredFields() {
        #expect(diagnostics(["Content/entries/event.md": "---\ntitle: An event\n---\nText [@paper].\n"]) == [
            "Content/entries/event.md:2:1: error: entry 'event' needs a 'date' [missing-field]",
        ])
        #expect(diagnostics(["Content/sources.yaml": "- id: paper\n  title: A paper\n"]).first == "Content/sources.yaml:1:3: error: source 'paper' needs a 'date' [missing-field]")
        #expect(diagnostics(["Content/site.yaml": "title: T\nlanguage: en\n"]) == [
            "Content/site.yaml:1:1: error: the site needs a 'description' [missing-field]",
        ])
    }

    @Test func invalidDatesPointAtTheFaultyCharacter() {
        #expect(diagnostics(["Content/entries/event.md": "---\ntitle: An event\ndate: 2025-02-30\n---\nText [@paper].\n"]) == [
            "Content/entries/event.md:3:15: error: invalid date: February 2025 has 28 days, so day 30 does not exist [invalid-date]",
        ])
        #expect(diagnostics(["Content/entries/event.md": "---\ntitle: An event\ndate: \"1995/1990\"\n---\nText [@paper].\n"]) == [
            "Content/entries/event.md:3:13: error: invalid date: interval '1995/1990' ends before it starts [invalid-date]",
        ])
    }

    @Test func duplicateIDs() {
        let sources = "- id: paper\n  date: 2024\n- id: paper\n  date: 2025\n"
        #expect(diagnostics(["Content/sources.yaml": sources]) == [
            "Content/sources.yaml:3:7: error: source id 'paper' is defined twice [duplicate-id]\nContent/sources.yaml:1:7: note: first defined here",
        ])
        let topic = "---\ntitle: Event\nkind: theme\n---\nA theme [@paper].\n"
        #expect(diagnostics(["Content/topics/event.md": topic]) == [
            "Content/entries/event.md: error: id 'event' is already used by Content/topics/event.md; entries, topics and pages share ids, as [[event]] must name one of them [duplicate-id]\nContent/topics/event.md: note: first defined here",
        ])
    }

    @Test func unknownReferencesInFrontMatter() {
        let entry = "---\ntitle: An event\ndate: 2024\ntopics: [nowhere]\nsources: [papr]\nfacts: [nothing]\n---\nText [@paper].\n"
        #expect(diagnostics(["Content/entries/event.md": entry]) == [
            "Content/entries/event.md:4:10: error: unknown topic 'nowhere'; create topics/nowhere.md [unknown-topic]",
            "Content/entries/event.md:5:11: error: unknown source 'papr'; did you mean 'paper'? [unknown-source]",
            "Content/entries/event.md:6:9: error: unknown fact 'nothing' [unknown-fact]",
        ])
    }

    @Test func anEntryWithoutAnySourceIsAnError() {
        #expect(diagnostics(["Content/entries/event.md": "---\ntitle: An event\ndate: 2024\n---\nNo citation.\n"]) == [
            "Content/entries/event.md:1:1: error: entry 'event' cites no source; cite one in the text with [@source-id] or list it under 'sources' [uncited-entry]",
            "Content/sources.yaml:1:7: warning: source 'paper' is not cited anywhere [unused-source]",
        ])
    }

    @Test func aFactWithoutASourceIsAnError() {
        let facts = "- id: count\n  statement: A count.\n  date: 2024\n"
        #expect(diagnostics(["Content/facts.yaml": facts]).contains(
            "Content/facts.yaml:1:7: error: fact 'count' has no source; list at least one source id under 'sources' [uncited-fact]"))
    }

    @Test func unusedSourcesAndFactsAreWarningsThatStrictTurnsIntoFailures() {
        let sources = "- id: paper\n  date: 2024\n- id: spare\n  date: 2024\n"
        let facts = "- id: count\n  statement: A count.\n  date: 2024\n  sources: [paper]\n"
        let changes = ["Content/sources.yaml": sources, "Content/facts.yaml": facts]
        let expected = [
            "Content/facts.yaml:1:7: warning: fact 'count' is not shown with any entry nor placed in any text [unused-fact]",
            "Content/sources.yaml:3:7: warning: source 'spare' is not cited anywhere [unused-source]",
        ]
        let (output, log, summary) = TestSupport.build(TestSupport.minimalSite(with: changes))
        #expect(log.diagnostics.map(\.description) == expected)
        #expect(summary != nil)
        #expect(output.files["index.html"] != nil)
        let (strictOutput, strictLog, strictSummary) = TestSupport.build(TestSupport.minimalSite(with: changes), strict: true)
        #expect(strictLog.diagnostics.map(\.description) == expected)
        #expect(strictSummary == nil)
        #expect(strictOutput.files.isEmpty)
    }

    @Test func templateErrorsNameTheTemplate() {
        let fileSystem = TestSupport.memorySite(TestSupport.minimalSite)
        fileSystem.write("Templates/entry.mustache", "{{<layout}}{{$content}}\n<h1>{{#entry}}{{title}}{{/entri}}</h1>\n{{/content}}{{/layout}}\n")
        fileSystem.write("Templates/topic.mustache", "{{<layout}}{{$content}}{{> partials/missing}}{{/content}}{{/layout}}\n")
        let log = DiagnosticLog()
        let summary = try? SiteBuilder(options: BuildOptions(), fileSystem: fileSystem).build(into: MemoryOutput(), log: log)
        #expect(summary == nil)
        #expect(log.diagnostics.map(\.description) == [
            "Templates/entry.mustache:2:24: error: template error: '{{/entri}}' closes a section opened as 'entry' at line 2 [template-syntax]",
            "Templates/topic.mustache:1:24: error: template 'topic' uses partial 'partials/missing', which does not exist (Templates/partials/missing.mustache) [missing-partial]",
        ])
    }

    @Test func controlCharactersInDiagnosticsAreShownAsEscapes() {
        let diagnostic = Diagnostic.error("invalid-id", "file name 'a\u{1B}[2Jb.md' is not valid", at: .file("Content/entries/a\u{1B}[2Jb\n.md"))
        #expect(diagnostic.description == "Content/entries/a\\u{1B}[2Jb\\u{A}.md: error: file name 'a\\u{1B}[2Jb.md' is not valid [invalid-id]")
    }

    @Test func uppercaseIDsAreRefused() {
        #expect(diagnostics(["Content/entries/Event.md": "x"]).first ==
            "Content/entries/Event.md: error: file name 'Event.md' is not a valid id: ids are lowercase, so that no two file names differ only in case; rename it 'event.md' [invalid-id]")
    }

    @Test func everyErrorOfARunIsReported() {
        let entry = "---\ntitle: An event\ndate: 2024-13\n---\nText [@nope] and [[nobody]].\n"
        let sources = "- id: paper\n  date: 2024\n  url: javascript:alert(1)\n"
        let found = diagnostics(["Content/entries/event.md": entry, "Content/sources.yaml": sources, "Content/entries/Bad Name.md": "x"])
        #expect(found == [
            "Content/entries/Bad Name.md: error: file name 'Bad Name.md' is not a valid id: an id uses only lowercase letters a-z, digits and single hyphens, not 'B'; rename it 'bad-name.md' [invalid-id]",
            "Content/entries/event.md:3:12: error: invalid date: 13 is not a month (01 to 12) or a season (21 to 24) [invalid-date]",
            "Content/entries/event.md:5:7: error: unknown source 'nope' in [@nope] [unknown-source]\nnote: sources are defined in sources.yaml",
            "Content/entries/event.md:5:18: error: unknown entry, topic or page 'nobody' in [[nobody]] [unknown-link]",
            "Content/sources.yaml:3:8: error: url of source 'paper' must be an absolute http or https address [invalid-url]",
        ])
    }

    /// The line that ends a run's diagnostics says what they come to, and whether warnings failed the run.
    @Test func theSummarySaysWhatTheDiagnosticsComeTo() {
        func log(errors: Int, warnings: Int) -> DiagnosticLog {
            let log = DiagnosticLog()
            for index in 0..<errors { log.error(.unknownSource, "e\(index)", at: .file("a")) }
            for index in 0..<warnings { log.warning(.unusedSource, "w\(index)", at: .file("a")) }
            return log
        }
        #expect(log(errors: 0, warnings: 0).summary(strict: true) == nil)
        #expect(log(errors: 0, warnings: 2).summary(strict: false) == "No errors, 2 warnings.")
        #expect(log(errors: 0, warnings: 1).summary(strict: true) == "1 warning treated as errors (--strict)")
        #expect(log(errors: 1, warnings: 0).summary(strict: true) == "1 error, 0 warnings")
        #expect(log(errors: 2, warnings: 1).summary(strict: false) == "2 errors, 1 warning")
        #expect(log(errors: 1, warnings: 2).summary(strict: true) == "1 error, and 2 warnings treated as errors (--strict)")
    }

    /// With no metrics listed in site.yaml, a metric key one letter away from a commoner one is a warning.
    @Test func aMetricOneLetterFromAnotherIsAWarning() {
        let fact = { (id: String, metric: String) in
            "- id: \(id)\n  statement: A count.\n  date: 2024\n  sources: [paper]\n  metric: \(metric)\n  value: 1\n"
        }
        let diagnostics = TestSupport.diagnostics(TestSupport.minimalSite(with: [
            "Content/facts.yaml": fact("a", "displaced") + fact("b", "displaced") + fact("c", "displacd"),
            "Content/entries/event.md": "---\ntitle: An event\ndate: 2024-06-01\nfacts: [a, b, c]\n---\n\nSomething happened [@paper].\n",
        ]))
        #expect(diagnostics == [
            "Content/facts.yaml:17:11: warning: metric 'displacd' is one letter away from 'displaced'; list the metrics in site.yaml if both are meant; did you mean 'displaced'? [similar-metric]",
        ])
    }

    /// An entry dated after the newest source it cites is a warning; a word the linked title starts with, just
    /// before a `[[link]]` without words of its own, is a warning.
    @Test func anEntryAfterItsSourcesAndARepeatedWordAreWarnings() {
        let diagnostics = TestSupport.diagnostics(TestSupport.minimalSite(with: [
            "Content/entries/event.md": "---\ntitle: An event\ndate: 2027-03\n---\n\nSomething happened [@paper] near the [[harbour]], by [[harbour|the quay]].\n",
            "Content/topics/harbour.md": "---\ntitle: The harbour\nkind: place\n---\n\nA harbour [@paper].\n",
        ]))
        #expect(diagnostics == [
            "Content/entries/event.md:1:1: warning: entry 'event' is dated 2027-03, after the newest source it cites, 'paper' (2024-06), was published; check the date, or cite a source that reports it [entry-after-sources]",
            "Content/entries/event.md:6:38: warning: 'the [[harbour]]' shows as 'the The harbour': the title starts with 'The'; write [[harbour]] alone, or give the link words of its own: [[harbour|…]] [repeated-word]",
        ])
    }

    /// The repeated-word check compares the word before a link with the title's first word as lowercased
    /// text does, byte by byte when the title's word is ASCII, and its hash of first words lets every such
    /// word through.
    @Test func comparesWordsAsLowercasedTextDoes() {
        var random = SeededGenerator(state: 20261206)
        let letters = Array("aAbBkKtTeEhHzZ".unicodeScalars) + ["\u{212A}", "é", "ß", ".", "@", "`", "[", "{", "1"]
        for _ in 0..<5000 {
            let word = String((0..<Int.random(in: 1...4, using: &random)).map { _ in Character(["k", "K", "t", "T", "h", "e", "E"].randomElement(using: &random)!) })
            var other = String(String.UnicodeScalarView((0..<Int.random(in: 1...4, using: &random)).map { _ in letters.randomElement(using: &random)! }))
            if Bool.random(using: &random) { other = String(word.map { Bool.random(using: &random) ? Character($0.uppercased()) : Character($0.lowercased()) }) }
            let same = Array(word.utf8).withUnsafeBufferPointer { RepeatedWordCheck.sameWord($0, Substring(other)) }
            #expect(same == (word.lowercased() == other.lowercased()), "\(word) \(other)")
            // The check looks a link's note up only when the word's hash is a first word's: never less often than the words are the same.
            if same { #expect(RepeatedWordCheck.firstWordHash(of: "  " + other + " rest") == Array(word.utf8).withUnsafeBufferPointer(RepeatedWordCheck.hash(lowercased:)), "\(word) \(other)") }
        }
    }

    /// A title's first word is hashed from its bytes when they are ASCII, as from its characters: on seeded
    /// titles of spaces, letters, a Kelvin sign, accents, a combining mark and line breaks.
    @Test func firstWordsOfASCIITitlesHashAsTheirCharactersDo() {
        var numbers = SeededNumbers(seed: 1804)
        var fast = 0
        for length in 0...8 {
            for title in numbers.texts(3_000, of: [" ", " ", "a", "B", "k", "T", "\u{212A}", "é", "\u{301}", "\r\n", "-"], length: length) {
                guard let hash = RepeatedWordCheck.asciiFirstWordHash(of: title) else { continue }
                fast += 1
                #expect(hash == RepeatedWordCheck.characterFirstWordHash(of: title), "\(Array(title.unicodeScalars))")
            }
        }
        #expect(fast > 5_000)
    }
}


/// Diagnostics written for machines keep every part apart, and escape what their formats read.
@Suite struct DiagnosticFormatTests {
    static let diagnostic = Diagnostic.error(
        .unknownSource, "unknown source 'gazete, 2009' in [@gazete, 2009]: 100% wrong", at: SourceLocation(path: "Content/a,b:c.md", line: 3, column: 7),
        notes: [.init("sources are defined in sources.yaml")], fixIt: .init(.replace, "gazette-2009"))

    @Test func writesOneJSONObjectALine() {
        let line = DiagnosticFormat.json.format(Self.diagnostic)
        #expect(!line.contains("\n"))
        #expect(line == #"{"file":"Content/a,b:c.md","line":3,"column":7,"severity":"error","id":"unknown-source","message":"unknown source 'gazete, 2009' in [@gazete, 2009]: 100% wrong; did you mean 'gazette-2009'?","notes":[{"message":"sources are defined in sources.yaml"}],"fixit":{"kind":"replace","replacement":"gazette-2009"}}"#)
        let whole = DiagnosticFormat.json.format(.warning(.unusedSource, "x", at: .file("Content/sources.yaml")))
        #expect(whole == #"{"file":"Content/sources.yaml","severity":"warning","id":"unused-source","message":"x","notes":[]}"#)
    }

    @Test func writesGitHubWorkflowCommands() {
        #expect(DiagnosticFormat.github.format(Self.diagnostic)
            == "::error file=Content/a%2Cb%3Ac.md,line=3,col=7,title=unknown-source::unknown source 'gazete, 2009' in [@gazete, 2009]: 100%25 wrong; did you mean 'gazette-2009'?%0Anote: sources are defined in sources.yaml")
    }
}
