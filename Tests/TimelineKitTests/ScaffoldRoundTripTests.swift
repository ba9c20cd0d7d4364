import Foundation
import Testing
import TimelineMedia
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// `timeline new` and `import timelinejs` write only what the build reads back to the same values: random
/// titles and random sheets are written, read back with the content reader, and compared.
@Suite struct ScaffoldRoundTripTests {
    /// Characters that YAML, Markdown, CSV or Unicode treat specially, with plain letters.
    static let awkward: [Unicode.Scalar] = Array("aZ é:#&*!|>%@`'\",-?[]{}\\\t\n\r".unicodeScalars)
        + (0...0x1F).map { Unicode.Scalar($0)! }
        + [0x7F, 0x80, 0x85, 0x9F, 0xA0, 0x301, 0x202E, 0x2028, 0x2029, 0xFEFF, 0xFFFE - 1, 0x1F600, 0x10FFFD].map { Unicode.Scalar($0)! }

    static func randomText(_ generator: inout SeededGenerator, from alphabet: [Unicode.Scalar], length: ClosedRange<Int>) -> String {
        var text = ""
        for _ in 0..<Int.random(in: length, using: &generator) { text.unicodeScalars.append(alphabet.randomElement(using: &generator)!) }
        return text
    }

    /// The title the content reader gives a note file, or nil when it reports an error.
    static func titleReadBack(_ path: String, text: String) -> String? {
        var files = TestSupport.minimalSite
        files["Content/" + path] = text
        let log = DiagnosticLog()
        let content = ContentReader(fileSystem: TestSupport.memorySite(files), folder: "Content").read(log: log).content
        if log.diagnostics.contains(where: { $0.severity == .error }) { return nil }
        let id = String(path.split(separator: "/").last!.dropLast(3))
        return content?.entries.first { $0.id == id }?.title ?? content?.topics.first { $0.id == id }?.title
            ?? content?.pages.first { $0.id == id }?.title
    }

    @Test func newNotesReadBackWithTheirTitlesOrAreRefused() {
        var generator = SeededGenerator(state: 18)
        var refused: Set<String> = []
        for number in 0..<400 {
            let title = Self.randomText(&generator, from: Self.awkward, length: 0...12)
            let kind = NoteKind.allCases[number % 3]
            let trimmed = title.trimmingWhitespace
            if trimmed.isEmpty {
                #expect(NoteScaffold.problem(id: "t", title: title, date: "2020", kind: kind, topicKind: "person") != nil)
                continue
            }
            let path = "\(kind.folder)/t\(number).md"
            let text = NoteScaffold.text(kind: kind, title: trimmed, date: "2020", topicKind: "person")
            let readBack = Self.titleReadBack(path, text: text)
            if let problem = NoteScaffold.readBackProblem(text, kind: kind, id: "t\(number)", title: trimmed, path: path) {
                // A refusal only for a title the build would indeed not read back.
                #expect(readBack != trimmed, "\(trimmed.unicodeScalars.map(\.value)) refused: \(problem)")
                refused.insert(trimmed)
            } else {
                #expect(readBack == trimmed, "\(trimmed.unicodeScalars.map(\.value)) read back as \(String(describing: readBack?.unicodeScalars.map(\.value)))")
            }
        }
        #expect(refused.count < 40, "\(refused.map { $0.unicodeScalars.map(\.value) })")
    }

    @Test func titlesAreQuotedAsYAMLReadsThem() {
        #expect(NoteScaffold.quoted("A\u{1}z") == #""A\x01z""#)
        #expect(NoteScaffold.quoted("Line\rend") == #""Line\rend""#)
        #expect(NoteScaffold.quoted("del\u{7F}end") == #""del\x7Fend""#)
        #expect(NoteScaffold.quoted("\u{85}\u{2028}\u{2029}\u{FEFF}\u{0}") == #""\N\L\P\uFEFF\0""#)
        #expect(NoteScaffold.quoted("Café \"x\" \\ 😀") == #""Café \"x\" \\ 😀""#)
    }

