import TimelineCore

/// An entry is not dated after every source it cites was published: a source can only tell what happened
/// before it, so the date is probably mistyped (2027 for 2017), or a source is missing.
struct EntryAfterSourcesCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        let entries = site.content.entries
        for position in entries.indices {
            guard let note = site.notes[entries[position].id] else { continue }
            // The first source cited of those published last, found by its id without copying the others.
            var newest: (id: String, latest: DayNumber)?
            for cited in note.citations.sources {
                guard let latest = site.index.sources[cited.sourceID]?.date.latest else { continue }
                if newest.map({ $0.latest < latest }) ?? true { newest = (cited.sourceID, latest) }
            }
            guard let newest, entries[position].date.earliest > newest.latest, let source = site.index.sources[newest.id] else { continue }
            let entry = entries[position]
            let newestText = "'\(source.id)' (\(source.date.text))"
            log.warning(
                .entryAfterSources,
                "entry '\(entry.id)' is dated \(entry.date.text), after the newest source it cites, \(newestText), was published; check the date, or cite a source that reports it",
                at: SourceLocation(path: entry.location.path, line: 1, column: 1))
        }
    }
}
