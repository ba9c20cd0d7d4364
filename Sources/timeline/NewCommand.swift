import ArgumentParser
import TimelineBuild
import TimelineContent
import TimelineCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a ready-to-edit note: an entry, a topic or a page.")

    @Argument(help: "What to create: entry, topic or page.")
    var noteKind: NoteKind

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
        let path = noteKind.folder + "/" + id + ".md"
        do {
            try NoteScaffold.create(path, text: NoteScaffold.text(kind: noteKind, title: title, date: date, topicKind: topicKind), in: content)
        } catch {
            printError("\(error.path): error: \(error.reason)")
            throw ExitCode(1)
        }
        print("Created \(content)/\(path)")
    }
}

extension NoteKind: ExpressibleByArgument {}
