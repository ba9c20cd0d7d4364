import ArgumentParser
import TimelineKit
#if canImport(Glibc)
import Glibc
#endif

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a ready-to-edit note: an entry, a topic or a page.")

    @Argument(help: "What to create: entry, topic or page.")
    var noteKind: NoteScaffold.Kind

    @Argument(help: "The note's id, which is also its file name: lowercase letters, digits and hyphens.")
    var id: String

    @Option(help: "The title.")
    var title: String

    @Option(help: "For an entry: its date in EDTF, such as 2025-07-24, 2024-06, 2021 or 2004/2017.")
    var date: String?

    @Option(name: .customLong("kind"), help: "For a topic: person, organisation, place or theme.")
    var topicKind: String?

    @Option(help: "The content folder.")
    var content = "Content"

    func validate() throws {
        if let problem = NoteScaffold.problem(id: id, date: date, kind: noteKind, topicKind: topicKind) {
            throw ValidationError(problem)
        }
    }

    func run() throws {
        let folder = content + "/" + NoteScaffold.folder(noteKind)
        mkdir(content, 0o755)
        mkdir(folder, 0o755)
        let path = folder + "/" + id + ".md"
        let text = NoteScaffold.text(kind: noteKind, title: title, date: date, topicKind: topicKind)
        // O_EXCL: never replace a note that exists.
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o644)
        guard fd >= 0 else {
            printError("\(path): error: \(errno == EEXIST ? "a note with this id already exists" : String(cString: strerror(errno)))")
            throw ExitCode(1)
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
        close(fd)
        guard written == bytes.count else {
            unlink(path)
            printError("\(path): error: cannot write the note")
            throw ExitCode(1)
        }
        print("Created \(path)")
    }
}

extension NoteScaffold.Kind: ExpressibleByArgument {}
