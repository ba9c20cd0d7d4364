/// Every item of a site by id, with the paths of every file the build writes: what citations, `[[...]]`
/// links and Markdown links are resolved against.
public struct SiteIndex: Sendable {
    public let settings: SiteSettings
    public let notes: [String: NoteInfo]
    public let sources: [String: Source]
    public let facts: [String: Fact]
    /// Every file the build writes, relative to the site's root, for checking relative links.
    public let paths: Set<String>
    public let wording: DateWording
    /// Items that exist in the content but could not be read; references to them are not errors of their own.
    public let brokenIDs: BrokenIDs
    /// The drafts the build leaves out, by id: a link to one is a warning, and shows as text.
    public let drafts: [String: NoteInfo]
    /// The published images, by file name.
    public let images: [String: PublishedImage]
    /// Images described in `media.yaml` that could not be published; their own error says why.
    public let brokenMedia: Set<String>

    /// - Parameter assets: the files of the templates' `assets/` folder.
    public init(content: Content, assets: [Route]) {
        settings = content.settings
        var notes: [String: NoteInfo] = [:]
        for page in content.pages { notes[page.id] = page.info }
        for topic in content.topics { notes[topic.id] = topic.info }
        for entry in content.entries { notes[entry.id] = entry.info }
        self.notes = notes
        sources = Dictionary(content.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        facts = Dictionary(content.facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var routes = Route.fixedPages + Route.generatedFiles(hasBaseURL: content.settings.baseURL != nil)
        routes += notes.values.map(\.route)
        routes += content.sources.map { .source($0.id) }
        routes += content.settings.eras.map { .era($0.id) }
        routes += assets
        for image in content.images.values { routes += image.copies.map(image.route(of:)) }
        if !content.maps.isEmpty { routes.append(.map) }
        if settings.shareCards { routes += content.entries.map { .card($0.id) } }
        // Each route's path is made on every core; the set is filled on one.
        paths = Set(parallelMap(routes) { $0.path })
        wording = DateWording.forLanguage(content.settings.language)
        brokenIDs = content.brokenIDs
        drafts = content.drafts.notes
        images = content.images
        brokenMedia = Set(content.media.map(\.file)).subtracting(content.images.keys).union(content.brokenMedia)
    }

    /// What a lookup of the site finds, as a number that changes whenever what it finds does: a rendering
    /// that made the same lookups and found the same is still right.
    public func signature(of lookup: Lookup) -> UInt64 {
        var hasher = StableHasher()
        switch lookup {
        case .source(let id):
            hasher.combine(sources[id]?.name)
            hasher.combine(brokenIDs.contains(.source, id))
        case .note(let id):
            let note = notes[id]
            hasher.combine(note?.kind.rawValue)
            hasher.combine(note?.title)
            hasher.combine(brokenIDs.contains(.note, id))
            hasher.combine(drafts[id]?.title)
        case .fact(let id):
            hasher.combine(brokenIDs.contains(.fact, id))
            guard let fact = facts[id] else { break }
            hasher.combine(fact.inlineText)
            for citation in fact.citations {
                hasher.combine(citation.sourceID)
                hasher.combine(sources[citation.sourceID] != nil)
                hasher.combine(citation.locator)
                hasher.combine(citation.quote)
                hasher.combine(citation.quoteLanguage)
            }
        case .path(let path):
            hasher.combine(paths.contains(path))
        case .media(let name):
            hasher.combine(brokenMedia.contains(name))
            if let image = images[name] { hasher.combine(Fingerprint.of([image])) }
        }
        return hasher.value
    }
}

/// Something a note's body looks up in the site while it is rendered.
public enum Lookup: Hashable, Sendable {
    case source(String)
    case note(String)
    case fact(String)
    /// A file of the built site, by its path.
    case path(String)
    /// An image of `Content/media/`, by its file name.
    case media(String)
}

extension Lookup: Codable {
    /// A lookup is stored as a list of its kind and what it names, in the build cache.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let kind = try container.decode(String.self), id = try container.decode(String.self)
        switch kind {
        case "source": self = .source(id)
        case "note": self = .note(id)
        case "fact": self = .fact(id)
        case "path": self = .path(id)
        case "media": self = .media(id)
        default: throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a lookup: \(kind)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .source(let id): try container.encode("source"); try container.encode(id)
        case .note(let id): try container.encode("note"); try container.encode(id)
        case .fact(let id): try container.encode("fact"); try container.encode(id)
        case .path(let path): try container.encode("path"); try container.encode(path)
        case .media(let name): try container.encode("media"); try container.encode(name)
        }
    }
}
