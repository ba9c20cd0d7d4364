import TimelineCore

/// The pages of entries, topics and free pages.
extension PageBuilder {
    func entryPage(_ id: String) -> EntryPage? {
        guard let (entry, note) = reader.entry(id) else { return nil }
        let route = Route.note(.entry, id)
        let settings = reader.settings()
        let neighbors = reader.neighbors(id)
        let topics = chips(entry, from: route)
        let view = EntryView(
            title: entry.title, dateHTML: date(entry.date), body: note.rendered.markdown.html, topics: topics,
            facts: note.facts.map { shown in
                EntryFact(
                    fact: factView(shown.fact), marks: shown.marks, href: Route.facts.href(from: route, fragment: Anchor.fact(shown.fact.id)),
                    later: laterFigure(of: shown.fact.id, from: route))
            },
            corrections: entry.corrections.map { CorrectionItem(dateHTML: date($0.date), text: $0.text) },
            mentionedIn: reader.backlinks(id).map { link($0.from, from: route, fragment: $0.anchor) },
            summary: entry.summary, updatedHTML: entry.updated.map(date),
            previous: neighbors.previous.flatMap { reader.card($0, from: route) },
            next: neighbors.next.flatMap { reader.card($0, from: route) },
            era: reader.era(of: id).map { EraLink(title: $0.title, href: Route.era($0.id).href(from: route)) },
            charts: charts(note, from: route), image: leadImage(entry.image, from: route))
        let article = JSON.compact([
            ("@context", .string("https://schema.org")), ("@type", .string("Article")), ("headline", .string(entry.title)),
            ("description", .optional(entry.summary)), ("inLanguage", .string(settings.language)),
            ("url", settings.baseURL != nil ? .string(url(route)) : .null),
            ("temporalCoverage", .string(entry.date.text)),
            ("about", .array(topics.map { .object([("@type", .string("Thing")), ("name", .string($0.title))]) })),
            ("citation", .array(note.citations.order.compactMap { reader.source($0) }.map(creativeWork))),
            ("isPartOf", website()),
        ])
        return EntryPage(
            frame: frame(
                route, title: entry.title, description: entry.summary, kind: "entry", draft: entry.draft, updated: entry.updated,
                citations: note.citations.inPlace, image: shareImage(lead: entry.image, entry: entry, from: route), jsonld: article),
            entry: view,
            sources: citationList(note.citations, from: route))
    }

    func topicPage(_ id: String) -> TopicPage? {
        guard let (topic, note) = reader.topic(id) else { return nil }
        let route = Route.note(.topic, id)
        let view = TopicView(
            title: topic.title, kind: topic.kind.rawValue, kindName: interface.word("kind_" + topic.kind.rawValue), body: note.rendered.markdown.html,
            entries: reader.topicEntries(id).compactMap { reader.card($0, from: route) },
            mentionedIn: reader.backlinks(id).filter { $0.from.kind != .entry }.map { link($0.from, from: route, fragment: $0.anchor) },
            summary: topic.summary, charts: charts(note, from: route), image: leadImage(topic.image, from: route), map: placeMap(topic, from: route))
        return TopicPage(
            frame: frame(
                route, title: topic.title, description: topic.summary, kind: "topic", draft: topic.draft, citations: note.citations.inPlace,
                image: shareImage(lead: topic.image, entry: nil, from: route)),
            topic: view,
            sources: citationList(note.citations, from: route))
    }

    func notePage(_ id: String) -> NotePage? {
        guard let (page, note) = reader.page(id) else { return nil }
        let route = Route.note(.page, id)
        return NotePage(
            frame: frame(route, title: page.title, description: page.summary, kind: "page", draft: page.draft, citations: note.citations.inPlace),
            content: PageView(title: page.title, body: note.rendered.markdown.html, charts: charts(note, from: route)),
            sources: citationList(note.citations, from: route))
    }
}