    /// A sheet as TimelineJS's template writes it: every field quoted, quotes doubled (scalar by scalar, so
    /// that a quote followed by a combining mark is doubled too).
    static func csv(_ rows: [[String]]) -> String {
        func quoted(_ field: String) -> String {
            var result = "\""
            for scalar in field.unicodeScalars {
                if scalar == "\"" { result.unicodeScalars.append("\"") }
                result.unicodeScalars.append(scalar)
            }
            result.unicodeScalars.append("\"")
            return result
        }
        return rows.map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A small PNG, for the images an imported sheet names.
    static let image = ImagePipeline.encode(pixels: [UInt8](repeating: 90, count: 8 * 8 * 3), width: 8, height: 8, bands: 3, as: .png)!

    @Test func importedSheetsReadBackWithTheirTitlesAndText() throws {
        var generator = SeededGenerator(state: 19)
        let words: [String] = ["a", "Bc", " ", " ", "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<br>", "&lt;img src=x&gt;", "&amp;", "&quot;",
                               "*", "_", "#", "-", "1.", ">", "`", "~", "|", "\\", "<a href=\"https://example.org/a) b\">", "</a>", "\n", "(", ")",
                               "[x](https://e.org)", "[", "]", "<script>alert(1)</script>"]
        for _ in 0..<25 {
            var rows = [["Year", "Headline", "Text", "Media", "Media Caption", "Group"]]
            for _ in 0..<8 {
                let headline = Self.randomText(&generator, from: Self.awkward.filter { $0 != "\0" }, length: 1...10) + "h"
                var text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined()
                if Bool.random(using: &generator) { text = "<p>See [@nope] and [[nope]], [@a; @b].</p>" + text }
                let media = ["", "https://example.org/a) and [@nope](https://x", "https://example.org/p q.jpg"].randomElement(using: &generator)!
                // Written as text, "[@id]" and "[[id]]" are escaped as "\[@id]" and "\[[id]]"; inside a link's
                // label, where "]" is escaped too, the renderer does not see that escape (see importProblems…).
                let caption = Self.randomText(&generator, from: Self.awkward.filter { $0 != "\0" && $0 != "@" }, length: 0...6)
                let group = ["", "Politics", "Q & A: \"x\""].randomElement(using: &generator)!
                rows.append(["2001", headline, text, media, caption, group])
            }
            let result = TimelineJSImporter().convert(bytes: Array(Self.csv(rows).utf8), fileName: "sheet.csv")
            var files = TestSupport.minimalSite
            for file in result.files { files["Content/" + file.path] = file.text.replacingOccurrences(of: "sources: []", with: "sources: [paper]") }
            // Imported images are described with an empty alt text and licence, and their files are to be saved:
            // done here as an author would.
            let images = (files["Content/media.yaml"] ?? "").split(separator: "\n").filter { $0.hasPrefix("- file: ") }
                .map { String($0.dropFirst("- file: \"".count).dropLast()) }
            files["Content/media.yaml"] = files["Content/media.yaml"]?.replacingOccurrences(of: "alt: \"\"", with: "alt: \"A photograph.\"")
                .replacingOccurrences(of: "credit: \"\"", with: "credit: \"A photographer\"").replacingOccurrences(of: "license: \"\"", with: "license: \"CC0\"")
            let fileSystem = TestSupport.memorySite(files)
            for name in images { fileSystem.write("Content/media/" + name, bytes: Self.image) }
            let output = MemoryOutput(), log = DiagnosticLog()
            let summary = try? SiteBuilder(options: BuildOptions(), fileSystem: fileSystem).build(into: output, log: log)
            #expect(summary != nil, "\(log.diagnostics.map(\.description))")
            #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.description))")
            let log2 = DiagnosticLog()
            let content = try #require(ContentReader(fileSystem: fileSystem, folder: "Content").read(log: log2).content)
            let skipped = result.messages.filter { $0.contains("row skipped") }.count
            #expect(content.entries.count == 1 + rows.count - 1 - skipped)
            for row in rows.dropFirst() {
                let title = TimelineJSImporter.plainText(row[1])
                if NoteScaffold.readBackProblem("---\ntitle: \(NoteScaffold.quoted(title))\n---\n", kind: .page, id: "x", title: title, path: "x") == nil {
                    #expect(content.entries.contains { $0.title == title }, "\(title.unicodeScalars.map(\.value))")
                }
            }
            for path in output.files.keys where path.hasPrefix("entries/") {
                let page = try #require(output.text(path))
                #expect(!page.contains("<img src=x") && !page.contains("<script>alert"), "\(path)")
            }
        }
    }

    @Test func importProblemsAreReportedWhereTheyAre() throws {
        let sheet = Self.csv([
            ["Year", "Headline", "Text"], ["2001", "Multi\nline", "a"], ["20x1", "Bad year, on line 4", ""],
            ["2002", String(repeating: "A ", count: 120), "long"],
            ["2003", "Escaped", "Shown as text: &lt;img src=x onerror=alert(1)&gt; and [@nope]"],
        ])
        let result = TimelineJSImporter().convert(bytes: Array(sheet.utf8), fileName: "sheet.csv")
        #expect(result.messages.first == "sheet.csv:4: warning: row skipped: '20x1--' is not a date this format can hold")
        let long = try #require(result.files.first { $0.text.contains("long") })
        #expect(long.path == "entries/" + Array(repeating: "a", count: 50).joined(separator: "-") + ".md")
        let escaped = try #require(result.files.first { $0.path == "entries/escaped.md" })
        #expect(escaped.text.hasSuffix("Shown as text: \\<img src=x onerror=alert(1)> and \\[@nope]\n"))

        let latin1 = TimelineJSImporter().convert(bytes: Array("Year,Headline\n2005,Caf".utf8) + [0xE9] + Array("\n".utf8), fileName: "latin1.csv")
        #expect(latin1.files.isEmpty)
        #expect(latin1.messages == ["latin1.csv:2:9: error: file is not valid UTF-8 (a character is cut off); export the spreadsheet as CSV in UTF-8"])
        let nul = TimelineJSImporter().convert(bytes: Array("Year,Headline\n2005,A\u{0}B\n".utf8), fileName: "nul.csv")
        #expect(nul.files.isEmpty && nul.messages == ["nul.csv:2:7: error: file contains a NUL byte; is it a text file?"])

        let unclosed = TimelineJSImporter().convert(csv: "Year,Headline\n2006,\"Unclosed\n2007,Second row\n", fileName: "unclosed.csv")
        #expect(unclosed.files.isEmpty)
        #expect(unclosed.messages == [
            "unclosed.csv:2: error: the quote that opens a field on this line is never closed, so every line after it would be one field; nothing was imported",
        ])
        let media = TimelineJSImporter().convert(csv: "Year,Headline,Media\n2004,Media,https://example.org/a) and [@nope](https://x\n", fileName: "m.csv")
        #expect(media.files.first?.text.hasSuffix("Media: <https://example.org/a%29%20and%20%5B@nope%5D%28https://x>\n") == true)
    }
}
