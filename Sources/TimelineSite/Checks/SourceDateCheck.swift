import TimelineCore

/// A fact is not dated after a source it rests on was published: a source cannot report what had not
/// happened yet. Checked, with the other rules of evidence, for a content folder with archived texts.
struct SourceDateCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        guard !site.content.archives.isEmpty else { return }
        for fact in site.content.facts {
            for citation in fact.citations {
                guard let source = site.index.sources[citation.sourceID], fact.date.earliest > source.date.latest else { continue }
                log.error(
                    .factAfterSource,
                    "fact '\(fact.id)' is dated \(fact.date.text), after source '\(source.id)' was published (\(source.date.text)); a source cannot report what had not happened",
                    at: citation.location)
            }
        }
    }
}
