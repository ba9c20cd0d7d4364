import FlyingSocks
import Foundation

/// One client connection of the preview server: reads request heads within the limits, answers each with the
/// site's handlers, and closes when the client does, when it asks to, or when the ``ConnectionTable`` shuts it
/// down for being too slow or to make room.
struct PreviewConnection {
    let socket: AsyncSocket
    let number: Int
    let table: ConnectionTable
    let limits: PreviewLimits

    func serve(_ handler: some PreviewHandler) async {
        var reader = RequestHeadReader(limits: limits)
        do {
            while true {
                guard await table.update(number, to: .waiting) else { break }
                let head: RequestHead
                do {
                    head = try await nextHead(&reader)
                } catch let problem as HeadProblem {
                    guard await table.update(number, to: .sending) else { break }
                    try await send(Self.refusal(problem), method: "GET", keepsConnection: false)
                    guard await table.update(number, to: .closing) else { break }
                    try await dropInput()
                    break
                }
                guard await table.update(number, to: .handling) else { break }
                let request = head.request
                let answer = await Self.answer(request, with: handler)
                guard await table.update(number, to: .sending) else { break }
                try await send(answer, method: head.method, keepsConnection: head.keepsConnection)
                if !head.keepsConnection { break }
            }
        } catch {
            // The client went away, or the connection was shut down: nothing more to say on it.
        }
        await table.remove(number)
        try? socket.close()
    }

    /// Reads until a whole head has arrived; throws ``HeadProblem`` for one that is refused, and any other
    /// error when the input ends first.
    private func nextHead(_ reader: inout RequestHeadReader) async throws -> RequestHead {
        if let head = try reader.nextHead() { return head }
        while true {
            let bytes = try await socket.read(atMost: 16 * 1024)
            if let head = try reader.receive(bytes) { return head }
        }
    }

    /// Ends the output, then reads and drops the input until the client closes or the table shuts the
    /// connection down.
    private func dropInput() async throws {
        #if canImport(Glibc)
        _ = Glibc.shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        #else
        _ = Darwin.shutdown(socket.socket.file.rawValue, SHUT_WR)
        #endif
        while true { _ = try await socket.read(atMost: 64 * 1024) }
    }

    /// The handlers' answer, or 404 when none takes the request, or 500 when a handler fails.
    static func answer(_ request: PreviewRequest, with handler: some PreviewHandler) async -> PreviewResponse {
        do {
            return try await handler.answer(request) ?? .text(.notFound, "Not found\n")
        } catch {
            return .text(.internalServerError, "Internal server error\n")
        }
    }

    /// The answer to a head that is refused, saying why in plain text.
    static func refusal(_ problem: HeadProblem) -> PreviewResponse {
        var text = problem.status.phrase
        if case .malformed(let reason) = problem { text += ": " + reason }
        return .text(problem.status, text + "\n")
    }

    /// The bytes of an answer: status line, header fields with the body's length, and the body unless the
    /// request was HEAD.
    static func bytes(of response: PreviewResponse, method: String, keepsConnection: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status.rawValue) \(response.status.phrase)\r\n"
        for (name, value) in response.fields where !["content-length", "connection", "transfer-encoding"].contains(name.lowercased()) {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\nConnection: \(keepsConnection ? "keep-alive" : "close")\r\n\r\n"
        var bytes = Array(head.utf8)
        if method != "HEAD" { bytes += response.body }
        return bytes
    }

    /// Writes an answer.
    private func send(_ response: PreviewResponse, method: String, keepsConnection: Bool) async throws {
        try await socket.write(Data(Self.bytes(of: response, method: method, keepsConnection: keepsConnection)))
    }
}
