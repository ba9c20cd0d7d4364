import TimelineCore

/// Translations are into the site's languages and keep up with their originals: a translation made before
/// its entry's last update (`translated` earlier than `updated`) is out of date, and a translation of a
/// text into a language `site.yaml` does not list is an error.
struct TranslationCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        let settings = site.content.settings
        let names = Dictionary(settings.languages.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        for translation in site.content.noteTranslations where translation.kind == .entry {
            guard let entry = site.entry(withID: translation.id), let updated = entry.updated else { continue }
            let name = names[translation.language] ?? translation.language
            guard let translated = translation.translated else {
                log.warning(
                    .outdatedTranslation,
                    "the \(name) translation of '\(translation.id)' does not say when it was made, and the entry was updated on \(updated.text); give 'translated: DATE' once it says what the entry says",
                    at: translation.location)
                continue
            }
            if translated.latest < updated.earliest {
                log.warning(
                    .outdatedTranslation,
                    "the \(name) translation of '\(translation.id)' (translated \(translated.text)) is older than the entry's update of \(updated.text); bring it up to date and change 'translated'",
                    at: translation.location)
            }
        }
        var items: [(Translations, String)] = [(settings.translations, "site.yaml")]
        items += settings.eras.map { ($0.translations, "era '\($0.id)'") } + settings.metrics.map { ($0.translations, "metric '\($0.id)'") }
        items += settings.story.map { ($0.translations, "a point of the story so far") } + settings.charts.map { ($0.translations, "chart '\($0.id)'") }
        items += site.content.facts.map { ($0.translations, "fact '\($0.id)'") } + site.content.sources.map { ($0.translations, "source '\($0.id)'") }
        items += settings.unitTranslations.sorted { $0.key < $1.key }.map { ($0.value, "unit '\($0.key)'") }
        items += site.content.archives.sorted { $0.key < $1.key }.map { ($0.value.translations, "the archived text of '\($0.key)'") }
        items += site.content.media.map { ($0.translations, "image '\($0.file)'") } + site.content.maps.map { ($0.translations, "map '\($0.id)'") }
        for (translations, subject) in items {
            for (language, location) in translations.locations.sorted(by: { $0.value < $1.value }) where names[language] == nil {
                log.error(
                    .invalidLanguage, "\(subject) is translated into '\(language)', which is not one of the site's languages", at: location,
                    fixIt: .closest(to: language, among: names.keys))
            }
        }
    }
}
