import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// Hostile text in every field of the content is harmless in every file it lands in: HTML text and attributes,
/// JSON-LD inside `<script>`, the search index, the feed, the exports and the CSV.
@Suite struct EscapingTests {
    static let script = "</script><script>alert(1)</script>"
    static let image = "\"><img src=x onerror=alert(2)>"
    /// Text that would end an attribute and add an event handler, and that Markdown leaves as text.
    static let attribute = "\" onmouseover=alert(5) x=\"&amp;"
    static let formula = "=HYPERLINK(\"http://evil.example\",\"x\")"
    /// Text that is hostile in every context at once, and still a valid YAML double-quoted string.
    static let hostile = "\(script) \(image) ' & {{x}}"

    static func quoted(_ text: String) -> String { NoteScaffold.quoted(text) }

    static let built: (MemoryOutput, DiagnosticLog) = {
        let h = quoted(hostile)
        let files: [String: String] = [
            "Content/site.yaml": """
                title: \(h)
                description: \(h)
                language: en
                publisher: \(h)
                units: [\(h)]
                eras:
                  - title: \(h)
                    id: era
                    date: 2000/..
                    summary: \(h)
                metrics:
                  - id: count
                    title: \(h)
                    description: \(h)

                """,
            "Content/sources.yaml": """
                - id: paper
                  title: \(h)
                  publisher: \(h)
                  author: \(h)
                  note: \(h)
                  date: 2024
                  url: https://example.org/a?b=1&c=2
                - id: other
                  publisher: \(h)
                  date: 2023

                """,
            "Content/facts.yaml": """
                - id: first
                  statement: \(quoted(formula))
                  date: 2023
                  sources: [{id: other, locator: \(h), quote: \(h)}]
                  metric: count
                  value: 10
                  unit: \(h)
                  qualifier: about
                - id: second
                  statement: \(h)
                  date: 2024
                  sources: [paper]
                  metric: count
                  value: 20
                  unit: \(h)

                """,
            "Content/entries/event.md": """
                ---
                title: \(h)
                date: 2024-06
                summary: \(h)
                topics: [subject]
                facts: [first, second]
                updated: 2024-07
                corrections:
                  - date: 2024-07
                    text: \(h)
                ---

                \(hostile) [@paper, \(attribute)] [[subject|\(attribute)]] [[fact:second]]

                <script>alert(3)</script>

                """,
            "Content/topics/subject.md": "---\ntitle: \(h)\nkind: theme\nsummary: \(h)\n---\n\n\(hostile) [@other]\n",
            // An archived text: the source's page shows the passage quoted from it, in its sentence.
            "Content/archive/other.md": "---\nnote: \(h)\nurl: https://example.org/copy?a=1&b=2\n---\nBefore it, \(hostile) and after it.\n",
            "Content/pages/about.md": "---\ntitle: \(h)\nsummary: \(h)\nmenu: 1\n---\n\n\(hostile) [@paper]\n",
        ]
        let fileSystem = TestSupport.memorySite(files)
        let log = DiagnosticLog()
        let output = MemoryOutput()
        _ = try? SiteBuilder(options: BuildOptions(), fileSystem: fileSystem).build(into: output, log: log)
        return (output, log)
    }()

    var output: MemoryOutput { Self.built.0 }

