import TimelineCore

/// Every fact is shown with an entry or placed in some prose; one that is not appears only on the facts page.
struct UnusedFactCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        guard site.content.isComplete else { return }
        for fact in site.content.facts where site.factUses[fact.id]?.isEmpty ?? true && !site.content.drafts.factIDs.contains(fact.id) {
            log.warning(.unusedFact, "fact '\(fact.id)' is not shown with any entry nor placed in any text", at: fact.location)
        }
    }
}
