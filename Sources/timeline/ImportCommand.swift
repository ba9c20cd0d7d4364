import ArgumentParser
import TimelineBuild
import TimelineContent
import TimelineCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create notes from another tool's data.",
        subcommands: [ImportTimelineJS.self])
}

struct ImportTimelineJS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timelinejs",
        abstract: "Turn a TimelineJS spreadsheet, saved as CSV, into entry files (and topic files for its groups).",
        discussion: "Existing notes are never replaced. Imported entries have no sources yet: cite one in each before building.")

    @Argument(help: "The spreadsheet as CSV, with TimelineJS's template columns (Year, Month, Day, Headline, Text, Group, …).")
    var file: String

    @Option(help: "The content folder to write into.")
    var content = "Content"

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try LocalFileSystem().readFile(file, limit: 64 << 20)
        } catch {
            printError("\(file): error: \(error.reason)")
            throw ExitCode(1)
        }
        var existing = Set<String>()
        for kind in NoteKind.allCases {
            for item in ((try? LocalFileSystem().listDirectory(content + "/" + kind.folder)) ?? nil) ?? [] where item.name.hasSuffix(".md") {
                existing.insert(String(item.name.dropLast(3)))
            }
        }
        let result = TimelineJSImporter(existingIDs: existing).convert(bytes: bytes, fileName: file)
        var written = 0
        for note in result.files {
            do {
                try NoteScaffold.create(note.path, text: note.text, in: content)
                written += 1
            } catch {
                printError("\(error.path): \(error.kind == .exists ? "warning: not written" : "error: cannot write the note"): \(error.reason)")
            }
        }
        for message in result.messages { printError(message) }
        print("Imported \(written) note\(written == 1 ? "" : "s") into \(content)")
        if result.files.isEmpty, result.messages.contains(where: { $0.contains("error:") }) { throw ExitCode(1) }
    }
}
