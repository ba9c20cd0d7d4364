import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import TimelineBuild
import TimelineContent
import TimelineCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the content, then write the site into the output folder.",
        discussion: "Nothing is written unless every check passes; the previous site stays as it was.")

    @OptionGroup var folders: Folders

    func run() throws {
        let log = DiagnosticLog()
        var options = folders.buildOptions
        options.endsWithBuild = true
        let builder = SiteBuilder(options: options)
        let output: DirectoryOutput
        do {
            output = try DirectoryOutput(path: folders.output, protecting: [folders.content, folders.buildOptions.templatesFolder])
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        if folders.verbose { Reporter(folders: folders).say(folders.themeLine) }
        let summary: BuildSummary?
        var cache = BuildCache.load(from: output.cachePath)
        do {
            summary = try builder.build(into: output, log: log, cache: &cache)
            if summary != nil { cache.save() }
        } catch {
            Reporter(folders: folders).diagnostics(log)
            printError(error.description)
            throw ExitCode(1)
        }
        Reporter(folders: folders).diagnostics(log)
        guard let summary else {
            printError("build failed; '\(folders.output)' was left as it was")
            throw ExitCode(1)
        }
        Reporter(folders: folders).say("Built \(folders.output): \(summary)")
        for note in summary.notes { Reporter(folders: folders).say("note: \(note)") }
        // The build is written and its cache saved: the system reclaims the notes and pages held in memory
        // at once, where releasing them object by object would take a tenth of a second per 10,000 entries.
        fflush(nil)
        Glibc.exit(0)
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content and templates without writing anything.")

    @OptionGroup var folders: Folders

    func run() throws {
        let log = DiagnosticLog()
        if folders.verbose { Reporter(folders: folders).say(folders.themeLine) }
        let prepared = SiteBuilder(options: folders.buildOptions).prepare(log: log)
        Reporter(folders: folders).diagnostics(log)
        guard let prepared else { throw ExitCode(1) }
        if log.warningCount == 0 { Reporter(folders: folders).say("No problems found.") }
        for note in SiteBuilder.notes(on: prepared) { Reporter(folders: folders).say("note: \(note)") }
    }
}
