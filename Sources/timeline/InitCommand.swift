import ArgumentParser
import TimelineBuild
import TimelineContent
import TimelineCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site: settings, a sample entry, topic, source and fact, ready to build and serve.",
        discussion: "The site uses the built-in theme; 'timeline theme eject' copies its files out for editing.")

    @Argument(help: "The folder of the new site; it is created if it does not exist.")
    var folder = "."

    /// Writes the new site, unless the folder already holds content.
    func run() throws {
        let files = LocalFileSystem()
        let folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        if let kind = files.kind(of: folder), kind != .directory, files.resolvedPath(folder).flatMap(files.kind(of:)) != .directory {
            printError("\(folder): error: a file is in the way; give the name of a folder to create")
            throw ExitCode(1)
        }
        if files.kind(of: folder + "/Content") != nil {
            printError("\(folder)/Content: error: this folder already holds a site; 'timeline build' builds it, or give another folder")
            throw ExitCode(1)
        }
        let outcome: StarterFiles.Outcome
        do {
            try files.createFolder(folder)
            outcome = try SiteScaffold.files.write(into: folder)
        } catch {
            printError("\(error.path): error: \(error.reason)")
            throw ExitCode(1)
        }
        for path in outcome.kept { print("Kept \(folder)/\(path), which was there already") }
        let enter = folder == "." ? "" : "cd \(folder) && "
        print("""
            Created a site in \(folder == "." ? "this folder" : folder): \(outcome.written.count) files.
            Build it:     \(enter)timeline build
            Preview it:   \(enter)timeline serve
            Add a note:   timeline new entry ID --title "…" --date 2025-07-24
            """)
    }
}
