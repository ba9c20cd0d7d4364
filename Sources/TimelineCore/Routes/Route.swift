/// A file of the built site, named by what it is. This is the only place that knows where a page or file
/// is written; every link between pages is made from two routes, so that it is relative and works from
/// any address and from disk.
public enum Route: Hashable, Sendable, Encodable, Comparable {
    case index, topics, sources, facts, notFound
    /// The page about the site's data files and how to embed the timeline, and the embeddable timeline.
    case dataFiles, embed
    /// The page of an entry, topic or page note.
    case note(NoteKind, String)
    case source(String)
    case era(String)
    case feed, searchIndex, timelineJS, data, factsCSV, sitemap
    /// A file of the templates' `assets/` folder, by its path under `assets/`.
    case asset(String)
    /// A published copy of an image of `Content/media/`, by its file name under `media/`.
    case media(String)
    /// An entry's share card, the picture a link to it shows when shared.
    case card(String)
    /// The page that shows every place on its map.
    case map

    /// The site-wide pages every site has, in the order they are built.
    public static let fixedPages: [Route] = [.index, .topics, .sources, .facts, .dataFiles, .embed, .notFound]

    /// The files no template renders, in the order they are built; the sitemap only when the site knows
    /// its address.
    public static func generatedFiles(hasBaseURL: Bool) -> [Route] {
        [.feed, .searchIndex, .timelineJS, .data, .factsCSV] + (hasBaseURL ? [.sitemap] : [])
    }

    /// The folders that hold one page per item, for the 404 page's script that finds the site's root.
    public static let itemFolders = [Route.note(.entry, ""), .note(.topic, ""), .source(""), .note(.page, ""), .era("")].compactMap(\.folder)

    /// Whether the page may list many entries, or everything the site cites: the home page, the embeddable
    /// timeline, an era, a topic, and the lists of sources and facts. Such a page can run to megabytes.
    public var listsEntries: Bool {
        switch self {
        case .index, .embed, .era, .note(.topic, _), .sources, .facts: true
        default: false
        }
    }

    /// The folder the file is in, or nil for a file at the site's root.
    public var folder: String? {
        path.firstIndex(of: "/").map { String(path[..<$0]) }
    }

    /// The file's path relative to the site's root.
    public var path: String {
        switch self {
        case .index: return "index.html"
        case .topics: return "topics.html"
        case .sources: return "sources.html"
        case .facts: return "facts.html"
        case .notFound: return "404.html"
        case .dataFiles: return "data.html"
        case .embed: return "embed.html"
        case .note(let kind, let id): return .joining(kind.folder, "/", id, ".html")
        case .source(let id): return .joining("sources/", id, ".html")
        case .era(let id): return .joining("eras/", id, ".html")
        case .feed: return "feed.xml"
        case .searchIndex: return "search-index.js"
        case .timelineJS: return "timeline.json"
        case .data: return "data.json"
        case .factsCSV: return "facts.csv"
        case .sitemap: return "sitemap.xml"
        case .asset(let path): return "assets/" + path
        case .media(let name): return "media/" + name
        case .card(let id): return "cards/\(id).png"
        case .map: return "map.html"
        }
    }

    /// The way from this file's folder back to the site's root: `""` at the top, `"../"` one folder down.
    public var root: String {
        switch self {
        case .note, .source, .era, .media, .card: return "../"
        case .asset(let path): return String(repeating: "../", count: 1 + path.count { $0 == "/" })
        default: return ""
        }
    }

    /// A link to this route from a page, relative to that page, with an optional fragment.
    public func href(from page: Route, fragment: String? = nil) -> String {
        // Most links of every page go to notes and sources: each of those is made in one piece.
        let root = page.root
        switch (self, fragment) {
        case (.note(let kind, let id), nil): return .joining(root, kind.folder, "/", id, ".html")
        case (.note(let kind, let id), let fragment?): return .joining(root, kind.folder, "/", id, ".html#", fragment)
        case (.source(let id), nil): return .joining(root, "sources/", id, ".html")
        case (.source(let id), let fragment?): return .joining(root, "sources/", id, ".html#", fragment)
        default: return fragment.map { .joining(root, path, "#", $0) } ?? .joining(root, path)
        }
    }

    /// A link to this route from anywhere at the site's root.
    public var href: String { path }

    /// The route of a path relative to the site's root, when it names a page of a note, source or era.
    public static func parse(_ path: String) -> Route? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].hasSuffix(".html") else { return nil }
        let id = String(parts[1].dropLast(5))
        if let kind = NoteKind.allCases.first(where: { $0.folder == parts[0] }) { return .note(kind, id) }
        switch parts[0] {
        case "sources": return .source(id)
        case "eras": return .era(id)
        default: return nil
        }
    }

    public static func < (lhs: Route, rhs: Route) -> Bool { lhs.path < rhs.path }

    /// A route is what names it: its case and its id, without making its path.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .note(let kind, let id): try container.encode("note " + kind.rawValue); try container.encode(id)
        case .source(let id): try container.encode("source"); try container.encode(id)
        case .era(let id): try container.encode("era"); try container.encode(id)
        case .asset(let path): try container.encode("asset"); try container.encode(path)
        case .media(let name): try container.encode("media"); try container.encode(name)
        case .card(let id): try container.encode("card"); try container.encode(id)
        case .map, .index, .topics, .sources, .facts, .notFound, .dataFiles, .embed, .feed, .searchIndex, .timelineJS, .data, .factsCSV, .sitemap:
            try container.encode(path)
        }
    }
}

extension Route: DirectFingerprint {
    /// A route is fingerprinted as it is encoded, by its case and its id, without making its path.
    public func combine(into hasher: inout StableHasher) {
        switch self {
        case .note(let kind, let id): hasher.combine("note"); hasher.combine(kind.rawValue); hasher.combine(id)
        case .source(let id): hasher.combine("source"); hasher.combine(id)
        case .era(let id): hasher.combine("era"); hasher.combine(id)
        case .asset(let path): hasher.combine("asset"); hasher.combine(path)
        case .media(let name): hasher.combine("media"); hasher.combine(name)
        case .card(let id): hasher.combine("card"); hasher.combine(id)
        case .map, .index, .topics, .sources, .facts, .notFound, .dataFiles, .embed, .feed, .searchIndex, .timelineJS, .data, .factsCSV, .sitemap:
            hasher.combine(path)
        }
    }
}

/// The ids of elements that links point at inside pages.
public enum Anchor {
    /// A fact's row on the facts page.
    public static func fact(_ id: String) -> String { "fact-\(id)" }
    /// A metric's section on the facts page.
    public static func metric(_ id: String) -> String { "metric-\(id)" }
    /// A source's item in a page's numbered list of sources.
    public static func citedSource(_ id: String) -> String { "source-\(id)" }
}
