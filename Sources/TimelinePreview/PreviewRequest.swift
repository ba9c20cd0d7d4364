import Foundation

/// A request as the preview's handlers take it: the method, the target's path (still percent-encoded) and
/// query, and the header fields, from a ``RequestHead``.
struct PreviewRequest: Sendable {
    var method: String
    /// The target before any `?`, percent-encoded as received.
    var path: String
    /// The query's items, decoded; an item named twice keeps its first value.
    var query: [String: String]
    /// Field names in lowercase, with their values, in the order received.
    var fields: [(name: String, value: String)]

    init(method: String, target: String, fields: [(name: String, value: String)] = []) {
        self.method = method
        let mark = target.firstIndex(of: "?")
        path = String(target[..<(mark ?? target.endIndex)])
        query = mark.map { Self.items(String(target[target.index(after: $0)...])) } ?? [:]
        self.fields = fields
    }

    /// The items of a query (`a=1&b=two`), with `+` read as a space and percent escapes decoded.
    static func items(_ query: String) -> [String: String] {
        var items: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decoded(parts[0])
            if items[name] == nil { items[name] = parts.count > 1 ? decoded(parts[1]) : "" }
        }
        return items
    }
}

/// Answers the preview's requests; nil when the request is none of its own, which is answered 404.
protocol PreviewHandler: Sendable {
    func answer(_ request: PreviewRequest) async throws -> PreviewResponse?
}

/// A handler made of a closure.
struct PreviewRoute: PreviewHandler {
    let body: @Sendable (PreviewRequest) async throws -> PreviewResponse?

    init(_ body: @escaping @Sendable (PreviewRequest) async throws -> PreviewResponse?) {
        self.body = body
    }

    func answer(_ request: PreviewRequest) async throws -> PreviewResponse? { try await body(request) }
}
