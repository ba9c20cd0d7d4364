/// For every page and file of a site, a hash of everything it is made from, so that a build renders again
/// only the pages whose hash changed since the last build. Each page's hash combines small hashes of the
/// items it shows (a note, an entry's card, a title, a source, a fact, the lists of what links to what),
/// mirroring what ``PageContext`` reads for that page.
struct PageVersions {
    let site: Site
    let context: PageContext
    /// Settings, templates and navigation: what every page depends on.
    let global: UInt64
    private var notes: [String: UInt64] = [:]
    private var cards: [String: UInt64] = [:]
    private var titles: [String: UInt64] = [:]
    private var sources: [String: UInt64] = [:]
    private var facts: [String: UInt64] = [:]
    private var backlinks: [String: UInt64] = [:]
    private var uses: [String: UInt64] = [:]
    private var factUses: [String: UInt64] = [:]
    private var charts: [String: UInt64] = [:]
    /// Everything at once, for the feed, the search index and the exports.
    private(set) var world: UInt64 = 0

    /// - Parameter fileHashes: the hash of each note's file, by note id.
    init(site: Site, context: PageContext, templates: TemplateSet, fileHashes: [String: UInt64]) {
        self.site = site
        self.context = context
        let settings = site.index.settings
        global = StableHasher.hash { h in
            h.combine(templates.fingerprint)
            h.combine(settings.title)
            h.combine(settings.description)
            h.combine(settings.language)
            h.combine(settings.baseURL)
            h.combine(settings.publisher)
            h.combine(settings.allowHTML)
            h.combine(settings.smartPunctuation)
            for era in settings.eras {
                h.combine(era.id)
                h.combine(era.title)
                h.combine(era.date.text)
                h.combine(era.summary)
            }
            for metric in settings.metrics {
                h.combine(metric.id)
                h.combine(metric.title)
                h.combine(metric.description)
            }
            for page in site.pages where page.menuOrder != nil {
                h.combine(page.id)
                h.combine(page.title)
            }
        }
        for (id, note) in site.notes {
            notes[id] = StableHasher.hash { h in
                h.combine(fileHashes[id] ?? 0)
                h.combine(note.rendered.markdown.html)
                h.combine(note.rendered.markdown.text)
                Self.combine(note.citations, into: &h)
                for shown in note.facts {
                    h.combine(shown.fact.id)
                    h.combine(shown.marks)
                }
                for mention in note.rendered.mentions {
                    h.combine(mention.target)
                    h.combine(mention.anchor)
                }
                for fact in note.rendered.inlineFacts { h.combine(fact) }
            }
            titles[id] = StableHasher.hash { h in
                h.combine(note.info.kind.rawValue)
                h.combine(note.info.title)
            }
        }
        for entry in site.entries {
            cards[entry.id] = StableHasher.hash { h in
                h.combine(entry.id)
                h.combine(entry.title)
                h.combine(entry.date.text)
                h.combine(entry.summary)
                h.combine(site.notes[entry.id]?.citations.order.count ?? 0)
                for topic in entry.topics {
                    h.combine(topic.id)
                    h.combine(site.index.notes[topic.id]?.title)
                }
            }
        }
        for source in site.content.sources {
            sources[source.id] = StableHasher.hash { h in
                for field in [source.id, source.title, source.publisher, source.author, source.date.text, source.url,
                              source.archiveURL, source.accessed?.text, source.note, source.language] {
                    h.combine(field)
                }
            }
        }
        for fact in site.content.facts {
            facts[fact.id] = StableHasher.hash { h in
                for field in [fact.id, fact.statement, fact.date.text, fact.metric, fact.unit, fact.qualifier] { h.combine(field) }
                h.combine(fact.value)
                h.combine(fact.upperValue)
                for citation in fact.citations {
                    for field in [citation.sourceID, citation.locator, citation.quote, citation.quoteLanguage] { h.combine(field) }
                }
            }
        }
        for (id, list) in site.backlinks {
            backlinks[id] = StableHasher.hash { h in
                for backlink in list {
                    h.combine(backlink.from.kind.rawValue)
                    h.combine(backlink.from.id)
                    h.combine(backlink.from.title)
                    h.combine(backlink.anchor)
                }
            }
        }
        for (id, list) in site.sourceUses {
            uses[id] = StableHasher.hash { h in
                for use in list {
                    for field in [use.path, use.anchor, use.title, use.note?.kind.rawValue, use.factID, use.locator, use.quote, use.quoteLanguage] {
                        h.combine(field)
                    }
                    if let factID = use.factID { h.combine(facts[factID] ?? 0) }
                }
            }
        }
        for (id, list) in site.factUses {
            factUses[id] = StableHasher.hash { h in
                for note in list {
                    h.combine(note.kind.rawValue)
                    h.combine(note.id)
                    h.combine(note.title)
                }
            }
        }
        for (metric, chart) in context.charts {
            charts[metric] = StableHasher.hash { h in
                h.combine(chart.title)
                for fact in chart.facts {
                    h.combine(facts[fact.id] ?? 0)
                    if let source = fact.citations.first.flatMap({ site.index.sources[$0.sourceID] }) { h.combine(sources[source.id] ?? 0) }
                }
            }
        }
        world = StableHasher.hash { h in
            h.combine(global)
            for dictionary in [notes, cards, titles, sources, facts, backlinks, uses, factUses] {
                for key in dictionary.keys.sorted() {
                    h.combine(key)
                    h.combine(dictionary[key]!)
                }
            }
            for entry in site.entries { h.combine(entry.id) }
            for (topic, members) in context.topicEntries.sorted(by: { $0.key < $1.key }) {
                h.combine(topic)
                for member in members { h.combine(member) }
            }
        }
    }

