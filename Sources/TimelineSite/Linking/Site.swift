import TimelineCore
import TimelineMarkdown

/// A site whose content has been read, rendered and linked both ways: what pages, checks and exports are
/// made from. Pages read it only through ``SiteReader``, which records what each page read.
public struct Site: Sendable {
    public let content: Content
    public let index: SiteIndex
    /// Entries in time order: earliest possible day, then latest, then id.
    public let entries: EntriesInTime
    /// Topics by title.
    public let topics: [Topic]
    /// Pages in menu order, then by title.
    public let pages: [Page]
    /// Topics and pages by id.
    let topicsByID: [String: Topic]
    let pagesByID: [String: Page]
    /// Each note with its citations numbered for its page.
    let notes: [String: LinkedNote]
    /// Mentions of each note in other notes' prose, in time order of the mentioning entries.
    let backlinks: [String: [Backlink]]
    /// Entries tagged with each topic in their front matter.
    let tagged: [String: [String]]
    /// Every place that cites each source.
    let sourceUses: [String: [SourceUse]]
    /// Notes that show or mention each fact.
    let factUses: [String: [NoteInfo]]
    /// The era of each entry, by the entry's position in time.
    let eras: [Era?]
    /// Each entry's position in time, by id.
    let positions: [String: Int]
    /// For each topic, the positions of the entries that name it in front matter or link to it, in time order.
    let topicEntries: [String: [Int]]
    /// Charts of the metrics with two figures or more, by metric.
    let charts: [String: FigureChart]
    /// The site's quotations held against the archived texts of its sources; empty without archives.
    public let evidence: Evidence
    /// The archived texts made ready to search, which the site's other languages share.
    let archiveIndex: ArchiveIndex
    /// Figures of each metric held side by side; empty without archives.
    let figures: FigureComparison
    /// Every place, each with the map it shows on (none without coordinates) and how many entries concern it.
    let places: [PlaceInfo]
    /// The base maps, each drawn once, by id.
    let locatorMaps: [String: LocatorMap]
    /// The languages each note's text is written in (the main one and those of its translations), by id.
    let coverage: [String: Set<String>]

    /// The site of `content`. The site in another language gives the same archived texts made ready to
    /// search, and its evidence, whose searches this site's quotations take when they are the same.
    public init(content: Content, index: SiteIndex, rendered: [RenderedNote], sameTextsAs other: Site? = nil) {
        self.content = content
        self.index = index
        // The notes are put in order on a thread of their own while they are linked, which spreads its work
        // over every core.
        let sorting = BackgroundWork { Self.sorted(content) }
        let notes = Self.linked(content, rendered: rendered, index: index)
        (entries, topics, pages) = sorting.wait()
        self.notes = notes

        topicsByID = Dictionary(topics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        pagesByID = Dictionary(pages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        // Who mentions and shows what, who cites what and the entries' tables are found at once, each on a
        // thread of its own: none needs the others.
        let (entries, order) = (entries, entries.map({ $0.id }) + topics.map({ $0.id }) + pages.map({ $0.id }))
        let making = BackgroundWork { Self.tables(of: entries, eras: content.settings.eras) }
        let citing = BackgroundWork { Self.sourceUses(notes: notes, order: order, facts: content.facts) }
        let uses = Self.uses(notes: notes, order: order)
        let tables = making.wait()
        backlinks = uses.backlinks
        factUses = uses.factUses
        let (tagged, positions) = (tables.tagged, tables.positions)
        (self.tagged, eras, self.positions) = tables
        var topicEntries: [String: [Int]] = [:]
        for topic in topics {
            var members = Set((tagged[topic.id] ?? []).compactMap { positions[$0] })
            for backlink in uses.backlinks[topic.id] ?? [] where backlink.from.kind == .entry {
                if let position = positions[backlink.from.id] { members.insert(position) }
            }
            topicEntries[topic.id] = members.sorted()
        }
        self.topicEntries = topicEntries
        archiveIndex = other?.archiveIndex ?? ArchiveIndex(content.archives)
        evidence = content.archives.isEmpty ? Evidence() : Evidence(content: content, archives: archiveIndex, reusing: other?.evidence)
        let figures = content.archives.isEmpty ? FigureComparison() : FigureComparison(facts: content.facts, metrics: content.settings.metrics)
        self.figures = figures
        var charts = FigureChart.charts(facts: content.facts, index: index)
        for (metric, chart) in charts {
            charts[metric]?.disagreeing = chart.facts.map(\.id).filter { !figures.context(of: $0).disagreesWith.isEmpty }
        }
        self.charts = charts
        coverage = content.settings.languages.isEmpty ? [:] : content.translatedLanguages
        locatorMaps = Dictionary(content.maps.map { ($0.id, LocatorMap(map: $0)) }, uniquingKeysWith: { first, _ in first })
        places = topics.compactMap { topic in
            guard topic.kind == .place else { return nil }
            let point = topic.coordinates
            return PlaceInfo(
                id: topic.id, title: topic.title, coordinates: point, mapID: point.flatMap { point in content.maps.first { $0.covers(point) }?.id },
                entryCount: topicEntries[topic.id]?.count ?? 0)
        }
        // Who cites what is the longest of the three tables: the rest is made while it is.
        sourceUses = citing.wait()
    }

    /// Entries in time order, topics by title, pages in menu order.
    private static func sorted(_ content: Content) -> (entries: EntriesInTime, topics: [Topic], pages: [Page]) {
        (EntriesInTime(content.entries),
         content.topics.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) },
         content.pages.sorted { ($0.menuOrder ?? Int.max, $0.title, $0.id) < ($1.menuOrder ?? Int.max, $1.title, $1.id) })
    }

