import Foundation
import Testing

/// The problem matchers in `docs/editors/` (GitHub Actions' and a VS Code task's) read the diagnostics as
/// the generator prints them: file, line, column, severity, message and id, for diagnostics with and
/// without a line.
@Suite struct ProblemMatcherTests {
    struct Match: Equatable {
        var file: String, line: String?, column: String?, severity: String, message: String, code: String
    }

    /// The pattern of a matcher, with the group number of each part.
    static func pattern(_ object: [String: Any]) throws -> (NSRegularExpression, [String: Int]) {
        let regexp = try #require(object["regexp"] as? String)
        var groups: [String: Int] = [:]
        for key in ["file", "line", "column", "severity", "message", "code"] { groups[key] = object[key] as? Int }
        return (try NSRegularExpression(pattern: regexp), groups)
    }

    static func matches(_ line: String, _ pattern: (NSRegularExpression, [String: Int])) -> Match? {
        let range = NSRange(line.startIndex..., in: line)
        guard let result = pattern.0.firstMatch(in: line, range: range) else { return nil }
        func group(_ name: String) -> String? {
            guard let number = pattern.1[name], let found = Range(result.range(at: number), in: line) else { return nil }
            return String(line[found])
        }
        return Match(file: group("file") ?? "", line: group("line"), column: group("column"), severity: group("severity") ?? "", message: group("message") ?? "", code: group("code") ?? "")
    }

    @Test func bothMatchersReadTheDiagnosticsAsPrinted() throws {
        let root = TestSupport.temporaryFolder()
        #expect(try Timeline.run(["init"], in: root).status == 0)
        try "- id: gazette-2025\n  title: Harbour bridge opens\n  publisher: Northport Gazette\n  date: 2025-06-12\n- id: unused\n  title: Unused\n  date: 2025\n"
            .write(toFile: root + "/Content/sources.yaml", atomically: true, encoding: .utf8)
        try "---\ntitle: Harbour Bridge\nkind: place\n---\n\nA road bridge ([[bridge-opnes]]).\n".write(toFile: root + "/Content/topics/harbour-bridge.md", atomically: true, encoding: .utf8)
        try "stray\n".write(toFile: root + "/Content/notes.txt", atomically: true, encoding: .utf8)
        let run = try Timeline.run(["check"], in: root)
        #expect(run.status == 1)
        let expected = [
            Match(file: "Content/notes.txt", line: nil, column: nil, severity: "warning", message: "'notes.txt' is not part of the content format and is ignored", code: "unknown-file"),
            Match(file: "Content/topics/harbour-bridge.md", line: "6", column: "16", severity: "error", message: "unknown entry, topic or page 'bridge-opnes' in [[bridge-opnes]]; did you mean 'bridge-opens'?", code: "unknown-link"),
            Match(file: "Content/sources.yaml", line: "5", column: "7", severity: "warning", message: "source 'unused' is not cited anywhere", code: "unused-source"),
        ]
        let github = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestSupport.repository + "/docs/editors/timeline-problem-matcher.json"))) as? [String: Any])
        let githubPattern = try #require(((github["problemMatcher"] as? [[String: Any]])?.first?["pattern"] as? [[String: Any]])?.first)
        let tasks = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestSupport.repository + "/docs/editors/vscode-tasks.json"))) as? [String: Any])
        let vscodePattern = try #require(((tasks["tasks"] as? [[String: Any]])?.first?["problemMatcher"] as? [String: Any])?["pattern"] as? [String: Any])
        for object in [githubPattern, vscodePattern] {
            let pattern = try Self.pattern(object)
            let found = run.errors.split(separator: "\n").compactMap { Self.matches(String($0), pattern) }
            #expect(Set(found.map(\.code)) == Set(expected.map(\.code)), "\(run.errors)")
            for match in expected { #expect(found.contains(match), "\(match) in \(found)") }
        }
    }
}
