import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineSite

/// The home page opens with when the site was updated, the latest developments and the story so far; its
/// years answer to `#YEAR`; the embeddable timeline and the page about the data files are built; and the
/// TimelineJS export groups entries by era unless `site.yaml` says otherwise.
@Suite struct HomePageTests {
    static func site(settings extra: String = "", entries: [String: String] = [:]) -> [String: String] {
        var files = TestSupport.minimalSite(with: [
            "Content/site.yaml": """
                title: Test site
                description: A site for tests.
                language: en
                eras:
                  - id: early
                    title: Early days
                    date: 2020/2023
                  - id: late
                    title: Later days
                    date: 2022/..
                \(extra)
                """,
        ])
        for (id, date) in entries.merging(["first": "2020-03", "second": "2022-05-04", "third": "2024-01", "fourth": "2024-02-10"], uniquingKeysWith: { $1 }) {
            files["Content/entries/\(id).md"] = "---\ntitle: The \(id) event\ndate: \(date)\n---\n\nSomething happened [@paper].\n"
        }
        files["Content/entries/event.md"] = nil
        return files
    }

    @Test func theHomePageOpensWithTheUpdateTheLatestAndTheStory() throws {
        let files = Self.site(settings: """
            story:
              - text: It began, then went on.
                entries: [first, second]
            """)
        let (output, log, _) = TestSupport.build(files, strict: true)
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.description))")
        let html = try #require(output.text("index.html"))
        #expect(html.contains("<p class=\"updated\">Updated <time class=\"date\" datetime=\"2024-02-10\" data-edtf=\"2024-02-10\">10 February 2024</time></p>"))
        // The newest first, three of them.
        let latest = try #require(html.range(of: "<ol class=\"latest-list\">")).upperBound
        let list = html[latest...].prefix { _ in true }.components(separatedBy: "</ol>")[0]
        #expect(list.components(separatedBy: "<li>").count - 1 == 3)
        let fourth = try #require(list.range(of: "The fourth event")), third = try #require(list.range(of: "The third event"))
        let second = try #require(list.range(of: "The second event"))
        #expect(fourth.lowerBound < third.lowerBound && third.lowerBound < second.lowerBound)
        #expect(!list.contains("The first event"))
        #expect(html.contains("<p class=\"story-text\">It began, then went on.</p>"))
        #expect(html.contains("<a href=\"entries/first.html\">The first event</a> · <a href=\"entries/second.html\">The second event</a>"))
        // One <h1>: the site's title, in the header.
        #expect(html.components(separatedBy: "<h1").count - 1 == 1)
        #expect(html.contains("<h1 class=\"site-title\">"))
        #expect(output.text("entries/first.html")?.contains("<p class=\"site-title\">") == true)
    }

    @Test func siteYAMLsUpdatedDateWinsOverTheEntries() throws {
        let (output, _, _) = TestSupport.build(Self.site(settings: "updated: 2025-06"))
        #expect(output.text("index.html")?.contains("Updated <time class=\"date\" datetime=\"2025-06\" data-edtf=\"2025-06\">June 2025</time>") == true)
    }

    @Test func yearsAnswerToTheirNumberAndPeriodsShareOneScale() throws {
        let (output, _, _) = TestSupport.build(Self.site())
        let html = try #require(output.text("index.html"))
        for year in [2020, 2022, 2024] {
            #expect(html.contains("<a href=\"#\(year)\">\(year)</a>"), "rail link to \(year)")
            #expect(html.contains("id=\"\(year)\">\(year)</h"), "heading #\(year)")
        }
        // 2022 falls in two eras (an entry of 2022 is in the later one, the first the earlier); each id is used once.
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        // Early days 2020–2023 and later days 2022 to the latest entry (2024): five years, from 0% and from 40%.
        #expect(html.contains("<span style=\"margin-left: 0%; width: 80%\"></span>"))
        #expect(html.contains("<span style=\"margin-left: 40%; width: 60%\"></span>"))
        #expect(html.contains("<a href=\"#era-early\">"))
        #expect(html.contains("<a href=\"eras/early.html\">Only this period</a>"))
    }

    @Test func aStoryPointNamesEntriesThatExist() {
        let diagnostics = TestSupport.diagnostics(Self.site(settings: """
            story:
              - text: It began.
                entries: [frist, paper]
              - text: No entries.
            """))
        #expect(diagnostics.count == 3, "\(diagnostics)")
        #expect(diagnostics.contains { $0.hasPrefix("Content/site.yaml:") && $0.contains("error: unknown entry 'frist' in the story so far; did you mean 'first'? [unknown-link]") })
        #expect(diagnostics.contains { $0.contains("error: 'paper' is") || $0.contains("error: unknown entry 'paper'") })
        #expect(diagnostics.contains { $0.contains("error: a point of the story so far names the entries that bear it out") })
    }

    @Test func timelineJSGroupsByEraUnlessToldOtherwise() throws {
        func groups(_ setting: String) throws -> [String?] {
            let (output, log, _) = TestSupport.build(Self.site(settings: setting))
            #expect(log.errorCount == 0, "\(log.diagnostics.map(\.description))")
            let data = try #require(output.text("timeline.json"))
            return data.components(separatedBy: "\"unique_id\"").dropFirst().map { event in
                event.range(of: "\"group\": \"").map { range in String(event[range.upperBound...].prefix { $0 != "\"" }) }
            }
        }
        #expect(try groups("") == ["Early days", "Later days", "Later days", "Later days"])
        #expect(try groups("timelinejs_group: none") == [nil, nil, nil, nil])
        let wrong = TestSupport.diagnostics(Self.site(settings: "timelinejs_group: eras"))
        #expect(wrong.contains { $0.contains("timelinejs_group is one of 'era', 'topic', 'none', not 'eras'") && $0.contains("[invalid-kind]") })
    }

    @Test func theEmbedAndTheDataPageAreBuilt() throws {
        let (output, _, _) = TestSupport.build(Self.site(settings: "base_url: https://example.org/haiti/"))
        let embed = try #require(output.text("embed.html"))
        #expect(embed.contains("<li class=\"embed-entry\" id=\"entry-first\">"))
        #expect(embed.contains("<a href=\"#entry-second\" class=\"embed-next\">Later</a>"))
        #expect(embed.contains("target=\"_blank\" rel=\"noopener\""))
        #expect(embed.contains("<meta name=\"robots\" content=\"noindex\">"))
        let data = try #require(output.text("data.html"))
        #expect(data.contains("&lt;iframe src=&quot;https://example.org/haiti/embed.html&quot;"))
        #expect(output.text("sitemap.xml")?.contains("embed.html") == false)
        #expect(output.text("sitemap.xml")?.contains("data.html") == true)
    }
}
