import TimelineCore

/// Each archived text is the text of a source of `sources.yaml`; an error found in one (a weekday that does
/// not match its date) goes on the source's page, and is a warning that names the source until the archive
/// lists it under `known_errors`.
struct ArchiveCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        for archive in site.content.archives.values.sorted(by: { $0.sourceID < $1.sourceID }) {
            if site.index.sources[archive.sourceID] == nil, !site.content.brokenIDs.contains(.source, archive.sourceID) {
                log.error(
                    .unknownSource, "archived text of unknown source '\(archive.sourceID)'; name the file after a source id of sources.yaml",
                    at: archive.location, fixIt: .closest(to: archive.sourceID, among: site.content.sources.map(\.id)))
            }
            for error in site.evidence.knownErrors[archive.sourceID] ?? [] where !archive.knownErrors.contains(error.written) {
                log.warning(
                    .wrongWeekday,
                    "the text of source '\(archive.sourceID)' has an error: \(error.message); once dealt with, list it under 'known_errors' in the archive's front matter",
                    at: error.location)
            }
        }
    }
}
