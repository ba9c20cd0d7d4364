import ArgumentParser
import Foundation
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

    @Option(help: "The port to listen on (0 picks a free one); when the default port is taken, the next free one is used.")
    var port: UInt16?

    @Option(help: "The IPv4 address to listen on: 127.0.0.1, this machine only; 0.0.0.0, every address, to preview on a phone.")
    var bind = "127.0.0.1"

    @Flag(help: "Open the site in the default web browser once it is served.")
    var open = false

    static let defaultPort: UInt16 = 8000

    func validate() throws {
        if Self.address(bind) == nil { throw ValidationError("--bind takes an IPv4 address, such as 127.0.0.1 or 0.0.0.0, not '\(bind)'") }
    }

    /// The dotted IPv4 address `text` names (`localhost` names 127.0.0.1), or nil.
    static func address(_ text: String) -> String? {
        let text = text == "localhost" ? "127.0.0.1" : text
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1 ? text : nil
    }

    func run() async throws {
        let opens = open
        let server = PreviewServer(
            options: folders.buildOptions, address: Self.address(bind) ?? bind, port: port ?? Self.defaultPort, triesNextPorts: port == nil,
            print: { line in FileHandleWriter.write(line + "\n", toStandardError: false) },
            ready: { url in if opens { Self.openInBrowser(url) } })
        server.gate.stopOnSignals { line in FileHandleWriter.write(line + "\n", toStandardError: false) }
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

    /// Opens `url` with the system's opener (`xdg-open`, or `open` on macOS), found on the PATH; says so when
    /// there is none.
    static func openInBrowser(_ url: String) {
        #if os(macOS)
        let opener = "open"
        #else
        let opener = "xdg-open"
        #endif
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let path = folders.map({ "\($0)/\(opener)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            printError("note: cannot open a browser: no '\(opener)' on the PATH; open \(url) yourself")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { printError("note: cannot open a browser with \(path): \(error); open \(url) yourself") }
    }
}
