import TimelineCore

/// `search-index.js`: what the search box searches, as a script so that it also loads from disk.
///
/// Each document is `[kind, path, title, date, summary, text]`; the browser folds case and accents itself.
struct SearchIndex {
    let site: Site

    var bytes: [UInt8] {
        var documents: [JSON] = []
        let wording = site.index.wording
        for entry in site.entries {
            let topics = entry.topics.compactMap { site.index.notes[$0.id]?.title }.joined(separator: " ")
            let text = (site.notes[entry.id]?.rendered.markdown.text ?? "") + (topics.isEmpty ? "" : "\n" + topics)
            documents.append(.array([.string("entry"), .string(Route.note(.entry, entry.id).href), .string(entry.title),
                                     .string(entry.date.display(wording)), .string(entry.summary ?? ""), .string(text)]))
        }
        for topic in site.topics {
            documents.append(.array([.string("topic"), .string(Route.note(.topic, topic.id).href), .string(topic.title), .string(""),
                                     .string(topic.summary ?? ""), .string(site.notes[topic.id]?.rendered.markdown.text ?? "")]))
        }
        for page in site.pages {
            documents.append(.array([.string("page"), .string(Route.note(.page, page.id).href), .string(page.title), .string(""),
                                     .string(page.summary ?? ""), .string(site.notes[page.id]?.rendered.markdown.text ?? "")]))
        }
        for fact in site.content.facts.sorted(by: { ($0.date.earliest, $0.id) < ($1.date.earliest, $1.id) }) {
            documents.append(.array([.string("fact"), .string(Route.facts.href(from: .index, fragment: Anchor.fact(fact.id))), .string(fact.displayValue ?? fact.statement),
                                     .string(fact.date.display(wording)), .string(fact.statement), .string(fact.metric.map(Fact.metricTitle) ?? "")]))
        }
        var out = Array("window.TIMELINE_SEARCH_INDEX = ".utf8)
        JSON.object([("documents", .array(documents))]).write(into: &out, pretty: false, indent: 0)
        out.append(contentsOf: ";\n".utf8)
        return out
    }
}
