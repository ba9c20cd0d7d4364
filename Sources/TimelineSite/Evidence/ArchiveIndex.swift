import TimelineCore

/// The archived texts of a site's sources made ready to search, with the errors found in them: made once
/// from the texts, which every language of the site shares.
public struct ArchiveIndex: Sendable {
    /// Each text ready to search, by source id.
    let matchers: [String: QuoteMatcher]
    /// The errors found in each text, by source id; a text without any is not listed.
    let knownErrors: [String: [Evidence.KnownError]]

    /// The texts of `archives`, each made ready on its own, in parallel.
    public init(_ archives: [String: Archive]) {
        let sorted = archives.sorted { $0.key < $1.key }
        let made = parallelMap(sorted) { _, archive -> (QuoteMatcher, [Evidence.KnownError]) in
            let text = Array(archive.text.unicodeScalars)
            let errors = WeekdayChecker.mismatches(in: text).map { mismatch in
                Evidence.KnownError(
                    message: "\"\(mismatch.written)\": that date was a \(mismatch.actual)",
                    location: archive.location(of: archive.text.unicodeScalars.index(archive.text.startIndex, offsetBy: mismatch.range.lowerBound)),
                    written: mismatch.written)
            }
            return (QuoteMatcher(text: archive.text), errors)
        }
        var matchers: [String: QuoteMatcher] = [:]
        var knownErrors: [String: [Evidence.KnownError]] = [:]
        for ((id, _), (matcher, errors)) in zip(sorted, made) {
            matchers[id] = matcher
            if !errors.isEmpty { knownErrors[id] = errors }
        }
        self.matchers = matchers
        self.knownErrors = knownErrors
    }
}
