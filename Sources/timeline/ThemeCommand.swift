import ArgumentParser
import TimelineBuild
import TimelineContent
import TimelineCore

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the built-in theme.",
        subcommands: [ThemeEjectCommand.self, ThemeListCommand.self])
}

struct ThemeEjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eject",
        abstract: "Copy files of the built-in theme into the templates folder, to edit them there.",
        discussion: """
            A file in the templates folder replaces the built-in file of the same path, so copy only the files you \
            mean to change: a template (entry or entry.mustache), a folder (partials, assets), or, with no name, all \
            of them. A file already in the templates folder is kept as it is.
            """)

    @Argument(help: "The files to copy, as 'timeline theme list' names them; all of them when none is given.")
    var names: [String] = []

    @Option(help: "The site's templates folder.")
    var templates = "Templates"

    func run() throws {
        let chosen: StarterFiles
        switch ThemeEject.files(named: names) {
        case .success(let files): chosen = files
        case .failure(let unknown):
            printError("error: the built-in theme has no file '\(unknown.name)'" + (unknown.closest.map { "; did you mean '\($0)'?" } ?? "") + "; 'timeline theme list' names them")
            throw ExitCode(1)
        }
        let outcome: StarterFiles.Outcome
        do {
            outcome = try chosen.write(into: templates)
        } catch {
            printError("\(error.path): error: \(error.reason)")
            throw ExitCode(1)
        }
        for path in outcome.written { print("Copied \(templates)/\(path)") }
        for path in outcome.kept { print("Kept \(templates)/\(path), which is the site's own already") }
    }
}

struct ThemeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the built-in theme's files, marking those the templates folder replaces.")

    @Option(help: "The site's templates folder.")
    var templates = "Templates"

    func run() {
        let files = LocalFileSystem()
        for path in ThemeEject.paths {
            print(files.kind(of: templates + "/" + path) == nil ? path : path + "  (replaced by \(templates)/\(path))")
        }
    }
}
