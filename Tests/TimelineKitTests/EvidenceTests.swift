import Foundation
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineSite
import TimelineTesting

/// The site held against its sources: quotations found in archived texts as a careful reader would find
/// them, weekdays checked against their dates, and the evidence shown on a source's page.
@Suite struct EvidenceTests {
    static let text = """
        The minister said on Thursday that the “battle against the gangs is one that we can win,” adding that
        more police would come within   weeks.
        It was the country’s first deployment — a small one — since 2004. Café owners stayed shut.
        """

    @Test func findsQuotationsDespiteSpacingMarksAndDashes() {
        let matcher = QuoteMatcher(text: Self.text)
        // Line breaks and runs of spaces.
        #expect(matcher.find("adding that more police would come within weeks") != nil)
        // Straight marks and apostrophes for typographic ones, and the quotation's own marks.
        #expect(matcher.find("\"the country's first deployment\"") != nil)
        // Dash forms.
        #expect(matcher.find("first deployment - a small one - since 2004") != nil)
        #expect(matcher.find("first deployment – a small one – since 2004") != nil)
        // Punctuation the quoting sentence puts inside the closing mark.
        #expect(matcher.find("one that we can win.") != nil)
        // A capital where the quotation starts a sentence of the site.
        #expect(matcher.find("Battle against the gangs") != nil)
    }

    @Test func readsElisionsAndInsertions() {
        let matcher = QuoteMatcher(text: Self.text)
        #expect(matcher.find("battle against the gangs … we can win") != nil)
        #expect(matcher.find("battle against the gangs ... we can win") != nil)
        #expect(matcher.find("[the] battle against the gangs is one that we can win") != nil)
        #expect(matcher.find("the [fight] against the gangs is one that we can win") != nil)
        // An elision keeps the order of the words.
        #expect(matcher.find("we can win … battle against the gangs") == nil)
    }

    @Test func refusesANearMiss() {
        let matcher = QuoteMatcher(text: Self.text)
        #expect(matcher.find("the battle that we can win") == nil)
        #expect(matcher.find("battle against gangs is one that we can win") == nil)
        #expect(matcher.find("More police would come within days") == nil)
        // A case difference inside the quotation is a difference.
        #expect(matcher.find("battle against the Gangs") == nil)
        let closest = matcher.closestPassage(to: "the battle that we can win")
        #expect(closest?.contains("we can win") == true, "\(closest ?? "")")
    }

    @Test func comparesCanonicallyEquivalentText() {
        // "Café" written with one character in the text, and with "e" and a combining accent in the quotation.
        let matcher = QuoteMatcher(text: Self.text)
        #expect(matcher.find("Cafe\u{301} owners stayed shut") != nil)
        #expect(QuoteMatcher(text: "Cafe\u{301} owners").find("Caf\u{E9} owners") != nil)
    }

    @Test func showsAPassageInItsSentence() throws {
        let matcher = QuoteMatcher(text: Self.text)
        let range = try #require(matcher.find("a small one"))
        #expect(matcher.context(of: range) == "It was the country’s first deployment — a small one — since 2004.")
    }

