import TimelineCore

/// `search-index.js`: what the search box searches, as a script so that it also loads from disk.
///
/// Each document is `[kind, path, title, date, summary, text]`; the browser folds case and accents itself.
struct SearchIndex {
    let site: Site

    var bytes: [UInt8] {
        var documents: [JSON] = []
        let wording = site.index.wording
        // In another language, a page whose text falls back to a different language is not searched in this one.
        let fallback = Set(site.content.noteLanguages.filter(\.value.isFallback).keys)
        for entry in site.entries where !fallback.contains(entry.id) {
            let topics = entry.topics.compactMap { site.index.notes[$0.id]?.title }.joined(separator: " ")
            let text = (site.notes[entry.id]?.rendered.markdown.text ?? "") + (topics.isEmpty ? "" : "\n" + topics)
            documents.append(.array([.string("entry"), .string(Route.note(.entry, entry.id).href), .string(entry.title),
                                     .string(entry.date.display(wording)), .string(entry.summary ?? ""), .string(text)]))
        }
        for topic in site.topics where !fallback.contains(topic.id) {
            documents.append(.array([.string("topic"), .string(Route.note(.topic, topic.id).href), .string(topic.title), .string(""),
                                     .string(topic.summary ?? ""), .string(site.notes[topic.id]?.rendered.markdown.text ?? "")]))
        }
        for page in site.pages where !fallback.contains(page.id) {
            documents.append(.array([.string("page"), .string(Route.note(.page, page.id).href), .string(page.title), .string(""),
                                     .string(page.summary ?? ""), .string(site.notes[page.id]?.rendered.markdown.text ?? "")]))
        }
        for fact in site.content.facts.sorted(by: { ($0.date.earliest, $0.id) < ($1.date.earliest, $1.id) }) {
            documents.append(.array([.string("fact"), .string(Route.facts.href(from: .index, fragment: Anchor.fact(fact.id))), .string(fact.displayValue ?? fact.statement),
                                     .string(fact.date.display(wording)), .string(fact.statement), .string(fact.metric.map(Fact.metricTitle) ?? "")]))
        }
        var out = Array("window.TIMELINE_SEARCH_INDEX = ".utf8)
        let settings = site.index.settings
        let language: [(String, JSON)] = settings.languages.isEmpty && settings.mainLanguage == nil ? [] : [("language", .string(settings.language))]
        JSON.object(language + [("documents", .array(documents))]).write(into: &out, pretty: false, indent: 0)
        out.append(contentsOf: ";\n".utf8)
        return out
    }
}