    /// Each note with its rendering, citations and facts, by id. A topic or page that shares its id with a note
    /// of an earlier kind (entries, then topics, then pages) takes its place; the checks report the clash.
    private static func linked(_ content: Content, rendered: [RenderedNote], index: SiteIndex) -> [String: LinkedNote] {
        // Renderings are found by position, so that each is copied once, into its linked note.
        var found: [String: Int] = [:]
        found.reserveCapacity(rendered.count)
        for position in rendered.indices { found[rendered[position].info.id] = position }
        let positions = found
        @Sendable func renderedNote(_ id: String) -> RenderedNote? { positions[id].map { rendered[$0] } }
        // Each note is linked in parallel, then put in the table in the order of its kind.
        let entries = parallelMap(content.entries) { entry in
            LinkedNote(entry.info, renderedNote(entry.id), facts: entry.facts, citations: entry.citations, index: index)
        }
        var notes: [String: LinkedNote] = [:]
        notes.reserveCapacity(content.entries.count + content.topics.count + content.pages.count)
        for (entry, linked) in zip(content.entries, entries) { notes[entry.id] = linked }
        for topic in content.topics { notes[topic.id] = LinkedNote(topic.info, renderedNote(topic.id), facts: [], citations: topic.citations, index: index) }
        for page in content.pages { notes[page.id] = LinkedNote(page.info, renderedNote(page.id), facts: [], citations: page.citations, index: index) }
        return notes
    }

