import Foundation
import TimelineBuild
import TimelineContent
import TimelineCore

/// Serves the files of the built site, and only those: no path outside the output folder, whether by `..`,
/// encoded slashes or symbolic links. HTML pages get the preview's reload script, which is never written
/// into the built files.
struct SiteFileHandler: PreviewHandler {
    /// The output folder, with every symbolic link resolved.
    let root: String

    static let reloadTag = "<script src=\"/_timeline/reload.js\"></script>"

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "csv": "text/csv; charset=utf-8", "svg": "image/svg+xml",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "ico": "image/x-icon", "txt": "text/plain; charset=utf-8", "pdf": "application/pdf", "woff2": "font/woff2",
    ]

    func answer(_ request: PreviewRequest) async throws -> PreviewResponse? {
        guard request.method == "GET" || request.method == "HEAD" else {
            return PreviewResponse(.methodNotAllowed)
        }
        guard let relative = Self.relativePath(request.path) else {
            return notFound()
        }
        guard let file = resolve(relative), let data = FileManager.default.contents(atPath: file) else {
            return notFound()
        }
        return response(.ok, data: data, path: file)
    }

    /// The site-relative path a request names, or nil when it is malformed or tries to leave the site.
    static func relativePath(_ raw: String) -> String? {
        let lower = raw.lowercased()
        // Encoded slashes, backslashes and NUL bytes are never part of the site's addresses.
        if lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || raw.contains("\\") { return nil }
        guard let decoded = raw.removingPercentEncoding, decoded.hasPrefix("/") else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) { return nil }
        var path = segments.joined(separator: "/")
        if path.isEmpty || decoded.hasSuffix("/") { path += path.isEmpty ? "index.html" : "/index.html" }
        return path
    }

    /// The file for a site-relative path, only if it lies inside the output folder once links are resolved.
    func resolve(_ relative: String) -> String? {
        let candidate = root + "/" + relative
        guard let resolved = LocalFileSystem().resolvedPath(candidate), resolved.hasPrefix(root + "/"),
              LocalFileSystem().kind(of: resolved) == .file else { return nil }
        return resolved
    }

    func notFound() -> PreviewResponse {
        guard let page = resolve("404.html"), let data = FileManager.default.contents(atPath: page) else {
            return .text(.notFound, "Not found\n")
        }
        return response(.notFound, data: data, path: page)
    }

    private func response(_ status: PreviewStatus, data: Data, path: String) -> PreviewResponse {
        let ext = (path as NSString).pathExtension.lowercased()
        var body = data
        if ext == "html" { body = Self.injectReload(data) }
        return PreviewResponse(
            status, fields: [("Content-Type", Self.types[ext] ?? "application/octet-stream"), ("Cache-Control", "no-store")], body: Array(body))
    }

    /// The page with the reload script added before `</body>`.
    static func injectReload(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        guard let end = text.range(of: "</body>", options: .backwards) else { return Data((text + reloadTag).utf8) }
        return Data((text[..<end.lowerBound] + reloadTag + "\n" + text[end.lowerBound...]).utf8)
    }
}
