import TimelineCore

/// `search-index.js`: what the search box searches, as a script so that it also loads from disk.
///
/// Each document is `[kind, path, title, date, summary, text]`; the browser folds case and accents itself.
struct SearchIndex {
    let site: Site
    /// Given what is made so far after each document, and may take it away (to write it out).
    var spill: (inout [UInt8]) -> Void = { _ in }
    /// The index as the last build wrote it, whose entries' documents are copied when they did not change.
    var previous: PreviousExport?

    var bytes: [UInt8] { made().bytes }

    /// The index, and where each entry's document lies in it.
    func made() -> (bytes: [UInt8], layout: ExportLayout) {
        let items = ExportItems(previous: previous, spill: spill)
        let base = Fingerprint.of(site.content.settings)
        let wording = site.index.wording
        // In another language, a page whose text falls back to a different language is not searched in this one.
        let fallback = Set(site.content.noteLanguages.filter(\.value.isFallback).keys)
        var out = Array("window.TIMELINE_SEARCH_INDEX = ".utf8)
        out.reserveCapacity(min(site.entries.count * 2200, Site.exportPiece * 2))
        let settings = site.index.settings
        // The documents are written one by one, as they are made, so that the index is never held whole as JSON values.
        func write(_ document: [JSON], into out: inout [UInt8]) { JSON.array(document).write(into: &out, pretty: false, indent: 0) }
        let documents: (inout [UInt8]) -> Void = { out in
            out.append(UInt8(ascii: "["))
            var first = true
            func add(_ document: [JSON]) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                write(document, into: &out)
                items.giveAway(&out)
            }
            for entry in site.entries where !fallback.contains(entry.id) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                let linked = site.notes[entry.id]
                // The document is made from these alone; the rendered body's fingerprint stands for its text.
                // Its topics' titles are joined only when it is made.
                let fingerprint = StableHasher.hash { h in
                    h.combine(base)
                    h.combine(entry.id)
                    h.combine(entry.title)
                    h.combine(entry.date.text)
                    h.combine(entry.summary)
                    h.combine(entry.topics.count)
                    for topic in entry.topics { h.combine(site.index.notes[topic.id]?.title) }
                    Fingerprint.combine(linked?.rendered.fingerprint, into: &h)
                }
                items.add(entry.id, fingerprint: fingerprint, into: &out) { out in
                    let topics = entry.topics.compactMap { site.index.notes[$0.id]?.title }.joined(separator: " ")
                    let text = (linked?.rendered.markdown.text ?? "") + (topics.isEmpty ? "" : "\n" + topics)
                    write([.string("entry"), .string(Route.note(.entry, entry.id).href), .string(entry.title),
                           .string(entry.date.display(wording)), .string(entry.summary ?? ""), .string(text)], into: &out)
                }
                items.giveAway(&out)
            }
            for topic in site.topics where !fallback.contains(topic.id) {
                add([.string("topic"), .string(Route.note(.topic, topic.id).href), .string(topic.title), .string(""),
                     .string(topic.summary ?? ""), .string(site.notes[topic.id]?.rendered.markdown.text ?? "")])
            }
            for page in site.pages where !fallback.contains(page.id) {
                add([.string("page"), .string(Route.note(.page, page.id).href), .string(page.title), .string(""),
                     .string(page.summary ?? ""), .string(site.notes[page.id]?.rendered.markdown.text ?? "")])
            }
            for fact in site.content.facts.sorted(by: { ($0.date.earliest, $0.id) < ($1.date.earliest, $1.id) }) {
                add([.string("fact"), .string(Route.facts.href(from: .index, fragment: Anchor.fact(fact.id))), .string(fact.displayValue ?? fact.statement),
                     .string(fact.date.display(wording)), .string(fact.statement), .string(fact.metric.map(Fact.metricTitle) ?? "")])
            }
            out.append(UInt8(ascii: "]"))
        }
        var members: [(String, (inout [UInt8]) -> Void)] = []
        if !(settings.languages.isEmpty && settings.mainLanguage == nil) {
            members.append(("language", { JSON.string(settings.language).write(into: &$0, pretty: false, indent: 0) }))
        }
        members.append(("documents", documents))
        JSON.writeObject(members, into: &out)
        out.append(contentsOf: ";\n".utf8)
        return (out, items.finished(out))
    }
}
