import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Yams
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// The feed, exports and search index of the example site: their formats, and that the data round-trips.
@Suite struct ExportTests {
    var output: MemoryOutput { ExampleSiteTests.built.0 }

    private func json(_ path: String) throws -> Any {
        let bytes = try #require(output.files[path], "\(path) was not written")
        return try JSONSerialization.jsonObject(with: Data(bytes))
    }

    // MARK: TimelineJS

    /// Checks one TimelineJS date object: a year, and a month and day only in range.
    private func checkDate(_ value: Any?, _ context: String) {
        guard let date = value as? [String: Any] else {
            Issue.record("\(context): not a date object")
            return
        }
        #expect(date["year"] is Int, "\(context): year must be a number")
        if let month = date["month"] { #expect((month as? Int).map { (1...12).contains($0) } == true, "\(context): month") }
        if let day = date["day"] {
            #expect(date["month"] != nil, "\(context): a day needs a month")
            #expect((day as? Int).map { (1...31).contains($0) } == true, "\(context): day")
        }
        let allowed: Set<String> = ["year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"]
        #expect(Set(date.keys).isSubset(of: allowed), "\(context): unknown keys \(date.keys)")
    }

    @Test func timelineJSONFollowsTheTimelineJSFormat() throws {
        let root = try #require(try json("timeline.json") as? [String: Any])
        #expect(Set(root.keys).isSubset(of: ["title", "events", "eras", "scale"]))
        let title = try #require(root["title"] as? [String: Any])
        #expect((title["text"] as? [String: Any])?["headline"] as? String == "Northport Harbour Bridge")
        let events = try #require(root["events"] as? [[String: Any]])
        #expect(events.count == 5)
        var ids = Set<String>()
        for event in events {
            let id = try #require(event["unique_id"] as? String)
            #expect(ids.insert(id).inserted, "unique_id \(id) repeats")
            checkDate(event["start_date"], id)
            if event["end_date"] != nil { checkDate(event["end_date"], id + " end") }
            let text = try #require(event["text"] as? [String: Any])
            #expect(text["headline"] is String)
            #expect((text["text"] as? String)?.contains("entries/\(id).html") == true)
            let allowed: Set<String> = ["start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"]
            #expect(Set(event.keys).isSubset(of: allowed), "\(id): unknown keys")
        }
        let construction = try #require(events.first { $0["unique_id"] as? String == "construction" })
        #expect((construction["start_date"] as? [String: Any])?["year"] as? Int == 2004)
        #expect((construction["end_date"] as? [String: Any])?["year"] as? Int == 2009)
        // An approximate date cannot be said in TimelineJS's date objects, so it carries a display date.
        let repairs = try #require(events.first { $0["unique_id"] as? String == "repairs" })
        #expect(repairs["display_date"] as? String == "c. 2015")
        #expect(repairs["group"] as? String == "Construction and use")
        let eras = try #require(root["eras"] as? [[String: Any]])
        #expect(eras.count == 2)
        for era in eras {
            checkDate(era["start_date"], "era")
            checkDate(era["end_date"], "era end")
            #expect((era["text"] as? [String: Any])?["headline"] is String)
        }
    }

    // MARK: data.json

    /// Writes content files back from data.json, in the content format.
    private func content(fromData data: [String: Any]) throws -> [String: String] {
        func yaml(_ object: Any) throws -> String {
            try Yams.dump(object: Self.yamlValues(object), width: -1, allowUnicode: true, sortKeys: true)
        }
        func frontMatter(_ item: [String: Any], keys: [String]) throws -> [String: Any] {
            var fields: [String: Any] = [:]
            for key in keys { if let value = item[key] { fields[key] = value } }
            return fields
        }
        var files: [String: String] = [:]
        var site = try #require(data["site"] as? [String: Any])
        site["eras"] = (site["eras"] as? [[String: Any]])?.map { $0.filter { $0.key != "url" } }
        files["Content/site.yaml"] = try yaml(site)
        let sources = try #require(data["sources"] as? [[String: Any]]).map { source -> [String: Any] in
            var fields = source.filter { !["url", "cited_in", "address"].contains($0.key) }
            if let address = source["address"] { fields["url"] = address }
            return fields
        }
        files["Content/sources.yaml"] = try yaml(sources)
        let facts = try #require(data["facts"] as? [[String: Any]]).map { $0.filter { !["url", "display", "shown_in"].contains($0.key) } }
        files["Content/facts.yaml"] = try yaml(facts)
        let notes: [(String, String, [String])] = [
            ("entries", "entries", ["title", "date", "summary", "topics", "sources", "facts", "updated", "corrections"]),
            ("topics", "topics", ["title", "kind", "summary", "sources"]),
            ("pages", "pages", ["title", "summary", "menu", "sources"]),
        ]
        for (key, folder, fields) in notes {
            for note in try #require(data[key] as? [[String: Any]]) {
                var front = try frontMatter(note, keys: fields)
                for list in ["topics", "sources", "facts", "corrections"] where (front[list] as? [Any])?.isEmpty == true { front[list] = nil }
                let id = try #require(note["id"] as? String)
                files["Content/\(folder)/\(id).md"] = "---\n" + (try yaml(front)) + "---\n" + (note["body"] as? String ?? "")
            }
        }
        return files
    }

    /// JSON values as the types YAML should write: flags as booleans, whole numbers without a decimal point.
    static func yamlValues(_ value: Any, key: String = "") -> Any {
        if let dictionary = value as? [String: Any] {
            return dictionary.reduce(into: [String: Any]()) { $0[$1.key] = yamlValues($1.value, key: $1.key) }
        }
        if let array = value as? [Any] { return array.map { yamlValues($0, key: key) } }
        if ["allow_html", "smart_punctuation"].contains(key), let number = value as? NSNumber { return number.boolValue }
        if let number = value as? NSNumber, !(value is String) {
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 1e15 ? Int(double) as Any : double as Any
        }
        return value
    }

    @Test func dataJSONRoundTripsTheContent() throws {
        let data = try #require(try json("data.json") as? [String: Any])
        #expect(data["format"] as? String == "timeline-data/1")
        let entries = try #require(data["entries"] as? [[String: Any]])
        let opening = try #require(entries.first { $0["id"] as? String == "opening" })
        #expect(opening["url"] as? String == "entries/opening.html")
        #expect(opening["date"] as? String == "2009-06-12")
        #expect(opening["cites"] as? [String] == ["gazette-2009", "council-2003"])
        #expect(opening["mentioned_in"] as? [String] == ["construction"])
        // Rebuilding from data.json alone gives the same site, byte for byte.
        let (rebuilt, log, _) = TestSupport.build(try content(fromData: data), strict: true)
        #expect(log.diagnostics.map(\.description) == [])
        #expect(Set(rebuilt.files.keys) == Set(output.files.keys))
        let differing = output.files.filter { rebuilt.files[$0.key] != $0.value }.map(\.key).sorted()
        #expect(differing == [], "these files differ after the round trip")
    }

    // MARK: facts.csv

    @Test func factsCSVRoundTripsTheFactSet() throws {
        let text = try #require(output.text("facts.csv"))
        let rows = CSV.parse(text)
        #expect(rows.first == FactsCSV.header)
        let facts = try #require((try json("data.json") as? [String: Any])?["facts"] as? [[String: Any]])
        #expect(rows.count == facts.count + 1)
        for (row, fact) in zip(rows.dropFirst(), facts) {
            let values = Dictionary(uniqueKeysWithValues: zip(FactsCSV.header, row))
            #expect(values["id"] == fact["id"] as? String)
            #expect(values["date"] == fact["date"] as? String)
            #expect(values["statement"] == fact["statement"] as? String)
            #expect(values["metric"] == (fact["metric"] as? String ?? ""))
            #expect(values["value"].flatMap(Double.init) == (fact["value"] as? NSNumber)?.doubleValue)
            #expect(values["unit"] == (fact["unit"] as? String ?? ""))
            #expect(values["qualifier"] == (fact["qualifier"] as? String ?? ""))
            let citations = try JSONSerialization.jsonObject(with: Data((values["citations"] ?? "").utf8)) as? [[String: String]]
            #expect(citations == fact["sources"] as? [[String: String]])
            #expect(values["sources"] == citations?.compactMap { $0["id"] }.joined(separator: ";"))
        }
        #expect(text.contains("\"About 42,000 vehicles crossed the bridge each day.\""))
        #expect(text.hasSuffix("\r\n"))
    }

    @Test func jsonEscapesWhatWouldEndAScriptOrAJavaScriptString() {
        #expect(JSON.string("</script>\u{2028}\u{2029}&\"\\\n\u{1}").serialized() == #""\u003c/script\u003e\u2028\u2029\u0026\"\\\n\u0001""#)
        #expect(JSON.number(1300000).serialized() == "1300000")
        // Texts are passed over eight bytes at a time: escapes at every position of a word, and around one,
        // come out as a character-by-character statement of the rules gives them.
        func expected(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{0}"..."\u{1F}": out += "\\u" + String(format: "%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let pieces = ["a", "bcdefgh", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", " ", "<", ">", "&", "\u{2028}", "\u{2029}", "\u{2014}", "\u{E9}", "\u{7F}", "\u{80}",
                      "\u{FFFF}", "\u{1F600}", "~", "!", "#"]
        var numbers = SeededNumbers(seed: 7)
        for text in numbers.texts(3000, of: pieces, length: 12) {
            #expect(JSON.string(text).serialized() == expected(text), "\(text.debugDescription)")
            #expect(JSON.utf8(ArraySlice(text.utf8)).serialized() == expected(text))
        }
        #expect(JSON.number(86.2).serialized() == "86.2")
    }

    @Test func csvFieldsAreQuotedAndDefused() {
        #expect(FactsCSV.field("plain") == "plain")
        #expect(FactsCSV.field("a, b") == "\"a, b\"")
        #expect(FactsCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(FactsCSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(FactsCSV.field("-5") == "-5")
        #expect(CSV.parse("a,\"b,\"\"c\"\"\"\r\n1,2\n") == [["a", "b,\"c\""], ["1", "2"]])
    }

    // MARK: Feed, sitemap, search

    @Test func feedListsEntriesNewestFirstWithCorrections() throws {
        let feed = try #require(output.text("feed.xml"))
        #expect(XMLParser(data: Data(feed.utf8)).parse(), "feed.xml is not well-formed XML")
        let titles = feed.components(separatedBy: "<entry>\n<title>").dropFirst().map { $0.components(separatedBy: "</title>")[0] }
        #expect(titles == ["Repairs begin", "The bridge opens", "Construction", "Funding approved", "A bridge is proposed"])
        #expect(feed.contains("<updated>2009-06-20T00:00:00Z</updated>"))
        #expect(feed.contains("Corrections"))
        #expect(feed.contains("An earlier version gave the wrong cost."))
        #expect(feed.contains("<content type=\"html\" xml:base=\"entries/opening.html\">"))
        // Without base_url there is no sitemap.
        #expect(output.files["sitemap.xml"] == nil)
    }

    @Test func sitemapAndAbsoluteAddressesWhenTheSiteKnowsItsURL() throws {
        var files: [String: String] = [:]
        for (path, bytes) in TestSupport.files(under: TestSupport.exampleContent) { files["Content/" + path] = String(decoding: bytes, as: UTF8.self) }
        files["Content/site.yaml"] = (files["Content/site.yaml"] ?? "") + "base_url: https://example.org/bridge\n"
        let (site, log, _) = TestSupport.build(files, strict: true)
        #expect(log.diagnostics.isEmpty)
        let sitemap = try #require(site.text("sitemap.xml"))
        #expect(XMLParser(data: Data(sitemap.utf8)).parse(), "sitemap.xml is not well-formed XML")
        #expect(sitemap.contains("<loc>https://example.org/bridge/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/bridge/entries/opening.html</loc>"))
        #expect(!sitemap.contains("404.html"))
        let entry = try #require(site.text("entries/opening.html"))
        #expect(entry.contains(#"<link rel="canonical" href="https://example.org/bridge/entries/opening.html">"#))
        #expect(entry.contains(#"<meta property="og:url" content="https://example.org/bridge/entries/opening.html">"#))
        #expect(try #require(site.text("feed.xml")).contains("<id>https://example.org/bridge/entries/opening.html</id>"))
    }

    @Test func pagesCarryStructuredDataAndLinksToEveryExport() throws {
        let entry = try #require(output.text("entries/opening.html"))
        let script = try #require(entry.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?.components(separatedBy: "</script>").first)
        let article = try #require(try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
        #expect(article["@type"] as? String == "Article")
        let citations = article["citation"] as? [[String: Any]] ?? []
        let names: [String] = citations.compactMap { $0["name"] as? String }
        #expect(names == ["Bridge opens to traffic", "Minutes of the budget session"])
        for export in ["feed.xml", "timeline.json", "data.json", "facts.csv"] {
            #expect(entry.contains("href=\"../\(export)\""), "no link to \(export)")
        }
        #expect(entry.contains(#"<meta property="og:type" content="article">"#))
        let facts = try #require(output.text("facts.html"))
        #expect(facts.contains(#""@type":"Dataset""#))
    }

    @Test func searchIndexIsAScriptWithEveryDocument() throws {
        let script = try #require(output.text("search-index.js"))
        #expect(script.hasPrefix("window.TIMELINE_SEARCH_INDEX = {"))
        let json = String(script.dropFirst("window.TIMELINE_SEARCH_INDEX = ".count).dropLast(2))
        let index = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let documents = try #require(index["documents"] as? [[Any]])
        let expected = 15  // 5 entries, 4 topics, 2 pages, 4 facts
        #expect(documents.count == expected)
        let opening = try #require(documents.first { $0[1] as? String == "entries/opening.html" })
        #expect((opening[5] as? String)?.contains("The bridge opened on a Friday") == true)
    }
}
