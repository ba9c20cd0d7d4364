import TimelineCore

/// `data.json`: the whole content model, with ids, EDTF dates as written, Markdown bodies, and every link
/// resolved (pages' paths, what cites what, what mentions what), for the next tool to use.
struct DataExport {
    let site: Site

    /// Compact JSON: the file holds every body, and spaces would only make it larger.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        json.write(into: &out, pretty: false, indent: 0)
        out.append(0x0A)
        return out
    }

    static func citations(_ citations: [Citation]) -> JSON {
        .array(citations.map { citation in
            .compact([
                ("id", .string(citation.sourceID)), ("locator", .optional(citation.locator)), ("quote", .optional(citation.quote)),
                ("lang", .optional(citation.quoteLanguage)),
            ])
        })
    }

    static func body(_ body: MarkdownBody) -> JSON { .string(body.file.string(body.range)) }

    var json: JSON {
        let settings = site.index.settings
        let wording = site.index.wording
        let siteJSON = JSON.compact([
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
        let entries = JSON.array(site.entries.map { entry in
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
        })
        let topics = JSON.array(site.topics.map { topic in
            .compact([
                ("id", .string(topic.id)), ("url", .string(Route.note(.topic, topic.id).href)), ("title", .string(topic.title)),
                ("kind", .string(topic.kind.rawValue)), ("summary", .optional(topic.summary)), ("sources", Self.citations(topic.citations)),
                ("body", Self.body(topic.body)),
                ("entries", .array((site.tagged[topic.id] ?? []).map { .string($0) })),
                ("mentions", .array(uniqueMentions(topic.id).map { .string($0) })),
                ("mentioned_in", .array((site.backlinks[topic.id] ?? []).map { .string($0.from.id) })),
            ])
        })
        let pages = JSON.array(site.pages.map { page in
            .compact([
                ("id", .string(page.id)), ("url", .string(Route.note(.page, page.id).href)), ("title", .string(page.title)),
                ("summary", .optional(page.summary)), ("menu", page.menuOrder.map { .integer($0) } ?? .null),
                ("sources", Self.citations(page.citations)), ("body", Self.body(page.body)),
            ])
        })
        let sources = JSON.array(site.content.sources.map { source in
            .compact([
                ("id", .string(source.id)), ("url", .string(Route.source(source.id).href)), ("title", .optional(source.title)),
                ("publisher", .optional(source.publisher)), ("author", .optional(source.author)), ("date", .string(source.date.text)),
                ("address", .optional(source.url)), ("archive_url", .optional(source.archiveURL)), ("accessed", .optional(source.accessed?.text)),
                ("note", .optional(source.note)), ("language", .optional(source.language)),
                ("cited_in", .array((site.sourceUses[source.id] ?? []).map { use in
                    .string(use.route.href(from: .index, fragment: use.anchor))
                })),
            ])
        })
        let facts = JSON.array(site.content.facts.map { fact in
            .compact([
                ("id", .string(fact.id)), ("url", .string(Route.facts.href(from: .index, fragment: Anchor.fact(fact.id)))), ("statement", .string(fact.statement)),
                ("date", .string(fact.date.text)), ("sources", Self.citations(fact.citations)),
                ("metric", .optional(fact.metric)), ("value", fact.value.map { .number($0) } ?? .null),
                ("upper", fact.upperValue.map { .number($0) } ?? .null), ("unit", .optional(fact.unit)),
                ("qualifier", .optional(fact.qualifier)), ("display", .optional(fact.displayValue)),
                ("shown_in", .array((site.factUses[fact.id] ?? []).map { .string($0.id) })),
            ])
        })
        return .object([
            ("format", .string("timeline-data/1")), ("site", siteJSON), ("entries", entries), ("topics", topics), ("pages", pages),
            ("sources", sources), ("facts", facts),
        ])
    }

    private func uniqueMentions(_ id: String) -> [String] {
        var seen = Set<String>()
        return (site.notes[id]?.rendered.mentions ?? []).map(\.target).filter { seen.insert($0).inserted }
    }
}
