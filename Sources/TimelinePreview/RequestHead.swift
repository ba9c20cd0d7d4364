import Foundation

/// The request line and header fields of one HTTP/1.x request, split off the bytes a connection received.
///
/// The bytes are scanned once, each byte looked at once however they arrive, and no more than
/// ``PreviewLimits/requestLine`` bytes of request line and ``PreviewLimits/requestHead`` bytes of head are
/// kept: a longer one is refused with 414 or 431 as soon as the limit is passed.
struct RequestHead: Equatable {
    var method: String
    var target: String
    var version: String
    /// Field names in lowercase, with their values trimmed, in the order received.
    var fields: [(name: String, value: String)]

    static func == (a: RequestHead, b: RequestHead) -> Bool {
        a.method == b.method && a.target == b.target && a.version == b.version
            && a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
    }

    /// The value of a field, by name in lowercase.
    func field(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Whether the connection stays open for another request after the answer to this one: HTTP/1.1 unless
    /// the client says `close`, and only when no request body follows the head, since none is read.
    var keepsConnection: Bool {
        let connection = field("connection")?.lowercased() ?? ""
        let hasBody = (field("content-length").map { $0 != "0" } ?? false) || field("transfer-encoding") != nil
        if hasBody { return false }
        return version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
    }

    /// The request as the site's handlers take it.
    var request: PreviewRequest {
        PreviewRequest(method: method, target: target, fields: fields)
    }
}

/// Why a request's head is refused, with the status that says so.
enum HeadProblem: Error, Equatable {
    case requestLineTooLong
    case headTooLarge
    case malformed(String)
    case unsupportedVersion

    var status: PreviewStatus {
        switch self {
        case .requestLineTooLong: return .uriTooLong
        case .headTooLarge: return .requestHeaderFieldsTooLarge
        case .malformed: return .badRequest
        case .unsupportedVersion: return .httpVersionNotSupported
        }
    }
}

/// Collects the bytes of a connection until a whole request head has arrived, in time proportional to their
/// number; bytes received after a head are kept for the next request on the same connection.
struct RequestHeadReader {
    let limits: PreviewLimits
    private var buffer: [UInt8] = []
    /// Where the line being read starts, and how far the buffer has been scanned.
    private var lineStart = 0
    private var scanned = 0
    private var lines: [Range<Int>] = []

    init(limits: PreviewLimits) {
        self.limits = limits
    }

    /// Whether some bytes of a next request have been received.
    var hasPartialHead: Bool { !buffer.isEmpty }

    /// Adds received bytes; returns a whole head once it is there, nil while more are needed.
    mutating func receive(_ bytes: some Collection<UInt8>) throws(HeadProblem) -> RequestHead? {
        buffer.append(contentsOf: bytes)
        return try nextHead()
    }

    /// The next head among the bytes already received, if they hold a whole one.
    mutating func nextHead() throws(HeadProblem) -> RequestHead? {
        while scanned < buffer.count {
            let byte = buffer[scanned]
            scanned += 1
            guard byte == 0x0A else { continue }
            var end = scanned - 1
            if end > lineStart, buffer[end - 1] == 0x0D { end -= 1 }
            let line = lineStart..<end
            lineStart = scanned
            if line.isEmpty {
                // Empty lines before a request line are allowed and skipped; after one, they end the head.
                if lines.isEmpty { continue }
                let head = try Self.parse(buffer, lines: lines)
                buffer.removeFirst(scanned)
                scanned = 0
                lineStart = 0
                lines = []
                return head
            }
            if lines.isEmpty, line.count > limits.requestLine { throw .requestLineTooLong }
            lines.append(line)
        }
        if lines.isEmpty, scanned - lineStart > limits.requestLine { throw .requestLineTooLong }
        if scanned > limits.requestHead { throw .headTooLarge }
        return nil
    }

    /// The request line and fields of a complete head.
    static func parse(_ bytes: [UInt8], lines: [Range<Int>]) throws(HeadProblem) -> RequestHead {
        let requestLine = bytes[lines[0]]
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed("the request line is not 'METHOD target HTTP/1.1'") }
        guard !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else { throw .malformed("the method is not a token") }
        guard !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .malformed("the target holds spaces, control characters or bytes that are not ASCII")
        }
        guard parts[1].first == 0x2F || parts[1].elementsEqual("*".utf8) else { throw .malformed("the target does not start with '/'") }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/") else { throw .malformed("the request line does not end with the HTTP version") }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw .unsupportedVersion }
        var fields: [(name: String, value: String)] = []
        for range in lines.dropFirst() {
            let line = bytes[range]
            guard let colon = line.firstIndex(of: 0x3A) else { throw .malformed("a header line has no ':'") }
            let name = line[..<colon]
            guard !name.isEmpty, name.allSatisfy(isTokenByte) else { throw .malformed("a header name is not a token") }
            let value = line[line.index(after: colon)...]
            guard value.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }) else { throw .malformed("a header value holds control characters") }
            fields.append((String(decoding: name, as: UTF8.self).lowercased(),
                           String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces)))
        }
        return RequestHead(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
                           version: version, fields: fields)
    }

    /// A byte of an HTTP token (RFC 9110 §5.6.2): letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
