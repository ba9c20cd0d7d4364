import ArgumentParser
import Foundation
import TimelineBuild
import TimelineContent
import TimelineCore

/// The folders a command reads and writes.
struct Folders: ParsableArguments {
    @Option(help: "The content folder: site.yaml, sources.yaml, facts.yaml, entries/, topics/, pages/.")
    var content = "Content"

    @Option(help: "The site's templates folder (default: Templates, if it exists): Mustache templates and assets/ that replace the built-in theme's files of the same paths.")
    var templates: String?

    @Option(help: "The folder the site is written to; every build replaces it whole.")
    var output = "Public"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "The address the site is published at, in place of site.yaml's base_url (a deploy preview's, say); TIMELINE_BASE_URL gives it too.")
    var baseURL: String?

    @Option(help: "How to print diagnostics: text; json, one object a line on standard output; or github, workflow commands that annotate a pull request.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Include the notes marked 'draft: true', each marked as a draft on its page; without it they are left out.")
    var drafts = false

    @Flag(help: "Print only the diagnostics: no summary and no notes.")
    var quiet = false

    @Flag(help: "Print more: which templates are the site's own, and how long each stage of the build took.")
    var verbose = false

    var buildOptions: BuildOptions {
        let environment = ProcessInfo.processInfo.environment["TIMELINE_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        var options = BuildOptions(
            contentFolder: content, templatesFolder: templates ?? "Templates", outputFolder: output, templatesMustExist: templates != nil, strict: strict, drafts: drafts,
            baseURL: baseURL ?? environment)
        options.verbose = verbose
        return options
    }

    /// Which of the theme's files the site's templates folder replaces, for `--verbose`.
    var themeLine: String {
        let folder = buildOptions.templatesFolder
        let own = ThemeEject.paths.filter { LocalFileSystem().kind(of: folder + "/" + $0) != nil }
        return own.isEmpty ? "Templates: the built-in theme" : "Templates: the built-in theme, with the site's own " + own.map { folder + "/" + $0 }.joined(separator: ", ")
    }

    mutating func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose ask for opposite things; give one of them") }
        if let url = baseURL, let problem = BuildOptions.baseURLProblem(url) { throw ValidationError(problem) }
        if baseURL == nil, let url = ProcessInfo.processInfo.environment["TIMELINE_BASE_URL"], !url.isEmpty, let problem = BuildOptions.baseURLProblem(url) {
            throw ValidationError("TIMELINE_BASE_URL: " + problem)
        }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// Prints what a command has to say, as its options ask: diagnostics as text on standard error, or in a
/// format for machines on standard output (what is said for people then goes to standard error, so that
/// standard output holds only the diagnostics); `--quiet` leaves out all but the diagnostics.
struct Reporter {
    let folders: Folders

    /// A run's diagnostics, then how many there were.
    func diagnostics(_ log: DiagnosticLog) {
        for diagnostic in log.diagnostics {
            if folders.format == .text { printError(diagnostic.description) } else { print(folders.format.format(diagnostic)) }
        }
        if !folders.quiet, let summary = log.summary(strict: folders.strict) { printError(summary) }
    }

    /// A line for people: what was built, or a note.
    func say(_ text: String) {
        guard !folders.quiet else { return }
        if folders.format == .text { print(text) } else { printError(text) }
    }
}


func printError(_ text: String) {
    var standardError = StandardError()
    print(text, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleWriter.write(string, toStandardError: true)
    }
}
