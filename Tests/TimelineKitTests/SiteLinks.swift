import Foundation

/// Reads the links and anchors of a built site, to check that every internal link resolves.
struct SiteLinks {
    /// A link from one page to a file of the site, with the fragment it names.
    struct Link: Hashable, CustomStringConvertible {
        var from: String
        var target: String
        var fragment: String?

        var description: String { "\(from) → \(target)\(fragment.map { "#" + $0 } ?? "")" }
    }

    let files: [String: [UInt8]]

    /// Values of `attribute="..."` in a page, unescaped.
    static func values(of attribute: String, in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        let marker = " \(attribute)=\""
        while let start = rest.range(of: marker) {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            found.append(String(after[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = after[end...]
        }
        return found
    }

    /// Every internal link of every page, resolved to a path relative to the site's root.
    var internalLinks: [Link] {
        var links: [Link] = []
        for (path, bytes) in files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            let folder = (path as NSString).deletingLastPathComponent
            for value in Self.values(of: "href", in: html) + Self.values(of: "src", in: html) {
                if value.hasPrefix("http://") || value.hasPrefix("https://") || value.hasPrefix("mailto:") { continue }
                var target = value
                var fragment: String?
                if let hash = value.firstIndex(of: "#") {
                    fragment = String(value[value.index(after: hash)...])
                    target = String(value[..<hash])
                }
                let resolved = target.isEmpty ? path : Self.normalize(folder.isEmpty ? target : folder + "/" + target)
                links.append(Link(from: path, target: resolved, fragment: fragment))
            }
        }
        return links.sorted { $0.description < $1.description }
    }

    /// The links whose file does not exist or whose fragment is no `id` of the target page.
    var brokenLinks: [Link] {
        var ids: [String: Set<String>] = [:]
        return internalLinks.filter { link in
            guard let bytes = files[link.target] else { return true }
            guard let fragment = link.fragment, !fragment.isEmpty else { return false }
            if ids[link.target] == nil {
                ids[link.target] = Set(Self.values(of: "id", in: String(decoding: bytes, as: UTF8.self)))
            }
            return !(ids[link.target]!.contains(fragment))
        }
    }

    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } else { return "../" + path } } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }
}
