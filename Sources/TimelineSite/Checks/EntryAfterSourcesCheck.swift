import TimelineCore

/// An entry is not dated after every source it cites was published: a source can only tell what happened
/// before it, so the date is probably mistyped (2027 for 2017), or a source is missing.
struct EntryAfterSourcesCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        for entry in site.content.entries {
            guard let note = site.notes[entry.id] else { continue }
            let sources = note.citations.order.compactMap { site.index.sources[$0] }
            guard !sources.isEmpty, let latest = sources.map(\.date.latest).max(), entry.date.earliest > latest else { continue }
            let newest = sources.max { $0.date.latest < $1.date.latest }.map { "'\($0.id)' (\($0.date.text))" } ?? ""
            log.warning(
                .entryAfterSources,
                "entry '\(entry.id)' is dated \(entry.date.text), after the newest source it cites, \(newest), was published; check the date, or cite a source that reports it",
                at: SourceLocation(path: entry.location.path, line: 1, column: 1))
        }
    }
}
