import TimelineCore

/// Ids are unique: among sources, among facts, among eras, among metrics, and across entries, topics and pages,
/// which `[[id]]` links share.
struct DuplicateIDCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        let content = site.content
        report(content.sources.map { ($0.id, $0.location) }, kind: "source", log: log)
        report(content.facts.map { ($0.id, $0.location) }, kind: "fact", log: log)
        report(content.settings.eras.map { ($0.id, $0.location) }, kind: "era", log: log)
        report(content.settings.metrics.map { ($0.id, $0.location) }, kind: "metric", log: log)
        let notes = content.pages.map { ($0.id, $0.location) } + content.topics.map { ($0.id, $0.location) }
            + content.entries.map { ($0.id, $0.location) }
        report(notes, kind: "note", log: log)
    }

    private func report(_ items: [(String, SourceLocation)], kind: String, log: DiagnosticLog) {
        var first: [String: SourceLocation] = [:]
        for (id, location) in items {
            if let earlier = first[id] {
                let message = kind == "note"
                    ? "id '\(id)' is already used by \(earlier.path); entries, topics and pages share ids, as [[\(id)]] must name one of them"
                    : "\(kind) id '\(id)' is defined twice"
                log.error(.duplicateID, message, at: location, notes: [.init("first defined here", at: earlier)])
            } else {
                first[id] = location
            }
        }
    }
}
