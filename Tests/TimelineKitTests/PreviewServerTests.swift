import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// Drives `timeline serve` over HTTP: a change to a file is served after the rebuild, a failed build keeps the
/// last good site and reports the error, and no request reaches outside the output folder.
@Suite(.serialized) struct PreviewServerTests {
    final class Server {
        let process = Process()
        let output = Pipe()
        var port = 0
        var log = ""

        init(in folder: String) throws {
            process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
            process.arguments = ["serve", "--port", "0"]
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            while port == 0, Date() < deadline {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                log += String(decoding: data, as: UTF8.self)
                if let range = log.range(of: "http://127.0.0.1:") {
                    let digits = log[range.upperBound...].prefix { $0.isNumber }
                    port = Int(digits) ?? 0
                }
            }
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
        }

        func get(_ path: String) async throws -> (status: Int, body: String, type: String) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)")!.appendingPathComponent("").absoluteURL)
            request.url = URL(string: "http://127.0.0.1:\(port)\(path)")
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as! HTTPURLResponse
            return (http.statusCode, String(decoding: data, as: UTF8.self), http.value(forHTTPHeaderField: "Content-Type") ?? "")
        }

        /// Fetches a page until its body satisfies a condition, or gives up after some seconds.
        func waitFor(_ path: String, seconds: Double = 15, until condition: (String) -> Bool) async throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition(try await get(path).body) { return true }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            return false
        }
    }

    private func project() throws -> String {
        let root = TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestSupport.exampleContent, toPath: root + "/Content")
        try FileManager.default.copyItem(atPath: TestSupport.templates, toPath: root + "/Templates")
        return root
    }

    @Test func servesTheSiteAndItsChanges() async throws {
        let root = try project()
        let server = try Server(in: root)
        #expect(server.port > 0, "the server did not start: \(server.log)")
        let index = try await server.get("/")
        #expect(index.status == 200)
        #expect(index.type == "text/html; charset=utf-8")
        #expect(index.body.contains("Northport Harbour Bridge"))
        // The reload script is in the served page, never in the built file.
        let page = try await server.get("/entries/opening.html")
        #expect(page.body.contains("/_timeline/reload.js"))
        let written = try String(contentsOfFile: root + "/Public/entries/opening.html", encoding: .utf8)
        #expect(!written.contains("_timeline"))
        #expect(try await server.get("/assets/style.css").type == "text/css; charset=utf-8")

        // Edit an entry: the new text is served after the rebuild.
        let entry = root + "/Content/entries/opening.md"
        let text = try String(contentsOfFile: entry, encoding: .utf8)
        try text.replacingOccurrences(of: "opened on a Friday", with: "opened at last on a Friday").write(toFile: entry, atomically: true, encoding: .utf8)
        #expect(try await server.waitFor("/entries/opening.html") { $0.contains("opened at last on a Friday") })

        // Break it: the last good page stays served, and the preview reports the error with its place.
        try text.replacingOccurrences(of: "[@gazette-2009]", with: "[@nowhere]").write(toFile: entry, atomically: true, encoding: .utf8)
        #expect(try await server.waitFor("/_timeline/wait?since=0", seconds: 15) { $0.contains("unknown source 'nowhere'") })
        let state = try await server.get("/_timeline/wait?since=0").body
        #expect(state.contains("Content/entries/opening.md:13:"))
        #expect(try await server.get("/entries/opening.html").body.contains("opened at last on a Friday"))
    }

    @Test func refusesPathsOutsideTheSite() async throws {
        let root = try project()
        let server = try Server(in: root)
        #expect(server.port > 0)
        try "secret".write(toFile: root + "/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/Public/link.txt", withDestinationPath: root + "/secret.txt")
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/entries%2f..%2f..%2fsecret.txt", "/link.txt", "/.timeline-site",
                     "/entries/..%5c..%5csecret.txt", "/nothing.html"] {
            let response = try await server.get(path)
            #expect(response.status == 404, "\(path) answered \(response.status)")
            #expect(!response.body.contains("secret"), "\(path) leaked a file")
        }
        // The site's own 404 page is served for missing pages.
        #expect(try await server.get("/nothing.html").body.contains("Page not found"))
    }
}