    static func combine(_ citations: CitationList, into h: inout StableHasher) {
        for sourceID in citations.order {
            h.combine(sourceID)
            for use in citations.uses[sourceID] ?? [] {
                for field in [use.anchor, use.locator, use.quote, use.quoteLanguage] { h.combine(field) }
            }
        }
    }

    /// The charts a note's page shows: those of the metrics of the facts it shows or cites in its text.
    private func chartHashes(_ id: String, into h: inout StableHasher) {
        guard let note = site.notes[id] else { return }
        for factID in note.facts.map(\.fact.id) + note.rendered.inlineFacts {
            if let metric = site.index.facts[factID]?.metric, let chart = charts[metric],
               (context.charts[metric]?.facts.count ?? 0) <= FigureChart.notePageLimit {
                h.combine(metric)
                h.combine(chart)
            }
        }
    }

    private func sourceHashes(_ id: String, into h: inout StableHasher) {
        for sourceID in site.notes[id]?.citations.order ?? [] { h.combine(sources[sourceID] ?? 0) }
    }

    func version(of page: PlannedPage) -> UInt64 {
        var h = StableHasher()
        h.combine(page.template)
        h.combine(global)
        switch page {
        case .entry(let position):
            let entry = site.entries[position]
            h.combine(notes[entry.id] ?? 0)
            for topic in entry.topics { h.combine(titles[topic.id] ?? 0) }
            for shown in site.notes[entry.id]?.facts ?? [] { h.combine(facts[shown.fact.id] ?? 0) }
            h.combine(backlinks[entry.id] ?? 0)
            if position > 0 { h.combine(cards[site.entries[position - 1].id] ?? 0) } else { h.combine(UInt64(1)) }
            if position + 1 < site.entries.count { h.combine(cards[site.entries[position + 1].id] ?? 0) } else { h.combine(UInt64(2)) }
            h.combine(context.eras[position]?.id)
            chartHashes(entry.id, into: &h)
            sourceHashes(entry.id, into: &h)
        case .topic(let position):
            let topic = site.topics[position]
            h.combine(notes[topic.id] ?? 0)
            for member in context.topicEntries[topic.id] ?? [] { h.combine(cards[site.entries[member].id] ?? 0) }
            h.combine(backlinks[topic.id] ?? 0)
            chartHashes(topic.id, into: &h)
            sourceHashes(topic.id, into: &h)
        case .page(let position):
            let page = site.pages[position]
            h.combine(notes[page.id] ?? 0)
            chartHashes(page.id, into: &h)
            sourceHashes(page.id, into: &h)
        case .source(let position):
            let source = site.content.sources[position]
            h.combine(sources[source.id] ?? 0)
            h.combine(uses[source.id] ?? 0)
        case .era(let position):
            let era = site.index.settings.eras[position]
            for (index, entry) in site.entries.enumerated() where context.eras[index]?.id == era.id { h.combine(cards[entry.id] ?? 0) }
        case .index:
            for (index, entry) in site.entries.enumerated() {
                h.combine(cards[entry.id] ?? 0)
                h.combine(context.eras[index]?.id)
            }
        case .topics:
            for topic in site.topics {
                h.combine(titles[topic.id] ?? 0)
                h.combine(topic.summary)
                h.combine(site.tagged[topic.id]?.count ?? 0)
            }
        case .sources:
            for source in site.content.sources {
                h.combine(sources[source.id] ?? 0)
                h.combine(uses[source.id] ?? 0)
            }
        case .facts:
            for fact in site.content.facts {
                h.combine(facts[fact.id] ?? 0)
                h.combine(factUses[fact.id] ?? 0)
                for citation in fact.citations { h.combine(sources[citation.sourceID] ?? 0) }
            }
            for metric in charts.keys.sorted() { h.combine(charts[metric]!) }
        case .notFound:
            break
        }
        return h.value
    }

    /// The version of a generated file: it depends on everything.
    func version(of file: GeneratedFile) -> UInt64 {
        StableHasher.hash { h in
            h.combine(file.path)
            h.combine(world)
        }
    }
}
