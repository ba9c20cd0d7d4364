import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

@Suite struct TimelineJSImporterTests {
    static let header = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"

    @Test func turnsRowsIntoEntriesAndGroupsIntoTopics() {
        let csv = Self.header + """
            1995,,,,,,,,,Haiti timeline,<p>Title slide</p>,,,,,title,,
            1991,9,30,,,,,,,Coup d'état,"<p>The army ousts <b>Aristide</b>; see <a href=""https://example.org/x"">this</a>.</p><p>A &amp; B.</p>",https://example.org/p.jpg,AP,A photo,,,Politics,
            2004,,,,2017,,,,,UN mission,Peacekeepers,https://www.youtube.com/watch?v=abc,,,,,Security,
            1995,,,,,,,,c. 1995,Army disbanded,,,,,,,Security,
            2010,13,,,,,,,,Bad month,,,,,,,,
            2004,,,,2017,,,,,The UN years,,,,,,era,,
            1991,9,30,,,,,,,Coup d'état,Again,,,,,,,

            """
        let result = TimelineJSImporter(existingIDs: ["un-mission"]).convert(csv: csv, fileName: "sheet.csv")
        #expect(result.files.map(\.path) == [
            "entries/coup-d-etat.md", "entries/un-mission-2.md", "entries/army-disbanded.md", "entries/coup-d-etat-2.md",
            "topics/politics.md", "topics/security.md", "media.yaml",
        ])
        // An image becomes the entry's lead image, described in media.yaml with its credit, caption and address.
        #expect(result.files[0].text == """
            ---
            title: "Coup d'état"
            date: 1991-09-30
            topics: [politics]
            image: "p.jpg"
            sources: []
            ---

            The army ousts **Aristide**; see [this](https://example.org/x).

            A & B.

            """)
        #expect(result.files[6].text == """
            - file: "p.jpg"
              alt: ""
              credit: "AP"
              license: ""
              caption: "A photo"
              source_url: "https://example.org/p.jpg"

            """)
        // Other media, such as a video, stay links.
        #expect(result.files[1].text.contains("date: 2004/2017\ntopics: [security]"))
        #expect(result.files[1].text.hasSuffix("Peacekeepers\n\nMedia: <https://www.youtube.com/watch?v=abc>\n"))
        #expect(result.files[2].text.contains("date: 1995~\n"))
        #expect(result.messages == [
            "sheet.csv:2: note: the title slide \"Haiti timeline\" is not imported; put it in site.yaml as title",
            "sheet.csv:6: warning: row skipped: '2010-13-' is not a date this format can hold",
            "sheet.csv:7: note: the era \"The UN years\" is not imported; add it to site.yaml under eras with date 2004/2017",
            "note: 1 image is described in media.yaml: save each from its source_url into media/, and say what it shows in its alt",
            "note: 4 entries need a source before the site builds: cite one in the text or list it under 'sources'",
        ])
    }

    @Test func refusesWhatIsNotATimelineJSSheet() {
        #expect(TimelineJSImporter().convert(csv: "a,b\n1,2\n", fileName: "x.csv").messages ==
            ["x.csv: error: not a TimelineJS spreadsheet: it needs the columns Year and Headline"])
        #expect(TimelineJSImporter().convert(csv: "", fileName: "x.csv").messages == ["x.csv: error: the file is empty"])
    }

    @Test func importedNotesReadBackAsValidContent() {
        let csv = Self.header + "2024,6,,,,,,,,MSS arrives,Police from Kenya land.,,,,,,Security,\n"
        let result = TimelineJSImporter().convert(csv: csv, fileName: "s.csv")
        var files = TestSupport.minimalSite
        for file in result.files { files["Content/" + file.path] = file.text }
        // The only problem left is the one the importer announces: the entry needs a source.
        #expect(TestSupport.diagnostics(files) == [
            "Content/entries/mss-arrives.md:1:1: error: entry 'mss-arrives' cites no source; cite one in the text with [@source-id] or list it under 'sources' [uncited-entry]",
        ])
    }
}
