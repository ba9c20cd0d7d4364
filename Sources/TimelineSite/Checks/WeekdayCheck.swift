import TimelineCore

/// A weekday the site's prose writes next to a date is that date's weekday. Words inside quotation marks are
/// a source's, and are left alone. Checked in the notes and their translations, for a content folder with
/// archived texts.
struct WeekdayCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        guard !site.content.archives.isEmpty else { return }
        for body in site.content.bodies + site.content.noteTranslations.compactMap(\.body) {
            let bytes = body.file.bytes[body.range]
            let text = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
            let quoted = ProseQuoteScanner.quotedRanges(text)
            for mismatch in WeekdayChecker.mismatches(in: text) where !quoted.contains(where: { $0.overlaps(mismatch.range) }) {
                let offset = body.range.lowerBound + text[..<mismatch.range.lowerBound].reduce(0) { $0 + UTF8.width($1) }
                log.error(.wrongWeekday, "\"\(mismatch.written)\": that date was a \(mismatch.actual)", at: body.file.location(ofOffset: offset))
            }
        }
    }
}
