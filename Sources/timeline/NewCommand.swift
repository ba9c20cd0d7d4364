import ArgumentParser
import TimelineBuild
import TimelineContent
import TimelineCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a ready-to-edit note: an entry, a topic or a page, as a draft that builds leave out until it is published.")

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
        if let problem = NoteScaffold.problem(id: id, title: title, date: date, kind: noteKind, topicKind: topicKind) {
            throw ValidationError(problem)
        }
    }

    /// Writes the note, unless its id is taken by a note of any kind, or its title would not read back as given
    /// (surrounding spaces aside, which the build drops).
    func run() throws {
        let path = noteKind.folder + "/" + id + ".md"
        if let existing = NoteScaffold.existingNote(id, in: content) {
            printError("\(existing): error: a note with this id already exists; entries, topics and pages share ids, as [[\(id)]] must name one of them")
            throw ExitCode(1)
        }
        let title = title.trimmingWhitespace
        let text = NoteScaffold.text(kind: noteKind, title: title, date: date, topicKind: topicKind)
        if let problem = NoteScaffold.readBackProblem(text, kind: noteKind, id: id, title: title, path: content + "/" + path) {
            printError("error: \(problem)")
            throw ExitCode(1)
        }
        do {
            try NoteScaffold.create(path, text: text, in: content)
        } catch {
            printError("\(error.path): error: \(error.reason)")
            throw ExitCode(1)
        }
        print("Created \(content)/\(path), a draft: 'timeline serve --drafts' shows it; remove its 'draft: true' line to publish it")
    }
}

extension NoteKind: ExpressibleByArgument {}
