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

    /// Runs every check, several at once on a machine with several cores; each reports into a log of its
    /// own, passed on to `log` in the order of ``checks``, which sorts them anyway.
    public func runChecks(log: DiagnosticLog) {
        let reports = parallelMap(Self.checks, oneByOne: true) { check in
            let own = DiagnosticLog()
            check.check(self, log: own)
            return own.diagnostics
        }
        for report in reports { log.report(contentsOf: report) }
    }
}
