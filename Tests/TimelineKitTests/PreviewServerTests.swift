import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelinePreview
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

        init(in folder: String, arguments: [String] = ["--port", "0"], environment: [String: String] = [:]) throws {
            process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
            process.arguments = ["serve"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
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

    /// The preview starts from the cache a `timeline build` left beside the output, and leaves one the next
    /// build trusts: neither makes again what the other made, images and share cards included.
    @Test func thePreviewAndTheBuildShareTheirCache() async throws {
        let root = try project()
        func build() throws -> String { try Timeline.run(["build"], in: root).output }
        #expect(try build().contains(" files in "))
        do {
            let server = try Server(in: root)
            #expect(server.port > 0, "the server did not start: \(server.log)")
            #expect(server.log.contains("none changed"), "the preview's first build made files again: \(server.log)")
            let entry = root + "/Content/entries/opening.md"
            let text = try String(contentsOfFile: entry, encoding: .utf8)
            try text.replacingOccurrences(of: "opened on a Friday", with: "opened at last on a Friday").write(toFile: entry, atomically: true, encoding: .utf8)
            #expect(try await server.waitFor("/entries/opening.html") { $0.contains("opened at last on a Friday") })
        }
        let after = try build()
        #expect(after.contains("none changed"), "the build after the preview made files again: \(after)")
    }

    /// A stop signal that comes while the preview rebuilds waits for the build's output and cache: stopped as
    /// soon as the edited page is on disk, the preview still leaves a cache the next build trusts.
    @Test func aStopDuringARebuildWaitsForItsCache() async throws {
        let root = try project()
        let server = try Server(in: root)
        #expect(server.port > 0, "the server did not start: \(server.log)")
        let entry = root + "/Content/entries/opening.md"
        let page = root + "/Public/entries/opening.html"
        let text = try String(contentsOfFile: entry, encoding: .utf8)
        try text.replacingOccurrences(of: "opened on a Friday", with: "opened at last on a Friday").write(toFile: entry, atomically: true, encoding: .utf8)
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, !((try? String(contentsOfFile: page, encoding: .utf8))?.contains("opened at last") ?? false) {}
        server.process.terminate()
        server.process.waitUntilExit()
        let log = server.log + String(decoding: server.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(server.process.terminationReason == .uncaughtSignal && server.process.terminationStatus == SIGTERM, "\(log)")
        #expect(log.components(separatedBy: "Built ").count >= 3, "the rebuild did not finish: \(log)")
        let after = try Timeline.run(["build"], in: root).output
        #expect(after.contains("none changed"), "the build after the stopped preview made files again: \(after)")
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

    // MARK: Hostile clients, over real sockets

    /// A listener of this process with a handler that answers "hello", run until the test ends.
    final class Listener {
        let listener: PreviewListener
        let task: Task<Void, any Error>

        init(_ limits: PreviewLimits) throws {
            listener = try PreviewListener(port: 0, limits: limits)
            let routes = PreviewRoute { _ in PreviewResponse(.ok, body: Array("hello".utf8)) }
            task = Task { [listener, routes] in try await listener.run(routes) }
        }

        deinit { task.cancel() }
    }

    /// Sends `request` on a new connection and returns the answer's first line, or "" when the connection
    /// closes without one, waiting at most `seconds`.
    static func statusLine(port: UInt16, sending request: [UInt8], seconds: Double = 10) -> String {
        guard let client = RawClient(port: port, seconds: seconds) else { return "cannot connect" }
        client.send(request)
        shutdown(client.descriptor, Int32(SHUT_WR))
        return client.receiveAll().split(separator: "\r\n").first.map(String.init) ?? ""
    }

    /// Runs a test's blocking socket work on a thread of its own, and records what it found wrong. The server
    /// under test runs on Swift's cooperative threads; blocking work on them (this test's, or a long test of
    /// another suite running at the same time) would leave it none to answer with.
    static func onOwnThread(_ body: @escaping @Sendable (inout [String]) -> Void) async {
        let problems: [String] = await withCheckedContinuation { continuation in
            Thread {
                var problems: [String] = []
                body(&problems)
                continuation.resume(returning: problems)
            }.start()
        }
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }

    @Test func anOversizedRequestLineOrHeadIsRefusedAtOnce() async throws {
        let server = try Listener(PreviewLimits())
        let port = server.listener.port
        await Self.onOwnThread { problems in
            func expect(_ answer: String, _ wanted: String, _ what: String) {
                if answer != wanted { problems.append("\(what): answered '\(answer)', not '\(wanted)'") }
            }
            for length in [50_000, 200_000, 5_000_000] {
                let start = Date()
                let line = Self.statusLine(port: port, sending: Array("GET /".utf8) + [UInt8](repeating: 0x61, count: length) + Array(" HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
                expect(line, "HTTP/1.1 414 URI Too Long", "a request line of \(length) bytes")
                let seconds = Date().timeIntervalSince(start)
                if seconds >= 5 { problems.append("a request line of \(length) bytes took \(seconds) s") }
            }
            let fields = Array("GET / HTTP/1.1\r\n".utf8) + Array(repeating: Array("X-Padding: 0123456789012345678901234567890123456789\r\n".utf8), count: 2000).flatMap { $0 }
            expect(Self.statusLine(port: port, sending: fields + Array("\r\n".utf8)), "HTTP/1.1 431 Request Header Fields Too Large", "a long head")
            expect(Self.statusLine(port: port, sending: Array("GET /\u{1}x HTTP/1.1\r\n\r\n".utf8)), "HTTP/1.1 400 Bad Request", "a control character")
            expect(Self.statusLine(port: port, sending: Array("GET / HTTP/2.0\r\n\r\n".utf8)), "HTTP/1.1 505 HTTP Version Not Supported", "HTTP/2.0")
            expect(Self.statusLine(port: port, sending: Array("GET / HTTP/1.1\r\nConnection: close\r\n\r\n".utf8)), "HTTP/1.1 200 OK", "a good request")
        }
        withExtendedLifetime(server) {}
    }

    /// Heads are the same however their bytes arrive, pipelined requests are read one after the other, and
    /// the limits count bytes, not reads.
    @Test func requestHeadsAreReadTheSameWhateverTheReads() throws {
        let bytes = Array("\r\nGET /a?b=1 HTTP/1.1\r\nHost: x\r\nAccept:  text/html \r\n\r\nHEAD / HTTP/1.0\nConnection: keep-alive\n\n".utf8)
        let first = RequestHead(method: "GET", target: "/a?b=1", version: "HTTP/1.1", fields: [("host", "x"), ("accept", "text/html")])
        let second = RequestHead(method: "HEAD", target: "/", version: "HTTP/1.0", fields: [("connection", "keep-alive")])
        var generator = SeededGenerator(state: 14)
        for _ in 0..<200 {
            var reader = RequestHeadReader(limits: PreviewLimits())
            var heads: [RequestHead] = []
            var rest = bytes[...]
            while !rest.isEmpty {
                let count = Int.random(in: 1...rest.count, using: &generator)
                if let head = try reader.receive(rest.prefix(count)) { heads.append(head) }
                while let head = try reader.nextHead() { heads.append(head) }
                rest = rest.dropFirst(count)
            }
            #expect(heads == [first, second])
        }
        #expect(first.keepsConnection && second.keepsConnection)
        #expect(first.request.query["b"] == "1")
        var limits = PreviewLimits()
        limits.requestLine = 10
        var reader = RequestHeadReader(limits: limits)
        #expect(throws: HeadProblem.requestLineTooLong) { for byte in Array("GET /0123456789".utf8) { _ = try reader.receive([byte]) } }
    }

    /// A target's query is split into decoded items, and an answer is written with its length, without its
    /// body for HEAD, and without header fields that would contradict the connection's own.
    @Test func queriesAreDecodedAndAnswersWrittenWithTheirLength() {
        let request = PreviewRequest(method: "GET", target: "/_timeline/wait?since=12&q=a+b%2Fc&since=13&flag")
        #expect(request.path == "/_timeline/wait")
        #expect(request.query == ["since": "12", "q": "a b/c", "flag": ""])
        #expect(PreviewRequest(method: "GET", target: "/a%20b").query.isEmpty)
        let answer = PreviewResponse(.ok, fields: [("Content-Type", "text/plain"), ("Content-Length", "99"), ("Connection", "x")], body: Array("hello".utf8))
        let text = { (method: String, keeps: Bool) in String(decoding: PreviewConnection.bytes(of: answer, method: method, keepsConnection: keeps), as: UTF8.self) }
        #expect(text("GET", true) == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello")
        #expect(text("HEAD", false) == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\n")
    }

    @Test func idleAndHalfOpenConnectionsNeitherBlockRequestsNorStayOpen() async throws {
        var limits = PreviewLimits()
        limits.connections = 8
        limits.headSeconds = 1
        let server = try Listener(limits)
        let port = server.listener.port
        await Self.onOwnThread { problems in
            // Far more connections than the limit, half of them with a head that never ends.
            let idle = (0..<40).compactMap { number -> RawClient? in
                let client = RawClient(port: port, seconds: 10)
                if number.isMultiple(of: 2) { client?.send(Array("GET / HTTP/1.1\r\nX-Slow: ".utf8)) }
                return client
            }
            if idle.count != 40 { problems.append("only \(idle.count) of 40 connections were made") }
            let start = Date()
            let answer = Self.statusLine(port: port, sending: Array("GET / HTTP/1.1\r\nConnection: close\r\n\r\n".utf8))
            if answer != "HTTP/1.1 200 OK" { problems.append("a good request beside idle ones was answered '\(answer)'") }
            if Date().timeIntervalSince(start) >= 2 { problems.append("a good request beside idle ones took \(Date().timeIntervalSince(start)) s") }
            // A head sent a byte at a time gets no more time than one sent at once.
            guard let slow = RawClient(port: port, seconds: 10) else {
                problems.append("cannot connect")
                return
            }
            let trickle = Date()
            for byte in Array("GET / HTTP/1.1\r\nX-Slow: 1234567890".utf8) {
                slow.send([byte])
                usleep(100_000)
            }
            if slow.receiveAll() != "" { problems.append("the trickled connection was answered instead of closed") }
            if Date().timeIntervalSince(trickle) >= 5 { problems.append("the trickled connection stayed open \(Date().timeIntervalSince(trickle)) s") }
            // Every idle connection has been closed by the server.
            for client in idle where client.receiveAll() != "" { problems.append("an idle connection was answered") }
        }
        withExtendedLifetime(server) {}
    }

    @Test func aBusyPortIsNamedAtOnce() throws {
        let taken = try PreviewListener(port: 0)
        #expect(throws: ListenError.self) { _ = try PreviewListener(port: taken.port) }
        let root = try project()
        let run = try Timeline.run(["serve", "--port", String(taken.port)], in: root, timeout: 30)
        #expect(run.status == 1)
        #expect(run.seconds < 3)
        #expect(run.errors == "error: port \(taken.port) is in use by another program; stop it, or choose another port with --port (--port 0 picks a free one)\n")
    }

    /// With few file descriptors, more connections than descriptors: the server refuses some, closes others,
    /// and is still serving once they are gone.
    @Test func runningOutOfFileDescriptorsDoesNotStopTheServer() async throws {
        let root = try project()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -n 48 && exec \"$0\" serve --port 0", CommandLineTests.executable]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        var log = "", port: UInt16 = 0
        while port == 0 {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            log += String(decoding: data, as: UTF8.self)
            if let range = log.range(of: "http://127.0.0.1:") { port = UInt16(log[range.upperBound...].prefix { $0.isNumber }) ?? 0 }
        }
        #expect(port > 0, "\(log)")
        var clients: [RawClient] = []
        for _ in 0..<200 {
            guard let client = RawClient(port: port, seconds: 5) else { break }
            client.send(Array("GET / HTTP/1.1\r\nX-Slow: ".utf8))
            clients.append(client)
        }
        #expect(clients.count == 200)
        #expect(process.isRunning, "\(log)")
        clients = []
        // The server notices the closed connections as it polls them; on a busy machine that can take a moment.
        var status = ""
        for _ in 0..<20 {
            try await Task.sleep(nanoseconds: 250_000_000)
            status = Self.statusLine(port: port, sending: Array("GET / HTTP/1.1\r\nConnection: close\r\n\r\n".utf8))
            if status == "HTTP/1.1 200 OK" { break }
        }
        #expect(process.isRunning)
        #expect(status == "HTTP/1.1 200 OK")
    }
}

/// A TCP client on a bare socket, to send what no HTTP library would.
final class RawClient {
    let descriptor: Int32

    /// Connects to 127.0.0.1:`port`; reads wait at most `seconds`.
    init?(port: UInt16, seconds: Double) {
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: .init((seconds - seconds.rounded(.down)) * 1e6))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if connected != 0 {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// Sends bytes, as many as the server takes before it closes or the time is up.
    func send(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            #if canImport(Glibc)
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            #else
            let count = bytes[sent...].withUnsafeBytes { Darwin.send(descriptor, $0.baseAddress, $0.count, 0) }
            #endif
            if count <= 0 { return }
            sent += count
        }
    }

    /// Everything received until the server closes the connection or the time is up.
    func receiveAll() -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
