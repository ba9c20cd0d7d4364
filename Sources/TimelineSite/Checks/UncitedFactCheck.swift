import TimelineCore

/// Every fact cites at least one source.
struct UncitedFactCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        for fact in site.content.facts where fact.citations.isEmpty {
            log.error(.uncitedFact, "fact '\(fact.id)' has no source; list at least one source id under 'sources'", at: fact.location)
        }
    }
}
