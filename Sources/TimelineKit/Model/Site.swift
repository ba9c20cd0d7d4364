/// A link to a note from another note's prose, as shown in "Mentioned in".
struct Backlink: Sendable, Hashable {
    var from: NoteInfo
    /// Where the mention is on the linking page.
    var anchor: String
}

/// One place that cites a source, for the source's page.
struct SourceUse: Sendable, Hashable {
    /// The page that cites it, relative to the site's root, with the anchor of the citation.
    var path: String
    var anchor: String?
    var title: String
    /// The entry, topic or page that cites, or nil when a fact does.
    var note: NoteInfo?
    var factID: String?
    var locator: String?
    var quote: String?
    var quoteLanguage: String?
}

/// A fact shown on a note's page, with its citation marks for that page.
struct FactOnPage: Sendable {
    var fact: Fact
    var marks: String
}

/// A note whose citations are numbered for its page: body first, then its facts, then sources it cites as a whole.
struct LinkedNote: Sendable {
    var info: NoteInfo
    var rendered: RenderedNote
    var citations: CitationList
    var facts: [FactOnPage]
}

/// A site whose content has been read, rendered and linked both ways: what pages are built from.
struct Site: Sendable {
    let content: Content
    let index: SiteIndex
    /// Entries in time order: earliest possible day, then latest, then id.
    let entries: [Entry]
    let topics: [Topic]
    let pages: [Page]
    let notes: [String: LinkedNote]
    /// Mentions of each note in other notes' prose, in time order of the mentioning entries.
    let backlinks: [String: [Backlink]]
    /// Entries tagged with each topic.
    let tagged: [String: [String]]
    let sourceUses: [String: [SourceUse]]
    /// Notes that show or mention each fact.
    let factUses: [String: [NoteInfo]]

    /// Time order of notes: entries by date, then topics and pages by title.
    static func entryOrder(_ a: Entry, _ b: Entry) -> Bool {
        (a.date.earliest, a.date.latest, a.id) < (b.date.earliest, b.date.latest, b.id)
    }

    init(content: Content, index: SiteIndex, rendered: [RenderedNote]) {
        self.content = content
        self.index = index
        // Sorting positions rather than entries: an entry is a large value to move around.
        let keys = content.entries.map { ($0.date.earliest, $0.date.latest, $0.id) }
        entries = keys.indices.sorted { keys[$0] < keys[$1] }.map { content.entries[$0] }
        topics = content.topics.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
        pages = content.pages.sorted { ($0.menuOrder ?? Int.max, $0.title, $0.id) < ($1.menuOrder ?? Int.max, $1.title, $1.id) }

        var renderedByID: [String: RenderedNote] = [:]
        for note in rendered { renderedByID[note.id] = note }

        var notes: [String: LinkedNote] = [:]
        func link(_ info: NoteInfo, facts factRefs: [Reference], citations wholeCitations: [Citation]) {
            guard let rendered = renderedByID[info.id] else { return }
            var citations = rendered.citations
            var facts: [FactOnPage] = []
            for reference in factRefs {
                guard let fact = index.facts[reference.id] else { continue }
                var marks: [(number: Int, anchor: String?, sourceID: String, locator: String?)] = []
                for citation in fact.citations where index.sources[citation.sourceID] != nil {
                    let cited = citations.cite(citation, inPlace: true)
                    marks.append((cited.number, cited.anchor, citation.sourceID, citation.locator))
                }
                facts.append(FactOnPage(fact: fact, marks: CitationList.marks(marks)))
            }
            for citation in wholeCitations where index.sources[citation.sourceID] != nil {
                _ = citations.cite(citation, inPlace: false)
            }
            notes[info.id] = LinkedNote(info: info, rendered: rendered, citations: citations, facts: facts)
        }
        for entry in entries {
            link(NoteInfo(kind: .entry, id: entry.id, title: entry.title), facts: entry.facts, citations: entry.citations)
        }
        for topic in topics { link(NoteInfo(kind: .topic, id: topic.id, title: topic.title), facts: [], citations: topic.citations) }
        for page in pages { link(NoteInfo(kind: .page, id: page.id, title: page.title), facts: [], citations: page.citations) }
        self.notes = notes

        // Walk notes in a stable order: entries in time, then topics, then pages.
        let ordered = entries.map(\.id) + topics.map(\.id) + pages.map(\.id)

        var backlinks: [String: [Backlink]] = [:]
        var factUses: [String: [NoteInfo]] = [:]
        var sourceUses: [String: [SourceUse]] = [:]
        for id in ordered {
            guard let note = notes[id] else { continue }
            var seen = Set<String>()
            for mention in note.rendered.mentions where seen.insert(mention.target).inserted {
                backlinks[mention.target, default: []].append(Backlink(from: note.info, anchor: mention.anchor))
            }
            var shown = Set<String>()
            for fact in note.facts.map(\.fact.id) + note.rendered.inlineFacts where shown.insert(fact).inserted {
                factUses[fact, default: []].append(note.info)
            }
            for sourceID in note.citations.order {
                for use in note.citations.uses[sourceID] ?? [] {
                    sourceUses[sourceID, default: []].append(SourceUse(
                        path: note.info.path, anchor: use.anchor ?? CitationList.noteAnchor(sourceID), title: note.info.title,
                        note: note.info, factID: nil, locator: use.locator, quote: use.quote, quoteLanguage: use.quoteLanguage))
                }
            }
        }
        for fact in content.facts.sorted(by: { ($0.date.earliest, $0.id) < ($1.date.earliest, $1.id) }) {
            for citation in fact.citations {
                sourceUses[citation.sourceID, default: []].append(SourceUse(
                    path: "facts.html", anchor: "fact-\(fact.id)", title: fact.statement, note: nil, factID: fact.id,
                    locator: citation.locator, quote: citation.quote, quoteLanguage: citation.quoteLanguage))
            }
        }
        self.backlinks = backlinks
        self.factUses = factUses
        self.sourceUses = sourceUses

        var tagged: [String: [String]] = [:]
        for entry in entries {
            for topic in Set(entry.topics.map(\.id)).sorted() { tagged[topic, default: []].append(entry.id) }
        }
        self.tagged = tagged
    }
}
