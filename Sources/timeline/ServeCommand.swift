import ArgumentParser
import TimelineBuild
import TimelineContent
import TimelineCore
import TimelinePreview

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1, and rebuild and reload open pages on every change.",
        discussion: "Only the preview's responses carry the reload script; the files written are those of 'timeline build'.")

    @OptionGroup var folders: Folders

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    func run() async throws {
        let server = PreviewServer(options: folders.buildOptions, port: port) { line in FileHandleWriter.write(line + "\n", toStandardError: false) }
        do {
            try await server.run()
        } catch let error as OutputError {
            printError(error.description)
            throw ExitCode(1)
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
    }
}