    @Test func tellsTheScalarsOfAWordAsTheirPropertiesDo() {
        for value in 0...0x2FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(WeekdayChecker.isWordScalar(scalar) == (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)), "U+\(String(value, radix: 16))")
        }
    }

    @Test func knowsTheWeekdayOfADate() {
        #expect(WeekdayChecker.weekday(year: 1970, month: 1, day: 1) == 3)
        #expect(WeekdayChecker.weekday(year: 2025, month: 7, day: 24) == 3)
        #expect(WeekdayChecker.weekday(year: 2000, month: 2, day: 29) == 1)
        #expect(WeekdayChecker.weekday(year: 1900, month: 2, day: 29) == nil)
        #expect(WeekdayChecker.weekday(year: 1804, month: 1, day: 1) == 6)
    }

    @Test func findsWeekdaysThatDoNotMatchTheirDates() {
        func mismatches(_ text: String) -> [String] {
            WeekdayChecker.mismatches(in: Array(text.unicodeScalars)).map { "\($0.written) → \($0.actual)" }
        }
        #expect(mismatches("On Wednesday, July 24, 2025, the delegation came.") == ["Wednesday, July 24, 2025 → Thursday"])
        #expect(mismatches("It came on Thursday, 24 July 2025.") == [])
        #expect(mismatches("It came on Friday 24 July 2025.") == ["Friday 24 July 2025 → Thursday"])
        #expect(mismatches("It came on July 24, 2025 (Wednesday).") == ["July 24, 2025 (Wednesday → Thursday"])
        #expect(mismatches("It came on July 24, 2025 (Thursday).") == [])
        #expect(mismatches("La délégation est venue le mercredi 24 juillet 2025.") == ["mercredi 24 juillet 2025 → Jeudi"])
        #expect(mismatches("Le mercredi 1er janvier 2025, rien.") == [])
        #expect(mismatches("Le jeudi 1er janvier 2025, rien.") == ["jeudi 1er janvier 2025 → Mercredi"])
        // In Haitian Creole, from the project's own tables of days and months.
        #expect(mismatches("Delegasyon an te vini mèkredi 24 jiyè 2025.") == ["mèkredi 24 jiyè 2025 → Jedi"])
        #expect(mismatches("Li te vini jedi 24 jiyè 2025.") == [])
        #expect(mismatches("Madi 1ye jen 2021, anyen.") == [])
        #expect(mismatches("Lendi 1ye jen 2021, anyen.") == ["Lendi 1ye jen 2021 → Madi"])
        // A weekday with no date beside it, or a date that does not exist, is not checked.
        #expect(mismatches("On Wednesday the delegation came; on 24 July 2025 it left.") == [])
        #expect(mismatches("On Monday, 31 June 2025.") == [])
    }

    @Test func findsTheQuotationsOfProseThatACitationVouchesFor() {
        let prose = """
            He called it "the battle that we can win" [@reuters-2024], and “a long road” too [@a; @b, p. 4].
            A "scare quote" here has no citation. "Another" one. [@late]

            **"Numerous others."** The summary says so [@summary].
            """
        let found = ProseQuoteScanner.scan(Array(prose.utf8)[...])
        #expect(found.map(\.quote) == ["the battle that we can win", "a long road", "Numerous others."])
        #expect(found.map(\.sourceIDs) == [["reuters-2024"], ["a", "b"], ["summary"]])
        #expect(found.first?.offset == 13)
    }

    /// A site with an archived text: the source's page shows the passage quoted in its sentence, with a link
    /// that opens the original at it, and lists the text's known errors; hostile text in the archive and in
    /// the quotation is escaped.
    @Test func theSourcesPageShowsTheEvidence() throws {
        let (output, log, summary) = TestSupport.build(TestSupport.minimalSite(with: [
            "Content/archive/paper.md": """
                ---
                url: https://example.org/copy?x=1
                note: A copy <b>kept</b> with the site.
                ---
                It happened on Friday, 24 July 2025. The mayor said the <script>road</script> would "open again soon, in a few weeks", and left.
                """,
            "Content/entries/event.md": """
                ---
                title: An event
                date: 2024-06-01
                ---

                The mayor said the road would "open again soon" [@paper].

                """,
        ]))
        #expect(summary != nil, "\(log.diagnostics)")
        #expect(log.diagnostics.map(\.description) == [
            "Content/archive/paper.md:5:16: warning: the text of source 'paper' has an error: \"Friday, 24 July 2025\": that date was a Thursday; once dealt with, list it under 'known_errors' in the archive's front matter [wrong-weekday]",
        ])
        let page = try #require(output.text("sources/paper.html"))
        #expect(page.contains("<mark>open again soon</mark>"))
        #expect(page.contains("The mayor said the &lt;script&gt;road&lt;/script&gt; would &quot;"))
        #expect(page.contains("https://example.org/copy?x=1#:~:text=open%20again%20soon"))
        #expect(page.contains("A copy &lt;b&gt;kept&lt;/b&gt; with the site."))
        #expect(page.contains("&quot;Friday, 24 July 2025&quot;: that date was a Thursday"))
        #expect(page.contains("../entries/event.html"))
        #expect(!page.contains("<script>road"))
    }

    /// `timeline report --json` counts the quotations by what their search found.
    @Test func theReportCountsQuotations() throws {
        let site = TestSupport.minimalSite(with: [
            "Content/entries/event.md": "---\ntitle: An event\ndate: 2024-06-01\n---\n\nIt was \"a quotation\" [@paper]. A paragraph of 1,500 words.\n\nA paragraph with no citation.\n",
        ])
        let builder = SiteBuilder(options: BuildOptions(), fileSystem: TestSupport.memorySite(site))
        let report = try #require(builder.report(log: DiagnosticLog()))
        let json = report.json.serialized()
        #expect(json.contains(#""quotes":{"verified":0,"failed":0,"unverifiable":1}"#), "\(json)")
        #expect(json.contains(#""uncited_paragraphs":[{"entry":"event","location":"Content/entries/event.md:8:1"}]"#), "\(json)")
        #expect(json.contains(#""figure":"1,500""#), "\(json)")
        let archived = builder.report(log: DiagnosticLog())
        #expect(archived != nil)
        let withArchive = SiteBuilder(options: BuildOptions(), fileSystem: TestSupport.memorySite(site.merging(["Content/archive/paper.txt": "It was a quotation, he said."]) { $1 }))
        let verified = try #require(withArchive.report(log: DiagnosticLog())).json.serialized()
        #expect(verified.contains(#""quotes":{"verified":1,"failed":0,"unverifiable":0}"#), "\(verified)")
    }

    /// With archived texts, two figures of a metric as of one date from different sources that do not agree
    /// are a warning and are marked on the facts page; an entry showing a figure that a later one overtook
    /// says so next to it, unless the metric's figures are separate counts.
    @Test func figuresAreHeldSideBySide() throws {
        func site(separate: Bool) -> [String: String] {
            TestSupport.minimalSite(with: [
                "Content/site.yaml": "title: Test site\ndescription: A site for tests.\nlanguage: en\nmetrics:\n  - id: people\n    title: People\n" + (separate ? "    separate_counts: true\n" : ""),
                "Content/sources.yaml": "- id: paper\n  title: A paper\n  date: 2024-06\n- id: report\n  title: A report\n  date: 2024-08\n",
                "Content/archive/paper.txt": "Nothing quoted.",
                "Content/facts.yaml": """
                    - id: one
                      statement: One count.
                      date: 2024-05
                      sources: [paper]
                      metric: people
                      value: 100
                    - id: two
                      statement: Another count.
                      date: 2024-05
                      sources: [report]
                      metric: people
                      value: 300
                      qualifier: about
                    - id: three
                      statement: A later count.
                      date: 2024-07
                      sources: [report]
                      metric: people
                      value: 500

                    """,
                "Content/entries/event.md": "---\ntitle: An event\ndate: 2024-06-01\nfacts: [one]\n---\n\nSomething happened [@paper]. See [[fact:two]] and [[fact:three]].\n",
            ])
        }
        let (output, log, summary) = TestSupport.build(site(separate: false))
        #expect(summary != nil, "\(log.diagnostics)")
        #expect(log.diagnostics.map(\.description) == [
            "Content/facts.yaml:7:7: warning: figures of 'people' as of 2024-05 disagree: 'one' gives 100 ('paper'), 'two' gives about 300 ('report'); the facts page shows both, marked as a disagreement between sources [figures-disagree]\nContent/facts.yaml:1:7: note: the other figure",
        ])
        let facts = try #require(output.text("facts.html"))
        #expect(facts.contains(#"<tr id="fact-one" class="disagreement">"#))
        #expect(facts.contains(#"<tr id="fact-two" class="disagreement">"#))
        #expect(facts.contains(#"<tr id="fact-three"><td"#))
        #expect(facts.contains(#"class="chart-point series-0 disagreement" data-fact="one""#), "\(facts)")
        #expect(facts.contains(#"class="chart-point series-1 disagreement" data-fact="two""#))
        #expect(facts.contains(#"class="chart-point series-1" data-fact="three""#))
        let entry = try #require(output.text("entries/event.html"))
        #expect(entry.contains(#"<span class="later-figure">A later figure: <a href="../facts.html#fact-three">500</a>"#), "\(entry)")
        let (separateOutput, _, _) = TestSupport.build(site(separate: true))
        #expect(separateOutput.text("entries/event.html")?.contains("later-figure") == false)
        // Without archived texts, none of this.
        var plain = site(separate: false)
        plain["Content/archive/paper.txt"] = nil
        let (plainOutput, plainLog, _) = TestSupport.build(plain)
        #expect(plainLog.diagnostics.isEmpty)
        #expect(plainOutput.text("facts.html")?.contains("disagreement") == false)
        #expect(plainOutput.text("entries/event.html")?.contains("later-figure") == false)
    }

    /// An error of an archived text listed under `known_errors` is still on the source's page, without a warning.
    @Test func aKnownErrorIsListedWithoutAWarning() throws {
        let (output, log, _) = TestSupport.build(TestSupport.minimalSite(with: [
            "Content/archive/paper.md": "---\nknown_errors: [\"Friday, 24 July 2025\"]\n---\nIt happened on Friday, 24 July 2025.\n",
        ]))
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        #expect(output.text("sources/paper.html")?.contains("&quot;Friday, 24 July 2025&quot;: that date was a Thursday") == true)
    }
}