    /// The entries tagged with each topic, the era of each entry by its position in time, and each entry's
    /// position by id.
    private static func tables(of entries: EntriesInTime, eras definedEras: [Era]) -> (
        tagged: [String: [String]], eras: [Era?], positions: [String: Int]
    ) {
        var tagged: [String: [String]] = [:]
        var eras: [Era?] = []
        eras.reserveCapacity(entries.count)
        var positions: [String: Int] = [:]
        positions.reserveCapacity(entries.count)
        for (position, index) in entries.order.enumerated() {
            let entry = entries.all[index]
            // Each topic once, in the order of their ids.
            var topics = entry.topics.map({ $0.id })
            topics.sort()
            for (place, topic) in topics.enumerated() where place == 0 || topics[place - 1] != topic { tagged[topic, default: []].append(entry.id) }
            // The era that began last of those the entry's first day falls in, the first listed of any that
            // began the same day with the same id.
            let day = entry.date.earliest
            var latest: Int?
            for (place, era) in definedEras.enumerated() where era.date.earliest <= day && day <= era.date.latest {
                if let chosen = latest, (era.date.earliest, era.id) <= (definedEras[chosen].date.earliest, definedEras[chosen].id) { continue }
                latest = place
            }
            eras.append(latest.map { definedEras[$0] })
            if positions[entry.id] == nil { positions[entry.id] = position }
        }
        return (tagged, eras, positions)
    }

    /// Who mentions and shows what, walking notes in a stable order: entries in time, then topics, then pages.
    private static func uses(notes: [String: LinkedNote], order: [String]) -> (backlinks: [String: [Backlink]], factUses: [String: [NoteInfo]]) {
        var backlinks: [String: [Backlink]] = [:]
        var factUses: [String: [NoteInfo]] = [:]
        // What each note links to and shows, each once; the sets are emptied for each note, not made anew.
        var seen = Set<String>(), shown = Set<String>()
        for id in order {
            guard let note = notes[id] else { continue }
            seen.removeAll(keepingCapacity: true)
            for mention in note.rendered.mentions where seen.insert(mention.target).inserted {
                backlinks[mention.target, default: []].append(Backlink(from: note.info, anchor: mention.anchor))
            }
            shown.removeAll(keepingCapacity: true)
            for fact in note.facts where shown.insert(fact.fact.id).inserted {
                factUses[fact.fact.id, default: []].append(note.info)
            }
            for fact in note.rendered.inlineFacts where shown.insert(fact).inserted {
                factUses[fact, default: []].append(note.info)
            }
        }
        return (backlinks, factUses)
    }

    /// Every place that cites each source, in the same order: the notes' citations, then the facts' by date.
    private static func sourceUses(notes: [String: LinkedNote], order: [String], facts: [Fact]) -> [String: [SourceUse]] {
        var sourceUses: [String: [SourceUse]] = [:]
        for id in order {
            guard let note = notes[id] else { continue }
            for cited in note.citations.sources {
                for use in cited.uses {
                    sourceUses[cited.sourceID, default: []].append(SourceUse(
                        route: note.info.route, anchor: use.anchor ?? Anchor.citedSource(cited.sourceID), title: note.info.title,
                        note: note.info, factID: nil, locator: use.locator, quote: use.quote, quoteLanguage: use.quoteLanguage))
                }
            }
        }
        for fact in facts.sorted(by: { ($0.date.earliest, $0.id) < ($1.date.earliest, $1.id) }) {
            for citation in fact.citations {
                sourceUses[citation.sourceID, default: []].append(SourceUse(
                    route: .facts, anchor: Anchor.fact(fact.id), title: fact.statement, note: nil, factID: fact.id,
                    locator: citation.locator, quote: citation.quote, quoteLanguage: citation.quoteLanguage))
            }
        }
        return sourceUses
    }

    /// The address of a route: absolute when the site knows its base URL, else its path.
    public func url(_ route: Route) -> String {
        guard let base = index.settings.baseURL else { return route.path }
        return base + (route == .index ? "" : route.path)
    }

    /// An entry by id.
    public func entry(withID id: String) -> Entry? { positions[id].map { entries[$0] } }

    /// Every page a template renders, in the order they are built.
    public var pageRoutes: [Route] {
        Route.fixedPages + (content.maps.isEmpty ? [] : [.map]) + entries.map { .note(.entry, $0.id) } + topics.map { .note(.topic, $0.id) }
            + content.sources.map { .source($0.id) } + pages.map { .note(.page, $0.id) } + index.settings.eras.map { .era($0.id) }
    }
}

