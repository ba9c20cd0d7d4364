import TimelineCore

/// Every entry cites at least one source: in its text, in its front matter, or through the facts it shows.
struct UncitedEntryCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        guard site.content.isComplete else { return }
        for entry in site.content.entries {
            guard let note = site.notes[entry.id], note.info.kind == .entry, note.citations.isEmpty else { continue }
            log.error(
                .uncitedEntry, "entry '\(entry.id)' cites no source; cite one in the text with [@source-id] or list it under 'sources'",
                at: SourceLocation(path: entry.location.path, line: 1, column: 1))
        }
    }
}
