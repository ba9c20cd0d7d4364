import TimelineCore

/// `data.json`: the whole content model, with ids, EDTF dates as written, Markdown bodies, and every link
/// resolved (pages' paths, what cites what, what mentions what), for the next tool to use.
struct DataExport {
    let site: Site
    /// Given what is made so far after each note, source and fact, and may take it away (to write it out).
    var spill: (inout [UInt8]) -> Void = { _ in }

    /// The file as the last build wrote it, whose entries and sources are copied when they did not change.
    var previous: PreviousExport?

    /// The hash of each note's own file where a translation gave its body.
    private var ownFileHashes: [String: UInt64] { site.content.ownFileHashes }

    /// Compact JSON: the file holds every body, and spaces would only make it larger. Each note, source
    /// and fact is written as it is made, so that the whole file is never held as JSON values.
    var bytes: [UInt8] { made().bytes }

    /// The file, and where each entry and source lies in it.
    func made() -> (bytes: [UInt8], layout: ExportLayout) {
        var out: [UInt8] = []
        out.reserveCapacity(min(site.entries.count * 2600, Site.exportPiece * 2))
        let items = ExportItems(previous: previous, spill: spill)
        let base = Fingerprint.of(site.content.settings)
        JSON.writeObject([
            ("format", { JSON.string("timeline-data/1").write(into: &$0, pretty: false, indent: 0) }),
            ("site", { siteJSON.write(into: &$0, pretty: false, indent: 0) }),
            ("entries", { out in
                JSON.writeArray(site.entries, into: &out) { entry, out in
                    items.add(entry.id, fingerprint: fingerprint(entry, base: base), into: &out) { entryJSON(entry).write(into: &$0, pretty: false, indent: 0) }
                    items.giveAway(&out)
                }
            }),
            ("topics", { out in
                JSON.writeArray(site.topics, into: &out) { topic, out in
                    items.add(Self.topicKey(topic.id), fingerprint: fingerprint(topic), into: &out) { topicJSON(topic).write(into: &$0, pretty: false, indent: 0) }
                    items.giveAway(&out)
                }
            }),
            ("pages", { out in JSON.writeArray(site.pages, into: &out) { pageJSON($0).write(into: &$1, pretty: false, indent: 0); items.giveAway(&$1) } }),
            ("sources", { out in
                JSON.writeArray(site.content.sources, into: &out) { source, out in
                    items.add(Self.sourceKey(source.id), fingerprint: fingerprint(source), into: &out) { sourceJSON(source).write(into: &$0, pretty: false, indent: 0) }
                    items.giveAway(&out)
                }
            }),
            ("facts", { out in
                JSON.writeArray(site.content.facts, into: &out) { fact, out in
                    items.add(Self.factKey(fact.id), fingerprint: fingerprint(fact), into: &out) { factJSON(fact).write(into: &$0, pretty: false, indent: 0) }
                    items.giveAway(&out)
                }
            }),
        ], into: &out)
        out.append(0x0A)
        return (out, items.finished(out))
    }

    /// A fingerprint of everything ``entryJSON(_:)`` makes an entry's JSON from: the entry's fields, what its
    /// body cites, its rendering (which gives what it mentions), and what mentions it.
    /// `base` stands for the site's settings, whose language gives the wording of dates.
    ///
    /// An entry's fields are read from its file alone, and a reading is kept only for the same path and bytes,
    /// so the file's path and hash (``MarkdownBody``) stand for them. Its title and summary are hashed as well:
    /// on another language's site they come from a translation, whose file may give them without a body; a
    /// translation that gives the body gives its own file, with the entry's own file's hash beside it.
    func fingerprint(_ entry: Entry, base: UInt64) -> UInt64 {
        StableHasher.hash { h in
            h.combine(base)
            h.combine(entry.id)
            h.combine(entry.title)
            h.combine(entry.summary)
            Self.combine(entry.body, into: &h)
            if !ownFileHashes.isEmpty { Fingerprint.combine(ownFileHashes[entry.id], into: &h) }
            let linked = site.notes[entry.id]
            let cites = linked?.citations.sources ?? []
            h.combine(cites.count)
            for index in cites.indices { h.combine(cites[index].sourceID) }
            combineLinks(of: entry.id, linked, into: &h)
        }
    }

    /// The key of a source in the file's layout, apart from the entries' ids: no id holds a colon.
    static func sourceKey(_ id: String) -> String { "source:" + id }
    /// The key of a topic in the file's layout.
    static func topicKey(_ id: String) -> String { "topic:" + id }
    /// The key of a fact in the file's layout.
    static func factKey(_ id: String) -> String { "fact:" + id }

