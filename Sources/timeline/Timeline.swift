import ArgumentParser
import TimelineBuild
import TimelineContent
import TimelineCore

@main
struct Timeline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Builds a cited, cross-linked timeline site from Markdown notes and a fact set.",
        subcommands: [BuildCommand.self, CheckCommand.self, ReportCommand.self, NewCommand.self, ImportCommand.self, ServeCommand.self])
}
