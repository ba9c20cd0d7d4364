import TimelineCore

/// The site as one page's builder sees it: every read goes through here and is recorded.
///
/// The site itself is private to this file, so that a builder cannot read anything without recording it;
/// ``SiteVersions`` resolves each key with the same functions to tell whether it changed.
final class SiteReader {
    private let site: Site
    let caches: PageCaches
    private(set) var reads: [ReadKey] = []
    /// The keys read, for the pages that read many; the few keys of most pages are looked for in ``reads``.
    private var recorded: Set<ReadKey> = []
    /// How many keys are looked for one by one before they are gathered in a set.
    private static let fewKeys = 24

    init(site: Site, caches: PageCaches) {
        self.site = site
        self.caches = caches
    }

    private func record(_ key: ReadKey) {
        if reads.count < Self.fewKeys {
            if !reads.contains(key) { reads.append(key) }
            return
        }
        if recorded.isEmpty { recorded = Set(reads) }
        if recorded.insert(key).inserted { reads.append(key) }
    }

    func settings() -> SiteSettings { record(.settings); return site.content.settings }
    func menu() -> [NoteInfo] { record(.menu); return site.menu }
    func wording() -> DateWording { record(.settings); return site.index.wording }
    /// A date as HTML in the site's wording, which depends on its settings (``PageCaches/dateHTML(_:)``).
    func dateHTML(_ date: EDTFDate) -> String { record(.settings); return caches.dateHTML(date) }

    func entry(_ id: String) -> (Entry, LinkedNote)? { note(id, site.entry(id)) }
    func topic(_ id: String) -> (Topic, LinkedNote)? { note(id, site.topic(id)) }
    func page(_ id: String) -> (Page, LinkedNote)? { note(id, site.page(id)) }

    /// A note with its linked form, recording the note and what linking looked up for it.
    private func note<Found>(_ id: String, _ found: (Found, LinkedNote)?) -> (Found, LinkedNote)? {
        record(.note(id))
        for input in found?.1.inputs ?? [] { record(input) }
        return found
    }
    func noteInfo(_ id: String) -> NoteInfo? { record(.noteInfo(id)); return site.index.notes[id] }

    /// An entry's card, with links relative to `route`.
    func card(_ id: String, from route: Route) -> EntryCard? { record(.card(id)); return caches.card(id, root: route.root) }
    func neighbors(_ id: String) -> Neighbors { record(.neighbors(id)); return site.neighbors(id) }
    /// The era an entry falls in; the era itself is part of the settings.
    func era(of id: String) -> Era? {
        record(.eraOf(id))
        guard let eraID = site.eraID(of: id) else { return nil }
        return settings().eras.first { $0.id == eraID }
    }

    /// Every entry in time order with the id of its era; the eras themselves are part of the settings.
    func timeline() -> [TimelineItem] {
        record(.timeline)
        _ = settings()
        return site.timeline
    }
    func eraMembers(_ id: String) -> [String] { record(.eraMembers(id)); return site.eraMembers(id) }
    /// When the site was last brought up to date: `site.yaml`'s `updated`, or else its latest entry date or update.
    func lastUpdated() -> EDTFDate? { record(.lastUpdated); return site.lastUpdated }

    func backlinks(_ id: String) -> [Backlink] { record(.backlinks(id)); return site.backlinks[id] ?? [] }
    func topicEntries(_ id: String) -> [String] { record(.topicEntries(id)); return site.topicEntryIDs(id) }
    func topicList() -> [TopicSummary] { record(.topicList); return site.topicList }

    func source(_ id: String) -> Source? { record(.source(id)); return site.index.sources[id] }
    func sources() -> [Source] { record(.sourceList); return site.content.sources }
    func sourceUses(_ id: String) -> [SourceUse] { record(.sourceUses(id)); return site.sourceUses[id] ?? [] }
    func fact(_ id: String) -> Fact? { record(.fact(id)); return site.index.facts[id] }
    func facts() -> [Fact] { record(.factList); return site.content.facts }
    func factUses(_ id: String) -> [NoteInfo] { record(.factUses(id)); return site.factUses[id] ?? [] }
    func chart(_ metric: String) -> FigureChart? { record(.chart(metric)); return site.charts[metric] }
    func evidence(_ sourceID: String) -> SourceEvidence { record(.evidence(sourceID)); return site.sourceEvidence(sourceID) }
    func figure(_ factID: String) -> FigureComparison.Context { record(.figure(factID)); return site.figures.context(of: factID) }
    func image(_ name: String) -> PublishedImage? { record(.image(name)); return site.index.images[name] }
    func places() -> [PlaceInfo] { record(.places); return site.places }
    /// The languages a note's text is written in, and the language of its text on this site's page.
    func languages(of id: String) -> (written: Set<String>, here: NoteLanguage?) {
        record(.languagesOf(id))
        return (site.coverage[id] ?? [], site.content.noteLanguages[id])
    }
    func maps() -> [BaseMap] { record(.places); return site.content.maps }
    /// A base map drawn once for every page that shows it, with its description.
    func map(_ id: String) -> (BaseMap, LocatorMap)? {
        record(.places)
        guard let map = site.content.maps.first(where: { $0.id == id }), let drawn = site.locatorMaps[id] else { return nil }
        return (map, drawn)
    }
}

