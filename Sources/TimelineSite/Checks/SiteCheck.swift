import TimelineCore

/// One rule the content must follow, checked once the site is read and linked.
protocol SiteCheck: Sendable {
    func check(_ site: Site, log: DiagnosticLog)
}

extension Site {
    /// Every check a build runs, in the order their diagnostics are usually read.
    static let checks: [any SiteCheck] = [
        DuplicateIDCheck(),
        FrontMatterReferenceCheck(),
        UncitedFactCheck(),
        UncitedEntryCheck(),
        UnusedSourceCheck(),
        UnusedFactCheck(),
        EntryAfterSourcesCheck(),
        RepeatedWordCheck(),
        PlaceholderCheck(),
        UnlinkedPageCheck(),
        SourceDateCheck(),
        ArchiveCheck(),
        QuoteCheck(),
        WeekdayCheck(),
        FigureCheck(),
        TranslationCheck(),
    ]

    public func runChecks(log: DiagnosticLog) {
        for check in Self.checks { check.check(self, log: log) }
    }
}
