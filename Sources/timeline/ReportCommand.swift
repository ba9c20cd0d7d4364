import ArgumentParser
import TimelineBuild
import TimelineCore

/// `timeline report`: how well the site is held to its sources.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report quotations verified against archived sources, uncited paragraphs and figures outside the fact set.")

    @OptionGroup var folders: Folders

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let log = DiagnosticLog()
        guard let report = SiteBuilder(options: folders.buildOptions).report(log: log) else {
            Reporter(folders: folders).diagnostics(log)
            throw ExitCode(1)
        }
        print(json ? report.json.serialized(pretty: true) : report.text)
    }
}
