import TimelineCore

/// Every source is cited somewhere; one that is not is usually a typo or a leftover.
struct UnusedSourceCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        guard site.content.isComplete else { return }
        for source in site.content.sources where site.sourceUses[source.id]?.isEmpty ?? true && !site.content.drafts.sourceIDs.contains(source.id) {
            log.warning(.unusedSource, "source '\(source.id)' is not cited anywhere", at: source.location)
        }
    }
}