/// The versions of what pages read: a fingerprint of the value each key names in a site.
public final class SiteVersions: Sendable {
    private let site: Site

    public init(site: Site) {
        self.site = site
    }

    /// The fingerprint of something a key names that the site does not have.
    private static let missing = StableHasher.hash { Fingerprint.combineMissing(into: &$0) }

    /// A fingerprint of what `key` names in this site, made with the functions ``SiteReader`` reads through.
    public func fingerprint(of key: ReadKey) -> UInt64 {
        switch key {
        case .settings: return Fingerprint.of(site.content.settings)
        case .menu: return Fingerprint.of(site.menu)
        case .note(let id): return Fingerprint.of(direct: site.noteValue(id))
        case .noteInfo(let id): return site.index.notes[id].map { Fingerprint.of(direct: $0) } ?? Self.missing
        case .card(let id): return site.cardInputs(id).map { Fingerprint.of(direct: $0) } ?? Self.missing
        case .neighbors(let id): return Fingerprint.of(direct: site.neighbors(id))
        case .eraOf(let id): return StableHasher.hash { Fingerprint.combine(site.eraID(of: id), into: &$0) }
        case .timeline: return Fingerprint.of(list: site.timeline)
        case .eraMembers(let id): return Fingerprint.of(texts: site.eraMembers(id))
        case .lastUpdated: return Fingerprint.of(site.lastUpdated)
        case .backlinks(let id): return Fingerprint.of(list: site.backlinks[id] ?? [])
        case .topicEntries(let id): return Fingerprint.of(texts: site.topicEntryIDs(id))
        case .topicList: return Fingerprint.of(site.topicList)
        case .source(let id): return site.index.sources[id].map { Fingerprint.of(direct: $0) } ?? Self.missing
        case .sourceList: return Fingerprint.of(list: site.content.sources)
        case .sourceUses(let id): return Fingerprint.of(list: site.sourceUses[id] ?? [])
        case .fact(let id): return site.index.facts[id].map { Fingerprint.of(direct: $0) } ?? Self.missing
        case .factList: return Fingerprint.of(list: site.content.facts)
        case .factUses(let id): return Fingerprint.of(list: site.factUses[id] ?? [])
        case .chart(let metric): return Fingerprint.of(site.charts[metric])
        case .evidence(let id): return Fingerprint.of(site.sourceEvidence(id))
        case .figure(let id): return Fingerprint.of(site.figures.context(of: id))
        case .image(let name): return Fingerprint.of(site.index.images[name])
        case .places: return StableHasher.hash { $0.combine(Fingerprint.of(site.places)); $0.combine(Fingerprint.of(site.content.maps)) }
        case .languagesOf(let id):
            return StableHasher.hash { $0.combine(Fingerprint.of((site.coverage[id] ?? []).sorted())); $0.combine(Fingerprint.of(site.content.noteLanguages[id])) }
        }
    }
}

/// The entries before and after an entry in time.
struct Neighbors: Sendable {
    var previous: String?
    var next: String?
}

extension Neighbors: DirectFingerprint {
    /// Fingerprinted as its two ids; a test checks that it lists every stored property.
    func combine(into hasher: inout StableHasher) {
        Fingerprint.combine(previous, into: &hasher)
        Fingerprint.combine(next, into: &hasher)
    }
}

/// An entry's place on the timeline: its id and its era's.
struct TimelineItem: Sendable, DirectFingerprint {
    var id: String
    var era: String?

    func combine(into hasher: inout StableHasher) {
        hasher.combine(id)
        Fingerprint.combine(era, into: &hasher)
    }
}

/// What an entry's card is made from, and nothing else: the card is built from these alone, so their
/// fingerprint stands for it, whatever the card shows of them.
struct CardInputs: Sendable, Encodable {
    var id: String
    var title: String
    var date: EDTFDate
    var summary: String?
    /// The topics the entry names that are topics.
    var topics: [NoteInfo]
    /// How many sources the entry's page cites.
    var sourceCount: Int
    var language: String
}

extension CardInputs: DirectFingerprint {
    /// Fingerprinted property by property; a test checks that it lists every stored property.
    func combine(into hasher: inout StableHasher) {
        hasher.combine(id)
        hasher.combine(title)
        hasher.combine(date.text)
        Fingerprint.combine(summary, into: &hasher)
        hasher.combine(topics.count)
        for index in topics.indices { topics[index].combine(into: &hasher) }
        hasher.combine(sourceCount)
        hasher.combine(language)
    }
}

/// A topic as the list of topics shows it.
struct TopicSummary: Sendable, Encodable {
    var id: String
    var title: String
    var kind: TopicKind
    var summary: String?
}