    /// A fingerprint of everything ``topicJSON(_:)`` makes a topic's JSON from: the topic's fields, its
    /// body (by its file's hash and place), the entries it tags, its rendering (which gives what it mentions)
    /// and what mentions it.
    func fingerprint(_ topic: Topic) -> UInt64 {
        StableHasher.hash { h in
            h.combine(topic.id)
            h.combine(topic.title)
            h.combine(topic.kind.rawValue)
            h.combine(topic.summary)
            Self.combine(topic.citations, into: &h)
            Self.combine(topic.body, into: &h)
            let tagged = site.tagged[topic.id] ?? []
            h.combine(tagged.count)
            for id in tagged { h.combine(id) }
            combineLinks(of: topic.id, site.notes[topic.id], into: &h)
        }
    }

    /// Writes a note's citations as its JSON gives them.
    private static func combine(_ citations: [Citation], into h: inout StableHasher) {
        h.combine(citations.count)
        for citation in citations {
            h.combine(citation.sourceID)
            h.combine(citation.locator)
            h.combine(citation.quote)
            h.combine(citation.quoteLanguage)
        }
    }

    /// Writes a body by its file's path and hash and its place in the file.
    private static func combine(_ body: MarkdownBody, into h: inout StableHasher) {
        h.combine(body.path)
        h.combine(body.fileHash)
        h.combine(body.range.lowerBound)
        h.combine(body.range.upperBound)
    }

    /// Writes what a note's JSON takes from its linked form's rendering, whose fingerprint stands for what
    /// the body mentions, and the notes that mention it.
    private func combineLinks(of id: String, _ linked: LinkedNote?, into h: inout StableHasher) {
        Fingerprint.combine(linked?.rendered.fingerprint, into: &h)
        let backlinks = site.backlinks[id] ?? []
        h.combine(backlinks.count)
        for backlink in backlinks { h.combine(backlink.from.id) }
    }

    /// A fingerprint of everything ``factJSON(_:)`` makes a fact's JSON from: the fact, every field of which
    /// writes its own fingerprint, and the notes that show it.
    func fingerprint(_ fact: Fact) -> UInt64 {
        StableHasher.hash { h in
            fact.combine(into: &h)
            let uses = site.factUses[fact.id] ?? []
            h.combine(uses.count)
            for use in uses { h.combine(use.id) }
        }
    }

    /// A fingerprint of everything ``sourceJSON(_:)`` makes a source's JSON from: its fields, and each place
    /// that cites it by its route and anchor, from which its address is made.
    func fingerprint(_ source: Source) -> UInt64 {
        StableHasher.hash { h in
            h.combine(source.id)
            h.combine(source.title)
            h.combine(source.publisher)
            h.combine(source.author)
            h.combine(source.date.text)
            h.combine(source.url)
            h.combine(source.archiveURL)
            h.combine(source.accessed?.text)
            h.combine(source.note)
            h.combine(source.language)
            let uses = site.sourceUses[source.id] ?? []
            h.combine(uses.count)
            for use in uses {
                use.route.combine(into: &h)
                h.combine(use.anchor)
            }
        }
    }

    static func citations(_ citations: [Citation]) -> JSON {
        .array(citations.map { citation in
            .compact([
                ("id", .string(citation.sourceID)), ("locator", .optional(citation.locator)), ("quote", .optional(citation.quote)),
                ("lang", .optional(citation.quoteLanguage)),
            ])
        })
    }

    static func body(_ body: MarkdownBody) -> JSON { .utf8(body.file.bytes[body.range]) }

    /// The site's settings: title, description, language, address, eras and metrics.
    var siteJSON: JSON {
        let settings = site.index.settings
        return JSON.compact([
            ("title", .string(settings.title)), ("description", .string(settings.description)), ("language", .string(settings.language)),
            ("base_url", .optional(settings.baseURL)), ("publisher", .optional(settings.publisher)),
            ("allow_html", .bool(settings.allowHTML)), ("smart_punctuation", .bool(settings.smartPunctuation)),
            ("link_schemes", settings.linkSchemes.isEmpty ? .null : .array(settings.linkSchemes.map(JSON.string))),
            ("units", settings.units.isEmpty ? .null : .array(settings.units.map(JSON.string))),
            ("eras", .array(settings.eras.map { era in
                .compact([("id", .string(era.id)), ("title", .string(era.title)), ("date", .string(era.date.text)),
                          ("summary", .optional(era.summary)), ("url", .string(Route.era(era.id).href))])
            })),
            ("metrics", .array(settings.metrics.map { metric in
                .compact([
                    ("id", .string(metric.id)), ("title", .string(metric.title)), ("description", .optional(metric.description)),
                    ("separate_counts", metric.separateCounts ? .bool(true) : .null),
                ])
            })),
        ])
    }