    /// The byte-by-byte look for characters outputs leave out finds exactly what the look character by
    /// character finds: every scalar up to U+0800 alone and between letters, and random mixes of the
    /// characters on either side of each edge, long enough to span several eight-byte steps.
    @Test func leftOutCharactersAreFoundByTheirBytes() {
        func agree(_ text: String) {
            #expect(ControlCharacters.holdsLeftOut(text) == text.unicodeScalars.contains(where: ControlCharacters.isLeftOut), "\(Array(text.unicodeScalars))")
        }
        for value in UInt32(0)..<0x800 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            agree(String(scalar))
            agree("a" + String(scalar) + "é")
        }
        let edges: [Unicode.Scalar] = [
            "\u{00}", "\u{08}", "\t", "\n", "\u{0B}", "\r", "\u{1F}", " ", "~", "a", "b", "c", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "é", "\u{C2}",
            "\u{2028}", "€", "😀",
        ]
        // One character at every place of the eight-byte steps, among letters only.
        for scalar: Unicode.Scalar in ["\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{7F}", "\u{01}", "\n", "é"] {
            for place in 0..<17 { agree(String(repeating: "a", count: place) + String(scalar) + String(repeating: "b", count: 20)) }
        }
        var generator = SeededGenerator(state: 20_261_206)
        for _ in 0..<4000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &generator) { scalars.append(edges.randomElement(using: &generator)!) }
            agree(String(scalars))
        }
    }

    @Test func theHostileSiteBuilds() {
        // Raw HTML written in Markdown is reported and dropped; everything else is only text.
        #expect(Set(Self.built.1.diagnostics.map(\.id)) == ["raw-html"])
        #expect(output.files.count > 15)
        // The quotation is found in the archived text, and its passage shown as text.
        #expect(output.text("sources/other.html")?.contains("<mark>&lt;/script&gt;&lt;script&gt;alert(1)") == true)
    }

    @Test func noPageGainsAScriptAnImageOrAnEventHandler() {
        for (path, bytes) in output.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.contains("<script>alert"), "\(path) runs the title as a script")
            #expect(!html.contains("<img"), "\(path) gained an image element")
            #expect(!html.contains("javascript:"), "\(path) has a javascript: link")
            for (tag, attribute) in Self.attributes(in: html) {
                #expect(!attribute.hasPrefix("on"), "\(path): <\(tag)> has an event handler '\(attribute)'")
                #expect(tag != "img" && tag != "iframe" && tag != "object", "\(path) gained a <\(tag)> element")
            }
            // Only the generator's own scripts: structured data and the reader's script (which loads the search
            // script when the reader turns to the box), and the citations' script on a page with citations (the
            // 404 page has its own and the search script, the embeddable timeline only the reader's).
            let scripts = html.components(separatedBy: "<script").count - 1
            let cites = html.contains("<sup class=\"citation\">")
            #expect(html.contains("assets/cite.js\" defer></script>") == cites, "\(path) loads cite.js: \(!cites), has citations: \(cites)")
            let expected = path == "embed.html" ? 1 : path == "404.html" ? 2 : cites ? 3 : 2
            #expect(scripts == expected, "\(path) has \(scripts) script elements")
            #expect(html.components(separatedBy: "</script>").count - 1 == expected, "\(path) closes a script element early")
            // Structured data parses and holds the text as it was written.
            if let block = html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?.components(separatedBy: "</script>").first {
                let json = try? JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any]
                #expect(json != nil, "\(path): JSON-LD does not parse")
                #expect(block.contains("\\u003c/script\\u003e"), "\(path): JSON-LD does not escape '<'")
            }
            // Attributes never end early: no quote from the content survives unescaped in a tag.
            #expect(!html.contains("\"><img"), "\(path) lets an attribute end early")
        }
    }

    @Test func theTextArrivesIntactInEveryDataFile() throws {
        for path in ["data.json", "timeline.json"] {
            let bytes = try #require(output.files[path])
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("</script>") && !text.contains("<img"), "\(path) holds raw markup")
            let json = try JSONSerialization.jsonObject(with: Data(bytes))
            let strings = Self.strings(in: json)
            #expect(strings.contains(Self.hostile) || strings.contains { $0.contains(HTML.escape(Self.hostile)) }, "\(path) lost the text")
        }
        let index = try #require(output.text("search-index.js"))
        #expect(!index.contains("</script>") && !index.contains("\u{2028}"))
        let json = try JSONSerialization.jsonObject(with: Data(index.dropFirst("window.TIMELINE_SEARCH_INDEX = ".count).dropLast(2).utf8))
        #expect(Self.strings(in: json).contains(Self.hostile))
    }

    @Test func theFeedIsWellFormedAndHoldsTheText() throws {
        let feed = try #require(output.files["feed.xml"])
        let parser = XMLParser(data: Data(feed))
        let collector = TextCollector()
        parser.delegate = collector
        #expect(parser.parse(), "feed.xml is not well-formed")
        #expect(collector.text.contains(Self.hostile))
    }

    @Test func theCSVQuotesAndDefusesEveryField() throws {
        let rows = CSV.parse(try #require(output.text("facts.csv")))
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.count == FactsCSV.header.count })
        #expect(rows[1][2] == "'" + Self.formula, "a formula is defused with a leading apostrophe")
        #expect(rows[2][2] == Self.hostile)
    }

    /// Every element's attribute names, read as a browser tokenizes tags (double-quoted values, as the site writes).
    static func attributes(in html: String) -> [(tag: String, attribute: String)] {
        var found: [(String, String)] = []
        let chars = Array(html.unicodeScalars)
        var index = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == ":" || c == "_" }
        while index < chars.count {
            guard chars[index] == "<", index + 1 < chars.count, chars[index + 1].properties.isAlphabetic else { index += 1; continue }
            var cursor = index + 1
            var tag = ""
            while cursor < chars.count, isNameChar(chars[cursor]) { tag.unicodeScalars.append(chars[cursor]); cursor += 1 }
            while cursor < chars.count, chars[cursor] != ">" {
                if chars[cursor] == " " || chars[cursor] == "\n" || chars[cursor] == "/" { cursor += 1; continue }
                var name = ""
                while cursor < chars.count, isNameChar(chars[cursor]) { name.unicodeScalars.append(chars[cursor]); cursor += 1 }
                if name.isEmpty { cursor += 1; continue }
                found.append((tag.lowercased(), name.lowercased()))
                if cursor < chars.count, chars[cursor] == "=" {
                    cursor += 1
                    if cursor < chars.count, chars[cursor] == "\"" {
                        cursor += 1
                        while cursor < chars.count, chars[cursor] != "\"" { cursor += 1 }
                        cursor += 1
                    } else {
                        while cursor < chars.count, chars[cursor] != " ", chars[cursor] != ">" { cursor += 1 }
                    }
                }
            }
            // The contents of script elements are not markup.
            if tag.lowercased() == "script" {
                var search = cursor
                while search + 8 < chars.count, !(chars[search] == "<" && chars[search + 1] == "/" && String(String.UnicodeScalarView(chars[(search + 2)..<(search + 8)])).lowercased() == "script") { search += 1 }
                cursor = search
            }
            index = cursor + 1
        }
        return found
    }

    static func strings(in value: Any) -> [String] {
        if let string = value as? String { return [string] }
        if let array = value as? [Any] { return array.flatMap { strings(in: $0) } }
        if let object = value as? [String: Any] { return object.values.flatMap { strings(in: $0) } }
        return []
    }

    final class TextCollector: NSObject, XMLParserDelegate {
        var text = ""
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }
}
