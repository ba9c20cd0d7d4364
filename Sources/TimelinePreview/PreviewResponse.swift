/// An answer of the preview server: a status, header fields and a body, which ``PreviewConnection`` writes
/// with its length.
struct PreviewResponse: Sendable {
    var status: PreviewStatus
    /// Header fields other than the length and the connection's, which the connection adds.
    var fields: [(name: String, value: String)]
    var body: [UInt8]

    init(_ status: PreviewStatus, fields: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.fields = fields
        self.body = body
    }

    /// An answer in plain text.
    static func text(_ status: PreviewStatus, _ text: String) -> PreviewResponse {
        PreviewResponse(status, fields: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
    }
}

/// The HTTP statuses the preview answers with, and the phrase of each.
enum PreviewStatus: Int, Sendable {
    case ok = 200
    case badRequest = 400
    case notFound = 404
    case methodNotAllowed = 405
    case uriTooLong = 414
    case requestHeaderFieldsTooLarge = 431
    case internalServerError = 500
    case httpVersionNotSupported = 505

    var phrase: String {
        switch self {
        case .ok: return "OK"
        case .badRequest: return "Bad Request"
        case .notFound: return "Not Found"
        case .methodNotAllowed: return "Method Not Allowed"
        case .uriTooLong: return "URI Too Long"
        case .requestHeaderFieldsTooLarge: return "Request Header Fields Too Large"
        case .internalServerError: return "Internal Server Error"
        case .httpVersionNotSupported: return "HTTP Version Not Supported"
        }
    }
}