/// A place: the map it shows on and how many entries concern it.
struct PlaceInfo: Sendable, Encodable {
    var id: String
    var title: String
    var coordinates: Coordinates?
    /// The first base map whose box holds the place, or nil when none does.
    var mapID: String?
    var entryCount: Int
}

/// A link to a note from another note's prose, as shown in "Mentioned in".
struct Backlink: Sendable, Hashable {
    var from: NoteInfo
    /// Where the mention is on the linking page.
    var anchor: String
}

extension Backlink: DirectFingerprint {
    /// A backlink is fingerprinted as its plain values; a test checks that it lists every stored property.
    func combine(into hasher: inout StableHasher) {
        from.combine(into: &hasher)
        hasher.combine(anchor)
    }
}

/// One place that cites a source, for the source's page.
struct SourceUse: Sendable, Hashable {
    /// The page that cites it, with the anchor of the citation.
    var route: Route
    var anchor: String?
    var title: String
    /// The entry, topic or page that cites, or nil when a fact does.
    var note: NoteInfo?
    var factID: String?
    var locator: String?
    var quote: String?
    var quoteLanguage: String?
}

extension SourceUse: DirectFingerprint {
    /// A use is fingerprinted as its plain values; a test checks that it lists every stored property.
    func combine(into hasher: inout StableHasher) {
        route.combine(into: &hasher)
        Fingerprint.combine(anchor, into: &hasher)
        hasher.combine(title)
        Fingerprint.combine(note?.kind.rawValue, into: &hasher)
        Fingerprint.combine(note?.id, into: &hasher)
        Fingerprint.combine(note?.title, into: &hasher)
        Fingerprint.combine(factID, into: &hasher)
        Fingerprint.combine(locator, into: &hasher)
        Fingerprint.combine(quote, into: &hasher)
        Fingerprint.combine(quoteLanguage, into: &hasher)
    }
}

/// A fact shown on a note's page, with its citation marks for that page.
struct FactOnPage: Sendable, Encodable {
    var fact: Fact
    var marks: String
}

/// A note whose citations are numbered for its page: body first, then its facts, then sources it cites as a whole.
///
/// A class, so that the many lookups of a note in the site's table share it instead of copying its fields.
final class LinkedNote: Sendable, Encodable {
    let info: NoteInfo
    let rendered: RenderedNote
    let citations: CitationList
    let facts: [FactOnPage]
    /// What linking looked up besides the note and its rendering: the facts it shows and the sources it
    /// cites. With the note's file and its rendering, these are all a linked note is made from, so a page
    /// that reads the note reads them too.
    let inputs: [ReadKey]

    /// The site's index is borrowed, not copied: a note is linked ten thousand times in a large site.
    init?(_ info: NoteInfo, _ rendered: RenderedNote?, facts factRefs: [Reference], citations wholeCitations: [Citation], index: borrowing SiteIndex) {
        guard let rendered else { return nil }
        var inputs: [ReadKey] = []
        var citations = rendered.citations
        var facts: [FactOnPage] = []
        for reference in factRefs {
            inputs.append(.fact(reference.id))
            guard let fact = index.facts[reference.id] else { continue }
            var marks: [CitationList.Mark] = []
            for citation in fact.citations {
                inputs.append(.source(citation.sourceID))
                guard index.sources[citation.sourceID] != nil else { continue }
                let cited = citations.cite(citation, inPlace: true)
                marks.append(CitationList.Mark(number: cited.number, anchor: cited.anchor, sourceID: citation.sourceID, locator: citation.locator))
            }
            facts.append(FactOnPage(fact: fact, marks: CitationList.marks(marks)))
        }
        for citation in wholeCitations {
            inputs.append(.source(citation.sourceID))
            guard index.sources[citation.sourceID] != nil else { continue }
            _ = citations.cite(citation, inPlace: false)
        }
        self.info = info
        self.rendered = rendered
        self.citations = citations
        self.facts = facts
        self.inputs = inputs
    }
}