/// What stands for a note and its linked form in a fingerprint: what they are made from. A note is what
/// its file's path and bytes make of it, with its title and summary, which in another language come from
/// its translation's file (whose body may be the original's); its rendered body has a fingerprint of what
/// it is made from; the rest of its linked form is made from those and from the facts and sources linking
/// looked up, which a page that reads the note records as reads of their own (``LinkedNote/inputs``).
struct NoteValue: DirectFingerprint {
    var path: String?
    var fileHash: UInt64?
    /// On another language's site, the hash of the note's own file when a translation gave its body.
    var ownFileHash: UInt64?
    var title: String?
    var summary: String?
    var rendered: UInt64?
    var inputs: [ReadKey]?

    func combine(into hasher: inout StableHasher) {
        Fingerprint.combine(path, into: &hasher)
        Fingerprint.combine(fileHash, into: &hasher)
        Fingerprint.combine(ownFileHash, into: &hasher)
        Fingerprint.combine(title, into: &hasher)
        Fingerprint.combine(summary, into: &hasher)
        Fingerprint.combine(rendered, into: &hasher)
        if let inputs {
            hasher.combine(inputs.count)
            for input in inputs {
                let (kind, id) = input.parts
                hasher.combine(kind.rawValue)
                hasher.combine(id)
            }
        } else {
            Fingerprint.combineMissing(into: &hasher)
        }
    }
}

extension Site {
    var menu: [NoteInfo] { pages.filter { $0.menuOrder != nil }.map(\.info) }

    func entry(_ id: String) -> (Entry, LinkedNote)? {
        guard let position = positions[id], let linked = notes[id], linked.info.kind == .entry else { return nil }
        return (entries[position], linked)
    }

    func topic(_ id: String) -> (Topic, LinkedNote)? {
        guard let linked = notes[id], linked.info.kind == .topic, let topic = topicsByID[id] else { return nil }
        return (topic, linked)
    }

    func page(_ id: String) -> (Page, LinkedNote)? {
        guard let linked = notes[id], linked.info.kind == .page, let page = pagesByID[id] else { return nil }
        return (page, linked)
    }

    func noteValue(_ id: String) -> NoteValue {
        guard let linked = notes[id] else { return NoteValue() }
        var value = NoteValue(ownFileHash: content.ownFileHashes[id], rendered: linked.rendered.fingerprint, inputs: linked.inputs)
        // An entry's fields are read where the entry lies: a copy of the whole entry would retain every one of its texts.
        func take<Fields>(_ note: borrowing Note<Fields>) {
            (value.path, value.fileHash, value.title, value.summary) = (note.body.path, note.body.fileHash, note.title, note.summary)
        }
        switch linked.info.kind {
        case .entry: if let position = positions[id] { take(entries[position]) }
        case .topic: if let topic = topicsByID[id] { take(topic) }
        case .page: if let page = pagesByID[id] { take(page) }
        }
        return value
    }

    func neighbors(_ id: String) -> Neighbors {
        guard let position = positions[id] else { return Neighbors() }
        return Neighbors(
            previous: position > 0 ? entries[position - 1].id : nil,
            next: position + 1 < entries.count ? entries[position + 1].id : nil)
    }

    func eraID(of id: String) -> String? { positions[id].flatMap { eras[$0]?.id } }

    var timeline: [TimelineItem] { zip(entries, eras).map { TimelineItem(id: $0.id, era: $1?.id) } }

    func cardInputs(_ id: String) -> CardInputs? {
        guard let position = positions[id] else { return nil }
        // Each field is read in place: a copy of the whole entry would retain every one of its texts.
        return CardInputs(
            id: id, title: entries[position].title, date: entries[position].fields.date, summary: entries[position].summary,
            topics: entries[position].fields.topics.compactMap { index.notes[$0.id] }.filter { $0.kind == .topic },
            sourceCount: notes[id]?.citations.sources.count ?? 0, language: index.settings.language)
    }

    func eraMembers(_ id: String) -> [String] {
        entries.indices.filter { eras[$0]?.id == id }.map { entries[$0].id }
    }

    /// `site.yaml`'s `updated`, or else the latest of the entries' dates and updates that name a day, month or year
    /// rather than an interval, as written.
    var lastUpdated: EDTFDate? {
        if let updated = index.settings.updated { return updated }
        var latest: EDTFDate?
        func consider(_ date: EDTFDate) {
            guard !date.isInterval else { return }
            if let current = latest, (current.earliest, current.latest) >= (date.earliest, date.latest) { return }
            latest = date
        }
        // Each date is read in place, the entry's date before its update.
        for position in entries.indices {
            consider(entries[position].fields.date)
            if let updated = entries[position].fields.updated { consider(updated) }
        }
        return latest
    }

    func topicEntryIDs(_ id: String) -> [String] { (topicEntries[id] ?? []).map { entries[$0].id } }

    var topicList: [TopicSummary] { topics.map { TopicSummary(id: $0.id, title: $0.title, kind: $0.kind, summary: $0.summary) } }
}
