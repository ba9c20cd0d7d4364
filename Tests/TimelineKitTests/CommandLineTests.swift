import Foundation
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// Runs the `timeline` executable as a user would.
@Suite(.serialized) struct CommandLineTests {
    /// The executable built beside the tests.
    static let executable: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("timeline").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return TestSupport.repository + "/.build/debug/timeline"
    }()

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    private func run(_ arguments: [String], in folder: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    /// A folder holding a copy of the example's Content and the repository's Templates.
    private func project() throws -> String {
        let root = TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestSupport.exampleContent, toPath: root + "/Content")
        try FileManager.default.copyItem(atPath: TestSupport.templates, toPath: root + "/Templates")
        return root
    }

    @Test func buildWritesTheSiteAndSummarisesIt() throws {
        let root = try project()
        let result = try run(["build"], in: root)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors == "")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Built Public: 5 entries, 4 topics, 4 sources, 4 facts, 2 pages: 39 files in ") == true, "\(result.output)")
        #expect(FileManager.default.fileExists(atPath: root + "/Public/entries/opening.html"))
    }

    @Test func aFailingBuildPrintsDiagnosticsAndExitsNonZero() throws {
        let root = try project()
        #expect(try run(["build"], in: root).status == 0)
        let before = TestSupport.files(under: root + "/Public")
        let entry = root + "/Content/entries/opening.md"
        var text = try String(contentsOfFile: entry, encoding: .utf8)
        text = text.replacingOccurrences(of: "[@gazette-2009]", with: "[@gazete-2009]")
        try text.write(toFile: entry, atomically: true, encoding: .utf8)
        let result = try run(["build"], in: root)
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.errors == """
            Content/entries/opening.md:13:31: error: unknown source 'gazete-2009' in [@gazete-2009]; did you mean 'gazette-2009'? [unknown-source]
            1 error, 0 warnings
            build failed; 'Public' was left as it was

            """)
        let after = TestSupport.files(under: root + "/Public")
        #expect(before.map(\.0) == after.map(\.0))
        #expect(zip(before, after).allSatisfy { $0.1 == $1.1 })
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let root = try project()
        try "- id: spare\n  date: 2020\n".appendLine(to: root + "/Content/sources.yaml")
        let lenient = try run(["build"], in: root)
        #expect(lenient.status == 0)
        #expect(lenient.errors.contains("warning: source 'spare' is not cited anywhere [unused-source]"))
        #expect(lenient.errors.hasSuffix("\nNo errors, 1 warning.\n"), "\(lenient.errors)")
        let check = try run(["check"], in: root)
        #expect(check.status == 0)
        #expect(check.errors.hasSuffix("\nNo errors, 1 warning.\n"))
        #expect(!check.output.contains("No problems found."))
        let strict = try run(["build", "--strict", "--output", "Strict"], in: root)
        #expect(strict.status == 1)
        #expect(strict.errors.contains("\n1 warning treated as errors (--strict)\nbuild failed"), "\(strict.errors)")
        #expect(!FileManager.default.fileExists(atPath: root + "/Strict"))
    }

    @Test func checkWritesNothing() throws {
        let root = try project()
        let result = try run(["check"], in: root)
        #expect(result.status == 0)
        // The base_url note is said by check, not by every build.
        #expect(result.output == "No problems found.\nnote: site.yaml has no base_url, so there is no sitemap.xml, and the feed, canonical and Open Graph addresses are relative\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/Public"))
    }

    @Test func optionsNameOtherFolders() throws {
        let root = try project()
        try FileManager.default.moveItem(atPath: root + "/Content", toPath: root + "/notes")
        let result = try run(["build", "--content", "notes", "--templates", "Templates", "--output", "site"], in: root)
        #expect(result.status == 0, "\(result.errors)")
        #expect(FileManager.default.fileExists(atPath: root + "/site/index.html"))
        let refused = try run(["build", "--content", "notes", "--output", "notes"], in: root)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("refusing to write the site here: it would replace 'notes'"))
    }

    @Test func newWritesAReadyToEditNote() throws {
        let root = try project()
        let result = try run(["new", "entry", "bridge-closed", "--date", "2020-03", "--title", "The \"bridge\" closes"], in: root)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "Created Content/entries/bridge-closed.md, a draft: 'timeline serve --drafts' shows it; remove its 'draft: true' line to publish it\n")
        let text = try String(contentsOfFile: root + "/Content/entries/bridge-closed.md", encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"The \\\"bridge\\\" closes\"\ndate: 2020-03\n"))
        // It never replaces a note that exists.
        let again = try run(["new", "entry", "bridge-closed", "--date", "2020", "--title", "Other"], in: root)
        #expect(again.status == 1)
        #expect(again.errors.contains("a note with this id already exists"))
        // Entries, topics and pages share ids; an empty title, or one of spaces, is refused.
        let otherKind = try run(["new", "topic", "opening", "--title", "Dup", "--kind", "place"], in: root)
        #expect(otherKind.status == 1)
        #expect(otherKind.errors == "Content/entries/opening.md: error: a note with this id already exists; entries, topics and pages share ids, as [[opening]] must name one of them\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/Content/topics/opening.md"))
        let empty = try run(["new", "entry", "empty", "--date", "2020", "--title", " "], in: root)
        #expect(empty.status != 0)
        #expect(empty.errors.contains("the title cannot be empty"))
        let control = try run(["new", "entry", "control", "--date", "2020", "--title", "Line\rend\u{7F}"], in: root)
        #expect(control.status == 0, "\(control.errors)")
        #expect(try String(contentsOfFile: root + "/Content/entries/control.md", encoding: .utf8).contains(#"title: "Line\rend\x7F""#))
        // Invalid ids and dates are refused before anything is written.
        let badDate = try run(["new", "entry", "later", "--date", "2020-13", "--title", "T"], in: root)
        #expect(badDate.status != 0)
        #expect(badDate.errors.contains("invalid date '2020-13'"))
        let badID = try run(["new", "topic", "Big Topic", "--title", "T", "--kind", "theme"], in: root)
        #expect(badID.status != 0)
        #expect(badID.errors.contains("try 'big-topic'"))
        let topic = try run(["new", "topic", "ferry", "--title", "The ferry", "--kind", "place"], in: root)
        #expect(topic.status == 0)
        // A new topic builds as it is (a new entry needs a source first).
        try FileManager.default.removeItem(atPath: root + "/Content/entries/bridge-closed.md")
        try FileManager.default.removeItem(atPath: root + "/Content/entries/control.md")
        let build = try run(["build"], in: root)
        #expect(build.status == 0, "\(build.errors)")
    }

    @Test func helpListsTheCommands() throws {
        let result = try run(["--help"], in: TestSupport.temporaryFolder())
        #expect(result.status == 0)
        for command in ["build", "check", "new"] { #expect(result.output.contains(command)) }
    }
    @Test func printsItsVersionAndNamesTheClosestCommand() throws {
        let root = try project()
        let version = try run(["--version"], in: root)
        #expect(version.status == 0)
        #expect(version.output.range(of: #"^timeline \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.output)")
        let typo = try run(["biuld"], in: root)
        #expect(typo.status == 64)
        #expect(typo.errors.hasPrefix("error: unknown command 'biuld'; did you mean 'build'?\n"), "\(typo.errors)")
        #expect(try run(["help", "build"], in: root).status == 0)
    }

    /// Diagnostics for machines: JSON, one object a line on standard output, and GitHub workflow commands;
    /// `--quiet` leaves only the diagnostics.
    @Test func printsDiagnosticsForMachines() throws {
        let root = try project()
        try "- id: spare\n  date: 2020\n".appendLine(to: root + "/Content/sources.yaml")
        let json = try run(["check", "--format", "json"], in: root)
        #expect(json.status == 0)
        let lines = json.output.split(separator: "\n")
        #expect(lines.count == 1, "\(json.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["file"] as? String == "Content/sources.yaml")
        #expect(object["line"] as? Int != nil && object["column"] as? Int != nil)
        #expect(object["severity"] as? String == "warning" && object["id"] as? String == "unused-source")
        #expect(object["message"] as? String == "source 'spare' is not cited anywhere")
        #expect(json.errors.contains("No errors, 1 warning."), "the summary is for people, on standard error")
        let github = try run(["check", "--format", "github"], in: root)
        #expect(github.output.hasPrefix("::warning file=Content/sources.yaml,line="), "\(github.output)")
        #expect(github.output.contains(",title=unused-source::source 'spare' is not cited anywhere\n"))
        let quiet = try run(["check", "--quiet"], in: root)
        #expect(quiet.output == "")
        #expect(quiet.errors.hasSuffix("warning: source 'spare' is not cited anywhere [unused-source]\n"), "\(quiet.errors)")
    }


    /// `--base-url` (or `TIMELINE_BASE_URL`) publishes the site at another address, as a deploy preview does,
    /// and the folders above the output are made when missing.
    @Test func buildsForAnotherAddressIntoANewFolder() throws {
        let root = try project()
        let result = try run(["build", "--base-url", "https://preview.example.org/pr-7", "--output", "dist/site"], in: root)
        #expect(result.status == 0, "\(result.errors)")
        let index = try String(contentsOfFile: root + "/dist/site/index.html", encoding: .utf8)
        #expect(index.contains("https://preview.example.org/pr-7/"), "the canonical address is the preview's")
        #expect(FileManager.default.fileExists(atPath: root + "/dist/site/sitemap.xml"))
        let refused = try run(["build", "--base-url", "preview.example.org"], in: root)
        #expect(refused.status == 64)
        #expect(refused.errors.contains("the base URL must be an absolute http or https address"), "\(refused.errors)")
    }
}

extension String {
    func appendLine(to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(utf8))
        try handle.close()
    }

}
