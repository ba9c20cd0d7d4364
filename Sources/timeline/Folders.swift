import ArgumentParser
import TimelineBuild
import TimelineContent
import TimelineCore

/// The folders a command reads and writes.
struct Folders: ParsableArguments {
    @Option(help: "The content folder: site.yaml, sources.yaml, facts.yaml, entries/, topics/, pages/.")
    var content = "Content"

    @Option(help: "The templates folder: Mustache templates and assets/.")
    var templates = "Templates"

    @Option(help: "The folder the site is written to; every build replaces it whole.")
    var output = "Public"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    var buildOptions: BuildOptions {
        BuildOptions(contentFolder: content, templatesFolder: templates, outputFolder: output, strict: strict)
    }
}

/// Prints a run's diagnostics to standard error, then how many there were.
func printDiagnostics(_ log: DiagnosticLog, strict: Bool = false) {
    for diagnostic in log.diagnostics { printError(diagnostic.description) }
    if let summary = log.summary(strict: strict) { printError(summary) }
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
