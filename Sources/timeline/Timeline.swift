import ArgumentParser
import CSystemShim
#if canImport(Glibc)
import Glibc
#endif
import TimelineBuild
import TimelineContent
import TimelineCore

@main
struct Timeline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Builds a cited, cross-linked timeline site from Markdown notes and a fact set.",
        version: "timeline \(version)",
        subcommands: [
            InitCommand.self, BuildCommand.self, CheckCommand.self, ReportCommand.self, NewCommand.self, ImportCommand.self, ServeCommand.self,
            ThemeCommand.self,
        ])

    /// Runs the command line, first turning away a command that does not exist with the closest one.
    static func main() async {
        // The threads of a build allocate from heaps of their own, which glibc grows a page or so at a time,
        // each step a system call: tens of thousands in a large build. 8 MB a step makes them few; steps of
        // 64 MB left 10 MB more resident at the peak of a 10,000-entry build, in no less time.
        timeline_grow_heaps_by(8 << 20)
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        if let first = CommandLine.arguments.dropFirst().first, !first.hasPrefix("-"), !names.contains(first) {
            var message = "error: unknown command '\(first)'"
            if let near = Suggestion.closest(to: first, among: names) { message += "; did you mean '\(near)'?" }
            printError(message + "\nUsage: timeline <subcommand>; see 'timeline --help' for the commands")
            exitProcess(ExitCode.validationFailure.rawValue)
        }
        await main(nil)
    }
}

/// The generator's version, which `timeline --version` prints.
let version = "0.3.0"

/// Ends the process with a status; outside the command types, whose `exit` is another function.
func exitProcess(_ status: Int32) -> Never { exit(status) }
