import TimelineCore

/// Every entry cites at least one source: in its text, in its front matter, or through the facts it shows.
struct UncitedEntryCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        guard site.content.isComplete else { return }
        for entry in site.content.entries {
            guard let note = site.notes[entry.id], note.info.kind == .entry, note.citations.isEmpty else { continue }
            let message = "entry '\(entry.id)' cites no source; cite one in the text with [@source-id] or list it under 'sources'"
            let location = SourceLocation(path: entry.location.path, line: 1, column: 1)
            // A draft is work in progress: its missing citation is reported, but does not stop a preview.
            if entry.draft { log.warning(.uncitedEntry, message, at: location) } else { log.error(.uncitedEntry, message, at: location) }
        }
    }
}