    /// One entry, with its body and every link resolved.
    func entryJSON(_ entry: Entry) -> JSON {
        let wording = site.index.wording
        let note = site.notes[entry.id]
        return .compact([
            ("id", .string(entry.id)), ("url", .string(Route.note(.entry, entry.id).href)), ("title", .string(entry.title)),
            ("date", .string(entry.date.text)), ("date_display", .string(entry.date.display(wording))),
            ("summary", .optional(entry.summary)),
            ("topics", .array(entry.topics.map { .string($0.id) })),
            ("sources", Self.citations(entry.citations)),
            ("facts", .array(entry.facts.map { .string($0.id) })),
            ("updated", .optional(entry.updated?.text)),
            ("corrections", .array(entry.corrections.map { .object([("date", .string($0.date.text)), ("text", .string($0.text))]) })),
            ("body", Self.body(entry.body)),
            ("cites", .array((note?.citations.order ?? []).map { .string($0) })),
            ("mentions", .array(uniqueMentions(entry.id).map { .string($0) })),
            ("mentioned_in", .array((site.backlinks[entry.id] ?? []).map { .string($0.from.id) })),
        ])
    }

    /// One topic, with its body, its entries and what mentions it.
    func topicJSON(_ topic: Topic) -> JSON {
        .compact([
            ("id", .string(topic.id)), ("url", .string(Route.note(.topic, topic.id).href)), ("title", .string(topic.title)),
            ("kind", .string(topic.kind.rawValue)), ("summary", .optional(topic.summary)), ("sources", Self.citations(topic.citations)),
            ("body", Self.body(topic.body)),
            ("entries", .array((site.tagged[topic.id] ?? []).map { .string($0) })),
            ("mentions", .array(uniqueMentions(topic.id).map { .string($0) })),
            ("mentioned_in", .array((site.backlinks[topic.id] ?? []).map { .string($0.from.id) })),
        ])
    }

    /// One page, with its body.
    func pageJSON(_ page: Page) -> JSON {
        .compact([
            ("id", .string(page.id)), ("url", .string(Route.note(.page, page.id).href)), ("title", .string(page.title)),
            ("summary", .optional(page.summary)), ("menu", page.menuOrder.map { .integer($0) } ?? .null),
            ("sources", Self.citations(page.citations)), ("body", Self.body(page.body)),
        ])
    }

    /// One source, with every place that cites it.
    func sourceJSON(_ source: Source) -> JSON {
        .compact([
            ("id", .string(source.id)), ("url", .string(Route.source(source.id).href)), ("title", .optional(source.title)),
            ("publisher", .optional(source.publisher)), ("author", .optional(source.author)), ("date", .string(source.date.text)),
            ("address", .optional(source.url)), ("archive_url", .optional(source.archiveURL)), ("accessed", .optional(source.accessed?.text)),
            ("note", .optional(source.note)), ("language", .optional(source.language)),
            ("cited_in", .array((site.sourceUses[source.id] ?? []).map { use in
                .string(use.route.href(from: .index, fragment: use.anchor))
            })),
        ])
    }

    /// One fact, with its figure and the notes that show it.
    func factJSON(_ fact: Fact) -> JSON {
        .compact([
            ("id", .string(fact.id)), ("url", .string(Route.facts.href(from: .index, fragment: Anchor.fact(fact.id)))), ("statement", .string(fact.statement)),
            ("date", .string(fact.date.text)), ("sources", Self.citations(fact.citations)),
            ("metric", .optional(fact.metric)), ("value", fact.value.map { .number($0) } ?? .null),
            ("upper", fact.upperValue.map { .number($0) } ?? .null), ("unit", .optional(fact.unit)),
            ("qualifier", .optional(fact.qualifier)), ("display", .optional(fact.displayValue)),
            ("shown_in", .array((site.factUses[fact.id] ?? []).map { .string($0.id) })),
        ])
    }

    private func uniqueMentions(_ id: String) -> [String] {
        var seen = Set<String>()
        return (site.notes[id]?.rendered.mentions ?? []).map(\.target).filter { seen.insert($0).inserted }
    }
}
