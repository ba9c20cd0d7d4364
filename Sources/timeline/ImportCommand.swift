import ArgumentParser
import TimelineKit
#if canImport(Glibc)
import Glibc
#endif

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
        for folder in ["entries", "topics", "pages"] {
            for item in (try? LocalFileSystem().listDirectory(content + "/" + folder)) ?? [] ?? [] where item.name.hasSuffix(".md") {
                existing.insert(String(item.name.dropLast(3)))
            }
        }
        let result = TimelineJSImporter(existingIDs: existing).convert(csv: String(decoding: bytes, as: UTF8.self), fileName: file)
        var written = 0
        for note in result.files {
            let path = content + "/" + note.path
            let folder = String(path[..<path.lastIndex(of: "/")!])
            mkdir(content, 0o755)
            mkdir(folder, 0o755)
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o644)
            guard fd >= 0 else {
                printError("\(path): warning: not written: \(errno == EEXIST ? "a note with this id already exists" : String(cString: strerror(errno)))")
                continue
            }
            let data = Array(note.text.utf8)
            let count = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
            close(fd)
            if count == data.count { written += 1 } else { unlink(path); printError("\(path): error: cannot write the note") }
        }
        for message in result.messages { printError(message) }
        print("Imported \(written) note\(written == 1 ? "" : "s") into \(content)")
        if result.files.isEmpty, result.messages.contains(where: { $0.contains("error:") }) { throw ExitCode(1) }
    }
}
