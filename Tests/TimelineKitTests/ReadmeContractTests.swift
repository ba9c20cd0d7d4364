import Foundation
import Testing
@testable import TimelineCore
@testable import TimelineSite

/// The README says what the code does: the template values it lists are the page models' own, every
/// diagnostic id is in its table, and every template has a page model.
@Suite struct ReadmeContractTests {
    static let readmePath = TestSupport.repository + "/README.md"
    static let start = "<!-- template values: made from the page models; `RECORD_SNAPSHOTS=1 swift test` writes them anew -->\n"
    static let end = "<!-- end of template values -->"

    /// `RECORD_SNAPSHOTS=1` writes the list into the README.
    @Test func templateValuesAreThePageModels() throws {
        let readme = try String(contentsOfFile: Self.readmePath, encoding: .utf8)
        let start = try #require(readme.range(of: Self.start), "the README has no list of template values")
        let end = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
        let listed = String(readme[start.upperBound..<end.lowerBound])
        let made = "\n" + TemplateDocumentation.markdown
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try (readme[..<start.upperBound] + made + readme[end.lowerBound...]).write(toFile: Self.readmePath, atomically: true, encoding: .utf8)
            return
        }
        #expect(listed == made, "the README's template values differ from the page models; run with RECORD_SNAPSHOTS=1")
    }

    @Test func everyTemplateHasAPageModelAndEveryModelItsTemplate() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.templates)
        let templates = Set(files.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }).subtracting(["layout"])
        #expect(Set(PageBuilder.pageModels.map { $0.template }) == templates)
    }

    /// Every field a model declares is read by some template of the repository's site, so that no value is
    /// made for nothing.
    @Test func everyFieldIsReadByATemplate() throws {
        var names = Set<String>()
        for file in TestSupport.files(under: TestSupport.templates) where file.0.hasSuffix(".mustache") {
            let text = String(decoding: file.1, as: UTF8.self)
            var rest = Substring(text)
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                tag = String(tag.drop { "#^/&{>!<$".contains($0) })
                tag = tag.replacingOccurrences(of: "empty(", with: "").replacingOccurrences(of: "count(", with: "").replacingOccurrences(of: ")", with: "")
                names.formUnion(tag.split(separator: ".").map(String.init))
                rest = rest[close.upperBound...]
            }
        }
        var models: [any TemplateModel.Type] = PageBuilder.pageModels
        var seen = Set<String>()
        var unread: [String] = []
        while let model = models.popLast() {
            guard seen.insert(String(describing: model)).inserted else { continue }
            for field in model.fieldList {
                if !names.contains(field.name) { unread.append("\(model).\(field.name)") }
                switch field.kind {
                case .object(let type), .list(let type): models.append(type)
                case .text, .html, .number, .flag: break
                }
            }
        }
        #expect(unread == [])
    }

    @Test func theDiagnosticsTableListsEveryID() throws {
        let readme = try String(contentsOfFile: Self.readmePath, encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## Diagnostics\n").dropFirst().first?.components(separatedBy: "\n## ").first)
        var listed = Set<String>()
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let first = line.split(separator: "|").first ?? ""
            for part in first.split(separator: "`").enumerated() where part.offset % 2 == 1 { listed.insert(String(part.element)) }
        }
        #expect(listed == Set(DiagnosticID.allCases.map(\.rawValue)))
    }
}
