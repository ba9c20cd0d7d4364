import TimelineCore

/// Something a page reads of the site. A page records the keys it read while its model is built; the next
/// build renders the page again exactly when one of them names something else than it did.
public enum ReadKey: Hashable, Sendable {
    /// `site.yaml`: title, description, language, address, publisher, eras and metrics.
    case settings
    /// The pages listed in the site's menu.
    case menu
    /// A note with its rendered body, its citations numbered for its page and the facts it shows.
    case note(String)
    /// A note's kind and title, for links to it.
    case noteInfo(String)
    /// An entry as a card in lists.
    case card(String)
    /// The entries before and after an entry in time.
    case neighbors(String)
    /// The era an entry falls in.
    case eraOf(String)
    /// Every entry in time order, with its era.
    case timeline
    /// The entries of an era, in time order.
    case eraMembers(String)
    /// When the site was last brought up to date.
    case lastUpdated
    /// The notes that mention a note.
    case backlinks(String)
    /// The entries of a topic, in time order.
    case topicEntries(String)
    /// Every topic's id, title, kind and summary.
    case topicList
    case source(String)
    /// Every source, in the order of `sources.yaml`.
    case sourceList
    /// Every place that cites a source.
    case sourceUses(String)
    case fact(String)
    /// Every fact, in the order of `facts.yaml`.
    case factList
    /// The notes that show a fact.
    case factUses(String)
    /// A metric's chart.
    case chart(String)
    /// The passages of a source the site quotes, and the errors of its archived text.
    case evidence(String)
    /// How a fact's figure compares with the others of its metric.
    case figure(String)
    /// A published image, by its file name in `Content/media/`.
    case image(String)
    /// The base maps and every place on them, with how many entries concern each.
    case places
    /// The languages a note's text is written in, and how its page in this language shows it.
    case languagesOf(String)
}

extension ReadKey: Encodable {
    /// The kinds of key, for the key's short form in the build cache.
    public enum Kind: String, CaseIterable, Sendable {
        case settings, menu, note, noteInfo, card, neighbors, eraOf, timeline, eraMembers, lastUpdated, backlinks, topicEntries, topicList, source, sourceList, sourceUses, fact, factList, factUses, chart, evidence, figure, image, places, languagesOf
    }

    /// The key's kind and id (empty for a key that names the whole site).
    public var parts: (kind: Kind, id: String) {
        switch self {
        case .settings: return (.settings, "")
        case .menu: return (.menu, "")
        case .note(let id): return (.note, id)
        case .noteInfo(let id): return (.noteInfo, id)
        case .card(let id): return (.card, id)
        case .neighbors(let id): return (.neighbors, id)
        case .eraOf(let id): return (.eraOf, id)
        case .timeline: return (.timeline, "")
        case .eraMembers(let id): return (.eraMembers, id)
        case .lastUpdated: return (.lastUpdated, "")
        case .backlinks(let id): return (.backlinks, id)
        case .topicEntries(let id): return (.topicEntries, id)
        case .topicList: return (.topicList, "")
        case .source(let id): return (.source, id)
        case .sourceList: return (.sourceList, "")
        case .sourceUses(let id): return (.sourceUses, id)
        case .fact(let id): return (.fact, id)
        case .factList: return (.factList, "")
        case .factUses(let id): return (.factUses, id)
        case .chart(let id): return (.chart, id)
        case .evidence(let id): return (.evidence, id)
        case .figure(let id): return (.figure, id)
        case .image(let name): return (.image, name)
        case .places: return (.places, "")
        case .languagesOf(let id): return (.languagesOf, id)
        }
    }

    public init(kind: Kind, id: String) {
        switch kind {
        case .settings: self = .settings
        case .menu: self = .menu
        case .note: self = .note(id)
        case .noteInfo: self = .noteInfo(id)
        case .card: self = .card(id)
        case .neighbors: self = .neighbors(id)
        case .eraOf: self = .eraOf(id)
        case .timeline: self = .timeline
        case .eraMembers: self = .eraMembers(id)
        case .lastUpdated: self = .lastUpdated
        case .backlinks: self = .backlinks(id)
        case .topicEntries: self = .topicEntries(id)
        case .topicList: self = .topicList
        case .source: self = .source(id)
        case .sourceList: self = .sourceList
        case .sourceUses: self = .sourceUses(id)
        case .fact: self = .fact(id)
        case .factList: self = .factList
        case .factUses: self = .factUses(id)
        case .chart: self = .chart(id)
        case .evidence: self = .evidence(id)
        case .figure: self = .figure(id)
        case .image: self = .image(id)
        case .places: self = .places
        case .languagesOf: self = .languagesOf(id)
        }
    }

    /// A key is encoded as a list of its kind and its id, much smaller than its cases' own form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        let (kind, id) = parts
        try container.encode(kind.rawValue)
        try container.encode(id)
    }
}
